# The reports' words in English: the column names people read in table and Markdown (the CSV
# names themselves), the words that stand in cells, titles and the weekly document.

## Columns

col-addressee = addressee
col-appeals = appeals
col-personal = personal
col-forwarded = forwarded
col-unanswered = unanswered
col-unknown = unknown
col-rejected = rejected
col-personal_pct = personal_pct
col-forwarded_pct = forwarded_pct
col-answered_pct = answered_pct
col-median_days_to_answer = median_days_to_answer
col-overdue = overdue
col-personal_pct_low = personal_pct_low
col-personal_pct_high = personal_pct_high
col-forwarded_pct_low = forwarded_pct_low
col-forwarded_pct_high = forwarded_pct_high
col-unsatisfied = unsatisfied
col-vanished = vanished
col-note = note
col-forwarded_to = forwarded_to
col-name = name
col-kind = kind
col-last_post = last_post
col-days_since = days_since
col-posts_30d = posts_30d
col-status = status
col-reposts_30d = reposts_30d
col-last_attempt = last_attempt
col-scraped_at = scraped_at
col-source = source
col-id = id
col-change = change
col-before = before
col-after = after
col-appeals_before = appeals_before
col-personal_before = personal_before
col-forwarded_before = forwarded_before
col-unanswered_before = unanswered_before
col-overdue_before = overdue_before
col-week = week
col-since = since
col-until = until
col-records = records
col-first = first
col-last = last
col-route = route
col-import_id = import_id
col-file = file
col-size = size
col-sha256 = sha256
col-started_at = started_at
col-read = read
col-inserted = inserted
col-updated = updated
col-unchanged = unchanged
col-phrase = phrase
col-origin = origin
col-submitted_at = submitted_at
col-addressee_position = addressee_position
col-category = category
col-title = title
col-text = text
col-author = author
col-answered_at = answered_at
col-answered_by = answered_by
col-answer_text = answer_text
col-url = url
col-rating = rating
col-route_reason = route_reason
col-days_to_answer = days_to_answer
col-due_date = due_date
col-first_seen = first_seen
col-last_seen = last_seen
col-source_file = source_file
col-source_line = source_line
col-source_offset = source_offset
col-source_url = source_url
col-official = official
col-route_target = route_target
col-answered = answered
col-department = department
col-published_at = published_at
col-channel = channel
col-repost = repost
col-publisher = publisher
col-current = current
col-position = position
col-parent = parent
col-aliases = aliases

## Words in cells

value-note-few = few
value-status-ok = ok
value-status-stale = stale
value-status-never = never
value-status-not_read = not read
value-kind-official = official
value-kind-department = department
value-kind-appeals = appeals
value-kind-posts = posts
value-kind-directory = directory
value-target-unknown = unknown
value-route-personal = personal
value-route-forwarded = forwarded
value-route-unanswered = unanswered
value-route-unknown = unknown
value-route-rejected = rejected
value-change-new = new
value-change-answered = answered
value-change-answer_edited = answer_edited
value-change-answerer_changed = answerer_changed
value-change-status_changed = status_changed
value-change-route_changed = route_changed
value-change-vanished = vanished
value-change-reappeared = reappeared

## Titles

title-routing = Routing
title-forwards = Forwards
title-silence = Silence
title-change = Against the period before
title-records = Records
title-routes = Routes
title-imports = Imports
titled-as-of = { $title } (as of { $date })
database = Database: { $path }
no-rows = (no rows)
period-line = Period { $period }

## stderr lines

silent-summary = { $silent } of { $listed } listed are stale or never posted

## The weekly document

summary-head = { $name } received { $n } { $n ->
    [one] appeal
   *[other] appeals
}: { $personal } answered personally{ $personal_share }, { $forwarded } forwarded{ $forwarded_share }, { $unanswered } unanswered
summary-unknown = , { $n } answered by an unnamed author
summary-rejected = , { $n } rejected
summary-tail = ; { $n } overdue.
weekly-title-week = Appeals to officials: week { $week }, { $period }
weekly-title = Appeals to officials: { $period }
weekly-as-of = Figures as of { $date }.
weekly-none = No appeals were submitted in this period.
weekly-h-routing = How appeals were answered
weekly-h-change = Against the period before ({ $period })
weekly-seen = On the blogs, the scrapes of this period showed: { $list }.
weekly-h-forwards = Where forwarded appeals went
weekly-no-forwards = No appeal submitted in this period was forwarded.
weekly-h-silence = Departments' silence on { $date }
weekly-h-method = Methodology
weekly-files = Files:
weekly-file = { $file } ({ $kind }, { $records } { $records ->
    [one] record
   *[other] records
}, SHA-256 { $sha })
weekly-made = Made with appeal-audit { $version }.
method-period = Period: appeals submitted from { $period } inclusive, compared with { $before }.
method-as-of = As of { $date }: an appeal unanswered by then counts as overdue once its due date has passed.
method-deadline = Deadline: { $rule }.
method-routes = Personal: the first answer is signed by the official (by name, initials, an alias or the post). Forwarded: the appeal was redirected, or the first answer is signed by someone else or says it was passed on. Unanswered: no answer on the page. Unknown author: an answer with no author. Rejected: the body refused to consider it.
method-shares = Shares are of each official's appeals, with 95% Wilson score intervals (E. B. Wilson, 1927).
method-silence = Silence: days from a department's latest post to { $date }; stale after the threshold, never when it has no post; not read when gov.kz refused every source at its latest fetch.
deadline-law = as the law in force on the submission date: 15 calendar days before 1 July 2021 (Law No. 221 of 12 January 2007 on considering appeals), 15 working days from then (Administrative Procedural Code, art. 76), counted on { $calendar }
deadline-days = { $n } working days from submission (--deadline-days), counted on { $calendar }
calendar-kz = Kazakhstan's working days (weekends, public holidays and the Government's transfers of days off)
calendar-mon-fri = working days Monday to Friday, holidays ignored

# The note under a table fitted to a terminal: what was left out, and what was shortened.
note-left-out = { $n } more { $n ->
    [one] column
   *[other] columns
}: { $columns }. --wide shows every column
note-left-out-pickable = { $n } more { $n ->
    [one] column
   *[other] columns
}: { $columns }. --wide shows every column, --columns a,b,c the ones named
note-shortened = names are shortened to initials (whole in --format md or csv)

## `show`: the fields only an appeal's own page lists, and its headings
col-answers = answers
col-as_written = as_written
col-extra = extra
col-import_file = import_file
col-imported_at = imported_at
col-as_of = as_of
show-versions = Versions (oldest scrape first)
show-changes = Changes
show-yes = yes
show-no = no
