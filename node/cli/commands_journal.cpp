// tabel-node lesson, mark, attend, journal.
#include "node/cli/handlers.h"
#include "node/cli/table.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

namespace tabel::node::cli {

namespace {

QString pupilLabel(Journal& j, const QString& pupilId) {
    auto p = j.pupil(pupilId);
    if (p && p->has_value())
        return shortName(**p) + QStringLiteral(" (") + pupilId + u')';
    return pupilId;
}

QString nothingChanged() {
    return QCoreApplication::translate("tabel-node", "(nothing changed)");
}

QJsonValue dateJson(QDate d) {
    return d.isValid() ? QJsonValue(d.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QString cellText(const JournalCell& cell) {
    QStringList parts;
    if (cell.absence)
        parts << absenceLabel(cell.absence->reason);
    if (!cell.marks.isEmpty())
        parts << cell.marks.join(u'/');
    return parts.join(u' ');
}

// Column headings: dd.MM; with the slot when a date has several lessons; with the group when even that repeats.
QStringList columnHeadings(const QList<JournalColumn>& columns) {
    QHash<QDate, int> perDate;
    QHash<QString, int> perSlot;
    const auto slotId = [](const domain::LessonKey& k) {
        return k.date.toString(Qt::ISODate) + u'/' + QString::number(k.slot);
    };
    for (const JournalColumn& c : columns) {
        ++perDate[c.lesson.key.date];
        ++perSlot[slotId(c.lesson.key)];
    }
    QStringList headings;
    for (const JournalColumn& c : columns) {
        const domain::LessonKey& k = c.lesson.key;
        QString h = formatShortDate(k.date);
        if (perDate.value(k.date) > 1)
            h += u'/' + QString::number(k.slot);
        if (perSlot.value(slotId(k)) > 1)
            h += u'·' + k.groupId;
        headings << h;
    }
    return headings;
}

QString groupLabel(const QString& groupId) {
    return groupId.isEmpty() || groupId == domain::kWholeClass
               ? QCoreApplication::translate("tabel-node", "whole class")
               : QCoreApplication::translate("tabel-node", "group %1").arg(groupId);
}

// enrolled: the node syncs with a hub, where the class list comes from (the hub takes no pupil a node imports).
QStringList renderJournal(const JournalView& v, bool enrolled) {
    QStringList lines;
    lines << QCoreApplication::translate("tabel-node", "Journal: %1, %2 (%3), %4–%5")
                 .arg(v.classId, v.subjectName.isEmpty() ? v.subjectId : v.subjectName, groupLabel(v.groupId),
                      formatDate(v.from), formatDate(v.to));
    if (v.rows.isEmpty()) {
        lines << (enrolled ? QCoreApplication::translate(
                                 "tabel-node",
                                 "(no pupils yet: the class list comes from the school server. Run «tabel-node "
                                 "sync»; if the list is still empty, ask the school's operator to import the roster "
                                 "of %1)")
                                 .arg(v.classId)
                           : QCoreApplication::translate(
                                 "tabel-node", "(no pupils: import the roster with «tabel-node import roster FILE»)"));
    } else {
        TextTable table;
        table.header << QStringLiteral("№") << QCoreApplication::translate("tabel-node", "pupil")
                     << columnHeadings(v.columns) << QCoreApplication::translate("tabel-node", "avg");
        table.align << Align::Right << Align::Left;
        for (qsizetype i = 0; i < v.columns.size(); ++i)
            table.align << Align::Left;
        table.align << Align::Right;
        int n = 0;
        for (const JournalRow& row : v.rows) {
            QStringList cells{QString::number(++n), shortName(row.pupil)};
            for (qsizetype i = 0; i < v.columns.size(); ++i)
                cells << (i < row.cells.size() ? cellText(row.cells.at(i)) : QString());
            cells << row.average;
            table.rows << cells;
        }
        lines << table.render();
    }
    if (v.columns.isEmpty()) {
        lines << QCoreApplication::translate("tabel-node", "(no lessons in this range)");
        return lines;
    }
    lines << QString();
    const QStringList headings = columnHeadings(v.columns);
    for (qsizetype i = 0; i < v.columns.size(); ++i) {
        const domain::Lesson& l = v.columns.at(i).lesson;
        QString line = headings.at(i) + QStringLiteral(" — ") + l.topic;
        if (!l.homework.isEmpty()) {
            line += QCoreApplication::translate("tabel-node", "; homework: %1").arg(l.homework);
            if (l.homeworkDue)
                line +=
                    u' ' + QCoreApplication::translate("tabel-node", "(due %1)").arg(formatShortDate(*l.homeworkDue));
        }
        if (l.distance)
            line += u' ' + QCoreApplication::translate("tabel-node", "[distance]");
        lines << line;
    }
    return lines;
}

QJsonObject lessonJson(const domain::Lesson& l) {
    QJsonObject o;
    o.insert(QStringLiteral("key"), l.key.toString());
    o.insert(QStringLiteral("group"), l.key.groupId);
    o.insert(QStringLiteral("date"), dateJson(l.key.date));
    o.insert(QStringLiteral("slot"), l.key.slot);
    o.insert(QStringLiteral("topic"), l.topic);
    o.insert(QStringLiteral("homework"), l.homework);
    o.insert(QStringLiteral("due"), l.homeworkDue ? dateJson(*l.homeworkDue) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("form"), l.form);
    o.insert(QStringLiteral("distance"), l.distance);
    o.insert(QStringLiteral("ktp"), l.ktpTopic ? QJsonValue(*l.ktpTopic) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("teacher"), l.teacherId);
    return o;
}

QJsonDocument journalJson(const JournalView& v) {
    QJsonObject doc;
    doc.insert(QStringLiteral("class"), v.classId);
    doc.insert(QStringLiteral("subject"), v.subjectId);
    doc.insert(QStringLiteral("subject_name"), v.subjectName);
    doc.insert(QStringLiteral("group"), v.groupId.isEmpty() ? domain::kWholeClass : v.groupId);
    doc.insert(QStringLiteral("from"), dateJson(v.from));
    doc.insert(QStringLiteral("to"), dateJson(v.to));
    QJsonArray lessons;
    for (const JournalColumn& c : v.columns)
        lessons.append(lessonJson(c.lesson));
    doc.insert(QStringLiteral("lessons"), lessons);
    QJsonArray pupils;
    for (const JournalRow& row : v.rows) {
        QJsonObject p;
        p.insert(QStringLiteral("id"), row.pupil.id);
        p.insert(QStringLiteral("name"), row.pupil.fullName());
        QJsonArray cells;
        for (qsizetype i = 0; i < v.columns.size(); ++i) {
            const JournalCell cell = i < row.cells.size() ? row.cells.at(i) : JournalCell{};
            QJsonObject co;
            co.insert(QStringLiteral("lesson"), v.columns.at(i).lesson.key.toString());
            co.insert(QStringLiteral("marks"), QJsonArray::fromStringList(cell.marks));
            if (cell.absence) {
                QJsonObject a;
                a.insert(QStringLiteral("reason"), domain::toString(cell.absence->reason));
                a.insert(QStringLiteral("cert_no"), cell.absence->certificateNo.isEmpty()
                                                        ? QJsonValue(QJsonValue::Null)
                                                        : QJsonValue(cell.absence->certificateNo));
                a.insert(QStringLiteral("cert_date"), cell.absence->certificateDate
                                                          ? dateJson(*cell.absence->certificateDate)
                                                          : QJsonValue(QJsonValue::Null));
                co.insert(QStringLiteral("absence"), a);
            } else {
                co.insert(QStringLiteral("absence"), QJsonValue(QJsonValue::Null));
            }
            cells.append(co);
        }
        p.insert(QStringLiteral("cells"), cells);
        p.insert(QStringLiteral("average"),
                 row.average.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(row.average));
        pupils.append(p);
    }
    doc.insert(QStringLiteral("pupils"), pupils);
    return QJsonDocument(doc);
}

QStringList renderPupil(const PupilView& v) {
    QStringList lines;
    lines << QCoreApplication::translate("tabel-node", "Results: %1, class %2, %3–%4")
                 .arg(v.pupil.fullName(), v.pupil.classId, formatDate(v.from), formatDate(v.to));
    if (v.lines.isEmpty()) {
        lines << QCoreApplication::translate("tabel-node", "(no marks or absences in this range)");
    } else {
        TextTable table;
        table.header << QCoreApplication::translate("tabel-node", "date")
                     << QCoreApplication::translate("tabel-node", "lesson")
                     << QCoreApplication::translate("tabel-node", "subject")
                     << QCoreApplication::translate("tabel-node", "marks")
                     << QCoreApplication::translate("tabel-node", "absence")
                     << QCoreApplication::translate("tabel-node", "topic");
        table.align << Align::Left << Align::Right;
        for (const PupilResultLine& l : v.lines)
            table.rows << QStringList{formatDate(l.date),
                                      QString::number(l.slot),
                                      l.subjectName.isEmpty() ? l.subjectId : l.subjectName,
                                      l.marks,
                                      l.absence,
                                      l.topic};
        lines << table.render();
    }
    if (!v.periodMarks.isEmpty()) {
        lines << QString() << QCoreApplication::translate("tabel-node", "Period marks:");
        for (const domain::PeriodMark& m : v.periodMarks)
            lines << QStringLiteral("  %1, %2: %3").arg(m.subjectId, m.periodId, domain::toString(m.value));
    }
    return lines;
}

QJsonDocument pupilJson(const PupilView& v) {
    QJsonObject doc;
    QJsonObject pupil;
    pupil.insert(QStringLiteral("id"), v.pupil.id);
    pupil.insert(QStringLiteral("name"), v.pupil.fullName());
    pupil.insert(QStringLiteral("class"), v.pupil.classId);
    doc.insert(QStringLiteral("pupil"), pupil);
    doc.insert(QStringLiteral("from"), dateJson(v.from));
    doc.insert(QStringLiteral("to"), dateJson(v.to));
    QJsonArray lines;
    for (const PupilResultLine& l : v.lines) {
        QJsonObject o;
        o.insert(QStringLiteral("date"), dateJson(l.date));
        o.insert(QStringLiteral("slot"), l.slot);
        o.insert(QStringLiteral("subject"), l.subjectId);
        o.insert(QStringLiteral("subject_name"), l.subjectName);
        o.insert(QStringLiteral("marks"), l.marks);
        o.insert(QStringLiteral("absence"), l.absence);
        o.insert(QStringLiteral("topic"), l.topic);
        lines.append(o);
    }
    doc.insert(QStringLiteral("lines"), lines);
    QJsonArray marks;
    for (const domain::PeriodMark& m : v.periodMarks) {
        QJsonObject o;
        o.insert(QStringLiteral("subject"), m.subjectId);
        o.insert(QStringLiteral("period"), m.periodId);
        o.insert(QStringLiteral("value"), domain::toString(m.value));
        o.insert(QStringLiteral("override_reason"), m.overrideReason);
        marks.append(o);
    }
    doc.insert(QStringLiteral("period_marks"), marks);
    return QJsonDocument(doc);
}

} // namespace

Status cmdLessonAdd(Session& s) {
    const Invocation& inv = s.inv();
    domain::Lesson lesson;
    TABEL_ASSIGN_OR_RETURN(lesson.key, lessonOption(inv));
    TABEL_ASSIGN_OR_RETURN(lesson.topic, requiredText(inv, QStringLiteral("topic")));
    lesson.homework = inv.value(QStringLiteral("homework")).trimmed();
    TABEL_ASSIGN_OR_RETURN(lesson.homeworkDue, optionalDate(inv, QStringLiteral("due")));
    lesson.form = inv.value(QStringLiteral("form")).trimmed();
    lesson.distance = inv.has(QStringLiteral("distance"));
    TABEL_ASSIGN_OR_RETURN(lesson.ktpTopic, optionalInt(inv, QStringLiteral("ktp"), 1, 9999));
    const bool marksGiven = inv.has(QStringLiteral("marks"));
    if (marksGiven) {
        TABEL_ASSIGN_OR_RETURN(lesson.markColumns, domain::parseMarkColumns(inv.value(QStringLiteral("marks"))));
    }
    TABEL_TRY(s.open());
    lesson.teacherId = s.store().teacherId();
    if (!marksGiven) { // a lesson recorded again keeps its mark columns
        TABEL_ASSIGN_OR_RETURN(const std::optional<domain::Lesson> before, s.journal().lessonAt(lesson.key));
        if (before)
            lesson.markColumns = before->markColumns;
    }
    TABEL_ASSIGN_OR_RETURN(const CommitInfo commit, s.journal().saveLesson(lesson));
    QString line = QCoreApplication::translate("tabel-node", "Saved the lesson %1").arg(lesson.key.toString());
    if (commit.seq == 0)
        line += u' ' + nothingChanged();
    printOut(line);
    return {};
}

Status cmdLessonShow(Session& s) {
    TABEL_ASSIGN_OR_RETURN(const domain::LessonKey key, lessonOption(s.inv()));
    TABEL_TRY(s.open());
    TABEL_ASSIGN_OR_RETURN(const JournalView v,
                           s.journal().classJournal(key.classId, key.subjectId, key.groupId, key.date, key.date));
    qsizetype column = -1;
    for (qsizetype i = 0; i < v.columns.size(); ++i)
        if (v.columns.at(i).lesson.key == key)
            column = i;
    if (column < 0)
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("tabel-node", "there is no lesson %1").arg(key.toString()));
    const domain::Lesson& l = v.columns.at(column).lesson;
    const QString none = QCoreApplication::translate("tabel-node", "—");
    printOut({
        QCoreApplication::translate("tabel-node", "lesson: %1").arg(l.key.toString()),
        QCoreApplication::translate("tabel-node", "subject: %1")
            .arg(v.subjectName.isEmpty() ? v.subjectId : v.subjectName),
        QCoreApplication::translate("tabel-node", "topic: %1").arg(l.topic),
        QCoreApplication::translate("tabel-node", "homework: %1").arg(l.homework.isEmpty() ? none : l.homework),
        QCoreApplication::translate("tabel-node", "due: %1").arg(l.homeworkDue ? formatDate(*l.homeworkDue) : none),
        QCoreApplication::translate("tabel-node", "form of assessment: %1").arg(l.form.isEmpty() ? none : l.form),
        QCoreApplication::translate("tabel-node", "distance: %1")
            .arg(l.distance ? QCoreApplication::translate("tabel-node", "yes")
                            : QCoreApplication::translate("tabel-node", "no")),
        QCoreApplication::translate("tabel-node", "КТП topic: %1")
            .arg(l.ktpTopic ? QString::number(*l.ktpTopic) : none),
        QCoreApplication::translate("tabel-node", "teacher: %1").arg(l.teacherId),
    });
    TextTable table;
    table.header << QStringLiteral("№") << QCoreApplication::translate("tabel-node", "pupil")
                 << QCoreApplication::translate("tabel-node", "marks and absence");
    table.align << Align::Right;
    int n = 0;
    for (const JournalRow& row : v.rows) {
        const JournalCell cell = column < row.cells.size() ? row.cells.at(column) : JournalCell{};
        table.rows << QStringList{QString::number(++n), shortName(row.pupil), cellText(cell)};
    }
    if (!table.rows.isEmpty()) {
        printOut(QString());
        printOut(table.render());
    }
    return {};
}

Status cmdMarkSet(Session& s) {
    const Invocation& inv = s.inv();
    domain::Mark mark;
    TABEL_ASSIGN_OR_RETURN(mark.lesson, lessonOption(inv));
    TABEL_ASSIGN_OR_RETURN(mark.pupilId, idOption(inv, QStringLiteral("pupil")));
    TABEL_ASSIGN_OR_RETURN(mark.value, markOption(inv));
    TABEL_ASSIGN_OR_RETURN(mark.column, intOption(inv, QStringLiteral("column"), 1, 1, 10));
    const QString kind = inv.value(QStringLiteral("kind"), QStringLiteral("current"));
    if (kind == u"current")
        mark.kind = domain::MarkKind::Current;
    else if (kind == u"control")
        mark.kind = domain::MarkKind::Control;
    else
        return usageError(QCoreApplication::translate("tabel-node",
                                                      "--kind: expected current or control, got «%1» (period and "
                                                      "annual marks: «tabel-node period-mark set»)")
                              .arg(kind));
    TABEL_ASSIGN_OR_RETURN(mark.weight, intOption(inv, QStringLiteral("weight"), 1, 1, 10));
    if (inv.has(QStringLiteral("work"))) {
        auto work = domain::parseWorkKind(inv.value(QStringLiteral("work")));
        if (!work)
            return usageError(QStringLiteral("--work: ") + work.error().message);
        mark.work = *work;
    }
    if (inv.has(QStringLiteral("task"))) {
        TABEL_ASSIGN_OR_RETURN(mark.taskId, idOption(inv, QStringLiteral("task")));
    }
    TABEL_TRY(s.open());
    if (!inv.has(QStringLiteral("kind")) && !inv.has(QStringLiteral("weight"))) { // R-J2: the lesson's column says
        TABEL_ASSIGN_OR_RETURN(const std::optional<domain::Lesson> lesson, s.journal().lessonAt(mark.lesson));
        if (lesson) {
            mark.kind = lesson->markColumn(mark.column).kind;
            mark.weight = lesson->markColumn(mark.column).weight;
        }
    }
    TABEL_ASSIGN_OR_RETURN(const CommitInfo commit, s.journal().setMark(mark));
    QString line = QCoreApplication::translate("tabel-node", "Mark %1 for %2 in %3 (column %4)")
                       .arg(domain::toString(mark.value), pupilLabel(s.journal(), mark.pupilId), mark.lesson.toString())
                       .arg(mark.column);
    if (commit.seq == 0)
        line += u' ' + nothingChanged();
    printOut(line);
    return {};
}

Status cmdMarkRemove(Session& s) {
    const Invocation& inv = s.inv();
    TABEL_ASSIGN_OR_RETURN(const domain::LessonKey key, lessonOption(inv));
    TABEL_ASSIGN_OR_RETURN(const QString pupil, idOption(inv, QStringLiteral("pupil")));
    TABEL_ASSIGN_OR_RETURN(const int column, intOption(inv, QStringLiteral("column"), 1, 1, 10));
    TABEL_TRY(s.open());
    TABEL_ASSIGN_OR_RETURN(const CommitInfo commit, s.journal().removeMark(key, pupil, column));
    if (commit.seq == 0)
        printOut(QCoreApplication::translate("tabel-node", "%1 has no mark in %2 (column %3); nothing changed")
                     .arg(pupilLabel(s.journal(), pupil), key.toString())
                     .arg(column));
    else
        printOut(QCoreApplication::translate("tabel-node", "Removed the mark of %1 in %2 (column %3)")
                     .arg(pupilLabel(s.journal(), pupil), key.toString())
                     .arg(column));
    return {};
}

Status cmdAttend(Session& s) {
    const Invocation& inv = s.inv();
    const bool absent = inv.has(QStringLiteral("absent"));
    const bool present = inv.has(QStringLiteral("present"));
    if (absent == present)
        return usageError(QCoreApplication::translate("tabel-node", "give either --absent Б|УП|НП or --present"));
    const bool certNo = inv.has(QStringLiteral("cert-no"));
    const bool certDate = inv.has(QStringLiteral("cert-date"));
    if (present && (certNo || certDate))
        return usageError(QCoreApplication::translate("tabel-node", "--cert-no and --cert-date go with --absent"));
    if (certNo != certDate)
        return usageError(
            certNo ? QCoreApplication::translate("tabel-node", "--cert-no needs --cert-date DATE as well")
                   : QCoreApplication::translate("tabel-node", "--cert-date needs --cert-no NUMBER as well"));
    domain::Attendance a;
    TABEL_ASSIGN_OR_RETURN(a.lesson, lessonOption(inv));
    TABEL_ASSIGN_OR_RETURN(a.pupilId, idOption(inv, QStringLiteral("pupil")));
    if (absent) {
        auto reason = domain::parseAbsenceReason(inv.value(QStringLiteral("absent")).trimmed());
        if (!reason)
            return usageError(QStringLiteral("--absent: ") + reason.error().message);
        a.reason = *reason;
        if (certNo) {
            TABEL_ASSIGN_OR_RETURN(a.certificateNo, requiredText(inv, QStringLiteral("cert-no")));
            TABEL_ASSIGN_OR_RETURN(a.certificateDate, optionalDate(inv, QStringLiteral("cert-date")));
        }
    }
    TABEL_TRY(s.open());
    Journal& j = s.journal();
    if (present) {
        TABEL_ASSIGN_OR_RETURN(const CommitInfo commit, j.removeAbsence(a.lesson, a.pupilId));
        QString line = QCoreApplication::translate("tabel-node", "%1 was present in %2")
                           .arg(pupilLabel(j, a.pupilId), a.lesson.toString());
        if (commit.seq == 0)
            line += u' ' + nothingChanged();
        printOut(line);
        return {};
    }
    TABEL_ASSIGN_OR_RETURN(const CommitInfo commit, j.setAbsence(a));
    QString line = QCoreApplication::translate("tabel-node", "Absence %1 for %2 in %3")
                       .arg(absenceLabel(a.reason), pupilLabel(j, a.pupilId), a.lesson.toString());
    if (commit.seq == 0)
        line += u' ' + nothingChanged();
    printOut(line);
    return {};
}

Status cmdJournal(Session& s) {
    const Invocation& inv = s.inv();
    const bool byPupil = inv.has(QStringLiteral("pupil"));
    const bool byClass =
        inv.has(QStringLiteral("class")) || inv.has(QStringLiteral("subject")) || inv.has(QStringLiteral("group"));
    if (byPupil == byClass)
        return usageError(QCoreApplication::translate("tabel-node",
                                                      "give either --class CLASS --subject SUBJECT [--group GROUP], "
                                                      "or --pupil ID"));
    const QDate today = QDate::currentDate();
    TABEL_ASSIGN_OR_RETURN(const QDate to, dateOption(inv, QStringLiteral("to"), today));
    TABEL_ASSIGN_OR_RETURN(const QDate from, dateOption(inv, QStringLiteral("from"), schoolYearStart(to)));
    if (from > to)
        return usageError(QCoreApplication::translate("tabel-node", "--from %1 is after --to %2")
                              .arg(formatDate(from), formatDate(to)));
    const bool json = inv.has(QStringLiteral("json"));
    if (byPupil) {
        TABEL_ASSIGN_OR_RETURN(const QString pupil, idOption(inv, QStringLiteral("pupil")));
        TABEL_TRY(s.open());
        TABEL_ASSIGN_OR_RETURN(const PupilView v, s.journal().pupilResults(pupil, from, to));
        if (json)
            printJson(pupilJson(v));
        else
            printOut(renderPupil(v));
        return {};
    }
    if (!inv.has(QStringLiteral("class")) || !inv.has(QStringLiteral("subject")))
        return usageError(
            QCoreApplication::translate("tabel-node", "the class journal needs both --class and --subject"));
    TABEL_ASSIGN_OR_RETURN(const QString klass, idOption(inv, QStringLiteral("class")));
    TABEL_ASSIGN_OR_RETURN(const QString subject, idOption(inv, QStringLiteral("subject")));
    QString group;
    if (inv.has(QStringLiteral("group"))) {
        TABEL_ASSIGN_OR_RETURN(group, idOption(inv, QStringLiteral("group")));
    }
    TABEL_TRY(s.open());
    TABEL_ASSIGN_OR_RETURN(const JournalView v, s.journal().classJournal(klass, subject, group, from, to));
    if (json)
        printJson(journalJson(v));
    else {
        const Result<std::optional<HubLink>> link = s.store().hubLink();
        printOut(renderJournal(v, link && link->has_value()));
    }
    return {};
}

} // namespace tabel::node::cli
