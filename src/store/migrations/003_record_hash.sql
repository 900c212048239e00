-- appeal-audit schema, version 3: the hash of each appeal's record as it was written (its
-- columns and values, and the options that type them). A weekly re-import compares it before
-- typing a record, so an unchanged record costs a lookup and no parsing. NULL until the
-- appeal is next imported; nothing reads it but the import.
ALTER TABLE appeals ADD COLUMN record_hash INTEGER;
