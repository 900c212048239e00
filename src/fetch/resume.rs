//! Resuming a stopped run. Each blog's unfinished runs are listed in `BLOG.unfinished` beside
//! the archives; the list is written before the archive's first record and removed once the
//! run's pages are imported, so a run killed at any moment leaves it for the next run to find.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

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
                return Err(e).with_context(|| format!("cannot read {}", self.path.display()));
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
                format!(
                    "cannot write {}: check the archive folder is writable",
                    self.path.display()
                )
            })?;
        file.flush()?;
        file.sync_all()
            .with_context(|| format!("cannot write {}", self.path.display()))
    }

    /// Every run listed is finished: its pages are imported (or were read with --no-import).
    pub fn clear(&self) -> Result<()> {
        match fs::remove_file(&self.path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                Err(e).with_context(|| format!("cannot remove {}", self.path.display()))
            }
            _ => Ok(()),
        }
    }
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
}
