// The teacher's journal: every operation a teacher performs on the node, offline (R-S1). Each mutating call
// loads what the rules of the regulation need, checks them (shared/domain/rules.h), and records the change as
// one signed change set in the node store. Reads build the views the CLI prints.
#pragma once

#include "node/store/node_store.h"
#include "shared/core/result.h"
#include "shared/domain/model.h"
#include "shared/domain/reference_import.h"
#include "shared/domain/rules.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace tabel::node {

struct ImportReport {
    QString file;
    int rows = 0;
    CommitInfo commit;
};

// One column of the journal grid: a lesson and what was given.
struct JournalColumn {
    domain::Lesson lesson;
};

struct JournalCell {
    QStringList marks;                         // "5", "4", "зач" in column order
    std::optional<domain::Attendance> absence; // «Н» with its reason
    bool empty() const { return marks.isEmpty() && !absence; }
};

struct JournalRow {
    domain::Pupil pupil;
    QList<JournalCell> cells; // one per column
    QString average;          // the average of its numeric marks by the school's rule, "4.25", or empty
};

// R-J12: a class × subject (× group) over any date range.
struct JournalView {
    QString classId, subjectId, groupId; // groupId empty: all groups (the class view is the union, 2.5.5)
    QString subjectName;
    QDate from, to;
    QList<JournalColumn> columns;
    QList<JournalRow> rows;
    domain::AverageRule averageRule = domain::AverageRule::Weighted; // how the rows' averages are counted
};

// R-J12: one pupil's marks and absences in all subjects over a date range.
struct PupilResultLine {
    QDate date;
    int slot = 0;
    QString subjectId, subjectName;
    QString marks;   // "5 4"
    QString absence; // "Н (Б)"
    QString topic;
};
struct PupilView {
    domain::Pupil pupil;
    QDate from, to;
    QList<PupilResultLine> lines;
    QList<domain::PeriodMark> periodMarks;
};

struct SubmissionImport {
    domain::Submission submission;
    bool deduplicated = false; // the same file was already stored
    CommitInfo commit;
};

struct KtpView {
    QList<domain::KtpTopic> topics;
    QList<domain::KtpCorrection> corrections;
    QList<domain::KtpTopic> carryOver; // topics moved to next year (3.1)
    QHash<int, int> lessonsPerTopic;   // topic number → lessons recorded with that topic (hours given so far)
};

// One cell of the journal grid as the teacher typed it (node/web): a mark, an absence, or nothing (the pupil's
// marks and absence in that lesson removed).
struct CellEdit {
    enum class Kind { Mark, Absence, Clear };
    domain::LessonKey lesson;
    QString pupilId;
    Kind kind = Kind::Mark;
    domain::MarkValue value = domain::MarkValue::Five;
    QList<domain::MarkValue> moreValues; // Kind::Mark: the marks of the next columns («5 4»: 5, then 4 in column 2)
    domain::AbsenceReason reason = domain::AbsenceReason::Unexcused;
    QString certificateNo; // an absence's doctor's certificate (3.5)
    std::optional<QDate> certificateDate;
    int column = 1;
};

// What recordCells did: one change set for every edit that was written, and for each edit the error that refused
// it (a rule of the regulation, an unknown lesson or pupil), or nothing when it was written.
struct CellsOutcome {
    CommitInfo commit;
    QList<std::optional<Error>> refused; // one per edit, in order
};

class Journal {
public:
    explicit Journal(NodeStore& store) : m_store(store) {}

    // ---- Reference data from CSV (R-J1). All or nothing: a bad line imports nothing. The conversion is
    // domain::readReference(), the one `tabel-hub import` runs too. ----
    // roster.csv: pupil_id, class, surname, name, patronymic, book_no, subgroups ("eng:1 inf:2")
    [[nodiscard]] Result<ImportReport> importRoster(const QString& path);
    // timetable.csv: class, weekday, slot, subject, subject_name, group, teacher, teacher_name
    [[nodiscard]] Result<ImportReport> importTimetable(const QString& path);
    // calendar.csv: kind (year|quarter|half|holiday), id, title, start, end, grades
    [[nodiscard]] Result<ImportReport> importCalendar(const QString& path);
    [[nodiscard]] Result<ImportReport> importReference(domain::ReferenceKind kind, const QString& path);

    // ---- Lessons, marks, attendance ----
    [[nodiscard]] Result<CommitInfo> saveLesson(domain::Lesson lesson);
    [[nodiscard]] Result<CommitInfo> setMark(domain::Mark mark);
    [[nodiscard]] Result<CommitInfo> removeMark(const domain::LessonKey& lesson, const QString& pupilId, int column);
    [[nodiscard]] Result<CommitInfo> setAbsence(domain::Attendance attendance);
    [[nodiscard]] Result<CommitInfo> removeAbsence(const domain::LessonKey& lesson, const QString& pupilId);
    // Several marks and absences of one lesson in one change set (how a teacher fills a lesson's column).
    [[nodiscard]] Result<CommitInfo> recordLesson(const domain::Lesson& lesson, const QList<domain::Mark>& marks,
                                                  const QList<domain::Attendance>& absences);

    // Many cells of the grid at once, in order, as one change set: each is checked by the same rules as setMark,
    // setAbsence and removeMark (a later edit sees the earlier ones); a refused edit writes nothing and is reported
    // in its place, the others are written. Marks replace the cell's marks from their column on: «5 4» from column 1
    // is the whole cell, and a single «3» there removes a second column's mark. Only a failure of the store fails the
    // whole call (nothing written).
    [[nodiscard]] Result<CellsOutcome> recordCells(const QList<CellEdit>& edits);

    // ---- Distance tasks, self-study, submissions (R-J5, R-J7, R-J8) ----
    [[nodiscard]] Result<CommitInfo> saveTask(domain::Task task);
    [[nodiscard]] Result<SubmissionImport> importSubmission(const QString& taskKey, const QString& pupilId,
                                                            const QString& filePath, const QDateTime& received);
    // The same with the file's bytes at hand (the web journal's upload): the name is kept without any folder.
    [[nodiscard]] Result<SubmissionImport> importSubmissionData(const QString& taskKey, const QString& pupilId,
                                                                const QString& fileName, const QByteArray& content,
                                                                const QDateTime& received);
    // The tasks of a class and subject (every group), in key order.
    [[nodiscard]] Result<QList<domain::Task>> tasks(const QString& classId, const QString& subjectId);
    // Grades a submission: the mark goes into the column of the task's lesson (3.4), checked against 4.4.
    [[nodiscard]] Result<CommitInfo> gradeSubmission(const QString& submissionKey, domain::MarkValue value,
                                                     int column = 1);
    [[nodiscard]] Result<QList<domain::Submission>> submissions(const QString& taskKeyOrEmpty);
    // Work received more than `days` days before `today` and not yet graded (R-J8), oldest first.
    [[nodiscard]] Result<QList<domain::Submission>> overdueSubmissions(QDate today, int days = 7);
    [[nodiscard]] Result<QByteArray> submissionFile(const QString& submissionKey);

    // ---- Period marks and corrections (R-J9, R-J13) ----
    // deviceTime: this device's clock at the entry, signed with the mark and judged by its local date (2.5.6,
    // R-J9); the hub judges the same time and its own receipt time (sync/judge.h).
    [[nodiscard]] Result<CommitInfo> setPeriodMark(domain::PeriodMark mark,
                                                   const QDateTime& deviceTime = QDateTime::currentDateTimeUtc());
    [[nodiscard]] Result<CommitInfo> correctPeriodMark(domain::Correction correction);
    [[nodiscard]] Result<QList<domain::rules::MissingPeriodMark>> missingPeriodMarks(const QString& classId,
                                                                                     const QString& periodId);
    [[nodiscard]] Result<QList<domain::Correction>> corrections(const QString& classId, const QString& subjectId);
    // The period marks of a class and subject for one period ("q1", "annual"), by pupil.
    [[nodiscard]] Result<QList<domain::PeriodMark>> periodMarks(const QString& classId, const QString& subjectId,
                                                                const QString& periodId);

    // ---- Substitutions (R-J10) and КТП (R-J6) ----
    [[nodiscard]] Result<CommitInfo> saveSubstitution(domain::Substitution substitution);
    [[nodiscard]] Result<QList<domain::Substitution>> substitutions(QDate from, QDate to);
    [[nodiscard]] Result<CommitInfo> saveKtpTopic(domain::KtpTopic topic);
    [[nodiscard]] Result<CommitInfo> addKtpCorrection(domain::KtpCorrection entry); // number assigned if 0
    [[nodiscard]] Result<KtpView> ktp(const QString& classId, const QString& subjectId);

    // ---- Views (R-J12) ----
    [[nodiscard]] Result<JournalView> classJournal(const QString& classId, const QString& subjectId,
                                                   const QString& groupIdOrEmpty, QDate from, QDate to);
    [[nodiscard]] Result<PupilView> pupilResults(const QString& pupilId, QDate from, QDate to);
    // What one cell of the grid holds now, and the averages of the pupils' marks between two dates (the grid's last
    // column), without building the whole view: what the web journal answers after an entry.
    [[nodiscard]] Result<JournalCell> cell(const domain::LessonKey& lesson, const QString& pupilId);
    [[nodiscard]] Result<QHash<QString, QString>> averages(const QString& classId, const QString& subjectId,
                                                           const QString& groupIdOrEmpty, QDate from, QDate to);
    // How averages are counted here: the school profile's rule (weighted until the school says otherwise).
    [[nodiscard]] Result<domain::AverageRule> averageRule();
    // The lessons of this teacher's timetable for a class and subject (one group, or any when empty) between two
    // dates that are not recorded yet: school days of the school year outside the holidays, in date and slot
    // order. The journal grid shows them as columns still to be filled in.
    [[nodiscard]] Result<QList<domain::LessonKey>> plannedLessons(const QString& classId, const QString& subjectId,
                                                                  const QString& groupIdOrEmpty, QDate from, QDate to);

    // ---- Lookups ----
    [[nodiscard]] Result<std::optional<domain::Pupil>> pupil(const QString& id);
    [[nodiscard]] Result<QList<domain::Pupil>> pupilsOfClass(const QString& classId);
    [[nodiscard]] Result<QList<domain::Teacher>> teachers(); // the school's, by name
    [[nodiscard]] Result<QList<domain::SchoolClass>> schoolClasses();
    [[nodiscard]] Result<QStringList> groupMembers(const QString& classId, const QString& subjectId,
                                                   const QString& groupId);
    [[nodiscard]] Result<QStringList> assessmentForms();
    [[nodiscard]] Result<std::optional<domain::Period>> period(const QString& periodId);
    // The classes, subjects and groups this teacher teaches (from the timetable), the subjects' names, and the
    // timetable's lines of this teacher.
    [[nodiscard]] Result<QList<domain::Assignment>> myAssignments() { return assignments(); }
    [[nodiscard]] Result<QList<domain::Subject>> subjects();
    [[nodiscard]] Result<QList<domain::TimetableSlot>> myTimetable();
    [[nodiscard]] Result<QList<domain::Period>> periods();
    // The names the rules' messages show instead of ids (issue 9 item 7), looked up in this store when a message
    // is written.
    domain::rules::Names names();
    [[nodiscard]] Result<std::optional<domain::Lesson>> lessonAt(const domain::LessonKey& key) { return lesson(key); }
    // Forgets the reference data read so far (another process, or a sync, may have changed it).
    void refresh() { invalidateCaches(); }

    NodeStore& store() { return m_store; }

private:
    // Loads and checks everything a mark needs, inside a change.
    [[nodiscard]] Status checkMarkEntry(const domain::Mark& mark);
    [[nodiscard]] Status writeMark(ChangeWriter& w, const domain::Mark& mark);
    [[nodiscard]] Status writeAbsence(ChangeWriter& w, const domain::Attendance& attendance);
    [[nodiscard]] Status checkScope(const domain::LessonKey& lesson);
    [[nodiscard]] Status checkTeachesSubject(const QString& classId, const QString& subjectId, const QString& clause);
    [[nodiscard]] Result<QList<domain::Assignment>> assignments();
    [[nodiscard]] Status checkPupil(const QString& pupilId, const domain::LessonKey& lesson);
    [[nodiscard]] Status checkSubmissionTarget(const QString& taskKey, const QString& pupilId,
                                               const QDateTime& received);
    [[nodiscard]] Result<SubmissionImport> storeSubmission(const QString& taskKey, const QString& pupilId,
                                                           const QString& fileName, const QByteArray& content,
                                                           const QDateTime& received);
    [[nodiscard]] Result<std::optional<domain::Lesson>> lesson(const domain::LessonKey& key);
    void invalidateCaches();

    NodeStore& m_store;
    // Reference data read once per Journal and dropped on import: a teacher enters many marks per lesson.
    std::optional<QList<domain::Assignment>> m_assignments;
    QHash<QString, QStringList> m_members; // "class/subject/group" → pupil ids
    std::optional<QStringList> m_forms;
};

} // namespace tabel::node
