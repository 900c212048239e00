//! Writing: the imports log and the upserts of appeals, posts and directory entries, each inside
//! the caller's one transaction; and recomputing derived columns when the directory changes.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::LazyLock;

use anyhow::{Context, Result};
use rusqlite::types::ToSql;
use rusqlite::{OptionalExtension, Transaction, params, params_from_iter};

use super::appeal_row::{VALUE_COLUMN_LIST, VALUE_COLUMNS, appeal_from_row, value_params};
use super::state;
use crate::derive::{Derived, Knowledge};
use crate::history::{Change, ChangeKind};
use crate::records::appeal::{Appeal, Entry, Post, value_hash};
use crate::records::names::normalize_name;

/// One import transaction. Dropped without `commit`, it rolls everything back.
pub struct Batch<'a> {
    pub(super) tx: Transaction<'a>,
    /// The numbers of the names this transaction wrote or looked up (`name_id`).
    pub(super) names: RefCell<HashMap<String, i64>>,
}

/// Where the record being written came from.
#[derive(Debug, Clone)]
pub struct Provenance<'a> {
    pub import_id: i64,
    pub file: &'a str,
    /// The line in `file`; for a page of the portal, the card's place on the page.
    pub line: u64,
    /// For a page of the portal: the WARC record's offset in `file`, and the page's address.
    pub page: Option<(u64, &'a str)>,
    /// When the record was scraped (ISO), the order in which versions count.
    pub scraped_at: &'a str,
}

impl Provenance<'_> {
    pub(super) fn page_offset(&self) -> Option<i64> {
        self.page.map(|(offset, _)| offset as i64)
    }

    pub(super) fn page_url(&self) -> Option<&str> {
        self.page.map(|(_, url)| url)
    }
}

/// What an upsert did with one record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Inserted,
    Updated,
    Unchanged,
    /// Different values from an earlier scrape than the stored one: kept as history only.
    Older,
}

/// The two hashes of an appeal as read: of its typed values (what a change is) and of the
/// record exactly as written with the options that type it (what lets a re-import skip typing
/// a record it has seen before).
#[derive(Debug, Clone, Copy)]
pub struct Hashes {
    pub value: i64,
    pub record: i64,
}

/// What the store holds of an appeal to decide what a newly read version of it does.
#[derive(Debug, Clone)]
struct StoredAppeal {
    key: i64,
    value_hash: i64,
    record_hash: Option<i64>,
    last_seen: String,
    vanished: Option<String>,
    official: String,
    /// The scrape that showed the stored values.
    shown_at: String,
}

/// An import's row in the log, filled in as the import goes.
#[derive(Debug, Clone, Default)]
pub struct ImportLog {
    pub kind: String,
    pub file: String,
    pub size: u64,
    pub sha256: String,
    pub format: String,
    pub encoding: String,
    pub scraped_at: Option<String>,
    pub snapshot: bool,
    pub read: u64,
    pub inserted: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub rejected: u64,
}

impl ImportLog {
    pub fn count(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Inserted => self.inserted += 1,
            Outcome::Updated => self.updated += 1,
            Outcome::Unchanged | Outcome::Older => self.unchanged += 1,
        }
    }
}

impl Batch<'_> {
    /// Whether any appeal of `source` is stored (this transaction's included).
    pub fn has_appeals(&self, source: &str) -> Result<bool> {
        Ok(self
            .tx
            .prepare_cached("SELECT 1 FROM appeals WHERE source = ?1 LIMIT 1")?
            .exists(params![source])?)
    }

    /// Into a store with no appeals, an import writes its appeals without the indexes reports
    /// read and builds them once at the end: one sort instead of a million inserts at random
    /// places (measured at 1,000,000 appeals: 16.7 s → 10.1 s plus 1.7 s to build them). The
    /// (source, id) key stays, since the import looks records up by it. Returns the indexes'
    /// definitions for `build_indexes`; none when appeals are stored already.
    pub fn defer_indexes(&self) -> Result<Vec<String>> {
        if super::holds_appeals(&self.tx)? {
            return Ok(Vec::new());
        }
        // An index with no SQL is a UNIQUE or PRIMARY KEY constraint's own: it stays.
        let indexes: Vec<(String, String)> = self
            .tx
            .prepare(
                "SELECT name, sql FROM sqlite_schema WHERE type = 'index' \
                 AND tbl_name IN ('appeals', 'appeal_seen') AND sql IS NOT NULL",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (name, _) in &indexes {
            self.tx
                .execute_batch(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")))?;
        }
        Ok(indexes.into_iter().map(|(_, sql)| sql).collect())
    }

    /// Builds the indexes `defer_indexes` dropped, within the same transaction. SQLite sorts
    /// in runs as large as the page cache, on top of the cache, and a scan needs little cache:
    /// 4 MiB of it, and a second thread sorting runs while the first reads, built them at
    /// 1,000,000 appeals in 1.0 s and 17 MB where 16 MiB alone took 1.5 s and 37 MB.
    pub fn build_indexes(&self, definitions: &[String]) -> Result<()> {
        if definitions.is_empty() {
            return Ok(());
        }
        self.tx.pragma_update(None, "cache_size", -4096)?;
        self.tx.pragma_update(None, "threads", 1)?;
        for sql in definitions {
            self.tx
                .execute_batch(sql)
                .with_context(|| format!("cannot build an index: {sql}"))?;
        }
        self.tx.pragma_update(None, "threads", 0)?;
        self.tx
            .pragma_update(None, "cache_size", super::CACHE_KIB)?;
        Ok(())
    }

    pub fn commit(self) -> Result<()> {
        self.tx.commit().context("cannot commit the import")
    }

    /// Opens an import's row in the log; `finish_import` completes it.
    pub fn start_import(&self, log: &ImportLog) -> Result<i64> {
        self.tx.execute(
            "INSERT INTO imports (kind, file, size, sha256, format, encoding, started_at, \
             scraped_at, snapshot) VALUES (?1, ?2, 0, '', '', '', ?3, ?4, ?5)",
            params![
                log.kind,
                log.file,
                super::now_stamp(),
                log.scraped_at,
                log.snapshot
            ],
        )?;
        Ok(self.tx.last_insert_rowid())
    }

    pub fn finish_import(&self, import_id: i64, log: &ImportLog) -> Result<()> {
        self.tx.execute(
            "UPDATE imports SET size = ?2, sha256 = ?3, format = ?4, encoding = ?5, \
             finished_at = ?6, read = ?7, inserted = ?8, updated = ?9, unchanged = ?10, \
             rejected = ?11 WHERE import_id = ?1",
            params![
                import_id,
                log.size as i64,
                log.sha256,
                log.format,
                log.encoding,
                super::now_stamp(),
                log.read as i64,
                log.inserted as i64,
                log.updated as i64,
                log.unchanged as i64,
                log.rejected as i64
            ],
        )?;
        Ok(())
    }

    /// The stored appeal `source`/`id`, if any: what deciding between insert, update and
    /// unchanged needs.
    fn find_appeal(&self, source: &str, id: &str) -> Result<Option<StoredAppeal>> {
        Ok(self
            .tx
            .prepare_cached(
                "SELECT appeal_key, value_hash, record_hash, last_seen, vanished, official, \
                 scraped_at FROM appeals JOIN appeal_seen USING (appeal_key) \
                 WHERE source = ?1 AND id = ?2",
            )?
            .query_row(params![source, id], |r| {
                Ok(StoredAppeal {
                    key: r.get(0)?,
                    value_hash: r.get(1)?,
                    record_hash: r.get(2)?,
                    last_seen: r.get(3)?,
                    vanished: r.get(4)?,
                    official: r.get(5)?,
                    shown_at: r.get(6)?,
                })
            })
            .optional()?)
    }

    /// Inserts, updates or keeps one appeal, records what changed, and returns its key.
    /// A scrape older than the stored one only adds a version to the history.
    /// `derived` is the appeal classified already, if it was; else `know` classifies it, only
    /// when the values are new or changed, so an unchanged re-import costs a lookup. `know` also
    /// tells which earlier versions held an answer. Returns the outcome, the appeal's key and
    /// its official.
    pub fn upsert_appeal(
        &self,
        appeal: &Appeal,
        derived: Option<Derived>,
        know: &Knowledge,
        hashes: Hashes,
        from: &Provenance,
    ) -> Result<(Outcome, i64, String)> {
        let derive = |a: &Appeal| derived.unwrap_or_else(|| know.derive(a));
        let Some(stored) = self.find_appeal(&appeal.source, &appeal.id)? else {
            // Its `new` change is its first_seen: nothing more to write.
            let derived = derive(appeal);
            let key = self.insert_appeal(appeal, &derived, hashes, from)?;
            return Ok((Outcome::Inserted, key, derived.official));
        };
        if stored.value_hash == hashes.value {
            let stored_record = stored.record_hash;
            let (key, vanished) = (stored.key, stored.vanished.is_some());
            let kept = self.keep_unchanged(stored, from)?;
            // The same values, written otherwise (another format, other headers) or seen
            // again after vanishing: the next scrape written like this one is known unchanged
            // before it is typed.
            if vanished || stored_record != Some(hashes.record) {
                self.keep_record_hash(key, Some(hashes.record))?;
            }
            return Ok(kept);
        }
        self.reappear_if_newer(&stored, from)?;
        let StoredAppeal {
            key,
            last_seen,
            official,
            ..
        } = stored;
        let newer = from.scraped_at >= last_seen.as_str();
        let hash = hashes.value;
        let derived = derive(appeal);
        if !newer {
            let outcome = self.add_older_version(key, appeal, &derived, hash, from, know)?;
            return Ok((outcome, key, official));
        }
        self.supersede(key, appeal, &derived, from, know)?;
        let row = self.appeal_write(appeal, &derived, hash, from)?;
        // The values all change together with what was concluded from them; a changed appeal
        // is seen again, so it has not vanished.
        static UPDATE: LazyLock<String> = LazyLock::new(|| {
            format!(
                "UPDATE appeals SET ({VALUE_COLUMN_LIST}, {}) = ({}), vanished = NULL \
                 WHERE appeal_key = ?",
                WRITTEN_COLUMNS.join(", "),
                AppealWrite::placeholders()
            )
        });
        self.tx.prepare_cached(&UPDATE)?.execute(params_from_iter(
            row.params().into_iter().chain([&key as &dyn ToSql]),
        ))?;
        self.see(key, from.scraped_at)?;
        self.keep_record_hash(key, Some(hashes.record))?;
        Ok((Outcome::Updated, key, derived.official))
    }

    /// When appeal `source`/`id` is stored exactly as read now (same record hash), was last
    /// seen no later than `scraped_at`, and has not vanished, it is unchanged: moves its
    /// last_seen to this scrape (its first_seen is earlier already) and says so. One statement
    /// that reads only the key's index and the narrow `appeal_seen` table, never the wide row
    /// (a RETURNING clause, to give the key too, opened a temporary b-tree each time and cost
    /// more than the update). False: the record needs the full path.
    pub fn see_unchanged(
        &self,
        source: &str,
        id: &str,
        record_hash: i64,
        scraped_at: &str,
    ) -> Result<bool> {
        let updated = self
            .tx
            .prepare_cached(
                "UPDATE appeal_seen SET last_seen = ?4 \
                 WHERE appeal_key = (SELECT appeal_key FROM appeals WHERE source = ?1 AND id = ?2) \
                 AND record_hash = ?3 AND last_seen <= ?4",
            )?
            .execute(params![source, id, record_hash, scraped_at])?;
        Ok(updated == 1)
    }

    /// The key of a stored appeal, through the (source, id) index alone.
    pub fn appeal_key(&self, source: &str, id: &str) -> Result<Option<i64>> {
        Ok(self
            .tx
            .prepare_cached("SELECT appeal_key FROM appeals WHERE source = ?1 AND id = ?2")?
            .query_row(params![source, id], |r| r.get(0))
            .optional()?)
    }

    pub(super) fn keep_record_hash(&self, key: i64, record_hash: Option<i64>) -> Result<()> {
        self.tx
            .prepare_cached("UPDATE appeal_seen SET record_hash = ?2 WHERE appeal_key = ?1")?
            .execute(params![key, record_hash])?;
        Ok(())
    }

    /// An appeal scraped again with the values it has: only when it was seen moves (and,
    /// for an earlier scrape of the same values, when they were first shown).
    fn keep_unchanged(
        &self,
        stored: StoredAppeal,
        from: &Provenance,
    ) -> Result<(Outcome, i64, String)> {
        self.reappear_if_newer(&stored, from)?;
        self.see(stored.key, from.scraped_at)?;
        if stored.shown_at.as_str() > from.scraped_at {
            self.tx
                .prepare_cached("UPDATE appeals SET scraped_at = ?2 WHERE appeal_key = ?1")?
                .execute(params![stored.key, from.scraped_at])?;
        }
        Ok((Outcome::Unchanged, stored.key, stored.official))
    }

    /// A vanished appeal that a later scrape shows again has reappeared.
    fn reappear_if_newer(&self, stored: &StoredAppeal, from: &Provenance) -> Result<()> {
        let newer = from.scraped_at >= stored.last_seen.as_str();
        let Some(vanished) = stored.vanished.as_deref() else {
            return Ok(());
        };
        if newer && from.scraped_at > vanished {
            self.tx
                .prepare_cached(&format!(
                    "UPDATE appeals SET vanished = NULL, state = state & ~{} WHERE appeal_key = ?1",
                    state::VANISHED
                ))?
                .execute(params![stored.key])?;
            let change = Change {
                kind: ChangeKind::Reappeared,
                before: Some(vanished.to_string()),
                after: None,
            };
            self.record_change(stored.key, from, &change)?;
        }
        Ok(())
    }

    fn insert_appeal(
        &self,
        a: &Appeal,
        d: &Derived,
        hashes: Hashes,
        from: &Provenance,
    ) -> Result<i64> {
        let row = self.appeal_write(a, d, hashes.value, from)?;
        static INSERT: LazyLock<String> = LazyLock::new(|| {
            format!(
                "INSERT INTO appeals ({VALUE_COLUMN_LIST}, {}) VALUES ({})",
                WRITTEN_COLUMNS.join(", "),
                AppealWrite::placeholders()
            )
        });
        self.tx
            .prepare_cached(&INSERT)?
            .execute(params_from_iter(row.params()))?;
        let key = self.tx.last_insert_rowid();
        self.tx
            .prepare_cached(
                "INSERT INTO appeal_seen (appeal_key, first_seen, last_seen, record_hash) \
                 VALUES (?1, ?2, ?2, ?3)",
            )?
            .execute(params![key, from.scraped_at, hashes.record])?;
        Ok(key)
    }

    /// An appeal's row as an import writes it (inserted or updated).
    fn appeal_write<'a>(
        &self,
        appeal: &'a Appeal,
        derived: &'a Derived,
        value_hash: i64,
        from: &'a Provenance,
    ) -> Result<AppealWrite<'a>> {
        Ok(AppealWrite {
            appeal,
            derived,
            from,
            value_hash,
            line: from.line as i64,
            official_id: self.name_id(&derived.official)?,
            target_id: self.target_id(derived)?,
            state: state::of(derived),
            page_offset: from.page_offset(),
            page_url: from.page_url(),
        })
    }

    /// Widens when an appeal was seen to take in this scrape.
    fn see(&self, key: i64, scraped_at: &str) -> Result<()> {
        self.tx
            .prepare_cached(
                "UPDATE appeal_seen SET first_seen = min(first_seen, ?2), last_seen = max(last_seen, ?2) \
                 WHERE appeal_key = ?1 AND (first_seen > ?2 OR last_seen < ?2)",
            )?
            .execute(params![key, scraped_at])?;
        Ok(())
    }

    pub fn upsert_post(&self, post: &Post, publisher: &str, from: &Provenance) -> Result<Outcome> {
        let hash = value_hash(post);
        let natural_key = post.natural_key();
        let existing: Option<(i64, i64)> = self
            .tx
            .prepare_cached(
                "SELECT post_key, value_hash FROM posts WHERE source = ?1 AND department = ?2 AND natural_key = ?3",
            )?
            .query_row(params![post.source, post.department, natural_key], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let outcome = match existing {
            Some((_, stored)) if stored == hash => return Ok(Outcome::Unchanged),
            Some(_) => Outcome::Updated,
            None => Outcome::Inserted,
        };
        self.tx
            .prepare_cached(
                "INSERT INTO posts (source, natural_key, department, published_at, channel, repost, \
                 title, url, id, as_written, extra, value_hash, publisher, import_id, source_file, \
                 source_line) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16) \
                 ON CONFLICT (source, department, natural_key) DO UPDATE SET \
                 published_at = excluded.published_at, channel = excluded.channel, \
                 repost = excluded.repost, title = excluded.title, url = excluded.url, id = excluded.id, \
                 as_written = excluded.as_written, extra = excluded.extra, \
                 value_hash = excluded.value_hash, publisher = excluded.publisher, \
                 import_id = excluded.import_id, source_file = excluded.source_file, \
                 source_line = excluded.source_line",
            )?
            .execute(params![
                post.source,
                natural_key,
                post.department,
                post.published_at,
                post.channel,
                post.repost,
                post.title,
                post.url,
                post.id,
                post.as_written,
                post.extra,
                hash,
                publisher,
                from.import_id,
                from.file,
                from.line as i64,
            ])?;
        Ok(outcome)
    }

    pub fn upsert_entry(&self, entry: &Entry, from: &Provenance) -> Result<Outcome> {
        let hash = value_hash(entry);
        let name_key = normalize_name(&entry.name);
        let stored: Option<i64> = self
            .tx
            .prepare_cached("SELECT value_hash FROM directory WHERE name_key = ?1")?
            .query_row(params![name_key], |r| r.get(0))
            .optional()?;
        let outcome = match stored {
            Some(stored) if stored == hash => return Ok(Outcome::Unchanged),
            Some(_) => Outcome::Updated,
            None => Outcome::Inserted,
        };
        self.tx
            .prepare_cached(
                "INSERT INTO directory (name_key, name, kind, position, parent, aliases, url, \
                 as_written, extra, value_hash, import_id, source_file, source_line) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) \
                 ON CONFLICT (name_key) DO UPDATE SET name = excluded.name, kind = excluded.kind, \
                 position = excluded.position, parent = excluded.parent, aliases = excluded.aliases, \
                 url = excluded.url, as_written = excluded.as_written, extra = excluded.extra, \
                 value_hash = excluded.value_hash, import_id = excluded.import_id, \
                 source_file = excluded.source_file, source_line = excluded.source_line",
            )?
            .execute(params![
                name_key,
                entry.name,
                entry.kind,
                entry.position,
                entry.parent,
                entry.aliases,
                entry.url,
                entry.as_written,
                entry.extra,
                hash,
                from.import_id,
                from.file,
                from.line as i64,
            ])?;
        Ok(outcome)
    }

    pub fn add_phrase(&self, kind: &str, phrase: &str, origin: &str) -> Result<()> {
        self.tx.execute(
            "INSERT OR IGNORE INTO phrases (kind, phrase, origin) VALUES (?1, ?2, ?3)",
            params![kind, phrase, origin],
        )?;
        Ok(())
    }

    /// How many appeals are stored: the length of the re-classification's progress bar.
    pub fn appeal_count(&self) -> Result<u64> {
        let count: i64 = self
            .tx
            .query_row("SELECT count(*) FROM appeals", [], |r| r.get(0))?;
        Ok(count.max(0) as u64)
    }

    /// Recomputes every appeal's derived columns and every post's publisher after the directory
    /// or the phrases changed (an answered status is an answer), calling `done` after each
    /// appeal (a progress bar's step). Returns how many appeals changed route, official or
    /// answer.
    pub fn rederive(&self, knowledge: &Knowledge, done: &mut dyn FnMut()) -> Result<u64> {
        let mut changed = 0;
        {
            let mut select = self.tx.prepare(&format!(
                "SELECT appeal_key, {VALUE_COLUMN_LIST}, official, route, route_reason, route_target, \
                 answered FROM appeals"
            ))?;
            let mut update = self.tx.prepare(&format!(
                "UPDATE appeals SET official = ?2, route = ?3, route_reason = ?4, \
                     route_target = ?5, official_id = ?6, target_id = ?7, \
                     state = (state & ~{}) | ?8, answered = ?9 WHERE appeal_key = ?1",
                state::ROUTE | state::ANSWERED
            ))?;
            let mut rows = select.query([])?;
            while let Some(row) = rows.next()? {
                let appeal = appeal_from_row(row, 1)?;
                let derived = knowledge.derive(&appeal);
                let after = 1 + VALUE_COLUMNS.len();
                let stored: (String, String, String, Option<String>, bool) = (
                    row.get(after)?,
                    row.get(after + 1)?,
                    row.get(after + 2)?,
                    row.get(after + 3)?,
                    row.get(after + 4)?,
                );
                let now = (
                    derived.official.clone(),
                    derived.route.as_str().to_string(),
                    derived.reason.as_str().to_string(),
                    derived.target.clone(),
                    derived.answered,
                );
                if stored != now {
                    update.execute(params![
                        row.get::<_, i64>(0)?,
                        now.0,
                        now.1,
                        now.2,
                        now.3,
                        self.name_id(&derived.official)?,
                        self.target_id(&derived)?,
                        state::route_code(derived.route) | state::answered_bit(derived.answered),
                        derived.answered,
                    ])?;
                    changed += 1;
                }
                done();
            }
        }
        let departments: Vec<String> = self
            .tx
            .prepare("SELECT DISTINCT department FROM posts")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut update = self
            .tx
            .prepare("UPDATE posts SET publisher = ?2 WHERE department = ?1 AND publisher <> ?2")?;
        for department in departments {
            update.execute(params![department, knowledge.canonical(&department)])?;
        }
        Ok(changed)
    }

    /// The number of a name in `names`, which gains it if new. Looked up once per name and
    /// transaction: an import names a few hundred officials over a million appeals.
    fn name_id(&self, name: &str) -> Result<i64> {
        if let Some(&id) = self.names.borrow().get(name) {
            return Ok(id);
        }
        self.tx
            .prepare_cached("INSERT INTO names (name) VALUES (?1) ON CONFLICT (name) DO NOTHING")?
            .execute(params![name])?;
        let id: i64 = self
            .tx
            .prepare_cached("SELECT name_id FROM names WHERE name = ?1")?
            .query_row(params![name], |r| r.get(0))?;
        self.names.borrow_mut().insert(name.to_string(), id);
        Ok(id)
    }

    fn target_id(&self, derived: &Derived) -> Result<Option<i64>> {
        derived
            .target
            .as_deref()
            .map(|target| self.name_id(target))
            .transpose()
    }

    /// The directory as it stands inside this transaction (after this import's entries).
    pub fn directory(&self) -> Result<Vec<Entry>> {
        super::appeal_row::load_directory(&self.tx)
    }

    pub fn phrases(&self) -> Result<Vec<(String, String, String)>> {
        super::appeal_row::load_phrases(&self.tx)
    }
}

/// What an import writes of one appeal: its values, what was concluded from them, and where they
/// came from; the same columns for an insert and an update.
struct AppealWrite<'a> {
    appeal: &'a Appeal,
    derived: &'a Derived,
    from: &'a Provenance<'a>,
    value_hash: i64,
    line: i64,
    official_id: i64,
    target_id: Option<i64>,
    state: i64,
    page_offset: Option<i64>,
    page_url: Option<&'a str>,
}

/// The columns an import writes after the values, in the order of `AppealWrite::params`.
const WRITTEN_COLUMNS: [&str; 19] = [
    "scraped_at",
    "as_written",
    "extra",
    "value_hash",
    "official",
    "route",
    "route_reason",
    "route_target",
    "days_to_answer",
    "unsatisfied",
    "import_id",
    "source_file",
    "source_line",
    "answered",
    "official_id",
    "target_id",
    "state",
    "source_offset",
    "source_url",
];

impl AppealWrite<'_> {
    fn placeholders() -> String {
        vec!["?"; VALUE_COLUMNS.len() + WRITTEN_COLUMNS.len()].join(", ")
    }

    /// The values (`VALUE_COLUMNS`), then `WRITTEN_COLUMNS`.
    fn params(&self) -> Vec<&dyn ToSql> {
        let (a, d) = (self.appeal, self.derived);
        let written: [&dyn ToSql; WRITTEN_COLUMNS.len()] = [
            &self.from.scraped_at,
            &a.as_written,
            &a.extra,
            &self.value_hash,
            &d.official,
            &d.route,
            &d.reason,
            &d.target,
            &d.days_to_answer,
            &d.unsatisfied,
            &self.from.import_id,
            &self.from.file,
            &self.line,
            &d.answered,
            &self.official_id,
            &self.target_id,
            &self.state,
            &self.page_offset,
            &self.page_url,
        ];
        value_params(a).into_iter().chain(written).collect()
    }
}
