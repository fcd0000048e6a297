#include "sync/relevance.h"

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
    const QStringList parts = entity.split(QLatin1Char('/'));
    const QString& type = parts.first();
    // The value of a field that decides relevance: the op's own when it writes that field, else the merged one.
    const auto valueOf = [&](const QString& field) {
        if (field == decidingField && !domain::isNull(decidingValue))
            return domain::textOf(decidingValue);
        return current ? domain::textOf(current(entity, field)) : QString();
    };
    if (type == u"year" || type == u"period" || type == u"holiday" || type == u"subject" || type == u"teacher")
        return true;
    if (type == u"class" || type == u"member" || type == u"slot")
        return parts.size() >= 2 && teachesClass(scopes, parts[1]);
    if (type == u"assign")
        return parts.size() >= 3 && (parts[1] == scopes.teacherId || teachesClass(scopes, parts[2]));
    if (type == u"pupil")
        return teachesClass(scopes, valueOf(QStringLiteral("class")));
    if (type == u"subst")
        return (parts.size() >= 4 && teachesClass(scopes, parts[3])) ||
               valueOf(QStringLiteral("substitute")) == scopes.teacherId;
    Op probe;
    probe.entity = entity;
    if (checkScope(scopes, probe).verdict != ScopeVerdict::Rejected)
        return true;
    // R-J11 (2.5.5): the class view is the union of the subgroups, so a teacher of one subgroup reads the other
    // subgroups' lessons, marks, attendance, tasks and submissions of the same class and subject (writes stay
    // refused by checkScope).
    if (otherSubgroups &&
        (type == u"lesson" || type == u"mark" || type == u"att" || type == u"task" || type == u"sub") &&
        parts.size() >= 4)
        for (const domain::Assignment& a : scopes.assignments)
            if ((a.teacherId.isEmpty() || a.teacherId == scopes.teacherId) && a.classId == parts[1] &&
                a.subjectId == parts[2])
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
    if (scopes.isOperator)
        return true;
    if (checkScope(scopes, op).verdict != ScopeVerdict::Rejected)
        return true;
    return concernsWith(scopes, op.entity, op.field, op.value, current, true);
}

} // namespace tabel::sync
