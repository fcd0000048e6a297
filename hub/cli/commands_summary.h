// The summary sheet (R-S8, 2.5.8): `summary --class C [--period P] [--csv|--json]`. The command table in main.cpp
// calls it; it lives in commands_summary.cpp, the sheet itself in hub/summary/summary.h.
#pragma once

#include "hub/cli/cli.h"

namespace tabel::hub::cli {

// --class and --period (optional) of `summary` and `print summary`, checked; a usage error names the option.
struct SummaryOptions {
    QString classId, periodId; // periodId empty: every period
};
Result<SummaryOptions> summaryOptions(const Invocation& inv);

Status cmdSummary(const Invocation& inv);

} // namespace tabel::hub::cli
