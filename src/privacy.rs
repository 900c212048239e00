//! Personal data in exports: `--redact` (and `export database`) masks 12-digit IIN/BIN numbers,
//! Kazakh phone numbers (mobile and landline, in every way they are written), e-mail addresses,
//! card and account numbers (16 to 20 digits, a KZ IBAN, a bare 20-character account), and the
//! appeal's own author's name parts in its texts, and nothing else.

use std::sync::OnceLock;

use regex::Regex;

pub const IIN_MASK: &str = "[IIN]";
pub const PHONE_MASK: &str = "[PHONE]";
pub const EMAIL_MASK: &str = "[EMAIL]";
pub const ACCOUNT_MASK: &str = "[ACCOUNT]";
pub const NAME_MASK: &str = "[NAME]";

struct Patterns {
    email: Regex,
    account: Regex,
    bare_account: Regex,
    phone: Regex,
    iin: Regex,
}

fn patterns() -> &'static Patterns {
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    PATTERNS.get_or_init(|| Patterns {
        // The patterns are constants; a failure here is a bug caught by the tests below.
        email: Regex::new(r"(?i)\b[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}\b").expect("email pattern"),
        // A payment card (16 to 19 digits, often in groups of four), a 20-digit account, or a
        // Kazakh IBAN (KZ, two check digits, 16 letters or digits, in groups of four or not);
        // also KZ before a 20-digit account, as citizens write it.
        account: Regex::new(
            r"(?i)\bKZ\s?\d{2}(?:[ \-]?[0-9A-Z]{4}){4}\b|\bKZ\s?\d{18,20}\b|\b\d{4}(?:[ \-]\d{4}){3}(?:[ \-]?\d{1,4})?\b|\b\d{16,20}\b",
        )
        .expect("account pattern"),
        // An IBAN without its KZ, or an account number of 20 letters and digits; kept only
        // when digits are most of it (see `redact`), so that no long word is masked.
        bare_account: Regex::new(r"(?i)\b[0-9A-Z]{18}(?:[0-9A-Z]{2})?\b")
            .expect("bare account pattern"),
        // Ten digits from 7 (a mobile 7xx, or a city code 7xxx or 7xxxx: 727 Almaty, 7172
        // Astana, 7282 Taldykorgan) after an optional +7, 8 or 7; the code may be in
        // brackets, and spaces or dashes may part any digits. The three code lengths are
        // spelt out so that exactly ten digits follow the prefix.
        phone: Regex::new(concat!(
            r"(?:(?:\+\s?7|\b[78])[\s\-]?\(?\s?|\(\s?|\b)",
            r"(?:7\d{2}\s?\)?[\s\-]?\d(?:[\s\-]?\d){6}",
            r"|7\d{3}\s?\)?[\s\-]?\d(?:[\s\-]?\d){5}",
            r"|7\d{4}\s?\)?[\s\-]?\d(?:[\s\-]?\d){4})\b",
        ))
        .expect("phone pattern"),
        iin: Regex::new(r"\b\d{12}\b").expect("IIN pattern"),
    })
}

/// The text with identifiers masked. E-mail first, so that digits in an address are not read
/// as a phone number; then card and account numbers, so that a run of their digits is not
/// read as a phone number or an IIN.
pub fn redact(text: &str) -> String {
    let p = patterns();
    let text = p.email.replace_all(text, EMAIL_MASK);
    let text = p.account.replace_all(&text, ACCOUNT_MASK);
    let text = p.bare_account.replace_all(&text, |caps: &regex::Captures| {
        let found = &caps[0];
        let digits = found.chars().filter(char::is_ascii_digit).count();
        // Mostly digits: an account; a word with a few digits is left alone.
        if digits * 2 > found.len() {
            ACCOUNT_MASK.to_string()
        } else {
            found.to_string()
        }
    });
    let text = p.phone.replace_all(&text, |caps: &regex::Captures| {
        let whole = caps.get(0).map_or(0..0, |m| m.range());
        // Not the tail of a longer number (`12 7011234567`) or a word (`№7...`): the regex
        // cannot look behind, so the character before is checked here.
        let before = text[..whole.start].chars().next_back();
        match before {
            Some(c) if c.is_alphanumeric() || c == '.' || c == '/' => caps[0].to_string(),
            _ => {
                // A leading space or dash belongs to the text around.
                let lead = caps[0].len() - caps[0].trim_start_matches([' ', '-']).len();
                format!("{}{PHONE_MASK}", &caps[0][..lead])
            }
        }
    });
    p.iin.replace_all(&text, IIN_MASK).into_owned()
}

/// The citizen's own name parts (surname, first name, patronymic, as the author field writes
/// them) masked wherever they stand in a text of that appeal, with the identifiers `redact`
/// masks. An answer addressed to the citizen by name («Гульнара Маратовна, ваш вопрос решён»)
/// names them as surely as the author column does.
pub fn redact_with_names(text: &str, authors: &[&str]) -> String {
    let text = redact(text);
    if authors.is_empty() {
        return text;
    }
    // One appeal's texts come one after another with the same author: the pattern is built
    // once for them, not once a cell (a million appeals would compile millions of regexes).
    thread_local! {
        static LAST: std::cell::RefCell<(Vec<String>, Option<Regex>)> =
            const { std::cell::RefCell::new((Vec::new(), None)) };
    }
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        if last
            .0
            .iter()
            .map(String::as_str)
            .ne(authors.iter().copied())
        {
            *last = (
                authors.iter().map(|a| a.to_string()).collect(),
                name_pattern(authors),
            );
        }
        match &last.1 {
            Some(names) => names.replace_all(&text, NAME_MASK).into_owned(),
            None => text,
        }
    })
}

/// Shorter parts only match as written: a two- or three-letter name (Ли, Ким) would otherwise
/// mask every word it begins.
const DECLINED_FROM: usize = 4;

/// One pattern for every name part of `authors`: whole words, any case, `е` and `ё` alike, and
/// for parts of four letters or more the declined and Kazakh forms (the part without its last
/// vowel, then up to four letters: Гульнары, Гульнаре, Гульнараға, Маратовной). Initials
/// (`Б.`) are no name part.
fn name_pattern(authors: &[&str]) -> Option<Regex> {
    let mut parts: Vec<String> = authors
        .iter()
        .flat_map(|a| a.split(|c: char| !c.is_alphabetic() && c != '-'))
        .map(|w| w.trim_matches('-').to_lowercase())
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .collect();
    parts.sort();
    parts.dedup();
    if parts.is_empty() {
        return None;
    }
    let alternatives: Vec<String> = parts.iter().map(|part| part_pattern(part)).collect();
    // Longest first, so that a longer part is masked whole.
    let mut alternatives = alternatives;
    alternatives.sort_by_key(|a| std::cmp::Reverse(a.len()));
    Regex::new(&format!(r"(?i)\b(?:{})\b", alternatives.join("|"))).ok()
}

fn part_pattern(part: &str) -> String {
    let letters: Vec<char> = part.chars().collect();
    let declined = letters.len() >= DECLINED_FROM;
    let stem: &[char] = match letters.split_last() {
        Some((last, rest)) if declined && "аяоеёиыйьъуюә".contains(*last) => rest,
        _ => &letters,
    };
    let mut pattern: String = stem
        .iter()
        .map(|&c| match c {
            'е' | 'ё' => "[её]".to_string(),
            c => regex::escape(&c.to_string()),
        })
        .collect();
    if declined {
        pattern.push_str(r"\w{0,4}");
    }
    pattern
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_identifiers_and_only_identifiers() {
        let cases = [
            ("ИИН 900101300123, прошу помочь", "ИИН [IIN], прошу помочь"),
            ("звоните +7 701 234 56 78", "звоните [PHONE]"),
            ("тел. 8 (777) 123-45-67.", "тел. [PHONE]."),
            ("+77011234567", "[PHONE]"),
            ("8-701-123-45-67", "[PHONE]"),
            ("пишите на aliya.k@mail.kz", "пишите на [EMAIL]"),
            (
                "карта 4400 4301 2345 6789, спасибо",
                "карта [ACCOUNT], спасибо",
            ),
            ("карта 4400-4301-2345-6789", "карта [ACCOUNT]"),
            ("5169497123456789", "[ACCOUNT]"),
            ("счёт 12345678901234567890.", "счёт [ACCOUNT]."),
            ("IBAN KZ86 125K ZT50 0410 0100", "IBAN [ACCOUNT]"),
            ("KZ86125KZT5004100100", "[ACCOUNT]"),
            // 15 and 21 digits are neither a card nor an account.
            (
                "123456789012345 и 123456789012345678901",
                "123456789012345 и 123456789012345678901",
            ),
            // Not identifiers: a year, a sum, an appeal number, an 11- or 13-digit run.
            (
                "в 2022 году 150000 тенге, обращение 749022/1",
                "в 2022 году 150000 тенге, обращение 749022/1",
            ),
            ("12345678901 и 1234567890123", "12345678901 и 1234567890123"),
            ("дом 8, кв. 7", "дом 8, кв. 7"),
            // Landlines and mobiles the Kazakh way (issue 22).
            ("тел. 8 (7282) 24-11-05.", "тел. [PHONE]."),
            ("+7 (7282) 24-11-05", "[PHONE]"),
            ("8(7172)241105, 8 727 255 11 22", "[PHONE], [PHONE]"),
            ("87282241105 или 7282 24 11 05", "[PHONE] или [PHONE]"),
            ("+7-701-123-45-67 и 7011234567", "[PHONE] и [PHONE]"),
            ("8 (72841) 2-11-05", "[PHONE]"),
            // Accounts after KZ, and bare.
            ("счёт KZ12345678901234567890", "счёт [ACCOUNT]"),
            ("86125KZT5004100100 және", "[ACCOUNT] және"),
            // Ordinary numbers stay.
            (
                "от 05.09.2022 № 765824 на сумму 1 250 000 тенге, 2022-09-05",
                "от 05.09.2022 № 765824 на сумму 1 250 000 тенге, 2022-09-05",
            ),
        ];
        for (input, want) in cases {
            assert_eq!(redact(input), want, "{input}");
        }
    }

    #[test]
    fn the_authors_own_name_is_masked_in_its_texts_in_any_case() {
        let author = ["Ахметова Гульнара Маратовна"];
        let cases = [
            (
                "Гульнара Маратовна, ваш вопрос решён",
                "[NAME] [NAME], ваш вопрос решён",
            ),
            (
                "Уважаемая ГУЛЬНАРА МАРАТОВНА! Ответ Ахметовой Г.М. дан",
                "Уважаемая [NAME] [NAME]! Ответ [NAME] Г.М. дан",
            ),
            ("Гульнараға жауап берілді", "[NAME] жауап берілді"),
            // Other names and words stay.
            ("Гульмира Маратова, марат", "Гульмира Маратова, марат"),
        ];
        for (input, want) in cases {
            assert_eq!(redact_with_names(input, &author), want, "{input}");
        }
        // Short parts only as written: Ли masks Ли, not Лидия.
        assert_eq!(
            redact_with_names("Ли и Лидия", &["Ли Ен"]),
            "[NAME] и Лидия"
        );
        assert_eq!(redact_with_names("Гульнара", &[]), "Гульнара");
    }

    use proptest::prelude::*;

    /// A Kazakh phone number as people write it: the prefix, the code in brackets or not, and
    /// the digits parted by spaces, dashes or nothing.
    fn phone() -> impl Strategy<Value = String> {
        let code = prop_oneof![
            "7[0-9]{2}".prop_map(|c| (c, 7)),
            "7[0-9]{3}".prop_map(|c| (c, 6)),
            "7[0-9]{4}".prop_map(|c| (c, 5)),
        ];
        (
            prop_oneof![
                Just(""),
                Just("8"),
                Just("8 "),
                Just("+7"),
                Just("+7 "),
                Just("8-")
            ],
            code,
            any::<bool>(),
            prop::collection::vec(0u8..10, 7),
            prop::collection::vec(prop_oneof![Just(""), Just(" "), Just("-")], 7),
        )
            .prop_map(|(prefix, (code, rest), brackets, digits, seps)| {
                let code = if brackets {
                    format!("({code}) ")
                } else {
                    format!("{code} ")
                };
                let mut number = format!("{prefix}{code}");
                for i in 0..rest {
                    if i > 0 {
                        number.push_str(seps[i]);
                    }
                    number.push(char::from(b'0' + digits[i]));
                }
                number
            })
    }

    fn account() -> impl Strategy<Value = String> {
        prop_oneof![
            "KZ[0-9]{2}[0-9A-Z]{16}",
            "KZ[0-9]{2}( [0-9A-Z]{4}){4}",
            "KZ[0-9]{20}",
            "[0-9]{20}",
            "[0-9]{5}KZT[0-9]{10}",
        ]
    }

    /// A Russian or Kazakh sentence with `value` inside.
    fn sentence(value: String, which: usize) -> String {
        let sentences = [
            "Прошу перезвонить по номеру {} до 05.09.2022.",
            "Мой телефон: {}, обращение № 765824.",
            "{} — мой номер, сумма 150 000 тенге.",
            "Менің нөмірім {} , хабарласыңыз.",
            "Шот нөмірі {} арқылы 2022 жылы төленді.",
        ];
        sentences[which % sentences.len()].replace("{}", &value)
    }

    proptest! {
        #[test]
        fn no_phone_or_account_survives(
            phone in phone(),
            account in account(),
            which in 0usize..5,
        ) {
            for (value, mask) in [(phone, PHONE_MASK), (account, ACCOUNT_MASK)] {
                let text = sentence(value.clone(), which);
                let got = redact(&text);
                // Masked whole, and nothing else masked.
                prop_assert_eq!(&got, &sentence(mask.to_string(), which), "{}", text);
                // Dates, registration numbers and sums around it stay.
                for ordinary in ["05.09.2022", "765824", "150 000", "2022 жылы"] {
                    prop_assert!(got.contains(ordinary) || !text.contains(ordinary), "{got}");
                }
            }
        }

        #[test]
        fn no_name_part_of_the_author_survives(
            first in prop::sample::select(vec!["Гульнара", "Айгерим", "Бекболат", "Ержан", "Мария"]),
            patronymic in prop::sample::select(vec!["Маратовна", "Серикович", "Ивановна", ""]),
            surname in prop::sample::select(vec!["Ахметова", "Нурланов", "Смирнова", "Ким"]),
            upper in any::<bool>(),
            which in 0usize..4,
        ) {
            let author = format!("{surname} {first} {patronymic}");
            let named = format!("{first} {patronymic}").trim().to_string();
            let named = if upper { named.to_uppercase() } else { named };
            let texts = [
                format!("{named}, ваш вопрос решён 05.09.2022."),
                format!("Уважаемый(ая) {named}! По обращению № 765824 сообщаем."),
                format!("Құрметті {named}, сұрағыңыз шешілді."),
                format!("Заявитель {surname} {first} просит 150 000 тенге."),
            ];
            let text = &texts[which];
            let got = redact_with_names(text, &[&author]);
            for part in author.split_whitespace() {
                let lower = got.to_lowercase();
                prop_assert!(!lower.contains(&part.to_lowercase()), "{part}: {text} -> {got}");
            }
            for ordinary in ["05.09.2022", "765824", "150 000"] {
                prop_assert!(got.contains(ordinary) || !text.contains(ordinary), "{got}");
            }
        }
    }
}
