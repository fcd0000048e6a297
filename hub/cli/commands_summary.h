// The summary sheet (R-S8, 2.5.8): `summary --class C [--period P] [--csv|--json]`. The command table in main.cpp
// calls it; it lives in commands_summary.cpp, the sheet itself in hub/summary/summary.h.
#pragma once

#include "hub/cli/cli.h"

namespace tabel::hub::cli {

Status cmdSummary(const Invocation& inv);

} // namespace tabel::hub::cli
