// The rules of the regulation (see rules.h). Every rejection names the clause first, then what is wrong with
// which value and what the teacher can do about it.
#include "shared/domain/rules.h"

#include <QCoreApplication>

#include <algorithm>
#include <set>
#include <utility>

namespace tabel::domain::rules {

namespace {

QString tr(const char* s) {
    return QCoreApplication::translate("tabel::domain", s);
}

constexpr int kMaxSlot = 12;
constexpr int kMinWeight = 1;
constexpr int kMaxWeight = 10;
const QString kAnnual = QStringLiteral("annual");

QString quoted(const QString& s) {
    return QStringLiteral("«") + s + QStringLiteral("»");
}
QString dateText(QDate d) {
    return d.toString(Qt::ISODate);
}
bool blank(const QString& s) {
    return s.trimmed().isEmpty();
}

QString workName(WorkKind k) {
    switch (k) {
    case WorkKind::Classwork:
        return tr("classwork");
    case WorkKind::Homework:
        return tr("homework");
    case WorkKind::Distance:
        return tr("a distance task");
    case WorkKind::SelfStudy:
        return tr("self-study work");
    case WorkKind::Control:
        return tr("a control work");
    case WorkKind::Practical:
        return tr("a practical work");
    case WorkKind::Lab:
        return tr("a lab work");
    }
    return {};
}

QString reasonName(AbsenceReason r) {
    switch (r) {
    case AbsenceReason::Illness:
        return tr("illness, «Б»");
    case AbsenceReason::Valid:
        return tr("valid reason, «УП»");
    case AbsenceReason::Unexcused:
        return tr("unexcused, «НП»");
    }
    return {};
}

bool isControlWork(WorkKind k) {
    return k == WorkKind::Control || k == WorkKind::Practical || k == WorkKind::Lab;
}

// The configured forms of assessment, or the defaults when the school configured none (3.2).
QStringList formsOrDefault(const QStringList& configured) {
    return configured.isEmpty() ? defaultAssessmentForms() : configured;
}

bool formInList(const QString& form, const QStringList& forms) {
    const QString f = form.trimmed();
    return std::any_of(forms.begin(), forms.end(),
                       [&](const QString& allowed) { return allowed.trimmed().compare(f, Qt::CaseInsensitive) == 0; });
}

QString formsText(const QStringList& forms) {
    QStringList quotedForms;
    for (const QString& f : forms)
        quotedForms << quoted(f);
    return quotedForms.join(QStringLiteral(", "));
}

// 3.2: a form of assessment from the list. An empty form is accepted only where `required` is false.
Status checkForm(const QString& form, const QStringList& assessmentForms, bool required, const QString& what) {
    const QStringList forms = formsOrDefault(assessmentForms);
    if (blank(form)) {
        if (!required)
            return {};
        return ruleError(QStringLiteral("3.2"),
                         tr("%1 has no form of assessment; choose one of: %2").arg(what, formsText(forms)));
    }
    if (!formInList(form, forms))
        return ruleError(QStringLiteral("3.2"),
                         tr("form of assessment %1 is not in the school's list; choose one of: %2")
                             .arg(quoted(form), formsText(forms)));
    return {};
}

QString periodName(const Period& p) {
    return quoted(p.title.isEmpty() ? p.id : p.title);
}

} // namespace

namespace {
QString named(const std::function<QString(const QString&)>& lookup, const QString& id) {
    const QString name = lookup ? lookup(id) : QString();
    return name.isEmpty() ? quoted(id) : name;
}
} // namespace

QString Names::pupilText(const QString& id) const {
    return named(pupil, id);
}
QString Names::subjectText(const QString& id) const {
    return named(subject, id);
}
QString Names::teacherText(const QString& id) const {
    return named(teacher, id);
}
QString Names::entityText(const QString& key) const {
    return named(entity, key);
}
QString Names::journalText(const QString& classId, const QString& subjectId, const QString& groupId) const {
    return groupId == kWholeClass ? tr("%1, %2").arg(subjectText(subjectId), classId)
                                  : tr("%1, %2, group %3").arg(subjectText(subjectId), classId, groupId);
}
QString Names::lessonText(const LessonKey& k) const {
    return tr("%1, %2, lesson %3")
        .arg(journalText(k.classId, k.subjectId, k.groupId), k.date.toString(QStringLiteral("dd.MM.yyyy")))
        .arg(k.slot);
}

Status checkLessonScope(const QString& teacherId, const LessonKey& lesson, const QList<Assignment>& assignments,
                        const QList<Substitution>& substitutions, const Names& names) {
    for (const Assignment& a : assignments)
        if (a.teacherId == teacherId && a.classId == lesson.classId && a.subjectId == lesson.subjectId &&
            a.groupId == lesson.groupId)
            return {};
    for (const Substitution& s : substitutions)
        if (s.substituteId == teacherId && s.covers(lesson))
            return {};

    QStringList ownGroups;
    for (const Assignment& a : assignments)
        if (a.teacherId == teacherId && a.classId == lesson.classId && a.subjectId == lesson.subjectId)
            ownGroups << quoted(a.groupId);
    if (!ownGroups.isEmpty())
        return ruleError(QStringLiteral("2.5.5"),
                         tr("teacher %1 teaches group %2 of class %3 in %4, not group %5; with subgroups each "
                            "teacher writes only the journal of own group")
                             .arg(names.teacherText(teacherId), ownGroups.join(QStringLiteral(", ")), lesson.classId,
                                  names.subjectText(lesson.subjectId), quoted(lesson.groupId)));
    return ruleError(QStringLiteral("2.5.4"),
                     tr("teacher %1 is not assigned to lesson %2 and no substitution names them as the substitute "
                        "for it; record the substitution first, then write the lesson")
                         .arg(names.teacherText(teacherId), names.lessonText(lesson)));
}

Status checkPupilInGroup(const QString& pupilId, const LessonKey& lesson, const QStringList& groupMembers,
                         const Names& names) {
    if (groupMembers.contains(pupilId))
        return {};
    if (lesson.groupId == kWholeClass)
        return ruleError(QStringLiteral("2.5.5"), tr("pupil %1 is not in class %2; choose a pupil of this class")
                                                      .arg(names.pupilText(pupilId), lesson.classId));
    return ruleError(QStringLiteral("2.5.5"),
                     tr("pupil %1 is not in group %2 of class %3 in %4; with subgroups each teacher writes only the "
                        "pupils of own group")
                         .arg(names.pupilText(pupilId), quoted(lesson.groupId), lesson.classId,
                              names.subjectText(lesson.subjectId)));
}

Status checkMark(const Mark& mark, const Lesson* lesson, const std::optional<Attendance>& attendance,
                 const Names& names) {
    if (mark.kind != MarkKind::Current && mark.kind != MarkKind::Control)
        return ruleError(QStringLiteral("R-J2"),
                         tr("a mark of kind %1 is not a lesson mark; enter period, annual and exam marks as period "
                            "marks")
                             .arg(quoted(toString(mark.kind))));
    if (mark.value == MarkValue::Exempt || mark.value == MarkValue::NotAttested)
        return ruleError(QStringLiteral("R-J2"),
                         tr("%1 is not a current mark of a lesson; «осв» and «н/а» are given only as period marks")
                             .arg(quoted(toString(mark.value))));
    if (mark.weight < kMinWeight || mark.weight > kMaxWeight)
        return ruleError(QStringLiteral("R-J2"), tr("weight %1 is out of range; give the mark a weight from %2 to %3")
                                                     .arg(mark.weight)
                                                     .arg(kMinWeight)
                                                     .arg(kMaxWeight));
    if (mark.column < 1)
        return makeError(ErrorCode::InvalidArgument,
                         tr("mark column %1 is not valid; columns are numbered from 1").arg(mark.column));
    if (!lesson)
        return ruleError(QStringLiteral("3.4"),
                         tr("there is no lesson %1; a mark goes into the column of the lesson whose topic it belongs "
                            "to, so enter that lesson first")
                             .arg(names.lessonText(mark.lesson)));
    if (attendance && attendance->reason != AbsenceReason::Illness)
        return ruleError(
            QStringLiteral("3.5"),
            tr("pupil %1 is absent from lesson %2 (%3); a pupil absent without illness cannot get a "
               "mark. If the pupil was present, remove the absence first")
                .arg(names.pupilText(mark.pupilId), names.lessonText(mark.lesson), reasonName(attendance->reason)));
    return checkWorkGrade(mark.work, mark.value);
}

Status checkAbsence(const Attendance& attendance, const QList<Mark>& marksOfPupilInLesson, const Names& names) {
    if (attendance.reason == AbsenceReason::Illness || marksOfPupilInLesson.isEmpty())
        return {};
    const Mark& mark = marksOfPupilInLesson.first();
    return ruleError(QStringLiteral("3.5"),
                     tr("pupil %1 already has the mark %2 in lesson %3, so an absence (%4) cannot be recorded: a "
                        "pupil absent without illness cannot get a mark. Record illness («Б») or remove the mark "
                        "first")
                         .arg(names.pupilText(attendance.pupilId), quoted(toString(mark.value)),
                              names.lessonText(attendance.lesson), reasonName(attendance.reason)));
}

Status checkWorkGrade(WorkKind work, MarkValue value) {
    if (work != WorkKind::SelfStudy)
        return {};
    switch (value) {
    case MarkValue::Five:
    case MarkValue::Four:
    case MarkValue::Three:
    case MarkValue::Pass:
        return {};
    case MarkValue::Two:
    case MarkValue::One:
    case MarkValue::Fail:
    case MarkValue::Exempt:
    case MarkValue::NotAttested:
        break;
    }
    return ruleError(QStringLiteral("4.4"),
                     tr("self-study work can only be graded 5, 4, 3 or «зач»; %1 is not allowed. Leave the work "
                        "ungraded until the pupil reaches a positive result")
                         .arg(quoted(toString(value))));
}

Status checkLesson(const Lesson& lesson, const QStringList& assessmentForms) {
    const LessonKey& k = lesson.key;
    if (k.slot < 1 || k.slot > kMaxSlot)
        return makeError(
            ErrorCode::InvalidArgument,
            tr("lesson number %1 is out of range; lessons of a day are numbered 1 to %2").arg(k.slot).arg(kMaxSlot));
    if (!k.date.isValid())
        return makeError(ErrorCode::InvalidArgument, tr("the lesson has no date; give it as yyyy-MM-dd"));
    // R-J2: its mark columns are what parseMarkColumns accepts (current or control, weight 1…10).
    if (Result<QList<MarkColumn>> columns = parseMarkColumns(toString(lesson.markColumns)); !columns)
        return ruleError(QStringLiteral("R-J2"), columns.error().message);
    if (lesson.homeworkDue) {
        const QDate due = *lesson.homeworkDue;
        if (!due.isValid())
            return ruleError(QStringLiteral("3.2"), tr("the homework due date is not a valid date; give it as "
                                                       "yyyy-MM-dd"));
        if (blank(lesson.homework))
            return ruleError(QStringLiteral("3.2"),
                             tr("a homework due date %1 is set but there is no homework; write the homework or "
                                "clear the due date")
                                 .arg(dateText(due)));
        if (due < k.date)
            return ruleError(QStringLiteral("3.2"),
                             tr("homework due date %1 is before the lesson date %2; give a due date on or after "
                                "the lesson")
                                 .arg(dateText(due), dateText(k.date)));
    }
    return checkForm(lesson.form, assessmentForms, false, tr("the lesson"));
}

Status checkTask(const Task& task, const QStringList& assessmentForms, const QList<int>& ktpTopicNumbers,
                 const Names& names) {
    if (blank(task.title))
        return makeError(ErrorCode::InvalidArgument,
                         tr("task %1 has no title; give it a title pupils will recognise").arg(quoted(task.id)));
    if (!task.issued.isValid())
        return makeError(ErrorCode::InvalidArgument,
                         tr("task %1 has no issue date; give it as yyyy-MM-dd").arg(quoted(task.title)));
    const bool control = isControlWork(task.kind);
    if (!task.lesson && !control)
        return ruleError(QStringLiteral("3.4"),
                         tr("%1 %2 must belong to a lesson: its mark goes into the column of that lesson's topic; "
                            "choose the lesson")
                             .arg(workName(task.kind), quoted(task.title)));
    if (task.lesson && (task.lesson->classId != task.classId || task.lesson->subjectId != task.subjectId ||
                        task.lesson->groupId != task.groupId))
        return ruleError(QStringLiteral("3.4"),
                         tr("task %1 of %2 is tied to lesson %3 of another class, subject or group; choose a lesson "
                            "of %2")
                             .arg(quoted(task.title), names.journalText(task.classId, task.subjectId, task.groupId),
                                  names.lessonText(*task.lesson)));
    if (!task.due.isValid())
        return ruleError(
            QStringLiteral("3.2"),
            tr("task %1 has no due date; set the date by which pupils must complete it").arg(quoted(task.title)));
    if (task.lesson && task.due < task.lesson->date)
        return ruleError(QStringLiteral("3.2"),
                         tr("due date %1 of task %2 is before the lesson date %3; give a due date on or after the "
                            "lesson")
                             .arg(dateText(task.due), quoted(task.title), dateText(task.lesson->date)));
    if (task.due < task.issued)
        return ruleError(QStringLiteral("3.2"),
                         tr("due date %1 of task %2 is before its issue date %3; give a due date on or after the "
                            "issue date")
                             .arg(dateText(task.due), quoted(task.title), dateText(task.issued)));
    TABEL_TRY(checkForm(task.form, assessmentForms, true, tr("task %1").arg(quoted(task.title))));
    if (control && !task.lesson && !task.ktpTopic)
        return ruleError(QStringLiteral("3.3"),
                         tr("%1 %2 has no classroom lesson, so it must be tied to a topic of the calendar-thematic "
                            "plan (КТП); choose the topic")
                             .arg(workName(task.kind), quoted(task.title)));
    if (task.ktpTopic && !ktpTopicNumbers.contains(*task.ktpTopic))
        return ruleError(control ? QStringLiteral("3.3") : QStringLiteral("3.1"),
                         tr("topic %1 is not in the КТП of %2 in %3; choose a topic of the plan or correct the plan "
                            "first")
                             .arg(*task.ktpTopic)
                             .arg(task.classId, names.subjectText(task.subjectId)));
    return {};
}

Window periodMarkWindow(const Period& period) {
    return {period.end.addDays(-6), period.end};
}

Status checkPeriodMark(const PeriodMark& mark, const Period& period, int classGrade, QDate deviceDate) {
    if (mark.periodId == kAnnual ? period.kind != PeriodKind::Year : mark.periodId != period.id)
        return makeError(
            ErrorCode::Internal,
            tr("the period mark for %1 was checked against period %2").arg(quoted(mark.periodId), quoted(period.id)));
    if (!period.appliesToGrade(classGrade))
        return ruleError(QStringLiteral("2.5.6"),
                         tr("period %1 (%2, for grades %3) does not apply to grade %4; give the marks of class %5 "
                            "for the periods of its grade")
                             .arg(periodName(period), toString(period.kind), period.grades)
                             .arg(classGrade)
                             .arg(quoted(mark.classId)));
    if (!deviceDate.isValid())
        return makeError(ErrorCode::InvalidArgument, tr("the period mark has no device date"));
    const Window w = periodMarkWindow(period);
    if (w.contains(deviceDate))
        return {};
    if (blank(mark.overrideReason)) {
        if (deviceDate < w.first)
            return ruleError(QStringLiteral("2.5.6"),
                             tr("period marks for %1 are entered from %2 to %3, the last week before the holidays; "
                                "%4 is before that week. Wait for it, or give a reason for an early entry")
                                 .arg(periodName(period), dateText(w.first), dateText(w.last), dateText(deviceDate)));
        return ruleError(QStringLiteral("2.5.6"),
                         tr("period marks for %1 are entered from %2 to %3, the last week before the holidays; %4 is "
                            "after that week. Give a reason for the late entry")
                             .arg(periodName(period), dateText(w.first), dateText(w.last), dateText(deviceDate)));
    }
    if (blank(mark.authorId))
        return ruleError(QStringLiteral("2.5.6"),
                         tr("a period mark entered outside the last week of %1 is recorded with its author; the "
                            "entry names none")
                             .arg(periodName(period)));
    return {};
}

Status checkCorrection(const Correction& correction, const std::optional<PeriodMark>& current, const Names& names) {
    if (!current)
        return ruleError(QStringLiteral("2.6.8"),
                         tr("pupil %1 has no mark in %2 for %3 to correct; enter the mark instead")
                             .arg(names.pupilText(correction.pupilId), names.subjectText(correction.subjectId),
                                  quoted(correction.periodId)));
    if (correction.oldValue != current->value)
        return ruleError(QStringLiteral("2.6.8"),
                         tr("the correction gives the old mark as %1, but the mark on record is %2; a correction "
                            "starts from the mark on record")
                             .arg(quoted(toString(correction.oldValue)), quoted(toString(current->value))));
    if (correction.newValue == correction.oldValue)
        return ruleError(QStringLiteral("2.6.8"),
                         tr("the new mark %1 is the same as the old one; a correction must change the mark")
                             .arg(quoted(toString(correction.newValue))));
    if (blank(correction.explanation))
        return ruleError(QStringLiteral("2.6.8"),
                         tr("the correction of %1 to %2 has no explanation; write why the mark is corrected")
                             .arg(quoted(toString(correction.oldValue)), quoted(toString(correction.newValue))));
    if (blank(correction.approver))
        return ruleError(QStringLiteral("2.6.8"),
                         tr("the correction of %1 to %2 names no approver; a corrected mark is approved by the "
                            "director")
                             .arg(quoted(toString(correction.oldValue)), quoted(toString(correction.newValue))));
    return {};
}

Status checkKtpCorrection(const KtpCorrection& entry, const QList<int>& ktpTopicNumbers, const Names& names) {
    if (!entry.date.isValid())
        return ruleError(QStringLiteral("3.1"), tr("the correction-sheet entry has no date; give it as yyyy-MM-dd"));
    if (entry.topics.isEmpty())
        return ruleError(QStringLiteral("3.1"),
                         tr("the correction-sheet entry names no topic; list the КТП topics it corrects"));
    QList<int> seen;
    for (int topic : entry.topics) {
        if (!ktpTopicNumbers.contains(topic))
            return ruleError(QStringLiteral("3.1"),
                             tr("topic %1 is not in the КТП of %2 in %3; name a topic of the plan")
                                 .arg(topic)
                                 .arg(entry.classId, names.subjectText(entry.subjectId)));
        if (seen.contains(topic))
            return ruleError(QStringLiteral("3.1"), tr("topic %1 is listed twice; name each topic once").arg(topic));
        seen << topic;
    }
    if (entry.plannedHours < 0 || entry.actualHours < 0)
        return ruleError(
            QStringLiteral("3.1"),
            tr("hours cannot be negative (planned %1, actual %2)").arg(entry.plannedHours).arg(entry.actualHours));
    if (blank(entry.reason))
        return ruleError(QStringLiteral("3.1"),
                         tr("the correction-sheet entry has no reason; write why the plan is corrected"));
    if (entry.method == KtpMethod::MergeTopics && entry.topics.size() < 2)
        return ruleError(QStringLiteral("3.1"),
                         tr("merging topics needs at least two topics, the entry names only topic %1; add the "
                            "topics it is merged with or choose another method")
                             .arg(entry.topics.first()));
    return {};
}

Status checkSubstitution(const Substitution& s) {
    if (!s.date.isValid())
        return ruleError(QStringLiteral("2.5.4"), tr("the substitution has no date; give it as yyyy-MM-dd"));
    if (s.slot < 1 || s.slot > kMaxSlot)
        return ruleError(QStringLiteral("2.5.4"), tr("lesson number %1 of the substitution is out of range; lessons "
                                                     "of a day are numbered 1 to %2")
                                                      .arg(s.slot)
                                                      .arg(kMaxSlot));
    TABEL_TRY(validateId(s.classId, tr("class id")));
    TABEL_TRY(validateId(s.subjectId, tr("subject id")));
    TABEL_TRY(validateId(s.groupId, tr("group id")));
    if (blank(s.absentTeacherId))
        return ruleError(QStringLiteral("2.5.4"), tr("the substitution does not name the absent teacher"));
    if (blank(s.substituteId))
        return ruleError(QStringLiteral("2.5.4"), tr("the substitution does not name the substitute teacher"));
    if (s.absentTeacherId == s.substituteId)
        return ruleError(QStringLiteral("2.5.4"),
                         tr("teacher %1 is named both as absent and as the substitute; name the colleague who "
                            "replaces them")
                             .arg(quoted(s.substituteId)));
    if (blank(s.reason))
        return ruleError(
            QStringLiteral("2.5.4"),
            tr("the substitution has no reason; write why %1 is absent (e.g. illness)").arg(quoted(s.absentTeacherId)));
    return {};
}

QList<MissingPeriodMark> missingPeriodMarks(const QList<QPair<QString, QString>>& expectedSubjectPupil,
                                            const QList<PeriodMark>& present) {
    std::set<std::pair<QString, QString>> have;
    for (const PeriodMark& m : present)
        have.emplace(m.subjectId, m.pupilId);
    std::set<std::pair<QString, QString>> missing; // sorted by subject, then pupil; without duplicates
    for (const auto& [subject, pupil] : expectedSubjectPupil)
        if (!have.count({subject, pupil}))
            missing.emplace(subject, pupil);
    QList<MissingPeriodMark> out;
    out.reserve(qsizetype(missing.size()));
    for (const auto& [subject, pupil] : missing)
        out.append({subject, pupil});
    return out;
}

std::optional<Period> periodNamed(const QString& periodId, const QList<Period>& periods,
                                  const QList<SchoolYear>& years) {
    if (periodId == kAnnual) {
        if (years.isEmpty())
            return std::nullopt;
        const SchoolYear& y = years.back();
        Period p;
        p.yearId = y.id;
        p.id = periodId;
        p.title = tr("annual");
        p.kind = PeriodKind::Year;
        p.start = y.start;
        p.end = y.end;
        p.grades = QStringLiteral("2-11"); // no annual marks in grade 1 (2.6.8)
        return p;
    }
    for (const Period& p : periods)
        if (p.id == periodId)
            return p;
    return std::nullopt;
}

int gradeOfClassId(const QString& classId) {
    int i = 0;
    while (i < classId.size() && classId.at(i).isDigit())
        ++i;
    return classId.left(i).toInt();
}

} // namespace tabel::domain::rules
