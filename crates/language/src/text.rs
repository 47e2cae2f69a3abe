//! Byte and character offsets.
//!
//! The stage works on byte offsets into the article text (cheap slicing); the
//! output contract counts characters (Unicode scalar values), so spans are
//! converted once, at the edge, with a [`CharIndex`].

use serde::Serialize;

/// A half-open byte range of the article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// Builds a span.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Does it overlap another span?
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Does it contain another span?
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Is it empty?
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}

/// Converts byte offsets of one text into character offsets.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// `Some(prefix)` where `prefix[b]` is the number of chars before byte `b`;
    /// `None` for ASCII text, where bytes and chars coincide.
    prefix: Option<Vec<u32>>,
}

impl CharIndex {
    /// Builds the index of a text.
    pub fn new(text: &str) -> CharIndex {
        if text.is_ascii() {
            return CharIndex { prefix: None };
        }
        let mut prefix = Vec::with_capacity(text.len() + 1);
        let mut n = 0u32;
        for (i, c) in text.char_indices() {
            while prefix.len() < i {
                prefix.push(n);
            }
            prefix.push(n);
            n += 1;
            let _ = c;
        }
        while prefix.len() <= text.len() {
            prefix.push(n);
        }
        CharIndex {
            prefix: Some(prefix),
        }
    }

    /// Character offset of a byte offset (clamped to the text).
    pub fn char_offset(&self, byte: usize) -> usize {
        match &self.prefix {
            None => byte,
            Some(p) => p.get(byte).or(p.last()).copied().unwrap_or(0) as usize,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ascii_and_unicode() {
        let t = "Iran’s drones";
        let ix = CharIndex::new(t);
        let b = t.find("drones").unwrap();
        assert_eq!(ix.char_offset(b), 7);
        assert_eq!(ix.char_offset(t.len()), t.chars().count());
        assert_eq!(CharIndex::new("abc").char_offset(2), 2);
    }

    proptest! {
        #[test]
        fn char_offsets_agree_with_std(s in "\\PC{0,40}") {
            let ix = CharIndex::new(&s);
            for (i, _) in s.char_indices() {
                prop_assert_eq!(ix.char_offset(i), s[..i].chars().count());
            }
            prop_assert_eq!(ix.char_offset(s.len()), s.chars().count());
        }
    }
}
