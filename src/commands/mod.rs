//! One file per command: each takes its options (validated from the clap arguments in
//! `options.rs` before anything is opened), calls the core and hands rows to the output writer.

mod audit;
mod check;
mod export;
mod export_parquet;
mod fetch;
mod filters;
mod import;
mod options;
pub mod pages;
mod publish;
mod report;
mod shell;
mod show;
mod status;
mod weekly;

use anyhow::Result;

use crate::classify::{PhraseKind, Phrases};
use crate::cli::{Cli, Command, ImportKind};
use crate::derive::Knowledge;
use crate::records::appeal::Entry;
use crate::records::fields::RecordKind;
use crate::records::names::{DirectoryEntry, EntryKind, Who};
use options::{
    ImportOptions, PageImportOptions, ReportJob, ReportOptions, UsageError, Writes, check_format,
};

/// How a command that ran to the end went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Finish {
    Done,
    /// A check found what the user asked to fail on (`--fail-if-stale`): exit 3.
    Findings,
}

/// Turns each command's arguments into validated options (a `UsageError` when they do not go
/// together), then runs it: nothing is opened before the options are known to be right.
pub fn run(cli: Cli) -> Result<Finish> {
    // `fetch` asks the portal for the language given on the command line, never the locale's.
    let explicit_lang = cli.lang;
    crate::i18n::set(crate::i18n::resolve(cli.lang, |name| {
        std::env::var(name).ok()
    }));
    let global = Global {
        db: cli.db,
        quiet: cli.quiet,
    };
    match cli.command {
        Command::Import {
            kind,
            files,
            addressee,
            format,
            options,
        } => {
            let kind = match kind {
                ImportKind::Pages => {
                    let options =
                        PageImportOptions::from_args(&options, format, addressee.as_deref())?;
                    return pages::run(&global, &files, &options);
                }
                ImportKind::Appeals => RecordKind::Appeals,
                ImportKind::Posts => RecordKind::Posts,
                ImportKind::Directory => RecordKind::Directory,
            };
            if addressee.is_some() {
                return Err(UsageError::new(
                    "--addressee applies to `import pages` only: a file's records name their \
                     addressee (use --map addressee=COLUMN for another column)",
                )
                .into());
            }
            let options = ImportOptions::from_args(&options, format, &[kind])?;
            import::run(&global, kind, &files, &options)
        }
        Command::Audit {
            paths,
            kind,
            input_format,
            import,
            report,
            top,
        } => {
            let kinds = match kind {
                Some(kind) => vec![kind],
                None => vec![
                    RecordKind::Appeals,
                    RecordKind::Posts,
                    RecordKind::Directory,
                ],
            };
            let import = ImportOptions::from_args(&import, input_format, &kinds)?;
            let report = ReportOptions::from_args(&report, "audit", Writes::Tables)?;
            audit::run(&global, &paths, kind, &import, &report, top)
        }
        Command::Report(which) => report::run(&global, ReportJob::from_args(&which)?),
        Command::Show {
            id,
            source,
            history,
            report,
        } => {
            let report = ReportOptions::from_args(&report, "show", Writes::List)?;
            show::run(&global, &id, source.as_deref(), history, &report)
        }
        Command::Export {
            what,
            format,
            output,
            partition_by,
            raw_texts,
            excel,
            include_authors,
            redact,
            raw,
            columns,
            filters,
        } => {
            let options = export::ExportOptions {
                what,
                format,
                output,
                partition_by,
                raw_texts,
                excel,
                include_authors,
                redact,
                raw,
                filters: filters::FilterOptions::from_args(&filters)?,
                columns,
            };
            export::run(&global, &options)
        }
        Command::Check {
            fail_on_problems,
            unmatched_as_directory,
            report,
        } => {
            let report = ReportOptions::from_args(&report, "check", Writes::List)?;
            check::run(&global, fail_on_problems, unmatched_as_directory, &report)
        }
        Command::Fetch { blogs, args } => fetch::run(&global, &blogs, &args, explicit_lang),
        Command::Status { format, wide } => {
            check_format(format, "status", Writes::List)?;
            status::status(&global, format, wide)
        }
        Command::Phrases { format } => {
            check_format(format, "phrases", Writes::List)?;
            status::phrases(&global, format)
        }
        Command::Completions { shell } => shell::completions(shell),
        Command::Man => shell::man(),
        Command::Methodology => {
            let mut destination = crate::output::Destination::open(None)?;
            let years = crate::calendar::Calendar::table_years();
            crate::output::methodology::markdown(destination.writer(), crate::i18n::lang(), years)?;
            destination.finish()?;
            Ok(Finish::Done)
        }
    }
}

/// The options every command shares.
pub struct Global {
    pub db: std::path::PathBuf,
    pub quiet: bool,
}

impl Global {
    /// A line for the user on stderr, unless --quiet.
    pub fn say(&self, message: impl std::fmt::Display) {
        if !self.quiet {
            tell(message);
        }
    }
}

/// A line on stderr, even under --quiet (warnings and errors). A stderr whose reader has gone
/// (`... 2>&1 | head -1`) is no reason to fail: unlike eprintln!, this never panics.
pub fn tell(message: impl std::fmt::Display) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "{message}");
}

/// The directory and phrases as stored, ready for classification.
pub fn knowledge(
    directory: Vec<Entry>,
    stored_phrases: Vec<(String, String, String)>,
) -> Knowledge {
    let entries = directory
        .iter()
        .map(|e| DirectoryEntry {
            name: e.name.clone(),
            kind: if e.kind == "official" {
                EntryKind::Official
            } else {
                EntryKind::Department
            },
            position: e.position.clone(),
            aliases: e.alias_list(),
        })
        .collect();
    let mut phrases = Phrases::defaults();
    for (kind, phrase, origin) in stored_phrases {
        if let Some(kind) = PhraseKind::ALL.into_iter().find(|k| k.prefix() == kind) {
            phrases.add(kind, &phrase, &origin);
        }
    }
    Knowledge {
        who: Who::new(entries),
        phrases,
    }
}
