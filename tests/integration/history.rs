//! History between scrapes: a weekly snapshot, the next week's snapshot in another format
//! (other headers, other date forms) with one appeal gone, one newly answered, one answer
//! edited and one new appeal. The exact set of changes is asserted; re-imports and an older
//! scrape imported late add nothing and roll nothing back.

use crate::common::{Workdir, row};

/// Week 32's snapshot, CSV with Russian headers (also the README's example of history).
const WEEK1: &str = include_str!("../fixtures/readme/week32/appeals.csv");

/// A week later, as JSON with English keys and other date forms: 102 is gone, 100 is answered,
/// 101's answer was rewritten, 105 is new; 103 and 104 are the same values written otherwise.
const WEEK2: &str = include_str!("../fixtures/readme/week33/appeals.json");

fn two_weeks() -> Workdir {
    let wd = Workdir::new();
    wd.write("week1.csv", WEEK1);
    wd.write("week2.json", WEEK2);
    wd.ok(&[
        "import",
        "appeals",
        "--snapshot",
        "--scraped-at",
        "2022-08-08",
        "week1.csv",
    ]);
    wd.ok(&[
        "import",
        "appeals",
        "--snapshot",
        "--scraped-at",
        "2022-08-15",
        "week2.json",
    ]);
    wd
}

/// Week 1's snapshot again a week later: 102 is back, 105 gone.
fn week3_brings_back_week1(wd: &Workdir) {
    wd.write("week3.csv", WEEK1);
    wd.ok(&[
        "import",
        "appeals",
        "--snapshot",
        "--scraped-at",
        "2022-08-22",
        "week3.csv",
    ]);
}

fn changes(wd: &Workdir, args: &[&str]) -> Vec<(String, String, String, String, String)> {
    let mut all = vec!["report", "changes", "--format", "csv"];
    all.extend(args);
    wd.csv_rows(&all)
        .into_iter()
        .map(|r| {
            (
                r["scraped_at"].clone(),
                r["id"].clone(),
                r["change"].clone(),
                r["before"].clone(),
                r["after"].clone(),
            )
        })
        .collect()
}

fn week2_changes() -> Vec<(String, String, String, String, String)> {
    [
        ("100", "answered", "", "2022-08-10 12:00"),
        ("100", "status_changed", "На рассмотрении", "Ответ получен"),
        ("100", "route_changed", "unanswered", "forwarded"),
        (
            "101",
            "answer_edited",
            "Включено в план.",
            "Включено в план на 2023 год.",
        ),
        ("102", "vanished", "2022-08-08", ""),
        ("105", "new", "", "unanswered"),
    ]
    .iter()
    .map(|(id, change, before, after)| {
        (
            "2022-08-15".into(),
            id.to_string(),
            change.to_string(),
            before.to_string(),
            after.to_string(),
        )
    })
    .collect()
}

#[test]
fn the_second_snapshot_shows_exactly_what_changed() {
    let wd = two_weeks();
    assert_eq!(changes(&wd, &["--since", "2022-08-15"]), week2_changes());
    let first: Vec<_> = changes(&wd, &["--until", "2022-08-08"]);
    assert_eq!(
        first.len(),
        5,
        "five appeals new in the first scrape: {first:?}"
    );
    assert!(first.iter().all(|c| c.2 == "new"));
}

#[test]
fn vanished_appeals_stay_counted_and_marked() {
    let wd = two_weeks();
    let routing = wd.csv_rows(&[
        "report",
        "routing",
        "--as-of",
        "2022-08-20",
        "--format",
        "csv",
    ]);
    assert_eq!(routing[0]["appeals"], "6");
    assert_eq!(routing[0]["vanished"], "1");
    let exported = wd.csv_rows(&["export", "appeals"]);
    let gone = row(&exported, "id", "102");
    assert_eq!(
        (
            gone["vanished"].as_str(),
            gone["route"].as_str(),
            gone["last_seen"].as_str()
        ),
        ("2022-08-15", "forwarded", "2022-08-08")
    );
    let kept = row(&exported, "id", "104");
    assert_eq!(
        (
            kept["first_seen"].as_str(),
            kept["last_seen"].as_str(),
            kept["vanished"].as_str()
        ),
        ("2022-08-08", "2022-08-15", "")
    );
}

#[test]
fn reimporting_and_importing_an_older_scrape_add_nothing_and_roll_nothing_back() {
    let wd = two_weeks();
    let before_changes = changes(&wd, &[]);
    let before_export = wd.ok(&["export", "appeals", "--format", "jsonl"]);
    let before_history = wd.ok(&["show", "100", "--history", "--format", "json"]);
    // The same scrapes again, in either order.
    wd.ok(&[
        "import",
        "appeals",
        "--snapshot",
        "--scraped-at",
        "2022-08-15",
        "week2.json",
    ]);
    wd.ok(&[
        "import",
        "appeals",
        "--snapshot",
        "--scraped-at",
        "2022-08-08",
        "week1.csv",
    ]);
    assert_eq!(changes(&wd, &[]), before_changes);
    assert_eq!(
        wd.ok(&["export", "appeals", "--format", "jsonl"]),
        before_export
    );
    assert_eq!(
        wd.ok(&["show", "100", "--history", "--format", "json"]),
        before_history
    );
}

#[test]
fn an_older_scrape_imported_late_goes_into_the_history_in_scrape_order() {
    let wd = Workdir::new();
    wd.write("week2.json", WEEK2);
    wd.write("week1.csv", WEEK1);
    wd.ok(&[
        "import",
        "appeals",
        "--scraped-at",
        "2022-08-15",
        "week2.json",
    ]);
    wd.ok(&[
        "import",
        "appeals",
        "--scraped-at",
        "2022-08-08",
        "week1.csv",
    ]);
    // Current values are week 2's.
    let exported = wd.csv_rows(&["export", "appeals"]);
    let answered = row(&exported, "id", "100");
    assert_eq!(
        (answered["route"].as_str(), answered["first_seen"].as_str()),
        ("forwarded", "2022-08-08")
    );
    // The history reads in scrape order: new on 8 August, answered on 15 August.
    let history = wd.json(&["show", "100", "--history", "--format", "json"]);
    let kinds: Vec<(&str, &str)> = history[0]["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["scraped_at"].as_str().unwrap(),
                c["change"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        vec![
            ("2022-08-08", "new"),
            ("2022-08-15", "answered"),
            ("2022-08-15", "status_changed"),
            ("2022-08-15", "route_changed")
        ]
    );
    let versions = history[0]["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 2);
    assert_eq!(
        (
            versions[0]["scraped_at"].as_str(),
            versions[0]["route"].as_str()
        ),
        (Some("2022-08-08"), Some("unanswered"))
    );
    assert_eq!(versions[1]["current"], true);
    // Without snapshots, nothing vanishes.
    assert!(changes(&wd, &[]).iter().all(|c| c.2 != "vanished"));
}

#[test]
fn a_vanished_appeal_that_comes_back_is_reappeared() {
    let wd = two_weeks();
    week3_brings_back_week1(&wd);
    let week3 = changes(&wd, &["--since", "2022-08-22"]);
    assert!(
        week3.contains(&(
            "2022-08-22".into(),
            "102".into(),
            "reappeared".into(),
            "2022-08-15".into(),
            "".into()
        )),
        "{week3:?}"
    );
    assert!(
        week3.contains(&(
            "2022-08-22".into(),
            "105".into(),
            "vanished".into(),
            "2022-08-15".into(),
            "".into()
        )),
        "{week3:?}"
    );
    let exported = wd.csv_rows(&["export", "appeals"]);
    assert_eq!(row(&exported, "id", "102")["vanished"], "");
}

#[test]
fn weekly_counts_the_changes_of_the_period() {
    let wd = two_weeks();
    let weekly = wd.json(&[
        "report",
        "weekly",
        "--since",
        "2022-08-15",
        "--until",
        "2022-08-21",
        "--as-of",
        "2022-08-22",
        "--format",
        "json",
    ]);
    let counts = &weekly["changes"];
    assert_eq!(
        (
            counts["new"].as_u64(),
            counts["answered"].as_u64(),
            counts["answer_edited"].as_u64(),
            counts["vanished"].as_u64()
        ),
        (Some(1), Some(1), Some(1), Some(1))
    );
    assert_eq!(counts["reappeared"], 0);
}

#[test]
fn show_history_in_a_table() {
    let wd = two_weeks();
    let table = wd.ok(&["show", "101", "--history"]);
    assert!(
        table.contains("Versions")
            && table.contains("Включено в план.")
            && table.contains("answer_edited"),
        "{table}"
    );
}

/// The reports read narrow figures (an official's number, the route and yes/no facts packed in
/// one integer) that every import keeps beside the wide columns they come from. Through every
/// way an appeal changes (new, changed, vanished, reappeared, renamed by a directory, rated)
/// the reports must count what the wide columns, through the SQL views, say.
#[test]
fn report_figures_follow_every_change_to_the_appeals() {
    let wd = two_weeks();
    figures_agree_with_the_wide_columns(&wd, "two snapshots");
    week3_brings_back_week1(&wd);
    figures_agree_with_the_wide_columns(&wd, "a third snapshot");
    wd.write(
        "dir.csv",
        "name,kind,aliases\nАким области Жетысу,official,Исабаев Бейбит Бакирович\n\
         Управление ЖКХ области,department,Управление ЖКХ\n",
    );
    wd.ok(&["import", "directory", "dir.csv"]);
    let routing = figures_agree_with_the_wide_columns(&wd, "a directory");
    assert_eq!(
        routing
            .iter()
            .map(|r| r["addressee"].as_str())
            .collect::<Vec<_>>(),
        ["Аким области Жетысу"]
    );
    // Week 1 again, rated: 100 goes back to unanswered, 101 (forwarded) is satisfied, 103
    // (personal) and 104 (unanswered) are not.
    wd.write(
        "week4.csv",
        WEEK1
            .lines()
            .enumerate()
            .map(|(i, line)| match i {
                0 => format!("{line};оценка\n"),
                1 | 3 => format!("{line};\n"),
                2 => format!("{line};Удовлетворен\n"),
                _ => format!("{line};Не удовлетворен\n"),
            })
            .collect::<String>(),
    );
    wd.ok(&[
        "import",
        "appeals",
        "--scraped-at",
        "2022-08-29",
        "week4.csv",
    ]);
    let routing = figures_agree_with_the_wide_columns(&wd, "ratings");
    assert_eq!(
        (
            routing[0]["forwarded"].as_str(),
            routing[0]["unanswered"].as_str(),
            routing[0]["unsatisfied"].as_str()
        ),
        ("2", "3", "2")
    );
}

/// Compares `report routing` and `report forwards`, and the `routing` and `forwards` views, with
/// counts over the wide columns; returns the routing rows.
fn figures_agree_with_the_wide_columns(
    wd: &Workdir,
    after: &str,
) -> Vec<std::collections::HashMap<String, String>> {
    let conn = rusqlite::Connection::open(wd.path("test.db")).unwrap();
    let routing = wd.csv_rows(&[
        "report",
        "routing",
        "--as-of",
        "2022-09-30",
        "--format",
        "csv",
    ]);
    let expected = rows(
        &conn,
        "SELECT official, count(*), sum(route = 'personal'), sum(route = 'forwarded'), \
         sum(route = 'unanswered'), sum(route = 'unknown'), sum(route = 'rejected'), \
         coalesce(sum(unsatisfied = 1), 0), sum(vanished IS NOT NULL), \
         round(100.0 * sum(answered) / count(*), 1) \
         FROM appeals GROUP BY official ORDER BY count(*) DESC, official",
    );
    // The view, for SQL users, counts from the narrow columns too.
    let view = rows(
        &conn,
        "SELECT addressee, appeals, personal, forwarded, unanswered, unknown, rejected, \
         coalesce(unsatisfied, 0) FROM routing",
    );
    let wide: Vec<Vec<String>> = expected.iter().map(|row| row[..8].to_vec()).collect();
    assert_eq!(view, wide, "the routing view after {after}");
    let columns = [
        "addressee",
        "appeals",
        "personal",
        "forwarded",
        "unanswered",
        "unknown",
        "rejected",
        "unsatisfied",
        "vanished",
        "answered_pct",
    ];
    let reported: Vec<Vec<String>> = routing
        .iter()
        .map(|row| {
            columns
                .iter()
                .map(|c| match (*c, row[*c].parse::<f64>()) {
                    ("answered_pct", Ok(x)) => format!("{x:.1}"),
                    _ => row[*c].clone(),
                })
                .collect()
        })
        .collect();
    assert_eq!(reported, expected, "routing after {after}");

    let forwards = wd.csv_rows(&["report", "forwards", "--format", "csv"]);
    let expected = rows(
        &conn,
        "SELECT official, coalesce(route_target, 'unknown'), count(*) FROM appeals \
         WHERE route = 'forwarded' GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2",
    );
    let reported: Vec<Vec<String>> = forwards
        .iter()
        .map(|r| {
            vec![
                r["addressee"].clone(),
                r["forwarded_to"].clone(),
                r["appeals"].clone(),
            ]
        })
        .collect();
    assert_eq!(reported, expected, "forwards after {after}");
    let view = rows(
        &conn,
        "SELECT addressee, forwarded_to, appeals FROM forwards",
    );
    assert_eq!(view, expected, "the forwards view after {after}");
    assert!(!expected.is_empty(), "nothing forwarded after {after}");
    routing
}

/// The rows `sql` returns, every value as text (reals with one decimal, NULL as "").
fn rows(conn: &rusqlite::Connection, sql: &str) -> Vec<Vec<String>> {
    let mut stmt = conn.prepare(sql).unwrap();
    let columns = stmt.column_count();
    stmt.query_map([], |r| {
        (0..columns)
            .map(|i| {
                Ok(match r.get_ref(i)? {
                    rusqlite::types::ValueRef::Text(t) => String::from_utf8_lossy(t).into(),
                    rusqlite::types::ValueRef::Integer(n) => n.to_string(),
                    rusqlite::types::ValueRef::Real(x) => format!("{x:.1}"),
                    _ => String::new(),
                })
            })
            .collect()
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}
