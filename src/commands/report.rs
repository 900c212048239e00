//! `report routing|forwards|silence|changes`: the validated options resolved against the
//! directory, the stored facts through the report functions, the rows to the output writer.

use std::io::Write;
use std::path::Path;

use anyhow::Result;

use super::filters::{appeal_filter, silence_rows, warn_calendar_days};
use super::options::{ReportJob, ReportOptions};
use super::{Finish, Global, knowledge};
use crate::output::{Destination, Format, Rows, html, write};
use crate::report::{forwards, routing, silence};
use crate::store::{Access, FactColumns, Store};

pub fn run(global: &Global, job: ReportJob) -> Result<Finish> {
    let store = Store::open(&global.db, Access::Read)?;
    let know = knowledge(store.directory()?, store.phrases()?);
    match job {
        ReportJob::Routing(args) => {
            let (filters, calendar) = args.filters.resolve(&know)?;
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
        ReportJob::Forwards(args) => {
            let (filters, _) = args.filters.resolve(&know)?;
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
        ReportJob::Silence {
            report: args,
            fail_if_stale,
        } => {
            let (filters, _) = args.filters.resolve(&know)?;
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
        ReportJob::Changes(args) => {
            let (filters, _) = args.filters.resolve(&know)?;
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
                emit(&args, &Rows::from_serialize(CHANGE_COLUMNS, &rows)?)?;
            }
        }
        ReportJob::Weekly {
            week,
            weeks,
            report: args,
        } => {
            return super::weekly::run(global, week, weeks, &args);
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

/// Writes rows where the report's --format and --output say.
pub fn emit(args: &ReportOptions, rows: &Rows) -> Result<()> {
    emit_to(args.output.as_deref(), args.format, rows)
}

/// Writes a report's HTML page where --output says.
fn emit_html(args: &ReportOptions, page: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    let mut destination = Destination::open(args.output.as_deref())?;
    page(destination.writer())?;
    destination.finish()
}

pub fn emit_to(output: Option<&Path>, format: Format, rows: &Rows) -> Result<()> {
    let mut destination = Destination::open(output)?;
    write(destination.writer(), format, rows)?;
    destination.finish()
}
