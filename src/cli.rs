//! The command line: clap definitions and help text only. Commands turn these into plain
//! options before any work starts.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::output::Format;
use crate::records::fields::RecordKind;
use crate::records::reader::{InputEncoding, InputFormat};

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

/// What `import` reads: records of one kind, or the portal's pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportKind {
    Appeals,
    Posts,
    Directory,
    /// WARC archives or saved .html pages of the blog portal (docs/portal.md).
    Pages,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import records of one kind from CSV, JSON or JSON Lines files ('-' reads standard input),
    /// or the portal's pages from WARC archives and saved .html pages.
    #[command(
        after_help = "Examples:\n  appeal-audit import appeals blog-2022-10.csv\n  appeal-audit import appeals --map submitted_at='Дата подачи' export.csv\n  appeal-audit import posts --source zhetysu posts.json\n  appeal-audit import directory directory.csv\n  cat page.jsonl | appeal-audit import appeals -\n  appeal-audit import pages archive/\n  appeal-audit import pages --addressee 'Исабаев Бейбит Бакирович' saved-page.html"
    )]
    Import {
        /// What the files hold: appeals, posts or directory records, or the portal's pages.
        kind: ImportKind,
        /// The files to import; '-' reads standard input. Pages: WARC archives (.warc,
        /// .warc.gz), pages saved by a browser (.html) or folders holding them.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Pages: the blog owner's name, instead of what the blog's welcome page says.
        #[arg(long, value_name = "NAME")]
        addressee: Option<String>,
        /// The file format; auto tells it from the extension, else the content.
        #[arg(long, default_value = "auto")]
        format: InputFormat,
        #[command(flatten)]
        options: ImportArgs,
    },

    /// The main job: import every data file under PATH, then print routing, forwards and silence.
    #[command(
        after_help = "A file's kind is told by its header: appeals have an addressee, posts a \
department, a directory a name. Directory files are imported first.\n\nExample:\n  appeal-audit audit data --as-of 2022-10-03"
    )]
    Audit {
        /// Files or folders (searched recursively for .csv, .tsv, .json, .jsonl, .ndjson).
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Treat every file as this kind instead of telling it from the header.
        #[arg(long)]
        kind: Option<RecordKind>,
        /// The files' format; auto tells it from the extension, else the content.
        #[arg(long, default_value = "auto", value_name = "FORMAT")]
        input_format: InputFormat,
        #[command(flatten)]
        import: ImportArgs,
        #[command(flatten)]
        report: ReportArgs,
        /// How many forward targets to list per official.
        #[arg(long, default_value_t = 5, value_name = "N")]
        top: usize,
    },

    /// Fetch blogs from the portal politely, archive every page as WARC, import what they hold.
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
    Fetch {
        /// Blog ids or addresses.
        #[arg(required = true, value_name = "BLOG")]
        blogs: Vec<String>,
        #[command(flatten)]
        args: FetchArgs,
    },

    /// Reports over what is stored.
    #[command(subcommand)]
    Report(ReportCommand),

    /// One appeal: its fields, route and reason, days to answer, due date and provenance.
    Show {
        /// The appeal's id as its source writes it, e.g. 749022/1.
        id: String,
        /// The source, where the same id exists in several.
        #[arg(long)]
        source: Option<String>,
        /// Also list every scraped version and each change between scrapes.
        #[arg(long)]
        history: bool,
        #[command(flatten)]
        report: ReportArgs,
    },

    /// Every stored record, appeals with their route and reason, for spreadsheets, scripts and
    /// analysts' engines (Parquet); or `database`: a copy of the database safe to publish.
    #[command(
        after_help = "Text cells that a spreadsheet would run as a formula (starting with = + - @, tab or CR) get a leading ' unless --raw. The author column is left out unless --include-authors.\n\n--format parquet writes typed columns (timestamps, dates, integers, booleans), zstd-compressed, in row groups of up to 100,000 rows; --partition-by year|addressee writes a folder of Hive-style partitions (year=2022/part-0.parquet) for DuckDB, Spark, Trino or BigQuery.\n\nexport database writes a copy for Datasette or sqlite3 readers: no authors, every text redacted (IIN/BIN, phones, e-mail, card and account numbers), file names without their folders, the views kept, read-only; and beside it NAME.metadata.json for `datasette serve --immutable NAME.db --metadata NAME.metadata.json`.\n\nExamples:\n  appeal-audit export appeals --excel --output appeals.csv\n  appeal-audit export appeals --redact --format jsonl | head\n  appeal-audit export posts --department 'Управление ЖКХ' --format json\n  appeal-audit export appeals --format parquet --partition-by year --output appeals-parquet\n  appeal-audit export database --output public.db"
    )]
    Export {
        what: ExportKind,
        #[arg(long, default_value = "csv")]
        format: ExportFormat,
        /// Write to FILE instead of standard output (complete or not at all). Parquet and
        /// `export database` need it; with --partition-by it is a new folder.
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Parquet: one folder per year of submission or per addressee (Hive-style: year=2022/).
        #[arg(long, value_name = "COLUMN")]
        partition_by: Option<PartitionBy>,
        /// export database: keep texts as scraped, identifiers and all (not for publication).
        #[arg(long)]
        raw_texts: bool,
        /// CSV for Excel: UTF-8 byte-order mark and CRLF line ends.
        #[arg(long)]
        excel: bool,
        /// Include the citizen's name (personal data; left out by default).
        #[arg(long)]
        include_authors: bool,
        /// Mask IIN/BIN, phone, e-mail, card and account numbers in every text field.
        #[arg(long)]
        redact: bool,
        /// No spreadsheet-formula protection: cells exactly as stored.
        #[arg(long)]
        raw: bool,
        /// Only these columns, by name, in this order (e.g. --columns id,addressee,route).
        #[arg(long, value_name = "A,B,C", value_delimiter = ',')]
        columns: Vec<String>,
        #[command(flatten)]
        filters: FilterArgs,
    },

    /// Scrape quality: one row per problem a reporter should see before a reader does.
    #[command(
        after_help = "Problems: answer_before_submission, date_in_future (after the scrape or the as-of date), duplicate_conflict (one id twice in a file with different values; the later line is kept), answered_without_answerer, answer_without_date (an answer whose date is unknown: it cannot be timed), unmatched_name (a name no directory entry matches, with how many records carry it), unknown_route, bidi_control (a name, id or text holding a bidirectional control, U+202A–202E or U+2066–2069, that can make it read as something else; table and md show it escaped, as \\u{202e}).\n\nColumns: problem, source, id, field, value, records, file, line.\n\nExamples:\n  appeal-audit check --as-of 2022-10-03\n  appeal-audit check --unmatched-as-directory >> directory.csv"
    )]
    Check {
        /// Exit with code 3 when any problem is found.
        #[arg(long)]
        fail_on_problems: bool,
        /// Print only the unmatched names, as directory CSV rows (name,kind,position,parent,aliases,url) to fill in.
        #[arg(long)]
        unmatched_as_directory: bool,
        #[command(flatten)]
        report: ReportArgs,
    },

    /// What the database holds: counts by kind, date ranges, routes, and the imports log.
    Status {
        #[arg(long, default_value = "table")]
        format: Format,
        /// Table: every column of the imports log (on a terminal it shows those read first).
        #[arg(long)]
        wide: bool,
    },

    /// Print a shell completion script: appeal-audit completions bash > /etc/bash_completion.d/appeal-audit
    Completions { shell: clap_complete::Shell },

    /// Print the man page (roff): appeal-audit man > /usr/local/share/man/man1/appeal-audit.1
    Man,

    /// Print the methodology page of docs/ in the --lang language (docs/methodology.ru.md, .kk.md).
    #[command(hide = true)]
    Methodology,

    /// The classification phrases in force: built in, and added with `import --phrases`.
    Phrases {
        #[arg(long, default_value = "table")]
        format: Format,
    },
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
        after_help = "Columns: name, kind, last_post, days_since, posts_30d, status, reposts_30d.\n\nExample:\n  appeal-audit report silence --as-of 2022-10-03 --stale-after 14 --fail-if-stale"
    )]
    Silence {
        #[command(flatten)]
        report: ReportArgs,
        /// Exit with code 3 when any department is stale or never posted.
        #[arg(long)]
        fail_if_stale: bool,
    },
    /// What changed between scrapes, one row per change, dated by the scrape that showed it.
    #[command(
        after_help = "Changes: new, answered, answer_edited, answerer_changed, status_changed, route_changed, vanished (only from --snapshot imports), reappeared. --since/--until apply to the scrape date.\n\nColumns: scraped_at, source, id, addressee, change, before, after.\n\nExample:\n  appeal-audit report changes --since 2022-10-01 --format csv"
    )]
    Changes(ReportArgs),
    /// One week (or --since/--until) against the period before: routing, forwards, silence.
    #[command(
        after_help = "--format md is a document to paste into a draft: a title with the period, a sentence per official, the tables and a methodology note. --format html is one self-contained page with charts, including the trend of the last --weeks N weeks. --format json is one object: since, until, routing, forwards, silence, previous {since, until, routing}, changes.\n\nExamples:\n  appeal-audit report weekly --week 2022-W39 --as-of 2022-10-03 --format md > weekly.md\n  appeal-audit report weekly --week 2022-W39 --as-of 2022-10-03 --format html --output weekly.html\n  appeal-audit report weekly --format json | jq '.routing[0]'"
    )]
    Weekly {
        /// The ISO week, e.g. 2022-W39; default: the last full week before the as-of date.
        #[arg(long, value_name = "YYYY-Www", conflicts_with_all = ["since", "until"])]
        week: Option<String>,
        /// --format html: how many weeks, up to the period's end, the trend charts show.
        #[arg(
            long,
            default_value_t = 12,
            value_name = "N",
            value_parser = clap::value_parser!(u32).range(1..=520)
        )]
        weeks: u32,
        #[command(flatten)]
        report: ReportArgs,
    },
}

/// How files are read; shared by `import` and `audit`.
#[derive(Debug, Args, Clone)]
pub struct ImportArgs {
    /// The text encoding; auto detects UTF-8 (with or without BOM), UTF-16 with BOM and Windows-1251.
    #[arg(long, default_value = "auto")]
    pub encoding: InputEncoding,
    /// The CSV delimiter; by default the one the header line uses (',', ';' or tab).
    #[arg(long, value_name = "CHAR")]
    pub delimiter: Option<char>,
    /// Read a column of another name as a field, e.g. --map submitted_at='Дата подачи'. Repeatable.
    #[arg(long = "map", value_name = "FIELD=COLUMN")]
    pub maps: Vec<String>,
    /// The source name for records that carry none.
    #[arg(long, default_value = "default", value_name = "NAME")]
    pub source: String,
    /// A chrono pattern for dates in no built-in form, e.g. '%d/%m/%Y' (tried first).
    #[arg(long, value_name = "PATTERN")]
    pub date_format: Option<String>,
    /// Import the valid records and report the invalid ones instead of stopping at the first.
    #[arg(long)]
    pub skip_invalid: bool,
    /// With --skip-invalid: write the rejected records as CSV (file, line, field, value, reason).
    #[arg(long, value_name = "FILE", requires = "skip_invalid")]
    pub rejects: Option<PathBuf>,
    /// When the scrape was made (default: each record's scraped_at, else now).
    #[arg(long, value_name = "DATE")]
    pub scraped_at: Option<String>,
    /// The file is the complete list of its addressees' appeals at that time.
    #[arg(long)]
    pub snapshot: bool,
    /// Add classification phrases from FILE (lines like 'forward: передано в'); kept in the database.
    #[arg(long, value_name = "FILE")]
    pub phrases: Option<PathBuf>,
}

/// `fetch`'s options.
#[derive(Debug, Args, Clone)]
pub struct FetchArgs {
    /// The folder the WARC archives go to (one file per blog and run).
    #[arg(long, default_value = "archive", value_name = "DIR")]
    pub archive: PathBuf,
    /// The portal's address: the real one, a mirror, or a local test server.
    #[arg(long, default_value = "https://dialog.egov.kz", value_name = "URL")]
    pub base_url: String,
    /// Seconds between two requests; never below robots.txt's Crawl-delay (1 s if it has none).
    #[arg(long, value_name = "SECS")]
    pub delay: Option<f64>,
    /// Read at most N questions pages (and N posts pages) per blog.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub max_pages: Option<u32>,
    /// Read every page even of a blog fetched before, as a snapshot: appeals gone are marked vanished.
    #[arg(long)]
    pub full: bool,
    /// Leave out the blog's own posts pages.
    #[arg(long)]
    pub no_posts: bool,
    /// The blog owner's name, instead of what the blog's pages say.
    #[arg(long, value_name = "NAME")]
    pub addressee: Option<String>,
    /// Appeals submitted more than N months before the fetch are settled whatever their state.
    #[arg(long, default_value_t = 6, value_name = "N")]
    pub recheck_months: u32,
    /// Archive the pages only; import them later with `import pages`.
    #[arg(long)]
    pub no_import: bool,
    /// The source name the records are stored under.
    #[arg(long, default_value = "default", value_name = "NAME")]
    pub source: String,
    /// When the scrape was made (default: the fetch's start).
    #[arg(long, value_name = "DATE")]
    pub scraped_at: Option<String>,
    /// Add classification phrases from FILE (lines like 'forward: передано в'); kept in the database.
    #[arg(long, value_name = "FILE")]
    pub phrases: Option<PathBuf>,
    /// The first wait, in seconds, before retrying after a 5xx or a network error (doubles each try).
    #[arg(long, default_value_t = 1.0, value_name = "SECS", hide = true)]
    pub retry_backoff: f64,
}

/// Filters and output shared by every report.
#[derive(Debug, Args, Clone)]
pub struct ReportArgs {
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Output format.
    #[arg(long, default_value = "table")]
    pub format: Format,
    /// Write to FILE instead of standard output (complete or not at all).
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub columns: ColumnArgs,
}

/// Which columns to show; on a terminal a table shows by default the ones read first.
#[derive(Debug, Args, Clone)]
pub struct ColumnArgs {
    /// Only these columns, by their CSV names, in this order, in every format (e.g.
    /// --columns addressee,appeals,personal_pct).
    #[arg(
        long,
        value_name = "A,B,C",
        value_delimiter = ',',
        conflicts_with = "wide"
    )]
    pub columns: Vec<String>,
    /// Table: every column (on a terminal the default view shows those read first, fitted).
    #[arg(long)]
    pub wide: bool,
}

/// Which records a report or export looks at, and the settings its figures depend on.
#[derive(Debug, Args, Clone)]
pub struct FilterArgs {
    /// Only appeals submitted on or after DATE.
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only appeals submitted on or before DATE.
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Only this official (any spelling the directory knows).
    #[arg(long, value_name = "NAME")]
    pub addressee: Option<String>,
    /// Silence: only this department.
    #[arg(long, value_name = "NAME")]
    pub department: Option<String>,
    /// Silence: only posts on this channel (site, telegram, ...).
    #[arg(long, value_name = "NAME")]
    pub channel: Option<String>,
    /// The date the figures are as of (default today); give it to make a report reproducible.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Replace the legal deadline with N working days.
    #[arg(long, value_name = "N")]
    pub deadline_days: Option<u32>,
    /// Silence: a department is stale after this many days without a post.
    #[arg(long, default_value_t = 30, value_name = "DAYS")]
    pub stale_after: i64,
    /// Which working days count for deadlines.
    #[arg(long, default_value = "kz")]
    pub calendar: CalendarArg,
    /// Extra days off ('2022-08-29') or worked days ('+2022-08-27'), one a line.
    #[arg(long, value_name = "FILE")]
    pub holidays: Option<PathBuf>,
    /// Rows with fewer appeals than N are noted 'few'.
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub min_n: u64,
    /// Silence: reposts do not count as posts.
    #[arg(long)]
    pub originals_only: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportKind {
    Appeals,
    Posts,
    /// A publishable copy of the whole database (give --output FILE).
    Database,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Csv,
    Tsv,
    Json,
    Jsonl,
    /// Typed columns for DuckDB, Spark, Trino, BigQuery (give --output PATH).
    Parquet,
}

impl ExportFormat {
    /// The writer's format; None for Parquet, which has a writer of its own.
    pub fn format(self) -> Option<Format> {
        match self {
            ExportFormat::Csv => Some(Format::Csv),
            ExportFormat::Tsv => Some(Format::Tsv),
            ExportFormat::Json => Some(Format::Json),
            ExportFormat::Jsonl => Some(Format::Jsonl),
            ExportFormat::Parquet => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PartitionBy {
    /// The year of submission (posts: of publication): year=2022/.
    Year,
    /// The addressee under its directory name, as reports group them: official=NAME/.
    Addressee,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CalendarArg {
    /// Kazakhstan's working days: weekends, public holidays and the Government's transfers.
    Kz,
    /// Monday to Friday, no holidays.
    MonFri,
}
