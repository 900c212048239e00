//! What is wrong with a record: the field, the value, the column (or JSON key) as the file
//! writes it, and a typed reason, told in any language from `locales/*/import.ftl`. The caller
//! adds the file and the line.

use std::fmt;

use super::dates::DateError;
use super::fields::{RecordKind, normalize_header};
use crate::i18n::Lang;

/// A record's problem: which field, what value, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    pub field: String,
    pub value: String,
    pub reason: Reason,
    /// The column as the file writes it, where that is not the field's own name: the user
    /// looks for `Дата подачи` in the file, not for `submitted_at`.
    pub column: Option<String>,
    /// The record names its values by JSON keys, not by a header's columns.
    pub keys: bool,
}

/// Why a value or a record cannot be taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    Date(DateError),
    /// `repost` that is neither true nor false.
    NotABool,
    /// A directory entry's `kind` that is neither official nor department.
    NotAnEntryKind,
    /// A required field without a value; `present`: the record has a column (key) for it,
    /// left empty, rather than none at all.
    Missing {
        kind: RecordKind,
        present: bool,
    },
}

impl RecordError {
    pub fn new(field: &str, value: &str, reason: Reason) -> RecordError {
        RecordError {
            field: field.to_string(),
            value: value.to_string(),
            reason,
            column: None,
            keys: false,
        }
    }

    /// Names the column the value came from, where it is not named as the field.
    pub fn in_column(mut self, column: &str) -> RecordError {
        if normalize_header(column) != self.field {
            self.column = Some(column.to_string());
        }
        self
    }

    /// `field addressee, value "" in column «Адресат»: required for appeals and empty`, in
    /// `lang`; `kind_word` is the kind of record as `lang` says it (`appeals`, `обращения`).
    pub fn words(&self, lang: Lang, kind_word: &str) -> String {
        let reason = self.reason_words(lang, kind_word);
        if let Reason::Missing { present: false, .. } = self.reason {
            // No column or key at all: no value to show.
            return lang.tr(
                "record-field",
                &[
                    ("field", self.field.clone().into()),
                    ("reason", reason.into()),
                ],
            );
        }
        let column = match &self.column {
            None => String::new(),
            Some(column) => {
                let key = if self.keys {
                    "import-in-key"
                } else {
                    "import-in-column"
                };
                lang.tr(key, &[("column", column.clone().into())])
            }
        };
        lang.tr(
            "record-field-value",
            &[
                ("field", self.field.clone().into()),
                ("value", format!("{:?}", self.value).into()),
                ("column", column.into()),
                ("reason", reason.into()),
            ],
        )
    }

    /// The reason alone, as the --rejects file gives it (in English) and an error ends with it.
    pub fn reason_words(&self, lang: Lang, kind_word: &str) -> String {
        match &self.reason {
            Reason::Date(date) => date.words(lang),
            Reason::NotABool => lang.tr("reason-not-a-bool", &[]),
            Reason::NotAnEntryKind => lang.tr("reason-not-an-entry-kind", &[]),
            Reason::Missing { present: true, .. } => {
                lang.tr("reason-empty", &[("kind", kind_word.to_string().into())])
            }
            Reason::Missing {
                kind,
                present: false,
            } => {
                let field = kind.fields().iter().find(|f| f.name == self.field);
                let mut names = vec![self.field.as_str()];
                names.extend(field.map_or(&[][..], |f| f.synonyms));
                let key = if self.keys {
                    "reason-missing-key"
                } else {
                    "reason-missing"
                };
                lang.tr(
                    key,
                    &[
                        ("kind", kind_word.to_string().into()),
                        ("names", names.join(", ").into()),
                        ("field", self.field.clone().into()),
                    ],
                )
            }
        }
    }

    /// The reason in English, with the kind of record by its command-line name (`appeals`):
    /// the --rejects file's words, which stay the same in every language.
    pub fn english_reason(&self) -> String {
        self.reason_words(Lang::En, self.english_kind())
    }

    /// The kind of record the reason names (a missing field is required for it), if any.
    pub fn kind(&self) -> Option<RecordKind> {
        match self.reason {
            Reason::Missing { kind, .. } => Some(kind),
            _ => None,
        }
    }

    fn english_kind(&self) -> &'static str {
        self.kind().map_or("", RecordKind::as_str)
    }
}

/// In English, with the kind of record by its command-line name (`appeals`).
impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words(Lang::En, self.english_kind()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_field_is_told_as_the_file_names_it() {
        let missing = |present, keys, column: Option<&str>| RecordError {
            column: column.map(str::to_string),
            keys,
            ..RecordError::new(
                "addressee",
                "",
                Reason::Missing {
                    kind: RecordKind::Appeals,
                    present,
                },
            )
        };
        assert_eq!(
            missing(true, false, Some("Адресат")).to_string(),
            "field addressee, value \"\" in column «Адресат»: required for appeals and empty"
        );
        assert_eq!(
            missing(true, true, Some("Кому")).words(Lang::Ru, "обращения"),
            "поле addressee, значение \"\" в ключе «Кому»: обязательно (записи: обращения), \
             но пусто"
        );
        assert_eq!(
            missing(false, true, None).to_string(),
            "field addressee: required for appeals, and the record has no key for it: name \
             one addressee, official, blog_owner, адресат, кому, блог (any case), or map yours \
             with --map addressee=KEY"
        );
        assert_eq!(
            missing(false, true, None).words(Lang::Kk, "өтініштер"),
            "addressee өрісі: міндетті өріс (өтініштер), бірақ жазбада оның кілті жоқ: кілтті \
             addressee, official, blog_owner, адресат, кому, блог деп атаңыз (бас-кіші әріп \
             маңызды емес), не өз кілтіңізді --map addressee=КІЛТ арқылы көрсетіңіз"
        );
    }

    #[test]
    fn a_bad_value_names_its_column_and_the_reason_in_the_language() {
        let error = RecordError::new(
            "submitted_at",
            "32.13.2022",
            Reason::Date(DateError::NoSuchDay),
        )
        .in_column("Дата подачи");
        assert_eq!(
            error.to_string(),
            "field submitted_at, value \"32.13.2022\" in column «Дата подачи»: no such day"
        );
        assert_eq!(
            error.words(Lang::Ru, "обращения"),
            "поле submitted_at, значение \"32.13.2022\" в столбце «Дата подачи»: такого дня нет"
        );
        // A column named as the field adds nothing.
        let same = RecordError::new("repost", "может", Reason::NotABool).in_column(" Repost ");
        assert_eq!(same.column, None);
    }
}
