//! A body's news as each source answers it: the JSON list, the GraphQL `news` query and the
//! RSS feed, read into the same items (id, title, the item's public address, the time in
//! Almaty) and tolerant of extra fields, loud about a missing id or an unreadable date.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use serde_json::Value;

use super::answer::{self, Answer, NotRead, describe, gate, unexpected};
use super::time::{self, Stamp};
use super::{DEFAULT_BASE_URL, NewsItem, NewsPage, PAGE_SIZE, Source, item_url};

/// Fields of an item of the JSON list beyond `id` and `created_date` (govkz.md, "A news item"):
/// the probe names those some items lacked.
const JSON_FIELDS: [&str; 5] = ["slug", "title", "short_description", "body", "heropic"];

/// The fields the GraphQL query asks for beyond `id` and `created_date`.
const GRAPHQL_FIELDS: [&str; 2] = ["title", "slug"];

/// One page of a body's news, read from the answer its source gave.
pub fn read_news(source: Source, slug: &str, answer: &Answer) -> Result<NewsPage, NotRead> {
    gate(answer, source.expected())?;
    match source {
        Source::Json => {
            let json = answer::read_json(answer, "the news list")?;
            read_items(json_items(&json)?, slug, &JSON_FIELDS)
        }
        Source::Graphql => {
            let json = answer::read_json(answer, "the GraphQL answer")?;
            if let Some(error) = answer::graphql_errors(&json) {
                return Err(error);
            }
            let news = json.pointer("/data/news").and_then(Value::as_array);
            let items = news.ok_or_else(|| {
                unexpected(format!(
                    "the GraphQL answer has no list at `data.news`: `data` is {}",
                    describe(json.get("data"))
                ))
            })?;
            read_items(items, slug, &GRAPHQL_FIELDS)
        }
        Source::Rss => read_rss(answer),
    }
}

/// The items of the JSON list: a bare array, as every client that reads the list by project
/// saw it (a Flask page iterating `response.json()`, 2024), or an object's `content` array,
/// which two other public clients read (one of them a Python news parser of 2023).
fn json_items(json: &Value) -> Result<&Vec<Value>, NotRead> {
    match json {
        Value::Array(items) => Ok(items),
        Value::Object(object) => object
            .get("content")
            .and_then(Value::as_array)
            .ok_or_else(|| {
                unexpected(format!(
                    "the news list is not an array of items (nor an object with a `content` \
                     array): it is {}",
                    describe(Some(json))
                ))
            }),
        other => Err(unexpected(format!(
            "the news list is not an array of items: it is {}",
            describe(Some(other))
        ))),
    }
}

fn read_items(items: &[Value], slug: &str, fields: &[&str]) -> Result<NewsPage, NotRead> {
    let mut read = Vec::with_capacity(items.len());
    let mut lacking: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, item) in items.iter().enumerate() {
        let n = i + 1;
        let named = format!("news item {n}");
        let object = answer::object(item, &named)?;
        let id = answer::required_id(item, &named)?;
        let written = object.get("created_date");
        let stamp = written
            .and_then(Value::as_str)
            .and_then(time::parse_iso)
            .ok_or_else(|| {
                unexpected(format!(
                    "news item {n} (id {id}): field `created_date` is {}, not an ISO date-time",
                    describe(written)
                ))
            })?;
        for field in fields {
            if text(object.get(*field)).is_none() {
                *lacking.entry(field).or_default() += 1;
            }
        }
        let url = item_url(slug, &id);
        read.push(news_item(id, text(object.get("title")), Some(url), stamp));
    }
    Ok(NewsPage {
        last: read.len() < PAGE_SIZE,
        missing: missing(lacking, read.len()),
        items: read,
    })
}

/// The probe's account of the fields some items lacked: `heropic (missing in 3 of 100 items)`.
fn missing(lacking: BTreeMap<&str, usize>, items: usize) -> Vec<String> {
    lacking
        .into_iter()
        .map(|(field, count)| format!("{field} (missing in {count} of {items} items)"))
        .collect()
}

fn news_item(id: String, title: Option<String>, url: Option<String>, stamp: Stamp) -> NewsItem {
    let (published_at, date, midnight) = time::placed(stamp);
    NewsItem {
        id,
        title,
        url,
        published_at,
        date,
        midnight,
    }
}

/// A string field's text, spaces collapsed; None when absent, null, empty or not a string.
fn text(value: Option<&Value>) -> Option<String> {
    let words: Vec<&str> = value?.as_str()?.split_whitespace().collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// What the feed's dates said, as its parser met them: feed-rs keeps only the instant, so the
/// values it could not read and the instants written at midnight are noted on the way.
#[derive(Default)]
struct Dates {
    unreadable: Vec<String>,
    written_midnight: Vec<chrono::DateTime<chrono::Utc>>,
}

/// Marks an id made from the item's link because it has no guid, for the probe to say so.
const FROM_LINK: char = '\u{1}';

/// The RSS feed (RSS 2.0 and what else feed-rs reads): an item's guid is its id (else its
/// link), its `pubDate` its time. A feed is one page: it is the last.
fn read_rss(answer: &Answer) -> Result<NewsPage, NotRead> {
    let dates = Arc::new(Mutex::new(Dates::default()));
    let noted = Arc::clone(&dates);
    let parser = feed_rs::parser::Builder::new()
        .id_generator(|links, _, _| {
            let link = links.iter().find(|l| l.target.is_none());
            link.map_or(String::new(), |l| format!("{FROM_LINK}{}", l.href))
        })
        .timestamp_parser(move |text| {
            let stamp = time::parse_rss(text);
            let mut dates = noted.lock().unwrap_or_else(|e| e.into_inner());
            match stamp {
                Some(s) if s.written_midnight => dates.written_midnight.push(s.at),
                Some(_) => {}
                None => dates.unreadable.push(text.trim().to_string()),
            }
            stamp.map(|s| s.at)
        })
        .build();
    let feed = parser.parse(answer.body).map_err(|e| {
        unexpected(format!(
            "the feed is not RSS ({e}); Content-Type {}{}",
            answer.content_type.unwrap_or("none"),
            answer::begins(answer.body)
        ))
    })?;
    let dates = dates.lock().unwrap_or_else(|e| e.into_inner());
    let mut items = Vec::with_capacity(feed.entries.len());
    let mut lacking: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, entry) in feed.entries.iter().enumerate() {
        let n = i + 1;
        let title = entry.title.as_ref().and_then(|t| {
            let words: Vec<&str> = t.content.split_whitespace().collect();
            (!words.is_empty()).then(|| words.join(" "))
        });
        let link = entry.links.iter().find(|l| l.target.is_none());
        let named = || match &title {
            Some(title) => format!("RSS item {n} («{}»)", crate::visible::visible(title)),
            None => format!("RSS item {n}"),
        };
        let id = match entry.id.strip_prefix(FROM_LINK) {
            Some(link) => {
                *lacking.entry("guid").or_default() += 1;
                link.to_string()
            }
            None => entry.id.clone(),
        };
        if id.is_empty() {
            return Err(unexpected(format!("{} has neither guid nor link", named())));
        }
        let Some(at) = entry.published else {
            let seen = match dates.unreadable.as_slice() {
                [] => "it has no pubDate".to_string(),
                values => format!("the feed's unreadable dates: {values:?}"),
            };
            return Err(unexpected(format!(
                "{} (id {id}): no readable pubDate ({seen})",
                named()
            )));
        };
        if title.is_none() {
            *lacking.entry("title").or_default() += 1;
        }
        if link.is_none() {
            *lacking.entry("link").or_default() += 1;
        }
        let stamp = Stamp {
            at,
            written_midnight: dates.written_midnight.contains(&at),
        };
        let url = link.map(|l| canonical(&l.href));
        items.push(news_item(id, title, url, stamp));
    }
    Ok(NewsPage {
        last: true,
        missing: missing(lacking, items.len()),
        items,
    })
}

/// An item's link as its public address: a platform address of a news item without its query
/// (`?lang=ru`), so that the same item read from RSS and from JSON is one post; a link from the
/// root made absolute; any other link as it is.
fn canonical(href: &str) -> String {
    let href = href.trim();
    if let Some(at) = href.find("/memleket/entities/") {
        let path = &href[at..];
        let path = path.split(['?', '#']).next().unwrap_or(path);
        if path.contains("/press/news/details/") {
            return format!("{DEFAULT_BASE_URL}{}", path.trim_end_matches('/'));
        }
    }
    if href.starts_with('/') && !href.starts_with("//") {
        return format!("{DEFAULT_BASE_URL}{href}");
    }
    href.to_string()
}
