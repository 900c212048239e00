//! Weekly reports and exports: a known week against the week before, exported CSV read back
//! equal to what was imported (formula cells neutralised), privacy by default, --redact,
//! --excel bytes, a closed pipe, and LibreOffice opening the export where it is installed.

use std::io::Read;
use std::process::Stdio;

use crate::common::{Workdir, outside_tool, parse_csv, row};

const AKIM: &str = "Исабаев Бейбит Бакирович";

/// Week 2022-W39 (26 Sep – 2 Oct) and the week before (19–25 Sep).
fn weeks() -> Workdir {
    let wd = Workdir::new();
    wd.write(
        "directory.csv",
        "name,kind,position\nИсабаев Бейбит Бакирович,official,Аким области Жетысу\nУправление ЖКХ,department,\nУправление строительства,department,\n",
    );
    wd.write(
        "appeals.csv",
        "id,addressee,date,status,answered_at,answered_by\n\
         1,Исабаев Бейбит Бакирович,2022-09-19,Ответ получен,2022-09-20,Исабаев Б.Б.\n\
         2,Исабаев Бейбит Бакирович,2022-09-20,Ответ получен,2022-09-22,Управление ЖКХ\n\
         3,Исабаев Бейбит Бакирович,2022-09-26,Ответ получен,2022-09-28,Управление ЖКХ\n\
         4,Исабаев Бейбит Бакирович,2022-09-27,Ответ получен,2022-09-30,Управление строительства\n\
         5,Исабаев Бейбит Бакирович,2022-09-28,Перенаправлено,,\n\
         6,Исабаев Бейбит Бакирович,2022-10-02,На рассмотрении,,\n\
         7,Исабаев Бейбит Бакирович,2022-10-03,На рассмотрении,,\n",
    );
    wd.write(
        "posts.csv",
        "department,date\nУправление ЖКХ,2022-09-30\nУправление строительства,2022-08-23\n",
    );
    wd.ok(&["import", "directory", "directory.csv"]);
    wd.ok(&["import", "appeals", "appeals.csv"]);
    wd.ok(&["import", "posts", "posts.csv"]);
    wd
}

#[test]
fn weekly_json_has_the_week_and_the_week_before() {
    let wd = weeks();
    let report = wd.json(&[
        "report",
        "weekly",
        "--week",
        "2022-W39",
        "--as-of",
        "2022-10-10",
        "--format",
        "json",
    ]);
    assert_eq!(
        (report["since"].as_str(), report["until"].as_str()),
        (Some("2022-09-26"), Some("2022-10-02"))
    );
    let now = &report["routing"][0];
    assert_eq!(now["addressee"], AKIM);
    assert_eq!(
        (
            now["appeals"].as_u64(),
            now["forwarded"].as_u64(),
            now["unanswered"].as_u64()
        ),
        (Some(4), Some(3), Some(1))
    );
    assert_eq!(now["personal"], 0);
    let before = &report["previous"]["routing"][0];
    assert_eq!(report["previous"]["since"], "2022-09-19");
    assert_eq!(
        (
            before["appeals"].as_u64(),
            before["personal"].as_u64(),
            before["forwarded"].as_u64()
        ),
        (Some(2), Some(1), Some(1))
    );
    let forwards = report["forwards"].as_array().unwrap();
    let targets: Vec<&str> = forwards
        .iter()
        .map(|f| f["forwarded_to"].as_str().unwrap())
        .collect();
    // One appeal each: ordered by target name ("unknown": status said redirected, no target).
    assert_eq!(
        targets,
        vec!["unknown", "Управление ЖКХ", "Управление строительства"]
    );
    // Silence as of the week's end, 2 October.
    let silence = report["silence"].as_array().unwrap();
    let building = silence
        .iter()
        .find(|r| r["name"] == "Управление строительства")
        .unwrap();
    assert_eq!(building["days_since"], 40);
    assert_eq!(building["status"], "stale");
    // The default week is the last full week before the as-of date.
    let default = wd.json(&[
        "report",
        "weekly",
        "--as-of",
        "2022-10-03",
        "--format",
        "json",
    ]);
    assert_eq!(default["since"], "2022-09-26");
}

#[test]
fn weekly_markdown_is_a_document_with_arrows_and_methodology() {
    let wd = weeks();
    let md = wd.ok(&[
        "report",
        "weekly",
        "--week",
        "2022-W39",
        "--as-of",
        "2022-10-10",
        "--format",
        "md",
    ]);
    assert!(
        md.starts_with("# Appeals to officials: week 2022-W39, 2022-09-26 to 2022-10-02"),
        "{md}"
    );
    assert!(md.contains("- Исабаев Бейбит Бакирович received 4 appeals: 0 answered personally (0.0%), 3 forwarded (75.0%), 1 unanswered"), "{md}");
    assert!(
        md.contains("| Исабаев Бейбит Бакирович | 4 (↑2) | 0 (↓1) | 3 (↑2) | 1 (↑1) |"),
        "{md}"
    );
    assert!(md.contains("## Methodology"), "{md}");
    assert!(
        md.contains("Administrative Procedural Code, art. 76"),
        "{md}"
    );
    assert!(md.contains("appeals.csv (appeals, 4 records"), "{md}");
}

#[test]
fn exported_csv_reads_back_as_imported_with_formulas_neutralised() {
    let wd = Workdir::new();
    let hostile = [
        (
            "1",
            "=HYPERLINK(\"http://x\",\"click\")",
            "Жетісу; \"кавычки\", запятая",
        ),
        ("2", "+7 701 000 00 00 позвоните", "-5 градусов в квартире"),
        ("3", "@SUM(A1)", "\tтабуляция"),
        (
            "4",
            "обычный текст <b>html</b> '; DROP TABLE appeals; --",
            "$(rm -rf /) `ls` | && ;",
        ),
    ];
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record(["id", "addressee", "date", "title", "text", "author"])
        .unwrap();
    for (id, title, text) in hostile {
        writer
            .write_record([id, AKIM, "2022-09-01", title, text, "Гражданин А."])
            .unwrap();
    }
    wd.write("hostile.csv", writer.into_inner().unwrap());
    wd.ok(&["import", "appeals", "hostile.csv"]);

    let exported = parse_csv(&wd.ok(&["export", "appeals"]));
    for (id, title, text) in hostile {
        let got = row(&exported, "id", id);
        let undo = |s: &str| {
            s.strip_prefix('\'')
                .filter(|rest| rest.starts_with(['=', '+', '-', '@', '\t', '\r']))
                .unwrap_or(s)
                .to_string()
        };
        assert_eq!(undo(&got["title"]), title);
        assert_eq!(undo(&got["text"]), text);
        for cell in [&got["title"], &got["text"]] {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?} would run as a formula"
            );
        }
        assert_eq!(got["addressee"], AKIM);
        assert_eq!(got["submitted_at"], "2022-09-01");
    }
    // Numbers stay numbers: days_to_answer and source_line are not text.
    assert_eq!(row(&exported, "id", "1")["source_line"], "2");
    // --raw gives cells exactly as stored.
    let raw = parse_csv(&wd.ok(&["export", "appeals", "--raw"]));
    assert_eq!(row(&raw, "id", "2")["text"], "-5 градусов в квартире");
}

#[test]
fn authors_are_left_out_unless_asked_for() {
    let wd = Workdir::new();
    wd.write(
        "a.csv",
        "id,addressee,date,author\n1,A,2022-09-01,Гражданин А.\n",
    );
    wd.ok(&["import", "appeals", "a.csv"]);
    let csv = wd.ok(&["export", "appeals"]);
    assert!(
        !csv.lines()
            .next()
            .unwrap()
            .split(',')
            .any(|c| c == "author")
    );
    assert!(!csv.contains("Гражданин А."));
    let json = wd.json(&["export", "appeals", "--format", "json"]);
    assert!(json[0].get("author").is_none());
    let with = parse_csv(&wd.ok(&["export", "appeals", "--include-authors"]));
    assert_eq!(with[0]["author"], "Гражданин А.");
}

#[test]
fn redact_masks_identifiers_and_only_identifiers() {
    let wd = Workdir::new();
    let text = "ИИН 900101300123, тел. +7 (701) 234-56-78, почта aliya.k@mail.kz; дом 12, 2022 год, 150000 тенге";
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record(["id", "addressee", "date", "text", "answer_text"])
        .unwrap();
    writer
        .write_record([
            "749022/1",
            AKIM,
            "2022-09-01",
            text,
            "Звоните 8 777 123 45 67",
        ])
        .unwrap();
    wd.write("a.csv", writer.into_inner().unwrap());
    wd.ok(&["import", "appeals", "a.csv"]);
    let got = &parse_csv(&wd.ok(&["export", "appeals", "--redact"]))[0];
    assert_eq!(
        got["text"],
        "ИИН [IIN], тел. [PHONE], почта [EMAIL]; дом 12, 2022 год, 150000 тенге"
    );
    assert_eq!(got["answer_text"], "Звоните [PHONE]");
    assert_eq!(got["id"], "749022/1");
    assert_eq!(got["addressee"], AKIM);
}

#[test]
fn excel_export_has_a_bom_and_crlf() {
    let wd = Workdir::new();
    wd.write(
        "a.csv",
        "id,addressee,date,text\n1,Аким,2022-09-01,\"две\nстроки\"\n",
    );
    wd.ok(&["import", "appeals", "a.csv"]);
    wd.ok(&["export", "appeals", "--excel", "--output", "out.csv"]);
    let bytes = wd.read("out.csv");
    assert_eq!(&bytes[..3], &[0xEF, 0xBB, 0xBF]);
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(text.starts_with("id,addressee,submitted_at,"));
    let record_ends = text.matches("\r\n").count();
    assert_eq!(
        record_ends, 2,
        "header and one record end in CRLF: {text:?}"
    );
    // The newline inside the quoted cell is kept as it was imported.
    assert!(text.contains("\"две\nстроки\""));
}

#[test]
fn a_closed_pipe_ends_quietly_with_exit_0() {
    let wd = Workdir::new();
    let mut file = String::from("id,addressee,date,text\n");
    for i in 0..20_000 {
        file.push_str(&format!(
            "{i},Аким,2022-09-01,Текст обращения номер {i} с достаточно длинным содержанием\n"
        ));
    }
    wd.write("many.csv", file);
    wd.ok(&["--quiet", "import", "appeals", "many.csv"]);
    let mut child = wd
        .command(&["export", "appeals"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 100];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn completions_and_man_page_come_from_the_parser() {
    let wd = Workdir::new();
    for shell in ["bash", "zsh", "fish"] {
        let script = wd.ok(&["completions", shell]);
        assert!(
            script.contains("appeal-audit") && script.contains("weekly"),
            "{shell}"
        );
    }
    let man = wd.ok(&["man"]);
    assert!(man.contains(".TH appeal-audit 1") && man.contains("import"));
}

#[test]
fn libreoffice_shows_a_formula_looking_cell_as_text() {
    let soffice = ["soffice", "libreoffice"].into_iter().find(|p| which(p));
    if !outside_tool(
        "LibreOffice (soffice)",
        "apt-get install libreoffice-calc",
        soffice.is_some(),
    ) {
        return;
    }
    let soffice = soffice.expect("found");
    let wd = Workdir::new();
    wd.write(
        "a.csv",
        "id,addressee,date,title\n1,Аким,2022-09-01,=1+1\n2,Аким,2022-09-01,-5 градусов\n",
    );
    wd.ok(&["import", "appeals", "a.csv"]);
    wd.ok(&["export", "appeals", "--excel", "--output", "export.csv"]);
    wd.ok(&[
        "export", "appeals", "--excel", "--raw", "--output", "raw.csv",
    ]);
    // Open each CSV in Calc as UTF-8 with "evaluate formulas" on (the last import option) and
    // save it again as CSV: what Calc shows in a cell is what it writes back.
    let output = std::process::Command::new(soffice)
        .args([
            "--headless",
            "--infilter=CSV:44,34,76,1,,0,false,true,false,false,false,true",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1",
            "--outdir",
            "calc",
            "export.csv",
            "raw.csv",
        ])
        .current_dir(wd.root())
        .env("HOME", wd.root())
        .output()
        .expect("run soffice");
    let said = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success() && wd.path("calc/export.csv").exists(),
        "soffice: {said}"
    );
    let read = |name: &str| {
        parse_csv(String::from_utf8_lossy(&wd.read(name)).trim_start_matches('\u{feff}'))
    };
    let shown = read("calc/export.csv");
    eprintln!(
        "LibreOffice shows the protected cells as {:?} and {:?}",
        row(&shown, "id", "1")["title"],
        row(&shown, "id", "2")["title"]
    );
    assert_eq!(
        row(&shown, "id", "1")["title"],
        "'=1+1",
        "Calc must show the formula as text"
    );
    assert_eq!(row(&shown, "id", "2")["title"], "'-5 градусов");
    // The same cell unprotected is run as a formula: the protection is what makes the difference.
    let raw = read("calc/raw.csv");
    assert_eq!(
        row(&raw, "id", "1")["title"],
        "2",
        "without protection Calc computes =1+1"
    );
}

fn which(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

#[test]
fn output_files_are_readable_by_others_like_any_file_the_user_writes() {
    use std::os::unix::fs::PermissionsExt;
    let wd = Workdir::new();
    wd.write("a.csv", "id,addressee,date\n1,Аким,2022-09-01\n");
    wd.ok(&["import", "appeals", "a.csv"]);
    wd.ok(&["export", "appeals", "--output", "out.csv"]);
    let mode = std::fs::metadata(wd.path("out.csv"))
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o644);
    // Replacing a file keeps its permissions.
    std::fs::set_permissions(wd.path("out.csv"), std::fs::Permissions::from_mode(0o600)).unwrap();
    wd.ok(&[
        "report", "routing", "--format", "csv", "--output", "out.csv",
    ]);
    assert_eq!(
        std::fs::metadata(wd.path("out.csv"))
            .unwrap()
            .permissions()
            .mode()
            & 0o777,
        0o600
    );
    wd.fails(&["status", "--format", "html"], 2);
}

/// Export streams each row from the store to the writer in every format: the formats carry the
/// same rows in the same order, the JSON array (written element by element) is valid and
/// equals the JSON Lines, --output writes what stdout shows, and nothing exported is `[]`.
#[test]
fn every_export_format_carries_the_same_rows() {
    let wd = weeks();
    for what in ["appeals", "posts"] {
        let csv = parse_csv(&wd.ok(&["export", what, "--raw"]));
        let jsonl: Vec<serde_json::Value> = wd
            .ok(&["export", what, "--raw", "--format", "jsonl"])
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect();
        let json = wd.json(&["export", what, "--raw", "--format", "json"]);
        assert_eq!(json, serde_json::Value::Array(jsonl.clone()), "{what}");
        assert_eq!(csv.len(), jsonl.len(), "{what}");
        let ids = |rows: &[serde_json::Value]| -> Vec<String> {
            rows.iter().map(|r| r["id"].to_string()).collect()
        };
        let tsv = wd.ok(&["export", what, "--raw", "--format", "tsv"]);
        assert_eq!(tsv.lines().count(), csv.len() + 1, "{what}");
        wd.ok(&[
            "export",
            what,
            "--raw",
            "--format",
            "jsonl",
            "--output",
            "out.jsonl",
        ]);
        let written: Vec<serde_json::Value> = String::from_utf8(wd.read("out.jsonl"))
            .unwrap()
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect();
        assert_eq!(ids(&written), ids(&jsonl), "{what}");
    }
    assert_eq!(
        wd.json(&[
            "export",
            "appeals",
            "--format",
            "json",
            "--until",
            "2000-01-01"
        ]),
        serde_json::json!([])
    );
    assert_eq!(
        wd.ok(&[
            "export",
            "appeals",
            "--format",
            "csv",
            "--until",
            "2000-01-01"
        ])
        .lines()
        .count(),
        1,
        "the header alone"
    );
}
