//! The store's tables, created on first open.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension};

use crate::Error;

/// The schema version this build writes and reads.
pub const VERSION: i64 = 1;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
-- One row per stored article; `canon` and `hash` make a page stored once.
CREATE TABLE IF NOT EXISTS articles(
    id INTEGER PRIMARY KEY,
    url TEXT, canon TEXT UNIQUE, hash TEXT NOT NULL UNIQUE,
    outlet TEXT NOT NULL, publisher TEXT, title TEXT NOT NULL, published TEXT,
    authors TEXT, text TEXT NOT NULL,
    claims INTEGER NOT NULL            -- how many claims the article stored
);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
-- Inputs already read (hash of their bytes), so a re-run skips them unread.
CREATE TABLE IF NOT EXISTS inputs(hash TEXT PRIMARY KEY, article INTEGER);
-- Entities under the id the store chose; `key` is the spelling key of the name.
CREATE TABLE IF NOT EXISTS entities(
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, state TEXT,
    key TEXT NOT NULL, known INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS entities_key ON entities(kind, key);
-- Every id an entity was given by an article, and every spelling seen.
CREATE TABLE IF NOT EXISTS aliases(alias TEXT PRIMARY KEY, entity TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS names(entity TEXT NOT NULL, name TEXT NOT NULL,
    PRIMARY KEY(entity, name));
CREATE INDEX IF NOT EXISTS names_name ON names(name COLLATE NOCASE);
-- A person's roles with the day of the article that gives them.
CREATE TABLE IF NOT EXISTS roles(entity TEXT NOT NULL, role TEXT NOT NULL,
    article INTEGER NOT NULL, day TEXT, PRIMARY KEY(entity, role, article));
-- Sentences by their character offsets in the article text.
CREATE TABLE IF NOT EXISTS sentences(article INTEGER NOT NULL, n INTEGER NOT NULL,
    start INTEGER NOT NULL, end INTEGER NOT NULL, PRIMARY KEY(article, n));
CREATE TABLE IF NOT EXISTS mentions(article INTEGER NOT NULL, entity TEXT NOT NULL,
    start INTEGER NOT NULL, end INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity);
-- Events: the claims of several articles that report one thing.
-- `src`/`tgt` are party keys (the state of a party, else its id).
CREATE TABLE IF NOT EXISTS events(
    id INTEGER PRIMARY KEY, type TEXT NOT NULL, mode TEXT,
    src TEXT, tgt TEXT, source TEXT, target TEXT, symmetric INTEGER NOT NULL,
    day_start INTEGER, day_end INTEGER, month TEXT, items TEXT NOT NULL,
    certainty TEXT NOT NULL, confidence REAL NOT NULL,
    claims INTEGER NOT NULL, outlets INTEGER NOT NULL, independent INTEGER NOT NULL
);
-- (Covering the monthly tie counts, so a pair's table reads the index only.)
CREATE INDEX IF NOT EXISTS events_pair ON events(src, tgt, month, type, mode, certainty, confidence,
    day_start);
CREATE INDEX IF NOT EXISTS events_tgt ON events(tgt, src, month);
CREATE INDEX IF NOT EXISTS events_match ON events(type, src, tgt, day_start);
CREATE TABLE IF NOT EXISTS claims(
    id INTEGER PRIMARY KEY, article INTEGER NOT NULL REFERENCES articles(id),
    event INTEGER REFERENCES events(id),
    type TEXT NOT NULL, mode TEXT, cameo TEXT,
    source TEXT, source_state TEXT, target TEXT, target_state TEXT,
    symmetric INTEGER NOT NULL, certainty TEXT NOT NULL,
    attribution TEXT, attribution_state TEXT, attribution_kind TEXT,
    time_text TEXT, time_value TEXT, day_start INTEGER, day_end INTEGER,
    quantity REAL, qualifier TEXT, unit TEXT, items TEXT NOT NULL,
    conditional INTEGER NOT NULL, negated INTEGER NOT NULL,
    ev_start INTEGER NOT NULL, ev_end INTEGER NOT NULL, evidence TEXT NOT NULL,
    sentence INTEGER                   -- the sentence (of its article) the evidence starts in
);
CREATE INDEX IF NOT EXISTS claims_article ON claims(article);
CREATE INDEX IF NOT EXISTS claims_event ON claims(event);
CREATE INDEX IF NOT EXISTS claims_source ON claims(source);
CREATE INDEX IF NOT EXISTS claims_target ON claims(target);
-- Full-text search over claims' evidence and over whole articles.
CREATE VIRTUAL TABLE IF NOT EXISTS claim_text USING fts5(evidence, title,
    tokenize = 'porter unicode61');
CREATE VIRTUAL TABLE IF NOT EXISTS article_text USING fts5(title, text,
    tokenize = 'porter unicode61');
";

/// Sets the connection up (write-ahead log, foreign keys) and creates the
/// tables of a new store; refuses a store of another version.
pub fn prepare(conn: &Connection, path: &Path) -> Result<(), Error> {
    conn.pragma_update(None, "journal_mode", "WAL")?;
    // In WAL mode NORMAL loses no committed transaction when the process is
    // killed (only, at worst, the last ones on power loss) and never corrupts.
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    // (A store of another version is refused before anything is created in it.)
    let found = stored_version(conn)?;
    if let Some(v) = found {
        refuse_other(v, path)?;
    }
    conn.execute_batch(SCHEMA)?;
    if found.is_none() {
        conn.execute(
            "INSERT INTO meta(key, value) VALUES ('version', ?1)",
            [VERSION.to_string()],
        )?;
    }
    Ok(())
}

/// The version a store records: None for a new file (no `meta` table, or a
/// store whose first open stopped before it wrote its version).
fn stored_version(conn: &Connection) -> Result<Option<i64>, Error> {
    let has_meta: bool = conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'",
        [],
        |r| r.get::<_, i64>(0).map(|n| n > 0),
    )?;
    if !has_meta {
        return Ok(None);
    }
    Ok(conn
        .query_row(
            "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'version'",
            [],
            |r| r.get(0),
        )
        .optional()?)
}

fn refuse_other(found: i64, path: &Path) -> Result<(), Error> {
    if found == VERSION {
        return Ok(());
    }
    Err(Error::Version {
        path: path.to_path_buf(),
        found,
        wanted: VERSION,
    })
}

/// Refuses a store of another version (for read-only opens).
pub fn check_version(conn: &Connection, path: &Path) -> Result<(), Error> {
    let found: i64 = conn.query_row(
        "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'version'",
        [],
        |r| r.get(0),
    )?;
    refuse_other(found, path)
}
