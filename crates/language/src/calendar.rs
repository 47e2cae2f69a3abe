//! A small proleptic Gregorian calendar: day numbers, weekdays, ISO weeks.

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month 1–12.
    pub month: u32,
    /// Day 1–31.
    pub day: u32,
}

/// Days in a month.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A valid date, or `None`.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD` (extra characters after the day are ignored).
    pub fn parse(s: &str) -> Option<Date> {
        let y = s.get(0..4)?.parse().ok()?;
        let m = s.get(5..7)?.parse().ok()?;
        let d = s.get(8..10)?.parse().ok()?;
        Date::new(y, m, d)
    }

    /// Days since 1970-01-01.
    pub fn day_number(&self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date of a day number.
    pub fn from_day_number(z: i64) -> Date {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        Date {
            year: (y + i64::from(m <= 2)) as i32,
            month: m,
            day: d,
        }
    }

    /// This date plus `n` days.
    pub fn add_days(&self, n: i64) -> Date {
        Date::from_day_number(self.day_number() + n)
    }

    /// ISO weekday, Monday = 1 … Sunday = 7.
    pub fn weekday(&self) -> u32 {
        ((self.day_number() + 3).rem_euclid(7) + 1) as u32
    }

    /// ISO week-numbering year and week.
    pub fn iso_week(&self) -> (i32, u32) {
        let thursday = self.add_days(4 - i64::from(self.weekday()));
        let jan1 = Date {
            year: thursday.year,
            month: 1,
            day: 1,
        };
        let week = (thursday.day_number() - jan1.day_number()) / 7 + 1;
        (thursday.year, week as u32)
    }

    /// `YYYY-MM-DD`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// Quarter 1–4.
    pub fn quarter(&self) -> u32 {
        (self.month - 1) / 3 + 1
    }

    /// The same day `n` months later (clamped to the month's length).
    pub fn add_months(&self, n: i32) -> Date {
        let total = self.year * 12 + self.month as i32 - 1 + n;
        let year = total.div_euclid(12);
        let month = (total.rem_euclid(12) + 1) as u32;
        let day = self.day.min(days_in_month(year, month));
        Date { year, month, day }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_weeks() {
        let d = Date::new(2024, 4, 24).unwrap();
        assert_eq!(Date::from_day_number(d.day_number()), d);
        assert_eq!(d.weekday(), 3);
        assert_eq!(Date::new(2013, 3, 22).unwrap().iso_week(), (2013, 12));
        assert_eq!(Date::new(2021, 1, 3).unwrap().iso_week(), (2020, 53));
        assert_eq!(d.add_days(-1).iso(), "2024-04-23");
        assert_eq!(
            Date::new(2024, 3, 31).unwrap().add_months(-1).iso(),
            "2024-02-29"
        );
        for z in -1000..1000 {
            assert_eq!(Date::from_day_number(z).day_number(), z);
        }
    }
}
