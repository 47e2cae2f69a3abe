//! Passes over the claims of a sentence once each trigger is coded.

use dyad_language::{Annotated, Span};

use crate::doc::{Actor, Doc, Spot};
use crate::{sentence_index, Certainty, Claim};

/// "North Korea has decided to send 12,000 troops … to help Russia": a claim
/// missing a party that another claim of its kind in the sentence names is
/// that claim, told with less detail. Claims from `sentence_start` on are the
/// sentence's.
pub(crate) fn drop_vague(out: &mut Vec<Claim>, sentence_start: usize) {
    let here = &out[sentence_start..];
    let vague: Vec<bool> = here
        .iter()
        .map(|c| {
            here.iter().any(|o| {
                o.kind == c.kind
                    && (o.certainty == Certainty::Denied) == (c.certainty == Certainty::Denied)
                    && ((c.target.is_none()
                        && o.target.is_some()
                        && c.source.is_some()
                        && o.source == c.source)
                        || (c.source.is_none()
                            && o.source.is_some()
                            && c.target.is_some()
                            && o.target == c.target))
            })
        })
        .collect();
    let mut i = 0;
    out.retain(|_| {
        let keep = i < sentence_start || !vague[i - sentence_start];
        i += 1;
        keep
    });
}

/// "Iranian-designed Shahed-136s": a weapon system marked with its maker is
/// that maker's product. `origins` are the sentence's actors marked as makers,
/// `sw` its weapons.
pub(crate) fn maker_products(
    d: &Doc,
    origins: &[&Actor],
    sw: &[Spot],
    out: &mut Vec<Claim>,
    sentence_start: usize,
) {
    let (toks, lower, c) = (d.toks, &d.lower, d.c);
    for x in origins {
        let Some(&maker) = x.entities.first() else {
            continue;
        };
        let Some(&(w0, _, w)) = sw.iter().find(|w| w.0 > x.last && w.0 <= x.last + 3) else {
            continue;
        };
        // (Marked as made: "Iranian-designed", not a bare "North Korean".)
        let marked = lower[x.last].contains('-') || lower.get(x.last + 1).is_some_and(|t| t == "-");
        if !marked
            || lower[x.last + 1..w0]
                .iter()
                .any(|t| !(t == "-" || c.made_by.iter().any(|p| p.len() == 1 && p[0] == *t)))
            || out[sentence_start..]
                .iter()
                .any(|o| o.kind == "PRODUCES" && o.source == Some(maker) && o.target == Some(w))
        {
            continue;
        }
        let span = Span::new(toks[x.first].span.start, toks[w0].span.end);
        out.push(Claim {
            kind: "PRODUCES".to_string(),
            mode: None,
            cameo: None,
            source: Some(maker),
            target: Some(w),
            target_implied: false,
            source_implied: false,
            source_agent: None,
            target_agent: None,
            symmetric: false,
            items: vec![w],
            certainty: Certainty::Fact,
            attribution: None,
            time: None,
            when: None,
            quantity: None,
            conditional: false,
            negated: false,
            evidence: span,
            trigger: toks[x.last].span,
        });
    }
}

/// "delivered munitions to Russia in exchange for food": the goods that go
/// back are aid the other way, on the same word.
pub(crate) fn exchanges(
    d: &Doc,
    s0: usize,
    s1: usize,
    out: &mut Vec<Claim>,
    sentence_start: usize,
) {
    let (toks, c) = (d.toks, d.c);
    for j in s0..s1 {
        if !c.exchange.iter().any(|p| d.phrase_at(j, p)) {
            continue;
        }
        let Some(given) = out[sentence_start..]
            .iter()
            .rev()
            .find(|o| {
                o.kind == "AID"
                    && o.source.is_some()
                    && o.target.is_some()
                    && o.evidence.start < toks[j].span.start
            })
            .cloned()
        else {
            continue;
        };
        let end = toks[(j + 6).min(s1 - 1)].span.end.max(toks[j].span.end);
        out.push(Claim {
            source: given.target,
            target: given.source,
            target_implied: false,
            source_implied: false,
            source_agent: given.target_agent,
            target_agent: given.source_agent,
            symmetric: false,
            items: Vec::new(),
            quantity: None,
            cameo: given.cameo.clone(),
            evidence: Span::new(toks[j].span.start, end),
            trigger: toks[j].span,
            ..given
        });
    }
}

/// "The US said Iran had delivered missiles to Russia. Iran denied supplying
/// the missiles.", "Iran has acknowledged sending drones to Russia but denies
/// supplying missiles": a claim with a source but no target takes the target of
/// the same kind of claim by the same source earlier in its sentence or in the
/// ten sentences before.
pub(crate) fn inherit_targets(a: &Annotated, out: &mut [Claim]) {
    let sentence_of = |pos: usize| sentence_index(a, pos);
    for i in 0..out.len() {
        if out[i].target.is_some() || out[i].source.is_none() {
            continue;
        }
        let here = sentence_of(out[i].evidence.start);
        let found = out[..i]
            .iter()
            .rev()
            .take_while(|o| sentence_of(o.evidence.start) + 10 >= here)
            .find(|o| {
                sentence_of(o.evidence.start) <= here
                    && o.kind == out[i].kind
                    && o.source == out[i].source
                    && o.target.is_some()
            });
        if let Some(t) = found.and_then(|o| o.target) {
            out[i].target = Some(t);
        }
    }
}

/// "Israel carried out strikes on Iran on Saturday … the strikes, which also
/// hit sites in Khuzestan … Israel had carried out precise strikes": one event
/// told again is one claim. A later claim of the same kind between the same
/// parties goes when it adds nothing: no other time, quantity, items or
/// source of the report, and the same stance (a denial or a negation is a
/// claim of its own).
pub(crate) fn drop_retold(a: &Annotated, out: &mut Vec<Claim>) {
    // The same party, or a person or body of the state told before ("North
    // Korea fired a missile … Kim Jong-un had overseen the launch").
    let same_party = |told: Option<usize>, again: Option<usize>| {
        told == again
            || told.zip(again).is_some_and(|(t, g)| {
                a.entities[t].kind == dyad_language::Kind::State
                    && a.entities[g].state_id() == Some(a.entities[t].id.as_str())
            })
    };
    let mut keep = vec![true; out.len()];
    for i in 0..out.len() {
        let c = &out[i];
        if c.source.is_none() || (c.target.is_none() && c.kind != "MOBILIZE") {
            continue;
        }
        keep[i] = !out[..i].iter().enumerate().any(|(j, o)| {
            keep[j]
                && o.kind == c.kind
                && same_party(o.source, c.source)
                && o.target == c.target
                && o.negated == c.negated
                && (o.certainty == Certainty::Denied) == (c.certainty == Certainty::Denied)
                && o.conditional == c.conditional
                && (c.when.is_none() || c.when == o.when)
                && (c.quantity.is_none() || c.quantity == o.quantity)
                && (c.attribution.is_none() || c.attribution == o.attribution)
                && c.items.iter().all(|w| o.items.contains(w))
        });
    }
    let mut i = 0;
    out.retain(|_| {
        i += 1;
        keep[i - 1]
    });
}

/// "Russia launched a massive attack on Ukraine overnight. The attack hit 15
/// regions.": a claim with a target but no named source takes the source of
/// the same kind of claim on the same target in the four sentences before.
/// An attack coded against the state where it happened (an implied source) is
/// such a claim, too: the story says who struck.
pub(crate) fn inherit_sources(a: &Annotated, out: &mut [Claim]) {
    let sentence_of = |pos: usize| sentence_index(a, pos);
    let state_of = |i: usize| a.entities[i].state_id();
    for i in 0..out.len() {
        if !(out[i].source.is_none() || out[i].source_implied) {
            continue;
        }
        let Some(target) = out[i].target else {
            continue;
        };
        let here = sentence_of(out[i].evidence.start);
        let found = out[..i]
            .iter()
            .rev()
            .take_while(|o| sentence_of(o.evidence.start) + 4 >= here)
            .find(|o| {
                sentence_of(o.evidence.start) < here
                    && o.kind == out[i].kind
                    && !o.source_implied
                    && o.source.is_some_and(|s| state_of(s) != state_of(target))
                    && o.target.is_some_and(|t| state_of(t) == state_of(target))
            });
        if let Some(s) = found.and_then(|o| o.source) {
            out[i].source = Some(s);
            out[i].source_implied = true;
        }
    }
}

/// "North Korea fired an intercontinental ballistic missile that flew about
/// 1,000 km before falling into the sea": a launch aimed at no one, even
/// after the story is read, is a show of force (PLOVER MOBILIZE, weapons),
/// not an attack.
pub(crate) fn untargeted_launches(text: &str, out: &mut [Claim]) {
    for c in out.iter_mut() {
        // (A domestic target is only the state's own ground: still no one.)
        let aimless = c.target.is_none() || (c.target_implied && c.target == c.source);
        if c.kind != "ASSAULT" || !aimless {
            continue;
        }
        let word = text.get(c.trigger.start..c.trigger.end).unwrap_or("");
        let evidence = text
            .get(c.evidence.start..c.evidence.end)
            .unwrap_or("")
            .to_lowercase();
        if (!c.items.is_empty() || evidence.contains("missile") || evidence.contains("rocket"))
            && matches!(crate::base(word).as_str(), "fire" | "launch" | "test")
        {
            c.kind = "MOBILIZE".to_string();
            c.mode = Some("weapons".to_string());
            c.cameo = None;
            if c.target_implied {
                c.target = None;
                c.target_implied = false;
            }
        }
    }
}
