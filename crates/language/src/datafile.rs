//! The sectioned word lists under `data/language/`: `[section]` headers,
//! `#` comments, one entry per line.

/// Entries of a sectioned data file as `(section, line)` pairs, trimmed, without
/// comments and blank lines.
pub fn entries(src: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut section = "";
    src.lines().filter_map(move |line| {
        let l = line.trim();
        if l.is_empty() || l.starts_with('#') {
            return None;
        }
        if let Some(s) = l.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
            section = s;
            return None;
        }
        Some((section, l))
    })
}

/// The entries of a plain word list (no sections).
pub fn words(src: &str) -> impl Iterator<Item = &str> {
    entries(src).map(|(_, l)| l)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_and_comments() {
        let src = "# c\n[a]\nx\n\n[b]\n y \n# z\n";
        assert_eq!(
            entries(src).collect::<Vec<_>>(),
            vec![("a", "x"), ("b", "y")]
        );
        assert_eq!(
            words("one\n#two\nthree").collect::<Vec<_>>(),
            vec!["one", "three"]
        );
    }
}
