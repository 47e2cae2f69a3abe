//! Tokens with byte offsets: words (with inner apostrophes, hyphens and the
//! periods of abbreviations such as `U.S.`), numbers (`6,700`, `3.5`, `3:07:35`)
//! and single punctuation marks.

use crate::text::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (possibly with digits, inner `'`, `’`, `-`, `.`).
    Word,
    /// Digits with inner `,` `.` `:` separators.
    Number,
    /// Anything else, one character.
    Punct,
}

/// One token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
}

impl Token {
    /// Its text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.span.start..self.span.end]
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Splits a text into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let byte_at = |i: usize| if i < n { chars[i].0 } else { text.len() };
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        if c.is_ascii_digit() {
            i += 1;
            while i < n {
                let d = chars[i].1;
                if d.is_ascii_digit() {
                    i += 1;
                } else if matches!(d, ',' | '.' | ':')
                    && i + 1 < n
                    && chars[i + 1].1.is_ascii_digit()
                {
                    i += 2;
                } else {
                    break;
                }
            }
            // "3.5bn", "1990s", "20th", "600mm": letters glued to a number stay with it.
            let mut kind = TokenKind::Number;
            if i < n && chars[i].1.is_alphabetic() {
                while i < n && chars[i].1.is_alphanumeric() {
                    i += 1;
                }
                kind = TokenKind::Word;
            }
            out.push(Token {
                span: Span::new(byte_at(start), byte_at(i)),
                kind,
            });
            continue;
        }
        if c.is_alphabetic() {
            i += 1;
            loop {
                if i < n && chars[i].1.is_alphanumeric() {
                    i += 1;
                } else if i + 1 < n
                    && (chars[i].1 == '-' || is_apostrophe(chars[i].1))
                    && chars[i + 1].1.is_alphanumeric()
                {
                    i += 2;
                } else if i + 1 < n
                    && chars[i].1 == '.'
                    && chars[i + 1].1.is_alphabetic()
                    && i + 2 <= n
                    && (i + 2 == n || !chars[i + 2].1.is_alphabetic() || chars[i + 2].1 == '.')
                {
                    // Initialisms: "U.S", "e.g" (the final period is decided by the splitter).
                    i += 2;
                } else {
                    break;
                }
            }
            // Keep the period of a dotted initialism ("U.S.") with the word.
            let word = &text[byte_at(start)..byte_at(i)];
            if i < n && chars[i].1 == '.' && word.contains('.') {
                i += 1;
            }
            out.push(Token {
                span: Span::new(byte_at(start), byte_at(i)),
                kind: TokenKind::Word,
            });
            continue;
        }
        i += 1;
        out.push(Token {
            span: Span::new(byte_at(start), byte_at(i)),
            kind: TokenKind::Punct,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn words(t: &str) -> Vec<&str> {
        tokenize(t).iter().map(|k| k.text(t)).collect()
    }

    #[test]
    fn shapes() {
        assert_eq!(
            words("The U.S. sent 6,700 containers, Iran’s Shahed-136 drones (3.5bn) at 3:07:35."),
            vec![
                "The",
                "U.S.",
                "sent",
                "6,700",
                "containers",
                ",",
                "Iran’s",
                "Shahed-136",
                "drones",
                "(",
                "3.5bn",
                ")",
                "at",
                "3:07:35",
                "."
            ]
        );
        assert_eq!(words("e.g. the 1990s"), vec!["e.g.", "the", "1990s"]);
        assert_eq!(words("“Kim said.”"), vec!["“", "Kim", "said", ".", "”"]);
    }

    proptest! {
        #[test]
        fn tokens_are_ordered_and_on_boundaries(s in "\\PC{0,60}") {
            let mut last = 0;
            for t in tokenize(&s) {
                prop_assert!(t.span.start >= last && t.span.end > t.span.start && t.span.end <= s.len());
                prop_assert!(s.is_char_boundary(t.span.start) && s.is_char_boundary(t.span.end));
                last = t.span.end;
            }
        }
    }
}
