//! `export database --output FILE`: a copy of the database safe to put online (no authors,
//! texts redacted, file names without folders, the views kept, read-only), written whole or
//! not at all, and beside it the metadata Datasette shows: descriptions and canned queries.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde_json::{Map, Value, json};

use super::ExportOptions;
use crate::i18n::tr;
use crate::output::{Destination, temp_beside};
use crate::progress::{Reporter, warning};
use crate::store::{self, Access, PublicCopy, Store};
use crate::usage::UsageError;

pub fn run(reporter: &dyn Reporter, db: &Path, options: &ExportOptions) -> Result<()> {
    let Some(target) = options.output.as_deref() else {
        return Err(UsageError::new(tr("usage-database-output", &[])).into());
    };
    if same_file(target, db) {
        return Err(UsageError::new(tr(
            "usage-output-is-database",
            &[("path", target.display().to_string().into())],
        ))
        .into());
    }
    if options.include_authors {
        reporter.warn(&warning(tr("publish-warn-authors", &[])));
    }
    if options.raw_texts {
        reporter.warn(&warning(tr("publish-warn-raw-texts", &[])));
    }
    let copy = temp_beside(target)?;
    Store::open(db, Access::Read)?.snapshot_into(copy.path())?;
    store::make_public(
        copy.path(),
        PublicCopy {
            include_authors: options.include_authors,
            raw_texts: options.raw_texts,
        },
    )?;
    let objects = store::objects(copy.path())?;
    let metadata_path = metadata_path(target);
    let metadata = metadata(&database_name(target), &objects)?;
    // Read-only for everyone: the published file is a record, not a working database.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(copy.path(), std::fs::Permissions::from_mode(0o444))?;
    }
    copy.persist(target).with_context(|| {
        tr(
            "cannot-write",
            &[("path", target.display().to_string().into())],
        )
    })?;
    let mut destination = Destination::open(Some(&metadata_path))?;
    serde_json::to_writer_pretty(destination.writer(), &metadata)?;
    destination.finish()?;
    let authors = match options.include_authors {
        true => tr("publish-with-authors", &[]),
        false => tr("publish-without-authors", &[]),
    };
    let texts = match options.raw_texts {
        true => tr("publish-texts-raw", &[]),
        false => tr("publish-texts-redacted", &[]),
    };
    reporter.say(&tr(
        "publish-written",
        &[
            ("path", target.display().to_string().into()),
            ("authors", authors.into()),
            ("texts", texts.into()),
            ("metadata", metadata_path.display().to_string().into()),
        ],
    ));
    Ok(())
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// `public.db` → `public.metadata.json`, beside it: one folder can hold several copies.
fn metadata_path(target: &Path) -> PathBuf {
    target.with_file_name(format!("{}.metadata.json", database_name(target)))
}

/// The name Datasette gives the database: its file name without the extension.
fn database_name(target: &Path) -> String {
    target
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".to_string())
}

const DESCRIPTION: &str = "Citizens' appeals to officials scraped from their blogs, each \
classified as answered personally, forwarded, rejected, unanswered or unknown by appeal-audit, \
and departments' posts. Citizens' names are left out and identifiers in texts (IIN/BIN, phone \
numbers, e-mail addresses, card and account numbers, and the citizen's own name) masked. The views and canned queries count \
every appeal as stored; the deadline is not applied here: the law in force on the submission \
date gives 15 calendar days before 1 July 2021 (Law No. 221 of 12 January 2007) and 15 working \
days from then (Administrative Procedural Code, art. 76), which `appeal-audit report routing \
--as-of DATE` applies (its overdue column). Silence counts to today unless a date is given.";

/// Datasette's metadata: title and description, source and licence to fill in, every table,
/// view and column described, and the canned queries.
fn metadata(database: &str, objects: &[(String, String, Vec<String>)]) -> Result<Value> {
    let descriptions: Value = serde_json::from_str(store::DESCRIPTIONS)?;
    let mut tables = Map::new();
    for (name, _, columns) in objects {
        let known = &descriptions["tables"][name];
        let catalogued = store::catalogued_columns(name);
        let described: Map<String, Value> = columns
            .iter()
            .map(|c| {
                // The catalogue describes a column once for every writer; the stored tables'
                // own columns (keys, hashes, provenance) are described in DESCRIPTIONS.
                let text = catalogued
                    .iter()
                    .find(|column| column.name == c)
                    .map(|column| column.description)
                    .or_else(|| known["columns"][c].as_str())
                    .unwrap_or("Not described.");
                (c.clone(), Value::from(text))
            })
            .collect();
        let text = known["description"].as_str().unwrap_or("Not described.");
        tables.insert(
            name.clone(),
            json!({ "description": text, "columns": described }),
        );
    }
    let queries: Map<String, Value> = store::canned_queries()
        .into_iter()
        .map(|(name, title, description, sql)| {
            let query = json!({ "title": title, "description": description, "sql": sql });
            (name.to_string(), query)
        })
        .collect();
    Ok(json!({
        "title": "Appeals to officials",
        "description": DESCRIPTION,
        "source": "",
        "source_url": "",
        "license": "",
        "license_url": "",
        "databases": {
            database: {
                "description": DESCRIPTION,
                "tables": tables,
                "queries": queries,
            }
        }
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One place per fact: a column the catalogue describes is not described again in
    /// `public_metadata.json`, where the two could drift apart.
    #[test]
    fn no_catalogued_column_is_described_twice() {
        let descriptions: Value = serde_json::from_str(store::DESCRIPTIONS).expect("JSON");
        let mut twice = Vec::new();
        for table in ["appeals", "posts", "routing", "imports", "changes"] {
            let Some(columns) = descriptions["tables"][table]["columns"].as_object() else {
                continue;
            };
            for column in store::catalogued_columns(table) {
                if columns.contains_key(column.name) {
                    twice.push(format!("{table}.{}", column.name));
                }
            }
        }
        assert!(
            twice.is_empty(),
            "described in the catalogue and the JSON: {twice:?}"
        );
    }
}
