//! The engine: everything that brings records in. Files of records (`import`, `audit`), the
//! portal's pages from archives (`import pages`) and from the network (`fetch`: the crawl over
//! `fetch/`'s polite client), and gov.kz's answers (`govkz/`) all end in one import pipeline
//! and one transaction. It takes plain options and a `Reporter`, and knows nothing of the
//! command line.

mod crawl;
mod discover;
mod fetch;
mod file;
mod govkz;
mod govkz_answers;
mod import;
mod knowledge;
mod options;
mod pages;
mod probe;
mod refetch;
mod refusal;

pub use crawl::{CrawlOptions, Progress};
pub use discover::data_jobs;
pub use fetch::{FetchOptions, fetch_blogs};
pub use govkz::{
    DirectoryOptions, GovkzOptions, NewsOptions, fetch_directory, fetch_news, probe_news,
};
pub use govkz_answers::attempt_time;
pub use import::{import, import_files};
pub use knowledge::{knowledge, stored_knowledge};
pub use options::{ImportOptions, PageImportOptions};
pub use pages::import_page_paths;
pub use probe::{ProbeReport, probe_blogs, probe_paths};
