//! Spreadsheets: `--format xlsx` read back by openpyxl (cell types and values, the frozen
//! header, the filter) and opened by LibreOffice, xlsx refused where it cannot hold the output,
//! and `--excel` CSV from reports. Skips, saying so, where openpyxl or LibreOffice is absent;
//! under CI that is a failure.

use crate::common::{Workdir, outside_tool, parse_csv, python_has, python_json, row};

fn audited() -> Workdir {
    let wd = Workdir::new();
    wd.write(
        "directory.csv",
        "name,kind,position\n\
         Исабаев Бейбит Бакирович,official,Аким области Жетысу\n\
         Управление ЖКХ,department,\n",
    );
    wd.write(
        "appeals.csv",
        "id,addressee,date,status,answered_at,answered_by,text\n\
         1,Исабаев Бейбит Бакирович,2022-01-10 10:15,Ответ получен,2022-01-12,Управление ЖКХ,Вода\n\
         2,Исабаев Бейбит Бакирович,2022-02-01,Перенаправлено,,,=1+1\n",
    );
    wd.ok(&["import", "directory", "directory.csv"]);
    wd.ok(&["import", "appeals", "appeals.csv"]);
    wd
}

/// Every cell of the first sheet with its Python type, the frozen pane and the filter's range.
const OPENPYXL_READ: &str = r#"
import datetime, json, sys, openpyxl
sheet = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
def cell(v):
    if isinstance(v, datetime.datetime):
        return ["datetime", v.isoformat()]
    return [type(v).__name__, v]
rows = [[cell(v) for v in r] for r in sheet.iter_rows(values_only=True)]
print(json.dumps({"rows": rows, "freeze": sheet.freeze_panes, "filter": sheet.auto_filter.ref,
                  "width": sheet.column_dimensions["A"].width}))
"#;

fn openpyxl() -> bool {
    outside_tool(
        "openpyxl",
        "python3 -m pip install openpyxl",
        python_has(&["openpyxl"]),
    )
}

/// The audited folder, after `ARGS... --output sheet.xlsx`, with the sheet as openpyxl reads
/// it; None (saying so) where openpyxl is absent.
fn written(args: &[&str]) -> Option<(Workdir, serde_json::Value)> {
    if !openpyxl() {
        return None;
    }
    let wd = audited();
    wd.ok(&[args, &["--output", "sheet.xlsx"]].concat());
    let read = python_json(OPENPYXL_READ, &[wd.path("sheet.xlsx").to_str().unwrap()]);
    Some((wd, read))
}

/// The sheet's cells by header, for the row whose `key` column holds `value`.
fn cells(
    read: &serde_json::Value,
    key: &str,
    value: &str,
) -> serde_json::Map<String, serde_json::Value> {
    let rows = read["rows"].as_array().expect("rows");
    let header: Vec<&str> = rows[0]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c[1].as_str().unwrap())
        .collect();
    let at = header.iter().position(|h| *h == key).expect("key column");
    let found = rows[1..]
        .iter()
        .find(|r| r[at][1] == value)
        .unwrap_or_else(|| panic!("no row with {key} = {value} in {read}"));
    header
        .iter()
        .zip(found.as_array().unwrap())
        .map(|(h, c)| (h.to_string(), c.clone()))
        .collect()
}

#[test]
fn openpyxl_reads_the_export_with_typed_cells_a_frozen_header_and_a_filter() {
    let Some((_, read)) = written(&[
        "export",
        "appeals",
        "--format",
        "xlsx",
        "--as-of",
        "2022-10-03",
    ]) else {
        return;
    };
    assert_eq!(read["freeze"], "A2", "{read}");
    let rows = read["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 3, "a header and two appeals: {read}");
    let filter = read["filter"].as_str().unwrap();
    assert!(
        filter.starts_with("A1:") && filter.ends_with('3'),
        "{filter}"
    );
    assert!(read["width"].as_f64().unwrap() > 3.0, "{read}");
    let first = cells(&read, "id", "1");
    assert_eq!(
        first["submitted_at"],
        serde_json::json!(["datetime", "2022-01-10T10:15:00"])
    );
    assert_eq!(first["answered_at"][0], "datetime", "{first:?}");
    assert_eq!(first["due_date"][0], "datetime", "{first:?}");
    assert_eq!(first["days_to_answer"][0], "int", "{first:?}");
    assert_eq!(first["overdue"], serde_json::json!(["bool", false]));
    assert_eq!(
        first["addressee"],
        serde_json::json!(["str", "Исабаев Бейбит Бакирович"])
    );
    // A string cell is never a formula in xlsx: the text stays as scraped, no apostrophe.
    let second = cells(&read, "id", "2");
    assert_eq!(second["text"], serde_json::json!(["str", "=1+1"]));
    assert_eq!(second["answered_at"][0], "NoneType", "{second:?}");
}

#[test]
fn a_report_as_xlsx_has_numbers_for_counts_and_shares() {
    let Some((wd, read)) = written(&[
        "report",
        "routing",
        "--as-of",
        "2022-10-03",
        "--format",
        "xlsx",
    ]) else {
        return;
    };
    let official = cells(&read, "addressee", "Исабаев Бейбит Бакирович");
    assert_eq!(official["appeals"], serde_json::json!(["int", 2]));
    // xlsx has one type of number: openpyxl reads a whole one as int, the others as float.
    assert_eq!(official["forwarded_pct"], serde_json::json!(["int", 100]));
    assert_eq!(
        official["personal_pct_high"],
        serde_json::json!(["float", 65.8])
    );
    assert_eq!(read["freeze"], "A2");
    // A pipe takes the workbook as it is (a terminal would not: that needs one to test).
    let piped = wd.run(&["report", "forwards", "--format", "xlsx"]);
    assert!(piped.status.success() && piped.stdout.starts_with(b"PK"));
}

#[test]
fn libreoffice_opens_the_xlsx_with_dates_shown_as_dates() {
    let soffice = ["soffice", "libreoffice"].into_iter().find(|p| {
        std::env::var_os("PATH")
            .is_some_and(|paths| std::env::split_paths(&paths).any(|d| d.join(p).is_file()))
    });
    if !outside_tool(
        "LibreOffice (soffice)",
        "apt-get install libreoffice-calc",
        soffice.is_some(),
    ) {
        return;
    }
    let wd = audited();
    wd.ok(&[
        "export",
        "appeals",
        "--format",
        "xlsx",
        "--columns",
        "id,submitted_at,due_date,text",
        "--output",
        "a.xlsx",
    ]);
    let output = std::process::Command::new(soffice.expect("found"))
        .args([
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1",
        ])
        .args(["--outdir", "calc", "a.xlsx"])
        .current_dir(wd.root())
        .env("HOME", wd.root())
        .output()
        .expect("run soffice");
    assert!(
        output.status.success() && wd.path("calc/a.csv").exists(),
        "soffice: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let shown = parse_csv(&String::from_utf8_lossy(&wd.read("calc/a.csv")));
    let first = row(&shown, "id", "1");
    assert_eq!(first["submitted_at"], "2022-01-10 10:15:00");
    assert_eq!(row(&shown, "id", "2")["text"], "=1+1");
}

#[test]
fn xlsx_is_refused_where_one_sheet_cannot_hold_the_output() {
    let wd = audited();
    for args in [
        &["report", "weekly", "--format", "xlsx", "--output", "w.xlsx"][..],
        &["show", "1", "--format", "xlsx", "--output", "s.xlsx"],
        &["status", "--format", "xlsx"],
        &[
            "export", "appeals", "--format", "xlsx", "--excel", "--output", "e.xlsx",
        ],
    ] {
        let said = wd.fails(args, 2);
        assert!(said.contains("xlsx"), "{args:?}: {said}");
    }
}

#[test]
fn report_csv_for_excel_has_a_byte_order_mark_and_crlf() {
    let wd = audited();
    let plain = wd.run(&[
        "report",
        "routing",
        "--as-of",
        "2022-10-03",
        "--format",
        "csv",
    ]);
    let excel = wd.run(&[
        "report",
        "routing",
        "--as-of",
        "2022-10-03",
        "--format",
        "csv",
        "--excel",
    ]);
    assert!(excel.status.success());
    assert!(excel.stdout.starts_with("\u{feff}addressee,".as_bytes()));
    let text = String::from_utf8(excel.stdout).unwrap();
    assert_eq!(text.matches("\r\n").count(), text.matches('\n').count());
    // The same rows as without --excel, only shaped for Excel.
    let plain = String::from_utf8(plain.stdout).unwrap();
    assert_eq!(
        text.trim_start_matches('\u{feff}').replace("\r\n", "\n"),
        plain
    );
    let said = wd.fails(&["report", "silence", "--excel"], 2);
    assert!(said.contains("--excel"), "{said}");
}
