//! gov.kz's answers read back from archives (a fetch's own, or `import pages`): news become
//! posts, the bodies whose officials were asked become directory entries with their officials,
//! and each answer a read attempt (read, unchanged or refused) for `report silence`.
//! Everything is read before anything is stored, and imported with the portal's pages in one
//! transaction.

use std::collections::{BTreeMap, HashMap, HashSet};

use anyhow::{Result, anyhow, bail};
use serde_json::{Value, json};

use crate::archive::ArchivedPage;
use crate::govkz::{self, Asked, Body, NewsItem, NotRead, Official};
use crate::records::names::Who;
use crate::records::reader::RecordOrigin;
use crate::store::{ReadOutcome, SourceRead};

/// An archived page as the gov.kz readers take it.
pub fn answer_of(page: &ArchivedPage) -> govkz::Answer<'_> {
    govkz::Answer {
        status: page.status,
        content_type: page.content_type.as_deref(),
        body: &page.body,
    }
}

/// The attempt an archived news answer records, as read until its reading says otherwise
/// (unchanged, refused) and without validators: `body` is the body's name where known.
pub fn attempt(
    body: &str,
    slug: &str,
    source: govkz::Source,
    page: &ArchivedPage,
    attempted_at: &str,
) -> SourceRead {
    SourceRead {
        body: body.to_string(),
        slug: slug.to_string(),
        source: source.as_str().to_string(),
        attempted_at: attempted_at.to_string(),
        outcome: ReadOutcome::Read,
        status: page.status,
        url: page.url.clone(),
        detail: String::new(),
        etag: None,
        last_modified: None,
        archive: page.file.display().to_string(),
        offset: page.offset,
    }
}

/// Whether an archived page is a gov.kz API answer (read by this module, not the portal's).
pub fn is_govkz_page(page: &ArchivedPage) -> bool {
    govkz::is_api_url(&page.url) && govkz::asked(&page.url, page.request.as_deref()).is_some()
}

pub type Record = (Value, RecordOrigin);

/// When a read was attempted, as the reads log keeps it (an ISO date-time with an offset):
/// the scrape's time where one is given (`--scraped-at`, a date or a local date and time,
/// read in Kazakhstan's time), else the archive's own date (UTC).
pub fn attempt_time(scraped_at: Option<&str>, archived: &str) -> String {
    let Some(given) = scraped_at else {
        return archived.to_string();
    };
    let (date, time) = given.split_once([' ', 'T']).unwrap_or((given, "00:00:00"));
    let time = match time.len() {
        5 => format!("{time}:00"),
        _ => time.to_string(),
    };
    match time.contains(['+', 'Z']) || time.rfind('-').is_some() {
        true => format!("{date}T{time}"),
        false => format!("{date}T{time}+05:00"),
    }
}

/// A news item to import as a post: its record is built only when the import's input is
/// written (`Post::record`), so that a run of 1,400 bodies never holds every record as JSON.
pub struct Post {
    department: std::sync::Arc<str>,
    item: NewsItem,
    origin: RecordOrigin,
    scraped_at: String,
}

impl Post {
    pub fn record(self) -> Record {
        let record = json!({
            "department": &*self.department,
            "published_at": self.item.published_at,
            "title": self.item.title,
            "url": self.item.url,
            "id": self.item.id,
            "channel": "site",
            "source": GOVKZ_SOURCE,
            "scraped_at": self.scraped_at,
        });
        (record, self.origin)
    }
}

/// The source name gov.kz's posts are stored under (govkz.md, "What becomes of it").
pub const GOVKZ_SOURCE: &str = "gov.kz";

/// The answers of every archive given, as read so far.
#[derive(Default)]
pub struct Answers {
    /// The lists of bodies by language, the last one read of each.
    bodies: BTreeMap<String, Vec<Body>>,
    /// News items by body slug, each once (by id), with where each was read.
    news: BTreeMap<String, Vec<(NewsItem, RecordOrigin, String)>>,
    /// Officials by body slug (asked, even if refused: the body is imported from the list),
    /// with where their list was first read.
    officials: BTreeMap<String, (RecordOrigin, Vec<Official>)>,
    /// Every news answer as a read attempt (the body's name filled in at the end).
    reads: Vec<SourceRead>,
}

impl Answers {
    /// Reads one archived answer. A 2xx that cannot be read for sure stops the import, naming
    /// it; a refusal is kept as an attempt, never as news.
    pub fn add(&mut self, page: &ArchivedPage, scraped_at: Option<&str>) -> Result<()> {
        let Some(asked) = govkz::asked(&page.url, page.request.as_deref()) else {
            return Ok(());
        };
        let file: std::sync::Arc<str> = page.file.display().to_string().into();
        let url: std::sync::Arc<str> = page.url.as_str().into();
        let origin = |position: usize| RecordOrigin {
            file: file.clone(),
            offset: page.offset,
            url: url.clone(),
            position: position as u64 + 1,
        };
        let unexpected = |why: String| {
            anyhow!(crate::i18n::tr(
                "govkz-answer-unreadable",
                &[
                    ("url", page.url.clone().into()),
                    ("file", page.file.display().to_string().into()),
                    ("offset", page.offset.into()),
                    ("why", why.into()),
                ]
            ))
        };
        let answer = answer_of(page);
        match asked {
            Asked::Bodies { lang } => match govkz::read_bodies(&answer) {
                Ok(list) => {
                    self.bodies.insert(lang, list);
                }
                Err(NotRead::Refused { .. }) => {}
                Err(NotRead::Unexpected { why }) => return Err(unexpected(why)),
            },
            Asked::Officials { slug, .. } => {
                let read = match govkz::read_officials(&answer) {
                    Ok(read) => read.officials,
                    Err(NotRead::Refused { .. }) => Vec::new(),
                    Err(NotRead::Unexpected { why }) => return Err(unexpected(why)),
                };
                let (_, list) = self
                    .officials
                    .entry(slug)
                    .or_insert_with(|| (origin(0), Vec::new()));
                for official in read {
                    if !list.iter().any(|o| o.id == official.id) {
                        list.push(official);
                    }
                }
            }
            Asked::News { source, slug, .. } => {
                // The scrape's time, as its posts are dated (the archive's, unless given).
                let mut read = attempt(
                    "",
                    &slug,
                    source,
                    page,
                    &attempt_time(scraped_at, &page.date),
                );
                if page.status == 304 {
                    read.outcome = ReadOutcome::Unchanged;
                    self.reads.push(read);
                    return Ok(());
                }
                match govkz::read_news(source, &slug, &answer) {
                    Ok(news) => {
                        let items = self.news.entry(slug).or_default();
                        let scraped = scraped_at.unwrap_or(&page.date).to_string();
                        for (position, item) in news.items.into_iter().enumerate() {
                            if !items.iter().any(|(i, _, _)| i.id == item.id) {
                                items.push((item, origin(position), scraped.clone()));
                            }
                        }
                    }
                    Err(NotRead::Refused { why }) => {
                        read.outcome = ReadOutcome::Refused;
                        read.detail = why;
                    }
                    Err(NotRead::Unexpected { why }) => return Err(unexpected(why)),
                }
                self.reads.push(read);
            }
        }
        Ok(())
    }

    pub fn is_empty(&self) -> bool {
        self.bodies.is_empty()
            && self.news.is_empty()
            && self.officials.is_empty()
            && self.reads.is_empty()
    }

    /// The records to import: posts, and directory entries (bodies whose officials were read,
    /// their officials, and any body read for news that the directory does not know), with
    /// the read attempts under each body's name. `directory`: the stored directory's entries
    /// by gov.kz address, for bodies whose list is not in these archives.
    pub fn records(
        mut self,
        who: &Who,
        stored_by_url: &HashMap<String, String>,
    ) -> Result<(Vec<Post>, Vec<Record>, Vec<SourceRead>)> {
        let news = std::mem::take(&mut self.news);
        // Each list by slug, once: a run of 1,400 bodies looks each up several times.
        let by_slug = |lang: &str| -> HashMap<&str, &Body> {
            self.bodies
                .get(lang)
                .map(|list| list.iter().map(|b| (b.slug.as_str(), b)).collect())
                .unwrap_or_default()
        };
        let (ru, kk, en) = (by_slug("ru"), by_slug("kk"), by_slug("en"));
        let ru_by_id: HashMap<&str, &Body> = ru.values().map(|b| (b.id.as_str(), *b)).collect();
        let name_of = |slug: &str| -> Result<String> {
            if let Some(body) = ru.get(slug) {
                return Ok(body.name.clone());
            }
            if let Some(name) = stored_by_url.get(&govkz::body_url(govkz::DEFAULT_BASE_URL, slug)) {
                return Ok(name.clone());
            }
            bail!(crate::i18n::tr(
                "govkz-no-russian-name",
                &[("slug", slug.to_string().into())]
            ))
        };
        let mut posts = Vec::new();
        let mut directory = Vec::new();
        let mut named = HashSet::new();
        for (slug, items) in news {
            let department: std::sync::Arc<str> = name_of(&slug)?.into();
            for (item, origin, scraped_at) in items {
                posts.push(Post {
                    department: department.clone(),
                    item,
                    origin,
                    scraped_at,
                });
            }
        }
        for read in &mut self.reads {
            read.body = name_of(&read.slug)?;
        }
        // Bodies read for news (or refused) that the directory does not know join it, so that
        // silence lists them even with no post.
        for read in &self.reads {
            if who.lookup(&read.body).is_none()
                && !self.officials.contains_key(&read.slug)
                && named.insert(read.slug.as_str())
            {
                let entry = json!({
                    "name": read.body, "kind": "department",
                    "url": govkz::body_url(govkz::DEFAULT_BASE_URL, &read.slug),
                });
                let origin = RecordOrigin {
                    file: read.archive.as_str().into(),
                    offset: read.offset,
                    url: read.url.as_str().into(),
                    position: 1,
                };
                directory.push((entry, origin));
            }
        }
        for (slug, (origin, officials)) in &self.officials {
            let body_name = name_of(slug)?;
            let body = ru.get(slug.as_str());
            // Known under another name (a directory of the reporter's own): left as it is.
            if who.lookup(&body_name).is_none_or(|e| e.name == body_name) {
                let mut aliases: Vec<String> = Vec::new();
                for list in [&kk, &en] {
                    if let Some(other) = list.get(slug.as_str())
                        && other.name != body_name
                        && !aliases.contains(&other.name)
                    {
                        aliases.push(other.name.clone());
                    }
                }
                let parent = body
                    .and_then(|b| b.parent.as_ref())
                    .and_then(|id| ru_by_id.get(id.as_str()))
                    .map(|p| p.name.clone());
                let entry = json!({
                    "name": body_name, "kind": "department",
                    "parent": parent,
                    "aliases": (!aliases.is_empty()).then(|| aliases.join(";")),
                    "url": govkz::body_url(govkz::DEFAULT_BASE_URL, slug),
                });
                directory.push((entry, origin.clone()));
            }
            let mut people: Vec<(String, Option<String>)> = Vec::new();
            if let Some(head) = body.and_then(|b| b.head.as_ref()) {
                people.push((head.full_name(), head.position.clone()));
            }
            for official in officials {
                let name = official.person.full_name();
                match people.iter_mut().find(|(n, _)| *n == name) {
                    Some((_, position)) => {
                        if position.is_none() {
                            *position = official.person.position.clone();
                        }
                    }
                    None => people.push((name, official.person.position.clone())),
                }
            }
            for (position_on_page, (name, position)) in people.into_iter().enumerate() {
                if name.trim().is_empty() {
                    continue;
                }
                let entry = json!({
                    "name": name, "kind": "official", "position": position, "parent": body_name,
                });
                let mut origin = origin.clone();
                origin.position = position_on_page as u64 + 1;
                directory.push((entry, origin));
            }
        }
        Ok((posts, directory, self.reads))
    }
}
