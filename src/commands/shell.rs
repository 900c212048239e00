//! `completions` and `man`: generated from the same clap definition as the parser, so they
//! never disagree with it.

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
