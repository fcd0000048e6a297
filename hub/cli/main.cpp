// tabel-hub: the school hub's command line. `tabel-hub --help`, hub/README.md and hub/cli/exit_codes.h.
//
//   tabel-hub [--store DIR] serve [--listen ADDRESS:PORT]
//   tabel-hub [--store DIR] node add --teacher ID --name NAME --assign CLASS/SUBJECT/GROUP [--assign …]
//   tabel-hub [--store DIR] node list | node suspend ID | node resume ID
//   tabel-hub [--store DIR] import roster|timetable|calendar FILE
//   tabel-hub [--store DIR] conflicts list [--class CLASS] [--json] | conflicts show ID [--json]
//   tabel-hub [--store DIR] conflicts resolve ID (--keep N | --value VALUE)
//   tabel-hub [--store DIR] period close PERIOD-ID [--class C] [--from DATE --to DATE] [--year Y]
//   tabel-hub [--store DIR] period reopen PERIOD-ID [--class C] | period list [--json]
//   tabel-hub [--store DIR] amendments list [--all] [--json] | amendments accept ID | amendments decline ID --reason T
//   tabel-hub [--store DIR] summary --class C [--period P] [--csv | --json]
//   tabel-hub [--store DIR] school set [--name T] [--address T] [--director N] [--deputy N] [--secretary N]
//   tabel-hub [--store DIR] school show [--json]
//   tabel-hub [--store DIR] print summary --class C [--period P] --out FILE.pdf|FILE.html|FILE.xlsx
//   tabel-hub [--store DIR] print journal --class C --subject S [--group G] (--period P | --from D --to D) --out FILE
//   tabel-hub [--store DIR] print substitutions --from D --to D [--class C] --out FILE
//   tabel-hub [--store DIR] print extract --pupil ID [--date D] --out FILE
//   tabel-hub [--store DIR] print ktp --class C --subject S --out FILE
//   tabel-hub [--store DIR] prints list [--json] | prints verify FILE
//   tabel-hub [--store DIR] substitution add --date D --slot N --class C --subject S [--group G] --absent T
//                           --substitute T [--reason TEXT]
//   tabel-hub [--store DIR] substitution list [--from D] [--to D] [--class C] [--json]
#include "hub/cli/cli.h"
#include "hub/cli/commands_history.h"
#include "hub/cli/commands_operator.h"
#include "hub/cli/commands_periods.h"
#include "hub/cli/commands_print.h"
#include "hub/cli/commands_school.h"
#include "hub/cli/commands_substitutions.h"
#include "hub/cli/commands_summary.h"
#include "hub/cli/exit_codes.h"
#include "hub/server/hub_server.h"
#include "hub/server/tls.h"
#include "hub/store/hub_store.h"
#include "shared/core/i18n.h"
#include "shared/crypto/secret.h"
#include "shared/domain/model.h"

#include <QCoreApplication>
#include <QDir>
#include <QGuiApplication>
#include <QHostAddress>
#include <QLoggingCategory>

#include <algorithm>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>

namespace tabel::hub::cli {

namespace {

// ---- The command table ----

struct Option {
    QString name;      // without "--"
    QString valueName; // empty: a flag
    QString help;
    bool required = false;
    bool repeatable = false;
    QString synopsis() const {
        return valueName.isEmpty() ? QStringLiteral("--") + name : QStringLiteral("--") + name + u' ' + valueName;
    }
};

struct Command {
    QString group, sub;
    QString summary;
    QStringList positionals; // names, e.g. "ID"
    QList<Option> options;
    std::function<Status(const Invocation&)> run;
    QString fullName() const { return sub.isEmpty() ? group : group + u' ' + sub; }
};

Status cmdServe(const Invocation& inv);
Status cmdNodeAdd(const Invocation& inv);
Status cmdNodeList(const Invocation& inv);
Status cmdNodeSuspend(const Invocation& inv);
Status cmdNodeResume(const Invocation& inv);
Status cmdCheck(const Invocation& inv);

QList<Command> commandTable() {
    return {
        {QStringLiteral("serve"),
         {},
         t("serve the HTTPS API to the nodes (loopback only unless --listen says otherwise)"),
         {},
         {{QStringLiteral("listen"), QStringLiteral("ADDRESS:PORT"),
           t("where to listen (default: 127.0.0.1:8443); 0 as the port picks a free one")},
          {QStringLiteral("max-connections"), QStringLiteral("N"),
           t("connections served at once, from all devices (default: 64)")},
          {QStringLiteral("max-per-address"), QStringLiteral("N"),
           t("connections at once from one address (default: 8; raise it when devices share an address behind NAT)")},
          {QStringLiteral("max-buffered-mib"), QStringLiteral("N"),
           t("MiB of request bodies all connections may hold in memory at once (default: 64)")},
          {QStringLiteral("timeout"), QStringLiteral("SECONDS"),
           t("time for the TLS handshake, for a request's header and for an idle connection (default: 5)")}},
         cmdServe},
        {QStringLiteral("node"),
         QStringLiteral("add"),
         t("register a teacher's device and print its one-time enrolment code"),
         {},
         {{QStringLiteral("teacher"), QStringLiteral("ID"), t("the teacher's id at the school"), true},
          {QStringLiteral("name"), QStringLiteral("\"FULL NAME\""), t("the teacher's full name"), true},
          {QStringLiteral("assign"), QStringLiteral("CLASS/SUBJECT/GROUP"),
           t("what the teacher may write, e.g. 7А/math/all; repeat for more"), false, true},
          {QStringLiteral("operator"), {}, t("the operator's device: may write everything")},
          {QStringLiteral("valid-days"), QStringLiteral("N"), t("how many days the code stays valid (default: 7)")}},
         cmdNodeAdd},
        {QStringLiteral("node"),
         QStringLiteral("list"),
         t("list the nodes, their scopes and last sync"),
         {},
         {},
         cmdNodeList},
        {QStringLiteral("node"),
         QStringLiteral("suspend"),
         t("refuse every request of a node at once"),
         {QStringLiteral("ID")},
         {},
         cmdNodeSuspend},
        {QStringLiteral("node"),
         QStringLiteral("resume"),
         t("accept a suspended node again"),
         {QStringLiteral("ID")},
         {},
         cmdNodeResume},
        {QStringLiteral("check"),
         {},
         t("check the hub store: SQLite integrity, signatures of the log, sequence gaps, the stored "
           "acknowledgements"),
         {},
         {},
         cmdCheck},
        {QStringLiteral("import"),
         {},
         t("import reference data (roster, timetable or calendar CSV) as one change set of the hub for the nodes"),
         {QStringLiteral("roster|timetable|calendar"), QStringLiteral("FILE")},
         {},
         cmdImport},
        {QStringLiteral("conflicts"),
         QStringLiteral("list"),
         t("list the fields in conflict, waiting for the operator"),
         {},
         {{QStringLiteral("class"), QStringLiteral("CLASS"), t("only those of one class, e.g. 7А")},
          {QStringLiteral("json"), {}, t("print JSON")}},
         cmdConflictsList},
        {QStringLiteral("conflicts"),
         QStringLiteral("show"),
         t("show a conflict: the base value and every value with its teacher, node, device and time"),
         {QStringLiteral("ID")},
         {{QStringLiteral("json"), {}, t("print JSON")}},
         cmdConflictsShow},
        {QStringLiteral("conflicts"),
         QStringLiteral("resolve"),
         t("resolve a conflict with one of its values or another; the nodes receive it at their next sync"),
         {QStringLiteral("ID")},
         {{QStringLiteral("keep"), QStringLiteral("N"), t("keep value N as «conflicts show» numbers them")},
          {QStringLiteral("value"), QStringLiteral("VALUE"), t("enter another value")}},
         cmdConflictsResolve},
        {QStringLiteral("period"),
         QStringLiteral("close"),
         t("close a period: later edits to it become amendment requests for the operator (R-S6)"),
         {QStringLiteral("PERIOD-ID")},
         {{QStringLiteral("class"), QStringLiteral("CLASS"), t("close it for one class only (default: every class)")},
          {QStringLiteral("from"), QStringLiteral("DATE"), t("first day, when the hub's calendar does not know it")},
          {QStringLiteral("to"), QStringLiteral("DATE"), t("last day, with --from")},
          {QStringLiteral("year"), QStringLiteral("YEAR"), t("the school year, when the calendar has several")}},
         cmdPeriodClose},
        {QStringLiteral("period"),
         QStringLiteral("reopen"),
         t("open a closed period again: edits to it merge again"),
         {QStringLiteral("PERIOD-ID")},
         {{QStringLiteral("class"), QStringLiteral("CLASS"), t("the class it was closed for (default: every class)")}},
         cmdPeriodReopen},
        {QStringLiteral("period"),
         QStringLiteral("list"),
         t("list the closed periods"),
         {},
         {{QStringLiteral("json"), {}, t("print JSON")}},
         cmdPeriodList},
        {QStringLiteral("amendments"),
         QStringLiteral("list"),
         t("list the amendment requests waiting for a decision (edits to closed periods)"),
         {},
         {{QStringLiteral("all"), {}, t("the decided ones too")}, {QStringLiteral("json"), {}, t("print JSON")}},
         cmdAmendmentsList},
        {QStringLiteral("amendments"),
         QStringLiteral("accept"),
         t("merge an amendment request as if it arrived now; the nodes receive it at their next sync"),
         {QStringLiteral("ID")},
         {},
         cmdAmendmentsAccept},
        {QStringLiteral("amendments"),
         QStringLiteral("decline"),
         t("refuse an amendment request; it stays in the log with the reason, which its teacher is told"),
         {QStringLiteral("ID")},
         {{QStringLiteral("reason"), QStringLiteral("TEXT"), t("why, for the teacher"), true}},
         cmdAmendmentsDecline},
        {QStringLiteral("summary"),
         {},
         t("the summary sheet of a class (2.5.8): period marks and absences from the merged data, and each "
           "teacher's last sync; reading it is audited"),
         {},
         {{QStringLiteral("class"), QStringLiteral("CLASS"), t("the class, e.g. 7А"), true},
          {QStringLiteral("period"), QStringLiteral("PERIOD"), t("one period, e.g. q1 (default: every period)")},
          {QStringLiteral("csv"), {}, t("print CSV")},
          {QStringLiteral("json"), {}, t("print JSON")}},
         cmdSummary},
        {QStringLiteral("school"),
         QStringLiteral("set"),
         t("set the school's profile printed in every form's header, and its rule for averages; options not given "
           "keep their value"),
         {},
         {{QStringLiteral("name"), QStringLiteral("TEXT"), t("the school's name as its charter writes it")},
          {QStringLiteral("address"), QStringLiteral("TEXT"), t("the school's address")},
          {QStringLiteral("director"), QStringLiteral("NAME"), t("the director's full name")},
          {QStringLiteral("deputy"), QStringLiteral("NAME"), t("the deputy director for teaching's full name")},
          {QStringLiteral("secretary"), QStringLiteral("NAME"), t("the secretary's full name")},
          {QStringLiteral("average"), QStringLiteral("RULE"),
           t("how the journals count a pupil's average: weighted (by each mark's weight) or simple")}},
         cmdSchoolSet},
        {QStringLiteral("school"),
         QStringLiteral("show"),
         t("show the school's profile"),
         {},
         {{QStringLiteral("json"), {}, t("print JSON")}},
         cmdSchoolShow},
        {QStringLiteral("print"),
         QStringLiteral("summary"),
         t("print the summary sheet of a class (2.5.8) as PDF/A, HTML or XLSX, numbered in the register of prints"),
         {},
         {{QStringLiteral("class"), QStringLiteral("CLASS"), t("the class, e.g. 7А"), true},
          {QStringLiteral("period"), QStringLiteral("PERIOD"), t("one period, e.g. q1 (default: every period)")},
          {QStringLiteral("out"), QStringLiteral("FILE"), t("the file to write: FILE.pdf, FILE.html or FILE.xlsx"),
           true}},
         cmdPrintSummary},
        {QStringLiteral("print"),
         QStringLiteral("journal"),
         t("print the class journal of a class, subject and group (2.5.10): marks and absences, lessons, "
           "substitutions, the teacher's signature line; numbered in the register of prints"),
         {},
         {{QStringLiteral("class"), QStringLiteral("CLASS"), t("the class, e.g. 7А"), true},
          {QStringLiteral("subject"), QStringLiteral("SUBJECT"), t("the subject's id, e.g. math"), true},
          {QStringLiteral("group"), QStringLiteral("GROUP"), t("the group (default: all, the whole class)")},
          {QStringLiteral("period"), QStringLiteral("PERIOD"), t("a period of the calendar, e.g. q1")},
          {QStringLiteral("from"), QStringLiteral("DATE"), t("first day, yyyy-MM-dd (instead of --period)")},
          {QStringLiteral("to"), QStringLiteral("DATE"), t("last day, yyyy-MM-dd")},
          {QStringLiteral("out"), QStringLiteral("FILE"), t("the file to write: FILE.pdf, FILE.html or FILE.xlsx"),
           true}},
         cmdPrintJournal},
        {QStringLiteral("print"),
         QStringLiteral("substitutions"),
         t("print the substitution journal (2.5.4) for a span of dates: who replaced whom, why, and the lesson's "
           "topic; numbered in the register of prints"),
         {},
         {{QStringLiteral("from"), QStringLiteral("DATE"), t("first day, yyyy-MM-dd"), true},
          {QStringLiteral("to"), QStringLiteral("DATE"), t("last day, yyyy-MM-dd"), true},
          {QStringLiteral("class"), QStringLiteral("CLASS"), t("one class (default: every class)")},
          {QStringLiteral("out"), QStringLiteral("FILE"), t("the file to write: FILE.pdf, FILE.html or FILE.xlsx"),
           true}},
         cmdPrintSubstitutions},
        {QStringLiteral("print"),
         QStringLiteral("extract"),
         t("print the extract of a pupil's current marks on withdrawal (2.6.11), with a warning for every teacher "
           "not synced since the date; numbered in the register of prints"),
         {},
         {{QStringLiteral("pupil"), QStringLiteral("ID"), t("the pupil's id"), true},
          {QStringLiteral("date"), QStringLiteral("DATE"), t("the date of the extract, yyyy-MM-dd (default: today)")},
          {QStringLiteral("out"), QStringLiteral("FILE"), t("the file to write: FILE.pdf or FILE.html"), true}},
         cmdPrintExtract},
        {QStringLiteral("print"),
         QStringLiteral("ktp"),
         t("print the calendar-thematic plan (КТП) of a class and subject with its correction sheet (3.1); numbered "
           "in the register of prints"),
         {},
         {{QStringLiteral("class"), QStringLiteral("CLASS"), t("the class, e.g. 7А"), true},
          {QStringLiteral("subject"), QStringLiteral("SUBJECT"), t("the subject's id, e.g. math"), true},
          {QStringLiteral("out"), QStringLiteral("FILE"), t("the file to write: FILE.pdf or FILE.html"), true}},
         cmdPrintKtp},
        {QStringLiteral("prints"),
         QStringLiteral("list"),
         t("the register of prints (2.5.10): number, time, who, form, pages, SHA-256"),
         {},
         {{QStringLiteral("json"), {}, t("print JSON")}},
         cmdPrintsList},
        {QStringLiteral("prints"),
         QStringLiteral("verify"),
         t("say whether a file is exactly a registered print, and which"),
         {QStringLiteral("FILE")},
         {},
         cmdPrintsVerify},
        {QStringLiteral("history"),
         {},
         t("who changed which mark or field, when, from which device: old → new (from the git history; the "
           "reading is logged)"),
         {},
         {{QStringLiteral("class"), QStringLiteral("CLASS"), t("only one class, e.g. 7А")},
          {QStringLiteral("entity"), QStringLiteral("KEY"), t("an entity key or its beginning, e.g. mark/7А/math")},
          {QStringLiteral("pupil"), QStringLiteral("ID"), t("only the entries of one pupil")},
          {QStringLiteral("limit"), QStringLiteral("N"), t("only the latest N changes")},
          {QStringLiteral("json"), {}, t("print JSON")}},
         cmdHistory},
        {QStringLiteral("substitution"),
         QStringLiteral("add"),
         t("record a substitution (2.5.4): the substitute's node may write that lesson and receives it at its next "
           "sync"),
         {},
         {{QStringLiteral("date"), QStringLiteral("DATE"), t("the lesson's date, e.g. 2026-09-03"), true},
          {QStringLiteral("slot"), QStringLiteral("N"), t("the lesson's number in the day"), true},
          {QStringLiteral("class"), QStringLiteral("CLASS"), t("the class, e.g. 7А"), true},
          {QStringLiteral("subject"), QStringLiteral("SUBJECT"), t("the subject's id, e.g. math"), true},
          {QStringLiteral("group"), QStringLiteral("GROUP"), t("the group (default: all, the whole class)")},
          {QStringLiteral("absent"), QStringLiteral("TEACHER"), t("the id of the teacher who is absent"), true},
          {QStringLiteral("substitute"), QStringLiteral("TEACHER"), t("the id of the teacher who stands in"), true},
          {QStringLiteral("reason"), QStringLiteral("TEXT"), t("why, e.g. «болезнь»")}},
         cmdSubstitutionAdd},
        {QStringLiteral("substitution"),
         QStringLiteral("list"),
         t("the substitution journal: who stood in for whom, in which lesson"),
         {},
         {{QStringLiteral("from"), QStringLiteral("DATE"), t("from this date")},
          {QStringLiteral("to"), QStringLiteral("DATE"), t("up to this date")},
          {QStringLiteral("class"), QStringLiteral("CLASS"), t("only one class, e.g. 7А")},
          {QStringLiteral("json"), {}, t("print JSON")}},
         cmdSubstitutionList},
        {QStringLiteral("export-git"),
         {},
         t("write the history as standard bare git repositories (DIR/CLASS/YEAR.git) into a new or empty DIR; "
           "WARNING: they hold the journal and pupils' names in plain text"),
         {QStringLiteral("DIR")},
         {},
         cmdExportGit},
    };
}

QStringList exitCodeLines() {
    const QList<QPair<int, QString>> codes = {
        {kExitOk, t("ok")},
        {kExitInternal, t("internal error (a bug, or the system failed: disk full, the port is taken)")},
        {kExitUsage, t("usage error: unknown command or option, a missing or malformed argument")},
        {kExitCorrupt, t("the store is damaged or was altered")},
        {kExitBadInput, t("bad input: a line of an imported file (its file, line and column are named)")},
        {kExitRule, t("refused by a rule of the regulation (the message starts with its clause)")},
        {kExitNotFound, t("not found (no such node, file or open conflict)")},
        {kExitBusy, t("the store is busy: another program uses it")},
        {kExitExists, t("already exists")},
        {kExitUnsupported, t("unsupported: written by a newer tabel")},
        {kExitCrypto, t("cryptography failure")},
    };
    QStringList lines{t("Exit codes:")};
    for (const auto& [code, text] : codes)
        lines << QStringLiteral("  %1  %2").arg(code, 2).arg(text);
    return lines;
}

QStringList commonTail() {
    return QStringList{QString(),
                       t("Global options:"),
                       QStringLiteral("  --store DIR  ") + t("the hub's folder (default: ./tabel-data/hub)"),
                       QStringLiteral("  --help       ") + t("show help and exit"),
                       QStringLiteral("  --version    ") + t("show the version and exit"),
                       QString()} +
           exitCodeLines();
}

QStringList commandHelp(const Command& c) {
    QStringList parts{QStringLiteral("tabel-hub"), c.fullName()};
    parts << c.positionals;
    for (const Option& o : c.options)
        parts << (o.required ? o.synopsis() : u'[' + o.synopsis() + u']') +
                     (o.repeatable ? QStringLiteral(" …") : QString());
    QStringList lines{t("Usage: %1").arg(parts.join(u' ')), QString(), c.summary};
    if (!c.options.isEmpty()) {
        lines << QString() << t("Options:");
        int width = 0;
        for (const Option& o : c.options)
            width = std::max(width, int(o.synopsis().size()));
        for (const Option& o : c.options)
            lines << QStringLiteral("  ") + o.synopsis().leftJustified(width) + QStringLiteral("  ") + o.help +
                         (o.required ? u' ' + t("(required)") : QString());
    }
    return lines + commonTail();
}

QStringList programHelp(const QList<Command>& commands) {
    QStringList lines{t("Usage: tabel-hub [--store DIR] COMMAND [OPTIONS]"), QString(),
                      t("The school hub: receives the teachers' signed changes over HTTPS, merges them field by "
                        "field and keeps every version."),
                      QString(), t("Commands:")};
    int width = 0;
    for (const Command& c : commands)
        width = std::max(width, int(c.fullName().size()));
    for (const Command& c : commands)
        lines << QStringLiteral("  ") + c.fullName().leftJustified(width) + QStringLiteral("  ") + c.summary;
    lines << QString() << t("«tabel-hub COMMAND --help» shows the options of a command.");
    return lines + commonTail();
}

// ---- Parsing ----

// "add, list, suspend or resume": the subcommands of a group, for usage errors.
QString subcommandsOf(const QList<Command>& commands, const QString& group) {
    QStringList subs;
    for (const Command& c : commands)
        if (c.group == group && !c.sub.isEmpty())
            subs << c.sub;
    if (subs.size() < 2)
        return subs.join(QString());
    return t("%1 or %2").arg(subs.mid(0, subs.size() - 1).join(QStringLiteral(", ")), subs.last());
}

struct Parsed {
    enum Kind { Run, Help, Version } kind = Run;
    const Command* command = nullptr;
    QString group; // for group help
    Invocation inv;
};

Result<Parsed> parse(const QStringList& args, const QList<Command>& commands, QString& hintCommand) {
    Parsed p;
    std::optional<QString> store;
    QString group;
    bool help = false;
    qsizetype i = 0;
    const auto takeStore = [&](const QString& token) -> Status {
        if (token.startsWith(QLatin1String("--store="))) {
            store = token.mid(8);
            return {};
        }
        if (i + 1 >= args.size() || args.at(i + 1).startsWith(QLatin1String("--")))
            return usage(t("--store needs a value: --store DIR"));
        store = args.at(++i);
        return {};
    };
    for (; i < args.size(); ++i) {
        const QString a = args.at(i);
        if (a == u"--help" || a == u"-h") {
            help = true;
        } else if (a == u"--version") {
            p.kind = Parsed::Version;
            return p;
        } else if (a == u"--store" || a.startsWith(QLatin1String("--store="))) {
            TABEL_TRY(takeStore(a));
        } else if (a.startsWith(u'-')) {
            if (p.command)
                break;
            return usage(t("unknown option %1 (options of a command go after its name)").arg(a));
        } else if (p.command) {
            break;
        } else if (group.isEmpty()) {
            group = a;
            hintCommand = a;
            const bool known =
                std::any_of(commands.begin(), commands.end(), [&](const Command& c) { return c.group == a; });
            if (!known)
                return usage(t("unknown command «%1»").arg(a));
            for (const Command& c : commands)
                if (c.group == a && c.sub.isEmpty())
                    p.command = &c;
        } else {
            for (const Command& c : commands)
                if (c.group == group && c.sub == a)
                    p.command = &c;
            if (!p.command)
                return usage(
                    t("unknown subcommand «%1» of «%2»; expected %3").arg(a, group, subcommandsOf(commands, group)));
            hintCommand = p.command->fullName();
        }
    }
    if (help) {
        p.kind = Parsed::Help;
        p.group = group;
        return p;
    }
    if (!p.command)
        return usage(group.isEmpty() ? t("no command given")
                                     : t("«%1» needs a subcommand: %2").arg(group, subcommandsOf(commands, group)));
    for (qsizetype j = i; j < args.size(); ++j)
        if (args.at(j) == u"--help" || args.at(j) == u"-h") {
            p.kind = Parsed::Help;
            return p;
        }
    Invocation& inv = p.inv;
    for (; i < args.size(); ++i) {
        const QString a = args.at(i);
        if (a == u"--store" || a.startsWith(QLatin1String("--store="))) {
            TABEL_TRY(takeStore(a));
            continue;
        }
        if (!a.startsWith(QLatin1String("--"))) {
            inv.positionals << a;
            continue;
        }
        QString name = a.mid(2);
        std::optional<QString> inlineValue;
        if (const qsizetype eq = name.indexOf(u'='); eq >= 0) {
            inlineValue = name.mid(eq + 1);
            name = name.left(eq);
        }
        const auto o = std::find_if(p.command->options.begin(), p.command->options.end(),
                                    [&](const Option& x) { return x.name == name; });
        if (o == p.command->options.end())
            return usage(t("unknown option --%1 for «%2»").arg(name, p.command->fullName()));
        if (o->valueName.isEmpty()) {
            inv.flags.insert(name);
            continue;
        }
        if (inv.values.contains(name) && !o->repeatable)
            return usage(t("--%1 is given twice").arg(name));
        QString value;
        if (inlineValue) {
            value = *inlineValue;
        } else {
            if (i + 1 >= args.size() || args.at(i + 1).startsWith(QLatin1String("--")))
                return usage(t("%1 needs a value: %2").arg(QStringLiteral("--") + name, o->synopsis()));
            value = args.at(++i);
        }
        inv.values[name] << value;
    }
    if (inv.positionals.size() > p.command->positionals.size())
        return usage(t("unexpected argument «%1» for «%2»")
                         .arg(inv.positionals.at(p.command->positionals.size()), p.command->fullName()));
    if (inv.positionals.size() < p.command->positionals.size())
        return usage(t("missing argument %1").arg(p.command->positionals.at(inv.positionals.size())));
    for (const Option& o : p.command->options)
        if (o.required && !inv.values.contains(o.name))
            return usage(t("missing required option %1").arg(o.synopsis()));
    const QString dir = store ? *store : QStringLiteral("tabel-data/hub");
    inv.storeDir = QDir::cleanPath(QDir(dir).absolutePath());
    return p;
}

// ---- Commands ----

Result<QHostAddress> parseListen(const QString& text, quint16& port) {
    const auto bad = [&]() {
        return usage(t("--listen: expected ADDRESS:PORT such as 127.0.0.1:8443, got «%1»").arg(text));
    };
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return bad();
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint p = text.mid(colon + 1).toUInt(&ok);
    QHostAddress address;
    if (!ok || p > 65535 || !address.setAddress(host))
        return bad();
    port = quint16(p);
    return address;
}

// A whole number from `low` to `high` given to option `name`, or `fallback` when the option is absent.
Result<int> wholeOption(const Invocation& inv, const QString& name, int low, int high, int fallback) {
    if (!inv.values.contains(name))
        return fallback;
    bool ok = false;
    const int n = inv.value(name).toInt(&ok);
    if (!ok || n < low || n > high)
        return usage(t("--%1: expected a whole number from %2 to %3, got «%4»")
                         .arg(name)
                         .arg(low)
                         .arg(high)
                         .arg(inv.value(name)));
    return n;
}

Status cmdServe(const Invocation& inv) {
    quint16 port = 8443;
    QHostAddress address(QHostAddress::LocalHost);
    if (inv.values.contains(QStringLiteral("listen"))) {
        TABEL_ASSIGN_OR_RETURN(address, parseListen(inv.value(QStringLiteral("listen")), port));
    }
    ServerOptions options;
    ConnectionLimits& c = options.connections;
    TABEL_ASSIGN_OR_RETURN(c.maxConnections,
                           wholeOption(inv, QStringLiteral("max-connections"), 1, 10000, c.maxConnections));
    TABEL_ASSIGN_OR_RETURN(c.maxConnectionsPerAddress,
                           wholeOption(inv, QStringLiteral("max-per-address"), 1, 10000, c.maxConnectionsPerAddress));
    TABEL_ASSIGN_OR_RETURN(const int mib, wholeOption(inv, QStringLiteral("max-buffered-mib"), 8, 65536,
                                                      int(c.maxBufferedBodyBytes / (1024 * 1024))));
    c.maxBufferedBodyBytes = qint64(mib) * 1024 * 1024;
    TABEL_ASSIGN_OR_RETURN(const int seconds,
                           wholeOption(inv, QStringLiteral("timeout"), 1, 300, c.idleTimeoutMs / 1000));
    c.handshakeTimeoutMs = c.headTimeoutMs = c.idleTimeoutMs = seconds * 1000;
    TABEL_ASSIGN_OR_RETURN(HubStore store, HubStore::open(inv.storeDir));
    TABEL_ASSIGN_OR_RETURN(const TlsIdentity identity, loadOrCreateTlsIdentity(inv.storeDir));
    HubServer server(store, options);
    TABEL_ASSIGN_OR_RETURN(const quint16 bound, server.listen(identity, address, port));
    if (identity.created)
        printOut(t("made a new self-signed certificate in %1").arg(inv.storeDir));
    printOut(t("certificate SHA-256 fingerprint: %1").arg(formatFingerprint(identity.fingerprint)));
    if (!address.isLoopback())
        printErr(t("warning: listening on %1, which other computers can reach").arg(address.toString()));
    const QString host =
        address.protocol() == QAbstractSocket::IPv6Protocol ? u'[' + address.toString() + u']' : address.toString();
    printOut(t("listening on https://%1:%2 (store %3)").arg(host).arg(bound).arg(inv.storeDir));
    QCoreApplication::exec();
    return {};
}

Status cmdNodeAdd(const Invocation& inv) {
    NewNode node;
    node.teacherId = inv.value(QStringLiteral("teacher")).trimmed();
    if (auto ok = domain::validateId(node.teacherId, QStringLiteral("--teacher")); !ok)
        return usage(ok.error().message);
    node.teacherName = inv.value(QStringLiteral("name")).trimmed();
    if (node.teacherName.isEmpty())
        return usage(t("--name must not be empty"));
    node.isOperator = inv.flags.contains(QStringLiteral("operator"));
    for (const QString& a : inv.values.value(QStringLiteral("assign"))) {
        const QStringList parts = a.trimmed().split(u'/');
        bool ok = parts.size() == 3;
        for (const QString& part : parts)
            ok = ok && domain::validateId(part, QStringLiteral("--assign"));
        if (!ok)
            return usage(t("--assign: expected CLASS/SUBJECT/GROUP such as 7А/math/all, got «%1»").arg(a));
        node.assignments.append({parts[0], parts[1], parts[2]});
    }
    if (node.assignments.isEmpty() && !node.isOperator)
        return usage(t("a teacher's node needs at least one --assign CLASS/SUBJECT/GROUP"));
    int days = 7;
    if (inv.values.contains(QStringLiteral("valid-days"))) {
        bool ok = false;
        days = inv.value(QStringLiteral("valid-days")).toInt(&ok);
        if (!ok || days < 1 || days > 90)
            return usage(t("--valid-days: expected a whole number from 1 to 90, got «%1»")
                             .arg(inv.value(QStringLiteral("valid-days"))));
    }
    TABEL_ASSIGN_OR_RETURN(HubStore store, HubStore::open(inv.storeDir));
    TABEL_ASSIGN_OR_RETURN(const TlsIdentity identity, loadOrCreateTlsIdentity(inv.storeDir));
    TABEL_ASSIGN_OR_RETURN(const Enrolment e, store.addNode(node, qint64(days) * 24 * 3600 * 1000));
    const QString code =
        sync::formatEnrolmentCode({identity.fingerprint.left(sync::kEnrollFingerprintBytes), e.secret});
    printOut(t("node %1 for %2 (%3)").arg(e.nodeId, node.teacherId, node.teacherName));
    printOut(t("one-time enrolment code, valid until %1:").arg(e.expires.toLocalTime().toString(Qt::ISODate)));
    printOut(QStringLiteral("  ") + code);
    printOut(
        t("it carries the fingerprint of this hub's certificate: %1").arg(formatFingerprint(identity.fingerprint)));
    return {};
}

QString formatTime(const std::optional<QDateTime>& t) {
    return t ? t->toLocalTime().toString(QStringLiteral("dd.MM.yyyy HH:mm")) : QStringLiteral("—");
}

Status cmdNodeList(const Invocation& inv) {
    TABEL_ASSIGN_OR_RETURN(HubStore store, HubStore::open(inv.storeDir));
    TABEL_ASSIGN_OR_RETURN(const QList<NodeRecord> nodes, store.nodes());
    if (nodes.isEmpty()) {
        printOut(t("no nodes yet; add one with «tabel-hub node add»"));
        return {};
    }
    QList<QStringList> rows{
        {t("ID"), t("TEACHER"), t("STATUS"), t("SCOPES"), t("DEVICE"), t("ENROLLED"), t("LAST SYNC")}};
    for (const NodeRecord& n : nodes) {
        QStringList scopes;
        if (n.isOperator)
            scopes << t("operator");
        for (const sync::EnrolledAssignment& a : n.assignments)
            scopes << a.classId + u'/' + a.subjectId + u'/' + a.groupId;
        const QString status = n.status == NodeStatus::Active      ? t("active")
                               : n.status == NodeStatus::Suspended ? t("suspended")
                                                                   : t("waiting for enrolment");
        rows.append({n.nodeId, n.teacherId + QStringLiteral(" (") + n.teacherName + u')', status,
                     scopes.join(QStringLiteral(", ")),
                     n.deviceKey.isEmpty() ? QStringLiteral("—") : crypto::fingerprint(n.deviceKey),
                     formatTime(n.enrolled), formatTime(n.lastSync)});
    }
    QList<int> widths(rows.first().size(), 0);
    for (const QStringList& r : rows)
        for (int c = 0; c < r.size(); ++c)
            widths[c] = std::max(widths[c], int(r[c].size()));
    for (const QStringList& r : rows) {
        QStringList cells;
        for (int c = 0; c < r.size(); ++c)
            cells << (c + 1 < r.size() ? r[c].leftJustified(widths[c]) : r[c]);
        printOut(cells.join(QStringLiteral("  ")));
    }
    return {};
}

Status setSuspended(const Invocation& inv, bool suspended) {
    TABEL_ASSIGN_OR_RETURN(HubStore store, HubStore::open(inv.storeDir));
    const QString id = inv.positionals.at(0);
    TABEL_TRY(store.setSuspended(id, suspended));
    printOut(suspended ? t("node %1 is suspended: the hub refuses its requests").arg(id)
                       : t("node %1 is accepted again").arg(id));
    return {};
}

Status cmdNodeSuspend(const Invocation& inv) {
    return setSuspended(inv, true);
}
Status cmdNodeResume(const Invocation& inv) {
    return setSuspended(inv, false);
}

// R-S4: after a crash (or any time), what an operator runs to know the store is sound; exit 4 when it is not.
Status cmdCheck(const Invocation& inv) {
    TABEL_ASSIGN_OR_RETURN(HubStore store, HubStore::open(inv.storeDir));
    TABEL_ASSIGN_OR_RETURN(const HubStore::CheckReport report, store.check());
    printOut(t("log: %1 change sets of %2 devices; %3 batches acknowledged (%4 entries); %5 nonces remembered")
                 .arg(report.logRows)
                 .arg(report.devices)
                 .arg(report.batches)
                 .arg(report.ackEntries)
                 .arg(report.nonces));
    if (report.problems.isEmpty()) {
        printOut(t("the hub store is sound"));
        return {};
    }
    for (const QString& p : report.problems)
        printErr(p);
    return makeError(
        ErrorCode::Corrupt,
        t("the hub store has %1 problem(s); restore the folder from a backup").arg(report.problems.size()));
}

int reportError(const QString& command, const Error& error) {
    const int code = exitCodeFor(error.code);
    printErr(QStringLiteral("tabel-hub: ") + error.message);
    if (code == kExitUsage)
        printErr(
            t("hint: %1")
                .arg(command.isEmpty() ? t("see «tabel-hub --help»") : t("see «tabel-hub %1 --help»").arg(command)));
    else if (code == kExitInternal && (error.code == ErrorCode::Io || error.code == ErrorCode::Storage))
        printErr(t("hint: %1").arg(t("check the free disk space and the permissions of the hub's folder")));
    return code;
}

int run(const QStringList& args) {
    const QList<Command> commands = commandTable();
    QString command;
    Result<Parsed> parsed = parse(args, commands, command);
    if (!parsed)
        return reportError(command, parsed.error());
    switch (parsed->kind) {
    case Parsed::Version:
        printOut(QStringLiteral("tabel-hub ") + QCoreApplication::applicationVersion());
        return kExitOk;
    case Parsed::Help:
        if (parsed->command) {
            for (const QString& l : commandHelp(*parsed->command))
                printOut(l);
        } else if (!parsed->group.isEmpty()) {
            for (const Command& c : commands)
                if (c.group == parsed->group)
                    for (const QString& l : commandHelp(c).mid(0, commandHelp(c).size() - commonTail().size()))
                        printOut(l);
            for (const QString& l : commonTail())
                printOut(l);
        } else {
            for (const QString& l : programHelp(commands))
                printOut(l);
        }
        return kExitOk;
    case Parsed::Run:
        break;
    }
    if (Status st = parsed->command->run(parsed->inv); !st)
        return reportError(parsed->command->fullName(), st.error());
    return kExitOk;
}

} // namespace
} // namespace tabel::hub::cli

// Qt's graphics part warns on stderr when the session has no XDG_RUNTIME_DIR (a service, a cron job): nothing a
// user can act on, so that one message is dropped; every other goes where Qt sends it.
QtMessageHandler qtDefaultHandler = nullptr;
void dropRuntimeDirWarning(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    if (type == QtWarningMsg && message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set")))
        return;
    qtDefaultHandler(type, context, message);
}

// Printing lays text out with Qt's graphics part (shared/documents): only `print` starts it, on the offscreen
// platform (nothing is shown, no display is needed); every other command stays a console program.
std::unique_ptr<QCoreApplication> makeApplication(int& argc, char** argv) {
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "print") == 0) {
            if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            qtDefaultHandler = qInstallMessageHandler(dropRuntimeDirWarning);
            return std::make_unique<QGuiApplication>(argc, argv);
        }
    return std::make_unique<QCoreApplication>(argc, argv);
}

int main(int argc, char** argv) {
    const std::unique_ptr<QCoreApplication> application = makeApplication(argc, argv);
    QCoreApplication& app = *application;
    QCoreApplication::setApplicationName(QStringLiteral("tabel-hub"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TABEL_VERSION));
    QLoggingCategory::setFilterRules(QStringLiteral("tabel.*.warning=false\ntabel.hub.server.warning=true"));
    tabel::installTranslation(app);
    if (auto ok = tabel::crypto::initialize(); !ok) {
        tabel::hub::cli::printErr(QStringLiteral("tabel-hub: ") + ok.error().message);
        return tabel::hub::cli::exitCodeFor(ok.error().code);
    }
    return tabel::hub::cli::run(QCoreApplication::arguments().mid(1));
}
