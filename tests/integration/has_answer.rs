//! "Has an answer" is one question (records.md, Classification): an appeal scraped unanswered,
//! then again with only `answered_by` filled in, is answered for the route, the answered share,
//! the deadline (an answer on an unknown date is never overdue), the `answered` change, the
//! export, `show` and `check` alike.

use std::collections::HashMap;

use crate::common::{Workdir, row};

const UNANSWERED: &str = "id,addressee,date\n1,Исабаев Бейбит Бакирович,2022-08-01\n";
const ANSWERER_ONLY: &str =
    "id,addressee,date,answered_by\n1,Исабаев Бейбит Бакирович,2022-08-01,Управление ЖКХ\n";

fn two_scrapes() -> Workdir {
    let wd = Workdir::new();
    wd.write("week1.csv", UNANSWERED);
    wd.write("week2.csv", ANSWERER_ONLY);
    for (at, file) in [("2022-08-08", "week1.csv"), ("2022-08-15", "week2.csv")] {
        wd.ok(&["import", "appeals", "--scraped-at", at, file]);
    }
    wd
}

/// The routing row of the one addressee, as of a date long past every due date.
fn isabaev_routing(wd: &Workdir) -> HashMap<String, String> {
    let routing = wd.csv_rows(&[
        "report",
        "routing",
        "--as-of",
        "2022-10-03",
        "--format",
        "csv",
    ]);
    row(&routing, "addressee", "Исабаев Бейбит Бакирович").clone()
}

/// One file imported as scraped on 2022-08-15.
fn imported(csv: &str) -> Workdir {
    let wd = Workdir::new();
    wd.write("a.csv", csv);
    wd.ok(&["import", "appeals", "--scraped-at", "2022-08-15", "a.csv"]);
    wd
}

#[test]
fn an_answerer_alone_is_an_answer_everywhere() {
    let wd = two_scrapes();
    let changes = wd.csv_rows(&["report", "changes", "--format", "csv"]);
    let answered = row(&changes, "change", "answered");
    assert_eq!(answered["id"], "1");
    assert_eq!(answered["scraped_at"], "2022-08-15");

    let isabaev = isabaev_routing(&wd);
    assert_eq!(isabaev["forwarded"], "1");
    assert_eq!(isabaev["answered_pct"], "100.0");
    assert_eq!(isabaev["overdue"], "0", "an answer on an unknown date");

    let export = wd.csv_rows(&["export", "appeals", "--as-of", "2022-10-03"]);
    let one = row(&export, "id", "1");
    assert_eq!(one["answered"], "true");
    assert_eq!(
        one["overdue"], "",
        "cannot be told without the answer's date"
    );

    let shown = wd.json(&["show", "1", "--as-of", "2022-10-03", "--format", "json"]);
    assert_eq!(shown[0]["overdue"], serde_json::Value::Null, "{shown}");

    let problems = wd.csv_rows(&["check", "--as-of", "2022-10-03", "--format", "csv"]);
    let undated = row(&problems, "problem", "answer_without_date");
    assert_eq!(
        (undated["id"].as_str(), undated["field"].as_str()),
        ("1", "answered_at")
    );
}

#[test]
fn an_answered_status_alone_is_an_answer_with_no_answerer() {
    let wd =
        imported("id,addressee,date,status\n1,Исабаев Бейбит Бакирович,2022-08-01,Ответ получен\n");
    let isabaev = isabaev_routing(&wd);
    assert_eq!(isabaev["unknown"], "1");
    assert_eq!(isabaev["answered_pct"], "100.0");
    assert_eq!(isabaev["overdue"], "0");
    let problems = wd.csv_rows(&["check", "--as-of", "2022-10-03", "--format", "csv"]);
    let kinds: Vec<&str> = problems.iter().map(|p| p["problem"].as_str()).collect();
    for kind in [
        "answered_without_answerer",
        "answer_without_date",
        "unknown_route",
    ] {
        assert!(kinds.contains(&kind), "{kind} missing from {kinds:?}");
    }
}

#[test]
fn a_pending_appeal_has_no_answer() {
    let wd = imported(
        "id,addressee,date,status,answer_text\n1,Исабаев Бейбит Бакирович,2022-08-01,На рассмотрении,\"  \"\n",
    );
    let isabaev = isabaev_routing(&wd);
    assert_eq!(isabaev["unanswered"], "1");
    assert_eq!(isabaev["answered_pct"], "0.0");
    assert_eq!(isabaev["overdue"], "1");
    let export = wd.csv_rows(&["export", "appeals", "--as-of", "2022-10-03"]);
    assert_eq!(row(&export, "id", "1")["answered"], "false");
}
