// The school's profile (issue 11): `school set [--name …] [--address …] [--director …] [--deputy …]
// [--secretary …]` and `school show [--json]`. Reference data written by the hub as the operator, so every node
// receives it with its next sync and prints it in its forms' headers.
#pragma once

#include "hub/cli/cli.h"

namespace tabel::hub::cli {

Status cmdSchoolSet(const Invocation& inv);
Status cmdSchoolShow(const Invocation& inv);

} // namespace tabel::hub::cli
