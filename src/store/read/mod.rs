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

    /// The addresses of the posts stored from `source` for `department` (as written in the
    /// posts): how a re-fetch of a body's news knows where what it read before begins.
    pub fn post_urls(
        &self,
        source: &str,
        department: &str,
    ) -> Result<std::collections::HashSet<String>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT url FROM posts WHERE source = ?1 AND department = ?2 AND url IS NOT NULL",
        )?;
        let urls = statement
            .query_map([source, department], |row| row.get::<_, String>(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(urls)
    }
}
