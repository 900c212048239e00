//! appeal-audit: turns scraped appeals to officials and departments' posts into defensible
//! routing and silence figures. This file only maps outcomes to exit codes.

mod archive;
mod calendar;
mod catalogue;
mod classify;
mod cli;
mod commands;
mod derive;
mod export;
mod fetch;
mod govkz;
mod history;
mod i18n;
mod ingest;
#[cfg(test)]
mod layers;
mod output;
mod portal;
mod privacy;
mod progress;
mod records;
mod report;
mod rows;
mod store;
mod usage;
mod visible;

use std::io;
use std::process::ExitCode;

use clap::Parser;

// Records are built on the reading thread and freed on the writing one; mimalloc handles that
// hand-over far better than the system allocator (malloc/free were 40% of a re-import). Its
// version 2, which gives freed memory back within milliseconds: see Cargo.toml.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return cli::misuse::refused(e),
    };
    match commands::run(cli) {
        Ok(commands::Finish::Done) => ExitCode::SUCCESS,
        Ok(commands::Finish::Findings) => ExitCode::from(3),
        // A closed pipe (`appeal-audit export appeals | head`) is the reader's choice, not a failure.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        // Flags that clap accepts but that do not go together: wrong usage, as clap's own.
        Err(e) if e.downcast_ref::<usage::UsageError>().is_some() => {
            progress::tell(i18n::errors::usage_line(&e, i18n::lang()));
            ExitCode::from(2)
        }
        Err(e) => {
            progress::tell(i18n::errors::error_line(&e, i18n::lang()));
            ExitCode::from(1)
        }
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            || cause.downcast_ref::<csv::Error>().is_some_and(|e| {
                matches!(e.kind(), csv::ErrorKind::Io(io) if io.kind() == io::ErrorKind::BrokenPipe)
            })
            || cause.downcast_ref::<serde_json::Error>().is_some_and(|e| e.io_error_kind() == Some(io::ErrorKind::BrokenPipe))
    })
}
