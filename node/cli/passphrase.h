// Where tabel-node gets a passphrase from: a file (--passphrase-file), an environment variable, or a prompt on
// the terminal without echo. The passphrase goes straight into guarded memory (SecretBytes); it never becomes a
// QString, and every temporary buffer is wiped.
#pragma once

#include "shared/core/result.h"
#include "shared/crypto/secret.h"

#include <QString>

#include <optional>

namespace tabel::node::cli {

// The first line of a file, trailing "\r\n" stripped. InvalidArgument naming the file when it is missing,
// unreadable or empty.
[[nodiscard]] Result<crypto::SecretBytes> readPassphraseFile(const QString& path, const QString& option);

// The value of an environment variable, when set and not empty.
std::optional<crypto::SecretBytes> passphraseFromEnvironment(const char* variable);

// True when /dev/tty can be opened (a terminal to ask on).
bool terminalAvailable();

// Asks on /dev/tty with echo off. NotFound when there is no terminal, InvalidArgument when nothing was typed.
[[nodiscard]] Result<crypto::SecretBytes> promptPassphrase(const QString& prompt);

// Where a passphrase may come from, in order: file, environment variable, terminal prompt.
struct PassphraseSource {
    QString file;       // from an option; empty when not given
    QString fileOption; // "--passphrase-file", for messages
    const char* environmentVariable = "TABEL_PASSPHRASE";
    QString prompt;       // "Passphrase: "
    QString repeatPrompt; // asked as well when confirming a new passphrase at the terminal
    QString missingHint;  // the message when there is no source at all
};

// Resolves a passphrase from its sources. With confirm, a prompted passphrase is asked twice and must match.
// Errors are InvalidArgument (no source, mismatch, bad file).
[[nodiscard]] Result<crypto::SecretBytes> obtainPassphrase(const PassphraseSource& source, bool confirm);

} // namespace tabel::node::cli
