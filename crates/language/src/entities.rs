//! Entities and their mentions.
//!
//! Three sources, merged into one list of entities with every mention:
//!
//! 1. **Lexicon matches** ([`crate::lexicon`]): states by name, demonym or
//!    capital; people with dated roles; organisations; weapon systems; places.
//! 2. **Names from context**: capitalised sequences not in the lexicon, typed by
//!    cues from `data/language/names.txt` — a title before the name ("Defense
//!    Minister Shin Won-sik"), an apposition after it ("Pak Chol-min, then vice
//!    chairman of the Supreme People's Assembly"), an organisation or place word
//!    at its end, a place preposition before it. A title or apposition that
//!    names a state or an organisation gives the person that state.
//! 3. **Reference**: surname-only repeats ("Kim said") join the nearest earlier
//!    person with that surname; an acronym in brackets after a name joins it.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use serde::Serialize;

use crate::datafile;
use crate::lexicon::{FormClass, Kind, Lexicon};
use crate::text::Span;
use crate::tokens::{Token, TokenKind};

/// One mention of an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// Where it is (bytes).
    pub span: Span,
    /// How it names the entity.
    pub class: FormClass,
}

/// An entity found in a text.
#[derive(Debug, Clone, Serialize)]
pub struct Entity {
    /// Canonical id (ISO3 for states, a slug otherwise).
    pub id: String,
    /// Kind.
    pub kind: Kind,
    /// Canonical name.
    pub name: String,
    /// Affiliated state, if known.
    pub state: Option<String>,
    /// Role (people), from the lexicon for the publication date or from the text.
    pub role: Option<String>,
    /// Organisation type, weapon kind or place type.
    pub subtype: Option<String>,
    /// Whether it came from the lexicon.
    pub known: bool,
    /// Mentions in text order.
    pub mentions: Vec<Mention>,
}

impl Entity {
    /// The state this entity is or belongs to: its own id for a state, else
    /// its affiliated state.
    pub fn state_id(&self) -> Option<&str> {
        if self.kind == Kind::State {
            Some(self.id.as_str())
        } else {
            self.state.as_deref()
        }
    }
}

struct NameCues {
    stop: HashSet<String>,
    lone: HashSet<String>,
    given: HashSet<String>,
    common: HashSet<String>,
    titles: Vec<Vec<String>>,
    org_words: HashSet<String>,
    place_words: HashSet<String>,
    place_cues: HashSet<String>,
    group_nouns: Vec<Vec<String>>,
    org_heads: Vec<Vec<String>>,
    ethnic_markers: HashSet<String>,
    /// (id, organ id, next word): "UN sanctions" are the Security Council's.
    organ_by_noun: Vec<(String, String, String)>,
    /// Head nouns of organisations named again with "the" ("the council").
    org_back: HashSet<String>,
    /// States that are islands: "the island" names the last one named.
    islands: HashSet<String>,
    /// Lower-case words of a title between a state and a name ("Nigerian
    /// junior foreign minister Dubem Oniya").
    title_words: HashSet<String>,
    /// Group nouns that stand for a source on their own ("analysts said").
    bare_groups: HashSet<String>,
}

fn cues() -> &'static NameCues {
    static C: OnceLock<NameCues> = OnceLock::new();
    C.get_or_init(|| {
        let mut c = NameCues {
            stop: HashSet::new(),
            lone: HashSet::new(),
            common: datafile::words(include_str!("../../../data/language/common-words.txt"))
                .map(str::to_string)
                .collect(),
            given: datafile::words(include_str!("../../../data/language/given-names.txt"))
                .map(str::to_string)
                .collect(),
            titles: Vec::new(),
            org_words: HashSet::new(),
            place_words: HashSet::new(),
            place_cues: HashSet::new(),
            group_nouns: Vec::new(),
            org_heads: Vec::new(),
            ethnic_markers: HashSet::new(),
            organ_by_noun: Vec::new(),
            org_back: HashSet::new(),
            islands: HashSet::new(),
            title_words: HashSet::new(),
            bare_groups: HashSet::new(),
        };
        let phrase = |l: &str| -> Vec<String> {
            l.to_lowercase()
                .split_whitespace()
                .map(str::to_string)
                .collect()
        };
        for (section, l) in datafile::entries(include_str!("../../../data/language/names.txt")) {
            // The word sets compared in lower case.
            let folded = match section {
                "place-cues" => Some(&mut c.place_cues),
                "ethnic-markers" => Some(&mut c.ethnic_markers),
                "bare-groups" => Some(&mut c.bare_groups),
                "title-words" => Some(&mut c.title_words),
                "org-back-references" => Some(&mut c.org_back),
                _ => None,
            };
            if let Some(set) = folded {
                set.insert(l.to_lowercase());
                continue;
            }
            match section {
                "stop" => {
                    c.stop.insert(l.to_string());
                }
                "lone" => {
                    c.lone.insert(l.to_string());
                }
                "titles" => c.titles.push(phrase(l)),
                "org-words" => {
                    c.org_words.insert(l.to_string());
                }
                "place-words" => {
                    c.place_words.insert(l.to_string());
                }
                "group-nouns" => c.group_nouns.push(phrase(l)),
                "org-heads" => c.org_heads.push(phrase(l)),
                "island-states" => {
                    c.islands.insert(l.to_string());
                }
                "organ-by-noun" => {
                    let w: Vec<&str> = l.split_whitespace().collect();
                    if let [id, organ, nouns @ ..] = w.as_slice() {
                        for n in nouns {
                            c.organ_by_noun.push((
                                id.to_string(),
                                organ.to_string(),
                                n.to_lowercase(),
                            ));
                        }
                    }
                }
                _ => {}
            }
        }
        // Agent nouns (data/language/agents.tsv): "rebels", "riot police", "authorities".
        let mut seen: HashSet<Vec<String>> = c.group_nouns.iter().cloned().collect();
        for line in include_str!("../../../data/language/agents.tsv").lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let noun = line.split('\t').next().unwrap_or("").trim();
            if noun.is_empty() || noun == "noun" {
                continue;
            }
            let p = phrase(noun);
            if seen.insert(p.clone()) {
                c.group_nouns.push(p);
            }
        }
        // Longest first, so "defense minister" wins over "minister".
        c.titles.sort_by_key(|t| std::cmp::Reverse(t.len()));
        c.group_nouns.sort_by_key(|t| std::cmp::Reverse(t.len()));
        c.org_heads.sort_by_key(|t| std::cmp::Reverse(t.len()));
        c
    })
}

/// A slug id from a name: lower case, runs of other characters to one `-`.
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut dash = false;
    for ch in name.chars() {
        if ch.is_alphanumeric() {
            out.extend(ch.to_lowercase());
            dash = false;
        } else if ch != '\'' && ch != '\u{2019}' && !dash && !out.is_empty() {
            out.push('-');
            dash = true;
        }
    }
    out.trim_end_matches('-').to_string()
}

fn strip_possessive(s: &str) -> &str {
    s.strip_suffix("'s")
        .or_else(|| s.strip_suffix("\u{2019}s"))
        .or_else(|| s.strip_suffix('\''))
        .or_else(|| s.strip_suffix('\u{2019}'))
        .unwrap_or(s)
}

fn is_cap(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Lower-case words that may stand inside a name ("Bank of America"). "and"
/// is not one: "Chrysler and General Motors" are two names.
const CONNECTORS: &[&str] = &[
    "of", "the", "for", "de", "del", "da", "al", "bin", "von", "van", "&", "on",
];

/// Finds the entities of a text. `published` (`YYYY-MM-DD`) picks people's roles.
pub fn find_entities(
    text: &str,
    tokens: &[Token],
    sentences: &[Span],
    taken: &[Span],
    published: Option<&str>,
    lex: &Lexicon,
) -> Vec<Entity> {
    let c = cues();
    let mut ents: Vec<Entity> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    // Spans no name may overlap: times, lexicon matches (both sorted), names found.
    let mut taken_sorted: Vec<Span> = taken.to_vec();
    taken_sorted.sort();
    let mut lex_spans: Vec<Span> = Vec::new();
    let mut name_spans: Vec<Span> = Vec::new();

    // 1. Lexicon.
    let mut lex_mentions: Vec<(usize, Mention)> = Vec::new();
    for m in lex.find(text) {
        // "US$ 40 billion": a currency, not the state.
        if text[m.end..].trim_start_matches(' ').starts_with('$') {
            lex_spans.push(Span::new(m.start, m.end));
            continue;
        }
        // "ethnic Albanians": a people, not the state.
        if m.class == FormClass::Demonym
            && text[..m.start]
                .trim_end()
                .rsplit(|ch: char| !ch.is_alphanumeric())
                .next()
                .is_some_and(|w| c.ethnic_markers.contains(&w.to_lowercase()))
        {
            continue;
        }
        // "UN sanctions", "UN resolutions": the organ that decides them.
        let next = text[m.end..]
            .trim_start()
            .split(|ch: char| !ch.is_alphanumeric() && ch != '-')
            .next()
            .unwrap_or("")
            .to_lowercase();
        let entry = c
            .organ_by_noun
            .iter()
            .find(|(id, _, noun)| *id == lex.entries[m.entry].id && *noun == next)
            .and_then(|(_, organ, _)| lex.index(organ))
            .unwrap_or(m.entry);
        lex_mentions.push((
            entry,
            Mention {
                span: Span::new(m.start, m.end),
                class: m.class,
            },
        ));
        lex_spans.push(Span::new(m.start, m.end));
    }
    for (entry, mention) in &lex_mentions {
        let e = &lex.entries[*entry];
        let key = format!("id:{}", e.id);
        let idx = *by_key.entry(key).or_insert_with(|| {
            let role = lex.role_on(e, published);
            ents.push(Entity {
                id: e.id.clone(),
                kind: e.kind,
                name: e.name.clone(),
                state: role
                    .as_ref()
                    .and_then(|r| r.state.clone())
                    .or_else(|| e.state.clone()),
                role: role.map(|r| r.role),
                subtype: e.subtype.clone(),
                known: true,
                mentions: Vec::new(),
            });
            ents.len() - 1
        });
        ents[idx].mentions.push(*mention);
    }

    let mut votes: HashMap<usize, [u32; 3]> = HashMap::new();
    // 2. Described groups ("Ukrainian officials", "Western allies", "analysts")
    //    and organisations named by a possessive state ("Taiwan's defence ministry").
    described(
        text,
        tokens,
        &lex_mentions,
        lex,
        &mut ents,
        &mut by_key,
        &mut name_spans,
    );
    name_spans.sort();

    // 3. Names from context.
    // The first word of each sentence (after any opening quote or bracket).
    let sent_starts: HashSet<usize> = sentences
        .iter()
        .filter_map(|s| {
            let first = tokens.partition_point(|t| t.span.start < s.start);
            (first..tokens.len())
                .take_while(|&k| tokens[k].span.start < s.end)
                .find(|&k| tokens[k].kind != TokenKind::Punct)
        })
        .collect();
    let lower: Vec<String> = tokens.iter().map(|t| t.text(text).to_lowercase()).collect();
    // Capitalised words seen away from a sentence start (evidence that a
    // sentence-initial word is a name).
    let mid_caps: HashSet<&str> = tokens
        .iter()
        .enumerate()
        .filter(|(i, t)| {
            !sent_starts.contains(i) && t.kind == TokenKind::Word && is_cap(t.text(text))
        })
        .map(|(_, t)| strip_possessive(t.text(text)))
        .collect();
    let speaking = speakers(&lower, tokens, text);
    let lower_words: HashSet<&str> = tokens
        .iter()
        .map(|t| t.text(text))
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .collect();
    // Title Case sentences (headlines): most words capitalised.
    let headline_spans: Vec<Span> = sentences
        .iter()
        .filter(|sp| {
            let from = tokens.partition_point(|t| t.span.start < sp.start);
            let to = tokens.partition_point(|t| t.span.start < sp.end);
            let ws: Vec<&Token> = tokens[from..to]
                .iter()
                .filter(|t| t.kind == TokenKind::Word && t.text(text).len() > 3)
                .collect();
            // Headlines carry no final stop.
            let open = !text[sp.start..sp.end]
                .trim_end()
                .ends_with(['.', '!', '?', '"', '\u{201d}']);
            open && ws.len() >= 3
                && ws.iter().filter(|t| is_cap(t.text(text))).count() * 10 >= ws.len() * 7
        })
        .copied()
        .collect();
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        let w = t.text(text);
        if t.kind != TokenKind::Word
            || !is_cap(w)
            || is_covered(&taken_sorted, &lex_spans, &name_spans, t.span)
        {
            i += 1;
            continue;
        }
        // Extend over capitalised words and inner connectors.
        let mut j = i + 1;
        let mut last_cap = i;
        while j < tokens.len() {
            let tj = tokens[j];
            let wj = tj.text(text);
            let prev = tokens[j - 1].text(text);
            // A possessive ends the name ("Iran's Foreign Ministry").
            if prev.ends_with("'s") || prev.ends_with("\u{2019}s") {
                break;
            }
            if is_covered(&taken_sorted, &lex_spans, &name_spans, tj.span)
                || text[tokens[j - 1].span.end..tj.span.start].contains('\n')
            {
                break;
            }
            if tj.kind == TokenKind::Word && is_cap(wj) {
                last_cap = j;
                j += 1;
            } else if CONNECTORS.contains(&wj)
                && j + 1 < tokens.len()
                && is_cap(tokens[j + 1].text(text))
                && !is_covered(&taken_sorted, &lex_spans, &name_spans, tokens[j + 1].span)
            {
                j += 1;
            } else {
                break;
            }
        }
        let mut s = i;
        let e = last_cap + 1;
        // Leading function words ("The", "In") are not part of a name, nor is a
        // capitalised common word opening the sentence ("Shares of Chrysler").
        while s < e
            && (c.stop.contains(strip_possessive(tokens[s].text(text)))
                || (sent_starts.contains(&s)
                    && e - s > 1
                    && is_common(tokens[s].text(text), &lower_words)))
        {
            s += 1;
            while s < e && CONNECTORS.contains(&tokens[s].text(text)) {
                s += 1;
            }
        }
        // Leading titles ("President", "Defense Minister") are a cue, not the
        // name — unless the sequence is an organisation ("General Motors").
        let mut lead_title: Option<(usize, String)> = None;
        let org_final = c
            .org_words
            .contains(strip_possessive(tokens[e - 1].text(text)));
        // A title inside the sequence ("Apple CEO Steve Jobs") splits it: the
        // part before is an organisation, the part after the person.
        let mut e = e;
        while s < e && !org_final {
            match title_at(&lower, s, e) {
                Some(n) if s + n < e => {
                    lead_title = Some((s, lower[s..s + n].join(" ")));
                    s += n;
                }
                _ => break,
            }
        }
        if !org_final {
            if let Some(k) = (s + 1..e).find(|&k| title_at(&lower, k, e).is_some_and(|n| k + n < e))
            {
                e = k;
            }
        }
        // Connectors left at either end after a split ("CEO of GM", "Apple and").
        while s < e && CONNECTORS.contains(&tokens[s].text(text)) {
            s += 1;
        }
        // Connectors left at the end after a split ("Apple and").
        while e > s + 1 && CONNECTORS.contains(&tokens[e - 1].text(text)) {
            e -= 1;
        }
        if s >= e || title_at(&lower, s, e) == Some(e - s) {
            i = e.max(i + 1);
            continue;
        }
        let words: Vec<&str> = tokens[s..e]
            .iter()
            .map(|t| strip_possessive(t.text(text)))
            .collect();
        let single = e - s == 1;
        let at_start = sent_starts.contains(&s);
        // A word also written in lower case in the same text is a common word
        // ("Following", "Index"); so are -ly adverbs.
        let common = single && is_common(words[0], &lower_words);
        let owner = single
            .then(|| surname_owner(&ents, words[0], tokens[s].span.start))
            .flatten();
        let followed_by_currency = text[tokens[e - 1].span.end..].starts_with('$');
        let skip_single = followed_by_currency
            || single
                && owner.is_none()
                && (common
                    || (at_start && !mid_caps.contains(words[0]))
                    || c.lone.contains(words[0])
                    || c.org_words.contains(words[0])
                    || c.place_words.contains(words[0])
                    || words[0].chars().count() < 2
                    || words[0].chars().any(|ch| ch.is_ascii_digit()));
        // Model numbers and products ("A380", "iPhone 4") are not entities here;
        // in a Title Case headline only names seen in running text count.
        let in_headline = headline_spans.iter().any(|h| h.contains(&tokens[s].span));
        let seen_in_body = || {
            let cand = &text[tokens[s].span.start..tokens[e - 1].span.end];
            text.match_indices(cand)
                .any(|(p, _)| !headline_spans.iter().any(|h| h.start <= p && p < h.end))
        };
        // Products by model ("Airbus A380") and market indices ("Dow Jones
        // Industrial Average") are not actors.
        let model = words
            .last()
            .is_some_and(|w| w.chars().any(|ch| ch.is_ascii_digit()));
        let index = matches!(
            words.last().copied(),
            Some("Average" | "Index" | "Composite")
        );
        if skip_single || model || index || (in_headline && !seen_in_body()) {
            i = e;
            continue;
        }
        let span = Span::new(tokens[s].span.start, {
            let last = tokens[e - 1];
            let lt = last.text(text);
            last.span.end - (lt.len() - strip_possessive(lt).len())
        });
        let name = text[span.start..span.end].to_string();
        let last_word = *words.last().unwrap_or(&"");
        let acronym = single
            && words[0].len() >= 2
            && words[0].len() <= 6
            && words[0].chars().all(|ch| ch.is_ascii_uppercase());
        let title = lead_title.or_else(|| title_before(&lower, s));
        let apposition = apposition_after(text, tokens, &lower, e);
        let prev_word = if s > 0 { lower[s - 1].as_str() } else { "" };
        // Korean-style names: "Shin Won-sik", "Kim Yo-jong" (hyphenated, lower case after the hyphen).
        let hyphen_name = e - s >= 2
            && words.last().is_some_and(|w| {
                w.split_once('-').is_some_and(|(a, b)| {
                    !a.is_empty() && b.chars().next().is_some_and(char::is_lowercase)
                })
            });
        let plain_words = words.iter().all(|w| {
            w.chars()
                .all(|ch| ch.is_alphabetic() || ch == '-' || ch == '.' || ch == '\'')
        });
        let surname = owner;
        let kind = if surname.is_some() {
            Kind::Person
        } else if c.org_words.contains(last_word) || acronym {
            Kind::Organization
        } else if c.place_words.contains(last_word) {
            Kind::Place
        } else if title.is_some()
            || apposition.is_some()
            || hyphen_name
            || (c.given.contains(words[0]) && e - s >= 2 && plain_words)
        {
            Kind::Person
        } else if (c.place_cues.contains(prev_word)
            // "the town of Cizre", "the port of Tartus"
            || (prev_word == "of" && s >= 2 && c.place_cues.contains(lower[s - 2].as_str())))
            && e - s <= 2
        {
            Kind::Place
        } else if e - s >= 2 && plain_words && speaking.contains(last_word) {
            Kind::Person
        } else if place_noun_after(text, tokens, &c.place_words, e) {
            Kind::Place
        } else {
            Kind::Organization
        };
        // A state for people from the title's context or the apposition.
        let mut state = None;
        let mut role = None;
        if kind == Kind::Person {
            if let Some((tstart, trole)) = &title {
                role = Some(trole.clone());
                state = state_near(&lex_mentions, lex, tokens, *tstart, s);
            }
            if let Some((arole, astate)) = &apposition {
                role = role.or(Some(arole.clone()));
                state = state.or(astate_to_state(astate, &lex_mentions, lex));
            }
        }
        // Surname-only repeats join a person already seen.
        let key = surname.map(|p| format!("ent:{p}"));
        let key = key.unwrap_or_else(|| format!("name:{}", slug(&name)));
        let idx = if let Some(p) = key
            .strip_prefix("ent:")
            .and_then(|p| p.parse::<usize>().ok())
        {
            p
        } else if let Some(&p) = by_key.get(&key) {
            p
        } else {
            ents.push(Entity {
                id: slug(&name),
                kind,
                name: name.clone(),
                state,
                role,
                subtype: None,
                known: false,
                mentions: Vec::new(),
            });
            by_key.insert(key, ents.len() - 1);
            ents.len() - 1
        };
        ents[idx].mentions.push(Mention {
            span,
            class: FormClass::Name,
        });
        // Each mention votes for a kind; an unknown name takes the majority
        // ("invest in Chrysler" once does not make Chrysler a place).
        votes.entry(idx).or_insert([0u32; 3])[slot_of(kind)] += 1;
        name_spans.push(span);
        i = e;
    }
    for (idx, v) in votes {
        if ents[idx].known || ents[idx].kind == Kind::Group {
            continue;
        }
        let best = (0..3)
            .max_by_key(|&k| (v[k], std::cmp::Reverse(k)))
            .unwrap_or(1);
        if v[best] > v[slot_of(ents[idx].kind)] {
            ents[idx].kind = [Kind::Person, Kind::Organization, Kind::Place][best];
        }
    }
    for e in &mut ents {
        e.mentions.sort_by_key(|m| m.span.start);
    }
    ents.retain(|e| !e.mentions.is_empty());
    state_from_sentence(text, sentences, &mut ents);
    ents
}

/// Every mention of an entity of `kind` with the entity's index, in text order.
fn mentions_of(ents: &[Entity], kind: Kind) -> Vec<(Span, usize)> {
    let mut out: Vec<(Span, usize)> = ents
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == kind)
        .flat_map(|(i, e)| e.mentions.iter().map(move |m| (m.span, i)))
        .collect();
    out.sort_by_key(|&(span, i)| (span.start, i));
    out
}

/// A person named right after a state and a title ("Palestinian Prime
/// Minister Ismail Haniyeh") serves that state. A titled person the lexicon
/// does not know ("President Mugabe") serves the one state named in the
/// sentences that mention them, an unknown place ("the town of Cizre in
/// southeastern Turkey") lies in it, and an unknown organisation ("the Umma
/// party") belongs to it; with two or more states there, the state stays
/// unknown.
fn state_from_sentence(text: &str, sentences: &[Span], ents: &mut [Entity]) {
    let c = cues();
    let sentence_of = |pos: usize| sentences.partition_point(|s| s.end <= pos);
    let mentions = mentions_of(ents, Kind::State);
    let mut states_in: HashMap<usize, Vec<usize>> = HashMap::new();
    for &(span, i) in &mentions {
        let v = states_in.entry(sentence_of(span.start)).or_default();
        if !v.contains(&i) {
            v.push(i);
        }
    }
    // State mentions by where they end, for "Palestinian Prime Minister X".
    let mut state_ends: Vec<(usize, usize)> =
        mentions.iter().map(|&(span, i)| (span.end, i)).collect();
    state_ends.sort_unstable();
    for i in 0..ents.len() {
        let e = &ents[i];
        if e.state.is_some() {
            continue;
        }
        // A person right after a state's name or demonym and capitalised title
        // words serves that state: "Palestinian Prime Minister Ismail Haniyeh".
        if e.kind == Kind::Person {
            let titled = e.mentions.iter().find_map(|m| {
                let k = state_ends.partition_point(|&(end, _)| end <= m.span.start);
                let &(end, st) = state_ends.get(k.checked_sub(1)?)?;
                let between = text.get(end..m.span.start)?;
                let words: Vec<&str> = between.split_whitespace().collect();
                (words.len() <= 4
                    && !between.contains(['.', ',', ';'])
                    && words.iter().all(|w| {
                        // Title words, capitalised or not ("Nigerian junior
                        // foreign minister Dubem Oniya").
                        w.starts_with(char::is_uppercase) || c.title_words.contains(*w)
                    }))
                .then_some(st)
            });
            if let Some(st) = titled {
                ents[i].state = Some(ents[st].id.clone());
                continue;
            }
            // "King Hassan of Morocco": a person named with "of" and a state.
            if let Some(st) = e.mentions.iter().find_map(|m| {
                let rest = text.get(m.span.end..)?.strip_prefix(" of ")?;
                let start = m.span.end + 4;
                mentions
                    .iter()
                    .find(|&&(sp, _)| {
                        sp.start == start || (rest.starts_with("the ") && sp.start == start + 4)
                    })
                    .map(|&(_, st)| st)
            }) {
                ents[i].state = Some(ents[st].id.clone());
                continue;
            }
            // "A member of the Syrian parliament, Mohammed Mamoun": a person
            // after a "<noun> of <state's body>," apposition serves that state.
            if let Some(st) = e
                .mentions
                .iter()
                .find_map(|m| owner_before(text, ents, m.span.start))
            {
                ents[i].state = Some(st);
                continue;
            }
        }
        let titled_person = e.kind == Kind::Person && e.role.is_some();
        let unknown_place = e.kind == Kind::Place && !e.known;
        let unknown_org = e.kind == Kind::Organization && !e.known;
        if !(titled_person || unknown_place || unknown_org) {
            continue;
        }
        let mut found: Vec<usize> = e
            .mentions
            .iter()
            .flat_map(|m| {
                states_in
                    .get(&sentence_of(m.span.start))
                    .into_iter()
                    .flatten()
            })
            .copied()
            .collect();
        found.sort_unstable();
        found.dedup();
        if let [only] = found.as_slice() {
            ents[i].state = Some(ents[*only].id.clone());
        }
    }
}

/// The state of a body named in an "of" phrase that ends, with a comma, right
/// before `pos`: "a member of the Syrian parliament, ▮".
fn owner_before(text: &str, ents: &[Entity], pos: usize) -> Option<String> {
    let head = text.get(..pos)?.trim_end().strip_suffix(',')?.trim_end();
    ents.iter().find_map(|e| {
        let st = e.state_id()?.to_string();
        e.mentions.iter().find_map(|m| {
            if m.span.end != head.len() {
                return None;
            }
            let lead = lower_tail(text, m.span.start, 12);
            let lead = lead.trim_end();
            (lead.ends_with(" of the") || lead.ends_with(" of")).then(|| st.clone())
        })
    })
}

/// The lower-cased text in the (at most) `n` bytes before `pos`, cut at a
/// character boundary: enough to test what a mention follows without
/// lower-casing the whole text before it.
fn lower_tail(text: &str, pos: usize, n: usize) -> String {
    let pos = pos.min(text.len());
    let mut from = pos.saturating_sub(n);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    text.get(from..pos).unwrap_or("").to_lowercase()
}

/// Whether a lower-case place noun follows the name ending before token `e`:
/// "Ilam province", "Khuzestan and Ilam provinces", "Kursk region".
fn place_noun_after(text: &str, tokens: &[Token], place_words: &HashSet<String>, e: usize) -> bool {
    let Some(t) = tokens.get(e) else {
        return false;
    };
    let w = t.text(text);
    if !w.starts_with(|ch: char| ch.is_lowercase()) {
        return false;
    }
    let singular = w.strip_suffix("ies").map_or_else(
        || w.strip_suffix('s').unwrap_or(w).to_string(),
        |stem| format!("{stem}y"),
    );
    let mut cap = singular.chars();
    cap.next().is_some_and(|first| {
        let word: String = first.to_uppercase().chain(cap).collect();
        place_words.contains(&word)
    })
}

/// Whether the name at `pos` says where something is, not who: "Analysts in
/// Seoul said", and each of a list after "in" ("speculation in Seoul and
/// Washington").
fn located_at(text: &str, pos: usize) -> bool {
    let pos = pos.min(text.len());
    let mut from = pos.saturating_sub(60);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let tail = text.get(from..pos).unwrap_or("").trim_end();
    if tail.to_lowercase().ends_with(" in") {
        return true;
    }
    // (Only names, commas and "and" between "in" and this one.)
    tail.rfind(" in ").is_some_and(|i| {
        let list = &tail[i + 4..];
        (list.ends_with(" and") || list.ends_with(','))
            && list
                .split_whitespace()
                .all(|w| w == "and" || w.starts_with(|ch: char| ch.is_uppercase()))
    })
}

/// The one organisation of `state` in the lexicon whose name has every word
/// of `head` ("news agency" → Korean Central News Agency), if only one has.
fn known_organ<'l>(lex: &'l Lexicon, state: &str, head: &str) -> Option<&'l crate::lexicon::Entry> {
    let words: Vec<&str> = head.split_whitespace().collect();
    let mut fits = lex.entries.iter().filter(|o| {
        o.kind == Kind::Organization && o.state.as_deref() == Some(state) && {
            let name = o.name.to_lowercase();
            let name_words: Vec<&str> = name.split(|ch: char| !ch.is_alphanumeric()).collect();
            words.iter().all(|w| name_words.contains(w))
        }
    });
    let first = fits.next()?;
    fits.next().is_none().then_some(first)
}

/// "the council", "the panel", "the agency" (token `k` is "the"): the
/// organisation named last before it, in the last 2,000 bytes, whose name has
/// that head word ("the UN Security Council … told the council").
fn org_named_before(
    text: &str,
    tokens: &[Token],
    ents: &[Entity],
    actors: &[(usize, usize)],
    k: usize,
) -> Option<(usize, usize)> {
    let word = |j: usize| tokens.get(j).map_or("", |t| t.text(text));
    let lower_word = |w: &str| !w.is_empty() && w.chars().all(|ch| ch.is_ascii_lowercase());
    // The head right after "the", or after one modifier that the name also
    // has ("the defence ministry").
    let (h, modifier) = if cues().org_back.contains(word(k + 1)) {
        (k + 1, None)
    } else if lower_word(word(k + 1)) && cues().org_back.contains(word(k + 2)) {
        (k + 2, Some(word(k + 1)))
    } else {
        return None;
    };
    let head = word(h);
    // ("the council's members" is still the council; "the panel of judges" is
    // another body.)
    if !lower_word(head) || word(h + 1) == "of" {
        return None;
    }
    let has = |name: &str| {
        let name = name.to_lowercase();
        let words: Vec<&str> = name.split(|ch: char| !ch.is_alphanumeric()).collect();
        words.contains(&head) && modifier.is_none_or(|m| words.contains(&m))
    };
    let pos = tokens[k].span.start;
    actors
        .iter()
        .rev()
        .take_while(|(p, _)| pos.saturating_sub(*p) < 2000 || *p >= pos)
        .filter(|(p, _)| *p < pos)
        .map(|&(_, i)| i)
        .find(|&i| {
            let e = &ents[i];
            e.kind == Kind::Organization
                && (has(&e.name)
                    || e.mentions
                        .iter()
                        .any(|m| text.get(m.span.start..m.span.end).is_some_and(has)))
        })
        .map(|i| (i, h))
}

/// Whether a mention at `pos` opens a clause: it starts its sentence or
/// follows a comma, semicolon or clause-joining word ("…, while North Korea
/// faces", "and Iran has").
fn opens_clause_at(text: &str, sentences: &[Span], pos: usize) -> bool {
    let Some(sent) = sentences.get(sentences.partition_point(|x| x.end <= pos)) else {
        return false;
    };
    let before = text.get(sent.start..pos).unwrap_or("");
    let before = before.trim_end();
    // Skip a leading article ("The United States").
    let before = before
        .strip_suffix("The")
        .or_else(|| before.strip_suffix("the"))
        .map_or(before, str::trim_end);
    if before.is_empty() || before.ends_with([',', ';', ':']) {
        return true;
    }
    let last = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    matches!(
        last.as_str(),
        "and" | "but" | "while" | "whereas" | "as" | "when" | "that" | "because" | "since"
    )
}

/// A phrase that refers back to entities named earlier ("the two nations",
/// "both countries", "the North" in a Korean context, "the country").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reference {
    /// Where it is (bytes).
    pub span: Span,
    /// Indices into the entity list, in the order they were last named.
    pub entities: Vec<usize>,
}

/// Resolves back-references to states. "the North"/"the South" also become
/// mentions of North/South Korea when the text is about Korea.
pub fn references(
    text: &str,
    tokens: &[Token],
    sentences: &[Span],
    ents: &mut [Entity],
) -> Vec<Reference> {
    let lower: Vec<String> = tokens.iter().map(|t| t.text(text).to_lowercase()).collect();
    let states: Vec<(usize, &str)> = ents
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == Kind::State)
        .map(|(i, e)| (i, e.id.as_str()))
        .collect();
    let korean = states.iter().any(|(_, id)| matches!(*id, "PRK" | "KOR"));
    // States by mention position, to find the most recent ones before a point.
    let named: Vec<(usize, usize)> = mentions_of(ents, Kind::State)
        .into_iter()
        .map(|(span, i)| (span.start, i))
        .collect();
    // The subject of the sentence at `pos`: its first state, when no
    // preposition comes before it ("The United States has sanctioned both
    // countries" — not the United States; "the dispatch of a North Korean
    // delegation to Iran, given the two countries' support" — both named).
    let subject_at = |pos: usize| -> Option<(usize, usize)> {
        let sent = sentences.get(sentences.partition_point(|x| x.end <= pos))?;
        let &(start, i) = named.iter().find(|&&(p, _)| p >= sent.start && p < pos)?;
        let before = text.get(sent.start..start)?.to_lowercase();
        let prepositional = before.split(|c: char| !c.is_alphanumeric()).any(|w| {
            matches!(
                w,
                "of" | "to" | "in" | "for" | "with" | "from" | "on" | "at" | "by"
            )
        });
        (!prepositional).then_some((start, i))
    };
    let recent = |pos: usize, n: usize| -> Vec<usize> {
        let subject = subject_at(pos);
        // (A reference that opens a clause, "…, and the two countries are",
        // is a subject itself and may well include the sentence's subject.)
        let lead = lower_tail(text, pos, 8);
        let lead = lead.trim_end();
        let opens_clause = lead.ends_with(", and") || lead.ends_with(';');
        // The subject is not what its own object refers back to, unless
        // nothing else is there to refer to.
        let own_subject = |p: usize, i: usize| {
            subject.is_some_and(|(sp, si)| sp == p && si == i)
                && named
                    .iter()
                    .filter(|&&(q, j)| q < pos && j != i && !located_at(text, q))
                    .count()
                    >= n
        };
        let skip_subject = |p: usize, i: usize| {
            // A state named as a source ("according to Ukrainian officials")
            // is not what the story is about.
            let attributed = lower_tail(text, p, 24).contains("according to");
            attributed || (!opens_clause && own_subject(p, i))
        };
        // The states the last three sentences talk about most ("North Korea
        // and Iran …, when Pyongyang sold Tehran weapons during the Iran–Iraq
        // war … the two countries"), the later named first on a tie.
        let here = sentences.partition_point(|x| x.end <= pos);
        // States named earlier in the reference's own sentence come first
        // ("Iran has provided Russia with drones, and the two countries …").
        if let Some(sent) = sentences.get(here) {
            let mut own: Vec<usize> = Vec::new();
            for &(p, i) in named
                .iter()
                .rev()
                .filter(|&&(p, _)| p >= sent.start && p < pos)
            {
                // (A place where something is, not a party: "Analysts in
                // Seoul said …".)
                let located = located_at(text, p);
                if !located && !skip_subject(p, i) && !own.contains(&i) {
                    own.push(i);
                }
            }
            if own.len() == n {
                own.reverse();
                return own;
            }
        }
        let from = sentences[here
            .saturating_sub(2)
            .min(sentences.len().saturating_sub(1))]
        .start;
        let mut counts: Vec<(usize, usize, usize)> = Vec::new(); // (state, weight, last position)
        for &(p, i) in named.iter().filter(|(p, _)| *p >= from && *p < pos) {
            if skip_subject(p, i) || located_at(text, p) {
                continue;
            }
            // A state that opens a clause counts twice: "Iran is under broad
            // US sanctions, while North Korea faces …" is about Iran and
            // North Korea, not the United States.
            let weight = if opens_clause_at(text, sentences, p) {
                2
            } else {
                1
            };
            match counts.iter_mut().find(|c| c.0 == i) {
                Some(c) => {
                    c.1 += weight;
                    c.2 = p;
                }
                None => counts.push((i, weight, p)),
            }
        }
        counts.sort_by_key(|&(_, m, p)| (std::cmp::Reverse(m), std::cmp::Reverse(p)));
        if counts.len() >= n && (counts.len() == n || counts[n - 1].1 > counts[n].1) {
            let mut top: Vec<(usize, usize, usize)> = counts[..n].to_vec();
            top.sort_by_key(|&(_, _, p)| p);
            return top.into_iter().map(|(i, _, _)| i).collect();
        }
        let mut out: Vec<usize> = Vec::new();
        for &(p, i) in named.iter().rev().filter(|(p, _)| *p < pos) {
            if own_subject(p, i) || located_at(text, p) {
                continue;
            }
            if !out.contains(&i) {
                out.push(i);
            }
            if out.len() == n {
                break;
            }
        }
        out.reverse();
        out
    };
    // People by mention position.
    let people: Vec<(usize, usize)> = mentions_of(ents, Kind::Person)
        .into_iter()
        .map(|(span, i)| (span.start, i))
        .collect();
    let mut out = Vec::new();
    let mut extra: Vec<(usize, Mention)> = Vec::new();
    let w = |k: usize| lower.get(k).map(String::as_str).unwrap_or("");
    for k in 0..tokens.len() {
        let pair_noun = |x: &str| {
            matches!(
                x,
                "nations"
                    | "countries"
                    | "states"
                    | "sides"
                    | "governments"
                    | "neighbours"
                    | "neighbors"
                    | "allies"
            )
        };
        // "the two men", "both leaders": the two people named last.
        let person_noun = |x: &str| {
            matches!(
                x,
                "men" | "women" | "leaders" | "presidents" | "ministers" | "officials"
            )
        };
        // ("The leaders also agreed …" after a meeting of two; not "the
        // leaders of the G7".)
        let people_pair = (w(k) == "the" && w(k + 1) == "two" && person_noun(w(k + 2)))
            .then_some(3)
            .or_else(|| (w(k) == "both" && person_noun(w(k + 1))).then_some(2))
            .or_else(|| {
                (w(k) == "the" && w(k + 1) == "leaders" && !matches!(w(k + 2), "of" | "from"))
                    .then_some(2)
            });
        if let Some(len) = people_pair {
            let start = tokens[k].span.start;
            let mut found: Vec<usize> = Vec::new();
            for &(_, i) in people.iter().rev().filter(|(p, _)| *p < start) {
                if !found.contains(&i) {
                    found.push(i);
                }
                if found.len() == 2 {
                    break;
                }
            }
            if found.len() == 2 {
                found.reverse();
                out.push(Reference {
                    span: Span::new(start, tokens[k + len - 1].span.end),
                    entities: found,
                });
            }
            continue;
        }
        // ("the two heavily sanctioned governments": over up to two
        // lower-case modifiers.)
        let modified_pair = (w(k) == "the" && w(k + 1) == "two")
            .then(|| {
                (1..=2).find(|&m| {
                    pair_noun(w(k + 2 + m))
                        && (k + 2..k + 2 + m).all(|j| {
                            tokens.get(j).is_some_and(|t| {
                                t.text(text)
                                    .chars()
                                    .all(|ch| ch.is_ascii_lowercase() || ch == '-')
                            })
                        })
                })
            })
            .flatten();
        let (len, n) = if w(k) == "the" && w(k + 1) == "two" && pair_noun(w(k + 2)) {
            (3, 2)
        } else if let Some(m) = modified_pair {
            (3 + m, 2)
        } else if w(k) == "both" && pair_noun(w(k + 1)) {
            (2, 2)
        } else if k > 0 && w(k - 1) == "between" && w(k) == "two" && pair_noun(w(k + 1)) {
            // "a visit between two governments that …": the two just named.
            (2, 2)
        } else if w(k) == "the"
            && matches!(w(k + 1), "country" | "nation")
            && !matches!(w(k + 2), "'s" | "of")
        {
            (2, 1)
        } else if w(k) == "the"
            && matches!(w(k + 1), "island" | "island's" | "island\u{2019}s")
            && w(k + 2) != "of"
        {
            // "the island": the island state named last.
            let start = tokens[k].span.start;
            if let Some(&(_, i)) = named
                .iter()
                .rev()
                .find(|&&(p, i)| p < start && cues().islands.contains(&ents[i].id))
            {
                let end = start + "the island".len();
                out.push(Reference {
                    span: Span::new(start, end.min(tokens[k + 1].span.end)),
                    entities: vec![i],
                });
            }
            continue;
        } else if korean
            && w(k) == "the"
            && matches!(w(k + 1), "north" | "south")
            && tokens[k + 1]
                .text(text)
                .starts_with(|ch: char| ch.is_uppercase())
            && !tokens
                .get(k + 2)
                .is_some_and(|t| t.text(text).starts_with(|ch: char| ch.is_uppercase()))
        {
            let id = if w(k + 1) == "north" { "PRK" } else { "KOR" };
            if let Some(&(i, _)) = states.iter().find(|(_, sid)| *sid == id) {
                let span = Span::new(tokens[k].span.start, tokens[k + 1].span.end);
                extra.push((
                    i,
                    Mention {
                        span,
                        class: FormClass::Name,
                    },
                ));
                out.push(Reference {
                    span,
                    entities: vec![i],
                });
            }
            continue;
        } else {
            continue;
        };
        let span = Span::new(tokens[k].span.start, tokens[k + len - 1].span.end);
        let found = recent(span.start, n);
        if found.len() == n {
            out.push(Reference {
                span,
                entities: found,
            });
        }
    }
    // "the minister", "the president": the last-named person with that role;
    // "its": the last-named state or organisation before it in the text.
    let mut people: Vec<(usize, usize)> = ents
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == Kind::Person && e.role.is_some())
        .flat_map(|(i, e)| e.mentions.iter().map(move |m| (m.span.start, i)))
        .collect();
    people.sort();
    let mut actors: Vec<(usize, usize)> = ents
        .iter()
        .enumerate()
        .filter(|(_, e)| matches!(e.kind, Kind::State | Kind::Organization))
        .flat_map(|(i, e)| e.mentions.iter().map(move |m| (m.span.start, i)))
        .collect();
    actors.sort();
    for k in 0..tokens.len() {
        if w(k) == "the" {
            if let Some(n) = cues()
                .titles
                .iter()
                .find(|t| t.iter().enumerate().all(|(j, p)| w(k + 1 + j) == p))
                .map(Vec::len)
            {
                let head = w(k + n).to_string();
                let pos = tokens[k].span.start;
                let person = people
                    .iter()
                    .rev()
                    .filter(|(p, _)| *p < pos)
                    .find(|(_, i)| {
                        ents[*i]
                            .role
                            .as_deref()
                            .is_some_and(|r| r.split_whitespace().any(|x| x == head))
                    })
                    .map(|&(_, i)| i);
                if let Some(i) = person {
                    let span = Span::new(pos, tokens[k + n].span.end);
                    out.push(Reference {
                        span,
                        entities: vec![i],
                    });
                }
            } else if let Some((i, h)) = org_named_before(text, tokens, ents, &actors, k) {
                out.push(Reference {
                    span: Span::new(tokens[k].span.start, tokens[h].span.end),
                    entities: vec![i],
                });
            }
        } else if w(k) == "its" {
            let pos = tokens[k].span.start;
            if let Some(&(p, i)) = actors.iter().rev().find(|(p, _)| *p < pos) {
                // One named in a prepositional phrase gives way to the subject
                // of the sentence: "North Korea has been under UN sanctions
                // since its first nuclear test".
                let prepositional = lower_tail(text, p, 12)
                    .split(|ch: char| !ch.is_alphanumeric())
                    .rfind(|w| !w.is_empty())
                    .is_some_and(|w| {
                        matches!(
                            w,
                            "under" | "of" | "by" | "with" | "against" | "from" | "on"
                        )
                    });
                let sent_start = sentences
                    .get(sentences.partition_point(|x| x.end <= pos))
                    .map_or(pos, |x| x.start);
                let subject = actors
                    .iter()
                    .find(|&&(q, _)| q >= sent_start && q < p)
                    .filter(|&&(q, _)| opens_clause_at(text, sentences, q));
                let (p, i) = match subject {
                    Some(&(q, j)) if prepositional => (q, j),
                    _ => (p, i),
                };
                // Only within the same or the previous few hundred bytes of text.
                if pos - p < 300 {
                    out.push(Reference {
                        span: tokens[k].span,
                        entities: vec![i],
                    });
                }
            }
        }
    }
    out.sort_by_key(|r| r.span.start);
    for (i, m) in extra {
        ents[i].mentions.push(m);
        ents[i].mentions.sort_by_key(|m| m.span.start);
    }
    out
}

/// Finds described groups and possessive organisations (see step 2 above).
fn described(
    text: &str,
    tokens: &[Token],
    lex_mentions: &[(usize, Mention)],
    lex: &Lexicon,
    ents: &mut Vec<Entity>,
    by_key: &mut HashMap<String, usize>,
    spans: &mut Vec<Span>,
) {
    let c = cues();
    let lower: Vec<String> = tokens.iter().map(|t| t.text(text).to_lowercase()).collect();
    let seq_at = |k: usize, list: &[Vec<String>]| -> Option<usize> {
        list.iter()
            .find(|w| {
                k + w.len() <= lower.len()
                    && lower[k..k + w.len()]
                        .iter()
                        .zip(w.iter())
                        .all(|(a, b)| a == b)
            })
            .map(Vec::len)
    };
    // (`known`: an organisation the lexicon lists, with its type.)
    let mut add = |ents: &mut Vec<Entity>,
                   id: String,
                   kind: Kind,
                   name: String,
                   state: Option<String>,
                   known: Option<Option<String>>,
                   span: Span| {
        let key = format!("id:{id}");
        let subtype = known.clone().flatten();
        let known = known.is_some();
        let idx = *by_key.entry(key).or_insert_with(|| {
            ents.push(Entity {
                id: id.clone(),
                kind,
                name,
                state,
                role: None,
                subtype,
                known,
                mentions: Vec::new(),
            });
            ents.len() - 1
        });
        ents[idx].mentions.push(Mention {
            span,
            class: FormClass::Name,
        });
        spans.push(span);
    };
    // Token index just after a span's end.
    let after = |end: usize| tokens.partition_point(|t| t.span.start < end);
    // "the North's official news agency" in a text about Korea: the North is
    // North Korea, named with a possessive.
    let korean = lex_mentions
        .iter()
        .any(|(i, _)| matches!(lex.entries[*i].id.as_str(), "PRK" | "KOR"));
    let mut mentions: Vec<(usize, Mention)> = lex_mentions.to_vec();
    if korean {
        for (k, t) in tokens.iter().enumerate() {
            let w = t.text(text);
            let id = match strip_possessive(w) {
                "North" if w != "North" => "PRK",
                "South" if w != "South" => "KOR",
                _ => continue,
            };
            if k == 0 || lower[k - 1] != "the" {
                continue;
            }
            if let Some(i) = lex.index(id) {
                let end = t.span.start + strip_possessive(w).len();
                mentions.push((
                    i,
                    Mention {
                        span: Span::new(t.span.start, end),
                        class: FormClass::Name,
                    },
                ));
            }
        }
    }
    for (entry, m) in &mentions {
        let e = &lex.entries[*entry];
        if e.kind != Kind::State {
            continue;
        }
        let k = after(m.span.end);
        let possessive =
            text[m.span.end..].starts_with("'s") || text[m.span.end..].starts_with("\u{2019}s");
        let k = if possessive {
            after(
                m.span.end
                    + if text[m.span.end..].starts_with('\'') {
                        2
                    } else {
                        4
                    },
            )
        } else {
            k
        };
        if possessive {
            // Over one modifier: "the North's official news agency".
            let found = seq_at(k, &c.org_heads).map(|n| (k, n)).or_else(|| {
                lower
                    .get(k)
                    .filter(|w| w.chars().all(|ch| ch.is_ascii_lowercase()))
                    .and_then(|_| seq_at(k + 1, &c.org_heads))
                    .map(|n| (k + 1, n))
            });
            if let Some((h, n)) = found {
                let head = lower[h..h + n].join(" ");
                let span = Span::new(m.span.start, tokens[h + n - 1].span.end);
                // A body of that state the lexicon knows by a name with those
                // words ("the North's news agency" is the Korean Central News
                // Agency), when only one fits.
                let known = known_organ(lex, &e.id, &head);
                if let Some(o) = known {
                    add(
                        ents,
                        o.id.clone(),
                        o.kind,
                        o.name.clone(),
                        o.state.clone(),
                        Some(o.subtype.clone()),
                        span,
                    );
                } else {
                    let id = format!("{}-{}", e.id.to_lowercase(), crate::entities::slug(&head));
                    add(
                        ents,
                        id,
                        Kind::Organization,
                        text[span.start..span.end].to_string(),
                        Some(e.id.clone()),
                        None,
                        span,
                    );
                }
            }
            continue;
        }
        // "Fijian rebels", and over one modifier, "Liberian riot police".
        let found = seq_at(k, &c.group_nouns).map(|n| (k, n)).or_else(|| {
            let modifier = m.class == FormClass::Demonym
                && lower.get(k).is_some_and(|w| {
                    w.chars().all(|ch| ch.is_ascii_lowercase())
                        && !matches!(
                            w.as_str(),
                            "and"
                                | "or"
                                | "of"
                                | "the"
                                | "a"
                                | "an"
                                | "to"
                                | "in"
                                | "on"
                                | "for"
                                | "with"
                                | "by"
                                | "at"
                                | "from"
                                | "is"
                                | "are"
                                | "was"
                                | "were"
                                | "has"
                                | "have"
                                | "had"
                                | "said"
                                | "says"
                                | "that"
                        )
                });
            modifier
                .then(|| seq_at(k + 1, &c.group_nouns).map(|n| (k + 1, n)))
                .flatten()
        });
        // A title before a name is no group: "Palestinian Prime Minister Ismail Haniyeh".
        let found = found.filter(|&(k, n)| {
            !tokens
                .get(k + n)
                .is_some_and(|t| t.kind == TokenKind::Word && is_cap(t.text(text)))
        });
        if let Some((k, n)) = found {
            let noun = lower[k..k + n].join(" ");
            let span = Span::new(m.span.start, tokens[k + n - 1].span.end);
            let word = text[m.span.start..m.span.end].to_string();
            let id = format!("{}-{}", slug(&word), slug(&noun));
            let kind = if noun == "intelligence" {
                Kind::Organization
            } else {
                Kind::Group
            };
            add(
                ents,
                id,
                kind,
                text[span.start..span.end].to_string(),
                Some(e.id.clone()),
                None,
                span,
            );
        }
    }
    // "Opposition groups in Zimbabwe", "rebels in the Ivory Coast": a group
    // noun before "in" and a state belongs to that state.
    for (entry, m) in lex_mentions {
        let e = &lex.entries[*entry];
        if e.kind != Kind::State || m.class != FormClass::Name {
            continue;
        }
        let first = tokens.partition_point(|t| t.span.end <= m.span.start);
        let mut j = first;
        if j > 0 && lower[j - 1] == "the" {
            j -= 1;
        }
        if j < 2 || lower[j - 1] != "in" {
            continue;
        }
        let end = j - 1;
        let Some((start, noun)) = (1..=3usize.min(end)).rev().find_map(|n| {
            let start = end - n;
            seq_at(start, &c.group_nouns)
                .filter(|&len| len == n)
                .map(|_| (start, lower[start..end].join(" ")))
        }) else {
            continue;
        };
        // "Albanian rebels in Macedonia" are Albanian: a demonym before the
        // noun names the group's side, not the place.
        let start_byte = tokens[start].span.start;
        // (Lexicon mentions come in text order: look just before the noun.)
        let before = lex_mentions.partition_point(|(_, dm)| dm.span.start < start_byte);
        if lex_mentions[before.saturating_sub(3)..before]
            .iter()
            .any(|(entry, dm)| {
                dm.class == FormClass::Demonym
                    && lex.entries[*entry].kind == Kind::State
                    && text
                        .get(dm.span.end..start_byte)
                        .is_some_and(|gap| gap.trim().is_empty())
            })
        {
            continue;
        }
        // A capitalised modifier before the noun is part of it ("Opposition groups").
        let start = if start > 0
            && lower[start - 1].chars().all(|ch| ch.is_ascii_lowercase())
            && tokens[start - 1]
                .text(text)
                .starts_with(|ch: char| ch.is_uppercase())
        {
            start - 1
        } else {
            start
        };
        let span = Span::new(tokens[start].span.start, m.span.end);
        let id = format!("{}-{}", e.id.to_lowercase(), slug(&noun));
        add(
            ents,
            id,
            Kind::Group,
            text[span.start..span.end].to_string(),
            Some(e.id.clone()),
            None,
            span,
        );
    }
    // "Western officials", and bare "analysts" / "experts" / "diplomats" opening
    // a clause (names.txt [bare-groups]).
    for k in 0..tokens.len() {
        let w = lower[k].as_str();
        if w == "western" {
            if let Some(n) = seq_at(k + 1, &c.group_nouns) {
                let span = Span::new(tokens[k].span.start, tokens[k + n].span.end);
                let name = text[span.start..span.end].to_string();
                let kind = if lower[k + 1] == "intelligence" {
                    Kind::Organization
                } else {
                    Kind::Group
                };
                add(ents, slug(&name), kind, name, None, None, span);
            }
        } else if c.bare_groups.contains(w)
            && (k == 0
                || !tokens[k - 1]
                    .text(text)
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
                || matches!(lower[k - 1].as_str(), "some" | "many" | "most" | "other"))
        {
            add(
                ents,
                w.to_string(),
                Kind::Group,
                tokens[k].text(text).to_string(),
                None,
                None,
                tokens[k].span,
            );
        }
    }
}

/// The person a lone name refers to: the one mentioned most recently before
/// `pos` whose name begins or ends with it ("Kim" after "Kim Yo-jong").
fn surname_owner(ents: &[Entity], word: &str, pos: usize) -> Option<usize> {
    ents.iter()
        .enumerate()
        .filter(|(_, e)| e.kind == Kind::Person)
        .filter(|(_, e)| {
            let mut parts = e.name.split_whitespace();
            let first = parts.next();
            let last = e.name.split_whitespace().last();
            e.name.contains(' ') && (first == Some(word) || last == Some(word))
        })
        .filter_map(|(i, e)| {
            e.mentions
                .iter()
                .filter(|m| m.span.start < pos)
                .map(|m| m.span.start)
                .max()
                .map(|p| (i, p))
        })
        .max_by_key(|&(_, p)| p)
        .map(|(i, _)| i)
}

/// Does a span overlap any span of a sorted list?
fn overlaps_sorted(v: &[Span], sp: Span) -> bool {
    let k = v.partition_point(|c| c.end <= sp.start);
    v.get(k).is_some_and(|c| c.start < sp.end)
}

fn is_covered(a: &[Span], b: &[Span], c: &[Span], sp: Span) -> bool {
    overlaps_sorted(a, sp) || overlaps_sorted(b, sp) || overlaps_sorted(c, sp)
}

fn slot_of(kind: Kind) -> usize {
    match kind {
        Kind::Person => 0,
        Kind::Place => 2,
        _ => 1,
    }
}

/// A capitalised common word ("Shares", "Following"): in the common-word list
/// or written in lower case elsewhere in the text, or an -ly adverb. Words in
/// capitals ("WHO") are never common words.
fn is_common(word: &str, lower_words: &HashSet<&str>) -> bool {
    let mut chars = word.chars();
    let rest_lower = chars.next().is_some() && chars.all(|c| !c.is_uppercase());
    if !rest_lower {
        return false;
    }
    let lw = word.to_lowercase();
    lw.ends_with("ly") || lower_words.contains(lw.as_str()) || cues().common.contains(&lw)
}

/// Number of tokens of a title starting at token `s` (not past `e`).
fn title_at(lower: &[String], s: usize, e: usize) -> Option<usize> {
    cues()
        .titles
        .iter()
        .find(|t| {
            s + t.len() <= e
                && lower[s..s + t.len()]
                    .iter()
                    .zip(t.iter())
                    .all(|(a, b)| a == b)
        })
        .map(Vec::len)
}

/// Words that stand alone as the subject of "said"/"says"/"told"/… somewhere in
/// the text ("Mulally said"): people are quoted by surname. Computed once.
fn speakers<'t>(lower: &[String], tokens: &[Token], text: &'t str) -> HashSet<&'t str> {
    tokens
        .iter()
        .enumerate()
        .filter(|(k, _)| {
            matches!(
                lower.get(k + 1).map(String::as_str),
                Some("said" | "says" | "told" | "added" | "stated")
            ) && (*k == 0 || !is_cap(tokens[k - 1].text(text)))
        })
        .map(|(_, t)| t.text(text))
        .collect()
}

/// A title ending right before token `s` ("defense minister"), with the index
/// where the title starts.
fn title_before(lower: &[String], s: usize) -> Option<(usize, String)> {
    for t in &cues().titles {
        let n = t.len();
        if s < n {
            continue;
        }
        if lower[s - n..s].iter().zip(t).all(|(a, b)| a == b) {
            return Some((s - n, t.join(" ")));
        }
    }
    None
}

/// An apposition after a name: ", (then)? (the)? ROLE … of ORG/STATE ,".
/// Returns the role words and the span of text after "of" (to find a state in).
fn apposition_after(
    text: &str,
    tokens: &[Token],
    lower: &[String],
    e: usize,
) -> Option<(String, Span)> {
    if lower.get(e).map(String::as_str) != Some(",") {
        return None;
    }
    let mut k = e + 1;
    while matches!(
        lower.get(k).map(String::as_str),
        Some("then" | "the" | "a" | "an" | "now" | "former")
    ) {
        k += 1;
    }
    // The role: a title word within the next few tokens.
    let titles = &cues().titles;
    let start = k;
    let mut found = None;
    for (j, w) in lower.iter().enumerate().skip(k).take(6) {
        if titles.iter().any(|t| t.len() == 1 && &t[0] == w) || (w.ends_with("man") && w.len() > 5)
        {
            found = Some(j);
        }
        if w == "," || w == "of" {
            break;
        }
    }
    let role_end = found? + 1;
    let role = lower[start..role_end].join(" ");
    // What follows "of"/"at" up to the next comma or sentence end.
    let mut of = role_end;
    while of < lower.len()
        && of < role_end + 3
        && !matches!(lower[of].as_str(), "of" | "at" | "for")
    {
        of += 1;
    }
    let mut end = of;
    while end < lower.len() && !matches!(lower[end].as_str(), "," | "." | ";") && end < of + 12 {
        end += 1;
    }
    let span = if of < lower.len() && end > of {
        Span::new(tokens[of].span.start, tokens[end - 1].span.end)
    } else {
        Span::new(0, 0)
    };
    let _ = text;
    Some((role, span))
}

/// The state named in a span (a state mention, or an organisation's state).
fn astate_to_state(
    span: &Span,
    lex_mentions: &[(usize, Mention)],
    lex: &Lexicon,
) -> Option<String> {
    lex_mentions
        .iter()
        .filter(|(_, m)| span.contains(&m.span))
        .find_map(|(e, _)| lex.entries[*e].state.clone())
}

/// The state named just before a title ("South Korean Defense Minister …").
fn state_near(
    lex_mentions: &[(usize, Mention)],
    lex: &Lexicon,
    tokens: &[Token],
    title_start: usize,
    _name_start: usize,
) -> Option<String> {
    let lo = tokens[title_start.saturating_sub(2)].span.start;
    let hi = tokens[title_start].span.start;
    // Not across punctuation: "… in Liberia, Defence Minister Pierre Joxe".
    if tokens[title_start.saturating_sub(2)..title_start]
        .iter()
        .any(|t| t.kind == TokenKind::Punct)
    {
        return None;
    }
    lex_mentions
        .iter()
        .filter(|(_, m)| m.span.start >= lo && m.span.end <= hi + 1)
        .find_map(|(e, _)| {
            let en = &lex.entries[*e];
            matches!(en.kind, Kind::State | Kind::Organization)
                .then(|| en.state.clone())
                .flatten()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slug("Pak Chol-min"), "pak-chol-min");
        assert_eq!(
            slug("Supreme People’s Assembly"),
            "supreme-peoples-assembly"
        );
    }
}
