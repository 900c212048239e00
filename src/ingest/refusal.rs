//! Why a record is refused, in words a reporter can act on (the file, the line or record, the
//! field and the value), and the --rejects file that lists the records --skip-invalid left out.

use std::path::Path;

use anyhow::{Result, anyhow};

use super::options::ImportOptions;
use crate::i18n::{lang, tr};
use crate::records::fields::{Field, RecordKind};
use crate::records::reader::{Input, InputFormat, ReadOptions};
use crate::records::typed::RecordError;

/// One rejected record, for the summary and the --rejects file.
pub struct Reject {
    pub file: String,
    pub line: u64,
    pub error: RecordError,
}

/// A record that cannot be typed: kept as rejected with --skip-invalid, else the error that
/// ends the import.
pub fn rejected_or_refused(
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
    let problem = problem_words(error);
    // A record made from a page: the page and the card are what the user can look at.
    if let Some(origin) = input.origin(line) {
        // A saved page is a file to open; an archived one a record to extract.
        let (place, look) = match crate::portal::is_saved_page(std::path::Path::new(&*origin.file))
        {
            true => (String::new(), tr("import-page-open", &[])),
            false => (
                tr("import-page-offset", &[("offset", origin.offset.into())]),
                tr(
                    "import-page-extract",
                    &[
                        ("file", origin.file.to_string().into()),
                        ("offset", origin.offset.into()),
                    ],
                ),
            ),
        };
        return anyhow!(
            "{}",
            tr(
                "import-page-error",
                &[
                    ("url", origin.url.to_string().into()),
                    ("file", origin.file.to_string().into()),
                    ("place", place.into()),
                    ("card", origin.position.into()),
                    ("problem", problem.into()),
                    ("look", look.into()),
                ],
            )
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
                ("file", file.into()),
                ("place", place.into()),
                ("problem", problem.into()),
                ("kind", kind_word(kind).into()),
            ],
        )
    )
}

/// A header that lacks a column for required fields: one error for the file, before any
/// record, naming the fields, the header's columns as written and how to map one.
pub fn header_error(input: &Input, missing: &[&Field], headers: &[String]) -> anyhow::Error {
    let fields: Vec<&str> = missing.iter().map(|f| f.name).collect();
    let columns: Vec<String> = headers.iter().map(|h| format!("«{h}»")).collect();
    let names: Vec<String> = missing
        .iter()
        .map(|f| {
            let mut names = vec![f.name];
            names.extend(f.synonyms);
            names.join(", ")
        })
        .collect();
    anyhow!(
        "{}",
        tr(
            "import-header-missing",
            &[
                ("file", input.to_string().into()),
                ("fields", fields.join(", ").into()),
                ("columns", columns.join(", ").into()),
                ("names", names.join("; ").into()),
                ("field", fields.first().copied().unwrap_or_default().into()),
            ],
        )
    )
}

/// What is wrong with a record (the field, the value, the column and why), in the run's
/// language.
pub fn problem_words(error: &RecordError) -> String {
    error.words(lang(), &error.kind().map(kind_word).unwrap_or_default())
}

/// `appeals`, `обращения`, `өтініштер`: a kind of record in the run's language.
fn kind_word(kind: RecordKind) -> String {
    crate::output::words::word(
        crate::catalogue::Vocabulary::Kind,
        kind.as_str(),
        crate::i18n::lang(),
    )
}

pub fn write_rejects(path: &Path, rejects: &[Reject]) -> Result<()> {
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
                &r.error.english_reason(),
            ])?;
        }
        csv.flush()?;
    }
    out.finish()
}
