//! The publication page for the newsroom: one self-contained HTML file per report, with inline
//! CSS and inline SVG charts, no script and nothing fetched. Pages and charts are built with
//! maud, which escapes every interpolated value, so a scraped name reaches the page as text.

use std::io::Write;

use anyhow::Result;
use chrono::NaiveDate;
use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::Rows;
use super::weekly::Method;
use super::words::{summary_sentence, word};
use crate::catalogue::{self, Vocabulary};
use crate::classify::{Route, RouteCounts};
use crate::i18n::{Lang, lang, tr};
use crate::report::Filters;
use crate::report::forwards::ForwardRow;
use crate::report::routing::RoutingRow;
use crate::report::silence::SilenceRow;
use crate::report::weekly::{Period, Weekly};
use crate::store::ChangeRow;

/// How a route is drawn: an Okabe–Ito colour and, so that colour is never the only cue, a
/// pattern (all but personal) and the route's name (`route_label`) in the legend and beside
/// every bar.
/// In `Route::READING` order.
const ROUTES: [(Route, &str); 5] = [
    (Route::Personal, "#009E73"),
    (Route::Forwarded, "url(#p-forwarded)"),
    (Route::Unanswered, "url(#p-unanswered)"),
    (Route::Unknown, "url(#p-unknown)"),
    (Route::Rejected, "url(#p-rejected)"),
];

/// A route's name on the page, in the run's language.
fn route_label(route: Route) -> String {
    tr(&format!("html-route-{}", route.as_str()), &[])
}

/// The counts in the order `ROUTES` draws and names them.
fn drawn(counts: RouteCounts) -> [u64; 5] {
    counts.of(Route::READING)
}
const OK: &str = "#009E73";
const STALE: &str = "url(#p-unanswered)";
const NEVER: &str = "url(#p-never)";
const NOT_READ: &str = "url(#p-not-read)";
const NO_TARGET: &str = "url(#p-no-target)";

/// A kind of change (`answered`, `vanished`...) in the run's language.
fn change_word(kind: &str) -> String {
    word(Vocabulary::Change, kind, lang())
}

fn joined(parts: impl Iterator<Item = String>, by: &str) -> String {
    parts.collect::<Vec<_>>().join(by)
}

/// `5.6% (95% interval 1.5–18.1%)`, or a dash without appeals.
fn share_text(p: Option<f64>, low: Option<f64>, high: Option<f64>) -> String {
    let lang = lang();
    match (p, low, high) {
        (Some(p), Some(l), Some(h)) => lang.tr(
            "html-share",
            &[
                ("share", lang.percent(p).into()),
                ("low", lang.decimal(l).into()),
                ("high", lang.percent(h).into()),
            ],
        ),
        _ => "—".to_string(),
    }
}

/// `Appeals submitted 2022-09-19 to 2022-09-25`: a span of dates in words, by the messages
/// `{key}` (both dates), `{key}-from`, `{key}-until` and `{key}-all`.
fn dated(key: &str, since: Option<NaiveDate>, until: Option<NaiveDate>) -> String {
    let lang = lang();
    match (since, until) {
        (Some(s), Some(u)) => lang.tr(key, &[("period", lang.period(s, u).into())]),
        (Some(s), None) => lang.tr(&format!("{key}-from"), &[("date", lang.date(s).into())]),
        (None, Some(u)) => lang.tr(&format!("{key}-until"), &[("date", lang.date(u).into())]),
        (None, None) => lang.tr(&format!("{key}-all"), &[]),
    }
}

/// What a figure covers, in words: the submission dates and the official, from the filters.
fn submitted(since: Option<NaiveDate>, until: Option<NaiveDate>, filters: &Filters) -> String {
    let dates = dated("html-submitted", since, until);
    match &filters.addressee {
        Some(a) => tr(
            "html-to-addressee",
            &[("what", dates.into()), ("name", a.clone().into())],
        ),
        None => dates,
    }
}

/// The as-of date in running text.
fn as_of_text(as_of: NaiveDate) -> String {
    lang().date(as_of)
}

// ---------------------------------------------------------------------------------------------
// Pages

pub fn routing(out: &mut dyn Write, rows: &[RoutingRow], filters: &Filters) -> Result<()> {
    let period = submitted(filters.since, filters.until, filters);
    let body = routing_section(rows, &period, filters.as_of)?;
    page(out, &tr("html-title-routing", &[]), &period, filters, body)
}

pub fn forwards(out: &mut dyn Write, rows: &[ForwardRow], filters: &Filters) -> Result<()> {
    let period = submitted(filters.since, filters.until, filters);
    let body = forwards_section(rows, &period, filters.as_of, None)?;
    page(out, &tr("html-title-forwards", &[]), &period, filters, body)
}

pub fn silence(out: &mut dyn Write, rows: &[SilenceRow], filters: &Filters) -> Result<()> {
    let body = silence_section(rows, filters)?;
    let (title, what) = (tr("html-title-silence", &[]), tr("html-silence-what", &[]));
    page(out, &title, &what, filters, body)
}

pub fn changes(out: &mut dyn Write, rows: &[ChangeRow], filters: &Filters) -> Result<()> {
    let period = dated("html-scrapes", filters.since, filters.until);
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
        title: tr("html-changes-chart", &[]),
        caption: tr(
            "html-changes-caption",
            &[
                ("period", period.clone().into()),
                ("date", as_of_text(filters.as_of).into()),
                ("n", rows.len().into()),
            ],
        ),
        alt: match rows.len() {
            0 => tr("html-changes-none-alt", &[]),
            n => {
                let list = kinds.iter().map(|(k, n)| format!("{} {n}", change_word(k)));
                tr(
                    "html-changes-alt",
                    &[("n", n.into()), ("list", joined(list, ", ").into())],
                )
            }
        },
    };
    let max = kinds.iter().map(|k| k.1).max().unwrap_or(1);
    let bars = html! {
        @if kinds.is_empty() { p { (tr("html-changes-none", &[])) } }
        @for (kind, n) in &kinds {
            @let bar = simple_bar(*n as f64 / max as f64, "#56B4E9");
            (bar_row(html! { (change_word(kind)) }, html! { (n) }, bar))
        }
    };
    let table_rows = Rows::from_serialize(catalogue::CHANGES, rows)?;
    let body = html! {
        section aria-labelledby="h-changes" {
            h2 #h-changes { (tr("html-changes-h", &[])) }
            (figure(&chart, html! {}, Drawing::Rows(bars)))
            (table("changes", &tr("html-changes-table", &[]), &table_rows))
        }
    };
    page(out, &tr("html-title-changes", &[]), &period, filters, body)
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
    page(out, &tr("html-title-audit", &[]), &period, filters, body)
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
    let lang = lang();
    let period = weekly.period;
    let title = super::weekly::title(period, lang);
    let now = submitted(Some(period.since), Some(period.until), filters);
    let seen = super::weekly::changes_seen(method.changes, lang);
    // Silence is counted at the period's end, as in the other weekly formats.
    let at_end = Filters {
        as_of: period.until,
        ..filters.clone()
    };
    let before = lang.period(weekly.previous.since, weekly.previous.until);
    let body = html! {
        section aria-labelledby="h-summary" {
            h2 #h-summary { (tr("html-brief", &[])) }
            @if weekly.routing.is_empty() { p { (tr("weekly-none", &[])) } }
            ul { @for row in &weekly.routing { li { (summary_sentence(row, lang)) } } }
            @if !seen.is_empty() {
                p { (tr("weekly-seen", &[("list", seen.clone().into())])) }
            }
        }
        (trend_section(trend, filters)?)
        (routing_section(&weekly.routing, &now, filters.as_of)?)
        section aria-labelledby="h-change" {
            h2 #h-change { (tr("weekly-h-change", &[("period", before.clone().into())])) }
            (change_table(&weekly.change))
        }
        (forwards_section(&weekly.forwards, &now, filters.as_of, None)?)
        (silence_section(&weekly.silence, &at_end)?)
        (methodology(weekly, method))
    };
    let meta = tr(
        "html-compared",
        &[("what", now.clone().into()), ("before", before.into())],
    );
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
        // English pages have said `ru` since the first version (their names and quotes are
        // Russian); a Russian or Kazakh page says its own language.
        html lang=(match lang() { Lang::Kk => "kk", _ => "ru" }) {
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
                    p.meta { (tr("html-meta", &[("what", what.to_string().into()), ("date", as_of_text(filters.as_of).into())])) }
                }
                main { (body) }
                footer {
                    p { (tr("html-footer", &[("version", version.into())])) }
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
                (stripes("p-not-read", "#999999", 90))
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
    fn routes_are_drawn_in_reading_order() {
        assert_eq!(ROUTES.map(|(route, _)| route), Route::READING);
        let trend: Vec<&str> = catalogue::WEEKLY_TREND[4..9]
            .iter()
            .map(|c| c.name)
            .collect();
        assert_eq!(trend, Route::READING.map(Route::as_str));
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

    #[test]
    fn a_body_gov_kz_refused_is_drawn_as_not_read_never_as_never_posted() {
        use crate::records::names::EntryKind;
        use crate::report::silence::SilenceStatus;
        let row = |name: &str, days_since, status| SilenceRow {
            name: name.to_string(),
            kind: EntryKind::Department,
            last_post: None,
            days_since,
            posts_30d: 0,
            status,
            reposts_30d: 0,
            last_attempt: Some("2026-09-14".to_string()),
        };
        let rows = [
            row("Отдел Г", None, SilenceStatus::NotRead),
            row("Управление А", Some(45), SilenceStatus::NotRead),
            row("Отдел Д", None, SilenceStatus::Never),
        ];
        let filters = Filters::as_of(NaiveDate::from_ymd_opt(2026, 9, 15).unwrap());
        let markup = silence_section(&rows, &filters).unwrap().into_string();
        let date = lang().date(NaiveDate::from_ymd_opt(2026, 9, 14).unwrap());
        for want in [
            format!("Отдел Г: not read: on {date} gov.kz refused every source"),
            format!("not read on {date}"),
            "Управление А: 45 days since the last post (not read)".to_string(),
            "45 days · not read".to_string(),
            "fill=\"url(#p-not-read)\"".to_string(),
            "Отдел Д: never posted.".to_string(),
        ] {
            assert!(markup.contains(&want), "{want} in {markup}");
        }
        assert!(!markup.contains("Отдел Г: never posted"), "{markup}");
    }
}
