//! The requests appeal-audit asks of the platform's API, and, read the other way, what an
//! archived request asked: each address is defined once here, so that `import pages` places an
//! archived answer exactly as the fetch that asked it would have.

use std::sync::LazyLock;

use regex::Regex;

use super::{PAGE_SIZE, Source};

const RSS_PATH: &str = "/api/v1/public/rss/";
const NEWS_PATH: &str = "/api/v1/public/content-manager/news";
const CURATORS_PATH: &str = "/api/v1/public/content-manager/curators";
const GRAPHQL_PATH: &str = "/graphql";

/// News and officials are read in Russian: a post's department is the body's Russian name, and
/// the portal's answerers sign in Russian (govkz.md, "What becomes of it").
const LANG: &str = "ru";

const JSON: &str = "application/json";
const RSS: &str = "application/rss+xml, application/xml;q=0.9, text/xml;q=0.8";

/// The list of bodies: every body with its parent and head, as one public client asked for it
/// in 2024 (a Python script writing each language's list to CSV; 1,371 bodies had a head).
/// The language is the `Accept-Language` header's, as in that client: `_lang` is an argument
/// of `news` only in what any client showed.
const BODIES_QUERY: &str = "{ projectdetails(_size:5000) { id slug project_name \
     parent_govorg { id } supervisor { lastname name middlename position } } }";

/// One request to ask of the API; the client adds the User-Agent and sends it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiRequest {
    /// `GET` or `POST`.
    pub method: &'static str,
    /// Path and query, without the host.
    pub path: String,
    /// Accept, Accept-Language, and Content-Type for a POST.
    pub headers: Vec<(&'static str, String)>,
    pub body: Option<Vec<u8>>,
}

/// What an archived request asked, recovered from its URL and, for a POST, its request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Asked {
    News {
        source: Source,
        slug: String,
        page: u32,
    },
    Bodies {
        lang: String,
    },
    Officials {
        slug: String,
        page: u32,
    },
}

/// One page of a body's news, newest first, in Russian. Pages count from 1; an RSS feed has
/// one page only, so `page` is not part of its address.
pub fn news_request(source: Source, slug: &str, page: u32) -> ApiRequest {
    match source {
        Source::Rss => get(format!("{RSS_PATH}{}/news/{LANG}", encode(slug)), RSS),
        Source::Json => get(
            format!(
                "{NEWS_PATH}?projects=eq:{}&sort-by=created_date:DESC&page={page}&size={PAGE_SIZE}",
                encode(slug)
            ),
            JSON,
        ),
        Source::Graphql => {
            let projects = quoted(&format!("EQ:{slug}"));
            graphql(
                &format!(
                    "{{ news(projects:{projects}, _size:{PAGE_SIZE}, _page:{page}, \
                     _sort:\"created_date:DESC\", _lang:\"{LANG}\") {{ id title slug created_date }} }}"
                ),
                LANG,
            )
        }
    }
}

/// Every body of the platform, with names in `lang` (`ru`, `kk` or `en`).
pub fn bodies_request(lang: &str) -> ApiRequest {
    graphql(BODIES_QUERY, lang)
}

/// One page of a body's officials (the platform calls them curators), in Russian.
pub fn officials_request(slug: &str, page: u32) -> ApiRequest {
    get(
        format!(
            "{CURATORS_PATH}?projects={}&size={PAGE_SIZE}&page={page}",
            encode(slug)
        ),
        JSON,
    )
}

fn get(path: String, accept: &str) -> ApiRequest {
    ApiRequest {
        method: "GET",
        path,
        headers: vec![
            ("Accept", accept.to_string()),
            ("Accept-Language", LANG.to_string()),
        ],
        body: None,
    }
}

fn graphql(query: &str, lang: &str) -> ApiRequest {
    ApiRequest {
        method: "POST",
        path: GRAPHQL_PATH.to_string(),
        headers: vec![
            ("Accept", JSON.to_string()),
            ("Accept-Language", lang.to_string()),
            ("Content-Type", JSON.to_string()),
        ],
        body: Some(
            serde_json::json!({ "query": query })
                .to_string()
                .into_bytes(),
        ),
    }
}

/// A GraphQL string literal: JSON's escapes are GraphQL's.
fn quoted(text: &str) -> String {
    serde_json::Value::from(text).to_string()
}

/// Whether the address is one of the API's (on any host: a test's server stands in for the
/// platform, and an archive keeps the host it was fetched from).
pub fn is_api_url(url: &str) -> bool {
    path_and_query(url).is_some_and(|(path, _)| {
        path.starts_with(RSS_PATH) || [NEWS_PATH, CURATORS_PATH, GRAPHQL_PATH].contains(&path)
    })
}

/// What an archived request asked: from its URL, and for a POST to `/graphql` from its request
/// (request line, headers, blank line, body: a WARC request record's block). None when the
/// address is not one appeal-audit asks, or a GraphQL request's query is not one of its own.
pub fn asked(url: &str, request: Option<&[u8]>) -> Option<Asked> {
    let (path, query) = path_and_query(url)?;
    if let Some(rest) = path.strip_prefix(RSS_PATH) {
        let parts: Vec<&str> = rest.split('/').collect();
        let [slug, "news", lang] = parts.as_slice() else {
            return None;
        };
        let slug = decode(slug).filter(|s| !s.is_empty() && !lang.is_empty())?;
        return Some(Asked::News {
            source: Source::Rss,
            slug,
            page: 1,
        });
    }
    match path {
        NEWS_PATH => {
            let projects = query_value(query, "projects")?;
            let slug = strip_prefix_ignore_case(&projects, "eq:")?.to_string();
            let page = page_in(query)?;
            (!slug.is_empty()).then_some(Asked::News {
                source: Source::Json,
                slug,
                page,
            })
        }
        CURATORS_PATH => {
            let projects = query_value(query, "projects")?;
            let slug = strip_prefix_ignore_case(&projects, "eq:")
                .unwrap_or(&projects)
                .to_string();
            let page = page_in(query)?;
            (!slug.is_empty()).then_some(Asked::Officials { slug, page })
        }
        GRAPHQL_PATH => asked_by_graphql(request?),
        _ => None,
    }
}

/// A page number from the query; 1 without one (the platform's first page), None when it is
/// not a number.
fn page_in(query: &str) -> Option<u32> {
    match query_value(query, "page") {
        Some(page) => page.parse().ok(),
        None => Some(1),
    }
}

fn asked_by_graphql(request: &[u8]) -> Option<Asked> {
    static NEWS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\bnews\s*\(([^)]*)\)").expect("a valid pattern"));
    static PROJECTS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"\bprojects\s*:\s*"(?i:eq):([^"]*)""#).expect("a valid pattern")
    });
    static PAGE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\b_page\s*:\s*(\d+)").expect("a valid pattern"));
    static BODIES: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\bprojectdetails\s*\(").expect("a valid pattern"));

    let (headers, body) = split_request(request)?;
    let json: serde_json::Value = serde_json::from_slice(body).ok()?;
    let query = json.get("query")?.as_str()?;
    if let Some(args) = NEWS.captures(query).and_then(|c| c.get(1)) {
        let slug = PROJECTS.captures(args.as_str())?.get(1)?.as_str();
        let page = match PAGE.captures(args.as_str()).and_then(|c| c.get(1)) {
            Some(page) => page.as_str().parse().ok()?,
            None => 1,
        };
        return (!slug.is_empty()).then(|| Asked::News {
            source: Source::Graphql,
            slug: slug.to_string(),
            page,
        });
    }
    if BODIES.is_match(query) {
        let lang = header(headers, "accept-language")?
            .split([',', ';', '-'])
            .next()?
            .trim()
            .to_ascii_lowercase();
        return (!lang.is_empty()).then_some(Asked::Bodies { lang });
    }
    None
}

/// An HTTP request's header lines (after the request line) and its body.
fn split_request(request: &[u8]) -> Option<(&str, &[u8])> {
    let (head_end, body_start) = match memchr::memmem::find(request, b"\r\n\r\n") {
        Some(at) => (at, at + 4),
        None => {
            let at = memchr::memmem::find(request, b"\n\n")?;
            (at, at + 2)
        }
    };
    let head = std::str::from_utf8(&request[..head_end]).ok()?;
    let headers = head.split_once('\n').map_or("", |(_, rest)| rest);
    Some((headers, &request[body_start..]))
}

fn header<'h>(headers: &'h str, name: &str) -> Option<&'h str> {
    headers.lines().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        key.trim()
            .eq_ignore_ascii_case(name)
            .then_some(value.trim())
    })
}

/// The path and the query of an address, with scheme and host or from its path on.
fn path_and_query(url: &str) -> Option<(&str, &str)> {
    let url = url.trim();
    let url = url.split('#').next().unwrap_or(url);
    let from_path = match url.find("://") {
        Some(at) => {
            let rest = &url[at + 3..];
            &rest[rest.find(['/', '?'])?..]
        }
        None if url.starts_with('/') => url,
        None => return None,
    };
    let (path, query) = from_path.split_once('?').unwrap_or((from_path, ""));
    let path = path.trim_end_matches('/');
    Some((if path.is_empty() { "/" } else { path }, query))
}

fn query_value(query: &str, name: &str) -> Option<String> {
    query.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (decode(key)? == name).then(|| decode(value)).flatten()
    })
}

fn strip_prefix_ignore_case<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// Percent-encoding of everything but the unreserved characters, for a slug or an id in a
/// path or a query.
pub(super) fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Percent-decoding to UTF-8; None for a broken escape or bytes that are not UTF-8.
pub(super) fn decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}
