//! The columns of `status`, `phrases` and `show`: what the database holds, the phrases in
//! force, and one appeal's fields and versions.

use super::Column;
use super::ColumnKind::{Bool, Category, Int, Text, Timestamp, Word};
use super::Vocabulary::{Kind, Route, Status};

/// `status`: per kind of record, how many and over which dates.
pub const RECORDS: &[Column] = &[
    Column::new("kind", Word(Kind), "appeals, posts or directory."),
    Column::new("records", Int, "Records of that kind stored."),
    Column::new("first", Timestamp, "The earliest date among them."),
    Column::new("last", Timestamp, "The latest date among them."),
];

/// `status`: appeals per route.
pub const ROUTES: &[Column] = &[
    Column::new("route", Word(Route), "The route."),
    Column::new("appeals", Int, "Appeals with that route."),
];

/// `status`: every import.
pub const IMPORTS: &[Column] = &[
    Column::new("import_id", Int, "The import's number."),
    Column::new("kind", Word(Kind), "appeals, posts or directory."),
    Column::new(
        "file",
        Category,
        "The file imported (its name only); <stdin> for standard input.",
    ),
    Column::new("size", Int, "Its size in bytes."),
    Column::new("sha256", Text, "Its SHA-256, in hex."),
    Column::new(
        "started_at",
        Timestamp,
        "When the import started (local time).",
    ),
    Column::new("read", Int, "Records read."),
    Column::new("inserted", Int, "Records new to the database."),
    Column::new("updated", Int, "Records whose values changed."),
    Column::new("unchanged", Int, "Records read before exactly so."),
    Column::new(
        "rejected",
        Int,
        "Invalid records left out (--skip-invalid).",
    ),
];

/// `phrases`: the classification phrases in force.
pub const PHRASES: &[Column] = &[
    Column::new(
        "kind",
        Word(Kind),
        "Which rule reads the phrase: a forwarding, answered or rejected status, or a \
         forwarding answer.",
    ),
    Column::new("phrase", Text, "The phrase, as compared: normalised."),
    Column::new(
        "origin",
        Category,
        "built-in, or the --phrases file it came from.",
    ),
];

/// `show`: one appeal's fields, one a line.
pub const FIELDS: &[Column] = &[
    Column::new("field", Category, "The stored field."),
    Column::new("value", Text, "Its value."),
];

/// `show --history`: every stored version of the appeal.
pub const VERSIONS: &[Column] = &[
    Column::new(
        "scraped_at",
        Timestamp,
        "The scrape that showed these values.",
    ),
    Column::new("current", Bool, "Whether these are the values stored now."),
    Column::new("route", Word(Route), "The route these values gave."),
    // Cells are translated by column name, and `status` is silence's word elsewhere: an
    // appeal's own status text is no word of that vocabulary and stays as written.
    Column::new("status", Word(Status), "The status the source showed."),
    Column::new(
        "answered_at",
        Timestamp,
        "When the first answer was posted.",
    ),
    Column::new(
        "answered_by",
        Category,
        "Who the source showed as the first answer's author.",
    ),
    Column::new("answer_text", Text, "The first answer's text."),
    Column::new(
        "source_file",
        Category,
        "The file these values were read from.",
    ),
    Column::new(
        "source_line",
        Int,
        "The line or record number in that file.",
    ),
];

/// `show --history` for an appeal read from the portal's pages: where each version's page is.
pub const PAGE_PROVENANCE: &[Column] = &[
    Column::new(
        "source_offset",
        Int,
        "The offset of the page's WARC response record in source_file.",
    )
    .absent_is_empty(),
    Column::new("source_url", Text, "The page's address.").absent_is_empty(),
];

/// `check --unmatched-as-directory`: the names the directory lacks, as directory rows to fill
/// in: the record contract's directory fields.
pub const DIRECTORY: &[Column] = &[
    Column::new("name", Category, "The name as the records wrote it."),
    Column::new("kind", Word(Kind), "official or department."),
    Column::new(
        "position",
        Text,
        "The official's post, by which rule 4 of Who is who matches.",
    ),
    Column::new("parent", Category, "The body the entry belongs to."),
    Column::new(
        "aliases",
        Text,
        "Other names of the same entry, separated by ;.",
    ),
    Column::new("url", Text, "The entry's blog or page."),
];
