//! Language-stage throughput: annotates every `.txt` file of a directory
//! (several rounds) and prints words per second on the calling thread.
//!
//! usage: throughput DIR [ROUNDS]

use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: throughput DIR [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    let mut texts = Vec::new();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("throughput: cannot read {dir}");
        std::process::exit(2);
    };
    for e in entries.flatten() {
        if e.path().extension().is_some_and(|x| x == "txt") {
            if let Ok(t) = std::fs::read_to_string(e.path()) {
                texts.push(t);
            }
        }
    }
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    // Warm-up: builds the lexicon automata once, as a long-running process would.
    let _ = dyad_language::annotate(
        "North Korea sent a delegation to Iran on Tuesday.",
        Some("2024-04-24"),
    );
    let mut best = f64::MAX;
    let mut found = 0;
    for _ in 0..rounds {
        let t = Instant::now();
        for text in &texts {
            let a = dyad_language::annotate(text, Some("2024-04-24"));
            found += a.entities.len() + a.times.len();
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "{{\"texts\": {}, \"words\": {}, \"seconds\": {:.4}, \"words_per_second\": {:.0}, \"found\": {}}}",
        texts.len(),
        words,
        best,
        words as f64 / best,
        found / rounds.max(1)
    );
}
