#include "sync/judge.h"

#include "sync/describe.h"

#include "shared/core/hlc.h"
#include "shared/core/string_hash.h"
#include "shared/domain/entity_check.h"
#include "shared/domain/entity_key.h"
#include "shared/domain/model.h"
#include "shared/domain/rules.h"

#include <QCoreApplication>

#include <map>
#include <optional>
#include <set>
#include <unordered_map>

namespace tabel::sync {

using namespace tabel::domain;

namespace {

QString tr(const char* s) {
    return QCoreApplication::translate("tabel::sync::Judge", s);
}

// The entities as they will be after the set: merged fields overlaid with the set's ops, read once each.
class After {
public:
    After(const ChangeSet& cs, const RegisterView& merged) : m_merged(merged) {
        for (qsizetype i = 0; i < cs.ops.size(); ++i) {
            const Op& op = cs.ops[i];
            if (m_firstOp.emplace(op.entity, int(i) + 1).second)
                m_order.append(op.entity);
            m_written[op.entity][op.field] = op.value;
        }
    }

    const QList<QString>& written() const { return m_order; }
    bool writtenBySet(const QString& entity) const { return m_written.count(entity) != 0; }
    int opNumber(const QString& entity) const { return m_firstOp.at(entity); }
    // The entity's fields before the set (as merged).
    Fields before(const QString& entity) const { return m_merged.fieldsOf(entity); }

    const Fields& fields(const QString& entity) const {
        if (const auto it = m_cache.find(entity); it != m_cache.end())
            return it->second;
        Fields f = m_merged.fieldsOf(entity);
        if (const auto w = m_written.find(entity); w != m_written.end())
            for (const auto& [name, value] : w->second)
                f[name] = value;
        return m_cache.emplace(entity, std::move(f)).first->second;
    }
    // An entity the set does not write and that was not read before is asked of the merged view without being
    // kept (most are keys that do not exist: the absence beside every mark).
    bool exists(const QString& entity) const {
        if (const auto it = m_cache.find(entity); it != m_cache.end())
            return !allNull(it->second);
        if (!writtenBySet(entity))
            return !allNull(m_merged.fieldsOf(entity));
        return !allNull(fields(entity));
    }

    // Keys under a prefix that exist after the set: merged ones and the set's own.
    QList<QString> keysUnder(const QString& prefix) const {
        std::set<QString> keys;
        m_merged.forEach(prefix, [&keys](const FieldId& id, const FieldRegister&) {
            keys.insert(id.entity);
            return true;
        });
        for (const auto& [entity, fields] : m_written)
            if (entity.startsWith(prefix))
                keys.insert(entity);
        QList<QString> out;
        for (const QString& k : keys)
            if (exists(k))
                out.append(k);
        return out;
    }

private:
    const RegisterView& m_merged;
    std::unordered_map<QString, int, SeededStringHash> m_firstOp;
    QList<QString> m_order;
    std::unordered_map<QString, Fields, SeededStringHash> m_written;
    mutable std::unordered_map<QString, Fields, SeededStringHash> m_cache;
};

class Judge {
public:
    Judge(const ChangeSet& cs, const RegisterView& merged, qint64 receivedMs)
        : m_cs(cs), m_after(cs, merged), m_merged(merged), m_names(namesOf(merged)), m_received(receivedMs) {}

    Judgement run() {
        for (const QString& entity : m_after.written()) {
            m_entity = entity;
            const Fields& fields = m_after.fields(entity);
            if (allNull(fields))
                continue; // removed
            // The entries with references and rules are read once, as their type; the others only checked.
            switch (parseEntityKey(entity).type) {
            case KeyType::Mark:
                judge(readEntity<Mark>(entity, fields), &Judge::judgeMark);
                break;
            case KeyType::Attendance:
                judge(readEntity<Attendance>(entity, fields), &Judge::judgeAbsence);
                break;
            case KeyType::Submission:
                judge(readEntity<Submission>(entity, fields), &Judge::judgeSubmission);
                break;
            case KeyType::PeriodMark:
                judge(readEntity<PeriodMark>(entity, fields), &Judge::judgePeriodMark);
                break;
            case KeyType::Correction:
                judge(readEntity<Correction>(entity, fields), &Judge::judgeCorrection);
                break;
            default:
                if (Status ok = checkEntity(entity, fields); !ok)
                    refuse(ok.error().message);
                break;
            }
            if (m_refused.verdict == Verdict::Refuse)
                return m_refused;
        }
        return m_held ? *m_held : Judgement{};
    }

private:
    template <class T> void judge(Result<T> read, void (Judge::*rules)(const T&)) {
        if (!read)
            return refuse(read.error().message);
        (this->*rules)(*read);
    }

    QString where() const {
        return tr("entry %1 of change set %2 (%3)")
            .arg(m_after.opNumber(m_entity))
            .arg(m_cs.seq)
            .arg(m_names.entityText(m_entity));
    }
    void refuse(const QString& problem) {
        if (m_refused.verdict != Verdict::Refuse)
            m_refused = {Verdict::Refuse, where() + QStringLiteral(": ") + problem};
    }
    void hold(const QString& problem) {
        if (!m_held)
            m_held = Judgement{Verdict::Hold, where() + QStringLiteral(": ") + problem};
    }

    QString pupilText(const QString& pupilId) const { return m_names.pupilText(pupilId); }

    // The pupil is on the roster (else refused), in the class and, for a subgroup, in the group (else held: the
    // roster may have changed since the node synced, 2.5.5).
    bool pupilBelongs(const QString& classId, const QString& subjectId, const QString& groupId,
                      const QString& pupilId) {
        const Fields& pupil = m_after.fields(QStringLiteral("pupil/") + pupilId);
        if (allNull(pupil)) {
            refuse(tr("pupil «%1» is not on the school's roster").arg(pupilId));
            return false;
        }
        const auto cls = pupil.find(QStringLiteral("class"));
        const QString inClass = cls == pupil.end() ? QString() : textOf(cls->second);
        if (inClass != classId) {
            hold(tr("2.5.5: pupil %1 is in class %2 on the roster, not in class %3; the roster may have changed "
                    "after this device last synced")
                     .arg(pupilText(pupilId), inClass.isEmpty() ? tr("(none)") : inClass, classId));
            return false;
        }
        if (groupId != kWholeClass) {
            const QString member = QStringLiteral("member/%1/%2/%3/%4").arg(classId, subjectId, groupId, pupilId);
            const Fields& f = m_after.fields(member);
            const auto in = f.find(QStringLiteral("in"));
            if (in == f.end() || intOf(in->second) != 1) {
                hold(tr("2.5.5: pupil %1 is not in subgroup «%2» of class %3 for subject «%4»; the groups may have "
                        "changed after this device last synced")
                         .arg(pupilText(pupilId), groupId, classId, m_names.subjectText(subjectId)));
                return false;
            }
        }
        return true;
    }

    // 3.5: a mark and an absence without illness of one pupil in one lesson. Refused when this set wrote both,
    // held when one came from elsewhere (another device may have written it since).
    void absentAndMarked(const QString& markKey, const QString& absenceKey, const QString& pupilId,
                         const LessonKey& lesson, AbsenceReason reason) {
        const QString problem = tr("3.5: pupil %1 has a mark and an absence («%2») in the lesson of %3; a pupil "
                                   "absent without illness cannot get a mark")
                                    .arg(pupilText(pupilId), toString(reason), m_names.lessonText(lesson));
        if (m_after.writtenBySet(markKey) && m_after.writtenBySet(absenceKey))
            refuse(problem);
        else
            hold(problem);
    }

    // The lesson of the marks judged last, its key's text and whether it exists after the set: a set is one lesson,
    // and every mark of it asked.
    struct LessonSeen {
        LessonKey key;
        QString text;
        bool exists = false;
    };
    const LessonSeen& lessonOf(const LessonKey& key) {
        if (!m_lesson || !(m_lesson->key == key)) {
            const QString text = key.toString();
            m_lesson = LessonSeen{key, text, m_after.exists(QStringLiteral("lesson/") + text)};
        }
        return *m_lesson;
    }

    void judgeMark(const Mark& m) {
        if (!pupilBelongs(m.lesson.classId, m.lesson.subjectId, m.lesson.groupId, m.pupilId))
            return;
        const LessonSeen& seen = lessonOf(m.lesson);
        const QString& lessonText = seen.text;
        // checkMark asks only whether the lesson exists; its fields were judged where they were written.
        Lesson lesson;
        lesson.key = m.lesson;
        // R-J2 (kind, weight), 3.4 (its lesson), 4.4 (self-study grades): the entry alone decides.
        if (Status ok = rules::checkMark(m, seen.exists ? &lesson : nullptr, std::nullopt, m_names); !ok)
            return refuse(ok.error().message);
        if (!m.taskId.isEmpty()) {
            const QString task = QStringLiteral("task/%1/%2/%3/%4")
                                     .arg(m.lesson.classId, m.lesson.subjectId, m.lesson.groupId, m.taskId);
            if (!m_after.exists(task))
                return refuse(tr("the mark grades task «%1», which the journal of %2 does not have")
                                  .arg(m.taskId, m.lesson.classId));
        }
        const QString absenceKey = QStringLiteral("att/") + lessonText + u'/' + m.pupilId;
        if (m_after.exists(absenceKey))
            if (Result<Attendance> a = Attendance::fromFields(absenceKey, m_after.fields(absenceKey));
                a && a->reason != AbsenceReason::Illness)
                absentAndMarked(m_entity, absenceKey, m.pupilId, m.lesson, a->reason);
    }

    void judgeAbsence(const Attendance& a) {
        if (!pupilBelongs(a.lesson.classId, a.lesson.subjectId, a.lesson.groupId, a.pupilId))
            return;
        if (!m_after.exists(QStringLiteral("lesson/") + a.lesson.toString()))
            return refuse(tr("3.4: there is no lesson «%1» for this absence").arg(m_names.lessonText(a.lesson)));
        if (a.reason == AbsenceReason::Illness)
            return;
        const QList<QString> marks =
            m_after.keysUnder(QStringLiteral("mark/%1/%2/").arg(a.lesson.toString(), a.pupilId));
        if (!marks.isEmpty())
            absentAndMarked(marks.first(), m_entity, a.pupilId, a.lesson, a.reason);
    }

    void judgeSubmission(const Submission& s) {
        const EntityKey key = parseEntityKey(m_entity);
        if (!pupilBelongs(key.classId, key.subjectId, key.groupId, s.pupilId))
            return;
        if (!m_after.exists(s.taskKey))
            return refuse(tr("the work answers task %1, which the journal does not have").arg(s.taskKey));
        if (s.grade)
            if (Result<Task> task = Task::fromFields(s.taskKey, m_after.fields(s.taskKey)))
                if (Status ok = rules::checkWorkGrade(task->kind, *s.grade); !ok)
                    refuse(ok.error().message);
    }

    void judgePeriodMark(const PeriodMark& m) {
        if (!pupilBelongs(m.classId, m.subjectId, kWholeClass, m.pupilId))
            return;
        // A correction (2.6.8) rewrites the mark in the same set: it is judged as a correction, not by 2.5.6.
        const QString corrPrefix =
            QStringLiteral("corr/%1/%2/%3/%4/").arg(m.classId, m.subjectId, m.periodId, m.pupilId);
        for (const Op& op : m_cs.ops)
            if (op.entity.startsWith(corrPrefix))
                return;
        // Only what this set changes of the mark is judged: an old mark is not judged again.
        const Fields before = m_after.before(m_entity);
        const auto changed = [&](const char* field) {
            const auto b = before.find(QLatin1String(field));
            const auto a = m_after.fields(m_entity).find(QLatin1String(field));
            const FieldValue bv = b == before.end() ? FieldValue{} : b->second;
            const FieldValue av = a == m_after.fields(m_entity).end() ? FieldValue{} : a->second;
            return !(bv == av);
        };
        if (!changed("value") && !changed("override"))
            return;
        QList<Period> periods;
        for (const QString& key : m_after.keysUnder(QStringLiteral("period/")))
            if (Result<Period> p = Period::fromFields(key, m_after.fields(key)))
                periods.append(*p);
        QList<SchoolYear> years;
        for (const QString& key : m_after.keysUnder(QStringLiteral("year/")))
            if (Result<SchoolYear> y = SchoolYear::fromFields(key, m_after.fields(key)))
                years.append(*y);
        const std::optional<Period> period = rules::periodNamed(m.periodId, periods, years);
        if (!period)
            return refuse(tr("there is no period «%1» in the school's calendar").arg(m.periodId));
        // R-J9: the signed device time of the entry (the set's time when the entry carries none).
        const QDateTime device = m.deviceTime.isValid() ? m.deviceTime : Hlc::toDateTime(m_cs.hlc);
        const QDate deviceDate = device.toLocalTime().date();
        if (Status ok = rules::checkPeriodMark(m, *period, rules::gradeOfClassId(m.classId), deviceDate); !ok)
            return refuse(ok.error().message);
        const rules::Window window = rules::periodMarkWindow(*period);
        const QDate received = QDateTime::fromMSecsSinceEpoch(m_received, Qt::UTC).toLocalTime().date();
        if (m.overrideReason.trimmed().isEmpty() && window.contains(deviceDate) &&
            window.last.daysTo(received) > kLateReceiptDays)
            hold(tr("2.5.6: the period mark for %1 was entered on %2 by the device's clock, inside the last week of "
                    "the period, but reached the school only on %3, more than %4 days after that week; the operator "
                    "confirms it")
                     .arg(pupilText(m.pupilId), deviceDate.toString(QStringLiteral("dd.MM.yyyy")),
                          received.toString(QStringLiteral("dd.MM.yyyy")))
                     .arg(kLateReceiptDays));
    }

    void judgeCorrection(const Correction& c) {
        if (!pupilBelongs(c.classId, c.subjectId, kWholeClass, c.pupilId))
            return;
        if (!allNull(m_after.before(m_entity)))
            return; // an existing correction, not judged again
        const QString markKey = QStringLiteral("pmark/%1/%2/%3/%4").arg(c.classId, c.subjectId, c.periodId, c.pupilId);
        std::optional<PeriodMark> current;
        if (const Fields before = m_after.before(markKey); !allNull(before))
            if (Result<PeriodMark> p = PeriodMark::fromFields(markKey, before))
                current = *p;
        if (current && current->value != c.oldValue)
            return hold(tr("2.6.8: the correction starts from the mark «%1», but the mark on record is now «%2»; "
                           "another correction may have been made meanwhile")
                            .arg(toString(c.oldValue), toString(current->value)));
        if (Status ok = rules::checkCorrection(c, current, m_names); !ok)
            return refuse(ok.error().message);
        // The set must also write the corrected mark.
        const Fields& after = m_after.fields(markKey);
        const auto v = after.find(QStringLiteral("value"));
        if (v == after.end() || textOf(v->second) != toString(c.newValue))
            refuse(tr("2.6.8: the correction to «%1» does not change the period mark it corrects")
                       .arg(toString(c.newValue)));
    }

    const ChangeSet& m_cs;
    After m_after;
    const RegisterView& m_merged;
    const rules::Names m_names;
    qint64 m_received;
    QString m_entity;
    Judgement m_refused;
    std::optional<Judgement> m_held;
    std::optional<LessonSeen> m_lesson;
};

} // namespace

Judgement judgeChangeSet(const ChangeSet& changeSet, const RegisterView& merged, qint64 receivedMs) {
    return Judge(changeSet, merged, receivedMs).run();
}

} // namespace tabel::sync
