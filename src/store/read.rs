//! Reading: the facts reports aggregate, one appeal for `show`, and what `status` summarises.

use std::collections::HashMap;

use anyhow::{Context, Result, bail};
use rusqlite::types::{Value as SqlValue, ValueRef};
use rusqlite::{Connection, Row, params_from_iter};

use super::Store;
use crate::records::appeal::{Appeal, Entry};

/// Which appeals a report looks at. Dates are ISO `YYYY-MM-DD`, inclusive.
#[derive(Debug, Clone, Default)]
pub struct AppealFilter {
    pub since: Option<String>,
    pub until: Option<String>,
    /// The official's name as stored (already resolved through the directory).
    pub official: Option<String>,
}

/// What a report needs of one appeal.
#[derive(Debug, Clone, PartialEq)]
pub struct AppealFact {
    pub official: String,
    pub route: String,
    pub route_target: Option<String>,
    pub submitted_at: String,
    pub answered_at: Option<String>,
    pub days_to_answer: Option<i64>,
    pub unsatisfied: Option<bool>,
    pub vanished: bool,
    /// There is an answer: a date, a text or several answers.
    pub answered: bool,
}

/// One publisher's posting record for the silence report.
#[derive(Debug, Clone)]
pub struct PublisherFact {
    pub name: String,
    pub kind: String,
    pub last_post: Option<String>,
    pub posts_30d: i64,
    pub reposts_30d: i64,
}

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

/// Which columns `for_each_appeal_fact` reads. Routing has no use for forward targets, and
/// leaving out that long text column took 35 ms off 325 for a routing report over a million
/// appeals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactColumns {
    All,
    /// Every column but `route_target`, which is None in every fact.
    WithoutTargets,
}

/// One appeal's figures borrowed from the row being read: `for_each_appeal_fact` hands these
/// out so that a million appeals never become a million sets of Strings.
#[derive(Debug, Clone, Copy)]
pub struct FactRef<'a> {
    pub official: &'a str,
    pub route: &'a str,
    pub route_target: Option<&'a str>,
    pub submitted_at: &'a str,
    pub answered_at: Option<&'a str>,
    pub days_to_answer: Option<i64>,
    pub unsatisfied: Option<bool>,
    pub vanished: bool,
    pub answered: bool,
}

impl FactRef<'_> {
    pub fn to_fact(self) -> AppealFact {
        AppealFact {
            official: self.official.to_string(),
            route: self.route.to_string(),
            route_target: self.route_target.map(str::to_string),
            submitted_at: self.submitted_at.to_string(),
            answered_at: self.answered_at.map(str::to_string),
            days_to_answer: self.days_to_answer,
            unsatisfied: self.unsatisfied,
            vanished: self.vanished,
            answered: self.answered,
        }
    }
}

impl AppealFact {
    pub fn fact_ref(&self) -> FactRef<'_> {
        FactRef {
            official: &self.official,
            route: &self.route,
            route_target: self.route_target.as_deref(),
            submitted_at: &self.submitted_at,
            answered_at: self.answered_at.as_deref(),
            days_to_answer: self.days_to_answer,
            unsatisfied: self.unsatisfied,
            vanished: self.vanished,
            answered: self.answered,
        }
    }
}

impl Store {
    pub fn appeal_facts(&self, filter: &AppealFilter) -> Result<Vec<AppealFact>> {
        let mut facts = Vec::new();
        self.for_each_appeal_fact(filter, FactColumns::All, |fact| {
            facts.push(fact.to_fact());
            Ok(())
        })?;
        Ok(facts)
    }

    /// Hands every appeal the filter lets through to `each`, in official order, reading the
    /// covering index `appeals_by_official` alone: no sort, no table rows. A database from
    /// before it (a report reads it as it is) gives the same facts from the wide columns.
    pub fn for_each_appeal_fact(
        &self,
        filter: &AppealFilter,
        columns: FactColumns,
        mut each: impl FnMut(FactRef<'_>) -> Result<()>,
    ) -> Result<()> {
        let figures = self.schema >= super::FIGURES_SINCE;
        // One snapshot for the names and the facts: an import committing between the two reads
        // could add an official the names read earlier would not know.
        let snapshot = self.conn.unchecked_transaction()?;
        let names = if figures {
            load_names(&snapshot)?
        } else {
            HashMap::new()
        };
        let (sql, args) = appeal_facts_query(filter, columns, figures);
        let mut stmt = snapshot.prepare(&sql)?;
        let mut rows = stmt.query(params_from_iter(args))?;
        // Rows come grouped by official: its name is looked up (or checked to be UTF-8) once
        // per official rather than once per row.
        let mut official = String::new();
        let mut official_id = None;
        while let Some(row) = rows.next()? {
            match row.get_ref(0)? {
                ValueRef::Integer(id) if official_id != Some(id) => {
                    official.clear();
                    official.push_str(name_of(&names, id)?);
                    official_id = Some(id);
                }
                ValueRef::Integer(_) => {}
                ValueRef::Text(name) if name != official.as_bytes() => {
                    official.clear();
                    official.push_str(std::str::from_utf8(name).context("an official's name")?);
                }
                ValueRef::Text(_) => {}
                other => bail!(
                    "an appeal's official is {:?}, not a name or a number of the names table: \
                     the database was changed outside appeal-audit",
                    other.data_type()
                ),
            }
            let target = match columns {
                FactColumns::WithoutTargets => None,
                FactColumns::All => match row.get_ref(5)? {
                    ValueRef::Null => None,
                    ValueRef::Integer(id) => Some(name_of(&names, id)?),
                    ValueRef::Text(name) => {
                        Some(std::str::from_utf8(name).context("a forward target's name")?)
                    }
                    other => bail!(
                        "an appeal's forward target is {:?}, not a name or a number of the \
                         names table: the database was changed outside appeal-audit",
                        other.data_type()
                    ),
                },
            };
            each(fact_from_row(row, &official, target)?)?;
        }
        Ok(())
    }
}

/// Every name in `names`, by number.
fn load_names(conn: &Connection) -> Result<HashMap<i64, String>> {
    let mut stmt = conn.prepare("SELECT name_id, name FROM names")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn name_of(names: &HashMap<i64, String>, id: i64) -> Result<&str> {
    names.get(&id).map(String::as_str).with_context(|| {
        format!(
            "an appeal refers to name number {id}, which the names table lacks: the database \
             was changed outside appeal-audit"
        )
    })
}

impl Store {
    /// Every directory entry and every publisher seen in posts, with its latest post on or
    /// before `as_of` and its posts in the 30 days ending on `as_of`.
    pub fn publisher_facts(
        &self,
        as_of: &str,
        channel: Option<&str>,
        originals_only: bool,
    ) -> Result<Vec<PublisherFact>> {
        let mut stmt = self.conn.prepare(
            "WITH counted AS ( \
                 SELECT publisher, substr(published_at, 1, 10) AS day, repost FROM posts \
                 WHERE substr(published_at, 1, 10) <= ?1 \
                   AND (?2 IS NULL OR channel = lower(?2)) AND (?3 = 0 OR repost = 0)), \
             publishers AS ( \
                 SELECT name, kind FROM directory \
                 UNION SELECT DISTINCT publisher, 'department' FROM posts \
                 WHERE publisher NOT IN (SELECT name FROM directory)) \
             SELECT p.name, p.kind, max(c.day), \
                    count(c.day) FILTER (WHERE c.day > date(?1, '-30 days')), \
                    count(c.day) FILTER (WHERE c.day > date(?1, '-30 days') AND c.repost = 1) \
             FROM publishers p LEFT JOIN counted c ON c.publisher = p.name \
             GROUP BY p.name, p.kind",
        )?;
        let rows = stmt.query_map(rusqlite::params![as_of, channel, originals_only], |r| {
            Ok(PublisherFact {
                name: r.get(0)?,
                kind: r.get(1)?,
                last_post: r.get(2)?,
                posts_30d: r.get(3)?,
                reposts_30d: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn directory(&self) -> Result<Vec<Entry>> {
        load_directory(&self.conn)
    }

    pub fn phrases(&self) -> Result<Vec<(String, String, String)>> {
        load_phrases(&self.conn)
    }

    /// Every stored column of one appeal, in table order, as (column, value) pairs; not the
    /// reports' narrow copies (`state::NARROW_COLUMNS`), which say again what the others say.
    pub fn appeal_columns(
        &self,
        source: Option<&str>,
        id: &str,
    ) -> Result<Vec<Vec<(String, SqlValue)>>> {
        let mut stmt = self.conn.prepare(
            "SELECT a.*, s.first_seen, s.last_seen, i.file AS import_file, i.started_at AS imported_at \
             FROM appeals a JOIN appeal_seen s USING (appeal_key) JOIN imports i USING (import_id) WHERE a.id = ?1 AND (?2 IS NULL OR a.source = ?2) \
             ORDER BY a.source",
        )?;
        let names: Vec<String> = stmt.column_names().iter().map(|c| c.to_string()).collect();
        let rows = stmt.query_map(rusqlite::params![id, source], |r| {
            (0..names.len())
                .filter(|&i| !super::state::NARROW_COLUMNS.contains(&names[i].as_str()))
                .map(|i| Ok((names[i].clone(), r.get::<_, SqlValue>(i)?)))
                .collect()
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

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

    pub fn imports(&self) -> Result<Vec<ImportRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT import_id, kind, file, size, sha256, started_at, read, inserted, updated, \
             unchanged, rejected FROM imports WHERE finished_at IS NOT NULL ORDER BY import_id",
        )?;
        let rows = stmt.query_map([], |r| {
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

/// The facts query for a filter, ordered by official so that reports can fold one official at
/// a time: official, submitted_at, answered_at, days_to_answer, state and, for
/// `FactColumns::All`, the forward target. Every column is in the index `appeals_by_official`,
/// in whose order the rows come: no sort, and with `official` given SQLite seeks to it. Before
/// schema 4 (`figures` false), names as text and the state worked out from the wide columns,
/// all in the index `appeals_figures`.
fn appeal_facts_query(
    filter: &AppealFilter,
    columns: FactColumns,
    figures: bool,
) -> (String, Vec<SqlValue>) {
    let (official, target, table) = if figures {
        ("official_id", "target_id", "appeals".to_string())
    } else {
        (
            "official",
            "route_target",
            format!(
                "(SELECT official, submitted_at, answered_at, \
             days_to_answer, {} AS state, route_target FROM appeals)",
                super::state::FROM_WIDE_COLUMNS
            ),
        )
    };
    let mut sql = format!("SELECT {official}, submitted_at, answered_at, days_to_answer, state");
    if columns == FactColumns::All {
        sql.push_str(&format!(", {target}"));
    }
    sql.push_str(&format!(" FROM {table} WHERE 1"));
    let mut args: Vec<SqlValue> = Vec::new();
    if let Some(since) = &filter.since {
        sql.push_str(" AND submitted_at >= ?");
        args.push(since.clone().into());
    }
    if let Some(until) = &filter.until {
        // ISO text: every time on the last day sorts before the next day.
        sql.push_str(" AND submitted_at < date(?, '+1 day')");
        args.push(until.clone().into());
    }
    if let Some(name) = &filter.official {
        if figures {
            sql.push_str(" AND official_id = (SELECT name_id FROM names WHERE name = ?)");
        } else {
            sql.push_str(" AND official = ?");
        }
        args.push(name.clone().into());
    }
    sql.push_str(&format!(" ORDER BY {official}"));
    (sql, args)
}

/// The row's fact, its official and target already read.
fn fact_from_row<'r>(
    row: &'r Row<'_>,
    official: &'r str,
    route_target: Option<&'r str>,
) -> rusqlite::Result<FactRef<'r>> {
    let state = super::state::decode(row.get(4)?);
    Ok(FactRef {
        official,
        route: state.route,
        route_target,
        submitted_at: text(row, 1)?,
        answered_at: optional_text(row, 2)?,
        days_to_answer: row.get(3)?,
        unsatisfied: state.unsatisfied,
        vanished: state.vanished,
        answered: state.answered,
    })
}

/// A text column borrowed from the row, valid until the next row is read.
fn text<'r>(row: &'r Row<'_>, column: usize) -> rusqlite::Result<&'r str> {
    let value = row.get_ref(column)?;
    value
        .as_str()
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(column, value.data_type(), e.into()))
}

fn optional_text<'r>(row: &'r Row<'_>, column: usize) -> rusqlite::Result<Option<&'r str>> {
    let value = row.get_ref(column)?;
    value
        .as_str_or_null()
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(column, value.data_type(), e.into()))
}

pub(super) fn load_directory(conn: &Connection) -> Result<Vec<Entry>> {
    let mut stmt = conn.prepare(
        "SELECT name, kind, position, parent, aliases, url FROM directory ORDER BY entry_key",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Entry {
            name: r.get(0)?,
            kind: r.get(1)?,
            position: r.get(2)?,
            parent: r.get(3)?,
            aliases: r.get(4)?,
            url: r.get(5)?,
            as_written: None,
            extra: None,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(super) fn load_phrases(conn: &Connection) -> Result<Vec<(String, String, String)>> {
    let mut stmt = conn.prepare("SELECT kind, phrase, origin FROM phrases ORDER BY rowid")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// An appeal's values from a row whose columns, from `at`, are the value columns in order.
pub(super) fn appeal_from_row(row: &Row, at: usize) -> rusqlite::Result<Appeal> {
    Ok(Appeal {
        source: row.get(at)?,
        id: row.get(at + 1)?,
        addressee: row.get(at + 2)?,
        submitted_at: row.get(at + 3)?,
        addressee_position: row.get(at + 4)?,
        category: row.get(at + 5)?,
        title: row.get(at + 6)?,
        text: row.get(at + 7)?,
        author: row.get(at + 8)?,
        status: row.get(at + 9)?,
        answered_at: row.get(at + 10)?,
        answered_by: row.get(at + 11)?,
        answer_text: row.get(at + 12)?,
        forwarded_to: row.get(at + 13)?,
        url: row.get(at + 14)?,
        rating: row.get(at + 15)?,
        answers: row.get(at + 16)?,
        ..Appeal::default()
    })
}

/// An appeal as stored: its values, what was concluded from them, and where they came from.
#[derive(Debug, Clone)]
pub struct StoredAppeal {
    pub appeal: Appeal,
    pub official: String,
    pub route: String,
    pub route_reason: String,
    pub route_target: Option<String>,
    pub days_to_answer: Option<i64>,
    /// The appeal has an answer (`AppealFacts::has_answer`, stored at import).
    pub answered: bool,
    pub first_seen: String,
    pub last_seen: String,
    pub vanished: Option<String>,
    pub source_file: String,
    pub source_line: i64,
}

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
    /// Every stored appeal the filter lets through, in source and id order.
    pub fn stored_appeals(&self, filter: &AppealFilter) -> Result<Vec<StoredAppeal>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {}, scraped_at, official, route, route_reason, route_target, days_to_answer, \
             first_seen, last_seen, vanished, source_file, source_line, answered FROM appeals \
             JOIN appeal_seen USING (appeal_key) \
             WHERE (?1 IS NULL OR submitted_at >= ?1) \
               AND (?2 IS NULL OR submitted_at < date(?2, '+1 day')) \
               AND (?3 IS NULL OR official = ?3) \
             ORDER BY source, appeal_key",
            super::write::APPEAL_VALUE_COLUMNS
        ))?;
        let rows = stmt.query_map(
            rusqlite::params![filter.since, filter.until, filter.official],
            |r| {
                let mut appeal = appeal_from_row(r, 0)?;
                appeal.scraped_at = r.get(17)?;
                Ok(StoredAppeal {
                    appeal,
                    official: r.get(18)?,
                    route: r.get(19)?,
                    route_reason: r.get(20)?,
                    route_target: r.get(21)?,
                    days_to_answer: r.get(22)?,
                    first_seen: r.get(23)?,
                    last_seen: r.get(24)?,
                    vanished: r.get(25)?,
                    source_file: r.get(26)?,
                    source_line: r.get(27)?,
                    answered: r.get(28)?,
                })
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every stored post, filtered by publisher, channel and publication date.
    pub fn stored_posts(
        &self,
        publisher: Option<&str>,
        channel: Option<&str>,
        since: Option<&str>,
        until: Option<&str>,
    ) -> Result<Vec<StoredPost>> {
        let mut stmt = self.conn.prepare(
            "SELECT department, published_at, channel, repost, title, url, id, source, publisher, \
             source_file, source_line FROM posts \
             WHERE (?1 IS NULL OR publisher = ?1) AND (?2 IS NULL OR channel = ?2) \
               AND (?3 IS NULL OR substr(published_at, 1, 10) >= ?3) \
               AND (?4 IS NULL OR substr(published_at, 1, 10) <= ?4) \
             ORDER BY publisher, published_at, post_key",
        )?;
        let rows = stmt.query_map(rusqlite::params![publisher, channel, since, until], |r| {
            Ok(StoredPost {
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
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// A file that records in a period came from, for a report's methodology note.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SourceFile {
    pub kind: String,
    pub file: String,
    pub sha256: String,
    pub records: i64,
}

impl Store {
    /// The files that the current values of appeals submitted in the period, and of all posts,
    /// came from.
    pub fn source_files(&self, since: &str, until: &str) -> Result<Vec<SourceFile>> {
        let mut stmt = self.conn.prepare(
            "SELECT 'appeals', i.file, i.sha256, count(*) FROM appeals a JOIN imports i USING (import_id) \
             WHERE substr(a.submitted_at, 1, 10) BETWEEN ?1 AND ?2 GROUP BY i.import_id \
             UNION ALL \
             SELECT 'posts', i.file, i.sha256, count(*) FROM posts p JOIN imports i USING (import_id) \
             GROUP BY i.import_id ORDER BY 1, 2",
        )?;
        let rows = stmt.query_map(rusqlite::params![since, until], |r| {
            Ok(SourceFile {
                kind: r.get(0)?,
                file: r.get(1)?,
                sha256: r.get(2)?,
                records: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

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
        let rows = stmt.query_map(rusqlite::params![since, until, official], |r| {
            Ok(ChangeRow {
                scraped_at: r.get(0)?,
                source: r.get(1)?,
                id: r.get(2)?,
                addressee: r.get(3)?,
                change: r.get(4)?,
                before: r.get(5)?,
                after: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
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
    pub route: String,
    pub route_target: Option<String>,
    pub route_reason: String,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Access;

    /// Appeals of two officials, in every route, answered or not, rated or not, one vanished.
    const OLD_APPEALS: &str = "
        INSERT INTO appeals (source, id, official, route, route_reason, route_target,
            days_to_answer, unsatisfied, answered, vanished, value_hash, scraped_at, import_id,
            source_file, source_line, submitted_at, answered_at, addressee) VALUES
        ('s', '1', 'Аким Б', 'forwarded', 'r', 'Отдел', 3, 1, 1, NULL, 0, 'x', 1, 'a', 2,
            '2022-08-01', '2022-08-04 10:00', 'a'),
        ('s', '2', 'Аким А', 'personal', 'r', NULL, 0, 0, 1, NULL, 0, 'x', 1, 'a', 3,
            '2022-08-02', '2022-08-02', 'a'),
        ('s', '3', 'Аким Б', 'unanswered', 'r', NULL, NULL, NULL, 0, '2022-09-01', 0, 'x', 1,
            'a', 4, '2022-08-03', NULL, 'a'),
        ('s', '4', 'Аким А', 'rejected', 'r', NULL, NULL, NULL, 1, NULL, 0, 'x', 1, 'a', 5,
            '2022-09-03T10:15:00+06:00', NULL, 'a'),
        ('s', '5', 'Аким Б', 'unknown', 'r', 'Отдел', NULL, 0, 0, NULL, 0, 'x', 1, 'a', 6,
            '2022-09-04', NULL, 'a');";

    fn facts(store: &Store, filter: &AppealFilter) -> Vec<AppealFact> {
        let mut all = Vec::new();
        store
            .for_each_appeal_fact(filter, FactColumns::All, |fact| {
                all.push(fact.to_fact());
                Ok(())
            })
            .unwrap();
        // In official order; within an official, as the index has them.
        all.sort_by(|a, b| (&a.official, &a.submitted_at).cmp(&(&b.official, &b.submitted_at)));
        all
    }

    #[test]
    fn reports_read_a_database_from_before_schema_4_as_after_its_upgrade() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        let conn = Connection::open(&path).unwrap();
        crate::store::schema_3_with_an_import(&conn);
        conn.execute_batch(OLD_APPEALS).unwrap();
        drop(conn);
        let filters = [
            AppealFilter::default(),
            AppealFilter {
                official: Some("Аким Б".into()),
                ..AppealFilter::default()
            },
            AppealFilter {
                since: Some("2022-08-02".into()),
                until: Some("2022-09-03".into()),
                ..AppealFilter::default()
            },
        ];

        let old = Store::open(&path, Access::Read).unwrap();
        assert_eq!(old.schema, 3);
        let before: Vec<Vec<AppealFact>> = filters.iter().map(|f| facts(&old, f)).collect();
        drop(old);
        drop(Store::open(&path, Access::Write).unwrap());
        let new = Store::open(&path, Access::Read).unwrap();
        assert_eq!(new.schema, super::super::SCHEMA_VERSION);
        let after: Vec<Vec<AppealFact>> = filters.iter().map(|f| facts(&new, f)).collect();
        assert_eq!(after, before);

        let ids = |facts: &[AppealFact]| -> Vec<(String, String)> {
            facts
                .iter()
                .map(|f| (f.official.clone(), f.route.clone()))
                .collect()
        };
        assert_eq!(
            ids(&after[1]),
            [
                ("Аким Б".into(), "forwarded".into()),
                ("Аким Б".into(), "unanswered".into()),
                ("Аким Б".into(), "unknown".into())
            ]
        );
        assert_eq!(after[2].len(), 3, "{:?}", after[2]);
        assert_eq!(
            after[0][2],
            AppealFact {
                official: "Аким Б".into(),
                route: "forwarded".into(),
                route_target: Some("Отдел".into()),
                submitted_at: "2022-08-01".into(),
                answered_at: Some("2022-08-04 10:00".into()),
                days_to_answer: Some(3),
                unsatisfied: Some(true),
                vanished: false,
                answered: true,
            }
        );
        assert!(after[0][3].vanished && after[0][3].unsatisfied.is_none());
        assert_eq!(after[0][4].unsatisfied, Some(false));
    }
}
