//! Tells a file's encoding (a byte-order mark, else valid UTF-8, else Windows-1251), its format
//! (the extension, else the first character) and a CSV file's delimiter, from its first bytes.

use anyhow::{Result, bail};
use encoding_rs::{Encoding, UTF_8, WINDOWS_1251};

use super::{Input, InputEncoding, InputFormat};

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
