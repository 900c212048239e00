//! `export appeals|posts --format parquet`: the export's columns with their real types, streamed
//! from the database cursor to the Parquet writer one record at a time, in one file or in
//! Hive-style partitions by year or addressee.

use std::path::Path;

use anyhow::{Context, Result, anyhow};
use serde_json::Value;

use super::table::{
    appeal_values, exported, redact_values, redacted_columns, rows_bar, written_to,
};
use super::{ExportKind, ExportOptions, PartitionBy};
use crate::catalogue::{APPEALS, Column, POSTS};
use crate::i18n::tr;
use crate::ingest::stored_knowledge;
use crate::output::parquet::{Cell, Columns, Kind, ParquetOutput};
use crate::progress::Reporter;
use crate::records::dates::{iso_date, read_date};
use crate::report::DueDates;
use crate::report::{appeal_filter, warn_calendar_days};
use crate::rows::values_of;
use crate::store::{Access, AppealOrder, Store};
use crate::usage::UsageError;

pub fn run(reporter: &dyn Reporter, db: &Path, options: &ExportOptions) -> Result<()> {
    let Some(target) = options.output.as_deref() else {
        return Err(UsageError::new(tr("usage-parquet-output", &[])).into());
    };
    let store = Store::open(db, Access::Read)?;
    let know = stored_knowledge(&store)?;
    let (filters, calendar) = options.filters.resolve(&know)?;
    let (table, name_column) = match options.what {
        ExportKind::Posts => (POSTS, "publisher"),
        _ => (APPEALS, "official"),
    };
    // A partition's value lives in its folder name, as Hive writes it, not again in the file.
    let partition = options.partition_by.map(|p| match p {
        PartitionBy::Year => "year",
        PartitionBy::Addressee => name_column,
    });
    let columns: Vec<Column> = exported(table, options.include_authors)
        .filter(|c| Some(c.name) != partition)
        .collect();
    let typed = columns
        .iter()
        .map(|c| {
            let kind = crate::output::parquet::kind_of(c).with_context(|| {
                format!("internal: the catalogue gives {} no Parquet type", c.name)
            })?;
            Ok((c.name, kind))
        })
        .collect::<Result<Vec<(&str, Kind)>>>()?;
    let mut output = match partition {
        Some(p) => ParquetOutput::partitioned(target, Columns::new(&typed), p)?,
        None => ParquetOutput::file(target, Columns::new(&typed))?,
    };
    // The rows reach the writer grouped by partition, so that one Parquet file is open at a
    // time: by official or publisher as the cursor reads them, and by year one year after
    // another, each year a pass over the narrow index (under a second at a million appeals),
    // all in one snapshot of the database.
    let snapshot = store.snapshot()?;
    let years: Vec<Option<String>> = match options.partition_by {
        Some(PartitionBy::Year) => store
            .stored_years(options.what == ExportKind::Posts)?
            .into_iter()
            .map(Some)
            .collect(),
        _ => vec![None],
    };
    let mut dues = DueDates::new(&calendar, filters.deadline_days);
    // The same values, redaction and due dates as the CSV export (`export::appeal_values`),
    // typed here for Parquet.
    let redacted = redacted_columns(&columns, options.redact);
    let since = filters.since.map(|d| d.to_string());
    let until = filters.until.map(|d| d.to_string());
    let filter = appeal_filter(&filters);
    // One file reads the table in its own order (no sort); partitions read the index by
    // official, which groups officials and, within a year, needs no sort.
    let order = match options.partition_by {
        Some(_) => AppealOrder::Official,
        None => AppealOrder::Key,
    };
    // The year passes together read every record once: one bar for them all.
    let bar = match options.what {
        ExportKind::Posts => rows_bar(reporter, options, "bar-exporting-posts", || {
            store.count_stored_posts(
                filters.department.as_deref(),
                filters.channel.as_deref(),
                since.as_deref(),
                until.as_deref(),
            )
        })?,
        _ => rows_bar(reporter, options, "bar-exporting-appeals", || {
            store.count_stored_appeals(&filter)
        })?,
    };
    for year in years.iter().map(Option::as_deref) {
        match options.what {
            ExportKind::Posts => {
                store.for_each_stored_post(
                    filters.department.as_deref(),
                    filters.channel.as_deref(),
                    since.as_deref(),
                    until.as_deref(),
                    year,
                    |post| {
                        let key = partition_key(options.partition_by, year, &post.publisher);
                        let mut values = values_of(&columns, &post)?;
                        redact_values(&mut values, &redacted, &[]);
                        let cells = cells(&values, &typed, || {
                            format!(
                                "post of {} on {} ({}, line {})",
                                post.department,
                                post.published_at,
                                post.source_file,
                                post.source_line
                            )
                        })?;
                        bar.inc();
                        output.push(key, &cells)
                    },
                )?;
            }
            _ => {
                store.for_each_stored_appeal(&filter, year, order, |stored| {
                    let key = partition_key(options.partition_by, year, &stored.official);
                    let mut values = appeal_values(&stored, &columns, &mut dues, filters.as_of)?;
                    let author = stored.appeal.author.as_deref();
                    redact_values(&mut values, &redacted, author.as_slice());
                    let cells = cells(&values, &typed, || {
                        format!(
                            "appeal {} of source {}",
                            stored.appeal.id, stored.appeal.source
                        )
                    })?;
                    bar.inc();
                    output.push(key, &cells)
                })?;
            }
        }
    }
    bar.finish();
    // Posts have no due dates: none was asked for and nothing is said.
    warn_calendar_days(reporter, &calendar, dues.submitted_days());
    drop(snapshot);
    let rows = output.finish()?;
    reporter.say(&written_to(rows, target));
    Ok(())
}

/// The partition a row goes to: the pass's year, or its official's (publisher's) name.
fn partition_key<'a>(by: Option<PartitionBy>, year: Option<&'a str>, name: &'a str) -> &'a str {
    match by {
        Some(PartitionBy::Year) => year.unwrap_or_default(),
        Some(PartitionBy::Addressee) => name,
        None => "",
    }
}

/// The row's values typed as their columns are; a stored date that does not read as one
/// (a database changed outside appeal-audit) is an error naming the record, column and value.
fn cells<'a>(
    values: &'a [Value],
    columns: &[(&str, Kind)],
    record: impl Fn() -> String,
) -> Result<Vec<Cell<'a>>> {
    values
        .iter()
        .zip(columns)
        .map(|(value, &(column, kind))| {
            Ok(match (value, kind) {
                (Value::Number(n), _) => n.as_i64().map_or(Cell::Null, Cell::Int),
                (Value::Bool(b), _) => Cell::Bool(*b),
                (Value::String(s), Kind::Date) => {
                    Cell::Date(iso_date(s).ok_or_else(|| bad_date(&record(), column, s))?)
                }
                (Value::String(s), Kind::Timestamp) => {
                    let date = read_date(s).map_err(|_| bad_date(&record(), column, s))?;
                    Cell::Timestamp(date.date.and_time(date.time.unwrap_or_default()))
                }
                (Value::String(s), _) => Cell::Text(s),
                _ => Cell::Null,
            })
        })
        .collect()
}

fn bad_date(record: &str, column: &str, value: &str) -> anyhow::Error {
    anyhow!(
        "{record}: column {column}, value {value:?} is not a date as appeal-audit stores them \
         (the database was changed outside appeal-audit): re-import the record, or export as \
         CSV, which writes it as text"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Parquet type the catalogue gives an exported column of appeals or posts.
    fn kind_of(name: &str) -> Kind {
        APPEALS
            .iter()
            .chain(POSTS)
            .find(|c| c.name == name)
            .and_then(crate::output::parquet::kind_of)
            .unwrap_or_else(|| panic!("no exported column {name} with a Parquet type"))
    }

    #[test]
    fn dates_and_counts_are_typed() {
        assert_eq!(kind_of("submitted_at"), Kind::Timestamp);
        assert_eq!(kind_of("due_date"), Kind::Date);
        assert_eq!(kind_of("overdue"), Kind::Bool);
        assert_eq!(kind_of("days_to_answer"), Kind::Int);
        assert_eq!(kind_of("route"), Kind::Category);
        assert_eq!(kind_of("text"), Kind::Prose);
        assert_eq!(kind_of("id"), Kind::Text);
    }

    #[test]
    fn a_date_that_is_not_one_names_the_record_column_and_value() {
        let values = [Value::from("вчера")];
        let columns = [("submitted_at", Kind::Timestamp)];
        let error = cells(&values, &columns, || "appeal 7 of source x".into())
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(error.contains("appeal 7 of source x"), "{error}");
        assert!(error.contains("submitted_at"), "{error}");
        assert!(error.contains("вчера"), "{error}");
    }
}
