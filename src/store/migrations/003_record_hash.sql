-- appeal-audit schema, version 3: the hash of each appeal's record as it was last read (its
-- columns and values, and the options that type them), beside when it was seen. A weekly
-- re-import looks a record up by (source, id) through the key's index and compares this hash
-- in the narrow table, so an unchanged record costs two small lookups and no parsing, and the
-- wide rows are never read. NULL until the appeal is next imported, and for a vanished appeal
-- (whose return must be recorded as such); nothing reads it but the import.
ALTER TABLE appeal_seen ADD COLUMN record_hash INTEGER;
