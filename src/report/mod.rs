//! Reports: each a function from the stored facts and plain filters to typed rows, which the
//! output writer renders. No SQL and no printing here.

pub mod check;
pub mod forwards;
pub mod routing;
pub mod silence;
pub mod weekly;

use chrono::NaiveDate;

use crate::calendar::{Calendar, due_date};
use crate::derive::date_of;
use crate::store::AppealFact;

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
}

/// Whether an appeal missed its deadline: its first answer came after the due date, or has not
/// come by the as-of date and the due date has passed. None when it cannot be told (answered on
/// an unknown date) or does not apply (rejected).
pub fn overdue(fact: &AppealFact, calendar: &Calendar, filters: &Filters) -> Option<bool> {
    let due = due_of(fact, calendar, filters)?;
    match fact.answered_at.as_deref().and_then(date_of) {
        Some(answered) => Some(answered > due),
        None if fact.answered || fact.route == "rejected" => None,
        None => Some(filters.as_of > due),
    }
}

pub fn due_of(fact: &AppealFact, calendar: &Calendar, filters: &Filters) -> Option<NaiveDate> {
    Some(due_date(
        calendar,
        date_of(&fact.submitted_at)?,
        filters.deadline_days,
    ))
}

/// The median of the non-negative values; a negative count of days is a data problem and is
/// left out of timing figures.
pub fn median_days(values: impl Iterator<Item = i64>) -> Option<f64> {
    let mut days: Vec<i64> = values.filter(|d| *d >= 0).collect();
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

    #[test]
    fn medians_leave_out_negative_days() {
        assert_eq!(median_days([3, 1, 2].into_iter()), Some(2.0));
        assert_eq!(median_days([4, 1, 2, 3].into_iter()), Some(2.5));
        assert_eq!(median_days([-5, 7].into_iter()), Some(7.0));
        assert_eq!(median_days(std::iter::empty()), None);
    }

    #[test]
    fn percentages_round_to_one_decimal() {
        assert_eq!(pct(2, 13), Some(15.4));
        assert_eq!(pct(1, 3), Some(33.3));
        assert_eq!(pct(0, 0), None);
    }
}
