//! `report routing`: per addressee, how its appeals were answered.

use std::collections::BTreeMap;

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;

use super::{DayCounts, DueDates, Filters, missed_deadline, pct, wilson};
use crate::calendar::Calendar;
use crate::catalogue;
use crate::classify::{Route, RouteCounts};
use crate::store::{AppealFact, AppealFilter, FactColumns, FactRef, Store};

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

/// The routing report and what its warning about the calendar needs.
#[derive(Debug, Clone)]
pub struct Routing {
    /// One row per official, sorted by appeals descending, then name.
    pub rows: Vec<RoutingRow>,
    /// Every distinct day appeals were submitted on, in no order.
    pub submitted_days: Vec<NaiveDate>,
}

/// The routing report over the stored appeals the filter lets through, read as a stream.
pub fn routing_of_store(
    store: &Store,
    filter: &AppealFilter,
    filters: &Filters,
    calendar: &Calendar,
) -> Result<Routing> {
    let mut fold = RoutingFold::new(filters, calendar);
    store.for_each_appeal_fact(filter, FactColumns::WithoutTargets, |fact| {
        fold.add(&fact);
        Ok(())
    })?;
    Ok(fold.finish())
}

/// One row per official, sorted by appeals descending, then name.
pub fn routing(facts: &[AppealFact], filters: &Filters, calendar: &Calendar) -> Vec<RoutingRow> {
    // In official order the fold switches officials once each.
    let mut ordered: Vec<&AppealFact> = facts.iter().collect();
    ordered.sort_by(|a, b| a.official.cmp(&b.official));
    let mut fold = RoutingFold::new(filters, calendar);
    for fact in ordered {
        fold.add(&fact.fact_ref());
    }
    fold.finish().rows
}

/// Routing figures gathered appeal by appeal. Facts may come in any order; in official order
/// (as the store reads them) each official's tally is looked up once.
pub struct RoutingFold<'a> {
    filters: &'a Filters,
    dues: DueDates<'a>,
    /// The official whose appeals are being read, and their tally.
    official: String,
    tally: Tally,
    /// Every other official's tally so far.
    others: BTreeMap<String, Tally>,
}

/// What one official's row is made from.
#[derive(Debug, Clone, Default)]
struct Tally {
    appeals: u64,
    personal: u64,
    forwarded: u64,
    unanswered: u64,
    unknown: u64,
    rejected: u64,
    answered: u64,
    overdue: u64,
    unsatisfied: u64,
    vanished: u64,
    /// Days to answer, for the median.
    days: DayCounts,
}

impl<'a> RoutingFold<'a> {
    pub fn new(filters: &'a Filters, calendar: &'a Calendar) -> RoutingFold<'a> {
        RoutingFold {
            filters,
            dues: DueDates::new(calendar, filters.deadline_days),
            official: String::new(),
            tally: Tally::default(),
            others: BTreeMap::new(),
        }
    }

    pub fn add(&mut self, fact: &FactRef<'_>) {
        if fact.official != self.official {
            self.switch_to(fact.official);
        }
        let overdue = self.dues.due(fact.submitted_at).and_then(|due| {
            let answered_on = fact.answered_at.and_then(|a| self.dues.answered_on(a));
            missed_deadline(fact, due, answered_on, self.filters.as_of)
        });
        self.tally.add(fact, overdue == Some(true));
    }

    /// Puts the current tally away and takes out the official's own.
    fn switch_to(&mut self, official: &str) {
        let tally = self.others.remove(official).unwrap_or_default();
        let done = std::mem::replace(&mut self.tally, tally);
        let name = std::mem::replace(&mut self.official, official.to_string());
        if done.appeals > 0 {
            self.others.insert(name, done);
        }
    }

    pub fn finish(mut self) -> Routing {
        if self.tally.appeals > 0 {
            self.others.insert(self.official, self.tally);
        }
        let min_n = self.filters.min_n;
        let mut rows: Vec<RoutingRow> = self
            .others
            .into_iter()
            .map(|(name, tally)| tally.into_row(name, min_n))
            .collect();
        rows.sort_by(|a, b| {
            b.appeals
                .cmp(&a.appeals)
                .then_with(|| a.addressee.cmp(&b.addressee))
        });
        Routing {
            rows,
            submitted_days: self.dues.submitted_days().collect(),
        }
    }
}

impl Tally {
    fn add(&mut self, fact: &FactRef<'_>, overdue: bool) {
        self.appeals += 1;
        match fact.route {
            Route::Personal => self.personal += 1,
            Route::Forwarded => self.forwarded += 1,
            Route::Unanswered => self.unanswered += 1,
            Route::Unknown => self.unknown += 1,
            Route::Rejected => self.rejected += 1,
        }
        self.answered += u64::from(fact.answered);
        self.overdue += u64::from(overdue);
        self.unsatisfied += u64::from(fact.unsatisfied == Some(true));
        self.vanished += u64::from(fact.vanished);
        if let Some(days) = fact.days_to_answer {
            self.days.add(days);
        }
    }

    fn into_row(mut self, name: String, min_n: u64) -> RoutingRow {
        let n = self.appeals;
        let personal_ci = wilson(self.personal, n);
        let forwarded_ci = wilson(self.forwarded, n);
        RoutingRow {
            addressee: name,
            appeals: n,
            personal: self.personal,
            forwarded: self.forwarded,
            unanswered: self.unanswered,
            unknown: self.unknown,
            personal_pct: pct(self.personal, n),
            forwarded_pct: pct(self.forwarded, n),
            median_days_to_answer: self.days.median(),
            timed_answers: self.days.total(),
            overdue: self.overdue,
            rejected: self.rejected,
            answered_pct: pct(self.answered, n),
            personal_pct_low: personal_ci.map(|c| c.0),
            personal_pct_high: personal_ci.map(|c| c.1),
            forwarded_pct_low: forwarded_ci.map(|c| c.0),
            forwarded_pct_high: forwarded_ci.map(|c| c.1),
            unsatisfied: self.unsatisfied,
            vanished: self.vanished,
            note: (n < min_n).then(|| "few".to_string()),
        }
    }
}

impl RoutingRow {
    /// The appeals of each route.
    pub fn route_counts(&self) -> RouteCounts {
        let mut counts = RouteCounts::default();
        for (route, n) in [
            (Route::Personal, self.personal),
            (Route::Forwarded, self.forwarded),
            (Route::Unanswered, self.unanswered),
            (Route::Unknown, self.unknown),
            (Route::Rejected, self.rejected),
        ] {
            counts.add(route, n);
        }
        counts
    }
}

/// The appeals of every row together.
pub fn total_appeals(rows: &[RoutingRow]) -> u64 {
    rows.iter().map(|r| r.appeals).sum()
}

/// Routing rows as their reader wants them: every column for machines, shares with their
/// intervals `for_people` (table and md), with any other column `named` (an interval's bound)
/// as a number after them.
pub fn rows_for(
    rows: &[RoutingRow],
    for_people: bool,
    named: &[String],
) -> Result<crate::rows::Rows> {
    let every = crate::rows::Rows::from_serialize(catalogue::ROUTING, rows)?;
    if !for_people {
        return Ok(every);
    }
    let mut reading = for_reading(rows);
    let missing: Vec<&String> = named
        .iter()
        .filter(|n| !reading.columns.contains(n))
        .collect();
    let extra = every.select(&missing);
    reading.columns.extend(extra.columns);
    for (values, more) in reading.values.iter_mut().zip(extra.values) {
        values.extend(more);
    }
    Ok(reading)
}

/// Rows for reading (`catalogue::READING`): the same figures, the intervals written beside the
/// shares.
pub fn for_reading(rows: &[RoutingRow]) -> crate::rows::Rows {
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
    crate::rows::Rows::of(catalogue::READING, values)
}
