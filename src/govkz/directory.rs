//! Who is who on the platform: the list of bodies (the GraphQL `projectdetails` query: each
//! body's slug, name, parent and head) and a body's officials (the curators list), read into
//! bodies and people, with names cleaned of what the clients of the platform found in them.

use serde_json::Value;

use super::answer::{self, Answer, Expected, NotRead, describe, gate, id_of, unexpected};
use super::{Body, Official, OfficialsPage, PAGE_SIZE, Person};

/// The list of bodies in one language: `{"data":{"projectdetails":[…]}}`, each with `id`,
/// `slug`, `project_name`, `parent_govorg` (null or `{id}`) and `supervisor` (null or a
/// person), the shape public clients of 2024 read (Python scripts writing each language's
/// list of bodies, and of their heads, to CSV).
pub fn read_bodies(answer: &Answer) -> Result<Vec<Body>, NotRead> {
    gate(answer, Expected::Json)?;
    let json = answer::read_json(answer, "the list of bodies")?;
    if let Some(error) = answer::graphql_errors(&json) {
        return Err(error);
    }
    let list = json
        .pointer("/data/projectdetails")
        .and_then(Value::as_array)
        .ok_or_else(|| {
            unexpected(format!(
                "the list of bodies has no array at `data.projectdetails`: `data` is {}",
                describe(json.get("data"))
            ))
        })?;
    let mut bodies = Vec::with_capacity(list.len());
    for (i, item) in list.iter().enumerate() {
        let n = i + 1;
        let named = format!("body {n} of the list");
        let object = answer::object(item, &named)?;
        let id = answer::required_id(item, &named)?;
        let slug = object
            .get("slug")
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty() && !s.contains(char::is_whitespace))
            .ok_or_else(|| {
                unexpected(format!(
                    "body {n} of the list (id {id}): field `slug` is {}, not a slug",
                    describe(object.get("slug"))
                ))
            })?;
        let parent = match object.get("parent_govorg") {
            None | Some(Value::Null) => None,
            Some(parent) => Some(id_of(parent.get("id")).ok_or_else(|| {
                unexpected(format!(
                    "body {n} of the list ({slug}): `parent_govorg` is {}, not null or an \
                     object with an `id`",
                    describe(Some(parent))
                ))
            })?),
        };
        bodies.push(Body {
            id,
            slug: slug.to_string(),
            name: clean(object.get("project_name")).unwrap_or_default(),
            parent,
            head: object.get("supervisor").and_then(person),
        });
    }
    Ok(bodies)
}

/// A body's officials: a bare array of people, as the public clients syncing an akimat's
/// people read it (Node scripts, 2026: `data.map(...)`), each with `id`, `lastname`, `name`,
/// `middlename`, `position`, `level.items[0].position` and `order`.
pub fn read_officials(answer: &Answer) -> Result<OfficialsPage, NotRead> {
    gate(answer, Expected::Json)?;
    let json = answer::read_json(answer, "the list of officials")?;
    let list = json.as_array().ok_or_else(|| {
        unexpected(format!(
            "the list of officials is not an array: it is {}",
            describe(Some(&json))
        ))
    })?;
    let mut officials = Vec::with_capacity(list.len());
    for (i, item) in list.iter().enumerate() {
        let n = i + 1;
        let id = answer::required_id(item, &format!("official {n} of the list"))?;
        let person = person(item).ok_or_else(|| {
            unexpected(format!(
                "official {n} of the list (id {id}): no name: `lastname` is {}, `name` is {}",
                describe(item.get("lastname")),
                describe(item.get("name"))
            ))
        })?;
        let order = match item.get("order") {
            Some(Value::Number(n)) => Some(n.to_string()),
            other => clean(other),
        };
        officials.push(Official {
            id,
            person,
            category: clean(item.pointer("/level/items/0/position")),
            order,
        });
    }
    Ok(OfficialsPage {
        last: officials.len() < PAGE_SIZE,
        officials,
    })
}

/// A person from an object with `lastname`, `name`, `middlename`, `position`; None without a
/// name (no head, or a record with no name at all).
fn person(value: &Value) -> Option<Person> {
    let lastname = clean(value.get("lastname"));
    let name = clean(value.get("name"));
    if lastname.is_none() && name.is_none() {
        return None;
    }
    Some(Person {
        lastname: lastname.unwrap_or_default(),
        name: name.unwrap_or_default(),
        middlename: clean(value.get("middlename")),
        position: clean(value.get("position")),
    })
}

/// A string field's text: UTF-8 read as Latin-1 or Windows-1252 repaired (one public client of
/// the curators list repairs positions so, 2026), spaces (no-break ones too) collapsed; None
/// when absent, null, empty or not a string.
fn clean(value: Option<&Value>) -> Option<String> {
    let text = value?.as_str()?;
    let text = repaired(text).unwrap_or_else(|| text.to_string());
    let words: Vec<&str> = text.split_whitespace().collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Cyrillic whose UTF-8 bytes were read one by one as Latin-1 or Windows-1252 (`Ð°ÐºÐ¸Ð¼` for
/// `аким`), read again as UTF-8; None for any other text.
fn repaired(text: &str) -> Option<String> {
    if !text.contains(['Ð', 'Ñ', 'Ò', 'Ó']) {
        return None;
    }
    let latin1: Option<Vec<u8>> = text
        .chars()
        .map(|c| u8::try_from(u32::from(c)).ok())
        .collect();
    let bytes = match latin1 {
        Some(bytes) => bytes,
        None => {
            let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
            if unmappable {
                return None;
            }
            bytes.into_owned()
        }
    };
    String::from_utf8(bytes)
        .ok()
        .filter(|fixed| fixed.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c)))
}
