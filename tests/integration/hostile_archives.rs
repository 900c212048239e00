//! A hostile network and damaged archives (issue 24): a decompression bomb, content codings
//! that lie, damage in the middle of an archive against a cut-off end, charsets served or
//! hidden, final 3xx and 4xx, a date no import takes, bodies over the limit. Each runs the
//! binary against a local server on 127.0.0.1 or a damaged file, and judges the exit code, the
//! message, the appeals stored and the archive.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::common::http_server::{Fault, Server};
use crate::common::portal_pages::{Appeal, blog_pages};
use crate::common::{BLOG, OWNER, Workdir, q};

const ROBOTS: &str = "User-agent: *\nDisallow: /blogs/all-questions/\nCrawl-delay: 0\n";
const MIB: usize = 1024 * 1024;

fn welcome() -> String {
    format!("/blogs/{BLOG}/welcome")
}

/// 25 appeals on three questions pages, every other one answered.
fn appeals() -> Vec<Appeal> {
    (0..25u32)
        .map(|i| {
            let appeal = Appeal::new(
                &(765_800 - i).to_string(),
                &format!("{:02}.09.2022", 25 - i),
            );
            match i % 2 {
                0 => appeal.answered("Исабаев Б.Б.", &format!("{:02}.09.2022", 28 - i), "Ответ."),
                _ => appeal,
            }
        })
        .collect()
}

/// The blog's pages by path, as the portal serves them.
fn pages(appeals: &[Appeal]) -> Vec<(String, String)> {
    blog_pages(
        BLOG,
        OWNER,
        "Аким области Жетысу",
        appeals,
        &[("Отчёт акима", "01.09.2022", 9001)],
    )
}

fn page(path: &str) -> String {
    pages(&appeals())
        .into_iter()
        .find(|(p, _)| p == path)
        .map(|(_, html)| html)
        .unwrap_or_else(|| panic!("no page {path}"))
}

fn blog_server() -> Server {
    let server = Server::start();
    server.page("/robots.txt", ROBOTS);
    for (path, html) in pages(&appeals()) {
        server.page(&path, html);
    }
    server
}

/// A hostile server's answer: status 200, these header lines, this body as it is.
fn answer(headers: &str, body: &[u8]) -> Fault {
    let mut bytes = format!(
        "HTTP/1.1 200 OK\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    bytes.extend_from_slice(body);
    Fault::Raw(bytes)
}

/// The next request for `path` gets `body` as sent under `Content-Encoding: coding`.
fn encoded(server: &Server, path: &str, coding: &str, body: &[u8]) {
    let headers =
        format!("Content-Type: text/html; charset=utf-8\r\nContent-Encoding: {coding}\r\n");
    server.fault(path, answer(&headers, body));
}

/// `fetch` of the blog from `server`, at once, on the test's date, with `extra` flags.
fn fetch_args<'a>(server: &'a Server, extra: &[&'a str]) -> Vec<&'a str> {
    let quick = [
        "--delay",
        "0",
        "--retry-backoff",
        "0.01",
        "--scraped-at",
        "2022-10-03",
    ];
    [
        &["fetch", BLOG, "--base-url", &server.base_url][..],
        &quick,
        extra,
    ]
    .concat()
}

/// The appeals a database holds (none when there is no database).
fn stored(wd: &Workdir, db: &str) -> Vec<std::collections::HashMap<String, String>> {
    if !wd.path(db).exists() {
        return Vec::new();
    }
    wd.csv_rows(&["--db", db, "export", "appeals", "--format", "csv"])
}

fn unfinished(wd: &Workdir) -> bool {
    wd.path(&format!("archive/{BLOG}.unfinished")).exists()
}

/// `import pages archive/` into `db`, on the fetch's date.
fn import_archive(wd: &Workdir, db: &str) {
    let date = "2022-10-03";
    wd.ok(&[
        "--db",
        db,
        "import",
        "pages",
        "archive",
        "--scraped-at",
        date,
    ]);
}

/// The run's archive: the one `.warc.gz` in `archive/`.
fn the_archive(wd: &Workdir) -> PathBuf {
    let archives: Vec<PathBuf> = std::fs::read_dir(wd.path("archive"))
        .expect("the archive folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".warc.gz"))
        .collect();
    assert_eq!(archives.len(), 1, "{archives:?}");
    archives[0].clone()
}

/// `warcio check` on an archive (`common::warcio_check_file`: a failure under CI where warcio
/// is missing).
fn warcio_check(archive: &Path) {
    crate::common::warcio_check_file(archive);
}

/// Each gzip member of an archive: its offset and the record it holds.
fn members(bytes: &[u8]) -> Vec<(usize, Vec<u8>)> {
    let mut records = Vec::new();
    let mut rest = bytes;
    while !rest.is_empty() {
        let offset = bytes.len() - rest.len();
        let mut member = flate2::bufread::GzDecoder::new(rest);
        let mut record = Vec::new();
        member
            .read_to_end(&mut record)
            .expect("a whole gzip member");
        rest = member.into_inner();
        records.push((offset, record));
    }
    records
}

/// The response records of `path` (the URL ends so) in an archive's records, in order.
fn responses<'r>(records: &'r [(usize, Vec<u8>)], path: &str) -> Vec<&'r (usize, Vec<u8>)> {
    records
        .iter()
        .filter(|(_, r)| {
            let text = String::from_utf8_lossy(r);
            text.starts_with("WARC/1.1\r\nWARC-Type: response\r\n")
                && text.lines().any(|l| {
                    l.strip_prefix("WARC-Target-URI: ")
                        .is_some_and(|uri| uri.trim_end().ends_with(path))
                })
        })
        .collect()
}

fn has(text: &str, parts: &[&str]) {
    for part in parts {
        assert!(text.contains(part), "{part:?} not in:\n{text}");
    }
}

fn lacks(text: &str, parts: &[&str]) {
    for part in parts {
        assert!(!text.contains(part), "{part:?} in:\n{text}");
    }
}

// --- 1. A decompression bomb ------------------------------------------------------------------

/// `mib` MiB of spaces as one gzip member of about a KiB per MiB: a full flush after the first
/// MiB ends its deflate blocks on a byte with no reference back, so that block repeated is a
/// valid stream; then a final empty block, and the CRC and size of what it inflates to.
fn gzip_bomb(mib: usize) -> Vec<u8> {
    let chunk = vec![b' '; MIB];
    let mut deflate = flate2::Compress::new(flate2::Compression::best(), false);
    let mut block = Vec::with_capacity(64 * 1024);
    deflate
        .compress_vec(&chunk, &mut block, flate2::FlushCompress::Full)
        .expect("deflate");
    assert_eq!(deflate.total_in(), MIB as u64);
    let mut one = flate2::Crc::new();
    one.update(&chunk);
    let mut crc = flate2::Crc::new();
    let mut bomb = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
    for _ in 0..mib {
        bomb.extend_from_slice(&block);
        crc.combine(&one);
    }
    bomb.extend_from_slice(&[0x03, 0x00]);
    bomb.extend_from_slice(&crc.sum().to_le_bytes());
    bomb.extend_from_slice(&crc.amount().to_le_bytes());
    bomb
}

/// Runs the binary as `wd.command(args)` does, under `ulimit -v` (address space) of
/// `cap_mib`, and under `/usr/bin/time -v` where it is installed: the output, and the peak
/// resident memory it measured, in MiB.
fn run_capped(wd: &Workdir, args: &[&str], cap_mib: usize) -> (Output, Option<usize>) {
    let plain = wd.command(args);
    let time = crate::common::outside_tool(
        "/usr/bin/time",
        "apt-get install time",
        Path::new("/usr/bin/time").exists(),
    );
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(format!("ulimit -v {} && exec \"$@\"", cap_mib * 1024))
        .arg("sh");
    if time {
        command.arg("/usr/bin/time").arg("-v");
    } else {
        eprintln!("peak memory not measured: /usr/bin/time is missing (the cap still holds)");
    }
    command.arg(plain.get_program()).args(plain.get_args());
    for (key, value) in plain.get_envs() {
        match value {
            Some(value) => command.env(key, value),
            None => command.env_remove(key),
        };
    }
    if let Some(dir) = plain.get_current_dir() {
        command.current_dir(dir);
    }
    let started = std::time::Instant::now();
    let output = command.output().expect("run appeal-audit under a cap");
    // Measured for RELIABILITY.md, never asserted.
    eprintln!(
        "{}: {:.2} s",
        args.join(" "),
        started.elapsed().as_secs_f64()
    );
    let peak = String::from_utf8_lossy(&output.stderr)
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("Maximum resident set size (kbytes): ")
                .and_then(|kib| kib.parse::<usize>().ok())
        })
        .map(|kib| kib / 1024);
    (output, peak)
}

/// What a bomb may cost: the 10 MiB limit, the 0.5 MB bomb, and the program's own.
const PEAK_MIB: usize = 120;
/// Address space allowed: well under what inflating the bomb would take.
const CAP_MIB: usize = 400;

#[test]
fn a_decompression_bomb_is_refused_within_bounded_memory_by_the_crawl_and_the_import() {
    let wd = Workdir::new();
    let server = blog_server();
    let bomb = gzip_bomb(500);
    assert!(bomb.len() < 600 * 1024, "{} bytes", bomb.len());
    eprintln!("the bomb: {} bytes, 500 MiB inflated", bomb.len());
    encoded(&server, &welcome(), "gzip", &bomb);
    let args = fetch_args(&server, &[]);
    let (output, peak) = run_capped(&wd, &args, CAP_MIB);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    let url = format!("{}{}", server.base_url, welcome());
    has(
        &stderr,
        &[
            &url,
            "its gzip body inflates to more than 10 MiB",
            "(in archive/",
            "record at offset",
            "Run the same command again later",
        ],
    );
    eprintln!("fetch of the bomb: peak {peak:?} MiB");
    assert!(peak.is_none_or(|p| p < PEAK_MIB), "peak {peak:?} MiB");
    assert!(stored(&wd, "test.db").is_empty());
    assert!(unfinished(&wd), "the run is stopped, not over");
    assert_eq!(server.count(&q(1)), 0);
    warcio_check(&the_archive(&wd));

    // The archive read again: the same rule, the same bound, an error naming the page.
    let import = ["--db", "pages.db", "import", "pages", "archive"];
    let (output, peak) = run_capped(&wd, &import, CAP_MIB);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    has(
        &stderr,
        &[
            &url,
            "inflates to more than 10 MiB",
            "run `appeal-audit fetch`",
        ],
    );
    lacks(&stderr, &["incomplete", "probably stopped"]);
    eprintln!("import of the bomb: peak {peak:?} MiB");
    assert!(peak.is_none_or(|p| p < PEAK_MIB), "peak {peak:?} MiB");
    assert!(stored(&wd, "pages.db").is_empty());

    // The server mends its ways: the run goes on in the same archive, and the welcome page
    // fetched again takes the bomb's place.
    wd.ok(&args);
    assert_eq!(stored(&wd, "test.db").len(), 25);
    assert!(!unfinished(&wd));
    assert_eq!(server.count(&welcome()), 2);
    let archive = the_archive(&wd);
    warcio_check(&archive);
    assert_eq!(
        responses(&members(&std::fs::read(&archive).unwrap()), &welcome()).len(),
        2
    );
    wd.ok(&import);
    assert_eq!(stored(&wd, "pages.db").len(), 25);
}

// --- 2. Content codings that lie, and servers that compress anyway ---------------------------

fn deflated(raw: bool, data: &[u8]) -> Vec<u8> {
    match raw {
        true => {
            let mut e = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
            e.write_all(data).unwrap();
            e.finish().unwrap()
        }
        false => {
            let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            e.write_all(data).unwrap();
            e.finish().unwrap()
        }
    }
}

#[test]
fn gzip_on_a_plain_page_stops_the_run_at_that_page_and_the_next_run_goes_on() {
    let wd = Workdir::new();
    let server = blog_server();
    encoded(&server, &q(2), "gzip", page(&q(2)).as_bytes());
    let args = fetch_args(&server, &[]);
    let stderr = wd.fails(&args, 1);
    let url = format!("{}{}", server.base_url, q(2));
    has(
        &stderr,
        &[
            &url,
            "is not valid gzip data",
            "record at offset",
            "Run the same command again",
        ],
    );
    lacks(&stderr, &["--snapshot", "incomplete"]);
    assert!(stored(&wd, "test.db").is_empty());
    assert!(unfinished(&wd));
    assert_eq!(server.count(&q(3)), 0, "the run stops at the page");
    let archive = the_archive(&wd);
    warcio_check(&archive);
    let stopped = std::fs::read(&archive).unwrap();
    let records = members(&stopped);
    let lie = responses(&records, &q(2))[0].0;

    // The stopped run's archive, imported: an error about page 2, not damage, not a snapshot.
    wd.write("stopped.warc.gz", &stopped);
    let stderr = wd.fails(
        &["--db", "stopped.db", "import", "pages", "stopped.warc.gz"],
        1,
    );
    has(
        &stderr,
        &[
            &format!("{url} (in stopped.warc.gz, record at offset {lie})"),
            "is not valid gzip data",
            "run `appeal-audit fetch`",
        ],
    );
    lacks(&stderr, &["--snapshot", "incomplete", "probably stopped"]);
    assert!(stored(&wd, "stopped.db").is_empty());

    // The next run keeps every record (nothing is cut back) and asks for page 2 again.
    wd.ok(&args);
    assert_eq!(stored(&wd, "test.db").len(), 25);
    assert_eq!(server.count(&q(2)), 2);
    assert_eq!(server.count(&q(1)), 1);
    let resumed = std::fs::read(&archive).unwrap();
    assert!(
        resumed.starts_with(&stopped),
        "the stopped run's records are kept as they were"
    );
    warcio_check(&archive);
    import_archive(&wd, "pages.db");
    assert_eq!(stored(&wd, "pages.db").len(), 25);
}

#[test]
fn a_server_that_compresses_though_asked_not_to_is_read_alike_by_crawl_and_import() {
    let wd = Workdir::new();
    let server = blog_server();
    // Gzip as it should be, and deflate as servers often send it: raw, with no zlib header.
    encoded(
        &server,
        &q(1),
        "gzip",
        &deflated(false, page(&q(1)).as_bytes()),
    );
    encoded(
        &server,
        &q(2),
        "deflate",
        &deflated(true, page(&q(2)).as_bytes()),
    );
    wd.ok(&fetch_args(&server, &[]));
    assert_eq!(stored(&wd, "test.db").len(), 25);
    let archive = the_archive(&wd);
    warcio_check(&archive);
    // Archived as sent: compressed.
    let records = members(&std::fs::read(&archive).unwrap());
    let q1 = String::from_utf8_lossy(&responses(&records, &q(1))[0].1).into_owned();
    has(&q1, &["content-encoding: gzip"]);
    import_archive(&wd, "pages.db");
    assert_eq!(
        wd.ok(&["--db", "pages.db", "export", "appeals", "--format", "csv"]),
        wd.ok(&["export", "appeals", "--format", "csv"])
    );
}

#[test]
fn an_unknown_coding_is_an_error_naming_the_page() {
    let wd = Workdir::new();
    let server = blog_server();
    encoded(&server, &q(1), "br", b"\x1b\x00\x00");
    let stderr = wd.fails(&fetch_args(&server, &[]), 1);
    has(
        &stderr,
        &[&format!("{}{}", server.base_url, q(1)), "encoded as \"br\""],
    );
    assert!(stored(&wd, "test.db").is_empty());
    warcio_check(&the_archive(&wd));
}

// --- 3. Damage in the middle of an archive against a cut-off end -----------------------------

/// A whole fetch of the blog: its archive's bytes, and the offset of each of page 2's, page
/// 3's and the last record.
fn fetched_archive(wd: &Workdir) -> (Vec<u8>, Vec<(usize, Vec<u8>)>) {
    let server = blog_server();
    wd.ok(&fetch_args(&server, &["--no-import"]));
    let bytes = std::fs::read(the_archive(wd)).unwrap();
    let records = members(&bytes);
    (bytes, records)
}

#[test]
fn a_flipped_byte_in_the_middle_is_an_error_naming_the_record_and_a_cut_end_is_a_stopped_run() {
    let wd = Workdir::new();
    let (bytes, records) = fetched_archive(&wd);
    let page2 = responses(&records, &q(2))[0].0;
    let after = records.iter().find(|(o, _)| *o > page2).unwrap().0;

    let mut flipped = bytes.clone();
    flipped[(page2 + after) / 2] ^= 0x55;
    wd.write("flipped.warc.gz", &flipped);
    let stderr = wd.fails(&["--db", "f.db", "import", "pages", "flipped.warc.gz"], 1);
    has(
        &stderr,
        &[
            &format!("flipped.warc.gz: the record at offset {page2}"),
            &format!("whole records follow it (the next at offset {after})"),
            "not cut short by a stopped run",
            "Nothing was imported",
        ],
    );
    lacks(&stderr, &["incomplete", "probably stopped"]);
    assert!(stored(&wd, "f.db").is_empty());

    // The last record whole but wrong is damage too.
    let (last, _) = records.last().unwrap();
    let mut wrong_end = bytes.clone();
    // In its CRC: the member inflates whole, and is not what was written.
    wrong_end[bytes.len() - 6] ^= 0x55;
    wd.write("wrong-end.warc.gz", &wrong_end);
    let stderr = wd.fails(&["--db", "w.db", "import", "pages", "wrong-end.warc.gz"], 1);
    has(
        &stderr,
        &[
            &format!("the record at offset {last}"),
            "though the file does not end inside it",
        ],
    );
    assert!(stored(&wd, "w.db").is_empty());

    // Only an end cut off inside its last record is a stopped run: its whole records import.
    wd.write("cut.warc.gz", &bytes[..bytes.len() - 7]);
    let output = wd.run(&["--db", "c.db", "import", "pages", "cut.warc.gz"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    has(
        &stderr,
        &[
            &format!("cut.warc.gz: the record at offset {last} is incomplete"),
            "the file ends inside it, as when a run is stopped",
        ],
    );
    assert_eq!(stored(&wd, "c.db").len(), 25);
}

#[test]
fn a_content_length_that_lies_in_an_uncompressed_archive_is_an_error_naming_the_record() {
    let wd = Workdir::new();
    let (_, records) = fetched_archive(&wd);
    let page2 = responses(&records, &q(2))[0].1.clone();
    let plain: Vec<u8> = records.iter().flat_map(|(_, r)| r.clone()).collect();
    let at = memchr::memmem::find(&plain, &page2).unwrap();
    let header = String::from_utf8_lossy(&page2[..page2.len().min(2000)]).into_owned();
    let length: usize = header
        .lines()
        .find_map(|l| l.strip_prefix("Content-Length: "))
        .and_then(|n| n.trim().parse().ok())
        .unwrap();
    for (name, lie) in [("short", length - 100), ("long", length + 100)] {
        let record = String::from_utf8_lossy(&page2).replacen(
            &format!("Content-Length: {length}\r\n"),
            &format!("Content-Length: {lie}\r\n"),
            1,
        );
        let mut lying = plain[..at].to_vec();
        lying.extend_from_slice(record.as_bytes());
        lying.extend_from_slice(&plain[at + page2.len()..]);
        let file = format!("{name}.warc");
        wd.write(&file, &lying);
        let db = format!("{name}.db");
        let stderr = wd.fails(&["--db", &db, "import", "pages", &file], 1);
        has(
            &stderr,
            &[
                &format!("{file}: the record at offset {at}"),
                "whole records follow it",
                "Nothing was imported",
            ],
        );
        lacks(&stderr, &["incomplete", "probably stopped"]);
        assert!(stored(&wd, &db).is_empty(), "{name}");
    }
}

#[test]
fn a_stopped_run_whose_archive_is_damaged_in_the_middle_is_not_cut_back() {
    let wd = Workdir::new();
    let (bytes, records) = fetched_archive(&wd);
    let page2 = responses(&records, &q(2))[0].0;
    let mut flipped = bytes.clone();
    flipped[page2 + 40] ^= 0x55;
    // A stopped run listed as unfinished, whose archive was damaged since.
    let name = "2719746-20221003T000000Z.warc.gz";
    let archive = wd.write(&format!("stopped/{name}"), &flipped);
    wd.write(&format!("stopped/{BLOG}.unfinished"), format!("{name}\n"));
    let server = blog_server();
    let stderr = wd.fails(&fetch_args(&server, &["--archive", "stopped"]), 1);
    has(
        &stderr,
        &[
            &format!("the record at offset {page2}"),
            "It is left as it is and nothing was fetched",
            ".unfinished",
        ],
    );
    assert_eq!(
        std::fs::read(&archive).unwrap(),
        flipped,
        "nothing cut away"
    );
    assert_eq!(server.paths(), ["/robots.txt"]);
    assert!(stored(&wd, "test.db").is_empty());
}

// --- 8. Charsets ------------------------------------------------------------------------------

/// Serves every page in Windows-1251 with this `Content-Type`, its `<meta charset>` replaced
/// by `meta`.
fn serve_1251(server: &Server, content_type: &str, meta: &str) {
    for (path, html) in pages(&appeals()) {
        let html = html.replace("<meta charset=\"utf-8\">", meta);
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1251.encode(&html);
        assert!(!unmappable);
        server.fault(
            &path,
            answer(&format!("Content-Type: {content_type}\r\n"), &bytes),
        );
    }
}

fn assert_read_in_cyrillic(wd: &Workdir, db: &str) {
    let rows = stored(wd, db);
    assert_eq!(rows.len(), 25);
    for row in rows {
        assert_eq!(row["addressee"], OWNER);
        assert!(
            row["text"].contains("когда отремонтируют дорогу"),
            "{row:?}"
        );
    }
}

#[test]
fn windows_1251_is_read_from_content_type_a_late_meta_or_the_text_itself() {
    let late_meta = format!(
        "<script>/* {} */</script><meta http-equiv=\"Content-Type\" content=\"text/html; \
         charset=windows-1251\">",
        "x".repeat(5000)
    );
    for (case, content_type, meta) in [
        ("content-type", "text/html; charset=windows-1251", ""),
        ("late meta", "text/html", late_meta.as_str()),
        ("undeclared", "text/html", ""),
    ] {
        let wd = Workdir::new();
        let server = blog_server();
        serve_1251(&server, content_type, meta);
        let output = wd.run(&fetch_args(&server, &[]));
        assert!(
            output.status.success(),
            "{case}: {}",
            crate::common::describe(&[case], &output)
        );
        assert_read_in_cyrillic(&wd, "test.db");
        warcio_check(&the_archive(&wd));
        import_archive(&wd, "pages.db");
        assert_read_in_cyrillic(&wd, "pages.db");
    }
}

#[test]
fn a_page_whose_text_does_not_decode_is_a_layout_stop_not_mojibake() {
    let wd = Workdir::new();
    let server = blog_server();
    // Windows-1251 bytes under a Content-Type that says UTF-8.
    serve_1251(&server, "text/html; charset=utf-8", "");
    let stderr = wd.fails(&fetch_args(&server, &[]), 1);
    has(
        &stderr,
        &[
            &format!("{}{}", server.base_url, welcome()),
            "the portal's layout may have changed",
            "its text is not valid UTF-8",
            "the charset its Content-Type names",
        ],
    );
    assert!(stored(&wd, "test.db").is_empty());
    // The pages read the same next time: the run is over, not interrupted.
    assert!(!unfinished(&wd));
    warcio_check(&the_archive(&wd));
}

// --- 9. Final 3xx and 4xx, dates no import takes, bodies over the limit ------------------------

#[test]
fn a_final_404_or_redirect_is_archived() {
    let wd = Workdir::new();
    let server = blog_server();
    server.remove(&q(2));
    let stderr = wd.fails(&fetch_args(&server, &[]), 1);
    has(
        &stderr,
        &[&format!("{}{}", server.base_url, q(2)), "HTTP 404"],
    );
    let archive = the_archive(&wd);
    warcio_check(&archive);
    let records = members(&std::fs::read(&archive).unwrap());
    let not_found = responses(&records, &q(2));
    assert_eq!(not_found.len(), 1);
    assert!(not_found[0].1.windows(12).any(|w| w == b"HTTP/1.1 404"));
    let stderr = String::from_utf8_lossy(
        &wd.run(&["--db", "p.db", "import", "pages", "archive"])
            .stderr,
    )
    .into_owned();
    has(
        &stderr,
        &[&format!(
            "offset {}): HTTP status 404, not a page: skipped",
            not_found[0].0
        )],
    );

    let wd = Workdir::new();
    let server = blog_server();
    server.fault(
        &welcome(),
        Fault::Raw(
            b"HTTP/1.1 302 Found\r\nLocation: /elsewhere\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                .to_vec(),
        ),
    );
    let stderr = wd.fails(&fetch_args(&server, &[]), 1);
    has(&stderr, &["sends this page elsewhere (/elsewhere)"]);
    let archive = the_archive(&wd);
    warcio_check(&archive);
    let records = members(&std::fs::read(&archive).unwrap());
    assert_eq!(responses(&records, &welcome()).len(), 1);
}

#[test]
fn a_date_no_import_takes_stops_the_run_once_and_fits_its_advice_to_the_input() {
    let wd = Workdir::new();
    let server = Server::start();
    server.page("/robots.txt", ROBOTS);
    let mut blog = appeals();
    blog[13].submitted = "03.10.2622".into();
    for (path, html) in pages(&blog) {
        server.page(&path, html);
    }
    let args = fetch_args(&server, &[]);
    let stderr = wd.fails(&args, 1);
    has(
        &stderr,
        &[
            &format!("{}{}", server.base_url, q(2)),
            "appeal card 4 (№ 765787) shows the date \"03.10.2622\"",
            "1900 to 2100",
            "`warcio extract archive/",
        ],
    );
    assert!(stored(&wd, "test.db").is_empty());
    // The pages would read the same again: nothing is left to resume, so the next run does
    // not fail on the archived page without a word.
    assert!(!unfinished(&wd));
    assert_eq!(server.count(&q(3)), 0);

    // A saved page is a file of its own: no archive tool is suggested for it.
    let saved = pages(&blog)
        .into_iter()
        .find(|(p, _)| *p == q(2))
        .unwrap()
        .1;
    wd.write("saved/questions.html", saved);
    let stderr = wd.fails(
        &["--db", "s.db", "import", "pages", "saved/questions.html"],
        1,
    );
    has(
        &stderr,
        &["(in saved/questions.html)", "open the file", "03.10.2622"],
    );
    lacks(&stderr, &["warcio"]);
    assert!(stored(&wd, "s.db").is_empty());
}

#[test]
fn a_body_over_10_mib_is_refused_at_once_and_never_asked_for_again() {
    let wd = Workdir::new();
    let server = blog_server();
    // Said by its Content-Length: refused before its body is read.
    server.fault(
        &q(2),
        Fault::Raw(
            format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                20 * MIB
            )
            .into_bytes(),
        ),
    );
    let args = fetch_args(&server, &[]);
    let stderr = wd.fails(&args, 1);
    has(
        &stderr,
        &[
            &format!("{}{}", server.base_url, q(2)),
            "larger than 10 MiB (its Content-Length says 20971520 bytes)",
            "nor asked for again",
        ],
    );
    assert_eq!(server.count(&q(2)), 1);
    assert!(stored(&wd, "test.db").is_empty());
    let archive = the_archive(&wd);
    warcio_check(&archive);
    let records = members(&std::fs::read(&archive).unwrap());
    let head = String::from_utf8_lossy(&responses(&records, &q(2))[0].1).into_owned();
    has(&head, &["WARC-Truncated: length"]);

    // Streamed without a length: cut off at the limit, not tried again.
    let mut streamed =
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n".to_vec();
    streamed.resize(streamed.len() + 11 * MIB, b' ');
    server.fault(&q(2), Fault::Raw(streamed));
    let stderr = wd.fails(&args, 1);
    has(&stderr, &["it went on past 10 MiB"]);
    assert_eq!(server.count(&q(2)), 2);
    assert_eq!(server.count(&q(1)), 1, "the stopped run goes on");

    // The server is well again: page 2 fetched once more replaces the cut ones.
    wd.ok(&args);
    assert_eq!(stored(&wd, "test.db").len(), 25);
    warcio_check(&archive);
    import_archive(&wd, "pages.db");
    assert_eq!(stored(&wd, "pages.db").len(), 25);
}
