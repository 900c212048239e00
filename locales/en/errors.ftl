# Errors and warnings on stderr: the words before them, what the operating system said (shown
# in Russian and Kazakh with its own English words in brackets; English prints them alone),
# and the files the tool cannot read or write.

warning-word = warning
usage-more-help = For more information, try '--help'.
os-not-found = no such file or folder
os-permission-denied = permission denied
os-is-a-directory = it is a folder, not a file
os-not-a-directory = a part of the path is not a folder
os-already-exists = it already exists
os-directory-not-empty = the folder is not empty
os-storage-full = the disk is full
os-quota-exceeded = the disk quota is used up
os-file-too-large = the file is too large
os-read-only = the disk or file is read-only
os-invalid-data = the data cannot be read
os-unexpected-eof = the file ends too early
os-timed-out = it took too long
os-out-of-memory = not enough memory
os-other = the system refused
os-disk-io = the disk could not be read or written
os-database-busy = another process is using the database
os-cannot-open = the file cannot be opened
cannot-read = cannot read { $path }
cannot-write = cannot write { $path }
cannot-create = cannot create { $path }
cannot-read-phrases = cannot read the phrases file { $path }
cannot-read-holidays = cannot read the holidays file { $path }
db-none = no database at { $path }: import some records first (`appeal-audit import appeals FILE`), or point --db or $APPEAL_AUDIT_DB at your database
db-read-only = { $path } is read-only (its permissions, its folder's, or a read-only disk): an import must write to it, reports can still read it. Make it writable, or copy it somewhere writable and give --db the copy
db-cannot-open = cannot open the database { $path }
show-no-appeal = no appeal { $id }{ $source } in { $db }: check the number (copies look like 749022/1)
show-in-source = {" "}in source { $source }
show-several-sources = appeal { $id } exists in several sources ({ $sources }): give --source
calendar-outside-table = the holiday table covers { $first }–{ $last }; for { $years } due dates count weekends and fixed holidays only (no Kurban Ait, no transfers): give --holidays FILE with that year's days off, or --calendar mon-fri
holidays-not-a-date = line { $line }: { $value } is not a date: write 2022-08-29 for a day off, +2022-08-27 for a worked day
phrases-bad-line = line { $line }: expected `kind: phrase` with kind one of { $kinds }, found `{ $found }`
phrases-empty = line { $line }: the phrase after `{ $kind }:` is empty
