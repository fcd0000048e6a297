// Printed forms and their register (issue 11, 2.5.10): `print summary --class C [--period P] --out FILE`
// (.pdf or .html by the extension), `prints list [--json]`, `prints verify FILE`. Every print is numbered and
// registered with the SHA-256 of its file before the file appears where it was asked for.
#pragma once

#include "hub/cli/cli.h"

namespace tabel::hub::cli {

Status cmdPrintSummary(const Invocation& inv);
Status cmdPrintJournal(const Invocation& inv);
Status cmdPrintSubstitutions(const Invocation& inv);
Status cmdPrintExtract(const Invocation& inv);
Status cmdPrintKtp(const Invocation& inv);
Status cmdPrintsList(const Invocation& inv);
Status cmdPrintsVerify(const Invocation& inv);

} // namespace tabel::hub::cli
