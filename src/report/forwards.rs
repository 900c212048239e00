//! `report forwards`: per addressee and target, where forwarded appeals went.

use super::routing::RoutingRow;
use std::collections::BTreeMap;

use serde::Serialize;

use super::DayCounts;
use crate::classify::Route;
use crate::store::{AppealFact, FactRef};

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
    let mut fold = ForwardsFold::default();
    for fact in facts {
        fold.add(&fact.fact_ref());
    }
    fold.finish()
}

/// Forwarded appeals gathered appeal by appeal, in any order; in official order (as the store
/// reads them) each official's targets are looked up once.
#[derive(Debug, Default)]
pub struct ForwardsFold {
    /// The official whose appeals are being read, and their targets.
    official: String,
    targets: Targets,
    /// Every other official's targets so far.
    others: BTreeMap<String, Targets>,
}

/// Per target: how many appeals went there and their days to answer.
type Targets = BTreeMap<String, (u64, DayCounts)>;

impl ForwardsFold {
    pub fn add(&mut self, fact: &FactRef<'_>) {
        if fact.route != Route::Forwarded {
            return;
        }
        if fact.official != self.official {
            self.switch_to(fact.official);
        }
        let target = fact.route_target.unwrap_or(UNKNOWN_TARGET);
        // Looked up by &str first, so that only a new target allocates.
        let group = match self.targets.get_mut(target) {
            Some(group) => group,
            None => self.targets.entry(target.to_string()).or_default(),
        };
        group.0 += 1;
        if let Some(days) = fact.days_to_answer {
            group.1.add(days);
        }
    }

    /// Puts the current official's targets away and takes out the official's own.
    fn switch_to(&mut self, official: &str) {
        let targets = self.others.remove(official).unwrap_or_default();
        let done = std::mem::replace(&mut self.targets, targets);
        let name = std::mem::replace(&mut self.official, official.to_string());
        if !done.is_empty() {
            self.others.insert(name, done);
        }
    }

    /// Sorted by addressee, then appeals descending, then target.
    pub fn finish(mut self) -> Vec<ForwardRow> {
        if !self.targets.is_empty() {
            self.others.insert(self.official, self.targets);
        }
        let mut rows: Vec<ForwardRow> = Vec::new();
        for (addressee, targets) in self.others {
            for (target, (appeals, mut days)) in targets {
                rows.push(ForwardRow {
                    addressee: addressee.clone(),
                    forwarded_to: target,
                    appeals,
                    median_days_to_answer: days.median(),
                });
            }
        }
        rows.sort_by(|a, b| {
            a.addressee
                .cmp(&b.addressee)
                .then_with(|| b.appeals.cmp(&a.appeals))
                .then_with(|| a.forwarded_to.cmp(&b.forwarded_to))
        });
        rows
    }
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
/// One official's forward rows, as they come (grouped by addressee), with how many appeals
/// they list and how many the official forwarded in all.
pub struct ForwardGroup<'a> {
    pub addressee: &'a str,
    pub rows: Vec<&'a ForwardRow>,
    pub listed: u64,
    /// From `routing` when the rows are only the top targets, else the rows' own sum.
    pub forwarded: u64,
}

/// The rows grouped by addressee; `routing`, when the rows are only each official's top
/// targets (audit), gives each official's whole number forwarded.
pub fn by_addressee<'a>(
    rows: &'a [ForwardRow],
    routing: Option<&[RoutingRow]>,
) -> Vec<ForwardGroup<'a>> {
    let mut groups: Vec<ForwardGroup> = Vec::new();
    for row in rows {
        match groups.last_mut() {
            Some(group) if group.addressee == row.addressee => group.rows.push(row),
            _ => groups.push(ForwardGroup {
                addressee: &row.addressee,
                rows: vec![row],
                listed: 0,
                forwarded: 0,
            }),
        }
    }
    for group in &mut groups {
        group.listed = group.rows.iter().map(|r| r.appeals).sum();
        group.forwarded = match routing {
            Some(routing) => routing
                .iter()
                .find(|r| r.addressee == group.addressee)
                .map_or(0, |r| r.forwarded),
            None => group.listed,
        };
    }
    groups
}

/// The appeals forwarded by every group together.
pub fn total_forwarded(groups: &[ForwardGroup]) -> u64 {
    groups.iter().map(|g| g.forwarded).sum()
}
