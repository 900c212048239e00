//! The import's settings as plain values: the command line (or `fetch`) fills them in after
//! validating its flags; the engine reads them and never sees a flag.

use std::path::PathBuf;

use crate::records::reader::ReadOptions;

/// The import's settings, validated.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    pub read: ReadOptions,
    pub maps: Vec<(String, String)>,
    pub source: String,
    pub date_format: Option<String>,
    pub skip_invalid: bool,
    pub rejects: Option<PathBuf>,
    /// ISO; None: each record's scraped_at, else the import's start.
    pub scraped_at: Option<String>,
    pub snapshot: bool,
    pub phrases: Option<PathBuf>,
}

/// `import pages`: `import`'s options that apply to pages, and the blog's owner.
#[derive(Debug, Clone, Default)]
pub struct PageImportOptions {
    /// The source name of every record (`--source`, default `default`).
    pub source: String,
    /// The blog's owner, instead of what its welcome page says (`--addressee`).
    pub addressee: Option<String>,
    /// ISO; None: each page's `WARC-Date` (a saved page's modification time).
    pub scraped_at: Option<String>,
    /// Each run's pages are the complete list of its blog's appeals (a full fetch).
    pub snapshot: bool,
    pub phrases: Option<PathBuf>,
    /// Every page given is of one run of its blog, whatever archives hold them (`fetch`
    /// resuming a killed run in a new archive). Otherwise each archive is a run of its own
    /// (weeks of archives imported at once keep their history), and saved pages are one run.
    pub single_run: bool,
}
