//! The columns of the reports: routing (for machines and for reading), forwards, silence,
//! changes, check, and the weekly report's tables. A column that means the same in several
//! tables is defined once here and listed in each.

use super::Column;
use super::ColumnKind::{Category, Date, Decimal, Int, Text, Timestamp, Word};
use super::Vocabulary::{Change, Kind, Note, Route, Status, Target};

const ADDRESSEE: Column = Column::new(
    "addressee",
    Category,
    "The official, under its directory name.",
);
const APPEALS: Column = Column::new(
    "appeals",
    Int,
    "Appeals to the official (vanished ones included).",
);
const PERSONAL: Column = Column::new("personal", Int, "Answered by the official personally.");
const FORWARDED: Column = Column::new(
    "forwarded",
    Int,
    "Forwarded to someone else (by a forwarded_to value, a redirected status, another \
     answerer or a forwarding phrase).",
);
const UNANSWERED: Column = Column::new("unanswered", Int, "No answer yet.");
const UNKNOWN: Column = Column::new("unknown", Int, "An answer with no author.");
const REJECTED: Column = Column::new("rejected", Int, "Refused (status отклонено ГО).");
const OVERDUE: Column = Column::new(
    "overdue",
    Int,
    "Appeals that missed their deadline as of the as-of date: answered after the due date, or \
     unanswered with the due date passed.",
);
const UNSATISFIED: Column = Column::new(
    "unsatisfied",
    Int,
    "Answers the citizen rated unsatisfactory.",
);
const VANISHED: Column = Column::new(
    "vanished",
    Int,
    "Appeals a complete scrape no longer showed (still counted).",
);
const NOTE: Column = Column::new(
    "note",
    Word(Note),
    "few when the official has fewer appeals than --min-n: too few for a share to mean much.",
);
const MEDIAN_DAYS: Column = Column::new(
    "median_days_to_answer",
    Decimal,
    "The median of calendar days from submission to the first answer, over the answered \
     appeals (negative counts left out).",
);
const PERSONAL_PCT: Column = Column::new(
    "personal_pct",
    Decimal,
    "personal as a percentage of appeals.",
);
const PERSONAL_PCT_LOW: Column = Column::new(
    "personal_pct_low",
    Decimal,
    "The lower bound of personal_pct's 95% Wilson interval.",
);
const PERSONAL_PCT_HIGH: Column = Column::new(
    "personal_pct_high",
    Decimal,
    "The upper bound of personal_pct's 95% Wilson interval.",
);

/// `report routing`: per addressee, how its appeals were answered.
pub const ROUTING: &[Column] = &[
    ADDRESSEE,
    APPEALS,
    PERSONAL,
    FORWARDED,
    UNANSWERED,
    UNKNOWN,
    PERSONAL_PCT,
    Column::new(
        "forwarded_pct",
        Decimal,
        "forwarded as a percentage of appeals.",
    ),
    MEDIAN_DAYS,
    OVERDUE,
    REJECTED,
    Column::new(
        "answered_pct",
        Decimal,
        "Appeals with an answer, as a percentage of appeals.",
    ),
    PERSONAL_PCT_LOW,
    PERSONAL_PCT_HIGH,
    Column::new(
        "forwarded_pct_low",
        Decimal,
        "The lower bound of forwarded_pct's 95% Wilson interval.",
    ),
    Column::new(
        "forwarded_pct_high",
        Decimal,
        "The upper bound of forwarded_pct's 95% Wilson interval.",
    ),
    UNSATISFIED,
    VANISHED,
    NOTE,
];

/// `report routing` as people read it (table and md): shares with their 95% interval as
/// `15.4% (4.3–42.2)`, the median with how many answers it is over.
pub const READING: &[Column] = &[
    ADDRESSEE,
    APPEALS,
    PERSONAL,
    FORWARDED,
    UNANSWERED,
    UNKNOWN,
    REJECTED,
    Column::new(
        "personal_pct",
        Text,
        "personal as a percentage of appeals, with its 95% Wilson interval.",
    ),
    Column::new(
        "forwarded_pct",
        Text,
        "forwarded as a percentage of appeals, with its 95% Wilson interval.",
    ),
    Column::new(
        "answered_pct",
        Text,
        "Appeals with an answer, as a percentage of appeals.",
    ),
    Column::new(
        "median_days_to_answer",
        Text,
        "The median of days to the first answer, with how many answers it is over.",
    ),
    OVERDUE,
    UNSATISFIED,
    VANISHED,
    NOTE,
];

/// `report forwards`: per addressee and target, where forwarded appeals went.
pub const FORWARDS: &[Column] = &[
    ADDRESSEE,
    Column::new(
        "forwarded_to",
        Word(Target),
        "Who the appeals went to, under its directory name, or unknown.",
    ),
    Column::new("appeals", Int, "Appeals forwarded there."),
    MEDIAN_DAYS,
];

/// `report silence`: per department and directory entry, how long since it last posted.
pub const SILENCE: &[Column] = &[
    Column::new(
        "name",
        Category,
        "The department or official, under its directory name.",
    ),
    Column::new("kind", Word(Kind), "official or department."),
    Column::new(
        "last_post",
        Date,
        "The date of its latest post; empty when it never posted.",
    ),
    Column::new(
        "days_since",
        Int,
        "Days from the latest post to the as-of date.",
    ),
    Column::new("posts_30d", Int, "Posts in the 30 days to the as-of date."),
    Column::new(
        "status",
        Word(Status),
        "ok, stale (no post for longer than --stale-after days), never, or not_read (on the \
         day of its latest fetch from gov.kz every source refused: what it posted since is \
         unknown).",
    ),
    Column::new(
        "reposts_30d",
        Int,
        "Of those posts, the ones that only share someone else's material.",
    ),
    Column::new(
        "last_attempt",
        Date,
        "The date of its latest attempt to be read from gov.kz on or before the as-of date, \
         read or refused; empty when it was never fetched.",
    ),
];

/// `report changes`: one row per change between scrapes.
pub const CHANGES: &[Column] = &[
    Column::new(
        "scraped_at",
        Timestamp,
        "The scrape that showed the change.",
    ),
    Column::new("source", Category, "Where the appeal was scraped from."),
    Column::new("id", Text, "The appeal's number at its source."),
    ADDRESSEE,
    Column::new(
        "change",
        Word(Change),
        "answered (the first answer appeared), answer_edited, answerer_changed, \
         status_changed, route_changed, vanished (missing from a complete scrape), reappeared.",
    ),
    Column::new(
        "before",
        Word(Route),
        "The value before (redacted); for route_changed a route.",
    ),
    Column::new("after", Word(Route), "The value after (redacted)."),
];

/// `check`: one row per problem a reporter should look at before publishing.
pub const CHECK: &[Column] = &[
    Column::new(
        "problem",
        Category,
        "The problem's code; people read its description beside it.",
    ),
    Column::new(
        "source",
        Category,
        "The appeal's source; empty for a name or a post.",
    ),
    Column::new(
        "id",
        Text,
        "The appeal's number; empty for a name or a post.",
    ),
    Column::new("field", Category, "The field the problem is in."),
    Column::new("value", Text, "The value as stored."),
    Column::new("records", Int, "How many records show the problem."),
    Column::new("file", Category, "The file of the first record with it."),
    Column::new("line", Int, "Its line or record number in that file."),
];

/// `report weekly`: one official's figures this period against the period before.
pub const WEEKLY_CHANGE: &[Column] = &[
    ADDRESSEE,
    APPEALS,
    Column::new("appeals_before", Int, "appeals in the period before."),
    PERSONAL,
    Column::new("personal_before", Int, "personal in the period before."),
    FORWARDED,
    Column::new("forwarded_before", Int, "forwarded in the period before."),
    UNANSWERED,
    Column::new("unanswered_before", Int, "unanswered in the period before."),
    OVERDUE,
    Column::new("overdue_before", Int, "overdue in the period before."),
];

/// The weekly document's change table: each figure with an arrow to the period before, as
/// `12 (↑3)`.
pub const WEEKLY_ARROWS: &[Column] = &[
    ADDRESSEE,
    Column::new(
        "appeals",
        Text,
        "Appeals, with the change since the period before.",
    ),
    Column::new(
        "personal",
        Text,
        "Answered personally, with the change since the period before.",
    ),
    Column::new(
        "forwarded",
        Text,
        "Forwarded, with the change since the period before.",
    ),
    Column::new(
        "unanswered",
        Text,
        "Unanswered, with the change since the period before.",
    ),
    Column::new(
        "overdue",
        Text,
        "Overdue, with the change since the period before.",
    ),
];

/// The weekly page's trend table: all officials' appeals of one week together.
pub const WEEKLY_TREND: &[Column] = &[
    Column::new(
        "week",
        Text,
        "The ISO week (2022-W39), or the dates of a period that is not one.",
    ),
    Column::new("since", Date, "The period's first day."),
    Column::new("until", Date, "The period's last day."),
    Column::new("appeals", Int, "Appeals submitted in the period."),
    Column::new("personal", Int, "Of them, answered personally."),
    Column::new("forwarded", Int, "Of them, forwarded."),
    Column::new("unanswered", Int, "Of them, unanswered."),
    Column::new("unknown", Int, "Of them, answered with no author."),
    Column::new("rejected", Int, "Of them, rejected."),
    PERSONAL_PCT,
    PERSONAL_PCT_LOW,
    PERSONAL_PCT_HIGH,
];
