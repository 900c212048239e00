//! One file's import inside the import's transaction: a reading thread types (and, into an
//! empty source, classifies) the records while this thread writes them, so that SQLite gets a
//! core to itself; then a snapshot's missing appeals are marked vanished.

use std::collections::{BTreeSet, HashSet};
use std::sync::mpsc;

use anyhow::{Result, anyhow};

use super::options::ImportOptions;
use super::refusal::{Reject, header_error, rejected_or_refused};
use crate::derive::{Derived, Knowledge};
use crate::i18n::tr;
use crate::progress::Reporter;
use crate::records::appeal::{Appeal, Entry, Post, value_hash};
use crate::records::fields::RecordKind;
use crate::records::reader::{Columns, FileFacts, Input, SourceRecord, read_records};
use crate::records::typed::{Identity, Mapper, RecordError, record_hash};
use crate::store::{Batch, Hashes, ImportLog, Outcome, Provenance};

/// What one file's import needs besides the file: the open transaction, the options, who is
/// who, and the moment the import started (the scrape time of records that carry none).
pub struct FileJob<'a> {
    pub batch: &'a Batch<'a>,
    pub options: &'a ImportOptions,
    pub know: &'a Knowledge,
    pub started: &'a str,
    pub reporter: &'a dyn Reporter,
}

/// Imports one file; its invalid records go to `rejects` under --skip-invalid.
pub fn import_file(
    job: &FileJob,
    kind: RecordKind,
    input: &Input,
    rejects: &mut Vec<Reject>,
) -> Result<ImportLog> {
    let FileJob { batch, options, .. } = *job;
    let file = input.to_string();
    let log = ImportLog {
        kind: kind.as_str().to_string(),
        file: file.clone(),
        scraped_at: options.scraped_at.clone(),
        snapshot: options.snapshot,
        ..ImportLog::default()
    };
    let import_id = batch.start_import(&log)?;
    let progress = job.reporter.bytes_bar(&file);
    // Into a source with no appeals yet every record is new, so the reading thread classifies
    // too, taking that work off the writer. Otherwise the writer classifies only the new and
    // changed records it finds, and a weekly re-import classifies almost nothing.
    let classify_early = kind == RecordKind::Appeals && !batch.has_appeals(&options.source)?;
    let deferred_indexes = match kind {
        RecordKind::Appeals => batch.defer_indexes()?,
        _ => Vec::new(),
    };
    let reading = Reading {
        kind,
        input,
        options,
        know: job.know,
        classify_early,
    };
    let mut writer = Writer {
        job,
        // Types the records the reading thread left raw, when they turn out new or changed;
        // the writer classifies those itself, and only when it stores them.
        reading: Reading {
            classify_early: false,
            ..reading
        },
        typist: mapper(options, kind)?,
        import_id,
        file,
        default_scrape: options
            .scraped_at
            .clone()
            .unwrap_or_else(|| job.started.to_string()),
        log,
        seen: HashSet::new(),
        addressees: BTreeSet::new(),
        rejects,
    };
    // Batches keep the channel cheap; its bound keeps memory flat.
    let (sender, receiver) = mpsc::sync_channel::<Vec<Ready>>(4);
    let (read_outcome, write_outcome) = std::thread::scope(|scope| {
        let reader = scope.spawn(|| prepare(&reading, progress.clone(), sender));
        let written = receiver
            .iter()
            .flatten()
            .try_for_each(|ready| writer.store(ready));
        // Stops the reader at its next batch when writing failed.
        drop(receiver);
        let read = reader
            .join()
            .unwrap_or_else(|_| Err(anyhow!("internal error: the reading thread panicked")));
        (read, written)
    });
    // A writing error explains a stopped reader; otherwise the reader's error is the news.
    let facts = write_outcome.and(read_outcome).map_err(|e| {
        // The cause told in the run's language now: the note after it ends the message.
        let cause = crate::i18n::errors::describe(&e, crate::i18n::lang());
        anyhow!("{cause}\n{}", tr("import-nothing", &[]))
    })?;
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    // Before anything reads appeals through them (the snapshot's vanished search does).
    batch.build_indexes(&deferred_indexes)?;
    if options.snapshot && kind == RecordKind::Appeals {
        writer.mark_vanished()?;
    }
    writer.finish(&facts)
}

/// The writing side of one file's import, and what it has counted.
struct Writer<'a, 'r> {
    job: &'a FileJob<'a>,
    reading: Reading<'a>,
    typist: Mapper,
    import_id: i64,
    file: String,
    default_scrape: String,
    log: ImportLog,
    /// A snapshot's appeals, and whose they are, to tell which stored appeals it no longer shows.
    seen: HashSet<i64>,
    addressees: BTreeSet<(String, String)>,
    rejects: &'r mut Vec<Reject>,
}

impl Writer<'_, '_> {
    /// Stores one record, or counts it unchanged or rejected.
    fn store(&mut self, ready: Ready) -> Result<()> {
        let line = ready.line();
        self.log.read += 1;
        let typed = match ready {
            Ready::Typed { typed, .. } => typed,
            Ready::Raw {
                record,
                identity,
                record_hash,
                ..
            } => match self.unchanged(identity, record_hash)? {
                true => {
                    self.log.count(Outcome::Unchanged);
                    return Ok(());
                }
                false => type_record(&self.reading, &mut self.typist, record, record_hash)?,
            },
        };
        let batch = self.job.batch;
        // A record made from a page names the page, not the records made of it.
        let input = self.reading.input;
        let (from_file, from_line, page) = match input.origin(line) {
            Some(o) => (&*o.file, o.position, Some((o.offset, &*o.url))),
            None => (self.file.as_str(), line, None),
        };
        let from = |scraped_at| Provenance {
            import_id: self.import_id,
            file: from_file,
            line: from_line,
            page,
            scraped_at,
        };
        let outcome = match typed {
            Typed::Appeal {
                appeal,
                hashes,
                derived,
            } => {
                let scrape = appeal.scraped_at.as_deref().unwrap_or(&self.default_scrape);
                let (outcome, key, official) =
                    batch.upsert_appeal(&appeal, derived, self.job.know, hashes, &from(scrape))?;
                if self.job.options.snapshot {
                    self.seen.insert(key);
                    self.addressees.insert((appeal.source, official));
                }
                outcome
            }
            Typed::Post { post, publisher } => {
                batch.upsert_post(&post, &publisher, &from(&self.default_scrape))?
            }
            Typed::Entry { entry } => batch.upsert_entry(&entry, &from(&self.default_scrape))?,
            Typed::Rejected { error } => {
                self.log.rejected += 1;
                self.rejects.push(Reject {
                    file: self.file.clone(),
                    line,
                    error,
                });
                return Ok(());
            }
        };
        self.log.count(outcome);
        Ok(())
    }

    /// True when the appeal is stored exactly as read: it needs no typing at all. Only a
    /// snapshot asks which appeal it is and whose.
    fn unchanged(&mut self, identity: Identity, record_hash: i64) -> Result<bool> {
        let batch = self.job.batch;
        let options = self.job.options;
        let source = identity.source.unwrap_or_else(|| options.source.clone());
        let scrape = identity
            .scraped_at
            .unwrap_or_else(|| self.default_scrape.clone());
        if !batch.see_unchanged(&source, &identity.id, record_hash, &scrape)? {
            return Ok(false);
        }
        if options.snapshot
            && let Some(key) = batch.appeal_key(&source, &identity.id)?
        {
            self.seen.insert(key);
            let official = self.job.know.canonical(&identity.addressee);
            self.addressees.insert((source, official));
        }
        Ok(true)
    }

    /// The stored appeals of the snapshot's addressees that it no longer shows.
    fn mark_vanished(&mut self) -> Result<()> {
        let addressees: Vec<(String, String)> =
            std::mem::take(&mut self.addressees).into_iter().collect();
        let from = Provenance {
            import_id: self.import_id,
            file: &self.file,
            line: 0,
            page: None,
            scraped_at: &self.default_scrape,
        };
        let vanished = self
            .job
            .batch
            .mark_vanished(&addressees, &self.seen, &from)?;
        if vanished > 0 {
            self.job.reporter.say(&tr(
                "import-vanished",
                &[("file", self.file.clone().into()), ("n", vanished.into())],
            ));
        }
        Ok(())
    }

    fn finish(mut self, facts: &FileFacts) -> Result<ImportLog> {
        self.log.size = facts.size;
        self.log.sha256 = facts.sha256.clone();
        self.log.format = facts.format.as_str().to_string();
        self.log.encoding = facts.encoding.to_string();
        self.job.batch.finish_import(self.import_id, &self.log)?;
        Ok(self.log)
    }
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
        // A CSV header without a column for a required field: one error about the header,
        // not the same refusal for every record.
        if record.number == 1
            && let Columns::Row { headers, .. } = &record.columns
        {
            let missing = mapper.missing_columns(headers);
            if !missing.is_empty() {
                return Err(header_error(input, &missing, headers));
            }
        }
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
