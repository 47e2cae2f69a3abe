//! The document as the claim coder sees it: tokens in lower case and base
//! form, the actor, weapon and place mentions by token, and the word tests
//! every sentence needs (cue phrases, weapon words).

use std::collections::HashMap;

use dyad_language::{Annotated, Kind, Token};

use crate::data::{base, cues, one_word, Cues};

/// An actor occurrence in a sentence: token range and the entities it names.
#[derive(Debug, Clone)]
pub(crate) struct Actor {
    pub first: usize,
    pub last: usize,
    pub entities: Vec<usize>,
}

/// Whether an entity kind can be a party to a claim.
pub(crate) fn is_actor(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::State | Kind::Person | Kind::Organization | Kind::Group
    )
}

/// A subject pronoun: "restrictions it imposed", "said they attacked".
pub(crate) fn subject_pronoun(w: &str) -> bool {
    matches!(w, "it" | "they" | "he" | "she" | "we")
}

/// An auxiliary that starts a verb group ("was", "had", "would").
pub(crate) fn auxiliary(w: &str) -> bool {
    matches!(
        w,
        "was" | "is" | "were" | "are" | "had" | "has" | "have" | "would" | "will"
    )
}

/// A token span with the entity it names: `(first, last, entity)`.
pub(crate) type Spot = (usize, usize, usize);

/// One annotated text, indexed by token for the coder.
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub a: &'a Annotated,
    pub toks: &'a [Token],
    pub c: &'static Cues,
    /// Each token in lower case.
    pub lower: Vec<String>,
    /// Each token's base form (a frame key where it inflects one).
    pub bases: Vec<String>,
    /// Actor mentions and references, by first token; one inside another
    /// dropped, a bracketed gloss merged into the name before it.
    pub actors: Vec<Actor>,
    /// Weapon mentions, sorted.
    pub weapons: Vec<Spot>,
    /// Mentions of places that lie in a state, sorted.
    pub places: Vec<Spot>,
    /// State entities by id.
    pub state_entity: HashMap<&'a str, usize>,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str, a: &'a Annotated) -> Self {
        let toks = a.tokens.as_slice();
        let lower: Vec<String> = toks.iter().map(|t| t.text(text).to_lowercase()).collect();
        let bases: Vec<String> = toks.iter().map(|t| base(t.text(text))).collect();
        let tok_of = |byte: usize| toks.partition_point(|t| t.span.end <= byte);
        let mut actors: Vec<Actor> = Vec::new();
        let mut weapons: Vec<Spot> = Vec::new();
        let mut places: Vec<Spot> = Vec::new();
        for (i, e) in a.entities.iter().enumerate() {
            for m in &e.mentions {
                let (first, last) = (tok_of(m.span.start), tok_of(m.span.end.saturating_sub(1)));
                if e.kind == Kind::Weapon {
                    weapons.push((first, last, i));
                } else if e.kind == Kind::Place && e.state.is_some() {
                    places.push((first, last, i));
                } else if is_actor(e.kind) {
                    actors.push(Actor {
                        first,
                        last,
                        entities: vec![i],
                    });
                }
            }
        }
        weapons.sort_unstable();
        places.sort_unstable();
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
        let actors = merge_glosses(text, a, toks, actors);
        let state_entity: HashMap<&str, usize> = a
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == Kind::State)
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();
        Doc {
            text,
            a,
            toks,
            c: cues(),
            lower,
            bases,
            actors,
            weapons,
            places,
            state_entity,
        }
    }

    /// The state an entity is or belongs to.
    pub fn state_of(&self, i: usize) -> Option<&'a str> {
        self.a.entities[i].state_id()
    }

    /// Whether the phrase `p` (lower-case words) starts at token `k`.
    pub fn phrase_at(&self, k: usize, p: &[String]) -> bool {
        k + p.len() <= self.lower.len()
            && self.lower[k..k + p.len()]
                .iter()
                .zip(p)
                .all(|(x, y)| x == y)
    }

    /// Whether any phrase of `list` starts at a token in `from..to`.
    pub fn any_cue(&self, from: usize, to: usize, list: &[Vec<String>]) -> bool {
        (from..to).any(|k| list.iter().any(|p| self.phrase_at(k, p)))
    }

    /// A cue phrase of `list` that ends right before token `k`, over at most
    /// two adverbs ("will also send"), not before `s0`; where the cue starts.
    pub fn cue_before(
        &self,
        k: usize,
        s0: usize,
        list: &[Vec<String>],
        skip_negation: bool,
    ) -> Option<usize> {
        let lower = &self.lower;
        let mut ends = vec![k];
        let mut p = k;
        for _ in 0..2 {
            if p > s0
                && one_word(&self.c.adverbs, &lower[p - 1])
                && (skip_negation || !matches!(lower[p - 1].as_str(), "not" | "never"))
            {
                p -= 1;
                ends.push(p);
            }
        }
        ends.into_iter().find_map(|end| {
            list.iter().find_map(|ph| {
                (end >= s0 + ph.len() && self.phrase_at(end - ph.len(), ph)).then(|| end - ph.len())
            })
        })
    }

    /// Whether token `k` lies in a weapon mention.
    pub fn in_weapon(&self, k: usize) -> bool {
        let i = self.weapons.partition_point(|w| w.0 <= k);
        self.weapons[..i]
            .iter()
            .rev()
            .take(4)
            .any(|&(_, w1, _)| k <= w1)
    }

    /// "attack drone", "supply ship": an uninflected trigger word that
    /// modifies a weapon noun. "launched drones", "to supply missiles" are
    /// verbs.
    pub fn weapon_head(&self, k: usize) -> bool {
        let lower = &self.lower;
        let verb_before = k > 0
            && (matches!(
                lower[k - 1].as_str(),
                "to" | "will"
                    | "would"
                    | "can"
                    | "could"
                    | "may"
                    | "might"
                    | "must"
                    | "should"
                    | "shall"
                    | "did"
                    | "do"
                    | "does"
                    | "not"
                    | "they"
                    | "we"
            ) || {
                // Actors are sorted by their first token; one ending right
                // before `k` starts at most a few tokens earlier.
                let hi = self.actors.partition_point(|x| x.first < k);
                self.actors[..hi]
                    .iter()
                    .rev()
                    .take(16)
                    .any(|x| x.last + 1 == k)
            });
        if lower[k] != self.bases[k] || verb_before {
            return self.in_weapon(k);
        }
        let next = if lower.get(k + 1).map(String::as_str) == Some("-") {
            k + 2
        } else {
            k + 1
        };
        lower
            .get(next)
            .is_some_and(|w| one_word(&self.c.weapon_heads, w))
            || self.in_weapon(k)
    }

    /// A described group acting for a state ("Turkish authorities",
    /// "Ukrainian officials") is that state as a party, the group its agent.
    /// Returns the parties and the (state, agent) pairs.
    pub fn as_states(&self, v: Vec<usize>) -> (Vec<usize>, Vec<(usize, usize)>) {
        let mut out: Vec<usize> = Vec::new();
        let mut agents: Vec<(usize, usize)> = Vec::new();
        for i in v {
            let e = &self.a.entities[i];
            let j = match (
                e.kind,
                e.state.as_deref().and_then(|st| self.state_entity.get(st)),
            ) {
                // … and so is an organisation named as a state's own
                // ("Russia's defence ministry"), or known as an organ
                // of its state ("the Russian navy").
                (Kind::Group, Some(&j)) | (Kind::Organization, Some(&j))
                    if e.kind == Kind::Group
                        || e.subtype
                            .as_deref()
                            .is_some_and(|t| STATE_ORGANS.contains(&t))
                        || (!e.known
                            && e.state.as_deref().is_some_and(|st| {
                                e.id.starts_with(&format!("{}-", st.to_lowercase()))
                            })) =>
                {
                    agents.push((j, i));
                    j
                }
                // A place as a party ("fired at cities including
                // Kharkiv") is its state, the place kept as the agent.
                (Kind::Place, Some(&j)) => {
                    agents.push((j, i));
                    j
                }
                _ => i,
            };
            if !out.contains(&j) {
                out.push(j);
            }
        }
        (out, agents)
    }
}

/// Organisation types (lexicon `type`) that act for their state as a party.
const STATE_ORGANS: &[&str] = &[
    "military",
    "ministry",
    "government",
    "intelligence",
    "parliament",
    "court",
];

/// "Hizbollah (Party of God)": a name in brackets right after another is that
/// actor's gloss, not a second party; the first actor spans it.
fn merge_glosses(text: &str, a: &Annotated, toks: &[Token], actors: Vec<Actor>) -> Vec<Actor> {
    let mut glossed: Vec<Actor> = Vec::with_capacity(actors.len());
    for x in actors {
        if let Some(prev) = glossed.last_mut() {
            // (A state's bracket names something else: "in Lebanon (UNIFIL)".)
            let gloss = prev.entities == x.entities
                || (prev
                    .entities
                    .iter()
                    .all(|&i| a.entities[i].kind != Kind::State)
                    && (x.entities.iter().all(|&i| !a.entities[i].known)
                        || (x.first == x.last
                            && toks[x.first]
                                .text(text)
                                .chars()
                                .all(|ch| ch.is_ascii_uppercase()))));
            if gloss
                && x.first >= 2
                && prev.last + 2 == x.first
                && toks[x.first - 1].text(text) == "("
            {
                let close = toks.get(x.last + 1).is_some_and(|t| t.text(text) == ")");
                prev.last = x.last + usize::from(close);
                continue;
            }
        }
        glossed.push(x);
    }
    glossed
}
