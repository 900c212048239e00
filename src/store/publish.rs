//! The publishable copy (`export database`): a consistent snapshot taken with `VACUUM INTO`,
//! redacted in place (authors, identifiers in every text, folders in file paths, the hashes
//! that could confirm a guessed name), compacted, and the SQL of the canned queries and the
//! descriptions Datasette shows beside it.

use std::path::Path;

use anyhow::{Context, Result, bail};
use rusqlite::functions::FunctionFlags;
use rusqlite::types::{Value, ValueRef};
use rusqlite::{Connection, OpenFlags};

use super::reads::KAZAKHSTAN;
use super::{PUBLISHERS_CTE, SCHEMA_VERSION, Store};
use crate::catalogue::{self, Column};
use crate::privacy::redact_with_names;

/// What the publisher chose to keep.
#[derive(Debug, Clone, Copy)]
pub struct PublicCopy {
    pub include_authors: bool,
    pub raw_texts: bool,
}

/// Every column that can hold what a citizen wrote goes through `redact()`, given the appeal's
/// author where the text may name them (versions and changes before the appeals, whose
/// author column is redacted last); file paths lose
/// their folders (a path names the reporter's machine and sometimes the source); the hashes
/// are zeroed, since with every other value public a hash would confirm a guessed author.
const REDACT: &str = "
UPDATE appeal_versions SET record = redact(record,
        (SELECT author FROM appeals a WHERE a.appeal_key = appeal_versions.appeal_key),
        json_extract(record, '$.author')),
    source_file = file_name(source_file), value_hash = 0;
UPDATE changes SET
    before = redact(before, (SELECT author FROM appeals a WHERE a.appeal_key = changes.appeal_key)),
    after = redact(after, (SELECT author FROM appeals a WHERE a.appeal_key = changes.appeal_key));
UPDATE appeals SET title = redact(title, author), text = redact(text, author),
    answer_text = redact(answer_text, author), category = redact(category),
    status = redact(status), rating = redact(rating), author = redact(author),
    answers = redact(answers, author), as_written = redact(as_written),
    extra = redact(extra, author), source_file = file_name(source_file), value_hash = 0;
UPDATE appeal_seen SET record_hash = NULL;
UPDATE posts SET title = redact(title), as_written = redact(as_written), extra = redact(extra),
    source_file = file_name(source_file);
UPDATE directory SET as_written = redact(as_written), extra = redact(extra),
    source_file = file_name(source_file);
UPDATE imports SET file = file_name(file);
UPDATE source_reads SET archive = file_name(archive);
";

/// The citizen's name, wherever the database keeps it: the column, and the JSON of values as
/// written and of earlier versions.
const DROP_AUTHORS: &str = "
UPDATE appeals SET author = NULL, as_written = json_remove(as_written, '$.author');
UPDATE appeal_versions SET record = json_remove(record, '$.author');
";

/// Filters every canned query shares: Datasette passes a parameter left empty as ''.
const FILTERS: &str = "(coalesce(:addressee, '') = '' OR official = :addressee)
  AND (coalesce(:since, '') = '' OR submitted_at >= :since)
  AND (coalesce(:until, '') = '' OR submitted_at < date(:until, '+1 day'))";

/// The canned queries: name, title, description, SQL. The same counts as the views and as
/// `report routing|forwards|silence`, with the reports' filters as named parameters.
pub fn canned_queries() -> Vec<(&'static str, &'static str, &'static str, String)> {
    vec![
        (
            "routing",
            "Routing: how each official's appeals were answered",
            "Appeals submitted from :since to :until (YYYY-MM-DD, inclusive; empty: all), to \
             :addressee (the directory name; empty: everyone). As appeal-audit report routing, \
             without the deadline (overdue), medians and intervals.",
            format!(
                "SELECT official AS addressee, count(*) AS appeals,
  sum(route = 'personal') AS personal, sum(route = 'forwarded') AS forwarded,
  sum(route = 'unanswered') AS unanswered, sum(route = 'unknown') AS unknown,
  sum(route = 'rejected') AS rejected,
  round(100.0 * sum(route = 'personal') / count(*), 1) AS personal_pct,
  round(100.0 * sum(route = 'forwarded') / count(*), 1) AS forwarded_pct,
  round(100.0 * sum(answered) / count(*), 1) AS answered_pct,
  count(*) FILTER (WHERE unsatisfied = 1) AS unsatisfied,
  count(vanished) AS vanished
FROM appeals
WHERE {FILTERS}
GROUP BY official
ORDER BY appeals DESC, addressee"
            ),
        ),
        (
            "forwards",
            "Forwards: where forwarded appeals went",
            "Forwarded appeals submitted from :since to :until, of :addressee (empty: all), by \
             target; unknown where the source does not say. As appeal-audit report forwards, \
             without medians.",
            format!(
                "SELECT official AS addressee, coalesce(route_target, 'unknown') AS forwarded_to,
  count(*) AS appeals
FROM appeals
WHERE route = 'forwarded' AND {FILTERS}
GROUP BY official, coalesce(route_target, 'unknown')
ORDER BY addressee, appeals DESC, forwarded_to"
            ),
        ),
        (
            "silence",
            "Silence: how long since each department posted",
            "As of :until (YYYY-MM-DD; empty: today): each directory entry's and publisher's \
             latest post, days since, posts in the 30 days to :until, stale after 30 days; \
             posts_in_period counts posts from :since to :until. :addressee keeps one name. \
             A body whose latest gov.kz fetch (by Kazakhstan date, on or before :until) no \
             source answered is not_read, with last_attempt, never stale or never. \
             As appeal-audit report silence --as-of.",
            format!(
                "WITH as_of AS (SELECT coalesce(nullif(:until, ''), date('now')) AS day),
counted AS (
  SELECT publisher, substr(published_at, 1, 10) AS day, repost FROM posts
  WHERE substr(published_at, 1, 10) <= (SELECT day FROM as_of)),
attempts AS (
  SELECT body, date(attempted_at, '{KAZAKHSTAN}') AS day, max(outcome <> 'refused') AS read
  FROM source_reads WHERE date(attempted_at, '{KAZAKHSTAN}') <= (SELECT day FROM as_of)
  GROUP BY body, day),
latest AS (SELECT body, max(day) AS last_attempt, read FROM attempts GROUP BY body),
{PUBLISHERS_CTE}
SELECT p.name, p.kind, max(c.day) AS last_post,
  CAST(julianday((SELECT day FROM as_of)) - julianday(max(c.day)) AS INTEGER) AS days_since,
  count(c.day) FILTER (WHERE c.day > date((SELECT day FROM as_of), '-30 days')) AS posts_30d,
  CASE WHEN l.read = 0 THEN 'not_read'
       WHEN max(c.day) IS NULL THEN 'never'
       WHEN julianday((SELECT day FROM as_of)) - julianday(max(c.day)) > 30 THEN 'stale'
       ELSE 'ok' END AS status,
  count(c.day) FILTER (WHERE c.day > date((SELECT day FROM as_of), '-30 days')
                         AND c.repost = 1) AS reposts_30d,
  count(c.day) FILTER (WHERE coalesce(:since, '') = '' OR c.day >= :since) AS posts_in_period,
  l.last_attempt
FROM publishers p LEFT JOIN counted c ON c.publisher = p.name
LEFT JOIN latest l ON l.body = p.name
WHERE coalesce(:addressee, '') = '' OR p.name = :addressee
GROUP BY p.name, p.kind
ORDER BY status <> 'never', status <> 'not_read', days_since DESC, p.name"
            ),
        ),
    ]
}

/// What each table, view and column holds, for the metadata beside the copy.
pub const DESCRIPTIONS: &str = include_str!("public_metadata.json");

/// The catalogue's columns of a published table or view, whose descriptions it holds (the
/// same columns as the exports and reports write); DESCRIPTIONS describes the rest.
pub fn catalogued_columns(table: &str) -> &'static [Column] {
    match table {
        "appeals" => catalogue::APPEALS,
        "posts" => catalogue::POSTS,
        "routing" => catalogue::ROUTING,
        "imports" => catalogue::IMPORTS,
        "changes" => catalogue::CHANGES,
        _ => &[],
    }
}

impl Store {
    /// Writes a consistent snapshot of the whole database, compacted, into `path` (an empty
    /// file): the views and indexes come along.
    pub fn snapshot_into(&self, path: &Path) -> Result<()> {
        if self.schema < SCHEMA_VERSION {
            bail!(
                "{} has schema version {}, older than this appeal-audit's {SCHEMA_VERSION}: run \
                 any import on it (it upgrades the file) before publishing a copy",
                self.path.display(),
                self.schema
            );
        }
        let Some(name) = path.to_str() else {
            bail!(
                "{} is not a UTF-8 path: give --output another name",
                path.display()
            );
        };
        self.conn
            .execute("VACUUM INTO ?1", [name])
            .with_context(|| format!("cannot copy the database into {}", path.display()))?;
        Ok(())
    }
}

/// Redacts the copy at `path` in one transaction, compacts it and leaves it in rollback-journal
/// mode, so that it is one self-contained file readable from a read-only folder.
pub fn make_public(path: &Path, options: PublicCopy) -> Result<()> {
    let mut conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .with_context(|| format!("cannot open the copy {}", path.display()))?;
    // The copy is a temporary file that is thrown away unless every step succeeds, so its
    // redaction needs no journal (at a million appeals the journal was 2 GB of writes).
    conn.pragma_update(None, "journal_mode", "OFF")?;
    conn.pragma_update(None, "synchronous", "OFF")?;
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
    let raw = options.raw_texts;
    // redact(text, author...): the identifiers, and the name parts of each author given.
    conn.create_scalar_function("redact", -1, flags, move |ctx| {
        let authors: Vec<String> = (1..ctx.len())
            .filter_map(|i| match ctx.get_raw(i) {
                ValueRef::Text(t) => Some(String::from_utf8_lossy(t).into_owned()),
                _ => None,
            })
            .collect();
        let authors: Vec<&str> = authors.iter().map(String::as_str).collect();
        Ok(match ctx.get_raw(0) {
            ValueRef::Text(t) if !raw => {
                Value::Text(redact_with_names(&String::from_utf8_lossy(t), &authors))
            }
            other => Value::from(other),
        })
    })?;
    conn.create_scalar_function("file_name", 1, flags, |ctx| {
        Ok(match ctx.get_raw(0) {
            ValueRef::Text(t) => {
                let path = String::from_utf8_lossy(t);
                Value::Text(
                    path.rsplit(['/', '\\'])
                        .next()
                        .unwrap_or_default()
                        .to_string(),
                )
            }
            other => Value::from(other),
        })
    })?;
    let tx = conn.transaction()?;
    tx.execute_batch(REDACT).context("cannot redact the copy")?;
    if !options.include_authors {
        tx.execute_batch(DROP_AUTHORS)
            .context("cannot remove the authors from the copy")?;
    }
    tx.commit()?;
    // What redaction freed (and the texts it shortened) goes, so that nothing redacted lingers
    // in free pages.
    conn.execute_batch("VACUUM")?;
    // A rollback journal from here on: the file reads without -wal or -shm beside it.
    conn.pragma_update(None, "journal_mode", "DELETE")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    Ok(())
}

/// Every table and view of the database at `path` with its columns, in schema order.
pub fn objects(path: &Path) -> Result<Vec<(String, String, Vec<String>)>> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    objects_of(&conn)
}

fn objects_of(conn: &Connection) -> Result<Vec<(String, String, Vec<String>)>> {
    let mut stmt = conn.prepare(
        "SELECT name, type FROM sqlite_schema WHERE type IN ('table', 'view') \
         AND name NOT LIKE 'sqlite_%' ORDER BY rowid",
    )?;
    let names = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut columns = conn.prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid")?;
    names
        .into_iter()
        .map(|(name, kind)| {
            let list = columns
                .query_map([&name], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<String>>>()?;
            Ok((name, kind, list))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One place per fact: a column added by a migration without a description fails here,
    /// before a published copy shows it undescribed.
    #[test]
    fn every_table_view_and_column_is_described_and_nothing_else() {
        let conn = Connection::open_in_memory().unwrap();
        for sql in super::super::MIGRATIONS {
            conn.execute_batch(sql).unwrap();
        }
        let descriptions: serde_json::Value = serde_json::from_str(DESCRIPTIONS).unwrap();
        let tables = descriptions["tables"].as_object().unwrap();
        let objects = objects_of(&conn).unwrap();
        for (name, _, columns) in &objects {
            let described = tables[name]["columns"].as_object();
            let described: Vec<&String> = described.map(|c| c.keys().collect()).unwrap_or_default();
            let mut want: Vec<&String> = columns.iter().collect();
            let mut got = described.clone();
            // The columns the catalogue describes are described there, not again here.
            let catalogued: Vec<String> = catalogued_columns(name)
                .iter()
                .map(|c| c.name.to_string())
                .filter(|c| columns.contains(c))
                .collect();
            got.extend(&catalogued);
            want.sort();
            got.sort();
            assert_eq!(got, want, "the columns of {name}");
            assert!(tables[name]["description"].is_string(), "{name}");
        }
        assert_eq!(
            tables.len(),
            objects.len(),
            "no description of a table that is gone"
        );
    }

    #[test]
    fn canned_queries_run_on_the_schema_with_their_parameters() {
        let conn = Connection::open_in_memory().unwrap();
        for sql in super::super::MIGRATIONS {
            conn.execute_batch(sql).unwrap();
        }
        for (name, _, _, sql) in canned_queries() {
            let mut stmt = conn.prepare(&sql).unwrap();
            for parameter in [":addressee", ":since", ":until"] {
                assert!(
                    stmt.parameter_index(parameter).unwrap().is_some(),
                    "{name} takes {parameter}"
                );
            }
            let args = vec![""; stmt.parameter_count()];
            let mut rows = stmt.query(rusqlite::params_from_iter(args)).unwrap();
            assert!(
                rows.next().unwrap().is_none(),
                "{name}: no rows in an empty database"
            );
        }
    }
}
