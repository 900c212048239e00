//! `import`: formats, encodings, delimiters, header synonyms and --map, updates and re-imports,
//! all-or-nothing failure and --skip-invalid, all through the real binary on real files.

use crate::common::{self, Workdir, row};

const OFFICIAL: &str = "Исабаев Бейбит Бакирович";

fn export(wd: &Workdir) -> Vec<std::collections::HashMap<String, String>> {
    wd.csv_rows(&["export", "appeals", "--raw", "--include-authors"])
}

#[test]
fn csv_with_each_delimiter_and_russian_headers() {
    for (name, delimiter) in [
        ("comma.csv", ","),
        ("semicolon.csv", ";"),
        ("tab.tsv", "\t"),
    ] {
        let wd = Workdir::new();
        let text = ["номер", "адресат", "дата", "ответил", "ответ"].join(delimiter)
            + "\n"
            + &[
                "749022/1",
                OFFICIAL,
                "03.10.2022",
                "Исабаев Б.Б.",
                "Вопрос решён",
            ]
            .join(delimiter)
            + "\n";
        wd.write(name, text);
        wd.ok(&["import", "appeals", name]);
        let rows = export(&wd);
        let got = row(&rows, "id", "749022/1");
        assert_eq!(got["submitted_at"], "2022-10-03", "{name}");
        assert_eq!(got["route"], "personal", "{name}");
        assert_eq!(got["answer_text"], "Вопрос решён", "{name}");
    }
}

/// pandas' `to_csv` writes its index column with a blank header, and spreadsheets leave header
/// cells empty: `--map id=` names that column.
#[test]
fn a_column_with_a_blank_header_is_mapped_by_an_empty_name() {
    let wd = Workdir::new();
    wd.write(
        "pandas.csv",
        format!(",addressee,date\n17,{OFFICIAL},2022-08-01\n18,{OFFICIAL},2022-08-02\n"),
    );
    wd.fails(&["import", "appeals", "pandas.csv"], 1);
    wd.ok(&["import", "appeals", "--map", "id=", "pandas.csv"]);
    let rows = export(&wd);
    assert_eq!(rows.len(), 2);
    assert_eq!(row(&rows, "id", "18")["submitted_at"], "2022-08-02");
}

#[test]
fn every_encoding_reads_the_same_letters() {
    let text = "нөмір;адресат;күні;сұрақ\n1;Жетісу облысының әкімі;3 қазан 2022;Жол жөндеу ғ қ ң ө ұ ү һ і\n";
    let mut utf8_bom = vec![0xEF, 0xBB, 0xBF];
    utf8_bom.extend(text.as_bytes());
    let mut utf16le = vec![0xFF, 0xFE];
    utf16le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut utf16be = vec![0xFE, 0xFF];
    utf16be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("utf8.csv", text.as_bytes().to_vec()),
        ("utf8-bom.csv", utf8_bom),
        ("utf16le.csv", utf16le),
        ("utf16be.csv", utf16be),
    ];
    for (name, bytes) in files {
        let wd = Workdir::new();
        wd.write(name, bytes);
        wd.ok(&["import", "appeals", name]);
        let rows = export(&wd);
        assert_eq!(rows[0]["text"], "Жол жөндеу ғ қ ң ө ұ ү һ і", "{name}");
        assert_eq!(rows[0]["addressee"], "Жетісу облысының әкімі", "{name}");
        assert_eq!(rows[0]["submitted_at"], "2022-10-03", "{name}");
    }
}

#[test]
fn windows_1251_is_detected_and_can_be_forced() {
    // Windows-1251 bytes of: номер;адресат;дата;вопрос / 7;Аким области Жетысу;03.10.2022;Нет воды
    let (bytes, _, _) = encoding_rs::WINDOWS_1251
        .encode("номер;адресат;дата;вопрос\n7;Аким области Жетысу;03.10.2022;Нет воды\n");
    let wd = Workdir::new();
    wd.write("excel.csv", &bytes);
    wd.ok(&["import", "appeals", "excel.csv"]);
    assert_eq!(export(&wd)[0]["text"], "Нет воды");
    let wd = Workdir::new();
    wd.write("excel.txt", &bytes);
    wd.ok(&[
        "import",
        "appeals",
        "--encoding",
        "windows-1251",
        "--format",
        "csv",
        "excel.txt",
    ]);
    assert_eq!(export(&wd)[0]["addressee"], "Аким области Жетысу");
}

#[test]
fn invalid_utf8_in_a_file_declared_utf8_names_the_line() {
    let wd = Workdir::new();
    let mut bytes = b"id,addressee,date\n1,A,2022-10-03\n".to_vec();
    bytes.extend(b"2,B\xff\xfe,2022-10-03\n");
    wd.write("broken.csv", bytes);
    let stderr = wd.fails(
        &["import", "appeals", "--encoding", "utf-8", "broken.csv"],
        1,
    );
    assert!(stderr.contains("broken.csv, line 3"), "{stderr}");
    assert!(stderr.contains("--encoding"), "{stderr}");
}

/// Issue 22: one stray byte (0xA0) in a UTF-8 file read it all as Windows-1251, every name
/// turned into `Р‘РµРє...`, and the import said nothing.
#[test]
fn a_stray_byte_in_a_utf8_file_is_an_error_not_windows_1251() {
    let wd = Workdir::new();
    wd.write(
        "good.csv",
        format!("номер;адресат;дата\n9;{OFFICIAL};01.10.2022\n"),
    );
    wd.ok(&["import", "appeals", "good.csv"]);
    let mut bytes = format!("номер;адресат;дата\n1;{OFFICIAL};03.10.2022\n2;").into_bytes();
    let offset = bytes.len();
    bytes.push(0xA0);
    bytes.extend(format!("{OFFICIAL};04.10.2022\n").as_bytes());
    wd.write("stray.csv", &bytes);
    let stderr = wd.fails(&["import", "appeals", "stray.csv"], 1);
    for part in [
        "stray.csv".to_string(),
        "line 3".to_string(),
        format!("byte offset {offset}"),
        "0xA0".to_string(),
        "--encoding windows-1251".to_string(),
        "Fix that byte".to_string(),
    ] {
        assert!(stderr.contains(&part), "{part}: {stderr}");
    }
    assert!(!stderr.contains("Р‘"), "{stderr}");
    // Nothing was stored, let alone mojibake.
    assert_eq!(export(&wd).len(), 1);
    // With the byte fixed the file is plain UTF-8.
    bytes[offset] = b' ';
    wd.write("stray.csv", &bytes);
    wd.ok(&["import", "appeals", "stray.csv"]);
    assert_eq!(row(&export(&wd), "id", "2")["addressee"], OFFICIAL);
}

/// A file that starts in Windows-1251 and goes on in UTF-8 (two exports pasted together) past
/// the bytes the encoding is told from: the UTF-8 part is an error, never mojibake.
#[test]
fn a_file_in_two_encodings_is_an_error_naming_the_line() {
    let wd = Workdir::new();
    let mut text = String::from("номер;адресат;дата;вопрос\n");
    let mut n = 0;
    // Twice the bytes the encoding is told from, in Windows-1251 (two bytes a letter in UTF-8).
    while text.chars().count() < 128 * 1024 {
        n += 1;
        text.push_str(&format!("{n};Аким области Жетысу;03.10.2022;Нет воды\n"));
    }
    let mut bytes = encoding_rs::WINDOWS_1251.encode(&text).0.into_owned();
    let offset = bytes.len();
    bytes.extend(format!("{};{OFFICIAL};04.10.2022;Нет света\n", n + 1).as_bytes());
    wd.write("mixed.csv", &bytes);
    let stderr = wd.fails(&["import", "appeals", "mixed.csv"], 1);
    let prefix = format!("{};", n + 1).len();
    for part in [
        format!("mixed.csv, line {}", n + 2),
        format!("byte offset {}", offset + prefix),
        "two encodings".to_string(),
    ] {
        assert!(stderr.contains(&part), "{part}: {stderr}");
    }
    // The wholly Windows-1251 part alone still reads as before.
    wd.write("excel.csv", &bytes[..offset]);
    wd.ok(&["import", "appeals", "excel.csv"]);
    assert_eq!(export(&wd)[0]["addressee"], "Аким области Жетысу");
}

/// Issue 22: a header without a column for a required field was reported as an empty value on
/// line 2, and errors named `submitted_at` where the file says `Дата подачи`.
#[test]
fn a_header_without_a_required_column_is_one_error_naming_its_columns() {
    let wd = Workdir::new();
    wd.write(
        "odd.csv",
        format!("номер;получатель;Дата подачи\n1;{OFFICIAL};03/10/2022\n2;{OFFICIAL};04.10.2022\n"),
    );
    let map_date = ["--map", "submitted_at=Дата подачи"];
    let args = |extra: &[&'static str]| {
        let mut args = vec!["import", "appeals"];
        args.extend(map_date);
        args.extend(extra);
        args.push("odd.csv");
        args
    };
    let stderr = wd.fails(&args(&[]), 1);
    for part in [
        "odd.csv, line 1 (the header): no column for addressee",
        "The header has «номер», «получатель», «Дата подачи»",
        "адресат",
        "--map addressee=COLUMN",
        "Nothing was imported",
    ] {
        assert!(stderr.contains(part), "{part}: {stderr}");
    }
    assert!(!stderr.contains("value \"\""), "{stderr}");
    // The same with --skip-invalid: the header is wrong, not the records.
    let stderr = wd.fails(&args(&["--skip-invalid"]), 1);
    assert!(stderr.contains("no column for addressee"), "{stderr}");
    // Mapped, the first record's date is refused under the column's own name.
    let stderr = wd.fails(&args(&["--map", "addressee=получатель"]), 1);
    assert!(
        stderr.contains(
            "odd.csv, line 2: field submitted_at, value \"03/10/2022\" in column «Дата подачи»"
        ),
        "{stderr}"
    );
    // In Russian too.
    let output = wd
        .command(
            &[
                &["--lang", "ru"][..],
                &args(&["--map", "addressee=получатель"]),
            ]
            .concat(),
        )
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("в столбце «Дата подачи»"), "{stderr}");
    wd.write(
        "odd.csv",
        format!("номер;получатель;Дата подачи\n1;{OFFICIAL};03.10.2022\n"),
    );
    wd.ok(&args(&["--map", "addressee=получатель"]));
    assert_eq!(export(&wd)[0]["addressee"], OFFICIAL);
}

#[test]
fn json_array_with_answers_and_json_lines_and_stdin() {
    let wd = Workdir::new();
    wd.write(
        "blog.json",
        r#"[
  {"id": 749022, "addressee": "Исабаев Бейбит Бакирович", "submitted_at": "Понедельник, 01 Авг 2022, 10:30",
   "answers": [
     {"answered_at": "05.08.2022, 16:15", "answered_by": "Управление ЖКХ области Жетысу", "text": "Второй ответ"},
     {"answered_at": "03.08.2022, 09:00", "answered_by": "Исабаев Б.Б.", "text": "Первый ответ"}
   ]},
  {"id": "749023", "addressee": "Исабаев Бейбит Бакирович", "submitted_at": "2022-08-02", "likes": 5, "answers": []}
]"#,
    );
    wd.write("more.jsonl", "{\"id\": \"1\", \"addressee\": \"Аким\", \"date\": \"2022 жылғы 11 тамыз\"}\n\n{\"id\": \"2\", \"addressee\": \"Аким\", \"date\": \"10 Aug 2022\"}\n");
    wd.ok(&["import", "appeals", "blog.json", "more.jsonl"]);
    let mut stdin = wd.command(&["import", "appeals", "--source", "piped", "-"]);
    stdin
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = stdin.spawn().unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all("id;addressee;date\n9;Аким;2022-08-09\n".as_bytes())
        .unwrap();
    assert!(child.wait_with_output().unwrap().status.success());

    let rows = export(&wd);
    assert_eq!(rows.len(), 5);
    let first = row(&rows, "id", "749022");
    // The earliest answer is the first answer, whatever the order in the file.
    assert_eq!(first["answered_at"], "2022-08-03 09:00");
    assert_eq!(first["answered_by"], "Исабаев Б.Б.");
    assert_eq!(first["route"], "personal");
    assert_eq!(first["submitted_at"], "2022-08-01 10:30");
    assert_eq!(first["days_to_answer"], "2");
    assert_eq!(row(&rows, "id", "1")["submitted_at"], "2022-08-11");
    assert_eq!(row(&rows, "id", "9")["source"], "piped");
    assert_eq!(row(&rows, "id", "9")["source_file"], "<stdin>");
}

#[test]
fn map_reads_any_header_and_unknown_columns_are_kept() {
    let wd = Workdir::new();
    wd.write(
        "odd.csv",
        "Рег. номер,Кому адресовано,Дата подачи,Лайки\nA-1,Аким области Жетысу,2022-08-01,12\n",
    );
    let stderr = wd.fails(&["import", "appeals", "odd.csv"], 1);
    assert!(stderr.contains("--map id=COLUMN"), "{stderr}");
    wd.ok(&[
        "import",
        "appeals",
        "--map",
        "id=Рег. номер",
        "--map",
        "addressee=Кому адресовано",
        "--map",
        "submitted_at=Дата подачи",
        "odd.csv",
    ]);
    let shown = wd.json(&["show", "A-1", "--format", "json"]);
    assert_eq!(shown[0]["extra"], r#"{"Лайки":"12"}"#);
    assert_eq!(shown[0]["addressee"], "Аким области Жетысу");
}

#[test]
fn date_format_reads_an_otherwise_ambiguous_date() {
    let wd = Workdir::new();
    wd.write("us.csv", "id,addressee,date\n1,A,10/03/2022\n");
    let stderr = wd.fails(&["import", "appeals", "us.csv"], 1);
    assert!(
        stderr.contains("us.csv, line 2") && stderr.contains("10/03/2022"),
        "{stderr}"
    );
    wd.ok(&["import", "appeals", "--date-format", "%m/%d/%Y", "us.csv"]);
    assert_eq!(export(&wd)[0]["submitted_at"], "2022-10-03");
}

#[test]
fn reimport_changes_nothing_and_a_later_scrape_updates() {
    let wd = Workdir::new();
    wd.write(
        "week1.csv",
        "id,addressee,date,status\n1,A,2022-08-01,На рассмотрении\n2,A,2022-08-02,\n",
    );
    let first = wd.run(&[
        "import",
        "appeals",
        "--scraped-at",
        "2022-08-08",
        "week1.csv",
    ]);
    assert!(
        String::from_utf8_lossy(&first.stderr)
            .contains("2 read, 2 inserted, 0 updated, 0 unchanged, 0 rejected")
    );
    let again = wd.run(&[
        "import",
        "appeals",
        "--scraped-at",
        "2022-08-08",
        "week1.csv",
    ]);
    assert!(
        String::from_utf8_lossy(&again.stderr)
            .contains("2 read, 0 inserted, 0 updated, 2 unchanged, 0 rejected")
    );
    // The same values written another way (other headers, another date form) are no change.
    wd.write("week1.json", r#"[{"number": "1", "official": "A", "дата": "01.08.2022", "статус": "На рассмотрении"}, {"no": "2", "official": "A", "date": "2 Aug 2022"}]"#);
    let same = wd.run(&[
        "import",
        "appeals",
        "--scraped-at",
        "2022-08-09",
        "week1.json",
    ]);
    assert!(
        String::from_utf8_lossy(&same.stderr)
            .contains("2 read, 0 inserted, 0 updated, 2 unchanged"),
        "{}",
        common::describe(&[], &same)
    );

    wd.write("week2.csv", "id,addressee,date,status,answered_at,answered_by\n1,A,2022-08-01,Ответ получен,2022-08-10,Управление ЖКХ\n");
    let later = wd.run(&[
        "import",
        "appeals",
        "--scraped-at",
        "2022-08-15",
        "week2.csv",
    ]);
    assert!(
        String::from_utf8_lossy(&later.stderr)
            .contains("1 read, 0 inserted, 1 updated, 0 unchanged")
    );
    let rows = export(&wd);
    let one = row(&rows, "id", "1");
    assert_eq!(
        (one["route"].as_str(), one["route_target"].as_str()),
        ("forwarded", "Управление ЖКХ")
    );
    assert_eq!(
        (one["first_seen"].as_str(), one["last_seen"].as_str()),
        ("2022-08-08", "2022-08-15")
    );

    // An older scrape imported late rolls nothing back.
    wd.write(
        "old.csv",
        "id,addressee,date,status\n1,A,2022-08-01,Без ответа\n",
    );
    wd.ok(&["import", "appeals", "--scraped-at", "2022-08-05", "old.csv"]);
    let one = row(&export(&wd), "id", "1").clone();
    assert_eq!(
        (one["route"].as_str(), one["first_seen"].as_str()),
        ("forwarded", "2022-08-05")
    );
}

#[test]
fn a_bad_record_fails_the_whole_import_and_changes_nothing() {
    let wd = Workdir::new();
    wd.write("good.csv", "id,addressee,date\n1,A,2022-08-01\n");
    wd.ok(&["import", "appeals", "good.csv"]);
    let before = wd.read("test.db");
    wd.write(
        "bad.csv",
        "id,addressee,date\n2,A,2022-08-02\n3,A,03/08/2022\n4,A,2022-08-04\n",
    );
    let stderr = wd.fails(&["import", "appeals", "good.csv", "bad.csv"], 1);
    assert!(
        stderr.contains("bad.csv, line 3: field submitted_at, value \"03/08/2022\""),
        "{stderr}"
    );
    assert!(stderr.contains("Nothing was imported"), "{stderr}");
    assert_eq!(export(&wd).len(), 1);
    let status = wd.json(&["status", "--format", "json"]);
    assert_eq!(
        status["imports"].as_array().unwrap().len(),
        1,
        "the failed import left no log row"
    );
    let _ = before;
}

#[test]
fn skip_invalid_imports_the_rest_and_writes_the_rejects() {
    let wd = Workdir::new();
    wd.write(
        "mixed.csv",
        "id,addressee,date\n1,A,2022-08-01\n2,,2022-08-02\n3,A,вчера\n4,A,2022-08-04\n",
    );
    let out = wd.run(&[
        "import",
        "appeals",
        "--skip-invalid",
        "--rejects",
        "rejects.csv",
        "mixed.csv",
    ]);
    assert!(out.status.success(), "{}", common::describe(&[], &out));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("4 read, 2 inserted, 0 updated, 0 unchanged, 2 rejected")
    );
    let rejects = common::parse_csv(&String::from_utf8(wd.read("rejects.csv")).unwrap());
    assert_eq!(rejects.len(), 2);
    assert_eq!(
        (rejects[0]["line"].as_str(), rejects[0]["field"].as_str()),
        ("3", "addressee")
    );
    assert_eq!(
        (
            rejects[1]["line"].as_str(),
            rejects[1]["field"].as_str(),
            rejects[1]["value"].as_str()
        ),
        ("4", "submitted_at", "вчера")
    );
    assert_eq!(rejects[1]["file"], "mixed.csv");
    assert_eq!(export(&wd).len(), 2);
}

#[test]
fn broken_files_are_exit_1_with_the_file_named_never_a_panic() {
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.csv", vec![], "empty"),
        (
            "binary.csv",
            vec![0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0, 1, 2],
            "binary",
        ),
        (
            "nocolumn.csv",
            b"id,date\n1,2022-08-01\n".to_vec(),
            "addressee",
        ),
        (
            "truncated.json",
            br#"[{"id": "1", "addressee": "A", "date": "2022-08-01"}, {"id": "2""#.to_vec(),
            "malformed JSON",
        ),
        ("scalar.json", b"42".to_vec(), "malformed JSON"),
        (
            "quote.csv",
            b"id,addressee,date\n1,\"A,2022-08-01\n2,B,2022-08-02\n".to_vec(),
            "quote.csv",
        ),
        (
            "ragged.csv",
            b"id,addressee,date\n1,A,2022-08-01,extra\n".to_vec(),
            "line 2",
        ),
        (
            "far.csv",
            b"id,addressee,date\n1,A,2622-08-01\n".to_vec(),
            "2622-08-01",
        ),
    ];
    for (name, bytes, needle) in cases {
        let wd = Workdir::new();
        wd.write(name, &bytes);
        let stderr = wd.fails(&["import", "appeals", name], 1);
        assert!(
            stderr.contains(name) && stderr.contains(needle),
            "{name}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    }
}

#[test]
fn a_header_only_file_imports_nothing_with_a_warning() {
    let wd = Workdir::new();
    wd.write("header.csv", "id,addressee,date\n");
    let out = wd.run(&["import", "appeals", "header.csv"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("warning: header.csv holds no records"));
}

#[test]
fn a_file_that_is_not_a_database_or_is_too_new_is_refused() {
    let wd = Workdir::new();
    wd.write(
        "notes.db",
        "these are my notes, not a database, and they are long enough to matter\n".repeat(20),
    );
    wd.write("a.csv", "id,addressee,date\n1,A,2022-08-01\n");
    let stderr = wd.fails(&["--db", "notes.db", "import", "appeals", "a.csv"], 1);
    assert!(
        stderr.contains("notes.db is not an appeal-audit database"),
        "{stderr}"
    );
    wd.ok(&["--db", "new.db", "import", "appeals", "a.csv"]);
    let conn = rusqlite::Connection::open(wd.path("new.db")).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let stderr = wd.fails(&["--db", "new.db", "report", "routing"], 1);
    assert!(stderr.contains("newer appeal-audit"), "{stderr}");
}

#[test]
fn posts_and_directory_import_with_synonyms() {
    let wd = Workdir::new();
    wd.write("dir.csv", "name,kind,position,aliases\nИсабаев Бейбит Бакирович,official,Аким области Жетысу,Жетісу облысының әкімі\nУправление общественного развития области Жетысу,department,,УОР Жетысу;Қоғамдық даму басқармасы\n");
    wd.write("posts.csv", "ведомство;дата;платформа;репост;title\nУОР Жетысу;23.08.2022;site;нет;Новость\nУОР Жетысу;20.08.2022;telegram;да;Репост\n");
    wd.ok(&["import", "directory", "dir.csv"]);
    wd.ok(&["import", "posts", "posts.csv"]);
    let posts = wd.csv_rows(&["export", "posts"]);
    assert_eq!(posts.len(), 2);
    assert!(
        posts
            .iter()
            .all(|p| p["publisher"] == "Управление общественного развития области Жетысу")
    );
    assert_eq!(row(&posts, "channel", "telegram")["repost"], "true");
}

/// A re-import skips typing a record only when it is stored exactly as read with the same
/// options: a record given twice is typed again after its first copy changed it, and other
/// options (--map) type every record again, so a record they make invalid is refused.
#[test]
fn a_reimport_trusts_a_record_only_as_stored_and_with_the_same_options() {
    let wd = Workdir::new();
    let week1 = "id,addressee,date,status\n1,A,2022-08-01,На рассмотрении\n2,A,2022-08-02,\n3,A,2022-08-03,\n";
    wd.write("week1.csv", week1);
    wd.ok(&[
        "import",
        "appeals",
        "--scraped-at",
        "2022-08-08",
        "week1.csv",
    ]);
    wd.write(
        "twice.csv",
        "id,addressee,date,status\n1,A,2022-08-01,Отклонено\n1,A,2022-08-01,На рассмотрении\n2,A,2022-08-02,\n3,A,2022-08-03,\n",
    );
    let twice = wd.run(&[
        "import",
        "appeals",
        "--scraped-at",
        "2022-08-09",
        "twice.csv",
    ]);
    let said = String::from_utf8_lossy(&twice.stderr);
    assert!(
        said.contains("4 read, 0 inserted, 2 updated, 2 unchanged, 0 rejected"),
        "{said}"
    );
    assert_eq!(row(&export(&wd), "id", "1")["status"], "На рассмотрении");

    let mapped = wd.run(&[
        "import",
        "appeals",
        "--map",
        "answered_at=status",
        "--scraped-at",
        "2022-08-10",
        "week1.csv",
    ]);
    assert_eq!(
        mapped.status.code(),
        Some(1),
        "{}",
        common::describe(&[], &mapped)
    );
    let said = String::from_utf8_lossy(&mapped.stderr);
    assert!(
        said.contains("answered_at") && said.contains("line 2"),
        "{said}"
    );
    let again = wd.run(&[
        "import",
        "appeals",
        "--scraped-at",
        "2022-08-10",
        "week1.csv",
    ]);
    assert!(
        String::from_utf8_lossy(&again.stderr)
            .contains("3 read, 0 inserted, 0 updated, 3 unchanged, 0 rejected")
    );
}
