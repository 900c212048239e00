//! `report weekly`: the period resolved from --week or --since/--until, the figures computed
//! for it and the period before, written as tables, Markdown, the JSON object of cli.md or an
//! HTML page with the trend of the last weeks.

use anyhow::Result;
use chrono::Days;

use super::{Finish, Global};
use crate::calendar::Calendar;
use crate::cli::report::ReportOptions;
use crate::derive::date_of;
use crate::history::ChangeKind;
use crate::ingest::stored_knowledge;
use crate::output::columns::Choice;
use crate::output::weekly::{Method, json, markdown, tables};
use crate::output::{Destination, Format, html};
use crate::report::Filters;
use crate::report::routing::{RoutingRow, routing};
use crate::report::weekly::{Period, weekly};
use crate::report::{appeal_filter, silence_rows, warn_calendar};
use crate::store::{Access, AppealFact, Store};

/// `week`: None for the last full week before the as-of date (or --since/--until).
pub fn run(
    global: &Global,
    week: Option<Period>,
    weeks: u32,
    args: &ReportOptions,
    choice: &Choice,
) -> Result<Finish> {
    let store = Store::open(&global.db, Access::Read)?;
    let know = stored_knowledge(&store)?;
    let (filters, calendar) = args.filters.resolve(&know)?;
    let period = match (week, filters.since, filters.until) {
        (Some(week), _, _) => week,
        (None, Some(since), Some(until)) => Period { since, until },
        (None, Some(since), None) => Period {
            since,
            until: filters.as_of,
        },
        (None, None, Some(until)) => Period {
            since: until - Days::new(6),
            until,
        },
        (None, None, None) => Period::last_full_week(filters.as_of),
    };
    let all = Filters {
        since: None,
        until: None,
        ..filters.clone()
    };
    let facts = store.appeal_facts(&appeal_filter(&all))?;
    warn_calendar(
        global,
        &calendar,
        facts.iter().map(|f| f.submitted_at.as_str()),
    );
    let silence_filters = Filters {
        as_of: period.until,
        ..filters.clone()
    };
    let silence = silence_rows(&store, &silence_filters, &know)?;
    let report = weekly(&facts, silence, period, &filters, &calendar);
    // Changes shown by the scrapes made in the period, counted by kind (every kind, zeros too).
    let changes = store.changes(
        Some(&period.since.to_string()),
        Some(&period.until.to_string()),
        filters.addressee.as_deref(),
    )?;
    let mut counts = serde_json::Map::new();
    for kind in ChangeKind::ALL {
        let n = changes.iter().filter(|c| c.change == kind.as_str()).count();
        counts.insert(kind.as_str().to_string(), n.into());
    }
    let mut destination = Destination::open(args.output.as_deref())?;
    let width = destination.terminal_width();
    let out = destination.writer();
    match args.format {
        Format::Json => {
            let value = json(&report, counts)?;
            serde_json::to_writer_pretty(&mut *out, &value)?;
            writeln!(out)?;
        }
        Format::Md | Format::Html => {
            let files = store.source_files(&period.since.to_string(), &period.until.to_string())?;
            let method = Method {
                as_of: filters.as_of,
                deadline: crate::output::words::deadline_rule(
                    args.filters.calendar,
                    filters.deadline_days,
                    crate::i18n::lang(),
                ),
                files: &files,
                changes: &counts,
            };
            if args.format == Format::Md {
                markdown(out, &report, &method)?;
            } else {
                let trend = trend(&facts, period, weeks, &filters, &calendar);
                html::weekly(out, &report, &trend, &method, &filters)?;
            }
        }
        _ => tables(out, &report, choice, width)?,
    }
    destination.finish()?;
    Ok(Finish::Done)
}

/// The `weeks` seven-day periods that end on the period's last day, oldest first, each with
/// the routing of the appeals submitted in it: the trend the HTML page draws.
fn trend(
    facts: &[AppealFact],
    period: Period,
    weeks: u32,
    filters: &Filters,
    calendar: &Calendar,
) -> Vec<(Period, Vec<RoutingRow>)> {
    let mut buckets: Vec<Vec<AppealFact>> = vec![Vec::new(); weeks as usize];
    for fact in facts {
        let Some(day) = date_of(&fact.submitted_at) else {
            continue;
        };
        // Whole weeks back from the period's end; a later appeal falls in none.
        let back = (period.until - day).num_days();
        if back >= 0
            && let Some(bucket) = buckets.get_mut((back / 7) as usize)
        {
            bucket.push(fact.clone());
        }
    }
    let mut week = Period {
        since: period.until - Days::new(6),
        until: period.until,
    };
    let mut trend = Vec::with_capacity(buckets.len());
    for bucket in &buckets {
        trend.push((week, routing(bucket, filters, calendar)));
        week = week.previous();
    }
    trend.reverse();
    trend
}
