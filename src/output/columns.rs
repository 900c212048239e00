//! Which columns a table shows: every one (files, pipes, `--wide`), the ones `--columns` names
//! in that order (in every format), or on a terminal the set a reporter reads first, fitted to
//! its width. Columns are always keyed by their CSV names, whatever a header displays.

use std::io::Write;

use super::{Format, Rows, Style, cell_text, fit, write_styled};
use crate::catalogue::{self, Column};
use crate::i18n::tr;
use anyhow::Result;

/// A report's table as a reporter at a terminal first wants it.
#[derive(Debug)]
pub struct View {
    /// The columns shown by default on a terminal.
    pub shown: Shown,
    /// When even those do not fit, the ones left out first. A column empty in every row is
    /// left out whatever the width.
    pub drop_first: &'static [&'static str],
    /// Columns of people's names, which may be shortened to initials.
    pub people: &'static [&'static str],
    /// The command takes `--columns` (the note under the table says so).
    pub pickable: bool,
    /// The catalogue table of its columns, whose kinds type xlsx cells.
    pub table: &'static [Column],
}

#[derive(Debug)]
pub enum Shown {
    /// These, in this order.
    Only(&'static [&'static str]),
    /// Every column but these, in the rows' order.
    AllBut(&'static [&'static str]),
}

impl View {
    fn shown<'a>(&self, columns: &'a [String]) -> Vec<&'a str> {
        match self.shown {
            Shown::Only(names) => names
                .iter()
                .filter_map(|n| columns.iter().find(|c| c == n))
                .map(String::as_str)
                .collect(),
            Shown::AllBut(hidden) => columns
                .iter()
                .map(String::as_str)
                .filter(|c| !hidden.contains(c))
                .collect(),
        }
    }
}

pub const ROUTING: View = View {
    shown: Shown::Only(&[
        "addressee",
        "appeals",
        "personal",
        "personal_pct",
        "forwarded",
        "forwarded_pct",
        "unanswered",
        "overdue",
        "median_days_to_answer",
        "note",
    ]),
    // The counts go before their shares: the share says more and carries the interval.
    drop_first: &[
        "note",
        "personal",
        "forwarded",
        "unanswered",
        "overdue",
        "median_days_to_answer",
        "forwarded_pct",
        "personal_pct",
    ],
    people: &["addressee"],
    pickable: true,
    table: catalogue::ROUTING,
};

pub const FORWARDS: View = View {
    shown: Shown::AllBut(&[]),
    drop_first: &["median_days_to_answer"],
    people: &["addressee", "forwarded_to"],
    pickable: true,
    table: catalogue::FORWARDS,
};

pub const SILENCE: View = View {
    shown: Shown::AllBut(&["reposts_30d"]),
    drop_first: &["kind", "posts_30d", "last_post"],
    people: &["name"],
    pickable: true,
    table: catalogue::SILENCE,
};

pub const CHANGES: View = View {
    shown: Shown::AllBut(&["source"]),
    drop_first: &["id", "scraped_at"],
    people: &["addressee"],
    pickable: true,
    table: catalogue::CHANGES,
};

/// The weekly change table: each figure with its arrow to the period before (`12 (↑3)`).
pub const WEEKLY_CHANGE: View = View {
    shown: Shown::AllBut(&[]),
    drop_first: &["overdue", "unanswered", "forwarded"],
    people: &["addressee"],
    pickable: true,
    table: catalogue::WEEKLY_ARROWS,
};

/// Check's values are shown as scraped: an unmatched name is the point, never shortened.
pub const CHECK: View = View {
    shown: Shown::AllBut(&["source"]),
    drop_first: &["line", "records", "file"],
    people: &[],
    pickable: true,
    table: catalogue::CHECK,
};

pub const IMPORTS: View = View {
    shown: Shown::AllBut(&["size", "sha256"]),
    drop_first: &["started_at", "import_id", "unchanged", "updated"],
    people: &[],
    pickable: false,
    table: catalogue::IMPORTS,
};

/// What the user asked to see.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Choice {
    /// Every column, except on a terminal, where a table shows its view fitted to the width.
    #[default]
    Default,
    /// `--wide`: every column.
    Wide,
    /// `--columns a,b,c`: these, in this order, in every format.
    Named(Vec<String>),
}

pub use crate::usage::UsageError;

impl Choice {
    pub fn new(columns: &[String], wide: bool) -> Choice {
        if !columns.is_empty() {
            Choice::Named(columns.iter().map(|c| c.trim().to_string()).collect())
        } else if wide {
            Choice::Wide
        } else {
            Choice::Default
        }
    }

    /// Refuses a name that is not one of `valid` (the CSV columns of `what`), listing them.
    pub fn check(&self, what: &str, valid: &[&str]) -> Result<()> {
        let Choice::Named(names) = self else {
            return Ok(());
        };
        if let Some(unknown) = names.iter().find(|n| !valid.contains(&n.as_str())) {
            let key = if unknown.is_empty() {
                "usage-columns-empty"
            } else {
                "usage-columns-unknown"
            };
            return Err(UsageError(tr(
                key,
                &[
                    ("what", what.into()),
                    ("name", format!("{unknown:?}").into()),
                    ("columns", valid.join(", ").into()),
                ],
            ))
            .into());
        }
        let mut earlier = names.iter().enumerate();
        if let Some(twice) = earlier.find_map(|(i, n)| names[..i].contains(n).then_some(n)) {
            return Err(
                UsageError(tr("usage-columns-twice", &[("name", twice.clone().into())])).into(),
            );
        }
        Ok(())
    }

    /// Refuses --columns and --wide where the output has no such columns; `why` is the
    /// message, which says so.
    pub fn refuse(&self, why: String) -> Result<()> {
        match self {
            Choice::Default => Ok(()),
            _ => Err(UsageError(why).into()),
        }
    }

    pub fn named(&self) -> &[String] {
        match self {
            Choice::Named(names) => names,
            _ => &[],
        }
    }
}

impl Rows {
    /// These columns in this order; a name the rows lack is skipped.
    pub fn select(&self, names: &[impl AsRef<str>]) -> Rows {
        let at: Vec<(String, usize)> = names
            .iter()
            .filter_map(|n| {
                let n = n.as_ref();
                self.columns
                    .iter()
                    .position(|c| c == n)
                    .map(|i| (n.to_string(), i))
            })
            .collect();
        Rows {
            columns: at.iter().map(|(n, _)| n.clone()).collect(),
            values: self
                .values
                .iter()
                .map(|v| at.iter().map(|(_, i)| v[*i].clone()).collect())
                .collect(),
        }
    }
}

/// Writes the chosen columns of `rows`; a table on a terminal `terminal` wide is fitted to it,
/// with a line under it saying what was left out.
pub fn write_chosen(
    out: &mut dyn Write,
    format: Format,
    rows: &Rows,
    view: Option<&View>,
    choice: &Choice,
    terminal: Option<usize>,
    style: Style,
) -> Result<()> {
    let style = Style {
        table: style.table.or(view.map(|v| v.table)),
        ..style
    };
    let named;
    let rows = match choice {
        Choice::Named(names) => {
            named = rows.select(names);
            &named
        }
        _ => rows,
    };
    match (format, terminal) {
        (Format::Table, Some(width)) if !rows.values.is_empty() => {
            write_fitted(out, rows, view, *choice == Choice::Default, width)
        }
        _ => write_styled(out, format, rows, style),
    }
}

/// The view's columns (`by_default`), or all those of `rows`, fitted to `width`, then the note.
fn write_fitted(
    out: &mut dyn Write,
    rows: &Rows,
    view: Option<&View>,
    by_default: bool,
    width: usize,
) -> Result<()> {
    let candidates = match view.filter(|_| by_default) {
        // A column empty in every row says nothing: the view leaves it out.
        Some(view) => {
            let said: Vec<&str> = view
                .shown(&rows.columns)
                .into_iter()
                .filter(|&c| {
                    let Some(i) = rows.columns.iter().position(|n| n == c) else {
                        return false;
                    };
                    rows.values.iter().any(|v| !cell_text(&v[i]).is_empty())
                })
                .collect();
            rows.select(&said)
        }
        None => rows.select(&rows.columns),
    };
    // Cells in the run's language (the decimal comma, status words); columns keep their CSV
    // names, which the view and --columns key on, and `fit::label` words the headers.
    let lang = crate::i18n::lang();
    let mut candidates = candidates;
    for row in candidates
        .values
        .iter_mut()
        .filter(|_| lang != crate::i18n::Lang::En)
    {
        for (value, column) in row.iter_mut().zip(&candidates.columns) {
            *value = super::words::cell(column, value, lang);
        }
    }
    let people: Vec<bool> = candidates
        .columns
        .iter()
        .map(|c| view.is_some_and(|v| v.people.contains(&c.as_str())))
        .collect();
    let measures: Vec<fit::Measure> = candidates
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| fit::measure(c, candidates.values.iter().map(|v| &v[i]), people[i]))
        .collect();
    let drop_order: Vec<usize> = view.filter(|_| by_default).map_or_else(Vec::new, |view| {
        view.drop_first
            .iter()
            .filter_map(|d| candidates.columns.iter().position(|c| c == d))
            .collect()
    });
    let layout = fit::layout(&measures, &drop_order, width);
    fit::write_fitted(out, &candidates, &people, &layout)?;
    let left_out: Vec<&str> = rows
        .columns
        .iter()
        .filter(|c| {
            !layout
                .placed
                .iter()
                .any(|p| candidates.columns[p.column] == **c)
        })
        .map(String::as_str)
        .collect();
    let shortened = layout
        .placed
        .iter()
        .any(|p| p.shortened && measures[p.column].whole_names > 0);
    let pickable = view.is_some_and(|v| v.pickable);
    if let Some(note) = fit::note(&left_out, shortened, pickable) {
        for line in fit::wrap(&note, width) {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn rows() -> Rows {
        Rows {
            columns: vec!["a".into(), "b".into(), "c".into()],
            values: vec![vec![1.into(), "x".into(), Value::Null]],
        }
    }

    #[test]
    fn selecting_keeps_the_order_asked_for() {
        let picked = rows().select(&["c", "a"]);
        assert_eq!(picked.columns, vec!["c", "a"]);
        assert_eq!(picked.values, vec![vec![Value::Null, 1.into()]]);
    }

    #[test]
    fn an_unknown_name_is_a_usage_error_listing_the_valid_ones() {
        let choice = Choice::new(&["a".into(), " zz ".into()], false);
        let error = choice.check("report x", &["a", "b"]).unwrap_err();
        assert!(error.downcast_ref::<UsageError>().is_some());
        assert_eq!(
            error.to_string(),
            "--columns: report x has no column \"zz\"; its columns are: a, b"
        );
        assert!(Choice::new(&[], true).check("report x", &["a"]).is_ok());
        let twice = Choice::new(&["a".into(), "a".into()], false);
        assert_eq!(
            twice.check("report x", &["a"]).unwrap_err().to_string(),
            "--columns: a is named twice"
        );
    }

    #[test]
    fn every_view_names_only_its_own_columns() {
        use crate::catalogue;
        for (view, table) in [
            (&ROUTING, catalogue::ROUTING),
            (&FORWARDS, catalogue::FORWARDS),
            (&SILENCE, catalogue::SILENCE),
            (&CHECK, catalogue::CHECK),
            (&CHANGES, catalogue::CHANGES),
            (&IMPORTS, catalogue::IMPORTS),
        ] {
            let columns = catalogue::names(table);
            let (Shown::Only(listed) | Shown::AllBut(listed)) = view.shown;
            for name in listed.iter().chain(view.drop_first).chain(view.people) {
                assert!(columns.contains(name), "{name} in {columns:?}");
            }
            let all: Vec<String> = columns.iter().map(|c| c.to_string()).collect();
            let shown = view.shown(&all);
            for name in view.drop_first.iter().chain(view.people) {
                assert!(shown.contains(name), "{name} not shown by default");
            }
        }
    }
}
