//! `audit PATH...`: the main job in one command. Imports every data file under the paths (each
//! file's kind told by its header) in one transaction, then prints routing, the top forward
//! targets and silence as of the as-of date (`--format html`: one page with charts).

use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow, bail};

use super::filters::{appeal_filter, silence_rows, warn_calendar_days};
use super::import::import;
use super::options::{ImportOptions, ReportOptions};
use super::report::{chosen, routing_rows};
use super::{Finish, Global, knowledge};
use crate::output::columns::{self, Choice, write_chosen};
use crate::output::{Destination, Format, Rows, html, words};
use crate::records::fields::{RecordKind, field_for_header};
use crate::records::reader::{Input, ReadOptions, read_records};
use crate::report::{forwards, routing, silence};
use crate::store::{Access, FactColumns, Store};

const DATA_EXTENSIONS: &[&str] = &["csv", "tsv", "tab", "json", "jsonl", "ndjson"];

pub fn run(
    global: &Global,
    paths: &[PathBuf],
    kind: Option<RecordKind>,
    options: &ImportOptions,
    report_args: &ReportOptions,
    top: usize,
) -> Result<Finish> {
    // Checked before anything is imported: a name from any of the three tables.
    let mut valid: Vec<&str> = Vec::new();
    for name in [routing::COLUMNS, forwards::COLUMNS, silence::COLUMNS].concat() {
        if !valid.contains(&name) {
            valid.push(name);
        }
    }
    let choice = chosen(report_args, "audit", &valid)?;
    let files = data_files(paths)?;
    if files.is_empty() {
        bail!(
            "no data files (.csv, .tsv, .json, .jsonl, .ndjson) under {}",
            show_paths(paths)
        );
    }
    let mut jobs = Vec::new();
    for file in files {
        let input = Input::File(file);
        let file_kind = match kind {
            Some(kind) => Some(kind),
            None => sniff_kind(&input, &options.read)?,
        };
        match file_kind {
            Some(kind) => jobs.push((kind, input)),
            None => global.say(format!("{input}: no records, skipped")),
        }
    }
    let mut store = Store::open(&global.db, Access::Write)?;
    import(global, &mut store, &jobs, options)?;

    let know = knowledge(store.directory()?, store.phrases()?);
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
    warn_calendar_days(&calendar, routing.submitted_days.iter().copied());
    let routing = routing.rows;
    let forwards = forwards::top_per_addressee(forwards_fold.finish(), top);
    let silence = silence_rows(&store, &filters)?;
    let mut destination = Destination::open(report_args.output.as_deref())?;
    let width = destination.terminal_width();
    let out = destination.writer();
    if report_args.format == Format::Html {
        html::audit(out, &routing, &forwards, &silence, &filters, top)?;
        destination.finish()?;
        return Ok(Finish::Done);
    }
    let sections = [
        (
            "routing",
            routing_rows(&routing, report_args.format, choice.named())?,
            &columns::ROUTING,
        ),
        (
            "forwards",
            Rows::from_serialize(forwards::COLUMNS, &forwards)?,
            &columns::FORWARDS,
        ),
        (
            "silence",
            Rows::from_serialize(silence::COLUMNS, &silence)?,
            &columns::SILENCE,
        ),
    ];
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
                write_chosen(out, format, rows, Some(view), &choice, width)?;
            }
        }
    }
    destination.finish()?;
    Ok(Finish::Done)
}

fn show_paths(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Every data file under the paths, sorted so that runs are repeatable.
fn data_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        if !path.exists() {
            bail!("{}: no such file or folder", path.display());
        }
        if path.is_file() {
            files.push(path.clone());
            continue;
        }
        for entry in walkdir::WalkDir::new(path).sort_by_file_name() {
            let entry = entry.map_err(|e| anyhow!("cannot read {}: {e}", path.display()))?;
            if entry.file_type().is_file() && is_data_file(entry.path()) {
                files.push(entry.into_path());
            }
        }
    }
    Ok(files)
}

fn is_data_file(path: &Path) -> bool {
    let hidden = path
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'));
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    !hidden && DATA_EXTENSIONS.contains(&ext.as_str())
}

/// A file's kind from its first record's columns: appeals have an addressee, posts a
/// department, a directory a name and no addressee. None for a file with no records.
fn sniff_kind(input: &Input, read: &ReadOptions) -> Result<Option<RecordKind>> {
    let mut columns: Option<Vec<String>> = None;
    let outcome = read_records(input, read, None, &mut |record| {
        columns = Some(record.columns.into_iter().map(|(c, _)| c).collect());
        Err(anyhow!("seen"))
    });
    let Some(columns) = columns else {
        outcome?;
        return Ok(None);
    };
    let has = |kind: RecordKind, field: &str| {
        columns
            .iter()
            .any(|c| field_for_header(kind.fields(), c).is_some_and(|f| f.name == field))
    };
    if has(RecordKind::Appeals, "addressee") {
        Ok(Some(RecordKind::Appeals))
    } else if has(RecordKind::Posts, "department") {
        Ok(Some(RecordKind::Posts))
    } else if has(RecordKind::Directory, "name") {
        Ok(Some(RecordKind::Directory))
    } else {
        bail!(
            "{input}: cannot tell what the file holds: its header has no addressee (appeals), \
             department (posts) or name (directory) column; give --kind, or --map in an import"
        )
    }
}
