# What writing results says on stderr: progress bars, the line after an export or man pages,
# the publishable copy, and why a file cannot take the output.

bar-exporting-appeals = exporting appeals
bar-exporting-posts = exporting posts
bar-reclassifying = reclassifying stored appeals
export-written = { $n } records written to { $path }
man-written = { $n } man pages written to { $dir }
publish-written = { $path } written (read-only){ $authors }{ $texts }, with { $metadata }: fill in its source and licence, then serve it with datasette serve --immutable { $path } --metadata { $metadata }
publish-with-authors = , with authors
publish-without-authors = , without authors
publish-texts-raw = , texts as scraped
publish-texts-redacted = , texts redacted
publish-warn-authors = --include-authors: the copy names the citizen who wrote each appeal (personal data); do not publish it without a lawful basis
publish-warn-raw-texts = --raw-texts: texts keep every IIN, phone number, e-mail address, card and account number their writers put in them; do not publish them
output-folder = cannot write in { $dir }: check the --output folder
output-dir = { $what }: check --output-dir
partition-exists = { $path } exists: a partitioned export writes a new folder; give another --output, or move the old one away
html-only-reports = --format html makes a page with charts for a report: use it with report routing, forwards, silence, changes or weekly, or audit
xlsx-too-many-rows = an xlsx sheet holds at most { $max } rows: narrow the selection (--since, --until, --addressee), or use --format csv or parquet
xlsx-cell-too-long = row { $row }, column { $column }: { $chars } characters, more than the { $max } an xlsx cell holds: use --format csv, jsonl or parquet for this data
xlsx-too-many-columns = an xlsx sheet holds at most 16,384 columns: pick fewer with --columns
