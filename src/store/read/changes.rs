//! The history as reports and `show --history` read it: changes between scrapes, and every
//! stored version of one appeal.

use anyhow::Result;

use crate::store::Store;

/// One change between scrapes, for `report changes`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ChangeRow {
    pub scraped_at: String,
    pub source: String,
    pub id: String,
    pub addressee: String,
    pub change: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// One stored version of an appeal, for `show --history`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct VersionRow {
    pub scraped_at: String,
    pub current: bool,
    pub route: String,
    pub status: Option<String>,
    pub answered_at: Option<String>,
    pub answered_by: Option<String>,
    pub answer_text: Option<String>,
    pub source_file: String,
    pub source_line: i64,
    /// For a version read from a page of the portal: the WARC record's offset and the page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_offset: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
}

impl Store {
    /// Changes whose scrape date is within the bounds (ISO dates, inclusive), in scrape order.
    /// An appeal's `new` is its first sighting, with the route of its earliest version.
    pub fn changes(
        &self,
        since: Option<&str>,
        until: Option<&str>,
        official: Option<&str>,
    ) -> Result<Vec<ChangeRow>> {
        let mut rows = Vec::new();
        self.for_each_change(since, until, official, |row| {
            rows.push(row);
            Ok(())
        })?;
        Ok(rows)
    }

    /// `changes`, handed to `each` one row at a time as the cursor reads them: a report of
    /// every change holds one.
    pub fn for_each_change(
        &self,
        since: Option<&str>,
        until: Option<&str>,
        official: Option<&str>,
        mut each: impl FnMut(ChangeRow) -> Result<()>,
    ) -> Result<()> {
        let mut stmt = self.conn.prepare(
            "WITH all_changes AS ( \
                 SELECT appeal_key, scraped_at, change, before, after, change_id AS sequence FROM changes \
                 WHERE (?1 IS NULL OR scraped_at >= ?1) AND (?2 IS NULL OR scraped_at < date(?2, '+1 day')) \
                 UNION ALL \
                 SELECT s.appeal_key, s.first_seen, 'new', NULL, \
                        coalesce((SELECT json_extract(v.record, '$.route') FROM appeal_versions v \
                                  WHERE v.appeal_key = s.appeal_key ORDER BY v.scraped_at LIMIT 1), \
                                 (SELECT route FROM appeals r WHERE r.appeal_key = s.appeal_key)), \
                        -1 \
                 FROM appeal_seen s \
                 WHERE (?1 IS NULL OR s.first_seen >= ?1) AND (?2 IS NULL OR s.first_seen < date(?2, '+1 day'))) \
             SELECT c.scraped_at, a.source, a.id, a.official, c.change, c.before, c.after \
             FROM all_changes c JOIN appeals a USING (appeal_key) \
             WHERE (?3 IS NULL OR a.official = ?3) \
             ORDER BY c.scraped_at, a.source, a.id, c.sequence",
        )?;
        let mut rows = stmt.query(rusqlite::params![since, until, official])?;
        while let Some(r) = rows.next()? {
            each(ChangeRow {
                scraped_at: r.get(0)?,
                source: r.get(1)?,
                id: r.get(2)?,
                addressee: r.get(3)?,
                change: r.get(4)?,
                before: r.get(5)?,
                after: r.get(6)?,
            })?;
        }
        Ok(())
    }

    /// Every version of one appeal, oldest scrape first, the current one last.
    pub fn versions(&self, source: &str, id: &str) -> Result<Vec<VersionRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT v.scraped_at, 0, json_extract(v.record, '$.route'), json_extract(v.record, '$.status'), \
                    json_extract(v.record, '$.answered_at'), json_extract(v.record, '$.answered_by'), \
                    json_extract(v.record, '$.answer_text'), v.source_file, v.source_line, \
                    v.source_offset, v.source_url \
             FROM appeal_versions v JOIN appeals a USING (appeal_key) WHERE a.source = ?1 AND a.id = ?2 \
             UNION ALL \
             SELECT scraped_at, 1, route, status, answered_at, answered_by, answer_text, source_file, source_line, \
                    source_offset, source_url \
             FROM appeals WHERE source = ?1 AND id = ?2 \
             ORDER BY 1, 2",
        )?;
        let rows = stmt.query_map(rusqlite::params![source, id], |r| {
            Ok(VersionRow {
                scraped_at: r.get(0)?,
                current: r.get(1)?,
                route: r.get(2)?,
                status: r.get(3)?,
                answered_at: r.get(4)?,
                answered_by: r.get(5)?,
                answer_text: r.get(6)?,
                source_file: r.get(7)?,
                source_line: r.get(8)?,
                source_offset: r.get(9)?,
                source_url: r.get(10)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
