<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en_US">
<context>
    <name>tabel-hub</name>
    <message>
        <location filename="../hub/cli/commands_history.cpp"/>
        <source>%1  %2 (%3)  device %4  %5</source>
        <translation>%1  %2 (%3)  устройство %4  %5</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_print.cpp"/>
        <source>%1 cannot be read: %2</source>
        <translation>%1 не удаётся прочитать: %2</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2; choose a folder you may write to</source>
        <translation type="vanished">%1 не удаётся записать: %2; выберите папку, в которую у вас есть право записи</translation>
    </message>
    <message>
        <source>%1 could not be written: %2; nothing was registered</source>
        <translation type="vanished">%1 не удалось записать: %2; в реестр ничего не внесено</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_print.cpp"/>
        <source>%1 is %2 bytes, larger than any print; it is not a registered print</source>
        <translation>%1 занимает %2 байт — больше любого печатного документа; это не зарегистрированная печать</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_print.cpp"/>
        <source>%1 is not a registered print: its SHA-256 %2 matches no print in the register. If it should be one, it was changed after printing; print the form again</source>
        <translation>%1 — не зарегистрированная печать: его SHA-256 %2 не совпадает ни с одной записью реестра. Если это был напечатанный документ, его изменили после печати; напечатайте форму заново</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_print.cpp"/>
        <source>%1 is print number %2 of the teacher&apos;s computer %3: %4 (%5), printed %6 by %7, %8 page(s)</source>
        <translation>%1 — печать № %2 компьютера учителя %3: %4 (%5), напечатана %6, кто: %7, страниц: %8</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_print.cpp"/>
        <source>%1 is print number %2: %3 (%4), printed %5 by %6, %7 page(s), SHA-256 %8</source>
        <translation>%1 — печать № %2: %3 (%4), напечатана %5, кто: %6, страниц: %7, SHA-256 %8</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>%1 needs a value: %2</source>
        <translation>для %1 нужно значение: %2</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_print.cpp"/>
        <source>%1 of class %2 has no lessons between %3 and %4, so the journal would be empty; check the dates, or print it after the teachers have synced</source>
        <translation>у предмета «%1» класса %2 нет уроков с %3 по %4, журнал был бы пустым; проверьте даты или напечатайте его после синхронизации учителей</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>%1 or %2</source>
        <translation>%1 или %2</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_operator.cpp"/>
        <source>%1, device %2</source>
        <translation>%1, устройство %2</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_substitutions.cpp"/>
        <source>%1, lesson %2, class %3, %4 (group %5)</source>
        <translation>%1, урок %2, класс %3, %4 (группа %5)</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_operator.cpp"/>
        <source>%1, node %2, device %3</source>
        <translation>%1, узел %2, устройство %3</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_operator.cpp"/>
        <source>%1: %2 rows imported: %3 field writes in change set %4 of the hub&apos;s device %5 (hub sequence %6)</source>
        <translation>%1: загружено строк: %2; записано значений полей: %3 в наборе изменений %4 устройства сервера школы %5 (порядковый номер на сервере %6)</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_operator.cpp"/>
        <source>%1: %2 rows, nothing differs from what the hub holds; no change set written</source>
        <translation>%1: строк: %2; всё совпадает с данными сервера школы, набор изменений не записан</translation>
    </message>
    <message numerus="yes">
        <location filename="../hub/cli/commands_operator.cpp"/>
        <source>%n open conflicts; «tabel-hub conflicts show ID» shows one</source>
        <translation>
            <numerusform>%n открытый конфликт; подробности о конфликте показывает «tabel-hub conflicts show ID»</numerusform>
            <numerusform>%n открытых конфликта; подробности о конфликте показывает «tabel-hub conflicts show ID»</numerusform>
            <numerusform>%n открытых конфликтов; подробности о конфликте показывает «tabel-hub conflicts show ID»</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_operator.cpp"/>
        <source>(empty)</source>
        <translation>(пусто)</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>(required)</source>
        <translation>(обязательно)</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_school.cpp"/>
        <source>--%1 is %2 characters long; at most %3 are kept</source>
        <translation>--%1: %2 знаков, а сохраняется не больше %3</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>--%1 is given twice</source>
        <translation>параметр --%1 указан дважды</translation>
    </message>
    <message>
        <location filename="../hub/cli/cli.cpp"/>
        <source>--%1: expected a date such as 2026-10-24, got «%2»</source>
        <translation>--%1: ожидается дата вида 2026-10-24, указано «%2»</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>--%1: expected a whole number from %2 to %3, got «%4»</source>
        <translation>--%1: ожидалось целое число от %2 до %3, получено «%4»</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>--assign: expected CLASS/SUBJECT/GROUP such as 7А/math/all, got «%1»</source>
        <translation>--assign: ожидается CLASS/SUBJECT/GROUP (класс/предмет/группа), например 7А/math/all, указано «%1»</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_school.cpp"/>
        <source>--average: %1</source>
        <translation>--average: %1</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_summary.cpp"/>
        <source>--csv and --json exclude each other; give one</source>
        <translation>--csv и --json нельзя указывать вместе; укажите один из них</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_history.cpp"/>
        <source>--entity must not be empty: give an entity key or its beginning, e.g. mark/7А/math</source>
        <translation>значение --entity не может быть пустым: укажите ключ записи или его начало, например mark/7А/math</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_periods.cpp"/>
        <source>--from and --to go together: give both dates, or neither to take them from the calendar</source>
        <translation>--from и --to указываются вместе: укажите обе даты или ни одной, чтобы взять их из календаря</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_operator.cpp"/>
        <source>--keep: expected the number of a value from 1 to %1 («tabel-hub conflicts show %2»), got «%3»</source>
        <translation>--keep: ожидается номер значения от 1 до %1 (см. «tabel-hub conflicts show %2»), указано «%3»</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_history.cpp"/>
        <source>--limit: expected a whole number of at least 1, got «%1»</source>
        <translation>--limit: ожидается целое число не меньше 1, указано «%1»</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>--listen: expected ADDRESS:PORT such as 127.0.0.1:8443, got «%1»</source>
        <translation>--listen: ожидается ADDRESS:PORT (адрес:порт), например 127.0.0.1:8443, указано «%1»</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>--name must not be empty</source>
        <translation>значение --name не может быть пустым</translation>
    </message>
    <message>
        <source>--out: %1 is a folder; give a file name in it</source>
        <translation type="vanished">--out: %1 — это папка; укажите имя файла в ней</translation>
    </message>
    <message>
        <source>--out: give the file to write, e.g. --out 7А-q1.pdf</source>
        <translation type="vanished">--out: укажите файл для записи, например --out 7А-q1.pdf</translation>
    </message>
    <message>
        <source>--out: the extract is printed as .pdf or .html; it is a document for the personal file</source>
        <translation type="vanished">--out: выписка печатается в .pdf или .html — это документ для личного дела</translation>
    </message>
    <message>
        <source>--out: the КТП is printed as .pdf or .html</source>
        <translation type="vanished">--out: КТП печатается в .pdf или .html</translation>
    </message>
    <message>
        <source>--out: «%1» must end in .pdf or .html; the extension chooses the format</source>
        <translation type="vanished">--out: «%1» должен оканчиваться на .pdf или .html; по расширению выбирается формат</translation>
    </message>
    <message>
        <source>--out: «%1» must end in .pdf, .html or .xlsx; the extension chooses the format</source>
        <translation type="vanished">--out: «%1» должен оканчиваться на .pdf, .html или .xlsx; по расширению выбирается формат</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_periods.cpp"/>
        <source>--reason must not be empty: the teacher is told why</source>
        <translation>значение --reason не может быть пустым: учителю сообщается причина</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_substitutions.cpp"/>
        <source>--slot: expected the lesson&apos;s number in the day (1, 2, …), got «%1»</source>
        <translation>--slot: ожидается номер урока в расписании дня (1, 2, …), указано «%1»</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>--store needs a value: --store DIR</source>
        <translation>для --store нужно значение: --store DIR</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_print.cpp"/>
        <source>--to %1 is before --from %2</source>
        <translation>--to %1 раньше, чем --from %2</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>--valid-days: expected a whole number from 1 to 90, got «%1»</source>
        <translation>--valid-days: ожидается целое число от 1 до 90, указано «%1»</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_operator.cpp"/>
        <source>--value: the field %1 holds whole numbers, got «%2»</source>
        <translation>--value: поле %1 содержит целые числа, указано «%2»</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_periods.cpp"/>
        <source>--year chooses a period of the calendar; with --from and --to it has no use</source>
        <translation>--year выбирает период из календаря; вместе с --from и --to он не нужен</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_periods.cpp"/>
        <source>CHANGES</source>
        <translation>ИЗМЕНЕНИЯ</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_operator.cpp"/>
        <location filename="../hub/cli/commands_periods.cpp"/>
        <source>CLASS</source>
        <translation>КЛАСС</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>Commands:</source>
        <translation>Команды:</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>DEVICE</source>
        <translation>УСТРОЙСТВО</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>ENROLLED</source>
        <translation>ПОДКЛЮЧЁН</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>Exit codes:</source>
        <translation>Коды завершения:</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_operator.cpp"/>
        <source>FIELD</source>
        <translation>ПОЛЕ</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_periods.cpp"/>
        <source>FROM</source>
        <translation>НАЧАЛО</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>Global options:</source>
        <translation>Общие параметры:</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_operator.cpp"/>
        <location filename="../hub/cli/commands_periods.cpp"/>
        <location filename="../hub/cli/main.cpp"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_periods.cpp"/>
        <source>ID: expected the number «tabel-hub amendments list» shows, got «%1»</source>
        <translation>ID: ожидается номер, который показывает «tabel-hub amendments list», указано «%1»</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>LAST SYNC</source>
        <translation>ПОСЛЕДНЯЯ СИНХРОНИЗАЦИЯ</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>MiB of request bodies all connections may hold in memory at once (default: 64)</source>
        <translation>сколько МиБ тел запросов все подключения вместе могут держать в памяти (по умолчанию: 64)</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_periods.cpp"/>
        <source>NODE</source>
        <translation>УЗЕЛ</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>Options:</source>
        <translation>Параметры:</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_periods.cpp"/>
        <source>PERIOD</source>
        <translation>ПЕРИОД</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_periods.cpp"/>
        <source>RECEIVED</source>
        <translation>ПОЛУЧЕН</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>SCOPES</source>
        <translation>ОБЛАСТЬ ДОСТУПА</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_print.cpp"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_periods.cpp"/>
        <source>STATE</source>
        <translation>СОСТОЯНИЕ</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>STATUS</source>
        <translation>СТАТУС</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_periods.cpp"/>
        <location filename="../hub/cli/main.cpp"/>
        <source>TEACHER</source>
        <translation>УЧИТЕЛЬ</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_periods.cpp"/>
        <source>TO</source>
        <translation>КОНЕЦ</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>The school hub: receives the teachers&apos; signed changes over HTTPS, merges them field by field and keeps every version.</source>
        <translation>Сервер школы: принимает подписанные изменения учителей по HTTPS, объединяет их поле за полем и хранит все версии.</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>Usage: %1</source>
        <translation>Использование: %1</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>Usage: tabel-hub [--store DIR] COMMAND [OPTIONS]</source>
        <translation>Использование: tabel-hub [--store DIR] КОМАНДА [ПАРАМЕТРЫ]</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_operator.cpp"/>
        <source>VALUES</source>
        <translation>ЗНАЧЕНИЯ</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_operator.cpp"/>
        <source>WHAT</source>
        <translation>ЧТО</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_periods.cpp"/>
        <source>WHY</source>
        <translation>ПРИЧИНА</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>a period of the calendar, e.g. q1</source>
        <translation>период календаря, например q1</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>a teacher&apos;s node needs at least one --assign CLASS/SUBJECT/GROUP</source>
        <translation>для узла учителя нужен хотя бы один параметр --assign CLASS/SUBJECT/GROUP</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_substitutions.cpp"/>
        <source>absent</source>
        <translation>отсутствующий</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>accept a suspended node again</source>
        <translation>снова принимать запросы приостановленного узла</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_periods.cpp"/>
        <source>accepted</source>
        <translation>принят</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>active</source>
        <translation>активен</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_school.cpp"/>
        <source>address</source>
        <translation>адрес</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>already exists</source>
        <translation>уже существует</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_periods.cpp"/>
        <source>amendment request %1 is accepted and merged; the nodes receive it at their next sync</source>
        <translation>запрос на исправление %1 принят и объединён с данными; узлы получат его при следующей синхронизации</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_periods.cpp"/>
        <source>amendment request %1 is declined; it stays in the log, refused, and its teacher&apos;s node is told at the next sync</source>
        <translation>запрос на исправление %1 отклонён; он остаётся в журнале операций как отклонённый, а узел учителя узнает об этом при следующей синхронизации</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>an entity key or its beginning, e.g. mark/7А/math</source>
        <translation>ключ записи или его начало, например mark/7А/math</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_school.cpp"/>
        <source>average</source>
        <translation>средний балл</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>bad input: a line of an imported file (its file, line and column are named)</source>
        <translation>ошибка во входных данных: в строке загружаемого файла (указываются файл, строка и столбец)</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_operator.cpp"/>
        <source>base: %1 (version %2)</source>
        <translation>исходное значение: %1 (версия %2)</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_operator.cpp"/>
        <source>base: none (the field did not exist for the authors)</source>
        <translation>исходное значение: нет (у авторов этого поля ещё не было)</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_operator.cpp"/>
        <source>base: version %1 (its value has not reached the hub)</source>
        <translation>исходное значение: версия %1 (само значение на сервер школы не поступало)</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>certificate SHA-256 fingerprint: %1</source>
        <translation>отпечаток сертификата (SHA-256): %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../hub/cli/commands_operator.cpp"/>
        <source>change set %1 of the hub&apos;s device supersedes %n values (hub sequence %2); every node in scope receives it at its next sync</source>
        <translation>
            <numerusform>набор изменений %1 устройства сервера школы заменяет %n значение (порядковый номер на сервере %2); все узлы, которым доступно это поле, получат его при следующей синхронизации</numerusform>
            <numerusform>набор изменений %1 устройства сервера школы заменяет %n значения (порядковый номер на сервере %2); все узлы, которым доступно это поле, получат его при следующей синхронизации</numerusform>
            <numerusform>набор изменений %1 устройства сервера школы заменяет %n значений (порядковый номер на сервере %2); все узлы, которым доступно это поле, получат его при следующей синхронизации</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>check the free disk space and the permissions of the hub&apos;s folder</source>
        <translation>проверьте, есть ли свободное место на диске, и права доступа к папке сервера школы</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>check the hub store: SQLite integrity, signatures of the log, sequence gaps, the stored acknowledgements</source>
        <translation>проверить хранилище сервера школы: целостность SQLite, подписи в журнале операций, пропуски в нумерации, сохранённые подтверждения</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_substitutions.cpp"/>
        <source>class</source>
        <translation>класс</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_print.cpp"/>
        <source>class %1 has no period marks for %2 yet, so the sheet would be empty; check the period («tabel-hub period list» shows the calendar) or print it after the teachers have given the marks and synced</source>
        <translation>у класса %1 ещё нет отметок за период «%2», ведомость была бы пустой; проверьте период («tabel-hub period list» покажет календарь) или напечатайте её, когда учителя выставят отметки и синхронизируются</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_print.cpp"/>
        <source>class %1 has no period marks yet, so its summary sheet would be empty; print it when the teachers have given period marks and synced</source>
        <translation>у класса %1 ещё нет отметок за периоды, сводная ведомость была бы пустой; напечатайте её, когда учителя выставят отметки и синхронизируются</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_print.cpp"/>
        <source>class journal</source>
        <translation>классный журнал</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_operator.cpp"/>
        <source>class: %1</source>
        <translation>класс: %1</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>close a period: later edits to it become amendment requests for the operator (R-S6)</source>
        <translation>закрыть период: последующие правки в нём становятся запросами на исправление для оператора (R-S6)</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>close it for one class only (default: every class)</source>
        <translation>закрыть только для одного класса (по умолчанию — для всех классов)</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_operator.cpp"/>
        <source>conflict %1</source>
        <translation>конфликт %1</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_operator.cpp"/>
        <source>conflict %1 resolved: %2 %3 = %4</source>
        <translation>конфликт %1 разрешён: %2 %3 = %4</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>connections at once from one address (default: 8; raise it when devices share an address behind NAT)</source>
        <translation>подключений одновременно с одного адреса (по умолчанию: 8; увеличьте, если устройства выходят через NAT под одним адресом)</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>connections served at once, from all devices (default: 64)</source>
        <translation>подключений, обслуживаемых одновременно, со всех устройств (по умолчанию: 64)</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>cryptography failure</source>
        <translation>сбой шифрования</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_substitutions.cpp"/>
        <source>date</source>
        <translation>дата</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_periods.cpp"/>
        <source>declined</source>
        <translation>отклонён</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_school.cpp"/>
        <source>deputy director</source>
        <translation>заместитель директора</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_school.cpp"/>
        <source>director</source>
        <translation>директор</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_periods.cpp"/>
        <source>edits to it merge again; requests held while it was closed stay in «tabel-hub amendments list»</source>
        <translation>правки в нём снова объединяются как обычно; запросы, поступившие, пока он был закрыт, остаются в «tabel-hub amendments list»</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_periods.cpp"/>
        <source>edits to it now become amendment requests («tabel-hub amendments list»); nodes learn of the closing at their next sync</source>
        <translation>теперь правки в нём становятся запросами на исправление («tabel-hub amendments list»); узлы узнают о закрытии при следующей синхронизации</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>enter another value</source>
        <translation>задать другое значение</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_periods.cpp"/>
        <source>every class</source>
        <translation>все классы</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_history.cpp"/>
        <source>exported %1</source>
        <translation>выгружено: %1</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_print.cpp"/>
        <source>extract of current marks</source>
        <translation>выписка текущих отметок</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_school.cpp"/>
        <source>field</source>
        <translation>поле</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_operator.cpp"/>
        <source>field: %1 %2</source>
        <translation>поле: %1 %2</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>first day, when the hub&apos;s calendar does not know it</source>
        <translation>первый день, если в календаре сервера школы нет этого периода</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>first day, yyyy-MM-dd</source>
        <translation>первый день, гггг-ММ-дд</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>first day, yyyy-MM-dd (instead of --period)</source>
        <translation>первый день, гггг-ММ-дд (вместо --period)</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_print.cpp"/>
        <source>form</source>
        <translation>форма</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_print.cpp"/>
        <source>format</source>
        <translation>формат</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>from this date</source>
        <translation>начиная с этой даты</translation>
    </message>
    <message>
        <source>give at least one of --name, --address, --director, --deputy, --secretary</source>
        <translation type="vanished">укажите хотя бы один из параметров --name, --address, --director, --deputy, --secretary</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_school.cpp"/>
        <source>give at least one of --name, --address, --director, --deputy, --secretary, --average</source>
        <translation>укажите хотя бы один из параметров --name, --address, --director, --deputy, --secretary, --average</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_print.cpp"/>
        <source>give either --period (e.g. q1) or --from and --to</source>
        <translation>укажите либо --period (например, q1), либо --from и --to</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_operator.cpp"/>
        <source>give exactly one of --keep N (keep value N of «conflicts show») and --value VALUE</source>
        <translation>укажите ровно один из параметров: --keep N (оставить значение N из «conflicts show») или --value VALUE</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_substitutions.cpp"/>
        <source>group</source>
        <translation>группа</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>hint: %1</source>
        <translation>подсказка: %1</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>how many days the code stays valid (default: 7)</source>
        <translation>сколько дней действует код (по умолчанию 7)</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>how the journals count a pupil&apos;s average: weighted (by each mark&apos;s weight) or simple</source>
        <translation>как журналы считают средний балл ученика: weighted (взвешенный, по весу каждой отметки) или simple (простой)</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_print.cpp"/>
        <source>hub</source>
        <translation>сервер школы</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>import reference data (roster, timetable or calendar CSV) as one change set of the hub for the nodes</source>
        <translation>загрузить справочные данные (список учеников, расписание или календарь из CSV-файла) одним набором изменений сервера школы для узлов</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>internal error (a bug, or the system failed: disk full, the port is taken)</source>
        <translation>внутренняя ошибка (ошибка в программе или сбой системы: диск заполнен, порт занят)</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>it carries the fingerprint of this hub&apos;s certificate: %1</source>
        <translation>в нём записан отпечаток сертификата этого сервера школы: %1</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>keep value N as «conflicts show» numbers them</source>
        <translation>оставить значение с номером N из списка «conflicts show»</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>last day, with --from</source>
        <translation>последний день, вместе с --from</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>last day, yyyy-MM-dd</source>
        <translation>последний день, гггг-ММ-дд</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_substitutions.cpp"/>
        <source>lesson</source>
        <translation>урок</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>list the amendment requests waiting for a decision (edits to closed periods)</source>
        <translation>показать запросы на исправление, ожидающие решения (правки в закрытых периодах)</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>list the closed periods</source>
        <translation>показать закрытые периоды</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>list the fields in conflict, waiting for the operator</source>
        <translation>показать поля в конфликте, ожидающие решения оператора</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>list the nodes, their scopes and last sync</source>
        <translation>показать узлы, их области доступа и последнюю синхронизацию</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>listening on https://%1:%2 (store %3)</source>
        <translation>ожидание подключений на https://%1:%2 (хранилище %3)</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>log: %1 change sets of %2 devices; %3 batches acknowledged (%4 entries); %5 nonces remembered</source>
        <translation>журнал операций: наборов изменений — %1, устройств — %2; подтверждено пакетов отправки: %3 (записей: %4); запомнено одноразовых чисел (nonce): %5</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>made a new self-signed certificate in %1</source>
        <translation>создан новый самоподписанный сертификат в %1</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>merge an amendment request as if it arrived now; the nodes receive it at their next sync</source>
        <translation>принять запрос на исправление и объединить его с данными так, как если бы он пришёл сейчас; узлы получат его при следующей синхронизации</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>missing argument %1</source>
        <translation>не указан аргумент %1</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>missing required option %1</source>
        <translation>не указан обязательный параметр %1</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_school.cpp"/>
        <source>name</source>
        <translation>наименование</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_periods.cpp"/>
        <source>no amendment request waits for a decision</source>
        <translation>нет запросов на исправление, ожидающих решения</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_history.cpp"/>
        <source>no changes in the history match</source>
        <translation>в истории нет подходящих изменений</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>no command given</source>
        <translation>не указана команда</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>no nodes yet; add one with «tabel-hub node add»</source>
        <translation>узлов пока нет; добавьте узел командой «tabel-hub node add»</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_operator.cpp"/>
        <source>no open conflicts</source>
        <translation>открытых конфликтов нет</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_operator.cpp"/>
        <source>no open conflicts in class %1</source>
        <translation>в классе %1 открытых конфликтов нет</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_periods.cpp"/>
        <source>no period is closed; close one with «tabel-hub period close PERIOD-ID»</source>
        <translation>закрытых периодов нет; закрыть период можно командой «tabel-hub period close PERIOD-ID»</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_substitutions.cpp"/>
        <source>no substitutions recorded for these dates</source>
        <translation>на эти даты замещений не записано</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>node %1 for %2 (%3)</source>
        <translation>узел %1 для учителя %2 (%3)</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>node %1 is accepted again</source>
        <translation>запросы узла %1 снова принимаются</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>node %1 is suspended: the hub refuses its requests</source>
        <translation>узел %1 приостановлен: сервер школы отклоняет его запросы</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>not found (no such node, file or open conflict)</source>
        <translation>не найдено (нет такого узла, файла или открытого конфликта)</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_print.cpp"/>
        <source>nothing has been printed yet</source>
        <translation>ещё ничего не печаталось</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_print.cpp"/>
        <source>number</source>
        <translation>номер</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>ok</source>
        <translation>успешно</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>one class (default: every class)</source>
        <translation>один класс (по умолчанию: все классы)</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>one period, e.g. q1 (default: every period)</source>
        <translation>один период, например q1 (по умолчанию — все периоды)</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>one-time enrolment code, valid until %1:</source>
        <translation>одноразовый код подключения, действует до %1:</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>only one class, e.g. 7А</source>
        <translation>только один класс, например 7А</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>only the entries of one pupil</source>
        <translation>только записи одного ученика</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>only the latest N changes</source>
        <translation>только последние N изменений</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>only those of one class, e.g. 7А</source>
        <translation>только конфликты одного класса, например 7А</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>open a closed period again: edits to it merge again</source>
        <translation>снова открыть закрытый период: правки в нём опять объединяются как обычно</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>operator</source>
        <translation>оператор</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_print.cpp"/>
        <source>pages</source>
        <translation>страниц</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_print.cpp"/>
        <source>parameters</source>
        <translation>параметры</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_periods.cpp"/>
        <source>period %1 (%2) is closed for class %3</source>
        <translation>период %1 (%2) закрыт для класса %3</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_periods.cpp"/>
        <source>period %1 (%2) is closed for every class</source>
        <translation>период %1 (%2) закрыт для всех классов</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_periods.cpp"/>
        <source>period %1 is open again for class %2</source>
        <translation>период %1 снова открыт для класса %2</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_periods.cpp"/>
        <source>period %1 is open again for every class</source>
        <translation>период %1 снова открыт для всех классов</translation>
    </message>
    <message>
        <location filename="../hub/cli/cli.cpp"/>
        <source>period «%1» is in several school years (%2); say which with --year</source>
        <translation>период «%1» есть в нескольких учебных годах (%2); укажите нужный год параметром --year</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>print CSV</source>
        <translation>вывести CSV</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>print JSON</source>
        <translation>вывести JSON</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>print the calendar-thematic plan (КТП) of a class and subject with its correction sheet (3.1); numbered in the register of prints</source>
        <translation>напечатать календарно-тематическое планирование (КТП) класса по предмету с листом корректировки (п. 3.1); с номером в реестре печати</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>print the class journal of a class, subject and group (2.5.10): marks and absences, lessons, substitutions, the teacher&apos;s signature line; numbered in the register of prints</source>
        <translation>напечатать журнал класса по предмету и группе (п. 2.5.10): отметки и пропуски, уроки, замены, подпись учителя; с номером в реестре печати</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>print the extract of a pupil&apos;s current marks on withdrawal (2.6.11), with a warning for every teacher not synced since the date; numbered in the register of prints</source>
        <translation>напечатать выписку текущих отметок ученика при выбытии (п. 2.6.11) с предупреждением о каждом учителе, не синхронизировавшемся с этой даты; с номером в реестре печати</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>print the substitution journal (2.5.4) for a span of dates: who replaced whom, why, and the lesson&apos;s topic; numbered in the register of prints</source>
        <translation>напечатать журнал замены уроков (п. 2.5.4) за период: кто кого заменял, почему и тема урока; с номером в реестре печати</translation>
    </message>
    <message>
        <source>print the summary sheet of a class (2.5.8) as PDF/A or HTML, numbered in the register of prints</source>
        <translation type="vanished">напечатать сводную ведомость класса (п. 2.5.8) в PDF/A или HTML с номером в реестре печати</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>print the summary sheet of a class (2.5.8) as PDF/A, HTML or XLSX, numbered in the register of prints</source>
        <translation>напечатать сводную ведомость класса (п. 2.5.8) в PDF/A, HTML или XLSX с номером в реестре печати</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_print.cpp"/>
        <source>printed</source>
        <translation>напечатано</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_substitutions.cpp"/>
        <source>reason</source>
        <translation>причина</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>record a substitution (2.5.4): the substitute&apos;s node may write that lesson and receives it at its next sync</source>
        <translation>записать замещение (п. 2.5.4): узел замещающего учителя сможет вести этот урок и получит его при следующей синхронизации</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>refuse an amendment request; it stays in the log with the reason, which its teacher is told</source>
        <translation>отклонить запрос на исправление; он остаётся в журнале операций вместе с причиной, которую сообщат учителю</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>refuse every request of a node at once</source>
        <translation>приостановить узел: сразу отклонять все его запросы</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>refused by a rule of the regulation (the message starts with its clause)</source>
        <translation>отклонено правилом положения (сообщение начинается с номера пункта)</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>register a teacher&apos;s device and print its one-time enrolment code</source>
        <translation>зарегистрировать устройство учителя и вывести его одноразовый код подключения</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>resolve a conflict with one of its values or another; the nodes receive it at their next sync</source>
        <translation>разрешить конфликт, выбрав одно из его значений или задав другое; узлы получат решение при следующей синхронизации</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_operator.cpp"/>
        <source>resolve with «tabel-hub conflicts resolve %1 --keep N» or «--value VALUE»</source>
        <translation>чтобы разрешить конфликт: «tabel-hub conflicts resolve %1 --keep N» или «--value VALUE»</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>say whether a file is exactly a registered print, and which</source>
        <translation>проверить, является ли файл в точности зарегистрированной печатью, и какой</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_school.cpp"/>
        <source>secretary</source>
        <translation>секретарь</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>see «tabel-hub %1 --help»</source>
        <translation>см. «tabel-hub %1 --help»</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>see «tabel-hub --help»</source>
        <translation>см. «tabel-hub --help»</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>serve the HTTPS API to the nodes (loopback only unless --listen says otherwise)</source>
        <translation>обслуживать узлы по HTTPS (только на локальном адресе этого компьютера, если --listen не задаёт другой адрес)</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>set the school&apos;s profile printed in every form&apos;s header, and its rule for averages; options not given keep their value</source>
        <translation>задать сведения о школе для шапки каждой формы и правило подсчёта среднего балла; не указанные параметры сохраняют значение</translation>
    </message>
    <message>
        <source>set the school&apos;s profile printed in every form&apos;s header; options not given keep their value</source>
        <translation type="vanished">задать сведения о школе для заголовка каждой печатной формы; не указанные параметры сохраняют прежнее значение</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>show a conflict: the base value and every value with its teacher, node, device and time</source>
        <translation>показать конфликт: исходное значение и все значения — с учителем, узлом, устройством и временем</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>show help and exit</source>
        <translation>показать справку и выйти</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>show the school&apos;s profile</source>
        <translation>показать сведения о школе</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>show the version and exit</source>
        <translation>показать версию и выйти</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_periods.cpp"/>
        <source>some field it writes is now in conflict with a later change: «tabel-hub conflicts list» shows it</source>
        <translation>одно из полей, которые он записывает, теперь в конфликте с более поздним изменением; его показывает «tabel-hub conflicts list»</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_substitutions.cpp"/>
        <source>subject</source>
        <translation>предмет</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_substitutions.cpp"/>
        <source>substitute</source>
        <translation>замещающий</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_print.cpp"/>
        <source>substitution journal</source>
        <translation>журнал замены уроков</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_substitutions.cpp"/>
        <source>substitution recorded: %1; %2 stands in for %3</source>
        <translation>замещение записано: %1; %2 замещает %3</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_print.cpp"/>
        <source>summary sheet</source>
        <translation>сводная ведомость</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>suspended</source>
        <translation>приостановлен</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>the class it was closed for (default: every class)</source>
        <translation>класс, для которого период был закрыт (по умолчанию — все классы)</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>the class, e.g. 7А</source>
        <translation>класс, например 7А</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>the date of the extract, yyyy-MM-dd (default: today)</source>
        <translation>дата выписки, гггг-ММ-дд (по умолчанию: сегодня)</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>the decided ones too</source>
        <translation>также запросы, по которым решение уже принято</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>the deputy director for teaching&apos;s full name</source>
        <translation>ФИО заместителя директора по учебной работе</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>the director&apos;s full name</source>
        <translation>ФИО директора</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_print.cpp"/>
        <source>the extract of current marks of %1 is printed to %2, number %3 in the register of prints</source>
        <translation>выписка текущих отметок ученика %1 напечатана в %2, № %3 в реестре печати</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>the file to write: FILE.pdf or FILE.html</source>
        <translation>файл для записи: ФАЙЛ.pdf или ФАЙЛ.html</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>the file to write: FILE.pdf, FILE.html or FILE.xlsx</source>
        <translation>файл для записи: ФАЙЛ.pdf, ФАЙЛ.html или ФАЙЛ.xlsx</translation>
    </message>
    <message>
        <source>the folder %1 does not exist; create it or choose another place for the file</source>
        <translation type="vanished">папки %1 нет; создайте её или выберите другое место для файла</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>the group (default: all, the whole class)</source>
        <translation>группа (по умолчанию all — весь класс)</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_history.cpp"/>
        <source>the history is empty: no batch has been merged yet, nothing was exported</source>
        <translation>история пуста: ещё ни один пакет не объединён, ничего не выгружено</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_substitutions.cpp"/>
        <source>the hub knows no teacher «%1»; check the id («tabel-hub node list» shows the teachers&apos; ids) or import the timetable that names the teacher first</source>
        <translation>сервер школы не знает учителя «%1»; проверьте идентификатор (идентификаторы учителей показывает «tabel-hub node list») или сначала загрузите расписание, в котором есть этот учитель</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>the hub store has %1 problem(s); restore the folder from a backup</source>
        <translation>в хранилище сервера школы найдено проблем: %1; восстановите папку из резервной копии</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>the hub store is sound</source>
        <translation>хранилище сервера школы в порядке</translation>
    </message>
    <message>
        <location filename="../hub/cli/cli.cpp"/>
        <source>the hub&apos;s calendar has no period «%1» in school year «%2»; give its dates with --from and --to</source>
        <translation>в календаре сервера школы нет периода «%1» в учебном году «%2»; укажите даты периода параметрами --from и --to</translation>
    </message>
    <message>
        <location filename="../hub/cli/cli.cpp"/>
        <source>the hub&apos;s calendar has no period «%1»; import the calendar («tabel-hub import calendar FILE») or give its dates with --from and --to</source>
        <translation>в календаре сервера школы нет периода «%1»; загрузите календарь («tabel-hub import calendar FILE») или укажите даты периода параметрами --from и --to</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>the hub&apos;s folder (default: ./tabel-data/hub)</source>
        <translation>папка сервера школы (по умолчанию ./tabel-data/hub)</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>the id of the teacher who is absent</source>
        <translation>идентификатор отсутствующего учителя</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>the id of the teacher who stands in</source>
        <translation>идентификатор замещающего учителя</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_print.cpp"/>
        <source>the journal of %1, class %2, is printed to %3 (%4 lessons, %5 pupils), number %6 in the register of prints</source>
        <translation>журнал по предмету «%1», класс %2, напечатан в %3 (уроков: %4, учеников: %5), № %6 в реестре печати</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>the lesson&apos;s date, e.g. 2026-09-03</source>
        <translation>дата урока, например 2026-09-03</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>the lesson&apos;s number in the day</source>
        <translation>номер урока в расписании дня</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_operator.cpp"/>
        <source>the nodes it concerns receive it at their next sync</source>
        <translation>узлы, которых это касается, получат изменения при следующей синхронизации</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>the operator&apos;s device: may write everything</source>
        <translation>устройство оператора: может изменять всё</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>the pupil&apos;s id</source>
        <translation>идентификатор ученика</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>the register of prints (2.5.10): number, time, who, form, pages, SHA-256</source>
        <translation>реестр печати (п. 2.5.10): номер, время, кто, форма, страницы, SHA-256</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_school.cpp"/>
        <source>the school has no name yet; give it with --name as the charter writes it</source>
        <translation>у школы ещё нет наименования; укажите его в --name так, как оно записано в уставе</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>the school year, when the calendar has several</source>
        <translation>учебный год, если в календаре их несколько</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>the school&apos;s address</source>
        <translation>адрес школы</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>the school&apos;s name as its charter writes it</source>
        <translation>наименование школы, как в уставе</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_school.cpp"/>
        <source>the school&apos;s profile is already so; nothing changed</source>
        <translation>сведения о школе уже такие; ничего не изменилось</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_school.cpp"/>
        <source>the school&apos;s profile is not set; set it with «tabel-hub school set --name …»</source>
        <translation>сведения о школе не заданы; задайте их командой «tabel-hub school set --name …»</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_school.cpp"/>
        <source>the school&apos;s profile is saved; the teachers&apos; computers receive it at their next sync and every printed form shows it</source>
        <translation>сведения о школе сохранены; компьютеры учителей получат их при следующей синхронизации, и они появятся в каждой печатной форме</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>the secretary&apos;s full name</source>
        <translation>ФИО секретаря</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>the store is busy: another program uses it</source>
        <translation>хранилище занято: им пользуется другая программа</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>the store is damaged or was altered</source>
        <translation>хранилище повреждено или изменено извне</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>the subject&apos;s id, e.g. math</source>
        <translation>идентификатор предмета, например math</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_substitutions.cpp"/>
        <source>the substitute&apos;s node may write this lesson and receives it at its next sync</source>
        <translation>узел замещающего учителя сможет вести этот урок и получит его при следующей синхронизации</translation>
    </message>
    <message numerus="yes">
        <location filename="../hub/cli/commands_print.cpp"/>
        <source>the substitution journal (%n substitution(s)) is printed to %1, number %2 in the register of prints</source>
        <translation>
            <numerusform>журнал замены уроков (%n замена) напечатан в %1, № %2 в реестре печати</numerusform>
            <numerusform>журнал замены уроков (%n замены) напечатан в %1, № %2 в реестре печати</numerusform>
            <numerusform>журнал замены уроков (%n замен) напечатан в %1, № %2 в реестре печати</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>the substitution journal: who stood in for whom, in which lesson</source>
        <translation>журнал замещений: кто кого замещал и на каком уроке</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>the summary sheet of a class (2.5.8): period marks and absences from the merged data, and each teacher&apos;s last sync; reading it is audited</source>
        <translation>сводная ведомость класса (п. 2.5.8): отметки за периоды и пропуски по объединённым данным, а также последняя синхронизация каждого учителя; каждый просмотр записывается в журнал</translation>
    </message>
    <message numerus="yes">
        <location filename="../hub/cli/commands_print.cpp"/>
        <source>the summary sheet of class %1 is printed to %2: %n page(s), number %3 in the register of prints</source>
        <translation>
            <numerusform>сводная ведомость класса %1 напечатана в %2: %n страница, № %3 в реестре печати</numerusform>
            <numerusform>сводная ведомость класса %1 напечатана в %2: %n страницы, № %3 в реестре печати</numerusform>
            <numerusform>сводная ведомость класса %1 напечатана в %2: %n страниц, № %3 в реестре печати</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_print.cpp"/>
        <source>the summary sheet of class %1 is written to %2 for Excel, number %3 in the register of prints</source>
        <translation>сводная ведомость класса %1 записана в %2 для Excel, № %3 в реестре печати</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>the teacher&apos;s full name</source>
        <translation>ФИО учителя</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>the teacher&apos;s id at the school</source>
        <translation>идентификатор учителя в школе</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_print.cpp"/>
        <source>the КТП of %1, class %2, is printed to %3, number %4 in the register of prints</source>
        <translation>КТП по предмету «%1», класс %2, напечатано в %3, № %4 в реестре печати</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_substitutions.cpp"/>
        <source>this substitution is already recorded: %1</source>
        <translation>это замещение уже записано: %1</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>time for the TLS handshake, for a request&apos;s header and for an idle connection (default: 5)</source>
        <translation>время в секундах на установку TLS, на заголовок запроса и на простой подключения (по умолчанию: 5)</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>unexpected argument «%1» for «%2»</source>
        <translation>лишний аргумент «%1» для «%2»</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>unknown command «%1»</source>
        <translation>неизвестная команда «%1»</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>unknown option %1 (options of a command go after its name)</source>
        <translation>неизвестный параметр %1 (параметры команды пишутся после её имени)</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>unknown option --%1 for «%2»</source>
        <translation>неизвестный параметр --%1 для «%2»</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>unknown subcommand «%1» of «%2»; expected %3</source>
        <translation>неизвестная подкоманда «%1» команды «%2»; допустимые: %3</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>unsupported: written by a newer tabel</source>
        <translation>не поддерживается: данные записаны более новой версией tabel</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>up to this date</source>
        <translation>по эту дату включительно</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>usage error: unknown command or option, a missing or malformed argument</source>
        <translation>ошибка в команде: неизвестная команда или параметр, пропущенный или неверный аргумент</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_school.cpp"/>
        <source>value</source>
        <translation>значение</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_operator.cpp"/>
        <source>values:</source>
        <translation>значения:</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_periods.cpp"/>
        <source>waiting</source>
        <translation>ожидает решения</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>waiting for enrolment</source>
        <translation>ожидает подключения</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_history.cpp"/>
        <source>warning: %1 holds the journal, pupils&apos; names included, in plain text; keep it on an encrypted disk, hand it only to those entitled, and delete it when done</source>
        <translation>внимание: в %1 журнал, включая имена учеников, хранится в открытом (незашифрованном) виде; держите его на зашифрованном диске, передавайте только тем, у кого есть на это право, и удалите, когда он станет не нужен</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>warning: listening on %1, which other computers can reach</source>
        <translation>внимание: подключения ожидаются на адресе %1, доступном с других компьютеров</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_print.cpp"/>
        <source>warning: not synced since %1, printed on the extract: %2</source>
        <translation>внимание: нет синхронизации с %1, это напечатано в выписке: %2</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>what the teacher may write, e.g. 7А/math/all; repeat for more</source>
        <translation>что может вести учитель, например 7А/math/all; для нескольких классов, предметов или групп повторите параметр</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_operator.cpp"/>
        <source>what: %1</source>
        <translation>что: %1</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_print.cpp"/>
        <source>where</source>
        <translation>где</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>where to listen (default: 127.0.0.1:8443); 0 as the port picks a free one</source>
        <translation>адрес и порт для подключений (по умолчанию 127.0.0.1:8443); порт 0 — выбрать любой свободный</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_print.cpp"/>
        <source>who</source>
        <translation>кто</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>who changed which mark or field, when, from which device: old → new (from the git history; the reading is logged)</source>
        <translation>кто, когда и с какого устройства изменил отметку или поле: было → стало (по истории git; просмотр записывается в журнал)</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>why, e.g. «болезнь»</source>
        <translation>причина, например «болезнь»</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>why, for the teacher</source>
        <translation>причина (её сообщат учителю)</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>write the history as standard bare git repositories (DIR/CLASS/YEAR.git) into a new or empty DIR; WARNING: they hold the journal and pupils&apos; names in plain text</source>
        <translation>выгрузить историю в виде стандартных bare-репозиториев git (DIR/CLASS/YEAR.git) в новую или пустую папку DIR; ВНИМАНИЕ: в них журнал и имена учеников хранятся в открытом виде</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_operator.cpp"/>
        <source>«%1» is not a kind of reference data; use roster, timetable or calendar</source>
        <translation>«%1» — неизвестный вид справочных данных; используйте roster, timetable или calendar</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>«%1» needs a subcommand: %2</source>
        <translation>для «%1» нужна подкоманда: %2</translation>
    </message>
    <message>
        <location filename="../hub/cli/main.cpp"/>
        <source>«tabel-hub COMMAND --help» shows the options of a command.</source>
        <translation>«tabel-hub КОМАНДА --help» показывает параметры команды.</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_print.cpp"/>
        <source>КТП and its correction sheet</source>
        <translation>КТП и лист корректировки</translation>
    </message>
    <message>
        <location filename="../hub/cli/commands_periods.cpp"/>
        <source>… %1 more</source>
        <translation>… и ещё %1</translation>
    </message>
</context>
<context>
    <name>tabel-node</name>
    <message>
        <location filename="../node/cli/commands_print.cpp"/>
        <source>%1 cannot be read: %2</source>
        <translation>%1 не удаётся прочитать: %2</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>%1 has no %2 mark in %3 to correct</source>
        <translation>%1: нет отметки за %2 по предмету «%3» — исправлять нечего</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <source>%1 has no mark in %2 (column %3); nothing changed</source>
        <translation>%1: нет отметки за урок %2 (колонка %3); ничего не изменено</translation>
    </message>
    <message>
        <source>%1 instead of %2%3</source>
        <translation type="vanished">%1 вместо %2%3</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_print.cpp"/>
        <source>%1 is not a print registered on this computer: it was changed after printing, or printed elsewhere</source>
        <translation>%1 — не печать, зарегистрированная на этом компьютере: файл изменили после печати или напечатали в другом месте</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_print.cpp"/>
        <source>%1 is print number %2 of this computer: %3 (%4), printed %5</source>
        <translation>%1 — печать № %2 этого компьютера: %3 (%4), напечатана %5</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_print.cpp"/>
        <source>%1 is printed to %2: print number %3 of this computer</source>
        <translation>«%1» напечатан в %2: печать № %3 этого компьютера</translation>
    </message>
    <message>
        <location filename="../node/cli/support.cpp"/>
        <source>%1 must not be empty</source>
        <translation>значение %1 не может быть пустым</translation>
    </message>
    <message>
        <location filename="../node/cli/args.cpp"/>
        <source>%1 needs a value: %2</source>
        <translation>для %1 нужно значение: %2</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <source>%1 was present in %2</source>
        <translation>Отмечено присутствие: %1, урок %2</translation>
    </message>
    <message>
        <location filename="../node/cli/support.cpp"/>
        <source>%1: %2 is not a file</source>
        <translation>%1: %2 — не файл</translation>
    </message>
    <message>
        <location filename="../node/cli/support.cpp"/>
        <source>%1: %2; expected CLASS/SUBJECT/GROUP/YYYY-MM-DD/SLOT, e.g. 7А/math/all/2026-09-01/2</source>
        <translation>%1: %2; ожидается CLASS/SUBJECT/GROUP/ГГГГ-ММ-ДД/SLOT, например 7А/math/all/2026-09-01/2</translation>
    </message>
    <message>
        <location filename="../node/cli/support.cpp"/>
        <source>%1: cannot read %2: %3</source>
        <translation>%1: не удалось прочитать %2: %3</translation>
    </message>
    <message>
        <location filename="../node/cli/passphrase.cpp"/>
        <source>%1: cannot read the passphrase file %2</source>
        <translation>%1: не удалось прочитать файл с парольной фразой %2</translation>
    </message>
    <message>
        <location filename="../node/cli/passphrase.cpp"/>
        <source>%1: cannot read the passphrase file %2: %3</source>
        <translation>%1: не удалось прочитать файл с парольной фразой %2: %3</translation>
    </message>
    <message>
        <location filename="../node/cli/support.cpp"/>
        <source>%1: expected %2, got «%3»</source>
        <translation>%1: ожидается %2, указано «%3»</translation>
    </message>
    <message>
        <location filename="../node/cli/support.cpp"/>
        <source>%1: expected a date YYYY-MM-DD or DD.MM.YYYY, got «%2»</source>
        <translation>%1: ожидается дата в виде ГГГГ-ММ-ДД или ДД.ММ.ГГГГ, указано «%2»</translation>
    </message>
    <message>
        <location filename="../node/cli/support.cpp"/>
        <source>%1: expected a date and time YYYY-MM-DDTHH:MM, got «%2»</source>
        <translation>%1: ожидаются дата и время в виде ГГГГ-ММ-ДДTЧЧ:ММ, указано «%2»</translation>
    </message>
    <message>
        <location filename="../node/cli/support.cpp"/>
        <source>%1: expected a whole number from %2 to %3, got «%4»</source>
        <translation>%1: ожидается целое число от %2 до %3, указано «%4»</translation>
    </message>
    <message>
        <location filename="../node/cli/passphrase.cpp"/>
        <source>%1: the first line of %2 is longer than %3 bytes; a passphrase file holds the passphrase on its first line</source>
        <translation>%1: первая строка файла %2 длиннее %3 байт; парольная фраза должна быть записана в первой строке файла</translation>
    </message>
    <message>
        <location filename="../node/cli/passphrase.cpp"/>
        <source>%1: the first line of the passphrase file %2 is empty</source>
        <translation>%1: первая строка файла с парольной фразой %2 пуста</translation>
    </message>
    <message>
        <location filename="../node/cli/support.cpp"/>
        <source>%1: there is no file %2</source>
        <translation>%1: файла %2 нет</translation>
    </message>
    <message numerus="yes">
        <location filename="../node/cli/commands_sync.cpp"/>
        <source>%n change set(s) edit a closed period: the hub holds them as amendment requests for the operator, who accepts or declines them:</source>
        <translation>
            <numerusform>%n набор изменений затрагивает закрытый период: сервер школы хранит его как запрос на исправление; оператор примет или отклонит его:</numerusform>
            <numerusform>%n набора изменений затрагивают закрытый период: сервер школы хранит их как запросы на исправление; оператор примет или отклонит их:</numerusform>
            <numerusform>%n наборов изменений затрагивают закрытый период: сервер школы хранит их как запросы на исправление; оператор примет или отклонит их:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../node/cli/commands_sync.cpp"/>
        <source>%n change set(s) from the hub cannot be read as journal entries; they were set aside and nothing of them was applied. Tell the hub&apos;s operator:</source>
        <translation>
            <numerusform>%n набор изменений с сервера школы нельзя прочитать как записи журнала; он отложен, из него ничего не применено. Сообщите оператору сервера школы:</numerusform>
            <numerusform>%n набора изменений с сервера школы нельзя прочитать как записи журнала; они отложены, из них ничего не применено. Сообщите оператору сервера школы:</numerusform>
            <numerusform>%n наборов изменений с сервера школы нельзя прочитать как записи журнала; они отложены, из них ничего не применено. Сообщите оператору сервера школы:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../node/cli/commands_sync.cpp"/>
        <source>%n of them wait for the hub&apos;s operator (a conflict or a closed period)</source>
        <translation>
            <numerusform>%n из них ждёт решения оператора сервера школы (конфликт или закрытый период)</numerusform>
            <numerusform>%n из них ждут решения оператора сервера школы (конфликт или закрытый период)</numerusform>
            <numerusform>%n из них ждут решения оператора сервера школы (конфликт или закрытый период)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../node/cli/commands_sync.cpp"/>
        <source>%n print(s) made on this computer entered in the school&apos;s register</source>
        <translation>
            <numerusform>%n печать этого компьютера внесена в реестр школы</numerusform>
            <numerusform>%n печати этого компьютера внесены в реестр школы</numerusform>
            <numerusform>%n печатей этого компьютера внесены в реестр школы</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <source>(due %1)</source>
        <translation>(срок сдачи %1)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>(no entries)</source>
        <translation>(записей нет)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <source>(no lessons in this range)</source>
        <translation>(за этот период уроков нет)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <source>(no marks or absences in this range)</source>
        <translation>(за этот период нет ни отметок, ни отсутствий)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <source>(no pupils yet: the class list comes from the school server. Run «tabel-node sync»; if the list is still empty, ask the school&apos;s operator to import the roster of %1)</source>
        <translation>(учеников пока нет: список класса приходит с сервера школы. Выполните «tabel-node sync»; если список останется пустым, попросите оператора школы загрузить список учеников %1)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <source>(no pupils: import the roster with «tabel-node import roster FILE»)</source>
        <translation>(нет учеников: загрузите список учеников командой «tabel-node import roster FILE»)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>(no substitutions)</source>
        <translation>(замещений нет)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>(no topics)</source>
        <translation>(тем нет)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <source>(nothing changed)</source>
        <translation>(ничего не изменилось)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>(required)</source>
        <translation>(обязательно)</translation>
    </message>
    <message>
        <location filename="../node/cli/args.cpp"/>
        <source>--%1 is given twice</source>
        <translation>параметр --%1 указан дважды</translation>
    </message>
    <message>
        <location filename="../node/cli/args.cpp"/>
        <source>--%1 needs a value: --%1 %2</source>
        <translation>для --%1 нужно значение: --%1 %2</translation>
    </message>
    <message>
        <location filename="../node/cli/args.cpp"/>
        <source>--%1 takes no value</source>
        <translation>параметр --%1 не принимает значения</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <source>--cert-date needs --cert-no NUMBER as well</source>
        <translation>вместе с --cert-date нужно указать и --cert-no NUMBER</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <source>--cert-no and --cert-date go with --absent</source>
        <translation>--cert-no и --cert-date указываются только вместе с --absent</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <source>--cert-no needs --cert-date DATE as well</source>
        <translation>вместе с --cert-no нужно указать и --cert-date DATE</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>--from %1 is after --to %2</source>
        <translation>дата --from %1 позже даты --to %2</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_store.cpp"/>
        <source>--kdf: expected one of %1, got «%2»</source>
        <translation>--kdf: ожидается одно из значений %1, указано «%2»</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <source>--kind: expected current or control, got «%1» (period and annual marks: «tabel-node period-mark set»)</source>
        <translation>--kind: ожидается current или control, указано «%1» (отметки за период и за год выставляются командой «tabel-node period-mark set»)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>--kind: expected distance, selfstudy, homework, control, practical or lab, got «%1»</source>
        <translation>--kind: ожидается distance, selfstudy, homework, control, practical или lab, указано «%1»</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_serve.cpp"/>
        <source>--listen: expected ADDRESS:PORT such as 127.0.0.1:8480, got «%1»</source>
        <translation>--listen: ожидается АДРЕС:ПОРТ, например 127.0.0.1:8480, а дано «%1»</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_serve.cpp"/>
        <source>--listen: the journal is served on this computer only; give a loopback address such as 127.0.0.1:8480, not «%1»</source>
        <translation>--listen: журнал открывается только на этом компьютере; укажите локальный адрес, например 127.0.0.1:8480, а не «%1»</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>--out: %1 already exists; choose another name</source>
        <translation>--out: %1 уже существует; выберите другое имя</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>--out: there is no folder %1</source>
        <translation>--out: папки %1 нет</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>--subject needs --class CLASS as well</source>
        <translation>вместе с --subject нужно указать и --class CLASS</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>--topics: expected topic numbers like 3,4</source>
        <translation>--topics: ожидаются номера тем, например 3,4</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <source>; homework: %1</source>
        <translation>; домашнее задание: %1</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <source>Absence %1 for %2 in %3</source>
        <translation>Записано отсутствие %1: %2, урок %3</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>Added to the correction sheet of %1, %2: topics %3, %4</source>
        <translation>Добавлено в лист корректировки (%1, %2): темы %3, %4</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>Arguments:</source>
        <translation>Аргументы:</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>Asks for the passphrase twice at the terminal (once from --passphrase-file or TABEL_PASSPHRASE).
Prints the store folder and the fingerprint of this device&apos;s signing key.</source>
        <translation>Дважды спрашивает парольную фразу в терминале (один раз читает её из --passphrase-file или TABEL_PASSPHRASE).
Выводит папку хранилища и отпечаток ключа подписи этого устройства.</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_sync.cpp"/>
        <source>CODE: %1</source>
        <translation>CODE: %1</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>CSV files in UTF-8 with a header line. All or nothing: a bad line imports nothing.
  roster:    pupil_id,class,surname,name,patronymic,book_no,subgroups (subgroups: &quot;eng:1 inf:2&quot;)
  timetable: class,weekday,slot,subject,subject_name,group,teacher,teacher_name
  calendar:  kind,id,title,start,end,grades (kind: year, quarter, half or holiday)</source>
        <translation>CSV-файлы в кодировке UTF-8 со строкой заголовка. Всё или ничего: если в одной строке ошибка, не загружается ничего.
  roster (список учеников):  pupil_id,class,surname,name,patronymic,book_no,subgroups (subgroups: &quot;eng:1 inf:2&quot;)
  timetable (расписание):    class,weekday,slot,subject,subject_name,group,teacher,teacher_name
  calendar (календарь):      kind,id,title,start,end,grades (kind: year — учебный год, quarter — четверть, half — полугодие, holiday — каникулы)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>Calendar-thematic plan: %1, %2</source>
        <translation>Календарно-тематическое планирование: %1, %2</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>Carried over to next year:</source>
        <translation>Перенесено на следующий год:</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_store.cpp"/>
        <source>Changed the passphrase of the store in %1</source>
        <translation>Парольная фраза хранилища в %1 изменена</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>Commands:</source>
        <translation>Команды:</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>Corrected the %1 mark of %2 in %3: %4 → %5 (approved by %6)</source>
        <translation>Исправлена отметка за %1: %2, %3: %4 → %5 (утвердил: %6)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>Correction sheet:</source>
        <translation>Лист корректировки:</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_store.cpp"/>
        <source>Created the store of %1 (%2) in %3</source>
        <translation>Создано хранилище: %1 (%2), папка %3</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>Dates: YYYY-MM-DD or DD.MM.YYYY. Lessons: CLASS/SUBJECT/GROUP/DATE/SLOT.</source>
        <translation>Даты: ГГГГ-ММ-ДД или ДД.ММ.ГГГГ. Уроки: CLASS/SUBJECT/GROUP/DATE/SLOT (класс/предмет/группа/дата/номер урока).</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>Either --class and --subject (the class journal), or --pupil (a pupil&apos;s results in all subjects).
The range defaults to 1 September of the current school year … today.</source>
        <translation>Укажите либо --class и --subject (журнал класса), либо --pupil (результаты ученика по всем предметам).
По умолчанию — с 1 сентября текущего учебного года по сегодняшний день.</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_sync.cpp"/>
        <source>Enrolled at %1 as node «%2» of %3 (%4)</source>
        <translation>Устройство зарегистрировано на %1 как узел «%2» учителя %3 (%4)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>Every pupil of %1 has a %2 mark in every subject.</source>
        <translation>У всех учеников класса %1 есть отметки за период %2 по всем предметам.</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>Exit codes:</source>
        <translation>Коды завершения:</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>Give either --absent REASON or --present (which removes a recorded absence).</source>
        <translation>Укажите либо --absent REASON, либо --present (снимает записанное отсутствие).</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>Global options (before or after the command):</source>
        <translation>Общие параметры (до или после команды):</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>Graded %1: %2</source>
        <translation>Работа %1 оценена: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../node/cli/commands_store.cpp"/>
        <source>Imported %n rows from %1</source>
        <translation>
            <numerusform>Загружена %n строка из %1</numerusform>
            <numerusform>Загружены %n строки из %1</numerusform>
            <numerusform>Загружено %n строк из %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <source>Journal: %1, %2 (%3), %4–%5</source>
        <translation>Журнал: %1, %2 (%3), %4–%5</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_store.cpp"/>
        <source>KIND: expected roster, timetable or calendar, got «%1»</source>
        <translation>KIND: ожидается roster, timetable или calendar, указано «%1»</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_store.cpp"/>
        <source>Keep the passphrase safe: without it nobody, not even the school, can open this store.</source>
        <translation>Берегите парольную фразу: без неё никто, даже школа, не сможет открыть это хранилище.</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <source>Mark %1 for %2 in %3 (column %4)</source>
        <translation>Поставлена отметка %1: %2, урок %3 (колонка %4)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>Marks: 5, 4, 3, 2, 1, зач, незач, осв, н/а. A pupil absent without illness gets no mark (3.5);
self-study work is graded only 5, 4, 3 or зач (4.4).</source>
        <translation>Отметки: 5, 4, 3, 2, 1, зач, незач, осв, н/а. Ученику, отсутствовавшему не по болезни, отметка не ставится (п. 3.5);
самостоятельная работа оценивается только на 5, 4, 3 или «зач» (п. 4.4).</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_store.cpp"/>
        <source>New passphrase: </source>
        <translation>Новая парольная фраза: </translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>No submissions.</source>
        <translation>Работ учеников нет.</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>No tasks.</source>
        <translation>Заданий нет.</translation>
    </message>
    <message numerus="yes">
        <location filename="../node/cli/commands_work.cpp"/>
        <source>No work received more than %n days before %1 is waiting for a mark.</source>
        <translation>
            <numerusform>Нет работ, которые получены больше чем за %n день до %1 и ещё ждут отметки.</numerusform>
            <numerusform>Нет работ, которые получены больше чем за %n дня до %1 и ещё ждут отметки.</numerusform>
            <numerusform>Нет работ, которые получены больше чем за %n дней до %1 и ещё ждут отметки.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../node/cli/commands_sync.cpp"/>
        <source>Nothing was lost: %n change(s) stay pending in this store and will be sent by the next «tabel-node sync».</source>
        <translation>
            <numerusform>Ничего не потеряно: %n операция остаётся в хранилище и будет отправлена при следующем «tabel-node sync».</numerusform>
            <numerusform>Ничего не потеряно: %n операции остаются в хранилище и будут отправлены при следующем «tabel-node sync».</numerusform>
            <numerusform>Ничего не потеряно: %n операций остаются в хранилище и будут отправлены при следующем «tabel-node sync».</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../node/cli/commands_sync.cpp"/>
        <source>Nothing was lost: this store has no changes waiting to be sent.</source>
        <translation>Ничего не потеряно: в этом хранилище нет изменений, ожидающих отправки.</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_serve.cpp"/>
        <source>Open it in a browser on this computer and enter the passphrase. Ctrl+C stops it.</source>
        <translation>Откройте его в браузере на этом компьютере и введите парольную фразу. Ctrl+C останавливает журнал.</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>Options:</source>
        <translation>Параметры:</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_store.cpp"/>
        <source>Passphrase for the new store: </source>
        <translation>Парольная фраза для нового хранилища: </translation>
    </message>
    <message>
        <location filename="../node/cli/support.cpp"/>
        <source>Passphrase of the store: </source>
        <translation>Парольная фраза хранилища: </translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>Period mark %1 for %2 in %3, %4</source>
        <translation>Выставлена итоговая отметка %1: %2, %3, %4</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>Period marks are entered in the last week of the period (2.5.6); outside it, give
--override-reason.</source>
        <translation>Отметки за период выставляются в последнюю неделю периода (п. 2.5.6); в другое время
укажите --override-reason.</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <source>Period marks:</source>
        <translation>Отметки за период:</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>Pushes the pending change sets in batches, then pulls what other devices wrote in this node&apos;s
classes. Retries three times when the network fails; when the hub cannot be reached nothing is
lost and the changes stay pending (exit code 12).</source>
        <translation>Отправляет неотправленные наборы изменений частями, затем получает то, что другие устройства записали
в классах этого узла. При сбое сети повторяет попытку три раза; если сервер школы недоступен, ничего
не теряется и изменения ждут следующей отправки (код завершения 12).</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>Reads every page of the store. Exit code 4 when it is damaged.</source>
        <translation>Читает все страницы хранилища. Код завершения 4, если хранилище повреждено.</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <source>Removed the mark of %1 in %2 (column %3)</source>
        <translation>Отметка удалена: %1, урок %2 (колонка %3)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_store.cpp"/>
        <source>Repeat the new passphrase: </source>
        <translation>Повторите новую парольную фразу: </translation>
    </message>
    <message>
        <location filename="../node/cli/support.cpp"/>
        <source>Repeat the passphrase: </source>
        <translation>Повторите парольную фразу: </translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <source>Results: %1, class %2, %3–%4</source>
        <translation>Успеваемость: %1, класс %2, %3–%4</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>Runs until Ctrl+C. The page asks for the passphrase and opens the store once; it locks again after
the idle time and on «Log out». Only this computer can connect (a loopback address). When the node is
enrolled, it synchronises in the background. tabel-node&apos;s other commands keep working meanwhile.</source>
        <translation>Работает до Ctrl+C. Страница спрашивает парольную фразу и открывает хранилище один раз; журнал снова
запирается после простоя и по кнопке «Выйти». Подключиться можно только с этого компьютера (локальный
адрес). Если компьютер подключён к серверу школы, синхронизация идёт в фоне. Остальные команды tabel-node
при этом работают.</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <source>Saved the lesson %1</source>
        <translation>Урок %1 сохранён</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>Saved the substitution: %1, lesson %2, %3 %4: %5 replaces %6</source>
        <translation>Замещение сохранено: %1, урок %2, %3 %4: %5 вместо %6</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>Saved the task %1 (due %2)</source>
        <translation>Задание %1 сохранено (срок сдачи %2)</translation>
    </message>
    <message numerus="yes">
        <location filename="../node/cli/commands_work.cpp"/>
        <source>Saved topic %1 of the plan of %2, %3: %4 (%n hours)</source>
        <translation>
            <numerusform>Сохранена тема %1 КТП %2, %3: %4 (%n час)</numerusform>
            <numerusform>Сохранена тема %1 КТП %2, %3: %4 (%n часа)</numerusform>
            <numerusform>Сохранена тема %1 КТП %2, %3: %4 (%n часов)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../node/cli/commands_sync.cpp"/>
        <source>Send and receive changes with «tabel-node sync».</source>
        <translation>Отправляйте и получайте изменения командой «tabel-node sync».</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>Substitution journal, %1–%2</source>
        <translation>Журнал замещений, %1–%2</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>The code comes from the hub&apos;s operator («tabel-hub node add»). It carries the fingerprint of the
hub&apos;s certificate: the connection is refused when the hub shows another one.</source>
        <translation>Код выдаёт оператор сервера школы («tabel-hub node add»). В нём записан отпечаток сертификата
сервера: если сервер предъявит другой сертификат, соединение будет отклонено.</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>The current passphrase comes from the usual sources; the new one from --new-passphrase-file,
TABEL_NEW_PASSPHRASE, or is asked for twice at the terminal.</source>
        <translation>Текущая парольная фраза берётся из обычных источников, новая — из --new-passphrase-file,
TABEL_NEW_PASSPHRASE или дважды запрашивается в терминале.</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_serve.cpp"/>
        <source>The journal is served at %1</source>
        <translation>Журнал открыт по адресу %1</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>The marks and absences, the lessons with topics and homework, the substitutions, your signature line. The range: --period, or --from and --to (default: 1 September … today).</source>
        <translation>Отметки и пропуски, уроки с темами и домашними заданиями, замены, строка для вашей подписи. Период: --period или --from и --to (по умолчанию: с 1 сентября по сегодня).</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>The same file is stored once (deduplicated by its SHA-256).</source>
        <translation>Один и тот же файл хранится один раз (повторы распознаются по SHA-256).</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>The teacher&apos;s journal on this computer: lessons, marks, attendance, homework and pupils&apos; work,</source>
        <translation>Журнал учителя на этом компьютере: уроки, отметки, посещаемость, домашние задания и работы учеников.</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_sync.cpp"/>
        <source>URL: expected the hub&apos;s address as https://HOST:PORT, got «%1»</source>
        <translation>URL: ожидается адрес сервера школы в виде https://HOST:PORT, получено «%1»</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>Usage: %1</source>
        <translation>Использование: %1</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>Usage: tabel-node [--store DIR] [--passphrase-file FILE] COMMAND [OPTIONS]</source>
        <translation>Использование: tabel-node [--store DIR] [--passphrase-file FILE] КОМАНДА [ПАРАМЕТРЫ]</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>Without a %1 mark in %2:</source>
        <translation>Без отметки за период %1 в классе %2:</translation>
    </message>
    <message numerus="yes">
        <location filename="../node/cli/commands_work.cpp"/>
        <source>Work received more than %n days before %1 and not yet graded:</source>
        <translation>
            <numerusform>Работы, которые получены больше чем за %n день до %1 и ещё не оценены:</numerusform>
            <numerusform>Работы, которые получены больше чем за %n дня до %1 и ещё не оценены:</numerusform>
            <numerusform>Работы, которые получены больше чем за %n дней до %1 и ещё не оценены:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>Wrote %1 (%2 bytes)</source>
        <translation>Записан файл %1 (%2 байт)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <source>[distance]</source>
        <translation>[дистанционно]</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>a name for this device (default: the host name)</source>
        <translation>имя этого устройства (по умолчанию — имя компьютера)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>a period of the calendar, e.g. q1</source>
        <translation>период календаря, например q1</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_store.cpp"/>
        <source>a store already exists in %1; open it, or choose another folder with --store DIR</source>
        <translation>в %1 уже есть хранилище; откройте его или выберите другую папку параметром --store DIR</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>a subgroup; default: the whole class</source>
        <translation>подгруппа; по умолчанию — весь класс</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <source>absence</source>
        <translation>отсутствие</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>absent teacher</source>
        <translation>отсутствующий учитель</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>actual</source>
        <translation>факт</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>add an entry to the correction sheet of the plan (3.1)</source>
        <translation>добавить запись в лист корректировки КТП (п. 3.1)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>add or change a topic of the calendar-thematic plan</source>
        <translation>добавить или изменить тему календарно-тематического планирования</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>already exists</source>
        <translation>уже существует</translation>
    </message>
    <message>
        <location filename="../node/cli/support.cpp"/>
        <source>another program is using the store; close it and try again</source>
        <translation>хранилищем пользуется другая программа; закройте её и повторите попытку</translation>
    </message>
    <message numerus="yes">
        <location filename="../node/cli/commands_sync.cpp"/>
        <source>applied: %n change(s)</source>
        <translation>
            <numerusform>применено: %n операция</numerusform>
            <numerusform>применено: %n операции</numerusform>
            <numerusform>применено: %n операций</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <source>avg</source>
        <translation>ср.</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>bad input file (CSV or submission file)</source>
        <translation>ошибка во входном файле (CSV или файл работы ученика)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>bytes</source>
        <translation>байт</translation>
    </message>
    <message>
        <location filename="../node/cli/passphrase.cpp"/>
        <source>cannot read the passphrase from the terminal</source>
        <translation>не удалось прочитать парольную фразу из терминала</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>cannot write %1: %2</source>
        <translation>не удалось записать %1: %2</translation>
    </message>
    <message>
        <source>change set %1: accepted (request %2)</source>
        <translation type="vanished">набор изменений %1: принят (запрос %2)</translation>
    </message>
    <message>
        <source>change set %1: declined (request %2): %3</source>
        <translation type="vanished">набор изменений %1: отклонён (запрос %2): %3</translation>
    </message>
    <message>
        <source>change set %1: waits for the operator&apos;s decision</source>
        <translation type="vanished">набор изменений %1: ждёт решения оператора</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>change the passphrase of the store</source>
        <translation>сменить парольную фразу хранилища</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_store.cpp"/>
        <source>changes to closed periods (amendment requests):</source>
        <translation>изменения в закрытых периодах (запросы на исправление):</translation>
    </message>
    <message>
        <location filename="../node/cli/support.cpp"/>
        <source>check the free disk space and the permissions of %1</source>
        <translation>проверьте, есть ли свободное место на диске, и права доступа к %1</translation>
    </message>
    <message>
        <location filename="../node/cli/support.cpp"/>
        <source>check the network connection and the hub&apos;s address; run «tabel-node sync» again later</source>
        <translation>проверьте подключение к сети и адрес сервера школы; позже снова выполните «tabel-node sync»</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>check the store for damage</source>
        <translation>проверить хранилище на повреждения</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>class</source>
        <translation>класс</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_sync.cpp"/>
        <source>classes, subjects and groups: %1</source>
        <translation>классы, предметы и группы: %1</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_sync.cpp"/>
        <source>closed at the hub: %1; edits to them become amendment requests</source>
        <translation>закрыто на сервере школы: %1; правки в них становятся запросами на исправление</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_store.cpp"/>
        <source>conflicts at the last sync: %1 (the hub&apos;s operator resolves them)</source>
        <translation>конфликтов при последней синхронизации: %1 (их разрешает оператор сервера школы)</translation>
    </message>
    <message numerus="yes">
        <location filename="../node/cli/commands_sync.cpp"/>
        <source>conflicts: %n — two devices changed the same field; the later value is shown here, and the hub&apos;s operator decides</source>
        <translation>
            <numerusform>конфликтов: %n — два устройства изменили одно и то же поле; здесь показано более позднее значение, решение примет оператор сервера школы</numerusform>
            <numerusform>конфликтов: %n — два устройства изменили одни и те же поля; здесь показаны более поздние значения, решение примет оператор сервера школы</numerusform>
            <numerusform>конфликтов: %n — два устройства изменили одни и те же поля; здесь показаны более поздние значения, решение примет оператор сервера школы</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>correct a period mark, with explanation and approver (2.6.8)</source>
        <translation>исправить отметку за период — с объяснением и указанием, кто утвердил (п. 2.6.8)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>create a new encrypted store for a teacher</source>
        <translation>создать новое зашифрованное хранилище для учителя</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>cryptography failure</source>
        <translation>сбой шифрования</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>current or control (default: as the lesson&apos;s mark column says, else current)</source>
        <translation>current (текущая) или control (контрольная работа); по умолчанию — как задано для колонки отметок урока, иначе current</translation>
    </message>
    <message>
        <source>current or control (default: current)</source>
        <translation type="vanished">current (текущая) или control (контрольная); по умолчанию current</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>date</source>
        <translation>дата</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>days</source>
        <translation>дней</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_store.cpp"/>
        <source>device fingerprint: %1</source>
        <translation>отпечаток устройства: %1</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>distance, selfstudy, homework, control, practical or lab</source>
        <translation>distance (дистанционное задание), selfstudy (самостоятельная работа), homework (домашняя работа), control (контрольная), practical (практическая) или lab (лабораторная)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <source>distance: %1</source>
        <translation>дистанционно: %1</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>due</source>
        <translation>срок</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <source>due: %1</source>
        <translation>срок сдачи: %1</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>enrol this device at the school hub with a one-time code</source>
        <translation>зарегистрировать это устройство на сервере школы по одноразовому коду</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>file</source>
        <translation>файл</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_print.cpp"/>
        <source>form</source>
        <translation>форма</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <source>form of assessment: %1</source>
        <translation>форма контроля: %1</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_print.cpp"/>
        <source>format</source>
        <translation>формат</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>give a distance task, self-study, homework or a control work</source>
        <translation>выдать дистанционное задание, самостоятельную, домашнюю или контрольную работу</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>give a pupil a mark in a lesson</source>
        <translation>поставить ученику отметку за урок</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>give a quarter, half-year or annual mark</source>
        <translation>выставить отметку за четверть, полугодие или год</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <source>give either --absent Б|УП|НП or --present</source>
        <translation>укажите либо --absent Б|УП|НП, либо --present</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <source>give either --class CLASS --subject SUBJECT [--group GROUP], or --pupil ID</source>
        <translation>укажите либо --class CLASS --subject SUBJECT [--group GROUP], либо --pupil ID</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_print.cpp"/>
        <source>give either --period or --from and --to</source>
        <translation>укажите либо --period, либо --from и --to</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>grade a submission; the mark goes into its lesson&apos;s column</source>
        <translation>оценить работу ученика; отметка попадает в колонку её урока</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>group</source>
        <translation>группа</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <source>group %1</source>
        <translation>группа %1</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <location filename="../node/cli/support.cpp"/>
        <source>hint: %1</source>
        <translation>подсказка: %1</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <source>homework: %1</source>
        <translation>домашнее задание: %1</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>hours</source>
        <translation>часы</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>hours actually given</source>
        <translation>фактически проведено часов</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>how many days is too long (default: 7)</source>
        <translation>сколько дней считать слишком долгим сроком (по умолчанию 7)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_store.cpp"/>
        <source>hub: %1</source>
        <translation>сервер школы: %1</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>import the roster, the timetable or the school calendar from a CSV file</source>
        <translation>загрузить список учеников, расписание или календарь учебного года из CSV-файла</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>internal error (a bug, or the system failed: disk full, I/O error on the store)</source>
        <translation>внутренняя ошибка (ошибка в программе или сбой системы: диск заполнен, ошибка чтения или записи хранилища)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>issued</source>
        <translation>выдано</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>kept in an encrypted store and sent to the school hub when there is a connection.</source>
        <translation>Данные хранятся в зашифрованном хранилище и отправляются на сервер школы, когда есть связь.</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>key derivation strength: interactive, moderate or sensitive (default: moderate)</source>
        <translation>стойкость защиты ключа: interactive, moderate или sensitive (по умолчанию moderate)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>kind</source>
        <translation>вид</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_store.cpp"/>
        <source>last change: %1</source>
        <translation>последнее изменение: %1</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_store.cpp"/>
        <source>last sync: %1</source>
        <translation>последняя синхронизация: %1</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>lesson</source>
        <translation>урок</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <source>lesson: %1</source>
        <translation>урок: %1</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>list pupils and subjects without a period mark</source>
        <translation>показать учеников и предметы без отметки за период</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>list the stored submissions</source>
        <translation>показать сохранённые работы учеников</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>list the tasks</source>
        <translation>показать задания</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>list work received long ago and not yet graded (4.2)</source>
        <translation>показать работы, полученные давно и ещё не оценённые (п. 4.2)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>lock after this many minutes without activity (default: 15)</source>
        <translation>запереть журнал через столько минут без действий (по умолчанию 15)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>mark</source>
        <translation>отметка</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <source>marks</source>
        <translation>отметки</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <source>marks and absence</source>
        <translation>отметки и отсутствие</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>merge, next-year, modular or self-study</source>
        <translation>merge (объединение тем), next-year (перенос на следующий год), modular (модульное изучение) или self-study (самостоятельное изучение)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>method</source>
        <translation>способ</translation>
    </message>
    <message>
        <location filename="../node/cli/args.cpp"/>
        <source>missing argument %1 (%2)</source>
        <translation>не указан аргумент %1 (%2)</translation>
    </message>
    <message>
        <location filename="../node/cli/args.cpp"/>
        <source>missing required option %1</source>
        <translation>не указан обязательный параметр %1</translation>
    </message>
    <message>
        <location filename="../node/cli/args.cpp"/>
        <source>missing required options: %1</source>
        <translation>не указаны обязательные параметры: %1</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>name</source>
        <translation>имя</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_store.cpp"/>
        <source>never</source>
        <translation>никогда</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../node/cli/args.cpp"/>
        <source>no command given</source>
        <translation>не указана команда</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_store.cpp"/>
        <source>no new passphrase given: use --new-passphrase-file FILE, TABEL_NEW_PASSPHRASE, or run in a terminal</source>
        <translation>новая парольная фраза не задана: укажите --new-passphrase-file FILE, переменную TABEL_NEW_PASSPHRASE или запустите команду в терминале</translation>
    </message>
    <message>
        <location filename="../node/cli/support.cpp"/>
        <source>no passphrase given: use --passphrase-file FILE, TABEL_PASSPHRASE, or run in a terminal</source>
        <translation>парольная фраза не задана: укажите --passphrase-file FILE, переменную TABEL_PASSPHRASE или запустите команду в терминале</translation>
    </message>
    <message>
        <location filename="../node/cli/passphrase.cpp"/>
        <source>no passphrase was entered</source>
        <translation>парольная фраза не введена</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_sync.cpp"/>
        <source>no period is closed at the hub any more</source>
        <translation>на сервере школы больше нет закрытых периодов</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_store.cpp"/>
        <source>not enrolled</source>
        <translation>устройство не зарегистрировано</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>not found (no store, lesson, pupil, task …)</source>
        <translation>не найдено (нет хранилища, урока, ученика, задания …)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_print.cpp"/>
        <source>nothing has been printed on this computer yet</source>
        <translation>на этом компьютере ещё ничего не печаталось</translation>
    </message>
    <message>
        <location filename="../node/cli/support.cpp"/>
        <source>nothing was lost; show this message to the hub&apos;s operator</source>
        <translation>ничего не потеряно; покажите это сообщение оператору сервера школы</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_print.cpp"/>
        <source>number</source>
        <translation>номер</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>ok</source>
        <translation>успешно</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>one pupil&apos;s results instead of a class journal</source>
        <translation>результаты одного ученика вместо журнала класса</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>only this class</source>
        <translation>только этот класс</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>only this subject (with --class)</source>
        <translation>только этот предмет (вместе с --class)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>only this task</source>
        <translation>только это задание</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_store.cpp"/>
        <source>open conflicts at the hub: %1 (the hub&apos;s operator resolves them)</source>
        <translation>открытые конфликты на сервере школы: %1 (их разрешает оператор сервера)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>open the journal in the desktop&apos;s browser</source>
        <translation>открыть журнал в браузере рабочего стола</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_print.cpp"/>
        <source>pages</source>
        <translation>страниц</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_print.cpp"/>
        <source>parameters</source>
        <translation>параметры</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_store.cpp"/>
        <source>pending change sets: %1</source>
        <translation>неотправленных наборов изменений: %1</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_store.cpp"/>
        <source>pending ops: %1 — not yet sent to the school hub</source>
        <translation>неотправленных операций: %1 (ещё не переданы на сервер школы)</translation>
    </message>
    <message>
        <location filename="../node/sync/closed_periods.cpp"/>
        <source>period %1 (%2) is closed at the hub: this change is kept here and the next «tabel-node sync» sends it to the operator as an amendment request, which the operator accepts or declines</source>
        <translation>период %1 (%2) закрыт на сервере школы: это изменение сохранено здесь, и при следующем «tabel-node sync» оно будет отправлено оператору как запрос на исправление; оператор примет или отклонит его</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>planned</source>
        <translation>план</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>planned hours</source>
        <translation>часов по плану</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>print a JSON document instead of a table</source>
        <translation>вывести документ JSON вместо таблицы</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>print the journal of a class and subject (2.5.10) as PDF/A, HTML or XLSX, numbered in this computer&apos;s register of prints</source>
        <translation>напечатать журнал класса по предмету (п. 2.5.10) в PDF/A, HTML или XLSX с номером в реестре печати этого компьютера</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>print the substitution journal</source>
        <translation>вывести журнал замещений</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>print the КТП of a class and subject with its correction sheet (3.1), numbered in this computer&apos;s register of prints</source>
        <translation>напечатать КТП класса по предмету с листом корректировки (п. 3.1) с номером в реестре печати этого компьютера</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_print.cpp"/>
        <source>printed</source>
        <translation>напечатано</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>pupil</source>
        <translation>ученик</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>read the new passphrase from the first line of FILE</source>
        <translation>прочитать новую парольную фразу из первой строки файла FILE</translation>
    </message>
    <message>
        <location filename="../node/cli/args.cpp"/>
        <source>read the passphrase from the first line of FILE (else $TABEL_PASSPHRASE, else it is asked for without echo)</source>
        <translation>прочитать парольную фразу из первой строки файла FILE (иначе берётся $TABEL_PASSPHRASE, иначе она запрашивается без отображения на экране)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>reason</source>
        <translation>причина</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>received</source>
        <translation>получено</translation>
    </message>
    <message numerus="yes">
        <location filename="../node/cli/commands_sync.cpp"/>
        <source>received: %n change set(s) of other devices</source>
        <translation>
            <numerusform>получено: %n набор изменений других устройств</numerusform>
            <numerusform>получено: %n набора изменений других устройств</numerusform>
            <numerusform>получено: %n наборов изменений других устройств</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>record a lesson: topic, homework, form of assessment</source>
        <translation>записать урок: тему, домашнее задание, форму контроля</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>record a substitution (2.5.4)</source>
        <translation>записать замещение (п. 2.5.4)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>record an absence («Н») or that the pupil was present</source>
        <translation>отметить отсутствие («Н») или присутствие ученика</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_store.cpp"/>
        <source>refused by the hub (kept here): %1 change sets</source>
        <translation>отклонено сервером школы (хранятся здесь): наборов изменений — %1</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>rejected by a rule of the regulation (the message starts with the clause)</source>
        <translation>отклонено правилом положения (сообщение начинается с номера пункта)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>remove a pupil&apos;s mark from a lesson</source>
        <translation>удалить отметку ученика за урок</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>roster, timetable or calendar</source>
        <translation>roster (список учеников), timetable (расписание) или calendar (календарь)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>say whether a file is exactly a print made on this computer</source>
        <translation>проверить, является ли файл в точности печатью, сделанной на этом компьютере</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_store.cpp"/>
        <source>schema version: %1</source>
        <translation>версия схемы данных: %1</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <location filename="../node/cli/support.cpp"/>
        <source>see «tabel-node %1 --help»</source>
        <translation>см. «tabel-node %1 --help»</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>see «tabel-node --help»</source>
        <translation>см. «tabel-node --help»</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>send pending changes to the hub and receive the others&apos;</source>
        <translation>отправить изменения на сервер школы и получить изменения других устройств</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_store.cpp"/>
        <source>sent by the hub but unreadable here (set aside, not applied): %1 change sets; tell the hub&apos;s operator</source>
        <translation>получено с сервера школы, но не читается здесь (отложено, не применено): наборов изменений — %1; сообщите оператору сервера школы</translation>
    </message>
    <message numerus="yes">
        <location filename="../node/cli/commands_sync.cpp"/>
        <source>sent: %n change set(s)</source>
        <translation>
            <numerusform>отправлено: %n набор изменений</numerusform>
            <numerusform>отправлено: %n набора изменений</numerusform>
            <numerusform>отправлено: %n наборов изменений</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>serve the journal to a browser on this computer</source>
        <translation>открыть журнал в браузере на этом компьютере</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>show a lesson with its marks and absences</source>
        <translation>показать урок с отметками и отсутствиями</translation>
    </message>
    <message>
        <location filename="../node/cli/args.cpp"/>
        <source>show help and exit (also -h)</source>
        <translation>показать справку и выйти (также -h)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>show the journal of a class and subject, or one pupil&apos;s results</source>
        <translation>показать журнал класса по предмету или результаты одного ученика</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>show the plan, its correction sheet and the carry-over list</source>
        <translation>показать КТП, лист корректировки и список тем, перенесённых на следующий год</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>show the teacher, the device and what is not yet sent to the hub</source>
        <translation>показать учителя, устройство и то, что ещё не отправлено на сервер школы</translation>
    </message>
    <message>
        <location filename="../node/cli/args.cpp"/>
        <source>show the version and exit</source>
        <translation>показать версию и выйти</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>store a pupil&apos;s completed work (any file), encrypted</source>
        <translation>сохранить выполненную работу ученика (любой файл) в зашифрованном виде</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_store.cpp"/>
        <source>store is intact: %1</source>
        <translation>хранилище не повреждено: %1</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_store.cpp"/>
        <source>store: %1</source>
        <translation>хранилище: %1</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>stored %1 (%2 bytes), encrypted</source>
        <translation>файл %1 (%2 байт) сохранён в зашифрованном виде</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>subject</source>
        <translation>предмет</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <source>subject: %1</source>
        <translation>предмет: %1</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>submission</source>
        <translation>работа</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>submission: %1</source>
        <translation>работа ученика: %1</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>substitute</source>
        <translation>замещающий</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>synchronise in the background this often and after entries; 0: only on request (default: 5)</source>
        <translation>синхронизировать в фоне с таким интервалом в минутах и после ввода; 0 — только по запросу (по умолчанию 5)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_serve.cpp"/>
        <source>tabel-node: no browser could be started here; open %1 yourself</source>
        <translation>tabel-node: браузер здесь запустить не удалось; откройте %1 сами</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>task</source>
        <translation>задание</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <source>teacher: %1</source>
        <translation>учитель: %1</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_store.cpp"/>
        <source>teacher: %1 (%2)</source>
        <translation>учитель: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the CSV file</source>
        <translation>CSV-файл</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the absent teacher&apos;s id</source>
        <translation>идентификатор отсутствующего учителя</translation>
    </message>
    <message>
        <source>the calendar on this computer has no period «%1»; sync with the school&apos;s hub, or give --from and --to</source>
        <translation type="vanished">в календаре на этом компьютере нет периода «%1»; синхронизируйтесь с сервером школы или укажите --from и --to</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <source>the class journal needs both --class and --subject</source>
        <translation>для журнала класса нужны оба параметра: --class и --subject</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the class, e.g. 7А</source>
        <translation>класс, например 7А</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the date of the entry</source>
        <translation>дата записи</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the date the certificate was received</source>
        <translation>дата получения справки</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the day</source>
        <translation>день</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the day the journal opens on (default: today); entries are still dated by this computer&apos;s clock</source>
        <translation>день, на котором открывается журнал (по умолчанию — сегодня); записи всё равно датируются по часам этого компьютера</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the day to count from (default: today)</source>
        <translation>день, от которого считать (по умолчанию сегодня)</translation>
    </message>
    <message>
        <source>the device date (for tests)</source>
        <translation type="vanished">дата на устройстве (для тестов)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the enrolment code, e.g. ABCDEF-GHIJKL-…</source>
        <translation>код регистрации, например ABCDEF-GHIJKL-…</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the file the pupil handed in</source>
        <translation>файл, который сдал ученик</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the file to check</source>
        <translation>проверяемый файл</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the file to write: FILE.pdf, FILE.html or FILE.xlsx (the КТП: .pdf or .html)</source>
        <translation>файл для записи: ФАЙЛ.pdf, ФАЙЛ.html или ФАЙЛ.xlsx (КТП: .pdf или .html)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the file to write; it must not exist</source>
        <translation>файл для записи; он не должен существовать</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the first day (default: 1 September)</source>
        <translation>первый день (по умолчанию 1 сентября)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the form of assessment</source>
        <translation>форма контроля</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the form of assessment, from the school&apos;s list</source>
        <translation>форма контроля из списка школы</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the group (all for the whole class)</source>
        <translation>группа (all — весь класс)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the group (default: all)</source>
        <translation>группа (по умолчанию all — весь класс)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the homework</source>
        <translation>домашнее задание</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the hub cannot be reached; nothing was lost, changes stay pending</source>
        <translation>сервер школы недоступен; ничего не потеряно, изменения ждут отправки</translation>
    </message>
    <message numerus="yes">
        <location filename="../node/cli/commands_sync.cpp"/>
        <source>the hub refused %n change set(s); they stay in this store:</source>
        <translation>
            <numerusform>сервер школы отклонил %n набор изменений; он сохранён в этом хранилище:</numerusform>
            <numerusform>сервер школы отклонил %n набора изменений; они сохранены в этом хранилище:</numerusform>
            <numerusform>сервер школы отклонил %n наборов изменений; они сохранены в этом хранилище:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the hub refused the request</source>
        <translation>сервер школы отклонил запрос</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the hub&apos;s address, e.g. https://hub.school:8443</source>
        <translation>адрес сервера школы, например https://hub.school:8443</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the idle time in seconds (for tests)</source>
        <translation>время простоя в секундах (для тестов)</translation>
    </message>
    <message>
        <source>the journal of %1, class %2, is printed to %3: print number %4 of this computer</source>
        <translation type="vanished">журнал по предмету «%1», класс %2, напечатан в %3: печать № %4 этого компьютера</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the kind and weight of its mark columns, e.g. «control:2» or «current:1;control:3» (default: as recorded before, else current:1)</source>
        <translation>вид и вес колонок отметок урока, например «control:2» или «current:1;control:3» (по умолчанию: как было записано, иначе current:1)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the last day (default: 31 August)</source>
        <translation>последний день (по умолчанию 31 августа)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the last day (default: today)</source>
        <translation>последний день (по умолчанию сегодня)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the lesson number in the day</source>
        <translation>номер урока в расписании дня</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the lesson was held at a distance</source>
        <translation>урок проведён дистанционно</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the lesson whose topic it belongs to</source>
        <translation>урок, к теме которого относится задание</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the lesson: CLASS/SUBJECT/GROUP/DATE/SLOT, e.g. 7А/math/all/2026-09-01/2</source>
        <translation>урок: CLASS/SUBJECT/GROUP/DATE/SLOT (класс/предмет/группа/дата/номер урока), например 7А/math/all/2026-09-01/2</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the mark</source>
        <translation>отметка</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the mark&apos;s column within the lesson (default: 1)</source>
        <translation>колонка отметки в уроке (по умолчанию 1)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the new mark</source>
        <translation>новая отметка</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the number of its topic in the calendar-thematic plan</source>
        <translation>номер темы урока в календарно-тематическом планировании</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the number of the doctor&apos;s certificate</source>
        <translation>номер медицинской справки</translation>
    </message>
    <message>
        <location filename="../node/cli/passphrase.cpp"/>
        <source>the passphrase is longer than %1 bytes</source>
        <translation>парольная фраза длиннее %1 байт</translation>
    </message>
    <message>
        <location filename="../node/cli/passphrase.cpp"/>
        <source>the passphrases do not match; nothing was changed</source>
        <translation>парольные фразы не совпадают; ничего не изменено</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the period id</source>
        <translation>идентификатор периода</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the period id, e.g. q1, h2 or annual</source>
        <translation>идентификатор периода, например q1, h2 или annual</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_sync.cpp"/>
        <source>the prints made on this computer are not yet in the school&apos;s register (%1); they go with the next sync</source>
        <translation>напечатанное на этом компьютере ещё не внесено в реестр школы (%1); это произойдёт при следующей синхронизации</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the pupil was present: remove the absence</source>
        <translation>ученик присутствовал: снять отсутствие</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the pupil&apos;s id (from the roster)</source>
        <translation>идентификатор ученика (из списка учеников)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the reason</source>
        <translation>причина</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_sync.cpp"/>
        <source>the rest stays pending until the hub accepts it; run «tabel-node sync» again later</source>
        <translation>остальное ждёт, пока сервер школы его не примет; повторите «tabel-node sync» позже</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>the same file was already stored; it was not stored again (%1)</source>
        <translation>такой же файл уже сохранён, повторно он не сохранялся (%1)</translation>
    </message>
    <message>
        <location filename="../node/cli/args.cpp"/>
        <source>the store folder (default: $TABEL_STORE, else ~/.local/share/tabel/node)</source>
        <translation>папка хранилища (по умолчанию: $TABEL_STORE, иначе ~/.local/share/tabel/node)</translation>
    </message>
    <message>
        <location filename="../node/cli/support.cpp"/>
        <source>the store in %1 is damaged or was altered; nothing was changed. Restore the folder from a backup, or ask the school hub operator for help</source>
        <translation>хранилище в %1 повреждено или изменено извне; ничего не изменено. Восстановите папку из резервной копии или обратитесь за помощью к оператору сервера школы</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the store is busy: another program uses it</source>
        <translation>хранилище занято: им пользуется другая программа</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the store is damaged or was altered</source>
        <translation>хранилище повреждено или изменено извне</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the subject id</source>
        <translation>идентификатор предмета</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the subject id, e.g. math</source>
        <translation>идентификатор предмета, например math</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the submission</source>
        <translation>работа ученика</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the submission, as «submission list» prints it</source>
        <translation>работа ученика — как её показывает «submission list»</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the substitute&apos;s id</source>
        <translation>идентификатор замещающего учителя</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the task it grades</source>
        <translation>задание, за которое ставится отметка</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the task&apos;s id, unique within class, subject and group</source>
        <translation>идентификатор задания, уникальный в пределах класса, предмета и группы</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the task: CLASS/SUBJECT/GROUP/ID as «task list» prints it</source>
        <translation>задание: CLASS/SUBJECT/GROUP/ID — как его показывает «task list»</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the teacher&apos;s full name</source>
        <translation>ФИО учителя</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the teacher&apos;s id at the school</source>
        <translation>идентификатор учителя в школе</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the title</source>
        <translation>название</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the topic</source>
        <translation>тема</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the topic of the calendar-thematic plan</source>
        <translation>тема календарно-тематического планирования</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the topic of the lesson</source>
        <translation>тема урока</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the topic&apos;s number</source>
        <translation>номер темы</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the topics concerned, e.g. 3,4</source>
        <translation>затронутые темы, например 3,4</translation>
    </message>
    <message>
        <source>the weight of the mark, 1 to 10 (default: 1)</source>
        <translation type="vanished">вес отметки, от 1 до 10 (по умолчанию 1)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>the weight of the mark, 1 to 10 (default: as the lesson&apos;s mark column says, else 1)</source>
        <translation>вес отметки, от 1 до 10 (по умолчанию — как задано для колонки отметок урока, иначе 1)</translation>
    </message>
    <message>
        <source>the КТП of %1 in class %2 has no topics on this computer; add them with «tabel-node ktp add-topic»</source>
        <translation type="vanished">в КТП по предмету %1 класса %2 на этом компьютере нет тем; добавьте их командой «tabel-node ktp add-topic»</translation>
    </message>
    <message>
        <source>the КТП of %1, class %2, is printed to %3: print number %4 of this computer</source>
        <translation type="vanished">КТП по предмету «%1», класс %2, напечатано в %3: печать № %4 этого компьютера</translation>
    </message>
    <message>
        <source>there are no lessons of %1 in class %2 from %3 to %4 on this computer, so the journal would be empty</source>
        <translation type="vanished">на этом компьютере нет уроков предмета «%1» в классе %2 с %3 по %4, журнал был бы пустым</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <source>there is no lesson %1</source>
        <translation>урока %1 нет</translation>
    </message>
    <message>
        <location filename="../node/cli/support.cpp"/>
        <source>there is no store in %1; create one with «tabel-node init»</source>
        <translation>в %1 нет хранилища; создайте его командой «tabel-node init»</translation>
    </message>
    <message>
        <location filename="../node/cli/passphrase.cpp"/>
        <source>there is no terminal to ask on</source>
        <translation>нет терминала, в котором можно спросить парольную фразу</translation>
    </message>
    <message>
        <location filename="../node/cli/support.cpp"/>
        <source>this is a bug in tabel-node; please report it with the message above</source>
        <translation>это ошибка в программе tabel-node; сообщите о ней, приложив сообщение выше</translation>
    </message>
    <message>
        <location filename="../node/cli/support.cpp"/>
        <source>this tabel-node is older than the data; update tabel</source>
        <translation>данные записаны более новой версией tabel, чем эта; обновите tabel</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>title</source>
        <translation>название</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>topic</source>
        <translation>тема</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <source>topic: %1</source>
        <translation>тема: %1</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_work.cpp"/>
        <source>topics</source>
        <translation>темы</translation>
    </message>
    <message>
        <location filename="../node/cli/args.cpp"/>
        <source>unexpected argument «%1» for «%2»</source>
        <translation>лишний аргумент «%1» для «%2»</translation>
    </message>
    <message>
        <location filename="../node/cli/args.cpp"/>
        <source>unknown command «%1»</source>
        <translation>неизвестная команда «%1»</translation>
    </message>
    <message>
        <location filename="../node/cli/args.cpp"/>
        <source>unknown option %1 (options of a command go after its name)</source>
        <translation>неизвестный параметр %1 (параметры команды пишутся после её имени)</translation>
    </message>
    <message>
        <location filename="../node/cli/args.cpp"/>
        <source>unknown option %1 for «%2»</source>
        <translation>неизвестный параметр %1 для «%2»</translation>
    </message>
    <message>
        <location filename="../node/cli/args.cpp"/>
        <source>unknown option --%1 for «%2»</source>
        <translation>неизвестный параметр --%1 для «%2»</translation>
    </message>
    <message>
        <location filename="../node/cli/args.cpp"/>
        <source>unknown subcommand «%1» of «%2»; expected one of: %3</source>
        <translation>неизвестная подкоманда «%1» команды «%2»; допустимые: %3</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>unsupported: written by a newer tabel</source>
        <translation>не поддерживается: данные записаны более новой версией tabel</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>usage error: unknown command or option, a missing or malformed argument</source>
        <translation>ошибка в команде: неизвестная команда или параметр, пропущенный или неверный аргумент</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>what it grades: classwork, homework, distance, selfstudy, control, practical or lab (default: classwork)</source>
        <translation>за что отметка: classwork (работа на уроке), homework (домашняя), distance (дистанционная), selfstudy (самостоятельная), control (контрольная), practical (практическая) или lab (лабораторная); по умолчанию classwork</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>what this computer printed: number, time, form, SHA-256</source>
        <translation>что напечатано на этом компьютере: номер, время, форма, SHA-256</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>what to do</source>
        <translation>что нужно сделать</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>when it is due</source>
        <translation>срок сдачи</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>when it was given (default: today)</source>
        <translation>когда выдано (по умолчанию сегодня)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>when it was received: YYYY-MM-DDTHH:MM (default: now)</source>
        <translation>когда получено: ГГГГ-ММ-ДДTЧЧ:ММ (по умолчанию — сейчас)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>when the homework is due (not before the lesson)</source>
        <translation>срок сдачи домашнего задания (не раньше дня урока)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>where to listen (default: 127.0.0.1:8480; port 0: any free)</source>
        <translation>где принимать подключения (по умолчанию 127.0.0.1:8480; порт 0 — любой свободный)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>who approved the correction</source>
        <translation>кто утвердил исправление</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <source>whole class</source>
        <translation>весь класс</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>why</source>
        <translation>причина</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>why the mark is corrected</source>
        <translation>почему исправляется отметка</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>why the mark is entered outside the last week</source>
        <translation>почему отметка выставляется не в последнюю неделю</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>write a stored submission back to a file</source>
        <translation>выгрузить сохранённую работу ученика в файл</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>wrong passphrase</source>
        <translation>неверная парольная фраза</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location filename="../node/cli/args.cpp"/>
        <source>«%1» needs a subcommand first: %2</source>
        <translation>после «%1» сначала нужна подкоманда: %2</translation>
    </message>
    <message>
        <location filename="../node/cli/args.cpp"/>
        <source>«%1» needs a subcommand: %2</source>
        <translation>для «%1» нужна подкоманда: %2</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>«tabel-node COMMAND --help» shows the options of a command.</source>
        <translation>«tabel-node КОМАНДА --help» показывает параметры команды.</translation>
    </message>
    <message>
        <location filename="../node/cli/commands.cpp"/>
        <source>Б (illness), УП (valid reason) or НП (unexcused)</source>
        <translation>Б (болезнь), УП (уважительная причина) или НП (без уважительной причины)</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <source>КТП topic: %1</source>
        <translation>тема КТП: %1</translation>
    </message>
    <message>
        <location filename="../node/cli/commands_journal.cpp"/>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>tabel::crypto</name>
    <message>
        <location filename="../shared/crypto/kdf.cpp"/>
        <source>memory limit %1 bytes</source>
        <translation>ограничение памяти %1 байт</translation>
    </message>
    <message>
        <location filename="../shared/crypto/kdf.cpp"/>
        <source>not enough memory to derive the key (%1 MiB needed)</source>
        <translation>недостаточно памяти для вычисления ключа (нужно %1 МБ)</translation>
    </message>
    <message>
        <location filename="../shared/crypto/kdf.cpp"/>
        <source>operations limit %1</source>
        <translation>ограничение числа операций %1</translation>
    </message>
    <message>
        <location filename="../shared/crypto/secret.cpp"/>
        <source>the cryptography library could not start</source>
        <translation>не удалось запустить библиотеку шифрования</translation>
    </message>
    <message>
        <location filename="../shared/crypto/signing.cpp"/>
        <source>the device&apos;s signing key is damaged</source>
        <translation>ключ подписи устройства повреждён</translation>
    </message>
    <message>
        <location filename="../shared/crypto/kdf.cpp"/>
        <source>the key-derivation parameters are invalid (%1)</source>
        <translation>параметры вычисления ключа недопустимы (%1)</translation>
    </message>
    <message>
        <location filename="../shared/crypto/kdf.cpp"/>
        <source>the salt is %1 bytes, not %2</source>
        <translation>соль длиной %1 байт, а должна быть %2</translation>
    </message>
    <message>
        <location filename="../shared/crypto/kdf.cpp"/>
        <source>unknown key-derivation algorithm «%1»; update tabel</source>
        <translation>неизвестный алгоритм вычисления ключа «%1»; обновите tabel</translation>
    </message>
    <message>
        <location filename="../shared/crypto/kdf.cpp"/>
        <source>unknown key-derivation setting «%1»; use one of: %2</source>
        <translation>неизвестная настройка вычисления ключа «%1»; используйте одну из: %2</translation>
    </message>
</context>
<context>
    <name>tabel::csv</name>
    <message>
        <location filename="../shared/csv/csv.cpp"/>
        <source>%1 is not between %2 and %3</source>
        <translation>%1 — вне диапазона от %2 до %3</translation>
    </message>
    <message>
        <location filename="../shared/csv/csv.cpp"/>
        <source>%1, line %2</source>
        <translation>%1, строка %2</translation>
    </message>
    <message>
        <location filename="../shared/csv/csv.cpp"/>
        <source>%1, line %2 (%3)</source>
        <translation>%1, строка %2 (%3)</translation>
    </message>
    <message>
        <location filename="../shared/csv/csv.cpp"/>
        <source>%1, line %2, column %3</source>
        <translation>%1, строка %2, столбец %3</translation>
    </message>
    <message>
        <location filename="../shared/csv/csv.cpp"/>
        <source>%1, line %2, column %3 (%4)</source>
        <translation>%1, строка %2, столбец %3 (%4)</translation>
    </message>
    <message>
        <location filename="../shared/csv/csv.cpp"/>
        <source>%1: cannot open the file: %2</source>
        <translation>%1: не удалось открыть файл: %2</translation>
    </message>
    <message>
        <location filename="../shared/csv/csv.cpp"/>
        <source>%1: cannot read the file: %2</source>
        <translation>%1: не удалось прочитать файл: %2</translation>
    </message>
    <message>
        <location filename="../shared/csv/csv.cpp"/>
        <source>%1: not a regular file</source>
        <translation>%1: это не обычный файл</translation>
    </message>
    <message>
        <location filename="../shared/csv/csv.cpp"/>
        <source>%1: the file does not exist</source>
        <translation>%1: файл не существует</translation>
    </message>
    <message>
        <location filename="../shared/csv/csv.cpp"/>
        <source>expected %1 fields as in the header, found %2</source>
        <translation>число полей — %2, а в заголовке их %1</translation>
    </message>
    <message>
        <location filename="../shared/csv/csv.cpp"/>
        <source>the column has no name in the header</source>
        <translation>у столбца нет названия в заголовке</translation>
    </message>
    <message>
        <location filename="../shared/csv/csv.cpp"/>
        <source>the column name is repeated (it is also column %1)</source>
        <translation>название столбца повторяется (такое же у столбца %1)</translation>
    </message>
    <message>
        <location filename="../shared/csv/csv.cpp"/>
        <source>the field is empty</source>
        <translation>поле пустое</translation>
    </message>
    <message>
        <location filename="../shared/csv/csv.cpp"/>
        <source>the file contains binary data; is it a spreadsheet rather than a CSV text file?</source>
        <translation>в файле есть двоичные данные; возможно, это файл электронной таблицы, а не текстовый CSV-файл?</translation>
    </message>
    <message>
        <location filename="../shared/csv/csv.cpp"/>
        <source>the file has no such column</source>
        <translation>в файле нет такого столбца</translation>
    </message>
    <message>
        <location filename="../shared/csv/csv.cpp"/>
        <source>the file is empty</source>
        <translation>файл пустой</translation>
    </message>
    <message>
        <location filename="../shared/csv/csv.cpp"/>
        <source>the file is in UTF-16 encoding; save it as CSV in UTF-8 (in Excel: «CSV UTF-8»)</source>
        <translation>файл в кодировке UTF-16; сохраните его как CSV в кодировке UTF-8 (в Excel: «CSV UTF-8»)</translation>
    </message>
    <message>
        <location filename="../shared/csv/csv.cpp"/>
        <source>the file is too large (%1 bytes; the limit is %2 bytes)</source>
        <translation>файл слишком большой (%1 байт при пределе %2 байт)</translation>
    </message>
    <message>
        <location filename="../shared/csv/csv.cpp"/>
        <source>the header lacks the required columns: %1</source>
        <translation>в заголовке нет обязательных столбцов: %1</translation>
    </message>
    <message>
        <location filename="../shared/csv/csv.cpp"/>
        <source>the quoted field is not closed (a &quot; is missing)</source>
        <translation>поле в кавычках не закрыто (не хватает &quot;)</translation>
    </message>
    <message>
        <location filename="../shared/csv/csv.cpp"/>
        <source>the text is not in UTF-8 encoding; save the file as CSV in UTF-8 (in Excel: «CSV UTF-8»)</source>
        <translation>текст не в кодировке UTF-8; сохраните файл как CSV в кодировке UTF-8 (в Excel: «CSV UTF-8»)</translation>
    </message>
    <message>
        <location filename="../shared/csv/csv.cpp"/>
        <source>unexpected text after the closing quote; a quote inside a quoted field is written as &quot;&quot;</source>
        <translation>лишний текст после закрывающей кавычки; кавычка внутри поля в кавычках записывается как &quot;&quot;</translation>
    </message>
    <message>
        <location filename="../shared/csv/csv.cpp"/>
        <source>«%1» is not a date; write it as 2026-09-01 or 01.09.2026</source>
        <translation>«%1» — не дата; пишите так: 2026-09-01 или 01.09.2026</translation>
    </message>
    <message>
        <location filename="../shared/csv/csv.cpp"/>
        <source>«%1» is not a valid date</source>
        <translation>«%1» — несуществующая дата</translation>
    </message>
    <message>
        <location filename="../shared/csv/csv.cpp"/>
        <source>«%1» is not a whole number</source>
        <translation>«%1» — не целое число</translation>
    </message>
</context>
<context>
    <name>tabel::db</name>
    <message>
        <location filename="../shared/db/sqlite.cpp"/>
        <source>SQL</source>
        <translation>SQL</translation>
    </message>
    <message>
        <location filename="../shared/db/sqlite.cpp"/>
        <source>The database file %1 does not exist.</source>
        <translation>Файл базы данных %1 не существует.</translation>
    </message>
    <message>
        <location filename="../shared/db/sqlite.cpp"/>
        <source>cannot read or write the store file (%1)</source>
        <translation>не удалось прочитать или записать файл хранилища (%1)</translation>
    </message>
    <message>
        <location filename="../shared/db/sqlite.cpp"/>
        <source>open %1</source>
        <translation>открытие %1</translation>
    </message>
    <message>
        <location filename="../shared/db/sqlite.cpp"/>
        <source>prepare</source>
        <translation>подготовка запроса</translation>
    </message>
    <message>
        <location filename="../shared/db/sqlite.cpp"/>
        <source>the disk is full; free some space and try again</source>
        <translation>диск заполнен; освободите место и повторите попытку</translation>
    </message>
    <message>
        <location filename="../shared/db/sqlite.cpp"/>
        <source>the store is damaged or was altered (%1)</source>
        <translation>хранилище повреждено или изменено извне (%1)</translation>
    </message>
    <message>
        <location filename="../shared/db/sqlite.cpp"/>
        <source>the store is in use by another program; try again (%1)</source>
        <translation>хранилищем пользуется другая программа; повторите попытку (%1)</translation>
    </message>
</context>
<context>
    <name>tabel::documents</name>
    <message>
        <location filename="../shared/documents/output_file.cpp"/>
        <source>%1 cannot be written: %2; choose a folder you may write to</source>
        <translation>%1 не удаётся записать: %2; выберите папку, в которую у вас есть право записи</translation>
    </message>
    <message>
        <location filename="../shared/documents/output_file.cpp"/>
        <source>%1 could not be written: %2; nothing was registered</source>
        <translation>%1 не удалось записать: %2; в реестр ничего не внесено</translation>
    </message>
    <message>
        <location filename="../shared/documents/output_file.cpp"/>
        <source>%1 or %2</source>
        <translation>%1 или %2</translation>
    </message>
    <message>
        <location filename="../shared/documents/output_file.cpp"/>
        <source>--out: %1 is a folder; give a file name in it</source>
        <translation>--out: %1 — это папка; укажите имя файла в ней</translation>
    </message>
    <message>
        <location filename="../shared/documents/output_file.cpp"/>
        <source>--out: give the file to write, e.g. --out 7А-q1.pdf</source>
        <translation>--out: укажите файл для записи, например --out 7А-q1.pdf</translation>
    </message>
    <message>
        <location filename="../shared/documents/output_file.cpp"/>
        <source>--out: «%1» must end in %2; the extension chooses the format</source>
        <translation>--out: «%1» должен оканчиваться на %2; по расширению выбирается формат</translation>
    </message>
    <message>
        <location filename="../shared/documents/xlsx.cpp"/>
        <source>a temporary folder for the Excel file cannot be made: %1</source>
        <translation>не удаётся создать временную папку для файла Excel: %1</translation>
    </message>
    <message>
        <location filename="../shared/documents/document.cpp"/>
        <source>form «%1» could not be filled: %2</source>
        <translation>форму «%1» не удалось заполнить: %2</translation>
    </message>
    <message>
        <location filename="../shared/documents/pdf.cpp"/>
        <source>printing needs the program&apos;s graphics part, which was not started</source>
        <translation>для печати нужна графическая часть программы, а она не запущена</translation>
    </message>
    <message>
        <location filename="../shared/documents/xlsx.cpp"/>
        <source>the Excel file cannot be read back: %1</source>
        <translation>файл Excel не удаётся прочитать после записи: %1</translation>
    </message>
    <message>
        <location filename="../shared/documents/xlsx.cpp"/>
        <source>the Excel file cannot be started in %1</source>
        <translation>файл Excel не удаётся начать в %1</translation>
    </message>
    <message>
        <location filename="../shared/documents/xlsx.cpp"/>
        <source>the Excel file could not be written: %1</source>
        <translation>файл Excel не удалось записать: %1</translation>
    </message>
    <message>
        <location filename="../shared/documents/xlsx.cpp"/>
        <source>the Excel sheet «%1» cannot be added</source>
        <translation>лист Excel «%1» не удаётся добавить</translation>
    </message>
    <message>
        <location filename="../shared/documents/pdf.cpp"/>
        <source>the PDF of «%1» could not be started</source>
        <translation>не удалось начать PDF документа «%1»</translation>
    </message>
    <message>
        <location filename="../shared/documents/output_file.cpp"/>
        <source>the folder %1 does not exist; create it or choose another place for the file</source>
        <translation>папки %1 нет; создайте её или выберите другое место для файла</translation>
    </message>
    <message>
        <location filename="../shared/documents/pdf.cpp"/>
        <source>the font Liberation Serif is not installed (%1 cannot be read); install Debian&apos;s package fonts-liberation2, or run deploy/install-deps.sh</source>
        <translation>шрифт Liberation Serif не установлен (%1 не читается); установите пакет Debian fonts-liberation2 или запустите deploy/install-deps.sh</translation>
    </message>
    <message>
        <location filename="../shared/documents/document.cpp"/>
        <source>the part %1 of the forms cannot be read</source>
        <translation>часть печатных форм %1 не удаётся прочитать</translation>
    </message>
    <message>
        <location filename="../shared/documents/document.cpp"/>
        <source>the template of form «%1» is not valid: %2</source>
        <translation>шаблон формы «%1» неверен: %2</translation>
    </message>
    <message>
        <location filename="../shared/documents/document.cpp"/>
        <source>there is no form «%1»</source>
        <translation>формы «%1» нет</translation>
    </message>
    <message>
        <location filename="../shared/documents/pdf.cpp"/>
        <source>«%1» has no Excel form</source>
        <translation>у документа «%1» нет формы для Excel</translation>
    </message>
</context>
<context>
    <name>tabel::domain</name>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>%1 %2 contains «/», which separates the parts of a key; choose an id without it</source>
        <translation>%1 %2 содержит «/», а этот знак разделяет части ключа; выберите идентификатор без него</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>%1 %2 has no classroom lesson, so it must be tied to a topic of the calendar-thematic plan (КТП); choose the topic</source>
        <translation>%1 %2: урока в классе нет, поэтому нужна привязка к теме календарно-тематического планирования (КТП); выберите тему</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>%1 %2 is longer than %3 characters</source>
        <translation>%1 %2 длиннее %3 символов</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>%1 %2 is not a positive whole number</source>
        <translation>%1 %2 — не целое положительное число</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>%1 %2 must belong to a lesson: its mark goes into the column of that lesson&apos;s topic; choose the lesson</source>
        <translation>%1 %2: нужно указать урок — отметка попадает в колонку темы этого урока; выберите урок</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>%1 %2 starts or ends with a space; remove it</source>
        <translation>%1 %2 начинается или заканчивается пробелом; уберите пробел</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>%1 contains a control character (U+%2); use printable characters only</source>
        <translation>%1 содержит управляющий символ (U+%2); используйте только печатные символы</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>%1 has no form of assessment; choose one of: %2</source>
        <translation>%1: не указана форма контроля; выберите одну из: %2</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>%1 is empty</source>
        <translation>%1: пустое значение</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>%1 is not a current mark of a lesson; «осв» and «н/а» are given only as period marks</source>
        <translation>%1 — не текущая отметка за урок; «осв» и «н/а» ставятся только как отметки за период</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>%1 is not a date in the form yyyy-MM-dd</source>
        <translation>%1 — не дата в виде ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>%1 is not a lesson; write it as class/subject/group/date/lesson number, e.g. 7А/math/all/2026-09-01/2</source>
        <translation>%1 — не обозначение урока; пишите класс/предмет/группа/дата/номер урока, например 7А/math/all/2026-09-01/2</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>%1 is not a mark of the scale; use 5, 4, 3, 2, 1, «зач», «незач», «осв» or «н/а»</source>
        <translation>%1 — такой отметки нет в шкале; используйте 5, 4, 3, 2, 1, «зач», «незач», «осв» или «н/а»</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>%1 is not a valid %2; use one of: %3</source>
        <translation>%1 — недопустимое значение (%2); используйте одно из: %3</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>%1, %2, group %3</source>
        <translation>%1, %2, группа %3</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>%1, %2, lesson %3</source>
        <translation>%1, %2, урок %3</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>%1: %2 is not a date; write it as yyyy-MM-dd, e.g. 2026-09-01</source>
        <translation>%1: %2 — не дата; пишите в виде ГГГГ-ММ-ДД, например 2026-09-01</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>%1: %2 is not a lesson number; write a whole number from 1, e.g. 2</source>
        <translation>%1: %2 — не номер урока; укажите целое число от 1, например 2</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>a control work</source>
        <translation>контрольная работа</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>a distance task</source>
        <translation>дистанционное задание</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>a homework due date %1 is set but there is no homework; write the homework or clear the due date</source>
        <translation>указан срок сдачи домашнего задания %1, но самого задания нет; запишите домашнее задание или уберите срок</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>a lab work</source>
        <translation>лабораторная работа</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>a lesson has at most %1 mark columns, not %2</source>
        <translation>у урока не больше %1 колонок отметок, а не %2</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>a lesson&apos;s mark column is a current mark or a control work, not «%1»</source>
        <translation>колонка отметок урока — текущая отметка (current) или контрольная работа (control), а не «%1»</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>a mark of kind %1 is not a lesson mark; enter period, annual and exam marks as period marks</source>
        <translation>отметка вида %1 не ставится за урок; отметки за период, за год и за экзамен выставляются как отметки за период</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>a number</source>
        <translation>число</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>a period mark entered outside the last week of %1 is recorded with its author; the entry names none</source>
        <translation>отметка за период, выставленная не в последнюю неделю периода %1, записывается с указанием автора, а автор не указан</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>a practical work</source>
        <translation>практическая работа</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>annual</source>
        <translation>годовая</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>author id</source>
        <translation>идентификатор автора</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>average rule</source>
        <translation>правило среднего балла</translation>
    </message>
    <message>
        <location filename="../node/web/journal_server.cpp"/>
        <location filename="../node/web/plan_routes.cpp"/>
        <location filename="../shared/domain/model.cpp"/>
        <location filename="../shared/domain/rules.cpp"/>
        <location filename="../sync/scope.cpp"/>
        <source>class id</source>
        <translation>идентификатор класса</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>classwork</source>
        <translation>работа на уроке</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>correction number</source>
        <translation>номер исправления</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>due date %1 of task %2 is before its issue date %3; give a due date on or after the issue date</source>
        <translation>срок сдачи %1 задания %2 раньше даты выдачи %3; укажите срок не раньше даты выдачи</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>due date %1 of task %2 is before the lesson date %3; give a due date on or after the lesson</source>
        <translation>срок сдачи %1 задания %2 раньше даты урока %3; укажите срок не раньше дня урока</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>entry number</source>
        <translation>номер записи</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>field %1 is %2, expected 0 or 1</source>
        <translation>поле %1 равно %2, а должно быть 0 или 1</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>field %1 is %2, not a date in the form yyyy-MM-dd</source>
        <translation>поле %1 равно %2 — это не дата в виде ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>field %1 is %2, not an ISO 8601 time</source>
        <translation>поле %1 равно %2 — это не время в формате ISO 8601</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>field %1 is missing</source>
        <translation>нет поля %1</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>field %1 is out of range: %2</source>
        <translation>поле %1 вне допустимого диапазона: %2</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>field %1 should be %2</source>
        <translation>поле %1 должно содержать %2</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>field %1 should be 1</source>
        <translation>поле %1 должно быть равно 1</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>field %1: %2</source>
        <translation>поле %1: %2</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>field «hash» %1 does not start with the key&apos;s %2</source>
        <translation>поле «hash» %1 не начинается с %2 из ключа</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>field «hash» is %1, not a hex SHA-256</source>
        <translation>поле «hash» равно %1 — это не SHA-256 в шестнадцатеричном виде</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>field «lesson»: %1</source>
        <translation>поле «lesson»: %1</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>field «size» is negative: %1</source>
        <translation>поле «size» отрицательное: %1</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>field «topics» is %1, not a list of topic numbers like 3,4</source>
        <translation>поле «topics» равно %1 — это не список номеров тем вида 3,4</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>form of assessment %1 is not in the school&apos;s list; choose one of: %2</source>
        <translation>формы контроля %1 нет в списке школы; выберите одну из: %2</translation>
    </message>
    <message>
        <location filename="../node/web/plan_routes.cpp"/>
        <location filename="../shared/domain/model.cpp"/>
        <location filename="../shared/domain/rules.cpp"/>
        <location filename="../sync/scope.cpp"/>
        <source>group id</source>
        <translation>идентификатор группы</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>holiday id</source>
        <translation>идентификатор каникул</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>homework</source>
        <translation>домашняя работа</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>homework due date %1 is before the lesson date %2; give a due date on or after the lesson</source>
        <translation>срок сдачи домашнего задания %1 раньше даты урока %2; укажите срок не раньше дня урока</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>hours cannot be negative (planned %1, actual %2)</source>
        <translation>число часов не может быть отрицательным (по плану %1, фактически %2)</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>illness, «Б»</source>
        <translation>болезнь, «Б»</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>it is not a %1 key</source>
        <translation>это не ключ типа %1</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>kind of mark</source>
        <translation>вид отметки</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>kind of period</source>
        <translation>вид периода</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>kind of work</source>
        <translation>вид работы</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>lesson %1</source>
        <translation>урок %1</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>lesson number</source>
        <translation>номер урока</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>lesson number %1 is out of range; lessons of a day are numbered 1 to %2</source>
        <translation>номер урока %1 вне диапазона; уроки дня нумеруются от 1 до %2</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>lesson number %1 of the substitution is out of range; lessons of a day are numbered 1 to %2</source>
        <translation>номер урока %1 в замещении вне диапазона; уроки дня нумеруются от 1 до %2</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>mark column</source>
        <translation>колонка отметки</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>mark column %1 is not valid; columns are numbered from 1</source>
        <translation>недопустимая колонка отметки %1; колонки нумеруются с 1</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>mark column «%1» is not in the form kind:weight, e.g. control:2</source>
        <translation>колонка отметок «%1» записана не в виде вид:вес, например control:2</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>merging topics needs at least two topics, the entry names only topic %1; add the topics it is merged with or choose another method</source>
        <translation>для объединения нужно не меньше двух тем, а в записи указана только тема %1; добавьте темы, с которыми она объединяется, или выберите другой способ</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>period %1 (%2, for grades %3) does not apply to grade %4; give the marks of class %5 for the periods of its grade</source>
        <translation>период %1 (%2, для параллелей %3) не относится к параллели %4; выставляйте отметки класса %5 за периоды его параллели</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>period id</source>
        <translation>идентификатор периода</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>period marks for %1 are entered from %2 to %3, the last week before the holidays; %4 is after that week. Give a reason for the late entry</source>
        <translation>отметки за %1 выставляются с %2 по %3, в последнюю неделю перед каникулами; %4 — уже после этой недели. Укажите причину позднего выставления</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>period marks for %1 are entered from %2 to %3, the last week before the holidays; %4 is before that week. Wait for it, or give a reason for an early entry</source>
        <translation>отметки за %1 выставляются с %2 по %3, в последнюю неделю перед каникулами; %4 — ещё до этой недели. Дождитесь её или укажите причину досрочного выставления</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>pupil %1 already has the mark %2 in lesson %3, so an absence (%4) cannot be recorded: a pupil absent without illness cannot get a mark. Record illness («Б») or remove the mark first</source>
        <translation>у ученика %1 уже есть отметка %2 за урок %3, поэтому отсутствие (%4) записать нельзя: ученику, отсутствовавшему не по болезни, отметка не ставится. Запишите болезнь («Б») или сначала удалите отметку</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>pupil %1 has no mark in %2 for %3 to correct; enter the mark instead</source>
        <translation>у ученика %1 нет отметки по предмету %2 за период %3 — исправлять нечего; выставьте отметку</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>pupil %1 is absent from lesson %2 (%3); a pupil absent without illness cannot get a mark. If the pupil was present, remove the absence first</source>
        <translation>ученик %1 отсутствовал на уроке %2 (%3); ученику, отсутствовавшему не по болезни, отметка не ставится. Если ученик был на уроке, сначала снимите отсутствие</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>pupil %1 is not in class %2; choose a pupil of this class</source>
        <translation>ученик %1 не учится в классе %2; выберите ученика этого класса</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>pupil %1 is not in group %2 of class %3 in %4; with subgroups each teacher writes only the pupils of own group</source>
        <translation>ученик %1 не входит в группу %2 класса %3 по предмету %4; при делении на подгруппы каждый учитель ведёт только учеников своей группы</translation>
    </message>
    <message>
        <location filename="../node/web/journal_server.cpp"/>
        <location filename="../shared/domain/model.cpp"/>
        <source>pupil id</source>
        <translation>идентификатор ученика</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>reason of absence</source>
        <translation>причина отсутствия</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>school year id</source>
        <translation>идентификатор учебного года</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>self-study work</source>
        <translation>самостоятельная работа</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>self-study work can only be graded 5, 4, 3 or «зач»; %1 is not allowed. Leave the work ungraded until the pupil reaches a positive result</source>
        <translation>самостоятельная работа оценивается только на 5, 4, 3 или «зач»; отметка %1 недопустима. Оставьте работу без отметки, пока ученик не добьётся положительного результата</translation>
    </message>
    <message>
        <location filename="../shared/domain/average.cpp"/>
        <source>simple: every numeric mark counts once, whatever its weight; «зач», «осв» and «н/а» do not count</source>
        <translation>простой: каждая числовая отметка считается один раз, какой бы ни был её вес; «зач», «осв» и «н/а» не учитываются</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>stored entity %1 is damaged: %2</source>
        <translation>сохранённая запись %1 повреждена: %2</translation>
    </message>
    <message>
        <location filename="../node/web/journal_server.cpp"/>
        <location filename="../node/web/plan_routes.cpp"/>
        <location filename="../shared/domain/model.cpp"/>
        <location filename="../shared/domain/rules.cpp"/>
        <location filename="../sync/scope.cpp"/>
        <source>subject id</source>
        <translation>идентификатор предмета</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>task %1</source>
        <translation>задание %1</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>task %1 has no due date; set the date by which pupils must complete it</source>
        <translation>у задания %1 нет срока сдачи; укажите дату, к которой ученики должны его выполнить</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>task %1 has no issue date; give it as yyyy-MM-dd</source>
        <translation>у задания %1 нет даты выдачи; укажите её в виде ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>task %1 has no title; give it a title pupils will recognise</source>
        <translation>у задания %1 нет названия; дайте ему название, понятное ученикам</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>task %1 of %2 is tied to lesson %3 of another class, subject or group; choose a lesson of %2</source>
        <translation>задание %1 для %2 привязано к уроку %3 другого класса, предмета или группы; выберите урок для %2</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>task id</source>
        <translation>идентификатор задания</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>teacher %1 is named both as absent and as the substitute; name the colleague who replaces them</source>
        <translation>учитель %1 указан и как отсутствующий, и как замещающий; укажите коллегу, который его заменяет</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>teacher %1 is not assigned to lesson %2 and no substitution names them as the substitute for it; record the substitution first, then write the lesson</source>
        <translation>учитель %1 не ведёт урок %2 и не указан на нём замещающим; сначала запишите замещение, затем урок</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>teacher %1 teaches group %2 of class %3 in %4, not group %5; with subgroups each teacher writes only the journal of own group</source>
        <translation>учитель %1 ведёт %4 у группы %2 класса %3, а не у группы %5; при делении на подгруппы каждый учитель ведёт журнал только своей группы</translation>
    </message>
    <message>
        <location filename="../node/web/plan_routes.cpp"/>
        <location filename="../shared/domain/model.cpp"/>
        <source>teacher id</source>
        <translation>идентификатор учителя</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>text</source>
        <translation>текст</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>the correction gives the old mark as %1, but the mark on record is %2; a correction starts from the mark on record</source>
        <translation>в исправлении прежняя отметка указана как %1, а в журнале записана %2; исправление делается от записанной отметки</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>the correction of %1 to %2 has no explanation; write why the mark is corrected</source>
        <translation>у исправления %1 на %2 нет объяснения; напишите, почему исправляется отметка</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>the correction of %1 to %2 names no approver; a corrected mark is approved by the director</source>
        <translation>в исправлении %1 на %2 не указано, кто его утвердил; исправленную отметку утверждает директор</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>the correction-sheet entry has no date; give it as yyyy-MM-dd</source>
        <translation>у записи листа корректировки нет даты; укажите её в виде ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>the correction-sheet entry has no reason; write why the plan is corrected</source>
        <translation>у записи листа корректировки нет причины; напишите, почему корректируется план</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>the correction-sheet entry names no topic; list the КТП topics it corrects</source>
        <translation>в записи листа корректировки не указаны темы; перечислите темы КТП, которые она корректирует</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>the homework due date is not a valid date; give it as yyyy-MM-dd</source>
        <translation>срок сдачи домашнего задания — неверная дата; укажите её в виде ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>the key has %1 parts, expected %2</source>
        <translation>в ключе частей: %1, а должно быть %2</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>the lesson</source>
        <translation>урок</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>the lesson has no date; give it as yyyy-MM-dd</source>
        <translation>у урока нет даты; укажите её в виде ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>the new mark %1 is the same as the old one; a correction must change the mark</source>
        <translation>новая отметка %1 совпадает с прежней; исправление должно изменить отметку</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>the period mark for %1 was checked against period %2</source>
        <translation>отметка за период %1 проверялась по периоду %2</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>the period mark has no device date</source>
        <translation>у отметки за период нет даты устройства</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>the school&apos;s profile is kept under «%1» only</source>
        <translation>сведения о школе хранятся только под ключом «%1»</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>the substitution does not name the absent teacher</source>
        <translation>в замещении не указан отсутствующий учитель</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>the substitution does not name the substitute teacher</source>
        <translation>в замещении не указан замещающий учитель</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>the substitution has no date; give it as yyyy-MM-dd</source>
        <translation>у замещения нет даты; укажите её в виде ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>the substitution has no reason; write why %1 is absent (e.g. illness)</source>
        <translation>у замещения нет причины; напишите, почему отсутствует %1 (например, болезнь)</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>the weight of a mark is from 1 to 10, not %1 (R-J2)</source>
        <translation>вес отметки — от 1 до 10, а не %1 (R-J2)</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>there is no lesson %1; a mark goes into the column of the lesson whose topic it belongs to, so enter that lesson first</source>
        <translation>урока %1 нет; отметка ставится в колонку урока, к теме которого относится работа, поэтому сначала внесите этот урок</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>topic %1 is listed twice; name each topic once</source>
        <translation>тема %1 указана дважды; указывайте каждую тему один раз</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>topic %1 is not in the КТП of %2 in %3; choose a topic of the plan or correct the plan first</source>
        <translation>темы %1 нет в КТП класса %2 по предмету %3; выберите тему из плана или сначала скорректируйте план</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>topic %1 is not in the КТП of %2 in %3; name a topic of the plan</source>
        <translation>темы %1 нет в КТП класса %2 по предмету %3; укажите тему из плана</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>topic number</source>
        <translation>номер темы</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>unexcused, «НП»</source>
        <translation>без уважительной причины, «НП»</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>valid reason, «УП»</source>
        <translation>уважительная причина, «УП»</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>weekday</source>
        <translation>день недели</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>weekday %1 is not 1 (Monday) to 7 (Sunday)</source>
        <translation>день недели %1 — не число от 1 (понедельник) до 7 (воскресенье)</translation>
    </message>
    <message>
        <location filename="../shared/domain/rules.cpp"/>
        <source>weight %1 is out of range; give the mark a weight from %2 to %3</source>
        <translation>вес %1 вне допустимого диапазона; укажите вес отметки от %2 до %3</translation>
    </message>
    <message>
        <location filename="../shared/domain/average.cpp"/>
        <source>weighted: each mark counts as many times as its weight (a control work of weight 2 counts twice); «зач», «осв» and «н/а» do not count</source>
        <translation>взвешенный: каждая отметка считается столько раз, каков её вес (контрольная работа с весом 2 — дважды); «зач», «осв» и «н/а» не учитываются</translation>
    </message>
    <message>
        <location filename="../shared/domain/model.cpp"/>
        <source>КТП correction method</source>
        <translation>способ корректировки КТП</translation>
    </message>
</context>
<context>
    <name>tabel::domain::EntityCheck</name>
    <message>
        <source>%1 has a field «%2» that entries of its kind do not have</source>
        <translation type="vanished">у записи %1 есть поле «%2», которого у записей этого вида нет</translation>
    </message>
    <message>
        <location filename="../shared/domain/entity_check.cpp"/>
        <source>%1 is not the key of any kind of journal entry</source>
        <translation>%1 — не ключ ни одного вида записей журнала</translation>
    </message>
    <message>
        <location filename="../shared/domain/entity_check.cpp"/>
        <source>it has a field «%1» that entries of its kind do not have</source>
        <translation>в нём есть поле «%1», которого у записей этого вида нет</translation>
    </message>
</context>
<context>
    <name>tabel::domain::ReferenceImport</name>
    <message>
        <location filename="../shared/domain/reference_import.cpp"/>
        <source>%1, line %2: period %3 lies outside the school year %4</source>
        <translation>%1, строка %2: период %3 лежит вне учебного года %4</translation>
    </message>
    <message>
        <location filename="../shared/domain/reference_import.cpp"/>
        <source>%1: the calendar has no «year» line; add one with the school year&apos;s id, start and end</source>
        <translation>%1: в календаре нет строки «year»; добавьте её с идентификатором, началом и концом учебного года</translation>
    </message>
    <message>
        <location filename="../shared/domain/reference_import.cpp"/>
        <source>a calendar file describes one school year; this is a second «year» line</source>
        <translation>файл календаря описывает один учебный год, а это уже вторая строка «year»</translation>
    </message>
    <message>
        <location filename="../shared/domain/reference_import.cpp"/>
        <source>class</source>
        <translation>класс</translation>
    </message>
    <message>
        <location filename="../shared/domain/reference_import.cpp"/>
        <source>class %1 already has lesson %2 of weekday %3 for group %4 on line %5</source>
        <translation>у класса %1 урок %2 в день недели %3 для группы %4 уже задан в строке %5</translation>
    </message>
    <message>
        <location filename="../shared/domain/reference_import.cpp"/>
        <source>group</source>
        <translation>группа</translation>
    </message>
    <message>
        <location filename="../shared/domain/reference_import.cpp"/>
        <source>id</source>
        <translation>идентификатор</translation>
    </message>
    <message>
        <location filename="../shared/domain/reference_import.cpp"/>
        <source>pupil id</source>
        <translation>идентификатор ученика</translation>
    </message>
    <message>
        <location filename="../shared/domain/reference_import.cpp"/>
        <source>pupil id %1 is already used on line %2</source>
        <translation>идентификатор ученика %1 уже встречается в строке %2</translation>
    </message>
    <message>
        <location filename="../shared/domain/reference_import.cpp"/>
        <source>subject</source>
        <translation>предмет</translation>
    </message>
    <message>
        <location filename="../shared/domain/reference_import.cpp"/>
        <source>teacher</source>
        <translation>учитель</translation>
    </message>
    <message>
        <location filename="../shared/domain/reference_import.cpp"/>
        <source>the end %1 is before the start %2</source>
        <translation>конец %1 раньше начала %2</translation>
    </message>
    <message>
        <location filename="../shared/domain/reference_import.cpp"/>
        <source>unknown kind of reference data</source>
        <translation>неизвестный вид справочных данных</translation>
    </message>
    <message>
        <location filename="../shared/domain/reference_import.cpp"/>
        <source>«%1» is not a class: it must start with its grade 1…11, like «7А»</source>
        <translation>«%1» — не класс: обозначение класса начинается с номера параллели 1…11, например «7А»</translation>
    </message>
    <message>
        <location filename="../shared/domain/reference_import.cpp"/>
        <source>«%1» is not a kind of calendar line; use year, quarter, half or holiday</source>
        <translation>«%1» — неизвестный вид строки календаря; используйте year, quarter, half или holiday</translation>
    </message>
    <message>
        <location filename="../shared/domain/reference_import.cpp"/>
        <source>«%1» is not a subgroup; write subject:group, like «eng:1»</source>
        <translation>«%1» — не подгруппа; пишите предмет:группа, например «eng:1»</translation>
    </message>
</context>
<context>
    <name>tabel::hub::Extract</name>
    <message>
        <location filename="../hub/documents/extract_form.cpp"/>
        <source>the hub&apos;s roster has no pupil «%1»; check the id («tabel-hub summary --class CLASS» lists a class&apos;s pupils)</source>
        <translation>в списке учеников сервера школы нет ученика «%1»; проверьте идентификатор («tabel-hub summary --class КЛАСС» покажет учеников класса)</translation>
    </message>
</context>
<context>
    <name>tabel::hub::History</name>
    <message>
        <location filename="../hub/history/history.cpp"/>
        <source>%1 is a file; export-git writes into a new or empty folder</source>
        <translation>%1 — это файл; export-git записывает в новую или пустую папку</translation>
    </message>
    <message>
        <location filename="../hub/history/git_store.cpp"/>
        <source>a git object id in the hub store is damaged</source>
        <translation>идентификатор объекта git в хранилище сервера повреждён</translation>
    </message>
    <message>
        <location filename="../hub/history/history.cpp"/>
        <source>cannot create the folder %1</source>
        <translation>не удалось создать папку %1</translation>
    </message>
    <message>
        <location filename="../hub/history/git_store.cpp"/>
        <source>error %1</source>
        <translation>ошибка %1</translation>
    </message>
    <message>
        <location filename="../hub/history/git_store.cpp"/>
        <source>git object %1 in the hub store is damaged</source>
        <translation>объект git %1 в хранилище сервера повреждён</translation>
    </message>
    <message>
        <location filename="../hub/history/history.cpp"/>
        <source>the folder %1 is not empty; export-git writes only into a new or empty folder, so that it never mixes with other files</source>
        <translation>папка %1 не пуста; export-git записывает только в новую или пустую папку, чтобы не смешивать историю с другими файлами</translation>
    </message>
    <message>
        <location filename="../hub/history/history.cpp"/>
        <source>the history commit of the push received at %1 cannot be written: the change set at hub sequence %2 of the log is damaged (%3); run «tabel-hub check» and restore the hub&apos;s folder from a backup</source>
        <translation>коммит истории для отправки, принятой %1, не может быть записан: пакет изменений с номером %2 в журнале хаба повреждён (%3); выполните «tabel-hub check» и восстановите папку хаба из резервной копии</translation>
    </message>
    <message>
        <location filename="../hub/history/git_store.cpp"/>
        <source>the hub&apos;s history (git) failed to %1: %2</source>
        <translation>история сервера (git): не удалось %1: %2</translation>
    </message>
    <message>
        <location filename="../hub/history/history.cpp"/>
        <source>the hub&apos;s op log holds a change set that cannot be merged again: %1</source>
        <translation>журнал операций сервера школы содержит набор изменений, который не удаётся объединить повторно: %1</translation>
    </message>
</context>
<context>
    <name>tabel::hub::HubServer</name>
    <message>
        <location filename="../hub/server/hub_server.cpp"/>
        <source>cannot listen on %1:%2: %3</source>
        <translation>не удаётся ожидать подключений на %1:%2: %3</translation>
    </message>
    <message>
        <location filename="../hub/server/hub_server.cpp"/>
        <source>node «%1» of teacher «%2» is suspended by the hub&apos;s operator; nothing was accepted</source>
        <translation>узел «%1» учителя «%2» приостановлен оператором сервера школы; ничего не принято</translation>
    </message>
    <message>
        <location filename="../hub/server/hub_server.cpp"/>
        <source>the batch names node «%1», but this device is enrolled as node «%2»</source>
        <translation>пакет указывает узел «%1», но это устройство подключено как узел «%2»</translation>
    </message>
    <message>
        <location filename="../hub/server/hub_server.cpp"/>
        <source>the device %1 is not enrolled at this hub; enrol it with a code from «tabel-hub node add»</source>
        <translation>устройство %1 не подключено к этому серверу школы; подключите его кодом из «tabel-hub node add»</translation>
    </message>
    <message>
        <location filename="../hub/server/connection_guard.cpp"/>
        <source>the hub is receiving too many large requests at once; try again in a minute</source>
        <translation>сервер школы сейчас принимает слишком много больших запросов; повторите через минуту</translation>
    </message>
    <message>
        <location filename="../hub/server/hub_server.cpp"/>
        <source>the hub received more than %1 enrolment requests in the last %2 minutes; try again later</source>
        <translation>сервер школы получил более %1 запросов на подключение за последние %2 мин.; повторите попытку позже</translation>
    </message>
    <message>
        <location filename="../hub/server/hub_server.cpp"/>
        <source>the report names node «%1», but this device is enrolled as node «%2»</source>
        <translation>в отчёте указан узел «%1», а это устройство зарегистрировано как узел «%2»</translation>
    </message>
    <message>
        <location filename="../hub/server/connection_guard.cpp"/>
        <source>the request announces %1 bytes; the limit is %2 bytes; the node must send smaller batches (refused before reading the body)</source>
        <translation>запрос объявляет %1 байт при пределе %2 байт; узел должен отправлять пакеты меньшего размера (отклонено до чтения тела запроса)</translation>
    </message>
    <message>
        <location filename="../hub/server/connection_guard.cpp"/>
        <source>the request has no Content-Length; the hub accepts only bodies of a stated length</source>
        <translation>в запросе нет Content-Length; сервер школы принимает только тела запросов с указанной длиной</translation>
    </message>
    <message>
        <location filename="../hub/server/hub_server.cpp"/>
        <source>the request is %1 bytes; the limit is %2 bytes; the node must send smaller batches</source>
        <translation>запрос занимает %1 байт; предел — %2 байт; узел должен отправлять пакеты меньшего размера</translation>
    </message>
    <message>
        <location filename="../hub/server/connection_guard.cpp"/>
        <source>the request&apos;s Content-Length «%1» is not a number of bytes</source>
        <translation>Content-Length запроса «%1» — не число байтов</translation>
    </message>
    <message>
        <location filename="../hub/server/connection_guard.cpp"/>
        <source>the request&apos;s body arrives slower than %1 bytes a second; the connection is closed</source>
        <translation>тело запроса приходит медленнее %1 байт в секунду; подключение закрыто</translation>
    </message>
    <message>
        <location filename="../hub/server/connection_guard.cpp"/>
        <source>the request&apos;s header did not arrive within %1 s; the connection is closed</source>
        <translation>заголовок запроса не пришёл за %1 с; подключение закрыто</translation>
    </message>
    <message>
        <location filename="../hub/server/connection_guard.cpp"/>
        <source>the request&apos;s header is over %1 bytes</source>
        <translation>заголовок запроса длиннее %1 байт</translation>
    </message>
    <message>
        <location filename="../hub/server/hub_server.cpp"/>
        <source>this request was received before (its nonce was used already); a replayed request is refused</source>
        <translation>этот запрос уже был получен (его одноразовое число использовано); повторённый запрос отклонён</translation>
    </message>
</context>
<context>
    <name>tabel::hub::HubStore</name>
    <message>
        <location filename="../hub/store/own_changes.cpp"/>
        <source>%1 «%2» is not in conflict</source>
        <translation>%1 «%2» не находится в конфликте</translation>
    </message>
    <message>
        <location filename="../hub/store/check.cpp"/>
        <source>%1 «%2»: a stored register that no change set of the log wrote; restore hub.db from a backup, or report it</source>
        <translation>%1 «%2»: сохранённый регистр, который не записан ни одним набором изменений журнала; восстановите hub.db из резервной копии или сообщите об ошибке</translation>
    </message>
    <message>
        <location filename="../hub/store/check.cpp"/>
        <source>%1 «%2»: the stored register does not match the log (stored heads: %3; from the log: %4); restore hub.db from a backup, or report it</source>
        <translation>%1 «%2»: сохранённый регистр не совпадает с журналом операций (сохранено: %3; по журналу: %4); восстановите hub.db из резервной копии или сообщите об ошибке</translation>
    </message>
    <message>
        <location filename="../hub/store/merged_state.cpp"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../hub/store/check.cpp"/>
        <source>%1: teacher %2 stands in for this lesson, but the index of substitutes does not list it (the teacher&apos;s node could not write it); restore hub.db from a backup, or report it</source>
        <translation>%1: учитель %2 замещает на этом уроке, но указатель замен его не содержит (узел учителя не смог бы записать урок); восстановите hub.db из резервной копии или сообщите об ошибке</translation>
    </message>
    <message>
        <location filename="../hub/store/check.cpp"/>
        <source>%1: the index of substitutes lists teacher %2, whom the substitution does not name; restore hub.db from a backup, or report it</source>
        <translation>%1: указатель замен называет учителя %2, которого в замене нет; восстановите hub.db из резервной копии или сообщите об ошибке</translation>
    </message>
    <message>
        <location filename="../hub/store/check.cpp"/>
        <source>SQLite integrity check: %1</source>
        <translation>проверка целостности SQLite: %1</translation>
    </message>
    <message>
        <location filename="../hub/store/amendments.cpp"/>
        <source>a declined amendment request needs a reason for its teacher (--reason TEXT)</source>
        <translation>отклонение запроса на исправление требует причины для учителя (--reason ТЕКСТ)</translation>
    </message>
    <message>
        <location filename="../hub/store/pull.cpp"/>
        <source>a node&apos;s pull state in the hub store is damaged</source>
        <translation>состояние получения данных узлом в хранилище хаба повреждено</translation>
    </message>
    <message>
        <location filename="../hub/store/internal.cpp"/>
        <source>a node&apos;s scopes in the hub store are damaged</source>
        <translation>полномочия узла в хранилище сервера школы повреждены</translation>
    </message>
    <message>
        <location filename="../hub/store/push.cpp"/>
        <source>a stored acknowledgement in the hub store is damaged: %1</source>
        <translation>сохранённое подтверждение в хранилище сервера школы повреждено: %1</translation>
    </message>
    <message>
        <location filename="../hub/store/check.cpp"/>
        <source>a stored acknowledgement of device %1 does not decode: %2</source>
        <translation>сохранённое подтверждение устройства %1 не читается: %2</translation>
    </message>
    <message>
        <location filename="../hub/store/amendments.cpp"/>
        <source>accepted</source>
        <translation>принят</translation>
    </message>
    <message>
        <location filename="../hub/store/amendments.cpp"/>
        <source>amendment request %1 cannot be merged: %2; decline it</source>
        <translation>запрос на исправление %1 нельзя объединить: %2; отклоните его</translation>
    </message>
    <message>
        <location filename="../hub/store/amendments.cpp"/>
        <source>amendment request %1 was %2 already; a decision is final</source>
        <translation>запрос на исправление %1 уже %2; решение окончательное</translation>
    </message>
    <message>
        <location filename="../hub/store/hub_store.cpp"/>
        <source>cannot create the folder %1</source>
        <translation>не удаётся создать папку %1</translation>
    </message>
    <message>
        <location filename="../hub/store/schema.cpp"/>
        <source>cannot create the key file %1: %2</source>
        <translation>не удаётся создать файл ключа %1: %2</translation>
    </message>
    <message>
        <location filename="../hub/store/schema.cpp"/>
        <source>cannot read the key file %1: %2</source>
        <translation>не удаётся прочитать файл ключа %1: %2</translation>
    </message>
    <message>
        <location filename="../hub/store/schema.cpp"/>
        <source>cannot write the key file %1</source>
        <translation>не удаётся записать файл ключа %1</translation>
    </message>
    <message>
        <location filename="../hub/store/push.cpp"/>
        <source>change set %1 arrived, but the hub has this device&apos;s change sets only up to %2; send %3 first</source>
        <translation>получен набор изменений %1, но у сервера школы есть наборы изменений этого устройства только до %2; сначала отправьте %3</translation>
    </message>
    <message>
        <location filename="../hub/store/push.cpp"/>
        <source>change set %1 of this device was received before with other content; a sequence number is never reused</source>
        <translation>набор изменений %1 этого устройства уже был получен с другим содержимым; порядковый номер нельзя использовать повторно</translation>
    </message>
    <message>
        <location filename="../hub/store/push.cpp"/>
        <source>change set %1 writes data of two units («%2» and «%3»); a change set stays inside one class (or the school-wide data): update tabel on this device</source>
        <translation>набор изменений %1 затрагивает данные двух единиц («%2» и «%3»); набор изменений не выходит за пределы одного класса (или общешкольных данных): обновите tabel на этом устройстве</translation>
    </message>
    <message>
        <location filename="../hub/store/amendments.cpp"/>
        <source>class id</source>
        <translation>идентификатор класса</translation>
    </message>
    <message>
        <location filename="../hub/store/amendments.cpp"/>
        <source>declined</source>
        <translation>отклонён</translation>
    </message>
    <message>
        <location filename="../hub/store/check.cpp"/>
        <source>device %1 was acknowledged change set %2, which is not in the log</source>
        <translation>устройству %1 подтверждён набор изменений %2, которого нет в журнале операций</translation>
    </message>
    <message>
        <location filename="../hub/store/check.cpp"/>
        <source>device %1: its change sets in the log are not numbered 1 to %2 without a gap (found %3 where %4 was expected)</source>
        <translation>устройство %1: его наборы изменений в журнале операций не пронумерованы от 1 до %2 без пропусков (найден %3 вместо ожидаемого %4)</translation>
    </message>
    <message>
        <location filename="../hub/store/check.cpp"/>
        <location filename="../hub/store/pull.cpp"/>
        <source>log row %1: %2</source>
        <translation>строка журнала операций %1: %2</translation>
    </message>
    <message>
        <location filename="../hub/store/check.cpp"/>
        <source>log row %1: it cannot be merged again: %2</source>
        <translation>строка журнала %1: её не удаётся слить повторно: %2</translation>
    </message>
    <message>
        <location filename="../hub/store/check.cpp"/>
        <source>log row %1: its device or seq columns are not those of the change set it holds</source>
        <translation>строка журнала операций %1: её устройство или номер не совпадают с набором изменений, который она хранит</translation>
    </message>
    <message>
        <location filename="../hub/store/history_worker.cpp"/>
        <source>no history commit is being rendered</source>
        <translation>коммит истории сейчас не готовится</translation>
    </message>
    <message>
        <location filename="../hub/store/check.cpp"/>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../hub/store/amendments.cpp"/>
        <source>period %1 is closed already for class %2</source>
        <translation>период %1 уже закрыт для класса %2</translation>
    </message>
    <message>
        <location filename="../hub/store/amendments.cpp"/>
        <source>period %1 is closed already for every class</source>
        <translation>период %1 уже закрыт для всех классов</translation>
    </message>
    <message>
        <location filename="../hub/store/amendments.cpp"/>
        <source>period %1 is not closed for class %2; «tabel-hub period list» shows the closed periods</source>
        <translation>период %1 не закрыт для класса %2; закрытые периоды показывает «tabel-hub period list»</translation>
    </message>
    <message>
        <location filename="../hub/store/amendments.cpp"/>
        <source>period %1 is not closed for every class; «tabel-hub period list» shows the closed periods</source>
        <translation>период %1 не закрыт для всех классов; закрытые периоды показывает «tabel-hub period list»</translation>
    </message>
    <message>
        <location filename="../hub/store/amendments.cpp"/>
        <source>period %1 needs a start and an end date, the end not before the start (got %2 – %3)</source>
        <translation>для периода %1 нужны даты начала и конца, конец не раньше начала (получено %2 – %3)</translation>
    </message>
    <message>
        <location filename="../hub/store/amendments.cpp"/>
        <source>period id</source>
        <translation>идентификатор периода</translation>
    </message>
    <message>
        <location filename="../hub/store/push.cpp"/>
        <source>some field is now in conflict and waits for the operator</source>
        <translation>в некотором поле теперь конфликт, он ждёт решения оператора</translation>
    </message>
    <message>
        <location filename="../hub/store/push.cpp"/>
        <source>the change set was signed by device %1, not by this node&apos;s device %2</source>
        <translation>набор изменений подписан устройством %1, а не устройством этого узла %2</translation>
    </message>
    <message>
        <location filename="../hub/store/own_changes.cpp"/>
        <source>the change writes %1 fields; one change set holds at most %2; split the file</source>
        <translation>изменение записывает %1 полей, а набор изменений вмещает не более %2; разделите файл</translation>
    </message>
    <message>
        <location filename="../hub/store/nodes.cpp"/>
        <source>the enrolled node vanished from the hub store</source>
        <translation>подключённый узел пропал из хранилища сервера школы</translation>
    </message>
    <message>
        <location filename="../hub/store/nodes.cpp"/>
        <source>the enrolment code expired on %1; ask the operator for a new one</source>
        <translation>срок действия кода подключения истёк %1; попросите у оператора новый</translation>
    </message>
    <message>
        <location filename="../hub/store/nodes.cpp"/>
        <source>the enrolment code is not known to this hub; check it, or ask the operator for a new one («tabel-hub node add»)</source>
        <translation>этот код подключения неизвестен серверу школы; проверьте его или попросите у оператора новый («tabel-hub node add»)</translation>
    </message>
    <message>
        <location filename="../hub/store/nodes.cpp"/>
        <source>the enrolment code was used already; each code enrols one device; ask the operator for a new one</source>
        <translation>код подключения уже использован; каждый код подключает одно устройство; попросите у оператора новый</translation>
    </message>
    <message>
        <location filename="../hub/store/history_worker.cpp"/>
        <source>the history commit of the last push was written by another process</source>
        <translation>коммит истории последней отправки уже записан другим процессом</translation>
    </message>
    <message>
        <location filename="../hub/store/push.cpp"/>
        <source>the history of the last push was written meanwhile</source>
        <translation>история последней отправки тем временем уже записана</translation>
    </message>
    <message>
        <location filename="../hub/store/schema.cpp"/>
        <source>the hub store %1 is damaged, was altered, or does not match hub.key; restore the folder from a backup</source>
        <translation>хранилище сервера школы %1 повреждено, изменено или не соответствует hub.key; восстановите папку из резервной копии</translation>
    </message>
    <message>
        <location filename="../hub/store/schema.cpp"/>
        <source>the hub store was created by a newer tabel (schema %1, this program knows up to %2); update tabel</source>
        <translation>хранилище сервера школы создано более новой версией tabel (схема %1, эта программа знает схемы до %2); обновите tabel</translation>
    </message>
    <message>
        <location filename="../hub/store/schema.cpp"/>
        <source>the hub&apos;s op log holds a change set that cannot be merged again (hub sequence %1): %2</source>
        <translation>журнал операций хаба содержит набор изменений, который не удаётся слить повторно (номер в хабе %1): %2</translation>
    </message>
    <message>
        <location filename="../hub/store/own_changes.cpp"/>
        <source>the hub&apos;s own change set spans two units («%1» and «%2»)</source>
        <translation>собственный набор изменений хаба затрагивает две единицы («%1» и «%2»)</translation>
    </message>
    <message>
        <location filename="../hub/store/own_changes.cpp"/>
        <source>the hub&apos;s own change set was refused by the registers: %1</source>
        <translation>собственный набор изменений сервера школы отклонён при объединении: %1</translation>
    </message>
    <message>
        <location filename="../hub/store/pull.cpp"/>
        <source>the hub&apos;s scope index names hub sequence %1, which is not in the log</source>
        <translation>индекс областей хаба ссылается на номер %1, которого нет в журнале операций</translation>
    </message>
    <message>
        <location filename="../hub/store/own_changes.cpp"/>
        <source>the hub&apos;s signing key in the hub store is damaged: %1</source>
        <translation>ключ подписи сервера школы в его хранилище повреждён: %1</translation>
    </message>
    <message>
        <location filename="../hub/store/schema.cpp"/>
        <source>the key file %1 is damaged: it must hold exactly %2 bytes</source>
        <translation>файл ключа %1 повреждён: он должен содержать ровно %2 байт</translation>
    </message>
    <message>
        <location filename="../hub/store/schema.cpp"/>
        <source>the key file %1 is missing, so the hub store cannot be opened; restore it from the backup of the hub&apos;s folder</source>
        <translation>файл ключа %1 отсутствует, поэтому хранилище сервера школы нельзя открыть; восстановите его из резервной копии папки сервера школы</translation>
    </message>
    <message>
        <location filename="../hub/store/pull.cpp"/>
        <source>the node&apos;s pull cursor %1 was not given by this hub; a node keeps the cursor of its last answer</source>
        <translation>курсор получения %1 выдан не этим хабом; узел хранит курсор из последнего ответа хаба</translation>
    </message>
    <message>
        <location filename="../hub/store/pull.cpp"/>
        <source>the node&apos;s pull cursor ran out of epochs</source>
        <translation>у курсора получения узла закончились эпохи</translation>
    </message>
    <message>
        <location filename="../hub/store/amendments.cpp"/>
        <source>the reason is over %1 bytes; shorten it</source>
        <translation>причина длиннее %1 байт; сократите её</translation>
    </message>
    <message>
        <location filename="../hub/store/own_changes.cpp"/>
        <source>the value cannot be stored in %1: %2</source>
        <translation>значение нельзя сохранить в %1: %2</translation>
    </message>
    <message>
        <location filename="../hub/store/amendments.cpp"/>
        <source>there is no amendment request %1; «tabel-hub amendments list» shows the waiting ones</source>
        <translation>запроса на исправление %1 нет; ожидающие запросы показывает «tabel-hub amendments list»</translation>
    </message>
    <message>
        <location filename="../hub/store/nodes.cpp"/>
        <source>there is no node «%1»; «tabel-hub node list» shows the nodes</source>
        <translation>узла «%1» нет; список узлов показывает «tabel-hub node list»</translation>
    </message>
    <message>
        <location filename="../hub/store/own_changes.cpp"/>
        <source>there is no open conflict «%1»; «tabel-hub conflicts list» shows the open ones</source>
        <translation>открытого конфликта «%1» нет; открытые конфликты показывает «tabel-hub conflicts list»</translation>
    </message>
    <message>
        <location filename="../hub/store/nodes.cpp"/>
        <source>this device is enrolled already as node «%1»</source>
        <translation>это устройство уже подключено как узел «%1»</translation>
    </message>
    <message>
        <location filename="../hub/store/hub_store.cpp"/>
        <source>warning: the history is missing the last push for now: %1</source>
        <translation>предупреждение: в истории пока нет последней отправки: %1</translation>
    </message>
    <message>
        <location filename="../hub/store/check.cpp"/>
        <source>… and %1 more stored registers that no change set of the log wrote</source>
        <translation>… и ещё %1 сохранённых регистров, не записанных ни одним набором изменений журнала</translation>
    </message>
</context>
<context>
    <name>tabel::hub::Journal</name>
    <message>
        <location filename="../hub/documents/journal_data.cpp"/>
        <source>the hub knows no pupil of %1 and no lesson of %2 in it between %3 and %4; check the class, subject and group («tabel-hub summary --class %1» lists the class)</source>
        <translation>на сервере школы нет ни учеников класса %1, ни уроков предмета «%2» в нём с %3 по %4; проверьте класс, предмет и группу («tabel-hub summary --class %1» покажет класс)</translation>
    </message>
</context>
<context>
    <name>tabel::hub::Ktp</name>
    <message>
        <location filename="../hub/documents/ktp_data.cpp"/>
        <source>the hub holds no КТП of %1 in class %2; the teacher enters it on her computer and syncs</source>
        <translation>на сервере школы нет КТП по предмету «%1» в классе %2; учитель вводит его на своём компьютере и синхронизирует</translation>
    </message>
</context>
<context>
    <name>tabel::hub::Substitutions</name>
    <message>
        <location filename="../hub/documents/substitution_form.cpp"/>
        <source> in class %1</source>
        <translation> в классе %1</translation>
    </message>
    <message>
        <location filename="../hub/documents/substitution_form.cpp"/>
        <source>no substitution is recorded between %1 and %2%3, so the journal would be empty; «tabel-hub substitution list» shows those recorded</source>
        <translation>с %1 по %2%3 не записано ни одной замены, журнал был бы пустым; «tabel-hub substitution list» покажет записанные замены</translation>
    </message>
</context>
<context>
    <name>tabel::hub::Summary</name>
    <message>
        <location filename="../hub/summary/summary.cpp"/>
        <source>%1 (%2), node %3: %4</source>
        <translation>%1 (%2), узел %3: %4</translation>
    </message>
    <message>
        <location filename="../hub/summary/summary.cpp"/>
        <source>%1, %2, %3: %4 → %5, «%6»; approved by %7 (%8)</source>
        <translation>%1, %2, %3: %4 → %5, «%6»; утвердил: %7 (%8)</translation>
    </message>
    <message>
        <location filename="../hub/summary/summary.cpp"/>
        <source>(corr.)</source>
        <translation>(испр.)</translation>
    </message>
    <message>
        <location filename="../hub/summary/summary.cpp"/>
        <source>(corr.): the mark was corrected (2.6.8):</source>
        <translation>(испр.): отметка исправлена (2.6.8):</translation>
    </message>
    <message>
        <location filename="../hub/summary/summary.cpp"/>
        <source>* in conflict: the later value is shown; «tabel-hub conflicts list --class %1» shows both</source>
        <translation>* в конфликте: показано более позднее значение; оба показывает «tabel-hub conflicts list --class %1»</translation>
    </message>
    <message>
        <location filename="../hub/summary/summary.cpp"/>
        <source>Absences are counted from %1 to %2.</source>
        <translation>Пропуски подсчитаны с %1 по %2.</translation>
    </message>
    <message>
        <location filename="../hub/summary/summary.cpp"/>
        <source>Absences are counted over the whole record.</source>
        <translation>Пропуски подсчитаны за всё время.</translation>
    </message>
    <message>
        <location filename="../hub/summary/summary.cpp"/>
        <source>Absent</source>
        <translation>Пропущено</translation>
    </message>
    <message>
        <location filename="../hub/summary/summary.cpp"/>
        <source>Ill</source>
        <translation>По болезни</translation>
    </message>
    <message>
        <location filename="../hub/summary/summary.cpp"/>
        <source>No teacher&apos;s node writes this class.</source>
        <translation>Ни один узел учителя не ведёт этот класс.</translation>
    </message>
    <message>
        <location filename="../hub/summary/summary.cpp"/>
        <source>Pupil</source>
        <translation>Обучающийся</translation>
    </message>
    <message>
        <location filename="../hub/summary/summary.cpp"/>
        <source>Summary sheet of class %1, every period, formed %2 from the hub&apos;s merged data (2.5.8)</source>
        <translation>Сводная ведомость класса %1, все периоды, сформирована %2 по объединённым данным сервера школы (2.5.8)</translation>
    </message>
    <message>
        <location filename="../hub/summary/summary.cpp"/>
        <source>Summary sheet of class %1, period %2, formed %3 from the hub&apos;s merged data (2.5.8)</source>
        <translation>Сводная ведомость класса %1, период %2, сформирована %3 по объединённым данным сервера школы (2.5.8)</translation>
    </message>
    <message>
        <location filename="../hub/summary/summary.cpp"/>
        <source>The sheet includes what the teachers&apos; nodes sent up to their last sync:</source>
        <translation>Ведомость включает то, что узлы учителей прислали до последней синхронизации:</translation>
    </message>
    <message>
        <location filename="../hub/summary/summary.cpp"/>
        <source>absent</source>
        <translation>пропущено</translation>
    </message>
    <message>
        <location filename="../hub/summary/summary.cpp"/>
        <source>approved by</source>
        <translation>утвердил</translation>
    </message>
    <message>
        <location filename="../hub/summary/summary.cpp"/>
        <source>corrections (2.6.8)</source>
        <translation>исправления (2.6.8)</translation>
    </message>
    <message>
        <location filename="../hub/summary/summary.cpp"/>
        <source>date</source>
        <translation>дата</translation>
    </message>
    <message>
        <location filename="../hub/summary/summary.cpp"/>
        <source>explanation</source>
        <translation>объяснение</translation>
    </message>
    <message>
        <location filename="../hub/summary/summary.cpp"/>
        <source>ill</source>
        <translation>по болезни</translation>
    </message>
    <message>
        <location filename="../hub/summary/summary.cpp"/>
        <source>never synced</source>
        <translation>ни разу не синхронизирован</translation>
    </message>
    <message>
        <location filename="../hub/summary/summary.cpp"/>
        <source>new mark</source>
        <translation>новая отметка</translation>
    </message>
    <message>
        <location filename="../hub/summary/summary.cpp"/>
        <source>old mark</source>
        <translation>прежняя отметка</translation>
    </message>
    <message>
        <location filename="../hub/summary/summary.cpp"/>
        <source>period</source>
        <translation>период</translation>
    </message>
    <message>
        <location filename="../hub/summary/summary.cpp"/>
        <source>pupil</source>
        <translation>ученик</translation>
    </message>
    <message>
        <location filename="../hub/summary/summary.cpp"/>
        <source>pupil id</source>
        <translation>идентификатор ученика</translation>
    </message>
    <message>
        <location filename="../hub/summary/summary.cpp"/>
        <source>subject</source>
        <translation>предмет</translation>
    </message>
    <message>
        <location filename="../hub/summary/summary.cpp"/>
        <source>the hub knows no pupils and no marks of class %1: its roster reaches the hub through «tabel-hub import roster FILE» or the operator&apos;s node</source>
        <translation>сервер школы не знает ни обучающихся, ни отметок класса %1: список класса попадает на сервер через «tabel-hub import roster ФАЙЛ» или узел оператора</translation>
    </message>
</context>
<context>
    <name>tabel::hub::tls</name>
    <message>
        <location filename="../hub/server/tls.cpp"/>
        <source>cannot make the hub&apos;s certificate (%1): %2</source>
        <translation>не удаётся создать сертификат сервера школы (%1): %2</translation>
    </message>
    <message>
        <location filename="../hub/server/tls.cpp"/>
        <source>cannot read %1: %2</source>
        <translation>не удаётся прочитать %1: %2</translation>
    </message>
    <message>
        <location filename="../hub/server/tls.cpp"/>
        <source>cannot write %1: %2</source>
        <translation>не удаётся записать %1: %2</translation>
    </message>
    <message>
        <location filename="../hub/server/tls.cpp"/>
        <source>the hub&apos;s certificate %1 or its key %2 is damaged; remove both to make a new one (every node must then be enrolled again)</source>
        <translation>сертификат сервера школы %1 или его ключ %2 повреждён; удалите оба файла, чтобы создать новые (затем все узлы нужно подключить заново)</translation>
    </message>
</context>
<context>
    <name>tabel::node::Journal</name>
    <message>
        <location filename="../node/core/journal.cpp"/>
        <source>%1 grew while it was read; try again</source>
        <translation>файл %1 увеличился во время чтения; повторите попытку</translation>
    </message>
    <message>
        <location filename="../node/core/journal.cpp"/>
        <source>%1 is %2 MiB; files up to %3 MiB can be stored</source>
        <translation>размер %1 — %2 МБ; сохранить можно файлы до %3 МБ</translation>
    </message>
    <message>
        <location filename="../node/core/journal.cpp"/>
        <source>%1: no such file</source>
        <translation>%1: такого файла нет</translation>
    </message>
    <message>
        <location filename="../node/core/journal.cpp"/>
        <source>a plan topic needs a number from 1, a title and at least one planned hour</source>
        <translation>у темы КТП должны быть номер (от 1), название и хотя бы один час по плану</translation>
    </message>
    <message>
        <location filename="../node/core/journal.cpp"/>
        <source>a teacher records only the substitutions they take part in; this one is between %1 and %2</source>
        <translation>учитель записывает только те замещения, в которых участвует сам; это замещение — между %1 и %2</translation>
    </message>
    <message>
        <source>annual</source>
        <translation type="vanished">год</translation>
    </message>
    <message>
        <location filename="../node/core/journal.cpp"/>
        <source>cannot read %1: %2</source>
        <translation>не удалось прочитать %1: %2</translation>
    </message>
    <message>
        <location filename="../node/core/journal.cpp"/>
        <source>pupil %1 has no mark in column %2 of lesson %3</source>
        <translation>у ученика %1 нет отметки в колонке %2 урока %3</translation>
    </message>
    <message>
        <location filename="../node/core/journal.cpp"/>
        <source>pupil %1 is not in group %2 of class %3 for %4</source>
        <translation>ученик %1 не входит в группу %2 класса %3 по предмету %4</translation>
    </message>
    <message>
        <location filename="../node/core/journal.cpp"/>
        <source>task %1 is not tied to a lesson, and a mark goes into the column of the lesson whose topic it belongs to; give the task a lesson with «tabel-node task add --lesson»</source>
        <translation>задание %1 не привязано к уроку, а отметка ставится в колонку урока, к теме которого относится задание; укажите урок задания: «tabel-node task add --lesson»</translation>
    </message>
    <message>
        <location filename="../node/core/journal.cpp"/>
        <source>the task %1 of this submission is missing</source>
        <translation>задания %1, к которому относится эта работа, нет</translation>
    </message>
    <message>
        <location filename="../node/core/journal.cpp"/>
        <source>the time the work was received is not valid</source>
        <translation>неверное время получения работы</translation>
    </message>
    <message>
        <location filename="../node/core/journal.cpp"/>
        <source>there is no lesson %1; a task belongs to the lesson of its topic, add the lesson first</source>
        <translation>урока %1 нет; задание относится к уроку своей темы — сначала добавьте урок</translation>
    </message>
    <message>
        <location filename="../node/core/journal.cpp"/>
        <source>there is no lesson %1; add it with «tabel-node lesson add» first</source>
        <translation>урока %1 нет; сначала добавьте его командой «tabel-node lesson add»</translation>
    </message>
    <message>
        <location filename="../node/core/journal.cpp"/>
        <source>there is no period «%1» in the calendar</source>
        <translation>в календаре нет периода «%1»</translation>
    </message>
    <message>
        <location filename="../node/core/journal.cpp"/>
        <source>there is no period «%1» in the calendar; import the calendar or check the id</source>
        <translation>в календаре нет периода «%1»; загрузите календарь или проверьте идентификатор</translation>
    </message>
    <message>
        <location filename="../node/core/journal.cpp"/>
        <source>there is no pupil %1 in class %2</source>
        <translation>в классе %2 нет ученика %1</translation>
    </message>
    <message>
        <location filename="../node/core/journal.cpp"/>
        <source>there is no pupil %1; check the id in the roster</source>
        <translation>ученика %1 нет; проверьте идентификатор в списке учеников</translation>
    </message>
    <message>
        <location filename="../node/core/journal.cpp"/>
        <source>there is no submission %1; see «tabel-node submission list»</source>
        <translation>работы ученика %1 нет; см. «tabel-node submission list»</translation>
    </message>
    <message>
        <location filename="../node/core/journal.cpp"/>
        <source>there is no task %1; see «tabel-node task list»</source>
        <translation>задания %1 нет; см. «tabel-node task list»</translation>
    </message>
    <message>
        <location filename="../node/core/journal.cpp"/>
        <source>topic %1 is not in the calendar-thematic plan of %2, %3; add it with «tabel-node ktp add-topic» first</source>
        <translation>темы %1 нет в календарно-тематическом планировании %2, %3; сначала добавьте её командой «tabel-node ktp add-topic»</translation>
    </message>
    <message>
        <location filename="../node/core/journal.cpp"/>
        <source>you do not teach %1 in class %2 (no such line for you in the timetable)</source>
        <translation>вы не ведёте %1 в классе %2 (в расписании нет такой строки с вами)</translation>
    </message>
    <message>
        <location filename="../node/core/journal.cpp"/>
        <source>you do not teach %1 to pupil %2 of class %3; only their own teacher gives the period mark</source>
        <translation>вы не ведёте %1 у ученика %2 класса %3; отметку за период ставит только его учитель</translation>
    </message>
</context>
<context>
    <name>tabel::node::KeyFile</name>
    <message>
        <location filename="../node/store/key_file.cpp"/>
        <source>cannot read the key file %1: %2</source>
        <translation>не удалось прочитать файл ключа %1: %2</translation>
    </message>
    <message>
        <location filename="../node/store/key_file.cpp"/>
        <source>cannot write the key file %1: %2</source>
        <translation>не удалось записать файл ключа %1: %2</translation>
    </message>
    <message>
        <location filename="../node/store/key_file.cpp"/>
        <source>no format version</source>
        <translation>не указана версия формата</translation>
    </message>
    <message>
        <location filename="../node/store/key_file.cpp"/>
        <source>salt or check value missing</source>
        <translation>нет соли или контрольного значения</translation>
    </message>
    <message>
        <location filename="../node/store/key_file.cpp"/>
        <source>the key file %1 is damaged (%2); restore it from a backup of the store folder</source>
        <translation>файл ключа %1 повреждён (%2); восстановите его из резервной копии папки хранилища</translation>
    </message>
    <message>
        <location filename="../node/store/key_file.cpp"/>
        <source>the key file %1 is missing</source>
        <translation>файл ключа %1 отсутствует</translation>
    </message>
    <message>
        <location filename="../node/store/key_file.cpp"/>
        <source>the key file %1 was written by a newer tabel; update tabel</source>
        <translation>файл ключа %1 записан более новой версией tabel; обновите tabel</translation>
    </message>
    <message>
        <location filename="../node/store/key_file.cpp"/>
        <source>the key file %1: %2</source>
        <translation>файл ключа %1: %2</translation>
    </message>
    <message>
        <location filename="../node/store/key_file.cpp"/>
        <source>the passphrase is wrong; nothing was changed, try again</source>
        <translation>неверная парольная фраза; ничего не изменено, попробуйте ещё раз</translation>
    </message>
    <message>
        <location filename="../node/store/key_file.cpp"/>
        <source>too large</source>
        <translation>слишком большой</translation>
    </message>
</context>
<context>
    <name>tabel::node::NodeStore</name>
    <message>
        <location filename="../node/store/node_store.cpp"/>
        <source>%1 bytes instead of %2</source>
        <translation>%1 байт вместо %2</translation>
    </message>
    <message>
        <location filename="../node/store/node_store.cpp"/>
        <source>a change set in the store is damaged (%1); restore the store from a backup</source>
        <translation>набор изменений в хранилище повреждён (%1); восстановите хранилище из резервной копии</translation>
    </message>
    <message>
        <location filename="../node/store/node_store.cpp"/>
        <source>a passphrase change was interrupted after the store was re-encrypted; open it with the new passphrase</source>
        <translation>смена парольной фразы прервалась после перешифрования хранилища; откройте его с новой парольной фразой</translation>
    </message>
    <message>
        <location filename="../node/store/node_store.cpp"/>
        <source>a passphrase change was interrupted before the store was re-encrypted, so the new passphrase never took effect; open it with the old passphrase</source>
        <translation>смена парольной фразы прервалась до перешифрования хранилища, поэтому новая парольная фраза не вступила в силу; откройте хранилище старой парольной фразой</translation>
    </message>
    <message>
        <location filename="../node/store/node_store.cpp"/>
        <source>a store already exists in %1; open it, or choose another folder</source>
        <translation>в %1 уже есть хранилище; откройте его или выберите другую папку</translation>
    </message>
    <message>
        <location filename="../node/store/node_store.cpp"/>
        <source>cannot create the folder %1</source>
        <translation>не удалось создать папку %1</translation>
    </message>
    <message>
        <location filename="../node/store/node_store.cpp"/>
        <source>cannot finish the interrupted passphrase change in %1</source>
        <translation>не удалось завершить прерванную смену парольной фразы в %1</translation>
    </message>
    <message>
        <location filename="../node/store/node_store.cpp"/>
        <source>change %1 (amendment request %2) was accepted by the operator and is in the school&apos;s journal</source>
        <translation>изменение %1 (запрос на исправление %2) принято оператором и внесено в журнал школы</translation>
    </message>
    <message>
        <location filename="../node/store/node_store.cpp"/>
        <source>change %1 (amendment request %2) was declined by the operator: %3</source>
        <translation>изменение %1 (запрос на исправление %2) отклонено оператором: %3</translation>
    </message>
    <message>
        <location filename="../node/store/node_store.cpp"/>
        <source>change %1 edits a closed period and waits for the operator&apos;s decision</source>
        <translation>изменение %1 касается закрытого периода и ждёт решения оператора</translation>
    </message>
    <message>
        <location filename="../node/store/node_store.cpp"/>
        <source>change set %1</source>
        <translation>набор изменений %1</translation>
    </message>
    <message>
        <location filename="../node/store/node_store.cpp"/>
        <source>change set %1 from the hub (by %2): %3</source>
        <translation>набор изменений %1 с сервера школы (автор %2): %3</translation>
    </message>
    <message>
        <source>change set %1 has the wrong size</source>
        <translation type="vanished">у пакета изменений %1 неверный размер</translation>
    </message>
    <message>
        <location filename="../node/store/node_store.cpp"/>
        <source>entry %1 (%2): %3</source>
        <translation>запись %1 (%2): %3</translation>
    </message>
    <message>
        <location filename="../node/store/node_store.cpp"/>
        <source>no reason given</source>
        <translation>причина не указана</translation>
    </message>
    <message>
        <location filename="../node/store/node_store.cpp"/>
        <source>no stored file has the checksum %1</source>
        <translation>нет сохранённого файла с контрольной суммой %1</translation>
    </message>
    <message>
        <location filename="../node/store/node_store.cpp"/>
        <source>the file is %1 MiB; files up to %2 MiB can be stored</source>
        <translation>размер файла — %1 МБ; сохранить можно файлы до %2 МБ</translation>
    </message>
    <message>
        <location filename="../node/store/node_store.cpp"/>
        <source>the hub sent a change set (hub sequence %1) that does not verify: %2; nothing of this pull was stored</source>
        <translation>сервер школы прислал набор изменений (номер на сервере %1), подпись которого не сходится: %2; из полученного ничего не сохранено</translation>
    </message>
    <message>
        <location filename="../node/store/node_store.cpp"/>
        <source>the passphrase must be at least %1 characters long</source>
        <translation>парольная фраза должна содержать не менее %1 символов</translation>
    </message>
    <message>
        <location filename="../node/store/node_store.cpp"/>
        <source>the store failed its integrity check: %1</source>
        <translation>хранилище не прошло проверку целостности: %1</translation>
    </message>
    <message>
        <location filename="../node/store/node_store.cpp"/>
        <source>the store file %1 is damaged or was altered; restore it from a backup</source>
        <translation>файл хранилища %1 повреждён или изменён извне; восстановите его из резервной копии</translation>
    </message>
    <message>
        <location filename="../node/store/node_store.cpp"/>
        <source>the store was re-encrypted but the key file could not be replaced; open the store with the new passphrase to finish</source>
        <translation>хранилище перешифровано, но файл ключа заменить не удалось; чтобы завершить смену парольной фразы, откройте хранилище с новой парольной фразой</translation>
    </message>
    <message>
        <location filename="../node/store/node_store.cpp"/>
        <source>the stored file %1 does not match its checksum</source>
        <translation>сохранённый файл %1 не совпадает со своей контрольной суммой</translation>
    </message>
    <message>
        <location filename="../node/store/node_store.cpp"/>
        <source>there is no store in %1; create one with «tabel-node init»</source>
        <translation>в %1 нет хранилища; создайте его командой «tabel-node init»</translation>
    </message>
    <message>
        <location filename="../node/store/node_store.cpp"/>
        <source>this device has no change set %1</source>
        <translation>на этом устройстве нет набора изменений %1</translation>
    </message>
</context>
<context>
    <name>tabel::node::Print</name>
    <message>
        <location filename="../node/print/print_service.cpp"/>
        <source>the calendar on this computer has no period «%1»; sync with the school&apos;s hub, or give the dates</source>
        <translation>в календаре на этом компьютере нет периода «%1»; синхронизируйтесь с сервером школы или укажите даты</translation>
    </message>
    <message>
        <location filename="../node/print/print_service.cpp"/>
        <source>the first day %1 is after the last day %2</source>
        <translation>первый день %1 позже последнего дня %2</translation>
    </message>
    <message>
        <location filename="../node/print/print_service.cpp"/>
        <source>the КТП is printed as PDF or HTML</source>
        <translation>КТП печатается в PDF или HTML</translation>
    </message>
    <message>
        <location filename="../node/print/print_service.cpp"/>
        <source>the КТП of %1 in class %2 has no topics on this computer; add them first</source>
        <translation>в КТП по предмету %1 класса %2 на этом компьютере нет тем; сначала добавьте их</translation>
    </message>
    <message>
        <location filename="../node/print/print_service.cpp"/>
        <source>there are no lessons of %1 in class %2 from %3 to %4 on this computer, so the journal would be empty</source>
        <translation>на этом компьютере нет уроков предмета «%1» в классе %2 с %3 по %4, журнал был бы пустым</translation>
    </message>
</context>
<context>
    <name>tabel::node::SyncClient</name>
    <message>
        <location filename="../node/sync/sync_client.cpp"/>
        <source>CODE: %1</source>
        <translation>CODE: %1</translation>
    </message>
    <message>
        <location filename="../node/sync/sync_client.cpp"/>
        <source>URL: expected the hub&apos;s address as https://HOST:PORT, got «%1»</source>
        <translation>URL: ожидается адрес сервера школы в виде https://HOST:PORT, получено «%1»</translation>
    </message>
    <message>
        <location filename="../node/sync/sync_client.cpp"/>
        <source>change set %1 (amendment request %2) was accepted by the operator and merged</source>
        <translation>набор изменений %1 (запрос на исправление %2) принят оператором и объединён</translation>
    </message>
    <message>
        <location filename="../node/sync/sync_client.cpp"/>
        <source>change set %1 (amendment request %2) was declined by the operator: %3</source>
        <translation>набор изменений %1 (запрос на исправление %2) отклонён оператором: %3</translation>
    </message>
    <message>
        <location filename="../node/sync/sync_client.cpp"/>
        <source>change set %1: %2</source>
        <translation>набор изменений %1: %2</translation>
    </message>
    <message>
        <location filename="../node/sync/sync_client.cpp"/>
        <source>the certificate of the hub at %1 is not the one this node trusts: its fingerprint starts with %2, expected %3; nothing was sent. Check the address, or ask the hub&apos;s operator</source>
        <translation>сертификат сервера школы %1 не тот, которому доверяет этот узел: его отпечаток начинается с %2, ожидался %3; ничего не отправлено. Проверьте адрес или обратитесь к оператору сервера школы</translation>
    </message>
    <message>
        <location filename="../node/sync/sync_client.cpp"/>
        <source>the code was made for teacher «%1», but this store belongs to teacher «%2»; nothing was stored. Ask the hub&apos;s operator for a code for «%2»</source>
        <translation>код выдан для учителя «%1», а это хранилище принадлежит учителю «%2»; ничего не сохранено. Попросите у оператора сервера школы код для «%2»</translation>
    </message>
    <message>
        <location filename="../node/sync/sync_client.cpp"/>
        <source>the connection closed before the hub answered</source>
        <translation>соединение закрылось до ответа сервера школы</translation>
    </message>
    <message>
        <location filename="../node/sync/sync_client.cpp"/>
        <source>the hub at %1 cannot be reached (%2)</source>
        <translation>сервер школы %1 недоступен (%2)</translation>
    </message>
    <message>
        <location filename="../node/sync/sync_client.cpp"/>
        <source>the hub refused the request (%1): %2</source>
        <translation>сервер школы отклонил запрос (%1): %2</translation>
    </message>
    <message>
        <location filename="../node/sync/sync_client.cpp"/>
        <source>the hub&apos;s answer does not decode: %1</source>
        <translation>ответ сервера школы не удаётся разобрать: %1</translation>
    </message>
    <message>
        <location filename="../node/sync/sync_client.cpp"/>
        <source>the hub&apos;s answer does not match the batch sent</source>
        <translation>ответ сервера школы не соответствует отправленному пакету</translation>
    </message>
    <message>
        <location filename="../node/sync/sync_client.cpp"/>
        <source>this node is already enrolled at %1 as node «%2»</source>
        <translation>этот узел уже зарегистрирован на %1 как узел «%2»</translation>
    </message>
    <message>
        <location filename="../node/sync/sync_client.cpp"/>
        <source>this node is not enrolled at a hub; run «tabel-node enroll URL CODE» first</source>
        <translation>этот узел не зарегистрирован на сервере школы; сначала выполните «tabel-node enroll URL CODE»</translation>
    </message>
</context>
<context>
    <name>tabel::node::schema</name>
    <message>
        <location filename="../node/store/schema.cpp"/>
        <source>a stored entity is damaged; restore the store from a backup</source>
        <translation>сохранённая запись повреждена; восстановите хранилище из резервной копии</translation>
    </message>
    <message>
        <location filename="../node/store/lesson_docs.cpp"/>
        <source>a stored lesson is damaged; restore the store from a backup</source>
        <translation>сохранённый урок повреждён; восстановите хранилище из резервной копии</translation>
    </message>
    <message>
        <location filename="../node/store/schema.cpp"/>
        <source>the store was created by a newer tabel (schema %1, this program knows up to %2); update tabel</source>
        <translation>хранилище создано более новой версией tabel (схема %1, эта программа знает схемы до %2); обновите tabel</translation>
    </message>
</context>
<context>
    <name>tabel::node::web::Api</name>
    <message>
        <location filename="../node/web/api_json.cpp"/>
        <source>the lesson&apos;s mark columns are a list of at most %1 kinds with weights</source>
        <translation>колонки отметок урока — список не более чем из %1 видов с весами</translation>
    </message>
    <message>
        <location filename="../node/web/api_json.cpp"/>
        <source>«%1» is not a mark or an absence; type 5, 4, 3, 2, 1, зач or незач for a mark, н, б or уп for an absence, or clear the cell</source>
        <translation>«%1» — не отметка и не отсутствие; введите 5, 4, 3, 2, 1, зач или незач для отметки, н, б или уп для отсутствия, или очистите клетку</translation>
    </message>
</context>
<context>
    <name>tabel::node::web::JournalServer</name>
    <message>
        <location filename="../node/web/journal_server.cpp"/>
        <source>%1 cells at once is too many; send at most %2</source>
        <translation>%1 клеток за раз — слишком много; отправляйте не больше %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../node/web/journal_server.cpp"/>
        <source>%n change set(s) edit a closed period: the operator will accept or decline them.</source>
        <translation>
            <numerusform>%n набор изменений относится к закрытому периоду: оператор школы примет или отклонит его.</numerusform>
            <numerusform>%n набора изменений относятся к закрытому периоду: оператор школы примет или отклонит их.</numerusform>
            <numerusform>%n наборов изменений относятся к закрытому периоду: оператор школы примет или отклонит их.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../node/web/journal_server.cpp"/>
        <source>%n change set(s) from the school server cannot be read here; they were set aside and nothing else is affected. Show this to the school&apos;s operator.</source>
        <translation>
            <numerusform>%n набор изменений с сервера школы нельзя прочитать здесь; он отложен, остальное не затронуто. Покажите это оператору школы.</numerusform>
            <numerusform>%n набора изменений с сервера школы нельзя прочитать здесь; они отложены, остальное не затронуто. Покажите это оператору школы.</numerusform>
            <numerusform>%n наборов изменений с сервера школы нельзя прочитать здесь; они отложены, остальное не затронуто. Покажите это оператору школы.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../node/web/journal_server.cpp"/>
        <source>Received: %n change set(s) of other devices.</source>
        <translation>
            <numerusform>Получен %n набор изменений с других устройств.</numerusform>
            <numerusform>Получено %n набора изменений с других устройств.</numerusform>
            <numerusform>Получено %n наборов изменений с других устройств.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../node/web/journal_server.cpp"/>
        <source>Sent: %n change set(s).</source>
        <translation>
            <numerusform>Отправлен %n набор изменений.</numerusform>
            <numerusform>Отправлено %n набора изменений.</numerusform>
            <numerusform>Отправлено %n наборов изменений.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../node/web/journal_server.cpp"/>
        <source>The school server cannot be reached now. Nothing is lost: %n change(s) stay on this computer and will be sent at the next synchronisation.</source>
        <translation>
            <numerusform>Сервер школы сейчас недоступен. Ничего не потеряно: %n изменение хранится на этом компьютере и будет отправлено при следующей синхронизации.</numerusform>
            <numerusform>Сервер школы сейчас недоступен. Ничего не потеряно: %n изменения хранятся на этом компьютере и будут отправлены при следующей синхронизации.</numerusform>
            <numerusform>Сервер школы сейчас недоступен. Ничего не потеряно: %n изменений хранятся на этом компьютере и будут отправлены при следующей синхронизации.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../node/web/journal_server.cpp"/>
        <source>The school server cannot be reached now. Nothing is waiting to be sent; work on as usual.</source>
        <translation>Сервер школы сейчас недоступен. Отправлять нечего; работайте как обычно.</translation>
    </message>
    <message numerus="yes">
        <location filename="../node/web/journal_server.cpp"/>
        <source>The school server refused %n change set(s); they stay here. Show this to the school&apos;s operator.</source>
        <translation>
            <numerusform>Сервер школы отклонил %n набор изменений; он остаётся здесь. Покажите это сообщение оператору школы.</numerusform>
            <numerusform>Сервер школы отклонил %n набора изменений; они остаются здесь. Покажите это сообщение оператору школы.</numerusform>
            <numerusform>Сервер школы отклонил %n наборов изменений; они остаются здесь. Покажите это сообщение оператору школы.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../node/web/journal_server.cpp"/>
        <source>a synchronisation is finishing; try again in a few seconds</source>
        <translation>завершается синхронизация; попробуйте ещё раз через несколько секунд</translation>
    </message>
    <message>
        <location filename="../node/web/plan_routes.cpp"/>
        <source>a topic is given by its number in the plan, from 1</source>
        <translation>тема указывается своим номером в плане, начиная с 1</translation>
    </message>
    <message>
        <source>change %1 (amendment request %2) was accepted by the operator and is in the school&apos;s journal</source>
        <translation type="vanished">изменение %1 (запрос на исправление %2) принято оператором и внесено в журнал школы</translation>
    </message>
    <message>
        <source>change %1 (amendment request %2) was declined by the operator: %3</source>
        <translation type="vanished">изменение %1 (запрос на исправление %2) отклонено оператором: %3</translation>
    </message>
    <message>
        <source>change %1 edits a closed period and waits for the operator&apos;s decision</source>
        <translation type="vanished">изменение %1 касается закрытого периода и ждёт решения оператора</translation>
    </message>
    <message>
        <location filename="../node/web/plan_routes.cpp"/>
        <source>choose the plan&apos;s topics the correction concerns</source>
        <translation>выберите темы плана, которых касается корректировка</translation>
    </message>
    <message>
        <location filename="../node/web/journal_server.cpp"/>
        <source>choose what to print: the journal or the КТП</source>
        <translation>выберите, что печатать: журнал или КТП</translation>
    </message>
    <message>
        <location filename="../node/web/journal_server.cpp"/>
        <source>class</source>
        <translation>класс</translation>
    </message>
    <message>
        <location filename="../node/web/plan_routes.cpp"/>
        <source>date of the correction</source>
        <translation>дата записи</translation>
    </message>
    <message>
        <location filename="../node/web/plan_routes.cpp"/>
        <source>date of the lesson</source>
        <translation>дата урока</translation>
    </message>
    <message>
        <location filename="../node/web/journal_server.cpp"/>
        <source>enter the passphrase of the journal</source>
        <translation>введите парольную фразу журнала</translation>
    </message>
    <message>
        <location filename="../node/web/plan_routes.cpp"/>
        <source>first or last date shown</source>
        <translation>первая или последняя показываемая дата</translation>
    </message>
    <message>
        <location filename="../node/web/journal_server.cpp"/>
        <source>group</source>
        <translation>группа</translation>
    </message>
    <message>
        <location filename="../node/web/plan_routes.cpp"/>
        <source>lesson number</source>
        <translation>номер урока</translation>
    </message>
    <message>
        <location filename="../node/web/journal_server.cpp"/>
        <source>no cells were sent</source>
        <translation>не отправлено ни одной клетки</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation type="vanished">причина не указана</translation>
    </message>
    <message>
        <location filename="../node/web/plan_routes.cpp"/>
        <source>number of hours given</source>
        <translation>число проведённых часов</translation>
    </message>
    <message>
        <location filename="../node/web/plan_routes.cpp"/>
        <source>number of planned hours</source>
        <translation>число часов по плану</translation>
    </message>
    <message>
        <location filename="../node/web/plan_routes.cpp"/>
        <source>reason</source>
        <translation>причина</translation>
    </message>
    <message>
        <location filename="../node/web/journal_server.cpp"/>
        <source>subject</source>
        <translation>предмет</translation>
    </message>
    <message>
        <location filename="../node/web/plan_routes.cpp"/>
        <source>the %1 is %2 characters long; write at most %3</source>
        <translation>%1: %2 знаков; напишите не больше %3</translation>
    </message>
    <message>
        <location filename="../node/web/plan_routes.cpp"/>
        <source>the %1 is a whole number from %2 to %3</source>
        <translation>%1 — целое число от %2 до %3</translation>
    </message>
    <message>
        <location filename="../node/web/plan_routes.cpp"/>
        <source>the %1 «%2» is not a date; pick it in the calendar</source>
        <translation>%1: «%2» — не дата; выберите её в календаре</translation>
    </message>
    <message>
        <source>the date «%1» is not a date; pick it in the calendar</source>
        <translation type="vanished">«%1» — не дата; выберите её в календаре</translation>
    </message>
    <message>
        <location filename="../node/web/journal_server.cpp"/>
        <source>the first day is after the last one; swap the dates</source>
        <translation>первый день позже последнего; поменяйте даты местами</translation>
    </message>
    <message>
        <location filename="../node/web/journal_server.cpp"/>
        <source>the homework&apos;s due date «%1» is not a date; pick it in the calendar</source>
        <translation>срок домашнего задания «%1» — не дата; выберите его в календаре</translation>
    </message>
    <message>
        <location filename="../node/web/journal_server.cpp"/>
        <source>the journal is locked; enter the passphrase again</source>
        <translation>журнал заперт; введите парольную фразу ещё раз</translation>
    </message>
    <message numerus="yes">
        <location filename="../node/web/journal_server.cpp"/>
        <source>the passphrase was wrong several times; wait %n second(s), then try again</source>
        <translation>
            <numerusform>парольная фраза несколько раз была неверной; подождите %n секунду и попробуйте снова</numerusform>
            <numerusform>парольная фраза несколько раз была неверной; подождите %n секунды и попробуйте снова</numerusform>
            <numerusform>парольная фраза несколько раз была неверной; подождите %n секунд и попробуйте снова</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../node/web/journal_server.cpp"/>
        <source>there is no store in %1; create one with «tabel-node init»</source>
        <translation>в %1 нет хранилища; создайте его командой «tabel-node init»</translation>
    </message>
    <message>
        <location filename="../node/web/journal_server.cpp"/>
        <source>this computer is not connected to the school server yet: ask the school&apos;s operator for a code and run «tabel-node enroll». Until then everything stays here</source>
        <translation>этот компьютер ещё не подключён к серверу школы: попросите у оператора школы код и выполните «tabel-node enroll». До тех пор всё хранится здесь</translation>
    </message>
    <message>
        <location filename="../node/web/plan_routes.cpp"/>
        <source>topic&apos;s number</source>
        <translation>номер темы</translation>
    </message>
    <message>
        <location filename="../node/web/plan_routes.cpp"/>
        <source>topic&apos;s title</source>
        <translation>название темы</translation>
    </message>
    <message>
        <location filename="../node/web/journal_server.cpp"/>
        <source>write the topic of the lesson; the journal needs it</source>
        <translation>напишите тему урока; без неё урок не записать в журнал</translation>
    </message>
</context>
<context>
    <name>tabel::sync</name>
    <message>
        <location filename="../sync/reconcile.cpp"/>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>%1 MiB</source>
        <translation>%1 МБ</translation>
    </message>
    <message>
        <location filename="../sync/scope.cpp"/>
        <source>%1 belongs to period %2 (%3), which is closed; the edit becomes an amendment request for the operator</source>
        <translation>%1 относится к периоду %2 (%3), который уже закрыт; правка станет запросом на исправление для оператора</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>%1 bytes</source>
        <translation>%1 байт</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>%1 ends in the middle of %2; it was cut short</source>
        <translation>%1 обрывается на элементе «%2»: данные пришли не полностью</translation>
    </message>
    <message>
        <location filename="../sync/scope.cpp"/>
        <source>%1 falls on %2, in period %3 (%4), which is closed; the edit becomes an amendment request for the operator</source>
        <translation>%1 приходится на %2 — в закрытом периоде %3 (%4); правка станет запросом на исправление для оператора</translation>
    </message>
    <message>
        <location filename="../sync/scope.cpp"/>
        <source>%1 has an unknown entity type %2; the op is refused</source>
        <translation>у %1 неизвестный тип записи %2; операция отклонена</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>%1 holds %2 assignments; the limit is %3</source>
        <translation>%1 содержит %2 назначений; предел — %3</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>%1 holds %2 change sets; the limit is %3</source>
        <translation>%1: наборов изменений — %2 при пределе %3</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>%1 holds %2 closed periods; the limit is %3</source>
        <translation>%1 содержит %2 закрытых периодов при пределе %3</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>%1 holds %2 numbers; the limit is %3</source>
        <translation>%1 содержит %2 номеров; предел — %3</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>%1 holds %2 open conflicts; the limit is %3</source>
        <translation>%1 содержит %2 открытых конфликтов при пределе %3</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>%1 holds %2 prints; the limit is %3</source>
        <translation>%1 содержит %2 печатей; предел — %3</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>%1 is a message of kind %2, expected kind %3</source>
        <translation>%1: сообщение вида %2, а ожидается вид %3</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>%1 is malformed at %2: %3</source>
        <translation>%1: ошибка формата в элементе «%2»: %3</translation>
    </message>
    <message>
        <location filename="../sync/scope.cpp"/>
        <source>%1 is not a valid entity key (%2); the op is refused</source>
        <translation>%1 — недопустимый ключ записи (%2); операция отклонена</translation>
    </message>
    <message>
        <location filename="../sync/scope.cpp"/>
        <source>%1 is reference data (%2) that only the operator may change</source>
        <translation>%1 — справочные данные (%2), их может менять только оператор</translation>
    </message>
    <message>
        <location filename="../sync/scope.cpp"/>
        <source>%1 parts, expected %2</source>
        <translation>частей: %1, ожидается %2</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>%1 unexpected bytes follow</source>
        <translation>после данных ещё %1 лишних байт</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>%1: %2 is %3 bytes long; it must be %4</source>
        <translation>%1: длина элемента «%2» — %3 байт, а должна быть %4</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>%1: %2 is %3 bytes; the limit is %4</source>
        <translation>%1: размер элемента «%2» — %3 байт при пределе %4</translation>
    </message>
    <message>
        <location filename="../sync/op.cpp"/>
        <source>a byte string is cut short</source>
        <translation>байтовая строка оборвана</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>a change set</source>
        <translation>набор изменений</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>a change set announces %1 ops; the limit is %2</source>
        <translation>в наборе изменений заявлено операций: %1 при пределе %2</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>a change set entry</source>
        <translation>запись о наборе изменений</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>a change set&apos;s signature</source>
        <translation>подпись набора изменений</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>a closed period</source>
        <translation>закрытый период</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>a closed period needs an id and a span of ISO dates</source>
        <translation>закрытому периоду нужны идентификатор и даты в формате ISO</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>a frame&apos;s nonce must be %1 bytes</source>
        <translation>одноразовое число (nonce) кадра должно занимать %1 байт</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>a frame&apos;s time cannot be negative</source>
        <translation>время кадра не может быть отрицательным</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>a notice</source>
        <translation>уведомление</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>a notice says neither accepted nor declined (%1)</source>
        <translation>уведомление не говорит ни «принят», ни «отклонён» (%1)</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>a print</source>
        <translation>запись о печати</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>a print&apos;s number</source>
        <translation>номер печати</translation>
    </message>
    <message>
        <location filename="../sync/reconcile.cpp"/>
        <source>a stored field register is damaged: %1</source>
        <translation>сохранённый регистр поля повреждён: %1</translation>
    </message>
    <message>
        <location filename="../sync/op.cpp"/>
        <source>a text string is cut short</source>
        <translation>текстовая строка оборвана</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>ahead of</source>
        <translation>позже</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>an added item</source>
        <translation>добавленный элемент</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>an assignment</source>
        <translation>назначение</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>an entry</source>
        <translation>запись</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>an op</source>
        <translation>операция</translation>
    </message>
    <message>
        <location filename="../sync/reconcile.cpp"/>
        <source>an op has no device or no time</source>
        <translation>у операции не указано устройство или время</translation>
    </message>
    <message>
        <location filename="../sync/op.cpp"/>
        <source>an op is not [hlc, entity, field, value, baseDevice, baseHlc]</source>
        <translation>операция не имеет вида [hlc, entity, field, value, baseDevice, baseHlc]</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>an op&apos;s base device</source>
        <translation>базовое устройство операции</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>an op&apos;s base time</source>
        <translation>базовое время операции</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>an op&apos;s entity key</source>
        <translation>ключ записи операции</translation>
    </message>
    <message>
        <location filename="../sync/op.cpp"/>
        <source>an op&apos;s entity key is empty or too long</source>
        <translation>ключ записи в операции пустой или слишком длинный</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>an op&apos;s field name</source>
        <translation>имя поля операции</translation>
    </message>
    <message>
        <location filename="../sync/op.cpp"/>
        <source>an op&apos;s field name is empty or too long</source>
        <translation>имя поля в операции пустое или слишком длинное</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>an op&apos;s time</source>
        <translation>время операции</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>an op&apos;s value</source>
        <translation>значение операции</translation>
    </message>
    <message>
        <location filename="../sync/op.cpp"/>
        <source>an op&apos;s value is longer than %1 bytes</source>
        <translation>значение в операции длиннее %1 байт</translation>
    </message>
    <message>
        <location filename="../sync/op.cpp"/>
        <source>an op&apos;s value is neither null, an integer nor text</source>
        <translation>значение в операции — не null, не целое число и не текст</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>an open conflict</source>
        <translation>открытый конфликт</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>behind</source>
        <translation>раньше</translation>
    </message>
    <message>
        <location filename="../sync/reconcile.cpp"/>
        <source>bytes after its end</source>
        <translation>лишние байты после конца</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>change set format %1 is not supported; this build reads format %2</source>
        <translation>формат набора изменений %1 не поддерживается; эта сборка читает формат %2</translation>
    </message>
    <message>
        <location filename="../sync/op.cpp"/>
        <source>change set format %1 is not supported; update tabel</source>
        <translation>формат набора изменений %1 не поддерживается; обновите tabel</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>expected [changeSet, signature]</source>
        <translation>ожидается [changeSet, signature]</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>expected [class, subject, group]</source>
        <translation>ожидается [class, subject, group]</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>expected [hlc, entity, field, value, baseDevice, baseHlc]</source>
        <translation>ожидается [hlc, entity, field, value, baseDevice, baseHlc]</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>expected [hubSeq, changeSet, signature]</source>
        <translation>ожидается [hubSeq, changeSet, signature]</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>expected [id, entity, field]</source>
        <translation>ожидалось [идентификатор, сущность, поле]</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>expected [kind, version, …]</source>
        <translation>ожидается [kind, version, …]</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>expected [number, time, who, form, parameters, format, pages, bytes, sha256]</source>
        <translation>ожидалось [номер, время, кто, форма, параметры, формат, страниц, байт, sha256]</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>expected [period, class, start, end]</source>
        <translation>ожидалось [период, класс, начало, конец]</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>expected [seq, accepted, amendmentId, text]</source>
        <translation>ожидалось [номер, принят, номер запроса, текст]</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>expected [seq, status, reason, text]</source>
        <translation>ожидается [seq, status, reason, text]</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>expected [version, deviceKey, time, nonce, payload, signature]</source>
        <translation>ожидается [version, deviceKey, time, nonce, payload, signature]</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>expected [version, …]</source>
        <translation>ожидается [version, …]</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>expected a 64-bit integer</source>
        <translation>ожидается 64-битное целое число</translation>
    </message>
    <message>
        <location filename="../sync/op.cpp"/>
        <location filename="../sync/wire.cpp"/>
        <source>expected a byte string</source>
        <translation>ожидается строка байтов</translation>
    </message>
    <message>
        <location filename="../sync/op.cpp"/>
        <location filename="../sync/wire.cpp"/>
        <source>expected a text string</source>
        <translation>ожидается текстовая строка</translation>
    </message>
    <message>
        <location filename="../sync/op.cpp"/>
        <location filename="../sync/wire.cpp"/>
        <source>expected an array</source>
        <translation>ожидается массив</translation>
    </message>
    <message>
        <location filename="../sync/op.cpp"/>
        <location filename="../sync/wire.cpp"/>
        <source>expected an array of 6 items</source>
        <translation>ожидается массив из 6 элементов</translation>
    </message>
    <message>
        <location filename="../sync/op.cpp"/>
        <source>expected an integer</source>
        <translation>ожидалось целое число</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>expected an unsigned integer</source>
        <translation>ожидается целое число без знака</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>expected at least %1 items, found %2</source>
        <translation>элементов должно быть не меньше %1, а найдено %2</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>indefinite lengths and reserved forms are not allowed</source>
        <translation>неопределённая длина и зарезервированные формы недопустимы</translation>
    </message>
    <message>
        <location filename="../sync/reconcile.cpp"/>
        <source>it ends early or holds a wrong count</source>
        <translation>он обрывается или содержит неверное число элементов</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>items are nested too deeply</source>
        <translation>слишком глубокая вложенность элементов</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>its end</source>
        <translation>конец</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>its start</source>
        <translation>начало</translation>
    </message>
    <message>
        <location filename="../sync/op.cpp"/>
        <source>malformed change set: %1</source>
        <translation>повреждённый набор изменений: %1</translation>
    </message>
    <message>
        <location filename="../sync/op.cpp"/>
        <source>not in canonical form</source>
        <translation>не в канонической форме</translation>
    </message>
    <message>
        <location filename="../sync/reconcile.cpp"/>
        <source>op %1 is based on version %2, which is not older than the op itself</source>
        <translation>операция %1 основана на версии %2, которая не старше самой операции</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>protocol version %1 is not supported; this build speaks version %2</source>
        <translation>версия протокола %1 не поддерживается; эта сборка работает с версией %2</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>protocol version %1 is not supported; this hub speaks version %2; update tabel</source>
        <translation>версия протокола %1 не поддерживается; сервер школы работает с версией %2; обновите tabel</translation>
    </message>
    <message>
        <location filename="../sync/scope.cpp"/>
        <source>teacher %1 has no assignment for class %2, subject %3, group %4 and no substitution for lesson %5 of %6: %7 is outside the node&apos;s scopes</source>
        <translation>у учителя %1 нет назначения на класс %2, предмет %3, группу %4 и нет замещения на урок № %5 (%6): %7 вне области доступа узла</translation>
    </message>
    <message>
        <location filename="../sync/scope.cpp"/>
        <source>teacher %1 has no assignment for class %2, subject %3: %4 is outside the node&apos;s scopes</source>
        <translation>у учителя %1 нет назначения на класс %2, предмет %3: %4 вне области доступа узла</translation>
    </message>
    <message>
        <location filename="../sync/scope.cpp"/>
        <source>teacher %1 teaches group %2 of class %3 in %4, not group %5: %6 is outside the node&apos;s scopes (2.5.5)</source>
        <translation>учитель %1 ведёт %4 у группы %2 класса %3, а не у группы %5: %6 вне области доступа узла (п. 2.5.5)</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the acknowledgement</source>
        <translation>подтверждение</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the acknowledgement holds an unknown status %1</source>
        <translation>в подтверждении неизвестный статус %1</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the answer to a report of prints</source>
        <translation>ответ на отчёт о печати</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the assignment list</source>
        <translation>список назначений</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the author</source>
        <translation>автор</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the batch expands beyond %1; the node must send smaller batches</source>
        <translation>пакет после распаковки больше %1; узел должен отправлять пакеты поменьше</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the batch holds more than %1 ops; the node must send smaller batches</source>
        <translation>в пакете больше %1 операций; узел должен отправлять пакеты поменьше</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the batch id</source>
        <translation>идентификатор пакета</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the change set count</source>
        <translation>число наборов изменений</translation>
    </message>
    <message>
        <location filename="../sync/op.cpp"/>
        <source>the change set has no ops or too many (%1)</source>
        <translation>в наборе изменений нет операций или их слишком много (%1)</translation>
    </message>
    <message>
        <location filename="../sync/scope.cpp"/>
        <source>the change set is authored as %1, but the node is enrolled for teacher %2</source>
        <translation>автором набора изменений указан %1, а узел зарегистрирован на учителя %2</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the change set list</source>
        <translation>список наборов изменений</translation>
    </message>
    <message>
        <location filename="../sync/op.cpp"/>
        <source>the change set names no valid device key</source>
        <translation>в наборе изменений нет действительного ключа устройства</translation>
    </message>
    <message>
        <location filename="../sync/op.cpp"/>
        <source>the change set&apos;s author is empty or too long</source>
        <translation>автор набора изменений не указан или слишком длинный</translation>
    </message>
    <message>
        <location filename="../sync/op.cpp"/>
        <source>the change set&apos;s ops are not in time order</source>
        <translation>операции набора изменений идут не по порядку времени</translation>
    </message>
    <message>
        <location filename="../sync/op.cpp"/>
        <source>the change set&apos;s sequence number must be positive</source>
        <translation>порядковый номер набора изменений должен быть положительным</translation>
    </message>
    <message>
        <location filename="../sync/op.cpp"/>
        <source>the change set&apos;s signature does not match its device key</source>
        <translation>подпись набора изменений не соответствует ключу его устройства</translation>
    </message>
    <message>
        <location filename="../sync/op.cpp"/>
        <source>the change set&apos;s time is not that of its last op</source>
        <translation>время набора изменений не совпадает со временем его последней операции</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the closed period list</source>
        <translation>список закрытых периодов</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the cursor</source>
        <translation>курсор</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the device key</source>
        <translation>ключ устройства</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the device key must be %1 bytes</source>
        <translation>длина ключа устройства должна быть %1 байт</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the end-of-log flag</source>
        <translation>признак конца журнала операций</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the end-of-log flag is %1, expected 0 or 1</source>
        <translation>признак конца журнала операций равен %1, а должен быть 0 или 1</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the enrolment answer</source>
        <translation>ответ на подключение</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the enrolment request</source>
        <translation>запрос подключения</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the enrolment secret</source>
        <translation>секрет подключения</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the entry list</source>
        <translation>список записей</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the first cursor</source>
        <translation>начальный курсор</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the format</source>
        <translation>формат</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the hub sequence</source>
        <translation>порядковый номер на сервере школы</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the last cursor</source>
        <translation>конечный курсор</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the list of numbers</source>
        <translation>список номеров</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the list of prints</source>
        <translation>список печатей</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the message kind</source>
        <translation>вид сообщения</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the node id</source>
        <translation>идентификатор узла</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the node name</source>
        <translation>имя узла</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the nonce</source>
        <translation>одноразовое число (nonce)</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the notice list</source>
        <translation>список уведомлений</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the op list</source>
        <translation>список операций</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the open conflict list</source>
        <translation>список открытых конфликтов</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the payload</source>
        <translation>полезные данные</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the payload is empty</source>
        <translation>полезные данные пусты</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the payload is not valid zstd data: %1</source>
        <translation>полезные данные — не корректные данные zstd: %1</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the payload of %1 expands more than %2 times its size; it is refused as a decompression bomb</source>
        <translation>полезные данные (%1) при распаковке вырастают больше чем в %2 раз; они отклонены как «бомба распаковки»</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the protocol version</source>
        <translation>версия протокола</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the pull batch</source>
        <translation>пакет получения</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the pull request</source>
        <translation>запрос получения</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the pull&apos;s answer</source>
        <translation>ответ на получение</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the pull&apos;s size</source>
        <translation>предельный размер получения</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the push batch</source>
        <translation>пакет отправки</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the push batch names no node</source>
        <translation>в пакете отправки не указан узел</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the reason code</source>
        <translation>код причины</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the reason text</source>
        <translation>текст причины</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the report of prints</source>
        <translation>отчёт о печати</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the request</source>
        <translation>запрос</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the request is %1 bytes; the limit is %2; the node must send smaller batches</source>
        <translation>размер запроса — %1 байт при пределе %2; узел должен отправлять пакеты поменьше</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the request was signed at %1, %2 s %3 the hub&apos;s clock; at most %4 s is accepted; check the node&apos;s date and time</source>
        <translation>запрос подписан в %1 — на %2 с %3, чем показывают часы сервера школы; допускается не больше %4 с; проверьте дату и время на ноутбуке учителя</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the request&apos;s signature does not match its device key %1</source>
        <translation>подпись запроса не соответствует ключу устройства %1</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the request&apos;s time is out of range</source>
        <translation>время запроса вне допустимого диапазона</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the sequence number</source>
        <translation>порядковый номер</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the signature</source>
        <translation>подпись</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the status</source>
        <translation>статус</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the teacher id</source>
        <translation>идентификатор учителя</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the teacher&apos;s name</source>
        <translation>имя учителя</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the text is not valid UTF-8</source>
        <translation>текст — не корректный UTF-8</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>the time</source>
        <translation>время</translation>
    </message>
    <message>
        <location filename="../sync/op.cpp"/>
        <source>too many ops</source>
        <translation>слишком много операций</translation>
    </message>
    <message>
        <location filename="../sync/reconcile.cpp"/>
        <source>unknown format</source>
        <translation>неизвестный формат</translation>
    </message>
    <message>
        <location filename="../sync/reconcile.cpp"/>
        <source>version %1 was received before with other content; a device never reuses a time</source>
        <translation>версия %1 уже была получена с другим содержимым; устройство никогда не использует одно время дважды</translation>
    </message>
    <message>
        <location filename="../sync/op.cpp"/>
        <source>wrong item types</source>
        <translation>неверные типы элементов</translation>
    </message>
    <message>
        <location filename="../sync/wire.cpp"/>
        <source>«%1» is not an enrolment code; it has %2 letters and digits in groups, like ABCDEF-GHIJKL-…, as «tabel-hub node add» printed it</source>
        <translation>«%1» — не код подключения; он состоит из %2 букв и цифр, разбитых на группы, как ABCDEF-GHIJKL-…, так, как его вывела «tabel-hub node add»</translation>
    </message>
</context>
<context>
    <name>tabel::sync::Describe</name>
    <message>
        <location filename="../sync/describe.cpp"/>
        <source>%1, group %2</source>
        <translation>%1, группа %2</translation>
    </message>
    <message>
        <location filename="../sync/describe.cpp"/>
        <source>absence: %1, %2, %3, %4</source>
        <translation>пропуск: %1, %2, %3, %4</translation>
    </message>
    <message>
        <location filename="../sync/describe.cpp"/>
        <source>correction of the period mark (%1): %2, %3, %4</source>
        <translation>исправление отметки за период (%1): %2, %3, %4</translation>
    </message>
    <message>
        <location filename="../sync/describe.cpp"/>
        <source>group member: %1, %2, %3, group %4</source>
        <translation>состав группы: %1, %2, %3, группа %4</translation>
    </message>
    <message>
        <location filename="../sync/describe.cpp"/>
        <source>lesson %1 № %2</source>
        <translation>урок %1 № %2</translation>
    </message>
    <message>
        <location filename="../sync/describe.cpp"/>
        <source>lesson: %1, %2, %3</source>
        <translation>урок: %1, %2, %3</translation>
    </message>
    <message>
        <location filename="../sync/describe.cpp"/>
        <source>mark: %1, %2, %3, %4</source>
        <translation>отметка: %1, %2, %3, %4</translation>
    </message>
    <message>
        <location filename="../sync/describe.cpp"/>
        <source>period mark (%1): %2, %3, %4</source>
        <translation>отметка за период (%1): %2, %3, %4</translation>
    </message>
    <message>
        <location filename="../sync/describe.cpp"/>
        <source>pupil&apos;s work for task %1: %2, %3, %4</source>
        <translation>работа ученика по заданию %1: %2, %3, %4</translation>
    </message>
    <message>
        <location filename="../sync/describe.cpp"/>
        <source>pupil: %1</source>
        <translation>ученик: %1</translation>
    </message>
    <message>
        <location filename="../sync/describe.cpp"/>
        <source>subject: %1</source>
        <translation>предмет: %1</translation>
    </message>
    <message>
        <location filename="../sync/describe.cpp"/>
        <source>task %1: %2, %3</source>
        <translation>задание %1: %2, %3</translation>
    </message>
    <message>
        <location filename="../sync/describe.cpp"/>
        <source>the grade</source>
        <translation>оценка работы</translation>
    </message>
    <message>
        <location filename="../sync/describe.cpp"/>
        <source>the homework</source>
        <translation>домашнее задание</translation>
    </message>
    <message>
        <location filename="../sync/describe.cpp"/>
        <source>the mark</source>
        <translation>отметка</translation>
    </message>
    <message>
        <location filename="../sync/describe.cpp"/>
        <source>the reason</source>
        <translation>причина</translation>
    </message>
    <message>
        <location filename="../sync/describe.cpp"/>
        <source>the school&apos;s profile</source>
        <translation>сведения о школе</translation>
    </message>
    <message>
        <location filename="../sync/describe.cpp"/>
        <source>the topic</source>
        <translation>тема</translation>
    </message>
    <message>
        <location filename="../sync/describe.cpp"/>
        <source>the weight</source>
        <translation>вес</translation>
    </message>
</context>
<context>
    <name>tabel::sync::Judge</name>
    <message>
        <location filename="../sync/judge.cpp"/>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <location filename="../sync/judge.cpp"/>
        <source>2.5.5: pupil %1 is in class %2 on the roster, not in class %3; the roster may have changed after this device last synced</source>
        <translation>2.5.5: по списку учащихся ученик %1 в классе %2, а не в классе %3; список мог измениться после последней синхронизации этого устройства</translation>
    </message>
    <message>
        <location filename="../sync/judge.cpp"/>
        <source>2.5.5: pupil %1 is not in subgroup «%2» of class %3 for subject «%4»; the groups may have changed after this device last synced</source>
        <translation>2.5.5: ученик %1 не входит в подгруппу «%2» класса %3 по предмету «%4»; группы могли измениться после последней синхронизации этого устройства</translation>
    </message>
    <message>
        <location filename="../sync/judge.cpp"/>
        <source>2.5.6: the period mark for %1 was entered on %2 by the device&apos;s clock, inside the last week of the period, but reached the school only on %3, more than %4 days after that week; the operator confirms it</source>
        <translation>2.5.6: отметка за период для ученика %1 выставлена %2 по часам устройства, в последнюю неделю периода, но поступила в школу только %3, позже чем через %4 дней после этой недели; её подтверждает оператор</translation>
    </message>
    <message>
        <location filename="../sync/judge.cpp"/>
        <source>2.6.8: the correction starts from the mark «%1», but the mark on record is now «%2»; another correction may have been made meanwhile</source>
        <translation>2.6.8: исправление исходит из отметки «%1», но сейчас в журнале отметка «%2»; возможно, за это время внесено другое исправление</translation>
    </message>
    <message>
        <location filename="../sync/judge.cpp"/>
        <source>2.6.8: the correction to «%1» does not change the period mark it corrects</source>
        <translation>2.6.8: исправление на «%1» не меняет исправляемую отметку за период</translation>
    </message>
    <message>
        <source>3.4: there is no lesson %1 for this absence</source>
        <translation type="vanished">3.4: для этого пропуска нет урока %1</translation>
    </message>
    <message>
        <location filename="../sync/judge.cpp"/>
        <source>3.4: there is no lesson «%1» for this absence</source>
        <translation>3.4: для этого пропуска нет урока «%1»</translation>
    </message>
    <message>
        <location filename="../sync/judge.cpp"/>
        <source>3.5: pupil %1 has a mark and an absence («%2») in the lesson of %3; a pupil absent without illness cannot get a mark</source>
        <translation>3.5: у ученика %1 на уроке %3 есть и отметка, и пропуск («%2»); отсутствующему не по болезни отметку не ставят</translation>
    </message>
    <message>
        <location filename="../sync/judge.cpp"/>
        <source>entry %1 of change set %2 (%3)</source>
        <translation>запись %1 набора изменений %2 (%3)</translation>
    </message>
    <message>
        <location filename="../sync/judge.cpp"/>
        <source>pupil «%1» is not on the school&apos;s roster</source>
        <translation>ученика «%1» нет в списке учащихся школы</translation>
    </message>
    <message>
        <location filename="../sync/judge.cpp"/>
        <source>the mark grades task «%1», which the journal of %2 does not have</source>
        <translation>отметка выставлена за задание «%1», которого нет в журнале %2</translation>
    </message>
    <message>
        <location filename="../sync/judge.cpp"/>
        <source>the work answers task %1, which the journal does not have</source>
        <translation>работа сдана по заданию %1, которого нет в журнале</translation>
    </message>
    <message>
        <location filename="../sync/judge.cpp"/>
        <source>there is no period «%1» in the school&apos;s calendar</source>
        <translation>в календаре школы нет периода «%1»</translation>
    </message>
</context>
<context>
    <name>tabel::web::Server</name>
    <message>
        <location filename="../web/http.cpp"/>
        <source>cannot listen on %1:%2: %3; choose another port with --listen</source>
        <translation>не удаётся принимать подключения на %1:%2: %3; выберите другой порт в --listen</translation>
    </message>
    <message>
        <location filename="../web/http.cpp"/>
        <source>the journal is locked; enter the passphrase again</source>
        <translation>журнал заперт; введите парольную фразу ещё раз</translation>
    </message>
    <message>
        <location filename="../web/http.cpp"/>
        <source>the journal is served on this computer only: give a loopback address such as 127.0.0.1, not %1</source>
        <translation>журнал открывается только на этом компьютере: укажите локальный адрес, например 127.0.0.1, а не %1</translation>
    </message>
    <message>
        <location filename="../web/http.cpp"/>
        <source>the request did not come from this journal&apos;s page; reload the page and try again</source>
        <translation>запрос пришёл не со страницы этого журнала; обновите страницу и повторите</translation>
    </message>
    <message>
        <location filename="../web/http.cpp"/>
        <source>the request must be JSON</source>
        <translation>запрос должен быть в формате JSON</translation>
    </message>
    <message>
        <location filename="../web/http.cpp"/>
        <source>there is no such page</source>
        <translation>такой страницы нет</translation>
    </message>
    <message>
        <location filename="../web/http.cpp"/>
        <source>this address accepts no such request</source>
        <translation>этот адрес не принимает такой запрос</translation>
    </message>
    <message>
        <location filename="../web/http.cpp"/>
        <source>this journal answers only at %1; open that address</source>
        <translation>этот журнал отвечает только по адресу %1; откройте этот адрес</translation>
    </message>
</context>
<context>
    <name>tabel::web::page</name>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>%1, %2: %3 – %4</source>
        <translation>%1, %2: %3 – %4</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Absence: %1, %2</source>
        <translation>Отсутствие: %1, %2</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Absent teacher</source>
        <translation>Отсутствовал</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Accept the work</source>
        <translation>Принять работу</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Add or change a topic</source>
        <translation>Добавить или изменить тему</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Average</source>
        <translation>Средний балл</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Average of the numeric marks of the shown dates, %1</source>
        <translation>Средний балл по числовым отметкам за показанные даты, %1</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>C</source>
        <translation>К</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Calendar-thematic plan (КТП, 3.1): %1, %2</source>
        <translation>Календарно-тематическое планирование (КТП, 3.1): %1, %2</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Choose a class on the left.</source>
        <translation>Выберите класс слева.</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Class</source>
        <translation>Класс</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Class and subject</source>
        <translation>Класс и предмет</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Class journal</source>
        <translation>Классный журнал</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Class, subject, group</source>
        <translation>Класс, предмет, группа</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Corrected on this computer; the summary sheet shows the old and the new mark</source>
        <translation>Исправлено на этом компьютере; в сводной ведомости будут видны прежняя и новая отметки</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Correction sheet</source>
        <translation>Лист корректировки</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Date the certificate was received</source>
        <translation>Дата получения справки</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Doctor&apos;s certificate № %1 of %2</source>
        <translation>Справка врача № %1 от %2</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Enter it in the sheet</source>
        <translation>Внести в лист</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Enter the passphrase of your journal on this computer. It works without the internet; nothing leaves this computer until you synchronise.</source>
        <translation>Введите парольную фразу вашего журнала на этом компьютере. Журнал работает без интернета; ничего не покидает этот компьютер, пока вы не синхронизируете его.</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Entries the school&apos;s operator must decide on: %1</source>
        <translation>Записей, о которых решает оператор школы: %1</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Every mark typed in a column takes its kind and weight; marks already given there change with it. Type «5 4» in a cell for a mark in column 1 and in column 2.</source>
        <translation>Каждая отметка, введённая в колонку, получает её вид и вес; уже выставленные отметки колонки меняются вместе с ней. Чтобы поставить отметки в колонки 1 и 2, введите в ячейку «5 4».</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Everything is sent</source>
        <translation>Всё отправлено</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Form of assessment</source>
        <translation>Форма контроля</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Give a new task</source>
        <translation>Дать новое задание</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Give the task</source>
        <translation>Дать задание</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Grade</source>
        <translation>Оценка</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Grade it</source>
        <translation>Оценить</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Group (all: the whole class)</source>
        <translation>Группа (all — весь класс)</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Held at a distance</source>
        <translation>Урок проведён дистанционно</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Homework</source>
        <translation>Домашнее задание</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Homework due</source>
        <translation>Срок домашнего задания</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Hours given</source>
        <translation>Дано часов</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Hours planned</source>
        <translation>Часов по плану</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>How it is made up</source>
        <translation>Способ корректировки</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Keyboard: arrows move; type 5, 4, 3, 2, 1, зач, н (absent), б (ill) or уп (valid reason) and press Enter or Tab; Ctrl+Enter puts it into every empty cell of the lesson; Shift+Enter: an absence with a doctor&apos;s certificate; Delete clears the cell; Esc cancels; ↑ from the first row opens the lesson.</source>
        <translation>Клавиатура: стрелки — переход; введите 5, 4, 3, 2, 1, зач, н (отсутствовал), б (болел) или уп (уважительная причина) и нажмите Enter или Tab; Ctrl+Enter ставит это во все пустые клетки урока; Shift+Enter — отсутствие со справкой врача; Delete очищает клетку; Esc отменяет; ↑ из первой строки открывает урок.</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Last synchronisation: %1</source>
        <translation>Последняя синхронизация: %1</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Lesson (its column gets the marks)</source>
        <translation>Урок (отметки встанут в его колонку)</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Lesson in the journal</source>
        <translation>Урок в журнале</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Lesson no.</source>
        <translation>№ урока</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Lesson: %1, %2, lesson %3</source>
        <translation>Урок: %1, %2, %3-й урок</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Lessons given</source>
        <translation>Проведено уроков</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Loading the journal…</source>
        <translation>Загружаю журнал…</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Log out</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Mark column %1</source>
        <translation>Колонка отметок %1</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Marks of this lesson: kind and weight (R-J2)</source>
        <translation>Отметки урока: вид и вес (R-J2)</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>My classes</source>
        <translation>Мои классы</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>My substitutions (2.5.4), %1 – %2</source>
        <translation>Мои замены (2.5.4), %1 – %2</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>New entry of the correction sheet</source>
        <translation>Новая запись листа корректировки</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>No corrections: the plan is followed as written.</source>
        <translation>Корректировок нет: план выполняется, как написан.</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>No lessons in your timetable today.</source>
        <translation>Сегодня по расписанию у вас нет уроков.</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>No lessons recorded in these dates. Record a lesson first («tabel-node lesson add»), or choose other dates.</source>
        <translation>В эти даты уроки не записаны. Сначала запишите урок («tabel-node lesson add») или выберите другие даты.</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>No substitutions of yours in these dates.</source>
        <translation>В эти даты у вас замен нет.</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>No tasks in this class and subject yet.</source>
        <translation>В этом классе по этому предмету заданий пока нет.</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>No work received yet.</source>
        <translation>Работ пока не поступало.</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Not corrected: a correction needs the reason and who approved it</source>
        <translation>Не исправлено: для исправления нужны причина и кто его утвердил</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Not saved: %1. The cell keeps what you typed; correct it or press Esc.</source>
        <translation>Не сохранено: %1. В клетке осталось то, что вы ввели; исправьте или нажмите Esc.</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Not synchronised yet</source>
        <translation>Ещё не синхронизировано</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Number of the doctor&apos;s certificate</source>
        <translation>Номер справки врача</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Opening the journal…</source>
        <translation>Открываю журнал…</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Passphrase</source>
        <translation>Парольная фраза</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Planned hours</source>
        <translation>Часов по плану</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Planned hours: %1. Lessons given on the plan&apos;s topics: %2.</source>
        <translation>Часов по плану: %1. Проведено уроков по темам плана: %2.</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Preparing the document…</source>
        <translation>Готовим документ…</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Print the journal</source>
        <translation>Печать журнала</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Print the КТП</source>
        <translation>Печать КТП</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Printed: number %1 in this computer&apos;s register of prints; the file %2 is in your downloads</source>
        <translation>Напечатано: № %1 в реестре печати этого компьютера; файл %2 — в папке загрузок</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Pupil</source>
        <translation>Ученик</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Received</source>
        <translation>Получена</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Record a substitution</source>
        <translation>Записать замену</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Record the substitution</source>
        <translation>Записать замену</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Save the absence</source>
        <translation>Сохранить отсутствие</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Save the lesson</source>
        <translation>Сохранить урок</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Save the topic</source>
        <translation>Сохранить тему</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Saved on this computer</source>
        <translation>Сохранено на этом компьютере</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Saving…</source>
        <translation>Сохраняю…</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Something went wrong: %1</source>
        <translation>Что-то пошло не так: %1</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Subject</source>
        <translation>Предмет</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Substitute</source>
        <translation>Заменял</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Synchronise</source>
        <translation>Синхронизировать</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Synchronising with the school server…</source>
        <translation>Синхронизация с сервером школы…</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Tasks and pupils&apos; work</source>
        <translation>Задания и работы учеников</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>The average is %1. The school sets this rule (tabel-hub school set --average). A lesson&apos;s mark columns get their kind and weight in the lesson&apos;s form (click the date).</source>
        <translation>Средний балл — %1. Правило устанавливает школа (tabel-hub school set --average). Вид и вес колонок отметок задаются в карточке урока (щёлкните дату).</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>The journal is locked</source>
        <translation>Журнал заперт</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>The journal program does not answer. Check that «tabel-node serve» is still running, then reload this page.</source>
        <translation>Программа журнала не отвечает. Проверьте, что «tabel-node serve» ещё работает, и обновите страницу.</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>The journal was locked (you left or it was idle). Enter the passphrase again.</source>
        <translation>Журнал заперт (вы вышли или он долго простаивал). Введите парольную фразу ещё раз.</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>The period mark %1 is given already; changing it to %2 is a correction (2.6.8). Why is it corrected?</source>
        <translation>Отметка за период %1 уже выставлена; замена на %2 — это исправление (п. 2.6.8). Почему отметка исправляется?</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>The period mark (2.5.6): entered in the last week of the period; at another time the journal asks for the reason</source>
        <translation>Отметка за период (2.5.6): ставится в последнюю неделю периода; в другое время журнал спросит причину</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>The plan has no topics yet; add them below.</source>
        <translation>В плане пока нет тем; добавьте их ниже.</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>This computer is not connected to the school server yet; everything is kept here.</source>
        <translation>Этот компьютер ещё не подключён к серверу школы; всё хранится здесь.</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>To</source>
        <translation>По</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>To enter it now anyway, write the reason (it is kept with the mark):</source>
        <translation>Чтобы поставить её сейчас, напишите причину (она сохранится вместе с отметкой):</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Today&apos;s lessons</source>
        <translation>Уроки сегодня</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Topic</source>
        <translation>Тема</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Topic of the calendar-thematic plan</source>
        <translation>Тема по календарно-тематическому плану</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Topics</source>
        <translation>Темы</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Two devices wrote different values; the school&apos;s operator decides which stays. Until then the later one is shown here:</source>
        <translation>Два устройства записали разные значения; какое останется, решит оператор школы. До тех пор здесь показано более позднее:</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Unlock</source>
        <translation>Открыть журнал</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Waiting for a grade more than 7 days (4.2): %1 —</source>
        <translation>Ждут оценки больше 7 дней (4.2): %1 —</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Waiting to be sent: %1</source>
        <translation>Ждут отправки: %1</translation>
    </message>
    <message>
        <source>Weighted average of the numeric marks of the shown dates (weight of each mark: 1 unless given)</source>
        <translation type="vanished">Средневзвешенный балл по числовым отметкам за показанные даты (вес отметки 1, если не указан другой)</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>What to do</source>
        <translation>Что сделать</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Who approved the correction (the director)?</source>
        <translation>Кто утвердил исправление (директор)?</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>You</source>
        <translation>Вы</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>Your changes to closed periods (amendment requests, R-S6):</source>
        <translation>Ваши изменения в закрытых периодах (запросы на исправление, R-S6):</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>a valid reason (уп)</source>
        <translation>уважительная причина (уп)</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>control work</source>
        <translation>контрольная работа</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>current mark</source>
        <translation>текущая отметка</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>dates below</source>
        <translation>даты ниже</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>distance task</source>
        <translation>дистанционное задание</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>due %1</source>
        <translation>срок %1</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>given for self-study</source>
        <translation>вынесено на самостоятельное изучение</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>homework</source>
        <translation>домашнее задание</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>illness (б)</source>
        <translation>болезнь (б)</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>in the timetable, not recorded yet: open it to write the topic, then the marks</source>
        <translation>есть в расписании, ещё не записан: откройте, чтобы записать тему, затем ставьте отметки</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>kind</source>
        <translation>вид</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>laboratory work</source>
        <translation>лабораторная работа</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>lesson %1</source>
        <translation>%1-й урок</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>mark column %1: %2, weight %3</source>
        <translation>колонка отметок %1: %2, вес %3</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>moved to the next year</source>
        <translation>перенесено на следующий год</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>not yet recorded</source>
        <translation>ещё не записан</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>plan</source>
        <translation>план</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>practical work</source>
        <translation>практическая работа</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>self-study</source>
        <translation>самостоятельная работа</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>substituted</source>
        <translation>заменяли</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>taught in modules</source>
        <translation>изучено модульно</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>topics merged</source>
        <translation>темы объединены</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>weight</source>
        <translation>вес</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>were substituted</source>
        <translation>были заменены</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>without a valid reason (н)</source>
        <translation>без уважительной причины (н)</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>write the lesson</source>
        <translation>записать урок</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>— no lesson —</source>
        <translation>— без урока —</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>— none —</source>
        <translation>— нет —</translation>
    </message>
    <message>
        <location filename="../node/web/ui_text.cpp"/>
        <source>— not from the plan —</source>
        <translation>— не из плана —</translation>
    </message>
</context>
<context>
    <name>tabel::zstd</name>
    <message>
        <location filename="../shared/core/zstd.cpp"/>
        <location filename="../sync/wire.cpp"/>
        <source>compressed data expands beyond the limit of %1 bytes</source>
        <translation>сжатые данные после распаковки превышают предел в %1 байт</translation>
    </message>
    <message>
        <location filename="../shared/core/zstd.cpp"/>
        <source>compressed data is damaged: %1</source>
        <translation>сжатые данные повреждены: %1</translation>
    </message>
    <message>
        <location filename="../shared/core/zstd.cpp"/>
        <source>compressed data is truncated</source>
        <translation>сжатые данные обрываются</translation>
    </message>
    <message>
        <location filename="../shared/core/zstd.cpp"/>
        <source>compression failed: %1</source>
        <translation>не удалось сжать данные: %1</translation>
    </message>
    <message>
        <location filename="../shared/core/zstd.cpp"/>
        <source>out of memory</source>
        <translation>недостаточно памяти</translation>
    </message>
</context>
</TS>
