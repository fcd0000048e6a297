#include "shared/documents/class_journal.h"

namespace tabel::documents {

namespace {

constexpr int kLessonsPerTable = 16; // lesson columns that fit across a landscape page beside the names

QString groupText(const JournalPrint& j) {
    return j.groupId == QLatin1String("all") ? QStringLiteral("весь класс")
                                             : QStringLiteral("группа %1").arg(j.groupId);
}

QString spanText(const JournalPrint& j) {
    const QString dates = QStringLiteral("с %1 по %2").arg(dateText(j.from), dateText(j.to));
    return j.periodTitle.isEmpty() ? dates : QStringLiteral("%1 (%2)").arg(j.periodTitle, dates);
}

QString lessonHeader(const domain::Lesson& l) {
    return l.key.date.toString(QStringLiteral("dd.MM")) +
           (l.key.slot > 1 ? QStringLiteral("/%1").arg(l.key.slot) : QString());
}

QString cellText(const JournalPrint& j, const domain::Lesson& l, const QString& pupilId) {
    const QString key = JournalPrint::cellKey(l.key, pupilId);
    QStringList parts = j.marks.value(key);
    if (const QString absent = j.absences.value(key); !absent.isEmpty())
        parts.prepend(absent);
    return parts.join(u'/'); // «4/5»: two marks of one lesson, «б/5» a mark of a pupil absent for illness
}

} // namespace

QString JournalPrint::cellKey(const domain::LessonKey& lesson, const QString& pupilId) {
    return lesson.toString() + u'|' + pupilId;
}

QString absenceMark(domain::AbsenceReason reason) {
    switch (reason) {
    case domain::AbsenceReason::Illness:
        return QStringLiteral("б");
    case domain::AbsenceReason::Valid:
        return QStringLiteral("уп");
    case domain::AbsenceReason::Unexcused:
        break;
    }
    return QStringLiteral("н");
}

Form journalForm(const JournalPrint& j) {
    return {QStringLiteral("class_journal"),
            QStringLiteral("Журнал: %1, класс %2, %3, %4").arg(j.subjectName, j.classId, groupText(j), spanText(j)),
            Orientation::Landscape};
}

QVariantMap journalContent(const JournalPrint& j, const domain::SchoolProfile& school, const PrintStamp& stamp) {
    QVariantMap content;
    addCommon(content, school, stamp, {}, false);
    content.insert(QStringLiteral("classText"), j.classId);
    content.insert(QStringLiteral("subject"), j.subjectName);
    content.insert(QStringLiteral("group"), groupText(j));
    content.insert(QStringLiteral("span"), spanText(j));
    content.insert(QStringLiteral("teachers"), j.teachers.join(QStringLiteral(", ")));

    // The grid, in tables of kLessonsPerTable lessons, each with the pupils' names again.
    QVariantList grids;
    for (qsizetype first = 0; first < j.lessons.size() || (first == 0 && j.lessons.isEmpty());
         first += kLessonsPerTable) {
        const QList<domain::Lesson> part = j.lessons.mid(first, kLessonsPerTable);
        QVariantList headers;
        for (const domain::Lesson& l : part)
            headers.append(QVariantMap{{QStringLiteral("text"), lessonHeader(l)}});
        QVariantList rows;
        int number = 0;
        for (const JournalPrint::Pupil& p : j.pupils) {
            QVariantList cells;
            for (const domain::Lesson& l : part)
                cells.append(QVariantMap{{QStringLiteral("text"), cellText(j, l, p.id)}});
            rows.append(QVariantMap{{QStringLiteral("number"), ++number},
                                    {QStringLiteral("name"), p.name},
                                    {QStringLiteral("cells"), cells}});
        }
        grids.append(QVariantMap{{QStringLiteral("headers"), headers},
                                 {QStringLiteral("rows"), rows},
                                 {QStringLiteral("breakBefore"), first > 0},
                                 {QStringLiteral("full"), part.size() > kLessonsPerTable / 2}});
        if (j.lessons.isEmpty())
            break;
    }
    content.insert(QStringLiteral("grids"), grids);

    QVariantList lessons;
    for (const domain::Lesson& l : j.lessons) {
        QString homework = l.homework;
        if (l.homeworkDue)
            homework += QStringLiteral(" (к %1)").arg(dateText(*l.homeworkDue));
        lessons.append(QVariantMap{{QStringLiteral("date"), dateText(l.key.date)},
                                   {QStringLiteral("slot"), l.key.slot},
                                   {QStringLiteral("topic"), l.topic},
                                   {QStringLiteral("homework"), homework},
                                   {QStringLiteral("form"), l.form},
                                   {QStringLiteral("distance"), l.distance ? QStringLiteral("да") : QString()},
                                   {QStringLiteral("substitution"), j.substitutions.value(l.key.toString())}});
    }
    content.insert(QStringLiteral("lessons"), lessons);
    content.insert(QStringLiteral("hasSubstitutions"), !j.substitutions.isEmpty());
    QVariantList teachers;
    for (const QString& t : j.teachers)
        teachers.append(QVariantMap{{QStringLiteral("role"), QStringLiteral("Учитель")},
                                    {QStringLiteral("name"), QStringLiteral("/%1/").arg(t)}});
    if (teachers.isEmpty())
        teachers.append(QVariantMap{{QStringLiteral("role"), QStringLiteral("Учитель")},
                                    {QStringLiteral("name"), QStringLiteral("/__________________/")}});
    content.insert(QStringLiteral("signatures"), teachers);
    return content;
}

Workbook journalWorkbook(const JournalPrint& j, const domain::SchoolProfile& school, const PrintStamp& stamp) {
    XlsxSheet grid;
    grid.name = QStringLiteral("Журнал %1 %2").arg(j.classId, j.subjectName);
    grid.title = {
        QStringLiteral("Журнал: %1, класс %2, %3, %4").arg(j.subjectName, j.classId, groupText(j), spanText(j)),
        schoolContent(school).value(QStringLiteral("name")).toString(), registrationText(stamp)};
    grid.header << QStringLiteral("Фамилия, имя, отчество");
    grid.widths << 34;
    for (const domain::Lesson& l : j.lessons) {
        grid.header << lessonHeader(l);
        grid.widths << 7;
    }
    for (const JournalPrint::Pupil& p : j.pupils) {
        QList<XlsxCell> cells{XlsxCell{p.name, {}, {}, false}};
        for (const domain::Lesson& l : j.lessons)
            cells << XlsxCell::of(cellText(j, l, p.id)); // one mark is a number; «5 4» or «н» stay text
        grid.rows << cells;
    }
    XlsxSheet lessons;
    lessons.name = QStringLiteral("Уроки");
    lessons.title = {QStringLiteral("Уроки: темы, домашние задания, замены")};
    lessons.header = {QStringLiteral("Дата"),  QStringLiteral("Урок"),
                      QStringLiteral("Тема"),  QStringLiteral("Домашнее задание"),
                      QStringLiteral("Форма"), QStringLiteral("Замена")};
    lessons.widths = {12, 6, 40, 40, 16, 40};
    for (const domain::Lesson& l : j.lessons)
        lessons.rows << QList<XlsxCell>{{dateText(l.key.date), {}, {}, false},
                                        XlsxCell::of(QString::number(l.key.slot)),
                                        {l.topic, {}, {}, false},
                                        {l.homework, {}, {}, false},
                                        {l.form, {}, {}, false},
                                        {j.substitutions.value(l.key.toString()), {}, {}, false}};
    lessons.frozenColumns = 1;
    return {journalForm(j).title, {grid, lessons}};
}

} // namespace tabel::documents
