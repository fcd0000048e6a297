#include "hub/documents/journal_data.h"

#include "shared/domain/entity_check.h"
#include "shared/domain/entity_key.h"
#include "sync/describe.h"

#include <QCoreApplication>

#include <algorithm>

namespace tabel::hub {

namespace {

QString tr(const char* s) {
    return QCoreApplication::translate("tabel::hub::Journal", s);
}

bool inSpan(QDate d, QDate from, QDate to) {
    return d.isValid() && d >= from && d <= to;
}

} // namespace

Result<documents::JournalPrint> gatherJournal(const sync::RegisterView& state, const QString& classId,
                                              const QString& subjectId, const QString& groupId, QDate from, QDate to) {
    documents::JournalPrint j;
    j.classId = classId;
    j.subjectId = subjectId;
    j.groupId = groupId;
    j.from = from;
    j.to = to;
    j.subjectName = sync::subjectText(subjectId, state);

    // Pupils: the class's roster, or the group's members.
    QList<domain::Pupil> pupils;
    QSet<QString> members;
    if (groupId != QLatin1String("all"))
        for (const auto& [key, fields] :
             state.entitiesUnder(QStringLiteral("member/%1/%2/%3/").arg(classId, subjectId, groupId)))
            if (!domain::allNull(fields))
                members.insert(key.section(u'/', 4));
    for (const auto& [key, fields] : state.entitiesUnder(QStringLiteral("pupil/"))) {
        if (domain::allNull(fields))
            continue;
        Result<domain::Pupil> p = domain::Pupil::fromFields(key, fields);
        if (p && p->classId == classId && (groupId == QLatin1String("all") || members.contains(p->id)))
            pupils.append(*p);
    }
    std::sort(pupils.begin(), pupils.end(), domain::alphabeticalBefore);
    for (const domain::Pupil& p : pupils)
        j.pupils.append({p.id, p.fullName()});

    const QString journalKey = QStringLiteral("%1/%2/%3/").arg(classId, subjectId, groupId);
    for (const auto& [key, fields] : state.entitiesUnder(QStringLiteral("lesson/") + journalKey)) {
        if (domain::allNull(fields))
            continue;
        if (Result<domain::Lesson> l = domain::Lesson::fromFields(key, fields); l && inSpan(l->key.date, from, to))
            j.lessons.append(*l);
    }
    std::sort(j.lessons.begin(), j.lessons.end(), [](const domain::Lesson& a, const domain::Lesson& b) {
        return std::pair(a.key.date, a.key.slot) < std::pair(b.key.date, b.key.slot);
    });
    if (j.pupils.isEmpty() && j.lessons.isEmpty())
        return makeError(
            ErrorCode::NotFound,
            tr("the hub knows no pupil of %1 and no lesson of %2 in it between %3 and %4; check the class, "
               "subject and group («tabel-hub summary --class %1» lists the class)")
                .arg(classId, j.subjectName, from.toString(QStringLiteral("dd.MM.yyyy")),
                     to.toString(QStringLiteral("dd.MM.yyyy"))));

    QMap<QString, QMap<int, QString>> marks; // cell → column → value
    for (const auto& [key, fields] : state.entitiesUnder(QStringLiteral("mark/") + journalKey)) {
        if (domain::allNull(fields))
            continue;
        if (Result<domain::Mark> m = domain::Mark::fromFields(key, fields); m && inSpan(m->lesson.date, from, to))
            marks[documents::JournalPrint::cellKey(m->lesson, m->pupilId)].insert(m->column,
                                                                                  domain::toString(m->value));
    }
    for (auto it = marks.begin(); it != marks.end(); ++it)
        j.marks.insert(it.key(), it.value().values());
    for (const auto& [key, fields] : state.entitiesUnder(QStringLiteral("att/") + journalKey)) {
        if (domain::allNull(fields))
            continue;
        if (Result<domain::Attendance> a = domain::Attendance::fromFields(key, fields);
            a && inSpan(a->lesson.date, from, to))
            j.absences.insert(documents::JournalPrint::cellKey(a->lesson, a->pupilId),
                              documents::absenceMark(a->reason));
    }

    // The teachers assigned to this journal (assign/<teacher>/<class>/<subject>/<group>).
    for (const auto& [key, fields] : state.entitiesUnder(QStringLiteral("assign/"))) {
        const domain::EntityKey k = domain::parseEntityKey(key);
        if (!domain::allNull(fields) && k.type == domain::KeyType::Assignment && k.classId == classId &&
            k.subjectId == subjectId && k.groupId == groupId)
            j.teachers.append(sync::teacherText(k.teacherId, state));
    }

    // Substitutions (2.5.4) of the journal's lessons in the span.
    for (const auto& [key, fields] : state.entitiesUnder(QStringLiteral("subst/"))) {
        if (domain::allNull(fields))
            continue;
        Result<domain::Substitution> s = domain::Substitution::fromFields(key, fields);
        if (!s || s->classId != classId || s->subjectId != subjectId || s->groupId != groupId ||
            !inSpan(s->date, from, to))
            continue;
        const domain::LessonKey lesson{classId, subjectId, groupId, s->date, s->slot};
        j.substitutions.insert(lesson.toString(),
                               QStringLiteral("%1 вместо %2%3")
                                   .arg(sync::teacherText(s->substituteId, state),
                                        sync::teacherText(s->absentTeacherId, state),
                                        s->reason.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(s->reason)));
    }
    return j;
}

} // namespace tabel::hub
