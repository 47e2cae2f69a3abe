//! Events: the claims of several articles that report one thing, and how sure
//! the sources together make it.

use std::collections::HashMap;
use std::sync::OnceLock;

use rusqlite::{params, OptionalExtension, Transaction};

use crate::keys;
use crate::record::{ClaimRecord, Party};
use crate::Error;

/// Types of which "A with B" and "B with A" are one event.
const MUTUAL: &[&str] = &["CONSULT", "COOPERATE", "AGREE", "ALLY"];
/// Relations between entities rather than events: never merged into events.
const RELATIONS: &[&str] = &["ALLY", "PRODUCES", "OPERATES", "DERIVED_FROM"];
/// Days two reports of one event may be apart.
const SLACK: i64 = 3;
/// Times longer than this ("since 2022", "this year") are too vague to merge
/// on; such a claim joins only an event of exactly its days.
const PRECISE: i64 = 62;

/// What a claim brings to event matching.
pub(crate) struct ClaimKey<'a> {
    pub kind: &'a str,
    pub source: Option<String>,
    pub target: Option<String>,
    pub symmetric: bool,
    pub days: Option<(i64, i64)>,
    pub items: &'a [String],
}

/// The PLOVER quad category of a type (`verbal-cooperation`,
/// `material-cooperation`, `verbal-conflict`, `material-conflict`), from
/// `data/store/plover-types.tsv`; None for relations.
pub fn quad_of(kind: &str) -> Option<&'static str> {
    static QUADS: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    QUADS
        .get_or_init(|| two_columns(include_str!("../../../data/store/plover-types.tsv")))
        .get(kind)
        .copied()
}

/// The sixteen PLOVER event types, in the order of `data/store/plover-types.tsv`
/// (cooperation first).
pub fn event_types() -> &'static [&'static str] {
    static TYPES: OnceLock<Vec<&'static str>> = OnceLock::new();
    TYPES.get_or_init(|| {
        include_str!("../../../data/store/plover-types.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .skip(1)
            .filter_map(|l| l.split('\t').next())
            .collect()
    })
}

/// The state whose own outlet a domain is (`data/store/state-media.tsv`).
fn state_outlet(outlet: &str) -> Option<&'static str> {
    static MEDIA: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    MEDIA
        .get_or_init(|| two_columns(include_str!("../../../data/store/state-media.tsv")))
        .get(outlet)
        .copied()
}

/// A two-column TSV data file as a map, past its comments and header line.
fn two_columns(src: &'static str) -> HashMap<&'static str, &'static str> {
    src.lines()
        .filter(|l| !l.starts_with('#'))
        .skip(1)
        .filter_map(|l| l.split_once('\t'))
        .collect()
}

/// Finds the event a claim reports, or starts one. Returns the event (None for
/// relations and claims with no party) and whether it existed already.
pub(crate) fn place(
    tx: &Transaction,
    k: &ClaimKey,
    source: Option<&Party>,
    target: Option<&Party>,
    c: &ClaimRecord,
) -> Result<(Option<i64>, bool), Error> {
    if RELATIONS.contains(&k.kind) || (k.source.is_none() && k.target.is_none()) {
        return Ok((None, false));
    }
    let mutual = k.symmetric || MUTUAL.contains(&k.kind);
    if let Some((start, end)) = k.days {
        let mut st = tx.prepare_cached(
            "SELECT id, day_start, day_end, items FROM events
             WHERE type = ?1
               AND ((src IS ?2 AND tgt IS ?3) OR (?4 AND src IS ?3 AND tgt IS ?2))
               AND day_start <= ?6 + ?7 AND day_end >= ?5 - ?7
             ORDER BY id",
        )?;
        let rows = st.query_map(
            params![k.kind, k.source, k.target, mutual, start, end, SLACK],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, String>(3)?,
                ))
            },
        )?;
        let precise = end - start <= PRECISE;
        for row in rows {
            let (id, s, e, items) = row?;
            let same_days = s == start && e == end;
            if !(same_days || (precise && e - s <= PRECISE)) {
                continue;
            }
            let have: Vec<&str> = items.split(',').filter(|i| !i.is_empty()).collect();
            let compatible = have.is_empty()
                || k.items.is_empty()
                || k.items.iter().any(|i| have.contains(&i.as_str()));
            if !compatible {
                continue;
            }
            // The narrower days win; the items add up.
            let (ns, ne) = if end - start < e - s {
                (start, end)
            } else {
                (s, e)
            };
            let mut all: Vec<String> = have.iter().map(|s| s.to_string()).collect();
            for i in k.items {
                if !all.contains(i) {
                    all.push(i.clone());
                }
            }
            tx.execute(
                "UPDATE events SET day_start = ?2, day_end = ?3, month = ?4, items = ?5
                 WHERE id = ?1",
                params![id, ns, ne, period_of(ns, ne), all.join(",")],
            )?;
            return Ok((Some(id), true));
        }
    }
    tx.execute(
        "INSERT INTO events(type, mode, src, tgt, source, target, symmetric, day_start,
            day_end, month, items, certainty, confidence, claims, outlets, independent)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 0, 0, 0, 0)",
        params![
            k.kind,
            c.mode,
            k.source,
            k.target,
            source.map(|p| &p.id),
            target.map(|p| &p.id),
            mutual,
            k.days.map(|d| d.0),
            k.days.map(|d| d.1),
            k.days.and_then(|d| period_of(d.0, d.1)),
            k.items.join(","),
            c.certainty,
        ],
    )?;
    Ok((Some(tx.last_insert_rowid()), false))
}

/// The period an event is counted in: its month when its days lie within two
/// months or so, its year when they lie within one calendar year, else none
/// (a standing tie, "since the 1980s", belongs to no month).
fn period_of(start: i64, end: i64) -> Option<String> {
    let (s, e) = (keys::civil_from_days(start), keys::civil_from_days(end));
    if end - start <= PRECISE {
        Some(s[..7].to_string())
    } else if s[..4] == e[..4] {
        Some(s[..4].to_string())
    } else {
        None
    }
}

/// How much one outlet's report adds: a firm report more than a hedged one.
fn weight(certainty: &str) -> f64 {
    match certainty {
        "fact" => 0.8,
        "reported" => 0.6,
        "suspected" => 0.35,
        "possible" => 0.2,
        _ => 0.0,
    }
}

fn rank(certainty: &str) -> u8 {
    match certainty {
        "fact" => 4,
        "reported" => 3,
        "suspected" => 2,
        "possible" => 1,
        _ => 0,
    }
}

/// How sure the sources together make an event.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Confidence {
    /// The firmest word of any report ("disputed" when one affirms and another
    /// denies, "denied" when all deny).
    pub certainty: String,
    /// 0–1: one minus the chance that every independent outlet is wrong,
    /// each outlet weighted by its firmest report; a party's own word (its
    /// state media, its officials) counts half and as no independent source.
    pub confidence: f64,
    /// Outlets reporting it.
    pub outlets: i64,
    /// Outlets independent of its parties.
    pub independent: i64,
}

/// Scores an event from its reports: (outlet, certainty, attribution state,
/// attribution kind) and its two party keys.
pub(crate) fn score(
    reports: &[(String, String, Option<String>, Option<String>)],
    src: Option<&str>,
    tgt: Option<&str>,
) -> Confidence {
    let party = |st: Option<&str>| st.is_some() && (st == src || st == tgt);
    let mut best: HashMap<&str, (f64, bool)> = HashMap::new();
    let (mut affirmed, mut denied, mut top) = (false, false, 0u8);
    let mut label = "";
    for (outlet, certainty, attr_state, attr_kind) in reports {
        if certainty == "denied" {
            denied = true;
            continue;
        }
        affirmed = true;
        if label.is_empty() {
            label = certainty;
        }
        if rank(certainty) > top {
            top = rank(certainty);
            label = certainty;
        }
        // The party's own word: its state's outlet, or its government or
        // media as the source of the report.
        let own = party(state_outlet(outlet))
            || (party(attr_state.as_deref())
                && matches!(attr_kind.as_deref(), Some("state" | "organization")));
        let w = weight(certainty) * if own { 0.5 } else { 1.0 };
        let e = best.entry(outlet.as_str()).or_insert((0.0, true));
        if w > e.0 {
            e.0 = w;
        }
        e.1 &= own;
    }
    let certainty = match (affirmed, denied) {
        (true, true) => "disputed",
        (true, false) => label,
        _ => "denied",
    };
    let miss: f64 = best.values().map(|(w, _)| 1.0 - w).product();
    let outlets = reports
        .iter()
        .map(|r| r.0.as_str())
        .collect::<std::collections::HashSet<_>>()
        .len() as i64;
    Confidence {
        certainty: certainty.to_string(),
        confidence: if affirmed { 1.0 - miss } else { 0.0 },
        outlets,
        independent: best.values().filter(|(_, own)| !own).count() as i64,
    }
}

/// Recomputes an event's certainty and counts from all its claims.
pub(crate) fn refresh(tx: &Transaction, event: i64) -> Result<(), Error> {
    let (src, tgt): (Option<String>, Option<String>) = tx
        .query_row(
            "SELECT src, tgt FROM events WHERE id = ?1",
            params![event],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .unwrap_or((None, None));
    let mut st = tx.prepare_cached(
        "SELECT a.outlet, c.certainty, c.attribution_state, c.attribution_kind
         FROM claims c JOIN articles a ON a.id = c.article WHERE c.event = ?1",
    )?;
    let reports = st
        .query_map(params![event], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let s = score(&reports, src.as_deref(), tgt.as_deref());
    tx.execute(
        "UPDATE events SET certainty = ?2, confidence = ?3, claims = ?4, outlets = ?5,
            independent = ?6 WHERE id = ?1",
        params![
            event,
            s.certainty,
            s.confidence,
            reports.len() as i64,
            s.outlets,
            s.independent
        ],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(
        outlet: &str,
        c: &str,
        st: Option<&str>,
        kind: Option<&str>,
    ) -> (String, String, Option<String>, Option<String>) {
        (
            outlet.into(),
            c.into(),
            st.map(Into::into),
            kind.map(Into::into),
        )
    }

    #[test]
    fn independent_outlets_make_an_event_surer() {
        let one = score(
            &[r("a.com", "reported", None, None)],
            Some("PRK"),
            Some("IRN"),
        );
        let two = score(
            &[
                r("a.com", "reported", None, None),
                r("b.com", "reported", None, None),
            ],
            Some("PRK"),
            Some("IRN"),
        );
        assert!(two.confidence > one.confidence);
        assert_eq!(two.independent, 2);
        // A party's state media is its own word: half weight, not independent.
        let own = score(
            &[r("kcna.kp", "fact", None, None)],
            Some("PRK"),
            Some("IRN"),
        );
        assert_eq!(own.independent, 0);
        assert!(
            own.confidence
                < score(&[r("a.com", "fact", None, None)], Some("PRK"), Some("IRN")).confidence
        );
        // So is a report that cites the party's government.
        let cited = score(
            &[r("a.com", "reported", Some("PRK"), Some("organization"))],
            Some("PRK"),
            Some("IRN"),
        );
        assert_eq!(cited.independent, 0);
    }

    #[test]
    fn denials_dispute_or_deny() {
        let d = score(
            &[r("a.com", "denied", None, None)],
            Some("IRN"),
            Some("RUS"),
        );
        assert_eq!(d.certainty, "denied");
        assert_eq!(d.confidence, 0.0);
        let both = score(
            &[
                r("a.com", "denied", None, None),
                r("b.com", "suspected", None, None),
            ],
            Some("IRN"),
            Some("RUS"),
        );
        assert_eq!(both.certainty, "disputed");
    }

    #[test]
    fn quads_come_from_the_data_file() {
        assert_eq!(quad_of("AID"), Some("material-cooperation"));
        assert_eq!(quad_of("ACCUSE"), Some("verbal-conflict"));
        assert_eq!(quad_of("ALLY"), None);
        assert_eq!(event_types().len(), 16);
        assert_eq!(event_types()[0], "AGREE");
    }
}
