//! What `export` reads: every stored appeal and post, handed out one row at a time from the
//! cursor so that memory stays flat at any size.

use anyhow::Result;

use crate::store::{AppealFilter, AppealOrder, Store, StoredAppeal};

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

/// Every stored post through the filters ?1 publisher, ?2 channel, ?3 and ?4 the first and last
/// day of publication, ?5 the year.
const POSTS_SELECT: &str = "SELECT department, published_at, channel, repost, title, url, id, \
     source, publisher, source_file, source_line FROM posts \
     WHERE (?1 IS NULL OR publisher = ?1) AND (?2 IS NULL OR channel = ?2) \
       AND (?3 IS NULL OR substr(published_at, 1, 10) >= ?3) \
       AND (?4 IS NULL OR substr(published_at, 1, 10) <= ?4) \
       AND (?5 IS NULL OR substr(published_at, 1, 4) = ?5) \
     ORDER BY publisher, published_at, post_key";

impl Store {
    /// Hands every stored appeal the filter lets through to `each`, in `order`, one row at a
    /// time as the cursor reads it: export holds one appeal, not all of them. `year` keeps only
    /// the appeals whose `submitted_at` begins with it (an export by year reads a year at a
    /// time; in official order SQLite tests it on the index before it reads the row).
    pub fn for_each_stored_appeal(
        &self,
        filter: &AppealFilter,
        year: Option<&str>,
        order: AppealOrder,
        mut each: impl FnMut(StoredAppeal) -> Result<()>,
    ) -> Result<()> {
        let mut stmt = self
            .conn
            .prepare(&StoredAppeal::select(order, self.schema))?;
        let mut rows = stmt.query(rusqlite::params![
            filter.since,
            filter.until,
            filter.official,
            year
        ])?;
        while let Some(row) = rows.next()? {
            each(StoredAppeal::from_row(row)?)?;
        }
        Ok(())
    }

    /// How many appeals `for_each_stored_appeal` hands out for `filter`: the length of the
    /// export's progress bar. The same query, counted, so that the two cannot disagree.
    pub fn count_stored_appeals(&self, filter: &AppealFilter) -> Result<u64> {
        let select = StoredAppeal::select(AppealOrder::Key, self.schema);
        let count: i64 = self.conn.query_row(
            &format!("SELECT count(*) FROM ({select})"),
            rusqlite::params![filter.since, filter.until, filter.official, None::<&str>],
            |r| r.get(0),
        )?;
        Ok(count.max(0) as u64)
    }

    /// How many posts `for_each_stored_post` hands out with the same filters (no year).
    pub fn count_stored_posts(
        &self,
        publisher: Option<&str>,
        channel: Option<&str>,
        since: Option<&str>,
        until: Option<&str>,
    ) -> Result<u64> {
        let count: i64 = self.conn.query_row(
            &format!("SELECT count(*) FROM ({POSTS_SELECT})"),
            rusqlite::params![publisher, channel, since, until, None::<&str>],
            |r| r.get(0),
        )?;
        Ok(count.max(0) as u64)
    }

    /// Hands every stored post to `each`, filtered by publisher, channel, publication date and
    /// year (the first four characters of `published_at`), one row at a time, in publisher
    /// order.
    pub fn for_each_stored_post(
        &self,
        publisher: Option<&str>,
        channel: Option<&str>,
        since: Option<&str>,
        until: Option<&str>,
        year: Option<&str>,
        mut each: impl FnMut(StoredPost) -> Result<()>,
    ) -> Result<()> {
        let mut stmt = self.conn.prepare(POSTS_SELECT)?;
        let mut rows = stmt.query(rusqlite::params![publisher, channel, since, until, year])?;
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

    /// One state of the database for several reads: until the guard is dropped, every read
    /// on this store sees the database as its first read found it, whatever imports commit
    /// meanwhile (WAL). An export by year reads the years, then each year in turn: without it,
    /// an appeal an import moved from one year to another between two passes came out twice
    /// or not at all.
    pub fn snapshot(&self) -> Result<rusqlite::Transaction<'_>> {
        Ok(self.conn.unchecked_transaction()?)
    }

    /// The years (first four characters of `submitted_at`, or of `published_at` for posts)
    /// the stored records fall in, in order: the partitions of an export by year. Read from
    /// the narrow indexes, not the table.
    pub fn stored_years(&self, posts: bool) -> Result<Vec<String>> {
        let sql = if posts {
            "SELECT DISTINCT substr(published_at, 1, 4) FROM posts ORDER BY 1"
        } else {
            "SELECT DISTINCT substr(submitted_at, 1, 4) FROM appeals ORDER BY 1"
        };
        let mut stmt = self.conn.prepare(sql)?;
        let years = stmt.query_map([], |row| row.get(0))?;
        Ok(years.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Access;
    use rusqlite::Connection;

    /// Reads under one snapshot see one state of the database, whatever another connection
    /// (an import) commits in between; after it, they see the new state.
    #[test]
    fn a_snapshot_keeps_reads_on_one_state_of_the_database() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("t.db");
        let store = Store::open(&path, Access::Write).unwrap();
        let import = Connection::open(&path).unwrap();
        // A post without its import row: this test is about what a reader sees, not the
        // import's bookkeeping.
        import.pragma_update(None, "foreign_keys", "OFF").unwrap();
        let post = |day: &str| {
            import
                .execute(
                    "INSERT INTO posts (source, natural_key, department, published_at, \
                     value_hash, publisher, import_id, source_file, source_line) \
                     VALUES ('s', ?1, 'd', ?1, 0, 'd', 1, 'f', 1)",
                    [day],
                )
                .unwrap()
        };
        post("2021-05-01");
        let snapshot = store.snapshot().unwrap();
        assert_eq!(store.stored_years(true).unwrap(), ["2021"]);
        post("2022-05-01");
        assert_eq!(store.stored_years(true).unwrap(), ["2021"]);
        drop(snapshot);
        assert_eq!(store.stored_years(true).unwrap(), ["2021", "2022"]);
    }
}
