//! The options stage, as ripgrep turns its low-level arguments into high-level ones: each
//! command's clap arguments become validated plain options here, before any file or database
//! is opened. A combination clap accepts but the command cannot use is a `UsageError`, which
//! `main` maps to exit 2 like clap's own errors (cli.md, exit codes).

use std::path::PathBuf;

use super::filters::FilterOptions;
use crate::cli::{ColumnArgs, ImportArgs, ReportArgs, ReportCommand};
use crate::output::Format;
use crate::records::dates::parse_date;
use crate::records::fields::RecordKind;
use crate::records::reader::{InputEncoding, InputFormat, ReadOptions};
use crate::records::typed::Mapper;
use crate::report::weekly::Period;

pub use crate::usage::UsageError;

/// The formats a command can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Writes {
    /// One table: every format, the HTML page included.
    Report,
    /// Several tables (weekly, audit): no single-table format (csv, tsv, jsonl).
    Tables,
    /// A list with no page to draw (status, phrases, check, show): no html.
    List,
}

/// A report's filters and where and how it writes.
#[derive(Debug, Clone)]
pub struct ReportOptions {
    pub filters: FilterOptions,
    pub format: Format,
    pub output: Option<PathBuf>,
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
        Ok(ReportOptions {
            filters: FilterOptions::from_args(&args.filters)?,
            format: args.format,
            output: args.output.clone(),
            columns: args.columns.clone(),
        })
    }
}

/// Refuses a format the command cannot write, saying which it can.
pub fn check_format(format: Format, command: &str, writes: Writes) -> Result<(), UsageError> {
    let name = format!("{format:?}").to_lowercase();
    match (writes, format) {
        (Writes::Tables, Format::Csv | Format::Tsv | Format::Jsonl) => {
            Err(UsageError::new(format!(
                "{command} holds several tables, so --format {name} cannot hold it: use --format \
                 table, md, json or html, or run report routing|forwards|silence with \
                 --since/--until for one table as {name}"
            )))
        }
        (Writes::List, Format::Html) => Err(UsageError::new(format!(
            "{command} has no HTML page (report routing, forwards, silence, changes and weekly \
             make one, and so does audit): use --format table, csv, tsv, json, jsonl or md"
        ))),
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
            ReportCommand::Silence {
                report: args,
                fail_if_stale,
            } => ReportJob::Silence {
                report: report(args, "report silence")?,
                fail_if_stale: *fail_if_stale,
            },
            ReportCommand::Changes(args) => ReportJob::Changes(report(args, "report changes")?),
            ReportCommand::Weekly {
                week,
                weeks,
                report: args,
            } => ReportJob::Weekly {
                week: week
                    .as_deref()
                    .map(|w| Period::parse_week(w).map_err(UsageError::new))
                    .transpose()?,
                weeks: *weeks,
                report: ReportOptions::from_args(args, "report weekly", Writes::Tables)?,
            },
        })
    }
}

/// A `--date-format` chrono cannot read (`%Q`, a lone `%`) would fail every date it is tried
/// on, silently falling back to the built-in forms; it is refused before anything is read.
fn check_date_pattern(pattern: &str) -> Result<(), UsageError> {
    use chrono::format::{Item, StrftimeItems};
    if StrftimeItems::new(pattern).any(|item| matches!(item, Item::Error)) {
        return Err(UsageError::new(format!(
            "--date-format {pattern:?}: not a chrono pattern; write it with %d (day), %m \
             (month), %Y (year), %H:%M (time), e.g. --date-format '%d/%m/%Y'"
        )));
    }
    Ok(())
}

/// The import's settings, validated.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    pub read: ReadOptions,
    pub maps: Vec<(String, String)>,
    pub source: String,
    pub date_format: Option<String>,
    pub skip_invalid: bool,
    pub rejects: Option<PathBuf>,
    /// ISO; None: each record's scraped_at, else the import's start.
    pub scraped_at: Option<String>,
    pub snapshot: bool,
    pub phrases: Option<PathBuf>,
}

impl ImportOptions {
    /// `kinds` are the kinds of record the files may hold: every --map must name a field of
    /// one of them.
    pub fn from_args(
        args: &ImportArgs,
        format: InputFormat,
        kinds: &[RecordKind],
    ) -> Result<ImportOptions, UsageError> {
        let delimiter = match args.delimiter {
            None => None,
            // The quote and line ends already mean something in CSV: as the delimiter they
            // would split every record wrongly and fail later, on a "missing" field.
            Some(c @ ('"' | '\n' | '\r')) => {
                return Err(UsageError::new(format!(
                    "--delimiter {c:?}: CSV uses it for quoting or line ends; give the character \
                     between fields, such as ',' ';' or a tab"
                )));
            }
            Some(c) if c.is_ascii() => Some(c as u8),
            Some(c) => {
                return Err(UsageError::new(format!(
                    "--delimiter {c:?}: the delimiter must be one ASCII character, such as ',' ';' \
                     or a tab"
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
                        UsageError::new(format!(
                            "--map {m}: write it as FIELD=COLUMN, e.g. --map submitted_at='Дата подачи'"
                        ))
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
                parse_date(raw)
                    .map_err(|e| UsageError::new(format!("--scraped-at {raw:?}: {e}")))?
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

/// `import pages`: `import`'s options that apply to pages, and the blog's owner.
#[derive(Debug, Clone, Default)]
pub struct PageImportOptions {
    /// The source name of every record (`--source`, default `default`).
    pub source: String,
    /// The blog's owner, instead of what its welcome page says (`--addressee`).
    pub addressee: Option<String>,
    /// ISO; None: each page's `WARC-Date` (a saved page's modification time).
    pub scraped_at: Option<String>,
    /// Each run's pages are the complete list of its blog's appeals (a full fetch).
    pub snapshot: bool,
    pub phrases: Option<PathBuf>,
    /// Every page given is of one run of its blog, whatever archives hold them (`fetch`
    /// resuming a killed run in a new archive). Otherwise each archive is a run of its own
    /// (weeks of archives imported at once keep their history), and saved pages are one run.
    pub single_run: bool,
}

impl PageImportOptions {
    /// The options that say how to read a file of records mean nothing for pages: refused
    /// rather than ignored, so that no one believes they took effect.
    pub fn from_args(
        args: &ImportArgs,
        format: InputFormat,
        addressee: Option<&str>,
    ) -> Result<PageImportOptions, UsageError> {
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
            return Err(UsageError::new(format!(
                "{} apply to files of records, not to `import pages`, which reads the portal's \
                 pages as docs/portal.md describes: leave them out",
                given.join(", ")
            )));
        }
        let import = ImportOptions::from_args(args, InputFormat::Jsonl, &[RecordKind::Appeals])?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn import_args(flags: &[&str]) -> ImportArgs {
        let mut argv = vec!["appeal-audit", "import", "appeals"];
        argv.extend(flags);
        argv.push("a.csv");
        match crate::cli::Cli::parse_from(argv).command {
            crate::cli::Command::Import { options, .. } => options,
            _ => unreachable!("an import"),
        }
    }

    #[test]
    fn formats_each_kind_of_command_writes() {
        use Format::*;
        for (writes, refused) in [
            (Writes::Report, vec![]),
            (Writes::Tables, vec![Csv, Tsv, Jsonl]),
            (Writes::List, vec![Html]),
        ] {
            for format in [Table, Csv, Tsv, Json, Jsonl, Md, Html] {
                let got = check_format(format, "x", writes).is_err();
                assert_eq!(got, refused.contains(&format), "{writes:?} {format:?}");
            }
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
        assert!(ImportOptions::from_args(&args, InputFormat::Auto, &all).is_ok());
        let err =
            ImportOptions::from_args(&args, InputFormat::Auto, &[RecordKind::Appeals]).unwrap_err();
        assert!(err.to_string().contains("no field \"department\""), "{err}");
        let args = import_args(&["--map", " submitted_at = Дата подачи"]);
        let options =
            ImportOptions::from_args(&args, InputFormat::Auto, &[RecordKind::Appeals]).unwrap();
        assert_eq!(
            options.maps,
            [("submitted_at".to_string(), " Дата подачи".to_string())]
        );
    }
}
