# gov.kz: `fetch news`, `fetch directory` және олардың сынамасы; іске қосу жолдары, оның
# тоқтаулары мен бас тартулары және платформа жауабы неге оқылмағаны. Платформаның өз сөздері
# (беттің тақырыбы, жауаптың басы) ол жіберген күйінде қалады.

## `fetch news --probe`: әр дереккөздің есебі
govkz-probe-bodies-read = органдар тізімі: оқылды, органдар — { $n }
govkz-probe-bodies-not-read = органдар тізімі: ОҚЫЛМАДЫ: { $why }
govkz-probe-refused = бас тартты: { $why }
govkz-probe-not-placed = танылмады: { $why }
govkz-probe-no-content-type = мазмұн түрі жоқ
govkz-probe-source = { $slug } { $source }: { $url } → HTTP { $status }, { $type } (мұрағаттағы ығысу { $offset })
govkz-probe-dates = , ең жаңасы { $newest }, ең ескісі { $oldest }
govkz-probe-read = оқылған жазбалар: { $n }{ $dates }
govkz-probe-missing = күтілген өрістер табылмады: { $fields }
govkz-probe-archive = мұрағат: { $archive } (ештеңе жүктелмеді)
govkz-probe-can-read = кемінде бір дереккөз толық оқылды: `fetch news` бұл органды оқи алады
govkz-probe-cannot-read = бірде-бір дереккөз оқылмады: `fetch news` одан ештеңе жүктемейді; оны кейінірек немесе басқа желіден іске қосыңыз, не жарияланымдар CSV файлын жүктеңіз
govkz-probe-none-read = { $bodies } үшін gov.kz-тің бірде-бір дереккөзі толық оқылмады: жоғарыны қараңыз

## `fetch news` және `fetch directory`: іске қосу жолдары
govkz-resumed = { $archives } ішіндегі тоқтаған іске қосу жалғасуда: онда оқылған органдар ({ $n }) қайта сұралмайды
govkz-news-estimate = { $site }: оқылатын органдар — { $n }, сұрауына { $gap } с: шамамен { $time }
govkz-directory-estimate = { $site }: органдар — { $n }, олардың лауазымды тұлғалары сұрауына { $gap } с есебімен оқылады: шамамен { $time }
govkz-source-refused = { $source } бас тартты ({ $why })
govkz-newest = , ең жаңасы { $date }
govkz-news-summary = { $slug } ({ $name }): { $source } арқылы оқылды: беттер — { $pages }, жазбалар — { $items }{ $newest }; сұраулар — { $requests }
govkz-news-not-read = { $slug } ({ $name }): ОҚЫЛМАДЫ: { $refusals }
govkz-not-read = { $of } органның { $n } оқылмады (бірде-бір дереккөз жауап бермеді, жоғарыны қараңыз): { $bodies }; олардан ештеңе жүктелмеді, және `report silence` оларды оқылмаған деп көрсетеді. Сол команданы кейінірек немесе басқа желіден іске қосыңыз, не олардың сайттарынан терілген жарияланымдар CSV файлын жүктеңіз. Мұрағат: { $archive }
govkz-news-changed = { $url } ({ $slug } органының { $source } жаңалықтары, { $file } мұрағатында, ығысуы { $offset }): { $why }. Платформа жауаптарының пішіні өзгерген, appeal-audit оларды сенімді оқи алмайды: ештеңе жүктелмеді. `appeal-audit fetch news --probe { $slug }` іске қосып, оның нәтижесі мен мұрағатын appeal-audit әзірлеушілеріне жіберіңіз
govkz-officials-changed = { $url } ({ $slug } органының лауазымды тұлғалары, { $file } мұрағатында, ығысуы { $offset }): { $why }. Платформа жауаптарының пішіні өзгерген, appeal-audit оларды сенімді оқи алмайды: ештеңе жүктелмеді; мұрағатты appeal-audit әзірлеушілеріне жіберіңіз
govkz-directory-summary = органдар — { $bodies }, оқылған лауазымды тұлғалар — { $officials }; мұрағат { $archive }
govkz-officials-refused = { $slug } органының лауазымды тұлғалары ({ $url }): { $why }: бұл орган органдар тізімінен (атаулары, жоғары тұрған органы, басшысы) оларсыз жүктелді; олар үшін сол команданы кейінірек іске қосыңыз
govkz-bodies-not-read = { $url } (органдар тізімі, { $lang } тілінде; { $file } мұрағатында, ығысуы { $offset }): { $why }. Онсыз бірде-бір органды сенімді атау мүмкін емес, сондықтан ештеңе жүктелмеді: сол команданы кейінірек немесе басқа желіден іске қосыңыз, не органдардың сайттарынан терілген жарияланымдар CSV файлын жүктеңіз

## `import pages` ішіндегі gov.kz жауаптары
govkz-answer-unreadable = { $url } ({ $file }, ығысу { $offset }): { $why }. appeal-audit gov.kz-тің бұл жауабын сенімді оқи алмайды, сондықтан ештеңе жүктелмеді; мұрағатқа `appeal-audit import pages --probe` іске қосып, нәтижесін appeal-audit әзірлеушілеріне жіберіңіз
govkz-no-russian-name = gov.kz органы { $slug }: оның орысша атауы бұл мұрағаттарда да (органдар тізімінде), анықтамалықта да жоқ, ал оның жарияланымдары осы атаумен сақталады; оны толық оқыған іске қосудың мұрағатын жүктеңіз немесе алдымен `appeal-audit fetch directory { $slug }` іске қосыңыз

## Атау, slug не мекенжай қай органды атайды
resolve-none-given = орган берілмеді: оның slug атауын, gov.kz мекенжайын немесе платформа жазғандай атауын беріңіз
resolve-empty-list = { $given } ізделмейді: платформаның органдар тізімі бос; оны қайта жүктеңіз немесе жүктеу үшін жарияланымдар CSV файлын беріңіз
resolve-not-listed = { $given } { $slug } органын атайды, ол платформаның органдар тізімінде жоқ (атауы өзгерген бе?). { $close }
resolve-no-such-body = www.gov.kz сайтында { $given } деп аталатын орган жоқ. { $close }
resolve-several = { $given } деп аталатын органдар бірнешеу ({ $n }): { $bodies }. Керектісінің slug атауын беріңіз.
resolve-not-an-address = { $given } www.gov.kz сайтындағы органның мекенжайы емес: https://www.gov.kz/memleket/entities/zhetysu-oblysy сияқты мекенжайды не органның slug атауын немесе атауын беріңіз
resolve-nothing-close = Бірде-бір атауда немесе slug ішінде берілген сөздер жоқ. Органның slug атауын, мекенжайын (https://www.gov.kz/memleket/entities/SLUG) немесе платформа орысша, қазақша не ағылшынша жазғандай дәл атауын беріңіз.
resolve-close = Ұқсастары: { $bodies }. Органның slug атауын, мекенжайын (https://www.gov.kz/memleket/entities/SLUG) немесе платформа орысша, қазақша не ағылшынша жазғандай дәл атауын беріңіз.
