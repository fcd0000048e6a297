#include "shared/domain/reference_import.h"

#include "shared/csv/csv.h"
#include "shared/domain/model.h"

#include <QCoreApplication>
#include <QHash>
#include <QMap>
#include <QSet>

namespace tabel::domain {

namespace {

QString tr(const char* s) {
    return QCoreApplication::translate("tabel::domain::ReferenceImport", s);
}

// The grade of a class id: its leading number, "7А" → 7.
int gradeOf(const QString& classId) {
    int i = 0;
    while (i < classId.size() && classId.at(i).isDigit())
        ++i;
    return classId.left(i).toInt();
}

// Places an id check's error at a CSV cell.
Status checkIdAt(const csv::RowView& row, const QString& column, const QString& value, const QString& what) {
    if (auto r = validateId(value, what); !r)
        return row.error(column, r.error().message);
    return {};
}

template <class T> void append(ReferenceData& out, const T& entity) {
    out.entities.append(ReferenceEntity{entity.entityKey(), entity.toFields()});
}

} // namespace

QString referenceKindName(ReferenceKind kind) {
    switch (kind) {
    case ReferenceKind::Roster:
        return QStringLiteral("roster");
    case ReferenceKind::Timetable:
        return QStringLiteral("timetable");
    case ReferenceKind::Calendar:
        return QStringLiteral("calendar");
    }
    return {};
}

std::optional<ReferenceKind> parseReferenceKind(const QString& name) {
    for (ReferenceKind k : {ReferenceKind::Roster, ReferenceKind::Timetable, ReferenceKind::Calendar})
        if (referenceKindName(k) == name)
            return k;
    return std::nullopt;
}

Result<ReferenceData> readReference(ReferenceKind kind, const QString& path) {
    switch (kind) {
    case ReferenceKind::Roster:
        return readRoster(path);
    case ReferenceKind::Timetable:
        return readTimetable(path);
    case ReferenceKind::Calendar:
        return readCalendar(path);
    }
    return makeError(ErrorCode::Internal, tr("unknown kind of reference data"));
}

Result<ReferenceData> readRoster(const QString& path) {
    TABEL_ASSIGN_OR_RETURN(csv::Table table, csv::readFile(path, {QStringLiteral("pupil_id"), QStringLiteral("class"),
                                                                  QStringLiteral("surname"), QStringLiteral("name")}));
    QList<Pupil> pupils;
    QList<SchoolClass> classes;
    QList<GroupMember> members;
    QHash<QString, int> seen; // pupil id → line
    QSet<QString> classIds;
    for (qsizetype i = 0; i < table.rows.size(); ++i) {
        const csv::RowView row(table, i);
        Pupil p;
        TABEL_ASSIGN_OR_RETURN(p.id, row.required(QStringLiteral("pupil_id")));
        TABEL_TRY(checkIdAt(row, QStringLiteral("pupil_id"), p.id, tr("pupil id")));
        if (seen.contains(p.id))
            return row.error(QStringLiteral("pupil_id"),
                             tr("pupil id %1 is already used on line %2").arg(p.id).arg(seen.value(p.id)));
        seen.insert(p.id, row.line());
        TABEL_ASSIGN_OR_RETURN(p.classId, row.required(QStringLiteral("class")));
        TABEL_TRY(checkIdAt(row, QStringLiteral("class"), p.classId, tr("class")));
        const int grade = gradeOf(p.classId);
        if (grade < 1 || grade > 11)
            return row.error(QStringLiteral("class"),
                             tr("«%1» is not a class: it must start with its grade 1…11, like «7А»").arg(p.classId));
        TABEL_ASSIGN_OR_RETURN(p.surname, row.required(QStringLiteral("surname")));
        TABEL_ASSIGN_OR_RETURN(p.name, row.required(QStringLiteral("name")));
        p.patronymic = row.text(QStringLiteral("patronymic"));
        p.bookNumber = row.text(QStringLiteral("book_no"));
        const QStringList groups = row.text(QStringLiteral("subgroups")).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (const QString& g : groups) {
            const QStringList parts = g.split(QLatin1Char(':'));
            if (parts.size() != 2 || !validateId(parts[0], tr("subject")) || !validateId(parts[1], tr("group")) ||
                parts[1] == kWholeClass)
                return row.error(QStringLiteral("subgroups"),
                                 tr("«%1» is not a subgroup; write subject:group, like «eng:1»").arg(g));
            members.append(GroupMember{p.classId, parts[0], parts[1], p.id});
        }
        if (!classIds.contains(p.classId)) {
            classIds.insert(p.classId);
            classes.append(SchoolClass{p.classId, grade});
        }
        pupils.append(std::move(p));
    }
    ReferenceData out{table.file, int(table.rows.size()), {}};
    for (const SchoolClass& c : classes)
        append(out, c);
    for (const Pupil& p : pupils)
        append(out, p);
    for (const GroupMember& m : members)
        append(out, m);
    return out;
}

Result<ReferenceData> readTimetable(const QString& path) {
    TABEL_ASSIGN_OR_RETURN(csv::Table table, csv::readFile(path, {QStringLiteral("class"), QStringLiteral("weekday"),
                                                                  QStringLiteral("slot"), QStringLiteral("subject"),
                                                                  QStringLiteral("teacher")}));
    QList<TimetableSlot> lessonsOfWeek;
    // Sorted maps: the same file gives the same entities in the same order on every run.
    QMap<QString, Subject> subjects;
    QMap<QString, Teacher> teachers;
    QMap<QString, Assignment> assignments;
    QHash<QString, int> seen; // slot key → line
    for (qsizetype i = 0; i < table.rows.size(); ++i) {
        const csv::RowView row(table, i);
        TimetableSlot s;
        TABEL_ASSIGN_OR_RETURN(s.classId, row.required(QStringLiteral("class")));
        TABEL_TRY(checkIdAt(row, QStringLiteral("class"), s.classId, tr("class")));
        TABEL_ASSIGN_OR_RETURN(s.weekday, row.integer(QStringLiteral("weekday"), 1, 7));
        TABEL_ASSIGN_OR_RETURN(s.slot, row.integer(QStringLiteral("slot"), 1, 12));
        TABEL_ASSIGN_OR_RETURN(s.subjectId, row.required(QStringLiteral("subject")));
        TABEL_TRY(checkIdAt(row, QStringLiteral("subject"), s.subjectId, tr("subject")));
        s.groupId = row.text(QStringLiteral("group"));
        if (s.groupId.isEmpty())
            s.groupId = kWholeClass;
        TABEL_TRY(checkIdAt(row, QStringLiteral("group"), s.groupId, tr("group")));
        TABEL_ASSIGN_OR_RETURN(s.teacherId, row.required(QStringLiteral("teacher")));
        TABEL_TRY(checkIdAt(row, QStringLiteral("teacher"), s.teacherId, tr("teacher")));
        const QString key = s.entityKey();
        if (seen.contains(key))
            return row.error(QStringLiteral("slot"), tr("class %1 already has lesson %2 of weekday %3 for group %4 "
                                                        "on line %5")
                                                         .arg(s.classId)
                                                         .arg(s.slot)
                                                         .arg(s.weekday)
                                                         .arg(s.groupId)
                                                         .arg(seen.value(key)));
        seen.insert(key, row.line());
        const QString subjectName = row.text(QStringLiteral("subject_name"));
        if (!subjectName.isEmpty() || !subjects.contains(s.subjectId))
            subjects.insert(s.subjectId, Subject{s.subjectId, subjectName.isEmpty() ? s.subjectId : subjectName});
        const QString teacherName = row.text(QStringLiteral("teacher_name"));
        if (!teacherName.isEmpty() || !teachers.contains(s.teacherId))
            teachers.insert(s.teacherId, Teacher{s.teacherId, teacherName.isEmpty() ? s.teacherId : teacherName});
        const Assignment a{s.teacherId, s.classId, s.subjectId, s.groupId};
        assignments.insert(a.entityKey(), a);
        lessonsOfWeek.append(std::move(s));
    }
    ReferenceData out{table.file, int(table.rows.size()), {}};
    for (const Subject& s : std::as_const(subjects))
        append(out, s);
    for (const Teacher& t : std::as_const(teachers))
        append(out, t);
    for (const Assignment& a : std::as_const(assignments))
        append(out, a);
    for (const TimetableSlot& s : lessonsOfWeek)
        append(out, s);
    return out;
}

Result<ReferenceData> readCalendar(const QString& path) {
    TABEL_ASSIGN_OR_RETURN(csv::Table table, csv::readFile(path, {QStringLiteral("kind"), QStringLiteral("id"),
                                                                  QStringLiteral("start"), QStringLiteral("end")}));
    std::optional<SchoolYear> year;
    QList<Period> periods;
    QList<int> periodLines;
    QList<Holiday> holidays;
    for (qsizetype i = 0; i < table.rows.size(); ++i) {
        const csv::RowView row(table, i);
        TABEL_ASSIGN_OR_RETURN(QString kind, row.required(QStringLiteral("kind")));
        TABEL_ASSIGN_OR_RETURN(QString id, row.required(QStringLiteral("id")));
        TABEL_TRY(checkIdAt(row, QStringLiteral("id"), id, tr("id")));
        TABEL_ASSIGN_OR_RETURN(QDate start, row.date(QStringLiteral("start")));
        TABEL_ASSIGN_OR_RETURN(QDate end, row.date(QStringLiteral("end")));
        if (end < start)
            return row.error(
                QStringLiteral("end"),
                tr("the end %1 is before the start %2").arg(end.toString(Qt::ISODate), start.toString(Qt::ISODate)));
        const QString title = row.text(QStringLiteral("title"));
        if (kind == QLatin1String("year")) {
            if (year)
                return row.error(QStringLiteral("kind"), tr("a calendar file describes one school year; this is a "
                                                            "second «year» line"));
            year = SchoolYear{id, start, end};
        } else if (kind == QLatin1String("holiday")) {
            holidays.append(Holiday{{}, id, title, start, end});
        } else if (auto pk = parsePeriodKind(kind)) {
            Period p;
            p.id = id;
            p.title = title.isEmpty() ? id : title;
            p.kind = *pk;
            p.start = start;
            p.end = end;
            p.grades = row.text(QStringLiteral("grades"));
            periods.append(std::move(p));
            periodLines.append(row.line());
        } else {
            return row.error(QStringLiteral("kind"),
                             tr("«%1» is not a kind of calendar line; use year, quarter, half or holiday").arg(kind));
        }
    }
    if (!year)
        return makeError(ErrorCode::InvalidInput,
                         tr("%1: the calendar has no «year» line; add one with the school year's id, start and end")
                             .arg(table.file));
    for (qsizetype i = 0; i < periods.size(); ++i) {
        Period& p = periods[i];
        p.yearId = year->id;
        if (p.start < year->start || p.end > year->end)
            return makeError(ErrorCode::InvalidInput, tr("%1, line %2: period %3 lies outside the school year %4")
                                                          .arg(table.file)
                                                          .arg(periodLines[i])
                                                          .arg(p.id, year->id));
    }
    for (Holiday& h : holidays)
        h.yearId = year->id;
    ReferenceData out{table.file, int(table.rows.size()), {}};
    append(out, *year);
    for (const Period& p : periods)
        append(out, p);
    for (const Holiday& h : holidays)
        append(out, h);
    return out;
}

} // namespace tabel::domain
