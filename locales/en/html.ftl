# The HTML pages' words: titles, captions, legends, text alternatives and the page's frame.

html-route-personal = personal
html-route-forwarded = forwarded
html-route-unanswered = unanswered
html-route-unknown = unknown author
html-route-rejected = rejected
html-share = { $share } (95% interval { $low }–{ $high })
html-submitted = Appeals submitted { $period }
html-submitted-from = Appeals submitted from { $date }
html-submitted-until = Appeals submitted up to { $date }
html-submitted-all = All stored appeals
html-to-addressee = { $what } to { $name }
html-scrapes = Scrapes made { $period }
html-scrapes-from = Scrapes made from { $date }
html-scrapes-until = Scrapes made up to { $date }
html-scrapes-all = Every stored scrape
html-title-routing = How officials answered citizens' appeals
html-title-forwards = Where forwarded appeals went
html-title-silence = How long since each department last posted
html-silence-what = Every directory entry and publisher
html-title-changes = What changed on the blogs
html-title-audit = Appeals to officials: who answered, who forwarded, who went silent
html-meta = { $what }. Figures as of { $date }.
html-footer = Shares are of each official's appeals, with 95% Wilson score intervals. Made with appeal-audit { $version }.
html-changes-chart = Changes on the blogs between scrapes, by kind
html-changes-caption = { $period }; as of { $date }; n = { $n } changes.
html-changes-none-alt = No changes were seen in these scrapes.
html-changes-alt = { $n } changes by kind: { $list }.
html-changes-none = No changes.
html-changes-h = Changes between scrapes
html-changes-table = Changes, one row per change
html-brief = In brief
html-compared = { $what }, compared with { $before }
html-routing-chart = How each official's appeals were answered
html-routing-caption = { $period }; as of { $date }; n = { $n } appeals to { $officials } officials.
html-interval-key = 95% interval of the personal share
html-routing-none = No appeals in this period.
html-few = { " · " }few appeals
html-personal-share = personal { $share }
html-routing-table = Routing per official (shares in %, 95% Wilson interval low and high)
html-routing-alt = { $name }: { $n } appeals; { $counts }; personal share { $share }.
html-top = { " " }(the top { $k } targets of each official)
html-forwards-chart = Where each official's forwarded appeals went{ $which }
html-forwards-caption = { $period }; as of { $date }; n = { $n } forwarded appeals from { $officials } officials.
html-forwarded-n = { " · " }{ $n } forwarded
html-forwarded-listed = , { $listed } of them to the targets below
html-key-target = forwarded to this target
html-key-no-target = unknown: no target recorded
html-forwards-none = No appeal in this period was forwarded.
html-forwards-table = Forwarded appeals per official and target (unknown: no target recorded)
html-reposts-not-counted = { " " }(reposts not counted)
html-silence-chart = Days since each department and official last posted
html-silence-caption = Posts up to { $date }{ $reposts }; as of { $date }; stale after { $days } days without a post; n = { $n } departments and officials.
html-silence-alt = { $name }: { $days } days since the last post ({ $status }).
html-never-alt = { $name }: never posted.
html-stale-after = stale after { $days } days
html-official = { " " }(official)
html-days-status = { $days } days · { $status }
html-never = never posted
html-not-read = not read on { $date }
html-not-read-alt = { $name }: not read: on { $date } gov.kz refused every source, so what it posted since is unknown.
html-key-not-read = not read: gov.kz refused every source at the last fetch
html-key-threshold = stale threshold
html-silence-h = Silence on { $date }
html-silence-table = Silence per department and official
html-trend-caption = { $what }; { $weeks } weeks; as of { $date }; n = { $n } appeals.
html-trend-chart = Appeals per week, by how they were answered
html-trend-alt = { $week }: { $n } appeals ({ $counts }).
html-share-chart = Share answered personally per week, with its 95% interval
html-share-alt = { $week }: { $share }, n = { $n }.
html-key-share = share answered personally
html-key-interval = 95% interval
html-trend-h = The last { $weeks } weeks
html-trend-table = All officials together, per week
html-change-caption = Each figure this period with its change, and the figure in the period before
html-before = before
