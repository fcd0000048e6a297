// R-S2 / §8 «crash at any point (kill -9) loses no acknowledged change and duplicates none»: tabel-node is
// killed with SIGKILL at seeded pseudo-random moments during long roster imports, many times. After every
// kill the store must open, pass PRAGMA integrity_check (tabel-node check), and every import must be either
// wholly there or wholly absent, with exactly its ops in exactly one signed change set.
//
// Repeatable: the seed is printed; TABEL_CRASH_SEED, TABEL_CRASH_ROUNDS and TABEL_CRASH_PUPILS override the
// defaults (a failing seed reproduces the same kill delays, give or take the machine's timing).
#include "node/store/node_store.h"
#include "shared/crypto/secret.h"
#include "tests/support/test_support.h"

#include <QElapsedTimer>
#include <QHash>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <set>

#include <signal.h>
#include <sys/types.h>

using namespace tabel;

namespace {

const QByteArray kPassphrase = "crash-test-passphrase";

int envInt(const char* name, int fallback) {
    bool ok = false;
    const int v = qEnvironmentVariable(name).toInt(&ok);
    return ok ? v : fallback;
}

QString roundTag(int round) {
    return QStringLiteral("r%1").arg(round, 2, 10, QLatin1Char('0'));
}

// A roster of `pupils` pupils whose ids all start with the round's tag ("r07-p0001"), Cyrillic names, and a
// subgroup each, so that one import writes pupils and group members in one change set.
QByteArray roster(int round, int pupils) {
    static const char* const kSurnames[] = {"Иванов", "Петрова", "Сидоров",  "Кузнецова", "Смирнов",
                                            "Попова", "Волков",  "Лебедева", "Соколов",   "Новикова"};
    static const char* const kNames[] = {"Алексей", "Мария", "Дмитрий", "Анна", "Сергей", "Ольга", "Иван", "Елена"};
    QByteArray out = "pupil_id,class,surname,name,patronymic,book_no,subgroups\n";
    out.reserve(pupils * 90);
    const QByteArray tag = roundTag(round).toLatin1();
    for (int i = 1; i <= pupils; ++i) {
        const QByteArray n = QByteArray::number(i).rightJustified(4, '0');
        out += tag + "-p" + n + ",7А," + kSurnames[(i + round) % 10] + "-" + n + "," + kNames[i % 8] + ",Петрович," +
               tag + "-" + n + ",eng:" + QByteArray::number(1 + i % 2) + "\n";
    }
    return out;
}

// What one round's import left in the store.
struct RoundState {
    int pupils = 0;                    // pupil entities with the round's id prefix
    int pupilOps = 0;                  // ops on those entities
    int memberOps = 0;                 // ops on their group-membership entities
    std::set<std::int64_t> changeSets; // seq of the change sets holding those ops
};

} // namespace

class TestCrash : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void killDuringImports();

private:
    tabel::test::ProcessResult cli(const QStringList& args);
    // Opens the store directly; counts what each round left; verifies the change sets recorded since last time.
    std::map<int, RoundState> inspect(std::int64_t* changeSetCount);
    void verifyNewChangeSets(node::NodeStore& store);

    QString m_bin;
    QTemporaryDir m_tmp;
    QString m_store;
    QProcessEnvironment m_env;
    std::int64_t m_verifiedSeq = 0;
};

tabel::test::ProcessResult TestCrash::cli(const QStringList& args) {
    return tabel::test::run(m_bin, QStringList{QStringLiteral("--store"), m_store} + args, m_env);
}

void TestCrash::initTestCase() {
    QVERIFY(crypto::initialize());
    m_bin = tabel::test::binaryFromEnv("TABEL_NODE_BIN");
    QVERIFY(m_tmp.isValid());
    m_store = m_tmp.filePath(QStringLiteral("store"));
    m_env.insert(QStringLiteral("TABEL_PASSPHRASE"), QString::fromUtf8(kPassphrase));
    const auto r =
        cli({QStringLiteral("init"), QStringLiteral("--teacher"), QStringLiteral("t-crash"), QStringLiteral("--name"),
             QStringLiteral("Крашева Анна Ивановна"), QStringLiteral("--kdf"), QStringLiteral("interactive")});
    QVERIFY2(r.exitCode == 0 && !r.crashed, qPrintable(r.err));
}

// Counts, per round, the pupils present and the ops of their change sets, reading the store directly.
std::map<int, RoundState> TestCrash::inspect(std::int64_t* changeSetCount) {
    std::map<int, RoundState> rounds;
    auto opened = node::NodeStore::open(
        m_store, crypto::SecretBytes::fromBytes(kPassphrase.constData(), std::size_t(kPassphrase.size())));
    if (!opened)
        qFatal("the store does not open after a kill: %s", qPrintable(opened.error().message));
    node::NodeStore& store = *opened;
    // "r07-p0001" → 7; anything else → -1.
    const auto roundOf = [](const QString& pupilId) {
        if (pupilId.size() < 4 || pupilId.at(0) != u'r' || pupilId.at(3) != u'-')
            return -1;
        bool ok = false;
        const int r = pupilId.mid(1, 2).toInt(&ok);
        return ok ? r : -1;
    };

    auto pupils = store.scan(QStringLiteral("pupil/"));
    if (!pupils)
        qFatal("scan: %s", qPrintable(pupils.error().message));
    for (const node::Entity& e : *pupils)
        if (const int r = roundOf(e.key.mid(6)); r >= 0)
            ++rounds[r].pupils;

    // The op log: every change set's ops, decoded from its stored signed bytes (schema v5 keeps no op rows).
    for (std::int64_t after = 0;;) {
        auto sets = store.changeSets(after, 200);
        if (!sets)
            qFatal("change sets: %s", qPrintable(sets.error().message));
        if (sets->isEmpty())
            break;
        for (const sync::ChangeSet& cs : std::as_const(*sets)) {
            after = cs.seq;
            for (const sync::Op& op : cs.ops) {
                const QString type = op.entity.section(u'/', 0, 0);
                const int r = roundOf(op.entity.section(u'/', -1));
                if (r < 0)
                    continue;
                RoundState& s = rounds[r];
                if (type == QLatin1String("pupil"))
                    ++s.pupilOps;
                else if (type == QLatin1String("member"))
                    ++s.memberOps;
                s.changeSets.insert(cs.seq);
            }
        }
    }
    db::Database& db = store.database();
    auto count = db.queryInt("SELECT count(*) FROM changesets");
    if (!count)
        qFatal("changesets: %s", qPrintable(count.error().message));
    *changeSetCount = *count;
    verifyNewChangeSets(store);
    return rounds;
}

// Every change set recorded since the last call verifies, and its stored hash is the hash of its ops.
void TestCrash::verifyNewChangeSets(node::NodeStore& store) {
    for (;;) {
        auto sets = store.changeSets(m_verifiedSeq, 20);
        QVERIFY2(sets, sets ? "" : qPrintable(sets.error().message));
        if (sets->isEmpty())
            break;
        auto hash = store.database().prepare("SELECT hash FROM changesets WHERE device = ? AND seq = ?");
        QVERIFY(hash);
        for (const sync::ChangeSet& cs : std::as_const(*sets)) {
            const Status v = cs.verify();
            QVERIFY2(v, qPrintable(QStringLiteral("change set %1 does not verify: %2")
                                       .arg(cs.seq)
                                       .arg(v ? QString() : v.error().message)));
            hash->bind(1, store.deviceNumber()).bind(2, cs.seq);
            auto row = hash->step();
            QVERIFY(row && *row);
            QCOMPARE(hash->columnBlob(0), cs.hash());
            hash->reset();
            m_verifiedSeq = cs.seq;
        }
    }
}

void TestCrash::killDuringImports() {
    const int rounds = envInt("TABEL_CRASH_ROUNDS", 30);
    const int pupils = envInt("TABEL_CRASH_PUPILS", 2000);
    const auto seed = quint32(envInt("TABEL_CRASH_SEED", 20261124));
    QVERIFY(rounds >= 3 && rounds <= 99);
    qInfo("seed %u (TABEL_CRASH_SEED), %d rounds (TABEL_CRASH_ROUNDS), %d pupils per import (TABEL_CRASH_PUPILS)", seed,
          rounds, pupils);
    QRandomGenerator rng(seed);

    std::int64_t baseChangeSets = 0;
    {
        const auto before = inspect(&baseChangeSets);
        QVERIFY(before.empty());
    }

    int expectedPupilOps = -1, expectedMemberOps = -1; // per pupil, from round 0's complete import
    qint64 importMs = 0;
    int completed = 0, killedBeforeCommit = 0, killedAfterCommit = 0;
    QSet<int> acknowledged; // rounds whose import exited 0
    QList<int> absentRounds, presentRounds;

    for (int round = 0; round < rounds; ++round) {
        const QString file =
            tabel::test::writeFile(m_tmp.filePath(roundTag(round) + QStringLiteral(".csv")), roster(round, pupils));
        // Round 0 runs to completion: it measures the import time and gives the expected op counts.
        const int delay = round == 0 ? -1 : int(rng.bounded(quint32(importMs * 12 / 10 + 1)));

        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(m_env);
        p.setProcessEnvironment(env);
        p.setProcessChannelMode(QProcess::MergedChannels);
        QElapsedTimer t;
        t.start();
        p.start(m_bin, {QStringLiteral("--store"), m_store, QStringLiteral("import"), QStringLiteral("roster"), file});
        QVERIFY2(p.waitForStarted(10000), qPrintable(p.errorString()));
        bool killed = false;
        if (delay >= 0) {
            const qint64 left = delay - t.elapsed();
            if (!p.waitForFinished(int(std::max<qint64>(left, 0))) && p.state() != QProcess::NotRunning) {
                QCOMPARE(::kill(pid_t(p.processId()), SIGKILL), 0);
                killed = true;
            }
        }
        // waitForFinished() is false for a process that has already ended, so wait only while it runs.
        if (p.state() != QProcess::NotRunning)
            QVERIFY2(p.waitForFinished(120000),
                     qPrintable(QStringLiteral("round %1: tabel-node did not end within 120 s of the signal (%2)")
                                    .arg(round)
                                    .arg(p.errorString())));
        const qint64 elapsed = t.elapsed();
        const QString output = QString::fromUtf8(p.readAll());
        if (killed && p.exitStatus() == QProcess::NormalExit)
            killed = false; // it finished just before the signal arrived
        if (!killed) {
            QVERIFY2(
                p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0,
                qPrintable(
                    QStringLiteral("round %1: import exited with %2: %3").arg(round).arg(p.exitCode()).arg(output)));
            acknowledged.insert(round);
        }
        // The kill window follows the fastest whole import seen: one slow round 0 (a busy machine, a cold cache)
        // would otherwise put most later kills after the imports had finished.
        if (!killed && (round == 0 || elapsed < importMs))
            importMs = elapsed;

        // The store opens and passes its integrity check.
        const auto check = cli({QStringLiteral("check")});
        QVERIFY2(check.exitCode == 0 && !check.crashed,
                 qPrintable(QStringLiteral("round %1 (killed after %2 ms): tabel-node check exited with %3: %4 %5")
                                .arg(round)
                                .arg(elapsed)
                                .arg(check.exitCode)
                                .arg(check.out, check.err)));

        // Every import so far: wholly there or wholly absent, its ops in exactly one change set.
        std::int64_t changeSets = 0;
        const std::map<int, RoundState> state = inspect(&changeSets);
        int present = 0;
        std::set<std::int64_t> seqs;
        for (const auto& [r, s] : state) {
            QVERIFY2(r <= round, qPrintable(QStringLiteral("ops of a round not yet run: %1").arg(r)));
            if (r == 0 && round == 0) {
                QVERIFY(s.pupils == pupils && s.pupilOps % pupils == 0 && s.memberOps % pupils == 0);
                expectedPupilOps = s.pupilOps / pupils;
                expectedMemberOps = s.memberOps / pupils;
                QVERIFY(expectedPupilOps >= 3 && expectedMemberOps == 1);
            }
            const QString where = QStringLiteral("round %1 (seen after round %2)").arg(r).arg(round);
            QVERIFY2(s.pupils == pupils || s.pupils == 0,
                     qPrintable(where + QStringLiteral(": %1 of %2 pupils").arg(s.pupils).arg(pupils)));
            if (s.pupils == 0) {
                QVERIFY2(
                    s.pupilOps == 0 && s.memberOps == 0 && s.changeSets.empty(),
                    qPrintable(where + QStringLiteral(": no pupils but %1 + %2 ops").arg(s.pupilOps).arg(s.memberOps)));
                QVERIFY2(!acknowledged.contains(r), qPrintable(where + QStringLiteral(": acknowledged, but lost")));
                continue;
            }
            ++present;
            QCOMPARE(s.pupilOps, expectedPupilOps * pupils);
            QCOMPARE(s.memberOps, expectedMemberOps * pupils);
            QVERIFY2(s.changeSets.size() == 1,
                     qPrintable(where + QStringLiteral(": ops in %1 change sets").arg(s.changeSets.size())));
            QVERIFY2(seqs.insert(*s.changeSets.begin()).second,
                     qPrintable(where + QStringLiteral(": shares its change set with another import")));
        }
        // No other change set appeared, and none twice.
        QCOMPARE(changeSets, baseChangeSets + present);
        if (QTest::currentTestFailed())
            return;

        const bool there = state.count(round) && state.at(round).pupils == pupils;
        QString outcome;
        if (!killed) {
            ++completed;
            outcome = QStringLiteral("completed");
        } else if (there) {
            ++killedAfterCommit;
            outcome = QStringLiteral("killed after its commit: wholly there");
        } else {
            ++killedBeforeCommit;
            outcome = QStringLiteral("killed before its commit: wholly absent");
        }
        (there ? presentRounds : absentRounds).append(round);
        qInfo("round %2d: delay %4d ms, process ended after %4lld ms: %s", round, delay, elapsed, qPrintable(outcome));
    }

    // Acknowledged means kept, and a repeated import duplicates nothing: importing a present round again adds no
    // change set; importing an absent one again brings it in whole.
    std::int64_t before = 0;
    inspect(&before);
    const auto again = [&](int round) {
        return cli({QStringLiteral("import"), QStringLiteral("roster"),
                    m_tmp.filePath(roundTag(round) + QStringLiteral(".csv"))});
    };
    const auto repeat = again(presentRounds.back());
    QVERIFY2(repeat.exitCode == 0, qPrintable(repeat.err));
    std::int64_t after = 0;
    inspect(&after);
    QCOMPARE(after, before);
    if (!absentRounds.isEmpty()) {
        const int r = absentRounds.front();
        const auto redo = again(r);
        QVERIFY2(redo.exitCode == 0, qPrintable(redo.err));
        const auto state = inspect(&after);
        QCOMPARE(after, before + 1);
        QCOMPARE(state.at(r).pupils, pupils);
        QCOMPARE(state.at(r).pupilOps, expectedPupilOps * pupils);
        QCOMPARE(state.at(r).changeSets.size(), std::size_t(1));
    }

    const int killed = killedBeforeCommit + killedAfterCommit;
    qInfo("%d rounds: %d completed, %d killed mid-way (%d before the commit, %d after it); import ≈ %lld ms", rounds,
          completed, killed, killedBeforeCommit, killedAfterCommit, importMs);
    QVERIFY2(killedBeforeCommit * 3 >= rounds,
             qPrintable(QStringLiteral("only %1 of %2 rounds were killed before the import committed; the test proves "
                                       "little (is the import too fast? raise TABEL_CRASH_PUPILS)")
                            .arg(killedBeforeCommit)
                            .arg(rounds)));
}

QTEST_GUILESS_MAIN(TestCrash)
#include "test_crash.moc"
