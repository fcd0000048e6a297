#include "node/cli/commands.h"

#include "node/cli/exit_codes.h"
#include "node/cli/handlers.h"
#include "node/cli/support.h"
#include "node/cli/table.h"
#include "node/sync/closed_periods.h"

#include <QCoreApplication>

#include <algorithm>

namespace tabel::node::cli {

namespace {

std::function<int(Invocation&)> handler(Status (*fn)(Session&)) {
    return [fn](Invocation& inv) {
        Session session(inv);
        if (auto st = fn(session); !st) {
            return reportError(inv, st.error(), session.source, session.exitCode);
        }
        // R-S6: a change just recorded in a period closed at the hub is told at once (it is kept and pushed).
        if (session.isOpen() && session.seqAtOpen() >= 0) {
            if (const Result<QStringList> notices = closedPeriodNotices(session.store(), session.seqAtOpen()))
                for (const QString& line : *notices)
                    printErr(QStringLiteral("tabel-node: ") + line);
        }
        return int(kExitOk);
    };
}

OptionSpec req(const QString& name, const QString& valueName, const QString& help) {
    return {name, valueName, help, true};
}
OptionSpec opt(const QString& name, const QString& valueName, const QString& help) {
    return {name, valueName, help, false};
}
OptionSpec flag(const QString& name, const QString& help) {
    return {name, {}, help, false};
}
OptionSpec hidden(const QString& name, const QString& valueName, const QString& help) {
    return {name, valueName, help, false, true};
}

QString s(const char* latin1) {
    return QString::fromLatin1(latin1);
}

} // namespace

QList<CommandSpec> commandTable() {
    const OptionSpec lesson =
        req(s("lesson"), s("KEY"),
            QCoreApplication::translate("tabel-node", "the lesson: CLASS/SUBJECT/GROUP/DATE/SLOT, "
                                                      "e.g. 7А/math/all/2026-09-01/2"));
    const OptionSpec pupil =
        req(s("pupil"), s("ID"), QCoreApplication::translate("tabel-node", "the pupil's id (from the roster)"));
    const OptionSpec klass =
        req(s("class"), s("CLASS"), QCoreApplication::translate("tabel-node", "the class, e.g. 7А"));
    const OptionSpec subject =
        req(s("subject"), s("SUBJECT"), QCoreApplication::translate("tabel-node", "the subject id, e.g. math"));
    const OptionSpec json =
        flag(s("json"), QCoreApplication::translate("tabel-node", "print a JSON document instead of a table"));
    const OptionSpec kdf =
        opt(s("kdf"), s("PROFILE"),
            QCoreApplication::translate(
                "tabel-node", "key derivation strength: interactive, moderate or sensitive (default: moderate)"));

    QList<CommandSpec> c;
    // ---- The store ----
    c.append({s("init"),
              {},
              QCoreApplication::translate("tabel-node", "create a new encrypted store for a teacher"),
              QCoreApplication::translate(
                  "tabel-node",
                  "Asks for the passphrase twice at the terminal (once from --passphrase-file or TABEL_PASSPHRASE).\n"
                  "Prints the store folder and the fingerprint of this device's signing key."),
              {},
              {req(s("teacher"), s("ID"), QCoreApplication::translate("tabel-node", "the teacher's id at the school")),
               req(s("name"), s("\"FULL NAME\""), QCoreApplication::translate("tabel-node", "the teacher's full name")),
               kdf},
              handler(&cmdInit)});
    c.append({s("passwd"),
              {},
              QCoreApplication::translate("tabel-node", "change the passphrase of the store"),
              QCoreApplication::translate(
                  "tabel-node",
                  "The current passphrase comes from the usual sources; the new one from --new-passphrase-file,\n"
                  "TABEL_NEW_PASSPHRASE, or is asked for twice at the terminal."),
              {},
              {opt(s("new-passphrase-file"), s("FILE"),
                   QCoreApplication::translate("tabel-node", "read the new passphrase from the first line of FILE")),
               kdf},
              handler(&cmdPasswd)});
    c.append({s("import"),
              {},
              QCoreApplication::translate("tabel-node",
                                          "import the roster, the timetable or the school calendar from a CSV file"),
              QCoreApplication::translate(
                  "tabel-node",
                  "CSV files in UTF-8 with a header line. All or nothing: a bad line imports nothing.\n"
                  "  roster:    pupil_id,class,surname,name,patronymic,book_no,subgroups (subgroups: \"eng:1 inf:2\")\n"
                  "  timetable: class,weekday,slot,subject,subject_name,group,teacher,teacher_name\n"
                  "  calendar:  kind,id,title,start,end,grades (kind: year, quarter, half or holiday)"),
              {{s("KIND"), QCoreApplication::translate("tabel-node", "roster, timetable or calendar")},
               {s("FILE"), QCoreApplication::translate("tabel-node", "the CSV file")}},
              {},
              handler(&cmdImport)});
    c.append(
        {s("status"),
         {},
         QCoreApplication::translate("tabel-node", "show the teacher, the device and what is not yet sent to the hub"),
         {},
         {},
         {json},
         handler(&cmdStatus)});
    c.append({s("enroll"),
              {},
              QCoreApplication::translate("tabel-node", "enrol this device at the school hub with a one-time code"),
              QCoreApplication::translate(
                  "tabel-node",
                  "The code comes from the hub's operator («tabel-hub node add»). It carries the fingerprint of the\n"
                  "hub's certificate: the connection is refused when the hub shows another one."),
              {{s("URL"), QCoreApplication::translate("tabel-node", "the hub's address, e.g. https://hub.school:8443")},
               {s("CODE"), QCoreApplication::translate("tabel-node", "the enrolment code, e.g. ABCDEF-GHIJKL-…")}},
              {opt(s("name"), s("NAME"),
                   QCoreApplication::translate("tabel-node", "a name for this device (default: the host name)"))},
              handler(&cmdEnroll)});
    c.append({s("sync"),
              {},
              QCoreApplication::translate("tabel-node", "send pending changes to the hub and receive the others'"),
              QCoreApplication::translate(
                  "tabel-node",
                  "Pushes the pending change sets in batches, then pulls what other devices wrote in this node's\n"
                  "classes. Retries three times when the network fails; when the hub cannot be reached nothing is\n"
                  "lost and the changes stay pending (exit code 12)."),
              {},
              {},
              handler(&cmdSync)});
    c.append(
        {s("serve"),
         {},
         QCoreApplication::translate("tabel-node", "serve the journal to a browser on this computer"),
         QCoreApplication::translate(
             "tabel-node",
             "Runs until Ctrl+C. The page asks for the passphrase and opens the store once; it locks again after\n"
             "the idle time and on «Log out». Only this computer can connect (a loopback address). When the node is\n"
             "enrolled, it synchronises in the background. tabel-node's other commands keep working meanwhile."),
         {},
         {opt(s("listen"), s("ADDRESS:PORT"),
              QCoreApplication::translate("tabel-node", "where to listen (default: 127.0.0.1:8480; port 0: any free)")),
          flag(s("open"), QCoreApplication::translate("tabel-node", "open the journal in the desktop's browser")),
          opt(s("idle-lock"), s("MINUTES"),
              QCoreApplication::translate("tabel-node", "lock after this many minutes without activity (default: 15)")),
          opt(s("sync-every"), s("MINUTES"),
              QCoreApplication::translate(
                  "tabel-node",
                  "synchronise in the background this often and after entries; 0: only on request (default: 5)")),
          hidden(s("idle-lock-seconds"), s("S"),
                 QCoreApplication::translate("tabel-node", "the idle time in seconds (for tests)")),
          opt(s("today"), s("DATE"),
              QCoreApplication::translate("tabel-node", "the day the journal opens on (default: today); entries are "
                                                        "still dated by this computer's clock"))},
         handler(&cmdServe)});
    c.append(
        {s("check"),
         {},
         QCoreApplication::translate("tabel-node", "check the store for damage"),
         QCoreApplication::translate("tabel-node", "Reads every page of the store. Exit code 4 when it is damaged."),
         {},
         {},
         handler(&cmdCheck)});

    // ---- Lessons, marks, attendance ----
    c.append({s("lesson"),
              s("add"),
              QCoreApplication::translate("tabel-node", "record a lesson: topic, homework, form of assessment"),
              {},
              {},
              {lesson, req(s("topic"), s("TEXT"), QCoreApplication::translate("tabel-node", "the topic of the lesson")),
               opt(s("homework"), s("TEXT"), QCoreApplication::translate("tabel-node", "the homework")),
               opt(s("due"), s("DATE"),
                   QCoreApplication::translate("tabel-node", "when the homework is due (not before the lesson)")),
               opt(s("form"), s("FORM"),
                   QCoreApplication::translate("tabel-node", "the form of assessment, from the school's list")),
               flag(s("distance"), QCoreApplication::translate("tabel-node", "the lesson was held at a distance")),
               opt(s("ktp"), s("N"),
                   QCoreApplication::translate("tabel-node", "the number of its topic in the calendar-thematic plan")),
               opt(s("marks"), s("COLUMNS"),
                   QCoreApplication::translate("tabel-node",
                                               "the kind and weight of its mark columns, e.g. «control:2» or "
                                               "«current:1;control:3» (default: as recorded before, else current:1)"))},
              handler(&cmdLessonAdd)});
    c.append({s("lesson"),
              s("show"),
              QCoreApplication::translate("tabel-node", "show a lesson with its marks and absences"),
              {},
              {},
              {lesson},
              handler(&cmdLessonShow)});
    c.append(
        {s("mark"),
         s("set"),
         QCoreApplication::translate("tabel-node", "give a pupil a mark in a lesson"),
         QCoreApplication::translate(
             "tabel-node",
             "Marks: 5, 4, 3, 2, 1, зач, незач, осв, н/а. A pupil absent without illness gets no mark (3.5);\n"
             "self-study work is graded only 5, 4, 3 or зач (4.4)."),
         {},
         {lesson, pupil, req(s("value"), s("MARK"), QCoreApplication::translate("tabel-node", "the mark")),
          opt(s("column"), s("N"),
              QCoreApplication::translate("tabel-node", "the mark's column within the lesson (default: 1)")),
          opt(s("kind"), s("KIND"),
              QCoreApplication::translate("tabel-node",
                                          "current or control (default: as the lesson's mark column says, else "
                                          "current)")),
          opt(s("weight"), s("W"),
              QCoreApplication::translate("tabel-node",
                                          "the weight of the mark, 1 to 10 (default: as the lesson's mark column "
                                          "says, else 1)")),
          opt(s("work"), s("WORK"),
              QCoreApplication::translate(
                  "tabel-node", "what it grades: classwork, homework, distance, selfstudy, control, practical or lab "
                                "(default: classwork)")),
          opt(s("task"), s("ID"), QCoreApplication::translate("tabel-node", "the task it grades"))},
         handler(&cmdMarkSet)});
    c.append({s("mark"),
              s("remove"),
              QCoreApplication::translate("tabel-node", "remove a pupil's mark from a lesson"),
              {},
              {},
              {lesson, pupil,
               opt(s("column"), s("N"),
                   QCoreApplication::translate("tabel-node", "the mark's column within the lesson (default: 1)"))},
              handler(&cmdMarkRemove)});
    c.append(
        {s("attend"),
         {},
         QCoreApplication::translate("tabel-node", "record an absence («Н») or that the pupil was present"),
         QCoreApplication::translate("tabel-node",
                                     "Give either --absent REASON or --present (which removes a recorded absence)."),
         {},
         {lesson, pupil,
          opt(s("absent"), s("REASON"),
              QCoreApplication::translate("tabel-node", "Б (illness), УП (valid reason) or НП (unexcused)")),
          flag(s("present"), QCoreApplication::translate("tabel-node", "the pupil was present: remove the absence")),
          opt(s("cert-no"), s("NUMBER"),
              QCoreApplication::translate("tabel-node", "the number of the doctor's certificate")),
          opt(s("cert-date"), s("DATE"),
              QCoreApplication::translate("tabel-node", "the date the certificate was received"))},
         handler(&cmdAttend)});
    c.append(
        {s("journal"),
         {},
         QCoreApplication::translate("tabel-node", "show the journal of a class and subject, or one pupil's results"),
         QCoreApplication::translate(
             "tabel-node",
             "Either --class and --subject (the class journal), or --pupil (a pupil's results in all subjects).\n"
             "The range defaults to 1 September of the current school year … today."),
         {},
         {opt(s("class"), s("CLASS"), QCoreApplication::translate("tabel-node", "the class, e.g. 7А")),
          opt(s("subject"), s("SUBJECT"), QCoreApplication::translate("tabel-node", "the subject id")),
          opt(s("group"), s("GROUP"),
              QCoreApplication::translate("tabel-node", "a subgroup; default: the whole class")),
          opt(s("pupil"), s("ID"),
              QCoreApplication::translate("tabel-node", "one pupil's results instead of a class journal")),
          opt(s("from"), s("DATE"), QCoreApplication::translate("tabel-node", "the first day (default: 1 September)")),
          opt(s("to"), s("DATE"), QCoreApplication::translate("tabel-node", "the last day (default: today)")), json},
         handler(&cmdJournal)});

    // ---- Tasks and submissions ----
    c.append(
        {s("task"),
         s("add"),
         QCoreApplication::translate("tabel-node", "give a distance task, self-study, homework or a control work"),
         {},
         {},
         {klass, subject,
          opt(s("group"), s("GROUP"), QCoreApplication::translate("tabel-node", "the group (default: all)")),
          req(s("id"), s("ID"),
              QCoreApplication::translate("tabel-node", "the task's id, unique within class, subject and group")),
          req(s("kind"), s("KIND"),
              QCoreApplication::translate("tabel-node", "distance, selfstudy, homework, control, practical or lab")),
          req(s("title"), s("TEXT"), QCoreApplication::translate("tabel-node", "the title")),
          opt(s("text"), s("TEXT"), QCoreApplication::translate("tabel-node", "what to do")),
          opt(s("lesson"), s("KEY"), QCoreApplication::translate("tabel-node", "the lesson whose topic it belongs to")),
          opt(s("issued"), s("DATE"), QCoreApplication::translate("tabel-node", "when it was given (default: today)")),
          req(s("due"), s("DATE"), QCoreApplication::translate("tabel-node", "when it is due")),
          opt(s("form"), s("FORM"), QCoreApplication::translate("tabel-node", "the form of assessment")),
          opt(s("ktp"), s("N"), QCoreApplication::translate("tabel-node", "the topic of the calendar-thematic plan"))},
         handler(&cmdTaskAdd)});
    c.append({s("task"),
              s("list"),
              QCoreApplication::translate("tabel-node", "list the tasks"),
              {},
              {},
              {opt(s("class"), s("CLASS"), QCoreApplication::translate("tabel-node", "only this class")),
               opt(s("subject"), s("SUBJECT"),
                   QCoreApplication::translate("tabel-node", "only this subject (with --class)"))},
              handler(&cmdTaskList)});
    c.append(
        {s("submission"),
         s("import"),
         QCoreApplication::translate("tabel-node", "store a pupil's completed work (any file), encrypted"),
         QCoreApplication::translate("tabel-node", "The same file is stored once (deduplicated by its SHA-256)."),
         {},
         {req(s("task"), s("TASK"),
              QCoreApplication::translate("tabel-node", "the task: CLASS/SUBJECT/GROUP/ID as «task list» prints it")),
          pupil, req(s("file"), s("PATH"), QCoreApplication::translate("tabel-node", "the file the pupil handed in")),
          opt(s("received"), s("TIME"),
              QCoreApplication::translate("tabel-node", "when it was received: YYYY-MM-DDTHH:MM (default: now)"))},
         handler(&cmdSubmissionImport)});
    c.append({s("submission"),
              s("list"),
              QCoreApplication::translate("tabel-node", "list the stored submissions"),
              {},
              {},
              {opt(s("task"), s("TASK"), QCoreApplication::translate("tabel-node", "only this task"))},
              handler(&cmdSubmissionList)});
    c.append({s("submission"),
              s("grade"),
              QCoreApplication::translate("tabel-node", "grade a submission; the mark goes into its lesson's column"),
              {},
              {},
              {req(s("id"), s("SUBMISSION"),
                   QCoreApplication::translate("tabel-node", "the submission, as «submission list» prints it")),
               req(s("value"), s("MARK"), QCoreApplication::translate("tabel-node", "the mark")),
               opt(s("column"), s("N"),
                   QCoreApplication::translate("tabel-node", "the mark's column within the lesson (default: 1)"))},
              handler(&cmdSubmissionGrade)});
    c.append(
        {s("submission"),
         s("overdue"),
         QCoreApplication::translate("tabel-node", "list work received long ago and not yet graded (4.2)"),
         {},
         {},
         {opt(s("days"), s("N"), QCoreApplication::translate("tabel-node", "how many days is too long (default: 7)")),
          opt(s("today"), s("DATE"),
              QCoreApplication::translate("tabel-node", "the day to count from (default: today)"))},
         handler(&cmdSubmissionOverdue)});
    c.append(
        {s("submission"),
         s("export"),
         QCoreApplication::translate("tabel-node", "write a stored submission back to a file"),
         {},
         {},
         {req(s("id"), s("SUBMISSION"), QCoreApplication::translate("tabel-node", "the submission")),
          req(s("out"), s("PATH"), QCoreApplication::translate("tabel-node", "the file to write; it must not exist"))},
         handler(&cmdSubmissionExport)});

    // ---- Period marks ----
    c.append({s("period-mark"),
              s("set"),
              QCoreApplication::translate("tabel-node", "give a quarter, half-year or annual mark"),
              QCoreApplication::translate(
                  "tabel-node", "Period marks are entered in the last week of the period (2.5.6); outside it, give\n"
                                "--override-reason."),
              {},
              {klass, subject,
               req(s("period"), s("PERIOD"),
                   QCoreApplication::translate("tabel-node", "the period id, e.g. q1, h2 or annual")),
               pupil, req(s("value"), s("MARK"), QCoreApplication::translate("tabel-node", "the mark")),
               opt(s("override-reason"), s("TEXT"),
                   QCoreApplication::translate("tabel-node", "why the mark is entered outside the last week"))},
              handler(&cmdPeriodMarkSet)});
    c.append(
        {s("period-mark"),
         s("correct"),
         QCoreApplication::translate("tabel-node", "correct a period mark, with explanation and approver (2.6.8)"),
         {},
         {},
         {klass, subject, req(s("period"), s("PERIOD"), QCoreApplication::translate("tabel-node", "the period id")),
          pupil, req(s("value"), s("MARK"), QCoreApplication::translate("tabel-node", "the new mark")),
          req(s("explanation"), s("TEXT"), QCoreApplication::translate("tabel-node", "why the mark is corrected")),
          req(s("approver"), s("NAME"), QCoreApplication::translate("tabel-node", "who approved the correction"))},
         handler(&cmdPeriodMarkCorrect)});
    c.append({s("period-mark"),
              s("missing"),
              QCoreApplication::translate("tabel-node", "list pupils and subjects without a period mark"),
              {},
              {},
              {klass, req(s("period"), s("PERIOD"), QCoreApplication::translate("tabel-node", "the period id"))},
              handler(&cmdPeriodMarkMissing)});

    // ---- Substitutions ----
    c.append(
        {s("substitution"),
         s("add"),
         QCoreApplication::translate("tabel-node", "record a substitution (2.5.4)"),
         {},
         {},
         {req(s("date"), s("DATE"), QCoreApplication::translate("tabel-node", "the day")),
          req(s("slot"), s("N"), QCoreApplication::translate("tabel-node", "the lesson number in the day")), klass,
          req(s("group"), s("GROUP"), QCoreApplication::translate("tabel-node", "the group (all for the whole class)")),
          subject, req(s("absent"), s("TEACHER"), QCoreApplication::translate("tabel-node", "the absent teacher's id")),
          req(s("substitute"), s("TEACHER"), QCoreApplication::translate("tabel-node", "the substitute's id")),
          req(s("reason"), s("TEXT"), QCoreApplication::translate("tabel-node", "why"))},
         handler(&cmdSubstitutionAdd)});
    c.append(
        {s("substitution"),
         s("list"),
         QCoreApplication::translate("tabel-node", "print the substitution journal"),
         {},
         {},
         {opt(s("from"), s("DATE"), QCoreApplication::translate("tabel-node", "the first day (default: 1 September)")),
          opt(s("to"), s("DATE"), QCoreApplication::translate("tabel-node", "the last day (default: 31 August)"))},
         handler(&cmdSubstitutionList)});

    // ---- КТП ----
    c.append(
        {s("ktp"),
         s("add-topic"),
         QCoreApplication::translate("tabel-node", "add or change a topic of the calendar-thematic plan"),
         {},
         {},
         {klass, subject, req(s("number"), s("N"), QCoreApplication::translate("tabel-node", "the topic's number")),
          req(s("title"), s("TEXT"), QCoreApplication::translate("tabel-node", "the topic")),
          req(s("hours"), s("H"), QCoreApplication::translate("tabel-node", "planned hours"))},
         handler(&cmdKtpAddTopic)});
    c.append(
        {s("ktp"),
         s("correct"),
         QCoreApplication::translate("tabel-node", "add an entry to the correction sheet of the plan (3.1)"),
         {},
         {},
         {klass, subject, req(s("date"), s("DATE"), QCoreApplication::translate("tabel-node", "the date of the entry")),
          req(s("topics"), s("N,N"), QCoreApplication::translate("tabel-node", "the topics concerned, e.g. 3,4")),
          req(s("planned"), s("H"), QCoreApplication::translate("tabel-node", "planned hours")),
          req(s("actual"), s("H"), QCoreApplication::translate("tabel-node", "hours actually given")),
          req(s("reason"), s("TEXT"), QCoreApplication::translate("tabel-node", "the reason")),
          req(s("method"), s("METHOD"),
              QCoreApplication::translate("tabel-node", "merge, next-year, modular or self-study"))},
         handler(&cmdKtpCorrect)});
    c.append({s("ktp"),
              s("show"),
              QCoreApplication::translate("tabel-node", "show the plan, its correction sheet and the carry-over list"),
              {},
              {},
              {klass, subject},
              handler(&cmdKtpShow)});

    // ---- Printing (2.5.10), offline ----
    const OptionSpec out = req(s("out"), s("FILE"),
                               QCoreApplication::translate("tabel-node", "the file to write: FILE.pdf, FILE.html or "
                                                                         "FILE.xlsx (the КТП: .pdf or .html)"));
    c.append(
        {s("print"),
         s("journal"),
         QCoreApplication::translate("tabel-node", "print the journal of a class and subject (2.5.10) as PDF/A, HTML "
                                                   "or XLSX, numbered in this computer's register of prints"),
         QCoreApplication::translate("tabel-node", "The marks and absences, the lessons with topics and homework, the "
                                                   "substitutions, your signature line. The range: --period, or "
                                                   "--from and --to (default: 1 September … today)."),
         {},
         {klass, subject,
          opt(s("group"), s("GROUP"),
              QCoreApplication::translate("tabel-node", "a subgroup; default: the whole class")),
          opt(s("period"), s("PERIOD"), QCoreApplication::translate("tabel-node", "a period of the calendar, e.g. q1")),
          opt(s("from"), s("DATE"), QCoreApplication::translate("tabel-node", "the first day (default: 1 September)")),
          opt(s("to"), s("DATE"), QCoreApplication::translate("tabel-node", "the last day (default: today)")), out},
         handler(&cmdPrintJournal)});
    c.append(
        {s("print"),
         s("ktp"),
         QCoreApplication::translate("tabel-node", "print the КТП of a class and subject with its correction sheet "
                                                   "(3.1), numbered in this computer's register of prints"),
         {},
         {},
         {klass, subject, out},
         handler(&cmdPrintKtp)});
    c.append({s("prints"),
              s("list"),
              QCoreApplication::translate("tabel-node", "what this computer printed: number, time, form, SHA-256"),
              {},
              {},
              {json},
              handler(&cmdPrintsList)});
    c.append({s("prints"),
              s("verify"),
              QCoreApplication::translate("tabel-node", "say whether a file is exactly a print made on this computer"),
              {},
              {{s("FILE"), QCoreApplication::translate("tabel-node", "the file to check")}},
              {},
              handler(&cmdPrintsVerify)});
    return c;
}

namespace {

QStringList exitCodeLines() {
    const QList<QPair<int, QString>> codes = {
        {kExitOk, QCoreApplication::translate("tabel-node", "ok")},
        {kExitInternal,
         QCoreApplication::translate(
             "tabel-node", "internal error (a bug, or the system failed: disk full, I/O error on the store)")},
        {kExitUsage, QCoreApplication::translate(
                         "tabel-node", "usage error: unknown command or option, a missing or malformed argument")},
        {kExitWrongPassphrase, QCoreApplication::translate("tabel-node", "wrong passphrase")},
        {kExitCorrupt, QCoreApplication::translate("tabel-node", "the store is damaged or was altered")},
        {kExitBadInput, QCoreApplication::translate("tabel-node", "bad input file (CSV or submission file)")},
        {kExitRule, QCoreApplication::translate(
                        "tabel-node", "rejected by a rule of the regulation (the message starts with the clause)")},
        {kExitNotFound, QCoreApplication::translate("tabel-node", "not found (no store, lesson, pupil, task …)")},
        {kExitBusy, QCoreApplication::translate("tabel-node", "the store is busy: another program uses it")},
        {kExitExists, QCoreApplication::translate("tabel-node", "already exists")},
        {kExitUnsupported, QCoreApplication::translate("tabel-node", "unsupported: written by a newer tabel")},
        {kExitCrypto, QCoreApplication::translate("tabel-node", "cryptography failure")},
        {kExitUnreachable, QCoreApplication::translate(
                               "tabel-node", "the hub cannot be reached; nothing was lost, changes stay pending")},
        {kExitHubRefused, QCoreApplication::translate("tabel-node", "the hub refused the request")},
    };
    QStringList lines{QCoreApplication::translate("tabel-node", "Exit codes:")};
    for (const auto& [code, text] : codes)
        lines << QStringLiteral("  %1  %2").arg(code, 2).arg(text);
    return lines;
}

QStringList optionLines(const QList<OptionSpec>& options) {
    int width = 0;
    for (const OptionSpec& o : options)
        if (!o.hidden)
            width = std::max(width, visibleWidth(o.synopsis()));
    QStringList lines;
    for (const OptionSpec& o : options) {
        if (o.hidden)
            continue;
        QString help = o.help;
        if (o.required)
            help += u' ' + QCoreApplication::translate("tabel-node", "(required)");
        lines << QStringLiteral("  ") + padRight(o.synopsis(), width) + QStringLiteral("  ") + help;
    }
    return lines;
}

QString usageLine(const CommandSpec& c) {
    QStringList parts{QStringLiteral("tabel-node"), c.fullName()};
    for (const PositionalSpec& p : c.positionals)
        parts << p.name;
    for (const OptionSpec& o : c.options) {
        if (o.hidden)
            continue;
        parts << (o.required ? o.synopsis() : u'[' + o.synopsis() + u']');
    }
    return QCoreApplication::translate("tabel-node", "Usage: %1").arg(parts.join(u' '));
}

QStringList commandHelp(const CommandSpec& c) {
    QStringList lines{usageLine(c), QString(), c.summary};
    if (!c.description.isEmpty())
        lines << c.description.split(u'\n');
    if (!c.positionals.isEmpty()) {
        lines << QString() << QCoreApplication::translate("tabel-node", "Arguments:");
        for (const PositionalSpec& p : c.positionals)
            lines << QStringLiteral("  ") + p.name + QStringLiteral("  ") + p.help;
    }
    if (!c.options.isEmpty()) {
        lines << QString() << QCoreApplication::translate("tabel-node", "Options:");
        lines << optionLines(c.options);
    }
    return lines;
}

QStringList commonTail() {
    QStringList lines{QString(),
                      QCoreApplication::translate("tabel-node", "Global options (before or after the command):")};
    lines << optionLines(globalOptionSpecs());
    lines << QString()
          << QCoreApplication::translate("tabel-node",
                                         "Dates: YYYY-MM-DD or DD.MM.YYYY. Lessons: CLASS/SUBJECT/GROUP/DATE/SLOT.");
    lines << QString() << exitCodeLines();
    return lines;
}

QStringList programHelp(const QList<CommandSpec>& commands) {
    QStringList lines{
        QCoreApplication::translate("tabel-node",
                                    "Usage: tabel-node [--store DIR] [--passphrase-file FILE] COMMAND [OPTIONS]"),
        QString(),
        QCoreApplication::translate(
            "tabel-node", "The teacher's journal on this computer: lessons, marks, attendance, homework and pupils' "
                          "work,"),
        QCoreApplication::translate(
            "tabel-node", "kept in an encrypted store and sent to the school hub when there is a connection."),
        QString(),
        QCoreApplication::translate("tabel-node", "Commands:")};
    int width = 0;
    for (const CommandSpec& c : commands)
        width = std::max(width, visibleWidth(c.fullName()));
    for (const CommandSpec& c : commands)
        lines << QStringLiteral("  ") + padRight(c.fullName(), width) + QStringLiteral("  ") + c.summary;
    lines << QString()
          << QCoreApplication::translate("tabel-node", "«tabel-node COMMAND --help» shows the options of a command.");
    lines << commonTail();
    return lines;
}

} // namespace

int run(const QStringList& arguments) {
    const QList<CommandSpec> commands = commandTable();
    QString command;
    auto parsed = parseCommandLine(arguments, commands, command);
    if (!parsed) {
        printErr(QStringLiteral("tabel-node: ") + parsed.error().message);
        printErr(QCoreApplication::translate("tabel-node", "hint: %1")
                     .arg(command.isEmpty()
                              ? QCoreApplication::translate("tabel-node", "see «tabel-node --help»")
                              : QCoreApplication::translate("tabel-node", "see «tabel-node %1 --help»").arg(command)));
        return kExitUsage;
    }
    ParseOutcome& outcome = *parsed;
    switch (outcome.kind) {
    case ParseOutcome::Version:
        printOut(QStringLiteral("tabel-node ") + QCoreApplication::applicationVersion());
        return kExitOk;
    case ParseOutcome::ProgramHelp:
        printOut(programHelp(commands));
        return kExitOk;
    case ParseOutcome::GroupHelp: {
        QStringList lines;
        for (const CommandSpec& c : commands) {
            if (c.group != outcome.group)
                continue;
            if (!lines.isEmpty())
                lines << QString();
            lines << commandHelp(c);
        }
        lines << commonTail();
        printOut(lines);
        return kExitOk;
    }
    case ParseOutcome::CommandHelp:
        printOut(commandHelp(*outcome.invocation.spec) + commonTail());
        return kExitOk;
    case ParseOutcome::Run:
        break;
    }
    return outcome.invocation.spec->run(outcome.invocation);
}

} // namespace tabel::node::cli
