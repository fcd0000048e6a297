// Closed periods and amendment requests (R-S6): `period close|reopen|list` and `amendments list|accept|decline`.
// The command table in main.cpp calls these; they live in commands_periods.cpp.
#pragma once

#include "hub/cli/cli.h"

namespace tabel::hub::cli {

Status cmdPeriodClose(const Invocation& inv);       // period close PERIOD-ID [--class C] [--from D --to D] [--year Y]
Status cmdPeriodReopen(const Invocation& inv);      // period reopen PERIOD-ID [--class C]
Status cmdPeriodList(const Invocation& inv);        // period list [--json]
Status cmdAmendmentsList(const Invocation& inv);    // amendments list [--all] [--json]
Status cmdAmendmentsAccept(const Invocation& inv);  // amendments accept ID
Status cmdAmendmentsDecline(const Invocation& inv); // amendments decline ID --reason TEXT

} // namespace tabel::hub::cli
