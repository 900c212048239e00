//! The words of table and Markdown output in the run's language, put in at write time: column
//! names, the words that stand in cells (`few`, `stale`, routes, changes), figures with the
//! language's decimal sign. English is the rows as they are; csv, tsv, json and jsonl never
//! come here.

use std::borrow::Cow;

use serde_json::Value;

use super::{Rows, cell_text};
use crate::calendar::CalendarKind;
use crate::catalogue::{self, Vocabulary};
use crate::i18n::{Arg, Lang};
use crate::report::pct;
use crate::report::routing::RoutingRow;

/// The rows as people read them in `lang`.
pub fn for_people(rows: &Rows, lang: Lang) -> Cow<'_, Rows> {
    if lang == Lang::En {
        return Cow::Borrowed(rows);
    }
    // `check`'s rows come with their descriptions; other rows with problem codes get them here.
    let problem = rows
        .columns
        .iter()
        .position(|c| c == "problem")
        .filter(|_| !rows.columns.iter().any(|c| c == "description"));
    let mut columns: Vec<String> = rows.columns.iter().map(|c| column(c, lang)).collect();
    if let Some(at) = problem {
        columns.insert(at + 1, column("description", lang));
    }
    let values = rows
        .values
        .iter()
        .map(|row| {
            let mut cells: Vec<Value> = rows
                .columns
                .iter()
                .zip(row)
                .map(|(column, value)| cell(column, value, lang))
                .collect();
            if let Some(at) = problem {
                let code = cell_text(&row[at]);
                cells.insert(at + 1, problem_description(&code, lang).into());
            }
            cells
        })
        .collect();
    Cow::Owned(Rows { columns, values })
}

/// What a `check` problem code means, in `lang`.
pub fn problem_description(code: &str, lang: Lang) -> String {
    lang.tr(&format!("problem-{code}"), &[])
}

/// A column's name for people: its key in English.
pub fn column(key: &str, lang: Lang) -> String {
    lang.tr(&catalogue::label_key(key), &[])
}

/// One cell: a word of the reports' vocabulary translated, a figure in the language's form,
/// anything else (names, texts, codes) as it is.
pub fn cell(column: &str, value: &Value, lang: Lang) -> Value {
    match value {
        Value::Number(n) if n.is_f64() => Value::String(lang.figure(&n.to_string())),
        Value::String(text) => match catalogue::vocabulary(column) {
            Some(vocabulary) => Value::String(word(vocabulary, text, lang)),
            None => Value::String(lang.figure(text)),
        },
        other => other.clone(),
    }
}

/// `Routing (as of 2022-10-03)`: a report's title (`routing`, `forwards`, `silence`) with the date.
pub fn titled_as_of(report: &str, as_of: chrono::NaiveDate, lang: Lang) -> String {
    lang.tr(
        "titled-as-of",
        &[
            ("title", lang.tr(&format!("title-{report}"), &[]).into()),
            ("date", lang.date(as_of).into()),
        ],
    )
}

/// The deadline rule in force, in words: the weekly report's methodology note and the
/// methodology page say it alike.
pub fn deadline_rule(calendar: CalendarKind, deadline_days: Option<u32>, lang: Lang) -> String {
    let calendar = match calendar {
        CalendarKind::Kz => lang.tr("calendar-kz", &[]),
        CalendarKind::MonFri => lang.tr("calendar-mon-fri", &[]),
    };
    match deadline_days {
        Some(n) => lang.tr(
            "deadline-days",
            &[("n", n.into()), ("calendar", calendar.into())],
        ),
        None => lang.tr("deadline-law", &[("calendar", calendar.into())]),
    }
}

/// A word of the reports' vocabulary (`value-route-forwarded`...), in `lang`; a value that is
/// no word of it (a name, a status as the source wrote it) as it is.
pub fn word(vocabulary: Vocabulary, value: &str, lang: Lang) -> String {
    let key = format!("value-{}-{value}", vocabulary.area());
    if lang.has(&key) {
        lang.tr(&key, &[])
    } else {
        value.to_string()
    }
}

/// One sentence a reporter can paste: who received how many appeals and what became of them.
pub fn summary_sentence(row: &RoutingRow, lang: Lang) -> String {
    let share = |n: u64| {
        pct(n, row.appeals)
            .map(|p| format!(" ({})", lang.percent(p)))
            .unwrap_or_default()
    };
    let count = |n: u64| Arg::from(n);
    let mut sentence = lang.tr(
        "summary-head",
        &[
            ("name", row.addressee.clone().into()),
            ("n", count(row.appeals)),
            ("personal", count(row.personal)),
            ("personal_share", share(row.personal).into()),
            ("forwarded", count(row.forwarded)),
            ("forwarded_share", share(row.forwarded).into()),
            ("unanswered", count(row.unanswered)),
        ],
    );
    if row.unknown > 0 {
        sentence.push_str(&lang.tr("summary-unknown", &[("n", count(row.unknown))]));
    }
    if row.rejected > 0 {
        sentence.push_str(&lang.tr("summary-rejected", &[("n", count(row.rejected))]));
    }
    sentence.push_str(&lang.tr("summary-tail", &[("n", count(row.overdue))]));
    sentence
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(appeals: u64) -> RoutingRow {
        RoutingRow {
            addressee: "Исабаев Бейбит Бакирович".into(),
            appeals,
            personal: 1,
            forwarded: appeals - 1,
            ..Default::default()
        }
    }

    #[test]
    fn english_sentences_are_as_they_were() {
        assert_eq!(
            summary_sentence(&row(1), Lang::En),
            "Исабаев Бейбит Бакирович received 1 appeal: 1 answered personally (100.0%), 0 \
             forwarded (0.0%), 0 unanswered; 0 overdue."
        );
        let mut r = row(13);
        r.unknown = 2;
        r.rejected = 1;
        r.overdue = 3;
        assert_eq!(
            summary_sentence(&r, Lang::En),
            "Исабаев Бейбит Бакирович received 13 appeals: 1 answered personally (7.7%), 12 \
             forwarded (92.3%), 0 unanswered, 2 answered by an unnamed author, 1 rejected; 3 \
             overdue."
        );
    }

    #[test]
    fn russian_counts_take_their_plural_form() {
        for (n, words) in [
            (1, "1 обращение"),
            (2, "2 обращения"),
            (5, "5 обращений"),
            (11, "11 обращений"),
            (21, "21 обращение"),
        ] {
            let sentence = summary_sentence(&row(n), Lang::Ru);
            assert!(
                sentence.contains(&format!("поступило {words};")),
                "{sentence}"
            );
        }
        for n in [1, 5] {
            let sentence = summary_sentence(&row(n), Lang::Kk);
            assert!(
                sentence.contains(&format!(": {n} өтініш түсті")),
                "{sentence}"
            );
        }
    }

    #[test]
    fn words_figures_and_problems_for_people() {
        let rows = Rows {
            columns: vec![
                "problem".into(),
                "note".into(),
                "median_days_to_answer".into(),
            ],
            values: vec![vec![
                "unmatched_name".into(),
                "few".into(),
                serde_json::json!(11.0),
            ]],
        };
        let ru = for_people(&rows, Lang::Ru);
        assert_eq!(ru.columns[0], "Проблема (код)");
        assert_eq!(ru.values[0][0], "unmatched_name");
        assert_eq!(ru.values[0][1], "Имени нет в справочнике.");
        assert_eq!(ru.values[0][2], "мало данных");
        assert_eq!(ru.values[0][3], "11,0");
        assert!(matches!(for_people(&rows, Lang::En), Cow::Borrowed(_)));
    }

    /// Issue 22's reading in Russian and Kazakh: one name for the category of an answer by
    /// nobody named, a sentence for no personal answer, counts before the noun.
    #[test]
    fn the_wording_native_readers_asked_for() {
        let mut none = row(5);
        none.personal = 0;
        none.forwarded = 5;
        assert!(
            summary_sentence(&none, Lang::Ru)
                .contains("лично не ответил ни на одно, перенаправлено 5"),
            "{}",
            summary_sentence(&none, Lang::Ru)
        );
        assert!(
            summary_sentence(&none, Lang::Kk)
                .contains("жеке жауап берілген өтініш жоқ, 5 өтініш жолданды"),
            "{}",
            summary_sentence(&none, Lang::Kk)
        );
        assert!(summary_sentence(&row(5), Lang::Ru).contains("лично ответили на 1 (20,0 %)"));
        let weeks = [("weeks", Arg::from(12u64))];
        assert_eq!(Lang::Ru.tr("html-trend-h", &weeks), "Последние 12 недель");
        assert_eq!(Lang::Kk.tr("html-trend-h", &weeks), "Соңғы 12 апта");
        let top = [("k", Arg::from(5u64))];
        assert!(
            Lang::Ru
                .tr("html-top", &top)
                .contains("5 главных адресатов")
        );
        assert!(
            Lang::Kk
                .tr("html-top", &top)
                .contains("ең көп жолданған 5 адресат")
        );
        for (lang, name) in [
            (Lang::Ru, "автор ответа неизвестен"),
            (Lang::Kk, "жауап авторы белгісіз"),
        ] {
            assert_eq!(lang.tr("col-unknown", &[]).to_lowercase(), name);
            assert_eq!(lang.tr("value-route-unknown", &[]), name);
            assert_eq!(lang.tr("html-route-unknown", &[]), name);
            let mut unknown = row(5);
            unknown.unknown = 2;
            assert!(summary_sentence(&unknown, lang).contains(name), "{lang:?}");
        }
    }
}
