//! `report routing|forwards|silence|changes|weekly`: the validated options resolved against
//! the directory, the stored facts through the report functions, the rows to the output
//! writer. The weekly document has a file of its own (`weekly.rs`).

use anyhow::Result;

use super::emit::{bodies_in_kazakh, chosen, emit, emit_html};
use super::{Finish, Global};
use crate::catalogue::{self, Column};
use crate::cli::ReportCommand;
use crate::cli::report::{ReportJob, ReportOptions};
use crate::i18n::tr;
use crate::ingest::stored_knowledge;
use crate::output::columns::{self, Choice};
use crate::output::{Destination, Format, RowWriter, Rows, Style, html};
use crate::report::{appeal_filter, forwards, routing, silence, silence_rows, warn_calendar_days};
use crate::rows::values_of;
use crate::store::{Access, FactColumns, Store};

pub fn run(global: &Global, command: &ReportCommand) -> Result<Finish> {
    let job = ReportJob::from_args(command)?;
    // The columns are checked before anything is read.
    let choice = match &job {
        ReportJob::Routing(args) => chosen(
            args,
            "report routing",
            &catalogue::names(catalogue::ROUTING),
        )?,
        ReportJob::Forwards(args) => chosen(
            args,
            "report forwards",
            &catalogue::names(catalogue::FORWARDS),
        )?,
        ReportJob::Silence { report, .. } => chosen(
            report,
            "report silence",
            &catalogue::names(catalogue::SILENCE),
        )?,
        ReportJob::Changes(args) => chosen(
            args,
            "report changes",
            &catalogue::names(catalogue::CHANGES),
        )?,
        // At a terminal the weekly tables are fitted like the single reports; a document
        // (md, json, html) has fixed tables.
        ReportJob::Weekly { report, .. } if report.format == Format::Table => {
            let tables = [
                catalogue::ROUTING,
                catalogue::WEEKLY_ARROWS,
                catalogue::FORWARDS,
                catalogue::SILENCE,
            ];
            let mut valid: Vec<&str> = Vec::new();
            for name in tables.iter().flat_map(|t| catalogue::names(t)) {
                if !valid.contains(&name) {
                    valid.push(name);
                }
            }
            chosen(report, "report weekly", &valid)?
        }
        ReportJob::Weekly { report, .. } => {
            Choice::new(&report.columns.columns, report.columns.wide)
                .refuse(tr("usage-columns-weekly", &[]))?;
            Choice::Default
        }
    };
    let store = Store::open(&global.db, Access::Read)?;
    let know = stored_knowledge(&store)?;
    match job {
        ReportJob::Routing(args) => {
            let (filters, calendar) = args.filters.resolve(&know)?;
            let routing =
                routing::routing_of_store(&store, &appeal_filter(&filters), &filters, &calendar)?;
            warn_calendar_days(global, &calendar, routing.submitted_days.iter().copied());
            let rows = routing.rows;
            if args.format == Format::Html {
                emit_html(&args, |out| html::routing(out, &rows, &filters))?;
            } else {
                let for_people = matches!(args.format, Format::Table | Format::Md);
                let rows = routing::rows_for(&rows, for_people, choice.named())?;
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
                let mut rows = Rows::from_serialize(catalogue::FORWARDS, &rows)?;
                bodies_in_kazakh(&mut rows, &know, args.format, &["forwarded_to"]);
                emit(&args, &columns::FORWARDS, &choice, &rows)?;
            }
        }
        ReportJob::Silence {
            report: args,
            fail_if_stale,
        } => {
            let (filters, _) = args.filters.resolve(&know)?;
            let rows = silence_rows(&store, &filters, &know)?;
            if args.format == Format::Html {
                emit_html(&args, |out| html::silence(out, &rows, &filters))?;
            } else {
                let mut table = Rows::from_serialize(catalogue::SILENCE, &rows)?;
                bodies_in_kazakh(&mut table, &know, args.format, &["name"]);
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
                emit_html(&args, |out| html::changes(out, &rows, &filters))?;
            } else {
                emit_changes(&store, &args, &choice, (since, until, official))?;
            }
        }
        ReportJob::Weekly {
            week,
            weeks,
            report: args,
        } => {
            return super::weekly::run(global, week, weeks, &args, &choice);
        }
    }
    Ok(Finish::Done)
}

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
        let rows = Rows::from_serialize(catalogue::CHANGES, &rows)?;
        return emit(args, &columns::CHANGES, choice, &rows);
    }
    let columns: Vec<Column> = match choice.named() {
        [] => catalogue::CHANGES.to_vec(),
        names => catalogue::pick(catalogue::CHANGES, names)?,
    };
    let names = catalogue::names(&columns);
    let mut destination = Destination::open(args.output.as_deref())?;
    let style = Style {
        table: Some(catalogue::CHANGES),
        ..args.style()
    };
    let mut writer = RowWriter::start(destination.writer(), args.format, &names, style)?;
    store.for_each_change(since, until, official, |row| {
        writer.push(values_of(&columns, &row)?)
    })?;
    writer.finish()?;
    destination.finish()
}
