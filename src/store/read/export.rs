//! What `export` reads: every stored appeal and post, handed out one row at a time from the
//! cursor so that memory stays flat at any size.

use anyhow::Result;

use crate::store::{AppealFilter, Store, StoredAppeal};

/// A post as stored.
#[derive(Debug, Clone, serde::Serialize)]
pub struct StoredPost {
    pub department: String,
    pub published_at: String,
    pub channel: String,
    pub repost: bool,
    pub title: Option<String>,
    pub url: Option<String>,
    pub id: Option<String>,
    pub source: String,
    pub publisher: String,
    pub source_file: String,
    pub source_line: i64,
}

impl Store {
    /// Hands every stored appeal the filter lets through to `each`, in source and key order,
    /// one row at a time as the cursor reads it: export holds one appeal, not all of them.
    pub fn for_each_stored_appeal(
        &self,
        filter: &AppealFilter,
        mut each: impl FnMut(StoredAppeal) -> Result<()>,
    ) -> Result<()> {
        let mut stmt = self.conn.prepare(&StoredAppeal::select())?;
        let mut rows = stmt.query(rusqlite::params![
            filter.since,
            filter.until,
            filter.official
        ])?;
        while let Some(row) = rows.next()? {
            each(StoredAppeal::from_row(row)?)?;
        }
        Ok(())
    }

    /// Hands every stored post to `each`, filtered by publisher, channel and publication date,
    /// one row at a time.
    pub fn for_each_stored_post(
        &self,
        publisher: Option<&str>,
        channel: Option<&str>,
        since: Option<&str>,
        until: Option<&str>,
        mut each: impl FnMut(StoredPost) -> Result<()>,
    ) -> Result<()> {
        let mut stmt = self.conn.prepare(
            "SELECT department, published_at, channel, repost, title, url, id, source, publisher, \
             source_file, source_line FROM posts \
             WHERE (?1 IS NULL OR publisher = ?1) AND (?2 IS NULL OR channel = ?2) \
               AND (?3 IS NULL OR substr(published_at, 1, 10) >= ?3) \
               AND (?4 IS NULL OR substr(published_at, 1, 10) <= ?4) \
             ORDER BY publisher, published_at, post_key",
        )?;
        let mut rows = stmt.query(rusqlite::params![publisher, channel, since, until])?;
        while let Some(r) = rows.next()? {
            each(StoredPost {
                department: r.get(0)?,
                published_at: r.get(1)?,
                channel: r.get(2)?,
                repost: r.get(3)?,
                title: r.get(4)?,
                url: r.get(5)?,
                id: r.get(6)?,
                source: r.get(7)?,
                publisher: r.get(8)?,
                source_file: r.get(9)?,
                source_line: r.get(10)?,
            })?;
        }
        Ok(())
    }
}
