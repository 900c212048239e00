//! Working days and deadlines. Monday to Friday for now, with `--holidays` overrides; the
//! deadline follows the law in force on the submission date.

use chrono::{Datelike, Days, NaiveDate, Weekday};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CalendarKind {
    #[default]
    Kz,
    MonFri,
}

#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub days_off: Vec<NaiveDate>,
    pub workdays: Vec<NaiveDate>,
}

/// A `--holidays` file: `2022-08-29` adds a day off, `+2022-08-27` a worked day; blank lines
/// and `#` comments are skipped.
pub fn parse_overrides(text: &str) -> Result<Overrides, String> {
    let mut overrides = Overrides::default();
    for (i, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let (worked, date) = match line.strip_prefix('+') {
            Some(rest) => (true, rest.trim()),
            None => (false, line),
        };
        let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|_| {
            format!("line {}: {line:?} is not a date: write 2022-08-29 for a day off, +2022-08-27 for a worked day", i + 1)
        })?;
        if worked {
            overrides.workdays.push(date)
        } else {
            overrides.days_off.push(date)
        }
    }
    Ok(overrides)
}

pub struct Calendar {
    overrides: Overrides,
}

impl Calendar {
    pub fn new(_kind: CalendarKind, overrides: &Overrides) -> Calendar {
        Calendar {
            overrides: overrides.clone(),
        }
    }

    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        if self.overrides.workdays.contains(&d) {
            return true;
        }
        !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !self.overrides.days_off.contains(&d)
    }

    /// The n-th working day after `from` (`from` itself not counted).
    pub fn add_working_days(&self, from: NaiveDate, n: u32) -> NaiveDate {
        let mut day = from;
        let mut counted = 0;
        while counted < n {
            match day.checked_add_days(Days::new(1)) {
                Some(next) => day = next,
                None => return day,
            }
            if self.is_working_day(day) {
                counted += 1;
            }
        }
        day
    }
}

/// The Administrative Procedural Code (art. 76: 15 working days) applies from this date; before
/// it, the Law of 12 January 2007 No. 221 gave 15 calendar days.
pub fn working_day_deadline_from() -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 7, 1).unwrap_or_default()
}

/// The deadline of an appeal submitted on `submitted`: `deadline_days` working days when given,
/// else the law in force on the submission date.
pub fn due_date(cal: &Calendar, submitted: NaiveDate, deadline_days: Option<u32>) -> NaiveDate {
    match deadline_days {
        Some(n) => cal.add_working_days(submitted, n),
        None if submitted < working_day_deadline_from() => submitted + Days::new(15),
        None => cal.add_working_days(submitted, 15),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn deadline_follows_the_law_of_the_submission_date() {
        let cal = Calendar::new(CalendarKind::MonFri, &Overrides::default());
        assert_eq!(due_date(&cal, day("2021-06-30"), None), day("2021-07-15"));
        assert_eq!(due_date(&cal, day("2021-07-01"), None), day("2021-07-22"));
        assert_eq!(
            due_date(&cal, day("2022-08-01"), Some(5)),
            day("2022-08-08")
        );
    }

    #[test]
    fn overrides() {
        let o = parse_overrides("# extra\n2022-08-29\n+2022-08-27\n").unwrap();
        let cal = Calendar::new(CalendarKind::Kz, &o);
        assert!(!cal.is_working_day(day("2022-08-29")));
        assert!(cal.is_working_day(day("2022-08-27")));
        assert!(
            parse_overrides("2022-08-29\n29.08.2022\n")
                .unwrap_err()
                .starts_with("line 2")
        );
    }
}
