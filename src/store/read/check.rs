//! What `check` looks at: every appeal's answer and route facts, ids given twice in one file,
//! and posts' publishers as written.

use anyhow::Result;

use crate::classify::{Reason, Route};
use crate::store::Store;

/// What `check` looks at in one appeal.
#[derive(Debug, Clone)]
pub struct CheckFact {
    pub source: String,
    pub id: String,
    pub addressee: String,
    pub submitted_at: String,
    pub answered_at: Option<String>,
    pub answered_by: Option<String>,
    /// The stored `answered`: the appeal has an answer (`AppealFacts::has_answer`).
    pub answered: bool,
    pub scraped_at: String,
    pub route: Route,
    pub route_target: Option<String>,
    pub route_reason: Reason,
    pub source_file: String,
    pub source_line: i64,
}

/// One id given twice in one file with different values: the earlier line, and the later
/// line that was kept.
#[derive(Debug, Clone)]
pub struct DuplicateFact {
    pub source: String,
    pub id: String,
    pub file: String,
    pub earlier_line: i64,
    pub kept_line: i64,
}

/// A post's publisher as written, where it came from.
#[derive(Debug, Clone)]
pub struct PublisherSeen {
    pub department: String,
    pub posts: i64,
    pub file: String,
    pub line: i64,
}

impl Store {
    pub fn check_facts(&self) -> Result<Vec<CheckFact>> {
        let mut stmt = self.conn.prepare(
            "SELECT source, id, addressee, submitted_at, answered_at, answered_by, \
             answered, scraped_at, route, route_target, route_reason, \
             source_file, source_line FROM appeals ORDER BY source_file, source_line",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(CheckFact {
                source: r.get(0)?,
                id: r.get(1)?,
                addressee: r.get(2)?,
                submitted_at: r.get(3)?,
                answered_at: r.get(4)?,
                answered_by: r.get(5)?,
                answered: r.get(6)?,
                scraped_at: r.get(7)?,
                route: r.get(8)?,
                route_target: r.get(9)?,
                route_reason: r.get(10)?,
                source_file: r.get(11)?,
                source_line: r.get(12)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Versions replaced within the same import and file: the same id twice in one file.
    pub fn duplicate_conflicts(&self) -> Result<Vec<DuplicateFact>> {
        let mut stmt = self.conn.prepare(
            "SELECT a.source, a.id, v.source_file, v.source_line, a.source_line \
             FROM appeal_versions v JOIN appeals a USING (appeal_key) \
             WHERE v.import_id = a.import_id AND v.source_file = a.source_file \
             ORDER BY v.source_file, v.source_line",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(DuplicateFact {
                source: r.get(0)?,
                id: r.get(1)?,
                file: r.get(2)?,
                earlier_line: r.get(3)?,
                kept_line: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn publishers_seen(&self) -> Result<Vec<PublisherSeen>> {
        let mut stmt = self.conn.prepare(
            "SELECT department, count(*), min(source_file), min(source_line) FROM posts \
             GROUP BY department ORDER BY department",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(PublisherSeen {
                department: r.get(0)?,
                posts: r.get(1)?,
                file: r.get(2)?,
                line: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
