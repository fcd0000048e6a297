// What a node receives (R-S4, R-S6): the read side of its scopes. checkScope() (scope.h) says what a node may
// write; concerns() says which ops the hub sends it on pull and which open conflicts it is told of.
//
//   - whatever the node may write (checkScope not Rejected): its lessons, marks, tasks … and other teachers'
//     writes to the same class, subject and group;
//   - the other subgroups' lessons, marks, attendance, tasks and submissions of a class and subject it teaches
//     (R-J11: the class view is the union of the subgroups; it reads them and cannot write them);
//   - school-wide reference data: year/, period/, holiday/, subject/, teacher/;
//   - reference data of a class the node teaches (an assignment's class): class/, member/, slot/, pupil/ (by the
//     pupil's class), assign/ (and the teacher's own assign/ of any class), subst/ of its classes or naming the
//     node's teacher as the substitute;
//   - everything, for the operator's node.
// Pure: the hub passes in how to read a field's current value (a pupil's class, a substitution's substitute).
#pragma once

#include "shared/domain/fields.h"
#include "sync/op.h"
#include "sync/scope.h"

#include <functional>

namespace tabel::sync {

// The current (merged) value of a field; null when unknown.
using CurrentValue = std::function<domain::FieldValue(const QString& entity, const QString& field)>;

bool concerns(const NodeScopes& scopes, const QString& entity, const CurrentValue& current);
// Whether an open conflict on the entity is the node's to be told of: as concerns(), without the other subgroups'
// journal, which the node reads but whose conflicts neither it nor its teacher can resolve.
bool concernsConflict(const NodeScopes& scopes, const QString& entity, const CurrentValue& current);
// An op: its own value counts for the fields that decide (a pupil's class in the same change set).
bool concerns(const NodeScopes& scopes, const Op& op, const CurrentValue& current);

} // namespace tabel::sync
