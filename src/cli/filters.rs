//! The filter flags every report command shares (routing, forwards, silence, changes, weekly,
//! audit, export, check, show): their definitions and help, and their validation into the
//! report layer's `FilterOptions` before anything is opened.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Args;

use crate::calendar::CalendarKind;
use crate::i18n::tr;
use crate::records::dates::{DateError, read_date};
use crate::report::{FilterOptions, Filters};
use crate::usage::UsageError;

/// Which records a report or export looks at, and the settings its figures depend on.
#[derive(Debug, Args, Clone)]
pub struct FilterArgs {
    /// Only appeals submitted on or after DATE.
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only appeals submitted on or before DATE.
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Only this official (any spelling the directory knows).
    #[arg(long, value_name = "NAME")]
    pub addressee: Option<String>,
    /// Silence: only this department.
    #[arg(long, value_name = "NAME")]
    pub department: Option<String>,
    /// Silence: only posts on this channel (site, telegram, ...).
    #[arg(long, value_name = "NAME")]
    pub channel: Option<String>,
    /// The date the figures are as of (default today); give it to make a report reproducible.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Replace the legal deadline with N working days.
    #[arg(long, value_name = "N")]
    pub deadline_days: Option<u32>,
    /// Silence: a department is stale after this many days without a post.
    #[arg(long, default_value_t = 30, value_name = "DAYS")]
    pub stale_after: i64,
    /// Which working days count for deadlines.
    #[arg(long, default_value = "kz")]
    pub calendar: CalendarKind,
    /// Extra days off ('2022-08-29') or worked days ('+2022-08-27'), one a line.
    #[arg(long, value_name = "FILE")]
    pub holidays: Option<PathBuf>,
    /// Rows with fewer appeals than N are noted 'few'.
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub min_n: u64,
    /// Silence: reposts do not count as posts.
    #[arg(long)]
    pub originals_only: bool,
}

impl FilterArgs {
    /// The flags validated: dates parsed, --since not after --until.
    pub fn options(&self) -> Result<FilterOptions, UsageError> {
        let args = self;
        let since = flag_date("--since", args.since.as_deref())?;
        let until = flag_date("--until", args.until.as_deref())?;
        if let (Some(since), Some(until)) = (since, until)
            && since > until
        {
            return Err(UsageError::new(tr(
                "usage-since-after-until",
                &[
                    ("since", since.to_string().into()),
                    ("until", until.to_string().into()),
                ],
            )));
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
            // `--kind` is silence's own flag (audit's --kind is a kind of file).
            kind: None,
        };
        Ok(FilterOptions {
            filters,
            calendar: args.calendar,
            holidays: args.holidays.clone(),
        })
    }
}

/// A date flag's value, parsed as the record contract reads dates.
pub fn flag_date(flag: &str, value: Option<&str>) -> Result<Option<NaiveDate>, UsageError> {
    value
        .map(|v| {
            read_date(v)
                .map(|d| d.date)
                .map_err(|e| bad_date(flag, v, &e))
        })
        .transpose()
}

/// `--as-of "2022-13-01": no such day`, in the run's language.
pub fn bad_date(flag: &str, value: &str, reason: &DateError) -> UsageError {
    UsageError::new(tr(
        "usage-bad-date",
        &[
            ("flag", flag.into()),
            ("value", format!("{value:?}").into()),
            ("reason", reason.words(crate::i18n::lang()).into()),
        ],
    ))
}
