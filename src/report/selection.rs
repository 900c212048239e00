//! What a report or export looks at, resolved: the filter flags' values under the directory's
//! names, the working-day calendar with the --holidays file read, and the store reads that
//! every report shares.

use std::path::PathBuf;

use anyhow::{Context, Result, anyhow};
use chrono::NaiveDate;

use super::{Filters, silence};
use crate::calendar::{Calendar, CalendarKind, Overrides, parse_overrides};
use crate::derive::Knowledge;
use crate::i18n::tr;
use crate::progress::{Reporter, warning};
use crate::store::{AppealFilter, BodyReads, Store};

/// The filter flags, validated: dates parsed, --since not after --until. `filters` holds the
/// names as written until the directory is read (`resolve`).
#[derive(Debug, Clone)]
pub struct FilterOptions {
    pub filters: Filters,
    pub calendar: CalendarKind,
    pub holidays: Option<PathBuf>,
}

impl FilterOptions {
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
                let text = std::fs::read_to_string(path).with_context(|| {
                    tr(
                        "cannot-read-holidays",
                        &[("path", path.display().to_string().into())],
                    )
                })?;
                parse_overrides(&text).map_err(|e| anyhow!("{}: {e}", path.display()))?
            }
            None => Overrides::default(),
        };
        Ok((filters, Calendar::new(self.calendar, &overrides)))
    }
}

pub fn appeal_filter(filters: &Filters) -> AppealFilter {
    AppealFilter {
        since: filters.since.map(|d| d.to_string()),
        until: filters.until.map(|d| d.to_string()),
        official: filters.addressee.clone(),
    }
}

/// Silence as of the filters' date. gov.kz's reads count under the names the rows have (a
/// body's name through the directory, as its posts' publisher), and only for news on a site:
/// with `--channel telegram` a refusal on gov.kz says nothing.
pub fn silence_rows(
    store: &Store,
    filters: &Filters,
    know: &Knowledge,
) -> Result<Vec<silence::SilenceRow>> {
    let as_of = filters.as_of.to_string();
    let facts =
        store.publisher_facts(&as_of, filters.channel.as_deref(), filters.originals_only)?;
    let reads = match filters.channel.as_deref() {
        None | Some(GOVKZ_CHANNEL) => store.body_reads(&as_of)?,
        Some(_) => Vec::new(),
    };
    let reads: Vec<BodyReads> = reads
        .into_iter()
        .map(|r| BodyReads {
            body: know.canonical(&r.body),
            ..r
        })
        .collect();
    Ok(silence::silence(facts, &reads, filters))
}

/// The channel of a body's news on gov.kz: its site.
const GOVKZ_CHANNEL: &str = "site";

/// Warns on stderr when due dates fall in years the built-in holiday table does not cover:
/// there, only weekends and the fixed holidays count.
pub fn warn_calendar<'a>(
    reporter: &dyn Reporter,
    calendar: &Calendar,
    submitted: impl Iterator<Item = &'a str>,
) {
    warn_calendar_days(
        reporter,
        calendar,
        submitted.filter_map(crate::derive::date_of),
    );
}

/// `warn_calendar` over submission days, such as the distinct ones a report's fold has seen.
pub fn warn_calendar_days(
    reporter: &dyn Reporter,
    calendar: &Calendar,
    submitted: impl Iterator<Item = NaiveDate>,
) {
    let mut years: Vec<i32> = submitted
        .filter(|d| calendar.outside_table(*d))
        .map(|d| chrono::Datelike::year(&d))
        .collect();
    years.sort_unstable();
    years.dedup();
    if !years.is_empty() {
        let (first, last) = Calendar::table_years();
        let list: Vec<String> = years.iter().map(i32::to_string).collect();
        reporter.warn(&warning(tr(
            "calendar-outside-table",
            &[
                ("first", first.to_string().into()),
                ("last", last.to_string().into()),
                ("years", list.join(", ").into()),
            ],
        )));
    }
}
