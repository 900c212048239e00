//! `report routing|forwards|silence|changes`: the validated options resolved against the
//! directory, the stored facts through the report functions, the rows to the output writer.

use std::io::Write;

use anyhow::Result;

use super::filters::{appeal_filter, silence_rows, warn_calendar_days};
use super::options::{ReportJob, ReportOptions};
use super::{Finish, Global, knowledge};
use crate::i18n::tr;
use crate::output::columns::{self, Choice, UsageError, View, write_chosen};
use crate::output::{Destination, Format, RowWriter, Rows, Style, html};
use crate::report::{forwards, routing, silence};
use crate::rows::values_of;
use crate::store::{Access, FactColumns, Store};

pub fn run(global: &Global, job: ReportJob) -> Result<Finish> {
    // The columns are checked before anything is read.
    let choice = match &job {
        ReportJob::Routing(args) => chosen(args, "report routing", routing::COLUMNS)?,
        ReportJob::Forwards(args) => chosen(args, "report forwards", forwards::COLUMNS)?,
        ReportJob::Silence { report, .. } => chosen(report, "report silence", silence::COLUMNS)?,
        ReportJob::Changes(args) => chosen(args, "report changes", CHANGE_COLUMNS)?,
        ReportJob::Weekly { report, .. } => {
            Choice::new(&report.columns.columns, report.columns.wide).refuse(
                "report weekly is a document of several tables: pick columns in report routing, \
                 forwards or silence with --since/--until",
            )?;
            Choice::Default
        }
    };
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
                let rows = routing_rows(&rows, args.format, choice.named())?;
                emit(&args, &columns::ROUTING, &choice, &rows)?;
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
                let rows = Rows::from_serialize(forwards::COLUMNS, &rows)?;
                emit(&args, &columns::FORWARDS, &choice, &rows)?;
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
                let table = Rows::from_serialize(silence::COLUMNS, &rows)?;
                emit(&args, &columns::SILENCE, &choice, &table)?;
            }
            if fail_if_stale && rows.iter().any(silence::SilenceRow::is_silent) {
                let silent = rows.iter().filter(|r| r.is_silent()).count();
                global.say(tr(
                    "silent-summary",
                    &[("silent", silent.into()), ("listed", rows.len().into())],
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
            let (since, until) = (since.as_deref(), until.as_deref());
            let official = filters.addressee.as_deref();
            if args.format == Format::Html {
                let rows = store.changes(since, until, official)?;
                emit_html(&args, |out| {
                    html::changes(out, &rows, CHANGE_COLUMNS, &filters)
                })?;
            } else {
                emit_changes(&store, &args, &choice, (since, until, official))?;
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
pub fn chosen(args: &ReportOptions, what: &str, valid: &[&str]) -> Result<Choice> {
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

/// Writes the chosen columns of rows where the report's --format and --output say.
/// Every change of the period can be many rows: in the formats a machine reads, each goes
/// from the cursor to the writer; a table for a terminal collects them, to fit its width.
fn emit_changes(
    store: &Store,
    args: &ReportOptions,
    choice: &Choice,
    (since, until, official): (Option<&str>, Option<&str>, Option<&str>),
) -> Result<()> {
    if matches!(args.format, Format::Table | Format::Md) {
        let rows = store.changes(since, until, official)?;
        let rows = Rows::from_serialize(CHANGE_COLUMNS, &rows)?;
        return emit(args, &columns::CHANGES, choice, &rows);
    }
    let columns: Vec<&str> = match choice.named() {
        [] => CHANGE_COLUMNS.to_vec(),
        names => names.iter().map(String::as_str).collect(),
    };
    let mut destination = Destination::open(args.output.as_deref())?;
    let mut writer = RowWriter::start(
        destination.writer(),
        args.format,
        &columns,
        Style::default(),
    )?;
    store.for_each_change(since, until, official, |row| {
        writer.push(values_of(&columns, &row)?)
    })?;
    writer.finish()?;
    destination.finish()
}

pub fn emit(args: &ReportOptions, view: &View, choice: &Choice, rows: &Rows) -> Result<()> {
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
fn emit_html(args: &ReportOptions, page: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    let mut destination = Destination::open(args.output.as_deref())?;
    page(destination.writer())?;
    destination.finish()
}
