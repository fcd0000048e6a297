#include "hub/documents/summary_form.h"

namespace tabel::hub {

namespace {

constexpr int kPortraitColumns = 5; // subjects whose names fit across a portrait page
constexpr int kNamedColumns = 8;    // and across a landscape one

QString periodText(const SummarySheet& sheet, const QString& periodId) {
    if (periodId == QLatin1String("annual"))
        return QStringLiteral("год");
    return sheet.periodTitles.value(periodId, periodId);
}

// "2026-2027" (the calendar's year id) → «2026/2027 учебный год»; an id of another shape as it is.
QString yearText(const QString& yearId) {
    if (yearId.isEmpty())
        return {};
    const QStringList years = yearId.split(u'-');
    return years.size() == 2 ? QStringLiteral("%1/%2 учебный год").arg(years[0], years[1]) : yearId;
}

} // namespace

documents::Form summaryForm(const SummarySheet& sheet) {
    const QString period = sheet.periodId.isEmpty() ? QStringLiteral("все периоды") : periodText(sheet, sheet.periodId);
    return {
        QStringLiteral("summary_sheet"), QStringLiteral("Сводная ведомость, класс %1, %2").arg(sheet.classId, period),
        sheet.columns.size() > kPortraitColumns ? documents::Orientation::Landscape : documents::Orientation::Portrait};
}

QVariantMap summaryContent(const SummarySheet& sheet, const domain::SchoolProfile& school,
                           const documents::PrintStamp& stamp) {
    QVariantMap content;
    documents::addCommon(content, school, stamp, {documents::Signer::Director, documents::Signer::DeputyDirector},
                         true);
    content.insert(QStringLiteral("classText"), sheet.classId);
    content.insert(QStringLiteral("periodText"),
                   sheet.periodId.isEmpty() ? QStringLiteral("все периоды") : periodText(sheet, sheet.periodId));
    content.insert(QStringLiteral("yearText"), yearText(sheet.yearId));
    content.insert(QStringLiteral("formed"), documents::dateTimeText(sheet.formed));

    // A subject's name heads its column while the names fit across the page; with more columns the headers are
    // numbers and a legend under the table names them (the names would break inside words).
    const bool numbered = sheet.columns.size() > kNamedColumns;
    QVariantList columns;
    int columnNumber = 0;
    for (const SummaryColumn& c : sheet.columns) {
        const QString name = sheet.periodId.isEmpty()
                                 ? QStringLiteral("%1, %2").arg(c.subjectName, periodText(sheet, c.periodId))
                                 : c.subjectName;
        ++columnNumber;
        columns.append(QVariantMap{{QStringLiteral("name"), name},
                                   {QStringLiteral("header"), numbered ? QString::number(columnNumber) : name}});
    }
    content.insert(QStringLiteral("columns"), columns);
    content.insert(QStringLiteral("legend"), numbered);

    QVariantList rows;
    bool conflicts = false;
    int number = 0;
    for (const SummaryRow& r : sheet.rows) {
        QVariantList cells;
        for (const SummaryCell& c : r.cells) {
            conflicts = conflicts || c.inConflict;
            cells.append(QVariantMap{{QStringLiteral("value"), c.value},
                                     {QStringLiteral("corrected"), c.correction.has_value() && !c.value.isEmpty()},
                                     {QStringLiteral("conflict"), c.inConflict}});
        }
        rows.append(QVariantMap{{QStringLiteral("number"), ++number},
                                {QStringLiteral("name"), r.name},
                                {QStringLiteral("cells"), cells},
                                {QStringLiteral("absences"), r.absences},
                                {QStringLiteral("illness"), r.illness}});
    }
    content.insert(QStringLiteral("rows"), rows);
    content.insert(QStringLiteral("hasConflicts"), conflicts);

    QVariantList corrections;
    for (const SummaryCorrection& c : sheet.corrections)
        corrections.append(QVariantMap{{QStringLiteral("pupil"), c.pupilName},
                                       {QStringLiteral("subject"), c.subjectName},
                                       {QStringLiteral("period"), periodText(sheet, c.periodId)},
                                       {QStringLiteral("old"), c.oldValue},
                                       {QStringLiteral("new"), c.newValue},
                                       {QStringLiteral("explanation"), c.explanation},
                                       {QStringLiteral("approver"), c.approver},
                                       {QStringLiteral("date"), documents::dateText(c.date)}});
    content.insert(QStringLiteral("corrections"), corrections);
    content.insert(QStringLiteral("hasCorrections"), !corrections.isEmpty());

    QVariantList nodes;
    for (const SummaryNode& n : sheet.nodes)
        nodes.append(
            QVariantMap{{QStringLiteral("teacher"), n.teacherName.isEmpty() ? n.teacherId : n.teacherName},
                        {QStringLiteral("lastSync"),
                         n.lastSync ? QStringLiteral("синхронизация %1").arg(documents::dateTimeText(*n.lastSync))
                                    : QStringLiteral("ещё не синхронизировался")}});
    content.insert(QStringLiteral("nodes"), nodes);
    return content;
}

documents::Workbook summaryWorkbook(const SummarySheet& sheet, const domain::SchoolProfile& school,
                                    const documents::PrintStamp& stamp) {
    const documents::Form form = summaryForm(sheet);
    const QString period = sheet.periodId.isEmpty() ? QStringLiteral("все периоды") : periodText(sheet, sheet.periodId);
    const QStringList title{QStringLiteral("Сводная ведомость учёта результатов промежуточной и итоговой аттестации "
                                           "обучающихся, класс %1, %2")
                                .arg(sheet.classId, period),
                            documents::schoolContent(school).value(QStringLiteral("name")).toString(),
                            QStringLiteral("%1; сформирована %2")
                                .arg(documents::registrationText(stamp), documents::dateTimeText(sheet.formed))};

    documents::XlsxSheet marks;
    marks.name = QStringLiteral("Ведомость %1").arg(sheet.classId);
    marks.title = title;
    marks.header << QStringLiteral("Фамилия, имя, отчество");
    marks.widths << 36;
    for (const SummaryColumn& c : sheet.columns) {
        marks.header << (sheet.periodId.isEmpty()
                             ? QStringLiteral("%1, %2").arg(c.subjectName, periodText(sheet, c.periodId))
                             : c.subjectName);
        marks.widths << 14;
    }
    marks.header << QStringLiteral("Пропущено уроков") << QStringLiteral("из них по болезни");
    marks.widths << 12 << 12;
    for (const SummaryRow& r : sheet.rows) {
        QList<documents::XlsxCell> cells{documents::XlsxCell::of(r.name)};
        cells.first().number.reset(); // a name is text even if it looks like a number
        for (const SummaryCell& c : r.cells) {
            documents::XlsxCell x = documents::XlsxCell::of(c.value);
            if (c.correction && !c.value.isEmpty()) {
                x.emphasised = true;
                x.note = QStringLiteral("Исправлено (п. 2.6.8): %1 → %2, %3; утвердил %4, %5")
                             .arg(c.correction->oldValue, c.correction->newValue, c.correction->explanation,
                                  c.correction->approver, documents::dateText(c.correction->date));
            }
            if (c.inConflict)
                x.note += (x.note.isEmpty() ? QString() : QStringLiteral("\n")) +
                          QStringLiteral("Ожидает решения оператора: с разных устройств пришли разные значения");
            cells << x;
        }
        cells << documents::XlsxCell::of(QString::number(r.absences))
              << documents::XlsxCell::of(QString::number(r.illness));
        marks.rows << cells;
    }

    documents::XlsxSheet corrections;
    corrections.name = QStringLiteral("Исправления");
    corrections.title = {QStringLiteral("Исправления отметок (п. 2.6.8), класс %1, %2").arg(sheet.classId, period)};
    corrections.header = {QStringLiteral("Обучающийся"), QStringLiteral("Предмет"), QStringLiteral("Период"),
                          QStringLiteral("Было"),        QStringLiteral("Стало"),   QStringLiteral("Основание"),
                          QStringLiteral("Утвердил"),    QStringLiteral("Дата")};
    corrections.widths = {30, 18, 14, 8, 8, 40, 20, 12};
    for (const SummaryCorrection& c : sheet.corrections)
        corrections.rows << QList<documents::XlsxCell>{{c.pupilName, {}, {}, false},
                                                       {c.subjectName, {}, {}, false},
                                                       {periodText(sheet, c.periodId), {}, {}, false},
                                                       documents::XlsxCell::of(c.oldValue),
                                                       documents::XlsxCell::of(c.newValue),
                                                       {c.explanation, {}, {}, false},
                                                       {c.approver, {}, {}, false},
                                                       {documents::dateText(c.date), {}, {}, false}};

    documents::XlsxSheet syncs;
    syncs.name = QStringLiteral("Синхронизация");
    syncs.title = {QStringLiteral("Данные учителей включены по их последнюю синхронизацию (п. 2.5.8)")};
    syncs.header = {QStringLiteral("Учитель"), QStringLiteral("Узел"), QStringLiteral("Последняя синхронизация")};
    syncs.widths = {36, 10, 24};
    for (const SummaryNode& n : sheet.nodes)
        syncs.rows << QList<documents::XlsxCell>{
            {n.teacherName.isEmpty() ? n.teacherId : n.teacherName, {}, {}, false},
            {n.nodeId, {}, {}, false},
            {n.lastSync ? documents::dateTimeText(*n.lastSync) : QStringLiteral("ещё не синхронизировался"),
             {},
             {},
             false}};
    return {form.title, {marks, corrections, syncs}};
}

} // namespace tabel::hub
