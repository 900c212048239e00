# Нәтижелерді жазу stderr-ге не айтады: жұмыс барысының жолақтары, экспорттан не man беттерінен
# кейінгі жол, жариялауға арналған көшірме және файл шығысты неге қабылдай алмайтыны.

bar-exporting-appeals = өтініштер экспорты
bar-exporting-posts = жарияланымдар экспорты
bar-reclassifying = сақталған өтініштерді қайта жіктеу
export-written = { $path } ішіне { $n } жазба жазылды
man-written = { $dir } ішіне { $n } man беті жазылды
publish-written = { $path } жазылды (тек оқуға){ $authors }{ $texts }, { $metadata } файлымен бірге: онда дереккөз бен лицензияны толтырыңыз, содан кейін datasette serve --immutable { $path } --metadata { $metadata } арқылы жариялаңыз
publish-with-authors = , авторларымен
publish-without-authors = , авторларсыз
publish-texts-raw = , мәтіндер жиналған күйінде
publish-texts-redacted = , мәтіндер бүркемеленген
publish-warn-authors = --include-authors: көшірмеде әр өтінішті жазған азамат аталған (дербес деректер); оны заңды негізсіз жарияламаңыз
publish-warn-raw-texts = --raw-texts: мәтіндерде авторлары жазған барлық ЖСН, телефон нөмірлері, e-mail мекенжайлары, карта мен шот нөмірлері қалады; оларды жарияламаңыз
output-folder = { $dir } ішіне жазу мүмкін емес: --output қалтасын тексеріңіз
output-dir = { $what }: --output-dir тексеріңіз
partition-exists = { $path } бұрыннан бар: бөлімдерге бөлінген экспорт жаңа қалта жасайды; басқа --output беріңіз не ескі қалтаны басқа жерге жылжытыңыз
html-only-reports = --format html есептің диаграммалары бар бетін жасайды: оны report routing, forwards, silence, changes не weekly, не audit командасымен қолданыңыз
xlsx-too-many-rows = xlsx парағы ең көбі { $max } жолды сыйғызады: таңдауды тарылтыңыз (--since, --until, --addressee) не --format csv не parquet беріңіз
xlsx-cell-too-long = { $row }-жол, { $column } бағаны: { $chars } таңба, xlsx ұяшығы сыйғызатын { $max } таңбадан көп: бұл деректер үшін --format csv, jsonl не parquet беріңіз
xlsx-too-many-columns = xlsx парағы ең көбі 16 384 бағанды сыйғызады: --columns арқылы азырақ таңдаңыз
