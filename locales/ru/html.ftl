# Слова HTML-страниц: заголовки, подписи, легенды, текстовые альтернативы и рамка страницы.

html-route-personal = лично
html-route-forwarded = перенаправлено
html-route-unanswered = без ответа
html-route-unknown = автор ответа неизвестен
html-route-rejected = отклонено
html-share = { $share } (95-процентный интервал: { $low }–{ $high })
html-submitted = Обращения, поданные { $period }
html-submitted-from = Обращения, поданные начиная с { $date }
html-submitted-until = Обращения, поданные по { $date }
html-submitted-all = Все сохранённые обращения
html-to-addressee = { $what }; адресат: { $name }
html-scrapes = Сбор данных { $period }
html-scrapes-from = Сбор данных начиная с { $date }
html-scrapes-until = Сбор данных по { $date }
html-scrapes-all = Все сохранённые сборы данных
html-title-routing = Как должностные лица отвечают на обращения граждан
html-title-forwards = Куда перенаправлены обращения
html-title-silence = Сколько дней госорганы ничего не публиковали
html-silence-what = Все записи справочника и все авторы публикаций
html-title-changes = Что изменилось в блогах
html-title-audit = Обращения к должностным лицам: кто ответил, кто перенаправил, кто молчит
html-meta = { $what }; данные на { $date }
html-footer = Доли считаются от числа обращений к каждому должностному лицу, с 95-процентными доверительными интервалами Уилсона. Подготовлено с помощью appeal-audit { $version }.
html-changes-chart = Изменения в блогах между сборами данных, по видам
html-changes-caption = { $period }; данные на { $date }; n = { $n }.
html-changes-none-alt = В этих сборах данных изменений не обнаружено.
html-changes-alt = Изменений: { $n }; по видам: { $list }.
html-changes-none = Изменений нет.
html-changes-h = Изменения между сборами данных
html-changes-table = Изменения, по одному в строке
html-brief = Коротко
html-compared = { $what }; для сравнения — { $before }
html-routing-chart = Как ответили на обращения к каждому должностному лицу
html-routing-caption = { $period }; данные на { $date }; n = { $n } { $n ->
    [one] обращение
    [few] обращения
   *[many] обращений
}, должностных лиц: { $officials }.
html-interval-key = 95-процентный интервал доли личных ответов
html-routing-none = За этот период обращений нет.
html-few = { " · " }мало обращений
html-personal-share = лично { $share }
html-routing-table = Ответы по должностным лицам (доли в %, нижняя и верхняя границы 95-процентного интервала Уилсона)
html-routing-alt = { $name }: { $n } { $n ->
    [one] обращение
    [few] обращения
   *[many] обращений
}; { $counts }; доля личных ответов { $share }.
html-top = { " " }({ $k } { $k ->
    [one] главный адресат
    [few] главных адресата
   *[many] главных адресатов
} перенаправления у каждого должностного лица)
html-forwards-chart = Куда перенаправлены обращения к каждому должностному лицу{ $which }
html-forwards-caption = { $period }; данные на { $date }; n = { $n } перенаправленных обращений, должностных лиц: { $officials }.
html-forwarded-n = { " · " }перенаправлено { $n }
html-forwarded-listed = , из них { $listed } — адресатам ниже
html-key-target = перенаправлено этому адресату
html-key-no-target = неизвестно куда: адресат не указан
html-forwards-none = За этот период ни одно обращение не перенаправлено.
html-forwards-table = Перенаправленные обращения по должностным лицам и адресатам («неизвестно куда» — адресат не указан)
html-reposts-not-counted = { " " }(без репостов)
html-silence-chart = Сколько дней госорганы и должностные лица ничего не публиковали
html-silence-caption = Публикации по { $date }{ $reposts }; данные на { $date }; «молчит» — больше { $days } дн. без публикаций; n = { $n }.
html-silence-alt = { $name }: { $days } дн. с последней публикации ({ $status }).
html-never-alt = { $name }: ни одной публикации.
html-stale-after = «молчит» после { $days } дн.
html-official = { " " }(должностное лицо)
html-days-status = { $days } дн. · { $status }
html-never = ни одной публикации
html-not-read = не прочитан { $date }
html-not-read-alt = { $name }: не прочитан: { $date } gov.kz отказал во всех источниках, поэтому неизвестно, что он публиковал с тех пор.
html-key-not-read = не прочитан: при последней загрузке gov.kz отказал во всех источниках
html-key-threshold = порог молчания
html-silence-h = Молчание на { $date }
html-silence-table = Молчание по госорганам и должностным лицам
html-trend-caption = { $what }; недель: { $weeks }; данные на { $date }; n = { $n } { $n ->
    [one] обращение
    [few] обращения
   *[many] обращений
}.
html-trend-chart = Обращения по неделям: как на них ответили
html-trend-alt = { $week }: { $n } { $n ->
    [one] обращение
    [few] обращения
   *[many] обращений
} ({ $counts }).
html-share-chart = Доля личных ответов по неделям, с 95-процентным интервалом
html-share-alt = { $week }: { $share }, n = { $n }.
html-key-share = доля личных ответов
html-key-interval = 95-процентный интервал
html-trend-h = Последние { $weeks } { $weeks ->
    [one] неделя
    [few] недели
   *[many] недель
}
html-trend-table = Все должностные лица вместе, по неделям
html-change-caption = Каждый показатель за этот период с изменением и показатель за предыдущий период
html-before = было
