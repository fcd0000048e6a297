// Closed periods on the node (R-S6): the hub sends the periods closed when it answers (enrolment, every pull);
// the node keeps the last list in its `sync` key/value table (key `closed_periods`, JSON; no schema change), and
// after a command that recorded a change it tells the teacher at once when the change falls in a closed period: it
// stays recorded and is pushed, and the hub holds it as an amendment request for the operator. Shared by tabel-node
// and the web journal (node/web).
#pragma once

#include "node/store/node_store.h"
#include "shared/core/result.h"
#include "sync/scope.h"

#include <QList>
#include <QStringList>

namespace tabel::node {

// Replaces the stored list (an empty list: nothing is closed).
[[nodiscard]] Status saveClosedPeriods(NodeStore& store, const QList<sync::ClosedPeriod>& periods);
// The list the last enrolment or sync stored; empty when none.
[[nodiscard]] Result<QList<sync::ClosedPeriod>> storedClosedPeriods(NodeStore& store);
// The seq of this device's last change set (0: none yet).
[[nodiscard]] Result<std::int64_t> lastOwnSeq(NodeStore& store);
// One line per closed period that this device's change sets after `afterSeq` edit, for the teacher.
[[nodiscard]] Result<QStringList> closedPeriodNotices(NodeStore& store, std::int64_t afterSeq);

} // namespace tabel::node
