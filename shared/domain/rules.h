// The rules of the regulation, in one place (R-J3, R-J4, R-J5, R-J7, R-J9, R-J10, R-J11, R-J13, R-J2).
// Pure functions over the value types of model.h: the caller (node core, later the hub) loads what a rule needs
// and passes it in; a rule never reads a store. Every rejection is an Error{RuleViolation} whose message starts
// with the clause, e.g. "3.5: a pupil absent without illness cannot get a mark".
#pragma once

#include "shared/core/result.h"
#include "shared/domain/model.h"

#include <QList>
#include <QStringList>

#include <functional>
#include <optional>

namespace tabel::domain::rules {

// The names a person reads for the ids a rule's message mentions (issue 9 item 7): «Алексеев Артём» for 7a-01,
// «Математика» for math. The node fills them from its store, the hub from its merged state; a rule never looks
// them up itself. A name left unset, or one that comes back empty, shows the id.
struct Names {
    std::function<QString(const QString& pupilId)> pupil;
    std::function<QString(const QString& subjectId)> subject;
    std::function<QString(const QString& teacherId)> teacher;
    std::function<QString(const QString& entityKey)> entity; // "отметка: Алексеев Артём (7a-01), Математика, …"

    QString pupilText(const QString& id) const;   // "Алексеев Артём", or «7a-01»
    QString subjectText(const QString& id) const; // "Математика", or «math»
    QString teacherText(const QString& id) const; // "Иванова М. П.", or «t-ivanova»
    QString entityText(const QString& key) const; // what the key is, in words, or «mark/7А/…»
    // "Математика, 7А" or "Английский язык, 7А, группа 1": the journal of a class × subject × group.
    QString journalText(const QString& classId, const QString& subjectId, const QString& groupId) const;
    // "Математика, 7А, 01.09.2026, урок 2".
    QString lessonText(const LessonKey& lesson) const;
};

// R-J10, R-J11 (2.5.4, 2.5.5): may this teacher write this lesson? Yes when an assignment covers
// teacher × class × subject × group, or a substitution names the teacher as substitute for exactly that
// date, slot, class, group and subject.
[[nodiscard]] Status checkLessonScope(const QString& teacherId, const LessonKey& lesson,
                                      const QList<Assignment>& assignments, const QList<Substitution>& substitutions,
                                      const Names& names = {});

// R-J11 (2.5.5): a subgroup's journal holds only that subgroup's pupils. groupMembers is the member list of
// the lesson's group; for the whole class ("all") pass the class list. Also rejects a pupil of another class.
[[nodiscard]] Status checkPupilInGroup(const QString& pupilId, const LessonKey& lesson, const QStringList& groupMembers,
                                       const Names& names = {});

// R-J2: weight 1…10; a lesson mark has kind current or control (period, annual and exam marks are PeriodMarks).
// R-J4 (3.4): a mark references an existing lesson (pass nullptr when there is none).
// R-J3 (3.5): no mark for a pupil absent from that lesson unless the reason is illness.
// R-J7 (4.4): self-study work is graded only 5, 4, 3 or зач.
[[nodiscard]] Status checkMark(const Mark& mark, const Lesson* lesson, const std::optional<Attendance>& attendance,
                               const Names& names = {});

// R-J3 (3.5), the other way round: an absence other than illness cannot be recorded for a pupil who already
// has a mark in that lesson.
[[nodiscard]] Status checkAbsence(const Attendance& attendance, const QList<Mark>& marksOfPupilInLesson,
                                  const Names& names = {});

// R-J7 (4.4) alone, for grading submissions of a task.
[[nodiscard]] Status checkWorkGrade(WorkKind work, MarkValue value);

// R-J5 (3.2): a homework due date is not before the lesson; the form is from the configured list.
[[nodiscard]] Status checkLesson(const Lesson& lesson, const QStringList& assessmentForms);

// R-J5 (3.2, 3.3): a task's due date is not before its lesson (or its issue date); its form is from the list;
// a control, practical or lab work without a lesson is tied to an existing КТП topic.
[[nodiscard]] Status checkTask(const Task& task, const QStringList& assessmentForms, const QList<int>& ktpTopicNumbers,
                               const Names& names = {});

// The last week of a period, before the holidays (2.5.6): [end − 6 days, end].
struct Window {
    QDate first, last;
    bool contains(QDate d) const { return d >= first && d <= last; }
};
Window periodMarkWindow(const Period& period);

// R-J9 (2.5.6): a period mark is entered within the window, judged by the device's date of the entry;
// outside it an override reason is required. Values: any of R-J2 (kind period). The period must apply to the
// class's grade.
[[nodiscard]] Status checkPeriodMark(const PeriodMark& mark, const Period& period, int classGrade, QDate deviceDate);

// R-J13 (2.6.8): a correction of a period or annual mark keeps the old mark (which must be the current one),
// a different new mark, a non-empty explanation and the approver.
[[nodiscard]] Status checkCorrection(const Correction& correction, const std::optional<PeriodMark>& current,
                                     const Names& names = {});

// R-J6 (3.1): a correction-sheet entry names existing topics, has non-negative hours and a reason.
[[nodiscard]] Status checkKtpCorrection(const KtpCorrection& entry, const QList<int>& ktpTopicNumbers,
                                        const Names& names = {});

// R-J10 (2.5.4): a substitution names both teachers (different), a reason, and a lesson slot 1…12.
[[nodiscard]] Status checkSubstitution(const Substitution& substitution);

// The period a period mark names, as the node and the hub both find it: a period of the calendar by id (the first
// of that id), or for "annual" the school year (the last one) as a period of kind Year for grades 2–11 (2.6.8).
std::optional<Period> periodNamed(const QString& periodId, const QList<Period>& periods,
                                  const QList<SchoolYear>& years);

// A class's grade from its id: the leading digits ("7А" → 7); 0 when it has none.
int gradeOfClassId(const QString& classId);

// R-J9: pupil × subject pairs without a period mark at the window's end. Inputs: the pupils expected in each
// subject (pupilId per subject) and the marks present; output sorted by subject, then pupil.
struct MissingPeriodMark {
    QString subjectId, pupilId;
    friend bool operator==(const MissingPeriodMark&, const MissingPeriodMark&) = default;
};
QList<MissingPeriodMark> missingPeriodMarks(const QList<QPair<QString, QString>>& expectedSubjectPupil,
                                            const QList<PeriodMark>& present);

} // namespace tabel::domain::rules
