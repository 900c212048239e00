//! An error as people read it in the run's language: its causes joined as anyhow's `{:#}`
//! joins them, and an operating system's error (no such file, permission denied, a folder, a
//! full disk) described in the language, the system's own English words kept in brackets.
//! English is left as it always was.

use std::error::Error;
use std::io::ErrorKind;

use super::Lang;

/// `appeal-audit: ошибка: …`: the line an error ends a run with.
pub fn error_line(error: &anyhow::Error, lang: Lang) -> String {
    format!(
        "appeal-audit: {}: {}",
        lang.tr("error-word", &[]),
        describe(error, lang)
    )
}

/// The line for wrong usage (exit 2), with where to read more, as clap's own errors end.
pub fn usage_line(error: &anyhow::Error, lang: Lang) -> String {
    format!(
        "{}\n\n{}",
        error_line(error, lang),
        lang.tr("usage-more-help", &[])
    )
}

/// `error` and every cause, in `lang`. The system's failure is told in the language, and its
/// own words (with whatever caused them, such as SQLite's error code) go in brackets after.
pub fn describe(error: &anyhow::Error, lang: Lang) -> String {
    let causes: Vec<&(dyn Error + 'static)> = error.chain().collect();
    let mut words = Vec::with_capacity(causes.len());
    for (i, cause) in causes.iter().enumerate() {
        match system_phrase(*cause) {
            Some(key) if lang != Lang::En => {
                let own: Vec<String> = causes[i..].iter().map(ToString::to_string).collect();
                words.push(format!("{} ({})", lang.tr(key, &[]), own.join(": ")));
                break;
            }
            _ => words.push(cause.to_string()),
        }
    }
    words.join(": ")
}

/// The message key that describes a failure of the operating system (or of SQLite on its
/// behalf), whatever wraps it: io, CSV, JSON and SQLite errors.
fn system_phrase(cause: &(dyn Error + 'static)) -> Option<&'static str> {
    if let Some(io) = cause.downcast_ref::<std::io::Error>() {
        return Some(io_phrase(io.kind()));
    }
    if let Some(csv) = cause.downcast_ref::<csv::Error>()
        && let csv::ErrorKind::Io(io) = csv.kind()
    {
        return Some(io_phrase(io.kind()));
    }
    if let Some(json) = cause.downcast_ref::<serde_json::Error>() {
        return json.io_error_kind().map(io_phrase);
    }
    if let Some(rusqlite::Error::SqliteFailure(failure, _)) = cause.downcast_ref() {
        use rusqlite::ErrorCode;
        return match failure.code {
            ErrorCode::DiskFull => Some("os-storage-full"),
            ErrorCode::ReadOnly => Some("os-read-only"),
            ErrorCode::PermissionDenied => Some("os-permission-denied"),
            ErrorCode::CannotOpen => Some("os-cannot-open"),
            ErrorCode::SystemIoFailure => Some("os-disk-io"),
            ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => Some("os-database-busy"),
            _ => None,
        };
    }
    None
}

/// What the system said, by its kind.
pub fn io_phrase(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::NotFound => "os-not-found",
        ErrorKind::PermissionDenied => "os-permission-denied",
        ErrorKind::IsADirectory => "os-is-a-directory",
        ErrorKind::NotADirectory => "os-not-a-directory",
        ErrorKind::AlreadyExists => "os-already-exists",
        ErrorKind::DirectoryNotEmpty => "os-directory-not-empty",
        ErrorKind::StorageFull => "os-storage-full",
        ErrorKind::QuotaExceeded => "os-quota-exceeded",
        ErrorKind::FileTooLarge => "os-file-too-large",
        ErrorKind::ReadOnlyFilesystem => "os-read-only",
        ErrorKind::InvalidData => "os-invalid-data",
        ErrorKind::UnexpectedEof => "os-unexpected-eof",
        ErrorKind::TimedOut => "os-timed-out",
        ErrorKind::OutOfMemory => "os-out-of-memory",
        _ => "os-other",
    }
}

#[cfg(test)]
mod tests {
    use std::io;

    use anyhow::Context;

    use super::*;

    fn failed(kind: ErrorKind, text: &str) -> anyhow::Error {
        Err::<(), _>(io::Error::new(kind, text.to_string()))
            .context("cannot read x.csv")
            .unwrap_err()
    }

    #[test]
    fn system_errors_are_described_in_the_language_and_english_stays() {
        let missing = (
            ErrorKind::NotFound,
            "No such file or directory (os error 2)",
        );
        let full = (
            ErrorKind::StorageFull,
            "No space left on device (os error 28)",
        );
        for ((kind, text), lang, want) in [
            (missing, Lang::En, "No such file or directory (os error 2)"),
            (
                missing,
                Lang::Ru,
                "нет такого файла или папки (No such file or directory (os error 2))",
            ),
            (
                full,
                Lang::Kk,
                "дискіде орын жоқ (No space left on device (os error 28))",
            ),
        ] {
            let error = failed(kind, text);
            assert_eq!(describe(&error, lang), format!("cannot read x.csv: {want}"));
        }
        let csv_io = anyhow::Error::new(csv::Error::from(io::Error::from(
            ErrorKind::PermissionDenied,
        )));
        assert!(
            describe(&csv_io, Lang::Ru).starts_with("нет прав доступа ("),
            "{}",
            describe(&csv_io, Lang::Ru)
        );
    }

    #[test]
    fn every_kind_has_words_in_every_language() {
        use ErrorKind::*;
        for kind in [
            NotFound,
            PermissionDenied,
            IsADirectory,
            NotADirectory,
            AlreadyExists,
            DirectoryNotEmpty,
            StorageFull,
            QuotaExceeded,
            FileTooLarge,
            ReadOnlyFilesystem,
            InvalidData,
            UnexpectedEof,
            TimedOut,
            OutOfMemory,
            Interrupted,
        ] {
            for lang in Lang::ALL {
                assert!(lang.has(io_phrase(kind)), "{kind:?} {lang:?}");
            }
        }
        for key in ["os-cannot-open", "os-disk-io", "os-database-busy"] {
            assert!(Lang::ALL.iter().all(|lang| lang.has(key)), "{key}");
        }
        let io = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(778),
            Some("disk I/O error".into()),
        );
        assert_eq!(
            describe(&anyhow::Error::new(io), Lang::Ru),
            "ошибка чтения или записи на диск (disk I/O error: Error code 778: Error writing to \
             disk)"
        );
    }
}
