//! `export appeals|posts`: every stored record for spreadsheets and scripts, with privacy by
//! default (no authors) and spreadsheet-formula protection unless --raw.

use std::path::PathBuf;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use serde_json::Value;

use super::filters::{FilterOptions, appeal_filter, warn_calendar_days};
use super::{Finish, Global, knowledge};
use crate::cli::{ExportFormat, ExportKind, PartitionBy};
use crate::output::columns::Choice;
use crate::output::{Destination, RowWriter, Style};
use crate::privacy::redact;
use crate::report::{DueDates, missed_deadline};
use crate::rows::values_of;
use crate::store::{Access, AppealOrder, FactRef, Store, StoredAppeal};
use crate::usage::UsageError;

/// Every field of the record contract, then what the tool concluded and where it came from.
pub const APPEAL_COLUMNS: &[&str] = &[
    "id",
    "addressee",
    "submitted_at",
    "source",
    "addressee_position",
    "category",
    "title",
    "text",
    "author",
    "status",
    "answered_at",
    "answered_by",
    "answer_text",
    "forwarded_to",
    "url",
    "rating",
    "scraped_at",
    "route",
    "route_reason",
    "days_to_answer",
    "due_date",
    "overdue",
    "first_seen",
    "last_seen",
    "vanished",
    "source_file",
    "source_line",
    "official",
    "route_target",
    "answered",
];

pub const POST_COLUMNS: &[&str] = &[
    "department",
    "published_at",
    "channel",
    "repost",
    "title",
    "url",
    "id",
    "source",
    "publisher",
    "source_file",
    "source_line",
];

/// The fields `--redact` masks: every free text a citizen or an official wrote.
pub(super) const TEXT_FIELDS: &[&str] = &[
    "title",
    "text",
    "answer_text",
    "category",
    "status",
    "rating",
    "author",
];

pub struct ExportOptions {
    pub what: ExportKind,
    pub format: ExportFormat,
    pub output: Option<PathBuf>,
    pub partition_by: Option<PartitionBy>,
    pub raw_texts: bool,
    pub excel: bool,
    pub include_authors: bool,
    pub redact: bool,
    pub raw: bool,
    pub filters: FilterOptions,
    /// `--columns`: only these, in this order.
    pub columns: Vec<String>,
}

pub fn run(global: &Global, options: &ExportOptions) -> Result<Finish> {
    if options.what == ExportKind::Database {
        return super::publish::run(global, options);
    }
    let Some(format) = options.format.format() else {
        return super::export_parquet::run(global, options);
    };
    if options.partition_by.is_some() || options.raw_texts {
        return Err(UsageError::new(format!(
            "--partition-by is for --format parquet and --raw-texts for export database: leave \
             them out of a {} export",
            format!("{:?}", options.format).to_lowercase()
        ))
        .into());
    }
    let choice = Choice::new(&options.columns, false);
    match options.what {
        ExportKind::Appeals => {
            let valid: Vec<&str> = appeal_columns(options.include_authors).collect();
            choice.check("export appeals", &valid)?;
        }
        ExportKind::Posts | ExportKind::Database => choice.check("export posts", POST_COLUMNS)?,
    }
    let store = Store::open(&global.db, Access::Read)?;
    let know = knowledge(store.directory()?, store.phrases()?);
    let (filters, calendar) = options.filters.resolve(&know)?;
    // `--columns`: only these, in this order.
    let named: Vec<&str> = choice.named().iter().map(String::as_str).collect();
    let mut destination = Destination::open(options.output.as_deref())?;
    let style = Style {
        excel: options.excel,
        protect_formulas: !options.raw,
    };
    // Each row goes from the store's cursor to the writer: memory stays flat at any size.
    let written = match options.what {
        ExportKind::Appeals => {
            let columns: Vec<&str> = if named.is_empty() {
                appeal_columns(options.include_authors).collect()
            } else {
                named.clone()
            };
            let redacted = redacted_columns(&columns, options.redact);
            let mut writer = RowWriter::start(destination.writer(), format, &columns, style)?;
            let mut dues = DueDates::new(&calendar, filters.deadline_days);
            store.for_each_stored_appeal(
                &appeal_filter(&filters),
                None,
                AppealOrder::Stored,
                |stored| {
                    let mut values = appeal_values(&stored, &columns, &mut dues, filters.as_of)?;
                    redact_values(&mut values, &redacted);
                    writer.push(values)
                },
            )?;
            warn_calendar_days(&calendar, dues.submitted_days());
            writer.finish()?
        }
        ExportKind::Posts | ExportKind::Database => {
            let since = filters.since.map(|d| d.to_string());
            let until = filters.until.map(|d| d.to_string());
            let columns = if named.is_empty() {
                POST_COLUMNS.to_vec()
            } else {
                named.clone()
            };
            let redacted = redacted_columns(&columns, options.redact);
            let mut writer = RowWriter::start(destination.writer(), format, &columns, style)?;
            store.for_each_stored_post(
                filters.department.as_deref(),
                filters.channel.as_deref(),
                since.as_deref(),
                until.as_deref(),
                None,
                |post| {
                    let mut values = values_of(&columns, &post)?;
                    redact_values(&mut values, &redacted);
                    writer.push(values)
                },
            )?;
            writer.finish()?
        }
    };
    destination.finish()?;
    if let Some(path) = &options.output {
        global.say(format!("{written} records written to {}", path.display()));
    }
    Ok(Finish::Done)
}

/// One stored appeal's values in the order of `columns`: what the store holds, and its due
/// date and whether it is overdue as of `as_of`. The due date is asked of `dues` for every
/// appeal, written or not: its days are what the calendar warning reads afterwards.
pub(super) fn appeal_values(
    stored: &StoredAppeal,
    columns: &[&str],
    dues: &mut DueDates,
    as_of: NaiveDate,
) -> Result<Vec<Value>> {
    let a = &stored.appeal;
    let fact = FactRef {
        official: &stored.official,
        route: stored.route,
        route_target: stored.route_target.as_deref(),
        submitted_at: &a.submitted_at,
        answered_at: a.answered_at.as_deref(),
        days_to_answer: stored.days_to_answer,
        unsatisfied: None,
        vanished: stored.vanished.is_some(),
        answered: stored.answered,
    };
    let due = dues.due(&a.submitted_at);
    let answered_on = a.answered_at.as_deref().and_then(|s| dues.answered_on(s));
    columns
        .iter()
        .map(|&column| match column {
            "due_date" => Ok(due.map_or(Value::Null, |d| d.to_string().into())),
            "overdue" => Ok(due
                .and_then(|due| missed_deadline(&fact, due, answered_on, as_of))
                .map_or(Value::Null, Value::Bool)),
            stored_column => stored
                .value(stored_column)
                .with_context(|| format!("internal: no stored appeal column {stored_column}")),
        })
        .collect()
}

/// The appeal columns an export writes: the author only when asked for.
pub(super) fn appeal_columns(include_authors: bool) -> impl Iterator<Item = &'static str> {
    APPEAL_COLUMNS
        .iter()
        .copied()
        .filter(move |c| include_authors || *c != "author")
}

/// The positions of the columns `--redact` masks; none without it.
pub(super) fn redacted_columns(columns: &[&str], redact: bool) -> Vec<usize> {
    columns
        .iter()
        .enumerate()
        .filter(|(_, c)| redact && TEXT_FIELDS.contains(c))
        .map(|(i, _)| i)
        .collect()
}

pub(super) fn redact_values(values: &mut [Value], columns: &[usize]) {
    for &i in columns {
        if let Value::String(s) = &values[i] {
            values[i] = Value::String(redact(s));
        }
    }
}
