//! Whole entry point on raw bytes: gzip detection, binary sniffing, charset
//! detection and decoding, format sniffing, then the chosen reader.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = dyad_page::read_article(bytes, &dyad_page::Options::default());
});
