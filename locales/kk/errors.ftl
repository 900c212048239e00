# stderr-дағы қателер мен ескертулер: олардың алдындағы сөз, операциялық жүйенің айтқаны
# (қазақша, жақшада жүйенің ағылшын сөздерімен) және оқылмайтын не жазылмайтын файлдар.

warning-word = ескерту
usage-more-help = Толығырақ: --help.
os-not-found = мұндай файл не қалта жоқ
os-permission-denied = қол жеткізуге рұқсат жоқ
os-is-a-directory = бұл файл емес, қалта
os-not-a-directory = жолдың бір бөлігі қалта емес
os-already-exists = бұрыннан бар
os-directory-not-empty = қалта бос емес
os-storage-full = дискіде орын жоқ
os-quota-exceeded = диск квотасы таусылды
os-file-too-large = файл тым үлкен
os-read-only = диск не файл тек оқуға арналған
os-invalid-data = деректер оқылмайды
os-unexpected-eof = файл мерзімінен бұрын үзіледі
os-timed-out = күту уақыты бітті
os-out-of-memory = жад жетпейді
os-other = жүйе бас тартты
os-cannot-open = файл ашылмайды
cannot-read = { $path } оқылмады
cannot-write = { $path } жазылмады
cannot-create = { $path } жасалмады
cannot-read-phrases = { $path } фразалар файлы оқылмады
cannot-read-holidays = { $path } демалыс күндері файлы оқылмады
db-none = { $path } дерекқоры жоқ: алдымен өтініштерді жүктеңіз (`appeal-audit import appeals ФАЙЛ`) не өз дерекқорыңызды --db не $APPEAL_AUDIT_DB арқылы көрсетіңіз
db-read-only = { $path } тек оқуға арналған (файлдың, оның қалтасының рұқсаттары не тек оқуға арналған диск): жүктеу оған жазуы керек, есептер оны оқи алады. Жазуға рұқсат беріңіз не оны жазуға болатын жерге көшіріп, көшірмені --db арқылы беріңіз
db-cannot-open = { $path } дерекқоры ашылмады
show-no-appeal = { $db } ішінде { $id }{ $source } өтініші жоқ: нөмірді тексеріңіз (көшірмелер 749022/1 түрінде болады)
show-in-source = {" "}({ $source } дереккөзі)
show-several-sources = { $id } өтініші бірнеше дереккөзде бар ({ $sources }): --source беріңіз
calendar-outside-table = мерекелер кестесі { $first }–{ $last } жылдарды қамтиды; { $years } үшін мерзімдер тек демалыс күндері мен тұрақты мерекелер бойынша есептеледі (Құрбан айт пен ауыстыруларсыз): сол жылдың демалыс күндері бар --holidays ФАЙЛ не --calendar mon-fri беріңіз
