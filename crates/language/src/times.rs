//! Time expressions: recognition and TimeML normalisation against the
//! publication date.
//!
//! A rule engine over tokens, with the words in `data/language/time-words.txt`.
//! Each position tries every rule and keeps the longest match. Values follow
//! TimeML/ISO 8601: `2024-04-23`, `2024-02`, `2019`, `2013-W12`, `2024-SU`,
//! `2024-Q1`, `199` (a decade), `19` (a century), `P3M`, `PXY`, `PT3H7M35S`,
//! `XXXX-WXX` (a set), `PRESENT_REF`. Expressions relative to the publication
//! date get no value when no date is known. Weekdays and bare months are resolved
//! by the tense of their sentence: past by default in news, future when the
//! sentence carries a future cue ("will", "scheduled", "until", …).

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Serialize;

use crate::calendar::Date;
use crate::text::Span;
use crate::tokens::{Token, TokenKind};

/// TimeML type of a time expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimeType {
    /// A calendar date or period.
    Date,
    /// A time of day.
    Time,
    /// A length of time.
    Duration,
    /// A recurrence.
    Set,
}

/// Where in the named period the expression points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimeMod {
    /// Its start ("early 2011", "the beginning of the year").
    Start,
    /// Its middle ("mid-June").
    Mid,
    /// Its end ("late last year", "the end of the month").
    End,
}

/// One time expression.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimeExpr {
    /// Where it is (bytes).
    pub span: Span,
    /// TimeML type.
    pub kind: TimeType,
    /// TimeML value, when it can be normalised.
    pub value: Option<String>,
    /// Part of the period meant.
    pub modifier: Option<TimeMod>,
}

struct Words {
    months: HashMap<String, u32>,
    weekdays: HashMap<String, u32>,
    numbers: HashMap<String, f64>,
    ordinals: HashMap<String, u32>,
    units: HashMap<String, (bool, u32, char)>,
    seasons: HashMap<String, String>,
    parts: HashMap<String, String>,
    vague: HashMap<String, String>,
    present: HashMap<String, String>,
    future: Vec<String>,
}

fn words() -> &'static Words {
    static W: OnceLock<Words> = OnceLock::new();
    W.get_or_init(|| {
        let mut w = Words {
            months: HashMap::new(),
            weekdays: HashMap::new(),
            numbers: HashMap::new(),
            ordinals: HashMap::new(),
            units: HashMap::new(),
            seasons: HashMap::new(),
            parts: HashMap::new(),
            vague: HashMap::new(),
            present: HashMap::new(),
            future: Vec::new(),
        };
        for (section, line) in
            crate::datafile::entries(include_str!("../../../data/language/time-words.txt"))
        {
            let mut it = line.split_whitespace();
            let (Some(k), v) = (it.next(), it.next()) else {
                continue;
            };
            let k = k.to_string();
            let v = v.unwrap_or("");
            match section {
                "months" => {
                    w.months.insert(k, v.parse().unwrap_or(0));
                }
                "weekdays" => {
                    w.weekdays.insert(k, v.parse().unwrap_or(0));
                }
                "numbers" => {
                    w.numbers.insert(k, v.parse().unwrap_or(0.0));
                }
                "ordinals" => {
                    w.ordinals.insert(k, v.parse().unwrap_or(0));
                }
                "units" => {
                    let time = v.starts_with('T');
                    let body = v.trim_start_matches('T');
                    let letter = body.chars().last().unwrap_or('D');
                    let n = body[..body.len().saturating_sub(1)].parse().unwrap_or(1);
                    w.units.insert(k, (time, n, letter));
                }
                "seasons" => {
                    w.seasons.insert(k, v.to_string());
                }
                "parts-of-day" => {
                    w.parts.insert(k, v.to_string());
                }
                "vague" => {
                    w.vague.insert(k, v.to_string());
                }
                "present" => {
                    w.present.insert(k, v.to_string());
                }
                "future-cues" => w.future.push(k),
                _ => {}
            }
        }
        w
    })
}

/// What a rule found: the token range end (exclusive), type, value, modifier.
#[derive(Debug, Clone)]
struct Found {
    end: usize,
    kind: TimeType,
    value: Option<String>,
    modifier: Option<TimeMod>,
}

impl Found {
    fn new(end: usize, kind: TimeType, value: Option<String>) -> Found {
        Found {
            end,
            kind,
            value,
            modifier: None,
        }
    }
}

/// Tokens of one sentence with their lower-case forms.
struct Cursor<'a> {
    text: &'a str,
    toks: &'a [Token],
    lower: Vec<String>,
    dct: Option<Date>,
    future: bool,
    past: bool,
}

impl<'a> Cursor<'a> {
    fn lw(&self, i: usize) -> &str {
        self.lower.get(i).map(String::as_str).unwrap_or("")
    }

    fn raw(&self, i: usize) -> &'a str {
        self.toks.get(i).map(|t| t.text(self.text)).unwrap_or("")
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.lw(i) == w
    }

    /// A month name at `i` (with an optional period after an abbreviation).
    fn month(&self, i: usize) -> Option<(u32, usize)> {
        let w = self.lw(i).trim_end_matches('.');
        let m = *words().months.get(w)?;
        // Abbreviations and "may"/"march" need a capital.
        let raw = self.raw(i);
        if !raw.starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
        let mut end = i + 1;
        if self.is(end, ".") && w.len() <= 4 {
            end += 1;
        }
        Some((m, end))
    }

    fn number(&self, i: usize) -> Option<f64> {
        let w = self.lw(i);
        if let Some(t) = self.toks.get(i) {
            if t.kind == TokenKind::Number {
                return w.replace(',', "").parse().ok();
            }
        }
        words().numbers.get(w).copied()
    }

    fn day(&self, i: usize) -> Option<u32> {
        let w = self.lw(i);
        let digits = w.trim_end_matches(|c: char| c.is_alphabetic());
        let suffix = &w[digits.len()..];
        if !(suffix.is_empty() || matches!(suffix, "st" | "nd" | "rd" | "th")) || digits.len() > 2 {
            return None;
        }
        let d: u32 = digits.parse().ok()?;
        (1..=31).contains(&d).then_some(d)
    }

    fn year(&self, i: usize) -> Option<i32> {
        let t = self.toks.get(i)?;
        let w = self.lw(i);
        if t.kind != TokenKind::Number || w.len() != 4 {
            return None;
        }
        let y: i32 = w.parse().ok()?;
        (1000..=2100).contains(&y).then_some(y)
    }

    /// A year used as a date, not a count: no currency before it, no unit after.
    fn plausible_year(&self, i: usize) -> Option<i32> {
        let y = self.year(i)?;
        if i > 0 && matches!(self.raw(i - 1), "$" | "£" | "€" | "#" | "No." | "no.") {
            return None;
        }
        let next = self.lw(i + 1);
        const COUNT_WORDS: &[&str] = &[
            "people",
            "troops",
            "soldiers",
            "men",
            "women",
            "children",
            "km",
            "kilometers",
            "kilometres",
            "miles",
            "tons",
            "tonnes",
            "meters",
            "metres",
            "feet",
            "dollars",
            "euros",
            "won",
            "yen",
            "rubles",
            "yuan",
            "drones",
            "missiles",
            "units",
            "times",
            "%",
            "percent",
            "per",
            "points",
            "votes",
            "seats",
            "cases",
            "deaths",
            "shells",
            "rounds",
            "containers",
        ];
        if COUNT_WORDS.contains(&next) {
            return None;
        }
        Some(y)
    }

    fn rel_year(&self, i: usize) -> Option<(i32, usize)> {
        // "this year", "last year", "next year" → offset.
        let off = match self.lw(i) {
            "this" => 0,
            "last" => -1,
            "next" => 1,
            _ => return None,
        };
        if self.is(i + 1, "year") {
            let dct = self.dct?;
            Some((dct.year + off, i + 2))
        } else {
            None
        }
    }

    /// A year at `k` — written ("2023") or relative ("last year") — as the
    /// period `YYYY-{suffix}` ("2023-07", "2023-SU", "2023-Q1").
    fn year_then(&self, k: usize, suffix: &str) -> Option<Found> {
        if let Some(y) = self.year(k) {
            return Some(Found::new(
                k + 1,
                TimeType::Date,
                Some(format!("{y:04}-{suffix}")),
            ));
        }
        let (y, e) = self.rel_year(k)?;
        Some(Found::new(
            e,
            TimeType::Date,
            Some(format!("{y:04}-{suffix}")),
        ))
    }

    fn resolve_month_year(&self, month: u32, day: Option<u32>) -> Option<i32> {
        let dct = self.dct?;
        let here = (month, day.unwrap_or(0));
        let now = (dct.month, if day.is_some() { dct.day } else { 0 });
        Some(if here == now {
            dct.year
        } else if self.future {
            if here < now {
                dct.year + 1
            } else {
                dct.year
            }
        } else if here > now && self.past {
            dct.year - 1
        } else {
            dct.year
        })
    }
}

fn ymd(y: i32, m: u32, d: u32) -> Option<String> {
    Date::new(y, m, d).map(|d| d.iso())
}

/// Finds and normalises the time expressions of a text.
pub fn find_times(
    text: &str,
    tokens: &[Token],
    sentences: &[Span],
    dct: Option<Date>,
) -> Vec<TimeExpr> {
    let w = words();
    let mut out = Vec::new();
    let mut t0 = 0;
    for s in sentences {
        while t0 < tokens.len() && tokens[t0].span.start < s.start {
            t0 += 1;
        }
        let mut t1 = t0;
        while t1 < tokens.len() && tokens[t1].span.end <= s.end {
            t1 += 1;
        }
        let toks = &tokens[t0..t1];
        // Possessives ("Friday's announcement") are read without their 's.
        let lower: Vec<String> = toks
            .iter()
            .map(|t| {
                let l = t.text(text).to_lowercase();
                match l.strip_suffix("'s").or_else(|| l.strip_suffix("\u{2019}s")) {
                    Some(base) if !base.is_empty() => base.to_string(),
                    _ => l,
                }
            })
            .collect();
        let tense: Vec<Tense> = lower
            .iter()
            .enumerate()
            .map(|(k, l)| {
                let t = tense_of(l, w);
                // A participle after "be"/"has" ("is due to be published",
                // "has identified") carries no tense of its own.
                let aux = k > 0
                    && matches!(
                        lower[k - 1].as_str(),
                        "be" | "been" | "being" | "is" | "are" | "has" | "have" | "to"
                    );
                if t == Tense::Past && l.ends_with("ed") && aux {
                    Tense::None
                } else {
                    t
                }
            })
            .collect();
        let mut cur = Cursor {
            text,
            toks,
            lower,
            dct,
            future: false,
            past: false,
        };
        let mut i = 0;
        while i < toks.len() {
            let t = nearest_tense(&tense, i);
            cur.future = t == Tense::Future;
            cur.past = t == Tense::Past;
            match best_at(&cur, i) {
                Some(f) if f.end > i => {
                    let (start, end) = trim_span(&cur, i, f.end);
                    let last = toks[end - 1].span;
                    let last_text = &text[last.start..last.end];
                    let cut = if last_text.ends_with("'s") {
                        2
                    } else if last_text.ends_with("\u{2019}s") {
                        4
                    } else {
                        0
                    };
                    out.push(TimeExpr {
                        span: Span::new(toks[start].span.start, last.end - cut),
                        kind: f.kind,
                        value: f.value.clone(),
                        modifier: f.modifier,
                    });
                    // "1957-58": the second year of a range is its own expression.
                    if let (Some(v), true) = (&f.value, cur.is(f.end, "-") || cur.is(f.end, "–"))
                    {
                        if v.len() == 4 && cur.lw(f.end + 1).len() == 2 {
                            if let Ok(yy) = cur.lw(f.end + 1).parse::<i32>() {
                                let century = v[..2].parse::<i32>().unwrap_or(19);
                                out.push(TimeExpr {
                                    span: toks[f.end + 1].span,
                                    kind: TimeType::Date,
                                    value: Some(format!("{}", century * 100 + yy)),
                                    modifier: None,
                                });
                                i = f.end + 2;
                                continue;
                            }
                        }
                    }
                    i = f.end;
                }
                _ => i += 1,
            }
        }
        t0 = t1;
    }
    out
}

/// Tense cue carried by a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    None,
    Past,
    Future,
}

/// Words that mark the past: auxiliaries and regular past forms (`-ed`).
fn tense_of(word: &str, w: &Words) -> Tense {
    if w.future.iter().any(|f| f == word) {
        return Tense::Future;
    }
    const PAST: &[&str] = &[
        "was",
        "were",
        "had",
        "did",
        "said",
        "told",
        "took",
        "came",
        "went",
        "began",
        "left",
        "saw",
        "made",
        "gave",
        "got",
        "met",
        "held",
        "sent",
        "led",
        "won",
        "lost",
        "fell",
        "rose",
        "ago",
        "announced",
        "last",
        "previously",
        "earlier",
    ];
    const NOT_PAST: &[&str] = &[
        "need",
        "red",
        "bed",
        "shed",
        "feed",
        "seed",
        "speed",
        "hundred",
        "based",
        "indeed",
        "proceed",
        "exceed",
        "succeed",
        "united",
        "limited",
        "bled",
        "sled",
        "fed",
        "wed",
        "ted",
        "ned",
        "breed",
        "expected",
        "scheduled",
        "planned",
        "due",
    ];
    if PAST.contains(&word) {
        return Tense::Past;
    }
    if word.len() > 4
        && word.ends_with("ed")
        && word.chars().all(char::is_alphabetic)
        && !NOT_PAST.contains(&word)
    {
        return Tense::Past;
    }
    Tense::None
}

/// The tense of the cue nearest to token `i` in its sentence (left first on ties).
fn nearest_tense(tense: &[Tense], i: usize) -> Tense {
    // A cue after the expression counts only close by ("on Oct. 8 the
    // leaders will meet"); a later clause's ("…, and a second group is
    // expected …") does not outweigh the verb before it.
    const AHEAD: usize = 5;
    for d in 1..=tense.len() {
        if i >= d && tense[i - d] != Tense::None {
            return tense[i - d];
        }
        if d <= AHEAD && i + d < tense.len() && tense[i + d] != Tense::None {
            return tense[i + d];
        }
    }
    tense[i.min(tense.len())..]
        .iter()
        .copied()
        .find(|&t| t != Tense::None)
        .unwrap_or(Tense::None)
}

/// Drops leading prepositions a rule may have consumed.
fn trim_span(cur: &Cursor, start: usize, end: usize) -> (usize, usize) {
    let mut s = start;
    while s + 1 < end
        && matches!(
            cur.lw(s),
            "in" | "on" | "since" | "by" | "until" | "from" | "at" | "during"
        )
    {
        s += 1;
    }
    let mut e = end;
    while e > s + 1 && matches!(cur.lw(e - 1), "," | ".") {
        e -= 1;
    }
    (s, e)
}

fn best_at(cur: &Cursor, i: usize) -> Option<Found> {
    let rules: [fn(&Cursor, usize) -> Option<Found>; 14] = [
        modified,
        absolute_date,
        month_alone,
        year_alone,
        decade_or_century,
        season,
        quarter,
        relative_day,
        present_ref,
        weekday,
        relative_unit,
        ago,
        duration,
        set_or_clock,
    ];
    let mut best: Option<Found> = None;
    for r in rules {
        if let Some(f) = r(cur, i) {
            if best.as_ref().is_none_or(|b| f.end > b.end) {
                best = Some(f);
            }
        }
    }
    best
}

/// "early December", "late last year", "the end of 2023", "mid-June",
/// "earlier this month": a modifier, then a date expression.
fn modified(cur: &Cursor, i: usize) -> Option<Found> {
    let (m, j) = match cur.lw(i) {
        "early" => (Some(TimeMod::Start), i + 1),
        "late" => (Some(TimeMod::End), i + 1),
        "mid" => (Some(TimeMod::Mid), i + 1 + usize::from(cur.is(i + 1, "-"))),
        "earlier" | "later" => (None, i + 1),
        "the" | "end" | "beginning" | "start" | "middle" => {
            let k = i + usize::from(cur.is(i, "the"));
            let m = match cur.lw(k) {
                "end" | "close" => TimeMod::End,
                "beginning" | "start" => TimeMod::Start,
                "middle" => TimeMod::Mid,
                _ => return None,
            };
            if !cur.is(k + 1, "of") {
                return None;
            }
            let mut j = k + 2;
            // "the end of the year" = this year.
            if cur.is(j, "the") && matches!(cur.lw(j + 1), "year" | "month" | "week") {
                let dct = cur.dct;
                let v = match cur.lw(j + 1) {
                    "year" => dct.map(|d| d.year.to_string()),
                    "month" => dct.map(|d| format!("{:04}-{:02}", d.year, d.month)),
                    _ => dct.map(|d| {
                        let (y, wk) = d.iso_week();
                        format!("{y:04}-W{wk:02}")
                    }),
                };
                return Some(Found {
                    end: j + 2,
                    kind: TimeType::Date,
                    value: v,
                    modifier: Some(m),
                });
            }
            // "the end of year" (no article).
            if matches!(cur.lw(j), "year") {
                j += 1;
                return Some(Found {
                    end: j,
                    kind: TimeType::Date,
                    value: cur.dct.map(|d| {
                        let y = if cur.future { d.year } else { d.year - 1 };
                        y.to_string()
                    }),
                    modifier: Some(m),
                });
            }
            (Some(m), j)
        }
        w if w.starts_with("mid-") => {
            // "mid-June" is one token.
            let month = w.trim_start_matches("mid-");
            let mo = *words().months.get(month)?;
            let y = cur.resolve_month_year(mo, None);
            return Some(Found {
                end: i + 1,
                kind: TimeType::Date,
                value: y.map(|y| format!("{y:04}-{mo:02}")),
                modifier: Some(TimeMod::Mid),
            });
        }
        _ => return None,
    };
    if j == i {
        return None;
    }
    let inner = [
        absolute_date,
        month_alone,
        year_alone,
        season,
        relative_unit,
        decade_or_century,
        quarter,
    ]
    .iter()
    .filter_map(|r| r(cur, j))
    .max_by_key(|f| f.end)?;
    if inner.kind != TimeType::Date {
        return None;
    }
    Some(Found {
        end: inner.end,
        kind: TimeType::Date,
        value: inner.value,
        modifier: m.or(inner.modifier),
    })
}

fn absolute_date(cur: &Cursor, i: usize) -> Option<Found> {
    // ISO: 2024-04-24 (tokens 2024 - 04 - 24).
    if let Some(y) = cur.year(i) {
        if cur.is(i + 1, "-") && cur.is(i + 3, "-") {
            if let (Ok(m), Ok(d)) = (cur.lw(i + 2).parse::<u32>(), cur.lw(i + 4).parse::<u32>()) {
                if let Some(v) = ymd(y, m, d) {
                    return Some(Found::new(i + 5, TimeType::Date, Some(v)));
                }
            }
        }
    }
    // MONTH DAY [, YEAR] | MONTH [,] YEAR | MONTH this/last/next year.
    if let Some((m, j)) = cur.month(i) {
        if let Some(d) = cur.day(j) {
            let mut k = j + 1;
            if cur.is(k, ",") {
                k += 1;
            }
            if let Some(y) = cur.year(k) {
                return Some(Found::new(k + 1, TimeType::Date, ymd(y, m, d)));
            }
            let y = cur.resolve_month_year(m, Some(d));
            return Some(Found::new(
                j + 1,
                TimeType::Date,
                y.and_then(|y| ymd(y, m, d)),
            ));
        }
        let k = j + usize::from(cur.is(j, ","));
        if let Some(f) = cur.year_then(k, &format!("{m:02}")) {
            return Some(f);
        }
        if cur.rel_year(j).is_none()
            && matches!(cur.lw(j), "this" | "last" | "next")
            && cur.is(j + 1, "year")
        {
            return Some(Found::new(j + 2, TimeType::Date, None));
        }
    }
    // DAY [of] MONTH [YEAR].
    if let Some(d) = cur.day(i) {
        let j = i + 1 + usize::from(cur.is(i + 1, "of"));
        if let Some((m, k)) = cur.month(j) {
            let k2 = k + usize::from(cur.is(k, ","));
            if let Some(y) = cur.year(k2) {
                return Some(Found::new(k2 + 1, TimeType::Date, ymd(y, m, d)));
            }
            let y = cur.resolve_month_year(m, Some(d));
            return Some(Found::new(k, TimeType::Date, y.and_then(|y| ymd(y, m, d))));
        }
    }
    None
}

fn month_alone(cur: &Cursor, i: usize) -> Option<Found> {
    let (m, end) = cur.month(i)?;
    let w = cur.lw(i).trim_end_matches('.');
    // "May" and "March" are also a verb; short forms need context too.
    let prev = if i > 0 { cur.lw(i - 1) } else { "" };
    let cued = matches!(
        prev,
        "in" | "since"
            | "by"
            | "until"
            | "till"
            | "from"
            | "through"
            | "last"
            | "next"
            | "this"
            | "early"
            | "late"
            | "mid"
            | "during"
            | "of"
            | "before"
            | "after"
            | "to"
            | "and"
            | "or"
            | "between"
            | "that"
            | "each"
            | "every"
    );
    if matches!(w, "may" | "march") && !cued {
        return None;
    }
    if w.len() <= 4 && !matches!(w, "may" | "june" | "july") && !cued {
        return None;
    }
    let value = match prev {
        "last" => cur
            .dct
            .map(|d| if m < d.month { d.year } else { d.year - 1 }),
        "next" => cur
            .dct
            .map(|d| if m > d.month { d.year } else { d.year + 1 }),
        _ => cur.resolve_month_year(m, None),
    };
    // "last June": the modifier word belongs to the expression.
    let start_back = matches!(prev, "last" | "next");
    let _ = start_back;
    Some(Found::new(
        end,
        TimeType::Date,
        value.map(|y| format!("{y:04}-{m:02}")),
    ))
}

fn year_alone(cur: &Cursor, i: usize) -> Option<Found> {
    let y = cur.plausible_year(i)?;
    // "the year 2019", "fiscal 2024".
    Some(Found::new(i + 1, TimeType::Date, Some(format!("{y:04}"))))
}

fn decade_or_century(cur: &Cursor, i: usize) -> Option<Found> {
    let j = i + usize::from(cur.is(i, "the"));
    let w = cur.lw(j);
    // "1990s", "'90s".
    if let Some(d) = w.strip_suffix('s') {
        if d.len() == 4 && d.ends_with('0') && d.chars().all(|c| c.is_ascii_digit()) {
            return Some(Found::new(j + 1, TimeType::Date, Some(d[..3].to_string())));
        }
    }
    // "20th century".
    if cur.is(j + 1, "century") {
        let n: u32 = w
            .trim_end_matches(|c: char| c.is_alphabetic())
            .parse()
            .ok()
            .or(match w {
                "twentieth" => Some(20),
                "twenty-first" => Some(21),
                "nineteenth" => Some(19),
                _ => None,
            })?;
        if (1..=30).contains(&n) {
            return Some(Found::new(
                j + 2,
                TimeType::Date,
                Some(format!("{:02}", n - 1)),
            ));
        }
    }
    None
}

fn season(cur: &Cursor, i: usize) -> Option<Found> {
    let (off, j) = match cur.lw(i) {
        "this" => (Some(0), i + 1),
        "last" => (Some(-1), i + 1),
        "next" => (Some(1), i + 1),
        _ => (None, i),
    };
    let code = words().seasons.get(cur.lw(j))?.clone();
    // "fall" and "spring" are also verbs and nouns: require a year or a cue.
    let mut k = j + 1;
    if cur.is(k, "of") {
        k += 1;
    }
    if let Some(f) = cur.year_then(k, &code) {
        return Some(f);
    }
    let off = off?;
    let value = cur.dct.map(|d| {
        let y = if off == -1 && code != "WI" && season_index(&code) >= season_index(&season_of(d)) {
            d.year - 1
        } else {
            d.year + off.max(0)
        };
        format!("{y:04}-{code}")
    });
    Some(Found::new(j + 1, TimeType::Date, value))
}

fn season_index(code: &str) -> u32 {
    match code {
        "SP" => 1,
        "SU" => 2,
        "FA" => 3,
        _ => 4,
    }
}

fn season_of(d: Date) -> String {
    match d.month {
        3..=5 => "SP",
        6..=8 => "SU",
        9..=11 => "FA",
        _ => "WI",
    }
    .to_string()
}

fn quarter(cur: &Cursor, i: usize) -> Option<Found> {
    let w = cur.lw(i);
    // "Q1 2024".
    if w.len() == 2 && w.starts_with('q') {
        let q: u32 = w[1..].parse().ok()?;
        if !(1..=4).contains(&q) {
            return None;
        }
        let y = cur.year(i + 1);
        let end = if y.is_some() { i + 2 } else { i + 1 };
        let y = y.or_else(|| cur.dct.map(|d| d.year));
        return Some(Found::new(
            end,
            TimeType::Date,
            y.map(|y| format!("{y:04}-Q{q}")),
        ));
    }
    let j = i + usize::from(w == "the");
    let q = *words().ordinals.get(cur.lw(j))?;
    if !cur.is(j + 1, "quarter") {
        return None;
    }
    let mut k = j + 2;
    if cur.is(k, "of") {
        k += 1;
    }
    if let Some(f) = cur.year_then(k, &format!("Q{q}")) {
        return Some(f);
    }
    Some(Found::new(
        j + 2,
        TimeType::Date,
        cur.dct.map(|d| format!("{:04}-Q{q}", d.year)),
    ))
}

fn part_of_day(cur: &Cursor, i: usize) -> Option<String> {
    words().parts.get(cur.lw(i)).cloned()
}

fn relative_day(cur: &Cursor, i: usize) -> Option<Found> {
    let w = cur.lw(i);
    let (off, tonight) = match w {
        "today" => (0, false),
        "tonight" => (0, true),
        "yesterday" => (-1, false),
        "tomorrow" => (1, false),
        "this" | "last" => {
            // "this morning", "last night".
            let p = part_of_day(cur, i + 1)?;
            let off = if w == "last" { -1 } else { 0 };
            let v = cur.dct.map(|d| format!("{}T{p}", d.add_days(off).iso()));
            return Some(Found::new(i + 2, TimeType::Time, v));
        }
        _ => return None,
    };
    let day = cur.dct.map(|d| d.add_days(off));
    if tonight {
        return Some(Found::new(
            i + 1,
            TimeType::Time,
            day.map(|d| format!("{}TNI", d.iso())),
        ));
    }
    if let Some(p) = part_of_day(cur, i + 1) {
        return Some(Found::new(
            i + 2,
            TimeType::Time,
            day.map(|d| format!("{}T{p}", d.iso())),
        ));
    }
    Some(Found::new(i + 1, TimeType::Date, day.map(|d| d.iso())))
}

fn present_ref(cur: &Cursor, i: usize) -> Option<Found> {
    let w = cur.lw(i);
    if let Some(v) = words().present.get(w) {
        // "now" inside "for now", "right now" is still the present.
        return Some(Found::new(i + 1, TimeType::Date, Some(v.clone())));
    }
    match (w, cur.lw(i + 1), cur.lw(i + 2)) {
        ("at", "present", _) | ("these", "days", _) => Some(Found::new(
            i + 2,
            TimeType::Date,
            Some("PRESENT_REF".into()),
        )),
        ("at", "the", "moment") => Some(Found::new(
            i + 3,
            TimeType::Date,
            Some("PRESENT_REF".into()),
        )),
        ("the", "past", next)
            if !matches!(
                next,
                "week" | "month" | "year" | "decade" | "few" | "several"
            ) && cur.number(i + 2).is_none() =>
        {
            (i > 0 && cur.is(i - 1, "in"))
                .then(|| Found::new(i + 2, TimeType::Date, Some("PAST_REF".into())))
        }
        ("the", "future", _) => (i > 0 && cur.is(i - 1, "in"))
            .then(|| Found::new(i + 2, TimeType::Date, Some("FUTURE_REF".into()))),
        _ => None,
    }
}

fn weekday(cur: &Cursor, i: usize) -> Option<Found> {
    let (shift, j) = match cur.lw(i) {
        "last" | "past" => (Some(-1), i + 1),
        "next" | "coming" => (Some(1), i + 1),
        "this" => (Some(0), i + 1),
        _ => (None, i),
    };
    let wd = *words().weekdays.get(cur.lw(j).trim_end_matches('.'))?;
    if !cur.raw(j).starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let mut end = j + 1 + usize::from(cur.is(j + 1, ".") && cur.lw(j).len() <= 4);
    let day = cur.dct.map(|d| {
        let diff = wd as i64 - d.weekday() as i64;
        let off = match shift {
            Some(-1) => {
                if diff < 0 {
                    diff
                } else {
                    diff - 7
                }
            }
            Some(1) => {
                if diff > 0 {
                    diff
                } else {
                    diff + 7
                }
            }
            Some(_) => diff,
            None if diff == 0 => 0,
            None if cur.future => {
                if diff > 0 {
                    diff
                } else {
                    diff + 7
                }
            }
            None => {
                if diff < 0 {
                    diff
                } else {
                    diff - 7
                }
            }
        };
        d.add_days(off)
    });
    if let Some(p) = part_of_day(cur, end) {
        end += 1;
        return Some(Found::new(
            end,
            TimeType::Time,
            day.map(|d| format!("{}T{p}", d.iso())),
        ));
    }
    Some(Found::new(end, TimeType::Date, day.map(|d| d.iso())))
}

fn relative_unit(cur: &Cursor, i: usize) -> Option<Found> {
    let j = i + usize::from(cur.is(i, "the"));
    let off: i32 = match cur.lw(j) {
        "last" | "past" | "previous" => -1,
        "this" | "current" => 0,
        "next" | "coming" | "following" | "upcoming" => 1,
        _ => return None,
    };
    let mut k = j + 1;
    let fiscal = cur.is(k, "fiscal");
    if fiscal {
        k += 1;
    }
    let unit = cur.lw(k);
    let dct = cur.dct;
    let (kind, value) = match unit {
        "week" => (
            TimeType::Date,
            dct.map(|d| {
                let (y, w) = d.add_days(7 * off as i64).iso_week();
                format!("{y:04}-W{w:02}")
            }),
        ),
        "weekend" => (
            TimeType::Date,
            dct.map(|d| {
                let (y, w) = d.add_days(7 * off as i64).iso_week();
                format!("{y:04}-W{w:02}-WE")
            }),
        ),
        "month" => (
            TimeType::Date,
            dct.map(|d| {
                let m = d.add_months(off);
                format!("{:04}-{:02}", m.year, m.month)
            }),
        ),
        "year" => (TimeType::Date, dct.map(|d| format!("{:04}", d.year + off))),
        "quarter" => (
            TimeType::Date,
            dct.map(|d| {
                let m = d.add_months(3 * off);
                format!("{:04}-Q{}", m.year, m.quarter())
            }),
        ),
        // "the next decade" is a stretch of ten years, not the 2020s.
        "decade" => (TimeType::Duration, Some("P10Y".to_string())),
        "century" => (TimeType::Duration, Some("P100Y".to_string())),
        _ => return None,
    };
    // "this year" etc. without the article; "the past year" is a duration.
    if cur.is(i, "the") && matches!(cur.lw(j), "past") && unit == "year" {
        return Some(Found::new(k + 1, TimeType::Duration, Some("P1Y".into())));
    }
    Some(Found::new(k + 1, kind, value))
}

fn unit_of(word: &str) -> Option<(bool, u32, char)> {
    words().units.get(word).copied()
}

fn duration_value(n: Option<f64>, unit: (bool, u32, char)) -> String {
    let (time, per, letter) = unit;
    let t = if time { "T" } else { "" };
    match n {
        None => format!("P{t}X{letter}"),
        Some(n) => {
            let total = n * per as f64;
            if total.fract() == 0.0 {
                format!("P{t}{}{letter}", total as i64)
            } else {
                format!("P{t}{total}{letter}")
            }
        }
    }
}

fn ago(cur: &Cursor, i: usize) -> Option<Found> {
    let (n, j) = match cur.number(i) {
        Some(n) => (n, i + 1),
        None => return None,
    };
    let unit_word = cur.lw(j);
    let (_, per, letter) = unit_of(unit_word)?;
    if !cur.is(j + 1, "ago") {
        return None;
    }
    let k = (n * per as f64) as i64;
    let value = cur.dct.map(|d| match letter {
        'Y' => format!("{:04}", d.year as i64 - k),
        'M' => {
            let m = d.add_months(-(k as i32));
            format!("{:04}-{:02}", m.year, m.month)
        }
        'W' => d.add_days(-7 * k).iso(),
        _ => d.add_days(-k).iso(),
    });
    Some(Found::new(j + 2, TimeType::Date, value))
}

fn duration(cur: &Cursor, i: usize) -> Option<Found> {
    let mut j = i;
    // Approximators and articles that belong to the expression.
    loop {
        match (cur.lw(j), cur.lw(j + 1)) {
            (
                "almost" | "nearly" | "about" | "around" | "roughly" | "approximately" | "over"
                | "just" | "only" | "some" | "the",
                _,
            ) => j += 1,
            ("more" | "less" | "fewer", "than") => j += 2,
            ("at", "least" | "most") => j += 2,
            ("a", "mere" | "full" | "further") => j += 2,
            (
                "past" | "last" | "next" | "coming" | "following" | "first" | "previous" | "recent",
                _,
            ) if j > i || cur.is(i, "the") => j += 1,
            _ => break,
        }
        if j > i + 4 {
            return None;
        }
    }
    // Hyphenated forms: "four-week", "18-month", not "40-year-old".
    let w = cur.lw(j).to_string();
    if let Some((a, b)) = w.split_once('-') {
        if b.contains('-') {
            return None;
        }
        let n = cur_number_word(a)?;
        let unit = unit_of(b).or_else(|| unit_of(&format!("{b}s")))?;
        if cur.is(j + 1, "-") || cur.lw(j + 1) == "old" {
            return None;
        }
        return Some(Found::new(
            j + 1,
            TimeType::Duration,
            Some(duration_value(Some(n), unit)),
        ));
    }
    // Quantity: number, number word, "a few", "several", "a couple of".
    let (n, k) = if let Some(n) = cur.number(j) {
        if cur.is(j, "a") && matches!(cur.lw(j + 1), "few" | "couple") {
            (None, j + 2 + usize::from(cur.is(j + 2, "of")))
        } else {
            (Some(n), j + 1)
        }
    } else if words().vague.contains_key(cur.lw(j)) {
        (None, j + 1 + usize::from(cur.is(j + 1, "of")))
    } else {
        (None, j)
    };
    let unit = unit_of(cur.lw(k))?;
    // A bare plural unit needs a cue: "for years", "in recent months".
    if k == j && n.is_none() {
        let plural = cur.lw(k).ends_with('s');
        let prev = if k > 0 { cur.lw(k - 1) } else { "" };
        if !plural
            || !matches!(
                prev,
                "for"
                    | "over"
                    | "in"
                    | "within"
                    | "recent"
                    | "past"
                    | "coming"
                    | "next"
                    | "last"
                    | "the"
                    | "take"
                    | "takes"
                    | "took"
                    | "taking"
                    | "lasted"
                    | "spent"
                    | "spend"
            )
        {
            return None;
        }
        if prev == "the" && !(k >= 2 && matches!(cur.lw(k - 2), "for" | "over" | "in" | "within")) {
            return None;
        }
        return Some(Found::new(
            k + 1,
            TimeType::Duration,
            Some(duration_value(None, unit)),
        ));
    }
    // "a decade" but not "a year ago" (handled by `ago`), "one day" as a date?
    if cur.is(k + 1, "ago")
        || cur.lw(k + 1) == "old"
        || (cur.is(k + 1, "-") && cur.is(k + 2, "old"))
    {
        return None;
    }
    let mut value = duration_value(n, unit);
    // "a decade" → P10Y, "the following decade" → P1DE as TimeML writes it.
    if unit.2 == 'Y' && unit.1 == 10 && n == Some(1.0) && !cur.is(j, "a") {
        value = "P1DE".into();
    }
    Some(Found::new(k + 1, TimeType::Duration, Some(value)))
}

fn cur_number_word(a: &str) -> Option<f64> {
    a.parse::<f64>()
        .ok()
        .or_else(|| words().numbers.get(a).copied())
}

fn set_or_clock(cur: &Cursor, i: usize) -> Option<Found> {
    let w = cur.lw(i);
    let set = |v: &str| Some(Found::new(i + 1, TimeType::Set, Some(v.to_string())));
    match w {
        "daily" => return set("XXXX-XX-XX"),
        "weekly" => return set("XXXX-WXX"),
        "monthly" => return set("XXXX-XX"),
        "annually" | "yearly" => return set("XXXX"),
        "hourly" => return set("XXXX-XX-XXTXX"),
        _ => {}
    }
    if matches!(w, "every" | "each") {
        let next = cur.lw(i + 1);
        let v = match next {
            "day" => "XXXX-XX-XX".to_string(),
            "week" => "XXXX-WXX".to_string(),
            "month" => "XXXX-XX".to_string(),
            "year" => "XXXX".to_string(),
            "season" => "XXXX-WI".to_string(),
            "weekend" => "XXXX-WXX-WE".to_string(),
            _ => {
                if let Some(p) = words().parts.get(next) {
                    format!("XXXX-XX-XXT{p}")
                } else if let Some(d) = words().weekdays.get(next) {
                    format!("XXXX-WXX-{d}")
                } else {
                    return None;
                }
            }
        };
        return Some(Found::new(i + 2, TimeType::Set, Some(v)));
    }
    // Clock readings: "3:07:35" (a duration), "15:00 GMT Saturday", "3 p.m.".
    let t = cur.toks.get(i)?;
    if t.kind == TokenKind::Number && w.contains(':') {
        let parts: Vec<u32> = w.split(':').filter_map(|p| p.parse().ok()).collect();
        if parts.len() == 3 && !w.contains('.') && !w.contains(',') {
            let v = format!(
                "PT{}{}{}",
                if parts[0] > 0 {
                    format!("{}H", parts[0])
                } else {
                    String::new()
                },
                if parts[1] > 0 {
                    format!("{}M", parts[1])
                } else {
                    String::new()
                },
                if parts[2] > 0 {
                    format!("{}S", parts[2])
                } else {
                    String::new()
                }
            );
            return Some(Found::new(i + 1, TimeType::Duration, Some(v)));
        }
        if parts.len() == 2 && parts[0] < 24 && parts[1] < 60 {
            return clock(cur, i, parts[0], parts[1], i + 1);
        }
    }
    if t.kind == TokenKind::Number && matches!(cur.lw(i + 1), "a.m." | "p.m." | "am" | "pm") {
        let h: u32 = w.parse().ok()?;
        if (1..=12).contains(&h) {
            return clock(cur, i, h, 0, i + 1);
        }
    }
    None
}

fn clock(cur: &Cursor, _i: usize, mut h: u32, m: u32, mut end: usize) -> Option<Found> {
    match cur.lw(end) {
        "a.m." | "am" => {
            if h == 12 {
                h = 0;
            }
            end += 1;
        }
        "p.m." | "pm" => {
            if h < 12 {
                h += 12;
            }
            end += 1;
        }
        _ => {}
    }
    let mut zone = false;
    if matches!(
        cur.lw(end),
        "gmt" | "utc" | "et" | "est" | "edt" | "pt" | "kst" | "local"
    ) {
        end += 1;
        zone = true;
        if cur.is(end, "time") {
            end += 1;
        }
    }
    // A following day reference gives the date.
    let mut day = cur.dct;
    if let Some(f) = weekday(cur, end).or_else(|| relative_day(cur, end)) {
        if let Some(v) = f.value.as_deref().and_then(Date::parse) {
            day = Some(v);
        }
        end = f.end;
    } else if !zone && end == _i + 1 && !cur.is(_i.wrapping_sub(1), "at") {
        // A bare "12:30" is too often a score or a ratio.
        return None;
    }
    Some(Found::new(
        end,
        TimeType::Time,
        day.map(|d| format!("{}T{h:02}:{m:02}", d.iso())),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentences::split;
    use crate::tokens::tokenize;

    fn times(text: &str, dct: &str) -> Vec<(String, String)> {
        let toks = tokenize(text);
        let sents = split(text, &toks);
        find_times(text, &toks, &sents, Date::parse(dct))
            .into_iter()
            .map(|t| {
                (
                    text[t.span.start..t.span.end].to_string(),
                    t.value.unwrap_or_default(),
                )
            })
            .collect()
    }

    fn one(text: &str, dct: &str) -> String {
        let t = times(text, dct);
        assert_eq!(t.len(), 1, "{text}: {t:?}");
        t[0].1.clone()
    }

    #[test]
    fn seed_expressions() {
        let d = "2024-04-24";
        assert_eq!(
            one("North Korea sent a delegation to Iran on Tuesday.", d),
            "2024-04-23"
        );
        assert_eq!(one("KCNA announced it Wednesday.", d), "2024-04-24");
        assert_eq!(one("Previously, in 2019, he visited.", d), "2019");
        assert_eq!(one("It drilled on Monday.", d), "2024-04-22");
        assert_eq!(one("since July 2023 in exchange", d), "2023-07");
        assert_eq!(
            one("the minister said in February this year.", d),
            "2024-02"
        );
        assert_eq!(one("launched by the end of last year.", d), "2023");
    }

    #[test]
    fn tempeval_style() {
        let d = "2013-03-22";
        assert_eq!(one("reported in the last week.", d), "2013-W11");
        assert_eq!(one("Google launched it this week.", d), "2013-W12");
        assert_eq!(one("The season started about a month ago.", d), "2013-02");
        assert_eq!(one("It might be the worst in a decade.", d), "P10Y");
        assert_eq!(one("Towers will close on April 7.", d), "2013-04-07");
        assert_eq!(one("He finished in 3:07:35.", d), "PT3H7M35S");
        assert_eq!(
            one("It was postponed until 15:00 GMT Saturday.", d),
            "2013-03-23T15:00"
        );
        assert_eq!(one("They met four years ago.", d), "2009");
        assert_eq!(one("a four-week delay", d), "P4W");
        assert_eq!(one("the next few months", d), "PXM");
        assert_eq!(one("It peaked in early December.", d), "2012-12");
        assert_eq!(one("the 20th century", d), "19");
        assert_eq!(one("He died in Ripley on Wednesday.", d), "2013-03-20");
        assert_eq!(one("It is sold annually.", d), "XXXX");
        assert_eq!(one("every morning", d), "XXXX-XX-XXTMO");
        assert_eq!(one("Now it works.", d), "PRESENT_REF");
        assert!(times("He may go.", d).is_empty());
    }

    #[test]
    fn no_false_years() {
        assert!(times("They sent 1500 troops and $2000.", "2024-01-01").is_empty());
        assert!(times("He may go in March or may not.", "2024-01-01").len() == 1);
    }

    #[test]
    fn without_dct_relative_has_no_value() {
        let t = times("It happened on Tuesday in 2019.", "");
        assert_eq!(
            t,
            vec![
                ("Tuesday".into(), "".into()),
                ("2019".into(), "2019".into())
            ]
        );
    }
}
