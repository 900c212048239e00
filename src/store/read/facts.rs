//! What reports read: one appeal's figures at a time from the narrow index, in official
//! order, and each publisher's posting record; the source files of a period.

use std::collections::HashMap;

use anyhow::{Context, Result, bail};
use rusqlite::types::{Value as SqlValue, ValueRef};
use rusqlite::{Connection, Row, params_from_iter};

use crate::classify::Route;
use crate::records::names::EntryKind;
use crate::store::Store;

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
    pub route: Route,
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
    pub kind: EntryKind,
    pub last_post: Option<String>,
    pub posts_30d: i64,
    pub reposts_30d: i64,
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
    pub route: Route,
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
            route: self.route,
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
            route: self.route,
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
        let figures = self.schema >= crate::store::FIGURES_SINCE;
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

/// Who silence is counted for: every directory entry, and every publisher of posts the
/// directory does not name (as a department). One definition for `report silence` and the
/// published copy's `silence` query.
pub(crate) const PUBLISHERS_CTE: &str = "publishers AS (
  SELECT name, kind FROM directory
  UNION SELECT DISTINCT publisher, 'department' FROM posts
  WHERE publisher NOT IN (SELECT name FROM directory))";

impl Store {
    /// Every directory entry and every publisher seen in posts, with its latest post on or
    /// before `as_of` and its posts in the 30 days ending on `as_of`.
    pub fn publisher_facts(
        &self,
        as_of: &str,
        channel: Option<&str>,
        originals_only: bool,
    ) -> Result<Vec<PublisherFact>> {
        let mut stmt = self.conn.prepare(&format!(
            "WITH counted AS ( \
                 SELECT publisher, substr(published_at, 1, 10) AS day, repost FROM posts \
                 WHERE substr(published_at, 1, 10) <= ?1 \
                   AND (?2 IS NULL OR channel = lower(?2)) AND (?3 = 0 OR repost = 0)), \
             {PUBLISHERS_CTE} \
             SELECT p.name, p.kind, max(c.day), \
                    count(c.day) FILTER (WHERE c.day > date(?1, '-30 days')), \
                    count(c.day) FILTER (WHERE c.day > date(?1, '-30 days') AND c.repost = 1) \
             FROM publishers p LEFT JOIN counted c ON c.publisher = p.name \
             GROUP BY p.name, p.kind"
        ))?;
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
                crate::store::state::FROM_WIDE_COLUMNS
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
    let state = crate::store::state::decode(row.get(4)?);
    let route = state.route.ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            4,
            rusqlite::types::Type::Integer,
            "an appeal's state holds no route appeal-audit writes: the database was changed \
             outside appeal-audit; import any file again to reclassify"
                .into(),
        )
    })?;
    Ok(FactRef {
        official,
        route,
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
        assert_eq!(new.schema, crate::store::SCHEMA_VERSION);
        let after: Vec<Vec<AppealFact>> = filters.iter().map(|f| facts(&new, f)).collect();
        assert_eq!(after, before);

        let ids = |facts: &[AppealFact]| -> Vec<(String, Route)> {
            facts
                .iter()
                .map(|f| (f.official.clone(), f.route))
                .collect()
        };
        assert_eq!(
            ids(&after[1]),
            [
                ("Аким Б".into(), Route::Forwarded),
                ("Аким Б".into(), Route::Unanswered),
                ("Аким Б".into(), Route::Unknown)
            ]
        );
        assert_eq!(after[2].len(), 3, "{:?}", after[2]);
        assert_eq!(
            after[0][2],
            AppealFact {
                official: "Аким Б".into(),
                route: Route::Forwarded,
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
