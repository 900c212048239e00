//! Rows of a report or an export as the writer takes them: column names and, per row, the
//! values in that order. It sits below both `report` (which builds rows) and `output` (which
//! writes them), so that neither needs the other.

use anyhow::{Result, bail};
use serde::Serialize;
use serde_json::Value;

use crate::catalogue::Column;

/// Rows ready to write: the column names, and each row's values in that order.
#[derive(Debug, Clone)]
pub struct Rows {
    pub columns: Vec<String>,
    pub values: Vec<Vec<Value>>,
}

impl Rows {
    /// Values already in the order of the catalogue's `columns`.
    pub fn of(columns: &[Column], values: Vec<Vec<Value>>) -> Rows {
        Rows {
            columns: columns.iter().map(|c| c.name.to_string()).collect(),
            values,
        }
    }

    /// Serialises each row and takes its fields in the order of the catalogue's `columns`.
    pub fn from_serialize<T: Serialize>(columns: &[Column], rows: &[T]) -> Result<Rows> {
        let values = rows
            .iter()
            .map(|row| values_of(columns, row))
            .collect::<Result<_>>()?;
        Ok(Rows {
            columns: columns.iter().map(|c| c.name.to_string()).collect(),
            values,
        })
    }

    /// Rewrites every text cell of `column` (none when there is no such column).
    pub fn map_column(&mut self, column: &str, rewrite: impl Fn(&str) -> String) {
        let Some(at) = self.columns.iter().position(|c| c == column) else {
            return;
        };
        for row in &mut self.values {
            if let Some(Value::String(text)) = row.get_mut(at) {
                *text = rewrite(text);
            }
        }
    }

    /// Adds `column` after `after`, each cell made from the text of that row's `after` cell
    /// (nothing when there is no `after` column).
    pub fn insert_after(&mut self, after: &str, column: &str, make: impl Fn(&str) -> String) {
        let Some(at) = self.columns.iter().position(|c| c == after) else {
            return;
        };
        self.columns.insert(at + 1, column.to_string());
        for row in &mut self.values {
            let text = match &row[at] {
                Value::String(text) => make(text),
                other => make(&other.to_string()),
            };
            row.insert(at + 1, Value::String(text));
        }
    }

    /// The rows as one JSON array of objects keyed by column, in column order: for a document
    /// that holds several tables (audit, weekly), where `--format json` writes one table.
    pub fn to_json(&self) -> Value {
        Value::Array(
            self.values
                .iter()
                .map(|values| object(&self.columns, values.clone()))
                .collect(),
        )
    }
}

/// One row as a JSON object keyed by column, in column order.
pub fn object(columns: &[String], values: Vec<Value>) -> Value {
    Value::Object(columns.iter().cloned().zip(values).collect())
}

/// One serialisable row's fields in the order of `columns`. A field the row lacks is an error
/// (a catalogue and a row struct that disagree), unless the column says the row leaves it out
/// when empty.
pub fn values_of<T: Serialize>(columns: &[Column], row: &T) -> Result<Vec<Value>> {
    let Value::Object(mut map) = serde_json::to_value(row)? else {
        bail!("internal: a report row is not an object");
    };
    columns
        .iter()
        .map(|c| match map.remove(c.name) {
            Some(value) => Ok(value),
            None if c.absent_is_empty => Ok(Value::Null),
            None => bail!("internal: the row has no field {}", c.name),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::ColumnKind;

    #[derive(Serialize)]
    struct Row {
        a: u64,
        #[serde(skip_serializing_if = "Option::is_none")]
        b: Option<u64>,
    }

    #[test]
    fn a_field_the_row_lacks_is_an_error_unless_it_may_be_left_out() {
        let a = Column::new("a", ColumnKind::Int, "");
        let b = Column::new("b", ColumnKind::Int, "");
        let row = Row { a: 1, b: None };
        assert!(values_of(&[a, b], &row).is_err());
        let b = Column {
            absent_is_empty: true,
            ..b
        };
        assert_eq!(values_of(&[a, b], &row).unwrap(), [1.into(), Value::Null]);
        let c = Column::new("c", ColumnKind::Int, "");
        let error = values_of(&[c], &row).unwrap_err().to_string();
        assert!(error.contains("no field c"), "{error}");
    }
}
