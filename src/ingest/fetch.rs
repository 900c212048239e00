//! `fetch BLOG...`: each blog's pages fetched politely and archived (the crawl), then every
//! page of the run imported at once as `import pages` would (all or nothing), and a summary
//! line per blog. A stopped run is resumed by the next.

use std::path::{Path, PathBuf};

use anyhow::Result;

use super::crawl::{CrawlOptions, Crawled, Progress, crawl, readable};
use super::options::PageImportOptions;
use super::pages::{import_pages, pages_under};
use crate::fetch::{Client, ClientOptions, RunLock, Unfinished};
use crate::i18n::tr;
use crate::portal::LayoutError;
use crate::progress::duration_words;
use crate::store::{Access, Store};

/// `fetch`'s settings, validated before any request.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    pub blogs: Vec<String>,
    pub client: ClientOptions,
    pub crawl: CrawlOptions,
    /// Import what was fetched (not `--no-import`).
    pub import: bool,
    /// `--probe`: first contact, nothing imported (`probe::probe_blogs`).
    pub probe: bool,
    /// ISO.
    pub scraped_at: String,
    pub phrases: Option<PathBuf>,
}

/// Fetches every blog, then imports the run into the database at `db`.
pub fn fetch_blogs(progress: &dyn Progress, db: &Path, options: &FetchOptions) -> Result<()> {
    // One run a blog: held until its pages are imported (dropped on any way out).
    let _locks = options
        .blogs
        .iter()
        .map(|blog| RunLock::take(&options.crawl.archive_dir, blog))
        .collect::<Result<Vec<_>>>()?;
    let mut client = Client::start(&options.client)?;
    for blog in &options.blogs {
        readable(&client, blog)?;
    }
    progress.say(&tr(
        "fetch-robots-read",
        &[
            ("site", options.client.base_url.clone().into()),
            (
                "gap",
                crate::i18n::lang()
                    .decimal(client.gap().as_secs_f64())
                    .into(),
            ),
            (
                "ten",
                duration_words(client.gap().saturating_mul(12)).into(),
            ),
        ],
    ));
    progress.gap(client.gap());
    // What is stored decides how far a re-fetch reads; no database yet means a first fetch.
    let store = match db.exists() {
        true => Some(Store::open(db, Access::Read)?),
        false => None,
    };
    let mut crawls = Vec::new();
    for blog in &options.blogs {
        match crawl(&mut client, blog, store.as_ref(), &options.crawl, progress) {
            Ok(crawled) => crawls.push(crawled),
            Err(e) => {
                // The pages would read the same next time: the run is over, not interrupted.
                if e.downcast_ref::<LayoutError>().is_some() {
                    Unfinished::new(&options.crawl.archive_dir, blog).clear()?;
                }
                return Err(e);
            }
        }
    }
    drop(store);
    progress.done();
    for crawled in &crawls {
        progress.say(&summary(crawled));
    }
    if options.import {
        import(progress, db, options, &crawls)?;
    }
    for crawled in &crawls {
        Unfinished::new(&options.crawl.archive_dir, &crawled.blog).clear()?;
    }
    Ok(())
}

/// Every page of the run's archives, imported as `import pages` would: one transaction. A run
/// whose every blog was read in full (a first fetch, or `--full`) to its last page is a
/// snapshot.
fn import(
    progress: &dyn Progress,
    db: &Path,
    options: &FetchOptions,
    crawls: &[Crawled],
) -> Result<()> {
    let snapshot = crawls.iter().all(|c| c.complete && !c.refetch);
    if crawls.iter().any(|c| !c.complete && !c.refetch) {
        progress.say(&tr("fetch-no-snapshot", &[]));
    }
    let mut pages = Vec::new();
    for crawled in crawls {
        pages.push(pages_under(&crawled.archive)?);
    }
    let import = PageImportOptions {
        source: options.crawl.source.clone(),
        addressee: options.crawl.addressee.clone(),
        scraped_at: Some(options.scraped_at.clone()),
        snapshot,
        phrases: options.phrases.clone(),
        // A resumed run goes on in its own archive, so each archive is one run, exactly as
        // `import pages archive/` will group them later.
        single_run: false,
    };
    import_pages(progress, db, pages.into_iter().flatten(), &import)?;
    Ok(())
}

fn summary(crawled: &Crawled) -> String {
    let questions = match crawled.questions_total {
        Some(total) => tr(
            "fetch-questions-of",
            &[
                ("n", crawled.questions_read.into()),
                ("total", total.into()),
            ],
        ),
        None => tr("fetch-questions", &[("n", crawled.questions_read.into())]),
    };
    let owner = match &crawled.owner {
        Some(owner) => owner.clone(),
        None => tr("fetch-owner-not-named", &[]),
    };
    let mut line = tr(
        "fetch-summary",
        &[
            ("blog", crawled.blog.clone().into()),
            // The page's words: escaped, since a page may hold terminal control sequences.
            ("owner", crate::visible::visible(&owner).into_owned().into()),
            ("questions", questions.into()),
            ("posts", crawled.posts_read.into()),
            ("appeals", crawled.appeals.into()),
            ("requested", crawled.fetched.into()),
            ("resumed", crawled.resumed.into()),
            ("archive", crawled.archive.display().to_string().into()),
        ],
    );
    if let Some(why) = &crawled.stopped {
        line.push_str(&tr("fetch-summary-stopped", &[("why", why.clone().into())]));
    }
    if !crawled.refused.is_empty() {
        line.push_str(&tr(
            "fetch-summary-disallowed",
            &[("n", crawled.refused.len().into())],
        ));
    }
    line
}
