//! The store's read commands: `ties`, `entity`, `search`, `events`, `export`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use dyad_store::{EventRow, ExportFormat, SearchFilter, Store, Ties};
use serde_json::Value;

fn open(data: &Path) -> anyhow::Result<Store> {
    Store::open_read_only(data)
        .with_context(|| format!("cannot read the store in {}", data.display()))
}

/// Table, JSON or CSV.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Aligned columns for people.
    Table,
    /// JSON for programs.
    Json,
    /// CSV for spreadsheets.
    Csv,
}

fn name_of(v: &Value) -> String {
    v.get("name")
        .and_then(Value::as_str)
        .or_else(|| v.get("id").and_then(Value::as_str))
        .unwrap_or("?")
        .to_string()
}

fn id_of(v: &Value) -> String {
    v.get("id")
        .and_then(Value::as_str)
        .unwrap_or("?")
        .to_string()
}

/// A month's cooperation events (PLOVER's two cooperation quads).
fn cooperation(m: &dyad_store::MonthRow) -> i64 {
    m.by_quad
        .iter()
        .filter(|(k, _)| k.ends_with("cooperation"))
        .map(|(_, n)| n)
        .sum()
}

fn counts(m: &std::collections::BTreeMap<String, i64>) -> String {
    let mut v: Vec<(&String, &i64)> = m.iter().collect();
    v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    v.iter()
        .map(|(k, n)| format!("{k} {n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `dyad ties A B`.
pub fn ties(
    data: &Path,
    a: &str,
    b: &str,
    since: Option<&str>,
    until: Option<&str>,
    evidence: usize,
    shape: Shape,
) -> anyhow::Result<ExitCode> {
    let store = open(data)?;
    let t = store.ties(a, b, since, until, evidence)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match shape {
        Shape::Json => {
            serde_json::to_writer_pretty(&mut out, &t)?;
            writeln!(out)?;
        }
        Shape::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record([
                "month",
                "events",
                "cooperation",
                "conflict",
                "balance",
                "weighted",
                "types",
                "certainty",
            ])?;
            for m in &t.months {
                let coop = cooperation(m);
                w.write_record([
                    m.month.clone(),
                    m.events.to_string(),
                    coop.to_string(),
                    (m.events - coop).to_string(),
                    m.balance.to_string(),
                    format!("{:.2}", m.weighted),
                    counts(&m.by_type),
                    counts(&m.by_certainty),
                ])?;
            }
            w.flush()?;
        }
        Shape::Table => print_ties(&mut out, &t)?,
    }
    out.flush()?;
    Ok(if t.months.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `dyad ties` with no parties: the strongest ties in the store.
pub fn strongest(data: &Path, limit: usize, shape: Shape) -> anyhow::Result<ExitCode> {
    let store = open(data)?;
    let pairs = store.strongest(limit)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match shape {
        Shape::Json => {
            serde_json::to_writer_pretty(&mut out, &pairs)?;
            writeln!(out)?;
        }
        Shape::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record([
                "a",
                "b",
                "events",
                "weighted",
                "cooperation",
                "conflict",
                "latest",
            ])?;
            for p in &pairs {
                w.write_record([
                    id_of(&p.parties[0]),
                    id_of(&p.parties[1]),
                    p.events.to_string(),
                    p.weighted.to_string(),
                    p.cooperation.to_string(),
                    p.conflict.to_string(),
                    p.latest.clone().unwrap_or_default(),
                ])?;
            }
            w.flush()?;
        }
        Shape::Table => {
            writeln!(
                out,
                "{:<34} {:>6} {:>8} {:>5} {:>8}  latest",
                "tie", "events", "weighted", "coop", "conflict"
            )?;
            for p in &pairs {
                let tie = format!("{} — {}", name_of(&p.parties[0]), name_of(&p.parties[1]));
                writeln!(
                    out,
                    "{:<34} {:>6} {:>8.2} {:>5} {:>8}  {}",
                    tie,
                    p.events,
                    p.weighted,
                    p.cooperation,
                    p.conflict,
                    p.latest.as_deref().unwrap_or("")
                )?;
            }
            writeln!(
                out,
                "
(`dyad ties A B` for one tie month by month, with its evidence)"
            )?;
        }
    }
    out.flush()?;
    Ok(if pairs.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn print_ties(out: &mut impl Write, t: &Ties) -> anyhow::Result<()> {
    let (a, b) = (&t.parties[0], &t.parties[1]);
    writeln!(
        out,
        "{} ({}) — {} ({})",
        name_of(a),
        id_of(a),
        name_of(b),
        id_of(b)
    )?;
    if t.months.is_empty() {
        writeln!(out, "no events between them in the store")?;
        return Ok(());
    }
    writeln!(
        out,
        "{:<8} {:>6} {:>5} {:>8} {:>8}  {:<40} certainty",
        "month", "events", "coop", "conflict", "weighted", "types"
    )?;
    for m in &t.months {
        let coop = cooperation(m);
        writeln!(
            out,
            "{:<8} {:>6} {:>5} {:>8} {:>8.2}  {:<40} {}",
            m.month,
            m.events,
            coop,
            m.events - coop,
            m.weighted,
            counts(&m.by_type),
            counts(&m.by_certainty)
        )?;
    }
    writeln!(out, "\ntrend: {}", t.trend.summary)?;
    writeln!(out, "\nevidence (surest first):")?;
    for e in &t.evidence {
        print_event(out, e)?;
    }
    Ok(())
}

fn print_event(out: &mut impl Write, e: &EventRow) -> anyhow::Result<()> {
    writeln!(
        out,
        "  [{}] {} {} → {}  {}  {} (confidence {:.2}; {} outlet(s), {} independent)",
        e.id,
        e.kind,
        name_of(&e.source),
        name_of(&e.target),
        e.time.as_deref().unwrap_or("undated"),
        e.certainty,
        e.confidence,
        e.outlets,
        e.independent
    )?;
    for ev in e.evidence.iter().take(3) {
        writeln!(out, "      “{ev}”")?;
    }
    for u in &e.articles {
        writeln!(out, "      {u}")?;
    }
    Ok(())
}

/// `dyad events`.
pub fn events(
    data: &Path,
    between: Option<(&str, &str)>,
    kind: Option<&str>,
    shape: Shape,
) -> anyhow::Result<ExitCode> {
    let store = open(data)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut n = 0u64;
    let kind = kind.map(str::to_uppercase);
    if shape == Shape::Csv {
        let cell = dyad_store::keys::cell;
        let mut w = csv::Writer::from_writer(&mut out);
        w.write_record([
            "id",
            "type",
            "source",
            "target",
            "time",
            "certainty",
            "confidence",
            "outlets",
            "independent",
            "articles",
        ])?;
        store.each_event(between, kind.as_deref(), |e| {
            n += 1;
            w.write_record([
                e.id.to_string(),
                e.kind.clone(),
                cell(&id_of(&e.source)),
                cell(&id_of(&e.target)),
                e.time.clone().unwrap_or_default(),
                e.certainty.clone(),
                e.confidence.to_string(),
                e.outlets.to_string(),
                e.independent.to_string(),
                cell(&e.articles.join(" ")),
            ])
            .map_err(|e| dyad_store::Error::Io(std::io::Error::other(e)))
        })?;
        w.flush()?;
    } else {
        store.each_event(between, kind.as_deref(), |e| {
            n += 1;
            let r = match shape {
                Shape::Table => print_event(&mut out, &e).map_err(std::io::Error::other),
                _ => serde_json::to_writer(&mut out, &e)
                    .map_err(std::io::Error::from)
                    .and_then(|()| out.write_all(b"\n")),
            };
            r.map_err(dyad_store::Error::Io)
        })?;
    }
    out.flush()?;
    eprintln!("dyad: {n} events");
    Ok(ExitCode::SUCCESS)
}

/// `dyad entity NAME`.
pub fn entity(data: &Path, q: &str, shape: Shape) -> anyhow::Result<ExitCode> {
    let store = open(data)?;
    let Some(e) = store.entity(q)? else {
        eprintln!("dyad: no entity '{q}' in the store");
        return Ok(ExitCode::from(1));
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if shape == Shape::Table {
        writeln!(
            out,
            "{} ({}, {}{})",
            e.name,
            e.id,
            e.kind,
            e.state
                .as_deref()
                .map(|s| format!(", {s}"))
                .unwrap_or_default()
        )?;
        writeln!(out, "names: {}", e.names.join(" | "))?;
        for (role, first, last) in &e.roles {
            writeln!(
                out,
                "role: {role} ({}{})",
                first.as_deref().unwrap_or("?"),
                match (first, last) {
                    (Some(f), Some(l)) if f != l => format!(" … {l}"),
                    _ => String::new(),
                }
            )?;
        }
        writeln!(out, "articles: {}; events: {}", e.articles, e.events)?;
        for (p, n) in &e.partners {
            writeln!(out, "  with {p}: {n} events")?;
        }
    } else {
        serde_json::to_writer_pretty(&mut out, &e)?;
        writeln!(out)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `dyad search QUERY`.
pub fn search(data: &Path, q: &str, f: &SearchFilter, shape: Shape) -> anyhow::Result<ExitCode> {
    let store = open(data)?;
    let hits = store.search(q, f)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if shape == Shape::Csv {
        let cell = dyad_store::keys::cell;
        let mut w = csv::Writer::from_writer(&mut out);
        w.write_record([
            "claim",
            "event",
            "type",
            "source",
            "target",
            "certainty",
            "time",
            "evidence",
            "title",
            "url",
            "published",
        ])?;
        for h in &hits {
            w.write_record([
                h.claim.to_string(),
                h.event.map(|e| e.to_string()).unwrap_or_default(),
                h.kind.clone(),
                cell(h.source.as_deref().unwrap_or_default()),
                cell(h.target.as_deref().unwrap_or_default()),
                h.certainty.clone(),
                h.time.clone().unwrap_or_default(),
                cell(&h.evidence),
                cell(&h.title),
                cell(h.url.as_deref().unwrap_or_default()),
                h.published.clone().unwrap_or_default(),
            ])?;
        }
        w.flush()?;
    }
    for h in hits.iter().filter(|_| shape != Shape::Csv) {
        if shape == Shape::Table {
            writeln!(
                out,
                "{} {} → {} [{}] {}  “{}”\n    {} {}",
                h.kind,
                h.source.as_deref().unwrap_or("?"),
                h.target.as_deref().unwrap_or("?"),
                h.certainty,
                h.time.as_deref().unwrap_or(""),
                h.evidence,
                h.published.as_deref().unwrap_or(""),
                h.url.as_deref().unwrap_or(&h.title)
            )?;
        } else {
            serde_json::to_writer(&mut out, h)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    eprintln!("dyad: {} hits", hits.len());
    Ok(if hits.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `dyad export`.
pub fn export(data: &Path, format: ExportFormat) -> anyhow::Result<ExitCode> {
    let store = open(data)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let n = store.export(format, &mut out)?;
    out.flush()?;
    eprintln!("dyad: exported {n} records");
    Ok(ExitCode::SUCCESS)
}

/// `dyad check`.
pub fn check(data: &Path) -> anyhow::Result<ExitCode> {
    let store = open(data)?;
    let problems = store.check()?;
    let stats = store.stats()?;
    println!(
        "{}",
        serde_json::json!({"ok": problems.is_empty(), "problems": problems, "store": stats})
    );
    for p in &problems {
        eprintln!("dyad: {}: {p}", data.display());
    }
    Ok(if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
