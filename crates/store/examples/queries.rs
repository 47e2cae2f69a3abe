//! Times `ties` and `search` on a store (as built by the `synth` example):
//! QUERIES of each over random state pairs and words, on one connection, and
//! prints the latency percentiles.
//! usage: cargo run --release --example queries -- DIR [QUERIES]

use std::path::PathBuf;
use std::time::Instant;

use dyad_store::{SearchFilter, Store};

#[path = "common/rng.rs"]
mod rng;
use rng::Rng;

fn percentiles(mut ms: Vec<f64>) -> String {
    ms.sort_by(f64::total_cmp);
    let at = |p: f64| ms[((ms.len() as f64 - 1.0) * p).round() as usize];
    format!(
        "p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        at(0.5),
        at(0.95),
        at(0.99),
        at(1.0)
    )
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().ok_or("usage: queries DIR [QUERIES]")?);
    let n: usize = args.next().map_or(Ok(500), |s| s.parse())?;
    let store = Store::open_read_only(&dir)?;
    eprintln!("{:?}", store.stats()?);
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut below = |k: u64| rng.below(k as usize) as u64;
    // A warm-up of 50 untimed queries of each kind, so the figures are of a
    // store in the page cache, as a running service's is.
    for i in 0..50 {
        let (a, b) = (format!("S{:02}", i % 60), format!("S{:02}", (i * 7) % 60));
        store.ties(&a, &b, None, None, 10)?;
        store.search(
            &format!("w{i}"),
            &SearchFilter {
                limit: 20,
                ..SearchFilter::default()
            },
        )?;
    }
    let mut ties = Vec::with_capacity(n);
    let mut rows = 0usize;
    for _ in 0..n {
        let (a, b) = (below(60), below(60));
        let (a, b) = (format!("S{a:02}"), format!("S{b:02}"));
        let t = Instant::now();
        let r = store.ties(&a, &b, None, None, 10)?;
        ties.push(t.elapsed().as_secs_f64() * 1000.0);
        rows += r.months.len();
    }
    println!(
        "ties ({n} random pairs, {rows} month rows): {}",
        percentiles(ties)
    );
    let common = [
        "missile",
        "drone",
        "talks",
        "sanctions",
        "delegation",
        "troops",
        "summit",
    ];
    let mut search = Vec::with_capacity(n);
    let mut hits = 0usize;
    for i in 0..n {
        let q = if i % 2 == 0 {
            common[below(common.len() as u64) as usize].to_string()
        } else {
            format!("w{} w{}", below(300), below(5000))
        };
        let f = SearchFilter {
            actor: (i % 3 == 0).then(|| format!("S{:02}", below(60))),
            kind: (i % 5 == 0).then(|| "AID".to_string()),
            limit: 20,
            ..SearchFilter::default()
        };
        let t = Instant::now();
        hits += store.search(&q, &f)?.len();
        search.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    println!("search ({n} queries, {hits} hits): {}", percentiles(search));
    Ok(())
}
