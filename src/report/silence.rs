//! `report silence`: per department and directory entry, how long since it last posted, and
//! whether the latest attempt to read a body's news from gov.kz was refused by every source
//! (then it is `not_read`: a refusal is no silence).

use std::cmp::Reverse;
use std::collections::HashMap;

use serde::Serialize;

use super::Filters;
use crate::derive::date_of;
use crate::records::names::EntryKind;
use crate::store::{BodyReads, PublisherFact};

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SilenceRow {
    pub name: String,
    pub kind: EntryKind,
    pub last_post: Option<String>,
    pub days_since: Option<i64>,
    pub posts_30d: i64,
    pub status: SilenceStatus,
    pub reposts_30d: i64,
    /// The date of its latest attempt to be read from gov.kz on or before the as-of date,
    /// whatever came of it; None when it was never fetched.
    pub last_attempt: Option<String>,
}

/// Whether an entry keeps posting; written `ok`, `stale`, `never`, `not_read`.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum SilenceStatus {
    /// Posted within `--stale-after` days of the as-of date.
    Ok,
    /// Posted, but longer ago than that.
    Stale,
    /// Never posted.
    Never,
    /// On the day of its latest fetch every source refused: what it posted since is unknown.
    NotRead,
}

impl SilenceStatus {
    #[cfg(test)]
    pub const ALL: [SilenceStatus; 4] = [
        SilenceStatus::Ok,
        SilenceStatus::Stale,
        SilenceStatus::Never,
        SilenceStatus::NotRead,
    ];

    /// As rows write it, and as its word's message key ends (`value-status-stale`).
    pub fn as_str(self) -> &'static str {
        match self {
            SilenceStatus::Ok => "ok",
            SilenceStatus::Stale => "stale",
            SilenceStatus::Never => "never",
            SilenceStatus::NotRead => "not_read",
        }
    }

    /// Where it sorts: `never` first, then `not_read`, then the rest by days since.
    fn rank(self) -> u8 {
        match self {
            SilenceStatus::Never => 0,
            SilenceStatus::NotRead => 1,
            SilenceStatus::Ok | SilenceStatus::Stale => 2,
        }
    }
}

impl SilenceRow {
    /// Stale or never posted: what `--fail-if-stale` fails on. A body that could not be read
    /// is not known to be silent.
    pub fn is_silent(&self) -> bool {
        matches!(self.status, SilenceStatus::Stale | SilenceStatus::Never)
    }
}

/// The rows of `facts`, each with its reads from gov.kz (`reads`, keyed by the names rows
/// have), and a row for every body attempted that no fact names (a department). Sorted
/// `never` first, then `not_read`, then by days since the last post, longest first (a row
/// with no post known first), then by name.
pub fn silence(
    facts: Vec<PublisherFact>,
    reads: &[BodyReads],
    filters: &Filters,
) -> Vec<SilenceRow> {
    let mut latest = latest_reads(reads);
    let mut rows: Vec<SilenceRow> = facts
        .into_iter()
        .map(|f| {
            let read = latest.remove(&f.name);
            row(f, read, filters)
        })
        .collect();
    let unposted = latest.into_iter().map(|(name, read)| {
        let fact = PublisherFact {
            name,
            kind: EntryKind::Department,
            last_post: None,
            posts_30d: 0,
            reposts_30d: 0,
        };
        row(fact, Some(read), filters)
    });
    rows.extend(unposted);
    rows.retain(|r| {
        filters.department.as_ref().is_none_or(|d| &r.name == d)
            && filters.kind.is_none_or(|k| r.kind == k)
    });
    rows.sort_by_key(|r| {
        (
            r.status.rank(),
            Reverse(r.days_since.unwrap_or(i64::MAX)),
            r.name.clone(),
        )
    });
    rows
}

/// Per name, the latest attempt's date and whether anything was read that day; bodies that
/// share a name (aliases of one entry) count together.
fn latest_reads(reads: &[BodyReads]) -> HashMap<String, (String, bool)> {
    let mut latest: HashMap<String, (String, bool)> = HashMap::new();
    for r in reads {
        let entry = latest
            .entry(r.body.clone())
            .or_insert_with(|| (r.last_attempt.clone(), r.read));
        if r.last_attempt > entry.0 {
            *entry = (r.last_attempt.clone(), r.read);
        } else if r.last_attempt == entry.0 {
            entry.1 |= r.read;
        }
    }
    latest
}

fn row(f: PublisherFact, read: Option<(String, bool)>, filters: &Filters) -> SilenceRow {
    let days_since = f
        .last_post
        .as_deref()
        .and_then(date_of)
        .map(|d| (filters.as_of - d).num_days());
    let not_read = read.as_ref().is_some_and(|(_, read)| !read);
    let status = match days_since {
        _ if not_read => SilenceStatus::NotRead,
        None => SilenceStatus::Never,
        Some(days) if days > filters.stale_after => SilenceStatus::Stale,
        Some(_) => SilenceStatus::Ok,
    };
    SilenceRow {
        name: f.name,
        kind: f.kind,
        last_post: f.last_post,
        days_since,
        posts_30d: f.posts_30d,
        status,
        reposts_30d: f.reposts_30d,
        last_attempt: read.map(|(day, _)| day),
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn filters(kind: Option<EntryKind>) -> Filters {
        Filters {
            kind,
            ..Filters::as_of(NaiveDate::from_ymd_opt(2026, 9, 15).unwrap())
        }
    }

    fn fact(name: &str, kind: EntryKind, last_post: Option<&str>) -> PublisherFact {
        PublisherFact {
            name: name.to_string(),
            kind,
            last_post: last_post.map(str::to_string),
            posts_30d: 0,
            reposts_30d: 0,
        }
    }

    fn reads(body: &str, last_attempt: &str, read: bool) -> BodyReads {
        BodyReads {
            body: body.to_string(),
            last_attempt: last_attempt.to_string(),
            read,
        }
    }

    const AKIM: &str = "Исабаев Бейбит Бакирович";

    /// A directory with an akim who never posted, four departments and two bodies known only
    /// from gov.kz's reads.
    fn rows(kind: Option<EntryKind>) -> Vec<(String, SilenceStatus, Option<i64>, Option<String>)> {
        let facts = vec![
            fact(AKIM, EntryKind::Official, None),
            // Posted long ago, and every source refused at the last fetch.
            fact("Управление А", EntryKind::Department, Some("2026-08-01")),
            // Fresh, read at the last fetch.
            fact(
                "Управление Б",
                EntryKind::Department,
                Some("2026-09-10 00:00"),
            ),
            // Stale, never fetched (a posts file).
            fact("Управление В", EntryKind::Department, Some("2026-07-01")),
            // Stale, read at the last fetch under two names of one entry (aliases): one read.
            fact("Управление Е", EntryKind::Department, Some("2026-08-10")),
        ];
        let reads = [
            reads("Управление А", "2026-09-14", false),
            reads("Управление Б", "2026-09-14", true),
            reads("Отдел Г", "2026-09-14", false),
            reads("Отдел Д", "2026-09-14", true),
            reads("Управление Е", "2026-09-14", false),
            reads("Управление Е", "2026-09-14", true),
            reads("Управление Е", "2026-09-01", false),
        ];
        silence(facts, &reads, &filters(kind))
            .into_iter()
            .map(|r| (r.name, r.status, r.days_since, r.last_attempt))
            .collect()
    }

    #[test]
    fn a_body_no_source_answered_is_not_read_whatever_it_posted_before() {
        use SilenceStatus::*;
        let day = Some("2026-09-14".to_string());
        let want = vec![
            (AKIM.to_string(), Never, None, None),
            // Read, and no news: silent on what was read.
            ("Отдел Д".to_string(), Never, None, day.clone()),
            ("Отдел Г".to_string(), NotRead, None, day.clone()),
            ("Управление А".to_string(), NotRead, Some(45), day.clone()),
            ("Управление В".to_string(), Stale, Some(76), None),
            ("Управление Е".to_string(), Stale, Some(36), day.clone()),
            ("Управление Б".to_string(), Ok, Some(5), day.clone()),
        ];
        assert_eq!(rows(None), want);
    }

    #[test]
    fn kind_keeps_entries_of_that_kind_and_fail_if_stale_counts_stale_and_never_only() {
        let departments = rows(Some(EntryKind::Department));
        assert_eq!(departments.len(), 6);
        assert!(departments.iter().all(|r| r.0 != AKIM), "{departments:?}");
        let officials = rows(Some(EntryKind::Official));
        assert_eq!(officials.len(), 1);
        assert_eq!(officials[0].0, AKIM);
        let silent = |status: SilenceStatus| SilenceRow {
            name: String::new(),
            kind: EntryKind::Department,
            last_post: None,
            days_since: None,
            posts_30d: 0,
            status,
            reposts_30d: 0,
            last_attempt: None,
        };
        let failing: Vec<bool> = SilenceStatus::ALL
            .iter()
            .map(|s| silent(*s).is_silent())
            .collect();
        // ok, stale, never, not_read
        assert_eq!(failing, [false, true, true, false]);
    }
}
