// The journal's entities (R-J1, R-J2) as plain value types, and their conversion to entity keys and fields.
// Entity keys are natural keys: two devices that write the same journal cell write the same key, so the hub
// can reconcile them field by field (R-S5). Key segments are separated by '/', which ids may not contain.
#pragma once

#include "shared/core/result.h"
#include "shared/domain/fields.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace tabel::domain {

// ---- Values (R-J2) ---------------------------------------------------------------------------------------

enum class MarkValue { Five, Four, Three, Two, One, Pass, Fail, Exempt, NotAttested };
// Accepts "5" … "1", "зач", "незач", "осв", "н/а" (also "на"). The error names the accepted values.
[[nodiscard]] Result<MarkValue> parseMarkValue(const QString& text);
QString toString(MarkValue v);
bool isNumeric(MarkValue v);
int numericValue(MarkValue v); // 5…1; 0 for the others

enum class MarkKind { Current, Control, Period, Annual, Exam };
[[nodiscard]] Result<MarkKind> parseMarkKind(const QString& text); // current, control, period, annual, exam
QString toString(MarkKind k);

// «Н» with a reason (3.5): Б illness, УП valid reason, НП unexcused.
enum class AbsenceReason { Illness, Valid, Unexcused };
[[nodiscard]] Result<AbsenceReason> parseAbsenceReason(const QString& text); // "Б", "УП", "НП"
QString toString(AbsenceReason r);

// What a mark or task is for. SelfStudy is 4.4's «самостоятельная деятельность»; Control/Practical/Lab are 3.3's.
enum class WorkKind { Classwork, Homework, Distance, SelfStudy, Control, Practical, Lab };
[[nodiscard]] Result<WorkKind> parseWorkKind(const QString& text); // classwork, homework, distance, selfstudy, …
QString toString(WorkKind k);

enum class PeriodKind { Quarter, Half, Year };
[[nodiscard]] Result<PeriodKind> parsePeriodKind(const QString& text); // quarter, half, year
QString toString(PeriodKind k);

// 3.1: how a topic that could not be studied is handled.
enum class KtpMethod { MergeTopics, NextYear, Modular, SelfStudy };
[[nodiscard]] Result<KtpMethod> parseKtpMethod(const QString& text); // merge, next-year, modular, self-study
QString toString(KtpMethod m);

// Forms of assessment accepted when the school configured none (3.2).
QStringList defaultAssessmentForms();

// An id used as a key segment: non-empty, at most 64 characters, no '/', no control characters or spaces at
// either end. `what` names the field in the error ("pupil id").
[[nodiscard]] Status validateId(const QString& id, const QString& what);
// The same with `what` untranslated (QT_TRANSLATE_NOOP("tabel::domain", …)), translated only for an error: for the
// keys parsed on every op, where an eager tr() per segment was a measurable share of a sync.
[[nodiscard]] Status validateId(const QString& id, const char* what);

// ---- Calendar (R-J1, 2.5.6) --------------------------------------------------------------------------------

struct SchoolYear {
    QString id; // "2026-2027"
    QDate start, end;
    QString entityKey() const; // year/<id>
    Fields toFields() const;
    [[nodiscard]] static Result<SchoolYear> fromFields(const QString& key, const Fields& f);
};

struct Period {
    QString yearId, id; // "q1", "h2"
    QString title;
    PeriodKind kind = PeriodKind::Quarter;
    QDate start, end;
    QString grades;            // which grades use it: "2-9", "10-11", "1-11"
    QString entityKey() const; // period/<yearId>/<id>
    Fields toFields() const;
    [[nodiscard]] static Result<Period> fromFields(const QString& key, const Fields& f);
    bool appliesToGrade(int grade) const;
};

struct Holiday {
    QString yearId, id;
    QString title;
    QDate start, end;
    QString entityKey() const; // holiday/<yearId>/<id>
    Fields toFields() const;
    [[nodiscard]] static Result<Holiday> fromFields(const QString& key, const Fields& f);
};

// ---- School structure ---------------------------------------------------------------------------------------

struct SchoolClass {
    QString id;                // "7А"
    int grade = 0;             // 1…11
    QString entityKey() const; // class/<id>
    Fields toFields() const;
    [[nodiscard]] static Result<SchoolClass> fromFields(const QString& key, const Fields& f);
};

struct Pupil {
    QString id; // opaque, e.g. the alphabetical-book number; never a name
    QString classId;
    QString surname, name, patronymic;
    QString bookNumber; // 2.6.2
    QString fullName() const;
    QString entityKey() const; // pupil/<id>
    Fields toFields() const;
    [[nodiscard]] static Result<Pupil> fromFields(const QString& key, const Fields& f);
};

// The order of names in the journal and its printed forms (the alphabetical book, 2.6.2): Russian alphabetical
// order, where Ё sorts with Е (its code point U+0401 would put it before А) and case is ignored; ties keep a
// stable order by the exact spelling, then by id.
bool alphabeticalBefore(const Pupil& a, const Pupil& b);

// The school as its charter names it, printed in the header of every form (issue 11, 2.5.10), with the people
// who sign them. Reference data: the operator sets it (`tabel-hub school set`), every node receives it.
// How a pupil's average mark is counted (R-J12's view); the school's local act on current assessment decides.
enum class AverageRule {
    Weighted, // each numeric mark counts as many times as its weight (a control work of weight 2 twice)
    Simple,   // every numeric mark once, whatever its weight
};
QString toString(AverageRule r); // weighted, simple
[[nodiscard]] Result<AverageRule> parseAverageRule(const QString& text);

struct SchoolProfile {
    QString name; // «Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 1»»
    QString address;
    QString director;       // «Петрова Анна Сергеевна»
    QString deputyDirector; // the deputy director for teaching (заместитель директора по УР)
    QString secretary;
    AverageRule average = AverageRule::Weighted;
    static QString key() { return QStringLiteral("school/profile"); }
    QString entityKey() const { return key(); }
    Fields toFields() const;
    [[nodiscard]] static Result<SchoolProfile> fromFields(const QString& key, const Fields& f);
    // The profile as stored (fields all null or absent: not set yet, an empty profile).
    [[nodiscard]] static Result<SchoolProfile> fromStored(const Fields& f);
};

struct Subject {
    QString id;                // "math"
    QString name;              // "Математика"
    QString entityKey() const; // subject/<id>
    Fields toFields() const;
    [[nodiscard]] static Result<Subject> fromFields(const QString& key, const Fields& f);
};

// The group "all" is the whole class; any other id is a subgroup of a subject (2.5.5).
inline const QString kWholeClass = QStringLiteral("all");

struct GroupMember {
    QString classId, subjectId, groupId, pupilId;
    QString entityKey() const; // member/<classId>/<subjectId>/<groupId>/<pupilId>
    Fields toFields() const;   // {"in": 1}
    [[nodiscard]] static Result<GroupMember> fromFields(const QString& key, const Fields& f);
};

struct Teacher {
    QString id;
    QString name;
    QString entityKey() const; // teacher/<id>
    Fields toFields() const;
    [[nodiscard]] static Result<Teacher> fromFields(const QString& key, const Fields& f);
};

// A teacher teaches a subject to a class or one of its subgroups (R-J1). Derived from the timetable.
struct Assignment {
    QString teacherId, classId, subjectId, groupId;
    QString entityKey() const; // assign/<teacherId>/<classId>/<subjectId>/<groupId>
    Fields toFields() const;
    [[nodiscard]] static Result<Assignment> fromFields(const QString& key, const Fields& f);
};

struct TimetableSlot {
    QString classId;
    int weekday = 1; // 1 Monday … 7 Sunday
    int slot = 1;    // lesson number in the day
    QString groupId;
    QString subjectId, teacherId;
    QString entityKey() const; // slot/<classId>/<weekday>/<slot>/<groupId>
    Fields toFields() const;
    [[nodiscard]] static Result<TimetableSlot> fromFields(const QString& key, const Fields& f);
};

// ---- The journal ------------------------------------------------------------------------------------------

struct LessonKey {
    QString classId, subjectId, groupId;
    QDate date;
    int slot = 1;
    QString toString() const; // "7А/math/all/2026-09-01/2", the form teachers type
    [[nodiscard]] static Result<LessonKey> parse(const QString& text);
    // The five segments of an entity key from `first` on, exactly as stored (no trimming); errors name them.
    [[nodiscard]] static Result<LessonKey> fromKeyParts(const QStringList& keyParts, qsizetype first);
    friend bool operator==(const LessonKey&, const LessonKey&) = default;
};

// How the marks of one mark column of a lesson count (R-J2), as in the journals teachers know: the teacher makes a
// column a control work with a weight once, and every mark typed in it takes that kind and weight.
struct MarkColumn {
    MarkKind kind = MarkKind::Current; // current or control (period, annual and exam marks are PeriodMarks)
    int weight = 1;                    // 1…10
    bool operator==(const MarkColumn&) const = default;
};
// "control:2;current:1" (column 1, column 2 …); empty text, no columns.
QString toString(const QList<MarkColumn>& columns);
[[nodiscard]] Result<QList<MarkColumn>> parseMarkColumns(const QString& text);
inline constexpr int kMaxMarkColumns = 9;

struct Lesson {
    LessonKey key;
    QString topic;
    QString homework;
    std::optional<QDate> homeworkDue;
    QString form; // form of assessment (3.2)
    bool distance = false;
    std::optional<int> ktpTopic;   // number of the КТП topic (3.1, 3.3)
    QString teacherId;             // who conducted it: the assigned teacher or the substitute (2.5.4)
    QList<MarkColumn> markColumns; // the kind and weight of its mark columns; a column not listed: current, weight 1
    MarkColumn markColumn(int column) const { return markColumns.value(column - 1); }
    QString entityKey() const; // lesson/<LessonKey>
    Fields toFields() const;
    [[nodiscard]] static Result<Lesson> fromFields(const QString& key, const Fields& f);
};

struct Mark {
    LessonKey lesson; // 3.4: every current mark sits in its lesson's column
    QString pupilId;
    int column = 1; // a second mark in the same lesson is column 2
    MarkValue value = MarkValue::Five;
    MarkKind kind = MarkKind::Current;
    int weight = 1;
    WorkKind work = WorkKind::Classwork;
    QString taskId; // the distance task or self-study work it grades, if any
    // No author field: a mark's author is the author of the change set that wrote it (the op log).
    QString entityKey() const; // mark/<LessonKey>/<pupilId>/<column>
    // The same, with lesson.toString() already at hand (a lesson's marks are keyed in one go).
    QString entityKey(const QString& lessonKeyText) const;
    Fields toFields() const;
    [[nodiscard]] static Result<Mark> fromFields(const QString& key, const Fields& f);
};

struct Attendance {
    LessonKey lesson;
    QString pupilId;
    AbsenceReason reason = AbsenceReason::Unexcused;
    QString certificateNo; // doctor's certificate (3.5)
    std::optional<QDate> certificateDate;
    QString entityKey() const; // att/<LessonKey>/<pupilId>
    QString entityKey(const QString& lessonKeyText) const;
    Fields toFields() const;
    [[nodiscard]] static Result<Attendance> fromFields(const QString& key, const Fields& f);
};

// A distance task, self-study work or a control/practical/lab work (3.2, 3.3, 4.4).
struct Task {
    QString classId, subjectId, groupId, id;
    std::optional<LessonKey> lesson; // the lesson whose topic it belongs to
    WorkKind kind = WorkKind::Distance;
    QString title, text;
    QDate issued;
    QDate due;
    QString form;
    std::optional<int> ktpTopic;
    QString entityKey() const; // task/<classId>/<subjectId>/<groupId>/<id>
    Fields toFields() const;
    [[nodiscard]] static Result<Task> fromFields(const QString& key, const Fields& f);
};

// A pupil's completed work, received as a file (4.2, R-J8). The file itself is a blob addressed by hash.
struct Submission {
    QString taskKey; // entity key of the task
    QString pupilId;
    QString contentHash; // hex SHA-256 of the file
    QString fileName;
    std::int64_t size = 0;
    QDateTime received; // when the school received it
    std::optional<MarkValue> grade;
    QDateTime gradedAt;
    QString entityKey() const; // sub/<taskKey without "task/">/<pupilId>/<first 12 hex of hash>
    Fields toFields() const;
    [[nodiscard]] static Result<Submission> fromFields(const QString& key, const Fields& f);
};

struct PeriodMark {
    QString classId, subjectId, periodId, pupilId; // periodId "annual" for the annual mark
    MarkValue value = MarkValue::Five;
    QString overrideReason; // required outside the last week of the period (2.5.6)
    QString authorId;
    QDateTime deviceTime;      // signed device time of the entry
    QString entityKey() const; // pmark/<classId>/<subjectId>/<periodId>/<pupilId>
    Fields toFields() const;
    [[nodiscard]] static Result<PeriodMark> fromFields(const QString& key, const Fields& f);
};

// 2.6.8: a correction keeps old and new mark, the explanation and who approved it.
struct Correction {
    QString classId, subjectId, periodId, pupilId;
    int number = 1;
    MarkValue oldValue = MarkValue::Five, newValue = MarkValue::Five;
    QString explanation, approver, authorId;
    QDate date;
    QString entityKey() const; // corr/<classId>/<subjectId>/<periodId>/<pupilId>/<number>
    Fields toFields() const;
    [[nodiscard]] static Result<Correction> fromFields(const QString& key, const Fields& f);
};

// 2.5.4: who replaced whom, for which lesson.
struct Substitution {
    QDate date;
    int slot = 1;
    QString classId, groupId, subjectId;
    QString absentTeacherId, substituteId, reason;
    QString entityKey() const; // subst/<date>/<slot>/<classId>/<groupId>
    Fields toFields() const;
    [[nodiscard]] static Result<Substitution> fromFields(const QString& key, const Fields& f);
    bool covers(const LessonKey& lesson) const;
};

// КТП (3.1): ordered topics with planned hours, and its correction sheet.
struct KtpTopic {
    QString classId, subjectId;
    int number = 1;
    QString title;
    int plannedHours = 1;
    QString entityKey() const; // ktp/<classId>/<subjectId>/<number>
    Fields toFields() const;
    [[nodiscard]] static Result<KtpTopic> fromFields(const QString& key, const Fields& f);
};

struct KtpCorrection {
    QString classId, subjectId;
    int number = 1; // entry number in the sheet
    QDate date;
    QList<int> topics;
    int plannedHours = 0, actualHours = 0;
    QString reason;
    KtpMethod method = KtpMethod::MergeTopics;
    QString entityKey() const; // ktpfix/<classId>/<subjectId>/<number>
    Fields toFields() const;
    [[nodiscard]] static Result<KtpCorrection> fromFields(const QString& key, const Fields& f);
};

// The entity type is the key's first segment ("mark", "lesson", …).
QString entityType(const QString& key);

} // namespace tabel::domain
