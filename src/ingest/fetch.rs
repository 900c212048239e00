//! `fetch BLOG...`: each blog's pages fetched politely and archived (the crawl), then every
//! page of the run imported at once as `import pages` would (all or nothing), and a summary
//! line per blog. A stopped run is resumed by the next.

use std::path::{Path, PathBuf};

use anyhow::Result;

use super::crawl::{CrawlOptions, Crawled, Progress, crawl, readable};
use super::options::PageImportOptions;
use super::pages::{import_pages, pages_under};
use crate::fetch::{Client, ClientOptions, RunLock, Unfinished};
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
    progress.say(&format_args!(
        "{}: robots.txt read; {:.1} s between requests, so about {} a blog of 10 pages",
        options.client.base_url,
        client.gap().as_secs_f64(),
        duration_words(client.gap().saturating_mul(12))
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
        progress.say(&"not every questions page was read: this fetch is no snapshot, nothing is marked vanished");
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
    let of = crawled
        .questions_total
        .map(|t| format!(" of {t}"))
        .unwrap_or_default();
    let mut line = format!(
        "{} ({}): {}{of} questions pages, {} posts pages, {} appeals read; {} pages requested, \
         {} taken from the unfinished run; archive {}",
        crawled.blog,
        // The page's words: escaped, since a page may hold terminal control sequences.
        crate::visible::visible(crawled.owner.as_deref().unwrap_or("owner not named")),
        crawled.questions_read,
        crawled.posts_read,
        crawled.appeals,
        crawled.fetched,
        crawled.resumed,
        crawled.archive.display()
    );
    if let Some(why) = &crawled.stopped {
        line.push_str(&format!("; stopped: {why}"));
    }
    if !crawled.refused.is_empty() {
        line.push_str(&format!(
            "; {} pages disallowed by robots.txt, not requested",
            crawled.refused.len()
        ));
    }
    line
}
