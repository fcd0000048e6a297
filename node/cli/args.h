// tabel-node's command line: global options anywhere, a command (with a subcommand for the command groups),
// the command's options and positional arguments. Unknown options, missing values and missing required options
// are usage errors (exit 2) whose message names the option and the expected form.
#pragma once

#include "shared/core/result.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>

namespace tabel::node::cli {

struct OptionSpec {
    QString name;      // without "--"
    QString valueName; // "DATE"; empty for a flag
    QString help;
    bool required = false;
    bool hidden = false; // for tests; not in --help
    bool isFlag() const { return valueName.isEmpty(); }
    QString synopsis() const; // "--due DATE"
};

struct PositionalSpec {
    QString name; // "FILE"
    QString help;
};

class Invocation;

struct CommandSpec {
    QString group; // "mark"; for a command without subcommands the command itself
    QString sub;   // "set"; empty for a command without subcommands
    QString summary;
    QString description; // more lines for --help; may be empty
    QList<PositionalSpec> positionals;
    QList<OptionSpec> options;
    std::function<int(Invocation&)> run;

    QString fullName() const { return sub.isEmpty() ? group : group + u' ' + sub; }
    const OptionSpec* option(const QString& name) const;
};

struct GlobalOptions {
    QString storeDir;       // resolved: --store, $TABEL_STORE, ~/.local/share/tabel/node
    QString passphraseFile; // empty when not given
};

// A parsed command line for one command.
class Invocation {
public:
    const CommandSpec* spec = nullptr;
    GlobalOptions globals;
    QHash<QString, QString> values;
    QSet<QString> flags;
    QStringList positionals;

    bool has(const QString& name) const { return values.contains(name) || flags.contains(name); }
    QString value(const QString& name, const QString& fallback = {}) const { return values.value(name, fallback); }
};

// What the command line asks for.
struct ParseOutcome {
    enum Kind { Run, ProgramHelp, GroupHelp, CommandHelp, Version } kind = Run;
    QString group; // for GroupHelp
    Invocation invocation;
};

// Global options known everywhere.
QList<OptionSpec> globalOptionSpecs();

// Parses arguments (without the program name) against the command table. Errors are InvalidArgument; `command`
// receives the command recognised so far ("mark set", "mark" or empty), for the hint that points at its --help.
[[nodiscard]] Result<ParseOutcome> parseCommandLine(const QStringList& arguments, const QList<CommandSpec>& commands,
                                                    QString& command);

} // namespace tabel::node::cli
