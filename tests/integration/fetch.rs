//! `fetch` against a local HTTP server on 127.0.0.1: the blog read and its routing, robots.txt,
//! the delay, Retry-After, retries and giving up, a dropped connection, a killed run resumed,
//! the weekly re-fetch and `--full`, the layout-changed stop, and the archive checked by warcio.

use std::process::Stdio;
use std::time::Duration;

use crate::common::http_server::{Fault, Server};
use crate::common::portal_pages::{Appeal, blog_pages};
use crate::common::{self, BLOG, OWNER, POSITION, ROBOTS, Workdir, q, row};

const DEPARTMENT: &str = "Управление образования области Жетысу";

/// The audit's blog: 25 appeals on three pages, newest first. 7 answered by the akim himself,
/// 9 by a department, 1 by the akim with a forwarding phrase, 1 copy (`/2`) answered by a
/// department, 6 unanswered and 1 rejected placeholder.
fn audit_blog() -> Vec<Appeal> {
    let personal = |id: &str, day: u32| {
        Appeal::new(id, &format!("{day:02}.09.2022")).answered(
            "Исабаев Б.Б.",
            &format!("{:02}.09.2022", day + 3),
            "Дорогу отремонтируют в октябре.",
        )
    };
    let department = |id: &str, day: u32| {
        Appeal::new(id, &format!("{day:02}.09.2022")).answered(
            DEPARTMENT,
            &format!("{:02}.09.2022", day + 5),
            "Ремонт школы запланирован.",
        )
    };
    let unanswered = |id: &str, day: u32| Appeal::new(id, &format!("{day:02}.09.2022"));
    let mut rejected = Appeal::new("765700", "18.09.2022");
    rejected.rejected = Some("20.09.2022".into());
    vec![
        // Page 1.
        personal("765824", 25),
        personal("765801", 25),
        personal("765790", 24),
        department("765780", 23),
        department("765770", 22),
        department("765760", 21),
        Appeal::new("765750", "20.09.2022").answered(
            "Исабаев Б.Б.",
            "22.09.2022",
            "Ваше обращение направлено на рассмотрение в управление образования.",
        ),
        unanswered("765740", 19),
        unanswered("765730", 19),
        rejected,
        // Page 2.
        personal("755600", 15),
        personal("755500", 14),
        department("755400", 13),
        department("755300", 12),
        department("755200", 11),
        department("755100", 10),
        department("749022/2", 9),
        unanswered("749000", 8),
        unanswered("748900", 8),
        personal("748800", 7),
        // Page 3.
        personal("740100", 5),
        department("740050", 4),
        department("740010", 3),
        unanswered("740005", 2),
        unanswered("740001", 1),
    ]
}

fn serve(server: &Server, appeals: &[Appeal]) {
    for (path, html) in blog_pages(
        BLOG,
        OWNER,
        POSITION,
        appeals,
        &[("Отчёт акима", "01.09.2022", 9001)],
    ) {
        server.page(&path, html);
    }
}

pub(crate) fn blog_server(robots: &str) -> Server {
    let server = Server::start();
    server.page("/robots.txt", robots);
    serve(&server, &audit_blog());
    server
}

/// `fetch BLOG` against the server, with the test's fixed date and any other flags.
pub(crate) fn fetch_args<'a>(server: &'a Server, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "fetch",
        BLOG,
        "--base-url",
        &server.base_url,
        "--delay",
        "0",
        "--retry-backoff",
        "0.01",
    ];
    args.extend_from_slice(extra);
    args
}

fn routing(wd: &Workdir) -> Vec<std::collections::HashMap<String, String>> {
    wd.csv_rows(&[
        "report",
        "routing",
        "--as-of",
        "2022-10-03",
        "--format",
        "csv",
    ])
}

fn stored_appeals(wd: &Workdir) -> usize {
    if !wd.path("test.db").exists() {
        return 0;
    }
    wd.csv_rows(&["export", "appeals", "--format", "csv"]).len()
}

/// `warcio check` on every archive under the workdir's archive folder (crate::common::warcio_check).
fn warcio_check(wd: &Workdir) {
    crate::common::warcio_check(&wd.path("archive"));
}

#[test]
fn fetches_a_blog_politely_and_reports_its_routing() {
    let wd = Workdir::new();
    let server = blog_server(ROBOTS);
    let stderr = String::from_utf8_lossy(
        &wd.run(&fetch_args(&server, &["--scraped-at", "2022-10-03"]))
            .stderr,
    )
    .into_owned();
    assert!(
        stderr.contains("3 of 3 questions pages, 1 posts pages, 25 appeals read"),
        "{stderr}"
    );
    let welcome = format!("/blogs/{BLOG}/welcome");
    let posts = format!("/blogs/{BLOG}/posts?page=1");
    assert_eq!(
        server.paths(),
        vec!["/robots.txt", welcome.as_str(), &q(1), &q(2), &q(3), &posts]
    );
    for hit in server.hits() {
        assert!(
            hit.user_agent.starts_with("appeal-audit/0.") && hit.user_agent.contains("(+http"),
            "{}",
            hit.user_agent
        );
    }
    let rows = routing(&wd);
    assert_eq!(rows.len(), 1, "{rows:?}");
    let akim = row(&rows, "addressee", OWNER);
    for (column, value) in [
        ("appeals", "25"),
        ("personal", "7"),
        ("forwarded", "11"),
        ("unanswered", "6"),
        ("unknown", "0"),
        ("rejected", "1"),
        ("personal_pct", "28.0"),
        ("forwarded_pct", "44.0"),
        ("vanished", "0"),
    ] {
        assert_eq!(akim[column], value, "{column} in {akim:?}");
    }
    let forwards = wd.csv_rows(&[
        "report",
        "forwards",
        "--as-of",
        "2022-10-03",
        "--format",
        "csv",
    ]);
    assert_eq!(row(&forwards, "forwarded_to", DEPARTMENT)["appeals"], "10");
    warcio_check(&wd);

    // The archive read again without the network gives the same database.
    wd.ok(&[
        "--db",
        "pages.db",
        "import",
        "pages",
        "archive",
        "--scraped-at",
        "2022-10-03",
    ]);
    let export = ["export", "appeals", "--format", "csv"];
    let from_pages = wd.ok(&["--db", "pages.db", "export", "appeals", "--format", "csv"]);
    assert_eq!(from_pages, wd.ok(&export));
    let routing_from_pages = wd.csv_rows(&[
        "--db",
        "pages.db",
        "report",
        "routing",
        "--as-of",
        "2022-10-03",
        "--format",
        "csv",
    ]);
    assert_eq!(routing_from_pages, rows);
}

#[test]
fn robots_txt_disallow_is_honoured() {
    let wd = Workdir::new();
    let server = blog_server(&format!(
        "User-agent: *\nDisallow: /blogs/{BLOG}/posts\nCrawl-delay: 0\n"
    ));
    let stderr = String::from_utf8_lossy(
        &wd.run(&fetch_args(&server, &["--scraped-at", "2022-10-03"]))
            .stderr,
    )
    .into_owned();
    assert_eq!(
        server.count(&format!("/blogs/{BLOG}/posts?page=1")),
        0,
        "{:?}",
        server.paths()
    );
    assert!(
        stderr.contains("robots.txt disallows this page, so it was not requested"),
        "{stderr}"
    );
    assert_eq!(stored_appeals(&wd), 25);
}

/// Fetches one or two questions pages (no posts, no import) from a server with this
/// robots.txt, and returns the requests the server saw.
fn requests_of_a_short_fetch(
    robots: &str,
    delay: &str,
    pages: &str,
) -> Vec<common::http_server::Hit> {
    let wd = Workdir::new();
    let server = blog_server(robots);
    let args = [
        "fetch",
        BLOG,
        "--base-url",
        &server.base_url,
        "--delay",
        delay,
    ];
    let mut args = args.to_vec();
    args.extend(["--no-posts", "--max-pages", pages, "--no-import"]);
    wd.ok(&args);
    server.hits()
}

/// Every two requests the server saw were at least `least` apart.
fn assert_spaced(hits: &[common::http_server::Hit], count: usize, least: Duration) {
    assert_eq!(hits.len(), count, "{hits:?}");
    for pair in hits.windows(2) {
        assert!(pair[1].at - pair[0].at >= least, "{pair:?}");
    }
}

#[test]
fn the_delay_is_kept_between_requests() {
    // robots.txt, the welcome page, two questions pages. Crawl-delay 0.2 s; --delay raises it.
    let hits = requests_of_a_short_fetch("User-agent: *\nCrawl-delay: 0.2\n", "0.4", "2");
    assert_spaced(&hits, 4, Duration::from_millis(400));
    // --delay 0 does not go below robots.txt's Crawl-delay.
    let hits = requests_of_a_short_fetch("User-agent: *\nCrawl-delay: 0.3\n", "0", "2");
    assert_spaced(&hits, 4, Duration::from_millis(300));
}

#[test]
fn without_a_crawl_delay_requests_are_a_second_apart() {
    let hits = requests_of_a_short_fetch("User-agent: *\nDisallow: /search\n", "0", "1");
    assert_spaced(&hits, 3, Duration::from_secs(1));
}

#[test]
fn a_429_with_retry_after_is_waited_out() {
    let wd = Workdir::new();
    let server = blog_server(ROBOTS);
    server.fault(&q(2), Fault::Status(429, Some("1".into())));
    wd.ok(&fetch_args(&server, &["--scraped-at", "2022-10-03"]));
    let tries: Vec<_> = server
        .hits()
        .into_iter()
        .filter(|h| h.path == q(2))
        .collect();
    assert_eq!(tries.len(), 2, "{tries:?}");
    assert_eq!(tries[0].status, 429);
    assert!(
        tries[1].at - tries[0].at >= Duration::from_secs(1),
        "{tries:?}"
    );
    assert_eq!(stored_appeals(&wd), 25);
    warcio_check(&wd);
}

#[test]
fn a_500_is_retried_then_given_up_with_a_clear_error_and_the_next_run_goes_on() {
    let wd = Workdir::new();
    let server = blog_server(ROBOTS);
    for _ in 0..5 {
        server.fault(&q(2), Fault::Status(500, None));
    }
    let stderr = wd.fails(&fetch_args(&server, &["--scraped-at", "2022-10-03"]), 1);
    assert_eq!(server.count(&q(2)), 5);
    let url = format!("{}{}", server.base_url, q(2));
    assert!(
        stderr.contains(&url) && stderr.contains("HTTP 500") && stderr.contains("5 tries"),
        "{stderr}"
    );
    assert!(
        stderr.contains("run the same command again later"),
        "{stderr}"
    );
    assert_eq!(stored_appeals(&wd), 0, "nothing imported");
    warcio_check(&wd);
    // The server is well again: the next run goes on from page 2.
    wd.ok(&fetch_args(&server, &["--scraped-at", "2022-10-03"]));
    assert_eq!(server.count(&q(1)), 1);
    assert_eq!(server.count(&format!("/blogs/{BLOG}/welcome")), 1);
    assert_eq!(server.count(&q(2)), 6);
    assert_eq!(stored_appeals(&wd), 25);
}

#[test]
fn a_connection_dropped_mid_body_is_retried() {
    let wd = Workdir::new();
    let server = blog_server(ROBOTS);
    server.fault(&q(1), Fault::DropMidBody);
    wd.ok(&fetch_args(&server, &["--scraped-at", "2022-10-03"]));
    assert_eq!(server.count(&q(1)), 2);
    assert_eq!(stored_appeals(&wd), 25);
    warcio_check(&wd);
}

#[test]
fn a_killed_run_is_resumed_without_fetching_a_whole_page_twice() {
    let wd = Workdir::new();
    let server = blog_server(ROBOTS);
    server.fault(&q(3), Fault::Hang);
    let mut child = wd
        .command(&fetch_args(&server, &["--scraped-at", "2022-10-03"]))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start appeal-audit");
    server.wait_for(&q(3));
    child.kill().expect("SIGKILL"); // std's kill is SIGKILL on Unix
    child.wait().expect("reap");
    assert_eq!(stored_appeals(&wd), 0, "nothing imported by the killed run");
    assert!(wd.path(&format!("archive/{BLOG}.unfinished")).exists());

    wd.ok(&fetch_args(&server, &["--scraped-at", "2022-10-03"]));
    for path in [format!("/blogs/{BLOG}/welcome"), q(1), q(2)] {
        assert_eq!(
            server.count(&path),
            1,
            "{path} fetched again: {:?}",
            server.paths()
        );
    }
    assert_eq!(server.count(&q(3)), 2);
    assert!(!wd.path(&format!("archive/{BLOG}.unfinished")).exists());
    assert_eq!(routing(&wd)[0]["appeals"], "25");
    // One run, one archive: the resumed run went on in the same file.
    assert_eq!(std::fs::read_dir(wd.path("archive")).unwrap().count(), 1);
    warcio_check(&wd);
}

#[test]
fn a_page_whose_layout_changed_stops_the_run_and_imports_nothing() {
    let wd = Workdir::new();
    let server = blog_server(ROBOTS);
    server.page(
        &q(2),
        "<html><body><div class=\"row\"><div class=\"col-xs-12\"><h3>X</h3>\
        <a class=\"readmore\" href=\"/blogs/all-questions/1\">more</a></div></div>\
        <script>$('#p').twbsPagination({ totalPages: 3 });</script></body></html>",
    );
    let stderr = wd.fails(&fetch_args(&server, &["--scraped-at", "2022-10-03"]), 1);
    assert!(
        stderr.contains(&format!("{}{}", server.base_url, q(2))),
        "{stderr}"
    );
    assert!(
        stderr.contains("layout may have changed") && stderr.contains(".warc.gz"),
        "{stderr}"
    );
    assert_eq!(stored_appeals(&wd), 0);
    assert_eq!(server.count(&q(3)), 0);
    warcio_check(&wd);
}

#[test]
fn the_interface_language_is_asked_for_with_its_cookie() {
    let wd = Workdir::new();
    let server = blog_server(ROBOTS);
    server
        .page("/application/changelang?lang=kk", "ok")
        .set_cookie("/application/changelang?lang=kk", "lang=kk; Path=/");
    wd.ok(&fetch_args(
        &server,
        &["--lang", "kk", "--no-posts", "--max-pages", "1"],
    ));
    let hits = server.hits();
    assert_eq!(hits[1].path, "/application/changelang?lang=kk");
    assert_eq!(hits.len(), 4, "{hits:?}");
    assert!(hits[2..].iter().all(|h| h.cookie == "lang=kk"), "{hits:?}");
    // The switch's answer is no page: it is not archived, and the first page's cards import.
    assert_eq!(stored_appeals(&wd), 10);
    warcio_check(&wd);
    // The locale chooses the words of the output only: the portal is asked for no language.
    server.clear_hits();
    let mut args = fetch_args(&server, &["--no-posts", "--max-pages", "1", "--no-import"]);
    args.extend(["--archive", "archive2"]);
    let out = wd
        .command(&args)
        .env("LANG", "kk_KZ.UTF-8")
        .env("APPEAL_AUDIT_LANG", "kk")
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        server.count("/application/changelang?lang=kk"),
        0,
        "{:?}",
        server.paths()
    );
}

/// The re-fetch's blog: page 1 recent, page 2 answered in July (settled by 10.10.2022),
/// page 3 submitted in early 2022 (settled by age, answered or not).
fn refetch_blog() -> Vec<Appeal> {
    let mut appeals = Vec::new();
    for i in 0..10u32 {
        let id = format!("{}", 900 - i);
        let appeal = Appeal::new(&id, &format!("{:02}.09.2022", 20 - i));
        appeals.push(match i % 2 {
            0 => appeal.answered(DEPARTMENT, "30.09.2022", &format!("Ответ на {id}.")),
            _ => appeal,
        });
    }
    for i in 0..10u32 {
        let id = format!("{}", 800 - i);
        appeals.push(
            Appeal::new(&id, &format!("{:02}.07.2022", 20 - i)).answered(
                "Исабаев Б.Б.",
                "25.07.2022",
                "Решено.",
            ),
        );
    }
    for i in 0..10u32 {
        appeals.push(Appeal::new(
            &format!("{}", 700 - i),
            &format!("{:02}.02.2022", 20 - i),
        ));
    }
    appeals
}

#[test]
fn the_weekly_re_fetch_reads_only_what_may_have_changed_and_full_marks_vanished() {
    let wd = Workdir::new();
    let server = Server::start();
    server.page("/robots.txt", ROBOTS);
    let mut blog = refetch_blog();
    serve(&server, &blog);
    wd.ok(&fetch_args(&server, &["--scraped-at", "2022-10-03"]));
    assert_eq!(server.count(&q(3)), 1);
    assert_eq!(stored_appeals(&wd), 30);

    // A week later: 899 answered late, 900's answer edited.
    blog[1] = blog[1]
        .clone()
        .answered(DEPARTMENT, "05.10.2022", "Поздний ответ.");
    blog[0].answers[0].2 = "Ответ на 900, исправленный.".into();
    serve(&server, &blog);
    server.clear_hits();
    let stderr = String::from_utf8_lossy(
        &wd.run(&fetch_args(&server, &["--scraped-at", "2022-10-10"]))
            .stderr,
    )
    .into_owned();
    assert!(stderr.contains("stopped: page 2 is settled"), "{stderr}");
    assert_eq!(server.count(&q(1)), 1);
    assert_eq!(server.count(&q(2)), 1);
    assert_eq!(server.count(&q(3)), 0, "{:?}", server.paths());
    let changes = wd.csv_rows(&["report", "changes", "--format", "csv"]);
    let change = |id: &str, kind: &str| {
        changes.iter().any(|c| {
            c["id"] == id && c["change"] == kind && c["scraped_at"].starts_with("2022-10-10")
        })
    };
    assert!(change("899", "answered"), "{changes:#?}");
    assert!(change("900", "answer_edited"), "{changes:#?}");
    assert_eq!(
        routing(&wd)[0]["vanished"],
        "0",
        "a re-fetch is no snapshot"
    );

    // 691 is gone from the blog: only --full, which reads every page, sees it.
    blog.pop();
    serve(&server, &blog);
    server.clear_hits();
    wd.ok(&fetch_args(&server, &["--scraped-at", "2022-10-17"]));
    assert_eq!(routing(&wd)[0]["vanished"], "0");
    wd.ok(&fetch_args(
        &server,
        &["--scraped-at", "2022-10-17", "--full"],
    ));
    assert_eq!(server.count(&q(3)), 1);
    let appeals = wd.csv_rows(&["export", "appeals", "--format", "csv"]);
    let gone = row(&appeals, "id", "691");
    assert!(gone["vanished"].starts_with("2022-10-17"), "{gone:?}");
    assert_eq!(row(&appeals, "id", "692")["vanished"], "");
    assert_eq!(routing(&wd)[0]["vanished"], "1");
    warcio_check(&wd);
}

#[test]
fn wrong_usage_exits_2_before_any_request() {
    let wd = Workdir::new();
    let server = blog_server(ROBOTS);
    let cases: [&[&str]; 4] = [
        &["fetch", "not-a-blog", "--base-url", &server.base_url],
        &["fetch", BLOG, "--base-url", "dialog.egov.kz"],
        &[
            "fetch",
            BLOG,
            "--base-url",
            &server.base_url,
            "--delay",
            "99999",
        ],
        &[
            "fetch",
            BLOG,
            "--base-url",
            &server.base_url,
            "--scraped-at",
            "31.02.2022",
        ],
    ];
    for args in cases {
        let stderr = wd.fails(args, 2);
        assert!(stderr.contains("appeal-audit: error:"), "{stderr}");
    }
    assert!(server.hits().is_empty(), "{:?}", server.paths());
    assert!(!wd.path("archive").exists());
}
