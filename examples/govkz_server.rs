//! A stand-in for www.gov.kz on 127.0.0.1 for BENCHMARKS.md: N bodies (default 1,400, as
//! many as the platform has) under one root `kz`, in regions of 70, each with M news items
//! (default 30), ETags on, robots.txt with `Crawl-delay: 0`. With `--new K` the first K bodies
//! have one item more (a week later).
//!
//!   cargo run --release --example govkz_server -- --bodies 1400 --news 30 --port 8098 [--new 0]

#[path = "../tests/integration/common/govkz_server.rs"]
#[allow(dead_code)]
mod govkz_server;
#[path = "../tests/integration/common/http_server.rs"]
#[allow(dead_code)]
mod http_server;

use std::time::Duration;

use govkz_server::{GovServer, StandInBody};

fn main() {
    let mut bodies_n = 1400u32;
    let mut news_n = 30u64;
    let mut new = 0u32;
    let mut port = 8098u16;
    let args: Vec<String> = std::env::args().skip(1).collect();
    for pair in args.chunks(2) {
        let value = pair.get(1).and_then(|v| v.parse::<u64>().ok());
        match (pair[0].as_str(), value) {
            ("--bodies", Some(v)) => bodies_n = u32::try_from(v).unwrap_or(bodies_n),
            ("--news", Some(v)) => news_n = v,
            ("--new", Some(v)) => new = u32::try_from(v).unwrap_or(new),
            ("--port", Some(v)) => port = u16::try_from(v).unwrap_or(port),
            _ => {
                eprintln!("usage: govkz_server [--bodies N] [--news M] [--new K] [--port P]");
                std::process::exit(2);
            }
        }
    }
    let name = |n: u32, lang: &str| format!("Управление {n} ({lang})");
    let mut bodies = vec![StandInBody {
        id: 1,
        slug: "kz".into(),
        names: [
            "Республика".into(),
            "Республика (kk)".into(),
            "Republic".into(),
        ],
        parent: None,
        head: None,
        news: Vec::new(),
        officials: Vec::new(),
    }];
    for n in 0..bodies_n {
        let id = n + 2;
        // Regions of 70 under the root; the other bodies under their region.
        let parent = match n % 70 {
            0 => 1,
            _ => (n - n % 70) + 2,
        };
        let mut news: Vec<(u64, String, String)> = (0..news_n)
            .map(|i| {
                let item = u64::from(id) * 1000 + news_n - i;
                let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default()
                    - chrono::Duration::days(i as i64);
                (item, format!("{day}T10:00:00"), format!("Новость {item}"))
            })
            .collect();
        if n < new {
            let item = u64::from(id) * 1000 + news_n + 1;
            news.insert(
                0,
                (
                    item,
                    "2026-12-01T10:00:00".into(),
                    format!("Новость {item}"),
                ),
            );
        }
        bodies.push(StandInBody {
            id,
            slug: format!("body-{id}"),
            names: [name(id, "ru"), name(id, "kk"), name(id, "en")],
            parent: Some(parent),
            head: None,
            news,
            officials: Vec::new(),
        });
    }
    let server = GovServer::start_on(port, bodies);
    server.with_etags();
    eprintln!("serving {} on {}", bodies_n, server.base_url);
    loop {
        std::thread::sleep(Duration::from_secs(3600));
    }
}
