//! What the reader pages show: one article with its entities and claims, an
//! entity's claims and relations, articles by full text, the network of
//! states, the latest events.

use rusqlite::{params, params_from_iter, OptionalExtension};
use serde::Serialize;
use serde_json::Value;

use crate::events::quad_of;
use crate::{keys, Error, EventRow, Store};

/// An article as the reader shows it.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleView {
    /// Store id.
    pub id: i64,
    /// Headline.
    pub title: String,
    /// URL.
    pub url: Option<String>,
    /// Outlet (host).
    pub outlet: String,
    /// `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Byline.
    pub authors: String,
    /// The text that offsets index (characters).
    pub text: String,
    /// Entity mentions, in text order.
    pub mentions: Vec<MentionView>,
    /// Claims, in text order.
    pub claims: Vec<ClaimView>,
    /// Articles that report the same events, most shared first.
    pub related: Vec<ArticleRef>,
}

/// A mention of an entity.
#[derive(Debug, Clone, Serialize)]
pub struct MentionView {
    /// Start (characters).
    pub start: usize,
    /// End (characters).
    pub end: usize,
    /// Entity id.
    pub entity: String,
    /// Entity kind.
    pub kind: String,
}

/// A claim as the reader shows it.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimView {
    /// Claim id.
    pub id: i64,
    /// Article id.
    pub article: i64,
    /// Event id.
    pub event: Option<i64>,
    /// PLOVER type.
    #[serde(rename = "type")]
    pub kind: String,
    /// Mode.
    pub mode: Option<String>,
    /// Source id and name.
    pub source: Option<(String, String)>,
    /// Target id and name.
    pub target: Option<(String, String)>,
    /// Certainty.
    pub certainty: String,
    /// Who says so (id and name).
    pub attribution: Option<(String, String)>,
    /// Time value.
    pub time: Option<String>,
    /// Evidence start and end (characters).
    pub start: usize,
    /// See `start`.
    pub end: usize,
    /// The evidence.
    pub evidence: String,
}

/// An entity's claims as source, as target, and its relations.
pub type EntityClaims = (Vec<ClaimView>, Vec<ClaimView>, Vec<ClaimView>);

/// An article in a list.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleRef {
    /// Store id (what `/articles/{id}` takes).
    pub id: i64,
    /// Headline.
    pub title: String,
    /// URL.
    pub url: Option<String>,
    /// `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Outlet.
    pub outlet: String,
    /// Why it is listed: shared events, or matching claims' evidence.
    pub note: String,
}

/// A tie in the network.
#[derive(Debug, Clone, Serialize)]
pub struct Edge {
    /// One party's key.
    pub a: String,
    /// The other's.
    pub b: String,
    /// Events between them, either way.
    pub events: i64,
    /// Weighted by confidence.
    pub weighted: f64,
    /// Cooperation events.
    pub cooperation: i64,
}

/// Filters for the article search.
#[derive(Debug, Clone, Default)]
pub struct ArticleFilter {
    /// A party the article's claims name.
    pub actor: Option<String>,
    /// A claim type the article has.
    pub kind: Option<String>,
    /// A claim certainty the article has.
    pub certainty: Option<String>,
    /// First publication day.
    pub since: Option<String>,
    /// Last publication day.
    pub until: Option<String>,
    /// Most results.
    pub limit: usize,
}

/// An article reference from a row of (id, title, url, published, outlet).
fn article_ref(r: &rusqlite::Row, note: String) -> rusqlite::Result<ArticleRef> {
    Ok(ArticleRef {
        id: r.get(0)?,
        title: r.get(1)?,
        url: r.get(2)?,
        published: r.get(3)?,
        outlet: r.get(4)?,
        note,
    })
}

fn pair(id: Option<String>, name: Option<String>) -> Option<(String, String)> {
    id.map(|i| {
        let n = name.unwrap_or_else(|| i.clone());
        (i, n)
    })
}

impl Store {
    /// One article with its mentions, claims and related articles.
    pub fn article(&self, id: i64) -> Result<Option<ArticleView>, Error> {
        let conn = self.conn();
        let head = conn
            .query_row(
                "SELECT title, url, outlet, published, coalesce(authors, ''), text
                 FROM articles WHERE id = ?1",
                params![id],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, Option<String>>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, Option<String>>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, String>(5)?,
                    ))
                },
            )
            .optional()?;
        let Some((title, url, outlet, published, authors, text)) = head else {
            return Ok(None);
        };
        let mut st = conn.prepare_cached(
            "SELECT m.start, m.end, m.entity, coalesce(e.kind, '')
             FROM mentions m LEFT JOIN entities e ON e.id = m.entity
             WHERE m.article = ?1 ORDER BY m.start, m.end DESC",
        )?;
        let mentions = st
            .query_map(params![id], |r| {
                Ok(MentionView {
                    start: r.get::<_, i64>(0)?.max(0) as usize,
                    end: r.get::<_, i64>(1)?.max(0) as usize,
                    entity: r.get(2)?,
                    kind: r.get(3)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let claims = self.claims_where("c.article = ?1 ORDER BY c.ev_start", &[&id])?;
        let mut st = conn.prepare_cached(
            "SELECT a.id, a.title, a.url, a.published, a.outlet, count(DISTINCT c2.event)
             FROM claims c1 JOIN claims c2 ON c2.event = c1.event AND c2.article <> c1.article
             JOIN articles a ON a.id = c2.article
             WHERE c1.article = ?1 AND c1.event IS NOT NULL
             GROUP BY a.id ORDER BY 6 DESC, a.published DESC LIMIT 8",
        )?;
        let related = st
            .query_map(params![id], |r| {
                let n: i64 = r.get(5)?;
                article_ref(r, format!("{n} shared event(s)"))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Some(ArticleView {
            id,
            title,
            url,
            outlet,
            published,
            authors,
            text,
            mentions,
            claims,
            related,
        }))
    }

    /// Claims matching a condition on `claims c` (with `?1`… bound to `args`).
    fn claims_where(
        &self,
        cond: &str,
        args: &[&dyn rusqlite::ToSql],
    ) -> Result<Vec<ClaimView>, Error> {
        let sql = format!(
            "SELECT c.id, c.article, c.event, c.type, c.mode, c.source, s.name, c.target, t.name,
                c.certainty, c.attribution, at.name, c.time_value, c.ev_start, c.ev_end, c.evidence
             FROM claims c
             LEFT JOIN entities s ON s.id = c.source
             LEFT JOIN entities t ON t.id = c.target
             LEFT JOIN entities at ON at.id = c.attribution
             WHERE {cond}"
        );
        let mut st = self.conn().prepare_cached(&sql)?;
        let rows = st.query_map(args, |r| {
            Ok(ClaimView {
                id: r.get(0)?,
                article: r.get(1)?,
                event: r.get(2)?,
                kind: r.get(3)?,
                mode: r.get(4)?,
                source: pair(r.get(5)?, r.get(6)?),
                target: pair(r.get(7)?, r.get(8)?),
                certainty: r.get(9)?,
                attribution: pair(r.get(10)?, r.get(11)?),
                time: r.get(12)?,
                start: r.get::<_, i64>(13)?.max(0) as usize,
                end: r.get::<_, i64>(14)?.max(0) as usize,
                evidence: r.get(15)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// An entity's claims as source and as target (newest articles first, up
    /// to `limit` each), and the relations it is in (producer, operator,
    /// lineage, alliance).
    pub fn entity_claims(&self, id: &str, limit: usize) -> Result<EntityClaims, Error> {
        let lim = limit as i64;
        let as_source = self.claims_where(
            "c.source = ?1 AND c.type NOT IN ('ALLY','PRODUCES','OPERATES','DERIVED_FROM')
             ORDER BY c.article DESC, c.id LIMIT ?2",
            &[&id, &lim],
        )?;
        let as_target = self.claims_where(
            "c.target = ?1 AND c.type NOT IN ('ALLY','PRODUCES','OPERATES','DERIVED_FROM')
             ORDER BY c.article DESC, c.id LIMIT ?2",
            &[&id, &lim],
        )?;
        let relations = self.claims_where(
            "(c.source = ?1 OR c.target = ?1)
               AND c.type IN ('ALLY','PRODUCES','OPERATES','DERIVED_FROM')
             ORDER BY c.type, c.article DESC LIMIT ?2",
            &[&id, &lim],
        )?;
        Ok((as_source, as_target, relations))
    }

    /// Articles whose text matches a full-text query, filtered, newest first.
    pub fn search_articles(&self, q: &str, f: &ArticleFilter) -> Result<Vec<ArticleRef>, Error> {
        use rusqlite::types::Value as Sql;
        let mut sql = String::from(
            "SELECT a.id, a.title, a.url, a.published, a.outlet
             FROM (SELECT rowid AS id FROM article_text WHERE article_text MATCH ?1
                   ORDER BY rowid DESC) m
             JOIN articles a ON a.id = m.id WHERE 1",
        );
        let mut bind: Vec<Sql> = vec![Sql::Text(crate::query::fts_query(q))];
        let mut claim_conds: Vec<String> = Vec::new();
        if let Some(a) = &f.actor {
            let key = self.find_entity(a)?.map_or(a.clone(), |e| e.0);
            bind.push(Sql::Text(key));
            let n = bind.len();
            claim_conds.push(format!(
                "(c.source = ?{n} OR c.target = ?{n} OR c.source_state = ?{n} OR c.target_state = ?{n})"
            ));
        }
        if let Some(k) = &f.kind {
            bind.push(Sql::Text(k.to_uppercase()));
            claim_conds.push(format!("c.type = ?{}", bind.len()));
        }
        if let Some(c) = &f.certainty {
            bind.push(Sql::Text(c.to_lowercase()));
            claim_conds.push(format!("c.certainty = ?{}", bind.len()));
        }
        if !claim_conds.is_empty() {
            sql.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM claims c WHERE c.article = a.id AND {})",
                claim_conds.join(" AND ")
            ));
        }
        // (A month or year covers all its days: "until 2024-05" keeps May.)
        if let Some((d, _)) = f.since.as_deref().and_then(keys::day_range) {
            bind.push(Sql::Text(keys::civil_from_days(d)));
            sql.push_str(&format!(" AND a.published >= ?{}", bind.len()));
        }
        if let Some((_, d)) = f.until.as_deref().and_then(keys::day_range) {
            bind.push(Sql::Text(keys::civil_from_days(d)));
            sql.push_str(&format!(" AND a.published <= ?{}", bind.len()));
        }
        sql.push_str(&format!(
            " ORDER BY a.published DESC, a.id DESC LIMIT {}",
            f.limit.max(1)
        ));
        let mut st = self.conn().prepare(&sql)?;
        let rows = st.query_map(params_from_iter(bind.iter()), |r| {
            article_ref(r, String::new())
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The latest events, newest first.
    pub fn latest_events(&self, limit: usize) -> Result<Vec<EventRow>, Error> {
        let mut st = self.conn().prepare_cached(
            "SELECT id FROM events WHERE month IS NOT NULL AND length(month) = 7
             ORDER BY day_start DESC, id DESC LIMIT ?1",
        )?;
        let ids = st
            .query_map(params![limit as i64], |r| r.get::<_, i64>(0))?
            .collect::<Result<Vec<_>, _>>()?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            out.extend(self.event(id)?);
        }
        Ok(out)
    }

    /// The latest month with an event (`YYYY-MM`).
    pub fn latest_month(&self) -> Result<Option<String>, Error> {
        Ok(self.conn().query_row(
            "SELECT max(month) FROM events WHERE length(month) = 7",
            [],
            |r| r.get(0),
        )?)
    }

    /// The network of ties between states: events between each pair (either
    /// way) from month `since` to `until`, of the given types (all when
    /// empty), the strongest `limit` pairs.
    pub fn network(
        &self,
        since: &str,
        until: &str,
        types: &[String],
        limit: usize,
    ) -> Result<Vec<Edge>, Error> {
        let mut st = self.conn().prepare_cached(
            "SELECT min(e.src, e.tgt), max(e.src, e.tgt), e.type, count(*), sum(e.confidence)
             FROM events e
             JOIN entities a ON a.id = e.src AND a.kind = 'state'
             JOIN entities b ON b.id = e.tgt AND b.kind = 'state'
             WHERE e.src <> e.tgt AND e.month BETWEEN ?1 AND ?2
             GROUP BY 1, 2, 3",
        )?;
        let mut rows = st.query(params![since, until])?;
        let mut edges: std::collections::BTreeMap<(String, String), Edge> = Default::default();
        while let Some(r) = rows.next()? {
            let (a, b, kind): (String, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
            if !types.is_empty() && !types.iter().any(|t| t.eq_ignore_ascii_case(&kind)) {
                continue;
            }
            let (n, w): (i64, f64) = (r.get(3)?, r.get(4)?);
            let e = edges.entry((a.clone(), b.clone())).or_insert(Edge {
                a,
                b,
                events: 0,
                weighted: 0.0,
                cooperation: 0,
            });
            e.events += n;
            e.weighted += w;
            if quad_of(&kind).is_some_and(|q| q.ends_with("cooperation")) {
                e.cooperation += n;
            }
        }
        let mut v: Vec<Edge> = edges.into_values().collect();
        v.sort_by(|x, y| y.weighted.total_cmp(&x.weighted));
        v.truncate(limit);
        Ok(v)
    }

    /// A party as `analyze` prints an actor (for pages and the API).
    pub fn actor_json(&self, id: &str) -> Result<Value, Error> {
        self.actor(Some(id))
    }
}
