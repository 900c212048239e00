//! The documents' examples are the tool's real output: every ```` ```console ```` block of the
//! project's Markdown (README.md, docs/*.md, the other *.md at the top and data/README.md) is
//! run here and must match, so the README cannot drift from the tool.
//!
//! A block is a list of commands, each a line `$ appeal-audit ARGS` (words quoted as in a shell;
//! `# ...` after them is a comment), followed by what it prints: stdout and stderr together, in
//! the order written, as a terminal shows them. In what a command prints, a line `...` stands
//! for any number of lines (so an excerpt's lines must appear, in that order), `[..]` for any
//! text within one line, and trailing spaces and blank lines at the end do not count. Every block
//! runs in a scratch folder of its own that holds a copy of `data/` and of
//! `tests/fixtures/readme/`, with the database `./appeals.db` (the default). Words after
//! `console` on the fence say how:
//! - `sample`: the database holds the bundled sample first (`audit data`, quietly);
//! - `lang=ru|kk|en`: `APPEAL_AUDIT_LANG` and `LANG` (default English; always set explicitly);
//! - `exit=N`: every command of the block exits N (default 0);
//! - `terminal=N`: each command runs in a tmux pane N columns wide (tables fit the terminal only
//!   when stdout is one); its exit code is not seen there.
//!
//! A block with a `$ ` line that is not a `console` block is an error: it would not be run.
//! `README_EXAMPLES=overwrite cargo test --test integration readme::` writes the tool's output
//! into every command whose shown output no longer matches (trim it back to an excerpt after).
//!
//! Left out, with the reason: the commands of "Fetch a blog" (`fetch`, `fetch --probe`) need the
//! portal; their summary line, quoted in prose, is checked against a local server by
//! `fetch.rs`. `warcio`, `datasette`, `sqlite3`, `cron` and `curl` lines are other programs.

use std::io::Read;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::common::{Workdir, tmux};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// How a block runs, from the words after `console` on its fence.
#[derive(Debug, Clone, PartialEq)]
struct Setup {
    sample: bool,
    lang: String,
    exit: i32,
    terminal: Option<u16>,
}

/// One command of a block and what the document shows it printing.
#[derive(Debug, Clone, PartialEq)]
struct Step {
    /// The document's line of the `$` (1-based).
    line: usize,
    /// The command as the document writes it, after `$ `.
    shown: String,
    args: Vec<String>,
    expected: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
struct Block {
    setup: Setup,
    steps: Vec<Step>,
    /// The indentation of the fence (a block in a list item is indented).
    indent: usize,
    /// The document's lines between the fences (0-based).
    body: Range<usize>,
}

/// The `console` blocks of one Markdown document, or what is wrong with its blocks.
fn blocks(name: &str, text: &str) -> Result<Vec<Block>, Vec<String>> {
    let lines: Vec<&str> = text.lines().collect();
    let (mut found, mut errors) = (Vec::new(), Vec::new());
    let mut at = 0;
    while at < lines.len() {
        let line = lines[at];
        let indent = line.len() - line.trim_start_matches(' ').len();
        // A backtick in the info string makes it inline code, not a fence (CommonMark).
        let Some(info) = line[indent..]
            .strip_prefix("```")
            .filter(|info| !info.contains('`'))
        else {
            at += 1;
            continue;
        };
        let start = at + 1;
        let end = (start..lines.len())
            .find(|&i| lines[i].trim() == "```")
            .unwrap_or(lines.len());
        let body: Vec<&str> = lines[start..end]
            .iter()
            .map(|l| {
                let cut = l.len() - l.trim_start_matches(' ').len();
                &l[cut.min(indent)..]
            })
            .collect();
        let mut words = info.split_whitespace();
        if words.next() == Some("console") {
            match parse_block(words, &body, start) {
                Ok((setup, steps)) => found.push(Block {
                    setup,
                    steps,
                    indent,
                    body: start..end,
                }),
                Err(e) => errors.push(format!("{name}:{}: {e}", at + 1)),
            }
        } else if let Some(i) = body.iter().position(|l| l.starts_with("$ ")) {
            errors.push(format!(
                "{name}:{}: a command at a prompt in a block that is not ```console, so no test \
                 runs it: make the block ```console (see tests/integration/readme.rs)",
                start + i + 1
            ));
        }
        at = end + 1;
    }
    if errors.is_empty() {
        Ok(found)
    } else {
        Err(errors)
    }
}

fn parse_block<'a>(
    words: impl Iterator<Item = &'a str>,
    body: &[&str],
    start: usize,
) -> Result<(Setup, Vec<Step>), String> {
    let mut setup = Setup {
        sample: false,
        lang: "en".into(),
        exit: 0,
        terminal: None,
    };
    for word in words {
        let wrong = || {
            format!("`{word}` after console: known are sample, lang=en|ru|kk, exit=N, terminal=N")
        };
        match word.split_once('=') {
            None if word == "sample" => setup.sample = true,
            Some(("lang", lang @ ("en" | "ru" | "kk"))) => setup.lang = lang.into(),
            Some(("exit", n)) => setup.exit = n.parse().map_err(|_| wrong())?,
            Some(("terminal", n)) => {
                let width = n.parse().ok().filter(|w: &u16| *w >= 20);
                setup.terminal = Some(width.ok_or_else(wrong)?);
            }
            _ => return Err(wrong()),
        }
    }
    let mut steps: Vec<Step> = Vec::new();
    for (i, line) in body.iter().enumerate() {
        if let Some(shown) = line.strip_prefix("$ ") {
            let words = shell_words(shown).map_err(|e| format!("line {}: {e}", start + i + 1))?;
            let Some(("appeal-audit", args)) = words.split_first().map(|(f, r)| (f.as_str(), r))
            else {
                return Err(format!(
                    "line {}: only `$ appeal-audit ...` commands are run, not `{shown}`",
                    start + i + 1
                ));
            };
            steps.push(Step {
                line: start + i + 1,
                shown: shown.to_string(),
                args: args.to_vec(),
                expected: Vec::new(),
            });
        } else if let Some(step) = steps.last_mut() {
            step.expected.push(line.to_string());
        } else {
            return Err("a console block must start with a `$ appeal-audit` line".into());
        }
    }
    if steps.is_empty() {
        return Err("a console block without a `$ appeal-audit` line".into());
    }
    Ok((setup, steps))
}

/// A command line split into words as a shell would: quotes, a backslash outside them, and a
/// word starting with `#` beginning a comment. Pipes and redirections are refused.
fn shell_words(line: &str) -> Result<Vec<String>, String> {
    let (mut words, mut word, mut in_word) = (Vec::new(), String::new(), false);
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            ' ' | '\t' => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            '#' if !in_word => break,
            '|' | '<' | '>' | ';' | '&' | '$' | '`' | '*' | '?' => {
                return Err(format!(
                    "`{c}` is for a shell; the test runs the binary itself"
                ));
            }
            '\'' | '"' => {
                in_word = true;
                loop {
                    match chars.next() {
                        Some(q) if q == c => break,
                        Some(ch) => word.push(ch),
                        None => return Err(format!("an unclosed {c}")),
                    }
                }
            }
            '\\' => {
                in_word = true;
                word.extend(chars.next());
            }
            _ => {
                in_word = true;
                word.push(c);
            }
        }
    }
    if in_word {
        words.push(word);
    }
    Ok(words)
}

/// Whether `actual` is what `expected` shows: line by line, a line `...` standing for any
/// number of lines and `[..]` for any text within a line; trailing spaces do not count.
fn matches(expected: &[String], actual: &[String]) -> bool {
    let (e, a) = (expected.len(), actual.len());
    // done[i][j]: expected[i..] matches actual[j..].
    let mut done = vec![vec![false; a + 1]; e + 1];
    done[e][a] = true;
    for i in (0..e).rev() {
        for j in (0..=a).rev() {
            done[i][j] = if expected[i].trim() == "..." {
                done[i + 1][j] || (j < a && done[i][j + 1])
            } else {
                j < a && line_matches(&expected[i], &actual[j]) && done[i + 1][j + 1]
            };
        }
    }
    done[0][0]
}

fn line_matches(pattern: &str, text: &str) -> bool {
    let (pattern, text) = (pattern.trim_end(), text.trim_end());
    let parts: Vec<&str> = pattern.split("[..]").collect();
    let [first, middle @ .., last] = parts.as_slice() else {
        return pattern == text;
    };
    let Some(mut rest) = text.strip_prefix(first) else {
        return false;
    };
    for part in middle {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.ends_with(last)
}

/// Lines of output, without the blank lines at its end.
fn output_lines(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = text.lines().map(|l| l.trim_end().to_string()).collect();
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}

fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create folder");
    for entry in std::fs::read_dir(from).expect("read folder").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_folder(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

/// The environment of every command: the language set explicitly, the default database.
fn environment(wd: &Workdir, lang: &str) -> Vec<(&'static str, String)> {
    let locale = match lang {
        "ru" => "ru_RU.UTF-8",
        "kk" => "kk_KZ.UTF-8",
        _ => "C.UTF-8",
    };
    vec![
        (
            "APPEAL_AUDIT_DB",
            wd.path("appeals.db").display().to_string(),
        ),
        ("APPEAL_AUDIT_LANG", lang.to_string()),
        ("LANG", locale.to_string()),
    ]
}

/// Runs the binary in `wd`; returns its exit code and stdout and stderr as written, together.
fn run(wd: &Workdir, env: &[(&str, String)], args: &[String]) -> (Option<i32>, String) {
    let (mut reader, writer) = std::io::pipe().expect("a pipe");
    let mut child = {
        let mut command = Command::new(env!("CARGO_BIN_EXE_appeal-audit"));
        command
            .args(args)
            .current_dir(wd.root())
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("COLUMNS")
            .env_remove("RUST_BACKTRACE")
            .envs(env.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::null())
            .stdout(writer.try_clone().expect("a pipe"))
            .stderr(writer);
        command.spawn().expect("run appeal-audit")
        // The command, holding the pipe's writing end, is dropped here: the read below ends
        // when the child ends.
    };
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).expect("read the output");
    let status = child.wait().expect("wait for appeal-audit");
    (status.code(), String::from_utf8_lossy(&bytes).into_owned())
}

/// What one command printed, where it does not match what its document shows.
struct Mismatch {
    line: usize,
    message: String,
    actual: Vec<String>,
}

/// Runs a block's commands; the mismatches, with the output each command really gave.
fn run_block(block: &Block, have_tmux: &mut Option<bool>) -> Vec<Mismatch> {
    let setup = &block.setup;
    if setup.terminal.is_some() && !*have_tmux.get_or_insert_with(tmux::have_tmux) {
        return Vec::new();
    }
    let wd = Workdir::new();
    copy_folder(&Path::new(ROOT).join("data"), &wd.path("data"));
    copy_folder(&Path::new(ROOT).join("tests/fixtures/readme"), wd.root());
    let env = environment(&wd, &setup.lang);
    if setup.sample {
        let args = ["--quiet", "audit", "data", "--as-of", "2022-10-03"].map(String::from);
        let (code, out) = run(&wd, &env, &args);
        assert_eq!(code, Some(0), "importing the sample: {out}");
    }
    let mut mismatches = Vec::new();
    for step in &block.steps {
        let (code, out) = match setup.terminal {
            Some(width) => {
                let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
                let args: Vec<&str> = step.args.iter().map(String::as_str).collect();
                let lines = tmux::pane(wd.root(), width, &env, &args);
                (Some(setup.exit), lines.join("\n"))
            }
            None => run(&wd, &env, &step.args),
        };
        let actual = output_lines(&out);
        let mut wrong = Vec::new();
        if code != Some(setup.exit) {
            wrong.push(format!("exit {code:?}, the block says {}", setup.exit));
        }
        if !matches(&output_lines(&step.expected.join("\n")), &actual) {
            wrong.push("the output differs".into());
        }
        if !wrong.is_empty() {
            let place = match setup.terminal {
                Some(width) => format!(" (in a terminal {width} columns wide)"),
                None => String::new(),
            };
            mismatches.push(Mismatch {
                line: step.line,
                message: format!(
                    "`{}`{place}: {}\n--- the document shows\n{}\n--- the tool prints\n{}",
                    step.shown,
                    wrong.join("; "),
                    step.expected.join("\n"),
                    actual.join("\n")
                ),
                actual,
            });
        }
    }
    mismatches
}

/// The Markdown documents whose examples are run, relative to the crate's folder.
fn documents() -> Vec<PathBuf> {
    let mut found = Vec::new();
    for folder in ["", "docs"] {
        let dir = Path::new(ROOT).join(folder);
        for entry in std::fs::read_dir(&dir).expect("read folder").flatten() {
            if entry.path().extension().is_some_and(|e| e == "md") {
                found.push(Path::new(folder).join(entry.file_name()));
            }
        }
    }
    found.push("data/README.md".into());
    found.sort();
    found
}

/// The document's text with the output of each mismatched command replaced by the tool's.
fn overwritten(text: &str, block: &Block, mismatches: &[Mismatch]) -> Vec<String> {
    let pad = " ".repeat(block.indent);
    let mut body = Vec::new();
    for step in &block.steps {
        body.push(format!("{pad}$ {}", step.shown));
        let lines = match mismatches.iter().find(|m| m.line == step.line) {
            Some(m) => &m.actual,
            None => &step.expected,
        };
        body.extend(lines.iter().map(|l| match l.is_empty() {
            true => String::new(),
            false => format!("{pad}{l}"),
        }));
    }
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines.splice(block.body.clone(), body);
    lines
}

#[test]
fn every_example_in_the_documents_is_the_tools_real_output() {
    let overwrite = std::env::var("README_EXAMPLES").is_ok_and(|v| v == "overwrite");
    let mut have_tmux = None;
    let (mut failures, mut count) = (Vec::new(), 0);
    for document in documents() {
        let name = document.display().to_string();
        let path = Path::new(ROOT).join(&document);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let found = match blocks(&name, &text) {
            Ok(found) => found,
            Err(errors) => {
                failures.extend(errors);
                continue;
            }
        };
        let (mut rewritten, mut wrong) = (text.clone(), Vec::new());
        // From the last block up, so that each block's lines are where they were read.
        for block in found.iter().rev() {
            count += 1;
            let mismatches = run_block(block, &mut have_tmux);
            if overwrite && !mismatches.is_empty() {
                let lines = overwritten(&rewritten, block, &mismatches);
                rewritten = lines.join("\n") + "\n";
            }
            wrong.extend(
                mismatches
                    .into_iter()
                    .rev()
                    .map(|m| format!("{name}:{}: {}", m.line, m.message)),
            );
        }
        failures.extend(wrong.into_iter().rev());
        if overwrite && rewritten != text {
            std::fs::write(&path, rewritten).unwrap_or_else(|e| panic!("{name}: {e}"));
            eprintln!("{name}: wrote the tool's output into its examples");
        }
    }
    assert!(
        failures.is_empty() || overwrite,
        "{} of the documents' examples are not what the tool prints (README_EXAMPLES=overwrite \
         writes the tool's output in):\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    assert!(count >= 1, "no ```console block found in {:?}", documents());
}

#[test]
fn an_excerpt_matches_its_lines_in_order_with_ellipses_between() {
    let lines = |s: &str| s.lines().map(str::to_string).collect::<Vec<_>>();
    let actual = lines("# Title\n\n| a | 1 |\n| b | 2 |\n| c | 3 |\nend");
    for (expected, ok) in [
        ("# Title\n\n| a | 1 |\n| b | 2 |\n| c | 3 |\nend", true),
        ("# Title\n...\n| b | 2 |\n...", true),
        ("...\n| c | 3 |\nend", true),
        ("# Title\n...\n| a | 1 |\n...\nend", true),
        ("...", true),
        // The shown rows, in another order, or with one of the lines between left out
        // without an ellipsis.
        ("...\n| c | 3 |\n...\n| a | 1 |\n...", false),
        ("# Title\n| a | 1 |\n...", false),
        ("# Title\n\n| a | 1 |", false),
        ("...\n| d | 4 |\n...", false),
        ("", false),
    ] {
        assert_eq!(matches(&lines(expected), &actual), ok, "{expected:?}");
    }
    assert!(matches(&[], &[]));
}

#[test]
fn an_elision_within_a_line_stands_for_any_text() {
    for (pattern, text, ok) in [
        (
            "error: no column [..]",
            "error: no column \"x\"; its columns are: a, b",
            true,
        ),
        (
            "[..] 2 records, SHA-256 [..]",
            "a.csv (appeals, 2 records, SHA-256 84a8)",
            true,
        ),
        ("a [..] b [..] c", "a x b y c", true),
        ("a[..]a", "a", false),
        ("error: no column [..]", "warning: no column x", false),
        ("5 read [..]", "5 read", false),
        ("trailing   ", "trailing", true),
        ("exact", "exactly", false),
    ] {
        assert_eq!(line_matches(pattern, text), ok, "{pattern:?} / {text:?}");
    }
}

#[test]
fn a_console_block_reads_its_setup_commands_and_outputs() {
    let text = "```` ```console ```` inline.\n\n  ```console sample lang=ru exit=2\n  $ appeal-audit report routing \
                --addressee \"Кенжебаева А.Б.\"   # a comment\n  one\n\n  two\n  $ appeal-audit \
                status\n  ```\n\n```sh\nappeal-audit status\n```\n";
    let found = blocks("X.md", text).expect("one block");
    assert_eq!(found.len(), 1);
    let block = &found[0];
    assert_eq!(
        block.setup,
        Setup {
            sample: true,
            lang: "ru".into(),
            exit: 2,
            terminal: None
        }
    );
    assert_eq!((block.indent, block.body.clone()), (2, 3..8));
    assert_eq!(block.steps[0].line, 4);
    assert_eq!(
        block.steps[0].args,
        ["report", "routing", "--addressee", "Кенжебаева А.Б."]
    );
    assert_eq!(block.steps[0].expected, ["one", "", "two"]);
    assert_eq!(block.steps[1].args, ["status"]);
    assert!(block.steps[1].expected.is_empty());
}

#[test]
fn a_command_shown_with_its_output_outside_a_console_block_is_an_error() {
    for (text, error) in [
        (
            "```\n$ appeal-audit status\nok\n```\n",
            "X.md:2: a command at a prompt",
        ),
        (
            "```console\n$ ls data\n```\n",
            "only `$ appeal-audit ...` commands",
        ),
        (
            "```console wide\n$ appeal-audit status\n```\n",
            "`wide` after console",
        ),
        (
            "```console\n$ appeal-audit export | head\n```\n",
            "`|` is for a shell",
        ),
        (
            "```console\nok\n```\n",
            "must start with a `$ appeal-audit` line",
        ),
    ] {
        let errors = blocks("X.md", text).expect_err(text);
        assert!(errors[0].contains(error), "{errors:?} for {text:?}");
    }
}
