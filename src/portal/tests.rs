//! The reader against the fixture pages of `tests/fixtures/portal` (written from portal.md),
//! and tables of the small variations it must take in its stride.

use super::*;

const BASE: &str = "https://dialog.egov.kz/blogs/2719746";

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/portal/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn questions(url: &str, html: &[u8]) -> (Vec<PortalAppeal>, Option<u32>) {
    match read_page(url, html) {
        Ok(PortalPage::Questions {
            appeals,
            total_pages,
            ..
        }) => (appeals, total_pages),
        other => panic!("{url}: {other:?}"),
    }
}

fn answer(answerer: &str, date: &str, time: Option<&str>, text: &str) -> PortalAnswer {
    PortalAnswer {
        answerer: Some(answerer.to_string()),
        date: date.to_string(),
        time: time.map(str::to_string),
        text: text.to_string(),
    }
}

#[test]
fn welcome_page_names_the_owner_and_position() {
    let page = read_page(&format!("{BASE}/welcome"), &fixture("welcome.html")).unwrap();
    assert_eq!(
        page,
        PortalPage::Welcome {
            owner: Some("Исабаев Бейбит Бакирович".into()),
            position: Some("Аким области Жетысу".into()),
        }
    );
}

#[test]
fn first_questions_page_reads_every_card() {
    let (appeals, total) = questions(
        &format!("{BASE}/questions?page=1"),
        &fixture("questions-1.html"),
    );
    assert_eq!(total, Some(3));
    let ids: Vec<&str> = appeals.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["765824", "765801", "765790", "765777", "765760"]);
    let first = &appeals[0];
    assert_eq!(first.question_id.as_deref(), Some("765824"));
    assert_eq!(
        first.url.as_deref(),
        Some("https://dialog.egov.kz/blogs/all-questions/765824")
    );
    assert_eq!(first.submitted, "20.09.2022");
    assert_eq!(first.category.as_deref(), Some("Образование"));
    assert_eq!(first.author.as_deref(), Some("Ахметова Айгуль"));
    assert_eq!(first.views, Some(153));
    assert!(
        first
            .text
            .as_deref()
            .unwrap()
            .ends_with("построили новый сад, но…")
    );
    assert_eq!(first.status, None);
    assert_eq!(
        first.answers,
        [answer(
            "Исабаев Б.Б.",
            "26.09.2022",
            None,
            "Уважаемая Айгуль! Ваш сын включён в список на получение места в новом детском саду «Балауса», направление будет выдано до 1 октября."
        )]
    );
    // A body's answer with a time, its text in a div of paragraphs.
    assert_eq!(
        appeals[1].answers,
        [answer(
            "Управление энергетики и жилищно-коммунального хозяйства области Жетысу",
            "23.09.2022",
            Some("16:15"),
            "Уважаемый Ерлан!\nПодача горячей воды восстановлена 22 сентября после замены участка теплотрассы."
        )]
    );
    // `&nbsp;` between digits of a count; `&mdash;` and `&nbsp;` in a text.
    assert_eq!(appeals[2].views, Some(1204));
    assert_eq!(
        appeals[2].text.as_deref(),
        Some("Когда отремонтируют дорогу Талдыкорган — Текели? Ямы на 40-м километре опасны.")
    );
    // No answers block: not answered yet.
    assert!(appeals[3].answers.is_empty());
    assert_eq!(appeals[3].status, None);
    // The pending placeholder: no text of the citizen's, no author.
    assert_eq!(appeals[4].status, Some(PortalStatus::Pending));
    assert_eq!(appeals[4].text, None);
    assert_eq!(appeals[4].author, None);
    assert_eq!(appeals[4].submitted, "16.09.2022");
}

#[test]
fn second_questions_page_takes_variations_in_its_stride() {
    let (appeals, total) = questions(
        &format!("{BASE}/questions?page=2"),
        &fixture("questions-2.html"),
    );
    assert_eq!(total, Some(3));
    let copy = &appeals[0];
    assert_eq!(copy.id, "749022/2");
    assert_eq!(copy.question_id.as_deref(), Some("749023"));
    assert_eq!(copy.submitted, "10.09.2022 14:32");
    assert_eq!(copy.author.as_deref(), Some("Оспанов Данияр"));
    assert_eq!(copy.views, Some(312));
    assert_eq!(
        copy.text.as_deref(),
        Some(
            "Прошу разъяснить порядок получения земельного участка под ИЖС в Талдыкоргане.\nЗаявление подано в 2019 году, ответа «нет» до сих пор..."
        )
    );
    // Shown newest first, read earliest first.
    let answerers: Vec<_> = copy
        .answers
        .iter()
        .map(|a| a.answerer.clone().unwrap())
        .collect();
    assert_eq!(
        answerers,
        [
            "Исабаев Б.Б.",
            "Управление земельных отношений области Жетысу"
        ]
    );
    assert_eq!(copy.answers[1].time.as_deref(), Some("10:00"));
    assert_eq!(
        appeals[1].status,
        Some(PortalStatus::Rejected {
            on: Some("12.09.2022".into())
        })
    );
    let older = &appeals[2];
    assert_eq!(
        (older.id.as_str(), older.question_id.as_deref()),
        ("238485", Some("429455"))
    );
    assert_eq!(
        older.text.as_deref(),
        Some("Просим выделить автобус для подвоза детей из села Карабулак в школу…")
    );
    assert_eq!(
        older.answers[0].answerer.as_deref(),
        Some("Аким области Жетысу")
    );
    // An answers block holding only its header: not answered.
    assert!(appeals[3].answers.is_empty());
    assert_eq!(appeals[3].status, None);
}

#[test]
fn kazakh_interface_words_change_nothing() {
    let (appeals, _) = questions(
        &format!("{BASE}/questions?page=3"),
        &fixture("questions-3.html"),
    );
    assert_eq!(appeals.len(), 3);
    assert_eq!(appeals[0].id, "740100");
    assert_eq!(appeals[0].category.as_deref(), Some("Білім беру"));
    assert_eq!(appeals[0].submitted, "01.09.2022");
    assert_eq!(appeals[0].views, Some(77));
    assert_eq!(
        appeals[0].answers[0].answerer.as_deref(),
        Some("Жетісу облысының білім басқармасы")
    );
    assert!(appeals[2].answers.is_empty());
}

#[test]
fn a_blog_with_no_appeal_yet_is_no_layout_error() {
    let html = "<html><body><div class=\"blog-header\"><h1 class=\"blog-title\">Новый Аким</h1></div>\
        <p>Вопросов пока нет</p><script>$('#p').twbsPagination({ totalPages: 1 });</script></body></html>";
    let (appeals, total) = questions(
        "https://dialog.egov.kz/blogs/9/questions?page=1",
        html.as_bytes(),
    );
    assert!(appeals.is_empty());
    assert_eq!(total, Some(1));
    // The same page with a card whose link has changed is one.
    let changed = html.replace(
        "<p>Вопросов",
        "<div><ul class=\"blog-info\"><li>№ 1</li></ul><a class=\"more\" href=\"/q/1\">x</a></div><p>Вопросов",
    );
    let error = read_page(
        "https://dialog.egov.kz/blogs/9/questions?page=1",
        changed.as_bytes(),
    )
    .unwrap_err();
    assert!(
        error.missing.starts_with("a card (ul.blog-info"),
        "{}",
        error.missing
    );
    let changed = html.replace(
        "<p>Вопросов",
        "<div><i class=\"fa fa-pencil\"></i> № 1</div><p>Вопросов",
    );
    let error = read_page(
        "https://dialog.egov.kz/blogs/9/questions?page=1",
        changed.as_bytes(),
    )
    .unwrap_err();
    assert!(
        error
            .missing
            .starts_with("page 1 of 1 (totalPages) shows no appeal card"),
        "{}",
        error.missing
    );
}

#[test]
fn welcome_pages_on_the_same_site() {
    for (page, blog, welcome) in [
        (
            "https://dialog.egov.kz/blogs/5/questions?page=2",
            "5",
            "https://dialog.egov.kz/blogs/5/welcome",
        ),
        (
            "http://127.0.0.1:8080/blogs/5/posts",
            "5",
            "http://127.0.0.1:8080/blogs/5/welcome",
        ),
        (
            "file:///home/me/saved.html",
            "5",
            "https://dialog.egov.kz/blogs/5/welcome",
        ),
    ] {
        assert_eq!(welcome_url(page, blog), welcome, "{page}");
    }
}

#[test]
fn page_numbers_from_addresses() {
    for (url, number) in [
        ("https://dialog.egov.kz/blogs/1/questions?page=7", Some(7)),
        ("https://dialog.egov.kz/blogs/1/questions", Some(1)),
        (
            "http://127.0.0.1:8080/blogs/1/questions?lang=kk&page=2#top",
            Some(2),
        ),
        ("file:///home/me/saved.html", None),
    ] {
        assert_eq!(page_number(url), number, "{url}");
    }
}

#[test]
fn a_page_past_the_last_has_no_cards() {
    let (appeals, total) = questions(
        &format!("{BASE}/questions?page=4"),
        &fixture("questions-4.html"),
    );
    assert!(appeals.is_empty());
    assert_eq!(total, Some(3));
}

#[test]
fn posts_page_reads_titles_and_dates() {
    let page = read_page(&format!("{BASE}/posts?page=1"), &fixture("posts-1.html")).unwrap();
    let PortalPage::Posts {
        posts, total_pages, ..
    } = page
    else {
        panic!("{page:?}")
    };
    assert_eq!(total_pages, Some(1));
    assert_eq!(
        posts[0],
        PortalPost {
            title: Some("Итоги отопительного сезона и планы на 2022–2023 годы".into()),
            date: "15.09.2022".into(),
            url: Some("https://dialog.egov.kz/blogs/posts/51234".into()),
        }
    );
    assert_eq!(posts.len(), 2);
}

#[test]
fn saved_pages_are_told_by_their_content() {
    for (name, kind) in [
        ("welcome.html", PageKind::Welcome),
        ("questions-2.html", PageKind::Questions),
        ("posts-1.html", PageKind::Posts),
    ] {
        let html = String::from_utf8(fixture(name)).unwrap();
        let document = scraper::Html::parse_document(&html);
        assert_eq!(
            page_kind("file:///home/me/saved.html", &document),
            kind,
            "{name}"
        );
        assert_eq!(blog_id_in_page(&html).as_deref(), Some("2719746"), "{name}");
    }
}

#[test]
fn blog_ids_from_numbers_and_addresses() {
    for (given, expected) in [
        ("2719746", Some("2719746")),
        (" 2719746 ", Some("2719746")),
        (
            "https://dialog.egov.kz/blogs/2719746/welcome",
            Some("2719746"),
        ),
        ("dialog.egov.kz/blogs/2719746", Some("2719746")),
        (
            "http://127.0.0.1:8080/blogs/55/questions?page=2",
            Some("55"),
        ),
        ("https://dialog.egov.kz/blogs/all-questions/765824", None),
        ("zhetysu", None),
        ("", None),
    ] {
        assert_eq!(blog_id(given).as_deref(), expected, "{given}");
    }
}

/// One card on a questions page, the facts list given whole.
fn card(facts: &str, rest: &str) -> Vec<u8> {
    format!(
        "<html><body><div class=\"row\"><div class=\"col-xs-12\"><h3>Автор</h3><p>Текст</p>\
         <ul class=\"blog-info\">{facts}</ul>\
         <a class=\"readmore\" href=\"/blogs/all-questions/1001\">Подробнее</a></div>{rest}</div></body></html>"
    )
    .into_bytes()
}

const FACTS: &str = "<li><i class=\"fa fa-pencil\"></i> № 1001</li><li><i class=\"fa fa-calendar\"></i> 03.10.2022</li>";

#[test]
fn answer_info_forms() {
    for (info, answerer, date, time) in [
        (
            "Исабаев Б.Б.  05.09.2022",
            Some("Исабаев Б.Б."),
            "05.09.2022",
            None,
        ),
        (
            "Исабаев Б.Б.&nbsp;05.09.2022",
            Some("Исабаев Б.Б."),
            "05.09.2022",
            None,
        ),
        (
            "Управление ЖКХ 05.09.2022, 16:15",
            Some("Управление ЖКХ"),
            "05.09.2022",
            Some("16:15"),
        ),
        (
            "Управление ЖКХ, 05.09.2022 9:05",
            Some("Управление ЖКХ"),
            "05.09.2022",
            Some("9:05"),
        ),
        (
            "\n  Исабаев   Б.Б.\n 05.09.2022\n",
            Some("Исабаев Б.Б."),
            "05.09.2022",
            None,
        ),
        ("05.09.2022", None, "05.09.2022", None),
    ] {
        let html = card(
            FACTS,
            &format!(
                "<div class=\"answers row\" id=\"1001\"><h4>Ответы</h4><p>Ответ</p>\
                 <span class=\"answer-info\">{info}</span></div>"
            ),
        );
        let (appeals, _) = questions("https://dialog.egov.kz/blogs/1/questions", &html);
        let got = &appeals[0].answers[0];
        assert_eq!(got.answerer.as_deref(), answerer, "{info}");
        assert_eq!(
            (got.date.as_str(), got.time.as_deref()),
            (date, time),
            "{info}"
        );
        assert_eq!(got.text, "Ответ", "{info}");
    }
}

#[test]
fn facts_are_known_by_their_icons_not_their_words() {
    for (facts, id, date, views) in [
        (FACTS, "1001", "03.10.2022", None),
        (
            "<li><i class=\"fa fa-eye\"></i>7</li><li><i class=\"fa fa-calendar\"></i>03.10.2022</li><li><i class=\"fa fa-pencil\"></i>№1001</li>",
            "1001",
            "03.10.2022",
            Some(7),
        ),
        (
            "<li><span><i class=\"fa fa-pencil fa-fw\"></i></span> Нөмірі: № 1001 / 3</li><li><i class=\"fa fa-calendar-o\"></i> Күні: 03.10.2022 г.</li>",
            "1001/3",
            "03.10.2022",
            None,
        ),
    ] {
        let (appeals, _) = questions("https://dialog.egov.kz/blogs/1/questions", &card(facts, ""));
        assert_eq!(appeals[0].id, id, "{facts}");
        assert_eq!(appeals[0].submitted, date, "{facts}");
        assert_eq!(appeals[0].views, views, "{facts}");
    }
}

#[test]
fn layout_changes_are_errors_that_say_what_is_missing() {
    let url = "https://dialog.egov.kz/blogs/1/questions?page=1";
    for (html, missing) in [
        (
            card("<li><i class=\"fa fa-calendar\"></i> 03.10.2022</li>", ""),
            "appeal card 1 (link /blogs/all-questions/1001) has no registration number",
        ),
        (
            card("<li><i class=\"fa fa-pencil\"></i> № 1001</li>", ""),
            "appeal card 1 (link /blogs/all-questions/1001) has no submission date",
        ),
        (
            card(FACTS, "<div class=\"answers\" id=\"1001\"><p>Ответ</p><span class=\"answer-info\">Исабаев Б.Б.</span></div>"),
            "answers block 1001: span.answer-info \"Исабаев Б.Б.\" holds no date",
        ),
        (
            card(FACTS, "<div class=\"answers\" id=\"1001\"><p>Ответ без подписи</p></div>"),
            "answers block 1001: an answer's text is followed by no span.answer-info",
        ),
        (
            b"<html><body><div class=\"col-xs-12\"><h3>A</h3><ul class=\"blog-info\"><li><i class=\"fa fa-pencil\"></i>1</li></ul><a class=\"more\" href=\"/blogs/all-questions/1\">x</a></div></body></html>".to_vec(),
            "a card (ul.blog-info: \"1\") has no a.readmore link to /blogs/all-questions/{id}",
        ),
        (
            b"<html><body><a class=\"readmore\" href=\"/blogs/all-questions/1\">x</a></body></html>".to_vec(),
            "the link /blogs/all-questions/1 (a.readmore) stands in no card with a ul.blog-info",
        ),
        (
            fixture("questions-layout-changed.html"),
            "appeal card 1 (link /blogs/all-questions/765824) has no registration number",
        ),
        (
            String::from_utf8(fixture("questions-1.html"))
                .unwrap()
                .replace("class=\"readmore\"", "class=\"read-more\"")
                .replace("class=\"blog-info\"", "class=\"info\"")
                .into_bytes(),
            "page 1 of 3 (totalPages) shows no appeal card",
        ),
    ] {
        let error = read_page(url, &html).unwrap_err();
        assert_eq!(error.url, url);
        assert!(
            error.missing.starts_with(missing),
            "{missing}\n  got: {}",
            error.missing
        );
        let message = error.in_archive(Path::new("a.warc.gz"), 812).to_string();
        assert!(
            message.starts_with(&format!("{url} (in a.warc.gz, record at offset 812): the portal's layout may have changed: {missing}")),
            "{message}"
        );
    }
}

#[test]
fn placeholders_need_the_portal_sentence() {
    for (text, status) in [
        (
            "Обращение с регистрационным номером 5, направленное в Блог акима, находится на рассмотрении у ГО",
            Some(PortalStatus::Pending),
        ),
        (
            "Обращение с регистрационным номером 5, направленное в Блог акима, отклонено ГО 12.09.2022",
            Some(PortalStatus::Rejected {
                on: Some("12.09.2022".into()),
            }),
        ),
        ("Мой вопрос находится на рассмотрении у суда", None),
    ] {
        let html = format!(
            "<div class=\"col-xs-12\"><p>{text}</p><ul class=\"blog-info\">\
             <li><i class=\"fa fa-pencil\"></i>5</li><li><i class=\"fa fa-calendar\"></i>01.09.2022</li></ul>\
             <a class=\"readmore\" href=\"/blogs/all-questions/5\">x</a></div>"
        );
        let (appeals, _) = questions("https://dialog.egov.kz/blogs/1/questions", html.as_bytes());
        assert_eq!(appeals[0].status, status, "{text}");
        assert_eq!(appeals[0].text.is_some(), status.is_none(), "{text}");
    }
}

#[test]
fn windows_1251_pages_are_decoded_by_their_meta() {
    let html = "<html><head><meta charset=\"windows-1251\"></head><body><div class=\"blog-header\"><h1>Исабаев Бейбит</h1></div></body></html>";
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(html);
    let page = read_page("https://dialog.egov.kz/blogs/1/welcome", &bytes).unwrap();
    assert_eq!(
        page,
        PortalPage::Welcome {
            owner: Some("Исабаев Бейбит".into()),
            position: None
        }
    );
}

/// Which charset wins: a byte-order mark, valid UTF-8, `Content-Type`, a `<meta>` anywhere in
/// the head, then Windows-1251 recognised by its text; anything else is refused, not guessed.
#[test]
fn the_charset_comes_from_content_type_then_meta_then_the_text() {
    let cp1251 = |text: &str| encoding_rs::WINDOWS_1251.encode(text).0.into_owned();
    let owner = "Исабаев Бейбит";
    let body = format!("<body><h1>{owner}</h1></body>");
    let late_meta = format!(
        "<head><script>{}</script><meta charset=\"windows-1251\"></head>{body}",
        " ".repeat(8192)
    );
    let cases: Vec<(&str, Vec<u8>, Option<&str>)> = vec![
        (
            "utf-8 under a wrong label",
            body.clone().into_bytes(),
            Some("text/html; charset=koi8-r"),
        ),
        (
            "content-type",
            cp1251(&body),
            Some("text/html; charset=\"windows-1251\""),
        ),
        (
            "content-type over meta",
            cp1251(&format!("<meta charset=koi8-r>{body}")),
            Some("text/html;charset=cp1251"),
        ),
        ("a meta after 8 KiB", cp1251(&late_meta), Some("text/html")),
        ("nothing said", cp1251(&body), None),
    ];
    for (case, html, content_type) in cases {
        let text = text::decode(&html, content_type).unwrap_or_else(|e| panic!("{case}: {e}"));
        assert!(text.contains(owner), "{case}: {text}");
    }
    let refused: Vec<(&str, Vec<u8>, Option<&str>)> = vec![
        (
            "1251 said to be UTF-8",
            cp1251(&body),
            Some("text/html; charset=utf-8"),
        ),
        ("binary", vec![0x00, 0xff, 0x10, 0xc8, 0x81, 0x02], None),
        // 0xA1 is no character of ISO-8859-8.
        (
            "a byte the charset lacks",
            b"<p>\xa1</p>".to_vec(),
            Some("text/html; charset=iso-8859-8"),
        ),
    ];
    for (case, html, content_type) in refused {
        assert!(text::decode(&html, content_type).is_err(), "{case}");
    }
    let error = read_served_page(
        &format!("{BASE}/welcome"),
        &cp1251(&body),
        Some("text/html; charset=utf-8"),
    )
    .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("layout may have changed: its text is not valid UTF-8"),
        "{error}"
    );
}

/// One appeal written many ways that must all read alike: what does not matter, varied one
/// thing at a time.
#[test]
fn what_does_not_matter_changes_nothing() {
    let plain = r#"<div class="row"><div class="col-xs-12"><h3>Ахметова Айгуль</h3>
        <p>Прошу решить вопрос с садом…</p>
        <ul class="blog-info"><li><i class="fa fa-pencil"></i> № 765824</li>
        <li><i class="fa fa-tags"></i> Образование</li><li><i class="fa fa-calendar"></i> 20.09.2022</li>
        <li><i class="fa fa-eye"></i> 153</li></ul>
        <a class="readmore" href="/blogs/all-questions/765824">Подробнее</a>
        <button onclick="showAnswers(1, 765824)">Ответы</button></div>
        <div class="answers row" id="765824" style="display:none"><h4>Ответы</h4>
        <p>Место выделено.</p><span class="answer-info">Исабаев Б.Б.  26.09.2022</span></div></div>"#;
    let variations = [
        (
            "attribute order",
            plain
                .replace(
                    r#"class="readmore" href="/blogs/all-questions/765824""#,
                    r#"href="/blogs/all-questions/765824" class="readmore""#,
                )
                .replace(
                    r#"class="answers row" id="765824" style="display:none""#,
                    r#"style="display:none" id="765824" class="row answers""#,
                ),
        ),
        (
            "extra classes",
            plain
                .replace(r#"class="readmore""#, r#"class="btn readmore pull-right""#)
                .replace(
                    r#"class="blog-info""#,
                    r#"class="list-inline blog-info small""#,
                )
                .replace(
                    r#"class="fa fa-pencil""#,
                    r#"class="fa fa-fw fa-pencil text-muted""#,
                ),
        ),
        (
            "extra wrappers",
            plain
                .replace("<h3>", "<div class=\"inner\"><header><h3>")
                .replace("</h3>", "</h3></header>")
                .replace("<button", "</div><button")
                .replace(r#"<div class="answers"#, r#"<section><div class="answers"#)
                .replace(
                    "26.09.2022</span></div>",
                    "26.09.2022</span></div></section>",
                ),
        ),
        (
            "answers after the row",
            plain.replace(r#"</button></div>"#, "</button></div></div><div>"),
        ),
        (
            "white space",
            plain
                .replace("> ", ">\n\t   ")
                .replace("<p>Прошу", "<p>\n   Прошу")
                .replace("садом…", "садом…\n\n   "),
        ),
        (
            "no-break spaces",
            plain
                .replace("№ 765824", "№&nbsp;765824")
                .replace("Б.Б.  26", "Б.Б.&nbsp;&nbsp;26")
                .replace("вопрос с", "вопрос&nbsp;с"),
        ),
        (
            "entities",
            plain
                .replace("садом…", "садом&hellip;")
                .replace("Место", "&#1052;есто"),
        ),
        (
            "Kazakh words",
            plain
                .replace("Подробнее", "Толығырақ")
                .replace("<h4>Ответы</h4>", "<h4>Жауаптар</h4>")
                .replace("№ 765824", "Нөмірі: № 765824")
                .replace("> 20.09.2022", "> Күні: 20.09.2022")
                .replace("> Образование", "> Санаты: Образование")
                .replace("> 153", "> Қаралды: 153"),
        ),
        (
            "Russian labels",
            plain
                .replace("> Образование", "> Категория: Образование")
                .replace("> 153", "> Просмотров: 153"),
        ),
        (
            "no answers button",
            plain.replace(
                r#"<button onclick="showAnswers(1, 765824)">Ответы</button>"#,
                "",
            ),
        ),
    ];
    let url = "https://dialog.egov.kz/blogs/2719746/questions?page=1";
    let (expected, _) = questions(url, plain.as_bytes());
    assert_eq!(expected.len(), 1);
    assert_eq!(expected[0].answers.len(), 1);
    assert_eq!(
        expected[0].text.as_deref(),
        Some("Прошу решить вопрос с садом…")
    );
    for (what, html) in variations {
        assert_ne!(html, plain, "{what}: the variation changed nothing");
        let (got, _) = questions(url, html.as_bytes());
        assert_eq!(got, expected, "{what}:\n{html}");
    }
    // A teaser ending in three dots, and a time after the date, are kept as written.
    let (dots, _) = questions(
        url,
        plain
            .replace("садом…", "садом...")
            .replace("20.09.2022", "20.09.2022, 14:05")
            .as_bytes(),
    );
    assert_eq!(
        dots[0].text.as_deref(),
        Some("Прошу решить вопрос с садом...")
    );
    assert_eq!(dots[0].submitted, "20.09.2022 14:05");
}

/// Cards far down a deeply nested page are read, and a link far below the only facts list is
/// in no card: the search for a card looks a few levels up, not through the whole page. (The
/// depth is kept small: html5ever's own parse slows with the square of the nesting, 3 s for
/// 5,000 levels in a debug build.)
#[test]
fn deep_nesting_is_read() {
    let url = "https://dialog.egov.kz/blogs/1/questions?page=1";
    let depth = 1_500;
    let deep = |inner: &str| {
        format!(
            "{}{inner}{}",
            "<div><span>x</span>".repeat(depth),
            "</div>".repeat(depth)
        )
        .into_bytes()
    };
    let card = String::from_utf8(card(FACTS, "")).unwrap();
    let (appeals, _) = questions(url, &deep(&card));
    assert_eq!(appeals[0].id, "1001");
    assert_eq!(appeals[0].text.as_deref(), Some("Текст"));
    // A link far below the only facts list stands in no card.
    let lost = format!(
        "<ul class=\"blog-info\"><li>1</li></ul>{}",
        String::from_utf8(deep(
            "<a class=\"readmore\" href=\"/blogs/all-questions/1\">x</a>"
        ))
        .unwrap()
    );
    let error = read_page(url, lost.as_bytes()).unwrap_err();
    assert!(
        error.missing.contains("stands in no card"),
        "{}",
        error.missing
    );
}

#[test]
fn layout_errors_say_how_to_see_the_page() {
    let error = read_page(
        "https://dialog.egov.kz/blogs/1/questions",
        &fixture("questions-layout-changed.html"),
    )
    .unwrap_err();
    let archived = error
        .clone()
        .in_archive(Path::new("archive/1.warc.gz"), 812)
        .to_string();
    assert!(
        archived.contains(
            "(in archive/1.warc.gz, record at offset 812): the portal's layout may have changed"
        ),
        "{archived}"
    );
    assert!(
        archived.contains("(`warcio extract archive/1.warc.gz 812` shows it)"),
        "{archived}"
    );
    let saved = error.in_archive(Path::new("saved/q.html"), 0).to_string();
    assert!(
        saved.contains("(in saved/q.html): the portal's layout may have changed"),
        "{saved}"
    );
    assert!(saved.contains("docs/portal.md (open the file)"), "{saved}");
}
