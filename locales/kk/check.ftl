# `check`: әр мәселе коды нені білдіреді (кесте мен Markdown-да кодтың жанындағы сипаттама
# бағаны) және stderr-дағы қорытынды жол.

col-problem = Мәселе (коды)
col-description = Сипаттамасы
col-field = Өріс
col-value = Мәні
col-line = Жол
problem-answer_before_submission = Жауаптың күні өтініш берілген күннен ерте.
problem-date_in_future = Күні есеп күнінен немесе деректер жиналған күннен кейін.
problem-duplicate_conflict = Бір нөмір файлда екі рет, мәндері әртүрлі; кейінгі жол қалдырылды.
problem-answered_without_answerer = Жауап бар, бірақ жауап авторы көрсетілмеген.
problem-answer_without_date = Жауап бар, бірақ оның күні белгісіз: жауап мерзімін есептеу мүмкін емес.
problem-unmatched_name = Бұл атау анықтамалықта жоқ.
problem-bidi_control = Мәтінде жазу бағытын басқаратын таңба бар (U+202A–202E, U+2066–2069): мәтін басқаша оқылуы мүмкін; экрандалып көрсетілген.
problem-unknown_route = Өтінішке қалай жауап берілгенін ешбір ереже анықтай алмады.
check-none = check: мәселе табылған жоқ
check-found = check: { $n } мәселе
