//! `appeals.state` (schema 4): an appeal's route and three yes/no facts in one integer, beside
//! the columns they come from, so that a report reads one column where it read four (a fifth
//! of a routing report over a million appeals). Migration 004 fills it with the same rule in
//! SQL; the tests below hold the two to each other.

use crate::classify::Route;
use crate::derive::Derived;

/// The columns schema 4 added for the reports (`state` and the names' numbers), which `show`
/// leaves out: they repeat `route`, `answered`, `unsatisfied`, `vanished`, `official` and
/// `route_target`.
pub const NARROW_COLUMNS: [&str; 3] = ["official_id", "target_id", "state"];

/// The three low bits: the route's code, an index into `ROUTES`.
pub const ROUTE: i64 = 7;
pub const ANSWERED: i64 = 8;
pub const SATISFIED: i64 = 16;
pub const UNSATISFIED: i64 = 32;
pub const VANISHED: i64 = 64;

/// Routes by code. 0 (and 6, 7) is no route the tool writes.
pub const ROUTES: [Option<Route>; 8] = [
    None,
    Some(Route::Personal),
    Some(Route::Forwarded),
    Some(Route::Unanswered),
    Some(Route::Unknown),
    Some(Route::Rejected),
    None,
    None,
];

pub fn route_code(route: Route) -> i64 {
    match route {
        Route::Personal => 1,
        Route::Forwarded => 2,
        Route::Unanswered => 3,
        Route::Unknown => 4,
        Route::Rejected => 5,
    }
}

/// The state of a derived appeal that has not vanished.
pub fn of(derived: &Derived) -> i64 {
    let rating = match derived.unsatisfied {
        Some(false) => SATISFIED,
        Some(true) => UNSATISFIED,
        None => 0,
    };
    route_code(derived.route) | answered_bit(derived.answered) | rating
}

pub fn answered_bit(answered: bool) -> i64 {
    if answered { ANSWERED } else { 0 }
}

/// What a state says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decoded {
    /// None for a code the tool never writes (a database changed outside it).
    pub route: Option<Route>,
    pub answered: bool,
    pub unsatisfied: Option<bool>,
    pub vanished: bool,
}

pub fn decode(state: i64) -> Decoded {
    Decoded {
        // Masked to 0..=7 whatever the sign.
        route: ROUTES[(state & ROUTE) as usize],
        answered: state & ANSWERED != 0,
        unsatisfied: match state & (SATISFIED | UNSATISFIED) {
            SATISFIED => Some(false),
            UNSATISFIED => Some(true),
            _ => None,
        },
        vanished: state & VANISHED != 0,
    }
}

/// The state worked out in SQL from the wide columns, for reading a database from before
/// schema 4 (migration 004 fills `state` with this rule).
pub const FROM_WIDE_COLUMNS: &str = "(CASE route WHEN 'personal' THEN 1 WHEN 'forwarded' THEN 2 \
    WHEN 'unanswered' THEN 3 WHEN 'unknown' THEN 4 WHEN 'rejected' THEN 5 ELSE 0 END \
    | (CASE WHEN answered THEN 8 ELSE 0 END) \
    | (CASE unsatisfied WHEN 0 THEN 16 WHEN 1 THEN 32 ELSE 0 END) \
    | (CASE WHEN vanished IS NULL THEN 0 ELSE 64 END))";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::Reason;
    use rusqlite::{Connection, params};

    /// Every combination of what a state holds, with the state `of` gives it once vanished.
    fn every_appeal() -> Vec<(Derived, bool, i64)> {
        let mut all = Vec::new();
        for route in Route::ALL {
            for answered in [false, true] {
                for unsatisfied in [None, Some(false), Some(true)] {
                    for vanished in [false, true] {
                        let derived = Derived {
                            official: "Аким".into(),
                            route,
                            reason: Reason::NoAnswerer,
                            target: None,
                            days_to_answer: None,
                            unsatisfied,
                            answered,
                        };
                        let state = of(&derived) | if vanished { VANISHED } else { 0 };
                        all.push((derived, vanished, state));
                    }
                }
            }
        }
        all
    }

    #[test]
    fn a_state_says_what_it_was_made_of() {
        let all = every_appeal();
        let distinct: std::collections::BTreeSet<i64> = all.iter().map(|a| a.2).collect();
        assert_eq!(distinct.len(), all.len(), "two appeals share a state");
        for (derived, vanished, state) in all {
            let decoded = decode(state);
            assert_eq!(
                decoded,
                Decoded {
                    route: Some(derived.route),
                    answered: derived.answered,
                    unsatisfied: derived.unsatisfied,
                    vanished,
                },
                "state {state}"
            );
        }
    }

    #[test]
    fn sql_and_rust_work_out_the_same_state() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE appeals (route TEXT, answered INTEGER, unsatisfied INTEGER, vanished TEXT)",
        )
        .unwrap();
        for (derived, vanished, state) in every_appeal() {
            let sql: i64 = conn
                .query_row(
                    &format!("SELECT {FROM_WIDE_COLUMNS} FROM (SELECT ?1 AS route, ?2 AS answered, ?3 AS unsatisfied, ?4 AS vanished)"),
                    params![
                        derived.route.as_str(),
                        derived.answered,
                        derived.unsatisfied,
                        vanished.then_some("2022-10-03")
                    ],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(sql, state, "{derived:?}, vanished {vanished}");
        }
    }

    #[test]
    fn migration_4_fills_the_state_as_imports_write_it() {
        let mut conn = Connection::open_in_memory().unwrap();
        super::super::schema_3_with_an_import(&conn);
        let all = every_appeal();
        // A target for two appeals in three, one of them also an official's name.
        let target = |i: usize| match i % 3 {
            0 => None,
            1 => Some("Отдел".to_string()),
            _ => Some("Аким 1".to_string()),
        };
        for (i, (derived, vanished, _)) in all.iter().enumerate() {
            conn.execute(
                "INSERT INTO appeals (source, id, official, route, route_reason, answered, \
                 unsatisfied, vanished, value_hash, scraped_at, import_id, source_file, \
                 source_line, submitted_at, addressee, route_target) \
                 VALUES ('s', ?1, ?2, ?3, 'x', ?4, ?5, ?6, 0, '2022-10-03', 1, 'f', 1, '2022-08-01', 'a', ?7)",
                params![
                    i.to_string(),
                    format!("Аким {}", i % 3),
                    derived.route.as_str(),
                    derived.answered,
                    derived.unsatisfied,
                    vanished.then_some("2022-10-03"),
                    target(i)
                ],
            )
            .unwrap();
        }
        let tx = conn.transaction().unwrap();
        tx.execute_batch(super::super::MIGRATIONS[3]).unwrap();
        for (i, (_, _, state)) in all.iter().enumerate() {
            let stored: (i64, String, Option<String>) = tx
                .query_row(
                    "SELECT state, (SELECT name FROM names WHERE name_id = official_id), \
                     (SELECT name FROM names WHERE name_id = target_id) \
                     FROM appeals WHERE id = ?1",
                    params![i.to_string()],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .unwrap();
            assert_eq!(stored, (*state, format!("Аким {}", i % 3), target(i)));
        }
    }

    #[test]
    fn migration_5_marks_answered_what_the_one_definition_calls_answered() {
        let mut conn = Connection::open_in_memory().unwrap();
        super::super::schema_3_with_an_import(&conn);
        conn.execute_batch(super::super::MIGRATIONS[3]).unwrap();
        // (id, answered_by, answers, route, reason) as schema 4 stored them, all unanswered.
        let rows = [
            ("by", Some("Отдел"), None, "forwarded", "answered_by", true),
            ("blank", Some("  "), None, "unanswered", "no_answer", false),
            ("list", None, Some("[{}]"), "unanswered", "no_answer", true),
            ("status", None, None, "unknown", "no_answerer", true),
            ("pending", None, None, "unanswered", "no_answer", false),
        ];
        for (id, by, answers, route, reason, _) in rows {
            conn.execute(
                "INSERT INTO appeals (source, id, official, route, route_reason, answered, \
                 value_hash, scraped_at, import_id, source_file, source_line, submitted_at, \
                 addressee, answered_by, answers, state) \
                 VALUES ('s', ?1, 'a', ?2, ?3, 0, 0, '2022-10-03', 1, 'f', 1, '2022-08-01', 'a', \
                 ?4, ?5, 64)",
                params![id, route, reason, by, answers],
            )
            .unwrap();
        }
        let tx = conn.transaction().unwrap();
        tx.execute_batch(super::super::MIGRATIONS[4]).unwrap();
        for (id, _, _, _, _, answered) in rows {
            let (column, state): (bool, i64) = tx
                .query_row(
                    "SELECT answered, state FROM appeals WHERE id = ?1",
                    params![id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .unwrap();
            assert_eq!(
                (column, decode(state).answered),
                (answered, answered),
                "{id}"
            );
            assert_eq!(state & !ANSWERED, 64, "{id}: the rest of the state is kept");
        }
    }
}
