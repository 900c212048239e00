//! The sections of a page: each report's chart, its table of figures, the methodology.

use anyhow::Result;
use chrono::NaiveDate;
use maud::{Markup, html};
use serde_json::Value;

use super::super::weekly::Method;
use super::super::words::{cell as for_people_in, column, word};
use super::super::{Rows, cell_text};
use super::*;
use crate::catalogue::{self, Vocabulary};
use crate::i18n::{Lang, lang, tr};
use crate::records::names::EntryKind;
use crate::report::Filters;
use crate::report::forwards::{self, ForwardRow, UNKNOWN_TARGET};
use crate::report::routing::{self, RoutingRow};
use crate::report::silence::{SilenceRow, SilenceStatus};
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
        title: tr("html-routing-chart", &[]),
        caption: tr(
            "html-routing-caption",
            &[
                ("period", period.to_string().into()),
                ("date", as_of_text(as_of).into()),
                ("n", n.into()),
                ("officials", rows.len().into()),
            ],
        ),
        alt: joined(rows.iter().map(routing_alt), " "),
    };
    let mut keys: Vec<(&str, String)> = route_keys();
    keys.push(("", tr("html-interval-key", &[])));
    let few_appeals = tr("html-few", &[]);
    let drawing = html! {
        @if rows.is_empty() { p { (tr("html-routing-none", &[])) } }
        @for r in rows {
            @let few = if r.note.is_some() { few_appeals.as_str() } else { "" };
            @let share = share_text(r.personal_pct, r.personal_pct_low, r.personal_pct_high);
            div.hrow {
                p {
                    span { strong { (r.addressee) } " · n = " (r.appeals) (few) }
                    b { (tr("html-personal-share", &[("share", share.into())])) }
                }
                (routing_bar(r))
                p.note { (routing_counts(r, " · ")) }
            }
        }
    };
    let table_rows = Rows::from_serialize(catalogue::ROUTING, rows)?;
    Ok(html! {
        section aria-labelledby="h-routing" {
            h2 #h-routing { (tr("weekly-h-routing", &[])) }
            (figure(&chart, legend(&keys), Drawing::Rows(drawing)))
            (table("routing", &tr("html-routing-table", &[]), &table_rows))
        }
    })
}

/// Each route's fill and name, for a legend.
pub(super) fn route_keys() -> Vec<(&'static str, String)> {
    ROUTES
        .iter()
        .map(|(route, fill)| (*fill, route_label(*route)))
        .collect()
}

/// `personal 2 · forwarded 28 · …`: counts by route, named.
pub(super) fn counted_routes(counts: RouteCounts, by: &str) -> String {
    let named = ROUTES.iter().map(|(route, _)| (*route, counts.get(*route)));
    joined(
        named.map(|(route, n)| format!("{} {n}", route_label(route))),
        by,
    )
}

pub(super) fn routing_counts(r: &RoutingRow, by: &str) -> String {
    counted_routes(r.route_counts(), by)
}

pub(super) fn routing_alt(r: &RoutingRow) -> String {
    let share = share_text(r.personal_pct, r.personal_pct_low, r.personal_pct_high);
    tr(
        "html-routing-alt",
        &[
            ("name", r.addressee.clone().into()),
            ("n", r.appeals.into()),
            ("counts", routing_counts(r, ", ").into()),
            ("share", share.into()),
        ],
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
    let which = top.map(|(k, _)| tr("html-top", &[("k", k.into())]));
    let lang = lang();
    let target = |r: &ForwardRow| word(Vocabulary::Target, &r.forwarded_to, lang);
    let chart = Chart {
        id: "forwards-chart",
        title: tr(
            "html-forwards-chart",
            &[("which", which.unwrap_or_default().into())],
        ),
        caption: tr(
            "html-forwards-caption",
            &[
                ("period", period.to_string().into()),
                ("date", as_of_text(as_of).into()),
                ("n", n.into()),
                ("officials", groups.len().into()),
            ],
        ),
        alt: joined(
            groups.iter().map(|g| {
                let targets = g
                    .rows
                    .iter()
                    .map(|r| format!("{} {}", target(r), r.appeals));
                format!("{}: {}.", g.addressee, joined(targets, ", "))
            }),
            " ",
        ),
    };
    let max = rows.iter().map(|r| r.appeals).max().unwrap_or(1).max(1) as f64;
    let drawing = html! {
        @for g in &groups {
            p.hgroup {
                strong { (g.addressee) } (tr("html-forwarded-n", &[("n", g.forwarded.into())]))
                @if g.listed < g.forwarded {
                    (tr("html-forwarded-listed", &[("listed", g.listed.into())]))
                }
            }
            @for r in &g.rows {
                @let fill = if r.forwarded_to == UNKNOWN_TARGET { NO_TARGET } else { ROUTES[1].1 };
                @let bar = simple_bar(r.appeals as f64 / max, fill);
                (bar_row(html! { (target(r)) }, html! { (r.appeals) }, bar))
            }
        }
    };
    let keys = [
        (ROUTES[1].1, tr("html-key-target", &[])),
        (NO_TARGET, tr("html-key-no-target", &[])),
    ];
    let table_rows = Rows::from_serialize(catalogue::FORWARDS, rows)?;
    Ok(html! {
        section aria-labelledby="h-forwards" {
            h2 #h-forwards { (tr("weekly-h-forwards", &[])) }
            @if rows.is_empty() {
                p { (tr("html-forwards-none", &[])) }
            } @else {
                (figure(&chart, legend(&keys), Drawing::Rows(drawing)))
                (table("forwards", &tr("html-forwards-table", &[]), &table_rows))
            }
        }
    })
}

/// Days since the last post per name, against a line at the stale threshold; a name that never
/// posted gets a hatched, outlined bar and the words `never posted`; a body gov.kz refused at
/// its last fetch is drawn in a pattern of its own, and with no post known gets a dashed outline
/// and the date it could not be read (never a `never`).
pub(super) fn silence_section(rows: &[SilenceRow], filters: &Filters) -> Result<Markup> {
    let (as_of, stale_after) = (filters.as_of, filters.stale_after);
    let reposts = if filters.originals_only {
        tr("html-reposts-not-counted", &[])
    } else {
        String::new()
    };
    let lang = lang();
    let status = |r: &SilenceRow| word(Vocabulary::Status, r.status.as_str(), lang);
    let chart = Chart {
        id: "silence-chart",
        title: tr("html-silence-chart", &[]),
        caption: tr(
            "html-silence-caption",
            &[
                ("date", as_of_text(as_of).into()),
                ("reposts", reposts.into()),
                ("days", stale_after.into()),
                ("n", rows.len().into()),
            ],
        ),
        alt: joined(
            rows.iter().map(|r| match r.days_since {
                None if r.status == SilenceStatus::NotRead => tr(
                    "html-not-read-alt",
                    &[
                        ("name", r.name.clone().into()),
                        ("date", attempt_text(r).into()),
                    ],
                ),
                Some(d) => tr(
                    "html-silence-alt",
                    &[
                        ("name", r.name.clone().into()),
                        ("days", d.into()),
                        ("status", status(r).into()),
                    ],
                ),
                None => tr("html-never-alt", &[("name", r.name.clone().into())]),
            }),
            " ",
        ),
    };
    let official_mark = tr("html-official", &[]);
    // The scale leaves room past the threshold, so that a line at 100% never hides a bar's end.
    let longest = rows.iter().filter_map(|r| r.days_since).max().unwrap_or(0);
    let max = (longest.max(stale_after).max(1) as f64) * 1.05;
    let drawing = html! {
        div.line style={ "left:" (format!("{:.2}", 100.0 * stale_after.max(0) as f64 / max)) "%" } {
            span { (tr("html-stale-after", &[("days", stale_after.into())])) }
        }
        @for r in rows {
            @let official = if r.kind == EntryKind::Official { official_mark.as_str() } else { "" };
            @let name = html! { (r.name) (official) };
            @match r.days_since {
                None if r.status == SilenceStatus::NotRead => (bar_row(name, html! { (tr("html-not-read", &[("date", attempt_text(r).into())])) }, html! {
                    svg width="100%" height="14" aria-hidden="true" focusable="false" {
                        rect width="100%" height="14" fill="none" stroke="#555" stroke-dasharray="1 3" {}
                    }
                })),
                Some(days) => {
                    @let fill = match r.status {
                        SilenceStatus::Stale => STALE,
                        SilenceStatus::NotRead => NOT_READ,
                        _ => OK,
                    };
                    @let bar = simple_bar(days.max(0) as f64 / max, fill);
                    @let label = tr("html-days-status", &[("days", days.into()), ("status", status(r).into())]);
                    (bar_row(name, html! { (label) }, bar))
                }
                None => (bar_row(name, html! { (tr("html-never", &[])) }, html! {
                    svg width="100%" height="14" aria-hidden="true" focusable="false" {
                        rect width="100%" height="14" fill=(NEVER) stroke="#555" stroke-dasharray="3 2" {}
                    }
                })),
            }
        }
    };
    let mut keys = vec![
        (
            OK,
            word(Vocabulary::Status, SilenceStatus::Ok.as_str(), lang),
        ),
        (
            STALE,
            word(Vocabulary::Status, SilenceStatus::Stale.as_str(), lang),
        ),
        (NEVER, tr("html-never", &[])),
    ];
    if rows.iter().any(|r| r.status == SilenceStatus::NotRead) {
        keys.push((NOT_READ, tr("html-key-not-read", &[])));
    }
    keys.push(("", tr("html-key-threshold", &[])));
    let table_rows = Rows::from_serialize(catalogue::SILENCE, rows)?;
    Ok(html! {
        section aria-labelledby="h-silence" {
            h2 #h-silence { (tr("html-silence-h", &[("date", as_of_text(as_of).into())])) }
            (figure(&chart, legend(&keys), Drawing::Threshold(drawing)))
            (table("silence", &tr("html-silence-table", &[]), &table_rows))
        }
    })
}

/// The date of a row's latest attempt to be read, as the page writes dates.
fn attempt_text(r: &SilenceRow) -> String {
    match r.last_attempt.as_deref() {
        Some(day) => crate::derive::date_of(day).map_or_else(|| day.to_string(), as_of_text),
        None => String::new(),
    }
}

/// Appeals per week over the last weeks: columns stacked by route, the personal share with
/// its interval, then the figures, all officials together.
pub(super) fn trend_section(
    trend: &[(Period, Vec<RoutingRow>)],
    filters: &Filters,
) -> Result<Markup> {
    let weeks: Vec<WeekTotal> = trend
        .iter()
        .map(|(p, rows)| WeekTotal::of(*p, rows, |p| lang().period(p.since, p.until)))
        .collect();
    let (Some(first), Some(last)) = (weeks.first(), weeks.last()) else {
        return Ok(html! {});
    };
    let n = WeekTotal::appeals_of(&weeks);
    let caption = tr(
        "html-trend-caption",
        &[
            (
                "what",
                submitted(Some(first.period.since), Some(last.period.until), filters).into(),
            ),
            ("weeks", weeks.len().into()),
            ("date", as_of_text(filters.as_of).into()),
            ("n", n.into()),
        ],
    );
    let appeals = Chart {
        id: "trend-appeals",
        title: tr("html-trend-chart", &[]),
        caption: caption.clone(),
        alt: joined(
            weeks.iter().map(|w| {
                tr(
                    "html-trend-alt",
                    &[
                        ("week", w.label.clone().into()),
                        ("n", w.appeals.into()),
                        ("counts", counted_routes(w.counts, ", ").into()),
                    ],
                )
            }),
            " ",
        ),
    };
    let share = Chart {
        id: "trend-personal",
        title: tr("html-share-chart", &[]),
        caption,
        alt: joined(
            weeks.iter().map(|w| {
                let share = share_text(w.personal_pct, w.low, w.high);
                tr(
                    "html-share-alt",
                    &[
                        ("week", w.label.clone().into()),
                        ("share", share.into()),
                        ("n", w.appeals.into()),
                    ],
                )
            }),
            " ",
        ),
    };
    let values = weeks.iter().map(|w| {
        let mut row: Vec<Value> = vec![
            w.label.clone().into(),
            w.period.since.to_string().into(),
            w.period.until.to_string().into(),
            w.appeals.into(),
        ];
        // The trend table's route columns are in `Route::READING` order, as `ROUTES`.
        row.extend(drawn(w.counts).map(Value::from));
        row.extend([w.personal_pct, w.low, w.high].map(|v| v.map_or(Value::Null, Value::from)));
        row
    });
    let rows = Rows::of(catalogue::WEEKLY_TREND, values.collect());
    let share_keys = [
        (OK, tr("html-key-share", &[])),
        ("", tr("html-key-interval", &[])),
    ];
    Ok(html! {
        section aria-labelledby="h-trend" {
            h2 #h-trend { (tr("html-trend-h", &[("weeks", weeks.len().into())])) }
            (figure(&appeals, legend(&route_keys()), trend_columns(&weeks)))
            (figure(&share, legend(&share_keys), trend_share(&weeks)))
            (table("trend", &tr("html-trend-table", &[]), &rows))
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
        div.scroll role="region" aria-label=(tr("title-change", &[])) tabindex="0" {
            table data-report="change" {
                caption { (tr("html-change-caption", &[])) }
                thead { tr {
                    th scope="col" data-key="addressee" { (column("addressee", lang())) }
                    @for (key, _) in &pairs {
                        th.num scope="col" data-key=(key) { (column(key, lang())) }
                        th.num scope="col" data-key={ (key) "_before" } { (tr("html-before", &[])) }
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
            h2 #h-method { (tr("weekly-h-method", &[])) }
            ul {
                @for line in super::super::weekly::methodology(weekly, method, lang()) {
                    li { (line) }
                }
                li { (tr("weekly-files", &[]))
                    ul { @for f in method.files {
                        // The file's line with its hash set as code: the hash stands in the
                        // sentence where the language puts it.
                        @let line = super::super::weekly::file_line(f, lang());
                        @let (head, tail) = line.split_once(&f.sha256).unwrap_or((&line, ""));
                        li { (head) code { (f.sha256) } (tail) }
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
                            @if v.is_null() { "—" } @else { (cell_text(&for_people(c, v))) }
                        }
                    }
                } } }
            }
        }
    }
}

/// A cell's value as people read it in the run's language (English: as it is).
fn for_people(column: &str, value: &Value) -> Value {
    for_people_in(column, value, lang())
}

/// A date, a week or a status: a short word that should not break across lines.
pub(super) fn short(value: &Value) -> bool {
    value
        .as_str()
        .is_some_and(|s| s.chars().count() <= 16 && !s.contains(char::is_whitespace))
}

/// `personal_pct_low` → `personal % low`: the column key, readable (in Russian and Kazakh, the
/// column's name).
pub(super) fn heading(key: &str) -> String {
    match lang() {
        Lang::En => key.replace("_pct", " %").replace('_', " "),
        other => column(key, other),
    }
}
