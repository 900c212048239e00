//! `fetch news` and `fetch directory`'s flags (gov.kz, govkz.md): their help, and their
//! validation into the engine's options before any request (exit 2 on wrong usage).

use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Subcommand};

use crate::fetch::ClientOptions;
use crate::govkz::DEFAULT_BASE_URL;
use crate::i18n::tr;
use crate::ingest::{DirectoryOptions, GovkzOptions, NewsOptions, attempt_time};
use crate::records::dates::read_date;
use crate::usage::UsageError;

/// `fetch news` and `fetch directory`.
#[derive(Debug, Subcommand, Clone)]
pub enum GovkzCommand {
    /// State bodies' news on www.gov.kz, imported as posts (department: the body's Russian name)
    ///
    /// BODY is a project slug (zhetysu-comdev), a gov.kz address, or a body's name in Russian,
    /// Kazakh or English, resolved from gov.kz's list of bodies (never guessed). Sources are
    /// asked in the order RSS, GraphQL, JSON; a refusal (a browser challenge, 401, 403, a block
    /// page) ends that source for that body, is archived, and is never read as "no news". A body
    /// no source answers is named, nothing of it is imported, and the run exits 1 after
    /// importing the bodies read; `report silence` shows it as not_read.
    ///
    /// Examples:
    ///   appeal-audit fetch news --under zhetysu-oblysy
    ///   appeal-audit fetch news zhetysu-comdev "Управление цифровизации области Жетісу"
    ///   appeal-audit fetch news --probe zhetysu-comdev
    #[command(verbatim_doc_comment)]
    News(NewsCommand),
    /// Bodies on www.gov.kz and their officials, imported as directory records
    ///
    /// SLUG and every body under it: names in Russian (the entry's name), Kazakh and English
    /// (aliases), parent and head, and each body's officials (full name, position). Then
    /// answerers such as "Управление общественного развития области Жетысу" or "Керимбек Б."
    /// match the body or the person.
    ///
    /// Example:
    ///   appeal-audit fetch directory zhetysu-oblysy
    #[command(verbatim_doc_comment)]
    Directory(DirectoryCommand),
}

#[derive(Debug, Args, Clone)]
pub struct NewsCommand {
    /// Bodies: slugs, gov.kz addresses or names.
    #[arg(value_name = "BODY", required_unless_present = "under")]
    pub bodies: Vec<String>,
    /// Also every body whose parent is SLUG, at any depth (a region's departments and districts).
    #[arg(long, value_name = "SLUG")]
    pub under: Vec<String>,
    /// First contact: ask each source once per body, archive the answers, import nothing, and
    /// print per source the status, content type, whether it was read, items, newest and oldest
    /// dates and fields missing; exit 0 when at least one source was read whole.
    #[arg(long, conflicts_with_all = ["no_import", "max_pages", "scraped_at"])]
    pub probe: bool,
    #[command(flatten)]
    pub args: GovkzArgs,
}

#[derive(Debug, Args, Clone)]
pub struct DirectoryCommand {
    /// Bodies whose subtree to read: slugs, gov.kz addresses or names.
    #[arg(required = true, value_name = "SLUG")]
    pub slugs: Vec<String>,
    #[command(flatten)]
    pub args: GovkzArgs,
}

/// What both share.
#[derive(Debug, Args, Clone)]
pub struct GovkzArgs {
    /// The folder the WARC archives go to (one file per run).
    #[arg(long, default_value = "archive", value_name = "DIR")]
    pub archive: PathBuf,
    /// gov.kz's address: the real one, or a local stand-in.
    #[arg(long, default_value = DEFAULT_BASE_URL, value_name = "URL")]
    pub base_url: String,
    /// Seconds between two requests; never below robots.txt's Crawl-delay (1 s if it has none).
    #[arg(long, value_name = "SECS")]
    pub delay: Option<f64>,
    /// Read at most N pages of a body's news (or officials) per source.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub max_pages: Option<u32>,
    /// Archive the answers only; import them later with `import pages`.
    #[arg(long)]
    pub no_import: bool,
    /// When the scrape was made (default: the fetch's start).
    #[arg(long, value_name = "DATE")]
    pub scraped_at: Option<String>,
    /// The first wait, in seconds, before retrying after a 5xx or a network error.
    #[arg(long, default_value_t = 1.0, value_name = "SECS", hide = true)]
    pub retry_backoff: f64,
}

/// `--delay` and `--retry-backoff` (of `fetch BLOG` too): seconds from 0 to an hour.
pub fn seconds(flag: &str, value: f64) -> Result<Duration, UsageError> {
    match value.is_finite() && (0.0..=3600.0).contains(&value) {
        true => Ok(Duration::from_secs_f64(value)),
        false => Err(UsageError::new(tr(
            "usage-seconds",
            &[("flag", flag.into()), ("value", value.to_string().into())],
        ))),
    }
}

/// `--scraped-at` (of `fetch BLOG` too) as the record contract reads a date, stored as ISO.
pub fn scraped_at(raw: &str) -> Result<String, UsageError> {
    read_date(raw)
        .map(|d| d.to_iso())
        .map_err(|e| crate::cli::filters::bad_date("--scraped-at", raw, &e))
}

impl GovkzArgs {
    fn options(&self) -> Result<GovkzOptions, UsageError> {
        let base_url = self.base_url.trim().trim_end_matches('/').to_string();
        if !(base_url.starts_with("https://") || base_url.starts_with("http://")) {
            return Err(UsageError::new(tr(
                "usage-base-url-govkz",
                &[
                    ("url", format!("{base_url:?}").into()),
                    ("default", DEFAULT_BASE_URL.into()),
                ],
            )));
        }
        let (scraped_at, attempted_at) = match &self.scraped_at {
            Some(raw) => {
                let iso = scraped_at(raw)?;
                let attempted = attempt_time(Some(&iso), "");
                (iso, attempted)
            }
            None => (
                crate::store::now_stamp(),
                chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            ),
        };
        Ok(GovkzOptions {
            client: ClientOptions {
                base_url,
                delay: self.delay.map(|d| seconds("--delay", d)).transpose()?,
                backoff: seconds("--retry-backoff", self.retry_backoff)?,
            },
            archive_dir: self.archive.clone(),
            scraped_at,
            attempted_at,
            max_pages: self.max_pages,
            import: !self.no_import,
        })
    }
}

impl NewsCommand {
    pub fn options(&self) -> Result<NewsOptions, UsageError> {
        Ok(NewsOptions {
            bodies: trimmed(&self.bodies)?,
            under: trimmed(&self.under)?,
            common: self.args.options()?,
        })
    }
}

impl DirectoryCommand {
    pub fn options(&self) -> Result<DirectoryOptions, UsageError> {
        Ok(DirectoryOptions {
            slugs: trimmed(&self.slugs)?,
            common: self.args.options()?,
        })
    }
}

fn trimmed(names: &[String]) -> Result<Vec<String>, UsageError> {
    names
        .iter()
        .map(|n| match n.trim() {
            "" => Err(UsageError::new(tr("usage-empty-body", &[]))),
            n => Ok(n.to_string()),
        })
        .collect()
}
