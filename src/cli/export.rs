//! `export`'s flags: their definitions and help, and their validation into the engine's
//! `ExportOptions`: a flag that does not apply to the chosen kind or format is wrong usage.

use std::path::PathBuf;

use clap::Args;

use super::filters::FilterArgs;
use crate::catalogue::{APPEALS, POSTS, names};
use crate::export::{ExportFormat, ExportKind, ExportOptions, PartitionBy, exported};
use crate::i18n::tr;
use crate::output::columns::Choice;
use crate::usage::UsageError;

/// `export`.
#[derive(Debug, Args, Clone)]
pub struct ExportCommand {
    pub what: ExportKind,
    #[arg(long, default_value = "csv")]
    pub format: ExportFormat,
    /// Write to FILE instead of standard output (complete or not at all). Parquet and
    /// `export database` need it, and xlsx on a terminal; with --partition-by it is a new folder.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Parquet: one folder per year of submission or per addressee (Hive-style: year=2022/).
    #[arg(long, value_name = "COLUMN")]
    pub partition_by: Option<PartitionBy>,
    /// export database: keep texts as scraped, identifiers and all (not for publication).
    #[arg(long)]
    pub raw_texts: bool,
    /// CSV for Excel: UTF-8 byte-order mark and CRLF line ends (for scripts that feed Excel;
    /// people opening a file by double-click are better served by --format xlsx).
    #[arg(long)]
    pub excel: bool,
    /// Include the citizen's name (personal data; left out by default).
    #[arg(long)]
    pub include_authors: bool,
    /// Mask IIN/BIN, phone, e-mail, card and account numbers, and the appeal's own author's
    /// name, in every text field.
    #[arg(long)]
    pub redact: bool,
    /// No spreadsheet-formula protection: cells exactly as stored.
    #[arg(long)]
    pub raw: bool,
    /// Only these columns, by name, in this order (e.g. --columns id,addressee,route).
    #[arg(long, value_name = "A,B,C", value_delimiter = ',')]
    pub columns: Vec<String>,
    #[command(flatten)]
    pub filters: FilterArgs,
}

impl ExportCommand {
    /// The flags validated: the filters, then whatever does not apply to the kind and format
    /// chosen (exit 2 before the database is opened).
    pub fn options(&self) -> anyhow::Result<ExportOptions> {
        let options = ExportOptions {
            what: self.what,
            format: self.format,
            output: self.output.clone(),
            partition_by: self.partition_by,
            raw_texts: self.raw_texts,
            excel: self.excel,
            include_authors: self.include_authors,
            redact: self.redact,
            raw: self.raw,
            filters: self.filters.options()?,
            columns: self.columns.clone(),
        };
        match (options.what, options.format) {
            (ExportKind::Database, _) => database_flags(&options)?,
            (_, ExportFormat::Parquet) => parquet_flags(&options)?,
            _ => table_flags(&options)?,
        }
        Ok(options)
    }
}

/// `export database`: a SQLite file, always redacted unless --raw-texts.
fn database_flags(options: &ExportOptions) -> Result<(), UsageError> {
    if options.format != ExportFormat::Csv
        || options.partition_by.is_some()
        || options.excel
        || options.raw
        || options.redact
        || !options.columns.is_empty()
    {
        return Err(UsageError::new(tr("usage-database-flags", &[])));
    }
    Ok(())
}

/// `--format parquet`: every column, each with its type.
fn parquet_flags(options: &ExportOptions) -> Result<(), UsageError> {
    if options.excel || options.raw || options.raw_texts || !options.columns.is_empty() {
        return Err(UsageError::new(tr("usage-parquet-flags", &[])));
    }
    Ok(())
}

/// CSV, TSV, JSON, JSON Lines and xlsx: --columns names columns of the kind exported; xlsx
/// goes to a file or a pipe, never a terminal.
fn table_flags(options: &ExportOptions) -> anyhow::Result<()> {
    if options.partition_by.is_some() || options.raw_texts {
        return Err(UsageError::new(tr(
            "usage-table-flags",
            &[(
                "format",
                format!("{:?}", options.format).to_lowercase().into(),
            )],
        ))
        .into());
    }
    if options.format == ExportFormat::Xlsx {
        if options.excel {
            return Err(UsageError::new(tr("usage-xlsx-excel", &[])).into());
        }
        crate::output::xlsx::check_destination(options.output.as_deref())?;
    }
    let choice = Choice::new(&options.columns, false);
    let (what, table) = match options.what {
        ExportKind::Appeals => ("export appeals", APPEALS),
        ExportKind::Posts | ExportKind::Database => ("export posts", POSTS),
    };
    let valid: Vec<_> = exported(table, options.include_authors).collect();
    choice.check(what, &names(&valid))?;
    Ok(())
}
