//! Sentence boundaries over tokens.
//!
//! A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets after
//! it) when the next token can start a sentence, and always at a blank line.
//! A period after an abbreviation from `data/language/abbreviations.txt` or after
//! a single capital initial does not end a sentence, unless the abbreviation can
//! close one (`U.S.`, `etc.`, `a.m.`) and the next word is a common sentence
//! opener ("The", "He", …).

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::text::Span;
use crate::tokens::{Token, TokenKind};

const ABBREVIATIONS: &str = include_str!("../../../data/language/abbreviations.txt");

/// Abbreviations that are titles: never sentence-final.
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cpt", "Sgt", "Cpl", "Pvt",
    "Adm", "Cmdr", "Brig", "Rep", "Reps", "Sen", "Sens", "Gov", "Govs", "Pres", "Amb", "Rev",
    "Hon", "St", "Mt", "Ft", "No", "Nos", "Vol", "vs", "e.g", "i.e", "cf", "Fig",
];

/// Words that often open a sentence after an abbreviation that can end one.
const OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "But",
    "And",
    "This",
    "That",
    "These",
    "Those",
    "On",
    "At",
    "As",
    "For",
    "His",
    "Her",
    "Their",
    "Its",
    "There",
    "When",
    "While",
    "After",
    "Before",
    "However",
    "Meanwhile",
    "Yet",
    "So",
    "If",
    "Since",
    "Officials",
    "Both",
];

fn abbreviations() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        ABBREVIATIONS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

fn is_closer(s: &str) -> bool {
    matches!(s, "\"" | "”" | "’" | "'" | ")" | "]" | "»")
}

fn can_start(s: &str) -> bool {
    s.chars().next().is_some_and(|c| {
        c.is_uppercase()
            || c.is_ascii_digit()
            || matches!(c, '"' | '“' | '‘' | '(' | '[' | '\'' | '«' | '—' | '-')
    })
}

/// Sentence spans of a text, given its tokens.
pub fn split(text: &str, tokens: &[Token]) -> Vec<Span> {
    let abbr = abbreviations();
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        if start.is_none() {
            start = Some(i);
        }
        let s = t.text(text);
        let mut end_here = false;
        let mut last = i;
        let is_stop = t.kind == TokenKind::Punct && matches!(s, "." | "!" | "?" | "…");
        let dotted = t.kind == TokenKind::Word && s.ends_with('.') && s.len() > 1;
        if is_stop || dotted {
            while last + 1 < tokens.len() && tokens[last + 1].kind == TokenKind::Punct && {
                let n = tokens[last + 1].text(text);
                is_closer(n) || (is_stop && matches!(n, "." | "!" | "?"))
            } {
                last += 1;
            }
            let next = tokens.get(last + 1).map(|n| n.text(text));
            let starts = next.is_none_or(can_start);
            if starts {
                end_here = true;
                // The word before a period: an abbreviation or an initial?
                let word = if dotted {
                    Some(s.trim_end_matches('.'))
                } else if s == "." && i > 0 && tokens[i - 1].span.end == t.span.start {
                    Some(tokens[i - 1].text(text))
                } else {
                    None
                };
                if let Some(w) = word {
                    let initial = w.chars().count() == 1 && w.chars().all(char::is_uppercase);
                    if TITLES.contains(&w) || initial {
                        end_here = false;
                    } else if abbr.contains(w) || (dotted && w.contains('.')) {
                        end_here = next.is_none_or(|n| OPENERS.contains(&n));
                    }
                }
            }
        }
        // A blank line between this token and the next always ends a sentence.
        if !end_here {
            if let Some(n) = tokens.get(i + 1) {
                let gap = &text[t.span.end..n.span.start];
                if gap.matches('\n').count() >= 2 {
                    end_here = true;
                    last = i;
                }
            }
        }
        if end_here || last + 1 >= tokens.len() {
            if let Some(s0) = start.take() {
                out.push(Span::new(tokens[s0].span.start, tokens[last].span.end));
            }
            i = last + 1;
            continue;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn sents(t: &str) -> Vec<&str> {
        split(t, &tokenize(t))
            .iter()
            .map(|s| &t[s.start..s.end])
            .collect()
    }

    #[test]
    fn abbreviations_and_initials() {
        assert_eq!(
            sents("Gen. Kim met Lt. Col. John F. Kennedy Jr. in Seoul on Jan. 5. He left."),
            vec![
                "Gen. Kim met Lt. Col. John F. Kennedy Jr. in Seoul on Jan. 5.",
                "He left."
            ]
        );
        assert_eq!(
            sents("Sanctions hit the U.S. The talks failed. It rained 3.5 mm."),
            vec![
                "Sanctions hit the U.S.",
                "The talks failed.",
                "It rained 3.5 mm."
            ]
        );
        assert_eq!(
            sents("“We will respond,” Kim said. “This is clear.” Officials agreed."),
            vec![
                "“We will respond,” Kim said.",
                "“This is clear.”",
                "Officials agreed."
            ]
        );
        assert_eq!(
            sents("Wait... What? Yes!"),
            vec!["Wait...", "What?", "Yes!"]
        );
        assert_eq!(
            sents("Headline here\n\nBody starts"),
            vec!["Headline here", "Body starts"]
        );
        assert_eq!(
            sents("The U.S. Defense Intelligence Agency said so."),
            vec!["The U.S. Defense Intelligence Agency said so."]
        );
    }
}
