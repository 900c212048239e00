//! `export appeals|posts`: every stored record for spreadsheets and scripts, with privacy by
//! default (no authors) and spreadsheet-formula protection unless --raw.

use std::path::Path;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use serde_json::Value;

use super::{ExportKind, ExportOptions};
use crate::catalogue::{self, APPEALS, Column, POSTS, Privacy, Read};
use crate::i18n::tr;
use crate::ingest::stored_knowledge;
use crate::output::columns::Choice;
use crate::output::{Destination, RowWriter, Style};
use crate::privacy::redact_with_names;
use crate::progress::Reporter;
use crate::report::{DueDates, missed_deadline};
use crate::report::{appeal_filter, warn_calendar_days};
use crate::rows::values_of;
use crate::store::{Access, AppealOrder, FactRef, Store, StoredAppeal};

pub fn run(reporter: &dyn Reporter, db: &Path, options: &ExportOptions) -> Result<()> {
    let Some(format) = options.format.format() else {
        return Err(anyhow::anyhow!(
            "internal: a Parquet export reached the table writer"
        ));
    };
    let choice = Choice::new(&options.columns, false);
    let store = Store::open(db, Access::Read)?;
    let know = stored_knowledge(&store)?;
    let (filters, calendar) = options.filters.resolve(&know)?;
    // `--columns`: only these, in this order.
    let named = choice.named();
    let mut destination = Destination::open(options.output.as_deref())?;
    let style = Style {
        excel: options.excel,
        protect_formulas: !options.raw,
        table: None,
    };
    // Each row goes from the store's cursor to the writer: memory stays flat at any size.
    let written = match options.what {
        ExportKind::Appeals => {
            let columns: Vec<Column> = if named.is_empty() {
                exported(APPEALS, options.include_authors).collect()
            } else {
                catalogue::pick(APPEALS, named)?
            };
            let redacted = redacted_columns(&columns, options.redact);
            let names = catalogue::names(&columns);
            let style = Style {
                table: Some(APPEALS),
                ..style
            };
            let mut writer = RowWriter::start(destination.writer(), format, &names, style)?;
            let mut dues = DueDates::new(&calendar, filters.deadline_days);
            let filter = appeal_filter(&filters);
            let bar = rows_bar(reporter, options, "bar-exporting-appeals", || {
                store.count_stored_appeals(&filter)
            })?;
            store.for_each_stored_appeal(&filter, None, AppealOrder::Stored, |stored| {
                let mut values = appeal_values(&stored, &columns, &mut dues, filters.as_of)?;
                let author = stored.appeal.author.as_deref();
                redact_values(&mut values, &redacted, author.as_slice());
                bar.inc();
                writer.push(values)
            })?;
            bar.finish();
            warn_calendar_days(reporter, &calendar, dues.submitted_days());
            writer.finish()?
        }
        ExportKind::Posts | ExportKind::Database => {
            let since = filters.since.map(|d| d.to_string());
            let until = filters.until.map(|d| d.to_string());
            let columns: Vec<Column> = if named.is_empty() {
                exported(POSTS, options.include_authors).collect()
            } else {
                catalogue::pick(POSTS, named)?
            };
            let redacted = redacted_columns(&columns, options.redact);
            let names = catalogue::names(&columns);
            let style = Style {
                table: Some(POSTS),
                ..style
            };
            let mut writer = RowWriter::start(destination.writer(), format, &names, style)?;
            let (department, channel) = (filters.department.as_deref(), filters.channel.as_deref());
            let (since, until) = (since.as_deref(), until.as_deref());
            let bar = rows_bar(reporter, options, "bar-exporting-posts", || {
                store.count_stored_posts(department, channel, since, until)
            })?;
            store.for_each_stored_post(department, channel, since, until, None, |post| {
                let mut values = values_of(&columns, &post)?;
                redact_values(&mut values, &redacted, &[]);
                bar.inc();
                writer.push(values)
            })?;
            bar.finish();
            writer.finish()?
        }
    };
    destination.finish()?;
    if let Some(path) = &options.output {
        reporter.say(&written_to(written, path));
    }
    Ok(())
}

/// `1200 records written to out.csv`, in the run's language.
pub fn written_to(records: u64, path: &Path) -> String {
    tr(
        "export-written",
        &[
            ("n", records.into()),
            ("path", path.display().to_string().into()),
        ],
    )
}

/// Rows written against the rows to write, on stderr where a person watches (the count is
/// asked of the store only then). Not while the rows themselves scroll past on the terminal:
/// the bar would be drawn through them.
pub struct RowsBar(Option<indicatif::ProgressBar>);

/// The bar labelled by the message `label` in the run's language.
pub fn rows_bar(
    reporter: &dyn Reporter,
    options: &ExportOptions,
    label: &str,
    count: impl FnOnce() -> Result<u64>,
) -> Result<RowsBar> {
    use std::io::IsTerminal;
    if options.output.is_none() && std::io::stdout().is_terminal() {
        return Ok(RowsBar(None));
    }
    let bar = reporter.rows_bar(&tr(label, &[]));
    if let Some(bar) = &bar {
        bar.set_length(count()?);
    }
    Ok(RowsBar(bar))
}

impl RowsBar {
    pub fn inc(&self) {
        if let Some(bar) = &self.0 {
            bar.inc(1);
        }
    }

    /// Gone before the summary line is said.
    pub fn finish(self) {
        if let Some(bar) = self.0 {
            bar.finish_and_clear();
        }
    }
}

/// One stored appeal's values in the order of `columns`: what the store holds, and its due
/// date and whether it is overdue as of `as_of`. The due date is asked of `dues` for every
/// appeal, written or not: its days are what the calendar warning reads afterwards.
pub fn appeal_values(
    stored: &StoredAppeal,
    columns: &[Column],
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
        .map(|column| match column.read {
            Read::DueDate => Ok(due.map_or(Value::Null, |d| d.to_string().into())),
            Read::Overdue => Ok(due
                .and_then(|due| missed_deadline(&fact, due, answered_on, as_of))
                .map_or(Value::Null, Value::Bool)),
            Read::Field => stored
                .value(column.name)
                .with_context(|| format!("internal: no stored appeal column {}", column.name)),
        })
        .collect()
}

/// The columns of `table` an export writes: the author only when asked for.
pub fn exported(table: &[Column], include_authors: bool) -> impl Iterator<Item = Column> + '_ {
    table
        .iter()
        .copied()
        .filter(move |c| include_authors || c.privacy != Privacy::Author)
}

/// The positions of the columns `--redact` masks (every free text a citizen or an official
/// wrote), each with whether the author's name parts are masked in it: not in the author
/// column itself, which `--include-authors` asked for; none without `--redact`.
pub fn redacted_columns(columns: &[Column], redact: bool) -> Vec<(usize, bool)> {
    columns
        .iter()
        .enumerate()
        .filter(|(_, c)| redact && c.is_redacted())
        .map(|(i, c)| (i, c.privacy != Privacy::Author))
        .collect()
}

/// `authors`: the record's own author, whose name parts are masked too (none for a post).
pub fn redact_values(values: &mut [Value], columns: &[(usize, bool)], authors: &[&str]) {
    for &(i, names) in columns {
        if let Value::String(s) = &values[i] {
            let authors = if names { authors } else { &[] };
            values[i] = Value::String(redact_with_names(s, authors));
        }
    }
}
