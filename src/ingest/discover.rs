//! `audit PATH...`: which data files lie under the paths, and what each holds (appeals, posts
//! or a directory), told from its header, so that one command can import a reporter's folder.

use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow, bail};

use crate::i18n::tr;
use crate::progress::Reporter;
use crate::records::fields::{RecordKind, field_for_header};
use crate::records::reader::{Input, ReadOptions, read_records};

const DATA_EXTENSIONS: &[&str] = &["csv", "tsv", "tab", "json", "jsonl", "ndjson"];

/// Every data file under `paths` with its kind (`kind` if given, else told from its header),
/// in a repeatable order; a file with no records is skipped, saying so.
pub fn data_jobs(
    reporter: &dyn Reporter,
    paths: &[PathBuf],
    kind: Option<RecordKind>,
    read: &ReadOptions,
) -> Result<Vec<(RecordKind, Input)>> {
    let files = data_files(paths)?;
    if files.is_empty() {
        bail!(
            "{}",
            tr("audit-no-files", &[("paths", show_paths(paths).into())])
        );
    }
    let mut jobs = Vec::new();
    for file in files {
        let input = Input::File(file);
        let file_kind = match kind {
            Some(kind) => Some(kind),
            None => sniff_kind(&input, read)?,
        };
        match file_kind {
            Some(kind) => jobs.push((kind, input)),
            None => reporter.say(&tr(
                "audit-no-records",
                &[("file", input.to_string().into())],
            )),
        }
    }
    Ok(jobs)
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
            bail!(
                "{}",
                tr(
                    "audit-no-such-path",
                    &[("path", path.display().to_string().into())]
                )
            );
        }
        if path.is_file() {
            files.push(path.clone());
            continue;
        }
        for entry in walkdir::WalkDir::new(path).sort_by_file_name() {
            let entry = entry.map_err(|e| {
                // The system's error stays a cause, to be told in the run's language.
                let place = e.path().unwrap_or(path).display().to_string();
                let cannot = tr("cannot-read", &[("path", place.into())]);
                match e.into_io_error() {
                    Some(io) => anyhow::Error::new(io).context(cannot),
                    None => anyhow!("{cannot}"),
                }
            })?;
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
            "{}",
            tr("audit-unknown-kind", &[("file", input.to_string().into())])
        )
    }
}
