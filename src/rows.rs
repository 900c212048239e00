//! Rows of a report or an export as the writer takes them: column names and, per row, the
//! values in that order. It sits below both `report` (which builds rows) and `output` (which
//! writes them), so that neither needs the other.

use anyhow::{Result, bail};
use serde::Serialize;
use serde_json::Value;

/// Rows ready to write: the column names, and each row's values in that order.
#[derive(Debug, Clone)]
pub struct Rows {
    pub columns: Vec<String>,
    pub values: Vec<Vec<Value>>,
}

impl Rows {
    /// Serialises each row and takes its fields in the order of `columns` (a missing field is null).
    pub fn from_serialize<T: Serialize>(columns: &[&str], rows: &[T]) -> Result<Rows> {
        let values = rows
            .iter()
            .map(|row| values_of(columns, row))
            .collect::<Result<_>>()?;
        Ok(Rows {
            columns: columns.iter().map(|c| c.to_string()).collect(),
            values,
        })
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

/// One serialisable row's fields in the order of `columns` (a missing field is null).
pub fn values_of<T: Serialize>(columns: &[&str], row: &T) -> Result<Vec<Value>> {
    let Value::Object(mut map) = serde_json::to_value(row)? else {
        bail!("internal: a report row is not an object");
    };
    Ok(columns
        .iter()
        .map(|c| map.remove(*c).unwrap_or(Value::Null))
        .collect())
}
