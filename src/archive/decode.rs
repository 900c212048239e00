//! One rule for an HTTP response's body, used by the crawl as a page arrives and by the archive
//! reader when a page is read again: chunks and content codings undone, never past the 10 MiB
//! the network allows, so that both see the same page or fail on it with the same reason.

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::header_end;

/// The largest body read, from the network or inflated from an archive: ten times the largest
/// page the portal is known to serve, and what the HTTP client reads at most.
pub const MAX_BODY: usize = 10 * 1024 * 1024;

/// `10 MiB`, as messages say it.
pub fn max_body_words() -> String {
    format!("{} MiB", MAX_BODY / 1024 / 1024)
}

/// An HTTP response as archived: its status and head read, its body still as it was sent.
pub struct Response<'b> {
    pub status: u16,
    pub content_type: Option<String>,
    head: &'b [u8],
    raw_body: &'b [u8],
}

/// The HTTP response in `block` (status line, headers, blank line, body). Err when its head
/// cannot be read: then the record itself is damaged, not just its body.
pub fn read_response(block: &[u8]) -> Result<Response<'_>, String> {
    let end = header_end(block).ok_or("its HTTP header block never ends")?;
    let head = &block[..end];
    let status = std::str::from_utf8(head)
        .ok()
        .and_then(|h| h.split_whitespace().nth(1))
        .and_then(|code| code.parse().ok())
        .ok_or("no HTTP status line")?;
    Ok(Response {
        status,
        content_type: header_value(head, "content-type").map(str::to_string),
        head,
        raw_body: &block[end..],
    })
}

impl Response<'_> {
    /// The body with its transfer and content codings undone, within `MAX_BODY`; Err says
    /// why it cannot be read.
    pub fn body(&self) -> Result<Vec<u8>, String> {
        let chunked = header_value(self.head, "transfer-encoding")
            .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"));
        let body = match chunked {
            true => dechunk(self.raw_body).ok_or("its chunked body is malformed")?,
            false => self.raw_body.to_vec(),
        };
        undo_codings(
            body,
            header_value(self.head, "content-encoding").unwrap_or(""),
        )
    }
}

/// A header's value in a header block (WARC or HTTP), by case-insensitive name.
pub fn header_value<'h>(headers: &'h [u8], name: &str) -> Option<&'h str> {
    headers.split(|&b| b == b'\n').find_map(|line| {
        let line = std::str::from_utf8(line).ok()?;
        let (key, value) = line.split_once(':')?;
        key.trim()
            .eq_ignore_ascii_case(name)
            .then(|| value.trim_matches([' ', '\t', '\r']))
    })
}

/// Undoes `Content-Encoding` (codings applied in order, so undone last first). gzip and
/// deflate are what a server sends when it compresses anyway, though asked for identity; a
/// zlib header missing from `deflate` is read as raw deflate, as browsers do. Any other
/// coding, a body that is not what its coding says, or one that inflates past `MAX_BODY` (a
/// decompression bomb) is an error: nothing is guessed, and nothing is inflated without end.
fn undo_codings(mut body: Vec<u8>, codings: &str) -> Result<Vec<u8>, String> {
    for coding in codings.rsplit(',').map(str::trim).filter(|c| !c.is_empty()) {
        body = match coding.to_ascii_lowercase().as_str() {
            "identity" => body,
            "gzip" | "x-gzip" => inflate(flate2::read::MultiGzDecoder::new(&body[..]), coding)?,
            "deflate" if zlib_header(&body) => {
                inflate(flate2::read::ZlibDecoder::new(&body[..]), coding)?
            }
            "deflate" => inflate(flate2::read::DeflateDecoder::new(&body[..]), coding)?,
            _ => {
                return Err(format!(
                    "its body is encoded as {coding:?} (Content-Encoding), which appeal-audit \
                     does not read (it asks for identity, and reads gzip and deflate)"
                ));
            }
        };
    }
    if body.len() > MAX_BODY {
        return Err(format!(
            "its body is larger than {}, larger than any page of the portal",
            max_body_words()
        ));
    }
    Ok(body)
}

/// Whether `body` starts as RFC 1950 says a zlib stream does: deflate, and a header checksum.
fn zlib_header(body: &[u8]) -> bool {
    match body {
        [cmf, flg, ..] => cmf & 0x0f == 8 && (u16::from(*cmf) << 8 | u16::from(*flg)) % 31 == 0,
        _ => false,
    }
}

/// Reads a decoder out, stopping one byte past `MAX_BODY`: memory never holds more.
fn inflate(decoder: impl Read, coding: &str) -> Result<Vec<u8>, String> {
    let mut plain = Vec::new();
    decoder
        .take(MAX_BODY as u64 + 1)
        .read_to_end(&mut plain)
        .map_err(|e| {
            format!(
                "its body is not valid {coding} data, though its Content-Encoding says so ({e})"
            )
        })?;
    if plain.len() > MAX_BODY {
        return Err(format!(
            "its {coding} body inflates to more than {} (a decompression bomb, or not a page of \
             the portal); it was not inflated further",
            max_body_words()
        ));
    }
    Ok(plain)
}

/// Undoes HTTP/1.1 chunked transfer coding: hex size line, data, CRLF, until a size of 0.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut plain = Vec::with_capacity(body.len().min(MAX_BODY));
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

/// A page whose response is archived whole but whose body cannot be read: an error about that
/// page only. The records after it are read; a resumed run asks for the page again, and a
/// later copy of it in the same archive takes its place (see `skip_refetched`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnreadablePage {
    pub url: String,
    pub file: PathBuf,
    /// The response record's offset.
    pub offset: u64,
    pub problem: String,
    /// Met by the crawl as the page arrived, rather than in an archive read again.
    pub fetching: bool,
}

impl UnreadablePage {
    pub fn new(url: &str, file: &Path, offset: u64, problem: String) -> UnreadablePage {
        UnreadablePage {
            url: url.to_string(),
            file: file.to_path_buf(),
            offset,
            problem,
            fetching: false,
        }
    }

    /// The same page as the crawl meets it: the advice is to run the fetch again.
    pub fn fetching(mut self) -> UnreadablePage {
        self.fetching = true;
        self
    }
}

impl fmt::Display for UnreadablePage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let key = match self.fetching {
            true => "unreadable-page-fetching",
            false => "unreadable-page-archived",
        };
        f.write_str(&crate::i18n::tr(
            key,
            &[
                ("url", self.url.clone().into()),
                ("file", self.file.display().to_string().into()),
                ("offset", self.offset.into()),
                ("problem", self.problem.clone().into()),
            ],
        ))
    }
}

impl std::error::Error for UnreadablePage {}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn response(head: &str, body: &[u8]) -> Vec<u8> {
        let mut bytes = format!("HTTP/1.1 200 OK\r\n{head}\r\n").into_bytes();
        bytes.extend_from_slice(body);
        bytes
    }

    fn body_of(head: &str, body: &[u8]) -> Result<Vec<u8>, String> {
        read_response(&response(head, body)).and_then(|r| r.body())
    }

    /// At the default level: flate2's zlib-rs backend (which the xlsx writer's zip brings in)
    /// at the fastest level leaves 10 MiB of zeros over 64 KiB, too big for a bomb.
    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(data).unwrap();
        gz.finish().unwrap()
    }

    #[test]
    fn gzip_and_both_kinds_of_deflate_are_undone() {
        let page = "<html>страница</html>".as_bytes();
        let fast = flate2::Compression::fast;
        let mut zlib = flate2::write::ZlibEncoder::new(Vec::new(), fast());
        zlib.write_all(page).unwrap();
        let mut raw = flate2::write::DeflateEncoder::new(Vec::new(), fast());
        raw.write_all(page).unwrap();
        let cases = [
            ("gzip", gzip(page)),
            ("deflate", zlib.finish().unwrap()),
            // What servers often send as deflate: no zlib header.
            ("deflate", raw.finish().unwrap()),
            ("identity", page.to_vec()),
            // Two codings, undone last first.
            ("gzip, gzip", gzip(&gzip(page))),
        ];
        for (coding, body) in cases {
            let head = format!("Content-Encoding: {coding}\r\n");
            assert_eq!(body_of(&head, &body), Ok(page.to_vec()), "{coding}");
        }
    }

    #[test]
    fn a_coding_that_lies_or_is_unknown_is_an_error_not_a_guess() {
        let page = b"<html>plain</html>";
        let lie = body_of("Content-Encoding: gzip\r\n", page).unwrap_err();
        assert!(lie.contains("not valid gzip"), "{lie}");
        let unknown = body_of("Content-Encoding: br\r\n", page).unwrap_err();
        assert!(unknown.contains("\"br\""), "{unknown}");
        let mut cut = gzip(&[b'x'; 5000]);
        cut.truncate(cut.len() / 2);
        assert!(body_of("Content-Encoding: gzip\r\n", &cut).is_err());
    }

    #[test]
    fn a_bomb_is_inflated_no_further_than_the_limit() {
        let bomb = gzip(&vec![0; MAX_BODY + 4096]);
        assert!(bomb.len() < 64 * 1024);
        let error = body_of("Content-Encoding: gzip\r\n", &bomb).unwrap_err();
        assert!(error.contains("more than 10 MiB"), "{error}");
        let exactly = gzip(&vec![0; MAX_BODY]);
        assert_eq!(
            body_of("Content-Encoding: gzip\r\n", &exactly).map(|b| b.len()),
            Ok(MAX_BODY)
        );
    }
}
