-- appeal-audit schema, version 7: every attempt to read a state body's news from gov.kz
-- (govkz.md), one row per body, source and attempt, whatever came of it. A refusal is no
-- silence: `report silence` tells a body whose latest fetch no source answered (`not_read`)
-- from one that was read and posted nothing, and a conditional request takes its validators
-- from the last read that succeeded.
CREATE TABLE source_reads (
    read_key       INTEGER PRIMARY KEY,
    body           TEXT NOT NULL,        -- the body's name as its posts are stored (department)
    slug           TEXT NOT NULL,        -- its gov.kz project
    source         TEXT NOT NULL,        -- rss, graphql or json
    attempted_at   TEXT NOT NULL,        -- UTC, YYYY-MM-DDTHH:MM:SSZ (sorts as text)
    outcome        TEXT NOT NULL CHECK (outcome IN ('read', 'unchanged', 'refused')),
    status         INTEGER NOT NULL,     -- the HTTP status
    url            TEXT NOT NULL,
    detail         TEXT NOT NULL,        -- why it was refused, in words; empty when read
    etag           TEXT,
    last_modified  TEXT,
    archive        TEXT NOT NULL,        -- the WARC file the response is in
    archive_offset INTEGER NOT NULL,     -- the response record's offset in it
    UNIQUE (slug, source, attempted_at, url)
);
-- Silence reads each body's attempts by date; a conditional request the latest of a source.
CREATE INDEX source_reads_by_body ON source_reads (body, attempted_at, outcome);
CREATE INDEX source_reads_by_source ON source_reads (slug, source, attempted_at);
