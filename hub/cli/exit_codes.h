// Exit codes of tabel-hub, the same numbers as tabel-node's (node/cli/exit_codes.h) where they apply. Scripts
// rely on them; `tabel-hub --help` lists them.
//
//   0  ok
//   1  internal error (a bug, or the system failed: disk full, I/O error on the store, the port is taken)
//   2  usage error: unknown command or option, a missing or malformed argument
//   4  the store is damaged or was altered
//   5  bad input: a line of an imported file
//   6  refused by a rule of the regulation (the message starts with its clause)
//   7  not found (no such node)
//   8  the store is busy: another program holds it
//   9  already exists
//  10  unsupported: the store was written by a newer tabel
//  11  crypto failure
#pragma once

#include "shared/core/result.h"

namespace tabel::hub::cli {

enum ExitCode : int {
    kExitOk = 0,
    kExitInternal = 1,
    kExitUsage = 2,
    kExitCorrupt = 4,
    kExitBadInput = 5,
    kExitRule = 6,
    kExitNotFound = 7,
    kExitBusy = 8,
    kExitExists = 9,
    kExitUnsupported = 10,
    kExitCrypto = 11,
};

constexpr int exitCodeFor(ErrorCode code) {
    switch (code) {
    case ErrorCode::InvalidArgument:
        return kExitUsage;
    case ErrorCode::InvalidInput:
        return kExitBadInput;
    case ErrorCode::NotFound:
        return kExitNotFound;
    case ErrorCode::AlreadyExists:
        return kExitExists;
    case ErrorCode::Corrupt:
    case ErrorCode::WrongPassphrase:
        return kExitCorrupt;
    case ErrorCode::Busy:
        return kExitBusy;
    case ErrorCode::Crypto:
        return kExitCrypto;
    case ErrorCode::Unsupported:
        return kExitUnsupported;
    case ErrorCode::RuleViolation:
        return kExitRule;
    case ErrorCode::Internal:
    case ErrorCode::Io:
    case ErrorCode::Storage:
        break;
    }
    return kExitInternal;
}

} // namespace tabel::hub::cli
