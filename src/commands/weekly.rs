//! `report weekly`: the period resolved from --week or --since/--until, the figures computed
//! for it and the period before, written as tables, Markdown or the JSON object of cli.md.

use anyhow::{Result, bail};
use chrono::Days;

use super::report::{appeal_filter, settings, silence_rows};
use super::{Finish, Global, knowledge};
use crate::cli::ReportArgs;
use crate::history::ChangeKind;
use crate::output::weekly::{Method, json, markdown, tables};
use crate::output::{Destination, Format};
use crate::report::Filters;
use crate::report::weekly::{Period, weekly};
use crate::store::{Access, Store};

pub fn run(global: &Global, week: Option<&str>, args: &ReportArgs) -> Result<Finish> {
    if matches!(args.format, Format::Csv | Format::Tsv | Format::Jsonl) {
        bail!(
            "report weekly holds several tables: use --format table, md or json, or run report \
             routing|forwards|silence with --since/--until for one table as {:?}",
            args.format
        );
    }
    let store = Store::open(&global.db, Access::Read)?;
    let know = knowledge(store.directory()?, store.phrases()?);
    let (filters, calendar) = settings(&args.filters, &know)?;
    let period = match (week, filters.since, filters.until) {
        (Some(week), _, _) => Period::parse_week(week).map_err(anyhow::Error::msg)?,
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
    let silence_filters = Filters {
        as_of: period.until,
        ..filters.clone()
    };
    let silence = silence_rows(&store, &silence_filters)?;
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
    let out = destination.writer();
    match args.format {
        Format::Json => {
            let value = json(&report, counts)?;
            serde_json::to_writer_pretty(&mut *out, &value)?;
            writeln!(out)?;
        }
        Format::Md => {
            let files = store.source_files(&period.since.to_string(), &period.until.to_string())?;
            let method = Method {
                as_of: filters.as_of.to_string(),
                deadline: deadline_rule(&filters, args),
                files: &files,
                changes: &counts,
            };
            markdown(out, &report, &method)?;
        }
        _ => tables(out, &report)?,
    }
    destination.finish()?;
    Ok(Finish::Done)
}

/// The deadline rule in force, in words, for the methodology note.
fn deadline_rule(filters: &Filters, args: &ReportArgs) -> String {
    let calendar = match args.filters.calendar {
        crate::cli::CalendarArg::Kz => {
            "Kazakhstan's working days (weekends, public holidays and the Government's transfers of days off)"
        }
        crate::cli::CalendarArg::MonFri => "working days Monday to Friday, holidays ignored",
    };
    match filters.deadline_days {
        Some(n) => {
            format!("{n} working days from submission (--deadline-days), counted on {calendar}")
        }
        None => format!(
            "as the law in force on the submission date: 15 calendar days before 1 July 2021 (Law \
             No. 221 of 12 January 2007 on considering appeals), 15 working days from then \
             (Administrative Procedural Code, art. 76), counted on {calendar}"
        ),
    }
}
