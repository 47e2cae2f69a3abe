//! Exports, streamed row by row: events as JSON lines, claims as CSV, the
//! event graph as GraphML, FollowTheMoney entities and links (as Aleph reads
//! them), and PLOVER event records shaped like POLECAT's.

use std::io::Write;

use rusqlite::params;
use serde_json::{json, Value};

use crate::events::quad_of;
use crate::{Error, Store};

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// One event per line, with its sources (as `dyad events --format json`).
    Jsonl,
    /// One claim per row, with its article and event.
    Csv,
    /// Entities as nodes, events as edges.
    Graphml,
    /// FollowTheMoney entities, one JSON object per line.
    Ftm,
    /// PLOVER event records, one JSON object per line, POLECAT's field names.
    Plover,
}

fn io(e: std::io::Error) -> Error {
    Error::Io(e)
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn line(out: &mut dyn Write, v: &Value) -> Result<(), Error> {
    serde_json::to_writer(&mut *out, v).map_err(|e| Error::Io(e.into()))?;
    out.write_all(b"\n").map_err(io)
}

impl Store {
    /// Writes the whole store in `format` to `out`; returns the records written.
    pub fn export(&self, format: ExportFormat, out: &mut dyn Write) -> Result<u64, Error> {
        match format {
            ExportFormat::Jsonl => self.export_jsonl(out),
            ExportFormat::Csv => self.export_csv(out),
            ExportFormat::Graphml => self.export_graphml(out),
            ExportFormat::Ftm => self.export_ftm(out),
            ExportFormat::Plover => self.export_plover(out),
        }
    }

    fn export_jsonl(&self, out: &mut dyn Write) -> Result<u64, Error> {
        let mut n = 0;
        self.each_event(None, None, |e| {
            n += 1;
            line(out, &json!(e))
        })?;
        Ok(n)
    }

    fn export_csv(&self, out: &mut dyn Write) -> Result<u64, Error> {
        let mut w = csv::Writer::from_writer(out);
        let head = [
            "claim",
            "event",
            "url",
            "outlet",
            "published",
            "type",
            "mode",
            "cameo",
            "source",
            "source_state",
            "target",
            "target_state",
            "certainty",
            "attribution",
            "time",
            "quantity",
            "unit",
            "items",
            "negated",
            "conditional",
            "evidence",
        ];
        w.write_record(head).map_err(|e| Error::Io(e.into()))?;
        let mut st = self.conn().prepare(
            "SELECT c.id, c.event, a.url, a.outlet, a.published, c.type, c.mode, c.cameo,
                c.source, c.source_state, c.target, c.target_state, c.certainty,
                c.attribution, c.time_value, c.quantity, c.unit, c.items, c.negated,
                c.conditional, c.evidence
             FROM claims c JOIN articles a ON a.id = c.article ORDER BY c.id",
        )?;
        let mut rows = st.query([])?;
        let mut n = 0;
        while let Some(r) = rows.next()? {
            let mut rec: Vec<String> = Vec::with_capacity(head.len());
            for i in 0..head.len() {
                let v: rusqlite::types::Value = r.get(i)?;
                rec.push(match v {
                    rusqlite::types::Value::Null => String::new(),
                    rusqlite::types::Value::Integer(i) => i.to_string(),
                    rusqlite::types::Value::Real(f) => f.to_string(),
                    rusqlite::types::Value::Text(s) => crate::keys::cell(&s),
                    rusqlite::types::Value::Blob(_) => String::new(),
                });
            }
            w.write_record(&rec).map_err(|e| Error::Io(e.into()))?;
            n += 1;
        }
        w.flush().map_err(io)?;
        Ok(n)
    }

    fn export_graphml(&self, out: &mut dyn Write) -> Result<u64, Error> {
        out.write_all(
            b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n\
  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n\
  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n\
  <key id=\"state\" for=\"node\" attr.name=\"state\" attr.type=\"string\"/>\n\
  <key id=\"type\" for=\"edge\" attr.name=\"type\" attr.type=\"string\"/>\n\
  <key id=\"quad\" for=\"edge\" attr.name=\"quad\" attr.type=\"string\"/>\n\
  <key id=\"month\" for=\"edge\" attr.name=\"month\" attr.type=\"string\"/>\n\
  <key id=\"certainty\" for=\"edge\" attr.name=\"certainty\" attr.type=\"string\"/>\n\
  <key id=\"confidence\" for=\"edge\" attr.name=\"confidence\" attr.type=\"double\"/>\n\
  <key id=\"outlets\" for=\"edge\" attr.name=\"outlets\" attr.type=\"int\"/>\n\
  <graph id=\"dyad\" edgedefault=\"directed\">\n",
        )
        .map_err(io)?;
        let mut n = 0;
        let mut st = self.conn().prepare(
            "SELECT id, name, kind, coalesce(state, '') FROM entities WHERE id IN
                (SELECT source FROM events UNION SELECT target FROM events) ORDER BY id",
        )?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let (id, name, kind, state): (String, String, String, String) =
                (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
            writeln!(
                out,
                "    <node id=\"{}\"><data key=\"name\">{}</data><data key=\"kind\">{}</data><data key=\"state\">{}</data></node>",
                xml(&id), xml(&name), xml(&kind), xml(&state)
            )
            .map_err(io)?;
            n += 1;
        }
        let mut st = self.conn().prepare(
            "SELECT id, source, target, type, coalesce(month, ''), certainty, confidence, outlets
             FROM events WHERE source IS NOT NULL AND target IS NOT NULL ORDER BY id",
        )?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let (id, s, t, kind, month, certainty, confidence, outlets): (
                i64,
                String,
                String,
                String,
                String,
                String,
                f64,
                i64,
            ) = (
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
            );
            writeln!(
                out,
                "    <edge id=\"e{id}\" source=\"{}\" target=\"{}\"><data key=\"type\">{}</data><data key=\"quad\">{}</data><data key=\"month\">{}</data><data key=\"certainty\">{}</data><data key=\"confidence\">{confidence:.3}</data><data key=\"outlets\">{outlets}</data></edge>",
                xml(&s),
                xml(&t),
                xml(&kind),
                quad_of(&kind).unwrap_or(""),
                xml(&month),
                xml(&certainty)
            )
            .map_err(io)?;
            n += 1;
        }
        out.write_all(b"  </graph>\n</graphml>\n").map_err(io)?;
        Ok(n)
    }

    /// FollowTheMoney: states as PublicBody, people as Person, other bodies
    /// as Organization, articles as Article, events as Event (its parties
    /// under `involved`), and a Documentation link from each event to each
    /// article that reports it. Weapon systems have no FtM schema and are
    /// left out.
    fn export_ftm(&self, out: &mut dyn Write) -> Result<u64, Error> {
        let mut n = 0;
        let mut st = self.conn().prepare(
            "SELECT e.id, e.kind, e.name, e.state,
                (SELECT group_concat(name, char(31)) FROM names WHERE entity = e.id),
                (SELECT group_concat(DISTINCT role) FROM roles WHERE entity = e.id)
             FROM entities e WHERE e.kind IN ('state', 'person', 'organization', 'group')
             ORDER BY e.id",
        )?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let (id, kind, name): (String, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
            let state: Option<String> = r.get(3)?;
            let aliases: Option<String> = r.get(4)?;
            let roles: Option<String> = r.get(5)?;
            let schema = match kind.as_str() {
                "state" => "PublicBody",
                "person" => "Person",
                _ => "Organization",
            };
            let mut props = json!({ "name": [name] });
            if let Some(a) = aliases {
                props["alias"] = json!(a.split('\u{1f}').collect::<Vec<_>>());
            }
            if let Some(r) = roles {
                props["position"] = json!(r.split(',').collect::<Vec<_>>());
            }
            if let Some(s) = state {
                props["notes"] = json!([format!("state: {s}")]);
            }
            line(
                out,
                &json!({"id": format!("dyad-entity-{id}"), "schema": schema, "properties": props}),
            )?;
            n += 1;
        }
        let mut st = self.conn().prepare(
            "SELECT id, title, url, published, coalesce(publisher, outlet) FROM articles ORDER BY id",
        )?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let (id, title): (i64, String) = (r.get(0)?, r.get(1)?);
            let (url, published, publisher): (Option<String>, Option<String>, String) =
                (r.get(2)?, r.get(3)?, r.get(4)?);
            let mut props = json!({"title": [title], "publisher": [publisher]});
            if let Some(u) = url {
                props["sourceUrl"] = json!([u]);
            }
            if let Some(p) = published {
                props["publishedAt"] = json!([p]);
            }
            line(
                out,
                &json!({"id": format!("dyad-article-{id}"), "schema": "Article", "properties": props}),
            )?;
            n += 1;
        }
        let mut links = self
            .conn()
            .prepare("SELECT DISTINCT article FROM claims WHERE event = ?1 ORDER BY article")?;
        self.each_event(None, None, |e| {
            let party = |v: &Value| v.get("id").and_then(Value::as_str).map(|id| format!("dyad-entity-{id}"));
            let involved: Vec<String> = [party(&e.source), party(&e.target)].into_iter().flatten().collect();
            let mut props = json!({
                "name": [format!("{} {} → {}", e.kind,
                    e.source.get("name").and_then(Value::as_str).unwrap_or("?"),
                    e.target.get("name").and_then(Value::as_str).unwrap_or("?"))],
                "involved": involved,
                "summary": e.evidence,
                "notes": [format!("certainty: {}; confidence: {}; outlets: {} ({} independent)",
                    e.certainty, e.confidence, e.outlets, e.independent)],
            });
            if let Some(t) = &e.time {
                props["date"] = json!([t.split('/').next().unwrap_or(t)]);
            }
            line(out, &json!({"id": format!("dyad-event-{}", e.id), "schema": "Event", "properties": props}))?;
            n += 1;
            let articles = links
                .query_map(params![e.id], |r| r.get::<_, i64>(0))?
                .collect::<Result<Vec<_>, _>>()?;
            for a in articles {
                line(out, &json!({
                    "id": format!("dyad-doc-{}-{a}", e.id),
                    "schema": "Documentation",
                    "properties": {
                        "document": [format!("dyad-article-{a}")],
                        "entity": [format!("dyad-event-{}", e.id)],
                        "role": ["evidence"],
                    }
                }))?;
                n += 1;
            }
            Ok(())
        })?;
        Ok(n)
    }

    /// PLOVER event records with POLECAT's field names, one per event.
    fn export_plover(&self, out: &mut dyn Write) -> Result<u64, Error> {
        let mut n = 0;
        let mut meta = self.conn().prepare(
            "SELECT min(a.published), group_concat(DISTINCT coalesce(a.publisher, a.outlet)),
                group_concat(DISTINCT a.title)
             FROM claims c JOIN articles a ON a.id = c.article WHERE c.event = ?1",
        )?;
        self.each_event(None, None, |e| {
            let (published, publishers, headlines): (Option<String>, Option<String>, Option<String>) =
                meta.query_row(params![e.id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
            let field = |v: &Value, k: &str| v.get(k).cloned().unwrap_or(Value::Null);
            line(out, &json!({
                "event_id": format!("dyad-{}", e.id),
                "event_date": e.time.as_deref().map(|t| t.split('/').next().unwrap_or(t).to_string()),
                "event_type": e.kind.to_lowercase(),
                "event_mode": e.mode,
                "quad_code": quad_of(&e.kind),
                "contexts": [],
                "actor_name": field(&e.source, "name"),
                "actor_id": field(&e.source, "id"),
                "actor_country": field(&e.source, "state"),
                "recipient_name": field(&e.target, "name"),
                "recipient_id": field(&e.target, "id"),
                "recipient_country": field(&e.target, "state"),
                "event_text": e.evidence.first(),
                "publication_date": published,
                "publisher": publishers,
                "headline": headlines,
                "source_urls": e.articles,
                "certainty": e.certainty,
                "confidence": e.confidence,
                "outlets": e.outlets,
                "independent_outlets": e.independent,
                "version": "dyad-plover-1",
            }))?;
            n += 1;
            Ok(())
        })?;
        Ok(n)
    }
}
