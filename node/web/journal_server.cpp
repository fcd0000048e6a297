#include "node/web/journal_server.h"

#include "node/print/print_service.h"

#include "node/sync/closed_periods.h"
#include "node/sync/sync_client.h"
#include "node/web/api_json.h"
#include "node/web/ui_text.h"
#include "shared/crypto/secret.h"
#include "sync/describe.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QUrl>

#include <algorithm>

namespace tabel::node::web {

using namespace tabel::domain;
using tabel::web::Access;

namespace {

QString t(const char* s) {
    return QCoreApplication::translate("tabel::node::web::JournalServer", s);
}

QString tnum(const char* s, int n) {
    return QCoreApplication::translate("tabel::node::web::JournalServer", s, nullptr, n);
}

constexpr int kMaxCellsPerRequest = 5000;

QJsonDocument doc(const QJsonObject& o) {
    return QJsonDocument(o);
}

QString isoTime(const std::optional<QDateTime>& t) {
    return t && t->isValid() ? t->toUTC().toString(Qt::ISODate) : QString();
}

// The grade of a class id: its leading number, "7А" → 7.
int gradeOf(const QString& classId) {
    int i = 0;
    while (i < classId.size() && classId.at(i).isDigit())
        ++i;
    return classId.left(i).toInt();
}

QString subjectName(const QList<Subject>& subjects, const QString& id) {
    for (const Subject& s : subjects)
        if (s.id == id)
            return s.name;
    return id;
}

} // namespace

JournalServer::JournalServer(ServeOptions options, QObject* parent)
    : QObject(parent), m_options(std::move(options)),
      m_http(
          tabel::web::ServerOptions{QStringLiteral(":/app"),
                                    {QStringLiteral("index.html"), QStringLiteral("login.js"),
                                     QStringLiteral("text.js"), QStringLiteral("api.js"), QStringLiteral("style.css")},
                                    QByteArray(),
                                    m_options.idleMs}) {
    const auto on = [this](const char* method, const char* path, Access access,
                           Result<Reply> (JournalServer::*fn)(const Request&)) {
        m_http.route(method, QString::fromLatin1(path), access, [this, fn, access](const Request& r) {
            if (access != Access::Public && !m_journal)
                return Reply::problem(401, QStringLiteral("locked"),
                                      t("the journal is locked; enter the passphrase again"));
            Result<Reply> reply = (this->*fn)(r);
            return reply ? std::move(*reply) : failure(reply.error());
        });
    };
    on("GET", "/app/text.json", Access::Public, &JournalServer::text);
    on("GET", "/api/v1/session", Access::Public, &JournalServer::session);
    on("POST", "/api/v1/unlock", Access::Public, &JournalServer::unlock);
    on("POST", "/api/v1/lock", Access::Write, &JournalServer::lock);
    on("GET", "/api/v1/classes", Access::Session, &JournalServer::classes);
    on("GET", "/api/v1/today", Access::Session, &JournalServer::today);
    on("GET", "/api/v1/journal", Access::Session, &JournalServer::journal);
    on("GET", "/api/v1/lesson", Access::Session, &JournalServer::lessonGet);
    on("POST", "/api/v1/lesson", Access::Write, &JournalServer::lessonPost);
    on("GET", "/api/v1/tasks", Access::Session, &JournalServer::tasks);
    on("POST", "/api/v1/tasks", Access::Write, &JournalServer::taskPost);
    on("POST", "/api/v1/submissions", Access::Upload, &JournalServer::submissionPost);
    on("GET", "/api/v1/submission", Access::Session, &JournalServer::submissionFile);
    on("POST", "/api/v1/grade", Access::Write, &JournalServer::grade);
    on("POST", "/api/v1/period-mark", Access::Write, &JournalServer::periodMarkPost);
    on("POST", "/api/v1/cells", Access::Write, &JournalServer::cells);
    on("GET", "/api/v1/status", Access::Session, &JournalServer::status);
    on("POST", "/api/v1/sync", Access::Write, &JournalServer::startSync);
    on("POST", "/api/v1/print", Access::Write, &JournalServer::print);
    on("POST", "/api/v1/period-mark-correction", Access::Write, &JournalServer::periodMarkCorrection);
    on("GET", "/api/v1/substitutions", Access::Session, &JournalServer::substitutions);
    on("POST", "/api/v1/substitutions", Access::Write, &JournalServer::substitutionPost);
    on("GET", "/api/v1/ktp", Access::Session, &JournalServer::ktpGet);
    on("POST", "/api/v1/ktp-topic", Access::Write, &JournalServer::ktpTopicPost);
    on("POST", "/api/v1/ktp-correction", Access::Write, &JournalServer::ktpCorrectionPost);
    m_http.page(QStringLiteral("/journal"), QStringLiteral("journal.html"));
    connect(&m_http, &tabel::web::Server::allSessionsEnded, this, &JournalServer::closeStore);

    connect(&m_syncTimer, &QTimer::timeout, this, &JournalServer::runSync);
    m_burstTimer.setSingleShot(true);
    connect(&m_burstTimer, &QTimer::timeout, this, &JournalServer::runSync);
}

JournalServer::~JournalServer() {
    m_journal.reset();
    m_store.reset();
}

Result<quint16> JournalServer::start() {
    if (!NodeStore::exists(m_options.storeDir))
        return makeError(ErrorCode::NotFound,
                         t("there is no store in %1; create one with «tabel-node init»").arg(m_options.storeDir));
    TABEL_ASSIGN_OR_RETURN(const quint16 port, m_http.listenLoopback(m_options.address, m_options.port));
    return port;
}

QDate JournalServer::todayDate() const {
    return m_options.today.isValid() ? m_options.today : QDate::currentDate();
}

JournalServer::Reply JournalServer::failure(const Error& e) {
    int status = 500;
    QString code = QStringLiteral("internal");
    switch (e.code) {
    case ErrorCode::RuleViolation:
        status = 422;
        code = QStringLiteral("rule");
        break;
    case ErrorCode::NotFound:
        status = 404;
        code = QStringLiteral("not-found");
        break;
    case ErrorCode::InvalidArgument:
    case ErrorCode::InvalidInput:
        status = 400;
        code = QStringLiteral("invalid");
        break;
    case ErrorCode::Busy:
        status = 503;
        code = QStringLiteral("busy");
        break;
    default:
        break;
    }
    if (e.clause.isEmpty())
        return Reply::problem(status, code, e.message);
    // A rule of the regulation: its clause too, so the page can point at it.
    return Reply::json(doc({{QStringLiteral("error"), code},
                            {QStringLiteral("message"), e.message},
                            {QStringLiteral("clause"), e.clause}}),
                       status);
}

// ---- The page's texts, the session ------------------------------------------------------------------------------

Result<JournalServer::Reply> JournalServer::text(const Request&) {
    return Reply::json(doc(uiText()));
}

Result<JournalServer::Reply> JournalServer::session(const Request& r) {
    if (!r.session || !m_store)
        return Reply::json(doc({{QStringLiteral("unlocked"), false}}));
    return Reply::json(doc({{QStringLiteral("unlocked"), true},
                            {QStringLiteral("csrf"), QString::fromLatin1(r.session->csrf)},
                            {QStringLiteral("teacher"), m_store->teacherId()},
                            {QStringLiteral("teacherName"), m_store->teacherName()},
                            {QStringLiteral("idleSeconds"), m_options.idleMs / 1000}}));
}

Result<JournalServer::Reply> JournalServer::unlock(const Request& r) {
    const qint64 now = tabel::web::Server::nowMs();
    if (const qint64 wait = m_throttle.waitMs(now); wait > 0) {
        const int seconds = int((wait + 999) / 1000);
        Reply reply =
            Reply::problem(429, QStringLiteral("wait"),
                           tnum("the passphrase was wrong several times; wait %n second(s), then try again", seconds));
        reply.headers.append({"Retry-After", QByteArray::number(seconds)});
        return reply;
    }
    if (m_syncing)
        return Reply::problem(503, QStringLiteral("busy"),
                              t("a synchronisation is finishing; try again in a few seconds"));
    QByteArray body = r.body;
    const QJsonObject in = QJsonDocument::fromJson(body).object();
    QByteArray utf8 = in.value(QStringLiteral("passphrase")).toString().toUtf8();
    body.fill('\0');
    if (utf8.isEmpty())
        return Reply::problem(400, QStringLiteral("invalid"), t("enter the passphrase of the journal"));
    crypto::SecretBytes passphrase = crypto::SecretBytes::fromBytes(utf8.constData(), std::size_t(utf8.size()));
    utf8.fill('\0');
    Result<NodeStore> opened = NodeStore::open(m_options.storeDir, passphrase);
    if (!opened) {
        if (opened.error().code == ErrorCode::WrongPassphrase) {
            m_throttle.failed(tabel::web::Server::nowMs());
            Reply reply = Reply::problem(401, QStringLiteral("wrong-passphrase"), opened.error().message);
            reply.headers.append(
                {"Retry-After", QByteArray::number((m_throttle.waitMs(tabel::web::Server::nowMs()) + 999) / 1000)});
            return reply;
        }
        return failure(opened.error());
    }
    m_throttle.succeeded();
    m_journal.reset();
    m_store.reset();
    m_store.emplace(std::move(*opened));
    m_journal.emplace(*m_store);
    tabel::web::Session s;
    const auto cookie = m_http.startSession(s);
    if (m_options.syncEveryMs > 0)
        m_syncTimer.start(int(std::min<qint64>(m_options.syncEveryMs, 24 * 3600 * 1000)));
    Reply reply = Reply::json(doc({{QStringLiteral("unlocked"), true},
                                   {QStringLiteral("csrf"), QString::fromLatin1(s.csrf)},
                                   {QStringLiteral("teacher"), m_store->teacherId()},
                                   {QStringLiteral("teacherName"), m_store->teacherName()}}));
    reply.headers.append(cookie);
    return reply;
}

Result<JournalServer::Reply> JournalServer::lock(const Request&) {
    m_http.lockAll(); // every session ends; allSessionsEnded closes the store
    Reply reply = Reply::json(doc({{QStringLiteral("unlocked"), false}}));
    reply.headers.append(m_http.endSessionCookie());
    return reply;
}

void JournalServer::closeStore() {
    if (m_syncing) {
        m_lockAfterSync = true;
        return;
    }
    m_syncTimer.stop();
    m_burstTimer.stop();
    m_journal.reset();
    m_store.reset(); // the key is wiped with it
}

// ---- Reading -------------------------------------------------------------------------------------------------------

Result<JournalServer::Reply> JournalServer::classes(const Request&) {
    m_journal->refresh(); // the roster or timetable may have come with a sync or from tabel-node meanwhile
    TABEL_ASSIGN_OR_RETURN(const QList<Assignment> mine, m_journal->myAssignments());
    TABEL_ASSIGN_OR_RETURN(const QList<Subject> subjects, m_journal->subjects());
    TABEL_ASSIGN_OR_RETURN(const QList<Period> periods, m_journal->periods());
    QJsonArray list;
    for (const Assignment& a : mine)
        list.append(QJsonObject{{QStringLiteral("class"), a.classId},
                                {QStringLiteral("subject"), a.subjectId},
                                {QStringLiteral("subjectName"), subjectName(subjects, a.subjectId)},
                                {QStringLiteral("group"), a.groupId}});
    QJsonArray ps;
    for (const Period& p : periods)
        ps.append(QJsonObject{{QStringLiteral("id"), p.id},
                              {QStringLiteral("title"), p.title},
                              {QStringLiteral("start"), p.start.toString(Qt::ISODate)},
                              {QStringLiteral("end"), p.end.toString(Qt::ISODate)},
                              {QStringLiteral("grades"), p.grades}});
    return Reply::json(doc({{QStringLiteral("teacher"), m_store->teacherId()},
                            {QStringLiteral("teacherName"), m_store->teacherName()},
                            {QStringLiteral("today"), todayDate().toString(Qt::ISODate)},
                            {QStringLiteral("assignments"), list},
                            {QStringLiteral("periods"), ps}}));
}

Result<JournalServer::Reply> JournalServer::today(const Request& r) {
    QDate day = QDate::fromString(r.param(QStringLiteral("date")), Qt::ISODate);
    if (!day.isValid())
        day = todayDate();
    m_journal->refresh();
    TABEL_ASSIGN_OR_RETURN(QList<TimetableSlot> timetable, m_journal->myTimetable());
    TABEL_ASSIGN_OR_RETURN(const QList<Subject> subjects, m_journal->subjects());
    std::sort(timetable.begin(), timetable.end(),
              [](const TimetableSlot& a, const TimetableSlot& b) { return a.slot < b.slot; });
    QJsonArray lessons;
    for (const TimetableSlot& s : timetable) {
        if (s.weekday != day.dayOfWeek())
            continue;
        const LessonKey key{s.classId, s.subjectId, s.groupId, day, s.slot};
        TABEL_ASSIGN_OR_RETURN(const std::optional<Fields> stored,
                               m_store->entity(QStringLiteral("lesson/") + key.toString()));
        QString topic;
        if (stored) {
            TABEL_ASSIGN_OR_RETURN(const Lesson l,
                                   Lesson::fromFields(QStringLiteral("lesson/") + key.toString(), *stored));
            topic = l.topic;
        }
        lessons.append(QJsonObject{{QStringLiteral("lesson"), key.toString()},
                                   {QStringLiteral("class"), s.classId},
                                   {QStringLiteral("subject"), s.subjectId},
                                   {QStringLiteral("subjectName"), subjectName(subjects, s.subjectId)},
                                   {QStringLiteral("group"), s.groupId},
                                   {QStringLiteral("slot"), s.slot},
                                   {QStringLiteral("recorded"), stored.has_value()},
                                   {QStringLiteral("topic"), topic}});
    }
    return Reply::json(
        doc({{QStringLiteral("date"), day.toString(Qt::ISODate)}, {QStringLiteral("lessons"), lessons}}));
}

Result<JournalServer::Reply> JournalServer::journal(const Request& r) {
    const QString classId = r.param(QStringLiteral("class"));
    const QString subjectId = r.param(QStringLiteral("subject"));
    const QString groupId = r.param(QStringLiteral("group"));
    TABEL_TRY(validateId(classId, t("class")));
    TABEL_TRY(validateId(subjectId, t("subject")));
    if (!groupId.isEmpty())
        TABEL_TRY(validateId(groupId, t("group")));
    QDate from = QDate::fromString(r.param(QStringLiteral("from")), Qt::ISODate);
    QDate to = QDate::fromString(r.param(QStringLiteral("to")), Qt::ISODate);
    if (from.isValid() && to.isValid()) {
        if (from > to)
            return makeError(ErrorCode::InvalidArgument, t("the first day is after the last one; swap the dates"));
        TABEL_ASSIGN_OR_RETURN(const JournalView view, m_journal->classJournal(classId, subjectId, groupId, from, to));
        TABEL_ASSIGN_OR_RETURN(const QJsonObject out, gridJson(view));
        return Reply::json(doc(out));
    }
    // No dates: the class's period of today, or the latest earlier one that has lessons (R-J12).
    m_journal->refresh();
    TABEL_ASSIGN_OR_RETURN(QList<Period> periods, m_journal->periods());
    const int grade = gradeOf(classId);
    const QDate day = todayDate();
    QList<Period> candidates;
    for (const Period& p : periods)
        if (p.kind != PeriodKind::Year && p.appliesToGrade(grade) && p.start <= day)
            candidates.append(p);
    std::sort(candidates.begin(), candidates.end(), [](const Period& a, const Period& b) { return a.start > b.start; });
    for (const Period& p : candidates) {
        TABEL_ASSIGN_OR_RETURN(const JournalView view,
                               m_journal->classJournal(classId, subjectId, groupId, p.start, p.end));
        if (!view.columns.isEmpty() || &p == &candidates.back()) {
            TABEL_ASSIGN_OR_RETURN(QJsonObject out, gridJson(view));
            out.insert(QStringLiteral("period"), p.id);
            return Reply::json(doc(out));
        }
    }
    const QDate start(day.month() >= 9 ? day.year() : day.year() - 1, 9, 1);
    TABEL_ASSIGN_OR_RETURN(const JournalView view, m_journal->classJournal(classId, subjectId, groupId, start, day));
    TABEL_ASSIGN_OR_RETURN(const QJsonObject out, gridJson(view));
    return Reply::json(doc(out));
}

Result<QJsonObject> JournalServer::gridJson(const JournalView& view) {
    TABEL_ASSIGN_OR_RETURN(const QList<LessonKey> planned,
                           m_journal->plannedLessons(view.classId, view.subjectId, view.groupId, view.from, view.to));
    QJsonObject out = journalJson(view, planned);
    // A view of exactly one period of the class's grade has that period's marks in a column of their own (2.5.6).
    TABEL_ASSIGN_OR_RETURN(const QList<Period> periods, m_journal->periods());
    for (const Period& p : periods) {
        if (p.start != view.from || p.end != view.to || !p.appliesToGrade(gradeOf(view.classId)))
            continue;
        TABEL_ASSIGN_OR_RETURN(const QList<PeriodMark> marks,
                               m_journal->periodMarks(view.classId, view.subjectId, p.id));
        QJsonObject byPupil;
        for (const PeriodMark& m : marks)
            byPupil.insert(m.pupilId, toString(m.value));
        out.insert(QStringLiteral("periodMarks"), QJsonObject{{QStringLiteral("period"), p.id},
                                                              {QStringLiteral("title"), p.title},
                                                              {QStringLiteral("marks"), byPupil}});
        break;
    }
    return out;
}

Result<JournalServer::Reply> JournalServer::periodMarkPost(const Request& r) {
    const QJsonObject in = QJsonDocument::fromJson(r.body).object();
    const auto text = [&](const char* name) { return in.value(QLatin1String(name)).toString().trimmed(); };
    PeriodMark mark;
    mark.classId = text("class");
    mark.subjectId = text("subject");
    mark.periodId = text("period");
    mark.pupilId = text("pupil");
    mark.overrideReason = text("overrideReason");
    TABEL_ASSIGN_OR_RETURN(mark.value, parseMarkValue(text("value")));
    m_journal->refresh();
    Result<CommitInfo> commit = m_journal->setPeriodMark(mark); // dated by the clock, not by the day shown
    if (!commit) {
        if (commit.error().code != ErrorCode::RuleViolation)
            return commit.error();
        // Outside the last week of the period a reason lets the teacher enter it anyway (2.5.6): the page asks.
        return Reply::json(doc({{QStringLiteral("ok"), false},
                                {QStringLiteral("clause"), commit.error().clause},
                                {QStringLiteral("message"), commit.error().message},
                                {QStringLiteral("needsReason"),
                                 commit.error().clause == QLatin1String("2.5.6") && mark.overrideReason.isEmpty()}}));
    }
    if (commit->seq > 0)
        scheduleBurstSync();
    return Reply::json(doc({{QStringLiteral("ok"), true}, {QStringLiteral("stored"), toString(mark.value)}}));
}

// 2.6.8, R-J13: a period mark already given is changed only as a correction, with why and who approved it; the
// page asks for both when the teacher types another value into a period mark's cell.
Result<JournalServer::Reply> JournalServer::periodMarkCorrection(const Request& r) {
    const QJsonObject in = QJsonDocument::fromJson(r.body).object();
    const auto text = [&](const char* name) { return in.value(QLatin1String(name)).toString().trimmed(); };
    Correction c;
    c.classId = text("class");
    c.subjectId = text("subject");
    c.periodId = text("period");
    c.pupilId = text("pupil");
    c.explanation = text("explanation");
    c.approver = text("approver");
    TABEL_ASSIGN_OR_RETURN(c.newValue, parseMarkValue(text("value")));
    m_journal->refresh();
    // The entry's number, author, date (the device's signed clock) and old value: Journal::correctPeriodMark.
    Result<CommitInfo> commit = m_journal->correctPeriodMark(c);
    if (!commit) {
        if (commit.error().code != ErrorCode::RuleViolation)
            return commit.error();
        return Reply::json(doc({{QStringLiteral("ok"), false},
                                {QStringLiteral("clause"), commit.error().clause},
                                {QStringLiteral("message"), commit.error().message}}));
    }
    if (commit->seq > 0)
        scheduleBurstSync();
    return Reply::json(doc({{QStringLiteral("ok"), true}, {QStringLiteral("stored"), toString(c.newValue)}}));
}

Result<JournalServer::Reply> JournalServer::lessonGet(const Request& r) {
    TABEL_ASSIGN_OR_RETURN(const LessonKey key, LessonKey::parse(r.param(QStringLiteral("lesson"))));
    m_journal->refresh();
    TABEL_ASSIGN_OR_RETURN(const std::optional<Lesson> lesson, m_journal->lessonAt(key));
    QJsonObject out = lessonJson(key, lesson);
    TABEL_ASSIGN_OR_RETURN(const QStringList forms, m_journal->assessmentForms());
    out.insert(QStringLiteral("forms"), QJsonArray::fromStringList(forms));
    TABEL_ASSIGN_OR_RETURN(const KtpView ktp, m_journal->ktp(key.classId, key.subjectId));
    QJsonArray topics;
    for (const KtpTopic& t : ktp.topics)
        topics.append(QJsonObject{{QStringLiteral("number"), t.number}, {QStringLiteral("title"), t.title}});
    out.insert(QStringLiteral("ktpTopics"), topics);
    return Reply::json(doc(out));
}

Result<JournalServer::Reply> JournalServer::lessonPost(const Request& r) {
    const QJsonObject in = QJsonDocument::fromJson(r.body).object();
    TABEL_ASSIGN_OR_RETURN(const LessonKey key, LessonKey::parse(in.value(QStringLiteral("lesson")).toString()));
    Lesson lesson;
    lesson.key = key;
    lesson.topic = in.value(QStringLiteral("topic")).toString().trimmed();
    lesson.homework = in.value(QStringLiteral("homework")).toString().trimmed();
    lesson.form = in.value(QStringLiteral("form")).toString().trimmed();
    lesson.distance = in.value(QStringLiteral("distance")).toBool();
    const QString due = in.value(QStringLiteral("due")).toString();
    if (!due.isEmpty()) {
        const QDate d = QDate::fromString(due, Qt::ISODate);
        if (!d.isValid())
            return makeError(ErrorCode::InvalidArgument,
                             t("the homework's due date «%1» is not a date; pick it in the calendar").arg(due));
        lesson.homeworkDue = d;
    }
    if (in.value(QStringLiteral("ktp")).isDouble())
        lesson.ktpTopic = in.value(QStringLiteral("ktp")).toInt();
    if (lesson.topic.isEmpty())
        return makeError(ErrorCode::InvalidArgument, t("write the topic of the lesson; the journal needs it"));
    TABEL_ASSIGN_OR_RETURN(lesson.markColumns, parseMarkColumnsJson(in.value(QStringLiteral("marks"))));
    m_journal->refresh();
    TABEL_ASSIGN_OR_RETURN(const CommitInfo commit, m_journal->saveLesson(lesson));
    if (commit.seq > 0)
        scheduleBurstSync();
    TABEL_ASSIGN_OR_RETURN(const std::optional<Lesson> stored, m_journal->lessonAt(key));
    return Reply::json(doc(lessonJson(key, stored)));
}

// ---- Writing -------------------------------------------------------------------------------------------------------

Result<JournalServer::Reply> JournalServer::cells(const Request& r) {
    const QJsonObject in = QJsonDocument::fromJson(r.body).object();
    const QJsonArray list = in.value(QStringLiteral("cells")).toArray();
    if (list.isEmpty())
        return makeError(ErrorCode::InvalidArgument, t("no cells were sent"));
    if (list.size() > kMaxCellsPerRequest)
        return makeError(ErrorCode::InvalidArgument,
                         t("%1 cells at once is too many; send at most %2").arg(list.size()).arg(kMaxCellsPerRequest));
    m_journal->refresh();
    QList<std::optional<Error>> refused(list.size());
    QList<CellEdit> edits;
    QList<int> editOf; // edit index → cell index
    for (int i = 0; i < list.size(); ++i) {
        const QJsonObject c = list.at(i).toObject();
        Result<LessonKey> key = LessonKey::parse(c.value(QStringLiteral("lesson")).toString());
        if (!key) {
            refused[i] = key.error();
            continue;
        }
        Result<CellEdit> edit = parseCellText(*key, c.value(QStringLiteral("pupil")).toString(),
                                              c.value(QStringLiteral("text")).toString());
        if (!edit) {
            refused[i] = edit.error();
            continue;
        }
        if (edit->kind == CellEdit::Kind::Absence) { // with a doctor's certificate (3.5)
            edit->certificateNo = c.value(QStringLiteral("certNo")).toString().trimmed();
            const QDate certDate = QDate::fromString(c.value(QStringLiteral("certDate")).toString(), Qt::ISODate);
            if (certDate.isValid())
                edit->certificateDate = certDate;
        }
        edits.append(*edit);
        editOf.append(i);
    }
    TABEL_ASSIGN_OR_RETURN(const std::int64_t seqBefore, lastOwnSeq(*m_store));
    CellsOutcome outcome;
    if (!edits.isEmpty()) {
        TABEL_ASSIGN_OR_RETURN(outcome, m_journal->recordCells(edits));
        for (int e = 0; e < edits.size(); ++e)
            refused[editOf[e]] = outcome.refused.value(e);
    }
    if (outcome.commit.seq > 0)
        scheduleBurstSync();

    // What the cells and the averages are now, from the store (the page shows these, it computes nothing): the
    // sent cells, and the averages over the page's dates of the pupils concerned.
    const QJsonObject ctx = in.value(QStringLiteral("context")).toObject();
    const QDate from = QDate::fromString(ctx.value(QStringLiteral("from")).toString(), Qt::ISODate);
    const QDate to = QDate::fromString(ctx.value(QStringLiteral("to")).toString(), Qt::ISODate);
    QJsonArray results;
    QSet<QString> pupils;
    for (int i = 0; i < list.size(); ++i) {
        const QJsonObject c = list.at(i).toObject();
        QJsonObject res;
        if (refused[i]) {
            res.insert(QStringLiteral("ok"), false);
            res.insert(QStringLiteral("clause"), refused[i]->clause);
            res.insert(QStringLiteral("message"), refused[i]->message);
        } else {
            res.insert(QStringLiteral("ok"), true);
        }
        const QString pupil = c.value(QStringLiteral("pupil")).toString();
        const Result<LessonKey> key = LessonKey::parse(c.value(QStringLiteral("lesson")).toString());
        if (key && validateId(pupil, QT_TRANSLATE_NOOP("tabel::domain", "pupil id"))) {
            TABEL_ASSIGN_OR_RETURN(const JournalCell now, m_journal->cell(*key, pupil));
            res.insert(QStringLiteral("stored"), cellText(now));
            pupils.insert(pupil);
        }
        results.append(res);
    }
    QJsonObject averages;
    if (from.isValid() && to.isValid() && !pupils.isEmpty()) {
        TABEL_ASSIGN_OR_RETURN(const auto all,
                               m_journal->averages(ctx.value(QStringLiteral("class")).toString(),
                                                   ctx.value(QStringLiteral("subject")).toString(),
                                                   ctx.value(QStringLiteral("group")).toString(), from, to));
        for (const QString& p : pupils)
            averages.insert(p, all.value(p));
    }
    QJsonArray notices;
    if (outcome.commit.seq > 0) {
        TABEL_ASSIGN_OR_RETURN(const QStringList lines, closedPeriodNotices(*m_store, seqBefore));
        for (const QString& line : lines)
            notices.append(line);
    }
    return Reply::json(doc({{QStringLiteral("results"), results},
                            {QStringLiteral("averages"), averages},
                            {QStringLiteral("notices"), notices},
                            {QStringLiteral("seq"), qint64(outcome.commit.seq)}}));
}

// ---- Tasks and pupils' work (3.2–3.4, 4.2, 4.4, R-J8) ---------------------------------------------------------------

namespace {

QJsonObject submissionJson(const Submission& sub, const QHash<QString, QString>& names) {
    QJsonObject o{{QStringLiteral("key"), sub.entityKey()},
                  {QStringLiteral("pupil"), sub.pupilId},
                  {QStringLiteral("name"), names.value(sub.pupilId, sub.pupilId)},
                  {QStringLiteral("fileName"), sub.fileName},
                  {QStringLiteral("size"), qint64(sub.size)},
                  {QStringLiteral("received"), sub.received.toUTC().toString(Qt::ISODate)},
                  {QStringLiteral("task"), sub.taskKey}};
    if (sub.grade)
        o.insert(QStringLiteral("grade"), toString(*sub.grade));
    return o;
}

} // namespace

Result<JournalServer::Reply> JournalServer::tasks(const Request& r) {
    const QString classId = r.param(QStringLiteral("class"));
    const QString subjectId = r.param(QStringLiteral("subject"));
    TABEL_TRY(validateId(classId, QT_TRANSLATE_NOOP("tabel::domain", "class id")));
    TABEL_TRY(validateId(subjectId, QT_TRANSLATE_NOOP("tabel::domain", "subject id")));
    m_journal->refresh();
    TABEL_ASSIGN_OR_RETURN(const QList<Pupil> pupils, m_journal->pupilsOfClass(classId));
    QHash<QString, QString> names;
    QJsonArray pupilList;
    for (const Pupil& p : pupils) {
        names.insert(p.id, shortName(p));
        pupilList.append(QJsonObject{{QStringLiteral("id"), p.id}, {QStringLiteral("name"), shortName(p)}});
    }
    TABEL_ASSIGN_OR_RETURN(const QList<Task> all, m_journal->tasks(classId, subjectId));
    QJsonArray list;
    for (const Task& t : all) {
        TABEL_ASSIGN_OR_RETURN(const QList<Submission> subs, m_journal->submissions(t.entityKey()));
        QJsonArray subList;
        for (const Submission& sub : subs)
            subList.append(submissionJson(sub, names));
        QJsonObject o{{QStringLiteral("key"), t.entityKey()},
                      {QStringLiteral("id"), t.id},
                      {QStringLiteral("group"), t.groupId},
                      {QStringLiteral("kind"), toString(t.kind)},
                      {QStringLiteral("title"), t.title},
                      {QStringLiteral("text"), t.text},
                      {QStringLiteral("issued"), t.issued.toString(Qt::ISODate)},
                      {QStringLiteral("due"), t.due.toString(Qt::ISODate)},
                      {QStringLiteral("form"), t.form},
                      {QStringLiteral("submissions"), subList}};
        if (t.lesson)
            o.insert(QStringLiteral("lesson"), t.lesson->toString());
        list.append(o);
    }
    // 4.2: work received more than 7 days ago and not graded, of this class and subject.
    TABEL_ASSIGN_OR_RETURN(const QList<Submission> late, m_journal->overdueSubmissions(todayDate(), 7));
    QJsonArray overdue;
    const QString prefix = QStringLiteral("task/") + classId + u'/' + subjectId + u'/';
    for (const Submission& sub : late)
        if (sub.taskKey.startsWith(prefix))
            overdue.append(submissionJson(sub, names));
    TABEL_ASSIGN_OR_RETURN(const QStringList forms, m_journal->assessmentForms());
    return Reply::json(doc({{QStringLiteral("tasks"), list},
                            {QStringLiteral("forms"), QJsonArray::fromStringList(forms)},
                            {QStringLiteral("pupils"), pupilList},
                            {QStringLiteral("overdue"), overdue},
                            {QStringLiteral("today"), todayDate().toString(Qt::ISODate)}}));
}

Result<JournalServer::Reply> JournalServer::taskPost(const Request& r) {
    const QJsonObject in = QJsonDocument::fromJson(r.body).object();
    const auto text = [&](const char* name) { return in.value(QLatin1String(name)).toString().trimmed(); };
    Task task;
    task.classId = text("class");
    task.subjectId = text("subject");
    task.groupId = text("group").isEmpty() ? kWholeClass : text("group");
    TABEL_ASSIGN_OR_RETURN(task.kind, parseWorkKind(text("kind")));
    task.title = text("title");
    task.text = text("text");
    task.form = text("form");
    task.issued = QDate::fromString(text("issued"), Qt::ISODate);
    if (!task.issued.isValid())
        task.issued = todayDate();
    task.due = QDate::fromString(text("due"), Qt::ISODate);
    if (!text("lesson").isEmpty()) {
        TABEL_ASSIGN_OR_RETURN(task.lesson, LessonKey::parse(text("lesson")));
    }
    TABEL_TRY(validateId(task.classId, QT_TRANSLATE_NOOP("tabel::domain", "class id")));
    TABEL_TRY(validateId(task.subjectId, QT_TRANSLATE_NOOP("tabel::domain", "subject id")));
    // A new id: the next free «N» of this class and subject.
    m_journal->refresh();
    TABEL_ASSIGN_OR_RETURN(const QList<Task> existing, m_journal->tasks(task.classId, task.subjectId));
    int n = int(existing.size()) + 1;
    const auto taken = [&](const QString& id) {
        return std::any_of(existing.begin(), existing.end(), [&](const Task& t) { return t.id == id; });
    };
    while (taken(QString::number(n)))
        ++n;
    task.id = QString::number(n);
    TABEL_ASSIGN_OR_RETURN(const CommitInfo commit, m_journal->saveTask(task));
    if (commit.seq > 0)
        scheduleBurstSync();
    return Reply::json(doc({{QStringLiteral("key"), task.entityKey()}}));
}

Result<JournalServer::Reply> JournalServer::submissionPost(const Request& r) {
    TABEL_ASSIGN_OR_RETURN(
        const SubmissionImport imported,
        m_journal->importSubmissionData(r.param(QStringLiteral("task")), r.param(QStringLiteral("pupil")),
                                        r.param(QStringLiteral("name")), r.body, QDateTime::currentDateTimeUtc()));
    if (imported.commit.seq > 0)
        scheduleBurstSync();
    return Reply::json(doc({{QStringLiteral("key"), imported.submission.entityKey()},
                            {QStringLiteral("deduplicated"), imported.deduplicated}}));
}

Result<JournalServer::Reply> JournalServer::submissionFile(const Request& r) {
    const QString key = r.param(QStringLiteral("id"));
    TABEL_ASSIGN_OR_RETURN(const QByteArray content, m_journal->submissionFile(key));
    QString name;
    TABEL_ASSIGN_OR_RETURN(const QList<Submission> all, m_journal->submissions({}));
    for (const Submission& s : all)
        if (s.entityKey() == key)
            name = s.fileName;
    Reply reply;
    reply.contentType = "application/octet-stream";
    reply.body = content;
    // Always a download, never shown in the journal's origin: a pupil's file is not trusted.
    reply.headers.append({"Content-Disposition",
                          "attachment; filename*=UTF-8''" + QUrl::toPercentEncoding(name.isEmpty() ? key : name)});
    return reply;
}

Result<JournalServer::Reply> JournalServer::grade(const Request& r) {
    const QJsonObject in = QJsonDocument::fromJson(r.body).object();
    TABEL_ASSIGN_OR_RETURN(const MarkValue value, parseMarkValue(in.value(QStringLiteral("value")).toString()));
    m_journal->refresh();
    TABEL_ASSIGN_OR_RETURN(const CommitInfo commit,
                           m_journal->gradeSubmission(in.value(QStringLiteral("submission")).toString(), value));
    if (commit.seq > 0)
        scheduleBurstSync();
    return Reply::json(doc({{QStringLiteral("ok"), true}}));
}

// ---- Printing (issue 11, 2.5.10) --------------------------------------------------------------------------------

// «Печать»: {form: "journal"|"ktp", class, subject, group?, from?, to?, format?: "pdf"|"html"} → the document itself,
// numbered in this computer's register of prints, as a download.
Result<JournalServer::Reply> JournalServer::print(const Request& r) {
    const QJsonObject in = QJsonDocument::fromJson(r.body).object();
    const QString form = in.value(QStringLiteral("form")).toString();
    const QString formatName = in.value(QStringLiteral("format")).toString(QStringLiteral("pdf"));
    const documents::Format format = formatName == QLatin1String("html")   ? documents::Format::Html
                                     : formatName == QLatin1String("xlsx") ? documents::Format::Xlsx
                                                                           : documents::Format::Pdf;
    TABEL_TRY(domain::validateId(in.value(QStringLiteral("class")).toString(), QStringLiteral("class")));
    TABEL_TRY(domain::validateId(in.value(QStringLiteral("subject")).toString(), QStringLiteral("subject")));
    QByteArray bytes;
    const auto keep = [&bytes](const QByteArray& b) -> Status {
        bytes = b;
        return {};
    };
    m_journal->refresh();
    Result<NodePrint> printed =
        makeError(ErrorCode::InvalidArgument, t("choose what to print: the journal or the КТП"));
    if (form == QLatin1String("journal")) {
        JournalPrintRequest request;
        request.classId = in.value(QStringLiteral("class")).toString();
        request.subjectId = in.value(QStringLiteral("subject")).toString();
        request.groupId = in.value(QStringLiteral("group")).toString();
        request.from = QDate::fromString(in.value(QStringLiteral("from")).toString(), Qt::ISODate);
        request.to = QDate::fromString(in.value(QStringLiteral("to")).toString(), Qt::ISODate);
        printed = printJournal(*m_store, *m_journal, request, format, keep);
    } else if (form == QLatin1String("ktp")) {
        printed = printKtp(*m_store, *m_journal, in.value(QStringLiteral("class")).toString(),
                           in.value(QStringLiteral("subject")).toString(), format, keep);
    }
    if (!printed)
        return printed.error();
    Reply reply;
    reply.contentType = format == documents::Format::Pdf    ? QByteArrayLiteral("application/pdf")
                        : format == documents::Format::Html ? QByteArrayLiteral("text/html; charset=utf-8")
                                                            : QByteArrayLiteral("application/vnd.openxmlformats-"
                                                                                "officedocument.spreadsheetml.sheet");
    reply.body = bytes;
    const QString fileName =
        QStringLiteral("%1-%2.%3").arg(form, QString::number(printed->record.number), documents::formatName(format));
    reply.headers.append({QByteArrayLiteral("content-disposition"),
                          QByteArrayLiteral("attachment; filename=\"") + fileName.toLatin1() + '"'});
    reply.headers.append({QByteArrayLiteral("x-print-number"), QByteArray::number(printed->record.number)});
    return reply;
}

// ---- Sync ----------------------------------------------------------------------------------------------------------

Result<JournalServer::Reply> JournalServer::status(const Request&) {
    TABEL_ASSIGN_OR_RETURN(const StoreStatus st, m_store->status());
    // The conflicts of her scopes waiting at the hub, in words (whose mark, which lesson), from this store's names.
    QJsonArray conflictList;
    if (st.openConflicts) {
        const sync::CurrentValue value = [this](const QString& entity, const QString& field) {
            const Result<std::optional<domain::Fields>> f = m_store->entity(entity);
            if (!f || !*f)
                return domain::FieldValue{};
            const auto it = (**f).find(field);
            return it == (**f).end() ? domain::FieldValue{} : it->second;
        };
        for (const sync::OpenConflict& c : *st.openConflicts)
            conflictList.append(QJsonObject{{QStringLiteral("what"), sync::describeEntity(c.entity, value)},
                                            {QStringLiteral("field"), sync::fieldText(c.field)}});
    }
    // R-S6: the fate of her amendment requests (changes to a closed period held for the operator), newest first.
    TABEL_ASSIGN_OR_RETURN(const QList<NodeStore::AmendmentRequest> requests, m_store->amendmentRequests(10));
    QJsonArray amendments;
    for (const NodeStore::AmendmentRequest& a : requests) {
        amendments.append(QJsonObject{{QStringLiteral("seq"), qint64(a.seq)},
                                      {QStringLiteral("state"), NodeStore::AmendmentRequest::stateName(a.state)},
                                      {QStringLiteral("words"), a.text()},
                                      {QStringLiteral("at"), isoTime(a.updated)}});
    }
    QJsonObject out{{QStringLiteral("pendingChanges"), qint64(st.pendingOps)},
                    {QStringLiteral("pendingChangeSets"), qint64(st.pendingChangeSets)},
                    {QStringLiteral("lastChange"), isoTime(st.lastChange)},
                    {QStringLiteral("lastSync"), isoTime(st.lastSync)},
                    {QStringLiteral("hub"), st.hubUrl},
                    {QStringLiteral("enrolled"), !st.nodeId.isEmpty()},
                    {QStringLiteral("syncing"), m_syncing},
                    {QStringLiteral("conflicts"), st.openConflicts ? int(st.openConflicts->size()) : 0},
                    {QStringLiteral("conflictList"), conflictList},
                    {QStringLiteral("amendments"), amendments},
                    {QStringLiteral("refused"), qint64(st.refusedChangeSets)},
                    {QStringLiteral("refusedFromHub"), qint64(st.refusedPulls)},
                    {QStringLiteral("revision"), QStringLiteral("%1/%2").arg(st.totalOps).arg(isoTime(st.lastSync))}};
    if (m_lastSync)
        out.insert(QStringLiteral("lastResult"), QJsonObject{{QStringLiteral("ok"), m_lastSync->ok},
                                                             {QStringLiteral("message"), m_lastSync->message},
                                                             {QStringLiteral("at"), isoTime(m_lastSync->at)}});
    return Reply::json(doc(out));
}

Result<JournalServer::Reply> JournalServer::startSync(const Request&) {
    TABEL_ASSIGN_OR_RETURN(const std::optional<HubLink> link, m_store->hubLink());
    if (!link)
        return Reply::problem(409, QStringLiteral("not-enrolled"),
                              t("this computer is not connected to the school server yet: ask the school's operator "
                                "for a code and run «tabel-node enroll». Until then everything stays here"));
    if (!m_syncing)
        QTimer::singleShot(0, this, &JournalServer::runSync);
    return Reply::json(doc({{QStringLiteral("syncing"), true}}), 202);
}

void JournalServer::scheduleBurstSync() {
    if (m_options.syncAfterWriteMs > 0)
        m_burstTimer.start(int(std::min<qint64>(m_options.syncAfterWriteMs, 3600 * 1000)));
}

void JournalServer::runSync() {
    if (!m_store || m_syncing)
        return;
    const Result<std::optional<HubLink>> link = m_store->hubLink();
    if (!link || !*link)
        return;
    m_syncing = true;
    LastSync last;
    {
        SyncClient client(*m_store);
        Result<SyncReport> report = client.sync(); // the server keeps answering meanwhile (nested event loop)
        last.at = QDateTime::currentDateTimeUtc();
        if (report) {
            last.ok = true;
            if (report->closedPeriods)
                (void)saveClosedPeriods(*m_store, *report->closedPeriods);
            QStringList lines{tnum("Sent: %n change set(s).", report->pushedChangeSets),
                              tnum("Received: %n change set(s) of other devices.", report->pulledChangeSets)};
            if (!report->refusals.isEmpty())
                lines << tnum("The school server refused %n change set(s); they stay here. Show this to the school's "
                              "operator.",
                              int(report->refusals.size()));
            if (!report->refusedPulls.isEmpty())
                lines << tnum("%n change set(s) from the school server cannot be read here; they were set aside and "
                              "nothing else is affected. Show this to the school's operator.",
                              int(report->refusedPulls.size()));
            if (!report->amendmentRequests.isEmpty())
                lines << tnum("%n change set(s) edit a closed period: the operator will accept or decline them.",
                              int(report->amendmentRequests.size()));
            lines << report->amendmentDecisions;
            last.message = lines.join(u' ');
        } else if (client.failure() == SyncFailure::Unreachable) {
            const Result<StoreStatus> st = m_store->status();
            const int pending = st ? int(st->pendingOps) : 0;
            last.message = pending > 0 ? tnum("The school server cannot be reached now. Nothing is lost: %n change(s) "
                                              "stay on this computer and will be sent at the next synchronisation.",
                                              pending)
                                       : t("The school server cannot be reached now. Nothing is waiting to be sent; "
                                           "work on as usual.");
        } else {
            last.message = report.error().message;
        }
    }
    m_lastSync = last;
    if (m_journal)
        m_journal->refresh();
    m_syncing = false;
    if (m_lockAfterSync) {
        m_lockAfterSync = false;
        closeStore();
    }
}

} // namespace tabel::node::web
