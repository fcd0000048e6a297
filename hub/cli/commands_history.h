// The hub's history in git (R-S7): who changed a field, when, from which device, old → new; and the export of
// the history as standard bare repositories. The command table in main.cpp calls these; commands_history.cpp.
#pragma once

#include "hub/cli/cli.h"

namespace tabel::hub::cli {

Status cmdHistory(const Invocation& inv);   // history [--class C] [--entity KEY] [--pupil ID] [--limit N] [--json]
Status cmdExportGit(const Invocation& inv); // export-git DIR

} // namespace tabel::hub::cli
