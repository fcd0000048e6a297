// The handlers behind the command table (commands.cpp). Each checks its arguments, opens the store through
// its Session, calls the journal and prints the result. An error comes back as Status; the dispatcher prints it
// and turns it into the exit code.
#pragma once

#include "node/cli/support.h"

namespace tabel::node::cli {

// Store: commands_store.cpp
Status cmdInit(Session& s);
Status cmdPasswd(Session& s);
Status cmdImport(Session& s);
Status cmdStatus(Session& s);
Status cmdCheck(Session& s);

// Sync with the hub: commands_sync.cpp
Status cmdEnroll(Session& s);
Status cmdSync(Session& s);

// The journal in a browser: commands_serve.cpp
Status cmdServe(Session& s);

// Lessons, marks, attendance, views: commands_journal.cpp
Status cmdLessonAdd(Session& s);
Status cmdLessonShow(Session& s);
Status cmdMarkSet(Session& s);
Status cmdMarkRemove(Session& s);
Status cmdAttend(Session& s);
Status cmdJournal(Session& s);

// Tasks, submissions, period marks, substitutions, КТП: commands_work.cpp
Status cmdTaskAdd(Session& s);
Status cmdTaskList(Session& s);
Status cmdSubmissionImport(Session& s);
Status cmdSubmissionList(Session& s);
Status cmdSubmissionGrade(Session& s);
Status cmdSubmissionOverdue(Session& s);
Status cmdSubmissionExport(Session& s);
Status cmdPeriodMarkSet(Session& s);
Status cmdPeriodMarkCorrect(Session& s);
Status cmdPeriodMarkMissing(Session& s);
Status cmdSubstitutionAdd(Session& s);
Status cmdSubstitutionList(Session& s);
Status cmdKtpAddTopic(Session& s);
Status cmdKtpCorrect(Session& s);
Status cmdKtpShow(Session& s);

// Printing, offline: commands_print.cpp
Status cmdPrintJournal(Session& s);
Status cmdPrintKtp(Session& s);
Status cmdPrintsList(Session& s);
Status cmdPrintsVerify(Session& s);

} // namespace tabel::node::cli
