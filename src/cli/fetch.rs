//! `fetch`'s flags: their definitions and help, and their validation into the engine's
//! `FetchOptions` before any request (a blog that is no blog, a bad address, delay or date is
//! wrong usage, exit 2).

use std::path::PathBuf;

use chrono::{NaiveDate, Utc};
use clap::Args;

use super::govkz::{GovkzCommand, scraped_at, seconds};
use crate::fetch::{ClientOptions, blog_of};
use crate::i18n::Lang;
use crate::i18n::tr;
use crate::ingest::{CrawlOptions, FetchOptions};
use crate::usage::UsageError;

/// `fetch`: blogs of the portal, or `fetch news`/`fetch directory` of gov.kz.
#[derive(Debug, Args, Clone)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct FetchCommand {
    #[command(subcommand)]
    pub govkz: Option<GovkzCommand>,
    /// Blog ids or addresses.
    #[arg(required = true, value_name = "BLOG")]
    pub blogs: Vec<String>,
    #[command(flatten)]
    pub args: FetchArgs,
}

/// `fetch`'s options.
#[derive(Debug, Args, Clone)]
pub struct FetchArgs {
    /// The folder the WARC archives go to (one file per blog and run).
    #[arg(long, default_value = "archive", value_name = "DIR")]
    pub archive: PathBuf,
    /// The portal's address: the real one, a mirror, or a local test server.
    #[arg(long, default_value = "https://dialog.egov.kz", value_name = "URL")]
    pub base_url: String,
    /// Seconds between two requests; never below robots.txt's Crawl-delay (1 s if it has none).
    #[arg(long, value_name = "SECS")]
    pub delay: Option<f64>,
    /// Read at most N questions pages (and N posts pages) per blog.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub max_pages: Option<u32>,
    /// Read every page even of a blog fetched before, as a snapshot: appeals gone are marked vanished.
    #[arg(long)]
    pub full: bool,
    /// Leave out the blog's own posts pages.
    #[arg(long)]
    pub no_posts: bool,
    /// The blog owner's name, instead of what the blog's pages say.
    #[arg(long, value_name = "NAME")]
    pub addressee: Option<String>,
    /// Appeals submitted more than N months before the fetch are settled whatever their state.
    #[arg(long, default_value_t = 6, value_name = "N")]
    pub recheck_months: u32,
    /// Archive the pages only; import them later with `import pages`.
    #[arg(long)]
    pub no_import: bool,
    /// The source name the records are stored under.
    #[arg(long, default_value = "default", value_name = "NAME")]
    pub source: String,
    /// When the scrape was made (default: the fetch's start).
    #[arg(long, value_name = "DATE")]
    pub scraped_at: Option<String>,
    /// Add classification phrases from FILE (lines like 'forward: передано в'); kept in the database.
    #[arg(long, value_name = "FILE")]
    pub phrases: Option<PathBuf>,
    /// First contact: read robots.txt, the welcome page and the first questions and posts
    /// pages, print what was recognised and what was not placed, import nothing; exit 1 when
    /// anything was not placed.
    #[arg(long, conflicts_with_all = ["full", "no_posts", "no_import", "max_pages", "scraped_at", "phrases", "recheck_months"])]
    pub probe: bool,
    /// The first wait, in seconds, before retrying after a 5xx or a network error (doubles each try).
    #[arg(long, default_value_t = 1.0, value_name = "SECS", hide = true)]
    pub retry_backoff: f64,
}

impl FetchCommand {
    /// Wrong usage (a blog that is no blog, a bad address, delay or date) is a `UsageError`:
    /// exit 2, before any request.
    pub fn options(&self, lang: Option<Lang>) -> Result<FetchOptions, UsageError> {
        let args = &self.args;
        let base_url = args.base_url.trim().trim_end_matches('/').to_string();
        if !(base_url.starts_with("https://") || base_url.starts_with("http://")) {
            return Err(UsageError::new(tr(
                "usage-base-url-portal",
                &[("url", format!("{base_url:?}").into())],
            )));
        }
        let mut blogs = self
            .blogs
            .iter()
            .map(|b| blog_of(b, &base_url).map_err(UsageError::new))
            .collect::<Result<Vec<_>, _>>()?;
        // `0555` and `555` are one blog: read once.
        let mut seen = std::collections::HashSet::new();
        blogs.retain(|b| seen.insert(b.clone()));
        let delay = args.delay.map(|d| seconds("--delay", d)).transpose()?;
        let backoff = seconds("--retry-backoff", args.retry_backoff)?;
        let started = Utc::now();
        let scraped_at = match &args.scraped_at {
            Some(raw) => scraped_at(raw)?,
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
            probe: args.probe,
            scraped_at,
            phrases: args.phrases.clone(),
        })
    }
}
