//! Reads a data file of any accepted format and encoding into a stream of source records:
//! column name and value pairs with the line they came from. Knows nothing of fields; the
//! caller maps columns to the record contract.

use std::cell::Cell;
use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Chain, Cursor, Read};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::{Arc, mpsc};

use anyhow::{Context, Result, anyhow, bail};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1251};
use encoding_rs_io::DecodeReaderBytesBuilder;
use serde::de::{DeserializeSeed, Error as _, SeqAccess, Visitor};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

/// How much of a file is looked at to tell its encoding, format and delimiter.
const SNIFF_BYTES: usize = 64 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum InputFormat {
    #[default]
    Auto,
    Csv,
    Json,
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum InputEncoding {
    #[default]
    Auto,
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    #[value(name = "utf-16", alias = "utf16")]
    Utf16,
    #[value(name = "windows-1251", alias = "cp1251")]
    Windows1251,
}

#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    pub format: InputFormat,
    pub encoding: InputEncoding,
    pub delimiter: Option<u8>,
}

/// A file argument: a path, or `-` for standard input; or records made in memory (from pages
/// of the portal), each with where it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File(PathBuf),
    Memory(Arc<MemoryInput>),
}

/// Records made in memory as JSON Lines, one record a line: line N is `origins[N - 1]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemoryInput {
    /// What the imports log and the summary call it.
    pub name: String,
    pub jsonl: Vec<u8>,
    pub origins: Vec<RecordOrigin>,
}

/// Where a record made in memory was read: a page in an archive or a saved file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordOrigin {
    pub file: String,
    /// The WARC record's offset in `file` (0 for a saved page).
    pub offset: u64,
    pub url: String,
    /// The record's place on its page, from 1.
    pub position: u64,
}

impl MemoryInput {
    /// The origin of the record on `line`.
    pub fn origin(&self, line: u64) -> Option<&RecordOrigin> {
        self.origins
            .get(usize::try_from(line).ok()?.checked_sub(1)?)
    }
}

impl Input {
    pub fn from_arg(arg: &Path) -> Input {
        if arg.as_os_str() == "-" {
            Input::Stdin
        } else {
            Input::File(arg.to_path_buf())
        }
    }

    fn open(&self) -> Result<(Box<dyn Read>, Option<u64>)> {
        match self {
            Input::Stdin => Ok((Box::new(io::stdin().lock()), None)),
            Input::File(path) => {
                let file = File::open(path)
                    .with_context(|| format!("cannot open {}: check the path", path.display()))?;
                let size = file.metadata().ok().map(|m| m.len());
                Ok((Box::new(file), size))
            }
            Input::Memory(memory) => {
                let size = memory.jsonl.len() as u64;
                Ok((Box::new(Cursor::new(memory.jsonl.clone())), Some(size)))
            }
        }
    }
}

impl fmt::Display for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Input::Stdin => f.write_str("<stdin>"),
            Input::File(path) => write!(f, "{}", path.display()),
            Input::Memory(memory) => f.write_str(&memory.name),
        }
    }
}

/// One answer of a JSON record's `answers` array.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceAnswer {
    pub answered_at: Option<String>,
    pub answered_by: Option<String>,
    pub text: Option<String>,
}

/// One record as read: columns in file order, and for JSON the `answers` array if any.
#[derive(Debug, Clone, Default)]
pub struct SourceRecord {
    /// The line the record starts on (CSV, JSON Lines) or ends on (a JSON array).
    pub line: u64,
    /// 1-based position among the file's records.
    pub number: u64,
    pub columns: Columns,
    pub answers: Option<Vec<SourceAnswer>>,
}

/// A record's columns in file order: each column's name and value.
#[derive(Debug, Clone)]
pub enum Columns {
    /// Built one at a time (JSON).
    Pairs(Vec<(String, String)>),
    /// A CSV row as read: the header shared by every row, the fields in one buffer, each
    /// checked to be UTF-8. Two allocations a row where pairs take two a column: a weekly
    /// re-import, which types almost nothing, spent a fifth of its time allocating and freeing.
    Row {
        headers: Arc<[String]>,
        fields: csv::ByteRecord,
    },
}

impl Default for Columns {
    fn default() -> Columns {
        Columns::Pairs(Vec::new())
    }
}

impl Columns {
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.iter_raw().map(|(c, v)| (c, field_text(v)))
    }

    /// Names and the values' bytes (UTF-8, checked when read), for what needs no text.
    pub fn iter_raw(&self) -> impl Iterator<Item = (&str, &[u8])> {
        let (pairs, row) = match self {
            Columns::Pairs(pairs) => (Some(pairs), None),
            Columns::Row { headers, fields } => (None, Some((headers, fields))),
        };
        let pairs = pairs
            .into_iter()
            .flatten()
            .map(|(c, v)| (c.as_str(), v.as_bytes()));
        let row = row
            .into_iter()
            .flat_map(|(headers, fields)| headers.iter().map(String::as_str).zip(fields.iter()));
        pairs.chain(row)
    }

    pub fn push(&mut self, column: String, value: String) {
        match self {
            Columns::Pairs(pairs) => pairs.push((column, value)),
            Columns::Row { .. } => {
                let mut pairs = self.to_pairs();
                pairs.push((column, value));
                *self = Columns::Pairs(pairs);
            }
        }
    }

    fn to_pairs(&self) -> Vec<(String, String)> {
        self.iter()
            .map(|(c, v)| (c.to_string(), v.to_string()))
            .collect()
    }
}

/// A field's text, checked to be UTF-8 when it was read (so never empty for want of it).
pub fn field_text(field: &[u8]) -> &str {
    simdutf8::basic::from_utf8(field).unwrap_or_default()
}

impl IntoIterator for Columns {
    type Item = (String, String);
    type IntoIter = std::vec::IntoIter<(String, String)>;

    fn into_iter(self) -> Self::IntoIter {
        match self {
            Columns::Pairs(pairs) => pairs.into_iter(),
            row => row.to_pairs().into_iter(),
        }
    }
}

/// What was learnt about a file while reading it, for the imports log.
#[derive(Debug, Clone)]
pub struct FileFacts {
    pub format: InputFormat,
    pub encoding: &'static str,
    pub size: u64,
    pub sha256: String,
}

/// Counts every byte the parsers take and passes it to the hashing thread, so the imports log
/// gets the file's size and SHA-256 without a second pass, and the progress bar its position.
struct Tally<R> {
    inner: R,
    hashing: mpsc::SyncSender<Vec<u8>>,
    bytes: u64,
    progress: Option<indicatif::ProgressBar>,
}

impl<R: Read> Read for Tally<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        // The hashing thread only ends when this sender is dropped.
        let _ = self.hashing.send(buf[..n].to_vec());
        self.bytes += n as u64;
        if let Some(bar) = &self.progress {
            bar.set_position(self.bytes);
        }
        Ok(n)
    }
}

type Rewound<R> = Chain<Cursor<Vec<u8>>, R>;

/// Reads `input` and calls `on_record` for each record in order. Stops at the first error,
/// from the file or from `on_record`.
pub fn read_records(
    input: &Input,
    options: &ReadOptions,
    progress: Option<indicatif::ProgressBar>,
    on_record: &mut dyn FnMut(SourceRecord) -> Result<()>,
) -> Result<FileFacts> {
    let (raw, size) = input.open()?;
    if let (Some(bar), Some(size)) = (&progress, size) {
        bar.set_length(size);
    }
    // SHA-256 runs on a thread of its own: on the reading thread it took a tenth of the time,
    // and the writing thread often has a core to spare. The bound keeps memory flat.
    let (hashing, chunks) = mpsc::sync_channel::<Vec<u8>>(4);
    std::thread::scope(|scope| {
        let hasher = scope.spawn(move || {
            let mut hasher = Sha256::new();
            for chunk in chunks {
                hasher.update(&chunk);
            }
            format!("{:x}", hasher.finalize())
        });
        let tally = Tally {
            inner: raw,
            hashing,
            bytes: 0,
            progress,
        };
        let (mut facts, tally) = read_tallied(input, options, tally, on_record)?;
        drop(tally);
        facts.sha256 = hasher
            .join()
            .map_err(|_| anyhow!("internal error: the hashing thread panicked"))?;
        Ok(facts)
    })
}

/// `read_records` once its bytes are counted and hashed: returns the facts (all but the
/// SHA-256) and the tally, whose end lets the hashing thread finish.
fn read_tallied<'t>(
    input: &Input,
    options: &ReadOptions,
    mut tally: Tally<Box<dyn Read + 't>>,
    on_record: &mut dyn FnMut(SourceRecord) -> Result<()>,
) -> Result<(FileFacts, Tally<Box<dyn Read + 't>>)> {
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    (&mut tally)
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut head)
        .with_context(|| format!("cannot read {input}"))?;
    if head.iter().all(u8::is_ascii_whitespace) {
        bail!("{input} is empty: there is nothing to import (expected a header line or JSON)");
    }
    let (encoding, bom_len) = detect_encoding(&head, options.encoding)
        .with_context(|| format!("{input}: cannot tell the encoding"))?;
    let text_head = encoding
        .decode_without_bom_handling(&head[bom_len..])
        .0
        .into_owned();
    // A byte-order mark and blanks (what a spreadsheet saves for an empty sheet) is empty too.
    if text_head.trim().is_empty() {
        bail!("{input} is empty: there is nothing to import (expected a header line or JSON)");
    }
    if encoding != UTF_16LE && encoding != UTF_16BE && head.contains(&0) {
        bail!(
            "{input} looks like a binary file (it holds NUL bytes), not CSV, JSON or JSON Lines: \
             check that this is the scraped file"
        );
    }
    let format = match options.format {
        InputFormat::Auto => detect_format(input, &text_head),
        forced => forced,
    };
    let utf8 = encoding == UTF_8;
    let rewound: Rewound<&mut Tally<Box<dyn Read>>> = Cursor::new(head).chain(&mut tally);
    // UTF-8 is parsed as it is, so that invalid bytes are an error naming the line rather than
    // being replaced; every other encoding is decoded to UTF-8 on the way in.
    let reader: Box<dyn Read + '_> = if utf8 {
        let mut r = rewound;
        io::copy(&mut (&mut r).take(bom_len as u64), &mut io::sink())?;
        Box::new(r)
    } else {
        Box::new(
            DecodeReaderBytesBuilder::new()
                .encoding(Some(encoding))
                .bom_override(true)
                .build(rewound),
        )
    };
    let reader = BufReader::with_capacity(256 * 1024, reader);
    match format {
        InputFormat::Csv | InputFormat::Auto => {
            let delimiter = options
                .delimiter
                .unwrap_or_else(|| detect_delimiter(&text_head));
            read_csv(input, reader, delimiter, on_record)?
        }
        InputFormat::Json => read_json(input, reader, on_record)?,
        InputFormat::Jsonl => read_jsonl(input, reader, on_record)?,
    }
    // Whatever a parser left unread still belongs to the file's hash and size.
    io::copy(&mut tally, &mut io::sink()).with_context(|| format!("cannot read {input}"))?;
    let facts = FileFacts {
        format,
        encoding: encoding.name(),
        size: tally.bytes,
        sha256: String::new(),
    };
    Ok((facts, tally))
}

fn detect_encoding(head: &[u8], forced: InputEncoding) -> Result<(&'static Encoding, usize)> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(head) {
        return Ok((encoding, bom_len));
    }
    Ok(match forced {
        InputEncoding::Utf8 => (UTF_8, 0),
        InputEncoding::Windows1251 => (WINDOWS_1251, 0),
        InputEncoding::Utf16 => {
            bail!("UTF-16 without a byte-order mark: save the file with a BOM, or as UTF-8")
        }
        InputEncoding::Auto => match std::str::from_utf8(head) {
            Ok(_) => (UTF_8, 0),
            // Cut in the middle of a character at the end of the sample: still UTF-8.
            Err(e) if e.error_len().is_none() => (UTF_8, 0),
            // What Russian-locale Excel writes when it is not UTF-8.
            Err(_) => (WINDOWS_1251, 0),
        },
    })
}

fn detect_format(input: &Input, text_head: &str) -> InputFormat {
    if let Input::File(path) = input {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        match ext.as_str() {
            "csv" | "tsv" | "tab" => return InputFormat::Csv,
            "json" => return InputFormat::Json,
            "jsonl" | "ndjson" => return InputFormat::Jsonl,
            _ => {}
        }
    }
    match text_head.trim_start().chars().next() {
        Some('[') => InputFormat::Json,
        Some('{') => InputFormat::Jsonl,
        _ => InputFormat::Csv,
    }
}

/// The delimiter among `,` `;` and tab that the header line uses most, outside quotes.
pub fn detect_delimiter(text_head: &str) -> u8 {
    let header = text_head
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap_or("");
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for c in header.chars() {
        match c {
            '"' => quoted = !quoted,
            _ if quoted => {}
            _ => {
                for (d, n) in counts.iter_mut() {
                    if c as u32 == *d as u32 {
                        *n += 1;
                    }
                }
            }
        }
    }
    // max_by_key keeps the last of equals; reverse so that a tie goes to the comma.
    counts
        .iter()
        .rev()
        .max_by_key(|(_, n)| *n)
        .map_or(b',', |(d, _)| *d)
}

fn read_csv(
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
            bail!(
                "{input}, line {line}: invalid UTF-8 in field {}: the file is not in the \
                 encoding it seems to be; give --encoding windows-1251 (or utf-16), or re-save \
                 it as UTF-8",
                index + 1
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
            "{input}, line {}: a quoted field opened on this line is never closed, so the rest \
             of the file would be read as one field: close the quote, or write a quote inside a \
             quoted field twice (\"\")",
            check.opened
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
                        format!(
                            "line {}: a NUL byte, which text never holds: the file is damaged or \
                             binary; check that this is the scraped file",
                            self.line
                        ),
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
        csv::ErrorKind::Utf8 { err, .. } => format!(
            "invalid UTF-8 in field {}: the file is not in the encoding it seems to be; \
             give --encoding windows-1251 (or utf-16), or re-save it as UTF-8",
            err.field() + 1
        ),
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!(
            "{len} fields where the header has {expected_len}: a stray delimiter or an unbalanced \
             quote; check the line, or give --delimiter"
        ),
        // QuoteCheck's finding names its line itself.
        csv::ErrorKind::Io(e) if e.kind() == io::ErrorKind::InvalidData => {
            return anyhow!("{input}, {e}");
        }
        csv::ErrorKind::Io(e) => format!("cannot read: {e}"),
        _ => format!("malformed CSV: {error}"),
    };
    match line {
        Some(line) => anyhow!("{input}, line {line}: {what}"),
        None => anyhow!("{input}: {what}"),
    }
}

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

fn read_json(
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
            "{input}, line {}, column {}: malformed JSON: {e}. The file must be one array of \
             objects (or give --format jsonl for one object a line)",
            e.line(),
            e.column()
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

fn read_jsonl(
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
            .with_context(|| format!("cannot read {input}"))?
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
                "{input}, line {line}, column {}: malformed JSON: {e}",
                e.column()
            )
        })?;
        let Value::Object(object) = value else {
            bail!(
                "{input}, line {line}: {} where a JSON object was expected (JSON Lines holds one \
                 object a line)",
                json_kind(&value)
            );
        };
        on_record(record_from_object(object, line, number))?;
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
        if key.trim().eq_ignore_ascii_case("answers") {
            if let Value::Array(items) = &value {
                record.answers = Some(items.iter().map(answer_from_value).collect());
                continue;
            }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiter_is_the_one_the_header_uses_most() {
        assert_eq!(detect_delimiter("id;addressee;date\n1;2;3"), b';');
        assert_eq!(detect_delimiter("id\taddressee\tdate"), b'\t');
        assert_eq!(detect_delimiter("id,addressee,date"), b',');
        assert_eq!(detect_delimiter("\"a;b\",c,d"), b',');
        assert_eq!(detect_delimiter("id"), b',');
    }

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

    #[test]
    fn windows_1251_is_told_from_utf8() {
        let (cp1251, _, _) = WINDOWS_1251.encode("номер;адресат");
        assert_eq!(
            detect_encoding(&cp1251, InputEncoding::Auto).unwrap().0,
            WINDOWS_1251
        );
        assert_eq!(
            detect_encoding("номер".as_bytes(), InputEncoding::Auto)
                .unwrap()
                .0,
            UTF_8
        );
        let mut bom = vec![0xFF, 0xFE];
        bom.extend("id".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(
            detect_encoding(&bom, InputEncoding::Auto).unwrap(),
            (UTF_16LE, 2)
        );
    }
}
