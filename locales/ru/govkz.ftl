# gov.kz: `fetch news`, `fetch directory` и их проба; строки запуска, его остановки и отказы,
# и почему ответ платформы не прочитан. Слова самой платформы (заголовок страницы, начало
# ответа) остаются такими, какими она их прислала.

## `fetch news --probe`: отчёт о каждом источнике
govkz-probe-bodies-read = список госорганов: прочитан, госорганов — { $n }
govkz-probe-bodies-not-read = список госорганов: НЕ ПРОЧИТАН: { $why }
govkz-probe-refused = отказ: { $why }
govkz-probe-not-placed = не распознано: { $why }
govkz-probe-no-content-type = без типа содержимого
govkz-probe-source = { $slug } { $source }: { $url } → HTTP { $status }, { $type } (смещение в архиве { $offset })
govkz-probe-dates = , самая новая { $newest }, самая старая { $oldest }
govkz-probe-read = прочитано записей: { $n }{ $dates }
govkz-probe-missing = ожидаемые поля не найдены: { $fields }
govkz-probe-archive = архив: { $archive } (ничего не загружено)
govkz-probe-can-read = хотя бы один источник прочитан целиком: `fetch news` может прочитать этот госорган
govkz-probe-cannot-read = ни один источник не прочитан: `fetch news` ничего из него не загрузит; запустите его позже или из другой сети либо загрузите CSV с публикациями
govkz-probe-none-read = ни один источник gov.kz не прочитан целиком для { $bodies }: см. выше

## `fetch news` и `fetch directory`: строки запуска
govkz-resumed = продолжаем остановленный запуск в { $archives }: госорганы, прочитанные там ({ $n }), снова не запрашиваются
govkz-news-estimate = { $site }: прочитать госорганов — { $n }, по { $gap } с на запрос: примерно { $time }
govkz-directory-estimate = { $site }: госорганов — { $n }, прочитать их должностных лиц по { $gap } с на запрос: примерно { $time }
govkz-source-refused = { $source } отказал ({ $why })
govkz-newest = , самая новая { $date }
govkz-news-summary = { $slug } ({ $name }): прочитан через { $source }: страниц — { $pages }, записей — { $items }{ $newest }; запросов — { $requests }
govkz-news-not-read = { $slug } ({ $name }): НЕ ПРОЧИТАН: { $refusals }
govkz-not-read = не удалось прочитать { $n } из { $of } госорганов (ни один источник не ответил, см. выше): { $bodies }; ничего из них не загружено, и `report silence` показывает их как непрочитанные. Запустите ту же команду позже или из другой сети либо загрузите CSV с публикациями, набранными с их сайтов. Архив: { $archive }
govkz-news-changed = { $url } (новости { $source } госоргана { $slug }, в архиве { $file } со смещением { $offset }): { $why }. Ответы платформы изменили форму, и appeal-audit не может надёжно их прочитать: ничего не загружено. Запустите `appeal-audit fetch news --probe { $slug }` и пришлите его вывод и архив разработчикам appeal-audit
govkz-officials-changed = { $url } (должностные лица госоргана { $slug }, в архиве { $file } со смещением { $offset }): { $why }. Ответы платформы изменили форму, и appeal-audit не может надёжно их прочитать: ничего не загружено; пришлите архив разработчикам appeal-audit
govkz-directory-summary = госорганов — { $bodies }, прочитано должностных лиц — { $officials }; архив { $archive }
govkz-officials-refused = должностные лица госоргана { $slug } ({ $url }): { $why }: этот госорган загружен из списка госорганов (названия, вышестоящий орган, руководитель) без них; запустите ту же команду для них позже
govkz-bodies-not-read = { $url } (список госорганов на языке { $lang }; в архиве { $file } со смещением { $offset }): { $why }. Без него ни один госорган нельзя назвать наверняка, поэтому ничего не загружено: запустите ту же команду позже или из другой сети либо загрузите CSV с публикациями, набранными с сайтов госорганов

## Ответы gov.kz в `import pages`
govkz-answer-unreadable = { $url } (в { $file }, смещение { $offset }): { $why }. appeal-audit не может надёжно прочитать этот ответ gov.kz, поэтому ничего не загружено; запустите `appeal-audit import pages --probe` на этом архиве и пришлите вывод разработчикам appeal-audit
govkz-no-russian-name = госорган gov.kz { $slug }: его русского названия нет ни в этих архивах (в списке госорганов), ни в справочнике, а его публикации хранятся под этим названием; загрузите архив запуска, который прочитал его целиком, или сначала запустите `appeal-audit fetch directory { $slug }`

## Какой госорган назван именем, slug или адресом
resolve-none-given = госорган не указан: укажите его slug, адрес на gov.kz или название, как его пишет платформа
resolve-empty-list = { $given } не найти: список госорганов платформы пуст; загрузите его снова или укажите CSV с публикациями для загрузки
resolve-not-listed = { $given } называет госорган { $slug }, которого нет в списке госорганов платформы (переименован?). { $close }
resolve-no-such-body = на www.gov.kz нет госоргана с названием { $given }. { $close }
resolve-several = госорганов с названием { $given } несколько ({ $n }): { $bodies }. Укажите slug нужного.
resolve-not-an-address = { $given } — не адрес госоргана на www.gov.kz: укажите адрес вроде https://www.gov.kz/memleket/entities/zhetysu-oblysy либо slug или название госоргана
resolve-nothing-close = Ни в одном названии или slug нет указанных слов. Укажите slug госоргана, его адрес (https://www.gov.kz/memleket/entities/SLUG) или название точно так, как его пишет платформа по-русски, по-казахски или по-английски.
resolve-close = Похожие: { $bodies }. Укажите slug госоргана, его адрес (https://www.gov.kz/memleket/entities/SLUG) или название точно так, как его пишет платформа по-русски, по-казахски или по-английски.
