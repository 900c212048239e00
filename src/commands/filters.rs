//! The report filters every report command shares (routing, forwards, silence, changes, weekly,
//! audit, export, check, show): validated from the flags before anything is opened, then
//! resolved against the directory once the database is, plus the store reads they share.

use std::path::PathBuf;

use anyhow::{Context, Result, anyhow};
use chrono::NaiveDate;

use super::options::UsageError;
use crate::calendar::{Calendar, CalendarKind, Overrides, parse_overrides};
use crate::cli::{CalendarArg, FilterArgs};
use crate::derive::Knowledge;
use crate::records::dates::parse_date;
use crate::report::{Filters, silence};
use crate::store::{AppealFilter, Store};

/// The filter flags, validated: dates parsed, --since not after --until. `filters` holds the
/// names as written until the directory is read (`resolve`).
#[derive(Debug, Clone)]
pub struct FilterOptions {
    pub filters: Filters,
    pub calendar: CalendarArg,
    pub holidays: Option<PathBuf>,
}

impl FilterOptions {
    pub fn from_args(args: &FilterArgs) -> Result<FilterOptions, UsageError> {
        let since = flag_date("--since", args.since.as_deref())?;
        let until = flag_date("--until", args.until.as_deref())?;
        if let (Some(since), Some(until)) = (since, until) {
            if since > until {
                return Err(UsageError::new(format!(
                    "--since {since} is after --until {until}: swap them"
                )));
            }
        }
        let filters = Filters {
            since,
            until,
            addressee: args.addressee.clone(),
            department: args.department.clone(),
            channel: args.channel.as_deref().map(|c| c.trim().to_lowercase()),
            as_of: flag_date("--as-of", args.as_of.as_deref())?
                .unwrap_or_else(|| chrono::Local::now().date_naive()),
            deadline_days: args.deadline_days,
            stale_after: args.stale_after,
            min_n: args.min_n,
            originals_only: args.originals_only,
        };
        Ok(FilterOptions {
            filters,
            calendar: args.calendar,
            holidays: args.holidays.clone(),
        })
    }

    /// The report's filters (names under their directory names) and its working-day calendar
    /// (with the --holidays file read).
    pub fn resolve(&self, know: &Knowledge) -> Result<(Filters, Calendar)> {
        let written = &self.filters;
        let filters = Filters {
            addressee: written.addressee.as_deref().map(|a| know.canonical(a)),
            department: written.department.as_deref().map(|d| know.canonical(d)),
            ..written.clone()
        };
        let overrides = match &self.holidays {
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .with_context(|| format!("cannot read the holidays file {}", path.display()))?;
                parse_overrides(&text).map_err(|e| anyhow!("{}: {e}", path.display()))?
            }
            None => Overrides::default(),
        };
        let kind = match self.calendar {
            CalendarArg::Kz => CalendarKind::Kz,
            CalendarArg::MonFri => CalendarKind::MonFri,
        };
        Ok((filters, Calendar::new(kind, &overrides)))
    }
}

/// A date flag's value, parsed as the record contract reads dates.
pub fn flag_date(flag: &str, value: Option<&str>) -> Result<Option<NaiveDate>, UsageError> {
    value
        .map(|v| {
            parse_date(v)
                .map(|d| d.date)
                .map_err(|e| UsageError::new(format!("{flag} {v:?}: {e}")))
        })
        .transpose()
}

pub fn appeal_filter(filters: &Filters) -> AppealFilter {
    AppealFilter {
        since: filters.since.map(|d| d.to_string()),
        until: filters.until.map(|d| d.to_string()),
        official: filters.addressee.clone(),
    }
}

pub fn silence_rows(store: &Store, filters: &Filters) -> Result<Vec<silence::SilenceRow>> {
    let facts = store.publisher_facts(
        &filters.as_of.to_string(),
        filters.channel.as_deref(),
        filters.originals_only,
    )?;
    Ok(silence::silence(facts, filters))
}

/// Warns on stderr when due dates fall in years the built-in holiday table does not cover:
/// there, only weekends and the fixed holidays count.
pub fn warn_calendar<'a>(calendar: &Calendar, submitted: impl Iterator<Item = &'a str>) {
    warn_calendar_days(calendar, submitted.filter_map(crate::derive::date_of));
}

/// `warn_calendar` over submission days, such as the distinct ones a report's fold has seen.
pub fn warn_calendar_days(calendar: &Calendar, submitted: impl Iterator<Item = NaiveDate>) {
    let mut years: Vec<i32> = submitted
        .filter(|d| calendar.outside_table(*d))
        .map(|d| chrono::Datelike::year(&d))
        .collect();
    years.sort_unstable();
    years.dedup();
    if !years.is_empty() {
        let (first, last) = Calendar::table_years();
        let list: Vec<String> = years.iter().map(i32::to_string).collect();
        crate::commands::tell(format!(
            "appeal-audit: warning: the holiday table covers {first}–{last}; for {} due dates count \
             weekends and fixed holidays only (no Kurban Ait, no transfers): give --holidays FILE \
             with that year's days off, or --calendar mon-fri",
            list.join(", ")
        ));
    }
}
