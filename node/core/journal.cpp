#include "node/core/journal.h"

#include "shared/domain/average.h"

#include "shared/domain/reference_import.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <algorithm>
#include <map>

namespace tabel::node {

using namespace tabel::domain;

namespace {

QString tr(const char* s) {
    return QCoreApplication::translate("tabel::node::Journal", s);
}

// Reads every entity under a prefix and converts it with T::fromFields.
template <class T> Result<QList<T>> loadAll(NodeStore& store, const QString& prefix) {
    TABEL_ASSIGN_OR_RETURN(QList<Entity> entities, store.scan(prefix));
    QList<T> out;
    out.reserve(entities.size());
    for (const Entity& e : entities) {
        TABEL_ASSIGN_OR_RETURN(T value, T::fromFields(e.key, e.fields));
        out.append(std::move(value));
    }
    return out;
}

template <class T> Result<std::optional<T>> loadOne(NodeStore& store, const QString& key) {
    TABEL_ASSIGN_OR_RETURN(std::optional<Fields> fields, store.entity(key));
    if (!fields)
        return std::optional<T>();
    TABEL_ASSIGN_OR_RETURN(T value, T::fromFields(key, *fields));
    return std::optional<T>(std::move(value));
}

QString lessonPrefix(const QString& type, const QString& classId, const QString& subjectId) {
    return type + QLatin1Char('/') + classId + QLatin1Char('/') + subjectId + QLatin1Char('/');
}

// The entities of a type ("lesson", "mark", "att") of one class, subject and group between two dates. The keys hold
// the date right after the group, so a short range is read day by day instead of the subject's whole year and a
// filter (the web grid asks for a quarter of a year that holds every month's marks).
template <class T>
Result<QList<T>> loadDays(NodeStore& store, const QString& type, const QString& classId, const QString& subjectId,
                          const QString& groupId, QDate from, QDate to) {
    QList<T> out;
    const QString base = lessonPrefix(type, classId, subjectId) + groupId + QLatin1Char('/');
    for (QDate d = from; d <= to; d = d.addDays(1)) {
        TABEL_ASSIGN_OR_RETURN(QList<T> day, loadAll<T>(store, base + d.toString(Qt::ISODate) + QLatin1Char('/')));
        out.append(std::move(day));
    }
    return out;
}

// Day by day only for a group and a range much shorter than the year it would otherwise read.
bool readByDay(const QString& groupId, QDate from, QDate to) {
    return !groupId.isEmpty() && from.isValid() && to.isValid() && from <= to && from.daysTo(to) <= 150;
}

// The grade of a class id: its leading number, "7А" → 7.
QString membersKey(const QString& c, const QString& s, const QString& g) {
    return c + QLatin1Char('/') + s + QLatin1Char('/') + g;
}

} // namespace

void Journal::invalidateCaches() {
    m_assignments.reset();
    m_members.clear();
    m_forms.reset();
}

// ---- Imports ---------------------------------------------------------------------------------------------

// The CSV → entities conversion is shared with `tabel-hub import` (shared/domain/reference_import.h), so a node
// and the hub produce the same keys and values; here it becomes one change set of this device.
Result<ImportReport> Journal::importReference(ReferenceKind kind, const QString& path) {
    TABEL_ASSIGN_OR_RETURN(const ReferenceData data, readReference(kind, path));
    TABEL_ASSIGN_OR_RETURN(CommitInfo commit, m_store.change([&](ChangeWriter& w) -> Status {
        for (const ReferenceEntity& e : data.entities)
            TABEL_TRY(w.put(e.key, e.fields));
        return {};
    }));
    invalidateCaches();
    return ImportReport{data.file, data.rows, commit};
}

Result<ImportReport> Journal::importRoster(const QString& path) {
    return importReference(ReferenceKind::Roster, path);
}

Result<ImportReport> Journal::importTimetable(const QString& path) {
    return importReference(ReferenceKind::Timetable, path);
}

Result<ImportReport> Journal::importCalendar(const QString& path) {
    return importReference(ReferenceKind::Calendar, path);
}

// ---- Scope and lookups -------------------------------------------------------------------------------------

Result<QList<Assignment>> Journal::assignments() {
    if (!m_assignments) {
        TABEL_ASSIGN_OR_RETURN(
            QList<Assignment> all,
            loadAll<Assignment>(m_store, QStringLiteral("assign/") + m_store.teacherId() + QLatin1Char('/')));
        m_assignments = std::move(all);
    }
    return *m_assignments;
}

Status Journal::checkScope(const LessonKey& lesson) {
    TABEL_ASSIGN_OR_RETURN(QList<Assignment> mine, assignments());
    QList<Substitution> substitutions;
    if (lesson.date.isValid()) {
        TABEL_ASSIGN_OR_RETURN(substitutions, loadAll<Substitution>(m_store, QStringLiteral("subst/") +
                                                                                 lesson.date.toString(Qt::ISODate) +
                                                                                 QLatin1Char('/')));
    }
    return rules::checkLessonScope(m_store.teacherId(), lesson, mine, substitutions, names());
}

Status Journal::checkTeachesSubject(const QString& classId, const QString& subjectId, const QString& clause) {
    TABEL_ASSIGN_OR_RETURN(QList<Assignment> mine, assignments());
    for (const Assignment& a : mine)
        if (a.classId == classId && a.subjectId == subjectId)
            return {};
    return ruleError(clause, tr("you do not teach %1 in class %2 (no such line for you in the timetable)")
                                 .arg(names().subjectText(subjectId), classId));
}

Result<QStringList> Journal::groupMembers(const QString& classId, const QString& subjectId, const QString& groupId) {
    const QString cacheKey = membersKey(classId, subjectId, groupId);
    if (auto it = m_members.constFind(cacheKey); it != m_members.constEnd())
        return *it;
    QStringList ids;
    if (groupId == kWholeClass) {
        TABEL_ASSIGN_OR_RETURN(QList<Pupil> pupils, pupilsOfClass(classId));
        for (const Pupil& p : pupils)
            ids << p.id;
    } else {
        TABEL_ASSIGN_OR_RETURN(QList<GroupMember> ms,
                               loadAll<GroupMember>(m_store, QStringLiteral("member/") +
                                                                 membersKey(classId, subjectId, groupId) +
                                                                 QLatin1Char('/')));
        for (const GroupMember& m : ms)
            ids << m.pupilId;
    }
    m_members.insert(cacheKey, ids);
    return ids;
}

Status Journal::checkPupil(const QString& pupilId, const LessonKey& lesson) {
    TABEL_ASSIGN_OR_RETURN(QStringList members, groupMembers(lesson.classId, lesson.subjectId, lesson.groupId));
    return rules::checkPupilInGroup(pupilId, lesson, members, names());
}

Result<std::optional<Lesson>> Journal::lesson(const LessonKey& key) {
    return loadOne<Lesson>(m_store, QStringLiteral("lesson/") + key.toString());
}

Result<std::optional<Pupil>> Journal::pupil(const QString& id) {
    return loadOne<Pupil>(m_store, Pupil{id, {}, {}, {}, {}, {}}.entityKey());
}

Result<QList<Pupil>> Journal::pupilsOfClass(const QString& classId) {
    TABEL_ASSIGN_OR_RETURN(QList<Pupil> all, loadAll<Pupil>(m_store, QStringLiteral("pupil/")));
    QList<Pupil> out;
    for (Pupil& p : all)
        if (p.classId == classId)
            out.append(std::move(p));
    std::sort(out.begin(), out.end(), alphabeticalBefore);
    return out;
}

Result<QStringList> Journal::assessmentForms() {
    if (!m_forms) {
        TABEL_ASSIGN_OR_RETURN(std::optional<Fields> f, m_store.entity(QStringLiteral("setting/assessment-forms")));
        QStringList forms;
        if (f && f->count(QStringLiteral("list")))
            forms = textOf(f->at(QStringLiteral("list"))).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        m_forms = forms.isEmpty() ? defaultAssessmentForms() : forms;
    }
    return *m_forms;
}

Result<QList<Subject>> Journal::subjects() {
    return loadAll<Subject>(m_store, QStringLiteral("subject/"));
}

Result<QList<Teacher>> Journal::teachers() {
    TABEL_ASSIGN_OR_RETURN(QList<Teacher> all, loadAll<Teacher>(m_store, QStringLiteral("teacher/")));
    std::sort(all.begin(), all.end(),
              [](const Teacher& a, const Teacher& b) { return QString::localeAwareCompare(a.name, b.name) < 0; });
    return all;
}

Result<QList<SchoolClass>> Journal::schoolClasses() {
    TABEL_ASSIGN_OR_RETURN(QList<SchoolClass> all, loadAll<SchoolClass>(m_store, QStringLiteral("class/")));
    std::sort(all.begin(), all.end(), [](const SchoolClass& a, const SchoolClass& b) {
        return std::pair(a.grade, a.id) < std::pair(b.grade, b.id);
    });
    return all;
}

rules::Names Journal::names() {
    rules::Names n;
    n.pupil = [this](const QString& id) {
        auto p = pupil(id);
        return p && p->has_value() ? ((**p).surname + u' ' + (**p).name).trimmed() : QString();
    };
    n.subject = [this](const QString& id) {
        if (auto all = subjects())
            for (const Subject& subject : *all)
                if (subject.id == id)
                    return subject.name;
        return QString();
    };
    n.teacher = [this](const QString& id) {
        Teacher t;
        t.id = id;
        auto one = loadOne<Teacher>(m_store, t.entityKey());
        return one && one->has_value() ? (**one).name : QString();
    };
    return n;
}

Result<QList<TimetableSlot>> Journal::myTimetable() {
    TABEL_ASSIGN_OR_RETURN(QList<TimetableSlot> all, loadAll<TimetableSlot>(m_store, QStringLiteral("slot/")));
    QList<TimetableSlot> mine;
    for (TimetableSlot& s : all)
        if (s.teacherId == m_store.teacherId())
            mine.append(std::move(s));
    return mine;
}

Result<QList<Period>> Journal::periods() {
    return loadAll<Period>(m_store, QStringLiteral("period/"));
}

Result<std::optional<Period>> Journal::period(const QString& periodId) {
    TABEL_ASSIGN_OR_RETURN(QList<SchoolYear> years, loadAll<SchoolYear>(m_store, QStringLiteral("year/")));
    TABEL_ASSIGN_OR_RETURN(QList<Period> periods, loadAll<Period>(m_store, QStringLiteral("period/")));
    return rules::periodNamed(periodId, periods, years);
}

// ---- Lessons, marks, attendance ----------------------------------------------------------------------------

Result<CommitInfo> Journal::saveLesson(Lesson lesson) {
    TABEL_TRY(checkScope(lesson.key));
    TABEL_ASSIGN_OR_RETURN(QStringList forms, assessmentForms());
    lesson.teacherId = m_store.teacherId();
    TABEL_TRY(rules::checkLesson(lesson, forms));
    if (lesson.ktpTopic) {
        TABEL_ASSIGN_OR_RETURN(
            std::optional<Fields> topic,
            m_store.entity(KtpTopic{lesson.key.classId, lesson.key.subjectId, *lesson.ktpTopic, {}, 1}.entityKey()));
        if (!topic)
            return ruleError(QStringLiteral("3.1"),
                             tr("topic %1 is not in the calendar-thematic plan of %2, %3; add it with «tabel-node ktp "
                                "add-topic» first")
                                 .arg(*lesson.ktpTopic)
                                 .arg(lesson.key.classId, lesson.key.subjectId));
    }
    // Trailing plain columns say nothing (toString drops them), and the lesson as it was tells which columns change.
    TABEL_ASSIGN_OR_RETURN(lesson.markColumns, parseMarkColumns(toString(lesson.markColumns)));
    TABEL_ASSIGN_OR_RETURN(const std::optional<Lesson> before, this->lesson(lesson.key));
    return m_store.change([&](ChangeWriter& w) -> Status {
        TABEL_TRY(w.put(lesson.entityKey(), lesson.toFields()));
        // R-J2: the marks in a column whose kind or weight this save changes take the new ones, in the same change
        // set. A column it leaves as it was keeps its marks as they are (a weight given on the command line).
        TABEL_ASSIGN_OR_RETURN(const QList<Entity> stored,
                               w.scan(QStringLiteral("mark/") + lesson.key.toString() + QLatin1Char('/')));
        for (const Entity& e : stored) {
            TABEL_ASSIGN_OR_RETURN(Mark m, Mark::fromFields(e.key, e.fields));
            const MarkColumn want = lesson.markColumn(m.column);
            if (want == (before ? before->markColumn(m.column) : MarkColumn{}))
                continue;
            if (m.kind == want.kind && m.weight == want.weight)
                continue;
            m.kind = want.kind;
            m.weight = want.weight;
            TABEL_TRY(w.put(m.entityKey(), m.toFields()));
        }
        return {};
    });
}

Status Journal::checkMarkEntry(const Mark& mark) {
    TABEL_TRY(checkScope(mark.lesson));
    TABEL_TRY(checkPupil(mark.pupilId, mark.lesson));
    TABEL_ASSIGN_OR_RETURN(std::optional<Lesson> lessonEntity, lesson(mark.lesson));
    TABEL_ASSIGN_OR_RETURN(std::optional<Attendance> attendance,
                           loadOne<Attendance>(m_store, Attendance{mark.lesson, mark.pupilId, {}, {}, {}}.entityKey()));
    return rules::checkMark(mark, lessonEntity ? &*lessonEntity : nullptr, attendance, names());
}

Status Journal::writeMark(ChangeWriter& w, const Mark& mark) {
    TABEL_TRY(checkMarkEntry(mark));
    return w.put(mark.entityKey(), mark.toFields());
}

Status Journal::writeAbsence(ChangeWriter& w, const Attendance& attendance) {
    TABEL_TRY(checkScope(attendance.lesson));
    TABEL_TRY(checkPupil(attendance.pupilId, attendance.lesson));
    TABEL_ASSIGN_OR_RETURN(std::optional<Lesson> lessonEntity, lesson(attendance.lesson));
    if (!lessonEntity)
        return ruleError(
            QStringLiteral("3.4"),
            tr("there is no lesson %1; add it with «tabel-node lesson add» first").arg(attendance.lesson.toString()));
    // R-J3 the other way round: the pupil's marks in this lesson.
    TABEL_ASSIGN_OR_RETURN(QList<Mark> marks,
                           loadAll<Mark>(m_store, QStringLiteral("mark/") + attendance.lesson.toString() +
                                                      QLatin1Char('/') + attendance.pupilId + QLatin1Char('/')));
    TABEL_TRY(rules::checkAbsence(attendance, marks, names()));
    return w.put(attendance.entityKey(), attendance.toFields());
}

Result<CommitInfo> Journal::setMark(Mark mark) {
    return m_store.change([&](ChangeWriter& w) { return writeMark(w, mark); });
}

Result<CommitInfo> Journal::removeMark(const LessonKey& lessonKey, const QString& pupilId, int column) {
    TABEL_TRY(checkScope(lessonKey));
    Mark probe;
    probe.lesson = lessonKey;
    probe.pupilId = pupilId;
    probe.column = column;
    const QString key = probe.entityKey();
    TABEL_ASSIGN_OR_RETURN(std::optional<Fields> existing, m_store.entity(key));
    if (!existing)
        return makeError(
            ErrorCode::NotFound,
            tr("pupil %1 has no mark in column %2 of lesson %3").arg(pupilId).arg(column).arg(lessonKey.toString()));
    return m_store.change([&](ChangeWriter& w) { return w.remove(key); });
}

Result<CommitInfo> Journal::setAbsence(Attendance attendance) {
    return m_store.change([&](ChangeWriter& w) { return writeAbsence(w, attendance); });
}

Result<CommitInfo> Journal::removeAbsence(const LessonKey& lessonKey, const QString& pupilId) {
    TABEL_TRY(checkScope(lessonKey));
    const QString key = Attendance{lessonKey, pupilId, {}, {}, {}}.entityKey();
    return m_store.change([&](ChangeWriter& w) { return w.remove(key); });
}

Result<CommitInfo> Journal::recordLesson(const Lesson& lessonIn, const QList<Mark>& marks,
                                         const QList<Attendance>& absences) {
    Lesson lessonEntity = lessonIn;
    lessonEntity.teacherId = m_store.teacherId();
    TABEL_TRY(checkScope(lessonEntity.key));
    TABEL_ASSIGN_OR_RETURN(QStringList forms, assessmentForms());
    TABEL_TRY(rules::checkLesson(lessonEntity, forms));
    const LessonKey& key = lessonEntity.key;
    const bool oneLesson =
        std::all_of(marks.begin(), marks.end(), [&](const Mark& m) { return m.lesson == key; }) &&
        std::all_of(absences.begin(), absences.end(), [&](const Attendance& a) { return a.lesson == key; });
    if (!oneLesson) // entries of other lessons: each is checked on its own, as setMark/setAbsence do
        return m_store.change([&](ChangeWriter& w) -> Status {
            TABEL_TRY(w.put(lessonEntity.entityKey(), lessonEntity.toFields()));
            for (const Attendance& a : absences)
                TABEL_TRY(writeAbsence(w, a));
            for (const Mark& m : marks)
                TABEL_TRY(writeMark(w, m));
            return {};
        });
    // The same checks as writeAbsence/writeMark, with what they need loaded once per lesson instead of once per
    // entry (issue 2 item 8): the scope and the lesson are this lesson's, the group's members are cached, the
    // lesson's marks and absences are read in one scan each.
    TABEL_ASSIGN_OR_RETURN(QStringList members, groupMembers(key.classId, key.subjectId, key.groupId));
    return m_store.change([&](ChangeWriter& w) -> Status {
        const QString lessonText = key.toString();
        QHash<QString, QList<Mark>> marksOf; // pupil → marks stored before this change
        if (!absences.isEmpty()) {
            TABEL_ASSIGN_OR_RETURN(QList<Mark> existing,
                                   loadAll<Mark>(m_store, QStringLiteral("mark/") + lessonText + QLatin1Char('/')));
            for (Mark& m : existing)
                marksOf[m.pupilId].append(std::move(m));
        }
        // The lesson's absences, stored or written by this change: a few per lesson, so a list searched in order
        // (cheaper than hashing each mark's pupil id).
        QList<Attendance> absent;
        const auto absenceOf = [&absent](const QString& pupilId) -> std::optional<Attendance> {
            for (const Attendance& a : absent)
                if (a.pupilId == pupilId)
                    return a;
            return std::nullopt;
        };
        if (!marks.isEmpty()) {
            TABEL_ASSIGN_OR_RETURN(
                absent, loadAll<Attendance>(m_store, QStringLiteral("att/") + lessonText + QLatin1Char('/')));
        }
        // The lesson after the reads above: they then find its document as stored, with nothing to write first.
        TABEL_TRY(w.put(QStringLiteral("lesson/") + lessonText, lessonEntity.toFields()));
        for (const Attendance& a : absences) {
            TABEL_TRY(rules::checkPupilInGroup(a.pupilId, key, members, names()));
            TABEL_TRY(rules::checkAbsence(a, marksOf.value(a.pupilId), names()));
            TABEL_TRY(w.put(a.entityKey(lessonText), a.toFields()));
            const auto same = std::find_if(absent.begin(), absent.end(),
                                           [&](const Attendance& stored) { return stored.pupilId == a.pupilId; });
            if (same != absent.end())
                *same = a;
            else
                absent.append(a);
        }
        for (const Mark& m : marks) {
            TABEL_TRY(rules::checkPupilInGroup(m.pupilId, key, members, names()));
            TABEL_TRY(
                rules::checkMark(m, &lessonEntity, absent.isEmpty() ? std::nullopt : absenceOf(m.pupilId), names()));
            TABEL_TRY(w.put(m.entityKey(lessonText), m.toFields()));
        }
        return {};
    });
}

Result<CellsOutcome> Journal::recordCells(const QList<CellEdit>& edits) {
    CellsOutcome out;
    const auto perCell = [](const Error& e) {
        return e.code == ErrorCode::RuleViolation || e.code == ErrorCode::NotFound ||
               e.code == ErrorCode::InvalidArgument;
    };
    TABEL_ASSIGN_OR_RETURN(out.commit, m_store.change([&](ChangeWriter& w) -> Status {
        out.refused.clear();
        for (const CellEdit& edit : edits) {
            Status st;
            switch (edit.kind) {
            case CellEdit::Kind::Mark:
                st = [&]() -> Status {
                    // Every mark of the cell checked before any is written: a cell is written whole or not at all.
                    TABEL_ASSIGN_OR_RETURN(const QList<Entity> stored,
                                           w.scan(QStringLiteral("mark/") + edit.lesson.toString() + QLatin1Char('/') +
                                                  edit.pupilId + QLatin1Char('/')));
                    QHash<int, Mark> before; // column → the mark stored there
                    for (const Entity& e : stored) {
                        TABEL_ASSIGN_OR_RETURN(Mark m, Mark::fromFields(e.key, e.fields));
                        before.insert(m.column, std::move(m));
                    }
                    TABEL_ASSIGN_OR_RETURN(const std::optional<Lesson> lessonEntity, lesson(edit.lesson));
                    QList<Mark> marks;
                    QList<MarkValue> values{edit.value};
                    values += edit.moreValues;
                    for (qsizetype i = 0; i < values.size(); ++i) {
                        Mark m;
                        m.lesson = edit.lesson;
                        m.pupilId = edit.pupilId;
                        m.column = edit.column + int(i);
                        m.value = values[i];
                        // R-J2: the kind and weight of the lesson's mark column; where the lesson says nothing of
                        // the column, a retyped mark keeps what it had (a weight given on the command line).
                        if (lessonEntity && m.column <= lessonEntity->markColumns.size()) {
                            m.kind = lessonEntity->markColumn(m.column).kind;
                            m.weight = lessonEntity->markColumn(m.column).weight;
                        } else if (const auto old = before.constFind(m.column); old != before.constEnd()) {
                            m.kind = old->kind;
                            m.weight = old->weight;
                            m.work = old->work;
                            m.taskId = old->taskId;
                        }
                        TABEL_TRY(checkMarkEntry(m));
                        marks.append(m);
                    }
                    for (const Mark& m : marks)
                        TABEL_TRY(w.put(m.entityKey(), m.toFields()));
                    // The cell's marks in later columns than those typed are gone.
                    const int last = marks.back().column;
                    for (const Mark& m : std::as_const(before))
                        if (m.column > last)
                            TABEL_TRY(w.remove(m.entityKey()));
                    return {};
                }();
                break;
            case CellEdit::Kind::Absence:
                st = writeAbsence(
                    w, Attendance{edit.lesson, edit.pupilId, edit.reason, edit.certificateNo, edit.certificateDate});
                break;
            case CellEdit::Kind::Clear:
                st = [&]() -> Status {
                    TABEL_TRY(checkScope(edit.lesson));
                    const QString lessonText = edit.lesson.toString();
                    TABEL_ASSIGN_OR_RETURN(QList<Entity> marks,
                                           w.scan(QStringLiteral("mark/") + lessonText + QLatin1Char('/') +
                                                  edit.pupilId + QLatin1Char('/')));
                    for (const Entity& e : marks)
                        TABEL_TRY(w.remove(e.key));
                    const QString att = Attendance{edit.lesson, edit.pupilId, {}, {}, {}}.entityKey(lessonText);
                    TABEL_ASSIGN_OR_RETURN(std::optional<Fields> absence, w.entity(att));
                    if (absence)
                        TABEL_TRY(w.remove(att));
                    return {};
                }();
                break;
            }
            if (st) {
                out.refused.append(std::nullopt);
            } else if (perCell(st.error())) {
                out.refused.append(st.error());
            } else {
                return st.error();
            }
        }
        return {};
    }));
    return out;
}

// ---- Tasks and submissions ---------------------------------------------------------------------------------

Result<CommitInfo> Journal::saveTask(Task task) {
    const LessonKey scopeKey =
        task.lesson ? *task.lesson : LessonKey{task.classId, task.subjectId, task.groupId, QDate(), 0};
    TABEL_TRY(checkScope(scopeKey));
    if (task.lesson) {
        TABEL_ASSIGN_OR_RETURN(std::optional<Lesson> l, lesson(*task.lesson));
        if (!l)
            return ruleError(QStringLiteral("3.4"),
                             tr("there is no lesson %1; a task belongs to the lesson of its topic, add the lesson "
                                "first")
                                 .arg(task.lesson->toString()));
    }
    TABEL_ASSIGN_OR_RETURN(QStringList forms, assessmentForms());
    TABEL_ASSIGN_OR_RETURN(
        QList<KtpTopic> topics,
        loadAll<KtpTopic>(m_store, lessonPrefix(QStringLiteral("ktp"), task.classId, task.subjectId)));
    QList<int> numbers;
    for (const KtpTopic& t : topics)
        numbers << t.number;
    TABEL_TRY(rules::checkTask(task, forms, numbers, names()));
    return m_store.change([&](ChangeWriter& w) { return w.put(task.entityKey(), task.toFields()); });
}

Status Journal::checkSubmissionTarget(const QString& taskKey, const QString& pupilId, const QDateTime& received) {
    TABEL_ASSIGN_OR_RETURN(std::optional<Fields> taskFields, m_store.entity(taskKey));
    if (!taskFields)
        return makeError(ErrorCode::NotFound, tr("there is no task %1; see «tabel-node task list»").arg(taskKey));
    TABEL_ASSIGN_OR_RETURN(Task task, Task::fromFields(taskKey, *taskFields));
    TABEL_TRY(
        checkScope(task.lesson ? *task.lesson : LessonKey{task.classId, task.subjectId, task.groupId, QDate(), 0}));
    TABEL_ASSIGN_OR_RETURN(QStringList members, groupMembers(task.classId, task.subjectId, task.groupId));
    if (!members.contains(pupilId))
        return ruleError(QStringLiteral("2.5.5"), tr("pupil %1 is not in group %2 of class %3 for %4")
                                                      .arg(pupilId, task.groupId, task.classId, task.subjectId));
    if (!received.isValid())
        return makeError(ErrorCode::InvalidArgument, tr("the time the work was received is not valid"));
    return {};
}

Result<SubmissionImport> Journal::importSubmission(const QString& taskKey, const QString& pupilId,
                                                   const QString& filePath, const QDateTime& received) {
    TABEL_TRY(checkSubmissionTarget(taskKey, pupilId, received));
    QFile file(filePath);
    const QFileInfo info(filePath);
    if (!info.exists() || !info.isFile())
        return makeError(ErrorCode::InvalidInput, tr("%1: no such file").arg(filePath));
    if (info.size() > NodeStore::kMaxBlobBytes)
        return makeError(ErrorCode::InvalidInput, tr("%1 is %2 MiB; files up to %3 MiB can be stored")
                                                      .arg(filePath)
                                                      .arg(info.size() >> 20)
                                                      .arg(NodeStore::kMaxBlobBytes >> 20));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::InvalidInput, tr("cannot read %1: %2").arg(filePath, file.errorString()));
    const QByteArray content = file.read(NodeStore::kMaxBlobBytes + 1);
    if (content.size() > NodeStore::kMaxBlobBytes)
        return makeError(ErrorCode::InvalidInput, tr("%1 grew while it was read; try again").arg(filePath));
    return storeSubmission(taskKey, pupilId, info.fileName(), content, received);
}

Result<SubmissionImport> Journal::importSubmissionData(const QString& taskKey, const QString& pupilId,
                                                       const QString& fileName, const QByteArray& content,
                                                       const QDateTime& received) {
    TABEL_TRY(checkSubmissionTarget(taskKey, pupilId, received));
    const QString name = fileName.section(QLatin1Char('/'), -1).section(QLatin1Char('\\'), -1).trimmed();
    if (name.isEmpty() || name.size() > 255)
        return makeError(ErrorCode::InvalidInput, tr("%1: no such file").arg(fileName));
    if (content.size() > NodeStore::kMaxBlobBytes)
        return makeError(ErrorCode::InvalidInput, tr("%1 is %2 MiB; files up to %3 MiB can be stored")
                                                      .arg(name)
                                                      .arg(content.size() >> 20)
                                                      .arg(NodeStore::kMaxBlobBytes >> 20));
    return storeSubmission(taskKey, pupilId, name, content, received);
}

Result<SubmissionImport> Journal::storeSubmission(const QString& taskKey, const QString& pupilId,
                                                  const QString& fileName, const QByteArray& content,
                                                  const QDateTime& received) {
    SubmissionImport result;
    TABEL_ASSIGN_OR_RETURN(result.commit, m_store.change([&](ChangeWriter& w) -> Status {
        Submission s;
        s.taskKey = taskKey;
        s.pupilId = pupilId;
        TABEL_ASSIGN_OR_RETURN(s.contentHash, m_store.putBlob(content, received));
        s.fileName = fileName;
        s.size = content.size();
        s.received = received.toUTC();
        TABEL_ASSIGN_OR_RETURN(std::optional<Fields> existing, w.entity(s.entityKey()));
        if (existing) {
            // The same file for the same task and pupil: keep the first receipt (and any grade).
            result.deduplicated = true;
            TABEL_ASSIGN_OR_RETURN(s, Submission::fromFields(s.entityKey(), *existing));
            result.submission = s;
            return {};
        }
        result.submission = s;
        return w.put(s.entityKey(), s.toFields());
    }));
    return result;
}

Result<CommitInfo> Journal::gradeSubmission(const QString& submissionKey, MarkValue value, int column) {
    TABEL_ASSIGN_OR_RETURN(std::optional<Submission> sub, loadOne<Submission>(m_store, submissionKey));
    if (!sub)
        return makeError(ErrorCode::NotFound,
                         tr("there is no submission %1; see «tabel-node submission list»").arg(submissionKey));
    TABEL_ASSIGN_OR_RETURN(std::optional<Task> task, loadOne<Task>(m_store, sub->taskKey));
    if (!task)
        return makeError(ErrorCode::NotFound, tr("the task %1 of this submission is missing").arg(sub->taskKey));
    TABEL_TRY(rules::checkWorkGrade(task->kind, value));
    if (!task->lesson)
        return ruleError(QStringLiteral("3.4"),
                         tr("task %1 is not tied to a lesson, and a mark goes into the column of the lesson whose "
                            "topic it belongs to; give the task a lesson with «tabel-node task add --lesson»")
                             .arg(task->id));
    Mark mark;
    mark.lesson = *task->lesson;
    mark.pupilId = sub->pupilId;
    mark.column = column;
    mark.value = value;
    mark.kind = (task->kind == WorkKind::Control) ? MarkKind::Control : MarkKind::Current;
    mark.work = task->kind;
    mark.taskId = task->id;
    return m_store.change([&](ChangeWriter& w) -> Status {
        TABEL_TRY(writeMark(w, mark));
        Submission graded = *sub;
        graded.grade = value;
        graded.gradedAt = w.deviceTime();
        return w.put(graded.entityKey(), graded.toFields());
    });
}

Result<QList<Task>> Journal::tasks(const QString& classId, const QString& subjectId) {
    return loadAll<Task>(m_store, lessonPrefix(QStringLiteral("task"), classId, subjectId));
}

Result<QList<Submission>> Journal::submissions(const QString& taskKeyOrEmpty) {
    QString prefix = QStringLiteral("sub/");
    if (!taskKeyOrEmpty.isEmpty())
        prefix += taskKeyOrEmpty.mid(taskKeyOrEmpty.indexOf(QLatin1Char('/')) + 1) + QLatin1Char('/');
    return loadAll<Submission>(m_store, prefix);
}

Result<QList<Submission>> Journal::overdueSubmissions(QDate today, int days) {
    TABEL_ASSIGN_OR_RETURN(QList<Submission> all, submissions({}));
    QList<Submission> out;
    for (Submission& s : all)
        if (!s.grade && s.received.toLocalTime().date().daysTo(today) > days)
            out.append(std::move(s));
    std::sort(out.begin(), out.end(), [](const Submission& a, const Submission& b) { return a.received < b.received; });
    return out;
}

Result<QByteArray> Journal::submissionFile(const QString& submissionKey) {
    TABEL_ASSIGN_OR_RETURN(std::optional<Submission> sub, loadOne<Submission>(m_store, submissionKey));
    if (!sub)
        return makeError(ErrorCode::NotFound,
                         tr("there is no submission %1; see «tabel-node submission list»").arg(submissionKey));
    return m_store.blob(sub->contentHash);
}

// ---- Period marks and corrections --------------------------------------------------------------------------

Result<CommitInfo> Journal::setPeriodMark(PeriodMark mark, const QDateTime& deviceTime) {
    const QDate deviceDate = deviceTime.toLocalTime().date();
    TABEL_TRY(checkTeachesSubject(mark.classId, mark.subjectId, QStringLiteral("2.5.6")));
    TABEL_ASSIGN_OR_RETURN(std::optional<Period> p, period(mark.periodId));
    if (!p)
        return makeError(ErrorCode::NotFound, tr("there is no period «%1» in the calendar; import the calendar or "
                                                 "check the id")
                                                  .arg(mark.periodId));
    TABEL_ASSIGN_OR_RETURN(std::optional<Pupil> pupilEntity, pupil(mark.pupilId));
    if (!pupilEntity || pupilEntity->classId != mark.classId)
        return makeError(ErrorCode::NotFound, tr("there is no pupil %1 in class %2").arg(mark.pupilId, mark.classId));
    // The teacher must teach this pupil the subject: the whole class or the pupil's subgroup (2.5.5).
    TABEL_ASSIGN_OR_RETURN(QList<Assignment> mine, assignments());
    bool teaches = false;
    for (const Assignment& a : mine) {
        if (a.classId != mark.classId || a.subjectId != mark.subjectId)
            continue;
        TABEL_ASSIGN_OR_RETURN(QStringList members, groupMembers(a.classId, a.subjectId, a.groupId));
        if (members.contains(mark.pupilId))
            teaches = true;
    }
    if (!teaches)
        return ruleError(QStringLiteral("2.5.5"),
                         tr("you do not teach %1 to pupil %2 of class %3; only their own teacher gives the period mark")
                             .arg(mark.subjectId, mark.pupilId, mark.classId));
    const int grade = rules::gradeOfClassId(mark.classId);
    mark.authorId = m_store.teacherId();
    return m_store.change([&](ChangeWriter& w) -> Status {
        mark.deviceTime = deviceTime.toUTC();
        TABEL_TRY(rules::checkPeriodMark(mark, *p, grade, deviceDate));
        return w.put(mark.entityKey(), mark.toFields());
    });
}

Result<CommitInfo> Journal::correctPeriodMark(Correction correction) {
    PeriodMark probe;
    probe.classId = correction.classId;
    probe.subjectId = correction.subjectId;
    probe.periodId = correction.periodId;
    probe.pupilId = correction.pupilId;
    TABEL_ASSIGN_OR_RETURN(std::optional<PeriodMark> current, loadOne<PeriodMark>(m_store, probe.entityKey()));
    if (current)
        correction.oldValue = current->value;
    TABEL_TRY(rules::checkCorrection(correction, current, names()));
    TABEL_ASSIGN_OR_RETURN(QList<Correction> earlier, corrections(correction.classId, correction.subjectId));
    int number = 0;
    for (const Correction& c : earlier)
        if (c.periodId == correction.periodId && c.pupilId == correction.pupilId)
            number = std::max(number, c.number);
    correction.number = number + 1;
    correction.authorId = m_store.teacherId();
    return m_store.change([&](ChangeWriter& w) -> Status {
        correction.date = w.deviceTime().toLocalTime().date();
        TABEL_TRY(w.put(correction.entityKey(), correction.toFields()));
        PeriodMark updated = *current;
        updated.value = correction.newValue;
        return w.put(updated.entityKey(), updated.toFields());
    });
}

Result<QList<PeriodMark>> Journal::periodMarks(const QString& classId, const QString& subjectId,
                                               const QString& periodId) {
    TABEL_ASSIGN_OR_RETURN(QList<PeriodMark> all,
                           loadAll<PeriodMark>(m_store, lessonPrefix(QStringLiteral("pmark"), classId, subjectId)));
    QList<PeriodMark> out;
    for (PeriodMark& m : all)
        if (m.periodId == periodId)
            out.append(std::move(m));
    return out;
}

Result<QList<Correction>> Journal::corrections(const QString& classId, const QString& subjectId) {
    return loadAll<Correction>(m_store, lessonPrefix(QStringLiteral("corr"), classId, subjectId));
}

Result<QList<rules::MissingPeriodMark>> Journal::missingPeriodMarks(const QString& classId, const QString& periodId) {
    TABEL_ASSIGN_OR_RETURN(std::optional<Period> p, period(periodId));
    if (!p)
        return makeError(ErrorCode::NotFound, tr("there is no period «%1» in the calendar").arg(periodId));
    TABEL_ASSIGN_OR_RETURN(QList<Assignment> mine, assignments());
    QList<QPair<QString, QString>> expected;
    for (const Assignment& a : mine) {
        if (a.classId != classId)
            continue;
        TABEL_ASSIGN_OR_RETURN(QStringList members, groupMembers(a.classId, a.subjectId, a.groupId));
        for (const QString& pupilId : members)
            expected.append({a.subjectId, pupilId});
    }
    TABEL_ASSIGN_OR_RETURN(QList<PeriodMark> present,
                           loadAll<PeriodMark>(m_store, QStringLiteral("pmark/") + classId + QLatin1Char('/')));
    QList<PeriodMark> ofPeriod;
    for (const PeriodMark& m : present)
        if (m.periodId == periodId)
            ofPeriod.append(m);
    return rules::missingPeriodMarks(expected, ofPeriod);
}

// ---- Substitutions and КТП ---------------------------------------------------------------------------------

Result<CommitInfo> Journal::saveSubstitution(Substitution substitution) {
    TABEL_TRY(rules::checkSubstitution(substitution));
    if (substitution.substituteId != m_store.teacherId() && substitution.absentTeacherId != m_store.teacherId())
        return ruleError(QStringLiteral("2.5.4"),
                         tr("a teacher records only the substitutions they take part in; this one is between %1 and %2")
                             .arg(names().teacherText(substitution.absentTeacherId),
                                  names().teacherText(substitution.substituteId)));
    return m_store.change([&](ChangeWriter& w) { return w.put(substitution.entityKey(), substitution.toFields()); });
}

Result<QList<Substitution>> Journal::substitutions(QDate from, QDate to) {
    TABEL_ASSIGN_OR_RETURN(QList<Substitution> all, loadAll<Substitution>(m_store, QStringLiteral("subst/")));
    QList<Substitution> out;
    for (Substitution& s : all)
        if ((!from.isValid() || s.date >= from) && (!to.isValid() || s.date <= to))
            out.append(std::move(s));
    return out;
}

Result<CommitInfo> Journal::saveKtpTopic(KtpTopic topic) {
    TABEL_TRY(checkTeachesSubject(topic.classId, topic.subjectId, QStringLiteral("3.1")));
    if (topic.title.trimmed().isEmpty() || topic.plannedHours < 1 || topic.number < 1)
        return ruleError(QStringLiteral("3.1"),
                         tr("a plan topic needs a number from 1, a title and at least one planned hour"));
    return m_store.change([&](ChangeWriter& w) { return w.put(topic.entityKey(), topic.toFields()); });
}

Result<CommitInfo> Journal::addKtpCorrection(KtpCorrection entry) {
    TABEL_TRY(checkTeachesSubject(entry.classId, entry.subjectId, QStringLiteral("3.1")));
    TABEL_ASSIGN_OR_RETURN(KtpView view, ktp(entry.classId, entry.subjectId));
    QList<int> numbers;
    for (const KtpTopic& t : view.topics)
        numbers << t.number;
    if (entry.number == 0) {
        int last = 0;
        for (const KtpCorrection& c : view.corrections)
            last = std::max(last, c.number);
        entry.number = last + 1;
    }
    TABEL_TRY(rules::checkKtpCorrection(entry, numbers, names()));
    return m_store.change([&](ChangeWriter& w) { return w.put(entry.entityKey(), entry.toFields()); });
}

Result<KtpView> Journal::ktp(const QString& classId, const QString& subjectId) {
    KtpView view;
    TABEL_ASSIGN_OR_RETURN(view.topics,
                           loadAll<KtpTopic>(m_store, lessonPrefix(QStringLiteral("ktp"), classId, subjectId)));
    TABEL_ASSIGN_OR_RETURN(view.corrections,
                           loadAll<KtpCorrection>(m_store, lessonPrefix(QStringLiteral("ktpfix"), classId, subjectId)));
    const auto byNumber = [](const auto& a, const auto& b) { return a.number < b.number; };
    std::sort(view.topics.begin(), view.topics.end(), byNumber);
    std::sort(view.corrections.begin(), view.corrections.end(), byNumber);
    QSet<int> moved;
    for (const KtpCorrection& c : view.corrections)
        if (c.method == KtpMethod::NextYear)
            for (int t : c.topics)
                moved.insert(t);
    for (const KtpTopic& t : view.topics)
        if (moved.contains(t.number))
            view.carryOver.append(t);
    TABEL_ASSIGN_OR_RETURN(const QList<Lesson> lessons,
                           loadAll<Lesson>(m_store, lessonPrefix(QStringLiteral("lesson"), classId, subjectId)));
    for (const Lesson& l : lessons)
        if (l.ktpTopic)
            ++view.lessonsPerTopic[*l.ktpTopic];
    return view;
}

// ---- Views ---------------------------------------------------------------------------------------------------

Result<JournalView> Journal::classJournal(const QString& classId, const QString& subjectId,
                                          const QString& groupIdOrEmpty, QDate from, QDate to) {
    JournalView view;
    view.classId = classId;
    view.subjectId = subjectId;
    view.groupId = groupIdOrEmpty;
    view.from = from;
    view.to = to;
    TABEL_ASSIGN_OR_RETURN(std::optional<Subject> subject,
                           loadOne<Subject>(m_store, Subject{subjectId, {}}.entityKey()));
    view.subjectName = subject ? subject->name : subjectId;
    const auto inView = [&](const LessonKey& k) {
        return (groupIdOrEmpty.isEmpty() || k.groupId == groupIdOrEmpty) && k.date >= from && k.date <= to;
    };

    const bool byDay = readByDay(groupIdOrEmpty, from, to);
    const auto load = [&]<class T>(const QString& type) -> Result<QList<T>> {
        if (byDay)
            return loadDays<T>(m_store, type, classId, subjectId, groupIdOrEmpty, from, to);
        return loadAll<T>(m_store, lessonPrefix(type, classId, subjectId));
    };
    TABEL_ASSIGN_OR_RETURN(QList<Lesson> lessons, load.operator()<Lesson>(QStringLiteral("lesson")));
    std::sort(lessons.begin(), lessons.end(), [](const Lesson& a, const Lesson& b) {
        return std::tie(a.key.date, a.key.slot, a.key.groupId) < std::tie(b.key.date, b.key.slot, b.key.groupId);
    });
    QHash<QString, int> columnOf;
    for (Lesson& l : lessons) {
        if (!inView(l.key))
            continue;
        columnOf.insert(l.key.toString(), int(view.columns.size()));
        view.columns.append(JournalColumn{std::move(l)});
    }

    // Pupils: the group's members, or the whole class (the class view is the union of its groups, 2.5.5).
    QList<Pupil> pupils;
    TABEL_ASSIGN_OR_RETURN(QList<Pupil> classPupils, pupilsOfClass(classId));
    if (groupIdOrEmpty.isEmpty() || groupIdOrEmpty == kWholeClass) {
        pupils = classPupils;
    } else {
        TABEL_ASSIGN_OR_RETURN(QStringList members, groupMembers(classId, subjectId, groupIdOrEmpty));
        for (const Pupil& p : classPupils)
            if (members.contains(p.id))
                pupils.append(p);
    }
    QHash<QString, int> rowOf;
    for (Pupil& p : pupils) {
        rowOf.insert(p.id, int(view.rows.size()));
        JournalRow row;
        row.pupil = std::move(p);
        row.cells.resize(view.columns.size());
        view.rows.append(std::move(row));
    }

    TABEL_ASSIGN_OR_RETURN(QList<Mark> marks, load.operator()<Mark>(QStringLiteral("mark")));
    std::stable_sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) { return a.column < b.column; });
    TABEL_ASSIGN_OR_RETURN(view.averageRule, averageRule());
    std::map<int, MarkAverage> sums; // row → its average so far
    for (const Mark& m : marks) {
        if (!inView(m.lesson))
            continue;
        const auto c = columnOf.constFind(m.lesson.toString());
        const auto r = rowOf.constFind(m.pupilId);
        if (c == columnOf.constEnd() || r == rowOf.constEnd())
            continue;
        view.rows[*r].cells[*c].marks << toString(m.value);
        sums.try_emplace(*r, view.averageRule).first->second.add(m);
    }
    for (const auto& [row, sum] : sums)
        view.rows[row].average = sum.text();

    TABEL_ASSIGN_OR_RETURN(QList<Attendance> absences, load.operator()<Attendance>(QStringLiteral("att")));
    for (Attendance& a : absences) {
        const auto c = columnOf.constFind(a.lesson.toString());
        const auto r = rowOf.constFind(a.pupilId);
        if (c != columnOf.constEnd() && r != rowOf.constEnd())
            view.rows[*r].cells[*c].absence = std::move(a);
    }
    return view;
}

Result<AverageRule> Journal::averageRule() {
    TABEL_ASSIGN_OR_RETURN(const std::optional<Fields> fields, m_store.entity(SchoolProfile::key()));
    TABEL_ASSIGN_OR_RETURN(const SchoolProfile profile, SchoolProfile::fromStored(fields.value_or(Fields{})));
    return profile.average;
}

Result<QHash<QString, QString>> Journal::averages(const QString& classId, const QString& subjectId,
                                                  const QString& groupIdOrEmpty, QDate from, QDate to) {
    QList<Mark> marks;
    if (readByDay(groupIdOrEmpty, from, to)) {
        TABEL_ASSIGN_OR_RETURN(
            marks, loadDays<Mark>(m_store, QStringLiteral("mark"), classId, subjectId, groupIdOrEmpty, from, to));
    } else {
        TABEL_ASSIGN_OR_RETURN(marks, loadAll<Mark>(m_store, lessonPrefix(QStringLiteral("mark"), classId, subjectId)));
    }
    TABEL_ASSIGN_OR_RETURN(const AverageRule rule, averageRule());
    std::map<QString, MarkAverage> sums;
    for (const Mark& m : marks)
        if ((groupIdOrEmpty.isEmpty() || m.lesson.groupId == groupIdOrEmpty) && m.lesson.date >= from &&
            m.lesson.date <= to)
            sums.try_emplace(m.pupilId, rule).first->second.add(m);
    QHash<QString, QString> out;
    for (const auto& [pupil, sum] : sums)
        out.insert(pupil, sum.text());
    return out;
}

Result<JournalCell> Journal::cell(const LessonKey& lessonKey, const QString& pupilId) {
    const QString lessonText = lessonKey.toString();
    TABEL_ASSIGN_OR_RETURN(
        QList<Mark> marks,
        loadAll<Mark>(m_store, QStringLiteral("mark/") + lessonText + QLatin1Char('/') + pupilId + QLatin1Char('/')));
    std::stable_sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) { return a.column < b.column; });
    JournalCell out;
    for (const Mark& m : marks)
        out.marks << toString(m.value);
    TABEL_ASSIGN_OR_RETURN(out.absence,
                           loadOne<Attendance>(m_store, Attendance{lessonKey, pupilId, {}, {}, {}}.entityKey()));
    return out;
}

Result<QList<LessonKey>> Journal::plannedLessons(const QString& classId, const QString& subjectId,
                                                 const QString& groupIdOrEmpty, QDate from, QDate to) {
    QList<LessonKey> out;
    if (!from.isValid() || !to.isValid() || from > to)
        return out;
    TABEL_ASSIGN_OR_RETURN(const QList<TimetableSlot> mine, myTimetable());
    QList<TimetableSlot> slotsOf;
    for (const TimetableSlot& s : mine)
        if (s.classId == classId && s.subjectId == subjectId &&
            (groupIdOrEmpty.isEmpty() || s.groupId == groupIdOrEmpty))
            slotsOf.append(s);
    if (slotsOf.isEmpty())
        return out;
    std::sort(slotsOf.begin(), slotsOf.end(),
              [](const TimetableSlot& a, const TimetableSlot& b) { return a.slot < b.slot; });
    TABEL_ASSIGN_OR_RETURN(const QList<SchoolYear> years, loadAll<SchoolYear>(m_store, QStringLiteral("year/")));
    TABEL_ASSIGN_OR_RETURN(const QList<Holiday> holidays, loadAll<Holiday>(m_store, QStringLiteral("holiday/")));
    const auto schoolDay = [&](QDate d) {
        bool inYear = years.isEmpty();
        for (const SchoolYear& y : years)
            inYear = inYear || (d >= y.start && d <= y.end);
        if (!inYear)
            return false;
        for (const Holiday& h : holidays)
            if (d >= h.start && d <= h.end)
                return false;
        return true;
    };
    // Each candidate looked up (a few a week) rather than the subject's lessons of the whole year scanned.
    for (QDate d = from; d <= to && out.size() < 2000; d = d.addDays(1)) {
        if (!schoolDay(d))
            continue;
        for (const TimetableSlot& s : slotsOf) {
            if (s.weekday != d.dayOfWeek())
                continue;
            const LessonKey key{classId, subjectId, s.groupId, d, s.slot};
            TABEL_ASSIGN_OR_RETURN(const std::optional<Fields> recorded,
                                   m_store.entity(QStringLiteral("lesson/") + key.toString()));
            if (!recorded)
                out.append(key);
        }
    }
    return out;
}

Result<PupilView> Journal::pupilResults(const QString& pupilId, QDate from, QDate to) {
    TABEL_ASSIGN_OR_RETURN(std::optional<Pupil> p, pupil(pupilId));
    if (!p)
        return makeError(ErrorCode::NotFound, tr("there is no pupil %1; check the id in the roster").arg(pupilId));
    PupilView view;
    view.pupil = *p;
    view.from = from;
    view.to = to;
    const QString classPrefix = p->classId + QLatin1Char('/');
    QMap<QString, PupilResultLine> lines; // by lesson key, in date order after sorting
    QHash<QString, QString> subjectNames;
    TABEL_ASSIGN_OR_RETURN(QList<Subject> subjects, loadAll<Subject>(m_store, QStringLiteral("subject/")));
    for (const Subject& s : subjects)
        subjectNames.insert(s.id, s.name);
    const auto lineFor = [&](const LessonKey& k) -> PupilResultLine& {
        PupilResultLine& line = lines[k.toString()];
        line.date = k.date;
        line.slot = k.slot;
        line.subjectId = k.subjectId;
        line.subjectName = subjectNames.value(k.subjectId, k.subjectId);
        return line;
    };
    TABEL_ASSIGN_OR_RETURN(QList<Mark> marks, loadAll<Mark>(m_store, QStringLiteral("mark/") + classPrefix));
    for (const Mark& m : marks)
        if (m.pupilId == pupilId && m.lesson.date >= from && m.lesson.date <= to) {
            PupilResultLine& line = lineFor(m.lesson);
            line.marks += (line.marks.isEmpty() ? QString() : QStringLiteral(" ")) + toString(m.value);
        }
    TABEL_ASSIGN_OR_RETURN(QList<Attendance> absences,
                           loadAll<Attendance>(m_store, QStringLiteral("att/") + classPrefix));
    for (const Attendance& a : absences)
        if (a.pupilId == pupilId && a.lesson.date >= from && a.lesson.date <= to)
            lineFor(a.lesson).absence = QStringLiteral("Н (%1)").arg(toString(a.reason));
    for (auto it = lines.begin(); it != lines.end(); ++it) {
        TABEL_ASSIGN_OR_RETURN(LessonKey k, LessonKey::parse(it.key()));
        TABEL_ASSIGN_OR_RETURN(std::optional<Lesson> l, lesson(k));
        if (l)
            it->topic = l->topic;
        view.lines.append(*it);
    }
    std::sort(view.lines.begin(), view.lines.end(), [](const PupilResultLine& a, const PupilResultLine& b) {
        return std::tie(a.date, a.slot, a.subjectId) < std::tie(b.date, b.slot, b.subjectId);
    });
    TABEL_ASSIGN_OR_RETURN(QList<PeriodMark> pmarks,
                           loadAll<PeriodMark>(m_store, QStringLiteral("pmark/") + classPrefix));
    for (PeriodMark& m : pmarks)
        if (m.pupilId == pupilId)
            view.periodMarks.append(std::move(m));
    return view;
}

} // namespace tabel::node
