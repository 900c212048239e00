-- appeal-audit schema, version 6: where an appeal read from the portal's pages came from. Such
-- an appeal's `source_file` is the WARC archive (or the page saved by a browser) and its
-- `source_line` the card's place on the page; `source_offset` is the offset of the WARC
-- response record in that file (`warcio extract FILE OFFSET` shows the page as it was) and
-- `source_url` the page's address. Both NULL for an appeal read from a data file.
ALTER TABLE appeals ADD COLUMN source_offset INTEGER;
ALTER TABLE appeals ADD COLUMN source_url TEXT;
ALTER TABLE appeal_versions ADD COLUMN source_offset INTEGER;
ALTER TABLE appeal_versions ADD COLUMN source_url TEXT;
