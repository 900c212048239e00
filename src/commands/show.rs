//! `show ID`: one appeal, every stored field, its route and reason, days to answer, due date,
//! whether it is overdue, and where it came from.

use anyhow::{Result, bail};
use rusqlite::types::Value as SqlValue;
use serde_json::Value;

use super::{Finish, Global};
use crate::catalogue;
use crate::classify::Route;
use crate::cli::report::{ReportOptions, ShowCommand, Writes};
use crate::i18n::{Lang, tr};
use crate::ingest::stored_knowledge;
use crate::output::columns::Choice;
use crate::output::words;
use crate::output::{Destination, Format, Rows, write};
use crate::report::{due_of, overdue};
use crate::store::{Access, AppealFact, Store};

/// Internal columns a reader has no use for.
const HIDDEN: &[&str] = &["appeal_key", "value_hash"];

pub fn run(global: &Global, command: &ShowCommand) -> Result<Finish> {
    let args = &ReportOptions::from_args(&command.report, "show", Writes::Lists)?;
    let (id, source, history) = (
        command.id.as_str(),
        command.source.as_deref(),
        command.history,
    );
    Choice::new(&args.columns.columns, args.columns.wide).refuse(tr("usage-columns-show", &[]))?;
    let store = Store::open(&global.db, Access::Read)?;
    let know = stored_knowledge(&store)?;
    let (filters, calendar) = args.filters.resolve(&know)?;
    let mut found = store.appeal_columns(source, id.trim())?;
    let columns = match found.len() {
        0 => bail!(
            "{}",
            tr(
                "show-no-appeal",
                &[
                    ("id", format!("{id:?}").into()),
                    (
                        "source",
                        source
                            .map(|s| tr("show-in-source", &[("source", format!("{s:?}").into())]))
                            .unwrap_or_default()
                            .into()
                    ),
                    ("db", global.db.display().to_string().into()),
                ],
            )
        ),
        1 => found.remove(0),
        _ => {
            let sources: Vec<String> = found
                .iter()
                .filter_map(|cols| {
                    cols.iter()
                        .find(|(c, _)| c == "source")
                        .map(|(_, v)| text(v))
                })
                .collect();
            bail!(
                "{}",
                tr(
                    "show-several-sources",
                    &[
                        ("id", format!("{id:?}").into()),
                        ("sources", sources.join(", ").into()),
                    ],
                )
            )
        }
    };
    let get = |name: &str| {
        columns
            .iter()
            .find(|(c, _)| c == name)
            .map(|(_, v)| text(v))
            .filter(|s| !s.is_empty())
    };
    let fact = AppealFact {
        official: get("official").unwrap_or_default(),
        // Only a rejection changes the deadline: any other route, or none, counts alike.
        route: get("route")
            .and_then(|r| Route::parse(&r))
            .unwrap_or(Route::Unknown),
        route_target: get("route_target"),
        submitted_at: get("submitted_at").unwrap_or_default(),
        answered_at: get("answered_at"),
        days_to_answer: get("days_to_answer").and_then(|d| d.parse().ok()),
        unsatisfied: None,
        vanished: get("vanished").is_some(),
        // As the import stored it: the one definition of an answer.
        answered: get("answered").is_some_and(|a| a != "0"),
    };
    let mut pairs: Vec<(String, Value)> = columns
        .iter()
        .filter(|(c, _)| !HIDDEN.contains(&c.as_str()))
        .filter(|(c, v)| {
            let page = catalogue::PAGE_PROVENANCE.iter().any(|p| p.name == c);
            !(page && *v == SqlValue::Null)
        })
        .map(|(c, v)| (c.clone(), json(v)))
        .collect();
    pairs.push((
        "due_date".into(),
        due_of(&fact, &calendar, &filters)
            .map(|d| d.to_string())
            .into(),
    ));
    pairs.push(("overdue".into(), overdue(&fact, &calendar, &filters).into()));
    pairs.push(("as_of".into(), filters.as_of.to_string().into()));
    let (versions, changes) = if history {
        let source = get("source").unwrap_or_default();
        let id = get("id").unwrap_or_default();
        let changes: Vec<_> = store
            .changes(None, None, None)?
            .into_iter()
            .filter(|c| c.source == source && c.id == id)
            .collect();
        (store.versions(&source, &id)?, changes)
    } else {
        (Vec::new(), Vec::new())
    };
    // A version read from a page also names the record's offset and the page.
    let mut version_columns = catalogue::VERSIONS.to_vec();
    if versions.iter().any(|v| v.source_url.is_some()) {
        version_columns.extend(catalogue::PAGE_PROVENANCE);
    }
    let version_rows = Rows::from_serialize(&version_columns, &versions)?;
    let change_rows = Rows::from_serialize(catalogue::CHANGES, &changes)?;
    let mut destination = Destination::open(args.output.as_deref())?;
    let out = destination.writer();
    match args.format {
        Format::Json | Format::Jsonl => {
            let mut object: serde_json::Map<String, Value> = pairs.into_iter().collect();
            if history {
                object.insert("versions".into(), serde_json::to_value(&versions)?);
                object.insert("changes".into(), serde_json::to_value(&changes)?);
            }
            let value = Value::Array(vec![Value::Object(object)]);
            if args.format == Format::Json {
                serde_json::to_writer_pretty(&mut *out, &value)?;
            } else {
                serde_json::to_writer(&mut *out, &value[0])?;
            }
            writeln!(out)?;
        }
        format => {
            let lang = crate::i18n::lang();
            // Tables and Markdown are for people: fields and words in their language (English
            // keeps the stored names); csv and tsv keep them for machines.
            let for_people = matches!(format, Format::Table | Format::Md) && lang != Lang::En;
            let values = pairs
                .into_iter()
                .map(|(c, v)| match for_people {
                    true => {
                        let value = match v {
                            Value::Bool(yes) => {
                                tr(if yes { "show-yes" } else { "show-no" }, &[]).into()
                            }
                            v => words::cell(&c, &v, lang),
                        };
                        vec![Value::String(words::column(&c, lang)), value]
                    }
                    false => vec![Value::String(c), v],
                })
                .collect();
            let fields = Rows::of(catalogue::FIELDS, values);
            write(out, format, &fields)?;
            if history {
                writeln!(out, "\n{}", tr("show-versions", &[]))?;
                write(out, format, &version_rows)?;
                writeln!(out, "\n{}", tr("show-changes", &[]))?;
                write(out, format, &change_rows)?;
            }
        }
    }
    destination.finish()?;
    Ok(Finish::Done)
}

fn text(value: &SqlValue) -> String {
    match value {
        SqlValue::Null => String::new(),
        SqlValue::Integer(i) => i.to_string(),
        SqlValue::Real(r) => r.to_string(),
        SqlValue::Text(t) => t.clone(),
        SqlValue::Blob(b) => format!("<{} bytes>", b.len()),
    }
}

fn json(value: &SqlValue) -> Value {
    match value {
        SqlValue::Null => Value::Null,
        SqlValue::Integer(i) => (*i).into(),
        SqlValue::Real(r) => (*r).into(),
        other => Value::String(text(other)),
    }
}
