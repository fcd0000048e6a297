// Authority (R-S6, R-J10, R-J11): may a node write an op? Pure: the hub passes in the node's scopes, and the
// class, subject, group, date and slot come from the op's entity key (shared/domain/model.h).
//
// A node writes within its teacher's assignments (teacher × class × subject × group) and substitution windows
// (date × slot × class × group × subject: lessons, their marks and attendance only). Reference data (pupils,
// classes, timetable, assignments, calendar, substitutions) is the operator's. An allowed op whose date lies
// in a closed period is not merged: it becomes an amendment request for the operator.
#pragma once

#include "shared/domain/model.h"
#include "shared/domain/rules.h"
#include "sync/op.h"

#include <QDate>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace tabel::sync {

struct SubstitutionWindow {
    QDate date;
    int slot = 1;
    QString classId, groupId, subjectId;
};

struct ClosedPeriod {
    QString classId; // empty: every class
    QDate start, end;
    QString periodId; // "q1", "h2", "annual"; matched against the period of pmark/ and corr/ keys
    friend bool operator==(const ClosedPeriod&, const ClosedPeriod&) = default;
};

struct NodeScopes {
    QString teacherId;
    bool isOperator = false;                 // the operator's device may write anything, closed periods included
    QList<domain::Assignment> assignments;   // those of other teachers are ignored
    QList<SubstitutionWindow> substitutions; // windows in which teacherId is the substitute
    QList<ClosedPeriod> closedPeriods;
};

// What the key does not say: the date of a task (issued), a submission (received) or a КТП correction entry
// (date), for the closed-period check. Without it those entities are not checked against closed periods.
struct EntityContext {
    std::optional<QDate> date;
};

enum class ScopeVerdict { Allowed, Rejected, AmendmentRequest };

struct ScopeDecision {
    ScopeVerdict verdict = ScopeVerdict::Allowed;
    QString reason;   // for Rejected and AmendmentRequest: names the scope or the closed period
    QString periodId; // for AmendmentRequest
    bool allowed() const { return verdict == ScopeVerdict::Allowed; }
};

// names: what the messages show instead of ids (the hub fills them from its merged state).
ScopeDecision checkScope(const NodeScopes& scopes, const Op& op, const EntityContext& context = {},
                         const domain::rules::Names& names = {});

// The yes/no of checkScope without its message, for the hub's pull (what a node is sent is decided per change set
// and must cost nothing when the answer is no): true when checkScope would not refuse an op on that entity (an
// edit of a closed period is still the node's to write, as an amendment request). Keys read by
// shared/domain/entity_key.h.
bool mayWrite(const NodeScopes& scopes, const QString& entity);

// Every op of a change set, and its author (who must be the node's teacher): Rejected if any op is, else an
// AmendmentRequest if any op is one, else Allowed. contextOf may be empty.
ScopeDecision checkChangeSetScope(const NodeScopes& scopes, const ChangeSet& changeSet,
                                  const std::function<EntityContext(const Op&)>& contextOf = {},
                                  const domain::rules::Names& names = {});

} // namespace tabel::sync
