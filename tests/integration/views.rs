//! The SQL views in the database file give sqlite3 and Datasette users the routing, forwards
//! and silence counts without the tool; checked with the sqlite3 shell where it is installed
//! (under CI it must be), and through the bundled SQLite everywhere.

use crate::common::{Workdir, outside_tool};

fn sample() -> Workdir {
    let wd = Workdir::new();
    wd.write(
        "dir.csv",
        "name,kind\nАким,official\nОтдел А,department\nОтдел Б,department\n",
    );
    wd.write(
        "a.csv",
        "id,addressee,date,answered_at,answered_by,forwarded_to\n\
         1,Аким,2022-09-01,2022-09-02,Аким,\n\
         2,Аким,2022-09-01,,,Отдел А\n\
         3,Аким,2022-09-02,,,Отдел А\n\
         4,Аким,2022-09-03,,,\n",
    );
    wd.write("p.csv", "department,date\nОтдел А,2022-09-30\n");
    wd.ok(&["import", "directory", "dir.csv"]);
    wd.ok(&["import", "appeals", "a.csv"]);
    wd.ok(&["import", "posts", "p.csv"]);
    wd
}

#[test]
fn views_hold_the_figures() {
    let wd = sample();
    let conn = rusqlite::Connection::open(wd.path("test.db")).unwrap();
    let routing: (String, i64, i64, i64, i64, f64) = conn
        .query_row("SELECT addressee, appeals, personal, forwarded, unanswered, forwarded_pct FROM routing", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
        })
        .unwrap();
    assert_eq!(routing, ("Аким".to_string(), 4, 1, 2, 1, 50.0));
    let forwards: (String, i64) = conn
        .query_row("SELECT forwarded_to, appeals FROM forwards", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!(forwards, ("Отдел А".to_string(), 2));
    let mut stmt = conn.prepare("SELECT name, last_post FROM silence").unwrap();
    let silence: Vec<(String, Option<String>)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(silence.len(), 3);
    assert_eq!(
        silence.last().unwrap(),
        &("Отдел А".to_string(), Some("2022-09-30".to_string()))
    );
}

#[test]
fn the_sqlite3_shell_reads_the_views() {
    let found = std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths).any(|dir| dir.join("sqlite3").is_file())
    });
    if !outside_tool("the sqlite3 shell", "apt-get install sqlite3", found) {
        return;
    }
    let wd = sample();
    let output = std::process::Command::new("sqlite3")
        .args([
            "test.db",
            "SELECT addressee, appeals, personal, forwarded FROM routing",
        ])
        .current_dir(wd.root())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(String::from_utf8(output.stdout).unwrap(), "Аким|4|1|2\n");
}
