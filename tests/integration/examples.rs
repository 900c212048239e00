//! The scripts in `examples/` a reporter copies: run as cron would, against the real binary.

use std::process::{Command, Output};

use crate::common::{Workdir, describe};

const SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/weekly-report.sh");

/// `weekly-report.sh ARGS...` in `wd`, with the binary under test and a fixed as-of date.
fn weekly_report(wd: &Workdir, args: &[&str]) -> Output {
    Command::new("bash")
        .arg(SCRIPT)
        .args(args)
        .current_dir(wd.root())
        .env("APPEAL_AUDIT", env!("CARGO_BIN_EXE_appeal-audit"))
        .env("APPEAL_AUDIT_DB", wd.path("weekly.db"))
        .env("AS_OF", "2022-10-03")
        .env_remove("STALE_AFTER")
        .env_remove("APPEAL_AUDIT_LANG")
        .output()
        .expect("run bash")
}

fn code(wd: &Workdir, args: &[&str]) -> (Option<i32>, Output) {
    let output = weekly_report(wd, args);
    (output.status.code(), output)
}

/// A scrape folder: the akim, who never posted (officials are not expected to), and a
/// department whose last post is `last_post`.
fn scrape(wd: &Workdir, last_post: &str) {
    wd.write(
        "scrape/directory.csv",
        "name,kind,position\nИсабаев Бейбит Бакирович,official,Аким области Жетысу\n\
         Управление ЖКХ,department,\n",
    );
    wd.write(
        "scrape/appeals.csv",
        "id,addressee,date,answered_at,answered_by,answer_text\n\
         1,Исабаев Бейбит Бакирович,2022-09-26,2022-09-28,Исабаев Б.Б.,Решено.\n",
    );
    wd.write(
        "scrape/posts.csv",
        format!("department,date\nУправление ЖКХ,{last_post}\n"),
    );
}

#[test]
fn weekly_report_passes_over_officials_and_exits_3_for_a_stale_department() {
    let wd = Workdir::new();
    scrape(&wd, "2022-09-30");
    let (status, output) = code(&wd, &["scrape", "out"]);
    let args = ["weekly-report.sh", "scrape", "out"];
    assert_eq!(status, Some(0), "{}", describe(&args, &output));
    for file in [
        "out/audit-2022-W39.md",
        "out/weekly-2022-W39.md",
        "out/appeals-2022-W39.csv",
    ] {
        assert!(wd.path(file).is_file(), "{file}");
    }
    // The silence CSV lists the departments the exit code counts.
    let silence = String::from_utf8(wd.read("out/silence-2022-W39.csv")).unwrap();
    assert_eq!(
        silence.lines().skip(1).collect::<Vec<_>>(),
        ["Управление ЖКХ,department,2022-09-30,3,1,ok,0,"]
    );

    // A department silent since August: exit 3, and the reports are written all the same.
    let wd = Workdir::new();
    scrape(&wd, "2022-08-01");
    let (status, output) = code(&wd, &["scrape", "out"]);
    assert_eq!(status, Some(3), "{}", describe(&args, &output));
    assert!(wd.path("out/weekly-2022-W39.md").is_file());
    let silence = String::from_utf8(wd.read("out/silence-2022-W39.csv")).unwrap();
    assert!(silence.contains(",stale,"), "{silence}");
}

#[test]
fn weekly_report_without_a_scrape_folder_is_wrong_usage() {
    let wd = Workdir::new();
    for args in [&[][..], &[""], &["a", "b", "c"]] {
        let (status, output) = code(&wd, args);
        assert_eq!(status, Some(2), "{}", describe(args, &output));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(
            stderr.trim(),
            "usage: weekly-report.sh SCRAPE_DIR [OUT_DIR]",
            "{args:?}"
        );
    }
}
