// The hub's history in git (R-S7; issue 3, item 4) on a real HubStore in a temporary folder: one commit per
// accepted batch authored as the teacher with Batch/Device trailers, none for refused or held batches; replaying
// the op log into an empty history gives the same trees and commits; no pupil's name in plaintext anywhere in
// the hub's folder (WAL included); old → new per field with teacher and device; export to standard bare
// repositories that the system git reads and checks; a process killed with SIGKILL between and during pushes
// leaves the op log and the history in agreement.
#include "hub/history/history.h"
#include "hub/store/hub_store.h"
#include "hub/store/schema.h"
#include "shared/core/hlc.h"
#include "shared/crypto/secret.h"
#include "tests/hub/hub_seed.h"
#include "tests/support/test_support.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace tabel;
using namespace tabel::sync;

namespace {

const QString kSurname = QStringLiteral("Кузнецов-Оболенский");
const QString kName = QStringLiteral("Александр");
const QString kRepo = QStringLiteral("7А/2026-2027");
// Every receive time in these tests lies in the school year 2026-2027 (undated entities are filed by it).
const qint64 kT0 = QDateTime(QDate(2026, 9, 2), QTime(8, 0), Qt::UTC).toMSecsSinceEpoch();

QString markKey(const QString& day, const QString& pupil, int column = 1) {
    return QStringLiteral("mark/7А/math/all/%1/2/%2/%3").arg(day, pupil).arg(column);
}

ChangeSet signedSet(const crypto::SigningKeyPair& key, const QString& author, qint64 seq, QList<Op> ops) {
    ChangeSet cs;
    cs.author = author;
    cs.seq = seq;
    cs.ops = std::move(ops);
    cs.hlc = cs.ops.back().hlc;
    cs.sign(key);
    return cs;
}

Op op(qint64 hlc, const QString& entity, const QString& field, domain::FieldValue value, Version base = {}) {
    return Op{hlc, entity, field, std::move(value), base};
}

PushBatch batchOf(const hub::NodeRecord& node, const QList<ChangeSet>& sets) {
    PushBatch b;
    b.nodeId = node.nodeId;
    b.batchId = newBatchId();
    for (const ChangeSet& cs : sets)
        b.changeSets << SignedChangeSet::of(cs);
    return b;
}

qint64 hlcAt(qint64 ms) {
    return Hlc::pack(ms, 0);
}

// One device of a teacher (or the operator) with its own change-set sequence.
struct Device {
    crypto::SigningKeyPair key = crypto::SigningKeyPair::generate();
    hub::NodeRecord node;
    qint64 seq = 0;
    ChangeSet next(QList<Op> ops) { return signedSet(key, node.teacherId, ++seq, std::move(ops)); }
};

Device enrol(hub::HubStore& store, const QString& teacher, const QString& name, bool isOperator = false) {
    Device d;
    hub::NewNode n{teacher, name, {{QStringLiteral("7А"), QStringLiteral("math"), QStringLiteral("all")}}, isOperator};
    auto e = store.addNode(n);
    if (!e)
        qFatal("addNode: %s", qPrintable(e.error().message));
    auto node = store.enroll(e->secret, d.key.publicKey, QStringLiteral("laptop"), QDateTime::currentMSecsSinceEpoch());
    if (!node)
        qFatal("enroll: %s", qPrintable(node.error().message));
    d.node = *node;
    return d;
}

// The store's history with the last push's commit written, as serve writes it when idle (History::defer).
db::Database& historyOf(hub::HubStore& store) {
    if (const Status ok = store.writePendingHistory(); !ok)
        qFatal("writePendingHistory: %s", qPrintable(ok.error().message));
    return store.database();
}

std::optional<hub::HistoryHead> headOf(hub::HubStore& store, const QString& repo) {
    auto heads = hub::History::heads(historyOf(store));
    if (!heads)
        qFatal("heads: %s", qPrintable(heads.error().message));
    for (const hub::HistoryHead& h : *heads)
        if (h.repo == repo)
            return h;
    return std::nullopt;
}

// A roster pupil written by the operator's device, then marks by the teacher.
struct School {
    QTemporaryDir tmp;
    QString dir;
    std::optional<hub::HubStore> store;
    Device op, teacher, teacherPhone;
    // The roster p00…p29 (but `unseeded`, which a test writes itself) and math lessons on 1–28 September, slot 2.
    explicit School(const QStringList& unseeded = {}) {
        dir = tmp.filePath(QStringLiteral("hub"));
        auto s = hub::HubStore::open(dir);
        if (!s)
            qFatal("open: %s", qPrintable(s.error().message));
        store.emplace(std::move(*s));
        op = enrol(*store, QStringLiteral("admin"), QStringLiteral("Завуч Смирнова"), true);
        teacher = enrol(*store, QStringLiteral("t01"), QStringLiteral("Петрова Анна Сергеевна"));
        teacherPhone = enrol(*store, QStringLiteral("t01"), QStringLiteral("Петрова Анна Сергеевна"));
        QStringList pupils, lessons;
        for (int p = 0; p < 30; ++p)
            if (const QString id = QStringLiteral("p%1").arg(p, 2, 10, QLatin1Char('0')); !unseeded.contains(id))
                pupils << id;
        for (int day = 1; day <= 28; ++day)
            lessons << QStringLiteral("7А/math/all/2026-09-%1/2").arg(day, 2, 10, QLatin1Char('0'));
        testing::seedClass(*store, lessons, pupils); // one commit in 7А/2026-2027
    }
    Ack push(Device& d, const QList<ChangeSet>& sets, qint64 at) {
        auto ack = store->push(d.node, batchOf(d.node, sets), at);
        if (!ack)
            qFatal("push: %s", qPrintable(ack.error().message));
        return *ack;
    }
};

} // namespace

class TestHubHistory : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(crypto::initialize()); }

    void schoolYear() {
        QCOMPARE(hub::History::schoolYearOf(QDate(2026, 9, 1)), QStringLiteral("2026-2027"));
        QCOMPARE(hub::History::schoolYearOf(QDate(2027, 8, 31)), QStringLiteral("2026-2027"));
        QCOMPARE(hub::History::schoolYearOf(QDate(2026, 8, 31)), QStringLiteral("2025-2026"));
    }

    // R-S7: one commit per accepted batch, authored as the teacher, with Batch and Device trailers; refused and
    // held batches make none.
    void RS7_commitPerAcceptedBatch() {
        School s({QStringLiteral("p01")});
        const qint64 h = hlcAt(kT0);
        s.push(s.op,
               {s.op.next({op(h, QStringLiteral("pupil/p01"), QStringLiteral("class"), QStringLiteral("7А")),
                           op(h + 1, QStringLiteral("pupil/p01"), QStringLiteral("surname"), kSurname),
                           op(h + 2, QStringLiteral("pupil/p01"), QStringLiteral("name"), kName)})},
               kT0);
        const PushBatch marks = batchOf(
            s.teacher.node, {s.teacher.next({op(h + 10, markKey(QStringLiteral("2026-09-01"), QStringLiteral("p01")),
                                                QStringLiteral("value"), QStringLiteral("5")),
                                             op(h + 11, markKey(QStringLiteral("2026-09-01"), QStringLiteral("p02")),
                                                QStringLiteral("value"), QStringLiteral("4")),
                                             op(h + 12, QStringLiteral("att/7А/math/all/2026-09-01/2/p03"),
                                                QStringLiteral("reason"), QStringLiteral("Б"))})});
        auto ack = s.store->push(s.teacher.node, marks, kT0 + 1000);
        QVERIFY(ack);
        QCOMPARE(ack->entries.first().status, AckStatus::Accepted);
        auto head = headOf(*s.store, kRepo);
        QVERIFY(head);
        QCOMPARE(head->commits, 3); // the seeded roster and lessons, the pupil, then the marks

        // Refused (out of scope) and held (a closed period) batches: no commit.
        const ChangeSet outside = s.teacher.next({op(h + 20, QStringLiteral("mark/7А/phys/all/2026-09-01/3/p01/1"),
                                                     QStringLiteral("value"), QStringLiteral("2"))});
        QCOMPARE(s.push(s.teacher, {outside}, kT0 + 2000).entries.first().status, AckStatus::Rejected);
        QVERIFY(s.store->closePeriod({QStringLiteral("7А"), QDate(2026, 9, 1), QDate(2026, 9, 5), QStringLiteral("w1")},
                                     kT0 + 2500));
        const ChangeSet held = s.teacher.next({op(h + 30, markKey(QStringLiteral("2026-09-02"), QStringLiteral("p01")),
                                                  QStringLiteral("value"), QStringLiteral("3"))});
        const Ack heldAck = s.push(s.teacher, {held}, kT0 + 3000);
        QCOMPARE(heldAck.entries.first().reason, int(AckReason::AmendmentRequest));
        QCOMPARE(headOf(*s.store, kRepo)->commits, 3);

        // The commit of the marks: author, time, trailers, as `history` reads them.
        auto changes =
            hub::History::changes(historyOf(*s.store), {QStringLiteral("7А"), QStringLiteral("mark/"), {}, 0});
        QVERIFY2(changes, changes ? "" : qPrintable(changes.error().message));
        QCOMPARE(changes->size(), 2);
        const hub::HistoryChange& c = changes->first();
        QCOMPARE(c.teacherId, QStringLiteral("t01"));
        QCOMPARE(c.teacherName, QStringLiteral("Петрова Анна Сергеевна"));
        QCOMPARE(c.batch, QString::fromLatin1(marks.batchId.toHex()));
        QVERIFY2(c.device.startsWith(s.teacher.node.nodeId + QStringLiteral(" (") +
                                     crypto::fingerprint(s.teacher.key.publicKey)),
                 qPrintable(c.device));
        QCOMPARE(c.time, QDateTime::fromSecsSinceEpoch((kT0 + 1000) / 1000, Qt::UTC));
        QCOMPARE(c.path, QStringLiteral("math/all/2026-09.tsv"));
        QCOMPARE(c.oldValue, QString());
        QCOMPARE(c.newValue, QStringLiteral("5"));
    }

    // R-S7: a push's commit is written after its Ack (History::defer), yet shows the state that push left: the
    // next change of the merged state — another push, the operator's resolution — writes it first; closing the
    // store without writing it (a kill after the Ack) leaves it to the next open; a read of the history writes it.
    void RS7_commitAfterTheAckShowsItsOwnState() {
        School s;
        const qint64 h = hlcAt(kT0);
        const QString cell = markKey(QStringLiteral("2026-09-01"), QStringLiteral("p01"));
        const auto commits = [&] { return hub::History::heads(s.store->database())->first().commits; };
        QCOMPARE(commits(), 1); // the seeded roster and lessons
        s.push(s.teacher, {s.teacher.next({op(h, cell, QStringLiteral("value"), QStringLiteral("5"))})}, kT0 + 1000);
        QCOMPARE(*hub::History::hasPending(s.store->database()), true);
        QCOMPARE(commits(), 1); // acknowledged, not committed yet
        // The phone, not knowing the 5, writes a 4: a conflict. Its push writes the teacher's commit first.
        s.push(s.teacherPhone, {s.teacherPhone.next({op(h + 1, cell, QStringLiteral("value"), QStringLiteral("4"))})},
               kT0 + 2000);
        QCOMPARE(commits(), 2);
        // The operator resolves it to 3: the phone's commit (the conflict) comes first, then the resolution.
        const QList<hub::ConflictInfo> open = s.store->conflicts().value();
        QCOMPARE(open.size(), 1);
        QVERIFY(s.store->resolveConflict(open.first().id, QStringLiteral("3"), kT0 + 3000));
        QCOMPARE(*hub::History::hasPending(s.store->database()), false);
        QCOMPARE(commits(), 4);
        auto changes = hub::History::changes(s.store->database(), {QStringLiteral("7А"), cell, {}, 0});
        QVERIFY(changes);
        QCOMPARE(changes->size(), 3);
        QCOMPARE(changes->at(0).newValue, QStringLiteral("5"));
        QCOMPARE(changes->at(0).teacherId, QStringLiteral("t01"));
        QVERIFY2(changes->at(1).newValue.contains(QStringLiteral("CONFLICT")), qPrintable(changes->at(1).newValue));
        QVERIFY(changes->at(1).device.startsWith(s.teacherPhone.node.nodeId + u' '));
        QCOMPARE(changes->at(2).newValue, QStringLiteral("3"));
        QCOMPARE(changes->at(2).teacherId, hub::operatorAuthor());

        // Closed with a commit pending: the next open writes it, as a replay of the log would.
        s.push(s.teacher,
               {s.teacher.next({op(h + 10, markKey(QStringLiteral("2026-09-02"), QStringLiteral("p02")),
                                   QStringLiteral("value"), QStringLiteral("2"))})},
               kT0 + 4000);
        QCOMPARE(commits(), 4);
        s.store.reset();
        auto reopened = hub::HubStore::open(s.dir);
        QVERIFY2(reopened, reopened ? "" : qPrintable(reopened.error().message));
        s.store.emplace(std::move(*reopened));
        QCOMPARE(*hub::History::hasPending(s.store->database()), false);
        QCOMPARE(commits(), 5);
        const auto live = hub::History::heads(s.store->database())->first();
        QVERIFY(hub::History::replay(s.store->database()));
        QCOMPARE(hub::History::heads(s.store->database())->first().commit, live.commit);

        // The operator's read of the history writes a pending commit before it reads.
        s.push(s.teacher,
               {s.teacher.next({op(h + 20, markKey(QStringLiteral("2026-09-03"), QStringLiteral("p03")),
                                   QStringLiteral("value"), QStringLiteral("4"))})},
               kT0 + 5000);
        auto read = s.store->history({QStringLiteral("7А"), QStringLiteral("mark/7А/math/all/2026-09-03"), {}, 0},
                                     QStringLiteral("test"));
        QVERIFY2(read, read ? "" : qPrintable(read.error().message));
        QCOMPARE(read->size(), 1);
        QCOMPARE(read->first().newValue, QStringLiteral("4"));
        // A note that cannot be written (its change set damaged in the log) does not keep the store from opening
        // (`check` must open it); the next read of the history says what is wrong, and nothing is half-written.
        s.push(s.teacher,
               {s.teacher.next({op(h + 30, markKey(QStringLiteral("2026-09-04"), QStringLiteral("p04")),
                                   QStringLiteral("value"), QStringLiteral("5"))})},
               kT0 + 6000);
        s.store.reset();
        {
            auto key = hub::schema::loadOrCreateKey(s.dir + QStringLiteral("/hub.key"), true);
            QVERIFY(key);
            auto raw = db::Database::open(s.dir + QStringLiteral("/hub.db"), false);
            QVERIFY(raw);
            QVERIFY(db::applyRawKey(*raw, *key));
            QVERIFY(raw->exec("UPDATE log SET canonical = x'28b52ffd00' WHERE hub_seq = (SELECT MAX(hub_seq) FROM "
                              "log)"));
        }
        auto damaged = hub::HubStore::open(s.dir);
        QVERIFY2(damaged, damaged ? "" : qPrintable(damaged.error().message));
        QCOMPARE(*hub::History::hasPending(damaged->database()), true);
        QCOMPARE(hub::History::heads(damaged->database())->first().commits, 6);
        auto refused = damaged->history({QStringLiteral("7А"), {}, {}, 0}, QStringLiteral("test"));
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QStringLiteral("is damaged")) &&
                     refused.error().message.contains(QStringLiteral("tabel-hub check")),
                 qPrintable(refused.error().message));
        QCOMPARE(hub::History::heads(damaged->database())->first().commits, 6);
    }

    // R-S7: a push's commit is rendered by the history's worker beside the next push, from its own snapshot of
    // hub.db, and written in that push's transaction. The registers a store keeps for its worker are used only
    // for its own note: when another process wrote that note and merged a push of its own meanwhile (whose note
    // may get the same row id), the commit is rendered from hub.db, and every commit still shows its own state
    // (the history equals a replay of the log).
    void RS7_commitRenderedBesideTheNextPush() {
        School s;
        const qint64 h = hlcAt(kT0);
        const auto commits = [&] { return hub::History::heads(s.store->database())->first().commits; };
        const auto mark = [&](Device& d, qint64 at, const QString& pupil, const QString& value) {
            return s.push(
                d, {d.next({op(h + at, markKey(QStringLiteral("2026-09-01"), pupil), QStringLiteral("value"), value)})},
                kT0 + at * 1000);
        };
        QCOMPARE(mark(s.teacher, 1, QStringLiteral("p01"), QStringLiteral("5")).entries.first().status,
                 AckStatus::Accepted);
        QCOMPARE(commits(), 1); // kept for the worker
        // Another process (here: a second store on the same folder) writes that pending commit, then merges a
        // push of its own, while this store still keeps the registers of its last push.
        {
            auto other = hub::HubStore::open(s.dir);
            QVERIFY2(other, other ? "" : qPrintable(other.error().message));
            QCOMPARE(*hub::History::hasPending(other->database()), false);
            QCOMPARE(hub::History::heads(other->database())->first().commits, 2);
            auto ack = other->push(
                s.teacherPhone.node,
                batchOf(s.teacherPhone.node,
                        {s.teacherPhone.next({op(h + 2, markKey(QStringLiteral("2026-09-01"), QStringLiteral("p02")),
                                                 QStringLiteral("value"), QStringLiteral("4"))})}),
                kT0 + 2000);
            QVERIFY2(ack, ack ? "" : qPrintable(ack.error().message));
            QCOMPARE(ack->entries.first().status, AckStatus::Accepted);
            QCOMPARE(*hub::History::hasPending(other->database()), true);
        }
        // This store's next push writes the other process's commit first (not its own kept one), then merges.
        const std::int64_t logBefore = *s.store->logSize();
        QCOMPARE(mark(s.teacher, 3, QStringLiteral("p03"), QStringLiteral("3")).entries.first().status,
                 AckStatus::Accepted);
        QCOMPARE(*s.store->logSize(), logBefore + 1);
        QCOMPARE(commits(), 3);
        // And the next one overlaps: the worker renders the previous commit beside it.
        QCOMPARE(mark(s.teacher, 4, QStringLiteral("p04"), QStringLiteral("2")).entries.first().status,
                 AckStatus::Accepted);
        QCOMPARE(commits(), 4);
        QVERIFY(s.store->writePendingHistory());
        QCOMPARE(commits(), 5);
        auto changes =
            hub::History::changes(s.store->database(), {QStringLiteral("7А"), QStringLiteral("mark/"), {}, 0});
        QVERIFY(changes);
        QStringList values;
        for (const hub::HistoryChange& c : *changes)
            values << c.newValue;
        QCOMPARE(values,
                 (QStringList{QStringLiteral("5"), QStringLiteral("4"), QStringLiteral("3"), QStringLiteral("2")}));
        const auto live = hub::History::heads(s.store->database())->first();
        QVERIFY(hub::History::replay(s.store->database()));
        QCOMPARE(hub::History::heads(s.store->database())->first().commit, live.commit);
    }

    // The store's commits checkpoint the write-ahead log only when it is large (that copy, and its fsync, fell on
    // whichever push crossed SQLite's default threshold): the history's worker checkpoints beside the next push,
    // serve when it is idle (HubStore::checkpoint). So the log stays as large as the pushes between two pauses,
    // not as the history; without a checkpoint it grows with every push.
    void RS7_writeAheadLogStaysBounded() {
        School s;
        const qint64 h = hlcAt(kT0);
        int at = 0, pushes = 0;
        // A lesson's marks for every pupil in a new column, one push each.
        const auto pushMarks = [&]() {
            const int n = pushes++;
            QList<Op> ops;
            for (int p = 0; p < 30; ++p)
                ops << op(h + (++at),
                          markKey(QStringLiteral("2026-09-%1").arg(n % 28 + 1, 2, 10, QLatin1Char('0')),
                                  QStringLiteral("p%1").arg(p, 2, 10, QLatin1Char('0')), n / 28 + 1),
                          QStringLiteral("value"), QStringLiteral("4"));
            (void)s.push(s.teacher, {s.teacher.next(ops)}, kT0 + n * 1000);
        };
        const auto walBytes = [&] { return QFileInfo(s.dir + QStringLiteral("/hub.db-wal")).size(); };
        // Each push's history written alone, nothing checkpointed: the log grows with every push.
        QVERIFY(s.store->checkpoint()); // the seeding's pages: the log is used again from its start
        for (int i = 0; i < 20; ++i) {
            pushMarks();
            QVERIFY(s.store->writePendingHistory());
        }
        const qint64 twenty = walBytes();
        for (int i = 0; i < 20; ++i) {
            pushMarks();
            QVERIFY(s.store->writePendingHistory());
        }
        const qint64 grown = walBytes();
        QVERIFY2(grown > twenty + twenty / 2, qPrintable(QStringLiteral("%1 → %2 bytes").arg(twenty).arg(grown)));
        // Checkpointed when idle, as serve does: the log is used again from its start, and grows no more.
        QVERIFY(s.store->checkpoint());
        for (int i = 0; i < 40; ++i) {
            pushMarks();
            QVERIFY(s.store->writePendingHistory());
            QVERIFY(s.store->checkpoint());
        }
        QCOMPARE(walBytes(), grown);
        // Pushes one after the other, as a sync's batches come: the log keeps them (the worker copies them into
        // hub.db beside each next push, but a log in use is not restarted) until serve is idle, then is used again
        // from its start.
        for (int i = 0; i < 40; ++i)
            pushMarks();
        const qint64 stream = walBytes();
        QVERIFY(s.store->writePendingHistory());
        QVERIFY(s.store->checkpoint());
        for (int i = 0; i < 40; ++i)
            pushMarks();
        QVERIFY2(walBytes() < stream + stream / 2, // written after `stream` it would be about twice as large
                 qPrintable(QStringLiteral("%1 → %2 bytes").arg(stream).arg(walBytes())));
        // The worker's connection is read-only, and a checkpoint from it copies the log all the same.
        auto key = hub::schema::loadOrCreateKey(s.dir + QStringLiteral("/hub.key"), true);
        QVERIFY(key);
        auto reader = hub::schema::openReader(s.dir + QStringLiteral("/hub.db"), *key);
        QVERIFY2(reader, reader ? "" : qPrintable(reader.error().message));
        QVERIFY(!reader->exec("DELETE FROM history_queue")); // query_only
        pushMarks();
        auto ckpt = reader->prepare("PRAGMA wal_checkpoint(PASSIVE)");
        QVERIFY(ckpt);
        QVERIFY(*ckpt->step());
        QCOMPARE(ckpt->columnInt(0), std::int64_t(0));    // not busy
        QVERIFY(ckpt->columnInt(1) > 0);                  // frames in the log
        QCOMPARE(ckpt->columnInt(2), ckpt->columnInt(1)); // all copied
        QVERIFY(s.store->writePendingHistory());
        auto marks = hub::History::changes(s.store->database(), {QStringLiteral("7А"), QStringLiteral("mark/"), {}, 0});
        QVERIFY(marks);
        QCOMPARE(marks->size(), pushes * 30);
    }

    // R-S7: the trees depend on the merged state only; replaying the log into an empty history gives the same
    // trees (and, with the same receive times and authors, the same commits). A conflict is shown in the file.
    void RS7_replayGivesSameTrees() {
        School s({QStringLiteral("p01")});
        const qint64 h = hlcAt(kT0);
        s.push(
            s.op,
            {s.op.next(
                {op(h, QStringLiteral("pupil/p01"), QStringLiteral("class"), QStringLiteral("7А")),
                 op(h + 1, QStringLiteral("pupil/p01"), QStringLiteral("surname"), kSurname),
                 op(h + 2, QStringLiteral("pupil/p01"), QStringLiteral("name"), kName),
                 op(h + 3, QStringLiteral("lesson/7А/math/all/2026-10-05/1"), QStringLiteral("distance"), qint64(0)),
                 op(h + 4, QStringLiteral("lesson/7А/math/all/2027-09-01/1"), QStringLiteral("distance"), qint64(0))})},
            kT0);
        const QString cell = markKey(QStringLiteral("2026-09-01"), QStringLiteral("p01"));
        const ChangeSet first = s.teacher.next({op(h + 10, cell, QStringLiteral("value"), QStringLiteral("5"))});
        s.push(s.teacher, {first}, kT0 + 1000);
        // Two devices of the teacher change the mark concurrently: a conflict.
        s.push(s.teacher,
               {s.teacher.next(
                   {op(h + 20, cell, QStringLiteral("value"), QStringLiteral("4"), first.versionOf(first.ops[0])),
                    op(h + 21, QStringLiteral("lesson/7А/math/all/2026-10-05/1"), QStringLiteral("topic"),
                       QStringLiteral("Дроби\tи\nпроценты"))})},
               kT0 + 2000);
        s.push(s.teacherPhone,
               {s.teacherPhone.next(
                   {op(h + 22, cell, QStringLiteral("value"), QStringLiteral("3"), first.versionOf(first.ops[0]))})},
               kT0 + 3000);
        // A later year: another repository.
        s.push(s.teacher,
               {s.teacher.next({op(h + 30, QStringLiteral("mark/7А/math/all/2027-09-01/1/p01/1"),
                                   QStringLiteral("value"), QStringLiteral("2"))})},
               kT0 + 4000);
        // Values read back as entered (issue 9 item 6): the file's escapes of tab, newline and backslash undone.
        auto topic =
            hub::History::changes(historyOf(*s.store), {{}, QStringLiteral("lesson/7А/math/all/2026-10-05/1"), {}, 0});
        QVERIFY(topic);
        bool seen = false;
        for (const hub::HistoryChange& c : *topic)
            if (c.field == u"topic") {
                QCOMPARE(c.newValue, QStringLiteral("Дроби\tи\nпроценты"));
                seen = true;
            }
        QVERIFY(seen);
        s.push(s.teacher,
               {s.teacher.next({op(h + 25, QStringLiteral("lesson/7А/math/all/2026-10-06/1"), QStringLiteral("topic"),
                                   QStringLiteral("Повторение\\обобщение")),
                                op(h + 26, QStringLiteral("lesson/7А/math/all/2026-10-06/1"),
                                   QStringLiteral("distance"), qint64(0))})},
               kT0 + 3500);
        auto slash =
            hub::History::changes(historyOf(*s.store), {{}, QStringLiteral("lesson/7А/math/all/2026-10-06/1"), {}, 0});
        QVERIFY(slash && !slash->isEmpty());
        bool slashSeen = false;
        for (const hub::HistoryChange& c : *slash)
            if (c.field == u"topic") {
                QCOMPARE(c.newValue, QStringLiteral("Повторение\\обобщение"));
                slashSeen = true;
            }
        QVERIFY(slashSeen);

        QVERIFY(!s.store->conflicts().value().isEmpty());

        auto before = hub::History::heads(historyOf(*s.store));
        QVERIFY(before);
        QCOMPARE(before->size(), 2);
        QCOMPARE(before->at(0).repo, kRepo);
        QCOMPARE(before->at(0).commits, 6);
        QCOMPARE(before->at(1).repo, QStringLiteral("7А/2027-2028"));

        // The conflict is in the month file: the visible value, then the other head.
        auto changes = hub::History::changes(historyOf(*s.store), {{}, cell, {}, 0});
        QVERIFY(changes);
        QCOMPARE(changes->last().newValue, QStringLiteral("3 CONFLICT: 4 (t01)"));

        QVERIFY(s.store->database().exec("DELETE FROM git_objects; DELETE FROM git_heads;"));
        QCOMPARE(hub::History::heads(historyOf(*s.store))->size(), 0);
        auto replayed = hub::History::replay(historyOf(*s.store));
        QVERIFY2(replayed, replayed ? "" : qPrintable(replayed.error().message));
        auto after = hub::History::heads(historyOf(*s.store));
        QVERIFY(after);
        QCOMPARE(after->size(), before->size());
        for (int i = 0; i < before->size(); ++i) {
            QCOMPARE(after->at(i).repo, before->at(i).repo);
            QCOMPARE(after->at(i).tree, before->at(i).tree);
            QCOMPARE(after->at(i).commit, before->at(i).commit);
            QCOMPARE(after->at(i).commits, before->at(i).commits);
        }
        // A history that differs is told apart: one more change, another tree.
        s.push(s.teacher,
               {s.teacher.next({op(h + 40, markKey(QStringLiteral("2026-09-01"), QStringLiteral("p09")),
                                   QStringLiteral("value"), QStringLiteral("5"))})},
               kT0 + 5000);
        QVERIFY(headOf(*s.store, kRepo)->tree != before->at(0).tree);
    }

    // R-S7, R-S2: the roster (names) is in the history, and still no name in plaintext in any file of the hub's
    // folder, the WAL included.
    void RS7_noPlaintextNames() {
        School s({QStringLiteral("p01")});
        const qint64 h = hlcAt(kT0);
        s.push(s.op,
               {s.op.next({op(h, QStringLiteral("pupil/p01"), QStringLiteral("class"), QStringLiteral("7А")),
                           op(h + 1, QStringLiteral("pupil/p01"), QStringLiteral("surname"), kSurname),
                           op(h + 2, QStringLiteral("pupil/p01"), QStringLiteral("name"), kName)})},
               kT0);
        auto roster = hub::History::changes(historyOf(*s.store), {{}, {}, QStringLiteral("p01"), 0});
        QVERIFY(roster);
        bool seen = false;
        for (const hub::HistoryChange& c : *roster)
            seen = seen || (c.path == u"roster.tsv" && c.newValue == kSurname);
        QVERIFY2(seen, "the roster file must hold the surname, or the grep below proves nothing");
        QVERIFY(QFileInfo::exists(s.dir + QStringLiteral("/hub.db-wal")));
        QCOMPARE(test::filesContaining(s.dir, kSurname), QStringList());
        QCOMPARE(test::filesContaining(s.dir, kName), QStringList());
        s.store.reset(); // checkpoints the WAL into hub.db
        QCOMPARE(test::filesContaining(s.dir, kSurname), QStringList());
        QCOMPARE(test::filesContaining(s.dir, kName), QStringList());
    }

    // R-S7: a mark changed twice: old → new each time, with the teacher and the device.
    void RS7_oldToNew() {
        School s;
        const qint64 h = hlcAt(kT0);
        const QString cell = markKey(QStringLiteral("2026-09-01"), QStringLiteral("p01"));
        const ChangeSet a = s.teacher.next({op(h, cell, QStringLiteral("value"), QStringLiteral("5"))});
        s.push(s.teacher, {a}, kT0);
        const ChangeSet b =
            s.teacherPhone.next({op(h + 5, cell, QStringLiteral("value"), QStringLiteral("4"), a.versionOf(a.ops[0]))});
        s.push(s.teacherPhone, {b}, kT0 + 60000);
        const ChangeSet c =
            s.teacher.next({op(h + 9, cell, QStringLiteral("value"), QStringLiteral("3"), b.versionOf(b.ops[0]))});
        s.push(s.teacher, {c}, kT0 + 120000);
        auto changes = hub::History::changes(historyOf(*s.store), {QStringLiteral("7А"), cell, {}, 0});
        QVERIFY(changes);
        QCOMPARE(changes->size(), 3);
        QCOMPARE(changes->at(0).newValue, QStringLiteral("5"));
        QCOMPARE(changes->at(1).oldValue, QStringLiteral("5"));
        QCOMPARE(changes->at(1).newValue, QStringLiteral("4"));
        QVERIFY(changes->at(1).device.startsWith(s.teacherPhone.node.nodeId + u' '));
        QCOMPARE(changes->at(2).oldValue, QStringLiteral("4"));
        QCOMPARE(changes->at(2).newValue, QStringLiteral("3"));
        QVERIFY(changes->at(2).device.startsWith(s.teacher.node.nodeId + u' '));
        QCOMPARE(changes->at(2).teacherName, QStringLiteral("Петрова Анна Сергеевна"));
        // The limit keeps the latest; a pupil filter that matches nothing gives nothing.
        QCOMPARE(hub::History::changes(historyOf(*s.store), {{}, QStringLiteral("mark/"), {}, 1})->first().newValue,
                 QStringLiteral("3"));
        QCOMPARE(hub::History::changes(historyOf(*s.store), {{}, {}, QStringLiteral("p77"), 0})->size(), 0);
        QCOMPARE(hub::History::changes(historyOf(*s.store), {QStringLiteral("7Б"), {}, {}, 0})->size(), 0);
    }

    // R-S7: export-git writes standard bare repositories: git log shows the commits, git fsck passes.
    void RS7_exportGit() {
        School s;
        const qint64 h = hlcAt(kT0);
        const QString cell = markKey(QStringLiteral("2026-09-01"), QStringLiteral("p01"));
        const ChangeSet a = s.teacher.next({op(h, cell, QStringLiteral("value"), QStringLiteral("5"))});
        s.push(s.teacher, {a}, kT0);
        s.push(s.teacher,
               {s.teacher.next({op(h + 5, cell, QStringLiteral("value"), QStringLiteral("4"), a.versionOf(a.ops[0]))})},
               kT0 + 1000);
        QTemporaryDir out;
        auto busy = hub::History::exportGit(historyOf(*s.store), s.dir);
        QVERIFY(!busy);
        QCOMPARE(busy.error().code, ErrorCode::InvalidArgument);
        QVERIFY(busy.error().message.contains(QStringLiteral("not empty")));
        const QString target = out.filePath(QStringLiteral("export"));
        auto written = hub::History::exportGit(historyOf(*s.store), target);
        QVERIFY2(written, written ? "" : qPrintable(written.error().message));
        QCOMPARE(written->size(), 1);
        const QString repo = target + QStringLiteral("/7А/2026-2027.git");
        QCOMPARE(written->first(), repo);
        const test::ProcessResult log =
            test::run(QStringLiteral("git"), {QStringLiteral("-C"), repo, QStringLiteral("log"),
                                              QStringLiteral("--format=%an|%ae|%s|%(trailers:key=Batch,valueonly)")});
        QVERIFY2(log.exitCode == 0, qPrintable(log.err));
        const QStringList lines = log.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3); // the two marks, the roster seeded first
        QVERIFY2(lines[0].startsWith(QStringLiteral("Петрова Анна Сергеевна|t01@tabel.invalid|7А math: 1 mark|")),
                 qPrintable(lines[0]));
        const test::ProcessResult fsck = test::run(
            QStringLiteral("git"), {QStringLiteral("-C"), repo, QStringLiteral("fsck"), QStringLiteral("--strict")});
        QVERIFY2(fsck.exitCode == 0, qPrintable(fsck.out + fsck.err));
        const test::ProcessResult show =
            test::run(QStringLiteral("git"), {QStringLiteral("-C"), repo, QStringLiteral("show"),
                                              QStringLiteral("main:math/all/2026-09.tsv")});
        QVERIFY2(show.out.contains(cell + QStringLiteral("\tvalue\t4")), qPrintable(show.out));
    }

    // R-S7, R-S2: SIGKILL while a process pushes batch after batch: after reopening, the history holds exactly
    // one commit per merged batch in the log, and its tree is the one a replay of the log gives.
    void RS7_killLeavesLogAndHistoryInAgreement() {
        for (int round = 0; round < 3; ++round) {
            School s;
            const QString dir = s.dir;
            Device teacher = std::move(s.teacher);
            s.store.reset();
            const pid_t child = ::fork();
            QVERIFY(child >= 0);
            if (child == 0) {
                auto store = hub::HubStore::open(dir);
                if (!store)
                    ::_exit(3);
                qint64 h = hlcAt(kT0);
                for (int i = 0;; ++i) {
                    QList<Op> ops;
                    for (int p = 0; p < 30; ++p)
                        ops << op(h++,
                                  markKey(QStringLiteral("2026-09-%1").arg(1 + i % 28, 2, 10, QLatin1Char('0')),
                                          QStringLiteral("p%1").arg(p, 2, 10, QLatin1Char('0')), 1 + i / 28),
                                  QStringLiteral("value"), QStringLiteral("%1").arg(2 + (i + p) % 4));
                    if (!store->push(teacher.node, batchOf(teacher.node, {teacher.next(ops)}), kT0 + i * 1000))
                        ::_exit(4);
                }
            }
            QTest::qWait(300 + int(QRandomGenerator::global()->bounded(700)));
            ::kill(child, SIGKILL);
            int status = 0;
            ::waitpid(child, &status, 0);
            QVERIFY2(WIFSIGNALED(status), "the child stopped before it was killed");

            auto store = hub::HubStore::open(dir);
            QVERIFY2(store, store ? "" : qPrintable(store.error().message));
            auto batches = store->database().queryInt("SELECT count(DISTINCT received) FROM log WHERE state = 0");
            QVERIFY(batches);
            QVERIFY2(*batches > 0, "no batch was committed before the kill; the test proves nothing");
            auto before = hub::History::heads(store->database());
            QVERIFY(before);
            QCOMPARE(before->size(), 1);
            QCOMPARE(before->first().commits, int(*batches));
            QVERIFY(hub::History::replay(store->database()));
            auto after = hub::History::heads(store->database());
            QCOMPARE(after->first().tree, before->first().tree);
            QCOMPARE(after->first().commit, before->first().commit);
        }
    }

    // The benchmark target of the issue: a full class year in one push in about a second, history included.
    void RS7_classYearPushTime() {
        School s;
        qint64 h = hlcAt(kT0);
        QList<Op> ops;
        const QStringList subjects{QStringLiteral("math"), QStringLiteral("rus"),  QStringLiteral("lit"),
                                   QStringLiteral("eng"),  QStringLiteral("hist"), QStringLiteral("bio"),
                                   QStringLiteral("phys"), QStringLiteral("geo")};
        for (QDate day(2026, 9, 1); day < QDate(2027, 6, 1); day = day.addDays(1)) {
            if (day.dayOfWeek() > 5)
                continue;
            for (int slot = 1; slot <= subjects.size(); ++slot) {
                const QString lesson =
                    QStringLiteral("7А/%1/all/%2/%3").arg(subjects[slot - 1], day.toString(Qt::ISODate)).arg(slot);
                ops << op(h++, QStringLiteral("lesson/") + lesson, QStringLiteral("topic"), QStringLiteral("Тема"));
                ops << op(h++, QStringLiteral("lesson/") + lesson, QStringLiteral("distance"), qint64(0));
                for (int p = 0; p < 30; ++p)
                    if ((p + day.day() + slot) % 3 == 0)
                        ops << op(h++, QStringLiteral("mark/%1/p%2/1").arg(lesson).arg(p, 2, 10, QLatin1Char('0')),
                                  QStringLiteral("value"), QStringLiteral("%1").arg(2 + (p + day.day()) % 4));
            }
        }
        QElapsedTimer timer;
        timer.start();
        const ChangeSet year = s.op.next(ops);
        const Ack ack = s.push(s.op, {year}, kT0); // the operator may write every subject
        const qint64 ms = timer.elapsed();
        QCOMPARE(ack.entries.first().status, AckStatus::Accepted);
        // The history's share: a replay (decode, merge, record) against the merge alone.
        timer.restart();
        QVERIFY(hub::History::replay(historyOf(*s.store)));
        const qint64 replayMs = timer.elapsed();
        timer.restart();
        Reconciler alone;
        QVERIFY(!alone.apply(year).rejected);
        const qint64 mergeMs = timer.elapsed();
        qInfo("a class year of 8 subjects (%lld ops): push with history %lld ms; replay %lld ms, of which the merge "
              "alone %lld ms",
              qint64(ops.size()), ms, replayMs, mergeMs);
        QCOMPARE(headOf(*s.store, kRepo)->commits, 2); // the seeded roster, then the year
    }
};

QTEST_GUILESS_MAIN(TestHubHistory)
#include "test_hub_history.moc"
