// The teacher's planning screens of `tabel-node serve` (issue 10 item 3): the substitutions she takes part in
// (2.5.4) and the calendar-thematic plan of a class × subject with its correction sheet (3.1). Like every route of
// JournalServer they read and write through node::Journal, which holds the rules; a refusal carries its clause.
#include "node/web/journal_server.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tabel::node::web {

using namespace tabel::domain;

namespace {

QString t(const char* s) {
    return QCoreApplication::translate("tabel::node::web::JournalServer", s);
}

constexpr int kMaxText = 500; // a reason or a topic's title is a line, not a page

Result<QString> boundedText(const QJsonObject& in, const char* name, const char* what) {
    const QString value = in.value(QLatin1String(name)).toString().simplified();
    if (value.size() > kMaxText)
        return makeError(
            ErrorCode::InvalidArgument,
            t("the %1 is %2 characters long; write at most %3").arg(t(what)).arg(value.size()).arg(kMaxText));
    return value;
}

// what: untranslated (QT_TRANSLATE_NOOP), named in the refusal.
Result<QDate> dateText(const QString& text, const char* what) {
    const QDate d = QDate::fromString(text, Qt::ISODate);
    if (!d.isValid())
        return makeError(ErrorCode::InvalidArgument,
                         t("the %1 «%2» is not a date; pick it in the calendar").arg(t(what), text));
    return d;
}

Result<QDate> dateField(const QJsonObject& in, const char* name, const char* what) {
    return dateText(in.value(QLatin1String(name)).toString(), what);
}

Result<int> intField(const QJsonObject& in, const char* name, const char* what, int min, int max) {
    // A JSON number or a string of digits (a form's field); anything else, a fraction or a number out of range is
    // refused, never read as 0.
    const QJsonValue v = in.value(QLatin1String(name));
    bool ok = false;
    int n = 0;
    if (v.isDouble()) {
        n = v.toInt(min - 1);
        ok = v.toDouble() == n;
    } else if (v.isString()) {
        n = v.toString().trimmed().toInt(&ok);
    }
    if (!ok || n < min || n > max)
        return makeError(ErrorCode::InvalidArgument,
                         t("the %1 is a whole number from %2 to %3").arg(t(what)).arg(min).arg(max));
    return n;
}

Result<QString> idField(const QJsonObject& in, const char* name, const char* what) {
    const QString id = in.value(QLatin1String(name)).toString().trimmed();
    TABEL_TRY(validateId(id, what));
    return id;
}

} // namespace

Result<JournalServer::Reply> JournalServer::substitutions(const Request& r) {
    // The dates shown (either may be left out: no bound on that side).
    QDate bounds[2];
    const char* params[2] = {"from", "to"};
    for (int i = 0; i < 2; ++i) {
        const QString text = r.param(QString::fromLatin1(params[i]));
        if (!text.isEmpty()) {
            TABEL_ASSIGN_OR_RETURN(bounds[i], dateText(text, QT_TRANSLATE_NOOP("tabel::node::web::JournalServer",
                                                                               "first or last date shown")));
        }
    }
    const QDate from = bounds[0], to = bounds[1];
    m_journal->refresh();
    TABEL_ASSIGN_OR_RETURN(const QList<Substitution> all, m_journal->substitutions(from, to));
    TABEL_ASSIGN_OR_RETURN(const QList<Teacher> teachers, m_journal->teachers());
    TABEL_ASSIGN_OR_RETURN(const QList<Subject> subjects, m_journal->subjects());
    TABEL_ASSIGN_OR_RETURN(const QList<SchoolClass> classes, m_journal->schoolClasses());
    const rules::Names names = m_journal->names();
    const QString me = m_store->teacherId();
    QJsonArray list;
    for (const Substitution& s : all) {
        if (s.substituteId != me && s.absentTeacherId != me)
            continue; // 2.5.4: hers only, as she holds them
        const LessonKey lesson{s.classId, s.subjectId, s.groupId, s.date, s.slot};
        TABEL_ASSIGN_OR_RETURN(const std::optional<Lesson> recorded, m_journal->lessonAt(lesson));
        list.append(QJsonObject{
            {QStringLiteral("date"), s.date.toString(Qt::ISODate)},
            {QStringLiteral("slot"), s.slot},
            {QStringLiteral("class"), s.classId},
            {QStringLiteral("subject"), s.subjectId},
            {QStringLiteral("subjectName"), names.subjectText(s.subjectId)},
            {QStringLiteral("group"), s.groupId},
            {QStringLiteral("absent"), s.absentTeacherId},
            {QStringLiteral("absentName"), names.teacherText(s.absentTeacherId)},
            {QStringLiteral("substitute"), s.substituteId},
            {QStringLiteral("substituteName"), names.teacherText(s.substituteId)},
            {QStringLiteral("reason"), s.reason},
            {QStringLiteral("role"), s.substituteId == me ? QStringLiteral("substitute") : QStringLiteral("absent")},
            {QStringLiteral("lesson"), lesson.toString()},
            {QStringLiteral("recorded"), recorded.has_value()},
            {QStringLiteral("topic"), recorded ? recorded->topic : QString()}});
    }
    QJsonArray teacherList;
    for (const Teacher& teacher : teachers)
        teacherList.append(QJsonObject{{QStringLiteral("id"), teacher.id}, {QStringLiteral("name"), teacher.name}});
    QJsonArray subjectList;
    for (const Subject& s : subjects)
        subjectList.append(QJsonObject{{QStringLiteral("id"), s.id}, {QStringLiteral("name"), s.name}});
    QJsonArray classList;
    for (const SchoolClass& c : classes)
        classList.append(c.id);
    return Reply::json(QJsonDocument(QJsonObject{{QStringLiteral("me"), me},
                                                 {QStringLiteral("substitutions"), list},
                                                 {QStringLiteral("teachers"), teacherList},
                                                 {QStringLiteral("subjects"), subjectList},
                                                 {QStringLiteral("classes"), classList}}));
}

Result<JournalServer::Reply> JournalServer::substitutionPost(const Request& r) {
    const QJsonObject in = QJsonDocument::fromJson(r.body).object();
    Substitution s;
    TABEL_ASSIGN_OR_RETURN(
        s.date, dateField(in, "date", QT_TRANSLATE_NOOP("tabel::node::web::JournalServer", "date of the lesson")));
    TABEL_ASSIGN_OR_RETURN(
        s.slot, intField(in, "slot", QT_TRANSLATE_NOOP("tabel::node::web::JournalServer", "lesson number"), 1, 12));
    TABEL_ASSIGN_OR_RETURN(s.classId, idField(in, "class", QT_TRANSLATE_NOOP("tabel::domain", "class id")));
    TABEL_ASSIGN_OR_RETURN(s.subjectId, idField(in, "subject", QT_TRANSLATE_NOOP("tabel::domain", "subject id")));
    s.groupId = in.value(QStringLiteral("group")).toString().trimmed();
    if (s.groupId.isEmpty())
        s.groupId = kWholeClass;
    TABEL_TRY(validateId(s.groupId, QT_TRANSLATE_NOOP("tabel::domain", "group id")));
    TABEL_ASSIGN_OR_RETURN(s.absentTeacherId, idField(in, "absent", QT_TRANSLATE_NOOP("tabel::domain", "teacher id")));
    TABEL_ASSIGN_OR_RETURN(s.substituteId, idField(in, "substitute", QT_TRANSLATE_NOOP("tabel::domain", "teacher id")));
    TABEL_ASSIGN_OR_RETURN(s.reason,
                           boundedText(in, "reason", QT_TRANSLATE_NOOP("tabel::node::web::JournalServer", "reason")));
    m_journal->refresh();
    TABEL_ASSIGN_OR_RETURN(const CommitInfo commit, m_journal->saveSubstitution(s));
    if (commit.seq > 0)
        scheduleBurstSync();
    const LessonKey lesson{s.classId, s.subjectId, s.groupId, s.date, s.slot};
    return Reply::json(QJsonDocument(
        QJsonObject{{QStringLiteral("lesson"), lesson.toString()}, {QStringLiteral("changed"), commit.seq > 0}}));
}

Result<JournalServer::Reply> JournalServer::ktpGet(const Request& r) {
    const QString classId = r.param(QStringLiteral("class"));
    const QString subjectId = r.param(QStringLiteral("subject"));
    TABEL_TRY(validateId(classId, QT_TRANSLATE_NOOP("tabel::domain", "class id")));
    TABEL_TRY(validateId(subjectId, QT_TRANSLATE_NOOP("tabel::domain", "subject id")));
    m_journal->refresh();
    TABEL_ASSIGN_OR_RETURN(const KtpView view, m_journal->ktp(classId, subjectId));
    QJsonArray topics;
    int planned = 0, given = 0;
    for (const KtpTopic& topic : view.topics) {
        const int lessons = view.lessonsPerTopic.value(topic.number);
        planned += topic.plannedHours;
        given += lessons;
        topics.append(QJsonObject{{QStringLiteral("number"), topic.number},
                                  {QStringLiteral("title"), topic.title},
                                  {QStringLiteral("hours"), topic.plannedHours},
                                  {QStringLiteral("lessons"), lessons}});
    }
    QJsonArray corrections;
    for (const KtpCorrection& c : view.corrections) {
        QJsonArray numbers;
        for (int n : c.topics)
            numbers.append(n);
        corrections.append(QJsonObject{{QStringLiteral("number"), c.number},
                                       {QStringLiteral("date"), c.date.toString(Qt::ISODate)},
                                       {QStringLiteral("topics"), numbers},
                                       {QStringLiteral("planned"), c.plannedHours},
                                       {QStringLiteral("actual"), c.actualHours},
                                       {QStringLiteral("reason"), c.reason},
                                       {QStringLiteral("method"), toString(c.method)}});
    }
    QJsonArray carry;
    for (const KtpTopic& topic : view.carryOver)
        carry.append(topic.number);
    return Reply::json(QJsonDocument(QJsonObject{{QStringLiteral("class"), classId},
                                                 {QStringLiteral("subject"), subjectId},
                                                 {QStringLiteral("topics"), topics},
                                                 {QStringLiteral("corrections"), corrections},
                                                 {QStringLiteral("carryOver"), carry},
                                                 {QStringLiteral("plannedHours"), planned},
                                                 {QStringLiteral("givenLessons"), given}}));
}

Result<JournalServer::Reply> JournalServer::ktpTopicPost(const Request& r) {
    const QJsonObject in = QJsonDocument::fromJson(r.body).object();
    KtpTopic topic;
    TABEL_ASSIGN_OR_RETURN(topic.classId, idField(in, "class", QT_TRANSLATE_NOOP("tabel::domain", "class id")));
    TABEL_ASSIGN_OR_RETURN(topic.subjectId, idField(in, "subject", QT_TRANSLATE_NOOP("tabel::domain", "subject id")));
    TABEL_ASSIGN_OR_RETURN(
        topic.number,
        intField(in, "number", QT_TRANSLATE_NOOP("tabel::node::web::JournalServer", "topic's number"), 1, 9999));
    TABEL_ASSIGN_OR_RETURN(
        topic.title, boundedText(in, "title", QT_TRANSLATE_NOOP("tabel::node::web::JournalServer", "topic's title")));
    TABEL_ASSIGN_OR_RETURN(
        topic.plannedHours,
        intField(in, "hours", QT_TRANSLATE_NOOP("tabel::node::web::JournalServer", "number of planned hours"), 1, 200));
    m_journal->refresh();
    TABEL_ASSIGN_OR_RETURN(const CommitInfo commit, m_journal->saveKtpTopic(topic));
    if (commit.seq > 0)
        scheduleBurstSync();
    return Reply::json(QJsonDocument(QJsonObject{{QStringLiteral("changed"), commit.seq > 0}}));
}

Result<JournalServer::Reply> JournalServer::ktpCorrectionPost(const Request& r) {
    const QJsonObject in = QJsonDocument::fromJson(r.body).object();
    KtpCorrection c;
    TABEL_ASSIGN_OR_RETURN(c.classId, idField(in, "class", QT_TRANSLATE_NOOP("tabel::domain", "class id")));
    TABEL_ASSIGN_OR_RETURN(c.subjectId, idField(in, "subject", QT_TRANSLATE_NOOP("tabel::domain", "subject id")));
    TABEL_ASSIGN_OR_RETURN(
        c.date, dateField(in, "date", QT_TRANSLATE_NOOP("tabel::node::web::JournalServer", "date of the correction")));
    const QJsonArray topics = in.value(QStringLiteral("topics")).toArray();
    if (topics.isEmpty() || topics.size() > 100)
        return makeError(ErrorCode::InvalidArgument, t("choose the plan's topics the correction concerns"));
    for (const QJsonValue& v : topics) {
        const int n = v.toInt(0);
        if (n < 1 || n > 9999)
            return makeError(ErrorCode::InvalidArgument, t("a topic is given by its number in the plan, from 1"));
        c.topics.append(n);
    }
    TABEL_ASSIGN_OR_RETURN(c.plannedHours,
                           intField(in, "planned",
                                    QT_TRANSLATE_NOOP("tabel::node::web::JournalServer", "number of planned hours"), 0,
                                    200));
    TABEL_ASSIGN_OR_RETURN(
        c.actualHours,
        intField(in, "actual", QT_TRANSLATE_NOOP("tabel::node::web::JournalServer", "number of hours given"), 0, 200));
    TABEL_ASSIGN_OR_RETURN(c.reason,
                           boundedText(in, "reason", QT_TRANSLATE_NOOP("tabel::node::web::JournalServer", "reason")));
    TABEL_ASSIGN_OR_RETURN(c.method, parseKtpMethod(in.value(QStringLiteral("method")).toString()));
    c.number = 0; // the next entry of the sheet
    m_journal->refresh();
    TABEL_ASSIGN_OR_RETURN(const CommitInfo commit, m_journal->addKtpCorrection(c));
    if (commit.seq > 0)
        scheduleBurstSync();
    return Reply::json(QJsonDocument(QJsonObject{{QStringLiteral("changed"), commit.seq > 0}}));
}

} // namespace tabel::node::web
