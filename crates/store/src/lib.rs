//! dyad's store: analysed articles, their entities, claims and evidence in one
//! SQLite file with FTS5 full-text search, with the same entity and the same
//! event resolved across articles and outlets.
//!
//! Each article is written in one transaction (with its entities, mentions,
//! claims, event links and search rows), so a crash at any moment leaves whole
//! articles only; the write-ahead log keeps what was committed.

mod events;
mod export;
pub mod keys;
mod query;
mod reader;
pub mod record;
mod schema;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OptionalExtension, Transaction};

pub use events::{event_types, quad_of};
pub use export::ExportFormat;
pub use query::{
    EntityInfo, EventRow, MonthRow, PairRow, ReportRef, SearchFilter, SearchHit, Ties, Trend,
};
pub use reader::{
    ArticleFilter, ArticleRef, ArticleView, ClaimView, Edge, EntityClaims, MentionView,
};
pub use record::{ArticleRecord, ClaimRecord, EntityRecord, Party};

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The database failed.
    #[error("store: {0}")]
    Sql(#[from] rusqlite::Error),
    /// Reading or writing a file failed.
    #[error("store: {0}")]
    Io(#[from] std::io::Error),
    /// An analysis object could not be read as an article.
    #[error("not an analysed article: {0}")]
    Record(String),
    /// The data directory holds a store of another schema version.
    #[error("{path}: store schema version {found}, this dyad reads version {wanted}")]
    Version {
        /// The database file.
        path: PathBuf,
        /// Its version.
        found: i64,
        /// The version this build reads.
        wanted: i64,
    },
}

/// The store in a data directory (`dyad.sqlite` inside it).
pub struct Store {
    conn: Connection,
}

/// What adding one article did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Added {
    /// Stored, with this many claims, of which this many joined an event
    /// already told by another article.
    New {
        /// The article's row id.
        id: i64,
        /// Claims stored.
        claims: usize,
        /// Claims that joined an existing event.
        merged: usize,
    },
    /// Already stored (same canonical URL or same text).
    Known(i64),
}

/// Counts of what the store holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Stats {
    /// Articles.
    pub articles: i64,
    /// Distinct entities.
    pub entities: i64,
    /// Claims.
    pub claims: i64,
    /// Events (claims of one event from several articles are one).
    pub events: i64,
    /// Distinct outlets.
    pub outlets: i64,
}

impl Store {
    /// Opens (creating if needed) the store in `dir`.
    pub fn open(dir: &Path) -> Result<Self, Error> {
        std::fs::create_dir_all(dir)?;
        let path = dir.join("dyad.sqlite");
        let conn = Connection::open(&path)?;
        schema::prepare(&conn, &path)?;
        Ok(Store { conn })
    }

    /// Opens the store in `dir` for reading only; fails when there is none.
    pub fn open_read_only(dir: &Path) -> Result<Self, Error> {
        let path = dir.join("dyad.sqlite");
        if !path.exists() {
            return Err(Error::Io(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("no store at {} (run `dyad ingest` first)", path.display()),
            )));
        }
        let conn = Connection::open_with_flags(
            &path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        schema::check_version(&conn, &path)?;
        // Reads map the file rather than copy it page by page.
        conn.pragma_update(None, "mmap_size", 1i64 << 30)?;
        Ok(Store { conn })
    }

    /// The hashes of every input already ingested, so that a re-run skips
    /// them before analysing.
    pub fn known_inputs(&self) -> Result<HashSet<String>, Error> {
        let mut st = self.conn.prepare("SELECT hash FROM inputs")?;
        let rows = st.query_map([], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Adds one analysed article, whole or not at all. `input_hash` (the hash
    /// of the input's bytes) is recorded in the same transaction.
    pub fn add(&mut self, rec: &ArticleRecord, input_hash: Option<&str>) -> Result<Added, Error> {
        let tx = self.conn.transaction()?;
        let added = add_article(&tx, rec)?;
        if let Some(h) = input_hash {
            let id = match added {
                Added::New { id, .. } | Added::Known(id) => id,
            };
            tx.execute(
                "INSERT OR IGNORE INTO inputs(hash, article) VALUES (?1, ?2)",
                params![h, id],
            )?;
        }
        tx.commit()?;
        Ok(added)
    }

    /// Adds several analysed articles in one transaction (a bulk load: all or
    /// none of them is stored).
    pub fn add_batch(&mut self, recs: &[ArticleRecord]) -> Result<Vec<Added>, Error> {
        let tx = self.conn.transaction()?;
        let mut out = Vec::with_capacity(recs.len());
        for rec in recs {
            out.push(add_article(&tx, rec)?);
        }
        tx.commit()?;
        Ok(out)
    }

    /// Counts of what the store holds.
    pub fn stats(&self) -> Result<Stats, Error> {
        let count =
            |sql: &str| -> Result<i64, Error> { Ok(self.conn.query_row(sql, [], |r| r.get(0))?) };
        Ok(Stats {
            articles: count("SELECT count(*) FROM articles")?,
            entities: count("SELECT count(*) FROM entities")?,
            claims: count("SELECT count(*) FROM claims")?,
            events: count("SELECT count(*) FROM events")?,
            outlets: count("SELECT count(DISTINCT outlet) FROM articles")?,
        })
    }

    /// Whether the database is sound (SQLite's integrity check) and every
    /// article is whole: its claims all point at it and at events that exist.
    pub fn check(&self) -> Result<Vec<String>, Error> {
        let mut problems = Vec::new();
        let ok: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        if ok != "ok" {
            problems.push(format!("integrity: {ok}"));
        }
        let orphans: i64 = self.conn.query_row(
            "SELECT count(*) FROM claims c LEFT JOIN articles a ON a.id = c.article
             WHERE a.id IS NULL",
            [],
            |r| r.get(0),
        )?;
        if orphans > 0 {
            problems.push(format!("{orphans} claims without their article"));
        }
        let unlinked: i64 = self.conn.query_row(
            "SELECT count(*) FROM claims c LEFT JOIN events e ON e.id = c.event
             WHERE c.event IS NOT NULL AND e.id IS NULL",
            [],
            |r| r.get(0),
        )?;
        if unlinked > 0 {
            problems.push(format!("{unlinked} claims pointing at no event"));
        }
        let short: i64 = self.conn.query_row(
            "SELECT count(*) FROM articles a
             WHERE a.claims <> (SELECT count(*) FROM claims c WHERE c.article = a.id)",
            [],
            |r| r.get(0),
        )?;
        if short > 0 {
            problems.push(format!("{short} articles missing claims"));
        }
        Ok(problems)
    }

    /// The underlying connection, for queries in this crate.
    fn conn(&self) -> &Connection {
        &self.conn
    }
}

/// A party's key in a dyad: its state when it has one (a minister stands for
/// the state), else its own id.
fn party_key(p: &Party) -> String {
    p.state.clone().unwrap_or_else(|| p.id.clone())
}

fn add_article(tx: &Transaction, rec: &ArticleRecord) -> Result<Added, Error> {
    let meta = &rec.article;
    // (A URL with no host or no path, "/" or a site's home page, names no
    // one article: such pages are known by their text alone.)
    let canon = meta.url.as_deref().map(keys::canonical_url).filter(|c| {
        c.split_once('/')
            .is_some_and(|(host, path)| host.contains('.') && !path.is_empty())
    });
    let hash = keys::content_hash(&[meta.title.as_bytes(), rec.text.as_bytes()]);
    let known: Option<i64> = tx
        .query_row(
            "SELECT id FROM articles WHERE hash = ?1 OR (?2 IS NOT NULL AND canon = ?2)",
            params![hash, canon],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(id) = known {
        return Ok(Added::Known(id));
    }
    let outlet = keys::outlet(meta.url.as_deref(), meta.publisher.as_deref());
    tx.execute(
        "INSERT INTO articles(url, canon, hash, outlet, publisher, title, published, authors, text, claims)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            meta.url,
            canon,
            hash,
            outlet,
            meta.publisher,
            meta.title,
            meta.published,
            meta.authors.join("; "),
            rec.text,
            rec.claims.len() as i64,
        ],
    )?;
    let article = tx.last_insert_rowid();
    tx.execute(
        "INSERT INTO article_text(rowid, title, text) VALUES (?1, ?2, ?3)",
        params![article, meta.title, rec.text],
    )?;

    for (n, sent) in rec.sentences.iter().enumerate() {
        tx.execute(
            "INSERT INTO sentences(article, n, start, end) VALUES (?1, ?2, ?3, ?4)",
            params![article, n as i64, sent.start as i64, sent.end as i64],
        )?;
    }
    let sentence_of = |pos: usize| -> Option<i64> {
        let n = rec.sentences.partition_point(|s| s.end <= pos);
        (n < rec.sentences.len()).then_some(n as i64)
    };

    // Entities, resolved to the ids the store already uses.
    let mut canonical: HashMap<String, String> = HashMap::new();
    for e in &rec.entities {
        let id = resolve_entity(tx, e)?;
        for m in e.mentions.iter().filter(|m| m.field.is_none()) {
            tx.execute(
                "INSERT INTO mentions(article, entity, start, end) VALUES (?1, ?2, ?3, ?4)",
                params![article, id, m.start as i64, m.end as i64],
            )?;
        }
        if let Some(role) = e.role.as_deref().filter(|r| !r.is_empty()) {
            tx.execute(
                "INSERT OR IGNORE INTO roles(entity, role, article, day) VALUES (?1, ?2, ?3, ?4)",
                params![id, role, article, meta.published],
            )?;
        }
        canonical.insert(e.id.clone(), id);
    }
    let resolve = |p: &Option<Party>| -> Option<Party> {
        p.as_ref().map(|p| Party {
            id: canonical
                .get(&p.id)
                .cloned()
                .unwrap_or_else(|| p.id.clone()),
            ..p.clone()
        })
    };

    let published_day = meta
        .published
        .as_deref()
        .and_then(keys::day_range)
        .map(|(d, _)| d);
    let mut merged = 0;
    for c in &rec.claims {
        let source = resolve(&c.source);
        let target = resolve(&c.target);
        let attribution = resolve(&c.attribution);
        let items: Vec<String> = c
            .items
            .iter()
            .map(|i| canonical.get(i).cloned().unwrap_or_else(|| i.clone()))
            .collect();
        let time_value = c.time.as_ref().and_then(|t| t.value.clone());
        // The event's days: its own time, else the day of publication (events
        // three days apart still merge).
        let days = time_value
            .as_deref()
            .and_then(keys::day_range)
            .or_else(|| published_day.map(|d| (d, d)));
        let claim = events::ClaimKey {
            kind: &c.kind,
            source: source.as_ref().map(party_key),
            target: target.as_ref().map(party_key),
            symmetric: c.symmetric,
            days,
            items: &items,
        };
        let (event, joined) = events::place(tx, &claim, source.as_ref(), target.as_ref(), c)?;
        merged += usize::from(joined);
        let q = c.quantity.as_ref();
        tx.execute(
            "INSERT INTO claims(article, event, type, mode, cameo, source, source_state,
                target, target_state, symmetric, certainty, attribution, attribution_state,
                attribution_kind, time_text, time_value, day_start, day_end, quantity,
                qualifier, unit, items, conditional, negated, ev_start, ev_end, evidence,
                sentence)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28)",
            params![
                article,
                event,
                c.kind,
                c.mode,
                c.cameo,
                source.as_ref().map(|p| &p.id),
                source.as_ref().and_then(|p| p.state.as_ref()),
                target.as_ref().map(|p| &p.id),
                target.as_ref().and_then(|p| p.state.as_ref()),
                c.symmetric,
                c.certainty,
                attribution.as_ref().map(|p| &p.id),
                attribution.as_ref().and_then(|p| p.state.as_ref()),
                attribution.as_ref().map(|p| &p.kind),
                c.time.as_ref().map(|t| &t.text),
                time_value,
                days.map(|d| d.0),
                days.map(|d| d.1),
                q.and_then(|q| q.value),
                q.and_then(|q| q.qualifier.clone()),
                q.and_then(|q| q.unit.clone()),
                items.join(","),
                c.conditional,
                c.negated,
                c.evidence.start as i64,
                c.evidence.end as i64,
                c.evidence.text,
                sentence_of(c.evidence.start),
            ],
        )?;
        let claim_id = tx.last_insert_rowid();
        tx.execute(
            "INSERT INTO claim_text(rowid, evidence, title) VALUES (?1, ?2, ?3)",
            params![claim_id, c.evidence.text, meta.title],
        )?;
        if let Some(e) = event {
            events::refresh(tx, e)?;
        }
    }
    Ok(Added::New {
        id: article,
        claims: rec.claims.len(),
        merged,
    })
}

/// The store's id for an entity: the same id, an id it was merged under, or
/// for a person a stored person of the same state whose name differs only in
/// romanisation ("Yun Jung Ho" → yun-jong-ho). Records each new spelling.
fn resolve_entity(tx: &Transaction, e: &EntityRecord) -> Result<String, Error> {
    let existing: Option<String> = tx
        .query_row(
            "SELECT entity FROM aliases WHERE alias = ?1",
            params![e.id],
            |r| r.get(0),
        )
        .optional()?;
    let key = keys::spelling_key(&e.name);
    let id = match existing {
        Some(id) => id,
        None => {
            let same_person: Option<String> = if e.kind == "person" && key.len() >= 4 {
                tx.query_row(
                    "SELECT id FROM entities WHERE kind = 'person' AND key = ?1
                       AND (state IS ?2 OR state IS NULL OR ?2 IS NULL)
                     ORDER BY known DESC, id LIMIT 1",
                    params![key, e.state],
                    |r| r.get(0),
                )
                .optional()?
            } else {
                None
            };
            let id = match same_person {
                Some(id) => id,
                None => {
                    tx.execute(
                        "INSERT OR IGNORE INTO entities(id, kind, name, state, key, known)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                        params![e.id, e.kind, e.name, e.state, key, e.known],
                    )?;
                    e.id.clone()
                }
            };
            tx.execute(
                "INSERT OR IGNORE INTO aliases(alias, entity) VALUES (?1, ?2)",
                params![e.id, id],
            )?;
            id
        }
    };
    tx.execute(
        "INSERT OR IGNORE INTO names(entity, name) VALUES (?1, ?2)",
        params![id, e.name],
    )?;
    for m in e.mentions.iter().filter(|m| !m.text.is_empty()) {
        tx.execute(
            "INSERT OR IGNORE INTO names(entity, name) VALUES (?1, ?2)",
            params![id, m.text],
        )?;
    }
    Ok(id)
}
