#include "node/web/ui_text.h"

#include <QCoreApplication>

namespace tabel::node::web {

namespace {

struct Text {
    const char* key;
    const char* text;
};

// %1, %2 … are filled in by the page (text.js).
constexpr Text kTexts[] = {
    {"app.title", QT_TRANSLATE_NOOP("tabel::web::page", "Class journal")},
    {"login.heading", QT_TRANSLATE_NOOP("tabel::web::page", "The journal is locked")},
    {"login.explain", QT_TRANSLATE_NOOP("tabel::web::page",
                                        "Enter the passphrase of your journal on this computer. It works without the "
                                        "internet; nothing leaves this computer until you synchronise.")},
    {"login.label", QT_TRANSLATE_NOOP("tabel::web::page", "Passphrase")},
    {"login.submit", QT_TRANSLATE_NOOP("tabel::web::page", "Unlock")},
    {"login.opening", QT_TRANSLATE_NOOP("tabel::web::page", "Opening the journal…")},
    {"login.locked",
     QT_TRANSLATE_NOOP("tabel::web::page",
                       "The journal was locked (you left or it was idle). Enter the passphrase again.")},
    {"login.network", QT_TRANSLATE_NOOP("tabel::web::page",
                                        "The journal program does not answer. Check that «tabel-node serve» is still "
                                        "running, then reload this page.")},
    {"nav.today", QT_TRANSLATE_NOOP("tabel::web::page", "Today's lessons")},
    {"nav.classes", QT_TRANSLATE_NOOP("tabel::web::page", "My classes")},
    {"nav.noLessons", QT_TRANSLATE_NOOP("tabel::web::page", "No lessons in your timetable today.")},
    {"nav.notRecorded", QT_TRANSLATE_NOOP("tabel::web::page", "not yet recorded")},
    {"nav.slot", QT_TRANSLATE_NOOP("tabel::web::page", "lesson %1")},
    {"logout", QT_TRANSLATE_NOOP("tabel::web::page", "Log out")},
    {"grid.class", QT_TRANSLATE_NOOP("tabel::web::page", "Class, subject, group")},
    {"grid.period", QT_TRANSLATE_NOOP("tabel::web::page", "Period")},
    {"grid.from", QT_TRANSLATE_NOOP("tabel::web::page", "From")},
    {"grid.to", QT_TRANSLATE_NOOP("tabel::web::page", "To")},
    {"grid.show", QT_TRANSLATE_NOOP("tabel::web::page", "Show")},
    {"print.journal", QT_TRANSLATE_NOOP("tabel::web::page", "Print the journal")},
    {"period.correctWhy",
     QT_TRANSLATE_NOOP("tabel::web::page", "The period mark %1 is given already; changing it to %2 is a correction "
                                           "(2.6.8). Why is it corrected?")},
    {"period.correctWho", QT_TRANSLATE_NOOP("tabel::web::page", "Who approved the correction (the director)?")},
    {"period.correctCancelled",
     QT_TRANSLATE_NOOP("tabel::web::page", "Not corrected: a correction needs the reason and who approved it")},
    {"period.corrected",
     QT_TRANSLATE_NOOP("tabel::web::page", "Corrected on this computer; the summary sheet shows the old and the new "
                                           "mark")},
    {"print.ktp", QT_TRANSLATE_NOOP("tabel::web::page", "Print the КТП")},
    {"print.working", QT_TRANSLATE_NOOP("tabel::web::page", "Preparing the document…")},
    {"print.done", QT_TRANSLATE_NOOP("tabel::web::page",
                                     "Printed: number %1 in this computer's register of prints; the file %2 is in "
                                     "your downloads")},
    {"grid.custom", QT_TRANSLATE_NOOP("tabel::web::page", "dates below")},
    {"grid.pupil", QT_TRANSLATE_NOOP("tabel::web::page", "Pupil")},
    {"grid.average", QT_TRANSLATE_NOOP("tabel::web::page", "Average")},
    {"grid.averageHint", QT_TRANSLATE_NOOP("tabel::web::page", "Average of the numeric marks of the shown dates, %1")},
    {"grid.averageRule",
     QT_TRANSLATE_NOOP("tabel::web::page", "The average is %1. The school sets this rule (tabel-hub school set "
                                           "--average). A lesson's mark columns get their kind and weight in the "
                                           "lesson's form (click the date).")},
    {"grid.kindControl", QT_TRANSLATE_NOOP("tabel::web::page", "C")},
    {"grid.kindHint", QT_TRANSLATE_NOOP("tabel::web::page", "mark column %1: %2, weight %3")},
    {"lesson.marks", QT_TRANSLATE_NOOP("tabel::web::page", "Marks of this lesson: kind and weight (R-J2)")},
    {"lesson.marksColumn", QT_TRANSLATE_NOOP("tabel::web::page", "Mark column %1")},
    {"lesson.kind", QT_TRANSLATE_NOOP("tabel::web::page", "kind")},
    {"lesson.weight", QT_TRANSLATE_NOOP("tabel::web::page", "weight")},
    {"lesson.kindCurrent", QT_TRANSLATE_NOOP("tabel::web::page", "current mark")},
    {"lesson.kindControl", QT_TRANSLATE_NOOP("tabel::web::page", "control work")},
    {"lesson.marksHelp",
     QT_TRANSLATE_NOOP("tabel::web::page", "Every mark typed in a column takes its kind and weight; marks already "
                                           "given there change with it. Type «5 4» in a cell for a mark in column 1 "
                                           "and in column 2.")},
    {"grid.caption", QT_TRANSLATE_NOOP("tabel::web::page", "%1, %2: %3 – %4")},
    {"grid.empty", QT_TRANSLATE_NOOP("tabel::web::page",
                                     "No lessons recorded in these dates. Record a lesson first («tabel-node lesson "
                                     "add»), or choose other dates.")},
    {"grid.help", QT_TRANSLATE_NOOP("tabel::web::page",
                                    "Keyboard: arrows move; type 5, 4, 3, 2, 1, зач, н (absent), б (ill) or уп (valid "
                                    "reason) and press Enter or Tab; Ctrl+Enter puts it into every empty cell of the "
                                    "lesson; Shift+Enter: an absence with a doctor's certificate; Delete clears the "
                                    "cell; Esc cancels; ↑ from the first row opens the lesson.")},
    {"grid.saving", QT_TRANSLATE_NOOP("tabel::web::page", "Saving…")},
    {"grid.saved", QT_TRANSLATE_NOOP("tabel::web::page", "Saved on this computer")},
    {"grid.refused",
     QT_TRANSLATE_NOOP("tabel::web::page", "Not saved: %1. The cell keeps what you typed; correct it or press Esc.")},
    {"grid.cellLabel", QT_TRANSLATE_NOOP("tabel::web::page", "%1, %2")},
    {"grid.loading", QT_TRANSLATE_NOOP("tabel::web::page", "Loading the journal…")},
    {"grid.choose", QT_TRANSLATE_NOOP("tabel::web::page", "Choose a class on the left.")},
    {"grid.planned", QT_TRANSLATE_NOOP("tabel::web::page", "plan")},
    {"grid.plannedHint",
     QT_TRANSLATE_NOOP("tabel::web::page", "in the timetable, not recorded yet: open it to write the topic, then the "
                                           "marks")},
    {"lesson.title", QT_TRANSLATE_NOOP("tabel::web::page", "Lesson: %1, %2, lesson %3")},
    {"lesson.topic", QT_TRANSLATE_NOOP("tabel::web::page", "Topic")},
    {"lesson.ktp", QT_TRANSLATE_NOOP("tabel::web::page", "Topic of the calendar-thematic plan")},
    {"lesson.noKtp", QT_TRANSLATE_NOOP("tabel::web::page", "— not from the plan —")},
    {"lesson.homework", QT_TRANSLATE_NOOP("tabel::web::page", "Homework")},
    {"lesson.due", QT_TRANSLATE_NOOP("tabel::web::page", "Homework due")},
    {"lesson.form", QT_TRANSLATE_NOOP("tabel::web::page", "Form of assessment")},
    {"lesson.noForm", QT_TRANSLATE_NOOP("tabel::web::page", "— none —")},
    {"lesson.distance", QT_TRANSLATE_NOOP("tabel::web::page", "Held at a distance")},
    {"lesson.save", QT_TRANSLATE_NOOP("tabel::web::page", "Save the lesson")},
    {"lesson.cancel", QT_TRANSLATE_NOOP("tabel::web::page", "Cancel")},
    {"period.hint",
     QT_TRANSLATE_NOOP("tabel::web::page",
                       "The period mark (2.5.6): entered in the last week of the period; at another time "
                       "the journal asks for the reason")},
    {"period.reason",
     QT_TRANSLATE_NOOP("tabel::web::page", "To enter it now anyway, write the reason (it is kept with the mark):")},
    {"att.title", QT_TRANSLATE_NOOP("tabel::web::page", "Absence: %1, %2")},
    {"att.reason", QT_TRANSLATE_NOOP("tabel::web::page", "Reason")},
    {"att.reasonN", QT_TRANSLATE_NOOP("tabel::web::page", "without a valid reason (н)")},
    {"att.reasonB", QT_TRANSLATE_NOOP("tabel::web::page", "illness (б)")},
    {"att.reasonUP", QT_TRANSLATE_NOOP("tabel::web::page", "a valid reason (уп)")},
    {"att.certNo", QT_TRANSLATE_NOOP("tabel::web::page", "Number of the doctor's certificate")},
    {"att.certDate", QT_TRANSLATE_NOOP("tabel::web::page", "Date the certificate was received")},
    {"att.save", QT_TRANSLATE_NOOP("tabel::web::page", "Save the absence")},
    {"att.certificate", QT_TRANSLATE_NOOP("tabel::web::page", "Doctor's certificate № %1 of %2")},
    {"subst.title", QT_TRANSLATE_NOOP("tabel::web::page", "My substitutions (2.5.4), %1 – %2")},
    {"subst.none", QT_TRANSLATE_NOOP("tabel::web::page", "No substitutions of yours in these dates.")},
    {"subst.write", QT_TRANSLATE_NOOP("tabel::web::page", "write the lesson")},
    {"subst.date", QT_TRANSLATE_NOOP("tabel::web::page", "Date")},
    {"subst.slot", QT_TRANSLATE_NOOP("tabel::web::page", "Lesson no.")},
    {"subst.lesson", QT_TRANSLATE_NOOP("tabel::web::page", "Class and subject")},
    {"subst.class", QT_TRANSLATE_NOOP("tabel::web::page", "Class")},
    {"subst.subject", QT_TRANSLATE_NOOP("tabel::web::page", "Subject")},
    {"subst.group", QT_TRANSLATE_NOOP("tabel::web::page", "Group (all: the whole class)")},
    {"subst.absent", QT_TRANSLATE_NOOP("tabel::web::page", "Absent teacher")},
    {"subst.substitute", QT_TRANSLATE_NOOP("tabel::web::page", "Substitute")},
    {"subst.reason", QT_TRANSLATE_NOOP("tabel::web::page", "Reason")},
    {"subst.role", QT_TRANSLATE_NOOP("tabel::web::page", "You")},
    {"subst.roleSubstitute", QT_TRANSLATE_NOOP("tabel::web::page", "substituted")},
    {"subst.roleAbsent", QT_TRANSLATE_NOOP("tabel::web::page", "were substituted")},
    {"subst.topic", QT_TRANSLATE_NOOP("tabel::web::page", "Lesson in the journal")},
    {"subst.new", QT_TRANSLATE_NOOP("tabel::web::page", "Record a substitution")},
    {"subst.save", QT_TRANSLATE_NOOP("tabel::web::page", "Record the substitution")},
    {"ktp.title", QT_TRANSLATE_NOOP("tabel::web::page", "Calendar-thematic plan (КТП, 3.1): %1, %2")},
    {"ktp.none", QT_TRANSLATE_NOOP("tabel::web::page", "The plan has no topics yet; add them below.")},
    {"ktp.summary",
     QT_TRANSLATE_NOOP("tabel::web::page", "Planned hours: %1. Lessons given on the plan's topics: %2.")},
    {"ktp.number", QT_TRANSLATE_NOOP("tabel::web::page", "No.")},
    {"ktp.topic", QT_TRANSLATE_NOOP("tabel::web::page", "Topic")},
    {"ktp.hours", QT_TRANSLATE_NOOP("tabel::web::page", "Planned hours")},
    {"ktp.lessons", QT_TRANSLATE_NOOP("tabel::web::page", "Lessons given")},
    {"ktp.movedNextYear", QT_TRANSLATE_NOOP("tabel::web::page", "moved to the next year")},
    {"ktp.newTopic", QT_TRANSLATE_NOOP("tabel::web::page", "Add or change a topic")},
    {"ktp.saveTopic", QT_TRANSLATE_NOOP("tabel::web::page", "Save the topic")},
    {"ktp.sheet", QT_TRANSLATE_NOOP("tabel::web::page", "Correction sheet")},
    {"ktp.sheetEmpty", QT_TRANSLATE_NOOP("tabel::web::page", "No corrections: the plan is followed as written.")},
    {"ktp.topics", QT_TRANSLATE_NOOP("tabel::web::page", "Topics")},
    {"ktp.planned", QT_TRANSLATE_NOOP("tabel::web::page", "Hours planned")},
    {"ktp.actual", QT_TRANSLATE_NOOP("tabel::web::page", "Hours given")},
    {"ktp.method", QT_TRANSLATE_NOOP("tabel::web::page", "How it is made up")},
    {"ktp.method.merge", QT_TRANSLATE_NOOP("tabel::web::page", "topics merged")},
    {"ktp.method.next-year", QT_TRANSLATE_NOOP("tabel::web::page", "moved to the next year")},
    {"ktp.method.modular", QT_TRANSLATE_NOOP("tabel::web::page", "taught in modules")},
    {"ktp.method.self-study", QT_TRANSLATE_NOOP("tabel::web::page", "given for self-study")},
    {"ktp.newCorrection", QT_TRANSLATE_NOOP("tabel::web::page", "New entry of the correction sheet")},
    {"ktp.saveCorrection", QT_TRANSLATE_NOOP("tabel::web::page", "Enter it in the sheet")},
    {"work.title", QT_TRANSLATE_NOOP("tabel::web::page", "Tasks and pupils' work")},
    {"work.overdue", QT_TRANSLATE_NOOP("tabel::web::page", "Waiting for a grade more than 7 days (4.2): %1 —")},
    {"work.new", QT_TRANSLATE_NOOP("tabel::web::page", "Give a new task")},
    {"work.taskTitle", QT_TRANSLATE_NOOP("tabel::web::page", "Title")},
    {"work.kind", QT_TRANSLATE_NOOP("tabel::web::page", "Kind")},
    {"work.kind.distance", QT_TRANSLATE_NOOP("tabel::web::page", "distance task")},
    {"work.kind.selfstudy", QT_TRANSLATE_NOOP("tabel::web::page", "self-study")},
    {"work.kind.homework", QT_TRANSLATE_NOOP("tabel::web::page", "homework")},
    {"work.kind.control", QT_TRANSLATE_NOOP("tabel::web::page", "control work")},
    {"work.kind.practical", QT_TRANSLATE_NOOP("tabel::web::page", "practical work")},
    {"work.kind.lab", QT_TRANSLATE_NOOP("tabel::web::page", "laboratory work")},
    {"work.lesson", QT_TRANSLATE_NOOP("tabel::web::page", "Lesson (its column gets the marks)")},
    {"work.noLesson", QT_TRANSLATE_NOOP("tabel::web::page", "— no lesson —")},
    {"work.due", QT_TRANSLATE_NOOP("tabel::web::page", "Due")},
    {"work.dueShort", QT_TRANSLATE_NOOP("tabel::web::page", "due %1")},
    {"work.text", QT_TRANSLATE_NOOP("tabel::web::page", "What to do")},
    {"work.add", QT_TRANSLATE_NOOP("tabel::web::page", "Give the task")},
    {"work.none", QT_TRANSLATE_NOOP("tabel::web::page", "No tasks in this class and subject yet.")},
    {"work.pupil", QT_TRANSLATE_NOOP("tabel::web::page", "Pupil")},
    {"work.file", QT_TRANSLATE_NOOP("tabel::web::page", "File")},
    {"work.accept", QT_TRANSLATE_NOOP("tabel::web::page", "Accept the work")},
    {"work.noWork", QT_TRANSLATE_NOOP("tabel::web::page", "No work received yet.")},
    {"work.received", QT_TRANSLATE_NOOP("tabel::web::page", "Received")},
    {"work.grade", QT_TRANSLATE_NOOP("tabel::web::page", "Grade")},
    {"work.doGrade", QT_TRANSLATE_NOOP("tabel::web::page", "Grade it")},
    {"sync.button", QT_TRANSLATE_NOOP("tabel::web::page", "Synchronise")},
    {"sync.running", QT_TRANSLATE_NOOP("tabel::web::page", "Synchronising with the school server…")},
    {"sync.pending", QT_TRANSLATE_NOOP("tabel::web::page", "Waiting to be sent: %1")},
    {"sync.nothingPending", QT_TRANSLATE_NOOP("tabel::web::page", "Everything is sent")},
    {"sync.last", QT_TRANSLATE_NOOP("tabel::web::page", "Last synchronisation: %1")},
    {"sync.never", QT_TRANSLATE_NOOP("tabel::web::page", "Not synchronised yet")},
    {"sync.notEnrolled",
     QT_TRANSLATE_NOOP("tabel::web::page", "This computer is not connected to the school server yet; everything is "
                                           "kept here.")},
    {"sync.conflicts", QT_TRANSLATE_NOOP("tabel::web::page", "Entries the school's operator must decide on: %1")},
    {"sync.conflictsHead",
     QT_TRANSLATE_NOOP("tabel::web::page", "Two devices wrote different values; the school's operator decides which "
                                           "stays. Until then the later one is shown here:")},
    {"sync.amendmentsHead",
     QT_TRANSLATE_NOOP("tabel::web::page", "Your changes to closed periods (amendment requests, R-S6):")},
    {"error.generic", QT_TRANSLATE_NOOP("tabel::web::page", "Something went wrong: %1")},
};

} // namespace

QJsonObject uiText() {
    QJsonObject out;
    for (const Text& t : kTexts)
        out.insert(QString::fromLatin1(t.key), QCoreApplication::translate("tabel::web::page", t.text));
    return out;
}

} // namespace tabel::node::web
