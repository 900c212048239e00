//! Reports over small known files: routing figures, forwards, silence ordering and `never`
//! rows, `--fail-if-stale`, filters, formats and `--as-of`.

use std::collections::HashMap;

use crate::common::{self, Workdir, row};

const DIRECTORY: &str = "name,kind,position,aliases
Исабаев Бейбит Бакирович,official,Аким области Жетысу,
Управление общественного развития,department,,УОР
Управление строительства,department,,
Управление ЖКХ,department,,Тұрғын үй басқармасы
";

const APPEALS: &str = "id,addressee,addressee_position,date,status,answered_at,answered_by,answer_text,rating
1,Исабаев Бейбит Бакирович,Аким области Жетысу,2022-08-01,Ответ получен,2022-08-03,Исабаев Б.Б.,Решено.,удовлетворен
2,Исабаев Бейбит Бакирович,Аким области Жетысу,2022-08-01,Ответ получен,2022-08-11,Тұрғын үй басқармасы,Включено в план.,не удовлетворен
3,Исабаев Бейбит Бакирович,Аким области Жетысу,2022-08-01,Ответ получен,2022-08-31,Управление строительства,Ремонт в 2023 году.,
4,Исабаев Бейбит Бакирович,Аким области Жетысу,2022-08-01,На рассмотрении,,,,
5,Исабаев Бейбит Бакирович,Аким области Жетысу,2022-09-20,Отклонено ГО,,,,
6,Масабаев Асет Бахытович,,2022-09-01,Ответ получен,2022-09-02,Масабаев А.Б.,Сделано.,
";

const POSTS: &str = "department,published_at,channel,repost,title
УОР,23.08.2022,site,false,Последняя новость
УОР,20.08.2022,site,true,Репост
Управление ЖКХ,30.09.2022,site,false,Отопление
Управление ЖКХ,28.09.2022,telegram,true,Репост в телеграме
Отдел культуры,01.09.2022,instagram,false,Концерт
";

fn fixture() -> Workdir {
    let wd = Workdir::new();
    wd.write("data/directory.csv", DIRECTORY);
    wd.write("data/appeals.csv", APPEALS);
    wd.write("data/posts.csv", POSTS);
    wd.ok(&["import", "directory", "data/directory.csv"]);
    wd.ok(&["import", "appeals", "data/appeals.csv"]);
    wd.ok(&["import", "posts", "data/posts.csv"]);
    wd
}

#[test]
fn routing_counts_routes_medians_overdue_and_ratings() {
    let wd = fixture();
    let rows = wd.csv_rows(&[
        "report",
        "routing",
        "--as-of",
        "2022-10-03",
        "--format",
        "csv",
    ]);
    assert_eq!(rows.len(), 2);
    assert_eq!(
        rows[0]["addressee"], "Исабаев Бейбит Бакирович",
        "most appeals first"
    );
    let akim = &rows[0];
    let expect = [
        ("appeals", "5"),
        ("personal", "1"),
        ("forwarded", "2"),
        ("unanswered", "1"),
        ("unknown", "0"),
        ("rejected", "1"),
        ("personal_pct", "20.0"),
        ("forwarded_pct", "40.0"),
        // Days to answer 2, 10 and 30.
        ("median_days_to_answer", "10.0"),
        // Answered on 31 August after a due date of 22 August, and one never answered.
        ("overdue", "2"),
        ("answered_pct", "60.0"),
        ("unsatisfied", "1"),
        ("vanished", "0"),
        ("note", "few"),
    ];
    for (column, want) in expect {
        assert_eq!(akim[column], want, "column {column}");
    }
    assert_eq!(rows[1]["personal"], "1");
    // The header is exactly the contract's column list.
    let csv = wd.ok(&[
        "report",
        "routing",
        "--as-of",
        "2022-10-03",
        "--format",
        "csv",
    ]);
    assert_eq!(
        csv.lines().next().unwrap(),
        "addressee,appeals,personal,forwarded,unanswered,unknown,personal_pct,forwarded_pct,\
median_days_to_answer,overdue,rejected,answered_pct,personal_pct_low,personal_pct_high,\
forwarded_pct_low,forwarded_pct_high,unsatisfied,vanished,note"
    );
}

#[test]
fn deadline_days_and_as_of_change_overdue() {
    let wd = fixture();
    let overdue = |args: &[&str]| {
        let mut all = vec![
            "report",
            "routing",
            "--format",
            "csv",
            "--addressee",
            "Аким области Жетысу",
        ];
        all.extend(args);
        wd.csv_rows(&all)[0]["overdue"].clone()
    };
    // Before the unanswered appeal's due date only the late answer counts.
    assert_eq!(overdue(&["--as-of", "2022-08-15"]), "1");
    // With 30 working days, the answer on 31 August is in time.
    assert_eq!(
        overdue(&["--as-of", "2022-10-03", "--deadline-days", "30"]),
        "1"
    );
    assert_eq!(
        overdue(&["--as-of", "2022-10-03", "--deadline-days", "5"]),
        "3"
    );
}

#[test]
fn forwards_go_to_directory_names_sorted_by_count() {
    let wd = fixture();
    let rows = wd.csv_rows(&["report", "forwards", "--format", "csv"]);
    assert_eq!(rows.len(), 2);
    let zhkh = row(&rows, "forwarded_to", "Управление ЖКХ");
    assert_eq!(
        (
            zhkh["addressee"].as_str(),
            zhkh["appeals"].as_str(),
            zhkh["median_days_to_answer"].as_str()
        ),
        ("Исабаев Бейбит Бакирович", "1", "10.0")
    );
    assert_eq!(
        row(&rows, "forwarded_to", "Управление строительства")["median_days_to_answer"],
        "30.0"
    );
}

#[test]
fn silence_lists_never_first_then_longest_silent() {
    let wd = fixture();
    let rows = silence_csv(&wd, &[]);
    let order: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|r| {
            (
                r["name"].as_str(),
                r["status"].as_str(),
                r["days_since"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        order,
        vec![
            ("Исабаев Бейбит Бакирович", "never", ""),
            ("Управление строительства", "never", ""),
            ("Управление общественного развития", "stale", "41"),
            ("Отдел культуры", "stale", "32"),
            ("Управление ЖКХ", "ok", "3"),
        ]
    );
    let uor = row(&rows, "name", "Управление общественного развития");
    assert_eq!(
        (
            uor["last_post"].as_str(),
            uor["posts_30d"].as_str(),
            uor["reposts_30d"].as_str()
        ),
        ("2022-08-23", "0", "0")
    );
    let zhkh = row(&rows, "name", "Управление ЖКХ");
    assert_eq!(
        (
            zhkh["kind"].as_str(),
            zhkh["posts_30d"].as_str(),
            zhkh["reposts_30d"].as_str()
        ),
        ("department", "2", "1")
    );
    assert_eq!(
        row(&rows, "name", "Исабаев Бейбит Бакирович")["kind"],
        "official"
    );
}

#[test]
fn silence_filters_originals_channel_and_stale_after() {
    let wd = fixture();
    let rows = wd.csv_rows(&[
        "report",
        "silence",
        "--as-of",
        "2022-10-03",
        "--originals-only",
        "--format",
        "csv",
    ]);
    assert_eq!(row(&rows, "name", "Управление ЖКХ")["posts_30d"], "1");
    let rows = wd.csv_rows(&[
        "report",
        "silence",
        "--as-of",
        "2022-10-03",
        "--channel",
        "telegram",
        "--format",
        "csv",
    ]);
    assert_eq!(
        row(&rows, "name", "Управление ЖКХ")["last_post"],
        "2022-09-28"
    );
    assert_eq!(row(&rows, "name", "Отдел культуры")["status"], "never");
    let rows = wd.csv_rows(&[
        "report",
        "silence",
        "--as-of",
        "2022-10-03",
        "--stale-after",
        "45",
        "--format",
        "csv",
    ]);
    assert_eq!(
        row(&rows, "name", "Управление общественного развития")["status"],
        "ok"
    );
    let rows = wd.csv_rows(&[
        "report",
        "silence",
        "--as-of",
        "2022-10-03",
        "--department",
        "УОР",
        "--format",
        "csv",
    ]);
    assert_eq!(rows.len(), 1);
}

#[test]
fn fail_if_stale_exits_3_only_when_something_is_silent() {
    let wd = fixture();
    wd.fails(
        &[
            "report",
            "silence",
            "--as-of",
            "2022-10-03",
            "--fail-if-stale",
        ],
        3,
    );
    wd.ok(&[
        "report",
        "silence",
        "--as-of",
        "2022-10-03",
        "--department",
        "Управление ЖКХ",
        "--fail-if-stale",
    ]);
}

/// The silence report as of 2022-10-03 as CSV rows, with the flags given.
fn silence_csv(wd: &Workdir, flags: &[&str]) -> Vec<HashMap<String, String>> {
    let args = [
        &[
            "report",
            "silence",
            "--as-of",
            "2022-10-03",
            "--format",
            "csv",
        ],
        flags,
    ]
    .concat();
    wd.csv_rows(&args)
}

/// The silence report's names and statuses, `--kind` as given.
fn silence_of(wd: &Workdir, kind: &[&str]) -> Vec<(String, String)> {
    silence_csv(wd, kind)
        .into_iter()
        .map(|r| (r["name"].clone(), r["status"].clone()))
        .collect()
}

/// Officials from the directory are not expected to post news (govkz.md): `--kind department`
/// leaves them out of the rows and of `--fail-if-stale`, which the weekly script relies on.
#[test]
fn kind_keeps_one_kind_of_entry_and_fail_if_stale_counts_only_those() {
    let wd = Workdir::new();
    wd.write(
        "dir.csv",
        "name,kind\nИсабаев Бейбит Бакирович,official\nУправление ЖКХ,department\n",
    );
    wd.write("posts.csv", "department,date\nУправление ЖКХ,2022-09-30\n");
    wd.ok(&["import", "directory", "dir.csv"]);
    wd.ok(&["import", "posts", "posts.csv"]);
    let (official, department) = (
        ("Исабаев Бейбит Бакирович".to_string(), "never".to_string()),
        ("Управление ЖКХ".to_string(), "ok".to_string()),
    );
    assert_eq!(silence_of(&wd, &[]), [official.clone(), department.clone()]);
    assert_eq!(silence_of(&wd, &["--kind", "department"]), [department]);
    assert_eq!(silence_of(&wd, &["--kind", "official"]), [official]);
    fn fail<'a>(kind: &[&'a str]) -> Vec<&'a str> {
        [
            &[
                "report",
                "silence",
                "--as-of",
                "2022-10-03",
                "--fail-if-stale",
            ],
            kind,
        ]
        .concat()
    }
    // The official who never posted sets it off only where officials are counted.
    let stderr = wd.fails(&fail(&[]), 3);
    assert!(stderr.contains("1 of 2 listed"), "{stderr}");
    wd.ok(&fail(&["--kind", "department"]));
    wd.fails(&fail(&["--kind", "official"]), 3);

    // A department gone stale sets it off with --kind department.
    wd.write(
        "old.csv",
        "department,date\nУправление строительства,2022-08-01\n",
    );
    wd.ok(&["import", "posts", "old.csv"]);
    let stderr = wd.fails(&fail(&["--kind", "department"]), 3);
    assert!(stderr.contains("1 of 2 listed"), "{stderr}");

    // Weekly's silence table takes the same choice.
    let weekly = wd.json(&[
        "report",
        "weekly",
        "--week",
        "2022-W39",
        "--as-of",
        "2022-10-03",
        "--kind",
        "department",
        "--format",
        "json",
    ]);
    let kinds: Vec<&str> = weekly["silence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["department", "department"]);

    wd.fails(&fail(&["--kind", "person"]), 2);
}

#[test]
fn kind_department_over_a_directory_of_officials_lists_nobody_and_passes() {
    let wd = Workdir::new();
    wd.write(
        "dir.csv",
        "name,kind,position\nИсабаев Бейбит Бакирович,official,Аким области Жетысу\n\
         Масабаев Асет Бахытович,official,Заместитель акима\n",
    );
    wd.ok(&["import", "directory", "dir.csv"]);
    assert_eq!(silence_of(&wd, &["--kind", "department"]), []);
    wd.ok(&[
        "report",
        "silence",
        "--as-of",
        "2022-10-03",
        "--kind",
        "department",
        "--fail-if-stale",
    ]);
}

#[test]
fn every_format_carries_the_same_figures() {
    let wd = fixture();
    let json = wd.json(&[
        "report",
        "routing",
        "--as-of",
        "2022-10-03",
        "--format",
        "json",
    ]);
    assert_eq!(json[0]["forwarded"], 2);
    assert_eq!(json[0]["personal_pct"], 20.0);
    assert_eq!(json[1]["median_days_to_answer"], 1.0);
    let jsonl = wd.ok(&[
        "report",
        "routing",
        "--as-of",
        "2022-10-03",
        "--format",
        "jsonl",
    ]);
    assert_eq!(jsonl.lines().count(), 2);
    let first: serde_json::Value = serde_json::from_str(jsonl.lines().next().unwrap()).unwrap();
    assert_eq!(first, json[0]);
    let tsv = wd.ok(&[
        "report",
        "routing",
        "--as-of",
        "2022-10-03",
        "--format",
        "tsv",
    ]);
    assert!(
        tsv.lines()
            .nth(1)
            .unwrap()
            .starts_with("Исабаев Бейбит Бакирович\t5\t1\t2\t1\t0\t20.0\t40.0")
    );
    let md = wd.ok(&[
        "report",
        "routing",
        "--as-of",
        "2022-10-03",
        "--format",
        "md",
    ]);
    assert!(
        md.contains("| Исабаев Бейбит Бакирович | 5 | 1 | 2 | 1 | 0 | 1 | 20.0% (3.6–62.4) | 40.0% (11.8–76.9) | 60.0% | 10.0 (n=3) | 2 |"),
        "{md}"
    );
    let table = wd.ok(&["report", "routing", "--as-of", "2022-10-03"]);
    assert!(
        table.contains("Исабаев Бейбит Бакирович") && table.contains("40.0"),
        "{table}"
    );
}

#[test]
fn since_until_and_output_file() {
    let wd = fixture();
    // --output into a missing folder fails cleanly; into an existing one it writes the file.
    wd.fails(
        &[
            "report",
            "routing",
            "--format",
            "csv",
            "--output",
            "out/r.csv",
        ],
        1,
    );
    assert!(!wd.path("out/r.csv").exists());
    std::fs::create_dir_all(wd.path("out")).unwrap();
    wd.ok(&[
        "report",
        "routing",
        "--since",
        "2022-09-01",
        "--until",
        "2022-09-30",
        "--format",
        "csv",
        "--output",
        "out/r.csv",
    ]);
    let rows = common::parse_csv(&String::from_utf8(wd.read("out/r.csv")).unwrap());
    let counts: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r["addressee"].as_str(), r["appeals"].as_str()))
        .collect();
    assert_eq!(
        counts,
        vec![
            ("Исабаев Бейбит Бакирович", "1"),
            ("Масабаев Асет Бахытович", "1")
        ]
    );
    wd.fails(
        &[
            "report",
            "routing",
            "--since",
            "2022-10-01",
            "--until",
            "2022-09-01",
        ],
        2,
    );
}

#[test]
fn reports_without_a_database_say_what_to_do() {
    let wd = Workdir::new();
    let stderr = wd.fails(&["report", "routing"], 1);
    assert!(
        stderr.contains("no database") && stderr.contains("import"),
        "{stderr}"
    );
    assert!(
        !wd.path("test.db").exists(),
        "a report must not create the database"
    );
}

#[test]
fn usage_errors_exit_2() {
    let wd = Workdir::new();
    wd.fails(&["report", "routing", "--format", "xml"], 2);
    wd.fails(&["import", "letters", "a.csv"], 2);
    wd.fails(&["import", "appeals"], 2);
}

#[test]
fn show_gives_fields_route_due_date_and_provenance() {
    let wd = fixture();
    let shown = wd.json(&["show", "3", "--as-of", "2022-10-03", "--format", "json"]);
    let one = &shown[0];
    assert_eq!(one["route"], "forwarded");
    assert_eq!(one["route_reason"], "answered_by");
    assert_eq!(one["days_to_answer"], 30);
    assert_eq!(one["due_date"], "2022-08-22");
    assert_eq!(one["overdue"], true);
    assert_eq!(one["source_file"], "data/appeals.csv");
    assert_eq!(one["source_line"], 4);
    // Not the reports' narrow copies of the route and the names.
    for narrow in ["official_id", "target_id", "state"] {
        assert!(one.get(narrow).is_none(), "{narrow} shown: {one}");
    }
    assert_eq!(one["official"], "Исабаев Бейбит Бакирович");
    wd.fails(&["show", "999"], 1);
}

#[test]
fn status_and_phrases() {
    let wd = fixture();
    let status = wd.json(&["status", "--format", "json"]);
    assert_eq!(status["records"][0]["records"], 6);
    assert_eq!(status["records"][0]["first"], "2022-08-01");
    assert_eq!(status["imports"].as_array().unwrap().len(), 3);
    assert_eq!(status["imports"][1]["sha256"].as_str().unwrap().len(), 64);
    let phrases = wd.csv_rows(&["phrases", "--format", "csv"]);
    assert!(
        phrases
            .iter()
            .any(|p| p["kind"] == "forward" && p["phrase"] == "по компетенции")
    );
    assert!(
        phrases
            .iter()
            .any(|p| p["kind"] == "rejected" && p["phrase"] == "отклонен")
    );
}

#[test]
fn phrases_file_extends_the_rules_and_reclassifies() {
    let wd = fixture();
    wd.write("extra.txt", "# our additions\nforward: передали коллегам\n");
    wd.write("more.csv", "id,addressee,date,answered_at,answer_text\n77,Масабаев Асет Бахытович,2022-09-05,2022-09-06,Мы передали коллегам ваш вопрос.\n");
    wd.ok(&["import", "appeals", "more.csv"]);
    assert_eq!(
        wd.json(&["show", "77", "--format", "json"])[0]["route"],
        "unknown"
    );
    wd.ok(&["import", "appeals", "--phrases", "extra.txt", "more.csv"]);
    assert_eq!(
        wd.json(&["show", "77", "--format", "json"])[0]["route"],
        "forwarded"
    );
    let phrases = wd.csv_rows(&["phrases", "--format", "csv"]);
    assert_eq!(
        row(&phrases, "phrase", "передали коллегам")["origin"],
        "extra.txt"
    );
    wd.write("bad.txt", "forward: ok\nsideways: nope\n");
    let stderr = wd.fails(
        &["import", "appeals", "--phrases", "bad.txt", "more.csv"],
        1,
    );
    assert!(
        stderr.contains("bad.txt") && stderr.contains('2'),
        "{stderr}"
    );
}

#[test]
fn due_dates_follow_kazakhstans_calendar_and_the_law_of_the_day() {
    let wd = Workdir::new();
    wd.write(
        "a.csv",
        "id,addressee,date\n1,Аким,2022-08-09\n2,Аким,2021-06-30\n3,Аким,2021-07-01\n4,Аким,2027-03-01\n",
    );
    wd.ok(&["import", "appeals", "a.csv"]);
    let due = |id: &str, extra: &[&str]| {
        let mut args = vec!["show", id, "--format", "json"];
        args.extend(extra);
        wd.json(&args)[0]["due_date"].as_str().unwrap().to_string()
    };
    // 15 working days from 9 August 2022: Saturday 27 August was worked, 29 and 30 August were
    // days off (Constitution Day and its transfer).
    assert_eq!(due("1", &[]), "2022-08-31");
    assert_eq!(due("1", &["--calendar", "mon-fri"]), "2022-08-30");
    wd.write("extra.txt", "2022-08-31\n");
    assert_eq!(due("1", &["--holidays", "extra.txt"]), "2022-09-01");
    // Before 1 July 2021 the law gave 15 calendar days; from then, 15 working days
    // (6 July, Capital Day, and 20 July, Kurban Ait, were days off).
    assert_eq!(due("2", &[]), "2021-07-15");
    assert_eq!(due("3", &[]), "2021-07-26");
    assert_eq!(due("1", &["--deadline-days", "5"]), "2022-08-16");
    // A year past the table: a warning that only weekends and fixed holidays count.
    let out = wd.run(&["report", "routing", "--as-of", "2027-04-01"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success()
            && stderr.contains("warning: the holiday table covers 2009–")
            && stderr.contains("2027"),
        "{stderr}"
    );
}
