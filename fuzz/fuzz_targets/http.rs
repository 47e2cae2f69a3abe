//! Archived HTTP responses (WARC response records): any bytes, parsed or refused.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(r) = dyad_page::http::parse_response(data) {
        let _ = r.is_html_page();
    }
});
