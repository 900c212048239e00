//! SQLite storage: opening and migrating the database file, and every SQL statement the tool
//! runs (no SQL lives outside this module). Writes happen inside one transaction per command.

mod read;
mod write;

pub use read::*;
pub use write::*;

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use rusqlite::{Connection, OpenFlags};

/// Numbered migrations, embedded in the binary; `PRAGMA user_version` records the last applied.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_initial.sql"),
    include_str!("migrations/002_changes.sql"),
];

pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

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
}

impl Store {
    pub fn open(path: &Path, access: Access) -> Result<Store> {
        let shown = path.display();
        if access == Access::Read && !path.exists() {
            bail!(
                "no database at {shown}: import some records first (appeal-audit import appeals \
                 FILE), or point --db or $APPEAL_AUDIT_DB at your database"
            );
        }
        let flags = match access {
            Access::Write => OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
            Access::Read => OpenFlags::SQLITE_OPEN_READ_ONLY,
        } | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let mut conn = Connection::open_with_flags(path, flags)
            .with_context(|| format!("cannot open the database {shown}"))?;
        // SQLite opens a file it may not write read-only without a word; say so before an
        // import fails on its first write with an error that names no file.
        if access == Access::Write && conn.is_readonly(rusqlite::DatabaseName::Main)? {
            bail!(
                "{shown} is read-only (its permissions, its folder's, or a read-only disk): an \
                 import must write to it, reports can still read it. Make it writable, or copy \
                 it somewhere writable and give --db the copy"
            );
        }
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let version: i64 = match conn.query_row("PRAGMA user_version", [], |row| row.get(0)) {
            Ok(version) => version,
            // A WAL database in a folder this process may not write: SQLite cannot create the
            // -shm file it reads through. With no -wal file there is nothing unfinished to
            // read, so the file alone is the database: read it as immutable.
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
                store
                    .conn
                    .pragma_update(None, "journal_mode", "WAL")
                    .map_err(|e| not_a_database(path, e))?;
                store.conn.pragma_update(None, "synchronous", "NORMAL")?;
                // 16 MiB of page cache (negative: KiB), so that a large import spills few
                // pages to the WAL before it commits, within the 64 MiB memory budget.
                store.conn.pragma_update(None, "cache_size", -16384)?;
                store.migrate(version)?;
            }
            Access::Read if version < SCHEMA_VERSION => bail!(
                "{shown} has schema version {version}, older than this appeal-audit's \
                 {SCHEMA_VERSION}: run any import on it to upgrade it (or it is not an \
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
        Ok(Batch { tx })
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
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::metadata(wal).is_ok_and(|m| m.len() > 0)
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
