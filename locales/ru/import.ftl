# Строки загрузки для людей в stderr: итог по каждому файлу и самые частые ошибки.

import-summary = { $file }: прочитано { $read }, добавлено { $inserted }, обновлено { $updated }, без изменений { $unchanged }, отклонено { $rejected }
import-pages-blog = блог { $blog }: прочитано страниц: { $pages }, адресат { $addressee }
import-record-error = { $file }, { $place }: { $problem }. Исправьте запись (или укажите --skip-invalid, чтобы загрузить остальные { $kind })
import-in-column = {" "}в столбце «{ $column }»
import-header-missing = { $file }, строка 1 (заголовок): нет столбца для { $fields }, поэтому ни одну запись со строки 2 прочитать нельзя. В заголовке есть: { $columns }. Назовите столбец { $names } (регистр не важен) или сопоставьте свой через --map { $field }=СТОЛБЕЦ
import-line = строка { $line }
import-json-record = запись { $number } (заканчивается на строке { $line })
import-nothing = Ничего не загружено: база данных осталась такой же, как до этой команды.
reason-missing = обязательно (записи: { $kind }), а столбца для него в записи нет: назовите столбец { $names } (регистр не важен) или сопоставьте свой через --map { $field }=СТОЛБЕЦ
record-field-value = поле { $field }, значение { $value }{ $column }: { $reason }
record-field = поле { $field }: { $reason }
import-in-key = {" "}в ключе «{ $column }»
reason-empty = обязательно (записи: { $kind }), но пусто
reason-missing-key = обязательно (записи: { $kind }), а ключа для него в записи нет: назовите ключ { $names } (регистр не важен) или сопоставьте свой через --map { $field }=КЛЮЧ
reason-not-a-bool = нужно true или false (можно да/нет, иә/жоқ, yes/no, 1/0)
reason-not-an-entry-kind = вид записи — official (должностное лицо) или department (госорган)
cannot-open = не удаётся открыть { $path }: проверьте путь
# The word before every error message: appeal-audit: error: ...
error-word = ошибка
import-vanished = { $file }: { $n } { $n ->
    [one] обращение из прошлых выгрузок отсутствует
    [few] обращения из прошлых выгрузок отсутствуют
   *[many] обращений из прошлых выгрузок отсутствуют
} в этом полном снимке: отмечены как исчезнувшие
import-reclassified = по новому справочнику или фразам заново классифицировано { $n } { $n ->
    [one] сохранённое обращение
    [few] сохранённых обращения
   *[many] сохранённых обращений
}

# Почему текст не дата (records.md «Dates»): в ошибке загрузки, после --as-of, --since…
date-empty = пусто
date-too-long = это не дата (слишком длинный текст)
date-not-a-date = это не дата
date-ambiguous = непонятно, где день, а где месяц: напишите 03.10.2022 или 2022-10-03 либо укажите --date-format
date-no-year = нет года
date-unknown-month = неизвестный месяц { $month }
date-short-year = это не дата: в годе нужны четыре цифры, например 03.10.2022
date-year-out-of-range = год { $year } вне допустимых пределов ({ $first }–{ $last }): проверьте дату
date-no-such-day = такого дня нет
date-not-a-time = это не время: { $time }
date-no-such-time = нет такого времени { $time }: часы от 0 до 23, минуты и секунды от 0 до 59
date-bad-offset = это не дата: неверный часовой пояс { $offset }
date-mismatch = не подходит под шаблон --date-format: { $detail }
date-mismatch-out-of-range = значение вне допустимых пределов
date-mismatch-impossible = такой даты и времени не бывает
date-mismatch-not-enough = данных мало, чтобы однозначно определить дату и время
date-mismatch-invalid = в значении есть недопустимые символы
date-mismatch-too-short = значение кончилось раньше шаблона
date-mismatch-too-long = после даты лишний текст
date-mismatch-bad-format = шаблон неверен или не поддерживается
date-mismatch-other = значение по нему не прочитать
date-with-pattern = { $reason } (--date-format { $pattern })

import-rejected = отклонено: { $file }, строка { $line }: { $problem }
import-rejected-more = … и ещё { $n } { $n ->
    [one] отклонённая запись
    [few] отклонённые записи
   *[many] отклонённых записей
} (укажите --rejects ФАЙЛ, чтобы получить их все)
import-rejected-more-in = … и ещё { $n } { $n ->
    [one] отклонённая запись
    [few] отклонённые записи
   *[many] отклонённых записей
} (все в { $path })
import-no-records = в { $file } нет записей (только заголовок?): из него ничего не загружено
import-page-error = { $url } (в { $file }{ $place }), карточка { $card }: { $problem }. На странице есть значение, которое appeal-audit не может прочитать: проверьте карточку на странице ({ $look })
import-page-offset = , запись по смещению { $offset }
import-page-open = откройте файл
import-page-extract = её покажет `warcio extract { $file } { $offset }`

# Файл, который не читается как записи: его кодировка, байты, CSV или JSON.
file-empty = { $file } пуст: загружать нечего (ожидалась строка заголовка или JSON)
file-encoding-unknown = { $file }: не удаётся определить кодировку
file-binary = { $file } похож на двоичный файл (в нём есть байты NUL), а не на CSV, JSON или JSON Lines: проверьте, тот ли это файл выгрузки
file-nul = строка { $line }: байт NUL, которого в тексте не бывает: файл повреждён или двоичный; проверьте, тот ли это файл выгрузки
file-unclosed-quote = { $file }, строка { $line }: кавычка поля, открытая в этой строке, нигде не закрыта, и весь остаток файла прочитался бы как одно поле: закройте кавычку или удвойте кавычку внутри поля в кавычках ("")
file-invalid-utf8-at = { $file }, строка { $line }: неверный UTF-8 в поле { $field } (байт { $byte } в записи со смещения { $offset }): файл не в той кодировке, в какой кажется; исправьте этот байт и оставьте файл в UTF-8 или, если весь файл в другой кодировке, укажите --encoding windows-1251 (или utf-16)
file-invalid-utf8 = неверный UTF-8 в поле { $field }: файл не в той кодировке, в какой кажется; укажите --encoding windows-1251 (или utf-16) или пересохраните его в UTF-8
file-unequal-fields = полей { $len }, а в заголовке { $expected }: лишний разделитель или непарная кавычка; проверьте строку или укажите --delimiter
file-malformed-csv = CSV повреждён ({ $error })
file-json-array-malformed = { $file }, строка { $line }, позиция { $column }: JSON повреждён ({ $error }). Файл должен быть одним массивом объектов (или укажите --format jsonl, если в каждой строке один объект)
file-json-line-malformed = { $file }, строка { $line }, позиция { $column }: JSON повреждён ({ $error })
file-json-not-an-object = { $file }, строка { $line }: { $found } там, где ожидался объект JSON (в JSON Lines в каждой строке один объект)
json-null = null
json-boolean = логическое значение
json-number = число
json-string = строка
json-array = массив
json-object = объект
file-utf16-without-bom = UTF-16 без метки порядка байтов: сохраните файл с BOM или в UTF-8
file-stray-byte = строка { $line }, смещение { $offset }: байт { $byte } — не UTF-8, хотя остальной файл читается как кириллица в UTF-8, поэтому кодировку не определить. Исправьте этот байт (часто это неразрывный пробел или буква, вставленная из другой программы) и оставьте файл в UTF-8 или, если весь файл действительно в Windows-1251, укажите --encoding windows-1251
file-two-encodings = в файле смешаны две кодировки: строка { $line }, смещение { $offset } — не UTF-8 (Windows-1251?), а строка { $utf8-line }, смещение { $utf8-offset } — кириллица в UTF-8. Сохраните его целиком в UTF-8 (или целиком в Windows-1251 и укажите --encoding windows-1251) и загрузите снова

# `audit ПУТЬ`: что лежит по указанным путям.
audit-no-files = в { $paths } нет файлов данных (.csv, .tsv, .json, .jsonl, .ndjson)
audit-no-records = { $file }: записей нет, пропущен
audit-no-such-path = { $path }: нет такого файла или папки
audit-unknown-kind = { $file }: непонятно, что в файле: в заголовке нет столбца addressee (обращения), department (публикации) или name (справочник); укажите --kind или --map при загрузке
