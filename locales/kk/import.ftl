# Жүктеудің stderr-дағы адамға арналған жолдары: әр файлдың қорытындысы және жиі кездесетін қателер.

import-summary = { $file }: оқылды { $read }, қосылды { $inserted }, жаңартылды { $updated }, өзгеріссіз { $unchanged }, қабылданбады { $rejected }
import-pages-blog = блог { $blog }: оқылған беттер: { $pages }, адресат { $addressee }
import-record-error = { $file }, { $place }: { $field } өрісі, мәні { $value }{ $column }: { $reason }. Жазбаны түзетіңіз (немесе қалған жазбаларды ({ $kind }) жүктеу үшін --skip-invalid беріңіз)
import-in-column = {" "}(«{ $column }» бағаны)
import-header-missing = { $file }, 1-жол (тақырып жолы): { $fields } үшін баған жоқ, сондықтан 2-жолдан бастап бірде-бір жазба оқылмайды. Тақырып жолында: { $columns }. Бағанды { $names } деп атаңыз (бас-кіші әріп маңызды емес), не өз бағаныңызды --map { $field }=БАҒАН арқылы көрсетіңіз
import-line = { $line }-жол
import-json-record = { $number }-жазба ({ $line }-жолда аяқталады)
import-nothing = Ештеңе жүктелген жоқ: дерекқор осы командаға дейінгі күйінде қалды.
reason-ambiguous-date = күні мен айы түсініксіз: 03.10.2022 немесе 2022-10-03 деп жазыңыз, не --date-format беріңіз
reason-not-a-date = бұл күн емес
reason-missing = міндетті өріс ({ $kind }), бірақ жоқ немесе бос; баған атауы { $names } болуы мүмкін (бас-кіші әріп маңызды емес), не өз бағаныңызды --map { $field }=БАҒАН арқылы көрсетіңіз
cannot-open = { $path } ашылмады: жолды тексеріңіз
# The word before every error message: appeal-audit: error: ...
error-word = қате
import-vanished = { $file }: бұрынғы жүктеулердегі { $n } өтініш осы толық көшірмеде жоқ: жоғалған деп белгіленді
import-reclassified = жаңа анықтамалық немесе фразалар бойынша сақталған { $n } өтініш қайта жіктелді
