// The operator's side of the hub store (issue 3, items 3, 5, 6): the hub's own signing identity; reference-data
// imports (R-J1) that are one hub change set with the same keys and values a node's import gives; conflicts
// (R-S5) listed with base, heads, authors, nodes and times, resolved by a hub-signed change set that supersedes
// every head, still resolved after a reopen (replay); pulls that carry the hub's sets and the open conflicts to
// the nodes they concern; a second HubStore on the same folder (serve while the operator runs a command) sees
// the other's change sets.
#include "hub/store/hub_store.h"
#include "node/core/journal.h"
#include "node/store/node_store.h"
#include "shared/core/hlc.h"
#include "shared/crypto/secret.h"
#include "tests/hub/hub_seed.h"
#include "tests/support/test_support.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>

using namespace tabel;
using namespace tabel::sync;

namespace {

qint64 now() {
    return QDateTime::currentMSecsSinceEpoch();
}

const QString kCell = QStringLiteral("mark/7А/math/all/2026-09-01/2/7a-01/1");

QString demo(const QString& kind) {
    return test::sourceDir() + QStringLiteral("/deploy/demo/") + kind + QStringLiteral(".csv");
}

ChangeSet signedSet(const crypto::SigningKeyPair& key, const QString& author, qint64 seq, QList<Op> ops) {
    ChangeSet cs;
    cs.device = key.publicKey;
    cs.author = author;
    cs.seq = seq;
    cs.ops = std::move(ops);
    cs.hlc = cs.ops.back().hlc;
    cs.sign(key);
    return cs;
}

PushBatch batchOf(const hub::NodeRecord& node, const QList<ChangeSet>& sets) {
    PushBatch b;
    b.nodeId = node.nodeId;
    b.batchId = newBatchId();
    for (const ChangeSet& cs : sets)
        b.changeSets << SignedChangeSet::of(cs);
    return b;
}

// Every field of the mark kCell with the given value, as a node writes it (one op per field, base null).
QList<Op> markOps(qint64 hlc, domain::MarkValue value) {
    domain::Mark m;
    m.lesson = *domain::LessonKey::parse(QStringLiteral("7А/math/all/2026-09-01/2"));
    m.pupilId = QStringLiteral("7a-01");
    m.column = 1;
    m.value = value;
    if (m.entityKey() != kCell)
        qFatal("unexpected key %s", qPrintable(m.entityKey()));
    QList<Op> ops;
    for (const auto& [field, v] : m.toFields())
        if (!domain::isNull(v))
            ops << Op{hlc++, kCell, field, v, {}};
    return ops;
}

// The merged visible state of the hub, entity by entity (null fields left out, as a node's state has them).
std::map<QString, domain::Fields> hubEntities(const Reconciler& r) {
    std::map<QString, domain::Fields> out;
    for (const auto& [field, reg] : r.registers())
        if (!domain::isNull(reg.visibleValue()))
            out[field.entity][field.field] = reg.visibleValue();
    return out;
}

// The set of change sets a pull from cursor 0 gives the node, opened.
QList<ChangeSet> pulledSets(hub::HubStore& store, const hub::NodeRecord& node, PullBatch* batch = nullptr) {
    Result<PullBatch> pulled = store.pull(node, 0, 1000);
    if (!pulled)
        qFatal("pull: %s", qPrintable(pulled.error().message));
    QList<ChangeSet> out;
    for (const PulledChangeSet& p : pulled->changeSets) {
        Result<ChangeSet> cs = p.changeSet.open();
        if (!cs)
            qFatal("a pulled set does not verify: %s", qPrintable(cs.error().message));
        out << *cs;
    }
    if (batch)
        *batch = *pulled;
    return out;
}

} // namespace

class TestHubOperator : public QObject {
    Q_OBJECT

private:
    hub::NodeRecord enrolled(hub::HubStore& store, const crypto::SigningKeyPair& key, const QString& teacher,
                             const QString& assign) {
        const QStringList a = assign.split(u'/');
        hub::NewNode n{teacher, QStringLiteral("Учитель ") + teacher, {{a[0], a[1], a[2]}}, false};
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

    void hubIdentityIsKeptInTheStore() {
        QTemporaryDir tmp;
        QByteArray key;
        {
            auto store = hub::HubStore::open(tmp.path());
            QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
            key = store->identity().publicKey;
            QCOMPARE(key.size(), 32);
            QCOMPARE(store->identity().deviceNumber, crypto::deviceNumber(key));
        }
        auto again = hub::HubStore::open(tmp.path());
        QVERIFY(again);
        QCOMPARE(again->identity().publicKey, key);
        // The secret key is in hub.db (encrypted), nowhere in plaintext in the folder.
        QVERIFY(test::filesContaining(tmp.path(), QStringLiteral("hub_device_key")).isEmpty());
    }

    void RJ1_badLineNamesFileLineColumnAndImportsNothing() {
        QTemporaryDir tmp;
        auto store = hub::HubStore::open(tmp.filePath(QStringLiteral("hub")));
        QVERIFY(store);
        const QString file =
            test::writeFile(tmp.filePath(QStringLiteral("roster.csv")),
                            QStringLiteral("pupil_id,class,surname,name\n7a-01,7А,Алексеев,Артём\n7a-02,Z7,Белова,"
                                           "Варвара\n")
                                .toUtf8());
        auto r = store->importReference(domain::ReferenceKind::Roster, file, now());
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::InvalidInput);
        const QString m = r.error().message;
        QVERIFY2(m.contains(QStringLiteral("roster.csv")) && m.contains(QStringLiteral("line 3")) &&
                     m.contains(QStringLiteral("column 2")),
                 qPrintable(m));
        QCOMPARE(*store->logSize(), 0);
        QVERIFY(store->allRegisters().value().registers().empty());
        // A missing file: NotFound, nothing written.
        auto missing =
            store->importReference(domain::ReferenceKind::Calendar, tmp.filePath(QStringLiteral("no.csv")), now());
        QVERIFY(!missing);
        QCOMPARE(*store->logSize(), 0);
    }

    // The node's import and the hub's give the same entity keys and field values (one conversion,
    // shared/domain/reference_import.h); the hub's is one change set of its own device per file.
    void RJ1_hubImportEqualsNodeImport() {
        QTemporaryDir tmp;
        auto store = hub::HubStore::open(tmp.filePath(QStringLiteral("hub")));
        QVERIFY(store);
        static constexpr char kPass[] = "correct horse battery";
        auto node = node::NodeStore::create(tmp.filePath(QStringLiteral("node")),
                                            crypto::SecretBytes::fromBytes(kPass, std::strlen(kPass)),
                                            node::NodeStore::InitOptions{.teacherId = QStringLiteral("ivanova"),
                                                                         .teacherName = QStringLiteral("Иванова"),
                                                                         .kdfProfile = QStringLiteral("interactive")});
        QVERIFY2(node, qPrintable(node ? QString() : node.error().message));
        node::Journal journal(*node);
        std::int64_t lastSeq = 0;
        for (const QString& kind :
             {QStringLiteral("calendar"), QStringLiteral("roster"), QStringLiteral("timetable")}) {
            auto onNode = journal.importReference(*domain::parseReferenceKind(kind), demo(kind));
            QVERIFY2(onNode, qPrintable(onNode ? QString() : onNode.error().message));
            auto onHub = store->importReference(*domain::parseReferenceKind(kind), demo(kind), now());
            QVERIFY2(onHub, qPrintable(onHub ? QString() : onHub.error().message));
            QCOMPARE(onHub->data.rows, onNode->rows);
            QVERIFY(onHub->commit.hubSeq > 0);
            // One change set per unit (sync/unit.h) — the timetable's subjects and teachers apart from the class's
            // slots and assignments — and seqs without gaps.
            QCOMPARE(onHub->commit.firstSeq, lastSeq + 1);
            QCOMPARE(onHub->commit.seq, lastSeq + onHub->commit.changeSets);
            QCOMPARE(onHub->commit.changeSets, kind == u"timetable" ? 2 : 1);
            QCOMPARE(onHub->commit.ops, onNode->commit.ops);
            lastSeq = onHub->commit.seq;
        }
        std::map<QString, domain::Fields> nodeEntities;
        for (const char* p : {"year/", "period/", "holiday/", "class/", "pupil/", "member/", "subject/", "teacher/",
                              "assign/", "slot/"}) {
            const QString prefix = QString::fromLatin1(p);
            auto entities = node->scan(prefix);
            QVERIFY(entities);
            QVERIFY2(!entities->isEmpty() || prefix == u"holiday/" || prefix == u"member/", qPrintable(prefix));
            for (const node::Entity& e : *entities)
                for (const auto& [f, v] : e.fields)
                    if (!domain::isNull(v))
                        nodeEntities[e.key][f] = v;
        }
        const auto onHub = hubEntities(store->allRegisters().value());
        QCOMPARE(onHub.size(), nodeEntities.size());
        QVERIFY(onHub == nodeEntities);
        QVERIFY(onHub.count(QStringLiteral("pupil/7a-01")));

        // Importing the same file again changes nothing: no change set.
        const std::int64_t before = *store->logSize();
        auto again = store->importReference(domain::ReferenceKind::Roster, demo(QStringLiteral("roster")), now());
        QVERIFY(again);
        QCOMPARE(again->commit.hubSeq, 0);
        QCOMPARE(*store->logSize(), before);
    }

    // R-S5: two teachers write one mark cell concurrently; the operator lists, shows and resolves the conflict;
    // the resolution is a hub change set with one op per head; after a reopen (replay) it is still resolved.
    void RS5_conflictListShowResolveReplay() {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("hub"));
        const crypto::SigningKeyPair k1 = crypto::SigningKeyPair::generate();
        const crypto::SigningKeyPair k2 = crypto::SigningKeyPair::generate();
        const crypto::SigningKeyPair k3 = crypto::SigningKeyPair::generate();
        QString id;
        hub::NodeRecord n1, n2, other;
        {
            auto store = hub::HubStore::open(dir);
            QVERIFY(store);
            n1 = enrolled(*store, k1, QStringLiteral("t01"), QStringLiteral("7А/math/all"));
            n2 = enrolled(*store, k2, QStringLiteral("t02"), QStringLiteral("7А/math/all"));
            other = enrolled(*store, k3, QStringLiteral("t03"), QStringLiteral("5Б/math/all"));
            testing::seedClass(*store, {QStringLiteral("7А/math/all/2026-09-01/2")});
            QVERIFY(store->conflicts()->isEmpty());
            const qint64 h = (now() - 60000) << 16;
            auto a1 = store->push(
                n1, batchOf(n1, {signedSet(k1, QStringLiteral("t01"), 1, markOps(h + 1, domain::MarkValue::Five))}),
                now());
            QVERIFY(a1);
            QCOMPARE(a1->entries.first().status, AckStatus::Accepted);
            auto a2 = store->push(
                n2, batchOf(n2, {signedSet(k2, QStringLiteral("t02"), 1, markOps(h + 100, domain::MarkValue::Four))}),
                now());
            QVERIFY(a2);
            QCOMPARE(a2->entries.first().status, AckStatus::Conflict);
            // The operator reads whose mark it is, not its key (issue 9 item 7).
            const QString what = store->conflicts()->first().what;
            QVERIFY2(what.contains(QStringLiteral("Ученик-7a-01 Иван (7a-01)")) &&
                         what.contains(QStringLiteral("01.09.2026")),
                     qPrintable(what));

            auto list = store->conflicts();
            QVERIFY(list);
            QCOMPARE(list->size(), 1);
            const hub::ConflictInfo& c = list->first();
            id = c.id;
            QCOMPARE(id, hub::conflictId({kCell, QStringLiteral("value")}));
            QVERIFY(id.startsWith(u'c') && id.size() == 11);
            QCOMPARE(c.classId, QStringLiteral("7А"));
            QVERIFY(c.base.isNull());
            QCOMPARE(c.heads.size(), 2);
            QCOMPARE(c.heads[0].number, 1);
            QCOMPARE(c.heads[0].write.author, QStringLiteral("t01"));
            QCOMPARE(c.heads[0].nodeId, n1.nodeId);
            QCOMPARE(c.heads[0].teacherName, QStringLiteral("Учитель t01"));
            QCOMPARE(c.heads[0].write.value, domain::FieldValue(QStringLiteral("5")));
            QCOMPARE(c.heads[1].write.author, QStringLiteral("t02"));
            QCOMPARE(c.heads[1].nodeId, n2.nodeId);
            QCOMPARE(c.heads[1].write.version.device, crypto::deviceNumber(k2.publicKey));
            QCOMPARE(c.heads[1].time().toMSecsSinceEpoch(), Hlc::millis(c.heads[1].write.version.hlc));
            QVERIFY(c.heads[1].write.version.hlc >= h + 100);
            QCOMPARE(store->conflicts(QStringLiteral("7А"))->size(), 1);
            QCOMPARE(store->conflicts(QStringLiteral("5Б"))->size(), 0);
            QCOMPARE(store->conflict(id.toUpper())->field.entity, kCell);
            QCOMPARE(store->conflict(QStringLiteral("c0000000000")).error().code, ErrorCode::NotFound);

            // The nodes of 7А are told of the conflict when they pull; the node of 5Б is not.
            PullBatch batch;
            pulledSets(*store, n1, &batch);
            QVERIFY(batch.openConflicts.has_value());
            QCOMPARE(batch.openConflicts->size(), 1);
            QCOMPARE(batch.openConflicts->first(), (OpenConflict{id, kCell, QStringLiteral("value")}));
            pulledSets(*store, other, &batch);
            QVERIFY(batch.openConflicts && batch.openConflicts->isEmpty());

            // A value the journal cannot hold is refused before anything is signed.
            const std::int64_t logBefore = *store->logSize();
            auto bad = store->resolveConflict(id, QStringLiteral("7"), now());
            QVERIFY(!bad);
            QCOMPARE(bad.error().code, ErrorCode::InvalidArgument);
            QCOMPARE(*store->logSize(), logBefore);

            auto resolved = store->resolveConflict(id, QStringLiteral("4"), now());
            QVERIFY2(resolved, qPrintable(resolved ? QString() : resolved.error().message));
            QCOMPARE(resolved->ops, 2);
            QCOMPARE(resolved->seq, 2); // the hub's second own change set, after the seeded roster
            QVERIFY(store->conflicts()->isEmpty());
            const FieldRegister* reg = store->state().find({kCell, QStringLiteral("value")});
            QVERIFY(reg && !reg->inConflict());
            QCOMPARE(reg->visibleValue(), domain::FieldValue(QStringLiteral("4")));
            // Both former heads are superseded; the heads are the hub's two ops.
            for (const hub::ConflictHead& head : c.heads)
                QVERIFY(reg->isSuperseded(head.write.version));
            for (const Write& w : reg->heads())
                QCOMPARE(w.version.device, store->identity().deviceNumber);
            QCOMPARE(store->resolveConflict(id, QStringLiteral("5"), now()).error().code, ErrorCode::NotFound);

            // Both teachers' nodes pull the resolution: signed by the hub's device, authored as the operator,
            // one op per head, each based on that head; and no open conflict any more.
            const QList<ChangeSet> sets = pulledSets(*store, n1, &batch);
            QVERIFY(!sets.isEmpty());
            const ChangeSet& last = sets.last();
            QCOMPARE(last.device, store->identity().publicKey);
            QCOMPARE(last.author, hub::operatorAuthor());
            QCOMPARE(last.ops.size(), 2);
            QCOMPARE(last.ops[0].base, c.heads[0].write.version);
            QCOMPARE(last.ops[1].base, c.heads[1].write.version);
            QVERIFY(batch.openConflicts && batch.openConflicts->isEmpty());
            QCOMPARE(pulledSets(*store, n2).last().device, store->identity().publicKey);
            QVERIFY(pulledSets(*store, other).isEmpty());
        }
        // Replay from the log after a reopen: still resolved, same value.
        auto reopened = hub::HubStore::open(dir);
        QVERIFY(reopened);
        QVERIFY(reopened->conflicts()->isEmpty());
        QCOMPARE(reopened->state().find({kCell, QStringLiteral("value")})->visibleValue(),
                 domain::FieldValue(QStringLiteral("4")));
        QCOMPARE(reopened->conflict(id).error().code, ErrorCode::NotFound);
        // R-S7: the resolution is in the history at once, as the operator's commit: the cell's last change is the
        // chosen value, no longer marked CONFLICT (it used to wait for the next push to that file).
        auto changes = reopened->history(hub::HistoryFilter{{}, kCell, {}, 0}, QStringLiteral("test"));
        QVERIFY2(changes, changes ? "" : qPrintable(changes.error().message));
        QVERIFY(!changes->isEmpty());
        const hub::HistoryChange& latest = changes->last();
        QCOMPARE(latest.teacherId, hub::operatorAuthor());
        QCOMPARE(latest.newValue, QStringLiteral("4"));
        QVERIFY2(!latest.oldValue.isEmpty() && latest.oldValue.contains(QStringLiteral("CONFLICT")),
                 qPrintable(latest.oldValue));
    }

    // `serve` keeps its store open while the operator's command opens another on the same folder: each sees the
    // other's change sets before it merges or answers.
    // R-J10 (2.5.4), R-S6: a substitute's node may write the lessons of its substitutions, and only those; the
    // substitution is the operator's (a teacher cannot grant it to themself) and reaches the substitute on pull.
    void RJ10_substituteWritesOnlyTheSubstitutionsLesson() {
        QTemporaryDir tmp;
        auto store = hub::HubStore::open(tmp.filePath(QStringLiteral("hub")));
        QVERIFY(store);
        QVERIFY(store->importReference(domain::ReferenceKind::Timetable, demo(QStringLiteral("timetable")), now()));
        QVERIFY(store->importReference(domain::ReferenceKind::Roster, demo(QStringLiteral("roster")), now()));
        const crypto::SigningKeyPair key = crypto::SigningKeyPair::generate();
        const hub::NodeRecord petrova = enrolled(*store, key, QStringLiteral("petrova"), QStringLiteral("7А/eng/1"));
        const QString lesson = QStringLiteral("lesson/7А/math/all/2026-09-01/2");
        qint64 h = now() << 16;
        qint64 seq = 0;
        const auto pushOne = [&](const QList<Op>& ops) {
            auto ack =
                store->push(petrova, batchOf(petrova, {signedSet(key, QStringLiteral("petrova"), ++seq, ops)}), now());
            if (!ack)
                qFatal("push: %s", qPrintable(ack.error().message));
            return ack->entries.first();
        };
        const Op topic{h++, lesson, QStringLiteral("topic"), QStringLiteral("Дроби"), {}};

        // Without a substitution: ivanova's lesson is outside petrova's scopes.
        AckEntry e = pushOne({topic});
        QCOMPARE(e.status, AckStatus::Rejected);
        QVERIFY2(e.text.contains(QStringLiteral("no substitution")), qPrintable(e.text));
        // A teacher's own record of a substitution is refused too: substitutions are the operator's.
        domain::Substitution sub;
        sub.date = QDate(2026, 9, 1);
        sub.slot = 2;
        sub.classId = QStringLiteral("7А");
        sub.groupId = QStringLiteral("all");
        sub.subjectId = QStringLiteral("math");
        sub.absentTeacherId = QStringLiteral("ivanova");
        sub.substituteId = QStringLiteral("petrova");
        sub.reason = QStringLiteral("болезнь");
        QList<Op> subOps;
        for (const auto& [field, v] : sub.toFields())
            if (!domain::isNull(v))
                subOps << Op{h++, sub.entityKey(), field, v, {}};
        QCOMPARE(pushOne(subOps).status, AckStatus::Rejected);

        // The operator records it; petrova's node receives it on pull.
        auto commit = store->writeEntities({domain::ReferenceEntity{sub.entityKey(), sub.toFields()}}, now());
        QVERIFY(commit);
        QVERIFY(commit->hubSeq > 0);
        bool received = false;
        for (const ChangeSet& cs : pulledSets(*store, petrova))
            for (const Op& op : cs.ops)
                received = received || op.entity == sub.entityKey();
        QVERIFY2(received, "the substitute's node does not receive its substitution");

        // Now that lesson, its marks and attendance merge; the next lesson of the day is still refused.
        e = pushOne({Op{h++, lesson, QStringLiteral("topic"), QStringLiteral("Дроби"), {}},
                     Op{h++, lesson, QStringLiteral("distance"), std::int64_t(0), {}},
                     Op{h++,
                        QStringLiteral("mark/7А/math/all/2026-09-01/2/7a-01/1"),
                        QStringLiteral("value"),
                        QStringLiteral("5"),
                        {}}});
        QVERIFY2(e.status == AckStatus::Accepted, qPrintable(e.text));
        QCOMPARE(store->currentState().value()->find({lesson, QStringLiteral("topic")})->visibleValue(),
                 domain::FieldValue(QStringLiteral("Дроби")));
        e = pushOne({Op{h++,
                        QStringLiteral("lesson/7А/math/all/2026-09-01/3"),
                        QStringLiteral("topic"),
                        QStringLiteral("Дроби"),
                        {}}});
        QCOMPARE(e.status, AckStatus::Rejected);
    }

    void secondStoreOnTheFolderCatchesUp() {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("hub"));
        auto serving = hub::HubStore::open(dir);
        QVERIFY(serving);
        const crypto::SigningKeyPair k1 = crypto::SigningKeyPair::generate();
        const hub::NodeRecord n1 = enrolled(*serving, k1, QStringLiteral("ivanova"), QStringLiteral("7А/math/all"));
        {
            auto command = hub::HubStore::open(dir);
            QVERIFY(command);
            QCOMPARE(command->identity().publicKey, serving->identity().publicKey);
            auto r = command->importReference(domain::ReferenceKind::Roster, demo(QStringLiteral("roster")), now());
            QVERIFY(r);
        }
        // The serving store pulls the import to the node (pupils of 7А, the node's class) ...
        const QList<ChangeSet> sets = pulledSets(*serving, n1);
        QCOMPARE(sets.size(), 1);
        QCOMPARE(sets.first().author, hub::operatorAuthor());
        QVERIFY(serving->currentState().value()->find({QStringLiteral("pupil/7a-01"), QStringLiteral("surname")}));
        // ... and merges a push on top of it with the import in its registers.
        const qint64 h = now() << 16;
        auto ack = serving->push(
            n1,
            batchOf(n1, {signedSet(k1, QStringLiteral("ivanova"), 1,
                                   {Op{h,
                                       QStringLiteral("lesson/7А/math/all/2026-09-01/2"),
                                       QStringLiteral("distance"),
                                       std::int64_t(0),
                                       {}},
                                    Op{h + 1, kCell, QStringLiteral("value"), QStringLiteral("5"), {}}})}),
            now());
        QVERIFY(ack);
        QCOMPARE(ack->entries.first().status, AckStatus::Accepted);
        // A node of another class does not receive 7А's pupils.
        const crypto::SigningKeyPair k2 = crypto::SigningKeyPair::generate();
        const hub::NodeRecord n2 = enrolled(*serving, k2, QStringLiteral("petrova"), QStringLiteral("5Б/math/all"));
        QVERIFY(pulledSets(*serving, n2).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHubOperator)
#include "test_hub_operator.moc"
