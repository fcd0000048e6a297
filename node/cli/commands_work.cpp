// tabel-node task, submission, period-mark, substitution, ktp.
#include "node/cli/handlers.h"
#include "node/cli/table.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>

namespace tabel::node::cli {

namespace {

const QString kTaskForm = QStringLiteral("CLASS/SUBJECT/GROUP/ID");
const QString kSubmissionForm = QStringLiteral("CLASS/SUBJECT/GROUP/TASK/PUPIL/HASH");

QString pupilName(Journal& j, const QString& pupilId) {
    auto p = j.pupil(pupilId);
    return p && p->has_value() ? shortName(**p) : QString();
}

// What a teacher reads instead of ids (issue 9 item 7): «Математика», «1 четверть», «Алексеев Артём»; the id when
// the store does not know the name.
QString subjectText(Journal& j, const QString& subjectId) {
    if (auto all = j.subjects())
        for (const domain::Subject& subject : *all)
            if (subject.id == subjectId && !subject.name.isEmpty())
                return subject.name;
    return subjectId;
}

QString periodText(Journal& j, const QString& periodId) {
    auto p = j.period(periodId);
    return p && p->has_value() && !(**p).title.isEmpty() ? (**p).title : periodId;
}

QString pupilText(Journal& j, const QString& pupilId) {
    const QString name = pupilName(j, pupilId);
    return name.isEmpty() ? pupilId : name;
}

QString teacherName(NodeStore& store, const QString& teacherId) {
    domain::Teacher t;
    t.id = teacherId;
    auto f = store.entity(t.entityKey());
    if (f && f->has_value())
        if (auto parsed = domain::Teacher::fromFields(t.entityKey(), **f); parsed && !parsed->name.isEmpty())
            return parsed->name;
    return teacherId;
}

QString withoutPrefix(const QString& key) {
    return key.mid(key.indexOf(u'/') + 1);
}

Result<domain::WorkKind> taskKind(const QString& text) {
    auto kind = domain::parseWorkKind(text.trimmed());
    if (!kind || *kind == domain::WorkKind::Classwork)
        return usageError(QCoreApplication::translate("tabel-node",
                                                      "--kind: expected distance, selfstudy, homework, control, "
                                                      "practical or lab, got «%1»")
                              .arg(text));
    return *kind;
}

} // namespace

// ---- Tasks ----

Status cmdTaskAdd(Session& s) {
    const Invocation& inv = s.inv();
    domain::Task task;
    TABEL_ASSIGN_OR_RETURN(task.classId, idOption(inv, QStringLiteral("class")));
    TABEL_ASSIGN_OR_RETURN(task.subjectId, idOption(inv, QStringLiteral("subject")));
    TABEL_ASSIGN_OR_RETURN(task.groupId, idOption(inv, QStringLiteral("group"), domain::kWholeClass));
    TABEL_ASSIGN_OR_RETURN(task.id, idOption(inv, QStringLiteral("id")));
    TABEL_ASSIGN_OR_RETURN(task.kind, taskKind(inv.value(QStringLiteral("kind"))));
    TABEL_ASSIGN_OR_RETURN(task.title, requiredText(inv, QStringLiteral("title")));
    task.text = inv.value(QStringLiteral("text")).trimmed();
    if (inv.has(QStringLiteral("lesson"))) {
        TABEL_ASSIGN_OR_RETURN(task.lesson, lessonOption(inv));
    }
    TABEL_ASSIGN_OR_RETURN(task.issued, dateOption(inv, QStringLiteral("issued"), QDate::currentDate()));
    TABEL_ASSIGN_OR_RETURN(task.due, dateOption(inv, QStringLiteral("due"), {}));
    task.form = inv.value(QStringLiteral("form")).trimmed();
    TABEL_ASSIGN_OR_RETURN(task.ktpTopic, optionalInt(inv, QStringLiteral("ktp"), 1, 9999));
    TABEL_TRY(s.open());
    TABEL_ASSIGN_OR_RETURN(const CommitInfo commit, s.journal().saveTask(task));
    Q_UNUSED(commit);
    printOut(QCoreApplication::translate("tabel-node", "Saved the task %1 (due %2)")
                 .arg(withoutPrefix(task.entityKey()), formatDate(task.due)));
    return {};
}

Status cmdTaskList(Session& s) {
    const Invocation& inv = s.inv();
    QString prefix = QStringLiteral("task/");
    if (inv.has(QStringLiteral("class"))) {
        TABEL_ASSIGN_OR_RETURN(const QString klass, idOption(inv, QStringLiteral("class")));
        prefix += klass + u'/';
        if (inv.has(QStringLiteral("subject"))) {
            TABEL_ASSIGN_OR_RETURN(const QString subject, idOption(inv, QStringLiteral("subject")));
            prefix += subject + u'/';
        }
    } else if (inv.has(QStringLiteral("subject"))) {
        return usageError(QCoreApplication::translate("tabel-node", "--subject needs --class CLASS as well"));
    }
    TABEL_TRY(s.open());
    TABEL_ASSIGN_OR_RETURN(const QList<Entity> entities, s.store().scan(prefix));
    if (entities.isEmpty()) {
        printOut(QCoreApplication::translate("tabel-node", "No tasks."));
        return {};
    }
    TextTable table;
    table.header << QCoreApplication::translate("tabel-node", "task")
                 << QCoreApplication::translate("tabel-node", "kind")
                 << QCoreApplication::translate("tabel-node", "title")
                 << QCoreApplication::translate("tabel-node", "issued")
                 << QCoreApplication::translate("tabel-node", "due")
                 << QCoreApplication::translate("tabel-node", "lesson");
    for (const Entity& e : entities) {
        TABEL_ASSIGN_OR_RETURN(const domain::Task t, domain::Task::fromFields(e.key, e.fields));
        table.rows << QStringList{
            withoutPrefix(e.key), domain::toString(t.kind), t.title,
            formatDate(t.issued), formatDate(t.due),        t.lesson ? t.lesson->toString() : QString()};
    }
    printOut(table.render());
    return {};
}

// ---- Submissions ----

Status cmdSubmissionImport(Session& s) {
    const Invocation& inv = s.inv();
    TABEL_ASSIGN_OR_RETURN(const QString taskKey,
                           parseEntityKey(inv.value(QStringLiteral("task")), QStringLiteral("--task"),
                                          QStringLiteral("task"), 4, kTaskForm));
    TABEL_ASSIGN_OR_RETURN(const QString pupil, idOption(inv, QStringLiteral("pupil")));
    const QString file = inv.value(QStringLiteral("file"));
    TABEL_TRY(checkInputFile(file, QStringLiteral("--file")));
    QDateTime received = QDateTime::currentDateTime();
    if (inv.has(QStringLiteral("received"))) {
        TABEL_ASSIGN_OR_RETURN(received,
                               parseDateTime(inv.value(QStringLiteral("received")), QStringLiteral("--received")));
    }
    TABEL_TRY(s.open());
    TABEL_ASSIGN_OR_RETURN(const SubmissionImport imported,
                           s.journal().importSubmission(taskKey, pupil, file, received));
    const domain::Submission& sub = imported.submission;
    printOut(QCoreApplication::translate("tabel-node", "submission: %1").arg(withoutPrefix(sub.entityKey())));
    printOut(imported.deduplicated ? QCoreApplication::translate(
                                         "tabel-node", "the same file was already stored; it was not stored again (%1)")
                                         .arg(sub.contentHash.left(12))
                                   : QCoreApplication::translate("tabel-node", "stored %1 (%2 bytes), encrypted")
                                         .arg(sub.fileName.isEmpty() ? QFileInfo(file).fileName() : sub.fileName)
                                         .arg(sub.size));
    return {};
}

Status cmdSubmissionList(Session& s) {
    const Invocation& inv = s.inv();
    QString taskKey;
    if (inv.has(QStringLiteral("task"))) {
        TABEL_ASSIGN_OR_RETURN(taskKey, parseEntityKey(inv.value(QStringLiteral("task")), QStringLiteral("--task"),
                                                       QStringLiteral("task"), 4, kTaskForm));
    }
    TABEL_TRY(s.open());
    TABEL_ASSIGN_OR_RETURN(const QList<domain::Submission> subs, s.journal().submissions(taskKey));
    if (subs.isEmpty()) {
        printOut(QCoreApplication::translate("tabel-node", "No submissions."));
        return {};
    }
    TextTable table;
    table.header << QCoreApplication::translate("tabel-node", "submission")
                 << QCoreApplication::translate("tabel-node", "pupil")
                 << QCoreApplication::translate("tabel-node", "file")
                 << QCoreApplication::translate("tabel-node", "bytes")
                 << QCoreApplication::translate("tabel-node", "received")
                 << QCoreApplication::translate("tabel-node", "mark");
    table.align << Align::Left << Align::Left << Align::Left << Align::Right;
    for (const domain::Submission& sub : subs)
        table.rows << QStringList{withoutPrefix(sub.entityKey()),
                                  pupilName(s.journal(), sub.pupilId),
                                  sub.fileName,
                                  QString::number(sub.size),
                                  formatDateTime(sub.received),
                                  sub.grade ? domain::toString(*sub.grade) : QStringLiteral("—")};
    printOut(table.render());
    return {};
}

Status cmdSubmissionGrade(Session& s) {
    const Invocation& inv = s.inv();
    TABEL_ASSIGN_OR_RETURN(const QString key, parseEntityKey(inv.value(QStringLiteral("id")), QStringLiteral("--id"),
                                                             QStringLiteral("sub"), 6, kSubmissionForm));
    TABEL_ASSIGN_OR_RETURN(const domain::MarkValue value, markOption(inv));
    TABEL_ASSIGN_OR_RETURN(const int column, intOption(inv, QStringLiteral("column"), 1, 1, 10));
    TABEL_TRY(s.open());
    TABEL_ASSIGN_OR_RETURN(const CommitInfo commit, s.journal().gradeSubmission(key, value, column));
    Q_UNUSED(commit);
    printOut(
        QCoreApplication::translate("tabel-node", "Graded %1: %2").arg(withoutPrefix(key), domain::toString(value)));
    return {};
}

Status cmdSubmissionOverdue(Session& s) {
    const Invocation& inv = s.inv();
    TABEL_ASSIGN_OR_RETURN(const int days, intOption(inv, QStringLiteral("days"), 7, 0, 3650));
    TABEL_ASSIGN_OR_RETURN(const QDate today, dateOption(inv, QStringLiteral("today"), QDate::currentDate()));
    TABEL_TRY(s.open());
    TABEL_ASSIGN_OR_RETURN(const QList<domain::Submission> subs, s.journal().overdueSubmissions(today, days));
    if (subs.isEmpty()) {
        printOut(QCoreApplication::translate("tabel-node",
                                             "No work received more than %n days before %1 is waiting "
                                             "for a mark.",
                                             nullptr, days)
                     .arg(formatDate(today)));
        return {};
    }
    printOut(QCoreApplication::translate("tabel-node",
                                         "Work received more than %n days before %1 and not yet graded:", nullptr, days)
                 .arg(formatDate(today)));
    TextTable table;
    table.header << QCoreApplication::translate("tabel-node", "received")
                 << QCoreApplication::translate("tabel-node", "days")
                 << QCoreApplication::translate("tabel-node", "pupil")
                 << QCoreApplication::translate("tabel-node", "task")
                 << QCoreApplication::translate("tabel-node", "file")
                 << QCoreApplication::translate("tabel-node", "submission");
    table.align << Align::Left << Align::Right;
    for (const domain::Submission& sub : subs) {
        const QString name = pupilName(s.journal(), sub.pupilId);
        table.rows << QStringList{formatDateTime(sub.received),
                                  QString::number(sub.received.toLocalTime().date().daysTo(today)),
                                  name.isEmpty() ? sub.pupilId : name,
                                  withoutPrefix(sub.taskKey),
                                  sub.fileName,
                                  withoutPrefix(sub.entityKey())};
    }
    printOut(table.render());
    return {};
}

Status cmdSubmissionExport(Session& s) {
    const Invocation& inv = s.inv();
    TABEL_ASSIGN_OR_RETURN(const QString key, parseEntityKey(inv.value(QStringLiteral("id")), QStringLiteral("--id"),
                                                             QStringLiteral("sub"), 6, kSubmissionForm));
    const QString out = inv.value(QStringLiteral("out"));
    const QFileInfo info(out);
    if (info.exists())
        return makeError(
            ErrorCode::AlreadyExists,
            QCoreApplication::translate("tabel-node", "--out: %1 already exists; choose another name").arg(out));
    if (!info.absoluteDir().exists())
        return usageError(
            QCoreApplication::translate("tabel-node", "--out: there is no folder %1").arg(info.absoluteDir().path()));
    TABEL_TRY(s.open());
    TABEL_ASSIGN_OR_RETURN(const QByteArray content, s.journal().submissionFile(key));
    QSaveFile f(out);
    if (!f.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("tabel-node", "cannot write %1: %2").arg(out, f.errorString()));
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner); // pupils' work is personal data
    f.write(content);
    if (!f.commit())
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("tabel-node", "cannot write %1: %2").arg(out, f.errorString()));
    printOut(QCoreApplication::translate("tabel-node", "Wrote %1 (%2 bytes)").arg(out).arg(content.size()));
    return {};
}

// ---- Period marks ----

Status cmdPeriodMarkSet(Session& s) {
    const Invocation& inv = s.inv();
    domain::PeriodMark mark;
    TABEL_ASSIGN_OR_RETURN(mark.classId, idOption(inv, QStringLiteral("class")));
    TABEL_ASSIGN_OR_RETURN(mark.subjectId, idOption(inv, QStringLiteral("subject")));
    TABEL_ASSIGN_OR_RETURN(mark.periodId, idOption(inv, QStringLiteral("period")));
    TABEL_ASSIGN_OR_RETURN(mark.pupilId, idOption(inv, QStringLiteral("pupil")));
    TABEL_ASSIGN_OR_RETURN(mark.value, markOption(inv));
    mark.overrideReason = inv.value(QStringLiteral("override-reason")).trimmed();
    TABEL_TRY(s.open());
    mark.authorId = s.store().teacherId();
    TABEL_ASSIGN_OR_RETURN(const CommitInfo commit, s.journal().setPeriodMark(mark));
    Q_UNUSED(commit);
    printOut(QCoreApplication::translate("tabel-node", "Period mark %1 for %2 in %3, %4")
                 .arg(domain::toString(mark.value), pupilText(s.journal(), mark.pupilId),
                      subjectText(s.journal(), mark.subjectId), periodText(s.journal(), mark.periodId)));
    return {};
}

Status cmdPeriodMarkCorrect(Session& s) {
    const Invocation& inv = s.inv();
    domain::Correction c;
    TABEL_ASSIGN_OR_RETURN(c.classId, idOption(inv, QStringLiteral("class")));
    TABEL_ASSIGN_OR_RETURN(c.subjectId, idOption(inv, QStringLiteral("subject")));
    TABEL_ASSIGN_OR_RETURN(c.periodId, idOption(inv, QStringLiteral("period")));
    TABEL_ASSIGN_OR_RETURN(c.pupilId, idOption(inv, QStringLiteral("pupil")));
    TABEL_ASSIGN_OR_RETURN(c.newValue, markOption(inv));
    TABEL_ASSIGN_OR_RETURN(c.explanation, requiredText(inv, QStringLiteral("explanation")));
    TABEL_ASSIGN_OR_RETURN(c.approver, requiredText(inv, QStringLiteral("approver")));
    TABEL_TRY(s.open());

    // The old mark is the current one (Journal::correctPeriodMark numbers the entry after the mark's earlier ones).
    domain::PeriodMark current;
    current.classId = c.classId;
    current.subjectId = c.subjectId;
    current.periodId = c.periodId;
    current.pupilId = c.pupilId;
    TABEL_ASSIGN_OR_RETURN(const std::optional<domain::Fields> fields, s.store().entity(current.entityKey()));
    if (!fields)
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("tabel-node", "%1 has no %2 mark in %3 to correct")
                             .arg(pupilText(s.journal(), c.pupilId), periodText(s.journal(), c.periodId),
                                  subjectText(s.journal(), c.subjectId)));
    TABEL_ASSIGN_OR_RETURN(const domain::PeriodMark existing,
                           domain::PeriodMark::fromFields(current.entityKey(), *fields));
    c.oldValue = existing.value; // for the message below; the entry's number and date are the journal's
    TABEL_ASSIGN_OR_RETURN(const CommitInfo commit, s.journal().correctPeriodMark(c));
    Q_UNUSED(commit);
    printOut(QCoreApplication::translate("tabel-node", "Corrected the %1 mark of %2 in %3: %4 → %5 (approved by %6)")
                 .arg(periodText(s.journal(), c.periodId), pupilText(s.journal(), c.pupilId),
                      subjectText(s.journal(), c.subjectId), domain::toString(c.oldValue), domain::toString(c.newValue),
                      c.approver));
    return {};
}

Status cmdPeriodMarkMissing(Session& s) {
    const Invocation& inv = s.inv();
    TABEL_ASSIGN_OR_RETURN(const QString klass, idOption(inv, QStringLiteral("class")));
    TABEL_ASSIGN_OR_RETURN(const QString period, idOption(inv, QStringLiteral("period")));
    TABEL_TRY(s.open());
    TABEL_ASSIGN_OR_RETURN(const QList<domain::rules::MissingPeriodMark> missing,
                           s.journal().missingPeriodMarks(klass, period));
    if (missing.isEmpty()) {
        printOut(QCoreApplication::translate("tabel-node", "Every pupil of %1 has a %2 mark in every subject.")
                     .arg(klass, period));
        return {};
    }
    printOut(QCoreApplication::translate("tabel-node", "Without a %1 mark in %2:").arg(period, klass));
    TextTable table;
    table.header << QCoreApplication::translate("tabel-node", "subject")
                 << QCoreApplication::translate("tabel-node", "pupil")
                 << QCoreApplication::translate("tabel-node", "name");
    for (const auto& m : missing)
        table.rows << QStringList{m.subjectId, m.pupilId, pupilName(s.journal(), m.pupilId)};
    printOut(table.render());
    return {};
}

// ---- Substitutions ----

Status cmdSubstitutionAdd(Session& s) {
    const Invocation& inv = s.inv();
    domain::Substitution sub;
    TABEL_ASSIGN_OR_RETURN(sub.date, dateOption(inv, QStringLiteral("date"), {}));
    TABEL_ASSIGN_OR_RETURN(sub.slot, intOption(inv, QStringLiteral("slot"), 1, 1, 12));
    TABEL_ASSIGN_OR_RETURN(sub.classId, idOption(inv, QStringLiteral("class")));
    TABEL_ASSIGN_OR_RETURN(sub.groupId, idOption(inv, QStringLiteral("group")));
    TABEL_ASSIGN_OR_RETURN(sub.subjectId, idOption(inv, QStringLiteral("subject")));
    TABEL_ASSIGN_OR_RETURN(sub.absentTeacherId, idOption(inv, QStringLiteral("absent")));
    TABEL_ASSIGN_OR_RETURN(sub.substituteId, idOption(inv, QStringLiteral("substitute")));
    TABEL_ASSIGN_OR_RETURN(sub.reason, requiredText(inv, QStringLiteral("reason")));
    TABEL_TRY(s.open());
    TABEL_ASSIGN_OR_RETURN(const CommitInfo commit, s.journal().saveSubstitution(sub));
    Q_UNUSED(commit);
    printOut(QCoreApplication::translate("tabel-node", "Saved the substitution: %1, lesson %2, %3 %4: %5 replaces %6")
                 .arg(formatDate(sub.date))
                 .arg(sub.slot)
                 .arg(sub.classId, sub.subjectId, teacherName(s.store(), sub.substituteId),
                      teacherName(s.store(), sub.absentTeacherId)));
    return {};
}

Status cmdSubstitutionList(Session& s) {
    const Invocation& inv = s.inv();
    const QDate yearStart = schoolYearStart(QDate::currentDate());
    TABEL_ASSIGN_OR_RETURN(const QDate from, dateOption(inv, QStringLiteral("from"), yearStart));
    TABEL_ASSIGN_OR_RETURN(
        const QDate to, dateOption(inv, QStringLiteral("to"), QDate(from.year() + (from.month() >= 9 ? 1 : 0), 8, 31)));
    if (from > to)
        return usageError(QCoreApplication::translate("tabel-node", "--from %1 is after --to %2")
                              .arg(formatDate(from), formatDate(to)));
    TABEL_TRY(s.open());
    TABEL_ASSIGN_OR_RETURN(const QList<domain::Substitution> subs, s.journal().substitutions(from, to));
    printOut(
        QCoreApplication::translate("tabel-node", "Substitution journal, %1–%2").arg(formatDate(from), formatDate(to)));
    if (subs.isEmpty()) {
        printOut(QCoreApplication::translate("tabel-node", "(no substitutions)"));
        return {};
    }
    TextTable table;
    table.header << QStringLiteral("№") << QCoreApplication::translate("tabel-node", "date")
                 << QCoreApplication::translate("tabel-node", "lesson")
                 << QCoreApplication::translate("tabel-node", "class")
                 << QCoreApplication::translate("tabel-node", "group")
                 << QCoreApplication::translate("tabel-node", "subject")
                 << QCoreApplication::translate("tabel-node", "absent teacher")
                 << QCoreApplication::translate("tabel-node", "substitute")
                 << QCoreApplication::translate("tabel-node", "reason");
    table.align << Align::Right << Align::Left << Align::Right;
    int n = 0;
    for (const domain::Substitution& sub : subs)
        table.rows << QStringList{QString::number(++n),
                                  formatDate(sub.date),
                                  QString::number(sub.slot),
                                  sub.classId,
                                  sub.groupId,
                                  sub.subjectId,
                                  teacherName(s.store(), sub.absentTeacherId),
                                  teacherName(s.store(), sub.substituteId),
                                  sub.reason};
    printOut(table.render());
    return {};
}

// ---- КТП ----

Status cmdKtpAddTopic(Session& s) {
    const Invocation& inv = s.inv();
    domain::KtpTopic topic;
    TABEL_ASSIGN_OR_RETURN(topic.classId, idOption(inv, QStringLiteral("class")));
    TABEL_ASSIGN_OR_RETURN(topic.subjectId, idOption(inv, QStringLiteral("subject")));
    TABEL_ASSIGN_OR_RETURN(topic.number, intOption(inv, QStringLiteral("number"), 1, 1, 9999));
    TABEL_ASSIGN_OR_RETURN(topic.title, requiredText(inv, QStringLiteral("title")));
    TABEL_ASSIGN_OR_RETURN(topic.plannedHours, intOption(inv, QStringLiteral("hours"), 1, 0, 1000));
    TABEL_TRY(s.open());
    TABEL_ASSIGN_OR_RETURN(const CommitInfo commit, s.journal().saveKtpTopic(topic));
    Q_UNUSED(commit);
    printOut(QCoreApplication::translate("tabel-node", "Saved topic %1 of the plan of %2, %3: %4 (%n hours)", nullptr,
                                         topic.plannedHours)
                 .arg(topic.number)
                 .arg(topic.classId, topic.subjectId, topic.title));
    return {};
}

Status cmdKtpCorrect(Session& s) {
    const Invocation& inv = s.inv();
    domain::KtpCorrection entry;
    TABEL_ASSIGN_OR_RETURN(entry.classId, idOption(inv, QStringLiteral("class")));
    TABEL_ASSIGN_OR_RETURN(entry.subjectId, idOption(inv, QStringLiteral("subject")));
    TABEL_ASSIGN_OR_RETURN(entry.date, dateOption(inv, QStringLiteral("date"), {}));
    for (const QString& part : inv.value(QStringLiteral("topics")).split(u',', Qt::SkipEmptyParts)) {
        TABEL_ASSIGN_OR_RETURN(const int n, parseInt(part, QStringLiteral("--topics"), 1, 9999));
        entry.topics << n;
    }
    if (entry.topics.isEmpty())
        return usageError(QCoreApplication::translate("tabel-node", "--topics: expected topic numbers like 3,4"));
    TABEL_ASSIGN_OR_RETURN(entry.plannedHours, intOption(inv, QStringLiteral("planned"), 0, 0, 1000));
    TABEL_ASSIGN_OR_RETURN(entry.actualHours, intOption(inv, QStringLiteral("actual"), 0, 0, 1000));
    TABEL_ASSIGN_OR_RETURN(entry.reason, requiredText(inv, QStringLiteral("reason")));
    auto method = domain::parseKtpMethod(inv.value(QStringLiteral("method")).trimmed());
    if (!method)
        return usageError(QStringLiteral("--method: ") + method.error().message);
    entry.method = *method;
    entry.number = 0; // the journal numbers the entry
    TABEL_TRY(s.open());
    TABEL_ASSIGN_OR_RETURN(const CommitInfo commit, s.journal().addKtpCorrection(entry));
    Q_UNUSED(commit);
    printOut(
        QCoreApplication::translate("tabel-node", "Added to the correction sheet of %1, %2: topics %3, %4")
            .arg(entry.classId, entry.subjectId, inv.value(QStringLiteral("topics")), domain::toString(entry.method)));
    return {};
}

Status cmdKtpShow(Session& s) {
    const Invocation& inv = s.inv();
    TABEL_ASSIGN_OR_RETURN(const QString klass, idOption(inv, QStringLiteral("class")));
    TABEL_ASSIGN_OR_RETURN(const QString subject, idOption(inv, QStringLiteral("subject")));
    TABEL_TRY(s.open());
    TABEL_ASSIGN_OR_RETURN(const KtpView v, s.journal().ktp(klass, subject));
    QStringList lines{QCoreApplication::translate("tabel-node", "Calendar-thematic plan: %1, %2").arg(klass, subject)};
    if (v.topics.isEmpty()) {
        lines << QCoreApplication::translate("tabel-node", "(no topics)");
    } else {
        TextTable topics;
        topics.header << QStringLiteral("№") << QCoreApplication::translate("tabel-node", "topic")
                      << QCoreApplication::translate("tabel-node", "hours");
        topics.align << Align::Right << Align::Left << Align::Right;
        for (const domain::KtpTopic& t : v.topics)
            topics.rows << QStringList{QString::number(t.number), t.title, QString::number(t.plannedHours)};
        lines << topics.render();
    }
    lines << QString() << QCoreApplication::translate("tabel-node", "Correction sheet:");
    if (v.corrections.isEmpty()) {
        lines << QCoreApplication::translate("tabel-node", "(no entries)");
    } else {
        TextTable sheet;
        sheet.header << QStringLiteral("№") << QCoreApplication::translate("tabel-node", "date")
                     << QCoreApplication::translate("tabel-node", "topics")
                     << QCoreApplication::translate("tabel-node", "planned")
                     << QCoreApplication::translate("tabel-node", "actual")
                     << QCoreApplication::translate("tabel-node", "reason")
                     << QCoreApplication::translate("tabel-node", "method");
        sheet.align << Align::Right << Align::Left << Align::Left << Align::Right << Align::Right;
        for (const domain::KtpCorrection& c : v.corrections) {
            QStringList topics;
            for (int n : c.topics)
                topics << QString::number(n);
            sheet.rows << QStringList{QString::number(c.number),
                                      formatDate(c.date),
                                      topics.join(u','),
                                      QString::number(c.plannedHours),
                                      QString::number(c.actualHours),
                                      c.reason,
                                      domain::toString(c.method)};
        }
        lines << sheet.render();
    }
    lines << QString() << QCoreApplication::translate("tabel-node", "Carried over to next year:");
    if (v.carryOver.isEmpty())
        lines << QCoreApplication::translate("tabel-node", "(none)");
    for (const domain::KtpTopic& t : v.carryOver)
        lines << QStringLiteral("  %1. %2").arg(t.number).arg(t.title);
    printOut(lines);
    return {};
}

} // namespace tabel::node::cli
