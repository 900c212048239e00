# The import's lines for people on stderr: the summary per file and the most common errors.

import-summary = { $file }: { $read } read, { $inserted } inserted, { $updated } updated, { $unchanged } unchanged, { $rejected } rejected
import-pages-blog = blog { $blog }: { $pages } pages read, addressee { $addressee }
import-record-error = { $file }, { $place }: { $problem }. Fix the record (or give --skip-invalid to import the other { $kind } records)
import-in-column = {" "}in column «{ $column }»
import-header-missing = { $file }, line 1 (the header): no column for { $fields }, so no record from line 2 on could be read. The header has { $columns }. Name a column { $names } (any case), or map yours with --map { $field }=COLUMN
import-line = line { $line }
import-json-record = record { $number } (ending on line { $line })
import-nothing = Nothing was imported: the database is as it was before this command.
reason-missing = required for { $kind }, and the record has no column for it: name one { $names } (any case), or map yours with --map { $field }=COLUMN
record-field-value = field { $field }, value { $value }{ $column }: { $reason }
record-field = field { $field }: { $reason }
import-in-key = {" "}in key «{ $column }»
reason-empty = required for { $kind } and empty
reason-missing-key = required for { $kind }, and the record has no key for it: name one { $names } (any case), or map yours with --map { $field }=KEY
reason-not-a-bool = expected true or false (also да/нет, иә/жоқ, yes/no, 1/0)
reason-not-an-entry-kind = kind is official or department
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

# Why a text is not a date (records.md "Dates"): in an import's error, after --as-of, --since…
date-empty = empty
date-too-long = not a date (too long)
date-not-a-date = not a date
date-ambiguous = ambiguous day and month: write 03.10.2022 or 2022-10-03, or give --date-format
date-no-year = no year
date-unknown-month = unknown month { $month }
date-short-year = not a date: the year needs four digits, e.g. 03.10.2022
date-year-out-of-range = year { $year } is out of range ({ $first }–{ $last }): check the date
date-no-such-day = no such day
date-not-a-time = not a time: { $time }
date-no-such-time = no such time { $time }: hours are 0-23, minutes and seconds 0-59
date-bad-offset = not a date: bad time-zone offset { $offset }
date-mismatch = does not match the --date-format pattern: { $detail }
date-mismatch-out-of-range = input is out of range
date-mismatch-impossible = no possible date and time matching input
date-mismatch-not-enough = input is not enough for unique date and time
date-mismatch-invalid = input contains invalid characters
date-mismatch-too-short = premature end of input
date-mismatch-too-long = trailing input
date-mismatch-bad-format = bad or unsupported format string
date-mismatch-other = the value cannot be read with it
date-with-pattern = { $reason } (--date-format { $pattern })

import-rejected = rejected: { $file }, line { $line }: { $problem }
import-rejected-more = ... and { $n } more rejected { $n ->
    [one] record
   *[other] records
} (give --rejects FILE to list them all)
import-rejected-more-in = ... and { $n } more rejected { $n ->
    [one] record
   *[other] records
} (all in { $path })
import-no-records = { $file } holds no records (a header only?): nothing imported from it
import-page-error = { $url } (in { $file }{ $place }), card { $card }: { $problem }. The page holds a value appeal-audit cannot read: check the card on the page ({ $look })
import-page-offset = , record at offset { $offset }
import-page-open = open the file
import-page-extract = `warcio extract { $file } { $offset }` shows it

# A file that cannot be read as records: its encoding, its bytes, its CSV or JSON.
file-empty = { $file } is empty: there is nothing to import (expected a header line or JSON)
file-encoding-unknown = { $file }: cannot tell the encoding
file-binary = { $file } looks like a binary file (it holds NUL bytes), not CSV, JSON or JSON Lines: check that this is the scraped file
file-nul = line { $line }: a NUL byte, which text never holds: the file is damaged or binary; check that this is the scraped file
file-unclosed-quote = { $file }, line { $line }: a quoted field opened on this line is never closed, so the rest of the file would be read as one field: close the quote, or write a quote inside a quoted field twice ("")
file-invalid-utf8-at = { $file }, line { $line }: invalid UTF-8 in field { $field } (byte { $byte } in the record at byte offset { $offset }): the file is not in the encoding it seems to be; fix that byte and keep the file UTF-8, or, if the whole file is in another encoding, give --encoding windows-1251 (or utf-16)
file-invalid-utf8 = invalid UTF-8 in field { $field }: the file is not in the encoding it seems to be; give --encoding windows-1251 (or utf-16), or re-save it as UTF-8
file-unequal-fields = { $len } fields where the header has { $expected }: a stray delimiter or an unbalanced quote; check the line, or give --delimiter
file-malformed-csv = malformed CSV: { $error }
file-json-array-malformed = { $file }, line { $line }, column { $column }: malformed JSON: { $error }. The file must be one array of objects (or give --format jsonl for one object a line)
file-json-line-malformed = { $file }, line { $line }, column { $column }: malformed JSON: { $error }
file-json-not-an-object = { $file }, line { $line }: { $found } where a JSON object was expected (JSON Lines holds one object a line)
json-null = null
json-boolean = a boolean
json-number = a number
json-string = a string
json-array = an array
json-object = an object
file-utf16-without-bom = UTF-16 without a byte-order mark: save the file with a BOM, or as UTF-8
file-stray-byte = line { $line }, byte offset { $offset }: byte { $byte } is not UTF-8, yet the rest of the file reads as UTF-8 Cyrillic, so its encoding cannot be told. Fix that byte (often a non-breaking space or a letter pasted from another program) and keep the file UTF-8, or, if the whole file really is Windows-1251, give --encoding windows-1251
file-two-encodings = the file mixes two encodings: line { $line }, byte offset { $offset } is not UTF-8 (Windows-1251?) but line { $utf8-line }, byte offset { $utf8-offset } is UTF-8 Cyrillic. Save it whole as UTF-8 (or whole as Windows-1251, then give --encoding windows-1251) and import it again

# `audit PATH`: what lies under the paths.
audit-no-files = no data files (.csv, .tsv, .json, .jsonl, .ndjson) under { $paths }
audit-no-records = { $file }: no records, skipped
audit-no-such-path = { $path }: no such file or folder
audit-unknown-kind = { $file }: cannot tell what the file holds: its header has no addressee (appeals), department (posts) or name (directory) column; give --kind, or --map in an import
