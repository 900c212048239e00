//! The command line: the commands and their help here, each command's flags in a file of its
//! own beside it (`import.rs`, `fetch.rs`, `export.rs`, `report.rs`) and the filter flags that
//! every report shares in `filters.rs`. A flag's definition, help, validation and conversion
//! into the engine's plain options stand together in its file, in the manner of ripgrep's
//! `flags/`; the commands call that conversion before any work starts.

pub mod export;
pub mod fetch;
pub mod filters;
pub mod govkz;
pub mod import;
pub mod misuse;
pub mod report;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use report::ReportArgs;

#[derive(Debug, Parser)]
#[command(
    name = "appeal-audit",
    version,
    about = "Audit how officials answer citizens' appeals: import scraped appeals and department \
             posts, then report who answered personally, who forwarded, and who went silent.",
    after_help = "Start here:\n  appeal-audit audit data --as-of 2022-10-03\n  appeal-audit import appeals blog.csv && appeal-audit report routing\n\nEvery command has its own --help."
)]
pub struct Cli {
    /// The SQLite file that holds everything (created on first import).
    #[arg(
        long,
        global = true,
        env = "APPEAL_AUDIT_DB",
        default_value = "appeals.db",
        value_name = "PATH"
    )]
    pub db: PathBuf,

    /// No progress bars or summaries on stderr (errors still go there).
    #[arg(long, short, global = true)]
    pub quiet: bool,

    /// The language of words for people (tables, md, html, summaries): default from
    /// APPEAL_AUDIT_LANG, then LC_ALL, LC_MESSAGES, LANG (ru_* → ru, kk_* → kk, else en).
    /// csv, tsv, json and jsonl never change.
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<crate::i18n::Lang>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import records of one kind from CSV, JSON or JSON Lines files ('-' reads standard input),
    /// or the portal's pages from WARC archives and saved .html pages.
    #[command(
        after_help = "Examples:\n  appeal-audit import appeals blog-2022-10.csv\n  appeal-audit import appeals --map submitted_at='Дата подачи' export.csv\n  appeal-audit import posts --source zhetysu posts.json\n  appeal-audit import directory directory.csv\n  cat page.jsonl | appeal-audit import appeals -\n  appeal-audit import pages archive/\n  appeal-audit import pages --addressee 'Исабаев Бейбит Бакирович' saved-page.html"
    )]
    Import(import::ImportCommand),

    /// The main job: import every data file under PATH, then print routing, forwards and silence.
    #[command(
        after_help = "A file's kind is told by its header: appeals have an addressee, posts a \
department, a directory a name. Directory files are imported first.\n\nExample:\n  appeal-audit audit data --as-of 2022-10-03"
    )]
    Audit(import::AuditCommand),

    /// Fetch blogs from the portal (or, with `news`/`directory`, gov.kz) politely, archive every
    /// answer as WARC, import what they hold.
    #[command(
        after_help = "BLOG is a blog id (2719746) or any address of the blog. Politeness: \
robots.txt is read first and a page it disallows is never requested (nor, ever, an appeal's own \
page or the search); between two requests max(--delay, robots.txt's Crawl-delay, else 1 s); \
429 and 503 wait for Retry-After, other 5xx and network errors are retried with backoff, 5 tries \
a page. A stopped run (Ctrl-C, kill, network gone) is resumed by the next run of the same \
command. A blog fetched before is re-read from page 1 only until a page is settled (see README). \
The global --lang ru or kk, given on the command line, also asks the portal for its Russian or \
Kazakh interface (its changelang cookie); en, or no --lang, leaves the portal's default.\n\n\
Examples:\n  appeal-audit fetch 2719746\n  appeal-audit fetch https://dialog.egov.kz/blogs/2719746/welcome --lang kk\n  \
appeal-audit fetch 2719746 --full --archive ~/evidence\n  appeal-audit fetch 2719746 --no-import && appeal-audit import pages archive/"
    )]
    Fetch(fetch::FetchCommand),

    /// Reports over what is stored.
    #[command(subcommand)]
    Report(ReportCommand),

    /// One appeal: its fields, route and reason, days to answer, due date and provenance.
    Show(report::ShowCommand),

    /// Every stored record, appeals with their route and reason, for spreadsheets, scripts and
    /// analysts' engines (Parquet); or `database`: a copy of the database safe to publish.
    #[command(
        after_help = "Text cells that a spreadsheet would run as a formula (starting with = + - @, tab or CR) get a leading ' unless --raw (CSV and TSV; xlsx cells are text, never formulas).\n\n--format xlsx writes a workbook to open by double-click in any spreadsheet and locale: typed cells (dates, numbers, booleans), a frozen header with filters. The author column is left out unless --include-authors.\n\n--format parquet writes typed columns (timestamps, dates, integers, booleans), zstd-compressed, in row groups of up to 100,000 rows; --partition-by year|addressee writes a folder of Hive-style partitions (year=2022/part-0.parquet) for DuckDB, Spark, Trino or BigQuery.\n\nexport database writes a copy for Datasette or sqlite3 readers: no authors, every text redacted (IIN/BIN, phones, e-mail, card and account numbers, the appeal's own author's name), file names without their folders, the views kept, read-only; and beside it NAME.metadata.json for `datasette serve --immutable NAME.db --metadata NAME.metadata.json`.\n\nExamples:\n  appeal-audit export appeals --format xlsx --output appeals.xlsx\n  appeal-audit export appeals --excel --output appeals.csv\n  appeal-audit export appeals --redact --format jsonl | head\n  appeal-audit export posts --department 'Управление ЖКХ' --format json\n  appeal-audit export appeals --format parquet --partition-by year --output appeals-parquet\n  appeal-audit export database --output public.db"
    )]
    Export(export::ExportCommand),

    /// Scrape quality: one row per problem a reporter should see before a reader does.
    #[command(
        after_help = "Problems: answer_before_submission, date_in_future (after the scrape or the as-of date), duplicate_conflict (one id twice in a file with different values; the later line is kept), answered_without_answerer, answer_without_date (an answer whose date is unknown: it cannot be timed), unmatched_name (a name no directory entry matches, with how many records carry it), unknown_route, bidi_control (a name, id or text holding a bidirectional control, U+202A–202E or U+2066–2069, that can make it read as something else; table and md show it escaped, as \\u{202e}), midnight_last_post (a publisher's latest post timed at exactly 00:00:00, as items moved in bulk from older sites are: the date may hold, the time is no publication time; a date written without a time is no midnight).\n\nColumns: problem, source, id, field, value, records, file, line.\n\nExamples:\n  appeal-audit check --as-of 2022-10-03\n  appeal-audit check --unmatched-as-directory >> directory.csv"
    )]
    Check(report::CheckCommand),

    /// What the database holds: counts by kind, date ranges, routes, and the imports log.
    Status(report::StatusCommand),

    /// Print a shell completion script: appeal-audit completions bash > /etc/bash_completion.d/appeal-audit
    Completions { shell: clap_complete::Shell },

    /// Print a command's man page (roff), or write every page: appeal-audit man --output-dir
    /// /usr/local/share/man/man1
    Man {
        /// The command whose page to print, e.g. `import` or `import appeals`; none: the main page.
        #[arg(value_name = "COMMAND")]
        command: Vec<String>,
        /// Write every command's page into DIR (appeal-audit.1, appeal-audit-import.1, ...).
        #[arg(long, value_name = "DIR", conflicts_with = "command")]
        output_dir: Option<std::path::PathBuf>,
    },

    /// Print the methodology page of docs/ in the --lang language (docs/methodology.ru.md, .kk.md).
    #[command(hide = true)]
    Methodology,

    /// The classification phrases in force: built in, and added with `import --phrases`.
    Phrases(report::PhrasesCommand),
}

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// Per addressee: how many appeals were answered personally, forwarded, left unanswered.
    #[command(
        after_help = "Columns: addressee, appeals, personal, forwarded, unanswered, unknown, personal_pct, forwarded_pct, median_days_to_answer, overdue, rejected, answered_pct, personal_pct_low, personal_pct_high, forwarded_pct_low, forwarded_pct_high, unsatisfied, vanished, note.\n\nExample:\n  appeal-audit report routing --since 2022-08-01 --as-of 2022-10-03 --format csv > routing.csv"
    )]
    Routing(ReportArgs),
    /// Per addressee and target: where forwarded appeals went.
    #[command(after_help = "Columns: addressee, forwarded_to, appeals, median_days_to_answer.")]
    Forwards(ReportArgs),
    /// Per department (and every directory entry): how long since it last posted.
    #[command(
        after_help = "Columns: name, kind, last_post, days_since, posts_30d, status, reposts_30d, last_attempt.\n\nStatus: ok, stale (no post for longer than --stale-after days), never (no post), not_read (on the day of its latest fetch from gov.kz every source refused: a refusal is no silence). Sorted never first, then not_read, then by days_since, longest first, then by name. --fail-if-stale counts stale and never only.\n\nExamples:\n  appeal-audit report silence --as-of 2022-10-03 --stale-after 14 --fail-if-stale\n  appeal-audit report silence --kind department --fail-if-stale"
    )]
    Silence(report::SilenceCommand),
    /// What changed between scrapes, one row per change, dated by the scrape that showed it.
    #[command(
        after_help = "Changes: new, answered, answer_edited, answerer_changed, status_changed, route_changed, vanished (only from --snapshot imports), reappeared. --since/--until apply to the scrape date.\n\nColumns: scraped_at, source, id, addressee, change, before, after.\n\nExample:\n  appeal-audit report changes --since 2022-10-01 --format csv"
    )]
    Changes(ReportArgs),
    /// One week (or --since/--until) against the period before: routing, forwards, silence.
    #[command(
        after_help = "--format md is a document to paste into a draft: a title with the period, a sentence per official, the tables and a methodology note. --format html is one self-contained page with charts, including the trend of the last --weeks N weeks. --format json is one object: since, until, routing, forwards, silence, previous {since, until, routing}, changes.\n\nExamples:\n  appeal-audit report weekly --week 2022-W39 --as-of 2022-10-03 --format md > weekly.md\n  appeal-audit report weekly --week 2022-W39 --as-of 2022-10-03 --format html --output weekly.html\n  appeal-audit report weekly --format json | jq '.routing[0]'"
    )]
    Weekly(report::WeeklyCommand),
}
