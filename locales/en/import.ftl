# The import's lines for people on stderr: the summary per file and the most common errors.

import-summary = { $file }: { $read } read, { $inserted } inserted, { $updated } updated, { $unchanged } unchanged, { $rejected } rejected
import-pages-blog = blog { $blog }: { $pages } pages read, addressee { $addressee }
import-record-error = { $file }, { $place }: field { $field }, value { $value }{ $column }: { $reason }. Fix the record (or give --skip-invalid to import the other { $kind } records)
import-in-column = {" "}in column «{ $column }»
import-header-missing = { $file }, line 1 (the header): no column for { $fields }, so no record from line 2 on could be read. The header has { $columns }. Name a column { $names } (any case), or map yours with --map { $field }=COLUMN
import-line = line { $line }
import-json-record = record { $number } (ending on line { $line })
import-nothing = Nothing was imported: the database is as it was before this command.
reason-ambiguous-date = ambiguous day and month: write 03.10.2022 or 2022-10-03, or give --date-format
reason-not-a-date = not a date
reason-missing = required for { $kind } and missing or empty; the column may be named { $names } (any case), or map yours with --map { $field }=COLUMN
cannot-open = cannot open { $path }: check the path
# The word before every error message: appeal-audit: error: ...
error-word = error
import-vanished = { $file }: { $n } { $n ->
    [one] appeal
   *[other] appeals
} stored from earlier scrapes { $n ->
    [one] is
   *[other] are
} missing from this snapshot: marked vanished
import-reclassified = reclassified { $n } stored { $n ->
    [one] appeal
   *[other] appeals
} with the new directory or phrases
