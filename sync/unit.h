// The unit of data a node receives, and the scope of a change set (PROTOCOL.md, "Scopes").
//
// A node receives whole signed change sets, so a change set must never carry data of two classes: a pull then
// sends nothing outside the node's classes (personal data stays in its class, 5.6.1). The unit is
//   - a class: its reference data (roster, groups, timetable, assignments, substitutions) and its journal, by
//     subject (lessons, marks, attendance, tasks, submissions, period marks, corrections, КТП);
//   - the school-wide reference data (school years, periods, holidays, subjects, teachers).
// Every change set stays inside one unit: a node's sets are refused when they span two (AckReason OutOfScope),
// and the hub writes its own sets (imports, resolutions) one per unit. The hub indexes each merged set by its
// ScopeKey (class, and subject when every op of the set is of one subject's journal), and a pull walks the keys of
// the node's scopes (scopeKeysOf) instead of the whole log.
#pragma once

#include "shared/domain/entity_key.h"
#include "sync/op.h"
#include "sync/relevance.h"
#include "sync/scope.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>
#include <tuple>

namespace tabel::sync {

struct ScopeKey {
    QString classId;      // empty: school-wide data; kNoClass: a pupil without a class (the operator's only)
    QString subjectId;    // empty: the class's reference data, or a set of several subjects
    QString text() const; // "7А/math", "7А/", "/" (school-wide): for messages and the index
    friend bool operator==(const ScopeKey&, const ScopeKey&) = default;
    friend bool operator<(const ScopeKey& a, const ScopeKey& b) {
        return std::tie(a.classId, a.subjectId) < std::tie(b.classId, b.subjectId);
    }
};

// The class of a pupil that has none yet: no class id can hold '/', so no node's scope matches it.
inline const QString kNoClass = QStringLiteral("/");
// The hub also indexes every set that writes a pupil under (kNoClass, kPupilsIndex), so that `check` can replay a
// pupil's whole record although a transfer moved it from one class's unit to another's. No node walks it.
inline const QString kPupilsIndex = QStringLiteral("pupil");

// The unit of one entity. pupilClass: the pupil's class (its `class` field), for pupil/ keys.
ScopeKey scopeKeyOf(const domain::EntityKey& key, const QString& pupilClass = {});

struct ChangeSetScope {
    ScopeKey key;
    bool spans = false;        // ops of two units: refused from a node
    QString other;             // when it spans: the second unit's text, for the message
    std::optional<QDate> date; // the first date a key of the set holds (its school year)
};

// The unit of a change set; a pupil's class is its op's own `class` value in the set, else current().
ChangeSetScope scopeOfChangeSet(const ChangeSet& changeSet, const CurrentValue& current);

// The keys whose sets a node receives: its classes' reference data and journal of its subjects (from its
// assignments and substitution windows), and the school-wide data. Empty for the operator's node, which
// receives everything.
QList<ScopeKey> scopeKeysOf(const NodeScopes& scopes);

// Whether every op of every set indexed under the key concerns the node (concerns() says yes to each), so that a
// pull sends those sets without reading their ops: the operator's node, and one subject's journal in a class where
// the node's teacher is assigned that subject (its own groups it may write, the other subgroups it reads, R-J11;
// period marks, corrections and КТП of the subject it may write). A substitute's key, a subgroup-free reference
// key or another teacher's assignment: no, the ops decide.
bool receivesEverySetOf(const NodeScopes& scopes, const ScopeKey& key);

} // namespace tabel::sync
