//! Who is who: names normalised for comparison, and the four rules by which two names are the
//! same actor (equal, an alias, a person's surname with initials or given names, a position),
//! with the directory indexed so that a lookup costs a few hash probes.

use std::collections::HashMap;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    Official,
    Department,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirectoryEntry {
    pub name: String,
    pub kind: EntryKind,
    pub position: Option<String>,
    pub aliases: Vec<String>,
}

/// The rule of "Who is who" by which two names were found to be one actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchRule {
    Equal,
    Alias,
    Initials,
    Position,
}

impl MatchRule {
    #[cfg(test)]
    pub fn number(self) -> u8 {
        match self {
            MatchRule::Equal => 1,
            MatchRule::Alias => 2,
            MatchRule::Initials => 3,
            MatchRule::Position => 4,
        }
    }
}

const QUOTES: &[char] = &['«', '»', '“', '”', '„', '"', '\''];

/// NFC, lower case, `ё` as `е`, quotes removed, runs of white space as one space, trimmed.
pub fn normalize_name(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    let mut push = |c: char| {
        if QUOTES.contains(&c) {
            return;
        }
        if c.is_whitespace() {
            space = !out.is_empty();
            return;
        }
        if space {
            out.push(' ');
            space = false;
        }
        for lower in c.to_lowercase() {
            out.push(if lower == 'ё' { 'е' } else { lower });
        }
    };
    // Most scraped text is already NFC; the quick check spares composing it again.
    if is_nfc_quick(s.chars()) == IsNormalized::Yes {
        s.chars().for_each(&mut push);
    } else {
        s.nfc().for_each(&mut push);
    }
    out
}

/// Words that make a name a body's or a post's rather than a person's.
const BODY_WORDS: &[&str] = &[
    "аким",
    "акима",
    "акимат",
    "акимата",
    "управление",
    "управления",
    "министерство",
    "министр",
    "отдел",
    "отдела",
    "департамент",
    "комитет",
    "служба",
    "центр",
    "области",
    "облысы",
    "облысының",
    "района",
    "ауданы",
    "города",
    "қаласы",
    "әкімі",
    "әкімдігі",
    "әкімдік",
    "басқармасы",
    "бөлімі",
    "министрлігі",
    "департаменті",
    "комитеті",
    "department",
    "ministry",
    "office",
    "akim",
    "akimat",
    "committee",
    "region",
    "city",
    "district",
    "го",
    "гу",
    "ао",
    "тоо",
];

/// Two or three words, each a capitalised word of letters (a hyphen allowed), none of them an
/// initial or a body's word: the shape of "surname, given name, optional patronymic".
pub fn is_person_name(s: &str) -> bool {
    let cleaned: String = s.chars().filter(|c| !QUOTES.contains(c)).collect();
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    (2..=3).contains(&words.len())
        && words.iter().all(|w| {
            let letters = w.chars().all(|c| c.is_alphabetic() || c == '-');
            let capital = w.chars().next().is_some_and(char::is_uppercase);
            letters
                && capital
                && w.chars().count() > 1
                && !BODY_WORDS.contains(&normalize_name(w).as_str())
        })
}

/// A part of a name as written: a whole word or an initial.
#[derive(Debug, PartialEq, Eq)]
enum Part {
    Word(String),
    Initial(char),
}

/// Splits a normalised name into words and initials: `б.б.`, `б. б.` and `б.` are initials.
fn parts(normalized: &str) -> Vec<Part> {
    let mut out = Vec::new();
    for token in normalized.split(' ') {
        let dotted = token.contains('.');
        for piece in token.split('.').filter(|p| !p.is_empty()) {
            let mut chars = piece.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) if c.is_alphabetic() => out.push(Part::Initial(c)),
                _ if dotted && token.ends_with('.') && piece.chars().count() == 1 => {}
                _ => out.push(Part::Word(piece.to_string())),
            }
        }
    }
    out
}

/// Rule 3: `full_name` is a person's full name and `other` is the same surname with the
/// initials of one or both other names in their order (`Исабаев Б.Б.`, `Б. Исабаев`), or with
/// one or both of the other names (`Бейбит Исабаев`, `Бейбит Бакирович Исабаев`), in any order
/// of surname and the rest. Any word of the full name may be its surname, so a full name written
/// given name first works too.
pub fn same_person(full_name: &str, other: &str) -> bool {
    if !is_person_name(full_name) {
        return false;
    }
    let full: Vec<String> = normalize_name(full_name)
        .split(' ')
        .map(str::to_string)
        .collect();
    let other = parts(&normalize_name(other));
    (0..full.len()).any(|s| {
        let surname = &full[s];
        let rest: Vec<&String> = full
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != s)
            .map(|(_, w)| w)
            .collect();
        let at: Vec<usize> = other
            .iter()
            .enumerate()
            .filter(|(_, p)| matches!(p, Part::Word(w) if w == surname))
            .map(|(i, _)| i)
            .collect();
        let [at] = at.as_slice() else { return false };
        let remaining: Vec<&Part> = other
            .iter()
            .enumerate()
            .filter(|(i, _)| i != at)
            .map(|(_, p)| p)
            .collect();
        if remaining.is_empty() || remaining.len() > rest.len() {
            return false;
        }
        let all_initials = remaining.iter().all(|p| matches!(p, Part::Initial(_)));
        let all_words = remaining.iter().all(|p| matches!(p, Part::Word(_)));
        if all_initials {
            // The initials of the given name, or of both, in their order.
            remaining
                .iter()
                .zip(&rest)
                .all(|(p, name)| matches!(p, Part::Initial(c) if name.starts_with(*c)))
        } else if all_words {
            // One or both of the other names, in their order.
            let mut names = rest.iter();
            remaining
                .iter()
                .all(|p| matches!(p, Part::Word(w) if names.any(|name| *name == w)))
        } else {
            false
        }
    })
}

/// The directory, indexed for the four rules.
#[derive(Debug, Default)]
pub struct Who {
    entries: Vec<DirectoryEntry>,
    /// Normalised name or alias → entry.
    by_name: HashMap<String, usize>,
    by_position: HashMap<String, usize>,
    /// Each word of an official's name (and of its person-shaped aliases) → entries, for rule 3.
    by_word: HashMap<String, Vec<usize>>,
}

impl Who {
    pub fn new(entries: Vec<DirectoryEntry>) -> Self {
        let mut who = Who {
            entries,
            ..Who::default()
        };
        for (i, entry) in who.entries.iter().enumerate() {
            who.by_name.entry(normalize_name(&entry.name)).or_insert(i);
            for alias in &entry.aliases {
                who.by_name.entry(normalize_name(alias)).or_insert(i);
            }
            if let Some(position) = entry.position.as_deref().filter(|p| !p.trim().is_empty()) {
                who.by_position.entry(normalize_name(position)).or_insert(i);
            }
            if entry.kind == EntryKind::Official {
                for name in std::iter::once(&entry.name)
                    .chain(&entry.aliases)
                    .filter(|n| is_person_name(n))
                {
                    for word in normalize_name(name).split(' ') {
                        who.by_word.entry(word.to_string()).or_default().push(i);
                    }
                }
            }
        }
        who
    }

    #[cfg(test)]
    pub fn empty() -> Self {
        Who::default()
    }

    /// The directory entry `name` refers to, and by which rule.
    fn resolve(&self, name: &str) -> Option<(usize, MatchRule)> {
        let key = normalize_name(name);
        if key.is_empty() {
            return None;
        }
        if let Some(&i) = self.by_name.get(&key) {
            let rule = if normalize_name(&self.entries[i].name) == key {
                MatchRule::Equal
            } else {
                MatchRule::Alias
            };
            return Some((i, rule));
        }
        for word in key.split(' ') {
            for &i in self.by_word.get(word).into_iter().flatten() {
                let entry = &self.entries[i];
                let names = std::iter::once(&entry.name).chain(&entry.aliases);
                if names.into_iter().any(|n| same_person(n, name)) {
                    return Some((i, MatchRule::Initials));
                }
            }
        }
        self.by_position
            .get(&key)
            .map(|&i| (i, MatchRule::Position))
    }

    /// The directory entry `name` refers to: by its name, an alias, rule 3 against an official,
    /// or a position. None when nothing matches.
    pub fn lookup(&self, name: &str) -> Option<&DirectoryEntry> {
        self.resolve(name).map(|(i, _)| &self.entries[i])
    }

    /// Are `a` and `b` the same actor? `a_position` is a's known position (an appeal's
    /// `addressee_position`), which makes rule 4 work without a directory.
    pub fn same_actor(&self, a: &str, a_position: Option<&str>, b: &str) -> Option<MatchRule> {
        let (na, nb) = (normalize_name(a), normalize_name(b));
        if nb.is_empty() {
            return None;
        }
        if na == nb {
            return Some(MatchRule::Equal);
        }
        if same_person(a, b) || same_person(b, a) {
            return Some(MatchRule::Initials);
        }
        if a_position.is_some_and(|p| normalize_name(p) == nb) {
            return Some(MatchRule::Position);
        }
        match (self.resolve(a), self.resolve(b)) {
            (Some((ia, _)), Some((ib, rule))) if ia == ib => Some(match rule {
                MatchRule::Equal => MatchRule::Alias,
                other => other,
            }),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The contract's examples, copied from shared/spec/cases.
    const CASES: &str = include_str!("../../tests/cases/names.csv");

    #[test]
    fn contract_cases() {
        let who = Who::empty();
        let mut reader = csv::Reader::from_reader(CASES.as_bytes());
        for record in reader.records() {
            let r = record.unwrap();
            let got = who.same_actor(&r[0], None, &r[1]);
            let same = &r[2] == "true";
            assert_eq!(got.is_some(), same, "{:?} vs {:?}: {got:?}", &r[0], &r[1]);
            if same {
                assert_eq!(
                    got.map(|g| g.number().to_string()).as_deref(),
                    Some(&r[3]),
                    "{:?} vs {:?}",
                    &r[0],
                    &r[1]
                );
            }
        }
    }

    #[test]
    fn normalisation() {
        assert_eq!(normalize_name("  «Алёна»\t Иванова "), "алена иванова");
        // й written as и + combining breve is the same letter after NFC.
        assert_eq!(normalize_name("Серги\u{306}"), normalize_name("Сергй"));
        assert_eq!(normalize_name("ИСАБАЕВ   Б.Б."), "исабаев б.б.");
    }

    fn directory() -> Who {
        Who::new(vec![
            DirectoryEntry {
                name: "Исабаев Бейбит Бакирович".into(),
                kind: EntryKind::Official,
                position: Some("Аким области Жетысу".into()),
                aliases: vec!["Жетісу облысының әкімі".into()],
            },
            DirectoryEntry {
                name: "Управление строительства области Жетысу".into(),
                kind: EntryKind::Department,
                position: None,
                aliases: vec!["Жетісу облысының құрылыс басқармасы".into()],
            },
            DirectoryEntry {
                name: "Сапаров Ерлан".into(),
                kind: EntryKind::Department,
                position: None,
                aliases: vec![],
            },
        ])
    }

    #[test]
    fn directory_rules() {
        let who = directory();
        assert_eq!(
            who.same_actor("Жетісу облысының әкімі", None, "Исабаев Бейбит Бакирович"),
            Some(MatchRule::Alias)
        );
        assert_eq!(
            who.same_actor("Аким области Жетысу", None, "Исабаев Б.Б."),
            Some(MatchRule::Initials)
        );
        assert_eq!(
            who.same_actor("Исабаев Бейбит Бакирович", None, "Аким области Жетысу"),
            Some(MatchRule::Position)
        );
        assert_eq!(
            who.same_actor(
                "Исабаев Бейбит Бакирович",
                None,
                "Управление строительства области Жетысу"
            ),
            None
        );
        assert_eq!(
            who.lookup("Жетісу облысының құрылыс басқармасы")
                .map(|e| e.name.as_str()),
            Some("Управление строительства области Жетысу")
        );
        assert_eq!(
            who.lookup("Б. Исабаев").map(|e| e.name.as_str()),
            Some("Исабаев Бейбит Бакирович")
        );
        // Rule 3 is for officials only: a department's entry is matched by name and alias alone.
        assert!(who.lookup("Сапаров Е.").is_none());
        assert!(who.lookup("Исабаев").is_none());
        assert!(who.lookup("").is_none());
    }

    #[test]
    fn person_names() {
        assert!(is_person_name("Исабаев Бейбит Бакирович"));
        assert!(is_person_name("Бейбит Исабаев"));
        assert!(!is_person_name("Исабаев"));
        assert!(!is_person_name("Аким области Жетысу"));
        assert!(!is_person_name("Исабаев Б.Б."));
        assert!(!is_person_name("Управление строительства области Жетысу"));
        for odd in ["", " ", "...", "Б.", "😀 😀", "=cmd|' /C calc'!A0"] {
            assert!(!is_person_name(odd), "{odd:?}");
            assert!(!same_person("Исабаев Бейбит Бакирович", odd), "{odd:?}");
        }
    }
}
