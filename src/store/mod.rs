//! SQLite storage: opening and migrating the database file, and every SQL statement the tool
//! runs (no SQL lives outside this module). Writes happen inside one transaction per command.

mod appeal_row;
mod history;
mod publish;
mod read;
mod reads;
mod refetch;
mod state;
mod write;

pub use appeal_row::{AppealOrder, StoredAppeal};
pub use publish::{
    DESCRIPTIONS, PublicCopy, canned_queries, catalogued_columns, make_public, objects,
};
pub use read::*;
pub use reads::BodyReads;
pub use reads::{ReadOutcome, SourceRead};
// What a re-fetch needs of an appeal; not the stored row of `appeal_row` (the full one).
pub use refetch::StoredAppeal as RefetchAppeal;
pub use write::*;

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use rusqlite::{Connection, OpenFlags};

use crate::i18n::tr;

/// Numbered migrations, embedded in the binary; `PRAGMA user_version` records the last applied.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_initial.sql"),
    include_str!("migrations/002_changes.sql"),
    include_str!("migrations/003_record_hash.sql"),
    include_str!("migrations/004_figures.sql"),
    include_str!("migrations/005_has_answer.sql"),
    include_str!("migrations/006_page_provenance.sql"),
    include_str!("migrations/007_source_reads.sql"),
    include_str!("migrations/008_posts_by_department.sql"),
];

pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// The oldest schema reports can read as it is: version 3 only added what imports use, and
/// before version 4 reports read the wide columns (see `FIGURES_SINCE`), so a
/// database from before them serves reports until its next import upgrades it.
const OLDEST_READABLE: i64 = 2;

/// The first schema with the narrow figures (`official_id`, `state`, ...) reports read.
const FIGURES_SINCE: i64 = 4;

/// An import's page cache, 16 MiB (negative: KiB).
const CACHE_KIB: i64 = -16384;

/// How long a writer waits for another writer before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(120);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Imports: create the file if needed, migrate it.
    Write,
    /// Reports: the file must exist; it is never changed.
    Read,
}

pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// The schema version the file has (once migrated, for an import).
    schema: i64,
}

impl Store {
    pub fn open(path: &Path, access: Access) -> Result<Store> {
        let shown = path.display();
        if access == Access::Read && !path.exists() {
            bail!("{}", tr("db-none", &[("path", shown.to_string().into())]));
        }
        if access == Access::Read {
            recover_journal(path);
        }
        let flags = match access {
            Access::Write => OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
            Access::Read => OpenFlags::SQLITE_OPEN_READ_ONLY,
        } | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let mut conn = Connection::open_with_flags(path, flags)
            .with_context(|| tr("db-cannot-open", &[("path", shown.to_string().into())]))?;
        // SQLite opens a file it may not write read-only without a word; say so before an
        // import fails on its first write with an error that names no file.
        if access == Access::Write && conn.is_readonly(rusqlite::DatabaseName::Main)? {
            bail!(
                "{}",
                tr("db-read-only", &[("path", shown.to_string().into())])
            );
        }
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let version: i64 =
            match while_busy(|| conn.query_row("PRAGMA user_version", [], |row| row.get(0))) {
                Ok(version) => version,
                // A WAL database in a folder this process may not write: SQLite cannot create the
                // -shm file it reads through. With no -wal file there is nothing unfinished to
                // read, so the file alone is the database: read it as immutable.
                Err(e) if access == Access::Read && has_journal(path) => bail!(
                    "{shown} holds the journal of an unfinished first import (killed, or still \
                     running as another user), which only a process that may write there can \
                     play back ({e}): run the report (or any import) as a user who may write \
                     to the database's folder"
                ),
                Err(e) if access == Access::Read && is_cannot_open(&e) && !has_wal(path) => {
                    conn = open_immutable(path).ok_or_else(|| not_a_database(path, e))?;
                    conn.query_row("PRAGMA user_version", [], |row| row.get(0))
                        .map_err(|e| not_a_database(path, e))?
                }
                Err(e) => return Err(not_a_database(path, e)),
            };
        if version > SCHEMA_VERSION {
            bail!(
                "{shown} was written by a newer appeal-audit (schema version {version}; this one \
                 knows up to {SCHEMA_VERSION}): upgrade appeal-audit to read it"
            );
        }
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            schema: version,
        };
        match access {
            Access::Write => {
                if version == 0 {
                    // A new file: 16 KiB pages hold six 2.4 KB appeals where 4 KiB pages held
                    // one and wasted 40% (measured: the database 24% smaller and a 200k import
                    // 30% faster). Only a file with no table yet takes a new page size.
                    store.conn.pragma_update(None, "page_size", 16384)?;
                }
                // WAL lets a report read while an import writes; NORMAL sync stays crash-safe
                // in WAL mode (a crash may lose the last commit, never corrupt the file).
                while_busy(|| store.conn.pragma_update(None, "journal_mode", "WAL"))
                    .map_err(|e| not_a_database(path, e))?;
                store.conn.pragma_update(None, "synchronous", "NORMAL")?;
                // 16 MiB of page cache (negative: KiB), so that a large import spills few
                // pages to the WAL before it commits, within the 64 MiB memory budget.
                store.conn.pragma_update(None, "cache_size", CACHE_KIB)?;
                store.migrate(version)?;
                store.schema = SCHEMA_VERSION;
            }
            Access::Read if version < OLDEST_READABLE => bail!(
                "{shown} has schema version {version}, older than the oldest this appeal-audit \
                 reads ({OLDEST_READABLE}): run any import on it to upgrade it (or it is not an \
                 appeal-audit database)"
            ),
            Access::Read => {}
        }
        store.conn.pragma_update(None, "foreign_keys", "ON")?;
        Ok(store)
    }

    fn migrate(&mut self, from: i64) -> Result<()> {
        if from == SCHEMA_VERSION {
            return Ok(());
        }
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // Another process may have migrated while this one waited for the lock.
        let current: i64 = tx.query_row("PRAGMA user_version", [], |row| row.get(0))?;
        for (index, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
            tx.execute_batch(sql)
                .with_context(|| format!("cannot apply schema migration {}", index + 1))?;
        }
        tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        tx.commit()?;
        Ok(())
    }

    /// Whether no appeal is stored yet: the first import of a new audit.
    pub fn has_no_appeals(&self) -> Result<bool> {
        Ok(!holds_appeals(&self.conn)?)
    }

    /// For the first import of appeals into a database, writes through a rollback journal
    /// instead of the WAL. The WAL writes every page twice (to the log, then to the database
    /// when the log is checkpointed); a rollback journal writes new pages once, which is what
    /// makes SQLite's own `.import` fast (with it, and the deferred indexes, a first import of
    /// 200,000 appeals takes 0.91 of `sqlite3 .import`, and of 1,000,000 0.79: BENCHMARKS.md;
    /// the checkpoint alone had been up to 29% of a first import's profile). The price is that a report started meanwhile waits for the import
    /// (up to the busy timeout) instead of reading the state before it, and a database with
    /// nothing in it has no such state worth reading. synchronous=FULL keeps the rollback
    /// journal crash-safe. Only taken when no other connection has the database open (SQLite
    /// refuses to leave WAL mode otherwise); returns whether it was.
    pub fn use_rollback_journal(&mut self) -> Result<bool> {
        self.conn.busy_timeout(std::time::Duration::ZERO)?;
        let mode = self
            .conn
            .query_row("PRAGMA journal_mode = TRUNCATE", [], |r| {
                r.get::<_, String>(0)
            });
        self.conn.busy_timeout(BUSY_TIMEOUT)?;
        let switched = matches!(mode, Ok(m) if m.eq_ignore_ascii_case("truncate"));
        if switched {
            self.conn.pragma_update(None, "synchronous", "FULL")?;
        }
        Ok(switched)
    }

    /// Back to WAL after `use_rollback_journal`. A failure here loses nothing (the import has
    /// committed, and the next import sets WAL again), so it is a warning.
    pub fn restore_wal(&mut self) -> Result<()> {
        let mode: String = while_busy(|| {
            self.conn
                .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
        })?;
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        if !mode.eq_ignore_ascii_case("wal") {
            bail!("the database stayed in {mode} journal mode");
        }
        Ok(())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Starts the one transaction an import runs in: all of it lands, or none.
    pub fn begin(&mut self) -> Result<Batch<'_>> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| {
                if is_cannot_open(&e) {
                    not_a_database(&self.path, e)
                } else {
                    anyhow::Error::new(e)
                        .context(format!("cannot start writing to {}", self.path.display()))
                }
            })?;
        Ok(Batch {
            tx,
            names: Default::default(),
        })
    }
}

/// A database as schema 3 left it, with one import for appeals to refer to: the starting point
/// of the tests that read and upgrade older files.
#[cfg(test)]
fn schema_3_with_an_import(conn: &Connection) {
    for sql in &MIGRATIONS[..3] {
        conn.execute_batch(sql).unwrap();
    }
    conn.pragma_update(None, "user_version", 3).unwrap();
    conn.execute_batch(
        "INSERT INTO imports (import_id, kind, file, size, sha256, format, encoding, started_at) \
         VALUES (1, 'appeals', 'a.csv', 0, '', 'csv', 'utf-8', '2022-10-03')",
    )
    .unwrap();
}

/// Whether any appeal is stored (within `conn`'s transaction, if it is in one).
fn holds_appeals(conn: &Connection) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM appeals LIMIT 1")?
        .exists([])?)
}

/// Retries `op` while another connection holds a lock it needs, up to the busy timeout.
/// SQLite's own busy handler does not cover every case: entering WAL mode, or reading while
/// a first import writes through a rollback journal, can fail at once with SQLITE_BUSY.
fn while_busy<T>(mut op: impl FnMut() -> rusqlite::Result<T>) -> rusqlite::Result<T> {
    let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
    loop {
        match op() {
            Err(e)
                if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy)
                    && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(20));
            }
            result => return result,
        }
    }
}

/// What SQLite says when it cannot create or write the -wal or -shm file beside a database:
/// CANTOPEN when the folder cannot be written at all, READONLY when only another user could.
fn is_cannot_open(error: &rusqlite::Error) -> bool {
    matches!(
        error.sqlite_error_code(),
        Some(rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::ReadOnly)
    )
}

fn has_wal(path: &Path) -> bool {
    has_beside(path, "-wal")
}

/// A rollback journal beside the database: a first import is running, or was killed.
fn has_journal(path: &Path) -> bool {
    has_beside(path, "-journal")
}

fn has_beside(path: &Path, suffix: &str) -> bool {
    let mut file = path.as_os_str().to_owned();
    file.push(suffix);
    std::fs::metadata(file).is_ok_and(|m| m.len() > 0)
}

/// A first import killed midway leaves its rollback journal, which the next connection that
/// may write plays back; a read-only connection cannot, and would read the half-written file.
/// So a report that finds a journal opens the file for writing once, which recovers it (or,
/// when an import is running, waits for it like any reader), then reads as usual. Nothing is
/// recovered where this process may not write; the read-only open then says so.
fn recover_journal(path: &Path) {
    if !has_journal(path) {
        return;
    }
    if let Ok(conn) = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    ) {
        let _ = conn.busy_timeout(BUSY_TIMEOUT);
        let _ = while_busy(|| conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0)));
    }
}

/// Opens `path` read-only as an immutable file (no locks, no -shm), for a folder that cannot
/// be written; None when the path cannot be written as a URI.
fn open_immutable(path: &Path) -> Option<Connection> {
    let text = path.to_str()?;
    let escaped = text
        .replace('%', "%25")
        .replace('?', "%3f")
        .replace('#', "%23");
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    Connection::open_with_flags(format!("file:{escaped}?immutable=1"), flags).ok()
}

fn not_a_database(path: &Path, error: rusqlite::Error) -> anyhow::Error {
    if is_cannot_open(&error) {
        return anyhow::anyhow!(
            "cannot open the database {} ({error}): SQLite keeps its -wal and -shm files beside \
             the database, so its folder must be writable (a report can read it from a \
             read-only folder unless an import left unfinished writes in its -wal file)",
            path.display()
        );
    }
    anyhow::anyhow!(
        "{} is not an appeal-audit database ({error}): give another --db path, or move the file \
         away",
        path.display()
    )
}

/// Database time stamps are local time, second precision, sortable as text.
pub fn now_stamp() -> String {
    chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string()
}
