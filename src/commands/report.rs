//! `report routing|forwards|silence`: report filters turned into plain options, the stored
//! facts through the report functions, the rows to the output writer.

use std::io::Write;

use anyhow::{Context, Result, anyhow};
use chrono::NaiveDate;

use super::{Finish, Global, knowledge};
use crate::calendar::{Calendar, CalendarKind, Overrides, parse_overrides};
use crate::cli::{CalendarArg, FilterArgs, ReportArgs, ReportCommand};
use crate::derive::Knowledge;
use crate::output::columns::{self, Choice, UsageError, View, write_chosen};
use crate::output::{Destination, Format, Rows, html};
use crate::records::dates::parse_date;
use crate::report::{Filters, forwards, routing, silence};
use crate::store::{Access, AppealFilter, FactColumns, Store};

pub fn run(global: &Global, which: ReportCommand) -> Result<Finish> {
    // The columns are checked before anything is read.
    let choice = match &which {
        ReportCommand::Routing(args) => chosen(args, "report routing", routing::COLUMNS)?,
        ReportCommand::Forwards(args) => chosen(args, "report forwards", forwards::COLUMNS)?,
        ReportCommand::Silence { report, .. } => {
            chosen(report, "report silence", silence::COLUMNS)?
        }
        ReportCommand::Changes(args) => chosen(args, "report changes", CHANGE_COLUMNS)?,
        ReportCommand::Weekly { report, .. } => {
            Choice::new(&report.columns.columns, report.columns.wide).refuse(
                "report weekly is a document of several tables: pick columns in report routing, \
                 forwards or silence with --since/--until",
            )?;
            Choice::Default
        }
    };
    let store = Store::open(&global.db, Access::Read)?;
    let know = knowledge(store.directory()?, store.phrases()?);
    match which {
        ReportCommand::Routing(args) => {
            let (filters, calendar) = settings(&args.filters, &know)?;
            let routing =
                routing::routing_of_store(&store, &appeal_filter(&filters), &filters, &calendar)?;
            warn_calendar_days(&calendar, routing.submitted_days.iter().copied());
            let rows = routing.rows;
            if args.format == Format::Html {
                emit_html(&args, |out| html::routing(out, &rows, &filters))?;
            } else {
                let rows = routing_rows(&rows, args.format, choice.named())?;
                emit(&args, &columns::ROUTING, &choice, &rows)?;
            }
        }
        ReportCommand::Forwards(args) => {
            let (filters, _) = settings(&args.filters, &know)?;
            let mut fold = forwards::ForwardsFold::default();
            store.for_each_appeal_fact(&appeal_filter(&filters), FactColumns::All, |fact| {
                fold.add(&fact);
                Ok(())
            })?;
            let rows = fold.finish();
            if args.format == Format::Html {
                emit_html(&args, |out| html::forwards(out, &rows, &filters))?;
            } else {
                let rows = Rows::from_serialize(forwards::COLUMNS, &rows)?;
                emit(&args, &columns::FORWARDS, &choice, &rows)?;
            }
        }
        ReportCommand::Silence {
            report: args,
            fail_if_stale,
        } => {
            let (filters, _) = settings(&args.filters, &know)?;
            let rows = silence_rows(&store, &filters)?;
            if args.format == Format::Html {
                emit_html(&args, |out| html::silence(out, &rows, &filters))?;
            } else {
                let table = Rows::from_serialize(silence::COLUMNS, &rows)?;
                emit(&args, &columns::SILENCE, &choice, &table)?;
            }
            if fail_if_stale && rows.iter().any(silence::SilenceRow::is_silent) {
                let silent = rows.iter().filter(|r| r.is_silent()).count();
                global.say(format!(
                    "{silent} of {} listed are stale or never posted",
                    rows.len()
                ));
                return Ok(Finish::Findings);
            }
        }
        ReportCommand::Changes(args) => {
            let (filters, _) = settings(&args.filters, &know)?;
            let (since, until) = (
                filters.since.map(|d| d.to_string()),
                filters.until.map(|d| d.to_string()),
            );
            let rows = store.changes(
                since.as_deref(),
                until.as_deref(),
                filters.addressee.as_deref(),
            )?;
            if args.format == Format::Html {
                emit_html(&args, |out| {
                    html::changes(out, &rows, CHANGE_COLUMNS, &filters)
                })?;
            } else {
                let rows = Rows::from_serialize(CHANGE_COLUMNS, &rows)?;
                emit(&args, &columns::CHANGES, &choice, &rows)?;
            }
        }
        ReportCommand::Weekly {
            week,
            weeks,
            report: args,
        } => {
            return super::weekly::run(global, week.as_deref(), weeks, &args);
        }
    }
    Ok(Finish::Done)
}

/// Routing rows as the format wants them: every column for machines, shares with their
/// intervals for people (table and md), with any other column `named` (an interval's bound)
/// as a number after them.
pub fn routing_rows(
    rows: &[routing::RoutingRow],
    format: Format,
    named: &[String],
) -> Result<Rows> {
    let every = Rows::from_serialize(routing::COLUMNS, rows)?;
    if !matches!(format, Format::Table | Format::Md) {
        return Ok(every);
    }
    let mut reading = routing::for_reading(rows);
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

/// The columns the user chose, checked against the report's CSV columns `valid`.
pub fn chosen(args: &ReportArgs, what: &str, valid: &[&str]) -> Result<Choice> {
    let choice = Choice::new(&args.columns.columns, args.columns.wide);
    if args.format == Format::Html && matches!(choice, Choice::Named(_)) {
        return Err(UsageError(
            "--columns: the html page has fixed charts and tables; use it with --format table, \
             csv, tsv, json, jsonl or md"
                .into(),
        )
        .into());
    }
    choice.check(what, valid)?;
    Ok(choice)
}

pub const CHANGE_COLUMNS: &[&str] = &[
    "scraped_at",
    "source",
    "id",
    "addressee",
    "change",
    "before",
    "after",
];

/// Warns on stderr when due dates fall in years the built-in holiday table does not cover:
/// there, only weekends and the fixed holidays count.
pub fn warn_calendar<'a>(calendar: &Calendar, submitted: impl Iterator<Item = &'a str>) {
    warn_calendar_days(calendar, submitted.filter_map(crate::derive::date_of));
}

/// `warn_calendar` over submission days, such as the distinct ones a report's fold has seen.
pub fn warn_calendar_days(calendar: &Calendar, submitted: impl Iterator<Item = NaiveDate>) {
    let mut years: Vec<i32> = submitted
        .filter(|d| calendar.outside_table(*d))
        .map(|d| chrono::Datelike::year(&d))
        .collect();
    years.sort_unstable();
    years.dedup();
    if !years.is_empty() {
        let (first, last) = Calendar::table_years();
        let list: Vec<String> = years.iter().map(i32::to_string).collect();
        crate::commands::tell(format!(
            "appeal-audit: warning: the holiday table covers {first}–{last}; for {} due dates count \
             weekends and fixed holidays only (no Kurban Ait, no transfers): give --holidays FILE \
             with that year's days off, or --calendar mon-fri",
            list.join(", ")
        ));
    }
}

pub fn silence_rows(store: &Store, filters: &Filters) -> Result<Vec<silence::SilenceRow>> {
    let facts = store.publisher_facts(
        &filters.as_of.to_string(),
        filters.channel.as_deref(),
        filters.originals_only,
    )?;
    Ok(silence::silence(facts, filters))
}

pub fn appeal_filter(filters: &Filters) -> AppealFilter {
    AppealFilter {
        since: filters.since.map(|d| d.to_string()),
        until: filters.until.map(|d| d.to_string()),
        official: filters.addressee.clone(),
    }
}

/// Writes the chosen columns of rows where the report's --format and --output say.
pub fn emit(args: &ReportArgs, view: &View, choice: &Choice, rows: &Rows) -> Result<()> {
    let mut destination = Destination::open(args.output.as_deref())?;
    let width = destination.terminal_width();
    write_chosen(
        destination.writer(),
        args.format,
        rows,
        Some(view),
        choice,
        width,
    )?;
    destination.finish()
}

/// Writes a report's HTML page where --output says.
fn emit_html(args: &ReportArgs, page: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    let mut destination = Destination::open(args.output.as_deref())?;
    page(destination.writer())?;
    destination.finish()
}

/// The report's filters and its working-day calendar, validated before anything is read.
pub fn settings(args: &FilterArgs, know: &Knowledge) -> Result<(Filters, Calendar)> {
    let date = |flag: &str, value: &Option<String>| -> Result<Option<NaiveDate>> {
        value
            .as_deref()
            .map(|v| {
                parse_date(v)
                    .map(|d| d.date)
                    .map_err(|e| anyhow!("{flag} {v:?}: {e}"))
            })
            .transpose()
    };
    let filters = Filters {
        since: date("--since", &args.since)?,
        until: date("--until", &args.until)?,
        addressee: args.addressee.as_deref().map(|a| know.canonical(a)),
        department: args.department.as_deref().map(|d| know.canonical(d)),
        channel: args.channel.as_deref().map(|c| c.trim().to_lowercase()),
        as_of: date("--as-of", &args.as_of)?.unwrap_or_else(|| chrono::Local::now().date_naive()),
        deadline_days: args.deadline_days,
        stale_after: args.stale_after,
        min_n: args.min_n,
        originals_only: args.originals_only,
    };
    if let (Some(since), Some(until)) = (filters.since, filters.until) {
        if since > until {
            return Err(anyhow!(
                "--since {since} is after --until {until}: swap them"
            ));
        }
    }
    let overrides = match &args.holidays {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read the holidays file {}", path.display()))?;
            parse_overrides(&text).map_err(|e| anyhow!("{}: {e}", path.display()))?
        }
        None => Overrides::default(),
    };
    let kind = match args.calendar {
        CalendarArg::Kz => CalendarKind::Kz,
        CalendarArg::MonFri => CalendarKind::MonFri,
    };
    Ok((filters, Calendar::new(kind, &overrides)))
}
