//! `audit` on the bundled sample (data/): the main job in one command, with the figures the
//! sample was written to show.

use crate::common::{Workdir, row};

fn data() -> String {
    format!("{}/data", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn audit_on_the_sample_gives_the_story_figures() {
    let wd = Workdir::new();
    let report = wd.json(&[
        "audit",
        &data(),
        "--as-of",
        "2022-10-03",
        "--format",
        "json",
    ]);
    let routing = report["routing"].as_array().unwrap();
    let figures: Vec<(&str, u64, u64, u64, u64, u64, u64)> = routing
        .iter()
        .map(|r| {
            let n = |k: &str| r[k].as_u64().unwrap();
            (
                r["addressee"].as_str().unwrap(),
                n("appeals"),
                n("personal"),
                n("forwarded"),
                n("unanswered"),
                n("unknown"),
                n("rejected"),
            )
        })
        .collect();
    assert_eq!(
        figures,
        vec![
            ("Бекболатов Ерлан Сапарович", 36, 2, 28, 4, 1, 1),
            ("Жумагалиев Данияр Ерланович", 13, 4, 6, 2, 1, 0),
            ("Кенжебаева Айгерим Болатовна", 12, 4, 6, 2, 0, 0),
        ]
    );
    assert_eq!(routing[0]["forwarded_pct"], 77.8);
    assert_eq!(routing[0]["unsatisfied"], 5);

    let silence = report["silence"].as_array().unwrap();
    let development = silence
        .iter()
        .find(|r| r["name"] == "Управление общественного развития области Жетысу")
        .unwrap();
    assert_eq!(
        (
            development["last_post"].as_str(),
            development["days_since"].as_i64()
        ),
        (Some("2022-08-23"), Some(41))
    );
    assert_eq!(development["status"], "stale");
    let never: Vec<&str> = silence
        .iter()
        .filter(|r| r["status"] == "never")
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        never.len(),
        5,
        "three officials and two departments never posted: {never:?}"
    );
    assert_eq!(silence[0]["status"], "never");
    // The forwards section lists the akim's targets, unknown ones first (12).
    let forwards = report["forwards"].as_array().unwrap();
    assert_eq!(forwards[0]["forwarded_to"], "unknown");
    assert_eq!(forwards[0]["appeals"], 12);
}

#[test]
fn audit_twice_changes_nothing_and_prints_tables() {
    let wd = Workdir::new();
    let first = wd.run(&["audit", &data(), "--as-of", "2022-10-03"]);
    assert!(first.status.success());
    let stdout = String::from_utf8(first.stdout).unwrap();
    assert!(
        stdout.contains("Routing (as of 2022-10-03)")
            && stdout.contains("Silence (as of 2022-10-03)")
    );
    let second = wd.run(&["audit", &data(), "--as-of", "2022-10-03"]);
    let stderr = String::from_utf8(second.stderr).unwrap();
    assert!(stderr.contains("data/appeals/akim-blog-2022.csv: 36 read, 0 inserted, 0 updated, 36 unchanged, 0 rejected"), "{stderr}");
    assert_eq!(String::from_utf8(second.stdout).unwrap(), stdout);
}

#[test]
fn audit_tells_each_files_kind_from_its_header() {
    let wd = Workdir::new();
    wd.write("scrape/a.csv", "номер,адресат,дата\n1,Аким,2022-09-01\n");
    wd.write(
        "scrape/b.json",
        r#"[{"department": "Отдел", "date": "2022-09-01"}]"#,
    );
    wd.write("scrape/c.csv", "name,kind\nАким,official\n");
    wd.write("scrape/notes.txt", "not data");
    wd.write("scrape/d.csv", "foo,bar\n1,2\n");
    let stderr = wd.fails(&["audit", "scrape"], 1);
    assert!(
        stderr.contains("d.csv: cannot tell what the file holds"),
        "{stderr}"
    );
    std::fs::remove_file(wd.path("scrape/d.csv")).unwrap();
    wd.ok(&["audit", "scrape", "--as-of", "2022-10-03"]);
    let status = wd.json(&["status", "--format", "json"]);
    let kinds: Vec<(&str, i64)> = status["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["kind"].as_str().unwrap(), r["records"].as_i64().unwrap()))
        .collect();
    assert_eq!(kinds, vec![("appeals", 1), ("posts", 1), ("directory", 1)]);
    let silence = wd.csv_rows(&[
        "report",
        "silence",
        "--as-of",
        "2022-10-03",
        "--format",
        "csv",
    ]);
    assert_eq!(row(&silence, "name", "Аким")["kind"], "official");
}
