//! A fuzz driver on stable Rust (issue 5): throws random byte mutations of seed files, with
//! random import options, at `appeal-audit import`, and after each import that succeeds runs a
//! random report or export over what it stored. Every run must end with exit 0, 1 or 2; a
//! panic (exit 101), a signal or a run over the time limit is a finding, saved with its input
//! and arguments. Run it through `scripts/fuzz.sh [SECONDS]`, or:
//!
//!     cargo build --bin appeal-audit --example fuzz_inputs
//!     target/debug/examples/fuzz_inputs --seconds 60 --seeds data
//!
//! Options: --seconds N (default 60), --execs N (stop after N imports), --seed N (default from
//! the clock; printed, so that a run can be repeated), --jobs N (default: the cores), --bin PATH
//! (default: appeal-audit beside this program's folder), --seeds DIR (repeatable: files under
//! it join the built-in seeds), --out DIR (findings; default fuzz-findings).
//!
//! A debug build of appeal-audit is the default on purpose: it panics on integer overflow.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Longest a single run may take before it counts as a hang.
const RUN_LIMIT: Duration = Duration::from_secs(30);
/// Mutated inputs are kept below this, so that executions stay fast.
const MAX_INPUT: usize = 1 << 20;

/// Seeds built in, so that the driver works from any folder: (kind, file name, contents).
const BUILT_IN: &[(&str, &str, &str)] = &[
    (
        "appeals",
        "blog.csv",
        "номер;адресат;должность;статус;дата;дата ответа;ответил;ответ;оценка\n\
         749022;Исабаев Бейбит Бакирович;Аким области Жетысу;Перенаправлено;02.08.2022;;;;\n\
         749022/1;Исабаев Бейбит Бакирович;Аким области Жетысу;Ответ получен;02.08.2022;\
         \"12.08.2022, 16:40\";Управление ЖКХ;\"Будет сделано, \"\"скоро\"\"\";не удовлетворен\n\
         749105;Исабаев Б.Б.;;Ответ получен;Понедельник, 03 Окт 2022, 16:15;3 октября 2022 г.;\
         Исабаев Б.Б.;Решено;5\n",
    ),
    (
        "appeals",
        "blog.json",
        r#"[{"id": 752110, "addressee": "Кенжебаева Айгерим Болатовна", "submitted_at": "5 августа 2022 г.",
  "answers": [{"answered_at": "2022-08-12 10:00", "answered_by": "Кенжебаева А.Б.", "text": "Решено"},
              {"answered_at": "2022-08-10T09:00:00+06:00", "answered_by": "ГУ", "text": "перенаправлено по компетенции"}],
  "likes": 5, "tags": ["a", "b"], "meta": {"x": null}},
 {"нөмір": "753001", "адресат": "Жумагалиев Д.Е.", "күні": "2022 жылғы 11 тамыз", "мәртебе": "Жауап берілді"}]"#,
    ),
    (
        "appeals",
        "page.jsonl",
        "{\"id\": \"1\", \"addressee\": \"Аким\", \"date\": \"2022 жылғы 11 тамыз\", \"forwarded_to\": \"ГУ\"}\n\
         \n\
         {\"id\": \"2\", \"addressee\": \"Аким\", \"date\": \"10 Aug 2022\", \"status\": \"отклонено ГО\"}\n",
    ),
    (
        "appeals",
        "tabs.tsv",
        "id\taddressee\tdate\ttext\tscraped_at\n1\tA\t2022-10-03\t\"multi\nline\"\t2022-10-05 12:00\n",
    ),
    (
        "posts",
        "posts.csv",
        "ведомство;дата;платформа;репост;title;url\nУОР Жетысу;23.08.2022;site;нет;Новость;https://x/1\n\
         УОР Жетысу;20.08.2022;telegram;да;Репост;\n",
    ),
    (
        "directory",
        "directory.csv",
        "name,kind,position,parent,aliases\nИсабаев Бейбит Бакирович,official,Аким области Жетысу,,\
         Жетісу облысының әкімі\nУправление ЖКХ,department,,,УЖКХ;ЖКХ басқармасы\n",
    ),
];

/// Bytes and strings that parsers treat specially.
const BYTES: &[u8] = b"\x00\xff\x7f\x80\"',;\t\n\r{}[]:\\\xd0\xd1\xef\xbb\xbf\xfe 0.-/+T";
const TOKENS: &[&str] = &[
    "\"",
    "\"\"",
    "\n",
    "\r\n",
    "\r",
    ",",
    ";",
    "\t",
    "\u{feff}",
    "\u{0}",
    "31.02.2022",
    "29.02.2023",
    "2022-13-45",
    "99999-01-01",
    "0000-00-00",
    "2022-10-03T25:61:61+99:99",
    "Понедельник, 03 Окт 2022, 16:15",
    "2022 жылғы 3 қазан",
    "3 октября 2022 г.",
    "18446744073709551616",
    "-9223372036854775809",
    "1e999",
    "-0",
    "null",
    "true",
    "[]",
    "{}",
    "[[[[[[[[",
    "\\u0000",
    "\\ud800",
    "\\\"",
    "%n%s",
    "=cmd|'/C calc'!A0",
    "'; DROP TABLE appeals; --",
    "<script>",
    "😀",
    "e\u{301}",
    "\u{202e}",
    "ё",
    "id",
    "addressee",
    "date",
    "answers",
    "answered_at",
    "forwarded_to",
    "status",
    "перенаправлено",
    "отклонено ГО",
];
const FORMATS: &[&str] = &["auto", "csv", "json", "jsonl"];
const ENCODINGS: &[&str] = &["auto", "utf-8", "utf-16", "windows-1251"];
const DELIMITERS: &[&str] = &[",", ";", "\t", "|", "\""];
const DATE_FORMATS: &[&str] = &[
    "%d/%m/%Y",
    "%m/%d/%Y %H:%M",
    "%Y",
    "%",
    "%Q",
    "%s",
    "%d.%m.%Y %:z",
];
const EXTENSIONS: &[&str] = &["csv", "tsv", "json", "jsonl", "ndjson", "txt", ""];
const KINDS: &[&str] = &["appeals", "posts", "directory"];

/// SplitMix64: one per worker, seeded from the run's seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

struct Seed {
    kind: String,
    name: String,
    bytes: Vec<u8>,
}

fn mutate(rng: &mut Rng, input: &[u8], seeds: &[Seed]) -> Vec<u8> {
    let mut data = input.to_vec();
    for _ in 0..1 + rng.below(8) {
        let len = data.len();
        let at = rng.below(len + 1);
        match rng.below(10) {
            0 if len > 0 => {
                let i = rng.below(len);
                data[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.below(len);
                data[i] = *rng.pick(BYTES);
            }
            2 | 3 => {
                let token = rng.pick(TOKENS).as_bytes().to_vec();
                data.splice(at..at, token);
            }
            4 if len > 0 => {
                let end = (at + 1 + rng.below(64)).min(len);
                data.drain(at.min(end)..end);
            }
            5 if len > 0 => {
                let start = rng.below(len);
                let end = (start + 1 + rng.below(256)).min(len);
                let piece = data[start..end].to_vec();
                let times = if rng.chance(8) { 1 + rng.below(200) } else { 1 };
                let to = rng.below(data.len() + 1);
                data.splice(to..to, piece.repeat(times));
            }
            6 => data.truncate(at),
            7 => {
                let other = &rng.pick(seeds).bytes;
                if !other.is_empty() {
                    let start = rng.below(other.len());
                    let end = (start + 1 + rng.below(512)).min(other.len());
                    let cut = (at + rng.below(64)).min(len);
                    data.splice(at..cut, other[start..end].iter().copied());
                }
            }
            8 => {
                let n = 1 + rng.below(200);
                let byte = *rng.pick(BYTES);
                data.splice(at..at, std::iter::repeat_n(byte, n));
            }
            _ => {
                // A line repeated: many records alike (duplicates, conflicts).
                if let Some(line) = data.split(|&b| b == b'\n').nth(1 + rng.below(3)) {
                    let mut line = line.to_vec();
                    line.push(b'\n');
                    let times = 1 + rng.below(50);
                    data.splice(at..at, line.repeat(times));
                }
            }
        }
        data.truncate(MAX_INPUT);
    }
    data
}

#[derive(Default)]
struct Tally {
    /// Imports started (for --execs) and finished.
    started: AtomicU64,
    execs: AtomicU64,
    reports: AtomicU64,
    exits: Mutex<BTreeMap<String, u64>>,
    findings: Mutex<Vec<String>>,
}

struct Run {
    args: Vec<String>,
    stdin: Option<Vec<u8>>,
}

/// Runs appeal-audit; None when the run ended acceptably, else what went wrong.
fn run(bin: &Path, dir: &Path, job: &Run, tally: &Tally) -> (Option<String>, Option<i32>) {
    let mut command = Command::new(bin);
    command
        .args(&job.args)
        .current_dir(dir)
        .env_remove("APPEAL_AUDIT_DB")
        .env("RUST_BACKTRACE", "1")
        .stdin(if job.stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let mut child = match command.spawn() {
        Ok(child) => child,
        Err(e) => return (Some(format!("cannot start {}: {e}", bin.display())), None),
    };
    if let (Some(bytes), Some(mut stdin)) = (job.stdin.clone(), child.stdin.take()) {
        std::thread::spawn(move || {
            let _ = stdin.write_all(&bytes);
        });
    }
    let stderr = child.stderr.take();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        if let Some(mut stderr) = stderr {
            let _ = std::io::Read::read_to_string(&mut stderr, &mut text);
        }
        text
    });
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if started.elapsed() > RUN_LIMIT => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(2)),
            Err(e) => return (Some(format!("wait failed: {e}")), None),
        }
    };
    let stderr = reader.join().unwrap_or_default();
    let code = status.and_then(|s| s.code());
    let key = match (status, code) {
        (None, _) => "timeout".to_string(),
        (Some(_), Some(code)) => format!("exit {code}"),
        (Some(s), None) => {
            use std::os::unix::process::ExitStatusExt;
            format!("signal {}", s.signal().unwrap_or(0))
        }
    };
    *tally.exits.lock().unwrap().entry(key.clone()).or_default() += 1;
    match code {
        Some(0..=2) if !stderr.contains("panicked") => (None, code),
        _ => (Some(format!("{key}\n{stderr}")), code),
    }
}

fn import_job(rng: &mut Rng, seeds: &[Seed], dir: &Path, worker: usize) -> (Run, String) {
    let seed = rng.pick(seeds);
    let bytes = if rng.chance(20) {
        seed.bytes.clone()
    } else {
        mutate(rng, &seed.bytes, seeds)
    };
    let kind = if rng.chance(10) {
        rng.pick(KINDS).to_string()
    } else {
        seed.kind.clone()
    };
    let ext = if rng.chance(5) {
        rng.pick(EXTENSIONS).to_string()
    } else {
        Path::new(&seed.name)
            .extension()
            .map_or(String::new(), |e| e.to_string_lossy().into_owned())
    };
    let name = format!("input-{worker}.{ext}");
    let mut args: Vec<String> = vec!["--db".into(), format!("fuzz-{worker}.db")];
    args.extend(["--quiet".into(), "import".into(), kind]);
    let stdin = rng.chance(10);
    args.push(if stdin { "-".into() } else { name.clone() });
    let mut option = |rng: &mut Rng, flag: &str, values: &[&str]| {
        if rng.chance(6) {
            args.push(flag.to_string());
            args.push(rng.pick(values).to_string());
        }
    };
    option(rng, "--format", FORMATS);
    option(rng, "--encoding", ENCODINGS);
    option(rng, "--delimiter", DELIMITERS);
    option(rng, "--date-format", DATE_FORMATS);
    option(
        rng,
        "--scraped-at",
        &["2022-10-10", "03.10.2022 16:15", "nonsense"],
    );
    option(
        rng,
        "--map",
        &["id=no", "submitted_at=дата", "addressee=", "x=y"],
    );
    if rng.chance(2) {
        args.push("--skip-invalid".into());
        if rng.chance(3) {
            args.extend(["--rejects".into(), format!("rejects-{worker}.csv")]);
        }
    }
    if rng.chance(8) {
        args.push("--snapshot".into());
    }
    let job = if stdin {
        Run {
            args,
            stdin: Some(bytes),
        }
    } else {
        std::fs::write(dir.join(&name), &bytes).expect("write the input");
        Run { args, stdin: None }
    };
    (job, name)
}

fn report_job(rng: &mut Rng, worker: usize) -> Run {
    let mut args: Vec<String> = vec!["--db".into(), format!("fuzz-{worker}.db")];
    const COMMANDS: &[&[&str]] = &[
        &["report", "routing"],
        &["report", "forwards"],
        &["report", "silence"],
        &["report", "changes"],
        &["report", "weekly"],
        &["check"],
        &["status"],
        &["export", "appeals"],
        &["export", "posts"],
        &["phrases"],
    ];
    let command = *rng.pick(COMMANDS);
    args.extend(command.iter().map(|s| s.to_string()));
    let formats: &[&str] = match command[0] {
        "export" => &["csv", "tsv", "json", "jsonl"],
        "phrases" | "status" => &["table"],
        _ => &["table", "csv", "json", "md", "html"],
    };
    if command[0] != "phrases" && command[0] != "status" {
        args.extend(["--format".into(), rng.pick(formats).to_string()]);
    }
    if command[0] == "report" && rng.chance(2) {
        args.extend(["--as-of".into(), "2022-10-03".into()]);
    }
    Run { args, stdin: None }
}

fn save(out: &Path, n: usize, job: &Run, input: Option<&Path>, what: &str) {
    let dir = out.join(format!("finding-{n:03}"));
    let _ = std::fs::create_dir_all(&dir);
    let _ = std::fs::write(dir.join("args.txt"), job.args.join("\n"));
    let _ = std::fs::write(dir.join("what.txt"), what);
    if let Some(bytes) = &job.stdin {
        let _ = std::fs::write(dir.join("stdin"), bytes);
    } else if let Some(input) = input {
        let _ = std::fs::copy(input, dir.join(input.file_name().unwrap_or_default()));
    }
}

fn load_seeds(dirs: &[PathBuf]) -> Vec<Seed> {
    let mut seeds: Vec<Seed> = BUILT_IN
        .iter()
        .map(|(kind, name, text)| Seed {
            kind: kind.to_string(),
            name: name.to_string(),
            bytes: text.as_bytes().to_vec(),
        })
        .collect();
    let mut stack: Vec<PathBuf> = dirs.to_vec();
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            if let Ok(entries) = std::fs::read_dir(&path) {
                stack.extend(entries.flatten().map(|e| e.path()));
            }
            continue;
        }
        let name = path.to_string_lossy().to_lowercase();
        let is_data = [".csv", ".tsv", ".json", ".jsonl", ".ndjson"]
            .iter()
            .any(|ext| name.ends_with(ext));
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        if !is_data || bytes.len() > MAX_INPUT {
            continue;
        }
        let kind = if name.contains("post") {
            "posts"
        } else if name.contains("director") {
            "directory"
        } else {
            "appeals"
        };
        seeds.push(Seed {
            kind: kind.into(),
            name: path.file_name().unwrap().to_string_lossy().into_owned(),
            bytes,
        });
    }
    seeds
}

fn main() -> ExitCode {
    let mut seconds = 60u64;
    let mut max_execs = u64::MAX;
    let mut seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64);
    let mut jobs = std::thread::available_parallelism().map_or(2, |n| n.get());
    let mut bin: Option<PathBuf> = std::env::var_os("APPEAL_AUDIT_BIN").map(PathBuf::from);
    let mut seed_dirs = Vec::new();
    let mut out = PathBuf::from("fuzz-findings");
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_default();
        match arg.as_str() {
            "--seconds" => seconds = value().parse().unwrap_or(seconds),
            "--execs" => max_execs = value().parse().unwrap_or(max_execs),
            "--seed" => seed = value().parse().unwrap_or(seed),
            "--jobs" => jobs = value().parse().unwrap_or(jobs).max(1),
            "--bin" => bin = Some(PathBuf::from(value())),
            "--seeds" => seed_dirs.push(PathBuf::from(value())),
            "--out" => out = PathBuf::from(value()),
            _ => {
                eprintln!(
                    "fuzz_inputs: unknown argument {arg}; see the top of examples/fuzz_inputs.rs"
                );
                return ExitCode::from(2);
            }
        }
    }
    // target/<profile>/examples/fuzz_inputs -> target/<profile>/appeal-audit
    let bin = bin.unwrap_or_else(|| {
        let me = std::env::current_exe().expect("own path");
        me.parent()
            .and_then(Path::parent)
            .map(|p| p.join("appeal-audit"))
            .expect("a folder above")
    });
    if !bin.exists() {
        eprintln!(
            "fuzz_inputs: no appeal-audit at {}: cargo build --bin appeal-audit, or give --bin",
            bin.display()
        );
        return ExitCode::from(2);
    }
    let seeds = Arc::new(load_seeds(&seed_dirs));
    let work = tempfile::tempdir().expect("a temporary folder");
    let tally = Arc::new(Tally::default());
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    eprintln!(
        "fuzz_inputs: {} seeds, {jobs} jobs, {seconds} s, seed {seed}, binary {}",
        seeds.len(),
        bin.display()
    );
    let workers: Vec<_> = (0..jobs)
        .map(|worker| {
            let (seeds, tally, bin, out) = (
                Arc::clone(&seeds),
                Arc::clone(&tally),
                bin.clone(),
                out.clone(),
            );
            let dir = work.path().to_path_buf();
            let mut rng = Rng(seed ^ (worker as u64).wrapping_mul(0xA24B_AED4_963E_E407));
            std::thread::spawn(move || {
                let mut since_reset = 0;
                while Instant::now() < deadline
                    && tally.started.fetch_add(1, Ordering::Relaxed) < max_execs
                {
                    // A fresh database now and then, so that it stays small.
                    since_reset += 1;
                    if since_reset > 200 {
                        since_reset = 0;
                        for suffix in ["", "-wal", "-shm"] {
                            let _ =
                                std::fs::remove_file(dir.join(format!("fuzz-{worker}.db{suffix}")));
                        }
                    }
                    let (job, name) = import_job(&mut rng, &seeds, &dir, worker);
                    let (finding, code) = run(&bin, &dir, &job, &tally);
                    tally.execs.fetch_add(1, Ordering::Relaxed);
                    let mut jobs = vec![(job, finding)];
                    if code == Some(0) && rng.chance(3) {
                        let report = report_job(&mut rng, worker);
                        tally.reports.fetch_add(1, Ordering::Relaxed);
                        let (finding, _) = run(&bin, &dir, &report, &tally);
                        jobs.push((report, finding));
                    }
                    for (job, finding) in jobs {
                        if let Some(what) = finding {
                            let mut findings = tally.findings.lock().unwrap();
                            findings.push(format!("{}\n{what}", job.args.join(" ")));
                            save(&out, findings.len(), &job, Some(&dir.join(&name)), &what);
                            eprintln!("fuzz_inputs: FINDING: {}\n{what}", job.args.join(" "));
                        }
                    }
                }
            })
        })
        .collect();
    for worker in workers {
        let _ = worker.join();
    }
    let elapsed = started.elapsed().as_secs_f64();
    let execs = tally.execs.load(Ordering::Relaxed);
    let findings = tally.findings.lock().unwrap();
    println!(
        "fuzz_inputs: {execs} imports and {} reports in {elapsed:.1} s ({:.1} runs/s), seed {seed}",
        tally.reports.load(Ordering::Relaxed),
        (execs + tally.reports.load(Ordering::Relaxed)) as f64 / elapsed.max(0.001),
    );
    println!("fuzz_inputs: outcomes {:?}", tally.exits.lock().unwrap());
    println!(
        "fuzz_inputs: {} findings{}",
        findings.len(),
        if findings.is_empty() {
            String::new()
        } else {
            format!(" (saved under {})", out.display())
        }
    );
    if findings.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
