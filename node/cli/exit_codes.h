// Exit codes of tabel-node. Scripts rely on them; `tabel-node --help` lists the same table.
//
//   0  ok
//   1  internal error (a bug, or the system failed: disk full, I/O error on the store)
//   2  usage error: unknown command or option, a missing or malformed argument; the message names the
//      argument and the expected form. Checked before the store is opened, so it never costs a key derivation.
//   3  wrong passphrase
//   4  the store is damaged or was altered (ErrorCode::Corrupt)
//   5  bad input file: a malformed CSV or submission file, or an I/O error while reading it
//   6  rejected by a rule of the regulation; the message starts with the clause ("3.5: …")
//   7  not found: no store in the folder, no such lesson, pupil, task, submission …
//   8  the store is busy: another program holds it
//   9  already exists (a store in that folder, an output file)
//  10  unsupported: the store or a file was written by a newer tabel
//  11  crypto failure (also: the hub's certificate is not the pinned one)
//  12  the hub cannot be reached (sync, enroll): nothing was lost, the changes stay pending
//  13  the hub refused the request (suspended, unknown device, a used code, another teacher's code)
#pragma once

#include "shared/core/result.h"

namespace tabel::node::cli {

enum ExitCode : int {
    kExitOk = 0,
    kExitInternal = 1,
    kExitUsage = 2,
    kExitWrongPassphrase = 3,
    kExitCorrupt = 4,
    kExitBadInput = 5,
    kExitRule = 6,
    kExitNotFound = 7,
    kExitBusy = 8,
    kExitExists = 9,
    kExitUnsupported = 10,
    kExitCrypto = 11,
    kExitUnreachable = 12,
    kExitHubRefused = 13,
};

// Where an error came from: an I/O error or a missing file is "bad input" (5) when it concerns a file the user
// handed in, and a system failure (1) when it concerns the store.
enum class ErrorSource { Store, InputFile };

// The one mapping from tabel's error codes to exit codes.
constexpr int exitCodeFor(ErrorCode code, ErrorSource source = ErrorSource::Store) {
    switch (code) {
    case ErrorCode::Internal:
        return kExitInternal;
    case ErrorCode::InvalidArgument:
        return kExitUsage;
    case ErrorCode::InvalidInput:
        return kExitBadInput;
    case ErrorCode::RuleViolation:
        return kExitRule;
    case ErrorCode::NotFound:
        return source == ErrorSource::InputFile ? kExitBadInput : kExitNotFound;
    case ErrorCode::AlreadyExists:
        return kExitExists;
    case ErrorCode::WrongPassphrase:
        return kExitWrongPassphrase;
    case ErrorCode::Corrupt:
        return kExitCorrupt;
    case ErrorCode::Io:
        return source == ErrorSource::InputFile ? kExitBadInput : kExitInternal;
    case ErrorCode::Storage:
        return kExitInternal;
    case ErrorCode::Busy:
        return kExitBusy;
    case ErrorCode::Crypto:
        return kExitCrypto;
    case ErrorCode::Unsupported:
        return kExitUnsupported;
    }
    return kExitInternal;
}

} // namespace tabel::node::cli
