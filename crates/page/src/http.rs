//! The page inside an archived HTTP response (a WARC `response` record):
//! status line and headers read, chunked transfer and gzip content undone.

use std::io::Read;

/// The most bytes a response body may grow to once decoded.
pub const MAX_BODY: usize = 64 * 1024 * 1024;

/// An HTTP response's page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// Status code.
    pub status: u16,
    /// `Content-Type` header, lower-cased ("" when absent).
    pub content_type: String,
    /// The body, de-chunked and decompressed.
    pub body: Vec<u8>,
}

impl Response {
    /// Whether the response carries an HTML page worth reading: a 2xx status
    /// and an HTML (or unstated) content type.
    pub fn is_html_page(&self) -> bool {
        (200..300).contains(&self.status)
            && (self.content_type.is_empty()
                || self.content_type.contains("html")
                || self.content_type.starts_with("text/plain"))
    }
}

/// Reads a raw HTTP response. None when it is not one (no status line, no
/// end of headers) or its body cannot be decoded.
pub fn parse_response(raw: &[u8]) -> Option<Response> {
    let (head_end, body_start) = find_head_end(raw)?;
    let head = String::from_utf8_lossy(&raw[..head_end]);
    let mut lines = head.lines();
    let status_line = lines.next()?;
    let mut parts = status_line.split_whitespace();
    if !parts.next()?.starts_with("HTTP/") {
        return None;
    }
    let status: u16 = parts.next()?.parse().ok()?;
    let (mut content_type, mut chunked, mut gzip) = (String::new(), false, false);
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().to_ascii_lowercase();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-type" => content_type = value,
            "transfer-encoding" => chunked = value.contains("chunked"),
            "content-encoding" => {
                gzip = value.contains("gzip");
                // (Another coding, br or deflate, is no page this reader can open.)
                if !gzip && !value.is_empty() && value != "identity" {
                    return None;
                }
            }
            _ => {}
        }
    }
    let body = &raw[body_start..];
    let body = if chunked {
        dechunk(body)?
    } else {
        body.to_vec()
    };
    let body = if gzip { gunzip(&body)? } else { body };
    Some(Response {
        status,
        content_type,
        body,
    })
}

/// Where the headers end and the body starts (CRLF CRLF, or LF LF).
fn find_head_end(raw: &[u8]) -> Option<(usize, usize)> {
    let crlf = raw.windows(4).position(|w| w == b"\r\n\r\n");
    let lf = raw.windows(2).position(|w| w == b"\n\n");
    match (crlf, lf) {
        (Some(c), Some(l)) if l < c => Some((l, l + 2)),
        (Some(c), _) => Some((c, c + 4)),
        (None, Some(l)) => Some((l, l + 2)),
        (None, None) => None,
    }
}

/// Undoes chunked transfer coding; a truncated last chunk keeps what came.
fn dechunk(mut b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        // (A size line may end in a bare LF; a truncated one keeps what came.)
        let Some(eol) = b.iter().position(|&c| c == b'\n') else {
            return Some(out);
        };
        let size_text = std::str::from_utf8(&b[..eol]).ok()?;
        let size_text = size_text.split(';').next()?.trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        b = &b[eol + 1..];
        if size == 0 {
            return Some(out);
        }
        let take = size.min(b.len());
        if out.len() + take > MAX_BODY {
            return None;
        }
        out.extend_from_slice(&b[..take]);
        if take < size {
            return Some(out);
        }
        b = &b[size..];
        b = b
            .strip_prefix(b"\r\n")
            .or_else(|| b.strip_prefix(b"\n"))
            .unwrap_or(b);
        if b.is_empty() {
            return Some(out);
        }
    }
}

fn gunzip(b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(b)
        .take(MAX_BODY as u64 + 1)
        .read_to_end(&mut out)
        .ok()?;
    (out.len() <= MAX_BODY).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_plain_chunked_and_gzipped_responses() {
        let r = parse_response(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>hi</p>",
        )
        .expect("response");
        assert_eq!(r.status, 200);
        assert!(r.is_html_page());
        assert_eq!(r.body, b"<p>hi</p>");

        let r = parse_response(
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n<p>h\r\n5\r\ni</p>\r\n0\r\n\r\n",
        )
        .expect("chunked");
        assert_eq!(r.body, b"<p>hi</p>");

        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, b"<p>zipped</p>").expect("write");
        let zipped = gz.finish().expect("finish");
        let mut raw =
            b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Type: text/html\r\n\r\n"
                .to_vec();
        raw.extend_from_slice(&zipped);
        assert_eq!(parse_response(&raw).expect("gzip").body, b"<p>zipped</p>");
    }

    #[test]
    fn refuses_what_is_no_page() {
        assert!(parse_response(b"GET / HTTP/1.1\r\n\r\n").is_none());
        assert!(parse_response(b"HTTP/1.1 200 OK").is_none());
        let r = parse_response(b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\nx")
            .expect("parsed");
        assert!(!r.is_html_page());
        let r =
            parse_response(b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nx").expect("parsed");
        assert!(!r.is_html_page());
    }

    proptest! {
        #[test]
        fn any_bytes_parse_or_not_without_panic(b in proptest::collection::vec(any::<u8>(), 0..512)) {
            let _ = parse_response(&b);
            let mut raw = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
            raw.extend_from_slice(&b);
            let _ = parse_response(&raw);
        }
    }
}
