#include "node/cli/args.h"

#include <QCoreApplication>
#include <QDir>

namespace tabel::node::cli {

namespace {

Error usage(const QString& message) {
    return makeError(ErrorCode::InvalidArgument, message);
}

bool isHelp(const QString& token) {
    return token == u"--help" || token == u"-h";
}

// Splits "--name=value" into name and value; "--name" gives no value.
struct OptionToken {
    QString name;
    std::optional<QString> inlineValue;
};
OptionToken splitOption(const QString& token) {
    const QString body = token.mid(2);
    const qsizetype eq = body.indexOf(u'=');
    if (eq < 0)
        return {body, std::nullopt};
    return {body.left(eq), body.mid(eq + 1)};
}

bool looksLikeOption(const QString& token) {
    return token.startsWith(u'-') && token.size() > 1;
}

bool isNumber(const QString& token) {
    bool ok = false;
    token.toDouble(&ok);
    return ok;
}

} // namespace

QString OptionSpec::synopsis() const {
    return isFlag() ? QStringLiteral("--") + name : QStringLiteral("--") + name + u' ' + valueName;
}

const OptionSpec* CommandSpec::option(const QString& name) const {
    for (const OptionSpec& o : options)
        if (o.name == name)
            return &o;
    return nullptr;
}

QList<OptionSpec> globalOptionSpecs() {
    return {
        {QStringLiteral("store"), QStringLiteral("DIR"),
         QCoreApplication::translate("tabel-node",
                                     "the store folder (default: $TABEL_STORE, else ~/.local/share/tabel/node)")},
        {QStringLiteral("passphrase-file"), QStringLiteral("FILE"),
         QCoreApplication::translate("tabel-node", "read the passphrase from the first line of FILE (else "
                                                   "$TABEL_PASSPHRASE, else it is asked for without echo)")},
        {QStringLiteral("help"), {}, QCoreApplication::translate("tabel-node", "show help and exit (also -h)")},
        {QStringLiteral("version"), {}, QCoreApplication::translate("tabel-node", "show the version and exit")},
    };
}

Result<ParseOutcome> parseCommandLine(const QStringList& arguments, const QList<CommandSpec>& commands,
                                      QString& command) {
    ParseOutcome outcome;
    std::optional<QString> store, passphraseFile;
    bool help = false, version = false;
    QString group;
    const CommandSpec* spec = nullptr;

    const auto groupExists = [&](const QString& name) {
        for (const CommandSpec& c : commands)
            if (c.group == name)
                return true;
        return false;
    };
    const auto groupHasSubs = [&](const QString& name) {
        for (const CommandSpec& c : commands)
            if (c.group == name && !c.sub.isEmpty())
                return true;
        return false;
    };
    const auto subsOf = [&](const QString& name) {
        QStringList subs;
        for (const CommandSpec& c : commands)
            if (c.group == name)
                subs << c.sub;
        return subs.join(QStringLiteral(", "));
    };
    const auto findSpec = [&](const QString& g, const QString& s) -> const CommandSpec* {
        for (const CommandSpec& c : commands)
            if (c.group == g && c.sub == s)
                return &c;
        return nullptr;
    };

    // A global option at index i; returns false when the token is not one.
    const auto takeGlobal = [&](qsizetype& i, const QList<OptionSpec>& extra) -> Result<bool> {
        const QString token = arguments.at(i);
        if (isHelp(token)) {
            help = true;
            return true;
        }
        if (!token.startsWith(QLatin1String("--")))
            return false;
        const OptionToken opt = splitOption(token);
        if (opt.name == u"version" && !opt.inlineValue) {
            version = true;
            return true;
        }
        std::optional<QString>* target = nullptr;
        QString valueName;
        if (opt.name == u"store") {
            target = &store;
            valueName = QStringLiteral("DIR");
        } else if (opt.name == u"passphrase-file") {
            target = &passphraseFile;
            valueName = QStringLiteral("FILE");
        } else {
            return false;
        }
        QString value;
        if (opt.inlineValue) {
            value = *opt.inlineValue;
        } else {
            const bool next = i + 1 < arguments.size();
            bool nextIsOption = false;
            if (next && arguments.at(i + 1).startsWith(QLatin1String("--"))) {
                const QString n = splitOption(arguments.at(i + 1)).name;
                nextIsOption = n == u"store" || n == u"passphrase-file" || n == u"help" || n == u"version";
                for (const OptionSpec& o : extra)
                    nextIsOption = nextIsOption || o.name == n;
            }
            if (!next || nextIsOption)
                return usage(
                    QCoreApplication::translate("tabel-node", "--%1 needs a value: --%1 %2").arg(opt.name, valueName));
            value = arguments.at(++i);
        }
        if (value.isEmpty())
            return usage(
                QCoreApplication::translate("tabel-node", "--%1 needs a value: --%1 %2").arg(opt.name, valueName));
        if (target->has_value())
            return usage(QCoreApplication::translate("tabel-node", "--%1 is given twice").arg(opt.name));
        *target = value;
        return true;
    };

    // 1. The command (and subcommand), with global options anywhere before it.
    qsizetype i = 0;
    for (; i < arguments.size() && !spec; ++i) {
        const QString token = arguments.at(i);
        if (looksLikeOption(token)) {
            TABEL_ASSIGN_OR_RETURN(const bool global, takeGlobal(i, {}));
            if (global)
                continue;
            if (!group.isEmpty()) {
                if (help)
                    continue;
                return usage(QCoreApplication::translate("tabel-node", "«%1» needs a subcommand first: %2")
                                 .arg(group, subsOf(group)));
            }
            if (help || version)
                continue;
            return usage(
                QCoreApplication::translate("tabel-node", "unknown option %1 (options of a command go after its name)")
                    .arg(token));
        }
        if (group.isEmpty()) {
            if (token == u"help") { // "tabel-node help [COMMAND [SUB]]"
                help = true;
                continue;
            }
            if (!groupExists(token))
                return usage(QCoreApplication::translate("tabel-node", "unknown command «%1»").arg(token));
            group = token;
            command = group;
            if (!groupHasSubs(group))
                spec = findSpec(group, {});
            continue;
        }
        spec = findSpec(group, token);
        if (!spec)
            return usage(
                QCoreApplication::translate("tabel-node", "unknown subcommand «%1» of «%2»; expected one of: %3")
                    .arg(token, group, subsOf(group)));
        command = spec->fullName();
    }

    // 2. The command's own options and positional arguments.
    if (spec) {
        for (qsizetype j = i; j < arguments.size(); ++j)
            if (arguments.at(j) == u"--")
                break;
            else if (isHelp(arguments.at(j)))
                help = true;
        if (help) {
            outcome.kind = ParseOutcome::CommandHelp;
            outcome.invocation.spec = spec;
            return outcome;
        }
        Invocation& inv = outcome.invocation;
        inv.spec = spec;
        bool onlyPositionals = false;
        for (; i < arguments.size(); ++i) {
            const QString token = arguments.at(i);
            if (!onlyPositionals && token == u"--") {
                onlyPositionals = true;
                continue;
            }
            if (onlyPositionals || !looksLikeOption(token) || isNumber(token)) {
                inv.positionals << token;
                continue;
            }
            TABEL_ASSIGN_OR_RETURN(const bool global, takeGlobal(i, spec->options));
            if (global)
                continue;
            if (!token.startsWith(QLatin1String("--")))
                return usage(QCoreApplication::translate("tabel-node", "unknown option %1 for «%2»")
                                 .arg(token, spec->fullName()));
            const OptionToken opt = splitOption(token);
            const OptionSpec* o = spec->option(opt.name);
            if (!o)
                return usage(QCoreApplication::translate("tabel-node", "unknown option --%1 for «%2»")
                                 .arg(opt.name, spec->fullName()));
            if (inv.has(o->name))
                return usage(QCoreApplication::translate("tabel-node", "--%1 is given twice").arg(o->name));
            if (o->isFlag()) {
                if (opt.inlineValue)
                    return usage(QCoreApplication::translate("tabel-node", "--%1 takes no value").arg(o->name));
                inv.flags.insert(o->name);
                continue;
            }
            QString value;
            if (opt.inlineValue) {
                value = *opt.inlineValue;
            } else {
                bool missing = i + 1 >= arguments.size();
                if (!missing && arguments.at(i + 1).startsWith(QLatin1String("--"))) {
                    const QString n = splitOption(arguments.at(i + 1)).name;
                    missing = spec->option(n) || n == u"store" || n == u"passphrase-file" || n == u"help";
                }
                if (missing)
                    return usage(QCoreApplication::translate("tabel-node", "%1 needs a value: %2")
                                     .arg(QStringLiteral("--") + o->name, o->synopsis()));
                value = arguments.at(++i);
            }
            inv.values.insert(o->name, value);
        }
        if (inv.positionals.size() > spec->positionals.size())
            return usage(QCoreApplication::translate("tabel-node", "unexpected argument «%1» for «%2»")
                             .arg(inv.positionals.at(spec->positionals.size()), spec->fullName()));
        if (inv.positionals.size() < spec->positionals.size()) {
            const PositionalSpec& p = spec->positionals.at(inv.positionals.size());
            return usage(QCoreApplication::translate("tabel-node", "missing argument %1 (%2)").arg(p.name, p.help));
        }
        QStringList missing;
        for (const OptionSpec& o : spec->options)
            if (o.required && !inv.has(o.name))
                missing << o.synopsis();
        if (!missing.isEmpty())
            return usage(missing.size() == 1
                             ? QCoreApplication::translate("tabel-node", "missing required option %1").arg(missing[0])
                             : QCoreApplication::translate("tabel-node", "missing required options: %1")
                                   .arg(missing.join(QStringLiteral(", "))));
    }

    if (version && !help) {
        outcome.kind = ParseOutcome::Version;
        return outcome;
    }
    if (help || !spec) {
        if (!help && group.isEmpty())
            return usage(QCoreApplication::translate("tabel-node", "no command given"));
        if (!help)
            return usage(
                QCoreApplication::translate("tabel-node", "«%1» needs a subcommand: %2").arg(group, subsOf(group)));
        outcome.kind = group.isEmpty() ? ParseOutcome::ProgramHelp : ParseOutcome::GroupHelp;
        outcome.group = group;
        return outcome;
    }

    GlobalOptions& g = outcome.invocation.globals;
    if (store)
        g.storeDir = *store;
    else if (const QString env = qEnvironmentVariable("TABEL_STORE"); !env.isEmpty())
        g.storeDir = env;
    else
        g.storeDir = QDir::homePath() + QStringLiteral("/.local/share/tabel/node");
    g.storeDir = QDir::cleanPath(QDir(g.storeDir).absolutePath());
    g.passphraseFile = passphraseFile.value_or(QString());
    return outcome;
}

} // namespace tabel::node::cli
