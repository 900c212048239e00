//! The one catalogue of columns: for every table a report, an export or a status command
//! writes, each column's name, type, description and where its value comes from. Reports,
//! exports, the Parquet writer, the words layer and the published metadata all read it here.

mod records;
mod reports;
mod status;

pub use records::{APPEALS, POSTS};
pub use reports::{
    CHANGES, CHECK, FORWARDS, READING, ROUTING, SILENCE, WEEKLY_ARROWS, WEEKLY_CHANGE, WEEKLY_TREND,
};
pub use status::{DIRECTORY, FIELDS, IMPORTS, PAGE_PROVENANCE, PHRASES, RECORDS, ROUTES, VERSIONS};

use anyhow::{Context, Result};

/// One column of a table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Column {
    /// The name in CSV headers and JSON keys, which `--columns` and views key on.
    pub name: &'static str,
    pub kind: ColumnKind,
    /// What the column holds, in English: for the published metadata and the docs.
    pub description: &'static str,
    /// Where a stored record's value comes from.
    pub read: Read,
    /// What privacy asks of the column in an export.
    pub privacy: Privacy,
    /// The serialised row leaves the field out when it is empty (`skip_serializing_if`), so
    /// that its absence reads as null; any other absent field is an error.
    pub absent_is_empty: bool,
}

/// What a column's values are; their Parquet type (and a spreadsheet's) follows from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    /// Text whose values seldom repeat: ids, addresses, hashes.
    Text,
    /// Long free text a citizen or an official wrote.
    Prose,
    /// Text with few distinct values: names, sources, codes.
    Category,
    /// A word of the reports' vocabulary, which people read in their language.
    Word(Vocabulary),
    Int,
    /// A figure with decimals: a share, a median.
    Decimal,
    Bool,
    Date,
    /// Local date and time, as the source showed it.
    Timestamp,
}

/// The words that stand in cells, each set under its own message prefix (`value-route-…`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vocabulary {
    /// `few`: too few appeals for a share to mean much.
    Note,
    /// Silence: `ok`, `stale`, `never`, `not_read`.
    Status,
    /// A directory entry's kind: `official`, `department`.
    Kind,
    /// A forward's target, where `unknown` stands for a target the source does not give.
    Target,
    /// A change between scrapes: `answered`, `route_changed`...
    Change,
    /// A route: `personal`, `forwarded`...
    Route,
}

impl Vocabulary {
    /// The part of its messages' keys after `value-`.
    pub fn area(self) -> &'static str {
        match self {
            Vocabulary::Note => "note",
            Vocabulary::Status => "status",
            Vocabulary::Kind => "kind",
            Vocabulary::Target => "target",
            Vocabulary::Change => "change",
            Vocabulary::Route => "route",
        }
    }
}

/// Where a stored appeal's value comes from: most columns are the stored field of their name;
/// the due date and whether it was missed are worked out at export time from the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Read {
    /// The record's field of the column's name.
    Field,
    DueDate,
    Overdue,
}

/// What an export does with a column for privacy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Privacy {
    Open,
    /// Free text a citizen or an official wrote: `--redact` masks identifiers in it.
    Redacted,
    /// The citizen's name: left out unless `--include-authors`, and redacted like free text.
    Author,
}

impl Column {
    /// A column read from the field of its name, open to everyone.
    pub const fn new(name: &'static str, kind: ColumnKind, description: &'static str) -> Column {
        Column {
            name,
            kind,
            description,
            read: Read::Field,
            privacy: Privacy::Open,
            absent_is_empty: false,
        }
    }

    const fn read(self, read: Read) -> Column {
        Column { read, ..self }
    }

    const fn redacted(self) -> Column {
        Column {
            privacy: Privacy::Redacted,
            ..self
        }
    }

    const fn author(self) -> Column {
        Column {
            privacy: Privacy::Author,
            ..self
        }
    }

    const fn absent_is_empty(self) -> Column {
        Column {
            absent_is_empty: true,
            ..self
        }
    }

    /// `--redact` masks it.
    pub fn is_redacted(&self) -> bool {
        self.privacy != Privacy::Open
    }
}

/// The key of a column's name for people (`col-addressee`).
pub fn label_key(name: &str) -> String {
    format!("col-{name}")
}

/// The columns' names, in order.
pub fn names(columns: &[Column]) -> Vec<&'static str> {
    columns.iter().map(|c| c.name).collect()
}

/// The columns of `table` named, in the order named (`--columns`, already checked against the
/// table's names).
pub fn pick(table: &[Column], named: &[impl AsRef<str>]) -> Result<Vec<Column>> {
    named
        .iter()
        .map(|name| {
            let name = name.as_ref();
            table
                .iter()
                .find(|c| c.name == name)
                .copied()
                .with_context(|| format!("internal: no column {name} in the catalogue"))
        })
        .collect()
}

/// Every table people read as a table or Markdown, where the words layer translates headers
/// and cells: a column name means one thing in all of them.
pub const FOR_PEOPLE: &[&[Column]] = &[
    ROUTING,
    READING,
    FORWARDS,
    SILENCE,
    CHANGES,
    CHECK,
    WEEKLY_CHANGE,
    WEEKLY_ARROWS,
    WEEKLY_TREND,
    RECORDS,
    ROUTES,
    IMPORTS,
    PHRASES,
    VERSIONS,
    PAGE_PROVENANCE,
    FIELDS,
    DIRECTORY,
];

/// Every table of the catalogue: those for machines, then those for people.
#[cfg(test)]
pub fn all() -> impl Iterator<Item = &'static [Column]> {
    [APPEALS, POSTS]
        .into_iter()
        .chain(FOR_PEOPLE.iter().copied())
}

/// The vocabulary a column's cells are words of, wherever people read it; None for names,
/// texts and figures. Rows reach the words layer by column name, and the test below keeps a
/// name to one vocabulary across the tables people read.
pub fn vocabulary(name: &str) -> Option<Vocabulary> {
    FOR_PEOPLE
        .iter()
        .flat_map(|table| table.iter())
        .find(|c| c.name == name)
        .and_then(|c| match c.kind {
            ColumnKind::Word(vocabulary) => Some(vocabulary),
            _ => None,
        })
}

#[cfg(test)]
mod tests;
