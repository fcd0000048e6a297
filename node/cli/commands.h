// The commands of tabel-node: a thin layer over tabel::node::Journal and tabel::node::NodeStore. Every
// argument is checked before the store is opened, so a typo never costs a key derivation.
#pragma once

#include "node/cli/args.h"

#include <QList>
#include <QStringList>

namespace tabel::node::cli {

// The command table, with translated help texts (call after the translator is installed).
QList<CommandSpec> commandTable();

// Runs tabel-node with its arguments (without the program name); returns the exit code (exit_codes.h).
int run(const QStringList& arguments);

} // namespace tabel::node::cli
