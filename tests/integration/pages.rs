//! `import pages`: the fixture pages of `tests/fixtures/portal` (written from portal.md) read
//! from a WARC archive and from a folder of pages saved by a browser, the routing they give
//! asserted figure by figure, provenance shown by `show`, and a changed layout refused with the
//! database unchanged.

use std::io::Write;

use crate::common::{self, Workdir, row};

const BLOG: &str = "https://dialog.egov.kz/blogs/2719746";

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/portal/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The blog as a crawl reads it: address and fixture of each page.
fn blog_pages() -> Vec<(String, &'static str)> {
    vec![
        (format!("{BLOG}/welcome"), "welcome.html"),
        (format!("{BLOG}/questions?page=1"), "questions-1.html"),
        (format!("{BLOG}/questions?page=2"), "questions-2.html"),
        (format!("{BLOG}/questions?page=3"), "questions-3.html"),
        (format!("{BLOG}/questions?page=4"), "questions-4.html"),
        (format!("{BLOG}/posts?page=1"), "posts-1.html"),
    ]
}

/// One WARC/1.1 record, written here independently of appeal-audit's writer.
fn warc_record(kind: &str, url: &str, date: &str, block: &[u8]) -> Vec<u8> {
    let mut record = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{:012}>\r\n\
         WARC-Date: {date}\r\nWARC-Target-URI: {url}\r\n\
         Content-Type: application/http; msgtype={kind}\r\nContent-Length: {}\r\n\r\n",
        block.len() % 1_000_000_000_000,
        block.len()
    )
    .into_bytes();
    record.extend_from_slice(block);
    record.extend_from_slice(b"\r\n\r\n");
    record
}

/// A WARC of the blog's pages (a fixture's name, or "404"); each record gzipped on its own
/// when `gzip`. Returns the
/// archive's bytes and each response record's offset.
fn archive(pages: &[(String, &str)], date: &str, gzip: bool) -> (Vec<u8>, Vec<u64>) {
    let mut out = Vec::new();
    let mut offsets = Vec::new();
    for (url, name) in pages {
        // "404": a page the server did not have.
        let (status, body) = match *name {
            "404" => ("404 Not Found", b"not found".to_vec()),
            name => ("200 OK", fixture(name)),
        };
        let mut response = format!(
            "HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n",
            body.len()
        )
        .into_bytes();
        response.extend_from_slice(&body);
        let request = format!("GET {url} HTTP/1.1\r\nUser-Agent: test\r\n\r\n").into_bytes();
        offsets.push(out.len() as u64);
        for record in [
            warc_record("response", url, date, &response),
            warc_record("request", url, date, &request),
        ] {
            if gzip {
                let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
                gz.write_all(&record).unwrap();
                out.extend_from_slice(&gz.finish().unwrap());
            } else {
                out.extend_from_slice(&record);
            }
        }
    }
    (out, offsets)
}

/// The blog owner's routing row, the only one there is.
fn owner_routing(wd: &Workdir, as_of: &str) -> std::collections::HashMap<String, String> {
    let rows = wd.csv_rows(&["report", "routing", "--format", "csv", "--as-of", as_of]);
    assert_eq!(rows.len(), 1, "{rows:#?}");
    row(&rows, "addressee", "Исабаев Бейбит Бакирович").clone()
}

/// The routing of the fixture blog as of 3 October 2022, figure by figure. Personal: 765824,
/// 749022/2 (its earliest answer is the akim's, though shown second), 238485 (answered as
/// "Аким области Жетысу", his position) and 740050. Forwarded: 765801 and 740100 (answered
/// by departments) and 765790 (a forwarding phrase). Unanswered: 765777 (no answers block),
/// 765760 (pending placeholder), 748950 (an empty answers block), 740010. Rejected: 748990.
fn assert_fixture_routing(wd: &Workdir) {
    let r = owner_routing(wd, "2022-10-03");
    for (column, value) in [
        ("appeals", "12"),
        ("personal", "4"),
        ("forwarded", "3"),
        ("unanswered", "4"),
        ("unknown", "0"),
        ("rejected", "1"),
        ("personal_pct", "33.3"),
        ("forwarded_pct", "25.0"),
        ("answered_pct", "58.3"),
        // Days to answer: 6, 4, 4, 2, 3, 4, 2.
        ("median_days_to_answer", "4.0"),
        // 740010 (30 Aug) and 748950 (8 Sep) were due by the end of September.
        ("overdue", "2"),
        ("vanished", "0"),
        ("note", ""),
    ] {
        assert_eq!(r[column], value, "{column}: {r:#?}");
    }
    let forwards = wd.csv_rows(&[
        "report",
        "forwards",
        "--format",
        "csv",
        "--as-of",
        "2022-10-03",
    ]);
    let mut targets: Vec<(String, String)> = forwards
        .iter()
        .map(|r| (r["forwarded_to"].clone(), r["appeals"].clone()))
        .collect();
    targets.sort();
    assert_eq!(
        targets,
        [
            ("unknown".to_string(), "1".to_string()),
            (
                "Жетісу облысының білім басқармасы".to_string(),
                "1".to_string()
            ),
            (
                "Управление энергетики и жилищно-коммунального хозяйства области Жетысу"
                    .to_string(),
                "1".to_string()
            ),
        ]
    );
}

#[test]
fn import_pages_from_a_gzipped_warc() {
    let wd = Workdir::new();
    let (bytes, offsets) = archive(&blog_pages(), "2022-10-01T09:00:00Z", true);
    wd.write("archive/2719746-20221001T090000Z.warc.gz", &bytes);
    let output = wd.run(&[
        "import",
        "pages",
        "archive/2719746-20221001T090000Z.warc.gz",
    ]);
    assert!(
        output.status.success(),
        "{}",
        common::describe(&[], &output)
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("archive/2719746-20221001T090000Z.warc.gz (blog 2719746, appeals): 12 read, 12 inserted, 0 updated, 0 unchanged, 0 rejected"),
        "{stderr}"
    );
    assert!(
        stderr.contains("(blog 2719746, posts): 2 read, 2 inserted"),
        "{stderr}"
    );
    assert_fixture_routing(&wd);

    // Provenance: the archive, the card's place, the response record's offset, the page.
    let shown = wd.json(&["show", "765790", "--format", "json"]);
    let appeal = &shown[0];
    assert_eq!(
        appeal["source_file"],
        "archive/2719746-20221001T090000Z.warc.gz"
    );
    assert_eq!(appeal["source_line"], 3);
    assert_eq!(appeal["source_offset"], offsets[1]);
    assert_eq!(appeal["source_url"], format!("{BLOG}/questions?page=1"));
    assert_eq!(
        appeal["url"],
        "https://dialog.egov.kz/blogs/all-questions/765790"
    );
    // The page's WARC-Date is when it was scraped.
    assert_eq!(appeal["first_seen"], "2022-10-01 09:00");
    let text = wd.ok(&["show", "749022/2"]);
    assert!(text.contains(&format!("{}", offsets[2])), "{text}");
    assert!(text.contains(&format!("{BLOG}/questions?page=2")), "{text}");

    // The same archive again changes nothing.
    let again = wd.run(&["import", "pages", "archive"]);
    assert!(
        String::from_utf8_lossy(&again.stderr)
            .contains("12 read, 0 inserted, 0 updated, 12 unchanged"),
        "{}",
        common::describe(&[], &again)
    );
}

#[test]
fn import_pages_from_an_uncompressed_warc_gives_the_same_figures() {
    let wd = Workdir::new();
    let (bytes, offsets) = archive(&blog_pages(), "2022-10-01T09:00:00Z", false);
    wd.write("blog.warc", &bytes);
    wd.ok(&["import", "pages", "blog.warc"]);
    assert_fixture_routing(&wd);
    let shown = wd.json(&["show", "740100", "--format", "json"]);
    assert_eq!(shown[0]["source_offset"], offsets[3]);
    assert_eq!(shown[0]["category"], "Білім беру");
}

#[test]
fn import_pages_from_a_folder_of_saved_pages() {
    let wd = Workdir::new();
    for (url, name) in blog_pages() {
        let mut page = fixture(name);
        if name == "questions-1.html" {
            // What Chrome writes at the top of a page it saves.
            let mark = format!("<!-- saved from url=({:04}){url} -->\n", url.len());
            page.splice(0..0, mark.into_bytes());
        }
        wd.write(&format!("saved/{name}"), page);
    }
    wd.write("saved/notes.txt", "not a page");
    let stderr =
        String::from_utf8_lossy(&wd.run(&["import", "pages", "saved"]).stderr).into_owned();
    assert!(
        stderr.contains("blog 2719746: saved pages (appeals): 12 read, 12 inserted"),
        "{stderr}"
    );
    assert!(
        stderr.contains("blog 2719746: 6 pages read, addressee Исабаев Бейбит Бакирович"),
        "{stderr}"
    );
    assert_fixture_routing(&wd);
    let shown = wd.json(&["show", "765824", "--format", "json"]);
    assert_eq!(shown[0]["source_file"], "saved/questions-1.html");
    assert_eq!(shown[0]["source_offset"], 0);
    assert_eq!(shown[0]["source_url"], format!("{BLOG}/questions?page=1"));
    // The blog's owner joins the directory, so silence lists him with his posts.
    let silence = wd.csv_rows(&[
        "report",
        "silence",
        "--format",
        "csv",
        "--as-of",
        "2022-10-03",
    ]);
    let owner = row(&silence, "name", "Исабаев Бейбит Бакирович");
    assert_eq!(owner["kind"], "official");
    assert_eq!(owner["last_post"], "2022-09-15");
}

#[test]
fn a_file_import_shows_no_page_provenance() {
    let wd = Workdir::new();
    wd.write(
        "a.csv",
        "id,addressee,submitted_at\n1,Исабаев Бейбит Бакирович,2022-09-01\n",
    );
    wd.ok(&["import", "appeals", "a.csv"]);
    let shown = wd.json(&["show", "1", "--format", "json"]);
    assert_eq!(shown[0]["source_file"], "a.csv");
    assert!(shown[0].get("source_offset").is_none(), "{shown}");
    assert!(shown[0].get("source_url").is_none(), "{shown}");
}

#[test]
fn a_changed_layout_stops_the_import_and_changes_nothing() {
    let wd = Workdir::new();
    let (bytes, _) = archive(&blog_pages()[..3], "2022-10-01T09:00:00Z", true);
    wd.write("week1.warc.gz", &bytes);
    wd.ok(&["import", "pages", "week1.warc.gz"]);
    let before = wd.ok(&["export", "appeals", "--format", "csv"]);
    let mut pages = blog_pages()[..3].to_vec();
    pages.push((
        format!("{BLOG}/questions?page=3"),
        "questions-layout-changed.html",
    ));
    pages.push((format!("{BLOG}/questions?page=4"), "questions-3.html"));
    let (bytes, offsets) = archive(&pages, "2022-10-08T09:00:00Z", true);
    wd.write("week2.warc.gz", &bytes);
    let stderr = wd.fails(&["import", "pages", "--snapshot", "week2.warc.gz"], 1);
    assert!(
        stderr.contains(&format!(
            "{BLOG}/questions?page=3 (in week2.warc.gz, record at offset {}): the portal's layout may have changed: appeal card 1 (link /blogs/all-questions/765824) has no registration number",
            offsets[3]
        )),
        "{stderr}"
    );
    assert_eq!(wd.ok(&["export", "appeals", "--format", "csv"]), before);
    let changes = wd.ok(&["report", "changes", "--format", "csv"]);
    assert!(!changes.contains("2022-10-08"), "{changes}");
}

/// Pages are read one at a time, as the import goes: a file of the folder that is no archive,
/// met after a good archive's pages were read, still stops it before anything is stored.
#[test]
fn a_folder_with_a_file_that_is_no_archive_changes_nothing() {
    let wd = Workdir::new();
    let (bytes, _) = archive(&blog_pages(), "2022-10-01T09:00:00Z", true);
    wd.write("archive/a.warc.gz", &bytes);
    wd.write("archive/b.warc", b"just some notes\n");
    let stderr = wd.fails(&["import", "pages", "archive"], 1);
    assert!(stderr.contains("b.warc is not a WARC file"), "{stderr}");
    // Not even the database was made.
    let export = wd.fails(&["export", "appeals", "--format", "csv"], 1);
    assert!(export.contains("no database"), "{export}");
}

#[test]
fn addressee_overrides_the_welcome_page_and_is_asked_for_when_none_names_the_owner() {
    let wd = Workdir::new();
    let mut page = String::from_utf8(fixture("questions-1.html")).unwrap();
    // A page saved without its blog header: nothing names the owner.
    let start = page.find("<div class=\"blog-header\">").unwrap();
    let end = start + page[start..].find("</div>\n</div>").unwrap() + "</div>\n</div>".len();
    page.replace_range(start..end, "");
    page = page.replace(
        "<title>Блог: Исабаев Бейбит Бакирович | Открытый диалог</title>",
        "<title>Открытый диалог</title>",
    );
    wd.write("q1.html", &page);
    let stderr = wd.fails(&["import", "pages", "q1.html"], 1);
    assert!(
        stderr.contains("blog 2719746's owner is not known"),
        "{stderr}"
    );
    assert!(stderr.contains("--addressee NAME"), "{stderr}");
    wd.ok(&[
        "import",
        "pages",
        "--addressee",
        "Исабаев Бейбит Бакирович",
        "q1.html",
    ]);
    let r = owner_routing(&wd, "2022-10-03");
    assert_eq!(
        (
            r["appeals"].as_str(),
            r["personal"].as_str(),
            r["forwarded"].as_str()
        ),
        ("5", "1", "2")
    );
    let stderr = wd.fails(
        &[
            "import",
            "pages",
            "--map",
            "id=номер",
            "--skip-invalid",
            "q1.html",
        ],
        // Wrong usage (cli.md, exit codes).
        2,
    );
    assert!(
        stderr.contains("--map, --skip-invalid apply to files of records, not to `import pages`"),
        "{stderr}"
    );
    let stderr = wd.fails(&["import", "appeals", "--addressee", "X", "q1.html"], 2);
    assert!(
        stderr.contains("--addressee applies to `import pages` only"),
        "{stderr}"
    );
}

#[test]
fn a_later_archive_as_a_snapshot_gives_changes_and_vanished() {
    let wd = Workdir::new();
    let (bytes, offsets_week1) = archive(&blog_pages(), "2022-10-01T09:00:00Z", true);
    wd.write("archive/week1.warc.gz", &bytes);
    wd.ok(&["import", "pages", "--snapshot", "archive/week1.warc.gz"]);
    // A week later: 765777 has an answer, 765824's answer was edited, 740010 is gone.
    let page1 = String::from_utf8(fixture("questions-1.html"))
        .unwrap()
        .replace(
            "<button type=\"button\" class=\"btn btn-default btn-sm\" onclick=\"showAnswers(1, 765777)\">Ответы</button>\n  </div>",
            "<button type=\"button\" class=\"btn btn-default btn-sm\" onclick=\"showAnswers(1, 765777)\">Ответы</button>\n  </div>\n  <div class=\"answers row\" id=\"765777\" style=\"display:none\"><h4>Ответы</h4><p>Светофор установят в октябре.</p><span class=\"answer-info\">Управление пассажирского транспорта и автомобильных дорог области Жетысу 05.10.2022</span></div>",
        )
        .replace("направление будет выдано до 1 октября.", "направление выдано 28 сентября.");
    let page3 = String::from_utf8(fixture("questions-3.html")).unwrap();
    let cut = page3.rfind("<div class=\"row\">").unwrap();
    let end = page3.find("</div>\n<ul id=\"pagination\">").unwrap();
    let page3 = format!("{}{}", &page3[..cut], &page3[end..]);
    for (i, (url, name)) in blog_pages().iter().enumerate() {
        let body = match *name {
            "questions-1.html" => page1.clone().into_bytes(),
            "questions-3.html" => page3.clone().into_bytes(),
            other => fixture(other),
        };
        let mark = format!("<!-- saved from url=({:04}){url} -->\n", url.len());
        wd.write(
            &format!("week2/{i}.html"),
            [mark.into_bytes(), body].concat(),
        );
    }
    wd.ok(&[
        "import",
        "pages",
        "--snapshot",
        "--scraped-at",
        "2022-10-08",
        "week2",
    ]);
    let changes = wd.csv_rows(&[
        "report",
        "changes",
        "--format",
        "csv",
        "--since",
        "2022-10-08",
    ]);
    let mut seen: Vec<(String, String)> = changes
        .iter()
        .map(|c| (c["id"].clone(), c["change"].clone()))
        .collect();
    seen.sort();
    assert_eq!(
        seen,
        [
            ("740010".to_string(), "vanished".to_string()),
            ("765777".to_string(), "answered".to_string()),
            ("765777".to_string(), "route_changed".to_string()),
            ("765824".to_string(), "answer_edited".to_string()),
        ],
        "{changes:#?}"
    );
    for c in &changes {
        assert_eq!(c["scraped_at"], "2022-10-08", "{c:?}");
    }
    // Each version names the page that showed it.
    let history = wd.json(&["show", "765824", "--history", "--format", "json"]);
    let versions = history[0]["versions"].as_array().unwrap();
    let shown: Vec<(&str, &str)> = versions
        .iter()
        .map(|v| {
            (
                v["source_file"].as_str().unwrap(),
                v["source_url"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            (
                "archive/week1.warc.gz",
                &*format!("{BLOG}/questions?page=1")
            ),
            ("week2/1.html", &*format!("{BLOG}/questions?page=1")),
        ]
    );
    assert_eq!(versions[0]["source_offset"], offsets_week1[1]);
    let table = wd.ok(&["show", "765824", "--history"]);
    assert!(table.contains("source_url"), "{table}");
    let r = owner_routing(&wd, "2022-10-10");
    // Vanished appeals stay in every count, with their last known route.
    assert_eq!(
        (
            r["appeals"].as_str(),
            r["forwarded"].as_str(),
            r["unanswered"].as_str(),
            r["vanished"].as_str()
        ),
        ("12", "4", "3", "1")
    );
}

#[test]
fn a_run_cut_short_imports_its_whole_pages_and_says_so() {
    let wd = Workdir::new();
    let mut pages = blog_pages()[..3].to_vec();
    pages.push((format!("{BLOG}/questions?page=9"), "404"));
    pages.push((format!("{BLOG}/questions?page=3"), "questions-3.html"));
    let (bytes, offsets) = archive(&pages, "2022-10-01T09:00:00Z", true);
    // Killed while writing page 3's response.
    wd.write("cut.warc.gz", &bytes[..offsets[4] as usize + 100]);
    // Pages 1 and 2 of 3 are no complete list of the blog's appeals.
    let refused = wd.fails(&["import", "pages", "--snapshot", "cut.warc.gz"], 1);
    assert!(
        refused.contains(
            "--snapshot: cut.warc.gz holds blog 2719746's questions pages 1, 2 of 3, not pages 3"
        ),
        "{refused}"
    );
    let output = wd.run(&["import", "pages", "cut.warc.gz"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "cut.warc.gz: the record at offset {} is incomplete",
            offsets[4]
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "{BLOG}/questions?page=9 (in cut.warc.gz, offset {}): HTTP status 404, not a page: skipped",
            offsets[3]
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains("(blog 2719746, appeals): 9 read, 9 inserted"),
        "{stderr}"
    );
}
