//! One appeal's own page (`/blogs/all-questions/{id}`), saved by a reporter from a browser:
//! robots.txt forbids fetching it, but it holds the whole text and every answer. Both shapes
//! portal.md lists: the question in `div.b-question` (inside `div#firstFocus` or not), the
//! answers in `div#answers .media-body` or `div.blog-item` blocks, each signed `NAME DATE`.

use std::sync::LazyLock;

use regex::Regex;
use scraper::{ElementRef, Html, Selector};

use super::appeals::finish;
use super::cards::{APPEAL_LINK, TextWalk, answers, card_text, date_key, facts};
use super::text::{date_and_time, number_after, paragraphs};
use super::{PORTAL, Placed, PortalAnswer, PortalAppeal};

struct Css {
    media: Selector,
    item: Selector,
    info: Selector,
}

static CSS: LazyLock<Css> = LazyLock::new(|| {
    // The selectors are literals of this module, checked by the reader's tests.
    let selector = |css: &str| Selector::parse(css).unwrap_or_else(|e| unreachable!("{css}: {e}"));
    Css {
        media: selector("#answers .media-body"),
        item: selector(".blog-item"),
        info: selector(".answer-info"),
    }
});

/// The appeal the page shows, with every answer; what cannot be placed goes to `placed`.
pub fn read(url: &str, document: &Html, placed: &mut Placed) -> Option<PortalAppeal> {
    let question_id = number_after(url, APPEAL_LINK).map(str::to_string);
    let named = match &question_id {
        Some(id) => format!("the appeal's page (question {id})"),
        None => "the appeal's page".to_string(),
    };
    let Some(question) = document.select(&super::page::CSS.question).next() else {
        placed
            .unplaced
            .push(format!("{named} has no div.b-question (the question)"));
        return None;
    };
    let facts = facts(question);
    let Some(id) = facts.number.flatten().or_else(|| question_id.clone()) else {
        placed.unplaced.push(format!(
            "{named} has no registration number (an li with i.fa-pencil in div.b-question) and \
             was saved without its address: save it again from the browser"
        ));
        return None;
    };
    let Some((date, time)) = facts.date else {
        placed.unplaced.push(format!(
            "{named} has no submission date (an li with i.fa-calendar and DD.MM.YYYY in \
             div.b-question)"
        ));
        return None;
    };
    let mut answers = Vec::new();
    let media: Vec<ElementRef> = document.select(&CSS.media).collect();
    let blocks = match media.is_empty() {
        false => media,
        true => document
            .select(&CSS.item)
            .filter(|e| {
                e.select(&super::page::CSS.question).next().is_none()
                    && !e.ancestors().any(|a| {
                        ElementRef::wrap(a).is_some_and(|a| super::page::CSS.question.matches(&a))
                    })
            })
            .collect(),
    };
    for (i, block) in blocks.into_iter().enumerate() {
        match signed(url, &id, i + 1, block) {
            Ok(mut read) => {
                placed.blocks_tied += 1;
                answers.append(&mut read);
            }
            Err(why) => placed.unplaced.push(format!("{named}: {why}")),
        }
    }
    answers.sort_by_key(date_key);
    let address = match (url.starts_with("http"), &question_id) {
        (true, _) => Some(url.to_string()),
        (false, Some(q)) => Some(format!("{PORTAL}{APPEAL_LINK}{q}")),
        (false, None) => None,
    };
    let appeal = PortalAppeal {
        id,
        question_id,
        url: address,
        submitted: match time {
            Some(time) => format!("{date} {time}"),
            None => date,
        },
        category: facts.category,
        views: facts.views,
        answers,
        ..PortalAppeal::default()
    };
    let text = without_template(&card_text(question));
    Some(finish(appeal, text, question, placed))
}

/// One answer block's answers: signed by `span.answer-info` as on a questions page, or by its
/// last line `NAME DD.MM.YYYY, HH:MM`.
fn signed(url: &str, id: &str, n: usize, block: ElementRef) -> Result<Vec<PortalAnswer>, String> {
    if block.select(&CSS.info).next().is_some() {
        return answers(url, id, block).map_err(|e| e.missing);
    }
    let mut walk = TextWalk::default();
    for edge in block.traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => walk.open(node),
            close => walk.close(close),
        }
    }
    let text = without_template(&walk.take());
    let lines: Vec<&str> = text.lines().collect();
    // The signature is the last line that ends in its date (and time).
    let signature = lines.iter().rposition(|line| {
        date_and_time(line).is_some_and(|d| {
            let after = &line[d.start..];
            let end = after.find(|c: char| !(c.is_ascii_digit() || ".:, ".contains(c)));
            end.is_none()
        })
    });
    let Some(at) = signature else {
        return Err(format!(
            "answer {n} ({:?}) is signed by no line NAME DD.MM.YYYY (its answerer and date)",
            lines.first().copied().unwrap_or("")
        ));
    };
    let line = lines[at];
    let dated = date_and_time(line).ok_or_else(|| format!("answer {n} has no date"))?;
    let answerer = line[..dated.start]
        .trim_matches(|c: char| c.is_whitespace() || c == ',' || c == '-' || c == '—');
    let rest: Vec<&str> = lines
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != at)
        .map(|(_, l)| *l)
        .collect();
    Ok(vec![PortalAnswer {
        answerer: Some(answerer.to_string()).filter(|a| !a.is_empty()),
        date: dated.date,
        time: dated.time,
        text: rest.join("\n"),
    }])
}

/// The text without an unrendered template fragment (`blog?.question?.answers (2)`), which the
/// browser saved where the page's script had not run.
fn without_template(text: &str) -> String {
    static TEMPLATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b\w+(?:\?\.\w+)+\s*(?:\(\s*\d*\s*\))?")
            .unwrap_or_else(|e| unreachable!("{e}"))
    });
    paragraphs(&TEMPLATE.replace_all(text, ""))
}
