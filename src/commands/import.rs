//! `import appeals|posts|directory FILE...`: every file in one transaction, all or nothing
//! (or, with --skip-invalid, everything valid), then a summary line per file on stderr.

use std::collections::{BTreeSet, HashSet};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::mpsc;

use anyhow::{Context, Result, anyhow};

use super::options::ImportOptions;
use super::{Finish, Global, knowledge};
use crate::classify::Phrases;
use crate::derive::{Derived, Knowledge};
use crate::i18n::tr;
use crate::records::appeal::{Appeal, Entry, Post, value_hash};
use crate::records::dates;
use crate::records::fields::RecordKind;
use crate::records::reader::SourceRecord;
use crate::records::reader::{FileFacts, Input, InputFormat, ReadOptions, read_records};
use crate::records::typed::{Identity, Mapper, RecordError, record_hash};
use crate::store::{Access, Batch, Hashes, ImportLog, Outcome, Provenance, Store, now_stamp};

pub fn run(
    global: &Global,
    kind: RecordKind,
    files: &[PathBuf],
    options: &ImportOptions,
) -> Result<Finish> {
    let jobs: Vec<(RecordKind, Input)> = files.iter().map(|f| (kind, Input::from_arg(f))).collect();
    let mut store = Store::open(&global.db, Access::Write)?;
    import(global, &mut store, &jobs, options)?;
    Ok(Finish::Done)
}

/// One rejected record, for the summary and the --rejects file.
struct Reject {
    file: String,
    line: u64,
    error: RecordError,
}

/// Imports every job in one transaction. Directory files go first, so that appeals and posts
/// are matched against the directory being imported with them.
pub fn import(
    global: &Global,
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
    let logs = import_in_one_transaction(global, store, &jobs, options, &started);
    // Not a let chain: the crate builds on Rust 1.85, and let chains came in 1.88.
    let restored = match rollback_journal {
        true => store.restore_wal(),
        false => Ok(()),
    };
    if let Err(e) = restored {
        crate::commands::tell(format!(
            "appeal-audit: warning: {}: cannot return to WAL mode after the import ({e:#}); the \
             import is complete, and the next import sets WAL again",
            store.path().display()
        ));
    }
    let (logs, rejects) = logs?;
    for log in &logs {
        global.say(tr(
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
            crate::commands::tell(format!(
                "appeal-audit: warning: {} holds no records (a header only?): nothing imported from it",
                log.file
            ));
        }
    }
    for reject in rejects.iter().take(10) {
        global.say(format!(
            "rejected: {}, line {}: {}",
            reject.file, reject.line, reject.error
        ));
    }
    if rejects.len() > 10 {
        global.say(format!(
            "... and {} more rejected records{}",
            rejects.len() - 10,
            match &options.rejects {
                Some(p) => format!(" (all in {})", p.display()),
                None => " (give --rejects FILE to list them all)".to_string(),
            }
        ));
    }
    Ok(logs)
}

/// The import proper: every job, the reclassification a new directory calls for, the
/// --rejects file, one commit. Returns each file's log and the rejected records.
fn import_in_one_transaction(
    global: &Global,
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
        let log = import_file(
            global,
            &batch,
            *kind,
            input,
            options,
            &know,
            started,
            &mut rejects,
        )?;
        if *kind == RecordKind::Directory && (log.inserted > 0 || log.updated > 0) {
            directory_changed = true;
            know = knowledge(batch.directory()?, batch.phrases()?);
        }
        logs.push(log);
    }
    if directory_changed || phrases_added {
        let changed = batch.rederive(&know)?;
        if changed > 0 {
            global.say(format!(
                "reclassified {changed} stored appeals with the new directory or phrases"
            ));
        }
    }
    if let Some(path) = &options.rejects {
        write_rejects(path, &rejects)?;
    }
    batch.commit()?;
    Ok((logs, rejects))
}

#[allow(clippy::too_many_arguments)]
fn import_file(
    global: &Global,
    batch: &Batch,
    kind: RecordKind,
    input: &Input,
    options: &ImportOptions,
    know: &Knowledge,
    started: &str,
    rejects: &mut Vec<Reject>,
) -> Result<ImportLog> {
    let file = input.to_string();
    let mut log = ImportLog {
        kind: kind.as_str().to_string(),
        file: file.clone(),
        scraped_at: options.scraped_at.clone(),
        snapshot: options.snapshot,
        ..ImportLog::default()
    };
    let import_id = batch.start_import(&log)?;
    let default_scrape = options
        .scraped_at
        .clone()
        .unwrap_or_else(|| started.to_string());
    let progress = progress_bar(global, input);
    // Into a source with no appeals yet every record is new, so the reading thread classifies
    // too, taking that work off the writer. Otherwise the writer classifies only the new and
    // changed records it finds, and a weekly re-import classifies almost nothing.
    let classify_early = kind == RecordKind::Appeals && !batch.has_appeals(&options.source)?;
    let deferred_indexes = match kind {
        RecordKind::Appeals => batch.defer_indexes()?,
        _ => Vec::new(),
    };
    // A snapshot's appeals, and whose they are, to tell which stored appeals it no longer shows.
    let mut seen = HashSet::new();
    let mut addressees = BTreeSet::new();
    // Reading, typing and classifying run on a second thread while this one writes: SQLite
    // gets one core to itself. Batches keep the channel cheap; its bound keeps memory flat.
    let (sender, receiver) = mpsc::sync_channel::<Vec<Ready>>(4);
    let reading = Reading {
        kind,
        input,
        options,
        know,
        classify_early,
    };
    // Types the records the reading thread left raw, when they turn out new or changed; the
    // writer classifies those itself, and only when it stores them.
    let writing = Reading {
        classify_early: false,
        ..reading
    };
    let mut typist = mapper(options, kind)?;
    let (read_outcome, write_outcome) = std::thread::scope(|scope| {
        let reader = scope.spawn(|| prepare(&reading, progress.clone(), sender));
        let mut write = || -> Result<()> {
            while let Ok(chunk) = receiver.recv() {
                for ready in chunk {
                    let line = ready.line();
                    log.read += 1;
                    // A record made from a page names the page, not the records made of it.
                    let (from_file, from_line, page) = match input.origin(line) {
                        Some(o) => (
                            o.file.as_str(),
                            o.position,
                            Some((o.offset, o.url.as_str())),
                        ),
                        None => (file.as_str(), line, None),
                    };
                    let from = |scraped_at| Provenance {
                        import_id,
                        file: from_file,
                        line: from_line,
                        page,
                        scraped_at,
                    };
                    let typed = match ready {
                        Ready::Typed { typed, .. } => typed,
                        Ready::Raw {
                            record,
                            identity,
                            record_hash,
                            ..
                        } => {
                            let source = identity.source.unwrap_or_else(|| options.source.clone());
                            let scrape = identity
                                .scraped_at
                                .unwrap_or_else(|| default_scrape.clone());
                            // Stored exactly as read: unchanged, and never typed. Only a
                            // snapshot asks which appeal it is and whose.
                            if batch.see_unchanged(&source, &identity.id, record_hash, &scrape)? {
                                let key = match options.snapshot {
                                    true => batch.appeal_key(&source, &identity.id)?,
                                    false => None,
                                };
                                if let Some(key) = key {
                                    seen.insert(key);
                                    addressees
                                        .insert((source, know.canonical(&identity.addressee)));
                                }
                                log.count(Outcome::Unchanged);
                                continue;
                            }
                            type_record(&writing, &mut typist, record, record_hash)?
                        }
                    };
                    let outcome = match typed {
                        Typed::Appeal {
                            appeal,
                            hashes,
                            derived,
                        } => {
                            let scrape = appeal
                                .scraped_at
                                .clone()
                                .unwrap_or_else(|| default_scrape.clone());
                            let (outcome, key, official) = batch.upsert_appeal(
                                &appeal,
                                derived,
                                know,
                                hashes,
                                &from(&scrape),
                            )?;
                            if options.snapshot {
                                seen.insert(key);
                                addressees.insert((appeal.source, official));
                            }
                            outcome
                        }
                        Typed::Post { post, publisher } => {
                            batch.upsert_post(&post, &publisher, &from(&default_scrape))?
                        }
                        Typed::Entry { entry } => {
                            batch.upsert_entry(&entry, &from(&default_scrape))?
                        }
                        Typed::Rejected { error } => {
                            log.rejected += 1;
                            rejects.push(Reject {
                                file: file.clone(),
                                line,
                                error,
                            });
                            continue;
                        }
                    };
                    log.count(outcome);
                }
            }
            Ok(())
        };
        let written = write();
        // Stops the reader at its next batch when writing failed.
        drop(receiver);
        let read = reader
            .join()
            .unwrap_or_else(|_| Err(anyhow!("internal error: the reading thread panicked")));
        (read, written)
    });
    // A writing error explains a stopped reader; otherwise the reader's error is the news.
    let facts = write_outcome
        .and(read_outcome)
        .map_err(|e| anyhow!("{e:#}\n{}", tr("import-nothing", &[])))?;
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    // Before anything reads appeals through them (the snapshot's vanished search does).
    batch.build_indexes(&deferred_indexes)?;
    if options.snapshot && kind == RecordKind::Appeals {
        let addressees: Vec<(String, String)> = addressees.into_iter().collect();
        let from = Provenance {
            import_id,
            file: &file,
            line: 0,
            page: None,
            scraped_at: &default_scrape,
        };
        let vanished = batch.mark_vanished(&addressees, &seen, &from)?;
        if vanished > 0 {
            global.say(format!("{file}: {vanished} appeals stored from earlier scrapes are missing from this snapshot: marked vanished"));
        }
    }
    log.size = facts.size;
    log.sha256 = facts.sha256;
    log.format = format!("{:?}", facts.format).to_lowercase();
    log.encoding = facts.encoding.to_string();
    batch.finish_import(import_id, &log)?;
    Ok(log)
}

/// A record as the reading thread hands it over: typed, or left for the writer to look up.
// Typed appeals are nearly every record of a first import; boxing them would cost an
// allocation each for nothing.
#[allow(clippy::large_enum_variant)]
enum Ready {
    Typed {
        typed: Typed,
        line: u64,
    },
    /// An appeal left untyped: only the writer can tell whether it is stored exactly as read,
    /// and then it needs no typing at all.
    Raw {
        record: SourceRecord,
        identity: Identity,
        record_hash: i64,
        line: u64,
    },
}

impl Ready {
    fn line(&self) -> u64 {
        match self {
            Ready::Typed { line, .. } | Ready::Raw { line, .. } => *line,
        }
    }
}

/// A record typed (posts also judged), ready to be written.
#[allow(clippy::large_enum_variant)] // as `Ready`
enum Typed {
    Appeal {
        appeal: Appeal,
        hashes: Hashes,
        /// Classified already, when the reading thread does it.
        derived: Option<Derived>,
    },
    Post {
        post: Post,
        publisher: String,
    },
    Entry {
        entry: Entry,
    },
    Rejected {
        error: RecordError,
    },
}

const BATCH: usize = 256;

/// What, besides a record itself, decides the values it types to: its source, --map and
/// --date-format. Part of every record hash, so that a record read with other options is typed
/// again.
fn typing_seed(options: &ImportOptions) -> Vec<u8> {
    let mut seed = format!("{}\0{:?}\0", options.source, options.date_format);
    for (field, column) in &options.maps {
        seed.push_str(&format!("{field}={column}\0"));
    }
    seed.into_bytes()
}

/// How a file's records are read and typed: the reading thread's settings, and (with
/// `classify_early` off) the writer's for the records it types itself.
struct Reading<'a> {
    kind: RecordKind,
    input: &'a Input,
    options: &'a ImportOptions,
    know: &'a Knowledge,
    classify_early: bool,
}

/// The reading thread: every record of the file typed and hashed (and classified, when
/// `classify_early`), sent in batches. Stops at the first invalid record unless --skip-invalid,
/// or when the writer has gone.
fn prepare(
    reading: &Reading,
    progress: Option<indicatif::ProgressBar>,
    sender: mpsc::SyncSender<Vec<Ready>>,
) -> Result<FileFacts> {
    let Reading {
        kind,
        input,
        options,
        classify_early,
        ..
    } = *reading;
    let mut mapper = mapper(options, kind)?;
    let mut chunk = Vec::with_capacity(BATCH);
    let stopped = || anyhow!("stopped: the writer failed");
    let seed = typing_seed(options);
    let facts = read_records(input, &options.read, progress, &mut |record| {
        let line = record.line;
        let record_hash = match kind {
            RecordKind::Appeals => record_hash(&seed, &record),
            _ => 0,
        };
        // A re-import: the writer looks the record up before anything types it.
        let identity = (kind == RecordKind::Appeals && !classify_early)
            .then(|| mapper.identity(&record))
            .flatten();
        let ready = match identity {
            Some(identity) => Ready::Raw {
                record,
                identity,
                record_hash,
                line,
            },
            None => Ready::Typed {
                typed: type_record(reading, &mut mapper, record, record_hash)?,
                line,
            },
        };
        chunk.push(ready);
        if chunk.len() == BATCH {
            sender
                .send(std::mem::replace(&mut chunk, Vec::with_capacity(BATCH)))
                .map_err(|_| stopped())?;
        }
        Ok(())
    })?;
    if !chunk.is_empty() {
        sender.send(chunk).map_err(|_| stopped())?;
    }
    Ok(facts)
}

fn mapper(options: &ImportOptions, kind: RecordKind) -> Result<Mapper> {
    Mapper::new(kind, &options.maps, options.date_format.clone()).map_err(|e| anyhow!(e))
}

/// Types one record as `reading` says (an appeal hashed, and classified when
/// `classify_early`; a post judged), or rejects it under --skip-invalid; an error otherwise.
fn type_record(
    reading: &Reading,
    mapper: &mut Mapper,
    record: SourceRecord,
    record_hash: i64,
) -> Result<Typed> {
    let Reading {
        kind,
        input,
        options,
        know,
        classify_early,
    } = *reading;
    let (line, number) = (record.line, record.number);
    let typed = match mapper.map(record) {
        Ok(typed) => typed,
        Err(error) => {
            return Ok(Typed::Rejected {
                error: rejected_or_refused(input, kind, line, number, error, options)?,
            });
        }
    };
    Ok(match kind {
        RecordKind::Appeals => {
            let appeal = Appeal::from_typed(&typed, &options.source);
            let hashes = Hashes {
                value: value_hash(&appeal),
                record: record_hash,
            };
            let derived = classify_early.then(|| know.derive(&appeal));
            Typed::Appeal {
                appeal,
                hashes,
                derived,
            }
        }
        RecordKind::Posts => {
            let post = Post::from_typed(&typed, &options.source);
            let publisher = know.canonical(&post.department);
            Typed::Post { post, publisher }
        }
        RecordKind::Directory => Typed::Entry {
            entry: Entry::from_typed(&typed),
        },
    })
}

/// A record that cannot be typed: kept as rejected with --skip-invalid, else the error that
/// ends the import.
fn rejected_or_refused(
    input: &Input,
    kind: RecordKind,
    line: u64,
    number: u64,
    error: RecordError,
    options: &ImportOptions,
) -> Result<RecordError> {
    if options.skip_invalid {
        return Ok(error);
    }
    Err(record_error(
        input,
        kind,
        line,
        number,
        &error,
        &options.read,
    ))
}

fn record_error(
    input: &Input,
    kind: RecordKind,
    line: u64,
    number: u64,
    error: &RecordError,
    read: &ReadOptions,
) -> anyhow::Error {
    let file = input.to_string();
    // A record made from a page: the page and the card are what the user can look at.
    if let Some(origin) = input.origin(line) {
        return anyhow!(
            "{} (in {}, record at offset {}), card {}: {error}. The page holds a value appeal-audit \
             cannot read: check the card on the page (`warcio extract {} {}` shows it)",
            origin.url,
            origin.file,
            origin.offset,
            origin.position,
            origin.file,
            origin.offset
        );
    }
    let place = if read.format == InputFormat::Json || file.ends_with(".json") {
        tr(
            "import-json-record",
            &[("number", number.into()), ("line", line.into())],
        )
    } else {
        tr("import-line", &[("line", line.into())])
    };
    anyhow!(
        "{}",
        tr(
            "import-record-error",
            &[
                ("file", file.to_string().into()),
                ("place", place.into()),
                ("field", error.field.clone().into()),
                ("value", format!("{:?}", error.value).into()),
                ("reason", reason_for_people(kind, error).into()),
                ("kind", kind_word(kind).into()),
            ],
        )
    )
}

/// `appeals`, `обращения`, `өтініштер`: a kind of record in the run's language.
fn kind_word(kind: RecordKind) -> String {
    crate::output::words::word("kind", kind.as_str(), crate::i18n::lang())
}

/// The most common reasons a record is refused (a bad or ambiguous date, a missing required
/// field), in the run's language; any other as it is. The rejects file keeps the English.
fn reason_for_people(kind: RecordKind, error: &RecordError) -> String {
    let required = kind
        .fields()
        .iter()
        .find(|f| f.required && f.name == error.field && error.value.is_empty());
    if error.reason == dates::AMBIGUOUS {
        tr("reason-ambiguous-date", &[])
    } else if error.reason == dates::NOT_A_DATE {
        tr("reason-not-a-date", &[])
    } else if let Some(field) = required {
        let mut names = vec![field.name];
        names.extend(field.synonyms);
        tr(
            "reason-missing",
            &[
                ("kind", kind_word(kind).into()),
                ("names", names.join(", ").into()),
                ("field", field.name.into()),
            ],
        )
    } else {
        error.reason.clone()
    }
}

fn progress_bar(global: &Global, input: &Input) -> Option<indicatif::ProgressBar> {
    if global.quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{msg} [{bar:30}] {bytes}/{total_bytes} ({eta})")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.set_message(input.to_string());
    Some(bar)
}

fn add_phrases(batch: &Batch, path: &Path) -> Result<()> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the phrases file {}", path.display()))?;
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

fn write_rejects(path: &Path, rejects: &[Reject]) -> Result<()> {
    let mut out = crate::output::Destination::open(Some(path))?;
    {
        let mut csv = csv::Writer::from_writer(out.writer());
        csv.write_record(["file", "line", "field", "value", "reason"])?;
        for r in rejects {
            csv.write_record([
                r.file.as_str(),
                &r.line.to_string(),
                &r.error.field,
                &r.error.value,
                &r.error.reason,
            ])?;
        }
        csv.flush()?;
    }
    out.finish()
}
