use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::*;
use crate::i18n::Lang;

#[test]
fn every_column_is_described_once_per_table_and_named_in_every_language() {
    let mut missing = Vec::new();
    for table in all() {
        let mut seen = BTreeSet::new();
        for column in table {
            assert!(seen.insert(column.name), "{} twice in a table", column.name);
            assert!(
                column.description.ends_with('.'),
                "{}: a description is a sentence",
                column.name
            );
            for lang in Lang::ALL {
                if !lang.has(&label_key(column.name)) {
                    missing.push(format!("{}: {}", lang.code(), label_key(column.name)));
                }
            }
        }
    }
    assert!(missing.is_empty(), "no label: {missing:?}");
}

#[test]
fn a_name_is_words_of_one_vocabulary_wherever_people_read_it() {
    let mut vocabularies: BTreeMap<&str, Option<Vocabulary>> = BTreeMap::new();
    for column in FOR_PEOPLE.iter().flat_map(|table| table.iter()) {
        let here = match column.kind {
            ColumnKind::Word(vocabulary) => Some(vocabulary),
            _ => None,
        };
        let first = *vocabularies.entry(column.name).or_insert(here);
        assert_eq!(first, here, "{} is read as two kinds of words", column.name);
    }
    assert_eq!(vocabulary("status"), Some(Vocabulary::Status));
    assert_eq!(vocabulary("forwarded_to"), Some(Vocabulary::Target));
    assert_eq!(vocabulary("addressee"), None);
    assert_eq!(vocabulary("no such column"), None);
}

#[test]
fn every_exported_column_has_a_parquet_type_from_its_kind() {
    for column in APPEALS.iter().chain(POSTS) {
        assert!(
            crate::output::parquet::kind_of(column).is_some(),
            "{}",
            column.name
        );
    }
    let route = APPEALS.iter().find(|c| c.name == "route");
    assert_eq!(
        route.and_then(crate::output::parquet::kind_of),
        Some(crate::output::parquet::Kind::Category)
    );
}

#[test]
fn privacy_marks_the_free_texts_and_the_author() {
    let marked = |table: &[Column], privacy: Privacy| -> Vec<&str> {
        table
            .iter()
            .filter(|c| c.privacy == privacy)
            .map(|c| c.name)
            .collect()
    };
    assert_eq!(
        marked(APPEALS, Privacy::Redacted),
        [
            "category",
            "title",
            "text",
            "status",
            "answer_text",
            "rating"
        ]
    );
    assert_eq!(marked(APPEALS, Privacy::Author), ["author"]);
    assert_eq!(marked(POSTS, Privacy::Redacted), ["title"]);
}

/// The fields a row serialises, by name.
fn fields<T: Serialize>(row: &T) -> BTreeSet<String> {
    match serde_json::to_value(row) {
        Ok(serde_json::Value::Object(map)) => map.keys().cloned().collect(),
        other => panic!("a row serialises as an object, not {other:?}"),
    }
}

fn named(tables: &[&[Column]]) -> BTreeSet<String> {
    tables
        .iter()
        .flat_map(|t| t.iter())
        .map(|c| c.name.to_string())
        .collect()
}

#[test]
fn every_field_a_report_row_serialises_is_in_its_catalogue_and_back() {
    use crate::records::names::EntryKind;
    use crate::report::{check, forwards, routing, silence, weekly};

    assert_eq!(fields(&routing::RoutingRow::default()), named(&[ROUTING]));
    let forward = forwards::ForwardRow {
        addressee: String::new(),
        forwarded_to: String::new(),
        appeals: 0,
        median_days_to_answer: None,
    };
    assert_eq!(fields(&forward), named(&[FORWARDS]));
    let silent = silence::SilenceRow {
        name: String::new(),
        kind: EntryKind::Official,
        last_post: None,
        days_since: None,
        posts_30d: 0,
        status: silence::SilenceStatus::Never,
        reposts_30d: 0,
        last_attempt: None,
    };
    assert_eq!(fields(&silent), named(&[SILENCE]));
    let change = weekly::ChangeRow {
        addressee: String::new(),
        appeals: 0,
        appeals_before: 0,
        personal: 0,
        personal_before: 0,
        forwarded: 0,
        forwarded_before: 0,
        unanswered: 0,
        unanswered_before: 0,
        overdue: 0,
        overdue_before: 0,
    };
    assert_eq!(fields(&change), named(&[WEEKLY_CHANGE]));
    let problem = check::ProblemRow {
        problem: String::new(),
        source: None,
        id: None,
        field: String::new(),
        value: String::new(),
        records: 0,
        file: String::new(),
        line: 0,
    };
    assert_eq!(fields(&problem), named(&[CHECK]));
    let stored_change = crate::store::ChangeRow {
        scraped_at: String::new(),
        source: String::new(),
        id: String::new(),
        addressee: String::new(),
        change: String::new(),
        before: None,
        after: None,
    };
    assert_eq!(fields(&stored_change), named(&[CHANGES]));
    let version = crate::store::VersionRow {
        scraped_at: String::new(),
        current: true,
        route: String::new(),
        status: None,
        answered_at: None,
        answered_by: None,
        answer_text: None,
        source_file: String::new(),
        source_line: 0,
        source_offset: Some(0),
        source_url: Some(String::new()),
    };
    assert_eq!(fields(&version), named(&[VERSIONS, PAGE_PROVENANCE]));
}

#[test]
fn every_word_a_report_writes_is_in_every_language() {
    use crate::classify::Route;
    use crate::records::names::EntryKind;
    use crate::report::silence::SilenceStatus;
    let words = Route::ALL
        .map(|r| (Vocabulary::Route, r.as_str()))
        .into_iter()
        .chain(SilenceStatus::ALL.map(|s| (Vocabulary::Status, s.as_str())))
        .chain([EntryKind::Official, EntryKind::Department].map(|k| (Vocabulary::Kind, k.as_str())))
        .chain([(Vocabulary::Note, "few")])
        .chain([(Vocabulary::Target, crate::report::forwards::UNKNOWN_TARGET)]);
    for (vocabulary, value) in words {
        for lang in Lang::ALL {
            let key = format!("value-{}-{value}", vocabulary.area());
            assert!(lang.has(&key), "{}: {key}", lang.code());
        }
    }
}
