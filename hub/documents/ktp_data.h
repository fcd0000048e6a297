// The КТП printout's data (shared/documents/ktp.h) gathered from the hub's merged state: the class × subject's
// topics and correction sheet, the lessons tied to each topic, and the teachers assigned.
#pragma once

#include "shared/core/result.h"
#include "shared/documents/ktp.h"
#include "sync/reconcile.h"

namespace tabel::hub {

// NotFound when the hub holds no КТП topic of the class and subject.
[[nodiscard]] Result<documents::KtpPrint> gatherKtp(const sync::RegisterView& state, const QString& classId,
                                                    const QString& subjectId);

} // namespace tabel::hub
