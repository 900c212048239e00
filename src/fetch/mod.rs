//! Fetching the portal over HTTP, politely: robots.txt, a delay between requests, retries with
//! Retry-After and backoff, and every exchange kept as bytes for the archive, and the list of a
//! blog's unfinished runs. It knows nothing of the portal's markup or of the database: the
//! crawl that reads the portal's pages through it is in `ingest/`.

mod blogs;
mod client;
mod resume;
mod retry;
mod robots;

pub use blogs::blog_of;
pub use client::{Client, ClientOptions, FetchError, Request};
pub use resume::{RunLock, Unfinished, make_archive_dir};
