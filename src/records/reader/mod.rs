//! Reads a data file of any accepted format and encoding into a stream of source records:
//! column name and value pairs with the line they came from. Knows nothing of fields; the
//! caller maps columns to the record contract. `sniff` tells a file's encoding, format and
//! delimiter from its first bytes; `csv_records` and `json_records` parse each format.

mod csv_records;
mod json_records;
mod sniff;

use std::fmt;
use std::fs::File;
use std::io::{self, BufReader, Chain, Cursor, Read};
use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};

use anyhow::{Context, Result, anyhow, bail};
use encoding_rs::{UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1251};
use encoding_rs_io::DecodeReaderBytesBuilder;
use sha2::{Digest, Sha256};

use crate::i18n::tr;

use csv_records::read_csv;
use json_records::{read_json, read_jsonl};
pub use sniff::detect_delimiter;
use sniff::{SNIFF_BYTES, Windows1251Guard, detect_encoding, detect_format};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum InputFormat {
    #[default]
    Auto,
    Csv,
    Json,
    Jsonl,
}

impl InputFormat {
    /// As `--format` and the imports table spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            InputFormat::Auto => "auto",
            InputFormat::Csv => "csv",
            InputFormat::Json => "json",
            InputFormat::Jsonl => "jsonl",
        }
    }
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
    /// Shared by every record of one page (an `Arc`: a run of thousands of pages keeps each
    /// name once per page, not once per record).
    pub file: std::sync::Arc<str>,
    /// The WARC record's offset in `file` (0 for a saved page).
    pub offset: u64,
    pub url: std::sync::Arc<str>,
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

/// A memory input's JSON Lines, read where they are: the pages' records are the largest thing
/// an `import pages` holds, and a copy per opening would hold them twice.
struct SharedJsonl(Arc<MemoryInput>);

impl AsRef<[u8]> for SharedJsonl {
    fn as_ref(&self) -> &[u8] {
        &self.0.jsonl
    }
}

impl Input {
    /// The page a record on `line` was read from, for records made in memory from pages.
    pub fn origin(&self, line: u64) -> Option<&RecordOrigin> {
        match self {
            Input::Memory(memory) => memory.origin(line),
            _ => None,
        }
    }

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
                let file = File::open(path).with_context(|| {
                    let path = path.display().to_string();
                    crate::i18n::tr("cannot-open", &[("path", path.into())])
                })?;
                let size = file.metadata().ok().map(|m| m.len());
                Ok((Box::new(file), size))
            }
            Input::Memory(memory) => {
                let size = memory.jsonl.len() as u64;
                Ok((
                    Box::new(Cursor::new(SharedJsonl(memory.clone()))),
                    Some(size),
                ))
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

/// `cannot read FILE`, in the run's language: the context of an error reading `input`.
pub fn cannot_read(input: &Input) -> String {
    tr("cannot-read", &[("path", input.to_string().into())])
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
        .with_context(|| cannot_read(input))?;
    let empty = || {
        anyhow!(
            "{}",
            tr("file-empty", &[("file", input.to_string().into())])
        )
    };
    if head.iter().all(u8::is_ascii_whitespace) {
        return Err(empty());
    }
    let (encoding, bom_len) = detect_encoding(&head, options.encoding).with_context(|| {
        tr(
            "file-encoding-unknown",
            &[("file", input.to_string().into())],
        )
    })?;
    let text_head = encoding
        .decode_without_bom_handling(&head[bom_len..])
        .0
        .into_owned();
    // A byte-order mark and blanks (what a spreadsheet saves for an empty sheet) is empty too.
    if text_head.trim().is_empty() {
        return Err(empty());
    }
    if encoding != UTF_16LE && encoding != UTF_16BE && head.contains(&0) {
        bail!(
            "{}",
            tr("file-binary", &[("file", input.to_string().into())])
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
    } else if encoding == WINDOWS_1251 && options.encoding == InputEncoding::Auto {
        // Guessed from the first bytes: the rest is watched for a UTF-8 part, so that the
        // guess never turns a later UTF-8 name into mojibake without a word.
        Box::new(
            DecodeReaderBytesBuilder::new()
                .encoding(Some(encoding))
                .bom_override(true)
                .build(Windows1251Guard::new(rewound)),
        )
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
    io::copy(&mut tally, &mut io::sink()).with_context(|| cannot_read(input))?;
    let facts = FileFacts {
        format,
        encoding: encoding.name(),
        size: tally.bytes,
        sha256: String::new(),
    };
    Ok((facts, tally))
}

#[cfg(test)]
mod format_names {
    use super::InputFormat;
    use clap::ValueEnum;

    #[test]
    fn a_format_is_stored_as_the_flag_spells_it() {
        for format in InputFormat::value_variants() {
            let flag = format.to_possible_value().map(|v| v.get_name().to_string());
            assert_eq!(flag.as_deref(), Some(format.as_str()));
        }
    }
}
