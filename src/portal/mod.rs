//! The blog portal's pages (dialog.egov.kz, as `spec/portal.md` describes them) read into
//! appeals and posts: tolerant of what does not matter, loud when a page no longer looks as
//! described. Knows no database and no network; `records` turns what it reads into the JSON
//! records `import` accepts, so that dates, names and routes are worked out in one place.

mod appeals;
mod bounds;
mod cards;
mod page;
mod question;
mod records;
mod text;

use std::fmt;
use std::path::{Path, PathBuf};

pub use page::{blog_id, blog_id_in_page, page_kind, page_number, saved_page_url};
pub use records::{appeal_record, post_record};

/// The portal's address, for links on pages whose own address is unknown (a saved file).
pub const PORTAL: &str = "https://dialog.egov.kz";

/// The three kinds of blog page appeal-audit reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    Welcome,
    Questions,
    Posts,
    /// One appeal's own page, saved by a reporter (never fetched: robots.txt).
    Appeal,
}

/// What one page holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PortalPage {
    /// The blog's front page: its owner and the owner's post.
    Welcome {
        owner: Option<String>,
        position: Option<String>,
    },
    /// Up to ten appeals with their answers; `total_pages` from the pagination script.
    Questions {
        appeals: Vec<PortalAppeal>,
        total_pages: Option<u32>,
        /// The owner the page's header or title names, if any.
        owner: Option<String>,
    },
    /// One appeal's own page, saved from a browser: its whole text and every answer (none
    /// read when the page could not be placed, which the account says).
    Appeal {
        appeals: Vec<PortalAppeal>,
        owner: Option<String>,
    },
    /// The owner's own posts.
    Posts {
        posts: Vec<PortalPost>,
        total_pages: Option<u32>,
        owner: Option<String>,
    },
}

/// One appeal's card and its answers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PortalAppeal {
    /// The registration number, e.g. `765824` or `749022/2` for a copy.
    pub id: String,
    /// The number in the appeal's address, which can differ from `id`.
    pub question_id: Option<String>,
    /// The appeal's address, absolute.
    pub url: Option<String>,
    /// As the card writes it: `DD.MM.YYYY`, perhaps with a time.
    pub submitted: String,
    pub category: Option<String>,
    /// The text (a teaser on list pages, which may end in `…` or `...`).
    pub text: Option<String>,
    /// The citizen's name: personal data.
    pub author: Option<String>,
    pub views: Option<u64>,
    /// Set for a placeholder card, which stands for an appeal that is not public.
    pub status: Option<PortalStatus>,
    /// Earliest first.
    pub answers: Vec<PortalAnswer>,
}

/// What a placeholder card says of an appeal that is not public: the rule is records.md's,
/// shared with the typing of files (`records::placeholder`).
pub type PortalStatus = crate::records::placeholder::Placeholder;

/// One answer as its `span.answer-info` and the text before it show it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PortalAnswer {
    /// A person (`Исабаев Б.Б.`) or a body (`Управление образования области Жетысу`).
    pub answerer: Option<String>,
    /// `DD.MM.YYYY`.
    pub date: String,
    /// `HH:MM`, when shown.
    pub time: Option<String>,
    pub text: String,
}

impl PortalAnswer {
    /// The date and time as the answer's record carries them: `05.09.2022, 16:15`.
    pub fn answered_at(&self) -> String {
        match &self.time {
            Some(time) => format!("{}, {time}", self.date),
            None => self.date.clone(),
        }
    }
}

/// One of the owner's own posts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PortalPost {
    pub title: Option<String>,
    /// `DD.MM.YYYY`, as the card writes it.
    pub date: String,
    pub url: Option<String>,
}

/// What the reader placed on a questions page, and what it could not: the account the probe
/// prints, and (its first part not placed) the reason a page is refused.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Placed {
    /// Cards read into appeals.
    pub cards: usize,
    pub placeholders: usize,
    /// Copies sent on to another blog (`749022/2`).
    pub copies: usize,
    /// Cards with no link (placeholders, as a rule).
    pub without_link: usize,
    pub blocks_tied: usize,
    pub blocks_untied: usize,
    /// Every part that looked like a card, a facts list or answers and was not placed, in the
    /// words of the layout stop: any one of them refuses the page.
    pub unplaced: Vec<String>,
    /// Text beside the cards in no card: shown by the probe, no stop (a page may print a line
    /// between its cards).
    pub loose: Vec<String>,
}

/// A page as the reader read it, with the account of what it placed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub page: PortalPage,
    pub placed: Placed,
}

/// A page that does not look as `portal.md` describes: "the portal's layout may have changed".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayoutError {
    /// The page's address.
    pub url: String,
    /// The archive (or saved file) that holds the page, and the record's offset in it.
    pub archive: Option<(PathBuf, u64)>,
    /// What was missing or could not be read, naming the card.
    pub missing: String,
}

impl LayoutError {
    fn new(url: &str, missing: impl Into<String>) -> LayoutError {
        LayoutError {
            url: url.to_string(),
            archive: None,
            missing: missing.into(),
        }
    }

    /// Names the file that holds the page (for a saved page, offset 0).
    pub fn in_archive(mut self, file: &Path, offset: u64) -> LayoutError {
        self.archive = Some((file.to_path_buf(), offset));
        self
    }
}

impl fmt::Display for LayoutError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::i18n::tr;
        // A saved page is a file of its own; an archived one is a record at an offset.
        let (place, show) = match &self.archive {
            Some((file, _)) if is_saved_page(file) => (
                tr(
                    "layout-in-file",
                    &[("file", file.display().to_string().into())],
                ),
                tr("layout-open-file", &[]),
            ),
            Some((file, offset)) => (
                tr(
                    "layout-in-archive",
                    &[
                        ("file", file.display().to_string().into()),
                        ("offset", (*offset).into()),
                    ],
                ),
                tr(
                    "layout-extract",
                    &[
                        ("file", file.display().to_string().into()),
                        ("offset", (*offset).into()),
                    ],
                ),
            ),
            None => (String::new(), tr("layout-open-page", &[])),
        };
        // The page's own words may hold terminal control sequences: shown escaped.
        f.write_str(&tr(
            "layout-changed",
            &[
                (
                    "url",
                    crate::visible::visible(&self.url).into_owned().into(),
                ),
                ("place", place.into()),
                (
                    "missing",
                    crate::visible::visible(&self.missing).into_owned().into(),
                ),
                ("show", show.into()),
            ],
        ))
    }
}

impl std::error::Error for LayoutError {}

/// A page saved from a browser (`.html`, `.htm`), rather than a WARC archive.
pub fn is_saved_page(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
}

/// The address of a blog's welcome page, on the same site as `page_url` (the portal, a
/// mirror or a test server; the portal for a saved file).
pub fn welcome_url(page_url: &str, blog: &str) -> String {
    text::absolute(page_url, &format!("/blogs/{blog}/welcome"))
}

/// Reads one page. Its kind comes from the address (`/blogs/{id}/welcome|questions|posts`),
/// else from its content (a page saved by a browser under any name).
#[cfg(test)]
pub fn read_page(url: &str, html: &[u8]) -> Result<PortalPage, LayoutError> {
    read_served_page(url, html, None)
}

/// `read_page` for a page served with this `Content-Type`, whose charset comes first. Text
/// that does not decode cleanly, and a date no import takes, stop here as a changed layout
/// does: before anything is stored, naming the page.
pub fn read_served_page(
    url: &str,
    html: &[u8],
    content_type: Option<&str>,
) -> Result<PortalPage, LayoutError> {
    let reading = probe_page(url, html, content_type)?;
    match reading.placed.unplaced.first() {
        Some(first) => Err(LayoutError::new(url, first.clone())),
        None => Ok(reading.page),
    }
}

/// The page read with the account of what was placed and what was not (`--probe`): a page
/// that could not be read at all (its text, its depth) is still an error.
pub fn probe_page(
    url: &str,
    html: &[u8],
    content_type: Option<&str>,
) -> Result<Reading, LayoutError> {
    let mut reading = read_text(url, html, content_type)?;
    if let Err(e) = dates_are_readable(url, &reading.page) {
        reading.placed.unplaced.push(e.missing);
    }
    Ok(reading)
}

fn read_text(url: &str, html: &[u8], content_type: Option<&str>) -> Result<Reading, LayoutError> {
    let html =
        text::decode(html, content_type).map_err(|problem| LayoutError::new(url, problem))?;
    bounds::check_depth(url, &html)?;
    let document = scraper::Html::parse_document(&html);
    let kind = page_kind(url, &document);
    let owner = page::owner(&document);
    let total_pages = page::total_pages(&html);
    let mut placed = Placed::default();
    let page = match kind {
        PageKind::Welcome => PortalPage::Welcome {
            owner,
            position: page::position(&document),
        },
        PageKind::Questions => {
            let (appeals, mut read) = appeals::read(url, &document);
            // A page within the list that shows no card has lost its cards, not its appeals;
            // but a blog with no appeal yet may well show `totalPages: 1` and nothing else.
            let number = page::page_number(url);
            // A card that was found but could not be read says so itself; with no facts list
            // at all, what is left over (answers, links) follows from the cards not found.
            let no_card = appeals.is_empty() && document.select(&page::CSS.info).next().is_none();
            if let (true, Some(number), Some(total)) = (no_card, number, total_pages)
                && number <= total
                && (total > 1 || page::has_card_traces(&document))
            {
                read.unplaced.insert(0, format!(
                    "page {number} of {total} (totalPages) shows no appeal card (a ul.blog-info \
                     with an i.fa-pencil registration number)"
                ));
            }
            placed = read;
            PortalPage::Questions {
                appeals,
                total_pages,
                owner,
            }
        }
        PageKind::Appeal => PortalPage::Appeal {
            appeals: question::read(url, &document, &mut placed)
                .into_iter()
                .collect(),
            owner,
        },
        PageKind::Posts => PortalPage::Posts {
            posts: cards::posts(url, &document)?,
            total_pages,
            owner,
        },
    };
    Ok(Reading { page, placed })
}

/// Every date a card shows must be one the import takes (a real day, years 1900 to 2100):
/// else the import would stop on it later, after the whole crawl, and every run again.
fn dates_are_readable(url: &str, page: &PortalPage) -> Result<(), LayoutError> {
    let unreadable = |card: String, date: &str, reason: String| {
        LayoutError::new(
            url,
            format!(
                "{card} shows the date {date:?}, which is no date appeal-audit takes ({reason}; \
                 it takes real days of the years 1900 to 2100)"
            ),
        )
    };
    match page {
        PortalPage::Welcome { .. } => {}
        PortalPage::Questions { appeals, .. } | PortalPage::Appeal { appeals, .. } => {
            for (i, appeal) in appeals.iter().enumerate() {
                let card = || format!("appeal card {} (№ {})", i + 1, appeal.id);
                let rejected = match &appeal.status {
                    Some(PortalStatus::Rejected { on: Some(on) }) => Some(on.as_str()),
                    _ => None,
                };
                let answers = appeal.answers.iter().map(PortalAnswer::answered_at);
                let dates = std::iter::once(appeal.submitted.clone())
                    .chain(answers)
                    .chain(rejected.map(str::to_string));
                for date in dates {
                    crate::records::dates::parse_date(&date)
                        .map_err(|reason| unreadable(card(), &date, reason))?;
                }
            }
        }
        PortalPage::Posts { posts, .. } => {
            for (i, post) in posts.iter().enumerate() {
                crate::records::dates::parse_date(&post.date).map_err(|reason| {
                    unreadable(format!("post card {}", i + 1), &post.date, reason)
                })?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_shapes;
