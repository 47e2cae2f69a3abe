//! `dyad` — news pages to an evidence-backed graph of ties between states.
//!
//! The binary is a thin edge over the stage libraries: it expands inputs, runs
//! the stages, prints JSON on stdout and messages on stderr, and maps failures
//! to exit codes (0 all inputs read, 1 some inputs failed, 2 usage error).

/// mimalloc: the page stage allocates many small strings; it is measurably faster than glibc malloc here.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod analyze;
mod ingest;
mod inputs;
mod query;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use dyad_page::{read_article_owned, Article, InputFormat, Options};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

#[derive(Parser)]
#[command(
    name = "dyad",
    version,
    about = "News pages to an evidence-backed, time-aware graph of ties between states",
    long_about = "dyad reads news pages (saved HTML in any encoding, or scraped text) and turns \
    them into clean articles, and (in later stages) entities, claims and ties between states.\n\n\
    Exit codes: 0 success, 1 some inputs failed (each named on stderr), 2 bad usage."
)]
struct Cli {
    /// Worker threads (0: one per core).
    #[arg(short = 'j', long, global = true, default_value_t = 0)]
    jobs: usize,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract the clean article from each input (HTML, scraped text, .gz, directories, - for stdin).
    Extract {
        /// Files, directories (searched recursively for .html/.htm/.xhtml/.txt and their .gz) or - for stdin.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format: json (one object, or an array for several inputs), jsonl (one line per input), text.
        #[arg(long, value_enum, default_value_t = OutFormat::Json)]
        format: OutFormat,
        /// How to read the inputs.
        #[arg(long = "input-format", value_enum, default_value_t = InFormat::Auto)]
        input_format: InFormat,
    },
    /// Analyse articles: the JSON that the scorers read (article, entities, times, claims).
    ///
    /// One file prints one JSON object; several inputs or a directory print one
    /// object per input (a JSON array, or with `--format jsonl` one line each,
    /// carrying its `path`).
    Analyze {
        /// HTML pages, scraped text, .gz of either, directories, or - for stdin.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The page's URL (gives publisher, section and date when the page lacks them).
        #[arg(long)]
        url: Option<String>,
        /// Publication date, YYYY-MM-DD (anchors relative times).
        #[arg(long, value_parser = parse_day)]
        published: Option<String>,
        /// How to read the input; with `text` the input is the article text verbatim.
        #[arg(long = "input-format", value_enum, default_value_t = InFormat::Auto)]
        input_format: InFormat,
        /// Output format.
        #[arg(long, value_enum, default_value_t = AnalyzeFormat::Json)]
        format: AnalyzeFormat,
    },
    /// Analyse pages into the store: files, directories, .gz, and WARC archives
    /// (.warc, .warc.gz: every HTML response record). Idempotent: a page already
    /// stored (same canonical URL or text) is stored once; a re-run finishes the job.
    ///
    /// Prints a JSON summary on stdout; failures are named on stderr.
    Ingest {
        /// Files, directories (searched recursively), .gz and WARC archives.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The data directory holding the store.
        #[arg(long, default_value = "dyad-data")]
        data: PathBuf,
        /// How to read the inputs.
        #[arg(long = "input-format", value_enum, default_value_t = InFormat::Auto)]
        input_format: InFormat,
    },
    /// The tie between two parties month by month: events by type and
    /// certainty, cooperation against conflict, the trend, and the evidence.
    /// With no parties: the strongest ties in the store.
    Ties {
        /// A party: state code (PRK), entity id or name.
        a: Option<String>,
        /// The other party.
        #[arg(requires = "a")]
        b: Option<String>,
        /// First month (YYYY-MM).
        #[arg(long)]
        since: Option<String>,
        /// Last month (YYYY-MM).
        #[arg(long)]
        until: Option<String>,
        /// Events listed as evidence.
        #[arg(long, default_value_t = 10)]
        evidence: usize,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ShapeArg::Table)]
        format: ShapeArg,
        /// The data directory holding the store.
        #[arg(long, default_value = "dyad-data")]
        data: PathBuf,
    },
    /// Events (claims of one thing from several articles merged), oldest first:
    /// in JSON one object per line with type, source, target, time, certainty
    /// and the articles that report it.
    Events {
        /// Only events between these two parties (either way).
        #[arg(long, num_args = 2, value_names = ["A", "B"])]
        between: Option<Vec<String>>,
        /// Only events of this PLOVER type.
        #[arg(long = "type")]
        kind: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ShapeArg::Json)]
        format: ShapeArg,
        /// The data directory holding the store.
        #[arg(long, default_value = "dyad-data")]
        data: PathBuf,
    },
    /// What the store knows of an entity: names, roles over time, partners.
    Entity {
        /// Id, state code or any spelling of the name.
        name: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ShapeArg::Table)]
        format: ShapeArg,
        /// The data directory holding the store.
        #[arg(long, default_value = "dyad-data")]
        data: PathBuf,
    },
    /// Full-text search over claims' evidence, with filters: the best-ranked
    /// among the 2,000 most recently stored matches, then older ones newest first.
    Search {
        /// Words, "phrases", OR, prefix*.
        query: String,
        /// A party that must be source or target.
        #[arg(long)]
        actor: Option<String>,
        /// Claim type.
        #[arg(long = "type")]
        kind: Option<String>,
        /// Claim certainty.
        #[arg(long)]
        certainty: Option<String>,
        /// First day (YYYY-MM-DD).
        #[arg(long)]
        since: Option<String>,
        /// Last day (YYYY-MM-DD).
        #[arg(long)]
        until: Option<String>,
        /// Most hits.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ShapeArg::Table)]
        format: ShapeArg,
        /// The data directory holding the store.
        #[arg(long, default_value = "dyad-data")]
        data: PathBuf,
    },
    /// Serve the reader: pages for the network, articles, entities, ties and
    /// search, and the same as JSON under /api/ (OpenAPI at /api/openapi.json).
    /// Read-only; binds to loopback by default.
    Serve {
        /// The data directory holding the store.
        #[arg(long, default_value = "dyad-data")]
        data: PathBuf,
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: String,
    },
    /// Check the store: SQLite's integrity check and that every article is
    /// whole. Prints the counts as JSON; exit code 1 when something is wrong.
    Check {
        /// The data directory holding the store.
        #[arg(long, default_value = "dyad-data")]
        data: PathBuf,
    },
    /// Export the store, streamed: jsonl (events), csv (claims), graphml,
    /// ftm (FollowTheMoney, as Aleph reads it), plover (POLECAT-shaped records).
    Export {
        /// Format.
        #[arg(long, value_enum)]
        format: ExportArg,
        /// The data directory holding the store.
        #[arg(long, default_value = "dyad-data")]
        data: PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ShapeArg {
    Table,
    Json,
    Csv,
}

impl From<ShapeArg> for query::Shape {
    fn from(s: ShapeArg) -> Self {
        match s {
            ShapeArg::Table => query::Shape::Table,
            ShapeArg::Json => query::Shape::Json,
            ShapeArg::Csv => query::Shape::Csv,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportArg {
    Jsonl,
    Csv,
    Graphml,
    Ftm,
    Plover,
}

impl From<ExportArg> for dyad_store::ExportFormat {
    fn from(f: ExportArg) -> Self {
        match f {
            ExportArg::Jsonl => dyad_store::ExportFormat::Jsonl,
            ExportArg::Csv => dyad_store::ExportFormat::Csv,
            ExportArg::Graphml => dyad_store::ExportFormat::Graphml,
            ExportArg::Ftm => dyad_store::ExportFormat::Ftm,
            ExportArg::Plover => dyad_store::ExportFormat::Plover,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum OutFormat {
    Json,
    Jsonl,
    Text,
}

#[derive(Clone, Copy, ValueEnum)]
enum AnalyzeFormat {
    Json,
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum)]
enum InFormat {
    Auto,
    Html,
    Scraped,
    Text,
}

impl From<InFormat> for InputFormat {
    fn from(f: InFormat) -> Self {
        match f {
            InFormat::Auto => InputFormat::Auto,
            InFormat::Html => InputFormat::Html,
            InFormat::Scraped => InputFormat::Scraped,
            InFormat::Text => InputFormat::Text,
        }
    }
}

fn parse_day(s: &str) -> Result<String, String> {
    match dyad_page::date::parse_date(s) {
        Some(d) if s.len() == 10 => Ok(d.iso()),
        _ => Err(format!("'{s}' is not a date of the form YYYY-MM-DD")),
    }
}

fn main() -> ExitCode {
    disable_huge_pages();
    let cli = Cli::parse();
    if cli.jobs > 0 {
        // Only fails when a pool exists already, which it cannot here.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(cli.jobs)
            .build_global();
    }
    let result = match cli.command {
        Command::Extract {
            paths,
            format,
            input_format,
        } => extract(&paths, format, input_format.into()),
        Command::Analyze {
            paths,
            url,
            published,
            input_format,
            format,
        } => analyze::run(
            &paths,
            url,
            published,
            input_format.into(),
            matches!(format, AnalyzeFormat::Jsonl),
        ),
        Command::Ingest {
            paths,
            data,
            input_format,
        } => ingest::run(&paths, &data, input_format.into()),
        Command::Ties {
            a,
            b,
            since,
            until,
            evidence,
            format,
            data,
        } => match (a, b) {
            (Some(a), Some(b)) => query::ties(
                &data,
                &a,
                &b,
                since.as_deref(),
                until.as_deref(),
                evidence,
                format.into(),
            ),
            (None, None) => query::strongest(&data, evidence, format.into()),
            _ => {
                eprintln!("dyad: ties takes two parties, or none for the strongest ties");
                Ok(ExitCode::from(2))
            }
        },
        Command::Events {
            between,
            kind,
            format,
            data,
        } => {
            let pair = between
                .as_ref()
                .and_then(|v| Some((v.first()?.as_str(), v.get(1)?.as_str())));
            query::events(&data, pair, kind.as_deref(), format.into())
        }
        Command::Entity { name, format, data } => query::entity(&data, &name, format.into()),
        Command::Search {
            query: q,
            actor,
            kind,
            certainty,
            since,
            until,
            limit,
            format,
            data,
        } => {
            let f = dyad_store::SearchFilter {
                actor,
                kind,
                certainty,
                since,
                until,
                limit,
            };
            query::search(&data, &q, &f, format.into())
        }
        Command::Export { format, data } => query::export(&data, format.into()),
        Command::Check { data } => query::check(&data),
        Command::Serve { data, addr } => serve(&data, &addr),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            // A closed pipe (`dyad … | head`) is the reader's choice, not an error.
            let broken_pipe = e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
                    || c.downcast_ref::<serde_json::Error>()
                        .is_some_and(|j| j.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe))
            });
            if broken_pipe {
                return ExitCode::SUCCESS;
            }
            eprintln!("dyad: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn serve(data: &std::path::Path, addr: &str) -> anyhow::Result<ExitCode> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(dyad_serve::serve(data, addr))
        .map_err(|e| anyhow::anyhow!("cannot serve {}: {e}", data.display()))?;
    Ok(ExitCode::SUCCESS)
}

/// One extracted input as printed: the article's fields plus where it came from.
#[derive(serde::Serialize)]
struct Extracted<'a> {
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<JoinedText<'a>>,
    #[serde(flatten)]
    article: &'a Article,
}

/// Transparent huge pages cost this process more than they give: each fresh
/// 2 MB region must be found (compacting memory when it is fragmented) and
/// cleared, which made the first batch after other work up to 40% slower.
/// Small pages keep run times steady. (Linux only.)
fn disable_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: prctl(PR_SET_THP_DISABLE) only sets a flag of the calling process.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// Inputs are read in chunks so that memory stays flat over large batches.
const CHUNK: usize = 256;

/// Inputs larger than this (bytes on disk) are read one at a time.
const LARGE_INPUT: u64 = 8 * 1024 * 1024;

/// The article text (paragraphs joined by a blank line, or the verbatim input),
/// written out without building it in memory first.
struct JoinedText<'a>(&'a Article);

impl std::fmt::Display for JoinedText<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(v) = &self.0.verbatim {
            return f.write_str(v);
        }
        for (i, p) in self.0.paragraphs.iter().enumerate() {
            if i > 0 {
                f.write_str("\n\n")?;
            }
            f.write_str(p)?;
        }
        Ok(())
    }
}

impl serde::Serialize for JoinedText<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Runs `work` over the inputs in parallel and hands each result to `emit` in
/// input order. Small inputs go a chunk at a time, so memory stays flat over
/// large batches; a large one (a dump, not a page) is read alone, so two never
/// sit in memory together.
pub(crate) fn for_each_input<T: Send>(
    files: &[inputs::Input],
    work: impl Fn(&inputs::Input) -> anyhow::Result<T> + Sync,
    emit: &mut impl FnMut(&inputs::Input, anyhow::Result<T>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    for chunk in files.chunks(CHUNK) {
        let mut start = 0;
        while start < chunk.len() {
            let end = (start..chunk.len())
                .find(|&k| inputs::size(&chunk[k]) > LARGE_INPUT)
                .unwrap_or(chunk.len());
            let results: Vec<_> = chunk[start..end]
                .par_iter()
                .map(|input| (input, work(input)))
                .collect();
            for (input, r) in results {
                emit(input, r)?;
            }
            if end < chunk.len() {
                emit(&chunk[end], work(&chunk[end]))?;
            }
            start = end + 1;
        }
    }
    Ok(())
}

/// A progress bar on stderr for batches of 50 inputs or more.
pub(crate) fn progress(n: usize) -> ProgressBar {
    let bar = ProgressBar::new(n as u64);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} pages {per_sec} {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    if n < 50 {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    bar
}

fn extract(
    paths: &[PathBuf],
    format: OutFormat,
    input_format: InputFormat,
) -> anyhow::Result<ExitCode> {
    let (files, mut failed) = inputs::expand(paths);
    let opts = Options {
        format: input_format,
        ..Options::default()
    };
    let bar = progress(files.len());
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let many = files.len() > 1 || paths.iter().any(|p| p.is_dir());
    if matches!(format, OutFormat::Json) && many {
        out.write_all(b"[\n")?;
    }
    let mut first = true;
    let read_one = |input: &inputs::Input| {
        inputs::read(input)
            .and_then(|bytes| read_article_owned(bytes, &opts).map_err(anyhow::Error::from))
    };
    let mut emit = |input: &inputs::Input, r: anyhow::Result<Article>| -> anyhow::Result<()> {
        bar.inc(1);
        let name = input.display_name();
        match r {
            Ok(article) => {
                match format {
                    OutFormat::Jsonl => {
                        let line = Extracted {
                            path: &name,
                            text: Some(JoinedText(&article)),
                            article: &article,
                        };
                        serde_json::to_writer(&mut out, &line)?;
                        out.write_all(b"\n")?;
                    }
                    OutFormat::Json => {
                        let v = Extracted {
                            path: &name,
                            text: None,
                            article: &article,
                        };
                        if many && !first {
                            out.write_all(b",\n")?;
                        }
                        serde_json::to_writer_pretty(&mut out, &v)?;
                        if !many {
                            out.write_all(b"\n")?;
                        }
                    }
                    OutFormat::Text => {
                        if !first {
                            out.write_all(b"\n\n")?;
                        }
                        writeln!(out, "{}\n\n{}", article.title, JoinedText(&article))?;
                    }
                }
                first = false;
            }
            Err(e) => {
                failed += 1;
                bar.suspend(|| eprintln!("dyad: {name}: {e:#}"));
                if matches!(format, OutFormat::Jsonl) {
                    let v = serde_json::json!({"path": name, "error": format!("{e:#}")});
                    serde_json::to_writer(&mut out, &v)?;
                    out.write_all(b"\n")?;
                }
            }
        }
        Ok(())
    };
    for_each_input(&files, read_one, &mut emit)?;
    if matches!(format, OutFormat::Json) && many {
        out.write_all(b"\n]\n")?;
    }
    finish_batch(out, &bar, failed, files.len())
}

/// Ends a batch: flushes the output, clears the progress bar and turns the
/// failures into the exit code (each failed input was already named).
pub(crate) fn finish_batch(
    mut out: impl Write,
    bar: &ProgressBar,
    failed: usize,
    total: usize,
) -> anyhow::Result<ExitCode> {
    out.flush()?;
    bar.finish_and_clear();
    if failed > 0 {
        eprintln!("dyad: {failed} of {} inputs failed", total.max(failed));
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
