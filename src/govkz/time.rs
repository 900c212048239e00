//! Times as the platform writes them, placed in Asia/Almaty (UTC+6 until 1 March 2024, UTC+5
//! since): an item's day is the day it was in Kazakhstan, whatever offset the answer used, and
//! a time written without an offset is Almaty's own (govkz.md, "A news item").

use chrono::{DateTime, FixedOffset, LocalResult, NaiveDateTime, TimeZone, Timelike, Utc};
use chrono_tz::Asia::Almaty;
use chrono_tz::Tz;

/// An instant, and whether its clock was written as exactly `00:00:00`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Stamp {
    pub at: DateTime<Utc>,
    pub written_midnight: bool,
}

/// ISO 8601 as the JSON and GraphQL answers write `created_date`: with an offset
/// (`2022-08-23T10:15:00.000+06:00`, `…Z`, `…+0600`; one public client, a Flask page of a
/// ministry's news, parses it as `%Y-%m-%dT%H:%M:%S.%f%z`) or without one, read as Almaty's.
pub(super) fn parse_iso(text: &str) -> Option<Stamp> {
    let text = text.trim();
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return Some(with_offset(at));
    }
    for pattern in ["%Y-%m-%dT%H:%M:%S%.f%z", "%Y-%m-%d %H:%M:%S%.f%z"] {
        if let Ok(at) = DateTime::parse_from_str(text, pattern) {
            return Some(with_offset(at));
        }
    }
    naive(
        text,
        &[
            "%Y-%m-%dT%H:%M:%S%.f",
            "%Y-%m-%d %H:%M:%S%.f",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M",
        ],
    )
}

/// An RSS `pubDate` (RFC 2822, `Tue, 23 Aug 2022 10:15:00 +0600`), or ISO 8601 as some feeds
/// write it; without a zone, Almaty's.
pub(super) fn parse_rss(text: &str) -> Option<Stamp> {
    let text = text.trim();
    if let Ok(at) = DateTime::parse_from_rfc2822(text) {
        return Some(with_offset(at));
    }
    parse_iso(text).or_else(|| naive(text, &["%a, %d %b %Y %H:%M:%S", "%d %b %Y %H:%M:%S"]))
}

fn with_offset(at: DateTime<FixedOffset>) -> Stamp {
    Stamp {
        at: at.with_timezone(&Utc),
        written_midnight: is_midnight(at.naive_local()),
    }
}

fn naive(text: &str, patterns: &[&str]) -> Option<Stamp> {
    let local = patterns
        .iter()
        .find_map(|pattern| NaiveDateTime::parse_from_str(text, pattern).ok())?;
    let at = match Almaty.from_local_datetime(&local) {
        LocalResult::Single(at) => at,
        // The hour before midnight of 29 February 2024 came twice: take the first.
        LocalResult::Ambiguous(first, _) => first,
        // A clock change's gap (the summer times before 2005): no such time in Almaty.
        LocalResult::None => return None,
    };
    Some(Stamp {
        at: at.with_timezone(&Utc),
        written_midnight: is_midnight(local),
    })
}

fn is_midnight(clock: NaiveDateTime) -> bool {
    clock.num_seconds_from_midnight() == 0 && clock.nanosecond() == 0
}

/// The instant in Almaty.
pub(super) fn almaty(at: DateTime<Utc>) -> DateTime<Tz> {
    at.with_timezone(&Almaty)
}

/// `published_at` (`2022-08-23T10:15:00+06:00`, whole seconds), the Almaty day, and whether
/// the item is a bulk-moved one: its clock was written as `00:00:00`, or reads so in Almaty.
/// Both, because whether the platform writes Almaty's clock or UTC's is not confirmed.
pub(super) fn placed(stamp: Stamp) -> (String, chrono::NaiveDate, bool) {
    let local = almaty(stamp.at);
    let midnight = stamp.written_midnight || is_midnight(local.naive_local());
    (
        local.format("%Y-%m-%dT%H:%M:%S%:z").to_string(),
        local.date_naive(),
        midnight,
    )
}
