//! `audit PATH...`: the main job in one command. Imports every data file under the paths (each
//! file's kind told by its header) in one transaction, then prints routing, the top forward
//! targets and silence as of the as-of date (`--format html`: one page with charts).

use anyhow::Result;

use super::emit::{bodies_in_kazakh, chosen};
use super::{Finish, Global};
use crate::catalogue;
use crate::cli::import::AuditCommand;
use crate::ingest::{data_jobs, import, stored_knowledge};
use crate::output::columns::{self, Choice, write_chosen};
use crate::output::{Destination, Format, Rows, Style, html, words};
use crate::report::{appeal_filter, forwards, routing, silence_rows, warn_calendar_days};
use crate::store::{Access, FactColumns, Store};

pub fn run(global: &Global, command: &AuditCommand) -> Result<Finish> {
    let (options, report_args) = command.options()?;
    let (options, report_args) = (&options, &report_args);
    let top = command.top;
    // Checked before anything is imported: a name from any of the three tables.
    let mut valid: Vec<&str> = Vec::new();
    for name in [catalogue::ROUTING, catalogue::FORWARDS, catalogue::SILENCE]
        .concat()
        .into_iter()
        .map(|c| c.name)
    {
        if !valid.contains(&name) {
            valid.push(name);
        }
    }
    let choice = chosen(report_args, "audit", &valid)?;
    let jobs = data_jobs(global, &command.paths, command.kind, &options.read)?;
    let mut store = Store::open(&global.db, Access::Write)?;
    import(global, &mut store, &jobs, options)?;

    let know = stored_knowledge(&store)?;
    let (filters, calendar) = report_args.filters.resolve(&know)?;
    // One read of the appeals feeds both tables.
    let mut routing_fold = routing::RoutingFold::new(&filters, &calendar);
    let mut forwards_fold = forwards::ForwardsFold::default();
    store.for_each_appeal_fact(&appeal_filter(&filters), FactColumns::All, |fact| {
        routing_fold.add(&fact);
        forwards_fold.add(&fact);
        Ok(())
    })?;
    let routing = routing_fold.finish();
    warn_calendar_days(global, &calendar, routing.submitted_days.iter().copied());
    let routing = routing.rows;
    let forwards = forwards::top_per_addressee(forwards_fold.finish(), top);
    let silence = silence_rows(&store, &filters, &know)?;
    let mut destination = Destination::open(report_args.output.as_deref())?;
    let width = destination.terminal_width();
    let out = destination.writer();
    if report_args.format == Format::Html {
        html::audit(out, &routing, &forwards, &silence, &filters, top)?;
        destination.finish()?;
        return Ok(Finish::Done);
    }
    let mut sections = [
        (
            "routing",
            routing::rows_for(
                &routing,
                matches!(report_args.format, Format::Table | Format::Md),
                choice.named(),
            )?,
            &columns::ROUTING,
        ),
        (
            "forwards",
            Rows::from_serialize(catalogue::FORWARDS, &forwards)?,
            &columns::FORWARDS,
        ),
        (
            "silence",
            Rows::from_serialize(catalogue::SILENCE, &silence)?,
            &columns::SILENCE,
        ),
    ];
    bodies_in_kazakh(
        &mut sections[1].1,
        &know,
        report_args.format,
        &["forwarded_to"],
    );
    bodies_in_kazakh(&mut sections[2].1, &know, report_args.format, &["name"]);
    // With --columns, a table that has none of the named columns is left out.
    let sections = sections.iter().filter(|(_, rows, _)| match &choice {
        Choice::Named(names) => names.iter().any(|n| rows.columns.contains(n)),
        _ => true,
    });
    match report_args.format {
        Format::Json => {
            let mut object = serde_json::Map::new();
            for (title, rows, _) in sections {
                // `--columns` chooses the columns of every table, in JSON as elsewhere.
                let json = match choice.named() {
                    [] => rows.to_json(),
                    names => rows.select(names).to_json(),
                };
                object.insert(title.to_string(), json);
            }
            object.insert("as_of".into(), filters.as_of.to_string().into());
            serde_json::to_writer_pretty(&mut *out, &object)?;
            writeln!(out)?;
        }
        format => {
            for (i, (key, rows, view)) in sections.enumerate() {
                if i > 0 {
                    writeln!(out)?;
                }
                let title = words::titled_as_of(key, filters.as_of, crate::i18n::lang());
                match format {
                    Format::Md => writeln!(out, "## {title}\n")?,
                    _ => writeln!(out, "{title}")?,
                }
                write_chosen(
                    out,
                    format,
                    rows,
                    Some(view),
                    &choice,
                    width,
                    Style::default(),
                )?;
            }
        }
    }
    destination.finish()?;
    Ok(Finish::Done)
}
