//! One sentence as the claim coder sees it: its token range, its actors, and
//! what they say ("X said", "according to X") over which words.

use std::collections::HashSet;

use dyad_language::{Kind, TokenKind};

use crate::data::{frames, inflects, obligation, one_word, Frame};
use crate::doc::{auxiliary, subject_pronoun, Actor, Doc};
use crate::{names_people, Certainty};

/// A reporting phrase in a sentence and the words it vouches for.
pub(crate) struct Report {
    /// Token of the reporting cue ("said", "according to").
    pub at: usize,
    /// Token range of the speaker's mention.
    pub speaker: (usize, usize),
    /// The speaker entities (several when coordinated: "Britain, France and
    /// Germany said"); the first is the attribution.
    pub entities: Vec<usize>,
    /// Tokens `lo..hi` are what the speaker says.
    pub lo: usize,
    pub hi: usize,
    /// The speaker is also the subject of the clause before the cue (", saying
    /// …"), so it stays a party to what that clause tells.
    pub subject: bool,
}

/// A sentence: tokens `s0..s1` of the document and the actors named in it
/// (neither a weapon's maker nor a name given to a thing).
pub(crate) struct Sent<'d, 'a> {
    pub d: &'d Doc<'a>,
    pub s0: usize,
    pub s1: usize,
    pub in_sent: Vec<&'d Actor>,
}

impl<'d> Sent<'d, '_> {
    /// "Hezbollah leader Hassan Nasrallah": the titled person an actor (an
    /// organisation) qualifies, named right after it.
    pub fn person_after(&self, x: &Actor) -> Option<&'d Actor> {
        let (a, lower, in_sent) = (self.d.a, &self.d.lower, &self.in_sent);

        if names_people(a, x) {
            return None;
        }
        in_sent
            .iter()
            .find(|z| {
                z.first > x.last + 1
                    && z.first <= x.last + 3
                    && names_people(a, z)
                    && lower[x.last + 1..z.first]
                        .iter()
                        .all(|w| w.chars().all(|ch| ch.is_ascii_lowercase()))
            })
            .copied()
    }

    /// The actors coordinated with `x` ("Britain, France and Germany"), in
    /// text order, `x` included: forward from the first of a list, or back
    /// from its last. A comma links only in a list that has an "and".
    pub fn coordinated(&self, x: &Actor, forward: bool) -> Vec<usize> {
        let (text, toks, lower, in_sent) = (self.d.text, self.d.toks, &self.d.lower, &self.in_sent);
        let s0 = self.s0;

        let mut chain: Vec<&Actor> = vec![x];
        // Back from an item followed by "and": the list has its "and"
        // ("Saudi Arabia, the United Arab Emirates and several other …").
        let mut has_and = !forward && lower.get(x.last + 1).is_some_and(|w| w == "and");
        for _ in 0..8 {
            let Some(&cur) = chain.last() else { break };
            let next = if forward {
                let mut j = cur.last + 1;
                let comma = lower.get(j).is_some_and(|w| w == ",");
                j += usize::from(comma);
                let and = lower.get(j).is_some_and(|w| w == "and");
                j += usize::from(and);
                j += usize::from(lower.get(j).is_some_and(|w| w == "the"));
                // ("… and Russian President Vladimir Putin": the titled person.)
                (comma || and)
                    .then(|| in_sent.iter().find(|y| y.first == j))
                    .flatten()
                    .map(|y| (self.person_after(y).unwrap_or(y), and))
            } else {
                let mut j = cur.first;
                // Over a title before the name: "and Japanese Prime
                // Minister Fumio Kishida".
                let mut t = j;
                // (And over a lower-case title after a state: "and North
                // Korean leader Kim Jong-un".)
                while t > s0
                    && t + 5 > j
                    && (toks[t - 1].text(text).starts_with(char::is_uppercase)
                        || in_sent.iter().any(|a| a.first < t && t <= a.last + 1)
                        || (t + 2 >= j
                            && names_people(self.d.a, cur)
                            && in_sent.iter().any(|a| a.last + 2 == t)))
                    && !matches!(lower[t - 1].as_str(), "and" | ",")
                {
                    t -= 1;
                }
                if t < j && t > s0 && lower[t - 1] == "and" {
                    j = t;
                }
                j -= usize::from(j > s0 && lower[j - 1] == "the");
                let and = j > s0 && lower[j - 1] == "and";
                j -= usize::from(and);
                let comma = j > s0 && lower[j - 1] == ",";
                j -= usize::from(comma);
                (comma || and)
                    .then(|| in_sent.iter().find(|y| y.last + 1 == j))
                    .flatten()
                    .map(|y| (*y, and))
            };
            let Some((y, and)) = next else { break };
            // ("according to Ukrainian and Western officials, and the two
            // countries …": no list crosses into an attribution.)
            if !forward
                && lower[y.last + 1..cur.first].iter().any(|w| w == ",")
                && (y.first.saturating_sub(6).max(s0)..y.first)
                    .any(|j| matches!(lower[j].as_str(), "according" | "citing"))
            {
                break;
            }
            // Without a first "and" there is no list: "Pakistan, Iran's ally".
            if !and && !has_and && !forward {
                break;
            }
            has_and |= and;
            // ("… and Hamas political chief Ismail Haniyeh": the person.)
            let y = if forward {
                self.person_after(y).unwrap_or(y)
            } else {
                y
            };
            chain.push(y);
        }
        // "X, and Y said …": a comma before the "and" of a two-item list
        // joins clauses, not names (a serial comma needs three items).
        if chain.len() == 2 {
            let (p, q) = if forward {
                (chain[0], chain[1])
            } else {
                (chain[1], chain[0])
            };
            let gap = &lower[p.last + 1..q.first];
            if gap.iter().any(|w| w == ",") && gap.iter().any(|w| w == "and") {
                has_and = false;
            }
        }
        if !has_and {
            chain.truncate(1);
        } else if forward {
            // A forward list ends at its "and" item.
            let mut end = chain.len();
            for (i, w) in chain.windows(2).enumerate() {
                let gap = &lower[w[0].last + 1..w[1].first];
                if gap.iter().any(|t| t == "and") {
                    end = i + 2;
                    break;
                }
            }
            chain.truncate(end);
        }
        if !forward {
            chain.reverse();
        }
        let mut out: Vec<usize> = Vec::new();
        for a in chain {
            for &e in &a.entities {
                if !out.contains(&e) {
                    out.push(e);
                }
            }
        }
        out
    }

    /// Reports in the sentence: who says so, and over which words. "X did Y,
    /// Z said Wednesday, signaling W": Z vouches for Y, not for W; "Z said
    /// that Y", "with Z saying that Y": Z vouches for what follows.
    pub fn reports(&self) -> Vec<Report> {
        let d = self.d;
        let (text, toks, a, c, lower, in_sent) =
            (d.text, d.toks, d.a, d.c, &d.lower, &self.in_sent);
        let (s0, s1) = (self.s0, self.s1);
        let phrase_at = |k: usize, p: &[String]| d.phrase_at(k, p);
        // Reports in the sentence: who says so, and over which words. "X did Y,
        // Z said Wednesday, signaling W": Z vouches for Y, not for W; "Z said
        // that Y", "with Z saying that Y": Z vouches for what follows.
        let mut reports: Vec<Report> = Vec::new();
        // People and organisations are the sayers; a state named in the same
        // phrase ("South Korean Defense Minister Shin Won-sik") only qualifies them.
        let rank = |x: &&&Actor| match a.entities[x.entities[0]].kind {
            Kind::Person => 0,
            Kind::Organization | Kind::Group => 1,
            _ => 2,
        };
        for k in s0..s1 {
            let clause_final = lower
                .get(k + 1)
                .is_none_or(|w| !w.chars().any(char::is_alphanumeric));
            let reporting = c.reporting.iter().any(|p| phrase_at(k, p))
                || (clause_final && c.reporting_final.iter().any(|p| phrase_at(k, p)));
            if !reporting {
                continue;
            }
            let stop = (k + 1..s1)
                .find(|&j| matches!(lower[j].as_str(), "," | "." | ";"))
                .unwrap_or(s1);
            // A speaker after the cue stands right after it ("said Defense
            // Minister Shin Won-sik"), with no verb between ("said was revenge
            // for the killing of X" names no speaker).
            let after: Vec<&&Actor> = in_sent
                .iter()
                .filter(|x| {
                    x.first > k
                    && x.first <= (k + 9).min(stop)
                    && !lower[k + 1..x.first].iter().any(|w| {
                        // ("said they attacked Peru": a pronoun opens the
                        // complement.)
                        auxiliary(w) || w == "that" || subject_pronoun(w)
                    })
                    // ("said the Islamic Republic was entitled": the
                    // complement's subject, not the speaker.)
                    && !lower.get(x.last + 1).is_some_and(|w| {
                        auxiliary(w)
                            || matches!(
                                w.as_str(),
                                "could" | "may" | "might" | "did" | "does" | "should"
                            )
                    })
                })
                .collect();
            // "Taiwan's government rejects Beijing's claims, saying …": a
            // participle after a comma is said by the clause's subject.
            let participial = k > s0 + 1 && lower[k - 1] == "," && lower[k].ends_with("ing");
            let before = if participial {
                in_sent.iter().find(|x| {
                    x.last < k
                        && (x.first == s0
                            || !matches!(
                                lower[x.first - 1].as_str(),
                                "of" | "to" | "with" | "for" | "in" | "from" | "on" | "at" | "by"
                            ))
                })
            } else {
                in_sent
                    .iter()
                    .rev()
                    .find(|x| x.last < k && x.last + 3 >= k)
                    // ("Analysts in Seoul said": the analysts, not where they are.)
                    .map(|x| {
                        in_sent
                            .iter()
                            .find(|y| {
                                x.first > s0 + 1
                                    && lower[x.first - 1] == "in"
                                    && y.last + 2 == x.first
                            })
                            .unwrap_or(x)
                    })
            };
            let according = phrase_at(k, &["according".into(), "to".into()])
                || phrase_at(k, &["citing".into()]);
            let (who, speaker_first) = if according {
                (after.iter().min_by_key(|x| rank(x)).copied(), false)
            } else if let Some(b) = before {
                (Some(b), true)
            } else {
                (after.iter().min_by_key(|x| rank(x)).copied(), false)
            };
            let Some(x) = who else {
                continue;
            };
            // Where the reporting phrase opens: back over determiners and
            // adjectives to a comma, if there is one right before it.
            let opens_after_comma = |first: usize| {
                (s0..first)
                    .rev()
                    .take(12)
                    .find(|&j| {
                        let w = &lower[j];
                        // Determiners, names, hyphenated modifiers ("state-run")
                        // may stand between the comma and the speaker; a plain
                        // noun may not ("a move Western governments said").
                        let modifier = matches!(w.as_str(), "the" | "a" | "an" | "its" | "their")
                            || w.contains('-')
                            || toks[j].text(text).starts_with(char::is_uppercase);
                        !(modifier
                            || matches!(
                                w.as_str(),
                                "(" | ")"
                                    | "'"
                                    | "\u{2019}"
                                    | "'s"
                                    | "\u{2019}s"
                                    | "\""
                                    | "\u{201d}"
                            )
                            || in_sent.iter().any(|a| a.first <= j && j <= a.last))
                    })
                    .is_some_and(|j| lower[j] == ",")
            };
            // "…, with X saying that …", "X said that …": what follows.
            let complement = lower.get(k + 1).is_some_and(|w| w == "that") || lower[k] == "saying";
            let sentence_initial =
                |first: usize| (s0..first).all(|j| !lower[j].chars().any(char::is_alphanumeric));
            let (lo, hi) = if according {
                if sentence_initial(k) {
                    (s0, s1)
                } else {
                    (s0, k)
                }
            } else if speaker_first {
                // ("In its latest report, the panel said …": an opening
                // prepositional phrase is no clause the speaker vouches for.)
                let opener = matches!(
                    lower[s0].as_str(),
                    "in" | "on"
                        | "at"
                        | "after"
                        | "during"
                        | "since"
                        | "despite"
                        | "for"
                        | "with"
                        | "before"
                        | "by"
                        | "from"
                ) && lower[s0..x.first].iter().filter(|w| *w == ",").count() == 1;
                if !complement
                    && !opener
                    && opens_after_comma(x.first)
                    && !sentence_initial(x.first)
                {
                    // "…, the agency said Wednesday, …": the words before it.
                    (s0, x.first)
                } else {
                    // "X said (that) …", "with X saying that …".
                    (k, s1)
                }
            } else {
                // "…, said X.": the words before it.
                (s0, k)
            };
            reports.push(Report {
                at: k,
                speaker: (x.first, x.last),
                entities: self.coordinated(x, false),
                lo,
                hi,
                subject: participial && speaker_first,
            });
        }
        reports
    }

    /// Whether token `k` stands inside a name or description of a party,
    /// as "sanctioned" in "the two heavily sanctioned governments": what it
    /// says of its bearer is told as known, whatever clause holds it.
    pub fn inside_name(&self, k: usize) -> bool {
        self.in_sent.iter().any(|x| x.first < k && k < x.last)
    }

    /// The triggers of the sentence, by token, with their frames: words of
    /// `data/claims/frames.tsv` that tell an event here, not inside a
    /// condition or an embedded question, not practised, not naming a weapon
    /// or a document, not an event of `told_kinds` named again.
    pub fn triggers(&self, told_kinds: &HashSet<String>) -> Vec<(usize, &'static Frame)> {
        let d = self.d;
        let (toks, lower, bases, c, in_sent) = (d.toks, &d.lower, &d.bases, d.c, &self.in_sent);
        let (s0, s1) = (self.s0, self.s1);
        let f = frames();
        let phrase_at = |k: usize, p: &[String]| d.phrase_at(k, p);
        let in_weapon = |k: usize| d.in_weapon(k);
        let weapon_head = |k: usize| d.weapon_head(k);
        // "If the United States persists in its moves to threaten …, …": what
        // an "if" or "unless" clause says is a condition, not a claim.
        let condition_spans: Vec<(usize, usize)> = (s0..s1)
            .filter(|&j| matches!(lower[j].as_str(), "if" | "unless"))
            .map(|j| {
                // The clause ends at a comma, unless a participle phrase
                // continues it ("…, boasting of its strength, …").
                let mut end = j;
                loop {
                    end = (end + 1..s1)
                        .find(|&e| matches!(lower[e].as_str(), "," | ";"))
                        .unwrap_or(s1);
                    if end >= s1
                        || lower[end] == ";"
                        || !lower.get(end + 1).is_some_and(|w| w.ends_with("ing"))
                    {
                        break;
                    }
                }
                (j, end)
            })
            .collect();
        let in_condition = |k: usize| condition_spans.iter().any(|&(a, b)| a < k && k < b);
        // "It was not clear whom the delegation would meet in Iran or what it
        // would discuss": an embedded question tells no event. It runs from a
        // question word after a word of knowing or telling to the clause's end.
        let question_spans: Vec<(usize, usize)> = (s0 + 1..s1)
            .filter(|&j| {
                matches!(
                    lower[j].as_str(),
                    "whether" | "who" | "whom" | "what" | "how" | "why" | "where"
                ) && (lower[j] == "whether" || one_word(&c.question_cues, &lower[j - 1]))
            })
            .map(|j| {
                let end = (j + 1..s1)
                    .find(|&e| matches!(lower[e].as_str(), "." | ";" | ","))
                    .unwrap_or(s1);
                (j, end)
            })
            .collect();
        let in_question = |k: usize| question_spans.iter().any(|&(a, b)| a < k && k < b);
        // "its forces practised blockading key ports", "a rehearsal for a
        // quarantine": what is practised or rehearsed does not happen.
        let simulated = |k: usize| {
            (k.saturating_sub(8).max(s0)..k).any(|j| {
                c.simulation
                    .iter()
                    .any(|p| p.len() == 1 && inflects(&lower[j], &p[0]))
                    && !lower[j + 1..k]
                        .iter()
                        .any(|w| matches!(w.as_str(), "," | ";"))
            })
        };
        let mut triggers: Vec<(usize, &Frame)> = Vec::new();
        let mut consumed: Vec<usize> = Vec::new();
        for k in s0..s1 {
            if toks[k].kind != TokenKind::Word {
                continue;
            }
            if lower[k] == "must" && in_sent.iter().any(|x| x.last + 1 == k) {
                triggers.push((k, obligation()));
                continue;
            }
            let Some(cands) = f.get(&bases[k]) else {
                continue;
            };
            let Some(frame) = cands.iter().find(|fr| {
                fr.words.len() == 1 || {
                    // Multi-word triggers: the other words within the next six tokens.
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
            // "ATACMS missiles, fired from US-made launchers": a participle
            // describing a weapon, unless an agent follows ("fired by Russia").
            let describes_weapon = k > s0 + 1
                && lower[k].ends_with("ed")
                && lower[k - 1] == ","
                && (in_weapon(k - 2) || one_word(&c.weapon_heads, &lower[k - 2]))
                && !(k + 1..(k + 4).min(s1)).any(|j| lower[j] == "by");
            // "against targets inside Russia": a word that is an event only as
            // a verb, here a noun after a determiner, preposition or number.
            let noun_use = one_word(&c.verb_only, &bases[k])
                && k > s0
                && (matches!(
                lower[k - 1].as_str(),
                "the"
                    | "a"
                    | "an"
                    | "its"
                    | "their"
                    | "these"
                    | "those"
                    | "such"
                    | "at"
                    | "against"
                    | "on"
                    | "for"
                    | "of"
                    | "in"
                    | "with"
                    | "military"
                    | "civilian"
                    | "key"
                    | "other"
                    | "ground"
                    | "maritime"
                    | "enemy"
                    | "energy"
                    | "strategic"
                    | "legitimate"
                    | "new"
                    | "latest"
                    | "last"
                    | "first"
                    | "recent"
            ) || lower[k - 1]
                .chars()
                .all(|ch| ch.is_ascii_digit() || ch == ',')
                // ("the dispatch of a delegation")
                || lower.get(k + 1).is_some_and(|w| w == "of")
                // ("dispatched aircraft and ships": one of a list of weapons)
                || (k > s0 + 1
                    && matches!(lower[k - 1].as_str(), "and" | "or" | ",")
                    && (one_word(&c.weapon_heads, &lower[k - 2]) || in_weapon(k - 2))));
            // "before the invasion began", "since the full-scale invasion
            // began": an event named to date another is no claim.
            let dating = (k.saturating_sub(5).max(s0)..k).any(|j| {
                matches!(lower[j].as_str(), "before" | "after" | "since" | "until")
                    && lower.get(j + 1).is_some_and(|w| w == "the")
            }) && lower
                .get(k + 1)
                .is_some_and(|w| matches!(w.as_str(), "began" | "started" | "ended" | "begun"));
            // "the drones used in the attack", "its airspace during the
            // attack": an event of a kind already told, named again after a
            // preposition and "the", is that event, not a new one.
            // So is one that opens a clause with "the" and names no party
            // of its own ("…, that the sanctions had failed").
            let bare_subject = k >= s0 + 2
                && matches!(lower[k - 2].as_str(), "that" | "," | "and" | "but")
                && !in_sent.iter().any(|x| x.first > k && x.first <= k + 3)
                && !lower
                    .get(k + 1)
                    .is_some_and(|w| matches!(w.as_str(), "on" | "against" | "by" | "of" | "to"));
            // So is one after "such" ("regards such exercises as …"), and
            // a definite one with no party after it ("declared the exercise
            // complete", but not "the exercise by China").
            let party_near = in_sent.iter().any(|x| x.first > k && x.first <= k + 3);
            // So is one after a preposition and a possessive, over its
            // modifiers: "At their previous summit, held at …".
            let set_again = told_kinds.contains(&frame.kind)
                && (k.saturating_sub(4).max(s0)..k.saturating_sub(1)).any(|j| {
                    matches!(
                        lower[j].as_str(),
                        "at" | "in" | "during" | "after" | "before" | "since" | "from"
                    ) && matches!(lower[j + 1].as_str(), "their" | "its" | "his" | "her")
                        && lower[j + 2..k]
                            .iter()
                            .all(|w| w.chars().all(|ch| ch.is_ascii_lowercase() || ch == '-'))
                });
            // … after "It was" ("It was the second Iranian attack on Israel
            // this year"), and an attack someone is asked to halt ("urged Iran
            // to halt its attacks").
            let described = k <= s0 + 8
                && matches!(lower[s0].as_str(), "it" | "this" | "that")
                && lower
                    .get(s0 + 1)
                    .is_some_and(|w| matches!(w.as_str(), "was" | "is"));
            let halted = matches!(frame.kind.as_str(), "ASSAULT" | "COERCE" | "MOBILIZE")
                && (k.saturating_sub(3).max(s0)..k).any(|j| {
                    c.cessation
                        .iter()
                        .any(|p| p.len() == 1 && inflects(&lower[j], &p[0]))
                        && lower[j + 1..k]
                            .iter()
                            .all(|w| matches!(w.as_str(), "its" | "their" | "the" | "his" | "her"))
                });
            let told_again = set_again
                || ((described || halted) && told_kinds.contains(&frame.kind))
                || (k > s0
                    && told_kinds.contains(&frame.kind)
                    && (lower[k - 1] == "such" || (lower[k - 1] == "the" && !party_near)))
                || (k >= s0 + 2
                    && lower[k - 1] == "the"
                    && ((matches!(
                    lower[k - 2].as_str(),
                    "in" | "during" | "after" | "before" | "since" | "from" | "of" | "with"
                ) && told_kinds.contains(&frame.kind))
                    // (A bare subject names an event told before, whatever
                    // word told it: "sent troops … that the deployment poses".)
                    || (bare_subject && !told_kinds.is_empty())));
            if weapon_head(k)
                || describes_weapon
                || told_again
                || noun_use
                || dating
                // (A not-event phrase may hold the trigger anywhere: "in
                // return".)
                || c.not_events
                    .iter()
                    .any(|p| (0..p.len()).any(|o| k >= s0 + o && phrase_at(k - o, p)))
                || consumed.contains(&k)
                || in_condition(k)
                // (What a name in the question says of its bearer is no
                // question: "what the two heavily sanctioned governments …".)
                || (in_question(k) && !self.inside_name(k))
                || simulated(k)
                || (k > s0 && one_word(&c.back_references, &lower[k - 1]))
                || (k > s0 && one_word(&c.documents, &lower[k - 1]))
            {
                continue;
            }
            // The other words of a multi-word trigger trigger nothing themselves
            // ("hunger strike" is no military strike).
            for w in &frame.words[1..] {
                if let Some(j) = (k + 1..(k + 7).min(s1))
                    .find(|&j| bases[j] == *w || bases[j].trim_end_matches('s') == w)
                {
                    consumed.push(j);
                }
            }
            triggers.push((k, frame));
        }
        triggers
    }

    /// How sure the sentence is of the event whose verb group starts at token
    /// `head`, with a stance cue ("agreed to", "refused to") starting at
    /// `stance`: the cues stand before the stance ("could agree to send"), or
    /// before the verb when there is none; a reported event with no cue is
    /// `Reported`.
    pub fn certainty(&self, head: usize, stance: Option<usize>, attributed: bool) -> Certainty {
        let d = self.d;
        let (c, lower, s0) = (d.c, &d.lower, self.s0);
        let cue_end = stance.unwrap_or(head);
        // (A verb with its own pronoun subject starts its clause: in "would
        // lift restrictions it imposed", "would" is not the imposing's.)
        let win = if head > s0 && subject_pronoun(&lower[head - 1]) {
            head - 1
        } else {
            head.saturating_sub(8).max(s0)
        };
        if stance.is_none() && d.any_cue(win, head + 1, &c.denied) {
            Certainty::Denied
        } else if d.any_cue(win, cue_end, &c.suspected) {
            Certainty::Suspected
        } else if (win..cue_end).any(|j| {
            // "said they would cancel": reported future, not a possibility.
            c.possible.iter().any(|p| d.phrase_at(j, p))
                && !(lower[j] == "would"
                    && (j.saturating_sub(3).max(s0)..j)
                        .any(|r| c.reporting.iter().any(|p| d.phrase_at(r, p))))
        }) {
            Certainty::Possible
        } else if attributed {
            Certainty::Reported
        } else {
            Certainty::Fact
        }
    }

    /// The quantity of the event whose trigger is token `k` (its verb group
    /// starting at `head`, its source mention `source`); `quantities` are the
    /// sentence's (indices into the annotation's), `sentence_end` the byte
    /// where the sentence ends. An event noun's stands
    /// right before it ("more than 80 rounds of military drills"); else the
    /// first after the verb.
    pub fn quantity(
        &self,
        k: usize,
        head: usize,
        source: Option<&Actor>,
        quantities: std::ops::Range<usize>,
        sentence_end: usize,
    ) -> Option<usize> {
        let d = self.d;
        let (toks, a, s0) = (d.toks, d.a, self.s0);
        let after_source = source.map_or(toks[s0].span.start, |x| toks[x.last].span.end);
        let near_before = toks[k.saturating_sub(6).max(s0)]
            .span
            .start
            .max(after_source);
        quantities
            .clone()
            .find(|&i| {
                let q = &a.quantities[i];
                q.span.start >= near_before && q.span.end <= toks[k].span.start
            })
            .or_else(|| {
                quantities.clone().find(|&i| {
                    let q = &a.quantities[i];
                    q.span.start >= toks[head].span.start && q.span.end <= sentence_end
                })
            })
    }
}
