//! Resuming a stopped run, and one run a blog at a time. Each blog's unfinished runs are
//! listed in `BLOG.unfinished` beside the archives; the list is written before the archive's
//! first record and removed once the run's pages are imported, so a run killed at any moment
//! leaves it for the next run to find. `BLOG.lock` beside it, held open under an OS lock for
//! the whole run, keeps a second run of the blog from adopting the first's archive.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::i18n::tr;

pub struct Unfinished {
    path: PathBuf,
}

impl Unfinished {
    pub fn new(archive_dir: &Path, blog: &str) -> Unfinished {
        Unfinished {
            path: archive_dir.join(format!("{blog}.unfinished")),
        }
    }

    /// The archives of earlier runs of this blog that did not finish, oldest first: those that
    /// still exist (a reporter may have moved one away to start afresh).
    pub fn archives(&self) -> Result<Vec<PathBuf>> {
        let text = match fs::read_to_string(&self.path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => {
                return Err(e).with_context(|| {
                    tr(
                        "cannot-read",
                        &[("path", self.path.display().to_string().into())],
                    )
                });
            }
        };
        let dir = self.path.parent().unwrap_or(Path::new("."));
        Ok(text
            .lines()
            .map(str::trim)
            .filter(|name| !name.is_empty())
            .map(|name| dir.join(name))
            .filter(|path| path.exists())
            .collect())
    }

    /// Notes `archive` (in the same folder) as a run not finished yet; on disk before return.
    pub fn add(&self, archive: &Path) -> Result<()> {
        let name = archive
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.path)
            .and_then(|mut f| writeln!(f, "{name}").map(|()| f))
            .with_context(|| {
                tr(
                    "archive-cannot-write-in",
                    &[("path", self.path.display().to_string().into())],
                )
            })?;
        file.flush()?;
        file.sync_all().with_context(|| {
            tr(
                "cannot-write",
                &[("path", self.path.display().to_string().into())],
            )
        })
    }

    /// Every run listed is finished: its pages are imported (or were read with --no-import).
    pub fn clear(&self) -> Result<()> {
        match fs::remove_file(&self.path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e).with_context(|| {
                tr(
                    "cannot-remove",
                    &[("path", self.path.display().to_string().into())],
                )
            }),
            _ => Ok(()),
        }
    }
}

/// The blog's run lock: `BLOG.lock` in the archive folder, held under an OS advisory lock
/// (flock) while the run lasts. The OS lets go of it when the process ends however it ends
/// (`kill -9` too), so a lock left by a killed run blocks nothing: its file is there, but not
/// its lock, and the next run takes it over. The file says who holds it, for the refusal.
pub struct RunLock {
    path: PathBuf,
    file: File,
}

impl RunLock {
    /// Takes the blog's lock, or refuses at once, naming the run that holds it.
    pub fn take(archive_dir: &Path, blog: &str) -> Result<RunLock> {
        make_archive_dir(archive_dir)?;
        let path = archive_dir.join(format!("{blog}.lock"));
        let cannot = || {
            tr(
                "lock-cannot",
                &[("path", path.display().to_string().into())],
            )
        };
        // A few rounds at most: each one lost means another run removed the file it had opened.
        for _ in 0..10 {
            let mut file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .with_context(cannot)?;
            match file.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => {
                    let mut holder = String::new();
                    let _ = file.read_to_string(&mut holder);
                    let holder = crate::visible::visible(holder.trim()).into_owned();
                    let holder = match holder.is_empty() {
                        true => tr("lock-holder-starting", &[]),
                        false => holder,
                    };
                    anyhow::bail!(tr(
                        "lock-taken",
                        &[
                            ("blog", blog.to_string().into()),
                            ("holder", holder.into()),
                            ("dir", archive_dir.display().to_string().into()),
                        ]
                    ));
                }
                Err(TryLockError::Error(e)) => return Err(e).with_context(cannot),
            }
            // The run that held it may have removed the file between our open and our lock:
            // then the lock is on a file no one else will find, and the path's is taken anew.
            if !same_file(&file, &path) {
                continue;
            }
            let who = format!(
                "pid {}, started {}",
                std::process::id(),
                chrono::Utc::now().format("%Y-%m-%d %H:%M:%S UTC")
            );
            file.set_len(0)
                .and_then(|()| file.rewind())
                .and_then(|()| file.write_all(who.as_bytes()))
                .with_context(cannot)?;
            return Ok(RunLock { path, file });
        }
        anyhow::bail!(tr("lock-contended", &[("lock", cannot().into())]))
    }
}

/// Creates the archive folder (and its parents), or says which and what to do.
pub fn make_archive_dir(archive_dir: &Path) -> Result<()> {
    fs::create_dir_all(archive_dir).with_context(|| {
        tr(
            "archive-folder-cannot-create",
            &[("dir", archive_dir.display().to_string().into())],
        )
    })
}

impl Drop for RunLock {
    /// The file goes while it is still locked, so that no run can lock it once it is gone.
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &File, path: &Path) -> bool {
    path.exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_the_unfinished_runs_that_still_exist_until_cleared() {
        let dir = tempfile::tempdir().unwrap();
        let unfinished = Unfinished::new(dir.path(), "2719746");
        assert!(unfinished.archives().unwrap().is_empty());
        let first = dir.path().join("2719746-20261202T110000Z.warc.gz");
        let gone = dir.path().join("2719746-20261202T120000Z.warc.gz");
        fs::write(&first, b"").unwrap();
        unfinished.add(&first).unwrap();
        unfinished.add(&gone).unwrap();
        assert_eq!(unfinished.archives().unwrap(), vec![first]);
        unfinished.clear().unwrap();
        assert!(unfinished.archives().unwrap().is_empty());
        unfinished.clear().unwrap();
    }

    #[test]
    fn one_run_a_blog_and_a_lock_let_go_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let lock = RunLock::take(dir.path(), "7").unwrap();
        let refused = RunLock::take(dir.path(), "7").err().unwrap().to_string();
        assert!(
            refused.contains("being fetched by another run")
                && refused.contains(&format!("pid {}", std::process::id())),
            "{refused}"
        );
        assert!(refused.starts_with("blog 7 is being fetched"), "{refused}");
        // gov.kz's runs share one lock, named as gov.kz rather than as a blog.
        let govkz = RunLock::take(dir.path(), "govkz").unwrap();
        let refused = RunLock::take(dir.path(), "govkz")
            .err()
            .unwrap()
            .to_string();
        assert!(refused.starts_with("gov.kz is being fetched"), "{refused}");
        drop(govkz);
        // Another blog is another lock.
        drop(RunLock::take(dir.path(), "8").unwrap());
        drop(lock);
        assert!(!dir.path().join("7.lock").exists());
        // A file left by a killed run is no lock: it is taken over.
        fs::write(dir.path().join("7.lock"), "pid 1, started long ago").unwrap();
        let again = RunLock::take(dir.path(), "7").unwrap();
        let holder = fs::read_to_string(dir.path().join("7.lock")).unwrap();
        assert!(
            holder.starts_with(&format!("pid {}", std::process::id())),
            "{holder}"
        );
        drop(again);
    }
}
