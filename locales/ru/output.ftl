# Что запись результатов сообщает в stderr: индикаторы хода работы, строка после выгрузки или
# man-страниц, копия для публикации и почему файл не может принять вывод.

bar-exporting-appeals = выгрузка обращений
bar-exporting-posts = выгрузка публикаций
bar-reclassifying = повторная классификация сохранённых обращений
export-written = { $n } { $n ->
    [one] запись записана
    [few] записи записаны
   *[many] записей записано
} в { $path }
man-written = { $n } { $n ->
    [one] man-страница записана
    [few] man-страницы записаны
   *[many] man-страниц записано
} в { $dir }
publish-written = { $path } записан (только для чтения){ $authors }{ $texts }, вместе с { $metadata }: заполните в нём источник и лицензию, затем опубликуйте командой datasette serve --immutable { $path } --metadata { $metadata }
publish-with-authors = , с авторами
publish-without-authors = , без авторов
publish-texts-raw = , тексты как собраны
publish-texts-redacted = , тексты замаскированы
publish-warn-authors = --include-authors: в копии названы граждане, написавшие каждое обращение (персональные данные); не публикуйте её без законного основания
publish-warn-raw-texts = --raw-texts: в текстах остаются все ИИН, номера телефонов, адреса почты, номера карт и счетов, которые туда написали авторы; не публикуйте их
output-folder = не удаётся записать в { $dir }: проверьте папку в --output
output-dir = { $what }: проверьте --output-dir
partition-exists = { $path } уже существует: выгрузка по разделам создаёт новую папку; укажите другой --output или уберите старую папку
html-only-reports = --format html делает страницу отчёта с диаграммами: используйте его с report routing, forwards, silence, changes или weekly либо с audit
xlsx-too-many-rows = лист xlsx вмещает не больше { $max } строк: сузьте выборку (--since, --until, --addressee) или укажите --format csv или parquet
xlsx-cell-too-long = строка { $row }, столбец { $column }: символов { $chars }, больше { $max }, которые вмещает ячейка xlsx: для этих данных укажите --format csv, jsonl или parquet
xlsx-too-many-columns = лист xlsx вмещает не больше 16 384 столбцов: выберите меньше через --columns
