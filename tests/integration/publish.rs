//! `export database`: the publishable copy. Planted identifiers and authors are nowhere in any
//! text of any table; file paths lose their folders; the copy is read-only and self-contained;
//! and Datasette (PyPI; skipped, saying so, where absent, a failure under CI) serves it with its
//! metadata on 127.0.0.1, its routing view and canned queries giving report routing's figures.

use std::collections::HashMap;
use std::process::{Child, Command, Stdio};

use crate::common::{self, Workdir, outside_tool, python_has, python_json};
use serde_json::Value;

/// Identifiers planted in the scrapes: none may appear in the copy.
const PLANTED: &[&str] = &[
    "900101300123",
    "851231450987",
    "+7 701 234 56 78",
    "8 (777) 123-45-67",
    "87019876543",
    "aigerim.s@mail.kz",
    "n.abenov@gmail.com",
    "4400 4301 2345 6789",
    "5169497123456789",
    "KZ86125KZT5004100100",
    "12345678901234567890",
    "Жанар Тулегенова",
    "Нурлан Абенов",
];

/// The bundled sample, then two scrapes of one more official's blog in which citizens wrote
/// identifiers everywhere a text goes: the appeal, the answer, a column matching no field, and
/// an answer that the second scrape edits (so the first lives on in the history tables).
fn published(extra: &[&str]) -> (Workdir, String) {
    let wd = Workdir::new();
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    wd.ok(&["--quiet", "audit", data, "--as-of", "2022-10-03"]);
    let header =
        "id,addressee,date,author,text,status,answered_at,answered_by,answer_text,телефон\n";
    let first = "\
p1,Исабаев Бейбит Бакирович,2022-09-01,Жанар Тулегенова,\"Мой ИИН 900101300123, звоните +7 701 234 56 78\",Ответ получен,2022-09-05,Исабаев Б.Б.,\"Ответим на aigerim.s@mail.kz, верните на карту 4400 4301 2345 6789\",8 (777) 123-45-67\n\
p2,Исабаев Бейбит Бакирович,2022-09-02,Нурлан Абенов,\"Счёт KZ86125KZT5004100100, ИИН 851231450987\",На рассмотрении,,,,87019876543\n\
p3,Исабаев Бейбит Бакирович,2022-09-03,Нурлан Абенов,Карта 5169497123456789 и счёт 12345678901234567890,Ответ получен,2022-09-04,Управление ЖКХ,Пишите n.abenov@gmail.com,\n";
    let second = first.replace(
        "Ответим на aigerim.s@mail.kz, верните на карту 4400 4301 2345 6789",
        "Вопрос решён.",
    );
    wd.write("scrapes/week36/appeals.csv", format!("{header}{first}"));
    wd.write("scrapes/week37/appeals.csv", format!("{header}{second}"));
    for (week, day) in [("week36", "2022-09-06"), ("week37", "2022-09-13")] {
        let file = wd.path(&format!("scrapes/{week}/appeals.csv"));
        wd.ok(&[
            "--quiet",
            "import",
            "appeals",
            "--scraped-at",
            day,
            file.to_str().unwrap(),
        ]);
    }
    let stderr = wd.command(&[&["export", "database", "--output", "public.db"], extra].concat());
    let output = { stderr }.output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        common::describe(&[], &output)
    );
    (wd, String::from_utf8_lossy(&output.stderr).into_owned())
}

/// Every text value of every column of every table of the copy.
fn texts(wd: &Workdir) -> Vec<(String, String, String)> {
    let conn = rusqlite::Connection::open_with_flags(
        wd.path("public.db"),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut found = Vec::new();
    for table in tables {
        let columns: Vec<String> = conn
            .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        for column in columns {
            let sql =
                format!("SELECT \"{column}\" FROM \"{table}\" WHERE typeof(\"{column}\") = 'text'");
            let mut stmt = conn.prepare(&sql).unwrap();
            for value in stmt.query_map([], |r| r.get::<_, String>(0)).unwrap() {
                found.push((table.clone(), column.clone(), value.unwrap()));
            }
        }
    }
    found
}

/// No text of the copy holds any of `planted`.
fn none_left(texts: &[(String, String, String)], planted: &[&str]) {
    for (table, column, value) in texts {
        for planted in planted {
            assert!(
                !value.contains(planted),
                "{table}.{column} holds {planted:?}: {value}"
            );
        }
    }
}

/// Some value of `table.column` holds `what`.
fn holds(texts: &[(String, String, String)], table: &str, column: &str, what: &str) -> bool {
    texts
        .iter()
        .any(|(t, c, v)| t == table && c == column && v.contains(what))
}

#[test]
fn no_planted_identifier_author_or_folder_is_left_in_any_text() {
    let (wd, stderr) = published(&[]);
    assert!(!stderr.contains("warning"), "{stderr}");
    let texts = texts(&wd);
    assert!(
        texts.len() > 1000,
        "the copy holds the sample: {}",
        texts.len()
    );
    let folder = wd.root().to_str().unwrap().to_string();
    let planted: Vec<&str> = PLANTED
        .iter()
        .copied()
        .chain([folder.as_str(), "scrapes/"])
        .collect();
    none_left(&texts, &planted);
    // The masks are where the identifiers were, in the current values and the history alike.
    let holds = |table: &str, column: &str, what: &str| holds(&texts, table, column, what);
    assert!(holds("appeals", "text", "Мой ИИН [IIN], звоните [PHONE]"));
    assert!(holds("appeals", "extra", "[PHONE]"));
    assert!(holds("appeal_versions", "record", "[EMAIL]"));
    assert!(holds("appeal_versions", "record", "[ACCOUNT]"));
    assert!(holds("changes", "before", "Ответим на [EMAIL]"));
    assert!(holds("appeals", "source_file", "appeals.csv"));
}

#[test]
fn the_copy_is_read_only_self_contained_and_keeps_the_views() {
    let (wd, _) = published(&[]);
    let path = wd.path("public.db");
    assert!(std::fs::metadata(&path).unwrap().permissions().readonly());
    assert!(!wd.path("public.db-wal").exists());
    let conn =
        rusqlite::Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "delete", "no -wal or -shm needed to read it");
    let authors: i64 = conn
        .query_row("SELECT count(author) FROM appeals", [], |r| r.get(0))
        .unwrap();
    assert_eq!(authors, 0);
    let appeals: i64 = conn
        .query_row("SELECT sum(appeals) FROM routing", [], |r| r.get(0))
        .unwrap();
    assert_eq!(appeals, 61 + 3, "the sample and the planted scrape");
    // Reports read the copy as they read any database.
    let routing = wd.json(&[
        "--db",
        "public.db",
        "report",
        "routing",
        "--as-of",
        "2022-10-03",
        "--format",
        "json",
    ]);
    assert_eq!(routing.as_array().unwrap().len(), 4);
}

#[test]
fn authors_and_raw_texts_only_on_request_each_with_a_warning() {
    let (wd, stderr) = published(&["--include-authors", "--raw-texts"]);
    assert!(stderr.contains("warning: --include-authors"), "{stderr}");
    assert!(stderr.contains("warning: --raw-texts"), "{stderr}");
    let texts = texts(&wd);
    let holds = |what: &str| texts.iter().any(|(_, _, v)| v.contains(what));
    assert!(holds("Жанар Тулегенова"));
    assert!(holds("900101300123"));
    assert!(
        !holds("scrapes/"),
        "file names lose their folders all the same"
    );
}

#[test]
fn export_database_needs_an_output_and_never_overwrites_the_database() {
    let wd = Workdir::new();
    wd.write("a.csv", "id,addressee,date\n1,Аким,2022-09-01\n");
    wd.ok(&["import", "appeals", "a.csv"]);
    let error = wd.fails(&["export", "database"], 2);
    assert!(error.contains("--output FILE"), "{error}");
    let error = wd.fails(&["export", "database", "--output", "test.db"], 2);
    assert!(error.contains("the database itself"), "{error}");
    let error = wd.fails(&["export", "database", "--output", "p.db", "--redact"], 2);
    assert!(error.contains("do not apply"), "{error}");
    assert!(!wd.path("p.db").exists());
}

/// Datasette on a free port of 127.0.0.1, stopped when the test ends.
struct Datasette(Child);

impl Drop for Datasette {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// GETs each path from the server (waiting for it to start) and prints the JSON bodies.
const FETCH: &str = r#"
import json, sys, time, urllib.request
base, paths = sys.argv[1], sys.argv[2:]
deadline = time.time() + 60
while True:
    try:
        urllib.request.urlopen(base + "/-/versions.json", timeout=5).read()
        break
    except Exception:
        if time.time() > deadline:
            raise
        time.sleep(0.3)
print(json.dumps([json.loads(urllib.request.urlopen(base + p, timeout=30).read()) for p in paths]))
"#;

fn by(rows: &Value, key: &str) -> HashMap<String, Value> {
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| (r[key].as_str().unwrap().to_string(), r.clone()))
        .collect()
}

fn same_figures(got: &Value, want: &Value, key: &str, columns: &[&str], what: &str) {
    let (got, want) = (by(got, key), by(want, key));
    assert_eq!(got.len(), want.len(), "{what}: rows");
    for (name, row) in &want {
        for column in columns {
            let mut value = got[name][column].as_f64();
            // The routing view (schema 4) sums no rating to NULL where the report says 0.
            if what == "routing view" && *column == "unsatisfied" {
                value = value.or(Some(0.0));
            }
            assert_eq!(value, row[column].as_f64(), "{what}: {name}, {column}");
        }
    }
}

#[test]
fn datasette_serves_the_copy_with_the_reports_figures() {
    if !outside_tool(
        "Datasette",
        "python3 -m pip install datasette",
        python_has(&["datasette"]),
    ) {
        return;
    }
    let (wd, _) = published(&[]);
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let _server = Datasette(
        Command::new("python3")
            .args(["-m", "datasette", "serve", "--immutable", "public.db"])
            .args(["--metadata", "public.metadata.json", "--host", "127.0.0.1"])
            .args(["--port", &port.to_string()])
            .current_dir(wd.root())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let (akim, since, until) = ("Бекболатов Ерлан Сапарович", "2022-08-01", "2022-08-31");
    let filtered = format!("addressee={akim}&since={since}&until={until}")
        .replace(' ', "%20")
        .bytes()
        .map(|b| {
            if b.is_ascii() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect::<String>();
    let paths = [
        "/-/metadata.json".to_string(),
        "/public.json?_shape=array&sql=select+*+from+routing".to_string(),
        "/public/routing.json?_shape=array".to_string(),
        format!("/public/routing.json?_shape=array&{filtered}"),
        "/public/forwards.json?_shape=array".to_string(),
        "/public/silence.json?_shape=array&until=2022-10-03".to_string(),
    ];
    let base = format!("http://127.0.0.1:{port}");
    let args: Vec<&str> = std::iter::once(base.as_str())
        .chain(paths.iter().map(String::as_str))
        .collect();
    let got = python_json(FETCH, &args);

    assert_eq!(
        got[0]["title"], "Appeals to officials",
        "the metadata is served"
    );
    // The view counts every appeal whatever the date, and so do these columns of the report.
    let report = |args: &[&str]| {
        wd.json(
            &[
                &["report"],
                args,
                &["--as-of", "2022-10-03", "--format", "json"],
            ]
            .concat(),
        )
    };
    let routing = report(&["routing"]);
    let counts = [
        "appeals",
        "personal",
        "forwarded",
        "unanswered",
        "unknown",
        "rejected",
        "personal_pct",
        "forwarded_pct",
        "unsatisfied",
    ];
    same_figures(&got[1], &routing, "addressee", &counts, "routing view");
    let canned = [&counts[..], &["answered_pct", "vanished"]].concat();
    same_figures(&got[2], &routing, "addressee", &canned, "routing query");
    let one = report(&[
        "routing",
        "--addressee",
        akim,
        "--since",
        since,
        "--until",
        until,
    ]);
    assert!(one[0]["appeals"].as_i64().unwrap() > 0);
    same_figures(
        &got[3],
        &one,
        "addressee",
        &canned,
        "routing query, filtered",
    );

    // Forwards: one row per addressee and target.
    let keyed = |rows: &Value| -> Value {
        rows.as_array()
            .unwrap()
            .iter()
            .map(|r| {
                let key = format!("{} → {}", r["addressee"], r["forwarded_to"]);
                serde_json::json!({ "key": key, "appeals": r["appeals"] })
            })
            .collect()
    };
    let forwards = report(&["forwards"]);
    same_figures(
        &keyed(&got[4]),
        &keyed(&forwards),
        "key",
        &["appeals"],
        "forwards",
    );

    // Silence as of the same day, in the same order.
    let silence = report(&["silence"]);
    let columns = [
        "name",
        "kind",
        "last_post",
        "days_since",
        "posts_30d",
        "status",
        "reposts_30d",
    ];
    let pick = |rows: &Value| -> Vec<Vec<Value>> {
        rows.as_array()
            .unwrap()
            .iter()
            .map(|r| columns.iter().map(|c| r[c].clone()).collect())
            .collect()
    };
    assert_eq!(pick(&got[5]), pick(&silence), "silence query");
}

#[test]
fn the_metadata_describes_every_column_of_every_table_and_view() {
    let (wd, _) = published(&[]);
    let metadata: Value = serde_json::from_slice(&wd.read("public.metadata.json")).unwrap();
    let tables = &metadata["databases"]["public"]["tables"];
    let conn = rusqlite::Connection::open_with_flags(
        wd.path("public.db"),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT m.name, p.name FROM sqlite_schema m, pragma_table_info(m.name) p \
             WHERE m.type IN ('table', 'view')",
        )
        .unwrap();
    let columns: Vec<(String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(columns.len() > 100);
    for (table, column) in &columns {
        let text = tables[table]["columns"][column].as_str().unwrap_or("");
        assert!(
            !text.is_empty() && text != "Not described.",
            "{table}.{column} is not described"
        );
    }
    for view in ["routing", "forwards", "silence"] {
        assert!(tables[view]["description"].as_str().unwrap().len() > 40);
        let query = &metadata["databases"]["public"]["queries"][view]["sql"];
        for parameter in [":addressee", ":since", ":until"] {
            assert!(query.as_str().unwrap().contains(parameter), "{view}");
        }
    }
    for field in ["source", "source_url", "license", "license_url"] {
        assert_eq!(
            metadata[field], "",
            "{field}: left for the publisher to fill in"
        );
    }
    assert!(
        metadata["description"]
            .as_str()
            .unwrap()
            .contains("15 working days")
    );
}

/// Issue 22: landlines the Kazakh way, an account after KZ and the citizen's own first name and
/// patronymic in the answer addressed to them were left in the published copy and in
/// `export --redact`; dates, registration numbers and sums around them must stay.
#[test]
fn landlines_kz_accounts_and_the_authors_own_name_are_masked_everywhere() {
    let wd = Workdir::new();
    let header = "id,addressee,date,author,text,answered_at,answered_by,answer_text\n";
    let first = "\
g1,Исабаев Бейбит Бакирович,2022-09-01,Ахметова Гульнара Маратовна,\"Звоните 8 (7282) 24-11-05 или +7 (7282) 24-11-05, счёт KZ12345678901234567890, обращение № 765824 от 05.09.2022 на 150 000 тенге\",2022-09-05,Исабаев Б.Б.,\"Гульнара Маратовна, ваш вопрос решён. Ахметовой Г.М. перезвоним на 87282241105\"\n";
    let second = first.replace(
        "Гульнара Маратовна, ваш вопрос решён. Ахметовой Г.М. перезвоним на 87282241105",
        "Құрметті Гульнара Маратовна, сұрағыңыз шешілді",
    );
    for (week, day, scrape) in [
        ("week36", "2022-09-06", first),
        ("week37", "2022-09-13", second.as_str()),
    ] {
        let name = format!("{week}.csv");
        wd.write(&name, format!("{header}{scrape}"));
        wd.ok(&["--quiet", "import", "appeals", "--scraped-at", day, &name]);
    }
    let planted = [
        "24-11-05",
        "87282241105",
        "KZ12345678901234567890",
        "Гульнара",
        "Маратовна",
        "Ахметов",
    ];
    // The export, redacted.
    let rows = wd.csv_rows(&["export", "appeals", "--redact", "--raw"]);
    assert_eq!(rows.len(), 1);
    for column in ["text", "answer_text"] {
        for value in planted {
            assert!(
                !rows[0][column].contains(value),
                "{column}: {}",
                rows[0][column]
            );
        }
    }
    assert_eq!(
        rows[0]["text"],
        "Звоните [PHONE] или [PHONE], счёт [ACCOUNT], обращение № 765824 от 05.09.2022 на 150 000 тенге"
    );
    assert_eq!(
        rows[0]["answer_text"],
        "Құрметті [NAME] [NAME], сұрағыңыз шешілді"
    );
    // The published copy: current values, versions and changes alike.
    wd.ok(&["export", "database", "--output", "public.db"]);
    let texts = texts(&wd);
    none_left(&texts, &planted);
    let holds = |table: &str, column: &str, what: &str| holds(&texts, table, column, what);
    assert!(holds(
        "appeals",
        "text",
        "№ 765824 от 05.09.2022 на 150 000"
    ));
    assert!(holds(
        "appeal_versions",
        "record",
        "[NAME] [NAME], ваш вопрос решён"
    ));
    assert!(holds(
        "changes",
        "before",
        "[NAME] Г.М. перезвоним на [PHONE]"
    ));
    assert!(holds("changes", "after", "Құрметті [NAME] [NAME]"));
}
