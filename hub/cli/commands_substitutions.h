// Substitutions (R-J10, 2.5.4): `substitution add` records who stands in for whom in which lesson, as one change set
// of the hub's device; the substitute's node may then write that lesson (R-S6) and receives it at its next sync.
// `substitution list` prints the substitution journal. The command table in main.cpp calls these.
#pragma once

#include "hub/cli/cli.h"

namespace tabel::hub::cli {

// substitution add --date D --slot N --class C --subject S [--group G] --absent T --substitute T [--reason TEXT]
Status cmdSubstitutionAdd(const Invocation& inv);
// substitution list [--from D] [--to D] [--class C] [--json]
Status cmdSubstitutionList(const Invocation& inv);

} // namespace tabel::hub::cli
