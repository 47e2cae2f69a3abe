//! A fast HTML tokenizer following the WHATWG tokenization states that matter
//! for reading articles.
//!
//! html5ever's tokenizer costs about 1 ms on an average 170 KB news page because
//! it steps character by character through a buffer queue; this one scans bytes
//! with `memchr`, borrows text and attribute slices from the input, and decodes
//! character references only where an `&` occurs. It implements: data, tag open,
//! end tag open, tag name, the attribute states (names, double/single/unquoted
//! values, self-closing), comments (`<!-- -->`, including `<!-->`), bogus
//! comments (`<!…>`, `<?…>`, `</ …>`), DOCTYPE (skipped as a bogus comment), the
//! RCDATA / RAWTEXT / script-data / PLAINTEXT content models chosen by the sink,
//! EOF inside a tag (the tag is dropped), NUL characters (dropped), and named,
//! decimal and hexadecimal character references with the spec's legacy names,
//! attribute-value exception and C1 / surrogate / out-of-range replacements,
//! using html5ever's entity table. Script data's double-escaped states
//! (`<!--<script>` inside a script) are not modelled: a script ends at the first
//! `</script`.
//!
//! Differential tests (`tests/tokenizer_vs_html5ever.rs`) compare the text this
//! tokenizer yields with html5ever's on generated malformed markup.

use std::borrow::Cow;

/// Content model to switch to after a start tag (the tree builder decides).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Normal markup.
    Data,
    /// Text with character references, until the matching end tag (`title`, `textarea`).
    Rcdata,
    /// Raw text until the matching end tag (`style`, `noscript`, `iframe`, …).
    Rawtext,
    /// Script data: raw text until `</script`.
    ScriptData,
    /// Everything to the end is text.
    Plaintext,
}

/// An attribute: lower-cased name and decoded value.
pub type Attribute<'a> = (Cow<'a, str>, Cow<'a, str>);

/// Receives tokens.
pub trait Sink {
    /// A start tag; returns the content model that follows it.
    fn start_tag(&mut self, name: &str, attrs: &[Attribute<'_>], self_closing: bool) -> Mode;
    /// An end tag.
    fn end_tag(&mut self, name: &str);
    /// Character data (already decoded).
    fn text(&mut self, text: &str);
}

#[inline]
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0c)
}

fn lower(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// Tokenizes a whole document into `sink`.
pub fn tokenize<S: Sink>(input: &str, sink: &mut S) {
    let b = input.as_bytes();
    let n = b.len();
    let mut i = 0;
    let mut text_start = 0;
    let mut attrs: Vec<Attribute<'_>> = Vec::new();
    while i < n {
        let Some(off) = memchr::memchr(b'<', &b[i..]) else {
            break;
        };
        let lt = i + off;
        let next = b.get(lt + 1).copied();
        match next {
            Some(c) if c.is_ascii_alphabetic() => {
                attrs.clear();
                let Some((name, self_closing, end)) = start_tag(input, lt + 1, &mut attrs) else {
                    // EOF inside a tag: the tag and everything after it are dropped.
                    emit_text(sink, &input[text_start..lt], true);
                    return;
                };
                emit_text(sink, &input[text_start..lt], true);
                let name = lower(name);
                let mode = sink.start_tag(&name, &attrs, self_closing);
                i = end;
                text_start = end;
                match mode {
                    Mode::Data => {}
                    Mode::Plaintext => {
                        emit_text(sink, &input[end..], false);
                        return;
                    }
                    Mode::Rcdata | Mode::Rawtext | Mode::ScriptData => {
                        let close = find_end_tag(b, end, &name);
                        let body = &input[end..close];
                        emit_text(sink, body, mode == Mode::Rcdata);
                        i = close;
                        text_start = close;
                    }
                }
            }
            Some(b'/') => {
                emit_text(sink, &input[text_start..lt], true);
                match b.get(lt + 2).copied() {
                    Some(c) if c.is_ascii_alphabetic() => {
                        attrs.clear();
                        let Some((name, _, end)) = start_tag(input, lt + 2, &mut attrs) else {
                            return;
                        };
                        sink.end_tag(&lower(name));
                        i = end;
                    }
                    Some(b'>') => i = lt + 3,
                    None => {
                        // "</" at EOF is text.
                        sink.text("</");
                        return;
                    }
                    _ => i = skip_bogus_comment(b, lt + 2),
                }
                text_start = i;
            }
            Some(b'!') => {
                emit_text(sink, &input[text_start..lt], true);
                i = if b[lt..].starts_with(b"<!--") {
                    skip_comment(b, lt + 4)
                } else {
                    skip_bogus_comment(b, lt + 2)
                };
                text_start = i;
            }
            Some(b'?') => {
                emit_text(sink, &input[text_start..lt], true);
                i = skip_bogus_comment(b, lt + 1);
                text_start = i;
            }
            _ => {
                // A lone '<' is text.
                i = lt + 1;
            }
        }
    }
    if text_start < n {
        emit_text(sink, &input[text_start..], true);
    }
}

fn emit_text<S: Sink>(sink: &mut S, s: &str, decode: bool) {
    if s.is_empty() {
        return;
    }
    let s: Cow<'_, str> = if decode {
        decode_refs(s, false)
    } else {
        Cow::Borrowed(s)
    };
    if s.contains('\0') {
        sink.text(&s.replace('\0', ""));
    } else {
        sink.text(&s);
    }
}

/// Parses a tag from its name (at `p`) to just past its `>`; returns the name,
/// the self-closing flag and the end position, or `None` at EOF.
fn start_tag<'a>(
    input: &'a str,
    p: usize,
    attrs: &mut Vec<Attribute<'a>>,
) -> Option<(&'a str, bool, usize)> {
    let b = input.as_bytes();
    let n = b.len();
    let mut i = p;
    while i < n && !is_space(b[i]) && b[i] != b'/' && b[i] != b'>' {
        i += 1;
    }
    if i >= n {
        return None;
    }
    let name = &input[p..i];
    loop {
        while i < n && (is_space(b[i]) || (b[i] == b'/' && b.get(i + 1) != Some(&b'>'))) {
            i += 1;
        }
        if i >= n {
            return None;
        }
        if b[i] == b'>' {
            return Some((name, false, i + 1));
        }
        if b[i] == b'/' {
            // "/>"
            return Some((name, true, i + 2));
        }
        // Attribute name: the first character may be '='.
        let an = i;
        i += 1;
        while i < n && !is_space(b[i]) && b[i] != b'/' && b[i] != b'>' && b[i] != b'=' {
            i += 1;
        }
        let aname = &input[an..i];
        while i < n && is_space(b[i]) {
            i += 1;
        }
        if i >= n {
            return None;
        }
        let mut value: Cow<'a, str> = Cow::Borrowed("");
        if b[i] == b'=' {
            i += 1;
            while i < n && is_space(b[i]) {
                i += 1;
            }
            if i >= n {
                return None;
            }
            match b[i] {
                q @ (b'"' | b'\'') => {
                    let start = i + 1;
                    let end = start + memchr::memchr(q, &b[start..])?;
                    value = decode_refs(&input[start..end], true);
                    i = end + 1;
                }
                b'>' => {}
                _ => {
                    let start = i;
                    while i < n && !is_space(b[i]) && b[i] != b'>' {
                        i += 1;
                    }
                    value = decode_refs(&input[start..i], true);
                }
            }
        }
        if attrs.len() < 64 && !attrs.iter().any(|(k, _)| k.eq_ignore_ascii_case(aname)) {
            attrs.push((lower(aname), value));
        }
    }
}

/// Finds `</name` followed by a space, `/` or `>` (ASCII case-insensitive) at or
/// after `from`; returns the position of its `<`, or the input length.
fn find_end_tag(b: &[u8], from: usize, name: &str) -> usize {
    let nb = name.as_bytes();
    let mut i = from;
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        let lt = i + off;
        let after = lt + 2 + nb.len();
        if b.get(lt + 1) == Some(&b'/')
            && b.len() >= after
            && b[lt + 2..after].eq_ignore_ascii_case(nb)
            && b.get(after)
                .is_none_or(|&c| is_space(c) || c == b'/' || c == b'>')
        {
            return lt;
        }
        i = lt + 1;
    }
    b.len()
}

fn skip_comment(b: &[u8], p: usize) -> usize {
    // "<!-->" and "<!--->" are complete (empty) comments.
    if b.get(p) == Some(&b'>') {
        return p + 1;
    }
    if b.get(p) == Some(&b'-') && b.get(p + 1) == Some(&b'>') {
        return p + 2;
    }
    let mut i = p;
    while let Some(off) = memchr::memchr(b'-', &b[i..]) {
        let d = i + off;
        if b[d..].starts_with(b"-->") {
            return d + 3;
        }
        if b[d..].starts_with(b"--!>") {
            return d + 4;
        }
        i = d + 1;
    }
    b.len()
}

fn skip_bogus_comment(b: &[u8], p: usize) -> usize {
    match memchr::memchr(b'>', &b[p.min(b.len())..]) {
        Some(off) => p + off + 1,
        None => b.len(),
    }
}

/// Decodes character references (`&amp;`, `&#8217;`, `&#x2019;`, legacy `&nbsp`).
/// In attribute values a legacy reference without `;` followed by `=` or an
/// alphanumeric is left alone, as the spec says.
pub fn decode_refs(s: &str, in_attr: bool) -> Cow<'_, str> {
    let Some(first) = memchr::memchr(b'&', s.as_bytes()) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..first]);
    let mut rest = &s[first..];
    while !rest.is_empty() {
        // rest starts with '&'
        match char_ref(rest, in_attr) {
            Some((c1, c2, used)) => {
                out.push(c1);
                if let Some(c2) = c2 {
                    out.push(c2);
                }
                rest = &rest[used..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
        match memchr::memchr(b'&', rest.as_bytes()) {
            Some(pos) => {
                out.push_str(&rest[..pos]);
                rest = &rest[pos..];
            }
            None => {
                out.push_str(rest);
                break;
            }
        }
    }
    Cow::Owned(out)
}

fn char_ref(s: &str, in_attr: bool) -> Option<(char, Option<char>, usize)> {
    let b = s.as_bytes();
    if b.get(1) == Some(&b'#') {
        let (hex, start) = match b.get(2) {
            Some(b'x' | b'X') => (true, 3),
            _ => (false, 2),
        };
        let mut i = start;
        let mut v: u32 = 0;
        while i < b.len() {
            let d = match (hex, b[i]) {
                (_, c @ b'0'..=b'9') => (c - b'0') as u32,
                (true, c @ b'a'..=b'f') => (c - b'a' + 10) as u32,
                (true, c @ b'A'..=b'F') => (c - b'A' + 10) as u32,
                _ => break,
            };
            v = v
                .saturating_mul(if hex { 16 } else { 10 })
                .saturating_add(d);
            i += 1;
        }
        if i == start {
            return None;
        }
        if b.get(i) == Some(&b';') {
            i += 1;
        }
        return Some((numeric_char(v), None, i));
    }
    // Named: longest match in the entity table.
    let table = &html5ever::data::NAMED_ENTITIES;
    let mut best: Option<(u32, u32, usize)> = None;
    let mut j = 1;
    while j < b.len() && j <= 33 {
        let c = b[j];
        if !(c.is_ascii_alphanumeric() || c == b';') {
            break;
        }
        let key = &s[1..=j];
        match table.get(key) {
            Some(&(0, 0)) => {}
            Some(&(c1, c2)) => best = Some((c1, c2, j + 1)),
            None => break,
        }
        if c == b';' {
            break;
        }
        j += 1;
    }
    let (c1, c2, used) = best?;
    if in_attr && b[used - 1] != b';' {
        if let Some(&next) = b.get(used) {
            if next == b'=' || next.is_ascii_alphanumeric() {
                return None;
            }
        }
    }
    let c1 = char::from_u32(c1)?;
    let c2 = if c2 == 0 { None } else { char::from_u32(c2) };
    Some((c1, c2, used))
}

fn numeric_char(v: u32) -> char {
    match v {
        0 => '\u{fffd}',
        0x80..=0x9f => html5ever::data::C1_REPLACEMENTS[(v - 0x80) as usize]
            .unwrap_or_else(|| char::from_u32(v).unwrap_or('\u{fffd}')),
        _ => char::from_u32(v).unwrap_or('\u{fffd}'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Default)]
    struct Rec(Vec<String>);

    impl Sink for Rec {
        fn start_tag(&mut self, name: &str, attrs: &[Attribute<'_>], sc: bool) -> Mode {
            let a: Vec<String> = attrs.iter().map(|(k, v)| format!("{k}={v}")).collect();
            self.0.push(format!(
                "<{name}{}{}>",
                if a.is_empty() {
                    String::new()
                } else {
                    format!(" {}", a.join(" "))
                },
                if sc { "/" } else { "" }
            ));
            match name {
                "script" => Mode::ScriptData,
                "style" => Mode::Rawtext,
                "title" => Mode::Rcdata,
                _ => Mode::Data,
            }
        }
        fn end_tag(&mut self, name: &str) {
            self.0.push(format!("</{name}>"));
        }
        fn text(&mut self, t: &str) {
            self.0.push(t.to_string());
        }
    }

    fn toks(s: &str) -> Vec<String> {
        let mut r = Rec::default();
        tokenize(s, &mut r);
        r.0
    }

    #[test]
    fn basics() {
        assert_eq!(
            toks("<P Class=\"a&amp;b\" id=x>Hi &amp; bye</p>"),
            vec!["<p class=a&b id=x>", "Hi & bye", "</p>"]
        );
        assert_eq!(toks("a < b"), vec!["a < b"]);
        assert_eq!(toks("<br/>"), vec!["<br/>"]);
        assert_eq!(toks("x<!-- c -->y<!-->z"), vec!["x", "y", "z"]);
        assert_eq!(toks("<!DOCTYPE html><p>"), vec!["<p>"]);
    }

    #[test]
    fn raw_text() {
        assert_eq!(
            toks("<script>if (a<b) x='</p>';</script>t"),
            vec!["<script>", "if (a<b) x='</p>';", "</script>", "t"]
        );
        assert_eq!(
            toks("<title>A &amp; B</title>"),
            vec!["<title>", "A & B", "</title>"]
        );
        assert_eq!(toks("<style>p{}"), vec!["<style>", "p{}"]);
    }

    #[test]
    fn references() {
        assert_eq!(
            decode_refs("&nbsp;&#8217;&#x201C;&lt", false),
            "\u{a0}\u{2019}\u{201c}<"
        );
        assert_eq!(decode_refs("&notit;", false), "\u{ac}it;");
        assert_eq!(decode_refs("?a=1&copy=2", true), "?a=1&copy=2");
        assert_eq!(
            decode_refs("&#0;&#x110000;&#150;", false),
            "\u{fffd}\u{fffd}\u{2013}"
        );
        assert_eq!(decode_refs("&unknown; &", false), "&unknown; &");
    }

    #[test]
    fn eof_in_tag_drops_it() {
        assert_eq!(toks("text<div class=\"x"), vec!["text"]);
    }
}
