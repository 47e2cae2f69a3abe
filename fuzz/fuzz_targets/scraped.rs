//! Scraped-text path: any string read as scraped text (and as verbatim text)
//! must give an article without panicking.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let opts = dyad_page::Options {
        url: Some("https://example.com/news/2024/04/24/world/asia/slug".into()),
        ..dyad_page::Options::default()
    };
    let article = dyad_page::scraped::read_scraped(text, &opts);
    assert!(article.paragraphs.iter().all(|p| !p.is_empty()));
    let _ = dyad_page::scraped::read_text(text, &opts);
});
