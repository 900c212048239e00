//! The routing rules: every appeal gets one route (personal, forwarded, rejected, unanswered,
//! unknown) and the reason for it, by the first of the contract's eight rules that applies; and
//! the phrase lists those rules read, built in and extended from `--phrases` files.

// The one path to change where this module moves: `crate::records::names` in appeal-audit.
use crate::records::names as who_is_who;
use who_is_who::{Who, normalize_name};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Route {
    Personal,
    Forwarded,
    Rejected,
    Unanswered,
    Unknown,
}

impl Route {
    pub const ALL: [Route; 5] = [
        Route::Personal,
        Route::Forwarded,
        Route::Rejected,
        Route::Unanswered,
        Route::Unknown,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Route::Personal => "personal",
            Route::Forwarded => "forwarded",
            Route::Rejected => "rejected",
            Route::Unanswered => "unanswered",
            Route::Unknown => "unknown",
        }
    }

    /// The order reports, charts and their legends list routes in.
    pub const READING: [Route; 5] = [
        Route::Personal,
        Route::Forwarded,
        Route::Unanswered,
        Route::Unknown,
        Route::Rejected,
    ];

    /// The route named by `as_str`, ignoring case and surrounding white space.
    pub fn parse(s: &str) -> Option<Route> {
        let s = s.trim();
        Route::ALL
            .into_iter()
            .find(|r| r.as_str().eq_ignore_ascii_case(s))
    }
}

/// How many appeals took each route, kept by route (a route's place is `Route as usize`, its
/// place in `Route::ALL`), so that no list of counts has an order of its own to keep in step.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RouteCounts([u64; Route::ALL.len()]);

impl RouteCounts {
    pub fn add(&mut self, route: Route, n: u64) {
        self.0[route as usize] += n;
    }

    pub fn get(&self, route: Route) -> u64 {
        self.0[route as usize]
    }

    /// The counts of `routes`, in their order.
    pub fn of<const N: usize>(&self, routes: [Route; N]) -> [u64; N] {
        routes.map(|route| self.get(route))
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
    const ALL: [Reason; 6] = [
        Reason::ForwardedTo,
        Reason::Status,
        Reason::AnsweredBy,
        Reason::AnswerText,
        Reason::NoAnswerer,
        Reason::NoAnswer,
    ];

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

    /// The reason named by `as_str`, ignoring case and surrounding white space.
    pub fn parse(s: &str) -> Option<Reason> {
        let s = s.trim();
        Reason::ALL
            .into_iter()
            .find(|r| r.as_str().eq_ignore_ascii_case(s))
    }
}

/// An appeal's route, the reason, and for a forwarded appeal the target as written (trimmed):
/// `forwarded_to` or `answered_by`; None when the target is unknown or the appeal not forwarded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Routing {
    pub route: Route,
    pub reason: Reason,
    pub target: Option<String>,
}

/// The fields of one appeal the rules read; for the answer, its first answer.
#[derive(Debug, Default, Clone, Copy)]
pub struct AppealFacts<'a> {
    pub addressee: &'a str,
    pub addressee_position: Option<&'a str>,
    pub forwarded_to: Option<&'a str>,
    pub status: Option<&'a str>,
    pub has_answer_date: bool,
    pub answered_by: Option<&'a str>,
    pub answer_text: Option<&'a str>,
    /// The source gave a list of answers with at least one in it.
    pub has_answers: bool,
}

impl AppealFacts<'_> {
    /// records.md "Has an answer", the one definition: a date, a text that is not blank, an
    /// answerer, a list of answers, or a status that says answered. Rules 4 to 7, the answered
    /// share, the deadline, the `answered` change, the export and `check` all ask this (through
    /// the stored `answered` flag or `Knowledge::has_answer`). The status is looked at last: it
    /// is the only part that costs a normalisation.
    pub fn has_answer(&self, phrases: &Phrases) -> bool {
        self.answer_besides_status()
            || present(self.status)
                .is_some_and(|s| phrases.says(PhraseKind::Answered, &normalize_name(s)))
    }

    /// "Has an answer" short of the status: a date, a text, an answerer or a list of answers.
    fn answer_besides_status(&self) -> bool {
        self.has_answer_date
            || self.has_answers
            || present(self.answered_by).is_some()
            || present(self.answer_text).is_some()
    }

    /// "Has an answer" for an appeal `classify` routed for `reason`: read off the rule that
    /// fired where it settles it (rules 4 and 6 need an answerer, 5 an answer text, 7 fires
    /// exactly when there is an answer and 8 exactly when there is none), asked after rules 1
    /// to 3. Saves normalising the status again on every import.
    pub fn has_answer_routed(&self, reason: Reason, phrases: &Phrases) -> bool {
        match reason {
            Reason::AnsweredBy | Reason::AnswerText | Reason::NoAnswerer => true,
            Reason::NoAnswer => false,
            Reason::ForwardedTo | Reason::Status => self.has_answer(phrases),
        }
    }
}

/// Which list a phrase belongs to: forwarding phrases are looked for in answer texts, the others
/// in statuses.
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

    /// The prefix of the kind's lines in a `--phrases` file.
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
            PhraseKind::Forward => FORWARD,
            PhraseKind::Redirected => REDIRECTED,
            PhraseKind::Rejected => REJECTED,
            PhraseKind::Unanswered => UNANSWERED,
            PhraseKind::Answered => ANSWERED,
        }
    }
}

/// Forwarding phrases in answer texts (records.md, "Classification").
const FORWARD: &[&str] = &[
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
];
const REDIRECTED: &[&str] = &[
    "перенаправлен",
    "переадресован",
    "жолданды",
    "redirected",
    "forwarded",
];
const REJECTED: &[&str] = &["отклонен", "қабылданбады", "rejected"];
const UNANSWERED: &[&str] = &[
    "на рассмотрении",
    "без ответа",
    "не отвечен",
    "қаралуда",
    "pending",
    "not answered",
];
const ANSWERED: &[&str] = &[
    "ответ получен",
    "ответ дан",
    "отвечено",
    "жауап берілді",
    "answered",
];

/// A phrase in force: its list, its text normalised, and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    pub kind: PhraseKind,
    pub text: String,
    /// `default` or the file it was read from.
    pub origin: String,
}

/// The phrases in force, in the order they were added (defaults first).
#[derive(Debug, Clone, Default)]
pub struct Phrases {
    list: Vec<Phrase>,
}

impl Phrases {
    /// Exactly the lists of records.md.
    pub fn defaults() -> Self {
        let mut phrases = Phrases::default();
        for kind in PhraseKind::ALL {
            for text in kind.defaults() {
                phrases.add(kind, text, "default");
            }
        }
        phrases
    }

    /// Reads a `--phrases` file: one phrase per line as `kind: phrase`, the kind one of the five
    /// prefixes (any case); blank lines and lines starting with `#` are skipped. All or nothing:
    /// on the first bad line nothing is added and the error names the line (from 1). Returns how
    /// many phrases were new (a phrase already in force is not added twice).
    pub fn add_file(&mut self, text: &str, origin: &str) -> Result<usize, String> {
        let mut read = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_start_matches('\u{feff}').trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let expected = || {
                let kinds: Vec<&str> = PhraseKind::ALL.iter().map(|k| k.prefix()).collect();
                crate::i18n::tr(
                    "phrases-bad-line",
                    &[
                        ("line", (n + 1).into()),
                        ("kinds", kinds.join(", ").into()),
                        ("found", line.to_string().into()),
                    ],
                )
            };
            let (kind, phrase) = line.split_once(':').ok_or_else(expected)?;
            let kind = PhraseKind::ALL
                .into_iter()
                .find(|k| k.prefix().eq_ignore_ascii_case(kind.trim()))
                .ok_or_else(expected)?;
            if normalize_name(phrase).is_empty() {
                return Err(crate::i18n::tr(
                    "phrases-empty",
                    &[("line", (n + 1).into()), ("kind", kind.prefix().into())],
                ));
            }
            read.push((kind, phrase));
        }
        let before = self.list.len();
        for (kind, phrase) in read {
            self.add(kind, phrase, origin);
        }
        Ok(self.list.len() - before)
    }

    /// Adds a phrase, normalised; an empty phrase or one already in its list is ignored.
    pub fn add(&mut self, kind: PhraseKind, phrase: &str, origin: &str) {
        let text = normalize_name(phrase);
        if text.is_empty() || self.list.iter().any(|p| p.kind == kind && p.text == text) {
            return;
        }
        self.list.push(Phrase {
            kind,
            text,
            origin: origin.to_string(),
        });
    }

    pub fn all(&self) -> &[Phrase] {
        &self.list
    }

    /// Does the status say `kind`? A status that says unanswered is not read as answered because
    /// an answered phrase is part of it (`не отвечено` holds `отвечено`): the unanswered phrases
    /// are cut out before the answered ones are looked for.
    #[cfg(test)]
    pub fn status_says(&self, kind: PhraseKind, status: &str) -> bool {
        self.says(kind, &normalize_name(status))
    }

    /// Does the (first) answer's text hold a forwarding phrase?
    pub fn text_forwards(&self, text: &str) -> bool {
        self.says(PhraseKind::Forward, &normalize_name(text))
    }

    /// `status_says` on normalised text.
    fn says(&self, kind: PhraseKind, norm: &str) -> bool {
        if norm.is_empty() {
            return false;
        }
        if kind == PhraseKind::Answered {
            let rest = self.cut(PhraseKind::Unanswered, norm);
            return rest.iter().any(|piece| self.holds(kind, piece));
        }
        self.holds(kind, norm)
    }

    fn holds(&self, kind: PhraseKind, norm: &str) -> bool {
        self.list
            .iter()
            .any(|p| p.kind == kind && norm.contains(p.text.as_str()))
    }

    /// The pieces of `norm` left when every occurrence of a `kind` phrase is cut out.
    fn cut<'t>(&self, kind: PhraseKind, norm: &'t str) -> Vec<&'t str> {
        let mut covered = vec![false; norm.len()];
        for p in self.list.iter().filter(|p| p.kind == kind) {
            for (at, _) in norm.match_indices(p.text.as_str()) {
                covered[at..at + p.text.len()].fill(true);
            }
        }
        let mut pieces = Vec::new();
        let mut start = None;
        for (i, _) in norm.char_indices() {
            match (covered[i], start) {
                (false, None) => start = Some(i),
                (true, Some(s)) => {
                    pieces.push(&norm[s..i]);
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            pieces.push(&norm[s..]);
        }
        pieces
    }
}

/// The text of an optional field, trimmed; None when absent or only white space.
fn present(s: Option<&str>) -> Option<&str> {
    s.map(str::trim).filter(|s| !s.is_empty())
}

/// The eight rules of records.md "Classification", first that applies. Empty or white-space-only
/// strings count as absent.
pub fn classify(facts: &AppealFacts, phrases: &Phrases, who: &Who) -> Routing {
    let routing = |route, reason, target: Option<&str>| Routing {
        route,
        reason,
        target: target.map(str::to_string),
    };
    // 1. forwarded_to is not empty.
    if let Some(to) = present(facts.forwarded_to) {
        return routing(Route::Forwarded, Reason::ForwardedTo, Some(to));
    }
    let status = present(facts.status)
        .map(normalize_name)
        .unwrap_or_default();
    // 2. The status says redirected; 3. the status says rejected.
    if phrases.says(PhraseKind::Redirected, &status) {
        return routing(Route::Forwarded, Reason::Status, None);
    }
    if phrases.says(PhraseKind::Rejected, &status) {
        return routing(Route::Rejected, Reason::Status, None);
    }
    let answered_by = present(facts.answered_by);
    let same = answered_by.map(|by| {
        who.same_actor(facts.addressee, present(facts.addressee_position), by)
            .is_some()
    });
    // 4. Someone other than the addressee answered.
    if same == Some(false) {
        return routing(Route::Forwarded, Reason::AnsweredBy, answered_by);
    }
    // 5. The answer says it was forwarded.
    let text = present(facts.answer_text);
    if text.is_some_and(|t| phrases.text_forwards(t)) {
        return routing(Route::Forwarded, Reason::AnswerText, None);
    }
    // 6. The addressee answered.
    if same == Some(true) {
        return routing(Route::Personal, Reason::AnsweredBy, None);
    }
    // 7. An answer (a date, a text, a list of answers or an answered status) but no author. An
    // unanswered status overrides none of them. `has_answer`, with the status normalised above.
    if facts.answer_besides_status()
        || (present(facts.status).is_some() && phrases.says(PhraseKind::Answered, &status))
    {
        return routing(Route::Unknown, Reason::NoAnswerer, None);
    }
    // 8.
    routing(Route::Unanswered, Reason::NoAnswer, None)
}

#[cfg(test)]
mod tests {
    use super::who_is_who::{DirectoryEntry, EntryKind};
    use super::*;

    const ROUTING_CSV: &str = include_str!("../tests/cases/routing.csv");

    #[test]
    fn route_counts_keep_each_route_in_its_place() {
        for (place, route) in Route::ALL.into_iter().enumerate() {
            assert_eq!(route as usize, place, "{route:?}");
        }
        let mut counts = RouteCounts::default();
        counts.add(Route::Rejected, 2);
        counts.add(Route::Personal, 1);
        assert_eq!(counts.of(Route::READING), [1, 0, 0, 0, 2]);
    }

    fn opt(s: &str) -> Option<&str> {
        (!s.is_empty()).then_some(s)
    }

    #[test]
    fn contract_cases() {
        let phrases = Phrases::defaults();
        let who = Who::empty();
        let mut reader = csv::Reader::from_reader(ROUTING_CSV.as_bytes());
        let mut rows = 0;
        for record in reader.records() {
            let r = record.unwrap();
            let facts = AppealFacts {
                addressee: &r[1],
                addressee_position: opt(&r[2]),
                forwarded_to: opt(&r[3]),
                status: opt(&r[4]),
                has_answer_date: !r[5].is_empty(),
                answered_by: opt(&r[6]),
                answer_text: opt(&r[7]),
                has_answers: false,
            };
            let got = classify(&facts, &phrases, &who);
            let case = &r[0];
            assert_eq!(
                got.route,
                Route::parse(&r[8]).unwrap(),
                "case {case}: {got:?}"
            );
            assert_eq!(
                got.reason,
                Reason::parse(&r[9]).unwrap(),
                "case {case}: {got:?}"
            );
            let target = match &r[10] {
                "unknown" | "" => None,
                t => Some(t.to_string()),
            };
            assert_eq!(got.target, target, "case {case}");
            if got.route == Route::Forwarded && got.target.is_none() {
                assert_eq!(&r[10], "unknown", "case {case}");
            }
            rows += 1;
        }
        assert_eq!(rows, 20);
    }

    /// The answer read off the route is `has_answer` itself, for every combination of the
    /// parts that decide either (statuses that say forwarded, rejected, unanswered, answered,
    /// something else, blank; an answerer who is or is not the addressee; a forwarding text).
    #[test]
    fn the_routed_answer_is_has_answer() {
        let phrases = Phrases::defaults();
        let who = Who::empty();
        let statuses = [
            None,
            Some("  "),
            Some("Перенаправлено"),
            Some("Отклонено"),
            Some("На рассмотрении"),
            Some("Ответ получен"),
            Some("Прочее"),
        ];
        let answerers = [None, Some("Аким А"), Some("Управление ЖКХ")];
        let texts = [
            None,
            Some("Решено"),
            Some("Направлено по компетенции в управление ЖКХ"),
        ];
        let mut cases = 0;
        let mut reasons = Vec::new();
        for status in statuses {
            for forwarded_to in [None, Some("Управление ЖКХ")] {
                for answered_by in answerers {
                    for answer_text in texts {
                        for has_answer_date in [false, true] {
                            for has_answers in [false, true] {
                                let facts = AppealFacts {
                                    addressee: "Аким А",
                                    addressee_position: None,
                                    forwarded_to,
                                    status,
                                    has_answer_date,
                                    answered_by,
                                    answer_text,
                                    has_answers,
                                };
                                let reason = classify(&facts, &phrases, &who).reason;
                                if !reasons.contains(&reason) {
                                    reasons.push(reason);
                                }
                                assert_eq!(
                                    facts.has_answer_routed(reason, &phrases),
                                    facts.has_answer(&phrases),
                                    "{facts:?} routed for {reason:?}"
                                );
                                cases += 1;
                            }
                        }
                    }
                }
            }
        }
        assert_eq!(cases, 7 * 2 * 3 * 3 * 2 * 2);
        assert_eq!(
            reasons.len(),
            Reason::ALL.len(),
            "every rule fired: {reasons:?}"
        );
    }

    #[test]
    fn names_round_trip() {
        for r in Route::ALL {
            assert_eq!(Route::parse(r.as_str()), Some(r));
        }
        for r in Reason::ALL {
            assert_eq!(Reason::parse(r.as_str()), Some(r));
        }
        assert_eq!(Route::parse(" Personal "), Some(Route::Personal));
        assert_eq!(Route::parse("personally"), None);
        assert_eq!(Reason::parse(""), None);
        let prefixes: Vec<&str> = PhraseKind::ALL.map(PhraseKind::prefix).to_vec();
        assert_eq!(
            prefixes,
            [
                "forward",
                "redirected",
                "rejected",
                "unanswered",
                "answered"
            ]
        );
    }

    #[test]
    fn defaults_are_the_contract_lists() {
        let p = Phrases::defaults();
        assert_eq!(p.all().len(), 18 + 5 + 3 + 6 + 5);
        assert!(p.all().iter().all(|x| x.origin == "default"));
        let count = |k| p.all().iter().filter(|x| x.kind == k).count();
        assert_eq!(count(PhraseKind::Forward), 18);
        assert_eq!(count(PhraseKind::Unanswered), 6);
    }

    #[test]
    fn has_an_answer_is_any_one_of_five_things() {
        let p = Phrases::defaults();
        let none = AppealFacts {
            addressee: "Исабаев Бейбит Бакирович",
            status: Some("На рассмотрении"),
            answer_text: Some("  "),
            answered_by: Some(" "),
            forwarded_to: Some("Управление ЖКХ"),
            ..Default::default()
        };
        assert!(
            !none.has_answer(&p),
            "blanks, a forward and a pending status"
        );
        let each = [
            AppealFacts {
                has_answer_date: true,
                ..none
            },
            AppealFacts {
                answer_text: Some("Решено."),
                ..none
            },
            AppealFacts {
                answered_by: Some("Управление ЖКХ"),
                ..none
            },
            AppealFacts {
                has_answers: true,
                ..none
            },
            AppealFacts {
                status: Some("Ответ получен"),
                ..none
            },
        ];
        for facts in each {
            assert!(facts.has_answer(&p), "{facts:?}");
        }
    }

    #[test]
    fn unanswered_status_is_not_answered() {
        let p = Phrases::defaults();
        assert!(p.status_says(PhraseKind::Answered, "Отвечено"));
        assert!(!p.status_says(PhraseKind::Answered, "Не отвечено"));
        assert!(p.status_says(PhraseKind::Unanswered, "Не отвечено"));
        assert!(!p.status_says(PhraseKind::Answered, "Not answered"));
        assert!(p.status_says(PhraseKind::Answered, "ANSWERED"));
        assert!(p.status_says(PhraseKind::Answered, "не отвечено; затем отвечено"));
        assert!(!p.status_says(PhraseKind::Answered, ""));
        // Unanswered status and nothing else: unanswered; with an answer date: unknown.
        let mut facts = AppealFacts {
            addressee: "Исабаев Бейбит Бакирович",
            status: Some("Не отвечено"),
            ..Default::default()
        };
        let who = Who::empty();
        assert_eq!(classify(&facts, &p, &who).route, Route::Unanswered);
        facts.has_answer_date = true;
        assert_eq!(classify(&facts, &p, &who).route, Route::Unknown);
    }

    #[test]
    fn blank_fields_are_absent() {
        let p = Phrases::defaults();
        let who = Who::empty();
        let facts = AppealFacts {
            addressee: "Исабаев Бейбит Бакирович",
            addressee_position: Some(" "),
            forwarded_to: Some("  "),
            status: Some("\t"),
            has_answer_date: false,
            answered_by: Some(" "),
            answer_text: Some("\n"),
            has_answers: false,
        };
        let got = classify(&facts, &p, &who);
        assert_eq!(
            (got.route, got.reason, got.target),
            (Route::Unanswered, Reason::NoAnswer, None)
        );
        let facts = AppealFacts {
            forwarded_to: Some("  Управление ЖКХ "),
            ..facts
        };
        assert_eq!(
            classify(&facts, &p, &who).target.as_deref(),
            Some("Управление ЖКХ")
        );
        let got = classify(&AppealFacts::default(), &p, &who);
        assert_eq!(got.route, Route::Unanswered);
    }

    #[test]
    fn classify_with_a_directory() {
        let who = Who::new(vec![
            DirectoryEntry {
                name: "Исабаев Бейбит Бакирович".into(),
                kind: EntryKind::Official,
                position: Some("Аким области Жетысу".into()),
                aliases: vec!["Аким Жетысуской области".into()],
            },
            DirectoryEntry {
                name: "Управление ЖКХ области Жетысу".into(),
                kind: EntryKind::Department,
                position: None,
                aliases: vec![],
            },
        ]);
        let p = Phrases::defaults();
        let facts = |by| AppealFacts {
            addressee: "Исабаев Бейбит Бакирович",
            has_answer_date: true,
            answered_by: Some(by),
            ..Default::default()
        };
        // Position from the directory when the appeal carries none (case 19 with a directory).
        assert_eq!(
            classify(&facts("Аким области Жетысу"), &p, &who).route,
            Route::Personal
        );
        assert_eq!(
            classify(&facts("Аким Жетысуской области"), &p, &who).route,
            Route::Personal
        );
        let got = classify(&facts("Управление ЖКХ области Жетысу"), &p, &who);
        assert_eq!(got.route, Route::Forwarded);
        assert_eq!(got.target.as_deref(), Some("Управление ЖКХ области Жетысу"));
    }

    #[test]
    fn phrases_file() {
        let mut p = Phrases::defaults();
        let before = p.all().len();
        let text = "\u{feff}# my phrases\n\nforward: Передано в ведомство\r\nRejected : оставлено без рассмотрения\nanswered: отвечено\n";
        assert_eq!(p.add_file(text, "mine.txt"), Ok(2));
        let added = &p.all()[before..];
        assert_eq!(added.len(), 2);
        assert_eq!(added[0].kind, PhraseKind::Forward);
        assert_eq!(added[0].text, "передано в ведомство");
        assert_eq!(added[0].origin, "mine.txt");
        assert!(p.text_forwards("Ваше письмо ПЕРЕДАНО В ВЕДОМСТВО юстиции"));
        assert!(p.status_says(PhraseKind::Rejected, "Оставлено без рассмотрения"));
        // Reading the same file again adds nothing.
        assert_eq!(p.add_file(text, "again.txt"), Ok(0));
    }

    #[test]
    fn phrases_file_errors() {
        let mut p = Phrases::defaults();
        let before = p.all().len();
        let err = p.add_file("forward: ok\nforwards: x\n", "f").unwrap_err();
        assert!(err.starts_with("line 2:"), "{err}");
        for kind in PhraseKind::ALL {
            assert!(err.contains(kind.prefix()), "{err}");
        }
        let err = p.add_file("# c\n\nno colon here", "f").unwrap_err();
        assert!(err.starts_with("line 3:"), "{err}");
        let err = p.add_file("rejected:   «» ", "f").unwrap_err();
        assert!(err.starts_with("line 1:") && err.contains("empty"), "{err}");
        let err = p.add_file(": phrase", "f").unwrap_err();
        assert!(err.starts_with("line 1:"), "{err}");
        // All or nothing: the good first line of a bad file was not added.
        assert_eq!(p.all().len(), before);
        assert_eq!(p.add_file("", "f"), Ok(0));
    }

    #[test]
    fn odd_input_never_panics() {
        let p = Phrases::defaults();
        let who = Who::empty();
        for s in [
            "",
            " ",
            "\u{306}",
            "ё",
            "не отвечено не",
            "🙂",
            "İ",
            "\u{0}",
            "не отвечен🙂",
        ] {
            let facts = AppealFacts {
                addressee: s,
                addressee_position: Some(s),
                forwarded_to: None,
                status: Some(s),
                has_answer_date: false,
                answered_by: Some(s),
                answer_text: Some(s),
                has_answers: false,
            };
            let _ = classify(&facts, &p, &who);
            let _ = p.status_says(PhraseKind::Answered, s);
        }
    }
}
