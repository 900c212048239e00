# Слова отчётов по-русски: заголовки столбцов таблиц и Markdown, слова в ячейках, заголовки
# разделов. Термины — по глоссарию (locales/glossary.tsv).

## Столбцы

col-addressee = Адресат
col-appeals = Обращения
col-personal = Лично
col-forwarded = Перенаправлено
col-unanswered = Без ответа
col-unknown = Автор ответа неизвестен
col-rejected = Отклонено
col-personal_pct = Лично, %
col-forwarded_pct = Перенаправлено, %
col-answered_pct = С ответом, %
col-median_days_to_answer = Медиана дней до ответа
col-overdue = Просрочено
col-personal_pct_low = Лично, % (нижняя граница)
col-personal_pct_high = Лично, % (верхняя граница)
col-forwarded_pct_low = Перенаправлено, % (нижняя граница)
col-forwarded_pct_high = Перенаправлено, % (верхняя граница)
col-unsatisfied = Не удовлетворены ответом
col-vanished = Исчезли с блога
col-note = Примечание
col-forwarded_to = Куда перенаправлено
col-name = Наименование
col-kind = Тип
col-last_post = Последняя публикация
col-days_since = Дней без публикаций
col-posts_30d = Публикаций за 30 дней
col-status = Статус
col-reposts_30d = Репостов за 30 дней
col-last_attempt = Последняя попытка чтения
col-scraped_at = Дата сбора
col-source = Источник
col-id = ID
col-change = Изменение
col-before = Было
col-after = Стало
col-appeals_before = Обращения (до)
col-personal_before = Лично (до)
col-forwarded_before = Перенаправлено (до)
col-unanswered_before = Без ответа (до)
col-overdue_before = Просрочено (до)
col-week = Неделя
col-since = С
col-until = По
col-records = Записей
col-first = Первая дата
col-last = Последняя дата
col-route = Маршрут
col-import_id = № загрузки
col-file = Файл
col-size = Размер
col-sha256 = SHA-256
col-started_at = Начало
col-read = Прочитано
col-inserted = Добавлено
col-updated = Обновлено
col-unchanged = Без изменений
col-phrase = Фраза
col-origin = Откуда
col-submitted_at = Дата подачи
col-addressee_position = Должность адресата
col-category = Тема
col-title = Заголовок
col-text = Текст
col-author = Автор
col-answered_at = Дата ответа
col-answered_by = Автор ответа
col-answer_text = Текст ответа
col-url = Адрес
col-rating = Оценка
col-route_reason = Основание маршрута
col-days_to_answer = Дней до ответа
col-due_date = Срок ответа
col-first_seen = Впервые замечено
col-last_seen = Последний раз замечено
col-source_file = Файл
col-source_line = Строка
col-source_offset = Смещение в WARC
col-source_url = Адрес страницы
col-official = Адресат по справочнику
col-route_target = Адресат перенаправления по справочнику
col-answered = Есть ответ
col-department = Ведомство
col-published_at = Дата публикации
col-channel = Канал
col-repost = Репост
col-publisher = Публикатор по справочнику
col-current = Текущая версия
col-position = Должность
col-parent = Вышестоящий орган
col-aliases = Другие названия

## Слова в ячейках

value-note-few = мало данных
value-status-ok = публикует
value-status-stale = молчит
value-status-never = ни одной публикации
value-status-not_read = не прочитан
value-kind-official = должностное лицо
value-kind-department = госорган
value-kind-appeals = обращения
value-kind-posts = публикации
value-kind-directory = справочник
value-target-unknown = неизвестно куда
value-route-personal = лично
value-route-forwarded = перенаправлено
value-route-unanswered = без ответа
value-route-unknown = автор ответа неизвестен
value-route-rejected = отклонено
value-change-new = новое
value-change-answered = получен ответ
value-change-answer_edited = ответ изменён
value-change-answerer_changed = сменился автор ответа
value-change-status_changed = сменился статус
value-change-route_changed = сменился маршрут
value-change-vanished = исчезло
value-change-reappeared = появилось снова

## Заголовки

title-routing = Кто и как ответил на обращения
title-forwards = Куда перенаправлены обращения
title-silence = Молчание госорганов и должностных лиц
title-change = По сравнению с предыдущим периодом
title-records = Записи
title-routes = Маршруты
title-imports = Загрузки
titled-as-of = { $title } (на { $date })
database = База данных: { $path }
no-rows = (нет строк)
period-line = Период: { $period }

## Строки в stderr

silent-summary = Молчат или ни разу не публиковали: { $silent } из { $listed }

## Еженедельная сводка

summary-head = { $name }: поступило { $n } { $n ->
    [one] обращение
    [few] обращения
   *[many] обращений
}; { $personal ->
    [0] лично не ответил ни на одно
   *[other] лично ответили на { $personal }{ $personal_share }
}, перенаправлено { $forwarded }{ $forwarded_share }, без ответа { $unanswered }
summary-unknown = , автор ответа неизвестен — { $n }
summary-rejected = , отклонено { $n }
summary-tail = ; просрочено { $n }.
weekly-title-week = Обращения к должностным лицам: неделя { $week }, { $period }
weekly-title = Обращения к должностным лицам: { $period }
weekly-as-of = Данные на { $date }
weekly-none = За этот период обращений не поступало.
weekly-h-routing = Как ответили на обращения
weekly-h-change = По сравнению с предыдущим периодом ({ $period })
weekly-seen = Сбор данных с блогов за этот период показал: { $list }.
weekly-h-forwards = Куда перенаправлены обращения
weekly-no-forwards = Ни одно обращение, поданное за этот период, не было перенаправлено.
weekly-h-silence = Молчание госорганов и должностных лиц на { $date }
weekly-h-method = Методика
weekly-files = Файлы:
weekly-file = { $file } ({ $kind }, записей: { $records }, SHA-256 { $sha })
weekly-made = Подготовлено с помощью appeal-audit { $version }.
method-period = Период: обращения, поданные { $period } включительно, в сравнении с периодом { $before }
method-as-of = Данные на { $date }: обращение, оставшееся к этой дате без ответа, считается просроченным, если срок его рассмотрения истёк.
method-deadline = Срок рассмотрения: { $rule }.
method-routes = Лично: первый ответ подписан самим должностным лицом (по фамилии, инициалам, другому написанию имени или по должности). Перенаправлено: обращение передано в другой орган, либо первый ответ подписан другим лицом или в нём сказано, что обращение направлено по компетенции. Без ответа: ответа на странице нет. Автор неизвестен: в ответе не указан автор. Отклонено: орган отказал в рассмотрении.
method-shares = Доли считаются от числа обращений к каждому должностному лицу, с 95-процентными доверительными интервалами Уилсона (E. B. Wilson, 1927).
method-silence = Молчание: число дней от последней публикации госоргана до { $date }; «молчит» — если порог превышен, «ни одной публикации» — если публикаций нет; «не прочитан» — если при последней загрузке gov.kz отказал во всех источниках.
deadline-law = по закону, действовавшему на день подачи: 15 календарных дней до 1 июля 2021 года (Закон № 221 от 12 января 2007 года «О порядке рассмотрения обращений физических и юридических лиц»), 15 рабочих дней с этой даты (Административный процедурно-процессуальный кодекс, ст. 76); { $calendar }
deadline-days = { $n } рабочих дней со дня подачи (--deadline-days); { $calendar }
calendar-kz = рабочие дни Казахстана (без выходных, праздников и дней отдыха, перенесённых постановлениями правительства)
calendar-mon-fri = рабочие дни с понедельника по пятницу, праздники не учитываются

# Строка под таблицей, подогнанной к терминалу: что не показано и что сокращено.
note-left-out = Ещё { $n } { $n ->
    [one] столбец
    [few] столбца
   *[many] столбцов
}: { $columns }. --wide покажет все столбцы
note-left-out-pickable = Ещё { $n } { $n ->
    [one] столбец
    [few] столбца
   *[many] столбцов
}: { $columns }. --wide покажет все столбцы, --columns a,b,c — только названные
note-shortened = имена сокращены до инициалов (полностью — в --format md или csv)

## `show`: поля, которые есть только на странице одного обращения, и её заголовки
col-answers = Ответы
col-as_written = Как записано в источнике
col-extra = Другие поля источника
col-import_file = Файл загрузки
col-imported_at = Загружено
col-as_of = Дата отчёта
show-versions = Версии (сначала самая ранняя выгрузка)
show-changes = Изменения
show-yes = да
show-no = нет
