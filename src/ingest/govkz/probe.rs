//! `fetch news --probe BODY...`: first contact (govkz.md). Each source asked once for each
//! body, every answer archived, nothing imported, and per source what came back: the status,
//! the content type, whether it was read, how many items, the newest and oldest dates, and
//! the fields expected and not found.

use std::fmt;
use std::path::PathBuf;

use anyhow::{Result, anyhow};

use super::NewsOptions;
use super::session::Session;
use crate::govkz::{self, NotRead, Source};
use crate::i18n::tr;
use crate::ingest::govkz_answers::answer_of;
use crate::ingest::pages::PROBE_PREFIX;
use crate::ingest::probe::robots_read;
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
    report.lines.push(robots_read(&session.client));
    let bodies = session.bodies("ru");
    let mut slugs = Vec::new();
    match &bodies {
        Ok(list) => {
            report
                .lines
                .push(tr("govkz-probe-bodies-read", &[("n", list.len().into())]));
            for name in options.bodies.iter().chain(&options.under) {
                slugs.push(govkz::resolve(name, &[list]).map_err(|why| anyhow!("{why}"))?);
            }
        }
        Err(e) => {
            // A probe goes on with what it was given as slugs: the sources may still answer.
            report.lines.push(tr(
                "govkz-probe-bodies-not-read",
                &[("why", e.to_string().into())],
            ));
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
                Err(NotRead::Refused { why }) => {
                    Err(tr("govkz-probe-refused", &[("why", why.into())]))
                }
                Err(NotRead::Unexpected { why }) => {
                    Err(tr("govkz-probe-not-placed", &[("why", why.into())]))
                }
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
            let content_type = match &probe.content_type {
                Some(content_type) => visible(content_type).into_owned(),
                None => tr("govkz-probe-no-content-type", &[]),
            };
            writeln!(
                f,
                "{}",
                tr(
                    "govkz-probe-source",
                    &[
                        ("slug", probe.slug.clone().into()),
                        ("source", probe.source.as_str().into()),
                        ("url", visible(&probe.url).into_owned().into()),
                        ("status", probe.status.into()),
                        ("type", content_type.into()),
                        ("offset", probe.offset.into()),
                    ]
                )
            )?;
            match &probe.read {
                Ok(ProbeRead {
                    items,
                    newest,
                    oldest,
                    missing,
                }) => {
                    let dates = match (newest, oldest) {
                        (Some(newest), Some(oldest)) => tr(
                            "govkz-probe-dates",
                            &[
                                ("newest", newest.to_string().into()),
                                ("oldest", oldest.to_string().into()),
                            ],
                        ),
                        _ => String::new(),
                    };
                    let read = tr(
                        "govkz-probe-read",
                        &[("n", (*items).into()), ("dates", dates.into())],
                    );
                    writeln!(f, "  {read}")?;
                    if !missing.is_empty() {
                        let missing = tr(
                            "govkz-probe-missing",
                            &[("fields", missing.join(", ").into())],
                        );
                        writeln!(f, "  {missing}")?;
                    }
                }
                Err(why) => writeln!(f, "  {}", visible(why))?,
            }
        }
        if let Some(archive) = &self.archive {
            let archive = tr(
                "govkz-probe-archive",
                &[("archive", archive.display().to_string().into())],
            );
            writeln!(f, "{archive}")?;
        }
        let verdict = match self.any_read() {
            true => tr("govkz-probe-can-read", &[]),
            false => tr("govkz-probe-cannot-read", &[]),
        };
        writeln!(f, "{verdict}")
    }
}
