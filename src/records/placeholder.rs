//! The portal's placeholder sentences (records.md "Placeholder texts"): the text the portal
//! shows instead of an appeal it does not publish. One rule, read by the portal's card reader
//! and by the typing of every file, so that an appeal counts the same however it came in.

use std::sync::LazyLock;

use regex::Regex;

/// The extra column that carries the date a placeholder says the appeal was rejected on.
pub const REJECTED_AT: &str = "rejected_at";

/// What a placeholder sentence says of the appeal behind it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Placeholder {
    /// `… находится на рассмотрении у ГО`.
    Pending,
    /// `… отклонено ГО DD.MM.YYYY`, with the date when it is given.
    Rejected { on: Option<String> },
}

impl Placeholder {
    /// The status the portal meant, in the words `classify` knows.
    pub fn status(&self) -> &'static str {
        match self {
            Placeholder::Pending => "на рассмотрении",
            Placeholder::Rejected { .. } => "отклонено",
        }
    }

    /// The rejection's date `DD.MM.YYYY`, when the sentence gives one.
    pub fn rejected_on(&self) -> Option<&str> {
        match self {
            Placeholder::Rejected { on } => on.as_deref(),
            Placeholder::Pending => None,
        }
    }
}

/// The placeholder a text is, if it is the portal's sentence: `Обращение с регистрационным
/// номером N ... находится на рассмотрении у ГО` or `... отклонено ГО DD.MM.YYYY` (and the
/// Kazakh words for the same). A citizen's own text that merely says "на рассмотрении" is not.
pub fn placeholder(text: &str) -> Option<Placeholder> {
    static DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\d{1,2}\.\d{1,2}\.\d{4}").unwrap_or_else(|e| unreachable!("{e}"))
    });
    let lower = text.to_lowercase().replace('ё', "е");
    if !["регистрационным номером", "тіркеу нөмір"]
        .iter()
        .any(|w| lower.contains(w))
    {
        return None;
    }
    for word in ["отклонен", "қабылданбады", "кері қайтарыл"] {
        if let Some(at) = lower.find(word) {
            return Some(Placeholder::Rejected {
                on: DATE.find(&lower[at..]).map(|d| d.as_str().to_string()),
            });
        }
    }
    ["на рассмотрении", "қаралуда", "қарауда"]
        .iter()
        .any(|w| lower.contains(w))
        .then_some(Placeholder::Pending)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_portals_sentences_and_nothing_else() {
        for (text, expected) in [
            (
                "Обращение с регистрационным номером 5, направленное в Блог акима, находится на рассмотрении у ГО",
                Some(Placeholder::Pending),
            ),
            (
                "Обращение с регистрационным номером 5, направленное в Блог акима, отклонено ГО 27.01.2023",
                Some(Placeholder::Rejected {
                    on: Some("27.01.2023".into()),
                }),
            ),
            (
                "Тіркеу нөмірі 5 өтініш, Блогқа жіберілген, МО қабылданбады 27.01.2023",
                Some(Placeholder::Rejected {
                    on: Some("27.01.2023".into()),
                }),
            ),
            ("Мой вопрос находится на рассмотрении у суда", None),
            ("", None),
        ] {
            assert_eq!(placeholder(text), expected, "{text}");
        }
        assert_eq!(Placeholder::Pending.status(), "на рассмотрении");
    }
}
