//! The weekly report as a Markdown document a reporter pastes into a draft: a title with the
//! period, a sentence per official, the tables, and a methodology note.

use std::io::Write;

use anyhow::Result;

use chrono::NaiveDate;

use super::columns::{self, Choice, write_chosen};
use super::words::{summary_sentence, word};
use super::{Format, Rows, write};
use crate::catalogue::{self, Vocabulary};
use crate::i18n::Lang;
use crate::report::routing;
use crate::report::weekly::{Period, Weekly, with_arrow};
use crate::store::SourceFile;

/// What the methodology note says besides the figures.
pub struct Method<'a> {
    pub as_of: NaiveDate,
    pub deadline: String,
    pub files: &'a [SourceFile],
    /// Changes shown by the period's scrapes, by kind.
    pub changes: &'a serde_json::Map<String, serde_json::Value>,
}

/// The document's title: `Appeals to officials: week 2022-W38, 2022-09-19 to 2022-09-25`.
pub fn title(period: Period, lang: Lang) -> String {
    let span = lang.period(period.since, period.until);
    match period.iso_week() {
        Some(week) => lang.tr(
            "weekly-title-week",
            &[("week", week.into()), ("period", span.into())],
        ),
        None => lang.tr("weekly-title", &[("period", span.into())]),
    }
}

/// `new 3, answered 2`: the changes the period's scrapes showed, by kind, or empty.
pub fn changes_seen(changes: &serde_json::Map<String, serde_json::Value>, lang: Lang) -> String {
    let seen: Vec<String> = changes
        .iter()
        .filter(|(_, n)| n.as_u64().unwrap_or(0) > 0)
        .map(|(kind, n)| format!("{} {n}", word(Vocabulary::Change, kind, lang)))
        .collect();
    seen.join(", ")
}

pub fn markdown(out: &mut dyn Write, weekly: &Weekly, method: &Method) -> Result<()> {
    let lang = crate::i18n::lang();
    let period = &weekly.period;
    writeln!(out, "# {}\n", title(*period, lang))?;
    let as_of = lang.date(method.as_of);
    writeln!(
        out,
        "{}\n",
        lang.tr("weekly-as-of", &[("date", as_of.into())])
    )?;
    if weekly.routing.is_empty() {
        writeln!(out, "{}\n", lang.tr("weekly-none", &[]))?;
    }
    for row in &weekly.routing {
        writeln!(out, "- {}", summary_sentence(row, lang))?;
    }
    writeln!(out, "\n## {}\n", lang.tr("weekly-h-routing", &[]))?;
    write(out, Format::Md, &routing::for_reading(&weekly.routing))?;

    let before = lang.period(weekly.previous.since, weekly.previous.until);
    writeln!(
        out,
        "\n## {}\n",
        lang.tr("weekly-h-change", &[("period", before.into())])
    )?;
    write(out, Format::Md, &arrows(weekly))?;

    let seen = changes_seen(method.changes, lang);
    if !seen.is_empty() {
        writeln!(
            out,
            "\n{}",
            lang.tr("weekly-seen", &[("list", seen.into())])
        )?;
    }

    writeln!(out, "\n## {}\n", lang.tr("weekly-h-forwards", &[]))?;
    if weekly.forwards.is_empty() {
        writeln!(out, "{}", lang.tr("weekly-no-forwards", &[]))?;
    } else {
        write(
            out,
            Format::Md,
            &Rows::from_serialize(catalogue::FORWARDS, &weekly.forwards)?,
        )?;
    }

    let until = lang.date(period.until);
    writeln!(
        out,
        "\n## {}\n",
        lang.tr("weekly-h-silence", &[("date", until.into())])
    )?;
    write(
        out,
        Format::Md,
        &Rows::from_serialize(catalogue::SILENCE, &weekly.silence)?,
    )?;

    writeln!(out, "\n## {}\n", lang.tr("weekly-h-method", &[]))?;
    for line in methodology(weekly, method, lang) {
        writeln!(out, "- {line}")?;
    }
    writeln!(out, "- {}", lang.tr("weekly-files", &[]))?;
    for f in method.files {
        writeln!(out, "  - {}", file_line(f, lang))?;
    }
    let version = env!("CARGO_PKG_VERSION");
    writeln!(
        out,
        "\n{}",
        lang.tr("weekly-made", &[("version", version.into())])
    )?;
    Ok(())
}

/// `data/posts.csv (posts, 30 records, SHA-256 …)`: a file the figures come from.
pub fn file_line(f: &SourceFile, lang: Lang) -> String {
    lang.tr(
        "weekly-file",
        &[
            ("file", f.file.clone().into()),
            ("kind", word(Vocabulary::Kind, &f.kind, lang).into()),
            ("records", f.records.into()),
            ("sha", f.sha256.clone().into()),
        ],
    )
}

/// The methodology note, one sentence a line, for the Markdown document and the HTML page alike
/// (each adds the list of files in its own form).
pub fn methodology(weekly: &Weekly, method: &Method, lang: Lang) -> Vec<String> {
    let (now, before) = (weekly.period, weekly.previous);
    vec![
        lang.tr(
            "method-period",
            &[
                ("period", lang.period(now.since, now.until).into()),
                ("before", lang.period(before.since, before.until).into()),
            ],
        ),
        lang.tr("method-as-of", &[("date", lang.date(method.as_of).into())]),
        lang.tr(
            "method-deadline",
            &[("rule", method.deadline.clone().into())],
        ),
        lang.tr("method-routes", &[]),
        lang.tr("method-shares", &[]),
        lang.tr("method-silence", &[("date", lang.date(now.until).into())]),
    ]
}

/// Terminal tables, one per section, with a heading each.
/// The tables of `--format table`: each fitted to the terminal's `width` like the single
/// reports (`choice`: the default view, `--wide` or `--columns`), boxed in full elsewhere. With
/// `--columns`, a table that has none of the named columns is left out, as in `audit`.
pub fn tables(
    out: &mut dyn Write,
    weekly: &Weekly,
    choice: &Choice,
    width: Option<usize>,
) -> Result<()> {
    let lang = crate::i18n::lang();
    let sections = [
        (
            "routing",
            routing::rows_for(&weekly.routing, true, choice.named())?,
            &columns::ROUTING,
        ),
        ("change", arrows(weekly), &columns::WEEKLY_CHANGE),
        (
            "forwards",
            Rows::from_serialize(catalogue::FORWARDS, &weekly.forwards)?,
            &columns::FORWARDS,
        ),
        (
            "silence",
            Rows::from_serialize(catalogue::SILENCE, &weekly.silence)?,
            &columns::SILENCE,
        ),
    ];
    let period = lang.period(weekly.period.since, weekly.period.until);
    writeln!(
        out,
        "{}",
        lang.tr("period-line", &[("period", period.into())])
    )?;
    for (key, rows, view) in &sections {
        if let Choice::Named(names) = choice
            && !names.iter().any(|n| rows.columns.contains(n))
        {
            continue;
        }
        writeln!(out, "\n{}", lang.tr(&format!("title-{key}"), &[]))?;
        write_chosen(
            out,
            Format::Table,
            rows,
            Some(view),
            choice,
            width,
            super::Style::default(),
        )?;
    }
    Ok(())
}

/// The change table as people read it: each figure with its arrow to the period before.
fn arrows(weekly: &Weekly) -> Rows {
    let arrows: Vec<Vec<serde_json::Value>> = weekly
        .change
        .iter()
        .map(|c| {
            vec![
                c.addressee.clone().into(),
                with_arrow(c.appeals, c.appeals_before).into(),
                with_arrow(c.personal, c.personal_before).into(),
                with_arrow(c.forwarded, c.forwarded_before).into(),
                with_arrow(c.unanswered, c.unanswered_before).into(),
                with_arrow(c.overdue, c.overdue_before).into(),
            ]
        })
        .collect();
    Rows::of(catalogue::WEEKLY_ARROWS, arrows)
}

/// The object of cli.md: `{"since", "until", "routing", "forwards", "silence", "previous":
/// {"since", "until", "routing"}, "changes"}`, the rows with the report columns.
pub fn json(
    weekly: &Weekly,
    changes: serde_json::Map<String, serde_json::Value>,
) -> Result<serde_json::Value> {
    Ok(serde_json::json!({
        "since": weekly.period.since.to_string(),
        "until": weekly.period.until.to_string(),
        "routing": Rows::from_serialize(catalogue::ROUTING, &weekly.routing)?.to_json(),
        "forwards": Rows::from_serialize(catalogue::FORWARDS, &weekly.forwards)?.to_json(),
        "silence": Rows::from_serialize(catalogue::SILENCE, &weekly.silence)?.to_json(),
        "previous": {
            "since": weekly.previous.since.to_string(),
            "until": weekly.previous.until.to_string(),
            "routing": Rows::from_serialize(catalogue::ROUTING, &weekly.previous_routing)?.to_json(),
        },
        "changes": changes,
    }))
}
