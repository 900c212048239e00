//! Issue 22, point 4: errors in the run's language, the whole sentence. A bad date in a file,
//! a JSON record without a required key, a bad flag (ours or clap's), a file that cannot be
//! read: in Russian and Kazakh no English word is left but names (flags, fields, files) and,
//! in brackets, the operating system's own words. English stays as it was. Also the bars and
//! refusals a terminal alone sees: Parquet's bar, xlsx refused to a terminal.

use std::process::Command;

use crate::common::{self, Workdir, outside_tool};

const AS_OF: &str = "2022-10-03";

/// Runs with `--lang LANG` and requires the exit code; returns stderr.
fn stderr_in(wd: &Workdir, lang: &str, args: &[&str], code: i32) -> String {
    let all: Vec<&str> = ["--lang", lang].iter().chain(args).copied().collect();
    wd.fails(&all, code)
}

/// The ASCII words of a message for people that are words rather than names: flags
/// (`--as-of`), files and fields (`bad.csv`, `submitted_at`), quoted values, commands in
/// backticks, the tool's name and, in brackets, what the operating system said in its own
/// words are left out, and so are `names` (a field's synonyms such as `addressee`).
pub(crate) fn latin_words(text: &str, names: &[&str]) -> Vec<String> {
    let system = regex::Regex::new(r"\([^()]*\(os error \d+\)\)").unwrap();
    let quoted = regex::Regex::new(r#""[^"]*"|«[^»]*»|`[^`]*`"#).unwrap();
    let text = system.replace_all(text, "");
    let text = quoted.replace_all(&text, "");
    text.split(|c: char| c.is_whitespace() || ",;:()!?".contains(c))
        .map(|token| token.trim_end_matches('.'))
        .filter(|token| token.chars().any(|c| c.is_ascii_alphabetic()))
        .filter(|token| !token.contains(['-', '_', '.', '/', '%', '<', '=']))
        .filter(|token| !token.chars().any(|c| c.is_ascii_digit()))
        .filter(|token| !names.contains(token))
        .map(str::to_string)
        .collect()
}

#[test]
fn a_bad_date_in_a_file_is_one_sentence_in_the_language() {
    let wd = Workdir::new();
    wd.write(
        "bad.csv",
        "id,addressee,submitted_at,text\n1,Исабаев Б.Б.,32.13.2022,Текст\n",
    );
    let ru = stderr_in(&wd, "ru", &["import", "appeals", "bad.csv"], 1);
    assert_eq!(
        ru,
        "appeal-audit: ошибка: bad.csv, строка 2: поле submitted_at, значение \"32.13.2022\": \
         такого дня нет. Исправьте запись (или укажите --skip-invalid, чтобы загрузить остальные \
         обращения)\nНичего не загружено: база данных осталась такой же, как до этой команды.\n"
    );
    let kk = stderr_in(&wd, "kk", &["import", "appeals", "bad.csv"], 1);
    assert_eq!(
        kk,
        "appeal-audit: қате: bad.csv, 2-жол: submitted_at өрісі, мәні \"32.13.2022\": мұндай күн \
         жоқ. Жазбаны түзетіңіз (немесе қалған жазбаларды (өтініштер) жүктеу үшін --skip-invalid \
         беріңіз)\nЕштеңе жүктелген жоқ: дерекқор осы командаға дейінгі күйінде қалды.\n"
    );
    for text in [&ru, &kk] {
        assert_eq!(latin_words(text, &[]), Vec::<String>::new(), "{text}");
    }
    let en = wd.fails(&["import", "appeals", "bad.csv"], 1);
    assert!(
        en.starts_with(
            "appeal-audit: error: bad.csv, line 2: field submitted_at, value \"32.13.2022\": no \
             such day. Fix the record (or give --skip-invalid to import the other appeals records)"
        ),
        "{en}"
    );
    // A value the --date-format pattern cannot read says why in the language too.
    wd.write(
        "june.csv",
        "id,addressee,submitted_at,text\n1,Исабаев Б.Б.,31/06/2022,Текст\n",
    );
    let june = stderr_in(
        &wd,
        "ru",
        &["import", "appeals", "june.csv", "--date-format", "%d/%m/%Y"],
        1,
    );
    assert!(
        june.contains(
            "значение \"31/06/2022\": не подходит под шаблон --date-format: значение вне \
             допустимых пределов (--date-format %d/%m/%Y)."
        ),
        "{june}"
    );
    assert_eq!(latin_words(&june, &[]), Vec::<String>::new(), "{june}");
    // --skip-invalid lists the rejected record in the language; the --rejects file, a machine
    // format, keeps its English reason.
    let skipped = wd.run(&[
        "--lang",
        "ru",
        "import",
        "appeals",
        "bad.csv",
        "--skip-invalid",
        "--rejects",
        "rejects.csv",
    ]);
    assert!(skipped.status.success());
    let said = String::from_utf8_lossy(&skipped.stderr);
    assert!(
        said.contains(
            "отклонено: bad.csv, строка 2: поле submitted_at, значение \"32.13.2022\": такого \
             дня нет\n"
        ),
        "{said}"
    );
    assert_eq!(
        String::from_utf8(wd.read("rejects.csv")).unwrap(),
        "file,line,field,value,reason\nbad.csv,2,submitted_at,32.13.2022,no such day\n"
    );
}

#[test]
fn a_json_record_without_a_required_key_names_the_keys_it_may_have() {
    let wd = Workdir::new();
    wd.write(
        "missing.json",
        r#"[{"id": "1", "Дата": "2022-10-03", "text": "Текст"}]"#,
    );
    let ru = stderr_in(&wd, "ru", &["import", "appeals", "missing.json"], 1);
    assert_eq!(
        ru.lines().next(),
        Some(
            "appeal-audit: ошибка: missing.json, запись 1 (заканчивается на строке 1): поле \
             addressee: обязательно (записи: обращения), а ключа для него в записи нет: назовите \
             ключ addressee, official, blog_owner, адресат, кому, блог (регистр не важен) или \
             сопоставьте свой через --map addressee=КЛЮЧ. Исправьте запись (или укажите \
             --skip-invalid, чтобы загрузить остальные обращения)"
        )
    );
    let kk = stderr_in(&wd, "kk", &["import", "appeals", "missing.json"], 1);
    assert_eq!(
        kk.lines().next(),
        Some(
            "appeal-audit: қате: missing.json, 1-жазба (1-жолда аяқталады): addressee өрісі: \
             міндетті өріс (өтініштер), бірақ жазбада оның кілті жоқ: кілтті addressee, \
             official, blog_owner, адресат, кому, блог деп атаңыз (бас-кіші әріп маңызды емес), \
             не өз кілтіңізді --map addressee=КІЛТ арқылы көрсетіңіз. Жазбаны түзетіңіз (немесе \
             қалған жазбаларды (өтініштер) жүктеу үшін --skip-invalid беріңіз)"
        )
    );
    let names = ["addressee", "official"];
    for text in [&ru, &kk] {
        assert_eq!(latin_words(text, &names), Vec::<String>::new(), "{text}");
    }
    // Each record is told on its own: the second record of a JSON Lines file has the key, as
    // the file writes it, and leaves it empty.
    wd.write(
        "empty.jsonl",
        "{\"id\": \"1\", \"Кому\": \"Исабаев Б.Б.\", \"Дата\": \"2022-10-03\"}\n\
         {\"id\": \"2\", \"Кому\": \" \", \"Дата\": \"2022-10-04\"}\n",
    );
    let ru = stderr_in(&wd, "ru", &["import", "appeals", "empty.jsonl"], 1);
    assert!(
        ru.starts_with(
            "appeal-audit: ошибка: empty.jsonl, строка 2: поле addressee, значение \"\" в ключе \
             «Кому»: обязательно (записи: обращения), но пусто. Исправьте запись"
        ),
        "{ru}"
    );
    let en = wd.fails(&["import", "appeals", "empty.jsonl"], 1);
    assert!(
        en.starts_with(
            "appeal-audit: error: empty.jsonl, line 2: field addressee, value \"\" in key «Кому»: \
             required for appeals and empty. Fix the record"
        ),
        "{en}"
    );
}

#[test]
fn usage_errors_are_whole_sentences_in_the_language() {
    let wd = common::with_sample(AS_OF);
    let cases: [(&str, &[&str], &str); 7] = [
        (
            "ru",
            &["report", "routing", "--as-of", "2022-13-01"],
            "--as-of \"2022-13-01\": такого дня нет",
        ),
        (
            "kk",
            &["report", "routing", "--as-of", "2022-13-01"],
            "--as-of \"2022-13-01\": мұндай күн жоқ",
        ),
        (
            "ru",
            &[
                "report",
                "forwards",
                "--since",
                "2022-10-01",
                "--until",
                "1.9.2022",
            ],
            "--since 2022-10-01 позже, чем --until 2022-09-01: поменяйте их местами",
        ),
        (
            "kk",
            &["report", "weekly", "--week", "2022-W60"],
            "--week \"2022-W60\": 2022 жылында 60-апта жоқ",
        ),
        (
            "ru",
            &["import", "appeals", "x.csv", "--scraped-at", "вчера"],
            "--scraped-at \"вчера\": это не дата",
        ),
        // clap's own refusals, told again in the language.
        (
            "ru",
            &["report", "routing", "--deadline-days", "abc"],
            "недопустимое значение «abc» для --deadline-days <N>: нужно целое неотрицательное \
             число",
        ),
        (
            "kk",
            &["report", "routing", "--deadline-days", "abc"],
            "--deadline-days <N> үшін «abc» мәні жарамсыз: теріс емес бүтін сан керек",
        ),
    ];
    for (lang, args, message) in cases {
        let said = stderr_in(&wd, lang, args, 2);
        let (error, more) = match lang {
            "ru" => ("ошибка", "Подробнее: --help."),
            _ => ("қате", "Толығырақ: --help."),
        };
        assert_eq!(
            said,
            format!("appeal-audit: {error}: {message}\n\n{more}\n"),
            "{args:?}"
        );
        assert_eq!(latin_words(&said, &[]), Vec::<String>::new(), "{said}");
    }
    // English stays as it was, clap's words included.
    assert_eq!(
        wd.fails(&["report", "routing", "--as-of", "2022-13-01"], 2),
        "appeal-audit: error: --as-of \"2022-13-01\": no such day\n\nFor more information, try \
         '--help'.\n"
    );
    let clap = wd.fails(&["report", "routing", "--deadline-days", "abc"], 2);
    assert!(
        clap.starts_with("error: invalid value 'abc' for '--deadline-days <N>'"),
        "{clap}"
    );
}

#[test]
fn a_file_that_cannot_be_read_is_described_in_the_language() {
    let wd = Workdir::new();
    std::fs::create_dir(wd.path("выгрузка")).unwrap();
    let missing = stderr_in(&wd, "ru", &["import", "appeals", "nowhere.csv"], 1);
    assert!(
        missing.starts_with(
            "appeal-audit: ошибка: не удаётся открыть nowhere.csv: проверьте путь: нет такого \
             файла или папки ("
        ),
        "{missing}"
    );
    let folder = stderr_in(&wd, "kk", &["import", "appeals", "выгрузка"], 1);
    assert!(
        folder.starts_with("appeal-audit: қате: выгрузка оқылмады: бұл файл емес, қалта ("),
        "{folder}"
    );
    // The failed imports above made a database: a report finds none in a fresh folder.
    let no_database = stderr_in(
        &Workdir::new(),
        "ru",
        &["report", "routing", "--as-of", AS_OF],
        1,
    );
    assert!(
        no_database.contains(": сначала загрузите обращения (`appeal-audit import appeals ФАЙЛ`)"),
        "{no_database}"
    );
    for text in [&missing, &folder, &no_database] {
        assert_eq!(latin_words(text, &[]), Vec::<String>::new(), "{text}");
    }
    // English: the system's words alone, as before.
    let english = wd.fails(&["import", "appeals", "nowhere.csv"], 1);
    assert!(
        english.starts_with(
            "appeal-audit: error: cannot open nowhere.csv: check the path: No such file or \
             directory (os error 2)"
        ),
        "{english}"
    );
}

/// Runs appeal-audit with stdout and stderr on a terminal (a pseudo-terminal made by
/// `script`), in `wd`'s folder and database; returns the exit code and everything written,
/// progress bars and their erasures included. None where `script` is missing.
fn on_a_terminal(wd: &Workdir, args: &[&str]) -> Option<(Option<i32>, String)> {
    let found = Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !outside_tool("script", "apt-get install bsdutils", found) {
        return None;
    }
    let quote = |arg: &str| format!("'{}'", arg.replace('\'', r"'\''"));
    let mut line = vec![quote(env!("CARGO_BIN_EXE_appeal-audit"))];
    line.extend(args.iter().map(|a| quote(a)));
    let output = Command::new("script")
        .args(["-qec", &line.join(" "), "/dev/null"])
        .current_dir(wd.root())
        .env("APPEAL_AUDIT_DB", wd.path("test.db"))
        .env_remove("APPEAL_AUDIT_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .output()
        .expect("run script");
    Some((
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    ))
}

#[test]
fn a_parquet_export_shows_a_bar_on_a_terminal_in_the_language() {
    let wd = common::with_sample(AS_OF);
    let export = ["export", "appeals", "--format", "parquet", "--output"];
    let Some((code, shown)) = on_a_terminal(
        &wd,
        &[&["--lang", "ru"][..], &export, &["a.parquet"]].concat(),
    ) else {
        return;
    };
    assert_eq!(code, Some(0), "{shown}");
    assert!(shown.contains("выгрузка обращений ["), "{shown}");
    assert!(shown.contains("/61 ("), "{shown}");
    assert!(shown.contains("61 запись записана в a.parquet"), "{shown}");
    // The bar is the same as the CSV export's, and --quiet has none (and no summary).
    let (_, csv) = on_a_terminal(
        &wd,
        &["--lang", "kk", "export", "posts", "--output", "p.csv"],
    )
    .unwrap_or_default();
    assert!(csv.contains("жарияланымдар экспорты ["), "{csv}");
    let (code, quiet) = on_a_terminal(&wd, &[&["--quiet"][..], &export, &["b.parquet"]].concat())
        .unwrap_or_default();
    assert_eq!((code, quiet.as_str()), (Some(0), ""));
    // Not on a terminal: no bar, the summary only.
    let piped = wd.run(&[&export[..], &["c.parquet"]].concat());
    assert_eq!(
        String::from_utf8_lossy(&piped.stderr),
        "61 records written to c.parquet\n"
    );
}

#[test]
fn xlsx_is_refused_to_a_terminal_and_written_to_a_pipe() {
    let wd = common::with_sample(AS_OF);
    let args = ["report", "routing", "--as-of", AS_OF, "--format", "xlsx"];
    let Some((code, shown)) = on_a_terminal(&wd, &args) else {
        return;
    };
    assert_eq!(code, Some(2), "{shown}");
    assert_eq!(
        shown,
        "appeal-audit: error: --format xlsx writes a binary workbook, which a terminal cannot \
         show: give --output FILE.xlsx (or redirect standard output to a file)\r\n\r\nFor more \
         information, try '--help'.\r\n"
    );
    let (code, ru) =
        on_a_terminal(&wd, &[&["--lang", "ru"][..], &args].concat()).unwrap_or_default();
    assert_eq!(code, Some(2), "{ru}");
    assert!(
        ru.starts_with("appeal-audit: ошибка: --format xlsx записывает двоичную книгу Excel"),
        "{ru}"
    );
    // With --output, on a terminal too, the workbook is written; a pipe takes it as it is.
    let (code, written) =
        on_a_terminal(&wd, &[&args[..], &["--output", "r.xlsx"]].concat()).unwrap_or_default();
    assert_eq!(code, Some(0), "{written}");
    assert!(wd.read("r.xlsx").starts_with(b"PK"));
    let piped = wd.run(&args);
    assert!(piped.status.success() && piped.stdout.starts_with(b"PK"));
}
