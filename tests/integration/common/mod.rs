//! The one helper every integration test uses: a scratch folder with its own database, files
//! written into it, and the real binary run inside it. On failure it prints the command, the
//! exit code, stdout and stderr.

#![allow(dead_code)]

pub mod govkz_server;
pub mod http_server;
pub mod portal_pages;
pub mod tmux;

use std::collections::HashMap;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The blog the portal tests fetch from a local server, and its owner as its pages name him.
pub const BLOG: &str = "2719746";
pub const OWNER: &str = "Исабаев Бейбит Бакирович";
pub const POSITION: &str = "Аким области Жетысу";
/// robots.txt of a test server: the portal's rules, without its 1 s Crawl-delay.
pub const ROBOTS: &str =
    "User-agent: *\nDisallow: /blogs/all-questions/\nDisallow: /search\nCrawl-delay: 0\n";

/// The path of the test blog's questions page `page`.
pub fn q(page: u32) -> String {
    format!("/blogs/{BLOG}/questions?page={page}")
}

pub struct Workdir {
    dir: tempfile::TempDir,
}

impl Workdir {
    pub fn new() -> Workdir {
        Workdir {
            dir: tempfile::tempdir().expect("a temporary folder"),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create folder");
        }
        std::fs::write(&path, contents).expect("write test file");
        path
    }

    pub fn read(&self, name: &str) -> Vec<u8> {
        std::fs::read(self.path(name)).expect("read file")
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_appeal-audit"));
        command
            .args(args)
            .current_dir(self.dir.path())
            .env("APPEAL_AUDIT_DB", self.path("test.db"))
            .env_remove("RUST_BACKTRACE")
            // English unless a test asks for a language, whatever the machine's locale.
            .env_remove("APPEAL_AUDIT_LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG");
        command
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("run appeal-audit")
    }

    /// Runs and requires exit 0; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let output = self.run(args);
        assert!(output.status.success(), "{}", describe(args, &output));
        String::from_utf8(output.stdout).expect("stdout is UTF-8")
    }

    /// Runs and requires the exit code; returns stderr.
    pub fn fails(&self, args: &[&str], code: i32) -> String {
        let output = self.run(args);
        assert_eq!(
            output.status.code(),
            Some(code),
            "{}",
            describe(args, &output)
        );
        String::from_utf8_lossy(&output.stderr).into_owned()
    }

    /// Runs a command whose stdout is CSV and returns its rows as column -> value maps.
    pub fn csv_rows(&self, args: &[&str]) -> Vec<HashMap<String, String>> {
        parse_csv(&self.ok(args))
    }

    /// Runs a command whose stdout is JSON.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let out = self.ok(args);
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}"))
    }
}

pub fn parse_csv(text: &str) -> Vec<HashMap<String, String>> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().expect("CSV header").clone();
    reader
        .records()
        .map(|r| {
            let r = r.expect("CSV row");
            headers
                .iter()
                .map(str::to_string)
                .zip(r.iter().map(str::to_string))
                .collect()
        })
        .collect()
}

pub fn describe(args: &[&str], output: &Output) -> String {
    format!(
        "appeal-audit {}\nexit: {:?}\n--- stdout\n{}\n--- stderr\n{}",
        args.join(" "),
        output.status.code(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Finds the row whose `key` column equals `value`.
pub fn row<'a>(
    rows: &'a [HashMap<String, String>],
    key: &str,
    value: &str,
) -> &'a HashMap<String, String> {
    rows.iter()
        .find(|r| r.get(key).map(String::as_str) == Some(value))
        .unwrap_or_else(|| panic!("no row with {key} = {value:?} in {rows:#?}"))
}

/// Whether `python3` can import every module named, for the tests that read our files with
/// DuckDB or serve them with Datasette (through `outside_tool`).
pub fn python_has(modules: &[&str]) -> bool {
    let script = modules
        .iter()
        .map(|m| format!("import {m}"))
        .collect::<Vec<_>>()
        .join("; ");
    Command::new("python3")
        .args(["-c", &script])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Runs a Python script with arguments; requires exit 0 and returns stdout parsed as JSON.
pub fn python_json(script: &str, args: &[&str]) -> serde_json::Value {
    let output = Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .expect("run python3");
    assert!(
        output.status.success(),
        "python3 failed:\n{}\n--- stderr\n{}",
        script,
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}",
            String::from_utf8_lossy(&output.stdout)
        )
    })
}

/// A scratch folder whose database holds the bundled sample (`data/`), imported by `audit`.
pub fn with_sample(as_of: &str) -> Workdir {
    let wd = Workdir::new();
    let data = format!("{}/data", env!("CARGO_MANIFEST_DIR"));
    wd.ok(&[
        "--quiet", "audit", &data, "--as-of", as_of, "--format", "json",
    ]);
    wd
}

/// `warcio check -v` on every `.warc.gz` in `archive_dir` (at least one must be there); skipped
/// where warcio is not installed, a failure under CI (`outside_tool`).
pub fn warcio_check(archive_dir: &Path) {
    let archives: Vec<_> = std::fs::read_dir(archive_dir)
        .expect("the archive folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".warc.gz"))
        .collect();
    assert!(!archives.is_empty(), "no archive written");
    for archive in archives {
        warcio_check_file(&archive);
    }
}

/// `warcio check -v` on one archive; skipped where warcio is not installed, a failure under CI.
pub fn warcio_check_file(archive: &Path) {
    let found = Command::new("warcio")
        .arg("--help")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok();
    if !outside_tool("warcio", "python3 -m pip install warcio", found) {
        return;
    }
    let out = Command::new("warcio")
        .arg("check")
        .arg("-v")
        .arg(archive)
        .output()
        .expect("run warcio");
    assert!(
        out.status.success(),
        "warcio check {}: {}{}",
        archive.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Whether a test that needs an outside program (the sqlite3 shell, tmux, Chromium, LibreOffice,
/// warcio, Datasette, DuckDB) may run: `present` says whether it was found; `install` is how
/// `.ci/run` installs it. Where it is absent the test returns early, saying "skipped" on stderr;
/// but where the environment variable `CI` is set (`.ci/run` sets it), a missing program fails
/// the test, so that CI cannot be green without running it.
pub fn outside_tool(tool: &str, install: &str, present: bool) -> bool {
    match tool_verdict(std::env::var_os("CI").as_deref(), tool, install, present) {
        ToolVerdict::Run => true,
        ToolVerdict::Skip(message) => {
            eprintln!("{message}");
            false
        }
        ToolVerdict::Fail(message) => panic!("{message}"),
    }
}

#[derive(Debug, PartialEq)]
enum ToolVerdict {
    Run,
    Skip(String),
    Fail(String),
}

/// `outside_tool`'s decision, from the value of `CI` (None where unset) alone.
fn tool_verdict(ci: Option<&OsStr>, tool: &str, install: &str, present: bool) -> ToolVerdict {
    if present {
        ToolVerdict::Run
    } else if ci.is_some_and(|value| !value.is_empty()) {
        ToolVerdict::Fail(format!(
            "{tool} is not installed, and CI is set: .ci/run installs it (`{install}`), and a \
             test that needs it may not pass without running"
        ))
    } else {
        ToolVerdict::Skip(format!(
            "skipped: {tool} is not installed (`{install}`; .ci/run installs it, and with CI set \
             this is a failure)"
        ))
    }
}

#[test]
fn a_missing_outside_tool_skips_the_test_but_fails_it_under_ci() {
    let verdict = |ci: Option<&str>, present| {
        tool_verdict(ci.map(OsStr::new), "tmux", "apt-get install tmux", present)
    };
    for ci in [None, Some(""), Some("1"), Some("true")] {
        assert_eq!(verdict(ci, true), ToolVerdict::Run, "CI={ci:?}");
    }
    for ci in [None, Some("")] {
        let ToolVerdict::Skip(message) = verdict(ci, false) else {
            panic!("CI={ci:?}: not a skip");
        };
        assert!(message.starts_with("skipped: tmux "), "{message}");
        assert!(message.contains("apt-get install tmux"), "{message}");
    }
    for ci in [Some("1"), Some("true")] {
        let ToolVerdict::Fail(message) = verdict(ci, false) else {
            panic!("CI={ci:?}: not a failure");
        };
        assert!(message.starts_with("tmux is not installed"), "{message}");
        assert!(
            message.contains(".ci/run installs it (`apt-get install tmux`)"),
            "{message}"
        );
    }
}
