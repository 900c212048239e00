//! `fetch news`: each body's news from the newest, source by source in the order RSS, GraphQL,
//! JSON, until one answers; then the run's archive imported as `import pages` imports it.

use std::collections::HashSet;
use std::path::Path;

use anyhow::{Result, anyhow, bail};

use super::import_answers;
use super::session::Session;
use super::{NewsOptions, RUN_NAME, SOURCE};
use crate::archive::ArchiveReader;
use crate::fetch::{RunLock, Unfinished};
use crate::govkz::{self, Body, NotRead, Source};
use crate::i18n::tr;
use crate::ingest::crawl::Progress;
use crate::ingest::govkz_answers::{answer_of, attempt};
use crate::store::{Access, ReadOutcome, SourceRead, Store};

/// What became of one body.
#[derive(Debug, Clone)]
pub struct BodyNews {
    pub slug: String,
    pub name: String,
    /// The source that answered, if one did.
    pub read_by: Option<Source>,
    pub pages: u32,
    pub items: usize,
    pub newest: Option<chrono::NaiveDate>,
    /// Each source that refused, with its address and answer.
    pub refusals: Vec<(Source, String, String)>,
    pub requests: u32,
}

/// Fetches the bodies' news, archives every answer, and imports the run's archive into `db`.
/// Exit 1 (an error) when any body could not be read; the bodies read are imported first.
pub fn fetch_news(progress: &dyn Progress, db: &Path, options: &NewsOptions) -> Result<()> {
    let common = &options.common;
    let _lock = RunLock::take(&common.archive_dir, RUN_NAME)?;
    // A stopped run's archives: the bodies they read whole are not asked again, and they are
    // imported with this run's.
    let unfinished = Unfinished::new(&common.archive_dir, &format!("{RUN_NAME}-news"));
    let earlier = unfinished.archives()?;
    let done = bodies_read_whole(&earlier)?;
    let mut session = Session::start(common, "", "news")?;
    unfinished.add(session.path())?;
    progress.gap(session.client.gap());
    let bodies = session.bodies("ru")?;
    let mut chosen = chosen(&bodies, options)?;
    if !done.is_empty() {
        progress.say(&tr(
            "govkz-resumed",
            &[
                (
                    "archives",
                    earlier
                        .iter()
                        .map(|a| a.display().to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                        .into(),
                ),
                (
                    "n",
                    chosen
                        .iter()
                        .filter(|b| done.contains(&b.slug))
                        .count()
                        .into(),
                ),
            ],
        ));
        chosen.retain(|b| !done.contains(&b.slug));
    }
    progress.say(&super::estimate(
        "govkz-news-estimate",
        &common.client.base_url,
        chosen.len(),
        session.client.gap(),
    ));
    let store = match db.exists() {
        true => Some(Store::open(db, Access::Read)?),
        false => None,
    };
    let mut results = Vec::new();
    let mut reads = Vec::new();
    let mut items = 0;
    for (done, body) in chosen.iter().enumerate() {
        progress.pages(
            &body.slug,
            u32::try_from(done).unwrap_or(u32::MAX),
            Some(u32::try_from(chosen.len()).unwrap_or(u32::MAX)),
            items,
        );
        let (news, body_reads) = read_body(
            &mut session,
            store.as_ref(),
            body,
            common.max_pages,
            &common.attempted_at,
        )?;
        items += news.items;
        results.push(news);
        reads.extend(body_reads);
    }
    drop(store);
    progress.done();
    let archive = session.finish()?;
    for news in &results {
        progress.say(&summary(news));
    }
    let unread: Vec<&BodyNews> = results.iter().filter(|n| n.read_by.is_none()).collect();
    if common.import {
        let mut archives = earlier.clone();
        archives.push(archive.clone());
        let mut pages: Vec<Box<dyn Iterator<Item = Result<crate::archive::ArchivedPage>>>> =
            Vec::new();
        for path in &archives {
            pages.push(Box::new(ArchiveReader::open(path)?.warning_on_damage()));
        }
        let mut read_before = import_answers(
            progress,
            db,
            pages.into_iter().flatten(),
            &common.scraped_at,
        )?;
        // This run's attempts carry the validators; the stopped run's come from its archive.
        read_before.retain(|r| done.contains(&r.slug));
        read_before.extend(reads);
        Store::open(db, Access::Write)?.record_reads(&read_before)?;
    }
    unfinished.clear()?;
    if !unread.is_empty() {
        bail!(tr(
            "govkz-not-read",
            &[
                ("n", unread.len().into()),
                ("of", results.len().into()),
                (
                    "bodies",
                    unread
                        .iter()
                        .map(|n| n.slug.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                        .into()
                ),
                ("archive", archive.display().to_string().into()),
            ]
        ));
    }
    Ok(())
}

/// The bodies a stopped run's archives read whole: every body they hold but the last one
/// asked, whose pages the stop may have cut short.
fn bodies_read_whole(archives: &[std::path::PathBuf]) -> Result<HashSet<String>> {
    let mut slugs: Vec<String> = Vec::new();
    for archive in archives {
        for page in ArchiveReader::open(archive)? {
            let page = match page {
                Ok(page) => page,
                // A body whose answer cannot be read is asked again.
                Err(_) => break,
            };
            if let Some(govkz::Asked::News { slug, .. }) =
                govkz::asked(&page.url, page.request.as_deref())
                && slugs.last() != Some(&slug)
            {
                slugs.push(slug);
            }
        }
        slugs.pop();
    }
    Ok(slugs.into_iter().collect())
}

/// The bodies the command names, and with `--under` every body below those, each once, in
/// the order given.
fn chosen<'b>(bodies: &'b [Body], options: &NewsOptions) -> Result<Vec<&'b Body>> {
    let mut slugs = Vec::new();
    for name in &options.bodies {
        slugs.push(govkz::resolve(name, &[bodies]).map_err(|why| anyhow!("{why}"))?);
    }
    for name in &options.under {
        let slug = govkz::resolve(name, &[bodies]).map_err(|why| anyhow!("--under: {why}"))?;
        slugs.extend(
            govkz::subtree(bodies, &slug)
                .into_iter()
                .map(|b| b.slug.clone()),
        );
    }
    let mut seen = HashSet::new();
    slugs.retain(|slug| seen.insert(slug.clone()));
    Ok(slugs
        .iter()
        .filter_map(|slug| bodies.iter().find(|b| &b.slug == slug))
        .collect())
}

/// One body, source by source: the first that answers is read from the newest page until a
/// page ends the list, holds only items stored before, or `max_pages` is reached.
fn read_body(
    session: &mut Session,
    store: Option<&Store>,
    body: &Body,
    max_pages: Option<u32>,
    attempted_at: &str,
) -> Result<(BodyNews, Vec<SourceRead>)> {
    let before = session.requests;
    let stored = match store {
        Some(store) => store.post_urls(SOURCE, &body.name)?,
        None => HashSet::new(),
    };
    let mut news = BodyNews {
        slug: body.slug.clone(),
        name: body.name.clone(),
        read_by: None,
        pages: 0,
        items: 0,
        newest: None,
        refusals: Vec::new(),
        requests: 0,
    };
    let mut reads = Vec::new();
    'sources: for source in Source::ORDER {
        // A platform that ignores the page asked sends the first again: the news end there.
        let mut seen = HashSet::new();
        let validators = match store {
            Some(store) => store.validators(&body.slug, source.as_str())?,
            None => None,
        };
        for page in 1..=max_pages.unwrap_or(u32::MAX) {
            let mut conditional = Vec::new();
            if let (1, Some((etag, modified))) = (page, &validators) {
                if let Some(etag) = etag {
                    conditional.push(("If-None-Match".to_string(), etag.clone()));
                }
                if let Some(modified) = modified {
                    conditional.push(("If-Modified-Since".to_string(), modified.clone()));
                }
            }
            let answered =
                session.ask(&govkz::news_request(source, &body.slug, page), &conditional)?;
            let archived = &answered.page;
            // The scrape's time (`--scraped-at`), as its posts are dated: a report as of a
            // date sees the attempts made by then.
            let mut read = attempt(&body.name, &body.slug, source, archived, attempted_at);
            read.etag = answered.etag.clone();
            read.last_modified = answered.last_modified.clone();
            if archived.status == 304 {
                read.outcome = ReadOutcome::Unchanged;
                read.etag = read
                    .etag
                    .or_else(|| validators.as_ref().and_then(|v| v.0.clone()));
                read.last_modified = read
                    .last_modified
                    .or_else(|| validators.as_ref().and_then(|v| v.1.clone()));
                reads.push(read);
                news.read_by = Some(source);
                break 'sources;
            }
            match govkz::read_news(source, &body.slug, &answer_of(archived)) {
                Err(NotRead::Refused { why }) => {
                    read.outcome = ReadOutcome::Refused;
                    read.detail = why.clone();
                    read.etag = None;
                    read.last_modified = None;
                    reads.push(read);
                    news.refusals.push((source, archived.url.clone(), why));
                    continue 'sources;
                }
                Err(NotRead::Unexpected { why }) => bail!(tr(
                    "govkz-news-changed",
                    &[
                        ("url", archived.url.clone().into()),
                        ("source", source.as_str().into()),
                        ("slug", body.slug.clone().into()),
                        ("file", archived.file.display().to_string().into()),
                        ("offset", archived.offset.into()),
                        ("why", why.into()),
                    ]
                )),
                Ok(read_page) => {
                    news.read_by = Some(source);
                    news.pages += 1;
                    news.items += read_page.items.len();
                    news.newest = news
                        .newest
                        .max(read_page.items.iter().map(|i| i.date).max());
                    // Validators describe the first page, which a conditional request asks.
                    if page > 1 {
                        read.etag = None;
                        read.last_modified = None;
                    }
                    reads.push(read);
                    let all_stored = !read_page.items.is_empty()
                        && read_page
                            .items
                            .iter()
                            .all(|i| i.url.as_ref().is_some_and(|u| stored.contains(u)));
                    let new = read_page
                        .items
                        .iter()
                        .filter(|i| seen.insert(i.id.clone()))
                        .count();
                    let repeated = new == 0;
                    if read_page.last || all_stored || repeated {
                        break 'sources;
                    }
                }
            }
        }
        break;
    }
    news.requests = session.requests - before;
    Ok((news, reads))
}

fn summary(news: &BodyNews) -> String {
    let name = crate::visible::visible(&news.name);
    let refused = news
        .refusals
        .iter()
        .map(|(source, _, why)| {
            tr(
                "govkz-source-refused",
                &[
                    ("source", source.as_str().into()),
                    ("why", why.clone().into()),
                ],
            )
        })
        .collect::<Vec<_>>();
    match news.read_by {
        Some(source) => {
            let newest = news
                .newest
                .map(|d| tr("govkz-newest", &[("date", d.to_string().into())]))
                .unwrap_or_default();
            let mut line = tr(
                "govkz-news-summary",
                &[
                    ("slug", news.slug.clone().into()),
                    ("name", name.into_owned().into()),
                    ("source", source.as_str().into()),
                    ("pages", news.pages.into()),
                    ("items", news.items.into()),
                    ("newest", newest.into()),
                    ("requests", news.requests.into()),
                ],
            );
            if !refused.is_empty() {
                line.push_str(&format!("; {}", refused.join("; ")));
            }
            line
        }
        None => {
            let refusals = news
                .refusals
                .iter()
                .map(|(source, url, why)| format!("{} {url}: {why}", source.as_str()))
                .collect::<Vec<_>>()
                .join("; ");
            tr(
                "govkz-news-not-read",
                &[
                    ("slug", news.slug.clone().into()),
                    ("name", name.into_owned().into()),
                    ("refusals", refusals.into()),
                ],
            )
        }
    }
}
