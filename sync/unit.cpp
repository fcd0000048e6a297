#include "sync/unit.h"

#include <algorithm>
#include <map>

namespace tabel::sync {

QString ScopeKey::text() const {
    return classId + u'/' + subjectId;
}

ScopeKey scopeKeyOf(const domain::EntityKey& key, const QString& pupilClass) {
    if (key.schoolWide())
        return {};
    if (key.type == domain::KeyType::Pupil)
        return {pupilClass.isEmpty() ? kNoClass : pupilClass, {}};
    if (key.type == domain::KeyType::Unknown)
        return {kNoClass, {}}; // not a key any node reads; the typed checks refuse it anyway
    if (key.journal())
        return {key.classId, key.subjectId};
    return {key.classId, {}};
}

ChangeSetScope scopeOfChangeSet(const ChangeSet& changeSet, const CurrentValue& current) {
    ChangeSetScope out;
    // A pupil's class as the set itself writes it, else as merged.
    std::map<QString, QString> pupilClass;
    for (const Op& op : changeSet.ops)
        if (op.field == u"class" && op.entity.startsWith(u"pupil/"))
            pupilClass[op.entity] = domain::textOf(op.value);
    bool first = true;
    for (const Op& op : changeSet.ops) {
        const domain::EntityKey key = domain::parseEntityKey(op.entity);
        QString cls;
        if (key.type == domain::KeyType::Pupil) {
            const auto it = pupilClass.find(op.entity);
            cls = it != pupilClass.end() ? it->second
                  : current              ? domain::textOf(current(op.entity, QStringLiteral("class")))
                                         : QString();
        }
        const ScopeKey k = scopeKeyOf(key, cls);
        if (!out.date && key.date.isValid())
            out.date = key.date;
        if (first) {
            out.key = k;
            first = false;
            continue;
        }
        if (k.classId != out.key.classId) {
            if (!out.spans)
                out.other = k.text();
            out.spans = true;
        } else if (k.subjectId != out.key.subjectId) {
            out.key.subjectId.clear(); // several subjects of one class: the class's key
        }
    }
    return out;
}

bool receivesEverySetOf(const NodeScopes& scopes, const ScopeKey& key) {
    if (scopes.isOperator)
        return true;
    if (key.subjectId.isEmpty() || key.classId.isEmpty() || key.classId == kNoClass)
        return false;
    for (const domain::Assignment& a : scopes.assignments)
        if (a.teacherId == scopes.teacherId && a.classId == key.classId && a.subjectId == key.subjectId)
            return true;
    return false;
}

QList<ScopeKey> scopeKeysOf(const NodeScopes& scopes) {
    if (scopes.isOperator)
        return {};
    QList<ScopeKey> out{ScopeKey{}};
    const auto add = [&out](const QString& classId, const QString& subjectId) {
        for (const ScopeKey& k : {ScopeKey{classId, {}}, ScopeKey{classId, subjectId}})
            if (!out.contains(k))
                out.append(k);
    };
    for (const domain::Assignment& a : scopes.assignments)
        if (a.teacherId.isEmpty() || a.teacherId == scopes.teacherId)
            add(a.classId, a.subjectId);
    for (const SubstitutionWindow& w : scopes.substitutions)
        add(w.classId, w.subjectId);
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace tabel::sync
