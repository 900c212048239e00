//! `export database`: a copy of the database safe to publish.

use anyhow::{Result, bail};

use super::export::ExportOptions;
use super::{Finish, Global};

pub fn run(_global: &Global, _options: &ExportOptions) -> Result<Finish> {
    bail!("export database is not built yet in this version of appeal-audit")
}
