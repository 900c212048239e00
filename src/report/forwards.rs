//! `report forwards`: per addressee and target, where forwarded appeals went.

use std::collections::BTreeMap;

use serde::Serialize;

use super::median_days;
use crate::store::AppealFact;

pub const COLUMNS: &[&str] = &[
    "addressee",
    "forwarded_to",
    "appeals",
    "median_days_to_answer",
];

/// Forwarded appeals with no known target are counted under this name.
pub const UNKNOWN_TARGET: &str = "unknown";

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ForwardRow {
    pub addressee: String,
    pub forwarded_to: String,
    pub appeals: u64,
    pub median_days_to_answer: Option<f64>,
}

/// Sorted by addressee, then appeals descending, then target.
pub fn forwards(facts: &[AppealFact]) -> Vec<ForwardRow> {
    let mut groups: BTreeMap<(&str, &str), Vec<&AppealFact>> = BTreeMap::new();
    for fact in facts.iter().filter(|f| f.route == "forwarded") {
        let target = fact.route_target.as_deref().unwrap_or(UNKNOWN_TARGET);
        groups
            .entry((fact.official.as_str(), target))
            .or_default()
            .push(fact);
    }
    let mut rows: Vec<ForwardRow> = groups
        .into_iter()
        .map(|((addressee, target), group)| ForwardRow {
            addressee: addressee.to_string(),
            forwarded_to: target.to_string(),
            appeals: group.len() as u64,
            median_days_to_answer: median_days(group.iter().filter_map(|f| f.days_to_answer)),
        })
        .collect();
    rows.sort_by(|a, b| {
        a.addressee
            .cmp(&b.addressee)
            .then_with(|| b.appeals.cmp(&a.appeals))
            .then_with(|| a.forwarded_to.cmp(&b.forwarded_to))
    });
    rows
}

/// The first `top` targets of each addressee, for the audit summary.
pub fn top_per_addressee(rows: Vec<ForwardRow>, top: usize) -> Vec<ForwardRow> {
    let mut out: Vec<ForwardRow> = Vec::new();
    let mut taken = 0;
    for row in rows {
        if out
            .last()
            .is_none_or(|last| last.addressee != row.addressee)
        {
            taken = 0;
        }
        if taken < top {
            out.push(row);
        }
        taken += 1;
    }
    out
}
