//! Fetching the portal over HTTP, politely: robots.txt, a delay between requests, retries with
//! Retry-After and backoff, and every exchange kept as bytes for the archive. It knows nothing
//! of the portal's markup or of the database.

mod blogs;
mod client;
mod crawl;
mod refetch;
mod resume;
mod retry;
mod robots;

pub use blogs::blog_of;
pub use client::{Client, ClientOptions};
pub use crawl::{CrawlOptions, Crawled, Progress, crawl, readable};
pub use resume::{RunLock, Unfinished};
