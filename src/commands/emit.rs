//! What the commands that print reports share: the column choice checked against a report's
//! columns, rows or a page written where --format and --output say, and a probe's account.

use std::io::Write;

use anyhow::Result;

use crate::cli::report::ReportOptions;
use crate::derive::Knowledge;
use crate::i18n::{Lang, tr};
use crate::ingest::ProbeReport;
use crate::output::columns::{Choice, UsageError, View, write_chosen};
use crate::output::{Destination, Format, Rows};

/// The columns the user chose, checked against the report's CSV columns `valid`.
pub fn chosen(args: &ReportOptions, what: &str, valid: &[&str]) -> Result<Choice> {
    let choice = Choice::new(&args.columns.columns, args.columns.wide);
    if args.format == Format::Html && matches!(choice, Choice::Named(_)) {
        return Err(UsageError(tr("usage-columns-html", &[])).into());
    }
    choice.check(what, valid)?;
    Ok(choice)
}

/// In Kazakh tables and Markdown, the departments in `columns` under the Kazakh names the
/// directory gives them (their aliases); other languages and machine formats keep the names
/// the figures are grouped by.
pub fn bodies_in_kazakh(rows: &mut Rows, know: &Knowledge, format: Format, columns: &[&str]) {
    if crate::i18n::lang() != Lang::Kk || !matches!(format, Format::Table | Format::Md) {
        return;
    }
    for column in columns {
        rows.map_column(column, |name| {
            know.who.kazakh_name(name).unwrap_or(name).to_string()
        });
    }
}

/// Writes the chosen columns of rows where the report's --format and --output say.
pub fn emit(args: &ReportOptions, view: &View, choice: &Choice, rows: &Rows) -> Result<()> {
    let mut destination = Destination::open(args.output.as_deref())?;
    let width = destination.terminal_width();
    write_chosen(
        destination.writer(),
        args.format,
        rows,
        Some(view),
        choice,
        width,
        args.style(),
    )?;
    destination.finish()
}

/// Writes a report's HTML page where --output says.
pub fn emit_html(
    args: &ReportOptions,
    page: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    let mut destination = Destination::open(args.output.as_deref())?;
    page(destination.writer())?;
    destination.finish()
}

/// A probe's account on standard output; exit 1 (an error naming the archives to send) when
/// any part of a page was not placed. Shared by `fetch --probe` and `import pages --probe`.
pub fn probed(report: ProbeReport) -> Result<super::Finish> {
    let mut out = std::io::stdout().lock();
    write!(out, "{report}")?;
    out.flush()?;
    if !report.all_placed() {
        anyhow::bail!(tr(
            "probe-not-placed-send",
            &[
                ("n", report.not_placed().into()),
                (
                    "archives",
                    report
                        .to_send()
                        .iter()
                        .map(|a| a.display().to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                        .into()
                ),
            ]
        ));
    }
    Ok(super::Finish::Done)
}
