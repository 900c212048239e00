//! The one definition of a stored appeal's row: the columns that hold the record contract's
//! values and the mapping both ways between them and `Appeal` (read, insert, history), and the
//! row as export and reports read it whole (`StoredAppeal`). A new field of the contract is one
//! name in `appeal_values!` below, plus a migration that adds its column.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use rusqlite::{Connection, Row};
use serde_json::Value;

use crate::classify::{Reason, Route};
use crate::records::appeal::{Appeal, Entry};
use crate::records::names::EntryKind;

/// Declares, from one list of `Appeal`'s fields, the value columns (named as the fields) and
/// every mapping between them and an `Appeal`.
macro_rules! appeal_values {
    ($first:ident $(, $field:ident)* $(,)?) => {
        /// The columns of an appeal's values, in table order.
        pub(super) const VALUE_COLUMNS: &[&str] = &[stringify!($first) $(, stringify!($field))*];

        /// `VALUE_COLUMNS` as a select or insert list.
        pub(super) const VALUE_COLUMN_LIST: &str =
            concat!(stringify!($first) $(, ", ", stringify!($field))*);

        /// An appeal's values from a row whose columns, from `at`, are `VALUE_COLUMNS` in order.
        pub(super) fn appeal_from_row(row: &Row, at: usize) -> rusqlite::Result<Appeal> {
            let mut column = at;
            let mut next = || {
                column += 1;
                column - 1
            };
            Ok(Appeal {
                $first: row.get(next())?,
                $($field: row.get(next())?,)*
                ..Appeal::default()
            })
        }

        /// An appeal's values as statement parameters, in the order of `VALUE_COLUMNS`.
        pub(super) fn value_params(appeal: &Appeal) -> [&dyn ToSql; VALUE_COLUMNS.len()] {
            [&appeal.$first $(, &appeal.$field)*]
        }

        /// One of an appeal's values by its column's name, as JSON (absent is null).
        fn appeal_value(appeal: &Appeal, column: &str) -> Option<Value> {
            Some(match column {
                stringify!($first) => json(&appeal.$first),
                $(stringify!($field) => json(&appeal.$field),)*
                _ => return None,
            })
        }
    };
}

appeal_values!(
    source,
    id,
    addressee,
    submitted_at,
    addressee_position,
    category,
    title,
    text,
    author,
    status,
    answered_at,
    answered_by,
    answer_text,
    forwarded_to,
    url,
    rating,
    answers,
);

/// Declares `StoredAppeal`'s own columns (beyond the values) once: the struct field, the
/// column read and its JSON for export all come from this list.
macro_rules! stored_columns {
    ($($(#[$doc:meta])* $field:ident: $type:ty,)*) => {
        /// An appeal as stored: its values, what was concluded from them, and where they came
        /// from.
        #[derive(Debug, Clone)]
        pub struct StoredAppeal {
            /// The values, `scraped_at` included.
            pub appeal: Appeal,
            $($(#[$doc])* pub $field: $type,)*
        }

        /// What `StoredAppeal` reads after the values, in order.
        const STORED_COLUMN_LIST: &str = concat!($(", ", stringify!($field)),*);

        impl StoredAppeal {
            /// Reads a row of `StoredAppeal::SELECT`.
            pub(super) fn from_row(row: &Row) -> rusqlite::Result<StoredAppeal> {
                let mut appeal = appeal_from_row(row, 0)?;
                let mut column = VALUE_COLUMNS.len();
                appeal.scraped_at = row.get(column)?;
                let mut next = || {
                    column += 1;
                    column
                };
                Ok(StoredAppeal {
                    appeal,
                    $($field: row.get(next())?,)*
                })
            }

            /// One column of the stored row by name, as JSON: a value of the record contract,
            /// `scraped_at`, or what the store concluded. None for a name the row lacks.
            pub fn value(&self, column: &str) -> Option<Value> {
                if let Some(value) = appeal_value(&self.appeal, column) {
                    return Some(value);
                }
                Some(match column {
                    "scraped_at" => json(&self.appeal.scraped_at),
                    $(stringify!($field) => json(&self.$field),)*
                    _ => return None,
                })
            }
        }
    };
}

stored_columns! {
    official: String,
    route: Route,
    route_reason: Reason,
    route_target: Option<String>,
    days_to_answer: Option<i64>,
    /// The appeal has an answer (`AppealFacts::has_answer`, stored at import).
    answered: bool,
    first_seen: String,
    last_seen: String,
    /// The scrape that first missed it, if one did.
    vanished: Option<String>,
    source_file: String,
    source_line: i64,
}

impl StoredAppeal {
    /// Every stored appeal, filtered by `?1` since, `?2` until (ISO dates, inclusive), `?3`
    /// official and `?4` year (the first four characters of `submitted_at`), in the order asked
    /// for.
    pub(super) fn select(order: AppealOrder, schema: i64) -> String {
        let order_by = match order {
            AppealOrder::Stored => "source, appeal_key",
            AppealOrder::Key => "appeal_key",
            // The index `appeals_by_official` gives that order without a sort.
            AppealOrder::Official if schema >= super::FIGURES_SINCE => "official_id, submitted_at",
            AppealOrder::Official => "official, submitted_at",
        };
        format!(
            "SELECT {VALUE_COLUMN_LIST}, scraped_at{STORED_COLUMN_LIST} FROM appeals \
             JOIN appeal_seen USING (appeal_key) \
             WHERE (?1 IS NULL OR submitted_at >= ?1) \
               AND (?2 IS NULL OR submitted_at < date(?2, '+1 day')) \
               AND (?3 IS NULL OR official = ?3) \
               AND (?4 IS NULL OR substr(submitted_at, 1, 4) = ?4) \
             ORDER BY {order_by}"
        )
    }
}

/// The order `Store::for_each_stored_appeal` hands appeals out in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppealOrder {
    /// By source, then in the order they were first stored (the CSV export's order).
    Stored,
    /// In the order they were first stored: the table's own order, so no sort (which at a
    /// million appeals wrote the whole table to temporary files and took most of an export).
    Key,
    /// Grouped by official: a writer per official needs only one open at a time.
    Official,
}

/// A JSON value for one field, as serde writes it.
fn json<T: ToJson + ?Sized>(value: &T) -> Value {
    value.to_json()
}

/// The few field types a stored row holds, as JSON, without a round trip through serde.
trait ToJson {
    fn to_json(&self) -> Value;
}

impl ToJson for String {
    fn to_json(&self) -> Value {
        Value::String(self.clone())
    }
}

impl ToJson for bool {
    fn to_json(&self) -> Value {
        Value::Bool(*self)
    }
}

impl ToJson for i64 {
    fn to_json(&self) -> Value {
        Value::from(*self)
    }
}

impl ToJson for Route {
    fn to_json(&self) -> Value {
        Value::String(self.as_str().to_string())
    }
}

impl ToJson for Reason {
    fn to_json(&self) -> Value {
        Value::String(self.as_str().to_string())
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn to_json(&self) -> Value {
        self.as_ref().map_or(Value::Null, ToJson::to_json)
    }
}

/// A directory entry's kind is stored as its name.
impl ToSql for EntryKind {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(ValueRef::Text(
            self.as_str().as_bytes(),
        )))
    }
}

/// A route is stored as its name.
impl ToSql for Route {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(ValueRef::Text(
            self.as_str().as_bytes(),
        )))
    }
}

/// So is the rule that decided it.
impl ToSql for Reason {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(ValueRef::Text(
            self.as_str().as_bytes(),
        )))
    }
}

/// A route as the store writes it (`Route::as_str`); any other text is a database changed
/// outside appeal-audit.
impl FromSql for Route {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        named(
            value,
            Route::parse,
            "a stored route",
            "import any file again to reclassify",
        )
    }
}

/// So is the rule that decided it (`Reason::as_str`).
impl FromSql for Reason {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        named(
            value,
            Reason::parse,
            "a stored route reason",
            "import any file again to reclassify",
        )
    }
}

/// A kind as the directory stores it (imports write only `official` and `department`).
impl FromSql for EntryKind {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        named(
            value,
            EntryKind::parse,
            "a stored kind",
            "import the directory again",
        )
    }
}

/// A value stored by its name, or an error naming the text and what to do.
fn named<T>(
    value: ValueRef<'_>,
    parse: fn(&str) -> Option<T>,
    what: &str,
    fix: &str,
) -> FromSqlResult<T> {
    let text = value.as_str()?;
    parse(text).ok_or_else(|| {
        FromSqlError::Other(
            format!(
                "{what} is {text:?}, not one appeal-audit writes: the database was changed \
                 outside appeal-audit; {fix}"
            )
            .into(),
        )
    })
}

/// Every directory entry, in the order they were first stored: for reports and imports alike.
pub(super) fn load_directory(conn: &Connection) -> anyhow::Result<Vec<Entry>> {
    let mut stmt = conn.prepare(
        "SELECT name, kind, position, parent, aliases, url FROM directory ORDER BY entry_key",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Entry {
            name: r.get(0)?,
            kind: r.get(1)?,
            position: r.get(2)?,
            parent: r.get(3)?,
            aliases: r.get(4)?,
            url: r.get(5)?,
            as_written: None,
            extra: None,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The phrases stored by `--phrases` (kind, phrase, origin), in the order they were added.
pub(super) fn load_phrases(conn: &Connection) -> anyhow::Result<Vec<(String, String, String)>> {
    let mut stmt = conn.prepare("SELECT kind, phrase, origin FROM phrases ORDER BY rowid")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_column_maps_both_ways() {
        let conn = Connection::open_in_memory().unwrap();
        let appeal = Appeal {
            source: "s".into(),
            id: "1".into(),
            addressee: "a".into(),
            submitted_at: "2022-08-01".into(),
            addressee_position: Some("p".into()),
            category: Some("c".into()),
            title: Some("t".into()),
            text: Some("x".into()),
            author: Some("au".into()),
            status: Some("st".into()),
            answered_at: Some("2022-08-02".into()),
            answered_by: Some("b".into()),
            answer_text: Some("at".into()),
            forwarded_to: Some("f".into()),
            url: Some("u".into()),
            rating: Some("r".into()),
            answers: Some("[]".into()),
            ..Appeal::default()
        };
        let placeholders = vec!["?"; VALUE_COLUMNS.len()].join(", ");
        let read = conn
            .query_row(
                &format!("SELECT {placeholders}"),
                value_params(&appeal).as_slice(),
                |r| appeal_from_row(r, 0),
            )
            .unwrap();
        assert_eq!(read, appeal);
        assert_eq!(
            VALUE_COLUMN_LIST.split(", ").collect::<Vec<_>>(),
            VALUE_COLUMNS
        );
        for column in VALUE_COLUMNS {
            assert!(
                appeal_value(&appeal, column).is_some_and(|v| v.is_string()),
                "{column}"
            );
        }
    }

    #[test]
    fn routes_and_kinds_are_read_by_name_and_anything_else_is_refused() {
        let conn = Connection::open_in_memory().unwrap();
        let read = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, Route>(0));
        assert_eq!(read("SELECT 'forwarded'").unwrap(), Route::Forwarded);
        let error = read("SELECT 'sideways'").unwrap_err().to_string();
        assert!(
            error.contains("\"sideways\"") && error.contains("outside appeal-audit"),
            "{error}"
        );
        let kind = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, EntryKind>(0));
        assert_eq!(kind("SELECT 'official'").unwrap(), EntryKind::Official);
        assert!(kind("SELECT 'ministry'").is_err());
    }
}
