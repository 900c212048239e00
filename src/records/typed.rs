//! Turns a source record (column name and value pairs) into a typed record of one kind: columns
//! matched to fields by name, synonym or `--map`, dates parsed, values checked. Keeps what the
//! typed values do not hold verbatim, so that nothing read is lost.

use std::collections::HashMap;
use std::sync::Arc;

use super::dates::{DateError, DateValue, read_date, read_date_with};
use super::fields::{Field, RecordKind, field_for_header, normalize_header};
use super::names::EntryKind;
use super::placeholder::{REJECTED_AT, placeholder};
use super::reader::{Columns, SourceAnswer, SourceRecord, field_text};
pub use super::record_error::{Reason, RecordError};

/// One answer of an appeal, typed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Answer {
    pub answered_at: Option<String>,
    pub answered_by: Option<String>,
    pub text: Option<String>,
}

/// A record of one kind: a value per field of the kind (dates as ISO text), plus what was read
/// but is not held verbatim by those values.
#[derive(Debug, Clone, Default)]
pub struct TypedRecord {
    pub values: Vec<Option<String>>,
    /// Field name and the value as read, where the typed value differs (a date as written).
    pub as_written: Vec<(String, String)>,
    /// Columns that match no field, as read.
    pub extra: Vec<(String, String)>,
    /// JSON appeals only: every answer, earliest first.
    pub answers: Option<Vec<Answer>>,
}

impl TypedRecord {
    pub fn get(&self, kind: RecordKind, field: &str) -> Option<&str> {
        let index = kind.fields().iter().position(|f| f.name == field)?;
        self.values.get(index)?.as_deref()
    }
}

/// Fields whose value is an identity or a key: surrounding white space is not part of it.
const TRIMMED: &[&str] = &[
    "id",
    "source",
    "addressee",
    "department",
    "name",
    "channel",
    "url",
];

/// Which stored record a record is, when it was scraped and to whom: typed as `map` types
/// them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub source: Option<String>,
    pub id: String,
    pub scraped_at: Option<String>,
    pub addressee: String,
}

/// The revision of the typing rules, for builds that share a version: a record typed under
/// other rules is typed again rather than skipped (placeholders-1: records.md "Placeholder
/// texts" gives a placeholder sentence its status, so a scrape stored before must be retyped).
const TYPING_RULES: &str = "placeholders-1";

/// A hash of a record exactly as read (every column name and value in order, and the answers
/// of a JSON record), seeded with what else decides how it is typed. Two records with the same
/// hash type to the same values, so a re-import can skip typing a record whose hash is stored.
/// XXH3 is fixed and documented; the seed carries the program's version, so a release whose
/// typing rules differ does not trust hashes stored by another.
pub fn record_hash(seed: &[u8], record: &SourceRecord) -> i64 {
    use xxhash_rust::xxh3::Xxh3;
    // Each piece length-first, so that no two different records run together alike.
    fn put(hasher: &mut Xxh3, bytes: &[u8]) {
        hasher.update(&(bytes.len() as u64).to_le_bytes());
        hasher.update(bytes);
    }
    let mut hasher = Xxh3::new();
    put(&mut hasher, env!("CARGO_PKG_VERSION").as_bytes());
    put(&mut hasher, TYPING_RULES.as_bytes());
    put(&mut hasher, seed);
    for (column, value) in record.columns.iter_raw() {
        put(&mut hasher, column.as_bytes());
        put(&mut hasher, value);
    }
    if let Some(answers) = &record.answers {
        put(&mut hasher, b"answers");
        for answer in answers {
            for part in [&answer.answered_at, &answer.answered_by, &answer.text] {
                match part {
                    Some(text) => put(&mut hasher, text.as_bytes()),
                    // A length no text has: None is not the empty text.
                    None => hasher.update(&u64::MAX.to_le_bytes()),
                }
            }
        }
    }
    (hasher.digest() >> 1) as i64
}

/// Maps one file's columns to the fields of one kind of record.
pub struct Mapper {
    kind: RecordKind,
    fields: &'static [Field],
    /// `--map FIELD=COLUMN`: normalized column name to field index.
    overrides: HashMap<String, usize>,
    date_format: Option<String>,
    columns: HashMap<String, Option<usize>>,
    /// The last CSV header `identity` saw, and where its identity fields are in it.
    identity_columns: Option<(Arc<[String]>, IdentityPositions)>,
}

/// Where each of `IDENTITY` is among a record's columns.
type IdentityPositions = [Option<usize>; 4];

/// The fields `identity` types, in the order it reads them.
const IDENTITY: [&str; 4] = ["source", "id", "scraped_at", "addressee"];

impl Mapper {
    /// `maps` are `--map` pairs (field, column); an unknown field is an error naming the fields.
    pub fn new(
        kind: RecordKind,
        maps: &[(String, String)],
        date_format: Option<String>,
    ) -> Result<Mapper, String> {
        let fields = kind.fields();
        let mut overrides = HashMap::new();
        for (field, column) in maps {
            let index = fields
                .iter()
                .position(|f| f.name == field.trim())
                .ok_or_else(|| {
                    let names: Vec<_> = fields.iter().map(|f| f.name).collect();
                    crate::i18n::tr(
                        "usage-map-no-field",
                        &[
                            ("map", format!("{field}={column}").into()),
                            ("kind", kind.as_str().into()),
                            ("field", format!("{field:?}").into()),
                            ("fields", names.join(", ").into()),
                        ],
                    )
                })?;
            overrides.insert(normalize_header(column), index);
        }
        Ok(Mapper {
            kind,
            fields,
            overrides,
            date_format,
            columns: HashMap::new(),
            identity_columns: None,
        })
    }

    fn field_index(&mut self, column: &str) -> Option<usize> {
        if let Some(&index) = self.columns.get(column) {
            return index;
        }
        let key = normalize_header(column);
        let index = self.overrides.get(&key).copied().or_else(|| {
            let field = field_for_header(self.fields, column)?;
            // A column renamed by --map no longer answers to its own name.
            let taken = self
                .overrides
                .values()
                .any(|&i| self.fields[i].name == field.name);
            let index = self.fields.iter().position(|f| f.name == field.name)?;
            (!taken || self.overrides.contains_key(&key)).then_some(index)
        });
        self.columns.insert(column.to_string(), index);
        index
    }

    /// The required fields that no column of `headers` maps to, by name, synonym or `--map`:
    /// every record of a file with that header would be refused for the same reason, so it is
    /// told once, about the header, before any record.
    pub fn missing_columns(&mut self, headers: &[String]) -> Vec<&'static Field> {
        let mapped: Vec<usize> = headers.iter().filter_map(|h| self.field_index(h)).collect();
        self.fields
            .iter()
            .enumerate()
            .filter(|(i, f)| f.required && !mapped.contains(i))
            .map(|(_, f)| f)
            .collect()
    }

    /// The typed values of the fields that say which stored record this one is (`source`,
    /// `id`), when it was scraped and to whom, without typing the rest; None when any of them
    /// cannot be typed or the id or addressee is missing (`map` then says why).
    pub fn identity(&mut self, record: &SourceRecord) -> Option<Identity> {
        let values: [Option<&[u8]>; 4] = match &record.columns {
            // A CSV file's rows share one header: where the fields are is worked out once.
            Columns::Row { headers, fields } => self
                .identity_positions(headers)
                .map(|at| at.and_then(|i| fields.get(i))),
            pairs => {
                let columns: Vec<&str> = pairs.iter_raw().map(|(c, _)| c).collect();
                let values: Vec<&[u8]> = pairs.iter_raw().map(|(_, v)| v).collect();
                self.positions_of(IDENTITY, &columns)
                    .map(|at| at.map(|i| values[i]))
            }
        };
        let mut typed = IDENTITY.iter().zip(values).map(|(name, value)| {
            let field = self.fields.iter().find(|f| f.name == *name)?;
            match value {
                Some(value) => self.type_value(field, field_text(value)).ok(),
                None => Some(None),
            }
        });
        let (source, id, scraped_at, addressee) = (
            typed.next()??,
            typed.next()??,
            typed.next()??,
            typed.next()??,
        );
        Some(Identity {
            source,
            id: id?,
            scraped_at,
            addressee: addressee?,
        })
    }

    /// `positions_of` the identity fields in a CSV header, remembered for the header's rows.
    fn identity_positions(&mut self, headers: &Arc<[String]>) -> IdentityPositions {
        if let Some((known, positions)) = &self.identity_columns
            && Arc::ptr_eq(known, headers)
        {
            return *positions;
        }
        let columns: Vec<&str> = headers.iter().map(String::as_str).collect();
        let positions = self.positions_of(IDENTITY, &columns);
        self.identity_columns = Some((Arc::clone(headers), positions));
        positions
    }

    /// For each of `names`, the position of the first column that maps to that field (as in
    /// `map`, where the first column for a field wins).
    fn positions_of(&mut self, names: [&str; 4], columns: &[&str]) -> IdentityPositions {
        let mut positions = [None; 4];
        for (at, column) in columns.iter().enumerate() {
            let Some(index) = self.field_index(column) else {
                continue;
            };
            let name = self.fields[index].name;
            if let Some(slot) = names.iter().position(|n| *n == name) {
                positions[slot].get_or_insert(at);
            }
        }
        positions
    }

    /// Types one record, or says which field is wrong.
    pub fn map(&mut self, record: SourceRecord) -> Result<TypedRecord, RecordError> {
        let keys = matches!(record.columns, Columns::Pairs(_));
        self.map_columns(record)
            .map_err(|error| RecordError { keys, ..error })
    }

    fn map_columns(&mut self, record: SourceRecord) -> Result<TypedRecord, RecordError> {
        let mut typed = TypedRecord {
            values: vec![None; self.fields.len()],
            ..TypedRecord::default()
        };
        let mut raw: Vec<Option<(String, String)>> = vec![None; self.fields.len()];
        for (column, value) in record.columns {
            match self.field_index(&column) {
                // The first column for a field wins; a second one is kept as an extra column.
                Some(index) if raw[index].is_none() => raw[index] = Some((column, value)),
                _ => typed.extra.push((column, value)),
            }
        }
        let mut written: Vec<Option<String>> = vec![None; self.fields.len()];
        for (index, pair) in raw.into_iter().enumerate() {
            let Some((column, value)) = pair else {
                continue;
            };
            let field = self.fields[index];
            let typed_value = self
                .type_value(&field, &value)
                .map_err(|e| e.in_column(&column))?;
            written[index] = Some(column);
            if typed_value.as_deref() != Some(value.as_str()) && !value.is_empty() {
                typed.as_written.push((field.name.to_string(), value));
            }
            typed.values[index] = typed_value;
        }
        if let Some(answers) = record.answers {
            self.take_answers(&mut typed, answers)?;
        }
        if self.kind == RecordKind::Appeals {
            self.placeholder_status(&mut typed)?;
        }
        for (index, field) in self.fields.iter().enumerate() {
            if field.required && typed.values[index].is_none() {
                let reason = Reason::Missing {
                    kind: self.kind,
                    present: written[index].is_some(),
                };
                let error = RecordError::new(field.name, "", reason);
                return Err(match &written[index] {
                    Some(column) => error.in_column(column),
                    None => error,
                });
            }
        }
        Ok(typed)
    }

    fn type_value(&self, field: &Field, value: &str) -> Result<Option<String>, RecordError> {
        if value.trim().is_empty() {
            return Ok(None);
        }
        let error = |reason| RecordError::new(field.name, value, reason);
        if field.is_date {
            return self
                .parse_date(value)
                .map(|d| Some(d.to_iso()))
                .map_err(|e| error(Reason::Date(e)));
        }
        let typed = match (self.kind, field.name) {
            (RecordKind::Posts, "repost") => {
                parse_bool(value).map(|b| if b { "1" } else { "0" }.to_string())
            }
            (RecordKind::Directory, "kind") => parse_entry_kind(value).map(str::to_string),
            (_, name) if TRIMMED.contains(&name) => Ok(value.trim().to_string()),
            _ => Ok(value.to_string()),
        };
        typed.map(Some).map_err(error)
    }

    fn parse_date(&self, value: &str) -> Result<DateValue, DateError> {
        match &self.date_format {
            Some(pattern) => read_date_with(value, pattern).or_else(|pattern_error| {
                read_date(value).map_err(|_| DateError::WithPattern {
                    pattern: pattern.clone(),
                    reason: Box::new(pattern_error),
                })
            }),
            None => read_date(value),
        }
    }

    /// records.md "Placeholder texts": an appeal whose text is the portal's placeholder
    /// sentence and whose status is empty gets the status the portal meant, and a rejection's
    /// date as the extra column `rejected_at` (unless the record gives one), exactly as the
    /// portal's pages do: the same appeal has the same route whichever way it came in.
    fn placeholder_status(&self, typed: &mut TypedRecord) -> Result<(), RecordError> {
        let index = |name: &str| self.fields.iter().position(|f| f.name == name);
        let (Some(text), Some(status)) = (index("text"), index("status")) else {
            return Ok(());
        };
        if typed.values[status].is_some() {
            return Ok(());
        }
        let Some(found) = typed.values[text].as_deref().and_then(placeholder) else {
            return Ok(());
        };
        typed.values[status] = Some(found.status().to_string());
        if let Some(on) = found.rejected_on()
            && !typed.extra.iter().any(|(column, _)| column == REJECTED_AT)
        {
            // Checked as any date is: a placeholder's date no import takes is the record's error.
            // The date is inside the text: the error names the text's column.
            self.parse_date(on).map_err(|reason| RecordError {
                column: Some("text".to_string()),
                ..RecordError::new(REJECTED_AT, on, Reason::Date(reason))
            })?;
            typed.extra.push((REJECTED_AT.to_string(), on.to_string()));
        }
        Ok(())
    }

    /// JSON appeals may carry every answer; the earliest is the first answer, which fills
    /// `answered_at`, `answered_by` and `answer_text` where the record does not give them.
    fn take_answers(
        &self,
        typed: &mut TypedRecord,
        answers: Vec<SourceAnswer>,
    ) -> Result<(), RecordError> {
        let mut list = Vec::with_capacity(answers.len());
        for (i, answer) in answers.into_iter().enumerate() {
            let answered_at = match answer
                .answered_at
                .as_deref()
                .filter(|s| !s.trim().is_empty())
            {
                Some(raw) => Some(self.parse_date(raw).map(|d| d.to_iso()).map_err(|reason| {
                    let field = format!("answers[{}].answered_at", i + 1);
                    RecordError::new(&field, raw, Reason::Date(reason))
                })?),
                None => None,
            };
            let keep = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
            list.push(Answer {
                answered_at,
                answered_by: keep(answer.answered_by),
                text: keep(answer.text),
            });
        }
        // Stable: answers without a date keep their place after the dated ones.
        list.sort_by(|a, b| match (&a.answered_at, &b.answered_at) {
            (Some(x), Some(y)) => x.cmp(y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        });
        if let Some(first) = list.first() {
            let fields = self.fields;
            let mut fill = |name: &str, value: &Option<String>| {
                if let Some(index) = fields.iter().position(|f| f.name == name)
                    && typed.values[index].is_none()
                {
                    typed.values[index] = value.clone();
                }
            };
            fill("answered_at", &first.answered_at);
            fill("answered_by", &first.answered_by);
            fill("answer_text", &first.text);
        }
        typed.answers = Some(list);
        Ok(())
    }
}

/// `repost`: true/false, да/нет, иә/жоқ, yes/no, 1/0.
pub fn parse_bool(value: &str) -> Result<bool, Reason> {
    match value.trim().to_lowercase().as_str() {
        "true" | "1" | "yes" | "y" | "да" | "иә" | "ия" => Ok(true),
        "false" | "0" | "no" | "n" | "нет" | "жоқ" => Ok(false),
        _ => Err(Reason::NotABool),
    }
}

fn parse_entry_kind(value: &str) -> Result<&'static str, Reason> {
    match value.trim().to_lowercase().as_str() {
        "official" | "должностное лицо" | "person" => {
            Ok(EntryKind::Official.as_str())
        }
        "department" | "body" | "ведомство" | "орган" => {
            Ok(EntryKind::Department.as_str())
        }
        _ => Err(Reason::NotAnEntryKind),
    }
}

/// The citizen's rating: Some(true) when unsatisfied, Some(false) when satisfied, None when the
/// source gives none or one we cannot read.
pub fn rating_unsatisfied(rating: &str) -> Option<bool> {
    let r = rating.trim().to_lowercase().replace('ё', "е");
    if let Ok(score) = r.parse::<u8>() {
        return (1..=5).contains(&score).then_some(score <= 2);
    }
    // Negative forms first: each contains its positive form.
    const UNSATISFIED: &[&str] = &[
        "не удовлетвор",
        "неудовлетвор",
        "қанағаттанбад",
        "unsatisfied",
        "not satisfied",
        "dissatisfied",
    ];
    const SATISFIED: &[&str] = &["удовлетвор", "қанағаттанд", "satisfied"];
    if UNSATISFIED.iter().any(|p| r.contains(p)) {
        Some(true)
    } else if SATISFIED.iter().any(|p| r.contains(p)) {
        Some(false)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(columns: &[(&str, &str)]) -> SourceRecord {
        SourceRecord {
            line: 2,
            number: 1,
            columns: Columns::Pairs(
                columns
                    .iter()
                    .map(|(c, v)| (c.to_string(), v.to_string()))
                    .collect(),
            ),
            answers: None,
        }
    }

    #[test]
    fn synonyms_dates_and_extras() {
        let mut mapper = Mapper::new(RecordKind::Appeals, &[], None).unwrap();
        let typed = mapper
            .map(source(&[
                ("Номер", " 749022/1 "),
                ("Адресат", "Исабаев Б.Б."),
                ("Дата", "03.10.2022"),
                ("likes", "5"),
            ]))
            .unwrap();
        assert_eq!(typed.get(RecordKind::Appeals, "id"), Some("749022/1"));
        assert_eq!(
            typed.get(RecordKind::Appeals, "submitted_at"),
            Some("2022-10-03")
        );
        assert!(
            typed
                .as_written
                .contains(&("submitted_at".to_string(), "03.10.2022".to_string()))
        );
        assert_eq!(typed.extra, vec![("likes".to_string(), "5".to_string())]);
    }

    #[test]
    fn map_renames_a_column_and_its_old_owner_becomes_extra() {
        let maps = [("submitted_at".to_string(), "posted".to_string())];
        let mut mapper = Mapper::new(RecordKind::Appeals, &maps, None).unwrap();
        let typed = mapper
            .map(source(&[
                ("id", "1"),
                ("addressee", "A"),
                ("posted", "2022-10-03"),
                ("date", "2022-01-01"),
            ]))
            .unwrap();
        assert_eq!(
            typed.get(RecordKind::Appeals, "submitted_at"),
            Some("2022-10-03")
        );
        assert_eq!(
            typed.extra,
            vec![("date".to_string(), "2022-01-01".to_string())]
        );
        assert!(
            Mapper::new(
                RecordKind::Appeals,
                &[("sent".to_string(), "x".to_string())],
                None
            )
            .is_err()
        );
    }

    #[test]
    fn missing_and_bad_values_name_the_field() {
        let mut mapper = Mapper::new(RecordKind::Appeals, &[], None).unwrap();
        let e = mapper
            .map(source(&[
                ("id", "1"),
                ("addressee", "A"),
                ("date", "03/10/2022"),
            ]))
            .unwrap_err();
        assert_eq!(
            (e.field.as_str(), e.value.as_str()),
            ("submitted_at", "03/10/2022")
        );
        let e = mapper
            .map(source(&[("id", "1"), ("date", "2022-10-03")]))
            .unwrap_err();
        assert_eq!(e.field, "addressee");
    }

    #[test]
    fn errors_name_the_column_as_written_and_the_header_its_missing_fields() {
        let mut mapper = Mapper::new(
            RecordKind::Appeals,
            &[("submitted_at".to_string(), "Дата подачи".to_string())],
            None,
        )
        .unwrap();
        let e = mapper
            .map(source(&[
                ("№", "1"),
                ("Адресат", "A"),
                ("Дата подачи", "03/10/2022"),
            ]))
            .unwrap_err();
        assert_eq!(e.field, "submitted_at");
        assert_eq!(e.column.as_deref(), Some("Дата подачи"));
        // These test records are pairs, as JSON's are: the names are keys.
        assert!(e.keys);
        assert!(e.to_string().contains("in key «Дата подачи»"), "{e}");
        let e = mapper
            .map(source(&[
                ("№", "1"),
                ("Адресат", " "),
                ("Дата подачи", "1.1.2022"),
            ]))
            .unwrap_err();
        assert_eq!(
            (e.field.as_str(), e.column.as_deref()),
            ("addressee", Some("Адресат"))
        );
        // A column named as the field adds nothing.
        let e = mapper
            .map(source(&[
                ("id", "1"),
                ("addressee", ""),
                ("Дата подачи", "1.1.2022"),
            ]))
            .unwrap_err();
        assert_eq!(e.column, None);
        for (headers, want) in [
            (["номер", "получатель", "Дата подачи"], "addressee"),
            // `date` no longer answers for submitted_at: --map gave it another column.
            (["id", "addressee", "date"], "submitted_at"),
        ] {
            let missing: Vec<_> = mapper
                .missing_columns(&headers.map(String::from))
                .iter()
                .map(|f| f.name)
                .collect();
            assert_eq!(missing, [want]);
        }
    }

    #[test]
    fn ratings() {
        for (rating, want) in [
            ("удовлетворен", Some(false)),
            ("Не удовлетворен", Some(true)),
            ("қанағаттанды", Some(false)),
            ("қанағаттанбады", Some(true)),
            ("satisfied", Some(false)),
            ("unsatisfied", Some(true)),
            ("2", Some(true)),
            ("4", Some(false)),
            ("9", None),
            ("", None),
        ] {
            assert_eq!(rating_unsatisfied(rating), want, "{rating}");
        }
    }
}
