//! The parts of a card: its facts known by their icons, its text (all that is not its name,
//! facts, link, buttons or answers), the answers of a block with their answerers and dates;
//! and each post's title and date. A card that lacks what matters is a layout error, never a
//! guess. `appeals.rs` finds a questions page's cards; `question.rs` reads an appeal's own page.

use std::collections::HashSet;

use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use scraper::{CaseSensitivity, ElementRef, Html, Node};

use super::page::CSS;
use super::text::{
    absolute, clean, count, date_and_time, paragraphs, registration_number, without_label,
};
use super::{LayoutError, PortalAnswer, PortalPost};

type Found<T> = Result<T, LayoutError>;

pub(super) const APPEAL_LINK: &str = "/blogs/all-questions/";
const POST_LINK: &str = "/blogs/posts/";

/// How far above its link a card may start: wrappers are a few levels deep, and a page that
/// nests deeper must not make the search for each card walk the whole page.
const CARD_DEPTH: usize = 12;

/// Elements whose start begins a new line of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "section",
];
/// Elements whose text is never an appeal's or an answer's.
pub(super) const NOT_TEXT: &[&str] = &["button", "script", "style", "noscript", "h4", "template"];

/// A card's link as stored: absolute, on the page's own site. A link to another site is not
/// taken as the appeal's (or post's) address: the same path on the page's site is.
pub(super) fn own_address(page_url: &str, href: &str, link: &str) -> String {
    let href = href.trim();
    let origin = absolute(page_url, "/").to_ascii_lowercase();
    let relative = !href.starts_with("//") && (href.starts_with('/') || !href.contains(':'));
    if relative {
        return absolute(page_url, href);
    }
    match href.find(link) {
        Some(at) if !href.to_ascii_lowercase().starts_with(&origin) => {
            absolute(page_url, &href[at..])
        }
        _ => href.to_string(),
    }
}

pub fn posts(url: &str, document: &Html) -> Found<Vec<PortalPost>> {
    cards(url, document, POST_LINK)?
        .into_iter()
        .enumerate()
        .map(|(i, (card, href))| {
            let facts = facts(card);
            let date = facts.date.ok_or_else(|| {
                LayoutError::new(
                    url,
                    format!("post card {} (link {href}) has no date (an li with i.fa-calendar and DD.MM.YYYY)", i + 1),
                )
            })?;
            Ok(PortalPost {
                title: card
                    .select(&CSS.h3)
                    .map(|e| clean(&e.text().collect::<String>()))
                    .find(|t| !t.is_empty()),
                date: date.0,
                url: Some(own_address(url, href, POST_LINK)),
            })
        })
        .collect()
}

/// Each card with its `a.readmore` link: the nearest block around the link that holds a
/// `ul.blog-info`. Every `ul.blog-info` must belong to a card, and every card to one link.
fn cards<'a>(url: &str, document: &'a Html, link: &str) -> Found<Vec<(ElementRef<'a>, &'a str)>> {
    let (readmore, info) = (&CSS.readmore, &CSS.info);
    let mut cards = Vec::new();
    let mut seen = HashSet::new();
    for a in document.select(readmore) {
        let Some(href) = a.value().attr("href").filter(|h| h.contains(link)) else {
            continue;
        };
        let card = a
            .ancestors()
            .take(CARD_DEPTH)
            .filter_map(ElementRef::wrap)
            .find(|e| e.select(info).next().is_some())
            .ok_or_else(|| {
                LayoutError::new(url, format!("the link {href} (a.readmore) stands in no card with a ul.blog-info (number, category, date, views)"))
            })?;
        let links: HashSet<&str> = card
            .select(readmore)
            .filter_map(|a| a.value().attr("href"))
            .filter(|h| h.contains(link))
            .collect();
        if links.len() > 1 {
            return Err(LayoutError::new(
                url,
                format!(
                    "the card of {href} has no ul.blog-info of its own (the nearest block with one holds {} links)",
                    links.len()
                ),
            ));
        }
        if seen.insert(card.id()) {
            cards.push((card, href));
        }
    }
    for list in document.select(info) {
        if !list.ancestors().any(|a| seen.contains(&a.id())) {
            return Err(LayoutError::new(
                url,
                format!(
                    "a card (ul.blog-info: {:?}) has no a.readmore link to {link}{{id}}",
                    clean(&list.text().collect::<String>())
                ),
            ));
        }
    }
    Ok(cards)
}

/// What a card's `ul.blog-info` says, each fact known by its icon.
#[derive(Default)]
pub(super) struct Facts {
    /// `None` inside: the icon is there but not the number.
    pub number: Option<Option<String>>,
    pub category: Option<String>,
    pub date: Option<(String, Option<String>)>,
    pub views: Option<u64>,
}

pub(super) fn facts(card: ElementRef) -> Facts {
    let mut facts = Facts::default();
    let Some(list) = card.select(&CSS.info).next() else {
        return facts;
    };
    for li in list.select(&CSS.li) {
        let text = li.text().collect::<String>();
        let icon = li
            .descendent_elements()
            .flat_map(|e| e.value().classes())
            .find_map(|class| {
                ["fa-pencil", "fa-tag", "fa-calendar", "fa-eye"]
                    .into_iter()
                    .find(|icon| class.starts_with(icon))
            });
        match icon {
            Some("fa-pencil") => facts.number = Some(registration_number(&text)),
            Some("fa-tag") => facts.category = Some(without_label(&text)).filter(|c| !c.is_empty()),
            Some("fa-calendar") => {
                facts.date = date_and_time(&text).map(|d| (d.date, d.time));
            }
            Some("fa-eye") => facts.views = count(&text),
            _ => {}
        }
    }
    facts
}

/// The question id in the card's `showAnswers(1, {questionId})` button.
pub(super) fn show_answers_id(card: ElementRef) -> Option<String> {
    card.select(&CSS.onclick)
        .filter_map(|e| e.value().attr("onclick"))
        .find_map(|call| {
            let args = call.split_once("showAnswers(")?.1;
            let second = args.split(',').nth(1)?;
            let id = second
                .trim()
                .trim_end_matches(')')
                .trim()
                .trim_matches(['\'', '"']);
            (!id.is_empty() && id.chars().all(|c| c.is_ascii_digit())).then(|| id.to_string())
        })
}

pub(super) fn is_answer_info(node: NodeRef<Node>) -> bool {
    node.value()
        .as_element()
        .is_some_and(|e| e.has_class("answer-info", CaseSensitivity::AsciiCaseInsensitive))
}

/// One block's answers, earliest first: each answer's text runs up to the `span.answer-info`
/// that names its answerer and date.
pub(super) fn answers(url: &str, block_id: &str, block: ElementRef) -> Found<Vec<PortalAnswer>> {
    let mut answers = Vec::new();
    let mut text = TextWalk::default();
    for edge in block.traverse() {
        let Edge::Open(node) = edge else {
            text.close(edge);
            continue;
        };
        if is_answer_info(node) {
            let info = clean(
                &ElementRef::wrap(node)
                    .map(|e| e.text().collect::<String>())
                    .unwrap_or_default(),
            );
            let dated = date_and_time(&info).ok_or_else(|| {
                LayoutError::new(url, format!("answers block {block_id}: span.answer-info {info:?} holds no date DD.MM.YYYY"))
            })?;
            let answerer = info[..dated.start]
                .trim_matches(|c: char| c.is_whitespace() || c == ',' || c == '-' || c == '—');
            answers.push(PortalAnswer {
                answerer: Some(answerer.to_string()).filter(|a| !a.is_empty()),
                date: dated.date,
                time: dated.time,
                text: text.take(),
            });
        }
        text.open(node);
    }
    let text = text.take();
    if !text.is_empty() {
        return Err(LayoutError::new(
            url,
            format!(
                "answers block {block_id}: an answer's text is followed by no span.answer-info (answerer and date)"
            ),
        ));
    }
    // Shown newest first: put them back in the order they were given, then by date.
    if answers.first().map(date_key) > answers.last().map(date_key) {
        answers.reverse();
    }
    answers.sort_by_key(date_key);
    Ok(answers)
}

/// A sortable `YYYY-MM-DD HH:MM` from an answer's `DD.MM.YYYY` and time.
pub(super) fn date_key(answer: &PortalAnswer) -> (u32, u32, u32, String) {
    let mut parts = answer
        .date
        .split('.')
        .map(|p| p.parse::<u32>().unwrap_or(0));
    let (d, m, y) = (
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
    );
    let time = answer
        .time
        .clone()
        .map(|t| format!("{t:0>5}"))
        .unwrap_or_default();
    (y, m, d, time)
}

/// A card's text: everything in it that is not the citizen's name (`h3`), the facts
/// (`ul.blog-info`), the link, a button or an answers block, in whichever order they come
/// (scrapers disagree on where the text stands), paragraphs on lines.
pub(super) fn card_text(card: ElementRef) -> String {
    let mut walk = TextWalk {
        card: true,
        ..TextWalk::default()
    };
    for edge in card.traverse() {
        match edge {
            Edge::Open(node) => walk.open(node),
            close => walk.close(close),
        }
    }
    walk.take()
}

/// The text gathered on a walk through the tree: a new line at each block element, nothing
/// from inside an element whose text is never content (a button, a script, a header, a link
/// to read more, an answer's signature). Counting the open ones keeps the walk linear however
/// deep a page nests.
#[derive(Default)]
pub(super) struct TextWalk {
    text: String,
    hidden: usize,
    /// Walking a card: its name, facts, link, buttons and answers are not its text.
    card: bool,
}

impl TextWalk {
    pub(super) fn open(&mut self, node: NodeRef<Node>) {
        if hides(node, self.card) {
            self.hidden += 1;
            return;
        }
        match node.value() {
            Node::Element(e) if BLOCKS.contains(&e.name()) => self.text.push('\n'),
            Node::Text(t) if self.hidden == 0 => self.text.push_str(t),
            _ => {}
        }
    }

    pub(super) fn close(&mut self, edge: Edge<Node>) {
        if let Edge::Close(node) = edge
            && hides(node, self.card)
        {
            self.hidden = self.hidden.saturating_sub(1);
        }
    }

    /// The text so far, as paragraphs; the walk goes on from nothing.
    pub(super) fn take(&mut self) -> String {
        paragraphs(&std::mem::take(&mut self.text))
    }
}

fn hides(node: NodeRef<Node>, card: bool) -> bool {
    let class = |e: &scraper::node::Element, name: &str| {
        e.has_class(name, CaseSensitivity::AsciiCaseInsensitive)
    };
    is_answer_info(node)
        || node.value().as_element().is_some_and(|e| {
            NOT_TEXT.contains(&e.name())
                || class(e, "readmore")
                || (card
                    && (e.name() == "h3"
                        || class(e, "blog-info")
                        || class(e, "answers")
                        || e.attr("onclick").is_some()))
        })
}

#[cfg(test)]
mod tests {
    use super::super::appeals::appeals;
    use super::*;

    fn card(id: &str, href: &str) -> String {
        format!(
            "<div class=\"row\"><h3>Житель</h3><p>Текст</p><ul class=\"blog-info\">\
             <li><i class=\"fa fa-pencil\"></i> № {id}</li>\
             <li><i class=\"fa fa-calendar\"></i> 01.09.2022</li></ul>\
             <a class=\"readmore\" href=\"{href}\">Подробнее</a></div>"
        )
    }

    const PAGE: &str = "http://127.0.0.1:9/blogs/1/questions?page=1";

    #[test]
    fn one_number_twice_on_a_page_is_an_error_not_a_card_dropped() {
        let html = [
            card("700", "/blogs/all-questions/700"),
            card("701", "/blogs/all-questions/701"),
            card("700", "/blogs/all-questions/702"),
        ]
        .concat();
        let error = appeals(PAGE, &Html::parse_document(&html)).unwrap_err();
        assert!(
            error
                .missing
                .contains("appeal cards 1 and 3 both have registration number 700"),
            "{error}"
        );
    }

    #[test]
    fn a_link_to_another_site_is_not_the_appeals_address() {
        let html = [
            card("700", "https://evil.example/blogs/all-questions/700?x=1"),
            card("701", "HTTP://127.0.0.1:9/blogs/all-questions/701"),
            card("702", "/blogs/all-questions/702"),
            card("703", "//evil.example/blogs/all-questions/703"),
        ]
        .concat();
        let read = appeals(PAGE, &Html::parse_document(&html)).unwrap();
        let urls: Vec<_> = read.iter().filter_map(|a| a.url.as_deref()).collect();
        assert_eq!(
            urls,
            [
                "http://127.0.0.1:9/blogs/all-questions/700?x=1",
                "HTTP://127.0.0.1:9/blogs/all-questions/701",
                "http://127.0.0.1:9/blogs/all-questions/702",
                "http://127.0.0.1:9/blogs/all-questions/703"
            ]
        );
        assert_eq!(read[0].question_id.as_deref(), Some("700"));
        let saved = "file:///home/r/page.html";
        assert_eq!(
            own_address(saved, "https://dialog.egov.kz/blogs/posts/5", POST_LINK),
            "https://dialog.egov.kz/blogs/posts/5"
        );
        assert_eq!(
            own_address(
                saved,
                "https://dialog.egov.kz.evil/blogs/posts/5",
                POST_LINK
            ),
            "https://dialog.egov.kz/blogs/posts/5"
        );
    }
}
