//! Issue 22: the fetch side in the run's language. `fetch BLOG` against the 127.0.0.1 portal
//! and `fetch news` against the gov.kz stand-in, run with --lang ru and --lang kk: the summary,
//! a blog the server does not have, robots.txt closing a blog, a body no source answers and the
//! probe's account, each asserted as the whole sentence. The server's own words (its reason
//! phrase, a refusal's page) stay as it sent them.

use crate::common::govkz_server::{GovServer, Refusal};
use crate::common::{BLOG, OWNER, ROBOTS, Workdir};
use crate::error_words::latin_words;
use crate::fetch::{blog_server, fetch_args};
use crate::govkz::{digital_unread, fetch as fetch_govkz, zhetysu};

/// `--lang LANG fetch BLOG …` against `server`, the portal asked for the language too.
fn fetch_in(
    wd: &Workdir,
    lang: &str,
    server: &crate::common::http_server::Server,
    extra: &[&str],
) -> std::process::Output {
    let path = format!("/application/changelang?lang={lang}");
    server.page(&path, "ok");
    let mut args = vec!["--lang", lang];
    args.extend(fetch_args(server, extra));
    wd.run(&args)
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn a_portal_fetch_tells_its_summary_in_russian() {
    let wd = Workdir::new();
    let server = blog_server(ROBOTS);
    let output = fetch_in(
        &wd,
        "ru",
        &server,
        &["--scraped-at", "2022-10-03", "--no-import"],
    );
    let stderr = stderr(&output);
    assert!(output.status.success(), "{stderr}");
    let summary = format!(
        "{BLOG} ({OWNER}): страниц вопросов — 3 из 3, страниц публикаций — 1, прочитано \
         обращений — 25; запрошено страниц — 5, взято из незавершённого запуска — 0; архив "
    );
    assert!(stderr.contains(&summary), "{stderr}");
    let robots = format!(
        "{}: robots.txt прочитан; 0,0 с между запросами, то есть блог из 10 страниц — примерно 0 с\n",
        server.base_url
    );
    assert!(stderr.contains(&robots), "{stderr}");
    let estimate = format!(
        "{BLOG}: прочитать до 3 страниц вопросов (totalPages 3) по 0,0 с на страницу: примерно 0 с\n"
    );
    assert!(stderr.contains(&estimate), "{stderr}");
}

#[test]
fn a_blog_the_server_does_not_have_is_refused_in_kazakh() {
    let wd = Workdir::new();
    let server = blog_server(ROBOTS);
    let mut args = vec!["--lang", "kk"];
    let base = server.base_url.clone();
    args.extend([
        "fetch",
        "42",
        "--base-url",
        &base,
        "--delay",
        "0",
        "--no-posts",
    ]);
    let stderr = wd.fails(&args, 1);
    // The reason phrase is the server's, as HTTP names the status.
    let want = format!(
        "appeal-audit: қате: {base}/blogs/42/welcome: сервер HTTP 404 Not Found деп жауап берді; \
         блог нөмірін және --base-url тексеріңіз\n"
    );
    assert!(stderr.ends_with(&want), "{stderr}");
    assert!(
        stderr.starts_with(&format!(
            "{base}: robots.txt оқылды; сұраулар арасында 0,0 с, яғни 10 беттік блог шамамен 0 с\n"
        )),
        "{stderr}"
    );
}

#[test]
fn robots_txt_closing_a_blog_stops_the_run_in_russian() {
    let wd = Workdir::new();
    let server = blog_server("User-agent: *\nDisallow: /\n");
    let output = fetch_in(&wd, "ru", &server, &["--scraped-at", "2022-10-03"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let base = &server.base_url;
    let want = format!(
        "appeal-audit: ошибка: {base}/blogs/{BLOG}/questions?page=1: robots.txt \
         ({base}/robots.txt) запрещает appeal-audit страницы вопросов блога {BLOG}, поэтому ни \
         одна его страница не запрашивалась и ничего не загружено. Сайт просит роботов не \
         трогать этот блог; загрузите страницы, сохранённые иначе, командой `appeal-audit import \
         pages`\n"
    );
    assert_eq!(stderr(&output), want);
    assert_eq!(latin_words(&want, &["http"]), Vec::<String>::new());
}

#[test]
fn a_body_no_source_answers_is_named_in_russian_with_what_to_do() {
    let server = digital_unread();
    let dir = Workdir::new();
    let output = fetch_govkz(
        &dir,
        &server,
        &["news", "zhetysu-comdev", "zhetysu-digital", "--lang", "ru"],
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let stderr = stderr(&output);
    let error = stderr.lines().last().unwrap_or_default();
    let archive = dir.path("archive");
    let want_start = "appeal-audit: ошибка: не удалось прочитать 1 из 2 госорганов (ни один \
         источник не ответил, см. выше): zhetysu-digital; ничего из них не загружено, и `report \
         silence` показывает их как непрочитанные. Запустите ту же команду позже или из другой \
         сети либо загрузите CSV с публикациями, набранными с их сайтов. Архив: ";
    assert!(error.starts_with(want_start), "{stderr}");
    assert!(error.contains(archive.to_str().unwrap()), "{stderr}");
    let line = stderr
        .lines()
        .find(|l| l.starts_with("zhetysu-digital ("))
        .unwrap_or_else(|| panic!("{stderr}"));
    assert!(
        line.starts_with(
            "zhetysu-digital (Управление цифровизации области Жетысу): НЕ ПРОЧИТАН: rss "
        ),
        "{line}"
    );
    let read = stderr
        .lines()
        .find(|l| l.starts_with("zhetysu-comdev ("))
        .unwrap_or_else(|| panic!("{stderr}"));
    assert!(
        read.contains("): прочитан через json: страниц — 1, записей — 5, самая новая 2022-08-23; запросов — 3; rss отказал ("),
        "{read}"
    );
}

#[test]
fn the_gov_kz_probe_reports_in_kazakh() {
    let server = GovServer::start(zhetysu());
    server.refuse("*", "rss", Refusal::Challenge);
    let dir = Workdir::new();
    let output = fetch_govkz(
        &dir,
        &server,
        &["news", "--probe", "zhetysu-comdev", "--lang", "kk"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines[0],
        format!(
            "{}/robots.txt: оқылды; сұраулар арасында 0,0 с (оның Crawl-delay мәні, болмаса 1 с, \
             немесе --delay)",
            server.base_url
        )
    );
    assert!(
        lines.contains(&"органдар тізімі: оқылды, органдар — 5"),
        "{stdout}"
    );
    assert!(
        lines.contains(&"  оқылған жазбалар: 5, ең жаңасы 2022-08-23, ең ескісі 2022-08-19"),
        "{stdout}"
    );
    assert!(
        lines.contains(&"кемінде бір дереккөз толық оқылды: `fetch news` бұл органды оқи алады"),
        "{stdout}"
    );
    let archive = lines
        .iter()
        .find(|l| l.starts_with("мұрағат: "))
        .unwrap_or_else(|| panic!("{stdout}"));
    assert!(archive.ends_with(" (ештеңе жүктелмеді)"), "{archive}");
}

#[test]
fn fetch_usage_errors_are_in_the_language() {
    let wd = Workdir::new();
    let stderr = wd.fails(&["--lang", "kk", "fetch", BLOG, "--delay", "5000"], 2);
    assert_eq!(
        stderr,
        "appeal-audit: қате: --delay 5000: 0-ден 3600-ге дейінгі секунд санын беріңіз\n\n\
         Толығырақ: --help.\n"
    );
    let stderr = wd.fails(
        &["--lang", "ru", "fetch", BLOG, "--scraped-at", "31.02.2022"],
        2,
    );
    assert!(
        stderr.starts_with("appeal-audit: ошибка: --scraped-at \"31.02.2022\": "),
        "{stderr}"
    );
    assert!(latin_words(&stderr, &[]).is_empty(), "{stderr}");
}
