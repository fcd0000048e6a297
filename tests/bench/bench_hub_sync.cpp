// bench_hub_sync: sync against the real `tabel-hub serve` over HTTPS on loopback (issue 3, item 8; R-S4, R-S10).
// Not a test: it prints a table; tests/bench/README.md has the figures and what they mean.
//
//   bench_hub_sync [--quick] [--dir DIR] [--hub PATH] [--profile-only]
//
// Phases (setup is not timed: the node's school year is entered through the journal, nodes are added with
// `tabel-hub node add`, devices enrol):
//   year     a class's school year (school_year.h) from a fresh node store into a fresh hub: node::SyncClient::sync(),
//            the code `tabel-node sync` runs (push in batches of ≤ 1,000 sets / 50,000 ops, then pull)
//   day      one more school day entered on the node (the last of the year), then sync
//   day, mid-month   the same for a day held back from the middle of May, whose month files are larger
//   no-op    sync with nothing new; then three times over a new connection (a new SyncClient, as a `tabel-node sync`
//            process opens one), the TLS handshake's share of a daily sync
//   30×2000  30 enrolled devices push 2,000 ops each at once, one signed batch each (30 connections)
// then, in this process and without the network, where the hub's time goes for the year's batches: frame decoding
// (signature over the frame, bounded decompression), PushBatch decoding, change set signatures, reconciliation in
// memory, and HubStore::push (all of it plus SQLite and the history) into a fresh store, with this process's CPU
// time for it (less moved by a shared machine's neighbours than the wall time). --profile-only: that profile alone,
// without a served hub, to compare two builds quickly.
//
// The hub runs durable (synchronous FULL, as shipped). Bytes on the wire: the request frames as sent (HTTP body)
// and the answers' bodies; TLS records and HTTP headers are not counted. Peak memory: VmHWM of the hub's process
// and of this one (the node), reset before each phase where the kernel allows it (clear_refs).
#include "hub/store/hub_store.h"
#include "node/core/journal.h"
#include "node/store/node_store.h"
#include "node/sync/sync_client.h"
#include "shared/core/hlc.h"
#include "shared/crypto/secret.h"
#include "sync/batching.h"
#include "sync/wire.h"
#include "tests/bench/school_year.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <limits>
#include <memory>

#include <unistd.h>

using namespace tabel;

namespace {

QTextStream& out() {
    static QTextStream s(stdout);
    return s;
}

// TABEL_BENCH_PAUSE_S: a pause before a phase, to attach a profiler (`perf record -p`) for that phase alone.
double cpuClockSeconds(clockid_t clock) {
    timespec ts{};
    clock_gettime(clock, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}
double processCpuSeconds() {
    return cpuClockSeconds(CLOCK_PROCESS_CPUTIME_ID);
}
// The calling thread's: in serve, the thread every request runs on (the others open sets and render history).
double threadCpuSeconds() {
    return cpuClockSeconds(CLOCK_THREAD_CPUTIME_ID);
}

void pauseIfAsked(const char* before) {
    if (const int pause = qEnvironmentVariableIntValue("TABEL_BENCH_PAUSE_S"); pause > 0) {
        out() << "pausing " << pause << " s before " << before << Qt::endl;
        QThread::sleep(unsigned(pause));
    }
}

QProcess* g_hubProcess = nullptr; // the hub being measured: fail() exits without destructors, so it stops it

[[noreturn]] void fail(const QString& what, const QString& why) {
    if (g_hubProcess && g_hubProcess->state() != QProcess::NotRunning) {
        g_hubProcess->kill();
        g_hubProcess->waitForFinished(5000);
    }
    out() << "FAILED: " << what << ": " << why << Qt::endl;
    std::exit(1);
}
template <class T> T check(Result<T> r, const QString& what) {
    if (!r)
        fail(what, r.error().message);
    return std::move(*r);
}
void check(Status r, const QString& what) {
    if (!r)
        fail(what, r.error().message);
}

// ---- processes: memory and CPU ----------------------------------------------------------------------------------

qint64 statusKiB(const QString& pid, const char* field) {
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray key = QByteArray(field) + ':';
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').value(0).toLongLong();
    return -1;
}
bool resetPeak(const QString& pid) {
    QFile f(QStringLiteral("/proc/%1/clear_refs").arg(pid));
    return f.open(QIODevice::WriteOnly) && f.write("5") == 1;
}
double cpuSeconds(const QString& pid) { // utime + stime of /proc/PID/stat
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = f.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    return double(fields.value(11).toLongLong() + fields.value(12).toLongLong()) / double(sysconf(_SC_CLK_TCK));
}
QString mib(qint64 kib) {
    return QString::number(double(kib) / 1024.0, 'f', 1);
}

// ---- the hub process --------------------------------------------------------------------------------------------

struct Hub {
    QString bin, dir;
    QProcess process;
    quint16 port = 0;
    QString pid() const { return QString::number(process.processId()); }
    QString url() const { return QStringLiteral("https://127.0.0.1:%1").arg(port); }

    QString addNode(const QString& teacher, const QStringList& assignments) {
        QStringList args{
            QStringLiteral("--store"),   dir,     QStringLiteral("node"),   QStringLiteral("add"),
            QStringLiteral("--teacher"), teacher, QStringLiteral("--name"), QStringLiteral("Учитель ") + teacher};
        for (const QString& a : assignments)
            args << QStringLiteral("--assign") << a;
        QProcess p;
        p.start(bin, args);
        p.waitForFinished(60000);
        const QString text = QString::fromUtf8(p.readAllStandardOutput());
        const auto m = QRegularExpression(QStringLiteral("^\\s+([A-Z2-7]{6}(-[A-Z2-7]{1,6}){6})$"),
                                          QRegularExpression::MultilineOption)
                           .match(text);
        if (p.exitCode() != 0 || !m.hasMatch())
            fail(QStringLiteral("tabel-hub node add"), text + QString::fromUtf8(p.readAllStandardError()));
        return m.captured(1);
    }

    // `tabel-hub import KIND FILE` as the operator (before start: the hub takes no mark for a pupil it does not know).
    void import(const QString& kind, const QString& file) {
        QProcess p;
        p.start(bin, {QStringLiteral("--store"), dir, QStringLiteral("import"), kind, file});
        p.waitForFinished(120000);
        if (p.exitCode() != 0)
            fail(QStringLiteral("tabel-hub import ") + kind,
                 QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError()));
    }

    void start() {
        // The 30 devices of 30×2000 are 30 teachers' laptops, here all on one address: the per-address limit
        // (8 by default, connection_guard.h) is raised to let them in, as 30 addresses would be.
        process.start(bin, {QStringLiteral("--store"), dir, QStringLiteral("serve"), QStringLiteral("--listen"),
                            QStringLiteral("127.0.0.1:0"), QStringLiteral("--max-per-address"), QStringLiteral("64")});
        g_hubProcess = &process;
        if (!process.waitForStarted())
            fail(QStringLiteral("tabel-hub serve"), process.errorString());
        QString text;
        for (int i = 0; i < 300 && !port; ++i) {
            process.waitForReadyRead(100);
            text += QString::fromUtf8(process.readAllStandardOutput());
            if (const auto m =
                    QRegularExpression(QStringLiteral("listening on https://127\\.0\\.0\\.1:(\\d+)")).match(text);
                m.hasMatch())
                port = quint16(m.captured(1).toUInt());
        }
        if (!port) {
            const QString why = text + QString::fromUtf8(process.readAllStandardError());
            fail(QStringLiteral("tabel-hub serve"), why);
        }
    }
};

// ---- phases -----------------------------------------------------------------------------------------------------

struct Row {
    QString phase;
    double seconds = 0, hubCpu = 0, hubCpuAfter = 0, clientCpu = 0;
    qint64 ops = 0, changeSets = 0, requestBytes = 0, answerBytes = 0;
    qint64 hubPeakKiB = 0, nodePeakKiB = 0;
};
QList<Row> g_rows;

Row measure(Hub& hub, const QString& phase, const std::function<void(Row&)>& body) {
    resetPeak(hub.pid());
    resetPeak(QStringLiteral("self"));
    const double hubBefore = cpuSeconds(hub.pid());
    const double selfBefore = cpuSeconds(QStringLiteral("self"));
    Row r;
    r.phase = phase;
    QElapsedTimer t;
    t.start();
    body(r);
    r.seconds = double(t.nsecsElapsed()) / 1e9;
    r.hubCpu = cpuSeconds(hub.pid()) - hubBefore;
    r.clientCpu = cpuSeconds(QStringLiteral("self")) - selfBefore;
    // serve writes the last push's history commit when no push has come for 200 ms (kHistoryIdleMs, History::defer):
    // waited for here, so that the next phase does not pay it, and its CPU time counted apart.
    QThread::msleep(500);
    for (double before = -1, now = cpuSeconds(hub.pid()); now != before; now = cpuSeconds(hub.pid())) {
        before = now;
        QThread::msleep(200);
    }
    r.hubCpuAfter = cpuSeconds(hub.pid()) - hubBefore - r.hubCpu;
    r.hubPeakKiB = statusKiB(hub.pid(), "VmHWM");
    r.nodePeakKiB = statusKiB(QStringLiteral("self"), "VmHWM");
    g_rows.append(r);
    // The ops are counted after the phase (the table below has them); hub CPU is in the kernel's 10 ms ticks.
    out() << "  " << phase << ": " << QString::number(r.seconds, 'f', 3) << " s, hub CPU "
          << QString::number(r.hubCpu, 'f', 2) << " s (then " << QString::number(r.hubCpuAfter, 'f', 2)
          << " s after the sync: the history commit), hub peak " << mib(r.hubPeakKiB) << " MiB" << Qt::endl;
    return r;
}

// The frames SyncClient sends for the node's change sets with seq in (afterSeq, …]: the same batching
// (NodeStore::pendingSeqs: sync/batching.h), the same messages. For the byte count and the in-process profile.
QList<QByteArray> nodeFrames(node::NodeStore& store, const QString& nodeId, std::int64_t& afterSeq, qint64& ops,
                             qint64& sets, std::int64_t lastSeq = std::numeric_limits<std::int64_t>::max()) {
    const node::SyncOptions o;
    QList<sync::ChangeSet> all;
    for (bool more = true; more;) {
        const QList<sync::ChangeSet> list = check(store.changeSets(afterSeq, 1000), QStringLiteral("change sets"));
        more = !list.isEmpty();
        for (const sync::ChangeSet& cs : list) {
            if (cs.seq > lastSeq) {
                more = false;
                break;
            }
            afterSeq = cs.seq;
            all.append(cs);
            ops += cs.ops.size();
            ++sets;
        }
    }
    std::vector<std::int64_t> opsPerSet;
    for (const sync::ChangeSet& cs : all)
        opsPerSet.push_back(cs.ops.size());
    QList<QByteArray> frames;
    qsizetype from = 0;
    for (const std::size_t n : sync::batchSizes(opsPerSet, o.maxSetsPerBatch, o.maxOpsPerBatch)) {
        sync::PushBatch batch;
        batch.nodeId = nodeId;
        batch.batchId = sync::newBatchId(); // a batch id seen before gets the stored Ack and nothing applied (R-S4)
        for (std::size_t k = 0; k < n; ++k)
            batch.changeSets.append(sync::SignedChangeSet::of(all[from + qsizetype(k)]));
        from += qsizetype(n);
        frames.append(check(store.signFrame(sync::encode(batch)), QStringLiteral("sign a frame")));
    }
    return frames;
}

// One POST, pinned to the hub's certificate; returns the HTTP status and fills the answer.
struct Post {
    QNetworkAccessManager net;
    QNetworkReply* reply = nullptr;
    QByteArray answer;
    int status = 0;
    QString error; // the network's error, when the request did not get an answer
};

void startPost(Post& p, const QString& url, const QByteArray& pin, const QByteArray& body) {
    QNetworkRequest request{QUrl(url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/octet-stream"));
    p.reply = p.net.post(request, body);
    QNetworkReply* reply = p.reply;
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [reply, pin](const QList<QSslError>&) {
        if (reply->sslConfiguration().peerCertificate().digest(QCryptographicHash::Sha256).startsWith(pin))
            reply->ignoreSslErrors();
    });
    QObject::connect(reply, &QNetworkReply::finished, reply, [&p]() {
        p.status = p.reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        p.answer = p.reply->readAll();
        if (p.reply->error() != QNetworkReply::NoError)
            p.error = p.reply->errorString();
    });
}

void waitAll(const QList<Post*>& posts) {
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&]() {
        for (Post* p : posts)
            if (!p->reply->isFinished())
                return;
        loop.quit();
    });
    poll.start(1);
    loop.exec();
}

// A bench device of its own (not a node store): enrols with a code and signs change sets of marks.
struct Device {
    crypto::SigningKeyPair key = crypto::SigningKeyPair::generate();
    QString teacher, classId, subject, nodeId, code;
    QList<sync::SignedChangeSet> sets;
    qint64 ops = 0;
};

// 2,000 ops as a teacher's node writes them: lessons of 30 pupils, 5 fields per mark (the journal's mark fields),
// one change set per lesson.
void makeOps(Device& d, int opsWanted) {
    std::int64_t seq = 0;
    qint64 ms = QDateTime::currentMSecsSinceEpoch();
    for (int lesson = 0; d.ops < opsWanted; ++lesson) {
        sync::ChangeSet cs;
        cs.author = d.teacher;
        cs.seq = ++seq;
        std::uint16_t counter = 0;
        domain::Lesson l; // the lesson first: the hub takes no mark without it (3.4)
        l.key = {d.classId, d.subject, QStringLiteral("all"), QDate(2026, 9, 1).addDays(lesson), 1 + lesson % 6};
        l.topic = QStringLiteral("Тема %1").arg(lesson + 1);
        for (const auto& [field, value] : l.toFields())
            if (!domain::isNull(value)) {
                cs.ops.append(sync::Op{Hlc::pack(ms, counter++), l.entityKey(), field, value, {}});
                ++d.ops;
            }
        for (int pupil = 1; pupil <= 30 && d.ops < opsWanted; ++pupil) {
            domain::Mark m;
            m.lesson = l.key;
            m.pupilId = QStringLiteral("%1-%2").arg(d.classId).arg(pupil, 2, 10, QLatin1Char('0'));
            m.value = domain::MarkValue((pupil * 7 + lesson) % 4); // 5, 4, 3, 2
            for (const auto& [field, value] : m.toFields()) {
                cs.ops.append(sync::Op{Hlc::pack(ms, counter++), m.entityKey(), field, value, {}});
                ++d.ops;
            }
        }
        ++ms;
        cs.hlc = cs.ops.last().hlc;
        cs.sign(d.key);
        d.sets.append(sync::SignedChangeSet::of(cs));
    }
}

} // namespace

int main(int argc, char** argv) {
    // The tabel-hub processes it starts answer in English, whose lines it reads (their default is Russian).
    qputenv("TABEL_LANG", "en");
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption quick(QStringLiteral("quick"), QStringLiteral("September only, 10 devices × 2,000 ops"));
    const QCommandLineOption dirOpt(QStringLiteral("dir"), QStringLiteral("working folder (default: a temporary one)"),
                                    QStringLiteral("DIR"));
    const QCommandLineOption hubOpt(
        QStringLiteral("hub"), QStringLiteral("the tabel-hub binary"), QStringLiteral("PATH"),
        QCoreApplication::applicationDirPath() + QStringLiteral("/../../hub/cli/tabel-hub"));
    const QCommandLineOption profileOpt(QStringLiteral("profile-only"),
                                        QStringLiteral("only the in-process profile of the hub's push (no served hub, "
                                                       "no network phases): to compare builds quickly"));
    parser.addOptions({quick, dirOpt, hubOpt, profileOpt});
    parser.process(app);
    check(crypto::initialize(), QStringLiteral("libsodium"));

    QTemporaryDir tmp;
    const QString root = parser.isSet(dirOpt) ? parser.value(dirOpt) : tmp.path();
    QDir().mkpath(root);
    const bool isQuick = parser.isSet(quick);
    const bool profileOnly = parser.isSet(profileOpt);
    const int devices = isQuick ? 10 : 30;
    const int opsPerDevice = 2000;

    // ---- setup: the node's year (all but its last day) through the journal ----
    bench::SchoolYearOptions yo;
    if (isQuick)
        yo.lastDay = QDate(2026, 9, 30);
    const bench::SchoolYear year = bench::generateSchoolYear(yo);
    const QDate lastDay = year.days.last();
    // A day in the middle of a month as well: the history rewrites each touched subject's month file, which is
    // larger then than on the last day (the first days of June).
    const QDate midDay = year.days.size() > 12 ? year.days.at(year.days.size() - 12) : QDate();
    out() << "tabel bench_hub_sync " << QDateTime::currentDateTime().toString(Qt::ISODate) << ", "
          << QSysInfo::prettyProductName() << ", " << QThread::idealThreadCount() << " cores" << Qt::endl;
    out() << "setup: " << year.lessons.size() << " lessons, " << year.markCount << " marks, " << year.absenceCount
          << " absences; the last day (" << lastDay.toString(Qt::ISODate) << ") is the «day» phase, "
          << midDay.toString(Qt::ISODate) << " the «day, mid-month» phase" << Qt::endl;

    Hub hub;
    hub.bin = QFileInfo(parser.value(hubOpt)).absoluteFilePath();
    hub.dir = root + QStringLiteral("/hub");
    QStringList assignments;
    for (const domain::Subject& s : year.subjects)
        assignments << year.options.classId + u'/' + s.id + QStringLiteral("/all");
    const QString code = hub.addNode(year.options.teacherId, assignments);
    QList<std::shared_ptr<Device>> fleet;
    static const char* const kClasses[] = {"5А", "5Б", "6А", "6Б", "8А", "8Б"};
    for (int i = 0; i < devices; ++i) {
        auto d = std::make_shared<Device>();
        d->teacher = QStringLiteral("t%1").arg(i + 1, 2, 10, QLatin1Char('0'));
        d->classId = QString::fromUtf8(kClasses[i % 6]);
        d->subject = year.subjects[(i / 6) % year.subjects.size()].id;
        d->code = hub.addNode(d->teacher, {d->classId + u'/' + d->subject + QStringLiteral("/all")});
        fleet.append(d);
    }
    // The school's roster at the hub, as its operator imports it: the year's class and the fleet's six classes.
    {
        QByteArray roster = year.rosterCsv();
        for (const char* c : kClasses)
            for (int pupil = 1; pupil <= 30; ++pupil)
                roster += QStringLiteral("%1-%2,%1,Ученик,Номер %2,,%2,\n")
                              .arg(QString::fromUtf8(c))
                              .arg(pupil, 2, 10, QLatin1Char('0'))
                              .toUtf8();
        QFile f(root + QStringLiteral("/hub-roster.csv"));
        if (!f.open(QIODevice::WriteOnly) || f.write(roster) != roster.size())
            fail(QStringLiteral("write"), f.fileName());
        f.close();
        hub.import(QStringLiteral("roster"), f.fileName());
    }
    if (!profileOnly)
        hub.start();
    out() << "hub: " << hub.url() << " (pid " << hub.pid() << "), store " << hub.dir << Qt::endl;

    const QString nodeDir = root + QStringLiteral("/node");
    node::NodeStore::InitOptions init;
    init.teacherId = year.options.teacherId;
    init.teacherName = year.options.teacherName;
    init.kdfProfile = QStringLiteral("interactive");
    node::NodeStore store =
        check(node::NodeStore::create(nodeDir, crypto::SecretBytes::fromBytes("bench-pass-2026", 15), init),
              QStringLiteral("node store"));
    node::Journal journal(store);
    const auto writeFile = [&](const QString& name, const QByteArray& bytes) {
        QFile f(root + u'/' + name);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            fail(QStringLiteral("write"), f.fileName());
        return f.fileName();
    };
    check(journal.importRoster(writeFile(QStringLiteral("roster.csv"), year.rosterCsv())), QStringLiteral("roster"));
    check(journal.importTimetable(writeFile(QStringLiteral("timetable.csv"), year.timetableCsv())),
          QStringLiteral("timetable"));
    QElapsedTimer setup;
    setup.start();
    for (const bench::LessonRecord& l : year.lessons)
        if (l.lesson.key.date != lastDay && l.lesson.key.date != midDay)
            check(journal.recordLesson(l.lesson, l.marks, l.absences), QStringLiteral("record a lesson"));
    out() << "setup: the journal took " << QString::number(setup.elapsed() / 1000.0, 'f', 1) << " s" << Qt::endl;

    std::int64_t yearLastSeq = 0, dayLastSeq = 0;
    qint64 hubLog = 0;
    QString nodeId = QStringLiteral("profile");
    if (profileOnly) {
        // The sequence numbers the sync phases would have ended at: the year, then the last day recorded on top.
        qint64 o = 0, c = 0;
        (void)nodeFrames(store, nodeId, yearLastSeq, o, c);
        for (const bench::LessonRecord& l : year.lessons)
            if (l.lesson.key.date == lastDay)
                check(journal.recordLesson(l.lesson, l.marks, l.absences), QStringLiteral("record a lesson"));
        dayLastSeq = yearLastSeq;
        (void)nodeFrames(store, nodeId, dayLastSeq, o, c);
    } else {
        node::SyncClient client(store);
        const sync::Enrolled enrolled =
            check(client.enroll(hub.url(), code, QStringLiteral("bench")), QStringLiteral("enroll"));

        // ---- year ----
        std::int64_t seqBefore = 0;
        const auto syncPhase = [&](const QString& name) {
            measure(hub, name, [&](Row&) {
                const node::SyncReport report = check(client.sync(), name);
                // The node's own imports are refused as outside its scope, as on any node; a journal entry refused by
                // the hub's judgement (sync/judge.h) costs less than a merged one, and the figures would lie.
                for (const QString& why : report.refusals)
                    if (why.contains(QStringLiteral(" of change set ")))
                        fail(name, why);
            });
            Row& r = g_rows.last();
            // The frames the sync sent, rebuilt the same way (the request bodies' sizes; nonces and batch ids differ).
            for (const QByteArray& f : nodeFrames(store, enrolled.nodeId, seqBefore, r.ops, r.changeSets))
                r.requestBytes += f.size();
        };
        syncPhase(QStringLiteral("year"));
        yearLastSeq = seqBefore;

        // ---- day ----
        pauseIfAsked("the day phases");
        for (const bench::LessonRecord& l : year.lessons)
            if (l.lesson.key.date == lastDay)
                check(journal.recordLesson(l.lesson, l.marks, l.absences), QStringLiteral("record a lesson"));
        syncPhase(QStringLiteral("day"));
        dayLastSeq = seqBefore;
        if (midDay.isValid()) {
            for (const bench::LessonRecord& l : year.lessons)
                if (l.lesson.key.date == midDay)
                    check(journal.recordLesson(l.lesson, l.marks, l.absences), QStringLiteral("record a lesson"));
            syncPhase(QStringLiteral("day, mid-month"));
        }

        // ---- no-op ----
        syncPhase(QStringLiteral("no-op"));
        // The same over a new TLS connection, as every `tabel-node sync` process opens one: the handshake's share
        // of a daily sync (the phases above reuse the year's connection).
        for (int i = 1; i <= 3; ++i) {
            node::SyncClient fresh(store);
            const QString name = QStringLiteral("no-op, new connection %1").arg(i);
            measure(hub, name, [&](Row&) { (void)check(fresh.sync(), name); });
        }

        // ---- 30 × 2000 ----
        const QByteArray pin = sync::parseEnrolmentCode(code)->fingerprintPrefix;
        for (auto& d : fleet) {
            makeOps(*d, opsPerDevice);
            sync::EnrollRequest req;
            req.secret = sync::parseEnrolmentCode(d->code)->secret;
            req.nodeName = d->teacher;
            Post p;
            startPost(
                p, hub.url() + QStringLiteral("/v1/enroll"), pin,
                *sync::encodeFrame(sync::encode(req), d->key, QDateTime::currentMSecsSinceEpoch(), sync::newNonce()));
            waitAll({&p});
            if (p.status != 200)
                fail(QStringLiteral("enroll ") + d->teacher, QString::fromUtf8(p.answer));
            d->nodeId = sync::decodeEnrolled(*sync::decompressPayload(p.answer))->nodeId;
        }
        QList<QByteArray> bodies;
        for (auto& d : fleet) {
            sync::PushBatch b;
            b.nodeId = d->nodeId;
            b.batchId = sync::newBatchId();
            b.changeSets = d->sets;
            bodies.append(
                *sync::encodeFrame(sync::encode(b), d->key, QDateTime::currentMSecsSinceEpoch(), sync::newNonce()));
        }
        std::vector<std::unique_ptr<Post>> posts;
        for (int i = 0; i < devices; ++i)
            posts.push_back(std::make_unique<Post>());
        measure(hub, QStringLiteral("%1×%2").arg(devices).arg(opsPerDevice), [&](Row& r) {
            QList<Post*> all;
            for (int i = 0; i < devices; ++i) {
                startPost(*posts[std::size_t(i)], hub.url() + QStringLiteral("/v1/push"), pin, bodies[i]);
                all.append(posts[std::size_t(i)].get());
            }
            waitAll(all);
            for (int i = 0; i < devices; ++i) {
                Post& p = *posts[std::size_t(i)];
                if (p.status != 200)
                    fail(QStringLiteral("push of ") + fleet[i]->teacher,
                         QStringLiteral("HTTP %1 %2 %3").arg(p.status).arg(p.error, QString::fromUtf8(p.answer)));
                const sync::Ack ack = *sync::decodeAck(*sync::decompressPayload(p.answer));
                for (const sync::AckEntry& e : ack.entries)
                    if (e.status != sync::AckStatus::Accepted)
                        fail(QStringLiteral("push of ") + fleet[i]->teacher,
                             QStringLiteral("change set %1: status %2, reason %3: %4")
                                 .arg(e.seq)
                                 .arg(int(e.status))
                                 .arg(e.reason)
                                 .arg(e.text));
                r.ops += fleet[i]->ops;
                r.changeSets += fleet[i]->sets.size();
                r.requestBytes += bodies[i].size();
                r.answerBytes += p.answer.size();
            }
        });
        hubLog = statusKiB(hub.pid(), "VmRSS");
        hub.process.terminate();
        hub.process.waitForFinished(30000);
        nodeId = enrolled.nodeId;
    }

    // ---- where the hub's time goes: the year's frames, in this process ----
    out() << "profile of the hub's work on the year's frames (in-process, no network):" << Qt::endl;
    qint64 yOps = 0, ySets = 0;
    std::int64_t fromStart = 0;
    const QList<QByteArray> frames = nodeFrames(store, nodeId, fromStart, yOps, ySets, yearLastSeq);
    qint64 dOps = 0, dSets = 0;
    const QList<QByteArray> dayFrames = nodeFrames(store, nodeId, fromStart, dOps, dSets, dayLastSeq);
    QElapsedTimer t;
    double pushCpu = 0, pushThreadCpu = 0, dayCpu = 0;
    double tFrame = 0, tBatch = 0, tOpen = 0, tApply = 0, tPush = 0, tDayPush = 0, tDayHistory = 0, tDayPull = 0,
           tNoopPull = 0;
    QList<sync::PushBatch> batches;
    for (const QByteArray& f : frames) {
        t.start();
        sync::WireResult<sync::Frame> frame = sync::decodeFrame(f);
        tFrame += double(t.nsecsElapsed()) / 1e9;
        t.start();
        sync::WireResult<sync::PushBatch> b = sync::decodePushBatch(frame->message);
        tBatch += double(t.nsecsElapsed()) / 1e9;
        batches.append(*b);
    }
    sync::Reconciler reconciler;
    for (const sync::PushBatch& b : batches)
        for (const sync::SignedChangeSet& s : b.changeSets) {
            t.start();
            const sync::ChangeSet cs = check(s.open(), QStringLiteral("open"));
            tOpen += double(t.nsecsElapsed()) / 1e9;
            t.start();
            (void)reconciler.apply(cs);
            tApply += double(t.nsecsElapsed()) / 1e9;
        }
    {
        // With the school's roster, as the served hub has it: without it the judgement refuses every mark, and a
        // refused set costs far less than a merged one.
        Hub rosterOnly;
        rosterOnly.bin = hub.bin;
        rosterOnly.dir = root + QStringLiteral("/profile-hub");
        rosterOnly.import(QStringLiteral("roster"), root + QStringLiteral("/hub-roster.csv"));
        hub::HubStore h = check(hub::HubStore::open(rosterOnly.dir), QStringLiteral("hub store"));
        hub::NewNode n;
        n.teacherId = year.options.teacherId;
        n.teacherName = year.options.teacherName;
        for (const domain::Subject& s : year.subjects)
            n.assignments.append({year.options.classId, s.id, QStringLiteral("all")});
        const hub::Enrolment e = check(h.addNode(n), QStringLiteral("add node"));
        const hub::NodeRecord rec = check(
            h.enroll(e.secret, store.devicePublicKey(), QStringLiteral("bench"), QDateTime::currentMSecsSinceEpoch()),
            QStringLiteral("enroll"));
        const double cpuBefore = processCpuSeconds(); // less moved by the neighbours than the wall time
        const double threadCpuBefore = threadCpuSeconds();
        for (sync::PushBatch b : batches) {
            b.nodeId = rec.nodeId;
            t.start();
            const sync::Ack ack = check(h.push(rec, b, QDateTime::currentMSecsSinceEpoch()), QStringLiteral("push"));
            tPush += double(t.nsecsElapsed()) / 1e9;
            for (const sync::AckEntry& entry : ack.entries)
                if (entry.status == sync::AckStatus::Rejected &&
                    entry.text.contains(
                        QStringLiteral(" of change set "))) // a journal entry refused: not the real work
                    fail(QStringLiteral("in-process push"), entry.text);
        }
        // The last batch's history commit, which serve writes when idle (History::defer): part of the year's work.
        t.start();
        check(h.writePendingHistory(), QStringLiteral("the year's last history commit"));
        tPush += double(t.nsecsElapsed()) / 1e9;
        check(h.checkpoint(), QStringLiteral("checkpoint")); // as serve does when idle (not timed: not the push)
        pushCpu = processCpuSeconds() - cpuBefore;
        pushThreadCpu = threadCpuSeconds() - threadCpuBefore;
        // The day on top of the year, as the node syncs it: its push, then its pull from the cursor the year's
        // sync ended at; then a pull with nothing new.
        quint64 cursor = 0;
        for (;;) {
            const sync::PullBatch p = check(h.pull(rec, cursor, 1000), QStringLiteral("pull"));
            if (p.toCursor == cursor)
                break;
            cursor = p.toCursor;
        }
        pauseIfAsked("the in-process day");
        const double dayCpuBefore = processCpuSeconds();
        for (const QByteArray& f : dayFrames) {
            sync::PushBatch b = *sync::decodePushBatch(sync::decodeFrame(f)->message);
            b.nodeId = rec.nodeId;
            t.start();
            const sync::Ack dayAck =
                check(h.push(rec, b, QDateTime::currentMSecsSinceEpoch()), QStringLiteral("push the day"));
            tDayPush += double(t.nsecsElapsed()) / 1e9;
            for (const sync::AckEntry& entry : dayAck.entries)
                if (entry.status != sync::AckStatus::Accepted) // a refused or duplicate set costs less: not the day
                    fail(QStringLiteral("in-process push of the day"), QStringLiteral("change set %1: status %2: %3")
                                                                           .arg(entry.seq)
                                                                           .arg(int(entry.status))
                                                                           .arg(entry.text));
        }
        dayCpu = processCpuSeconds() - dayCpuBefore;
        t.start();
        check(h.writePendingHistory(), QStringLiteral("the day's history commit"));
        tDayHistory = double(t.nsecsElapsed()) / 1e9;
        t.start();
        cursor = check(h.pull(rec, cursor, 1000), QStringLiteral("pull the day")).toCursor;
        tDayPull = double(t.nsecsElapsed()) / 1e9;
        t.start();
        (void)check(h.pull(rec, cursor, 1000), QStringLiteral("no-op pull"));
        tNoopPull = double(t.nsecsElapsed()) / 1e9;
    }
    const auto line = [&](const char* what, double s) {
        out() << "  " << what << ": " << QString::number(s, 'f', 3) << " s ("
              << QString::number(s * 1e6 / double(std::max<qint64>(yOps, 1)), 'f', 2) << " µs/op)" << Qt::endl;
    };
    line("decodeFrame (frame signature, zstd)", tFrame);
    line("decodePushBatch", tBatch);
    line("change set open (decode + Ed25519)", tOpen);
    line("Reconciler::apply (memory)", tApply);
    line("HubStore::push (all of the above but the frame, + SQLite + history, its last commit included)", tPush);
    line("  of which SQLite, history and the rest", tPush - tOpen - tApply);
    out() << "  CPU time of this process (all threads): HubStore::push of the year " << QString::number(pushCpu, 'f', 3)
          << " s (" << QString::number(pushThreadCpu, 'f', 3) << " s on the calling thread), of the day "
          << QString::number(dayCpu * 1e3, 'f', 1) << " ms" << Qt::endl;
    out() << "  the day (" << dOps << " ops, " << dSets << " change sets) on top of the year: HubStore::push "
          << QString::number(tDayPush * 1e3, 'f', 1) << " ms, then its history commit (after the Ack) "
          << QString::number(tDayHistory * 1e3, 'f', 1) << " ms, HubStore::pull "
          << QString::number(tDayPull * 1e3, 'f', 1) << " ms; a pull with nothing new "
          << QString::number(tNoopPull * 1e3, 'f', 1) << " ms" << Qt::endl;

    out() << Qt::endl
          << "| phase | ops | change sets | wall s | hub ops/s | hub CPU s | request bytes/op | answer bytes/op | hub "
             "peak MiB | node peak MiB |"
          << Qt::endl
          << "|---|---|---|---|---|---|---|---|---|---|" << Qt::endl;
    for (const Row& r : g_rows) {
        const double perOp = r.ops ? double(r.requestBytes) / double(r.ops) : 0;
        out() << "| " << r.phase << " | " << r.ops << " | " << r.changeSets << " | "
              << QString::number(r.seconds, 'f', 3) << " | "
              << (r.ops ? QString::number(double(r.ops) / r.seconds, 'f', 0) : QStringLiteral("—")) << " | "
              << QString::number(r.hubCpu, 'f', 2) << " | "
              << (r.ops ? QString::number(perOp, 'f', 1) : QStringLiteral("—")) << " | "
              << (r.ops && r.answerBytes ? QString::number(double(r.answerBytes) / double(r.ops), 'f', 2)
                                         : QStringLiteral("—"))
              << " | " << mib(r.hubPeakKiB) << " | " << mib(r.nodePeakKiB) << " |" << Qt::endl;
    }
    out() << "hub RSS at the end: " << mib(hubLog) << " MiB" << Qt::endl;
    return 0;
}
