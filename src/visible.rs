//! Text from a page or a file made safe to print at a terminal: control characters and
//! bidirectional overrides escaped, so that a scraped name can neither drive the terminal nor
//! reorder what the reader sees. Every layer that prints such text uses it.

/// Text as a terminal or a Markdown reader may be shown it: every control character (C0, DEL
/// and C1) but tab and line feed written as a visible Rust-style escape, `\u{1b}`, so that a
/// page's ESC sequences (colours, clearing the screen, a window title) and BEL never reach the
/// terminal; a CR before a line feed is a line end, dropped. Bidirectional embeddings,
/// overrides and isolates (U+202A–202E, U+2066–2069) are escaped too: they would reorder what
/// the reader sees (`check` reports them as `bidi_control`). Machine formats (CSV, TSV, JSON)
/// keep every byte as stored.
pub fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(hidden) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            c if hidden(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A character `visible` escapes.
fn hidden(c: char) -> bool {
    (c.is_control() && c != '\t' && c != '\n') || is_bidi_control(c)
}

/// A bidirectional embedding, override or isolate (U+202A–202E, U+2066–2069).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}
