// The operator's work on the hub's data (R-J1, R-S5): imports of reference data and conflicts. The commands of
// tabel-hub's table in main.cpp call these; they live in commands_operator.cpp.
#pragma once

#include "hub/cli/cli.h"

namespace tabel::hub::cli {

Status cmdImport(const Invocation& inv);           // import roster|timetable|calendar FILE
Status cmdConflictsList(const Invocation& inv);    // conflicts list [--class C] [--json]
Status cmdConflictsShow(const Invocation& inv);    // conflicts show ID [--json]
Status cmdConflictsResolve(const Invocation& inv); // conflicts resolve ID --keep N | --value V

} // namespace tabel::hub::cli
