//! What changed between two scraped versions of one appeal, compared on typed values: a date
//! written another way or a header named another way is never a change.

use crate::records::appeal::Appeal;

/// The kinds of change between scrapes, as `report changes` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    New,
    Answered,
    AnswerEdited,
    AnswererChanged,
    StatusChanged,
    RouteChanged,
    Vanished,
    Reappeared,
}

impl ChangeKind {
    pub const ALL: [ChangeKind; 8] = [
        ChangeKind::New,
        ChangeKind::Answered,
        ChangeKind::AnswerEdited,
        ChangeKind::AnswererChanged,
        ChangeKind::StatusChanged,
        ChangeKind::RouteChanged,
        ChangeKind::Vanished,
        ChangeKind::Reappeared,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::New => "new",
            ChangeKind::Answered => "answered",
            ChangeKind::AnswerEdited => "answer_edited",
            ChangeKind::AnswererChanged => "answerer_changed",
            ChangeKind::StatusChanged => "status_changed",
            ChangeKind::RouteChanged => "route_changed",
            ChangeKind::Vanished => "vanished",
            ChangeKind::Reappeared => "reappeared",
        }
    }

    /// Changes read off the values of versions (as opposed to a snapshot's absence).
    pub fn is_value_change(self) -> bool {
        !matches!(self, ChangeKind::Vanished | ChangeKind::Reappeared)
    }
}

/// One change: its kind and the values before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub kind: ChangeKind,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// A version of an appeal: its values, the route they gave and whether they hold an answer
/// (`Knowledge::has_answer`, the one definition).
#[derive(Debug, Clone)]
pub struct Version<'a> {
    pub appeal: &'a Appeal,
    pub route: &'a str,
    pub answered: bool,
}

/// The changes from one version to the next, in a fixed order.
pub fn diff(before: &Version, after: &Version) -> Vec<Change> {
    let (b, a) = (before.appeal, after.appeal);
    let change = |kind, before: &Option<String>, after: &Option<String>| Change {
        kind,
        before: before.clone(),
        after: after.clone(),
    };
    let mut changes = Vec::new();
    if !before.answered && after.answered {
        // What shows the answer: its date, else its text, else its author.
        let first = a
            .answered_at
            .clone()
            .or_else(|| a.answer_text.clone())
            .or_else(|| a.answered_by.clone());
        changes.push(Change {
            kind: ChangeKind::Answered,
            before: None,
            after: first,
        });
    } else if before.answered {
        if b.answer_text != a.answer_text {
            changes.push(change(
                ChangeKind::AnswerEdited,
                &b.answer_text,
                &a.answer_text,
            ));
        }
        if b.answered_by != a.answered_by {
            changes.push(change(
                ChangeKind::AnswererChanged,
                &b.answered_by,
                &a.answered_by,
            ));
        }
    }
    if b.status != a.status {
        changes.push(change(ChangeKind::StatusChanged, &b.status, &a.status));
    }
    if before.route != after.route {
        changes.push(Change {
            kind: ChangeKind::RouteChanged,
            before: Some(before.route.to_string()),
            after: Some(after.route.to_string()),
        });
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn appeal(status: &str, answered_by: Option<&str>, text: Option<&str>) -> Appeal {
        Appeal {
            status: Some(status.to_string()),
            answered_by: answered_by.map(str::to_string),
            answer_text: text.map(str::to_string),
            answered_at: text.map(|_| "2022-08-10".to_string()),
            ..Appeal::default()
        }
    }

    fn kinds(changes: &[Change]) -> Vec<&'static str> {
        changes.iter().map(|c| c.kind.as_str()).collect()
    }

    #[test]
    fn answered_then_edited_then_reassigned() {
        let pending = appeal("На рассмотрении", None, None);
        let answered = appeal(
            "Ответ получен",
            Some("Управление ЖКХ"),
            Some("Включено в план"),
        );
        let edited = appeal(
            "Ответ получен",
            Some("Управление ЖКХ"),
            Some("Включено в план на 2023 год"),
        );
        let moved = appeal(
            "Ответ получен",
            Some("Исабаев Б.Б."),
            Some("Включено в план на 2023 год"),
        );
        // Each of these versions has an answer exactly when it has a date.
        fn v<'a>(appeal: &'a Appeal, route: &'a str) -> Version<'a> {
            Version {
                appeal,
                route,
                answered: appeal.answered_at.is_some(),
            }
        }
        assert_eq!(
            kinds(&diff(
                &v(&pending, "unanswered"),
                &v(&answered, "forwarded")
            )),
            vec!["answered", "status_changed", "route_changed"]
        );
        let edits = diff(&v(&answered, "forwarded"), &v(&edited, "forwarded"));
        assert_eq!(kinds(&edits), vec!["answer_edited"]);
        assert_eq!(
            edits[0].after.as_deref(),
            Some("Включено в план на 2023 год")
        );
        assert_eq!(
            kinds(&diff(&v(&edited, "forwarded"), &v(&moved, "personal"))),
            vec!["answerer_changed", "route_changed"]
        );
        assert!(diff(&v(&moved, "personal"), &v(&moved, "personal")).is_empty());
    }
}
