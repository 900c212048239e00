//! How deep a page nests, told by a linear scan of its tags before it is parsed: an HTML parser
//! does work per level for each new element, so a page nested 100,000 deep took 45 s of CPU.
//! No portal page comes near the limit; one past it is a layout stop, never parsed.

use memchr::memchr;

use super::LayoutError;

/// The deepest nesting a page may have. The portal's pages are a few dozen levels deep; the
/// reader is tested on cards 1,500 levels down (portal/tests.rs), and parsing 2,000 levels costs
/// well under a second, where 100,000 cost 45 s.
pub const MOST_DEPTH: usize = 2_000;

/// Void elements: never closed, so they do not nest.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];
/// Elements whose end tag may be left out: a parser closes them at the next of their kind, so
/// they are not counted (nor their end tags), lest a page of unclosed `<p>`s look deep.
const OPTIONAL_END: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rb",
    "rt", "rtc", "rp", "colgroup", "caption", "html", "head", "body",
];
/// Elements whose content is text up to their end tag, never tags.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "noembed"];

/// A layout error when `html` nests deeper than `MOST_DEPTH`.
pub fn check_depth(url: &str, html: &str) -> Result<(), LayoutError> {
    match deeper_than(html, MOST_DEPTH) {
        None => Ok(()),
        Some(at) => Err(LayoutError::new(
            url,
            format!(
                "the page nests its elements more than {MOST_DEPTH} levels deep (found at byte \
                 {at}); no portal page comes near that, so it was not read"
            ),
        )),
    }
}

/// Where the nesting first goes past `limit`, as a byte offset, if it does. Tolerant rather
/// than exact: end tags close one level each, comments, declarations and raw text are skipped.
pub fn deeper_than(html: &str, limit: usize) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut at = 0;
    while let Some(found) = memchr(b'<', &bytes[at..]) {
        let start = at + found;
        let rest = &bytes[start..];
        if rest.starts_with(b"<!--") {
            at = find(bytes, start + 4, b"-->").map_or(bytes.len(), |end| end + 3);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .count();
        let starts_with_letter = bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic);
        if !starts_with_letter {
            // `<!DOCTYPE>`, `<?xml?>`, or a bare `<` in text (whose end is not looked for:
            // a text of many `<` and no `>` would make that quadratic).
            at = match rest.get(1) {
                Some(b'!' | b'?') => {
                    memchr(b'>', &bytes[start..]).map_or(bytes.len(), |e| start + e + 1)
                }
                _ => start + 1,
            };
            continue;
        }
        let end = tag_end(bytes, name_start + name_len);
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        at = end;
        if OPTIONAL_END.contains(&name.as_str()) || VOID.contains(&name.as_str()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
            continue;
        }
        if bytes[..end].ends_with(b"/>") {
            continue;
        }
        if RAW_TEXT.contains(&name.as_str()) {
            at = find_end_tag(bytes, end, name.as_bytes());
            continue;
        }
        depth += 1;
        if depth > limit {
            return Some(start);
        }
    }
    None
}

/// The offset just past a tag's `>`, quoted attribute values skipped; the end of the text when
/// the tag is never closed.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote = None;
    for (i, &b) in bytes.iter().enumerate().skip(from) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if b == q => quote = None,
            (None, b'>') => return i + 1,
            _ => {}
        }
    }
    bytes.len()
}

/// The offset of `needle` at or after `from`.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| from + i)
}

/// The offset just past `</name ...>` (ASCII case ignored) at or after `from`, or the end.
fn find_end_tag(bytes: &[u8], from: usize, name: &[u8]) -> usize {
    let mut at = from;
    while let Some(found) = bytes.get(at..).and_then(|rest| memchr(b'<', rest)) {
        let start = at + found;
        let tail = &bytes[start..];
        if tail.get(1) == Some(&b'/')
            && tail
                .get(2..2 + name.len())
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
        {
            return tag_end(bytes, start + 2 + name.len());
        }
        at = start + 1;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_pages_are_told_without_parsing() {
        let deep = |n: usize, open: &str, close: &str| {
            format!(
                "<html><body>{}x{}</body></html>",
                open.repeat(n),
                close.repeat(n)
            )
        };
        assert_eq!(
            deeper_than(&deep(1_990, "<div>", "</div>"), MOST_DEPTH),
            None
        );
        assert!(deeper_than(&deep(2_001, "<div class='a>b'>", "</div>"), MOST_DEPTH).is_some());
        assert!(deeper_than(&deep(100_000, "<b>", ""), MOST_DEPTH).is_some());
        // Siblings are no depth, nor unclosed paragraphs, void elements, self-closed tags,
        // comments, scripts or a bare `<`.
        let wide = "<div><p>a</div>".repeat(10_000);
        assert_eq!(deeper_than(&wide, MOST_DEPTH), None);
        let flat = format!(
            "{}{}{}{}<script>{}</script><!-- {} --> 1 < 2 <!DOCTYPE html>",
            "<p>text".repeat(1000),
            "<li>item".repeat(1000),
            "<br><img src=x><hr/>".repeat(1000),
            "<span/>".repeat(1000),
            "<div>".repeat(3000),
            "<div>".repeat(3000)
        );
        assert_eq!(deeper_than(&flat, MOST_DEPTH), None);
        assert_eq!(deeper_than("<div", MOST_DEPTH), None);
        assert_eq!(deeper_than("<script>", MOST_DEPTH), None);
        assert_eq!(deeper_than("<!--", MOST_DEPTH), None);
        let error = check_depth("http://x/p", &deep(3000, "<div>", "")).unwrap_err();
        assert!(error.missing.contains("more than 2000 levels"), "{error}");
    }

    #[test]
    fn the_fixture_pages_are_shallow() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/portal");
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let html = std::fs::read(entry.path()).unwrap_or_default();
            let html = String::from_utf8_lossy(&html);
            assert_eq!(deeper_than(&html, 40), None, "{}", entry.path().display());
        }
    }
}
