//! Wrong usage exits 2 (cli.md, exit codes), whether clap refuses the flags or the options
//! stage refuses their values or combination, with a message naming the flags; and it is found
//! before anything is opened: no database is needed, none is created, no input file is read.

use crate::common::Workdir;

/// One row per invalid combination: the arguments, and a fragment the message must hold.
const WRONG_USAGE: &[(&[&str], &str)] = &[
    // Filters, in every command that takes them.
    (
        &[
            "report",
            "routing",
            "--since",
            "2022-10-01",
            "--until",
            "2022-09-01",
        ],
        "--since 2022-10-01 is after --until 2022-09-01",
    ),
    (
        &[
            "export",
            "appeals",
            "--since",
            "2022-10-01",
            "--until",
            "2022-09-01",
        ],
        "--since 2022-10-01 is after --until 2022-09-01",
    ),
    (
        &["report", "silence", "--as-of", "yesterday"],
        "--as-of \"yesterday\"",
    ),
    (
        &["report", "forwards", "--since", "03/10/2022"],
        "--since \"03/10/2022\"",
    ),
    (
        &["report", "changes", "--until", "2022-13-01"],
        "--until \"2022-13-01\"",
    ),
    (&["check", "--as-of", "soon"], "--as-of \"soon\""),
    (&["show", "1", "--as-of", "soon"], "--as-of \"soon\""),
    (&["audit", "data", "--as-of", "soon"], "--as-of \"soon\""),
    // Formats a command cannot write.
    (&["status", "--format", "html"], "status has no HTML page"),
    (&["phrases", "--format", "html"], "phrases has no HTML page"),
    (&["check", "--format", "html"], "check has no HTML page"),
    (&["show", "1", "--format", "html"], "show has no HTML page"),
    (&["report", "weekly", "--format", "csv"], "--format csv"),
    (&["audit", "data", "--format", "jsonl"], "--format jsonl"),
    (&["export", "appeals", "--format", "html"], "--format"),
    // The week.
    (&["report", "weekly", "--week", "W39"], "--week \"W39\""),
    (
        &["report", "weekly", "--week", "2022-W60"],
        "2022 has no week 60",
    ),
    (
        &[
            "report",
            "weekly",
            "--week",
            "2022-W39",
            "--since",
            "2022-09-01",
        ],
        "--since",
    ),
    (&["report", "weekly", "--weeks", "0"], "--weeks"),
    // Imports.
    (
        &["import", "appeals", "--map", "foo", "a.csv"],
        "--map foo: write it as FIELD=COLUMN",
    ),
    (
        &["import", "appeals", "--map", "foo=Дата", "a.csv"],
        "appeals records have no field \"foo\"",
    ),
    (
        &["import", "posts", "--map", "submitted_at=Дата", "a.csv"],
        "posts records have no field \"submitted_at\"",
    ),
    (&["audit", "data", "--map", "foo=Дата"], "no field \"foo\""),
    (
        &["import", "appeals", "--scraped-at", "last week", "a.csv"],
        "--scraped-at \"last week\"",
    ),
    (
        &["import", "appeals", "--delimiter", "é", "a.csv"],
        "--delimiter 'é'",
    ),
    (
        &["import", "appeals", "--delimiter", "\"", "a.csv"],
        "--delimiter '\"'",
    ),
    (
        &["import", "appeals", "--date-format", "%Q.%m.%Y", "a.csv"],
        "--date-format \"%Q.%m.%Y\"",
    ),
    (
        &["import", "appeals", "--rejects", "r.csv", "a.csv"],
        "--skip-invalid",
    ),
    (
        &["import", "appeals", "--encoding", "koi8-r", "a.csv"],
        "--encoding",
    ),
    (&["import", "appeals"], "FILE"),
];

#[test]
fn every_wrong_usage_exits_2_naming_the_flags_before_anything_is_opened() {
    let wd = Workdir::new();
    for (args, fragment) in WRONG_USAGE {
        let stderr = wd.fails(args, 2);
        assert!(
            stderr.contains(fragment),
            "appeal-audit {}: {fragment:?} not in {stderr}",
            args.join(" ")
        );
        // Not a usage error the tool found after opening something: a.csv and data/ do not
        // exist, and neither does the database.
        assert!(
            !stderr.contains("a.csv") || args.contains(&"--map"),
            "{stderr}"
        );
        assert!(
            !wd.path("test.db").exists(),
            "{args:?} created the database"
        );
    }
}

#[test]
fn the_same_flags_done_right_run() {
    let wd = Workdir::new();
    wd.write(
        "a.csv",
        "id;addressee;Дата\n1;Исабаев Бейбит Бакирович;2022-08-01\n",
    );
    wd.ok(&[
        "import",
        "appeals",
        "--map",
        "submitted_at=Дата",
        "--scraped-at",
        "2022-08-08",
        "--delimiter",
        ";",
        "a.csv",
    ]);
    wd.ok(&[
        "report",
        "routing",
        "--since",
        "2022-08-01",
        "--until",
        "2022-08-01",
    ]);
    wd.ok(&["report", "weekly", "--week", "2022-W31", "--format", "md"]);
    wd.ok(&["status", "--format", "md"]);
}
