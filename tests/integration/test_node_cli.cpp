// Integration test of tabel-node: runs the real binary against a store in a temporary folder, as a teacher (or a
// script) would. The test functions run in order and share one store: each builds on the previous ones.
// Requirements: R-J1…R-J12 through the CLI, R-S2 (nothing readable on disk), §8 (clear errors, exit codes).
#include "tests/support/test_support.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using tabel::test::ProcessResult;

namespace {

// The pupils of the roster: surnames of different lengths to test the grid's alignment.
const QString kSurname1 = QStringLiteral("Иванов");
const QString kSurname3 = QStringLiteral("Кузнецов-Оболенский");
const QString kHomework = QStringLiteral("№ 15, 16 — решить уравнения с дробями");

const QByteArray kRoster = "pupil_id,class,surname,name,patronymic,book_no,subgroups\n"
                           "p01,7А,Иванов,Иван,Петрович,К-101,eng:1\n"
                           "p02,7А,Смирнова,Ольга,Игоревна,К-102,eng:2\n"
                           "p03,7А,Кузнецов-Оболенский,Александр,Владимирович,К-103,eng:1\n"
                           "p04,7А,Ли,Ян,,К-104,eng:2\n";

// Line 3, column 3 (surname) is empty.
const QByteArray kBadRoster = "pupil_id,class,surname,name,patronymic,book_no,subgroups\n"
                              "p01,7А,Иванов,Иван,Петрович,К-101,eng:1\n"
                              "p02,7А,,Ольга,Игоревна,К-102,eng:2\n"
                              "p03,7А,Кузнецов-Оболенский,Александр,Владимирович,К-103,eng:1\n";

const QByteArray kTimetable = "class,weekday,slot,subject,subject_name,group,teacher,teacher_name\n"
                              "7А,1,2,math,Математика,all,t01,Петрова Анна Сергеевна\n"
                              "7А,3,2,math,Математика,all,t01,Петрова Анна Сергеевна\n"
                              "7А,3,3,math,Математика,all,t01,Петрова Анна Сергеевна\n"
                              "7А,2,4,eng,Английский язык,1,t01,Петрова Анна Сергеевна\n"
                              "7А,2,4,eng,Английский язык,2,t02,Соколов Игорь Павлович\n"
                              "7А,4,1,phys,Физика,all,t02,Соколов Игорь Павлович\n";

const QByteArray kCalendar = "kind,id,title,start,end,grades\n"
                             "year,2026-2027,2026/2027 учебный год,2026-09-01,2027-08-31,1-11\n"
                             "quarter,q1,I четверть,2026-09-01,2026-10-25,2-9\n"
                             "holiday,autumn,Осенние каникулы,2026-10-26,2026-11-03,\n"
                             "quarter,q2,II четверть,2026-11-04,2026-12-28,2-9\n";

const QString kLesson1 = QStringLiteral("7А/math/all/2026-09-07/2");
const QString kLesson2 = QStringLiteral("7А/math/all/2026-09-09/2");
const QString kLesson3 = QStringLiteral("7А/math/all/2026-09-09/3");

// Name, size and modification time of every file under dir.
QStringList snapshot(const QString& dir) {
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo f(it.next());
        out << QStringLiteral("%1 %2 %3")
                   .arg(QDir(dir).relativeFilePath(f.filePath()))
                   .arg(f.size())
                   .arg(f.lastModified().toMSecsSinceEpoch());
    }
    out.sort();
    return out;
}

} // namespace

class TestNodeCli : public QObject {
    Q_OBJECT

private:
    QString m_bin;
    QTemporaryDir m_tmp;
    QString m_store;
    QString m_passphrase = QStringLiteral("верный конь 2026");
    QString m_submissionKey;

    QString path(const QString& name) const { return m_tmp.filePath(name); }

    // Runs tabel-node on the test store with the current passphrase in TABEL_PASSPHRASE.
    ProcessResult node(const QStringList& args, const QString& store = {}) {
        QProcessEnvironment env;
        env.insert(QStringLiteral("TABEL_PASSPHRASE"), m_passphrase);
        return tabel::test::run(m_bin, QStringList{QStringLiteral("--store"), store.isEmpty() ? m_store : store} + args,
                                env);
    }

    // The same with this computer's clock set to `when` ("2026-10-22 12:00:00") by libfaketime: how the tests date an
    // entry, since tabel-node takes every date of an entry from the clock (2.5.6, R-J9).
    ProcessResult nodeAt(const QString& when, const QStringList& args) {
        QProcessEnvironment env;
        env.insert(QStringLiteral("TABEL_PASSPHRASE"), m_passphrase);
        return tabel::test::run(QStringLiteral("faketime"),
                                QStringList{when, m_bin, QStringLiteral("--store"), m_store} + args, env);
    }

    // The grid lines of `journal` output: from the header row up to the first empty line.
    static QStringList gridLines(const QString& out) {
        const QStringList lines = out.split(u'\n');
        QStringList grid;
        bool in = false;
        for (const QString& l : lines) {
            if (l.startsWith(QStringLiteral("№")))
                in = true;
            if (in && l.isEmpty())
                break;
            if (in)
                grid << l;
        }
        return grid;
    }

private slots:
    void initTestCase() {
        m_bin = tabel::test::binaryFromEnv("TABEL_NODE_BIN");
        QVERIFY(m_tmp.isValid());
        m_store = path(QStringLiteral("store"));
        tabel::test::writeFile(path(QStringLiteral("roster.csv")), kRoster);
        tabel::test::writeFile(path(QStringLiteral("roster-bad.csv")), kBadRoster);
        tabel::test::writeFile(path(QStringLiteral("timetable.csv")), kTimetable);
        tabel::test::writeFile(path(QStringLiteral("calendar.csv")), kCalendar);
    }

    // --help for the program, every command group and every command exits 0 and documents the exit codes.
    void helpForEveryCommand() {
        const QStringList commands = {
            QStringLiteral("init"),
            QStringLiteral("passwd"),
            QStringLiteral("import"),
            QStringLiteral("status"),
            QStringLiteral("check"),
            QStringLiteral("lesson"),
            QStringLiteral("lesson add"),
            QStringLiteral("lesson show"),
            QStringLiteral("mark"),
            QStringLiteral("mark set"),
            QStringLiteral("mark remove"),
            QStringLiteral("attend"),
            QStringLiteral("journal"),
            QStringLiteral("task"),
            QStringLiteral("task add"),
            QStringLiteral("task list"),
            QStringLiteral("submission"),
            QStringLiteral("submission import"),
            QStringLiteral("submission list"),
            QStringLiteral("submission grade"),
            QStringLiteral("submission overdue"),
            QStringLiteral("submission export"),
            QStringLiteral("period-mark"),
            QStringLiteral("period-mark set"),
            QStringLiteral("period-mark correct"),
            QStringLiteral("period-mark missing"),
            QStringLiteral("substitution"),
            QStringLiteral("substitution add"),
            QStringLiteral("substitution list"),
            QStringLiteral("ktp"),
            QStringLiteral("ktp add-topic"),
            QStringLiteral("ktp correct"),
            QStringLiteral("ktp show"),
        };
        for (const QString& c : commands) {
            const ProcessResult r = node(c.split(u' ') + QStringList{QStringLiteral("--help")});
            EXPECT_EXIT(r, 0);
            QVERIFY2(r.out.contains(QStringLiteral("Usage: tabel-node ") + c), qPrintable(c + u'\n' + r.out));
            QVERIFY2(r.out.contains(QStringLiteral("Exit codes")), qPrintable(c));
        }
        const ProcessResult top = node({QStringLiteral("--help")});
        EXPECT_EXIT(top, 0);
        for (const QString& c : commands)
            QVERIFY2(top.out.contains(c), qPrintable(c));
        for (const char* code : {"wrong passphrase", "damaged", "regulation", "busy", "already exists"})
            QVERIFY2(top.out.contains(QLatin1String(code)), code);
        EXPECT_EXIT(node({QStringLiteral("-h")}), 0);
        EXPECT_EXIT(node({QStringLiteral("help"), QStringLiteral("mark"), QStringLiteral("set")}), 0);
        const ProcessResult version = node({QStringLiteral("--version")});
        EXPECT_EXIT(version, 0);
        QVERIFY(version.out.startsWith(QStringLiteral("tabel-node ")));
        // Help never creates a store.
        QVERIFY(!QFileInfo::exists(m_store));
    }

    // Usage errors exit 2, name the offending argument, and are found before the store is looked at (there is
    // none yet: a usage error must win over "no store").
    void usageErrors() {
        ProcessResult r = node({QStringLiteral("status"), QStringLiteral("--bogus")});
        EXPECT_EXIT(r, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--bogus")), qPrintable(r.err));
        QVERIFY2(r.err.startsWith(QStringLiteral("tabel-node: ")), qPrintable(r.err));

        r = node({QStringLiteral("frobnicate")});
        EXPECT_EXIT(r, 2);
        QVERIFY(r.err.contains(QStringLiteral("frobnicate")));

        r = node({QStringLiteral("mark"), QStringLiteral("set"), QStringLiteral("--lesson"), kLesson1,
                  QStringLiteral("--value"), QStringLiteral("5")});
        EXPECT_EXIT(r, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--pupil")), qPrintable(r.err));

        r = node({QStringLiteral("mark"), QStringLiteral("set"), QStringLiteral("--lesson"), QStringLiteral("7А/math"),
                  QStringLiteral("--pupil"), QStringLiteral("p01"), QStringLiteral("--value"), QStringLiteral("5")});
        EXPECT_EXIT(r, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--lesson")) && r.err.contains(QStringLiteral("CLASS/SUBJECT")),
                 qPrintable(r.err));

        r = node({QStringLiteral("mark"), QStringLiteral("set"), QStringLiteral("--lesson"), kLesson1,
                  QStringLiteral("--pupil"), QStringLiteral("p01"), QStringLiteral("--value"), QStringLiteral("6")});
        EXPECT_EXIT(r, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--value")), qPrintable(r.err));

        r = node({QStringLiteral("lesson"), QStringLiteral("add"), QStringLiteral("--lesson"), kLesson1,
                  QStringLiteral("--topic"), QStringLiteral("Дроби"), QStringLiteral("--due"),
                  QStringLiteral("31.02.2026")});
        EXPECT_EXIT(r, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--due")) && r.err.contains(QStringLiteral("YYYY-MM-DD")),
                 qPrintable(r.err));

        r = node({QStringLiteral("attend"), QStringLiteral("--lesson"), kLesson1, QStringLiteral("--pupil"),
                  QStringLiteral("p01")});
        EXPECT_EXIT(r, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--absent")), qPrintable(r.err));

        r = node({QStringLiteral("mark")});
        EXPECT_EXIT(r, 2);
        r = node({});
        EXPECT_EXIT(r, 2);
        r = node({QStringLiteral("status"), QStringLiteral("--passphrase-file"), path(QStringLiteral("nope.txt"))});
        EXPECT_EXIT(r, 2);
        QVERIFY2(r.err.contains(QStringLiteral("nope.txt")), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(m_store));
    }

    // No passphrase source at all and no terminal: exit 2 with the sources named. The child gets its own session,
    // so it has no controlling terminal even when the test runs in one.
    void noPassphraseWithoutTerminal() {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("TABEL_PASSPHRASE"));
        p.setProcessEnvironment(env);
        p.setChildProcessModifier([] { ::setsid(); });
        p.start(m_bin, {QStringLiteral("--store"), m_store, QStringLiteral("init"), QStringLiteral("--teacher"),
                        QStringLiteral("t01"), QStringLiteral("--name"), QStringLiteral("Петрова Анна Сергеевна")});
        QVERIFY(p.waitForFinished(60000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QVERIFY2(p.exitCode() == 2, qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("no passphrase given")) &&
                     err.contains(QStringLiteral("--passphrase-file")),
                 qPrintable(err));
        QVERIFY(!QFileInfo::exists(m_store));
    }

    // `status` on an empty folder: exit 7, and nothing is created there.
    void statusWithoutStore() {
        const QString empty = path(QStringLiteral("empty"));
        QVERIFY(QDir().mkpath(empty));
        const ProcessResult r = node({QStringLiteral("status")}, empty);
        EXPECT_EXIT(r, 7);
        QVERIFY2(r.err.contains(QStringLiteral("there is no store")) &&
                     r.err.contains(QStringLiteral("tabel-node init")),
                 qPrintable(r.err));
        QVERIFY(QDir(empty).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty());
    }

    void initAndStatus() {
        ProcessResult r =
            node({QStringLiteral("init"), QStringLiteral("--teacher"), QStringLiteral("t01"), QStringLiteral("--name"),
                  QStringLiteral("Петрова Анна Сергеевна"), QStringLiteral("--kdf"), QStringLiteral("interactive")});
        EXPECT_EXIT(r, 0);
        QVERIFY2(r.out.contains(m_store) && r.out.contains(QStringLiteral("fingerprint")), qPrintable(r.out));
        QVERIFY(QFileInfo::exists(m_store + QStringLiteral("/node.db")));
        QVERIFY(QFileInfo::exists(m_store + QStringLiteral("/node.key")));

        r = node({QStringLiteral("status")});
        EXPECT_EXIT(r, 0);
        QVERIFY2(r.out.contains(QStringLiteral("t01")) && r.out.contains(QStringLiteral("Петрова Анна Сергеевна")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("pending ops: ")) && r.out.contains(QStringLiteral("never")),
                 qPrintable(r.out));

        r = node({QStringLiteral("status"), QStringLiteral("--json")});
        EXPECT_EXIT(r, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("teacher_id")).toString(), QStringLiteral("t01"));
        QVERIFY(o.value(QStringLiteral("last_sync")).isNull());
        QVERIFY(!o.value(QStringLiteral("device_fingerprint")).toString().isEmpty());
        QVERIFY(o.value(QStringLiteral("schema_version")).toInt() > 0);

        // The passphrase can also come from a file (first line, CRLF stripped).
        const QString file = tabel::test::writeFile(path(QStringLiteral("pass.txt")),
                                                    (m_passphrase + QStringLiteral("\r\nignored\n")).toUtf8());
        QProcessEnvironment env;
        env.insert(QStringLiteral("TABEL_PASSPHRASE"), QStringLiteral("not this one"));
        r = tabel::test::run(
            m_bin,
            {QStringLiteral("status"), QStringLiteral("--store"), m_store, QStringLiteral("--passphrase-file"), file},
            env);
        EXPECT_EXIT(r, 0);
    }

    void initOverExistingStore() {
        const QStringList before = snapshot(m_store);
        const ProcessResult r =
            node({QStringLiteral("init"), QStringLiteral("--teacher"), QStringLiteral("t09"), QStringLiteral("--name"),
                  QStringLiteral("Другой Учитель"), QStringLiteral("--kdf"), QStringLiteral("interactive")});
        EXPECT_EXIT(r, 9);
        QVERIFY2(r.err.contains(QStringLiteral("already exists")), qPrintable(r.err));
        QCOMPARE(snapshot(m_store), before);
    }

    void wrongPassphrase() {
        const QStringList before = snapshot(m_store);
        QVERIFY(!before.isEmpty());
        QTest::qWait(20); // a write would show in the modification times
        const QString right = m_passphrase;
        m_passphrase = QStringLiteral("неверный пароль");
        const ProcessResult r = node({QStringLiteral("journal"), QStringLiteral("--class"), QStringLiteral("7А"),
                                      QStringLiteral("--subject"), QStringLiteral("math")});
        m_passphrase = right;
        EXPECT_EXIT(r, 3);
        QVERIFY2(r.err.contains(QStringLiteral("passphrase")), qPrintable(r.err));
        QCOMPARE(snapshot(m_store), before);
    }

    // A bad line imports nothing: exit 5 with file, line and column; the journal stays empty.
    void malformedRoster() {
        const ProcessResult r =
            node({QStringLiteral("import"), QStringLiteral("roster"), path(QStringLiteral("roster-bad.csv"))});
        EXPECT_EXIT(r, 5);
        QVERIFY2(r.err.contains(QStringLiteral("roster-bad.csv")) && r.err.contains(QStringLiteral("line 3")) &&
                     r.err.contains(QStringLiteral("column 3")),
                 qPrintable(r.err));

        const ProcessResult j = node({QStringLiteral("journal"), QStringLiteral("--class"), QStringLiteral("7А"),
                                      QStringLiteral("--subject"), QStringLiteral("math"), QStringLiteral("--from"),
                                      QStringLiteral("2026-09-01"), QStringLiteral("--to"),
                                      QStringLiteral("2026-09-30"), QStringLiteral("--json")});
        EXPECT_EXIT(j, 0);
        const QJsonObject o = QJsonDocument::fromJson(j.out.toUtf8()).object();
        QVERIFY2(o.contains(QStringLiteral("pupils")), qPrintable(j.out));
        QVERIFY(o.value(QStringLiteral("pupils")).toArray().isEmpty());

        // A missing input file is a usage error naming it.
        const ProcessResult missing =
            node({QStringLiteral("import"), QStringLiteral("roster"), path(QStringLiteral("nope.csv"))});
        EXPECT_EXIT(missing, 2);
        QVERIFY(missing.err.contains(QStringLiteral("nope.csv")));
        const ProcessResult kind =
            node({QStringLiteral("import"), QStringLiteral("pupils"), path(QStringLiteral("roster.csv"))});
        EXPECT_EXIT(kind, 2);
    }

    void importReferenceData() {
        ProcessResult r =
            node({QStringLiteral("import"), QStringLiteral("roster"), path(QStringLiteral("roster.csv"))});
        EXPECT_EXIT(r, 0);
        QVERIFY2(r.out.contains(QStringLiteral("Imported 4 rows")), qPrintable(r.out));
        r = node({QStringLiteral("import"), QStringLiteral("timetable"), path(QStringLiteral("timetable.csv"))});
        EXPECT_EXIT(r, 0);
        QVERIFY2(r.out.contains(QStringLiteral("Imported 6 rows")), qPrintable(r.out));
        r = node({QStringLiteral("import"), QStringLiteral("calendar"), path(QStringLiteral("calendar.csv"))});
        EXPECT_EXIT(r, 0);
        QVERIFY2(r.out.contains(QStringLiteral("Imported 4 rows")), qPrintable(r.out));
    }

    void lessonsMarksAbsences() {
        const QString lesson = QStringLiteral("--lesson");
        EXPECT_EXIT(node({QStringLiteral("lesson"), QStringLiteral("add"), lesson, kLesson1, QStringLiteral("--topic"),
                          QStringLiteral("Обыкновенные дроби"), QStringLiteral("--homework"), kHomework,
                          QStringLiteral("--due"), QStringLiteral("09.09.2026"), QStringLiteral("--form"),
                          QStringLiteral("письменная работа")}),
                    0);
        EXPECT_EXIT(node({QStringLiteral("lesson"), QStringLiteral("add"), lesson, kLesson2, QStringLiteral("--topic"),
                          QStringLiteral("Десятичные дроби")}),
                    0);
        // The date may be typed the Russian way inside the lesson key too.
        EXPECT_EXIT(
            node({QStringLiteral("lesson"), QStringLiteral("add"), lesson, QStringLiteral("7А/math/all/09.09.2026/3"),
                  QStringLiteral("--topic"), QStringLiteral("Сложение дробей"), QStringLiteral("--distance")}),
            0);

        const auto mark = [&](const QString& l, const QString& pupil, const QString& value,
                              const QStringList& extra = {}) {
            return node(QStringList{QStringLiteral("mark"), QStringLiteral("set"), lesson, l, QStringLiteral("--pupil"),
                                    pupil, QStringLiteral("--value"), value} +
                        extra);
        };
        const auto absent = [&](const QString& l, const QString& pupil, const QString& reason,
                                const QStringList& extra = {}) {
            return node(QStringList{QStringLiteral("attend"), lesson, l, QStringLiteral("--pupil"), pupil,
                                    QStringLiteral("--absent"), reason} +
                        extra);
        };
        EXPECT_EXIT(mark(kLesson1, QStringLiteral("p01"), QStringLiteral("5")), 0);
        EXPECT_EXIT(mark(kLesson1, QStringLiteral("p01"), QStringLiteral("4"),
                         {QStringLiteral("--column"), QStringLiteral("2")}),
                    0);
        EXPECT_EXIT(mark(kLesson1, QStringLiteral("p02"), QStringLiteral("3")), 0);
        EXPECT_EXIT(absent(kLesson2, QStringLiteral("p03"), QStringLiteral("Б"),
                           {QStringLiteral("--cert-no"), QStringLiteral("17"), QStringLiteral("--cert-date"),
                            QStringLiteral("2026-09-12")}),
                    0);
        EXPECT_EXIT(mark(kLesson2, QStringLiteral("p03"), QStringLiteral("5")), 0); // illness: a mark is allowed (3.5)
        EXPECT_EXIT(absent(kLesson2, QStringLiteral("p04"), QStringLiteral("НП")), 0);
        EXPECT_EXIT(absent(kLesson3, QStringLiteral("p02"), QStringLiteral("УП")), 0);
        EXPECT_EXIT(mark(kLesson3, QStringLiteral("p04"), QStringLiteral("зач")), 0);

        // A mark that is removed again, and one that was never there.
        EXPECT_EXIT(mark(kLesson3, QStringLiteral("p01"), QStringLiteral("2")), 0);
        EXPECT_EXIT(node({QStringLiteral("mark"), QStringLiteral("remove"), lesson, kLesson3, QStringLiteral("--pupil"),
                          QStringLiteral("p01")}),
                    0);
        EXPECT_EXIT(node({QStringLiteral("mark"), QStringLiteral("remove"), lesson, kLesson3, QStringLiteral("--pupil"),
                          QStringLiteral("p01")}),
                    7);

        // Present after all: the absence goes, then it is recorded again.
        EXPECT_EXIT(node({QStringLiteral("attend"), lesson, kLesson3, QStringLiteral("--pupil"), QStringLiteral("p02"),
                          QStringLiteral("--present")}),
                    0);
        EXPECT_EXIT(absent(kLesson3, QStringLiteral("p02"), QStringLiteral("УП")), 0);

        const ProcessResult show = node({QStringLiteral("lesson"), QStringLiteral("show"), lesson, kLesson1});
        EXPECT_EXIT(show, 0);
        QVERIFY2(show.out.contains(kHomework) && show.out.contains(QStringLiteral("5/4")), qPrintable(show.out));
        EXPECT_EXIT(node({QStringLiteral("lesson"), QStringLiteral("show"), lesson,
                          QStringLiteral("7А/math/all/2026-09-08/1")}),
                    7);
    }

    // R-J3 (3.5): no mark for a pupil absent without illness, and no such absence for a pupil with a mark.
    void rule35() {
        ProcessResult r =
            node({QStringLiteral("mark"), QStringLiteral("set"), QStringLiteral("--lesson"), kLesson2,
                  QStringLiteral("--pupil"), QStringLiteral("p04"), QStringLiteral("--value"), QStringLiteral("4")});
        EXPECT_EXIT(r, 6);
        QVERIFY2(r.err.contains(QStringLiteral("3.5")), qPrintable(r.err));
        QVERIFY2(r.err.startsWith(QStringLiteral("tabel-node: 3.5")), qPrintable(r.err));

        r = node({QStringLiteral("attend"), QStringLiteral("--lesson"), kLesson1, QStringLiteral("--pupil"),
                  QStringLiteral("p01"), QStringLiteral("--absent"), QStringLiteral("НП")});
        EXPECT_EXIT(r, 6);
        QVERIFY2(r.err.contains(QStringLiteral("3.5")), qPrintable(r.err));
    }

    void journalViews() {
        const QStringList range{QStringLiteral("--from"), QStringLiteral("01.09.2026"), QStringLiteral("--to"),
                                QStringLiteral("2026-09-30")};
        ProcessResult r =
            node(QStringList{QStringLiteral("journal"), QStringLiteral("--class"), QStringLiteral("7А"),
                             QStringLiteral("--subject"), QStringLiteral("math"), QStringLiteral("--json")} +
                 range);
        EXPECT_EXIT(r, 0);
        QJsonParseError perr;
        const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8(), &perr).object();
        QVERIFY2(perr.error == QJsonParseError::NoError, qPrintable(r.out));
        QCOMPARE(doc.value(QStringLiteral("class")).toString(), QStringLiteral("7А"));
        QCOMPARE(doc.value(QStringLiteral("subject")).toString(), QStringLiteral("math"));
        QCOMPARE(doc.value(QStringLiteral("from")).toString(), QStringLiteral("2026-09-01"));
        QCOMPARE(doc.value(QStringLiteral("to")).toString(), QStringLiteral("2026-09-30"));
        const QJsonArray lessons = doc.value(QStringLiteral("lessons")).toArray();
        QCOMPARE(lessons.size(), 3);
        QCOMPARE(lessons[0].toObject().value(QStringLiteral("key")).toString(), kLesson1);
        QCOMPARE(lessons[0].toObject().value(QStringLiteral("homework")).toString(), kHomework);
        QCOMPARE(lessons[0].toObject().value(QStringLiteral("due")).toString(), QStringLiteral("2026-09-09"));
        QCOMPARE(lessons[2].toObject().value(QStringLiteral("distance")).toBool(), true);
        QVERIFY(lessons[1].toObject().value(QStringLiteral("due")).isNull());

        QHash<QString, QJsonObject> pupils;
        for (const QJsonValue& v : doc.value(QStringLiteral("pupils")).toArray())
            pupils.insert(v.toObject().value(QStringLiteral("id")).toString(), v.toObject());
        QCOMPARE(pupils.size(), 4);
        const auto cell = [&](const QString& pupil, int column) {
            return pupils.value(pupil).value(QStringLiteral("cells")).toArray().at(column).toObject();
        };
        QCOMPARE(cell(QStringLiteral("p01"), 0).value(QStringLiteral("marks")).toArray(),
                 QJsonArray({QStringLiteral("5"), QStringLiteral("4")}));
        QCOMPARE(cell(QStringLiteral("p01"), 0).value(QStringLiteral("lesson")).toString(), kLesson1);
        QVERIFY(cell(QStringLiteral("p01"), 0).value(QStringLiteral("absence")).isNull());
        QCOMPARE(cell(QStringLiteral("p03"), 1)
                     .value(QStringLiteral("absence"))
                     .toObject()
                     .value(QStringLiteral("reason"))
                     .toString(),
                 QStringLiteral("Б"));
        QCOMPARE(cell(QStringLiteral("p03"), 1)
                     .value(QStringLiteral("absence"))
                     .toObject()
                     .value(QStringLiteral("cert_no"))
                     .toString(),
                 QStringLiteral("17"));
        QCOMPARE(cell(QStringLiteral("p03"), 1).value(QStringLiteral("marks")).toArray(),
                 QJsonArray({QStringLiteral("5")}));
        QCOMPARE(cell(QStringLiteral("p04"), 1)
                     .value(QStringLiteral("absence"))
                     .toObject()
                     .value(QStringLiteral("reason"))
                     .toString(),
                 QStringLiteral("НП"));
        QCOMPARE(cell(QStringLiteral("p02"), 2)
                     .value(QStringLiteral("absence"))
                     .toObject()
                     .value(QStringLiteral("reason"))
                     .toString(),
                 QStringLiteral("УП"));
        QCOMPARE(pupils.value(QStringLiteral("p01")).value(QStringLiteral("average")).toString(),
                 QStringLiteral("4.50"));
        QCOMPARE(pupils.value(QStringLiteral("p03")).value(QStringLiteral("name")).toString(),
                 QStringLiteral("Кузнецов-Оболенский Александр Владимирович"));

        // The terminal grid: every line has the same visible width, Cyrillic or not.
        r = node(QStringList{QStringLiteral("journal"), QStringLiteral("--class"), QStringLiteral("7А"),
                             QStringLiteral("--subject"), QStringLiteral("math")} +
                 range);
        EXPECT_EXIT(r, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("Journal: 7А, Математика")), qPrintable(r.out));
        const QStringList grid = gridLines(r.out);
        QCOMPARE(grid.size(), 2 + 4); // header, rule, four pupils
        for (const QString& line : grid)
            QVERIFY2(line.size() == grid.first().size(), qPrintable(grid.join(u'\n')));
        const QString all = grid.join(u'\n');
        for (const QString& expected :
             {QStringLiteral("Иванов И. П."), QStringLiteral("Кузнецов-Оболенский А. В."), QStringLiteral("Ли Я."),
              QStringLiteral("07.09"), QStringLiteral("09.09/2"), QStringLiteral("09.09/3"), QStringLiteral("5/4"),
              QStringLiteral("Н(Б) 5"), QStringLiteral("Н(УП)"), QStringLiteral("avg"), QStringLiteral("4.50")})
            QVERIFY2(all.contains(expected), qPrintable(expected + u'\n' + all));
        QVERIFY2(r.out.contains(QStringLiteral("07.09 — Обыкновенные дроби; homework: ") + kHomework +
                                QStringLiteral(" (due 09.09)")),
                 qPrintable(r.out));
        // Marks of p04's row: absent without reason shows «Н» alone.
        for (const QString& line : grid)
            if (line.contains(QStringLiteral("Ли Я.")))
                QVERIFY2(line.contains(QStringLiteral(" Н ")), qPrintable(line));

        // One pupil's results (R-J12).
        r = node(QStringList{QStringLiteral("journal"), QStringLiteral("--pupil"), QStringLiteral("p03"),
                             QStringLiteral("--json")} +
                 range);
        EXPECT_EXIT(r, 0);
        const QJsonObject pupil = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(pupil.value(QStringLiteral("pupil")).toObject().value(QStringLiteral("id")).toString(),
                 QStringLiteral("p03"));
        QCOMPARE(pupil.value(QStringLiteral("lines")).toArray().size(), 1);
        r = node(QStringList{QStringLiteral("journal"), QStringLiteral("--pupil"), QStringLiteral("p03")} + range);
        EXPECT_EXIT(r, 0);
        QVERIFY2(r.out.contains(QStringLiteral("Десятичные дроби")), qPrintable(r.out));

        // Either a class or a pupil.
        EXPECT_EXIT(node({QStringLiteral("journal"), QStringLiteral("--class"), QStringLiteral("7А"),
                          QStringLiteral("--pupil"), QStringLiteral("p01")}),
                    2);
    }

    // R-J7 (4.4): self-study is graded only 5, 4, 3 or зач; R-J8: submissions deduplicated, the overdue report.
    void tasksAndSubmissions() {
        ProcessResult r = node({QStringLiteral("task"),      QStringLiteral("add"),
                                QStringLiteral("--class"),   QStringLiteral("7А"),
                                QStringLiteral("--subject"), QStringLiteral("math"),
                                QStringLiteral("--id"),      QStringLiteral("ss1"),
                                QStringLiteral("--kind"),    QStringLiteral("selfstudy"),
                                QStringLiteral("--title"),   QStringLiteral("Дроби: самостоятельная работа"),
                                QStringLiteral("--lesson"),  kLesson2,
                                QStringLiteral("--issued"),  QStringLiteral("2026-09-09"),
                                QStringLiteral("--due"),     QStringLiteral("2026-09-16"),
                                QStringLiteral("--form"),    QStringLiteral("самостоятельная работа")});
        EXPECT_EXIT(r, 0);
        r = node({QStringLiteral("task"), QStringLiteral("list")});
        EXPECT_EXIT(r, 0);
        QVERIFY2(r.out.contains(QStringLiteral("7А/math/all/ss1")), qPrintable(r.out));

        r = node({QStringLiteral("mark"), QStringLiteral("set"), QStringLiteral("--lesson"), kLesson2,
                  QStringLiteral("--pupil"), QStringLiteral("p01"), QStringLiteral("--value"), QStringLiteral("2"),
                  QStringLiteral("--work"), QStringLiteral("selfstudy")});
        EXPECT_EXIT(r, 6);
        QVERIFY2(r.err.contains(QStringLiteral("4.4")), qPrintable(r.err));

        const QString work1 = tabel::test::writeFile(path(QStringLiteral("Иванов-работа.txt")),
                                                     QStringLiteral("Решение: 1/2 + 1/3 = 5/6").toUtf8());
        const QString work2 = tabel::test::writeFile(path(QStringLiteral("smirnova.txt")),
                                                     QStringLiteral("Решение: 3/4 − 1/4 = 1/2").toUtf8());
        const auto import = [&](const QString& pupil, const QString& file, const QString& received) {
            return node({QStringLiteral("submission"), QStringLiteral("import"), QStringLiteral("--task"),
                         QStringLiteral("7А/math/all/ss1"), QStringLiteral("--pupil"), pupil, QStringLiteral("--file"),
                         file, QStringLiteral("--received"), received});
        };
        r = import(QStringLiteral("p01"), work1, QStringLiteral("2026-09-10T10:00"));
        EXPECT_EXIT(r, 0);
        for (const QString& line : r.out.split(u'\n'))
            if (line.startsWith(QStringLiteral("submission: ")))
                m_submissionKey = line.mid(12).trimmed();
        QVERIFY2(m_submissionKey.startsWith(QStringLiteral("7А/math/all/ss1/p01/")), qPrintable(r.out));
        QVERIFY2(!r.out.contains(QStringLiteral("already stored")), qPrintable(r.out));

        r = import(QStringLiteral("p01"), work1, QStringLiteral("2026-09-11T09:30"));
        EXPECT_EXIT(r, 0);
        QVERIFY2(r.out.contains(m_submissionKey) && r.out.contains(QStringLiteral("already stored")),
                 qPrintable(r.out));

        r = import(QStringLiteral("p02"), work2, QStringLiteral("2026-09-20T12:00"));
        EXPECT_EXIT(r, 0);

        r = node({QStringLiteral("submission"), QStringLiteral("list")});
        EXPECT_EXIT(r, 0);
        QCOMPARE(r.out.count(QStringLiteral("7А/math/all/ss1/p01/")), 1);
        QCOMPARE(r.out.count(QStringLiteral("7А/math/all/ss1/p02/")), 1);

        // Received 12 and 2 days before 22.09: only the first is overdue.
        r = node({QStringLiteral("submission"), QStringLiteral("overdue"), QStringLiteral("--today"),
                  QStringLiteral("2026-09-22")});
        EXPECT_EXIT(r, 0);
        QVERIFY2(r.out.contains(m_submissionKey), qPrintable(r.out));
        QVERIFY2(!r.out.contains(QStringLiteral("/p02/")), qPrintable(r.out));

        r = node({QStringLiteral("submission"), QStringLiteral("grade"), QStringLiteral("--id"), m_submissionKey,
                  QStringLiteral("--value"), QStringLiteral("2")});
        EXPECT_EXIT(r, 6);
        QVERIFY2(r.err.contains(QStringLiteral("4.4")), qPrintable(r.err));

        r = node({QStringLiteral("submission"), QStringLiteral("grade"), QStringLiteral("--id"), m_submissionKey,
                  QStringLiteral("--value"), QStringLiteral("4")});
        EXPECT_EXIT(r, 0);
        r = node({QStringLiteral("submission"), QStringLiteral("overdue"), QStringLiteral("--today"),
                  QStringLiteral("2026-09-22")});
        EXPECT_EXIT(r, 0);
        QVERIFY2(!r.out.contains(m_submissionKey), qPrintable(r.out));

        // The file comes back byte for byte; an existing output file is not overwritten.
        const QString out = path(QStringLiteral("exported.txt"));
        r = node({QStringLiteral("submission"), QStringLiteral("export"), QStringLiteral("--id"), m_submissionKey,
                  QStringLiteral("--out"), out});
        EXPECT_EXIT(r, 0);
        QFile exported(out);
        QVERIFY(exported.open(QIODevice::ReadOnly));
        QCOMPARE(exported.readAll(), QStringLiteral("Решение: 1/2 + 1/3 = 5/6").toUtf8());
        r = node({QStringLiteral("submission"), QStringLiteral("export"), QStringLiteral("--id"), m_submissionKey,
                  QStringLiteral("--out"), out});
        EXPECT_EXIT(r, 9);
        r = node({QStringLiteral("submission"), QStringLiteral("grade"), QStringLiteral("--id"),
                  QStringLiteral("7А/math/all/ss1/p01/000000000000"), QStringLiteral("--value"), QStringLiteral("5")});
        EXPECT_EXIT(r, 7);
    }

    // R-J9 (2.5.6), R-J13 (2.6.8), R-J10 (2.5.4), R-J6 (3.1).
    void periodMarksSubstitutionsKtp() {
        const QStringList pm{QStringLiteral("period-mark"), QStringLiteral("set"),       QStringLiteral("--class"),
                             QStringLiteral("7А"),          QStringLiteral("--subject"), QStringLiteral("math"),
                             QStringLiteral("--period"),    QStringLiteral("q1")};
        const QString inWindow = QStringLiteral("2026-10-22 12:00:00"), early = QStringLiteral("2026-10-01 12:00:00");
        ProcessResult r = nodeAt(inWindow, pm + QStringList{QStringLiteral("--pupil"), QStringLiteral("p01"),
                                                            QStringLiteral("--value"), QStringLiteral("5")});
        EXPECT_EXIT(r, 0);
        // What the teacher reads names the subject and the period, not their ids (issue 9 item 7).
        QVERIFY2(r.out.contains(QStringLiteral("Математика")) && !r.out.contains(QStringLiteral(" math")) &&
                     !r.out.contains(QStringLiteral(", q1")),
                 qPrintable(describe(r)));
        r = nodeAt(early, pm + QStringList{QStringLiteral("--pupil"), QStringLiteral("p02"), QStringLiteral("--value"),
                                           QStringLiteral("4")});
        EXPECT_EXIT(r, 6);
        QVERIFY2(r.err.contains(QStringLiteral("2.5.6")), qPrintable(r.err));
        // There is no option that sets the date of an entry (R-J9).
        EXPECT_EXIT(
            node(pm + QStringList{QStringLiteral("--pupil"), QStringLiteral("p02"), QStringLiteral("--value"),
                                  QStringLiteral("4"), QStringLiteral("--today"), QStringLiteral("2026-10-22")}),
            2);
        r = nodeAt(early, pm + QStringList{QStringLiteral("--pupil"), QStringLiteral("p02"), QStringLiteral("--value"),
                                           QStringLiteral("4"), QStringLiteral("--override-reason"),
                                           QStringLiteral("длительная болезнь, досрочная аттестация")});
        EXPECT_EXIT(r, 0);

        r = node({QStringLiteral("period-mark"), QStringLiteral("missing"), QStringLiteral("--class"),
                  QStringLiteral("7А"), QStringLiteral("--period"), QStringLiteral("q1")});
        EXPECT_EXIT(r, 0);
        QVERIFY2(r.out.contains(QStringLiteral("p03")) && r.out.contains(QStringLiteral("p04")), qPrintable(r.out));
        for (const QString& line : r.out.split(u'\n'))
            if (line.contains(QStringLiteral(" p01 ")))
                QVERIFY2(line.startsWith(QStringLiteral("eng")), qPrintable(r.out)); // p01 has the q1 math mark

        r = node({QStringLiteral("period-mark"), QStringLiteral("correct"), QStringLiteral("--class"),
                  QStringLiteral("7А"), QStringLiteral("--subject"), QStringLiteral("math"), QStringLiteral("--period"),
                  QStringLiteral("q1"), QStringLiteral("--pupil"), QStringLiteral("p01"), QStringLiteral("--value"),
                  QStringLiteral("4"), QStringLiteral("--explanation"), QStringLiteral("ошибка при выставлении"),
                  QStringLiteral("--approver"), QStringLiteral("Директор Орлова Е. В.")});
        EXPECT_EXIT(r, 0);
        QVERIFY2(r.out.contains(QStringLiteral("5 → 4")), qPrintable(r.out));

        r = node({QStringLiteral("substitution"), QStringLiteral("add"), QStringLiteral("--date"),
                  QStringLiteral("2026-09-10"), QStringLiteral("--slot"), QStringLiteral("1"),
                  QStringLiteral("--class"), QStringLiteral("7А"), QStringLiteral("--group"), QStringLiteral("all"),
                  QStringLiteral("--subject"), QStringLiteral("phys"), QStringLiteral("--absent"),
                  QStringLiteral("t02"), QStringLiteral("--substitute"), QStringLiteral("t01"),
                  QStringLiteral("--reason"), QStringLiteral("курсы повышения квалификации")});
        EXPECT_EXIT(r, 0);
        r = node({QStringLiteral("substitution"), QStringLiteral("list"), QStringLiteral("--from"),
                  QStringLiteral("2026-09-01"), QStringLiteral("--to"), QStringLiteral("2026-09-30")});
        EXPECT_EXIT(r, 0);
        QVERIFY2(r.out.contains(QStringLiteral("курсы повышения квалификации")) &&
                     r.out.contains(QStringLiteral("Соколов Игорь Павлович")),
                 qPrintable(r.out));
        // The substitute may now write that lesson (2.5.4).
        r = node({QStringLiteral("lesson"), QStringLiteral("add"), QStringLiteral("--lesson"),
                  QStringLiteral("7А/phys/all/2026-09-10/1"), QStringLiteral("--topic"), QStringLiteral("Плотность")});
        EXPECT_EXIT(r, 0);
        r = node({QStringLiteral("lesson"), QStringLiteral("add"), QStringLiteral("--lesson"),
                  QStringLiteral("7А/phys/all/2026-09-11/1"), QStringLiteral("--topic"), QStringLiteral("Плотность")});
        EXPECT_EXIT(r, 6);

        const QStringList ktp{QStringLiteral("--class"), QStringLiteral("7А"), QStringLiteral("--subject"),
                              QStringLiteral("math")};
        for (int n = 1; n <= 4; ++n) {
            r = node(QStringList{QStringLiteral("ktp"), QStringLiteral("add-topic")} + ktp +
                     QStringList{QStringLiteral("--number"), QString::number(n), QStringLiteral("--title"),
                                 QStringLiteral("Тема %1").arg(n), QStringLiteral("--hours"), QStringLiteral("2")});
            EXPECT_EXIT(r, 0);
        }
        r = node(QStringList{QStringLiteral("ktp"), QStringLiteral("correct")} + ktp +
                 QStringList{QStringLiteral("--date"), QStringLiteral("2026-11-20"), QStringLiteral("--topics"),
                             QStringLiteral("3,4"), QStringLiteral("--planned"), QStringLiteral("4"),
                             QStringLiteral("--actual"), QStringLiteral("0"), QStringLiteral("--reason"),
                             QStringLiteral("карантин"), QStringLiteral("--method"), QStringLiteral("next-year")});
        EXPECT_EXIT(r, 0);
        r = node(QStringList{QStringLiteral("ktp"), QStringLiteral("show")} + ktp);
        EXPECT_EXIT(r, 0);
        QVERIFY2(r.out.contains(QStringLiteral("карантин")) && r.out.contains(QStringLiteral("3. Тема 3")) &&
                     r.out.contains(QStringLiteral("4. Тема 4")),
                 qPrintable(r.out));
    }

    // Issue 11 item 3 (2.5.10): the teacher prints her journal and КТП offline; each print is numbered in this
    // computer's register, which verifies the file and refuses an altered copy; bad output leaves no file.
    void printOffline() {
        const QString journal = m_tmp.filePath(QStringLiteral("journal-7А-math.pdf"));
        ProcessResult r = node({QStringLiteral("print"), QStringLiteral("journal"), QStringLiteral("--class"),
                                QStringLiteral("7А"), QStringLiteral("--subject"), QStringLiteral("math"),
                                QStringLiteral("--from"), QStringLiteral("2026-09-01"), QStringLiteral("--to"),
                                QStringLiteral("2026-12-31"), QStringLiteral("--out"), journal});
        EXPECT_EXIT(r, 0);
        QVERIFY2(r.out.contains(QStringLiteral("print number 1 of this computer")), qPrintable(describe(r)));
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        const ProcessResult text = tabel::test::run(QStringLiteral("pdftotext"), {journal, QStringLiteral("-")});
        const QString flow = text.out.simplified();
        for (const char* part :
             {"ЖУРНАЛ УЧЁТА УСПЕВАЕМОСТИ", "Математика, класс 7А, весь класс; с 01.09.2026 по 31.12.2026",
              "(компьютер учителя", "Учитель", "Страница 1 из"})
            QVERIFY2(flow.contains(QString::fromUtf8(part)), qPrintable(QString::fromUtf8(part) + u'\n' + flow));

        const QString ktp = m_tmp.filePath(QStringLiteral("ktp-7А-math.html"));
        r = node({QStringLiteral("print"), QStringLiteral("ktp"), QStringLiteral("--class"), QStringLiteral("7А"),
                  QStringLiteral("--subject"), QStringLiteral("math"), QStringLiteral("--out"), ktp});
        EXPECT_EXIT(r, 0);
        QFile html(ktp);
        QVERIFY(html.open(QIODevice::ReadOnly));
        const QString page = QString::fromUtf8(html.readAll());
        for (const char* part : {"КАЛЕНДАРНО-ТЕМАТИЧЕСКОЕ ПЛАНИРОВАНИЕ", "Тема 3", "Лист корректировки КТП", "карантин",
                                 "перенос на следующий учебный год", "Рег. № 2"})
            QVERIFY2(page.contains(QString::fromUtf8(part)), part);

        r = node({QStringLiteral("prints"), QStringLiteral("list"), QStringLiteral("--json")});
        EXPECT_EXIT(r, 0);
        const QJsonArray all = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(all.size(), 2);
        QFile pdf(journal);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QByteArray bytes = pdf.readAll();
        QCOMPARE(all[0].toObject().value(QStringLiteral("sha256")).toString(),
                 QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(all[0].toObject().value(QStringLiteral("form")).toString(), QStringLiteral("journal"));
        QCOMPARE(all[1].toObject().value(QStringLiteral("form")).toString(), QStringLiteral("ktp"));
        EXPECT_EXIT(node({QStringLiteral("prints"), QStringLiteral("verify"), journal}), 0);
        bytes[bytes.size() / 3] = char(bytes[bytes.size() / 3] ^ 0x20);
        const QString altered = tabel::test::writeFile(m_tmp.filePath(QStringLiteral("altered.pdf")), bytes);
        r = node({QStringLiteral("prints"), QStringLiteral("verify"), altered});
        EXPECT_EXIT(r, 7);
        QVERIFY2(r.err.contains(QStringLiteral("is not a print registered on this computer")), qPrintable(r.err));

        r = node({QStringLiteral("print"), QStringLiteral("ktp"), QStringLiteral("--class"), QStringLiteral("7А"),
                  QStringLiteral("--subject"), QStringLiteral("math"), QStringLiteral("--out"),
                  m_tmp.filePath(QStringLiteral("ktp.xlsx"))});
        EXPECT_EXIT(r, 2); // the КТП has no Excel form
        QVERIFY2(r.err.contains(QStringLiteral("must end in .pdf or .html")), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(m_tmp.filePath(QStringLiteral("ktp.xlsx"))));
        r = node({QStringLiteral("print"), QStringLiteral("journal"), QStringLiteral("--class"), QStringLiteral("7А"),
                  QStringLiteral("--subject"), QStringLiteral("math"), QStringLiteral("--from"),
                  QStringLiteral("2027-06-01"), QStringLiteral("--to"), QStringLiteral("2027-06-30"),
                  QStringLiteral("--out"), m_tmp.filePath(QStringLiteral("empty.pdf"))});
        EXPECT_EXIT(r, 7);
        QVERIFY(!QFileInfo::exists(m_tmp.filePath(QStringLiteral("empty.pdf"))));
        r = node({QStringLiteral("prints"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).array().size(), 2); // nothing registered by the failures
    }

    void passphraseChange() {
        const QString newPass = QStringLiteral("новая фраза для журнала");
        const QString file = tabel::test::writeFile(path(QStringLiteral("new-pass.txt")), (newPass + u'\n').toUtf8());
        ProcessResult r = node({QStringLiteral("passwd"), QStringLiteral("--new-passphrase-file"), file,
                                QStringLiteral("--kdf"), QStringLiteral("interactive")});
        EXPECT_EXIT(r, 0);
        r = node({QStringLiteral("status")});
        EXPECT_EXIT(r, 3);
        m_passphrase = newPass;
        r = node({QStringLiteral("status")});
        EXPECT_EXIT(r, 0);
        // Through the environment as well.
        QProcessEnvironment env;
        env.insert(QStringLiteral("TABEL_NEW_PASSPHRASE"), QStringLiteral("и ещё одна фраза"));
        env.insert(QStringLiteral("TABEL_PASSPHRASE"), m_passphrase);
        r = tabel::test::run(m_bin,
                             {QStringLiteral("--store"), m_store, QStringLiteral("passwd"), QStringLiteral("--kdf"),
                              QStringLiteral("interactive")},
                             env);
        EXPECT_EXIT(r, 0);
        m_passphrase = QStringLiteral("и ещё одна фраза");
        r = node({QStringLiteral("journal"), QStringLiteral("--class"), QStringLiteral("7А"),
                  QStringLiteral("--subject"), QStringLiteral("math"), QStringLiteral("--from"),
                  QStringLiteral("2026-09-01"), QStringLiteral("--to"), QStringLiteral("2026-09-30"),
                  QStringLiteral("--json")});
        EXPECT_EXIT(r, 0);
        QVERIFY(r.out.contains(kHomework));
    }

    // R-S2: nothing on disk shows a pupil's name or a homework text.
    void noPlaintextOnDisk() {
        for (const QString& f : {QStringLiteral("node.db"), QStringLiteral("node.key")})
            QVERIFY2(QFileInfo::exists(m_store + u'/' + f), qPrintable(f));
        for (const QString& needle : {kSurname1, kSurname3, QStringLiteral("Смирнова"), kHomework,
                                      QStringLiteral("решить уравнения"), QStringLiteral("Решение: 1/2")})
            QVERIFY2(
                tabel::test::filesContaining(m_store, needle).isEmpty(),
                qPrintable(needle + QStringLiteral(": ") + tabel::test::filesContaining(m_store, needle).join(u' ')));
    }

    // A damaged store file: exit 4 with a message that says so; never a crash.
    void damagedStore() {
        ProcessResult r = node({QStringLiteral("check")});
        EXPECT_EXIT(r, 0);
        QVERIFY2(r.out.contains(QStringLiteral("store is intact")), qPrintable(r.out));

        const QString db = m_store + QStringLiteral("/node.db");
        QFile f(db);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const qint64 middle = f.size() / 2;
        QVERIFY(f.seek(middle));
        char byte = 0;
        QVERIFY(f.getChar(&byte));
        QVERIFY(f.seek(middle));
        QVERIFY(f.putChar(char(byte ^ 0x5a)));
        f.close();

        r = node({QStringLiteral("check")});
        EXPECT_EXIT(r, 4);
        QVERIFY2(r.err.contains(QStringLiteral("damaged")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestNodeCli)
#include "test_node_cli.moc"
