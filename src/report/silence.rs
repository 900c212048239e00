//! `report silence`: per department and directory entry, how long since it last posted.

use std::cmp::Reverse;

use serde::Serialize;

use super::Filters;
use crate::derive::date_of;
use crate::records::names::EntryKind;
use crate::store::PublisherFact;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SilenceRow {
    pub name: String,
    pub kind: EntryKind,
    pub last_post: Option<String>,
    pub days_since: Option<i64>,
    pub posts_30d: i64,
    pub status: SilenceStatus,
    pub reposts_30d: i64,
}

/// Whether an entry keeps posting; written `ok`, `stale`, `never`.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum SilenceStatus {
    /// Posted within `--stale-after` days of the as-of date.
    Ok,
    /// Posted, but longer ago than that.
    Stale,
    /// Never posted.
    Never,
}

impl SilenceStatus {
    #[cfg(test)]
    pub const ALL: [SilenceStatus; 3] = [
        SilenceStatus::Ok,
        SilenceStatus::Stale,
        SilenceStatus::Never,
    ];

    /// As rows write it, and as its word's message key ends (`value-status-stale`).
    pub fn as_str(self) -> &'static str {
        match self {
            SilenceStatus::Ok => "ok",
            SilenceStatus::Stale => "stale",
            SilenceStatus::Never => "never",
        }
    }
}

impl SilenceRow {
    /// Stale or never posted: what `--fail-if-stale` fails on.
    pub fn is_silent(&self) -> bool {
        self.status != SilenceStatus::Ok
    }
}

/// Sorted `never` first, then by days since the last post, longest first, then by name.
pub fn silence(facts: Vec<PublisherFact>, filters: &Filters) -> Vec<SilenceRow> {
    let mut rows: Vec<SilenceRow> = facts
        .into_iter()
        .filter(|f| filters.department.as_ref().is_none_or(|d| &f.name == d))
        .map(|f| {
            let days_since = f
                .last_post
                .as_deref()
                .and_then(date_of)
                .map(|d| (filters.as_of - d).num_days());
            let status = match days_since {
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
            }
        })
        .collect();
    rows.sort_by_key(|r| {
        (
            r.days_since.is_some(),
            Reverse(r.days_since),
            r.name.clone(),
        )
    });
    rows
}
