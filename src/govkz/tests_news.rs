//! A body's news read from each source: the fixtures of `tests/fixtures/govkz`, times placed in
//! Almaty on both sides of 1 March 2024, bulk-moved midnight items, and the answers that are
//! not as described.

use super::tests::{answer, fixture, json};
use super::*;

const SLUG: &str = "zhetysu-comdev";

/// The item of a JSON list holding one item written at `created`.
fn at(created: &str) -> NewsItem {
    let body = serde_json::json!([{ "id": 1, "title": "t", "created_date": created }]).to_string();
    let page = read_news(Source::Json, SLUG, &json(body.as_bytes()))
        .unwrap_or_else(|e| panic!("{created}: {e}"));
    page.items.into_iter().next().unwrap()
}

#[test]
fn times_are_placed_in_almaty_with_the_offset_of_their_day() {
    // (as written, published_at, Almaty day, midnight)
    let cases = [
        // Without an offset: Almaty's clock, +6 before 1 March 2024 and +5 from it.
        (
            "2024-02-29T12:00:00",
            "2024-02-29T12:00:00+06:00",
            "2024-02-29",
            false,
        ),
        (
            "2024-03-01T12:00:00",
            "2024-03-01T12:00:00+05:00",
            "2024-03-01",
            false,
        ),
        (
            "2024-03-01T00:00:00",
            "2024-03-01T00:00:00+05:00",
            "2024-03-01",
            true,
        ),
        // The hour before that midnight came twice: the first.
        (
            "2024-02-29T23:30:00",
            "2024-02-29T23:30:00+06:00",
            "2024-02-29",
            false,
        ),
        (
            "2022-08-23 10:15:00",
            "2022-08-23T10:15:00+06:00",
            "2022-08-23",
            false,
        ),
        (
            "2022-08-23T10:15",
            "2022-08-23T10:15:00+06:00",
            "2022-08-23",
            false,
        ),
        (
            "2022-08-23T10:15:00.250",
            "2022-08-23T10:15:00+06:00",
            "2022-08-23",
            false,
        ),
        // With an offset: the instant, shown in Almaty.
        (
            "2024-02-29T17:30:00Z",
            "2024-02-29T23:30:00+06:00",
            "2024-02-29",
            false,
        ),
        (
            "2024-02-29T18:30:00Z",
            "2024-02-29T23:30:00+05:00",
            "2024-02-29",
            false,
        ),
        (
            "2024-02-29T19:00:00Z",
            "2024-03-01T00:00:00+05:00",
            "2024-03-01",
            true,
        ),
        (
            "2022-08-23T04:15:00Z",
            "2022-08-23T10:15:00+06:00",
            "2022-08-23",
            false,
        ),
        (
            "2022-08-23T10:15:00.000+06:00",
            "2022-08-23T10:15:00+06:00",
            "2022-08-23",
            false,
        ),
        (
            "2022-08-22T20:00:00+00:00",
            "2022-08-23T02:00:00+06:00",
            "2022-08-23",
            false,
        ),
        (
            "2024-06-01T21:30:00.123+0300",
            "2024-06-01T23:30:00+05:00",
            "2024-06-01",
            false,
        ),
        (
            "2024-06-01 19:00:00+0000",
            "2024-06-02T00:00:00+05:00",
            "2024-06-02",
            true,
        ),
        // Bulk-moved items: written at midnight, in Almaty's clock or in UTC's.
        (
            "2020-11-20T00:00:00.000+06:00",
            "2020-11-20T00:00:00+06:00",
            "2020-11-20",
            true,
        ),
        (
            "2020-11-19T18:00:00Z",
            "2020-11-20T00:00:00+06:00",
            "2020-11-20",
            true,
        ),
        (
            "2020-11-20T00:00:00Z",
            "2020-11-20T06:00:00+06:00",
            "2020-11-20",
            true,
        ),
        (
            "2020-11-20T00:00:00.500+06:00",
            "2020-11-20T00:00:00+06:00",
            "2020-11-20",
            false,
        ),
    ];
    for (written, published_at, date, midnight) in cases {
        let item = at(written);
        assert_eq!(
            (
                item.published_at.as_str(),
                item.date.to_string().as_str(),
                item.midnight
            ),
            (published_at, date, midnight),
            "{written}"
        );
    }
}

#[test]
fn the_json_list_reads_a_full_page_and_then_the_last() {
    let first = read_news(Source::Json, SLUG, &json(&fixture("news-page1.json"))).unwrap();
    assert_eq!(first.items.len(), 100);
    assert!(!first.last, "a full page: another may follow");
    assert_eq!(first.missing, ["heropic (missing in 11 of 100 items)"]);
    assert_eq!(
        first.items[0],
        NewsItem {
            id: "412345".to_string(),
            title: Some("Репост: план мероприятий ко Дню Конституции".to_string()),
            url: Some(
                "https://www.gov.kz/memleket/entities/zhetysu-comdev/press/news/details/412345"
                    .to_string()
            ),
            published_at: "2022-08-23T10:15:00+06:00".to_string(),
            date: chrono::NaiveDate::from_ymd_opt(2022, 8, 23).unwrap(),
            midnight: false,
        }
    );
    assert!(first.items.iter().all(|i| !i.midnight));

    let second = read_news(Source::Json, SLUG, &json(&fixture("news-page2.json"))).unwrap();
    assert_eq!(second.items.len(), 37);
    assert!(second.last);
    assert_eq!(second.items.iter().filter(|i| i.midnight).count(), 21);
    let oldest = second.items.last().unwrap();
    assert_eq!(
        (oldest.published_at.as_str(), oldest.midnight),
        ("2020-06-22T00:00:00+06:00", true)
    );
}

#[test]
fn a_json_list_is_read_whatever_else_its_items_hold() {
    let body = br#"{"content":[{"id":"77","created_date":"2022-08-23T10:15:00+06:00",
        "title":"  Two\n  lines ","views":5,"lang":{"ru":true}},
        {"id":78,"created_date":"2022-08-22T09:00:00+06:00","title":null}],"totalElements":2}"#;
    let page = read_news(Source::Json, SLUG, &json(body)).unwrap();
    let read: Vec<(&str, Option<&str>)> = page
        .items
        .iter()
        .map(|i| (i.id.as_str(), i.title.as_deref()))
        .collect();
    assert_eq!(read, [("77", Some("Two lines")), ("78", None)]);
    assert!(page.last);
    assert_eq!(
        page.missing,
        [
            "body (missing in 2 of 2 items)",
            "heropic (missing in 2 of 2 items)",
            "short_description (missing in 2 of 2 items)",
            "slug (missing in 2 of 2 items)",
            "title (missing in 1 of 2 items)",
        ]
    );
    let empty = read_news(Source::Json, SLUG, &json(b"[]")).unwrap();
    assert_eq!((empty.items.len(), empty.last), (0, true));
}

#[test]
fn a_json_list_not_as_described_is_named_by_item_field_and_value() {
    let cases: [(&[u8], &str); 7] = [
        (
            br#"[{"id":1,"created_date":"2022-08-23T10:15:00Z"},{"created_date":"2022-08-22"}]"#,
            "news item 2: field `id` is absent, not a number or a string",
        ),
        (
            br#"[{"id":5,"created_date":"23.08.2022"}]"#,
            "news item 1 (id 5): field `created_date` is the string \"23.08.2022\", not an ISO date-time",
        ),
        (
            br#"[{"id":5,"createdDate":"2022-08-23T10:15:00Z"}]"#,
            "news item 1 (id 5): field `created_date` is absent, not an ISO date-time",
        ),
        (
            br#"[{"id":5,"created_date":1661228100000}]"#,
            "news item 1 (id 5): field `created_date` is the number 1661228100000, not an ISO date-time",
        ),
        (
            br#"[5]"#,
            "news item 1 is not an object: it is the number 5",
        ),
        (
            br#"{"data":[]}"#,
            "the news list is not an array of items (nor an object with a `content` array): it is an object with keys data",
        ),
        (
            br#""none""#,
            "the news list is not an array of items: it is the string \"none\"",
        ),
    ];
    for (body, why) in cases {
        assert_eq!(
            read_news(Source::Json, SLUG, &json(body)),
            Err(NotRead::Unexpected {
                why: why.to_string()
            }),
            "{}",
            String::from_utf8_lossy(body)
        );
    }
    let garbled = read_news(Source::Json, SLUG, &json(b"[{\"id\":")).unwrap_err();
    assert!(
        matches!(&garbled, NotRead::Unexpected { why } if why.starts_with("the news list is not JSON (")
            && why.ends_with("; Content-Type application/json;charset=UTF-8; the answer begins: «[{\"id\":»")),
        "{garbled:?}"
    );
}

#[test]
fn the_graphql_answer_reads_like_the_json_list() {
    let page = read_news(Source::Graphql, SLUG, &json(&fixture("news-graphql.json"))).unwrap();
    assert_eq!(page.items.len(), 5);
    assert!(page.last);
    assert!(page.missing.is_empty(), "{:?}", page.missing);
    let from_json = read_news(Source::Json, SLUG, &json(&fixture("news-page1.json"))).unwrap();
    assert_eq!(page.items, from_json.items[..5]);
}

#[test]
fn graphql_errors_are_a_refusal_or_a_schema_that_moved() {
    let cases: [(&[u8], NotRead); 4] = [
        (
            br#"{"errors":[{"message":"Validation error: Field 'created_date' in type 'News' is undefined"}]}"#,
            NotRead::Unexpected {
                why: "GraphQL errors: Validation error: Field 'created_date' in type 'News' is \
                      undefined: the query no longer fits the platform's schema"
                    .to_string(),
            },
        ),
        (
            br#"{"errors":[{"message":"Access denied"},{"message":"notAllowed"}],"data":{"news":null}}"#,
            NotRead::Refused {
                why: "GraphQL refused: Access denied; notAllowed".to_string(),
            },
        ),
        (
            br#"{"errors":[{"extensions":{"code":"X"}}],"data":{"news":[]}}"#,
            NotRead::Unexpected {
                why: "GraphQL errors: {\"extensions\":{\"code\":\"X\"}}: the query no longer \
                      fits the platform's schema"
                    .to_string(),
            },
        ),
        (
            br#"{"data":{"news":null}}"#,
            NotRead::Unexpected {
                why: "the GraphQL answer has no list at `data.news`: `data` is an object with \
                      keys news"
                    .to_string(),
            },
        ),
    ];
    for (body, expected) in cases {
        assert_eq!(
            read_news(Source::Graphql, SLUG, &json(body)),
            Err(expected),
            "{}",
            String::from_utf8_lossy(body)
        );
    }
}

fn rss(body: &[u8]) -> Answer<'_> {
    answer(200, Some("application/rss+xml; charset=utf-8"), body)
}

/// A feed holding these items.
fn feed(items: &str) -> Vec<u8> {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>t</title>\
         <lastBuildDate>yesterday</lastBuildDate>{items}</channel></rss>"
    )
    .into_bytes()
}

#[test]
fn the_feed_gives_the_same_items_as_the_json_list() {
    let page = read_news(Source::Rss, SLUG, &rss(&fixture("news.rss"))).unwrap();
    assert_eq!(page.items.len(), 6);
    assert!(page.last, "a feed is one page");
    assert!(page.missing.is_empty(), "{:?}", page.missing);
    let from_json = read_news(Source::Json, SLUG, &json(&fixture("news-page1.json"))).unwrap();
    assert_eq!(
        page.items,
        from_json.items[..6],
        "one post whichever source read it"
    );
}

/// An item's id, title, address, time and midnight mark.
type Seen<'a> = (&'a str, Option<&'a str>, Option<&'a str>, &'a str, bool);

#[test]
fn feed_items_are_read_by_guid_or_link_and_any_date_form() {
    let body = feed(
        "<item><title>A</title><link>/memleket/entities/zhetysu-comdev/press/news/details/9?lang=kk</link>\
         <pubDate>Fri, 20 Nov 2020 00:00:00 +0600</pubDate></item>\
         <item><guid>g-2</guid><pubDate>Tue, 23 Aug 2022 10:15:00</pubDate></item>\
         <item><guid>g-3</guid><link>https://example.org/x?y=1</link><pubDate>Fri, 01 Mar 2024 06:00:00 GMT</pubDate></item>",
    );
    let page = read_news(Source::Rss, SLUG, &rss(&body)).unwrap();
    let read: Vec<Seen> = page
        .items
        .iter()
        .map(|i| {
            (
                i.id.as_str(),
                i.title.as_deref(),
                i.url.as_deref(),
                i.published_at.as_str(),
                i.midnight,
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            (
                "/memleket/entities/zhetysu-comdev/press/news/details/9?lang=kk",
                Some("A"),
                Some("https://www.gov.kz/memleket/entities/zhetysu-comdev/press/news/details/9"),
                "2020-11-20T00:00:00+06:00",
                true
            ),
            ("g-2", None, None, "2022-08-23T10:15:00+06:00", false),
            (
                "g-3",
                None,
                Some("https://example.org/x?y=1"),
                "2024-03-01T11:00:00+05:00",
                false
            ),
        ]
    );
    assert_eq!(
        page.missing,
        [
            "guid (missing in 1 of 3 items)",
            "link (missing in 1 of 3 items)",
            "title (missing in 2 of 3 items)",
        ]
    );
}

#[test]
fn a_feed_not_as_described_is_named_by_item_and_value() {
    let cases: [(Vec<u8>, &str); 3] = [
        (
            feed(
                "<item><title>Без адреса</title><pubDate>Tue, 23 Aug 2022 10:15:00 +0600</pubDate></item>",
            ),
            "RSS item 1 («Без адреса») has neither guid nor link",
        ),
        (
            feed(
                "<item><guid>1</guid><pubDate>Tue, 23 Aug 2022 10:15:00 +0600</pubDate></item>\
                  <item><guid>2</guid><pubDate>32 августа 2022</pubDate></item>",
            ),
            "RSS item 2 (id 2): no readable pubDate (the feed's unreadable dates: [\"yesterday\", \"32 августа 2022\"])",
        ),
        (
            feed("<item><guid>1</guid></item>"),
            "RSS item 1 (id 1): no readable pubDate (the feed's unreadable dates: [\"yesterday\"])",
        ),
    ];
    for (body, why) in cases {
        assert_eq!(
            read_news(Source::Rss, SLUG, &rss(&body)),
            Err(NotRead::Unexpected {
                why: why.to_string()
            }),
            "{}",
            String::from_utf8_lossy(&body)
        );
    }
    let not_a_feed = read_news(Source::Rss, SLUG, &rss(&fixture("news-page1.json"))).unwrap_err();
    assert!(
        matches!(&not_a_feed, NotRead::Unexpected { why } if why.starts_with("the feed is not RSS (")),
        "{not_a_feed:?}"
    );
}

#[test]
fn every_source_refuses_the_gate_and_a_gateway_page() {
    let gateway = fixture("gateway-block.html");
    let gate = fixture("refused-400.json");
    let cases = [
        (
            answer(200, Some("text/html"), &gateway),
            "«Доступ на интернет-ресурс временно ограничен»",
        ),
        (
            answer(400, Some("application/json"), &gate),
            "HTTP 400 notAllowed:",
        ),
    ];
    for source in Source::ORDER {
        for (refusal, words) in &cases {
            let refused = read_news(source, SLUG, refusal).unwrap_err();
            assert!(
                matches!(&refused, NotRead::Refused { why } if why.contains(words)),
                "{source:?}: {refused:?}"
            );
        }
    }
}
