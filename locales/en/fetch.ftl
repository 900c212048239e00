# Fetching: the portal's blogs (`fetch BLOG`), saved pages (`import pages`) and their probes.
# The lines on stderr, the progress bar, the probe's account and the errors of a run.

## Why a page could not be had (the server's own words, such as its reason phrase, stay as sent)
fetch-never-opened = { $url }: appeal-audit never opens an appeal's own page or the search (the portal's robots.txt disallows them); it reads a blog's welcome, questions and posts pages
fetch-robots-disallows = { $url }: robots.txt disallows this page, so it was not requested
fetch-server-busy = { $url }: the server answered HTTP { $status } ({ $tries } tries); the site is busy or down: run the same command again later, it goes on from where it stopped
fetch-status = { $url }: the server answered HTTP { $status }; check the blog id and --base-url
fetch-redirected = { $url }: the server sends this page elsewhere ({ $location }); check the blog id and --base-url (the address the portal answers on)
fetch-network = { $url }: { $error } ({ $tries } tries); check the network and --base-url, then run the same command again: it goes on from where it stopped
fetch-wait-too-long = { $url }: the server asks to wait { $seconds } s before the next request (Retry-After); run the same command again after that, it goes on from where it stopped
fetch-too-large = { $url }: the server sent a body larger than { $most } ({ $size }), larger than any page of the portal: it was not read further nor asked for again, and its head is archived. Check --base-url (it must be the portal's address); the same command goes on from where it stopped
fetch-too-large-declared = its Content-Length says { $bytes } bytes
fetch-too-large-found = it went on past { $most }
fetch-robots-unreadable = { $url }: { $problem }; its rules are unknown, so no page was requested. Check --base-url (it must be the portal's address), and run the same command again later
net-closed-early = the connection closed before the whole page arrived
net-timeout = no complete answer in time ({ $what })
net-host-not-found = the host name was not found
net-cannot-connect = could not connect
robots-sent-elsewhere = robots.txt is sent elsewhere ({ $location }), off the site appeal-audit reads; it follows robots.txt's redirects on the same site only, so the rules are unknown and nothing was fetched. Check --base-url (the address the portal answers on)
robots-redirects = robots.txt redirects more than { $most } times, so its rules are unknown and nothing was fetched; check --base-url, or try again later
robots-too-slow = robots.txt asks for { $delay } s between requests (Crawl-delay): a blog of 100 pages would take { $hours } hours. appeal-audit honours a Crawl-delay of up to { $most } s, so it stops here, before any page. Ask the site's operators about it, or read pages saved another way with `appeal-audit import pages`

## Which blog a `fetch` argument names
blog-not-a-blog = { $given } is not a blog: give its id (2719746) or an address such as https://dialog.egov.kz/blogs/2719746/welcome
blog-elsewhere = { $given } is on { $host }, but this run reads { $base } (--base-url): give --base-url with that site's address to fetch from it, or the blog's number alone
blog-zero = { $given }: blog 0 does not exist; check the number
blog-too-many-digits = { $given } is not a blog id: it has { $digits } digits, and the portal's have at most { $most } (2719746); check the number

## The archive folder, a blog's unfinished runs and its lock
archive-folder-cannot-create = cannot create the archive folder { $dir }: give --archive a folder you may write
archive-cannot-write-in = cannot write { $path }: check the archive folder is writable
cannot-remove = cannot remove { $path }
lock-cannot = cannot lock { $path }: check the archive folder is writable
lock-holder-starting = one that is just starting
lock-taken = { $blog ->
        [govkz] gov.kz
       *[other] blog { $blog }
    } is being fetched by another run ({ $holder }), into { $dir }: two runs would write one archive. Wait for that run to end, or stop it, then run this command again (a run that was killed leaves no lock)
lock-contended = { $lock }: other runs keep taking and leaving it; run this command again

## `fetch BLOG`: the lines of a run
fetch-robots-read = { $site }: robots.txt read; { $gap } s between requests, so about { $ten } a blog of 10 pages
fetch-no-snapshot = not every questions page was read: this fetch is no snapshot, nothing is marked vanished
fetch-questions = { $n }
fetch-questions-of = { $n } of { $total }
fetch-owner-not-named = owner not named
fetch-summary = { $blog } ({ $owner }): { $questions } questions pages, { $posts } posts pages, { $appeals } appeals read; { $requested } pages requested, { $resumed } taken from the unfinished run; archive { $archive }
fetch-summary-stopped = ; stopped: { $why }
fetch-summary-disallowed = ; { $n } pages disallowed by robots.txt, not requested
fetch-blog-disallowed = { $url }: robots.txt ({ $robots }) disallows blog { $blog }'s questions pages for appeal-audit, so none of its pages was requested and nothing was imported. The site asks robots to leave this blog alone; read pages saved another way with `appeal-audit import pages`
fetch-lang-refused = { $refused }; the pages come in the portal's default language
fetch-stopped-robots = robots.txt disallows the rest
fetch-not-questions = { $url }: not a questions page
fetch-stopped-settled = page { $page } is settled and every unsettled appeal was seen again
fetch-repeats-appeals = page { $page } shows only appeal cards already read on earlier pages, so the list repeats itself and the pages after it were not requested; this fetch is no snapshot
fetch-repeats-posts = page { $page } shows only post cards already read on earlier pages, so the list repeats itself and the pages after it were not requested; this fetch is no snapshot
fetch-total-numbers = its cards' registration numbers go up to { $highest }, so the portal had taken at most { $highest } appeals, and{" "}
fetch-total-too-many = { $url }: the page says the list has { $total } pages (totalPages), more than a blog can have: { $numbers }appeal-audit reads at most { $most } pages a blog. Nothing was imported; the pages read are archived. To read the first pages anyway, give --max-pages N
# How long a run takes, as its estimates say it.
duration-seconds = { $s } s
duration-minutes = { $min } min
duration-hours = { $h } h { $min } min

## The progress bar (on a terminal only) and the estimate
bar-pages = pages
bar-bodies = bodies
bar-appeals-left = { $appeals } appeals read, about { $seconds } s left
bar-items-left = { $count } news items read, about { $seconds } s left
bar-officials-left = { $count } officials read, about { $seconds } s left
fetch-estimate = { $blog }: up to { $pages } questions pages to read (totalPages { $total }) at { $gap } s a page: about { $time }

## `fetch --probe` and `import pages --probe`: the account of each page
probe-robots-read = { $url }: read; { $gap } s between requests (its Crawl-delay, else 1 s, or --delay)
probe-not-a-page = HTTP status { $status }, not a page
probe-unchanged = HTTP 304: unchanged since the run before (no body)
probe-disallowed = { $url }: disallowed by robots.txt, not requested
probe-all-placed = everything on these pages was placed: the reader knows this layout ({ $archives })
probe-not-placed = { $n } parts were not placed: the portal's layout may differ from docs/portal.md. Send { $archives } with your report
probe-not-placed-send = { $n } parts of the pages were not placed: send { $archives } with your report (docs/portal.md, "First contact")
probe-page-in = { $url } (in { $file }, offset { $offset })
probe-not-read = not read: { $why }
probe-not-found = not found
probe-kind = page: { $kind }
probe-kind-welcome = welcome
probe-kind-questions = questions
probe-kind-appeal = an appeal's own page
probe-kind-posts = posts
probe-kind-govkz-news = gov.kz news
probe-kind-govkz-bodies = gov.kz list of bodies
probe-kind-govkz-officials = gov.kz officials
probe-owner = owner: { $owner }
probe-position = position: { $position }
probe-total-pages = totalPages: { $total }
probe-posts = posts: { $n }
probe-items = items: { $n }
probe-cards = cards: { $cards } appeals ({ $placeholders } placeholders, { $copies } copies, { $unlinked } without a link)
probe-blocks = answers blocks: { $tied } tied, { $untied } untied
probe-answer = answer to { $id }: { $answerer } on { $date }
probe-part-not-placed = NOT PLACED: { $part }

## `import pages`: the files it reads and what stops it
pages-none-found = no pages found in { $paths }: give WARC archives (.warc, .warc.gz), pages saved by a browser (.html), gov.kz news saved as .rss or .json, or folders holding them
pages-cannot-read-folder = cannot read the folder { $path }
pages-cannot-read = cannot read { $path }: check the path
pages-rss-no-body = { $file }: cannot tell which gov.kz body this RSS is of (its channel has no link to https://www.gov.kz/memleket/entities/SLUG): save it from the body's RSS address
pages-not-a-page = { $url } (in { $file }, offset { $offset }): HTTP status { $status }, not a page: skipped
pages-no-blog = { $url } (in { $file }): cannot tell which blog this page belongs to (no /blogs/ID/ in its address or links): save it again from the blog's address
pages-snapshot-incomplete = --snapshot: { $run } holds blog { $blog }'s questions pages { $pages } of { $total }, not pages { $missing }: the appeals on those would be marked vanished. Import it without --snapshot, or fetch the blog in full
pages-owner-unknown = { $run }: blog { $blog }'s owner is not known: its welcome page (/blogs/{ $blog }/welcome) is missing or names no one. Give --addressee NAME (the blog owner's full name)

## A page the portal reader cannot place, or a response that cannot be decoded
layout-in-file = {" "}(in { $file })
layout-in-archive = {" "}(in { $file }, record at offset { $offset })
layout-open-file = open the file
layout-open-page = open the page
layout-extract = `warcio extract { $file } { $offset }` shows it
layout-changed = { $url }{ $place }: the portal's layout may have changed: { $missing }. Nothing was imported. The pages are kept: compare this one with docs/portal.md ({ $show }), and once appeal-audit reads the new layout run `appeal-audit import pages` on them again
unreadable-page-fetching = { $url } (in { $file }, record at offset { $offset }): { $problem }. The response is archived as it came; nothing was imported. Run the same command again later: it goes on from where it stopped and asks for this page again. If the server keeps sending such a body, check --base-url (it must be the portal's address)
unreadable-page-archived = { $url } (in { $file }, record at offset { $offset }): { $problem }. The response is archived as it came; nothing was imported. The run that made this archive stopped at this page: run `appeal-audit fetch` for the blog again (it goes on in the same archive and asks for the page again), or fetch the blog afresh
