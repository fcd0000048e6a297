// Schema 1 → 2 (and on to 3) of the hub store (issue 8, item 8): tests/fixtures/hub-v1 was made by the schema-1
// binaries' own commands (tests/fixtures/hub-v1/make.sh): the calendar, a roster of 7А and 8Б in one change set, two
// devices of 7А's teacher in conflict on a mark, period q1 closed, one amendment request accepted and one waiting, the
// history in git. The real tabel-hub opens a copy and migrates it once, in one transaction; SIGKILL during the
// migration leaves a store that opens and migrates later.
#include "hub/history/history.h"
#include "hub/store/hub_store.h"
#include "shared/crypto/secret.h"
#include "tests/support/test_support.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>

using namespace tabel;
using tabel::test::ProcessResult;

namespace {

QString fixture() {
    return test::sourceDir() + QStringLiteral("/tests/fixtures/hub-v1");
}

bool copyFixture(const QString& to) {
    if (!QDir().mkpath(to))
        return false;
    for (const char* f : {"hub.db", "hub.key"})
        if (!QFile::copy(fixture() + u'/' + QLatin1String(f), to + u'/' + QLatin1String(f)))
            return false;
    return true;
}

} // namespace

class TestHubMigration : public QObject {
    Q_OBJECT
    QString m_hubBin;

    ProcessResult hub(const QString& store, const QStringList& args) {
        return test::run(m_hubBin, QStringList{QStringLiteral("--store"), store} + args);
    }

    // What the schema-1 store held, read through the schema-2 store.
    void expectFixtureIntact(hub::HubStore& store) {
        QCOMPARE(*store.database().queryInt("PRAGMA user_version"), 3); // through schema 2
        // The conflict of the two devices, with the same stable id as schema 1 listed it.
        auto conflicts = store.conflicts();
        QVERIFY(conflicts);
        QCOMPARE(conflicts->size(), 1);
        QCOMPARE(conflicts->first().id, QStringLiteral("c87a9744143"));
        QCOMPARE(conflicts->first().classId, QStringLiteral("7А"));
        QCOMPARE(conflicts->first().heads.size(), 2);
        // The amendment requests: one accepted (merged), one waiting.
        auto amendments = store.amendments(true);
        QVERIFY(amendments);
        QCOMPARE(amendments->size(), 2);
        QCOMPARE(amendments->at(0).state, hub::AmendmentState::Accepted);
        QCOMPARE(amendments->at(1).state, hub::AmendmentState::Held);
        // The merged state: the accepted amendment's mark, both classes' pupils.
        QCOMPARE(store.state().visibleValue(QStringLiteral("mark/7А/math/all/2026-09-01/2/7a-01/1"),
                                            QStringLiteral("value")),
                 domain::FieldValue(QStringLiteral("4")));
        QCOMPARE(store.state().visibleValue(QStringLiteral("pupil/8b-01"), QStringLiteral("class")),
                 domain::FieldValue(QStringLiteral("8Б")));
        // The registers are what a replay of the log gives, and check finds nothing.
        auto registers = store.allRegisters();
        QVERIFY(registers);
        QVERIFY(!registers->registers().empty());
        QVERIFY(store.replayLog().value() == *registers);
        auto report = store.check();
        QVERIFY(report);
        QVERIFY2(report->problems.isEmpty(), qPrintable(report->problems.join(u'\n')));
        QCOMPARE(report->registers, std::int64_t(registers->registers().size()));
        // The history in git: every commit of schema 1 is still read.
        auto changes = hub::History::changes(store.database(), {});
        QVERIFY(changes);
        QVERIFY(changes->size() >= 5);
    }

private slots:
    void initTestCase() {
        QVERIFY(crypto::initialize());
        m_hubBin = test::binaryFromEnv("TABEL_HUB_BIN");
        QVERIFY(QFile::exists(fixture() + QStringLiteral("/hub.db")));
    }

    void fixtureMigratesOnce() {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("hub"));
        QVERIFY(copyFixture(dir));
        // The operator's first command on the new version migrates the store and answers from it.
        const ProcessResult list = hub(dir, {QStringLiteral("conflicts"), QStringLiteral("list")});
        EXPECT_EXIT(list, 0);
        QVERIFY2(list.out.contains(QStringLiteral("c87a9744143")), qPrintable(test::describe(list)));
        const ProcessResult check = hub(dir, {QStringLiteral("check")});
        EXPECT_EXIT(check, 0);
        auto store = hub::HubStore::open(dir);
        QVERIFY2(store, store ? "" : qPrintable(store.error().message));
        expectFixtureIntact(*store);
        // The schema-1 roster spanned 7А and 8Б: the index names it under both units, so that each class's
        // nodes still receive their pupils (sync/unit.h; new imports are one set per class).
        auto units = store->database().queryInt(
            "SELECT count(DISTINCT class) FROM log_scopes WHERE hub_seq = 2 AND class IN ('7А', '8Б')");
        QVERIFY(units);
        QCOMPARE(*units, std::int64_t(2));
    }

    // A kill -9 at any moment of the migration: the store is either still schema 1 (and migrates at the next
    // open) or wholly schema 2; never half.
    void killDuringMigration() {
        QTemporaryDir tmp;
        QRandomGenerator rng(20261204);
        int killedBefore = 0, killedAfter = 0;
        for (int round = 0; round < 16; ++round) {
            const QString dir = tmp.filePath(QStringLiteral("hub%1").arg(round));
            QVERIFY(copyFixture(dir));
            QProcess p;
            p.start(m_hubBin, {QStringLiteral("--store"), dir, QStringLiteral("check")});
            QVERIFY(p.waitForStarted());
            QThread::usleep(rng.bounded(90000)); // the whole command takes about 80 ms here
            ::kill(pid_t(p.processId()), SIGKILL);
            p.waitForFinished();
            auto store = hub::HubStore::open(dir);
            QVERIFY2(store, store ? "" : qPrintable(store.error().message));
            expectFixtureIntact(*store);
            (p.exitStatus() == QProcess::CrashExit ? killedBefore : killedAfter)++;
        }
        qInfo("16 rounds: %d killed, %d finished before the signal", killedBefore, killedAfter);
        QVERIFY(killedBefore > 0);
    }
};

QTEST_GUILESS_MAIN(TestHubMigration)
#include "test_hub_migration.moc"
