# Wrong usage that clap cannot see (exit 2): flags whose values or combination a command cannot
# use. Each names the flag and says what to do.

usage-bad-date = { $flag } { $value }: { $reason }
usage-since-after-until = --since { $since } is after --until { $until }: swap them
usage-week-form = --week { $week }: write an ISO week as YYYY-Www, e.g. 2022-W39
usage-week-none = --week { $week }: { $year } has no week { $number }
usage-excel-needs-csv = --excel shapes CSV and TSV for Excel: add --format csv, or leave --excel out (--format xlsx is a workbook of its own) in { $command }
usage-several-tables = { $command } holds several tables, so --format { $format } cannot hold it: use --format table, md, json or html, or run report routing|forwards|silence with --since/--until for one table as { $format }
usage-lists-no-xlsx = { $command } writes lists of several shapes, and an xlsx workbook here is one sheet: use --format csv, json or md
usage-no-html = { $command } has no HTML page (report routing, forwards, silence, changes and weekly make one, and so does audit): use --format table, csv, tsv, json, jsonl or md
usage-delimiter-quote = --delimiter { $char }: CSV uses it for quoting or line ends; give the character between fields, such as ',' ';' or a tab
usage-delimiter-ascii = --delimiter { $char }: the delimiter must be one ASCII character, such as ',' ';' or a tab
usage-map-form = --map { $map }: write it as FIELD=COLUMN, e.g. --map submitted_at='Дата подачи'
usage-map-no-field = --map { $map }: { $kind } records have no field { $field }; fields are { $fields }
usage-date-format = --date-format { $pattern }: not a chrono pattern; write it with %d (day), %m (month), %Y (year), %H:%M (time), e.g. --date-format '%d/%m/%Y'
usage-files-only = { $flags } apply to files of records, not to `import pages`, which reads the portal's pages as docs/portal.md describes: leave them out
usage-addressee-pages-only = --addressee applies to `import pages` only: a file's records name their addressee (use --map addressee=COLUMN for another column)
usage-probe-pages = --probe reads the portal's pages: use it with `import pages`
usage-probe-stores-nothing = { $flags } say how to store what is read; --probe stores nothing: leave them out
usage-database-flags = export database writes a SQLite file, always redacted unless --raw-texts: --format, --partition-by, --excel, --raw, --redact and --columns do not apply
usage-parquet-flags = --excel, --raw and --columns are for CSV, TSV and JSON, --raw-texts for export database: a Parquet export has every column, each with its type, so leave them out
usage-table-flags = --partition-by is for --format parquet and --raw-texts for export database: leave them out of a { $format } export
usage-xlsx-excel = --excel shapes CSV for Excel; --format xlsx is already a workbook: leave --excel out
usage-parquet-output = --format parquet writes a file (or, with --partition-by, a folder): give --output PATH
usage-database-output = export database writes a SQLite file: give --output FILE, e.g. --output public.db
usage-output-is-database = --output { $path } is the database itself: give the copy another name
usage-xlsx-terminal = --format xlsx writes a binary workbook, which a terminal cannot show: give --output FILE.xlsx (or redirect standard output to a file)
usage-man-no-subcommands = man: { $command } has no subcommands, so no page { $name }
usage-man-no-command = man: { $command } has no command { $name }; its commands are: { $commands }
usage-columns-unknown = --columns: { $what } has no column { $name }; its columns are: { $columns }
usage-columns-empty = --columns: { $what } has an empty name; its columns are: { $columns }
usage-columns-twice = --columns: { $name } is named twice
usage-columns-html = --columns: the html page has fixed charts and tables; use it with --format table, csv, tsv, json, jsonl or md
usage-columns-weekly = --columns and --wide: report weekly is a document of several tables: pick columns in report routing, forwards or silence with --since/--until, or in its tables (--format table)
usage-columns-show = --columns and --wide: show prints one appeal's fields, one a line: every field is shown
usage-columns-unmatched = --columns and --wide: --unmatched-as-directory prints directory rows, all of their columns

# clap's own errors, as clap says them in English (English prints clap's message itself; these
# are the parts the other languages tell them with).
clap-value-missing = a value is required for '{ $arg }' but none was supplied
clap-invalid-value = invalid value '{ $value }' for '{ $arg }'
clap-possible-values = possible values: { $values }
clap-value-validation = invalid value '{ $value }' for '{ $arg }': { $detail }
clap-unknown-argument = unexpected argument '{ $arg }' found
clap-unknown-command = unrecognized subcommand '{ $name }'
clap-missing-argument = the following required arguments were not provided: { $args }
clap-conflict = the argument '{ $arg }' cannot be used with '{ $prior }'
clap-missing-command = '{ $command }' requires a subcommand but one was not provided
clap-did-you-mean = tip: a similar one exists: '{ $suggestion }'
clap-not-a-whole-number = invalid digit found in string
clap-number-too-large = number too large to fit in target type
clap-not-a-number = invalid float literal
clap-out-of-range = { $first } to { $last }

# `fetch` and `fetch news`/`fetch directory`: the site's address, waits and body names.
usage-base-url-portal = --base-url { $url }: give the portal's address with http:// or https://, e.g. https://dialog.egov.kz
usage-base-url-govkz = --base-url { $url }: give gov.kz's address with http:// or https://, e.g. { $default }
usage-seconds = { $flag } { $value }: give a number of seconds from 0 to 3600
usage-empty-body = an empty body name: give a slug (zhetysu-comdev), a gov.kz address or a name
