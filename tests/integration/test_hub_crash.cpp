// The hub under crash and under a cut connection (issue 3, item 7; R-S4, §8 «a crash at any point loses no
// acknowledged change and duplicates none»), with the real tabel-hub and tabel-node on loopback.
//
// killDuringPush: tabel-hub is killed with SIGKILL at seeded pseudo-random moments while `tabel-node sync` pushes
// a few hundred new marks. After every kill: every change set the node got an Ack for is in the hub's log, byte
// for byte; `tabel-hub check` finds the store sound (PRAGMA integrity_check, signatures, sequence gaps, every Ack
// backed by the log); the hub restarts on the same port; a second `tabel-node sync` sends the rest, leaves nothing
// pending, and then the hub's log holds each of the node's change sets exactly once and the hub's merged value of
// every mark written is the node's.
//
// killNodeDuringSync: the other side — `tabel-node sync` is killed with SIGKILL at seeded moments while it pushes
// its own marks and pulls another device's into its lesson documents. After every kill the store passes
// `tabel-node check`; the next sync completes; the node's change sets are in the hub's log exactly once, byte for
// byte; the node holds every mark of both devices with the hub's values.
//
// cutBeforeAck: a TCP proxy between node and hub forwards the request and then closes the node's side instead of
// relaying the answer: the hub applies the batch, the node never sees the Ack and keeps the batch pending; synced
// again through the proxy in pass-through mode it receives the stored Ack and the log holds each set once.
//
// Repeatable: the seeds are printed; TABEL_HUB_CRASH_SEED, TABEL_HUB_CRASH_ROUNDS, TABEL_NODE_CRASH_SEED and
// TABEL_NODE_CRASH_ROUNDS override the defaults.
#include "hub/history/history.h"
#include "hub/store/hub_store.h"
#include "hub/store/log_bytes.h"
#include "node/store/node_store.h"
#include "shared/crypto/secret.h"
#include "sync/wire.h"
#include "tests/support/test_support.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <map>
#include <memory>
#include <set>

using namespace tabel;
using tabel::test::describe;
using tabel::test::ProcessResult;

namespace {

const QByteArray kPassphrase = "hub-crash-test passphrase";
const QString kTeacher = QStringLiteral("ivanova");

int envInt(const char* name, int fallback) {
    bool ok = false;
    const int v = qEnvironmentVariable(name).toInt(&ok);
    return ok ? v : fallback;
}

crypto::SecretBytes passphrase() {
    return crypto::SecretBytes::fromBytes(kPassphrase.constData(), std::size_t(kPassphrase.size()));
}

// A TCP proxy for one hub: pass-through, or "cut": once the client has sent more than `cutAfterClientBytes` on a
// connection (the TLS handshake is far smaller than a push), whatever the hub sends back is not relayed; the
// client's side is closed as soon as the hub answers, so the hub has finished the request and the client never
// reads its answer.
class CuttingProxy : public QObject {
public:
    explicit CuttingProxy(quint16 hubPort) : m_hubPort(hubPort) {
        connect(&m_server, &QTcpServer::newConnection, this, &CuttingProxy::accept);
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }
    void setCutting(bool on) { m_cutting = on; }
    int cuts() const { return m_cuts; }
    qint64 maxSent() const { return m_maxSent; } // the most a client sent on one connection

private:
    void accept() {
        while (QTcpSocket* client = m_server.nextPendingConnection()) {
            auto* hubSocket = new QTcpSocket(this);
            QPointer<QTcpSocket> c(client);
            QPointer<QTcpSocket> hub(hubSocket);
            auto sent = std::make_shared<qint64>(0);
            hubSocket->connectToHost(QHostAddress::LocalHost, m_hubPort);
            connect(client, &QTcpSocket::readyRead, this, [this, c, hub, sent]() {
                const QByteArray bytes = c->readAll();
                *sent += bytes.size();
                m_maxSent = std::max(m_maxSent, *sent);
                if (hub)
                    hub->write(bytes);
            });
            connect(hubSocket, &QTcpSocket::readyRead, this, [this, c, hub, sent]() {
                const QByteArray bytes = hub->readAll();
                if (!c)
                    return; // cut: the hub's answer goes nowhere
                if (m_cutting && *sent > kCutAfterClientBytes) {
                    // The hub has the whole request (it was forwarded before this answer came); its side stays
                    // open until it closes, so the hub finishes the request, while the node sees a reset.
                    ++m_cuts;
                    c->abort();
                    c->deleteLater();
                    return;
                }
                c->write(bytes);
            });
            connect(client, &QTcpSocket::disconnected, client, [client, hub]() {
                if (QTcpSocket* h = hub.data(); h != nullptr)
                    h->disconnectFromHost();
                client->deleteLater();
            });
            connect(hubSocket, &QTcpSocket::disconnected, hubSocket, [c, hubSocket]() {
                if (QTcpSocket* x = c.data(); x != nullptr)
                    x->disconnectFromHost();
                hubSocket->deleteLater();
            });
        }
    }

    static constexpr qint64 kCutAfterClientBytes = 3000;
    QTcpServer m_server;
    quint16 m_hubPort;
    bool m_cutting = false;
    int m_cuts = 0;
    qint64 m_maxSent = 0;
};

} // namespace

class TestHubCrash : public QObject {
    Q_OBJECT

private:
    QString m_nodeBin, m_hubBin;
    QTemporaryDir m_tmp;
    QString m_hubStore;
    QProcess m_hub;
    quint16 m_port = 0;
    QString m_codeA, m_codeB, m_codeC;
    QProcessEnvironment m_env;
    int m_markCounter = 0;
    int m_copies = 0;
    std::set<QString> m_written;                 // mark entities written on node A
    std::map<char, std::set<QString>> m_lessons; // lesson entities each node wrote
    std::set<QString> m_writtenC;                // and on node C (a second laptop of the same teacher)

    QString store(char which) const { return m_tmp.filePath(QStringLiteral("node-") + QLatin1Char(which)); }

    ProcessResult node(char which, const QStringList& args) {
        return tabel::test::run(m_nodeBin, QStringList{QStringLiteral("--store"), store(which)} + args, m_env);
    }
    ProcessResult hub(const QStringList& args) {
        return tabel::test::run(m_hubBin, QStringList{QStringLiteral("--store"), m_hubStore} + args);
    }

    QString addNode() {
        const auto r = hub({QStringLiteral("node"), QStringLiteral("add"), QStringLiteral("--teacher"), kTeacher,
                            QStringLiteral("--name"), QStringLiteral("Иванова Мария Петровна"),
                            QStringLiteral("--assign"), QStringLiteral("7А/math/all")});
        if (r.exitCode != 0)
            qFatal("node add failed: %s", qPrintable(describe(r)));
        const QRegularExpression codeLine(QStringLiteral("^\\s+([A-Z2-7]{6}(-[A-Z2-7]{1,6}){6})$"),
                                          QRegularExpression::MultilineOption);
        const auto m = codeLine.match(r.out);
        if (!m.hasMatch())
            qFatal("no code in: %s", qPrintable(r.out));
        return m.captured(1);
    }

    // Starts tabel-hub serve on m_port (0 the first time: a free one, kept for the restarts).
    bool startHub() {
        m_port = tabel::test::startHub(m_hub, m_hubBin, m_hubStore, m_port);
        return m_port != 0;
    }

    void killHub() {
        if (m_hub.state() != QProcess::NotRunning) {
            m_hub.kill(); // SIGKILL
            m_hub.waitForFinished(10000);
        }
    }

    QJsonObject status(char which) {
        const ProcessResult r = node(which, {QStringLiteral("status"), QStringLiteral("--json")});
        if (r.exitCode != 0)
            qFatal("status failed: %s", qPrintable(describe(r)));
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }

    // New marks on a node, in `sets` change sets of `perSet` marks each, written through the store as the journal
    // writes them (mark entities of 7А/math/all, the node's scope). Returns the number of change sets made.
    int writeMarks(char which, int sets, int perSet) {
        auto opened = node::NodeStore::open(store(which), passphrase());
        if (!opened)
            qFatal("node %c does not open: %s", which, qPrintable(opened.error().message));
        int made = 0;
        for (int s = 0; s < sets; ++s) {
            auto committed = opened->change([&](node::ChangeWriter& w) -> Status {
                for (int i = 0; i < perSet; ++i) {
                    const int n = m_markCounter++;
                    domain::Mark m;
                    m.lesson = {QStringLiteral("7А"), QStringLiteral("math"), QStringLiteral("all"),
                                QDate(2026, 9, 1).addDays((n / 150) % 200), 1 + (n / 30) % 5};
                    m.pupilId = QStringLiteral("7a-%1").arg(1 + n % 30, 2, 10, QLatin1Char('0'));
                    m.column = 1;
                    m.value = domain::MarkValue(n % 4); // 5, 4, 3, 2
                    // The lesson first, once per node: the hub takes no mark without its lesson (3.4).
                    domain::Lesson lesson;
                    lesson.key = m.lesson;
                    if (m_lessons[which].insert(lesson.entityKey()).second)
                        TABEL_TRY(w.put(lesson.entityKey(), lesson.toFields()));
                    const domain::Fields f = m.toFields();
                    TABEL_TRY(w.put(m.entityKey(), f));
                    if (which == 'a')
                        m_written.insert(m.entityKey());
                    else if (which == 'c')
                        m_writtenC.insert(m.entityKey());
                }
                return {};
            });
            if (!committed)
                qFatal("writing marks failed: %s", qPrintable(committed.error().message));
            made += committed->seq > 0 ? 1 : 0;
        }
        return made;
    }

    // Own change sets of node A: seq → canonical bytes; and the seqs still pending (not acknowledged).
    void nodeView(std::map<std::int64_t, QByteArray>& own, QSet<std::int64_t>& pending, QByteArray& device,
                  char which = 'a') {
        auto opened = node::NodeStore::open(store(which), passphrase());
        if (!opened)
            qFatal("node %c does not open: %s", which, qPrintable(opened.error().message));
        device = opened->devicePublicKey();
        for (std::int64_t after = 0;;) {
            auto sets = opened->changeSets(after, 1000);
            if (!sets)
                qFatal("change sets: %s", qPrintable(sets.error().message));
            if (sets->isEmpty())
                break;
            for (const sync::ChangeSet& cs : *sets) {
                own[cs.seq] = cs.canonicalBytes();
                after = cs.seq;
            }
        }
        auto p = opened->pendingSeqs(1000000, 100000000);
        if (!p)
            qFatal("pending: %s", qPrintable(p.error().message));
        pending = QSet<std::int64_t>(p->begin(), p->end());
    }

    // The hub's log rows of one device: seq → canonical bytes, and how many rows each seq has.
    void hubView(const QByteArray& device, std::map<std::int64_t, QByteArray>& rows, int& duplicates) {
        auto hubStore = hub::HubStore::open(m_hubStore);
        if (!hubStore)
            qFatal("the hub store does not open: %s", qPrintable(hubStore.error().message));
        auto st = hubStore->database().prepare("SELECT seq, canonical FROM log WHERE device = ? ORDER BY hub_seq");
        if (!st)
            qFatal("%s", qPrintable(st.error().message));
        st->bind(1, device);
        duplicates = 0;
        while (true) {
            auto row = st->step();
            if (!row)
                qFatal("%s", qPrintable(row.error().message));
            if (!*row)
                break;
            const auto canonical = hub::unpackLogBytes(st->columnBlob(1)); // stored compressed
            if (!canonical)
                qFatal("%s", qPrintable(canonical.error().message));
            if (!rows.emplace(st->columnInt(0), *canonical).second)
                ++duplicates;
        }
    }

    void expectHubSound() {
        const ProcessResult check = hub({QStringLiteral("check")});
        EXPECT_EXIT(check, 0);
        QVERIFY2(check.out.contains(QStringLiteral("sound")), qPrintable(describe(check)));
    }

    // After a complete sync of node `which`: nothing pending, the hub's log holds each of its change sets once, byte
    // for byte, and for every mark in `written` the node's value of each field is the hub's merged value.
    void expectNodeMatchesHub(char which, std::initializer_list<const std::set<QString>*> written) {
        std::map<std::int64_t, QByteArray> own, rows;
        QSet<std::int64_t> pending;
        QByteArray device;
        nodeView(own, pending, device, which);
        QVERIFY2(pending.isEmpty(), qPrintable(QStringLiteral("%1 change sets still pending").arg(pending.size())));
        int duplicates = 0;
        hubView(device, rows, duplicates);
        QCOMPARE(duplicates, 0);
        QCOMPARE(rows.size(), own.size());
        for (const auto& [seq, canonical] : own)
            QVERIFY2(rows.count(seq) && rows[seq] == canonical,
                     qPrintable(QStringLiteral("change set %1 differs on the hub").arg(seq)));

        auto nodeStore = node::NodeStore::open(store(which), passphrase());
        QVERIFY(nodeStore);
        auto hubStore = hub::HubStore::open(m_hubStore);
        QVERIFY(hubStore);
        for (const std::set<QString>* keys : written)
            for (const QString& key : *keys) {
                auto fields = nodeStore->entity(key);
                QVERIFY2(fields && *fields,
                         qPrintable(QStringLiteral("%1 missing on node %2").arg(key).arg(QLatin1Char(which))));
                for (const auto& [field, value] : **fields) {
                    const sync::FieldRegister* reg = hubStore->state().find(sync::FieldId{key, field});
                    QVERIFY2(reg, qPrintable(key + u'/' + field));
                    QVERIFY2(reg->visibleValue() == value, qPrintable(QStringLiteral("%1/%2 differs").arg(key, field)));
                }
            }
    }

    // After a complete sync: A and the hub agree (expectNodeMatchesHub), and so does the history.
    void expectSameAsNode() {
        expectNodeMatchesHub('a', {&m_written});
        if (QTest::currentTestFailed())
            return;
        expectHistoryAgrees();
    }

    // R-S7 (issue 3 item 7: "history agrees with the store"): with the hub stopped, on a copy of its folder, the
    // history of 7А accounts for every merged change set exactly once — one commit per push that merged something
    // (the log's merged rows grouped by receive time), no batch committed twice, and each mark field A wrote is
    // changed exactly once, from nothing to A's value — and replaying the op log into an empty history gives the
    // same trees and commits as the live history.
    void expectHistoryAgrees() {
        m_hub.terminate();
        QVERIFY(m_hub.waitForFinished(30000));
        const QString copy = m_tmp.filePath(QStringLiteral("hub-copy-%1").arg(++m_copies));
        QVERIFY(QDir().mkpath(copy));
        for (const QFileInfo& f : QDir(m_hubStore).entryInfoList(QDir::Files))
            QVERIFY(QFile::copy(f.absoluteFilePath(), copy + u'/' + f.fileName()));
        QVERIFY(startHub());

        auto nodeStore = node::NodeStore::open(store('a'), passphrase());
        QVERIFY(nodeStore);
        auto hubStore = hub::HubStore::open(copy);
        QVERIFY2(hubStore, hubStore ? "" : qPrintable(hubStore.error().message));
        db::Database& db = hubStore->database();

        const auto live = hub::History::heads(db);
        QVERIFY2(live, live ? "" : qPrintable(live.error().message));
        const QString repo = QStringLiteral("7А/2026-2027");
        QCOMPARE(live->size(), 1);
        QCOMPARE(live->first().repo, repo);
        const auto pushes = db.queryInt("SELECT count(DISTINCT received) FROM log WHERE state = 0");
        QVERIFY(pushes);
        QCOMPARE(live->first().commits, int(*pushes));

        const auto changes = hub::History::changes(db, {QStringLiteral("7А"), {}, {}, 0});
        QVERIFY2(changes, changes ? "" : qPrintable(changes.error().message));
        std::map<QString, QString> batchOfCommit;
        std::map<std::pair<QString, QString>, QList<hub::HistoryChange>> byField;
        for (const hub::HistoryChange& c : *changes) {
            batchOfCommit[c.commit] = c.batch;
            byField[{c.entity, c.field}].append(c);
        }
        QCOMPARE(int(batchOfCommit.size()), live->first().commits);
        std::set<QString> batches;
        auto known = db.prepare("SELECT count(*) FROM batches WHERE batch_id = ?");
        QVERIFY(known);
        std::set<QString> operatorCommits; // the roster import: the hub's own change set, in no node's batch
        for (const hub::HistoryChange& c : *changes)
            if (c.teacherId == hub::operatorAuthor())
                operatorCommits.insert(c.commit);
        for (const auto& [commit, batch] : batchOfCommit) {
            if (operatorCommits.count(commit))
                continue;
            QVERIFY2(batches.insert(batch).second, qPrintable(QStringLiteral("batch %1 committed twice").arg(batch)));
            known->bind(1, QByteArray::fromHex(batch.toLatin1()));
            QVERIFY(known->step());
            QVERIFY2(known->columnInt(0) == 1,
                     qPrintable(QStringLiteral("commit %1 names an unknown batch").arg(commit)));
            known->reset();
        }
        std::size_t fields = 0;
        for (const QString& key : m_written) {
            auto node = nodeStore->entity(key);
            QVERIFY(node && *node);
            for (const auto& [field, value] : **node) {
                ++fields;
                const auto it = byField.find({key, field});
                QVERIFY2(it != byField.end() && it->second.size() == 1,
                         qPrintable(QStringLiteral("%1/%2: %3 changes in the history, expected 1")
                                        .arg(key, field)
                                        .arg(it == byField.end() ? 0 : it->second.size())));
                QCOMPARE(it->second.first().oldValue, QString());
                QCOMPARE(it->second.first().newValue, domain::textOf(value));
            }
        }
        std::size_t markFields = 0; // besides the marks: the roster and the lessons they sit in
        for (const auto& [field, list] : byField)
            markFields += field.first.startsWith(QLatin1String("mark/")) ? 1 : 0;
        QCOMPARE(markFields, fields); // no other mark changed in 7А's history

        QVERIFY(hub::History::replay(db));
        const auto replayed = hub::History::heads(db);
        QVERIFY(replayed);
        QCOMPARE(replayed->size(), live->size());
        QCOMPARE(replayed->first().repo, live->first().repo);
        QCOMPARE(replayed->first().tree, live->first().tree);
        QCOMPARE(replayed->first().commit, live->first().commit);
        QCOMPARE(replayed->first().commits, live->first().commits);
    }

private slots:
    void initTestCase() {
        QVERIFY(crypto::initialize());
        m_nodeBin = tabel::test::binaryFromEnv("TABEL_NODE_BIN");
        m_hubBin = tabel::test::binaryFromEnv("TABEL_HUB_BIN");
        QVERIFY(m_tmp.isValid());
        m_env.insert(QStringLiteral("TABEL_PASSPHRASE"), QString::fromUtf8(kPassphrase));
        m_hubStore = m_tmp.filePath(QStringLiteral("hub"));
        m_codeA = addNode();
        m_codeB = addNode();
        m_codeC = addNode();
        // The class's roster, imported by the operator: the hub takes no mark for a pupil it does not know.
        QByteArray roster("pupil_id,class,surname,name,patronymic,book_no,subgroups\n");
        for (int i = 1; i <= 30; ++i)
            roster += QStringLiteral("7a-%1,7А,Ученик,Номер %1,,%1,\n").arg(i, 2, 10, QLatin1Char('0')).toUtf8();
        EXPECT_EXIT(hub({QStringLiteral("import"), QStringLiteral("roster"),
                         tabel::test::writeFile(m_tmp.filePath(QStringLiteral("roster.csv")), roster)}),
                    0);
        QVERIFY(startHub());
        for (char which : {'a', 'b', 'c'})
            EXPECT_EXIT(node(which, {QStringLiteral("init"), QStringLiteral("--teacher"), kTeacher,
                                     QStringLiteral("--name"), QStringLiteral("Иванова Мария Петровна"),
                                     QStringLiteral("--kdf"), QStringLiteral("interactive")}),
                        0);
        EXPECT_EXIT(node('a', {QStringLiteral("enroll"), QStringLiteral("https://127.0.0.1:%1").arg(m_port), m_codeA}),
                    0);
    }

    void cleanupTestCase() {
        if (m_hub.state() == QProcess::Running) {
            m_hub.terminate();
            m_hub.waitForFinished(10000);
        }
    }

    void killDuringPush() {
        const quint32 seed = quint32(envInt("TABEL_HUB_CRASH_SEED", int(QDateTime::currentMSecsSinceEpoch() % 100000)));
        const int rounds = envInt("TABEL_HUB_CRASH_ROUNDS", 8);
        qInfo("seed %u, %d rounds (TABEL_HUB_CRASH_SEED=%u TABEL_HUB_CRASH_ROUNDS=%d to repeat)", seed, rounds, seed,
              rounds);
        QRandomGenerator random(seed);
        int killedWhileSyncing = 0, acknowledgedBeforeKill = 0;
        for (int round = 0; round < rounds; ++round) {
            writeMarks('a', 1 + int(random.bounded(4)), 100 + int(random.bounded(300)));
            const int delayMs = int(random.bounded(1500));
            QProcess sync;
            sync.setProcessEnvironment(m_env);
            sync.start(m_nodeBin, {QStringLiteral("--store"), store('a'), QStringLiteral("sync")});
            QVERIFY(sync.waitForStarted());
            QThread::msleep(unsigned(delayMs));
            const bool syncing = sync.state() == QProcess::Running;
            killHub();
            killedWhileSyncing += syncing ? 1 : 0;
            QVERIFY(sync.waitForFinished(60000));
            const QString out = QString::fromUtf8(sync.readAllStandardOutput() + sync.readAllStandardError());
            QVERIFY2(
                sync.exitStatus() == QProcess::NormalExit && (sync.exitCode() == 0 || sync.exitCode() == 12),
                qPrintable(
                    QStringLiteral("round %1: tabel-node sync exit %2\n%3").arg(round).arg(sync.exitCode()).arg(out)));

            // Every change set the node holds as acknowledged is in the hub's log, byte for byte.
            std::map<std::int64_t, QByteArray> own, rows;
            QSet<std::int64_t> pending;
            QByteArray device;
            nodeView(own, pending, device);
            int duplicates = 0;
            hubView(device, rows, duplicates);
            QCOMPARE(duplicates, 0);
            for (const auto& [seq, canonical] : own) {
                if (pending.contains(seq))
                    continue;
                ++acknowledgedBeforeKill;
                QVERIFY2(rows.count(seq) && rows[seq] == canonical,
                         qPrintable(QStringLiteral("round %1 (kill after %2 ms): change set %3 was acknowledged but "
                                                   "is not in the hub's log")
                                        .arg(round)
                                        .arg(delayMs)
                                        .arg(seq)));
            }
            expectHubSound();

            QVERIFY(startHub());
            const ProcessResult again = node('a', {QStringLiteral("sync")});
            EXPECT_EXIT(again, 0);
            expectSameAsNode();
            expectHubSound();
            if (QTest::currentTestFailed())
                qFatal("round %d failed (seed %u, kill after %d ms)", round, seed, delayMs);
        }
        qInfo("%d of %d kills hit a running sync; %d acknowledged change sets checked", killedWhileSyncing, rounds,
              acknowledgedBeforeKill);
        QVERIFY2(killedWhileSyncing > 0, "no kill hit a running sync: the delays are too long for this machine");
    }

    // A crash of the node, not the hub: SIGKILL of `tabel-node sync` at seeded random points while it pushes its
    // own marks and pulls another device's into its lesson documents. After each kill the store opens and passes
    // integrity_check; the next sync completes; every change set of the node is in the hub's log exactly once,
    // byte for byte; and the node holds every mark both devices wrote, with the hub's values.
    void killNodeDuringSync() {
        EXPECT_EXIT(node('c', {QStringLiteral("enroll"), QStringLiteral("https://127.0.0.1:%1").arg(m_port), m_codeC}),
                    0);
        const quint32 seed =
            quint32(envInt("TABEL_NODE_CRASH_SEED", int(QDateTime::currentMSecsSinceEpoch() % 100000)));
        const int rounds = envInt("TABEL_NODE_CRASH_ROUNDS", 8);
        qInfo("seed %u, %d rounds (TABEL_NODE_CRASH_SEED=%u TABEL_NODE_CRASH_ROUNDS=%d to repeat)", seed, rounds, seed,
              rounds);
        QRandomGenerator random(seed);
        qint64 fullSyncMs = -1; // round 0 runs to the end and sizes the kill window
        int killedWhileSyncing = 0;
        for (int round = 0; round < rounds; ++round) {
            // The other device's marks, on the hub; then C's own, pending.
            writeMarks('a', 1 + int(random.bounded(2)), 200 + int(random.bounded(300)));
            EXPECT_EXIT(node('a', {QStringLiteral("sync")}), 0);
            writeMarks('c', 1 + int(random.bounded(3)), 50 + int(random.bounded(250)));

            // Kills from a third of a whole sync on (the start of a sync is opening the store, which writes
            // nothing) to a little after its end.
            const int delayMs =
                fullSyncMs < 0
                    ? -1
                    : int(fullSyncMs / 3 + random.bounded(quint32(fullSyncMs - fullSyncMs / 3 + fullSyncMs / 5 + 1)));
            QProcess sync;
            sync.setProcessEnvironment(m_env);
            QElapsedTimer timer;
            timer.start();
            sync.start(m_nodeBin, {QStringLiteral("--store"), store('c'), QStringLiteral("sync")});
            QVERIFY(sync.waitForStarted());
            if (delayMs < 0) {
                QVERIFY(sync.waitForFinished(120000));
                fullSyncMs = timer.elapsed();
                QCOMPARE(sync.exitCode(), 0);
            } else {
                QThread::msleep(unsigned(delayMs));
                killedWhileSyncing += sync.state() == QProcess::Running ? 1 : 0;
                sync.kill(); // SIGKILL
                QVERIFY(sync.waitForFinished(30000));
            }

            const ProcessResult check = node('c', {QStringLiteral("check")});
            QVERIFY2(
                check.exitCode == 0,
                qPrintable(
                    QStringLiteral("round %1 (kill after %2 ms): %3").arg(round).arg(delayMs).arg(describe(check))));
            EXPECT_EXIT(node('c', {QStringLiteral("sync")}), 0);

            expectNodeMatchesHub('c', {&m_written, &m_writtenC});
            if (QTest::currentTestFailed())
                qFatal("round %d failed (seed %u, kill after %d ms)", round, seed, delayMs);
        }
        expectHubSound();
        qInfo("a whole sync took %lld ms; %d of %d kills hit a running sync", fullSyncMs, killedWhileSyncing,
              rounds - 1);
        QVERIFY2(killedWhileSyncing > 0, "no kill hit a running sync: the delays are too long for this machine");
    }

    void cutBeforeAck() {
        CuttingProxy proxy(m_port);
        QVERIFY(proxy.listen());
        const QString viaProxy = QStringLiteral("https://127.0.0.1:%1").arg(proxy.port());
        // Node B enrols through the proxy (pass-through), so that its stored hub address is the proxy's.
        // The proxy runs on this thread's event loop: run the node asynchronously and spin the loop meanwhile.
        const auto runNode = [&](char which, const QStringList& args) {
            QProcess p;
            p.setProcessEnvironment(m_env);
            p.start(m_nodeBin, QStringList{QStringLiteral("--store"), store(which)} + args);
            p.waitForStarted();
            QElapsedTimer t;
            t.start();
            while (p.state() != QProcess::NotRunning && t.elapsed() < 120000)
                QTest::qWait(20);
            ProcessResult r;
            r.exitCode = p.exitCode();
            r.crashed = p.exitStatus() != QProcess::NormalExit;
            r.out = QString::fromUtf8(p.readAllStandardOutput());
            r.err = QString::fromUtf8(p.readAllStandardError());
            return r;
        };
        EXPECT_EXIT(runNode('b', {QStringLiteral("enroll"), viaProxy, m_codeB}), 0);

        // B writes marks of its own: two change sets, large enough that a push is far over the proxy's threshold
        // (kCutAfterClientBytes) however well it compresses; 2 × 300 marks came to about 3 KB with the TLS
        // handshake, so some runs were not cut at all. A pull request stays far under it.
        QCOMPARE(writeMarks('b', 2, 1500), 2);
        const int pendingBefore = status('b').value(QStringLiteral("pending_ops")).toInt();
        QVERIFY(pendingBefore > 0);
        std::int64_t logBefore = 0;
        {
            auto hubBefore = hub::HubStore::open(m_hubStore);
            QVERIFY(hubBefore);
            logBefore = *hubBefore->logSize();
        }

        // Cut: the hub applies the batch, the node never sees the Ack (every retry is cut too): exit 12, pending.
        proxy.setCutting(true);
        const ProcessResult cut = runNode('b', {QStringLiteral("sync")});
        EXPECT_EXIT(cut, 12);
        QVERIFY2(proxy.cuts() >= 1, "the proxy never cut an answer");
        qInfo("the proxy cut %d answers; the largest request connection carried %lld bytes", proxy.cuts(),
              static_cast<long long>(proxy.maxSent()));
        QCOMPARE(status('b').value(QStringLiteral("pending_ops")).toInt(), pendingBefore);
        QByteArray deviceB;
        {
            auto b = node::NodeStore::open(store('b'), passphrase());
            QVERIFY(b);
            deviceB = b->devicePublicKey();
            auto batch = b->pendingBatch();
            QVERIFY2(batch && *batch, "the node must keep the batch it sent, to send the same batch id again");
        }
        std::map<std::int64_t, QByteArray> rows;
        int duplicates = 0;
        hubView(deviceB, rows, duplicates);
        QVERIFY2(!rows.empty(), "the hub did not apply the batch whose answer was cut");
        QCOMPARE(duplicates, 0);
        const std::size_t applied = rows.size();

        // Pass-through again: the retried batch gets the stored Ack; nothing is applied twice.
        proxy.setCutting(false);
        const ProcessResult ok = runNode('b', {QStringLiteral("sync")});
        EXPECT_EXIT(ok, 0);
        QCOMPARE(status('b').value(QStringLiteral("pending_ops")).toInt(), 0);
        rows.clear();
        hubView(deviceB, rows, duplicates);
        QCOMPARE(duplicates, 0);
        QCOMPARE(rows.size(), applied);
        auto hubAfter = hub::HubStore::open(m_hubStore);
        QVERIFY(hubAfter);
        QCOMPARE(*hubAfter->logSize(), logBefore + std::int64_t(applied));
        expectHubSound();
    }
};

QTEST_GUILESS_MAIN(TestHubCrash)
#include "test_hub_crash.moc"
