//! `--columns a,b,c` and `--wide` in every format, for reports, audit, check and export: the
//! named columns by their CSV names, in that order; an unknown name is exit 2 with the list.

use crate::common::{self, Workdir};
use serde_json::Value;

const AS_OF: &str = "2022-10-03";

fn sample() -> Workdir {
    common::with_sample(AS_OF)
}

fn routing(wd: &Workdir, extra: &[&str]) -> String {
    let mut args = vec!["report", "routing", "--as-of", AS_OF];
    args.extend(extra);
    wd.ok(&args)
}

fn keys(object: &Value) -> Vec<&str> {
    object
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect()
}

const PICKED: &str = "addressee,personal_pct,appeals";

#[test]
fn columns_picks_and_orders_in_every_format() {
    let wd = sample();
    let csv = routing(&wd, &["--format", "csv", "--columns", PICKED]);
    assert_eq!(
        csv.lines().collect::<Vec<_>>(),
        vec![
            "addressee,personal_pct,appeals",
            "Бекболатов Ерлан Сапарович,5.6,36",
            "Жумагалиев Данияр Ерланович,30.8,13",
            "Кенжебаева Айгерим Болатовна,33.3,12",
        ]
    );
    let tsv = routing(&wd, &["--format", "tsv", "--columns", PICKED]);
    assert_eq!(
        tsv.lines().take(2).collect::<Vec<_>>(),
        vec![
            "addressee\tpersonal_pct\tappeals",
            "Бекболатов Ерлан Сапарович\t5.6\t36"
        ]
    );
    let json: Value =
        serde_json::from_str(&routing(&wd, &["--format", "json", "--columns", PICKED])).unwrap();
    assert_eq!(keys(&json[0]), vec!["addressee", "personal_pct", "appeals"]);
    assert_eq!(json[0]["personal_pct"], serde_json::json!(5.6));
    let jsonl = routing(&wd, &["--format", "jsonl", "--columns", PICKED]);
    let first: Value = serde_json::from_str(jsonl.lines().next().unwrap()).unwrap();
    assert_eq!(keys(&first), vec!["addressee", "personal_pct", "appeals"]);
    assert_eq!(jsonl.lines().count(), 3);
    // For people, the share carries its interval, as md and table always write it.
    let md = routing(&wd, &["--format", "md", "--columns", PICKED]);
    assert_eq!(
        md.lines().take(3).collect::<Vec<_>>(),
        vec![
            "| addressee | personal_pct | appeals |",
            "| --- | --- | --- |",
            "| Бекболатов Ерлан Сапарович | 5.6% (1.5–18.1) | 36 |",
        ]
    );
    let table = routing(&wd, &["--columns", PICKED]);
    let header = table.lines().nth(1).expect("a header line");
    assert!(
        header.contains("addressee") && header.find("personal_pct") < header.find("appeals"),
        "{table}"
    );
    assert!(!table.contains("forwarded"), "{table}");
    assert!(table.contains("5.6% (1.5–18.1)"), "{table}");
}

#[test]
fn an_interval_bound_can_be_named_in_the_formats_for_people() {
    let wd = sample();
    let md = routing(
        &wd,
        &[
            "--format",
            "md",
            "--columns",
            "addressee,personal_pct_low,personal_pct_high",
        ],
    );
    assert!(
        md.contains("| addressee | personal_pct_low | personal_pct_high |"),
        "{md}"
    );
    assert!(
        md.contains("| Бекболатов Ерлан Сапарович | 1.5 | 18.1 |"),
        "{md}"
    );
}

#[test]
fn wide_keeps_every_column_in_every_format() {
    let wd = sample();
    for format in ["csv", "tsv", "json", "jsonl", "md", "table"] {
        assert_eq!(
            routing(&wd, &["--format", format, "--wide"]),
            routing(&wd, &["--format", format]),
            "--wide changed --format {format}"
        );
    }
    let csv = routing(&wd, &["--format", "csv", "--wide"]);
    assert!(csv.starts_with(
        "addressee,appeals,personal,forwarded,unanswered,unknown,personal_pct,forwarded_pct,\
         median_days_to_answer,overdue,rejected,answered_pct,personal_pct_low,personal_pct_high,\
         forwarded_pct_low,forwarded_pct_high,unsatisfied,vanished,note\n"
    ));
}

#[test]
fn an_unknown_column_is_a_usage_error_listing_the_valid_ones() {
    let wd = sample();
    let error = wd.fails(
        &[
            "report",
            "routing",
            "--columns",
            "addressee,personnal",
            "--format",
            "csv",
        ],
        2,
    );
    assert!(error.contains("no column \"personnal\""), "{error}");
    assert!(
        error.contains("addressee, appeals, personal, forwarded")
            && error.contains("vanished, note"),
        "{error}"
    );
    let error = wd.fails(&["report", "silence", "--columns", "addressee"], 2);
    assert!(error.contains("name, kind, last_post"), "{error}");
    // --columns and --wide say opposite things.
    wd.fails(&["report", "forwards", "--columns", "appeals", "--wide"], 2);
    // The page has fixed tables; a document of several tables has no one set of columns.
    wd.fails(
        &[
            "report",
            "routing",
            "--columns",
            "appeals",
            "--format",
            "html",
        ],
        2,
    );
    // Issue 22: the weekly tables take --wide and --columns like the single reports (the
    // terminal test holds what they show); its documents (md, json, html) have fixed tables.
    wd.ok(&["report", "weekly", "--as-of", AS_OF, "--wide"]);
    wd.ok(&["report", "weekly", "--as-of", AS_OF, "--columns", "appeals"]);
    wd.fails(
        &[
            "report", "weekly", "--as-of", AS_OF, "--wide", "--format", "md",
        ],
        2,
    );
    let error = wd.fails(
        &[
            "report",
            "weekly",
            "--columns",
            "appeals",
            "--format",
            "json",
        ],
        2,
    );
    assert!(error.contains("report weekly is a document"), "{error}");
    wd.fails(&["show", "749022", "--columns", "id"], 2);
}

/// Runs `args` with `--format FORMAT --columns NAMES`; returns stdout.
fn pick(wd: &Workdir, args: &[&str], format: &str, names: &str) -> String {
    let mut all = args.to_vec();
    all.extend(["--format", format, "--columns", names]);
    wd.ok(&all)
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or_default()
}

fn first_object(text: &str) -> Value {
    let value: Value = serde_json::from_str(text)
        .or_else(|_| serde_json::from_str(first_line(text)))
        .unwrap_or_else(|e| panic!("not JSON ({e}): {text}"));
    match value {
        Value::Array(mut items) => items.remove(0),
        other => other,
    }
}

#[test]
fn other_reports_and_check_pick_columns_too() {
    let wd = sample();
    let report = |which| ["report", which, "--as-of", AS_OF];
    let forwards = pick(&wd, &report("forwards"), "csv", "forwarded_to,appeals");
    assert_eq!(first_line(&forwards), "forwarded_to,appeals");
    assert!(forwards.contains("\nunknown,12\n"), "{forwards}");
    let silence = pick(&wd, &report("silence"), "json", "status,name");
    assert_eq!(keys(&first_object(&silence)), vec!["status", "name"]);
    let changes = pick(&wd, &report("changes"), "tsv", "change,id");
    assert_eq!(first_line(&changes), "change\tid");
    let check = pick(&wd, &["check", "--as-of", AS_OF], "csv", "id,problem");
    assert!(
        check.starts_with("id,problem\n749310,answered_without_answerer\n"),
        "{check}"
    );
}

#[test]
fn audit_shows_the_named_columns_of_each_table_that_has_them() {
    let wd = Workdir::new();
    let data = format!("{}/data", env!("CARGO_MANIFEST_DIR"));
    let audit = ["--quiet", "audit", &data, "--as-of", AS_OF];
    // An unknown name stops audit before it imports anything.
    let error = wd.fails(&["audit", &data, "--columns", "nope"], 2);
    assert!(error.contains("days_since"), "{error}");
    assert!(
        !wd.path("test.db").exists(),
        "audit imported before refusing"
    );
    // Routing and forwards have both; silence has neither and is left out.
    let md = pick(&wd, &audit, "md", "addressee,appeals");
    assert_eq!(md.matches("| addressee | appeals |").count(), 2, "{md}");
    assert!(!md.contains("## Silence"), "{md}");
    let json: Value = serde_json::from_str(&pick(&wd, &audit, "json", "status,name")).unwrap();
    assert_eq!(keys(&json), vec!["silence", "as_of"]);
    assert_eq!(keys(&json["silence"][0]), vec!["status", "name"]);
}

#[test]
fn export_picks_columns_and_keeps_authors_private() {
    let wd = sample();
    for (format, header) in [("csv", "route,id"), ("tsv", "route\tid")] {
        let out = pick(&wd, &["export", "appeals"], format, "route,id");
        assert_eq!(first_line(&out), header);
        assert_eq!(out.lines().count(), 62, "61 appeals and the header");
    }
    for format in ["json", "jsonl"] {
        let out = pick(&wd, &["export", "posts"], format, "url,department");
        assert_eq!(keys(&first_object(&out)), vec!["url", "department"]);
    }
    // The author is a column only when --include-authors lets it out.
    let error = wd.fails(&["export", "appeals", "--columns", "id,author"], 2);
    assert!(error.contains("no column \"author\""), "{error}");
    let with = pick(
        &wd,
        &["export", "appeals", "--include-authors"],
        "csv",
        "id,author",
    );
    assert_eq!(first_line(&with), "id,author");
}
