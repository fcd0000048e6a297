#include "sync/describe.h"

#include "shared/domain/entity_key.h"

#include <QCoreApplication>

namespace tabel::sync {

namespace {

QString tr(const char* s) {
    return QCoreApplication::translate("tabel::sync::Describe", s);
}

QString text(const CurrentValue& value, const QString& entity, const char* field) {
    return domain::textOf(value(entity, QLatin1String(field))).trimmed();
}

CurrentValue of(const RegisterView& state) {
    return [&state](const QString& entity, const QString& field) { return state.visibleValue(entity, field); };
}

QString lessonText(const domain::EntityKey& k) {
    return tr("lesson %1 № %2").arg(k.date.toString(QStringLiteral("dd.MM.yyyy"))).arg(k.slot);
}

QString groupText(const domain::EntityKey& k) {
    return k.groupId == QLatin1String("all") ? k.classId : tr("%1, group %2").arg(k.classId, k.groupId);
}

} // namespace

QString pupilText(const QString& pupilId, const RegisterView& state) {
    return pupilText(pupilId, of(state));
}

QString pupilText(const QString& pupilId, const CurrentValue& state) {
    const QString key = QStringLiteral("pupil/") + pupilId;
    const QString name = (text(state, key, "surname") + u' ' + text(state, key, "name")).trimmed();
    return name.isEmpty() ? QStringLiteral("«%1»").arg(pupilId) : QStringLiteral("%1 (%2)").arg(name, pupilId);
}

QString subjectText(const QString& subjectId, const CurrentValue& state) {
    const QString name = text(state, QStringLiteral("subject/") + subjectId, "name");
    return name.isEmpty() ? subjectId : name;
}

domain::rules::Names namesOf(const RegisterView& state) {
    domain::rules::Names n;
    n.pupil = [&state](const QString& id) { return pupilText(id, of(state)); };
    n.subject = [&state](const QString& id) { return text(of(state), QStringLiteral("subject/") + id, "name"); };
    n.teacher = [&state](const QString& id) { return text(of(state), QStringLiteral("teacher/") + id, "name"); };
    n.entity = [&state](const QString& key) { return describeEntity(key, state); };
    return n;
}

QString subjectText(const QString& subjectId, const RegisterView& state) {
    return subjectText(subjectId, of(state));
}

QString teacherText(const QString& teacherId, const RegisterView& state) {
    const QString name = text(of(state), QStringLiteral("teacher/") + teacherId, "name");
    return name.isEmpty() ? teacherId : name;
}

QString fieldText(const QString& field) {
    if (field == u"value")
        return tr("the mark");
    if (field == u"reason")
        return tr("the reason");
    if (field == u"topic")
        return tr("the topic");
    if (field == u"homework")
        return tr("the homework");
    if (field == u"weight")
        return tr("the weight");
    if (field == u"grade")
        return tr("the grade");
    return field;
}

QString describeEntity(const QString& key, const RegisterView& state) {
    return describeEntity(key, of(state));
}

QString describeEntity(const QString& key, const CurrentValue& state) {
    const domain::EntityKey k = domain::parseEntityKey(key);
    switch (k.type) {
    case domain::KeyType::Mark:
        return tr("mark: %1, %2, %3, %4")
            .arg(pupilText(k.pupilId, state), subjectText(k.subjectId, state), groupText(k), lessonText(k));
    case domain::KeyType::Attendance:
        return tr("absence: %1, %2, %3, %4")
            .arg(pupilText(k.pupilId, state), subjectText(k.subjectId, state), groupText(k), lessonText(k));
    case domain::KeyType::Lesson:
        return tr("lesson: %1, %2, %3").arg(subjectText(k.subjectId, state), groupText(k), lessonText(k));
    case domain::KeyType::PeriodMark:
        return tr("period mark (%1): %2, %3, %4")
            .arg(k.periodId, pupilText(k.pupilId, state), subjectText(k.subjectId, state), k.classId);
    case domain::KeyType::Correction:
        return tr("correction of the period mark (%1): %2, %3, %4")
            .arg(k.periodId, pupilText(k.pupilId, state), subjectText(k.subjectId, state), k.classId);
    case domain::KeyType::Submission:
        return tr("pupil's work for task %1: %2, %3, %4")
            .arg(k.id, pupilText(k.pupilId, state), subjectText(k.subjectId, state), groupText(k));
    case domain::KeyType::Task:
        return tr("task %1: %2, %3").arg(k.id, subjectText(k.subjectId, state), groupText(k));
    case domain::KeyType::Pupil:
        return tr("pupil: %1").arg(pupilText(k.pupilId, state));
    case domain::KeyType::Member:
        return tr("group member: %1, %2, %3, group %4")
            .arg(pupilText(k.pupilId, state), subjectText(k.subjectId, state), k.classId, k.groupId);
    case domain::KeyType::Subject:
        return tr("subject: %1").arg(subjectText(k.subjectId, state));
    case domain::KeyType::School:
        return tr("the school's profile");
    default:
        return key;
    }
}

} // namespace tabel::sync
