//! A blog portal on 127.0.0.1 for BENCHMARKS.md: one blog (2719746) of N appeals written as
//! docs/portal.md describes the pages, robots.txt with `Crawl-delay: 0`. With `--changed M`
//! it serves the same blog a week later: the M newest appeals answered or their answers edited.
//!
//!   cargo run --release --example portal_server -- --appeals 5000 --port 8099 [--changed 50]

#[path = "../tests/integration/common/http_server.rs"]
#[allow(dead_code)]
mod http_server;
#[path = "../tests/integration/common/portal_pages.rs"]
#[allow(dead_code)]
mod portal_pages;

use std::time::Duration;

use chrono::{Days, NaiveDate};
use portal_pages::{Appeal, blog_pages};

fn main() {
    let mut appeals_n = 5000usize;
    let mut changed = 0usize;
    let mut port = 8099u16;
    let args: Vec<String> = std::env::args().skip(1).collect();
    for pair in args.chunks(2) {
        let value = pair.get(1).and_then(|v| v.parse().ok());
        match (pair[0].as_str(), value) {
            ("--appeals", Some(v)) => appeals_n = v,
            ("--changed", Some(v)) => changed = v,
            ("--port", Some(v)) => port = u16::try_from(v).unwrap_or(port),
            _ => {
                eprintln!("usage: portal_server [--appeals N] [--changed M] [--port P]");
                std::process::exit(2);
            }
        }
    }
    // The first fetch is on 2026-11-25, the re-fetch a week later. Appeals go back one a day
    // from the first fetch; each is answered ten days after it came in (the newest ten not yet).
    let first_fetch = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default();
    let day = |back: usize| {
        first_fetch
            .checked_sub_days(Days::new(back as u64 / 3))
            .unwrap_or_default()
    };
    let dotted = |d: NaiveDate| d.format("%d.%m.%Y").to_string();
    let mut appeals: Vec<Appeal> = (0..appeals_n)
        .map(|i| {
            let submitted = day(i);
            let appeal = Appeal::new(&(100_000 + appeals_n - i).to_string(), &dotted(submitted));
            match submitted.checked_add_days(Days::new(10)) {
                Some(answered) if answered <= first_fetch => appeal.answered(
                    "Управление образования области Жетысу",
                    &dotted(answered),
                    "Ответ по существу.",
                ),
                _ => appeal,
            }
        })
        .collect();
    for appeal in appeals.iter_mut().take(changed) {
        let week_later = dotted(
            first_fetch
                .checked_add_days(Days::new(7))
                .unwrap_or_default(),
        );
        match appeal.answers.first_mut() {
            Some(answer) => answer.2.push_str(" Дополнено."),
            None => {
                *appeal = appeal
                    .clone()
                    .answered("Исабаев Б.Б.", &week_later, "Поздний ответ.")
            }
        }
    }
    let server = http_server::Server::start_on(port);
    server.page(
        "/robots.txt",
        "User-agent: *\nDisallow: /blogs/all-questions/\nDisallow: /search\nCrawl-delay: 0\n",
    );
    let pages = blog_pages(
        "2719746",
        "Исабаев Бейбит Бакирович",
        "Аким области Жетысу",
        &appeals,
        &[("Отчёт", "01.11.2026", 9001)],
    );
    let count = pages.len();
    for (path, html) in pages {
        server.page(&path, html);
    }
    eprintln!(
        "serving blog 2719746 ({appeals_n} appeals, {count} pages, {changed} changed) at {}",
        server.base_url
    );
    loop {
        std::thread::sleep(Duration::from_secs(3600));
    }
}
