//! `completions` and `man`, generated from the same clap definition as the parser so that they
//! never disagree with it, and the methodology page.

use std::io::Write;

use anyhow::Result;
use clap::CommandFactory;

use super::Finish;
use crate::cli::Cli;

pub fn completions(shell: clap_complete::Shell) -> Result<Finish> {
    let mut out = std::io::stdout().lock();
    clap_complete::generate(shell, &mut Cli::command(), "appeal-audit", &mut out);
    out.flush()?;
    Ok(Finish::Done)
}

pub fn man() -> Result<Finish> {
    let mut out = std::io::stdout().lock();
    clap_mangen::Man::new(Cli::command()).render(&mut out)?;
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
