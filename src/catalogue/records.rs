//! The columns of `export appeals` and `export posts`: every field of the record contract,
//! then what appeal-audit concluded and where the record came from. The published copy's
//! metadata describes the stored tables' columns of the same names with these words.

use super::ColumnKind::{Bool, Category, Date, Int, Prose, Text, Timestamp, Word};
use super::Vocabulary::Route;
use super::{Column, Read};

/// An appeal as stored, with its due date and whether it missed it as of the as-of date.
pub const APPEALS: &[Column] = &[
    Column::new(
        "id",
        Text,
        "The appeal's number at its source, as text: the portal numbers copies sent on to \
         other blogs 749022/1, 749022/2.",
    ),
    Column::new(
        "addressee",
        Category,
        "The official the appeal was sent to, as the source wrote the name.",
    ),
    Column::new(
        "submitted_at",
        Timestamp,
        "When the appeal was posted: YYYY-MM-DD, with HH:MM when the source gives a time \
         (local time).",
    ),
    Column::new(
        "source",
        Category,
        "Where the appeal was scraped from (the import's --source, else default).",
    ),
    Column::new(
        "addressee_position",
        Category,
        "The addressee's post, e.g. Аким области Жетысу.",
    ),
    Column::new("category", Category, "The source's topic.").redacted(),
    Column::new("title", Prose, "The appeal's title (redacted).").redacted(),
    Column::new("text", Prose, "The appeal's text (redacted).").redacted(),
    Column::new(
        "author",
        Prose,
        "The citizen who wrote the appeal: personal data, empty unless the publisher chose \
         --include-authors.",
    )
    .author(),
    Column::new(
        "status",
        Category,
        "The status the source shows, as written.",
    )
    .redacted(),
    Column::new(
        "answered_at",
        Timestamp,
        "When the first answer was posted, as submitted_at.",
    ),
    Column::new(
        "answered_by",
        Category,
        "Who the source shows as the first answer's author: a person or a body.",
    ),
    Column::new("answer_text", Prose, "The first answer's text (redacted).").redacted(),
    Column::new(
        "forwarded_to",
        Category,
        "The body the source says the appeal was redirected to.",
    ),
    Column::new("url", Text, "The appeal's address at its source."),
    Column::new(
        "rating",
        Category,
        "The citizen's rating of the answer, as the source shows it.",
    )
    .redacted(),
    Column::new(
        "scraped_at",
        Timestamp,
        "When the scrape that showed these values was made (local time).",
    ),
    Column::new(
        "route",
        Word(Route),
        "How the appeal was answered: personal (by the addressee), forwarded (to someone \
         else), rejected, unanswered, or unknown (an answer with no author). One rule decides, \
         the first that applies; see route_reason.",
    ),
    Column::new(
        "route_reason",
        Category,
        "Which field decided the route: forwarded_to, status, answered_by, answer_text (a \
         forwarding phrase), no_answerer, no_answer.",
    ),
    Column::new(
        "days_to_answer",
        Int,
        "Calendar days from submission to the first answer (dates only). Negative when the \
         answer is dated before the appeal (a data issue: left out of medians).",
    ),
    Column::new(
        "due_date",
        Date,
        "The last day of the deadline in force on the submission date, by the calendar of \
         working days.",
    )
    .read(Read::DueDate),
    Column::new(
        "overdue",
        Bool,
        "Whether the first answer came after the due date, or has not come by the as-of date \
         and the due date has passed; empty when it cannot be told or for a rejected appeal.",
    )
    .read(Read::Overdue),
    Column::new(
        "first_seen",
        Timestamp,
        "The first scrape that showed the appeal (its new change).",
    ),
    Column::new("last_seen", Timestamp, "The latest scrape that showed it."),
    Column::new(
        "vanished",
        Timestamp,
        "When a complete scrape (--snapshot) of the addressee's blog no longer showed the \
         appeal; empty while it is shown. A vanished appeal stays in every count.",
    ),
    Column::new(
        "source_file",
        Category,
        "The file these values were read from (its name only).",
    ),
    Column::new(
        "source_line",
        Int,
        "The line (CSV, JSON Lines) or record (JSON) number in that file.",
    ),
    Column::new(
        "official",
        Category,
        "The addressee under its directory name: what the figures are grouped by.",
    ),
    Column::new(
        "route_target",
        Category,
        "For a forwarded appeal, who it went to, under its directory name; empty when the \
         source does not say.",
    ),
    Column::new(
        "answered",
        Bool,
        "1 when the appeal has an answer: a date, a text, an answerer, several answers, or an \
         answered status.",
    ),
];

/// A department's post as stored.
pub const POSTS: &[Column] = &[
    Column::new(
        "department",
        Category,
        "Who published, as the source wrote it.",
    ),
    Column::new(
        "published_at",
        Timestamp,
        "When it was published: YYYY-MM-DD, with HH:MM when known.",
    ),
    Column::new(
        "channel",
        Category,
        "site, facebook, instagram, telegram, ...",
    ),
    Column::new(
        "repost",
        Bool,
        "1 when the post only shares another outlet's material or someone else's words.",
    ),
    Column::new("title", Prose, "The post's title (redacted).").redacted(),
    Column::new("url", Text, "The post's address."),
    Column::new("id", Text, "The post's number at its source, where given."),
    Column::new("source", Category, "Where the post was scraped from."),
    Column::new(
        "publisher",
        Category,
        "The department under its directory name: what silence is grouped by.",
    ),
    Column::new(
        "source_file",
        Category,
        "The file it was read from (its name only).",
    ),
    Column::new(
        "source_line",
        Int,
        "The line or record number in that file.",
    ),
];
