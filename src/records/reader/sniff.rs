//! Tells a file's encoding (a byte-order mark, else valid UTF-8, else Windows-1251), its format
//! (the extension, else the first character) and a CSV file's delimiter, from its first bytes.

use anyhow::{Result, bail};
use encoding_rs::{Encoding, UTF_8, WINDOWS_1251};

use super::{Input, InputEncoding, InputFormat};
use crate::i18n::tr;

/// How much of a file is looked at to tell its encoding, format and delimiter.
pub const SNIFF_BYTES: usize = 64 * 1024;

pub fn detect_encoding(head: &[u8], forced: InputEncoding) -> Result<(&'static Encoding, usize)> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(head) {
        return Ok((encoding, bom_len));
    }
    Ok(match forced {
        InputEncoding::Utf8 => (UTF_8, 0),
        InputEncoding::Windows1251 => (WINDOWS_1251, 0),
        InputEncoding::Utf16 => {
            bail!("{}", tr("file-utf16-without-bom", &[]))
        }
        InputEncoding::Auto => match std::str::from_utf8(head) {
            Ok(_) => (UTF_8, 0),
            // Cut in the middle of a character at the end of the sample: still UTF-8.
            Err(e) if e.error_len().is_none() => (UTF_8, 0),
            // UTF-8 Cyrillic words beside a byte that is not UTF-8: a UTF-8 file with a stray
            // byte (or two encodings in one file). Read as Windows-1251 every name would turn
            // into `Р‘РµРє...` without a word, so the choice is the user's.
            Err(e) => match first_utf8_word(head) {
                Some(word) => bail!("{}", not_one_encoding(head, e.valid_up_to(), word)),
                // What Russian-locale Excel writes when it is not UTF-8.
                None => (WINDOWS_1251, 0),
            },
        },
    })
}

/// Why a file's first bytes, UTF-8 words beside bytes that are not UTF-8, are not read as
/// Windows-1251 (every name would turn into `Р‘РµРє...` without a word): a UTF-8 file with a
/// few stray bytes, or a file in two encodings. `bad` is the first byte that is not UTF-8,
/// `word` the end of the first UTF-8 word.
fn not_one_encoding(head: &[u8], bad: usize, word: usize) -> String {
    let utf8_letters = head
        .utf8_chunks()
        .map(|c| c.valid().chars().filter(|c| !c.is_ascii()).count())
        .sum::<usize>();
    let stray = head
        .utf8_chunks()
        .filter(|c| !c.invalid().is_empty())
        .count();
    // A few stray bytes among many UTF-8 letters: the file is UTF-8 with a flaw to fix.
    if stray * 20 <= utf8_letters {
        return tr(
            "file-stray-byte",
            &[
                ("line", line_at(head, bad).into()),
                ("offset", bad.to_string().into()),
                ("byte", format!("0x{:02X}", head[bad]).into()),
            ],
        );
    }
    let start = (word + 1).saturating_sub(2 * UTF8_WORD);
    tr(
        "file-two-encodings",
        &[
            ("line", line_at(head, bad).into()),
            ("offset", bad.to_string().into()),
            ("utf8-line", line_at(head, start).into()),
            ("utf8-offset", start.to_string().into()),
        ],
    )
}

/// How many two-byte UTF-8 Cyrillic or Kazakh letters in a row make a word that only UTF-8 can
/// mean. In Windows-1251 the same bytes are an upper-case Р, С, Т or У followed by a sign such
/// as Ё, «, №; three such pairs in a row are no Russian or Kazakh text.
const UTF8_WORD: usize = 3;

/// The offset of the first run of `UTF8_WORD` UTF-8 letters of the Cyrillic block (lead byte
/// 0xD0 to 0xD3, then one continuation byte), if any.
pub fn first_utf8_word(bytes: &[u8]) -> Option<usize> {
    let mut watch = Utf8Watch::default();
    bytes.iter().position(|&b| watch.step(b))
}

/// The 1-based line of the byte at `offset` (new lines are one byte in every encoding read
/// here but UTF-16, which a byte-order mark tells).
fn line_at(bytes: &[u8], offset: usize) -> u64 {
    bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count() as u64
        + 1
}

/// Looks for UTF-8 Cyrillic words one byte at a time, so that a file whose start was read as
/// Windows-1251 is watched to its end: a UTF-8 part further on is an error, not mojibake.
#[derive(Debug, Default, Clone)]
struct Utf8Watch {
    /// The last byte was a lead byte of a Cyrillic letter.
    lead: bool,
    /// Letters in a row so far.
    run: usize,
}

impl Utf8Watch {
    /// True when `byte` ends a UTF-8 word.
    fn step(&mut self, byte: u8) -> bool {
        if self.lead && (0x80..=0xBF).contains(&byte) {
            self.lead = false;
            self.run += 1;
            return self.run >= UTF8_WORD;
        }
        if (0xD0..=0xD3).contains(&byte) {
            // A lead after a lead breaks the run but may start one.
            if self.lead {
                self.run = 0;
            }
            self.lead = true;
        } else {
            self.lead = false;
            self.run = 0;
        }
        false
    }
}

/// The raw bytes of a file detected as Windows-1251, passed on unchanged, with an error where
/// a UTF-8 word appears: one file in two encodings cannot be read right either way.
pub struct Windows1251Guard<R> {
    inner: R,
    watch: Utf8Watch,
    offset: u64,
    line: u64,
}

impl<R> Windows1251Guard<R> {
    pub fn new(inner: R) -> Self {
        Windows1251Guard {
            inner,
            watch: Utf8Watch::default(),
            offset: 0,
            line: 1,
        }
    }
}

impl<R: std::io::Read> std::io::Read for Windows1251Guard<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        for &byte in &buf[..n] {
            if self.watch.step(byte) {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!(
                        "line {}, byte offset {}: UTF-8 Cyrillic text in a file whose start was \
                         read as Windows-1251: the file mixes two encodings. Save it whole as \
                         UTF-8 (or whole as Windows-1251) and import it again",
                        self.line,
                        // The word's first byte.
                        (self.offset + 1).saturating_sub(2 * UTF8_WORD as u64)
                    ),
                ));
            }
            if byte == b'\n' {
                self.line += 1;
            }
            self.offset += 1;
        }
        Ok(n)
    }
}

pub fn detect_format(input: &Input, text_head: &str) -> InputFormat {
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

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::UTF_16LE;

    #[test]
    fn delimiter_is_the_one_the_header_uses_most() {
        assert_eq!(detect_delimiter("id;addressee;date\n1;2;3"), b';');
        assert_eq!(detect_delimiter("id\taddressee\tdate"), b'\t');
        assert_eq!(detect_delimiter("id,addressee,date"), b',');
        assert_eq!(detect_delimiter("\"a;b\",c,d"), b',');
        assert_eq!(detect_delimiter("id"), b',');
    }

    #[test]
    fn a_stray_byte_in_utf8_is_an_error_naming_line_and_offset() {
        let mut bytes = "id;адресат\n1;Бекболат Ахметов\n".as_bytes().to_vec();
        let at = bytes.len();
        bytes.extend(b"2;\xA0");
        bytes.extend("Ержан\n".as_bytes());
        let error = detect_encoding(&bytes, InputEncoding::Auto)
            .unwrap_err()
            .to_string();
        assert!(
            error.contains(&format!("line 3, byte offset {}", at + 2)),
            "{error}"
        );
        assert!(error.contains("0xA0"), "{error}");
        assert!(error.contains("--encoding windows-1251"), "{error}");
        // Forced, it is the user's choice.
        assert_eq!(
            detect_encoding(&bytes, InputEncoding::Windows1251)
                .unwrap()
                .0,
            WINDOWS_1251
        );
    }

    #[test]
    fn windows_1251_text_has_no_utf8_words_but_a_utf8_part_is_caught() {
        use std::io::Read;
        let russian = "Ёлка, «РЁВ», № 5; СЪЕЗД, ТЁМА, УЁТ; Бекболат Ахметов, Жетісу облысы әкімі";
        let (cp1251, _, _) = WINDOWS_1251.encode(russian);
        assert_eq!(first_utf8_word(&cp1251), None);
        let mut halves = cp1251.to_vec();
        halves.extend("\nБекболат Ахметов".as_bytes());
        let error = detect_encoding(&halves, InputEncoding::Auto)
            .unwrap_err()
            .to_string();
        assert!(error.contains("mixes two encodings"), "{error}");
        assert!(
            error.contains(&format!("line 2, byte offset {}", cp1251.len() + 1)),
            "{error}"
        );
        let mut mixed = cp1251.to_vec();
        mixed.extend("\nБекболат".as_bytes());
        let mut out = Vec::new();
        let error = Windows1251Guard::new(&mixed[..])
            .read_to_end(&mut out)
            .unwrap_err()
            .to_string();
        assert!(
            error.contains(&format!("line 2, byte offset {}", cp1251.len() + 1)),
            "{error}"
        );
        let mut out = Vec::new();
        Windows1251Guard::new(&cp1251[..])
            .read_to_end(&mut out)
            .unwrap();
        assert_eq!(out, cp1251.to_vec());
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
