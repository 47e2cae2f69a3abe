//! # dyad-claims — the claims stage (first version)
//!
//! Codes, sentence by sentence, the claims an article makes: a trigger from
//! `data/claims/frames.tsv` (a verb or noun with its PLOVER type, mode, CAMEO code
//! and where its target stands), the source actor before it, the target after
//! it, coordinated actors split into one claim each, weapons as items, the
//! sentence's time and quantity, and the certainty, attribution, negation and
//! condition cues of `data/claims/cues.txt`.
//!
//! This is a pattern coder over the language stage's entities, not a parser: it
//! finds actors by position in the sentence, which is right for the common news
//! shapes ("X sent a delegation to Y", "Y is suspected of providing X with Z").

#![warn(missing_docs)]

use std::collections::HashMap;
use std::sync::OnceLock;

use dyad_language::{Annotated, Kind, Span, TokenKind};
use serde::Serialize;

/// How sure the article is of a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Certainty {
    /// The article states it.
    Fact,
    /// A named or described source says it.
    Reported,
    /// Suspected, alleged, believed.
    Suspected,
    /// Could, may, speculation.
    Possible,
    /// Denied.
    Denied,
}

/// One coded claim. Actor fields are indices into the annotation's entities.
#[derive(Debug, Clone, Serialize)]
pub struct Claim {
    /// PLOVER type or relation.
    pub kind: String,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// CAMEO code.
    pub cameo: Option<String>,
    /// Source actor.
    pub source: Option<usize>,
    /// Target actor.
    pub target: Option<usize>,
    /// Weapon entities involved.
    pub items: Vec<usize>,
    /// Certainty.
    pub certainty: Certainty,
    /// Who says so.
    pub attribution: Option<usize>,
    /// Time expression (index into the annotation's times).
    pub time: Option<usize>,
    /// When it happened, as an ISO 8601 value or interval: "since July 2023 …
    /// in February this year" → `2023-07/2024-02`; "by the end of last year" →
    /// `/2023-12-31`.
    pub when: Option<String>,
    /// Quantity (index into the annotation's quantities).
    pub quantity: Option<usize>,
    /// Hangs on a condition.
    pub conditional: bool,
    /// Negated.
    pub negated: bool,
    /// The words that carry it.
    pub evidence: Span,
}

struct Frame {
    words: Vec<String>,
    kind: String,
    mode: Option<String>,
    cameo: Option<String>,
    target: Vec<String>,
    flip: bool,
}

struct Cues {
    suspected: Vec<Vec<String>>,
    possible: Vec<Vec<String>>,
    denied: Vec<Vec<String>>,
    reporting: Vec<Vec<String>>,
    negation: Vec<Vec<String>>,
    conditional: Vec<Vec<String>>,
}

fn frames() -> &'static HashMap<String, Vec<Frame>> {
    static F: OnceLock<HashMap<String, Vec<Frame>>> = OnceLock::new();
    F.get_or_init(|| {
        let mut out: HashMap<String, Vec<Frame>> = HashMap::new();
        let src = include_str!("../../../data/claims/frames.tsv");
        for line in src
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .skip(1)
        {
            let c: Vec<&str> = line.split('\t').map(str::trim).collect();
            if c.len() < 6 {
                continue;
            }
            let opt = |s: &str| (s != "-" && !s.is_empty()).then(|| s.to_string());
            let words: Vec<String> = c[0].split_whitespace().map(str::to_string).collect();
            let Some(first) = words.first().cloned() else {
                continue;
            };
            out.entry(first).or_default().push(Frame {
                words,
                kind: c[1].to_string(),
                mode: opt(c[2]),
                cameo: opt(c[3]),
                target: c[4]
                    .split('|')
                    .filter(|t| *t != "-")
                    .map(str::to_string)
                    .collect(),
                flip: c[5] == "yes",
            });
        }
        for v in out.values_mut() {
            v.sort_by_key(|f| std::cmp::Reverse(f.words.len()));
        }
        out
    })
}

fn cues() -> &'static Cues {
    static C: OnceLock<Cues> = OnceLock::new();
    C.get_or_init(|| {
        let mut c = Cues {
            suspected: Vec::new(),
            possible: Vec::new(),
            denied: Vec::new(),
            reporting: Vec::new(),
            negation: Vec::new(),
            conditional: Vec::new(),
        };
        for (section, l) in
            dyad_language::datafile::entries(include_str!("../../../data/claims/cues.txt"))
        {
            let phrase: Vec<String> = l.split_whitespace().map(str::to_string).collect();
            match section {
                "suspected" => c.suspected.push(phrase),
                "possible" => c.possible.push(phrase),
                "denied" => c.denied.push(phrase),
                "reporting" => c.reporting.push(phrase),
                "negation" => c.negation.push(phrase),
                "conditional" => c.conditional.push(phrase),
                _ => {}
            }
        }
        c
    })
}

/// A word's base form for trigger matching: "sent" → "send", "providing" →
/// "provide", "cooperating" → "cooperate".
pub fn base(word: &str) -> String {
    const IRREGULAR: &[(&str, &str)] = &[
        ("sent", "send"),
        ("gave", "give"),
        ("given", "give"),
        ("sold", "sell"),
        ("met", "meet"),
        ("held", "hold"),
        ("bought", "buy"),
        ("struck", "strike"),
        ("hit", "strike"),
        ("made", "made"),
        ("took", "take"),
        ("told", "tell"),
        ("threw", "throw"),
        ("freed", "free"),
    ];
    let w = word.to_lowercase();
    if let Some((_, b)) = IRREGULAR.iter().find(|(f, _)| *f == w) {
        return b.to_string();
    }
    let f = frames();
    if f.contains_key(&w) {
        return w;
    }
    for (suffix, add) in [
        ("ing", ""),
        ("ing", "e"),
        ("ed", ""),
        ("ed", "e"),
        ("d", ""),
        ("es", ""),
        ("s", ""),
        ("ies", "y"),
        ("ied", "y"),
    ] {
        if let Some(stem) = w.strip_suffix(suffix) {
            let cand = format!("{stem}{add}");
            if f.contains_key(&cand) {
                return cand;
            }
            // A doubled final consonant: "planned" → "plan".
            let mut rev = stem.chars().rev();
            if let (Some(a), Some(b)) = (rev.next(), rev.next()) {
                if a == b && a.is_ascii_alphabetic() {
                    let short = &stem[..stem.len() - a.len_utf8()];
                    if f.contains_key(short) {
                        return short.to_string();
                    }
                }
            }
        }
    }
    w
}

/// An actor occurrence in a sentence: token range and the entities it names.
#[derive(Debug, Clone)]
struct Actor {
    first: usize,
    last: usize,
    entities: Vec<usize>,
}

fn is_actor(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::State | Kind::Person | Kind::Organization | Kind::Group
    )
}

/// Codes the claims of an annotated text.
pub fn code(text: &str, a: &Annotated) -> Vec<Claim> {
    let f = frames();
    let c = cues();
    let toks = &a.tokens;
    let lower: Vec<String> = toks.iter().map(|t| t.text(text).to_lowercase()).collect();
    let bases: Vec<String> = toks.iter().map(|t| base(t.text(text))).collect();
    let tok_of = |byte: usize| toks.partition_point(|t| t.span.end <= byte);
    // Actor and weapon mentions by token.
    let mut actors: Vec<Actor> = Vec::new();
    let mut weapons: Vec<(usize, usize)> = Vec::new();
    for (i, e) in a.entities.iter().enumerate() {
        for m in &e.mentions {
            let (first, last) = (tok_of(m.span.start), tok_of(m.span.end.saturating_sub(1)));
            if e.kind == Kind::Weapon {
                weapons.push((first, i));
            } else if is_actor(e.kind) {
                actors.push(Actor {
                    first,
                    last,
                    entities: vec![i],
                });
            }
        }
    }
    for r in &a.references {
        let (first, last) = (tok_of(r.span.start), tok_of(r.span.end.saturating_sub(1)));
        if r.entities.iter().all(|&i| is_actor(a.entities[i].kind)) {
            actors.push(Actor {
                first,
                last,
                entities: r.entities.clone(),
            });
        }
    }
    actors.sort_by_key(|x| (x.first, std::cmp::Reverse(x.last)));
    actors.dedup_by(|b, a| b.first >= a.first && b.last <= a.last);
    let phrase_at = |k: usize, p: &[String]| {
        k + p.len() <= lower.len() && lower[k..k + p.len()].iter().zip(p).all(|(x, y)| x == y)
    };
    let any_cue = |from: usize, to: usize, list: &[Vec<String>]| {
        (from..to).any(|k| list.iter().any(|p| phrase_at(k, p)))
    };

    let mut out: Vec<Claim> = Vec::new();
    for s in &a.sentences {
        let sentence_start = out.len();
        let s0 = toks.partition_point(|t| t.span.start < s.start);
        let s1 = toks.partition_point(|t| t.span.start < s.end);
        let in_sent: Vec<&Actor> = actors
            .iter()
            .filter(|x| x.first >= s0 && x.last < s1)
            .collect();
        if in_sent.is_empty() {
            continue;
        }
        // Attribution of the sentence: "according to X", "X said", "said X".
        let mut attribution = None;
        // People and organisations are the sayers; a state named in the same
        // phrase ("South Korean Defense Minister Shin Won-sik") only qualifies them.
        let rank = |x: &&&Actor| match a.entities[x.entities[0]].kind {
            Kind::Person => 0,
            Kind::Organization | Kind::Group => 1,
            _ => 2,
        };
        for k in s0..s1 {
            if !c.reporting.iter().any(|p| phrase_at(k, p)) {
                continue;
            }
            let stop = (k + 1..s1)
                .find(|&j| matches!(lower[j].as_str(), "," | "." | ";"))
                .unwrap_or(s1);
            let after: Vec<&&Actor> = in_sent
                .iter()
                .filter(|x| x.first > k && x.first <= (k + 9).min(stop))
                .collect();
            let before = in_sent.iter().rev().find(|x| x.last < k && x.last + 3 >= k);
            let who = if phrase_at(k, &["according".into(), "to".into()])
                || phrase_at(k, &["citing".into()])
            {
                after.iter().min_by_key(|x| rank(x)).copied()
            } else {
                before.or_else(|| after.iter().min_by_key(|x| rank(x)).copied())
            };
            if let Some(x) = who {
                attribution = x.entities.first().copied();
            }
        }
        let conditional = any_cue(s0, s1, &c.conditional);
        for k in s0..s1 {
            if toks[k].kind != TokenKind::Word {
                continue;
            }
            let Some(cands) = f.get(&bases[k]) else {
                continue;
            };
            let Some(frame) = cands.iter().find(|fr| {
                fr.words.len() == 1 || {
                    // Multi-word triggers: the other words within the next three tokens.
                    let rest = &fr.words[1..];
                    let window: Vec<&str> = (k + 1..(k + 7).min(s1))
                        .map(|j| bases[j].as_str())
                        .collect();
                    rest.iter().all(|w| {
                        window
                            .iter()
                            .any(|x| *x == w || x.trim_end_matches('s') == w)
                    })
                }
            }) else {
                continue;
            };
            // Source: the nearest actor before the trigger that is not the object
            // of a preposition ("… cooperating with Russia regarding …"), nor the
            // sentence's attribution.
            let prep = |x: &&Actor| {
                // Look back over determiners: "in the North Korean capital".
                let mut j = x.first;
                while j > s0
                    && matches!(
                        lower[j - 1].as_str(),
                        "the" | "a" | "an" | "its" | "their" | "his" | "her"
                    )
                {
                    j -= 1;
                }
                j > s0
                    && matches!(
                        lower[j - 1].as_str(),
                        "of" | "to"
                            | "with"
                            | "for"
                            | "in"
                            | "from"
                            | "on"
                            | "at"
                            | "between"
                            | "against"
                            | "toward"
                            | "towards"
                    )
            };
            // "Kim Yo-jong, vice director of the Central Committee, criticized …":
            // the subject stands before the apposition.
            let mut before = k;
            if k > s0 && lower[k - 1] == "," {
                if let Some(open) = (s0..k - 1).rev().find(|&j| lower[j] == ",") {
                    before = open;
                }
            }
            let src_actor = in_sent
                .iter()
                .rev()
                .find(|x| x.last < before && Some(x.entities[0]) != attribution && !prep(x))
                .or_else(|| {
                    in_sent
                        .iter()
                        .rev()
                        .find(|x| x.last < k && Some(x.entities[0]) != attribution)
                });
            let mut sources: Vec<usize> = Vec::new();
            if let Some(x) = src_actor {
                sources.extend(&x.entities);
                // "Pyongyang and Tehran …": the actor before "and" too.
                if x.first >= 2 && lower[x.first - 1] == "and" {
                    if let Some(y) = in_sent.iter().find(|y| y.last + 2 == x.first) {
                        sources.splice(0..0, y.entities.iter().copied());
                    }
                }
            }
            // Target.
            let mut targets: Vec<usize> = Vec::new();
            for spec in &frame.target {
                let hit = if spec == "obj" {
                    in_sent.iter().find(|x| x.first > k && x.first <= k + 6)
                } else {
                    (k + 1..(k + 10).min(s1))
                        .find(|&j| lower[j] == *spec)
                        .and_then(|j| in_sent.iter().find(|x| x.first > j && x.first <= j + 4))
                };
                if let Some(x) = hit {
                    targets.extend(&x.entities);
                    if lower.get(x.last + 1).map(String::as_str) == Some("and") {
                        let skip =
                            usize::from(lower.get(x.last + 2).map(String::as_str) == Some("the"));
                        if let Some(y) = in_sent.iter().find(|y| y.first == x.last + 2 + skip) {
                            targets.extend(&y.entities);
                        }
                    }
                    break;
                }
            }
            // Passive voice ("X are accused of …", "X was attacked by Y") and
            // "X are under sanctions": the subject receives the action; the agent,
            // if named, follows "by".
            let passive = k > s0
                && lower[k].ends_with("ed")
                && (lower[k - 1..k]
                    .iter()
                    .chain(lower[k.saturating_sub(2).max(s0)..k].iter()))
                .any(|w| {
                    matches!(
                        w.as_str(),
                        "is" | "are" | "was" | "were" | "been" | "being" | "be"
                    )
                });
            let under = (k.saturating_sub(2).max(s0)..k).any(|j| lower[j] == "under")
                && frame.kind == "SANCTION";
            if (passive || under)
                && !frame.flip
                && !matches!(
                    frame.kind.as_str(),
                    "PRODUCES" | "OPERATES" | "DERIVED_FROM"
                )
            {
                let by = (k + 1..(k + 6).min(s1)).find(|&j| lower[j] == "by");
                let agent =
                    by.and_then(|j| in_sent.iter().find(|x| x.first > j && x.first <= j + 3));
                targets = std::mem::take(&mut sources);
                sources = agent.map(|x| x.entities.clone()).unwrap_or_default();
            }
            // Relations between weapons and their makers or users: "the drone
            // Shahed-136, made by Iran" (producer after "by", weapon before).
            let weapon_before = weapons
                .iter()
                .rev()
                .find(|(t, _)| *t < k && *t >= s0)
                .map(|&(_, e)| e);
            let weapon_after = weapons
                .iter()
                .find(|(t, _)| *t > k && *t < s1)
                .map(|&(_, e)| e);
            match frame.kind.as_str() {
                "PRODUCES" | "OPERATES" => {
                    let by = (k + 1..(k + 6).min(s1)).find(|&j| lower[j] == "by");
                    let maker =
                        by.and_then(|j| in_sent.iter().find(|x| x.first > j && x.first <= j + 3));
                    let (Some(m), Some(w)) = (maker, weapon_before) else {
                        continue;
                    };
                    sources = m.entities.clone();
                    targets = vec![w];
                }
                "DERIVED_FROM" => {
                    let (Some(w1), Some(w2)) = (weapon_before, weapon_after) else {
                        continue;
                    };
                    sources = vec![w1];
                    targets = vec![w2];
                }
                _ => {
                    if frame.flip {
                        std::mem::swap(&mut sources, &mut targets);
                    }
                }
            }
            // "North Korea and Iran are allies", "talks between X and Y": a
            // coordinated pair with no target is a relation between the two.
            if targets.is_empty()
                && sources.len() == 2
                && matches!(
                    frame.kind.as_str(),
                    "ALLY" | "COOPERATE" | "CONSULT" | "AGREE"
                )
            {
                targets = vec![sources[1]];
                sources.truncate(1);
            }
            if sources.is_empty() && targets.is_empty() {
                continue;
            }
            // "Russia and North Korea pledged to come to each other's aid": both ways.
            let mutual = (k..(k + 12).min(s1)).any(|j| {
                (lower[j] == "each" && lower.get(j + 1).is_some_and(|w| w.starts_with("other")))
                    || (lower[j] == "one"
                        && lower.get(j + 1).is_some_and(|w| w.starts_with("another")))
            });
            let items: Vec<usize> = weapons
                .iter()
                .filter(|(t, _)| *t >= s0 && *t < s1)
                .map(|&(_, e)| e)
                .collect();
            let time = a
                .times
                .iter()
                .position(|t| t.span.start >= toks[k].span.start && t.span.end <= s.end)
                .or_else(|| {
                    a.times
                        .iter()
                        .position(|t| t.span.start >= s.start && t.span.end <= s.end)
                });
            let when = when_of(text, a, time, s);
            let quantity = a
                .quantities
                .iter()
                .position(|q| q.span.start >= toks[k].span.start && q.span.end <= s.end);
            let win = k.saturating_sub(8).max(s0);
            let certainty = if any_cue(win, k + 1, &c.denied) {
                Certainty::Denied
            } else if any_cue(win, k, &c.suspected) {
                Certainty::Suspected
            } else if any_cue(win, k, &c.possible) {
                Certainty::Possible
            } else if attribution.is_some() {
                Certainty::Reported
            } else {
                Certainty::Fact
            };
            let negated = any_cue(k.saturating_sub(3).max(s0), k, &c.negation);
            let span_start = src_actor.map_or(toks[k].span.start, |x| {
                toks[x.first].span.start.min(toks[k].span.start)
            });
            let evidence = Span::new(
                span_start,
                toks[(k + 6).min(s1 - 1)].span.end.max(toks[k].span.end),
            );
            let sources_or_none: Vec<Option<usize>> = if sources.is_empty() {
                vec![None]
            } else {
                sources.iter().map(|&x| Some(x)).collect()
            };
            let targets_or_none: Vec<Option<usize>> = if targets.is_empty() {
                vec![None]
            } else {
                targets.iter().map(|&x| Some(x)).collect()
            };
            let mut pairs: Vec<(Option<usize>, Option<usize>)> = Vec::new();
            for src in &sources_or_none {
                for tgt in &targets_or_none {
                    pairs.push((*src, *tgt));
                }
            }
            if mutual && sources.len() == 1 && targets.len() == 1 {
                pairs.push((Some(targets[0]), Some(sources[0])));
            }
            for (src, tgt) in &pairs {
                let (src, tgt) = (src, tgt);
                {
                    if src.is_some() && src == tgt {
                        continue;
                    }
                    // One claim per type and dyad in a sentence ("impose sanctions").
                    if out[sentence_start..]
                        .iter()
                        .any(|o| o.kind == frame.kind && o.source == *src && o.target == *tgt)
                    {
                        continue;
                    }
                    out.push(Claim {
                        kind: frame.kind.clone(),
                        mode: frame.mode.clone(),
                        cameo: frame.cameo.clone(),
                        source: *src,
                        target: *tgt,
                        items: items.clone(),
                        certainty,
                        attribution,
                        time,
                        when: when.clone(),
                        quantity,
                        conditional: conditional
                            && matches!(frame.kind.as_str(), "THREATEN" | "AGREE" | "REQUEST"),
                        negated,
                        evidence,
                    });
                }
            }
        }
    }
    out
}

/// The last day of a period value (`2023` → `2023-12-31`, `2024-02` → `2024-02-29`).
fn period_end(v: &str) -> Option<String> {
    let parts: Vec<&str> = v.split('-').collect();
    let y: i32 = parts.first()?.parse().ok()?;
    if parts.first()?.len() != 4 {
        return None;
    }
    match parts.len() {
        1 => Some(format!("{y:04}-12-31")),
        2 => {
            let m: u32 = parts[1].parse().ok()?;
            let d = dyad_language::calendar::days_in_month(y, m);
            (d > 0).then(|| format!("{y:04}-{m:02}-{d:02}"))
        }
        _ => Some(v.to_string()),
    }
}

/// The time of a claim: a "since X" in its sentence opens an interval that the
/// next date closes; "by (the end of) X" closes an open one; otherwise the value
/// of the claim's time expression.
fn when_of(text: &str, a: &Annotated, time: Option<usize>, sentence: &Span) -> Option<String> {
    let word_before = |start: usize| {
        text[..start]
            .trim_end()
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_lowercase()
    };
    let in_sentence: Vec<&dyad_language::TimeExpr> = a
        .times
        .iter()
        .filter(|t| {
            t.span.start >= sentence.start && t.span.end <= sentence.end && t.value.is_some()
        })
        .collect();
    if let Some(pos) = in_sentence
        .iter()
        .position(|t| word_before(t.span.start) == "since")
    {
        let start = in_sentence[pos].value.clone()?;
        let end = in_sentence[pos + 1..]
            .iter()
            .find(|t| t.kind == dyad_language::TimeType::Date)
            .and_then(|t| t.value.clone())
            .unwrap_or_default();
        return Some(format!("{start}/{end}"));
    }
    let t = a.times.get(time?)?;
    let v = t.value.clone()?;
    if word_before(t.span.start) == "by" && v.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return period_end(&v).map(|e| format!("/{e}"));
    }
    Some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn coded(t: &str) -> Vec<(String, Option<String>, Option<String>, Certainty)> {
        let a = dyad_language::annotate(t, Some("2024-04-24"));
        code(t, &a)
            .into_iter()
            .map(|c| {
                let id = |i: Option<usize>| i.map(|i| a.entities[i].id.clone());
                (c.kind, id(c.source), id(c.target), c.certainty)
            })
            .collect()
    }

    #[test]
    fn claim_times() {
        assert_eq!(period_end("2023").as_deref(), Some("2023-12-31"));
        assert_eq!(period_end("2024-02").as_deref(), Some("2024-02-29"));
        let t = "North Korea has delivered about 6,700 containers to Russia since July 2023, according to Defense Minister Shin Won-sik in February this year.";
        let a = dyad_language::annotate(t, Some("2024-04-24"));
        let c = code(t, &a);
        assert!(
            c.iter()
                .any(|c| c.kind == "AID" && c.when.as_deref() == Some("2023-07/2024-02")),
            "{:?}",
            c.iter().map(|c| (&c.kind, &c.when)).collect::<Vec<_>>()
        );
        let t = "Russia had launched drones at targets in Ukraine by the end of last year.";
        let a = dyad_language::annotate(t, Some("2024-04-24"));
        assert!(code(t, &a)
            .iter()
            .any(|c| c.when.as_deref() == Some("/2023-12-31")));
    }

    #[test]
    fn bases() {
        assert_eq!(base("sent"), "send");
        assert_eq!(base("providing"), "provide");
        assert_eq!(base("supplying"), "supply");
        assert_eq!(base("criticized"), "criticize");
        // Found on the seed: a word ending in a curly apostrophe.
        assert_eq!(base("delegation’"), "delegation’");
    }

    #[test]
    fn visit_and_suspicion() {
        assert!(
            coded("North Korea sent a delegation to Iran on Tuesday.").contains(&(
                "CONSULT".into(),
                Some("PRK".into()),
                Some("IRN".into()),
                Certainty::Fact
            ))
        );
        let c = coded("Pyongyang and Tehran are suspected of providing weapons to Russia.");
        assert!(
            c.contains(&(
                "AID".into(),
                Some("PRK".into()),
                Some("RUS".into()),
                Certainty::Suspected
            )),
            "{c:?}"
        );
        assert!(
            c.contains(&(
                "AID".into(),
                Some("IRN".into()),
                Some("RUS".into()),
                Certainty::Suspected
            )),
            "{c:?}"
        );
    }
}
