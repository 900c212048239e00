//! The contract's examples (tests/cases, copied from the shared spec) run through the real
//! binary: every date form imported and stored as the date it means, and every routing case
//! classified with the route, reason and target the contract gives.

use crate::common::{Workdir, parse_csv, row};

const DATES: &str = include_str!("../cases/dates.csv");
const ROUTING: &str = include_str!("../cases/routing.csv");
const NAMES: &str = include_str!("../cases/names.csv");

fn csv_line(fields: &[&str]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(fields).unwrap();
    String::from_utf8(writer.into_inner().unwrap()).unwrap()
}

#[test]
fn every_valid_date_form_is_stored_as_the_date_it_means() {
    let wd = Workdir::new();
    let cases = parse_csv(DATES);
    let mut file = csv_line(&["id", "addressee", "submitted_at"]);
    for (i, case) in cases
        .iter()
        .enumerate()
        .filter(|(_, c)| !c["date"].is_empty())
    {
        file.push_str(&csv_line(&[
            &i.to_string(),
            "Исабаев Бейбит Бакирович",
            &case["input"],
        ]));
    }
    wd.write("dates.csv", &file);
    wd.ok(&["import", "appeals", "dates.csv"]);
    let stored = wd.csv_rows(&["export", "appeals", "--raw"]);
    for (i, case) in cases
        .iter()
        .enumerate()
        .filter(|(_, c)| !c["date"].is_empty())
    {
        let want = match case["time"].as_str() {
            "" => case["date"].clone(),
            time => format!("{} {time}", case["date"]),
        };
        assert_eq!(
            row(&stored, "id", &i.to_string())["submitted_at"],
            want,
            "input {:?}",
            case["input"]
        );
    }
}

#[test]
fn every_invalid_date_form_is_refused_with_file_line_field_and_value() {
    for case in parse_csv(DATES).iter().filter(|c| c["date"].is_empty()) {
        let wd = Workdir::new();
        let file = csv_line(&["id", "addressee", "submitted_at"])
            + &csv_line(&["1", "Исабаев Бейбит Бакирович", "2022-10-03"])
            + &csv_line(&["2", "Исабаев Бейбит Бакирович", &case["input"]]);
        wd.write("bad.csv", &file);
        let stderr = wd.fails(&["import", "appeals", "bad.csv"], 1);
        for needle in ["bad.csv", "line 3", "submitted_at", case["input"].as_str()] {
            assert!(
                stderr.contains(needle),
                "{:?}: {needle:?} not in {stderr}",
                case["input"]
            );
        }
        // All or nothing: the valid first line was not kept either.
        assert!(!wd.path("test.db").exists() || wd.ok(&["export", "appeals"]).lines().count() == 1);
    }
}

#[test]
fn every_routing_case_gets_the_contracts_route_reason_and_target() {
    let wd = Workdir::new();
    let cases = parse_csv(ROUTING);
    let columns = [
        "addressee",
        "addressee_position",
        "forwarded_to",
        "status",
        "answered_at",
        "answered_by",
        "answer_text",
    ];
    let mut header = vec!["id", "submitted_at"];
    header.extend(columns);
    let mut file = csv_line(&header);
    for case in &cases {
        let mut fields = vec![case["case"].as_str(), "2022-08-01"];
        fields.extend(columns.iter().map(|c| case[*c].as_str()));
        file.push_str(&csv_line(&fields));
    }
    wd.write("routing.csv", &file);
    wd.ok(&["import", "appeals", "routing.csv"]);
    let stored = wd.csv_rows(&["export", "appeals", "--raw"]);
    for case in &cases {
        let got = row(&stored, "id", &case["case"]);
        let target = match (case["route"].as_str(), case["target"].as_str()) {
            ("forwarded", "unknown") => "",
            (_, target) => target,
        };
        assert_eq!(
            (
                got["route"].as_str(),
                got["route_reason"].as_str(),
                got["route_target"].as_str()
            ),
            (case["route"].as_str(), case["reason"].as_str(), target),
            "routing case {}",
            case["case"]
        );
    }
    // Forwarded with no known target counts under `unknown` in the forwards report.
    let forwards = wd.csv_rows(&["report", "forwards", "--format", "csv"]);
    let unknown = row(&forwards, "forwarded_to", "unknown");
    let want = cases
        .iter()
        .filter(|c| c["route"] == "forwarded" && c["target"] == "unknown")
        .count();
    assert_eq!(unknown["appeals"], want.to_string());
}

#[test]
fn every_name_case_decides_whether_an_answer_is_personal() {
    // An answer by the same actor is personal (rule 6); by anyone else, forwarded (rule 4).
    let wd = Workdir::new();
    let cases = parse_csv(NAMES);
    let mut file = csv_line(&[
        "id",
        "addressee",
        "submitted_at",
        "answered_at",
        "answered_by",
        "answer_text",
    ]);
    for (i, case) in cases.iter().enumerate() {
        file.push_str(&csv_line(&[
            &i.to_string(),
            &case["official"],
            "2022-08-01",
            "2022-08-05",
            &case["other"],
            "Ответ.",
        ]));
    }
    wd.write("names.csv", &file);
    wd.ok(&["import", "appeals", "names.csv"]);
    let stored = wd.csv_rows(&["export", "appeals", "--raw"]);
    for (i, case) in cases.iter().enumerate() {
        let want = if case["same"] == "true" {
            "personal"
        } else {
            "forwarded"
        };
        assert_eq!(
            row(&stored, "id", &i.to_string())["route"],
            want,
            "{:?} vs {:?}",
            case["official"],
            case["other"]
        );
    }
}
