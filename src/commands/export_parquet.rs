//! `export appeals|posts --format parquet`: the export's columns with their real types, streamed
//! from the database cursor to the Parquet writer one record at a time, in one file or in
//! Hive-style partitions by year or addressee.

use std::borrow::Cow;
use std::collections::HashSet;

use anyhow::{Result, anyhow, bail};
use chrono::NaiveDate;

use super::export::{APPEAL_COLUMNS, AppealRow, ExportOptions, POST_COLUMNS, TEXT_FIELDS};
use super::filters::{appeal_filter, warn_calendar_days};
use super::{Finish, Global, knowledge};
use crate::cli::{ExportKind, PartitionBy};
use crate::output::parquet::{Cell, Columns, Kind, ParquetOutput};
use crate::privacy::redact;
use crate::records::dates::parse_date;
use crate::store::{Access, AppealOrder, Store, StoredPost};

/// Each exported column's Parquet type; text unless listed. One list for appeals and posts.
fn kind_of(column: &str) -> Kind {
    match column {
        "submitted_at" | "answered_at" | "scraped_at" | "first_seen" | "last_seen" | "vanished"
        | "published_at" => Kind::Timestamp,
        "due_date" => Kind::Date,
        "days_to_answer" | "source_line" => Kind::Int,
        "title" | "text" | "answer_text" | "author" => Kind::Prose,
        "overdue" | "repost" | "answered" => Kind::Bool,
        "source" | "addressee" | "addressee_position" | "category" | "status" | "rating"
        | "answered_by" | "forwarded_to" | "route" | "route_reason" | "official"
        | "route_target" | "department" | "channel" | "publisher" => Kind::Category,
        _ => Kind::Text,
    }
}

pub fn run(global: &Global, options: &ExportOptions) -> Result<Finish> {
    let Some(target) = options.output.as_deref() else {
        bail!(
            "--format parquet writes a file (or, with --partition-by, a folder): give --output \
             PATH"
        );
    };
    if options.excel || options.raw || options.raw_texts || !options.columns.is_empty() {
        bail!(
            "--excel, --raw and --columns are for CSV, TSV and JSON, --raw-texts for export \
             database: a Parquet export has every column, each with its type, so leave them out"
        );
    }
    let store = Store::open(&global.db, Access::Read)?;
    let know = knowledge(store.directory()?, store.phrases()?);
    let (filters, calendar) = options.filters.resolve(&know)?;
    let (all_columns, name_column) = match options.what {
        ExportKind::Posts => (POST_COLUMNS, "publisher"),
        _ => (APPEAL_COLUMNS, "official"),
    };
    // A partition's value lives in its folder name, as Hive writes it, not again in the file.
    let partition = options.partition_by.map(|p| match p {
        PartitionBy::Year => "year",
        PartitionBy::Addressee => name_column,
    });
    let names: Vec<&str> = all_columns
        .iter()
        .copied()
        .filter(|c| options.include_authors || *c != "author")
        .filter(|c| Some(*c) != partition)
        .collect();
    let typed: Vec<(&str, Kind)> = names.iter().map(|c| (*c, kind_of(c))).collect();
    let columns = Columns::new(&typed);
    let mut output = match partition {
        Some(p) => ParquetOutput::partitioned(target, columns, p)?,
        None => ParquetOutput::file(target, columns)?,
    };
    let key_of = |date: &str, name: &str| -> String {
        match options.partition_by {
            Some(PartitionBy::Year) => date.get(..4).unwrap_or_default().to_string(),
            Some(PartitionBy::Addressee) => name.to_string(),
            None => String::new(),
        }
    };
    let mut days = HashSet::new();
    let redacting = options.redact;
    match options.what {
        ExportKind::Posts => {
            let since = filters.since.map(|d| d.to_string());
            let until = filters.until.map(|d| d.to_string());
            store.for_each_stored_post(
                filters.department.as_deref(),
                filters.channel.as_deref(),
                since.as_deref(),
                until.as_deref(),
                |post| {
                    let key = key_of(&post.published_at, &post.publisher);
                    let row = post_values(&post, &names, redacting);
                    let cells = cells(&row, &names, || record_name("post", &post))?;
                    output.push(&key, &cells)
                },
            )?;
        }
        _ => {
            let order = match options.partition_by {
                Some(PartitionBy::Addressee) => AppealOrder::Official,
                _ => AppealOrder::Key,
            };
            store.for_each_stored_appeal(&appeal_filter(&filters), order, |stored| {
                let row = super::export::appeal_row(stored, &calendar, &filters);
                if let Some(day) = row.submitted_at.get(..10).and_then(iso_day) {
                    days.insert(day);
                }
                let key = key_of(&row.submitted_at, &row.official);
                let values = appeal_values(&row, &names, redacting);
                let cells = cells(&values, &names, || {
                    format!("appeal {} of source {}", row.id, row.source)
                })?;
                output.push(&key, &cells)
            })?;
            warn_calendar_days(&calendar, days.into_iter());
        }
    }
    let rows = output.finish()?;
    global.say(format!("{rows} records written to {}", target.display()));
    Ok(Finish::Done)
}

fn iso_day(text: &str) -> Option<NaiveDate> {
    crate::records::dates::iso_date(text)
}

fn record_name(kind: &str, post: &StoredPost) -> String {
    format!(
        "{kind} of {} on {} ({}, line {})",
        post.department, post.published_at, post.source_file, post.source_line
    )
}

/// A value of a row before it is typed for Parquet.
enum Value<'a> {
    Text(Option<Cow<'a, str>>),
    Int(Option<i64>),
    Bool(Option<bool>),
}

fn text<'a>(column: &str, value: Option<&'a str>, redacting: bool) -> Value<'a> {
    Value::Text(value.map(|v| {
        if redacting && TEXT_FIELDS.contains(&column) {
            Cow::Owned(redact(v))
        } else {
            Cow::Borrowed(v)
        }
    }))
}

fn appeal_values<'a>(row: &'a AppealRow, names: &[&str], redacting: bool) -> Vec<Value<'a>> {
    names
        .iter()
        .map(|&c| {
            let t = |v: Option<&'a str>| text(c, v, redacting);
            match c {
                "id" => t(Some(&row.id)),
                "addressee" => t(Some(&row.addressee)),
                "submitted_at" => t(Some(&row.submitted_at)),
                "source" => t(Some(&row.source)),
                "addressee_position" => t(row.addressee_position.as_deref()),
                "category" => t(row.category.as_deref()),
                "title" => t(row.title.as_deref()),
                "text" => t(row.text.as_deref()),
                "author" => t(row.author.as_deref()),
                "status" => t(row.status.as_deref()),
                "answered_at" => t(row.answered_at.as_deref()),
                "answered_by" => t(row.answered_by.as_deref()),
                "answer_text" => t(row.answer_text.as_deref()),
                "forwarded_to" => t(row.forwarded_to.as_deref()),
                "url" => t(row.url.as_deref()),
                "rating" => t(row.rating.as_deref()),
                "scraped_at" => t(row.scraped_at.as_deref()),
                "route" => t(Some(&row.route)),
                "route_reason" => t(Some(&row.route_reason)),
                "days_to_answer" => Value::Int(row.days_to_answer),
                "due_date" => t(row.due_date.as_deref()),
                "overdue" => Value::Bool(row.overdue),
                "first_seen" => t(Some(&row.first_seen)),
                "last_seen" => t(Some(&row.last_seen)),
                "vanished" => t(row.vanished.as_deref()),
                "source_file" => t(Some(&row.source_file)),
                "source_line" => Value::Int(Some(row.source_line)),
                "official" => t(Some(&row.official)),
                "route_target" => t(row.route_target.as_deref()),
                "answered" => Value::Bool(Some(row.answered)),
                _ => Value::Text(None),
            }
        })
        .collect()
}

fn post_values<'a>(post: &'a StoredPost, names: &[&str], redacting: bool) -> Vec<Value<'a>> {
    names
        .iter()
        .map(|&c| {
            let t = |v: Option<&'a str>| text(c, v, redacting);
            match c {
                "department" => t(Some(&post.department)),
                "published_at" => t(Some(&post.published_at)),
                "channel" => t(Some(&post.channel)),
                "repost" => Value::Bool(Some(post.repost)),
                "title" => t(post.title.as_deref()),
                "url" => t(post.url.as_deref()),
                "id" => t(post.id.as_deref()),
                "source" => t(Some(&post.source)),
                "publisher" => t(Some(&post.publisher)),
                "source_file" => t(Some(&post.source_file)),
                "source_line" => Value::Int(Some(post.source_line)),
                _ => Value::Text(None),
            }
        })
        .collect()
}

/// The row's values typed as their columns are; a stored date that does not read as one
/// (a database changed outside appeal-audit) is an error naming the record, column and value.
fn cells<'a>(
    values: &'a [Value<'a>],
    names: &[&str],
    record: impl Fn() -> String,
) -> Result<Vec<Cell<'a>>> {
    values
        .iter()
        .zip(names)
        .map(|(value, &column)| {
            Ok(match (value, kind_of(column)) {
                (Value::Text(None), _) | (Value::Int(None), _) | (Value::Bool(None), _) => {
                    Cell::Null
                }
                (Value::Int(Some(n)), _) => Cell::Int(*n),
                (Value::Bool(Some(b)), _) => Cell::Bool(*b),
                (Value::Text(Some(s)), Kind::Date) => {
                    Cell::Date(iso_day(s).ok_or_else(|| bad_date(&record(), column, s))?)
                }
                (Value::Text(Some(s)), Kind::Timestamp) => {
                    let date = parse_date(s).map_err(|_| bad_date(&record(), column, s))?;
                    Cell::Timestamp(date.date.and_time(date.time.unwrap_or_default()))
                }
                (Value::Text(Some(s)), _) => Cell::Text(s),
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
        let values = [Value::Text(Some(Cow::Borrowed("вчера")))];
        let error = cells(&values, &["submitted_at"], || "appeal 7 of source x".into())
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(error.contains("appeal 7 of source x"), "{error}");
        assert!(error.contains("submitted_at"), "{error}");
        assert!(error.contains("вчера"), "{error}");
    }
}
