//! The publication page for the newsroom: one self-contained HTML file per report, with inline
//! CSS and inline SVG charts, no script and nothing fetched. Pages and charts are built with
//! maud, which escapes every interpolated value, so a scraped name reaches the page as text.

use std::io::Write;

use anyhow::Result;
use chrono::NaiveDate;
use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::Rows;
use super::weekly::Method;
use crate::report::Filters;
use crate::report::forwards::ForwardRow;
use crate::report::routing::RoutingRow;
use crate::report::silence::SilenceRow;
use crate::report::weekly::{Period, Weekly, summary_sentence};
use crate::store::ChangeRow;

/// How a route is drawn: an Okabe–Ito colour and, so that colour is never the only cue, a
/// pattern (all but personal) and the route's name in the legend and beside every bar.
const ROUTES: [(&str, &str); 5] = [
    ("personal", "#009E73"),
    ("forwarded", "url(#p-forwarded)"),
    ("unanswered", "url(#p-unanswered)"),
    ("unknown author", "url(#p-unknown)"),
    ("rejected", "url(#p-rejected)"),
];
const OK: &str = "#009E73";
const STALE: &str = "url(#p-unanswered)";
const NEVER: &str = "url(#p-never)";
const NO_TARGET: &str = "url(#p-no-target)";

fn joined(parts: impl Iterator<Item = String>, by: &str) -> String {
    parts.collect::<Vec<_>>().join(by)
}

/// `5.6% (95% interval 1.5–18.1%)`, or a dash without appeals.
fn share_text(p: Option<f64>, low: Option<f64>, high: Option<f64>) -> String {
    match (p, low, high) {
        (Some(p), Some(l), Some(h)) => format!("{p:.1}% (95% interval {l:.1}–{h:.1}%)"),
        _ => "—".to_string(),
    }
}

/// What a figure covers, in words: the submission dates and the official, from the filters.
fn submitted(since: Option<NaiveDate>, until: Option<NaiveDate>, filters: &Filters) -> String {
    let dates = match (since, until) {
        (Some(s), Some(u)) => format!("Appeals submitted {s} to {u}"),
        (Some(s), None) => format!("Appeals submitted from {s}"),
        (None, Some(u)) => format!("Appeals submitted up to {u}"),
        (None, None) => "All stored appeals".to_string(),
    };
    match &filters.addressee {
        Some(a) => format!("{dates} to {a}"),
        None => dates,
    }
}

// ---------------------------------------------------------------------------------------------
// Pages

pub fn routing(out: &mut dyn Write, rows: &[RoutingRow], filters: &Filters) -> Result<()> {
    let period = submitted(filters.since, filters.until, filters);
    let body = routing_section(rows, &period, filters.as_of)?;
    page(
        out,
        "How officials answered citizens' appeals",
        &period,
        filters,
        body,
    )
}

pub fn forwards(out: &mut dyn Write, rows: &[ForwardRow], filters: &Filters) -> Result<()> {
    let period = submitted(filters.since, filters.until, filters);
    let body = forwards_section(rows, &period, filters.as_of, None)?;
    page(out, "Where forwarded appeals went", &period, filters, body)
}

pub fn silence(out: &mut dyn Write, rows: &[SilenceRow], filters: &Filters) -> Result<()> {
    let body = silence_section(rows, filters)?;
    let title = "How long since each department last posted";
    page(
        out,
        title,
        "Every directory entry and publisher",
        filters,
        body,
    )
}

pub fn changes(
    out: &mut dyn Write,
    rows: &[ChangeRow],
    columns: &[&str],
    filters: &Filters,
) -> Result<()> {
    let period = match (filters.since, filters.until) {
        (Some(s), Some(u)) => format!("Scrapes made {s} to {u}"),
        (Some(s), None) => format!("Scrapes made from {s}"),
        (None, Some(u)) => format!("Scrapes made up to {u}"),
        (None, None) => "Every stored scrape".to_string(),
    };
    let mut kinds: Vec<(String, u64)> = Vec::new();
    for row in rows {
        match kinds.iter_mut().find(|(k, _)| *k == row.change) {
            Some((_, n)) => *n += 1,
            None => kinds.push((row.change.clone(), 1)),
        }
    }
    kinds.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let chart = Chart {
        id: "changes-chart",
        title: "Changes on the blogs between scrapes, by kind".into(),
        caption: format!(
            "{period}; as of {}; n = {} changes.",
            filters.as_of,
            rows.len()
        ),
        alt: match rows.len() {
            0 => "No changes were seen in these scrapes.".to_string(),
            n => format!(
                "{n} changes by kind: {}.",
                joined(kinds.iter().map(|(k, n)| format!("{k} {n}")), ", ")
            ),
        },
    };
    let max = kinds.iter().map(|k| k.1).max().unwrap_or(1);
    let bars = html! {
        @if kinds.is_empty() { p { "No changes." } }
        @for (kind, n) in &kinds {
            @let bar = simple_bar(*n as f64 / max as f64, "#56B4E9");
            (bar_row(html! { (kind) }, html! { (n) }, bar))
        }
    };
    let table_rows = Rows::from_serialize(columns, rows)?;
    let body = html! {
        section aria-labelledby="h-changes" {
            h2 #h-changes { "Changes between scrapes" }
            (figure(&chart, html! {}, Drawing::Rows(bars)))
            (table("changes", "Changes, one row per change", &table_rows))
        }
    };
    page(out, "What changed on the blogs", &period, filters, body)
}

/// The main job's summary: routing, the top forward targets per official, and silence.
pub fn audit(
    out: &mut dyn Write,
    routing: &[RoutingRow],
    forwards: &[ForwardRow],
    silence: &[SilenceRow],
    filters: &Filters,
    top: usize,
) -> Result<()> {
    let period = submitted(filters.since, filters.until, filters);
    let body = html! {
        (routing_section(routing, &period, filters.as_of)?)
        (forwards_section(forwards, &period, filters.as_of, Some((top, routing)))?)
        (silence_section(silence, filters)?)
    };
    let title = "Appeals to officials: who answered, who forwarded, who went silent";
    page(out, title, &period, filters, body)
}

/// The weekly document: a sentence per official, the trend of the last weeks, the period's
/// routing, the change against the period before, forwards, silence at the period's end, and
/// the methodology with the files the figures come from.
pub fn weekly(
    out: &mut dyn Write,
    weekly: &Weekly,
    trend: &[(Period, Vec<RoutingRow>)],
    method: &Method,
    filters: &Filters,
) -> Result<()> {
    let period = weekly.period;
    let week = period
        .iso_week()
        .map(|w| format!("week {w}, "))
        .unwrap_or_default();
    let title = format!(
        "Appeals to officials: {week}{} to {}",
        period.since, period.until
    );
    let now = submitted(Some(period.since), Some(period.until), filters);
    let seen = joined(
        method
            .changes
            .iter()
            .filter(|(_, n)| n.as_u64().unwrap_or(0) > 0)
            .map(|(kind, n)| format!("{kind} {n}")),
        ", ",
    );
    // Silence is counted at the period's end, as in the other weekly formats.
    let at_end = Filters {
        as_of: period.until,
        ..filters.clone()
    };
    let (before_since, before_until) = (weekly.previous.since, weekly.previous.until);
    let body = html! {
        section aria-labelledby="h-summary" {
            h2 #h-summary { "In brief" }
            @if weekly.routing.is_empty() { p { "No appeals were submitted in this period." } }
            ul { @for row in &weekly.routing { li { (summary_sentence(row)) } } }
            @if !seen.is_empty() {
                p { "On the blogs, the scrapes of this period showed: " (seen) "." }
            }
        }
        (trend_section(trend, filters)?)
        (routing_section(&weekly.routing, &now, filters.as_of)?)
        section aria-labelledby="h-change" {
            h2 #h-change { "Against the period before (" (before_since) " to " (before_until) ")" }
            (change_table(&weekly.change))
        }
        (forwards_section(&weekly.forwards, &now, filters.as_of, None)?)
        (silence_section(&weekly.silence, &at_end)?)
        (methodology(weekly, method))
    };
    let meta = format!("{now}, compared with {before_since} to {before_until}");
    page(out, &title, &meta, filters, body)
}

fn page(
    out: &mut dyn Write,
    title: &str,
    what: &str,
    filters: &Filters,
    body: Markup,
) -> Result<()> {
    let version = env!("CARGO_PKG_VERSION");
    let document = html! {
        (DOCTYPE)
        html lang="ru" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content={ "appeal-audit " (version) };
                title { (title) }
                style { (PreEscaped(CSS)) }
            }
            body {
                (patterns())
                header {
                    h1 { (title) }
                    p.meta { (what) ". Figures as of " (filters.as_of) "." }
                }
                main { (body) }
                footer {
                    p {
                        "Shares are of each official's appeals, with 95% Wilson score intervals. "
                        "Made with appeal-audit " (version) "."
                    }
                }
            }
        }
    };
    out.write_all(document.into_string().as_bytes())?;
    Ok(())
}

/// Phone first: fluid widths, words at the reader's font size beside the bars, tables that
/// scroll sideways; on paper, A4 with the colours kept. A system font stack with Cyrillic.
const CSS: &str = include_str!("page.css");

/// The patterns that set routes apart without colour; defined once, used by every chart.
fn patterns() -> Markup {
    let stripes = |id: &str, colour: &str, angle: u32| {
        html! {
            pattern id=(id) width="8" height="8" patternUnits="userSpaceOnUse"
                patternTransform={ "rotate(" (angle) ")" } {
                rect width="8" height="8" fill=(colour) {}
                rect width="3" height="8" fill="#fff" fill-opacity="0.4" {}
            }
        }
    };
    let dots = |id: &str, colour: &str| {
        html! {
            pattern id=(id) width="6" height="6" patternUnits="userSpaceOnUse" {
                rect width="6" height="6" fill=(colour) {}
                circle cx="3" cy="3" r="1.3" fill="#000" fill-opacity="0.45" {}
            }
        }
    };
    html! {
        svg.defs aria-hidden="true" focusable="false" width="0" height="0" {
            defs {
                (stripes("p-forwarded", "#0072B2", 45))
                pattern id="p-unanswered" width="8" height="8" patternUnits="userSpaceOnUse" {
                    rect width="8" height="8" fill="#D55E00" {}
                    path d="M0 0L8 8M8 0L0 8" stroke="#fff" stroke-opacity="0.55" stroke-width="1.5" {}
                }
                (dots("p-unknown", "#F0E442"))
                (stripes("p-rejected", "#CC79A7", 0))
                (dots("p-no-target", "#BBBBBB"))
                pattern id="p-never" width="8" height="8" patternUnits="userSpaceOnUse"
                    patternTransform="rotate(45)" {
                    rect width="8" height="8" fill="#fff" {}
                    rect width="2" height="8" fill="#777" {}
                }
            }
        }
    }
}

mod charts;
mod sections;

use charts::*;
use sections::*;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert_eq!(short_week("2022-W38"), "W38");
        assert_eq!(short_week("2022-09-19 to 2022-09-25"), "09-19");
        assert_eq!(heading("personal_pct_low"), "personal % low");
        assert_eq!(pc(0.056), "5.60%");
        assert_eq!(pc(1.5), "100.00%");
        assert_eq!((nice_max(0), nice_max(7), nice_max(8)), (2, 8, 8));
    }

    #[test]
    fn stacks_leave_out_empty_routes() {
        let segments = stack([1, 0, 3, 0, 0], 0.25);
        assert_eq!(segments, vec![(0.0, 0.25, 0, 1), (0.25, 0.75, 2, 3)]);
    }

    #[test]
    fn values_are_escaped() {
        let hostile = "<img src=x onerror=alert(1)>\"><script>";
        let row = RoutingRow {
            addressee: hostile.into(),
            appeals: 1,
            personal: 1,
            ..Default::default()
        };
        let markup = html! { (routing_alt(&row)) (routing_bar(&row)) }.into_string();
        assert!(
            !markup.contains("<img") && !markup.contains("<script"),
            "{markup}"
        );
        assert!(markup.contains("&lt;img src=x onerror=alert(1)&gt;&quot;&gt;&lt;script&gt;"));
    }
}
