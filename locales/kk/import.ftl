# Жүктеудің stderr-дағы адамға арналған жолдары: әр файлдың қорытындысы және жиі кездесетін қателер.

import-summary = { $file }: оқылды { $read }, қосылды { $inserted }, жаңартылды { $updated }, өзгеріссіз { $unchanged }, қабылданбады { $rejected }
import-pages-blog = блог { $blog }: оқылған беттер: { $pages }, адресат { $addressee }
import-record-error = { $file }, { $place }: { $problem }. Жазбаны түзетіңіз (немесе қалған жазбаларды ({ $kind }) жүктеу үшін --skip-invalid беріңіз)
import-in-column = {" "}(«{ $column }» бағаны)
import-header-missing = { $file }, 1-жол (тақырып жолы): { $fields } үшін баған жоқ, сондықтан 2-жолдан бастап бірде-бір жазба оқылмайды. Тақырып жолында: { $columns }. Бағанды { $names } деп атаңыз (бас-кіші әріп маңызды емес), не өз бағаныңызды --map { $field }=БАҒАН арқылы көрсетіңіз
import-line = { $line }-жол
import-json-record = { $number }-жазба ({ $line }-жолда аяқталады)
import-nothing = Ештеңе жүктелген жоқ: дерекқор осы командаға дейінгі күйінде қалды.
reason-missing = міндетті өріс ({ $kind }), бірақ жазбада оның бағаны жоқ: бағанды { $names } деп атаңыз (бас-кіші әріп маңызды емес), не өз бағаныңызды --map { $field }=БАҒАН арқылы көрсетіңіз
record-field-value = { $field } өрісі, мәні { $value }{ $column }: { $reason }
record-field = { $field } өрісі: { $reason }
import-in-key = {" "}(«{ $column }» кілті)
reason-empty = міндетті өріс ({ $kind }), бірақ бос
reason-missing-key = міндетті өріс ({ $kind }), бірақ жазбада оның кілті жоқ: кілтті { $names } деп атаңыз (бас-кіші әріп маңызды емес), не өз кілтіңізді --map { $field }=КІЛТ арқылы көрсетіңіз
reason-not-a-bool = true не false керек (немесе да/нет, иә/жоқ, yes/no, 1/0)
reason-not-an-entry-kind = жазба түрі — official (лауазымды тұлға) не department (мемлекеттік орган)
cannot-open = { $path } ашылмады: жолды тексеріңіз
# The word before every error message: appeal-audit: error: ...
error-word = қате
import-vanished = { $file }: бұрынғы жүктеулердегі { $n } өтініш осы толық көшірмеде жоқ: жоғалған деп белгіленді
import-reclassified = жаңа анықтамалық немесе фразалар бойынша сақталған { $n } өтініш қайта жіктелді

# Мәтін неге күн емес (records.md «Dates»): жүктеу қатесінде, --as-of, --since… кейін
date-empty = бос
date-too-long = бұл күн емес (мәтін тым ұзын)
date-not-a-date = бұл күн емес
date-ambiguous = күні мен айы түсініксіз: 03.10.2022 немесе 2022-10-03 деп жазыңыз, не --date-format беріңіз
date-no-year = жылы жоқ
date-unknown-month = белгісіз ай { $month }
date-short-year = бұл күн емес: жыл төрт цифрмен жазылады, мысалы 03.10.2022
date-year-out-of-range = { $year } жыл рұқсат етілген шектен тыс ({ $first }–{ $last }): күнді тексеріңіз
date-no-such-day = мұндай күн жоқ
date-not-a-time = бұл уақыт емес: { $time }
date-no-such-time = мұндай уақыт жоқ { $time }: сағат 0-ден 23-ке дейін, минут пен секунд 0-ден 59-ға дейін
date-bad-offset = бұл күн емес: уақыт белдеуі қате { $offset }
date-mismatch = --date-format үлгісіне сәйкес келмейді: { $detail }
date-mismatch-out-of-range = мән рұқсат етілген шектен тыс
date-mismatch-impossible = мұндай күн мен уақыт болмайды
date-mismatch-not-enough = күн мен уақытты бір мәнді анықтауға дерек жеткіліксіз
date-mismatch-invalid = мәнде рұқсат етілмеген таңбалар бар
date-mismatch-too-short = мән үлгіден ерте бітті
date-mismatch-too-long = күннен кейін артық мәтін бар
date-mismatch-bad-format = үлгі қате немесе қолдау көрсетілмейді
date-mismatch-other = мәнді бұл үлгімен оқу мүмкін емес
date-with-pattern = { $reason } (--date-format { $pattern })

import-rejected = қабылданбады: { $file }, { $line }-жол: { $problem }
import-rejected-more = … тағы { $n } жазба қабылданбады (бәрін көру үшін --rejects ФАЙЛ беріңіз)
import-rejected-more-in = … тағы { $n } жазба қабылданбады (бәрі { $path } файлында)
import-no-records = { $file } ішінде жазба жоқ (тек тақырып жолы ма?): одан ештеңе жүктелмеді
import-page-error = { $url } ({ $file }{ $place }), { $card }-карточка: { $problem }. Бетте appeal-audit оқи алмайтын мән бар: беттегі карточканы тексеріңіз ({ $look })
import-page-offset = , { $offset } ығысудағы жазба
import-page-open = файлды ашыңыз
import-page-extract = оны `warcio extract { $file } { $offset }` көрсетеді

# Жазба ретінде оқылмайтын файл: оның кодтауы, байттары, CSV не JSON.
file-empty = { $file } бос: жүктейтін ештеңе жоқ (тақырып жолы не JSON күтілген)
file-encoding-unknown = { $file }: кодтауын анықтау мүмкін емес
file-binary = { $file } CSV, JSON не JSON Lines емес, екілік файлға ұқсайды (онда NUL байттары бар): бұл жиналған деректер файлы екенін тексеріңіз
file-nul = { $line }-жол: NUL байты, ол мәтінде болмайды: файл бүлінген не екілік; бұл жиналған деректер файлы екенін тексеріңіз
file-unclosed-quote = { $file }, { $line }-жол: осы жолда ашылған тырнақша еш жерде жабылмаған, сондықтан файлдың қалғаны бір өріс болып оқылар еді: тырнақшаны жабыңыз не тырнақшадағы өрістің ішіндегі тырнақшаны екі рет жазыңыз ("")
file-invalid-utf8-at = { $file }, { $line }-жол: { $field }-өрісте қате UTF-8 ({ $offset } ығысудан басталатын жазбадағы { $byte } байты): файл көрінгендей кодтауда емес; сол байтты түзетіп, файлды UTF-8 күйінде қалдырыңыз, не бүкіл файл басқа кодтауда болса, --encoding windows-1251 (не utf-16) беріңіз
file-invalid-utf8 = { $field }-өрісте қате UTF-8: файл көрінгендей кодтауда емес; --encoding windows-1251 (не utf-16) беріңіз не оны UTF-8 күйінде қайта сақтаңыз
file-unequal-fields = өрістер саны { $len }, ал тақырып жолында { $expected }: артық бөлгіш не жұпсыз тырнақша; жолды тексеріңіз не --delimiter беріңіз
file-malformed-csv = CSV бүлінген ({ $error })
file-json-array-malformed = { $file }, { $line }-жол, { $column }-позиция: JSON бүлінген ({ $error }). Файл объектілердің бір массиві болуы керек (не әр жолда бір объект болса, --format jsonl беріңіз)
file-json-line-malformed = { $file }, { $line }-жол, { $column }-позиция: JSON бүлінген ({ $error })
file-json-not-an-object = { $file }, { $line }-жол: JSON объектісі күтілген жерде { $found } тұр (JSON Lines-та әр жолда бір объект)
json-null = null
json-boolean = логикалық мән
json-number = сан
json-string = жол
json-array = массив
json-object = объект
file-utf16-without-bom = байт реті белгісі жоқ UTF-16: файлды BOM-мен не UTF-8 күйінде сақтаңыз
file-stray-byte = { $line }-жол, { $offset } ығысу: { $byte } байты UTF-8 емес, ал файлдың қалғаны UTF-8 кириллицасы болып оқылады, сондықтан кодтауын анықтау мүмкін емес. Сол байтты түзетіңіз (көбіне бұл бөлінбейтін бос орын не басқа бағдарламадан қойылған әріп) және файлды UTF-8 күйінде қалдырыңыз, не бүкіл файл шынымен Windows-1251 болса, --encoding windows-1251 беріңіз
file-two-encodings = файлда екі кодтау араласқан: { $line }-жол, { $offset } ығысу UTF-8 емес (Windows-1251?), ал { $utf8-line }-жол, { $utf8-offset } ығысу — UTF-8 кириллицасы. Оны тұтастай UTF-8 күйінде (не тұтастай Windows-1251 күйінде, сосын --encoding windows-1251 беріп) сақтап, қайта жүктеңіз

# `audit ЖОЛ`: жолдарда не жатыр.
audit-no-files = { $paths } ішінде деректер файлдары жоқ (.csv, .tsv, .json, .jsonl, .ndjson)
audit-no-records = { $file }: жазба жоқ, өткізіп жіберілді
audit-no-such-path = { $path }: мұндай файл не қалта жоқ
audit-unknown-kind = { $file }: файлда не барын анықтау мүмкін емес: тақырып жолында addressee (өтініштер), department (жарияланымдар) не name (анықтамалық) бағаны жоқ; --kind беріңіз не жүктеуде --map қолданыңыз
