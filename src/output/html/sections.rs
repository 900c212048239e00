//! The sections of a page: each report's chart, its table of figures, the methodology.

use anyhow::Result;
use chrono::NaiveDate;
use maud::{Markup, html};
use serde_json::Value;

use super::super::weekly::Method;
use super::super::{Rows, cell_text};
use super::*;
use crate::records::names::EntryKind;
use crate::report::Filters;
use crate::report::forwards::{self, ForwardRow, UNKNOWN_TARGET};
use crate::report::routing::{self, RoutingRow};
use crate::report::silence::{self, SilenceRow};
use crate::report::weekly::{ChangeRow as WeekChange, Period, WeekTotal, Weekly, with_arrow};

// ---------------------------------------------------------------------------------------------
// Sections: a heading, the chart, and the table of its figures under it

pub(super) fn routing_section(
    rows: &[RoutingRow],
    period: &str,
    as_of: NaiveDate,
) -> Result<Markup> {
    let n = routing::total_appeals(rows);
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

pub(super) fn routing_counts(r: &RoutingRow, by: &str) -> String {
    let counts = ROUTES.iter().zip(r.route_counts());
    joined(counts.map(|((label, _), n)| format!("{label} {n}")), by)
}

pub(super) fn routing_alt(r: &RoutingRow) -> String {
    let share = share_text(r.personal_pct, r.personal_pct_low, r.personal_pct_high);
    let counts = routing_counts(r, ", ");
    format!(
        "{}: {} appeals; {counts}; personal share {share}.",
        r.addressee, r.appeals
    )
}

/// `top`: only the first targets of each official are listed (audit); their routing rows give
/// the whole number forwarded.
pub(super) fn forwards_section(
    rows: &[ForwardRow],
    period: &str,
    as_of: NaiveDate,
    top: Option<(usize, &[RoutingRow])>,
) -> Result<Markup> {
    let groups = forwards::by_addressee(rows, top.map(|(_, routing)| routing));
    let n = forwards::total_forwarded(&groups);
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
            groups.iter().map(|g| {
                let targets = g
                    .rows
                    .iter()
                    .map(|r| format!("{} {}", r.forwarded_to, r.appeals));
                format!("{}: {}.", g.addressee, joined(targets, ", "))
            }),
            " ",
        ),
    };
    let max = rows.iter().map(|r| r.appeals).max().unwrap_or(1).max(1) as f64;
    let drawing = html! {
        @for g in &groups {
            p.hgroup {
                strong { (g.addressee) } " · " (g.forwarded) " forwarded"
                @if g.listed < g.forwarded { ", " (g.listed) " of them to the targets below" }
            }
            @for r in &g.rows {
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

/// Days since the last post per name, against a line at the stale threshold; a name that never
/// posted gets a hatched, outlined bar and the words `never posted`.
pub(super) fn silence_section(rows: &[SilenceRow], filters: &Filters) -> Result<Markup> {
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
            @let official = if r.kind == EntryKind::Official { " (official)" } else { "" };
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
pub(super) fn trend_section(
    trend: &[(Period, Vec<RoutingRow>)],
    filters: &Filters,
) -> Result<Markup> {
    let weeks: Vec<WeekTotal> = trend
        .iter()
        .map(|(p, rows)| WeekTotal::of(*p, rows))
        .collect();
    let (Some(first), Some(last)) = (weeks.first(), weeks.last()) else {
        return Ok(html! {});
    };
    let n = WeekTotal::appeals_of(&weeks);
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

pub(super) fn change_table(change: &[WeekChange]) -> Markup {
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

pub(super) fn methodology(weekly: &Weekly, method: &Method) -> Markup {
    html! {
        section aria-labelledby="h-method" {
            h2 #h-method { "Methodology" }
            ul {
                @for line in super::super::weekly::methodology(weekly, method) {
                    li { (line) }
                }
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
pub(super) fn table(report: &str, caption: &str, rows: &Rows) -> Markup {
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
pub(super) fn short(value: &Value) -> bool {
    value
        .as_str()
        .is_some_and(|s| s.chars().count() <= 16 && !s.contains(char::is_whitespace))
}

/// `personal_pct_low` → `personal % low`: the column key, readable.
pub(super) fn heading(key: &str) -> String {
    key.replace("_pct", " %").replace('_', " ")
}
