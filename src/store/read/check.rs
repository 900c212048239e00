//! What `check` looks at: every appeal's answer and route facts, ids given twice in one file,
//! posts' publishers as written, each publisher's latest post, and texts holding
//! bidirectional controls.

use anyhow::Result;

use crate::classify::{Reason, Route};
use crate::store::Store;
use crate::visible::is_bidi_control;

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

/// A publisher's latest post on or before the as-of date (one of them, when several share
/// the latest time).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LatestPost {
    /// The department under its directory name, as silence names it.
    pub publisher: String,
    /// As stored: `YYYY-MM-DD`, or with the time that was written (`YYYY-MM-DD 00:00`).
    pub published_at: String,
    /// The date as the file or page wrote it, where that differs from the stored form.
    pub written: Option<String>,
    pub file: String,
    pub line: i64,
}

/// One stored text that holds a bidirectional control (`output::is_bidi_control`).
#[derive(Debug, Clone)]
pub struct BidiFact {
    /// None for a post.
    pub source: Option<String>,
    pub id: Option<String>,
    pub field: &'static str,
    pub value: String,
    pub file: String,
    pub line: i64,
}

/// The texts of an appeal looked at for bidirectional controls: names, ids and what was written.
const APPEAL_TEXTS: &[&str] = &[
    "id",
    "addressee",
    "addressee_position",
    "author",
    "answered_by",
    "forwarded_to",
    "category",
    "status",
    "title",
    "text",
    "answer_text",
];
const POST_TEXTS: &[&str] = &["department", "title", "id"];

impl Store {
    /// Every appeal's and post's text that holds a bidirectional embedding, override or
    /// isolate (U+202A–202E, U+2066–2069). SQLite's GLOB picks the rows (its character ranges
    /// are Unicode code points); Rust says which fields.
    pub fn bidi_controls(&self) -> Result<Vec<BidiFact>> {
        let mut found = Vec::new();
        for (table, texts, keyed) in [
            ("appeals", APPEAL_TEXTS, true),
            ("posts", POST_TEXTS, false),
        ] {
            let any = texts
                .iter()
                .map(|c| format!("coalesce({c}, '')"))
                .collect::<Vec<_>>()
                .join(" || ");
            let key = if keyed { "source, id" } else { "NULL, NULL" };
            let sql = format!(
                "SELECT {key}, source_file, source_line, {} FROM {table} \
                 WHERE ({any}) GLOB '*[\u{202a}-\u{202e}\u{2066}-\u{2069}]*' \
                 ORDER BY source_file, source_line",
                texts.join(", ")
            );
            let mut stmt = self.conn.prepare(&sql)?;
            let mut rows = stmt.query([])?;
            while let Some(row) = rows.next()? {
                for (i, field) in texts.iter().enumerate() {
                    let value: Option<String> = row.get(4 + i)?;
                    let Some(value) = value.filter(|v| v.chars().any(is_bidi_control)) else {
                        continue;
                    };
                    found.push(BidiFact {
                        source: row.get(0)?,
                        id: row.get(1)?,
                        field,
                        value,
                        file: row.get(2)?,
                        line: row.get(3)?,
                    });
                }
            }
        }
        Ok(found)
    }

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

    /// Each publisher's latest post dated on or before `as_of` (YYYY-MM-DD), by publisher.
    pub fn latest_posts(&self, as_of: &str) -> Result<Vec<LatestPost>> {
        // SQLite takes the bare columns from the row that gave max().
        let mut stmt = self.conn.prepare(
            "SELECT publisher, max(published_at), json_extract(as_written, '$.published_at'), \
             source_file, source_line FROM posts WHERE substr(published_at, 1, 10) <= ?1 \
             GROUP BY publisher ORDER BY publisher",
        )?;
        let rows = stmt.query_map([as_of], |r| {
            Ok(LatestPost {
                publisher: r.get(0)?,
                published_at: r.get(1)?,
                written: r.get(2)?,
                file: r.get(3)?,
                line: r.get(4)?,
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
