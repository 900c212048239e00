//! Dates as the record contract allows them: ISO 8601, day-first with dots, and day-month-year
//! with Russian, Kazakh or English month names (an optional weekday before, `г.`/`ж.` after).
//! Anything ambiguous (`03/10/2022`) or implausible is refused with a typed reason, which the
//! user reads in the run's language (`DateError::words`).

use std::fmt;
use std::ops::RangeInclusive;

use chrono::format::ParseErrorKind;
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

use crate::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateValue {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
}

impl DateValue {
    /// "YYYY-MM-DD", or "YYYY-MM-DD HH:MM" when there is a time, "YYYY-MM-DD HH:MM:SS" when seconds are non-zero.
    pub fn to_iso(self) -> String {
        // Written by hand: chrono's strftime machinery showed in import profiles.
        let d = self.date;
        let date = format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day());
        match self.time {
            None => date,
            Some(t) if t.second() == 0 => format!("{date} {:02}:{:02}", t.hour(), t.minute()),
            Some(t) => format!("{date} {:02}:{:02}:{:02}", t.hour(), t.minute(), t.second()),
        }
    }
}

/// Years a scraped record can plausibly carry; anything else is a typo or a broken scrape.
const YEARS: RangeInclusive<i32> = 1900..=2100;

/// Longer input is not a date; refusing it early keeps the work per value small.
const MAX_LEN: usize = 200;

/// Why a text is not a date of the record contract. The words for each are in
/// `locales/*/import.ftl` (`date-…`); English is what `Display` writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    Empty,
    TooLong,
    NotADate,
    /// `03/10/2022`: the third of October or the tenth of March.
    Ambiguous,
    NoYear,
    UnknownMonth(String),
    /// `03.10.22`.
    ShortYear,
    YearOutOfRange(i32),
    NoSuchDay,
    NotATime(String),
    NoSuchTime(String),
    BadOffset(String),
    /// The value does not match the `--date-format` pattern, as chrono tells it.
    Mismatch(ParseErrorKind),
    /// The value read neither with the `--date-format` pattern nor as the contract's forms:
    /// the pattern's reason.
    WithPattern {
        pattern: String,
        reason: Box<DateError>,
    },
}

impl DateError {
    /// The reason in `lang`'s words.
    pub fn words(&self, lang: Lang) -> String {
        let quoted = |text: &str| format!("{text:?}");
        match self {
            DateError::Empty => lang.tr("date-empty", &[]),
            DateError::TooLong => lang.tr("date-too-long", &[]),
            DateError::NotADate => lang.tr("date-not-a-date", &[]),
            DateError::Ambiguous => lang.tr("date-ambiguous", &[]),
            DateError::NoYear => lang.tr("date-no-year", &[]),
            DateError::UnknownMonth(month) => {
                lang.tr("date-unknown-month", &[("month", quoted(month).into())])
            }
            DateError::ShortYear => lang.tr("date-short-year", &[]),
            DateError::YearOutOfRange(year) => lang.tr(
                "date-year-out-of-range",
                &[
                    ("year", format!("{year:04}").into()),
                    ("first", YEARS.start().to_string().into()),
                    ("last", YEARS.end().to_string().into()),
                ],
            ),
            DateError::NoSuchDay => lang.tr("date-no-such-day", &[]),
            DateError::NotATime(time) => {
                lang.tr("date-not-a-time", &[("time", quoted(time).into())])
            }
            DateError::NoSuchTime(time) => {
                lang.tr("date-no-such-time", &[("time", quoted(time).into())])
            }
            DateError::BadOffset(offset) => {
                lang.tr("date-bad-offset", &[("offset", quoted(offset).into())])
            }
            DateError::Mismatch(kind) => {
                let detail = match kind {
                    ParseErrorKind::OutOfRange => "date-mismatch-out-of-range",
                    ParseErrorKind::Impossible => "date-mismatch-impossible",
                    ParseErrorKind::NotEnough => "date-mismatch-not-enough",
                    ParseErrorKind::Invalid => "date-mismatch-invalid",
                    ParseErrorKind::TooShort => "date-mismatch-too-short",
                    ParseErrorKind::TooLong => "date-mismatch-too-long",
                    ParseErrorKind::BadFormat => "date-mismatch-bad-format",
                    _ => "date-mismatch-other",
                };
                let detail = lang.tr(detail, &[]);
                lang.tr("date-mismatch", &[("detail", detail.into())])
            }
            DateError::WithPattern { pattern, reason } => lang.tr(
                "date-with-pattern",
                &[
                    ("reason", reason.words(lang).into()),
                    ("pattern", pattern.clone().into()),
                ],
            ),
        }
    }
}

/// In English, as the --rejects file and the logs keep it.
impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words(Lang::En))
    }
}

impl std::error::Error for DateError {}

/// Month spellings by month number, separated by spaces: lower case, `ё` written `е`, no
/// trailing dot. Russian nominative, genitive and short; Kazakh full and short; English.
const MONTHS: [&str; 12] = [
    "январь января янв қаңтар қаң january jan",
    "февраль февраля фев февр ақпан ақп february feb",
    "март марта мар наурыз нау march mar",
    "апрель апреля апр сәуір сәу april apr",
    "май мая мамыр мам may",
    "июнь июня июн маусым мау june jun",
    "июль июля июл шілде шіл july jul",
    "август августа авг тамыз там august aug",
    "сентябрь сентября сен сент қыркүйек қыр september sep sept",
    "октябрь октября окт қазан қаз october oct",
    "ноябрь ноября ноя нояб қараша қар november nov",
    "декабрь декабря дек желтоқсан жел december dec",
];

/// Weekday spellings that may lead a date (with a comma after). They are skipped, not checked.
const WEEKDAYS: [&str; 7] = [
    "понедельник пн дүйсенбі дс monday mon",
    "вторник вт сейсенбі сс tuesday tue tues",
    "среда ср сәрсенбі wednesday wed",
    "четверг чт бейсенбі бс thursday thu thur thurs",
    "пятница пт жұма жм friday fri",
    "суббота сб сенбі saturday sat",
    "воскресенье вс жексенбі жс sunday sun",
];

/// Words that may follow the year: `г.`/`года` (Russian), `ж.` (Kazakh).
const YEAR_MARKERS: [&str; 5] = ["г.", "г", "года", "ж.", "ж"];

/// Reads every date form of the record contract, or says why the text is not one.
pub fn read_date(input: &str) -> Result<DateValue, DateError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(DateError::Empty);
    }
    if text.len() > MAX_LEN {
        return Err(DateError::TooLong);
    }
    let b = text.as_bytes();
    if b.len() >= 5 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-' {
        parse_iso(text)
    } else {
        parse_words(text)
    }
}

/// `read_date` with its reason in English words, for the callers that print it as it is (the
/// portal reader's page checks, `fetch --scraped-at`) until they speak the run's language.
pub fn parse_date(input: &str) -> Result<DateValue, String> {
    read_date(input).map_err(|e| e.to_string())
}

/// Reads with a user-given chrono strftime pattern (the --date-format option), e.g. "%d/%m/%Y"
/// or "%m/%d/%Y %H:%M". Date-only patterns give time None. Leading/trailing whitespace trimmed.
pub fn read_date_with(input: &str, pattern: &str) -> Result<DateValue, DateError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(DateError::Empty);
    }
    let mismatch = |e: chrono::ParseError| DateError::Mismatch(e.kind());
    let value = match NaiveDateTime::parse_from_str(text, pattern) {
        Ok(dt) => DateValue {
            date: dt.date(),
            time: Some(whole_seconds(dt.time())),
        },
        // The pattern has no time: read a date alone.
        Err(e) if e.kind() == ParseErrorKind::NotEnough => {
            let date = NaiveDate::parse_from_str(text, pattern).map_err(mismatch)?;
            DateValue { date, time: None }
        }
        Err(e) => return Err(mismatch(e)),
    };
    check_year(value.date.year())?;
    Ok(value)
}

/// `YYYY-MM-DD` exactly, by hand, with no range check: the hot path for dates already stored.
pub fn iso_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || !b.is_ascii() || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (y, m, d) = (
        digits(&text[..4], 4)?,
        digits(&text[5..7], 2)?,
        digits(&text[8..], 2)?,
    );
    NaiveDate::from_ymd_opt(y as i32, m, d)
}

/// `2022-10-03`, `2022-10-03 16:15`, `2022-10-03T16:15:00.250+06:00`, `...Z`. The offset is
/// checked and dropped: the local date and time as written are what the source showed.
fn parse_iso(text: &str) -> Result<DateValue, DateError> {
    let b = text.as_bytes();
    // Ten ASCII bytes first, so that slicing inside them and at 10 is on character boundaries.
    if b.len() < 10 || !b[..10].is_ascii() || b[7] != b'-' {
        return Err(DateError::NotADate);
    }
    let number = |range: std::ops::Range<usize>| digits(&text[range], 2).ok_or(DateError::NotADate);
    let date = make_date(
        digits(&text[..4], 4).ok_or(DateError::NotADate)?,
        number(5..7)?,
        number(8..10)?,
    )?;
    let rest = &text[10..];
    if rest.is_empty() {
        return Ok(DateValue { date, time: None });
    }
    let clock = match rest.strip_prefix(['T', 't']) {
        Some(clock) => clock,
        None if rest.starts_with(char::is_whitespace) => rest.trim_start(),
        None => return Err(DateError::NotADate),
    };
    let (clock, offset) = clock.split_at(clock.find(['+', '-', 'Z', 'z']).unwrap_or(clock.len()));
    if !is_offset(offset) {
        return Err(DateError::BadOffset(offset.to_string()));
    }
    let time = parse_time(clock, true)?;
    Ok(DateValue {
        date,
        time: Some(time),
    })
}

/// ``, `Z`, `+06`, `+0600`, `+06:00`, `-03:00`.
fn is_offset(offset: &str) -> bool {
    let Some(hhmm) = offset.strip_prefix(['+', '-']) else {
        return matches!(offset, "" | "Z" | "z");
    };
    let (hours, minutes) = match hhmm.len() {
        2 => (hhmm, "00"),
        4 if hhmm.is_ascii() => hhmm.split_at(2),
        5 => match hhmm.split_once(':') {
            Some((h, m)) => (h, m),
            None => return false,
        },
        _ => return false,
    };
    digits(hours, 2).is_some_and(|h| h <= 23) && digits(minutes, 2).is_some_and(|m| m <= 59)
}

/// `16:15`, `16:15:00`, and in ISO forms `16:15:00.250` (the fraction is dropped). Hours
/// 0-23, minutes and seconds 0-59; ISO forms want two-digit hours, others accept `9:05`.
fn parse_time(text: &str, iso: bool) -> Result<NaiveTime, DateError> {
    let bad = || DateError::NotATime(text.to_string());
    let clock = match text.split_once('.') {
        Some((clock, fraction)) if iso => {
            let ok =
                (1..=9).contains(&fraction.len()) && fraction.bytes().all(|c| c.is_ascii_digit());
            if !ok {
                return Err(bad());
            }
            clock
        }
        Some(_) => return Err(bad()),
        None => text,
    };
    let mut parts = clock.split(':');
    let hour = parts
        .next()
        .and_then(|h| digits(h, if iso { 2 } else { 1 }).filter(|_| h.len() <= 2));
    let minute = parts.next().and_then(|m| digits(m, 2));
    let second = match parts.next() {
        Some(s) => digits(s, 2),
        None => Some(0),
    };
    let (Some(h), Some(m), Some(s), None) = (hour, minute, second, parts.next()) else {
        return Err(bad());
    };
    NaiveTime::from_hms_opt(h, m, s).ok_or_else(|| DateError::NoSuchTime(text.to_string()))
}

/// Day-first forms, after an optional weekday and comma: `03.10.2022[ г.][[,] 16:15]`,
/// `3 октября 2022 г.`, `Понедельник, 03 Окт 2022, 16:15`, `2022 жылғы 3 қазан`, `3 Oct 2022`.
fn parse_words(text: &str) -> Result<DateValue, DateError> {
    // `ё` is written `е`, also when decomposed, and a decomposed `й` is put together.
    let lowered = text
        .to_lowercase()
        .replace('ё', "е")
        .replace("е\u{308}", "е")
        .replace("и\u{306}", "й");
    let tokens = tokenize(&lowered);
    let mut t = tokens.as_slice();
    if let [first, ",", rest @ ..] = t
        && in_table(&WEEKDAYS, first).is_some()
    {
        t = rest;
    }
    let mut time = None;
    if let [head @ .., clock] = t
        && clock.contains(':')
    {
        time = Some(parse_time(clock, false)?);
        t = head.strip_suffix(&[","]).unwrap_or(head);
    }
    if let [head @ .., marker] = t
        && YEAR_MARKERS.contains(marker)
    {
        t = head;
    }
    let (day, month, year) = match t {
        [slashed] if slashed.contains('/') => return Err(DateError::Ambiguous),
        [dotted] if dotted.contains('.') => {
            let mut parts = dotted.splitn(3, '.');
            let mut next = || parts.next().unwrap_or("");
            (
                day_number(next())?,
                day_number(next())?,
                year_number(next())?,
            )
        }
        [d, m, y] => (day_number(d)?, month_number(m)?, year_number(y)?),
        [y, "жылғы", d, m] => (day_number(d)?, month_number(m)?, year_number(y)?),
        [d, m] if month_number(m).is_ok() && day_number(d).is_ok() => {
            return Err(DateError::NoYear);
        }
        _ => return Err(DateError::NotADate),
    };
    Ok(DateValue {
        date: make_date(year, month, day)?,
        time,
    })
}

/// Splits on white space and makes each comma a token of its own.
fn tokenize(text: &str) -> Vec<&str> {
    let mut tokens = Vec::new();
    for word in text.split_whitespace() {
        for piece in word.split_inclusive(',') {
            match piece.strip_suffix(',') {
                Some(before) => {
                    if !before.is_empty() {
                        tokens.push(before);
                    }
                    tokens.push(",");
                }
                None => tokens.push(piece),
            }
        }
    }
    tokens
}

/// The 0-based row of `table` that lists `word` (a trailing dot ignored).
fn in_table(table: &[&str], word: &str) -> Option<usize> {
    let word = word.strip_suffix('.').unwrap_or(word);
    table
        .iter()
        .position(|row| row.split(' ').any(|w| w == word))
}

fn month_number(token: &str) -> Result<u32, DateError> {
    match in_table(&MONTHS, token) {
        Some(i) => Ok(i as u32 + 1),
        None if token.chars().all(char::is_alphabetic) => {
            Err(DateError::UnknownMonth(token.to_string()))
        }
        None => Err(DateError::NotADate),
    }
}

/// A day or a month number: one or two digits.
fn day_number(token: &str) -> Result<u32, DateError> {
    digits(token, 1)
        .filter(|_| token.len() <= 2)
        .ok_or(DateError::NotADate)
}

/// Four digits, perhaps with `г.`/`ж.` attached (`2022г.`).
fn year_number(token: &str) -> Result<u32, DateError> {
    let token = ["г.", "ж.", "г", "ж"]
        .iter()
        .find_map(|marker| token.strip_suffix(marker))
        .unwrap_or(token);
    digits(token, 4)
        .filter(|_| token.len() == 4)
        .ok_or(DateError::ShortYear)
}

/// ASCII digits only, at least `min` of them (and few enough to fit), as a number.
fn digits(text: &str, min: usize) -> Option<u32> {
    if text.len() < min || text.len() > 9 || !text.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

fn check_year(year: i32) -> Result<(), DateError> {
    if YEARS.contains(&year) {
        Ok(())
    } else {
        Err(DateError::YearOutOfRange(year))
    }
}

fn make_date(year: u32, month: u32, day: u32) -> Result<NaiveDate, DateError> {
    let year = year as i32; // at most nine digits: fits
    check_year(year)?;
    NaiveDate::from_ymd_opt(year, month, day).ok_or(DateError::NoSuchDay)
}

/// The time to the whole second: stored values carry no fractions.
fn whole_seconds(time: NaiveTime) -> NaiveTime {
    time.with_nanosecond(0).unwrap_or(time)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The contract's examples, a byte-for-byte copy of shared/spec/cases/dates.csv.
    const CASES: &str = include_str!("../../tests/cases/dates.csv");

    /// `read_date(input)` as `to_iso`, or the error reason.
    fn iso(input: &str) -> Result<String, DateError> {
        read_date(input).map(|v| v.to_iso())
    }

    #[test]
    fn contract_cases() {
        let mut reader = csv::Reader::from_reader(CASES.as_bytes());
        let mut seen = 0;
        for record in reader.records() {
            let record = record.expect("dates.csv is valid CSV");
            let (input, date, time) = (&record[0], &record[1], &record[2]);
            let parsed = read_date(input);
            if date.is_empty() {
                assert!(
                    parsed.is_err(),
                    "{input:?} should be an error, got {parsed:?}"
                );
                seen += 1;
                continue;
            }
            let value = parsed.unwrap_or_else(|e| panic!("{input:?} should parse: {e}"));
            assert_eq!(value.date.to_string(), date, "date of {input:?}");
            let want_time = (!time.is_empty()).then(|| time.to_string());
            let got_time = value.time.map(|t| t.format("%H:%M").to_string());
            assert_eq!(got_time, want_time, "time of {input:?}");
            seen += 1;
        }
        assert!(seen >= 30, "only {seen} cases read");
    }

    #[test]
    fn iso_forms() {
        for (input, want) in [
            ("2022-10-03T16:15:30Z", "2022-10-03 16:15:30"),
            ("2022-10-03T16:15:00Z", "2022-10-03 16:15"),
            ("2022-10-03t16:15z", "2022-10-03 16:15"),
            ("2022-10-03T16:15:00.250-03:00", "2022-10-03 16:15"),
            ("2022-10-03T23:59:59.123456789+0600", "2022-10-03 23:59:59"),
            ("2022-10-03T00:30+06", "2022-10-03 00:30"),
            ("2022-10-03 00:00", "2022-10-03 00:00"),
            ("  2022-10-03  ", "2022-10-03"),
            ("1900-01-01", "1900-01-01"),
            ("2100-12-31 23:59", "2100-12-31 23:59"),
        ] {
            assert_eq!(iso(input), Ok(want.to_string()), "{input:?}");
        }
    }

    #[test]
    fn month_and_weekday_forms() {
        for (input, want) in [
            // Russian: nominative, genitive, short, with and without dots, any case, ё.
            ("1 Январь 2023", "2023-01-01"),
            ("1 ЯНВАРЯ 2023", "2023-01-01"),
            ("28 февр. 2023", "2023-02-28"),
            ("28 фев 2023", "2023-02-28"),
            ("8 марта 2022", "2022-03-08"),
            ("12 апр. 2022", "2022-04-12"),
            ("9 мая 2022 года", "2022-05-09"),
            ("9 май 2022", "2022-05-09"),
            ("12 июня 2022", "2022-06-12"),
            ("12 июл 2022", "2022-07-12"),
            ("01 сен 2022", "2022-09-01"),
            ("01 Сентября 2022г.", "2022-09-01"),
            ("7 нояб. 2022", "2022-11-07"),
            ("31 декабря 2022 г., 23:59", "2022-12-31 23:59"),
            ("Среда, 05 Окт 2022", "2022-10-05"),
            ("Ср, 05 Окт 2022", "2022-10-05"),
            ("вс., 2 окт. 2022", "2022-10-02"),
            ("Воскресенье, 2 октября 2022 г., 9:05", "2022-10-02 09:05"),
            ("Суббота, 1 октября 2022", "2022-10-01"),
            ("Четвёрг, 6 Окт 2022", "2022-10-06"),
            ("Четве\u{308}рг, 6 Окт 2022", "2022-10-06"),
            ("9 МАИ\u{306} 2022", "2022-05-09"),
            // Kazakh.
            ("1 қаңтар 2022", "2022-01-01"),
            ("1 Ақпан 2022", "2022-02-01"),
            ("22 наурыз 2022", "2022-03-22"),
            ("5 сәуір 2022", "2022-04-05"),
            ("9 мамыр 2022 ж.", "2022-05-09"),
            ("12 маусым 2022 ж.", "2022-06-12"),
            ("6 шілде 2022", "2022-07-06"),
            ("1 ҚЫРКҮЙЕК 2022", "2022-09-01"),
            ("25 қараша 2022", "2022-11-25"),
            ("3 қаз. 2022", "2022-10-03"),
            ("2021 жылғы 16 желтоқсан", "2021-12-16"),
            ("2022 жылғы 3 қазан, 16:15", "2022-10-03 16:15"),
            ("Сейсенбі, 4 қазан 2022", "2022-10-04"),
            ("Жексенбі, 2 қазан 2022 ж.", "2022-10-02"),
            // English.
            ("1 january 2022", "2022-01-01"),
            ("1 FEB 2022", "2022-02-01"),
            ("9 May 2022", "2022-05-09"),
            ("15 Sept 2022", "2022-09-15"),
            ("15 Sep. 2022", "2022-09-15"),
            ("Sunday, 2 October 2022, 09:05", "2022-10-02 09:05"),
            ("Tue, 4 Oct 2022 16:15:45", "2022-10-04 16:15:45"),
            // Dotted.
            ("03.10.2022 г.", "2022-10-03"),
            ("3.1.2022", "2022-01-03"),
            ("03.10.2022,16:15", "2022-10-03 16:15"),
            ("03.10.2022 16:15:07", "2022-10-03 16:15:07"),
            ("Пн, 03.10.2022", "2022-10-03"),
            ("03.10.2022\u{a0}16:15", "2022-10-03 16:15"),
        ] {
            assert_eq!(iso(input), Ok(want.to_string()), "{input:?}");
        }
    }

    #[test]
    fn refusals_with_reasons() {
        use DateError::*;
        let text = |s: &str| s.to_string();
        for (input, reason) in [
            ("", Empty),
            (" \t ", Empty),
            ("03/10/2022", Ambiguous),
            ("03/10/2022 16:15", Ambiguous),
            ("3 Oct", NoYear),
            ("3 октября", NoYear),
            ("вчера", NotADate),
            ("31 июня 2022", NoSuchDay),
            ("29.02.2023", NoSuchDay),
            ("2022-02-30", NoSuchDay),
            ("32.13.2022", NoSuchDay),
            ("03.10.2622", YearOutOfRange(2622)),
            ("1899-12-31", YearOutOfRange(1899)),
            ("2101-01-01", YearOutOfRange(2101)),
            ("3 Oct 0022", YearOutOfRange(22)),
            ("03.10.22", ShortYear),
            ("3 мартобря 2022", UnknownMonth(text("мартобря"))),
            ("2022-10-03T24:00", NoSuchTime(text("24:00"))),
            ("2022-10-03T25:00", NoSuchTime(text("25:00"))),
            ("03.10.2022 24:00", NoSuchTime(text("24:00"))),
            ("03.10.2022, 16:60", NoSuchTime(text("16:60"))),
            ("2022-10-03T16:15:0x", NotATime(text("16:15:0x"))),
            ("2022-10-03T16:15+25:00", BadOffset(text("+25:00"))),
            (&"9".repeat(300), TooLong),
        ] {
            assert_eq!(read_date(input), Err(reason), "{input:?}");
        }
    }

    #[test]
    fn reasons_in_every_language() {
        for (reason, en, ru, kk) in [
            (
                DateError::NoSuchDay,
                "no such day",
                "такого дня нет",
                "мұндай күн жоқ",
            ),
            (
                DateError::YearOutOfRange(22),
                "year 0022 is out of range (1900–2100): check the date",
                "год 0022 вне допустимых пределов (1900–2100): проверьте дату",
                "0022 жыл рұқсат етілген шектен тыс (1900–2100): күнді тексеріңіз",
            ),
            (
                DateError::UnknownMonth("мартобря".into()),
                "unknown month \"мартобря\"",
                "неизвестный месяц \"мартобря\"",
                "белгісіз ай \"мартобря\"",
            ),
            (
                DateError::WithPattern {
                    pattern: "%d/%m/%Y".into(),
                    reason: Box::new(DateError::Mismatch(ParseErrorKind::Invalid)),
                },
                "does not match the --date-format pattern: input contains invalid characters \
                 (--date-format %d/%m/%Y)",
                "не подходит под шаблон --date-format: в значении есть недопустимые символы \
                 (--date-format %d/%m/%Y)",
                "--date-format үлгісіне сәйкес келмейді: мәнде рұқсат етілмеген таңбалар бар \
                 (--date-format %d/%m/%Y)",
            ),
        ] {
            assert_eq!(reason.to_string(), en);
            assert_eq!(reason.words(Lang::Ru), ru);
            assert_eq!(reason.words(Lang::Kk), kk);
        }
    }

    #[test]
    fn garbage_is_an_error_never_a_panic() {
        let long = "9".repeat(100_000);
        let long_words = "3 октября 2022 ".repeat(1000);
        for input in [
            "2022",
            "Oct 2022",
            "2022-1-3",
            "2022-10-03T",
            "2022-10-03T16",
            "2022-10-03T6:15",
            "2022-10-03 16:15 extra",
            "2022-10-03, 16:15",
            "2022-10-03T16:15:00.+06:00",
            "2022-10-03T16:15:00+06:00:00",
            "2022-10-03Tё",
            "2022-10-0ё",
            "2022-1ё-03",
            "2022-10-03 ёё:15",
            "2022-10-03T16:15+ё",
            "0.10.2022",
            "03.10.2022.",
            "03.10.2022 16",
            "03.10.2022 16:15.5",
            "03-10-2022",
            "10/13/2022",
            "3 Oct 2022 extra",
            "3 Oct 2022,",
            "Monday 3 Oct 2022",
            "Monday, , 3 Oct 2022",
            ", 3 Oct 2022",
            "Funday, 3 Oct 2022",
            "3 Oct, 2022",
            "003 Oct 2022",
            "3 2022",
            "жылғы",
            "г.",
            ",",
            ":",
            "::",
            "...",
            "💥",
            "٣.١٠.٢٠٢٢",
            "３.10.2022",
            "İ̇ 3 Oct 2022",
            "\u{0}",
            &long,
            &long_words,
        ] {
            let got = read_date(input);
            assert!(got.is_err(), "{input:?} parsed as {got:?}");
        }
    }

    #[test]
    fn random_fragments_never_panic() {
        const BITS: [&str; 24] = [
            "2022",
            "-",
            "10",
            "03",
            "T",
            ":",
            "15",
            "+06:00",
            "Z",
            ".",
            "/",
            ",",
            " ",
            "ё",
            "қазан",
            "Oct",
            "г.",
            "жылғы",
            "💥",
            "\u{301}",
            "9",
            "Пн",
            "\t",
            "00",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..50_000 {
            let mut input = String::new();
            for _ in 0..(seed % 9) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                input.push_str(BITS[(seed % BITS.len() as u64) as usize]);
            }
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            if let Ok(value) = read_date(&input) {
                assert!(YEARS.contains(&value.date.year()), "{input:?}");
            }
            let _ = read_date_with(&input, "%d/%m/%Y %H:%M");
        }
    }

    #[test]
    fn patterns() {
        let ok = |input: &str, pattern: &str| read_date_with(input, pattern).map(|v| v.to_iso());
        assert_eq!(ok("03/10/2022", "%d/%m/%Y"), Ok("2022-10-03".into()));
        assert_eq!(ok(" 3/10/2022 ", "%d/%m/%Y"), Ok("2022-10-03".into()));
        assert_eq!(ok("10/03/2022", "%m/%d/%Y"), Ok("2022-10-03".into()));
        assert_eq!(
            ok("10/03/2022 16:15", "%m/%d/%Y %H:%M"),
            Ok("2022-10-03 16:15".into())
        );
        assert_eq!(
            ok("2022-10-03T16:15:09.5+06:00", "%Y-%m-%dT%H:%M:%S%.f%:z"),
            Ok("2022-10-03 16:15:09".into())
        );
        assert_eq!(read_date_with("03/10/2022", "%d/%m/%Y").unwrap().time, None);
        for (input, pattern) in [
            ("2022-10-03", "%d/%m/%Y"),
            ("31/06/2022", "%d/%m/%Y"),
            ("03/10/2622", "%d/%m/%Y"),
            ("10/03/2022 24:00", "%m/%d/%Y %H:%M"),
            ("10/03/2022", "%m/%d/%Y %H:%M"),
            ("", "%d/%m/%Y"),
            ("16:15", "%H:%M"),
            ("💥", "%d/%m/%Y"),
            ("03/10/2022", ""),
            ("03/10/2022", "%"),
        ] {
            let got = read_date_with(input, pattern);
            assert!(got.is_err(), "{input:?} with {pattern:?} parsed as {got:?}");
        }
    }

    #[test]
    fn to_iso_and_iso_date() {
        let date = NaiveDate::from_ymd_opt(2022, 10, 3).unwrap();
        let at = |h, m, s| DateValue {
            date,
            time: NaiveTime::from_hms_opt(h, m, s),
        };
        assert_eq!(DateValue { date, time: None }.to_iso(), "2022-10-03");
        assert_eq!(at(9, 5, 0).to_iso(), "2022-10-03 09:05");
        assert_eq!(at(9, 5, 7).to_iso(), "2022-10-03 09:05:07");
        assert_eq!(iso_date("2022-10-03"), Some(date));
        for bad in ["2022-10-3", "2022-13-01", "2022-10-03 ", "2022-1ё-03", ""] {
            assert_eq!(iso_date(bad), None, "{bad:?}");
        }
    }
}
