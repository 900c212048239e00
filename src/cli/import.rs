//! The flags of the commands that read files (import, audit): how a file is read and typed,
//! their definitions, validation and conversion into the engine's `ImportOptions`.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::filters::bad_date;
use super::report::{ReportArgs, ReportOptions, Writes};
use crate::i18n::tr;
use crate::ingest::{ImportOptions, PageImportOptions};
use crate::records::dates::read_date;
use crate::records::fields::RecordKind;
use crate::records::reader::{InputEncoding, InputFormat, ReadOptions};
use crate::records::typed::Mapper;
use crate::usage::UsageError;

/// What `import` reads: records of one kind, or the portal's pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportKind {
    Appeals,
    Posts,
    Directory,
    /// WARC archives or saved .html pages of the blog portal (docs/portal.md).
    Pages,
}

/// `import`.
#[derive(Debug, Args, Clone)]
pub struct ImportCommand {
    /// What the files hold: appeals, posts or directory records, or the portal's pages.
    pub kind: ImportKind,
    /// The files to import; '-' reads standard input. Pages: WARC archives (.warc,
    /// .warc.gz), pages saved by a browser (.html) or folders holding them.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Pages: the blog owner's name, instead of what the blog's welcome page says.
    #[arg(long, value_name = "NAME")]
    pub addressee: Option<String>,
    /// The file format; auto tells it from the extension, else the content.
    #[arg(long, default_value = "auto")]
    pub format: InputFormat,
    /// Pages: print what the reader recognises on each page and what it could not place;
    /// import nothing; exit 1 when anything was not placed.
    #[arg(long)]
    pub probe: bool,
    #[command(flatten)]
    pub options: ImportArgs,
}

/// `audit`.
#[derive(Debug, Args, Clone)]
pub struct AuditCommand {
    /// Files or folders (searched recursively for .csv, .tsv, .json, .jsonl, .ndjson).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Treat every file as this kind instead of telling it from the header.
    #[arg(long)]
    pub kind: Option<RecordKind>,
    /// The files' format; auto tells it from the extension, else the content.
    #[arg(long, default_value = "auto", value_name = "FORMAT")]
    pub input_format: InputFormat,
    #[command(flatten)]
    pub import: ImportArgs,
    #[command(flatten)]
    pub report: ReportArgs,
    /// How many forward targets to list per official.
    #[arg(long, default_value_t = 5, value_name = "N")]
    pub top: usize,
}

/// How files are read; shared by `import` and `audit`.
#[derive(Debug, Args, Clone)]
pub struct ImportArgs {
    /// The text encoding; auto detects UTF-8 (with or without BOM), UTF-16 with BOM and Windows-1251.
    #[arg(long, default_value = "auto")]
    pub encoding: InputEncoding,
    /// The CSV delimiter; by default the one the header line uses (',', ';' or tab).
    #[arg(long, value_name = "CHAR")]
    pub delimiter: Option<char>,
    /// Read a column of another name as a field, e.g. --map submitted_at='Дата подачи'. Repeatable.
    #[arg(long = "map", value_name = "FIELD=COLUMN")]
    pub maps: Vec<String>,
    /// The source name for records that carry none.
    #[arg(long, default_value = "default", value_name = "NAME")]
    pub source: String,
    /// A chrono pattern for dates in no built-in form, e.g. '%d/%m/%Y' (tried first).
    #[arg(long, value_name = "PATTERN")]
    pub date_format: Option<String>,
    /// Import the valid records and report the invalid ones instead of stopping at the first.
    #[arg(long)]
    pub skip_invalid: bool,
    /// With --skip-invalid: write the rejected records as CSV (file, line, field, value, reason).
    #[arg(long, value_name = "FILE", requires = "skip_invalid")]
    pub rejects: Option<PathBuf>,
    /// When the scrape was made (default: each record's scraped_at, else now).
    #[arg(long, value_name = "DATE")]
    pub scraped_at: Option<String>,
    /// The file is the complete list of its addressees' appeals at that time.
    #[arg(long)]
    pub snapshot: bool,
    /// Add classification phrases from FILE (lines like 'forward: передано в'); kept in the database.
    #[arg(long, value_name = "FILE")]
    pub phrases: Option<PathBuf>,
}

impl ImportArgs {
    /// `kinds` are the kinds of record the files may hold: every --map must name a field of
    /// one of them.
    pub fn options(
        &self,
        format: InputFormat,
        kinds: &[RecordKind],
    ) -> Result<ImportOptions, UsageError> {
        let args = self;
        let delimiter = match args.delimiter {
            None => None,
            // The quote and line ends already mean something in CSV: as the delimiter they
            // would split every record wrongly and fail later, on a "missing" field.
            Some(c @ ('"' | '\n' | '\r')) => {
                return Err(UsageError::new(tr(
                    "usage-delimiter-quote",
                    &[("char", format!("{c:?}").into())],
                )));
            }
            Some(c) if c.is_ascii() => Some(c as u8),
            Some(c) => {
                return Err(UsageError::new(tr(
                    "usage-delimiter-ascii",
                    &[("char", format!("{c:?}").into())],
                )));
            }
        };
        let maps: Vec<(String, String)> = args
            .maps
            .iter()
            .map(|m| {
                m.split_once('=')
                    .map(|(f, c)| (f.trim().to_string(), c.to_string()))
                    .ok_or_else(|| {
                        UsageError::new(tr("usage-map-form", &[("map", m.clone().into())]))
                    })
            })
            .collect::<Result<_, _>>()?;
        if let Some(pattern) = &args.date_format {
            check_date_pattern(pattern)?;
        }
        // A map must fit one of the kinds; when none takes it, the first one's complaint names
        // its fields.
        for map in &maps {
            let complaints: Vec<String> = kinds
                .iter()
                .filter_map(|kind| Mapper::new(*kind, std::slice::from_ref(map), None).err())
                .collect();
            if complaints.len() == kinds.len()
                && let Some(first) = complaints.into_iter().next()
            {
                return Err(UsageError::new(first));
            }
        }
        let scraped_at = match &args.scraped_at {
            Some(raw) => Some(
                read_date(raw)
                    .map_err(|e| bad_date("--scraped-at", raw, &e))?
                    .to_iso(),
            ),
            None => None,
        };
        Ok(ImportOptions {
            read: ReadOptions {
                format,
                encoding: args.encoding,
                delimiter,
            },
            maps,
            source: args.source.trim().to_string(),
            date_format: args.date_format.clone(),
            skip_invalid: args.skip_invalid,
            rejects: args.rejects.clone(),
            scraped_at,
            snapshot: args.snapshot,
            phrases: args.phrases.clone(),
        })
    }
}

impl ImportArgs {
    /// The options that say how to read a file of records mean nothing for pages: refused
    /// rather than ignored, so that no one believes they took effect.
    pub fn page_options(
        &self,
        format: InputFormat,
        addressee: Option<&str>,
    ) -> Result<PageImportOptions, UsageError> {
        let args = self;
        let given: Vec<&str> = [
            ("--format", format != InputFormat::Auto),
            ("--encoding", args.encoding != InputEncoding::Auto),
            ("--delimiter", args.delimiter.is_some()),
            ("--map", !args.maps.is_empty()),
            ("--date-format", args.date_format.is_some()),
            ("--skip-invalid", args.skip_invalid),
        ]
        .into_iter()
        .filter_map(|(name, given)| given.then_some(name))
        .collect();
        if !given.is_empty() {
            return Err(UsageError::new(tr(
                "usage-files-only",
                &[("flags", given.join(", ").into())],
            )));
        }
        let import = args.options(InputFormat::Jsonl, &[RecordKind::Appeals])?;
        Ok(PageImportOptions {
            source: import.source,
            addressee: addressee
                .map(|a| a.trim().to_string())
                .filter(|a| !a.is_empty()),
            scraped_at: import.scraped_at,
            snapshot: import.snapshot,
            phrases: import.phrases,
            single_run: false,
        })
    }
}

impl ImportCommand {
    /// A file of records' options: --addressee is for pages only.
    pub fn record_options(&self, kind: RecordKind) -> Result<ImportOptions, UsageError> {
        if self.addressee.is_some() {
            return Err(UsageError::new(tr("usage-addressee-pages-only", &[])));
        }
        self.options.options(self.format, &[kind])
    }

    /// The portal's pages' options.
    pub fn page_options(&self) -> Result<PageImportOptions, UsageError> {
        self.options
            .page_options(self.format, self.addressee.as_deref())
    }

    /// `import pages --probe PATH...`: the paths to probe. The probe stores nothing, so a
    /// flag that says how to store is wrong usage, as is --probe with files of records.
    pub fn probe_paths(&self) -> Result<Option<&[PathBuf]>, UsageError> {
        if !self.probe {
            return Ok(None);
        }
        if self.kind != ImportKind::Pages {
            return Err(UsageError::new(tr("usage-probe-pages", &[])));
        }
        // The same flags as an import of pages are refused for the same reasons.
        let options = self.page_options()?;
        let storing = [
            ("--addressee", options.addressee.is_some()),
            ("--scraped-at", options.scraped_at.is_some()),
            ("--snapshot", options.snapshot),
            ("--phrases", options.phrases.is_some()),
            ("--source", options.source != "default"),
        ];
        let given: Vec<&str> = storing
            .into_iter()
            .filter_map(|(flag, given)| given.then_some(flag))
            .collect();
        if !given.is_empty() {
            return Err(UsageError::new(tr(
                "usage-probe-stores-nothing",
                &[("flags", given.join(", ").into())],
            )));
        }
        Ok(Some(&self.files))
    }
}

impl AuditCommand {
    /// How the files are read (every --map must fit a kind the files may hold), and how the
    /// report is written (several tables: no single-table format).
    pub fn options(&self) -> Result<(ImportOptions, ReportOptions), UsageError> {
        let kinds = match self.kind {
            Some(kind) => vec![kind],
            None => vec![
                RecordKind::Appeals,
                RecordKind::Posts,
                RecordKind::Directory,
            ],
        };
        let import = self.import.options(self.input_format, &kinds)?;
        let report = ReportOptions::from_args(&self.report, "audit", Writes::Tables)?;
        Ok((import, report))
    }
}

/// A `--date-format` chrono cannot read (`%Q`, a lone `%`) would fail every date it is tried
/// on, silently falling back to the built-in forms; it is refused before anything is read.
fn check_date_pattern(pattern: &str) -> Result<(), UsageError> {
    use chrono::format::{Item, StrftimeItems};
    if StrftimeItems::new(pattern).any(|item| matches!(item, Item::Error)) {
        return Err(UsageError::new(tr(
            "usage-date-format",
            &[("pattern", format!("{pattern:?}").into())],
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn import_args(flags: &[&str]) -> ImportArgs {
        let mut argv = vec!["appeal-audit", "import", "appeals"];
        argv.extend(flags);
        argv.push("a.csv");
        match crate::cli::Cli::parse_from(argv).command {
            crate::cli::Command::Import(ImportCommand { options, .. }) => options,
            _ => unreachable!("an import"),
        }
    }

    #[test]
    fn a_map_must_fit_one_of_the_kinds_the_files_may_hold() {
        let args = import_args(&["--map", "department=Отдел"]);
        let all = [
            RecordKind::Appeals,
            RecordKind::Posts,
            RecordKind::Directory,
        ];
        assert!(args.options(InputFormat::Auto, &all).is_ok());
        let err = args
            .options(InputFormat::Auto, &[RecordKind::Appeals])
            .unwrap_err();
        assert!(err.to_string().contains("no field \"department\""), "{err}");
        let args = import_args(&["--map", " submitted_at = Дата подачи"]);
        let options = args
            .options(InputFormat::Auto, &[RecordKind::Appeals])
            .unwrap();
        assert_eq!(
            options.maps,
            [("submitted_at".to_string(), " Дата подачи".to_string())]
        );
    }
}
