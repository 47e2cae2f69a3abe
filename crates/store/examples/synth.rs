//! Builds a synthetic store for query benchmarks: ARTICLES articles of
//! CLAIMS claims each, between 60 states over ten years, through the store's
//! own write path (entity resolution, event merging, search rows).
//! usage: cargo run --release --example synth -- DIR [ARTICLES] [CLAIMS]

use std::path::PathBuf;

use dyad_store::record::{ArticleMeta, ClaimRecord, EntityRecord, Span, Time};
use dyad_store::{ArticleRecord, Party, Store};

#[path = "common/rng.rs"]
mod rng;
use rng::Rng;

const CERTAINTY: &[&str] = &["fact", "reported", "suspected", "possible", "denied"];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().ok_or("usage: synth DIR [ARTICLES] [CLAIMS]")?);
    let articles: usize = args.next().map_or(Ok(100_000), |s| s.parse())?;
    let per: usize = args.next().map_or(Ok(10), |s| s.parse())?;
    let states: Vec<String> = (0..60).map(|i| format!("S{:02}", i)).collect();
    // Words for evidence sentences; a few hundred common, many rare.
    let words: Vec<String> = (0..5000).map(|i| format!("w{i}")).collect();
    let common = [
        "missile",
        "drone",
        "talks",
        "sanctions",
        "delegation",
        "minister",
        "border",
        "troops",
        "exercise",
        "nuclear",
        "trade",
        "aid",
        "strike",
        "embassy",
        "summit",
        "weapons",
    ];
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut store = Store::open(&dir)?;
    let start = std::time::Instant::now();
    let mut batch = Vec::with_capacity(500);
    for a in 0..articles {
        let day = rng.below(3650) as i64;
        let published = dyad_store::keys::civil_from_days(16_436 + day); // from 2015
        let party = |i: usize| Party {
            id: states[i].clone(),
            name: format!("State {}", states[i]),
            kind: "state".into(),
            state: Some(states[i].clone()),
        };
        let mut claims = Vec::with_capacity(per);
        let mut used: Vec<usize> = Vec::new();
        for _ in 0..per {
            let s = rng.zipf(states.len());
            let mut t = rng.zipf(states.len());
            if t == s {
                t = (t + 1) % states.len();
            }
            used.extend([s, t]);
            let types = dyad_store::event_types();
            let kind = types[rng.below(types.len())];
            let mut text: Vec<&str> = vec![&states[s], common[rng.below(common.len())]];
            for _ in 0..12 {
                text.push(&words[rng.zipf(words.len())]);
            }
            text.push(&states[t]);
            let evidence = text.join(" ");
            let back = rng.below(20) as i64;
            claims.push(ClaimRecord {
                kind: kind.into(),
                source: Some(party(s)),
                target: Some(party(t)),
                certainty: CERTAINTY[rng.zipf(CERTAINTY.len())].into(),
                time: Some(Time {
                    text: "on that day".into(),
                    value: Some(dyad_store::keys::civil_from_days(16_436 + day - back)),
                }),
                evidence: Span {
                    start: 0,
                    end: evidence.len(),
                    text: evidence,
                    field: None,
                },
                ..ClaimRecord::default()
            });
        }
        used.sort_unstable();
        used.dedup();
        let rec = ArticleRecord {
            article: ArticleMeta {
                title: format!("Synthetic article {a}"),
                url: Some(format!("https://outlet{}.example/a/{a}", rng.below(200))),
                published: Some(published),
                ..ArticleMeta::default()
            },
            text: format!("Synthetic article {a}."),
            entities: used
                .iter()
                .map(|&i| EntityRecord {
                    id: states[i].clone(),
                    kind: "state".into(),
                    name: format!("State {}", states[i]),
                    state: Some(states[i].clone()),
                    known: true,
                    ..EntityRecord::default()
                })
                .collect(),
            claims,
            sentences: Vec::new(),
        };
        batch.push(rec);
        if batch.len() == 500 {
            store.add_batch(&batch)?;
            batch.clear();
            if (a + 1) % 10_000 == 0 {
                eprintln!("{} articles, {:.0} s", a + 1, start.elapsed().as_secs_f64());
            }
        }
    }
    store.add_batch(&batch)?;
    let stats = store.stats()?;
    println!(
        "{}",
        serde_json::json!({"store": stats, "seconds": start.elapsed().as_secs_f64()})
    );
    Ok(())
}
