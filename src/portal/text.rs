//! Text as the reader compares it: the page decoded, runs of white space (`&nbsp;` too) made
//! one space, and the few patterns (dates, numbers) the cards are read by.

use std::sync::LazyLock;

use encoding_rs::Encoding;
use regex::Regex;

/// The page as text. A byte-order mark decides; else text that is valid UTF-8 is UTF-8
/// (Windows-1251 Cyrillic never is, whatever a label says); else the charset the response's
/// `Content-Type` names, else the one a `<meta>` anywhere in the head names, else Windows-1251
/// when the text reads as Cyrillic in it. Err says why the text does not decode cleanly: it
/// would be stored as mojibake in the citizens' and officials' words.
pub fn decode(html: &[u8], content_type: Option<&str>) -> Result<String, String> {
    if let Some((encoding, bom)) = Encoding::for_bom(html) {
        return decode_as(encoding, &html[bom..], "its byte-order mark");
    }
    let served = content_type
        .and_then(charset_in_content_type)
        .and_then(|label| Encoding::for_label(label.as_bytes()));
    // A label that is not ASCII-compatible (UTF-16) is believed even over valid UTF-8, which
    // such text can be.
    if let Some(encoding) = served.filter(|e| !e.is_ascii_compatible()) {
        return decode_as(encoding, html, "its Content-Type");
    }
    if let Ok(text) = std::str::from_utf8(html) {
        return Ok(text.to_string());
    }
    if let Some(encoding) = served {
        return decode_as(encoding, html, "its Content-Type");
    }
    if let Some(encoding) = charset_in_meta(html) {
        return decode_as(encoding, html, "its <meta>");
    }
    match cyrillic_1251(html) {
        Some(text) => Ok(text),
        None => Err(format!(
            "its text is not UTF-8 ({}), names no charset (in its Content-Type or a <meta>), and \
                    does not read as Windows-1251 Cyrillic either",
            utf8_error(html)
        )),
    }
}

/// The text in `encoding`, which `source` named; Err when it does not decode cleanly.
fn decode_as(encoding: &'static Encoding, html: &[u8], source: &str) -> Result<String, String> {
    let (text, had_errors) = encoding.decode_without_bom_handling(html);
    match had_errors {
        false => Ok(text.into_owned()),
        true if encoding == encoding_rs::UTF_8 => Err(format!(
            "its text is not valid UTF-8 ({}), the charset {source} names",
            utf8_error(html)
        )),
        true => Err(format!(
            "its text is not valid {}, the charset {source} names",
            encoding.name()
        )),
    }
}

/// Where text stops being UTF-8, for a message.
fn utf8_error(html: &[u8]) -> String {
    match std::str::from_utf8(html) {
        Ok(_) => "it is".to_string(),
        Err(e) => format!("at byte {} of the body", e.valid_up_to()),
    }
}

/// `charset=` in a `Content-Type` value (`text/html; charset="windows-1251"`).
fn charset_in_content_type(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|parameter| {
        let (name, value) = parameter.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']))
    })
}

/// The charset a `<meta charset>` or `<meta http-equiv content>` names anywhere in the head
/// (an old browser's save may put it after kilobytes of scripts); UTF-16 there means UTF-8,
/// as HTML says, since the text was read as bytes to find it.
fn charset_in_meta(html: &[u8]) -> Option<&'static Encoding> {
    static HEAD_END: LazyLock<regex::bytes::Regex> =
        LazyLock::new(|| bytes_regex(r"(?i)</head\s*>|<body[\s>]"));
    static CHARSET: LazyLock<regex::bytes::Regex> =
        LazyLock::new(|| bytes_regex(r#"(?i)<meta[^>]*charset\s*=\s*["']?([A-Za-z0-9_:.-]+)"#));
    let head = &html[..HEAD_END.find(html).map_or(html.len(), |m| m.start())];
    let label = CHARSET.captures(head)?.get(1)?.as_bytes();
    let encoding = Encoding::for_label(label)?;
    Some(match encoding.is_ascii_compatible() {
        true => encoding,
        false => encoding_rs::UTF_8,
    })
}

/// The text as Windows-1251, when it reads as a Russian page does in it: nearly every
/// character past ASCII a Russian letter or a typographic mark, and no control characters.
/// Random bytes, or another single-byte encoding, come out otherwise.
fn cyrillic_1251(html: &[u8]) -> Option<String> {
    let (text, had_errors) = encoding_rs::WINDOWS_1251.decode_without_bom_handling(html);
    let mut beyond_ascii = 0usize;
    let mut russian = 0usize;
    for c in text.chars() {
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c') {
            return None;
        }
        if !c.is_ascii() {
            beyond_ascii += 1;
            if matches!(
                c,
                'А'..='я'
                    | 'Ё'
                    | 'ё'
                    | '«'
                    | '»'
                    | '—'
                    | '–'
                    | '№'
                    | '…'
                    | '“'
                    | '”'
                    | '„'
                    | '‘'
                    | '’'
                    | '\u{a0}'
                    | '•'
                    | '·'
            ) {
                russian += 1;
            }
        }
    }
    (!had_errors && russian * 10 >= beyond_ascii * 9).then(|| text.into_owned())
}

fn bytes_regex(pattern: &str) -> regex::bytes::Regex {
    // The patterns are literals of this module, checked by its tests.
    regex::bytes::Regex::new(pattern).unwrap_or_else(|e| unreachable!("{e}"))
}

/// Runs of white space (including no-break spaces) as one space, trimmed.
pub fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lines cleaned one by one, blank ones dropped: a text of several paragraphs.
pub fn paragraphs(text: &str) -> String {
    text.lines()
        .map(clean)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn regex(pattern: &str) -> Regex {
    // The patterns are literals of this module, checked by its tests.
    Regex::new(pattern).unwrap_or_else(|e| unreachable!("{e}"))
}

/// A date found in a text, with the time after it if any, and where it starts.
pub struct Dated {
    pub date: String,
    pub time: Option<String>,
    pub start: usize,
}

/// A date `DD.MM.YYYY`, and the time after it if any (`05.09.2022, 16:15`).
pub fn date_and_time(text: &str) -> Option<Dated> {
    static DATE: LazyLock<Regex> = LazyLock::new(|| {
        regex(r"(\d{1,2}\.\d{1,2}\.\d{4})(?:\s*(?:г\.|ж\.)?\s*,?\s*(\d{1,2}:\d{2})(?::\d{2})?)?")
    });
    let c = DATE.captures(text)?;
    let date = c.get(1)?;
    Some(Dated {
        date: date.as_str().to_string(),
        time: c.get(2).map(|t| t.as_str().to_string()),
        start: date.start(),
    })
}

/// The registration number: `765824`, or `749022/2` for a copy.
pub fn registration_number(text: &str) -> Option<String> {
    static NUMBER: LazyLock<Regex> = LazyLock::new(|| regex(r"\d+(?:\s*/\s*\d+)?"));
    NUMBER
        .find(text)
        .map(|m| m.as_str().chars().filter(|c| !c.is_whitespace()).collect())
}

/// A count written with or without digit groups (`1 234`, `1&nbsp;234`).
pub fn count(text: &str) -> Option<u64> {
    static COUNT: LazyLock<Regex> = LazyLock::new(|| regex(r"\d[\d\s]*"));
    let digits: String = COUNT
        .find(text)?
        .as_str()
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// The number in an address after `prefix`: `/blogs/all-questions/429455` gives `429455`.
pub fn number_after<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let rest = &text[text.find(prefix)? + prefix.len()..];
    let end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    (end > 0).then(|| &rest[..end])
}

/// A fact's words without a label before a colon (`Категория: Образование`), which an
/// interface may add in either language.
pub fn without_label(text: &str) -> String {
    let text = clean(text);
    match text.split_once(':') {
        Some((label, value))
            if label.split_whitespace().count() <= 2 && !value.trim().is_empty() =>
        {
            value.trim().to_string()
        }
        _ => text,
    }
}

/// Makes a link absolute against the page's origin (or the portal's, for a saved file).
pub fn absolute(page_url: &str, href: &str) -> String {
    let href = href.trim();
    if href.starts_with("http://") || href.starts_with("https://") {
        return href.to_string();
    }
    let origin = page_url
        .split_once("://")
        .filter(|(scheme, _)| *scheme == "http" || *scheme == "https")
        .map(|(scheme, rest)| {
            let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
            format!("{scheme}://{host}")
        })
        .unwrap_or_else(|| super::PORTAL.to_string());
    match href.starts_with('/') {
        true => format!("{origin}{href}"),
        false => format!("{origin}/{href}"),
    }
}
