//! A stand-in for www.gov.kz's public API on 127.0.0.1 (govkz.md): the list of bodies by
//! GraphQL, each body's news by RSS, GraphQL and JSON (paged by 100), officials, and
//! conditional requests. Each source of each body can be told to refuse as the platform does
//! (a challenge's 400, a 403, the national gateway's block page). Every request is recorded.

use std::collections::{HashMap, HashSet};
use std::io::{BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;

use serde_json::{Value, json};

use super::http_server::read_head;

/// One body of the stand-in.
#[derive(Debug, Clone)]
pub struct StandInBody {
    pub id: u32,
    pub slug: String,
    /// Russian, Kazakh, English.
    pub names: [String; 3],
    pub parent: Option<u32>,
    /// (lastname, name, middlename, position)
    pub head: Option<[String; 4]>,
    /// Each item: (id, ISO created_date as the platform writes it, title).
    pub news: Vec<(u64, String, String)>,
    /// (lastname, name, middlename, position)
    pub officials: Vec<[String; 4]>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Refusal {
    /// HTTP 400 `{"message":"notAllowed"}`: a browser challenge not passed.
    Challenge,
    Forbidden,
    /// An HTML page where JSON or RSS was expected.
    BlockPage,
    /// HTTP 503: the platform is down (not a refusal: the run stops, to go on later).
    Down,
}

/// One request as the stand-in saw it.
#[derive(Debug, Clone)]
pub struct GovHit {
    pub method: String,
    pub path: String,
    pub body: String,
    pub user_agent: String,
    pub accept_language: String,
    pub status: u16,
}

#[derive(Default)]
struct State {
    bodies: Vec<StandInBody>,
    /// (slug, source) refused: "rss", "graphql", "json", or (`*`, source) for every body.
    refused: HashMap<(String, String), Refusal>,
    /// The list of bodies refused.
    list_refused: bool,
    etags: bool,
    robots: String,
    hits: Vec<GovHit>,
}

pub struct GovServer {
    pub base_url: String,
    state: Arc<Mutex<State>>,
}

impl GovServer {
    pub fn start(bodies: Vec<StandInBody>) -> GovServer {
        GovServer::start_on(0, bodies)
    }

    /// On `port` (0: any free one).
    pub fn start_on(port: u16, bodies: Vec<StandInBody>) -> GovServer {
        let listener = TcpListener::bind(("127.0.0.1", port)).expect("bind 127.0.0.1");
        let base_url = format!("http://{}", listener.local_addr().expect("local address"));
        let state = Arc::new(Mutex::new(State {
            bodies,
            robots: "User-agent: *\nAllow: /\nCrawl-delay: 0\n".to_string(),
            ..State::default()
        }));
        let shared = Arc::clone(&state);
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let state = Arc::clone(&shared);
                thread::spawn(move || serve(stream, &state));
            }
        });
        GovServer { base_url, state }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// `source` ("rss", "graphql", "json", or "curators": the officials) of `slug` (`*`: every
    /// body) refuses.
    pub fn refuse(&self, slug: &str, source: &str, refusal: Refusal) -> &GovServer {
        self.lock()
            .refused
            .insert((slug.to_string(), source.to_string()), refusal);
        self
    }

    /// `source` of `slug` answers again.
    pub fn allow(&self, slug: &str, source: &str) {
        self.lock()
            .refused
            .remove(&(slug.to_string(), source.to_string()));
    }

    pub fn refuse_list(&self) {
        self.lock().list_refused = true;
    }

    /// Answers carry an ETag, and a request whose If-None-Match matches gets a 304.
    pub fn with_etags(&self) -> &GovServer {
        self.lock().etags = true;
        self
    }

    pub fn add_news(&self, slug: &str, item: (u64, &str, &str)) {
        let mut state = self.lock();
        if let Some(body) = state.bodies.iter_mut().find(|b| b.slug == slug) {
            body.news
                .insert(0, (item.0, item.1.to_string(), item.2.to_string()));
        }
    }

    pub fn hits(&self) -> Vec<GovHit> {
        self.lock().hits.clone()
    }

    pub fn clear_hits(&self) {
        self.lock().hits.clear();
    }
}

struct Request {
    method: String,
    path: String,
    headers: HashMap<String, String>,
    body: String,
}

fn serve(stream: TcpStream, state: &Mutex<State>) {
    let mut reader = BufReader::new(&stream);
    let Some((method, path, headers)) = read_head(&mut reader) else {
        return;
    };
    let length = headers
        .get("content-length")
        .and_then(|l| l.parse::<usize>().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    let _ = reader.read_exact(&mut body);
    let request = Request {
        method,
        path,
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
    };
    let (status, content_type, extra, body) = {
        let state = state.lock().unwrap_or_else(|e| e.into_inner());
        answer(&state, &request)
    };
    state
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .hits
        .push(GovHit {
            method: request.method.clone(),
            path: request.path.clone(),
            body: request.body.clone(),
            user_agent: request
                .headers
                .get("user-agent")
                .cloned()
                .unwrap_or_default(),
            accept_language: request
                .headers
                .get("accept-language")
                .cloned()
                .unwrap_or_default(),
            status,
        });
    let head = format!(
        "HTTP/1.1 {status} X\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         Connection: close\r\n{extra}\r\n",
        body.len()
    );
    let mut stream = &stream;
    let _ = stream
        .write_all(head.as_bytes())
        .and_then(|()| stream.write_all(&body));
}

type Answer = (u16, &'static str, String, Vec<u8>);

const JSON: &str = "application/json;charset=UTF-8";

fn refused(refusal: Refusal) -> Answer {
    match refusal {
        Refusal::Challenge => (
            400,
            JSON,
            String::new(),
            br#"{"status":400,"message":"notAllowed"}"#.to_vec(),
        ),
        Refusal::Forbidden => (403, "text/plain", String::new(), b"Forbidden".to_vec()),
        Refusal::Down => (503, "text/plain", String::new(), b"Service Unavailable".to_vec()),
        Refusal::BlockPage => (
            200,
            "text/html; charset=utf-8",
            String::new(),
            "<!DOCTYPE html><html><head><title>Доступ на интернет-ресурс временно ограничен</title></head><body>Доступ ограничен</body></html>".as_bytes().to_vec(),
        ),
    }
}

/// The value of `key` in a query string.
fn query<'q>(path: &'q str, key: &str) -> Option<&'q str> {
    path.split_once('?')?
        .1
        .split('&')
        .find_map(|pair| pair.strip_prefix(key)?.strip_prefix('='))
}

fn answer(state: &State, request: &Request) -> Answer {
    let path = request.path.as_str();
    if path == "/robots.txt" {
        return (
            200,
            "text/plain",
            String::new(),
            state.robots.clone().into_bytes(),
        );
    }
    let lang = request
        .headers
        .get("accept-language")
        .cloned()
        .unwrap_or_else(|| "ru".into());
    let refusal = |slug: &str, source: &str| {
        state
            .refused
            .get(&(slug.to_string(), source.to_string()))
            .or_else(|| state.refused.get(&("*".to_string(), source.to_string())))
            .copied()
    };
    let body_of = |slug: &str| state.bodies.iter().find(|b| b.slug == slug);
    if path.starts_with("/graphql") && request.method == "POST" {
        let asked = &request.body;
        if asked.contains("projectdetails") {
            if state.list_refused {
                return refused(Refusal::Challenge);
            }
            let lang = ["kk", "en", "ru"]
                .into_iter()
                .find(|l| {
                    asked.contains(&format!("\\\"{l}\\\"")) || asked.contains(&format!("\"{l}\""))
                })
                .map_or(lang.as_str(), |l| l)
                .to_string();
            let index = match lang.as_str() {
                "kk" => 1,
                "en" => 2,
                _ => 0,
            };
            let list: Vec<Value> = state
                .bodies
                .iter()
                .map(|b| {
                    json!({
                        "id": b.id, "slug": b.slug, "project_name": b.names[index],
                        "parent_govorg": b.parent.map(|p| json!({"id": p})),
                        "supervisor": b.head.as_ref().map(|h| json!({
                            "lastname": h[0], "name": h[1], "middlename": h[2], "position": h[3]
                        })),
                    })
                })
                .collect();
            let answer = json!({"data": {"projectdetails": list}});
            return (200, JSON, String::new(), answer.to_string().into_bytes());
        }
        let slug = state.bodies.iter().map(|b| b.slug.as_str()).find(|s| {
            asked.contains(&format!("EQ:{s}\\\"")) || asked.contains(&format!("EQ:{s}\""))
        });
        let Some(body) = slug.and_then(body_of) else {
            return (
                200,
                JSON,
                String::new(),
                br#"{"data":{"news":[]}}"#.to_vec(),
            );
        };
        if let Some(r) = refusal(&body.slug, "graphql") {
            return refused(r);
        }
        let page = ["_page:", "_page: "]
            .iter()
            .find_map(|p| {
                let at = asked.find(p)? + p.len();
                asked[at..]
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .collect::<String>()
                    .parse::<usize>()
                    .ok()
            })
            .unwrap_or(1);
        let items = page_of(&body.news, page, 100);
        let answer = json!({"data": {"news": items}});
        return (200, JSON, String::new(), answer.to_string().into_bytes());
    }
    if let Some(rest) = path.strip_prefix("/api/v1/public/rss/") {
        let slug = rest.split('/').next().unwrap_or_default();
        let Some(body) = body_of(slug) else {
            return (404, "text/plain", String::new(), b"not found".to_vec());
        };
        if let Some(r) = refusal(slug, "rss") {
            return refused(r);
        }
        let items: String = body
            .news
            .iter()
            .take(20)
            .map(|(id, date, title)| {
                format!(
                    "<item><title>{title}</title><link>https://www.gov.kz/memleket/entities/{slug}/press/news/details/{id}</link><guid>{id}</guid><pubDate>{}</pubDate></item>",
                    rfc2822(date)
                )
            })
            .collect();
        let rss = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>{}</title><link>https://www.gov.kz/memleket/entities/{slug}</link><description>news</description>{items}</channel></rss>",
            body.names[0]
        );
        return conditional(
            state,
            request,
            "application/rss+xml; charset=utf-8",
            rss.into_bytes(),
        );
    }
    if path.starts_with("/api/v1/public/content-manager/news") {
        let slug = query(path, "projects")
            .map(|p| p.trim_start_matches("eq:").trim_start_matches("eq%3A"))
            .unwrap_or_default();
        let Some(body) = body_of(slug) else {
            return (200, JSON, String::new(), b"[]".to_vec());
        };
        if let Some(r) = refusal(slug, "json") {
            return refused(r);
        }
        let page = query(path, "page")
            .and_then(|p| p.parse().ok())
            .unwrap_or(1);
        let size = query(path, "size")
            .and_then(|p| p.parse().ok())
            .unwrap_or(10);
        let items = page_of(&body.news, page, size);
        return conditional(
            state,
            request,
            JSON,
            Value::Array(items).to_string().into_bytes(),
        );
    }
    if path.starts_with("/api/v1/public/content-manager/curators") {
        let slug = query(path, "projects").unwrap_or_default();
        let Some(body) = body_of(slug) else {
            return (200, JSON, String::new(), b"[]".to_vec());
        };
        if let Some(r) = refusal(slug, "curators") {
            return refused(r);
        }
        let page = query(path, "page")
            .and_then(|p| p.parse().ok())
            .unwrap_or(1);
        let officials: Vec<Value> = body
            .officials
            .iter()
            .enumerate()
            .skip((page - 1) * 100)
            .take(100)
            .map(|(n, o)| {
                json!({
                    "id": body.id * 1000 + n as u32, "lastname": o[0], "name": o[1],
                    "middlename": o[2], "position": o[3], "order": n.to_string(),
                    "level": {"items": [{"position": o[3]}]},
                })
            })
            .collect();
        return (
            200,
            JSON,
            String::new(),
            Value::Array(officials).to_string().into_bytes(),
        );
    }
    (404, "text/plain", String::new(), b"not found".to_vec())
}

fn page_of(news: &[(u64, String, String)], page: usize, size: usize) -> Vec<Value> {
    news.iter()
        .skip(page.saturating_sub(1) * size)
        .take(size)
        .map(|(id, date, title)| {
            json!({
                "id": id, "slug": format!("news-{id}"), "title": title, "created_date": date,
                "short_description": "", "body": "<p></p>", "heropic": null,
            })
        })
        .collect()
}

/// With ETags on, the answer's ETag is a hash of its body, and a matching If-None-Match is a
/// 304 with no body.
fn conditional(
    state: &State,
    request: &Request,
    content_type: &'static str,
    body: Vec<u8>,
) -> Answer {
    if !state.etags {
        return (200, content_type, String::new(), body);
    }
    let etag = format!(
        "\"{:x}\"",
        body.iter()
            .fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(*b)))
    );
    if request.headers.get("if-none-match") == Some(&etag) {
        return (304, content_type, format!("ETag: {etag}\r\n"), Vec::new());
    }
    (200, content_type, format!("ETag: {etag}\r\n"), body)
}

/// `2022-08-23T10:15:00+06:00` (or with no offset: Almaty's +06:00 before 2024-03) as RSS
/// writes it.
fn rfc2822(iso: &str) -> String {
    let with_offset = match iso.len() {
        19 => format!("{iso}+06:00"),
        _ => iso.to_string(),
    };
    chrono::DateTime::parse_from_rfc3339(&with_offset)
        .map(|d| d.to_rfc2822())
        .unwrap_or_default()
}

/// Requests per source kind, for the tests' counts.
pub fn sources_asked(hits: &[GovHit]) -> HashSet<String> {
    hits.iter()
        .map(|h| match () {
            _ if h.path.contains("/rss/") => "rss".to_string(),
            _ if h.body.contains("projectdetails") => "list".to_string(),
            _ if h.path.starts_with("/graphql") => "graphql".to_string(),
            _ if h.path.contains("content-manager/news") => "json".to_string(),
            _ if h.path.contains("curators") => "curators".to_string(),
            _ => h.path.clone(),
        })
        .collect()
}
