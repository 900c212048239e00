-- appeal-audit schema, version 2: what changed between scrapes, one row per change, dated by
-- the scrape that showed it. Value changes are derived from an appeal's versions (and rebuilt
-- when an older scrape arrives late); vanished and reappeared come from snapshots. An appeal's
-- `new` is not stored: it is its first_seen, and `report changes` reads it from there.
CREATE TABLE changes (
    change_id  INTEGER PRIMARY KEY,
    appeal_key INTEGER NOT NULL REFERENCES appeals(appeal_key),
    scraped_at TEXT NOT NULL,
    change     TEXT NOT NULL,   -- answered, answer_edited, answerer_changed, status_changed,
                                -- route_changed, vanished, reappeared
    before     TEXT,
    after      TEXT,
    import_id  INTEGER NOT NULL REFERENCES imports(import_id)
);
CREATE INDEX changes_by_scrape ON changes (scraped_at);
CREATE INDEX changes_by_appeal ON changes (appeal_key, scraped_at);
