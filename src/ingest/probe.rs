//! First contact (`fetch --probe`, `import pages --probe`): a few pages read exactly as an
//! import reads them, nothing stored, and an account per page of what the reader recognised
//! and what it could not place, so that a reporter can tell at once whether the live portal
//! still looks as docs/portal.md says, and which archive to send when it does not.

use std::fmt;
use std::path::PathBuf;

use anyhow::Result;
use chrono::Utc;

use super::crawl::new_archive_path;
use super::fetch::FetchOptions;
use super::govkz_answers::answer_of;
use super::pages::{PROBE_PREFIX, no_pages_in, pages_under};
use crate::archive::{ArchivedPage, WarcWriter, archive_file_name};
use crate::fetch::{Client, FetchError, make_archive_dir};
use crate::govkz;
use crate::i18n::{Arg, tr};
use crate::portal::{Placed, PortalAppeal, PortalPage, probe_page};
use crate::visible::visible;

/// What one page showed the reader.
#[derive(Debug, Clone)]
pub struct PageProbe {
    pub url: String,
    /// The archive (or saved file) and the record's offset in it.
    pub file: PathBuf,
    pub offset: u64,
    /// What the page is and holds; Err when it could not be read at all, or was not a page.
    pub read: Result<Read, String>,
}

/// The kinds of page a probe tells apart, as message keys: each names itself in the language.
const WELCOME: &str = "probe-kind-welcome";
const QUESTIONS: &str = "probe-kind-questions";
const APPEAL: &str = "probe-kind-appeal";
const POSTS: &str = "probe-kind-posts";

/// A page the reader could read, with its account.
#[derive(Debug, Clone)]
pub struct Read {
    /// What the page is: the message key of its kind (`probe-kind-…`).
    pub kind: &'static str,
    pub owner: Option<String>,
    pub position: Option<String>,
    pub total_pages: Option<u32>,
    pub appeals: Vec<PortalAppeal>,
    pub posts: usize,
    pub placed: Placed,
}

/// Every page probed, and the archives they are in.
#[derive(Debug, Clone, Default)]
pub struct ProbeReport {
    /// What robots.txt said, for a probe over the network.
    pub robots: Option<String>,
    pub pages: Vec<PageProbe>,
    /// Pages robots.txt disallows, not requested.
    pub refused: Vec<String>,
    /// The archive files that hold the pages: what to send with a report.
    pub archives: Vec<PathBuf>,
}

impl ProbeReport {
    /// Whether every page was read and every part of it placed (text beside the cards too).
    pub fn all_placed(&self) -> bool {
        // A page robots.txt kept from the probe is a page not seen: no all-clear for it.
        !self.pages.is_empty()
            && self.refused.is_empty()
            && self.pages.iter().all(|p| match &p.read {
                Ok(read) => read.placed.unplaced.is_empty() && read.placed.loose.is_empty(),
                Err(_) => false,
            })
    }

    /// The archives to send with a report: those holding a page not placed whole, else all.
    pub fn to_send(&self) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = Vec::new();
        for page in &self.pages {
            let whole = page
                .read
                .as_ref()
                .is_ok_and(|r| r.placed.unplaced.is_empty() && r.placed.loose.is_empty());
            if !whole && !files.contains(&page.file) {
                files.push(page.file.clone());
            }
        }
        match files.is_empty() {
            true => self.archives.clone(),
            false => files,
        }
    }

    /// How many parts were not placed, over every page (a page not read, or not requested,
    /// counts one).
    pub fn not_placed(&self) -> usize {
        self.refused.len()
            + self
                .pages
                .iter()
                .map(|p| match &p.read {
                    Ok(read) => read.placed.unplaced.len() + read.placed.loose.len(),
                    Err(_) => 1,
                })
                .sum::<usize>()
    }
}

/// `import pages --probe PATH...`: every page under the paths, without the network.
pub fn probe_paths(paths: &[PathBuf]) -> Result<ProbeReport> {
    let mut report = ProbeReport::default();
    for path in paths {
        for page in pages_under(path)? {
            let page = page?;
            if !report.archives.contains(&page.file) {
                report.archives.push(page.file.clone());
            }
            report.pages.push(probe(&page));
        }
    }
    if report.pages.is_empty() {
        return Err(no_pages_in(paths));
    }
    Ok(report)
}

/// `fetch --probe BLOG...`: robots.txt, then each blog's welcome page and first questions and
/// posts pages, politely and archived (one archive a blog, named `probe-…`), nothing imported.
pub fn probe_blogs(options: &FetchOptions) -> Result<ProbeReport> {
    let mut client = Client::start(&options.client)?;
    let mut report = ProbeReport {
        robots: Some(robots_read(&client)),
        ..ProbeReport::default()
    };
    make_archive_dir(&options.crawl.archive_dir)?;
    let software = concat!("appeal-audit/", env!("CARGO_PKG_VERSION"));
    // The interface asked for, as the crawl asks for it: the probe reads what a fetch will.
    if let Some(lang) = &options.crawl.lang {
        match client.get(&format!("/application/changelang?lang={lang}")) {
            Err(FetchError::Refused { .. }) => {}
            other => {
                other?;
            }
        }
        client.take_superseded();
    }
    for blog in &options.blogs {
        let path = new_archive_path(
            &options.crawl.archive_dir,
            &format!("{PROBE_PREFIX}{}", archive_file_name(blog, Utc::now())),
        );
        let mut writer = WarcWriter::create(&path, software)?;
        for page in [
            format!("/blogs/{blog}/welcome"),
            format!("/blogs/{blog}/questions?page=1"),
            format!("/blogs/{blog}/posts?page=1"),
        ] {
            let fetched = client.get_page(&page);
            for exchange in client.take_superseded() {
                exchange.archive(&mut writer)?;
            }
            let exchange = match fetched {
                Err(FetchError::Refused { url, .. }) => {
                    report.refused.push(url);
                    continue;
                }
                other => other?,
            };
            let offset = exchange.archive(&mut writer)?;
            let page = exchange.page(writer.path(), offset)?;
            report.pages.push(probe(&page));
        }
        report.archives.push(writer.finish()?);
    }
    Ok(report)
}

/// `…/robots.txt: read; 1.0 s between requests …`: the probe's first line over the network.
pub(crate) fn robots_read(client: &Client) -> String {
    tr(
        "probe-robots-read",
        &[
            ("url", client.url("/robots.txt").into()),
            (
                "gap",
                crate::i18n::lang()
                    .decimal(client.gap().as_secs_f64())
                    .into(),
            ),
        ],
    )
}

/// One page read as an import would read it, its account kept.
fn probe(page: &ArchivedPage) -> PageProbe {
    if let Some(read) = probe_govkz(page) {
        return PageProbe {
            url: page.url.clone(),
            file: page.file.clone(),
            offset: page.offset,
            read,
        };
    }
    let read = match page.status {
        200 => probe_page(&page.url, &page.body, page.content_type.as_deref())
            .map(|reading| {
                let (kind, owner, position, total_pages, appeals, posts) = match reading.page {
                    PortalPage::Welcome { owner, position } => {
                        (WELCOME, owner, position, None, Vec::new(), 0)
                    }
                    PortalPage::Questions {
                        appeals,
                        total_pages,
                        owner,
                    } => (QUESTIONS, owner, None, total_pages, appeals, 0),
                    PortalPage::Appeal { appeals, owner } => {
                        (APPEAL, owner, None, None, appeals, 0)
                    }
                    PortalPage::Posts {
                        posts,
                        total_pages,
                        owner,
                    } => (POSTS, owner, None, total_pages, Vec::new(), posts.len()),
                };
                Read {
                    kind,
                    owner,
                    position,
                    total_pages,
                    appeals,
                    posts,
                    placed: reading.placed,
                }
            })
            .map_err(|e| e.missing),
        status => Err(tr("probe-not-a-page", &[("status", status.into())])),
    };
    PageProbe {
        url: page.url.clone(),
        file: page.file.clone(),
        offset: page.offset,
        read,
    }
}

/// A gov.kz answer read as `import pages` reads it: what it holds, or why it was not read
/// (a refusal too: nothing of that source could be read). None: not a gov.kz answer.
fn probe_govkz(page: &ArchivedPage) -> Option<Result<Read, String>> {
    let asked = govkz::asked(&page.url, page.request.as_deref())?;
    let answer = answer_of(page);
    // The optional fields an answer lacks are `fetch news --probe`'s to list: an answer read
    // whole is placed.
    let read = |kind: &'static str, owner: Option<String>, items: usize| Read {
        kind,
        owner,
        position: None,
        total_pages: None,
        appeals: Vec::new(),
        posts: items,
        placed: Placed::default(),
    };
    if page.status == 304 {
        return Some(Err(tr("probe-unchanged", &[])));
    }
    Some(
        match asked {
            govkz::Asked::News { source, slug, .. } => govkz::read_news(source, &slug, &answer)
                .map(|news| read("probe-kind-govkz-news", Some(slug), news.items.len())),
            govkz::Asked::Bodies { .. } => govkz::read_bodies(&answer)
                .map(|bodies| read("probe-kind-govkz-bodies", None, bodies.len())),
            govkz::Asked::Officials { slug, .. } => govkz::read_officials(&answer).map(|page| {
                read(
                    "probe-kind-govkz-officials",
                    Some(slug),
                    page.officials.len(),
                )
            }),
        }
        .map_err(|e| e.to_string()),
    )
}

impl fmt::Display for ProbeReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(robots) = &self.robots {
            writeln!(f, "{}", visible(robots))?;
        }
        for page in &self.pages {
            write!(f, "{page}")?;
        }
        for url in &self.refused {
            writeln!(
                f,
                "{}",
                tr(
                    "probe-disallowed",
                    &[("url", visible(url).into_owned().into())]
                )
            )?;
        }
        let archives: Vec<String> = self
            .to_send()
            .iter()
            .map(|a| a.display().to_string())
            .collect();
        let verdict = match self.all_placed() {
            true => tr(
                "probe-all-placed",
                &[("archives", archives.join(", ").into())],
            ),
            false => tr(
                "probe-not-placed",
                &[
                    ("n", self.not_placed().into()),
                    ("archives", archives.join(", ").into()),
                ],
            ),
        };
        writeln!(f, "{verdict}")
    }
}

impl fmt::Display for PageProbe {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let line = |f: &mut fmt::Formatter<'_>, key: &str, args: &[(&str, Arg)]| {
            writeln!(f, "  {}", tr(key, args))
        };
        writeln!(
            f,
            "{}",
            tr(
                "probe-page-in",
                &[
                    ("url", visible(&self.url).into_owned().into()),
                    ("file", self.file.display().to_string().into()),
                    ("offset", self.offset.into()),
                ]
            )
        )?;
        let read = match &self.read {
            Ok(read) => read,
            Err(why) => {
                return line(
                    f,
                    "probe-not-read",
                    &[("why", visible(why).into_owned().into())],
                );
            }
        };
        let shown = |value: &Option<String>| -> Arg {
            value
                .as_deref()
                .map_or_else(|| tr("probe-not-found", &[]), |v| visible(v).into_owned())
                .into()
        };
        line(f, "probe-kind", &[("kind", tr(read.kind, &[]).into())])?;
        line(f, "probe-owner", &[("owner", shown(&read.owner))])?;
        if read.kind == WELCOME {
            line(f, "probe-position", &[("position", shown(&read.position))])?;
        }
        if read.kind == QUESTIONS || read.kind == POSTS {
            let total = shown(&read.total_pages.map(|t| t.to_string()));
            line(f, "probe-total-pages", &[("total", total)])?;
        }
        if read.kind == POSTS {
            line(f, "probe-posts", &[("n", read.posts.into())])?;
        }
        if read.kind.starts_with("probe-kind-govkz") {
            line(f, "probe-items", &[("n", read.posts.into())])?;
        }
        if read.kind == QUESTIONS || read.kind == APPEAL {
            let p = &read.placed;
            line(
                f,
                "probe-cards",
                &[
                    ("cards", p.cards.into()),
                    ("placeholders", p.placeholders.into()),
                    ("copies", p.copies.into()),
                    ("unlinked", p.without_link.into()),
                ],
            )?;
            line(
                f,
                "probe-blocks",
                &[
                    ("tied", p.blocks_tied.into()),
                    ("untied", p.blocks_untied.into()),
                ],
            )?;
            for appeal in &read.appeals {
                for answer in &appeal.answers {
                    line(
                        f,
                        "probe-answer",
                        &[
                            ("id", visible(&appeal.id).into_owned().into()),
                            ("answerer", shown(&answer.answerer)),
                            ("date", answer.answered_at().to_string().into()),
                        ],
                    )?;
                }
            }
        }
        for part in read.placed.unplaced.iter().chain(&read.placed.loose) {
            line(
                f,
                "probe-part-not-placed",
                &[("part", visible(part).into_owned().into())],
            )?;
        }
        Ok(())
    }
}
