//! One writer for every report and export: rows of any serialisable type, in a fixed column
//! order, as a terminal table, CSV, TSV, JSON, JSON Lines or Markdown; to stdout or, through a
//! temporary file renamed at the end, to `--output FILE`; or as an Excel workbook (`xlsx`). HTML
//! is a page per report (`html`).

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use comfy_table::{CellAlignment, ContentArrangement, Table, presets};
use serde_json::Value;

use crate::i18n::tr;
pub use crate::rows::Rows;
use crate::rows::object;

pub mod columns;
pub mod fit;
pub mod html;
pub mod manual;
pub mod methodology;
pub mod parquet;
mod spill;
pub mod weekly;
pub mod words;
pub mod xlsx;

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
    /// An Excel workbook: typed cells, a frozen header with filters (give --output FILE).
    Xlsx,
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
                let temp = temp_beside(path)?;
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
            temp.persist(target).with_context(|| cannot_write(target))?;
        }
        Ok(())
    }
}

/// The folder a file is written in: its parent, or the current folder for a bare name.
pub fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// A private temporary file in the folder of `path`, to be renamed to it once complete (a
/// rename within one folder is atomic).
pub fn temp_beside(path: &Path) -> Result<tempfile::NamedTempFile> {
    let dir = folder_of(path);
    tempfile::Builder::new()
        .prefix(".appeal-audit-")
        .tempfile_in(dir)
        .with_context(|| cannot_write_in(dir))
}

/// A temporary file with no name in the folder of `path`, gone when closed: for data that
/// lives only while `path` is written (on the output's disk, not in a tmpfs `/tmp`).
pub fn scratch_beside(path: &Path) -> Result<std::fs::File> {
    let dir = folder_of(path);
    tempfile::tempfile_in(dir).with_context(|| cannot_write_in(dir))
}

/// `cannot write in DIR: check the --output folder`, in the run's language.
pub fn cannot_write_in(dir: &Path) -> String {
    tr(
        "output-folder",
        &[("dir", dir.display().to_string().into())],
    )
}

/// `cannot write FILE`, in the run's language.
pub fn cannot_write(path: &Path) -> String {
    tr(
        "cannot-write",
        &[("path", path.display().to_string().into())],
    )
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

/// A cell's text as table and Markdown show it: `cell_text`, then `visible`.
pub fn visible_cell(value: &Value) -> String {
    use crate::visible::visible;
    visible(&cell_text(value)).into_owned()
}

/// How delimited output is shaped for spreadsheets.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    /// UTF-8 byte-order mark and CRLF line ends, so that Excel shows Cyrillic right.
    pub excel: bool,
    /// Neutralise text cells a spreadsheet would run as a formula.
    pub protect_formulas: bool,
    /// The catalogue table the rows' columns come from: xlsx types its cells by their kinds.
    pub table: Option<&'static [crate::catalogue::Column]>,
}

pub fn write(out: &mut dyn Write, format: Format, rows: &Rows) -> Result<()> {
    write_styled(out, format, rows, Style::default())
}

pub fn write_styled(out: &mut dyn Write, format: Format, rows: &Rows, style: Style) -> Result<()> {
    let columns: Vec<&str> = rows.columns.iter().map(String::as_str).collect();
    let mut writer = RowWriter::start(out, format, &columns, style)?;
    for values in &rows.values {
        writer.push(values.clone())?;
    }
    writer.finish()?;
    Ok(())
}

/// The one writer: rows pushed one at a time, in a fixed column order, written as they come in
/// every format a machine reads (CSV, TSV, JSON Lines, and a JSON array element by element),
/// so that memory stays flat however many rows a store cursor yields. A terminal table and
/// Markdown collect their rows, since their widths need them all; their rows are few.
pub struct RowWriter<'w> {
    columns: Vec<String>,
    /// Rows written so far.
    count: u64,
    shape: Shape<'w>,
}

enum Shape<'w> {
    Delimited {
        csv: Box<csv::Writer<&'w mut dyn Write>>,
        protect_formulas: bool,
    },
    Json {
        out: &'w mut dyn Write,
    },
    Jsonl {
        out: &'w mut dyn Write,
    },
    Collected {
        out: &'w mut dyn Write,
        format: Format,
        values: Vec<Vec<Value>>,
    },
    Xlsx(Box<xlsx::Sheet<'w>>),
}

impl<'w> RowWriter<'w> {
    /// Starts writing rows of `columns` to `out`: the header, for the formats that have one.
    pub fn start(
        out: &'w mut dyn Write,
        format: Format,
        columns: &[&str],
        style: Style,
    ) -> Result<RowWriter<'w>> {
        let columns: Vec<String> = columns.iter().map(|c| c.to_string()).collect();
        let shape = match format {
            Format::Csv | Format::Tsv => {
                let delimiter = if format == Format::Csv { b',' } else { b'\t' };
                Shape::Delimited {
                    csv: Box::new(delimited(out, &columns, delimiter, style)?),
                    protect_formulas: style.protect_formulas,
                }
            }
            Format::Json => Shape::Json { out },
            Format::Jsonl => Shape::Jsonl { out },
            Format::Table | Format::Md => Shape::Collected {
                out,
                format,
                values: Vec::new(),
            },
            Format::Xlsx => Shape::Xlsx(Box::new(xlsx::Sheet::start(out, &columns, style.table)?)),
            Format::Html => bail!("{}", tr("html-only-reports", &[])),
        };
        Ok(RowWriter {
            columns,
            count: 0,
            shape,
        })
    }

    /// Writes one row, its values in the order of the columns.
    pub fn push(&mut self, values: Vec<Value>) -> Result<()> {
        match &mut self.shape {
            Shape::Delimited {
                csv,
                protect_formulas,
            } => {
                csv.write_record(values.iter().map(|v| match v {
                    Value::String(s) if *protect_formulas => neutralise(s),
                    other => cell_text(other),
                }))?;
            }
            Shape::Json { out } => {
                // serde_json's pretty array, one element at a time: each element's own pretty
                // text indented one level, so the bytes are those of the whole array at once.
                out.write_all(if self.count == 0 { b"[\n" } else { b",\n" })?;
                let text = serde_json::to_string_pretty(&object(&self.columns, values))?;
                for (i, line) in text.lines().enumerate() {
                    if i > 0 {
                        out.write_all(b"\n")?;
                    }
                    out.write_all(b"  ")?;
                    out.write_all(line.as_bytes())?;
                }
            }
            Shape::Jsonl { out } => {
                serde_json::to_writer(&mut **out, &object(&self.columns, values))?;
                writeln!(out)?;
            }
            Shape::Collected { values: rows, .. } => rows.push(values),
            Shape::Xlsx(sheet) => sheet.push(&values)?,
        }
        self.count += 1;
        Ok(())
    }

    /// Ends the output (the closing bracket, or the whole table) and says how many rows it has.
    pub fn finish(self) -> Result<u64> {
        let RowWriter {
            columns,
            count,
            shape,
        } = self;
        match shape {
            Shape::Delimited { mut csv, .. } => csv.flush()?,
            Shape::Json { out } => {
                out.write_all(if count == 0 { b"[]\n" } else { b"\n]\n" })?;
            }
            Shape::Jsonl { .. } => {}
            Shape::Xlsx(sheet) => sheet.finish()?,
            Shape::Collected {
                out,
                format,
                values,
            } => {
                // Only the formats people read take the run's language.
                let collected = Rows { columns, values };
                let rows = words::for_people(&collected, crate::i18n::lang());
                if format == Format::Md {
                    write_markdown(out, &rows)?;
                } else {
                    write_table(out, &rows)?;
                }
            }
        }
        Ok(count)
    }
}

/// A CSV or TSV writer whose header is written: for Excel, after a byte-order mark and with
/// CRLF line ends.
fn delimited<'w>(
    out: &'w mut dyn Write,
    columns: &[String],
    delimiter: u8,
    style: Style,
) -> Result<csv::Writer<&'w mut dyn Write>> {
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
    csv.write_record(columns)?;
    Ok(csv)
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
            let cell = comfy_table::Cell::new(visible_cell(v));
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
        let cells: Vec<String> = values.iter().map(|v| escape(visible_cell(v))).collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::visible::{is_bidi_control, visible};
    use serde::Serialize;

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
        use crate::catalogue::{Column, ColumnKind};
        let columns = [
            Column::new("name", ColumnKind::Category, "A name."),
            Column::new("n", ColumnKind::Int, "A count."),
            Column::new("pct", ColumnKind::Decimal, "A share."),
        ];
        Rows::from_serialize(&columns, &rows).unwrap()
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

    #[test]
    fn control_characters_are_shown_escaped_in_table_and_markdown_only() {
        let nasty = "\u{1b}[2J\u{1b}]0;owned\u{7}red\u{9b}31m\u{7f} \u{202e}gpj.exe\ta\r\nb\rc";
        let rows = Rows {
            columns: vec!["name".into()],
            values: vec![vec![Value::String(nasty.into())]],
        };
        let shown =
            "\\u{1b}[2J\\u{1b}]0;owned\\u{7}red\\u{9b}31m\\u{7f} \\u{202e}gpj.exe\ta\nb\\u{d}c";
        assert_eq!(visible(nasty), shown);
        assert_eq!(visible("Исабаев Б.Б."), "Исабаев Б.Б.");
        for format in [Format::Table, Format::Md] {
            let mut out = Vec::new();
            write(&mut out, format, &rows).unwrap();
            let out = String::from_utf8(out).unwrap();
            assert!(
                !out.chars()
                    .any(|c| !matches!(c, '\n' | '\t') && c.is_control() || is_bidi_control(c)),
                "{format:?}: {out:?}"
            );
            assert!(out.contains("\\u{1b}[2J"), "{format:?}: {out}");
        }
        // Machine formats keep every byte.
        let mut out = Vec::new();
        write(&mut out, Format::Jsonl, &rows).unwrap();
        let back: Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(back["name"], nasty);
    }

    #[test]
    fn json_written_row_by_row_is_the_pretty_array_at_once() {
        let all = sample();
        for n in 0..=all.values.len() {
            let rows = Rows {
                columns: all.columns.clone(),
                values: all.values[..n].to_vec(),
            };
            let mut streamed = Vec::new();
            write(&mut streamed, Format::Json, &rows).unwrap();
            let objects: Vec<Value> = rows
                .values
                .iter()
                .map(|v| object(&rows.columns, v.clone()))
                .collect();
            let mut whole = serde_json::to_vec_pretty(&objects).unwrap();
            whole.push(b'\n');
            assert_eq!(
                String::from_utf8(streamed).unwrap(),
                String::from_utf8(whole).unwrap()
            );
        }
    }
}
