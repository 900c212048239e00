//! Exports: every stored record as CSV, TSV, JSON, JSON Lines or xlsx for spreadsheets and scripts
//! (`table`), as typed Parquet for analysts' engines (`parquet`), or the whole database as a
//! copy safe to publish (`publish`). Each streams from the store's cursor to its writer.

mod parquet;
mod publish;
mod table;

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::output::Format;
use crate::progress::Reporter;
use crate::report::FilterOptions;

pub use table::exported;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportKind {
    Appeals,
    Posts,
    /// A publishable copy of the whole database (give --output FILE).
    Database,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Csv,
    Tsv,
    Json,
    Jsonl,
    /// Typed columns for DuckDB, Spark, Trino, BigQuery (give --output PATH).
    Parquet,
    /// An Excel workbook to open by double-click: typed cells, frozen header, filters.
    Xlsx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PartitionBy {
    /// The year of submission (posts: of publication): year=2022/.
    Year,
    /// The addressee under its directory name, as reports group them: official=NAME/.
    Addressee,
}

impl ExportFormat {
    /// The writer's format; None for Parquet, which has a writer of its own.
    pub fn format(self) -> Option<Format> {
        match self {
            ExportFormat::Csv => Some(Format::Csv),
            ExportFormat::Tsv => Some(Format::Tsv),
            ExportFormat::Json => Some(Format::Json),
            ExportFormat::Jsonl => Some(Format::Jsonl),
            ExportFormat::Xlsx => Some(Format::Xlsx),
            ExportFormat::Parquet => None,
        }
    }
}

/// An export's settings, validated from its flags.
#[derive(Debug, Clone)]
pub struct ExportOptions {
    pub what: ExportKind,
    pub format: ExportFormat,
    pub output: Option<PathBuf>,
    pub partition_by: Option<PartitionBy>,
    pub raw_texts: bool,
    pub excel: bool,
    pub include_authors: bool,
    pub redact: bool,
    pub raw: bool,
    pub filters: FilterOptions,
    /// `--columns`: only these, in this order.
    pub columns: Vec<String>,
}

/// Writes the export `options` ask for from the database at `db`.
pub fn export(reporter: &dyn Reporter, db: &Path, options: &ExportOptions) -> Result<()> {
    match (options.what, options.format.format()) {
        (ExportKind::Database, _) => publish::run(reporter, db, options),
        (_, None) => parquet::run(reporter, db, options),
        (_, Some(_)) => table::run(reporter, db, options),
    }
}
