//! Turns what the reader found into records of the record contract (JSON objects, as a
//! scraper would write them), so that `import` types, classifies and stores them as it does
//! any file: one place decides dates, names and routes.

use serde_json::{Map, Value, json};

use super::{PortalAppeal, PortalPost};
use crate::records::placeholder::REJECTED_AT;

fn put(record: &mut Map<String, Value>, field: &str, value: Option<impl Into<Value>>) {
    if let Some(value) = value {
        record.insert(field.to_string(), value.into());
    }
}

/// An appeal record: the contract's fields, its answers, and the card's other facts
/// (`question_id`, `views`, `rejected_at`) as extra columns, which the store keeps.
pub fn appeal_record(
    appeal: &PortalAppeal,
    addressee: &str,
    position: Option<&str>,
) -> Map<String, Value> {
    let mut record = Map::new();
    record.insert("id".into(), appeal.id.clone().into());
    record.insert("addressee".into(), addressee.into());
    put(&mut record, "addressee_position", position);
    record.insert("submitted_at".into(), appeal.submitted.clone().into());
    put(&mut record, "category", appeal.category.clone());
    put(&mut record, "text", appeal.text.clone());
    put(&mut record, "author", appeal.author.clone());
    put(
        &mut record,
        "status",
        appeal.status.as_ref().map(|s| s.status()),
    );
    put(&mut record, "url", appeal.url.clone());
    if !appeal.answers.is_empty() {
        let answers: Vec<Value> = appeal
            .answers
            .iter()
            .map(|a| json!({"answered_at": a.answered_at(), "answered_by": a.answerer, "text": a.text}))
            .collect();
        record.insert("answers".into(), answers.into());
    }
    put(&mut record, "question_id", appeal.question_id.clone());
    put(&mut record, "views", appeal.views);
    let rejected_on = appeal.status.as_ref().and_then(|s| s.rejected_on());
    put(&mut record, REJECTED_AT, rejected_on);
    record
}

/// A post record: the blog's owner publishes on their own blog.
pub fn post_record(post: &PortalPost, owner: &str) -> Map<String, Value> {
    let mut record = Map::new();
    record.insert("department".into(), owner.into());
    record.insert("published_at".into(), post.date.clone().into());
    put(&mut record, "title", post.title.clone());
    put(&mut record, "url", post.url.clone());
    put(
        &mut record,
        "id",
        post.url
            .as_deref()
            .and_then(|u| super::text::number_after(u, "/blogs/posts/"))
            .map(str::to_string),
    );
    record
}
