//! Personal data in exports: `--redact` (and `export database`) masks 12-digit IIN/BIN numbers,
//! Kazakh phone numbers, e-mail addresses, and card and account numbers (16 to 20 digits, or a
//! KZ IBAN) in text, and nothing else.

use std::sync::OnceLock;

use regex::Regex;

pub const IIN_MASK: &str = "[IIN]";
pub const PHONE_MASK: &str = "[PHONE]";
pub const EMAIL_MASK: &str = "[EMAIL]";
pub const ACCOUNT_MASK: &str = "[ACCOUNT]";

struct Patterns {
    email: Regex,
    account: Regex,
    phone: Regex,
    iin: Regex,
}

fn patterns() -> &'static Patterns {
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    PATTERNS.get_or_init(|| Patterns {
        // The patterns are constants; a failure here is a bug caught by the tests below.
        email: Regex::new(r"(?i)\b[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}\b").expect("email pattern"),
        // A payment card (16 to 19 digits, often in groups of four), a 20-digit account, or a
        // Kazakh IBAN (KZ, two check digits, 16 letters or digits, in groups of four or not).
        account: Regex::new(
            r"(?i)\bKZ\d{2}(?:[ ]?[0-9A-Z]{4}){4}\b|\b\d{4}(?:[ \-]\d{4}){3}(?:[ \-]?\d{1,4})?\b|\b\d{16,20}\b",
        )
        .expect("account pattern"),
        // +7 7xx xxx xx xx or 8 7xx ..., with spaces, dashes or brackets between the groups;
        // 7xx covers mobile operators, 7 followed by a city code covers landlines (+7 7172 ...).
        phone: Regex::new(
            r"(?:\+7|\b8)[\s\-]?\(?7\d{2}\)?[\s\-]?\d[\s\-]?\d[\s\-]?\d[\s\-]?\d[\s\-]?\d[\s\-]?\d[\s\-]?\d\b",
        )
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
    let text = p.phone.replace_all(&text, PHONE_MASK);
    p.iin.replace_all(&text, IIN_MASK).into_owned()
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
        ];
        for (input, want) in cases {
            assert_eq!(redact(input), want, "{input}");
        }
    }
}
