//! Dates as scrapers write them: ISO 8601, day-first with dots, and day-month-year with Russian,
//! Kazakh or English month names, with an optional weekday before and `г.`/`ж.` after. Anything
//! ambiguous (`03/10/2022`) is refused unless the user gives a pattern.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateValue {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
}

impl DateValue {
    /// `YYYY-MM-DD`, with ` HH:MM` when there is a time (and `:SS` when seconds are not zero).
    pub fn to_iso(self) -> String {
        // Written by hand: chrono's strftime parser showed in import profiles.
        let d = self.date;
        let date = format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day());
        match self.time {
            None => date,
            Some(t) if t.second() == 0 => format!("{date} {:02}:{:02}", t.hour(), t.minute()),
            Some(t) => format!("{date} {:02}:{:02}:{:02}", t.hour(), t.minute(), t.second()),
        }
    }
}

/// Years a scraped appeal can plausibly carry; anything else is a typo or a broken scrape.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// Month names by number, every accepted spelling (lower case, `ё` as `е`, a trailing dot
/// dropped): Russian nominative, genitive and short forms; Kazakh; English.
const MONTHS: [&[&str]; 12] = [
    &["январь", "января", "янв", "қаңтар", "қаң", "january", "jan"],
    &[
        "февраль",
        "февраля",
        "фев",
        "февр",
        "ақпан",
        "ақп",
        "february",
        "feb",
    ],
    &["март", "марта", "мар", "наурыз", "нау", "march", "mar"],
    &["апрель", "апреля", "апр", "сәуір", "сәу", "april", "apr"],
    &["май", "мая", "мамыр", "мам", "may"],
    &["июнь", "июня", "июн", "маусым", "мау", "june", "jun"],
    &["июль", "июля", "июл", "шілде", "шіл", "july", "jul"],
    &["август", "августа", "авг", "тамыз", "там", "august", "aug"],
    &[
        "сентябрь",
        "сентября",
        "сен",
        "сент",
        "қыркүйек",
        "қыр",
        "september",
        "sep",
        "sept",
    ],
    &[
        "октябрь",
        "октября",
        "окт",
        "қазан",
        "қаз",
        "october",
        "oct",
    ],
    &[
        "ноябрь",
        "ноября",
        "ноя",
        "нояб",
        "қараша",
        "қар",
        "november",
        "nov",
    ],
    &[
        "декабрь",
        "декабря",
        "дек",
        "желтоқсан",
        "жел",
        "december",
        "dec",
    ],
];

/// Weekday names that may lead a date; skipped.
const WEEKDAYS: &[&str] = &[
    "понедельник",
    "вторник",
    "среда",
    "четверг",
    "пятница",
    "суббота",
    "воскресенье",
    "пн",
    "вт",
    "ср",
    "чт",
    "пт",
    "сб",
    "вс",
    "дүйсенбі",
    "сейсенбі",
    "сәрсенбі",
    "бейсенбі",
    "жұма",
    "сенбі",
    "жексенбі",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
];

/// Parses every date form of the record contract.
pub fn parse_date(input: &str) -> Result<DateValue, String> {
    let text = input.trim();
    if text.is_empty() {
        return Err("empty".into());
    }
    if text.len() > 100 {
        return Err("not a date (too long)".into());
    }
    let value =
        if text.as_bytes()[0].is_ascii_digit() && text.len() >= 10 && text.as_bytes()[4] == b'-' {
            parse_iso(text)?
        } else if text.contains('/') {
            return Err(
                "ambiguous day and month: write 03.10.2022 or 2022-10-03, or give --date-format"
                    .into(),
            );
        } else {
            parse_words(text)?
        };
    if !YEARS.contains(&value.date.year()) {
        return Err(format!(
            "year {} is out of range (1900–2100): check the date",
            value.date.format("%Y")
        ));
    }
    Ok(value)
}

/// `YYYY-MM-DD` exactly, by hand: the hot path of every import and report.
pub fn iso_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        b[range].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(digits(0..4)? as i32, digits(5..7)?, digits(8..10)?)
}

/// Parses with a chrono strftime pattern (`--date-format`), with or without a time.
pub fn parse_date_with(input: &str, pattern: &str) -> Result<DateValue, String> {
    let text = input.trim();
    if let Ok(dt) = NaiveDateTime::parse_from_str(text, pattern) {
        return Ok(DateValue {
            date: dt.date(),
            time: Some(dt.time()),
        });
    }
    NaiveDate::parse_from_str(text, pattern)
        .map(|date| DateValue { date, time: None })
        .map_err(|e| format!("does not match --date-format {pattern:?} ({e})"))
}

/// `2022-10-03`, `2022-10-03 16:15`, `2022-10-03T16:15:00+06:00`, `...Z`, fractions of seconds.
/// The offset is dropped: the local date and time as written are what the source showed.
fn parse_iso(text: &str) -> Result<DateValue, String> {
    // The caller checked for ASCII digits and dashes, but byte 10 may still fall inside a
    // multi-byte character of a broken value.
    let (Some(date_part), Some(rest)) = (text.get(..10), text.get(10..)) else {
        return Err("not a date".into());
    };
    let date = iso_date(date_part).ok_or_else(|| "no such day".to_string())?;
    let rest = rest.trim_start_matches(['T', 't', ' ']);
    if rest.is_empty() {
        return Ok(DateValue { date, time: None });
    }
    // Cut an offset or Z after the time.
    let time_text = match rest
        .find(['+', 'Z', 'z'])
        // A dash after the first character starts a negative offset (`-03:00`).
        .or_else(|| rest.get(1..)?.find('-').map(|i| i + 1))
    {
        Some(i) => &rest[..i],
        None => rest,
    };
    Ok(DateValue {
        date,
        time: Some(parse_time(time_text.trim())?),
    })
}

/// `16:15`, `16:15:00`, `16:15:00.123`; 24:00 and beyond are errors.
fn parse_time(text: &str) -> Result<NaiveTime, String> {
    let base = text.split('.').next().unwrap_or("");
    let parts: Vec<&str> = base.split(':').collect();
    let number = |s: &str| -> Result<u32, String> {
        if s.is_empty() || s.len() > 2 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!("no such time {text:?}"));
        }
        s.parse().map_err(|_| format!("no such time {text:?}"))
    };
    let (h, m, s) = match parts.as_slice() {
        [h, m] => (number(h)?, number(m)?, 0),
        [h, m, s] => (number(h)?, number(m)?, number(s)?),
        _ => return Err(format!("no such time {text:?}")),
    };
    NaiveTime::from_hms_opt(h, m, s).ok_or_else(|| format!("no such time {text:?}"))
}

/// Day-first forms: `03.10.2022[ 16:15]`, `03.10.2022, 16:15`, `3 октября 2022 г.`,
/// `Понедельник, 03 Окт 2022, 16:15`, `2022 жылғы 3 қазан`, `3 Oct 2022`.
fn parse_words(text: &str) -> Result<DateValue, String> {
    let lowered = text.to_lowercase().replace('ё', "е");
    let mut tokens: Vec<&str> = lowered
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .collect();
    if tokens
        .first()
        .is_some_and(|t| WEEKDAYS.contains(&t.trim_end_matches('.')))
    {
        tokens.remove(0);
    }
    if tokens
        .last()
        .is_some_and(|t| matches!(*t, "г." | "г" | "ж." | "ж" | "года" | "жыл"))
    {
        tokens.pop();
    }
    let (time, tokens) = match tokens.split_last() {
        Some((last, rest)) if last.contains(':') => (Some(parse_time(last)?), rest.to_vec()),
        _ => (None, tokens),
    };
    let (day, month, year) = match tokens.as_slice() {
        [dotted] if dotted.contains('.') => {
            let parts: Vec<&str> = dotted.split('.').collect();
            match parts.as_slice() {
                [d, m, y] => (number(d)?, number(m)?, year(y)?),
                _ => return Err("not a date".into()),
            }
        }
        [d, m, y] => (number(d)?, month(m)?, year(y)?),
        [y, "жылғы", d, m] => (number(d)?, month(m)?, year(y)?),
        [_, _] => return Err("no year: write the year, e.g. 3 Oct 2022".into()),
        _ => return Err("not a date".into()),
    };
    let date =
        NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| "no such day".to_string())?;
    Ok(DateValue { date, time })
}

fn number(token: &str) -> Result<u32, String> {
    if token.is_empty() || token.len() > 2 || !token.bytes().all(|b| b.is_ascii_digit()) {
        return Err("not a date".into());
    }
    token.parse().map_err(|_| "not a date".into())
}

fn year(token: &str) -> Result<i32, String> {
    let token = token.trim_end_matches(['г', 'ж', '.']);
    if token.len() != 4 || !token.bytes().all(|b| b.is_ascii_digit()) {
        return Err("not a date: the year must have four digits".into());
    }
    token.parse().map_err(|_| "not a date".into())
}

fn month(token: &str) -> Result<u32, String> {
    let token = token.trim_end_matches('.');
    MONTHS
        .iter()
        .position(|names| names.contains(&token))
        .map(|i| i as u32 + 1)
        .ok_or_else(|| format!("unknown month {token:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The contract's examples, copied from shared/spec/cases.
    const CASES: &str = include_str!("../../tests/cases/dates.csv");

    #[test]
    fn contract_cases() {
        let mut reader = csv::Reader::from_reader(CASES.as_bytes());
        let mut seen = 0;
        for record in reader.records() {
            let record = record.unwrap();
            let (input, date, time) = (&record[0], &record[1], &record[2]);
            let parsed = parse_date(input);
            if date.is_empty() {
                assert!(
                    parsed.is_err(),
                    "{input:?} should be an error, got {parsed:?}"
                );
            } else {
                let value = parsed.unwrap_or_else(|e| panic!("{input:?}: {e}"));
                assert_eq!(value.date.to_string(), date, "{input:?}");
                let want_time = (!time.is_empty()).then(|| time.to_string());
                assert_eq!(
                    value.time.map(|t| t.format("%H:%M").to_string()),
                    want_time,
                    "{input:?}"
                );
            }
            seen += 1;
        }
        assert!(seen >= 30);
    }

    #[test]
    fn more_forms() {
        let cases = [
            ("2022-10-03T16:15:30Z", "2022-10-03 16:15:30"),
            ("2022-10-03T16:15:00.250-03:00", "2022-10-03 16:15"),
            ("2022-10-03 00:00", "2022-10-03 00:00"),
            ("03 ОКТЯБРЯ 2022", "2022-10-03"),
            ("1 Январь 2023", "2023-01-01"),
            ("28 февр. 2023", "2023-02-28"),
            ("9 мая 2022 года", "2022-05-09"),
            ("12 маусым 2022 ж.", "2022-06-12"),
            ("1 қаңтар 2022", "2022-01-01"),
            ("2021 жылғы 16 желтоқсан", "2021-12-16"),
            ("Sunday, 2 October 2022, 09:05", "2022-10-02 09:05"),
            ("15 Sept 2022", "2022-09-15"),
            ("Ср, 05 Окт 2022", "2022-10-05"),
            ("03.10.2022 г.", "2022-10-03"),
        ];
        for (input, want) in cases {
            assert_eq!(
                parse_date(input).map(|v| v.to_iso()),
                Ok(want.to_string()),
                "{input:?}"
            );
        }
    }

    #[test]
    fn refusals() {
        for input in [
            "",
            "   ",
            "3 Oct",
            "Oct 2022",
            "2022",
            "1899-12-31",
            "2101-01-01",
            "03.10.22",
            "3 мартобря 2022",
            "2022-13-01",
            "2022-10-03T24:00",
            "2022-10-03 16:60",
            "32 мая 2022",
            "0.10.2022",
            "03.10.2022 16",
            "💥",
            "3 Oct 2022 extra",
            "10/03/2022",
        ] {
            assert!(
                parse_date(input).is_err(),
                "{input:?} parsed as {:?}",
                parse_date(input)
            );
        }
        assert!(parse_date(&"9".repeat(100_000)).is_err());
        // Multi-byte characters where the ISO form expects ASCII: an error, never a panic.
        for broken in [
            "2022-10-0ё",
            "2022-10-03ё",
            "2022-10-03Tё",
            "2022-1ё-03",
            "2022-10-03 ёё:15",
        ] {
            assert!(parse_date(broken).is_err(), "{broken:?}");
        }
    }

    #[test]
    fn patterns() {
        assert_eq!(
            parse_date_with("10/03/2022", "%m/%d/%Y").unwrap().to_iso(),
            "2022-10-03"
        );
        assert_eq!(
            parse_date_with("03/10/2022 16:15", "%d/%m/%Y %H:%M")
                .unwrap()
                .to_iso(),
            "2022-10-03 16:15"
        );
        assert!(parse_date_with("2022-10-03", "%d/%m/%Y").is_err());
    }
}
