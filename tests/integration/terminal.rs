//! Tables at a real terminal: the binary runs in a tmux pane 80 and 120 columns wide on the
//! sample, and the screen is read back. At 120 every row of routing, forwards and silence is
//! one line; at 80 no figure is broken across lines; a note says what was left out.

use std::collections::HashSet;

use crate::common::tmux::{self, have_tmux};
use crate::common::{self, Workdir};

const AS_OF: &str = "2022-10-03";

fn sample() -> Workdir {
    common::with_sample(AS_OF)
}

fn screen(wd: &Workdir, width: u16, args: &[&str]) -> Vec<String> {
    screen_with(wd, width, &[], args)
}

/// The screen of appeal-audit run on the scratch folder's database in a tmux pane `width`
/// columns wide, with `COLUMNS` unset unless `env` sets it.
fn screen_with(wd: &Workdir, width: u16, env: &[(&str, &str)], args: &[&str]) -> Vec<String> {
    let db = wd.path("test.db").display().to_string();
    let mut all = vec![("APPEAL_AUDIT_DB", db.as_str())];
    all.extend_from_slice(env);
    tmux::pane(wd.root(), width, &all, args)
}

/// The screen split into the table's data lines (after the rule under the headers) and the
/// note under it, joined into one line.
fn table(lines: &[String]) -> (Vec<&str>, String) {
    let rule = lines
        .iter()
        .position(|l| l.starts_with('─'))
        .unwrap_or_else(|| panic!("no rule under the headers:\n{}", lines.join("\n")));
    let note_at = lines
        .iter()
        .position(|l| l.contains("more column") || l.starts_with("names are shortened"))
        .unwrap_or(lines.len());
    let data = lines[rule + 1..note_at]
        .iter()
        .map(String::as_str)
        .collect();
    (data, lines[note_at..].join(" "))
}

/// The columns the note lists as left out.
fn left_out(note: &str) -> HashSet<String> {
    let Some((_, rest)) = note
        .split_once("more columns: ")
        .or(note.split_once("more column: "))
    else {
        return HashSet::new();
    };
    let list = rest.split_once('.').map_or(rest, |(list, _)| list);
    list.split(", ").map(str::to_string).collect()
}

/// Every figure (a word holding a digit) in the shown columns of the report's Markdown,
/// which writes each cell as the table does, shares with their intervals.
fn figures(wd: &Workdir, report: &str, hidden: &HashSet<String>) -> Vec<String> {
    let md = wd.ok(&["report", report, "--as-of", AS_OF, "--format", "md"]);
    let mut lines = md.lines();
    let split = |l: &str| -> Vec<String> {
        l.trim()
            .trim_matches('|')
            .split(" | ")
            .map(|c| c.trim().to_string())
            .collect()
    };
    let header = split(lines.next().expect("md header"));
    let mut found = Vec::new();
    for line in lines.skip(1) {
        for (column, cell) in header.iter().zip(split(line)) {
            if hidden.contains(column) {
                continue;
            }
            found.extend(
                cell.split_whitespace()
                    .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
                    .map(str::to_string),
            );
        }
    }
    found
}

#[test]
fn at_120_columns_every_row_is_one_line() {
    if !have_tmux() {
        return;
    }
    let wd = sample();
    for report in ["routing", "forwards", "silence"] {
        let rows = wd
            .csv_rows(&["report", report, "--as-of", AS_OF, "--format", "csv"])
            .len();
        let lines = screen(&wd, 120, &["report", report, "--as-of", AS_OF]);
        let (data, _) = table(&lines);
        assert_eq!(
            data.len(),
            rows,
            "{report}: {rows} rows on as many lines:\n{}",
            lines.join("\n")
        );
        assert!(
            data.iter().all(|l| !l.starts_with(' ')),
            "{report}: a row went on to a second line:\n{}",
            lines.join("\n")
        );
    }
    // The routing row of the story, whole: name shortened, shares with their intervals.
    let lines = screen(&wd, 120, &["report", "routing", "--as-of", AS_OF]);
    let row = lines
        .iter()
        .find(|l| l.starts_with("Бекболатов Е.С."))
        .expect("Бекболатов's row");
    for figure in ["36", "5.6% (1.5–18.1)", "77.8% (61.9–88.3)", "14.0 (n=24)"] {
        assert!(row.contains(figure), "{figure} in {row}");
    }
    let (_, note) = table(&lines);
    assert!(
        note.contains("unsatisfied") && note.contains("--wide"),
        "{note}"
    );
}

#[test]
fn at_80_columns_no_figure_is_broken_and_a_note_says_what_was_left_out() {
    if !have_tmux() {
        return;
    }
    let wd = sample();
    for report in ["routing", "forwards", "silence"] {
        let lines = screen(&wd, 80, &["report", report, "--as-of", AS_OF]);
        let shown = lines.join("\n");
        assert!(
            lines.iter().all(|l| l.chars().count() <= 80),
            "{report}: wider than the terminal:\n{shown}"
        );
        let (data, note) = table(&lines);
        assert!(
            !note.is_empty(),
            "{report}: no note under the table:\n{shown}"
        );
        let hidden = left_out(&note);
        let figures = figures(&wd, report, &hidden);
        assert!(!figures.is_empty(), "{report}: no figures to look for");
        for figure in figures {
            assert!(
                data.iter().any(|l| l.contains(&figure)),
                "{report}: {figure} is broken or missing:\n{shown}"
            );
        }
    }
    // Routing at 80: the intervals stack under their shares, whole, and the note names the
    // columns left out and the flags that show them.
    let lines = screen(&wd, 80, &["report", "routing", "--as-of", AS_OF]);
    let (data, note) = table(&lines);
    assert!(data.iter().any(|l| l.trim_end().ends_with("14.0")));
    assert!(data.iter().any(|l| l.contains("(1.5–18.1)")));
    assert!(
        note.contains("more columns:") && note.contains("--wide") && note.contains("--columns"),
        "{note}"
    );
    assert!(left_out(&note).contains("answered_pct"), "{note}");
}

#[test]
fn wide_and_columns_at_a_terminal() {
    if !have_tmux() {
        return;
    }
    let wd = sample();
    // --wide: every column the piped table has, and nothing said to be left out.
    let lines = screen(&wd, 120, &["report", "routing", "--as-of", AS_OF, "--wide"]);
    let text = lines.join("\n");
    for header in ["unsatisfied", "vanished", "answered", "rejected", "unknown"] {
        assert!(text.contains(header), "{header} in\n{text}");
    }
    assert!(!text.contains("more column"), "{text}");
    // --columns: those, in that order, fitted.
    let lines = screen(
        &wd,
        80,
        &[
            "report",
            "forwards",
            "--as-of",
            AS_OF,
            "--columns",
            "appeals,addressee",
        ],
    );
    let header = lines[0].split_whitespace().collect::<Vec<_>>();
    assert_eq!(header, vec!["appeals", "addressee"], "{}", lines.join("\n"));
    assert!(
        lines
            .iter()
            .any(|l| l.contains("Бекболатов Ерлан Сапарович"))
    );
    // Piped, the same command keeps the whole table as it always has.
    let piped = wd.ok(&["report", "routing", "--as-of", AS_OF]);
    assert!(
        piped.contains("unsatisfied") && piped.contains('│'),
        "{piped}"
    );
    assert!(!piped.contains("more column"), "{piped}");
}

#[test]
fn columns_in_the_environment_wins_over_the_terminal_size() {
    if !have_tmux() {
        return;
    }
    let wd = sample();
    let args = ["report", "routing", "--as-of", AS_OF];
    let narrow = screen(&wd, 80, &args);
    assert_eq!(screen_with(&wd, 120, &[("COLUMNS", "80")], &args), narrow);
}

#[test]
fn status_shows_the_imports_without_their_hashes_unless_wide() {
    if !have_tmux() {
        return;
    }
    let wd = sample();
    // The imports table's headers: from its title to the rule under them.
    let headers = |lines: &[String]| -> String {
        let title = lines.iter().position(|l| l == "Imports").expect("Imports");
        let rule = title
            + lines[title..]
                .iter()
                .position(|l| l.starts_with('─'))
                .expect("rule");
        lines[title..rule].join(" ")
    };
    let lines = screen(&wd, 100, &["status"]);
    let text = lines.join("\n");
    assert!(!headers(&lines).contains("sha256"), "{text}");
    // status has no --columns, so the note offers only --wide.
    assert!(
        text.contains("size, sha256") && text.contains("--wide") && !text.contains("--columns"),
        "{text}"
    );
    let lines = screen(&wd, 100, &["status", "--wide"]);
    assert!(headers(&lines).contains("sha256"), "{}", lines.join("\n"));
    assert!(!lines.join("\n").contains("more column"));
}

/// Issue 22: `report weekly` at a terminal is fitted like the single reports: no line wider
/// than the terminal, no name or figure broken mid-word, headers in words, the note under a
/// table that left columns out; `--wide` shows them.
#[test]
fn weekly_tables_fit_the_terminal_at_80_and_120_columns() {
    if !have_tmux() {
        return;
    }
    let wd = sample();
    let args = ["report", "weekly", "--week", "2022-W39", "--as-of", AS_OF];
    for width in [80, 120] {
        let lines = screen(&wd, width, &args);
        let text = lines.join("\n");
        for line in &lines {
            assert!(
                line.chars().count() <= usize::from(width),
                "wider than {width}:\n{text}"
            );
        }
        for title in [
            "Routing",
            "Against the period before",
            "Forwards",
            "Silence",
        ] {
            assert!(
                lines.iter().any(|l| l == title),
                "no {title} at {width}:\n{text}"
            );
        }
        // Headers are words, not CSV names, and no figure or name is split across lines.
        assert!(!text.contains("personal_pct"), "{text}");
        for broken in ["Бек\n", "50\n.0", "50.0\n%"] {
            assert!(!text.contains(broken), "{broken:?} at {width}:\n{text}");
        }
        assert!(
            text.contains("2 (↑1)"),
            "the change table's arrows:\n{text}"
        );
    }
    let narrow = screen(&wd, 80, &args).join("\n");
    assert!(narrow.contains("--wide shows every column"), "{narrow}");
    let mut wide_args = args.to_vec();
    wide_args.push("--wide");
    let wide = screen(&wd, 80, &wide_args).join("\n");
    assert!(!wide.contains("more columns"), "{wide}");
    assert!(wide.contains("unsatisfied"), "{wide}");
}

/// Issue 22: `status` lists the last imports only, 5 unless `--imports N` (0: every one).
#[test]
fn status_lists_the_last_imports_only() {
    let wd = sample();
    let data = format!("{}/data", env!("CARGO_MANIFEST_DIR"));
    for _ in 0..3 {
        wd.ok(&[
            "--quiet", "audit", &data, "--as-of", AS_OF, "--format", "json",
        ]);
    }
    let ids = |args: &[&str]| -> Vec<i64> {
        let mut all = vec!["status", "--format", "json"];
        all.extend(args);
        wd.json(&all)["imports"]
            .as_array()
            .expect("imports")
            .iter()
            .map(|i| i["import_id"].as_i64().expect("an id"))
            .collect()
    };
    let every = ids(&["--imports", "0"]);
    assert!(every.len() > 5, "{every:?}");
    assert_eq!(ids(&[]), every[every.len() - 5..]);
    assert_eq!(ids(&["--imports", "2"]), every[every.len() - 2..]);
}

/// Issue 22: `status` at 80 columns is no wider than the terminal: each import one line, the
/// file by its name (the whole path with --wide and in every other format).
#[test]
fn status_fits_80_columns_with_files_by_name() {
    if !have_tmux() {
        return;
    }
    let wd = sample();
    let lines = screen(&wd, 80, &["status"]);
    let text = lines.join("\n");
    for line in &lines {
        assert!(line.chars().count() <= 80, "wider than 80:\n{text}");
    }
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("posts ") && l.contains("…/posts.csv")),
        "{text}"
    );
    let json = wd.json(&["status", "--format", "json"]);
    let files: Vec<&str> = json["imports"]
        .as_array()
        .expect("imports")
        .iter()
        .filter_map(|i| i["file"].as_str())
        .collect();
    assert!(
        files.iter().any(|f| f.ends_with("/data/posts.csv")),
        "{files:?}"
    );
}

/// Issue 22: the note under a fitted table speaks the run's language.
#[test]
fn the_note_under_a_fitted_table_speaks_russian_and_kazakh() {
    if !have_tmux() {
        return;
    }
    let wd = sample();
    for (lang, words) in [
        (
            "ru",
            ["столбцов:", "--wide покажет все столбцы", "имена сокращены"],
        ),
        (
            "kk",
            ["баған:", "--wide барлық бағанды", "есімдер инициалдарға"],
        ),
    ] {
        let text = screen(
            &wd,
            80,
            &["--lang", lang, "report", "routing", "--as-of", AS_OF],
        )
        .join(" ");
        for word in words {
            assert!(text.contains(word), "{lang}: no {word:?} in\n{text}");
        }
        for english in ["more columns", "shows every column", "names are shortened"] {
            assert!(!text.contains(english), "{lang}: {english:?} in\n{text}");
        }
    }
}

/// Issue 22: `check` at a terminal shows what each code means beside it, in every language;
/// csv keeps the columns of cli.md.
#[test]
fn check_describes_its_codes_at_a_terminal_in_every_language() {
    if !have_tmux() {
        return;
    }
    let wd = sample();
    for (lang, header, words) in [
        ("en", "description", "answer names no"),
        ("ru", "Описание", "автор ответа"),
        ("kk", "Сипаттамасы", "жауап"),
    ] {
        let text = screen(&wd, 200, &["--lang", lang, "check", "--as-of", AS_OF]).join("\n");
        assert!(text.contains(header), "{lang}: no {header:?}:\n{text}");
        assert!(text.contains(words), "{lang}: no {words:?}:\n{text}");
    }
    let csv = wd.ok(&["check", "--as-of", AS_OF, "--format", "csv"]);
    assert!(
        csv.starts_with("problem,source,id,field,value,records,file,line"),
        "{csv}"
    );
}

/// Issue 22: Russian shares (`5,6 %`, a space before the sign) are figures: right-aligned,
/// and never broken from their interval on a wide terminal.
#[test]
fn russian_shares_are_right_aligned() {
    if !have_tmux() {
        return;
    }
    let wd = sample();
    let lines = screen(
        &wd,
        120,
        &["--lang", "ru", "report", "routing", "--as-of", AS_OF],
    );
    let text = lines.join("\n");
    let end_of = |name: &str, share: &str| -> usize {
        let line = lines
            .iter()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("no {name}:\n{text}"));
        let at = line
            .find(share)
            .unwrap_or_else(|| panic!("no {share:?} on one line:\n{text}"));
        line[..at + share.len()].chars().count()
    };
    assert_eq!(
        end_of("Бекболатов", "5,6 % (1,5–18,1)"),
        end_of("Жумагалиев", "30,8 % (12,7–57,6)"),
        "{text}"
    );
}

#[test]
fn a_long_export_or_reclassification_at_a_terminal_leaves_its_summary_and_clean_files() {
    if !have_tmux() {
        return;
    }
    let wd = sample();
    // The bar is drawn on stderr and cleared before the summary; the file is the same bytes
    // as the export written with no terminal at all.
    let at = wd.path("at.csv").display().to_string();
    let shown = screen(
        &wd,
        100,
        &["export", "appeals", "--as-of", AS_OF, "--output", &at],
    );
    let piped = wd.ok(&["export", "appeals", "--as-of", AS_OF]);
    assert_eq!(String::from_utf8(wd.read("at.csv")).unwrap(), piped);
    assert!(
        shown.iter().any(|l| l.contains("records written to")),
        "{shown:#?}"
    );
    assert!(!shown.iter().any(|l| l.contains("exporting")), "{shown:#?}");
    // A directory with a new alias classifies every stored appeal again, under a bar.
    let more = wd.write(
        "more.csv",
        "name,kind,position,aliases\nНовый Департамент,department,,Новый деп\n",
    );
    let more = more.display().to_string();
    let shown = screen(&wd, 100, &["import", "directory", &more]);
    assert!(
        !shown.iter().any(|l| l.contains("reclassifying")),
        "{shown:#?}"
    );
}
