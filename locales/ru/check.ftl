# `check`: что означает каждый код проблемы (столбец описания рядом с кодом в таблице и
# Markdown) и итоговая строка в stderr.

col-problem = Проблема (код)
col-description = Описание
col-field = Поле
col-value = Значение
col-line = Строка
problem-answer_before_submission = Ответ датирован раньше, чем подано обращение.
problem-date_in_future = Дата позже даты отчёта или даты сбора.
problem-duplicate_conflict = Один номер дважды в файле с разными значениями; оставлена более поздняя строка.
problem-answered_without_answerer = Ответ есть, но автор ответа не указан.
problem-answer_without_date = Ответ есть, но его дата неизвестна: срок ответа не посчитать.
problem-unmatched_name = Имени нет в справочнике.
problem-bidi_control = В тексте есть управляющий символ направления письма (U+202A–202E, U+2066–2069): текст может читаться иначе; показан экранированным.
problem-unknown_route = Ни одно правило не определило, как ответили на обращение.
check-none = check: проблем не найдено
check-found = check: { $n ->
    [one] { $n } проблема
    [few] { $n } проблемы
   *[many] { $n } проблем
}
