//! The charts, drawn by hand as inline SVG (or HTML bars) through maud, so every label is
//! escaped like the rest of the page.

use maud::{Markup, html};

use super::*;
use crate::report::routing::RoutingRow;
use crate::report::weekly::WeekTotal;

// ---------------------------------------------------------------------------------------------
// Charts, drawn as SVG through maud so that every label is escaped like the rest of the page.
// Bar charts put their words in HTML beside bars drawn in percent of the width, so that the
// words keep the reader's font size on a phone; the weekly trend is one scaled SVG.

pub(super) struct Chart {
    pub(super) id: &'static str,
    pub(super) title: String,
    /// The period, the as-of date and n.
    pub(super) caption: String,
    /// The chart in words, for screen readers and for anyone who cannot tell the colours apart.
    pub(super) alt: String,
}

pub(super) enum Drawing {
    /// Rows of words and bars.
    Rows(Markup),
    /// Rows of words and bars under a vertical threshold line.
    Threshold(Markup),
    /// One SVG of this height, drawn on `TREND_W` units of width.
    Svg(f64, Markup),
}

pub(super) fn figure(chart: &Chart, legend: Markup, drawing: Drawing) -> Markup {
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
pub(super) fn legend(keys: &[(&str, String)]) -> Markup {
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
pub(super) fn pc(share: f64) -> String {
    format!("{:.2}%", 100.0 * share.clamp(0.0, 1.0))
}

/// One row of a bar chart: the name on the left and the figure on the right, the bar under them.
pub(super) fn bar_row(name: Markup, figure: Markup, bar: Markup) -> Markup {
    html! { div.hrow { p { span { (name) } b { (figure) } } (bar) } }
}

/// A bar `share` of the width long (at least a sliver, so that a small figure still shows).
pub(super) fn simple_bar(share: f64, fill: &str) -> Markup {
    html! {
        svg width="100%" height="14" aria-hidden="true" focusable="false" {
            rect width=(pc(share.max(0.004))) height="14" fill=(fill) {}
        }
    }
}

/// One official's appeals stacked by route, the counts on the segments wide enough to hold
/// them, and the personal share's 95% interval as a whisker under the bar.
pub(super) fn routing_bar(r: &RoutingRow) -> Markup {
    let n = r.appeals.max(1) as f64;
    html! {
        svg width="100%" height="32" aria-hidden="true" focusable="false" {
            @for (x, w, k, count) in stack(drawn(r.route_counts()), 1.0 / n) {
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
pub(super) fn stack(counts: [u64; 5], unit: f64) -> Vec<(f64, f64, usize, u64)> {
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
pub(super) const TREND_W: f64 = 420.0;
pub(super) const LEFT: f64 = 34.0;
/// Room on the right for the last week's share label.
pub(super) const RIGHT: f64 = 26.0;
pub(super) const TOP: f64 = 16.0;
pub(super) const PLOT_H: f64 = 150.0;

pub(super) fn n1(x: f64) -> String {
    format!("{x:.1}")
}

/// The x of each week's slot and its label under the axis (every one, or every few of many).
pub(super) fn week_slots<'a>(weeks: &'a [WeekTotal]) -> (f64, impl Fn(usize) -> Option<&'a str>) {
    let step = (TREND_W - LEFT - RIGHT) / weeks.len() as f64;
    let every = weeks.len().div_ceil(13).max(1);
    let label = move |i: usize| {
        (i.is_multiple_of(every) || i + 1 == weeks.len()).then(|| short_week(&weeks[i].label))
    };
    (step, label)
}

/// Appeals per week as columns stacked by route, the total on top, the week under each.
pub(super) fn trend_columns(weeks: &[WeekTotal]) -> Drawing {
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
            @for (from, length, k, _) in stack(drawn(w.counts), PLOT_H / max as f64) {
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
pub(super) fn trend_share(weeks: &[WeekTotal]) -> Drawing {
    let base = TOP + PLOT_H;
    let y_of = |p: f64| base - PLOT_H * p / 100.0;
    let (step, label) = week_slots(weeks);
    let body = html! {
        @for tick in [0.0, 25.0, 50.0, 75.0, 100.0] {
            @let y = n1(y_of(tick));
            line x1=(LEFT) x2=(TREND_W - RIGHT) y1=(y) y2=(y) stroke="#ccc" {}
            text.small x=(LEFT - 5.0) y=(n1(y_of(tick) + 4.0)) text-anchor="end" {
                (crate::i18n::lang().whole_percent(tick))
            }
        }
        @for (i, w) in weeks.iter().enumerate() {
            @let cx = n1(LEFT + step * (i as f64 + 0.5));
            @match (w.personal_pct, w.low, w.high) {
                (Some(p), Some(low), Some(high)) => {
                    line x1=(cx) x2=(cx) y1=(n1(y_of(low))) y2=(n1(y_of(high)))
                        stroke="#000" stroke-width="1.5" {}
                    circle cx=(cx) cy=(n1(y_of(p))) r="4" fill=(OK) stroke="#000" {}
                    text.small x=(cx) dx="5" y=(n1(y_of(p) - 4.0)) {
                        (crate::i18n::lang().whole_percent(p))
                    }
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
pub(super) fn short_week(label: &str) -> &str {
    match label.split_once("-W") {
        Some((_, week)) => &label[label.len() - week.len() - 1..],
        None => label.get(5..10).unwrap_or(label),
    }
}

/// The top of a count axis: at least 2, and even, so that the middle tick is whole.
pub(super) fn nice_max(max: u64) -> u64 {
    let max = max.max(2);
    max + max % 2
}
