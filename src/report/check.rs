//! `check`: what a reporter should look at before publishing, one row per problem: answers
//! before submission, dates in the future, one id twice in a file with different values,
//! answers without an answerer or without a date, names the directory does not know, unknown
//! routes, texts with bidirectional controls that would show them in another order, and
//! publishers whose latest post is timed at midnight.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::classify::{Reason, Route};
use crate::derive::{Knowledge, date_of};
use crate::records::names::{EntryKind, is_person_name};
use crate::store::{BidiFact, CheckFact, DuplicateFact, LatestPost, PublisherSeen};

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ProblemRow {
    pub problem: String,
    pub source: Option<String>,
    pub id: Option<String>,
    pub field: String,
    pub value: String,
    pub records: u64,
    pub file: String,
    pub line: i64,
}

/// A name the directory does not know, and what kind of entry it would want.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmatched {
    pub name: String,
    pub kind: EntryKind,
}

fn problem(kind: &str, fact: &CheckFact, field: &str, value: &str) -> ProblemRow {
    ProblemRow {
        problem: kind.to_string(),
        source: Some(fact.source.clone()),
        id: Some(fact.id.clone()),
        field: field.to_string(),
        value: value.to_string(),
        records: 1,
        file: fact.source_file.clone(),
        line: fact.source_line,
    }
}

/// What `check` is given, as the store reads it.
pub struct Facts<'a> {
    pub appeals: &'a [CheckFact],
    pub duplicates: &'a [DuplicateFact],
    pub publishers: &'a [PublisherSeen],
    pub bidi: &'a [BidiFact],
    /// Each publisher's latest post on or before the as-of date.
    pub latest_posts: &'a [LatestPost],
}

/// Every problem, in file and line order within each kind of problem.
pub fn check(
    Facts {
        appeals: facts,
        duplicates,
        publishers,
        bidi,
        latest_posts,
    }: Facts,
    know: &Knowledge,
    as_of: NaiveDate,
) -> (Vec<ProblemRow>, Vec<Unmatched>) {
    let mut rows = Vec::new();
    for f in facts {
        let submitted = date_of(&f.submitted_at);
        let answered = f.answered_at.as_deref().and_then(date_of);
        if let (Some(s), Some(a)) = (submitted, answered)
            && a < s
        {
            rows.push(problem(
                "answer_before_submission",
                f,
                "answered_at",
                f.answered_at.as_deref().unwrap_or(""),
            ));
        }
        let scraped = date_of(&f.scraped_at);
        for (field, value, date) in [
            ("submitted_at", Some(&f.submitted_at), submitted),
            ("answered_at", f.answered_at.as_ref(), answered),
        ] {
            if let (Some(value), Some(date)) = (value, date)
                && (date > as_of || scraped.is_some_and(|s| date > s))
            {
                rows.push(problem("date_in_future", f, field, value));
            }
        }
    }
    for d in duplicates {
        rows.push(ProblemRow {
            problem: "duplicate_conflict".into(),
            source: Some(d.source.clone()),
            id: Some(d.id.clone()),
            field: "id".into(),
            value: format!("{} (line {} kept)", d.id, d.kept_line),
            records: 2,
            file: d.file.clone(),
            line: d.earlier_line,
        });
    }
    for f in facts
        .iter()
        .filter(|f| f.answered && f.answered_by.is_none())
    {
        rows.push(problem("answered_without_answerer", f, "answered_by", ""));
    }
    // Its days to answer and its deadline cannot be told.
    for f in facts
        .iter()
        .filter(|f| f.answered && f.answered_at.is_none())
    {
        rows.push(problem("answer_without_date", f, "answered_at", ""));
    }
    let unmatched = unmatched_names(facts, publishers, know);
    for (name, (field, records, file, line, _)) in &unmatched {
        rows.push(ProblemRow {
            problem: "unmatched_name".into(),
            source: None,
            id: None,
            field: field.to_string(),
            value: name.clone(),
            records: *records,
            file: file.clone(),
            line: *line,
        });
    }
    for f in facts.iter().filter(|f| f.route == Route::Unknown) {
        rows.push(problem(
            "unknown_route",
            f,
            "route_reason",
            f.route_reason.as_str(),
        ));
    }
    // A right-to-left override can make a name or an id read as another (Trojan Source): the
    // text is stored as written, and table and Markdown show the controls escaped.
    for b in bidi {
        rows.push(ProblemRow {
            problem: "bidi_control".into(),
            source: b.source.clone(),
            id: b.id.clone(),
            field: b.field.to_string(),
            value: b.value.clone(),
            records: 1,
            file: b.file.clone(),
            line: b.line,
        });
    }
    // Items moved in bulk from older sites carry 00:00:00 (govkz.md): the date holds, the
    // time is no publication time, and a reporter should know before quoting it.
    for p in latest_posts.iter().filter(|p| is_midnight(&p.published_at)) {
        let written = p.written.as_deref().unwrap_or(&p.published_at);
        rows.push(ProblemRow {
            problem: "midnight_last_post".into(),
            source: None,
            id: None,
            field: "published_at".into(),
            value: format!("{written} ({})", p.publisher),
            records: 1,
            file: p.file.clone(),
            line: p.line,
        });
    }
    let entries = unmatched
        .into_iter()
        .map(|(name, (_, _, _, _, kind))| Unmatched { name, kind })
        .collect();
    (rows, entries)
}

/// A stored date with a time, and that time exactly midnight. A date written without a time
/// is stored without one, and is no midnight.
fn is_midnight(stored: &str) -> bool {
    stored.get(10..) == Some(" 00:00")
}

type Seen = (&'static str, u64, String, i64, EntryKind);

/// Addressees, forward targets and publishers that match no directory entry, with how many
/// records carry each and where it was first seen.
fn unmatched_names(
    facts: &[CheckFact],
    publishers: &[PublisherSeen],
    know: &Knowledge,
) -> BTreeMap<String, Seen> {
    let mut names: BTreeMap<String, Seen> = BTreeMap::new();
    let mut note =
        |name: &str, field: &'static str, records: u64, file: &str, line: i64, kind: EntryKind| {
            if know.who.lookup(name).is_some() {
                return;
            }
            let entry = names.entry(name.trim().to_string()).or_insert((
                field,
                0,
                file.to_string(),
                line,
                kind,
            ));
            entry.1 += records;
        };
    for f in facts {
        let kind = if is_person_name(&f.addressee) {
            EntryKind::Official
        } else {
            EntryKind::Department
        };
        note(
            &f.addressee,
            "addressee",
            1,
            &f.source_file,
            f.source_line,
            kind,
        );
        if let Some(target) = f
            .route_target
            .as_deref()
            .filter(|_| f.route == Route::Forwarded)
        {
            let field = match f.route_reason {
                Reason::ForwardedTo => "forwarded_to",
                _ => "answered_by",
            };
            note(
                target,
                field,
                1,
                &f.source_file,
                f.source_line,
                EntryKind::Department,
            );
        }
    }
    for p in publishers {
        note(
            &p.department,
            "department",
            p.posts as u64,
            &p.file,
            p.line,
            EntryKind::Department,
        );
    }
    names
}

#[cfg(test)]
mod tests {
    use super::is_midnight;

    #[test]
    fn only_a_time_written_as_midnight_is_midnight() {
        for (stored, midnight) in [
            ("2019-05-01 00:00", true),
            ("2019-05-01", false),
            ("2019-05-01 00:01", false),
            ("2019-05-01 00:00:05", false),
            ("2019-05-01 12:00", false),
        ] {
            assert_eq!(is_midnight(stored), midnight, "{stored}");
        }
    }
}
