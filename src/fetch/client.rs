//! One HTTP client per run and host: one request at a time, at least the crawl delay between
//! two, retries by retry.rs, and each exchange returned as the bytes the archive keeps.

use std::fmt;
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use super::retry::{self, LONGEST_RETRY_AFTER, MAX_TRIES, Next};
use super::robots::{LONGEST_CRAWL_DELAY, MAX_REDIRECTS, Refusal, Rules, same_site, too_slow};
use crate::archive::{
    ArchivedPage, MAX_BODY, UnreadablePage, WarcWriter, max_body_words, page_of_response, warc_date,
};
use crate::i18n::tr;

/// How the tool names itself: never a browser's User-Agent (portal.md, "Fetching politely").
pub const USER_AGENT: &str = concat!(
    "appeal-audit/",
    env!("CARGO_PKG_VERSION"),
    " (+https://github.com/appeal-audit/appeal-audit)"
);

/// The delay between two requests when robots.txt gives no Crawl-delay: the portal's own.
pub const DEFAULT_DELAY: Duration = Duration::from_secs(1);

const ACCEPT: &str = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5";

/// One request: a page's GET, or an API's (gov.kz) with its own headers and, for a POST, a
/// body. The client adds the User-Agent, Host, Accept-Encoding and cookies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// Path and query, no host.
    pub path: String,
    /// Headers beyond the client's own (an `Accept` here replaces the client's).
    pub headers: Vec<(String, String)>,
    /// A POST's body; `None` is a GET.
    pub body: Option<Vec<u8>>,
}

impl Request {
    pub fn get(path: &str) -> Request {
        Request {
            path: path.to_string(),
            headers: Vec::new(),
            body: None,
        }
    }

    fn method(&self) -> &'static str {
        match self.body {
            Some(_) => "POST",
            None => "GET",
        }
    }

    fn has_header(&self, name: &str) -> bool {
        self.headers
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case(name))
    }
}

#[derive(Debug, Clone)]
pub struct ClientOptions {
    /// `scheme://host[:port]`, no trailing slash.
    pub base_url: String,
    /// `--delay`: may raise the delay between requests, never lower it below robots.txt's.
    pub delay: Option<Duration>,
    /// The first backoff step after a 5xx or a network error; doubles with each try.
    pub backoff: Duration,
}

/// One request and its response, as the archive keeps them.
#[derive(Debug, Clone)]
pub struct Exchange {
    pub url: String,
    /// When the request was sent.
    pub date: DateTime<Utc>,
    pub status: u16,
    /// The request as sent: request line and headers.
    pub request: Vec<u8>,
    /// The response: status line, headers, blank line, body.
    pub response: Vec<u8>,
    /// The body is not all the server sent: it was larger than `MAX_BODY`.
    truncated: bool,
    location: Option<String>,
}

impl Exchange {
    /// Archives the exchange (a truncated body marked so); returns the response record's
    /// offset.
    pub fn archive(&self, writer: &mut WarcWriter) -> anyhow::Result<u64> {
        let truncated = self.truncated.then_some("length");
        writer.write_response(
            &self.url,
            self.date,
            &self.request,
            &self.response,
            truncated,
        )
    }

    /// A response header's value, by case-insensitive name (`Retry-After`, `ETag`).
    pub fn header(&self, name: &str) -> Option<String> {
        let end = memchr::memmem::find(&self.response, b"\r\n\r\n")?;
        let head = std::str::from_utf8(&self.response[..end]).ok()?;
        head.lines().skip(1).find_map(|line| {
            let (n, v) = line.split_once(':')?;
            n.trim()
                .eq_ignore_ascii_case(name)
                .then(|| v.trim().to_string())
        })
    }

    /// The `Location` of a redirect.
    pub fn location(&self) -> Option<&str> {
        self.location.as_deref()
    }

    /// The page the response brings, archived at `offset` of `file`, read exactly as the
    /// archive reader reads it again: the same decoding, the same limit, the same errors.
    pub fn page(&self, file: &Path, offset: u64) -> Result<ArchivedPage, UnreadablePage> {
        page_of_response(
            file,
            offset,
            &self.url,
            &warc_date(self.date),
            &self.response,
        )
        .map_err(UnreadablePage::fetching)
    }
}

/// One try that brought no usable response.
enum Failed {
    /// A network error, a timeout or a connection dropped mid-body: worth another try.
    Network(String),
    /// A body larger than `MAX_BODY`, said by its `Content-Length` (given) or found while
    /// reading it: not worth another try. The exchange holds the head, for the archive.
    TooLarge(Box<Exchange>, Option<u64>),
}

/// Why a page could not be had. Each says which URL, what happened and what to do.
#[derive(Debug)]
pub enum FetchError {
    Refused {
        url: String,
        reason: Refusal,
    },
    Status {
        url: String,
        status: u16,
        tries: u32,
    },
    Redirected {
        url: String,
        location: String,
    },
    Network {
        url: String,
        tries: u32,
        error: String,
    },
    WaitTooLong {
        url: String,
        wait: Duration,
    },
    /// A body over `MAX_BODY`: `declared` by its Content-Length, else found while reading.
    TooLarge {
        url: String,
        declared: Option<u64>,
    },
    /// A response whose body cannot be decoded (robots.txt: its rules are unknown).
    Unreadable {
        url: String,
        problem: String,
    },
    /// robots.txt forbids the run, or cannot be read: robots.rs says why and what to do.
    Robots {
        url: String,
        problem: String,
    },
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let words = match self {
            FetchError::Refused {
                url,
                reason: Refusal::Never,
            } => tr("fetch-never-opened", &[("url", url.clone().into())]),
            FetchError::Refused {
                url,
                reason: Refusal::Robots,
            } => tr("fetch-robots-disallows", &[("url", url.clone().into())]),
            FetchError::Status { url, status, tries } if *status == 429 || *status >= 500 => tr(
                "fetch-server-busy",
                &[
                    ("url", url.clone().into()),
                    ("status", status_words(*status).into()),
                    ("tries", (*tries).into()),
                ],
            ),
            FetchError::Status { url, status, .. } => tr(
                "fetch-status",
                &[
                    ("url", url.clone().into()),
                    ("status", status_words(*status).into()),
                ],
            ),
            FetchError::Redirected { url, location } => tr(
                "fetch-redirected",
                &[
                    ("url", url.clone().into()),
                    ("location", location.clone().into()),
                ],
            ),
            FetchError::Network { url, tries, error } => tr(
                "fetch-network",
                &[
                    ("url", url.clone().into()),
                    ("error", error.clone().into()),
                    ("tries", (*tries).into()),
                ],
            ),
            FetchError::WaitTooLong { url, wait } => tr(
                "fetch-wait-too-long",
                &[
                    ("url", url.clone().into()),
                    ("seconds", wait.as_secs().into()),
                ],
            ),
            FetchError::Robots { url, problem } => format!("{url}: {problem}"),
            FetchError::TooLarge { url, declared } => {
                let size = match declared {
                    Some(bytes) => tr("fetch-too-large-declared", &[("bytes", (*bytes).into())]),
                    None => tr(
                        "fetch-too-large-found",
                        &[("most", max_body_words().into())],
                    ),
                };
                tr(
                    "fetch-too-large",
                    &[
                        ("url", url.clone().into()),
                        ("most", max_body_words().into()),
                        ("size", size.into()),
                    ],
                )
            }
            FetchError::Unreadable { url, problem } => tr(
                "fetch-robots-unreadable",
                &[
                    ("url", url.clone().into()),
                    ("problem", problem.clone().into()),
                ],
            ),
        };
        f.write_str(&words)
    }
}

impl std::error::Error for FetchError {}

/// `404 Not Found`: the status and the reason phrase HTTP gives it (English, as servers send it).
fn status_words(status: u16) -> String {
    format!("{status} {}", reason(status))
        .trim_end()
        .to_string()
}

fn reason(status: u16) -> &'static str {
    ureq::http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("")
}

pub struct Client {
    agent: ureq::Agent,
    base_url: String,
    host: String,
    rules: Rules,
    gap: Duration,
    backoff: Duration,
    /// When the last try ended: the delay runs from a response's end to the next request, so
    /// the server sees at least the delay between two requests, however long one took.
    last_done: Option<Instant>,
    cookies: Vec<(String, String)>,
    /// Responses that were not the last word on their page (retried, or given up on): the
    /// archive keeps them too.
    superseded: Vec<Exchange>,
}

impl Client {
    /// A client for `base_url`, which has read its robots.txt: a 404 (or any 4xx) means no
    /// rules; a 5xx or no answer stops the run, since the rules are unknown.
    pub fn start(options: &ClientOptions) -> Result<Client, FetchError> {
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .user_agent(USER_AGENT)
            .accept(ACCEPT)
            // Identity, so the archive holds the body exactly as the server sent it.
            .accept_encoding("identity")
            .timeout_connect(Some(Duration::from_secs(10)))
            .timeout_global(Some(Duration::from_secs(60)))
            .build();
        let base_url = options.base_url.trim_end_matches('/').to_string();
        let host = base_url
            .split_once("://")
            .map_or(base_url.as_str(), |(_, rest)| rest)
            .split('/')
            .next()
            .unwrap_or_default()
            .to_string();
        let mut client = Client {
            agent: config.into(),
            base_url,
            host,
            rules: Rules::allow_all(),
            gap: options.delay.unwrap_or_default().max(DEFAULT_DELAY),
            backoff: options.backoff,
            last_done: None,
            cookies: Vec::new(),
            superseded: Vec::new(),
        };
        client.rules = read_robots(&mut client)?;
        client.gap = options
            .delay
            .unwrap_or_default()
            .max(client.rules.crawl_delay.unwrap_or(DEFAULT_DELAY));
        client.superseded.clear();
        Ok(client)
    }

    /// The wait between two requests in force: max(--delay, Crawl-delay, else 1 s).
    pub fn gap(&self) -> Duration {
        self.gap
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    /// The responses superseded since the last call, oldest first.
    pub fn take_superseded(&mut self) -> Vec<Exchange> {
        std::mem::take(&mut self.superseded)
    }

    /// Whether robots.txt (and appeal-audit's own rule) lets `path` be requested.
    pub fn allowed(&self, path: &str) -> Result<(), FetchError> {
        self.rules
            .check(path)
            .map_err(|reason| FetchError::Refused {
                url: self.url(path),
                reason,
            })
    }

    /// GETs `path` (with its query) and requires a 2xx; a redirect is an error (see
    /// `get_any` for a page that answers with one). Any other answer is given up on, and kept
    /// with the superseded ones for the archive: every response is archived.
    pub fn get_page(&mut self, path: &str) -> Result<Exchange, FetchError> {
        let exchange = self.get(path)?;
        if !(200..=299).contains(&exchange.status) {
            self.superseded.push(exchange.clone());
        }
        match exchange.status {
            200..=299 => Ok(exchange),
            300..=399 => Err(FetchError::Redirected {
                url: exchange.url,
                location: exchange.location.unwrap_or_else(|| "no Location".into()),
            }),
            status => Err(FetchError::Status {
                url: exchange.url,
                status,
                tries: 1,
            }),
        }
    }

    /// GETs `path` politely, retrying as retry.rs says; any final status is returned.
    pub fn get(&mut self, path: &str) -> Result<Exchange, FetchError> {
        self.send_request(&Request::get(path))
    }

    /// Sends `request` politely, retrying as retry.rs says; any final status (a 304 to a
    /// conditional request too) is returned.
    pub fn send_request(&mut self, request: &Request) -> Result<Exchange, FetchError> {
        let path = request.path.as_str();
        self.allowed(path)?;
        let url = self.url(path);
        for tries in 1..=MAX_TRIES {
            self.wait_turn();
            let sent = match self.send(request, &url) {
                Ok(exchange) => Ok(exchange),
                Err(Failed::Network(error)) => Err(error),
                // Larger once, larger every time: refused at once, never asked for again.
                Err(Failed::TooLarge(exchange, declared)) => {
                    self.last_done = Some(Instant::now());
                    self.superseded.push(*exchange);
                    return Err(FetchError::TooLarge { url, declared });
                }
            };
            self.last_done = Some(Instant::now());
            let (status, retry_after, outcome) = match sent {
                Ok(exchange) => {
                    let retry_after = exchange.header("retry-after");
                    (Some(exchange.status), retry_after, Ok(exchange))
                }
                Err(error) => (None, None, Err(error)),
            };
            let wait = match retry::next(
                status,
                retry_after.as_deref(),
                tries,
                self.backoff,
                fastrand::f64(),
            ) {
                Next::Done => {
                    return outcome.map_err(|error| FetchError::Network { url, tries, error });
                }
                Next::Retry(wait) => wait,
            };
            let error = match outcome {
                Ok(exchange) => {
                    self.superseded.push(exchange);
                    None
                }
                Err(error) => Some(error),
            };
            if tries == MAX_TRIES {
                return Err(match (status, error) {
                    (Some(status), _) => FetchError::Status { url, status, tries },
                    (None, error) => FetchError::Network {
                        url,
                        tries,
                        error: error.unwrap_or_default(),
                    },
                });
            }
            if wait > LONGEST_RETRY_AFTER {
                return Err(FetchError::WaitTooLong { url, wait });
            }
            std::thread::sleep(wait);
        }
        unreachable!("the loop returns on its last try")
    }

    /// Sleeps until the delay since the last request has passed.
    fn wait_turn(&self) {
        if let Some(last) = self.last_done {
            let since = last.elapsed();
            if since < self.gap {
                std::thread::sleep(self.gap - since);
            }
        }
    }

    /// One try: the request, the whole body read (no more than `MAX_BODY`: a larger one
    /// declared is not read at all, and a longer stream is cut there), the exchange built.
    fn send(&mut self, request: &Request, url: &str) -> Result<Exchange, Failed> {
        let date = Utc::now();
        let cookie = self
            .cookies
            .iter()
            .map(|(name, value)| format!("{name}={value}"))
            .collect::<Vec<_>>()
            .join("; ");
        let mut headers = request.headers.clone();
        if !cookie.is_empty() {
            headers.push(("Cookie".into(), cookie));
        }
        let sent = match &request.body {
            None => {
                let mut builder = self.agent.get(url);
                for (name, value) in &headers {
                    builder = builder.header(name, value);
                }
                builder.call()
            }
            Some(body) => {
                let mut builder = self.agent.post(url);
                for (name, value) in &headers {
                    builder = builder.header(name, value);
                }
                builder.send(&body[..])
            }
        };
        let mut response = sent.map_err(|e| Failed::Network(describe(e)))?;
        let request_bytes = self.request_bytes(request, &headers);
        let too_large = |response: &ureq::http::Response<ureq::Body>, declared| {
            let head = build_exchange(url, date, &request_bytes, response, Vec::new(), true);
            Failed::TooLarge(Box::new(head), declared)
        };
        let declared = response.body().content_length();
        if declared.is_some_and(|length| length > MAX_BODY as u64) {
            return Err(too_large(&response, declared));
        }
        let body = match response
            .body_mut()
            .with_config()
            .limit(MAX_BODY as u64)
            .read_to_vec()
        {
            Ok(body) => body,
            Err(ureq::Error::BodyExceedsLimit(_)) => return Err(too_large(&response, None)),
            Err(e) => return Err(Failed::Network(describe(e))),
        };
        self.keep_cookies(response.headers());
        Ok(build_exchange(
            url,
            date,
            &request_bytes,
            &response,
            body,
            false,
        ))
    }

    /// The request as sent: the line, the headers this client sets and the request's own
    /// (cookies among them), and a POST's body, which the archive keeps as the question asked.
    fn request_bytes(&self, request: &Request, headers: &[(String, String)]) -> Vec<u8> {
        let mut head = format!(
            "{} {} HTTP/1.1\r\nHost: {}\r\nUser-Agent: {USER_AGENT}\r\n",
            request.method(),
            request.path,
            self.host
        );
        if !request.has_header("accept") {
            head.push_str(&format!("Accept: {ACCEPT}\r\n"));
        }
        head.push_str("Accept-Encoding: identity\r\n");
        for (name, value) in headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        if let Some(body) = &request.body {
            head.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        head.push_str("\r\n");
        let mut bytes = head.into_bytes();
        if let Some(body) = &request.body {
            bytes.extend_from_slice(body);
        }
        bytes
    }

    /// Keeps each `Set-Cookie`'s name and value (the interface language, `--lang`) for the
    /// requests that follow; attributes and expiry do not matter within one run.
    fn keep_cookies(&mut self, headers: &ureq::http::HeaderMap) {
        for value in headers.get_all("set-cookie") {
            let Ok(value) = value.to_str() else { continue };
            let pair = value.split(';').next().unwrap_or_default();
            if let Some((name, value)) = pair.split_once('=') {
                let name = name.trim().to_string();
                self.cookies.retain(|(n, _)| *n != name);
                self.cookies.push((name, value.trim().to_string()));
            }
        }
    }
}

fn describe(error: ureq::Error) -> String {
    match error {
        ureq::Error::Io(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
            tr("net-closed-early", &[])
        }
        ureq::Error::Timeout(t) => tr("net-timeout", &[("what", t.to_string().into())]),
        ureq::Error::HostNotFound => tr("net-host-not-found", &[]),
        ureq::Error::ConnectionFailed => tr("net-cannot-connect", &[]),
        other => other.to_string(),
    }
}

/// The response's bytes: the body as read, so `Transfer-Encoding` is left out and
/// `Content-Length` says the body's length (what WARC readers check the payload against). A
/// `truncated` body keeps the server's own `Content-Length`, for the record of what it sent
/// (the archive marks the record `WARC-Truncated`).
fn build_exchange(
    url: &str,
    date: DateTime<Utc>,
    request: &[u8],
    response: &ureq::http::Response<ureq::Body>,
    body: Vec<u8>,
    truncated: bool,
) -> Exchange {
    let status = response.status().as_u16();
    let mut head = format!("{:?} {status} {}\r\n", response.version(), reason(status)).into_bytes();
    for (name, value) in response.headers() {
        if name == "transfer-encoding" || (name == "content-length" && !truncated) {
            continue;
        }
        head.extend_from_slice(name.as_str().as_bytes());
        head.extend_from_slice(b": ");
        head.extend_from_slice(value.as_bytes());
        head.extend_from_slice(b"\r\n");
    }
    match truncated {
        true => head.extend_from_slice(b"\r\n"),
        false => {
            head.extend_from_slice(format!("content-length: {}\r\n\r\n", body.len()).as_bytes())
        }
    }
    head.extend_from_slice(&body);
    Exchange {
        url: url.to_string(),
        date,
        status,
        request: request.to_vec(),
        response: head,
        truncated,
        location: response
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string),
    }
}

/// Reads robots.txt through `client` (whose rules allow all until then): a 2xx gives its rules,
/// a redirect on the same site is followed up to five times, another 4xx means no rules (RFC
/// 9309); a 5xx or no answer is the client's error. A redirect elsewhere, too many redirects
/// and a Crawl-delay over a minute stop the run before any page.
fn read_robots(client: &mut Client) -> Result<Rules, FetchError> {
    let mut path = "/robots.txt".to_string();
    for _ in 0..=MAX_REDIRECTS {
        let exchange = client.get(&path)?;
        let problem = |problem: String| FetchError::Robots {
            url: exchange.url.clone(),
            problem,
        };
        match exchange.status {
            200..=299 => {
                // Decoded as every page is: a robots.txt compressed though not asked to be is
                // still read, and one that cannot be read stops the run.
                let body =
                    page_of_response(Path::new(""), 0, &exchange.url, "", &exchange.response)
                        .map_err(|e| FetchError::Unreadable {
                            url: exchange.url.clone(),
                            problem: e.problem,
                        })?
                        .body;
                let rules = Rules::parse(&body);
                return match rules.crawl_delay {
                    Some(delay) if delay > LONGEST_CRAWL_DELAY => Err(problem(too_slow(delay))),
                    _ => Ok(rules),
                };
            }
            300..=399 => {
                let location = exchange.location().unwrap_or_default();
                path = same_site(&client.url(""), location).ok_or_else(|| {
                    problem(tr(
                        "robots-sent-elsewhere",
                        &[(
                            "location",
                            crate::visible::visible(location).into_owned().into(),
                        )],
                    ))
                })?;
            }
            _ => return Ok(Rules::allow_all()),
        }
    }
    Err(FetchError::Robots {
        url: client.url("/robots.txt"),
        problem: tr("robots-redirects", &[("most", MAX_REDIRECTS.into())]),
    })
}
