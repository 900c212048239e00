//! `fetch news --probe BODY...`: first contact (govkz.md). Each source asked once for each
//! body, every answer archived, nothing imported, and per source what came back: the status,
//! the content type, whether it was read, how many items, the newest and oldest dates, and
//! the fields expected and not found.

use std::fmt;
use std::path::PathBuf;

use anyhow::{Result, anyhow};

use super::NewsOptions;
use super::session::{Session, answer_of};
use crate::govkz::{self, NotRead, Source};
use crate::ingest::pages::PROBE_PREFIX;
use crate::visible::visible;

/// One source's first page for one body.
#[derive(Debug, Clone)]
pub struct SourceProbe {
    pub slug: String,
    pub source: Source,
    pub url: String,
    pub status: u16,
    pub content_type: Option<String>,
    /// What was read, else why not.
    pub read: Result<ProbeRead, String>,
    pub offset: u64,
}

/// A source's first page, read.
#[derive(Debug, Clone)]
pub struct ProbeRead {
    pub items: usize,
    pub newest: Option<chrono::NaiveDate>,
    pub oldest: Option<chrono::NaiveDate>,
    /// Fields expected and not found.
    pub missing: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct NewsProbe {
    /// robots.txt and the list of bodies: how they went.
    pub lines: Vec<String>,
    pub sources: Vec<SourceProbe>,
    pub archive: Option<PathBuf>,
}

impl NewsProbe {
    /// At least one source was read whole: exit 0.
    pub fn any_read(&self) -> bool {
        self.sources.iter().any(|s| s.read.is_ok())
    }
}

pub fn probe_news(options: &NewsOptions) -> Result<NewsProbe> {
    let mut session = Session::start(&options.common, PROBE_PREFIX, "news")?;
    let mut report = NewsProbe::default();
    report.lines.push(format!(
        "{}: read; {:.1} s between requests (its Crawl-delay, else 1 s, or --delay)",
        session.client.url("/robots.txt"),
        session.client.gap().as_secs_f64()
    ));
    let bodies = session.bodies("ru");
    let mut slugs = Vec::new();
    match &bodies {
        Ok(list) => {
            report
                .lines
                .push(format!("the list of bodies: read, {} bodies", list.len()));
            for name in options.bodies.iter().chain(&options.under) {
                slugs.push(govkz::resolve(name, &[list]).map_err(|why| anyhow!("{why}"))?);
            }
        }
        Err(e) => {
            // A probe goes on with what it was given as slugs: the sources may still answer.
            report
                .lines
                .push(format!("the list of bodies: NOT READ: {e}"));
            slugs.extend(options.bodies.iter().chain(&options.under).cloned());
        }
    }
    for slug in &slugs {
        for source in Source::ORDER {
            let answered = session.ask(&govkz::news_request(source, slug, 1), &[])?;
            let page = &answered.page;
            let read = match govkz::read_news(source, slug, &answer_of(page)) {
                Ok(news) => Ok(ProbeRead {
                    items: news.items.len(),
                    newest: news.items.iter().map(|i| i.date).max(),
                    oldest: news.items.iter().map(|i| i.date).min(),
                    missing: news.missing,
                }),
                Err(NotRead::Refused { why }) => Err(format!("refused: {why}")),
                Err(NotRead::Unexpected { why }) => Err(format!("not placed: {why}")),
            };
            report.sources.push(SourceProbe {
                slug: slug.clone(),
                source,
                url: page.url.clone(),
                status: page.status,
                content_type: page.content_type.clone(),
                read,
                offset: page.offset,
            });
        }
    }
    report.archive = Some(session.finish()?);
    Ok(report)
}

impl fmt::Display for NewsProbe {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for line in &self.lines {
            writeln!(f, "{}", visible(line))?;
        }
        for probe in &self.sources {
            writeln!(
                f,
                "{} {}: {} → HTTP {}, {} (archive offset {})",
                probe.slug,
                probe.source.as_str(),
                visible(&probe.url),
                probe.status,
                visible(probe.content_type.as_deref().unwrap_or("no content type")),
                probe.offset
            )?;
            match &probe.read {
                Ok(ProbeRead {
                    items,
                    newest,
                    oldest,
                    missing,
                }) => {
                    let dates = match (newest, oldest) {
                        (Some(newest), Some(oldest)) => {
                            format!(", newest {newest}, oldest {oldest}")
                        }
                        _ => String::new(),
                    };
                    writeln!(f, "  read: {items} items{dates}")?;
                    if !missing.is_empty() {
                        writeln!(f, "  fields expected and not found: {}", missing.join(", "))?;
                    }
                }
                Err(why) => writeln!(f, "  {}", visible(why))?,
            }
        }
        if let Some(archive) = &self.archive {
            writeln!(f, "archive: {} (nothing was imported)", archive.display())?;
        }
        let verdict = match self.any_read() {
            true => "at least one source was read whole: `fetch news` can read this body",
            false => {
                "no source was read: `fetch news` would import nothing of it; run it later or from \
                 another network, or import a posts CSV"
            }
        };
        writeln!(f, "{verdict}")
    }
}
