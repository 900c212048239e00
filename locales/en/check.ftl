# `check`: what each problem code means, for the description column beside the code in table
# and Markdown, and the summary line on stderr.

col-problem = problem
col-description = description
col-field = field
col-value = value
col-line = line
problem-answer_before_submission = The answer is dated before the appeal was submitted.
problem-date_in_future = The date is after the as-of date or after the scrape.
problem-duplicate_conflict = One id twice in a file with different values; the later line is kept.
problem-answered_without_answerer = Answered, but the answer names no author.
problem-answer_without_date = There is an answer, but its date is unknown: it cannot be timed.
problem-unmatched_name = A name no directory entry matches.
problem-bidi_control = A text holds a bidirectional control (U+202A–202E, U+2066–2069) that can make it read as something else; shown escaped.
problem-unknown_route = No rule could tell how the appeal was answered.
problem-midnight_last_post = The department's latest post is timed at exactly midnight (00:00:00), as items moved in bulk from older sites are: its date may hold, its time is no publication time.
check-none = check: no problems found
check-found = check: { $n } problems
