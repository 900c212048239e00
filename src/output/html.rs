//! The publication page for the newsroom: one self-contained HTML file per report, with inline
//! CSS and inline SVG charts, no script and nothing fetched. Pages and charts are built with
//! maud, which escapes every interpolated value, so a scraped name reaches the page as text.

use std::io::Write;

use anyhow::Result;
use chrono::NaiveDate;
use maud::{DOCTYPE, Markup, PreEscaped, html};
use serde_json::Value;

use super::weekly::Method;
use super::{Rows, cell_text};
use crate::report::forwards::{self, ForwardRow, UNKNOWN_TARGET};
use crate::report::routing::{self, RoutingRow};
use crate::report::silence::{self, SilenceRow};
use crate::report::weekly::{
    ChangeRow as WeekChange, Period, Weekly, summary_sentence, with_arrow,
};
use crate::report::{Filters, pct, wilson};
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

fn route_counts(r: &RoutingRow) -> [u64; 5] {
    [r.personal, r.forwarded, r.unanswered, r.unknown, r.rejected]
}

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
const CSS: &str = r#"
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0 auto;max-width:1100px;padding:1rem;color:#1a1a1a;background:#fff;
font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans","Liberation Sans",Arial,sans-serif}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0}
h2{font-size:1.25rem;line-height:1.3;margin:2rem 0 .5rem;padding-top:1rem;border-top:1px solid #d0d0d0}
.meta,.caption,footer{color:#555}
.sr-only{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap;border:0}
figure{margin:1rem 0 .75rem;max-width:780px}
figcaption strong{display:block}
figcaption .caption{font-size:.9rem}
.legend{list-style:none;margin:.4rem 0;padding:0;display:flex;flex-wrap:wrap;gap:.2rem 1rem;font-size:.85rem}
.legend svg{vertical-align:-2px;margin-right:.3rem}
svg.defs{position:absolute;width:0;height:0;overflow:hidden}
svg.chart{display:block;width:100%;max-width:560px;height:auto}
svg text{font-family:inherit;fill:#1a1a1a;font-size:12px}
svg .small{font-size:11px;fill:#444}
svg .seg{font-size:12px;font-weight:700;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
.hbars{position:relative}
.hbars.threshold{padding-top:1.4rem}
.hbars .line{position:absolute;top:.2rem;bottom:0;border-left:2px solid #000}
.hbars .line span{position:absolute;top:-.2rem;left:.3rem;font-size:.8rem;white-space:nowrap;background:#fff}
.hrow{margin:0 0 .55rem}
.hrow p{margin:0;font-size:.9rem;line-height:1.3;display:flex;flex-wrap:wrap;justify-content:space-between;column-gap:.75rem}
.hrow p span,.hrow p b{position:relative;background:#fff}
.hrow p.note{display:block;color:#444;font-size:.8rem;background:none}
.hrow svg{display:block;overflow:visible;margin:.15rem 0}
.hgroup{margin:1rem 0 .4rem;font-size:.95rem}
.scroll{overflow-x:auto;max-width:100%;border:1px solid #d0d0d0;margin-bottom:1rem}
table{border-collapse:collapse;font-size:.875rem;min-width:100%}
caption{text-align:left;padding:.4rem .5rem;color:#555;font-size:.85rem}
th,td{padding:.3rem .5rem;border-top:1px solid #e2e2e2;text-align:left;vertical-align:top}
thead th{background:#f3f3f3;white-space:nowrap}
td{max-width:26em;overflow-wrap:break-word}
td:first-child{min-width:13em}
.nowrap{white-space:nowrap}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
code{font-size:.85em;overflow-wrap:anywhere}
footer{margin-top:2rem;border-top:1px solid #d0d0d0;font-size:.85rem}
@media (max-width:600px){body{padding:.6rem;font-size:15px}h1{font-size:1.3rem}}
@page{size:A4;margin:14mm}
@media print{
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{max-width:none;padding:0;font-size:10pt}
.scroll{overflow:visible;border:0}
table{min-width:0;width:100%;font-size:6.5pt}
th,td{padding:.1rem .15rem}
thead th.num,thead th{white-space:normal}
td{max-width:none}
td:first-child{min-width:0}
figure,tr,.hrow{break-inside:avoid}
h2,figcaption{break-after:avoid}
}
"#;

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

// ---------------------------------------------------------------------------------------------
// Sections: a heading, the chart, and the table of its figures under it

fn routing_section(rows: &[RoutingRow], period: &str, as_of: NaiveDate) -> Result<Markup> {
    let n: u64 = rows.iter().map(|r| r.appeals).sum();
    let chart = Chart {
        id: "routing-chart",
        title: "How each official's appeals were answered".into(),
        caption: format!(
            "{period}; as of {as_of}; n = {n} appeals to {} officials.",
            rows.len()
        ),
        alt: joined(rows.iter().map(routing_alt), " "),
    };
    let mut keys: Vec<(&str, &str)> = ROUTES.iter().map(|(label, fill)| (*fill, *label)).collect();
    keys.push(("", "95% interval of the personal share"));
    let drawing = html! {
        @if rows.is_empty() { p { "No appeals in this period." } }
        @for r in rows {
            @let few = if r.note.is_some() { " · few appeals" } else { "" };
            @let share = share_text(r.personal_pct, r.personal_pct_low, r.personal_pct_high);
            div.hrow {
                p {
                    span { strong { (r.addressee) } " · n = " (r.appeals) (few) }
                    b { "personal " (share) }
                }
                (routing_bar(r))
                p.note { (routing_counts(r, " · ")) }
            }
        }
    };
    let table_rows = Rows::from_serialize(routing::COLUMNS, rows)?;
    Ok(html! {
        section aria-labelledby="h-routing" {
            h2 #h-routing { "How appeals were answered" }
            (figure(&chart, legend(&keys), Drawing::Rows(drawing)))
            (table("routing", "Routing per official (shares in %, 95% Wilson interval low and high)",
                &table_rows))
        }
    })
}

fn routing_counts(r: &RoutingRow, by: &str) -> String {
    let counts = ROUTES.iter().zip(route_counts(r));
    joined(counts.map(|((label, _), n)| format!("{label} {n}")), by)
}

fn routing_alt(r: &RoutingRow) -> String {
    let share = share_text(r.personal_pct, r.personal_pct_low, r.personal_pct_high);
    let counts = routing_counts(r, ", ");
    format!(
        "{}: {} appeals; {counts}; personal share {share}.",
        r.addressee, r.appeals
    )
}

/// `top`: only the first targets of each official are listed (audit); their routing rows give
/// the whole number forwarded.
fn forwards_section(
    rows: &[ForwardRow],
    period: &str,
    as_of: NaiveDate,
    top: Option<(usize, &[RoutingRow])>,
) -> Result<Markup> {
    let shown = |group: &[&ForwardRow]| group.iter().map(|r| r.appeals).sum::<u64>();
    let forwarded = |name: &str, group: &[&ForwardRow]| match top {
        Some((_, routing)) => routing
            .iter()
            .find(|r| r.addressee == name)
            .map_or(0, |r| r.forwarded),
        None => shown(group),
    };
    let groups = by_addressee(rows);
    let n: u64 = groups
        .iter()
        .map(|(name, group)| forwarded(name, group))
        .sum();
    let which = top.map(|(k, _)| format!(" (the top {k} targets of each official)"));
    let chart = Chart {
        id: "forwards-chart",
        title: format!(
            "Where each official's forwarded appeals went{}",
            which.unwrap_or_default()
        ),
        caption: format!(
            "{period}; as of {as_of}; n = {n} forwarded appeals from {} officials.",
            groups.len()
        ),
        alt: joined(
            groups.iter().map(|(name, rows)| {
                let targets = rows
                    .iter()
                    .map(|r| format!("{} {}", r.forwarded_to, r.appeals));
                format!("{name}: {}.", joined(targets, ", "))
            }),
            " ",
        ),
    };
    let max = rows.iter().map(|r| r.appeals).max().unwrap_or(1).max(1) as f64;
    let drawing = html! {
        @for (name, group) in &groups {
            @let (all, listed) = (forwarded(name, group), shown(group));
            p.hgroup {
                strong { (name) } " · " (all) " forwarded"
                @if listed < all { ", " (listed) " of them to the targets below" }
            }
            @for r in group {
                @let fill = if r.forwarded_to == UNKNOWN_TARGET { NO_TARGET } else { ROUTES[1].1 };
                @let bar = simple_bar(r.appeals as f64 / max, fill);
                (bar_row(html! { (r.forwarded_to) }, html! { (r.appeals) }, bar))
            }
        }
    };
    let keys = [
        (ROUTES[1].1, "forwarded to this target"),
        (NO_TARGET, "unknown: no target recorded"),
    ];
    let table_rows = Rows::from_serialize(forwards::COLUMNS, rows)?;
    Ok(html! {
        section aria-labelledby="h-forwards" {
            h2 #h-forwards { "Where forwarded appeals went" }
            @if rows.is_empty() {
                p { "No appeal in this period was forwarded." }
            } @else {
                (figure(&chart, legend(&keys), Drawing::Rows(drawing)))
                (table("forwards",
                    "Forwarded appeals per official and target (unknown: no target recorded)",
                    &table_rows))
            }
        }
    })
}

fn by_addressee(rows: &[ForwardRow]) -> Vec<(&str, Vec<&ForwardRow>)> {
    let mut groups: Vec<(&str, Vec<&ForwardRow>)> = Vec::new();
    for row in rows {
        match groups.last_mut() {
            Some((name, group)) if *name == row.addressee => group.push(row),
            _ => groups.push((&row.addressee, vec![row])),
        }
    }
    groups
}

/// Days since the last post per name, against a line at the stale threshold; a name that never
/// posted gets a hatched, outlined bar and the words `never posted`.
fn silence_section(rows: &[SilenceRow], filters: &Filters) -> Result<Markup> {
    let (as_of, stale_after) = (filters.as_of, filters.stale_after);
    let reposts = if filters.originals_only {
        " (reposts not counted)"
    } else {
        ""
    };
    let chart = Chart {
        id: "silence-chart",
        title: "Days since each department and official last posted".into(),
        caption: format!(
            "Posts up to {as_of}{reposts}; as of {as_of}; stale after {stale_after} days \
             without a post; n = {} departments and officials.",
            rows.len()
        ),
        alt: joined(
            rows.iter().map(|r| match r.days_since {
                Some(d) => format!("{}: {d} days since the last post ({}).", r.name, r.status),
                None => format!("{}: never posted.", r.name),
            }),
            " ",
        ),
    };
    // The scale leaves room past the threshold, so that a line at 100% never hides a bar's end.
    let longest = rows.iter().filter_map(|r| r.days_since).max().unwrap_or(0);
    let max = (longest.max(stale_after).max(1) as f64) * 1.05;
    let drawing = html! {
        div.line style={ "left:" (format!("{:.2}", 100.0 * stale_after.max(0) as f64 / max)) "%" } {
            span { "stale after " (stale_after) " days" }
        }
        @for r in rows {
            @let official = if r.kind == "official" { " (official)" } else { "" };
            @let name = html! { (r.name) (official) };
            @match r.days_since {
                Some(days) => {
                    @let fill = if r.status == "stale" { STALE } else { OK };
                    @let bar = simple_bar(days.max(0) as f64 / max, fill);
                    (bar_row(name, html! { (days) " days · " (r.status) }, bar))
                }
                None => (bar_row(name, html! { "never posted" }, html! {
                    svg width="100%" height="14" aria-hidden="true" focusable="false" {
                        rect width="100%" height="14" fill=(NEVER) stroke="#555" stroke-dasharray="3 2" {}
                    }
                })),
            }
        }
    };
    let keys = [
        (OK, "ok"),
        (STALE, "stale"),
        (NEVER, "never posted"),
        ("", "stale threshold"),
    ];
    let table_rows = Rows::from_serialize(silence::COLUMNS, rows)?;
    Ok(html! {
        section aria-labelledby="h-silence" {
            h2 #h-silence { "Silence on " (as_of) }
            (figure(&chart, legend(&keys), Drawing::Threshold(drawing)))
            (table("silence", "Silence per department and official", &table_rows))
        }
    })
}

/// Appeals per week over the last weeks: columns stacked by route, the personal share with
/// its interval, then the figures, all officials together.
fn trend_section(trend: &[(Period, Vec<RoutingRow>)], filters: &Filters) -> Result<Markup> {
    let weeks: Vec<WeekTotal> = trend.iter().map(|(p, rows)| week_total(*p, rows)).collect();
    let (Some(first), Some(last)) = (weeks.first(), weeks.last()) else {
        return Ok(html! {});
    };
    let n: u64 = weeks.iter().map(|w| w.appeals).sum();
    let caption = format!(
        "{}; {} weeks; as of {}; n = {n} appeals.",
        submitted(Some(first.period.since), Some(last.period.until), filters),
        weeks.len(),
        filters.as_of
    );
    let appeals = Chart {
        id: "trend-appeals",
        title: "Appeals per week, by how they were answered".into(),
        caption: caption.clone(),
        alt: joined(
            weeks.iter().map(|w| {
                let counts = ROUTES
                    .iter()
                    .zip(w.counts)
                    .map(|((label, _), n)| format!("{label} {n}"));
                format!(
                    "{}: {} appeals ({}).",
                    w.label,
                    w.appeals,
                    joined(counts, ", ")
                )
            }),
            " ",
        ),
    };
    let share = Chart {
        id: "trend-personal",
        title: "Share answered personally per week, with its 95% interval".into(),
        caption,
        alt: joined(
            weeks.iter().map(|w| {
                let share = share_text(w.personal_pct, w.low, w.high);
                format!("{}: {share}, n = {}.", w.label, w.appeals)
            }),
            " ",
        ),
    };
    let columns = [
        "week",
        "since",
        "until",
        "appeals",
        "personal",
        "forwarded",
        "unanswered",
        "unknown",
        "rejected",
        "personal_pct",
        "personal_pct_low",
        "personal_pct_high",
    ];
    let values = weeks.iter().map(|w| {
        let mut row: Vec<Value> = vec![
            w.label.clone().into(),
            w.period.since.to_string().into(),
            w.period.until.to_string().into(),
            w.appeals.into(),
        ];
        row.extend(w.counts.map(Value::from));
        row.extend([w.personal_pct, w.low, w.high].map(|v| v.map_or(Value::Null, Value::from)));
        row
    });
    let rows = Rows {
        columns: columns.iter().map(|c| c.to_string()).collect(),
        values: values.collect(),
    };
    let route_keys: Vec<(&str, &str)> =
        ROUTES.iter().map(|(label, fill)| (*fill, *label)).collect();
    let share_keys = [(OK, "share answered personally"), ("", "95% interval")];
    Ok(html! {
        section aria-labelledby="h-trend" {
            h2 #h-trend { "The last " (weeks.len()) " weeks" }
            (figure(&appeals, legend(&route_keys), trend_columns(&weeks)))
            (figure(&share, legend(&share_keys), trend_share(&weeks)))
            (table("trend", "All officials together, per week", &rows))
        }
    })
}

struct WeekTotal {
    period: Period,
    label: String,
    appeals: u64,
    counts: [u64; 5],
    personal_pct: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
}

fn week_total(period: Period, rows: &[RoutingRow]) -> WeekTotal {
    let mut counts = [0u64; 5];
    for r in rows {
        for (total, n) in counts.iter_mut().zip(route_counts(r)) {
            *total += n;
        }
    }
    let appeals = rows.iter().map(|r| r.appeals).sum();
    let interval = wilson(counts[0], appeals);
    WeekTotal {
        period,
        label: period
            .iso_week()
            .unwrap_or_else(|| format!("{} to {}", period.since, period.until)),
        appeals,
        counts,
        personal_pct: pct(counts[0], appeals),
        low: interval.map(|i| i.0),
        high: interval.map(|i| i.1),
    }
}

fn change_table(change: &[WeekChange]) -> Markup {
    type Pair = fn(&WeekChange) -> (u64, u64);
    let pairs: [(&str, Pair); 5] = [
        ("appeals", |c| (c.appeals, c.appeals_before)),
        ("personal", |c| (c.personal, c.personal_before)),
        ("forwarded", |c| (c.forwarded, c.forwarded_before)),
        ("unanswered", |c| (c.unanswered, c.unanswered_before)),
        ("overdue", |c| (c.overdue, c.overdue_before)),
    ];
    html! {
        div.scroll role="region" aria-label="Against the period before" tabindex="0" {
            table data-report="change" {
                caption {
                    "Each figure this period with its change, and the figure in the period before"
                }
                thead { tr {
                    th scope="col" data-key="addressee" { "addressee" }
                    @for (key, _) in &pairs {
                        th.num scope="col" data-key=(key) { (key) }
                        th.num scope="col" data-key={ (key) "_before" } { "before" }
                    }
                } }
                tbody { @for c in change { tr {
                    td data-key="addressee" { (c.addressee) }
                    @for (key, get) in &pairs {
                        @let (now, before) = get(c);
                        td.num data-key=(key) { (with_arrow(now, before)) }
                        td.num data-key={ (key) "_before" } { (before) }
                    }
                } } }
            }
        }
    }
}

fn methodology(weekly: &Weekly, method: &Method) -> Markup {
    let (now, before) = (weekly.period, weekly.previous);
    html! {
        section aria-labelledby="h-method" {
            h2 #h-method { "Methodology" }
            ul {
                li { "Period: appeals submitted from " (now.since) " to " (now.until)
                     " inclusive, compared with " (before.since) " to " (before.until) "." }
                li { "As of " (method.as_of) ": an appeal unanswered by then counts as overdue once \
                      its due date has passed." }
                li { "Deadline: " (method.deadline) "." }
                li { "Personal: the first answer is signed by the official (by name, initials, an \
                      alias or the post). Forwarded: the appeal was redirected, or the first answer \
                      is signed by someone else or says it was passed on. Unanswered: no answer on \
                      the page. Unknown author: an answer with no author. Rejected: the body \
                      refused to consider it." }
                li { "Shares are of each official's appeals, with 95% Wilson score intervals \
                      (E. B. Wilson, 1927)." }
                li { "Silence: days from a department's latest post to " (now.until)
                     "; stale after the threshold, never when it has no post." }
                li { "Files:"
                    ul { @for f in method.files {
                        li { (f.file) " (" (f.kind) ", " (f.records) " records, SHA-256 "
                             code { (f.sha256) } ")" }
                    } }
                }
            }
        }
    }
}

/// A table of report rows: each cell the JSON value of its column (null as a dash), the column's
/// key in `data-key`, so that a reader's script or a test can match it to the JSON report.
fn table(report: &str, caption: &str, rows: &Rows) -> Markup {
    let numeric: Vec<bool> = (0..rows.columns.len())
        .map(|i| rows.values.iter().any(|v| v[i].is_number()))
        .collect();
    html! {
        div.scroll role="region" aria-label=(caption) tabindex="0" {
            table data-report=(report) {
                caption { (caption) }
                thead { tr { @for (i, c) in rows.columns.iter().enumerate() {
                    th.num[numeric[i]] scope="col" data-key=(c) { (heading(c)) }
                } } }
                tbody { @for values in &rows.values { tr {
                    @for (i, (c, v)) in rows.columns.iter().zip(values).enumerate() {
                        td.num[numeric[i]].nowrap[short(v)] data-key=(c) {
                            @if v.is_null() { "—" } @else { (cell_text(v)) }
                        }
                    }
                } } }
            }
        }
    }
}

/// A date, a week or a status: a short word that should not break across lines.
fn short(value: &Value) -> bool {
    value
        .as_str()
        .is_some_and(|s| s.chars().count() <= 16 && !s.contains(char::is_whitespace))
}

/// `personal_pct_low` → `personal % low`: the column key, readable.
fn heading(key: &str) -> String {
    key.replace("_pct", " %").replace('_', " ")
}

// ---------------------------------------------------------------------------------------------
// Charts, drawn as SVG through maud so that every label is escaped like the rest of the page.
// Bar charts put their words in HTML beside bars drawn in percent of the width, so that the
// words keep the reader's font size on a phone; the weekly trend is one scaled SVG.

struct Chart {
    id: &'static str,
    title: String,
    /// The period, the as-of date and n.
    caption: String,
    /// The chart in words, for screen readers and for anyone who cannot tell the colours apart.
    alt: String,
}

enum Drawing {
    /// Rows of words and bars.
    Rows(Markup),
    /// Rows of words and bars under a vertical threshold line.
    Threshold(Markup),
    /// One SVG of this height, drawn on `TREND_W` units of width.
    Svg(f64, Markup),
}

fn figure(chart: &Chart, legend: Markup, drawing: Drawing) -> Markup {
    let id = chart.id;
    let (caption_id, desc_id, title_id) = (
        format!("{id}-caption"),
        format!("{id}-desc"),
        format!("{id}-title"),
    );
    html! {
        figure id=(id) aria-labelledby=(caption_id) aria-describedby=(desc_id) {
            figcaption id=(caption_id) {
                strong { (chart.title) }
                span.caption { (chart.caption) }
            }
            (legend)
            @match drawing {
                Drawing::Rows(rows) => div.hbars { (rows) },
                Drawing::Threshold(rows) => div.hbars.threshold { (rows) },
                Drawing::Svg(height, body) => {
                    svg.chart role="img" width=(TREND_W) height=(height)
                        viewBox={ "0 0 " (TREND_W) " " (height) }
                        aria-labelledby=(title_id) aria-describedby=(desc_id) {
                        title id=(title_id) { (chart.title) ". " (chart.caption) }
                        (body)
                    }
                }
            }
            p.sr-only id=(desc_id) { (chart.alt) }
        }
    }
}

/// Swatches and names above a chart; an empty fill is a line (a threshold or an interval).
fn legend(keys: &[(&str, &str)]) -> Markup {
    html! {
        ul.legend {
            @for (fill, label) in keys {
                li {
                    svg width="14" height="14" aria-hidden="true" focusable="false" {
                        @if fill.is_empty() {
                            line x1="7" x2="7" y1="0" y2="14" stroke="#000" stroke-width="2" {}
                        } @else {
                            rect width="14" height="14" fill=(fill) stroke="#333" stroke-width="0.5" {}
                        }
                    }
                    (label)
                }
            }
        }
    }
}

/// A percentage of the row's width, as SVG takes it.
fn pc(share: f64) -> String {
    format!("{:.2}%", 100.0 * share.clamp(0.0, 1.0))
}

/// One row of a bar chart: the name on the left and the figure on the right, the bar under them.
fn bar_row(name: Markup, figure: Markup, bar: Markup) -> Markup {
    html! { div.hrow { p { span { (name) } b { (figure) } } (bar) } }
}

/// A bar `share` of the width long (at least a sliver, so that a small figure still shows).
fn simple_bar(share: f64, fill: &str) -> Markup {
    html! {
        svg width="100%" height="14" aria-hidden="true" focusable="false" {
            rect width=(pc(share.max(0.004))) height="14" fill=(fill) {}
        }
    }
}

/// One official's appeals stacked by route, the counts on the segments wide enough to hold
/// them, and the personal share's 95% interval as a whisker under the bar.
fn routing_bar(r: &RoutingRow) -> Markup {
    let n = r.appeals.max(1) as f64;
    html! {
        svg width="100%" height="32" aria-hidden="true" focusable="false" {
            @for (x, w, k, count) in stack(route_counts(r), 1.0 / n) {
                rect x=(pc(x)) width=(pc(w)) height="22" fill=(ROUTES[k].1) {}
                @if w >= 0.07 {
                    text.seg x=(pc(x + w / 2.0)) y="15.5" text-anchor="middle" { (count) }
                }
            }
            @if let (Some(low), Some(high)) = (r.personal_pct_low, r.personal_pct_high) {
                @let (a, b) = (pc(low / 100.0), pc(high / 100.0));
                g stroke="#000" stroke-width="1.5" {
                    line x1=(a) x2=(b) y1="27" y2="27" {}
                    line x1=(a) x2=(a) y1="23" y2="31" {}
                    line x1=(b) x2=(b) y1="23" y2="31" {}
                }
            }
        }
    }
}

/// The segments of a stacked bar, each count times `unit` long: start, length, route and
/// count, zero counts left out.
fn stack(counts: [u64; 5], unit: f64) -> Vec<(f64, f64, usize, u64)> {
    let mut start = 0.0;
    let mut segments = Vec::new();
    for (k, count) in counts.into_iter().enumerate().filter(|(_, c)| *c > 0) {
        let length = count as f64 * unit;
        segments.push((start, length, k, count));
        start += length;
    }
    segments
}

/// The trend charts' width in SVG units: narrow, so that their labels stay legible when the
/// chart shrinks to a phone.
const TREND_W: f64 = 420.0;
const LEFT: f64 = 34.0;
/// Room on the right for the last week's share label.
const RIGHT: f64 = 26.0;
const TOP: f64 = 16.0;
const PLOT_H: f64 = 150.0;

fn n1(x: f64) -> String {
    format!("{x:.1}")
}

/// The x of each week's slot and its label under the axis (every one, or every few of many).
fn week_slots<'a>(weeks: &'a [WeekTotal]) -> (f64, impl Fn(usize) -> Option<&'a str>) {
    let step = (TREND_W - LEFT - RIGHT) / weeks.len() as f64;
    let every = weeks.len().div_ceil(13).max(1);
    let label = move |i: usize| {
        (i % every == 0 || i + 1 == weeks.len()).then(|| short_week(&weeks[i].label))
    };
    (step, label)
}

/// Appeals per week as columns stacked by route, the total on top, the week under each.
fn trend_columns(weeks: &[WeekTotal]) -> Drawing {
    let max = nice_max(weeks.iter().map(|w| w.appeals).max().unwrap_or(0));
    let base = TOP + PLOT_H;
    let y_of = |v: u64| base - PLOT_H * v as f64 / max as f64;
    let (step, label) = week_slots(weeks);
    let body = html! {
        @for tick in [0, max / 2, max] {
            @let y = n1(y_of(tick));
            line x1=(LEFT) x2=(TREND_W - RIGHT) y1=(y) y2=(y) stroke="#ccc" {}
            text.small x=(LEFT - 5.0) y=(n1(y_of(tick) + 4.0)) text-anchor="end" { (tick) }
        }
        @for (i, w) in weeks.iter().enumerate() {
            @let (x, width) = (LEFT + step * (i as f64 + 0.15), step * 0.7);
            @for (from, length, k, _) in stack(w.counts, PLOT_H / max as f64) {
                rect x=(n1(x)) y=(n1(base - from - length)) width=(n1(width)) height=(n1(length))
                    fill=(ROUTES[k].1) {}
            }
            @let middle = n1(x + width / 2.0);
            text x=(middle) y=(n1(y_of(w.appeals) - 4.0)) text-anchor="middle" { (w.appeals) }
            @if let Some(label) = label(i) {
                text.small x=(middle) y=(n1(base + 14.0)) text-anchor="middle" { (label) }
            }
        }
    };
    Drawing::Svg(base + 22.0, body)
}

/// The personal share per week: a dot at the share and a whisker over its 95% interval, on a
/// 0–100% scale; a week without appeals gets a dash.
fn trend_share(weeks: &[WeekTotal]) -> Drawing {
    let base = TOP + PLOT_H;
    let y_of = |p: f64| base - PLOT_H * p / 100.0;
    let (step, label) = week_slots(weeks);
    let body = html! {
        @for tick in [0.0, 25.0, 50.0, 75.0, 100.0] {
            @let y = n1(y_of(tick));
            line x1=(LEFT) x2=(TREND_W - RIGHT) y1=(y) y2=(y) stroke="#ccc" {}
            text.small x=(LEFT - 5.0) y=(n1(y_of(tick) + 4.0)) text-anchor="end" { (tick) "%" }
        }
        @for (i, w) in weeks.iter().enumerate() {
            @let cx = n1(LEFT + step * (i as f64 + 0.5));
            @match (w.personal_pct, w.low, w.high) {
                (Some(p), Some(low), Some(high)) => {
                    line x1=(cx) x2=(cx) y1=(n1(y_of(low))) y2=(n1(y_of(high)))
                        stroke="#000" stroke-width="1.5" {}
                    circle cx=(cx) cy=(n1(y_of(p))) r="4" fill=(OK) stroke="#000" {}
                    text.small x=(cx) dx="5" y=(n1(y_of(p) - 4.0)) { (format!("{p:.0}%")) }
                }
                _ => text.small x=(cx) y=(n1(base - 5.0)) text-anchor="middle" { "–" },
            }
            @if let Some(label) = label(i) {
                text.small x=(cx) y=(n1(base + 14.0)) text-anchor="middle" { (label) }
            }
        }
    };
    Drawing::Svg(base + 22.0, body)
}

/// `2022-W38` → `W38` under a column; another period keeps its start's month and day.
fn short_week(label: &str) -> &str {
    match label.split_once("-W") {
        Some((_, week)) => &label[label.len() - week.len() - 1..],
        None => label.get(5..10).unwrap_or(label),
    }
}

/// The top of a count axis: at least 2, and even, so that the middle tick is whole.
fn nice_max(max: u64) -> u64 {
    let max = max.max(2);
    max + max % 2
}

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
