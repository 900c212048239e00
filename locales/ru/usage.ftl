# Неверное использование, которого clap не видит (код выхода 2): флаги, значения или сочетание
# которых команда принять не может. Каждое сообщение называет флаг и говорит, что сделать.

usage-bad-date = { $flag } { $value }: { $reason }
usage-since-after-until = --since { $since } позже, чем --until { $until }: поменяйте их местами
usage-week-form = --week { $week }: напишите неделю ISO в виде ГГГГ-Wнн, например 2022-W39
usage-week-none = --week { $week }: в { $year } году нет недели { $number }
usage-excel-needs-csv = --excel готовит CSV и TSV для Excel: добавьте --format csv или уберите --excel (--format xlsx — отдельная книга Excel) в { $command }
usage-several-tables = { $command } состоит из нескольких таблиц, а --format { $format } вмещает одну: укажите --format table, md, json или html либо запустите report routing|forwards|silence с --since/--until, чтобы получить одну таблицу в { $format }
usage-lists-no-xlsx = { $command } выводит списки разного вида, а книга xlsx здесь — один лист: укажите --format csv, json или md
usage-no-html = у { $command } нет HTML-страницы (её делают report routing, forwards, silence, changes и weekly, а также audit): укажите --format table, csv, tsv, json, jsonl или md
usage-delimiter-quote = --delimiter { $char }: в CSV этот символ служит для кавычек или концов строк; укажите символ между полями, например ',' ';' или табуляцию
usage-delimiter-ascii = --delimiter { $char }: разделитель — один символ ASCII, например ',' ';' или табуляция
usage-map-form = --map { $map }: напишите в виде ПОЛЕ=СТОЛБЕЦ, например --map submitted_at='Дата подачи'
usage-map-no-field = --map { $map }: у записей { $kind } нет поля { $field }; поля: { $fields }
usage-date-format = --date-format { $pattern }: это не шаблон chrono; пишите его через %d (день), %m (месяц), %Y (год), %H:%M (время), например --date-format '%d/%m/%Y'
usage-files-only = { $flags } относятся к файлам записей, а не к `import pages`, которая читает страницы портала, как описано в docs/portal.md: уберите их
usage-addressee-pages-only = --addressee относится только к `import pages`: записи файла сами называют адресата (для другого столбца укажите --map addressee=СТОЛБЕЦ)
usage-probe-pages = --probe читает страницы портала: используйте его с `import pages`
usage-probe-stores-nothing = { $flags } говорят, как сохранить прочитанное, а --probe ничего не сохраняет: уберите их
usage-database-flags = export database записывает файл SQLite, всегда с маскированием, если не указан --raw-texts: --format, --partition-by, --excel, --raw, --redact и --columns здесь не применяются
usage-parquet-flags = --excel, --raw и --columns — для CSV, TSV и JSON, --raw-texts — для export database: в выгрузке Parquet все столбцы, каждый со своим типом, поэтому уберите их
usage-table-flags = --partition-by — для --format parquet, --raw-texts — для export database: уберите их из выгрузки { $format }
usage-xlsx-excel = --excel готовит CSV для Excel, а --format xlsx — уже книга Excel: уберите --excel
usage-parquet-output = --format parquet записывает файл (а с --partition-by — папку): укажите --output ПУТЬ
usage-database-output = export database записывает файл SQLite: укажите --output ФАЙЛ, например --output public.db
usage-output-is-database = --output { $path } — это сама база данных: дайте копии другое имя
usage-xlsx-terminal = --format xlsx записывает двоичную книгу Excel, которую терминал показать не может: укажите --output ФАЙЛ.xlsx (или перенаправьте стандартный вывод в файл)
usage-man-no-subcommands = man: у { $command } нет подкоманд, поэтому нет и страницы { $name }
usage-man-no-command = man: у { $command } нет команды { $name }; её команды: { $commands }
usage-columns-unknown = --columns: у { $what } нет столбца { $name }; столбцы: { $columns }
usage-columns-empty = --columns: пустое имя столбца для { $what }; столбцы: { $columns }
usage-columns-twice = --columns: { $name } указан дважды
usage-columns-html = --columns: на html-странице диаграммы и таблицы постоянные; используйте его с --format table, csv, tsv, json, jsonl или md
usage-columns-weekly = --columns и --wide: report weekly — документ из нескольких таблиц: выбирайте столбцы в report routing, forwards или silence с --since/--until либо в его таблицах (--format table)
usage-columns-show = --columns и --wide: show выводит поля одного обращения, по одному в строке: показываются все поля
usage-columns-unmatched = --columns и --wide: --unmatched-as-directory выводит строки справочника со всеми их столбцами

# Ошибки самого clap (по-английски их выводит clap, здесь — части, из которых их собирают
# другие языки).
clap-value-missing = для { $arg } нужно значение, а оно не указано
clap-invalid-value = недопустимое значение «{ $value }» для { $arg }
clap-possible-values = возможные значения: { $values }
clap-value-validation = недопустимое значение «{ $value }» для { $arg }: { $detail }
clap-unknown-argument = неизвестный флаг { $arg }
clap-unknown-command = неизвестная команда «{ $name }»
clap-missing-argument = не указано обязательное: { $args }
clap-conflict = { $arg } нельзя указывать вместе с { $prior }
clap-missing-command = после { $command } нужна команда
clap-did-you-mean = может быть, «{ $suggestion }»?
clap-not-a-whole-number = нужно целое неотрицательное число
clap-number-too-large = слишком большое число
clap-not-a-number = нужно число
clap-out-of-range = нужно число от { $first } до { $last }

# `fetch` и `fetch news`/`fetch directory`: адрес сайта, паузы и названия госорганов.
usage-base-url-portal = --base-url { $url }: укажите адрес портала с http:// или https://, например https://dialog.egov.kz
usage-base-url-govkz = --base-url { $url }: укажите адрес gov.kz с http:// или https://, например { $default }
usage-seconds = { $flag } { $value }: укажите число секунд от 0 до 3600
usage-empty-body = пустое название госоргана: укажите slug (zhetysu-comdev), адрес на gov.kz или название
