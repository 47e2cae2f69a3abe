//! Publication dates as pages write them: ISO 8601 stamps, RFC 2822, "April 24,
//! 2024", "24 Apr 2024", and dates in URL paths (`/2024/04/24/`, `/2024-04-24/`).
//! Dates are reported as the calendar date written, `YYYY-MM-DD`: a stamp with a
//! time-zone offset keeps its local date, as the publisher meant it.

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Year (1900–2100 accepted).
    pub year: i32,
    /// Month 1–12.
    pub month: u32,
    /// Day 1–31.
    pub day: u32,
}

impl Date {
    /// Builds a date if it exists in the calendar and is plausible for a news page.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1900..=2100).contains(&year) || !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        if day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// `YYYY-MM-DD`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Days in a month of the proleptic Gregorian calendar.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// Month number of an English month name or abbreviation (`Sept.`, `Apr`).
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if w.len() < 3 {
        return None;
    }
    for (i, m) in MONTHS.iter().enumerate() {
        if *m == w || (w.len() <= 4 && m.starts_with(&w)) {
            return Some(i as u32 + 1);
        }
    }
    None
}

/// Parses the date in a stamp such as `2024-04-24T09:00:00+09:00`, `2024-04-24`,
/// `20240424`, `Wed, 24 Apr 2024 10:00:00 GMT`, `April 24, 2024`, `24 April 2024`.
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if s.is_empty() || s.len() > 200 {
        return None;
    }
    let b = s.as_bytes();
    // ISO forms.
    if b.len() >= 10 && b[..4].iter().all(u8::is_ascii_digit) && (b[4] == b'-' || b[4] == b'/') {
        let y = s[..4].parse().ok()?;
        let m = s.get(5..7)?.parse().ok()?;
        let d = s.get(8..10)?.parse().ok()?;
        return Date::new(y, m, d);
    }
    if b.len() >= 8
        && b[..8].iter().all(u8::is_ascii_digit)
        && b.get(8).is_none_or(|c| !c.is_ascii_digit())
    {
        return Date::new(
            s[..4].parse().ok()?,
            s[4..6].parse().ok()?,
            s[6..8].parse().ok()?,
        );
    }
    // Written forms: find a month name, a day and a four-digit year.
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',' || c == '/')
        .filter(|w| !w.is_empty())
        .collect();
    let mut month = None;
    let mut year = None;
    let mut day = None;
    for w in &words {
        let digits = w.trim_end_matches(|c: char| c.is_alphabetic() || c == '.');
        if month.is_none() {
            if let Some(m) = month_number(w) {
                month = Some(m);
                continue;
            }
        }
        if digits.len() == 4 && digits.chars().all(|c| c.is_ascii_digit()) && year.is_none() {
            year = digits.parse().ok();
        } else if !digits.is_empty()
            && digits.len() <= 2
            && digits.chars().all(|c| c.is_ascii_digit())
            && day.is_none()
            && !w.contains(':')
        {
            day = digits.parse().ok();
        }
    }
    Date::new(year?, month?, day?)
}

/// Finds a date written in a URL path: `/2024/04/24/`, `/2024-04-24/`, `/20240424/`.
pub fn from_url(url: &str) -> Option<Date> {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let segs: Vec<&str> = path.split('/').collect();
    for (i, seg) in segs.iter().enumerate() {
        if seg.len() == 4 && seg.chars().all(|c| c.is_ascii_digit()) {
            let y: i32 = seg.parse().ok()?;
            let m = segs.get(i + 1).and_then(|m| m.parse::<u32>().ok());
            let d = segs
                .get(i + 2)
                .and_then(|d| d.get(..2).unwrap_or(d).parse::<u32>().ok());
            if let (Some(m), Some(d)) = (m, d) {
                if let Some(date) = Date::new(y, m, d) {
                    return Some(date);
                }
            }
        }
        if let Some(head) = seg.get(..10) {
            if let Some(d) = parse_date(head) {
                if head.as_bytes()[4] == b'-' {
                    return Some(d);
                }
            }
        }
        if seg.len() == 8 && seg.chars().all(|c| c.is_ascii_digit()) {
            if let Some(d) = parse_date(seg) {
                return Some(d);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn iso(s: &str) -> Option<String> {
        parse_date(s).map(|d| d.iso())
    }

    #[test]
    fn stamps() {
        assert_eq!(
            iso("2024-04-24T09:00:00+09:00").as_deref(),
            Some("2024-04-24")
        );
        assert_eq!(iso("20240424").as_deref(), Some("2024-04-24"));
        assert_eq!(
            iso("Wed, 24 Apr 2024 10:00:00 GMT").as_deref(),
            Some("2024-04-24")
        );
        assert_eq!(iso("April 24, 2024").as_deref(), Some("2024-04-24"));
        assert_eq!(
            iso("Updated: Sept. 3, 2023 5:02 p.m. ET").as_deref(),
            Some("2023-09-03")
        );
        assert_eq!(iso("0001-01-01"), None);
        assert_eq!(iso("2023-02-30"), None);
        assert_eq!(iso("march"), None);
    }

    #[test]
    fn urls() {
        let u = "https://koreajoongangdaily.joins.com/news/2024-04-24/national/x/2032663";
        assert_eq!(from_url(u).map(|d| d.iso()).as_deref(), Some("2024-04-24"));
        let u = "https://www.nytimes.com/2019/11/19/opinion/x.html";
        assert_eq!(from_url(u).map(|d| d.iso()).as_deref(), Some("2019-11-19"));
        assert_eq!(from_url("https://example.com/2019/best-of"), None);
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,60}") {
            let _ = parse_date(&s);
            let _ = from_url(&s);
        }
    }
}
