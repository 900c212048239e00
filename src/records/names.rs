//! Who is who: names normalised for comparison, and the four rules of the record contract by which
//! two names are one actor (equal, an alias, a person's surname with initials or given names, a
//! position), with the directory indexed so that a lookup costs a few hash probes.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// What a directory entry or a publisher is; written as `official` or `department`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum EntryKind {
    Official,
    /// What an entry is when the directory does not say.
    #[default]
    Department,
}

/// As the directory stores it, and as a string to the value hash's fast writer.
impl serde::Serialize for EntryKind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl EntryKind {
    /// As the directory stores it.
    pub fn as_str(self) -> &'static str {
        match self {
            EntryKind::Official => "official",
            EntryKind::Department => "department",
        }
    }

    /// The kind named as the directory stores it (`official`, `department`).
    pub fn parse(s: &str) -> Option<EntryKind> {
        match s {
            "official" => Some(EntryKind::Official),
            "department" => Some(EntryKind::Department),
            _ => None,
        }
    }
}

/// One official or department of the directory, its aliases already split on `;`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirectoryEntry {
    pub name: String,
    pub kind: EntryKind,
    pub position: Option<String>,
    pub aliases: Vec<String>,
}

impl DirectoryEntry {
    /// A department's name in Kazakh: its first alias written with a letter only Kazakh has
    /// (ә ғ қ ң ө ұ ү һ і). None for an official, whose Kazakh aliases are posts, not names.
    pub fn kazakh_name(&self) -> Option<&str> {
        if self.kind != EntryKind::Department {
            return None;
        }
        self.aliases
            .iter()
            .map(String::as_str)
            .find(|alias| alias.chars().any(|c| "әғқңөұүһіӘҒҚҢӨҰҮҺІ".contains(c)))
    }
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
    /// The rule's number in the contract, 1 to 4.
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

/// The quotes the contract removes. Only these: typographic single quotes (‘ ’) are kept.
const QUOTES: &[char] = &['«', '»', '“', '”', '„', '"', '\''];

/// Invisible characters scrapers leave in names (soft hyphen, zero-width space and joiners, BOM);
/// removed, as they are no part of any spelling.
const INVISIBLE: &[char] = &[
    '\u{ad}', '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}',
];

/// NFC, lower case, ё as е, quotes «»“”„"' removed, runs of white space as one space, trimmed.
pub fn normalize_name(s: &str) -> String {
    // Most names and texts are NFC already: skip the composing iterator for them, and the
    // quick check for text of Latin, Cyrillic and common punctuation only.
    if s.chars().all(surely_nfc) || is_nfc_quick(s.chars()) == IsNormalized::Yes {
        normalize_chars(s.chars(), s.len())
    } else {
        normalize_chars(s.nfc(), s.len())
    }
}

/// Characters that are NFC whatever surrounds them: no combining marks, no singletons.
fn surely_nfc(c: char) -> bool {
    matches!(
        c,
        '\0'..='\u{2ff}' | '\u{400}'..='\u{482}' | '\u{48a}'..='\u{4ff}' | '\u{2002}'..='\u{206f}'
    )
}

fn normalize_chars(chars: impl Iterator<Item = char>, len: usize) -> String {
    let mut out = String::with_capacity(len);
    let mut space = false;
    for c in chars {
        // The common letters first, the general rules after.
        let lower = match c {
            'а'..='я' | 'a'..='z' | '0'..='9' => c,
            'А'..='Я' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
            'A'..='Z' => c.to_ascii_lowercase(),
            'ё' | 'Ё' => 'е',
            _ if c.is_whitespace() => {
                space = !out.is_empty();
                continue;
            }
            _ if QUOTES.contains(&c) || INVISIBLE.contains(&c) => continue,
            _ => {
                if space {
                    out.push(' ');
                    space = false;
                }
                out.extend(c.to_lowercase().map(|l| if l == 'ё' { 'е' } else { l }));
                continue;
            }
        };
        if space {
            out.push(' ');
            space = false;
        }
        out.push(lower);
    }
    out
}

/// Words (in normalised form) that mark a body, a post or a legal form rather than a person. A name
/// holding one of these, or a word beginning with one of `BODY_STEMS`, is never a person's name.
/// Short words are matched whole so that surnames such as Акимов or Отделенов stay names.
#[rustfmt::skip]
const BODY_WORDS: &[&str] = &[
    // Russian
    "управление", "управления", "министерство", "министерства", "аким", "акима", "акимат",
    "акимата", "отдел", "отдела", "департамент", "департамента", "комитет", "комитета", "области",
    "область", "района", "район", "города", "город", "села", "сельский", "сельского", "округа",
    "аппарат", "аппарата", "служба", "службы", "центр", "центра", "агентство", "агентства",
    "инспекция", "инспекции", "прокуратура", "полиция", "полиции", "администрация", "учреждение",
    "коммунальное", "государственное", "государственный", "республиканское", "республики",
    "казахстан", "маслихат", "совет", "правительство", "министр", "заместитель", "руководитель",
    "начальник", "глава", "председатель", "директор", "секретарь", "мэр", "губернатор",
    "пресс-служба", "канцелярия", "филиал", "больница", "школа", "поликлиника", "гу", "кгу", "ргу",
    "гкп", "ркп", "ргп", "тоо", "ао", "ип", "жкх", "цон", "пгк", "ксп",
    // Kazakh
    "басқармасы", "басқарма", "әкім", "әкімі", "әкімдігі", "әкімдік", "әкімшілігі", "облысының",
    "облысы", "облыстық", "ауданының", "ауданы", "аудандық", "қаласының", "қаласы", "қалалық",
    "ауылдық", "округінің", "бөлімі", "бөлім", "министрлігі", "министрі", "департаменті",
    "комитеті", "аппараты", "басшысы", "орынбасары", "мәслихаты", "мәслихат", "кеңесі", "қызметі",
    "орталығы", "мекемесі", "коммуналдық", "мемлекеттік", "республикасы", "қазақстан", "мм", "кмм",
    // English
    "department", "ministry", "office", "akim", "akimat", "committee", "administration", "region",
    "regional", "district", "city", "agency", "service", "council", "government", "governor",
    "mayor", "minister", "deputy", "head", "of", "the", "and", "for", "inspection", "center",
    "centre", "llp", "jsc", "llc", "inc",
];

/// Beginnings of words that only bodies' names hold, in any grammatical case.
#[rustfmt::skip]
const BODY_STEMS: &[&str] = &[
    "управлен", "министерств", "министрлі", "департамент", "комитет", "акимат", "әкімдіг",
    "басқарма", "инспекц", "прокурат", "администрац", "агентств", "маслихат", "мәслихат",
];

/// Endings of patronymics, Russian and Kazakh. In a three-word full name, a word with one of
/// these is the patronymic and never the surname.
#[rustfmt::skip]
const PATRONYMIC_ENDINGS: &[&str] = &[
    "вич", "ьич", "вна", "ична", "улы", "ұлы", "кызы", "қызы", "uly", "kyzy", "vich", "vna",
];

/// `char::is_alphabetic`, with the letters of normalised Russian and English names first: the
/// general table is slow for Cyrillic.
fn is_letter(c: char) -> bool {
    matches!(c, 'а'..='я' | 'a'..='z') || c.is_alphabetic()
}

fn is_letters_word(word: &str) -> bool {
    // Letters, with hyphens only between letters: `мухамед-али`, not `-али` or `а--б`.
    !word.is_empty()
        && word
            .split('-')
            .all(|part| !part.is_empty() && part.chars().all(is_letter))
}

fn is_body_word(word: &str) -> bool {
    static WORDS: LazyLock<HashSet<&'static str>> =
        LazyLock::new(|| BODY_WORDS.iter().copied().collect());
    WORDS.contains(word) || BODY_STEMS.iter().any(|stem| word.starts_with(stem))
}

/// `is_person_name` for a name already normalised.
fn is_person_norm(norm: &str) -> bool {
    let words = norm.split(' ').count();
    (2..=3).contains(&words)
        // Letters only, and at least two of them: no initials.
        && norm
            .split(' ')
            .all(|w| is_letters_word(w) && w.chars().filter(|&c| is_letter(c)).count() >= 2)
        && !norm.split(' ').any(is_body_word)
}

/// Looks like a person's full name: two or three words (surname, given name, optional patronymic),
/// each made of letters (hyphen allowed), no initials, and not a body or position (no word from
/// `BODY_WORDS`, none beginning with one of `BODY_STEMS`).
pub fn is_person_name(s: &str) -> bool {
    is_person_norm(&normalize_name(s))
}

/// One part of a written name: a word or an initial.
#[derive(Debug, PartialEq, Eq)]
enum Part<'a> {
    Word(&'a str),
    Initial(char),
}

/// Splits a normalised name into words and initials, or None when it is not of a person's form.
///
/// An initial is a single letter, with or without its dot, and dotted initials may be written
/// together or apart: `б.б.`, `б. б.`, `б.`, `б б` and `б.б` are all two (or one) initials.
/// Letters written together without dots (`бб`) are a word, not initials, since abbreviations of
/// bodies look the same. A word followed by a dot (`бейб.`) is kept as a word and so matches no name.
fn name_parts(norm: &str) -> Option<Vec<Part<'_>>> {
    let mut parts = Vec::new();
    for piece in norm.split([' ', '.']).filter(|p| !p.is_empty()) {
        if !is_letters_word(piece) {
            return None;
        }
        let mut chars = piece.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => parts.push(Part::Initial(c)),
            _ => parts.push(Part::Word(piece)),
        }
        if parts.len() > 3 {
            return None;
        }
    }
    Some(parts)
}

fn part_is(part: &Part, name: &str) -> bool {
    match part {
        Part::Word(w) => *w == name,
        Part::Initial(c) => name.starts_with(*c),
    }
}

/// Rule 3 with both sides normalised; `full` must already be a person's full name.
fn same_person_norm(full: &str, other: &str) -> bool {
    let Some(parts) = name_parts(other) else {
        return false;
    };
    let words: Vec<&str> = full.split(' ').collect();
    if parts.len() < 2 || parts.len() > words.len() {
        return false;
    }
    let patronymic = if words.len() == 3 {
        let mut found = words.iter().enumerate().filter(|(_, w)| {
            PATRONYMIC_ENDINGS
                .iter()
                .any(|e| w.ends_with(e) && w.chars().count() > e.chars().count() + 1)
        });
        match (found.next(), found.next()) {
            (Some((i, _)), None) => Some(i),
            _ => None,
        }
    } else {
        None
    };
    // The full name may be written in any order: try each word as the surname. The other names
    // keep their order, except that a patronymic always comes last.
    (0..words.len())
        .filter(|&s| Some(s) != patronymic)
        .any(|surname| {
            let mut others: Vec<&str> = (0..words.len())
                .filter(|&i| i != surname && Some(i) != patronymic)
                .map(|i| words[i])
                .collect();
            if let Some(p) = patronymic {
                others.push(words[p]);
            }
            let Some(at) = parts.iter().position(|p| *p == Part::Word(words[surname])) else {
                return false;
            };
            let rest: Vec<&Part> = parts
                .iter()
                .enumerate()
                .filter(|&(i, _)| i != at)
                .map(|(_, p)| p)
                .collect();
            match rest.as_slice() {
                // One name alone is the given name (`Исабаев Б.`, `Бейбит Исабаев`).
                [one] => part_is(one, others[0]),
                // Both: initials in their order, whole words in either order.
                [a, b] => {
                    (part_is(a, others[0]) && part_is(b, others[1]))
                        || (matches!((a, b), (Part::Word(_), Part::Word(_)))
                            && part_is(a, others[1])
                            && part_is(b, others[0]))
                }
                _ => false,
            }
        })
}

/// Rule 3 alone: `full_name` is a person's full name and `other` is the same surname with the
/// initials of one or both other names in their order, or the surname with one or both of the
/// other names (any word order). One name alone must be the given name: `Исабаев Б.` and
/// `Бейбит Исабаев`, not `Исабаев Бакирович`. Never true between two bodies' names. Symmetric use
/// is the caller's job (`Who::same_actor` does both directions).
#[cfg(test)]
pub fn same_person(full_name: &str, other: &str) -> bool {
    let full = normalize_name(full_name);
    is_person_norm(&full) && same_person_norm(&full, &normalize_name(other))
}

/// An official's name or alias as written in the directory, normalised, for rule 3.
#[derive(Debug)]
struct Spelling {
    entry: usize,
    norm: String,
    /// A person's full name (else a short form such as `исабаев б.б.`).
    full: bool,
}

/// The directory, indexed by normalised name, alias, position and (for officials) surname.
#[derive(Debug, Default)]
pub struct Who {
    entries: Vec<DirectoryEntry>,
    by_name: HashMap<String, usize>,
    by_alias: HashMap<String, usize>,
    by_position: HashMap<String, usize>,
    /// Each entry's position, normalised.
    positions: Vec<Option<String>>,
    /// For rule 3: each word of an official's name or alias written in a person's form (a full
    /// name, or a surname with initials or a given name), to the entry and that spelling.
    by_surname: HashMap<String, Vec<Spelling>>,
}

impl Who {
    /// Indexes `entries`. Where two entries share a name, alias or position, the first in the
    /// directory's order wins; entries with an empty name are kept but not indexed.
    pub fn new(entries: Vec<DirectoryEntry>) -> Self {
        let mut who = Who::default();
        for (i, entry) in entries.iter().enumerate() {
            let position = entry.position.as_deref().map(normalize_name);
            who.positions
                .push(position.clone().filter(|p| !p.is_empty()));
            let name = normalize_name(&entry.name);
            if name.is_empty() {
                continue;
            }
            let aliases: Vec<String> = entry
                .aliases
                .iter()
                .map(|a| normalize_name(a))
                .filter(|a| !a.is_empty())
                .collect();
            if entry.kind == EntryKind::Official {
                for spelling in std::iter::once(&name).chain(&aliases) {
                    let Some(parts) = name_parts(spelling) else {
                        continue;
                    };
                    if parts.len() < 2 || is_body_name(spelling) {
                        continue;
                    }
                    let full = is_person_norm(spelling);
                    for part in parts {
                        if let Part::Word(w) = part {
                            let list = who.by_surname.entry(w.to_string()).or_default();
                            if !list.iter().any(|s| s.entry == i && s.norm == *spelling) {
                                list.push(Spelling {
                                    entry: i,
                                    norm: spelling.clone(),
                                    full,
                                });
                            }
                        }
                    }
                }
            }
            who.by_name.entry(name).or_insert(i);
            for alias in aliases {
                who.by_alias.entry(alias).or_insert(i);
            }
            if let Some(position) = position.filter(|p| !p.is_empty()) {
                who.by_position.entry(position).or_insert(i);
            }
        }
        who.entries = entries;
        who
    }

    /// No directory: only rules 1, 3 and the appeal's own position apply.
    #[cfg(test)]
    pub fn empty() -> Self {
        Who::default()
    }

    /// Every entry, in the directory's order, indexed or not.
    #[cfg(test)]
    pub fn entries(&self) -> &[DirectoryEntry] {
        &self.entries
    }

    /// The Kazakh name the directory gives the department `name` refers to, if any.
    pub fn kazakh_name(&self, name: &str) -> Option<&str> {
        self.lookup(name).and_then(DirectoryEntry::kazakh_name)
    }

    /// The directory entry `name` refers to: equal name (1), an alias (2), rule 3 against an entry
    /// of kind Official, or an entry's position (4). None when nothing matches, and None by rule 3
    /// when the name fits two different officials (`Исабаев Б.` for two Исабаевs).
    pub fn lookup(&self, name: &str) -> Option<&DirectoryEntry> {
        self.resolve(&normalize_name(name))
            .map(|(i, _)| &self.entries[i])
    }

    /// `lookup` on a normalised name, with the rule by which it matched.
    fn resolve(&self, norm: &str) -> Option<(usize, MatchRule)> {
        if norm.is_empty() {
            return None;
        }
        if let Some(&i) = self.by_name.get(norm) {
            return Some((i, MatchRule::Equal));
        }
        if let Some(&i) = self.by_alias.get(norm) {
            return Some((i, MatchRule::Alias));
        }
        if let Some(i) = self.by_rule3(norm) {
            return Some((i, MatchRule::Initials));
        }
        self.by_position
            .get(norm)
            .map(|&i| (i, MatchRule::Position))
    }

    /// The one official `norm` names by rule 3, in either direction, through the surname index.
    fn by_rule3(&self, norm: &str) -> Option<usize> {
        if self.by_surname.is_empty() {
            return None;
        }
        let parts = name_parts(norm)?;
        if parts.len() < 2 {
            return None;
        }
        let mut norm_is_person = None;
        let mut found = None;
        for part in &parts {
            let Part::Word(w) = part else { continue };
            for spelling in self.by_surname.get(*w).into_iter().flatten() {
                let same = (spelling.full && same_person_norm(&spelling.norm, norm))
                    || (*norm_is_person.get_or_insert_with(|| is_person_norm(norm))
                        && same_person_norm(norm, &spelling.norm));
                if same {
                    match found {
                        None => found = Some(spelling.entry),
                        Some(j) if j != spelling.entry => return None,
                        Some(_) => {}
                    }
                }
            }
        }
        found
    }

    /// Are `a` and `b` the same actor? `a` is typically an appeal's addressee and `a_position` its
    /// addressee_position. Checks, in order: equal after normalisation (1); alias (2: both resolve
    /// to the same entry by name or alias); rule 3 in either direction when one side is a person's
    /// full name; position (4: `b` is `a_position`, or the position of `a`'s entry, or `a` is the
    /// position of `b`'s entry); and last both resolving to the same entry by any rule, reported
    /// by the rule through which `b` resolved, or `a`'s when `b` is its entry's very name.
    /// An empty name is no actor: None.
    pub fn same_actor(&self, a: &str, a_position: Option<&str>, b: &str) -> Option<MatchRule> {
        let na = normalize_name(a);
        let nb = normalize_name(b);
        if na.is_empty() || nb.is_empty() {
            return None;
        }
        if na == nb {
            return Some(MatchRule::Equal);
        }
        let by_name_or_alias = |n: &str| {
            self.by_name
                .get(n)
                .or_else(|| self.by_alias.get(n))
                .copied()
        };
        if let (Some(i), Some(j)) = (by_name_or_alias(&na), by_name_or_alias(&nb))
            && i == j
        {
            return Some(MatchRule::Alias);
        }
        if (is_person_norm(&na) && same_person_norm(&na, &nb))
            || (is_person_norm(&nb) && same_person_norm(&nb, &na))
        {
            return Some(MatchRule::Initials);
        }
        if a_position.is_some_and(|p| normalize_name(p) == nb) {
            return Some(MatchRule::Position);
        }
        let ra = self.resolve(&na);
        let rb = self.resolve(&nb);
        let position_of =
            |r: Option<(usize, MatchRule)>| r.and_then(|(i, _)| self.positions[i].as_deref());
        if position_of(ra) == Some(nb.as_str()) || position_of(rb) == Some(na.as_str()) {
            return Some(MatchRule::Position);
        }
        match (ra, rb) {
            (Some((i, rule_a)), Some((j, rule_b))) if i == j => Some(match rule_b {
                MatchRule::Equal => rule_a,
                rule => rule,
            }),
            _ => None,
        }
    }
}

/// A normalised name holding a body's word: never indexed for rule 3.
fn is_body_name(norm: &str) -> bool {
    norm.split(' ').any(is_body_word)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAMES_CSV: &str = include_str!("../../tests/cases/names.csv");

    fn entry(
        name: &str,
        kind: EntryKind,
        position: Option<&str>,
        aliases: &[&str],
    ) -> DirectoryEntry {
        DirectoryEntry {
            name: name.to_string(),
            kind,
            position: position.map(str::to_string),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
        }
    }

    #[test]
    fn contract_cases() {
        let who = Who::empty();
        let mut reader = csv::Reader::from_reader(NAMES_CSV.as_bytes());
        let mut rows = 0;
        for record in reader.records() {
            let r = record.unwrap();
            let (official, other, same, rule, note) = (&r[0], &r[1], &r[2], &r[3], &r[4]);
            let got = who.same_actor(official, None, other);
            assert_eq!(
                got.is_some(),
                same == "true",
                "{official} / {other} ({note})"
            );
            if let Some(rule_got) = got {
                assert_eq!(
                    rule_got.number().to_string(),
                    rule,
                    "{official} / {other} ({note})"
                );
            }
            // Symmetric.
            assert_eq!(
                who.same_actor(other, None, official),
                got,
                "reversed: {other} / {official}"
            );
            rows += 1;
        }
        assert_eq!(rows, 20);
    }

    #[test]
    fn brief_examples_for_rule_3() {
        let full = "Исабаев Бейбит Бакирович";
        for other in [
            "Исабаев Б.Б.",
            "Исабаев Б. Б.",
            "Исабаев Б.",
            "Б.Б. Исабаев",
            "Б. Исабаев",
            "Бейбит Исабаев",
            "ИСАБАЕВ Бейбит",
            "Бейбит Бакирович Исабаев",
            "Исабаев Б Б",
            "Исабаев Б.Б",
            "Исабаев Бейбит Б.",
            "Бакирович Бейбит Исабаев",
        ] {
            assert!(same_person(full, other), "{other}");
        }
        for other in [
            "Исабаев",
            "Исабаев Н.",
            "Исабаев Б.Н.",
            "Исабаев Нурлан",
            "Масабаев Б.Б.",
            "Управление строительства области Жетысу",
            "Исабаев ББ",
            "Исабаев Бакирович",
            "Бейбит Бакирович",
            "Исабаев Б.Б.Б.",
            "",
            "Исабаев Б.Б. 2",
        ] {
            assert!(!same_person(full, other), "{other}");
        }
        assert!(same_person("Бейбит Бакирович Исабаев", "Исабаев Б.Б."));
        assert!(same_person("Исабаев Бейбит Бакирұлы", "Исабаев Б.Б."));
        assert!(same_person("Исабаев Бейбит", "Исабаев Б."));
        assert!(!same_person("Исабаев Бейбит", "Исабаев Б.Б."));
        // Never between bodies.
        assert!(!same_person("Аким области", "Аким О."));
        assert!(!same_person("Управление строительства", "Управление С."));
    }

    #[test]
    fn person_names() {
        assert!(is_person_name("Исабаев Бейбит Бакирович"));
        assert!(is_person_name("ИСАБАЕВ Бейбит"));
        assert!(is_person_name("Акимов Нурлан"));
        assert!(is_person_name("Мухамед-Али Исабаев"));
        assert!(is_person_name("Жақсыбеков Әділбек Рыскелдіұлы"));
        assert!(!is_person_name("Исабаев"));
        assert!(!is_person_name("Исабаев Б.Б."));
        assert!(!is_person_name("Исабаев Б Б"));
        assert!(!is_person_name("Аким области Жетысу"));
        assert!(!is_person_name("Управление ЖКХ"));
        assert!(!is_person_name("Жетісу облысының әкімі"));
        assert!(!is_person_name("Отдел образования"));
        assert!(!is_person_name("Ministry of Health"));
        assert!(!is_person_name("Управлением строительства"));
        assert!(!is_person_name("Исабаев -Бейбит"));
        assert!(!is_person_name("Исабаев Бейбит 2"));
        assert!(!is_person_name("Один Два Три Четыре"));
        assert!(!is_person_name(""));
    }

    #[test]
    fn normalisation() {
        // й decomposed (и + combining breve) and composed are one letter.
        assert_eq!(normalize_name("Аи\u{306}дар"), normalize_name("Айдар"));
        assert_eq!(normalize_name("Аи\u{306}дар"), "айдар");
        // ё, also decomposed, is е.
        assert_eq!(normalize_name("Алёна"), "алена");
        assert_eq!(normalize_name("АЛЁНА"), "алена");
        assert_eq!(normalize_name("Але\u{308}на"), "алена");
        assert_eq!(
            normalize_name("«ТОО „Ромашка“» \"x\" 'y' “z”"),
            "тоо ромашка x y z"
        );
        assert_eq!(normalize_name("  a \t\n b\u{a0}\u{a0}c  "), "a b c");
        assert_eq!(normalize_name(" « » "), "");
        assert_eq!(normalize_name("Ис\u{ad}абаев\u{200b}"), "исабаев");
        assert_eq!(normalize_name(""), "");
        assert_eq!(normalize_name("Cafe\u{301} İ"), "café i\u{307}");
    }

    /// The fast paths of `normalize_name` agree with the definition, step by step (letter by
    /// letter: Greek final sigma is not special, as both sides of a comparison share it).
    #[test]
    fn normalisation_agrees_with_the_definition() {
        fn reference(s: &str) -> String {
            let nfc: String = s.nfc().collect();
            let lower = nfc.to_lowercase().replace('ё', "е");
            let kept: String = lower
                .chars()
                .filter(|c| !QUOTES.contains(c) && !INVISIBLE.contains(c))
                .collect();
            kept.split_whitespace().collect::<Vec<_>>().join(" ")
        }
        for s in [
            "  Исабаев  «Бейбит»  Бакирович ",
            "ЁЖИК Ёлкин",
            "Жетісу облысының ӘКІМДІГІ",
            "Аи\u{306}дар и\u{306}",
            "x\u{2000}y\u{2001}z",
            "«ТОО „Ромашка“»",
            "ÀÉÎõü Straße",
            "Ω Ά ΣΊΣΥΦΟ",
            "a\u{301}\u{316}b",
            "Ѐ Ѝ ӂ ӑ",
            "Тест\u{483}\u{301}",
            "\u{feff}Бейбит",
            "1\u{a0}2\u{2009}3\u{3000}4",
            "Ǆemal",
            "",
        ] {
            assert_eq!(normalize_name(s), reference(s), "{s:?}");
        }
    }

    fn directory() -> Who {
        Who::new(vec![
            entry(
                "Исабаев Бейбит Бакирович",
                EntryKind::Official,
                Some("Аким области Жетысу"),
                &["Исабаев Бейбіт Бәкірұлы"],
            ),
            entry(
                "Управление строительства области Жетысу",
                EntryKind::Department,
                Some("Начальник управления строительства"),
                &["Жетісу облысының құрылыс басқармасы", "УС Жетысу"],
            ),
            // A department whose name looks like a person's: never found by rule 3.
            entry("Кенесов Нурлан", EntryKind::Department, None, &[]),
            entry("", EntryKind::Department, None, &[]),
        ])
    }

    #[test]
    fn directory_lookup() {
        let who = directory();
        assert_eq!(who.entries().len(), 4);
        let name = |n: &str| who.lookup(n).map(|e| e.name.as_str());
        assert_eq!(
            name(" исабаев  бейбит бакирович"),
            Some("Исабаев Бейбит Бакирович")
        );
        assert_eq!(
            name("Исабаев Бейбіт Бәкірұлы"),
            Some("Исабаев Бейбит Бакирович")
        );
        assert_eq!(name("Исабаев Б.Б."), Some("Исабаев Бейбит Бакирович"));
        assert_eq!(name("Бейбит Исабаев"), Some("Исабаев Бейбит Бакирович"));
        assert_eq!(
            name("аким области Жетысу"),
            Some("Исабаев Бейбит Бакирович")
        );
        assert_eq!(
            name("УС Жетысу"),
            Some("Управление строительства области Жетысу")
        );
        assert_eq!(name("Исабаев Н."), None);
        assert_eq!(name("Исабаев"), None);
        assert_eq!(name(""), None);
        // Rule 3 only for officials.
        assert_eq!(name("Кенесов Нурлан"), Some("Кенесов Нурлан"));
        assert_eq!(name("Кенесов Н."), None);
        assert_eq!(name("Нурлан Кенесов"), None);
    }

    #[test]
    fn rule_3_lookup_is_ambiguous_for_two_officials() {
        let who = Who::new(vec![
            entry("Исабаев Бейбит Бакирович", EntryKind::Official, None, &[]),
            entry("Исабаев Болат Нурланович", EntryKind::Official, None, &[]),
        ]);
        assert!(who.lookup("Исабаев Б.").is_none());
        assert_eq!(
            who.lookup("Исабаев Б.Б.").unwrap().name,
            "Исабаев Бейбит Бакирович"
        );
        assert_eq!(
            who.lookup("Исабаев Б.Н.").unwrap().name,
            "Исабаев Болат Нурланович"
        );
    }

    #[test]
    fn rule_3_lookup_for_an_official_written_short() {
        let who = Who::new(vec![entry("Исабаев Б.Б.", EntryKind::Official, None, &[])]);
        assert_eq!(
            who.lookup("Исабаев Бейбит Бакирович").unwrap().name,
            "Исабаев Б.Б."
        );
    }

    #[test]
    fn same_actor_through_the_directory() {
        let who = directory();
        let official = "Исабаев Бейбит Бакирович";
        // Alias.
        assert_eq!(
            who.same_actor(official, None, "Исабаев Бейбіт Бәкірұлы"),
            Some(MatchRule::Alias)
        );
        assert_eq!(
            who.same_actor("Управление строительства области Жетысу", None, "УС Жетысу"),
            Some(MatchRule::Alias)
        );
        assert_eq!(
            who.same_actor("УС Жетысу", None, "Жетісу облысының құрылыс басқармасы"),
            Some(MatchRule::Alias)
        );
        // Position, from the addressee_position and from the directory.
        assert_eq!(
            Who::empty().same_actor(official, Some("Аким области Жетысу"), "аким области жетысу"),
            Some(MatchRule::Position)
        );
        assert_eq!(
            Who::empty().same_actor(official, None, "Аким области Жетысу"),
            None
        );
        assert_eq!(
            who.same_actor(official, None, "Аким области Жетысу"),
            Some(MatchRule::Position)
        );
        assert_eq!(
            who.same_actor("Аким области Жетысу", None, official),
            Some(MatchRule::Position)
        );
        assert_eq!(
            who.same_actor("Исабаев Б.Б.", None, "Аким области Жетысу"),
            Some(MatchRule::Position)
        );
        // Both resolve to one entry: the rule by which the other side resolved.
        assert_eq!(
            who.same_actor("Исабаев Бейбіт Бәкірұлы", None, "Исабаев Б.Б."),
            Some(MatchRule::Initials)
        );
        assert_eq!(
            who.same_actor("Исабаев Б.", None, "Б.Б. Исабаев"),
            Some(MatchRule::Initials)
        );
        // Different actors.
        assert_eq!(
            who.same_actor(official, None, "Управление строительства области Жетысу"),
            None
        );
        assert_eq!(
            who.same_actor(official, Some("Аким области Жетысу"), "Кенесов Нурлан"),
            None
        );
        assert_eq!(who.same_actor("", None, ""), None);
        assert_eq!(who.same_actor(official, Some(""), " "), None);
    }

    #[test]
    fn rule_numbers() {
        let n: Vec<u8> = [
            MatchRule::Equal,
            MatchRule::Alias,
            MatchRule::Initials,
            MatchRule::Position,
        ]
        .map(MatchRule::number)
        .to_vec();
        assert_eq!(n, [1, 2, 3, 4]);
    }

    #[test]
    fn odd_input_never_panics() {
        let who = directory();
        for s in [
            "",
            " ",
            ".",
            "..",
            "-",
            "- -",
            "а.",
            ". .",
            "\u{306}",
            "Ё",
            "a-",
            "🙂 🙂",
            "İstanbul İ.",
            "\u{0}",
            "Б. . Исабаев",
            "Исабаев-",
            "ß ẞ",
            "x".repeat(10_000).as_str(),
        ] {
            let _ = normalize_name(s);
            let _ = is_person_name(s);
            let _ = same_person(s, s);
            let _ = same_person("Исабаев Бейбит", s);
            let _ = who.lookup(s);
            let _ = who.same_actor(s, Some(s), "Исабаев Б.");
            let _ = who.same_actor("Исабаев Бейбит Бакирович", None, s);
        }
    }
}
