//! JSON (an array of objects, read one element at a time) and JSON Lines into source records:
//! each object flattened to columns, its `answers` array kept as answers, each named by line.

use std::cell::Cell;
use std::fmt;
use std::io::{self, BufRead, Read};
use std::rc::Rc;

use anyhow::{Context, Result, anyhow, bail};
use serde::de::{DeserializeSeed, Error as _, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::{Input, SourceAnswer, SourceRecord};
use crate::i18n::tr;

/// Counts the newlines the JSON parser has consumed, so a record can be named by its line.
/// serde_json reads one byte at a time through this, so the count is exact.
struct LineCount<R> {
    inner: R,
    line: Rc<Cell<u64>>,
}

impl<R: Read> Read for LineCount<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let newlines = buf[..n].iter().filter(|&&b| b == b'\n').count() as u64;
        self.line.set(self.line.get() + newlines);
        Ok(n)
    }
}

pub fn read_json(
    input: &Input,
    reader: impl BufRead,
    on_record: &mut dyn FnMut(SourceRecord) -> Result<()>,
) -> Result<()> {
    let line = Rc::new(Cell::new(1));
    let counted = LineCount {
        inner: reader,
        line: Rc::clone(&line),
    };
    let mut stopped: Option<anyhow::Error> = None;
    let result = {
        let mut de = serde_json::Deserializer::from_reader(counted);
        let seed = EachObject {
            on_record,
            stopped: &mut stopped,
            line,
        };
        seed.deserialize(&mut de).and_then(|()| de.end())
    };
    if let Some(e) = stopped {
        return Err(e);
    }
    result.map_err(|e| {
        anyhow!(
            "{}",
            tr(
                "file-json-array-malformed",
                &[
                    ("file", input.to_string().into()),
                    ("line", e.line().into()),
                    ("column", e.column().into()),
                    ("error", e.to_string().into()),
                ],
            )
        )
    })
}

/// Walks a JSON array one element at a time, so a file of any size is read in constant memory.
struct EachObject<'a> {
    on_record: &'a mut dyn FnMut(SourceRecord) -> Result<()>,
    stopped: &'a mut Option<anyhow::Error>,
    line: Rc<Cell<u64>>,
}

impl<'de> DeserializeSeed<'de> for EachObject<'_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        de.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for EachObject<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of objects")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut number = 0;
        while let Some(value) = seq.next_element::<Value>()? {
            number += 1;
            let Value::Object(object) = value else {
                return Err(A::Error::custom(format!(
                    "record {number} is {}, not an object",
                    json_kind(&value)
                )));
            };
            let record = record_from_object(object, self.line.get(), number);
            if let Err(e) = (self.on_record)(record) {
                *self.stopped = Some(e);
                return Err(A::Error::custom("stopped"));
            }
        }
        Ok(())
    }
}

pub fn read_jsonl(
    input: &Input,
    mut reader: impl BufRead,
    on_record: &mut dyn FnMut(SourceRecord) -> Result<()>,
) -> Result<()> {
    let mut buf = Vec::new();
    let mut line = 0;
    let mut number = 0;
    loop {
        buf.clear();
        if reader
            .read_until(b'\n', &mut buf)
            .with_context(|| super::cannot_read(input))?
            == 0
        {
            return Ok(());
        }
        line += 1;
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        number += 1;
        let value: Value = serde_json::from_slice(&buf).map_err(|e| {
            anyhow!(
                "{}",
                tr(
                    "file-json-line-malformed",
                    &[
                        ("file", input.to_string().into()),
                        ("line", line.into()),
                        ("column", e.column().into()),
                        ("error", e.to_string().into()),
                    ],
                )
            )
        })?;
        let Value::Object(object) = value else {
            bail!(
                "{}",
                tr(
                    "file-json-not-an-object",
                    &[
                        ("file", input.to_string().into()),
                        ("line", line.into()),
                        ("found", tr(json_kind_key(&value), &[]).into()),
                    ],
                )
            );
        };
        on_record(record_from_object(object, line, number))?;
    }
}

/// The message that names a JSON value's kind (`a string`, `строка`).
fn json_kind_key(value: &Value) -> &'static str {
    match value {
        Value::Null => "json-null",
        Value::Bool(_) => "json-boolean",
        Value::Number(_) => "json-number",
        Value::String(_) => "json-string",
        Value::Array(_) => "json-array",
        Value::Object(_) => "json-object",
    }
}

fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Flattens a JSON object to columns: strings as they are, numbers and booleans as written,
/// null as absent, nested values as JSON text; `answers` becomes the answers list.
fn record_from_object(object: Map<String, Value>, line: u64, number: u64) -> SourceRecord {
    let mut record = SourceRecord {
        line,
        number,
        ..SourceRecord::default()
    };
    for (key, value) in object {
        if key.trim().eq_ignore_ascii_case("answers")
            && let Value::Array(items) = &value
        {
            record.answers = Some(items.iter().map(answer_from_value).collect());
            continue;
        }
        if let Some(text) = json_text(value) {
            record.columns.push(key, text);
        }
    }
    record
}

fn json_text(value: Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(s) => Some(s),
        other => Some(other.to_string()),
    }
}

fn answer_from_value(value: &Value) -> SourceAnswer {
    let get = |keys: &[&str]| {
        keys.iter().find_map(|k| {
            value
                .as_object()?
                .iter()
                .find(|(key, _)| key.trim().eq_ignore_ascii_case(k))
                .and_then(|(_, v)| json_text(v.clone()))
        })
    };
    match value {
        Value::Object(_) => SourceAnswer {
            answered_at: get(&["answered_at", "date"]),
            answered_by: get(&["answered_by", "author"]),
            text: get(&["text", "answer_text", "answer"]),
        },
        other => SourceAnswer {
            text: json_text(other.clone()),
            ..SourceAnswer::default()
        },
    }
}
