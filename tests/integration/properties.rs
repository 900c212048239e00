//! Property tests (issue 5), through the real binary: every record survives import → export →
//! import unchanged whatever its texts hold, and no date string makes the importer panic.
//! Issue 16: over every combination of an answer date, a blank or present text, an answerer, a
//! list of answers and a status, the route, the answered share, the deadline, the `answered`
//! change, the export and `check` agree with records.md's one definition of "has an answer".
//! Each case runs the binary a few times, so the case counts are modest (32); set
//! PROPTEST_CASES to run more.

use std::collections::{BTreeSet, HashMap};

use crate::common::{Workdir, describe, parse_csv};
use proptest::prelude::*;
use serde_json::{Value, json};

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(32),
        ..ProptestConfig::default()
    }
}

/// Texts a scraper may hand over: any Unicode at all; spreadsheet-formula leads, quotes,
/// delimiters and every line end; and a few known troublemakers. No NUL: a CSV file that holds
/// one is refused as damaged (see tests/reliability.rs).
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[^\\x00]{0,40}",
        "[=+@\\-]?[\"',;\t\r\n a-zA-Zа-яА-ЯёәғқңөұүһіӘҒҚҢӨҰҮҺІ0-9]{0,30}",
        prop::sample::select(vec![
            "",
            " ",
            "\"",
            "\"\"",
            "'",
            ",",
            ";",
            "\t",
            "\n",
            "\r\n",
            "\r",
            "=1+2",
            "+7 701",
            "-2",
            "@A1",
            "\u{feff}BOM",
            "trailing \n",
            "\\N",
            "NULL",
            "<b>&amp;</b>",
            "'; DROP TABLE appeals; --",
            "\u{202e}\u{200b}",
            "e\u{301}",
            "😀",
        ])
        .prop_map(str::to_string),
    ]
}

/// A valid date, the ISO form it must be stored as, and one of the forms the contract accepts.
fn date() -> impl Strategy<Value = (String, String)> {
    const RU: [&str; 12] = [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ];
    const KZ: [&str; 12] = [
        "қаңтар",
        "ақпан",
        "наурыз",
        "сәуір",
        "мамыр",
        "маусым",
        "шілде",
        "тамыз",
        "қыркүйек",
        "қазан",
        "қараша",
        "желтоқсан",
    ];
    const EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    (
        1900i32..=2100,
        1u32..=12,
        1u32..=28,
        prop::option::of((0u32..24, 0u32..60)),
        0usize..7,
    )
        .prop_map(|(y, m, d, time, form)| {
            let iso = format!("{y:04}-{m:02}-{d:02}");
            let mi = (m - 1) as usize;
            let (written, stored_time) = match (form, time) {
                (0, None) => (iso.clone(), None),
                (0, Some((h, n))) => (format!("{iso} {h:02}:{n:02}"), Some((h, n))),
                (1, None) => (format!("{d:02}.{m:02}.{y}"), None),
                (1, Some((h, n))) => (format!("{d:02}.{m:02}.{y}, {h:02}:{n:02}"), Some((h, n))),
                (2, _) => (format!("{d} {} {y} г.", RU[mi]), None),
                (3, _) => (format!("{y} жылғы {d} {}", KZ[mi]), None),
                (4, _) => (format!("{d} {} {y}", EN[mi]), None),
                (5, Some((h, n))) => (format!("{iso}T{h:02}:{n:02}:00+06:00"), Some((h, n))),
                (_, _) => (format!(" {iso} "), None),
            };
            let stored = match stored_time {
                Some((h, n)) => format!("{iso} {h:02}:{n:02}"),
                None => iso,
            };
            (written, stored)
        })
}

/// Fields stored exactly as read (white space and all); an all-blank value is no value.
const TEXT_FIELDS: [&str; 10] = [
    "addressee_position",
    "category",
    "title",
    "text",
    "author",
    "status",
    "answered_by",
    "answer_text",
    "forwarded_to",
    "rating",
];

#[derive(Debug, Clone)]
struct Record {
    id: String,
    addressee: String,
    submitted: (String, String),
    answered: Option<(String, String)>,
    url: String,
    texts: Vec<String>,
}

fn records() -> impl Strategy<Value = Vec<Record>> {
    prop::collection::vec(
        (
            text(),
            text(),
            date(),
            prop::option::of(date()),
            text(),
            prop::collection::vec(text(), TEXT_FIELDS.len()),
        ),
        1..6,
    )
    .prop_map(|rows| {
        rows.into_iter()
            .enumerate()
            .map(
                |(i, (id, addressee, submitted, answered, url, texts))| Record {
                    // Unique after trimming, whatever the generated part holds.
                    id: format!("{i}:{id}"),
                    addressee: format!("A{addressee}"),
                    submitted,
                    answered,
                    url,
                    texts,
                },
            )
            .collect()
    })
}

fn to_csv(records: &[Record]) -> Vec<u8> {
    let mut out = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["id", "addressee", "submitted_at", "answered_at", "url"];
    header.extend(TEXT_FIELDS);
    out.write_record(&header).unwrap();
    for r in records {
        let mut row = vec![
            r.id.as_str(),
            r.addressee.as_str(),
            r.submitted.0.as_str(),
            r.answered.as_ref().map_or("", |a| a.0.as_str()),
            r.url.as_str(),
        ];
        row.extend(r.texts.iter().map(String::as_str));
        out.write_record(&row).unwrap();
    }
    out.into_inner().unwrap()
}

/// The value the contract says is stored: trimmed for identity fields, as read for the rest,
/// none when blank.
fn stored(value: &str, trimmed: bool) -> Value {
    match value.trim() {
        "" => Value::Null,
        t if trimmed => t.into(),
        _ => value.into(),
    }
}

fn run_ok(wd: &Workdir, args: &[&str]) -> Result<String, TestCaseError> {
    let output = wd.run(args);
    prop_assert!(output.status.success(), "{}", describe(args, &output));
    Ok(String::from_utf8(output.stdout).unwrap())
}

fn export(wd: &Workdir, db: &str) -> Result<Vec<Value>, TestCaseError> {
    let out = run_ok(
        wd,
        &[
            "--db",
            db,
            "export",
            "appeals",
            "--raw",
            "--include-authors",
            "--format",
            "json",
            "--as-of",
            "2022-10-01",
        ],
    )?;
    let value: Value = serde_json::from_str(&out).unwrap();
    Ok(value.as_array().unwrap().clone())
}

const ADDRESSEE: &str = "Исабаев Бейбит Бакирович";
const AS_OF: &str = "2022-10-03";

/// One generated appeal's answer-related values.
#[derive(Debug, Clone)]
struct Answering {
    answered_at: bool,
    /// None, blank, or a text.
    text: Option<&'static str>,
    answered_by: Option<&'static str>,
    /// None, an empty list, or a list with one answer dated or not.
    answers: Option<Vec<Value>>,
    status: Option<&'static str>,
}

impl Answering {
    /// The contract's definition, stated independently of the code under test.
    fn has_answer(&self) -> bool {
        self.answered_at
            || self.text.is_some_and(|t| !t.trim().is_empty())
            || self.answered_by.is_some()
            || self.answers.as_ref().is_some_and(|a| !a.is_empty())
            || self.status == Some("Ответ получен")
    }

    /// The first answer's date is known: given, or carried by the list of answers.
    fn dated(&self) -> bool {
        self.answered_at
            || self
                .answers
                .iter()
                .flatten()
                .any(|a| a.get("answered_at").is_some())
    }

    fn rejected(&self) -> bool {
        self.status == Some("Отклонено ГО")
    }

    fn to_json(&self, id: usize) -> Value {
        let mut record =
            json!({"id": id.to_string(), "addressee": ADDRESSEE, "submitted_at": "2022-08-01"});
        let map = record.as_object_mut().unwrap();
        if self.answered_at {
            map.insert("answered_at".into(), "2022-08-05".into());
        }
        if let Some(text) = self.text {
            map.insert("answer_text".into(), text.into());
        }
        if let Some(by) = self.answered_by {
            map.insert("answered_by".into(), by.into());
        }
        if let Some(answers) = &self.answers {
            map.insert("answers".into(), answers.clone().into());
        }
        if let Some(status) = self.status {
            map.insert("status".into(), status.into());
        }
        record
    }
}

fn answering() -> impl Strategy<Value = Answering> {
    (
        any::<bool>(),
        prop::sample::select(vec![None, Some(" "), Some("Решено.")]),
        prop::sample::select(vec![None, Some("Исабаев Б.Б."), Some("Управление ЖКХ")]),
        prop::sample::select(vec![
            None,
            Some(vec![]),
            Some(vec![json!({"text": "Рассмотрено."})]),
            Some(vec![json!({"answered_at": "2022-08-04"})]),
        ]),
        prop::sample::select(vec![
            None,
            Some("На рассмотрении"),
            Some("Ответ получен"),
            Some("Отклонено ГО"),
        ]),
    )
        .prop_map(
            |(answered_at, text, answered_by, answers, status)| Answering {
                answered_at,
                text,
                answered_by,
                answers,
                status,
            },
        )
}

fn csv(wd: &Workdir, args: &[&str]) -> Result<Vec<HashMap<String, String>>, TestCaseError> {
    Ok(parse_csv(&run_ok(wd, args)?))
}

proptest! {
    #![proptest_config(config())]

    /// Import a CSV of arbitrary records: every field is stored as the contract says. Export it
    /// as raw CSV and import that into a fresh database: every record comes back identical
    /// (only where it was read from differs).
    #[test]
    fn export_then_import_round_trips_every_record(records in records()) {
        let wd = Workdir::new();
        wd.write("in.csv", to_csv(&records));
        run_ok(&wd, &["--db", "one.db", "import", "appeals", "--source", "p", "--scraped-at",
                      "2022-09-01", "in.csv"])?;
        let first = export(&wd, "one.db")?;
        prop_assert_eq!(first.len(), records.len());
        for r in &records {
            let id = r.id.trim();
            let got = first.iter().find(|e| e["id"] == id);
            prop_assert!(got.is_some(), "no appeal {:?} in {:#?}", id, first);
            let got = got.unwrap();
            prop_assert_eq!(&got["addressee"], &stored(&r.addressee, true));
            prop_assert_eq!(&got["url"], &stored(&r.url, true));
            prop_assert_eq!(&got["submitted_at"], &Value::from(r.submitted.1.as_str()));
            prop_assert_eq!(&got["answered_at"],
                            &r.answered.as_ref().map_or(Value::Null, |a| a.1.as_str().into()));
            for (field, value) in TEXT_FIELDS.iter().zip(&r.texts) {
                prop_assert_eq!(&got[*field], &stored(value, false), "field {}", field);
            }
        }

        run_ok(&wd, &["--db", "one.db", "export", "appeals", "--raw", "--include-authors",
                      "--format", "csv", "--output", "out.csv"])?;
        run_ok(&wd, &["--db", "two.db", "import", "appeals", "--scraped-at", "2022-09-01",
                      "out.csv"])?;
        let second = export(&wd, "two.db")?;
        prop_assert_eq!(second.len(), first.len());
        for (a, b) in first.iter().zip(&second) {
            for (key, value) in a.as_object().unwrap() {
                if key != "source_file" && key != "source_line" {
                    prop_assert_eq!(value, &b[key], "{} of {}", key, a["id"]);
                }
            }
        }
    }

    /// A file of date strings, valid, near misses and garbage, imported with --skip-invalid:
    /// the importer never panics, every row is either imported or rejected, and every stored
    /// date is an ISO date in the years the contract allows.
    #[test]
    fn the_date_parser_never_panics(dates in prop::collection::vec(prop_oneof![
        "[^\\x00]{0,30}",
        "[0-9]{1,6}[-./ ,]{1,2}[0-9]{1,4}[-./ ,]{1,2}[0-9]{1,25}( [0-9]{1,3}:[0-9]{1,3}(:[0-9]{1,3})?)?",
        "(Понедельник, |Дүйсенбі, |mon, )?[0-9]{0,3} ?(октября|Окт|окт\\.|қазан|Oct|sept|мая|ж|г\\.|жылғы)? ?[0-9]{0,6}( г\\.| ж\\.| года)?(, [0-9]{1,2}:[0-9]{1,2})?",
        "[0-9]{4} жылғы [0-9]{1,3} (қазан|тамыз|xyz)",
        "[0-9]{4}-[0-9]{1,3}-[0-9]{1,3}[T ][0-9]{1,2}:[0-9]{1,2}(:[0-9]{1,2}(\\.[0-9]{1,12})?)?([+-][0-9]{1,2}:?[0-9]{0,2}|Z)?",
        "[٠-٩０-９0-9]{1,4}[.-][٠-٩０-９0-9]{1,2}[.-][٠-٩０-９0-9]{1,4}",
        date().prop_map(|(written, _)| written),
    ], 50..100)) {
        let wd = Workdir::new();
        let mut out = csv::Writer::from_writer(Vec::new());
        out.write_record(["id", "addressee", "date", "answered_at"]).unwrap();
        for (i, d) in dates.iter().enumerate() {
            out.write_record([&format!("s{i}"), "A", d.as_str(), ""]).unwrap();
            out.write_record([&format!("a{i}"), "A", "2022-08-01", d.as_str()]).unwrap();
        }
        wd.write("dates.csv", out.into_inner().unwrap());
        let args = ["import", "appeals", "--skip-invalid", "--rejects", "rejects.csv", "dates.csv"];
        let output = wd.run(&args);
        prop_assert!(output.status.success(), "{}", describe(&args, &output));
        let stderr = String::from_utf8_lossy(&output.stderr);
        let n = 2 * dates.len();
        let line = stderr.lines().find(|l| l.starts_with("dates.csv: ")).unwrap_or_default();
        let counts: Vec<usize> = line["dates.csv: ".len().min(line.len())..]
            .split(", ")
            .filter_map(|part| part.split(' ').next()?.parse().ok())
            .collect();
        prop_assert_eq!(counts.len(), 5, "{}", stderr);
        prop_assert_eq!(counts[0], n);
        prop_assert_eq!(counts[1] + counts[4], n, "inserted + rejected: {}", stderr);

        let stored = export(&wd, "test.db")?;
        prop_assert_eq!(stored.len(), counts[1]);
        let iso = |v: &Value| -> bool {
            let Some(s) = v.as_str() else { return v.is_null() };
            let b = s.as_bytes();
            let digits = |r: std::ops::Range<usize>| r.clone().all(|i| b.get(i).is_some_and(u8::is_ascii_digit));
            let year: i32 = s.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0);
            (1900..=2100).contains(&year)
                && digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)
                && match b.len() {
                    10 => true,
                    16 => b[10] == b' ' && digits(11..13) && b[13] == b':' && digits(14..16),
                    19 => b[10] == b' ' && digits(11..13) && digits(14..16) && b[16] == b':'
                        && digits(17..19),
                    _ => false,
                }
        };
        for e in &stored {
            prop_assert!(iso(&e["submitted_at"]) && !e["submitted_at"].is_null(), "{}", e);
            prop_assert!(iso(&e["answered_at"]), "{}", e);
        }
    }

    /// Scrape the appeals unanswered, then again with the generated answers: every report
    /// counts as answered exactly the appeals the definition does.
    #[test]
    fn every_figure_asks_the_one_question(appeals in prop::collection::vec(answering(), 1..12)) {
        let wd = Workdir::new();
        let before: Vec<Value> = (0..appeals.len())
            .map(|id| json!({"id": id.to_string(), "addressee": ADDRESSEE, "submitted_at": "2022-08-01"}))
            .collect();
        let after: Vec<Value> = appeals.iter().enumerate().map(|(id, a)| a.to_json(id)).collect();
        wd.write("before.json", Value::from(before).to_string());
        wd.write("after.json", Value::from(after).to_string());
        run_ok(&wd, &["import", "appeals", "--scraped-at", "2022-08-08", "before.json"])?;
        run_ok(&wd, &["import", "appeals", "--scraped-at", "2022-08-15", "after.json"])?;
        let answered: BTreeSet<String> = appeals
            .iter()
            .enumerate()
            .filter(|(_, a)| a.has_answer())
            .map(|(id, _)| id.to_string())
            .collect();

        // Routing: the answered share is the answered appeals' share.
        let routing = csv(&wd, &["report", "routing", "--as-of", AS_OF, "--format", "csv"])?;
        prop_assert_eq!(routing.len(), 1);
        let pct: f64 = routing[0]["answered_pct"].parse().unwrap();
        let n = appeals.len() as f64;
        prop_assert_eq!((pct * n / 100.0).round() as usize, answered.len(), "{:?}", routing);

        // Export: the answered column, the route and the deadline, appeal by appeal.
        let export = csv(&wd, &["export", "appeals", "--as-of", AS_OF])?;
        prop_assert_eq!(export.len(), appeals.len());
        for row in &export {
            let a = &appeals[row["id"].parse::<usize>().unwrap()];
            let has = a.has_answer();
            prop_assert_eq!(&row["answered"], if has { "true" } else { "false" }, "{:?} {:?}", a, row);
            if !a.rejected() {
                prop_assert_eq!(row["route"] == "unanswered", !has, "{:?} {:?}", a, row);
            }
            if has && !a.dated() {
                prop_assert_eq!(&row["overdue"], "", "answered on an unknown date: {:?}", a);
            }
            if !has && !a.rejected() {
                prop_assert_eq!(&row["overdue"], "true", "unanswered past its due date: {:?}", a);
            }
        }

        // History: `answered` for exactly the appeals that gained an answer.
        let changes = csv(&wd, &["report", "changes", "--format", "csv"])?;
        let gained: BTreeSet<String> = changes
            .iter()
            .filter(|c| c["change"] == "answered")
            .map(|c| c["id"].clone())
            .collect();
        prop_assert_eq!(&gained, &answered);

        // Check: an answer without a date, exactly where the date is unknown.
        let problems = csv(&wd, &["check", "--as-of", AS_OF, "--format", "csv"])?;
        let undated: BTreeSet<String> = problems
            .iter()
            .filter(|p| p["problem"] == "answer_without_date")
            .map(|p| p["id"].clone())
            .collect();
        let expected: BTreeSet<String> = appeals
            .iter()
            .enumerate()
            .filter(|(_, a)| a.has_answer() && !a.dated())
            .map(|(id, _)| id.to_string())
            .collect();
        prop_assert_eq!(undated, expected);
    }
}
