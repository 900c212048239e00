//! A questions page read whole: every `ul.blog-info` with an `fa-pencil` number is a card and
//! becomes an appeal, with or without its link; every answers block is tied to a card by its
//! id. What cannot be placed is written down in the page's account, never dropped.

use std::collections::{HashMap, HashSet};

use ego_tree::NodeId;
use scraper::{ElementRef, Html};

use super::cards::{
    APPEAL_LINK, answers, card_text, facts, is_answer_info, own_address, show_answers_id,
};
use super::page::CSS;
use super::text::{clean, number_after};
use super::{Placed, PortalAnswer, PortalAppeal};

/// How far above its facts a card may start: wrappers are a few levels deep, and a page that
/// nests deeper must not make the search for each card walk the whole page.
const CARD_DEPTH: usize = 12;

/// The page's appeals, or the first part that could not be placed, as a layout error.
#[cfg(test)]
pub fn appeals(url: &str, document: &Html) -> Result<Vec<PortalAppeal>, super::LayoutError> {
    let (appeals, placed) = read(url, document);
    match placed.unplaced.first() {
        Some(first) => Err(super::LayoutError::new(url, first.clone())),
        None => Ok(appeals),
    }
}

/// An answers block as found: its answers (or why they cannot be read) and whether a card
/// claimed it.
struct Block {
    raw_id: String,
    answers: Result<Vec<PortalAnswer>, String>,
    tied: bool,
}

/// Every card the page shows, read into appeals, and the account of what was placed.
pub fn read(url: &str, document: &Html) -> (Vec<PortalAppeal>, Placed) {
    // Said in this order: blocks with no id, links in no card, then each card's own complaint
    // (which may follow from a link it lost), then blocks no card claimed.
    let mut nameless = Vec::new();
    let mut blocks: Vec<Block> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    for block in document.select(&CSS.answers) {
        let raw_id = block.value().attr("id").unwrap_or("").to_string();
        let id: String = raw_id.chars().filter(char::is_ascii_digit).collect();
        let read = answers(url, &raw_id, block).map_err(|e| e.missing);
        if id.is_empty() {
            nameless.push(format!(
                "an answers block (div.answers {:?}) has no question id, so it belongs to no \
                 card: its answers would be lost",
                clip(&clean(&block.text().collect::<String>()))
            ));
            continue;
        }
        by_id.insert(id, blocks.len());
        blocks.push(Block {
            raw_id,
            answers: read,
            tied: false,
        });
    }
    let mut placed = Placed::default();
    let cards = cards(document, &mut placed);
    let mut appeals = Vec::new();
    let mut taken: HashSet<NodeId> = HashSet::new();
    for (i, card) in cards.iter().enumerate() {
        if let Some(appeal) = appeal(
            url,
            i + 1,
            *card,
            &mut blocks,
            &by_id,
            &mut placed,
            &mut taken,
        ) {
            appeals.push(appeal);
        }
    }
    let mut lost = Vec::new();
    for a in document.select(&CSS.readmore) {
        let Some(href) = a.value().attr("href").filter(|h| h.contains(APPEAL_LINK)) else {
            continue;
        };
        if !taken.contains(&a.id()) {
            lost.push(format!(
                "the link {href} (a.readmore) stands in no card with a ul.blog-info (number, \
                 category, date, views)"
            ));
        }
    }
    placed.unplaced = [nameless, lost, std::mem::take(&mut placed.unplaced)].concat();
    for block in &blocks {
        match (&block.answers, block.tied) {
            (Err(why), _) => placed.unplaced.push(why.clone()),
            (Ok(_), true) => placed.blocks_tied += 1,
            (Ok(answers), false) => {
                placed.blocks_untied += 1;
                placed.unplaced.push(format!(
                    "answers block {} belongs to no card (no card's link or showAnswers button \
                     names question {}): its {} answers would be lost",
                    block.raw_id,
                    block.raw_id,
                    answers.len()
                ));
            }
        }
    }
    for info in document.select(&CSS.answer_info) {
        if !info.ancestors().any(|n| {
            ElementRef::wrap(n).is_some_and(|e| {
                e.value()
                    .has_class("answers", scraper::CaseSensitivity::AsciiCaseInsensitive)
            })
        }) {
            placed.unplaced.push(format!(
                "an answer's signature (span.answer-info {:?}) stands outside any answers block",
                clip(&clean(&info.text().collect::<String>()))
            ));
        }
    }
    once_each(&appeals, &mut placed);
    placed.loose = loose_text(&cards);
    (appeals, placed)
}

/// Each card: the nearest block around a `ul.blog-info` that holds more of a card than facts
/// (a name, a paragraph, a link, a button or bare text). A block holding two facts lists is no
/// one card: said, not split by guess. What is known of a block is worked out once, however
/// many lists share it, so that a page of many lists and few parts is not read again per list.
fn cards<'a>(document: &'a Html, placed: &mut Placed) -> Vec<ElementRef<'a>> {
    let mut cards = Vec::new();
    let mut seen = HashSet::new();
    let mut holds: HashMap<NodeId, bool> = HashMap::new();
    let mut lists: HashMap<NodeId, usize> = HashMap::new();
    for list in document.select(&CSS.info) {
        let card = list
            .ancestors()
            .take(CARD_DEPTH)
            .filter_map(ElementRef::wrap)
            .find(|e| *holds.entry(e.id()).or_insert_with(|| holds_card_parts(*e)))
            .or_else(|| list.parent().and_then(ElementRef::wrap))
            .unwrap_or(list);
        let facts_lists = *lists
            .entry(card.id())
            .or_insert_with(|| card.select(&CSS.info).count());
        if facts_lists > 1 {
            placed.unplaced.push(format!(
                "a card (ul.blog-info: {:?}) has no block of its own (the nearest block around \
                 it holds {facts_lists} ul.blog-info)",
                clip(&clean(&list.text().collect::<String>()))
            ));
            continue;
        }
        if seen.insert(card.id()) {
            cards.push(card);
        }
    }
    cards
}

/// Whether `block` holds a part of a card besides facts: a name, a paragraph, a link or a
/// button outside every `ul.blog-info`, or bare text of its own.
fn holds_card_parts(block: ElementRef) -> bool {
    let in_facts = |e: &ElementRef| {
        e.ancestors()
            .take_while(|a| a.id() != block.id())
            .filter_map(ElementRef::wrap)
            .any(|a| CSS.info.matches(&a))
    };
    block.select(&CSS.card_parts).any(|e| !in_facts(&e))
        || block
            .children()
            .any(|c| c.value().as_text().is_some_and(|t| !t.trim().is_empty()))
}

fn appeal(
    url: &str,
    position: usize,
    card: ElementRef,
    blocks: &mut [Block],
    by_id: &HashMap<String, usize>,
    placed: &mut Placed,
    taken: &mut HashSet<NodeId>,
) -> Option<PortalAppeal> {
    let facts = facts(card);
    let shown = || {
        clip(&clean(
            &card
                .select(&CSS.info)
                .next()
                .map(|l| l.text().collect::<String>())
                .unwrap_or_default(),
        ))
    };
    // A link counts as the card's only a few levels below it: one far down a deep page is in
    // no card, not in whichever block happens to hold it.
    let near = |a: &ElementRef| a.ancestors().take(CARD_DEPTH).any(|n| n.id() == card.id());
    let mut links: HashSet<&str> = HashSet::new();
    for a in card.select(&CSS.readmore).filter(near) {
        if let Some(href) = a.value().attr("href").filter(|h| h.contains(APPEAL_LINK)) {
            links.insert(href);
            taken.insert(a.id());
        }
    }
    let href = match links.len() {
        0 => {
            // A link to the appeal that is not `a.readmore`: the link was renamed, and the
            // appeal's address would be lost with it.
            if card.select(&CSS.link).any(|a| {
                a.value()
                    .attr("href")
                    .is_some_and(|h| h.contains(APPEAL_LINK))
            }) {
                placed.unplaced.push(format!(
                    "a card (ul.blog-info: {:?}) has no a.readmore link to {APPEAL_LINK}{{id}}: its \
                     link to the appeal has another class, so the link may have been renamed",
                    shown()
                ));
                return None;
            }
            None
        }
        1 => links.into_iter().next(),
        n => {
            placed.unplaced.push(format!(
                "the card of ul.blog-info {:?} holds {n} appeals' links: it has no ul.blog-info of its own",
                shown()
            ));
            return None;
        }
    };
    let named = match href {
        Some(href) => format!("appeal card {position} (link {href})"),
        None => format!(
            "appeal card {position} (ul.blog-info: {:?}, no link)",
            shown()
        ),
    };
    let Some(id) = facts.number.flatten() else {
        if href.is_none() {
            placed.unplaced.push(format!(
                "a card (ul.blog-info: {:?}) has no registration number (an li with i.fa-pencil \
                 and № N) and no a.readmore link to {APPEAL_LINK}{{id}}",
                shown()
            ));
            return None;
        }
        placed.unplaced.push(format!(
            "{named} has no registration number (an li with i.fa-pencil and № N)"
        ));
        return None;
    };
    let Some((date, time)) = facts.date else {
        placed.unplaced.push(format!(
            "{named} has no submission date (an li with i.fa-calendar and DD.MM.YYYY)"
        ));
        return None;
    };
    let question_id = href
        .and_then(|h| number_after(h, APPEAL_LINK))
        .map(str::to_string)
        .or_else(|| show_answers_id(card));
    let answers = match question_id.as_ref().and_then(|q| by_id.get(q)) {
        Some(&at) => {
            blocks[at].tied = true;
            blocks[at].answers.clone().unwrap_or_default()
        }
        None => Vec::new(),
    };
    let appeal = PortalAppeal {
        id,
        question_id,
        url: href.map(|h| own_address(url, h, APPEAL_LINK)),
        submitted: match time {
            Some(time) => format!("{date} {time}"),
            None => date,
        },
        category: facts.category,
        views: facts.views,
        answers,
        ..PortalAppeal::default()
    };
    Some(finish(appeal, card_text(card), card, placed))
}

/// An appeal whose facts and answers are read, completed from its card (or its own page's
/// question): its author, its text or, for a placeholder, the status the sentence stands for
/// (a placeholder's sentence is the portal's, not the citizen's); counted in the account.
pub(super) fn finish(
    mut appeal: PortalAppeal,
    text: String,
    card: ElementRef,
    placed: &mut Placed,
) -> PortalAppeal {
    appeal.status = match appeal.answers.is_empty() {
        true => crate::records::placeholder::placeholder(&text),
        false => None,
    };
    appeal.text = Some(text).filter(|t| !t.is_empty() && appeal.status.is_none());
    appeal.author = card
        .select(&CSS.h3)
        .next()
        .map(|h| clean(&h.text().collect::<String>()))
        .filter(|a| !a.is_empty());
    placed.cards += 1;
    placed.placeholders += usize::from(appeal.status.is_some());
    placed.copies += usize::from(appeal.id.contains('/'));
    placed.without_link += usize::from(appeal.url.is_none());
    appeal
}

/// One page shows each appeal once: two cards with one registration number are an error, not
/// one of them dropped without a word (the import keeps one record an id).
fn once_each(appeals: &[PortalAppeal], placed: &mut Placed) {
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (i, appeal) in appeals.iter().enumerate() {
        if let Some(earlier) = first.insert(&appeal.id, i) {
            placed.unplaced.push(format!(
                "appeal cards {} and {} both have registration number {}: a page shows each \
                 appeal once, and one of the two would be lost",
                earlier + 1,
                i + 1,
                appeal.id
            ));
        }
    }
}

/// Text beside the cards (in the blocks that hold them) that is in no card and no answers
/// block: content the reader did not place, for the probe to show. Not a stop: a page may
/// well print a line between its cards.
fn loose_text(cards: &[ElementRef]) -> Vec<String> {
    let card_ids: HashSet<NodeId> = cards.iter().map(|c| c.id()).collect();
    let mut parents = Vec::new();
    for card in cards {
        if let Some(parent) = card.parent().and_then(ElementRef::wrap)
            && !parents.iter().any(|p: &ElementRef| p.id() == parent.id())
        {
            parents.push(parent);
        }
    }
    let mut loose = Vec::new();
    for parent in parents {
        for child in parent.children() {
            if card_ids.contains(&child.id()) {
                continue;
            }
            let text = match ElementRef::wrap(child) {
                Some(e) => {
                    let skip = e
                        .value()
                        .has_class("answers", scraper::CaseSensitivity::AsciiCaseInsensitive)
                        || ["script", "style", "nav", "button"].contains(&e.value().name())
                        || e.descendants().any(|d| card_ids.contains(&d.id()))
                        || e.descendants().any(is_answer_info);
                    match skip {
                        true => continue,
                        false => clean(&e.text().collect::<String>()),
                    }
                }
                None => child
                    .value()
                    .as_text()
                    .map(|t| clean(t))
                    .unwrap_or_default(),
            };
            if !text.is_empty() {
                loose.push(format!("text outside any card: {:?}", clip(&text)));
            }
        }
    }
    loose
}

/// A page's words in a message: at most 80 characters.
fn clip(text: &str) -> String {
    match text.char_indices().nth(80) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}
