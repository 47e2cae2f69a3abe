//! Small text helpers shared by the page stage.

/// Collapses every run of white space (including no-break spaces and other
/// Unicode spaces) to one ASCII space and trims both ends.
pub fn normalize_ws(s: &str) -> String {
    if s.is_ascii() {
        let mut out = String::with_capacity(s.len());
        // `char::is_whitespace` also counts U+000B (vertical tab), which
        // `split_ascii_whitespace` does not; use the same notion as `trim`.
        for w in s
            .split(|c: char| c.is_ascii_whitespace() || c == '\u{b}')
            .filter(|w| !w.is_empty())
        {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
        }
        return out;
    }
    let mut out = String::with_capacity(s.len());
    let mut pending = false;
    for c in s.chars() {
        if c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}' {
            pending = !out.is_empty();
        } else {
            if pending {
                out.push(' ');
                pending = false;
            }
            out.push(c);
        }
    }
    out
}

/// A comparison key: white space normalised, typographic quotes folded to ASCII,
/// lower case.
pub fn fold_key(s: &str) -> String {
    if s.is_ascii() {
        return normalize_ws(s).to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in normalize_ws(s).chars() {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201b}' | '\u{2032}' => out.push('\''),
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{2033}' => out.push('"'),
            '\u{2013}' | '\u{2014}' => out.push('-'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Counts words (runs of alphanumeric characters).
pub fn word_count(s: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for c in s.chars() {
        let w = c.is_alphanumeric();
        if w && !in_word {
            n += 1;
        }
        in_word = w;
    }
    n
}

/// Title-cases a name written in capitals: `LIM JEONG-WON` → `Lim Jeong-won`,
/// `O'BRIEN` → `O'Brien`. Names with lower-case letters are returned as they are.
pub fn name_case(s: &str) -> String {
    if s.chars().any(|c| c.is_lowercase()) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut prev: Option<char> = None;
    for c in s.chars() {
        let start = match prev {
            None => true,
            Some(p) => p.is_whitespace() || p == '\'' || p == '.' || p == '(',
        };
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        prev = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ws() {
        assert_eq!(normalize_ws("  a \u{a0}\n b  "), "a b");
        // Found by fuzzing: a vertical tab is white space for `trim`.
        assert_eq!(normalize_ws("\u{b}div>"), "div>");
        assert_eq!(normalize_ws(""), "");
    }

    #[test]
    fn names() {
        assert_eq!(name_case("LIM JEONG-WON"), "Lim Jeong-won");
        assert_eq!(name_case("Jane Doe"), "Jane Doe");
        assert_eq!(name_case("O'BRIEN"), "O'Brien");
    }

    #[test]
    fn fold() {
        assert_eq!(fold_key("It\u{2019}s  \u{201c}X\u{201d}"), "it's \"x\"");
    }

    proptest! {
        #[test]
        fn normalize_is_idempotent(s in "\\PC*") {
            let once = normalize_ws(&s);
            prop_assert_eq!(normalize_ws(&once), once.clone());
            prop_assert_eq!(once.trim(), once.as_str());
        }
    }
}
