//! Reading, one file per caller: the facts reports aggregate (`facts`), the history
//! (`changes`), one appeal for `show`, what `status` summarises, what `check` looks at, and
//! the rows `export` streams. Every command reads the directory and phrases from here.

mod changes;
mod check;
mod export;
mod facts;
mod show;
mod status;

pub use changes::*;
pub use check::*;
pub use facts::*;

use anyhow::Result;

use super::Store;
use crate::records::appeal::Entry;

impl Store {
    pub fn directory(&self) -> Result<Vec<Entry>> {
        super::appeal_row::load_directory(&self.conn)
    }

    pub fn phrases(&self) -> Result<Vec<(String, String, String)>> {
        super::appeal_row::load_phrases(&self.conn)
    }
}
