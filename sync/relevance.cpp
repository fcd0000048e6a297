#include "sync/relevance.h"

#include "shared/domain/entity_key.h"

#include <QStringList>

namespace tabel::sync {

namespace {

bool teachesClass(const NodeScopes& scopes, const QString& classId) {
    for (const domain::Assignment& a : scopes.assignments)
        if (a.classId == classId && (a.teacherId.isEmpty() || a.teacherId == scopes.teacherId))
            return true;
    for (const SubstitutionWindow& w : scopes.substitutions)
        if (w.classId == classId)
            return true;
    return false;
}

bool concernsWith(const NodeScopes& scopes, const QString& entity, const QString& decidingField,
                  const domain::FieldValue& decidingValue, const CurrentValue& current, bool otherSubgroups) {
    if (scopes.isOperator)
        return true;
    const domain::EntityKey k = domain::parseEntityKey(entity);
    // The value of a field that decides relevance: the op's own when it writes that field, else the merged one.
    const auto valueOf = [&](const QString& field) {
        if (field == decidingField && !domain::isNull(decidingValue))
            return domain::textOf(decidingValue);
        return current ? domain::textOf(current(entity, field)) : QString();
    };
    switch (k.type) {
    case domain::KeyType::Year:
    case domain::KeyType::Period:
    case domain::KeyType::Holiday:
    case domain::KeyType::Subject:
    case domain::KeyType::Teacher:
    case domain::KeyType::School:
        return true;
    case domain::KeyType::Class:
    case domain::KeyType::Member:
    case domain::KeyType::Slot:
        return teachesClass(scopes, k.classId);
    case domain::KeyType::Assignment:
        return k.teacherId == scopes.teacherId || teachesClass(scopes, k.classId);
    case domain::KeyType::Pupil:
        return teachesClass(scopes, valueOf(QStringLiteral("class")));
    case domain::KeyType::Substitution:
        return teachesClass(scopes, k.classId) || valueOf(QStringLiteral("substitute")) == scopes.teacherId;
    case domain::KeyType::Unknown:
        return false;
    default:
        break;
    }
    if (mayWrite(scopes, entity))
        return true;
    // R-J11 (2.5.5): the class view is the union of the subgroups, so a teacher of one subgroup reads the other
    // subgroups' lessons, marks, attendance, tasks and submissions of the same class and subject (writes stay
    // refused by checkScope).
    const bool subgroupData = k.type == domain::KeyType::Lesson || k.type == domain::KeyType::Mark ||
                              k.type == domain::KeyType::Attendance || k.type == domain::KeyType::Task ||
                              k.type == domain::KeyType::Submission;
    if (otherSubgroups && subgroupData)
        for (const domain::Assignment& a : scopes.assignments)
            if ((a.teacherId.isEmpty() || a.teacherId == scopes.teacherId) && a.classId == k.classId &&
                a.subjectId == k.subjectId)
                return true;
    return false;
}

} // namespace

bool concerns(const NodeScopes& scopes, const QString& entity, const CurrentValue& current) {
    return concernsWith(scopes, entity, {}, {}, current, true);
}

bool concernsConflict(const NodeScopes& scopes, const QString& entity, const CurrentValue& current) {
    return concernsWith(scopes, entity, {}, {}, current, false);
}

bool concerns(const NodeScopes& scopes, const Op& op, const CurrentValue& current) {
    return concernsWith(scopes, op.entity, op.field, op.value, current, true);
}

} // namespace tabel::sync
