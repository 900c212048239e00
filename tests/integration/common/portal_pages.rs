//! Blog pages written the way docs/portal.md describes the portal's markup, for the fetch
//! tests and the benchmark server (examples/portal_server.rs): a welcome page, questions pages
//! of ten cards with their answers, posts pages, all with their twbsPagination script.

use std::fmt::Write;

/// One appeal as its card shows it.
#[derive(Debug, Clone)]
pub struct Appeal {
    /// The registration number, e.g. `765824` or `749022/2`.
    pub id: String,
    /// `DD.MM.YYYY`.
    pub submitted: String,
    pub text: String,
    /// (answerer, `DD.MM.YYYY`, text), earliest first.
    pub answers: Vec<(String, String, String)>,
    /// A placeholder card: rejected on this date.
    pub rejected: Option<String>,
}

impl Appeal {
    pub fn new(id: &str, submitted: &str) -> Appeal {
        Appeal {
            id: id.to_string(),
            submitted: submitted.to_string(),
            text: format!("Обращение {id}: когда отремонтируют дорогу?"),
            answers: Vec::new(),
            rejected: None,
        }
    }

    pub fn answered(mut self, by: &str, on: &str, text: &str) -> Appeal {
        self.answers
            .push((by.to_string(), on.to_string(), text.to_string()));
        self
    }
}

pub const PER_PAGE: usize = 10;

fn head(title: &str, out: &mut String) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\">\n<title>Блог: {title} | \
         Открытый диалог</title>\n</head>\n<body>\n"
    );
}

fn header(owner: &str, position: &str, out: &mut String) {
    let _ = write!(
        out,
        "<div class=\"blog-header\"><div class=\"container\">\n  <h1 class=\"blog-title\">{owner}</h1>\n  \
         <p class=\"blog-position\">{position}</p>\n</div></div>\n"
    );
}

fn pagination(page: usize, total: usize, out: &mut String) {
    let _ = write!(
        out,
        "<ul id=\"pagination\"></ul>\n<script>\n  $('#pagination').twbsPagination({{ totalPages: \
         {total}, visiblePages: 7, startPage: {page} }});\n</script>\n</body>\n</html>\n"
    );
}

/// A list page up to its first card.
fn list_start(owner: &str, position: &str, class: &str) -> String {
    let mut out = String::new();
    head(owner, &mut out);
    header(owner, position, &mut out);
    let _ = writeln!(out, "<div class=\"container {class}\">");
    out
}

pub fn welcome(owner: &str, position: &str) -> String {
    let mut out = String::new();
    head(owner, &mut out);
    header(owner, position, &mut out);
    out.push_str("<div class=\"container\"><div class=\"row\"><div class=\"col-xs-12 welcome-text\">\n<p>Уважаемые жители!</p>\n</div></div></div>\n</body>\n</html>\n");
    out
}

/// Questions page `page` (from 1) of `total`, with these cards.
pub fn questions(
    owner: &str,
    position: &str,
    appeals: &[Appeal],
    page: usize,
    total: usize,
) -> String {
    let mut out = list_start(owner, position, "blog-questions");
    for appeal in appeals {
        let number = appeal.id.split('/').next().unwrap_or(&appeal.id);
        let text = match &appeal.rejected {
            Some(on) => format!(
                "Обращение с регистрационным номером {}, направленное в Блог {owner}, отклонено ГО {on}",
                appeal.id
            ),
            None => appeal.text.clone(),
        };
        let _ = write!(
            out,
            "<div class=\"row\">\n  <div class=\"col-xs-12\">\n    <h3>Житель {number}</h3>\n    <p>{text}</p>\n    \
             <ul class=\"blog-info\">\n      <li><i class=\"fa fa-pencil\"></i> Номер: № {}</li>\n      \
             <li><i class=\"fa fa-tags\"></i> Категория: Дороги</li>\n      <li><i class=\"fa fa-calendar\"></i> \
             Дата: {}</li>\n      <li><i class=\"fa fa-eye\"></i> Просмотры: 10</li>\n    </ul>\n    \
             <a class=\"readmore\" href=\"/blogs/all-questions/{number}\">Подробнее</a>\n",
            appeal.id, appeal.submitted
        );
        if appeal.rejected.is_none() {
            let _ = writeln!(
                out,
                "    <button type=\"button\" class=\"btn btn-default btn-sm\" onclick=\"showAnswers(1, {number})\">Ответы</button>"
            );
        }
        out.push_str("  </div>\n");
        if !appeal.answers.is_empty() {
            let _ = write!(
                out,
                "  <div class=\"answers row\" id=\"{number}\" style=\"display:none\">\n    <h4>Ответы</h4>\n"
            );
            // The portal shows the newest answer first.
            for (by, on, text) in appeal.answers.iter().rev() {
                let _ = write!(
                    out,
                    "    <p>{text}</p>\n    <span class=\"answer-info\">{by} {on}</span>\n"
                );
            }
            out.push_str("  </div>\n");
        }
        out.push_str("</div>\n");
    }
    out.push_str("</div>\n");
    pagination(page, total, &mut out);
    out
}

/// Posts page `page` of `total`: (title, `DD.MM.YYYY`, post id).
pub fn posts(
    owner: &str,
    position: &str,
    posts: &[(&str, &str, u64)],
    page: usize,
    total: usize,
) -> String {
    let mut out = list_start(owner, position, "blog-posts");
    for (title, date, id) in posts {
        let _ = write!(
            out,
            "<div class=\"row\">\n  <div class=\"col-xs-12\">\n    <h3>{title}</h3>\n    <ul class=\"blog-info\">\n      \
             <li><i class=\"fa fa-calendar\"></i> {date}</li>\n    </ul>\n    \
             <a class=\"readmore\" href=\"/blogs/posts/{id}\">Подробнее</a>\n  </div>\n</div>\n"
        );
    }
    out.push_str("</div>\n");
    pagination(page, total, &mut out);
    out
}

/// Every page of a blog, by path: its welcome page, its questions pages (ten cards each,
/// `appeals` newest first) and one posts page.
pub fn blog_pages(
    blog: &str,
    owner: &str,
    position: &str,
    appeals: &[Appeal],
    blog_posts: &[(&str, &str, u64)],
) -> Vec<(String, String)> {
    let total = appeals.len().div_ceil(PER_PAGE).max(1);
    let mut pages = vec![(format!("/blogs/{blog}/welcome"), welcome(owner, position))];
    for (i, chunk) in appeals.chunks(PER_PAGE).enumerate() {
        pages.push((
            format!("/blogs/{blog}/questions?page={}", i + 1),
            questions(owner, position, chunk, i + 1, total),
        ));
    }
    if appeals.is_empty() {
        pages.push((
            format!("/blogs/{blog}/questions?page=1"),
            questions(owner, position, &[], 1, 1),
        ));
    }
    pages.push((
        format!("/blogs/{blog}/posts?page=1"),
        posts(owner, position, blog_posts, 1, 1),
    ));
    pages
}
