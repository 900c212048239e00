//! Reports: each a function from the stored facts and plain filters to typed rows, which the
//! output writer renders. No SQL and no printing here.

pub mod check;
pub mod forwards;
pub mod routing;
mod selection;
pub mod silence;
pub mod weekly;

pub use selection::{
    FilterOptions, appeal_filter, silence_rows, warn_calendar, warn_calendar_days,
};

use chrono::NaiveDate;

use crate::calendar::{Calendar, due_date};
use crate::classify::Route;
use crate::derive::date_of;
use crate::records::names::EntryKind;
use crate::store::{AppealFact, FactRef};

/// The filters and settings of a report, validated and resolved (names under their directory
/// names, dates parsed).
#[derive(Debug, Clone)]
pub struct Filters {
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub addressee: Option<String>,
    pub department: Option<String>,
    pub channel: Option<String>,
    pub as_of: NaiveDate,
    pub deadline_days: Option<u32>,
    pub stale_after: i64,
    pub min_n: u64,
    pub originals_only: bool,
    /// Silence: only entries of this kind (`--kind`).
    pub kind: Option<EntryKind>,
}

impl Filters {
    /// No filter, the defaults of the flags, as of `as_of`: what unit tests start from.
    #[cfg(test)]
    pub fn as_of(as_of: NaiveDate) -> Filters {
        Filters {
            since: None,
            until: None,
            addressee: None,
            department: None,
            channel: None,
            as_of,
            deadline_days: None,
            stale_after: 30,
            min_n: 10,
            originals_only: false,
            kind: None,
        }
    }
}

/// Whether an appeal missed its deadline: its first answer came after the due date, or has not
/// come by the as-of date and the due date has passed. None when it cannot be told (answered on
/// an unknown date) or does not apply (rejected).
pub fn overdue(fact: &AppealFact, calendar: &Calendar, filters: &Filters) -> Option<bool> {
    let due = due_of(fact, calendar, filters)?;
    let answered_on = fact.answered_at.as_deref().and_then(date_of);
    missed_deadline(&fact.fact_ref(), due, answered_on, filters.as_of)
}

/// `overdue` once the due date and the answer's date are known: the one statement of the rule,
/// which the routing fold applies with dates it works out once per day.
pub fn missed_deadline(
    fact: &FactRef<'_>,
    due: NaiveDate,
    answered_on: Option<NaiveDate>,
    as_of: NaiveDate,
) -> Option<bool> {
    match answered_on {
        Some(answered) => Some(answered > due),
        None if fact.answered || fact.route == Route::Rejected => None,
        None => Some(as_of > due),
    }
}

pub fn due_of(fact: &AppealFact, calendar: &Calendar, filters: &Filters) -> Option<NaiveDate> {
    Some(due_date(
        calendar,
        date_of(&fact.submitted_at)?,
        filters.deadline_days,
    ))
}

/// Due dates and answer dates for a fold over many appeals, each date parsed and each due date
/// worked out once: a million appeals fall on a few thousand days.
pub struct DueDates<'a> {
    calendar: &'a Calendar,
    deadline_days: Option<u32>,
    /// By submission day: the day and its due date.
    submitted: DayTable<Option<(NaiveDate, NaiveDate)>>,
    /// By answer day: the day.
    answered: DayTable<Option<NaiveDate>>,
}

impl<'a> DueDates<'a> {
    pub fn new(calendar: &'a Calendar, deadline_days: Option<u32>) -> DueDates<'a> {
        DueDates {
            calendar,
            deadline_days,
            submitted: DayTable::default(),
            answered: DayTable::default(),
        }
    }

    /// The due date of an appeal submitted at `stamp`, as `due_of` gives it.
    pub fn due(&mut self, stamp: &str) -> Option<NaiveDate> {
        let (calendar, deadline_days) = (self.calendar, self.deadline_days);
        let day = self.submitted.get_or_insert(stamp, || {
            date_of(stamp).map(|day| (day, due_date(calendar, day, deadline_days)))
        });
        day.map(|(_, due)| due)
    }

    /// The date of an answer given at `stamp`, as `date_of` reads it.
    pub fn answered_on(&mut self, stamp: &str) -> Option<NaiveDate> {
        self.answered.get_or_insert(stamp, || date_of(stamp))
    }

    /// Every submission day `due` was asked about.
    pub fn submitted_days(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.submitted.values().flatten().map(|(day, _)| day)
    }
}

/// Values by the date part of a stamp, `YYYY-MM-DD`, in one slot per month and day of each year
/// seen: a look-up is two indexings. Two look-ups per appeal in a HashMap took about 20 ms of a
/// 280 ms routing report over a million appeals; this takes about 5.
struct DayTable<T> {
    years: Vec<Option<Box<[Option<T>; SLOTS_A_YEAR]>>>,
}

const SLOTS_A_YEAR: usize = 12 * 31;

impl<T> Default for DayTable<T> {
    fn default() -> Self {
        DayTable { years: Vec::new() }
    }
}

impl<T: Copy> DayTable<T> {
    /// The value for the stamp's date, made by `make` the first time. A stamp not shaped like
    /// a date has no slot and `make` runs every time: `date_of` reads no date from it anyway.
    fn get_or_insert(&mut self, stamp: &str, make: impl FnOnce() -> T) -> T {
        let Some((year, slot)) = day_slot(stamp) else {
            return make();
        };
        if self.years.len() <= year {
            self.years.resize_with(year + 1, || None);
        }
        let days = self.years[year].get_or_insert_with(|| Box::new([None; SLOTS_A_YEAR]));
        *days[slot].get_or_insert_with(make)
    }

    /// Every value made so far.
    fn values(&self) -> impl Iterator<Item = T> + '_ {
        self.years
            .iter()
            .flatten()
            .flat_map(|days| days.iter().flatten().copied())
    }
}

/// Where a stamp's date part sits in a `DayTable`: its year, and its month and day as one index
/// of 12 × 31. Its first ten bytes alone decide it, as they alone decide `date_of` (with ten
/// ASCII bytes the eleventh starts a character), so one slot holds one date. None for a stamp
/// not shaped `DDDD-DD-DD`, or with a month or day that no date has.
fn day_slot(stamp: &str) -> Option<(usize, usize)> {
    let bytes = stamp.as_bytes();
    if bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
        return None;
    }
    let digit = |i: usize| {
        let byte = *bytes.get(i)?;
        byte.is_ascii_digit().then(|| usize::from(byte - b'0'))
    };
    let year = digit(0)? * 1000 + digit(1)? * 100 + digit(2)? * 10 + digit(3)?;
    let month = digit(5)? * 10 + digit(6)?;
    let day = digit(8)? * 10 + digit(9)?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    Some((year, (month - 1) * 31 + day - 1))
}

/// Days to answer, for their median: the middle value, or the mean of the two middle ones. A
/// negative count of days is a data problem and is left out of timing figures. Listed while
/// few, then counted by value, which over a million answers is cheaper than listing and sorting
/// and keeps memory to a few KiB per official however many answers there are.
#[derive(Debug, Clone, Default)]
pub struct DayCounts {
    /// Every value while listing; once counting, the values of `COUNTED_DAYS` or more.
    listed: Vec<i64>,
    /// Once counting: how many answers took each number of days below `COUNTED_DAYS`.
    by_day: Vec<u64>,
    counting: bool,
    total: u64,
}

/// Days counted by value; longer answers stay listed, few in any real data.
const COUNTED_DAYS: usize = 366;
/// How many values are listed before counting starts.
const LISTED_AT_MOST: usize = 64;

impl DayCounts {
    /// Adds one answer's days; negative counts are left out.
    pub fn add(&mut self, days: i64) {
        if days < 0 {
            return;
        }
        self.total += 1;
        if self.counting {
            self.count(days);
        } else {
            self.listed.push(days);
            if self.listed.len() > LISTED_AT_MOST {
                self.start_counting();
            }
        }
    }

    fn count(&mut self, days: i64) {
        match usize::try_from(days) {
            Ok(day) if day < COUNTED_DAYS => {
                if day >= self.by_day.len() {
                    self.by_day.resize(day + 1, 0);
                }
                self.by_day[day] += 1;
            }
            _ => self.listed.push(days),
        }
    }

    fn start_counting(&mut self) {
        self.counting = true;
        for days in std::mem::take(&mut self.listed) {
            self.count(days);
        }
    }

    /// How many answers were added (negative ones left out).
    pub fn total(&self) -> u64 {
        self.total
    }

    /// The middle value, or the mean of the two middle ones; None with no answers.
    pub fn median(&mut self) -> Option<f64> {
        if self.total == 0 {
            return None;
        }
        self.listed.sort_unstable();
        let mid = self.total / 2;
        let upper = self.nth(mid)?;
        if self.total % 2 == 1 {
            return Some(upper as f64);
        }
        let lower = self.nth(mid - 1)?;
        Some((lower + upper) as f64 / 2.0)
    }

    /// The `k`th smallest value, from 0, once `listed` is sorted: the counted values all come
    /// before the listed ones.
    fn nth(&self, k: u64) -> Option<i64> {
        let mut seen = 0;
        for (day, count) in self.by_day.iter().enumerate() {
            seen += count;
            if k < seen {
                return i64::try_from(day).ok();
            }
        }
        let index = usize::try_from(k - seen).ok()?;
        self.listed.get(index).copied()
    }
}

/// A percentage of `total`, rounded to one decimal; None for an empty total.
pub fn pct(part: u64, total: u64) -> Option<f64> {
    (total > 0).then(|| round1(100.0 * part as f64 / total as f64))
}

pub fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// The 95% Wilson score interval of `k` successes in `n`, in percent rounded to one decimal.
pub fn wilson(k: u64, n: u64) -> Option<(f64, f64)> {
    if n == 0 {
        return None;
    }
    const Z: f64 = 1.959_963_984_540_054;
    let (k, n) = (k as f64, n as f64);
    let p = k / n;
    let z2 = Z * Z;
    let denominator = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denominator;
    let half = Z / denominator * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    Some((
        round1(100.0 * (centre - half).max(0.0)),
        round1(100.0 * (centre + half).min(1.0)),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wilson_matches_published_values() {
        // Known values: 2 of 13 → 4.3–42.2 %; 0 of 10 → 0–27.8 %; 10 of 10 → 72.2–100 %.
        assert_eq!(wilson(2, 13), Some((4.3, 42.2)));
        assert_eq!(wilson(0, 10), Some((0.0, 27.8)));
        assert_eq!(wilson(10, 10), Some((72.2, 100.0)));
        assert_eq!(wilson(50, 100), Some((40.4, 59.6)));
        assert_eq!(wilson(0, 0), None);
    }

    fn median_days(values: &[i64]) -> Option<f64> {
        let mut counts = DayCounts::default();
        values.iter().for_each(|days| counts.add(*days));
        counts.median()
    }

    #[test]
    fn medians_leave_out_negative_days() {
        assert_eq!(median_days(&[3, 1, 2]), Some(2.0));
        assert_eq!(median_days(&[4, 1, 2, 3]), Some(2.5));
        assert_eq!(median_days(&[-5, 7]), Some(7.0));
        assert_eq!(median_days(&[]), None);
    }

    /// The median as a full sort defines it: the definition the reports have always used.
    fn sorted_median(values: &[i64]) -> Option<f64> {
        let mut days: Vec<i64> = values.iter().copied().filter(|d| *d >= 0).collect();
        if days.is_empty() {
            return None;
        }
        days.sort_unstable();
        let mid = days.len() / 2;
        Some(if days.len() % 2 == 1 {
            days[mid] as f64
        } else {
            (days[mid - 1] + days[mid]) as f64 / 2.0
        })
    }

    #[test]
    fn medians_by_counting_equal_medians_by_sorting() {
        // A small linear congruential generator: many lengths, repeats and negative values.
        let mut state: u64 = 7;
        let mut next = |range: i64| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            (state >> 33) as i64 % range
        };
        for _ in 0..5000 {
            // Lengths either side of the listing limit, and now and then many more.
            let len = match next(10) {
                0 => 1000,
                _ => next(2 * LISTED_AT_MOST as i64) as usize,
            };
            // Mostly short answers, some long ones past the counted days, some negative.
            let spread = [60, 400, 2000][next(3) as usize];
            let values: Vec<i64> = (0..len).map(|_| next(spread) - 10).collect();
            assert_eq!(median_days(&values), sorted_median(&values), "{values:?}");
        }
    }

    #[test]
    fn due_dates_are_remembered_per_day_and_match_due_of() {
        let calendar = Calendar::new(
            crate::calendar::CalendarKind::Kz,
            &crate::calendar::Overrides::default(),
        );
        let mut dues = DueDates::new(&calendar, None);
        for stamp in [
            "2022-08-02",
            "2022-08-02 10:15",
            "2022-12-30",
            "2016-01-09",
            "2022-08-02",
            "",
            "2022-13-01",
            "02.08.2022",
        ] {
            let expected = date_of(stamp).map(|d| due_date(&calendar, d, None));
            assert_eq!(dues.due(stamp), expected, "{stamp:?}");
        }
        let mut days: Vec<NaiveDate> = dues.submitted_days().collect();
        days.sort_unstable();
        let shown: Vec<String> = days.iter().map(NaiveDate::to_string).collect();
        assert_eq!(shown, ["2016-01-09", "2022-08-02", "2022-12-30"]);
    }

    #[test]
    fn day_slots_hold_one_date_each_and_every_date_has_one() {
        let stamps = [
            "2022-08-02",
            "2022-08-02T10:15:00+06:00",
            "2024-02-29",
            "2023-02-29",
            "2022-02-31",
            "0000-01-01",
            "9999-12-31",
            "2022-00-10",
            "2022-10-00",
            "2022-8-02",
            "2022/08/02",
            "2022-08-0",
            "2022-08-0é",
            "２０２２-08-02",
            "+2022-08-02",
            "",
        ];
        let mut table: DayTable<Option<NaiveDate>> = DayTable::default();
        for stamp in stamps {
            if date_of(stamp).is_some() {
                assert!(
                    day_slot(stamp).is_some(),
                    "{stamp:?} is a date without a slot"
                );
            }
            assert_eq!(
                table.get_or_insert(stamp, || date_of(stamp)),
                date_of(stamp),
                "{stamp:?}"
            );
        }
        // Asked again, every stamp gets what it got the first time.
        for stamp in stamps {
            let remembered = table.get_or_insert(stamp, || None);
            if day_slot(stamp).is_some() {
                assert_eq!(remembered, date_of(stamp), "{stamp:?}");
            }
        }
    }

    #[test]
    fn percentages_round_to_one_decimal() {
        assert_eq!(pct(2, 13), Some(15.4));
        assert_eq!(pct(1, 3), Some(33.3));
        assert_eq!(pct(0, 0), None);
    }
}
