//! The requests and what an archive says they asked, the refusals, the bodies and officials
//! lists of `tests/fixtures/govkz`, and a body named by slug, address or name.

use super::answer::refusal;
use super::*;

pub(super) fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/govkz/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

pub(super) fn json(body: &[u8]) -> Answer<'_> {
    answer(200, Some("application/json;charset=UTF-8"), body)
}

pub(super) fn answer<'a>(status: u16, content_type: Option<&'a str>, body: &'a [u8]) -> Answer<'a> {
    Answer {
        status,
        content_type,
        body,
    }
}

fn header<'r>(request: &'r ApiRequest, name: &str) -> Option<&'r str> {
    request
        .headers
        .iter()
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.as_str())
}

/// The request as a WARC request record's block holds it.
fn wire(request: &ApiRequest) -> Vec<u8> {
    let mut head = format!(
        "{} {} HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nUser-Agent: appeal-audit/0.1.0\r\n",
        request.method, request.path
    );
    for (key, value) in &request.headers {
        head.push_str(&format!("{key}: {value}\r\n"));
    }
    if let Some(body) = &request.body {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    head.push_str("\r\n");
    let mut bytes = head.into_bytes();
    bytes.extend(request.body.clone().unwrap_or_default());
    bytes
}

#[test]
fn each_request_asks_what_govkz_md_describes() {
    let json_news = news_request(Source::Json, "zhetysu-comdev", 2);
    assert_eq!(json_news.method, "GET");
    assert_eq!(
        json_news.path,
        "/api/v1/public/content-manager/news?projects=eq:zhetysu-comdev\
         &sort-by=created_date:DESC&page=2&size=100"
    );
    assert_eq!(header(&json_news, "Accept"), Some("application/json"));
    assert_eq!(header(&json_news, "Accept-Language"), Some("ru"));
    assert_eq!(json_news.body, None);

    let rss = news_request(Source::Rss, "zhetysu-comdev", 1);
    assert_eq!(rss.path, "/api/v1/public/rss/zhetysu-comdev/news/ru");
    assert!(header(&rss, "Accept").is_some_and(|a| a.starts_with("application/rss+xml")));
    assert_eq!(
        news_request(Source::Rss, "zhetysu-comdev", 3).path,
        rss.path,
        "a feed has one page"
    );

    let graphql = news_request(Source::Graphql, "zhetysu-comdev", 2);
    assert_eq!(
        (graphql.method, graphql.path.as_str()),
        ("POST", "/graphql")
    );
    assert_eq!(header(&graphql, "Content-Type"), Some("application/json"));
    let body: serde_json::Value = serde_json::from_slice(&graphql.body.unwrap()).unwrap();
    assert_eq!(
        body["query"],
        "{ news(projects:\"EQ:zhetysu-comdev\", _size:100, _page:2, \
         _sort:\"created_date:DESC\", _lang:\"ru\") { id title slug created_date } }"
    );

    let bodies = bodies_request("kk");
    assert_eq!((bodies.method, bodies.path.as_str()), ("POST", "/graphql"));
    assert_eq!(header(&bodies, "Accept-Language"), Some("kk"));
    let body: serde_json::Value = serde_json::from_slice(&bodies.body.unwrap()).unwrap();
    assert_eq!(
        body["query"],
        "{ projectdetails(_size:5000) { id slug project_name parent_govorg { id } \
         supervisor { lastname name middlename position } } }"
    );

    let officials = officials_request("zhetysu-oblysy", 1);
    assert_eq!(
        officials.path,
        "/api/v1/public/content-manager/curators?projects=zhetysu-oblysy&size=100&page=1"
    );
    assert_eq!(header(&officials, "Accept-Language"), Some("ru"));
}

#[test]
fn an_archived_request_says_what_it_asked_for_every_builder() {
    let news = |source, page| Asked::News {
        source,
        slug: "zhetysu-comdev".to_string(),
        page,
    };
    let cases = [
        (
            news_request(Source::Rss, "zhetysu-comdev", 1),
            news(Source::Rss, 1),
        ),
        (
            news_request(Source::Json, "zhetysu-comdev", 1),
            news(Source::Json, 1),
        ),
        (
            news_request(Source::Json, "zhetysu-comdev", 7),
            news(Source::Json, 7),
        ),
        (
            news_request(Source::Graphql, "zhetysu-comdev", 1),
            news(Source::Graphql, 1),
        ),
        (
            news_request(Source::Graphql, "zhetysu-comdev", 12),
            news(Source::Graphql, 12),
        ),
        (
            bodies_request("ru"),
            Asked::Bodies {
                lang: "ru".to_string(),
            },
        ),
        (
            bodies_request("en"),
            Asked::Bodies {
                lang: "en".to_string(),
            },
        ),
        (
            officials_request("zhetysu-oblysy", 1),
            Asked::Officials {
                slug: "zhetysu-oblysy".to_string(),
                page: 1,
            },
        ),
        (
            officials_request("zhetysu-oblysy", 3),
            Asked::Officials {
                slug: "zhetysu-oblysy".to_string(),
                page: 3,
            },
        ),
    ];
    for (request, expected) in cases {
        for host in ["https://www.gov.kz", "http://127.0.0.1:8080"] {
            let url = format!("{host}{}", request.path);
            assert!(is_api_url(&url), "{url}");
            assert_eq!(
                asked(&url, Some(&wire(&request))),
                Some(expected.clone()),
                "{url}"
            );
        }
    }
}

#[test]
fn an_odd_slug_goes_out_encoded_and_comes_back_whole() {
    for source in Source::ORDER {
        let request = news_request(source, "жер paidalanu/2", 1);
        match &request.body {
            None => assert!(request.path.contains("%D0%B6%D0%B5%D1%80%20paidalanu%2F2")),
            Some(body) => assert!(String::from_utf8_lossy(body).contains("EQ:жер paidalanu/2")),
        }
        let url = format!("https://www.gov.kz{}", request.path);
        assert_eq!(
            asked(&url, Some(&wire(&request))),
            Some(Asked::News {
                source,
                slug: "жер paidalanu/2".to_string(),
                page: 1
            }),
            "{url}"
        );
    }
}

#[test]
fn addresses_and_requests_that_are_not_the_api_are_not_placed() {
    let bodies = wire(&bodies_request("ru"));
    let other_query = b"POST /graphql HTTP/1.1\r\nAccept-Language: ru\r\n\r\n{\"query\":\"{ documents(_size:5) { id } }\"}";
    let no_language = b"POST /graphql HTTP/1.1\r\nHost: x\r\n\r\n{\"query\":\"{ projectdetails(_size:5000) { id } }\"}";
    let cases: [(&str, Option<&[u8]>); 11] = [
        (
            "https://dialog.egov.kz/blogs/2719746/questions?page=1",
            None,
        ),
        (
            "https://www.gov.kz/memleket/entities/zhetysu-comdev/press/news",
            None,
        ),
        ("https://www.gov.kz/graphql", None),
        ("https://www.gov.kz/graphql", Some(other_query)),
        ("https://www.gov.kz/graphql", Some(no_language)),
        ("https://www.gov.kz/graphql", Some(b"not a request")),
        (
            "https://www.gov.kz/api/v1/public/content-manager/news?projects=zhetysu",
            None,
        ),
        (
            "https://www.gov.kz/api/v1/public/content-manager/news?projects=eq:x&page=two",
            None,
        ),
        (
            "https://www.gov.kz/api/v1/public/rss/zhetysu-comdev/news",
            None,
        ),
        ("https://www.gov.kz/api/v1/public/rss//news/ru", None),
        ("www.gov.kz/graphql", Some(&bodies)),
    ];
    for (url, request) in cases {
        assert_eq!(asked(url, request), None, "{url}");
    }
    assert!(!is_api_url(
        "https://www.gov.kz/memleket/entities/zhetysu-oblysy"
    ));
    assert!(!is_api_url(
        "https://www.gov.kz/api/v1/public/content-manager/documents/1"
    ));
    assert!(is_api_url("https://www.gov.kz/graphql/"));
}

#[test]
fn a_request_in_bare_line_feeds_with_a_region_tag_still_says_its_language() {
    let request = b"POST /graphql HTTP/1.1\nHost: www.gov.kz\naccept-language: kk-KZ,kk;q=0.9\n\n{\"query\":\"{ projectdetails(_size:5000) { id slug } }\"}";
    assert_eq!(
        asked("https://www.gov.kz/graphql", Some(request)),
        Some(Asked::Bodies {
            lang: "kk".to_string()
        })
    );
    // A page the JSON list was asked without: the platform's first.
    assert_eq!(
        asked(
            "https://www.gov.kz/api/v1/public/content-manager/news?projects=EQ%3Azhetysu-comdev&size=10",
            None
        ),
        Some(Asked::News {
            source: Source::Json,
            slug: "zhetysu-comdev".to_string(),
            page: 1
        })
    );
}

#[test]
fn refusals_are_told_by_status_words_and_html() {
    let gate = fixture("refused-400.json");
    let gateway = fixture("gateway-block.html");
    let ticket = br#"{"error":"browserTicketMissing"}"#;
    let cases: [(Answer, Expected, &[&str]); 9] = [
        (
            answer(400, Some("application/json"), &gate),
            Expected::Json,
            &["HTTP 400 notAllowed", "never imitates"],
        ),
        (
            answer(400, Some("application/json"), ticket),
            Expected::Json,
            &["HTTP 400 browserTicketMissing"],
        ),
        (
            answer(400, Some("text/plain"), b"error: notallowed"),
            Expected::Rss,
            &["HTTP 400 notAllowed"],
        ),
        (
            answer(
                200,
                Some("application/json"),
                br#"{"message":"notAllowed"}"#,
            ),
            Expected::Json,
            &["HTTP 200 notAllowed"],
        ),
        (
            answer(401, None, b""),
            Expected::Json,
            &["HTTP 401 Unauthorized"],
        ),
        (
            answer(403, Some("application/json"), b"{}"),
            Expected::Json,
            &["HTTP 403 Forbidden"],
        ),
        (
            answer(429, None, b""),
            Expected::Rss,
            &["HTTP 429 Too Many Requests"],
        ),
        (
            answer(200, Some("text/html; charset=utf-8"), &gateway),
            Expected::Rss,
            &[
                "HTTP 200: an HTML page titled «Доступ на интернет-ресурс временно ограничен» where RSS was asked for",
            ],
        ),
        (
            answer(
                503,
                None,
                b"  \n<html><head><TITLE>Service &amp; maintenance</TITLE></head></html>",
            ),
            Expected::Json,
            &["HTTP 503: an HTML page titled «Service & maintenance» where JSON"],
        ),
    ];
    for (given, expected, words) in cases {
        let why = refusal(&given, expected).unwrap_or_else(|| panic!("{given:?}"));
        for word in words {
            assert!(why.contains(word), "{why:?} lacks {word:?}");
        }
    }
}

#[test]
fn a_gateway_page_in_windows_1251_is_named_by_its_title() {
    let (body, _, _) = encoding_rs::WINDOWS_1251
        .encode("<!DOCTYPE html><html><head><title>Доступ ограничен</title></head></html>");
    let page = answer(200, Some("text/html; charset=windows-1251"), &body);
    let why = refusal(&page, Expected::Json).unwrap();
    assert!(why.contains("«Доступ ограничен»"), "{why}");
    let untitled = answer(200, None, b"<!doctype html><p>blocked");
    assert_eq!(
        refusal(&untitled, Expected::Json).as_deref(),
        Some(
            "HTTP 200: an HTML page where JSON was asked for: the platform or a gateway before \
             it answered in the API's place"
        )
    );
}

#[test]
fn answers_to_read_are_no_refusal() {
    let page = fixture("news-page1.json");
    let rss = fixture("news.rss");
    let cases = [
        (answer(200, Some("application/json"), &page), Expected::Json),
        (
            answer(200, Some("application/rss+xml"), &rss),
            Expected::Rss,
        ),
        // An RSS feed sent as HTML is still a feed.
        (answer(200, Some("text/html"), &rss), Expected::Rss),
        // Not refusals: not answered, which the readers say.
        (
            answer(404, Some("application/json"), br#"{"error":"not found"}"#),
            Expected::Json,
        ),
        (
            answer(400, Some("application/json"), br#"{"error":"bad sort"}"#),
            Expected::Json,
        ),
    ];
    for (given, expected) in cases {
        assert_eq!(refusal(&given, expected), None, "{given:?}");
    }
}

#[test]
fn a_status_that_is_no_answer_is_refused_with_words_that_say_which() {
    let cases: [(u16, &[u8], &str); 4] = [
        (
            404,
            b"",
            "HTTP 404 Not Found: no such address; the body may have no such feed, or its slug was renamed; the answer is empty",
        ),
        (
            503,
            b"upstream\n  timed out",
            "HTTP 503 Service Unavailable: the platform failed to answer, after the client's retries; the answer begins: «upstream timed out»",
        ),
        (
            400,
            br#"{"error":"bad sort"}"#,
            "HTTP 400 Bad Request: an answer that names no refusal; the answer begins: «{\"error\":\"bad sort\"}»",
        ),
        (
            302,
            b"",
            "HTTP 302 Redirect: a redirect the client did not follow; the answer is empty",
        ),
    ];
    for (status, body, why) in cases {
        let given = answer(status, None, body);
        let refused = NotRead::Refused {
            why: why.to_string(),
        };
        assert_eq!(read_officials(&given), Err(refused.clone()));
        assert_eq!(read_bodies(&given), Err(refused.clone()));
        assert_eq!(read_news(Source::Json, "x", &given), Err(refused));
    }
}

fn bodies(lang: &str) -> Vec<Body> {
    read_bodies(&json(&fixture(&format!("bodies-{lang}.json"))))
        .unwrap_or_else(|e| panic!("bodies-{lang}.json: {e}"))
}

#[test]
fn the_bodies_list_gives_slug_name_parent_and_head() {
    let ru = bodies("ru");
    assert_eq!(ru.len(), 10);
    assert_eq!(
        ru.iter().find(|b| b.slug == "zhetysu-comdev"),
        Some(&Body {
            id: "30117".to_string(),
            slug: "zhetysu-comdev".to_string(),
            name: "Управление общественного развития области Жетісу".to_string(),
            parent: Some("30101".to_string()),
            head: Some(Person {
                lastname: "Садыкова".to_string(),
                name: "Динара".to_string(),
                middlename: Some("Маратовна".to_string()),
                position: Some(
                    "Руководитель управления общественного развития области Жетісу".to_string()
                ),
            }),
        })
    );
    let akimat = ru.iter().find(|b| b.slug == "zhetysu-oblysy").unwrap();
    assert_eq!(akimat.parent, None);
    assert_eq!(
        akimat.head.as_ref().map(Person::full_name).as_deref(),
        Some("Бекболатов Ерлан Сапарович")
    );
    let land = ru
        .iter()
        .find(|b| b.slug == "zhetysu-zher-paidalanu")
        .unwrap();
    assert_eq!(land.head, None);
    let en = bodies("en");
    let unnamed = en.iter().find(|b| b.slug == "eskeldi-karabulak").unwrap();
    assert_eq!(
        unnamed.name, "",
        "a list with no name for a body keeps the body"
    );
    assert_eq!(
        bodies("kk")[2]
            .head
            .as_ref()
            .and_then(|h| h.middlename.as_deref()),
        Some("Сапарұлы")
    );
}

#[test]
fn a_bodies_list_not_as_described_is_named_where_it_differs() {
    let cases: [(&str, NotRead); 6] = [
        (
            r#"{"errors":[{"message":"Cannot query field \"slug\" on type \"ProjectDetails\"."}]}"#,
            NotRead::Unexpected {
                why: "GraphQL errors: Cannot query field \"slug\" on type \"ProjectDetails\".: \
                      the query no longer fits the platform's schema"
                    .to_string(),
            },
        ),
        (
            r#"{"errors":[{"message":"notAllowed"}],"data":null}"#,
            NotRead::Refused {
                why: "GraphQL refused: notAllowed".to_string(),
            },
        ),
        (
            r#"{"data":{"projects":[]}}"#,
            NotRead::Unexpected {
                why: "the list of bodies has no array at `data.projectdetails`: `data` is an \
                      object with keys projects"
                    .to_string(),
            },
        ),
        (
            r#"{"data":{"projectdetails":[{"id":"1","slug":"a","project_name":"A"},{"id":2,"slug":null}]}}"#,
            NotRead::Unexpected {
                why: "body 2 of the list (id 2): field `slug` is null, not a slug".to_string(),
            },
        ),
        (
            r#"{"data":{"projectdetails":[{"slug":"a"}]}}"#,
            NotRead::Unexpected {
                why: "body 1 of the list: field `id` is absent, not a number or a string"
                    .to_string(),
            },
        ),
        (
            r#"{"data":{"projectdetails":[{"id":"1","slug":"a","parent_govorg":"30101"}]}}"#,
            NotRead::Unexpected {
                why: "body 1 of the list (a): `parent_govorg` is the string \"30101\", not null \
                      or an object with an `id`"
                    .to_string(),
            },
        ),
    ];
    for (body, expected) in cases {
        assert_eq!(read_bodies(&json(body.as_bytes())), Err(expected), "{body}");
    }
}

#[test]
fn the_officials_list_gives_names_positions_categories_and_order() {
    let page = read_officials(&json(&fixture("curators-zhetysu-oblysy.json"))).unwrap();
    assert!(page.last);
    assert_eq!(page.officials.len(), 5);
    assert_eq!(
        page.officials[0],
        Official {
            id: "51001".to_string(),
            person: Person {
                lastname: "Бекболатов".to_string(),
                name: "Ерлан".to_string(),
                middlename: Some("Сапарович".to_string()),
                position: Some("Аким области Жетісу".to_string()),
            },
            category: Some("Аким".to_string()),
            order: Some("1".to_string()),
        }
    );
    let names: Vec<String> = page
        .officials
        .iter()
        .map(|o| o.person.full_name())
        .collect();
    assert_eq!(names[2], "Кенжебаева Айгерим Болатовна");
    assert_eq!(
        page.officials[1].category.as_deref(),
        Some("Первый заместитель акима")
    );
}

#[test]
fn officials_are_read_tolerantly_and_a_nameless_one_loudly() {
    let tolerant = r#"[{"id":"7","lastname":" Омаров ","name":"Нурлан\u00a0","order":3,
        "position":"Ð\u0090ÐºÐ¸Ð¼ Ñ\u0080Ð°Ð¹Ð¾Ð½Ð°","level":null}]"#;
    let page = read_officials(&json(tolerant.as_bytes())).unwrap();
    assert_eq!(
        page.officials,
        vec![Official {
            id: "7".to_string(),
            person: Person {
                lastname: "Омаров".to_string(),
                name: "Нурлан".to_string(),
                middlename: None,
                position: Some("Аким района".to_string()),
            },
            category: None,
            order: Some("3".to_string()),
        }]
    );
    let nameless = r#"[{"id":8,"lastname":"","name":null}]"#;
    assert_eq!(
        read_officials(&json(nameless.as_bytes())),
        Err(NotRead::Unexpected {
            why: "official 1 of the list (id 8): no name: `lastname` is the string \"\", `name` \
                  is null"
                .to_string()
        })
    );
    assert_eq!(
        read_officials(&json(br#"{"content":[]}"#)),
        Err(NotRead::Unexpected {
            why: "the list of officials is not an array: it is an object with keys content"
                .to_string()
        })
    );
    let full: Vec<String> = (0..PAGE_SIZE)
        .map(|i| format!(r#"{{"id":{i},"lastname":"Омаров"}}"#))
        .collect();
    let full = format!("[{}]", full.join(","));
    assert!(!read_officials(&json(full.as_bytes())).unwrap().last);
}

#[test]
fn a_full_name_is_lastname_name_middlename_unless_lastname_holds_it_all() {
    let person = |lastname: &str, name: &str, middlename: Option<&str>| Person {
        lastname: lastname.to_string(),
        name: name.to_string(),
        middlename: middlename.map(str::to_string),
        position: None,
    };
    let cases = [
        (
            person("Бекболатов", "Ерлан", Some("Сапарович")),
            "Бекболатов Ерлан Сапарович",
        ),
        (person("Бекболатов", "Ерлан", None), "Бекболатов Ерлан"),
        (
            person("Бекболатов Ерлан Сапарович", "Ерлан", Some("Сапарович")),
            "Бекболатов Ерлан Сапарович",
        ),
        (
            person("Бекболатов Ерлан", "Ерлан", None),
            "Бекболатов Ерлан",
        ),
        // A given name that is only part of the surname is a name of its own.
        (person("Нурланов", "Нур", None), "Нурланов Нур"),
        (person("", "Ерлан", Some("Сапарович")), "Ерлан Сапарович"),
    ];
    for (person, full) in cases {
        assert_eq!(person.full_name(), full, "{person:?}");
    }
}

#[test]
fn a_body_is_resolved_by_slug_address_or_name_in_any_language() {
    let (ru, kk, en) = (bodies("ru"), bodies("kk"), bodies("en"));
    let lists: [&[Body]; 3] = [&ru, &kk, &en];
    let cases = [
        "zhetysu-comdev",
        "ZHETYSU-COMDEV",
        "https://www.gov.kz/memleket/entities/zhetysu-comdev",
        "https://www.gov.kz/memleket/entities/zhetysu-comdev/press/news?lang=ru",
        "http://127.0.0.1:8080/memleket/entities/zhetysu-comdev/",
        "www.gov.kz/memleket/entities/zhetysu-comdev",
        "Управление общественного развития области Жетісу",
        "  управление  общественного развития области «ЖЕТІСУ» ",
        "Жетісу облысының қоғамдық даму басқармасы",
        "department of public development of zhetysu region",
    ];
    for given in cases {
        assert_eq!(
            resolve(given, &lists),
            Ok("zhetysu-comdev".to_string()),
            "{given}"
        );
    }
    // The old slug is the former Almaty region's, never Zhetysu's.
    assert_eq!(resolve("zhetysu", &lists), Ok("zhetysu".to_string()));
    assert_eq!(
        resolve("Акимат области Жетісу", &lists),
        Ok("zhetysu-oblysy".to_string())
    );
}

#[test]
fn an_unknown_body_is_refused_with_candidates_and_what_to_do() {
    let (ru, kk, en) = (bodies("ru"), bodies("kk"), bodies("en"));
    let lists: [&[Body]; 3] = [&ru, &kk, &en];
    let advice = "Give the body's slug, its address (https://www.gov.kz/memleket/entities/SLUG), \
                  or its name exactly as the platform writes it in Russian, Kazakh or English.";
    // The portal's spelling (Жетысу) is not the platform's (Жетісу): suggested, not taken.
    let err = resolve("Управление общественного развития области Жетысу", &lists).unwrap_err();
    assert!(
        err.starts_with(
            "no body on www.gov.kz is called \"Управление общественного развития области \
             Жетысу\". Close: zhetysu-comdev (Управление общественного развития области Жетісу); "
        ),
        "{err}"
    );
    assert!(err.ends_with(advice), "{err}");
    assert_eq!(
        err.matches("; ").count(),
        4,
        "five candidates at most: {err}"
    );

    assert_eq!(
        resolve(
            "https://www.gov.kz/memleket/entities/jetisu-zher/about",
            &lists
        ),
        Err(format!(
            "\"https://www.gov.kz/memleket/entities/jetisu-zher/about\" names the body \
             \"jetisu-zher\", which is not in the platform's list of bodies (renamed?). Close: \
             zhetysu-zher-paidalanu (Управление земельных отношений области Жетісу). {advice}"
        ))
    );
    assert_eq!(
        resolve("Министерство финансов", &lists),
        Err(format!(
            "no body on www.gov.kz is called \"Министерство финансов\". No body's name or slug \
             holds the words given. {advice}"
        ))
    );
    let not_a_body = resolve("https://dialog.egov.kz/blogs/2719746", &lists).unwrap_err();
    assert!(
        not_a_body.contains("is not the address of a body on www.gov.kz"),
        "{not_a_body}"
    );
    assert!(
        resolve("zhetysu-comdev", &[])
            .unwrap_err()
            .contains("list of bodies is empty")
    );
    assert!(
        resolve("  ", &lists)
            .unwrap_err()
            .starts_with("no body given")
    );
}

#[test]
fn two_bodies_of_one_name_are_never_chosen_between() {
    let body = |id: &str, slug: &str, name: &str| Body {
        id: id.to_string(),
        slug: slug.to_string(),
        name: name.to_string(),
        parent: None,
        head: None,
    };
    let ru = [
        body(
            "1",
            "zhetysu-zher-paidalanu",
            "Управление земельных отношений области Жетісу",
        ),
        body(
            "2",
            "jetisu-zher",
            "Управление земельных отношений области Жетісу",
        ),
    ];
    let kk = [body(
        "1",
        "zhetysu-zher-paidalanu",
        "Жетісу облысының жер қатынастары басқармасы",
    )];
    assert_eq!(
        resolve("управление земельных отношений области жетісу", &[&ru, &kk]),
        Err(
            "2 bodies are called \"управление земельных отношений области жетісу\": \
             zhetysu-zher-paidalanu (Управление земельных отношений области Жетісу); \
             jetisu-zher (Управление земельных отношений области Жетісу). Give the slug of the \
             one you mean."
                .to_string()
        )
    );
    assert_eq!(
        resolve("Жетісу облысының жер қатынастары басқармасы", &[&ru, &kk]),
        Ok("zhetysu-zher-paidalanu".to_string())
    );
}

#[test]
fn a_subtree_is_every_descendant_at_any_depth_in_list_order() {
    let ru = bodies("ru");
    let slugs =
        |slug: &str| -> Vec<String> { subtree(&ru, slug).iter().map(|b| b.slug.clone()).collect() };
    assert_eq!(
        slugs("zhetysu-oblysy"),
        [
            "zhetysu-comdev",
            "zhetysu-oblysy",
            "zhetysu-zher-paidalanu",
            "zhetysu-densaulyk",
            "zhetysu-eskeldi",
            "eskeldi-bilim",
            "eskeldi-karabulak",
            "karabulak-zhastar",
        ]
    );
    assert_eq!(
        slugs("zhetysu-eskeldi"),
        [
            "zhetysu-eskeldi",
            "eskeldi-bilim",
            "eskeldi-karabulak",
            "karabulak-zhastar"
        ]
    );
    assert_eq!(slugs("zhetysu"), ["zhetysu", "almobl-bilim"]);
    assert_eq!(slugs("karabulak-zhastar"), ["karabulak-zhastar"]);
    assert!(slugs("jetisu-zher").is_empty());

    let looped = [
        ("1", "a", Some("2")),
        ("2", "b", Some("1")),
        ("3", "c", Some("2")),
    ]
    .map(|(id, slug, parent)| Body {
        id: id.to_string(),
        slug: slug.to_string(),
        name: String::new(),
        parent: parent.map(str::to_string),
        head: None,
    });
    let under_b: Vec<&str> = subtree(&looped, "b")
        .iter()
        .map(|b| b.slug.as_str())
        .collect();
    assert_eq!(under_b, ["a", "b", "c"], "a parent loop ends");
}

#[test]
fn a_body_url_is_its_public_address_on_the_base_given() {
    assert_eq!(
        body_url(DEFAULT_BASE_URL, "zhetysu-comdev"),
        "https://www.gov.kz/memleket/entities/zhetysu-comdev"
    );
    assert_eq!(
        body_url("http://127.0.0.1:8080/", "zhetysu-comdev"),
        "http://127.0.0.1:8080/memleket/entities/zhetysu-comdev"
    );
    assert_eq!(
        Source::ORDER.map(Source::as_str),
        ["rss", "graphql", "json"]
    );
}
