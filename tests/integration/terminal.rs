//! Tables at a real terminal: the binary runs in a tmux pane 80 and 120 columns wide on the
//! sample, and the screen is read back. At 120 every row of routing, forwards and silence is
//! one line; at 80 no figure is broken across lines; a note says what was left out.

use std::collections::HashSet;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::common::{self, Workdir, outside_tool};

const AS_OF: &str = "2022-10-03";
const DONE: &str = "__appeal_audit_done__";

fn sample() -> Workdir {
    common::with_sample(AS_OF)
}

fn have_tmux() -> bool {
    let found = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    outside_tool("tmux", "apt-get install tmux", found)
}

fn quote(arg: &str) -> String {
    format!("'{}'", arg.replace('\'', r"'\''"))
}

fn screen(wd: &Workdir, width: u16, args: &[&str]) -> Vec<String> {
    screen_with(wd, width, &[], args)
}

/// Runs appeal-audit in a detached tmux pane `width` columns wide, on a server of its own,
/// with `COLUMNS` unset unless `env` sets it, and returns the screen's lines down to the end
/// of the command's output.
fn screen_with(wd: &Workdir, width: u16, env: &[(&str, &str)], args: &[&str]) -> Vec<String> {
    // A server of its own each time: one being killed may still hold a reused socket.
    static SERVERS: AtomicUsize = AtomicUsize::new(0);
    let socket = wd.path(&format!(
        "tmux-{}.sock",
        SERVERS.fetch_add(1, Ordering::Relaxed)
    ));
    let tmux = |extra: &[&str]| {
        let mut command = Command::new("tmux");
        command.arg("-u").arg("-S").arg(&socket).args(extra);
        command
    };
    let mut line = vec![
        "env".to_string(),
        "-u".into(),
        "COLUMNS".into(),
        format!(
            "APPEAL_AUDIT_DB={}",
            quote(&wd.path("test.db").display().to_string())
        ),
    ];
    line.extend(env.iter().map(|(k, v)| format!("{k}={}", quote(v))));
    line.push(quote(env!("CARGO_BIN_EXE_appeal-audit")));
    line.extend(args.iter().map(|a| quote(a)));
    let shell = format!("{}; echo {DONE}; sleep 60", line.join(" "));
    let started = tmux(&[
        "new-session",
        "-d",
        "-s",
        "fit",
        "-x",
        &width.to_string(),
        "-y",
        "300",
        &shell,
    ])
    .status()
    .expect("run tmux");
    assert!(started.success(), "tmux new-session failed");
    let deadline = Instant::now() + Duration::from_secs(60);
    let text = loop {
        let out = tmux(&["capture-pane", "-p", "-t", "fit", "-S", "0", "-E", "-"])
            .output()
            .expect("tmux capture-pane");
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        if text.contains(DONE) || Instant::now() > deadline {
            break text;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let _ = tmux(&["kill-server"]).status();
    let lines: Vec<String> = text
        .lines()
        .take_while(|l| !l.contains(DONE))
        .map(str::to_string)
        .collect();
    assert!(
        text.contains(DONE),
        "the command did not finish in the pane:\n{}",
        lines.join("\n")
    );
    lines
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

#[test]
fn a_long_export_or_reclassification_at_a_terminal_leaves_its_summary_and_clean_files() {
    if !have_tmux() {
        return;
    }
    let wd = sample();
    // The bar is drawn on stderr and cleared before the summary; the file is the same bytes
    // as the export written with no terminal at all.
    // The pane starts in tmux's folder, not the scratch one: paths are absolute.
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
