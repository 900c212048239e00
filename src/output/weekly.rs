//! The weekly report as a Markdown document a reporter pastes into a draft: a title with the
//! period, a sentence per official, the tables, and a methodology note.

use std::io::Write;

use anyhow::Result;

use super::{Format, Rows, write};
use crate::report::weekly::{CHANGE_COLUMNS, Weekly, summary_sentence, with_arrow};
use crate::report::{forwards, routing, silence};
use crate::store::SourceFile;

/// What the methodology note says besides the figures.
pub struct Method<'a> {
    pub as_of: String,
    pub deadline: String,
    pub files: &'a [SourceFile],
    /// Changes shown by the period's scrapes, by kind.
    pub changes: &'a serde_json::Map<String, serde_json::Value>,
}

pub fn markdown(out: &mut dyn Write, weekly: &Weekly, method: &Method) -> Result<()> {
    let period = &weekly.period;
    let name = period
        .iso_week()
        .map(|w| format!("week {w}, "))
        .unwrap_or_default();
    writeln!(
        out,
        "# Appeals to officials: {name}{} to {}\n",
        period.since, period.until
    )?;
    writeln!(out, "Figures as of {}.\n", method.as_of)?;
    if weekly.routing.is_empty() {
        writeln!(out, "No appeals were submitted in this period.\n")?;
    }
    for row in &weekly.routing {
        writeln!(out, "- {}", summary_sentence(row))?;
    }
    writeln!(out, "\n## How appeals were answered\n")?;
    write(out, Format::Md, &routing::for_reading(&weekly.routing))?;

    writeln!(
        out,
        "\n## Against the period before ({} to {})\n",
        weekly.previous.since, weekly.previous.until
    )?;
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
    let columns = [
        "addressee",
        "appeals",
        "personal",
        "forwarded",
        "unanswered",
        "overdue",
    ];
    write(
        out,
        Format::Md,
        &Rows {
            columns: columns.iter().map(|c| c.to_string()).collect(),
            values: arrows,
        },
    )?;

    let seen: Vec<String> = method
        .changes
        .iter()
        .filter(|(_, n)| n.as_u64().unwrap_or(0) > 0)
        .map(|(kind, n)| format!("{kind} {n}"))
        .collect();
    if !seen.is_empty() {
        writeln!(
            out,
            "\nOn the blogs, the scrapes of this period showed: {}.",
            seen.join(", ")
        )?;
    }

    writeln!(out, "\n## Where forwarded appeals went\n")?;
    if weekly.forwards.is_empty() {
        writeln!(out, "No appeal submitted in this period was forwarded.")?;
    } else {
        write(
            out,
            Format::Md,
            &Rows::from_serialize(forwards::COLUMNS, &weekly.forwards)?,
        )?;
    }

    writeln!(out, "\n## Departments' silence on {}\n", period.until)?;
    write(
        out,
        Format::Md,
        &Rows::from_serialize(silence::COLUMNS, &weekly.silence)?,
    )?;

    writeln!(out, "\n## Methodology\n")?;
    for line in methodology(weekly, method) {
        writeln!(out, "- {line}")?;
    }
    writeln!(out, "- Files:")?;
    for f in method.files {
        writeln!(
            out,
            "  - {} ({}, {} records, SHA-256 {})",
            f.file, f.kind, f.records, &f.sha256
        )?;
    }
    writeln!(
        out,
        "\nMade with appeal-audit {}.",
        env!("CARGO_PKG_VERSION")
    )?;
    Ok(())
}

/// The methodology note, one sentence a line, for the Markdown document and the HTML page alike
/// (each adds the list of files in its own form).
pub fn methodology(weekly: &Weekly, method: &Method) -> Vec<String> {
    let (now, before) = (weekly.period, weekly.previous);
    vec![
        format!(
            "Period: appeals submitted from {} to {} inclusive, compared with {} to {}.",
            now.since, now.until, before.since, before.until
        ),
        format!(
            "As of {}: an appeal unanswered by then counts as overdue once its due date has passed.",
            method.as_of
        ),
        format!("Deadline: {}.", method.deadline),
        "Personal: the first answer is signed by the official (by name, initials, an alias or the \
         post). Forwarded: the appeal was redirected, or the first answer is signed by someone \
         else or says it was passed on. Unanswered: no answer on the page. Unknown author: an \
         answer with no author. Rejected: the body refused to consider it."
            .to_string(),
        "Shares are of each official's appeals, with 95% Wilson score intervals (E. B. Wilson, 1927)."
            .to_string(),
        format!(
            "Silence: days from a department's latest post to {}; stale after the threshold, never \
             when it has no post.",
            now.until
        ),
    ]
}

/// Terminal tables, one per section, with a heading each.
pub fn tables(out: &mut dyn Write, weekly: &Weekly) -> Result<()> {
    let sections = [
        ("Routing", routing::for_reading(&weekly.routing)),
        (
            "Against the period before",
            Rows::from_serialize(CHANGE_COLUMNS, &weekly.change)?,
        ),
        (
            "Forwards",
            Rows::from_serialize(forwards::COLUMNS, &weekly.forwards)?,
        ),
        (
            "Silence",
            Rows::from_serialize(silence::COLUMNS, &weekly.silence)?,
        ),
    ];
    writeln!(
        out,
        "Period {} to {}",
        weekly.period.since, weekly.period.until
    )?;
    for (title, rows) in &sections {
        writeln!(out, "\n{title}")?;
        write(out, Format::Table, rows)?;
    }
    Ok(())
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
        "routing": Rows::from_serialize(routing::COLUMNS, &weekly.routing)?.to_json(),
        "forwards": Rows::from_serialize(forwards::COLUMNS, &weekly.forwards)?.to_json(),
        "silence": Rows::from_serialize(silence::COLUMNS, &weekly.silence)?.to_json(),
        "previous": {
            "since": weekly.previous.since.to_string(),
            "until": weekly.previous.until.to_string(),
            "routing": Rows::from_serialize(routing::COLUMNS, &weekly.previous_routing)?.to_json(),
        },
        "changes": changes,
    }))
}
