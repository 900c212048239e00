//! Reliability (issue 5): nothing is lost when an import is killed, runs beside another import
//! or a report, reads hostile input, or meets a read-only database or a full disk. Every test
//! drives the real binary and judges the database by a fingerprint taken through SQLite: the
//! row count and a SHA-256 of the rows of every table, after `PRAGMA integrity_check`.
//!
//! `APPEAL_AUDIT_CRASH_KILLS` and `APPEAL_AUDIT_CRASH_SEED` make the crash test longer or
//! different (default 20 kills, a fixed seed); RELIABILITY.md has the figures of the last run.

use std::collections::BTreeMap;
use std::io::Write;
use std::ops::Range;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::common::{self, Workdir, describe};
use rusqlite::{Connection, OpenFlags, types::ValueRef};
use sha2::{Digest, Sha256};

// ------------------------------------------------------------------------------------------
// Shared helpers

/// A seeded generator (SplitMix64): the same seed gives the same kill delays.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// What a database holds: per table, its row count and a hash of its rows (the schema is one
/// more "table"). Clock columns (when an import started and finished) are left out, so that two
/// databases built by the same commands at different times compare equal.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Fingerprint {
    tables: BTreeMap<String, (i64, String)>,
}

const CLOCK_COLUMNS: &[&str] = &["started_at", "finished_at"];

impl Fingerprint {
    fn rows(&self, table: &str) -> i64 {
        self.tables.get(table).map_or(0, |(n, _)| *n)
    }

    /// No database, or a schema with no rows: what a first import leaves when it is stopped.
    fn is_empty(&self) -> bool {
        self.tables
            .iter()
            .all(|(name, (n, _))| name == "(schema)" || *n == 0)
    }

    fn without(&self, table: &str) -> Fingerprint {
        let mut copy = self.clone();
        copy.tables.remove(table);
        copy
    }
}

/// Opens `db` as the next command would (recovering a WAL a killed process left), requires
/// `PRAGMA integrity_check` to say ok and no foreign key to dangle, and fingerprints it.
fn fingerprint(db: &Path) -> Fingerprint {
    if !db.exists() {
        return Fingerprint::default();
    }
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_WRITE)
        .unwrap_or_else(|e| panic!("cannot open {}: {e}", db.display()));
    let check: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        check,
        ["ok"],
        "{} fails PRAGMA integrity_check",
        db.display()
    );
    let dangling: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(dangling, 0, "{} has dangling foreign keys", db.display());
    let mut tables = BTreeMap::new();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    let names: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
             ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let (n, hash) = hash_rows(
        &conn,
        "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name",
    );
    tables.insert("(schema)".to_string(), (n, format!("v{version} {hash}")));
    for name in names {
        let sql = format!("SELECT * FROM \"{name}\"");
        tables.insert(name, hash_rows(&conn, &sql));
    }
    Fingerprint { tables }
}

/// Row count and SHA-256 of the rows `sql` returns, in any order (each row is hashed, the row
/// hashes sorted and hashed again), with every value's type and bytes.
fn hash_rows(conn: &Connection, sql: &str) -> (i64, String) {
    let mut stmt = conn.prepare(sql).unwrap();
    let keep: Vec<bool> = stmt
        .column_names()
        .iter()
        .map(|c| !CLOCK_COLUMNS.contains(c))
        .collect();
    let mut rows = stmt.query([]).unwrap();
    let mut digests = Vec::new();
    while let Some(row) = rows.next().unwrap() {
        let mut h = Sha256::new();
        for (i, _) in keep.iter().enumerate().filter(|(_, k)| **k) {
            match row.get_ref(i).unwrap() {
                ValueRef::Null => h.update([0]),
                ValueRef::Integer(v) => {
                    h.update([1]);
                    h.update(v.to_le_bytes());
                }
                ValueRef::Real(v) => {
                    h.update([2]);
                    h.update(v.to_le_bytes());
                }
                ValueRef::Text(b) | ValueRef::Blob(b) => {
                    h.update([3]);
                    h.update((b.len() as u64).to_le_bytes());
                    h.update(b);
                }
            }
        }
        digests.push(h.finalize());
    }
    digests.sort();
    let mut all = Sha256::new();
    for d in &digests {
        all.update(d);
    }
    (digests.len() as i64, format!("{:x}", all.finalize()))
}

/// A run that must not have panicked: exit 101 is a panic, a signal a crash.
fn assert_no_crash(args: &[&str], output: &Output) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.code().is_some_and(|c| c != 101) && !stderr.contains("panicked"),
        "panic or crash\n{}",
        describe(args, output)
    );
}

/// `import` writes "FILE: N read, N inserted, N updated, N unchanged, N rejected" per file.
fn summary(stderr: &str, file: &str) -> [u64; 5] {
    let line = stderr
        .lines()
        .find(|l| l.starts_with(&format!("{file}: ")) && l.contains(" read, "))
        .unwrap_or_else(|| panic!("no summary for {file} in:\n{stderr}"));
    let numbers: Vec<u64> = line[file.len() + 2..]
        .split(", ")
        .map(|part| part.split(' ').next().unwrap().parse().unwrap())
        .collect();
    numbers.try_into().unwrap()
}

const ADDRESSEES: &[&str] = &[
    "Исабаев Бейбит Бакирович",
    "Кенжебаева Айгерим Болатовна",
    "Жумагалиев Данияр Ерланович",
    "Управление ЖКХ области Жетысу",
    "O'Brien, \"Acting\" Akim",
];

/// Appeals `ids` as CSV. Week 1 has every appeal pending; week 2 answers three in four of them
/// (personally, by another body, or with a forwarding phrase), so that re-importing it updates
/// records, archives versions and records changes, as a real weekly scrape does.
fn appeals_csv(ids: Range<usize>, week: u8) -> String {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record([
        "id",
        "addressee",
        "date",
        "status",
        "answered_at",
        "answered_by",
        "answer",
        "text",
        "likes",
    ])
    .unwrap();
    for i in ids {
        let addressee = ADDRESSEES[i % ADDRESSEES.len()];
        let submitted = format!("{:02}.08.2022", 1 + i % 28);
        let answered = format!("2022-09-{:02} 10:{:02}", 1 + i % 28, i % 60);
        let (status, answered_at, by, answer) = match (week, i % 4) {
            (1, _) | (_, 3) => ("На рассмотрении", "", "", ""),
            (_, 0) => (
                "Ответ получен",
                answered.as_str(),
                addressee,
                "Вопрос решён.",
            ),
            (_, 1) => (
                "Ответ получен",
                answered.as_str(),
                "Управление энергетики области Жетысу",
                "Ремонт до 1 сентября, \"по плану\".",
            ),
            _ => (
                "Перенаправлено",
                answered.as_str(),
                "",
                "Ваше обращение направлено на рассмотрение в акимат района.",
            ),
        };
        let text = format!(
            "Обращение {i}: нет воды, \"срочно\";\nвторая строка\tс табуляцией, = + - @ <b>"
        );
        out.write_record([
            &format!("{i}"),
            addressee,
            &submitted,
            status,
            answered_at,
            by,
            answer,
            &text,
            &format!("{}", i % 17),
        ])
        .unwrap();
    }
    String::from_utf8(out.into_inner().unwrap()).unwrap()
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

fn run_quiet(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Runs `undo` when dropped, so that a failing test still unmounts and un-chattrs.
struct Undo<F: FnMut()>(F);

impl<F: FnMut()> Drop for Undo<F> {
    fn drop(&mut self) {
        (self.0)()
    }
}

// ------------------------------------------------------------------------------------------
// 1. Crash safety: SIGKILL at random moments

mod crash {
    use super::*;

    /// Appeals already stored, and the weekly scrape imported over them.
    const BASE: usize = 3_000;
    pub(super) const ROWS: usize = 20_000;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Outcome {
        /// Killed before its commit: the database holds what it held before.
        RolledBack,
        /// Killed after its commit (checkpointing or exiting): the import is complete.
        Committed,
        /// Finished before the kill.
        Finished,
    }

    pub(super) fn import_args<'a>(db: &'a str, file: &'a str, scraped: &'a str) -> Vec<&'a str> {
        vec![
            "--db",
            db,
            "--quiet",
            "import",
            "appeals",
            "--scraped-at",
            scraped,
            file,
        ]
    }

    fn timed_ok(wd: &Workdir, args: &[&str]) -> Duration {
        let start = Instant::now();
        wd.ok(args);
        start.elapsed()
    }

    fn reset(wd: &Workdir, db: &str, from: Option<&str>) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let _ = std::fs::remove_file(wd.path(&format!("{db}{suffix}")));
        }
        if let Some(from) = from {
            std::fs::copy(wd.path(from), wd.path(db)).unwrap();
        }
    }

    /// Kills imports with SIGKILL after random delays, at every stage: opening and creating
    /// the file, reading and writing rows, committing, checkpointing the WAL and exiting. After
    /// each kill the database passes `PRAGMA integrity_check` and holds exactly what it held
    /// before the import, or (killed after the commit) exactly what the complete import gives;
    /// importing again then gives exactly the complete import. One trial in four kills the
    /// first import into a database that does not exist yet.
    #[test]
    fn sigkill_at_random_moments_leaves_the_database_as_before_or_complete() {
        let kills: usize = env_or("APPEAL_AUDIT_CRASH_KILLS", 20);
        let seed: u64 = env_or("APPEAL_AUDIT_CRASH_SEED", 0x5EED_0005);
        let mut rng = Rng(seed);
        let wd = Workdir::new();
        wd.write("week1.csv", appeals_csv(0..BASE, 1));
        wd.write("week2.csv", appeals_csv(0..ROWS, 2));

        let mut first_run = timed_ok(&wd, &import_args("base.db", "week1.csv", "2022-09-01"));
        let base = fingerprint(&wd.path("base.db"));
        assert_eq!(base.rows("appeals"), BASE as i64);
        reset(&wd, "complete.db", Some("base.db"));
        let mut full_run = timed_ok(&wd, &import_args("complete.db", "week2.csv", "2022-09-08"));
        let complete = fingerprint(&wd.path("complete.db"));
        assert_eq!(complete.rows("appeals"), ROWS as i64);
        assert!(complete.rows("appeal_versions") > 0 && complete.rows("changes") > 0);
        assert_ne!(base, complete);

        let mut outcomes: BTreeMap<String, usize> = BTreeMap::new();
        let mut log = Vec::new();
        for trial in 0..kills {
            let fresh = trial % 4 == 3;
            let (file, scraped, expected, estimate) = if fresh {
                reset(&wd, "trial.db", None);
                ("week1.csv", "2022-09-01", &base, first_run)
            } else {
                reset(&wd, "trial.db", Some("base.db"));
                ("week2.csv", "2022-09-08", &complete, full_run)
            };
            // Half the kills anywhere in the run, half in its last fifth (commit, checkpoint).
            let fraction = if rng.next().is_multiple_of(2) {
                rng.unit() * 1.1
            } else {
                0.8 + rng.unit() * 0.25
            };
            let delay = estimate.mul_f64(fraction);
            let args = import_args("trial.db", file, scraped);
            let mut child = wd
                .command(&args)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap();
            let started = Instant::now();
            let exited = loop {
                if let Some(status) = child.try_wait().unwrap() {
                    break Some(status);
                }
                if started.elapsed() >= delay {
                    break None;
                }
                std::thread::sleep(Duration::from_millis(2));
            };
            let ran = started.elapsed();
            let (status, killed) = match exited {
                Some(status) => (status, false),
                None => {
                    child.kill().unwrap();
                    let status = child.wait().unwrap();
                    (status, status.signal() == Some(9))
                }
            };
            assert!(killed || status.success(), "trial {trial}: {status:?}");

            let after_kill = fingerprint(&wd.path("trial.db"));
            let outcome = if &after_kill == expected {
                if killed {
                    Outcome::Committed
                } else {
                    Outcome::Finished
                }
            } else if (fresh && after_kill.is_empty()) || (!fresh && after_kill == base) {
                assert!(killed, "trial {trial}: exited 0 without importing");
                Outcome::RolledBack
            } else {
                panic!(
                    "trial {trial} (killed after {delay:?}): the database is neither as before \
                     nor complete:\n{after_kill:#?}\nbefore:\n{base:#?}\ncomplete:\n{expected:#?}"
                );
            };
            // Whole runs time the next kills, so that they keep landing inside an import
            // however busy the machine is (other tests run beside this one).
            let mut took = (outcome == Outcome::Finished).then_some(ran);
            if outcome == Outcome::RolledBack {
                // Importing again completes it, from whatever the kill left.
                took = Some(timed_ok(&wd, &args));
                assert_eq!(
                    &fingerprint(&wd.path("trial.db")),
                    expected,
                    "trial {trial}: importing again after the kill did not complete the import"
                );
            }
            match took {
                Some(took) if fresh => first_run = took,
                Some(took) => full_run = took,
                None => {}
            }
            *outcomes.entry(format!("{outcome:?}")).or_default() += 1;
            log.push(format!(
                "{trial}: {} stopped after {:.0} ms ({:.0}% of the last whole run): {outcome:?}",
                if fresh {
                    "first import"
                } else {
                    "weekly import"
                },
                ran.as_secs_f64() * 1000.0,
                fraction * 100.0
            ));
        }
        eprintln!(
            "crash test: {kills} runs, seed {seed:#x}, {outcomes:?}\n{}",
            log.join("\n")
        );
        let rolled_back = outcomes.get("RolledBack").copied().unwrap_or(0);
        assert!(
            rolled_back * 3 >= kills,
            "too few kills landed inside an import ({outcomes:?}): the timing estimate is off"
        );
    }
}

// ------------------------------------------------------------------------------------------
// 2. Concurrency: imports beside imports and reports

mod concurrency {
    use super::*;

    fn spawn_piped(wd: &Workdir, args: &[&str]) -> Child {
        wd.command(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    }

    /// Waits until some process holds the database's write lock (what `BEGIN IMMEDIATE`
    /// takes), by failing to take it without waiting.
    fn wait_for_writer(db: &Path) {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let conn = Connection::open(db).unwrap();
            conn.busy_timeout(Duration::ZERO).unwrap();
            match conn.execute_batch("BEGIN IMMEDIATE") {
                Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy) => {
                    return;
                }
                Err(e) => panic!("probing the write lock: {e}"),
                Ok(()) => conn.execute_batch("ROLLBACK").unwrap(),
            }
            assert!(Instant::now() < deadline, "no import took the write lock");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn finish(child: Child, args: &[&str]) -> String {
        let output = child.wait_with_output().unwrap();
        assert!(output.status.success(), "{}", describe(args, &output));
        String::from_utf8(output.stderr).unwrap()
    }

    const ROUTING_CSV: [&str; 6] = [
        "report",
        "routing",
        "--format",
        "csv",
        "--as-of",
        "2022-10-01",
    ];

    /// What a reporter would look at: the routing report and every stored appeal.
    fn views(wd: &Workdir) -> (String, String) {
        (
            wd.ok(&ROUTING_CSV),
            wd.ok(&[
                "export",
                "appeals",
                "--raw",
                "--format",
                "json",
                "--as-of",
                "2022-10-01",
            ]),
        )
    }

    /// Two imports fed through standard input, so that each can be held inside its
    /// transaction: while the first holds the write lock, reports succeed and show the state
    /// before it, and a second import waits (it does not fail); once the first commits,
    /// reports show it while the second, now importing, is held in turn; both end with exit 0
    /// and the database equals one where the two ran one after the other.
    #[test]
    fn reports_see_the_last_commit_and_a_second_import_waits() {
        let a_csv = appeals_csv(0..4_000, 2);
        let b_csv = appeals_csv(2_000..6_000, 1);
        let split = |text: &str| -> (String, String) {
            let lines: Vec<&str> = text.split_inclusive('\n').collect();
            let half = lines.len() / 2;
            (lines[..half].concat(), lines[half..].concat())
        };
        let a_args = [
            "import",
            "appeals",
            "--source",
            "a",
            "--scraped-at",
            "2022-09-08",
            "-",
        ];
        let b_args = [
            "import",
            "appeals",
            "--source",
            "b",
            "--scraped-at",
            "2022-09-09",
            "-",
        ];
        let base_args = [
            "import",
            "appeals",
            "--source",
            "a",
            "--scraped-at",
            "2022-09-01",
            "base.csv",
        ];

        // The same imports one after the other, for the expected views.
        let reference = Workdir::new();
        reference.write("base.csv", appeals_csv(0..1_000, 1));
        reference.ok(&base_args);
        let expected_before = views(&reference);
        for (args, text) in [(&a_args, &a_csv), (&b_args, &b_csv)] {
            let mut child = spawn_piped(&reference, args);
            child
                .stdin
                .take()
                .unwrap()
                .write_all(text.as_bytes())
                .unwrap();
            finish(child, args);
        }
        let expected_final = fingerprint(&reference.path("test.db"));

        let wd = Workdir::new();
        wd.write("base.csv", appeals_csv(0..1_000, 1));
        wd.ok(&base_args);
        assert_eq!(views(&wd), expected_before);
        let db = wd.path("test.db");

        let (a_head, a_tail) = split(&a_csv);
        let mut a = spawn_piped(&wd, &a_args);
        let mut a_in = a.stdin.take().unwrap();
        a_in.write_all(a_head.as_bytes()).unwrap();
        a_in.flush().unwrap();
        wait_for_writer(&db);
        for _ in 0..3 {
            assert_eq!(views(&wd), expected_before, "a report during import A");
        }
        // B starts while A holds the lock, and must wait rather than fail.
        let (b_head, b_tail) = split(&b_csv);
        let mut b = spawn_piped(&wd, &b_args);
        let mut b_in = b.stdin.take().unwrap();
        let feeder = std::thread::spawn(move || {
            // Blocks until B, past the lock, reads; then holds B inside its transaction.
            b_in.write_all(b_head.as_bytes()).unwrap();
            b_in.flush().unwrap();
            b_in
        });
        std::thread::sleep(Duration::from_millis(700));
        assert!(
            b.try_wait().unwrap().is_none(),
            "import B exited while A held the write lock instead of waiting"
        );
        a_in.write_all(a_tail.as_bytes()).unwrap();
        drop(a_in);
        let a_stderr = finish(a, &a_args);
        // Of the 1,000 stored, week 2 answers three in four and leaves the rest as they were.
        assert_eq!(summary(&a_stderr, "<stdin>"), [4_000, 3_000, 750, 250, 0]);

        // A committed; B now holds the lock: reports show A's commit and none of B.
        let mut b_in = feeder.join().unwrap();
        wait_for_writer(&db);
        let after_a = fingerprint(&db);
        assert_eq!(after_a.rows("appeals"), 4_000);
        assert_eq!(after_a.rows("imports"), 2, "B has committed nothing yet");
        let (routing, _) = views(&wd);
        let total: u64 = common::parse_csv(&routing)
            .iter()
            .map(|r| r["appeals"].parse::<u64>().unwrap())
            .sum();
        assert_eq!(
            total, 4_000,
            "a report during import B shows A's commit:\n{routing}"
        );
        b_in.write_all(b_tail.as_bytes()).unwrap();
        drop(b_in);
        let b_stderr = finish(b, &b_args);
        assert_eq!(summary(&b_stderr, "<stdin>"), [4_000, 4_000, 0, 0, 0]);
        assert_eq!(fingerprint(&db), expected_final);
    }

    /// A database holding a directory and no appeals: the next appeals import is its first.
    fn directory_only() -> Workdir {
        let wd = Workdir::new();
        wd.write(
            "dir.csv",
            "name,kind\nУправление ЖКХ области Жетысу,department\n",
        );
        wd.ok(&["import", "directory", "dir.csv"]);
        wd
    }

    /// Starts an import reading standard input, feeds it `text` and holds it there, inside its
    /// transaction, with its input still open.
    fn hold_import(wd: &Workdir, args: &[&str], text: &str) -> (Child, std::process::ChildStdin) {
        let mut import = spawn_piped(wd, args);
        let mut input = import.stdin.take().unwrap();
        input.write_all(text.as_bytes()).unwrap();
        input.flush().unwrap();
        wait_for_writer(&wd.path("test.db"));
        // Time to write what it was given (and spill its page cache).
        std::thread::sleep(Duration::from_millis(300));
        (import, input)
    }

    /// The first import of appeals writes through a rollback journal (faster; nothing is there
    /// to report yet). A report run meanwhile never fails and never sees part of the import:
    /// while the import holds its exclusive lock the report waits and then shows all of it;
    /// before that lock it shows the database as it was, with no appeals.
    #[test]
    fn a_report_during_the_first_import_waits_for_it_or_sees_nothing() {
        let args = ["import", "appeals", "--scraped-at", "2022-09-01", "-"];
        // Enough rows that the import spills its page cache, taking the exclusive lock.
        let csv = appeals_csv(0..130_000, 2);
        let lines: Vec<&str> = csv.split_inclusive('\n').collect();
        let (head, tail) = (lines[..120_000].concat(), lines[120_000..].concat());
        let wd = directory_only();
        let db = wd.path("test.db");
        let (import, mut input) = hold_import(&wd, &args, &head);
        let probe = Connection::open_with_flags(&db, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        probe.busy_timeout(Duration::ZERO).unwrap();
        let locked_out = probe
            .query_row("SELECT count(*) FROM appeals", [], |r| r.get::<_, i64>(0))
            .is_err();
        drop(probe);
        let report_args = ROUTING_CSV;
        let report = wd
            .command(&report_args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(500));
        input.write_all(tail.as_bytes()).unwrap();
        drop(input);
        finish(import, &args);
        let output = report.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            describe(&report_args, &output)
        );
        let total: u64 = common::parse_csv(&String::from_utf8(output.stdout).unwrap())
            .iter()
            .map(|r| r["appeals"].parse::<u64>().unwrap())
            .sum();
        if locked_out {
            assert_eq!(
                total, 130_000,
                "the report waited, then showed the whole import"
            );
        } else {
            assert_eq!(
                total, 0,
                "before the exclusive lock the report shows no appeals"
            );
        }
        let mode: String = Connection::open(&db)
            .unwrap()
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal", "the import returned the database to WAL mode");
    }

    /// A first import killed after it has written through its rollback journal: the next
    /// report (a read-only command) plays the journal back and shows the database as before,
    /// and the file passes the integrity check with no appeal in it.
    #[test]
    fn a_killed_first_import_is_rolled_back_by_the_next_report() {
        let args = ["import", "appeals", "--scraped-at", "2022-09-01", "-"];
        let wd = directory_only();
        let before = fingerprint(&wd.path("test.db"));
        let (mut import, input) = hold_import(&wd, &args, &appeals_csv(0..120_000, 2));
        import.kill().unwrap();
        import.wait().unwrap();
        drop(input);
        assert!(
            wd.path("test.db-journal").exists(),
            "the killed import left its journal"
        );
        let routing = wd.ok(&ROUTING_CSV);
        assert_eq!(common::parse_csv(&routing).len(), 0, "{routing}");
        assert_eq!(fingerprint(&wd.path("test.db")), before);
    }

    /// Two imports started at the same instant into a database that does not exist yet (two
    /// cron jobs): both create, migrate and import without an error, one after the other.
    #[test]
    fn two_imports_started_together_both_succeed() {
        for round in 0..4 {
            let wd = Workdir::new();
            wd.write("x.csv", appeals_csv(0..1_500, 1));
            wd.write("y.csv", appeals_csv(750..2_250, 1));
            let x_args = ["import", "appeals", "--scraped-at", "2022-09-01", "x.csv"];
            let y_args = ["import", "appeals", "--scraped-at", "2022-09-01", "y.csv"];
            let spawn = |args: &[&str]| {
                wd.command(args)
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            };
            let (x, y) = (spawn(&x_args), spawn(&y_args));
            let x = summary(&finish(x, &x_args), "x.csv");
            let y = summary(&finish(y, &y_args), "y.csv");
            // Whichever went second found the 750 shared appeals already stored, unchanged.
            assert_eq!(x[1] + y[1], 2_250, "round {round}: inserted {x:?} {y:?}");
            assert_eq!(x[3] + y[3], 750, "round {round}: unchanged {x:?} {y:?}");
            let fp = fingerprint(&wd.path("test.db"));
            assert_eq!(fp.rows("appeals"), 2_250, "round {round}");
            assert_eq!(fp.rows("imports"), 2, "round {round}");
        }
    }
}

// ------------------------------------------------------------------------------------------
// 3. Hostile and broken input

mod hostile {
    use super::*;

    /// A database with something in it, to show that a failed import leaves it as it was.
    fn stocked() -> (Workdir, Fingerprint) {
        let wd = Workdir::new();
        wd.write("week1.csv", appeals_csv(0..50, 1));
        wd.ok(&[
            "import",
            "appeals",
            "--scraped-at",
            "2022-09-01",
            "week1.csv",
        ]);
        let fp = fingerprint(&wd.path("test.db"));
        (wd, fp)
    }

    struct Case {
        name: &'static str,
        bytes: Vec<u8>,
        extra_args: &'static [&'static str],
        /// What stderr must say besides the file's name.
        needles: &'static [&'static str],
    }

    fn case(
        name: &'static str,
        bytes: impl Into<Vec<u8>>,
        needles: &'static [&'static str],
    ) -> Case {
        Case {
            name,
            bytes: bytes.into(),
            extra_args: &[],
            needles,
        }
    }

    fn rows_then(bad: &[u8]) -> Vec<u8> {
        let mut bytes = b"id,addressee,date,text\n".to_vec();
        for i in 0..2_000 {
            bytes.extend(format!("{i},A,2022-08-01,padding text padding text padding\n").bytes());
        }
        bytes.extend(bad);
        bytes
    }

    /// Every kind of broken file: exit 1, a message naming the file (and the line where there
    /// is one), no panic, and the database exactly as before. tests/import.rs checks the
    /// messages of the plainest cases on an empty database; these are the variants, each
    /// against a database that holds records.
    #[test]
    fn broken_files_fail_with_the_file_named_and_change_nothing() {
        let mut elf = std::fs::read(env!("CARGO_BIN_EXE_appeal-audit")).unwrap();
        elf.truncate(200_000);
        // Not UTF-8, no NUL: read as Windows-1251, whose every byte is a letter: a header and
        // rows of nonsense, where no column is a field.
        let high_bytes: Vec<u8> = (0..4_000u32)
            .map(|i| {
                if i % 40 == 39 {
                    b'\n'
                } else {
                    0x80 + (i * 7 % 0x7f) as u8
                }
            })
            .collect();
        let deep = |open: &str, close: &str| {
            format!(
                "[{{\"id\": \"1\", \"addressee\": \"A\", \"date\": \"2022-08-01\", \"x\": {}{}}}]",
                open.repeat(100_000),
                close.repeat(100_000)
            )
        };
        let cases = vec![
            // Empty, in every format, and blank.
            case("empty.json", "", &["is empty"]),
            case("empty.jsonl", "", &["is empty"]),
            case("blank.csv", "  \n\t\r\n\n", &["is empty"]),
            case("bom-only.csv", "\u{feff}", &["is empty"]),
            case("bom-blank.csv", "\u{feff}\r\n  \r\n", &["is empty"]),
            // Missing required columns, in each format.
            case(
                "no-date.csv",
                "id;addressee;text\n1;A;x\n",
                &["line 2", "submitted_at"],
            ),
            case(
                "no-addressee.json",
                r#"[{"id": "1", "date": "2022-08-01"}]"#,
                &["record 1", "addressee"],
            ),
            case(
                "no-id.jsonl",
                "{\"addressee\": \"A\", \"date\": \"2022-08-01\"}\n",
                &["line 1", "field id"],
            ),
            // Binary files.
            case("program.csv", elf, &["binary"]),
            case(
                "gzip.csv",
                vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xcb, 0x48],
                &["binary"],
            ),
            case("high-bytes.csv", high_bytes, &["line 2"]),
            case(
                "image.json",
                b"[\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".to_vec(),
                &["binary"],
            ),
            // Invalid UTF-8 past the sample the encoding is told from.
            case(
                "late-bad-utf8.csv",
                rows_then(b"9999,A,2022-08-01,bad \xff\xfe byte\n"),
                &["line 2002", "invalid UTF-8"],
            ),
            Case {
                name: "bad-utf8.jsonl",
                bytes: b"{\"id\": \"1\", \"addressee\": \"A\xc3\x28\", \"date\": \"2022-08-01\"}\n"
                    .to_vec(),
                extra_args: &["--encoding", "utf-8"],
                needles: &["line 1"],
            },
            // Truncated JSON.
            case(
                "cut-in-answers.json",
                r#"[{"id": "1", "addressee": "A", "date": "2022-08-01", "answers": [{"text": "Отв"#,
                &["line 1", "malformed JSON"],
            ),
            case(
                "cut-last-line.jsonl",
                "{\"id\": \"1\", \"addressee\": \"A\", \"date\": \"2022-08-01\"}\n{\"id\": \"2\", \"addr",
                &["line 2", "malformed JSON"],
            ),
            case(
                "cut-after-comma.json",
                "[{\"id\": \"1\", \"addressee\": \"A\", \"date\": \"2022-08-01\"},",
                &["malformed JSON"],
            ),
            // JSON that is not an array of objects.
            case("string.json", "\"hello\"", &["malformed JSON"]),
            case("null.json", "null", &["malformed JSON"]),
            case("true.json", "true", &["malformed JSON"]),
            case(
                "object.json",
                r#"{"id": "1", "addressee": "A", "date": "2022-08-01"}"#,
                &["malformed JSON"],
            ),
            case("numbers.json", "[1, 2, 3]", &["record 1 is a number"]),
            case("scalar-line.jsonl", "42\n", &["line 1", "a number"]),
            case("array-line.jsonl", "[1]\n", &["line 1", "an array"]),
            case("deep-arrays.json", deep("[", "]"), &["recursion limit"]),
            case(
                "deep-objects.jsonl",
                deep("{\"a\":", "}"),
                &["line 1", "recursion limit"],
            ),
            // Unbalanced quotes: one that makes a line short, one in the last column that
            // would otherwise swallow every line after it into one field.
            case(
                "quote-mid.csv",
                "id,addressee,date,text\n1,\"A,2022-08-01,x\n2,B,2022-08-02,y\n",
                &[],
            ),
            case(
                "quote-last.csv",
                "id,addressee,date,text\n1,A,2022-08-01,ok\n2,A,2022-08-02,\"never closed\n3,A,2022-08-03,swallowed\n4,A,2022-08-04,swallowed\n",
                &["line 3", "never closed"],
            ),
            // Dates centuries away, and numbers no date holds.
            case(
                "year-2622.csv",
                "id,addressee,date\n1,A,03.10.2622\n",
                &["line 2", "03.10.2622"],
            ),
            case(
                "year-1522.csv",
                "id,addressee,date\n1,A,1522-08-01\n",
                &["line 2", "1522-08-01"],
            ),
            case(
                "year-0.csv",
                "id,addressee,date\n1,A,0000-01-01\n",
                &["line 2"],
            ),
            case(
                "year-huge.csv",
                "id,addressee,date\n1,A,99999999999999999999-01-01\n",
                &["line 2", "not a date"],
            ),
            case(
                "month-huge.csv",
                "id,addressee,date\n1,A,2022-99999999999999999999-01\n",
                &["line 2"],
            ),
            case(
                "far-answer.csv",
                "id,addressee,date,answered_at\n1,A,2022-08-01,3 октября 3022\n",
                &["line 2", "answered_at"],
            ),
            case(
                "far-answer.json",
                r#"[{"id": "1", "addressee": "A", "date": "2022-08-01", "answers": [{"answered_at": "2022 жылғы 3 қазан"}, {"answered_at": "12022-01-01"}]}]"#,
                &["record 1"],
            ),
            // NUL bytes: in the sample (binary), and past it, where only the parser sees them.
            case(
                "nul-first.csv",
                b"id,addressee,date\n1,A\x00,2022-08-01\n".to_vec(),
                &["binary"],
            ),
            case(
                "nul-late.csv",
                rows_then(b"9999,A,2022-08-01,a\x00b\n"),
                &["line 2002", "NUL"],
            ),
            case(
                "nul-late.json",
                {
                    let mut b = format!(
                        "[{{\"id\": \"1\", \"addressee\": \"A\", \"date\": \"2022-08-01\", \"text\": \"{}",
                        "x".repeat(70_000)
                    )
                    .into_bytes();
                    b.extend(b"\x00\"}]");
                    b
                },
                &["line 1", "control character"],
            ),
            // A million columns in the header, and a row that has three of them.
            case(
                "wide-header.csv",
                format!(
                    "id,addressee,date,{}\n1,A,2022-08-01\n",
                    (0..1_000_000)
                        .map(|i| format!("c{i}"))
                        .collect::<Vec<_>>()
                        .join(",")
                ),
                &["line 2", "3 fields where the header has 1000003"],
            ),
            // Options that no file can satisfy.
            Case {
                name: "utf16-forced.csv",
                bytes: b"id,addressee,date\n1,A,2022-08-01\n".to_vec(),
                extra_args: &["--encoding", "utf-16"],
                needles: &["BOM"],
            },
            Case {
                name: "declared-utf8.txt",
                bytes: encoding_rs::WINDOWS_1251
                    .encode("номер;адресат;дата\n1;Аким;2022-08-01\n")
                    .0
                    .into_owned(),
                extra_args: &["--encoding", "utf-8", "--format", "csv"],
                needles: &["line 1", "invalid UTF-8"],
            },
        ];
        let (wd, before) = stocked();
        let count = cases.len();
        for case in cases {
            wd.write(case.name, &case.bytes);
            let mut args = vec!["import", "appeals"];
            args.extend(case.extra_args);
            args.push(case.name);
            let output = wd.run(&args);
            assert_no_crash(&args, &output);
            assert_eq!(
                output.status.code(),
                Some(1),
                "{}: {}",
                case.name,
                describe(&args, &output)
            );
            let stderr = String::from_utf8_lossy(&output.stderr);
            for needle in case.needles.iter().chain([&case.name]) {
                assert!(
                    stderr.contains(needle),
                    "{}: {needle:?} missing: {stderr}",
                    case.name
                );
            }
            assert_eq!(
                fingerprint(&wd.path("test.db")),
                before,
                "{}: the database changed",
                case.name
            );
        }
        eprintln!("hostile input: {count} broken files, each exit 1, database unchanged");
    }

    /// A file with a header and no records is not an error: exit 0, a warning, nothing
    /// imported (the import is logged with 0 read).
    #[test]
    fn header_only_files_import_nothing_with_a_warning() {
        let (wd, before) = stocked();
        let cases = [
            ("header.csv", "id,addressee,date"),
            ("header-crlf.csv", "\u{feff}номер;адресат;дата\r\n"),
            ("empty-array.json", "[]"),
            ("empty-array-spaced.json", " [ \n ] \n"),
        ];
        for (i, (name, text)) in cases.iter().enumerate() {
            wd.write(name, text);
            let output = wd.run(&["import", "appeals", name]);
            assert_eq!(
                output.status.code(),
                Some(0),
                "{}",
                describe(&[name], &output)
            );
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(
                stderr.contains(&format!("warning: {name} holds no records")),
                "{stderr}"
            );
            let after = fingerprint(&wd.path("test.db"));
            assert_eq!(
                after.without("imports"),
                before.without("imports"),
                "{name}"
            );
            assert_eq!(after.rows("imports"), before.rows("imports") + 1 + i as i64);
        }
    }

    /// Names and texts full of SQL, HTML, shell, format-string and spreadsheet metacharacters,
    /// bidirectional and invisible characters: they import (CSV and JSON), and every field
    /// comes back byte for byte from `export --raw --format json`; the HTML report escapes them.
    #[test]
    fn metacharacters_are_stored_and_exported_byte_for_byte() {
        let nasty = [
            "'; DROP TABLE appeals; --",
            "Robert'); DELETE FROM imports WHERE 1=1;--",
            "\" OR \"\"=\"",
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>&amp;&lt;&#0;",
            "$(rm -rf /) `id` ${HOME} | tee /etc/passwd > /dev/null & wait; exit 1",
            "%s%n%x%p{0}{{7*7}}${7*7}",
            "\\N\\0\\x00\\u0000 NULL null None",
            "=HYPERLINK(\"http://x\",\"y\")",
            "+7 701 000 00 00",
            "-1+1",
            "@SUM(A1:A9)",
            "\u{202e}txt.exe\u{202c} \u{200b}\u{200d}\u{2060}",
            "e\u{301} \u{1f600}\u{1f3fd} \u{10ffff}",
            "multi\nline\r\ntext\rwith\ttabs",
            "a,b;c\td|e",
            "\u{feff}starts with a BOM",
            "ends with spaces   ",
            "   starts with spaces",
            "'",
            "\"",
            "\"\"\"",
        ];
        let mut records = Vec::new();
        for (i, text) in nasty.iter().enumerate() {
            let mut record = serde_json::Map::new();
            let id = format!("{i}<'\";--{}", text.trim());
            for (field, value) in [
                ("id", id.clone()),
                ("addressee", format!("Аким {}", text.trim())),
                ("submitted_at", "2022-08-01".to_string()),
                ("addressee_position", text.to_string()),
                ("category", text.to_string()),
                ("title", text.to_string()),
                ("text", text.to_string()),
                ("author", text.to_string()),
                ("status", format!("x{text}")),
                ("answer_text", text.to_string()),
                ("answered_by", text.to_string()),
                ("forwarded_to", format!("Управление {}", text.trim())),
                ("rating", text.to_string()),
            ] {
                record.insert(field.to_string(), value.into());
            }
            records.push(serde_json::Value::Object(record));
        }
        let json = serde_json::to_string_pretty(&records).unwrap();
        let mut csv = csv::Writer::from_writer(Vec::new());
        let fields: Vec<String> = records[0].as_object().unwrap().keys().cloned().collect();
        csv.write_record(&fields).unwrap();
        for record in &records {
            let record = record.as_object().unwrap();
            csv.write_record(fields.iter().map(|f| record[f].as_str().unwrap()))
                .unwrap();
        }
        let csv = csv.into_inner().unwrap();

        for (name, bytes, source) in [
            ("nasty.json", json.into_bytes(), "json"),
            ("nasty.csv", csv, "csv"),
        ] {
            let wd = Workdir::new();
            wd.write(name, &bytes);
            wd.ok(&["import", "appeals", "--source", source, name]);
            let exported = wd.json(&[
                "export",
                "appeals",
                "--raw",
                "--include-authors",
                "--format",
                "json",
            ]);
            let exported = exported.as_array().unwrap();
            assert_eq!(exported.len(), records.len(), "{name}");
            for record in &records {
                let record = record.as_object().unwrap();
                let id = record["id"].as_str().unwrap();
                let got = exported
                    .iter()
                    .find(|r| r["id"] == id)
                    .unwrap_or_else(|| panic!("{name}: no appeal {id:?}"));
                for (field, value) in record {
                    assert_eq!(&got[field], value, "{name}: {id:?} {field}");
                }
                assert_eq!(got["source"], source);
                // `show` finds it by an id full of quotes and SQL.
                let shown = wd.json(&["show", id, "--source", source, "--format", "json"]);
                assert_eq!(shown[0]["id"], id, "{name}: show {id:?}");
            }
            let html = wd.ok(&[
                "report",
                "routing",
                "--format",
                "html",
                "--as-of",
                "2022-09-01",
            ]);
            assert!(
                !html.contains("<script>alert(1)</script>"),
                "{name}: HTML unescaped"
            );
            assert!(!html.contains("<img src=x"), "{name}: HTML unescaped");
            assert!(
                html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
                "{name}"
            );
            // And the tables are all still there.
            let fp = fingerprint(&wd.path("test.db"));
            assert_eq!(fp.rows("appeals"), records.len() as i64);
            assert_eq!(fp.rows("imports"), 1);
        }
    }

    /// A 64 MiB text in one field (quoted, with delimiters, quotes and newlines inside) is a
    /// valid record: it imports, and is stored byte for byte. (Nothing in the record contract
    /// caps a field; see RELIABILITY.md.) The same field left unclosed is an error naming the
    /// line it opened on, the database unchanged.
    #[test]
    fn a_64_mib_field_is_stored_whole_and_an_unclosed_one_is_refused() {
        let (wd, before) = stocked();
        let chunk = "Жалоба, \"цитата\"; строка\n\t= + - @ ";
        let mut text = String::with_capacity(64 << 20);
        while text.len() + chunk.len() <= 64 << 20 {
            text.push_str(chunk);
        }
        while text.len() < 64 << 20 {
            text.push('x');
        }
        let quoted = text.replace('"', "\"\"");
        let mut bytes = b"id,addressee,date,text\n1000,A,2022-08-01,\"".to_vec();
        bytes.extend(quoted.as_bytes());
        bytes.extend(b"\"\n1001,A,2022-08-02,short\n");
        wd.write("huge.csv", &bytes);
        let args = ["import", "appeals", "huge.csv"];
        let output = wd.run(&args);
        assert!(output.status.success(), "{}", describe(&args, &output));
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(summary(&stderr, "huge.csv"), [2, 2, 0, 0, 0]);
        let conn = Connection::open(wd.path("test.db")).unwrap();
        let stored: Vec<u8> = conn
            .query_row(
                "SELECT CAST(text AS BLOB) FROM appeals WHERE id = '1000'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(stored.len(), text.len());
        assert!(
            stored == text.as_bytes(),
            "the 64 MiB text changed on the way in"
        );
        drop(conn);

        let with_huge = fingerprint(&wd.path("test.db"));
        assert_eq!(with_huge.rows("appeals"), before.rows("appeals") + 2);
        let mut unclosed = b"id,addressee,date,text\n2000,A,2022-08-01,\"".to_vec();
        unclosed.extend(quoted.as_bytes());
        wd.write("unclosed.csv", &unclosed);
        let stderr = wd.fails(&["import", "appeals", "unclosed.csv"], 1);
        assert!(
            stderr.contains("unclosed.csv, line 2") && stderr.contains("never closed"),
            "{stderr}"
        );
        assert_eq!(fingerprint(&wd.path("test.db")), with_huge);
    }

    /// A million columns, all but three unknown: one record, every unknown column kept in
    /// `extra`. (The header with a row of three fields is refused: see the broken files.)
    #[test]
    fn a_million_columns_are_all_kept() {
        let (wd, before) = stocked();
        let n = 1_000_000;
        let mut text = String::from("id,addressee,date");
        for i in 0..n {
            text.push_str(&format!(",c{i}"));
        }
        text.push_str("\n77,A,2022-08-01");
        for i in 0..n {
            text.push_str(&format!(",{}", i % 10));
        }
        text.push('\n');
        wd.write("wide.csv", text);
        let args = ["import", "appeals", "wide.csv"];
        let output = wd.run(&args);
        assert!(output.status.success(), "{}", describe(&args, &output));
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(summary(&stderr, "wide.csv"), [1, 1, 0, 0, 0]);
        let conn = Connection::open(wd.path("test.db")).unwrap();
        let (kept, last): (i64, String) = conn
            .query_row(
                "SELECT count(*), max(CASE WHEN key = 'c999999' THEN value END) \
                 FROM appeals, json_each(appeals.extra) WHERE appeals.id = '77'",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!((kept, last.as_str()), (n, "9"));
        drop(conn);
        let after = fingerprint(&wd.path("test.db"));
        assert_eq!(after.rows("appeals"), before.rows("appeals") + 1);
    }

    /// Bad options are usage errors or clean failures, never a panic, and change nothing.
    #[test]
    fn hostile_options_fail_cleanly() {
        let (wd, before) = stocked();
        // The date is valid only under a pattern, so that a bad pattern fails the import.
        wd.write("one.csv", "id,addressee,date\n1,A,01/08/2022\n");
        let cases: &[(&[&str], i32)] = &[
            (&["--delimiter", "\""], 2),
            (&["--delimiter", "é"], 2),
            (&["--delimiter", "\n\n"], 2),
            (&["--date-format", "%"], 2),
            (&["--date-format", "%Q%E%"], 2),
            (&["--date-format", "%s"], 1),
            (
                &["--date-format", "%Y/%m/%d %H:%M:%S%.f%:z %A %B %j %U %C"],
                1,
            ),
            (&["--map", "="], 2),
            (&["--map", "id="], 1),
            (&["--map", "nonsense=x"], 2),
            (&["--map", "id"], 2),
            (&["--scraped-at", "31.02.2022"], 2),
            (&["--scraped-at", "99999-01-01"], 2),
            (&["--encoding", "koi8-r"], 2),
            (&["--format", "xml"], 2),
            (&["--phrases", "/nonexistent/phrases.txt"], 1),
        ];
        for (options, code) in cases {
            let mut args = vec!["import", "appeals"];
            args.extend(options.iter());
            args.push("one.csv");
            let output = wd.run(&args);
            assert_no_crash(&args, &output);
            assert_eq!(
                output.status.code(),
                Some(*code),
                "{}",
                describe(&args, &output)
            );
            assert_eq!(fingerprint(&wd.path("test.db")), before, "{args:?}");
        }
        // A missing file and a folder fail cleanly too.
        for file in ["missing.csv", "."] {
            let stderr = wd.fails(&["import", "appeals", file], 1);
            assert!(stderr.contains(file), "{stderr}");
        }
        assert_eq!(fingerprint(&wd.path("test.db")), before);
    }

    // Bugs found while writing these tests, outside the files this work may change. Each test
    // fails today; the reason says where the fix belongs.

    #[test]
    fn two_unknown_columns_of_one_name_are_both_kept() {
        let wd = Workdir::new();
        wd.write(
            "dup.csv",
            "id,addressee,date,note,note\n1,A,2022-08-01,first,second\n",
        );
        wd.ok(&["import", "appeals", "dup.csv"]);
        let conn = Connection::open(wd.path("test.db")).unwrap();
        let extra: String = conn
            .query_row("SELECT extra FROM appeals", [], |r| r.get(0))
            .unwrap();
        assert!(
            extra.contains("first") && extra.contains("second"),
            "{extra}"
        );
    }

    #[test]
    fn json_numbers_are_kept_as_written() {
        let wd = Workdir::new();
        wd.write(
            "numbers.json",
            r#"[{"id": 123456789012345678901234567890, "addressee": "A", "date": "2022-08-01", "rating": 4.50, "likes": 1e2}]"#,
        );
        wd.ok(&["import", "appeals", "numbers.json"]);
        let rows = wd.json(&["export", "appeals", "--raw", "--format", "json"]);
        assert_eq!(rows[0]["id"], "123456789012345678901234567890");
        assert_eq!(rows[0]["rating"], "4.50");
        // A number no float can hold is text like any other id (serde_json writes its
        // exponent with a sign: 1e999999 is kept as 1e+999999, never as a rounded float).
        wd.write(
            "huge-number.json",
            r#"[{"id": 1e999999, "addressee": "A", "date": "2022-08-01"}]"#,
        );
        wd.ok(&["import", "appeals", "huge-number.json"]);
        let rows = wd.json(&["export", "appeals", "--raw", "--format", "json"]);
        assert!(
            rows.as_array()
                .unwrap()
                .iter()
                .any(|r| r["id"] == "1e+999999")
        );
    }

    #[test]
    fn a_closed_stderr_is_not_a_panic() {
        let wd = Workdir::new();
        wd.write("a.csv", "id,addressee,date\n1,A,2022-08-01\n");
        let mut child = wd
            .command(&["import", "appeals", "a.csv"])
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stderr.take());
        let status = child.wait().unwrap();
        assert_ne!(status.code(), Some(101));
    }
}

// ------------------------------------------------------------------------------------------
// 6. Databases an import cannot write: a full disk, a read-only file, folder or mount

mod databases {
    use super::crash::{ROWS, import_args};
    use super::*;

    fn ulimit_command(wd: &Workdir, blocks: u64, args: &[&str]) -> Command {
        // SIGXFSZ would kill the process; ignored (inherited through exec), a write past the
        // limit fails with EFBIG instead, as a write to a full disk fails with ENOSPC.
        let mut command = Command::new("sh");
        command
            .arg("-c")
            .arg(format!(
                "trap '' XFSZ; ulimit -f {blocks} && exec \"$0\" \"$@\""
            ))
            .arg(env!("CARGO_BIN_EXE_appeal-audit"))
            .args(args)
            .current_dir(wd.root())
            .env_remove("APPEAL_AUDIT_DB");
        command
    }

    fn assert_failed_cleanly(args: &[&str], output: &Output, needle: &str) {
        assert_no_crash(args, output);
        assert_eq!(output.status.code(), Some(1), "{}", describe(args, output));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(needle), "{}", describe(args, output));
    }

    /// A disk that fills during an import: the import fails with exit 1 and a message, the
    /// database is as before and still serves reports, and once there is room the same import
    /// completes. Simulated by a file size limit (RLIMIT_FSIZE, works for any user), and, when
    /// this runs as root and may mount, by a real 1 MiB tmpfs.
    #[test]
    fn a_full_disk_fails_the_import_and_keeps_the_database() {
        let wd = Workdir::new();
        wd.write("week1.csv", appeals_csv(0..200, 1));
        wd.write("week2.csv", appeals_csv(0..ROWS, 2));
        let first = import_args("test.db", "week1.csv", "2022-09-01");
        wd.ok(&first);
        let before = fingerprint(&wd.path("test.db"));
        let db_size = std::fs::metadata(wd.path("test.db")).unwrap().len();
        // 512-byte blocks (POSIX sh): room for the database as it is, not for the import's WAL.
        let blocks = db_size / 512 + 256;
        let args = import_args("test.db", "week2.csv", "2022-09-08");
        let output = ulimit_command(&wd, blocks, &args).output().unwrap();
        assert_failed_cleanly(&args, &output, "disk");
        assert_eq!(fingerprint(&wd.path("test.db")), before);
        wd.ok(&["--db", "test.db", "status"]);
        wd.ok(&args);
        assert_eq!(
            fingerprint(&wd.path("test.db")).rows("appeals"),
            ROWS as i64
        );

        // A real full file system, where this process may mount one.
        let small = wd.path("small");
        std::fs::create_dir(&small).unwrap();
        let shown = small.to_str().unwrap().to_string();
        if !is_root() || !run_quiet("mount", &["-t", "tmpfs", "-o", "size=1m", "tmpfs", &shown]) {
            eprintln!("full disk: no tmpfs (not root, or mount refused); RLIMIT_FSIZE only");
            return;
        }
        let _unmount = Undo(|| {
            run_quiet("umount", &["-l", &shown]);
        });
        let first = import_args("small/test.db", "week1.csv", "2022-09-01");
        wd.ok(&first);
        let before = fingerprint(&wd.path("small/test.db"));
        let args = import_args("small/test.db", "week2.csv", "2022-09-08");
        let output = wd.command(&args).output().unwrap();
        assert_failed_cleanly(&args, &output, "disk is full");
        assert_eq!(fingerprint(&wd.path("small/test.db")), before);
        let rows = wd.csv_rows(&[
            "--db",
            "small/test.db",
            "report",
            "routing",
            "--format",
            "csv",
        ]);
        let appeals: u64 = rows
            .iter()
            .map(|r| r["appeals"].parse::<u64>().unwrap())
            .sum();
        assert_eq!(appeals, 200);
        eprintln!("full disk: RLIMIT_FSIZE and a 1 MiB tmpfs both failed cleanly");
    }

    /// A database this process may not write: reports read it, imports fail with exit 1 and a
    /// message naming it, and it is unchanged. Tried every way this machine allows: file and
    /// folder permissions (as root, by running the binary as the user `nobody`, since root
    /// ignores permissions), the immutable attribute (`chattr +i`), and a read-only bind
    /// mount. At least one must be available.
    #[test]
    fn a_read_only_database_serves_reports_and_refuses_imports() {
        let wd = Workdir::new();
        wd.write("week1.csv", appeals_csv(0..300, 1));
        wd.write("week2.csv", appeals_csv(0..400, 2));
        std::fs::create_dir(wd.path("ro")).unwrap();
        wd.ok(&import_args("ro/test.db", "week1.csv", "2022-09-01"));
        fn report(db: &str) -> Vec<&str> {
            vec![
                "--db",
                db,
                "report",
                "routing",
                "--format",
                "csv",
                "--as-of",
                "2022-10-01",
            ]
        }
        let expected_report = wd.ok(&report("ro/test.db"));
        // A report leaves the -wal and -shm files it created behind (a read-only connection
        // cannot remove them), and an import may write to existing ones. Fingerprinting opens
        // and closes the database for writing, which removes them: the folder holds the
        // database file alone, as after an import.
        let before = fingerprint(&wd.path("ro/test.db"));
        assert!(!wd.path("ro/test.db-wal").exists());
        let dir = wd.path("ro");
        let db = wd.path("ro/test.db");
        let mut tried = Vec::new();

        // Runs a report and an import through `run`, as the read-only user or place sees it.
        let check = |how: &str, db_arg: &str, run: &dyn Fn(&[&str]) -> Output, needle: &str| {
            let args = report(db_arg);
            let output = run(&args);
            assert!(
                output.status.success(),
                "{how}: {}",
                describe(&args, &output)
            );
            assert_eq!(
                String::from_utf8_lossy(&output.stdout),
                expected_report,
                "{how}: the report differs"
            );
            let args = import_args(db_arg, "week2.csv", "2022-09-08");
            let output = run(&args);
            assert_failed_cleanly(&args, &output, needle);
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(stderr.contains(db_arg), "{how}: names no file: {stderr}");
        };
        let set_mode = |path: &Path, mode: u32| {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
        };

        // 1. Permissions: file 0444 in a folder 0555, then a writable file in that folder
        // (SQLite cannot create its -wal file beside it).
        let as_nobody = is_root() && {
            set_mode(wd.root(), 0o755);
            wd.command(&["--version"])
                .uid(65534)
                .gid(65534)
                .output()
                .is_ok_and(|o| o.status.success())
        };
        if !is_root() || as_nobody {
            let run = |args: &[&str]| -> Output {
                let mut command = wd.command(args);
                if as_nobody {
                    command.uid(65534).gid(65534);
                }
                command.output().unwrap()
            };
            let _restore = Undo(|| {
                set_mode(&dir, 0o755);
                set_mode(&db, 0o644);
            });
            set_mode(&db, 0o444);
            set_mode(&dir, 0o555);
            check(
                "chmod 444 file, 555 folder",
                "ro/test.db",
                &run,
                "read-only",
            );
            set_mode(&db, 0o666);
            check(
                "chmod 666 file, 555 folder",
                "ro/test.db",
                &run,
                "folder must be writable",
            );
            tried.push(if as_nobody {
                "permissions (as nobody)"
            } else {
                "permissions"
            });
        } else {
            eprintln!("read-only: cannot run as nobody here; permissions variant skipped");
        }
        assert_eq!(fingerprint(&db), before);

        // 2. The immutable attribute, for root, where the file system has it.
        let (db_s, dir_s) = (db.to_str().unwrap(), dir.to_str().unwrap());
        if is_root() && run_quiet("chattr", &["+i", db_s, dir_s]) {
            let _restore = Undo(|| {
                run_quiet("chattr", &["-i", db_s, dir_s]);
            });
            let run = |args: &[&str]| wd.run(args);
            check("chattr +i", "ro/test.db", &run, "read-only");
            tried.push("chattr +i");
        } else {
            eprintln!("read-only: chattr +i unavailable here; variant skipped");
        }
        assert_eq!(fingerprint(&db), before);

        // 3. A read-only bind mount: a database on read-only media.
        let mnt = wd.path("mnt");
        std::fs::create_dir(&mnt).unwrap();
        let mnt_s = mnt.to_str().unwrap().to_string();
        if is_root() && run_quiet("mount", &["--bind", dir_s, &mnt_s]) {
            let _unmount = Undo(|| {
                run_quiet("umount", &["-l", &mnt_s]);
            });
            if run_quiet("mount", &["-o", "remount,ro,bind", &mnt_s]) {
                let run = |args: &[&str]| wd.run(args);
                check("read-only bind mount", "mnt/test.db", &run, "read-only");
                tried.push("read-only bind mount");
            }
        } else {
            eprintln!("read-only: cannot bind-mount here; variant skipped");
        }
        assert_eq!(fingerprint(&db), before);
        eprintln!("read-only database: tried {tried:?}");
        assert!(
            !tried.is_empty(),
            "no way to make a database read-only here"
        );
    }
}
