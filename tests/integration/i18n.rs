//! `--lang ru|kk` on the sample and on small files: Russian and Kazakh words, plural forms,
//! the decimal comma and the date forms in table, md and html; no English word of the reports'
//! vocabulary left; csv and json the same bytes in every language; the import's lines.

use std::path::Path;

use crate::common::Workdir;

const AS_OF: &str = "2022-10-03";

/// The sample imported once (quietly, in English).
fn sample() -> Workdir {
    let wd = Workdir::new();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    wd.ok(&["--quiet", "audit", data.to_str().unwrap(), "--as-of", AS_OF]);
    wd
}

fn with_lang(lang: &str, args: &[&str]) -> Vec<String> {
    let mut all = vec!["--lang".to_string(), lang.to_string()];
    all.extend(args.iter().map(|a| a.to_string()));
    all
}

fn run_in(wd: &Workdir, lang: &str, args: &[&str]) -> String {
    let args = with_lang(lang, args);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    wd.ok(&args)
}

/// Words the reports write in English that a Russian or Kazakh reader must never meet.
const ENGLISH: &[&str] = &[
    "addressee",
    "appeal",
    "appeals",
    "personal",
    "forwarded",
    "unanswered",
    "unknown",
    "rejected",
    "overdue",
    "answered",
    "unsatisfied",
    "vanished",
    "note",
    "few",
    "median",
    "days",
    "name",
    "kind",
    "official",
    "department",
    "status",
    "stale",
    "never",
    "posted",
    "routing",
    "forwards",
    "silence",
    "week",
    "weeks",
    "since",
    "until",
    "period",
    "before",
    "methodology",
    "files",
    "records",
    "figures",
    "share",
    "interval",
    "deadline",
    "working",
    "problem",
    "description",
    "field",
    "value",
    "line",
    "file",
    "source",
    "change",
    "new",
    "as",
    "of",
    "to",
    "the",
    "and",
    "in",
    "by",
    "with",
    "from",
    "no",
    "per",
    "each",
    "who",
];

/// The English words left in a text for people: tokens of Latin letters, leaving out paths,
/// codes (`unmatched_name`, `2022-W38`), file names and the tool's name.
fn english_words(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for token in text.split(|c: char| c.is_whitespace() || "|│┆,;:()«»\"'<>=·—–".contains(c))
    {
        let plain = token.trim_matches(|c: char| !c.is_alphanumeric());
        if plain.is_empty()
            || token.contains(['/', '_', '.', '-', '@'])
            || plain.chars().any(|c| c.is_ascii_digit())
        {
            continue;
        }
        let lower = plain.to_lowercase();
        if ENGLISH.contains(&lower.as_str()) {
            found.push(lower);
        }
    }
    found
}

/// The visible text of an HTML page: no CSS, no tags, entities decoded enough for words.
fn page_text(page: &str) -> String {
    let doc = scraper::Html::parse_document(page);
    let body = scraper::Selector::parse("body").unwrap();
    let mut text: String = doc
        .select(&body)
        .flat_map(|b| b.text())
        .collect::<Vec<_>>()
        .join(" ");
    let labelled = scraper::Selector::parse("[aria-label]").unwrap();
    for element in doc.select(&labelled) {
        text.push(' ');
        text.push_str(element.value().attr("aria-label").unwrap_or(""));
    }
    text
}

#[test]
fn routing_in_russian_and_kazakh_md_and_table() {
    let wd = sample();
    let args = ["report", "routing", "--as-of", AS_OF];
    let md = |lang| run_in(&wd, lang, &[&args[..], &["--format", "md"]].concat());
    let ru = md("ru");
    assert!(
        ru.starts_with("| Адресат | Обращения | Лично | Перенаправлено | Без ответа |"),
        "{ru}"
    );
    assert!(
        ru.contains(
            "| Бекболатов Ерлан Сапарович | 36 | 2 | 28 | 4 | 1 | 1 | 5,6 % (1,5–18,1) | \
             77,8 % (61,9–88,3) | 66,7 % | 14,0 (n=24) | 8 | 5 | 0 |  |"
        ),
        "{ru}"
    );
    let kk = md("kk");
    assert!(
        kk.starts_with("| Адресат | Өтініштер | Жеке жауап | Жолданғаны |"),
        "{kk}"
    );
    assert!(
        kk.contains("| 5,6% (1,5–18,1) | 77,8% (61,9–88,3) | 66,7% |"),
        "{kk}"
    );
    assert!(kk.contains("| Мерзімі өткен |"), "{kk}");

    let table = run_in(&wd, "ru", &[&args[..], &["--format", "table"]].concat());
    for words in ["Адресат", "Просрочено", "5,6 %", "Бекболатов"] {
        assert!(table.contains(words), "{words} in {table}");
    }
    // `--min-n` above every official's count: each row is noted in the language.
    let few = run_in(
        &wd,
        "kk",
        &[&args[..], &["--format", "md", "--min-n", "100"]].concat(),
    );
    assert_eq!(few.matches("| дерек аз |").count(), 3, "{few}");
    // The check finds English where it is: in the English report.
    let en = wd.ok(&[&args[..], &["--format", "md", "--min-n", "100"]].concat());
    let found = english_words(&en);
    for word in ["addressee", "appeals", "forwarded", "overdue", "few"] {
        assert!(found.iter().any(|w| w == word), "{word} in {found:?}");
    }
    for (lang, text) in [
        ("ru", &ru),
        ("kk", &kk),
        ("ru table", &table),
        ("kk few", &few),
    ] {
        assert_eq!(english_words(text), Vec::<String>::new(), "{lang}: {text}");
    }
}

#[test]
fn the_language_comes_from_the_environment_as_gettext_reads_it() {
    let wd = sample();
    let args = ["report", "routing", "--as-of", AS_OF, "--format", "md"];
    let ru = run_in(&wd, "ru", &args);
    let kk = run_in(&wd, "kk", &args);
    let en = wd.ok(&args);
    let with_env = |pairs: &[(&str, &str)]| {
        let mut command = wd.command(&args);
        for (k, v) in pairs {
            command.env(k, v);
        }
        let output = command.output().unwrap();
        assert!(output.status.success());
        String::from_utf8(output.stdout).unwrap()
    };
    assert_eq!(with_env(&[("APPEAL_AUDIT_LANG", "kk")]), kk);
    assert_eq!(with_env(&[("LANG", "ru_RU.UTF-8")]), ru);
    assert_eq!(
        with_env(&[("LC_ALL", "kk_KZ.UTF-8"), ("LANG", "ru_RU.UTF-8")]),
        kk
    );
    assert_eq!(with_env(&[("LC_MESSAGES", "ru_KZ"), ("LANG", "en_US")]), ru);
    assert_eq!(with_env(&[("LANG", "de_DE.UTF-8")]), en);
    assert_eq!(
        with_env(&[("APPEAL_AUDIT_LANG", "ru"), ("LANG", "kk_KZ")]),
        ru
    );
    // The flag wins over the environment.
    let mut command = wd.command(
        &with_lang("en", &args)
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    command.env("APPEAL_AUDIT_LANG", "ru");
    assert_eq!(
        String::from_utf8(command.output().unwrap().stdout).unwrap(),
        en
    );
}

/// One appeal file whose officials received 1, 2, 5, 11 and 21 appeals in one week.
fn counted() -> Workdir {
    let wd = Workdir::new();
    let mut csv = String::from("id,addressee,submitted_at,text\n");
    let mut id = 0;
    for (official, n) in [
        ("Абаев Арман Абаевич", 1),
        ("Бекова Бота Бековна", 2),
        ("Ганиев Гани Ганиевич", 5),
        ("Даулетов Данияр Даулетович", 11),
        ("Ермеков Ержан Ермекович", 21),
    ] {
        for _ in 0..n {
            id += 1;
            csv.push_str(&format!(
                "{id},{official},2022-09-2{} 10:00,Прошу отремонтировать дорогу\n",
                id % 5
            ));
        }
    }
    wd.write("appeals.csv", csv);
    wd.ok(&["--quiet", "import", "appeals", "appeals.csv"]);
    wd
}

#[test]
fn counts_take_their_plural_forms() {
    let wd = counted();
    let args = [
        "report", "weekly", "--week", "2022-W38", "--as-of", AS_OF, "--format", "md",
    ];
    let ru = run_in(&wd, "ru", &args);
    for (name, words) in [
        ("Абаев Арман Абаевич", "1 обращение"),
        ("Бекова Бота Бековна", "2 обращения"),
        ("Ганиев Гани Ганиевич", "5 обращений"),
        ("Даулетов Данияр Даулетович", "11 обращений"),
        ("Ермеков Ержан Ермекович", "21 обращение"),
    ] {
        assert!(
            ru.contains(&format!("- {name}: поступило {words}; ")),
            "{words}: {ru}"
        );
    }
    let kk = run_in(&wd, "kk", &args);
    for (name, words) in [
        ("Абаев Арман Абаевич", "1 өтініш"),
        ("Ганиев Гани Ганиевич", "5 өтініш"),
    ] {
        assert!(
            kk.contains(&format!("- {name}: {words} түсті; ")),
            "{words}: {kk}"
        );
    }
    let en = wd.ok(&args);
    assert!(
        en.contains("- Абаев Арман Абаевич received 1 appeal: "),
        "{en}"
    );
    assert!(
        en.contains("- Ермеков Ержан Ермекович received 21 appeals: "),
        "{en}"
    );
    // The HTML caption counts every appeal of the week: 40, `обращений`.
    let page = run_in(
        &wd,
        "ru",
        &["report", "routing", "--as-of", AS_OF, "--format", "html"],
    );
    assert!(page.contains("n = 40 обращений"), "{page}");
}

#[test]
fn weekly_markdown_in_russian_and_kazakh() {
    let wd = sample();
    let args = [
        "report", "weekly", "--week", "2022-W38", "--as-of", AS_OF, "--format", "md",
    ];
    let ru = run_in(&wd, "ru", &args);
    assert!(
        ru.starts_with(
            "# Обращения к должностным лицам: неделя 2022-W38, 19–25 сентября 2022 г.\n\n\
             Данные на 3 октября 2022 г.\n\n"
        ),
        "{ru}"
    );
    assert!(
        ru.contains(
            "- Кенжебаева Айгерим Болатовна: поступило 1 обращение; лично ответили на 1 \
             (100,0 %), перенаправлено 0 (0,0 %), без ответа 0; просрочено 0.\n"
        ),
        "{ru}"
    );
    assert!(
        ru.contains("## По сравнению с предыдущим периодом (12–18 сентября 2022 г.)"),
        "{ru}"
    );
    assert!(
        ru.contains("| Бекболатов Ерлан Сапарович | 2 (↓1) | 0 (↓1) |"),
        "{ru}"
    );
    assert!(
        ru.contains("## Молчание госорганов и должностных лиц на 25 сентября 2022 г."),
        "{ru}"
    );
    assert!(
        ru.contains("Административный процедурно-процессуальный кодекс, ст. 76"),
        "{ru}"
    );
    assert!(
        ru.contains("| молчит |") && ru.contains("| госорган |"),
        "{ru}"
    );
    let kk = run_in(&wd, "kk", &args);
    assert!(
        kk.starts_with(
            "# Лауазымды тұлғаларға өтініштер: 2022-W38 аптасы, 2022 жылғы 19–25 қыркүйек\n\n\
             Деректер күні: 2022 жылғы 3 қазан.\n\n"
        ),
        "{kk}"
    );
    assert!(
        kk.contains("Әкімшілік рәсімдік-процестік кодекс, 76-бап"),
        "{kk}"
    );
    assert!(kk.contains("жұмыс күні"), "{kk}");
    for (lang, text) in [("ru", &ru), ("kk", &kk)] {
        assert_eq!(english_words(text), Vec::<String>::new(), "{lang}: {text}");
    }
    let table = run_in(
        &wd,
        "kk",
        &["report", "weekly", "--week", "2022-W38", "--as-of", AS_OF],
    );
    assert!(
        table.starts_with("Кезең: 2022 жылғы 19–25 қыркүйек\n"),
        "{table}"
    );
    assert_eq!(english_words(&table), Vec::<String>::new(), "{table}");
}

#[test]
fn html_pages_speak_the_language() {
    let wd = sample();
    let pages: [&[&str]; 6] = [
        &["report", "routing"],
        &["report", "forwards"],
        &["report", "silence"],
        &["report", "changes"],
        &["report", "weekly", "--week", "2022-W38"],
        &["audit", "data"],
    ];
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    for lang in ["ru", "kk"] {
        for page in pages {
            let mut args: Vec<&str> = page.to_vec();
            if args[0] == "audit" {
                args[1] = data.to_str().unwrap();
                args.push("--quiet");
            }
            args.extend(["--as-of", AS_OF, "--format", "html"]);
            let html = run_in(&wd, lang, &args);
            assert!(
                html.contains(&format!("<html lang=\"{lang}\">")),
                "{lang} {page:?}"
            );
            let text = page_text(&html);
            assert_eq!(
                english_words(&text),
                Vec::<String>::new(),
                "{lang} {page:?}: {text}"
            );
            let as_of = if lang == "ru" {
                "3 октября 2022 г."
            } else {
                "2022 жылғы 3 қазан"
            };
            assert!(text.contains(as_of), "{lang} {page:?}: {text}");
        }
    }
    let en = wd.ok(&[
        "report", "weekly", "--week", "2022-W38", "--as-of", AS_OF, "--format", "html",
    ]);
    assert!(english_words(&page_text(&en)).len() > 100);
    let ru = run_in(
        &wd,
        "ru",
        &["report", "routing", "--as-of", AS_OF, "--format", "html"],
    );
    assert!(
        ru.contains("5,6 % (95-процентный интервал: 1,5–18,1 %)"),
        "{ru}"
    );
    let kk = run_in(
        &wd,
        "kk",
        &["report", "routing", "--as-of", AS_OF, "--format", "html"],
    );
    assert!(kk.contains("5,6% (95 пайыздық аралық: 1,5–18,1%)"), "{kk}");
}

#[test]
fn check_describes_each_problem_beside_its_code() {
    let wd = sample();
    let args = ["check", "--as-of", AS_OF, "--format", "md"];
    let ru = run_in(&wd, "ru", &args);
    assert!(
        ru.starts_with("| Проблема (код) | Описание | Источник |"),
        "{ru}"
    );
    assert!(
        ru.contains(
            "| unknown_route | Ни одно правило не определило, как ответили на обращение. |"
        ),
        "{ru}"
    );
    let kk = run_in(&wd, "kk", &args);
    assert!(
        kk.contains("| answered_without_answerer | Жауап бар, бірақ жауап авторы көрсетілмеген. |"),
        "{kk}"
    );
    let output = wd
        .command(
            &with_lang("ru", &args)
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>(),
        )
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "check: 12 проблем\n"
    );
    // The exit code is the language's business as little as the codes are.
    let fail = |lang: &str| {
        let args = with_lang(lang, &["check", "--as-of", AS_OF, "--fail-on-problems"]);
        wd.run(&args.iter().map(String::as_str).collect::<Vec<_>>())
            .status
            .code()
    };
    assert_eq!(
        (fail("en"), fail("ru"), fail("kk")),
        (Some(3), Some(3), Some(3))
    );
}

#[test]
fn machine_formats_are_the_same_bytes_in_every_language() {
    let wd = sample();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let commands: Vec<Vec<&str>> = vec![
        vec!["report", "routing", "--format", "csv"],
        vec!["report", "routing", "--format", "json"],
        vec!["report", "routing", "--format", "tsv"],
        vec!["report", "forwards", "--format", "jsonl"],
        vec!["report", "silence", "--format", "csv"],
        vec!["report", "weekly", "--week", "2022-W38", "--format", "json"],
        vec!["check", "--format", "csv"],
        vec!["export", "appeals", "--format", "csv"],
        vec![
            "audit",
            data.to_str().unwrap(),
            "--quiet",
            "--format",
            "json",
        ],
    ];
    for command in commands {
        let mut args = command.clone();
        args.extend(["--as-of", AS_OF]);
        if command[0] == "export" {
            args.truncate(args.len() - 2);
        }
        let en = wd.ok(&args);
        assert!(!en.is_empty());
        for lang in ["ru", "kk"] {
            assert_eq!(run_in(&wd, lang, &args), en, "{lang}: {command:?}");
        }
    }
}

#[test]
fn import_lines_and_common_errors_in_the_language() {
    let wd = Workdir::new();
    wd.write(
        "ok.csv",
        "id,addressee,submitted_at,text\n1,Исабаев Б.Б.,03.08.2022,Текст\n",
    );
    wd.write(
        "ambiguous.csv",
        "id,addressee,submitted_at,text\n1,Исабаев Б.Б.,03/08/2022,Текст\n",
    );
    wd.write(
        "missing.csv",
        "id,addressee,submitted_at,text\n1,,03.08.2022,Текст\n",
    );
    let stderr = |lang: &str, file: &str, code: i32| {
        let args = with_lang(lang, &["import", "appeals", file]);
        wd.fails(&args.iter().map(String::as_str).collect::<Vec<_>>(), code)
    };
    assert_eq!(
        stderr("ru", "ok.csv", 0),
        "ok.csv: прочитано 1, добавлено 1, обновлено 0, без изменений 0, отклонено 0\n"
    );
    assert_eq!(
        stderr("kk", "ok.csv", 0),
        "ok.csv: оқылды 1, қосылды 0, жаңартылды 0, өзгеріссіз 1, қабылданбады 0\n"
    );
    let ambiguous = stderr("ru", "ambiguous.csv", 1);
    assert!(
        ambiguous.starts_with(
            "appeal-audit: ошибка: ambiguous.csv, строка 2: поле submitted_at, значение \
             \"03/08/2022\": непонятно, где день, а где месяц: напишите 03.10.2022 или \
             2022-10-03 либо укажите --date-format."
        ),
        "{ambiguous}"
    );
    assert!(
        ambiguous.ends_with(
            "Ничего не загружено: база данных осталась такой же, как до этой команды.\n"
        ),
        "{ambiguous}"
    );
    let missing = stderr("kk", "missing.csv", 1);
    assert!(
        missing.starts_with("appeal-audit: қате: missing.csv, 2-жол: addressee өрісі, мәні \"\": міндетті өріс (өтініштер)"),
        "{missing}"
    );
    let unreadable = stderr("ru", "nowhere.csv", 1);
    assert!(
        unreadable
            .starts_with("appeal-audit: ошибка: не удаётся открыть nowhere.csv: проверьте путь"),
        "{unreadable}"
    );
    // English stays as it was.
    let english = stderr("en", "ambiguous.csv", 1);
    assert!(
        english.starts_with("appeal-audit: error: ambiguous.csv, line 2: field submitted_at"),
        "{english}"
    );
}

#[test]
fn the_methodology_pages_in_docs_are_up_to_date() {
    let wd = Workdir::new();
    for lang in ["ru", "kk"] {
        let name = format!("docs/methodology.{lang}.md");
        let committed = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(&name))
            .unwrap_or_default();
        let made = run_in(&wd, lang, &["methodology"]);
        assert!(
            committed == made,
            "{name} is out of date: run `cargo run -- --lang {lang} methodology > {name}`"
        );
        // Outside `code` (the CSV keys, the commands), every word is the language's.
        let prose: String = made.split('`').step_by(2).collect();
        assert_eq!(english_words(&prose), Vec::<String>::new(), "{made}");
    }
}

/// Issue 22: an import's notes speak the run's language, with the right plural:
/// "1 appeal ... is missing", never "1 appeals".
#[test]
fn a_snapshot_says_what_vanished_in_each_language_with_its_plural() {
    let wd = Workdir::new();
    wd.write(
        "week1.csv",
        "id,addressee,submitted_at\n1,Исабаев Б.Б.,2022-09-01\n2,Исабаев Б.Б.,2022-09-02\n",
    );
    wd.write(
        "week2.csv",
        "id,addressee,submitted_at\n2,Исабаев Б.Б.,2022-09-02\n",
    );
    wd.ok(&[
        "import",
        "appeals",
        "--snapshot",
        "--scraped-at",
        "2022-09-05",
        "week1.csv",
    ]);
    let stderr = |lang: &str| {
        let out = wd
            .command(&[
                "--lang",
                lang,
                "import",
                "appeals",
                "--snapshot",
                "--scraped-at",
                "2022-09-12",
                "week2.csv",
            ])
            .output()
            .expect("run");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let en = stderr("en");
    assert!(
        en.contains("week2.csv: 1 appeal stored from earlier scrapes is missing"),
        "{en}"
    );
    // A third scrape that drops the other one says it in Russian.
    wd.write(
        "week3.csv",
        "id,addressee,submitted_at\n1,Исабаев Б.Б.,2022-09-01\n",
    );
    let out = wd
        .command(&[
            "--lang",
            "ru",
            "import",
            "appeals",
            "--snapshot",
            "--scraped-at",
            "2022-09-19",
            "week3.csv",
        ])
        .output()
        .expect("run");
    let ru = String::from_utf8_lossy(&out.stderr);
    assert!(
        ru.contains("week3.csv: 1 обращение из прошлых выгрузок отсутствует"),
        "{ru}"
    );
}

/// Issue 22: in Kazakh tables and Markdown a department is named as the directory names it in
/// Kazakh (its alias); Russian output and csv keep the name the figures are grouped by.
#[test]
fn departments_take_their_kazakh_names_in_kazakh_output() {
    let wd = sample();
    let args = ["report", "silence", "--as-of", AS_OF, "--format", "md"];
    let kk = run_in(&wd, "kk", &args);
    assert!(
        kk.contains("| Жетісу облысының жер қатынастары басқармасы | мемлекеттік орган |"),
        "{kk}"
    );
    assert!(!kk.contains("Управление земельных отношений"), "{kk}");
    // People are named as they are; only departments have Kazakh names.
    assert!(kk.contains("| Бекболатов Ерлан Сапарович |"), "{kk}");
    let ru = run_in(&wd, "ru", &args);
    assert!(
        ru.contains("Управление земельных отношений области Жетысу"),
        "{ru}"
    );
    let csv = run_in(
        &wd,
        "kk",
        &["report", "silence", "--as-of", AS_OF, "--format", "csv"],
    );
    assert!(
        csv.contains("Управление земельных отношений области Жетысу"),
        "{csv}"
    );
    let forwards = run_in(
        &wd,
        "kk",
        &["report", "forwards", "--as-of", AS_OF, "--format", "md"],
    );
    assert!(forwards.contains("Жетісу облысының"), "{forwards}");
}

/// Issue 22: `show` speaks Russian and Kazakh in tables and Markdown: field names, words,
/// yes and no, the history's headings; csv keeps the stored names.
#[test]
fn show_names_its_fields_in_russian_and_kazakh() {
    let wd = sample();
    let args = [
        "show",
        "749022/1",
        "--as-of",
        AS_OF,
        "--history",
        "--format",
        "md",
    ];
    let ru = run_in(&wd, "ru", &args);
    for expected in [
        "| Маршрут | перенаправлено |",
        "| Просрочено | нет |",
        "Версии",
        "Изменения",
    ] {
        assert!(ru.contains(expected), "no {expected:?}:\n{ru}");
    }
    assert!(
        !ru.contains("| route |") && !ru.contains("Versions"),
        "{ru}"
    );
    let kk = run_in(&wd, "kk", &args);
    for expected in ["| Бағыт | жолданды |", "Нұсқалар", "Өзгерістер"]
    {
        assert!(kk.contains(expected), "no {expected:?}:\n{kk}");
    }
    let csv = run_in(
        &wd,
        "ru",
        &["show", "749022/1", "--as-of", AS_OF, "--format", "csv"],
    );
    assert!(csv.contains("route,forwarded"), "{csv}");
}
