#include "sync/scope.h"

#include "shared/domain/entity_key.h"

#include <QCoreApplication>
#include <QStringList>

#include <map>
#include <variant>

namespace tabel::sync {

namespace {

QString tr(const char* s) {
    return QCoreApplication::translate("tabel::sync", s);
}
QString quoted(const QString& s) {
    return QStringLiteral("«") + s + QStringLiteral("»");
}

// Entities only the operator writes: reference data and the substitutions that open a teacher's windows (a
// node that could write them could widen its own scopes).
const QStringList kOperatorOnly = {QStringLiteral("pupil"),   QStringLiteral("class"),  QStringLiteral("subject"),
                                   QStringLiteral("teacher"), QStringLiteral("assign"), QStringLiteral("slot"),
                                   QStringLiteral("member"),  QStringLiteral("year"),   QStringLiteral("period"),
                                   QStringLiteral("holiday"), QStringLiteral("subst"),  QStringLiteral("school")};

// How the key of each node-writable type names its scope.
enum class GroupRule { Lesson, Exact, Any };

struct Target {
    QString classId, subjectId, groupId;
    GroupRule rule = GroupRule::Exact;
    std::optional<domain::LessonKey> lesson;
    std::optional<QDate> date; // for the closed-period check
    QString periodId;          // pmark/ and corr/: the period the mark belongs to
};

ScopeDecision rejected(const QString& reason) {
    return {ScopeVerdict::Rejected, reason, {}};
}

ScopeDecision malformed(const QString& key, const QString& detail) {
    return rejected(tr("%1 is not a valid entity key (%2); the op is refused").arg(quoted(key), detail));
}

// Parses the key into its scope, or says why it cannot be written by a node.
std::variant<Target, ScopeDecision> targetOf(const QString& key, const EntityContext& context) {
    const QStringList parts = key.split(QLatin1Char('/'));
    const QString type = parts.first();
    if (kOperatorOnly.contains(type))
        return rejected(tr("%1 is reference data (%2) that only the operator may change").arg(quoted(key), type));

    static const std::map<QString, int> kParts = {
        {QStringLiteral("lesson"), 6}, {QStringLiteral("mark"), 8}, {QStringLiteral("att"), 7},
        {QStringLiteral("pmark"), 5},  {QStringLiteral("corr"), 6}, {QStringLiteral("task"), 5},
        {QStringLiteral("sub"), 7},    {QStringLiteral("ktp"), 4},  {QStringLiteral("ktpfix"), 4}};
    const auto expected = kParts.find(type);
    if (expected == kParts.end())
        return rejected(tr("%1 has an unknown entity type %2; the op is refused").arg(quoted(key), quoted(type)));
    if (parts.size() != expected->second)
        return malformed(key, tr("%1 parts, expected %2").arg(parts.size()).arg(expected->second));

    Target t;
    if (type == QLatin1String("lesson") || type == QLatin1String("mark") || type == QLatin1String("att")) {
        Result<domain::LessonKey> lesson = domain::LessonKey::fromKeyParts(parts, 1);
        if (!lesson)
            return malformed(key, lesson.error().message);
        t.classId = lesson->classId;
        t.subjectId = lesson->subjectId;
        t.groupId = lesson->groupId;
        t.rule = GroupRule::Lesson;
        t.date = lesson->date;
        t.lesson = *lesson;
        return t;
    }
    t.classId = parts[1];
    t.subjectId = parts[2];
    if (auto s = domain::validateId(t.classId, QT_TRANSLATE_NOOP("tabel::domain", "class id")); !s)
        return malformed(key, s.error().message);
    if (auto s = domain::validateId(t.subjectId, QT_TRANSLATE_NOOP("tabel::domain", "subject id")); !s)
        return malformed(key, s.error().message);
    if (type == QLatin1String("pmark") || type == QLatin1String("corr")) {
        t.rule = GroupRule::Any;
        t.periodId = parts[3];
    } else if (type == QLatin1String("task") || type == QLatin1String("sub")) {
        t.rule = GroupRule::Exact;
        t.groupId = parts[3];
        if (auto s = domain::validateId(t.groupId, QT_TRANSLATE_NOOP("tabel::domain", "group id")); !s)
            return malformed(key, s.error().message);
        t.date = context.date;
    } else { // ktp, ktpfix
        t.rule = GroupRule::Any;
        if (type == QLatin1String("ktpfix"))
            t.date = context.date;
    }
    return t;
}

bool covers(const SubstitutionWindow& w, const domain::LessonKey& l) {
    return w.date == l.date && w.slot == l.slot && w.classId == l.classId && w.groupId == l.groupId &&
           w.subjectId == l.subjectId;
}

ScopeDecision checkAuthority(const NodeScopes& scopes, const QString& key, const Target& t,
                             const domain::rules::Names& names) {
    QStringList ownGroups;
    for (const domain::Assignment& a : scopes.assignments) {
        if (a.teacherId != scopes.teacherId || a.classId != t.classId || a.subjectId != t.subjectId)
            continue;
        if (t.rule == GroupRule::Any || a.groupId == t.groupId)
            return {};
        ownGroups << quoted(a.groupId);
    }
    if (t.lesson)
        for (const SubstitutionWindow& w : scopes.substitutions)
            if (covers(w, *t.lesson))
                return {};
    if (!ownGroups.isEmpty())
        return rejected(tr("teacher %1 teaches group %2 of class %3 in %4, not group %5: %6 is outside the node's "
                           "scopes (2.5.5)")
                            .arg(names.teacherText(scopes.teacherId), ownGroups.join(QStringLiteral(", ")), t.classId,
                                 names.subjectText(t.subjectId), quoted(t.groupId), names.entityText(key)));
    if (t.lesson)
        return rejected(
            tr("teacher %1 has no assignment for class %2, subject %3, group %4 and no substitution for "
               "lesson %5 of %6: %7 is outside the node's scopes")
                .arg(names.teacherText(scopes.teacherId), t.classId, names.subjectText(t.subjectId), quoted(t.groupId))
                .arg(t.lesson->slot)
                .arg(t.lesson->date.toString(QStringLiteral("dd.MM.yyyy")), names.entityText(key)));
    return rejected(tr("teacher %1 has no assignment for class %2, subject %3: %4 is outside the node's scopes")
                        .arg(names.teacherText(scopes.teacherId), t.classId, names.subjectText(t.subjectId),
                             names.entityText(key)));
}

ScopeDecision checkClosed(const NodeScopes& scopes, const QString& key, const Target& t,
                          const domain::rules::Names& names) {
    for (const ClosedPeriod& p : scopes.closedPeriods) {
        if (!p.classId.isEmpty() && p.classId != t.classId)
            continue;
        const QString span = p.start.toString(QStringLiteral("dd.MM.yyyy")) + QStringLiteral(" – ") +
                             p.end.toString(QStringLiteral("dd.MM.yyyy"));
        if (!t.periodId.isEmpty() && t.periodId == p.periodId)
            return {ScopeVerdict::AmendmentRequest,
                    tr("%1 belongs to period %2 (%3), which is closed; the edit becomes an amendment request for "
                       "the operator")
                        .arg(names.entityText(key), quoted(p.periodId), span),
                    p.periodId};
        if (t.date && *t.date >= p.start && *t.date <= p.end)
            return {ScopeVerdict::AmendmentRequest,
                    tr("%1 falls on %2, in period %3 (%4), which is closed; the edit becomes an amendment request "
                       "for the operator")
                        .arg(names.entityText(key), t.date->toString(QStringLiteral("dd.MM.yyyy")), quoted(p.periodId),
                             span),
                    p.periodId};
    }
    return {};
}

} // namespace

ScopeDecision checkScope(const NodeScopes& scopes, const Op& op, const EntityContext& context,
                         const domain::rules::Names& names) {
    if (scopes.isOperator)
        return {};
    auto target = targetOf(op.entity, context);
    if (auto* decision = std::get_if<ScopeDecision>(&target))
        return *decision;
    const Target& t = std::get<Target>(target);
    if (ScopeDecision d = checkAuthority(scopes, op.entity, t, names); !d.allowed())
        return d;
    return checkClosed(scopes, op.entity, t, names);
}

bool mayWrite(const NodeScopes& scopes, const QString& entity) {
    if (scopes.isOperator)
        return true;
    const domain::EntityKey k = domain::parseEntityKey(entity);
    if (!k.journal())
        return false; // reference data is the operator's; an unknown key nobody's
    const bool lesson =
        k.type == domain::KeyType::Lesson || k.type == domain::KeyType::Mark || k.type == domain::KeyType::Attendance;
    const bool anyGroup = k.type == domain::KeyType::PeriodMark || k.type == domain::KeyType::Correction ||
                          k.type == domain::KeyType::KtpTopic || k.type == domain::KeyType::KtpCorrection;
    for (const domain::Assignment& a : scopes.assignments)
        if (a.teacherId == scopes.teacherId && a.classId == k.classId && a.subjectId == k.subjectId &&
            (anyGroup || a.groupId == k.groupId))
            return true;
    if (lesson)
        for (const SubstitutionWindow& w : scopes.substitutions)
            if (w.date == k.date && w.slot == k.slot && w.classId == k.classId && w.groupId == k.groupId &&
                w.subjectId == k.subjectId)
                return true;
    return false;
}

ScopeDecision checkChangeSetScope(const NodeScopes& scopes, const ChangeSet& changeSet,
                                  const std::function<EntityContext(const Op&)>& contextOf,
                                  const domain::rules::Names& names) {
    if (!scopes.isOperator && changeSet.author != scopes.teacherId)
        return rejected(tr("the change set is authored as %1, but the node is enrolled for teacher %2")
                            .arg(quoted(changeSet.author), names.teacherText(scopes.teacherId)));
    ScopeDecision amendment;
    const QString* previous = nullptr; // without contextOf the decision depends on the entity only
    for (const Op& op : changeSet.ops) {
        if (!contextOf && previous && *previous == op.entity)
            continue; // the same entity as the op before (a mark's fields): the same decision, already taken
        previous = &op.entity;
        ScopeDecision d = checkScope(scopes, op, contextOf ? contextOf(op) : EntityContext{}, names);
        if (d.verdict == ScopeVerdict::Rejected)
            return d;
        if (d.verdict == ScopeVerdict::AmendmentRequest && amendment.allowed())
            amendment = d;
    }
    return amendment;
}

} // namespace tabel::sync
