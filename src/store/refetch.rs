//! What the weekly re-fetch asks of the store: the appeals a blog showed before, with the
//! dates that decide whether they are settled (portal.md, "Weekly re-fetch").

use std::collections::HashSet;

use anyhow::{Context, Result};

use super::Store;

/// A stored appeal of one blog, as the re-fetch weighs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAppeal {
    pub id: String,
    /// ISO, as stored.
    pub submitted_at: String,
    /// ISO, as stored: the first answer's date.
    pub answered_at: Option<String>,
}

impl Store {
    /// The appeals of `source` addressed to `addressee` (as the blog's pages name its owner)
    /// that are still on the blog: vanished ones are not looked for again.
    pub fn blog_appeals(&self, source: &str, addressee: &str) -> Result<Vec<StoredAppeal>> {
        let mut statement = self.conn.prepare(
            "SELECT id, submitted_at, answered_at FROM appeals
             WHERE source = ?1 AND addressee = ?2 AND vanished IS NULL",
        )?;
        let rows = statement.query_map([source, addressee], |row| {
            Ok(StoredAppeal {
                id: row.get(0)?,
                submitted_at: row.get(1)?,
                answered_at: row.get(2)?,
            })
        })?;
        rows.collect::<rusqlite::Result<_>>().with_context(|| {
            format!(
                "{}: cannot read the stored appeals of {addressee} (source {source})",
                self.path.display()
            )
        })
    }

    /// The addresses of the posts `department` published that `source` holds: a posts page
    /// whose every post is among them has nothing new.
    pub fn blog_post_urls(&self, source: &str, department: &str) -> Result<HashSet<String>> {
        let mut statement = self.conn.prepare(
            "SELECT url FROM posts WHERE source = ?1 AND department = ?2 AND url IS NOT NULL",
        )?;
        let rows = statement.query_map([source, department], |row| row.get(0))?;
        rows.collect::<rusqlite::Result<_>>().with_context(|| {
            format!(
                "{}: cannot read the stored posts of {department} (source {source})",
                self.path.display()
            )
        })
    }
}
