# HTML беттерінің сөздері: тақырыптар, жазулар, шартты белгілер, мәтіндік баламалар және бет жиектемесі.

html-route-personal = жеке жауап
html-route-forwarded = жолданды
html-route-unanswered = жауапсыз
html-route-unknown = жауап авторы белгісіз
html-route-rejected = қабылданбады
html-share = { $share } (95 пайыздық аралық: { $low }–{ $high })
html-submitted = { $period } аралығында берілген өтініштер
html-submitted-from = Берілген күні { $date } немесе одан кейінгі өтініштер
html-submitted-until = Берілген күні { $date } немесе одан бұрынғы өтініштер
html-submitted-all = Сақталған барлық өтініштер
html-to-addressee = { $what }; адресат: { $name }
html-scrapes = { $period } аралығында жиналған деректер
html-scrapes-from = Жиналған күні { $date } немесе одан кейінгі деректер
html-scrapes-until = Жиналған күні { $date } немесе одан бұрынғы деректер
html-scrapes-all = Сақталған барлық деректер жинағы
html-title-routing = Лауазымды тұлғалар азаматтардың өтініштеріне қалай жауап береді
html-title-forwards = Өтініштер қайда жолданды
html-title-silence = Мемлекеттік органдар қанша күн бойы ештеңе жарияламады
html-silence-what = Анықтамалықтағы барлық жазба және жарияланымдардың барлық авторы
html-title-changes = Блогтарда не өзгерді
html-title-audit = Лауазымды тұлғаларға өтініштер: кім жауап берді, кімнің өтініштері жолданды, кім үнсіз
html-meta = { $what }. Деректер күні: { $date }.
html-footer = Үлестер әр лауазымды тұлғаға түскен өтініштер санынан есептелген, Уилсонның 95 пайыздық сенімділік аралықтарымен. appeal-audit { $version } көмегімен дайындалды.
html-changes-chart = Деректер жинақтары арасындағы блогтардағы өзгерістер, түрі бойынша
html-changes-caption = { $period }; деректер күні: { $date }; n = { $n }.
html-changes-none-alt = Бұл деректер жинақтарында өзгеріс байқалмады.
html-changes-alt = Өзгерістер саны: { $n }; түрі бойынша: { $list }.
html-changes-none = Өзгеріс жоқ.
html-changes-h = Деректер жинақтары арасындағы өзгерістер
html-changes-table = Өзгерістер, әр жолда біреуден
html-brief = Қысқаша
html-compared = { $what }; салыстыру үшін — { $before }
html-routing-chart = Әр лауазымды тұлғаның өтініштеріне қалай жауап берілді
html-routing-caption = { $period }; деректер күні: { $date }; n = { $n } өтініш, лауазымды тұлғалар саны: { $officials }.
html-interval-key = жеке жауап үлесінің 95 пайыздық аралығы
html-routing-none = Бұл кезеңде өтініш жоқ.
html-few = { " · " }өтініш аз
html-personal-share = жеке жауап { $share }
html-routing-table = Лауазымды тұлғалар бойынша жауаптар (үлестер %-бен, Уилсонның 95 пайыздық аралығының төменгі және жоғарғы шегі)
html-routing-alt = { $name }: { $n } өтініш; { $counts }; жеке жауап үлесі { $share }.
html-top = { " " }(әр лауазымды тұлғаның ең көп жолданған { $k } адресаты)
html-forwards-chart = Әр лауазымды тұлғаның өтініштері қайда жолданды{ $which }
html-forwards-caption = { $period }; деректер күні: { $date }; n = { $n } жолданған өтініш, лауазымды тұлғалар саны: { $officials }.
html-forwarded-n = { " · " }{ $n } жолданды
html-forwarded-listed = , оның { $listed } төмендегі адресаттарға
html-key-target = осы адресатқа жолданды
html-key-no-target = қайда екені белгісіз: адресат көрсетілмеген
html-forwards-none = Бұл кезеңде ешбір өтініш жолданбаған.
html-forwards-table = Лауазымды тұлғалар мен адресаттар бойынша жолданған өтініштер («қайда екені белгісіз» — адресат көрсетілмеген)
html-reposts-not-counted = { " " }(репосттарсыз)
html-silence-chart = Мемлекеттік органдар мен лауазымды тұлғалар қанша күн бойы ештеңе жарияламады
html-silence-caption = Деректер күніне дейінгі жарияланымдар{ $reposts }; деректер күні: { $date }; жарияланымсыз { $days } күннен асса — «үнсіз»; n = { $n }.
html-silence-alt = { $name }: соңғы жарияланымнан бері { $days } күн ({ $status }).
html-never-alt = { $name }: бірде-бір жарияланым жоқ.
html-stale-after = { $days } күннен кейін «үнсіз»
html-official = { " " }(лауазымды тұлға)
html-days-status = { $days } күн · { $status }
html-never = бірде-бір жарияланым жоқ
html-not-read = { $date } оқылмады
html-not-read-alt = { $name }: оқылмады: { $date } gov.kz барлық дереккөзден бас тартты, сондықтан содан бергі жарияланымдары белгісіз.
html-key-not-read = оқылмады: соңғы жүктеуде gov.kz барлық дереккөзден бас тартты
html-key-threshold = үнсіздік шегі
html-silence-h = Үнсіздік, { $date }
html-silence-table = Мемлекеттік органдар мен лауазымды тұлғалар бойынша үнсіздік
html-trend-caption = { $what }; апта саны: { $weeks }; деректер күні: { $date }; n = { $n } өтініш.
html-trend-chart = Апта сайынғы өтініштер: оларға қалай жауап берілді
html-trend-alt = { $week }: { $n } өтініш ({ $counts }).
html-share-chart = Апта сайынғы жеке жауап үлесі, 95 пайыздық аралығымен
html-share-alt = { $week }: { $share }, n = { $n }.
html-key-share = жеке жауап үлесі
html-key-interval = 95 пайыздық аралық
html-trend-h = Соңғы { $weeks } апта
html-trend-table = Барлық лауазымды тұлғалар бірге, апта бойынша
html-change-caption = Осы кезеңдегі әр көрсеткіш өзгерісімен және алдыңғы кезеңдегі көрсеткіш
html-before = бұрын
