# Строки загрузки для людей в stderr: итог по каждому файлу и самые частые ошибки.

import-summary = { $file }: прочитано { $read }, добавлено { $inserted }, обновлено { $updated }, без изменений { $unchanged }, отклонено { $rejected }
import-pages-blog = блог { $blog }: прочитано страниц: { $pages }, адресат { $addressee }
import-record-error = { $file }, { $place }: поле { $field }, значение { $value }{ $column }: { $reason }. Исправьте запись (или укажите --skip-invalid, чтобы загрузить остальные { $kind })
import-in-column = {" "}в столбце «{ $column }»
import-header-missing = { $file }, строка 1 (заголовок): нет столбца для { $fields }, поэтому ни одну запись со строки 2 прочитать нельзя. В заголовке есть: { $columns }. Назовите столбец { $names } (регистр не важен) или сопоставьте свой через --map { $field }=СТОЛБЕЦ
import-line = строка { $line }
import-json-record = запись { $number } (заканчивается на строке { $line })
import-nothing = Ничего не загружено: база данных осталась такой же, как до этой команды.
reason-ambiguous-date = непонятно, где день, а где месяц: напишите 03.10.2022 или 2022-10-03 либо укажите --date-format
reason-not-a-date = это не дата
reason-missing = обязательно (записи: { $kind }), но отсутствует или пусто; столбец может называться { $names } (регистр не важен), или сопоставьте свой через --map { $field }=СТОЛБЕЦ
cannot-open = не удаётся открыть { $path }: проверьте путь
# The word before every error message: appeal-audit: error: ...
error-word = ошибка
