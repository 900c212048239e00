//! Text as the reader compares it: the page decoded, runs of white space (`&nbsp;` too) made
//! one space, and the few patterns (dates, numbers) the cards are read by.

use std::sync::LazyLock;

use regex::Regex;

/// The page as text: UTF-8 as served, else the charset its `<meta>` names (Windows-1251 for
/// an old browser's save), else UTF-8 with the bad bytes replaced.
pub fn decode(html: &[u8]) -> String {
    let html = html.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(html);
    if let Ok(text) = std::str::from_utf8(html) {
        return text.to_string();
    }
    static CHARSET: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(?i)<meta[^>]*charset\s*=\s*["']?([A-Za-z0-9_-]+)"#)
            .unwrap_or_else(|_| unreachable!())
    });
    let head = String::from_utf8_lossy(&html[..html.len().min(4096)]);
    let encoding = CHARSET
        .captures(&head)
        .and_then(|c| encoding_rs::Encoding::for_label(c[1].as_bytes()))
        .unwrap_or(encoding_rs::UTF_8);
    encoding.decode_without_bom_handling(html).0.into_owned()
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
