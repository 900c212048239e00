//! Archives written and read back: whole, uncompressed, and cut short by a killed run.

use std::io::Read;

use chrono::TimeZone;

use super::*;

fn exchange(body: &str) -> (Vec<u8>, Vec<u8>) {
    let request = b"GET /blogs/1/questions?page=1 HTTP/1.1\r\nHost: dialog.egov.kz\r\nUser-Agent: appeal-audit/0.1.0\r\n\r\n".to_vec();
    let response = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes();
    (request, response)
}

fn write_two(path: &std::path::Path) -> (u64, u64) {
    let date = chrono::Utc.with_ymd_and_hms(2026, 12, 2, 11, 0, 0).unwrap();
    let mut warc = WarcWriter::create(path, "appeal-audit/test").unwrap();
    let mut offsets = [0; 2];
    for (page, body) in ["<html>первая</html>", "<html>вторая</html>"]
        .iter()
        .enumerate()
    {
        let (request, response) = exchange(body);
        let url = format!("https://dialog.egov.kz/blogs/1/questions?page={}", page + 1);
        offsets[page] = warc
            .write_exchange(&url, date, &request, &response)
            .unwrap();
    }
    let [first, second] = offsets;
    warc.finish().unwrap();
    (first, second)
}

#[test]
fn round_trip_keeps_every_response_and_its_offset() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(archive_file_name(
        "1",
        chrono::Utc.with_ymd_and_hms(2026, 12, 2, 11, 0, 0).unwrap(),
    ));
    assert!(path.ends_with("1-20261202T110000Z.warc.gz"));
    let (first, second) = write_two(&path);
    assert!(first > 0 && second > first);
    let pages = read_archive(&path).unwrap();
    assert_eq!(pages.len(), 2);
    assert_eq!(pages[0].offset, first);
    assert_eq!(pages[1].offset, second);
    assert_eq!(
        pages[0].url,
        "https://dialog.egov.kz/blogs/1/questions?page=1"
    );
    assert_eq!(pages[0].date, "2026-12-02T11:00:00Z");
    assert_eq!(pages[0].status, 200);
    assert_eq!(pages[1].body, "<html>вторая</html>".as_bytes());
    // Each answer comes with the question that asked for it.
    let (request, _) = exchange("");
    assert_eq!(pages[1].request.as_deref(), Some(&request[..]));
    // Each record is a gzip member of its own: one can be read from its offset alone.
    let bytes = std::fs::read(&path).unwrap();
    let mut record = String::new();
    flate2::read::GzDecoder::new(&bytes[second as usize..])
        .read_to_string(&mut record)
        .unwrap();
    assert!(
        record.starts_with("WARC/1.1\r\nWARC-Type: response\r\n"),
        "{record}"
    );
    assert!(record.contains("Content-Type: application/http; msgtype=response\r\n"));
    assert!(record.contains(&format!(
        "WARC-Payload-Digest: {}\r\n",
        sha1_digest("<html>вторая</html>".as_bytes())
    )));
}

#[test]
fn an_archive_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.warc.gz");
    write_two(&path);
    let error = WarcWriter::create(&path, "appeal-audit/test")
        .err()
        .unwrap();
    assert!(
        format!("{error:#}").contains("never overwritten"),
        "{error:#}"
    );
}

#[test]
fn uncompressed_archives_are_read_too() {
    let dir = tempfile::tempdir().unwrap();
    let gz = dir.path().join("a.warc.gz");
    let (_, second) = write_two(&gz);
    // The same records, decompressed one by one: the offsets move, the pages do not.
    let mut plain = Vec::new();
    flate2::read::MultiGzDecoder::new(std::fs::File::open(&gz).unwrap())
        .read_to_end(&mut plain)
        .unwrap();
    let path = dir.path().join("a.warc");
    std::fs::write(&path, &plain).unwrap();
    let pages = read_archive(&path).unwrap();
    assert_eq!(pages.len(), 2);
    assert_eq!(pages[1].body, "<html>вторая</html>".as_bytes());
    assert_ne!(pages[1].offset, second);
    assert!(plain[pages[1].offset as usize..].starts_with(b"WARC/1.1\r\nWARC-Type: response"));
}

#[test]
fn a_run_killed_mid_record_keeps_the_whole_records() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.warc.gz");
    let (_, second) = write_two(&path);
    let bytes = std::fs::read(&path).unwrap();
    // Cut in the second request (which comes before its response), then in the second
    // response, then near the file's end: the first page is whole every time.
    for (cut, in_response) in [
        (second as usize - 5, false),
        (second as usize + 5, true),
        (bytes.len() - 3, true),
    ] {
        let cut_path = dir.path().join(format!("cut-{cut}.warc.gz"));
        std::fs::write(&cut_path, &bytes[..cut]).unwrap();
        let contents = read_archive_contents(&cut_path).unwrap();
        assert_eq!(contents.pages.len(), 1, "cut at {cut}");
        let damage = contents.damage.map(|d| d.offset).unwrap();
        assert_eq!(
            damage == second,
            in_response,
            "cut at {cut}: damage at {damage}"
        );
    }
    let plain_path = dir.path().join("cut.warc");
    let mut plain = Vec::new();
    flate2::read::MultiGzDecoder::new(&bytes[..])
        .read_to_end(&mut plain)
        .unwrap();
    let text = String::from_utf8_lossy(&plain);
    let second_plain = text.rfind("WARC/1.1\r\nWARC-Type: response").unwrap();
    for (cut, pages) in [
        (second_plain - 10, 1),
        (second_plain + 200, 1),
        (plain.len() - 10, 1),
    ] {
        std::fs::write(&plain_path, &plain[..cut]).unwrap();
        let contents = read_archive_contents(&plain_path).unwrap();
        assert_eq!(contents.pages.len(), pages, "cut at {cut}");
        assert!(contents.damage.is_some(), "cut at {cut}");
    }
}

#[test]
fn chunked_and_gzipped_bodies_are_undone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.warc.gz");
    let mut warc = WarcWriter::create(&path, "appeal-audit/test").unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gz, "<html>сжато</html>".as_bytes()).unwrap();
    let body = gz.finish().unwrap();
    let mut response = format!(
        "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n{:x}\r\n",
        body.len()
    )
    .into_bytes();
    response.extend_from_slice(&body);
    response.extend_from_slice(b"\r\n0\r\n\r\n");
    warc.write_exchange(
        "https://x/blogs/1/welcome",
        chrono::Utc::now(),
        b"GET / HTTP/1.1\r\n\r\n",
        &response,
    )
    .unwrap();
    warc.finish().unwrap();
    let pages = read_archive(&path).unwrap();
    assert_eq!(pages[0].body, "<html>сжато</html>".as_bytes());
}

#[test]
fn a_file_that_is_no_archive_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.warc");
    std::fs::write(&path, "just some notes\n").unwrap();
    let error = read_archive(&path).unwrap_err();
    assert!(
        format!("{error:#}").contains("is not a WARC file"),
        "{error:#}"
    );
}

/// `warcio` from PyPI, if installed: the standard tools must read what we write.
fn warcio(args: &[&std::ffi::OsStr]) -> Option<std::process::Output> {
    match std::process::Command::new("warcio").args(args).output() {
        Ok(output) => Some(output),
        Err(_) => {
            eprintln!("skipped: warcio is not installed (python3 -m pip install warcio)");
            None
        }
    }
}

#[test]
fn warcio_checks_and_indexes_what_we_write() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("1-20261202T110000Z.warc.gz");
    let (first, second) = write_two(&path);
    let Some(check) = warcio(&["check".as_ref(), "-v".as_ref(), path.as_os_str()]) else {
        return;
    };
    let report = String::from_utf8_lossy(&check.stdout);
    assert!(
        check.status.success(),
        "warcio check failed:\n{report}{}",
        String::from_utf8_lossy(&check.stderr)
    );
    assert!(!report.contains("fail"), "{report}");
    // One line a record: warcinfo, and each response and request.
    assert_eq!(report.matches("digest pass").count(), 5, "{report}");
    let index = warcio(&[
        "index".as_ref(),
        "-f".as_ref(),
        "warc-type,warc-target-uri,offset".as_ref(),
        path.as_os_str(),
    ])
    .unwrap();
    assert!(index.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&index.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let responses: Vec<(String, String)> = lines
        .iter()
        .filter(|l| l["warc-type"] == "response")
        .map(|l| {
            (
                l["offset"].as_str().unwrap().to_string(),
                l["warc-target-uri"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        responses,
        [
            (
                first.to_string(),
                "https://dialog.egov.kz/blogs/1/questions?page=1".to_string()
            ),
            (
                second.to_string(),
                "https://dialog.egov.kz/blogs/1/questions?page=2".to_string()
            ),
        ]
    );
    assert_eq!(lines[0]["warc-type"], "warcinfo");
    assert_eq!(lines.len(), 5);
}

#[test]
fn a_record_claiming_a_huge_length_is_damage_not_an_allocation() {
    let dir = tempfile::tempdir().unwrap();
    let gz = dir.path().join("a.warc.gz");
    write_two(&gz);
    let mut plain = Vec::new();
    flate2::read::MultiGzDecoder::new(std::fs::File::open(&gz).unwrap())
        .read_to_end(&mut plain)
        .unwrap();
    plain.extend_from_slice(
        b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 999999999999\r\n\r\nx",
    );
    let path = dir.path().join("a.warc");
    std::fs::write(&path, &plain).unwrap();
    let contents = read_archive_contents(&path).unwrap();
    assert_eq!(contents.pages.len(), 2);
    let damage = contents.damage.unwrap();
    assert!(
        damage.reason.contains("larger than any page"),
        "{}",
        damage.reason
    );
}
