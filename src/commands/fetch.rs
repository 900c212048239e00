//! `fetch BLOG...`: each blog's pages fetched politely and archived (fetch/), then every page
//! of the run imported at once through `import pages` (all or nothing), and a summary line per
//! blog on stderr.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Result;
use chrono::{NaiveDate, Utc};

use super::pages::{PageImportOptions, import_pages, pages_under};
use super::{Finish, Global, UsageError};
use crate::cli::FetchArgs;
use crate::fetch::{
    Client, ClientOptions, CrawlOptions, Crawled, Progress, RunLock, Unfinished, blog_of, crawl,
    readable,
};
use crate::i18n::Lang;
use crate::portal::LayoutError;
use crate::records::dates::parse_date;
use crate::store::{Access, Store};

/// `fetch`'s settings, validated before any request.
struct FetchOptions {
    blogs: Vec<String>,
    client: ClientOptions,
    crawl: CrawlOptions,
    import: bool,
    /// ISO.
    scraped_at: String,
    phrases: Option<PathBuf>,
}

impl FetchOptions {
    /// Wrong usage (a blog that is no blog, a bad address, delay or date) is a `UsageError`:
    /// exit 2, before any request.
    fn from_args(
        blogs: &[String],
        args: &FetchArgs,
        lang: Option<Lang>,
    ) -> Result<FetchOptions, UsageError> {
        let base_url = args.base_url.trim().trim_end_matches('/').to_string();
        if !(base_url.starts_with("https://") || base_url.starts_with("http://")) {
            return Err(UsageError::new(format!(
                "--base-url {base_url:?}: give the portal's address with http:// or https://, e.g. https://dialog.egov.kz"
            )));
        }
        let mut blogs = blogs
            .iter()
            .map(|b| blog_of(b, &base_url).map_err(UsageError::new))
            .collect::<Result<Vec<_>, _>>()?;
        // `0555` and `555` are one blog: read once.
        let mut seen = std::collections::HashSet::new();
        blogs.retain(|b| seen.insert(b.clone()));
        let seconds =
            |flag: &str, value: f64| match value.is_finite() && (0.0..=3600.0).contains(&value) {
                true => Ok(Duration::from_secs_f64(value)),
                false => Err(UsageError::new(format!(
                    "{flag} {value}: give a number of seconds from 0 to 3600"
                ))),
            };
        let delay = args.delay.map(|d| seconds("--delay", d)).transpose()?;
        let backoff = seconds("--retry-backoff", args.retry_backoff)?;
        let started = Utc::now();
        let scraped_at = match &args.scraped_at {
            Some(raw) => parse_date(raw)
                .map_err(|e| UsageError::new(format!("--scraped-at {raw:?}: {e}")))?
                .to_iso(),
            None => crate::store::now_stamp(),
        };
        let fetch_date = NaiveDate::parse_from_str(&scraped_at[..10], "%Y-%m-%d")
            .map_err(|e| UsageError::new(format!("--scraped-at {scraped_at:?}: {e}")))?;
        Ok(FetchOptions {
            blogs,
            client: ClientOptions {
                base_url,
                delay,
                backoff,
            },
            crawl: CrawlOptions {
                archive_dir: args.archive.clone(),
                started,
                fetch_date,
                max_pages: args.max_pages,
                full: args.full,
                posts: !args.no_posts,
                // The portal's own language is Russian's code or Kazakh's; English is its default.
                lang: lang
                    .filter(|l| *l != Lang::En)
                    .map(|l| l.code().to_string()),
                recheck_months: args.recheck_months,
                addressee: args.addressee.as_ref().map(|a| a.trim().to_string()),
                source: args.source.trim().to_string(),
            },
            import: !args.no_import,
            scraped_at,
            phrases: args.phrases.clone(),
        })
    }
}

/// `lang`: the global `--lang` as given on the command line; ru and kk are asked of the portal.
pub fn run(
    global: &Global,
    blogs: &[String],
    args: &FetchArgs,
    lang: Option<Lang>,
) -> Result<Finish> {
    let options = FetchOptions::from_args(blogs, args, lang)?;
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
    global.say(format!(
        "{}: robots.txt read; {:.1} s between requests, so about {} a blog of 10 pages",
        options.client.base_url,
        client.gap().as_secs_f64(),
        duration(client.gap().saturating_mul(12))
    ));
    // What is stored decides how far a re-fetch reads; no database yet means a first fetch.
    let store = match global.db.exists() {
        true => Some(Store::open(&global.db, Access::Read)?),
        false => None,
    };
    let bar = Bar::new(global, client.gap());
    let mut crawls = Vec::new();
    for blog in &options.blogs {
        match crawl(&mut client, blog, store.as_ref(), &options.crawl, &bar) {
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
    bar.done();
    for crawled in &crawls {
        global.say(summary(crawled));
    }
    if options.import {
        import(global, &options, &crawls)?;
    }
    for crawled in &crawls {
        Unfinished::new(&options.crawl.archive_dir, &crawled.blog).clear()?;
    }
    Ok(Finish::Done)
}

/// Every page of the run's archives, imported as `import pages` would: one transaction. A run
/// whose every blog was read in full (a first fetch, or `--full`) to its last page is a
/// snapshot.
fn import(global: &Global, options: &FetchOptions, crawls: &[Crawled]) -> Result<()> {
    let snapshot = crawls.iter().all(|c| c.complete && !c.refetch);
    if crawls.iter().any(|c| !c.complete && !c.refetch) {
        global.say("not every questions page was read: this fetch is no snapshot, nothing is marked vanished");
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
    import_pages(global, pages.into_iter().flatten(), &import)?;
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
        crate::output::visible(crawled.owner.as_deref().unwrap_or("owner not named")),
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

/// The progress bar: on a terminal only, pages done of the total, appeals read, and the time
/// the pages left take at the delay in force.
struct Bar {
    bar: indicatif::ProgressBar,
    gap: Duration,
    quiet: bool,
}

impl Bar {
    fn new(global: &Global, gap: Duration) -> Bar {
        let bar = match global.quiet || !std::io::stderr().is_terminal() {
            true => indicatif::ProgressBar::hidden(),
            false => indicatif::ProgressBar::new(0),
        };
        bar.set_style(
            indicatif::ProgressStyle::with_template("{prefix} [{bar:30}] {pos}/{len} pages, {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        Bar {
            bar,
            gap,
            quiet: global.quiet,
        }
    }

    fn done(&self) {
        self.bar.finish_and_clear();
    }
}

impl Progress for Bar {
    fn pages(&self, blog: &str, done: u32, total: Option<u32>, appeals: usize) {
        let total = total.unwrap_or(done).max(done);
        let left = self.gap * (total - done);
        self.bar.set_prefix(blog.to_string());
        self.bar.set_length(u64::from(total));
        self.bar.set_position(u64::from(done));
        self.bar.set_message(format!(
            "{appeals} appeals read, about {} s left",
            left.as_secs()
        ));
    }

    fn estimate(&self, blog: &str, to_read: u32, total: u32) {
        if !self.quiet {
            self.bar.suspend(|| {
                super::tell(format!(
                    "{blog}: up to {to_read} questions pages to read (totalPages {total}) at \
                     {:.1} s a page: about {}",
                    self.gap.as_secs_f64(),
                    duration(self.gap.saturating_mul(to_read))
                ))
            });
        }
    }
}

/// A wait as people say it: seconds, minutes, or hours and minutes.
fn duration(wait: Duration) -> String {
    match wait.as_secs() {
        s if s < 120 => format!("{s} s"),
        s if s < 7200 => format!("{} min", s.div_ceil(60)),
        s => format!("{} h {} min", s / 3600, (s % 3600) / 60),
    }
}
