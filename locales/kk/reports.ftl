# Есептердің сөздері қазақша: кестелер мен Markdown бағандарының атаулары, ұяшықтағы сөздер,
# бөлім тақырыптары. Терминдер глоссарий бойынша (locales/glossary.tsv).

## Бағандар

col-addressee = Адресат
col-appeals = Өтініштер
col-personal = Жеке жауап
col-forwarded = Жолданғаны
col-unanswered = Жауапсыз
col-unknown = Жауап авторы белгісіз
col-rejected = Қабылданбады
col-personal_pct = Жеке жауап, %
col-forwarded_pct = Жолданғаны, %
col-answered_pct = Жауап берілгені, %
col-median_days_to_answer = Жауапқа дейінгі күн медианасы
col-overdue = Мерзімі өткен
col-personal_pct_low = Жеке жауап, % (төменгі шегі)
col-personal_pct_high = Жеке жауап, % (жоғарғы шегі)
col-forwarded_pct_low = Жолданғаны, % (төменгі шегі)
col-forwarded_pct_high = Жолданғаны, % (жоғарғы шегі)
col-unsatisfied = Жауапқа қанағаттанбады
col-vanished = Блогтан жоғалған
col-note = Ескертпе
col-forwarded_to = Қайда жолданды
col-name = Атауы
col-kind = Түрі
col-last_post = Соңғы жарияланым
col-days_since = Жарияланымсыз күн
col-posts_30d = 30 күндегі жарияланым
col-status = Күйі
col-reposts_30d = 30 күндегі репост
col-last_attempt = Соңғы оқу әрекеті
col-scraped_at = Жиналған күні
col-source = Дереккөз
col-id = ID
col-change = Өзгеріс
col-before = Бұрын
col-after = Кейін
col-appeals_before = Өтініштер (бұрын)
col-personal_before = Жеке жауап (бұрын)
col-forwarded_before = Жолданды (бұрын)
col-unanswered_before = Жауапсыз (бұрын)
col-overdue_before = Мерзімі өткен (бұрын)
col-week = Апта
col-since = Басы
col-until = Соңы
col-records = Жазба саны
col-first = Алғашқы күн
col-last = Соңғы күн
col-route = Бағыт
col-import_id = Жүктеу №
col-file = Файл
col-size = Көлемі
col-sha256 = SHA-256
col-started_at = Басталды
col-read = Оқылды
col-inserted = Қосылды
col-updated = Жаңартылды
col-unchanged = Өзгеріссіз
col-phrase = Тіркес
col-origin = Қайдан
col-submitted_at = Берілген күні
col-addressee_position = Адресаттың лауазымы
col-category = Санаты
col-title = Тақырыбы
col-text = Мәтіні
col-author = Авторы
col-answered_at = Жауап күні
col-answered_by = Жауап авторы
col-answer_text = Жауап мәтіні
col-url = Мекенжайы
col-rating = Бағасы
col-route_reason = Бағыт негізі
col-days_to_answer = Жауапқа дейінгі күн
col-due_date = Жауап мерзімі
col-first_seen = Алғаш көрінді
col-last_seen = Соңғы рет көрінді
col-source_file = Файл
col-source_line = Жол
col-source_offset = WARC ішіндегі орны
col-source_url = Бет мекенжайы
col-official = Анықтамалық бойынша адресат
col-route_target = Анықтамалық бойынша жолданған орган
col-answered = Жауап бар
col-department = Мекеме
col-published_at = Жарияланған күні
col-channel = Арна
col-repost = Репост
col-publisher = Анықтамалық бойынша жариялаушы
col-current = Ағымдағы нұсқа
col-position = Лауазымы
col-parent = Жоғары тұрған орган
col-aliases = Басқа атаулары

## Ұяшықтағы сөздер

value-note-few = дерек аз
value-status-ok = жариялап тұр
value-status-stale = үнсіз
value-status-never = бірде-бір жарияланым жоқ
value-status-not_read = оқылмады
value-kind-official = лауазымды тұлға
value-kind-department = мемлекеттік орган
value-kind-appeals = өтініштер
value-kind-posts = жарияланымдар
value-kind-directory = анықтамалық
value-target-unknown = қайда екені белгісіз
value-route-personal = жеке жауап
value-route-forwarded = жолданды
value-route-unanswered = жауапсыз
value-route-unknown = жауап авторы белгісіз
value-route-rejected = қабылданбады
value-change-new = жаңа
value-change-answered = жауап берілді
value-change-answer_edited = жауап өзгертілді
value-change-answerer_changed = жауап авторы ауысты
value-change-status_changed = күйі өзгерді
value-change-route_changed = бағыты өзгерді
value-change-vanished = жоғалды
value-change-reappeared = қайта пайда болды

## Тақырыптар

title-routing = Өтініштерге кім қалай жауап берді
title-forwards = Өтініштер қайда жолданды
title-silence = Мемлекеттік органдар мен лауазымды тұлғалардың үнсіздігі
title-change = Алдыңғы кезеңмен салыстырғанда
title-records = Жазбалар
title-routes = Бағыттар
title-imports = Жүктеулер
titled-as-of = { $title } (деректер күні: { $date })
database = Дерекқор: { $path }
no-rows = (жол жоқ)
period-line = Кезең: { $period }

## stderr жолдары

silent-summary = Үнсіз немесе ешқашан жарияламаған: { $listed } ішінен { $silent }

## Апталық шолу

summary-head = { $name }: { $n } өтініш түсті; { $personal ->
    [0] жеке жауап берілген өтініш жоқ
   *[other] { $personal } өтінішке жеке жауап берілді{ $personal_share }
}, { $forwarded } өтініш жолданды{ $forwarded_share }, { $unanswered } өтініш жауапсыз қалды
summary-unknown = , { $n } өтініштің жауап авторы белгісіз
summary-rejected = , { $n } өтініш қабылданбады
summary-tail = ; { $n } өтініштің мерзімі өткен.
weekly-title-week = Лауазымды тұлғаларға өтініштер: { $week } аптасы, { $period }
weekly-title = Лауазымды тұлғаларға өтініштер: { $period }
weekly-as-of = Деректер күні: { $date }.
weekly-none = Бұл кезеңде өтініш түспеген.
weekly-h-routing = Өтініштерге қалай жауап берілді
weekly-h-change = Алдыңғы кезеңмен салыстырғанда ({ $period })
weekly-seen = Осы кезеңде блогтардан жиналған деректер көрсеткені: { $list }.
weekly-h-forwards = Өтініштер қайда жолданды
weekly-no-forwards = Осы кезеңде берілген өтініштердің ешқайсысы жолданбаған.
weekly-h-silence = Мемлекеттік органдар мен лауазымды тұлғалардың үнсіздігі, { $date }
weekly-h-method = Әдістеме
weekly-files = Файлдар:
weekly-file = { $file } ({ $kind }, жазба саны: { $records }, SHA-256 { $sha })
weekly-made = appeal-audit { $version } көмегімен дайындалды.
method-period = Кезең: { $period } аралығында (қоса алғанда) берілген өтініштер, { $before } кезеңімен салыстырылды.
method-as-of = Есеп күні — { $date }: осы күнге дейін жауапсыз қалған өтініш қарау мерзімі өтсе, мерзімі өткен болып есептеледі.
method-deadline = Қарау мерзімі: { $rule }.
method-routes = Жеке жауап: бірінші жауапқа лауазымды тұлғаның өзі қол қойған (тегі, аты-жөнінің бас әріптері, басқаша жазылған аты немесе лауазымы бойынша). Жолданды: өтініш басқа органға берілген, не бірінші жауапқа басқа адам қол қойған немесе онда өтініш құзыреті бойынша жолданғаны айтылған. Жауапсыз: бетте жауап жоқ. Авторы белгісіз: жауаптың авторы көрсетілмеген. Қабылданбады: орган өтінішті қараудан бас тартқан.
method-shares = Үлестер әр лауазымды тұлғаға түскен өтініштер санынан есептелген, Уилсонның 95 пайыздық сенімділік аралықтарымен (E. B. Wilson, 1927).
method-silence = Үнсіздік: мемлекеттік органның соңғы жарияланымынан есеп күніне ({ $date }) дейінгі күн саны; шектен асса — «үнсіз», жарияланым болмаса — «бірде-бір жарияланым жоқ»; соңғы жүктеуде gov.kz барлық дереккөзден бас тартса — «оқылмады».
deadline-law = өтініш берілген күні қолданыста болған заң бойынша: 2021 жылғы 1 шілдеге дейін 15 күнтізбелік күн (2007 жылғы 12 қаңтардағы № 221 «Жеке және заңды тұлғалардың өтініштерін қарау тәртібі туралы» Заң), осы күннен бастап 15 жұмыс күні (Әкімшілік рәсімдік-процестік кодекс, 76-бап); { $calendar }
deadline-days = өтініш берілген күннен бастап { $n } жұмыс күні (--deadline-days); { $calendar }
calendar-kz = Қазақстанның жұмыс күндері (демалыс, мереке күндері және Үкімет қаулыларымен ауыстырылған демалыс күндерінсіз)
calendar-mon-fri = дүйсенбіден жұмаға дейінгі жұмыс күндері, мерекелер ескерілмейді

# Терминалға сыйдырылған кесте астындағы жол: не көрсетілмеді, не қысқартылды.
note-left-out = Тағы { $n } баған: { $columns }. --wide барлық бағанды көрсетеді
note-left-out-pickable = Тағы { $n } баған: { $columns }. --wide барлық бағанды көрсетеді, --columns a,b,c — тек аталғандарын
note-shortened = есімдер инициалдарға дейін қысқартылған (толығымен — --format md немесе csv форматында)

## `show`: тек бір өтініштің бетінде болатын өрістер және оның тақырыптары
col-answers = Жауаптар
col-as_written = Дереккөзде жазылғандай
col-extra = Дереккөздің басқа өрістері
col-import_file = Жүктеу файлы
col-imported_at = Жүктелген уақыты
col-as_of = Есеп күні
show-versions = Нұсқалар (алдымен ең ерте жүктеу)
show-changes = Өзгерістер
show-yes = иә
show-no = жоқ
