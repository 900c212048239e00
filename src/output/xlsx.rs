//! An Excel workbook of one sheet for people who open results by double-click: cells typed by
//! the catalogue's `ColumnKind` (numbers, dates, booleans), a bold frozen header row with an
//! autofilter, and columns as wide as their text. Dates carry an explicit `yyyy-mm-dd` format
//! and numbers are numbers, so no locale's decimal comma or date order can misread them, as it
//! does CSV in Excel.
//!
//! The sheet is written in rust_xlsxwriter's constant-memory mode (rows go to a temporary file
//! as they come), so an export's memory stays flat; the finished zip is assembled in another
//! temporary file and copied to the output, which therefore need not be seekable (a pipe).

use std::io::{Seek, Write};
use std::path::Path;

use anyhow::{Context, Result, bail};
use rust_xlsxwriter::{ExcelDateTime, Format as CellFormat, Workbook};
use serde_json::Value;

use crate::catalogue::{Column, ColumnKind};
use crate::i18n::tr;
use crate::records::dates::{DateValue, iso_date, read_date};
use crate::usage::UsageError;

/// Rows a sheet holds under its header: Excel's limit is 1,048,576 rows in all.
const MAX_ROWS: u32 = 1_048_575;

/// Characters a cell holds in Excel.
const MAX_CELL_CHARS: usize = 32_767;

/// Columns never grow wider than this many characters: long texts wrap nowhere and would push
/// every other column off the screen.
const MAX_WIDTH: usize = 60;

/// xlsx is binary: refused when it would go to a terminal (give --output FILE), as Parquet is;
/// a pipe or a redirection takes it.
pub fn check_destination(output: Option<&Path>) -> Result<(), UsageError> {
    use std::io::IsTerminal;
    if output.is_none() && std::io::stdout().is_terminal() {
        return Err(UsageError::new(tr("usage-xlsx-terminal", &[])));
    }
    Ok(())
}

/// One sheet being written, row by row.
pub struct Sheet<'w> {
    out: &'w mut dyn Write,
    workbook: Workbook,
    /// Each column's kind, where the catalogue gives one; else a cell is typed by its value.
    kinds: Vec<Option<ColumnKind>>,
    /// The widest text seen in each column, in characters.
    widths: Vec<usize>,
    names: Vec<String>,
    /// The next row to write (0 is the header).
    row: u32,
    date: CellFormat,
    timestamp: CellFormat,
}

impl<'w> Sheet<'w> {
    /// Starts a sheet of `columns` with its header; `table` is the catalogue table they come
    /// from, whose kinds type the cells (columns it lacks are typed by their values).
    pub fn start(
        out: &'w mut dyn Write,
        columns: &[String],
        table: Option<&[Column]>,
    ) -> Result<Sheet<'w>> {
        let mut workbook = Workbook::new();
        let sheet = workbook
            .add_worksheet_with_constant_memory()
            .context("cannot create the temporary file the xlsx sheet is written to")?;
        let header = CellFormat::new().set_bold();
        for (col, name) in columns.iter().enumerate() {
            sheet.write_string_with_format(0, col_num(col)?, name, &header)?;
        }
        let kinds = columns
            .iter()
            .map(|name| {
                table
                    .and_then(|t| t.iter().find(|c| c.name == name))
                    .map(|c| c.kind)
            })
            .collect();
        Ok(Sheet {
            out,
            workbook,
            kinds,
            widths: columns.iter().map(|c| c.chars().count()).collect(),
            names: columns.to_vec(),
            row: 1,
            date: CellFormat::new().set_num_format("yyyy-mm-dd"),
            timestamp: CellFormat::new().set_num_format("yyyy-mm-dd hh:mm:ss"),
        })
    }

    /// Writes one row, its values in the order of the columns.
    pub fn push(&mut self, values: &[Value]) -> Result<()> {
        if self.row > MAX_ROWS {
            bail!(
                "{}",
                tr(
                    "xlsx-too-many-rows",
                    &[("max", MAX_ROWS.to_string().into())]
                )
            );
        }
        let row = self.row;
        let sheet = self.workbook.worksheet_from_index(0)?;
        for (col, value) in values.iter().enumerate() {
            let at = col_num(col)?;
            let kind = self.kinds.get(col).copied().flatten();
            // A date that Excel cannot hold (before 1900) or that does not read as one stays
            // text: nothing is lost.
            let date = match (value, kind) {
                (Value::String(s), Some(ColumnKind::Date | ColumnKind::Timestamp)) => excel_date(s),
                _ => None,
            };
            let shown = match (value, kind) {
                (Value::Null, _) => 0,
                (Value::Bool(b), _) => {
                    sheet.write_boolean(row, at, *b)?;
                    5
                }
                (Value::Number(n), _) => {
                    // A JSON number is an integer or a decimal; both fit an f64 as Excel keeps them.
                    let number = n.as_f64().unwrap_or_default();
                    sheet.write_number(row, at, number)?;
                    n.to_string().len()
                }
                (Value::String(_), Some(ColumnKind::Date | ColumnKind::Timestamp))
                    if date.is_some() =>
                {
                    let (format, width) = match kind {
                        Some(ColumnKind::Date) => (&self.date, 10),
                        _ => (&self.timestamp, 19),
                    };
                    if let Some(date) = date {
                        sheet.write_datetime_with_format(row, at, date, format)?;
                    }
                    width
                }
                (Value::String(s), _) => {
                    let chars = s.chars().count();
                    if chars > MAX_CELL_CHARS {
                        bail!(
                            "{}",
                            tr(
                                "xlsx-cell-too-long",
                                &[
                                    ("row", row.to_string().into()),
                                    ("column", self.names[col].clone().into()),
                                    ("chars", chars.to_string().into()),
                                    ("max", MAX_CELL_CHARS.to_string().into()),
                                ],
                            )
                        );
                    }
                    // Written as a string, never a formula: no formula protection is needed.
                    sheet.write_string(row, at, s)?;
                    chars
                }
                (other, _) => {
                    let text = other.to_string();
                    sheet.write_string(row, at, &text)?;
                    text.len()
                }
            };
            if let Some(width) = self.widths.get_mut(col) {
                *width = (*width).max(shown);
            }
        }
        self.row += 1;
        Ok(())
    }

    /// Freezes the header, sets the filter over every row and the widths, and writes the
    /// finished workbook to the output.
    pub fn finish(mut self) -> Result<()> {
        let last_row = self.row - 1;
        let last_col = col_num(self.names.len().saturating_sub(1))?;
        let sheet = self.workbook.worksheet_from_index(0)?;
        sheet.set_freeze_panes(1, 0)?;
        if !self.names.is_empty() {
            sheet.autofilter(0, 0, last_row, last_col)?;
        }
        for (col, width) in self.widths.iter().enumerate() {
            // Room for the filter's button beside the header.
            let width = (*width).min(MAX_WIDTH) + 3;
            sheet.set_column_width(col_num(col)?, width as f64)?;
        }
        let mut file =
            tempfile::tempfile().context("cannot create a temporary file for the xlsx workbook")?;
        self.workbook.save_to_writer(&mut file)?;
        file.rewind()?;
        std::io::copy(&mut file, self.out)?;
        Ok(())
    }
}

fn col_num(col: usize) -> Result<u16> {
    u16::try_from(col)
        .ok()
        .filter(|&c| c < 16_384)
        .with_context(|| tr("xlsx-too-many-columns", &[]))
}

/// A stored date, or date and time, as Excel's; None when it is not one Excel can hold.
fn excel_date(text: &str) -> Option<ExcelDateTime> {
    use chrono::{Datelike, Timelike};
    let value = match iso_date(text) {
        Some(date) => DateValue { date, time: None },
        None => read_date(text).ok()?,
    };
    let d = value.date;
    let date = ExcelDateTime::from_ymd(
        u16::try_from(d.year()).ok()?,
        d.month() as u8,
        d.day() as u8,
    )
    .ok()?;
    match value.time {
        None => Some(date),
        Some(t) => date
            .and_hms(t.hour() as u16, t.minute() as u8, t.second())
            .ok(),
    }
}
