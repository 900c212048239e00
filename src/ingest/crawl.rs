//! One blog's crawl: its welcome page, its questions pages as far as the re-fetch rule says
//! (all of them on a first or `--full` fetch), its posts pages; every response archived as it
//! arrives, and pages an unfinished run archived whole taken from its archive, not the network.
//! A list that repeats itself, or a `totalPages` no blog can have, does not make it endless.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use anyhow::{Result, anyhow};
use chrono::{DateTime, Utc};

use super::refetch::{Card, Refetch};
use crate::archive::{ArchivedPage, WarcWriter, archive_file_name, read_archive_contents};
use crate::fetch::{Client, FetchError, Unfinished, make_archive_dir};
use crate::i18n::tr;
use crate::portal::{PortalAppeal, PortalPage, PortalStatus, read_served_page};
use crate::progress::Reporter;
use crate::store::Store;

/// What the `fetch` command asks of each blog's crawl.
#[derive(Debug, Clone)]
pub struct CrawlOptions {
    pub archive_dir: PathBuf,
    pub started: DateTime<Utc>,
    /// The date the re-fetch rule counts from: the scrape's date.
    pub fetch_date: chrono::NaiveDate,
    /// Questions pages and posts pages each stop after this many.
    pub max_pages: Option<u32>,
    pub full: bool,
    pub posts: bool,
    /// The interface language to ask for (`ru`, `kk`).
    pub lang: Option<String>,
    pub recheck_months: u32,
    /// The blog's owner as the records will name it (`--addressee`), else the blog's own word.
    pub addressee: Option<String>,
    /// The source the blog's records are stored under.
    pub source: String,
}

/// What a crawl did, for the summary line and the import.
#[derive(Debug, Clone, Default)]
pub struct Crawled {
    pub blog: String,
    pub archive: PathBuf,
    pub owner: Option<String>,
    /// Pages requested in this run (retries not counted).
    pub fetched: u32,
    /// Pages taken from an unfinished run's archive.
    pub resumed: u32,
    pub questions_read: u32,
    pub questions_total: Option<u32>,
    pub posts_read: u32,
    pub appeals: usize,
    /// Every questions page was read: the appeals are the blog's complete list.
    pub complete: bool,
    /// Read as a re-fetch (the blog's appeals were stored, no `--full`): no snapshot.
    pub refetch: bool,
    /// Why the questions pages stopped before the last, if they did.
    pub stopped: Option<String>,
    /// Pages robots.txt disallows, not requested.
    pub refused: Vec<String>,
}

/// Where the progress goes: a bar on a terminal, nothing otherwise; warnings to the reporter.
pub trait Progress: Reporter {
    /// `done` questions pages of `total` (if known), `appeals` read so far.
    fn pages(&self, blog: &str, done: u32, total: Option<u32>, appeals: usize);
    /// The gap between two requests in force, known once robots.txt is read.
    fn gap(&self, _gap: std::time::Duration) {}
    /// Every blog is crawled: the bar, if any, goes.
    fn done(&self) {}
    /// The blog has `total` questions pages (its first page says so), of which `to_read` will
    /// be read at most: how long they take.
    fn estimate(&self, blog: &str, to_read: u32, total: u32);
}

/// The most questions (or posts) pages a blog is taken to have: 200,000 appeals, more than any
/// blog is known to hold (the whole portal had issued about 766,000 numbers by 2026). A
/// `totalPages` over it, or over what the cards' registration numbers allow, is refused.
pub const MOST_PAGES: u32 = 20_000;

/// Whether `blog` may be read at all: robots.txt must allow its first questions page. A blog
/// robots.txt closes (`Disallow: /`) stops the run before any page, with exit 1.
pub fn readable(client: &Client, blog: &str) -> Result<()> {
    let first = format!("/blogs/{blog}/questions?page=1");
    match client.allowed(&first) {
        Err(FetchError::Refused { url, .. }) => Err(anyhow!(tr(
            "fetch-blog-disallowed",
            &[
                ("url", url.into()),
                ("robots", client.url("/robots.txt").into()),
                ("blog", blog.to_string().into()),
            ]
        ))),
        other => Ok(other?),
    }
}

/// Fetches one blog. `store` is the database, if there is one: what it holds of the blog
/// decides how far a re-fetch reads.
pub fn crawl(
    client: &mut Client,
    blog: &str,
    store: Option<&Store>,
    options: &CrawlOptions,
    progress: &dyn Progress,
) -> Result<Crawled> {
    let unfinished = Unfinished::new(&options.archive_dir, blog);
    let mut pages = Pages::open(client, blog, &unfinished, options)?;
    let mut crawled = Crawled {
        blog: blog.to_string(),
        archive: pages.writer.path().to_path_buf(),
        ..Crawled::default()
    };
    if let Some(lang) = &options.lang {
        // Sets the interface-language cookie for the requests that follow. Its answer is no
        // blog page, so, like robots.txt, it is not archived (`import pages` reads archives).
        let path = format!("/application/changelang?lang={lang}");
        match pages.client.get(&path) {
            Err(refused @ FetchError::Refused { .. }) => {
                progress.warn(&format_args!(
                    "appeal-audit: {}",
                    tr(
                        "fetch-lang-refused",
                        &[("refused", refused.to_string().into())]
                    )
                ));
            }
            other => {
                other?;
            }
        }
        pages.client.take_superseded();
    }
    if let Some(PortalPage::Welcome { owner, .. }) =
        pages.read(&format!("/blogs/{blog}/welcome"), &mut crawled)?
    {
        crawled.owner = owner;
    }
    let mut refetch: Option<Refetch> = None;
    let mut repeats = Repeats::default();
    for n in 1.. {
        if options.max_pages.is_some_and(|max| n > max) {
            crawled.stopped = Some(format!("--max-pages {}", n - 1));
            break;
        }
        let Some(page) = pages.read(&format!("/blogs/{blog}/questions?page={n}"), &mut crawled)?
        else {
            crawled.stopped = Some(tr("fetch-stopped-robots", &[]));
            break;
        };
        let PortalPage::Questions {
            appeals,
            total_pages,
            owner,
        } = page
        else {
            return Err(anyhow!(tr(
                "fetch-not-questions",
                &[(
                    "url",
                    pages
                        .client
                        .url(&format!("/blogs/{blog}/questions?page={n}"))
                        .into()
                )]
            )));
        };
        if crawled.owner.is_none() {
            crawled.owner = owner;
        }
        // The first page names the owner: whether this is a re-fetch is decided there.
        if n == 1 {
            let addressee = options.addressee.clone().or_else(|| crawled.owner.clone());
            if let (false, Some(store), Some(addressee)) = (options.full, store, addressee) {
                let stored = store.blog_appeals(&options.source, &addressee)?;
                if !stored.is_empty() {
                    crawled.refetch = true;
                    refetch = Some(Refetch::new(
                        stored,
                        options.fetch_date,
                        options.recheck_months,
                    ));
                }
            }
        }
        let url = pages
            .client
            .url(&format!("/blogs/{blog}/questions?page={n}"));
        if let Some(total) = total_pages {
            let highest = appeals.iter().filter_map(|a| leading_number(&a.id)).max();
            check_total(&url, total, highest, options.max_pages)?;
            if crawled.questions_total.is_none() {
                let to_read = options.max_pages.map_or(total, |m| m.min(total));
                progress.estimate(blog, to_read, total);
            }
        }
        crawled.questions_total = total_pages.or(crawled.questions_total);
        crawled.questions_read = n;
        crawled.appeals += appeals.len();
        progress.pages(blog, n, crawled.questions_total, crawled.appeals);
        if last_page(appeals.len(), n, crawled.questions_total) {
            crawled.complete = true;
            break;
        }
        if repeats.all_seen(appeals.iter().map(|a| a.id.as_str())) {
            crawled.stopped = Some(repeated(n, "fetch-repeats-appeals"));
            break;
        }
        if let Some(refetch) = &mut refetch {
            let cards: Vec<Card> = appeals.iter().map(card).collect();
            refetch.read_page(&cards);
            if refetch.enough() {
                crawled.stopped = Some(tr("fetch-stopped-settled", &[("page", n.into())]));
                break;
            }
        }
    }
    if options.posts {
        let owner = options.addressee.clone().or_else(|| crawled.owner.clone());
        let known = match (options.full, store, owner) {
            (false, Some(store), Some(owner)) => {
                Some(store.blog_post_urls(&options.source, &owner)?)
            }
            _ => None,
        };
        read_posts(
            &mut pages,
            blog,
            known.as_ref(),
            options,
            &mut crawled,
            progress,
        )?;
    }
    pages.finish()?;
    Ok(crawled)
}

fn read_posts(
    pages: &mut Pages,
    blog: &str,
    known: Option<&HashSet<String>>,
    options: &CrawlOptions,
    crawled: &mut Crawled,
    progress: &dyn Progress,
) -> Result<()> {
    let mut repeats = Repeats::default();
    for n in 1.. {
        if options.max_pages.is_some_and(|max| n > max) {
            break;
        }
        let path = format!("/blogs/{blog}/posts?page={n}");
        let Some(PortalPage::Posts {
            posts, total_pages, ..
        }) = pages.read(&path, crawled)?
        else {
            break;
        };
        if let Some(total) = total_pages {
            check_total(&pages.client.url(&path), total, None, options.max_pages)?;
        }
        crawled.posts_read = n;
        // A re-fetch stops at a page of posts all stored already: posts are listed newest first.
        let nothing_new = known.is_some_and(|known| {
            posts
                .iter()
                .all(|p| p.url.as_ref().is_some_and(|u| known.contains(u)))
        });
        if nothing_new || last_page(posts.len(), n, total_pages) {
            break;
        }
        let urls = posts.iter().filter_map(|p| p.url.as_deref());
        if repeats.all_seen(urls) {
            progress.warn(&format_args!(
                "appeal-audit: {blog}: {}",
                repeated(n, "fetch-repeats-posts")
            ));
            break;
        }
    }
    Ok(())
}

/// The cards (appeals' numbers, posts' addresses) a run has read: a page that shows only cards
/// read already repeats the list, and reading on could go on for ever.
#[derive(Default)]
struct Repeats {
    seen: HashSet<String>,
}

impl Repeats {
    /// Notes a page's cards; true when it has some and every one was read before.
    fn all_seen<'a>(&mut self, cards: impl Iterator<Item = &'a str>) -> bool {
        let mut any = false;
        let mut new = false;
        for card in cards {
            any = true;
            new |= self.seen.insert(card.to_string());
        }
        any && !new
    }
}

/// Why a list stopped at page `n` that repeats what was read: said in the summary line. `key`:
/// the message for the list's cards (appeals' or posts').
fn repeated(n: u32, key: &str) -> String {
    tr(key, &[("page", n.into())])
}

/// `totalPages` as a blog can have it: at most `MOST_PAGES`, and, for questions pages, no more
/// pages than the highest registration number on the page (numbers count every appeal the
/// portal took, and a page shows at least one). Under `--max-pages` the run is bounded anyway
/// and goes on.
fn check_total(url: &str, total: u32, highest: Option<u64>, max_pages: Option<u32>) -> Result<()> {
    let most = highest.map_or(u64::from(MOST_PAGES), |h| h.min(u64::from(MOST_PAGES)));
    if u64::from(total) <= most || max_pages.is_some() {
        return Ok(());
    }
    let numbers = match highest {
        Some(h) if h < u64::from(MOST_PAGES) => tr("fetch-total-numbers", &[("highest", h.into())]),
        _ => String::new(),
    };
    Err(anyhow!(tr(
        "fetch-total-too-many",
        &[
            ("url", url.to_string().into()),
            ("total", total.into()),
            ("numbers", numbers.into()),
            ("most", MOST_PAGES.into()),
        ]
    )))
}

/// The number a registration number starts with: `749022` for `749022/2`.
fn leading_number(id: &str) -> Option<u64> {
    let end = id.find(|c: char| !c.is_ascii_digit()).unwrap_or(id.len());
    id[..end].parse().ok()
}

/// Whether page `n`, with `cards` cards, is the last: an empty page is; else the pagination's
/// `totalPages` says, and without it (a one-page blog has none) a page shorter than ten cards.
/// A full page without a total is not taken as the last: that would make a snapshot of a blog
/// read in part.
fn last_page(cards: usize, n: u32, total: Option<u32>) -> bool {
    match total {
        _ if cards == 0 => true,
        Some(total) => n >= total,
        None => cards < CARDS_PER_PAGE,
    }
}

/// How many cards the portal shows on a full list page.
const CARDS_PER_PAGE: usize = 10;

/// The card as the re-fetch rule weighs it: a rejection settles like an answer.
fn card(appeal: &PortalAppeal) -> Card<'_> {
    let rejected = match &appeal.status {
        Some(PortalStatus::Rejected { on }) => on.as_deref(),
        _ => None,
    };
    Card {
        id: &appeal.id,
        submitted: &appeal.submitted,
        answered: appeal.answers.first().map(|a| a.date.as_str()).or(rejected),
    }
}

/// The run's archive, and the pages an unfinished run left in it.
struct Pages<'c> {
    client: &'c mut Client,
    writer: WarcWriter,
    resumed: HashMap<String, ArchivedPage>,
}

impl<'c> Pages<'c> {
    /// Goes on with the blog's unfinished run if there is one (its archive cut back to its
    /// last whole record), else starts a new archive, listed as unfinished before it is made.
    fn open(
        client: &'c mut Client,
        blog: &str,
        unfinished: &Unfinished,
        options: &CrawlOptions,
    ) -> Result<Pages<'c>> {
        let software = concat!("appeal-audit/", env!("CARGO_PKG_VERSION"));
        let mut resumed = HashMap::new();
        let writer = match unfinished.archives()?.pop() {
            Some(path) => {
                let contents = read_archive_contents(&path)?;
                let whole = contents.damage.as_ref().map(|d| d.offset);
                for page in contents.pages.into_iter().filter(|p| p.status == 200) {
                    resumed.insert(page.url.clone(), page);
                }
                WarcWriter::resume(&path, whole, software)?
            }
            None => {
                make_archive_dir(&options.archive_dir)?;
                let path = new_archive_path(
                    &options.archive_dir,
                    &archive_file_name(blog, options.started),
                );
                unfinished.add(&path)?;
                WarcWriter::create(&path, software)?
            }
        };
        Ok(Pages {
            client,
            writer,
            resumed,
        })
    }

    /// One page read: from the unfinished run's archive, else fetched and archived. None when
    /// robots.txt disallows it (said on stderr, and noted).
    fn read(&mut self, path: &str, crawled: &mut Crawled) -> Result<Option<PortalPage>> {
        let url = self.client.url(path);
        let page = match self.resumed.remove(&url) {
            Some(page) => {
                crawled.resumed += 1;
                page
            }
            None => {
                let fetched = self.client.get_page(path);
                self.archive_superseded()?;
                let exchange = match fetched {
                    // The refusal names `url` (the client's address for `path`).
                    Err(refused @ FetchError::Refused { .. }) => {
                        crate::progress::tell(format!("appeal-audit: {refused}"));
                        crawled.refused.push(url);
                        return Ok(None);
                    }
                    other => other?,
                };
                crawled.fetched += 1;
                let offset = exchange.archive(&mut self.writer)?;
                // Decoded as `import pages` will decode it: a body it cannot read stops here.
                exchange.page(self.writer.path(), offset)?
            }
        };
        read_served_page(&url, &page.body, page.content_type.as_deref())
            .map(Some)
            .map_err(|e| anyhow!(e.in_archive(&page.file, page.offset)))
    }

    fn archive_superseded(&mut self) -> Result<()> {
        for exchange in self.client.take_superseded() {
            exchange.archive(&mut self.writer)?;
        }
        Ok(())
    }

    fn finish(self) -> Result<PathBuf> {
        self.writer.finish()
    }
}

/// `name` in `dir`, or, when a run of the same second made it already, `name` with `-2`,
/// `-3`... before its extension: an archive is never overwritten.
pub(super) fn new_archive_path(dir: &std::path::Path, name: &str) -> PathBuf {
    let (stem, extension) = name.split_once('.').unwrap_or((name, ""));
    (1..)
        .map(|n| match n {
            1 => dir.join(name),
            n => dir.join(format!("{stem}-{n}.{extension}")),
        })
        .find(|path| !path.exists())
        .unwrap_or_else(|| dir.join(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_total_no_blog_can_have_is_refused_unless_the_pages_are_bounded() {
        let url = "http://x/blogs/1/questions?page=1";
        assert!(check_total(url, 3, Some(765_824), None).is_ok());
        assert!(check_total(url, MOST_PAGES, Some(765_824), None).is_ok());
        let huge = check_total(url, 999_999_999, Some(765_824), None).unwrap_err();
        assert!(
            huge.to_string().contains("999999999 pages (totalPages)"),
            "{huge}"
        );
        assert!(check_total(url, 999_999_999, Some(765_824), Some(5)).is_ok());
        // Numbers up to 40 are 40 appeals at most: not 41 pages.
        assert!(check_total(url, 40, Some(40), None).is_ok());
        let small = check_total(url, 41, Some(40), None)
            .unwrap_err()
            .to_string();
        assert!(small.contains("go up to 40"), "{small}");
        assert!(check_total(url, MOST_PAGES + 1, None, None).is_err());
        assert_eq!(leading_number("749022/2"), Some(749_022));
        assert_eq!(leading_number("x1"), None);
    }

    #[test]
    fn a_page_of_cards_all_read_before_repeats_the_list() {
        let mut repeats = Repeats::default();
        assert!(!repeats.all_seen(["1", "2"].into_iter()));
        assert!(
            !repeats.all_seen(["2", "3"].into_iter()),
            "the list moved by one"
        );
        assert!(repeats.all_seen(["1", "3"].into_iter()));
        assert!(!repeats.all_seen(std::iter::empty()));
    }

    #[test]
    fn which_page_is_the_last() {
        // (cards on the page, its number, totalPages, last)
        let cases = [
            (10, 1, Some(3), false),
            (10, 3, Some(3), true),
            (4, 3, Some(3), true),
            (10, 4, Some(3), true), // past the total: the total wins
            (0, 2, Some(3), true),  // an empty page ends the list whatever the total
            (7, 1, None, true),     // a one-page blog has no pagination script
            (10, 1, None, false),   // a full page without a total: read on
            (0, 5, None, true),
        ];
        for (cards, n, total, last) in cases {
            assert_eq!(
                last_page(cards, n, total),
                last,
                "{cards} cards, page {n} of {total:?}"
            );
        }
    }
}
