//! The routing rules: every appeal gets one route (personal, forwarded, rejected, unanswered,
//! unknown) and the reason, by the first of eight rules that applies; and the phrase lists those
//! rules read, built in and extended from a file.

use crate::records::names::{Who, normalize_name};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Route {
    Personal,
    Forwarded,
    Rejected,
    Unanswered,
    Unknown,
}

impl Route {
    pub fn as_str(self) -> &'static str {
        match self {
            Route::Personal => "personal",
            Route::Forwarded => "forwarded",
            Route::Rejected => "rejected",
            Route::Unanswered => "unanswered",
            Route::Unknown => "unknown",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    ForwardedTo,
    Status,
    AnsweredBy,
    AnswerText,
    NoAnswerer,
    NoAnswer,
}

impl Reason {
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::ForwardedTo => "forwarded_to",
            Reason::Status => "status",
            Reason::AnsweredBy => "answered_by",
            Reason::AnswerText => "answer_text",
            Reason::NoAnswerer => "no_answerer",
            Reason::NoAnswer => "no_answer",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Routing {
    pub route: Route,
    pub reason: Reason,
    /// Forwarded only: `forwarded_to` or `answered_by` as written; None when unknown.
    pub target: Option<String>,
}

/// What classification looks at in an appeal.
#[derive(Debug, Default, Clone, Copy)]
pub struct AppealFacts<'a> {
    pub addressee: &'a str,
    pub addressee_position: Option<&'a str>,
    pub forwarded_to: Option<&'a str>,
    pub status: Option<&'a str>,
    pub has_answer_date: bool,
    pub answered_by: Option<&'a str>,
    pub answer_text: Option<&'a str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PhraseKind {
    Forward,
    Redirected,
    Rejected,
    Unanswered,
    Answered,
}

impl PhraseKind {
    pub const ALL: [PhraseKind; 5] = [
        PhraseKind::Forward,
        PhraseKind::Redirected,
        PhraseKind::Rejected,
        PhraseKind::Unanswered,
        PhraseKind::Answered,
    ];

    /// The prefix a phrases file writes before a phrase of this kind.
    pub fn prefix(self) -> &'static str {
        match self {
            PhraseKind::Forward => "forward",
            PhraseKind::Redirected => "redirected",
            PhraseKind::Rejected => "rejected",
            PhraseKind::Unanswered => "unanswered",
            PhraseKind::Answered => "answered",
        }
    }

    fn defaults(self) -> &'static [&'static str] {
        match self {
            // In answers: the answer says the appeal was passed on.
            PhraseKind::Forward => &[
                "перенаправлен",
                "переадресован",
                "по компетенции",
                "по принадлежности",
                "обращение направлено",
                "обращение передано",
                "вопрос направлен",
                "вопрос передан",
                "направлено для рассмотрения",
                "направлено на рассмотрение",
                "передано на рассмотрение",
                "передано для рассмотрения",
                "жолданды",
                "құзыреті бойынша",
                "қарауға жіберілді",
                "forwarded to",
                "redirected to",
                "referred to",
            ],
            // In statuses.
            PhraseKind::Redirected => &[
                "перенаправлен",
                "переадресован",
                "жолданды",
                "redirected",
                "forwarded",
            ],
            PhraseKind::Rejected => &["отклонен", "қабылданбады", "rejected"],
            PhraseKind::Unanswered => &[
                "на рассмотрении",
                "без ответа",
                "не отвечен",
                "қаралуда",
                "pending",
                "not answered",
            ],
            PhraseKind::Answered => &[
                "ответ получен",
                "ответ дан",
                "отвечено",
                "жауап берілді",
                "answered",
            ],
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    pub kind: PhraseKind,
    /// Normalised as names are, so that matching ignores case, quotes and spacing.
    pub text: String,
    /// `default`, or the file the phrase came from.
    pub origin: String,
}

#[derive(Debug, Clone)]
pub struct Phrases {
    list: Vec<Phrase>,
}

impl Phrases {
    /// The phrases of the record contract.
    pub fn defaults() -> Self {
        let mut phrases = Phrases { list: Vec::new() };
        for kind in PhraseKind::ALL {
            for phrase in kind.defaults() {
                phrases.add(kind, phrase, "default");
            }
        }
        phrases
    }

    /// Adds the phrases of a `--phrases` file: `kind: phrase` a line; blank lines and lines
    /// starting with `#` are skipped. Returns how many lines held a phrase.
    pub fn add_file(&mut self, text: &str, origin: &str) -> Result<usize, String> {
        let mut added = Vec::new();
        for (index, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let kinds = PhraseKind::ALL
                .map(|k| format!("'{}:'", k.prefix()))
                .join(", ");
            let (prefix, phrase) = line.split_once(':').ok_or_else(|| {
                format!(
                    "line {}: {line:?} has no kind: start it with one of {kinds}",
                    index + 1
                )
            })?;
            let kind = PhraseKind::ALL
                .into_iter()
                .find(|k| k.prefix() == prefix.trim().to_lowercase())
                .ok_or_else(|| {
                    format!(
                        "line {}: unknown kind {:?}: use one of {kinds}",
                        index + 1,
                        prefix.trim()
                    )
                })?;
            if normalize_name(phrase).is_empty() {
                return Err(format!(
                    "line {}: the phrase after {:?} is empty",
                    index + 1,
                    prefix.trim()
                ));
            }
            added.push((kind, phrase));
        }
        for (kind, phrase) in &added {
            self.add(*kind, phrase, origin);
        }
        Ok(added.len())
    }

    /// Adds one phrase, normalised; a phrase already in force is ignored.
    pub fn add(&mut self, kind: PhraseKind, phrase: &str, origin: &str) {
        let text = normalize_name(phrase);
        if !text.is_empty() && !self.list.iter().any(|p| p.kind == kind && p.text == text) {
            self.list.push(Phrase {
                kind,
                text,
                origin: origin.to_string(),
            });
        }
    }

    pub fn all(&self) -> &[Phrase] {
        &self.list
    }

    fn contains(&self, kind: PhraseKind, normalized: &str) -> bool {
        self.list
            .iter()
            .any(|p| p.kind == kind && normalized.contains(&p.text))
    }

    /// Does the status say this? An unanswered status is never read as answered, even where it
    /// contains an answered phrase (`не отвечено` contains `отвечено`).
    pub fn status_says(&self, kind: PhraseKind, status: &str) -> bool {
        let status = normalize_name(status);
        match kind {
            PhraseKind::Answered => {
                self.contains(PhraseKind::Answered, &status)
                    && !self.contains(PhraseKind::Unanswered, &status)
            }
            other => self.contains(other, &status),
        }
    }

    pub fn text_forwards(&self, text: &str) -> bool {
        self.contains(PhraseKind::Forward, &normalize_name(text))
    }
}

fn present(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}

/// The eight rules of the record contract, first that applies.
pub fn classify(facts: &AppealFacts, phrases: &Phrases, who: &Who) -> Routing {
    let routing = |route, reason, target: Option<&str>| Routing {
        route,
        reason,
        target: target.map(str::to_string),
    };
    if let Some(target) = present(facts.forwarded_to) {
        return routing(Route::Forwarded, Reason::ForwardedTo, Some(target));
    }
    let status = present(facts.status);
    if status.is_some_and(|s| phrases.status_says(PhraseKind::Redirected, s)) {
        return routing(Route::Forwarded, Reason::Status, None);
    }
    if status.is_some_and(|s| phrases.status_says(PhraseKind::Rejected, s)) {
        return routing(Route::Rejected, Reason::Status, None);
    }
    let answered_by = present(facts.answered_by);
    let text = present(facts.answer_text);
    if let Some(by) = answered_by {
        if who
            .same_actor(facts.addressee, facts.addressee_position, by)
            .is_none()
        {
            return routing(Route::Forwarded, Reason::AnsweredBy, Some(by));
        }
    }
    if text.is_some_and(|t| phrases.text_forwards(t)) {
        return routing(Route::Forwarded, Reason::AnswerText, None);
    }
    if answered_by.is_some() {
        return routing(Route::Personal, Reason::AnsweredBy, None);
    }
    let answered_status = status.is_some_and(|s| phrases.status_says(PhraseKind::Answered, s));
    if facts.has_answer_date || text.is_some() || answered_status {
        return routing(Route::Unknown, Reason::NoAnswerer, None);
    }
    routing(Route::Unanswered, Reason::NoAnswer, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The contract's examples, copied from shared/spec/cases.
    const CASES: &str = include_str!("../tests/cases/routing.csv");

    #[test]
    fn contract_cases() {
        let (phrases, who) = (Phrases::defaults(), Who::empty());
        let mut reader = csv::Reader::from_reader(CASES.as_bytes());
        let headers = reader.headers().unwrap().clone();
        for record in reader.records() {
            let record = record.unwrap();
            let get = |name: &str| {
                let i = headers.iter().position(|h| h == name).unwrap();
                Some(&record[i]).filter(|v| !v.is_empty())
            };
            let facts = AppealFacts {
                addressee: get("addressee").unwrap(),
                addressee_position: get("addressee_position"),
                forwarded_to: get("forwarded_to"),
                status: get("status"),
                has_answer_date: get("answered_at").is_some(),
                answered_by: get("answered_by"),
                answer_text: get("answer_text"),
            };
            let got = classify(&facts, &phrases, &who);
            let case = get("case").unwrap();
            assert_eq!(got.route.as_str(), get("route").unwrap(), "case {case}");
            assert_eq!(got.reason.as_str(), get("reason").unwrap(), "case {case}");
            let target = get("target").filter(|t| *t != "unknown");
            assert_eq!(got.target.as_deref(), target, "case {case}");
        }
    }

    #[test]
    fn unanswered_status_is_not_an_answer() {
        let phrases = Phrases::defaults();
        assert!(!phrases.status_says(PhraseKind::Answered, "Не отвечено"));
        assert!(phrases.status_says(PhraseKind::Answered, "Отвечено"));
        let facts = AppealFacts {
            addressee: "A",
            status: Some("Не отвечено"),
            ..AppealFacts::default()
        };
        assert_eq!(
            classify(&facts, &phrases, &Who::empty()).route,
            Route::Unanswered
        );
        let facts = AppealFacts {
            addressee: "A",
            status: Some("Жауап берілді"),
            ..AppealFacts::default()
        };
        assert_eq!(
            classify(&facts, &phrases, &Who::empty()).route,
            Route::Unknown
        );
    }

    #[test]
    fn phrases_file() {
        let mut phrases = Phrases::defaults();
        let before = phrases.all().len();
        assert_eq!(
            phrases.add_file(
                "# ours\n\nforward: Передали  коллегам\nrejected: оставлено без рассмотрения\n",
                "ours.txt"
            ),
            Ok(2)
        );
        assert_eq!(phrases.all().len(), before + 2);
        assert!(phrases.text_forwards("Мы передали коллегам ваш вопрос"));
        assert!(
            phrases
                .add_file("forward: ok\nsideways: no\n", "bad.txt")
                .unwrap_err()
                .starts_with("line 2: unknown kind")
        );
        assert!(
            phrases
                .add_file("just a phrase\n", "bad.txt")
                .unwrap_err()
                .starts_with("line 1:")
        );
        assert!(phrases.add_file("forward:   \n", "bad.txt").is_err());
        // A failed file adds nothing.
        assert_eq!(phrases.all().len(), before + 2);
        assert_eq!(
            phrases.add_file("forward: передали коллегам\n", "again.txt"),
            Ok(1)
        );
        assert_eq!(phrases.all().len(), before + 2, "duplicates are ignored");
    }
}
