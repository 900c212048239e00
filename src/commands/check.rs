//! `check`: the scrape-quality problems as report rows, or the unmatched names as directory rows
//! to fill in; `--fail-on-problems` exits 3 when there is any.

use anyhow::Result;

use super::emit::{chosen, emit};
use super::{Finish, Global};
use crate::catalogue;
use crate::cli::report::{CheckCommand, ReportOptions, Writes};
use crate::i18n::tr;
use crate::ingest::stored_knowledge;
use crate::output::columns::CHECK;
use crate::output::words::problem_description;
use crate::output::{Destination, Format, Rows, write};
use crate::records::names::EntryKind;
use crate::report::check::{Facts, check};
use crate::store::{Access, Store};

pub fn run(global: &Global, command: &CheckCommand) -> Result<Finish> {
    let args = &ReportOptions::from_args(&command.report, "check", Writes::List)?;
    let (fail_on_problems, as_directory) =
        (command.fail_on_problems, command.unmatched_as_directory);
    let choice = chosen(args, "check", &catalogue::names(catalogue::CHECK))?;
    if as_directory {
        choice.refuse(tr("usage-columns-unmatched", &[]))?;
    }
    let store = Store::open(&global.db, Access::Read)?;
    let know = stored_knowledge(&store)?;
    let (filters, _) = args.filters.resolve(&know)?;
    let (rows, unmatched) = check(
        Facts {
            appeals: &store.check_facts()?,
            duplicates: &store.duplicate_conflicts()?,
            publishers: &store.publishers_seen()?,
            bidi: &store.bidi_controls()?,
            latest_posts: &store.latest_posts(&filters.as_of.to_string())?,
        },
        &know,
        filters.as_of,
    );
    if as_directory {
        // The directory's other fields are left for the reporter to fill in.
        #[derive(serde::Serialize)]
        struct EntryRow<'a> {
            name: &'a str,
            kind: EntryKind,
            position: Option<&'a str>,
            parent: Option<&'a str>,
            aliases: Option<&'a str>,
            url: Option<&'a str>,
        }
        let entries: Vec<EntryRow> = unmatched
            .iter()
            .map(|u| EntryRow {
                name: &u.name,
                kind: u.kind,
                position: None,
                parent: None,
                aliases: None,
                url: None,
            })
            .collect();
        let mut destination = Destination::open(args.output.as_deref())?;
        let format = if args.format == Format::Table {
            Format::Csv
        } else {
            args.format
        };
        write(
            destination.writer(),
            format,
            &Rows::from_serialize(catalogue::DIRECTORY, &entries)?,
        )?;
        destination.finish()?;
    } else {
        let mut table = Rows::from_serialize(catalogue::CHECK, &rows)?;
        // People read what each code means beside it, in their language; machines get the
        // columns of cli.md alone.
        if matches!(args.format, Format::Table | Format::Md) {
            let lang = crate::i18n::lang();
            table.insert_after("problem", "description", |code| {
                problem_description(code, lang)
            });
        }
        emit(args, &CHECK, &choice, &table)?;
    }
    if rows.is_empty() {
        global.say(tr("check-none", &[]));
    } else {
        global.say(tr("check-found", &[("n", rows.len().into())]));
    }
    Ok(if fail_on_problems && !rows.is_empty() {
        Finish::Findings
    } else {
        Finish::Done
    })
}
