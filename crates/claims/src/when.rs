//! When a claim happened: the time expression it takes and the ISO 8601
//! value or interval that expression gives it.

use std::ops::Range;

use dyad_language::{Annotated, Span, TimeExpr, TimeType};

use crate::{sentence_index, Claim};

/// The time expression of a claim whose verb stands at byte `at` of sentence
/// `s`; `times` are the sentence's time expressions (indices into
/// `a.times`), `out` the claims coded before it. The calendar time in the
/// sentence nearest the verb; with none, the time of the last event told in
/// the three sentences before ("Russia attacked Ukraine on Monday, … since
/// the invasion began in February 2022. The air force said Russia had
/// launched 127 missiles" is Monday's), else the last date told there.
pub(crate) fn claim_time(
    a: &Annotated,
    out: &[Claim],
    s: Span,
    at: usize,
    times: Range<usize>,
) -> Option<usize> {
    let (t_lo, t_hi) = (times.start, times.end);
    (t_lo..t_hi)
        .filter(|&i| a.times[i].span.end <= s.end && calendar_time(&a.times[i]))
        .min_by_key(|&i| a.times[i].span.start.abs_diff(at))
        .or_else(|| {
            let here = sentence_index(a, s.start);
            out.iter()
                .rev()
                .take_while(|o| sentence_index(a, o.evidence.start) + 3 >= here)
                .find_map(|o| o.time)
        })
        .or_else(|| {
            let here = sentence_index(a, s.start);
            let from = a.sentences[here.saturating_sub(3)].start;
            let p_lo = a.times.partition_point(|t| t.span.start < from);
            (p_lo..t_lo).rev().find(|&i| calendar_time(&a.times[i]))
        })
}

/// A time that places an event on the calendar: a date or time of day with
/// a value ("2024-04-23", "2023-07"), not a duration, set or "now".
fn calendar_time(t: &TimeExpr) -> bool {
    matches!(t.kind, TimeType::Date | TimeType::Time)
        && t.value
            .as_deref()
            .is_some_and(|v| v.starts_with(|c: char| c.is_ascii_digit()))
}

/// The last day of a period value (`2023` → `2023-12-31`, `2024-02` → `2024-02-29`).
pub(crate) fn period_end(v: &str) -> Option<String> {
    let parts: Vec<&str> = v.split('-').collect();
    let y: i32 = parts.first()?.parse().ok()?;
    if parts.first()?.len() != 4 {
        return None;
    }
    match parts.len() {
        1 => Some(format!("{y:04}-12-31")),
        2 => {
            let m: u32 = parts[1].parse().ok()?;
            let d = dyad_language::calendar::days_in_month(y, m);
            (d > 0).then(|| format!("{y:04}-{m:02}-{d:02}"))
        }
        _ => Some(v.to_string()),
    }
}

/// The time of a claim: a "since X" in its sentence opens an interval that the
/// next date closes; "by (the end of) X" closes an open one; otherwise the value
/// of the claim's time expression.
pub(crate) fn when_of(
    text: &str,
    a: &Annotated,
    time: Option<usize>,
    sentence_times: &[TimeExpr],
) -> Option<String> {
    // (Over an article: "since the autumn of 2022".)
    let word_before = |start: usize| {
        let mut words = text[..start]
            .trim_end()
            .rsplit(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase);
        match words.next() {
            Some(w) if w == "the" => words.next().unwrap_or_default(),
            w => w.unwrap_or_default(),
        }
    };
    let in_sentence: Vec<&TimeExpr> = sentence_times
        .iter()
        .filter(|t| t.value.is_some())
        .collect();
    if let Some(pos) = in_sentence
        .iter()
        .position(|t| word_before(t.span.start) == "since")
    {
        let mut start = in_sentence[pos].value.clone()?;
        // A decade ("the 1980s" → "198") starts with its first year, a
        // season ("2022-FA") with its first month.
        if start.len() == 3 && start.chars().all(|c| c.is_ascii_digit()) {
            start.push('0');
        }
        if let Some((year, season)) = start.split_once('-') {
            let month = match season {
                "SP" => Some("03"),
                "SU" => Some("06"),
                "FA" => Some("09"),
                "WI" => Some("12"),
                _ => None,
            };
            if let Some(m) = month {
                start = format!("{year}-{m}");
            }
        }
        // Until the next date told, or until the report.
        // (A month or day: "… in February this year"; a bare "this year"
        // is when the report places it, not an end.)
        let end = in_sentence[pos + 1..]
            .iter()
            .find(|t| t.kind == TimeType::Date)
            .and_then(|t| t.value.clone())
            .filter(|v| v.len() >= 7)
            .or_else(|| a.published.clone())
            .unwrap_or_default();
        return Some(format!("{start}/{end}"));
    }
    let t = a.times.get(time?)?;
    let v = t.value.clone()?;
    // (The day of "Monday evening": claims are dated, not timed.)
    let v = match v.split_once('T') {
        Some((day, _)) if day.len() == 10 => day.to_string(),
        _ => v,
    };
    if word_before(t.span.start) == "by" && v.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return period_end(&v).map(|e| format!("/{e}"));
    }
    // "between Oct. 8 and 13", "between March and May": an interval.
    if word_before(t.span.start) == "between" {
        let rest = text.get(t.span.end..).unwrap_or("");
        if let Some(after_and) = rest.trim_start().strip_prefix("and ") {
            let gap = t.span.end + (rest.len() - after_and.len());
            let end = sentence_times
                .iter()
                .find(|u| u.span.start == gap)
                .and_then(|u| u.value.clone())
                .or_else(|| {
                    // A bare day of the same month: "Oct. 8 and 13".
                    let day: String = after_and.chars().take_while(char::is_ascii_digit).collect();
                    let d: u32 = day.parse().ok()?;
                    (v.len() == 10 && (1..=31).contains(&d)).then(|| format!("{}-{d:02}", &v[..7]))
                });
            if let Some(end) = end {
                return Some(format!("{v}/{end}"));
            }
        }
    }
    Some(v)
}
