//! gov.kz (govkz.md): state bodies' news and who is who, read from the platform's public API
//! as politely as the portal (one client, robots.txt, the delay, retries), every answer
//! archived as WARC with the request that asked for it, then imported from the archive as
//! `import pages` imports it: posts for news, directory entries for bodies and officials.
//!
//! A refusal (a challenge, 401, 403, a block page) is never read as "no news": it ends that
//! source for that body, the next open source is tried, and a body no source answers is named
//! and left out of the import, its attempt kept so that `report silence` shows it as not read.

mod directory;
mod news;
mod probe;
mod session;

use std::path::PathBuf;

pub use directory::fetch_directory;
pub use news::fetch_news;
pub use probe::probe_news;

use crate::fetch::ClientOptions;

/// What every gov.kz run shares, validated before any request.
#[derive(Debug, Clone)]
pub struct GovkzOptions {
    pub client: ClientOptions,
    pub archive_dir: PathBuf,
    /// ISO: when the scrape was made.
    pub scraped_at: String,
    /// The same, as the reads log keeps it: an ISO date-time with an offset.
    pub attempted_at: String,
    /// At most this many pages of a body's news (or officials) per source.
    pub max_pages: Option<u32>,
    /// Import what was fetched (not `--no-import`).
    pub import: bool,
}

/// `fetch news BODY... [--under SLUG]`.
#[derive(Debug, Clone)]
pub struct NewsOptions {
    /// Slugs, gov.kz addresses or names, resolved from the list of bodies.
    pub bodies: Vec<String>,
    /// Also every body under these (by parent, any depth).
    pub under: Vec<String>,
    pub common: GovkzOptions,
}

/// `fetch directory SLUG...`.
#[derive(Debug, Clone)]
pub struct DirectoryOptions {
    pub slugs: Vec<String>,
    pub common: GovkzOptions,
}

pub use crate::ingest::govkz_answers::GOVKZ_SOURCE as SOURCE;

/// The run lock's and archives' name for gov.kz runs: one run at a time per archive folder.
const RUN_NAME: &str = "govkz";

/// `https://www.gov.kz: 12 bodies to read at 1.0 s a request: about 12 s`: the line before a
/// run's requests, `key` saying what is read of each body.
fn estimate(key: &str, base_url: &str, bodies: usize, gap: std::time::Duration) -> String {
    let requests = u32::try_from(bodies).unwrap_or(u32::MAX);
    crate::i18n::tr(
        key,
        &[
            ("site", base_url.to_string().into()),
            ("n", bodies.into()),
            ("gap", crate::i18n::lang().decimal(gap.as_secs_f64()).into()),
            (
                "time",
                crate::progress::duration_words(gap.saturating_mul(requests)).into(),
            ),
        ],
    )
}

/// A run's archive imported as `import pages` imports it (one transaction with the checks of
/// any import); the read attempts it holds are returned for the caller to record.
fn import_answers(
    reporter: &dyn crate::progress::Reporter,
    db: &std::path::Path,
    pages: impl IntoIterator<Item = anyhow::Result<crate::archive::ArchivedPage>>,
    scraped_at: &str,
) -> anyhow::Result<Vec<crate::store::SourceRead>> {
    let options = crate::ingest::options::PageImportOptions {
        source: SOURCE.to_string(),
        scraped_at: Some(scraped_at.to_string()),
        ..Default::default()
    };
    Ok(crate::ingest::pages::import_pages(reporter, db, pages, &options)?.reads)
}
