//! Bytes to text: gzip, byte-order marks, declared charsets and sniffing.
//!
//! Order of evidence, as browsers use it: a byte-order mark; then a charset declared
//! in the first bytes of the page (`<meta charset>`, `http-equiv`, an XML
//! declaration); then detection by `chardetng`. A declared legacy charset is
//! overruled when the bytes are valid UTF-8 with non-ASCII content, the commonest
//! wrong declaration on real pages, and a declared UTF-8 that does not validate
//! falls back to detection.

use std::io::Read;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

use crate::error::PageError;

/// The most bytes a page (or a decompressed gzip member) may have.
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

/// How many leading bytes are searched for a charset declaration.
const PRESCAN_BYTES: usize = 4096;

/// Text decoded from bytes, with the encoding that was used.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text (without byte-order mark).
    pub text: String,
    /// WHATWG name of the encoding used.
    pub encoding: &'static str,
    /// True when malformed sequences had to be replaced.
    pub had_errors: bool,
}

/// Decompresses gzip input (detected by its magic bytes); other input is returned as is.
pub fn gunzip_if_needed(bytes: Vec<u8>) -> Result<Vec<u8>, PageError> {
    if !is_gzip(&bytes) {
        return Ok(bytes);
    }
    gunzip(&bytes)
}

fn is_gzip(bytes: &[u8]) -> bool {
    bytes.len() >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
}

/// Decompresses gzip input into a new buffer; other input is copied as is.
pub fn gunzip(bytes: &[u8]) -> Result<Vec<u8>, PageError> {
    if !is_gzip(bytes) {
        return Ok(bytes.to_vec());
    }
    // The gzip trailer holds the uncompressed size (mod 2^32): a good capacity
    // hint for single-member files, capped so a forged trailer cannot reserve much.
    let hint = bytes
        .get(bytes.len().saturating_sub(4)..)
        .and_then(|t| <[u8; 4]>::try_from(t).ok())
        .map(|t| u32::from_le_bytes(t) as usize)
        .filter(|&n| n >= bytes.len() && n <= bytes.len().saturating_mul(64))
        .unwrap_or(bytes.len() * 4);
    let mut out = Vec::with_capacity(hint.min(MAX_INPUT_BYTES) + 1);
    let dec = flate2::read::MultiGzDecoder::new(bytes);
    let mut limited = dec.take(MAX_INPUT_BYTES as u64 + 1);
    limited
        .read_to_end(&mut out)
        .map_err(|e| PageError::Gzip(e.to_string()))?;
    if out.len() > MAX_INPUT_BYTES {
        return Err(PageError::TooLarge {
            bytes: out.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    Ok(out)
}

/// Decodes page bytes to text, choosing the encoding as described in the module doc.
/// `declared` is an outside hint (an HTTP `Content-Type` charset), used after a BOM.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> Decoded {
    decode_owned(bytes.to_vec(), declared)
}

/// Like [`decode`], but takes the bytes by value so that valid UTF-8 (the
/// common case) becomes the text without a copy.
pub fn decode_owned(bytes: Vec<u8>, declared: Option<&str>) -> Decoded {
    if let Some((enc, bom_len)) = Encoding::for_bom(&bytes) {
        return run(enc, &bytes[bom_len..]);
    }
    let hint = declared
        .and_then(|l| Encoding::for_label(l.trim().as_bytes()))
        .or_else(|| prescan(&bytes[..bytes.len().min(PRESCAN_BYTES)]));
    // A page cannot really be UTF-16 when the declaration was readable as ASCII.
    let hint = hint.map(|e| {
        if e == UTF_16LE || e == UTF_16BE {
            UTF_8
        } else {
            e
        }
    });
    let utf8_ok = std::str::from_utf8(&bytes).is_ok();
    let use_utf8 = match hint {
        Some(enc) if enc == UTF_8 => utf8_ok,
        // Valid UTF-8 with non-ASCII bytes is UTF-8, whatever the page declares.
        Some(_) => utf8_ok && !bytes.is_ascii(),
        None => utf8_ok,
    };
    if use_utf8 {
        return match String::from_utf8(bytes) {
            Ok(text) => Decoded {
                text,
                encoding: UTF_8.name(),
                had_errors: false,
            },
            Err(e) => run(UTF_8, e.as_bytes()),
        };
    }
    let enc = match hint {
        Some(enc) if enc != UTF_8 => enc,
        _ => sniff(&bytes),
    };
    run(enc, &bytes)
}

fn run(enc: &'static Encoding, bytes: &[u8]) -> Decoded {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: enc.name(),
        had_errors,
    }
}

fn sniff(bytes: &[u8]) -> &'static Encoding {
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    det.guess(None, chardetng::Utf8Detection::Allow)
}

/// Finds a charset declared in the page head: `<meta charset=…>`,
/// `<meta http-equiv=Content-Type content="…; charset=…">` or `<?xml … encoding=…?>`.
pub fn prescan(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"charset") {
        let at = from + pos + b"charset".len();
        from = at;
        // Only inside a tag: the nearest '<' before must come after the nearest '>'.
        let before = &lower[..at];
        let lt = before.iter().rposition(|&b| b == b'<');
        let gt = before.iter().rposition(|&b| b == b'>');
        match (lt, gt) {
            (Some(l), Some(g)) if g > l => continue,
            (None, _) => continue,
            _ => {}
        }
        if let Some(enc) = label_after(&lower[at..]) {
            return Some(enc);
        }
    }
    if lower.starts_with(b"<?xml") {
        if let Some(pos) = find(&lower, b"encoding") {
            return label_after(&lower[pos + b"encoding".len()..]);
        }
    }
    None
}

fn label_after(rest: &[u8]) -> Option<&'static Encoding> {
    let mut i = 0;
    while i < rest.len() && (rest[i].is_ascii_whitespace() || rest[i] == b'=') {
        i += 1;
    }
    while i < rest.len() && (rest[i] == b'"' || rest[i] == b'\'') {
        i += 1;
    }
    let start = i;
    while i < rest.len()
        && (rest[i].is_ascii_alphanumeric() || matches!(rest[i], b'-' | b'_' | b':' | b'.'))
    {
        i += 1;
    }
    if i == start {
        return None;
    }
    Encoding::for_label(&rest[start..i])
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset() {
        let page = b"<html><head><meta charset=\"windows-1252\"><title>caf\xe9</title>";
        let d = decode(page, None);
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.text.contains("caf\u{e9}"));
    }

    #[test]
    fn http_equiv() {
        let page =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=euc-kr\">\xb1\xe8";
        let d = decode(page, None);
        assert_eq!(d.encoding, "EUC-KR");
        assert!(d.text.ends_with('\u{AE40}'));
    }

    #[test]
    fn wrong_legacy_declaration_overruled_by_valid_utf8() {
        let page = "<meta charset=iso-8859-1><p>Kyiv \u{2014} caf\u{e9}</p>".as_bytes();
        let d = decode(page, None);
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.contains("caf\u{e9}"));
    }

    #[test]
    fn declared_utf8_but_invalid_is_sniffed() {
        let page = b"<meta charset=utf-8><p>r\xe9sum\xe9 na\xefve caf\xe9 d\xe9j\xe0 vu</p>";
        let d = decode(page, None);
        assert_ne!(d.encoding, "UTF-8");
        assert!(d.text.contains("caf\u{e9}"));
    }

    #[test]
    fn cjk_declared() {
        // "東京" in Shift_JIS, "北京" in GB18030 and in Big5.
        let sjis = b"<meta charset=shift_jis><p>\x93\x8c\x8b\x9e</p>";
        assert!(decode(sjis, None).text.contains("\u{6771}\u{4eac}"));
        let gb = b"<meta charset=gb18030><p>\xb1\xb1\xbe\xa9</p>";
        assert!(decode(gb, None).text.contains("\u{5317}\u{4eac}"));
        let big5 = b"<meta charset=big5><p>\xa5\x5f\xa8\xca</p>";
        assert!(decode(big5, None).text.contains("\u{5317}\u{4eac}"));
    }

    #[test]
    fn undeclared_korean_is_sniffed() {
        // A Korean sentence in EUC-KR with no declaration.
        let (bytes, _, _) = encoding_rs::EUC_KR.encode("북한 대표단이 화요일 이란을 방문했다고 조선중앙통신이 보도했다. 양국의 군사 협력이 깊어질 수 있다는 관측이 나온다.");
        let page = [b"<p>".as_slice(), &bytes, b"</p>"].concat();
        let d = decode(&page, None);
        assert_eq!(d.encoding, "EUC-KR");
        assert!(d.text.contains("\u{bd81}\u{d55c}"));
    }

    #[test]
    fn bom_wins() {
        let mut page = vec![0xef, 0xbb, 0xbf];
        page.extend_from_slice(b"<meta charset=windows-1252>ok");
        assert_eq!(decode(&page, None).encoding, "UTF-8");
    }

    #[test]
    fn charset_outside_tag_ignored() {
        assert!(prescan(b"<p>the charset=koi8-r is text</p>").is_none());
    }

    #[test]
    fn gzip_roundtrip_and_truncation() {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(b"<p>hello</p>").unwrap();
        let gz = enc.finish().unwrap();
        assert_eq!(gunzip_if_needed(gz.clone()).unwrap(), b"<p>hello</p>");
        assert!(gunzip_if_needed(gz[..gz.len() / 2].to_vec()).is_err());
    }
}
