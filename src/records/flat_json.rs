//! The compact JSON that serde_json writes for a flat record (a struct of strings, optional
//! strings, booleans and integers), byte for byte, written faster: strings are checked for
//! characters to escape 32 bytes at a time instead of one by one. The value hash is XXH3 over
//! this JSON, and stored hashes must stay what they were, so the bytes must not change; the
//! tests hold them to serde_json's. Anything that is not a flat record is refused
//! (`NotFlat`), and the caller writes it with serde_json.
//!
//! Why: serde_json's escaping loop over an appeal's 2 KB of text was a fifth of the reading
//! thread, the one that sets the pace of a first import.

use std::fmt;

use serde::ser::{self, Impossible, Serialize};

/// Where the JSON goes.
pub trait Out {
    fn put(&mut self, bytes: &[u8]);
}

impl Out for Vec<u8> {
    fn put(&mut self, bytes: &[u8]) {
        self.extend_from_slice(bytes);
    }
}

impl Out for xxhash_rust::xxh3::Xxh3 {
    fn put(&mut self, bytes: &[u8]) {
        self.update(bytes);
    }
}

/// Writes `value` as serde_json's compact JSON into `out`; `NotFlat` (with part of it written)
/// when it is not a flat record.
pub fn write<T: Serialize + ?Sized>(out: &mut impl Out, value: &T) -> Result<(), NotFlat> {
    value.serialize(&mut Writer {
        out,
        in_struct: false,
    })
}

#[derive(Debug)]
pub struct NotFlat;

impl fmt::Display for NotFlat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a flat record")
    }
}

impl std::error::Error for NotFlat {}

impl ser::Error for NotFlat {
    fn custom<M: fmt::Display>(_: M) -> NotFlat {
        NotFlat
    }
}

struct Writer<'o, O> {
    out: &'o mut O,
    /// Writing a field's value: a struct there is not flat.
    in_struct: bool,
}

/// A JSON string as serde_json escapes it: `"` and `\` with a backslash; \b \t \n \f \r in
/// short form; other control characters as `\u00XX` in lower-case hex; nothing else.
fn put_string(out: &mut impl Out, s: &str) {
    out.put(b"\"");
    let bytes = s.as_bytes();
    let mut clean = 0;
    while clean < bytes.len() {
        let rest = &bytes[clean..];
        // A whole block without a byte to escape, tested without branches, which the compiler
        // turns into vector compares.
        if rest.len() >= 32
            && !rest[..32]
                .iter()
                .fold(false, |any, &b| any | needs_escape(b))
        {
            clean += 32;
            continue;
        }
        match rest.iter().position(|&b| needs_escape(b)) {
            Some(at) => {
                out.put(&bytes[..clean + at]);
                put_escape(out, rest[at]);
                return put_string_rest(out, &bytes[clean + at + 1..]);
            }
            None => break,
        }
    }
    out.put(bytes);
    out.put(b"\"");
}

/// The rest of a string once one escape was written: byte by byte is fine, escapes are rare.
fn put_string_rest(out: &mut impl Out, bytes: &[u8]) {
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if needs_escape(b) {
            out.put(&bytes[start..i]);
            put_escape(out, b);
            start = i + 1;
        }
    }
    out.put(&bytes[start..]);
    out.put(b"\"");
}

fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

fn put_escape(out: &mut impl Out, b: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    match b {
        b'"' => out.put(b"\\\""),
        b'\\' => out.put(b"\\\\"),
        0x08 => out.put(b"\\b"),
        0x09 => out.put(b"\\t"),
        0x0A => out.put(b"\\n"),
        0x0C => out.put(b"\\f"),
        0x0D => out.put(b"\\r"),
        _ => out.put(&[
            b'\\',
            b'u',
            b'0',
            b'0',
            HEX[usize::from(b >> 4)],
            HEX[usize::from(b & 0xF)],
        ]),
    }
}

impl<O: Out> Writer<'_, O> {
    fn integer(&mut self, n: impl fmt::Display) -> Result<(), NotFlat> {
        // Decimal, as serde_json's itoa writes integers.
        self.out.put(n.to_string().as_bytes());
        Ok(())
    }
}

impl<'a, O: Out> ser::Serializer for &'a mut Writer<'_, O> {
    type Ok = ();
    type Error = NotFlat;
    type SerializeSeq = Impossible<(), NotFlat>;
    type SerializeTuple = Impossible<(), NotFlat>;
    type SerializeTupleStruct = Impossible<(), NotFlat>;
    type SerializeTupleVariant = Impossible<(), NotFlat>;
    type SerializeMap = Impossible<(), NotFlat>;
    type SerializeStruct = Fields<'a, O>;
    type SerializeStructVariant = Impossible<(), NotFlat>;

    fn serialize_bool(self, v: bool) -> Result<(), NotFlat> {
        self.out.put(if v { b"true" } else { b"false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), NotFlat> {
        self.integer(v)
    }
    fn serialize_i16(self, v: i16) -> Result<(), NotFlat> {
        self.integer(v)
    }
    fn serialize_i32(self, v: i32) -> Result<(), NotFlat> {
        self.integer(v)
    }
    fn serialize_i64(self, v: i64) -> Result<(), NotFlat> {
        self.integer(v)
    }
    fn serialize_u8(self, v: u8) -> Result<(), NotFlat> {
        self.integer(v)
    }
    fn serialize_u16(self, v: u16) -> Result<(), NotFlat> {
        self.integer(v)
    }
    fn serialize_u32(self, v: u32) -> Result<(), NotFlat> {
        self.integer(v)
    }
    fn serialize_u64(self, v: u64) -> Result<(), NotFlat> {
        self.integer(v)
    }
    // serde_json writes floats with ryu and non-finite ones as null: not worth repeating here.
    fn serialize_f32(self, _: f32) -> Result<(), NotFlat> {
        Err(NotFlat)
    }
    fn serialize_f64(self, _: f64) -> Result<(), NotFlat> {
        Err(NotFlat)
    }
    fn serialize_char(self, v: char) -> Result<(), NotFlat> {
        put_string(self.out, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), NotFlat> {
        put_string(self.out, v);
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), NotFlat> {
        Err(NotFlat)
    }
    fn serialize_none(self) -> Result<(), NotFlat> {
        self.out.put(b"null");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), NotFlat> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), NotFlat> {
        self.out.put(b"null");
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), NotFlat> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
    ) -> Result<(), NotFlat> {
        Err(NotFlat)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<(), NotFlat> {
        Err(NotFlat)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), NotFlat> {
        Err(NotFlat)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, NotFlat> {
        Err(NotFlat)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, NotFlat> {
        Err(NotFlat)
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, NotFlat> {
        Err(NotFlat)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, NotFlat> {
        Err(NotFlat)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, NotFlat> {
        Err(NotFlat)
    }
    fn serialize_struct(
        self,
        name: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, NotFlat> {
        // serde_json's own types (an arbitrary-precision number, a raw value) are structs
        // with a `$` name that serde_json writes otherwise.
        if self.in_struct || name.starts_with('$') {
            return Err(NotFlat);
        }
        self.out.put(b"{");
        Ok(Fields {
            out: &mut *self.out,
            first: true,
        })
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, NotFlat> {
        Err(NotFlat)
    }
}

/// A struct's fields: `"name":value`, comma-separated.
pub struct Fields<'a, O> {
    out: &'a mut O,
    first: bool,
}

impl<O: Out> ser::SerializeStruct for Fields<'_, O> {
    type Ok = ();
    type Error = NotFlat;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), NotFlat> {
        if !self.first {
            self.out.put(b",");
        }
        self.first = false;
        put_string(self.out, key);
        self.out.put(b":");
        value.serialize(&mut Writer {
            out: &mut *self.out,
            in_struct: true,
        })
    }

    fn end(self) -> Result<(), NotFlat> {
        self.out.put(b"}");
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::appeal::{Appeal, Entry, Post};
    use proptest::prelude::*;

    fn same_as_serde_json<T: Serialize>(value: &T) {
        let mut ours = Vec::new();
        write(&mut ours, value).unwrap();
        let theirs = serde_json::to_vec(value).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&ours),
            String::from_utf8_lossy(&theirs)
        );
    }

    /// Strings with every kind of byte serde_json treats apart, at every place around the
    /// 32-byte blocks.
    fn tricky() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop_oneof![
                Just("\"".to_string()),
                Just("\\".to_string()),
                Just("\u{0}".to_string()),
                Just("\u{8}\u{9}\u{a}\u{b}\u{c}\u{d}\u{1f}\u{7f}".to_string()),
                Just("/".to_string()),
                Just("Жетысу әкімі ".to_string()),
                Just("\u{2028}\u{2029}\u{feff}😀".to_string()),
                "[a-z ]{0,40}",
                any::<String>(),
            ],
            0..12,
        )
        .prop_map(|parts| parts.concat())
    }

    proptest! {
        #[test]
        fn an_appeal_is_written_as_serde_json_writes_it(
            texts in prop::collection::vec(tricky(), 17),
            present in prop::collection::vec(any::<bool>(), 17),
        ) {
            let text = |i: usize| texts[i].clone();
            let some = |i: usize| present[i].then(|| texts[i].clone());
            let appeal = Appeal {
                source: text(0),
                id: text(1),
                addressee: text(2),
                submitted_at: text(3),
                addressee_position: some(4),
                category: some(5),
                title: some(6),
                text: some(7),
                author: some(8),
                status: some(9),
                answered_at: some(10),
                answered_by: some(11),
                answer_text: some(12),
                forwarded_to: some(13),
                url: some(14),
                rating: some(15),
                answers: some(16),
                scraped_at: some(1),
                as_written: some(2),
                extra: some(3),
            };
            same_as_serde_json(&appeal);
            let post = Post {
                source: text(0),
                department: text(1),
                published_at: text(2),
                channel: text(3),
                repost: present[0],
                title: some(4),
                url: some(5),
                id: some(6),
                as_written: some(7),
                extra: some(8),
            };
            same_as_serde_json(&post);
            let entry = Entry {
                name: text(0),
                kind: crate::records::names::EntryKind::Official,
                position: some(2),
                parent: some(3),
                aliases: some(4),
                url: some(5),
                as_written: some(6),
                extra: some(7),
            };
            same_as_serde_json(&entry);
        }
    }

    #[test]
    fn every_byte_is_escaped_as_serde_json_escapes_it() {
        let all: String = (0u8..=0x7f).map(char::from).collect();
        for shift in 0..40 {
            let s = format!("{}{all}{}", "ж".repeat(shift), "x".repeat(shift));
            same_as_serde_json(&s);
        }
        same_as_serde_json(&1i64);
        same_as_serde_json(&-7i32);
        same_as_serde_json(&u64::MAX);
        same_as_serde_json(&i64::MIN);
        same_as_serde_json(&true);
        same_as_serde_json(&'é');
        same_as_serde_json(&'"');
        same_as_serde_json(&Option::<String>::None);
    }

    #[test]
    fn the_value_hash_is_xxh3_of_serde_json_as_it_always_was() {
        let appeal = Appeal {
            source: "default".into(),
            id: "749022/1".into(),
            addressee: "Исабаев Бейбит Бакирович".into(),
            submitted_at: "2022-08-01".into(),
            text: Some(format!(
                "{}\n«Когда?»\t\\ {}",
                "ж".repeat(100),
                "x".repeat(33)
            )),
            answered_at: Some("2022-08-03 10:15".into()),
            ..Appeal::default()
        };
        let json = serde_json::to_vec(&appeal).unwrap();
        let old = (xxhash_rust::xxh3::xxh3_64(&json) >> 1) as i64;
        assert_eq!(crate::records::appeal::value_hash(&appeal), old);
        // A record that is not flat takes serde_json's path to the same hash.
        let nested = vec![appeal.clone(), appeal];
        let json = serde_json::to_vec(&nested).unwrap();
        let old = (xxhash_rust::xxh3::xxh3_64(&json) >> 1) as i64;
        assert_eq!(crate::records::appeal::value_hash(&nested), old);
    }

    #[test]
    fn what_is_not_flat_is_refused() {
        #[derive(serde::Serialize)]
        struct Outer {
            inner: Post,
        }
        let outer = Outer {
            inner: Post::default(),
        };
        assert!(write(&mut Vec::new(), &outer).is_err());
        // With arbitrary_precision, serde_json writes a number through a struct of its own.
        #[derive(serde::Serialize)]
        struct WithNumber {
            n: serde_json::Value,
        }
        let number = WithNumber {
            n: serde_json::json!(1.5),
        };
        assert!(write(&mut Vec::new(), &number).is_err());
        assert!(write(&mut Vec::new(), &serde_json::json!(1.5)).is_err());
        assert!(write(&mut Vec::new(), &vec![1, 2]).is_err());
        assert!(write(&mut Vec::new(), &1.5f64).is_err());
        let mut map = std::collections::BTreeMap::new();
        map.insert("a", 1);
        assert!(write(&mut Vec::new(), &map).is_err());
    }
}
