//! The import: every file in one transaction, all or nothing (or, with --skip-invalid,
//! everything valid). Directory files go first, so that appeals and posts are matched against
//! the directory being imported with them; a new directory or phrase list reclassifies what is
//! stored. Then a summary line per file.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow};

use super::file::{FileJob, import_file};
use super::knowledge::knowledge;
use super::options::ImportOptions;
use super::refusal::{Reject, problem_words, write_rejects};
use crate::classify::Phrases;
use crate::i18n::tr;
use crate::progress::{Reporter, warning};
use crate::records::fields::RecordKind;
use crate::records::reader::Input;
use crate::store::{Access, Batch, ImportLog, Store, now_stamp};

/// `import appeals|posts|directory FILE...`: the files of one kind into the database at `db`.
pub fn import_files(
    reporter: &dyn Reporter,
    db: &Path,
    kind: RecordKind,
    files: &[PathBuf],
    options: &ImportOptions,
) -> Result<Vec<ImportLog>> {
    let jobs: Vec<(RecordKind, Input)> = files.iter().map(|f| (kind, Input::from_arg(f))).collect();
    let mut store = Store::open(db, Access::Write)?;
    import(reporter, &mut store, &jobs, options)
}

/// Imports every job in one transaction and says what each file gave.
pub fn import(
    reporter: &dyn Reporter,
    store: &mut Store,
    jobs: &[(RecordKind, Input)],
    options: &ImportOptions,
) -> Result<Vec<ImportLog>> {
    let mut jobs: Vec<&(RecordKind, Input)> = jobs.iter().collect();
    jobs.sort_by_key(|(kind, _)| *kind != RecordKind::Directory);
    let started = now_stamp();
    let first_appeals =
        jobs.iter().any(|(kind, _)| *kind == RecordKind::Appeals) && store.has_no_appeals()?;
    let rollback_journal = first_appeals && store.use_rollback_journal()?;
    let logs = import_in_one_transaction(reporter, store, &jobs, options, &started);
    if rollback_journal && let Err(e) = store.restore_wal() {
        reporter.warn(&format_args!(
            "appeal-audit: warning: {}: cannot return to WAL mode after the import ({e:#}); the \
             import is complete, and the next import sets WAL again",
            store.path().display()
        ));
    }
    let (logs, rejects) = logs?;
    summarise(reporter, &logs, &rejects, options);
    Ok(logs)
}

/// The import proper: every job, the reclassification a new directory calls for, the
/// --rejects file, one commit. Returns each file's log and the rejected records.
fn import_in_one_transaction(
    reporter: &dyn Reporter,
    store: &mut Store,
    jobs: &[&(RecordKind, Input)],
    options: &ImportOptions,
    started: &str,
) -> Result<(Vec<ImportLog>, Vec<Reject>)> {
    let batch = store.begin()?;
    let mut phrases_added = false;
    if let Some(path) = &options.phrases {
        add_phrases(&batch, path)?;
        phrases_added = true;
    }
    let mut know = knowledge(batch.directory()?, batch.phrases()?);
    let mut logs = Vec::new();
    let mut rejects = Vec::new();
    let mut directory_changed = false;
    for (kind, input) in jobs {
        let job = FileJob {
            batch: &batch,
            options,
            know: &know,
            started,
            reporter,
        };
        let log = import_file(&job, *kind, input, &mut rejects)?;
        if *kind == RecordKind::Directory && (log.inserted > 0 || log.updated > 0) {
            directory_changed = true;
            know = knowledge(batch.directory()?, batch.phrases()?);
        }
        logs.push(log);
    }
    if directory_changed || phrases_added {
        // Every stored appeal is classified again: minutes at a million, so a bar shows it.
        let bar = reporter.rows_bar(&tr("bar-reclassifying", &[]));
        if let Some(bar) = &bar {
            bar.set_length(batch.appeal_count()?);
        }
        let changed = batch.rederive(&know, &mut || {
            if let Some(bar) = &bar {
                bar.inc(1);
            }
        })?;
        if let Some(bar) = bar {
            bar.finish_and_clear();
        }
        if changed > 0 {
            reporter.say(&tr("import-reclassified", &[("n", changed.into())]));
        }
    }
    if let Some(path) = &options.rejects {
        write_rejects(path, &rejects)?;
    }
    batch.commit()?;
    Ok((logs, rejects))
}

/// A line per file, a warning for a file with no records, and the first rejected records.
fn summarise(
    reporter: &dyn Reporter,
    logs: &[ImportLog],
    rejects: &[Reject],
    options: &ImportOptions,
) {
    for log in logs {
        reporter.say(&tr(
            "import-summary",
            &[
                ("file", log.file.clone().into()),
                ("read", log.read.into()),
                ("inserted", log.inserted.into()),
                ("updated", log.updated.into()),
                ("unchanged", log.unchanged.into()),
                ("rejected", log.rejected.into()),
            ],
        ));
        if log.read == 0 {
            reporter.warn(&warning(tr(
                "import-no-records",
                &[("file", log.file.clone().into())],
            )));
        }
    }
    for reject in rejects.iter().take(10) {
        reporter.say(&tr(
            "import-rejected",
            &[
                ("file", reject.file.clone().into()),
                ("line", reject.line.into()),
                ("problem", problem_words(&reject.error).into()),
            ],
        ));
    }
    if rejects.len() > 10 {
        let more = rejects.len() - 10;
        reporter.say(&match &options.rejects {
            Some(path) => tr(
                "import-rejected-more-in",
                &[
                    ("n", more.into()),
                    ("path", path.display().to_string().into()),
                ],
            ),
            None => tr("import-rejected-more", &[("n", more.into())]),
        });
    }
}

fn add_phrases(batch: &Batch, path: &Path) -> Result<()> {
    let text = std::fs::read_to_string(path).with_context(|| {
        tr(
            "cannot-read-phrases",
            &[("path", path.display().to_string().into())],
        )
    })?;
    let origin = path.display().to_string();
    let mut phrases = Phrases::defaults();
    let before = phrases.all().len();
    phrases
        .add_file(&text, &origin)
        .map_err(|e| anyhow!("{origin}: {e}"))?;
    for phrase in &phrases.all()[before..] {
        batch.add_phrase(phrase.kind.prefix(), &phrase.text, &phrase.origin)?;
    }
    Ok(())
}
