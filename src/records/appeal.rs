//! The typed records the store keeps, built from a typed record of their kind, and the hash of
//! their values that tells a changed record from one scraped again unchanged.

use serde::{Deserialize, Serialize};

use super::fields::RecordKind;
use super::names::EntryKind;
use super::typed::TypedRecord;

/// One appeal's values as the record contract names them (dates as ISO text).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct Appeal {
    pub source: String,
    pub id: String,
    pub addressee: String,
    pub submitted_at: String,
    pub addressee_position: Option<String>,
    pub category: Option<String>,
    pub title: Option<String>,
    pub text: Option<String>,
    pub author: Option<String>,
    pub status: Option<String>,
    pub answered_at: Option<String>,
    pub answered_by: Option<String>,
    pub answer_text: Option<String>,
    pub forwarded_to: Option<String>,
    pub url: Option<String>,
    pub rating: Option<String>,
    /// JSON array of every answer, when the source gave them.
    pub answers: Option<String>,
    #[serde(skip)]
    pub scraped_at: Option<String>,
    #[serde(skip)]
    pub as_written: Option<String>,
    #[serde(skip)]
    pub extra: Option<String>,
}

/// One department's post.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Post {
    pub source: String,
    pub department: String,
    pub published_at: String,
    pub channel: String,
    pub repost: bool,
    pub title: Option<String>,
    pub url: Option<String>,
    pub id: Option<String>,
    #[serde(skip)]
    pub as_written: Option<String>,
    #[serde(skip)]
    pub extra: Option<String>,
}

/// One directory entry.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub kind: EntryKind,
    pub position: Option<String>,
    pub parent: Option<String>,
    pub aliases: Option<String>,
    pub url: Option<String>,
    #[serde(skip)]
    pub as_written: Option<String>,
    #[serde(skip)]
    pub extra: Option<String>,
}

/// A stable 63-bit hash of a record's typed values (what `Serialize` shows: provenance, the
/// scrape time and the values as written are left out, so they are never a change). XXH3 is a
/// fixed, documented algorithm, so stored hashes stay comparable across builds; the values are
/// streamed into it as serde_json's compact JSON without building the text (`flat_json` writes
/// the same bytes faster for the flat records the store hashes).
pub fn value_hash<T: Serialize>(record: &T) -> i64 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    if super::flat_json::write(&mut hasher, record).is_err() {
        struct Sink(xxhash_rust::xxh3::Xxh3);
        impl std::io::Write for Sink {
            fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
                self.0.update(bytes);
                Ok(bytes.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let mut sink = Sink(xxhash_rust::xxh3::Xxh3::new());
        // The sink never fails and the records hashed here (plain structs) always serialise;
        // a value that could not (a map with non-text keys) would hash what was written.
        let _ = serde_json::to_writer(&mut sink, record);
        hasher = sink.0;
    }
    (hasher.digest() >> 1) as i64
}

fn pairs_json(pairs: &[(String, String)]) -> Option<String> {
    if pairs.is_empty() {
        return None;
    }
    // A column name given twice keeps both values: the second as `name#2`, and so on.
    let mut map = serde_json::Map::new();
    for (key, value) in pairs {
        let mut name = key.clone();
        let mut n = 1;
        while map.contains_key(&name) {
            n += 1;
            name = format!("{key}#{n}");
        }
        map.insert(name, serde_json::Value::String(value.clone()));
    }
    Some(serde_json::Value::Object(map).to_string())
}

/// Takes a field's value out of a typed record of `kind`.
struct Fields<'a> {
    kind: RecordKind,
    record: &'a TypedRecord,
}

impl Fields<'_> {
    fn opt(&self, name: &str) -> Option<String> {
        self.record.get(self.kind, name).map(str::to_string)
    }
    fn req(&self, name: &str) -> String {
        self.opt(name).unwrap_or_default()
    }
}

impl Appeal {
    /// `source` is the `--source` default for records that carry none.
    pub fn from_typed(record: &TypedRecord, source: &str) -> Appeal {
        let f = Fields {
            kind: RecordKind::Appeals,
            record,
        };
        Appeal {
            source: f.opt("source").unwrap_or_else(|| source.to_string()),
            id: f.req("id"),
            addressee: f.req("addressee"),
            submitted_at: f.req("submitted_at"),
            addressee_position: f.opt("addressee_position"),
            category: f.opt("category"),
            title: f.opt("title"),
            text: f.opt("text"),
            author: f.opt("author"),
            status: f.opt("status"),
            answered_at: f.opt("answered_at"),
            answered_by: f.opt("answered_by"),
            answer_text: f.opt("answer_text"),
            forwarded_to: f.opt("forwarded_to"),
            url: f.opt("url"),
            rating: f.opt("rating"),
            // An empty list says no more than no list: it is no answer.
            answers: record
                .answers
                .as_ref()
                .filter(|a| !a.is_empty())
                .and_then(|a| serde_json::to_string(a).ok()),
            scraped_at: f.opt("scraped_at"),
            as_written: pairs_json(&record.as_written),
            extra: pairs_json(&record.extra),
        }
    }
}

impl Post {
    pub fn from_typed(record: &TypedRecord, source: &str) -> Post {
        let f = Fields {
            kind: RecordKind::Posts,
            record,
        };
        Post {
            source: f.opt("source").unwrap_or_else(|| source.to_string()),
            department: f.req("department"),
            published_at: f.req("published_at"),
            channel: f
                .opt("channel")
                .map_or_else(|| "site".to_string(), |c| c.to_lowercase()),
            repost: f.opt("repost").as_deref() == Some("1"),
            title: f.opt("title"),
            url: f.opt("url"),
            id: f.opt("id"),
            as_written: pairs_json(&record.as_written),
            extra: pairs_json(&record.extra),
        }
    }

    /// The post's identity within its source and department: its url, else date and title.
    pub fn natural_key(&self) -> String {
        match &self.url {
            Some(url) => format!("url:{url}"),
            None => format!(
                "at:{}\u{1f}{}",
                self.published_at,
                self.title.as_deref().unwrap_or("")
            ),
        }
    }
}

impl Entry {
    pub fn from_typed(record: &TypedRecord) -> Entry {
        let f = Fields {
            kind: RecordKind::Directory,
            record,
        };
        Entry {
            name: f.req("name"),
            // The typed record holds a kind as `EntryKind::as_str` spells it, or none.
            kind: f
                .opt("kind")
                .and_then(|kind| EntryKind::parse(&kind))
                .unwrap_or_default(),
            position: f.opt("position"),
            parent: f.opt("parent"),
            aliases: f.opt("aliases"),
            url: f.opt("url"),
            as_written: pairs_json(&record.as_written),
            extra: pairs_json(&record.extra),
        }
    }

    pub fn alias_list(&self) -> Vec<String> {
        self.aliases
            .as_deref()
            .unwrap_or("")
            .split(';')
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(str::to_string)
            .collect()
    }
}
