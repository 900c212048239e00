//! The portal's card shapes end to end: every shape's fixture page imported with `import
//! pages` and each appeal's route and reason asserted; the placeholder sentences giving one
//! appeal the same status, route, rejection date and deadline from CSV, JSON, JSON Lines and
//! pages; an answers block of no card refused with nothing imported; and `--probe`.

use std::collections::HashMap;

use serde_json::Value;

use crate::common::Workdir;

const OWNER: &str = "Исабаев Бейбит Бакирович";

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/portal/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Each stored appeal as `export appeals --raw` shows it, by id, with its extra columns.
fn stored(wd: &Workdir, db: &str) -> HashMap<String, Value> {
    let Value::Array(rows) =
        wd.json(&["--db", db, "export", "appeals", "--raw", "--format", "json"])
    else {
        panic!("export is no array");
    };
    rows.into_iter()
        .map(|mut row| {
            let id = row["id"].as_str().unwrap_or_default().to_string();
            let shown = wd.json(&["--db", db, "show", &id, "--format", "json"]);
            let shown = match shown {
                Value::Array(mut rows) => rows.remove(0),
                other => other,
            };
            row["extra"] = shown["extra"].clone();
            row["answers"] = shown["answers"].clone();
            (id, row)
        })
        .collect()
}

const SENTENCES: [(&str, &str, &str); 3] = [
    (
        "766158",
        "05.01.2023",
        "Обращение с регистрационным номером 766158, направленное в Блог Исабаева Б.Б., находится на рассмотрении у ГО",
    ),
    (
        "765990",
        "28.12.2022",
        "Обращение с регистрационным номером 765990, направленное в Блог Исабаева Б.Б., отклонено ГО 27.01.2023",
    ),
    (
        "765950",
        "20.12.2022",
        "Обращение с регистрационным номером 765950, направленное в Блог Исабаева Б.Б., отклонено ГО 27.01.2023",
    ),
];

#[test]
fn placeholder_sentences_count_alike_on_every_import_path() {
    let wd = Workdir::new();
    wd.write("placeholders.html", fixture("questions-placeholders.html"));
    wd.ok(&[
        "--db",
        "pages.db",
        "import",
        "pages",
        "--addressee",
        OWNER,
        "placeholders.html",
    ]);
    let mut csv = String::from("id,addressee,submitted_at,text\n");
    let mut jsonl = String::new();
    let mut json = Vec::new();
    for (id, submitted, text) in SENTENCES {
        csv.push_str(&format!("{id},{OWNER},{submitted},\"{text}\"\n"));
        let record = serde_json::json!({
            "id": id, "addressee": OWNER, "submitted_at": submitted, "text": text,
        });
        jsonl.push_str(&format!("{record}\n"));
        json.push(record);
    }
    wd.write("a.csv", &csv);
    wd.write("a.jsonl", &jsonl);
    wd.write("a.json", serde_json::to_string(&json).unwrap());
    let pages = stored(&wd, "pages.db");
    let want = [
        (
            "766158",
            "на рассмотрении",
            "unanswered",
            "no_answer",
            Value::Null,
        ),
        (
            "765990",
            "отклонено",
            "rejected",
            "status",
            "27.01.2023".into(),
        ),
        (
            "765950",
            "отклонено",
            "rejected",
            "status",
            "27.01.2023".into(),
        ),
    ];
    for (id, status, route, reason, _) in &want {
        let got = &pages[*id];
        assert_eq!(
            (&got["status"], &got["route"], &got["route_reason"]),
            (
                &Value::from(*status),
                &Value::from(*route),
                &Value::from(*reason)
            ),
            "pages {id}: {got:#}"
        );
    }
    for file in ["a.csv", "a.json", "a.jsonl"] {
        let db = format!("{file}.db");
        wd.ok(&["--db", &db, "import", "appeals", file]);
        let from_file = stored(&wd, &db);
        for (id, status, route, reason, rejected_at) in &want {
            let (page, got) = (&pages[*id], &from_file[*id]);
            for column in [
                "status",
                "route",
                "route_reason",
                "due_date",
                "overdue",
                "answered",
            ] {
                assert_eq!(got[column], page[column], "{file} {id} {column}");
            }
            assert_eq!(got["status"], Value::from(*status), "{file} {id}");
            assert_eq!(got["route"], Value::from(*route), "{file} {id}");
            assert_eq!(got["route_reason"], Value::from(*reason), "{file} {id}");
            let extra = |row: &Value| -> Value {
                serde_json::from_str::<Value>(row["extra"].as_str().unwrap_or("{}"))
                    .unwrap_or_default()["rejected_at"]
                    .clone()
            };
            assert_eq!(extra(got), *rejected_at, "{file} {id}");
            assert_eq!(extra(page), *rejected_at, "pages {id}");
        }
    }
}

#[test]
fn every_shape_imports_with_its_route() {
    let wd = Workdir::new();
    for name in [
        "questions-placeholders.html",
        "questions-text-after-facts.html",
        "appeal-saved-a.html",
        "appeal-saved-b.html",
    ] {
        wd.write(&format!("saved/{name}"), fixture(name));
    }
    wd.ok(&["import", "pages", "--addressee", OWNER, "saved"]);
    let rows = stored(&wd, "test.db");
    for (id, route, reason, answered_by) in [
        ("766158", "unanswered", "no_answer", Value::Null),
        ("765990", "rejected", "status", Value::Null),
        ("765950", "rejected", "status", Value::Null),
        (
            "766001",
            "forwarded",
            "answered_by",
            "Управление образования области Жетысу".into(),
        ),
        ("766002", "unanswered", "no_answer", Value::Null),
        (
            "749022/2",
            "forwarded",
            "answer_text",
            "Исабаев Б.Б.".into(),
        ),
        // Saved appeal pages: the earliest answer is the department's.
        (
            "765824",
            "forwarded",
            "answered_by",
            "Управление образования области Жетысу".into(),
        ),
        (
            "765801",
            "forwarded",
            "answered_by",
            "Управление энергетики и жилищно-коммунального хозяйства области Жетысу".into(),
        ),
    ] {
        let got = &rows[id];
        assert_eq!(
            (&got["route"], &got["route_reason"], &got["answered_by"]),
            (&Value::from(route), &Value::from(reason), &answered_by),
            "{id}: {got:#}"
        );
    }
    assert_eq!(rows.len(), 8);
    let whole = rows["765824"]["text"].as_str().unwrap_or_default();
    assert!(whole.ends_with("Прошу помочь."), "{whole}");
    assert!(!whole.contains("blog?."), "{whole}");
    let answers: Value = serde_json::from_str(rows["765824"]["answers"].as_str().unwrap_or("[]"))
        .unwrap_or_default();
    assert_eq!(answers.as_array().map(Vec::len), Some(2), "{answers}");
}

/// questions-text-after-facts.html with the copy's card now naming question 749024: the
/// answers block of 749023 belongs to no card.
fn untied_page() -> String {
    String::from_utf8(fixture("questions-text-after-facts.html"))
        .unwrap()
        .replace("showAnswers(1, 749023)", "showAnswers(1, 749024)")
        .replace("/blogs/all-questions/749023", "/blogs/all-questions/749024")
}

#[test]
fn an_answers_block_of_no_card_stops_the_import_and_imports_nothing() {
    let wd = Workdir::new();
    wd.write("good.html", fixture("questions-placeholders.html"));
    wd.write("untied.html", untied_page());
    let stderr = wd.fails(
        &[
            "import",
            "pages",
            "--addressee",
            OWNER,
            "good.html",
            "untied.html",
        ],
        1,
    );
    assert!(stderr.contains("untied.html"), "{stderr}");
    assert!(
        stderr.contains("answers block 749023 belongs to no card"),
        "{stderr}"
    );
    assert!(stderr.contains("layout may have changed"), "{stderr}");
    let stored = match wd.path("test.db").exists() {
        true => wd.ok(&["export", "appeals"]).lines().count(),
        false => 1,
    };
    assert_eq!(stored, 1, "nothing imported");
}
