//! `report routing`: per addressee, how its appeals were answered.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Filters, median_days, overdue, pct, wilson};
use crate::calendar::Calendar;
use crate::store::AppealFact;

pub const COLUMNS: &[&str] = &[
    "addressee",
    "appeals",
    "personal",
    "forwarded",
    "unanswered",
    "unknown",
    "personal_pct",
    "forwarded_pct",
    "median_days_to_answer",
    "overdue",
    "rejected",
    "answered_pct",
    "personal_pct_low",
    "personal_pct_high",
    "forwarded_pct_low",
    "forwarded_pct_high",
    "unsatisfied",
    "vanished",
    "note",
];

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct RoutingRow {
    pub addressee: String,
    pub appeals: u64,
    pub personal: u64,
    pub forwarded: u64,
    pub unanswered: u64,
    pub unknown: u64,
    pub personal_pct: Option<f64>,
    pub forwarded_pct: Option<f64>,
    pub median_days_to_answer: Option<f64>,
    /// How many answers the median is over.
    #[serde(skip)]
    pub timed_answers: u64,
    pub overdue: u64,
    pub rejected: u64,
    pub answered_pct: Option<f64>,
    pub personal_pct_low: Option<f64>,
    pub personal_pct_high: Option<f64>,
    pub forwarded_pct_low: Option<f64>,
    pub forwarded_pct_high: Option<f64>,
    pub unsatisfied: u64,
    pub vanished: u64,
    pub note: Option<String>,
}

/// One row per official, sorted by appeals descending, then name.
pub fn routing(facts: &[AppealFact], filters: &Filters, calendar: &Calendar) -> Vec<RoutingRow> {
    let mut groups: BTreeMap<&str, Vec<&AppealFact>> = BTreeMap::new();
    for fact in facts {
        groups.entry(fact.official.as_str()).or_default().push(fact);
    }
    let mut rows: Vec<RoutingRow> = groups
        .into_iter()
        .map(|(name, group)| row(name, &group, filters, calendar))
        .collect();
    rows.sort_by(|a, b| {
        b.appeals
            .cmp(&a.appeals)
            .then_with(|| a.addressee.cmp(&b.addressee))
    });
    rows
}

fn row(name: &str, group: &[&AppealFact], filters: &Filters, calendar: &Calendar) -> RoutingRow {
    let count = |route: &str| group.iter().filter(|f| f.route == route).count() as u64;
    let n = group.len() as u64;
    let personal = count("personal");
    let forwarded = count("forwarded");
    let answered = group.iter().filter(|f| f.answered).count() as u64;
    let personal_ci = wilson(personal, n);
    let forwarded_ci = wilson(forwarded, n);
    let timed = || {
        group
            .iter()
            .filter_map(|f| f.days_to_answer)
            .filter(|d| *d >= 0)
    };
    RoutingRow {
        addressee: name.to_string(),
        appeals: n,
        personal,
        forwarded,
        unanswered: count("unanswered"),
        unknown: count("unknown"),
        personal_pct: pct(personal, n),
        forwarded_pct: pct(forwarded, n),
        median_days_to_answer: median_days(timed()),
        timed_answers: timed().count() as u64,
        overdue: group
            .iter()
            .filter(|f| overdue(f, calendar, filters) == Some(true))
            .count() as u64,
        rejected: count("rejected"),
        answered_pct: pct(answered, n),
        personal_pct_low: personal_ci.map(|c| c.0),
        personal_pct_high: personal_ci.map(|c| c.1),
        forwarded_pct_low: forwarded_ci.map(|c| c.0),
        forwarded_pct_high: forwarded_ci.map(|c| c.1),
        unsatisfied: group.iter().filter(|f| f.unsatisfied == Some(true)).count() as u64,
        vanished: group.iter().filter(|f| f.vanished).count() as u64,
        note: (n < filters.min_n).then(|| "few".to_string()),
    }
}

/// The columns people read (table and md): shares with their 95% interval as
/// `15.4% (4.3–42.2)`, the median with how many answers it is over.
pub const READING_COLUMNS: &[&str] = &[
    "addressee",
    "appeals",
    "personal",
    "forwarded",
    "unanswered",
    "unknown",
    "rejected",
    "personal_pct",
    "forwarded_pct",
    "answered_pct",
    "median_days_to_answer",
    "overdue",
    "unsatisfied",
    "vanished",
    "note",
];

/// Rows for reading: the same figures, the intervals written beside the shares.
pub fn for_reading(rows: &[RoutingRow]) -> crate::output::Rows {
    use serde_json::Value;
    let share = |pct: Option<f64>, low: Option<f64>, high: Option<f64>| match (pct, low, high) {
        (Some(p), Some(l), Some(h)) => Value::String(format!("{p:.1}% ({l:.1}–{h:.1})")),
        _ => Value::Null,
    };
    let values = rows
        .iter()
        .map(|r| {
            vec![
                r.addressee.clone().into(),
                r.appeals.into(),
                r.personal.into(),
                r.forwarded.into(),
                r.unanswered.into(),
                r.unknown.into(),
                r.rejected.into(),
                share(r.personal_pct, r.personal_pct_low, r.personal_pct_high),
                share(r.forwarded_pct, r.forwarded_pct_low, r.forwarded_pct_high),
                r.answered_pct
                    .map_or(Value::Null, |p| format!("{p:.1}%").into()),
                r.median_days_to_answer.map_or(Value::Null, |m| {
                    format!("{m:.1} (n={})", r.timed_answers).into()
                }),
                r.overdue.into(),
                r.unsatisfied.into(),
                r.vanished.into(),
                r.note.clone().map_or(Value::Null, Value::String),
            ]
        })
        .collect();
    crate::output::Rows {
        columns: READING_COLUMNS.iter().map(|c| c.to_string()).collect(),
        values,
    }
}
