//! `report routing|forwards|silence`: report filters turned into plain options, the stored
//! facts through the report functions, the rows to the output writer.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, anyhow};
use chrono::NaiveDate;

use super::{Finish, Global, knowledge};
use crate::calendar::{Calendar, CalendarKind, Overrides, parse_overrides};
use crate::cli::{CalendarArg, FilterArgs, ReportArgs, ReportCommand};
use crate::derive::Knowledge;
use crate::output::{Destination, Format, RowWriter, Rows, Style, html, write};
use crate::records::dates::parse_date;
use crate::report::{Filters, forwards, routing, silence};
use crate::rows::values_of;
use crate::store::{Access, AppealFilter, FactColumns, Store};

pub fn run(global: &Global, which: ReportCommand) -> Result<Finish> {
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
                emit(&args, &routing_rows(&rows, args.format)?)?;
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
                emit(&args, &Rows::from_serialize(forwards::COLUMNS, &rows)?)?;
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
                emit(&args, &Rows::from_serialize(silence::COLUMNS, &rows)?)?;
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
            let (since, until) = (since.as_deref(), until.as_deref());
            let official = filters.addressee.as_deref();
            if args.format == Format::Html {
                let rows = store.changes(since, until, official)?;
                emit_html(&args, |out| {
                    html::changes(out, &rows, CHANGE_COLUMNS, &filters)
                })?;
            } else {
                // Every change can be many rows: each goes from the cursor to the writer.
                let mut destination = Destination::open(args.output.as_deref())?;
                let mut writer = RowWriter::start(
                    destination.writer(),
                    args.format,
                    CHANGE_COLUMNS,
                    Style::default(),
                )?;
                store.for_each_change(since, until, official, |row| {
                    writer.push(values_of(CHANGE_COLUMNS, &row)?)
                })?;
                writer.finish()?;
                destination.finish()?;
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
/// intervals for people (table and md).
pub fn routing_rows(rows: &[routing::RoutingRow], format: Format) -> Result<Rows> {
    match format {
        Format::Table | Format::Md => Ok(routing::for_reading(rows)),
        _ => Rows::from_serialize(routing::COLUMNS, rows),
    }
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

/// Writes rows where the report's --format and --output say.
pub fn emit(args: &ReportArgs, rows: &Rows) -> Result<()> {
    emit_to(args.output.as_deref(), args.format, rows)
}

/// Writes a report's HTML page where --output says.
fn emit_html(args: &ReportArgs, page: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    let mut destination = Destination::open(args.output.as_deref())?;
    page(destination.writer())?;
    destination.finish()
}

pub fn emit_to(output: Option<&Path>, format: Format, rows: &Rows) -> Result<()> {
    let mut destination = Destination::open(output)?;
    write(destination.writer(), format, rows)?;
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
