// The persisted registers (issue 8, item 1; R-S4, R-S5, R-S6) against a fresh replay of the log: random pushes of
// three devices (new writes, edits based on what the device last saw, stale bases that make conflicts, bases that
// are not older than the op and get the set refused), the same batch sent again, the same sets in a new batch,
// the operator's resolutions of open conflicts, imports of the hub's own, a period closed and reopened, amendment
// requests accepted or declined, and the store closed and opened again — in an order drawn from a seed. After
// every step the stored registers equal a replay of the merged log, and at the end `check` finds nothing.
//   TABEL_PROPERTY_SEED=N TABEL_PROPERTY_STEPS=M repeat one run.
#include "hub/store/hub_store.h"
#include "shared/core/hlc.h"
#include "shared/crypto/secret.h"
#include "sync/wire.h"
#include "tests/hub/hub_seed.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace tabel;
using namespace tabel::sync;

namespace {

qint64 now() {
    return QDateTime::currentMSecsSinceEpoch();
}

// Cells in September (inside q1) and in November (outside it), two fields each: few enough to collide.
QString cell(int i) {
    return QStringLiteral("mark/7А/math/all/2026-%1-%2/2/p0%3/1")
        .arg(i % 2 ? QStringLiteral("09") : QStringLiteral("11"))
        .arg(i % 4 < 2 ? QStringLiteral("08") : QStringLiteral("10"))
        .arg(i % 3 + 1);
}

struct Device {
    crypto::SigningKeyPair key;
    hub::NodeRecord node;
    qint64 seq = 0;
    Hlc clock;
    std::map<FieldId, Version> seen; // the version of each field as this device last saw it
    QList<PushBatch> sent;
};

} // namespace

class TestHubRegisters : public QObject {
    Q_OBJECT

    QString m_dir;

    hub::NodeRecord enrol(hub::HubStore& store, const crypto::SigningKeyPair& key, const QString& name) {
        hub::NewNode n{QStringLiteral("t01"),
                       QStringLiteral("Петрова Анна Сергеевна"),
                       {{QStringLiteral("7А"), QStringLiteral("math"), QStringLiteral("all")}},
                       false};
        auto e = store.addNode(n);
        if (!e)
            qFatal("addNode: %s", qPrintable(e.error().message));
        auto node = store.enroll(e->secret, key.publicKey, name, now());
        if (!node)
            qFatal("enroll: %s", qPrintable(node.error().message));
        return *node;
    }

    void runOnce(quint32 seed, int steps) {
        QTemporaryDir tmp;
        m_dir = tmp.filePath(QStringLiteral("hub"));
        QRandomGenerator rng(seed);
        std::optional<hub::HubStore> store;
        store.emplace(std::move(hub::HubStore::open(m_dir).value()));
        std::vector<Device> devices(3);
        for (std::size_t i = 0; i < devices.size(); ++i) {
            devices[i].key = crypto::SigningKeyPair::generate();
            devices[i].node = enrol(*store, devices[i].key, QStringLiteral("device %1").arg(i));
        }
        // The pupils and lessons of the cells: marks of unknown pupils or lessons are refused (sync/judge.h).
        QStringList lessons;
        for (const char* month : {"09", "11"})
            for (const char* day : {"08", "10"})
                lessons << QStringLiteral("7А/math/all/2026-%1-%2/2").arg(QLatin1String(month), QLatin1String(day));
        testing::seedClass(*store, lessons, {QStringLiteral("p01"), QStringLiteral("p02"), QStringLiteral("p03")});
        bool closed = false;
        int pushes = 0, conflicts = 0, resolutions = 0, held = 0, decided = 0, refused = 0, reopened = 0;
        for (int step = 0; step < steps; ++step) {
            const quint32 what = rng.bounded(100);
            Device& dev = devices[rng.bounded(quint32(devices.size()))];
            if (what < 55) {
                // A change set of 1–4 ops, mostly based on what the device saw, sometimes on nothing (a concurrent
                // first write), sometimes (rarely) on a version not older than the op: refused whole.
                ChangeSet cs;
                cs.author = dev.node.teacherId;
                cs.seq = ++dev.seq;
                const int n = 1 + int(rng.bounded(4));
                bool invalid = false;
                // A mark's value is written with every write of its cell (the hub refuses a mark without one);
                // its weight sometimes beside it.
                QList<FieldId> fields;
                for (int k = 0; k < n; ++k) {
                    const QString c = cell(int(rng.bounded(12)));
                    fields << FieldId{c, QStringLiteral("value")};
                    if (rng.bounded(2))
                        fields << FieldId{c, QStringLiteral("weight")};
                }
                // Sometimes the set writes its first cell's lesson too, so that the hub reads the lesson's marks in
                // one range (MergedState::preload); and sometimes a set of the same device before it in the batch
                // writes one of that lesson's marks first, in the same transaction.
                const bool withLesson = rng.bounded(3) == 0;
                PushBatch b;
                b.nodeId = dev.node.nodeId;
                b.batchId = newBatchId();
                const QString lessonOfCell = fields.first().entity.section(u'/', 1, 5);
                if (withLesson && rng.bounded(2)) {
                    ChangeSet pre;
                    pre.author = dev.node.teacherId;
                    pre.seq = cs.seq;
                    cs.seq = ++dev.seq;
                    const FieldId f{QStringLiteral("mark/%1/p0%2/1").arg(lessonOfCell).arg(1 + rng.bounded(3)),
                                    QStringLiteral("value")};
                    const qint64 t = dev.clock.now();
                    const auto seenIt = dev.seen.find(f);
                    pre.ops.append(Op{t, f.entity, f.field, QString::number(2 + rng.bounded(4)),
                                      seenIt != dev.seen.end() ? seenIt->second : Version{}});
                    dev.seen[f] = Version{crypto::deviceNumber(dev.key.publicKey), t};
                    pre.hlc = t;
                    pre.sign(dev.key);
                    b.changeSets << SignedChangeSet::of(pre);
                }
                for (const FieldId& f : fields) {
                    const qint64 t = dev.clock.now();
                    Version base;
                    if (auto it = dev.seen.find(f); it != dev.seen.end() && rng.bounded(4) != 0)
                        base = it->second;
                    if (rng.bounded(40) == 0) {
                        base = Version{crypto::deviceNumber(dev.key.publicKey), t + 1000};
                        invalid = true;
                    }
                    const domain::FieldValue v = f.field == u"value"
                                                     ? domain::FieldValue(QString::number(2 + rng.bounded(4)))
                                                     : domain::FieldValue(std::int64_t(1 + rng.bounded(3)));
                    cs.ops.append(Op{t, f.entity, f.field, v, base});
                    if (!invalid)
                        dev.seen[f] = Version{crypto::deviceNumber(dev.key.publicKey), t};
                }
                if (withLesson) {
                    const FieldId topic{QStringLiteral("lesson/") + lessonOfCell, QStringLiteral("topic")};
                    const qint64 t = dev.clock.now();
                    cs.ops.append(Op{t, topic.entity, topic.field, QStringLiteral("Тема %1").arg(rng.bounded(5)),
                                     dev.seen.count(topic) ? dev.seen[topic] : Version{}});
                    if (!invalid)
                        dev.seen[topic] = Version{crypto::deviceNumber(dev.key.publicKey), t};
                }
                cs.hlc = cs.ops.back().hlc;
                cs.sign(dev.key);
                b.changeSets << SignedChangeSet::of(cs);
                auto ack = store->push(dev.node, b, now());
                QVERIFY2(ack, ack ? "" : qPrintable(ack.error().message));
                QCOMPARE(ack->entries.size(), b.changeSets.size());
                refused += ack->entries.last().status == AckStatus::Rejected ? 1 : 0;
                // An edit of a closed period is held before it is reconciled: an invalid one is refused when the
                // operator accepts it.
                const bool isHeld = ack->entries.last().reason == int(AckReason::AmendmentRequest);
                if (!isHeld)
                    QCOMPARE(ack->entries.last().status == AckStatus::Rejected, invalid);
                dev.sent.append(b);
                ++pushes;
            } else if (what < 63 && !dev.sent.isEmpty()) {
                // The same batch again (its stored Ack), or its sets in a new batch (duplicates).
                PushBatch b = dev.sent[qsizetype(rng.bounded(quint32(dev.sent.size())))];
                if (rng.bounded(2))
                    b.batchId = newBatchId();
                QVERIFY(store->push(dev.node, b, now()));
            } else if (what < 70) {
                // The device pulls: what it sees now is the hub's merged state.
                auto pulled = store->pull(dev.node, 0, 5000);
                QVERIFY2(pulled, pulled ? "" : qPrintable(pulled.error().message));
                for (const PulledChangeSet& p : pulled->changeSets) {
                    const ChangeSet cs =
                        ChangeSet::fromCanonicalBytes(p.changeSet.canonical, p.changeSet.signature).value();
                    for (const Op& o : cs.ops) {
                        dev.clock.observe(o.hlc);
                        const FieldRegister* r = store->state().find({o.entity, o.field});
                        if (r && r->visible())
                            dev.seen[{o.entity, o.field}] = r->visible()->version;
                    }
                }
            } else if (what < 78) {
                // The operator resolves an open conflict.
                auto open = store->conflicts();
                QVERIFY(open);
                conflicts = std::max(conflicts, int(open->size()));
                if (!open->isEmpty()) {
                    const hub::ConflictInfo& c = (*open)[qsizetype(rng.bounded(quint32(open->size())))];
                    const domain::FieldValue v = c.heads.first().write.value;
                    auto r = store->resolveConflict(c.id, v, now());
                    // The synthetic marks here are fields, not always whole marks: a resolution that would leave an
                    // entity the journal cannot read is refused before anything is written.
                    QVERIFY2(r || r.error().code == ErrorCode::InvalidArgument, r ? "" : qPrintable(r.error().message));
                    if (r) {
                        QVERIFY(!store->conflict(c.id));
                        ++resolutions;
                    }
                }
            } else if (what < 82) {
                // The hub's own change set: a lesson topic written as the operator.
                const QString lesson = QStringLiteral("lesson/7А/math/all/2026-11-%1/2").arg(10 + rng.bounded(3));
                domain::Fields f{{QStringLiteral("topic"), QStringLiteral("Тема %1").arg(step)}};
                QVERIFY(store->writeEntities({domain::ReferenceEntity{lesson, f}}, now()));
            } else if (what < 86) {
                // Close or reopen q1: edits of September become amendment requests while it is closed.
                if (!closed)
                    QVERIFY(store->closePeriod(
                        ClosedPeriod{QString(), QDate(2026, 9, 1), QDate(2026, 10, 24), QStringLiteral("q1")}, now()));
                else
                    QVERIFY(store->reopenPeriod(QStringLiteral("q1"), QString()));
                closed = !closed;
            } else if (what < 93) {
                // The operator decides a held request.
                auto waiting = store->amendments(false);
                QVERIFY(waiting);
                held = std::max(held, int(waiting->size()));
                if (!waiting->isEmpty()) {
                    const hub::Amendment& a = (*waiting)[qsizetype(rng.bounded(quint32(waiting->size())))];
                    bool accepted = false;
                    if (rng.bounded(2)) {
                        auto r = store->acceptAmendment(a.id, now());
                        // Only a set whose versions the registers refuse cannot be accepted; it is declined.
                        QVERIFY2(r || r.error().code == ErrorCode::InvalidInput,
                                 r ? "" : qPrintable(r.error().message));
                        accepted = bool(r);
                    }
                    if (!accepted)
                        QVERIFY(store->declineAmendment(a.id, QStringLiteral("оценка не подтверждена"), now()));
                    ++decided;
                }
            } else {
                // The store closed and opened again: nothing is replayed, the registers are read where they are.
                store.reset();
                store.emplace(std::move(hub::HubStore::open(m_dir).value()));
                ++reopened;
            }
            const Reconciler stored = store->allRegisters().value();
            const Reconciler replayed = store->replayLog().value();
            if (!(stored == replayed)) {
                QStringList diff;
                for (const auto& [id, reg] : replayed.registers()) {
                    const FieldRegister* have = stored.find(id);
                    if (!have || !(*have == reg))
                        diff << QStringLiteral("%1 %2: stored %3 versions, %4 heads; replay %5 versions, %6 heads")
                                    .arg(id.entity, id.field)
                                    .arg(have ? have->versionCount() : -1)
                                    .arg(have ? have->heads().size() : -1)
                                    .arg(reg.versionCount())
                                    .arg(reg.heads().size());
                }
                if (stored.registers().size() != replayed.registers().size())
                    diff << QStringLiteral("%1 stored registers, %2 from the replay")
                                .arg(stored.registers().size())
                                .arg(replayed.registers().size());
                QFAIL(qPrintable(QStringLiteral("seed %1, step %2 (%3): the stored registers differ from a replay: %4")
                                     .arg(seed)
                                     .arg(step)
                                     .arg(what)
                                     .arg(diff.join(QStringLiteral("; ")))));
            }
        }
        auto report = store->check();
        QVERIFY(report);
        QVERIFY2(report->problems.isEmpty(), qPrintable(report->problems.join(u'\n')));
        qInfo("seed %u: %d pushes (%d refused), up to %d conflicts, %d resolutions, up to %d held, %d decided, "
              "%d reopened",
              seed, pushes, refused, conflicts, resolutions, held, decided, reopened);
        QVERIFY(pushes > 0);
    }

private slots:
    void initTestCase() { QVERIFY(crypto::initialize()); }

    void RS5_storedRegistersEqualAReplay() {
        const int steps = qEnvironmentVariableIsSet("TABEL_PROPERTY_STEPS")
                              ? qEnvironmentVariableIntValue("TABEL_PROPERTY_STEPS")
                              : 150;
        if (qEnvironmentVariableIsSet("TABEL_PROPERTY_SEED")) {
            runOnce(quint32(qEnvironmentVariableIntValue("TABEL_PROPERTY_SEED")), steps);
            return;
        }
        for (quint32 seed : {1u, 2u, 3u, 20261204u})
            runOnce(seed, steps);
    }
};

QTEST_GUILESS_MAIN(TestHubRegisters)
#include "test_hub_registers.moc"
