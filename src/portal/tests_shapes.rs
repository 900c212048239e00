//! Every card shape portal.md lists, read from its fixture page in `tests/fixtures/portal`,
//! each appeal's fields asserted; and cards generated with their parts in any order.

use proptest::prelude::*;

use super::*;

const BASE: &str = "https://dialog.egov.kz/blogs/2719746";

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/portal/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn reading(url: &str, name: &str) -> Reading {
    probe_page(url, &fixture(name), None).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn appeals_of(reading: &Reading) -> &[PortalAppeal] {
    match &reading.page {
        PortalPage::Questions { appeals, .. } | PortalPage::Appeal { appeals, .. } => appeals,
        other => panic!("{other:?}"),
    }
}

fn answer(by: &str, date: &str, time: Option<&str>, text: &str) -> PortalAnswer {
    PortalAnswer {
        answerer: Some(by.into()),
        date: date.into(),
        time: time.map(str::to_string),
        text: text.into(),
    }
}

#[test]
fn placeholders_with_and_without_a_link_in_either_order() {
    let read = reading(
        &format!("{BASE}/questions?page=5"),
        "questions-placeholders.html",
    );
    assert_eq!(read.placed.unplaced, Vec::<String>::new());
    assert_eq!(read.placed.loose, Vec::<String>::new());
    let appeals = appeals_of(&read);
    assert_eq!(
        appeals[0],
        PortalAppeal {
            id: "766158".into(),
            question_id: None,
            url: None,
            submitted: "05.01.2023".into(),
            category: Some("Социальная защита".into()),
            text: None,
            author: Some("Нурланов Дастан".into()),
            views: Some(0),
            status: Some(PortalStatus::Pending),
            answers: vec![],
        }
    );
    assert_eq!(
        appeals[1],
        PortalAppeal {
            id: "765990".into(),
            question_id: None,
            url: None,
            submitted: "28.12.2022".into(),
            category: Some("Здравоохранение".into()),
            text: None,
            author: Some("Абдрахманова Сауле".into()),
            views: Some(13),
            status: Some(PortalStatus::Rejected {
                on: Some("27.01.2023".into())
            }),
            answers: vec![],
        }
    );
    assert_eq!(
        appeals[2],
        PortalAppeal {
            id: "765950".into(),
            question_id: Some("765950".into()),
            url: Some("https://dialog.egov.kz/blogs/all-questions/765950".into()),
            submitted: "20.12.2022".into(),
            category: Some("Дороги".into()),
            text: None,
            author: Some("Оспанов Ерболат".into()),
            views: Some(4),
            status: Some(PortalStatus::Rejected {
                on: Some("27.01.2023".into())
            }),
            answers: vec![],
        }
    );
    let placed = &read.placed;
    assert_eq!(
        (
            placed.cards,
            placed.placeholders,
            placed.without_link,
            placed.copies
        ),
        (3, 3, 2, 0)
    );
}

#[test]
fn text_after_the_facts_bare_text_no_sign_a_cut_entity_and_a_copy() {
    let read = reading(
        &format!("{BASE}/questions?page=4"),
        "questions-text-after-facts.html",
    );
    assert_eq!(read.placed.unplaced, Vec::<String>::new());
    assert_eq!(read.placed.loose, Vec::<String>::new());
    let appeals = appeals_of(&read);
    assert_eq!(
        appeals[0],
        PortalAppeal {
            id: "766001".into(),
            question_id: Some("766001".into()),
            url: Some("https://dialog.egov.kz/blogs/all-questions/766001".into()),
            submitted: "10.01.2023".into(),
            category: Some("Образование".into()),
            text: Some(
                "В школе №12 села Карабулак не работает отопление в двух классах, дети сидят в куртках."
                    .into()
            ),
            author: Some("Касымова Динара".into()),
            views: Some(25),
            status: None,
            answers: vec![answer(
                "Управление образования области Жетысу",
                "12.01.2023",
                Some("11:40"),
                "Отопление восстановлено 12 января."
            )],
        }
    );
    // Bare text, a number without №, and `&quot` cut before its `;` (still a quotation mark).
    assert_eq!(
        appeals[1],
        PortalAppeal {
            id: "766002".into(),
            question_id: Some("766002".into()),
            url: Some("https://dialog.egov.kz/blogs/all-questions/766002".into()),
            submitted: "09.01.2023".into(),
            category: Some("Транспорт".into()),
            text: Some("Автобус маршрута №7 \"Талдыкорган".into()),
            author: Some("Ибраев Нуржан".into()),
            views: Some(3),
            status: None,
            answers: vec![],
        }
    );
    // A copy: its address names another question, whose answers block follows the row.
    assert_eq!(
        appeals[2],
        PortalAppeal {
            id: "749022/2".into(),
            question_id: Some("749023".into()),
            url: Some("https://dialog.egov.kz/blogs/all-questions/749023".into()),
            submitted: "08.01.2023".into(),
            category: Some("Земельные отношения".into()),
            text: Some("Прошу разъяснить порядок выдачи земельного участка под ИЖС...".into()),
            author: Some("Мухаметжанов Руслан".into()),
            views: Some(41),
            status: None,
            answers: vec![answer(
                "Исабаев Б.Б.",
                "09.01.2023",
                None,
                "Ваше обращение направлено в акимат города Талдыкорган по компетенции."
            )],
        }
    );
    let placed = &read.placed;
    assert_eq!(
        (
            placed.cards,
            placed.copies,
            placed.blocks_tied,
            placed.blocks_untied
        ),
        (3, 1, 2, 0)
    );
}

#[test]
fn kazakh_interface_is_read_whole() {
    let read = reading(&format!("{BASE}/questions?page=3"), "questions-3.html");
    assert_eq!(read.placed.unplaced, Vec::<String>::new());
    let appeals = appeals_of(&read);
    let ids: Vec<&str> = appeals.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["740100", "740050", "740010"]);
    assert_eq!(
        appeals[0],
        PortalAppeal {
            id: "740100".into(),
            question_id: Some("740100".into()),
            url: Some("https://dialog.egov.kz/blogs/all-questions/740100".into()),
            submitted: "01.09.2022".into(),
            category: Some("Білім беру".into()),
            text: Some("Ауылымыздағы мектепке жаңа спорт залы қашан салынады?".into()),
            author: Some("Төлеуова Гүлнар".into()),
            views: Some(77),
            status: None,
            answers: vec![answer(
                "Жетісу облысының білім басқармасы",
                "05.09.2022",
                None,
                "Сіздің өтінішіңіз құзыреті бойынша облыстың білім басқармасына жолданды. Спорт залының құрылысы 2023 жылға жоспарланған."
            )],
        }
    );
    assert_eq!(
        appeals[1].answers[0].answerer.as_deref(),
        Some("Исабаев Б.Б.")
    );
    assert_eq!(appeals[2].views, Some(12));
    assert!(appeals[2].answers.is_empty());
}

#[test]
fn a_saved_appeal_page_of_either_shape_gives_the_whole_text_and_every_answer() {
    // Its address as `import pages` finds it: the browser's `saved from url` mark.
    let html = fixture("appeal-saved-a.html");
    let url = saved_page_url(&String::from_utf8_lossy(&html));
    assert_eq!(
        url.as_deref(),
        Some("https://dialog.egov.kz/blogs/all-questions/765824")
    );
    let read = reading(url.as_deref().unwrap_or_default(), "appeal-saved-a.html");
    assert_eq!(read.placed.unplaced, Vec::<String>::new());
    assert!(
        matches!(read.page, PortalPage::Appeal { .. }),
        "{:?}",
        read.page
    );
    let a = &appeals_of(&read)[0];
    assert_eq!(a.question_id.as_deref(), Some("765824"));
    assert_eq!(a.category.as_deref(), Some("Образование"));
    assert_eq!(a.status, None);
    assert_eq!(a.id, "765824");
    assert_eq!(a.author.as_deref(), Some("Ахметова Айгуль"));
    assert_eq!(a.submitted, "20.09.2022");
    assert_eq!(a.views, Some(154));
    assert_eq!(
        a.text.as_deref(),
        Some(
            "Прошу решить вопрос с местом в детском саду для моего сына. Очередь не движется с 2020 года, в районе построили новый сад, но мест в нём нам не дают.\nПрошу помочь."
        )
    );
    assert_eq!(
        a.answers,
        [
            answer(
                "Управление образования области Жетысу",
                "21.09.2022",
                Some("09:05"),
                "Ваше обращение принято в работу."
            ),
            answer(
                "Исабаев Б.Б.",
                "26.09.2022",
                Some("10:15"),
                "Уважаемая Айгуль! Ваш сын включён в список на получение места в новом детском саду «Балауса»."
            )
        ]
    );
    let read = reading(
        "https://dialog.egov.kz/blogs/all-questions/765801",
        "appeal-saved-b.html",
    );
    assert_eq!(read.placed.unplaced, Vec::<String>::new());
    let b = &appeals_of(&read)[0];
    assert_eq!(b.id, "765801");
    assert_eq!(b.author.as_deref(), Some("Жумабеков Ерлан"));
    assert_eq!(b.submitted, "19.09.2022");
    assert_eq!(b.views, None);
    assert_eq!(b.question_id.as_deref(), Some("765801"));
    assert_eq!(
        b.url.as_deref(),
        Some("https://dialog.egov.kz/blogs/all-questions/765801")
    );
    assert_eq!(
        b.text.as_deref(),
        Some(
            "В нашем доме по улице Тауелсиздик, 12 третью неделю нет горячей воды. Куда обращаться? Управляющая компания не отвечает."
        )
    );
    assert_eq!(
        b.answers,
        [answer(
            "Управление энергетики и жилищно-коммунального хозяйства области Жетысу",
            "23.09.2022",
            Some("16:15"),
            "Уважаемый Ерлан!\nПодача горячей воды восстановлена 22 сентября."
        )]
    );
}

#[test]
fn a_saved_page_of_placeholders_only_is_a_questions_page() {
    // No link and no button on it: its numbered facts say what it is.
    let html = String::from_utf8(fixture("questions-placeholders.html"))
        .unwrap()
        .replace(
            "<a class=\"readmore\" href=\"/blogs/all-questions/765950\">Подробнее</a>",
            "",
        );
    let read = probe_page("file:///home/r/saved.html", html.as_bytes(), None).unwrap();
    assert_eq!(appeals_of(&read).len(), 3);
}

#[test]
fn an_answers_block_of_no_card_refuses_the_page() {
    let html = String::from_utf8(fixture("questions-text-after-facts.html"))
        .unwrap()
        .replace("showAnswers(1, 749023)", "showAnswers(1, 749024)")
        .replace("/blogs/all-questions/749023", "/blogs/all-questions/749024");
    let url = format!("{BASE}/questions?page=4");
    let error = read_page(&url, html.as_bytes()).unwrap_err();
    assert!(
        error
            .missing
            .starts_with("answers block 749023 belongs to no card"),
        "{error}"
    );
    let read = probe_page(&url, html.as_bytes(), None).unwrap();
    assert_eq!((read.placed.blocks_tied, read.placed.blocks_untied), (1, 1));
}

/// The parts of one generated card, in the order the generator puts them.
#[derive(Debug, Clone)]
enum Part {
    Name,
    Facts,
    Text,
    Link,
    Button,
}

/// One generated card: its parts in `order`, its text placed bare or in a `p`, with or without
/// a link, a placeholder's sentence (`kind` 1 pending, 2 rejected) or the citizen's text, and an
/// answers block inside its row or after it when `answered`.
#[derive(Debug, Clone)]
struct Generated {
    order: Vec<Part>,
    text: String,
    link: bool,
    bare: bool,
    kind: u8,
    answered: bool,
    inside: bool,
}

impl Generated {
    fn id(i: usize) -> String {
        (1000 + i).to_string()
    }

    fn text(&self, i: usize) -> String {
        let id = Generated::id(i);
        match self.kind {
            1 => format!(
                "Обращение с регистрационным номером {id}, направленное в Блог акима, находится на рассмотрении у ГО"
            ),
            2 => format!(
                "Обращение с регистрационным номером {id}, направленное в Блог акима, отклонено ГО 27.01.2023"
            ),
            _ => self.text.clone(),
        }
    }

    /// Answered only when the card can name its question, and only the citizen's own text.
    fn has_answers(&self) -> bool {
        self.answered && self.link && self.kind == 0
    }

    fn html(&self, i: usize) -> String {
        let id = Generated::id(i);
        let text = self.text(i);
        let mut html = String::from("<div class=\"row\"><div class=\"col-xs-12\">");
        for part in &self.order {
            match part {
                Part::Name => html.push_str("<h3>Житель Города</h3>"),
                Part::Facts => html.push_str(&format!(
                    "<ul class=\"blog-info\"><li><i class=\"fa fa-pencil\"></i> № {id}</li>\
                     <li><i class=\"fa fa-tags\"></i> Дороги</li>\
                     <li><i class=\"fa fa-calendar\"></i> 03.10.2022</li>\
                     <li><i class=\"fa fa-eye\"></i> 5</li></ul>"
                )),
                Part::Text if self.bare => html.push_str(&format!(" {text} ")),
                Part::Text => html.push_str(&format!("<p>{text}</p>")),
                Part::Link if self.link => html.push_str(&format!(
                    "<a class=\"readmore\" href=\"/blogs/all-questions/{id}\">Подробнее</a>"
                )),
                Part::Button if self.link => html.push_str(&format!(
                    "<button onclick=\"showAnswers(1, {id})\">Ответы</button>"
                )),
                Part::Link | Part::Button => {}
            }
        }
        html.push_str("</div>");
        let block = format!(
            "<div class=\"answers row\" id=\"{id}\" style=\"display:none\"><h4>Ответы</h4>\
             <p>Ответ на {id}</p><span class=\"answer-info\">Исабаев Б.Б. 05.10.2022</span></div>"
        );
        match (self.has_answers(), self.inside) {
            (true, true) => html.push_str(&format!("{block}</div>")),
            (true, false) => html.push_str(&format!("</div>{block}")),
            (false, _) => html.push_str("</div>"),
        }
        html
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn cards_in_any_order_read_as_generated(
        cards in proptest::collection::vec(
            (
                Just(vec![Part::Name, Part::Facts, Part::Text, Part::Link, Part::Button])
                    .prop_shuffle(),
                "[А-Яа-я]{3,12}( [А-Яа-я0-9]{1,10}){0,6}",
                any::<bool>(),
                any::<bool>(),
                0u8..3,
                any::<bool>(),
                any::<bool>(),
            )
                .prop_map(|(order, text, link, bare, kind, answered, inside)| Generated {
                    order, text, link, bare, kind, answered, inside,
                }),
            1..6,
        )
    ) {
        let mut html = String::from("<html><body><div class=\"container\">");
        for (i, card) in cards.iter().enumerate() {
            html.push_str(&card.html(i));
        }
        html.push_str("</div></body></html>");
        let read = probe_page(&format!("{BASE}/questions"), html.as_bytes(), None).unwrap();
        prop_assert_eq!(&read.placed.unplaced, &Vec::<String>::new());
        prop_assert_eq!(&read.placed.loose, &Vec::<String>::new());
        let appeals = appeals_of(&read);
        prop_assert_eq!(appeals.len(), cards.len());
        for (i, (card, appeal)) in cards.iter().zip(appeals).enumerate() {
            let id = Generated::id(i);
            let status = match card.kind {
                1 => Some(PortalStatus::Pending),
                2 => Some(PortalStatus::Rejected { on: Some("27.01.2023".into()) }),
                _ => None,
            };
            let answers = match card.has_answers() {
                true => vec![answer("Исабаев Б.Б.", "05.10.2022", None, &format!("Ответ на {id}"))],
                false => vec![],
            };
            let expected = PortalAppeal {
                id: id.clone(),
                question_id: card.link.then(|| id.clone()),
                url: card.link.then(|| format!("https://dialog.egov.kz/blogs/all-questions/{id}")),
                submitted: "03.10.2022".into(),
                category: Some("Дороги".into()),
                text: (card.kind == 0).then(|| card.text(i)),
                author: Some("Житель Города".into()),
                views: Some(5),
                status,
                answers,
            };
            prop_assert_eq!(appeal, &expected);
        }
        let placed = &read.placed;
        prop_assert_eq!(placed.cards, cards.len());
        prop_assert_eq!(placed.placeholders, cards.iter().filter(|c| c.kind != 0).count());
        prop_assert_eq!(placed.without_link, cards.iter().filter(|c| !c.link).count());
        prop_assert_eq!(placed.blocks_tied, cards.iter().filter(|c| c.has_answers()).count());
    }
}
