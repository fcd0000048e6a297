// bench_node_year: a whole school year of one class entered on a teacher's node, against the same rows written
// straight into a keyed SQLCipher database. Not a test: it prints a table; tests/bench/README.md has the figures.
//
//   bench_node_year [--quick] [--dir DIR] [--only PHASES] [--rounds N]
//
// Phases, each into a fresh store or database (store creation and reference imports are not timed):
//   journal/lesson  Journal::recordLesson per lesson: rules, one transaction and one signed change set each
//   store/lesson    NodeStore::change + ChangeWriter::put per lesson (the op log without the journal's checks)
//   direct/lesson   typed tables lessons/marks/attendance in a SQLCipher database keyed and configured as the
//                   node store is (raw key, cipher_page_size 4096, WAL, synchronous FULL), one transaction each
//   (these three in N interleaved rounds, default 3; the ratios are of the rounds' medians)
//   store/year, direct/year   the same with one transaction for the whole year
// then unlock (NodeStore::open) of the year's store (KDF "interactive") and of a small store created with
// "moderate", three times each. Peak memory (VmHWM) is reset before each phase where the kernel allows it.
#include "node/core/journal.h"
#include "node/store/key_file.h"
#include "node/store/node_store.h"
#include "shared/crypto/kdf.h"
#include "shared/crypto/secret.h"
#include "shared/db/sqlite.h"
#include "tests/bench/school_year.h"

#include <sqlcipher/sqlite3.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <optional>

#include <sys/resource.h>

using namespace tabel;
using namespace tabel::domain;

namespace {

QTextStream& out() {
    static QTextStream s(stdout);
    return s;
}

[[noreturn]] void fail(const QString& what, const Error& e) {
    out() << "FAILED: " << what << ": " << e.message << Qt::endl;
    std::exit(1);
}

template <class T> T check(Result<T> r, const QString& what) {
    if (!r)
        fail(what, r.error());
    return std::move(*r);
}
void check(Status r, const QString& what) {
    if (!r)
        fail(what, r.error());
}

// ---- memory -------------------------------------------------------------------------------------------------

qint64 procStatusKiB(const char* field) {
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray key = QByteArray(field) + ':';
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

// Writing 5 to clear_refs resets VmHWM to the current RSS (Linux ≥ 4.0), so each phase reports its own peak.
bool resetPeak() {
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    return f.open(QIODevice::WriteOnly) && f.write("5") == 1;
}

QString mib(qint64 kib) {
    return kib < 0 ? QStringLiteral("?") : QString::number(double(kib) / 1024.0, 'f', 1);
}

// ---- results table ------------------------------------------------------------------------------------------

struct Row {
    QString phase;
    double seconds = 0;
    double cpuSeconds = 0;   // user + system time of the process during the phase
    qint64 rows = 0;         // marks + absences + lessons written
    qint64 transactions = 0; // commits
    qint64 peakKiB = -1, rssKiB = -1;
    qint64 diskBytes = -1;
    qint64 pagesWritten = -1; // database pages SQLite wrote (to the WAL) during the phase
    int round = 0;            // of the per-lesson phases' rounds; 0: a phase that runs once
};
QList<Row> g_rows;
bool g_peakResets = false;

qint64 dirBytes(const QString& dir) {
    qint64 total = 0;
    for (const QFileInfo& fi : QDir(dir).entryInfoList(QDir::Files | QDir::Hidden))
        total += fi.size();
    return total;
}

double processCpuSeconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// `db`: the connection whose page writes are counted (SQLITE_DBSTATUS_CACHE_WRITE), each one encrypted and
// authenticated by SQLCipher, which is most of a commit's cost.
Row& measure(const QString& phase, qint64 rows, qint64 transactions, sqlite3* db, const std::function<void()>& body) {
    int pagesBefore = 0, high = 0;
    sqlite3_db_status(db, SQLITE_DBSTATUS_CACHE_WRITE, &pagesBefore, &high, 0);
    g_peakResets = resetPeak();
    const double cpuBefore = processCpuSeconds();
    QElapsedTimer t;
    t.start();
    body();
    Row r;
    r.phase = phase;
    r.seconds = double(t.nsecsElapsed()) / 1e9;
    r.cpuSeconds = processCpuSeconds() - cpuBefore;
    r.rows = rows;
    r.transactions = transactions;
    r.peakKiB = procStatusKiB("VmHWM");
    r.rssKiB = procStatusKiB("VmRSS");
    int pagesAfter = 0;
    sqlite3_db_status(db, SQLITE_DBSTATUS_CACHE_WRITE, &pagesAfter, &high, 0);
    r.pagesWritten = pagesAfter - pagesBefore;
    g_rows.append(r);
    out() << "  " << phase << ": " << QString::number(r.seconds, 'f', 3) << " s (CPU "
          << QString::number(r.cpuSeconds, 'f', 3) << " s), peak " << mib(r.peakKiB) << " MiB" << Qt::endl;
    return g_rows.back();
}

// ---- the node ---------------------------------------------------------------------------------------------------

crypto::SecretBytes passphrase() {
    static constexpr char kPass[] = "bench-passphrase-2026";
    return crypto::SecretBytes::fromBytes(kPass, sizeof kPass - 1);
}

QString writeText(const QString& path, const QByteArray& content) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(content) != content.size())
        fail(QStringLiteral("write ") + path, makeError(ErrorCode::Io, f.errorString()));
    return path;
}

// A fresh store with the class's roster and timetable (not timed).
node::NodeStore newStore(const QString& dir, const bench::SchoolYear& year, const QString& kdf) {
    node::NodeStore::InitOptions o;
    o.teacherId = year.options.teacherId;
    o.teacherName = year.options.teacherName;
    o.kdfProfile = kdf;
    node::NodeStore store = check(node::NodeStore::create(dir, passphrase(), o), QStringLiteral("create ") + dir);
    node::Journal journal(store);
    const QString parent = QFileInfo(dir).absolutePath();
    check(journal.importRoster(writeText(parent + QStringLiteral("/roster.csv"), year.rosterCsv())),
          QStringLiteral("import roster"));
    check(journal.importTimetable(writeText(parent + QStringLiteral("/timetable.csv"), year.timetableCsv())),
          QStringLiteral("import timetable"));
    return store;
}

Status putLesson(node::ChangeWriter& w, const bench::LessonRecord& r) {
    TABEL_TRY(w.put(r.lesson.entityKey(), r.lesson.toFields()));
    for (const Attendance& a : r.absences)
        TABEL_TRY(w.put(a.entityKey(), a.toFields()));
    for (const Mark& m : r.marks)
        TABEL_TRY(w.put(m.entityKey(), m.toFields()));
    return {};
}

// ---- the direct SQLCipher baseline ----------------------------------------------------------------------------

constexpr const char* kDirectSchema = R"sql(
CREATE TABLE lessons(
    id       INTEGER PRIMARY KEY,
    class    TEXT NOT NULL,
    subject  TEXT NOT NULL,
    grp      TEXT NOT NULL,
    date     TEXT NOT NULL,
    slot     INTEGER NOT NULL,
    topic    TEXT,
    homework TEXT,
    due      TEXT,
    form     TEXT,
    distance INTEGER NOT NULL,
    teacher  TEXT,
    UNIQUE(class, subject, grp, date, slot)
);
CREATE TABLE marks(
    lesson INTEGER NOT NULL REFERENCES lessons(id),
    pupil  TEXT NOT NULL,
    col    INTEGER NOT NULL,
    value  TEXT NOT NULL,
    kind   TEXT NOT NULL,
    weight INTEGER NOT NULL,
    work   TEXT NOT NULL,
    task   TEXT,
    PRIMARY KEY(lesson, pupil, col)
);
CREATE TABLE attendance(
    lesson    INTEGER NOT NULL REFERENCES lessons(id),
    pupil     TEXT NOT NULL,
    reason    TEXT NOT NULL,
    cert_no   TEXT,
    cert_date TEXT,
    PRIMARY KEY(lesson, pupil)
);
)sql";

// The same raw-key form and settings as node_store.cpp's applyKey() and configure().
db::Database openDirect(const QString& path) {
    db::Database db = check(db::Database::open(path, true), QStringLiteral("open ") + path);
    crypto::SecretBytes key(32);
    for (std::size_t i = 0; i < key.size(); ++i)
        key.data()[i] = static_cast<unsigned char>(QRandomGenerator::system()->bounded(256));
    static constexpr char kHex[] = "0123456789abcdef";
    QByteArray sql = "PRAGMA key = \"x'";
    for (std::size_t i = 0; i < key.size(); ++i) {
        sql += kHex[key.data()[i] >> 4];
        sql += kHex[key.data()[i] & 0xf];
    }
    sql += "'\"";
    check(db.exec(sql.constData()), QStringLiteral("PRAGMA key"));
    sql.fill('\0');
    check(db.exec("PRAGMA cipher_page_size = 4096"), QStringLiteral("cipher_page_size"));
    check(db.queryInt("SELECT count(*) FROM sqlite_master"), QStringLiteral("first read"));
    check(db.exec("PRAGMA journal_mode = WAL"), QStringLiteral("WAL"));
    check(db.exec("PRAGMA synchronous = FULL"), QStringLiteral("synchronous"));
    check(db.exec("PRAGMA temp_store = MEMORY"), QStringLiteral("temp_store"));
    check(db.exec("PRAGMA foreign_keys = ON"), QStringLiteral("foreign_keys"));
    {
        db::Transaction tx = check(db::Transaction::begin(db), QStringLiteral("begin"));
        check(db.exec(kDirectSchema), QStringLiteral("schema"));
        check(tx.commit(), QStringLiteral("commit schema"));
    }
    return db;
}

db::Value opt(const QString& s) {
    return s.isEmpty() ? db::Value{} : db::Value{s};
}
db::Value optDate(const std::optional<QDate>& d) {
    return d ? db::Value{d->toString(Qt::ISODate)} : db::Value{};
}

Status insertDirect(db::Database& db, const bench::LessonRecord& r) {
    const Lesson& l = r.lesson;
    TABEL_ASSIGN_OR_RETURN(db::Statement * ins,
                           db.cached("INSERT INTO lessons(class, subject, grp, date, slot, topic, homework, due, form, "
                                     "distance, teacher) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    ins->bind(1, l.key.classId)
        .bind(2, l.key.subjectId)
        .bind(3, l.key.groupId)
        .bind(4, l.key.date.toString(Qt::ISODate))
        .bind(5, std::int64_t(l.key.slot))
        .bind(6, opt(l.topic))
        .bind(7, opt(l.homework))
        .bind(8, optDate(l.homeworkDue))
        .bind(9, opt(l.form))
        .bind(10, std::int64_t(l.distance ? 1 : 0))
        .bind(11, opt(l.teacherId));
    TABEL_TRY(ins->run());
    const std::int64_t lessonId = db.lastInsertRowId();
    TABEL_ASSIGN_OR_RETURN(db::Statement * att,
                           db.cached("INSERT INTO attendance(lesson, pupil, reason, cert_no, cert_date) "
                                     "VALUES(?, ?, ?, ?, ?)"));
    for (const Attendance& a : r.absences) {
        att->bind(1, lessonId)
            .bind(2, a.pupilId)
            .bind(3, toString(a.reason))
            .bind(4, opt(a.certificateNo))
            .bind(5, optDate(a.certificateDate));
        TABEL_TRY(att->run());
    }
    TABEL_ASSIGN_OR_RETURN(db::Statement * mark,
                           db.cached("INSERT INTO marks(lesson, pupil, col, value, kind, weight, work, task) "
                                     "VALUES(?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const Mark& m : r.marks) {
        mark->bind(1, lessonId)
            .bind(2, m.pupilId)
            .bind(3, std::int64_t(m.column))
            .bind(4, toString(m.value))
            .bind(5, toString(m.kind))
            .bind(6, std::int64_t(m.weight))
            .bind(7, toString(m.work))
            .bind(8, opt(m.taskId));
        TABEL_TRY(mark->run());
    }
    return {};
}

// ---- unlock ------------------------------------------------------------------------------------------------------

struct Unlock {
    QString label;
    QList<double> open;   // NodeStore::open, seconds
    QList<double> derive; // KeyFile::unlock alone (Argon2id + check value), seconds
    qint64 peakKiB = -1;
};

Unlock measureUnlock(const QString& label, const QString& dir, int times) {
    Unlock u;
    u.label = label;
    g_peakResets = resetPeak();
    for (int i = 0; i < times; ++i) {
        QElapsedTimer t;
        t.start();
        {
            node::NodeStore s = check(node::NodeStore::open(dir, passphrase()), QStringLiteral("open ") + dir);
            u.open.append(double(t.nsecsElapsed()) / 1e9);
        }
        const node::KeyFile kf =
            check(node::KeyFile::load(node::NodeStore::Paths{dir}.keyFile()), QStringLiteral("load key file"));
        t.restart();
        check(kf.unlock(passphrase()), QStringLiteral("unlock key file"));
        u.derive.append(double(t.nsecsElapsed()) / 1e9);
    }
    u.peakKiB = procStatusKiB("VmHWM");
    std::sort(u.open.begin(), u.open.end());
    std::sort(u.derive.begin(), u.derive.end());
    return u;
}

QString ms(double s) {
    return QString::number(s * 1000.0, 'f', 0);
}

QString cpuModel() {
    QFile f(QStringLiteral("/proc/cpuinfo"));
    if (f.open(QIODevice::ReadOnly))
        for (const QByteArray& line : f.readAll().split('\n'))
            if (line.startsWith("model name"))
                return QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
    return QStringLiteral("?");
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("A school year of one class entered through the node core vs. direct SQLCipher inserts."));
    parser.addHelpOption();
    const QStringList allPhases{QStringLiteral("journal-lesson"), QStringLiteral("store-lesson"),
                                QStringLiteral("direct-lesson"),  QStringLiteral("store-year"),
                                QStringLiteral("direct-year"),    QStringLiteral("unlock")};
    const QCommandLineOption quick(QStringLiteral("quick"),
                                   QStringLiteral("one month (September) instead of the year"));
    const QCommandLineOption dirOption(QStringLiteral("dir"),
                                       QStringLiteral("where to create the stores (default: a temporary folder)"),
                                       QStringLiteral("DIR"));
    const QCommandLineOption onlyOption(QStringLiteral("only"),
                                        QStringLiteral("run only these phases, comma-separated, of: ") +
                                            allPhases.join(QStringLiteral(", ")) +
                                            QStringLiteral(" (for profiling; default: all)"),
                                        QStringLiteral("PHASES"));
    const QCommandLineOption roundsOption(
        QStringLiteral("rounds"),
        QStringLiteral("run the per-lesson phases N times, interleaved, each into a fresh store; the ratio is that of "
                       "the medians (default 3: a virtual machine's neighbours move single runs by 20 %)"),
        QStringLiteral("N"), QStringLiteral("3"));
    parser.addOption(quick);
    parser.addOption(dirOption);
    parser.addOption(onlyOption);
    parser.addOption(roundsOption);
    parser.process(app);
    bool roundsOk = false;
    const int rounds = parser.value(roundsOption).toInt(&roundsOk);
    if (!roundsOk || rounds < 1 || rounds > 50)
        fail(QStringLiteral("--rounds"),
             makeError(ErrorCode::InvalidArgument,
                       QStringLiteral("expected a number from 1 to 50, got «%1»").arg(parser.value(roundsOption))));
    check(crypto::initialize(), QStringLiteral("crypto"));
    const QStringList phases =
        parser.isSet(onlyOption) ? parser.value(onlyOption).split(QLatin1Char(','), Qt::SkipEmptyParts) : allPhases;
    for (const QString& p : phases)
        if (!allPhases.contains(p))
            fail(QStringLiteral("--only"),
                 makeError(ErrorCode::InvalidArgument,
                           QStringLiteral("unknown phase «%1»; use %2").arg(p, allPhases.join(QStringLiteral(", ")))));
    const auto runs = [&](const char* phase) { return phases.contains(QLatin1String(phase)); };

    QTemporaryDir temp;
    QString base;
    if (parser.isSet(dirOption)) {
        base = QDir(parser.value(dirOption)).absolutePath();
        if (!QDir().mkpath(base))
            fail(base, makeError(ErrorCode::Io, QStringLiteral("cannot create the folder")));
        if (!QDir(base).isEmpty())
            fail(base, makeError(ErrorCode::AlreadyExists,
                                 QStringLiteral("%1 is not empty (an earlier run?); remove what it holds or choose "
                                                "another folder")
                                     .arg(base)));
    } else {
        if (!temp.isValid())
            fail(QStringLiteral("temporary folder"), makeError(ErrorCode::Io, temp.errorString()));
        base = temp.path();
    }
    const auto path = [&](const char* sub) { return base + QLatin1Char('/') + QLatin1String(sub); };

    bench::SchoolYearOptions options;
    if (parser.isSet(quick))
        options.lastDay = QDate(2026, 9, 30);
    QElapsedTimer genTimer;
    genTimer.start();
    const bench::SchoolYear year = bench::generateSchoolYear(options);
    const double genSeconds = double(genTimer.nsecsElapsed()) / 1e9;
    const qint64 lessons = year.lessons.size();
    const qint64 rows = lessons + year.markCount + year.absenceCount;

    out() << "bench_node_year " << (parser.isSet(quick) ? "--quick" : "(full year)") << Qt::endl;
    out() << "machine: " << QSysInfo::prettyProductName() << ", " << cpuModel() << ", "
          << QString::number(QThread::idealThreadCount()) << " CPUs" << Qt::endl;
    out() << "data: class " << options.classId << ", " << year.pupils.size() << " pupils, " << year.subjects.size()
          << " subjects, " << year.days.size() << " school days (" << year.days.front().toString(Qt::ISODate) << " … "
          << year.days.back().toString(Qt::ISODate) << "), " << lessons << " lessons, " << year.markCount << " marks, "
          << year.absenceCount << " absences = " << (year.markCount + year.absenceCount)
          << " mark+attendance rows (seed " << options.seed << ", generated in "
          << QString::number(genSeconds * 1000, 'f', 0) << " ms)" << Qt::endl;
    out() << "stores in " << base << Qt::endl << Qt::endl;

    // (a) through the journal, (a') the store alone, (b) direct SQLCipher: one transaction per lesson each, in
    // `rounds` interleaved rounds, each into a fresh store.
    qint64 journalOps = 0;
    const auto roundPath = [&](const char* sub, int round) {
        return path(sub) + QLatin1Char('-') + QString::number(round);
    };
    for (int round = 1; round <= rounds; ++round) {
        if (runs("journal-lesson")) {
            const QString dir = roundPath("journal-lesson", round);
            node::NodeStore store = newStore(dir, year, QStringLiteral("interactive"));
            const qint64 opsBefore = check(store.status(), QStringLiteral("status")).totalOps;
            node::Journal journal(store);
            Row& r = measure(QStringLiteral("journal/lesson"), rows, lessons, store.database().handle(), [&] {
                for (const bench::LessonRecord& l : year.lessons)
                    check(journal.recordLesson(l.lesson, l.marks, l.absences),
                          QStringLiteral("recordLesson ") + l.lesson.key.toString());
            });
            journalOps = check(store.status(), QStringLiteral("status")).totalOps - opsBefore;
            r.round = rounds > 1 ? round : 0;
            r.diskBytes = dirBytes(dir);
        }
        if (runs("store-lesson")) {
            const QString dir = roundPath("store-lesson", round);
            node::NodeStore store = newStore(dir, year, QStringLiteral("interactive"));
            Row& r = measure(QStringLiteral("store/lesson"), rows, lessons, store.database().handle(), [&] {
                for (const bench::LessonRecord& l : year.lessons)
                    check(store.change([&](node::ChangeWriter& w) { return putLesson(w, l); }),
                          QStringLiteral("change ") + l.lesson.key.toString());
            });
            r.round = rounds > 1 ? round : 0;
            r.diskBytes = dirBytes(dir);
        }
        if (runs("direct-lesson")) {
            const QString file = roundPath("direct-lesson", round) + QStringLiteral(".db");
            db::Database db = openDirect(file);
            Row& r = measure(QStringLiteral("direct/lesson"), rows, lessons, db.handle(), [&] {
                for (const bench::LessonRecord& l : year.lessons) {
                    db::Transaction tx = check(db::Transaction::begin(db), QStringLiteral("begin"));
                    check(insertDirect(db, l), QStringLiteral("insert"));
                    check(tx.commit(), QStringLiteral("commit"));
                }
            });
            r.round = rounds > 1 ? round : 0;
            r.diskBytes = QFileInfo(file).size() + QFileInfo(file + QStringLiteral("-wal")).size();
        }
    }
    // The same with one transaction for the whole year.
    if (runs("store-year")) {
        node::NodeStore store = newStore(path("store-year"), year, QStringLiteral("interactive"));
        Row& r = measure(QStringLiteral("store/year"), rows, 1, store.database().handle(), [&] {
            check(store.change([&](node::ChangeWriter& w) -> Status {
                for (const bench::LessonRecord& l : year.lessons)
                    TABEL_TRY(putLesson(w, l));
                return {};
            }),
                  QStringLiteral("change (year)"));
        });
        r.diskBytes = dirBytes(path("store-year"));
    }
    if (runs("direct-year")) {
        db::Database db = openDirect(path("direct-year") + QStringLiteral(".db"));
        Row& r = measure(QStringLiteral("direct/year"), rows, 1, db.handle(), [&] {
            db::Transaction tx = check(db::Transaction::begin(db), QStringLiteral("begin"));
            for (const bench::LessonRecord& l : year.lessons)
                check(insertDirect(db, l), QStringLiteral("insert"));
            check(tx.commit(), QStringLiteral("commit"));
        });
        r.diskBytes = QFileInfo(path("direct-year") + QStringLiteral(".db")).size() +
                      QFileInfo(path("direct-year") + QStringLiteral(".db-wal")).size();
    }

    // (d) unlock: the year's store (or a small one, if the journal phase did not run) and a "moderate" one.
    QList<Unlock> unlocks;
    if (runs("unlock")) {
        out() << "  unlock …" << Qt::endl;
        QString interactiveDir = roundPath("journal-lesson", 1);
        QString interactiveLabel = QStringLiteral("interactive (the year's store)");
        if (!runs("journal-lesson")) {
            interactiveDir = path("interactive");
            interactiveLabel = QStringLiteral("interactive (small store)");
            node::NodeStore small = newStore(interactiveDir, year, QStringLiteral("interactive"));
            Q_UNUSED(small);
        }
        unlocks.append(measureUnlock(interactiveLabel, interactiveDir, 3));
        {
            node::NodeStore small = newStore(path("moderate"), year, QStringLiteral("moderate"));
            Q_UNUSED(small);
        }
        unlocks.append(measureUnlock(QStringLiteral("moderate (small store)"), path("moderate"), 3));
    }

    // ---- the report ----
    out() << Qt::endl;
    out() << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9 %10")
                 .arg(QStringLiteral("phase"), -17)
                 .arg(QStringLiteral("seconds"), 9)
                 .arg(QStringLiteral("CPU s"), 9)
                 .arg(QStringLiteral("tx"), 6)
                 .arg(QStringLiteral("rows/s"), 9)
                 .arg(QStringLiteral("µs/row"), 8)
                 .arg(QStringLiteral("peak MiB"), 9)
                 .arg(QStringLiteral("RSS MiB"), 8)
                 .arg(QStringLiteral("disk MiB"), 9)
                 .arg(QStringLiteral("pages/tx"), 9)
          << Qt::endl;
    for (const Row& r : g_rows)
        out() << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9 %10")
                     .arg(r.round ? r.phase + QStringLiteral(" #") + QString::number(r.round) : r.phase, -17)
                     .arg(r.seconds, 9, 'f', 3)
                     .arg(r.cpuSeconds, 9, 'f', 3)
                     .arg(r.transactions, 6)
                     .arg(double(r.rows) / r.seconds, 9, 'f', 0)
                     .arg(r.seconds * 1e6 / double(r.rows), 8, 'f', 1)
                     .arg(mib(r.peakKiB), 9)
                     .arg(mib(r.rssKiB), 8)
                     .arg(QString::number(double(r.diskBytes) / 1048576.0, 'f', 1), 9)
                     .arg(QString::number(double(r.pagesWritten) / double(r.transactions), 'f', 1), 9)
              << Qt::endl;
    out() << "(rows = lessons + marks + absences = " << rows << "; node ops written by journal/lesson: " << journalOps
          << "; peak = VmHWM " << (g_peakResets ? "since the phase began" : "of the process (reset not allowed)") << ")"
          << Qt::endl
          << Qt::endl;

    // The median of a phase's rounds (wall-clock and CPU each), and the rounds' wall-clock seconds.
    struct Median {
        double seconds = 0, cpuSeconds = 0;
        QStringList each;
    };
    const auto median = [&](const QString& phase) -> std::optional<Median> {
        QList<double> wall, cpu;
        Median m;
        for (const Row& r : g_rows)
            if (r.phase == phase) {
                wall << r.seconds;
                cpu << r.cpuSeconds;
                m.each << QString::number(r.seconds, 'f', 3);
            }
        if (wall.isEmpty())
            return std::nullopt;
        std::sort(wall.begin(), wall.end());
        std::sort(cpu.begin(), cpu.end());
        const auto mid = [](const QList<double>& v) {
            return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
        };
        m.seconds = mid(wall);
        m.cpuSeconds = mid(cpu);
        return m;
    };
    const auto ratio = [&](const char* a, const char* b, const QString& target) {
        const std::optional<Median> ra = median(QLatin1String(a));
        const std::optional<Median> rb = median(QLatin1String(b));
        if (!ra || !rb)
            return;
        const double wall = ra->seconds / rb->seconds;
        const double cpu = ra->cpuSeconds / rb->cpuSeconds;
        out() << QStringLiteral("ratio %1 ÷ %2 = %3 wall-clock, %4 CPU%5")
                     .arg(QLatin1String(a), -14)
                     .arg(QLatin1String(b), -13)
                     .arg(wall, 0, 'f', 2)
                     .arg(cpu, 0, 'f', 2)
                     .arg(target.isEmpty()
                              ? QString()
                              : QStringLiteral("   (target %1: %2)")
                                    .arg(target, wall <= 1.3 ? QStringLiteral("met") : QStringLiteral("MISSED")))
              << Qt::endl;
        if (ra->each.size() > 1)
            out() << QStringLiteral("      medians of %1 rounds; %2: %3 s; %4: %5 s")
                         .arg(ra->each.size())
                         .arg(QLatin1String(a), ra->each.join(QStringLiteral(", ")), QLatin1String(b),
                              rb->each.join(QStringLiteral(", ")))
                  << Qt::endl;
    };
    ratio("journal/lesson", "direct/lesson", QStringLiteral("≤ 1.3"));
    ratio("store/lesson", "direct/lesson", {});
    ratio("store/year", "direct/year", {});
    out() << Qt::endl;

    if (!unlocks.isEmpty()) {
        out() << QStringLiteral("%1 %2 %3 %4 %5 %6")
                     .arg(QStringLiteral("unlock (NodeStore::open)"), -32)
                     .arg(QStringLiteral("min ms"), 7)
                     .arg(QStringLiteral("median ms"), 10)
                     .arg(QStringLiteral("max ms"), 7)
                     .arg(QStringLiteral("KDF median ms"), 14)
                     .arg(QStringLiteral("peak MiB"), 9)
              << Qt::endl;
        for (const Unlock& u : std::as_const(unlocks))
            out() << QStringLiteral("%1 %2 %3 %4 %5 %6")
                         .arg(u.label, -32)
                         .arg(ms(u.open.front()), 7)
                         .arg(ms(u.open.at(u.open.size() / 2)), 10)
                         .arg(ms(u.open.back()), 7)
                         .arg(ms(u.derive.at(u.derive.size() / 2)), 14)
                         .arg(mib(u.peakKiB), 9)
                  << Qt::endl;
        const double moderateMedian = unlocks.back().open.at(unlocks.back().open.size() / 2);
        out() << QStringLiteral("unlock at moderate: median %1 s (target ≤ 0.5 s: %2)")
                     .arg(moderateMedian, 0, 'f', 3)
                     .arg(moderateMedian <= 0.5 ? QStringLiteral("met") : QStringLiteral("MISSED"))
              << Qt::endl;
    }
    out() << "whole-process peak: run under `/usr/bin/time -v` (Maximum resident set size)" << Qt::endl;
    return 0;
}
