# Ошибки и предупреждения в stderr: слова перед ними, что сказала операционная система (по-русски,
# с её английскими словами в скобках) и файлы, которые нельзя прочитать или записать.

warning-word = предупреждение
usage-more-help = Подробнее: --help.
os-not-found = нет такого файла или папки
os-permission-denied = нет прав доступа
os-is-a-directory = это папка, а не файл
os-not-a-directory = часть пути — не папка
os-already-exists = уже существует
os-directory-not-empty = папка не пуста
os-storage-full = на диске нет места
os-quota-exceeded = дисковая квота исчерпана
os-file-too-large = файл слишком большой
os-read-only = диск или файл только для чтения
os-invalid-data = данные не читаются
os-unexpected-eof = файл обрывается раньше времени
os-timed-out = время ожидания истекло
os-out-of-memory = не хватает памяти
os-other = система отказала
os-disk-io = ошибка чтения или записи на диск
os-database-busy = базу данных занимает другой процесс
os-cannot-open = файл не открывается
cannot-read = не удаётся прочитать { $path }
cannot-write = не удаётся записать { $path }
cannot-create = не удаётся создать { $path }
cannot-read-phrases = не удаётся прочитать файл фраз { $path }
cannot-read-holidays = не удаётся прочитать файл выходных { $path }
db-none = базы данных { $path } нет: сначала загрузите обращения (`appeal-audit import appeals ФАЙЛ`) или укажите свою базу через --db или $APPEAL_AUDIT_DB
db-read-only = { $path } только для чтения (права на файл, на его папку или диск только для чтения): загрузке нужно писать в неё, отчёты читать её могут. Разрешите запись или скопируйте её туда, где писать можно, и укажите копию в --db
db-cannot-open = не удаётся открыть базу данных { $path }
show-no-appeal = обращения { $id }{ $source } в { $db } нет: проверьте номер (копии выглядят как 749022/1)
show-in-source = {" "}из источника { $source }
show-several-sources = обращение { $id } есть в нескольких источниках ({ $sources }): укажите --source
calendar-outside-table = таблица праздников охватывает { $first }–{ $last }; для { $years } сроки считаются только по выходным и постоянным праздникам (без Курбан айта и переносов): укажите --holidays ФАЙЛ с выходными этого года или --calendar mon-fri
holidays-not-a-date = строка { $line }: { $value } — не дата: пишите 2022-08-29 для выходного дня, +2022-08-27 для рабочего
phrases-bad-line = строка { $line }: ожидалось `вид: фраза`, где вид — одно из { $kinds }, а написано `{ $found }`
phrases-empty = строка { $line }: фраза после `{ $kind }:` пуста
