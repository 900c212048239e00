//! Working days and appeal deadlines. Kazakhstan's calendar comes from `kz_calendar.csv`
//! (holidays, weekend-shift substitutes and the yearly transfers of days off, 2009 on, each row
//! with its law or decree); past the table the fixed holidays are computed from the law.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// The built-in table: one row per day that differs from plain Monday-Friday.
const KZ_TABLE: &str = include_str!("kz_calendar.csv");

/// Which working days count for deadlines (`--calendar`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum CalendarKind {
    /// Kazakhstan's working days: weekends, public holidays and the Government's transfers.
    #[default]
    Kz,
    /// Monday to Friday, no holidays.
    MonFri,
}

#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub days_off: Vec<NaiveDate>,
    pub workdays: Vec<NaiveDate>,
}

/// Parse a --holidays file: one date per line, `2022-08-29` adds a day off, `+2022-08-27` a worked day; blank lines and # comments skipped. Err names the 1-based line and the value.
pub fn parse_overrides(text: &str) -> Result<Overrides, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut overrides = Overrides::default();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let (worked, value) = match line.strip_prefix('+') {
            Some(rest) => (true, rest.trim()),
            None => (false, line),
        };
        let date = NaiveDate::parse_from_str(value, "%Y-%m-%d").map_err(|_| {
            crate::i18n::tr(
                "holidays-not-a-date",
                &[
                    ("line", (i + 1).into()),
                    ("value", format!("{line:?}").into()),
                ],
            )
        })?;
        if worked {
            overrides.workdays.push(date);
        } else {
            overrides.days_off.push(date);
        }
    }
    Ok(overrides)
}

/// The parsed built-in table.
#[derive(Debug, Default)]
struct Table {
    days_off: HashSet<NaiveDate>,
    workdays: HashSet<NaiveDate>,
    first_year: i32,
    last_year: i32,
}

/// Parses the table text. Malformed rows are left out and reported in the second value (a unit
/// test requires it empty for the built-in table), so that nothing here can panic at run time.
fn parse_table(text: &str) -> (Table, Vec<String>) {
    let mut table = Table::default();
    let mut errors = Vec::new();
    let mut previous: Option<NaiveDate> = None;
    let mut years: Option<(i32, i32)> = None;
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with("date,") {
            continue;
        }
        let fields: Vec<&str> = line.splitn(4, ',').map(str::trim).collect();
        let row = match fields[..] {
            [date, kind, name, source] if !name.is_empty() && !source.is_empty() => {
                NaiveDate::parse_from_str(date, "%Y-%m-%d")
                    .ok()
                    .map(|d| (d, kind))
            }
            _ => None,
        };
        let Some((date, kind)) = row else {
            errors.push(format!(
                "line {}: not date,kind,name,source: {raw:?}",
                i + 1
            ));
            continue;
        };
        if previous.is_some_and(|p| date <= p) {
            errors.push(format!("line {}: {date} is out of order", i + 1));
        }
        previous = Some(date);
        let weekend = is_weekend(date);
        match kind {
            "holiday" if !weekend => table.days_off.insert(date),
            "workday" if weekend => table.workdays.insert(date),
            _ => {
                errors.push(format!(
                    "line {}: {kind:?} on a {} ({date})",
                    i + 1,
                    date.weekday()
                ));
                continue;
            }
        };
        let y = date.year();
        years = Some(years.map_or((y, y), |(a, b)| (a.min(y), b.max(y))));
    }
    if let Some((first, last)) = years {
        table.first_year = first;
        table.last_year = last;
    } else {
        errors.push("the table has no rows".to_string());
        // An empty range: every year is outside the table.
        table.first_year = 1;
        table.last_year = 0;
    }
    (table, errors)
}

fn kz_table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| parse_table(KZ_TABLE).0)
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

fn ymd(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Days off on Monday-Friday that the law alone gives in `year`, for years the table does not
/// cover: the fixed holidays of the Law "On holidays" (267-II of 13.12.2001) as in force that
/// year, each moved to the next working day when it falls on a weekend (art. 5), and 7 January
/// (never moved). Kurban Ait is left out: its date is set each year (by the Spiritual
/// Administration of Muslims of Kazakhstan) and cannot be computed; nor can transfers.
/// Before 2009 this follows the law's history only roughly (the table starts in 2009).
fn law_days_off(year: i32) -> Vec<NaiveDate> {
    // (month, day, in force that year)
    let shifting: [(u32, u32, bool); 16] = [
        (1, 1, true),
        (1, 2, true),
        (3, 8, true),
        (3, 15, year >= 2027), // Constitution Day under the Constitution of 2026
        (3, 21, year >= 2010),
        (3, 22, year >= 2002),
        (3, 23, year >= 2010),
        (5, 1, true),
        (5, 7, year >= 2013),
        (5, 9, true),
        (7, 6, year >= 2009),
        (8, 30, (1996..=2025).contains(&year)), // not in 2026: see kz_calendar.csv
        (10, 25, year <= 2008 || year >= 2022),
        (12, 1, (2012..=2021).contains(&year)),
        (12, 16, true),
        (12, 17, (2002..=2021).contains(&year)),
    ];
    let holidays: Vec<NaiveDate> = shifting
        .iter()
        .filter(|(_, _, in_force)| *in_force)
        .filter_map(|&(m, d, _)| ymd(year, m, d))
        .collect();
    let christmas = ymd(year, 1, 7).filter(|_| year >= 2006);
    let is_holiday = |d: NaiveDate| holidays.contains(&d) || Some(d) == christmas;

    let mut off: Vec<NaiveDate> = holidays
        .iter()
        .copied()
        .chain(christmas)
        .filter(|d| !is_weekend(*d))
        .collect();
    if year >= 2002 {
        for &h in holidays.iter().filter(|h| is_weekend(**h)) {
            // The next working day: not a weekend, not a holiday, not already a substitute.
            let mut next = h.succ_opt();
            while let Some(d) = next {
                if is_weekend(d) || is_holiday(d) || off.contains(&d) {
                    next = d.succ_opt();
                } else {
                    break;
                }
            }
            off.extend(next);
        }
    }
    off
}

pub struct Calendar {
    kind: CalendarKind,
    days_off: HashSet<NaiveDate>,
    workdays: HashSet<NaiveDate>,
    table: &'static Table,
    /// Years outside the table that were asked about, with their computed days off.
    computed: std::sync::Mutex<HashMap<i32, HashSet<NaiveDate>>>,
}

impl Calendar {
    pub fn new(kind: CalendarKind, overrides: &Overrides) -> Calendar {
        Calendar {
            kind,
            days_off: overrides.days_off.iter().copied().collect(),
            workdays: overrides.workdays.iter().copied().collect(),
            table: kz_table(),
            computed: std::sync::Mutex::new(HashMap::new()),
        }
    }

    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        // The --holidays file wins over everything; a worked day over a day off.
        if self.workdays.contains(&d) {
            return true;
        }
        if self.days_off.contains(&d) {
            return false;
        }
        match self.kind {
            CalendarKind::MonFri => !is_weekend(d),
            CalendarKind::Kz if self.in_table(d) => {
                if is_weekend(d) {
                    self.table.workdays.contains(&d)
                } else {
                    !self.table.days_off.contains(&d)
                }
            }
            CalendarKind::Kz => !is_weekend(d) && !self.computed_day_off(d),
        }
    }

    /// The n-th working day after `from` (from itself not counted). n=0 returns from.
    pub fn add_working_days(&self, from: NaiveDate, n: u32) -> NaiveDate {
        let mut day = from;
        let mut counted = 0;
        while counted < n {
            match day.succ_opt() {
                Some(next) => day = next,
                None => return day,
            }
            if self.is_working_day(day) {
                counted += 1;
            }
        }
        day
    }

    /// Years the built-in table covers (first, last); for a year past it only weekends and the fixed holidays apply.
    // For callers that warn about dates past the table; allowed while no command calls it yet.
    pub fn table_years() -> (i32, i32) {
        let t = kz_table();
        (t.first_year, t.last_year)
    }

    /// True when `d` falls in a year the table does not cover (kind Kz only), so the caller can warn.
    pub fn outside_table(&self, d: NaiveDate) -> bool {
        self.kind == CalendarKind::Kz && !self.in_table(d)
    }

    fn in_table(&self, d: NaiveDate) -> bool {
        (self.table.first_year..=self.table.last_year).contains(&d.year())
    }

    fn computed_day_off(&self, d: NaiveDate) -> bool {
        let year = d.year();
        // A poisoned lock only means another thread panicked mid-insert of a pure value.
        let mut cache = self.computed.lock().unwrap_or_else(|e| e.into_inner());
        cache
            .entry(year)
            .or_insert_with(|| law_days_off(year).into_iter().collect())
            .contains(&d)
    }
}

/// The Administrative Procedural Code (art. 76: 15 working days) governs appeals submitted from
/// this date; before it, the Law No. 221 of 12 January 2007 gave 15 calendar days.
const APC_FROM: NaiveDate = match NaiveDate::from_ymd_opt(2021, 7, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};
const DEADLINE_DAYS: u32 = 15;

/// Deadline of an appeal submitted on `submitted`: with Some(n), n working days; otherwise the law in force on the
/// submission date: before 2021-07-01, 15 calendar days (Law No. 221 of 12 January 2007); from 2021-07-01, 15 working days
/// (Administrative Procedural Code, art. 76).
pub fn due_date(cal: &Calendar, submitted: NaiveDate, deadline_days: Option<u32>) -> NaiveDate {
    match deadline_days {
        Some(n) => cal.add_working_days(submitted, n),
        None if submitted < APC_FROM => submitted
            .checked_add_days(Days::new(DEADLINE_DAYS.into()))
            .unwrap_or(NaiveDate::MAX),
        None => cal.add_working_days(submitted, DEADLINE_DAYS),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn kz() -> Calendar {
        Calendar::new(CalendarKind::Kz, &Overrides::default())
    }

    /// Every non-working Monday-Friday and every worked Saturday/Sunday of `year`.
    fn exceptions(cal: &Calendar, year: i32) -> (Vec<String>, Vec<String>) {
        let (mut off, mut worked) = (Vec::new(), Vec::new());
        let mut d = day(&format!("{year}-01-01"));
        while d.year() == year {
            match (is_weekend(d), cal.is_working_day(d)) {
                (false, false) => off.push(d.to_string()),
                (true, true) => worked.push(d.to_string()),
                _ => {}
            }
            d = d.succ_opt().unwrap();
        }
        (off, worked)
    }

    fn assert_year(year: i32, off: &[&str], worked: &[&str]) {
        let (got_off, got_worked) = exceptions(&kz(), year);
        assert_eq!(got_off, off, "days off on weekdays in {year}");
        assert_eq!(got_worked, worked, "worked weekend days in {year}");
    }

    #[test]
    fn built_in_table_is_well_formed() {
        let (table, errors) = parse_table(KZ_TABLE);
        assert!(errors.is_empty(), "{errors:#?}");
        assert_eq!(Calendar::table_years(), (2009, 2026));
        assert_eq!((table.first_year, table.last_year), (2009, 2026));
        // Every year of the range has rows (1 and 2 January always give one).
        for year in 2009..=2026 {
            assert!(
                table
                    .days_off
                    .iter()
                    .any(|d| d.year() == year && d.month() == 1),
                "no January row in {year}"
            );
        }
        // Every row names its source.
        for line in KZ_TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with("date,"))
        {
            let source = line.splitn(4, ',').nth(3).unwrap_or("");
            assert!(
                source.starts_with("Law ")
                    || source.starts_with("Labour Code")
                    || source.starts_with("Government Decree No. ")
                    || source.starts_with("Order of the Minister of Labour"),
                "{line}"
            );
        }
    }

    #[test]
    fn table_parser_reports_bad_rows() {
        let text = "# c\ndate,kind,name,source\n2022-03-07,holiday,x,y\n2022-03-05,workday,x,y\n\
                    2022-03-06,holiday,x,y\n2022-13-01,holiday,x,y\n2022-03-09,weekday,x,y\n2022-03-10,holiday\n";
        let (table, errors) = parse_table(text);
        assert_eq!(errors.len(), 5, "{errors:#?}");
        assert!(errors[0].contains("line 4") && errors[0].contains("out of order"));
        assert!(table.days_off.contains(&day("2022-03-07")));
        assert!(table.workdays.contains(&day("2022-03-05")));
        let (empty, errors) = parse_table("# nothing\n");
        assert_eq!(errors, ["the table has no rows"]);
        assert!(empty.first_year > empty.last_year);
    }

    // The expected lists below are written from the law and the decrees cited in
    // kz_calendar.csv, not computed.

    #[test]
    fn year_2019() {
        // Nauryz Sat 23 Mar -> Mon 25; Sat 4 May worked for Fri 10 May (Decree No. 888 of 2018);
        // Capital Day Sat 6 Jul -> Mon 8; Kurban Ait Sun 11 Aug, not moved; First President Day
        // Sun 1 Dec -> Mon 2.
        assert_year(
            2019,
            &[
                "2019-01-01",
                "2019-01-02",
                "2019-01-07",
                "2019-03-08",
                "2019-03-21",
                "2019-03-22",
                "2019-03-25",
                "2019-05-01",
                "2019-05-07",
                "2019-05-09",
                "2019-05-10",
                "2019-07-08",
                "2019-08-30",
                "2019-12-02",
                "2019-12-16",
                "2019-12-17",
            ],
            &["2019-05-04"],
        );
    }

    #[test]
    fn year_2021() {
        // New Year Sat 2 Jan -> Mon 4; Nauryz Sun 21 Mar -> Wed 24; Unity Day Sat 1 May -> Mon 3;
        // Victory Day Sun 9 May -> Mon 10; Sat 3 Jul worked for Mon 5 Jul (Decree No. 930 of
        // 2020); Kurban Ait Tue 20 Jul.
        assert_year(
            2021,
            &[
                "2021-01-01",
                "2021-01-04",
                "2021-01-07",
                "2021-03-08",
                "2021-03-22",
                "2021-03-23",
                "2021-03-24",
                "2021-05-03",
                "2021-05-07",
                "2021-05-10",
                "2021-07-05",
                "2021-07-06",
                "2021-07-20",
                "2021-08-30",
                "2021-12-01",
                "2021-12-16",
                "2021-12-17",
            ],
            &["2021-07-03"],
        );
    }

    #[test]
    fn year_2022() {
        // New Year Sat-Sun 1-2 Jan -> Mon 3, Tue 4; Saturdays 5 Mar, 27 Aug and 22 Oct worked for
        // Mondays 7 Mar, 29 Aug, 24 Oct (Decree No. 713 of 2021, amended by No. 796 of 2022);
        // Unity Day Sun 1 May -> Mon 2; Defender's Day Sat 7 May -> Tue 10 (Mon 9 is Victory
        // Day); Kurban Ait Sat 9 Jul, not moved; Republic Day 25 Oct is back; 1 Dec and 17 Dec
        // are no longer holidays.
        assert_year(
            2022,
            &[
                "2022-01-03",
                "2022-01-04",
                "2022-01-07",
                "2022-03-07",
                "2022-03-08",
                "2022-03-21",
                "2022-03-22",
                "2022-03-23",
                "2022-05-02",
                "2022-05-09",
                "2022-05-10",
                "2022-07-06",
                "2022-08-29",
                "2022-08-30",
                "2022-10-24",
                "2022-10-25",
                "2022-12-16",
            ],
            &["2022-03-05", "2022-08-27", "2022-10-22"],
        );
    }

    #[test]
    fn year_2023() {
        // New Year Sun 1 Jan -> Tue 3 (Mon 2 is itself a holiday); Christmas Sat 7 Jan, not moved;
        // Defender's Day Sun 7 May -> Mon 8; Kurban Ait Wed 28 Jun; Sat 1 Jul worked for Fri 7 Jul
        // (Decree No. 326 of 25.04.2023); Independence Day Sat 16 Dec -> Mon 18.
        assert_year(
            2023,
            &[
                "2023-01-02",
                "2023-01-03",
                "2023-03-08",
                "2023-03-21",
                "2023-03-22",
                "2023-03-23",
                "2023-05-01",
                "2023-05-08",
                "2023-05-09",
                "2023-06-28",
                "2023-07-06",
                "2023-07-07",
                "2023-08-30",
                "2023-10-25",
                "2023-12-18",
            ],
            &["2023-07-01"],
        );
    }

    #[test]
    fn year_2026() {
        // Women's Day Sun 8 Mar -> Mon 9; Nauryz Sat-Sun 21-22 Mar -> Tue 24, Wed 25; Victory Day
        // Sat 9 May -> Mon 11; Kurban Ait Wed 27 May; Republic Day Sun 25 Oct -> Mon 26. No
        // Mon 31 Aug: Constitution Day is not kept on 30 Aug 2026 (new Constitution). No transfer.
        assert_year(
            2026,
            &[
                "2026-01-01",
                "2026-01-02",
                "2026-01-07",
                "2026-03-09",
                "2026-03-23",
                "2026-03-24",
                "2026-03-25",
                "2026-05-01",
                "2026-05-07",
                "2026-05-11",
                "2026-05-27",
                "2026-07-06",
                "2026-10-26",
                "2026-12-16",
            ],
            &[],
        );
    }

    #[test]
    fn law_rules_agree_with_the_table() {
        // For each table year, the computed law holidays (with the weekend shift and 7 Jan) must
        // be the table's rows less Kurban Ait and the transfers' days off, plus the days a
        // transfer took away.
        let taken_by_transfers = [day("2020-05-11")];
        let names: HashMap<NaiveDate, &str> = KZ_TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with("date,"))
            .filter_map(|l| {
                let mut f = l.splitn(4, ',');
                let d = NaiveDate::parse_from_str(f.next()?, "%Y-%m-%d").ok()?;
                (f.next()? == "holiday").then_some(())?;
                Some((d, f.next()?))
            })
            .collect();
        for year in 2009..=2026 {
            let mut want: Vec<NaiveDate> = names
                .iter()
                .filter(|(d, name)| {
                    d.year() == year
                        && !name.starts_with("Kurban Ait")
                        && !name.starts_with("transfer from")
                })
                .map(|(d, _)| *d)
                .chain(
                    taken_by_transfers
                        .iter()
                        .copied()
                        .filter(|d| d.year() == year),
                )
                .collect();
            let mut got = law_days_off(year);
            want.sort();
            got.sort();
            assert_eq!(got, want, "{year}");
        }
    }

    #[test]
    fn past_the_table_the_law_applies() {
        let cal = kz();
        assert!(cal.outside_table(day("2027-01-04")));
        assert!(cal.outside_table(day("2008-12-31")));
        assert!(!cal.outside_table(day("2026-12-31")));
        assert!(!cal.outside_table(day("2009-01-01")));
        let monfri = Calendar::new(CalendarKind::MonFri, &Overrides::default());
        assert!(!monfri.outside_table(day("2027-01-04")));
        // 2027 by the law alone: 2 Jan Sat -> 4 Jan; 15 Mar is Constitution Day; Nauryz 21 Mar
        // (Sun) -> 24 Mar; no 30 Aug; Kurban Ait unknown (16 May 2027 is a Sunday anyway).
        let (off, worked) = exceptions(&cal, 2027);
        assert_eq!(
            off,
            [
                "2027-01-01",
                "2027-01-04",
                "2027-01-07",
                "2027-03-08",
                "2027-03-15",
                "2027-03-22",
                "2027-03-23",
                "2027-03-24",
                "2027-05-03",
                "2027-05-07",
                "2027-05-10",
                "2027-07-06",
                "2027-10-25",
                "2027-12-16",
            ]
        );
        assert!(worked.is_empty());
        assert_eq!(
            cal.add_working_days(day("2027-03-12"), 1),
            day("2027-03-16")
        );
        assert_eq!(
            cal.add_working_days(day("2027-03-19"), 1),
            day("2027-03-25")
        );
        // 2028: 1 Jan Sat, 2 Jan Sun -> 3 and 4 Jan; 16 Dec Sat -> 18 Dec.
        assert!(!cal.is_working_day(day("2028-01-03")));
        assert!(!cal.is_working_day(day("2028-01-04")));
        assert!(cal.is_working_day(day("2028-01-05")));
        assert!(!cal.is_working_day(day("2028-12-18")));
    }

    #[test]
    fn working_days_across_new_year_and_nauryz() {
        let cal = kz();
        // Fri 30 Dec 2022; 1 Jan Sun, 2 Jan holiday, 3 Jan its substitute.
        assert_eq!(
            cal.add_working_days(day("2022-12-30"), 1),
            day("2023-01-04")
        );
        assert_eq!(
            cal.add_working_days(day("2022-12-30"), 3),
            day("2023-01-06")
        );
        // Over 7 Jan 2021 (Thu) and the 4 Jan substitute.
        assert_eq!(
            cal.add_working_days(day("2020-12-31"), 1),
            day("2021-01-05")
        );
        assert_eq!(
            cal.add_working_days(day("2020-12-31"), 3),
            day("2021-01-08")
        );
        // Across 2013-2014: Sat 28 Dec 2013 worked, Fri 3 Jan 2014 off.
        assert_eq!(
            cal.add_working_days(day("2013-12-27"), 1),
            day("2013-12-28")
        );
        assert_eq!(
            cal.add_working_days(day("2013-12-31"), 1),
            day("2014-01-06")
        );
        // Nauryz 2024: 21-22 Mar (Thu-Fri), 23 Mar (Sat) -> Mon 25.
        assert_eq!(
            cal.add_working_days(day("2024-03-20"), 1),
            day("2024-03-26")
        );
        // Nauryz 2026: 23-25 Mar.
        assert_eq!(
            cal.add_working_days(day("2026-03-20"), 1),
            day("2026-03-26")
        );
        assert_eq!(
            cal.add_working_days(day("2026-03-20"), 0),
            day("2026-03-20")
        );
        assert_eq!(
            cal.add_working_days(day("2026-03-21"), 0),
            day("2026-03-21")
        );
        // The end of the calendar: no panic.
        assert_eq!(cal.add_working_days(NaiveDate::MAX, 5), NaiveDate::MAX);
    }

    #[test]
    fn deadline_follows_the_law_of_the_submission_date() {
        let cal = kz();
        // Law No. 221: 15 calendar days.
        assert_eq!(due_date(&cal, day("2021-06-30"), None), day("2021-07-15"));
        assert_eq!(due_date(&cal, day("2020-12-25"), None), day("2021-01-09"));
        // APC art. 76: 15 working days. July 2021: Sat 3 worked, Mon 5 and Tue 6 off, Tue 20
        // (Kurban Ait) off.
        assert_eq!(due_date(&cal, day("2021-07-01"), None), day("2021-07-26"));
        let monfri = Calendar::new(CalendarKind::MonFri, &Overrides::default());
        assert_eq!(
            due_date(&monfri, day("2021-06-30"), None),
            day("2021-07-15")
        );
        assert_eq!(
            due_date(&monfri, day("2021-07-01"), None),
            day("2021-07-22")
        );
        // --deadline-days replaces both laws.
        assert_eq!(
            due_date(&cal, day("2021-06-30"), Some(5)),
            day("2021-07-08")
        );
        assert_eq!(
            due_date(&cal, day("2022-08-25"), Some(3)),
            day("2022-08-31")
        );
        assert_eq!(
            due_date(&cal, day("2022-08-25"), Some(0)),
            day("2022-08-25")
        );
        assert_eq!(due_date(&cal, NaiveDate::MAX, None), NaiveDate::MAX);
        assert_eq!(due_date(&cal, day("2010-01-01"), None), day("2010-01-16"));
    }

    #[test]
    fn mon_fri_ignores_holidays_but_not_overrides() {
        let cal = Calendar::new(CalendarKind::MonFri, &Overrides::default());
        assert!(cal.is_working_day(day("2022-03-08")));
        assert!(cal.is_working_day(day("2022-03-07")));
        assert!(!cal.is_working_day(day("2022-03-05")));
        assert!(cal.is_working_day(day("2026-01-01")));
        assert_eq!(
            cal.add_working_days(day("2022-12-30"), 1),
            day("2023-01-02")
        );
        let o = parse_overrides("2022-03-08\n+2022-03-05\n").unwrap();
        let cal = Calendar::new(CalendarKind::MonFri, &o);
        assert!(!cal.is_working_day(day("2022-03-08")));
        assert!(cal.is_working_day(day("2022-03-05")));
    }

    #[test]
    fn overrides_apply_over_the_table() {
        let o =
            parse_overrides("# extra\n2022-08-31 # a local day off\n+2022-08-30\n+2022-08-28\n")
                .unwrap();
        assert_eq!(o.days_off, [day("2022-08-31")]);
        assert_eq!(o.workdays, [day("2022-08-30"), day("2022-08-28")]);
        let cal = Calendar::new(CalendarKind::Kz, &o);
        assert!(!cal.is_working_day(day("2022-08-31")));
        assert!(cal.is_working_day(day("2022-08-30"))); // Constitution Day, worked by override
        assert!(cal.is_working_day(day("2022-08-28")));
        assert!(cal.is_working_day(day("2022-08-27"))); // the table's transfer
        assert!(!cal.is_working_day(day("2022-08-29")));
        // Past the table too.
        let o = parse_overrides("2030-06-12\n").unwrap();
        assert!(!Calendar::new(CalendarKind::Kz, &o).is_working_day(day("2030-06-12")));
    }

    #[test]
    fn parse_overrides_errors_name_line_and_value() {
        let e = parse_overrides("2022-08-29\n29.08.2022\n").unwrap_err();
        assert!(e.starts_with("line 2: \"29.08.2022\""), "{e}");
        let e = parse_overrides("# head\n\n+2022-02-30\n").unwrap_err();
        assert!(e.starts_with("line 3: \"+2022-02-30\""), "{e}");
        let e = parse_overrides("+\n").unwrap_err();
        assert!(e.starts_with("line 1: \"+\""), "{e}");
        let e = parse_overrides("2022-08-29 2022-08-30\n").unwrap_err();
        assert!(e.starts_with("line 1:"), "{e}");
        // Accepted: BOM, CRLF, spaces, blank lines, comments, "+ date".
        let o = parse_overrides("\u{feff}2022-08-29\r\n\r\n  + 2022-08-27  \r\n#x\n").unwrap();
        assert_eq!(o.days_off, [day("2022-08-29")]);
        assert_eq!(o.workdays, [day("2022-08-27")]);
        assert!(parse_overrides("").unwrap().days_off.is_empty());
    }
}
