//! The record contract's fields, one table per kind of record: names, whether required, and the
//! header synonyms scrapers write. Parsing, `--map`, help text and docs all read these tables.

/// One field of the record contract.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub name: &'static str,
    pub required: bool,
    pub synonyms: &'static [&'static str],
    pub is_date: bool,
}

const fn field(name: &'static str, required: bool, synonyms: &'static [&'static str]) -> Field {
    Field {
        name,
        required,
        synonyms,
        is_date: false,
    }
}

const fn date(name: &'static str, required: bool, synonyms: &'static [&'static str]) -> Field {
    Field {
        name,
        required,
        synonyms,
        is_date: true,
    }
}

pub const APPEAL_FIELDS: &[Field] = &[
    field(
        "id",
        true,
        &["question_id", "number", "no", "№", "номер", "нөмір"],
    ),
    field(
        "addressee",
        true,
        &["official", "blog_owner", "адресат", "кому", "блог"],
    ),
    date(
        "submitted_at",
        true,
        &["date", "created_at", "дата", "дата обращения", "күні"],
    ),
    field("source", false, &[]),
    field(
        "addressee_position",
        false,
        &["position", "должность", "лауазымы"],
    ),
    field("category", false, &["категория", "тема", "санат"]),
    field("title", false, &["заголовок", "тақырып"]),
    field(
        "text",
        false,
        &["question", "вопрос", "текст", "обращение", "сұрақ"],
    ),
    field("author", false, &["автор", "заявитель"]),
    field("status", false, &["статус", "мәртебе"]),
    date(
        "answered_at",
        false,
        &["answer_date", "дата ответа", "жауап күні"],
    ),
    field(
        "answered_by",
        false,
        &["answer_author", "ответил", "кто ответил", "жауап берген"],
    ),
    field("answer_text", false, &["answer", "ответ", "жауап"]),
    field(
        "forwarded_to",
        false,
        &["redirected_to", "перенаправлено", "направлено"],
    ),
    field("url", false, &["link", "ссылка", "сілтеме"]),
    field("rating", false, &["оценка", "бағалау"]),
    date("scraped_at", false, &["дата сбора"]),
];

pub const POST_FIELDS: &[Field] = &[
    field(
        "department",
        true,
        &["author", "body", "ведомство", "управление"],
    ),
    date("published_at", true, &["date", "дата", "күні"]),
    field("channel", false, &["платформа"]),
    field("repost", false, &["репост", "shared"]),
    field("title", false, &[]),
    field("url", false, &[]),
    field("id", false, &[]),
    field("source", false, &[]),
];

pub const DIRECTORY_FIELDS: &[Field] = &[
    field("name", true, &[]),
    field("kind", false, &[]),
    field("position", false, &[]),
    field("parent", false, &[]),
    field("aliases", false, &[]),
    field("url", false, &[]),
];

/// The three kinds of record a file can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RecordKind {
    Appeals,
    Posts,
    Directory,
}

impl RecordKind {
    pub fn fields(self) -> &'static [Field] {
        match self {
            RecordKind::Appeals => APPEAL_FIELDS,
            RecordKind::Posts => POST_FIELDS,
            RecordKind::Directory => DIRECTORY_FIELDS,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            RecordKind::Appeals => "appeals",
            RecordKind::Posts => "posts",
            RecordKind::Directory => "directory",
        }
    }
}

/// Lower case and trim a header so that `Дата ответа ` and `дата ответа` are one name.
pub fn normalize_header(header: &str) -> String {
    header
        .trim()
        .trim_start_matches('\u{feff}')
        .trim()
        .to_lowercase()
}

/// The field a header names, by the field's own name or one of its synonyms.
pub fn field_for_header(fields: &'static [Field], header: &str) -> Option<&'static Field> {
    let wanted = normalize_header(header);
    fields.iter().find(|f| f.name == wanted).or_else(|| {
        fields
            .iter()
            .find(|f| f.synonyms.contains(&wanted.as_str()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_names_and_synonyms_in_any_case() {
        let cases = [
            ("id", "id"),
            ("№", "id"),
            ("Нөмір", "id"),
            (" Дата ответа ", "answered_at"),
            ("ДАТА", "submitted_at"),
            ("Кто ответил", "answered_by"),
            ("answer", "answer_text"),
        ];
        for (header, want) in cases {
            let got = field_for_header(APPEAL_FIELDS, header).map(|f| f.name);
            assert_eq!(got, Some(want), "header {header:?}");
        }
        assert!(field_for_header(APPEAL_FIELDS, "likes").is_none());
        assert_eq!(
            field_for_header(POST_FIELDS, "Ведомство").map(|f| f.name),
            Some("department")
        );
    }

    #[test]
    fn no_synonym_names_two_fields_of_one_kind() {
        for kind in [
            RecordKind::Appeals,
            RecordKind::Posts,
            RecordKind::Directory,
        ] {
            let mut seen = std::collections::HashSet::new();
            for f in kind.fields() {
                assert!(seen.insert(f.name), "{}", f.name);
                for s in f.synonyms {
                    assert!(seen.insert(s), "{s} twice in {}", kind.as_str());
                }
            }
        }
    }
}
