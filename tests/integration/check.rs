//! `check`: each scrape-quality problem found in a file that has it, nothing in a clean file,
//! `--fail-on-problems` exit codes, and unmatched names as directory rows.

use crate::common::{Workdir, parse_csv};

const DIRECTORY: &str = "name,kind,position,aliases\nИсабаев Бейбит Бакирович,official,Аким области Жетысу,\nУправление ЖКХ,department,,\n";

fn problems(wd: &Workdir) -> Vec<(String, String, String, String, String, String)> {
    wd.csv_rows(&["check", "--as-of", "2022-10-03", "--format", "csv"])
        .into_iter()
        .map(|r| {
            (
                r["problem"].clone(),
                r["id"].clone(),
                r["field"].clone(),
                r["value"].clone(),
                r["records"].clone(),
                r["line"].clone(),
            )
        })
        .collect()
}

fn has(
    list: &[(String, String, String, String, String, String)],
    problem: &str,
    id: &str,
    field: &str,
) -> bool {
    list.iter()
        .any(|p| p.0 == problem && p.1 == id && p.2 == field)
}

#[test]
fn a_clean_scrape_has_no_problems() {
    let wd = Workdir::new();
    wd.write("dir.csv", DIRECTORY);
    wd.write("a.csv", "id,addressee,date,answered_at,answered_by,answer_text\n1,Исабаев Бейбит Бакирович,2022-08-01,2022-08-03,Исабаев Б.Б.,Решено.\n2,Исабаев Бейбит Бакирович,2022-08-01,2022-08-05,Управление ЖКХ,Сделано.\n");
    wd.write("p.csv", "department,date\nУправление ЖКХ,2022-09-01\n");
    wd.ok(&["import", "directory", "dir.csv"]);
    wd.ok(&["import", "appeals", "--scraped-at", "2022-10-01", "a.csv"]);
    wd.ok(&["import", "posts", "p.csv"]);
    assert_eq!(problems(&wd), vec![]);
    wd.ok(&["check", "--as-of", "2022-10-03", "--fail-on-problems"]);
}

#[test]
fn each_problem_is_found_where_it_is() {
    let wd = Workdir::new();
    wd.write("dir.csv", DIRECTORY);
    wd.write(
        "a.csv",
        "id,addressee,date,answered_at,answered_by,answer_text,forwarded_to\n\
         1,Исабаев Бейбит Бакирович,2022-08-10,2022-08-03,Исабаев Б.Б.,Решено.,\n\
         2,Исабаев Бейбит Бакирович,2022-12-01,,,,\n\
         3,Исабаев Бейбит Бакирович,2022-08-01,2022-08-05,,Благодарим за обращение.,\n\
         4,Исабаев Бейбит Бакирович,2022-08-01,,,,Управление образования\n\
         5,Исабаев Бейбит Бакирович,2022-08-01,,,,\n\
         5,Исабаев Бейбит Бакирович,2022-08-02,,,,\n\
         6,Аким города Талдыкорган,2022-08-01,,,,\n",
    );
    wd.write(
        "p.csv",
        "department,date\nОтдел культуры,2022-09-01\nОтдел культуры,2022-09-02\n",
    );
    wd.ok(&["import", "directory", "dir.csv"]);
    wd.ok(&["import", "appeals", "--scraped-at", "2022-10-01", "a.csv"]);
    wd.ok(&["import", "posts", "p.csv"]);
    let found = problems(&wd);
    assert!(
        has(&found, "answer_before_submission", "1", "answered_at"),
        "{found:#?}"
    );
    assert!(
        has(&found, "date_in_future", "2", "submitted_at"),
        "{found:#?}"
    );
    assert!(
        has(&found, "answered_without_answerer", "3", "answered_by"),
        "{found:#?}"
    );
    assert!(
        has(&found, "unknown_route", "3", "route_reason"),
        "{found:#?}"
    );
    let dup = found
        .iter()
        .find(|p| p.0 == "duplicate_conflict")
        .expect("duplicate_conflict");
    assert_eq!(
        (dup.1.as_str(), dup.4.as_str(), dup.5.as_str()),
        ("5", "2", "6")
    );
    let unmatched: Vec<(&str, &str, &str)> = found
        .iter()
        .filter(|p| p.0 == "unmatched_name")
        .map(|p| (p.2.as_str(), p.3.as_str(), p.4.as_str()))
        .collect();
    assert_eq!(
        unmatched,
        vec![
            ("addressee", "Аким города Талдыкорган", "1"),
            ("department", "Отдел культуры", "2"),
            ("forwarded_to", "Управление образования", "1"),
        ]
    );
    assert_eq!(found.len(), 8, "{found:#?}");
    wd.fails(&["check", "--as-of", "2022-10-03", "--fail-on-problems"], 3);
    // Unmatched names as directory rows, ready to fill in and import.
    let rows = parse_csv(&wd.ok(&["check", "--unmatched-as-directory"]));
    let names: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r["name"].as_str(), r["kind"].as_str()))
        .collect();
    assert_eq!(
        names,
        vec![
            ("Аким города Талдыкорган", "department"),
            ("Отдел культуры", "department"),
            ("Управление образования", "department")
        ]
    );
    assert!(rows[0].contains_key("aliases"));
}

#[test]
fn check_speaks_every_format() {
    let wd = Workdir::new();
    wd.write(
        "a.csv",
        "id,addressee,date,answered_at\n1,A,2022-08-10,2022-08-03\n",
    );
    wd.ok(&["import", "appeals", "a.csv"]);
    let json = wd.json(&["check", "--as-of", "2022-10-03", "--format", "json"]);
    assert_eq!(json[0]["problem"], "answer_before_submission");
    assert_eq!(json[0]["line"], 2);
    assert!(
        wd.ok(&["check", "--as-of", "2022-10-03", "--format", "md"])
            .contains("| answer_before_submission |")
    );
}

/// govkz.md: items moved in bulk from older sites carry T00:00:00, which is no publication
/// time. Only a publisher's latest post counts, from any source, and only a time written as
/// midnight: a date written alone is no midnight.
#[test]
fn a_latest_post_timed_at_midnight_is_named_and_a_bare_date_is_not() {
    let wd = Workdir::new();
    wd.write("dir.csv", DIRECTORY);
    wd.write(
        "p.csv",
        "department,date\n\
         Управление ЖКХ,2022-09-01T14:30:00\n\
         Управление ЖКХ,2019-05-01T00:00:00\n\
         Отдел культуры,2022-09-02\n\
         Отдел спорта,2022-08-01 12:00\n\
         Отдел спорта,2022-09-03T00:00:00+05:00\n\
         Отдел туризма,2022-09-04 00:00:05\n\
         Отдел архивов,2022-09-05 00:00\n\
         Отдел архивов,2022-11-01 09:00\n",
    );
    wd.ok(&["import", "directory", "dir.csv"]);
    wd.ok(&["import", "posts", "p.csv"]);
    let found = problems(&wd);
    let midnight: Vec<(&str, &str, &str, &str)> = found
        .iter()
        .filter(|p| p.0 == "midnight_last_post")
        .map(|p| (p.1.as_str(), p.2.as_str(), p.3.as_str(), p.5.as_str()))
        .collect();
    // ЖКХ's midnight item is not its latest; культуры has a date alone; туризма's time is five
    // seconds past; архивов's midnight post is its latest as of 2022-10-03 (the November one is
    // after it). A post has no id.
    assert_eq!(
        midnight,
        [
            ("", "published_at", "2022-09-05 00:00 (Отдел архивов)", "8"),
            (
                "",
                "published_at",
                "2022-09-03T00:00:00+05:00 (Отдел спорта)",
                "6"
            ),
        ]
    );
    let table = wd.ok(&["check", "--as-of", "2022-10-03", "--format", "md"]);
    assert!(
        table.contains(
            "| midnight_last_post | The department's latest post is timed at exactly midnight"
        ),
        "{table}"
    );
}
