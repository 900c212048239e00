//! One thin file per command: its flags turned into plain options (`cli/`), one call into the
//! engine (`ingest/`, `export/`) or the reports (`report/`), and the rows handed to the output
//! writer. No command calls another; what several share is in `emit.rs`.

mod audit;
mod check;
mod emit;
mod export;
mod fetch;
mod import;
mod report;
mod shell;
mod show;
mod status;
mod weekly;

use std::fmt::Display;

use anyhow::Result;

use crate::cli::{Cli, Command};
use crate::progress::{Reporter, Stderr};

/// How a command that ran to the end went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Finish {
    Done,
    /// A check found what the user asked to fail on (`--fail-if-stale`): exit 3.
    Findings,
}

/// Runs the command the line names, in the language it asks for.
pub fn run(cli: Cli) -> Result<Finish> {
    // `fetch` asks the portal for the language given on the command line, never the locale's.
    let explicit_lang = cli.lang;
    crate::i18n::set(crate::i18n::resolve(cli.lang, |name| {
        std::env::var(name).ok()
    }));
    let global = Global {
        db: cli.db,
        stderr: Stderr { quiet: cli.quiet },
    };
    match cli.command {
        Command::Import(command) => import::run(&global, &command),
        Command::Audit(command) => audit::run(&global, &command),
        Command::Fetch(command) => fetch::run(&global, &command, explicit_lang),
        Command::Report(which) => report::run(&global, &which),
        Command::Show(command) => show::run(&global, &command),
        Command::Export(command) => export::run(&global, &command),
        Command::Check(command) => check::run(&global, &command),
        Command::Status(command) => status::status(&global, &command),
        Command::Phrases(command) => status::phrases(&global, &command),
        Command::Completions { shell } => shell::completions(shell),
        Command::Man {
            command,
            output_dir,
        } => shell::man(&global, &command, output_dir.as_deref()),
        Command::Methodology => shell::methodology(),
    }
}

/// What every command shares: the database and where words for people go.
pub struct Global {
    pub db: std::path::PathBuf,
    stderr: Stderr,
}

impl Reporter for Global {
    fn say(&self, message: &dyn Display) {
        self.stderr.say(message);
    }

    fn bytes_bar(&self, label: &str) -> Option<indicatif::ProgressBar> {
        self.stderr.bytes_bar(label)
    }

    fn rows_bar(&self, label: &str) -> Option<indicatif::ProgressBar> {
        self.stderr.rows_bar(label)
    }
}

impl Global {
    /// A line for the user on stderr, unless --quiet.
    pub fn say(&self, message: impl Display) {
        self.stderr.say(&message);
    }

    pub fn quiet(&self) -> bool {
        self.stderr.quiet
    }
}
