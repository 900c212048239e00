//! The shell's niceties: completion scripts and man pages end quietly when the reader stops
//! early, `man COMMAND` prints any command's page, and `man --output-dir` writes every page,
//! each naming only pages that exist.

use std::collections::BTreeSet;
use std::process::Stdio;

use crate::common::{Workdir, describe};

/// Runs `args` with its standard output a pipe whose reader has already gone, as `| head -1`
/// leaves it once the line is read: exit 0 and nothing on stderr.
fn ends_quietly_on_a_closed_pipe(wd: &Workdir, args: &[&str]) {
    let mut child = wd
        .command(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run appeal-audit");
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("wait for appeal-audit");
    assert!(
        output.status.success() && output.stderr.is_empty(),
        "{}",
        describe(args, &output)
    );
}

#[test]
fn completions_and_man_end_quietly_when_the_reader_stops() {
    let wd = Workdir::new();
    for shell in ["bash", "zsh", "fish"] {
        ends_quietly_on_a_closed_pipe(&wd, &["completions", shell]);
    }
    ends_quietly_on_a_closed_pipe(&wd, &["man"]);
    ends_quietly_on_a_closed_pipe(&wd, &["man", "report", "routing"]);
}

/// The pages a page names: `appeal-audit-import(1)` and the like, in its text or in `.BR`
/// (roff writes each hyphen `\-`).
fn named_pages(roff: &str) -> BTreeSet<String> {
    let roff = roff.replace("\\-", "-");
    let mut named = BTreeSet::new();
    for (at, _) in roff.match_indices("appeal-audit") {
        let rest = &roff[at..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        let after = &rest[name.len()..];
        if after.starts_with("(1)") || after.starts_with(" (1)") {
            named.insert(name);
        }
    }
    named
}

#[test]
fn man_output_dir_writes_every_page_and_every_page_named_exists() {
    let wd = Workdir::new();
    let output = wd.run(&["man", "--output-dir", "man1"]);
    assert!(output.status.success(), "{}", describe(&["man"], &output));
    let pages: BTreeSet<String> = std::fs::read_dir(wd.path("man1"))
        .expect("man1 written")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    for command in [
        "appeal-audit.1",
        "appeal-audit-import.1",
        "appeal-audit-audit.1",
        "appeal-audit-report.1",
        "appeal-audit-report-routing.1",
        "appeal-audit-report-weekly.1",
        "appeal-audit-export.1",
        "appeal-audit-fetch.1",
        "appeal-audit-show.1",
        "appeal-audit-check.1",
        "appeal-audit-status.1",
        "appeal-audit-man.1",
    ] {
        assert!(pages.contains(command), "no {command} in {pages:?}");
    }
    let mut named = BTreeSet::new();
    for page in &pages {
        let roff = String::from_utf8(wd.read(&format!("man1/{page}"))).expect("UTF-8 roff");
        assert!(roff.contains(".TH "), "{page} is not a man page");
        named.extend(named_pages(&roff));
    }
    assert!(named.contains("appeal-audit-report-silence"), "{named:?}");
    for name in &named {
        assert!(
            pages.contains(&format!("{name}.1")),
            "{name}(1) is named but has no page"
        );
    }
    // The top page printed names the same pages that were written.
    let top = wd.ok(&["man"]);
    for name in named_pages(&top) {
        assert!(pages.contains(&format!("{name}.1")), "man names {name}(1)");
    }
}

#[test]
fn man_command_prints_that_commands_page() {
    let wd = Workdir::new();
    let page = wd.ok(&["man", "import"]);
    assert!(page.contains(".TH appeal-audit-import 1"), "{page}");
    assert!(page.contains("\\-\\-skip\\-invalid"), "{page}");
    let routing = wd.ok(&["man", "report", "routing"]);
    assert!(
        routing.contains(".TH appeal-audit-report-routing 1"),
        "{routing}"
    );
    let said = wd.fails(&["man", "nosuch"], 2);
    assert!(said.contains("import") && said.contains("nosuch"), "{said}");
}
