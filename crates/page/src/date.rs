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

    /// Days since 1970-01-01 (proleptic Gregorian).
    pub fn day_number(&self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Signed number of days from `other` to `self`.
    pub fn days_from(&self, other: &Date) -> i64 {
        self.day_number() - other.day_number()
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
    if let Some(d) = numeric_date(s) {
        return Some(d);
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

/// The first all-numeric date in a string: `2024.04.24`, `29.03.2024` (day first),
/// `04/24/2024` (month first, as US pages write it, unless the first number
/// cannot be a month).
fn numeric_date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        // Read up to three digit groups joined by one separator kind.
        let mut groups: Vec<(usize, usize)> = Vec::new();
        let mut sep = 0u8;
        let mut j = i;
        loop {
            let start = j;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            groups.push((start, j));
            if groups.len() == 3 || j + 1 >= b.len() {
                break;
            }
            let c = b[j];
            if !matches!(c, b'.' | b'/' | b'-')
                || (sep != 0 && c != sep)
                || !b[j + 1].is_ascii_digit()
            {
                break;
            }
            sep = c;
            j += 1;
        }
        if groups.len() == 3 && !(j < b.len() && b[j].is_ascii_digit()) {
            let num = |g: (usize, usize)| s[g.0..g.1].parse::<u32>().ok();
            let lens: Vec<usize> = groups.iter().map(|g| g.1 - g.0).collect();
            let (a, m, c) = (num(groups[0])?, num(groups[1])?, num(groups[2])?);
            let date = if lens[0] == 4 && lens[1] <= 2 && lens[2] <= 2 {
                Date::new(a as i32, m, c)
            } else if lens[2] == 4 && lens[0] <= 2 && lens[1] <= 2 {
                if sep == b'/' && a <= 12 {
                    Date::new(c as i32, a, m)
                } else {
                    Date::new(c as i32, m, a)
                }
            } else {
                None
            };
            if date.is_some() {
                return date;
            }
        }
        i = j.max(i + 1);
    }
    None
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
        assert_eq!(
            iso("Published 29.03.2024 at 08:15").as_deref(),
            Some("2024-03-29")
        );
        assert_eq!(
            iso("Posted 2024.04.24 14:03").as_deref(),
            Some("2024-04-24")
        );
        assert_eq!(iso("11/19/2019 5:34 PM").as_deref(), Some("2019-11-19"));
        assert_eq!(iso("version 1.2.3"), None);
    }

    #[test]
    fn day_numbers() {
        let d = |y, m, dd| Date::new(y, m, dd).unwrap();
        assert_eq!(d(1970, 1, 1).day_number(), 0);
        assert_eq!(d(2024, 3, 1).days_from(&d(2024, 2, 28)), 2);
        // 1970-01-01 was a Thursday (4 with Sunday = 0); 2024-04-24 a Wednesday.
        assert_eq!((d(2024, 4, 24).day_number() + 4).rem_euclid(7), 3);
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
