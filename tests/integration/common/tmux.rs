//! A real terminal of a given width for the tests that need one (tables fit the terminal only
//! when stdout is one): the binary runs in a detached tmux pane, on a tmux server of its own,
//! and the screen is read back.

use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use super::outside_tool;

const DONE: &str = "__appeal_audit_done__";

/// Whether tmux is installed; where it is not, the test is skipped (a failure under CI).
pub fn have_tmux() -> bool {
    let found = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    outside_tool("tmux", "apt-get install tmux", found)
}

fn quote(arg: &str) -> String {
    format!("'{}'", arg.replace('\'', r"'\''"))
}

/// Runs appeal-audit with `args` in a tmux pane `width` columns wide, started in `dir` (which
/// also holds tmux's socket), with `COLUMNS` unset unless `env` sets it, and returns the
/// screen's lines down to the end of the command's output (tmux trims their trailing spaces).
pub fn pane(dir: &Path, width: u16, env: &[(&str, &str)], args: &[&str]) -> Vec<String> {
    // A server of its own each time: one being killed may still hold a reused socket.
    static SERVERS: AtomicUsize = AtomicUsize::new(0);
    let socket = dir.join(format!(
        "tmux-{}.sock",
        SERVERS.fetch_add(1, Ordering::Relaxed)
    ));
    let tmux = |extra: &[&str]| {
        let mut command = Command::new("tmux");
        command.arg("-u").arg("-S").arg(&socket).args(extra);
        command
    };
    let mut line = vec!["env".to_string(), "-u".into(), "COLUMNS".into()];
    line.extend(env.iter().map(|(k, v)| format!("{k}={}", quote(v))));
    line.push(quote(env!("CARGO_BIN_EXE_appeal-audit")));
    line.extend(args.iter().map(|a| quote(a)));
    let shell = format!("{}; echo {DONE}; sleep 60", line.join(" "));
    let started = tmux(&[
        "new-session",
        "-d",
        "-s",
        "fit",
        "-c",
        &dir.display().to_string(),
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
