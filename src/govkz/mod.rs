//! www.gov.kz's public API (`spec/govkz.md`) as pure functions: the requests to ask of it, what
//! an archived request asked, and its answers read into news items, bodies and officials, or
//! refused in words that say why. No network, no store: `fetch` sends, the engine imports.

mod answer;
mod directory;
mod news;
mod request;
mod resolve;
mod time;

pub use answer::{Answer, Expected, NotRead};
pub use directory::{read_bodies, read_officials};
pub use news::read_news;
pub use request::{
    ApiRequest, Asked, asked, bodies_request, is_api_url, news_request, officials_request,
};
pub use resolve::{resolve, subtree};

/// The platform's address; `--base-url` replaces it for the requests (a test's server), never
/// for the addresses of items and bodies, which are their public addresses.
pub const DEFAULT_BASE_URL: &str = "https://www.gov.kz";

/// Items asked for per page: the most the clients of the platform asked for and got.
pub const PAGE_SIZE: usize = 100;

/// The three ways a body's news can be read, in the order a fetch tries them (govkz.md, "Access").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Source {
    Rss,
    Graphql,
    Json,
}

impl Source {
    pub const ORDER: [Source; 3] = [Source::Rss, Source::Graphql, Source::Json];

    pub fn as_str(self) -> &'static str {
        match self {
            Source::Rss => "rss",
            Source::Graphql => "graphql",
            Source::Json => "json",
        }
    }

    /// What kind of answer the source gives.
    pub fn expected(self) -> Expected {
        match self {
            Source::Rss => Expected::Rss,
            Source::Graphql | Source::Json => Expected::Json,
        }
    }
}

/// One news item as a post needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewsItem {
    /// The platform's id (one number sequence for the whole platform); for RSS the guid, or
    /// the link when there is none.
    pub id: String,
    pub title: Option<String>,
    /// The item's public address on www.gov.kz, without `?lang=`.
    pub url: Option<String>,
    /// ISO date-time with the Almaty offset of that day, e.g. `2022-08-23T10:15:00+06:00`.
    pub published_at: String,
    /// The day in Asia/Almaty.
    pub date: chrono::NaiveDate,
    /// Written at exactly `00:00:00`: an item moved in bulk from an older site, whose time is
    /// not a publication time (govkz.md, "Midnight times").
    pub midnight: bool,
}

/// One page of a body's news, newest first as the platform sorts it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewsPage {
    pub items: Vec<NewsItem>,
    /// No page follows: this one is empty or shorter than `PAGE_SIZE`; an RSS feed always.
    pub last: bool,
    /// Optional fields the source is known to give and some items lacked, e.g.
    /// `heropic (missing in 3 of 100 items)`: what the probe shows.
    pub missing: Vec<String>,
}

/// A person as the platform splits the name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub lastname: String,
    pub name: String,
    pub middlename: Option<String>,
    pub position: Option<String>,
}

impl Person {
    /// `Lastname Name Middlename`, as the directory stores an official's name. A `lastname`
    /// that already holds the whole name is kept as it is: one public client of the curators
    /// list (a Node script syncing an akimat's people, 2026) found such records and does the same.
    pub fn full_name(&self) -> String {
        let given: Vec<&str> = [Some(self.name.as_str()), self.middlename.as_deref()]
            .into_iter()
            .flatten()
            .filter(|part| !part.is_empty())
            .collect();
        let words: Vec<&str> = self.lastname.split_whitespace().collect();
        if words.len() >= 3 || given.iter().any(|part| words.contains(part)) {
            return self.lastname.clone();
        }
        std::iter::once(self.lastname.as_str())
            .chain(given)
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// One state body (a *project* of the platform) as the list of bodies gives it in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body {
    pub id: String,
    pub slug: String,
    /// In the list's language; empty when the list has no name for it in that language.
    pub name: String,
    /// The parent body's id.
    pub parent: Option<String>,
    pub head: Option<Person>,
}

/// One official of a body's curators list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Official {
    pub id: String,
    pub person: Person,
    /// `level.items[0].position`: a category such as `Заместитель акима`.
    pub category: Option<String>,
    /// The platform's ordering key, a string.
    pub order: Option<String>,
}

/// One page of a body's officials.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficialsPage {
    pub officials: Vec<Official>,
    /// Shorter than `PAGE_SIZE`: no page follows.
    pub last: bool,
}

/// A body's public address: `{base}/memleket/entities/{slug}`.
pub fn body_url(base_url: &str, slug: &str) -> String {
    format!(
        "{}/memleket/entities/{}",
        base_url.trim_end_matches('/'),
        request::encode(slug)
    )
}

/// An item's public address, the same whichever source read it: the platform's pages name an
/// item by its number (`/press/news/details/875063`, the form of every item address seen in
/// public text), so the id, not the item's `slug`, makes the address.
fn item_url(body_slug: &str, id: &str) -> String {
    format!(
        "{}/press/news/details/{}",
        body_url(DEFAULT_BASE_URL, body_slug),
        request::encode(id)
    )
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_news;
