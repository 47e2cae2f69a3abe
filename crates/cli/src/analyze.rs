//! `dyad analyze`: one article through the stages, printed as the JSON the scorers read
//! (`shared/spec/gold-format.md`, "What the project prints for scoring").

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use dyad_page::{read_article_owned, Article, InputFormat, Options};
use serde_json::{json, Value};

use crate::inputs::{self, Input};

/// Runs `analyze`: one file prints one pretty JSON object; several inputs (or a
/// directory) print a JSON array, or one line per input with `jsonl`.
pub fn run(
    paths: &[PathBuf],
    url: Option<String>,
    published: Option<String>,
    format: InputFormat,
    jsonl: bool,
) -> anyhow::Result<ExitCode> {
    let opts = Options {
        format,
        url,
        published,
        charset: None,
    };
    let (files, mut failed) = inputs::expand(paths);
    let many = files.len() > 1 || paths.iter().any(|p| p.is_dir());
    let work = |input: &Input| -> anyhow::Result<Value> {
        let bytes = inputs::read(input)?;
        let article = read_article_owned(bytes, &opts)?;
        Ok(analysis_json(&article))
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if !many && !jsonl {
        // One input: an error is the command's error.
        let Some(input) = files.first() else {
            return Ok(ExitCode::from(1));
        };
        let name = input.display_name();
        let v = work(input).with_context(|| name.clone())?;
        serde_json::to_writer_pretty(&mut out, &v)?;
        out.write_all(b"\n")?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let bar = crate::progress(files.len());
    if !jsonl {
        out.write_all(b"[\n")?;
    }
    let mut first = true;
    let mut emit = |input: &Input, r: anyhow::Result<Value>| -> anyhow::Result<()> {
        bar.inc(1);
        let name = input.display_name();
        let v = match r {
            Ok(mut v) => {
                if let Some(o) = v.as_object_mut() {
                    o.insert("path".into(), Value::String(name));
                }
                v
            }
            Err(e) => {
                failed += 1;
                bar.suspend(|| eprintln!("dyad: {name}: {e:#}"));
                if !jsonl {
                    return Ok(());
                }
                json!({"path": name, "error": format!("{e:#}")})
            }
        };
        if jsonl {
            serde_json::to_writer(&mut out, &v)?;
            out.write_all(b"\n")?;
        } else {
            if !first {
                out.write_all(b",\n")?;
            }
            serde_json::to_writer(&mut out, &v)?;
        }
        first = false;
        Ok(())
    };
    crate::for_each_input(&files, work, &mut emit)?;
    if !jsonl {
        out.write_all(b"\n]\n")?;
    }
    crate::finish_batch(out, &bar, failed, files.len())
}

/// The most article text the language stage reads (4 MiB, about 600,000 words).
pub const MAX_ANALYZED_BYTES: usize = 4 * 1024 * 1024;

/// The analysis object: the article, the language stage's time expressions
/// (character offsets into the article text); entities and claims follow as the
/// stages grow.
pub fn analysis_json(a: &Article) -> Value {
    let text = a.text();
    // News articles are tens of kilobytes; a multi-megabyte "article" is a dump.
    // Its head is analysed and the cut is reported, so memory and time stay bounded.
    let mut cut = text.len().min(MAX_ANALYZED_BYTES);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    if cut < text.len() {
        eprintln!(
            "dyad: article text is {} bytes; entities, times and quantities cover the first {cut}",
            text.len()
        );
    }
    let lang = dyad_language::annotate(&text[..cut], a.published.as_deref());
    let ix = dyad_language::CharIndex::new(&text);
    let times: Vec<Value> = lang
        .times
        .iter()
        .map(|t| {
            json!({
                "start": ix.char_offset(t.span.start),
                "end": ix.char_offset(t.span.end),
                "text": &text[t.span.start..t.span.end],
                "type": t.kind,
                "value": t.value,
                "mod": t.modifier,
            })
        })
        .collect();
    let entities: Vec<Value> = lang
        .entities
        .iter()
        .map(|e| {
            // Names go to "mentions"; adjectival demonyms ("Iranian drones") are
            // kept apart, since they describe rather than name the state.
            let span_json = |m: &dyad_language::Mention| {
                json!({
                    "start": ix.char_offset(m.span.start),
                    "end": ix.char_offset(m.span.end),
                    "text": &text[m.span.start..m.span.end],
                })
            };
            let is_demonym =
                |m: &&dyad_language::Mention| m.class == dyad_language::lexicon::FormClass::Demonym;
            let mentions: Vec<Value> = e
                .mentions
                .iter()
                .filter(|m| !is_demonym(m))
                .map(span_json)
                .collect();
            let demonyms: Vec<Value> = e
                .mentions
                .iter()
                .filter(is_demonym)
                .map(span_json)
                .collect();
            json!({
                "id": e.id,
                "kind": e.kind,
                "name": e.name,
                "state": e.state,
                "role": e.role,
                "subtype": e.subtype,
                "known": e.known,
                "mentions": mentions,
                "demonyms": demonyms,
            })
        })
        .collect();
    // Photo credits and captions name agencies and people too ("[YONHAP]"):
    // their mentions point into those fields, not into the article text.
    let mut entities = entities;
    let lex = dyad_language::Lexicon::builtin();
    for (n, img) in a.images.iter().enumerate() {
        for (field, value) in [("credit", &img.credit), ("caption", &img.caption)] {
            let found: Vec<(usize, usize, usize)> = if field == "credit" {
                lex.lookup(value)
                    .map(|e| vec![(e, 0, value.len())])
                    .unwrap_or_default()
            } else {
                lex.find(value)
                    .iter()
                    .map(|m| (m.entry, m.start, m.end))
                    .collect()
            };
            for (e, s, t) in found {
                let entry = &lex.entries[e];
                let mention = json!({
                    "start": value[..s].chars().count(),
                    "end": value[..t].chars().count(),
                    "text": &value[s..t],
                    "field": format!("images[{n}].{field}"),
                });
                if let Some(existing) = entities.iter_mut().find(|v| v["id"] == entry.id.as_str()) {
                    if let Some(m) = existing["mentions"].as_array_mut() {
                        m.push(mention);
                    }
                } else {
                    entities.push(json!({
                        "id": entry.id,
                        "kind": entry.kind,
                        "name": entry.name,
                        "state": entry.state,
                        "role": null,
                        "subtype": entry.subtype,
                        "known": true,
                        "mentions": [mention],
                    }));
                }
            }
        }
    }
    let quantities: Vec<Value> = lang
        .quantities
        .iter()
        .map(|q| {
            json!({
                "start": ix.char_offset(q.span.start),
                "end": ix.char_offset(q.span.end),
                "text": &text[q.span.start..q.span.end],
                "value": q.value,
                "max": q.max,
                "qualifier": q.qualifier,
                "unit": q.unit,
            })
        })
        .collect();
    let references: Vec<Value> = lang
        .references
        .iter()
        .map(|r| {
            json!({
                "start": ix.char_offset(r.span.start),
                "end": ix.char_offset(r.span.end),
                "text": &text[r.span.start..r.span.end],
                "entities": r.entities.iter().map(|&i| lang.entities[i].id.clone()).collect::<Vec<_>>(),
            })
        })
        .collect();
    let sentences: Vec<Value> = lang
        .sentences
        .iter()
        .map(|s| json!({"start": ix.char_offset(s.start), "end": ix.char_offset(s.end)}))
        .collect();
    let actor = |i: Option<usize>| -> Value {
        match i.and_then(|i| lang.entities.get(i)) {
            Some(e) => json!({"id": e.id, "name": e.name, "kind": e.kind, "state": e.state}),
            None => Value::Null,
        }
    };
    // A claim's party; an implied one (a domestic event's own state, the place
    // of an unattributed attack) says so. A state party names what stands for
    // it in the text: its "agent" (a described group or state organ that acts
    // for it) or its "place" (a city or region named as the party).
    let party = |i: Option<usize>, implied: bool, agent: Option<usize>| -> Value {
        let mut v = actor(i);
        if let Some(o) = v.as_object_mut() {
            if implied {
                o.insert("implied".into(), Value::Bool(true));
            }
            if let Some(g) = agent.and_then(|g| lang.entities.get(g)) {
                let key = if g.kind == dyad_language::Kind::Place {
                    "place"
                } else {
                    "agent"
                };
                o.insert(key.into(), json!({"id": g.id, "name": g.name}));
            }
        }
        v
    };
    let claims: Vec<Value> = dyad_claims::code(&text[..cut], &lang)
        .iter()
        .map(|c| {
            json!({
                "type": c.kind,
                "mode": c.mode,
                "cameo": c.cameo,
                "source": party(c.source, c.source_implied, c.source_agent),
                "target": party(c.target, c.target_implied, c.target_agent),
                "symmetric": c.symmetric,
                "certainty": c.certainty,
                "attribution": actor(c.attribution),
                "time": c.time.and_then(|i| lang.times.get(i)).map(|t| json!({
                    "text": &text[t.span.start..t.span.end],
                    "value": c.when.clone().or_else(|| t.value.clone()),
                    "mod": t.modifier,
                })),
                "quantity": c.quantity.and_then(|i| lang.quantities.get(i)).map(|q| json!({
                    "value": q.value,
                    "qualifier": q.qualifier,
                    "unit": q.unit,
                })),
                "items": c.items.iter().filter_map(|&i| lang.entities.get(i).map(|e| e.id.clone())).collect::<Vec<_>>(),
                "conditional": c.conditional,
                "negated": c.negated,
                "evidence": {
                    "start": ix.char_offset(c.evidence.start),
                    "end": ix.char_offset(c.evidence.end),
                    "text": &text[c.evidence.start..c.evidence.end],
                },
                "trigger": {
                    "start": ix.char_offset(c.trigger.start),
                    "end": ix.char_offset(c.trigger.end),
                    "text": &text[c.trigger.start..c.trigger.end],
                },
            })
        })
        .collect();
    json!({
        "article": {
            "title": a.title,
            "section": a.section,
            "authors": a.authors,
            "author_emails": a.author_emails,
            "publisher": a.publisher,
            "published": a.published,
            "modified": a.modified,
            "url": a.url,
            "language": a.language,
            "images": a.images,
            "paragraphs": a.paragraphs,
            "encoding": a.encoding,
            "input_format": a.input_format,
        },
        "text": text,
        "entities": entities,
        "times": times,
        "quantities": quantities,
        "references": references,
        "sentences": sentences,
        "claims": claims,
    })
}
