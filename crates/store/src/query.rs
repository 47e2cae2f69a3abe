//! Reading the store: ties between two parties month by month, events with
//! their sources, entities with their names and roles, full-text search.

use std::collections::BTreeMap;

use rusqlite::{params, params_from_iter, OptionalExtension, Row};
use serde::Serialize;
use serde_json::{json, Value};

use crate::events::quad_of;
use crate::keys;
use crate::{Error, Store};

/// One month of a tie.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct MonthRow {
    /// `YYYY-MM`.
    pub month: String,
    /// Events that month.
    pub events: i64,
    /// Events by PLOVER quad category.
    pub by_quad: BTreeMap<String, i64>,
    /// Events by type.
    pub by_type: BTreeMap<String, i64>,
    /// Events by type and mode (`CONSULT:visit`), those with a mode.
    pub by_mode: BTreeMap<String, i64>,
    /// Events by certainty.
    pub by_certainty: BTreeMap<String, i64>,
    /// Cooperation events minus conflict events.
    pub balance: i64,
    /// Events weighted by how sure their sources make them.
    pub weighted: f64,
}

/// Which way a tie is going, with the figures behind the word.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Trend {
    /// `growing`, `shrinking`, `steady`, or `unknown` (too few events).
    pub direction: String,
    /// The twelve months before the last twelve, and their
    /// confidence-weighted event count.
    pub earlier: (String, String, f64),
    /// See `earlier`.
    pub later: (String, String, f64),
    /// The sentence a user reads.
    pub summary: String,
}

/// The tie between two parties.
#[derive(Debug, Clone, Serialize)]
pub struct Ties {
    /// The two parties as the store knows them.
    pub parties: [Value; 2],
    /// Month by month, oldest first (months with no event left out; events
    /// dated only by year under `YYYY`, standing ties under `standing`).
    pub months: Vec<MonthRow>,
    /// The direction of the tie.
    pub trend: Trend,
    /// The events behind the table, surest first.
    pub evidence: Vec<EventRow>,
}

/// A pair of parties and the weight of the events between them.
#[derive(Debug, Clone, Serialize)]
pub struct PairRow {
    /// The two parties.
    pub parties: [Value; 2],
    /// Events between them, either way.
    pub events: i64,
    /// Events weighted by confidence.
    pub weighted: f64,
    /// Cooperation events (PLOVER's cooperation quads).
    pub cooperation: i64,
    /// Conflict events.
    pub conflict: i64,
    /// The latest month with an event.
    pub latest: Option<String>,
}

/// One event with its sources.
#[derive(Debug, Clone, Serialize)]
pub struct EventRow {
    /// Event id in the store.
    pub id: i64,
    /// PLOVER type.
    #[serde(rename = "type")]
    pub kind: String,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// Who acts (as `analyze` prints an actor).
    pub source: Value,
    /// Who is acted on.
    pub target: Value,
    /// When: a day, or first and last day.
    pub time: Option<String>,
    /// The sources' firmest word: fact, reported, suspected, possible,
    /// denied, or disputed.
    pub certainty: String,
    /// 0–1, from the independent outlets that report it.
    pub confidence: f64,
    /// Outlets reporting it, and how many are independent of its parties.
    pub outlets: i64,
    /// See `outlets`.
    pub independent: i64,
    /// The pages that report it.
    pub articles: Vec<String>,
    /// The sentences that carry it, one per report.
    pub evidence: Vec<String>,
    /// Each report: its article and claim (for links to the sentence).
    pub reports: Vec<ReportRef>,
}

/// One report of an event.
#[derive(Debug, Clone, Serialize)]
pub struct ReportRef {
    /// Article id.
    pub article: i64,
    /// Claim id.
    pub claim: i64,
    /// Headline.
    pub title: String,
    /// The page.
    pub url: Option<String>,
    /// `YYYY-MM-DD`.
    pub published: Option<String>,
    /// The claim's certainty.
    pub certainty: String,
    /// The sentence.
    pub evidence: String,
}

/// An entity with what the store knows of it.
#[derive(Debug, Clone, Serialize)]
pub struct EntityInfo {
    /// Store id.
    pub id: String,
    /// Kind.
    pub kind: String,
    /// Name.
    pub name: String,
    /// State.
    pub state: Option<String>,
    /// Every spelling seen.
    pub names: Vec<String>,
    /// Roles with the first and last day an article gave them.
    pub roles: Vec<(String, Option<String>, Option<String>)>,
    /// Articles that name it.
    pub articles: i64,
    /// Events it is a party to.
    pub events: i64,
    /// The parties it has most events with.
    pub partners: Vec<(String, i64)>,
}

/// Filters for search.
#[derive(Debug, Clone, Default)]
pub struct SearchFilter {
    /// A party (id, state or name) that must be source or target.
    pub actor: Option<String>,
    /// Claim type.
    pub kind: Option<String>,
    /// Claim certainty.
    pub certainty: Option<String>,
    /// First day (`YYYY-MM-DD`) of the event or, undated, the article.
    pub since: Option<String>,
    /// Last day.
    pub until: Option<String>,
    /// Most hits.
    pub limit: usize,
}

/// One search hit: a claim and where it stands.
#[derive(Debug, Clone, Serialize)]
pub struct SearchHit {
    /// Claim id.
    pub claim: i64,
    /// Event id.
    pub event: Option<i64>,
    /// Claim type.
    #[serde(rename = "type")]
    pub kind: String,
    /// Source id.
    pub source: Option<String>,
    /// Target id.
    pub target: Option<String>,
    /// Certainty.
    pub certainty: String,
    /// Time value.
    pub time: Option<String>,
    /// The evidence sentence.
    pub evidence: String,
    /// Article headline.
    pub title: String,
    /// Article URL.
    pub url: Option<String>,
    /// Article date.
    pub published: Option<String>,
}

/// A party side: which event columns match it.
struct Side {
    key: String,
    by_state: bool,
}

impl Store {
    /// The store's id for a party given as an id, a state code or a name
    /// ("PRK", "north korea", "Yun Jung Ho"), with its kind and state.
    pub fn find_entity(&self, q: &str) -> Result<Option<(String, String, Option<String>)>, Error> {
        let conn = self.conn();
        let row = |r: &Row| Ok((r.get(0)?, r.get(1)?, r.get(2)?));
        let direct = conn
            .query_row(
                "SELECT e.id, e.kind, e.state FROM aliases a JOIN entities e ON e.id = a.entity
                 WHERE a.alias = ?1 OR a.alias = upper(?1) OR a.alias = lower(?1)",
                params![q],
                row,
            )
            .optional()?;
        if direct.is_some() {
            return Ok(direct);
        }
        let by_name = conn
            .query_row(
                "SELECT e.id, e.kind, e.state FROM names n JOIN entities e ON e.id = n.entity
                 WHERE n.name = ?1 COLLATE NOCASE
                 ORDER BY (e.kind = 'state') DESC, e.known DESC LIMIT 1",
                params![q],
                row,
            )
            .optional()?;
        if by_name.is_some() {
            return Ok(by_name);
        }
        // A person's name spelt another way.
        let key = keys::spelling_key(q);
        Ok(conn
            .query_row(
                "SELECT id, kind, state FROM entities WHERE kind = 'person' AND key = ?1
                 ORDER BY known DESC LIMIT 1",
                params![key],
                row,
            )
            .optional()?)
    }

    fn side(&self, q: &str) -> Result<Side, Error> {
        match self.find_entity(q)? {
            // A state, or a party of no state, is its own key; a person or body
            // of a state is matched by its own id.
            Some((id, kind, state)) => Ok(Side {
                by_state: kind == "state" || state.is_none(),
                key: id,
            }),
            None => Ok(Side {
                key: q.to_string(),
                by_state: true,
            }),
        }
    }

    /// An actor object as `analyze` prints it.
    pub(crate) fn actor(&self, id: Option<&str>) -> Result<Value, Error> {
        let Some(id) = id else { return Ok(Value::Null) };
        let found = self
            .conn()
            .query_row(
                "SELECT name, kind, state FROM entities WHERE id = ?1",
                params![id],
                |r| {
                    Ok(json!({"id": id, "name": r.get::<_, String>(0)?,
                        "kind": r.get::<_, String>(1)?, "state": r.get::<_, Option<String>>(2)?}))
                },
            )
            .optional()?;
        Ok(found.unwrap_or_else(|| json!({"id": id})))
    }

    /// The events between two parties, either way, as SQL over `events e`
    /// and its parameters (first month, last month).
    fn pair_sql(&self, a: &Side, b: &Side) -> (String, Vec<String>) {
        // (The columns the tie queries read: all in the covering index.)
        const COLS: &str = "e.id, e.type, e.mode, e.month, e.certainty, e.confidence, e.day_start";
        let col = |s: &Side, source: bool| match (s.by_state, source) {
            (true, true) => "e.src",
            (true, false) => "e.tgt",
            (false, true) => "e.source",
            (false, false) => "e.target",
        };
        // (A standing tie, of no month, counts only when no period is asked.)
        let period = "(e.month BETWEEN ?3 AND ?4
            OR (e.month IS NULL AND ?3 = '0000-00' AND ?4 = '9999-99'))";
        let sql = format!(
            "SELECT {COLS} FROM events e WHERE {} = ?1 AND {} = ?2 AND {period}
             UNION ALL
             SELECT {COLS} FROM events e WHERE {} = ?2 AND {} = ?1 AND {period} AND ?1 <> ?2",
            col(a, true),
            col(b, false),
            col(b, true),
            col(a, false)
        );
        (sql, vec![a.key.clone(), b.key.clone()])
    }

    /// The tie between `a` and `b` from month `since` to `until`
    /// (`YYYY-MM`, inclusive), with up to `evidence` events behind it.
    pub fn ties(
        &self,
        a: &str,
        b: &str,
        since: Option<&str>,
        until: Option<&str>,
        evidence: usize,
    ) -> Result<Ties, Error> {
        self.ties_of_certainty(a, b, since, until, evidence, &[])
    }

    /// As [`Store::ties`], counting only events of the given certainties
    /// (all when empty).
    pub fn ties_of_certainty(
        &self,
        a: &str,
        b: &str,
        since: Option<&str>,
        until: Option<&str>,
        evidence: usize,
        certainty: &[String],
    ) -> Result<Ties, Error> {
        let (sa, sb) = (self.side(a)?, self.side(b)?);
        let (pair, keys) = self.pair_sql(&sa, &sb);
        let since = since.unwrap_or("0000-00").to_string();
        let until = until.unwrap_or("9999-99").to_string();
        let mut bind = keys.clone();
        bind.push(since.clone());
        bind.push(until.clone());
        // (",fact,reported," — or empty for every certainty.)
        let wanted = if certainty.is_empty() {
            String::new()
        } else {
            format!(",{},", certainty.join(","))
        };
        bind.push(wanted);
        let pair = format!(
            "SELECT * FROM ({pair}) WHERE ?5 = '' OR instr(?5, ',' || certainty || ',') > 0"
        );
        let sql = format!(
            "SELECT month, type, certainty, count(*), sum(confidence), mode FROM ({pair})
             GROUP BY month, type, mode, certainty ORDER BY month"
        );
        let mut st = self.conn().prepare_cached(&sql)?;
        let mut rows = st.query(params_from_iter(bind.iter()))?;
        let mut months: Vec<MonthRow> = Vec::new();
        while let Some(r) = rows.next()? {
            let month: String = r
                .get::<_, Option<String>>(0)?
                .unwrap_or_else(|| "standing".to_string());
            let kind: String = r.get(1)?;
            let certainty: String = r.get(2)?;
            let n: i64 = r.get(3)?;
            let w: f64 = r.get(4)?;
            let mode: Option<String> = r.get(5)?;
            if months.last().is_none_or(|m| m.month != month) {
                months.push(MonthRow {
                    month: month.clone(),
                    ..MonthRow::default()
                });
            }
            let Some(m) = months.last_mut() else { continue };
            m.events += n;
            m.weighted += w;
            let quad = quad_of(&kind).unwrap_or("relation");
            *m.by_quad.entry(quad.to_string()).or_default() += n;
            if let Some(mode) = mode {
                *m.by_mode.entry(format!("{kind}:{mode}")).or_default() += n;
            }
            *m.by_type.entry(kind).or_default() += n;
            *m.by_certainty.entry(certainty).or_default() += n;
            m.balance += if quad.ends_with("cooperation") { n } else { -n };
        }
        let trend = trend(&months);
        let sql = format!(
            "SELECT id FROM ({pair}) ORDER BY confidence DESC, day_start DESC LIMIT {evidence}"
        );
        let ids: Vec<i64> = {
            let mut st = self.conn().prepare_cached(&sql)?;
            let rows = st.query_map(params_from_iter(bind.iter()), |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        let mut events = Vec::new();
        for id in ids {
            if let Some(e) = self.event(id)? {
                events.push(e);
            }
        }
        Ok(Ties {
            parties: [self.actor(Some(&sa.key))?, self.actor(Some(&sb.key))?],
            months,
            trend,
            evidence: events,
        })
    }

    /// The strongest ties in the store: pairs of parties (either way) by
    /// confidence-weighted events, with their cooperation and conflict counts.
    pub fn strongest(&self, limit: usize) -> Result<Vec<PairRow>, Error> {
        let mut st = self.conn().prepare_cached(
            "SELECT min(src, tgt), max(src, tgt), type, count(*), sum(confidence), max(month)
             FROM events WHERE src IS NOT NULL AND tgt IS NOT NULL AND src <> tgt
             GROUP BY 1, 2, 3",
        )?;
        let mut rows = st.query([])?;
        // (pair) -> (events, weighted, cooperation, latest month)
        type Tally = (i64, f64, i64, Option<String>);
        let mut pairs: BTreeMap<(String, String), Tally> = BTreeMap::new();
        while let Some(r) = rows.next()? {
            let (a, b, kind): (String, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
            let (n, w, latest): (i64, f64, Option<String>) = (r.get(3)?, r.get(4)?, r.get(5)?);
            let e = pairs.entry((a, b)).or_insert((0, 0.0, 0, None));
            e.0 += n;
            e.1 += w;
            if quad_of(&kind).is_some_and(|q| q.ends_with("cooperation")) {
                e.2 += n;
            }
            if latest > e.3 {
                e.3 = latest;
            }
        }
        let mut ranked: Vec<_> = pairs.into_iter().collect();
        ranked.sort_by(|x, y| y.1 .1.total_cmp(&x.1 .1).then(y.1 .0.cmp(&x.1 .0)));
        let mut out = Vec::with_capacity(limit);
        for ((a, b), (events, weighted, coop, latest)) in ranked.into_iter().take(limit) {
            out.push(PairRow {
                parties: [self.actor(Some(&a))?, self.actor(Some(&b))?],
                events,
                weighted: (weighted * 100.0).round() / 100.0,
                cooperation: coop,
                conflict: events - coop,
                latest,
            });
        }
        Ok(out)
    }

    /// One event with its sources.
    pub fn event(&self, id: i64) -> Result<Option<EventRow>, Error> {
        let head = self
            .conn()
            .query_row(
                "SELECT type, mode, source, target, day_start, day_end, certainty, confidence,
                    outlets, independent FROM events WHERE id = ?1",
                params![id],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, Option<String>>(1)?,
                        r.get::<_, Option<String>>(2)?,
                        r.get::<_, Option<String>>(3)?,
                        r.get::<_, Option<i64>>(4)?,
                        r.get::<_, Option<i64>>(5)?,
                        r.get::<_, String>(6)?,
                        r.get::<_, f64>(7)?,
                        r.get::<_, i64>(8)?,
                        r.get::<_, i64>(9)?,
                    ))
                },
            )
            .optional()?;
        let Some((kind, mode, source, target, s, e, certainty, confidence, outlets, independent)) =
            head
        else {
            return Ok(None);
        };
        let mut st = self.conn().prepare_cached(
            "SELECT coalesce(a.url, nullif(a.title, ''), a.outlet), c.evidence, a.id, c.id,
                a.title, a.url, a.published, c.certainty FROM claims c
             JOIN articles a ON a.id = c.article WHERE c.event = ?1 ORDER BY a.published, a.id",
        )?;
        let mut articles: Vec<String> = Vec::new();
        let mut evidence: Vec<String> = Vec::new();
        let mut reports: Vec<ReportRef> = Vec::new();
        let mut rows = st.query(params![id])?;
        while let Some(r) = rows.next()? {
            let (url, ev): (String, String) = (r.get(0)?, r.get(1)?);
            reports.push(ReportRef {
                article: r.get(2)?,
                claim: r.get(3)?,
                title: r.get(4)?,
                url: r.get(5)?,
                published: r.get(6)?,
                certainty: r.get(7)?,
                evidence: ev.clone(),
            });
            if !articles.contains(&url) {
                articles.push(url);
            }
            if !evidence.contains(&ev) {
                evidence.push(ev);
            }
        }
        let time = match (s, e) {
            (Some(s), Some(e)) if s == e => Some(keys::civil_from_days(s)),
            (Some(s), Some(e)) => Some(format!(
                "{}/{}",
                keys::civil_from_days(s),
                keys::civil_from_days(e)
            )),
            _ => None,
        };
        Ok(Some(EventRow {
            id,
            kind,
            mode,
            source: self.actor(source.as_deref())?,
            target: self.actor(target.as_deref())?,
            time,
            certainty,
            confidence: (confidence * 1000.0).round() / 1000.0,
            outlets,
            independent,
            articles,
            evidence,
            reports,
        }))
    }

    /// Calls `each` on every event, oldest first, optionally only those
    /// between two parties and of one type; streams, holding one event at a time.
    pub fn each_event(
        &self,
        between: Option<(&str, &str)>,
        kind: Option<&str>,
        mut each: impl FnMut(EventRow) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let (sql, mut bind) = match between {
            Some((a, b)) => {
                let (pair, keys) = self.pair_sql(&self.side(a)?, &self.side(b)?);
                (format!("SELECT id, type, day_start FROM ({pair})"), keys)
            }
            None => (
                "SELECT id, type, day_start FROM events e
                 WHERE (?1 <= e.month AND e.month <= ?2) OR e.month IS NULL"
                    .to_string(),
                Vec::new(),
            ),
        };
        bind.push("0000-00".into());
        bind.push("9999-99".into());
        let sql = format!(
            "SELECT id FROM ({sql}) WHERE ?{} IS NULL OR type = ?{} ORDER BY day_start, id",
            bind.len() + 1,
            bind.len() + 1
        );
        let mut params: Vec<Option<String>> = bind.into_iter().map(Some).collect();
        params.push(kind.map(str::to_string));
        let mut st = self.conn().prepare(&sql)?;
        let mut rows = st.query(params_from_iter(params.iter()))?;
        while let Some(r) = rows.next()? {
            if let Some(e) = self.event(r.get(0)?)? {
                each(e)?;
            }
        }
        Ok(())
    }

    /// What the store knows of an entity, found by id, code or any spelling.
    pub fn entity(&self, q: &str) -> Result<Option<EntityInfo>, Error> {
        let Some((id, kind, state)) = self.find_entity(q)? else {
            return Ok(None);
        };
        let conn = self.conn();
        let name: String = conn.query_row(
            "SELECT name FROM entities WHERE id = ?1",
            params![id],
            |r| r.get(0),
        )?;
        let mut st =
            conn.prepare_cached("SELECT name FROM names WHERE entity = ?1 ORDER BY name")?;
        let names = st
            .query_map(params![id], |r| r.get(0))?
            .collect::<Result<Vec<String>, _>>()?;
        let mut st = conn.prepare_cached(
            "SELECT role, min(day), max(day) FROM roles WHERE entity = ?1 GROUP BY role
             ORDER BY min(day)",
        )?;
        let roles = st
            .query_map(params![id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<Result<Vec<_>, _>>()?;
        let articles: i64 = conn.query_row(
            "SELECT count(DISTINCT article) FROM mentions WHERE entity = ?1",
            params![id],
            |r| r.get(0),
        )?;
        let by_state = kind == "state" || state.is_none();
        let (s, t) = if by_state {
            ("src", "tgt")
        } else {
            ("source", "target")
        };
        let sql = format!(
            "SELECT other, count(*) FROM (
                SELECT tgt AS other FROM events WHERE {s} = ?1
                UNION ALL SELECT src AS other FROM events WHERE {t} = ?1)
             WHERE other IS NOT NULL AND other <> ?2
             GROUP BY other ORDER BY count(*) DESC LIMIT 10"
        );
        let own = if by_state {
            id.clone()
        } else {
            state.clone().unwrap_or_default()
        };
        let mut st = conn.prepare(&sql)?;
        let partners = st
            .query_map(params![id, own], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<Vec<(String, i64)>, _>>()?;
        let events: i64 = conn.query_row(
            &format!("SELECT count(*) FROM events WHERE {s} = ?1 OR {t} = ?1"),
            params![id],
            |r| r.get(0),
        )?;
        Ok(Some(EntityInfo {
            id,
            kind,
            name,
            state,
            names,
            roles,
            articles,
            events,
            partners,
        }))
    }

    /// Claims whose evidence or headline matches a full-text query (FTS5
    /// syntax: words, "phrases", OR, prefix*), filtered: the best-ranked
    /// (BM25) among the 2,000 most recently stored matches, then, if the
    /// filters leave too few, older matches newest first.
    pub fn search(&self, query: &str, f: &SearchFilter) -> Result<Vec<SearchHit>, Error> {
        // Ranking every match of a common word is what costs, so the hits are
        // the best-ranked among the most recently stored matches; when filters
        // leave too few there, the other matches follow, newest first.
        let limit = f.limit.max(1);
        // (Both pools from one snapshot, so a concurrent ingest shifts neither.)
        let _snapshot = self.conn().unchecked_transaction()?;
        let (mut hits, looked) = self.search_among(query, f, Pool::Recent(POOL))?;
        if hits.len() < limit && looked >= POOL {
            let more = self.search_among(query, f, Pool::Older(POOL))?.0;
            hits.extend(more.into_iter().take(limit - hits.len()));
        }
        Ok(hits)
    }

    /// Search among the `Recent(k)` newest matches, ranked, or among the
    /// matches older than those, newest first; returns the hits and how many
    /// matches were looked at.
    fn search_among(
        &self,
        query: &str,
        f: &SearchFilter,
        pool: Pool,
    ) -> Result<(Vec<SearchHit>, usize), Error> {
        let (inner, order) = match pool {
            Pool::Recent(k) => (format!(" ORDER BY rowid DESC LIMIT {k}"), "t.rank"),
            Pool::Older(k) => (
                format!(" ORDER BY rowid DESC LIMIT -1 OFFSET {k}"),
                "t.id DESC",
            ),
        };
        let looked: usize = match pool {
            Pool::Recent(_) => self.conn().query_row(
                &format!(
                    "SELECT count(*) FROM (SELECT rowid FROM claim_text WHERE claim_text MATCH ?1{inner})"
                ),
                params![fts_query(query)],
                |r| r.get::<_, i64>(0),
            )? as usize,
            Pool::Older(_) => 0,
        };
        let mut sql = format!(
            "SELECT c.id, c.event, c.type, c.source, c.target, c.certainty, c.time_value,
                c.evidence, a.title, a.url, a.published
             FROM (SELECT rowid AS id, rank FROM claim_text WHERE claim_text MATCH ?1{inner}) t
             JOIN claims c ON c.id = t.id JOIN articles a ON a.id = c.article
             WHERE 1"
        );
        use rusqlite::types::Value as Sql;
        let mut bind: Vec<Sql> = vec![Sql::Text(fts_query(query))];
        if let Some(a) = &f.actor {
            let key = match self.find_entity(a)? {
                Some((id, _, _)) => id,
                None => a.clone(),
            };
            bind.push(Sql::Text(key));
            let n = bind.len();
            sql.push_str(&format!(
                " AND (c.source = ?{n} OR c.target = ?{n} OR c.source_state = ?{n} OR c.target_state = ?{n})"
            ));
        }
        if let Some(k) = &f.kind {
            bind.push(Sql::Text(k.to_uppercase()));
            sql.push_str(&format!(" AND c.type = ?{}", bind.len()));
        }
        if let Some(c) = &f.certainty {
            bind.push(Sql::Text(c.to_lowercase()));
            sql.push_str(&format!(" AND c.certainty = ?{}", bind.len()));
        }
        // (An undated claim passes the date filters.)
        if let Some((d, _)) = f.since.as_deref().and_then(keys::day_range) {
            bind.push(Sql::Integer(d));
            sql.push_str(&format!(
                " AND (c.day_end IS NULL OR c.day_end >= ?{})",
                bind.len()
            ));
        }
        if let Some((_, d)) = f.until.as_deref().and_then(keys::day_range) {
            bind.push(Sql::Integer(d));
            sql.push_str(&format!(
                " AND (c.day_start IS NULL OR c.day_start <= ?{})",
                bind.len()
            ));
        }
        sql.push_str(&format!(" ORDER BY {order} LIMIT {}", f.limit.max(1)));
        let mut st = self.conn().prepare(&sql)?;
        let params = bind;
        let rows = st.query_map(params_from_iter(params.iter()), |r| {
            Ok(SearchHit {
                claim: r.get(0)?,
                event: r.get(1)?,
                kind: r.get(2)?,
                source: r.get(3)?,
                target: r.get(4)?,
                certainty: r.get(5)?,
                time: r.get(6)?,
                evidence: r.get(7)?,
                title: r.get(8)?,
                url: r.get(9)?,
                published: r.get(10)?,
            })
        })?;
        Ok((rows.collect::<Result<_, _>>()?, looked))
    }
}

/// How many of the newest matches a search ranks.
const POOL: usize = 2000;

/// Which matches a search looks at.
#[derive(Clone, Copy)]
enum Pool {
    /// The newest k, ranked.
    Recent(usize),
    /// All but the newest k, newest first.
    Older(usize),
}

/// A user's words as an FTS5 query: kept as written when it uses FTS5 syntax
/// (quotes, OR/AND/NOT, a trailing *), else each word quoted, so that stray
/// punctuation ("Yun's", "Shahed-136") cannot make a syntax error.
pub(crate) fn fts_query(q: &str) -> String {
    let syntax = q.contains('"')
        || q.split_whitespace()
            .any(|w| matches!(w, "OR" | "AND" | "NOT") || w.ends_with('*'));
    if syntax && valid_syntax(q) {
        return q.to_string();
    }
    q.split_whitespace()
        .map(|w| format!("\"{}\"", w.replace('"', "")))
        .filter(|w| w != "\"\"")
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a query is FTS5 syntax SQLite will take: balanced quotes, and
/// outside them only operators and plain words, a prefix star at a word's end.
fn valid_syntax(q: &str) -> bool {
    if q.matches('"').count() % 2 != 0 {
        return false;
    }
    let mut outside = String::new();
    // (A quoted phrase stands as one word.)
    for (i, part) in q.split('"').enumerate() {
        outside.push_str(if i % 2 == 0 { part } else { " phrase " });
        outside.push(' ');
    }
    let words: Vec<&str> = outside.split_whitespace().collect();
    let operator = |w: &str| matches!(w, "OR" | "AND" | "NOT");
    words.iter().all(|w| {
        operator(w) || {
            let stem = w.strip_suffix('*').unwrap_or(w);
            !stem.is_empty() && stem.chars().all(char::is_alphanumeric)
        }
    }) && !words.first().is_some_and(|w| operator(w))
        && !words.last().is_some_and(|w| operator(w))
}

/// Which way the tie goes: the confidence-weighted events of the last twelve
/// months (up to the latest event) against the twelve before. "growing" when
/// the later year has at least half as many again and two more; it takes four
/// events in at least two periods to say anything.
fn trend(months: &[MonthRow]) -> Trend {
    let index = |m: &str| -> i64 {
        let y: i64 = m.get(..4).and_then(|s| s.parse().ok()).unwrap_or(0);
        let mo: i64 = m.get(5..7).and_then(|s| s.parse().ok()).unwrap_or(1);
        y * 12 + mo - 1
    };
    let name = |i: i64| format!("{:04}-{:02}", i / 12, i % 12 + 1);
    // (Standing ties belong to no period.)
    let dated: Vec<&MonthRow> = months.iter().filter(|m| m.month != "standing").collect();
    let last = dated.last().map_or(0, |m| index(&m.month));
    // The last twelve months with events against the twelve before them.
    let mid = last - 11;
    let first = mid - 12;
    let (mut early, mut late, mut events, mut periods) = (0.0, 0.0, 0, 0);
    for m in &dated {
        let i = index(&m.month);
        if i < first {
            continue;
        }
        if i >= mid {
            late += m.weighted;
        } else {
            early += m.weighted;
        }
        events += m.events;
        periods += 1;
    }
    let earlier = (name(first), name(mid - 1), (early * 10.0).round() / 10.0);
    let later = (name(mid), name(last), (late * 10.0).round() / 10.0);
    if periods < 2 || events < 4 {
        return Trend {
            direction: "unknown".into(),
            summary: format!(
                "{events} event(s) in {periods} period(s) of the two years to {}: too few to tell a direction",
                name(last)
            ),
            earlier,
            later,
        };
    }
    let direction = if late >= early * 1.5 && late - early >= 2.0 {
        "growing"
    } else if early >= late * 1.5 && early - late >= 2.0 {
        "shrinking"
    } else {
        "steady"
    };
    Trend {
        direction: direction.into(),
        summary: format!(
            "{direction}: {} weighted events in {}..{} against {} in {}..{}",
            later.2, later.0, later.1, earlier.2, earlier.0, earlier.1
        ),
        earlier,
        later,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(month: &str, events: i64) -> MonthRow {
        MonthRow {
            month: month.into(),
            events,
            weighted: events as f64,
            ..MonthRow::default()
        }
    }

    #[test]
    fn trends_need_enough_events_and_a_clear_change() {
        assert_eq!(trend(&[m("2024-04", 9)]).direction, "unknown");
        assert_eq!(
            trend(&[m("2023-01", 1), m("2024-06", 6)]).direction,
            "growing"
        );
        assert_eq!(
            trend(&[m("2023-01", 6), m("2024-06", 1)]).direction,
            "shrinking"
        );
        assert_eq!(
            trend(&[m("2023-01", 3), m("2024-06", 4)]).direction,
            "steady"
        );
        // Events older than two years weigh on neither side.
        assert_eq!(
            trend(&[m("2010-01", 9), m("2024-05", 1), m("2024-06", 1)]).direction,
            "unknown"
        );
    }

    #[test]
    fn stray_punctuation_is_no_query_syntax() {
        assert_eq!(fts_query("Shahed-136 Yun's"), "\"Shahed-136\" \"Yun's\"");
        assert_eq!(fts_query("drone*"), "drone*");
        assert_eq!(
            fts_query("\"arms trade\" OR drone*"),
            "\"arms trade\" OR drone*"
        );
        // Broken syntax falls back to quoted words, never an SQL error.
        assert_eq!(fts_query("Yun's drone*"), "\"Yun's\" \"drone*\"");
        assert_eq!(fts_query("\"unbalanced"), "\"unbalanced\"");
        assert_eq!(fts_query("OR"), "\"OR\"");
    }
}
