//! Figures and dates as each language writes them: `5.6%` and `2022-10-03` in English (as the
//! tool always wrote them), `5,6 %` and `3 октября 2022 г.` in Russian, `5,6%` and
//! `2022 жылғы 3 қазан` in Kazakh.

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use super::Lang;

const RU_MONTHS: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
const KK_MONTHS: [&str; 12] = [
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
];

impl Lang {
    /// A number with one decimal: `5.6`, `5,6`.
    pub fn decimal(self, x: f64) -> String {
        let text = format!("{x:.1}");
        match self {
            Lang::En => text,
            Lang::Ru | Lang::Kk => text.replace('.', ","),
        }
    }

    /// A percentage with one decimal: `5.6%`, `5,6 %` (Russian sets the sign apart), `5,6%`.
    pub fn percent(self, x: f64) -> String {
        self.with_percent_sign(self.decimal(x))
    }

    /// A whole percentage, as on a chart's scale: `25%`, `25 %`.
    pub fn whole_percent(self, x: f64) -> String {
        self.with_percent_sign(format!("{x:.0}"))
    }

    fn with_percent_sign(self, number: String) -> String {
        match self {
            Lang::Ru => format!("{number} %"),
            Lang::En | Lang::Kk => format!("{number}%"),
        }
    }

    /// A date in running text.
    pub fn date(self, d: NaiveDate) -> String {
        let (day, month, year) = (d.day(), d.month0() as usize, d.year());
        match self {
            Lang::En => d.to_string(),
            Lang::Ru => format!("{day} {} {year} г.", RU_MONTHS[month]),
            Lang::Kk => format!("{year} жылғы {day} {}", KK_MONTHS[month]),
        }
    }

    /// Two dates as a span: `2022-09-19 to 2022-09-25`, `19–25 сентября 2022 г.`,
    /// `2022 жылғы 19–25 қыркүйек`; the shared month and year are written once.
    pub fn period(self, since: NaiveDate, until: NaiveDate) -> String {
        let same_year = since.year() == until.year();
        let same_month = same_year && since.month() == until.month();
        let (d1, d2, year) = (since.day(), until.day(), until.year());
        let (m1, m2) = (since.month0() as usize, until.month0() as usize);
        match self {
            Lang::En => format!("{since} to {until}"),
            Lang::Ru if same_month => format!("{d1}–{d2} {} {year} г.", RU_MONTHS[m2]),
            Lang::Ru if same_year => {
                format!("{d1} {} – {d2} {} {year} г.", RU_MONTHS[m1], RU_MONTHS[m2])
            }
            Lang::Kk if same_month => format!("{year} жылғы {d1}–{d2} {}", KK_MONTHS[m2]),
            Lang::Kk if same_year => {
                format!(
                    "{year} жылғы {d1} {} – {d2} {}",
                    KK_MONTHS[m1], KK_MONTHS[m2]
                )
            }
            Lang::Ru | Lang::Kk => format!("{} – {}", self.date(since), self.date(until)),
        }
    }

    /// A figure the reports wrote in English form (`5.6% (1.5–18.1)`, `66.7%`, `14.0 (n=24)`,
    /// `12 (↑3)`), in this language's; any other text as it is, so that a name never changes.
    pub fn figure(self, text: &str) -> String {
        static FIGURE: OnceLock<Option<Regex>> = OnceLock::new();
        let pattern = FIGURE.get_or_init(|| {
            Regex::new(r"^-?\d+(\.\d+)?%?( \((n=\d+|-?\d+(\.\d+)?–-?\d+(\.\d+)?|[↑↓]\d+|=)\))?$")
                .ok()
        });
        if self == Lang::En || !pattern.as_ref().is_some_and(|p| p.is_match(text)) {
            return text.to_string();
        }
        let text = text.replace('.', ",");
        match self {
            Lang::Ru => text.replace('%', " %"),
            _ => text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn numbers_by_language() {
        assert_eq!(Lang::En.percent(5.6), "5.6%");
        assert_eq!(Lang::Ru.percent(5.6), "5,6 %");
        assert_eq!(Lang::Kk.percent(5.6), "5,6%");
        assert_eq!(Lang::Ru.decimal(14.0), "14,0");
        assert_eq!(Lang::En.whole_percent(25.0), "25%");
        assert_eq!(Lang::Ru.whole_percent(37.5), "38 %");
    }

    #[test]
    fn dates_by_language() {
        let d = day("2022-10-03");
        assert_eq!(Lang::En.date(d), "2022-10-03");
        assert_eq!(Lang::Ru.date(d), "3 октября 2022 г.");
        assert_eq!(Lang::Kk.date(d), "2022 жылғы 3 қазан");
        let (a, b) = (day("2022-09-19"), day("2022-09-25"));
        assert_eq!(Lang::En.period(a, b), "2022-09-19 to 2022-09-25");
        assert_eq!(Lang::Ru.period(a, b), "19–25 сентября 2022 г.");
        assert_eq!(Lang::Kk.period(a, b), "2022 жылғы 19–25 қыркүйек");
        let c = day("2022-10-02");
        assert_eq!(Lang::Ru.period(a, c), "19 сентября – 2 октября 2022 г.");
        assert_eq!(Lang::Kk.period(a, c), "2022 жылғы 19 қыркүйек – 2 қазан");
        assert_eq!(
            Lang::Ru.period(day("2021-12-27"), day("2022-01-02")),
            "27 декабря 2021 г. – 2 января 2022 г."
        );
    }

    #[test]
    fn figures_change_and_names_do_not() {
        assert_eq!(Lang::Ru.figure("5.6% (1.5–18.1)"), "5,6 % (1,5–18,1)");
        assert_eq!(Lang::Kk.figure("5.6% (1.5–18.1)"), "5,6% (1,5–18,1)");
        assert_eq!(Lang::Ru.figure("14.0 (n=24)"), "14,0 (n=24)");
        assert_eq!(Lang::Ru.figure("12 (↑3)"), "12 (↑3)");
        assert_eq!(Lang::En.figure("5.6%"), "5.6%");
        for name in ["Ул. 8.5 км", "1.5 Main St", "2022-10-03", "v1.2.3"] {
            assert_eq!(Lang::Ru.figure(name), name);
        }
    }
}
