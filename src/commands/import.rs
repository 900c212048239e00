//! `import appeals|posts|directory FILE...`: every file in one transaction, all or nothing
//! (or, with --skip-invalid, everything valid), then a summary line per file on stderr.

use std::collections::{BTreeSet, HashSet};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::mpsc;

use anyhow::{Context, Result, anyhow, bail};

use super::{Finish, Global, knowledge};
use crate::classify::Phrases;
use crate::cli::ImportArgs;
use crate::derive::Knowledge;
use crate::records::appeal::{Appeal, Entry, Post, value_hash};
use crate::records::dates::parse_date;
use crate::records::fields::RecordKind;
use crate::records::reader::{FileFacts, Input, InputFormat, ReadOptions, read_records};
use crate::records::typed::{Mapper, RecordError};
use crate::store::{Access, Batch, ImportLog, Provenance, Store, now_stamp};

/// The import's settings, validated.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    pub read: ReadOptions,
    pub maps: Vec<(String, String)>,
    pub source: String,
    pub date_format: Option<String>,
    pub skip_invalid: bool,
    pub rejects: Option<PathBuf>,
    /// ISO; None: each record's scraped_at, else the import's start.
    pub scraped_at: Option<String>,
    pub snapshot: bool,
    pub phrases: Option<PathBuf>,
}

impl ImportOptions {
    pub fn from_args(args: &ImportArgs, format: InputFormat) -> Result<ImportOptions> {
        let delimiter = match args.delimiter {
            None => None,
            Some(c) if c.is_ascii() => Some(c as u8),
            Some(c) => bail!(
                "--delimiter {c:?}: the delimiter must be one ASCII character, such as ',' ';' or a tab"
            ),
        };
        let maps = args
            .maps
            .iter()
            .map(|m| {
                m.split_once('=')
                    .map(|(f, c)| (f.trim().to_string(), c.to_string()))
                    .ok_or_else(|| anyhow!("--map {m}: write it as FIELD=COLUMN, e.g. --map submitted_at='Дата подачи'"))
            })
            .collect::<Result<_>>()?;
        let scraped_at = match &args.scraped_at {
            Some(raw) => Some(
                parse_date(raw)
                    .map_err(|e| anyhow!("--scraped-at {raw:?}: {e}"))?
                    .to_iso(),
            ),
            None => None,
        };
        Ok(ImportOptions {
            read: ReadOptions {
                format,
                encoding: args.encoding,
                delimiter,
            },
            maps,
            source: args.source.trim().to_string(),
            date_format: args.date_format.clone(),
            skip_invalid: args.skip_invalid,
            rejects: args.rejects.clone(),
            scraped_at,
            snapshot: args.snapshot,
            phrases: args.phrases.clone(),
        })
    }
}

pub fn run(
    global: &Global,
    kind: RecordKind,
    files: &[PathBuf],
    format: InputFormat,
    args: &ImportArgs,
) -> Result<Finish> {
    let options = ImportOptions::from_args(args, format)?;
    let jobs: Vec<(RecordKind, Input)> = files.iter().map(|f| (kind, Input::from_arg(f))).collect();
    let mut store = Store::open(&global.db, Access::Write)?;
    import(global, &mut store, &jobs, &options)?;
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
            &started,
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
    for log in &logs {
        global.say(format!(
            "{}: {} read, {} inserted, {} updated, {} unchanged, {} rejected",
            log.file, log.read, log.inserted, log.updated, log.unchanged, log.rejected
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
    // A snapshot's appeals, and whose they are, to tell which stored appeals it no longer shows.
    let mut seen = HashSet::new();
    let mut addressees = BTreeSet::new();
    // Reading, typing and classifying run on a second thread while this one writes: SQLite
    // gets one core to itself. Batches keep the channel cheap; its bound keeps memory flat.
    let (sender, receiver) = mpsc::sync_channel::<Vec<Ready>>(4);
    let (read_outcome, write_outcome) = std::thread::scope(|scope| {
        let reader = scope.spawn(|| prepare(kind, input, options, know, progress.clone(), sender));
        let mut write = || -> Result<()> {
            while let Ok(chunk) = receiver.recv() {
                for ready in chunk {
                    let line = ready.line();
                    log.read += 1;
                    let from = |scraped_at| Provenance {
                        import_id,
                        file: &file,
                        line,
                        scraped_at,
                    };
                    let outcome = match ready {
                        Ready::Appeal { appeal, hash, .. } => {
                            let scrape = appeal
                                .scraped_at
                                .clone()
                                .unwrap_or_else(|| default_scrape.clone());
                            let derive = |a: &Appeal| know.derive(a);
                            let (outcome, key, official) =
                                batch.upsert_appeal(&appeal, &derive, hash, &from(&scrape))?;
                            if options.snapshot {
                                seen.insert(key);
                                addressees.insert((appeal.source, official));
                            }
                            outcome
                        }
                        Ready::Post {
                            post, publisher, ..
                        } => batch.upsert_post(&post, &publisher, &from(&default_scrape))?,
                        Ready::Entry { entry, .. } => {
                            batch.upsert_entry(&entry, &from(&default_scrape))?
                        }
                        Ready::Rejected { error, .. } => {
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
    let facts = write_outcome.and(read_outcome).map_err(|e| {
        anyhow!("{e:#}\nNothing was imported: the database is as it was before this command.")
    })?;
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    if options.snapshot && kind == RecordKind::Appeals {
        let addressees: Vec<(String, String)> = addressees.into_iter().collect();
        let from = Provenance {
            import_id,
            file: &file,
            line: 0,
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

/// A record read and typed on the reading thread (posts also judged), ready to be written.
// Appeals are nearly every record; boxing them would cost an allocation each for nothing.
#[allow(clippy::large_enum_variant)]
enum Ready {
    Appeal {
        appeal: Appeal,
        hash: i64,
        line: u64,
    },
    Post {
        post: Post,
        publisher: String,
        line: u64,
    },
    Entry {
        entry: Entry,
        line: u64,
    },
    Rejected {
        line: u64,
        error: RecordError,
    },
}

impl Ready {
    fn line(&self) -> u64 {
        match self {
            Ready::Appeal { line, .. }
            | Ready::Post { line, .. }
            | Ready::Entry { line, .. }
            | Ready::Rejected { line, .. } => *line,
        }
    }
}

const BATCH: usize = 256;

/// The reading thread: every record of the file typed, classified and hashed, sent in batches.
/// Stops at the first invalid record unless --skip-invalid, or when the writer has gone.
fn prepare(
    kind: RecordKind,
    input: &Input,
    options: &ImportOptions,
    know: &Knowledge,
    progress: Option<indicatif::ProgressBar>,
    sender: mpsc::SyncSender<Vec<Ready>>,
) -> Result<FileFacts> {
    let file = input.to_string();
    let mut mapper =
        Mapper::new(kind, &options.maps, options.date_format.clone()).map_err(|e| anyhow!(e))?;
    let mut chunk = Vec::with_capacity(BATCH);
    let stopped = || anyhow!("stopped: the writer failed");
    let facts = read_records(input, &options.read, progress, &mut |record| {
        let (line, number) = (record.line, record.number);
        let ready = match mapper.map(record) {
            Ok(typed) => match kind {
                RecordKind::Appeals => {
                    let appeal = Appeal::from_typed(&typed, &options.source);
                    // Classified on the writing thread, and only when new or changed.
                    let hash = value_hash(&appeal);
                    Ready::Appeal { appeal, hash, line }
                }
                RecordKind::Posts => {
                    let post = Post::from_typed(&typed, &options.source);
                    let publisher = know.canonical(&post.department);
                    Ready::Post {
                        post,
                        publisher,
                        line,
                    }
                }
                RecordKind::Directory => Ready::Entry {
                    entry: Entry::from_typed(&typed),
                    line,
                },
            },
            Err(error) if options.skip_invalid => Ready::Rejected { line, error },
            Err(error) => {
                return Err(record_error(
                    &file,
                    kind,
                    line,
                    number,
                    &error,
                    &options.read,
                ));
            }
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

fn record_error(
    file: &str,
    kind: RecordKind,
    line: u64,
    number: u64,
    error: &RecordError,
    read: &ReadOptions,
) -> anyhow::Error {
    let place = if read.format == InputFormat::Json || file.ends_with(".json") {
        format!("record {number} (ending on line {line})")
    } else {
        format!("line {line}")
    };
    anyhow!(
        "{file}, {place}: {error}. Fix the record (or give --skip-invalid to import the other {} records)",
        kind.as_str()
    )
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
