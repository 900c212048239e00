//! Synthetic scrapes for benchmarks: `cargo run --release --example generate -- --appeals N
//! --posts M --seed S --out DIR` writes DIR/appeals.csv, DIR/posts.csv and DIR/directory.csv.
//!
//! The same arguments always give the same bytes (a hand-rolled splitmix64, no clock, no hash
//! map iteration order). Rows are written as they are made, so memory stays flat at any size.
//! Nothing here is real: names, positions and texts are assembled from lists below; every URL
//! points to example.org and every author is `Гражданин А.` or the like.
//!
//! What a file holds, on average over many rows:
//! - appeals: ~2,350 bytes a row (texts of several hundred Cyrillic characters, answers of a
//!   few hundred), so that 200,000 rows are about 470 MB; ids rising with the dates, 3% of them
//!   copies sent on to another blog (`749022/1`); dates `DD.MM.YYYY`, answers
//!   `DD.MM.YYYY, HH:MM`, 2016–2024.
//! - every route of the record contract: forwarded through `forwarded_to` (10%), through the
//!   status `Перенаправлено` (8%), through a department as `answered_by` (35%), through an
//!   answer text `направлено по компетенции` (5%); personal, signed with initials such as
//!   `Исабаев Б.Б.` or another accepted spelling (22%); rejected `Отклонено ГО` (1 in 200);
//!   answered without an answerer (2%); unanswered `На рассмотрении` (the rest, ~17.5%).
//! - 306 officials (an akim, three deputies and fourteen district akims in each of 17 regions)
//!   and 204 departments (12 in each region), all in the directory with aliases; a few
//!   answerers and forward targets that the directory does not know.
//! - posts: skewed across departments; a tenth of the departments never post and a quarter
//!   stopped posting at some point (the silence report's `never` and `stale`).

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use chrono::{Datelike, Days, NaiveDate};
use clap::Parser;

#[derive(Parser, Debug)]
#[command(about = "Write deterministic synthetic appeals, posts and a directory for benchmarks")]
struct Args {
    /// How many appeals to write to DIR/appeals.csv
    #[arg(long, default_value_t = 10_000)]
    appeals: u64,
    /// How many posts to write to DIR/posts.csv (default: a tenth of the appeals, at least 100)
    #[arg(long)]
    posts: Option<u64>,
    /// The seed: the same seed and sizes give the same files, byte for byte
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The folder to write into (created if missing)
    #[arg(long)]
    out: PathBuf,
}

/// splitmix64: tiny, fast, and good enough for synthetic data.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in 0..n (n > 0).
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next()) * u128::from(n)) >> 64) as u64
    }

    /// Uniform in lo..=hi.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }

    /// True `per_mille` times in a thousand.
    fn chance(&mut self, per_mille: u64) -> bool {
        self.below(1000) < per_mille
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }

    /// An index in 0..n skewed towards 0: a few blogs get most appeals, as on the portal.
    fn skewed(&mut self, n: usize) -> usize {
        let u = self.below(1 << 20) as f64 / f64::from(1 << 20);
        ((u * u * u) * n as f64) as usize % n
    }
}

// ---------------------------------------------------------------------------------------------
// The made-up world: regions, departments, officials.

/// (Russian genitive as in `Аким Алматинской области`, Kazakh genitive, URL slug)
const REGIONS: &[(&str, &str, &str)] = &[
    ("области Абай", "Абай облысының", "abay"),
    ("Акмолинской области", "Ақмола облысының", "akmola"),
    ("Актюбинской области", "Ақтөбе облысының", "aktobe"),
    ("Алматинской области", "Алматы облысының", "almaty-region"),
    ("Атырауской области", "Атырау облысының", "atyrau"),
    (
        "Восточно-Казахстанской области",
        "Шығыс Қазақстан облысының",
        "east-kazakhstan",
    ),
    ("Жамбылской области", "Жамбыл облысының", "zhambyl"),
    ("области Жетысу", "Жетісу облысының", "zhetysu"),
    (
        "Западно-Казахстанской области",
        "Батыс Қазақстан облысының",
        "west-kazakhstan",
    ),
    ("Карагандинской области", "Қарағанды облысының", "karaganda"),
    ("Костанайской области", "Қостанай облысының", "kostanay"),
    ("Кызылординской области", "Қызылорда облысының", "kyzylorda"),
    ("Мангистауской области", "Маңғыстау облысының", "mangystau"),
    ("Павлодарской области", "Павлодар облысының", "pavlodar"),
    (
        "Северо-Казахстанской области",
        "Солтүстік Қазақстан облысының",
        "north-kazakhstan",
    ),
    ("Туркестанской области", "Түркістан облысының", "turkestan"),
    ("области Улытау", "Ұлытау облысының", "ulytau"),
];

/// (Russian name before the region, Kazakh name after it, URL slug)
const DEPARTMENT_KINDS: &[(&str, &str, &str)] = &[
    (
        "Управление здравоохранения",
        "денсаулық сақтау басқармасы",
        "health",
    ),
    ("Управление образования", "білім басқармасы", "education"),
    (
        "Управление энергетики и жилищно-коммунального хозяйства",
        "энергетика және тұрғын үй-коммуналдық шаруашылық басқармасы",
        "energy-housing",
    ),
    (
        "Управление строительства",
        "құрылыс басқармасы",
        "construction",
    ),
    (
        "Управление земельных отношений",
        "жер қатынастары басқармасы",
        "land",
    ),
    (
        "Управление пассажирского транспорта и автомобильных дорог",
        "жолаушылар көлігі және автомобиль жолдары басқармасы",
        "transport-roads",
    ),
    (
        "Управление сельского хозяйства",
        "ауыл шаруашылығы басқармасы",
        "agriculture",
    ),
    (
        "Управление занятости и социальных программ",
        "жұмыспен қамту және әлеуметтік бағдарламалар басқармасы",
        "employment",
    ),
    (
        "Управление архитектуры и градостроительства",
        "сәулет және қала құрылысы басқармасы",
        "architecture",
    ),
    (
        "Управление общественного развития",
        "қоғамдық даму басқармасы",
        "public-development",
    ),
    (
        "Управление природных ресурсов и регулирования природопользования",
        "табиғи ресурстар және табиғат пайдалануды реттеу басқармасы",
        "nature",
    ),
    (
        "Управление предпринимательства и индустриально-инновационного развития",
        "кәсіпкерлік және индустриялық-инновациялық даму басқармасы",
        "business",
    ),
];

const DISTRICTS: &[&str] = &[
    "Карасайского",
    "Илийского",
    "Енбекшиказахского",
    "Талгарского",
    "Жамбылского",
    "Райымбекского",
    "Уйгурского",
    "Кербулакского",
    "Коксуского",
    "Панфиловского",
    "Аксуского",
    "Алакольского",
    "Саркандского",
    "Ескельдинского",
    "Балхашского",
    "Кегенского",
    "Аршалынского",
    "Астраханского",
    "Атбасарского",
    "Буландынского",
    "Бурабайского",
    "Егиндыкольского",
    "Есильского",
    "Жаксынского",
    "Жаркаинского",
    "Зерендинского",
    "Коргалжынского",
    "Сандыктауского",
    "Целиноградского",
    "Шортандинского",
    "Байзакского",
    "Жуалынского",
    "Кордайского",
    "Меркенского",
    "Мойынкумского",
    "Сарысуского",
    "Таласского",
    "Шуского",
    "Тюлькубасского",
    "Сайрамского",
];

const DEPUTY_SPHERES: &[&str] = &[
    "по социальным вопросам",
    "по экономическим вопросам",
    "по вопросам строительства и ЖКХ",
];

/// Surnames in the masculine form; the feminine adds `а`.
const SURNAMES: &[&str] = &[
    "Исабаев",
    "Бекболатов",
    "Жумагалиев",
    "Ахметов",
    "Сулейменов",
    "Нурпеисов",
    "Касымов",
    "Омаров",
    "Абдрахманов",
    "Тулегенов",
    "Сейткалиев",
    "Мухамеджанов",
    "Байжанов",
    "Ермеков",
    "Искаков",
    "Кенжебаев",
    "Жунусов",
    "Садыков",
    "Утепов",
    "Рахимов",
    "Бектуров",
    "Аубакиров",
    "Есенов",
    "Калиев",
    "Смагулов",
    "Токтаров",
    "Мамыров",
    "Нургалиев",
    "Оспанов",
    "Сарсенбаев",
    "Тлеубаев",
    "Уразов",
    "Шаймерденов",
    "Ыбыраев",
    "Адильбеков",
    "Балтабаев",
    "Габдуллин",
    "Даулетов",
    "Жакупов",
    "Куанышев",
];

const MALE_NAMES: &[&str] = &[
    "Бейбит",
    "Ерлан",
    "Данияр",
    "Нурлан",
    "Асхат",
    "Серик",
    "Бауыржан",
    "Марат",
    "Руслан",
    "Талгат",
    "Аскар",
    "Кайрат",
    "Жандос",
    "Ербол",
    "Мурат",
    "Азамат",
    "Арман",
    "Бахыт",
    "Галым",
    "Ержан",
];

const FEMALE_NAMES: &[&str] = &[
    "Айгерим",
    "Гульнара",
    "Жанар",
    "Салтанат",
    "Динара",
    "Асель",
    "Мадина",
    "Айнур",
    "Сауле",
    "Гаухар",
];

/// Fathers' names, from which patronymics are made (`Бакир` → `Бакирович`, `Бакировна`).
const FATHERS: &[&str] = &[
    "Бакир",
    "Сапар",
    "Болат",
    "Ерлан",
    "Нурлан",
    "Серик",
    "Марат",
    "Талгат",
    "Аскар",
    "Кайрат",
    "Мурат",
    "Арман",
    "Бахыт",
    "Ержан",
    "Жумабек",
    "Каирбек",
    "Тимур",
    "Рустем",
    "Амир",
    "Даулет",
];

struct Department {
    name: String,
    kazakh: String,
    slug: String,
}

struct Official {
    name: String,
    surname: String,
    given: String,
    patronymic: String,
    position: String,
    /// Other spellings for the directory's aliases column.
    aliases: Vec<String>,
    blog: String,
    region: usize,
}

struct World {
    departments: Vec<Department>,
    officials: Vec<Official>,
}

fn initial(word: &str) -> String {
    word.chars().next().map(String::from).unwrap_or_default()
}

impl World {
    /// The same world for every seed: sizes and seeds only change which appeals are drawn.
    fn new() -> World {
        let mut departments = Vec::new();
        for (ru, kz, slug) in REGIONS {
            for (kind_ru, kind_kz, kind_slug) in DEPARTMENT_KINDS {
                departments.push(Department {
                    name: format!("{kind_ru} {ru}"),
                    kazakh: format!("{kz} {kind_kz}"),
                    slug: format!("{slug}/{kind_slug}"),
                });
            }
        }
        let mut rng = Rng::new(0x0FF1_C1A1);
        let mut officials = Vec::new();
        // Surname and initials must tell officials apart: `Исабаев Б.Б.` names one person.
        let mut taken = std::collections::BTreeSet::new();
        for (region, (ru, kz, slug)) in REGIONS.iter().enumerate() {
            let mut posts: Vec<(String, Vec<String>, String)> = vec![(
                format!("Аким {ru}"),
                vec![format!("{kz} әкімі")],
                format!("{slug}/blogs/akim"),
            )];
            for (i, sphere) in DEPUTY_SPHERES.iter().enumerate() {
                posts.push((
                    format!("Заместитель акима {ru} {sphere}"),
                    Vec::new(),
                    format!("{slug}/blogs/deputy-{}", i + 1),
                ));
            }
            for k in 0..14 {
                let district = DISTRICTS[(region * 7 + k * 3) % DISTRICTS.len()];
                posts.push((
                    format!("Аким {district} района {ru}"),
                    Vec::new(),
                    format!("{slug}/blogs/district-{}", k + 1),
                ));
            }
            for (position, mut aliases, blog) in posts {
                let (surname, given, patronymic) = loop {
                    let female = rng.chance(200);
                    let surname = rng.pick(SURNAMES);
                    let given = rng.pick(if female { FEMALE_NAMES } else { MALE_NAMES });
                    let father = rng.pick(FATHERS);
                    let key = (surname, initial(given), initial(father));
                    if taken.insert(key) {
                        break if female {
                            (
                                format!("{surname}а"),
                                given.to_string(),
                                format!("{father}овна"),
                            )
                        } else {
                            (
                                surname.to_string(),
                                given.to_string(),
                                format!("{father}ович"),
                            )
                        };
                    }
                };
                aliases.push(format!(
                    "{surname} {}.{}.",
                    initial(&given),
                    initial(&patronymic)
                ));
                officials.push(Official {
                    name: format!("{surname} {given} {patronymic}"),
                    surname,
                    given,
                    patronymic,
                    position,
                    aliases,
                    blog,
                    region,
                });
            }
        }
        World {
            departments,
            officials,
        }
    }

    /// A department of the region, as a scraper would show it: mostly its Russian name,
    /// sometimes its Kazakh one, now and then a body the directory does not know.
    fn department_as_written(&self, rng: &mut Rng, region: usize) -> String {
        let d = &self.departments
            [region * DEPARTMENT_KINDS.len() + rng.below(DEPARTMENT_KINDS.len() as u64) as usize];
        match rng.below(100) {
            0..=71 => d.name.clone(),
            72..=93 => d.kazakh.clone(),
            _ => format!(
                "ГУ «Отдел жилищно-коммунального хозяйства {} района»",
                rng.pick(DISTRICTS)
            ),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Texts.

const CATEGORIES: &[&str] = &[
    "ЖКХ",
    "Дороги",
    "Земельные отношения",
    "Здравоохранение",
    "Образование",
    "Социальная защита",
    "Транспорт",
    "Строительство",
    "Экология",
    "Сельское хозяйство",
    "Занятость",
    "Благоустройство",
];

const TITLES: &[&str] = &[
    "Нет горячей воды",
    "Ямы на дороге в село",
    "Земельный участок под ИЖС",
    "Очередь в детский сад",
    "Отключения электричества",
    "Не вывозят мусор",
    "Нет освещения на улице",
    "Ремонт крыши многоквартирного дома",
    "Автобус не ходит по расписанию",
    "Запись к врачу",
    "Нехватка мест в школе",
    "Жилищная очередь",
    "Подтопление двора",
    "Незаконная свалка",
    "Выплата пособия",
    "Газификация села",
    "Уличные собаки",
    "Шум от стройки по ночам",
    "Качество питьевой воды",
    "Ремонт моста",
];

const OPENERS: &[&str] = &[
    "Здравствуйте!",
    "Уважаемый аким!",
    "Добрый день.",
    "Обращаюсь к Вам по поводу давней проблемы.",
    "Пишу от имени жителей нашего дома.",
    "Сәлеметсіз бе!",
    "Прошу рассмотреть моё обращение.",
];

const MIDDLES: &[&str] = &[
    "В доме по улице {street} в {town} уже второй месяц нет горячей воды, а квитанции приходят полностью.",
    "Дорога от трассы до нашего села разбита, после дождей машины застревают, скорая помощь не может проехать.",
    "Мы неоднократно обращались в коммунальные службы и в акимат района, но ответа так и не получили.",
    "Стою в очереди на земельный участок под индивидуальное жилищное строительство с {year} года, очередь не движется.",
    "На улице {street} не горят фонари, вечером дети возвращаются из школы в полной темноте.",
    "Мусор со двора не вывозят уже три недели, контейнеры переполнены, появились крысы.",
    "Автобус по маршруту номер {number} ходит раз в час вместо положенных пятнадцати минут, люди опаздывают на работу.",
    "В поликлинике невозможно записаться к узкому специалисту, запись открывается на месяц вперёд и сразу заканчивается.",
    "Наш ребёнок стоит в очереди в детский сад с рождения, но место так и не предоставлено.",
    "Крыша нашего многоквартирного дома протекает, управляющая компания ссылается на отсутствие средств.",
    "После весеннего паводка двор и подвалы домов по улице {street} затоплены, откачку воды никто не проводит.",
    "Рядом с жилыми домами в {town} образовалась стихийная свалка строительного мусора.",
    "Пособие по уходу за ребёнком не выплачивается уже три месяца, в отделе занятости отвечают, что документы на проверке.",
    "В нашем селе до сих пор нет газа, хотя проект газификации обещали завершить в {year} году.",
    "Бездомные собаки собираются стаями возле школы, родители боятся отпускать детей одних.",
    "Стройка рядом с домом работает по ночам, шум не даёт спать, жалобы в полицию не помогают.",
    "Вода из крана идёт мутная и с запахом, анализы, которые мы сдавали сами, показали превышение нормы.",
    "Мост через реку в {town} в аварийном состоянии, по нему ездят грузовики и школьный автобус.",
    "В школе не хватает мест, занятия идут в три смены, дети учатся до позднего вечера.",
    "Жилищная очередь для многодетных семей не движется уже несколько лет, на запросы приходят отписки.",
    "Біз бұл мәселе бойынша бірнеше рет жүгіндік, бірақ нақты жауап алған жоқпыз.",
    "Тротуар вдоль улицы {street} разрушен, пожилым людям и мамам с колясками приходится идти по проезжей части.",
    "Отопление в квартирах едва тёплое, температура в детской комнате не поднимается выше пятнадцати градусов.",
    "Детская площадка во дворе сломана, качели и горки представляют опасность для детей.",
];

const REQUESTS: &[&str] = &[
    "Просим принять меры и сообщить сроки устранения.",
    "Прошу разобраться и дать ответ по существу.",
    "Надеемся на Ваше содействие.",
    "Просим взять вопрос на личный контроль.",
    "Заранее благодарю за ответ.",
    "Көмектесуіңізді сұраймыз.",
];

const STREETS: &[&str] = &[
    "Абая",
    "Сейфуллина",
    "Жансугурова",
    "Кабанбай батыра",
    "Айтеке би",
    "Шевченко",
    "Пушкина",
    "Гагарина",
    "Ауэзова",
    "Жамбыла",
    "Казыбек би",
    "Момышулы",
];

const TOWNS: &[&str] = &[
    "Талдыкоргане",
    "Текели",
    "Жаркенте",
    "Ушарале",
    "Сарканде",
    "Конаеве",
    "Есике",
    "Талгаре",
    "Каскелене",
    "Балпыке би",
];

const ANSWERS: &[&str] = &[
    "Ваше обращение рассмотрено.",
    "Сообщаем, что по указанному адресу проведено обследование с выездом на место.",
    "Работы включены в план текущего ремонта на {year} год, подрядная организация определена по итогам конкурса.",
    "По результатам проверки управляющей компании выдано предписание об устранении нарушений в течение десяти дней.",
    "Вопрос находится на контроле, о ходе работ Вам сообщат дополнительно.",
    "Дополнительно разъясняем, что в соответствии с действующим законодательством очередность определяется по дате подачи заявления.",
    "Өтінішіңіз қаралды, мәселе бақылауға алынды.",
    "В случае несогласия с ответом Вы вправе обжаловать его в вышестоящий орган или в суд.",
    "Коммунальными службами проведена откачка воды и дезинфекция подвальных помещений.",
    "Финансирование на реконструкцию предусмотрено в местном бюджете на следующий год.",
    "Специалисты отдела провели встречу с жителями и разъяснили порядок получения услуги.",
];

const AUTHORS: &[&str] = &[
    "Гражданин",
    "Гражданка",
    "Житель",
    "Жительница",
    "Тұрғын",
    "Заявитель",
];

const LETTERS: &[&str] = &[
    "А", "Б", "В", "Г", "Д", "Е", "Ж", "З", "И", "К", "Л", "М", "Н", "О", "П", "Р", "С", "Т",
];

/// Appends `template` with its placeholders filled in.
fn fill(out: &mut String, rng: &mut Rng, template: &str) {
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        match &rest[start + 1..start + len] {
            "street" => out.push_str(rng.pick(STREETS)),
            "town" => out.push_str(rng.pick(TOWNS)),
            "year" => out.push_str(&rng.range(2012, 2025).to_string()),
            "number" => out.push_str(&rng.range(1, 120).to_string()),
            other => out.push_str(other),
        }
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
}

/// An appeal's text: an opener, sentences until about `chars` characters, a request.
fn appeal_text(out: &mut String, rng: &mut Rng, chars: usize) {
    out.clear();
    out.push_str(rng.pick(OPENERS));
    // Cyrillic is two bytes a character in UTF-8; the few ASCII characters hardly count.
    while out.len() < chars * 2 {
        out.push(' ');
        let sentence = rng.pick(MIDDLES);
        fill(out, rng, sentence);
    }
    out.push(' ');
    out.push_str(rng.pick(REQUESTS));
}

fn answer_text(out: &mut String, rng: &mut Rng, chars: usize, lead: Option<&str>) {
    out.clear();
    if let Some(lead) = lead {
        out.push_str(lead);
    }
    while out.len() < chars * 2 {
        if !out.is_empty() {
            out.push(' ');
        }
        let sentence = rng.pick(ANSWERS);
        fill(out, rng, sentence);
    }
}

// ---------------------------------------------------------------------------------------------
// Dates.

fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(2016, 1, 1).expect("a valid date")
}

/// Days from 2016-01-01 to 2024-12-31.
const SPAN_DAYS: u64 = 3287;

fn day(offset: u64) -> NaiveDate {
    epoch()
        .checked_add_days(Days::new(offset))
        .expect("within the calendar")
}

fn dotted(d: NaiveDate) -> String {
    format!("{:02}.{:02}.{}", d.day(), d.month(), d.year())
}

// ---------------------------------------------------------------------------------------------
// Files.

fn writer(path: &Path) -> Result<csv::Writer<BufWriter<File>>> {
    let file = File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    Ok(csv::WriterBuilder::new().from_writer(BufWriter::with_capacity(1 << 20, file)))
}

fn write_directory(world: &World, path: &Path) -> Result<u64> {
    let mut out = writer(path)?;
    out.write_record(["name", "kind", "position", "aliases"])?;
    let mut rows = 0;
    for o in &world.officials {
        out.write_record([
            o.name.as_str(),
            "official",
            o.position.as_str(),
            o.aliases.join(";").as_str(),
        ])?;
        rows += 1;
    }
    for d in &world.departments {
        out.write_record([d.name.as_str(), "department", "", d.kazakh.as_str()])?;
        rows += 1;
    }
    out.flush()?;
    Ok(rows)
}

fn write_posts(world: &World, rng: &mut Rng, count: u64, path: &Path) -> Result<()> {
    let mut out = writer(path)?;
    out.write_record([
        "department",
        "published_at",
        "channel",
        "repost",
        "title",
        "url",
    ])?;
    // Each department's last day of posting: a tenth never post (left out below), a quarter
    // stopped at some point, the rest post to the end of 2024.
    let n = world.departments.len();
    let last_day: Vec<Option<u64>> = (0..n)
        .map(|_| match rng.below(100) {
            0..=9 => None,
            10..=34 => Some(rng.below(SPAN_DAYS)),
            _ => Some(SPAN_DAYS - rng.below(20)),
        })
        .collect();
    let posting: Vec<usize> = (0..n).filter(|&i| last_day[i].is_some()).collect();
    let channels = ["site", "site", "site", "telegram", "instagram", "facebook"];
    let mut numbers = vec![0u64; n];
    for _ in 0..count {
        let d = posting[rng.skewed(posting.len())];
        let dept = &world.departments[d];
        let last = last_day[d].unwrap_or(SPAN_DAYS);
        numbers[d] += 1;
        let repost = rng.chance(400);
        let title = format!(
            "{}{}",
            if repost { "Репост: " } else { "" },
            rng.pick(TITLES)
        );
        out.write_record([
            if rng.chance(850) {
                dept.name.as_str()
            } else {
                dept.kazakh.as_str()
            },
            &dotted(day(rng.below(last + 1))),
            rng.pick(&channels),
            if repost { "да" } else { "нет" },
            &title,
            &format!("https://example.org/{}/news/{}", dept.slug, numbers[d]),
        ])?;
    }
    out.flush()?;
    Ok(())
}

/// How an appeal ends, and how often (per mille; the rest are unanswered).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fate {
    ForwardedTo,
    StatusRedirected,
    Rejected,
    AnsweredByDepartment,
    ForwardPhrase,
    Personal,
    NoAnswerer,
    Unanswered,
}

const FATES: &[(Fate, u64)] = &[
    (Fate::ForwardedTo, 100),
    (Fate::StatusRedirected, 80),
    (Fate::Rejected, 5),
    (Fate::AnsweredByDepartment, 350),
    (Fate::ForwardPhrase, 50),
    (Fate::Personal, 220),
    (Fate::NoAnswerer, 20),
];

fn fate(rng: &mut Rng) -> Fate {
    let mut roll = rng.below(1000);
    for &(fate, per_mille) in FATES {
        if roll < per_mille {
            return fate;
        }
        roll -= per_mille;
    }
    Fate::Unanswered
}

/// How an official signs a personal answer: every spelling "Who is who" accepts.
fn signature(rng: &mut Rng, o: &Official) -> String {
    let (g, p) = (initial(&o.given), initial(&o.patronymic));
    match rng.below(100) {
        0..=54 => format!("{} {g}.{p}.", o.surname),
        55..=69 => o.name.clone(),
        70..=79 => format!("{g}. {}", o.surname),
        80..=89 => format!("{} {}", o.surname.to_uppercase(), o.given),
        _ => o.position.clone(),
    }
}

/// The reusable pieces of one appeal, so that a copy (`749022/1`) repeats its original.
#[derive(Default)]
struct Original {
    base_id: u64,
    copies: u64,
    submitted: u64,
    category: &'static str,
    title: &'static str,
    text: String,
    author: String,
}

#[derive(Default, Debug)]
struct Tally {
    rows: u64,
    bytes: u64,
    fates: [u64; 8],
}

fn write_appeals(world: &World, rng: &mut Rng, count: u64, path: &Path) -> Result<Tally> {
    let mut out = writer(path)?;
    out.write_record([
        "id",
        "addressee",
        "addressee_position",
        "submitted_at",
        "category",
        "title",
        "text",
        "author",
        "status",
        "answered_at",
        "answered_by",
        "answer_text",
        "forwarded_to",
        "url",
        "rating",
    ])?;
    let mut tally = Tally::default();
    let mut original = Original {
        base_id: 700_000,
        ..Original::default()
    };
    let mut answer = String::new();
    for i in 0..count {
        // 3% are copies of the appeal before, sent on to another blog; the rest are new.
        let copy = i > 0 && rng.chance(30);
        if copy {
            original.copies += 1;
        } else {
            original.base_id += 1;
            original.copies = 0;
            // Ids rise with the dates, as on the portal, give or take a few days.
            let spread = i * SPAN_DAYS / count.max(1);
            original.submitted = (spread + rng.below(7)).saturating_sub(3).min(SPAN_DAYS);
            original.category = rng.pick(CATEGORIES);
            original.title = rng.pick(TITLES);
            let chars = rng.range(400, 880) as usize;
            appeal_text(&mut original.text, rng, chars);
            original.author = format!("{} {}.", rng.pick(AUTHORS), rng.pick(LETTERS));
        }
        let id = if copy {
            format!("{}/{}", original.base_id, original.copies)
        } else {
            original.base_id.to_string()
        };
        let official = &world.officials[rng.skewed(world.officials.len())];
        let submitted = day(original.submitted);
        let fate = fate(rng);
        tally.fates[fate as usize] += 1;
        // Mostly within the legal fortnight or so, now and then much later.
        let wait = if rng.chance(850) {
            rng.range(1, 20)
        } else {
            rng.range(21, 90)
        };
        let answered_at = format!(
            "{}, {:02}:{:02}",
            dotted(submitted + Days::new(wait)),
            rng.range(8, 19),
            rng.below(60)
        );
        let answer_chars = rng.range(150, 520) as usize;
        let region = official.region;
        let (status, when, by, forwarded_to): (&str, &str, String, String) = match fate {
            Fate::ForwardedTo => {
                let target = world.department_as_written(rng, region);
                if rng.chance(500) {
                    answer_text(&mut answer, rng, answer_chars, None);
                    ("Ответ получен", &answered_at, target.clone(), target)
                } else {
                    answer.clear();
                    ("Перенаправлено", "", String::new(), target)
                }
            }
            Fate::StatusRedirected => {
                answer.clear();
                ("Перенаправлено", "", String::new(), String::new())
            }
            Fate::Rejected => {
                answer_text(
                    &mut answer,
                    rng,
                    60,
                    Some("Обращение не подлежит рассмотрению: отсутствуют сведения о заявителе."),
                );
                ("Отклонено ГО", &answered_at, String::new(), String::new())
            }
            Fate::AnsweredByDepartment => {
                answer_text(&mut answer, rng, answer_chars, None);
                let by = world.department_as_written(rng, region);
                ("Ответ получен", &answered_at, by, String::new())
            }
            Fate::ForwardPhrase => {
                let target = world.department_as_written(rng, region);
                let lead = format!("Ваше обращение направлено по компетенции в {target}.");
                answer_text(&mut answer, rng, answer_chars / 3, Some(&lead));
                let by = signature(rng, official);
                ("Ответ получен", &answered_at, by, String::new())
            }
            Fate::Personal => {
                answer_text(&mut answer, rng, answer_chars, None);
                let by = signature(rng, official);
                ("Ответ получен", &answered_at, by, String::new())
            }
            Fate::NoAnswerer => {
                answer_text(&mut answer, rng, answer_chars, None);
                ("Ответ получен", &answered_at, String::new(), String::new())
            }
            Fate::Unanswered => {
                answer.clear();
                ("На рассмотрении", "", String::new(), String::new())
            }
        };
        let rating = if when.is_empty() {
            ""
        } else {
            match rng.below(100) {
                0..=29 => "удовлетворен",
                30..=54 => "не удовлетворен",
                55..=59 => "1",
                60..=64 => "5",
                65..=69 => "қанағаттанбады",
                _ => "",
            }
        };
        let url = format!("https://example.org/{}/questions/{id}", official.blog);
        let record = [
            id.as_str(),
            official.name.as_str(),
            official.position.as_str(),
            &dotted(submitted),
            original.category,
            original.title,
            &original.text,
            &original.author,
            status,
            when,
            &by,
            &answer,
            &forwarded_to,
            &url,
            rating,
        ];
        out.write_record(record)?;
        tally.rows += 1;
        // The bytes of the fields and their separators; quoting adds a little.
        tally.bytes += record.iter().map(|f| f.len() as u64 + 1).sum::<u64>();
    }
    out.flush()?;
    Ok(tally)
}

fn main() -> Result<()> {
    let args = Args::parse();
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create {}", args.out.display()))?;
    let world = World::new();
    let directory = write_directory(&world, &args.out.join("directory.csv"))?;
    // Separate streams, so that the posts do not change when only --appeals does.
    let mut posts_rng = Rng::new(args.seed.wrapping_mul(31).wrapping_add(7));
    let posts = args.posts.unwrap_or((args.appeals / 10).max(100));
    write_posts(&world, &mut posts_rng, posts, &args.out.join("posts.csv"))?;
    let mut rng = Rng::new(args.seed);
    let tally = write_appeals(
        &world,
        &mut rng,
        args.appeals,
        &args.out.join("appeals.csv"),
    )?;
    let mut err = std::io::stderr().lock();
    writeln!(
        err,
        "{}: {} appeals (~{} bytes a row), {posts} posts, {directory} directory entries \
         ({} officials, {} departments)",
        args.out.display(),
        tally.rows,
        tally.bytes.checked_div(tally.rows).unwrap_or(0),
        world.officials.len(),
        world.departments.len(),
    )?;
    let names = [
        "forwarded_to",
        "status redirected",
        "rejected",
        "answered by a department",
        "forwarding phrase",
        "personal",
        "no answerer",
        "unanswered",
    ];
    let shares: Vec<String> = names
        .iter()
        .zip(tally.fates)
        .map(|(name, n)| format!("{name} {n}"))
        .collect();
    writeln!(err, "routes as drawn: {}", shares.join(", "))?;
    Ok(())
}
