// The class journal's printout gathered from the hub's merged state (shared/documents/class_journal.h): lessons,
// marks and absences of a class × subject × group between two dates, its pupils (the class's roster, or the
// group's members), the teachers assigned, and the substitutions among the lessons with both teachers' names.
#pragma once

#include "shared/core/result.h"
#include "shared/documents/class_journal.h"
#include "sync/reconcile.h"

namespace tabel::hub {

// NotFound when the hub knows no pupil of the class or group and no lesson in the span.
[[nodiscard]] Result<documents::JournalPrint> gatherJournal(const sync::RegisterView& state, const QString& classId,
                                                            const QString& subjectId, const QString& groupId,
                                                            QDate from, QDate to);

} // namespace tabel::hub
