//! `fetch` against a hostile server on 127.0.0.1: two runs of one blog at once, robots.txt that
//! redirects, closes the blog or asks for an hour a page, terminal control sequences and
//! bidirectional overrides in a page, a page nested 100,000 deep, lists that repeat or claim a
//! billion pages, one number twice on a page, links to another site, and blog arguments that
//! name another site, a 300-digit id or one blog twice. Each case asserts the exit code, the
//! message, the database and the archive (warcio, where it is installed).

use std::process::Stdio;

use crate::common::http_server::{Fault, Server};
use crate::common::portal_pages::{Appeal, blog_pages};
use crate::common::{BLOG, OWNER, POSITION, ROBOTS, Workdir, q};

/// 25 appeals, newest first, on three pages.
fn appeals() -> Vec<Appeal> {
    (0..25u32)
        .map(|i| {
            Appeal::new(
                &format!("{}", 765_824 - i),
                &format!("{:02}.09.2022", 28 - i),
            )
        })
        .collect()
}

/// The blog's pages as the server serves them, by path.
fn pages(blog: &str, owner: &str, appeals: &[Appeal]) -> Vec<(String, String)> {
    blog_pages(
        blog,
        owner,
        POSITION,
        appeals,
        &[("Отчёт", "01.09.2022", 9001)],
    )
}

fn blog_server(robots: &str) -> Server {
    let server = Server::start();
    server.page("/robots.txt", robots);
    for (path, html) in pages(BLOG, OWNER, &appeals()) {
        server.page(&path, html);
    }
    server
}

fn fetch_args<'a>(server: &'a Server, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "fetch",
        BLOG,
        "--base-url",
        &server.base_url,
        "--delay",
        "0",
        "--retry-backoff",
        "0.01",
        "--scraped-at",
        "2022-10-03",
    ];
    args.extend_from_slice(extra);
    args
}

fn stored_appeals(wd: &Workdir) -> Vec<std::collections::HashMap<String, String>> {
    if !wd.path("test.db").exists() {
        return Vec::new();
    }
    wd.csv_rows(&["export", "appeals", "--format", "csv", "--raw"])
}

fn archives(wd: &Workdir) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(wd.path("archive"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".warc.gz"))
        .collect()
}

fn warcio_check(wd: &Workdir) {
    crate::common::warcio_check(&wd.path("archive"));
}

/// Nothing fetched but robots.txt (and what it redirected to), nothing archived or stored.
fn nothing_read(wd: &Workdir, server: &Server) {
    assert!(
        server
            .paths()
            .iter()
            .all(|p| !p.starts_with("/blogs/") && !p.starts_with("/application/")),
        "{:?}",
        server.paths()
    );
    assert!(archives(wd).is_empty(), "{:?}", archives(wd));
    assert!(stored_appeals(wd).is_empty());
}

#[test]
fn a_second_run_of_a_blog_refuses_at_once_and_a_killed_runs_lock_blocks_nothing() {
    let wd = Workdir::new();
    let server = blog_server(ROBOTS);
    server.fault(&q(2), Fault::Hang);
    let mut first = wd
        .command(&fetch_args(&server, &[]))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start appeal-audit");
    server.wait_for(&q(2));
    let before = server.hits().len();
    // `0555`-style spelling or not, one blog is one lock.
    let zeros = format!("0{BLOG}");
    let mut args = fetch_args(&server, &[]);
    args[1] = &zeros;
    let stderr = wd.fails(&args, 1);
    assert!(
        stderr.contains(&format!("blog {BLOG} is being fetched by another run"))
            && stderr.contains(&format!("pid {}", first.id()))
            && stderr.contains("Wait for that run to end"),
        "{stderr}"
    );
    assert_eq!(
        server.hits().len(),
        before,
        "the second run requested nothing"
    );
    first.kill().expect("SIGKILL");
    first.wait().expect("reap");
    assert!(wd.path(&format!("archive/{BLOG}.lock")).exists());

    // The killed run's lock file is left, its lock is not: the next run goes on.
    let stderr = String::from_utf8_lossy(&wd.run(&fetch_args(&server, &[])).stderr).into_owned();
    assert!(stderr.contains("3 of 3 questions pages"), "{stderr}");
    assert_eq!(server.count(&q(1)), 1, "page 1 was taken from the archive");
    assert_eq!(stored_appeals(&wd).len(), 25);
    assert_eq!(archives(&wd).len(), 1, "one run, one archive");
    assert!(!wd.path(&format!("archive/{BLOG}.lock")).exists());
    assert!(!wd.path(&format!("archive/{BLOG}.unfinished")).exists());
    warcio_check(&wd);
}

#[test]
fn robots_txt_redirects_are_followed_and_a_closed_blog_stops_the_run() {
    // Two redirects on the site, to rules that close the posts: followed, and obeyed.
    let wd = Workdir::new();
    let server = blog_server("");
    server
        .redirect("/robots.txt", "/rules/robots.txt")
        .redirect(
            "/rules/robots.txt",
            &format!("{}/robots2.txt", server.base_url),
        )
        .page(
            "/robots2.txt",
            format!("User-agent: *\nDisallow: /blogs/{BLOG}/posts\nCrawl-delay: 0\n"),
        );
    wd.ok(&fetch_args(&server, &[]));
    assert_eq!(server.count("/robots2.txt"), 1, "{:?}", server.paths());
    assert_eq!(server.count(&format!("/blogs/{BLOG}/posts?page=1")), 0);
    assert_eq!(stored_appeals(&wd).len(), 25);
    warcio_check(&wd);

    // A 301 to `Disallow: /`, and a plain `Disallow: /`: exit 1 before any page.
    for redirected in [true, false] {
        let wd = Workdir::new();
        let server = blog_server("User-agent: *\nDisallow: /\n");
        if redirected {
            server
                .redirect("/robots.txt", "/closed.txt")
                .page("/closed.txt", "User-agent: *\nDisallow: /\n");
        }
        let stderr = wd.fails(&fetch_args(&server, &[]), 1);
        assert!(
            stderr.contains(&format!("disallows blog {BLOG}'s questions pages"))
                && stderr.contains("none of its pages was requested"),
            "{stderr}"
        );
        nothing_read(&wd, &server);
    }

    // Six redirects, or one to another site: the rules are unknown, nothing is fetched.
    let wd = Workdir::new();
    let server = blog_server(ROBOTS);
    for n in 0..6 {
        server.redirect(&format!("/r{n}"), &format!("/r{}", n + 1));
    }
    server.redirect("/robots.txt", "/r0");
    let stderr = wd.fails(&fetch_args(&server, &[]), 1);
    assert!(stderr.contains("redirects more than 5 times"), "{stderr}");
    nothing_read(&wd, &server);
    let wd = Workdir::new();
    let server = blog_server(ROBOTS);
    server.redirect("/robots.txt", "https://elsewhere.example/robots.txt");
    let stderr = wd.fails(&fetch_args(&server, &[]), 1);
    assert!(
        stderr.contains("robots.txt is sent elsewhere (https://elsewhere.example/robots.txt)"),
        "{stderr}"
    );
    nothing_read(&wd, &server);
}

#[test]
fn a_crawl_delay_over_a_minute_is_refused_and_the_run_says_how_long_it_takes() {
    let wd = Workdir::new();
    let server = blog_server("User-agent: *\nCrawl-delay: 3600\n");
    let stderr = wd.fails(&fetch_args(&server, &[]), 1);
    assert!(
        stderr.contains("robots.txt asks for 3600 s between requests")
            && stderr.contains("100 hours")
            && stderr.contains("up to 60 s"),
        "{stderr}"
    );
    assert_eq!(server.paths(), ["/robots.txt"]);
    nothing_read(&wd, &server);

    // A minute is accepted; the run says up front what it costs. (--max-pages and --no-import
    // keep it to the message: the run is not waited for.)
    let wd = Workdir::new();
    let server = blog_server("User-agent: *\nCrawl-delay: 0.5\n");
    let stderr = String::from_utf8_lossy(
        &wd.run(&fetch_args(&server, &["--no-posts", "--max-pages", "1"]))
            .stderr,
    )
    .into_owned();
    assert!(
        stderr.contains("0.5 s between requests, so about 6 s a blog of 10 pages")
            && stderr.contains(&format!(
                "{BLOG}: up to 1 questions pages to read (totalPages 3) at 0.5 s a page: about 0 s"
            )),
        "{stderr}"
    );
}

#[test]
fn control_characters_never_reach_the_terminal_and_bidi_overrides_are_checked() {
    let wd = Workdir::new();
    let owner = "Исабаев\u{1b}]0;pwned\u{7} Бейбит\u{1b}[2J Бакирович";
    let mut blog = appeals();
    blog[0].text = "Дорога\u{1b}[31m красная\u{7}\u{9b}0m и \u{202e}gpj.exe".into();
    let server = Server::start();
    server.page("/robots.txt", ROBOTS);
    for (path, html) in pages(BLOG, owner, &blog) {
        server.page(&path, html);
    }
    let out = wd.run(&fetch_args(&server, &[]));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\u{7}'),
        "{stderr:?}"
    );
    assert!(
        stderr.contains("Исабаев\\u{1b}]0;pwned\\u{7} Бейбит"),
        "{stderr}"
    );
    // Stored as the page has it.
    let stored = stored_appeals(&wd);
    let first = stored.iter().find(|a| a["id"] == "765824").expect("765824");
    assert_eq!(first["text"], blog[0].text);
    assert_eq!(first["addressee"], owner);
    // Shown escaped, as a table and as Markdown; JSON keeps every character.
    for format in ["table", "md"] {
        let shown = wd.ok(&["show", "765824", "--format", format]);
        assert!(
            !shown
                .chars()
                .any(|c| (c.is_control() && c != '\n') || c == '\u{202e}'),
            "{format}: {shown:?}"
        );
        assert!(
            shown.contains("Дорога\\u{1b}[31m красная\\u{7}\\u{9b}0m и \\u{202e}gpj.exe"),
            "{format}: {shown}"
        );
    }
    let json = wd.json(&["show", "765824", "--format", "json"]);
    assert_eq!(json[0]["text"], blog[0].text.as_str());
    let report = wd.ok(&["report", "routing", "--as-of", "2022-10-03"]);
    assert!(
        !report.contains('\u{1b}') && report.contains("\\u{1b}"),
        "{report}"
    );
    // The override is a problem for `check`, named with its field.
    let problems = wd.csv_rows(&["check", "--format", "csv"]);
    let bidi: Vec<_> = problems
        .iter()
        .filter(|p| p["problem"] == "bidi_control")
        .collect();
    assert_eq!(bidi.len(), 1, "{problems:?}");
    assert_eq!(
        (bidi[0]["id"].as_str(), bidi[0]["field"].as_str()),
        ("765824", "text")
    );
    let table = wd.ok(&["check"]);
    assert!(
        table.contains("bidi_control") && !table.contains('\u{202e}'),
        "{table}"
    );
    warcio_check(&wd);
}

#[test]
fn a_page_nested_100_000_deep_is_a_layout_stop_before_it_is_parsed() {
    let wd = Workdir::new();
    let server = blog_server(ROBOTS);
    let deep = format!(
        "<html><body>{}deep{}<script>$('#p').twbsPagination({{ totalPages: 3 }});</script></body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    server.page(&q(1), deep);
    let stderr = wd.fails(&fetch_args(&server, &[]), 1);
    assert!(
        stderr.contains(&format!("{}{}", server.base_url, q(1)))
            && stderr.contains("layout may have changed")
            && stderr.contains("more than 2000 levels deep")
            && stderr.contains(".warc.gz"),
        "{stderr}"
    );
    assert_eq!(server.count(&q(2)), 0);
    assert!(stored_appeals(&wd).is_empty());
    warcio_check(&wd);
}

#[test]
fn a_list_that_repeats_itself_ends_and_a_billion_pages_are_refused() {
    // Page 2 shows page 1's cards again (and says there are 5 pages): the crawl ends there.
    let wd = Workdir::new();
    let server = blog_server(ROBOTS);
    let blog = appeals();
    let page1 = crate::common::portal_pages::questions(OWNER, POSITION, &blog[..10], 1, 5);
    server.page(&q(1), page1.clone());
    server.page(
        &q(2),
        crate::common::portal_pages::questions(OWNER, POSITION, &blog[..10], 2, 5),
    );
    let stderr = String::from_utf8_lossy(&wd.run(&fetch_args(&server, &[])).stderr).into_owned();
    assert!(
        stderr.contains("stopped: page 2 shows only appeal cards already read on earlier pages")
            && stderr.contains("no snapshot"),
        "{stderr}"
    );
    assert_eq!(server.count(&q(3)), 0);
    assert_eq!(stored_appeals(&wd).len(), 10);
    warcio_check(&wd);

    // totalPages: 999999999 on page 1: refused before page 2, unless --max-pages bounds it.
    let wd = Workdir::new();
    let server = blog_server(ROBOTS);
    server.page(
        &q(1),
        page1.replace("totalPages: 5", "totalPages: 999999999"),
    );
    let stderr = wd.fails(&fetch_args(&server, &[]), 1);
    assert!(
        stderr.contains(&format!("{}{}", server.base_url, q(1)))
            && stderr.contains("999999999 pages (totalPages)")
            && stderr.contains("--max-pages N"),
        "{stderr}"
    );
    assert_eq!(server.count(&q(2)), 0);
    assert!(stored_appeals(&wd).is_empty());
    warcio_check(&wd);
    let wd = Workdir::new();
    let stderr =
        String::from_utf8_lossy(&wd.run(&fetch_args(&server, &["--max-pages", "2"])).stderr)
            .into_owned();
    assert!(
        stderr.contains("up to 2 questions pages to read (totalPages 999999999)")
            && stderr.contains("stopped: --max-pages 2"),
        "{stderr}"
    );
    assert_eq!(stored_appeals(&wd).len(), 20);
}

#[test]
fn one_number_twice_on_a_page_stops_the_run_and_links_elsewhere_are_not_stored() {
    let wd = Workdir::new();
    let server = blog_server(ROBOTS);
    let mut blog = appeals();
    blog[5] = Appeal::new("765824", "20.09.2022");
    server.page(
        &q(1),
        crate::common::portal_pages::questions(OWNER, POSITION, &blog[..10], 1, 3),
    );
    let stderr = wd.fails(&fetch_args(&server, &[]), 1);
    assert!(
        stderr.contains("appeal cards 1 and 6 both have registration number 765824")
            && stderr.contains(&q(1)),
        "{stderr}"
    );
    assert!(stored_appeals(&wd).is_empty());
    warcio_check(&wd);

    // An absolute link to another site: the appeal's address is the portal's own.
    let wd = Workdir::new();
    let server = blog_server(ROBOTS);
    let page1 = crate::common::portal_pages::questions(OWNER, POSITION, &appeals()[..10], 1, 3)
        .replace(
            "href=\"/blogs/all-questions/765824\"",
            "href=\"https://phish.example/blogs/all-questions/765824\"",
        );
    server.page(&q(1), page1);
    wd.ok(&fetch_args(&server, &[]));
    let stored = stored_appeals(&wd);
    let first = stored.iter().find(|a| a["id"] == "765824").expect("765824");
    assert_eq!(
        first["url"],
        format!("{}/blogs/all-questions/765824", server.base_url)
    );
    assert!(stored.iter().all(|a| !a["url"].contains("phish")));
}

#[test]
fn blog_arguments_name_one_blog_on_the_site_read_or_are_refused() {
    let wd = Workdir::new();
    let server = blog_server(ROBOTS);
    let long = "9".repeat(300);
    let elsewhere = format!("https://dialog.evil.example/blogs/{BLOG}/welcome");
    for (blog, says) in [
        (long.as_str(), "it has 300 digits"),
        (elsewhere.as_str(), "is on dialog.evil.example"),
    ] {
        let mut args = fetch_args(&server, &[]);
        args[1] = blog;
        let stderr = wd.fails(&args, 2);
        assert!(stderr.contains(says), "{stderr}");
        assert!(
            !stderr.contains("too long") && !stderr.contains("ermission"),
            "{stderr}"
        );
    }
    assert!(server.hits().is_empty(), "{:?}", server.paths());
    assert!(!wd.path("archive").exists());

    // `0555` is blog 555, and given twice with `555` it is read once.
    let server = Server::start();
    server.page("/robots.txt", ROBOTS);
    for (path, html) in pages("555", OWNER, &appeals()[..3]) {
        server.page(&path, html);
    }
    let address = format!("{}/blogs/0555/welcome", server.base_url);
    let mut args = fetch_args(&server, &["555", &address]);
    args[1] = "0555";
    wd.ok(&args);
    assert_eq!(
        server.count("/blogs/555/welcome"),
        1,
        "{:?}",
        server.paths()
    );
    assert!(server.paths().iter().all(|p| !p.contains("0555")));
    assert_eq!(stored_appeals(&wd).len(), 3);
}
