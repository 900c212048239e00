//! An answer as the client received it, and why one was not read: the platform's refusals (its
//! browser gate, a gateway's page, a status that is not an answer) kept apart from an answer
//! whose shape is not the one described, so that a fetch tries the next source for the first
//! and stops loudly for the second. Never says that a browser check was passed: none ever is.

use std::fmt;

use serde_json::Value;

use crate::visible::visible;

/// An answer as received: its status, its Content-Type, and its body with any content
/// encoding (gzip) already undone.
#[derive(Debug, Clone, Copy)]
pub struct Answer<'a> {
    pub status: u16,
    pub content_type: Option<&'a str>,
    pub body: &'a [u8],
}

/// The kind of answer asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Json,
    Rss,
}

impl Expected {
    fn name(self) -> &'static str {
        match self {
            Expected::Json => "JSON",
            Expected::Rss => "RSS",
        }
    }
}

/// Why an answer was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotRead {
    /// The platform (or a gateway before it) did not answer this request: its browser gate
    /// (HTTP 400 `notAllowed` or `browserTicketMissing`), 401, 403, 429, 451, an HTML page
    /// where JSON or RSS was asked for, a GraphQL error saying access is not allowed, and also
    /// any other status that is not 2xx (404: no such feed or a renamed slug; 5xx after the
    /// client's retries; a 400 naming no refusal). A refusal is never "no news": the caller
    /// archives it and tries the next source.
    Refused { why: String },
    /// A 2xx answer whose shape is not the one described (names the item, the field or path
    /// and the value seen), or a GraphQL error other than a refusal (the query no longer fits
    /// the schema): the caller stops loudly, since reading on would guess.
    Unexpected { why: String },
}

impl NotRead {
    pub fn why(&self) -> &str {
        match self {
            NotRead::Refused { why } | NotRead::Unexpected { why } => why,
        }
    }
}

impl fmt::Display for NotRead {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.why())
    }
}

pub(super) fn refused(why: String) -> NotRead {
    NotRead::Refused { why }
}

pub(super) fn unexpected(why: String) -> NotRead {
    NotRead::Unexpected { why }
}

/// The words of the platform's browser gate. The JSON answer's `notAllowed` is the platform's
/// own word as govkz.md reports it (since about 2026-08); `browserTicketMissing` is what one
/// public client (a Python script for the platform's virtual reception, 2026) documents as
/// `HTTP 400 {"error":"browserTicketMissing"}`, and refuses to work around, as appeal-audit does.
const GATE_WORDS: [&str; 2] = ["notAllowed", "browserTicketMissing"];

/// Why the platform refused, if it did: a status that is a refusal in itself (401, 403, 429,
/// 451), its browser gate's words in the answer, or an HTML page where JSON or RSS was asked
/// for (naming the page's title). None for an answer to read, or for another status, which
/// `read_*` reports as not answered.
pub fn refusal(answer: &Answer, expected: Expected) -> Option<String> {
    if let Some(title) = html_page(answer) {
        let titled = title.map_or(String::new(), |t| format!(" titled «{t}»"));
        return Some(format!(
            "HTTP {}: an HTML page{titled} where {} was asked for: the platform or a gateway \
             before it answered in the API's place",
            answer.status,
            expected.name()
        ));
    }
    let why = match answer.status {
        401 => "the platform asks for credentials, which appeal-audit has none of",
        403 => "the platform refused this address to appeal-audit",
        429 => "the platform asks for fewer requests; the client already waited as it asked",
        451 => "the address is blocked for legal reasons",
        _ => {
            let word = gate_word(answer)?;
            return Some(format!(
                "HTTP {} {word}: the platform answers only a browser that passed its check, \
                 which appeal-audit never imitates",
                answer.status
            ));
        }
    };
    Some(format!(
        "HTTP {} {}: {why}",
        answer.status,
        reason(answer.status)
    ))
}

/// The gate's word in the answer: in a JSON object's `error`, `message` or `code`, whatever
/// the status; anywhere in the body of a 4xx.
fn gate_word(answer: &Answer) -> Option<&'static str> {
    if let Ok(Value::Object(object)) = serde_json::from_slice::<Value>(answer.body) {
        let said = ["error", "message", "code"]
            .iter()
            .filter_map(|key| object.get(*key).and_then(Value::as_str))
            .find_map(|text| {
                GATE_WORDS
                    .into_iter()
                    .find(|w| text.eq_ignore_ascii_case(w))
            });
        if said.is_some() {
            return said;
        }
    }
    if !(400..500).contains(&answer.status) {
        return None;
    }
    let head = String::from_utf8_lossy(&answer.body[..answer.body.len().min(64 * 1024)])
        .to_ascii_lowercase();
    GATE_WORDS
        .into_iter()
        .find(|word| head.contains(&word.to_ascii_lowercase()))
}

/// Refused, or not answered (a status other than 2xx): what every reader checks first.
pub(super) fn gate(answer: &Answer, expected: Expected) -> Result<(), NotRead> {
    if let Some(why) = refusal(answer, expected) {
        return Err(refused(why));
    }
    if (200..300).contains(&answer.status) {
        return Ok(());
    }
    let advice = match answer.status {
        404 | 410 => ": no such address; the body may have no such feed, or its slug was renamed",
        500..=599 => ": the platform failed to answer, after the client's retries",
        300..=399 => ": a redirect the client did not follow",
        _ => ": an answer that names no refusal",
    };
    Err(refused(format!(
        "HTTP {} {}{advice}{}",
        answer.status,
        reason(answer.status),
        begins(answer.body)
    )))
}

fn reason(status: u16) -> &'static str {
    match status {
        300..=399 => "Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        410 => "Gone",
        429 => "Too Many Requests",
        451 => "Unavailable For Legal Reasons",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    }
}

/// `; the answer begins: «…»`, a short visible excerpt of the body to name what came.
pub(super) fn begins(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(&body[..body.len().min(600)]);
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() {
        return "; the answer is empty".to_string();
    }
    let mut excerpt: String = words.join(" ").chars().take(160).collect();
    if excerpt.chars().count() == 160 {
        excerpt.push('…');
    }
    format!("; the answer begins: «{}»", visible(&excerpt))
}

/// The answer as JSON, or why it is not.
pub(super) fn read_json(answer: &Answer, what: &str) -> Result<Value, NotRead> {
    serde_json::from_slice(answer.body).map_err(|e| {
        unexpected(format!(
            "{what} is not JSON ({e}); Content-Type {}{}",
            answer.content_type.unwrap_or("none"),
            begins(answer.body)
        ))
    })
}

/// A GraphQL answer's `errors`, as a refusal when one says access is not allowed, else as the
/// query not fitting the platform's schema (a field renamed, an argument gone). Any error is
/// one: an answer with errors beside its data may lack items without saying which.
pub(super) fn graphql_errors(json: &Value) -> Option<NotRead> {
    let errors = json.get("errors")?.as_array().filter(|e| !e.is_empty())?;
    let messages: Vec<String> = errors
        .iter()
        .map(|e| match e.get("message").and_then(Value::as_str) {
            Some(message) => message.to_string(),
            None => e.to_string(),
        })
        .collect();
    let said = visible(&messages.join("; ")).into_owned();
    let lower = said.to_lowercase();
    let refusal = [
        "notallowed",
        "not allowed",
        "browserticket",
        "forbidden",
        "access denied",
        "unauthorized",
    ]
    .iter()
    .any(|word| lower.contains(word));
    Some(if refusal {
        refused(format!("GraphQL refused: {said}"))
    } else {
        unexpected(format!(
            "GraphQL errors: {said}: the query no longer fits the platform's schema"
        ))
    })
}

/// A value named for a message: `an object with keys a, b`, `the string "x"`, `null`.
pub(super) fn describe(value: Option<&Value>) -> String {
    match value {
        None => "absent".to_string(),
        Some(Value::Null) => "null".to_string(),
        Some(Value::Bool(b)) => format!("the boolean {b}"),
        Some(Value::Number(n)) => format!("the number {n}"),
        Some(Value::String(s)) => {
            let short: String = s.chars().take(80).collect();
            format!("the string {:?}", visible(&short))
        }
        Some(Value::Array(items)) => format!("an array of {}", items.len()),
        Some(Value::Object(object)) => {
            let keys: Vec<&str> = object.keys().take(12).map(String::as_str).collect();
            format!("an object with keys {}", visible(&keys.join(", ")))
        }
    }
}

/// An item of a list as an object, or why not; `named` is how messages name it (`news item 3`).
pub(super) fn object<'v>(
    item: &'v Value,
    named: &str,
) -> Result<&'v serde_json::Map<String, Value>, NotRead> {
    item.as_object().ok_or_else(|| {
        unexpected(format!(
            "{named} is not an object: it is {}",
            describe(Some(item))
        ))
    })
}

/// An item's `id`, a number or a string, or why it has none.
pub(super) fn required_id(item: &Value, named: &str) -> Result<String, NotRead> {
    id_of(item.get("id")).ok_or_else(|| {
        unexpected(format!(
            "{named}: field `id` is {}, not a number or a string",
            describe(item.get("id"))
        ))
    })
}

/// An id the platform writes as a number or a string.
pub(super) fn id_of(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::Number(n) => Some(n.to_string()),
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        _ => None,
    }
}

/// The page's `<title>` (None inside when it has none) if the answer is an HTML page: by its
/// first bytes, or by a Content-Type of HTML over a body that is neither XML nor JSON.
fn html_page(answer: &Answer) -> Option<Option<String>> {
    let start = answer
        .body
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(answer.body.len());
    let body = answer.body[start..]
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(&answer.body[start..]);
    let head = String::from_utf8_lossy(&body[..body.len().min(16)]).to_ascii_lowercase();
    let sniffed = head.starts_with("<!doctype html") || head.starts_with("<html");
    let data = head.starts_with("<?xml")
        || head.starts_with("<rss")
        || head.starts_with("<feed")
        || head.starts_with('{')
        || head.starts_with('[');
    let labelled = answer
        .content_type
        .is_some_and(|t| t.trim().to_ascii_lowercase().starts_with("text/html"));
    (sniffed || (labelled && !data)).then(|| title(answer))
}

/// The text of the page's `<title>`, decoded by its charset (the Content-Type's, a `<meta>`'s,
/// else UTF-8, else Windows-1251, what a Russian-locale server writes), spaces collapsed.
fn title(answer: &Answer) -> Option<String> {
    let head = &answer.body[..answer.body.len().min(64 * 1024)];
    let lower = head.to_ascii_lowercase();
    let open = memchr::memmem::find(&lower, b"<title")?;
    let text_start = open + memchr::memchr(b'>', &lower[open..])? + 1;
    let text_end = text_start + memchr::memmem::find(&lower[text_start..], b"</title")?;
    let raw = &head[text_start..text_end];
    let text = decode_text(raw, charset(answer, &lower));
    let text = entities(&text);
    let words: Vec<&str> = text.split_whitespace().collect();
    let title: String = words.join(" ").chars().take(200).collect();
    (!title.is_empty()).then(|| visible(&title).into_owned())
}

fn charset(answer: &Answer, lower_head: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let from_type = answer.content_type.and_then(|t| {
        let lower = t.to_ascii_lowercase();
        let at = lower.find("charset=")?;
        encoding_rs::Encoding::for_label(lower[at + 8..].trim_matches(['"', ' ']).as_bytes())
    });
    from_type.or_else(|| {
        let at = memchr::memmem::find(lower_head, b"charset=")?;
        let label: Vec<u8> = lower_head[at + 8..]
            .iter()
            .copied()
            .skip_while(|b| *b == b'"' || *b == b'\'')
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_')
            .collect();
        encoding_rs::Encoding::for_label(&label)
    })
}

fn decode_text(raw: &[u8], charset: Option<&'static encoding_rs::Encoding>) -> String {
    match (charset, std::str::from_utf8(raw)) {
        (Some(encoding), _) => encoding.decode_without_bom_handling(raw).0.into_owned(),
        (None, Ok(text)) => text.to_string(),
        (None, Err(_)) => encoding_rs::WINDOWS_1251
            .decode_without_bom_handling(raw)
            .0
            .into_owned(),
    }
}

/// The few character references a page's title holds.
fn entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find(';').filter(|end| *end <= 10);
        let decoded = end.and_then(|end| match &rest[1..end] {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some(' '),
            name => {
                let number = name.strip_prefix('#')?;
                let code = match number.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => number.parse().ok()?,
                };
                char::from_u32(code)
            }
        });
        match (decoded, end) {
            (Some(c), Some(end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
