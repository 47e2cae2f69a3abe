//! Where the page stage spends its time: parsing, metadata and body, per page,
//! over every `.html.gz` (or `.html`) file of a directory, on the calling thread.
//!
//! usage: cargo run --release -p dyad-page --example phases -- DIR

use std::time::{Duration, Instant};

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: phases DIR");
        std::process::exit(2);
    };
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("phases: cannot read {dir}");
        std::process::exit(2);
    };
    let mut pages = Vec::new();
    for e in entries.flatten() {
        let Ok(bytes) = std::fs::read(e.path()) else {
            continue;
        };
        let Ok(raw) = dyad_page::decode::gunzip_if_needed(bytes) else {
            continue;
        };
        pages.push(dyad_page::decode::decode_owned(raw, None).text);
    }
    let (mut parse, mut meta, mut body) = (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    let mut blocks = 0;
    for p in &pages {
        let t = Instant::now();
        let dom = dyad_page::dom::Dom::parse(p);
        parse += t.elapsed();
        let t = Instant::now();
        let m = dyad_page::meta::read_meta(&dom, None);
        meta += t.elapsed();
        let t = Instant::now();
        blocks += dyad_page::content::extract_body(&dom, m.title.as_deref())
            .blocks
            .len();
        body += t.elapsed();
    }
    let per = |d: Duration| d.as_secs_f64() * 1000.0 / pages.len().max(1) as f64;
    println!(
        "{} pages, {blocks} blocks: parse {:.3} ms/page, metadata {:.3} ms/page, body {:.3} ms/page",
        pages.len(),
        per(parse),
        per(meta),
        per(body)
    );
}
