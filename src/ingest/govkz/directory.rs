//! `fetch directory SLUG...`: the list of bodies in Russian, Kazakh and English, and the
//! officials of every body under each SLUG (and of SLUG itself), archived, then imported as
//! directory records.

use std::collections::HashSet;
use std::path::Path;

use anyhow::{Result, anyhow, bail};

use super::import_answers;
use super::session::Session;
use super::{DirectoryOptions, RUN_NAME};
use crate::archive::ArchiveReader;
use crate::fetch::RunLock;
use crate::govkz::{self, NotRead};
use crate::i18n::tr;
use crate::ingest::crawl::Progress;
use crate::ingest::govkz_answers::answer_of;

/// Fetches the bodies and their officials and imports them into `db`. A body whose officials
/// are refused is still imported (its names, parent and head come from the list); it is named
/// on stderr.
pub fn fetch_directory(
    progress: &dyn Progress,
    db: &Path,
    options: &DirectoryOptions,
) -> Result<()> {
    let common = &options.common;
    let _lock = RunLock::take(&common.archive_dir, RUN_NAME)?;
    let mut session = Session::start(common, "", "directory")?;
    progress.gap(session.client.gap());
    let ru = session.bodies("ru")?;
    let kk = session.bodies("kk")?;
    let en = session.bodies("en")?;
    let mut chosen = Vec::new();
    let mut seen = HashSet::new();
    for name in &options.slugs {
        let slug = govkz::resolve(name, &[&ru, &kk, &en]).map_err(|why| anyhow!("{why}"))?;
        for body in govkz::subtree(&ru, &slug) {
            if seen.insert(body.slug.clone()) {
                chosen.push(body.clone());
            }
        }
    }
    progress.say(&super::estimate(
        "govkz-directory-estimate",
        &common.client.base_url,
        chosen.len(),
        session.client.gap(),
    ));
    let total = u32::try_from(chosen.len()).unwrap_or(u32::MAX);
    let mut refused = Vec::new();
    let mut officials = 0;
    for (done, body) in chosen.iter().enumerate() {
        // A platform that ignores `page` sends page 1 again: the list ends there.
        let mut seen = HashSet::new();
        progress.pages(
            &body.slug,
            u32::try_from(done).unwrap_or(u32::MAX),
            Some(total),
            officials,
        );
        for page in 1..=common.max_pages.unwrap_or(u32::MAX) {
            let answered = session.ask(&govkz::officials_request(&body.slug, page), &[])?;
            let archived = &answered.page;
            match govkz::read_officials(&answer_of(archived)) {
                Ok(read) => {
                    let new = read
                        .officials
                        .iter()
                        .filter(|o| seen.insert(o.id.clone()))
                        .count();
                    officials += new;
                    if read.last || new == 0 {
                        break;
                    }
                }
                Err(NotRead::Refused { why }) => {
                    refused.push((body.slug.clone(), archived.url.clone(), why));
                    break;
                }
                Err(NotRead::Unexpected { why }) => bail!(tr(
                    "govkz-officials-changed",
                    &[
                        ("url", archived.url.clone().into()),
                        ("slug", body.slug.clone().into()),
                        ("file", archived.file.display().to_string().into()),
                        ("offset", archived.offset.into()),
                        ("why", why.into()),
                    ]
                )),
            }
        }
    }
    progress.done();
    let archive = session.finish()?;
    progress.say(&tr(
        "govkz-directory-summary",
        &[
            ("bodies", chosen.len().into()),
            ("officials", officials.into()),
            ("archive", archive.display().to_string().into()),
        ],
    ));
    for (slug, url, why) in &refused {
        progress.warn(&format_args!(
            "appeal-audit: {}: {}",
            tr("warning-word", &[]),
            tr(
                "govkz-officials-refused",
                &[
                    ("slug", slug.clone().into()),
                    ("url", url.clone().into()),
                    ("why", why.clone().into()),
                ]
            )
        ));
    }
    if common.import {
        let pages = ArchiveReader::open(&archive)?;
        let reads = import_answers(progress, db, pages, &common.scraped_at)?;
        debug_assert!(reads.is_empty(), "a directory run asks no news");
    }
    Ok(())
}
