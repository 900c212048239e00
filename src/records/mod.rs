//! The record contract: the fields of each kind, dates, who is who, and reading files of any
//! format and encoding into typed records.

pub mod appeal;
pub mod dates;
pub mod fields;
mod flat_json;
pub mod names;
pub mod placeholder;
pub mod reader;
pub mod record_error;
pub mod typed;
