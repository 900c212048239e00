//! Reads the responses back out of a WARC file, gzipped per record or not. A file cut short
//! by a killed run keeps every whole record: the cut-off record at its end is reported, not
//! fatal. Damage anywhere else, or a last record that is whole but wrong, is an error.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use flate2::bufread::GzDecoder;

use super::decode::{UnreadablePage, header_value, read_response};
use super::{header_end, sha1_digest};

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
    /// The response's `Content-Type`, which may name the page's charset.
    pub content_type: Option<String>,
    /// The HTTP body, with its transfer and content encodings undone (`decode.rs`).
    pub body: Vec<u8>,
    /// The request that asked for it (request line, headers, blank line, a POST's body), where
    /// the archive holds it before the response: what an API answer answers (gov.kz's GraphQL
    /// names the body and the page only in the POST's body).
    pub request: Option<Vec<u8>>,
}

/// What was read, and where the file stopped making sense.
#[derive(Debug, Clone, Default)]
pub struct ArchiveContents {
    pub pages: Vec<ArchivedPage>,
    pub damage: Option<Damage>,
}

/// The record the file ends in, cut short by a killed run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damage {
    pub offset: u64,
    pub reason: String,
}

/// A record that cannot be read and is not a cut-off end: the file was changed after it was
/// written. Nothing after it is trusted, and nothing is cut away.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DamagedArchive {
    pub file: PathBuf,
    pub offset: u64,
    /// Which record, as far as its header could be read.
    pub record: String,
    pub reason: String,
    /// Where the next whole record starts, if one does.
    pub next: Option<u64>,
    /// Met while going on with a stopped run, rather than importing.
    pub resuming: bool,
}

impl std::fmt::Display for DamagedArchive {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: the record at offset {} ({}) is damaged ({}), ",
            self.file.display(),
            self.offset,
            self.record,
            self.reason
        )?;
        match self.next {
            Some(next) => write!(
                f,
                "and whole records follow it (the next at offset {next}): the file was damaged \
                 after it was written (a disk, copy or transfer error), it was not cut short by a \
                 stopped run. "
            )?,
            None => write!(
                f,
                "though the file does not end inside it: the file was damaged after it was \
                 written, it was not cut short by a stopped run. "
            )?,
        }
        match self.resuming {
            true => write!(
                f,
                "It is left as it is and nothing was fetched: move it out of the archive folder \
                 (or delete the .unfinished file beside it) to start the blog afresh, and restore \
                 it from a copy to import it"
            ),
            false => write!(
                f,
                "Nothing was imported: restore the archive from a copy, or fetch the blog again \
                 (`appeal-audit fetch BLOG --full`)"
            ),
        }
    }
}

impl std::error::Error for DamagedArchive {}

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

/// Every response of the archive of a stopped run, and the cut-off record at its end, if
/// any, for the run to go on after it. A page whose body cannot be read is left out (the run
/// asks for it again); damage anywhere else is an error, and the file is left as it is.
pub fn read_archive_contents(path: &Path) -> Result<ArchiveContents> {
    let mut reader = ArchiveReader::open(path)?;
    let mut pages = Vec::new();
    for page in reader.by_ref() {
        match page {
            Ok(page) => pages.push(page),
            Err(e) if e.downcast_ref::<UnreadablePage>().is_some() => {}
            Err(e) => {
                return Err(match e.downcast::<DamagedArchive>() {
                    Ok(damaged) => DamagedArchive {
                        resuming: true,
                        ..damaged
                    }
                    .into(),
                    Err(e) => e,
                });
            }
        }
    }
    Ok(ArchiveContents {
        pages,
        damage: reader.damage,
    })
}

/// An archive's responses one at a time, in file order, each body read only when its page is
/// asked for: importing a blog of thousands of pages never holds them all. A page whose body
/// cannot be read is an `UnreadablePage` error and the pages after it still come; the reader
/// ends at the file's end, at a cut-off last record (see `damage`), or with a
/// `DamagedArchive` error. A file that is no archive is an error.
pub struct ArchiveReader {
    path: PathBuf,
    input: Counted<BufReader<File>>,
    length: u64,
    gzipped: bool,
    read: usize,
    damage: Option<Damage>,
    warn: bool,
    done: bool,
    /// The last request record read, for its response (`parse_record`).
    request: Option<(String, Vec<u8>)>,
}

/// A record that could not be read: why, whether the file ends inside it (a killed run), and
/// what of it was read (to name it).
struct Broken {
    reason: String,
    cut: bool,
    partial: Vec<u8>,
}

impl Broken {
    fn new(reason: impl Into<String>, cut: bool, partial: Vec<u8>) -> Broken {
        Broken {
            reason: reason.into(),
            cut,
            partial,
        }
    }
}

impl ArchiveReader {
    pub fn open(path: &Path) -> Result<Self> {
        let file = File::open(path).with_context(|| {
            format!("cannot open the archive {}: check the path", path.display())
        })?;
        let length = file.metadata().map(|m| m.len()).unwrap_or(u64::MAX);
        let mut input = Counted {
            inner: BufReader::with_capacity(256 * 1024, file),
            taken: 0,
        };
        let gzipped = input.fill_buf()?.starts_with(&[0x1f, 0x8b]);
        Ok(ArchiveReader {
            path: path.to_path_buf(),
            input,
            length,
            gzipped,
            read: 0,
            damage: None,
            warn: false,
            done: false,
            request: None,
        })
    }

    /// Reports a cut-off end on stderr when it is reached: the network side resumes from
    /// such archives, so it is no reason to stop.
    pub fn warning_on_damage(mut self) -> Self {
        self.warn = true;
        self
    }

    /// The next response; `None` at the end or at a cut-off last record.
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
                true => read_member(&mut self.input),
                false => read_plain_record(&mut self.input, self.length),
            };
            let parsed = record.and_then(|record| {
                let parsed = parse_record(&record, &self.path, offset, &mut self.request)
                    .map_err(|reason| Broken::new(reason, false, record.clone()))?;
                if !self.gzipped {
                    next_is_a_record(&mut self.input, &record)?;
                }
                Ok(parsed)
            });
            match parsed {
                Ok(Parsed::Page(page)) => {
                    self.read += 1;
                    return Ok(Some(page));
                }
                Ok(Parsed::Unreadable(page)) => return Err(page.into()),
                Ok(Parsed::Other) => {}
                Err(broken) => return self.broken(offset, broken),
            }
        }
    }

    /// A record that cannot be read: the end of a stopped run when the file ends inside it and
    /// no whole record follows, else an error naming it.
    fn broken(&mut self, offset: u64, broken: Broken) -> Result<Option<ArchivedPage>> {
        if offset == 0 && !broken.partial.starts_with(b"WARC/") {
            bail!(
                "{} is not a WARC file ({}): give a .warc or .warc.gz archive, a saved .html \
                 page, or a folder of them",
                self.path.display(),
                broken.reason
            );
        }
        let next = next_whole_record(&self.path, offset, self.gzipped)
            .with_context(|| format!("cannot read the archive {}", self.path.display()))?;
        if next.is_none() && broken.cut {
            if self.warn {
                self.warn_of(offset, &broken.reason);
            }
            self.damage = Some(Damage {
                offset,
                reason: broken.reason,
            });
            return Ok(None);
        }
        Err(DamagedArchive {
            file: self.path.clone(),
            offset,
            record: which_record(&broken.partial),
            reason: broken.reason,
            next,
            resuming: false,
        }
        .into())
    }

    fn warn_of(&self, offset: u64, reason: &str) {
        // Written here, as `progress::tell` writes: a closed stderr is no reason to fail.
        let _ = writeln!(
            io::stderr().lock(),
            "appeal-audit: warning: {}: the record at offset {offset} is incomplete ({reason}): \
             the file ends inside it, as when a run is stopped while writing it; the {} pages \
             before it are read",
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
        // An unreadable page is about that page only: the records after it are read.
        self.done = match &next {
            Some(Ok(_)) => false,
            Some(Err(e)) => e.downcast_ref::<UnreadablePage>().is_none(),
            None => true,
        };
        next
    }
}

/// Pages in order, except that a page whose body cannot be read is held back: a later
/// readable copy of it in the same archive (the stopped run went on and asked for it again)
/// takes its place, and one that has none is the stream's error, once every page after it is
/// read.
pub fn skip_refetched(
    pages: impl IntoIterator<Item = Result<ArchivedPage>>,
) -> impl Iterator<Item = Result<ArchivedPage>> {
    let mut pages = pages.into_iter();
    let mut held: Vec<UnreadablePage> = Vec::new();
    std::iter::from_fn(move || {
        for page in pages.by_ref() {
            match page {
                Ok(page) => {
                    if page.status == 200 {
                        held.retain(|h| h.file != page.file || h.url != page.url);
                    }
                    return Some(Ok(page));
                }
                Err(e) => match e.downcast::<UnreadablePage>() {
                    Ok(unreadable) => held.push(unreadable),
                    Err(e) => return Some(Err(e)),
                },
            }
        }
        if held.is_empty() {
            return None;
        }
        // The first is the error; the stream ends with it.
        let first = held.remove(0);
        held.clear();
        Some(Err(first.into()))
    })
}

/// No page of the portal comes near this: a larger record is damage (or hostile), and is
/// never read into memory.
const MAX_RECORD: u64 = 64 * 1024 * 1024;

fn too_large() -> String {
    format!(
        "a record of more than {} MiB, larger than any page",
        MAX_RECORD / 1024 / 1024
    )
}

/// One gzip member, inflated no further than `MAX_RECORD`. The file ending inside it is a
/// cut (`UnexpectedEof`); anything else wrong with it is damage.
fn read_member(input: &mut impl BufRead) -> Result<Vec<u8>, Broken> {
    let mut record = Vec::new();
    match GzDecoder::new(input)
        .take(MAX_RECORD + 1)
        .read_to_end(&mut record)
    {
        Err(e) => {
            let cut = e.kind() == io::ErrorKind::UnexpectedEof;
            Err(Broken::new(format!("gzip: {e}"), cut, record))
        }
        Ok(_) if record.len() as u64 > MAX_RECORD => Err(Broken::new(too_large(), false, record)),
        Ok(_) => Ok(record),
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

/// One uncompressed record: its header block and `Content-Length` bytes. `length` is the
/// file's: a record said to end past it is cut off, whatever its length.
fn read_plain_record(input: &mut Counted<impl BufRead>, length: u64) -> Result<Vec<u8>, Broken> {
    let mut record = Vec::new();
    loop {
        let start = record.len();
        match input.read_until(b'\n', &mut record) {
            Ok(0) => return Err(Broken::new("the header block ends early", true, record)),
            Ok(_) => {}
            Err(e) => return Err(Broken::new(e.to_string(), false, record)),
        }
        let line = &record[start..];
        if line == b"\r\n" || line == b"\n" {
            break;
        }
    }
    let Some(claimed) = content_length(&record) else {
        return Err(Broken::new(
            "no Content-Length in the header",
            false,
            record,
        ));
    };
    let cut = input.taken.saturating_add(claimed as u64) > length;
    if claimed as u64 > MAX_RECORD {
        return Err(Broken::new(too_large(), cut, record));
    }
    let start = record.len();
    record.resize(start + claimed, 0);
    if let Err(e) = input.read_exact(&mut record[start..]) {
        record.truncate(start);
        let cut = e.kind() == io::ErrorKind::UnexpectedEof;
        return Err(Broken::new(e.to_string(), cut, record));
    }
    Ok(record)
}

/// After an uncompressed record, only blank lines and the next record (or the end): a
/// `Content-Length` shorter than the block leaves the block's rest where a record should be.
fn next_is_a_record(input: &mut impl BufRead, record: &[u8]) -> Result<(), Broken> {
    let broken = |reason: String| Broken::new(reason, false, record.to_vec());
    skip_blank_lines(input).map_err(|e| broken(e.to_string()))?;
    let next = input.fill_buf().map_err(|e| broken(e.to_string()))?;
    let n = next.len().min(5);
    match next[..n] == b"WARC/"[..n] {
        true => Ok(()),
        false => Err(broken(format!(
            "its Content-Length ({}) ends inside its block: no record starts after it",
            content_length(record).unwrap_or_default()
        ))),
    }
}

fn content_length(headers: &[u8]) -> Option<usize> {
    header_value(headers, "content-length")?.trim().parse().ok()
}

/// What one record holds.
enum Parsed {
    Page(ArchivedPage),
    /// A response whose body cannot be read.
    Unreadable(UnreadablePage),
    /// A record that is no response (warcinfo, request...).
    Other,
}

/// A record's response, if it is one; the reason the record is damaged otherwise.
/// `pending`: the request record just read, if any, kept for the response it was concurrent
/// to (the writer puts a request before its response).
fn parse_record(
    record: &[u8],
    path: &Path,
    offset: u64,
    pending: &mut Option<(String, Vec<u8>)>,
) -> Result<Parsed, String> {
    if !record.starts_with(b"WARC/") {
        return Err("it does not start with WARC/".to_string());
    }
    let end = header_end(record).ok_or("its header block never ends")?;
    let headers = &record[..end];
    let length = content_length(headers).ok_or("no Content-Length in its header")?;
    let block = record
        .get(end..end.saturating_add(length))
        .ok_or_else(|| format!("its block is shorter than its Content-Length ({length})"))?;
    if record[end + length..]
        .iter()
        .any(|b| !matches!(b, b'\r' | b'\n'))
    {
        return Err(format!(
            "its Content-Length ({length}) ends before its block does"
        ));
    }
    if header_value(headers, "warc-block-digest").is_some_and(|d| !digest_matches(d, block)) {
        return Err("its block does not match its WARC-Block-Digest".to_string());
    }
    match header_value(headers, "warc-type") {
        Some("response") => {}
        Some("request") => {
            *pending = header_value(headers, "warc-concurrent-to")
                .map(|response| (response.to_string(), block.to_vec()));
            return Ok(Parsed::Other);
        }
        _ => return Ok(Parsed::Other),
    }
    let url = header_value(headers, "warc-target-uri")
        .unwrap_or_default()
        .trim_matches(['<', '>']);
    let date = header_value(headers, "warc-date").unwrap_or_default();
    let truncated = header_value(headers, "warc-truncated");
    let mut parsed = archived_page(path, offset, url, date, block, truncated)?;
    if let (Parsed::Page(page), Some((asked_for, request))) = (&mut parsed, pending.take()) {
        let id = header_value(headers, "warc-record-id").unwrap_or_default();
        if id == asked_for {
            page.request = Some(request);
        }
    }
    Ok(parsed)
}

/// Whether a `WARC-Block-Digest` fits the block: SHA-1 in base 32 (as warcio and appeal-audit
/// write it) or base 16 is checked; another algorithm is taken on trust.
fn digest_matches(digest: &str, block: &[u8]) -> bool {
    let Some((algorithm, value)) = digest.split_once(':') else {
        return true;
    };
    if !algorithm.trim().eq_ignore_ascii_case("sha1") {
        return true;
    }
    let ours = sha1_digest(block);
    let base32 = ours.split_once(':').map_or("", |(_, v)| v);
    let value = value.trim();
    match value.len() {
        40 => {
            use sha1::{Digest, Sha1};
            value.eq_ignore_ascii_case(&data_encoding::HEXLOWER.encode(&Sha1::digest(block)))
        }
        _ => value.eq_ignore_ascii_case(base32),
    }
}

/// The page an archived HTTP response holds, its body decoded as `decode.rs` says: what the
/// reader makes of a record, and the crawl of a page it has just archived. Err when the
/// response's head cannot be read.
fn archived_page(
    path: &Path,
    offset: u64,
    url: &str,
    date: &str,
    response: &[u8],
    truncated: Option<&str>,
) -> Result<Parsed, String> {
    let response = read_response(response)?;
    let unreadable =
        |problem: String| Parsed::Unreadable(UnreadablePage::new(url, path, offset, problem));
    if let Some(why) = truncated {
        return Ok(unreadable(format!(
            "only part of the server's answer is archived (WARC-Truncated: {why}): the body was \
             larger than {}",
            super::decode::max_body_words()
        )));
    }
    // Only a 200 is read as a page; the others are skipped, so their bodies need not decode.
    let body = match (response.status, response.body()) {
        (200, Err(problem)) => return Ok(unreadable(problem)),
        (_, body) => body.unwrap_or_default(),
    };
    Ok(Parsed::Page(ArchivedPage {
        file: path.to_path_buf(),
        offset,
        url: url.to_string(),
        date: date.to_string(),
        status: response.status,
        content_type: response.content_type,
        body,
        request: None,
    }))
}

/// The page of a response the crawl has just archived at `offset` of `path`, read exactly as
/// the archive reader will read it again.
pub fn page_of_response(
    path: &Path,
    offset: u64,
    url: &str,
    date: &str,
    response: &[u8],
) -> std::result::Result<ArchivedPage, UnreadablePage> {
    match archived_page(path, offset, url, date, response, None) {
        Ok(Parsed::Page(page)) => Ok(page),
        Ok(Parsed::Unreadable(page)) => Err(page),
        Ok(Parsed::Other) | Err(_) => Err(UnreadablePage::new(
            url,
            path,
            offset,
            "its HTTP head cannot be read".to_string(),
        )),
    }
}

/// The record's kind and address, as far as its header was read.
fn which_record(partial: &[u8]) -> String {
    let head = header_end(partial).map_or(partial, |end| &partial[..end]);
    let kind = header_value(head, "warc-type");
    let url = header_value(head, "warc-target-uri").map(|u| u.trim_matches(['<', '>']));
    match (kind, url) {
        (Some(kind), Some(url)) => format!("the {kind} record of {url}"),
        (Some(kind), None) => format!("a {kind} record"),
        (None, Some(url)) => format!("a record of {url}"),
        (None, None) => "its header cannot be read".to_string(),
    }
}

/// Where the first whole record after `offset` starts, if any: a gzip member (or, in an
/// uncompressed file, a `WARC/` line) from which a record reads whole.
fn next_whole_record(path: &Path, offset: u64, gzipped: bool) -> io::Result<Option<u64>> {
    let marker: &[u8] = match gzipped {
        true => &[0x1f, 0x8b, 0x08],
        false => b"\nWARC/1.",
    };
    // Where the record starts within the marker.
    let lead = if gzipped { 0 } else { 1 };
    let mut file = File::open(path)?;
    let length = file.metadata()?.len();
    let mut at = offset + 1;
    file.seek(SeekFrom::Start(at))?;
    let mut scan = BufReader::with_capacity(1024 * 1024, file);
    let mut window: Vec<u8> = Vec::new();
    loop {
        let chunk = scan.fill_buf()?;
        if chunk.is_empty() {
            return Ok(None);
        }
        // `window` keeps the chunk's last bytes, so a marker across two chunks is found.
        let window_start = at - window.len() as u64;
        window.extend_from_slice(chunk);
        let taken = chunk.len();
        scan.consume(taken);
        at += taken as u64;
        for found in memchr::memmem::find_iter(&window, marker) {
            let candidate = window_start + (found + lead) as u64;
            if candidate > offset && reads_whole(path, candidate, gzipped, length)? {
                return Ok(Some(candidate));
            }
        }
        let keep = window.len().min(marker.len() - 1);
        window.drain(..window.len() - keep);
    }
}

/// Whether a whole record reads from `offset`.
fn reads_whole(path: &Path, offset: u64, gzipped: bool, length: u64) -> io::Result<bool> {
    let mut file = File::open(path)?;
    file.seek(SeekFrom::Start(offset))?;
    let mut input = Counted {
        inner: BufReader::new(file),
        taken: offset,
    };
    let record = match gzipped {
        true => read_member(&mut input),
        false => read_plain_record(&mut input, length),
    };
    Ok(record.is_ok_and(|r| parse_record(&r, path, offset, &mut None).is_ok()))
}
