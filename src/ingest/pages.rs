//! `import pages PATH...`: portal pages read again, without the network, from WARC archives
//! (gzipped or not) or pages saved by a browser, and imported as `import` imports files: every
//! blog's appeals and posts, in one transaction for the whole command. A `fetch` imports the
//! pages it has just archived through `import_pages`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, Result, anyhow, bail};

use super::govkz_answers::{Answers, Post, is_govkz_page};
use super::import::import;
use super::knowledge::stored_knowledge;
use super::options::{ImportOptions, PageImportOptions};
use crate::archive::{ArchiveReader, ArchivedPage};
use crate::govkz;
use crate::i18n::tr;
use crate::portal::{self, PortalPage};
use crate::progress::Reporter;
use crate::records::fields::RecordKind;
use crate::records::reader::{Input, InputFormat, MemoryInput, ReadOptions, RecordOrigin};
use crate::store::{Access, ImportLog, SourceRead, Store};

/// What one blog's pages of one run gave.
#[derive(Debug, Clone)]
pub struct BlogImport {
    pub blog: String,
    pub addressee: String,
    pub pages: usize,
    pub appeals: Option<ImportLog>,
    pub posts: Option<ImportLog>,
}

/// What an import of pages brought: each blog's, and gov.kz's read attempts (which the caller
/// records: a fetch knows more of them, the validators, than its archive says).
#[derive(Debug, Clone, Default)]
pub struct PagesImport {
    pub blogs: Vec<BlogImport>,
    pub reads: Vec<SourceRead>,
}

/// `import pages PATH...`: every page under the paths, imported into the database at `db`,
/// and gov.kz's read attempts recorded.
pub fn import_page_paths(
    reporter: &dyn Reporter,
    db: &Path,
    paths: &[PathBuf],
    options: &PageImportOptions,
) -> Result<PagesImport> {
    let mut sources = Vec::new();
    for path in paths {
        sources.push(pages_under(path)?);
    }
    let mut pages = sources.into_iter().flatten().peekable();
    if pages.peek().is_none() {
        return Err(no_pages_in(paths));
    }
    let imported = import_pages(reporter, db, pages, options)?;
    if !imported.reads.is_empty() {
        Store::open(db, Access::Write)?.record_reads(&imported.reads)?;
    }
    Ok(imported)
}

/// Pages read one at a time: a file that cannot be read is an error in their stream.
pub type Pages = Box<dyn Iterator<Item = Result<ArchivedPage>>>;

/// Every page a path holds: an archive's responses, a saved page, or those of every archive
/// and saved page under a folder, in name order. Each is read when the import asks for it.
/// How a probe's archives are named (`probe-BLOG-…warc.gz`).
pub const PROBE_PREFIX: &str = "probe-";

pub fn pages_under(path: &Path) -> Result<Pages> {
    if !path.is_dir() {
        return read_page_file(path);
    }
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(path).sort_by_file_name() {
        let entry = entry.with_context(|| {
            tr(
                "pages-cannot-read-folder",
                &[("path", path.display().to_string().into())],
            )
        })?;
        let name = entry.file_name().to_string_lossy().to_lowercase();
        // A probe's archive is a first-contact check, not a scrape: read when named, never
        // swept up with the folder it was written to.
        // A saved `.json` is read only when named: a folder may hold other JSON.
        let wanted = [".warc", ".warc.gz", ".html", ".htm", ".rss"]
            .iter()
            .any(|ext| name.ends_with(ext))
            && !name.starts_with(PROBE_PREFIX);
        if entry.file_type().is_file() && wanted {
            files.push(entry.into_path());
        }
    }
    Ok(Box::new(files.into_iter().flat_map(|file| {
        read_page_file(&file).unwrap_or_else(|e| Box::new(std::iter::once(Err(e))))
    })))
}

/// An archive's responses, or a saved page as if archived: its address from the browser's
/// mark (else the file's), its date the file's modification time.
fn read_page_file(path: &Path) -> Result<Pages> {
    if let Some(page) = saved_govkz_answer(path)? {
        return Ok(Box::new(std::iter::once(Ok(page))));
    }
    if !crate::portal::is_saved_page(path) {
        return Ok(Box::new(ArchiveReader::open(path)?.warning_on_damage()));
    }
    let body = std::fs::read(path).with_context(|| cannot_read(path))?;
    let text = String::from_utf8_lossy(&body);
    let url = portal::saved_page_url(&text).unwrap_or_else(|| {
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        format!("file://{}", absolute.display())
    });
    Ok(Box::new(std::iter::once(Ok(ArchivedPage {
        file: path.to_path_buf(),
        offset: 0,
        url,
        date: saved_date(path),
        status: 200,
        content_type: None,
        body,
        request: None,
    }))))
}

/// A saved file's date as an archive writes one: its modification time (else now).
fn saved_date(path: &Path) -> String {
    let modified = std::fs::metadata(path)
        .and_then(|m| m.modified())
        .map(chrono::DateTime::<chrono::Utc>::from)
        .unwrap_or_else(|_| chrono::Utc::now());
    crate::archive::warc_date(modified)
}

/// A body's news saved from gov.kz as a file: RSS (`.rss`; the body is its channel's link) or
/// the JSON API's answer (`.json`, named after the body's slug: `zhetysu-comdev.json`), taken
/// as the first page of that source's answer, dated by the file's modification time.
fn saved_govkz_answer(path: &Path) -> Result<Option<ArchivedPage>> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let (source, content_type) = match extension.as_deref() {
        Some("rss") => (govkz::Source::Rss, "application/rss+xml"),
        Some("json") => (govkz::Source::Json, "application/json"),
        _ => return Ok(None),
    };
    let body = std::fs::read(path).with_context(|| cannot_read(path))?;
    let slug = match source {
        govkz::Source::Rss => {
            let text = String::from_utf8_lossy(&body);
            text.split("/memleket/entities/")
                .nth(1)
                .map(|rest| {
                    rest.chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                        .collect::<String>()
                })
                .filter(|slug| !slug.is_empty())
        }
        _ => path
            .file_stem()
            .and_then(|s| s.to_str())
            .map(str::to_string),
    };
    let Some(slug) = slug else {
        bail!(tr(
            "pages-rss-no-body",
            &[("file", path.display().to_string().into())]
        ));
    };
    let request = govkz::news_request(source, &slug, 1);
    Ok(Some(ArchivedPage {
        file: path.to_path_buf(),
        offset: 0,
        url: format!("{}{}", govkz::DEFAULT_BASE_URL, request.path),
        date: saved_date(path),
        status: 200,
        content_type: Some(content_type.to_string()),
        body,
        request: None,
    }))
}

/// Nothing `import pages` (or its probe) can read under `paths`: what it reads instead.
pub fn no_pages_in(paths: &[PathBuf]) -> anyhow::Error {
    let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    anyhow!(tr(
        "pages-none-found",
        &[("paths", shown.join(", ").into())]
    ))
}

/// `cannot read PATH: check the path`.
fn cannot_read(path: &Path) -> String {
    tr(
        "pages-cannot-read",
        &[("path", path.display().to_string().into())],
    )
}

/// One page read: where it came from and what it holds.
struct ReadPage {
    page: ArchivedPage,
    content: PortalPage,
}

/// One blog's pages of one run (one archive, unless `single_run`; saved pages all count as
/// one run).
#[derive(Default)]
struct Run {
    pages: Vec<ReadPage>,
}

impl Run {
    /// What the summary and the imports log call the run: its archive, or `saved pages`.
    fn name(&self) -> String {
        let mut archives: Vec<&Path> = Vec::new();
        for page in &self.pages {
            let file = page.page.file.as_path();
            if !crate::portal::is_saved_page(file) && !archives.contains(&file) {
                archives.push(file);
            }
        }
        match archives.as_slice() {
            [] => "saved pages".to_string(),
            [one] => one.display().to_string(),
            [first, rest @ ..] => format!("{} and {} more", first.display(), rest.len()),
        }
    }
}

/// Reads every page, one at a time, keeping what it holds and dropping its body (all before
/// anything is stored: a page whose layout has changed, or an archive that cannot be read,
/// stops the command with the database untouched), then imports each blog's appeals and posts
/// through `import`, all in one transaction. Pages that are not a 200 response are skipped
/// with a warning.
pub fn import_pages(
    reporter: &dyn Reporter,
    db: &Path,
    pages: impl IntoIterator<Item = Result<ArchivedPage>>,
    options: &PageImportOptions,
) -> Result<PagesImport> {
    let mut runs: BTreeMap<(String, String), Run> = BTreeMap::new();
    let mut answers = Answers::default();
    // A page a stopped run could not read counts only if the run did not go on to read it.
    for page in crate::archive::skip_refetched(pages) {
        let mut page = page?;
        // gov.kz's answers, refusals and 304s included, are read by their own module.
        if is_govkz_page(&page) {
            answers.add(&page, options.scraped_at.as_deref())?;
            continue;
        }
        if page.status != 200 {
            reporter.warn(&format_args!(
                "appeal-audit: {}: {}",
                tr("warning-word", &[]),
                tr(
                    "pages-not-a-page",
                    &[
                        ("url", page.url.clone().into()),
                        ("file", page.file.display().to_string().into()),
                        ("offset", page.offset.into()),
                        ("status", page.status.into()),
                    ]
                )
            ));
            continue;
        }
        let content = portal::read_served_page(&page.url, &page.body, page.content_type.as_deref())
            .map_err(|e| anyhow!(e.in_archive(&page.file, page.offset)))?;
        let blog = portal::blog_id(&page.url)
            .or_else(|| portal::blog_id_in_page(&String::from_utf8_lossy(&page.body)))
            .ok_or_else(|| {
                anyhow!(tr(
                    "pages-no-blog",
                    &[
                        ("url", page.url.clone().into()),
                        ("file", page.file.display().to_string().into()),
                    ]
                ))
            })?;
        let run = match (options.single_run, crate::portal::is_saved_page(&page.file)) {
            (true, _) | (false, true) => String::new(),
            (false, false) => page.file.display().to_string(),
        };
        // What it holds is read: a blog of thousands of pages need not stay in memory.
        page.body = Vec::new();
        runs.entry((blog, run))
            .or_default()
            .pages
            .push(ReadPage { page, content });
    }
    let mut store = Store::open(db, Access::Write)?;
    let know = stored_knowledge(&store)?;
    let mut jobs = Vec::new();
    let mut blogs = Vec::new();
    // Each blog's appeals and posts inputs, by name, to find their logs after the import.
    let mut names = Vec::new();
    // Runs in the order they were made, so that history runs forward.
    let mut runs: Vec<((String, String), Run)> = runs.into_iter().collect();
    runs.sort_by_key(|(_, run)| earliest(run));
    for ((blog, _), run) in &runs {
        let run_name = run.name();
        if options.snapshot {
            complete(blog, &run_name, run)?;
        }
        let (owner, position) = owner(blog, &run_name, run, options)?;
        let name = |what: &str| match run_name.as_str() {
            "saved pages" => format!("blog {blog}: saved pages ({what})"),
            archive => format!("{archive} (blog {blog}, {what})"),
        };
        let appeals = appeal_records(run, &owner, position.as_deref(), options);
        let posts = post_records(run, &owner, options);
        // The owner joins the directory (as an official, so that silence lists them even
        // with no post), unless it knows them already under any name.
        if know.who.lookup(&owner).is_none() {
            let page_url = run.pages.first().map_or("", |p| p.page.url.as_str());
            let welcome = portal::welcome_url(page_url, blog);
            let entry = serde_json::json!({
                "name": owner, "kind": "official", "position": position, "url": welcome,
            });
            let origin = RecordOrigin {
                file: run_name.as_str().into(),
                offset: 0,
                url: welcome.into(),
                position: 1,
            };
            jobs.push((
                RecordKind::Directory,
                memory(name("directory"), [(entry, origin)].into_iter()),
            ));
        }
        let mut summary = BlogImport {
            blog: blog.clone(),
            addressee: owner.clone(),
            pages: run.pages.len(),
            appeals: None,
            posts: None,
        };
        // No appeal read, no job: an empty input is an error to `import`, and a snapshot with
        // no appeal names no addressee whose stored appeals could have vanished.
        if appeals.len() > 0 {
            jobs.push((RecordKind::Appeals, memory(name("appeals"), appeals)));
            summary.appeals = Some(ImportLog::default());
        }
        if !posts.is_empty() {
            jobs.push((RecordKind::Posts, memory(name("posts"), posts.into_iter())));
            summary.posts = Some(ImportLog::default());
        }
        blogs.push(summary);
        names.push((name("appeals"), name("posts")));
    }
    let mut reads = Vec::new();
    let mut govkz_jobs = false;
    if !answers.is_empty() {
        let stored_by_url = store
            .directory()?
            .into_iter()
            .filter_map(|e| Some((e.url?, e.name)))
            .collect();
        let (posts, directory, attempts) = answers.records(&know.who, &stored_by_url)?;
        let name = |what: &str| format!("gov.kz answers ({what})");
        if !posts.is_empty() {
            let records = posts.into_iter().map(Post::record);
            jobs.push((RecordKind::Posts, memory(name("posts"), records)));
        }
        if !directory.is_empty() {
            jobs.push((
                RecordKind::Directory,
                memory(name("directory"), directory.into_iter()),
            ));
        }
        reads = attempts;
        govkz_jobs = true;
    }
    let import_options = ImportOptions {
        read: ReadOptions {
            format: InputFormat::Jsonl,
            ..ReadOptions::default()
        },
        maps: Vec::new(),
        source: options.source.clone(),
        date_format: None,
        skip_invalid: false,
        rejects: None,
        scraped_at: options.scraped_at.clone(),
        snapshot: options.snapshot,
        phrases: options.phrases.clone(),
    };
    // The pages' contents are in the inputs now: they need not stay beside the import's work.
    drop(runs);
    // A run of gov.kz refusals only has nothing to import but its attempts.
    let logs = match jobs.is_empty() && govkz_jobs {
        true => Vec::new(),
        false => import(reporter, &mut store, &jobs, &import_options)?,
    };
    let log_of = |name: &str| logs.iter().find(|l| l.file == name).cloned();
    for (summary, (appeals, posts)) in blogs.iter_mut().zip(&names) {
        summary.appeals = summary.appeals.take().and(log_of(appeals));
        summary.posts = summary.posts.take().and(log_of(posts));
    }
    Ok(PagesImport { blogs, reads })
}

/// A snapshot says every appeal of the blog is in it: refused when the run's questions pages
/// do not cover 1 to `totalPages`, since the appeals of a missing page would be marked
/// vanished. Pages whose number is unknown (a saved page without its address) are trusted.
fn complete(blog: &str, run_name: &str, run: &Run) -> Result<()> {
    let mut numbers = std::collections::BTreeSet::new();
    let mut total = 0;
    for page in &run.pages {
        if let PortalPage::Questions { total_pages, .. } = &page.content {
            total = total.max(total_pages.unwrap_or(0));
            match portal::page_number(&page.page.url) {
                Some(number) => numbers.insert(number),
                None => return Ok(()),
            };
        }
    }
    let missing: Vec<String> = (1..=total)
        .filter(|n| !numbers.contains(n))
        .map(|n| n.to_string())
        .collect();
    if !missing.is_empty() {
        bail!(tr(
            "pages-snapshot-incomplete",
            &[
                ("run", run_name.to_string().into()),
                ("blog", blog.to_string().into()),
                (
                    "pages",
                    numbers
                        .iter()
                        .map(u32::to_string)
                        .collect::<Vec<_>>()
                        .join(", ")
                        .into()
                ),
                ("total", total.into()),
                ("missing", missing.join(", ").into()),
            ]
        ));
    }
    Ok(())
}

fn earliest(run: &Run) -> String {
    run.pages
        .iter()
        .map(|p| p.page.date.clone())
        .min()
        .unwrap_or_default()
}

/// The blog's owner and position: `--addressee`, else the welcome page, else a page header.
fn owner(
    blog: &str,
    run_name: &str,
    run: &Run,
    options: &PageImportOptions,
) -> Result<(String, Option<String>)> {
    let mut found = (None, None);
    for page in &run.pages {
        match &page.content {
            PortalPage::Welcome { owner, position } => {
                found = (owner.clone().or(found.0), position.clone().or(found.1));
            }
            PortalPage::Questions { owner, .. }
            | PortalPage::Posts { owner, .. }
            | PortalPage::Appeal { owner, .. } => {
                found.0 = found.0.or_else(|| owner.clone());
            }
        }
    }
    let owner = options.addressee.clone().or(found.0).ok_or_else(|| {
        anyhow!(tr(
            "pages-owner-unknown",
            &[
                ("run", run_name.to_string().into()),
                ("blog", blog.to_string().into()),
            ]
        ))
    })?;
    Ok((owner, found.1))
}

/// The page's scrape time: `--scraped-at`, else the page's own date.
fn scraped_at(page: &ArchivedPage, options: &PageImportOptions) -> Option<String> {
    match options.scraped_at {
        Some(_) => None,
        None => Some(page.date.clone()).filter(|d| !d.is_empty()),
    }
}

fn origin(page: &ArchivedPage, position: usize) -> RecordOrigin {
    RecordOrigin {
        file: page.file.display().to_string().into(),
        offset: page.offset,
        url: page.url.as_str().into(),
        position: position as u64,
    }
}

type Record = (serde_json::Value, RecordOrigin);

/// Every appeal of a run's questions pages, each record built only as `memory` writes it: a
/// blog of thousands of appeals is never held as JSON values all at once (they were the
/// import's peak). An appeal shown twice (the list moved on while it was read) is taken from
/// the later page, in the place it was first seen; but an appeal's own page (the whole text,
/// every answer) is never replaced by a list's teaser of it.
fn appeal_records<'r>(
    run: &'r Run,
    owner: &'r str,
    position: Option<&'r str>,
    options: &'r PageImportOptions,
) -> impl ExactSizeIterator<Item = Record> + 'r {
    let mut cards: Vec<(&ReadPage, &portal::PortalAppeal, usize)> = Vec::new();
    let mut at: BTreeMap<&str, usize> = BTreeMap::new();
    let whole = |page: &ReadPage| matches!(page.content, PortalPage::Appeal { .. });
    for page in &run.pages {
        let (PortalPage::Questions { appeals, .. } | PortalPage::Appeal { appeals, .. }) =
            &page.content
        else {
            continue;
        };
        for (i, appeal) in appeals.iter().enumerate() {
            let card = (page, appeal, i + 1);
            match at.get(appeal.id.as_str()) {
                Some(&index) if whole(cards[index].0) && !whole(page) => {}
                Some(&index) => cards[index] = card,
                None => {
                    at.insert(&appeal.id, cards.len());
                    cards.push(card);
                }
            }
        }
    }
    cards
        .into_iter()
        .map(move |(page, appeal, position_on_page)| {
            let mut record = portal::appeal_record(appeal, owner, position);
            if let Some(when) = scraped_at(&page.page, options) {
                record.insert("scraped_at".into(), when.into());
            }
            (
                serde_json::Value::Object(record),
                origin(&page.page, position_on_page),
            )
        })
}

fn post_records(run: &Run, owner: &str, options: &PageImportOptions) -> Vec<Record> {
    let mut records = Vec::new();
    for page in &run.pages {
        let PortalPage::Posts { posts, .. } = &page.content else {
            continue;
        };
        for (i, post) in posts.iter().enumerate() {
            let mut record = portal::post_record(post, owner);
            if let Some(when) = scraped_at(&page.page, options) {
                record.insert("scraped_at".into(), when.into());
            }
            records.push((serde_json::Value::Object(record), origin(&page.page, i + 1)));
        }
    }
    records
}

/// Records as an input `import` reads: JSON Lines, each line's origin beside it. Each record
/// is written out and dropped before the next is taken.
fn memory(name: String, records: impl ExactSizeIterator<Item = Record>) -> Input {
    let mut jsonl = Vec::new();
    let mut origins = Vec::with_capacity(records.len());
    for (record, origin) in records {
        // Writing a `Value` into a Vec cannot fail.
        let _ = serde_json::to_writer(&mut jsonl, &record);
        jsonl.push(b'\n');
        origins.push(origin);
    }
    Input::Memory(Arc::new(MemoryInput {
        name,
        jsonl,
        origins,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::WarcWriter;

    fn fixture(name: &str) -> Vec<u8> {
        let path = format!(
            "{}/tests/fixtures/portal/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    /// The fixture blog archived by `WarcWriter`, its pages split between two archives as a
    /// run killed after page 2 and resumed would leave them.
    fn resumed_run(dir: &Path, date: &str, leave_out: Option<&str>) -> Vec<ArchivedPage> {
        let date = chrono::DateTime::parse_from_rfc3339(date).unwrap().to_utc();
        let blog = "https://dialog.egov.kz/blogs/2719746";
        let pages = [
            ("welcome", "welcome.html"),
            ("questions?page=1", "questions-1.html"),
            ("questions?page=2", "questions-2.html"),
            ("questions?page=3", "questions-3.html"),
            ("posts?page=1", "posts-1.html"),
        ];
        let mut archived = Vec::new();
        for (part, pages) in [&pages[..3], &pages[3..]].iter().enumerate() {
            let path = dir.join(format!("{}-{part}.warc.gz", date.timestamp()));
            let mut warc = WarcWriter::create(&path, "appeal-audit/test").unwrap();
            for (page, name) in *pages {
                let mut body = String::from_utf8(fixture(name)).unwrap();
                if let Some(id) = leave_out {
                    body = body.replace(
                        &format!("/blogs/all-questions/{id}"),
                        "/blogs/all-questions/999",
                    );
                    body = body.replace(&format!("№ {id}"), "№ 999");
                }
                let response = format!(
                    "HTTP/1.1 200 OK\r\nContent-Length: {}\r\n\r\n{body}",
                    body.len()
                );
                let url = format!("{blog}/{page}");
                warc.write_exchange(&url, date, b"GET / HTTP/1.1\r\n\r\n", response.as_bytes())
                    .unwrap();
            }
            archived.extend(crate::archive::read_archive(&warc.finish().unwrap()).unwrap());
        }
        archived
    }

    #[test]
    fn a_resumed_run_is_one_snapshot_across_its_archives() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("t.db");
        let quiet = crate::progress::Stderr { quiet: true };
        let options = PageImportOptions {
            snapshot: true,
            single_run: true,
            source: "default".into(),
            ..PageImportOptions::default()
        };
        let first = import_pages(
            &quiet,
            &db,
            resumed_run(dir.path(), "2022-10-01T09:00:00Z", None)
                .into_iter()
                .map(Ok),
            &options,
        )
        .unwrap()
        .blogs;
        assert_eq!(first.len(), 1);
        assert_eq!(first[0].pages, 5);
        assert_eq!(first[0].appeals.as_ref().map(|l| l.inserted), Some(12));
        // A week later 740010 is gone (its card now shows another appeal, 999).
        let second = import_pages(
            &quiet,
            &db,
            resumed_run(dir.path(), "2022-10-08T09:00:00Z", Some("740010"))
                .into_iter()
                .map(Ok),
            &options,
        )
        .unwrap()
        .blogs;
        let log = second[0].appeals.clone().unwrap();
        assert_eq!((log.read, log.inserted, log.unchanged), (12, 1, 11));
        let store = Store::open(&db, Access::Read).unwrap();
        let vanished: Vec<String> = store
            .changes(None, None, None)
            .unwrap()
            .into_iter()
            .filter(|c| c.change == "vanished")
            .map(|c| c.id)
            .collect();
        assert_eq!(vanished, ["740010"]);
    }
}
