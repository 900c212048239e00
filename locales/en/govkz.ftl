# gov.kz: `fetch news`, `fetch directory` and their probe; the lines of a run, its stops and
# refusals, and why an answer of the platform was not read. The platform's own words (a page's
# title, the beginning of an answer) stay as it sent them.

## `fetch news --probe`: the account of each source
govkz-probe-bodies-read = the list of bodies: read, { $n } bodies
govkz-probe-bodies-not-read = the list of bodies: NOT READ: { $why }
govkz-probe-refused = refused: { $why }
govkz-probe-not-placed = not placed: { $why }
govkz-probe-no-content-type = no content type
govkz-probe-source = { $slug } { $source }: { $url } → HTTP { $status }, { $type } (archive offset { $offset })
govkz-probe-dates = , newest { $newest }, oldest { $oldest }
govkz-probe-read = read: { $n } items{ $dates }
govkz-probe-missing = fields expected and not found: { $fields }
govkz-probe-archive = archive: { $archive } (nothing was imported)
govkz-probe-can-read = at least one source was read whole: `fetch news` can read this body
govkz-probe-cannot-read = no source was read: `fetch news` would import nothing of it; run it later or from another network, or import a posts CSV
govkz-probe-none-read = no source of gov.kz was read whole for { $bodies }: see above

## `fetch news` and `fetch directory`: the lines of a run
govkz-resumed = going on from the stopped run in { $archives }: { $n } bodies read there are not asked again
govkz-news-estimate = { $site }: { $n } bodies to read at { $gap } s a request: about { $time }
govkz-directory-estimate = { $site }: { $n } bodies, their officials to read at { $gap } s a request: about { $time }
govkz-source-refused = { $source } refused ({ $why })
govkz-newest = , newest { $date }
govkz-news-summary = { $slug } ({ $name }): read by { $source }: { $pages } pages, { $items } items{ $newest }; { $requests } requests
govkz-news-not-read = { $slug } ({ $name }): NOT READ: { $refusals }
govkz-not-read = { $n } of { $of } bodies could not be read (no source answered, see above): { $bodies }; nothing of them was imported, and `report silence` shows them as not read. Run the same command later or from another network, or import a posts CSV typed from their sites. Archive: { $archive }
govkz-news-changed = { $url } ({ $source } news of { $slug }, archived in { $file } at offset { $offset }): { $why }. The platform's answers have changed shape and appeal-audit cannot read them for sure: nothing was imported. Run `appeal-audit fetch news --probe { $slug }` and send its output and archive to appeal-audit's maintainers
govkz-officials-changed = { $url } (officials of { $slug }, archived in { $file } at offset { $offset }): { $why }. The platform's answers have changed shape and appeal-audit cannot read them for sure: nothing was imported; send the archive to appeal-audit's maintainers
govkz-directory-summary = { $bodies } bodies, { $officials } officials read; archive { $archive }
govkz-officials-refused = the officials of { $slug } ({ $url }): { $why }: that body is imported from the list of bodies (names, parent, head) without them; run the same command later for them
govkz-bodies-not-read = { $url } (the list of bodies, in { $lang }; archived in { $file } at offset { $offset }): { $why }. Without it no body can be named for sure, so nothing was fetched: run the same command later or from another network, or import a posts CSV typed from the bodies' sites

## gov.kz answers in `import pages`
govkz-answer-unreadable = { $url } (in { $file }, offset { $offset }): { $why }. appeal-audit cannot read this answer of gov.kz for sure, so nothing was imported; run `appeal-audit import pages --probe` on the archive and send its output to appeal-audit's maintainers
govkz-no-russian-name = gov.kz body { $slug }: its Russian name is neither in these archives (the list of bodies) nor in the directory, and its posts are stored under that name; import the archive of the run that fetched it whole, or run `appeal-audit fetch directory { $slug }` first

## Which body a name, slug or address names
resolve-none-given = no body given: give its slug, its gov.kz address or its name as the platform writes it
resolve-empty-list = { $given } cannot be looked up: the platform's list of bodies is empty; fetch it again, or give a posts CSV to import instead
resolve-not-listed = { $given } names the body { $slug }, which is not in the platform's list of bodies (renamed?). { $close }
resolve-no-such-body = no body on www.gov.kz is called { $given }. { $close }
resolve-several = { $n } bodies are called { $given }: { $bodies }. Give the slug of the one you mean.
resolve-not-an-address = { $given } is not the address of a body on www.gov.kz: give one such as https://www.gov.kz/memleket/entities/zhetysu-oblysy, or the body's slug or name
resolve-nothing-close = No body's name or slug holds the words given. Give the body's slug, its address (https://www.gov.kz/memleket/entities/SLUG), or its name exactly as the platform writes it in Russian, Kazakh or English.
resolve-close = Close: { $bodies }. Give the body's slug, its address (https://www.gov.kz/memleket/entities/SLUG), or its name exactly as the platform writes it in Russian, Kazakh or English.
