# clap көрмейтін қате қолдану (шығу коды 2): команда қабылдай алмайтын жалаушалар, олардың
# мәндері не тіркесімі. Әр хабар жалаушаны атап, не істеу керегін айтады.

usage-bad-date = { $flag } { $value }: { $reason }
usage-since-after-until = --since { $since } күні --until { $until } күнінен кейін: орындарын ауыстырыңыз
usage-week-form = --week { $week }: ISO аптасын ЖЖЖЖ-Wаа түрінде жазыңыз, мысалы 2022-W39
usage-week-none = --week { $week }: { $year } жылында { $number }-апта жоқ
usage-excel-needs-csv = --excel CSV мен TSV-ны Excel үшін дайындайды: --format csv қосыңыз не --excel алып тастаңыз (--format xlsx — жеке Excel кітабы), команда: { $command }
usage-several-tables = { $command } бірнеше кестеден тұрады, ал --format { $format } бір кестені ғана сыйғызады: --format table, md, json не html беріңіз, не бір кестені { $format } түрінде алу үшін report routing|forwards|silence командасын --since/--until арқылы іске қосыңыз
usage-lists-no-xlsx = { $command } әр түрлі тізімдер шығарады, ал мұндағы xlsx кітабы — бір парақ: --format csv, json не md беріңіз
usage-no-html = { $command } үшін HTML беті жоқ (оны report routing, forwards, silence, changes және weekly, сондай-ақ audit жасайды): --format table, csv, tsv, json, jsonl не md беріңіз
usage-delimiter-quote = --delimiter { $char }: CSV бұл таңбаны тырнақша не жол соңы үшін қолданады; өрістер арасындағы таңбаны беріңіз, мысалы ',' ';' не табуляция
usage-delimiter-ascii = --delimiter { $char }: бөлгіш — бір ASCII таңбасы, мысалы ',' ';' не табуляция
usage-map-form = --map { $map }: ӨРІС=БАҒАН түрінде жазыңыз, мысалы --map submitted_at='Дата подачи'
usage-map-no-field = --map { $map }: { $kind } жазбаларында { $field } өрісі жоқ; өрістер: { $fields }
usage-date-format = --date-format { $pattern }: бұл chrono үлгісі емес; оны %d (күн), %m (ай), %Y (жыл), %H:%M (уақыт) арқылы жазыңыз, мысалы --date-format '%d/%m/%Y'
usage-files-only = { $flags } жазбалар файлдарына қатысты, `import pages` үшін емес: ол порталдың беттерін docs/portal.md сипаттағандай оқиды: оларды алып тастаңыз
usage-addressee-pages-only = --addressee тек `import pages` үшін: файлдың жазбалары адресатты өздері атайды (басқа баған үшін --map addressee=БАҒАН беріңіз)
usage-probe-pages = --probe порталдың беттерін оқиды: оны `import pages` командасымен қолданыңыз
usage-probe-stores-nothing = { $flags } оқылғанды қалай сақтауды айтады, ал --probe ештеңе сақтамайды: оларды алып тастаңыз
usage-database-flags = export database SQLite файлын жазады, --raw-texts берілмесе әрдайым бүркемеленген: --format, --partition-by, --excel, --raw, --redact және --columns мұнда қолданылмайды
usage-parquet-flags = --excel, --raw және --columns — CSV, TSV және JSON үшін, --raw-texts — export database үшін: Parquet экспортында барлық бағандар өз түрімен бар, сондықтан оларды алып тастаңыз
usage-table-flags = --partition-by — --format parquet үшін, --raw-texts — export database үшін: оларды { $format } экспортынан алып тастаңыз
usage-xlsx-excel = --excel CSV-ны Excel үшін дайындайды, ал --format xlsx — дайын Excel кітабы: --excel алып тастаңыз
usage-parquet-output = --format parquet файл (--partition-by болса, қалта) жазады: --output ЖОЛ беріңіз
usage-database-output = export database SQLite файлын жазады: --output ФАЙЛ беріңіз, мысалы --output public.db
usage-output-is-database = --output { $path } — дерекқордың өзі: көшірмеге басқа атау беріңіз
usage-xlsx-terminal = --format xlsx екілік Excel кітабын жазады, оны терминал көрсете алмайды: --output ФАЙЛ.xlsx беріңіз (не стандартты шығысты файлға бағыттаңыз)
usage-man-no-subcommands = man: { $command } командасының ішкі командалары жоқ, сондықтан { $name } беті де жоқ
usage-man-no-command = man: { $command } командасында { $name } командасы жоқ; оның командалары: { $commands }
usage-columns-unknown = --columns: { $what } ішінде { $name } бағаны жоқ; бағандар: { $columns }
usage-columns-empty = --columns: { $what } үшін баған атауы бос; бағандар: { $columns }
usage-columns-twice = --columns: { $name } екі рет аталған
usage-columns-html = --columns: html бетіндегі диаграммалар мен кестелер тұрақты; оны --format table, csv, tsv, json, jsonl не md арқылы қолданыңыз
usage-columns-weekly = --columns және --wide: report weekly — бірнеше кестеден тұратын құжат: бағандарды report routing, forwards не silence командасында --since/--until арқылы, не оның кестелерінде (--format table) таңдаңыз
usage-columns-show = --columns және --wide: show бір өтініштің өрістерін жол сайын біреуден шығарады: барлық өрістер көрсетіледі
usage-columns-unmatched = --columns және --wide: --unmatched-as-directory анықтамалық жолдарын барлық бағандарымен шығарады

# clap-тың өз қателері (ағылшынша оларды clap шығарады, мұнда — басқа тілдер оларды құрайтын
# бөліктер).
clap-value-missing = { $arg } үшін мән керек, бірақ ол берілмеген
clap-invalid-value = { $arg } үшін «{ $value }» мәні жарамсыз
clap-possible-values = мүмкін мәндер: { $values }
clap-value-validation = { $arg } үшін «{ $value }» мәні жарамсыз: { $detail }
clap-unknown-argument = белгісіз жалауша { $arg }
clap-unknown-command = белгісіз команда «{ $name }»
clap-missing-argument = міндетті аргумент берілмеген: { $args }
clap-conflict = { $arg } жалаушасын { $prior } жалаушасымен бірге беруге болмайды
clap-missing-command = { $command } командасынан кейін ішкі команда керек
clap-did-you-mean = мүмкін, «{ $suggestion }»?
clap-not-a-whole-number = теріс емес бүтін сан керек
clap-number-too-large = сан тым үлкен
clap-not-a-number = сан керек
clap-out-of-range = { $first } мен { $last } аралығындағы сан керек

# `fetch` және `fetch news`/`fetch directory`: сайт мекенжайы, кідірістер және орган атаулары.
usage-base-url-portal = --base-url { $url }: порталдың мекенжайын http:// не https:// арқылы беріңіз, мысалы https://dialog.egov.kz
usage-base-url-govkz = --base-url { $url }: gov.kz мекенжайын http:// не https:// арқылы беріңіз, мысалы { $default }
usage-seconds = { $flag } { $value }: 0-ден 3600-ге дейінгі секунд санын беріңіз
usage-empty-body = органның бос атауы: slug (zhetysu-comdev), gov.kz мекенжайын немесе атауын беріңіз
