//! A table that fits a terminal: how wide each column is and which are left out, so that no
//! figure (number, `5.6%`, `(1.5–18.1)`) is ever broken across lines; names are shortened to
//! initials and intervals stacked under their share first. Works on collected rows (a table
//! must see every row to size its columns), while csv and json stream past it.

use std::io::{IsTerminal, Write};

use anyhow::Result;
use serde_json::Value;
use textwrap::core::display_width;

use super::{Rows, cell_text, visible_cell};
use crate::records::names::is_person_name;

/// Spaces between two columns.
pub const GAP: usize = 2;
/// Prose wraps at words, but no narrower than this unless the text itself is shorter.
const TEXT_MIN: usize = 12;
/// A word longer than this (a path, an address) may be broken rather than widen its column.
const LONG_WORD: usize = 24;

/// The width of the terminal stdout is, or None when stdout is not a terminal (a pipe or a
/// file gets every column, as it always has). `COLUMNS`, when set, wins over the detection.
pub fn stdout_width() -> Option<usize> {
    if !std::io::stdout().is_terminal() {
        return None;
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|w| *w > 0)
        .or_else(|| terminal_size::terminal_size().map(|(w, _)| usize::from(w.0)))
}

/// What fitting needs to know of one column, in display columns.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Measure {
    /// The widths at which the header takes one line fewer, widest (one line) first.
    pub header_steps: Vec<usize>,
    /// The header's longest word: headers wrap at words.
    pub header_word: usize,
    /// The widest cell with people's names shortened to initials and nothing wrapped.
    pub short: usize,
    /// The narrowest the cells can be with no figure broken and no shortened name wrapped:
    /// an interval stacked under its share, prose wrapped at words.
    pub narrow: usize,
    /// The widest person's name written whole (0 when the column holds none).
    pub whole_names: usize,
    /// The column holds prose that may wrap, not only figures and names.
    pub prose: bool,
}

impl Measure {
    fn base(&self) -> usize {
        self.narrow.max(self.header_word)
    }
}

/// Where one shown column goes: its index among the measured ones and its width.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub column: usize,
    pub width: usize,
    /// People's names in it are shortened to surname and initials.
    pub shortened: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// The shown columns in their order.
    pub placed: Vec<Placed>,
    /// The measured columns left out, in their order.
    pub dropped: Vec<usize>,
}

fn total(widths: impl Iterator<Item = usize>) -> usize {
    let (sum, count): (usize, usize) = widths.fold((0, 0), |(s, n), w| (s + w, n + 1));
    sum + GAP * count.saturating_sub(1)
}

/// Chooses the columns and their widths for a terminal `width` wide. Each column starts as
/// narrow as it can be without breaking a figure; when even that is too wide, the columns of
/// `drop_order` are left out in turn (none when it is empty: the user named the columns).
/// The space left then goes, in this order, to figures on one line (interval beside its
/// share), to prose on fewer lines, to names written whole, and to headers on fewer lines.
pub fn layout(measures: &[Measure], drop_order: &[usize], width: usize) -> Layout {
    let mut shown: Vec<usize> = (0..measures.len()).collect();
    let mut dropped = Vec::new();
    for &column in drop_order {
        if total(shown.iter().map(|&c| measures[c].base())) <= width || shown.len() <= 1 {
            break;
        }
        if let Some(at) = shown.iter().position(|&c| c == column) {
            dropped.push(shown.remove(at));
        }
    }
    dropped.sort_unstable();
    let mut placed: Vec<Placed> = shown
        .iter()
        .map(|&column| Placed {
            column,
            width: measures[column].base(),
            shortened: measures[column].whole_names > 0,
        })
        .collect();
    let mut spare = width.saturating_sub(total(placed.iter().map(|p| p.width)));
    let mut grow = |p: &mut Placed, target: usize, partly: bool| -> bool {
        let want = target.saturating_sub(p.width);
        let given = if want <= spare {
            want
        } else if partly {
            spare
        } else {
            0
        };
        p.width += given;
        spare -= given;
        given == want
    };
    for p in placed.iter_mut().filter(|p| !measures[p.column].prose) {
        grow(p, measures[p.column].short, false);
    }
    for p in placed.iter_mut().filter(|p| measures[p.column].prose) {
        grow(p, measures[p.column].short, true);
    }
    for p in placed.iter_mut().filter(|p| p.shortened) {
        if grow(p, measures[p.column].whole_names, false) {
            p.shortened = false;
        }
    }
    for p in placed.iter_mut() {
        // The fewest header lines the space left affords, at the narrowest width that does it.
        for &step in &measures[p.column].header_steps {
            if step <= p.width || grow(p, step, false) {
                break;
            }
        }
    }
    Layout { placed, dropped }
}

/// `Бекболатов Ерлан Сапарович` → `Бекболатов Е.С.`: the surname whole, the other names as
/// initials, as Kazakh and Russian newspapers write them.
pub fn shorten_name(name: &str) -> String {
    let mut words = name.split_whitespace();
    let mut short = words.next().unwrap_or_default().to_string();
    let initials: String = words
        .filter_map(|w| w.chars().next())
        .map(|c| format!("{c}."))
        .collect();
    if !initials.is_empty() {
        short.push(' ');
        short.push_str(&initials);
    }
    short
}

/// How a cell reads: a figure (every word holds a digit) is never broken and sits right.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Figure,
    Name,
    Prose,
}

fn kind(value: &Value, text: &str, people: bool) -> Kind {
    if value.is_number() || value.is_boolean() {
        Kind::Figure
    } else if people && is_person_name(text) {
        Kind::Name
    } else if text.split_whitespace().any(is_figure)
        && text.split_whitespace().all(|w| is_figure(w) || w == "%")
    {
        // Russian writes a share with a space before its sign (`5,6 %`): still a figure.
        Kind::Figure
    } else {
        Kind::Prose
    }
}

/// `5.6%`, `(1.5–18.1)`, `(n=24)`, `2022-08-12`, `749022/1`: digits and signs, at most one
/// letter. A file name with a year in it is prose, and may wrap.
fn is_figure(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_digit())
        && word.chars().filter(|c| c.is_alphabetic()).count() <= 1
}

/// The header a person reads: the CSV name with spaces, so that it wraps at words; in Russian
/// or Kazakh, the column's name in that language.
pub fn label(column: &str) -> String {
    match crate::i18n::lang() {
        crate::i18n::Lang::En => column.replace('_', " "),
        lang => super::words::column(column, lang),
    }
}

/// The narrowest width for each count of lines the header can wrap to, fewest lines first.
fn header_steps(label: &str) -> Vec<usize> {
    let mut steps: Vec<usize> = Vec::new();
    let mut lines = 0;
    for width in (longest_word(label)..=display_width(label)).rev() {
        let now = wrap(label, width).len();
        match steps.last_mut() {
            Some(last) if now == lines => *last = width,
            _ => steps.push(width),
        }
        lines = now;
    }
    steps
}

fn longest_word(text: &str) -> usize {
    text.split_whitespace()
        .map(display_width)
        .max()
        .unwrap_or(0)
}

/// Measures one column; `people` says it holds people's names that may be shortened.
pub fn measure<'a>(header: &str, cells: impl Iterator<Item = &'a Value>, people: bool) -> Measure {
    let label = label(header);
    let mut m = Measure {
        header_steps: header_steps(&label),
        header_word: longest_word(&label),
        ..Measure::default()
    };
    for value in cells {
        // Measured as written: control characters escaped.
        let text = visible_cell(value);
        if text.is_empty() {
            continue;
        }
        let width = display_width(&text);
        let (short, narrow) = match kind(value, &text, people) {
            Kind::Figure => (width, longest_word(&text)),
            Kind::Name => {
                m.whole_names = m.whole_names.max(width);
                let short = display_width(&shorten_name(&text));
                (short, short)
            }
            Kind::Prose => {
                m.prose = true;
                let word = longest_word(&text).clamp(TEXT_MIN, LONG_WORD);
                (width, width.min(word))
            }
        };
        m.short = m.short.max(short);
        m.narrow = m.narrow.max(narrow);
    }
    m
}

pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let options = textwrap::Options::new(width.max(1))
        // Only spaces separate words: a Unicode line break after the dash of `(1.5–18.1)`
        // or the hyphen of a date would break a figure.
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(true);
    textwrap::wrap(text, options)
        .into_iter()
        .map(|line| line.into_owned())
        .collect()
}

fn pad(text: &str, width: usize, right: bool) -> String {
    let fill = " ".repeat(width.saturating_sub(display_width(text)));
    if right {
        format!("{fill}{text}")
    } else {
        format!("{text}{fill}")
    }
}

/// Writes the laid-out columns of `rows`: headers, a rule, then each row on as many lines as
/// its tallest cell, figures aligned right. `people` flags the columns of people's names.
pub fn write_fitted(
    out: &mut dyn Write,
    rows: &Rows,
    people: &[bool],
    layout: &Layout,
) -> Result<()> {
    let right: Vec<bool> = layout
        .placed
        .iter()
        .map(|p| {
            rows.values.iter().all(|values| {
                let text = cell_text(&values[p.column]);
                text.is_empty() || kind(&values[p.column], &text, false) == Kind::Figure
            })
        })
        .collect();
    let header: Vec<Vec<String>> = layout
        .placed
        .iter()
        .map(|p| wrap(&label(&rows.columns[p.column]), p.width))
        .collect();
    write_lines(out, &header, layout, &right)?;
    let rule: Vec<Vec<String>> = layout
        .placed
        .iter()
        .map(|p| vec!["─".repeat(p.width)])
        .collect();
    write_lines(out, &rule, layout, &right)?;
    for values in &rows.values {
        let cells: Vec<Vec<String>> = layout
            .placed
            .iter()
            .map(|p| {
                let value = &values[p.column];
                let text = visible_cell(value);
                let people = people.get(p.column).copied().unwrap_or(false);
                let text = if p.shortened && kind(value, &text, people) == Kind::Name {
                    shorten_name(&text)
                } else {
                    text
                };
                wrap(&text, p.width)
            })
            .collect();
        write_lines(out, &cells, layout, &right)?;
    }
    Ok(())
}

fn write_lines(
    out: &mut dyn Write,
    cells: &[Vec<String>],
    layout: &Layout,
    right: &[bool],
) -> Result<()> {
    let height = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
    for line in 0..height {
        let parts: Vec<String> = cells
            .iter()
            .zip(&layout.placed)
            .zip(right)
            .map(|((cell, p), &right)| {
                pad(cell.get(line).map_or("", String::as_str), p.width, right)
            })
            .collect();
        writeln!(out, "{}", parts.join(&" ".repeat(GAP)).trim_end())?;
    }
    Ok(())
}

/// The line under a fitted table: what was left out and how to see it.
/// `pickable`: the command takes `--columns`.
pub fn note(left_out: &[&str], shortened: bool, pickable: bool) -> Option<String> {
    use crate::i18n::tr;
    let mut parts = Vec::new();
    if !left_out.is_empty() {
        // The columns by their CSV names: the names --columns takes.
        let key = match pickable {
            true => "note-left-out-pickable",
            false => "note-left-out",
        };
        parts.push(tr(
            key,
            &[
                ("n", left_out.len().into()),
                ("columns", left_out.join(", ").into()),
            ],
        ));
    }
    if shortened {
        parts.push(tr("note-shortened", &[]));
    }
    (!parts.is_empty()).then(|| parts.join("; ") + ".")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figure(width: usize, narrow: usize, header: usize) -> Measure {
        Measure {
            header_steps: vec![header],
            header_word: header,
            short: width,
            narrow,
            ..Measure::default()
        }
    }

    fn names(whole: usize, short: usize) -> Measure {
        Measure {
            header_steps: vec![9],
            header_word: 9,
            short,
            narrow: short,
            whole_names: whole,
            prose: false,
        }
    }

    fn widths(layout: &Layout) -> Vec<(usize, usize, bool)> {
        layout
            .placed
            .iter()
            .map(|p| (p.column, p.width, p.shortened))
            .collect()
    }

    #[test]
    fn a_wide_terminal_shows_everything_whole() {
        let m = [names(28, 15), figure(17, 11, 12), figure(2, 2, 7)];
        let layout = layout(&m, &[1], 200);
        assert_eq!(
            widths(&layout),
            vec![(0, 28, false), (1, 17, false), (2, 7, false)]
        );
        assert!(layout.dropped.is_empty());
    }

    #[test]
    fn figures_stay_on_one_line_before_names_are_written_whole() {
        // 15 + 17 + 7 and two gaps = 43: room for the share beside its interval, not for
        // the whole name (28).
        let m = [names(28, 15), figure(17, 11, 12), figure(2, 2, 7)];
        let layout = layout(&m, &[], 50);
        assert_eq!(
            widths(&layout),
            vec![(0, 15, true), (1, 17, false), (2, 7, false)]
        );
    }

    #[test]
    fn intervals_stack_before_a_column_is_left_out() {
        // Narrow: 15 + 11 + 7 + 2 * 2 = 37.
        let m = [names(28, 15), figure(17, 11, 12), figure(2, 2, 7)];
        let layout = layout(&m, &[2, 1], 40);
        assert_eq!(
            widths(&layout),
            vec![(0, 15, true), (1, 12, false), (2, 7, false)]
        );
        assert!(layout.dropped.is_empty());
    }

    #[test]
    fn columns_go_in_the_drop_order_until_the_rest_fit() {
        let m = [names(28, 15), figure(17, 11, 12), figure(2, 2, 7)];
        let layout = layout(&m, &[2, 1], 30);
        assert_eq!(layout.dropped, vec![2]);
        assert_eq!(widths(&layout), vec![(0, 15, true), (1, 12, false)]);
        // Named columns are never left out, even when they cannot fit.
        let layout = super::layout(&m, &[], 20);
        assert_eq!(layout.placed.len(), 3);
        assert!(layout.placed.iter().all(|p| p.width >= m[p.column].base()));
    }

    #[test]
    fn prose_takes_what_is_left() {
        let prose = Measure {
            header_steps: vec![12],
            header_word: 12,
            short: 72,
            narrow: 13,
            whole_names: 0,
            prose: true,
        };
        let layout = layout(&[prose, figure(2, 2, 7)], &[], 40);
        assert_eq!(widths(&layout), vec![(0, 31, false), (1, 7, false)]);
    }

    #[test]
    fn measuring_knows_figures_names_and_prose() {
        let cells = [
            Value::from("5.6% (1.5–18.1)"),
            Value::from("30.8% (12.7–57.6)"),
            Value::Null,
        ];
        let m = measure("personal_pct", cells.iter(), false);
        assert_eq!((m.short, m.narrow, m.prose), (17, 11, false));
        assert_eq!((m.header_steps.clone(), m.header_word), (vec![12, 8], 8));
        let cells = [
            Value::from("Бекболатов Ерлан Сапарович"),
            Value::from("Управление образования области Жетысу"),
        ];
        let m = measure("name", cells.iter(), true);
        assert_eq!((m.whole_names, m.narrow, m.prose), (26, 15, true));
        assert_eq!(m.short, 37);
    }

    #[test]
    fn a_header_gets_the_fewest_lines_the_space_affords() {
        // "median days to answer": 21 wide on one line, 11 on two, 7 on three, 6 on four.
        assert_eq!(header_steps("median days to answer"), vec![21, 11, 7, 6]);
        let median = Measure {
            header_steps: header_steps("median days to answer"),
            header_word: 6,
            short: 4,
            narrow: 4,
            ..Measure::default()
        };
        let width = |terminal| layout(std::slice::from_ref(&median), &[], terminal).placed[0].width;
        assert_eq!((width(6), width(10), width(12), width(30)), (6, 7, 11, 21));
    }

    #[test]
    fn names_shorten_to_surname_and_initials() {
        assert_eq!(
            shorten_name("Бекболатов Ерлан Сапарович"),
            "Бекболатов Е.С."
        );
        assert_eq!(shorten_name("Ivanova Anna"), "Ivanova A.");
        assert_eq!(shorten_name("Ерлан"), "Ерлан");
    }

    #[test]
    fn a_fitted_table_reads_as_laid_out() {
        let rows = Rows {
            columns: vec!["addressee".into(), "appeals".into(), "personal_pct".into()],
            values: vec![
                vec![
                    "Бекболатов Ерлан Сапарович".into(),
                    36.into(),
                    "5.6% (1.5–18.1)".into(),
                ],
                vec!["Управление ЖКХ".into(), 2.into(), Value::Null],
            ],
        };
        let people = [true, false, false];
        let measures: Vec<Measure> = (0..3)
            .map(|i| {
                measure(
                    &rows.columns[i],
                    rows.values.iter().map(|v| &v[i]),
                    people[i],
                )
            })
            .collect();
        let layout = layout(&measures, &[], 40);
        let mut out = Vec::new();
        write_fitted(&mut out, &rows, &people, &layout).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "addressee        appeals  personal pct\n\
             ───────────────  ───────  ────────────\n\
             Бекболатов Е.С.       36          5.6%\n\
             \x20                           (1.5–18.1)\n\
             Управление ЖКХ         2\n"
        );
    }

    #[test]
    fn the_note_says_what_is_left_out_and_how_to_see_it() {
        assert_eq!(note(&[], false, true), None);
        assert_eq!(
            note(&["reposts_30d"], false, true).unwrap(),
            "1 more column: reposts_30d. --wide shows every column, --columns a,b,c the ones named."
        );
        assert_eq!(
            note(&["size", "sha256"], true, false).unwrap(),
            "2 more columns: size, sha256. --wide shows every column; names are shortened to \
             initials (whole in --format md or csv)."
        );
    }

    #[test]
    fn figures_are_digits_and_signs() {
        for figure in [
            "5.6%",
            "(1.5–18.1)",
            "(n=24)",
            "2022-08-12",
            "749022/1",
            "-3",
            "12:00",
        ] {
            assert!(is_figure(figure), "{figure}");
        }
        for prose in ["akim-blog-2022.csv", "unknown", "W", ""] {
            assert!(!is_figure(prose), "{prose}");
        }
    }

    #[test]
    fn a_stacked_interval_is_never_broken() {
        assert_eq!(wrap("5.6% (1.5–18.1)", 11), vec!["5.6%", "(1.5–18.1)"]);
        assert_eq!(wrap("2022-08-10 12:00", 10), vec!["2022-08-10", "12:00"]);
    }
}
