//! The portal's card shapes end to end: every shape's fixture page imported with `import
//! pages` and each appeal's route and reason asserted; the placeholder sentences giving one
//! appeal the same status, route, rejection date and deadline from CSV, JSON, JSON Lines and
//! pages; an answers block of no card refused with nothing imported; and `--probe`.

use std::collections::HashMap;

use serde_json::Value;

use crate::common::Workdir;
use crate::common::http_server::Server;

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
        "questions-3.html",
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
        // The Kazakh interface.
        (
            "740100",
            "forwarded",
            "answered_by",
            "Жетісу облысының білім басқармасы".into(),
        ),
        ("740050", "personal", "answered_by", "Исабаев Б.Б.".into()),
        ("740010", "unanswered", "no_answer", Value::Null),
    ] {
        let got = &rows[id];
        assert_eq!(
            (&got["route"], &got["route_reason"], &got["answered_by"]),
            (&Value::from(route), &Value::from(reason), &answered_by),
            "{id}: {got:#}"
        );
    }
    assert_eq!(rows.len(), 11);
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

/// A test server with the fixture blog's welcome page, a questions page and a posts page.
fn probe_server(questions: impl Into<Vec<u8>>) -> Server {
    let server = Server::start();
    server
        .page(
            "/robots.txt",
            "User-agent: *\nDisallow: /blogs/all-questions/\nCrawl-delay: 0\n",
        )
        .page("/blogs/2719746/welcome", fixture("welcome.html"))
        .page("/blogs/2719746/questions?page=1", questions)
        .page("/blogs/2719746/posts?page=1", fixture("posts-1.html"));
    server
}

#[test]
fn fetch_probe_tells_what_it_recognised_and_imports_nothing() {
    let wd = Workdir::new();
    let server = probe_server(fixture("questions-text-after-facts.html"));
    let out = wd.ok(&[
        "fetch",
        "--probe",
        "--base-url",
        &server.base_url,
        "--archive",
        "arch",
        "2719746",
    ]);
    for line in [
        "/robots.txt: read; 0.0 s between requests",
        "/blogs/2719746/welcome (in arch/probe-2719746-",
        "  owner: Исабаев Бейбит Бакирович",
        "  position: Аким области Жетысу",
        "  page: questions",
        "  totalPages: 5",
        "  cards: 3 appeals (0 placeholders, 1 copies, 0 without a link)",
        "  answers blocks: 2 tied, 0 untied",
        "  answer to 766001: Управление образования области Жетысу on 12.01.2023, 11:40",
        "  answer to 749022/2: Исабаев Б.Б. on 09.01.2023",
        "  page: posts",
        "everything on these pages was placed",
    ] {
        assert!(out.contains(line), "{line:?} in\n{out}");
    }
    assert!(!out.contains("NOT PLACED"), "{out}");
    // Politely: robots.txt and the three pages, never an appeal's own page; nothing imported.
    let paths = server.paths();
    assert!(
        paths.iter().all(|p| !p.contains("all-questions")),
        "{paths:?}"
    );
    assert_eq!(server.count("/blogs/2719746/questions?page=1"), 1);
    assert!(!wd.path("test.db").exists());
    let archives: Vec<_> = std::fs::read_dir(wd.path("arch"))
        .unwrap()
        .flatten()
        .collect();
    assert_eq!(archives.len(), 1);
    // A probe's archive is no scrape: importing the folder leaves it out, naming it imports it.
    let err = wd.fails(&["import", "pages", "arch"], 1);
    assert!(err.contains("no pages found in arch"), "{err}");
    let probe = archives[0].path();
    wd.ok(&["import", "pages", &probe.display().to_string()]);
    assert!(wd.path("test.db").exists());
}

#[test]
fn fetch_probe_of_a_page_not_placed_exits_1_and_names_the_archive() {
    let wd = Workdir::new();
    let server = probe_server(untied_page());
    let output = wd.run(&[
        "fetch",
        "--probe",
        "--base-url",
        &server.base_url,
        "--archive",
        "arch",
        "2719746",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let out = String::from_utf8_lossy(&output.stdout);
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(out.contains("  answers blocks: 1 tied, 1 untied"), "{out}");
    assert!(
        out.contains("  NOT PLACED: answers block 749023 belongs to no card"),
        "{out}"
    );
    assert!(out.contains("1 parts were not placed"), "{out}");
    assert!(err.contains("send arch/probe-2719746-"), "{err}");
    assert!(!wd.path("test.db").exists());
}

#[test]
fn import_pages_probe_reads_saved_pages_without_the_network() {
    let wd = Workdir::new();
    wd.write(
        "good/placeholders.html",
        fixture("questions-placeholders.html"),
    );
    wd.write("good/appeal.html", fixture("appeal-saved-b.html"));
    let out = wd.ok(&["import", "pages", "--probe", "good"]);
    for line in [
        "  cards: 3 appeals (3 placeholders, 0 copies, 2 without a link)",
        "  page: an appeal's own page",
        "  answer to 765801: Управление энергетики и жилищно-коммунального хозяйства области Жетысу on 23.09.2022, 16:15",
        "everything on these pages was placed",
    ] {
        assert!(out.contains(line), "{line:?} in\n{out}");
    }
    assert!(!wd.path("test.db").exists());
    wd.write("bad.html", untied_page());
    let err = wd.fails(&["import", "pages", "--probe", "bad.html"], 1);
    assert!(err.contains("send bad.html"), "{err}");
    // A probe stores nothing: flags that say how to store are wrong usage, as is a probe of
    // files of records.
    wd.fails(&["import", "pages", "--probe", "--snapshot", "bad.html"], 2);
    wd.fails(&["import", "appeals", "--probe", "bad.html"], 2);
    assert!(!wd.path("test.db").exists());
}

#[test]
fn a_fetch_reads_placeholders_without_links_and_text_after_the_facts() {
    let wd = Workdir::new();
    let pages = |name: &str, page: u32| {
        String::from_utf8(fixture(name))
            .unwrap()
            .replace("totalPages: 5", "totalPages: 2")
            .replace("startPage: 5", &format!("startPage: {page}"))
            .replace("startPage: 4", &format!("startPage: {page}"))
    };
    let server = probe_server(pages("questions-text-after-facts.html", 1));
    server.page(
        "/blogs/2719746/questions?page=2",
        pages("questions-placeholders.html", 2),
    );
    wd.ok(&[
        "fetch",
        "--base-url",
        &server.base_url,
        "--archive",
        "arch",
        "2719746",
    ]);
    let rows = stored(&wd, "test.db");
    assert_eq!(rows.len(), 6, "{:?}", rows.keys());
    for (id, route) in [
        ("766001", "forwarded"),
        ("766002", "unanswered"),
        ("749022/2", "forwarded"),
        ("766158", "unanswered"),
        ("765990", "rejected"),
        ("765950", "rejected"),
    ] {
        assert_eq!(rows[id]["route"], Value::from(route), "{id}");
    }
    assert_eq!(
        rows["766001"]["text"],
        Value::from(
            "В школе №12 села Карабулак не работает отопление в двух классах, дети сидят в куртках."
        )
    );
}
