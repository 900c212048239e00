//! `completions` and `man`, generated from the same clap definition as the parser so that they
//! never disagree with it, and the methodology page.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use clap::CommandFactory;

use super::{Finish, Global};
use crate::cli::Cli;
use crate::output::manual;

pub fn completions(shell: clap_complete::Shell) -> Result<Finish> {
    print(&manual::completions(Cli::command(), shell))
}

/// `man [COMMAND]...`: one page to stdout; `man --output-dir DIR`: every page into DIR.
pub fn man(global: &Global, path: &[String], output_dir: Option<&Path>) -> Result<Finish> {
    match output_dir {
        Some(dir) => {
            let written = manual::write_pages(Cli::command(), dir)?;
            global.say(crate::i18n::tr(
                "man-written",
                &[
                    ("n", written.into()),
                    ("dir", dir.display().to_string().into()),
                ],
            ));
            Ok(Finish::Done)
        }
        None => print(&manual::page(Cli::command(), path)?),
    }
}

/// Writes bytes made whole beforehand to stdout: a closed pipe is an error main takes for the
/// reader's choice (exit 0, nothing said), not a panic.
fn print(bytes: &[u8]) -> Result<Finish> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()?;
    Ok(Finish::Done)
}

/// The methodology page of docs/, in the run's language.
pub fn methodology() -> Result<Finish> {
    let mut destination = crate::output::Destination::open(None)?;
    let years = crate::calendar::Calendar::table_years();
    crate::output::methodology::markdown(destination.writer(), crate::i18n::lang(), years)?;
    destination.finish()?;
    Ok(Finish::Done)
}
