//! The flags of the commands that read what is stored (report, show, check, status, phrases):
//! the shared report flags (format, output, columns) with their validation, and each
//! command's own flags.

use std::path::PathBuf;

use clap::Args;

use super::ReportCommand;
use super::filters::FilterArgs;
use crate::i18n::tr;
use crate::output::{Format, Style};
use crate::records::names::EntryKind;
use crate::report::FilterOptions;
use crate::report::weekly::Period;
use crate::usage::UsageError;

/// Filters and output shared by every report.
#[derive(Debug, Args, Clone)]
pub struct ReportArgs {
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Output format.
    #[arg(long, default_value = "table")]
    pub format: Format,
    /// Write to FILE instead of standard output (complete or not at all); xlsx needs it on a
    /// terminal.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// CSV or TSV for Excel: UTF-8 byte-order mark and CRLF line ends (--format xlsx is better
    /// for people; this is for scripts that feed Excel).
    #[arg(long)]
    pub excel: bool,
    #[command(flatten)]
    pub columns: ColumnArgs,
}

/// Which columns to show; on a terminal a table shows by default the ones read first.
#[derive(Debug, Args, Clone)]
pub struct ColumnArgs {
    /// Only these columns, by their CSV names, in this order, in every format (e.g.
    /// --columns addressee,appeals,personal_pct).
    #[arg(
        long,
        value_name = "A,B,C",
        value_delimiter = ',',
        conflicts_with = "wide"
    )]
    pub columns: Vec<String>,
    /// Table: every column (on a terminal the default view shows those read first, fitted).
    #[arg(long)]
    pub wide: bool,
}

/// The formats a command can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Writes {
    /// One table: every format, the HTML page included.
    Report,
    /// Several tables (weekly, audit): no single-table format (csv, tsv, jsonl, xlsx).
    Tables,
    /// One list with no page to draw (check): no html.
    List,
    /// Lists of several shapes (status, phrases, show): no html, no xlsx, which is one sheet.
    Lists,
}

/// A report's filters and where and how it writes.
#[derive(Debug, Clone)]
pub struct ReportOptions {
    pub filters: FilterOptions,
    pub format: Format,
    pub output: Option<PathBuf>,
    /// `--excel`: CSV or TSV with a byte-order mark and CRLF line ends.
    pub excel: bool,
    /// `--columns` and `--wide`, checked against the report's columns when it runs.
    pub columns: ColumnArgs,
}

impl ReportOptions {
    pub fn from_args(
        args: &ReportArgs,
        command: &str,
        writes: Writes,
    ) -> Result<ReportOptions, UsageError> {
        check_format(args.format, command, writes)?;
        if args.excel && !matches!(args.format, Format::Csv | Format::Tsv) {
            return Err(UsageError::new(tr(
                "usage-excel-needs-csv",
                &[("command", command.into())],
            )));
        }
        if args.format == Format::Xlsx {
            crate::output::xlsx::check_destination(args.output.as_deref())?;
        }
        Ok(ReportOptions {
            filters: args.filters.options()?,
            format: args.format,
            output: args.output.clone(),
            excel: args.excel,
            columns: args.columns.clone(),
        })
    }

    /// How its rows are shaped for spreadsheets: reports' text is never neutralised (it comes
    /// from the directory and the reports' own words, not from a scraped cell).
    pub fn style(&self) -> Style {
        Style {
            excel: self.excel,
            ..Style::default()
        }
    }
}

/// Refuses a format the command cannot write, saying which it can.
pub fn check_format(format: Format, command: &str, writes: Writes) -> Result<(), UsageError> {
    let name = format!("{format:?}").to_lowercase();
    let refused = |key| {
        Err(UsageError::new(tr(
            key,
            &[("command", command.into()), ("format", name.clone().into())],
        )))
    };
    match (writes, format) {
        (Writes::Tables, Format::Csv | Format::Tsv | Format::Jsonl | Format::Xlsx) => {
            refused("usage-several-tables")
        }
        (Writes::Lists, Format::Xlsx) => refused("usage-lists-no-xlsx"),
        (Writes::List | Writes::Lists, Format::Html) => refused("usage-no-html"),
        _ => Ok(()),
    }
}

/// A `report` subcommand with its options validated.
#[derive(Debug, Clone)]
pub enum ReportJob {
    Routing(ReportOptions),
    Forwards(ReportOptions),
    Silence {
        report: ReportOptions,
        fail_if_stale: bool,
    },
    Changes(ReportOptions),
    Weekly {
        /// None: the last full week before the as-of date.
        week: Option<Period>,
        weeks: u32,
        report: ReportOptions,
    },
}

impl ReportJob {
    pub fn from_args(command: &ReportCommand) -> Result<ReportJob, UsageError> {
        let report = |args, name| ReportOptions::from_args(args, name, Writes::Report);
        Ok(match command {
            ReportCommand::Routing(args) => ReportJob::Routing(report(args, "report routing")?),
            ReportCommand::Forwards(args) => ReportJob::Forwards(report(args, "report forwards")?),
            ReportCommand::Silence(SilenceCommand {
                report: args,
                kind,
                fail_if_stale,
            }) => ReportJob::Silence {
                report: kind.applied(report(args, "report silence")?),
                fail_if_stale: *fail_if_stale,
            },
            ReportCommand::Changes(args) => ReportJob::Changes(report(args, "report changes")?),
            ReportCommand::Weekly(WeeklyCommand {
                week,
                weeks,
                report: args,
                kind,
            }) => ReportJob::Weekly {
                week: week
                    .as_deref()
                    .map(|w| Period::parse_week(w).map_err(UsageError::new))
                    .transpose()?,
                weeks: *weeks,
                report: kind.applied(ReportOptions::from_args(
                    args,
                    "report weekly",
                    Writes::Tables,
                )?),
            },
        })
    }
}

/// `report silence`.
#[derive(Debug, Args, Clone)]
pub struct SilenceCommand {
    #[command(flatten)]
    pub report: ReportArgs,
    #[command(flatten)]
    pub kind: KindArg,
    /// Exit with code 3 when any entry listed is stale or never posted (not_read, a body
    /// gov.kz refused to every source, never counts).
    #[arg(long)]
    pub fail_if_stale: bool,
}

/// Silence's `--kind`: report weekly's silence table takes it too; audit's `--kind` is the
/// kind of its files.
#[derive(Debug, Args, Clone)]
pub struct KindArg {
    /// Silence: only directory entries of this kind (and publishers, which are departments).
    /// Officials are not expected to post news: --kind department leaves them out of the rows
    /// and of --fail-if-stale.
    #[arg(long, value_name = "KIND")]
    pub kind: Option<EntryKind>,
}

impl KindArg {
    /// The report's filters keep only entries of the kind given.
    fn applied(&self, mut report: ReportOptions) -> ReportOptions {
        report.filters.filters.kind = self.kind;
        report
    }
}

/// `report weekly`.
#[derive(Debug, Args, Clone)]
pub struct WeeklyCommand {
    /// The ISO week, e.g. 2022-W39; default: the last full week before the as-of date.
    #[arg(long, value_name = "YYYY-Www", conflicts_with_all = ["since", "until"])]
    pub week: Option<String>,
    /// --format html: how many weeks, up to the period's end, the trend charts show.
    #[arg(
        long,
        default_value_t = 12,
        value_name = "N",
        value_parser = clap::value_parser!(u32).range(1..=520)
    )]
    pub weeks: u32,
    #[command(flatten)]
    pub report: ReportArgs,
    #[command(flatten)]
    pub kind: KindArg,
}

/// `show`.
#[derive(Debug, Args, Clone)]
pub struct ShowCommand {
    /// The appeal's id as its source writes it, e.g. 749022/1.
    pub id: String,
    /// The source, where the same id exists in several.
    #[arg(long)]
    pub source: Option<String>,
    /// Also list every scraped version and each change between scrapes.
    #[arg(long)]
    pub history: bool,
    #[command(flatten)]
    pub report: ReportArgs,
}

/// `check`.
#[derive(Debug, Args, Clone)]
pub struct CheckCommand {
    /// Exit with code 3 when any problem is found.
    #[arg(long)]
    pub fail_on_problems: bool,
    /// Print only the unmatched names, as directory CSV rows (name,kind,position,parent,aliases,url) to fill in.
    #[arg(long)]
    pub unmatched_as_directory: bool,
    #[command(flatten)]
    pub report: ReportArgs,
}

/// `status`.
#[derive(Debug, Args, Clone)]
pub struct StatusCommand {
    #[arg(long, default_value = "table")]
    pub format: Format,
    /// Table: every column of the imports log (on a terminal it shows those read first).
    #[arg(long)]
    pub wide: bool,
    /// How many of the last imports to list, in every format; 0 lists every import.
    #[arg(long, default_value_t = 5, value_name = "N")]
    pub imports: u32,
}

/// `phrases`.
#[derive(Debug, Args, Clone)]
pub struct PhrasesCommand {
    #[arg(long, default_value = "table")]
    pub format: Format,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_each_kind_of_command_writes() {
        use Format::*;
        for (writes, refused) in [
            (Writes::Report, vec![]),
            (Writes::Tables, vec![Csv, Tsv, Jsonl, Xlsx]),
            (Writes::List, vec![Html]),
            (Writes::Lists, vec![Html, Xlsx]),
        ] {
            for format in [Table, Csv, Tsv, Json, Jsonl, Md, Html, Xlsx] {
                let got = check_format(format, "x", writes).is_err();
                assert_eq!(got, refused.contains(&format), "{writes:?} {format:?}");
            }
        }
    }
}
