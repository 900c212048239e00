//! What the tool concludes from an appeal's values, given the directory and the phrases in
//! force: whom it was addressed to (under the directory's name), its route and the reason, the
//! days it took to answer and the citizen's rating. Imports store these; a directory or phrase
//! change recomputes them.

use chrono::NaiveDate;

use crate::classify::{AppealFacts, Phrases, Reason, Route, classify};
use crate::records::appeal::Appeal;
use crate::records::names::Who;
use crate::records::typed::rating_unsatisfied;

/// The directory and the phrases, loaded once per command.
pub struct Knowledge {
    pub who: Who,
    pub phrases: Phrases,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Derived {
    pub official: String,
    pub route: Route,
    pub reason: Reason,
    pub target: Option<String>,
    pub days_to_answer: Option<i64>,
    pub unsatisfied: Option<bool>,
    /// The appeal has an answer (`AppealFacts::has_answer`).
    pub answered: bool,
}

impl Knowledge {
    pub fn derive(&self, appeal: &Appeal) -> Derived {
        let facts = facts_of(appeal);
        let routing = classify(&facts, &self.phrases, &self.who);
        Derived {
            official: self.canonical(&appeal.addressee),
            route: routing.route,
            reason: routing.reason,
            target: routing.target.map(|t| self.canonical(&t)),
            days_to_answer: days_between(&appeal.submitted_at, appeal.answered_at.as_deref()),
            unsatisfied: appeal.rating.as_deref().and_then(rating_unsatisfied),
            answered: facts.has_answer_routed(routing.reason, &self.phrases),
        }
    }

    /// Whether the appeal has an answer, with the phrases in force: what `derive` stores as
    /// `answered`, for a version of an appeal that is not being stored (history).
    pub fn has_answer(&self, appeal: &Appeal) -> bool {
        facts_of(appeal).has_answer(&self.phrases)
    }

    /// A name under its directory entry's name where one matches, else as written with its
    /// white space tidied, so that one actor is one row in every report.
    pub fn canonical(&self, name: &str) -> String {
        match self.who.lookup(name) {
            Some(entry) => entry.name.clone(),
            None => name.split_whitespace().collect::<Vec<_>>().join(" "),
        }
    }
}

/// What the routing rules read of an appeal.
fn facts_of(appeal: &Appeal) -> AppealFacts<'_> {
    AppealFacts {
        addressee: &appeal.addressee,
        addressee_position: appeal.addressee_position.as_deref(),
        forwarded_to: appeal.forwarded_to.as_deref(),
        status: appeal.status.as_deref(),
        has_answer_date: appeal.answered_at.is_some(),
        answered_by: appeal.answered_by.as_deref(),
        answer_text: appeal.answer_text.as_deref(),
        // `Appeal::from_typed` keeps no list for an empty one.
        has_answers: appeal.answers.is_some(),
    }
}

/// The calendar date of a stored ISO date or date-time.
pub fn date_of(stamp: &str) -> Option<NaiveDate> {
    crate::records::dates::iso_date(stamp.get(..10)?)
}

/// Calendar days from one stored date to another (dates only, times ignored).
pub fn days_between(from: &str, to: Option<&str>) -> Option<i64> {
    Some((date_of(to?)? - date_of(from)?).num_days())
}
