//! `export appeals|posts`: every stored record for spreadsheets and scripts, with privacy by
//! default (no authors) and spreadsheet-formula protection unless --raw.

use std::path::PathBuf;

use anyhow::Result;
use serde::Serialize;

use super::filters::{FilterOptions, appeal_filter, warn_calendar};
use super::{Finish, Global, knowledge};
use crate::cli::{ExportFormat, ExportKind};
use crate::output::columns::Choice;
use crate::output::{Destination, Rows, Style, write_styled};
use crate::privacy::redact;
use crate::report::{due_of, overdue};
use crate::store::{Access, AppealFact, Store};

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
const TEXT_FIELDS: &[&str] = &[
    "title",
    "text",
    "answer_text",
    "category",
    "status",
    "rating",
    "author",
];

#[derive(Debug, Serialize)]
struct AppealRow {
    id: String,
    addressee: String,
    submitted_at: String,
    source: String,
    addressee_position: Option<String>,
    category: Option<String>,
    title: Option<String>,
    text: Option<String>,
    author: Option<String>,
    status: Option<String>,
    answered_at: Option<String>,
    answered_by: Option<String>,
    answer_text: Option<String>,
    forwarded_to: Option<String>,
    url: Option<String>,
    rating: Option<String>,
    scraped_at: Option<String>,
    route: String,
    route_reason: String,
    days_to_answer: Option<i64>,
    due_date: Option<String>,
    overdue: Option<bool>,
    first_seen: String,
    last_seen: String,
    vanished: Option<String>,
    source_file: String,
    source_line: i64,
    official: String,
    route_target: Option<String>,
    /// The appeal has an answer: the one definition every report uses.
    answered: bool,
}

pub struct ExportOptions {
    pub what: ExportKind,
    pub format: ExportFormat,
    pub output: Option<PathBuf>,
    pub excel: bool,
    pub include_authors: bool,
    pub redact: bool,
    pub raw: bool,
    pub filters: FilterOptions,
    /// `--columns`: only these, in this order.
    pub columns: Vec<String>,
}

pub fn run(global: &Global, options: &ExportOptions) -> Result<Finish> {
    let choice = Choice::new(&options.columns, false);
    match options.what {
        ExportKind::Appeals => {
            let valid: Vec<&str> = appeal_columns(options.include_authors).collect();
            choice.check("export appeals", &valid)?;
        }
        ExportKind::Posts => choice.check("export posts", POST_COLUMNS)?,
    }
    let store = Store::open(&global.db, Access::Read)?;
    let know = knowledge(store.directory()?, store.phrases()?);
    let (filters, calendar) = options.filters.resolve(&know)?;
    let mut rows = match options.what {
        ExportKind::Appeals => {
            let stored = store.stored_appeals(&appeal_filter(&filters))?;
            warn_calendar(
                &calendar,
                stored.iter().map(|s| s.appeal.submitted_at.as_str()),
            );
            let rows: Vec<AppealRow> = stored
                .into_iter()
                .map(|s| {
                    let a = s.appeal;
                    let fact = AppealFact {
                        official: s.official.clone(),
                        route: s.route.clone(),
                        route_target: s.route_target.clone(),
                        submitted_at: a.submitted_at.clone(),
                        answered_at: a.answered_at.clone(),
                        days_to_answer: s.days_to_answer,
                        unsatisfied: None,
                        vanished: s.vanished.is_some(),
                        answered: s.answered,
                    };
                    AppealRow {
                        due_date: due_of(&fact, &calendar, &filters).map(|d| d.to_string()),
                        overdue: overdue(&fact, &calendar, &filters),
                        id: a.id,
                        addressee: a.addressee,
                        submitted_at: a.submitted_at,
                        source: a.source,
                        addressee_position: a.addressee_position,
                        category: a.category,
                        title: a.title,
                        text: a.text,
                        author: a.author,
                        status: a.status,
                        answered_at: a.answered_at,
                        answered_by: a.answered_by,
                        answer_text: a.answer_text,
                        forwarded_to: a.forwarded_to,
                        url: a.url,
                        rating: a.rating,
                        scraped_at: a.scraped_at,
                        route: s.route,
                        route_reason: s.route_reason,
                        days_to_answer: s.days_to_answer,
                        first_seen: s.first_seen,
                        last_seen: s.last_seen,
                        vanished: s.vanished,
                        source_file: s.source_file,
                        source_line: s.source_line,
                        official: s.official,
                        route_target: s.route_target,
                        answered: s.answered,
                    }
                })
                .collect();
            let columns: Vec<&str> = appeal_columns(options.include_authors).collect();
            Rows::from_serialize(&columns, &rows)?
        }
        ExportKind::Posts => {
            let since = filters.since.map(|d| d.to_string());
            let until = filters.until.map(|d| d.to_string());
            let posts = store.stored_posts(
                filters.department.as_deref(),
                filters.channel.as_deref(),
                since.as_deref(),
                until.as_deref(),
            )?;
            Rows::from_serialize(POST_COLUMNS, &posts)?
        }
    };
    if options.redact {
        redact_rows(&mut rows);
    }
    if !choice.named().is_empty() {
        rows = rows.select(choice.named());
    }
    let mut destination = Destination::open(options.output.as_deref())?;
    let style = Style {
        excel: options.excel,
        protect_formulas: !options.raw,
    };
    write_styled(destination.writer(), options.format.format(), &rows, style)?;
    destination.finish()?;
    if let Some(path) = &options.output {
        global.say(format!(
            "{} records written to {}",
            rows.values.len(),
            path.display()
        ));
    }
    Ok(Finish::Done)
}

/// The appeal columns an export writes: the author only when asked for.
fn appeal_columns(include_authors: bool) -> impl Iterator<Item = &'static str> {
    APPEAL_COLUMNS
        .iter()
        .copied()
        .filter(move |c| include_authors || *c != "author")
}

fn redact_rows(rows: &mut Rows) {
    let text_columns: Vec<usize> = rows
        .columns
        .iter()
        .enumerate()
        .filter(|(_, c)| TEXT_FIELDS.contains(&c.as_str()))
        .map(|(i, _)| i)
        .collect();
    for values in &mut rows.values {
        for &i in &text_columns {
            if let serde_json::Value::String(s) = &values[i] {
                values[i] = serde_json::Value::String(redact(s));
            }
        }
    }
}
