//! `dyad ingest`: pages (files, directories, .gz, WARC archives) through the
//! pipeline into the store, in parallel, each article committed whole.

use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;

use anyhow::Context;
use dyad_page::{read_article_owned, InputFormat, Options};
use dyad_store::{keys, Added, ArticleRecord, Store};
use rayon::prelude::*;
use serde_json::json;

use crate::analyze::analysis_json;
use crate::inputs::{self, Input};

/// Pages analysed together; the writer stores one batch while the next is
/// analysed.
const BATCH: usize = 128;

/// One page to ingest: where it came from, its URL if known, its bytes.
struct Page {
    name: String,
    url: Option<String>,
    bytes: Vec<u8>,
}

/// What analysing a page gave.
enum Outcome {
    /// Ingested before (same input bytes): not analysed again.
    Seen,
    /// Analysed: the record and the hash of the input's bytes.
    Ready(Box<ArticleRecord>, String),
    /// Failed, with the reason.
    Failed(String),
}

#[derive(Default)]
struct Tally {
    pages: u64,
    new: u64,
    known: u64,
    seen: u64,
    failed: u64,
    claims: u64,
    merged: u64,
}

/// Runs `ingest`.
pub fn run(paths: &[PathBuf], data: &Path, format: InputFormat) -> anyhow::Result<ExitCode> {
    let (files, bad_paths) = inputs::expand_with(paths, true);
    let mut store = Store::open(data)
        .with_context(|| format!("cannot open the store in {}", data.display()))?;
    let known = store.known_inputs()?;
    let bar = crate::progress(files.len());
    let opts = Options {
        format,
        ..Options::default()
    };
    let analyse = |page: &Page| -> Outcome {
        let hash = keys::content_hash(&[page.bytes.as_slice()]);
        if known.contains(&hash) {
            return Outcome::Seen;
        }
        let opts = Options {
            url: page.url.clone(),
            ..opts.clone()
        };
        match read_article_owned(page.bytes.clone(), &opts) {
            Ok(article) => match ArticleRecord::from_analysis(analysis_json(&article)) {
                Ok(rec) => Outcome::Ready(Box::new(rec), hash),
                Err(e) => Outcome::Failed(e.to_string()),
            },
            Err(e) => Outcome::Failed(format!("{e:#}")),
        }
    };

    // The writer: stores each batch in order, one transaction per article.
    let (send, receive) = mpsc::sync_channel::<Vec<(String, Outcome)>>(1);
    let wbar = bar.clone();
    let writer = std::thread::spawn(move || -> anyhow::Result<(Tally, Store)> {
        let mut t = Tally::default();
        for batch in receive {
            for (name, outcome) in batch {
                t.pages += 1;
                wbar.inc(1);
                match outcome {
                    Outcome::Seen => t.seen += 1,
                    Outcome::Failed(why) => {
                        t.failed += 1;
                        wbar.suspend(|| eprintln!("dyad: {name}: {why}"));
                    }
                    Outcome::Ready(rec, hash) => match store.add(&rec, Some(&hash)) {
                        Ok(Added::New { claims, merged, .. }) => {
                            t.new += 1;
                            t.claims += claims as u64;
                            t.merged += merged as u64;
                        }
                        Ok(Added::Known(_)) => t.known += 1,
                        Err(e) => {
                            t.failed += 1;
                            wbar.suspend(|| eprintln!("dyad: {name}: {e}"));
                        }
                    },
                }
            }
        }
        Ok((t, store))
    });

    let send_batch = |pages: &mut Vec<Page>| -> anyhow::Result<()> {
        let out: Vec<(String, Outcome)> = pages
            .par_iter()
            .map(|p| (p.name.clone(), analyse(p)))
            .collect();
        pages.clear();
        send.send(out)
            .map_err(|_| anyhow::anyhow!("the store writer stopped"))
    };
    let mut pages: Vec<Page> = Vec::with_capacity(BATCH);
    let mut read_failed = 0u64;
    for input in &files {
        let is_archive = matches!(input, Input::File(p) if inputs::is_warc(p));
        if is_archive {
            let Input::File(path) = input else { continue };
            let result = each_warc_page(path, |page| {
                bar.inc_length(1);
                pages.push(page);
                if pages.len() >= BATCH {
                    send_batch(&mut pages)?;
                }
                Ok(())
            });
            // (The archive itself counted as one input of the bar.)
            bar.inc(1);
            if let Err(e) = result {
                read_failed += 1;
                bar.suspend(|| eprintln!("dyad: {}: {e:#}", path.display()));
            }
            continue;
        }
        match inputs::read(input) {
            Ok(bytes) => pages.push(Page {
                name: input.display_name(),
                url: None,
                bytes,
            }),
            Err(e) => {
                read_failed += 1;
                bar.inc(1);
                bar.suspend(|| eprintln!("dyad: {}: {e:#}", input.display_name()));
            }
        }
        if pages.len() >= BATCH {
            send_batch(&mut pages)?;
        }
    }
    if !pages.is_empty() {
        send_batch(&mut pages)?;
    }
    drop(send);
    let (t, store) = writer
        .join()
        .map_err(|_| anyhow::anyhow!("the store writer panicked"))??;
    bar.finish_and_clear();
    let stats = store.stats()?;
    let failed = t.failed + read_failed + bad_paths as u64;
    eprintln!(
        "dyad: {} pages: {} new articles ({} claims, {} joined events other articles told), \
         {} already stored, {} skipped unread, {} failed; the store holds {} articles, {} events, \
         {} entities from {} outlets",
        t.pages,
        t.new,
        t.claims,
        t.merged,
        t.known,
        t.seen,
        failed,
        stats.articles,
        stats.events,
        stats.entities,
        stats.outlets
    );
    println!(
        "{}",
        json!({
            "pages": t.pages, "new": t.new, "already_stored": t.known, "skipped": t.seen,
            "failed": failed, "claims": t.claims, "merged": t.merged, "store": stats,
        })
    );
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Calls `each` with every HTML page in a WARC archive (`.warc` or
/// `.warc.gz`): its `response` records whose HTTP status is 2xx and whose
/// content is HTML.
fn each_warc_page(
    path: &Path,
    mut each: impl FnMut(Page) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let file = std::fs::File::open(path).context("cannot open")?;
    let gz = path.to_string_lossy().to_ascii_lowercase().ends_with(".gz");
    let reader: Box<dyn std::io::BufRead> = if gz {
        Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(
            BufReader::new(file),
        )))
    } else {
        Box::new(BufReader::new(file))
    };
    for (n, record) in warc::WarcReader::new(reader).iter_records().enumerate() {
        let record = record.with_context(|| format!("record {}", n + 1))?;
        if record.warc_type() != &warc::RecordType::Response {
            continue;
        }
        let url = record
            .header(warc::WarcHeader::TargetURI)
            .map(|u| u.trim_matches(|c| c == '<' || c == '>').to_string());
        let Some(resp) = dyad_page::http::parse_response(record.body()) else {
            continue;
        };
        if !resp.is_html_page() {
            continue;
        }
        each(Page {
            name: format!("{}#{}", path.display(), url.as_deref().unwrap_or("record")),
            url,
            bytes: resp.body,
        })?;
    }
    Ok(())
}
