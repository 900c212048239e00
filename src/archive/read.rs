//! Reads the responses back out of a WARC file, gzipped per record or not. A file cut short
//! by a killed run keeps every whole record: the damage at its end is reported, not fatal.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use flate2::bufread::GzDecoder;

use super::header_end;

/// One archived response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchivedPage {
    /// The archive (or saved `.html`) file it came from.
    pub file: PathBuf,
    /// The response record's offset in that file (0 for a saved page).
    pub offset: u64,
    pub url: String,
    /// `WARC-Date` as written (ISO 8601, UTC).
    pub date: String,
    /// The HTTP status code.
    pub status: u16,
    /// The HTTP body, with its transfer and content encodings undone.
    pub body: Vec<u8>,
}

/// What was read, and where the file stopped making sense.
#[derive(Debug, Clone, Default)]
pub struct ArchiveContents {
    pub pages: Vec<ArchivedPage>,
    pub damage: Option<Damage>,
}

/// A record that could not be read: the file's end, cut short by a killed run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damage {
    pub offset: u64,
    pub reason: String,
}

/// The responses of the archive at `path`, all at once, a damaged end warned of and skipped.
#[cfg(test)]
pub fn read_archive(path: &Path) -> Result<Vec<ArchivedPage>> {
    ArchiveReader::open(path)?.warning_on_damage().collect()
}

/// Counts the bytes taken from the file, so each gzip member's offset is known.
struct Counted<R> {
    inner: R,
    taken: u64,
}

impl<R: BufRead> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.taken += n as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counted<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, amt: usize) {
        self.taken += amt as u64;
        self.inner.consume(amt);
    }
}

/// Every response of the archive, and the damage at its end, if any.
pub fn read_archive_contents(path: &Path) -> Result<ArchiveContents> {
    let mut reader = ArchiveReader::open(path)?;
    let pages = reader.by_ref().collect::<Result<Vec<_>>>()?;
    Ok(ArchiveContents {
        pages,
        damage: reader.damage,
    })
}

/// An archive's responses one at a time, in file order, each body read only when its page is
/// asked for: importing a blog of thousands of pages never holds them all. It ends at the
/// file's end or at a damaged record (see `damage`); a file that is no archive is an error.
pub struct ArchiveReader {
    path: PathBuf,
    input: Counted<BufReader<File>>,
    gzipped: bool,
    read: usize,
    damage: Option<Damage>,
    warn: bool,
    done: bool,
}

impl ArchiveReader {
    pub fn open(path: &Path) -> Result<Self> {
        let file = File::open(path).with_context(|| {
            format!("cannot open the archive {}: check the path", path.display())
        })?;
        let mut input = Counted {
            inner: BufReader::with_capacity(256 * 1024, file),
            taken: 0,
        };
        let gzipped = input.fill_buf()?.starts_with(&[0x1f, 0x8b]);
        Ok(ArchiveReader {
            path: path.to_path_buf(),
            input,
            gzipped,
            read: 0,
            damage: None,
            warn: false,
            done: false,
        })
    }

    /// Reports a damaged end on stderr when it is reached: the network side resumes from
    /// such archives, so it is no reason to stop.
    pub fn warning_on_damage(mut self) -> Self {
        self.warn = true;
        self
    }

    /// The next response; `None` at the end or at damage.
    fn next_page(&mut self) -> Result<Option<ArchivedPage>> {
        loop {
            if !self.gzipped {
                skip_blank_lines(&mut self.input)?;
            }
            if self.input.fill_buf()?.is_empty() {
                return Ok(None);
            }
            let offset = self.input.taken;
            let record = match self.gzipped {
                true => {
                    let mut record = Vec::new();
                    GzDecoder::new(&mut self.input)
                        .take(MAX_RECORD + 1)
                        .read_to_end(&mut record)
                        .map_err(|e| format!("gzip: {e}"))
                        .and_then(|_| within_limit(record.len() as u64).map(|()| record))
                }
                false => read_plain_record(&mut self.input).map_err(|e| e.to_string()),
            };
            match record.and_then(|r| parse_record(&r, &self.path, offset)) {
                Ok(Some(page)) => {
                    self.read += 1;
                    return Ok(Some(page));
                }
                Ok(None) => {}
                Err(reason) if self.read == 0 && offset == 0 => bail!(
                    "{} is not a WARC file ({reason}): give a .warc or .warc.gz archive, a \
                     saved .html page, or a folder of them",
                    self.path.display()
                ),
                Err(reason) => {
                    if self.warn {
                        self.warn_of(offset, &reason);
                    }
                    self.damage = Some(Damage { offset, reason });
                    return Ok(None);
                }
            }
        }
    }

    fn warn_of(&self, offset: u64, reason: &str) {
        // Written here rather than through `commands`, which this module sits below; like
        // `commands::tell`, a closed stderr is no reason to fail.
        let _ = writeln!(
            io::stderr().lock(),
            "appeal-audit: warning: {}: the record at offset {offset} is incomplete ({reason}): \
             a run was probably stopped while writing it; the {} pages before it are read",
            self.path.display(),
            self.read
        );
    }
}

impl Iterator for ArchiveReader {
    type Item = Result<ArchivedPage>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let next = self.next_page().transpose();
        self.done = !matches!(next, Some(Ok(_)));
        next
    }
}

/// No page of the portal comes near this: a larger record is damage (or hostile), and is
/// never read into memory.
const MAX_RECORD: u64 = 64 * 1024 * 1024;

fn within_limit(length: u64) -> std::result::Result<(), String> {
    match length > MAX_RECORD {
        true => Err(format!(
            "a record of more than {} MiB, larger than any page",
            MAX_RECORD / 1024 / 1024
        )),
        false => Ok(()),
    }
}

/// The blank lines that end an uncompressed record, before the next one or the file's end.
fn skip_blank_lines(input: &mut impl BufRead) -> io::Result<()> {
    loop {
        let buf = input.fill_buf()?;
        let blank = buf
            .iter()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count();
        if blank == 0 {
            return Ok(());
        }
        input.consume(blank);
    }
}

/// One uncompressed record: its header block and `Content-Length` bytes, and the blank lines
/// that close it.
fn read_plain_record(input: &mut impl BufRead) -> io::Result<Vec<u8>> {
    let mut record = Vec::new();
    loop {
        let start = record.len();
        if input.read_until(b'\n', &mut record)? == 0 {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "the header block ends early",
            ));
        }
        let line = &record[start..];
        if line == b"\r\n" || line == b"\n" {
            break;
        }
    }
    let length = content_length(&record).ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            "no Content-Length in the header",
        )
    })?;
    within_limit(length as u64).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
    let start = record.len();
    record.resize(start + length, 0);
    input.read_exact(&mut record[start..])?;
    Ok(record)
}

fn content_length(headers: &[u8]) -> Option<usize> {
    header_value(headers, "content-length")?.trim().parse().ok()
}

/// A header's value in a header block (WARC or HTTP), by case-insensitive name.
fn header_value<'h>(headers: &'h [u8], name: &str) -> Option<&'h str> {
    headers.split(|&b| b == b'\n').find_map(|line| {
        let line = std::str::from_utf8(line).ok()?;
        let (key, value) = line.split_once(':')?;
        key.trim()
            .eq_ignore_ascii_case(name)
            .then(|| value.trim_matches([' ', '\t', '\r']))
    })
}

/// A record's response, if it is one; the reason it cannot be read otherwise.
fn parse_record(
    record: &[u8],
    path: &Path,
    offset: u64,
) -> std::result::Result<Option<ArchivedPage>, String> {
    if !record.starts_with(b"WARC/") {
        return Err("it does not start with WARC/".to_string());
    }
    let end = header_end(record).ok_or("its header block never ends")?;
    let headers = &record[..end];
    let length = content_length(headers).ok_or("no Content-Length in its header")?;
    let block = record
        .get(end..end + length)
        .ok_or("its block is shorter than its Content-Length")?;
    if header_value(headers, "warc-type") != Some("response") {
        return Ok(None);
    }
    let url = header_value(headers, "warc-target-uri")
        .unwrap_or_default()
        .trim_matches(['<', '>'])
        .to_string();
    let date = header_value(headers, "warc-date")
        .unwrap_or_default()
        .to_string();
    let (status, body) = http_response(block)?;
    Ok(Some(ArchivedPage {
        file: path.to_path_buf(),
        offset,
        url,
        date,
        status,
        body,
    }))
}

/// An HTTP response's status and body, its chunking and compression undone.
fn http_response(block: &[u8]) -> std::result::Result<(u16, Vec<u8>), String> {
    let end = header_end(block).ok_or("its HTTP header block never ends")?;
    let headers = &block[..end];
    let status = std::str::from_utf8(headers)
        .ok()
        .and_then(|h| h.split_whitespace().nth(1))
        .and_then(|code| code.parse().ok())
        .ok_or("no HTTP status line")?;
    let mut body = block[end..].to_vec();
    if header_value(headers, "transfer-encoding").is_some_and(|v| v.contains("chunked")) {
        body = dechunk(&body).ok_or("a malformed chunked body")?;
    }
    let encoding = header_value(headers, "content-encoding").unwrap_or("");
    let body = decompress(body, &encoding.to_ascii_lowercase())
        .map_err(|e| format!("its {encoding} body: {e}"))?;
    Ok((status, body))
}

/// A body with its content coding (`gzip`, `deflate`) undone.
fn decompress(body: Vec<u8>, encoding: &str) -> io::Result<Vec<u8>> {
    let mut decoder: Box<dyn Read + '_> = if encoding.contains("gzip") {
        Box::new(flate2::read::MultiGzDecoder::new(&body[..]))
    } else if encoding.contains("deflate") {
        Box::new(flate2::read::ZlibDecoder::new(&body[..]))
    } else {
        return Ok(body);
    };
    let mut plain = Vec::new();
    decoder.read_to_end(&mut plain)?;
    Ok(plain)
}

/// Undoes HTTP/1.1 chunked transfer coding: hex size line, data, CRLF, until a size of 0.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut plain = Vec::with_capacity(body.len());
    loop {
        let line_end = memchr::memchr(b'\n', body)?;
        let size_text = std::str::from_utf8(&body[..line_end]).ok()?;
        let size_text = size_text.split(';').next()?.trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        body = &body[line_end + 1..];
        if size == 0 {
            return Some(plain);
        }
        plain.extend_from_slice(body.get(..size)?);
        body = body.get(size..)?;
        body = body
            .strip_prefix(b"\r\n")
            .or_else(|| body.strip_prefix(b"\n"))?;
    }
}
