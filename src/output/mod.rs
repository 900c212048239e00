//! One writer for every report and export: rows of any serialisable type, in a fixed column
//! order, as a terminal table, CSV, TSV, JSON, JSON Lines or Markdown; to stdout or, through a
//! temporary file renamed at the end, to `--output FILE`. HTML is a page per report (`html`).

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use comfy_table::{CellAlignment, ContentArrangement, Table, presets};
use serde::Serialize;
use serde_json::Value;

pub mod columns;
pub mod fit;
pub mod html;
pub mod methodology;
pub mod weekly;
pub mod words;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    #[default]
    Table,
    Csv,
    Tsv,
    Json,
    Jsonl,
    Md,
    Html,
}

/// Where results go: stdout, or a file that appears only once it is complete.
pub struct Destination {
    target: Option<PathBuf>,
    temp: Option<tempfile::NamedTempFile>,
    writer: BufWriter<Box<dyn Write>>,
}

impl Destination {
    pub fn open(output: Option<&Path>) -> Result<Destination> {
        match output {
            None => Ok(Destination {
                target: None,
                temp: None,
                writer: BufWriter::new(Box::new(io::stdout().lock())),
            }),
            Some(path) => {
                let dir = match path.parent() {
                    Some(p) if !p.as_os_str().is_empty() => p,
                    _ => Path::new("."),
                };
                let temp = tempfile::Builder::new()
                    .prefix(".appeal-audit-")
                    .tempfile_in(dir)
                    .with_context(|| {
                        format!(
                            "cannot write in {}: check the --output folder",
                            dir.display()
                        )
                    })?;
                let file = temp.reopen()?;
                Ok(Destination {
                    target: Some(path.to_path_buf()),
                    temp: Some(temp),
                    writer: BufWriter::new(Box::new(file)),
                })
            }
        }
    }

    /// The terminal's width when results go to one (never for `--output`): tables fit it.
    pub fn terminal_width(&self) -> Option<usize> {
        if self.target.is_some() {
            None
        } else {
            fit::stdout_width()
        }
    }

    pub fn writer(&mut self) -> &mut dyn Write {
        &mut self.writer
    }

    /// Flushes, and for a file moves it into place.
    pub fn finish(mut self) -> Result<()> {
        self.writer.flush()?;
        if let (Some(temp), Some(target)) = (self.temp.take(), &self.target) {
            // A temporary file is private (0600); the finished one is for sharing, like any
            // file the user writes, or keeps the permissions of the file it replaces.
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let permissions = std::fs::metadata(target)
                    .map(|m| m.permissions())
                    .unwrap_or_else(|_| std::fs::Permissions::from_mode(0o644));
                std::fs::set_permissions(temp.path(), permissions)?;
            }
            temp.persist(target)
                .with_context(|| format!("cannot write {}", target.display()))?;
        }
        Ok(())
    }
}

/// Rows ready to write: the column names, and each row's values in that order.
#[derive(Debug, Clone)]
pub struct Rows {
    pub columns: Vec<String>,
    pub values: Vec<Vec<Value>>,
}

impl Rows {
    /// Serialises each row and takes its fields in the order of `columns` (a missing field is null).
    pub fn from_serialize<T: Serialize>(columns: &[&str], rows: &[T]) -> Result<Rows> {
        let mut values = Vec::with_capacity(rows.len());
        for row in rows {
            let Value::Object(mut map) = serde_json::to_value(row)? else {
                bail!("internal: a report row is not an object");
            };
            values.push(
                columns
                    .iter()
                    .map(|c| map.remove(*c).unwrap_or(Value::Null))
                    .collect(),
            );
        }
        Ok(Rows {
            columns: columns.iter().map(|c| c.to_string()).collect(),
            values,
        })
    }
}

/// The text of one value in a delimited or table cell: null is empty.
pub fn cell_text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        other => other.to_string(),
    }
}

/// How delimited output is shaped for spreadsheets.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    /// UTF-8 byte-order mark and CRLF line ends, so that Excel shows Cyrillic right.
    pub excel: bool,
    /// Neutralise text cells a spreadsheet would run as a formula.
    pub protect_formulas: bool,
}

pub fn write(out: &mut dyn Write, format: Format, rows: &Rows) -> Result<()> {
    write_styled(out, format, rows, Style::default())
}

pub fn write_styled(out: &mut dyn Write, format: Format, rows: &Rows, style: Style) -> Result<()> {
    match format {
        // Only the formats people read take the run's language.
        Format::Table => write_table(out, &words::for_people(rows, crate::i18n::lang())),
        Format::Csv => write_delimited(out, rows, b',', style),
        Format::Tsv => write_delimited(out, rows, b'\t', style),
        Format::Json => {
            let array: Vec<Value> = objects(rows).collect();
            serde_json::to_writer_pretty(&mut *out, &array)?;
            writeln!(out)?;
            Ok(())
        }
        Format::Jsonl => {
            for object in objects(rows) {
                serde_json::to_writer(&mut *out, &object)?;
                writeln!(out)?;
            }
            Ok(())
        }
        Format::Md => write_markdown(out, &words::for_people(rows, crate::i18n::lang())),
        Format::Html => bail!(
            "--format html makes a page with charts for a report: use it with report routing, \
             forwards, silence, changes or weekly, or audit"
        ),
    }
}

fn objects(rows: &Rows) -> impl Iterator<Item = Value> + '_ {
    rows.values.iter().map(|values| {
        Value::Object(
            rows.columns
                .iter()
                .cloned()
                .zip(values.iter().cloned())
                .collect(),
        )
    })
}

fn write_delimited(out: &mut dyn Write, rows: &Rows, delimiter: u8, style: Style) -> Result<()> {
    if style.excel {
        out.write_all("\u{feff}".as_bytes())?;
    }
    let terminator = if style.excel {
        csv::Terminator::CRLF
    } else {
        csv::Terminator::Any(b'\n')
    };
    let mut csv = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(terminator)
        .from_writer(out);
    csv.write_record(&rows.columns)?;
    for values in &rows.values {
        csv.write_record(values.iter().map(|v| match v {
            Value::String(s) if style.protect_formulas => neutralise(s),
            other => cell_text(other),
        }))?;
    }
    csv.flush()?;
    Ok(())
}

/// A text cell that a spreadsheet would run as a formula gets a leading apostrophe, as OWASP
/// recommends for CSV injection; numbers are JSON numbers here and never reach this.
pub fn neutralise(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

fn write_table(out: &mut dyn Write, rows: &Rows) -> Result<()> {
    let mut table = Table::new();
    table
        .load_preset(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(&rows.columns);
    for values in &rows.values {
        table.add_row(values.iter().map(|v| {
            let cell = comfy_table::Cell::new(cell_text(v));
            if v.is_number() {
                cell.set_alignment(CellAlignment::Right)
            } else {
                cell
            }
        }));
    }
    if rows.values.is_empty() {
        writeln!(out, "{}", crate::i18n::tr("no-rows", &[]))?;
        return Ok(());
    }
    writeln!(out, "{table}")?;
    Ok(())
}

fn write_markdown(out: &mut dyn Write, rows: &Rows) -> Result<()> {
    let escape = |s: String| s.replace('|', "\\|").replace('\n', " ");
    writeln!(out, "| {} |", rows.columns.join(" | "))?;
    let rule: Vec<&str> = rows.columns.iter().map(|_| "---").collect();
    writeln!(out, "| {} |", rule.join(" | "))?;
    for values in &rows.values {
        let cells: Vec<String> = values.iter().map(|v| escape(cell_text(v))).collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Row {
        name: String,
        n: i64,
        pct: Option<f64>,
    }

    fn sample() -> Rows {
        let rows = [
            Row {
                name: "Управление, \"ЖКХ\"".into(),
                n: 3,
                pct: Some(15.4),
            },
            Row {
                name: "b|c".into(),
                n: 0,
                pct: None,
            },
        ];
        Rows::from_serialize(&["name", "n", "pct"], &rows).unwrap()
    }

    fn render(format: Format) -> String {
        let mut out = Vec::new();
        write(&mut out, format, &sample()).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn every_format_keeps_the_column_order_and_nulls() {
        assert_eq!(
            render(Format::Csv),
            "name,n,pct\n\"Управление, \"\"ЖКХ\"\"\",3,15.4\nb|c,0,\n"
        );
        assert_eq!(
            render(Format::Tsv),
            "name\tn\tpct\n\"Управление, \"\"ЖКХ\"\"\"\t3\t15.4\nb|c\t0\t\n"
        );
        assert_eq!(
            render(Format::Jsonl),
            "{\"name\":\"Управление, \\\"ЖКХ\\\"\",\"n\":3,\"pct\":15.4}\n{\"name\":\"b|c\",\"n\":0,\"pct\":null}\n"
        );
        assert!(render(Format::Md).contains("| b\\|c | 0 |  |"));
        let json: Value = serde_json::from_str(&render(Format::Json)).unwrap();
        assert_eq!(json[1]["pct"], Value::Null);
    }
}
