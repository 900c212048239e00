-- appeal-audit schema, version 1.
-- Typed columns carry the record contract's fields under their own names; `as_written` and
-- `extra` keep, as JSON objects, what was read but is not held verbatim by them.

CREATE TABLE imports (
    import_id   INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,              -- appeals, posts or directory
    file        TEXT NOT NULL,              -- as given on the command line; <stdin> for -
    size        INTEGER NOT NULL,
    sha256      TEXT NOT NULL,
    format      TEXT NOT NULL,
    encoding    TEXT NOT NULL,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    scraped_at  TEXT,                       -- --scraped-at, when given
    snapshot    INTEGER NOT NULL DEFAULT 0,
    read        INTEGER NOT NULL DEFAULT 0,
    inserted    INTEGER NOT NULL DEFAULT 0,
    updated     INTEGER NOT NULL DEFAULT 0,
    unchanged   INTEGER NOT NULL DEFAULT 0,
    rejected    INTEGER NOT NULL DEFAULT 0
);

-- The current version of every appeal: the values of its latest scrape. Short columns come
-- first and long texts last, so that reading a row's figures never walks its texts.
CREATE TABLE appeals (
    appeal_key         INTEGER PRIMARY KEY,
    source             TEXT NOT NULL,
    id                 TEXT NOT NULL,
    -- Derived, kept current by every import (the directory and phrases feed them):
    official           TEXT NOT NULL,       -- the addressee under its directory name
    route              TEXT NOT NULL,       -- personal, forwarded, rejected, unanswered, unknown
    route_reason       TEXT NOT NULL,
    route_target       TEXT,                -- forwarded: the target under its directory name
    days_to_answer     INTEGER,
    unsatisfied        INTEGER,             -- 1 unsatisfied, 0 satisfied, NULL no rating
    answered           INTEGER NOT NULL,    -- 1 when there is an answer: a date, a text or answers
    value_hash         INTEGER NOT NULL,    -- of the typed values: an unchanged re-import touches nothing else
    -- When it was seen, and where the current values came from:
    scraped_at         TEXT NOT NULL,       -- the scrape that showed these values
    vanished           TEXT,                -- the scrape whose snapshot no longer showed it
    import_id          INTEGER NOT NULL REFERENCES imports(import_id),
    source_file        TEXT NOT NULL,
    source_line        INTEGER NOT NULL,
    -- The record contract's fields, as read (dates as ISO text):
    submitted_at       TEXT NOT NULL,
    answered_at        TEXT,
    addressee          TEXT NOT NULL,
    addressee_position TEXT,
    status             TEXT,
    answered_by        TEXT,
    forwarded_to       TEXT,
    rating             TEXT,
    category           TEXT,
    url                TEXT,
    author             TEXT,
    title              TEXT,
    text               TEXT,
    answer_text        TEXT,
    answers            TEXT,                -- JSON array, when the source gave every answer
    as_written         TEXT,                -- JSON object: field -> value as read
    extra              TEXT,                -- JSON object: column -> value, columns matching no field
    UNIQUE (source, id)
);
-- When each appeal was first and last seen, apart from the wide row: a weekly scrape moves
-- last_seen for every appeal, and here that rewrites a few narrow pages, not the whole table.
CREATE TABLE appeal_seen (
    appeal_key INTEGER PRIMARY KEY REFERENCES appeals(appeal_key),
    first_seen TEXT NOT NULL,
    last_seen  TEXT NOT NULL
);
CREATE INDEX appeal_seen_by_first ON appeal_seen (first_seen);

-- Covers every column the routing and forwards reports read, so they scan this index alone.
CREATE INDEX appeals_figures ON appeals (
    official, submitted_at, route, route_target, answered_at, days_to_answer, unsatisfied,
    answered, vanished
);

-- Earlier (or older-scraped) versions of an appeal: the whole typed record as JSON, with the
-- scrape that showed it. The current version lives in `appeals` only, so nothing is stored twice.
CREATE TABLE appeal_versions (
    version_id  INTEGER PRIMARY KEY,
    appeal_key  INTEGER NOT NULL REFERENCES appeals(appeal_key),
    scraped_at  TEXT NOT NULL,
    value_hash  INTEGER NOT NULL,
    record      TEXT NOT NULL,
    import_id   INTEGER NOT NULL REFERENCES imports(import_id),
    source_file TEXT NOT NULL,
    source_line INTEGER NOT NULL
);
CREATE INDEX appeal_versions_by_appeal ON appeal_versions (appeal_key, scraped_at);

CREATE TABLE posts (
    post_key     INTEGER PRIMARY KEY,
    source       TEXT NOT NULL,
    natural_key  TEXT NOT NULL,             -- url, else published_at + title
    department   TEXT NOT NULL,
    published_at TEXT NOT NULL,
    channel      TEXT NOT NULL DEFAULT 'site',
    repost       INTEGER NOT NULL DEFAULT 0,
    title        TEXT,
    url          TEXT,
    id           TEXT,
    as_written   TEXT,
    extra        TEXT,
    value_hash   INTEGER NOT NULL,
    publisher    TEXT NOT NULL,             -- the department under its directory name
    import_id    INTEGER NOT NULL REFERENCES imports(import_id),
    source_file  TEXT NOT NULL,
    source_line  INTEGER NOT NULL,
    UNIQUE (source, department, natural_key)
);
-- Covers what the silence report reads.
CREATE INDEX posts_by_publisher ON posts (publisher, published_at, channel, repost);

CREATE TABLE directory (
    entry_key   INTEGER PRIMARY KEY,
    name_key    TEXT NOT NULL UNIQUE,       -- the name normalised as in "Who is who"
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL DEFAULT 'department',
    position    TEXT,
    parent      TEXT,
    aliases     TEXT,
    url         TEXT,
    as_written  TEXT,
    extra       TEXT,
    value_hash  INTEGER NOT NULL,
    import_id   INTEGER NOT NULL REFERENCES imports(import_id),
    source_file TEXT NOT NULL,
    source_line INTEGER NOT NULL
);

-- Classification phrases added with --phrases; the built-in ones live in the binary.
CREATE TABLE phrases (
    kind   TEXT NOT NULL,
    phrase TEXT NOT NULL,
    origin TEXT NOT NULL,
    PRIMARY KEY (kind, phrase)
);

-- Views for sqlite3 and Datasette users: the routing and silence figures without the tool.
-- They count as of today; the tool's reports add --as-of, medians, deadlines and filters.
CREATE VIEW routing AS
SELECT official AS addressee,
       count(*) AS appeals,
       sum(route = 'personal') AS personal,
       sum(route = 'forwarded') AS forwarded,
       sum(route = 'unanswered') AS unanswered,
       sum(route = 'unknown') AS unknown,
       sum(route = 'rejected') AS rejected,
       round(100.0 * sum(route = 'personal') / count(*), 1) AS personal_pct,
       round(100.0 * sum(route = 'forwarded') / count(*), 1) AS forwarded_pct,
       sum(unsatisfied = 1) AS unsatisfied
FROM appeals
GROUP BY official
ORDER BY appeals DESC, addressee;

CREATE VIEW forwards AS
SELECT official AS addressee,
       coalesce(route_target, 'unknown') AS forwarded_to,
       count(*) AS appeals
FROM appeals
WHERE route = 'forwarded'
GROUP BY official, coalesce(route_target, 'unknown')
ORDER BY addressee, appeals DESC, forwarded_to;

CREATE VIEW silence AS
WITH publishers AS (
    SELECT name, kind FROM directory
    UNION
    SELECT DISTINCT publisher, 'department' FROM posts
    WHERE publisher NOT IN (SELECT name FROM directory)
)
SELECT p.name,
       p.kind,
       max(substr(posts.published_at, 1, 10)) AS last_post,
       CAST(julianday('now') - julianday(max(substr(posts.published_at, 1, 10))) AS INTEGER) AS days_since
FROM publishers p
LEFT JOIN posts ON posts.publisher = p.name
GROUP BY p.name, p.kind
ORDER BY last_post IS NOT NULL, days_since DESC, p.name;
