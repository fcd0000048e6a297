// What the hub decides about a node's change set once its signature, sequence and scope have passed (issue 9):
// it trusts no value a device sends. The set is judged as the entities it writes will be after it — the merged
// fields overlaid with the set's ops — by the same typed readers and rules the node uses (shared/domain).
//
//   - Values (R-J2 and every field's type): an entity that does not read as its type — a mark «7», a period mark
//     «7», an absence reason «XYZ», a field its kind does not have, a date that does not parse — refuses the set.
//   - References that no correct node can miss: the pupil must be on the school's roster, a mark's and an
//     absence's lesson must exist (3.4), a submission's task must exist: refused.
//   - Rules decided by the entry alone: a lesson mark's kind and weight (R-J2), self-study graded 5, 4, 3 or зач
//     (4.4, R-J7), a period mark's 2.5.6 window by its signed device time without an override reason (R-J9), a
//     correction's old mark, explanation and approver (2.6.8): refused.
//   - Rules judged by data another device may have changed since the node last synced: the pupil now in another
//     class, or not in the subgroup (2.5.5); a mark and an absence without illness of one pupil in one lesson
//     (3.5) written by different sets; a period mark entered in the window by the device's clock but received
//     long after it (R-J9: judged by device time and receipt time); a correction whose old mark is no longer the
//     current one (2.6.8): held for the operator, who accepts or declines it (`tabel-hub amendments`).
// ARCHITECTURE.md ("What the hub checks") holds the table and why.
#pragma once

#include "sync/op.h"
#include "sync/reconcile.h"

#include <QString>

namespace tabel::sync {

enum class Verdict { Accept, Refuse, Hold };

struct Judgement {
    Verdict verdict = Verdict::Accept;
    QString reason; // names the op (its number in the set), the entry and the problem, in words an operator reads
};

// A period mark entered inside its window by the device's clock but received more than this many days after the
// window closed is held: the device's clock may have been set back (R-J9).
constexpr int kLateReceiptDays = 14;

// merged: the hub's registers before the set. receivedMs: the hub's receipt time.
Judgement judgeChangeSet(const ChangeSet& changeSet, const RegisterView& merged, qint64 receivedMs);

} // namespace tabel::sync
