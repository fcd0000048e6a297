// The hub's store (R-S7, R-S4, R-S2 on the hub): creation and reopening, idempotent pushes, the registers rebuilt
// from the op log after a reopen, and no personal data in plaintext anywhere in the store's folder.
#include "hub/store/hub_store.h"
#include "shared/core/hlc.h"
#include "shared/crypto/secret.h"
#include "tests/hub/hub_seed.h"
#include "tests/support/test_support.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <tuple>

using namespace tabel;
using namespace tabel::sync;

namespace {

const QString kSurname = QStringLiteral("Кузнецов-Оболенский");

qint64 now() {
    return QDateTime::currentMSecsSinceEpoch();
}

QString markKey(const QString& subject, int column = 1) {
    return QStringLiteral("mark/7А/%1/all/2026-09-01/2/p01/%2").arg(subject).arg(column);
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

QList<AckStatus> statuses(const Ack& ack) {
    QList<AckStatus> out;
    for (const AckEntry& e : ack.entries)
        out << e.status;
    return out;
}

} // namespace

class TestHubStore : public QObject {
    Q_OBJECT

private:
    // A node enrolled with a fresh key: teacher t01, 7А/math/all (or the operator).
    hub::NodeRecord enrolled(hub::HubStore& store, const crypto::SigningKeyPair& key, bool isOperator = false) {
        hub::NewNode n{QStringLiteral("t01"),
                       QStringLiteral("Петрова Анна Сергеевна"),
                       {{QStringLiteral("7А"), QStringLiteral("math"), QStringLiteral("all")}},
                       isOperator};
        auto e = store.addNode(n);
        if (!e)
            qFatal("addNode: %s", qPrintable(e.error().message));
        auto node = store.enroll(e->secret, key.publicKey, QStringLiteral("laptop"), now());
        if (!node)
            qFatal("enroll: %s", qPrintable(node.error().message));
        return *node;
    }

private slots:
    void initTestCase() { QVERIFY(crypto::initialize()); }

    void RS7_createAndReopen() {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("hub"));
        {
            auto store = hub::HubStore::open(dir);
            QVERIFY2(store, store ? "" : qPrintable(store.error().message));
            QCOMPARE(*store->database().queryInt("PRAGMA user_version"), 3);
        }
        const QFileInfo key(dir + QStringLiteral("/hub.key"));
        QCOMPARE(key.size(), 32);
        QCOMPARE(key.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup |
                                      QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        QFile db(dir + QStringLiteral("/hub.db"));
        QVERIFY(db.open(QIODevice::ReadOnly));
        QVERIFY(!db.read(16).startsWith("SQLite format 3")); // encrypted from the first page
        db.close();
        auto again = hub::HubStore::open(dir);
        QVERIFY2(again, again ? "" : qPrintable(again.error().message));

        // A database without its key is damaged, not silently replaced.
        QVERIFY(QFile::rename(key.filePath(), key.filePath() + QStringLiteral(".moved")));
        auto noKey = hub::HubStore::open(dir);
        QVERIFY(!noKey);
        QCOMPARE(noKey.error().code, ErrorCode::Corrupt);
    }

    void RS9_enrolmentCodeIsOneTime() {
        QTemporaryDir tmp;
        auto store = hub::HubStore::open(tmp.path());
        QVERIFY(store);
        auto e = store->addNode({QStringLiteral("t01"), QStringLiteral("Петрова"), {}, false});
        QVERIFY(e);
        const auto k1 = crypto::SigningKeyPair::generate();
        const auto k2 = crypto::SigningKeyPair::generate();
        QVERIFY(store->enroll(e->secret, k1.publicKey, QStringLiteral("a"), now()));
        auto second = store->enroll(e->secret, k2.publicKey, QStringLiteral("b"), now());
        QVERIFY(!second);
        QCOMPARE(second.error().code, ErrorCode::Crypto);
        auto expired = store->addNode({QStringLiteral("t02"), QStringLiteral("Соколов"), {}, false}, 1000);
        QVERIFY(expired);
        QCOMPARE(store->enroll(expired->secret, k2.publicKey, QStringLiteral("b"), now() + 5000).error().code,
                 ErrorCode::Crypto);
        QVERIFY(store->setSuspended(QStringLiteral("n1"), true));
        QCOMPARE((*store->nodeByDevice(k1.publicKey))->status, hub::NodeStatus::Suspended);
        QCOMPARE(store->setSuspended(QStringLiteral("n9"), true).error().code, ErrorCode::NotFound);
    }

    // R-J10 (2.5.4): a substitute's node may write the substituted lesson. The hub finds a teacher's substitutions
    // through an index it keeps with the registers (not by reading every substitution of every year); the index
    // follows a changed substitute, `check` names an index that disagrees with the registers, and a store of
    // schema 2 gets the index at its first open.
    void RJ10_substitutesIndexFollowsTheSubstitution() {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("hub"));
        const auto k2 = crypto::SigningKeyPair::generate();
        const auto k3 = crypto::SigningKeyPair::generate();
        hub::NodeRecord n2, n3;
        const QString lesson = QStringLiteral("7А/math/all/2026-09-01/2");
        const QString subst = QStringLiteral("subst/2026-09-01/2/7А/all");
        const auto substitution = [&](const QString& substitute) {
            domain::Substitution s;
            s.date = QDate(2026, 9, 1);
            s.slot = 2;
            s.classId = QStringLiteral("7А");
            s.groupId = QStringLiteral("all");
            s.subjectId = QStringLiteral("math");
            s.absentTeacherId = QStringLiteral("t01");
            s.substituteId = substitute;
            return QList<domain::ReferenceEntity>{{s.entityKey(), s.toFields()}};
        };
        const auto mark = [&](const crypto::SigningKeyPair& key, const hub::NodeRecord& node, qint64 seq,
                              const QString& pupil) {
            return signedSet(key, node.teacherId, seq,
                             {op(Hlc::pack(now(), 0), QStringLiteral("mark/%1/%2/1").arg(lesson, pupil),
                                 QStringLiteral("value"), QStringLiteral("5"))});
        };
        {
            auto store = hub::HubStore::open(dir);
            QVERIFY(store);
            testing::seedClass(*store, {lesson});
            for (const auto& [teacher, key, node] :
                 {std::tuple{QStringLiteral("t02"), &k2, &n2}, std::tuple{QStringLiteral("t03"), &k3, &n3}}) {
                auto e = store->addNode({teacher, QStringLiteral("Замена ") + teacher, {}, false});
                QVERIFY(e);
                auto enrolledNode = store->enroll(e->secret, key->publicKey, teacher, now());
                QVERIFY(enrolledNode);
                *node = *enrolledNode;
            }
            // No substitution yet: t02 teaches nothing in 7А.
            auto before = store->push(n2, batchOf(n2, {mark(k2, n2, 1, QStringLiteral("p01"))}), now());
            QVERIFY(before);
            QCOMPARE(statuses(*before), QList<AckStatus>{AckStatus::Rejected});
            QVERIFY(store->writeEntities(substitution(QStringLiteral("t02")), now()));
            auto during = store->push(n2, batchOf(n2, {mark(k2, n2, 2, QStringLiteral("p02"))}), now());
            QVERIFY2(during, during ? "" : qPrintable(during.error().message));
            QCOMPARE(statuses(*during), QList<AckStatus>{AckStatus::Accepted});
            // The operator names another substitute: the index moves with it.
            QVERIFY(store->writeEntities(substitution(QStringLiteral("t03")), now()));
            auto after = store->push(n2, batchOf(n2, {mark(k2, n2, 3, QStringLiteral("p03"))}), now());
            QVERIFY(after);
            QCOMPARE(statuses(*after), QList<AckStatus>{AckStatus::Rejected});
            auto other = store->push(n3, batchOf(n3, {mark(k3, n3, 1, QStringLiteral("p03"))}), now());
            QVERIFY(other);
            QCOMPARE(statuses(*other), QList<AckStatus>{AckStatus::Accepted});
            auto sound = store->check();
            QVERIFY(sound);
            QVERIFY2(sound->problems.isEmpty(), qPrintable(sound->problems.join(u'\n')));

            // An index that disagrees with the registers is named by `check`.
            QVERIFY(store->database().exec("DELETE FROM substitutes"));
            auto damaged = store->check();
            QVERIFY(damaged);
            QCOMPARE(damaged->problems.size(), 1);
            QVERIFY2(damaged->problems[0].contains(subst) && damaged->problems[0].contains(QStringLiteral("t03")),
                     qPrintable(damaged->problems[0]));
            // A store of schema 2 had no index.
            QVERIFY(store->database().exec("DROP TABLE substitutes"));
            QVERIFY(store->database().exec("PRAGMA user_version = 2"));
        }
        auto store = hub::HubStore::open(dir);
        QVERIFY2(store, store ? "" : qPrintable(store.error().message));
        QCOMPARE(*store->database().queryInt("PRAGMA user_version"), 3);
        auto migrated = store->check();
        QVERIFY(migrated);
        QVERIFY2(migrated->problems.isEmpty(), qPrintable(migrated->problems.join(u'\n')));
        auto again = store->push(n3, batchOf(n3, {mark(k3, n3, 2, QStringLiteral("p04"))}), now());
        QVERIFY(again);
        QCOMPARE(statuses(*again), QList<AckStatus>{AckStatus::Accepted});
    }

    void RS4_idempotentPush() {
        QTemporaryDir tmp;
        auto store = hub::HubStore::open(tmp.path());
        QVERIFY(store);
        const auto key = crypto::SigningKeyPair::generate();
        const hub::NodeRecord node = enrolled(*store, key);
        testing::seedClass(*store, {QStringLiteral("7А/math/all/2026-09-01/2")}); // hub_seq 1
        const qint64 t0 = Hlc::pack(now(), 0);
        const ChangeSet cs1 =
            signedSet(key, node.teacherId, 1,
                      {op(t0, markKey(QStringLiteral("math")), QStringLiteral("value"), QStringLiteral("5"))});
        const ChangeSet cs2 = signedSet(key, node.teacherId, 2,
                                        {op(t0 + 1, markKey(QStringLiteral("math")), QStringLiteral("value"),
                                            QStringLiteral("4"), cs1.versionOf(cs1.ops[0]))});
        const PushBatch batch = batchOf(node, {cs1, cs2});
        auto ack = store->push(node, batch, now());
        QVERIFY2(ack, ack ? "" : qPrintable(ack.error().message));
        QCOMPARE(statuses(*ack), (QList<AckStatus>{AckStatus::Accepted, AckStatus::Accepted}));
        QCOMPARE(*store->logSize(), 3);

        // The same batch id: the stored Ack, nothing applied again.
        auto again = store->push(node, batch, now());
        QVERIFY(again);
        QCOMPARE(*again, *ack);
        QCOMPARE(*store->logSize(), 3);
        // The same change sets in another batch: duplicates.
        auto other = store->push(node, batchOf(node, {cs1, cs2}), now());
        QVERIFY(other);
        QCOMPARE(statuses(*other), (QList<AckStatus>{AckStatus::Duplicate, AckStatus::Duplicate}));
        QCOMPARE(*store->logSize(), 3);

        // A gap, another device's set, a forged signature, a write outside the scopes.
        const ChangeSet gap =
            signedSet(key, node.teacherId, 4,
                      {op(t0 + 5, markKey(QStringLiteral("math"), 2), QStringLiteral("value"), QStringLiteral("3"))});
        const auto stranger = crypto::SigningKeyPair::generate();
        const ChangeSet foreign =
            signedSet(stranger, node.teacherId, 1,
                      {op(t0 + 6, markKey(QStringLiteral("math"), 3), QStringLiteral("value"), QStringLiteral("3"))});
        SignedChangeSet forged = SignedChangeSet::of(
            signedSet(key, node.teacherId, 3,
                      {op(t0 + 7, markKey(QStringLiteral("math"), 4), QStringLiteral("value"), QStringLiteral("3"))}));
        forged.signature[0] = char(forged.signature[0] ^ 1);
        const ChangeSet outside =
            signedSet(key, node.teacherId, 3,
                      {op(t0 + 8, markKey(QStringLiteral("phys")), QStringLiteral("value"), QStringLiteral("2"))});
        PushBatch bad = batchOf(node, {gap, foreign});
        bad.changeSets << forged << SignedChangeSet::of(outside);
        auto refused = store->push(node, bad, now());
        QVERIFY(refused);
        QCOMPARE(statuses(*refused), QList<AckStatus>(4, AckStatus::Rejected));
        QCOMPARE(refused->entries[0].reason, int(AckReason::SequenceGap));
        QCOMPARE(refused->entries[1].reason, int(AckReason::UnknownDevice));
        QCOMPARE(refused->entries[2].reason, int(AckReason::BadSignature));
        QCOMPARE(refused->entries[3].reason, int(AckReason::OutOfScope));
        // The refused out-of-scope set keeps its seq (recorded, never merged nor pulled).
        QCOMPARE(*store->logSize(), 4);
        const FieldRegister* reg = store->state().find({markKey(QStringLiteral("math")), QStringLiteral("value")});
        QVERIFY(reg);
        QCOMPARE(reg->visibleValue(), domain::FieldValue(QStringLiteral("4")));
        QVERIFY(!store->state().find({markKey(QStringLiteral("phys")), QStringLiteral("value")}));

        // Another device of the same scopes (the teacher's second laptop) pulls the roster and both merged sets;
        // the refused one is passed over.
        const auto secondKey = crypto::SigningKeyPair::generate();
        const hub::NodeRecord second = enrolled(*store, secondKey);
        auto pulled = store->pull(second, 0, 100);
        QVERIFY(pulled);
        QCOMPARE(pulled->changeSets.size(), 3);
        QCOMPARE(pulled->changeSets[1].changeSet, SignedChangeSet::of(cs1));
        QCOMPARE(pulled->toCursor, quint64(4));
        QCOMPARE(pulled->complete, std::optional<bool>(true)); // the whole log examined: no need to ask again
        auto limited = store->pull(second, 0, 1);
        QCOMPARE(limited->changeSets.size(), 1);
        QCOMPARE(limited->toCursor, quint64(1));
        QCOMPARE(limited->complete, std::optional<bool>(false)); // cut by the limit: more may follow
        QCOMPARE(store->pull(second, 4, 100)->changeSets.size(), 0);
        // The device that made them is not sent its own change sets back, but its cursor passes over them.
        auto own = store->pull(node, 0, 100);
        QVERIFY(own);
        QCOMPARE(own->changeSets.size(), 1); // the operator's roster only
        QCOMPARE(own->toCursor, quint64(4));
        // Another device's set in its scopes still reaches it.
        const ChangeSet fromSecond =
            signedSet(secondKey, second.teacherId, 1,
                      {op(t0 + 9, markKey(QStringLiteral("math"), 5), QStringLiteral("value"), QStringLiteral("5"))});
        auto secondAck = store->push(second, batchOf(second, {fromSecond}), now());
        QVERIFY(secondAck);
        QCOMPARE(statuses(*secondAck), QList<AckStatus>{AckStatus::Accepted});
        auto others = store->pull(node, own->toCursor, 100);
        QVERIFY(others);
        QCOMPARE(others->changeSets.size(), 1);
        QCOMPARE(others->changeSets[0].changeSet, SignedChangeSet::of(fromSecond));
        QCOMPARE(others->toCursor, quint64(5));
        QCOMPARE(store->pull(second, 4, 100)->changeSets.size(), 0); // and not back to its own device
    }

    void RS7_registersRebuiltAfterReopen() {
        QTemporaryDir tmp;
        const auto a = crypto::SigningKeyPair::generate();
        const auto b = crypto::SigningKeyPair::generate();
        sync::Reconciler before;
        {
            auto store = hub::HubStore::open(tmp.path());
            QVERIFY(store);
            const hub::NodeRecord na = enrolled(*store, a);
            const hub::NodeRecord nb = enrolled(*store, b);
            testing::seedClass(*store, {QStringLiteral("7А/math/all/2026-09-01/2")});
            const qint64 t0 = Hlc::pack(now(), 0);
            const ChangeSet base =
                signedSet(a, na.teacherId, 1,
                          {op(t0, markKey(QStringLiteral("math")), QStringLiteral("value"), QStringLiteral("5"))});
            QVERIFY(store->push(na, batchOf(na, {base}), now()));
            // Two concurrent edits of the same cell: a conflict, kept.
            const Version v = base.versionOf(base.ops[0]);
            QVERIFY(store->push(na,
                                batchOf(na, {signedSet(a, na.teacherId, 2,
                                                       {op(t0 + 10, markKey(QStringLiteral("math")),
                                                           QStringLiteral("value"), QStringLiteral("4"), v)})}),
                                now()));
            auto ack = store->push(nb,
                                   batchOf(nb, {signedSet(b, nb.teacherId, 1,
                                                          {op(t0 + 11, markKey(QStringLiteral("math")),
                                                              QStringLiteral("value"), QStringLiteral("3"), v)})}),
                                   now());
            QVERIFY(ack);
            QCOMPARE(ack->entries[0].status, AckStatus::Conflict);
            before = store->allRegisters().value();
            QCOMPARE(before.conflicts().size(), 1);
        }
        auto reopened = hub::HubStore::open(tmp.path());
        QVERIFY(reopened);
        QVERIFY(reopened->allRegisters().value() == before);
        QVERIFY(reopened->replayLog().value() == before);
        QCOMPARE(reopened->conflicts().value().size(), 1);
    }

    // Issue 9 item 1: a validly signed set from an enrolled device with a mark «7» is refused whole, with the entry
    // and the problem named; it is kept as refused in the log, never merged, never pulled. A mark for a pupil of
    // another class is held for the operator (sync/judge.h).
    void RJ2_invalidValueRefusedAndKept() {
        QTemporaryDir tmp;
        auto store = hub::HubStore::open(tmp.path());
        QVERIFY(store);
        const auto key = crypto::SigningKeyPair::generate();
        const hub::NodeRecord node = enrolled(*store, key);
        testing::seedClass(*store, {QStringLiteral("7А/math/all/2026-09-01/2")});
        const qint64 t0 = Hlc::pack(now(), 0);
        const ChangeSet seven =
            signedSet(key, node.teacherId, 1,
                      {op(t0, markKey(QStringLiteral("math")), QStringLiteral("weight"), std::int64_t(2)),
                       op(t0 + 1, markKey(QStringLiteral("math")), QStringLiteral("value"), QStringLiteral("7"))});
        auto ack = store->push(node, batchOf(node, {seven}), now());
        QVERIFY2(ack, ack ? "" : qPrintable(ack.error().message));
        QCOMPARE(ack->entries[0].status, AckStatus::Rejected);
        QCOMPARE(ack->entries[0].reason, int(AckReason::InvalidValue));
        QVERIFY2(ack->entries[0].text.contains(QStringLiteral("entry 1 of change set 1")) &&
                     ack->entries[0].text.contains(QStringLiteral("mark: Ученик-p01 Иван (p01), math, 7А")) &&
                     ack->entries[0].text.contains(QStringLiteral("7")),
                 qPrintable(ack->entries[0].text));
        QCOMPARE(*store->logSize(), 2); // the roster and the refused set, kept
        QVERIFY(!store->state().find({markKey(QStringLiteral("math")), QStringLiteral("value")}));
        QVERIFY(!store->state().find({markKey(QStringLiteral("math")), QStringLiteral("weight")}));
        const auto other = crypto::SigningKeyPair::generate();
        auto pulled = store->pull(enrolled(*store, other), 0, 100);
        QVERIFY(pulled);
        QCOMPARE(pulled->changeSets.size(), 1); // the roster only
        // The next set of the device follows the refused one (its seq is used).
        const ChangeSet five =
            signedSet(key, node.teacherId, 2,
                      {op(t0 + 2, markKey(QStringLiteral("math")), QStringLiteral("value"), QStringLiteral("5"))});
        ack = store->push(node, batchOf(node, {five}), now());
        QVERIFY(ack);
        QCOMPARE(ack->entries[0].status, AckStatus::Accepted);

        // A pupil the roster has in another class: held, listed for the operator with the reason.
        QVERIFY(store->writeEntities(
            {{QStringLiteral("pupil/p77"),
              domain::Pupil{
                  QStringLiteral("p77"), QStringLiteral("8Б"), QStringLiteral("Петров"), QStringLiteral("Иван"), {}, {}}
                  .toFields()}},
            now()));
        const ChangeSet foreign = signedSet(key, node.teacherId, 3,
                                            {op(t0 + 3, QStringLiteral("mark/7А/math/all/2026-09-01/2/p77/1"),
                                                QStringLiteral("value"), QStringLiteral("4"))});
        ack = store->push(node, batchOf(node, {foreign}), now());
        QVERIFY(ack);
        QCOMPARE(ack->entries[0].status, AckStatus::Conflict);
        QCOMPARE(ack->entries[0].reason, int(AckReason::AmendmentRequest));
        auto held = store->amendments(false);
        QVERIFY(held);
        QCOMPARE(held->size(), 1);
        QVERIFY2(held->first().heldReason.contains(QStringLiteral("8Б")) &&
                     held->first().heldReason.contains(QStringLiteral("Петров")),
                 qPrintable(held->first().heldReason));
        QVERIFY(!store->state().find({QStringLiteral("mark/7А/math/all/2026-09-01/2/p77/1"), QStringLiteral("value")}));
    }

    void RS2_noPlaintextOnDisk() {
        QTemporaryDir tmp;
        const auto key = crypto::SigningKeyPair::generate();
        {
            auto store = hub::HubStore::open(tmp.path());
            QVERIFY(store);
            const hub::NodeRecord op_ = enrolled(*store, key, true);
            const qint64 t0 = Hlc::pack(now(), 0);
            const ChangeSet cs =
                signedSet(key, op_.teacherId, 1,
                          {op(t0, QStringLiteral("pupil/p01"), QStringLiteral("name"), QStringLiteral("Александр")),
                           op(t0 + 1, QStringLiteral("pupil/p01"), QStringLiteral("surname"), kSurname),
                           op(t0 + 2, QStringLiteral("pupil/p01"), QStringLiteral("class"), QStringLiteral("7А"))});
            auto ack = store->push(op_, batchOf(op_, {cs}), now());
            QVERIFY(ack);
            QCOMPARE(ack->entries[0].status, AckStatus::Accepted);
            // While open (the WAL holds the pages) …
            QCOMPARE(test::filesContaining(tmp.path(), kSurname), QStringList());
        }
        // … and after closing.
        QCOMPARE(test::filesContaining(tmp.path(), kSurname), QStringList());
        QCOMPARE(test::filesContaining(tmp.path(), QStringLiteral("Александр")), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestHubStore)
#include "test_hub_store.moc"
