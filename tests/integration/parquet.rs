//! Parquet exports read by DuckDB, as an analyst would: plain and partitioned by year and by
//! addressee, the counts by addressee and route equal to `report routing`'s, and every column
//! of the type it should have. Skips, saying so, where DuckDB (PyPI) is absent; under CI that
//! is a failure.

use std::collections::BTreeMap;

use crate::common::{Workdir, outside_tool, python_has, python_json};

/// Two officials over two years; one answered by the directory's department, one forwarded
/// by status, one rejected, one with no answerer, and a vanished-free history.
fn audited() -> Workdir {
    let wd = Workdir::new();
    wd.write(
        "directory.csv",
        "name,kind,position\n\
         Исабаев Бейбит Бакирович,official,Аким области Жетысу\n\
         Сапарова Дана Ерлановна,official,Заместитель акима\n\
         Управление ЖКХ,department,\n",
    );
    wd.write(
        "appeals.csv",
        "id,addressee,date,status,answered_at,answered_by,text,rating\n\
         1,Исабаев Бейбит Бакирович,2021-12-30 10:15,Ответ получен,2022-01-05,Исабаев Б.Б.,Свет,1\n\
         2,Исабаев Бейбит Бакирович,2022-01-10,Ответ получен,2022-01-12,Управление ЖКХ,Вода,5\n\
         3,Исабаев Бейбит Бакирович,2022-02-01,Перенаправлено,,,Дорога,\n\
         4,Исабаев Бейбит Бакирович,2022-03-01,Отклонено ГО,,,=1+1,\n\
         5,Сапарова Дана Ерлановна,2021-06-01,Ответ получен,2021-06-20,,Школа,\n\
         6,Сапарова Дана Ерлановна,2022-05-05,На рассмотрении,,,Садик,\n\
         7,Сапарова Дана Ерлановна,2022-05-06,Ответ получен,2022-05-07,Сапарова Д.Е.,Парк,\n",
    );
    wd.write(
        "posts.csv",
        "department,date,repost\nУправление ЖКХ,2022-09-30,да\nУправление ЖКХ,2021-09-30,нет\n",
    );
    wd.ok(&["import", "directory", "directory.csv"]);
    wd.ok(&["import", "appeals", "appeals.csv"]);
    wd.ok(&["import", "posts", "posts.csv"]);
    wd
}

/// Counts by official and route from the Parquet files at a glob, and each column's type.
const DUCKDB_READ: &str = r#"
import duckdb, json, sys
glob, hive, name = sys.argv[1], sys.argv[2] == "hive", sys.argv[3]
source = f"read_parquet('{glob}', hive_partitioning={'true' if hive else 'false'})"
con = duckdb.connect()
counts = con.execute(f"select {name}, route, count(*) from {source} group by all").fetchall()
types = con.execute(f"describe select * from {source}").fetchall()
rows = con.execute(f"select count(*) from {source}").fetchone()[0]
print(json.dumps({"counts": [[a, r, n] for a, r, n in counts],
                  "types": {c[0]: c[1] for c in types}, "rows": rows}))
"#;

/// Whether DuckDB for Python is there (`outside_tool`: a failure under CI where it is not).
fn duckdb() -> bool {
    outside_tool(
        "DuckDB for Python",
        "python3 -m pip install duckdb",
        python_has(&["duckdb"]),
    )
}

/// The audited folder after `export ARGS...`, or None (saying so) where DuckDB is absent.
fn exported(args: &[&str]) -> Option<Workdir> {
    if !duckdb() {
        return None;
    }
    let wd = audited();
    wd.ok(&[&["export"], args].concat());
    Some(wd)
}

/// `report routing`'s counts by (addressee, route).
fn routing_counts(wd: &Workdir) -> BTreeMap<(String, String), i64> {
    let routing = wd.json(&[
        "report",
        "routing",
        "--as-of",
        "2022-10-03",
        "--format",
        "json",
    ]);
    let mut counts = BTreeMap::new();
    for row in routing.as_array().unwrap() {
        for route in ["personal", "forwarded", "unanswered", "unknown", "rejected"] {
            let n = row[route].as_i64().unwrap();
            if n > 0 {
                let addressee = row["addressee"].as_str().unwrap().to_string();
                counts.insert((addressee, route.to_string()), n);
            }
        }
    }
    counts
}

fn duckdb_counts(read: &serde_json::Value) -> BTreeMap<(String, String), i64> {
    read["counts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let key = (c[0].as_str().unwrap().into(), c[1].as_str().unwrap().into());
            (key, c[2].as_i64().unwrap())
        })
        .collect()
}

#[test]
fn duckdb_reads_the_plain_export_with_each_column_typed() {
    let Some(wd) = exported(&[
        "appeals",
        "--format",
        "parquet",
        "--output",
        "appeals.parquet",
    ]) else {
        return;
    };
    let path = wd.path("appeals.parquet");
    let read = python_json(DUCKDB_READ, &[path.to_str().unwrap(), "plain", "official"]);
    assert_eq!(duckdb_counts(&read), routing_counts(&wd));
    assert_eq!(read["rows"], 7);
    let expected = [
        ("id", "VARCHAR"),
        ("addressee", "VARCHAR"),
        ("submitted_at", "TIMESTAMP"),
        ("source", "VARCHAR"),
        ("addressee_position", "VARCHAR"),
        ("category", "VARCHAR"),
        ("title", "VARCHAR"),
        ("text", "VARCHAR"),
        ("status", "VARCHAR"),
        ("answered_at", "TIMESTAMP"),
        ("answered_by", "VARCHAR"),
        ("answer_text", "VARCHAR"),
        ("forwarded_to", "VARCHAR"),
        ("url", "VARCHAR"),
        ("rating", "VARCHAR"),
        ("scraped_at", "TIMESTAMP"),
        ("route", "VARCHAR"),
        ("route_reason", "VARCHAR"),
        ("days_to_answer", "BIGINT"),
        ("due_date", "DATE"),
        ("overdue", "BOOLEAN"),
        ("first_seen", "TIMESTAMP"),
        ("last_seen", "TIMESTAMP"),
        ("vanished", "TIMESTAMP"),
        ("source_file", "VARCHAR"),
        ("source_line", "BIGINT"),
        ("official", "VARCHAR"),
        ("route_target", "VARCHAR"),
        ("answered", "BOOLEAN"),
    ];
    let types: Vec<(String, String)> = read["types"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(c, t)| (c.clone(), t.as_str().unwrap().to_string()))
        .collect();
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(c, t)| (c.to_string(), t.to_string()))
        .collect();
    assert_eq!(types, expected, "no author without --include-authors");
}

#[test]
fn values_keep_their_types_and_the_route_is_dictionary_encoded_in_zstd() {
    let Some(wd) = exported(&[
        "appeals",
        "--format",
        "parquet",
        "--output",
        "a.parquet",
        "--as-of",
        "2022-10-03",
    ]) else {
        return;
    };
    let script = r#"
import duckdb, json, sys
con = duckdb.connect()
row = con.execute(f"select submitted_at::varchar, answered_at::varchar, days_to_answer, due_date::varchar, overdue, text from '{sys.argv[1]}' where id = '5'").fetchone()
timed = con.execute(f"select submitted_at::varchar from '{sys.argv[1]}' where id = '1'").fetchone()[0]
late = con.execute(f"select overdue from '{sys.argv[1]}' where id = '6'").fetchone()[0]
meta = con.execute(f"select path_in_schema, encodings, compression from parquet_metadata('{sys.argv[1]}')").fetchall()
print(json.dumps({"row": list(row), "timed": timed, "late": late, "meta": {m[0]: [m[1], m[2]] for m in meta}}))
"#;
    let read = python_json(script, &[wd.path("a.parquet").to_str().unwrap()]);
    // Submitted 1 June 2021, under the old law: due 15 calendar days on, answered on the 20th.
    assert_eq!(
        read["row"],
        serde_json::json!([
            "2021-06-01 00:00:00",
            "2021-06-20 00:00:00",
            19,
            "2021-06-16",
            true,
            "Школа"
        ]),
        "a date without a time is midnight"
    );
    assert_eq!(read["timed"], "2021-12-30 10:15:00");
    assert_eq!(read["late"], true, "unanswered since May, as of October");
    let route = &read["meta"]["route"];
    assert!(
        route[0].as_str().unwrap().contains("RLE_DICTIONARY"),
        "{route}"
    );
    assert_eq!(route[1], "ZSTD");
    assert_eq!(
        read["meta"]["text"][1], "ZSTD",
        "every column is compressed"
    );
}

#[test]
fn duckdb_reads_partitions_by_year_and_by_addressee() {
    let Some(wd) = exported(&[
        "appeals",
        "--format",
        "parquet",
        "--partition-by",
        "year",
        "--output",
        "by-year",
    ]) else {
        return;
    };
    assert!(wd.path("by-year/year=2021/part-0.parquet").is_file());
    assert!(wd.path("by-year/year=2022/part-0.parquet").is_file());
    let glob = wd.path("by-year/*/*.parquet");
    let read = python_json(DUCKDB_READ, &[glob.to_str().unwrap(), "hive", "official"]);
    assert_eq!(duckdb_counts(&read), routing_counts(&wd));
    assert_eq!(
        read["types"]["year"], "BIGINT",
        "the year comes from the folder"
    );

    wd.ok(&[
        "export",
        "appeals",
        "--format",
        "parquet",
        "--partition-by",
        "addressee",
        "--output",
        "by-official",
    ]);
    assert!(
        wd.path("by-official/official=Исабаев Бейбит Бакирович/part-0.parquet")
            .is_file()
    );
    let glob = wd.path("by-official/*/*.parquet");
    let read = python_json(DUCKDB_READ, &[glob.to_str().unwrap(), "hive", "official"]);
    assert_eq!(duckdb_counts(&read), routing_counts(&wd));
    assert_eq!(read["rows"], 7);

    // Written whole or not at all: an existing folder is never overwritten or merged into.
    let error = wd.fails(
        &[
            "export",
            "appeals",
            "--format",
            "parquet",
            "--partition-by",
            "year",
            "--output",
            "by-year",
        ],
        1,
    );
    assert!(error.contains("by-year exists"), "{error}");
}

/// An export by year reads one year at a time; the report's filters still apply within it.
#[test]
fn partitions_by_year_keep_the_date_filters() {
    let Some(wd) = exported(&[
        "appeals",
        "--format",
        "parquet",
        "--partition-by",
        "year",
        "--since",
        "2022-01-01",
        "--output",
        "since-2022",
    ]) else {
        return;
    };
    let years: Vec<String> = std::fs::read_dir(wd.path("since-2022"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(years, ["year=2022"]);
    let everything = wd.json(&[
        "export",
        "appeals",
        "--format",
        "json",
        "--since",
        "2022-01-01",
    ]);
    let glob = wd.path("since-2022/*/*.parquet");
    let read = python_json(DUCKDB_READ, &[glob.to_str().unwrap(), "hive", "official"]);
    assert_eq!(read["rows"], 5, "appeals 2, 3, 4, 6 and 7");
    assert_eq!(read["rows"], everything.as_array().unwrap().len());
}

#[test]
fn posts_export_with_types_and_partitions() {
    let Some(wd) = exported(&[
        "posts",
        "--format",
        "parquet",
        "--partition-by",
        "year",
        "--output",
        "posts",
    ]) else {
        return;
    };
    let script = r#"
import duckdb, json, sys
con = duckdb.connect()
rows = con.execute(f"select year, published_at::varchar, repost from read_parquet('{sys.argv[1]}', hive_partitioning=true) order by 2").fetchall()
types = {c[0]: c[1] for c in con.execute(f"describe select * from read_parquet('{sys.argv[1]}', hive_partitioning=true)").fetchall()}
print(json.dumps({"rows": [list(r) for r in rows], "types": types}))
"#;
    let read = python_json(script, &[wd.path("posts/*/*.parquet").to_str().unwrap()]);
    assert_eq!(
        read["rows"],
        serde_json::json!([
            [2021, "2021-09-30 00:00:00", false],
            [2022, "2022-09-30 00:00:00", true]
        ])
    );
    assert_eq!(read["types"]["published_at"], "TIMESTAMP");
    assert_eq!(read["types"]["repost"], "BOOLEAN");
    assert_eq!(read["types"]["source_line"], "BIGINT");
}

#[test]
fn parquet_needs_an_output_path_and_refuses_csv_only_options() {
    let wd = audited();
    let error = wd.fails(&["export", "appeals", "--format", "parquet"], 2);
    assert!(error.contains("--output"), "{error}");
    let error = wd.fails(
        &[
            "export",
            "appeals",
            "--format",
            "parquet",
            "--excel",
            "--output",
            "a.parquet",
        ],
        2,
    );
    assert!(error.contains("--excel"), "{error}");
    assert!(!wd.path("a.parquet").exists());
    let error = wd.fails(&["export", "appeals", "--partition-by", "year"], 2);
    assert!(
        error.contains("--partition-by is for --format parquet"),
        "{error}"
    );
}

/// The query after `-- duckdb: NAME` in docs/scale.md, as written there.
fn documented_query(name: &str) -> String {
    let doc = include_str!("../../docs/scale.md");
    let start = doc
        .find(&format!("-- duckdb: {name}\n"))
        .unwrap_or_else(|| panic!("docs/scale.md has no `-- duckdb: {name}` query"));
    let end = start + doc[start..].find("```").unwrap();
    doc[start..end].to_string()
}

/// Runs a query with DuckDB in a folder; the rows as JSON arrays, dates as text.
const DUCKDB_QUERY: &str = r#"
import duckdb, json, os, sys
os.chdir(sys.argv[1])
rows = duckdb.connect().execute(sys.argv[2]).fetchall()
print(json.dumps([list(r) for r in rows], default=str))
"#;

#[test]
fn the_duckdb_queries_of_docs_scale_give_the_reports_figures() {
    if !duckdb() {
        return;
    }
    let wd = Workdir::new();
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    wd.ok(&["--quiet", "audit", data, "--as-of", "2022-10-03"]);
    for what in ["appeals", "posts"] {
        wd.ok(&[
            "export",
            what,
            "--format",
            "parquet",
            "--partition-by",
            "year",
            "--as-of",
            "2022-10-03",
            "--output",
            what,
        ]);
    }
    let folder = wd.root().to_str().unwrap();
    let report = |which: &str| -> Vec<serde_json::Value> {
        let json = wd.json(&["report", which, "--as-of", "2022-10-03", "--format", "json"]);
        json.as_array().unwrap().clone()
    };

    let got = python_json(DUCKDB_QUERY, &[folder, &documented_query("routing")]);
    let columns = [
        "addressee",
        "appeals",
        "personal",
        "forwarded",
        "unanswered",
        "unknown",
        "rejected",
        "personal_pct",
        "forwarded_pct",
        "median_days_to_answer",
        "overdue",
    ];
    let want: Vec<serde_json::Value> = report("routing")
        .iter()
        .map(|r| columns.iter().map(|c| r[*c].clone()).collect())
        .collect();
    assert!(want.len() >= 3, "the sample's officials");
    assert_eq!(got.as_array().unwrap().len(), want.len());
    for (got, want) in got.as_array().unwrap().iter().zip(&want) {
        for (i, column) in columns.iter().enumerate() {
            let same = match (got[i].as_f64(), want[i].as_f64()) {
                (Some(a), Some(b)) => a == b,
                _ => got[i] == want[i],
            };
            assert!(
                same,
                "routing, {column}: DuckDB {} against {}",
                got[i], want[i]
            );
        }
    }

    // Silence: every publisher that posted (those that never did are not in the export).
    let got = python_json(DUCKDB_QUERY, &[folder, &documented_query("silence")]);
    let columns = [
        "name",
        "last_post",
        "days_since",
        "posts_30d",
        "status",
        "reposts_30d",
    ];
    let want: Vec<serde_json::Value> = report("silence")
        .iter()
        .filter(|r| r["status"] != "never")
        .map(|r| columns.iter().map(|c| r[*c].clone()).collect())
        .collect();
    assert!(want.len() >= 5);
    assert_eq!(got, serde_json::Value::from(want));
}
