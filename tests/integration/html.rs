//! `--format html`: the page read back with an HTML parser. Every figure in its tables equals the
//! JSON report's, every chart has a text alternative, nothing is loaded from the network,
//! hostile names stay text, and headless Chromium (where installed; under CI it must be) draws a
//! page that is not blank.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{Workdir, outside_tool};
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

const AS_OF: &str = "2022-10-03";

/// The bundled sample, imported as the README's main job does.
fn sample() -> Workdir {
    let wd = Workdir::new();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    wd.ok(&["--quiet", "audit", data.to_str().unwrap(), "--as-of", AS_OF]);
    wd
}

fn page(wd: &Workdir, args: &[&str]) -> Html {
    let mut args = args.to_vec();
    args.extend(["--format", "html"]);
    let text = wd.ok(&args);
    assert!(text.starts_with("<!DOCTYPE html>"), "{text}");
    Html::parse_document(&text)
}

fn json(wd: &Workdir, args: &[&str]) -> Value {
    let mut args = args.to_vec();
    args.extend(["--format", "json"]);
    wd.json(&args)
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    let selector = Selector::parse(css).unwrap_or_else(|e| panic!("selector {css}: {e:?}"));
    doc.select(&selector).collect()
}

/// A cell's own figure: its first text (a change table cell goes on with its arrow).
fn figure_of(cell: &ElementRef) -> String {
    cell.text().next().unwrap_or("").trim().to_string()
}

/// The rows of `table[data-report=report]` as column key -> cell figure.
fn table(doc: &Html, report: &str) -> Vec<HashMap<String, String>> {
    let tables = select(doc, &format!("table[data-report=\"{report}\"]"));
    assert_eq!(tables.len(), 1, "one {report} table");
    let cell = Selector::parse("td[data-key]").unwrap();
    let row = Selector::parse("tbody tr").unwrap();
    tables[0]
        .select(&row)
        .map(|tr| {
            tr.select(&cell)
                .map(|td| {
                    (
                        td.value().attr("data-key").unwrap().to_string(),
                        figure_of(&td),
                    )
                })
                .collect()
        })
        .collect()
}

/// Each JSON row's every value is the figure in the same row and column of the table: numbers
/// as numbers, null as a dash.
fn assert_table_is_json(doc: &Html, report: &str, rows: &Value) {
    let rows = rows.as_array().expect("JSON rows");
    let cells = table(doc, report);
    assert_eq!(cells.len(), rows.len(), "{report}: rows");
    for (i, (object, cells)) in rows.iter().zip(&cells).enumerate() {
        let object = object.as_object().unwrap();
        assert_eq!(cells.len(), object.len(), "{report} row {i}: columns");
        for (key, value) in object {
            let cell = cells
                .get(key)
                .unwrap_or_else(|| panic!("{report} row {i}: no {key} cell"));
            let same = match value {
                Value::Null => cell == "—",
                Value::Number(n) => cell.parse::<f64>().ok() == n.as_f64(),
                Value::String(s) => cell == s,
                other => cell == &other.to_string(),
            };
            assert!(
                same,
                "{report} row {i}, {key}: table {cell:?}, JSON {value}"
            );
        }
    }
}

#[test]
fn routing_forwards_and_silence_tables_are_the_json_figures() {
    let wd = sample();
    for report in ["routing", "forwards", "silence"] {
        let args = ["report", report, "--as-of", AS_OF];
        assert_table_is_json(&page(&wd, &args), report, &json(&wd, &args));
    }
    // With a filter, and to a file.
    let args = [
        "report",
        "routing",
        "--as-of",
        AS_OF,
        "--since",
        "2022-09-01",
    ];
    wd.ok(&[&args[..], &["--format", "html", "--output", "routing.html"]].concat());
    let doc = Html::parse_document(&String::from_utf8(wd.read("routing.html")).unwrap());
    assert_table_is_json(&doc, "routing", &json(&wd, &args));
}

#[test]
fn weekly_tables_are_the_json_figures() {
    let wd = sample();
    // W38 has no forwarded appeal; W34 has several.
    for week in ["2022-W38", "2022-W34"] {
        let args = ["report", "weekly", "--week", week, "--as-of", AS_OF];
        let doc = page(&wd, &[&args[..], &["--weeks", "3"]].concat());
        let report = json(&wd, &args);
        assert_table_is_json(&doc, "routing", &report["routing"]);
        assert_table_is_json(&doc, "silence", &report["silence"]);
        if report["forwards"].as_array().unwrap().is_empty() {
            assert!(select(&doc, "table[data-report=forwards]").is_empty());
        } else {
            assert_table_is_json(&doc, "forwards", &report["forwards"]);
        }

        // The change table: this period's figures and the period before's.
        let figure = |rows: &Value, name: &str, key: &str| {
            rows.as_array()
                .unwrap()
                .iter()
                .find(|r| r["addressee"] == name)
                .map_or(0, |r| r[key].as_u64().unwrap())
                .to_string()
        };
        let change = table(&doc, "change");
        assert!(!change.is_empty());
        for row in &change {
            let name = &row["addressee"];
            for key in ["appeals", "personal", "forwarded", "unanswered", "overdue"] {
                // `2 (↓1)`: the figure, then its change.
                let now = row[key].split(' ').next().unwrap();
                assert_eq!(
                    now,
                    figure(&report["routing"], name, key),
                    "{week} {name} {key}"
                );
                let before = &report["previous"]["routing"];
                assert_eq!(row[&format!("{key}_before")], figure(before, name, key));
            }
        }

        // The trend: each week's totals are the routing report's over that week.
        let trend = table(&doc, "trend");
        assert_eq!(trend.len(), 3, "--weeks 3");
        assert_eq!(trend[2]["since"], report["since"].as_str().unwrap());
        for week in &trend {
            let routing = json(
                &wd,
                &[
                    "report",
                    "routing",
                    "--as-of",
                    AS_OF,
                    "--since",
                    &week["since"],
                    "--until",
                    &week["until"],
                ],
            );
            let sum = |key: &str| -> u64 {
                routing
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|r| r[key].as_u64().unwrap())
                    .sum()
            };
            for key in [
                "appeals",
                "personal",
                "forwarded",
                "unanswered",
                "unknown",
                "rejected",
            ] {
                assert_eq!(week[key], sum(key).to_string(), "{} {key}", week["week"]);
            }
        }
    }
}

/// Every page this command line can make.
fn every_page(wd: &Workdir) -> Vec<(&'static str, Html)> {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let week = ["report", "weekly", "--week", "2022-W34", "--as-of", AS_OF];
    vec![
        (
            "routing",
            page(wd, &["report", "routing", "--as-of", AS_OF]),
        ),
        (
            "forwards",
            page(wd, &["report", "forwards", "--as-of", AS_OF]),
        ),
        (
            "silence",
            page(wd, &["report", "silence", "--as-of", AS_OF]),
        ),
        (
            "changes",
            page(wd, &["report", "changes", "--as-of", AS_OF]),
        ),
        ("weekly", page(wd, &week)),
        (
            "audit",
            page(
                wd,
                &["--quiet", "audit", data.to_str().unwrap(), "--as-of", AS_OF],
            ),
        ),
    ]
}

fn text_of(doc: &Html, ids: &str) -> String {
    ids.split_whitespace()
        .map(|id| {
            let found = select(doc, &format!("[id=\"{id}\"]"));
            assert_eq!(found.len(), 1, "one element with id {id}");
            found[0].text().collect::<String>()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_chart_has_a_title_a_caption_and_a_text_alternative() {
    let wd = sample();
    for (name, doc) in every_page(&wd) {
        assert_eq!(
            select(&doc, "html")[0].value().attr("lang"),
            Some("ru"),
            "{name}"
        );
        assert_eq!(
            select(&doc, "meta[charset]")[0].value().attr("charset"),
            Some("utf-8")
        );
        let viewport = select(&doc, "meta[name=viewport]");
        assert!(
            viewport[0]
                .value()
                .attr("content")
                .unwrap()
                .contains("width=device-width")
        );
        let css: String = select(&doc, "style")
            .iter()
            .flat_map(|s| s.text())
            .collect();
        assert!(
            css.contains("@media print") && css.contains("@page"),
            "{name}: print CSS"
        );

        let figures = select(&doc, "figure");
        assert!(!figures.is_empty(), "{name}: no chart");
        let caption = Selector::parse("figcaption").unwrap();
        for figure in &figures {
            let words: String = figure.select(&caption).flat_map(|c| c.text()).collect();
            assert!(
                words.contains("as of") && words.contains("n = "),
                "{name}: {words}"
            );
            let described = figure
                .value()
                .attr("aria-describedby")
                .expect("aria-describedby");
            assert!(
                text_of(&doc, described).trim().len() > 10,
                "{name}: empty description"
            );
            assert!(
                figure
                    .next_siblings()
                    .filter_map(ElementRef::wrap)
                    .any(|e| {
                        e.select(&Selector::parse("table").unwrap())
                            .next()
                            .is_some()
                    }),
                "{name}: no table after a chart"
            );
        }
        // An SVG is either decoration (a swatch, a bar beside its words) or an image with a name.
        for svg in select(&doc, "svg") {
            let e = svg.value();
            if e.attr("aria-hidden") == Some("true") {
                continue;
            }
            assert_eq!(
                e.attr("role"),
                Some("img"),
                "{name}: an SVG without role=img"
            );
            let named = e
                .attr("aria-label")
                .map(str::to_string)
                .or_else(|| e.attr("aria-labelledby").map(|ids| text_of(&doc, ids)));
            assert!(
                named.is_some_and(|n| n.contains("as of")),
                "{name}: an SVG with no name"
            );
        }
    }
}

#[test]
fn nothing_is_loaded_from_the_network() {
    let wd = sample();
    for (name, doc) in every_page(&wd) {
        for tag in [
            "script", "link", "img", "iframe", "object", "embed", "image", "use", "base",
        ] {
            assert!(select(&doc, tag).is_empty(), "{name}: a <{tag}>");
        }
        let mut css: String = select(&doc, "style")
            .iter()
            .flat_map(|s| s.text())
            .collect();
        for element in select(&doc, "*") {
            for (attr, value) in element.value().attrs() {
                let lower = value.trim().to_ascii_lowercase();
                assert!(
                    ![
                        "src",
                        "srcset",
                        "href",
                        "xlink:href",
                        "action",
                        "poster",
                        "data"
                    ]
                    .contains(&attr)
                        || lower.starts_with('#'),
                    "{name}: {attr}={value:?}"
                );
                assert!(
                    !(lower.starts_with("http:")
                        || lower.starts_with("https:")
                        || lower.starts_with("//")),
                    "{name}: {attr}={value:?}"
                );
                // Patterns are referenced in the page (fill="url(#p-forwarded)"), never outside.
                for (i, _) in lower.match_indices("url(") {
                    assert!(
                        lower[i + 4..]
                            .trim_start_matches(['"', '\''])
                            .starts_with('#'),
                        "{name}: {value}"
                    );
                }
                if attr == "style" {
                    css.push_str(value);
                }
            }
        }
        let css = css.to_ascii_lowercase();
        assert!(
            !css.contains("@import") && !css.contains("url("),
            "{name}: CSS loads something"
        );
    }
}

const IMG: &str = "<img src=x onerror=alert(1)>";
const BREAKOUT: &str = "\"><script>alert(2)</script>";
const KAZAKH: &str = "Әбілқасым Ғалым Қоңырұлы Өтеғұлұлы Үмбетһан Іңкәр";

#[test]
fn hostile_names_are_shown_as_text() {
    let wd = Workdir::new();
    let quoted = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    wd.write(
        "directory.csv",
        format!(
            "name,kind,position\n{},official,Аким\n{},department,\n{KAZAKH},official,Әкім\n",
            quoted(IMG),
            quoted(BREAKOUT)
        ),
    );
    wd.write(
        "appeals.csv",
        format!(
            "id,addressee,date,status,answered_at,answered_by,forwarded_to\n\
             1,{img},2022-09-20,Ответ получен,2022-09-22,{img},\n\
             2,{img},2022-09-21,Перенаправлено,,,{out}\n\
             3,{img},2022-09-21,Ответ получен,2022-09-23,{out},\n\
             4,{KAZAKH},2022-09-22,Ответ получен,2022-09-23,{KAZAKH},\n",
            img = quoted(IMG),
            out = quoted(BREAKOUT)
        ),
    );
    wd.write(
        "posts.csv",
        format!("department,date\n{},2022-09-01\n", quoted(BREAKOUT)),
    );
    wd.ok(&["import", "directory", "directory.csv"]);
    wd.ok(&["import", "appeals", "appeals.csv"]);
    wd.ok(&["import", "posts", "posts.csv"]);

    let as_of = ["--as-of", AS_OF];
    // Which names each page shows in its tables: addressees, forward targets, publishers.
    let pages: [(&[&str], &[&str]); 5] = [
        (&["report", "routing"], &[IMG, KAZAKH]),
        (&["report", "forwards"], &[IMG, BREAKOUT]),
        (&["report", "silence"], &[IMG, BREAKOUT, KAZAKH]),
        (&["report", "changes"], &[IMG, KAZAKH]),
        (
            &["report", "weekly", "--week", "2022-W38"],
            &[IMG, BREAKOUT, KAZAKH],
        ),
    ];
    for (args, names) in &pages {
        let args = [*args, &as_of[..]].concat();
        let raw = wd.ok(&[&args[..], &["--format", "html"]].concat());
        assert!(
            !raw.contains("<img") && !raw.contains("<script"),
            "{args:?}"
        );
        let doc = Html::parse_document(&raw);
        assert!(select(&doc, "script").is_empty() && select(&doc, "img").is_empty());
        for element in select(&doc, "*") {
            assert!(
                element.value().attrs().all(|(a, _)| !a.starts_with("on")),
                "{args:?}: an event handler on <{}>",
                element.value().name()
            );
        }
        let cells: Vec<String> = select(&doc, "td")
            .iter()
            .map(|td| td.text().collect())
            .collect();
        for name in *names {
            assert!(
                cells.iter().any(|c| c == name),
                "{args:?}: {name} not in a cell"
            );
        }
    }
}

#[test]
fn formats_without_a_page_say_where_html_is() {
    let wd = sample();
    let stderr = wd.fails(&["status", "--format", "html"], 2);
    assert!(stderr.contains("report routing"), "{stderr}");
}

/// Runs a browser with a deadline, so that a stuck browser fails the test instead of hanging it.
fn run_with_deadline(command: &mut Command, seconds: u64) -> bool {
    let mut child = command
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait for chromium") {
            return status.success();
        }
        if start.elapsed() > Duration::from_secs(seconds) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium took more than {seconds} s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
        .find(|p| p.is_file())
}

fn screenshot(browser: &Path, wd: &Workdir, html: &Path, png: &str) -> Vec<u8> {
    let profile = tempfile::tempdir().unwrap();
    let ok = run_with_deadline(
        Command::new(browser).args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            &format!("--user-data-dir={}", profile.path().display()),
            &format!("--screenshot={}", wd.path(png).display()),
            "--window-size=1200,2400",
            &format!("file://{}", html.display()),
        ]),
        120,
    );
    assert!(ok && wd.path(png).exists(), "chromium made no {png}");
    wd.read(png)
}

/// The colours of a PNG, counted per RGB value.
fn colours(png: &[u8]) -> HashMap<[u8; 3], usize> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(png));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size().expect("PNG size")];
    let info = reader.next_frame(&mut pixels).expect("PNG pixels");
    let channels = info.color_type.samples();
    let mut counts = HashMap::new();
    for pixel in pixels[..info.buffer_size()].chunks(channels) {
        let rgb = match channels {
            1 | 2 => [pixel[0]; 3],
            _ => [pixel[0], pixel[1], pixel[2]],
        };
        *counts.entry(rgb).or_insert(0) += 1;
    }
    counts
}

#[test]
fn chromium_draws_the_weekly_page() {
    let browser = chromium();
    if !outside_tool("Chromium", "apt-get install chromium", browser.is_some()) {
        return;
    }
    let browser = browser.expect("found");
    let wd = sample();
    wd.ok(&[
        "report",
        "weekly",
        "--week",
        "2022-W38",
        "--as-of",
        AS_OF,
        "--format",
        "html",
        "--output",
        "weekly.html",
    ]);
    wd.write(
        "blank.html",
        "<!DOCTYPE html><html lang=\"ru\"><body></body></html>",
    );
    let page = screenshot(&browser, &wd, &wd.path("weekly.html"), "weekly.png");
    let blank = screenshot(&browser, &wd, &wd.path("blank.html"), "blank.png");
    assert!(
        page.len() > 20_000 && page.len() > 5 * blank.len(),
        "{} vs blank {}",
        page.len(),
        blank.len()
    );

    // Text, tables and the charts' Okabe–Ito colours: personal green, forwarded blue.
    let counts = colours(&page);
    assert!(counts.len() > 100, "only {} colours", counts.len());
    let near = |target: [u8; 3]| {
        counts
            .iter()
            .filter(|(c, _)| c.iter().zip(target).all(|(a, b)| a.abs_diff(b) <= 6))
            .map(|(_, n)| n)
            .sum::<usize>()
    };
    assert!(near([0x00, 0x9E, 0x73]) > 500, "no personal green drawn");
    assert!(near([0x00, 0x72, 0xB2]) > 500, "no forwarded blue drawn");
    let white = counts.get(&[255, 255, 255]).copied().unwrap_or(0);
    assert!(
        white < 1200 * 2400 * 95 / 100,
        "the page is almost all white"
    );
}
