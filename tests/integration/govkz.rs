//! `fetch news` and `fetch directory` against a stand-in for gov.kz on 127.0.0.1 (govkz.md):
//! the story's case end to end, refusals that are never silence, conditional re-fetches, the
//! stop at what is stored, the archive read again offline, and the probe.

use crate::common::govkz_server::{GovServer, Refusal, StandInBody, sources_asked};
use crate::common::{Workdir, row, warcio_check};

fn person(lastname: &str, name: &str, middlename: &str, position: &str) -> [String; 4] {
    [lastname, name, middlename, position].map(str::to_string)
}

fn names(ru: &str, kk: &str, en: &str) -> [String; 3] {
    [ru, kk, en].map(str::to_string)
}

/// `count` items, one a day back from `newest` (a date), ids from `first_id` down.
fn news(first_id: u64, newest: &str, count: u64) -> Vec<(u64, String, String)> {
    let newest = chrono::NaiveDate::parse_from_str(newest, "%Y-%m-%d").unwrap();
    (0..count)
        .map(|n| {
            let day = newest - chrono::Duration::days(n as i64);
            (
                first_id - n,
                format!("{day}T10:15:00"),
                format!("Новость {}", first_id - n),
            )
        })
        .collect()
}

const AKIMAT: &str = "Акимат области Жетысу";
const COMDEV: &str = "Управление общественного развития области Жетысу";
const DIGITAL: &str = "Управление цифровизации области Жетысу";
const DISTRICT: &str = "Аппарат акима Ескельдинского района";

/// The Zhetysu region as the story found it in 2022, and one body elsewhere.
pub(crate) fn zhetysu() -> Vec<StandInBody> {
    vec![
        StandInBody {
            id: 1,
            slug: "zhetysu-oblysy".into(),
            names: names(
                AKIMAT,
                "Жетісу облысының әкімдігі",
                "Akimat of Zhetysu region",
            ),
            parent: None,
            head: Some(person(
                "Исабаев",
                "Бейбит",
                "Бакытович",
                "Аким области Жетісу",
            )),
            news: news(9_000, "2022-09-28", 3),
            officials: vec![
                person("Исабаев", "Бейбит", "Бакытович", "Аким области Жетісу"),
                person(
                    "Сарсенов",
                    "Ерлан",
                    "Маратович",
                    "Заместитель акима области Жетісу",
                ),
            ],
        },
        StandInBody {
            id: 2,
            slug: "zhetysu-comdev".into(),
            names: names(
                COMDEV,
                "Жетісу облысының қоғамдық даму басқармасы",
                "Department of Public Development of Zhetysu region",
            ),
            parent: Some(1),
            head: Some(person(
                "Керимбек",
                "Бауыржан",
                "Серикович",
                "Руководитель управления",
            )),
            news: news(5_000, "2022-08-23", 5),
            officials: vec![person(
                "Керимбек",
                "Бауыржан",
                "Серикович",
                "Руководитель управления",
            )],
        },
        StandInBody {
            id: 3,
            slug: "zhetysu-digital".into(),
            names: names(
                DIGITAL,
                "Жетісу облысының цифрландыру басқармасы",
                "Digitalization Department of Zhetysu region",
            ),
            parent: Some(1),
            head: None,
            news: news(7_000, "2022-09-30", 4),
            officials: Vec::new(),
        },
        StandInBody {
            id: 4,
            slug: "eskeldi-audany".into(),
            names: names(
                DISTRICT,
                "Ескелді ауданы әкімінің аппараты",
                "Office of the Akim of Eskeldi district",
            ),
            parent: Some(3),
            head: None,
            news: vec![(
                8_000,
                "2022-10-01T00:00:00".into(),
                "Перенесено со старого сайта".into(),
            )],
            officials: Vec::new(),
        },
        StandInBody {
            id: 5,
            slug: "astana".into(),
            names: names(
                "Акимат города Астаны",
                "Астана қаласының әкімдігі",
                "Akimat of Astana",
            ),
            parent: None,
            head: None,
            news: news(9_500, "2022-10-02", 2),
            officials: Vec::new(),
        },
    ]
}

pub(crate) fn fetch(dir: &Workdir, server: &GovServer, args: &[&str]) -> std::process::Output {
    let archive = dir.path("archive");
    let mut all: Vec<&str> = vec!["fetch"];
    all.extend_from_slice(args);
    all.extend_from_slice(&[
        "--base-url",
        &server.base_url,
        "--archive",
        archive.to_str().unwrap(),
    ]);
    // A probe imports nothing, so it takes no scrape date.
    if !args.contains(&"--probe") {
        all.extend_from_slice(&["--scraped-at", "2022-10-03"]);
    }
    dir.run(&all)
}

fn ok(output: &std::process::Output, what: &str) -> String {
    assert!(
        output.status.success(),
        "{what}: {}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn silence(dir: &Workdir, extra: &[&str]) -> Vec<std::collections::HashMap<String, String>> {
    let mut args = vec![
        "report",
        "silence",
        "--as-of",
        "2022-10-03",
        "--format",
        "csv",
    ];
    args.extend_from_slice(extra);
    dir.csv_rows(&args)
}

#[test]
fn the_story_end_to_end_directory_news_and_silence() {
    let server = GovServer::start(zhetysu());
    let dir = Workdir::new();
    ok(
        &fetch(&dir, &server, &["directory", "zhetysu-oblysy"]),
        "fetch directory",
    );
    let entries = dir.csv_rows(&["export", "posts", "--format", "csv"]);
    assert!(
        entries.is_empty(),
        "a directory fetch imports no posts: {entries:?}"
    );
    // Every body under the akimat, at any depth, and not the one elsewhere.
    let rows = silence(&dir, &["--kind", "department"]);
    let mut departments: Vec<&str> = rows.iter().map(|r| r["name"].as_str()).collect();
    departments.sort_unstable();
    assert_eq!(departments, [AKIMAT, DISTRICT, COMDEV, DIGITAL]);
    let officials = silence(&dir, &["--kind", "official"]);
    let mut people: Vec<&str> = officials.iter().map(|r| r["name"].as_str()).collect();
    people.sort_unstable();
    assert_eq!(
        people,
        [
            "Исабаев Бейбит Бакытович",
            "Керимбек Бауыржан Серикович",
            "Сарсенов Ерлан Маратович"
        ]
    );

    ok(
        &fetch(&dir, &server, &["news", "--under", "zhetysu-oblysy"]),
        "fetch news",
    );
    let rows = silence(&dir, &["--kind", "department"]);
    let comdev = row(&rows, "name", COMDEV);
    assert_eq!(comdev["last_post"], "2022-08-23");
    assert_eq!(comdev["days_since"], "41");
    assert_eq!(comdev["status"], "stale");
    assert_eq!(row(&rows, "name", DIGITAL)["last_post"], "2022-09-30");
    assert_eq!(row(&rows, "name", DIGITAL)["status"], "ok");
    assert_eq!(row(&rows, "name", AKIMAT)["last_post"], "2022-09-28");
    // Officials are not expected to post: only departments decide --fail-if-stale.
    let stale = dir.run(&[
        "report",
        "silence",
        "--as-of",
        "2022-10-03",
        "--kind",
        "department",
        "--fail-if-stale",
        "--format",
        "csv",
    ]);
    assert_eq!(stale.status.code(), Some(3));
    let posts = dir.csv_rows(&["export", "posts", "--format", "csv"]);
    assert_eq!(
        posts.len(),
        3 + 5 + 4 + 1,
        "every item of the four bodies: {posts:?}"
    );
    let first = row(
        &posts,
        "url",
        "https://www.gov.kz/memleket/entities/zhetysu-comdev/press/news/details/5000",
    );
    assert_eq!(first["department"], COMDEV);
    assert_eq!(first["source"], "gov.kz");
    assert!(first["published_at"].starts_with("2022-08-23"), "{first:?}");
    assert!(
        posts
            .iter()
            .all(|p| p["department"] != "Акимат города Астаны")
    );
    // The midnight item of a bulk move is kept, and `check` says so.
    let check = dir.csv_rows(&["check", "--format", "csv"]);
    assert!(
        check
            .iter()
            .any(|p| p["problem"] == "midnight_last_post" && p["value"].contains("00:00:00")),
        "{check:?}"
    );
    warcio_check(&dir.path("archive"));
}

#[test]
fn who_is_who_matches_answerers_to_fetched_bodies_and_people() {
    let server = GovServer::start(zhetysu());
    let dir = Workdir::new();
    ok(
        &fetch(&dir, &server, &["directory", "zhetysu-oblysy"]),
        "fetch directory",
    );
    dir.write(
        "appeals.csv",
        "id,addressee,submitted_at,answered_at,answered_by,answer_text\n\
         1,Исабаев Бейбит Бакытович,2022-09-01,2022-09-05,Керимбек Б.,Ответ\n\
         2,Исабаев Бейбит Бакытович,2022-09-01,2022-09-05,Управление общественного развития области Жетысу,Ответ\n\
         3,Исабаев Бейбит Бакытович,2022-09-01,2022-09-05,Жетісу облысының қоғамдық даму басқармасы,Ответ\n",
    );
    dir.ok(&[
        "import",
        "appeals",
        dir.path("appeals.csv").to_str().unwrap(),
    ]);
    let check = dir.csv_rows(&["check", "--format", "csv"]);
    let unmatched: Vec<&str> = check
        .iter()
        .filter(|p| p["problem"] == "unmatched_name")
        .map(|p| p["value"].as_str())
        .collect();
    assert!(
        unmatched.is_empty(),
        "every answerer is known: {unmatched:?}"
    );
    let forwards = dir.csv_rows(&[
        "report",
        "forwards",
        "--as-of",
        "2022-10-03",
        "--format",
        "csv",
    ]);
    let targets: Vec<(&str, &str)> = forwards
        .iter()
        .map(|f| (f["forwarded_to"].as_str(), f["appeals"].as_str()))
        .collect();
    assert!(
        targets.contains(&(COMDEV, "2")),
        "the body under its Russian name: {targets:?}"
    );
    assert!(
        targets.contains(&("Керимбек Бауыржан Серикович", "1")),
        "the person under their full name: {targets:?}"
    );
}

/// Zhetysu where RSS and GraphQL refuse everyone and JSON refuses zhetysu-digital: comdev is
/// read by JSON, digital by no source.
pub(crate) fn digital_unread() -> GovServer {
    let server = GovServer::start(zhetysu());
    server
        .refuse("*", "rss", Refusal::Challenge)
        .refuse("*", "graphql", Refusal::Forbidden)
        .refuse("zhetysu-digital", "json", Refusal::BlockPage);
    server
}

#[test]
fn refusals_move_to_the_next_source_and_a_body_no_source_answers_is_not_silent() {
    let server = digital_unread();
    let dir = Workdir::new();
    let output = fetch(
        &dir,
        &server,
        &["news", "zhetysu-comdev", "zhetysu-digital"],
    );
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("zhetysu-digital"), "{stderr}");
    assert!(
        stderr.contains("not read") || stderr.contains("NOT READ"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Доступ на интернет-ресурс временно ограничен"),
        "{stderr}"
    );
    // The body read is imported; the one refused has no post at all.
    let posts = dir.csv_rows(&["export", "posts", "--format", "csv"]);
    assert_eq!(posts.len(), 5);
    assert!(posts.iter().all(|p| p["department"] == COMDEV));
    let rows = silence(&dir, &[]);
    let digital = row(&rows, "name", DIGITAL);
    assert_eq!(digital["status"], "not_read", "{rows:?}");
    assert_eq!(digital["last_attempt"], "2022-10-03");
    assert_eq!(row(&rows, "name", COMDEV)["status"], "stale");
    // Every answer, refusals included, is archived.
    warcio_check(&dir.path("archive"));
    // Never a browser: the tool names itself on every request.
    assert!(
        server
            .hits()
            .iter()
            .all(|h| h.user_agent.starts_with("appeal-audit/"))
    );
}

#[test]
fn a_weekly_run_of_an_unchanged_body_costs_one_request() {
    let server = GovServer::start(zhetysu());
    server.with_etags();
    let dir = Workdir::new();
    ok(
        &fetch(&dir, &server, &["news", "zhetysu-comdev"]),
        "first fetch",
    );
    server.clear_hits();
    ok(
        &fetch(&dir, &server, &["news", "zhetysu-comdev"]),
        "second fetch",
    );
    let hits = server.hits();
    let news: Vec<_> = hits
        .iter()
        .filter(|h| h.path != "/robots.txt" && !h.body.contains("projectdetails"))
        .collect();
    assert_eq!(news.len(), 1, "{news:?}");
    assert_eq!(news[0].status, 304);
    assert_eq!(
        dir.csv_rows(&["export", "posts", "--format", "csv"]).len(),
        5
    );
}

#[test]
fn a_refetch_stops_at_the_first_page_already_stored() {
    let mut bodies = zhetysu();
    bodies[1].news = news(5_000, "2022-08-23", 250);
    let server = GovServer::start(bodies);
    server
        .refuse("*", "rss", Refusal::Challenge)
        .refuse("*", "graphql", Refusal::Challenge);
    let dir = Workdir::new();
    ok(
        &fetch(&dir, &server, &["news", "zhetysu-comdev"]),
        "first fetch",
    );
    let json_pages = |server: &GovServer| {
        server
            .hits()
            .iter()
            .filter(|h| h.path.contains("content-manager/news"))
            .count()
    };
    assert_eq!(json_pages(&server), 3, "250 items, 100 a page");
    assert_eq!(
        dir.csv_rows(&["export", "posts", "--format", "csv"]).len(),
        250
    );
    server.add_news("zhetysu-comdev", (5_001, "2022-08-24T09:00:00", "Новая"));
    server.clear_hits();
    ok(
        &fetch(&dir, &server, &["news", "zhetysu-comdev"]),
        "re-fetch",
    );
    // The first page holds the new item and 99 stored; the second only stored ones: the end.
    assert_eq!(
        json_pages(&server),
        2,
        "up to the first page of stored items"
    );
    assert_eq!(
        dir.csv_rows(&["export", "posts", "--format", "csv"]).len(),
        251
    );
    assert_eq!(
        sources_asked(&server.hits()).len(),
        5,
        "robots, list, rss, graphql, json"
    );
}

#[test]
fn the_archive_imports_again_without_the_network() {
    let server = GovServer::start(zhetysu());
    server.refuse("*", "rss", Refusal::Challenge);
    let dir = Workdir::new();
    ok(
        &fetch(
            &dir,
            &server,
            &["news", "--under", "zhetysu-oblysy", "--no-import"],
        ),
        "fetch",
    );
    assert!(
        !dir.path("appeals.db").exists(),
        "--no-import imports nothing"
    );
    let archive = dir.path("archive");
    // The probe reads each answer as the import will: the refusals say so.
    let probe = dir.run(&["import", "pages", "--probe", archive.to_str().unwrap()]);
    let report = String::from_utf8_lossy(&probe.stdout);
    assert!(report.contains("page: gov.kz news"), "{report}");
    assert!(report.contains("items: 5"), "{report}");
    assert!(report.contains("notAllowed"), "{report}");
    assert_eq!(probe.status.code(), Some(1), "a source refused: {report}");
    assert!(!dir.path("appeals.db").exists(), "a probe imports nothing");
    let stderr = dir.ok(&["import", "pages", archive.to_str().unwrap()]);
    let posts = dir.csv_rows(&["export", "posts", "--format", "csv"]);
    assert_eq!(posts.len(), 13, "{stderr}");
    assert_eq!(
        row(&silence(&dir, &[]), "name", COMDEV)["last_post"],
        "2022-08-23"
    );
    // Again: nothing changes.
    dir.ok(&["import", "pages", archive.to_str().unwrap()]);
    assert_eq!(
        dir.csv_rows(&["export", "posts", "--format", "csv"]).len(),
        13
    );
}

#[test]
fn bodies_are_named_by_slug_address_or_name_never_guessed() {
    let server = GovServer::start(zhetysu());
    let dir = Workdir::new();
    let by_name = fetch(
        &dir,
        &server,
        &[
            "news",
            DIGITAL,
            "https://www.gov.kz/memleket/entities/zhetysu-comdev/press/news",
        ],
    );
    ok(&by_name, "by name and address");
    let posts = dir.csv_rows(&["export", "posts", "--format", "csv"]);
    assert_eq!(posts.len(), 9);
    let unknown = fetch(
        &dir,
        &server,
        &["news", "Управление чего-то области Жетысу"],
    );
    assert_eq!(unknown.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&unknown.stderr);
    assert!(
        stderr.contains("Управление чего-то области Жетысу"),
        "{stderr}"
    );
}

#[test]
fn the_probe_says_per_source_what_came_back_and_imports_nothing() {
    let server = GovServer::start(zhetysu());
    server.refuse("*", "rss", Refusal::Challenge);
    let dir = Workdir::new();
    let output = fetch(&dir, &server, &["news", "--probe", "zhetysu-comdev"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("zhetysu-comdev rss"), "{stdout}");
    assert!(stdout.contains("HTTP 400"), "{stdout}");
    assert!(
        stdout.contains("read: 5 items, newest 2022-08-23, oldest 2022-08-19"),
        "{stdout}"
    );
    assert!(!dir.path("appeals.db").exists());
    // A probe's archive is not swept up by `import pages` of its folder.
    let archives: Vec<_> = std::fs::read_dir(dir.path("archive"))
        .unwrap()
        .flatten()
        .collect();
    assert!(
        archives
            .iter()
            .all(|a| a.file_name().to_string_lossy().starts_with("probe-"))
    );
    server
        .refuse("*", "graphql", Refusal::Challenge)
        .refuse("*", "json", Refusal::Forbidden);
    let refused = fetch(&dir, &server, &["news", "--probe", "zhetysu-comdev"]);
    assert_eq!(
        refused.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&refused.stdout)
    );
}

#[test]
fn a_stopped_run_goes_on_where_it_stopped() {
    let server = GovServer::start(zhetysu());
    server.refuse("zhetysu-digital", "rss", Refusal::Down);
    let dir = Workdir::new();
    let stopped = fetch(
        &dir,
        &server,
        &["news", "--under", "zhetysu-oblysy", "--retry-backoff", "0"],
    );
    assert_eq!(stopped.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&stopped.stderr);
    assert!(stderr.contains("503"), "{stderr}");
    assert!(
        !dir.path("appeals.db").exists()
            || dir
                .csv_rows(&["export", "posts", "--format", "csv"])
                .is_empty(),
        "a stopped run imports nothing"
    );
    server.allow("zhetysu-digital", "rss");
    server.clear_hits();
    let resumed = ok(
        &fetch(&dir, &server, &["news", "--under", "zhetysu-oblysy"]),
        "resumed",
    );
    assert!(
        resumed.contains("going on from the stopped run"),
        "{resumed}"
    );
    let asked: Vec<String> = server
        .hits()
        .iter()
        .filter(|h| h.path.contains("/rss/"))
        .map(|h| h.path.clone())
        .collect();
    assert!(
        asked
            .iter()
            .all(|p| !p.contains("zhetysu-oblysy") && !p.contains("zhetysu-comdev")),
        "the bodies read whole are not asked again: {asked:?}"
    );
    assert_eq!(
        dir.csv_rows(&["export", "posts", "--format", "csv"]).len(),
        13
    );
    // Finished: the next run starts afresh.
    let again = ok(&fetch(&dir, &server, &["news", "zhetysu-comdev"]), "again");
    assert!(!again.contains("going on from the stopped run"), "{again}");
}

#[test]
fn a_refused_list_of_bodies_stops_the_run_before_any_body_and_says_what_to_do() {
    let server = GovServer::start(zhetysu());
    server.refuse_list();
    let dir = Workdir::new();
    let output = fetch(&dir, &server, &["news", "zhetysu-comdev"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("the list of bodies, in ru"), "{stderr}");
    assert!(stderr.contains("nothing was fetched"), "{stderr}");
    assert!(stderr.contains("import a posts CSV"), "{stderr}");
    // No body was asked: a body is never guessed from a name or slug alone.
    assert!(
        server
            .hits()
            .iter()
            .all(|h| !h.path.contains("/rss/") && !h.path.contains("content-manager/news")),
        "{:?}",
        server.hits()
    );
    assert!(!dir.path("appeals.db").exists());
}

#[test]
fn a_body_whose_officials_are_refused_still_joins_the_directory_from_the_list() {
    let server = GovServer::start(zhetysu());
    server.refuse("zhetysu-comdev", "curators", Refusal::Challenge);
    let dir = Workdir::new();
    let stderr = ok(
        &fetch(&dir, &server, &["directory", "zhetysu-oblysy"]),
        "fetch directory",
    );
    assert!(stderr.contains("zhetysu-comdev"), "{stderr}");
    assert!(stderr.contains("without them"), "{stderr}");
    let departments = silence(&dir, &["--kind", "department"]);
    row(&departments, "name", COMDEV);
    // Its head comes from the list of bodies, its position with him.
    let officials = silence(&dir, &["--kind", "official"]);
    row(&officials, "name", "Керимбек Бауыржан Серикович");
}

#[test]
fn the_public_copys_silence_query_shows_a_body_not_read_as_not_read() {
    let server = GovServer::start(zhetysu());
    server
        .refuse("zhetysu-digital", "rss", Refusal::Challenge)
        .refuse("zhetysu-digital", "graphql", Refusal::Forbidden)
        .refuse("zhetysu-digital", "json", Refusal::BlockPage);
    let dir = Workdir::new();
    let output = fetch(
        &dir,
        &server,
        &["news", "zhetysu-comdev", "zhetysu-digital"],
    );
    assert_eq!(output.status.code(), Some(1));
    let public = dir.path("public.db");
    dir.ok(&["export", "database", "--output", public.to_str().unwrap()]);
    let metadata: serde_json::Value =
        serde_json::from_slice(&dir.read("public.metadata.json")).unwrap();
    let sql = metadata["databases"]["public"]["queries"]["silence"]["sql"]
        .as_str()
        .unwrap()
        .to_string();
    let conn = rusqlite::Connection::open(&public).unwrap();
    let mut stmt = conn.prepare(&sql).unwrap();
    let rows: Vec<(String, String, Option<String>)> = stmt
        .query_map(
            rusqlite::named_params! {":until": "2022-10-03", ":since": "", ":addressee": ""},
            |r| Ok((r.get("name")?, r.get("status")?, r.get("last_attempt")?)),
        )
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(
        rows.contains(&(
            DIGITAL.to_string(),
            "not_read".to_string(),
            Some("2022-10-03".to_string())
        )),
        "{rows:?}"
    );
    assert!(
        rows.contains(&(
            COMDEV.to_string(),
            "stale".to_string(),
            Some("2022-10-03".to_string())
        )),
        "{rows:?}"
    );
    // As the report orders them: never, then not read, then the longest silent.
    let report = silence(&dir, &[]);
    let names: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
    let reported: Vec<&str> = report.iter().map(|r| r["name"].as_str()).collect();
    assert_eq!(names, reported);
}
