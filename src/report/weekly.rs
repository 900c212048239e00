//! `report weekly`: one period (an ISO week by default) against the period before it: routing,
//! where forwarded appeals went, silence at the period's end, and the change in each figure.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::Serialize;

use super::forwards::{ForwardRow, forwards};
use super::routing::{RoutingRow, routing};
use super::silence::SilenceRow;
use super::{Filters, pct, wilson};
use crate::calendar::Calendar;
use crate::classify::{Route, RouteCounts};
use crate::i18n::tr;
use crate::store::AppealFact;

/// A period of whole days, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub since: NaiveDate,
    pub until: NaiveDate,
}

impl Period {
    /// `YYYY-Www`, an ISO week, Monday to Sunday; else why not, as `--week`'s error in the
    /// run's language.
    pub fn parse_week(week: &str) -> Result<Period, String> {
        let quoted = format!("{week:?}");
        let bad = || tr("usage-week-form", &[("week", quoted.clone().into())]);
        let (year, number) = week.trim().split_once(['-']).ok_or_else(bad)?;
        let number = number.trim_start_matches(['W', 'w']);
        let (year, number): (i32, u32) = (
            year.parse().map_err(|_| bad())?,
            number.parse().map_err(|_| bad())?,
        );
        let monday = NaiveDate::from_isoywd_opt(year, number, Weekday::Mon).ok_or_else(|| {
            tr(
                "usage-week-none",
                &[
                    ("week", quoted.clone().into()),
                    ("year", year.to_string().into()),
                    ("number", number.to_string().into()),
                ],
            )
        })?;
        Ok(Period {
            since: monday,
            until: monday + Days::new(6),
        })
    }

    /// The last full ISO week that ended before `as_of`.
    pub fn last_full_week(as_of: NaiveDate) -> Period {
        let in_week = as_of - Days::new(7);
        let monday = in_week - Days::new(in_week.weekday().num_days_from_monday() as u64);
        Period {
            since: monday,
            until: monday + Days::new(6),
        }
    }

    /// The period of the same length that ends the day before this one starts.
    pub fn previous(self) -> Period {
        let days = (self.until - self.since).num_days() as u64 + 1;
        Period {
            since: self.since - Days::new(days),
            until: self.since - Days::new(1),
        }
    }

    /// `2022-W39` when the period is exactly one ISO week.
    pub fn iso_week(self) -> Option<String> {
        let week = self.since.iso_week();
        (self.since.weekday() == Weekday::Mon && (self.until - self.since).num_days() == 6)
            .then(|| format!("{}-W{:02}", week.year(), week.week()))
    }

    pub fn contains(self, date: NaiveDate) -> bool {
        self.since <= date && date <= self.until
    }
}

/// One official's figures this period against the period before.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ChangeRow {
    pub addressee: String,
    pub appeals: u64,
    pub appeals_before: u64,
    pub personal: u64,
    pub personal_before: u64,
    pub forwarded: u64,
    pub forwarded_before: u64,
    pub unanswered: u64,
    pub unanswered_before: u64,
    pub overdue: u64,
    pub overdue_before: u64,
}

#[derive(Debug, Clone)]
pub struct Weekly {
    pub period: Period,
    pub previous: Period,
    pub routing: Vec<RoutingRow>,
    pub forwards: Vec<ForwardRow>,
    pub silence: Vec<SilenceRow>,
    pub previous_routing: Vec<RoutingRow>,
    pub change: Vec<ChangeRow>,
}

/// `facts` may hold any appeals; only those submitted in the two periods count.
pub fn weekly(
    facts: &[AppealFact],
    silence: Vec<SilenceRow>,
    period: Period,
    filters: &Filters,
    calendar: &Calendar,
) -> Weekly {
    let previous = period.previous();
    let within = |p: Period| -> Vec<AppealFact> {
        facts
            .iter()
            .filter(|f| crate::derive::date_of(&f.submitted_at).is_some_and(|d| p.contains(d)))
            .cloned()
            .collect()
    };
    let (now, before) = (within(period), within(previous));
    let routing_now = routing(&now, filters, calendar);
    let routing_before = routing(&before, filters, calendar);
    let mut names: Vec<&str> = routing_now.iter().map(|r| r.addressee.as_str()).collect();
    for r in &routing_before {
        if !names.contains(&r.addressee.as_str()) {
            names.push(&r.addressee);
        }
    }
    let find = |rows: &[RoutingRow], name: &str| {
        rows.iter()
            .find(|r| r.addressee == name)
            .cloned()
            .unwrap_or_default()
    };
    let change = names
        .iter()
        .map(|name| {
            let (a, b) = (find(&routing_now, name), find(&routing_before, name));
            ChangeRow {
                addressee: name.to_string(),
                appeals: a.appeals,
                appeals_before: b.appeals,
                personal: a.personal,
                personal_before: b.personal,
                forwarded: a.forwarded,
                forwarded_before: b.forwarded,
                unanswered: a.unanswered,
                unanswered_before: b.unanswered,
                overdue: a.overdue,
                overdue_before: b.overdue,
            }
        })
        .collect();
    Weekly {
        period,
        previous,
        forwards: forwards(&now),
        routing: routing_now,
        silence,
        previous_routing: routing_before,
        change,
    }
}

/// `12 (↑3)`, `12 (↓1)`, `12 (=)`: a figure with its change against the period before.
pub fn with_arrow(now: u64, before: u64) -> String {
    match now.cmp(&before) {
        std::cmp::Ordering::Greater => format!("{now} (↑{})", now - before),
        std::cmp::Ordering::Less => format!("{now} (↓{})", before - now),
        std::cmp::Ordering::Equal => format!("{now} (=)"),
    }
}

/// All officials' appeals of one week together: counts by route, the personal share and its
/// 95% interval (the trend of the weekly page).
pub struct WeekTotal {
    pub period: Period,
    /// The ISO week (`2022-W39`), or the dates of a period that is not one.
    pub label: String,
    pub appeals: u64,
    pub counts: RouteCounts,
    pub personal_pct: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
}

impl WeekTotal {
    /// `dates` names a period that is not an ISO week (in the run's language: the caller's).
    pub fn of(
        period: Period,
        rows: &[RoutingRow],
        dates: impl FnOnce(Period) -> String,
    ) -> WeekTotal {
        let mut counts = RouteCounts::default();
        for r in rows {
            let of_row = r.route_counts();
            for route in Route::ALL {
                counts.add(route, of_row.get(route));
            }
        }
        let appeals = rows.iter().map(|r| r.appeals).sum();
        let personal = counts.get(Route::Personal);
        let interval = wilson(personal, appeals);
        WeekTotal {
            period,
            label: period.iso_week().unwrap_or_else(|| dates(period)),
            appeals,
            counts,
            personal_pct: pct(personal, appeals),
            low: interval.map(|i| i.0),
            high: interval.map(|i| i.1),
        }
    }

    /// The appeals of every week together.
    pub fn appeals_of(weeks: &[WeekTotal]) -> u64 {
        weeks.iter().map(|w| w.appeals).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn weeks() {
        let w39 = Period::parse_week("2022-W39").unwrap();
        assert_eq!(
            (w39.since, w39.until),
            (day("2022-09-26"), day("2022-10-02"))
        );
        assert_eq!(w39.iso_week().as_deref(), Some("2022-W39"));
        assert_eq!(
            w39.previous(),
            Period {
                since: day("2022-09-19"),
                until: day("2022-09-25")
            }
        );
        // The last full week before a Monday is the week that just ended; before a Sunday,
        // the week before it.
        assert_eq!(Period::last_full_week(day("2022-10-03")), w39);
        assert_eq!(
            Period::last_full_week(day("2022-10-02")).since,
            day("2022-09-19")
        );
        assert_eq!(
            Period::parse_week("2020-W53").unwrap().until,
            day("2021-01-03")
        );
        assert!(Period::parse_week("2022-W53").is_err());
        assert!(Period::parse_week("2022-39").is_ok());
        assert!(Period::parse_week("W39").is_err());
    }

    #[test]
    fn arrows() {
        assert_eq!(with_arrow(12, 9), "12 (↑3)");
        assert_eq!(with_arrow(8, 9), "8 (↓1)");
        assert_eq!(with_arrow(0, 0), "0 (=)");
    }
}
