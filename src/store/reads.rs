//! The attempts to read state bodies' news from gov.kz (govkz.md): each source tried for a
//! body, read or refused, recorded after a fetch run; the validators a conditional request
//! sends again; and what `report silence` needs to tell a body nobody could read from one
//! that was read and said nothing.

use anyhow::{Context, Result, bail};
use chrono::{DateTime, Utc};
use rusqlite::params;

use super::{Batch, Store};

/// The first schema with the `source_reads` table: an older database was never fetched from.
const READS_SINCE: i64 = 7;

/// An attempt's date is its date in Kazakhstan, one time zone (UTC+5) since 1 March 2024, as
/// the dates of posts and the as-of date are: a run at 02:00 in Almaty counts on that day.
pub(super) const KAZAKHSTAN: &str = "+5 hours";

/// What came of asking one source for a body's news.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadOutcome {
    /// Answered and read.
    Read,
    /// 304 Not Modified: nothing new since the validators sent, which still hold.
    Unchanged,
    /// Refused (400 notAllowed or browserTicketMissing, 401, 403, an HTML page where JSON or
    /// RSS was expected): archived, and that source is over for the body in this run.
    Refused,
}

impl ReadOutcome {
    /// As the table stores it.
    pub fn as_str(self) -> &'static str {
        match self {
            ReadOutcome::Read => "read",
            ReadOutcome::Unchanged => "unchanged",
            ReadOutcome::Refused => "refused",
        }
    }
}

/// One attempt to read one source of a body's news.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceRead {
    /// The body's name as its posts are stored: their `department`.
    pub body: String,
    pub slug: String,
    /// `rss`, `graphql` or `json`.
    pub source: String,
    /// When, as an ISO date-time with an offset (`2026-09-01T07:00:00Z`); stored in UTC to
    /// the second.
    pub attempted_at: String,
    pub outcome: ReadOutcome,
    pub status: u16,
    pub url: String,
    /// Why it was refused, in words; empty when it was read.
    pub detail: String,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// The WARC file the response is archived in, and the response record's offset there.
    pub archive: String,
    pub offset: u64,
}

/// What silence needs of one body's attempts up to the as-of date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyReads {
    /// As `SourceRead::body`.
    pub body: String,
    /// The date (in Kazakhstan) of its latest attempt on or before the as-of date.
    pub last_attempt: String,
    /// Whether any source was read (or answered 304) on that date: false when every attempt
    /// of that day was refused.
    pub read: bool,
}

impl Store {
    /// Records a fetch run's attempts in a transaction of their own (the posts the run read
    /// are imported before, in the import's); an attempt recorded before (the same slug,
    /// source, time and address) is left as it is. Returns how many were new.
    pub fn record_reads(&mut self, reads: &[SourceRead]) -> Result<usize> {
        let batch = self.begin()?;
        let new = batch.record_reads(reads)?;
        batch.commit()?;
        Ok(new)
    }

    /// The validators (ETag, Last-Modified) of the last attempt of (slug, source) that
    /// succeeded, for a conditional request; None when none ever did. A 304 that named no
    /// validators leaves those of the read before it in force.
    pub fn validators(
        &self,
        slug: &str,
        source: &str,
    ) -> Result<Option<(Option<String>, Option<String>)>> {
        if self.schema < READS_SINCE {
            return Ok(None);
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT outcome, etag, last_modified FROM source_reads \
             WHERE slug = ?1 AND source = ?2 AND outcome IN ('read', 'unchanged') \
             ORDER BY attempted_at DESC, read_key DESC",
        )?;
        let mut rows = stmt.query(params![slug, source])?;
        let mut succeeded = false;
        while let Some(row) = rows.next()? {
            succeeded = true;
            let (outcome, etag, modified): (String, Option<String>, Option<String>) =
                (row.get(0)?, row.get(1)?, row.get(2)?);
            if outcome == ReadOutcome::Read.as_str() || etag.is_some() || modified.is_some() {
                return Ok(Some((etag, modified)));
            }
        }
        Ok(succeeded.then_some((None, None)))
    }

    /// Every body attempted on or before `as_of` (YYYY-MM-DD): the date of its latest attempt
    /// and whether anything was read that day. The attempts of one day make one fetch run: a
    /// body whose every source refused in the morning and was read in the afternoon was read.
    pub fn body_reads(&self, as_of: &str) -> Result<Vec<BodyReads>> {
        if self.schema < READS_SINCE {
            return Ok(Vec::new());
        }
        // SQLite takes a bare column (`read`) from the row that gave max().
        let mut stmt = self.conn.prepare(&format!(
            "WITH days AS ( \
                 SELECT body, date(attempted_at, '{KAZAKHSTAN}') AS day, \
                        max(outcome <> 'refused') AS read \
                 FROM source_reads WHERE date(attempted_at, '{KAZAKHSTAN}') <= ?1 \
                 GROUP BY body, day) \
             SELECT body, max(day), read FROM days GROUP BY body ORDER BY body"
        ))?;
        let rows = stmt.query_map(params![as_of], |r| {
            Ok(BodyReads {
                body: r.get(0)?,
                last_attempt: r.get(1)?,
                read: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Batch<'_> {
    /// `Store::record_reads` inside this transaction.
    pub fn record_reads(&self, reads: &[SourceRead]) -> Result<usize> {
        let mut insert = self.tx.prepare_cached(
            "INSERT INTO source_reads (body, slug, source, attempted_at, outcome, status, url, \
             detail, etag, last_modified, archive, archive_offset) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) \
             ON CONFLICT (slug, source, attempted_at, url) DO NOTHING",
        )?;
        let mut new = 0;
        for read in reads {
            let at = utc_second(&read.attempted_at).with_context(|| {
                format!(
                    "the read of {} ({} of {}) cannot be recorded",
                    read.url, read.source, read.slug
                )
            })?;
            let offset = i64::try_from(read.offset).with_context(|| {
                format!(
                    "the read of {}: archive offset {} in {} is past what SQLite holds",
                    read.url, read.offset, read.archive
                )
            })?;
            new += insert.execute(params![
                read.body,
                read.slug,
                read.source,
                at,
                read.outcome.as_str(),
                read.status,
                read.url,
                read.detail,
                read.etag,
                read.last_modified,
                read.archive,
                offset,
            ])?;
        }
        Ok(new)
    }
}

/// `2026-09-01T12:00:00+05:00` as `2026-09-01T07:00:00Z`: one form, which sorts as time does.
fn utc_second(text: &str) -> Result<String> {
    let Ok(at) = DateTime::parse_from_rfc3339(text.trim()) else {
        bail!(
            "attempted_at {text:?} is not an ISO date-time with an offset, such as \
             2026-09-01T07:00:00Z"
        );
    };
    Ok(at
        .with_timezone(&Utc)
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Access;

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("t.db"), Access::Write).unwrap();
        (dir, store)
    }

    /// An attempt of `source` for `body` (slug `zhetysu-comdev`) at `at`.
    fn attempt(body: &str, source: &str, at: &str, outcome: ReadOutcome) -> SourceRead {
        let refused = outcome == ReadOutcome::Refused;
        SourceRead {
            body: body.to_string(),
            slug: "zhetysu-comdev".to_string(),
            source: source.to_string(),
            attempted_at: at.to_string(),
            outcome,
            status: if refused { 400 } else { 200 },
            url: format!("https://www.gov.kz/api/v1/public/{source}/zhetysu-comdev"),
            detail: if refused {
                "400 notAllowed".into()
            } else {
                String::new()
            },
            etag: None,
            last_modified: None,
            archive: "archive/govkz.warc.gz".to_string(),
            offset: 0,
        }
    }

    const BODY: &str = "Управление общественного развития области Жетысу";

    #[test]
    fn the_same_read_twice_is_recorded_once_and_times_are_stored_in_utc() {
        let (_dir, mut store) = store();
        let reads = [
            attempt(
                BODY,
                "rss",
                "2026-09-01T12:00:00+05:00",
                ReadOutcome::Refused,
            ),
            attempt(BODY, "graphql", "2026-09-01T07:00:02Z", ReadOutcome::Read),
        ];
        assert_eq!(store.record_reads(&reads).unwrap(), 2);
        assert_eq!(store.record_reads(&reads).unwrap(), 0);
        // The same moment written in UTC is the same attempt.
        let same = attempt(BODY, "rss", "2026-09-01T07:00:00Z", ReadOutcome::Refused);
        assert_eq!(store.record_reads(&[same]).unwrap(), 0);
        let stored: Vec<String> = store
            .conn
            .prepare("SELECT attempted_at FROM source_reads ORDER BY read_key")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(stored, ["2026-09-01T07:00:00Z", "2026-09-01T07:00:02Z"]);
    }

    #[test]
    fn a_time_without_an_offset_is_refused_and_nothing_is_recorded() {
        let (_dir, mut store) = store();
        let reads = [
            attempt(BODY, "rss", "2026-09-01T07:00:00Z", ReadOutcome::Refused),
            attempt(BODY, "json", "2026-09-01 07:00", ReadOutcome::Refused),
        ];
        let error = format!("{:#}", store.record_reads(&reads).unwrap_err());
        assert!(error.contains("\"2026-09-01 07:00\""), "{error}");
        assert!(error.contains("/json/zhetysu-comdev"), "{error}");
        assert_eq!(store.body_reads("2026-12-31").unwrap(), []);
    }

    #[test]
    fn validators_come_from_the_last_read_that_succeeded() {
        let (_dir, mut store) = store();
        assert_eq!(store.validators("zhetysu-comdev", "rss").unwrap(), None);
        let with = |mut read: SourceRead, etag: Option<&str>, modified: Option<&str>| {
            read.etag = etag.map(str::to_string);
            read.last_modified = modified.map(str::to_string);
            read
        };
        let reads = [
            with(
                attempt(BODY, "rss", "2026-09-01T07:00:00Z", ReadOutcome::Read),
                Some("\"v1\""),
                Some("Tue, 01 Sep 2026 06:00:00 GMT"),
            ),
            // A 304 that names no validators: the read's still hold.
            attempt(BODY, "rss", "2026-09-08T07:00:00Z", ReadOutcome::Unchanged),
            // A refusal says nothing about them, whatever it carries.
            with(
                attempt(BODY, "rss", "2026-09-15T07:00:00Z", ReadOutcome::Refused),
                Some("\"gate\""),
                None,
            ),
            // Another source keeps its own.
            with(
                attempt(BODY, "json", "2026-09-15T07:00:05Z", ReadOutcome::Read),
                Some("\"j\""),
                None,
            ),
        ];
        store.record_reads(&reads).unwrap();
        let v1 = Some((
            Some("\"v1\"".to_string()),
            Some("Tue, 01 Sep 2026 06:00:00 GMT".to_string()),
        ));
        assert_eq!(store.validators("zhetysu-comdev", "rss").unwrap(), v1);
        assert_eq!(
            store.validators("zhetysu-comdev", "json").unwrap(),
            Some((Some("\"j\"".to_string()), None))
        );
        // A later read without validators: there are none to send.
        store
            .record_reads(&[attempt(
                BODY,
                "rss",
                "2026-09-22T07:00:00Z",
                ReadOutcome::Read,
            )])
            .unwrap();
        assert_eq!(
            store.validators("zhetysu-comdev", "rss").unwrap(),
            Some((None, None))
        );
    }

    #[test]
    fn a_body_is_read_when_any_attempt_of_its_latest_day_was() {
        let (_dir, mut store) = store();
        let other = "Аппарат акима области Жетысу";
        let reads = [
            // 1 September: read.
            attempt(BODY, "rss", "2026-09-01T04:00:00Z", ReadOutcome::Read),
            // 8 September: refused in the morning, 304 in the afternoon: read.
            attempt(BODY, "rss", "2026-09-08T03:00:00Z", ReadOutcome::Refused),
            attempt(BODY, "rss", "2026-09-08T10:00:00Z", ReadOutcome::Unchanged),
            // 15 September, 01:00 in Almaty (20:00 UTC the day before): every source refused.
            attempt(BODY, "rss", "2026-09-14T20:00:00Z", ReadOutcome::Refused),
            attempt(
                BODY,
                "graphql",
                "2026-09-14T20:00:02Z",
                ReadOutcome::Refused,
            ),
            attempt(BODY, "json", "2026-09-14T20:00:04Z", ReadOutcome::Refused),
            attempt(other, "rss", "2026-09-02T04:00:00Z", ReadOutcome::Refused),
        ];
        store.record_reads(&reads).unwrap();
        let reads_on = |as_of: &str| store.body_reads(as_of).unwrap();
        let body = |last: &str, read: bool| BodyReads {
            body: BODY.to_string(),
            last_attempt: last.to_string(),
            read,
        };
        let other_refused = BodyReads {
            body: other.to_string(),
            last_attempt: "2026-09-02".to_string(),
            read: false,
        };
        assert_eq!(reads_on("2026-08-31"), []);
        assert_eq!(reads_on("2026-09-01"), [body("2026-09-01", true)]);
        // In name order: Аппарат before Управление.
        assert_eq!(
            reads_on("2026-09-14"),
            [other_refused.clone(), body("2026-09-08", true)]
        );
        assert_eq!(
            reads_on("2026-09-15"),
            [other_refused, body("2026-09-15", false)]
        );
    }
}
