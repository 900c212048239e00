//! What the commands that print reports share: the column choice checked against a report's
//! columns, rows or a page written where --format and --output say, and a probe's account.

use std::io::Write;

use anyhow::Result;

use crate::cli::report::ReportOptions;
use crate::ingest::ProbeReport;
use crate::output::columns::{Choice, UsageError, View, write_chosen};
use crate::output::{Destination, Format, Rows};

/// The columns the user chose, checked against the report's CSV columns `valid`.
pub fn chosen(args: &ReportOptions, what: &str, valid: &[&str]) -> Result<Choice> {
    let choice = Choice::new(&args.columns.columns, args.columns.wide);
    if args.format == Format::Html && matches!(choice, Choice::Named(_)) {
        return Err(UsageError(
            "--columns: the html page has fixed charts and tables; use it with --format table, \
             csv, tsv, json, jsonl or md"
                .into(),
        )
        .into());
    }
    choice.check(what, valid)?;
    Ok(choice)
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
        anyhow::bail!(
            "{} parts of the pages were not placed: send {} with your report (docs/portal.md, \
             \"First contact\")",
            report.not_placed(),
            report
                .to_send()
                .iter()
                .map(|a| a.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    Ok(super::Finish::Done)
}
