# The methodology page of docs/ (written by the hidden command `methodology`), in words that
# the reports share where they say the same thing.

doc-title = Methodology
doc-intro = How each figure of appeal-audit's reports is made, for a methodology box in print. The reports use the same words. This page is generated: `appeal-audit --lang { $lang } methodology`.
doc-h-route = Route
doc-route = Every appeal gets one route by the first rule that applies: a forwarded_to value (forwarded); a status saying redirected (forwarded) or rejected (rejected); a first answer signed by someone other than the addressee (forwarded to them); a first answer whose text says it was passed on, such as «направлено по компетенции» or «құзыреті бойынша жолданды» (forwarded); a first answer signed by the addressee (personal); an answer with no author (unknown author); otherwise unanswered. The addressee includes the official's name written with initials, an alias from the directory, and the official's post, such as the akim of the region.
doc-h-shares = Shares and intervals
doc-shares = Wilson intervals stay honest for small counts: 2 personal answers out of 13 appeals is { $example }. Rows with fewer than --min-n (default 10) appeals are noted «{ $few }».
doc-h-days = Days to answer
doc-days = Calendar days from submission to the first answer. A negative count (an answer dated before the appeal) is kept, listed by `check`, and left out of medians.
doc-h-deadline = Deadline and overdue appeals
doc-deadline = The deadline is counted { $rule }. --deadline-days N replaces both with N working days. An appeal is overdue when its first answer came after the due date, or has not come by the as-of date and the due date has passed; a rejected appeal, or one answered on an unknown date, is not counted either way.
doc-h-working = Working days
doc-working = Monday to Friday less Kazakhstan's public holidays (Law of 13 December 2001 No. 267 "On holidays in the Republic of Kazakhstan", as amended), the next working day when a holiday falls on a weekend, 7 January and the first day of Kurban Ait (never moved), and the yearly transfers of days off. The built-in table covers { $first }–{ $last }; --holidays FILE adds days off or worked days, --calendar mon-fri ignores holidays.
doc-h-silence = Silence
doc-silence = Days from a department's latest post to the as-of date: «{ $stale }» after --stale-after days (default 30), «{ $never }» when it has no post. --originals-only leaves reposts out. «{ $not_read }» when, on the day of its latest fetch from gov.kz, every source refused: a refusal is no silence, so it is not counted stale or never, and --fail-if-stale passes it over.
doc-h-unsatisfied = Unsatisfied
doc-unsatisfied = Answers the citizen rated unsatisfactory (не удовлетворен, қанағаттанбады, or 1–2 on a five-point scale), where the source carries a rating.
doc-h-columns = The routing table's columns
doc-columns = In table, Markdown and HTML the columns carry these names; CSV and JSON keep the keys in brackets in every language.
