//! HTML path: any string parsed as a page must give an article without panicking,
//! with paragraphs that are non-empty and white-space normalised.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|html: &str| {
    let article = dyad_page::read_html(html, &dyad_page::Options::default());
    for p in &article.paragraphs {
        assert!(!p.is_empty());
        assert_eq!(p.trim(), p);
    }
});
