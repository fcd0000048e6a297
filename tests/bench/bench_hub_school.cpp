// bench_hub_school: a whole school grown through the real `tabel-hub serve` over HTTPS on loopback, class-year after
// class-year, for years (issue 8, item 10). Not a test: it prints a table; tests/bench/README.md has the figures.
//
//   bench_hub_school [--classes-years 1,30,150] [--quick] [--dir DIR] [--hub PATH]
//
// The school: 30 classes (1А … 11В: grades 1–11 with letters А, Б, В, without 9В, 10Б and 10В), each with its own
// teacher's node (a bench device enrolled with `tabel-hub node add` and /v1/enroll) that writes the class's 12
// subjects (school_year.h has one teacher per class and no subgroups). Class-year n (1, 2, …) is class (n−1) mod 30
// in school year 2026-2027 + (n−1) div 30; its pupils keep their ids from year to year (a cohort moves up a grade),
// its dates are those of school_year.h moved to that school year. At the start of each school year the operator
// imports the whole school's roster and timetable with `tabel-hub import`.
//
// How a class-year's change sets are made: not through node::Journal (≈ 0.5 s a class-year), but from the
// generator's lessons directly, as the journal writes a lesson that is new to the node — one change set per lesson
// with the lesson's, its absences' and its marks' non-null fields, each op based on nothing (the field is new), HLC
// times from the device's clock — signed with the device's Ed25519 key and pushed in batches of ≤ 1,000 sets and
// ≤ 50,000 ops (SyncClient's limits) as signed frames to /v1/push, one TLS connection. Every Ack entry must be
// «accepted». The bench checks the equivalence once per run: the day node below records its days through the
// journal, and the ops it wrote are compared with the direct generator's for the same lessons.
//
// At each checkpoint of N class-years (the log holds N class-years, the operator's imports and the day node's days):
//   - operator commands as separate processes, while `serve` runs: `tabel-hub node list`, `conflicts list`,
//     `summary --class 1А`: wall time and peak RSS (the child's ru_maxrss from wait4, i.e. its VmHWM);
//   - a day's sync: a real node (node::NodeStore + Journal + SyncClient, the code `tabel-node sync` runs), a second
//     device of 1А's teacher that syncs after every class-year as a node that syncs daily would. After each of the
//     last five class-years up to N (not before the previous checkpoint) it records a school day of 1А held back
//     from the class-year (6 lessons) and syncs it over a new TLS connection, as every `tabel-node sync` process
//     opens one: push and pull, wall time. The checkpoint reports the median and the slowest of these samples
//     (each comes after another class's class-year, so 1А's pages are as cold as a day's first sync finds them);
//   - a new teacher's first sync: a fresh node store enrolled for every subject of enough classes to hold five
//     class-years (1А alone at 150; 1А … 2Б at 30; all there is at 1), SyncClient::sync() from cursor 0;
//   - `serve`: VmRSS after the above, and its VmHWM since the checkpoint began;
//   - hub.db (+ -wal, -shm) bytes per op of the teachers' nodes in the log;
//   - the push of one more class-year (class-years N+1 … N+5, which the growth goes on with, up to the next
//     checkpoint; each after the hub is idle): ops per second of wall time to the last Ack, plus the hub's CPU time
//     after it until idle (the last batch's history commit, which serve writes when idle: History::defer). The
//     checkpoint reports the median of these samples, the target compares it with the first checkpoint's median.
//
// Medians of a few samples, not one: a single 20 ms sync or 1 s push on a shared machine moves by a third between
// runs; every sample is printed as it is taken.
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
#include <QSet>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

using namespace tabel;

namespace {

QTextStream& out() {
    static QTextStream s(stdout);
    return s;
}

// What must not outlive the bench: the hub, an operator command running, the temporary folder. fail() exits
// without destructors, and SIGINT/SIGTERM/SIGHUP end it from outside; both clean up through these.
QProcess* g_hubProcess = nullptr;
volatile pid_t g_hubPid = 0;
volatile pid_t g_childPid = 0;
char g_tmpPath[4096] = {0}; // empty when the working folder is the user's (--dir)

// TABEL_BENCH_PAUSE_S: a pause before the timed syncs, to attach a profiler (`perf record -p`) to the hub and
// to this process for them alone.
void pauseIfAsked(const char* before) {
    if (const int pause = qEnvironmentVariableIntValue("TABEL_BENCH_PAUSE_S"); pause > 0) {
        out() << "pausing " << pause << " s before " << before << " (bench pid " << QCoreApplication::applicationPid()
              << ")" << Qt::endl;
        QThread::sleep(unsigned(pause));
    }
}

void removeTemporaryFolder() {
    if (g_tmpPath[0])
        QDir(QString::fromLocal8Bit(g_tmpPath)).removeRecursively();
}

[[noreturn]] void fail(const QString& what, const QString& why) {
    out() << "FAILED: " << what << ": " << why << Qt::endl;
    if (g_childPid > 0)
        kill(g_childPid, SIGKILL);
    if (g_hubProcess && g_hubProcess->state() != QProcess::NotRunning) {
        g_hubProcess->kill();
        g_hubProcess->waitForFinished(5000);
    }
    removeTemporaryFolder();
    std::exit(1);
}

extern "C" void onSignal(int sig) {
    // Only async-signal-safe calls: kill, fork, execv, waitpid, _exit.
    if (g_childPid > 0)
        kill(g_childPid, SIGKILL);
    if (g_hubPid > 0)
        kill(g_hubPid, SIGKILL);
    if (g_tmpPath[0]) {
        const pid_t rm = fork();
        if (rm == 0) {
            char* const args[] = {const_cast<char*>("rm"), const_cast<char*>("-rf"), g_tmpPath, nullptr};
            execv("/bin/rm", args);
            _exit(127);
        }
        if (rm > 0)
            waitpid(rm, nullptr, 0);
    }
    _exit(128 + sig);
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
template <class T> T check(sync::WireResult<T> r, const QString& what) {
    if (!r)
        fail(what, r.error().message);
    return std::move(*r);
}

QString num(qint64 n) { // 1,234,567
    QString s = QString::number(n);
    for (qsizetype i = s.size() - 3; i > (n < 0 ? 1 : 0); i -= 3)
        s.insert(i, u',');
    return s;
}
QString fixed(double v, int decimals) {
    return QString::number(v, 'f', decimals);
}
QString mib(qint64 kib) {
    return fixed(double(kib) / 1024.0, 1);
}

qint64 statusKiB(qint64 pid, const char* field) {
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray key = QByteArray(field) + ':';
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').value(0).toLongLong();
    return -1;
}
bool resetPeak(qint64 pid) {
    QFile f(QStringLiteral("/proc/%1/clear_refs").arg(pid));
    return f.open(QIODevice::WriteOnly) && f.write("5") == 1;
}

double cpuSeconds(qint64 pid) { // utime + stime of /proc/PID/stat
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = f.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    return double(fields.value(11).toLongLong() + fields.value(12).toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

// Waits until the process has used no CPU for half a second (at most ten minutes): a request the bench gave up on
// (a first sync past its timeout) may still be running in the single-threaded hub, and the next phase must not be
// timed behind it. Returns the seconds waited.
double waitIdle(qint64 pid) {
    QElapsedTimer t;
    t.start();
    double before = cpuSeconds(pid);
    while (t.elapsed() < 600000) {
        QThread::msleep(500);
        const double now = cpuSeconds(pid);
        if (now == before)
            break;
        before = now;
    }
    return double(t.elapsed()) / 1000.0;
}

QString tail(const QString& path, int lines = 8) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QStringList all = QString::fromUtf8(f.readAll()).split(u'\n', Qt::SkipEmptyParts);
    return all.mid(std::max<qsizetype>(0, all.size() - lines)).join(u'\n');
}

// ---- the school --------------------------------------------------------------------------------------------------

constexpr int kClasses = 30;
constexpr int kFirstYear = 2026;

struct SchoolClass {
    QString id;        // 7А
    int grade = 0;     // 7
    QString letter;    // a, b, v: for ids
    QString teacherId; // t-7a
};

const QList<SchoolClass>& school() {
    static const QList<SchoolClass> classes = [] {
        static const char* const letters[] = {"А", "Б", "В"};
        static const char* const latin[] = {"a", "b", "v"};
        QList<SchoolClass> list;
        for (int grade = 1; grade <= 11; ++grade)
            for (int l = 0; l < 3; ++l) {
                if ((grade == 9 && l == 2) || (grade == 10 && l >= 1))
                    continue; // 33 − 3 = 30 classes: fewer senior classes, as in most schools
                SchoolClass c;
                c.grade = grade;
                c.id = QString::number(grade) + QString::fromUtf8(letters[l]);
                c.letter = QString::fromLatin1(latin[l]);
                c.teacherId = QStringLiteral("t-%1%2").arg(grade).arg(c.letter);
                list.append(c);
            }
        return list;
    }();
    return classes;
}

int schoolYearOf(int classYear) {
    return (classYear - 1) / kClasses;
}
int classOf(int classYear) {
    return (classYear - 1) % kClasses;
}
QString yearName(int schoolYear) {
    return QStringLiteral("%1-%2").arg(kFirstYear + schoolYear).arg(kFirstYear + schoolYear + 1);
}

bench::SchoolYearOptions optionsFor(int schoolYear, int classIndex, bool quick) {
    const SchoolClass& c = school()[classIndex];
    bench::SchoolYearOptions o;
    o.seed = 20260901u + std::uint32_t(schoolYear * 1000 + classIndex + 1);
    o.firstDay = QDate(kFirstYear + schoolYear, 9, 1);
    if (quick)
        o.lastDay = QDate(kFirstYear + schoolYear, 9, 30);
    o.classId = c.id;
    // The cohort: the year its pupils entered the first grade, and the letter; the same pupils a year later are
    // in the next grade.
    o.pupilIdPrefix = QStringLiteral("c%1%2-").arg(kFirstYear + schoolYear - c.grade + 1).arg(c.letter);
    o.teacherId = c.teacherId;
    o.teacherName = QStringLiteral("Учитель %1").arg(c.id);
    return o;
}

QStringList allSubjectsOf(const QString& classId) {
    static const bench::SchoolYear shape = [] {
        bench::SchoolYearOptions o;
        o.lastDay = o.firstDay;
        return bench::generateSchoolYear(o);
    }();
    QStringList list;
    for (const domain::Subject& s : shape.subjects)
        list << classId + u'/' + s.id + QStringLiteral("/all");
    return list;
}

// ---- processes -----------------------------------------------------------------------------------------------------

struct Run {
    int exitCode = -1;
    double seconds = 0;
    qint64 peakKiB = 0; // ru_maxrss of the child: its VmHWM
    QString stdoutText, stderrText;
    bool ok() const { return exitCode == 0; }
};

// The peak RSS of an operator command: wait4's ru_maxrss of the child. Not of a child of this process, though: a
// child made by fork or vfork starts from (or shares) this process's memory, and the kernel keeps that high-water
// mark across exec, so the child would report this process's RSS when it is larger. This program therefore
// re-executes itself as a small launcher (`--measure-child RESULT PROGRAM ARGS…`, before Qt starts) that forks
// the command, waits for it and writes «exit-code maxrss-KiB seconds» to RESULT; a launcher is a few MiB.
int measureChild(const char* resultPath, char** childArgv) {
    prctl(PR_SET_PDEATHSIG, SIGKILL); // the bench ended: so does the launcher, and with it the command
    timespec t0{}, t1{};
    clock_gettime(CLOCK_MONOTONIC, &t0);
    const pid_t pid = fork();
    if (pid < 0)
        return 126;
    if (pid == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        execv(childArgv[0], childArgv);
        std::fprintf(stderr, "cannot start %s: %s\n", childArgv[0], std::strerror(errno));
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    while (wait4(pid, &status, 0, &usage) < 0)
        if (errno != EINTR)
            return 126;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    const double seconds = double(t1.tv_sec - t0.tv_sec) + double(t1.tv_nsec - t0.tv_nsec) / 1e9;
    std::FILE* f = std::fopen(resultPath, "w");
    if (!f)
        return 126;
    std::fprintf(f, "%d %ld %.6f\n", WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), usage.ru_maxrss,
                 seconds);
    return std::fclose(f) == 0 ? 0 : 126;
}

// Runs a program as its own process (through the launcher above) and waits for it; stdout and stderr go to files.
Run runProcess(const QString& bin, const QStringList& args, const QString& scratch) {
    const QString resultPath = scratch + QStringLiteral("/cmd.result");
    QFile::remove(resultPath);
    std::vector<std::string> argv{"/proc/self/exe", "--measure-child", resultPath.toStdString(), bin.toStdString()};
    for (const QString& a : args)
        argv.push_back(a.toStdString());
    std::vector<char*> cargv;
    for (std::string& s : argv)
        cargv.push_back(s.data());
    cargv.push_back(nullptr);
    const std::string outPath = (scratch + QStringLiteral("/cmd.out")).toStdString();
    const std::string errPath = (scratch + QStringLiteral("/cmd.err")).toStdString();
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&fa, 2, errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, "/proc/self/exe", &fa, nullptr, cargv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0)
        fail(QStringLiteral("start %1").arg(bin), QString::fromLocal8Bit(std::strerror(rc)));
    g_childPid = pid;
    int status = 0;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            fail(QStringLiteral("wait for %1").arg(bin), QString::fromLocal8Bit(std::strerror(errno)));
    g_childPid = 0;
    Run r;
    QFile o(QString::fromStdString(outPath)), e(QString::fromStdString(errPath)), res(resultPath);
    if (o.open(QIODevice::ReadOnly))
        r.stdoutText = QString::fromUtf8(o.readAll());
    if (e.open(QIODevice::ReadOnly))
        r.stderrText = QString::fromUtf8(e.readAll());
    const QList<QByteArray> figures =
        res.open(QIODevice::ReadOnly) ? res.readAll().trimmed().split(' ') : QList<QByteArray>{};
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || figures.size() != 3)
        fail(QStringLiteral("the launcher of %1").arg(bin),
             QStringLiteral("no figures (status %1): %2").arg(status).arg(r.stderrText));
    r.exitCode = figures[0].toInt();
    r.peakKiB = figures[1].toLongLong();
    r.seconds = figures[2].toDouble();
    return r;
}

// ---- the hub -------------------------------------------------------------------------------------------------------

struct Hub {
    QString bin, dir, scratch;
    QProcess process;
    quint16 port = 0;
    qint64 pid() const { return process.processId(); }
    QString url() const { return QStringLiteral("https://127.0.0.1:%1").arg(port); }
    QString logPath() const { return scratch + QStringLiteral("/serve.log"); }

    Run op(const QStringList& args) const {
        return runProcess(bin, QStringList{QStringLiteral("--store"), dir} + args, scratch);
    }
    Run mustOp(const QStringList& args) const {
        Run r = op(args);
        if (!r.ok())
            fail(QStringLiteral("tabel-hub %1").arg(args.join(u' ')),
                 QStringLiteral("exit %1: %2%3").arg(r.exitCode).arg(r.stderrText, r.stdoutText));
        return r;
    }

    QString addNode(const QString& teacher, const QString& name, const QStringList& assignments) const {
        QStringList args{QStringLiteral("node"),      QStringLiteral("add"),
                         QStringLiteral("--teacher"), teacher,
                         QStringLiteral("--name"),    name};
        for (const QString& a : assignments)
            args << QStringLiteral("--assign") << a;
        const Run r = mustOp(args);
        const auto m = QRegularExpression(QStringLiteral("^\\s+([A-Z2-7]{6}(-[A-Z2-7]{1,6}){6})$"),
                                          QRegularExpression::MultilineOption)
                           .match(r.stdoutText);
        if (!m.hasMatch())
            fail(QStringLiteral("tabel-hub node add"),
                 QStringLiteral("no enrolment code in its answer: ") + r.stdoutText);
        return m.captured(1);
    }

    void start() {
        process.setStandardOutputFile(logPath());
        process.setStandardErrorFile(logPath(), QIODevice::Append);
        process.start(bin, {QStringLiteral("--store"), dir, QStringLiteral("serve"), QStringLiteral("--listen"),
                            QStringLiteral("127.0.0.1:0")});
        if (!process.waitForStarted())
            fail(QStringLiteral("tabel-hub serve"), process.errorString());
        g_hubProcess = &process;
        g_hubPid = pid_t(process.processId());
        const QRegularExpression listening(QStringLiteral("listening on https://127\\.0\\.0\\.1:(\\d+)"));
        for (int i = 0; i < 600 && !port; ++i) {
            if (process.waitForFinished(100))
                fail(QStringLiteral("tabel-hub serve"),
                     QStringLiteral("it ended (exit %1): %2").arg(process.exitCode()).arg(tail(logPath())));
            QFile f(logPath());
            if (f.open(QIODevice::ReadOnly))
                if (const auto m = listening.match(QString::fromUtf8(f.readAll())); m.hasMatch())
                    port = quint16(m.captured(1).toUInt());
        }
        if (!port)
            fail(QStringLiteral("tabel-hub serve"),
                 QStringLiteral("no «listening on» line in 60 s: ") + tail(logPath()));
    }
    void mustRun(const QString& when) const {
        if (process.state() == QProcess::NotRunning)
            fail(when, QStringLiteral("tabel-hub serve has ended (exit %1); its last lines:\n%2")
                           .arg(process.exitCode())
                           .arg(tail(logPath())));
    }
};

// One HTTPS connection to the hub for the bench devices, pinned to the hub's certificate.
struct Http {
    QNetworkAccessManager net;
    QString url;
    QByteArray pin;

    // Returns the HTTP status (0 if none) and the answer's body.
    std::pair<int, QByteArray> post(const QString& path, const QByteArray& body, int timeoutMs = 600000) {
        QNetworkRequest request{QUrl(url + path)};
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/octet-stream"));
        QNetworkReply* reply = net.post(request, body);
        const QByteArray expected = pin;
        QObject::connect(reply, &QNetworkReply::sslErrors, reply, [reply, expected](const QList<QSslError>&) {
            if (reply->sslConfiguration().peerCertificate().digest(QCryptographicHash::Sha256).startsWith(expected))
                reply->ignoreSslErrors();
        });
        QEventLoop loop;
        QTimer timer;
        timer.setSingleShot(true);
        QObject::connect(&timer, &QTimer::timeout, reply, &QNetworkReply::abort);
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        timer.start(timeoutMs);
        if (!reply->isFinished())
            loop.exec();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        QByteArray answer = reply->readAll();
        if (status == 0)
            answer = reply->errorString().toUtf8();
        reply->deleteLater();
        return {status, answer};
    }
};

// ---- the teachers' devices -----------------------------------------------------------------------------------------

struct Device {
    crypto::SigningKeyPair key = crypto::SigningKeyPair::generate();
    QString teacher, code, nodeId;
    std::int64_t seq = 0;
    qint64 clockMs = 0;
};

struct ClassYearSets {
    QList<sync::SignedChangeSet> sets;
    QList<int> opsPerSet;
    qint64 ops = 0;
};

// A lesson as the journal writes it on a node that does not have it yet: the lesson's fields, then its absences',
// then its marks' (each entity's fields in key order, null fields left out), every op based on nothing.
QList<sync::Op> lessonOps(const bench::LessonRecord& l, const QString& teacher, qint64 ms) {
    QList<sync::Op> ops;
    std::uint16_t counter = 0;
    const auto add = [&](const QString& key, const domain::Fields& fields) {
        for (const auto& [field, value] : fields)
            if (!domain::isNull(value))
                ops.append(sync::Op{Hlc::pack(ms, counter++), key, field, value, {}});
    };
    domain::Lesson lesson = l.lesson;
    lesson.teacherId = teacher;
    const QString text = lesson.key.toString();
    add(QStringLiteral("lesson/") + text, lesson.toFields());
    for (const domain::Attendance& a : l.absences)
        add(a.entityKey(text), a.toFields());
    for (const domain::Mark& m : l.marks)
        add(m.entityKey(text), m.toFields());
    return ops;
}

ClassYearSets signClassYear(Device& d, const bench::SchoolYear& year, const QSet<QDate>& heldBack) {
    ClassYearSets out;
    for (const bench::LessonRecord& l : year.lessons) {
        if (heldBack.contains(l.lesson.key.date))
            continue;
        sync::ChangeSet cs;
        cs.author = d.teacher;
        cs.seq = ++d.seq;
        d.clockMs = std::max(QDateTime::currentMSecsSinceEpoch(), d.clockMs + 1);
        cs.ops = lessonOps(l, d.teacher, d.clockMs);
        cs.hlc = cs.ops.last().hlc;
        cs.sign(d.key);
        out.opsPerSet.append(int(cs.ops.size()));
        out.ops += cs.ops.size();
        out.sets.append(sync::SignedChangeSet::of(cs));
    }
    return out;
}

void enrol(Http& http, Device& d) {
    sync::EnrollRequest req;
    req.secret = check(sync::parseEnrolmentCode(d.code), QStringLiteral("enrolment code")).secret;
    req.nodeName = d.teacher;
    const QByteArray frame =
        check(sync::encodeFrame(sync::encode(req), d.key, QDateTime::currentMSecsSinceEpoch(), sync::newNonce()),
              QStringLiteral("enrolment frame"));
    const auto [status, answer] = http.post(QStringLiteral("/v1/enroll"), frame, 60000);
    if (status != 200)
        fail(QStringLiteral("enrol ") + d.teacher,
             QStringLiteral("HTTP %1: %2").arg(status).arg(QString::fromUtf8(answer)));
    const QByteArray cbor = check(sync::decompressPayload(answer), QStringLiteral("enrolment answer"));
    d.nodeId = check(sync::decodeEnrolled(cbor), QStringLiteral("enrolment answer")).nodeId;
}

struct PushFigures {
    qint64 ops = 0, sets = 0, bytes = 0;
    int requests = 0;
    double seconds = 0;        // the requests, to the last Ack
    double historySeconds = 0; // the hub's CPU after the last Ack: the history commit serve writes when idle
    double rate() const { return double(ops) / (seconds + historySeconds); }
};

// Pushes the sets in SyncClient's batches (sync/batching.h), one request after the other on one
// connection; times the requests only (the frames are signed first).
PushFigures push(Http& http, Device& d, const ClassYearSets& cy, const QString& what) {
    const node::SyncOptions limits;
    QList<QByteArray> frames;
    PushFigures f;
    std::vector<std::int64_t> opsPerSet(cy.opsPerSet.begin(), cy.opsPerSet.end());
    qsizetype from = 0;
    for (const std::size_t n : sync::batchSizes(opsPerSet, limits.maxSetsPerBatch, limits.maxOpsPerBatch)) {
        sync::PushBatch batch;
        batch.nodeId = d.nodeId;
        batch.batchId = sync::newBatchId();
        batch.changeSets = cy.sets.mid(from, qsizetype(n));
        from += qsizetype(n);
        frames.append(
            check(sync::encodeFrame(sync::encode(batch), d.key, QDateTime::currentMSecsSinceEpoch(), sync::newNonce()),
                  QStringLiteral("push frame")));
    }
    QElapsedTimer t;
    t.start();
    for (const QByteArray& frame : frames) {
        const auto [status, answer] = http.post(QStringLiteral("/v1/push"), frame);
        if (status != 200)
            fail(what, QStringLiteral("HTTP %1: %2").arg(status).arg(QString::fromUtf8(answer.left(2000))));
        const QByteArray cbor = check(sync::decompressPayload(answer), what + QStringLiteral(": the Ack"));
        const sync::Ack ack = check(sync::decodeAck(cbor), what + QStringLiteral(": the Ack"));
        for (const sync::AckEntry& e : ack.entries)
            if (e.status != sync::AckStatus::Accepted)
                fail(what, QStringLiteral("change set %1 not accepted (status %2, reason %3): %4")
                               .arg(e.seq)
                               .arg(int(e.status))
                               .arg(e.reason)
                               .arg(e.text));
        f.bytes += frame.size();
        ++f.requests;
    }
    f.seconds = double(t.nsecsElapsed()) / 1e9;
    f.ops = cy.ops;
    f.sets = cy.sets.size();
    return f;
}

// ---- figures -------------------------------------------------------------------------------------------------------

struct Command {
    QString name;
    Run run;
};

// One timed day's sync of the day node (after class-year `classYear`).
struct DaySample {
    int classYear = 0;
    std::optional<double> seconds; // nullopt: it failed (note)
    QString note;
};

double median(QList<double> v) {
    std::sort(v.begin(), v.end());
    const qsizetype n = v.size();
    return n == 0 ? 0 : n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

struct Checkpoint {
    int classYears = 0;
    qint64 ops = 0, dbBytes = 0;
    QList<Command> commands;
    qint64 serveRssKiB = 0, servePeakKiB = 0;
    QList<DaySample> days;
    std::optional<double> firstSeconds;
    int firstClassYears = 0;
    qint64 firstOps = 0;
    QString firstNote;
    QList<PushFigures> next;

    QList<double> daySeconds() const {
        QList<double> v;
        for (const DaySample& d : days)
            if (d.seconds)
                v.append(*d.seconds);
        return v;
    }
    bool daysFailed() const { return days.isEmpty() || daySeconds().size() != days.size(); }
    double pushRate() const {
        QList<double> v;
        for (const PushFigures& f : next)
            v.append(f.rate());
        return median(v);
    }
};

qint64 storeBytes(const QString& dir) {
    qint64 total = 0;
    for (const char* name : {"hub.db", "hub.db-wal", "hub.db-shm"})
        total += QFileInfo(dir + u'/' + QString::fromLatin1(name)).size();
    return total;
}

} // namespace

int main(int argc, char** argv) {
    if (argc >= 4 && std::strcmp(argv[1], "--measure-child") == 0)
        return measureChild(argv[2], argv + 3);
    // The tabel-hub processes it starts answer in English, whose lines it reads (their default is Russian).
    qputenv("TABEL_LANG", "en");
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A school of 30 classes grown through tabel-hub serve to N "
                                                    "class-years; figures at each checkpoint (issue 8, item 10)."));
    parser.addHelpOption();
    const QCommandLineOption checkpointsOpt(QStringLiteral("classes-years"),
                                            QStringLiteral("checkpoints, in class-years (default 1,30,150)"),
                                            QStringLiteral("N,N,…"));
    const QCommandLineOption quickOpt(QStringLiteral("quick"),
                                      QStringLiteral("a small run: each class-year is its September only, and the "
                                                     "checkpoints default to 1,30"));
    const QCommandLineOption dirOpt(QStringLiteral("dir"),
                                    QStringLiteral("working folder, kept (default: a temporary one, removed)"),
                                    QStringLiteral("DIR"));
    const QCommandLineOption hubOpt(
        QStringLiteral("hub"), QStringLiteral("the tabel-hub binary (default: this build's)"), QStringLiteral("PATH"),
        QCoreApplication::applicationDirPath() + QStringLiteral("/../../hub/cli/tabel-hub"));
    parser.addOptions({checkpointsOpt, quickOpt, dirOpt, hubOpt});
    parser.process(app);
    check(crypto::initialize(), QStringLiteral("libsodium"));
    const bool quick = parser.isSet(quickOpt);

    QList<int> checkpoints;
    for (const QString& s : (parser.isSet(checkpointsOpt) ? parser.value(checkpointsOpt)
                             : quick                      ? QStringLiteral("1,30")
                                                          : QStringLiteral("1,30,150"))
                                .split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const int n = s.trimmed().toInt(&ok);
        if (!ok || n < 1 || n > 100000) {
            out() << "bench_hub_school: --classes-years takes class-year counts ≥ 1 separated by commas, not «" << s
                  << "»" << Qt::endl;
            return 2;
        }
        if (!checkpoints.contains(n))
            checkpoints.append(n);
    }
    std::sort(checkpoints.begin(), checkpoints.end());
    if (checkpoints.isEmpty()) {
        out() << "bench_hub_school: --classes-years is empty" << Qt::endl;
        return 2;
    }

    const QString hubBin = QFileInfo(parser.value(hubOpt)).absoluteFilePath();
    if (!QFileInfo(hubBin).isExecutable()) {
        out() << "bench_hub_school: no tabel-hub at " << hubBin << " (build the target tabel-hub, or give --hub PATH)"
              << Qt::endl;
        return 2;
    }

    QTemporaryDir tmp(QDir::tempPath() + QStringLiteral("/bench_hub_school-XXXXXX"));
    QString root;
    if (parser.isSet(dirOpt)) {
        root = QFileInfo(parser.value(dirOpt)).absoluteFilePath();
        if (QDir(root).exists() && !QDir(root).isEmpty()) {
            out() << "bench_hub_school: --dir " << root << " is not empty; give an empty or new folder" << Qt::endl;
            return 2;
        }
        if (!QDir().mkpath(root)) {
            out() << "bench_hub_school: cannot make " << root << Qt::endl;
            return 2;
        }
    } else {
        if (!tmp.isValid()) {
            out() << "bench_hub_school: no temporary folder: " << tmp.errorString() << Qt::endl;
            return 2;
        }
        root = tmp.path();
        const QByteArray p = QFile::encodeName(root);
        std::memcpy(g_tmpPath, p.constData(), std::min<std::size_t>(std::size_t(p.size()), sizeof g_tmpPath - 1));
    }
    for (int sig : {SIGINT, SIGTERM, SIGHUP})
        std::signal(sig, onSignal);

    out() << "tabel bench_hub_school " << QDateTime::currentDateTimeUtc().toString(Qt::ISODate) << ", "
          << QSysInfo::prettyProductName() << ", " << QThread::idealThreadCount() << " cores" << Qt::endl;
    out() << "hub: " << hubBin << "; folder " << root << "; checkpoints (class-years):";
    for (int n : checkpoints)
        out() << ' ' << n;
    out() << (quick ? " (quick: September only)" : "") << Qt::endl;

    Hub hub;
    hub.bin = hubBin;
    hub.dir = root + QStringLiteral("/hub");
    hub.scratch = root;

    // The samples of each checkpoint N: day's syncs after the class-years in (previous checkpoint, N] ∩ [N−4, N];
    // timed pushes of the class-years N+1 … N+5 that come before the next checkpoint.
    constexpr int kSamples = 5;
    std::map<int, int> dayOwner, pushOwner; // class-year → index of its checkpoint
    for (qsizetype i = 0; i < checkpoints.size(); ++i) {
        const int n = checkpoints[i], previous = i ? checkpoints[i - 1] : 0;
        const int next = i + 1 < checkpoints.size() ? checkpoints[i + 1] : std::numeric_limits<int>::max();
        for (int k = std::max(previous + 1, n - kSamples + 1); k <= n; ++k)
            dayOwner[k] = int(i);
        for (int k = n + 1; k <= n + kSamples && k <= next; ++k)
            pushOwner[k] = int(i);
    }
    const int lastClassYear = pushOwner.rbegin()->first;

    // Days of 1А held back from its class-years, one per day's sync in that school year (the day node records
    // them): the last school days, the latest first.
    const int dayClass = 0; // 1А
    QList<int> daysOfYear(schoolYearOf(lastClassYear) + 1, 0);
    for (const auto& [classYear, owner] : dayOwner)
        ++daysOfYear[schoolYearOf(classYear)];
    std::map<int, QList<QDate>> heldBack; // school year → days, in the order the day's syncs use them
    const auto dayClassYear = [&](int y) { return bench::generateSchoolYear(optionsFor(y, dayClass, quick)); };
    for (int y = 0; y < daysOfYear.size(); ++y)
        if (daysOfYear[y]) {
            const bench::SchoolYear sy = dayClassYear(y);
            if (daysOfYear[y] > sy.days.size())
                fail(QStringLiteral("the day's syncs"), QStringLiteral("school year %1 has %2 school days of 1А, the "
                                                                       "day's syncs need %3")
                                                            .arg(yearName(y))
                                                            .arg(sy.days.size())
                                                            .arg(daysOfYear[y]));
            for (int k = 0; k < daysOfYear[y]; ++k)
                heldBack[y].append(sy.days[sy.days.size() - 1 - k]);
        }
    const auto heldBackOf = [&](int classYear) {
        QSet<QDate> days;
        if (classOf(classYear) == dayClass)
            for (const QDate& d : heldBack[schoolYearOf(classYear)])
                days.insert(d);
        return days;
    };

    // ---- setup, not timed: the nodes (before the log grows: on the hub of 2026-12 every operator command replays
    // the whole log) ----
    QElapsedTimer setup;
    setup.start();
    std::vector<Device> devices(kClasses);
    for (int c = 0; c < kClasses; ++c) {
        const SchoolClass& k = school()[c];
        devices[std::size_t(c)].teacher = k.teacherId;
        devices[std::size_t(c)].code =
            hub.addNode(k.teacherId, QStringLiteral("Учитель %1").arg(k.id), allSubjectsOf(k.id));
    }
    const SchoolClass& dc = school()[dayClass];
    const QString dayCode = hub.addNode(dc.teacherId, QStringLiteral("Учитель %1").arg(dc.id), allSubjectsOf(dc.id));
    // The new teachers, one per checkpoint: every subject of the first classes until five class-years are in scope.
    std::map<int, QString> newCodes;
    std::map<int, int> newClassYears;
    for (int n : checkpoints) {
        QStringList scopes;
        int inScope = 0;
        for (int c = 0; c < kClasses && inScope < 5; ++c) {
            const int years = c < n ? (n - c - 1) / kClasses + 1 : 0;
            if (!years)
                break;
            scopes += allSubjectsOf(school()[c].id);
            inScope += years;
        }
        newClassYears[n] = inScope;
        newCodes[n] = hub.addNode(QStringLiteral("t-new-%1").arg(n), QStringLiteral("Новый учитель %1").arg(n), scopes);
    }
    out() << "setup: " << (kClasses + 1 + checkpoints.size()) << " nodes added in "
          << fixed(double(setup.elapsed()) / 1000.0, 1) << " s" << Qt::endl;

    hub.start();
    out() << "serve: " << hub.url() << " (pid " << hub.pid() << ")" << Qt::endl;
    Http http;
    http.url = hub.url();
    http.pin = check(sync::parseEnrolmentCode(dayCode), QStringLiteral("enrolment code")).fingerprintPrefix;
    for (Device& d : devices)
        enrol(http, d);

    // The day node: 1А's teacher's second device, a real node store.
    const crypto::SecretBytes passphrase = crypto::SecretBytes::fromBytes("bench-pass-2026", 15);
    const auto newNodeStore = [&](const QString& dir, const QString& teacher, const QString& name) {
        node::NodeStore::InitOptions init;
        init.teacherId = teacher;
        init.teacherName = name;
        init.kdfProfile = QStringLiteral("interactive");
        return check(node::NodeStore::create(dir, passphrase, init), QStringLiteral("node store ") + dir);
    };
    node::NodeStore dayStore =
        newNodeStore(root + QStringLiteral("/day-node"), dc.teacherId, QStringLiteral("Учитель %1").arg(dc.id));
    node::Journal dayJournal(dayStore);
    node::SyncClient dayClient(dayStore);
    (void)check(dayClient.enroll(hub.url(), dayCode, QStringLiteral("bench-day")),
                QStringLiteral("enrol the day node"));
    int dayNodeYear = -1; // the school year whose roster and timetable the day node has imported
    const auto writeFile = [&](const QString& name, const QByteArray& bytes) {
        QFile f(root + u'/' + name);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            fail(QStringLiteral("write"), f.fileName());
        return f.fileName();
    };

    // ---- growth ----
    qint64 opsInLog = 0;
    int classYears = 0;
    int importedYear = -1;
    QList<Checkpoint> results;
    QElapsedTimer total;
    total.start();

    const auto importYear = [&](int y) { // the operator's roster and timetable of the whole school, one process each
        QByteArray roster, timetable;
        for (int c = 0; c < kClasses; ++c) {
            bench::SchoolYearOptions o = optionsFor(y, c, quick);
            o.lastDay = o.firstDay; // pupils and timetable only
            const bench::SchoolYear sy = bench::generateSchoolYear(o);
            const QByteArray r = sy.rosterCsv(), t = sy.timetableCsv();
            roster += c ? r.mid(r.indexOf('\n') + 1) : r;
            timetable += c ? t.mid(t.indexOf('\n') + 1) : t;
        }
        const QString rosterFile = writeFile(QStringLiteral("roster-%1.csv").arg(yearName(y)), roster);
        const QString timetableFile = writeFile(QStringLiteral("timetable-%1.csv").arg(yearName(y)), timetable);
        const Run r1 = hub.mustOp({QStringLiteral("import"), QStringLiteral("roster"), rosterFile});
        const Run r2 = hub.mustOp({QStringLiteral("import"), QStringLiteral("timetable"), timetableFile});
        out() << "school year " << yearName(y) << ": the operator imported the roster (" << fixed(r1.seconds, 2)
              << " s, " << mib(r1.peakKiB) << " MiB) and the timetable (" << fixed(r2.seconds, 2) << " s, "
              << mib(r2.peakKiB) << " MiB)" << Qt::endl;
        importedYear = y;
    };

    const auto daySync = [&](const QString& when) -> std::optional<QString> { // nullopt: done; else the error
        Result<node::SyncReport> r = dayClient.sync();
        if (!r)
            return QStringLiteral("%1: %2").arg(when, r.error().message);
        return std::nullopt;
    };

    // The day node records a held-back day of 1А through the journal and syncs it, timed, over a new connection.
    std::map<int, int> dayUsed; // school year → held-back days recorded
    const auto timedDay = [&](int n) -> DaySample {
        DaySample sample;
        sample.classYear = n;
        const int y = schoolYearOf(n);
        const bench::SchoolYear sy = dayClassYear(y);
        if (dayNodeYear != y) { // the node's own reference data: its pushes of them are refused, as on any node
            (void)check(dayJournal.importRoster(writeFile(QStringLiteral("day-roster.csv"), sy.rosterCsv())),
                        QStringLiteral("day node: import roster"));
            (void)check(dayJournal.importTimetable(writeFile(QStringLiteral("day-timetable.csv"), sy.timetableCsv())),
                        QStringLiteral("day node: import timetable"));
            if (const std::optional<QString> err = daySync(QStringLiteral("the day node's sync of its imports")))
                sample.note = *err;
            dayNodeYear = y;
        }
        const QDate day = heldBack[y].value(dayUsed[y]++);
        qint64 dayOps = 0, directOps = 0;
        for (const bench::LessonRecord& l : sy.lessons)
            if (l.lesson.key.date == day) {
                dayOps += check(dayJournal.recordLesson(l.lesson, l.marks, l.absences),
                                QStringLiteral("day node: record a lesson of ") + day.toString(Qt::ISODate))
                              .ops;
                directOps += lessonOps(l, dc.teacherId, 0).size();
            }
        if (dayOps != directOps)
            fail(
                QStringLiteral("the direct generator"),
                QStringLiteral("the journal wrote %1 ops for the lessons of %2, the bench's generator %3: the growth's "
                               "change sets would not be what nodes send")
                    .arg(dayOps)
                    .arg(day.toString(Qt::ISODate))
                    .arg(directOps));
        QString detail;
        {
            node::SyncClient fresh(dayStore); // a new TLS connection, as a `tabel-node sync` process opens
            waitIdle(hub.pid());
            pauseIfAsked("the day's sync");
            QElapsedTimer t;
            t.start();
            Result<node::SyncReport> r = fresh.sync();
            const double seconds = double(t.nsecsElapsed()) / 1e9;
            if (r && r->refusedChangeSets == 0) {
                sample.seconds = seconds;
                detail = QStringLiteral("%1 batches, %2 change sets pushed, %3 pulled")
                             .arg(r->batches)
                             .arg(r->pushedChangeSets)
                             .arg(r->pulledChangeSets);
            } else
                sample.note = r ? r->refusals.join(QStringLiteral("; ")) : r.error().message;
        }
        opsInLog += dayOps;
        out() << "  a day's sync (" << day.toString(Qt::ISODate) << ", " << dayOps << " ops, the journal and the "
              << "direct generator agree): "
              << (sample.seconds ? fixed(*sample.seconds * 1e3, 1) + QStringLiteral(" ms; ") + detail
                                 : QStringLiteral("FAILED"))
              << (sample.note.isEmpty() ? QString() : QStringLiteral(" (") + sample.note + u')') << Qt::endl;
        return sample;
    };

    // Pushes class-year n through its class's device; the day node then syncs as a node syncing daily would, and
    // when n is one of a checkpoint's day samples, records a day and syncs it timed.
    std::map<int, DaySample> daySamples;
    const auto growOne = [&](int n) -> PushFigures {
        const int y = schoolYearOf(n), c = classOf(n);
        const bool timed = pushOwner.count(n);
        if (importedYear < y)
            importYear(y);
        hub.mustRun(QStringLiteral("class-year %1").arg(n));
        QElapsedTimer g;
        g.start();
        const bench::SchoolYear sy = bench::generateSchoolYear(optionsFor(y, c, quick));
        const ClassYearSets sets = signClassYear(devices[std::size_t(c)], sy, heldBackOf(n));
        const double genSeconds = double(g.nsecsElapsed()) / 1e9;
        if (timed) // not behind a request the bench gave up on, nor an import the hub is still catching up with
            waitIdle(hub.pid());
        PushFigures f = push(http, devices[std::size_t(c)], sets,
                             QStringLiteral("push of class-year %1 (%2, %3)").arg(n).arg(school()[c].id, yearName(y)));
        // The last batch's history commit follows the Ack when the hub is idle (History::defer): counted in the rate.
        const double cpuAtAck = cpuSeconds(hub.pid());
        waitIdle(hub.pid());
        f.historySeconds = cpuSeconds(hub.pid()) - cpuAtAck;
        opsInLog += f.ops;
        classYears = n;
        QElapsedTimer s;
        s.start();
        const std::optional<QString> err = daySync(QStringLiteral("the day node's sync after class-year %1").arg(n));
        out() << "class-year " << n << " (" << school()[c].id << ", " << yearName(y) << "): " << num(f.ops) << " ops, "
              << f.sets << " change sets, generated and signed in " << fixed(genSeconds, 2) << " s, pushed in "
              << fixed(f.seconds, 2) << " s + " << fixed(f.historySeconds, 2) << " s of history after the Ack ("
              << num(qint64(f.rate())) << " ops/s" << (timed ? ", timed" : "") << "); the day node synced in "
              << fixed(double(s.nsecsElapsed()) / 1e9, 2) << " s"
              << (err ? QStringLiteral(" — FAILED: ") + *err : QString()) << Qt::endl;
        if (dayOwner.count(n))
            daySamples[n] = timedDay(n);
        return f;
    };

    for (qsizetype i = 0; i < checkpoints.size(); ++i) {
        const int n = checkpoints[i];
        while (classYears < n)
            (void)growOne(classYears + 1);

        Checkpoint cp;
        cp.classYears = n;
        for (const auto& [classYear, owner] : dayOwner)
            if (owner == i)
                cp.days.append(daySamples[classYear]);
        out() << "== checkpoint: " << n << " class-years ==" << Qt::endl;
        QStringList dayFigures;
        for (const DaySample& d : cp.days)
            dayFigures << (d.seconds ? fixed(*d.seconds * 1e3, 1) : QStringLiteral("failed"));
        out() << "  its days' syncs (after class-years " << cp.days.first().classYear << "–" << cp.days.last().classYear
              << "), ms: " << dayFigures.join(QStringLiteral(", ")) << Qt::endl;
        hub.mustRun(QStringLiteral("checkpoint %1").arg(n));
        waitIdle(hub.pid());
        resetPeak(hub.pid());

        // The operator's commands, each its own process, while serve runs.
        const QList<std::pair<QString, QStringList>> commands{
            {QStringLiteral("node list"), {QStringLiteral("node"), QStringLiteral("list")}},
            {QStringLiteral("conflicts list"), {QStringLiteral("conflicts"), QStringLiteral("list")}},
            {QStringLiteral("summary --class ") + dc.id, {QStringLiteral("summary"), QStringLiteral("--class"), dc.id}},
        };
        for (const auto& [name, args] : commands) {
            waitIdle(hub.pid());
            Command c{name, hub.op(args)};
            out() << "  tabel-hub " << name << ": " << fixed(c.run.seconds, 3) << " s, peak " << mib(c.run.peakKiB)
                  << " MiB"
                  << (c.run.ok() ? QString()
                                 : QStringLiteral(" — FAILED, exit %1: %2")
                                       .arg(c.run.exitCode)
                                       .arg(c.run.stderrText.trimmed().left(300)))
                  << Qt::endl;
            cp.commands.append(c);
        }

        // A new teacher's first sync.
        {
            const QString teacher = QStringLiteral("t-new-%1").arg(n);
            const QString dir = root + QStringLiteral("/new-node-%1").arg(n);
            {
                node::NodeStore store = newNodeStore(dir, teacher, QStringLiteral("Новый учитель %1").arg(n));
                node::SyncClient client(store);
                (void)check(client.enroll(hub.url(), newCodes[n], QStringLiteral("bench-new")),
                            QStringLiteral("enrol the new teacher's node"));
                waitIdle(hub.pid());
                pauseIfAsked("the first sync");
                QElapsedTimer t;
                t.start();
                Result<node::SyncReport> r = client.sync();
                const double s = double(t.nsecsElapsed()) / 1e9;
                cp.firstClassYears = newClassYears[n];
                if (r) {
                    cp.firstSeconds = s;
                    cp.firstOps = r->pulledOps;
                } else {
                    cp.firstNote = QStringLiteral("failed after %1 s: %2").arg(fixed(s, 1), r.error().message);
                }
            }
            QDir(dir).removeRecursively();
            out() << "  a new teacher's first sync (" << cp.firstClassYears << " class-years in scope): "
                  << (cp.firstSeconds ? fixed(*cp.firstSeconds, 2) + QStringLiteral(" s, ") + num(cp.firstOps) +
                                            QStringLiteral(" ops pulled")
                                      : cp.firstNote)
                  << Qt::endl;
        }

        hub.mustRun(QStringLiteral("checkpoint %1").arg(n));
        cp.serveRssKiB = statusKiB(hub.pid(), "VmRSS");
        cp.servePeakKiB = statusKiB(hub.pid(), "VmHWM");
        cp.ops = opsInLog;
        cp.dbBytes = storeBytes(hub.dir);
        out() << "  serve: RSS " << mib(cp.serveRssKiB) << " MiB, peak " << mib(cp.servePeakKiB)
              << " MiB during the checkpoint; hub.db " << mib(cp.dbBytes / 1024) << " MiB for " << num(cp.ops)
              << " ops of the teachers' nodes: " << fixed(double(cp.dbBytes) / double(cp.ops), 0) << " bytes per op"
              << Qt::endl;

        // The pushes of the next class-years, timed: the growth goes on with them.
        for (const auto& [classYear, owner] : pushOwner)
            if (owner == i)
                cp.next.append(growOne(classYear));
        results.append(cp);
    }
    hub.mustRun(QStringLiteral("the end"));
    hub.process.terminate();
    if (!hub.process.waitForFinished(30000))
        hub.process.kill();
    g_hubPid = 0;

    // ---- the table ----
    const double firstRate = results.first().pushRate();
    out() << Qt::endl
          << "Growth: " << classYears << " class-years, " << num(opsInLog) << " ops of the teachers' nodes, "
          << fixed(double(total.elapsed()) / 1000.0, 0) << " s." << Qt::endl
          << Qt::endl;
    out() << "| class-years in the log |";
    for (const Checkpoint& cp : results)
        out() << ' ' << cp.classYears << " |";
    out() << " target at 150 (issue 8) |" << Qt::endl << "|---|";
    for (qsizetype i = 0; i < results.size(); ++i)
        out() << "---|";
    out() << "---|" << Qt::endl;
    const auto row = [&](const QString& name, const std::function<QString(const Checkpoint&)>& cell,
                         const QString& target) {
        out() << "| " << name << " |";
        for (const Checkpoint& cp : results)
            out() << ' ' << cell(cp) << " |";
        out() << ' ' << target << " |" << Qt::endl;
    };
    row(QStringLiteral("ops in the log (teachers' nodes)"), [](const Checkpoint& cp) { return num(cp.ops); }, {});
    row(QStringLiteral("hub.db MiB"), [](const Checkpoint& cp) { return mib(cp.dbBytes / 1024); }, {});
    row(
        QStringLiteral("hub.db bytes per op"),
        [](const Checkpoint& cp) { return fixed(double(cp.dbBytes) / double(cp.ops), 0); }, QStringLiteral("≤ 100"));
    for (qsizetype i = 0; i < results.first().commands.size(); ++i) {
        const QString name = results.first().commands[i].name;
        row(
            QStringLiteral("`%1` s / peak MiB").arg(name),
            [i](const Checkpoint& cp) {
                const Run& r = cp.commands[i].run;
                return r.ok() ? fixed(r.seconds, 3) + QStringLiteral(" / ") + mib(r.peakKiB)
                              : QStringLiteral("exit %1 after %2 s / %3")
                                    .arg(r.exitCode)
                                    .arg(fixed(r.seconds, 1), mib(r.peakKiB));
            },
            QStringLiteral("≤ 0.2 s / ≤ 100 MiB"));
    }
    row(
        QStringLiteral("`serve` RSS after serving MiB (peak)"),
        [](const Checkpoint& cp) { return mib(cp.serveRssKiB) + QStringLiteral(" (") + mib(cp.servePeakKiB) + u')'; },
        QStringLiteral("≤ 200 MiB"));
    row(
        QStringLiteral("push of one more class-year, ops/s (median of the pushes after the checkpoint)"),
        [](const Checkpoint& cp) { return num(qint64(cp.pushRate())) + QStringLiteral(" (%1)").arg(cp.next.size()); },
        QStringLiteral("≥ %1 (80 % of the first)").arg(num(qint64(0.8 * firstRate))));
    row(
        QStringLiteral("a day's sync, ms: median / slowest (samples)"),
        [](const Checkpoint& cp) {
            if (cp.daysFailed())
                return QStringLiteral("failed");
            const QList<double> v = cp.daySeconds();
            return fixed(median(v) * 1e3, 1) + QStringLiteral(" / ") +
                   fixed(*std::max_element(v.begin(), v.end()) * 1e3, 1) + QStringLiteral(" (%1)").arg(v.size());
        },
        QStringLiteral("≤ 20 ms"));
    row(
        QStringLiteral("a new teacher's first sync, s (class-years in scope)"),
        [](const Checkpoint& cp) {
            return (cp.firstSeconds ? fixed(*cp.firstSeconds, 2) : QStringLiteral("failed")) +
                   QStringLiteral(" (%1)").arg(cp.firstClassYears);
        },
        QStringLiteral("≤ 5 s (5)"));
    for (const Checkpoint& cp : results) {
        if (!cp.firstNote.isEmpty())
            out() << "first sync at " << cp.classYears << ": " << cp.firstNote << Qt::endl;
        for (const DaySample& d : cp.days)
            if (!d.note.isEmpty())
                out() << "day's sync after class-year " << d.classYear << ": " << d.note << Qt::endl;
    }
    removeTemporaryFolder();
    g_tmpPath[0] = 0;
    return 0;
}
