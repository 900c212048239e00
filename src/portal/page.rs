//! What a page says about itself: its kind, its blog, its owner and position, how many pages
//! the list has, and (for a page saved by a browser) the address it was saved from.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;
use scraper::{Html, Selector};

use super::PageKind;
use super::text::{clean, number_after};

fn regex(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|e| unreachable!("{e}"))
}

fn selector(css: &str) -> Selector {
    // The selectors are literals of this module, checked by the reader's tests.
    Selector::parse(css).unwrap_or_else(|e| unreachable!("{css}: {e}"))
}

/// The selectors the reader uses, parsed once: parsing them for every card took a third of
/// the time spent reading a page.
pub(super) struct Css {
    pub readmore: Selector,
    pub info: Selector,
    pub li: Selector,
    pub h3: Selector,
    pub onclick: Selector,
    pub answers: Selector,
    pub answer_info: Selector,
    pub card_parts: Selector,
    pub question: Selector,
    numbered: Selector,
    pub link: Selector,
    show_answers: Selector,
    card_traces: Selector,
    title: Selector,
    owner: Vec<Selector>,
    position: Vec<Selector>,
    canonical: [(Selector, &'static str); 2],
}

pub(super) static CSS: LazyLock<Css> = LazyLock::new(|| Css {
    readmore: selector("a.readmore[href]"),
    info: selector("ul.blog-info"),
    li: selector("li"),
    h3: selector("h3"),
    onclick: selector("[onclick]"),
    answers: selector("div.answers"),
    answer_info: selector(".answer-info"),
    card_parts: selector("h3, p, a[href], [onclick], button"),
    question: selector(".b-question"),
    numbered: selector(".blog-info .fa-pencil"),
    link: selector("a[href]"),
    show_answers: selector("[onclick*='showAnswers(']"),
    card_traces: selector("[onclick*='showAnswers('], .fa-pencil, .blog-info, .answer-info"),
    title: selector("title"),
    owner: [".blog-header h1", ".blog-owner", ".blog-title"]
        .map(selector)
        .to_vec(),
    position: [
        ".blog-header [class*=position]",
        ".blog-position",
        "[class*=position]",
        ".blog-header p",
        ".blog-header h2",
    ]
    .map(selector)
    .to_vec(),
    canonical: [
        (selector(r#"link[rel="canonical"]"#), "href"),
        (selector(r#"meta[property="og:url"]"#), "content"),
    ],
});

/// The blog a number or an address names: `2719746`, `https://dialog.egov.kz/blogs/2719746/welcome`,
/// `dialog.egov.kz/blogs/2719746`.
pub fn blog_id(blog_or_url: &str) -> Option<String> {
    let text = blog_or_url.trim();
    if !text.is_empty() && text.chars().all(|c| c.is_ascii_digit()) {
        return Some(text.to_string());
    }
    number_after(text, "/blogs/").map(str::to_string)
}

/// The blog a page's own links point to most (a page saved under any name).
pub fn blog_id_in_page(html: &str) -> Option<String> {
    static LINK: LazyLock<Regex> =
        LazyLock::new(|| regex(r"/blogs/(\d+)/(?:welcome|questions|posts)"));
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for c in LINK.captures_iter(html) {
        if let Some(id) = c.get(1) {
            *counts.entry(id.as_str()).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|(id, n)| (*n, std::cmp::Reverse(*id)))
        .map(|(id, _)| id.to_string())
}

/// The address a browser saved the page from: its `saved from url` mark, the canonical link
/// or the `og:url` meta.
pub fn saved_page_url(html: &str) -> Option<String> {
    static SAVED: LazyLock<Regex> =
        LazyLock::new(|| regex(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->"));
    if let Some(c) = SAVED.captures(html) {
        return Some(c[1].to_string());
    }
    // Too deep to parse: `read_page` says so.
    if super::bounds::deeper_than(html, super::bounds::MOST_DEPTH).is_some() {
        return None;
    }
    let document = Html::parse_document(html);
    for (css, attr) in &CSS.canonical {
        if let Some(url) = document.select(css).find_map(|e| e.value().attr(attr)) {
            return Some(url.trim().to_string());
        }
    }
    None
}

/// The page's kind by its address, else by what it holds: appeal links make a questions page,
/// post links a posts page, anything else is read as a welcome page.
pub fn page_kind(url: &str, document: &Html) -> PageKind {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    if let Some(rest) = path.split("/blogs/").nth(1) {
        if rest.starts_with("all-questions/") {
            return PageKind::Appeal;
        }
        let segment = rest.split('/').nth(1).unwrap_or("");
        match segment {
            "welcome" => return PageKind::Welcome,
            "questions" => return PageKind::Questions,
            "posts" => return PageKind::Posts,
            _ => {}
        }
    }
    // An appeal's own page holds its question in `div.b-question`.
    if document.select(&CSS.question).next().is_some() {
        return PageKind::Appeal;
    }
    let links: Vec<&str> = document
        .select(&CSS.link)
        .filter_map(|a| a.value().attr("href"))
        .collect();
    // A page of placeholder cards only has neither links nor buttons: its numbers tell it.
    if links.iter().any(|h| h.contains("/blogs/all-questions/"))
        || document.select(&CSS.show_answers).next().is_some()
        || document.select(&CSS.numbered).next().is_some()
    {
        PageKind::Questions
    } else if links.iter().any(|h| h.contains("/blogs/posts/")) {
        PageKind::Posts
    } else {
        PageKind::Welcome
    }
}

/// The page's number in its list: `?page=N`, 1 without it; None for a saved file's address.
pub fn page_number(url: &str) -> Option<u32> {
    if !url.starts_with("http") {
        return None;
    }
    let query = url.split_once('?').map_or("", |(_, q)| q);
    let query = query.split('#').next().unwrap_or("");
    match query.split('&').find_map(|p| p.strip_prefix("page=")) {
        Some(n) => n.parse().ok(),
        None => Some(1),
    }
}

/// Whether a page holds any part of an appeal card (an answers button, a number's icon, a
/// facts list), however its cards may have changed.
pub fn has_card_traces(document: &Html) -> bool {
    document.select(&CSS.card_traces).next().is_some()
}

/// `totalPages: N` in the script that sets up the pagination.
pub fn total_pages(html: &str) -> Option<u32> {
    static TOTAL: LazyLock<Regex> = LazyLock::new(|| regex(r#"totalPages["']?\s*:\s*["']?(\d+)"#));
    TOTAL.captures(html).and_then(|c| c[1].parse().ok())
}

/// The blog's owner as its header names it, else as a page title `Блог: NAME | ...` does.
pub fn owner(document: &Html) -> Option<String> {
    for css in &CSS.owner {
        if let Some(name) = document
            .select(css)
            .map(|e| clean(&e.text().collect::<String>()))
            .find(|t| !t.is_empty())
        {
            return Some(name);
        }
    }
    let title = document
        .select(&CSS.title)
        .next()
        .map(|t| clean(&t.text().collect::<String>()))?;
    let first = title.split(['|', '—', '–']).next()?.trim();
    let first = first.split(" - ").next()?.trim();
    // Only a title that says whose blog it is: a bare site name is no owner.
    let name = ["Блог", "Блогы", "Blog"]
        .iter()
        .find_map(|word| first.strip_prefix(word))?
        .trim_start_matches([':', ' '])
        .trim();
    let words = name.split_whitespace().count();
    (2..=4).contains(&words).then(|| name.to_string())
}

/// The owner's post (`Аким области Жетысу`) as the blog header shows it.
pub fn position(document: &Html) -> Option<String> {
    for css in &CSS.position {
        if let Some(position) = document
            .select(css)
            .map(|e| clean(&e.text().collect::<String>()))
            .find(|t| !t.is_empty())
        {
            return Some(position);
        }
    }
    None
}
