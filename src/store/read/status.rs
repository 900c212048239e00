//! What `status` summarises: records per kind, the imports log, the routes stored.

use anyhow::Result;

use crate::store::Store;

/// One line of the imports log.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ImportRow {
    pub import_id: i64,
    pub kind: String,
    pub file: String,
    pub size: i64,
    pub sha256: String,
    pub started_at: String,
    pub read: i64,
    pub inserted: i64,
    pub updated: i64,
    pub unchanged: i64,
    pub rejected: i64,
}

/// Counts and date range of one kind of record.
#[derive(Debug, Clone, serde::Serialize)]
pub struct KindSummary {
    pub kind: String,
    pub records: i64,
    pub first: Option<String>,
    pub last: Option<String>,
}

impl Store {
    pub fn kind_summaries(&self) -> Result<Vec<KindSummary>> {
        let mut out = Vec::new();
        for (kind, table, column) in [
            ("appeals", "appeals", "submitted_at"),
            ("posts", "posts", "published_at"),
            ("directory", "directory", "NULL"),
        ] {
            let summary = self.conn.query_row(
                &format!("SELECT count(*), min(substr({column}, 1, 10)), max(substr({column}, 1, 10)) FROM {table}"),
                [],
                |r| Ok(KindSummary { kind: kind.into(), records: r.get(0)?, first: r.get(1)?, last: r.get(2)? }),
            )?;
            out.push(summary);
        }
        Ok(out)
    }

    /// The finished imports, oldest first: the `last` ones (every one when None).
    pub fn imports(&self, last: Option<u32>) -> Result<Vec<ImportRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT * FROM (SELECT import_id, kind, file, size, sha256, started_at, read, \
             inserted, updated, unchanged, rejected FROM imports WHERE finished_at IS NOT NULL \
             ORDER BY import_id DESC LIMIT ?1) ORDER BY import_id",
        )?;
        // SQLite's LIMIT -1 is no limit.
        let limit = last.map_or(-1, i64::from);
        let rows = stmt.query_map([limit], |r| {
            Ok(ImportRow {
                import_id: r.get(0)?,
                kind: r.get(1)?,
                file: r.get(2)?,
                size: r.get(3)?,
                sha256: r.get(4)?,
                started_at: r.get(5)?,
                read: r.get(6)?,
                inserted: r.get(7)?,
                updated: r.get(8)?,
                unchanged: r.get(9)?,
                rejected: r.get(10)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The routes stored, counted, for `status`.
    pub fn route_counts(&self) -> Result<Vec<(String, i64)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT route, count(*) FROM appeals GROUP BY route ORDER BY route")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
