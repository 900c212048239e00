//! Who is who and which phrases classify, as the database holds them: the knowledge every
//! classification, report and export starts from, built in one place.

use anyhow::Result;

use crate::classify::{PhraseKind, Phrases};
use crate::derive::Knowledge;
use crate::records::appeal::Entry;
use crate::records::names::{DirectoryEntry, Who};
use crate::store::Store;

/// The directory and phrases as stored, ready for classification.
pub fn knowledge(
    directory: Vec<Entry>,
    stored_phrases: Vec<(String, String, String)>,
) -> Knowledge {
    let entries = directory
        .iter()
        .map(|e| DirectoryEntry {
            name: e.name.clone(),
            kind: e.kind,
            position: e.position.clone(),
            aliases: e.alias_list(),
        })
        .collect();
    let mut phrases = Phrases::defaults();
    for (kind, phrase, origin) in stored_phrases {
        if let Some(kind) = PhraseKind::ALL.into_iter().find(|k| k.prefix() == kind) {
            phrases.add(kind, &phrase, &origin);
        }
    }
    Knowledge {
        who: Who::new(entries),
        phrases,
    }
}

/// What `store` knows: its directory and phrases.
pub fn stored_knowledge(store: &Store) -> Result<Knowledge> {
    Ok(knowledge(store.directory()?, store.phrases()?))
}
