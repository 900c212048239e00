//! `export appeals|posts|database`: the flags validated, then the export engine writes.

use anyhow::Result;

use super::{Finish, Global};
use crate::cli::export::ExportCommand;

pub fn run(global: &Global, command: &ExportCommand) -> Result<Finish> {
    let options = command.options()?;
    crate::export::export(global, &global.db, &options)?;
    Ok(Finish::Done)
}
