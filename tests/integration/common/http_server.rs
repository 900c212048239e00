//! A small HTTP server on 127.0.0.1 for the fetch tests: serves pages from a table, plays
//! faults queued for a path (a status with Retry-After, a connection dropped mid-body, no
//! answer at all), and records every request it got and when, for the tests to assert on.

use std::collections::{HashMap, VecDeque};
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// What the server does for one request to a path, instead of serving the page.
#[derive(Debug, Clone)]
pub enum Fault {
    /// Answer with this status and, if given, this Retry-After.
    Status(u16, Option<String>),
    /// Send the head and half the body, then close the connection.
    DropMidBody,
    /// Read the request and never answer (the test kills the client meanwhile).
    Hang,
    /// Send these bytes as they are (status line, headers, body: a hostile server's own
    /// answer), then close the connection.
    Raw(Vec<u8>),
}

/// One request as the server saw it.
#[derive(Debug, Clone)]
pub struct Hit {
    /// Path and query, as requested.
    pub path: String,
    /// Since the server started.
    pub at: Duration,
    pub user_agent: String,
    pub cookie: String,
    /// The status sent, or 0 for a fault with no status (dropped, hung).
    pub status: u16,
}

#[derive(Default)]
struct State {
    pages: HashMap<String, Vec<u8>>,
    faults: HashMap<String, VecDeque<Fault>>,
    hits: Vec<Hit>,
    /// Set-Cookie headers sent with a path's answer.
    cookies: HashMap<String, String>,
    /// Paths answered with a 301 to this Location.
    redirects: HashMap<String, String>,
}

pub struct Server {
    pub base_url: String,
    state: Arc<Mutex<State>>,
}

impl Server {
    /// Starts serving on a free port; the thread ends with the test process.
    pub fn start() -> Server {
        Server::start_on(0)
    }

    /// Starts serving on `port` (0: any free one).
    pub fn start_on(port: u16) -> Server {
        let listener = TcpListener::bind(("127.0.0.1", port)).expect("bind 127.0.0.1");
        let base_url = format!("http://{}", listener.local_addr().expect("local address"));
        let state = Arc::new(Mutex::new(State::default()));
        let shared = Arc::clone(&state);
        let started = Instant::now();
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let state = Arc::clone(&shared);
                thread::spawn(move || serve(stream, &state, started));
            }
        });
        Server { base_url, state }
    }

    /// Serves `body` (HTML) at `path` (with its query, e.g. `/blogs/1/questions?page=2`).
    pub fn page(&self, path: &str, body: impl Into<Vec<u8>>) -> &Server {
        self.lock().pages.insert(path.to_string(), body.into());
        self
    }

    pub fn remove(&self, path: &str) {
        self.lock().pages.remove(path);
    }

    /// The next request to `path` gets `fault` (queued after any already queued).
    pub fn fault(&self, path: &str, fault: Fault) -> &Server {
        self.lock()
            .faults
            .entry(path.to_string())
            .or_default()
            .push_back(fault);
        self
    }

    /// Answers to `path` carry this Set-Cookie.
    pub fn set_cookie(&self, path: &str, cookie: &str) -> &Server {
        self.lock()
            .cookies
            .insert(path.to_string(), cookie.to_string());
        self
    }

    /// Answers to `path` are a 301 to `location` (as sent, relative or absolute).
    pub fn redirect(&self, path: &str, location: &str) -> &Server {
        self.lock()
            .redirects
            .insert(path.to_string(), location.to_string());
        self
    }

    pub fn hits(&self) -> Vec<Hit> {
        self.lock().hits.clone()
    }

    pub fn paths(&self) -> Vec<String> {
        self.hits().into_iter().map(|h| h.path).collect()
    }

    /// How many requests went to `path`.
    pub fn count(&self, path: &str) -> usize {
        self.hits().iter().filter(|h| h.path == path).count()
    }

    pub fn clear_hits(&self) {
        self.lock().hits.clear();
    }

    /// Waits (up to 30 s) until a request to `path` has come in.
    pub fn wait_for(&self, path: &str) {
        let until = Instant::now() + Duration::from_secs(30);
        while self.count(path) == 0 {
            assert!(
                Instant::now() < until,
                "no request for {path} in 30 s: {:?}",
                self.paths()
            );
            thread::sleep(Duration::from_millis(10));
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// A request's line and headers (names lowercased): method, path with its query, headers.
/// None when the connection gave no request line.
pub fn read_head(reader: &mut impl BufRead) -> Option<(String, String, HashMap<String, String>)> {
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or("GET").to_string();
    let path = parts.next().unwrap_or("/").to_string();
    let mut headers = HashMap::new();
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).unwrap_or(0) == 0 || header.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_string());
        }
    }
    Some((method, path, headers))
}

fn serve(stream: TcpStream, state: &Mutex<State>, started: Instant) {
    let mut reader = BufReader::new(&stream);
    let Some((_, path, headers)) = read_head(&mut reader) else {
        return;
    };
    let at = started.elapsed();
    let (fault, page, cookie, redirect) = {
        let mut state = state.lock().unwrap_or_else(|e| e.into_inner());
        let fault = state.faults.get_mut(&path).and_then(VecDeque::pop_front);
        (
            fault,
            state.pages.get(&path).cloned(),
            state.cookies.get(&path).cloned(),
            state.redirects.get(&path).cloned(),
        )
    };
    let status = match (&fault, &page, &redirect) {
        (Some(Fault::Status(status, _)), _, _) => *status,
        (Some(_), _, _) => 0,
        (None, _, Some(_)) => 301,
        (None, Some(_), None) => 200,
        (None, None, None) => 404,
    };
    state
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .hits
        .push(Hit {
            path: path.clone(),
            at,
            user_agent: headers.get("user-agent").cloned().unwrap_or_default(),
            cookie: headers.get("cookie").cloned().unwrap_or_default(),
            status,
        });
    let mut stream = &stream;
    let body = page.unwrap_or_else(|| b"not found".to_vec());
    let head = |status: u16, extra: &str, length: usize| {
        format!(
            "HTTP/1.1 {status} X\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: \
             {length}\r\nConnection: close\r\n{extra}\r\n"
        )
    };
    let cookie = cookie
        .map(|c| format!("Set-Cookie: {c}\r\n"))
        .unwrap_or_default();
    let _ = match fault {
        Some(Fault::Hang) => {
            thread::sleep(Duration::from_secs(120));
            Ok(())
        }
        Some(Fault::DropMidBody) => stream
            .write_all(head(200, "", body.len()).as_bytes())
            .and_then(|()| stream.write_all(&body[..body.len() / 2]))
            .and_then(|()| stream.flush()),
        Some(Fault::Raw(bytes)) => stream.write_all(&bytes).and_then(|()| stream.flush()),
        Some(Fault::Status(status, retry_after)) => {
            let extra = retry_after
                .map(|r| format!("Retry-After: {r}\r\n"))
                .unwrap_or_default();
            stream
                .write_all(head(status, &extra, 5).as_bytes())
                .and_then(|()| stream.write_all(b"fault"))
        }
        None => {
            let extra = match &redirect {
                Some(location) => format!("{cookie}Location: {location}\r\n"),
                None => cookie,
            };
            stream
                .write_all(head(status, &extra, body.len()).as_bytes())
                .and_then(|()| stream.write_all(&body))
        }
    };
}
