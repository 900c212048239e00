//! CSV (with any of the delimiters) into source records, each field checked to be UTF-8, and a
//! quote left open at the end of the file or a NUL byte refused with the line it is on.

use std::io::{self, Read};
use std::sync::Arc;

use anyhow::{Result, anyhow, bail};

use super::{Columns, Input, SourceRecord};
use crate::i18n::tr;

pub fn read_csv(
    input: &Input,
    reader: impl Read,
    delimiter: u8,
    on_record: &mut dyn FnMut(SourceRecord) -> Result<()>,
) -> Result<()> {
    let reader = QuoteCheck::new(reader, delimiter);
    let mut csv = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(true)
        .flexible(false)
        .from_reader(reader);
    let headers: Arc<[String]> = csv
        .headers()
        .map_err(|e| csv_error(input, e))?
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').to_string())
        .collect();
    // Bytes, checked here with simdutf8: the csv crate's own check of each field is std's
    // from_utf8, which took an eighth of a re-import's reading on Cyrillic texts.
    let mut number = 0;
    // The last row's size: a new row is allocated once, not grown field by field.
    let mut size = (1024, headers.len());
    loop {
        // A new record each time: it goes to the writer whole.
        let mut fields = csv::ByteRecord::with_capacity(size.0, size.1);
        if !csv
            .read_byte_record(&mut fields)
            .map_err(|e| csv_error(input, e))?
        {
            break;
        }
        number += 1;
        size = (fields.as_slice().len().max(64) * 5 / 4, fields.len());
        let line = fields.position().map_or(0, |p| p.line());
        if let Some(index) = fields
            .iter()
            .position(|f| simdutf8::basic::from_utf8(f).is_err())
        {
            let field = fields.get(index).unwrap_or_default();
            // Only on the error path: std's check says where the bad byte is.
            let bad = std::str::from_utf8(field)
                .err()
                .map_or(0, |e| e.valid_up_to());
            let byte = field.get(bad).copied().unwrap_or_default();
            let offset = fields.position().map_or(0, |p| p.byte());
            bail!(
                "{}",
                tr(
                    "file-invalid-utf8-at",
                    &[
                        ("file", input.to_string().into()),
                        ("line", line.into()),
                        ("field", (index + 1).into()),
                        ("byte", format!("0x{byte:02X}").into()),
                        ("offset", offset.to_string().into()),
                    ],
                )
            );
        }
        let columns = Columns::Row {
            headers: Arc::clone(&headers),
            fields,
        };
        on_record(SourceRecord {
            line,
            number,
            columns,
            answers: None,
        })?;
    }
    let check = csv.get_ref();
    if check.state == Quoting::Quoted {
        bail!(
            "{}",
            tr(
                "file-unclosed-quote",
                &[
                    ("file", input.to_string().into()),
                    ("line", check.opened.into()),
                ],
            )
        );
    }
    Ok(())
}

/// Follows the CSV parser's quoting (csv-core's rules) on the bytes it reads, because the parser
/// ends a quoted field that is still open at the end of the file without a word: a stray quote
/// in the last column would silently swallow every line after it. Also refuses NUL bytes past
/// the sample that is checked before parsing.
struct QuoteCheck<R> {
    inner: R,
    delimiter: u8,
    /// The bytes that can change the state: NUL, line ends, the quote and the delimiter.
    special: [bool; 256],
    state: Quoting,
    line: u64,
    /// The line the quoted field being read opened on.
    opened: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quoting {
    FieldStart,
    Unquoted,
    Quoted,
    /// A quote inside a quoted field: it closes the field, or a second one follows.
    QuoteInQuoted,
}

impl<R> QuoteCheck<R> {
    fn new(inner: R, delimiter: u8) -> QuoteCheck<R> {
        let mut special = [false; 256];
        for b in [0, b'\n', b'\r', b'"', delimiter] {
            special[b as usize] = true;
        }
        QuoteCheck {
            inner,
            delimiter,
            special,
            state: Quoting::FieldStart,
            line: 1,
            opened: 0,
        }
    }
}

impl<R: Read> Read for QuoteCheck<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut rest = &buf[..n];
        while let Some((&b, tail)) = rest.split_first() {
            if self.state == Quoting::Quoted && b != b'"' && b != b'\n' && b != 0 {
                // Inside quotes (most of a file of long texts) only a quote, a line end (to
                // count lines) and NUL matter: jump to the next with memchr.
                let run = memchr::memchr3(b'"', b'\n', 0, tail);
                rest = &tail[run.unwrap_or(tail.len())..];
                continue;
            }
            if !self.special[b as usize] {
                // Any other byte is text: a quoted field stays open, anything else is in an
                // unquoted field. Skip the run of them at once.
                if self.state != Quoting::Quoted {
                    self.state = Quoting::Unquoted;
                }
                let run = tail.iter().position(|&c| self.special[c as usize]);
                rest = &tail[run.unwrap_or(tail.len())..];
                continue;
            }
            rest = tail;
            self.state = match (self.state, b) {
                (_, 0) => {
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        tr("file-nul", &[("line", self.line.into())]),
                    ));
                }
                (Quoting::FieldStart, b'"') => {
                    self.opened = self.line;
                    Quoting::Quoted
                }
                (Quoting::Quoted, b'"') => Quoting::QuoteInQuoted,
                (Quoting::Quoted, _) | (Quoting::QuoteInQuoted, b'"') => Quoting::Quoted,
                (_, b'\n' | b'\r') => Quoting::FieldStart,
                (_, c) if c == self.delimiter => Quoting::FieldStart,
                // A quote inside an unquoted field is text.
                _ => Quoting::Unquoted,
            };
            if b == b'\n' {
                self.line += 1;
            }
        }
        Ok(n)
    }
}

fn csv_error(input: &Input, error: csv::Error) -> anyhow::Error {
    let line = error.position().map(|p| p.line());
    let what = match error.kind() {
        csv::ErrorKind::Utf8 { err, .. } => {
            tr("file-invalid-utf8", &[("field", (err.field() + 1).into())])
        }
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => tr(
            "file-unequal-fields",
            &[("len", (*len).into()), ("expected", (*expected_len).into())],
        ),
        // QuoteCheck's finding names its line itself.
        csv::ErrorKind::Io(e) if e.kind() == io::ErrorKind::InvalidData => {
            return anyhow!("{input}, {e}");
        }
        // The system's error stays a cause, to be told in the run's language.
        csv::ErrorKind::Io(e) => {
            let place = line.map_or(input.to_string(), |line| at_line(input, line));
            return anyhow::Error::new(io::Error::new(e.kind(), e.to_string()))
                .context(tr("cannot-read", &[("path", place.into())]));
        }
        _ => tr("file-malformed-csv", &[("error", error.to_string().into())]),
    };
    match line {
        Some(line) => anyhow!("{}: {what}", at_line(input, line)),
        None => anyhow!("{input}: {what}"),
    }
}

/// `file.csv, line 7`, in the run's language.
fn at_line(input: &Input, line: u64) -> String {
    format!("{input}, {}", tr("import-line", &[("line", line.into())]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_check_finds_a_quote_left_open_at_the_end() {
        let state = |text: &str, chunk: usize| {
            let mut check = QuoteCheck::new(text.as_bytes(), b',');
            let mut buf = vec![0; chunk];
            while check.read(&mut buf).unwrap() > 0 {}
            (check.state == Quoting::Quoted, check.opened)
        };
        for chunk in [1, 2, 3, 7, 4096] {
            let closed = "a,b\r\n\"x,\"\"y\"\"\nz\",ab\"c\n\"q\"tail,\"\"\n";
            assert!(!state(closed, chunk).0, "{chunk}");
            assert_eq!(state("a,b\n1,\"open\n2,x\n", chunk), (true, 2), "{chunk}");
            assert!(!state("a,b\n1,x\"y\n", chunk).0, "{chunk}");
        }
        let mut check = QuoteCheck::new(&b"a,b\n1,\x002\n"[..], b',');
        let error = check.read(&mut [0; 64]).unwrap_err();
        assert!(
            error.to_string().starts_with("line 2: a NUL byte"),
            "{error}"
        );
    }
}
