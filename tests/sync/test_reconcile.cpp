// Reconciliation (R-S5, R-S4) and authority (R-S6, R-J10, R-J11) as tables: sync/reconcile.h, sync/scope.h.
#include "shared/core/hlc.h"
#include "shared/crypto/secret.h"
#include "sync/reconcile.h"
#include "sync/scope.h"

#include <QFile>
#include <QTest>

#include <sodium.h>

#include <algorithm>
#include <numeric>

using namespace tabel;
using namespace tabel::sync;

namespace {

domain::FieldValue text(const char* s) {
    return QString::fromUtf8(s);
}
const domain::FieldValue kNull{};

Version ver(qint64 device, qint64 hlc) {
    return {device, hlc};
}

Write w(qint64 dev, qint64 hlc, Version base, domain::FieldValue value, const char* author = "t1") {
    return {ver(dev, hlc), base, std::move(value), QString::fromUtf8(author)};
}

struct Step {
    FieldId field;
    Write write;
};
using Batch = QList<Step>;
using Batches = QList<Batch>;

const FieldId kCell{QStringLiteral("mark/7А/math/all/2026-09-01/2/7a-01/1"), QStringLiteral("value")};
const FieldId kCell2{QStringLiteral("mark/7А/math/all/2026-09-01/2/7a-02/1"), QStringLiteral("value")};
const FieldId kTopic{QStringLiteral("lesson/7А/math/all/2026-09-01/2"), QStringLiteral("topic")};

Step on(const FieldId& f, Write write) {
    return {f, std::move(write)};
}

Reconciler applyAll(const Batches& batches, const QList<int>& order) {
    Reconciler r;
    for (int i : order)
        for (const Step& s : batches[i])
            (void)r.apply(s.field, s.write);
    return r;
}

QString show(const domain::FieldValue& v) {
    return domain::debugString(v);
}

QString describe(const Reconciler& r) {
    QStringList out;
    for (const auto& [id, reg] : r.registers()) {
        QStringList heads;
        for (const Write& h : reg.heads())
            heads << h.version.toString() + QLatin1Char('=') + show(h.value);
        out << id.entity + QLatin1Char(' ') + id.field + QStringLiteral(": ") + heads.join(QLatin1Char(',')) +
                   (reg.inConflict() ? QStringLiteral(" CONFLICT") : QString());
    }
    return out.join(QLatin1Char('\n'));
}

crypto::SigningKeyPair seedKey(unsigned char first) {
    unsigned char seed[crypto_sign_SEEDBYTES];
    for (unsigned i = 0; i < crypto_sign_SEEDBYTES; ++i)
        seed[i] = static_cast<unsigned char>(first + i);
    crypto::SigningKeyPair kp;
    kp.publicKey.resize(crypto_sign_PUBLICKEYBYTES);
    kp.secretKey = crypto::SecretBytes(crypto_sign_SECRETKEYBYTES);
    crypto_sign_seed_keypair(reinterpret_cast<unsigned char*>(kp.publicKey.data()), kp.secretKey.data(), seed);
    return kp;
}

std::int64_t hlcAt(int minute, int counter = 0) {
    const QDateTime t(QDate(2026, 9, 1), QTime(8, 0), Qt::UTC);
    return Hlc::pack(t.addSecs(minute * 60).toMSecsSinceEpoch(), std::uint16_t(counter));
}

Op op(const FieldId& f, std::int64_t hlc, domain::FieldValue value, Version base = {}) {
    return {hlc, f.entity, f.field, std::move(value), base};
}

ChangeSet changeSet(const crypto::SigningKeyPair& key, const QString& author, qint64 seq, QList<Op> ops) {
    ChangeSet cs;
    cs.author = author;
    cs.seq = seq;
    cs.ops = std::move(ops);
    cs.hlc = cs.ops.back().hlc;
    cs.sign(key);
    return cs;
}

// Every order of the batches gives the same registers (compared whole) as the first order.
void checkEveryOrder(const Batches& batches, Reconciler* first = nullptr) {
    QList<int> order(batches.size());
    std::iota(order.begin(), order.end(), 0);
    const Reconciler reference = applyAll(batches, order);
    int permutations = 0;
    do {
        const Reconciler r = applyAll(batches, order);
        // The kept list of conflicts is the fields whose register is in conflict, whatever the order.
        QList<FieldId> scanned;
        for (const auto& [id, reg] : r.registers())
            if (reg.inConflict())
                scanned.append(id);
        QCOMPARE(r.conflicts(), scanned);
        if (!(r == reference)) {
            QStringList o;
            for (int i : order)
                o << QString::number(i);
            QFAIL(qPrintable(QStringLiteral("order %1 gives\n%2\ninstead of\n%3")
                                 .arg(o.join(QLatin1Char(' ')), describe(r), describe(reference))));
        }
        ++permutations;
    } while (std::next_permutation(order.begin(), order.end()));
    QVERIFY(permutations >= 6);
    if (first)
        *first = reference;
}

} // namespace

Q_DECLARE_METATYPE(tabel::sync::Write)
Q_DECLARE_METATYPE(tabel::sync::Outcome)
Q_DECLARE_METATYPE(Batches)
Q_DECLARE_METATYPE(tabel::domain::FieldValue)
Q_DECLARE_METATYPE(tabel::sync::ScopeVerdict)

class TestReconcile : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void RS5_registersWithOverflowingDeltaAreDamaged();

    void RS5_registerOutcomes_data();
    void RS5_registerOutcomes();
    void RS5_everyOrderGivesTheSameRegister_data();
    void RS5_everyOrderGivesTheSameRegister();
    void RS4_sameBatchTwiceChangesNothing();
    void RS5_sameValueConvergesSilently();
    void RS5_differentValuesGiveExactlyOneConflict();
    void RS5_takenEntityLeavesTheOthers();
    void RS5_resolutionClearsTheConflictInAnyOrder();
    void RS5_editAfterResolutionIsAFastForward();
    void RS5_invalidChangeSetIsRefusedWhole();
    void RS5_secondWriteOfOneSetIsASuccessor();
    void RS4_entityRegistersStoredAsTheyAre();
    void RJ11_subgroupTeachersNeverConflict();

    void RS6_checkScope_data();
    void RS6_checkScope();
    void RS6_scopeMessagesNameThings();
    void RS6_changeSetScope();
};

void TestReconcile::initTestCase() {
    QVERIFY(crypto::initialize());
}

// ---- One field, step by step -------------------------------------------------------------------------------------

void TestReconcile::RS5_registerOutcomes_data() {
    QTest::addColumn<QList<Write>>("writes");
    QTest::addColumn<QList<Outcome>>("outcomes");
    QTest::addColumn<domain::FieldValue>("visible");
    QTest::addColumn<bool>("conflict");
    QTest::addColumn<int>("heads");

    using O = Outcome;
    const Write a = w(1, 10, {}, text("5"));
    QTest::newRow("new field, null base: fast-forward")
        << QList<Write>{a} << QList<O>{O::FastForward} << text("5") << false << 1;
    QTest::newRow("base is the only head: fast-forward")
        << QList<Write>{a, w(2, 20, ver(1, 10), text("4"))} << QList<O>{O::FastForward, O::FastForward} << text("4")
        << false << 1;
    QTest::newRow("the same op twice: duplicate")
        << QList<Write>{a, a} << QList<O>{O::FastForward, O::Duplicate} << text("5") << false << 1;
    QTest::newRow("clearing the field: fast-forward to null")
        << QList<Write>{a, w(2, 20, ver(1, 10), kNull)} << QList<O>{O::FastForward, O::FastForward} << kNull << false
        << 1;
    QTest::newRow("same value concurrently: converged")
        << QList<Write>{a, w(2, 11, {}, text("5"))} << QList<O>{O::FastForward, O::Converged} << text("5") << false
        << 2;
    QTest::newRow("different values concurrently: conflict, latest visible")
        << QList<Write>{a, w(2, 11, {}, text("4"))} << QList<O>{O::FastForward, O::Conflict} << text("4") << true << 2;
    QTest::newRow("two edits of one base: conflict")
        << QList<Write>{a, w(2, 20, ver(1, 10), text("4")), w(3, 21, ver(1, 10), text("3"))}
        << QList<O>{O::FastForward, O::FastForward, O::Conflict} << text("3") << true << 2;
    QTest::newRow("two edits of one base to one value: converged")
        << QList<Write>{a, w(2, 20, ver(1, 10), text("4")), w(3, 21, ver(1, 10), text("4"))}
        << QList<O>{O::FastForward, O::FastForward, O::Converged} << text("4") << false << 2;
    QTest::newRow("an op before its base: the base arrives superseded")
        << QList<Write>{w(2, 20, ver(1, 10), text("4")), a} << QList<O>{O::FastForward, O::Superseded} << text("4")
        << false << 1;
    QTest::newRow("a chain arriving c, a, b: the transient conflict heals")
        << QList<Write>{w(3, 30, ver(2, 20), text("3")), a, w(2, 20, ver(1, 10), text("4"))}
        << QList<O>{O::FastForward, O::Conflict, O::Superseded} << text("3") << false << 1;
    QTest::newRow("resolution, one op per head: conflict, then converged")
        << QList<Write>{a, w(2, 11, {}, text("4")), w(9, 20, ver(1, 10), text("3"), "operator"),
                        w(9, 21, ver(2, 11), text("3"), "operator")}
        << QList<O>{O::FastForward, O::Conflict, O::Conflict, O::Converged} << text("3") << false << 2;
    QTest::newRow("resolution to one side's value: the first op already converges")
        << QList<Write>{a, w(2, 11, {}, text("4")), w(9, 20, ver(1, 10), text("4"), "operator"),
                        w(9, 21, ver(2, 11), text("4"), "operator")}
        << QList<O>{O::FastForward, O::Conflict, O::Converged, O::Converged} << text("4") << false << 2;
    QTest::newRow("invalid: base not older than the op")
        << QList<Write>{a, w(2, 10, ver(1, 10), text("4"))} << QList<O>{O::FastForward, O::Invalid} << text("5")
        << false << 1;
    QTest::newRow("invalid: a version reused with other content")
        << QList<Write>{a, w(1, 10, {}, text("4"))} << QList<O>{O::FastForward, O::Invalid} << text("5") << false << 1;
    QTest::newRow("invalid: no device") << QList<Write>{w(0, 10, {}, text("4"))} << QList<O>{O::Invalid} << kNull
                                        << false << 0;
    QTest::newRow("worked example of PROTOCOL.md delivered 5, 3, 1, 4, 2")
        << QList<Write>{w(9, 31, ver(2, 21), text("4"), "operator"), w(2, 21, ver(1, 10), text("3"), "t2"), a,
                        w(9, 30, ver(1, 20), text("4"), "operator"), w(1, 20, ver(1, 10), text("4"))}
        << QList<O>{O::FastForward, O::Superseded, O::Superseded, O::Converged, O::Superseded} << text("4") << false
        << 2;
    // Documented limit of the multi-value register: after a silent convergence, an edit based on one of the
    // equal heads is concurrent with the other one. A writer must base its edit on every head (one op per head,
    // as a resolution does) to avoid the conflict; see PROTOCOL.md, "Reconciliation".
    QTest::newRow("edit after convergence based on one head: conflict")
        << QList<Write>{a, w(2, 11, {}, text("5")), w(1, 20, ver(1, 10), text("4"))}
        << QList<O>{O::FastForward, O::Converged, O::Conflict} << text("4") << true << 2;
    QTest::newRow("edit after convergence based on every head: converged")
        << QList<Write>{a, w(2, 11, {}, text("5")), w(1, 20, ver(1, 10), text("4")), w(1, 21, ver(2, 11), text("4"))}
        << QList<O>{O::FastForward, O::Converged, O::Conflict, O::Converged} << text("4") << false << 2;
}

void TestReconcile::RS5_registerOutcomes() {
    QFETCH(QList<Write>, writes);
    QFETCH(QList<Outcome>, outcomes);
    QFETCH(domain::FieldValue, visible);
    QFETCH(bool, conflict);
    QFETCH(int, heads);

    FieldRegister reg;
    QStringList got, want;
    for (const Write& x : writes)
        got << outcomeName(reg.apply(x).outcome);
    for (Outcome o : outcomes)
        want << outcomeName(o);
    QCOMPARE(got, want);
    QCOMPARE(show(reg.visibleValue()), show(visible));
    QCOMPARE(reg.inConflict(), conflict);
    QCOMPARE(reg.heads().size(), heads);
    QCOMPARE(reg.conflict().has_value(), conflict);
}

// ---- Order independence -------------------------------------------------------------------------------------------

void TestReconcile::RS5_everyOrderGivesTheSameRegister_data() {
    QTest::addColumn<Batches>("batches");
    QTest::addColumn<int>("conflicts");
    QTest::addColumn<domain::FieldValue>("visible"); // of kCell

    // a: the first mark; b, c: two devices edit it concurrently (c also writes a second cell); d: the
    // operator's resolution, one op per head.
    const Batch a{on(kCell, w(1, 10, {}, text("5"))), on(kTopic, w(1, 12, {}, text("Fractions")))};
    const Batch b{on(kCell, w(2, 20, ver(1, 10), text("4"), "t2"))};
    const Batch c{on(kCell, w(3, 21, ver(1, 10), text("3"), "t3")), on(kCell2, w(3, 22, {}, text("5"), "t3")),
                  on(kTopic, w(3, 23, ver(1, 12), text("Fractions"), "t3"))};
    const Batch d{on(kCell, w(9, 30, ver(2, 20), text("4"), "operator")),
                  on(kCell, w(9, 31, ver(3, 21), text("4"), "operator"))};
    QTest::newRow("dependent, concurrent and a resolution (4 batches)") << Batches{a, b, c, d} << 0 << text("4");
    QTest::newRow("concurrent edits, no resolution (3 batches)") << Batches{a, b, c} << 1 << text("3");

    const Batch chain1{on(kCell, w(1, 10, {}, text("5")))};
    const Batch chain2{on(kCell, w(2, 20, ver(1, 10), text("4")))};
    const Batch chain3{on(kCell, w(1, 30, ver(2, 20), text("3"))), on(kCell2, w(1, 31, {}, text("2")))};
    const Batch late{on(kCell2, w(2, 25, {}, text("2"))), on(kCell, w(4, 26, ver(2, 20), text("3")))};
    QTest::newRow("a chain, and late ops that converge (4 batches)")
        << Batches{chain1, chain2, chain3, late} << 0 << text("3");

    // Each batch edits what another batch wrote: every batch depends on another, so most orders deliver an op
    // before its base.
    const Batch x{on(kCell, w(1, 10, {}, text("5"))), on(kCell2, w(1, 41, ver(2, 40), text("3")))};
    const Batch y{on(kCell, w(2, 20, ver(1, 10), text("4"))), on(kCell2, w(2, 40, {}, text("4")))};
    const Batch z{on(kCell, w(3, 30, ver(2, 20), text("3"))), on(kCell2, w(3, 42, ver(2, 40), text("2")))};
    QTest::newRow("every batch based on another (3 batches)") << Batches{x, y, z} << 1 << text("3");

    // PROTOCOL.md, "Worked example": devices A = 1, B = 2, operator O = 9; five single-op batches, 120 orders.
    QTest::newRow("the worked example of PROTOCOL.md (5 batches)")
        << Batches{{on(kCell, w(1, 10, {}, text("5")))},
                   {on(kCell, w(1, 20, ver(1, 10), text("4")))},
                   {on(kCell, w(2, 21, ver(1, 10), text("3"), "t2"))},
                   {on(kCell, w(9, 30, ver(1, 20), text("4"), "operator"))},
                   {on(kCell, w(9, 31, ver(2, 21), text("4"), "operator"))}}
        << 0 << text("4");
}

void TestReconcile::RS5_everyOrderGivesTheSameRegister() {
    QFETCH(Batches, batches);
    QFETCH(int, conflicts);
    QFETCH(domain::FieldValue, visible);
    Reconciler r;
    checkEveryOrder(batches, &r);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(r.conflicts().size(), conflicts);
    QCOMPARE(show(r.find(kCell)->visibleValue()), show(visible));
}

// ---- With real change sets -----------------------------------------------------------------------------------------

void TestReconcile::RS4_sameBatchTwiceChangesNothing() {
    const auto k1 = seedKey(0), k2 = seedKey(100);
    const ChangeSet first = changeSet(k1, QStringLiteral("t1"), 1,
                                      {op(kCell, hlcAt(1), text("5")), op(kTopic, hlcAt(1, 1), text("Fractions"))});
    const Version v1{first.deviceNumber(), hlcAt(1)};
    const QList<ChangeSet> batch{
        first, changeSet(k1, QStringLiteral("t1"), 2, {op(kCell, hlcAt(2), text("4"), v1)}),
        changeSet(k2, QStringLiteral("t2"), 1, {op(kCell, hlcAt(3), text("3"), v1), op(kCell2, hlcAt(4), text("5"))})};

    Reconciler r;
    for (const ChangeSet& cs : batch)
        QVERIFY(!r.apply(cs).rejected);
    const Reconciler once = r;
    QCOMPARE(r.conflicts().size(), 1);
    for (const ChangeSet& cs : batch) {
        const ChangeSetResult again = r.apply(cs);
        QVERIFY(again.duplicate());
        for (const OpResult& o : again.ops)
            QVERIFY(!o.applied.visibleChanged);
    }
    QVERIFY(r == once);
}

void TestReconcile::RS5_sameValueConvergesSilently() {
    const auto k1 = seedKey(0), k2 = seedKey(100);
    Reconciler r;
    const ChangeSetResult one = r.apply(changeSet(k1, QStringLiteral("t1"), 1, {op(kCell, hlcAt(1), text("5"))}));
    const ChangeSetResult two = r.apply(changeSet(k2, QStringLiteral("t2"), 1, {op(kCell, hlcAt(2), text("5"))}));
    QCOMPARE(one.ops.first().applied.outcome, Outcome::FastForward);
    QCOMPARE(two.ops.first().applied.outcome, Outcome::Converged);
    QVERIFY(!two.hasConflict());
    QVERIFY(r.conflicts().isEmpty());
    QCOMPARE(show(r.find(kCell)->visibleValue()), show(text("5")));
}

void TestReconcile::RS5_differentValuesGiveExactlyOneConflict() {
    // A mark entered whole by t1, then its value changed offline by t1 and by the substitute t2.
    const auto k1 = seedKey(0), k2 = seedKey(100);
    const FieldId kind{kCell.entity, QStringLiteral("kind")}, weight{kCell.entity, QStringLiteral("weight")};
    const ChangeSet created = changeSet(k1, QStringLiteral("t1"), 1,
                                        {op(kind, hlcAt(1, 0), text("current")), op(kCell, hlcAt(1, 1), text("5")),
                                         op(weight, hlcAt(1, 2), std::int64_t{1})});
    const Version base{created.deviceNumber(), hlcAt(1, 1)};
    const ChangeSet mine = changeSet(k1, QStringLiteral("t1"), 2, {op(kCell, hlcAt(10), text("4"), base)});
    const ChangeSet theirs = changeSet(k2, QStringLiteral("t2"), 1, {op(kCell, hlcAt(11), text("3"), base)});

    Reconciler r;
    QVERIFY(!r.apply(created).rejected);
    QVERIFY(!r.apply(mine).hasConflict());
    QVERIFY(r.apply(theirs).hasConflict());
    QCOMPARE(r.conflicts(), QList<FieldId>{kCell});

    const std::optional<FieldConflict> c = r.find(kCell)->conflict();
    QVERIFY(c);
    QCOMPARE(c->base, base);
    QVERIFY(c->baseKnown);
    QCOMPARE(show(c->baseValue), show(text("5")));
    QCOMPARE(c->heads.size(), 2);
    QCOMPARE(show(c->heads[0].value), show(text("4")));
    QCOMPARE(c->heads[0].author, QStringLiteral("t1"));
    QCOMPARE(c->heads[0].version, (Version{mine.deviceNumber(), hlcAt(10)}));
    QCOMPARE(show(c->heads[1].value), show(text("3")));
    QCOMPARE(c->heads[1].author, QStringLiteral("t2"));
    QCOMPARE(c->heads[1].version.device, theirs.deviceNumber());
    QCOMPARE(Hlc::toDateTime(c->heads[1].version.hlc), QDateTime(QDate(2026, 9, 1), QTime(8, 11), Qt::UTC));
}

// The hub's store moves an entity's registers into a Reconciler for a merge and takes them back whole: its fields
// with their conflicts, and nothing of a longer key it prefixes.
void TestReconcile::RS5_takenEntityLeavesTheOthers() {
    const auto k1 = seedKey(0), k2 = seedKey(100);
    const FieldId kind{kCell.entity, QStringLiteral("kind")};
    const FieldId longer{kCell.entity + QStringLiteral("0"), QStringLiteral("value")};
    const ChangeSet created = changeSet(k1, QStringLiteral("t1"), 1,
                                        {op(kind, hlcAt(1, 0), text("current")), op(kCell, hlcAt(1, 1), text("5")),
                                         op(longer, hlcAt(1, 2), text("2"))});
    const Version base{created.deviceNumber(), hlcAt(1, 1)};
    Reconciler r;
    QVERIFY(!r.apply(created).rejected);
    QVERIFY(!r.apply(changeSet(k2, QStringLiteral("t2"), 1, {op(kCell, hlcAt(11), text("3"), base)})).rejected);
    QVERIFY(r.apply(changeSet(k1, QStringLiteral("t1"), 2, {op(kCell, hlcAt(12), text("4"), base)})).hasConflict());
    const FieldRegister cell = *r.find(kCell);
    const std::map<QString, FieldRegister> taken = r.takeEntity(kCell.entity);
    QCOMPARE(taken.size(), std::size_t(2));
    QVERIFY(taken.at(QStringLiteral("value")) == cell);
    QVERIFY(taken.at(QStringLiteral("value")).inConflict());
    QVERIFY(!r.find(kCell) && !r.find(kind));
    QVERIFY(r.conflicts().isEmpty());
    QVERIFY(r.find(longer));
    QVERIFY(r.takeEntity(kCell.entity).empty());
    // Adopted back, the registers are as they were.
    for (const auto& [name, reg] : taken)
        r.adopt({kCell.entity, name}, reg);
    QCOMPARE(r.conflicts(), QList<FieldId>{kCell});
}

void TestReconcile::RS5_resolutionClearsTheConflictInAnyOrder() {
    const auto k1 = seedKey(0), k2 = seedKey(100), op9 = seedKey(200);
    const ChangeSet created = changeSet(k1, QStringLiteral("t1"), 1, {op(kCell, hlcAt(1), text("5"))});
    const Version base{created.deviceNumber(), hlcAt(1)};
    const ChangeSet mine = changeSet(k1, QStringLiteral("t1"), 2, {op(kCell, hlcAt(10), text("4"), base)});
    const ChangeSet theirs = changeSet(k2, QStringLiteral("t2"), 1, {op(kCell, hlcAt(11), text("3"), base)});
    const ChangeSet resolution =
        changeSet(op9, QStringLiteral("operator"), 1,
                  {op(kCell, hlcAt(20, 0), text("4"), Version{mine.deviceNumber(), hlcAt(10)}),
                   op(kCell, hlcAt(20, 1), text("4"), Version{theirs.deviceNumber(), hlcAt(11)})});
    QList<ChangeSet> sets{created, mine, theirs, resolution};

    QList<int> order{0, 1, 2, 3};
    std::optional<Reconciler> reference;
    int permutations = 0;
    do {
        Reconciler r;
        for (int i : order)
            QVERIFY(!r.apply(sets[i]).rejected);
        QVERIFY2(r.conflicts().isEmpty(), qPrintable(describe(r)));
        QCOMPARE(show(r.find(kCell)->visibleValue()), show(text("4")));
        if (reference)
            QVERIFY(r == *reference);
        else
            reference = r;
        ++permutations;
    } while (std::next_permutation(order.begin(), order.end()));
    QCOMPARE(permutations, 24);

    // Without the resolution the conflict stays, whatever the order.
    sets.removeLast();
    order = {0, 1, 2};
    do {
        Reconciler r;
        for (int i : order)
            (void)r.apply(sets[i]);
        QCOMPARE(r.conflicts().size(), 1);
    } while (std::next_permutation(order.begin(), order.end()));
}

// R-S5 (issue 3): a teacher's node that pulled the operator's resolution edits the cell again, basing its one op on
// one of the resolution's ops (a node keeps one version per field). The resolution's ops are one version for
// supersession (consecutive ops of one change set, one field, one value), so the edit is a fast-forward, not a
// new conflict with the resolution's other op — in every order of delivery, with the same register whole.
void TestReconcile::RS5_editAfterResolutionIsAFastForward() {
    const auto k1 = seedKey(0), k2 = seedKey(100), op9 = seedKey(200);
    const ChangeSet mine = changeSet(k1, QStringLiteral("t1"), 1, {op(kCell, hlcAt(10), text("5"))});
    const ChangeSet theirs = changeSet(k2, QStringLiteral("t2"), 1, {op(kCell, hlcAt(11), text("3"))});
    const ChangeSet resolution =
        changeSet(op9, QStringLiteral("operator"), 1,
                  {op(kCell, hlcAt(20, 0), text("4"), Version{mine.deviceNumber(), hlcAt(10)}),
                   op(kCell, hlcAt(20, 1), text("4"), Version{theirs.deviceNumber(), hlcAt(11)})});
    for (const qint64 basedOn : {0, 1}) {
        const ChangeSet edit =
            changeSet(k2, QStringLiteral("t2"), 2,
                      {op(kCell, hlcAt(30), text("2"), Version{resolution.deviceNumber(), hlcAt(20, int(basedOn))})});
        const QList<ChangeSet> sets{mine, theirs, resolution, edit};
        Reconciler hubOrder;
        for (int i = 0; i < 3; ++i)
            QVERIFY(!hubOrder.apply(sets[i]).rejected);
        QVERIFY(hubOrder.conflicts().isEmpty());
        const ChangeSetResult r = hubOrder.apply(edit);
        QVERIFY(!r.rejected && !r.hasConflict());
        QCOMPARE(outcomeName(r.ops.first().applied.outcome), outcomeName(Outcome::FastForward));
        QCOMPARE(hubOrder.find(kCell)->heads().size(), 1);
        QCOMPARE(show(hubOrder.find(kCell)->visibleValue()), show(text("2")));

        QList<int> order{0, 1, 2, 3};
        int permutations = 0;
        do {
            Reconciler any;
            for (int i : order)
                QVERIFY(!any.apply(sets[i]).rejected);
            QVERIFY2(any == hubOrder,
                     qPrintable(describe(any) + QStringLiteral("\ninstead of\n") + describe(hubOrder)));
            ++permutations;
        } while (std::next_permutation(order.begin(), order.end()));
        QCOMPARE(permutations, 24);
    }

    // Two teachers who wrote the same value on their own are not siblings: an edit based on one of them is still
    // concurrent with the other (their node must base it on both).
    const ChangeSet same = changeSet(k2, QStringLiteral("t2"), 1, {op(kCell, hlcAt(11), text("5"))});
    Reconciler r;
    QVERIFY(!r.apply(mine).rejected && !r.apply(same).rejected);
    const ChangeSetResult edit = r.apply(changeSet(
        k1, QStringLiteral("t1"), 2, {op(kCell, hlcAt(30), text("2"), Version{mine.deviceNumber(), hlcAt(10)})}));
    QVERIFY(edit.hasConflict());
}

// Found by test_hub_registers (issue 8): a set that writes one field twice with one value, the second op based on
// the first, is a first write and its successor, not two siblings; otherwise the second superseded itself and the
// register held no head in memory but one once stored and read back. One head, in either order of two sets.
void TestReconcile::RS5_secondWriteOfOneSetIsASuccessor() {
    const auto k1 = seedKey(0), k2 = seedKey(100);
    const ChangeSet twice =
        changeSet(k1, QStringLiteral("t1"), 1,
                  {op(kCell, hlcAt(1), text("5")),
                   op(kCell, hlcAt(2), text("5"),
                      Version{changeSet(k1, QStringLiteral("t1"), 1, {op(kCell, hlcAt(1), text("5"))}).deviceNumber(),
                              hlcAt(1)})});
    const ChangeSet other = changeSet(k2, QStringLiteral("t2"), 1, {op(kCell, hlcAt(3), text("4"))});
    for (const QList<ChangeSet>& order : {QList<ChangeSet>{twice, other}, QList<ChangeSet>{other, twice}}) {
        Reconciler r;
        for (const ChangeSet& cs : order)
            QVERIFY(!r.apply(cs).rejected);
        const FieldRegister* reg = r.find(kCell);
        QVERIFY(reg);
        QCOMPARE(reg->heads().size(), 2); // the set's second write and the other device's
        const Result<std::map<QString, FieldRegister>> stored =
            decodeEntityRegisters(encodeEntityRegisters({{kCell.field, *reg}}));
        QVERIFY(stored);
        QVERIFY(stored->at(kCell.field) == *reg);
        QCOMPARE(stored->at(kCell.field).heads().size(), 2);
    }
}

// The hub's stored form of an entity's registers (issue 8): a conflict and its resolution (siblings, supersession),
// values of every kind, bases on other devices, a version superseded before it arrived — read back equal; every
// truncation, a wrong format and a trailing byte are refused as damage, never read as something else.
void TestReconcile::RS4_entityRegistersStoredAsTheyAre() {
    const auto k1 = seedKey(0), k2 = seedKey(100), op9 = seedKey(200);
    const FieldId weight{kCell.entity, QStringLiteral("weight")};
    const FieldId topic{kCell.entity, QStringLiteral("zz-note")};
    const ChangeSet created = changeSet(k1, QStringLiteral("t1"), 1,
                                        {op(kCell, hlcAt(1), text("5")), op(weight, hlcAt(1, 1), std::int64_t(-3)),
                                         op(topic, hlcAt(1, 2), domain::FieldValue())});
    const Version base{created.deviceNumber(), hlcAt(1)};
    const ChangeSet mine = changeSet(k1, QStringLiteral("t1"), 2, {op(kCell, hlcAt(10), text("4"), base)});
    const ChangeSet theirs =
        changeSet(k2, QStringLiteral("Иванова"), 1,
                  {op(kCell, hlcAt(11), text("3"), base), op(weight, hlcAt(11, 1), std::int64_t(1) << 40)});
    const ChangeSet resolution =
        changeSet(op9, QStringLiteral("operator"), 1,
                  {op(kCell, hlcAt(20, 0), text("4"), Version{mine.deviceNumber(), hlcAt(10)}),
                   op(kCell, hlcAt(20, 1), text("4"), Version{theirs.deviceNumber(), hlcAt(11)})});
    // An edit based on a version that has not arrived: that version is superseded on arrival.
    const ChangeSet early = changeSet(k2, QStringLiteral("Иванова"), 2,
                                      {op(topic, hlcAt(30), text("тема"), Version{created.deviceNumber(), hlcAt(25)})});
    for (const QList<ChangeSet>& sets :
         {QList<ChangeSet>{created, mine, theirs}, QList<ChangeSet>{created, mine, theirs, resolution, early}}) {
        Reconciler r;
        for (const ChangeSet& cs : sets)
            QVERIFY(!r.apply(cs).rejected);
        std::map<QString, FieldRegister> fields;
        r.forEach(kCell.entity, [&](const FieldId& id, const FieldRegister& reg) {
            fields.emplace(id.field, reg);
            return true;
        });
        QCOMPARE(fields.size(), std::size_t(3));
        const QByteArray bytes = encodeEntityRegisters(fields);
        const auto back = decodeEntityRegisters(bytes);
        QVERIFY2(back, back ? "" : qPrintable(back.error().message));
        QVERIFY(*back == fields);
        QCOMPARE(back->at(kCell.field).inConflict(), fields.at(kCell.field).inConflict());
        for (qsizetype n = 0; n < bytes.size(); ++n) {
            const auto cut = decodeEntityRegisters(bytes.left(n));
            QVERIFY2(!cut && cut.error().code == ErrorCode::Corrupt, qPrintable(QString::number(n)));
        }
        QVERIFY(!decodeEntityRegisters(bytes + '\0'));
        QByteArray other = bytes;
        other[0] = '\1';
        QVERIFY(!decodeEntityRegisters(other));
    }
}

void TestReconcile::RS5_invalidChangeSetIsRefusedWhole() {
    const auto k1 = seedKey(0);
    Reconciler r;
    // The second op names a base from the future: nothing of the set is applied.
    const ChangeSet bad =
        changeSet(k1, QStringLiteral("t1"), 1,
                  {op(kCell2, hlcAt(1), text("5")), op(kCell, hlcAt(2), text("4"), Version{12345, hlcAt(3)})});
    const ChangeSetResult result = r.apply(bad);
    QVERIFY(result.rejected);
    QVERIFY2(result.reason.contains(QStringLiteral("not older")), qPrintable(result.reason));
    QVERIFY(r.registers().empty());
}

void TestReconcile::RJ11_subgroupTeachersNeverConflict() {
    // Two teachers of the subgroups of English in 7А write, offline, the same day and slot, the same fields.
    const auto k1 = seedKey(0), k2 = seedKey(100);
    QList<ChangeSet> sets;
    for (int t = 0; t < 2; ++t) {
        const QString group = t == 0 ? QStringLiteral("g1") : QStringLiteral("g2");
        const QString lesson = QStringLiteral("7А/eng/%1/2026-09-01/3").arg(group);
        const QString pupil = t == 0 ? QStringLiteral("7a-01") : QStringLiteral("7a-02");
        QList<Op> ops;
        ops << Op{hlcAt(5, 0), QStringLiteral("lesson/") + lesson, QStringLiteral("topic"), text("Present Simple"), {}}
            << Op{hlcAt(5, 1),
                  QStringLiteral("mark/%1/%2/1").arg(lesson, pupil),
                  QStringLiteral("value"),
                  t == 0 ? text("5") : text("3"),
                  {}}
            << Op{hlcAt(5, 2),
                  QStringLiteral("att/%1/%2").arg(lesson, t == 0 ? QStringLiteral("7a-03") : pupil),
                  QStringLiteral("reason"),
                  text("Б"),
                  {}};
        sets << changeSet(t == 0 ? k1 : k2, t == 0 ? QStringLiteral("t1") : QStringLiteral("t2"), 1, ops);
    }
    for (const QList<int>& order : {QList<int>{0, 1}, QList<int>{1, 0}}) {
        Reconciler r;
        for (int i : order)
            QVERIFY(!r.apply(sets[i]).hasConflict());
        QVERIFY(r.conflicts().isEmpty());
        QCOMPARE(int(r.registers().size()), 6);
    }
    // And each may write only its own group (R-S6).
    NodeScopes s1{QStringLiteral("t1"),
                  false,
                  {{QStringLiteral("t1"), QStringLiteral("7А"), QStringLiteral("eng"), QStringLiteral("g1")}},
                  {},
                  {}};
    QVERIFY(checkChangeSetScope(s1, sets[0]).allowed());
    NodeScopes s2 = s1;
    s2.teacherId = QStringLiteral("t2");
    s2.assignments = {{QStringLiteral("t2"), QStringLiteral("7А"), QStringLiteral("eng"), QStringLiteral("g2")}};
    QVERIFY(checkChangeSetScope(s2, sets[1]).allowed());
    ChangeSet crossing = sets[1];
    crossing.author = QStringLiteral("t1");
    QCOMPARE(checkChangeSetScope(s1, crossing).verdict, ScopeVerdict::Rejected);
}

// ---- Authority ----------------------------------------------------------------------------------------------------

namespace {

NodeScopes fixtureScopes() {
    NodeScopes s;
    s.teacherId = QStringLiteral("t1");
    s.assignments = {{QStringLiteral("t1"), QStringLiteral("7А"), QStringLiteral("math"), QStringLiteral("all")},
                     {QStringLiteral("t1"), QStringLiteral("7А"), QStringLiteral("eng"), QStringLiteral("g1")},
                     // another teacher's assignment gives t1 nothing
                     {QStringLiteral("t2"), QStringLiteral("7А"), QStringLiteral("eng"), QStringLiteral("g2")},
                     {QStringLiteral("t2"), QStringLiteral("7А"), QStringLiteral("chem"), QStringLiteral("all")}};
    s.substitutions = {{QDate(2026, 11, 12), 3, QStringLiteral("7Б"), QStringLiteral("all"), QStringLiteral("phys")}};
    s.closedPeriods = {
        {QStringLiteral("7А"), QDate(2026, 9, 1), QDate(2026, 10, 25), QStringLiteral("q1")},
        {QString(), QDate(2025, 9, 1), QDate(2026, 5, 31), QStringLiteral("annual-2025")},
    };
    return s;
}

} // namespace

void TestReconcile::RS6_checkScope_data() {
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QDate>("contextDate"); // invalid: no context
    QTest::addColumn<bool>("isOperator");
    QTest::addColumn<ScopeVerdict>("verdict");
    QTest::addColumn<QString>("reasonContains");

    const auto row = [](const char* name, const char* entity, ScopeVerdict v, const char* reason = "", QDate date = {},
                        bool isOperator = false) {
        QTest::newRow(name) << QString::fromUtf8(entity) << date << isOperator << v << QString::fromUtf8(reason);
    };
    using V = ScopeVerdict;
    row("lesson, own assignment", "lesson/7А/math/all/2026-11-10/2", V::Allowed);
    row("mark, own assignment", "mark/7А/math/all/2026-11-10/2/7a-01/1", V::Allowed);
    row("attendance, own assignment", "att/7А/math/all/2026-11-10/2/7a-01", V::Allowed);
    row("mark, own subgroup", "mark/7А/eng/g1/2026-11-10/4/7a-01/1", V::Allowed);
    row("mark, the other subgroup (R-J11)", "mark/7А/eng/g2/2026-11-10/4/7a-02/1", V::Rejected,
        "teaches group «g1» of class 7А in «eng», not group «g2»");
    row("mark, whole class where t1 has a subgroup", "mark/7А/eng/all/2026-11-10/4/7a-02/1", V::Rejected, "not group");
    row("mark, another teacher's subject", "mark/7А/chem/all/2026-11-10/4/7a-02/1", V::Rejected,
        "no assignment for class 7А, subject «chem», group «all»");
    row("mark, substitution window (R-J10)", "mark/7Б/phys/all/2026-11-12/3/7b-01/1", V::Allowed);
    row("lesson, substitution window", "lesson/7Б/phys/all/2026-11-12/3", V::Allowed);
    row("mark, next to the substitution window", "mark/7Б/phys/all/2026-11-12/4/7b-01/1", V::Rejected,
        "no substitution for lesson 4 of 12.11.2026");
    row("period mark, substitute", "pmark/7Б/phys/q2/7b-01", V::Rejected, "no assignment");
    row("period mark, own subgroup's subject", "pmark/7А/eng/q2/7a-01", V::Allowed);
    row("task, own group", "task/7А/eng/g1/t-17", V::Allowed);
    row("task, other group", "task/7А/eng/g2/t-17", V::Rejected, "not group «g2»");
    row("submission, own group", "sub/7А/math/all/t-3/7a-01/0123456789ab", V::Allowed);
    row("КТП topic", "ktp/7А/math/4", V::Allowed);
    row("КТП correction", "ktpfix/7А/eng/1", V::Allowed);

    row("mark in a closed quarter", "mark/7А/math/all/2026-09-15/1/7a-01/1", V::AmendmentRequest,
        "falls on 15.09.2026, in period «q1» (01.09.2026 – 25.10.2026), which is closed");
    row("attendance on the last day of a closed quarter", "att/7А/math/all/2026-10-25/1/7a-01", V::AmendmentRequest,
        "«q1»");
    row("mark the day after the closed quarter", "mark/7А/math/all/2026-10-26/1/7a-01/1", V::Allowed);
    row("mark in a period closed for every class", "mark/7А/math/all/2026-03-02/1/7a-01/1", V::AmendmentRequest,
        "«annual-2025»");
    row("period mark of a closed period", "pmark/7А/math/q1/7a-01", V::AmendmentRequest,
        "belongs to period «q1» (01.09.2026 – 25.10.2026), which is closed; the edit becomes an amendment request");
    row("correction of a closed period", "corr/7А/math/q1/7a-01/1", V::AmendmentRequest, "«q1»");
    row("task dated in a closed period", "task/7А/math/all/t-1", V::AmendmentRequest, "«q1»", QDate(2026, 9, 20));
    row("task without a date", "task/7А/math/all/t-1", V::Allowed);
    row("КТП correction dated in a closed period", "ktpfix/7А/math/2", V::AmendmentRequest, "«q1»", QDate(2026, 10, 1));
    row("out of scope in a closed period: rejected", "mark/7А/chem/all/2026-09-15/1/7a-01/1", V::Rejected,
        "outside the node's scopes");

    for (const char* key : {"pupil/7a-01", "class/7А", "subject/math", "teacher/t1", "assign/t1/7А/math/all",
                            "slot/7А/1/2/all", "member/7А/eng/g1/7a-01", "year/2026-2027", "period/2026-2027/q1",
                            "holiday/2026-2027/autumn", "subst/2026-11-12/3/7Б/all"})
        QTest::newRow(qPrintable(QStringLiteral("reference data: %1").arg(QString::fromUtf8(key))))
            << QString::fromUtf8(key) << QDate() << false << V::Rejected << QStringLiteral("only the operator");
    row("unknown type", "grade/7А/x", V::Rejected, "unknown entity type «grade»");
    row("malformed date", "mark/7А/math/all/2026-13-01/2/7a-01/1", V::Rejected, "not a valid entity key");
    row("too few parts", "mark/7А/math", V::Rejected, "3 parts, expected 8");
    row("operator: reference data", "pupil/7a-01", V::Allowed, "", {}, true);
    row("operator: closed period", "mark/7А/math/all/2026-09-15/1/7a-01/1", V::Allowed, "", {}, true);
}

void TestReconcile::RS6_checkScope() {
    QFETCH(QString, entity);
    QFETCH(QDate, contextDate);
    QFETCH(bool, isOperator);
    QFETCH(ScopeVerdict, verdict);
    QFETCH(QString, reasonContains);

    NodeScopes scopes = fixtureScopes();
    scopes.isOperator = isOperator;
    EntityContext context;
    if (contextDate.isValid())
        context.date = contextDate;
    const ScopeDecision d = checkScope(scopes, Op{1, entity, QStringLiteral("value"), text("5"), {}}, context);
    QVERIFY2(d.verdict == verdict, qPrintable(d.reason));
    QVERIFY2(d.reason.contains(reasonContains), qPrintable(d.reason));
    QCOMPARE(d.reason.isEmpty(), verdict == ScopeVerdict::Allowed);
    if (verdict == ScopeVerdict::AmendmentRequest)
        QVERIFY(!d.periodId.isEmpty());
}

// Issue 9 item 7: with the names the hub looks up, a refusal names the teacher, the subject and what was written,
// not their ids.
void TestReconcile::RS6_scopeMessagesNameThings() {
    domain::rules::Names names;
    names.teacher = [](const QString& id) {
        return id == QLatin1String("t1") ? QStringLiteral("Иванова М. П.") : QString();
    };
    names.subject = [](const QString& id) { return id == QLatin1String("chem") ? QStringLiteral("Химия") : QString(); };
    names.entity = [](const QString&) { return QStringLiteral("отметка: Петров Пётр (7a-02)"); };
    const ScopeDecision d = checkScope(
        fixtureScopes(),
        Op{1, QStringLiteral("mark/7А/chem/all/2026-11-10/4/7a-02/1"), QStringLiteral("value"), text("5"), {}}, {},
        names);
    QCOMPARE(d.verdict, ScopeVerdict::Rejected);
    for (const char* part : {"Иванова М. П.", "Химия", "отметка: Петров Пётр (7a-02)"})
        QVERIFY2(d.reason.contains(QString::fromUtf8(part)), qPrintable(d.reason));
    QVERIFY2(!d.reason.contains(QLatin1String("«t1»")) && !d.reason.contains(QLatin1String("chem")),
             qPrintable(d.reason));
}

void TestReconcile::RS6_changeSetScope() {
    const auto key = seedKey(0);
    const NodeScopes scopes = fixtureScopes();
    const auto opOn = [](const char* entity, int minute) {
        return Op{hlcAt(minute), QString::fromUtf8(entity), QStringLiteral("value"), text("5"), {}};
    };
    const ChangeSet fine =
        changeSet(key, QStringLiteral("t1"), 1,
                  {opOn("mark/7А/math/all/2026-11-10/2/7a-01/1", 1), opOn("mark/7Б/phys/all/2026-11-12/3/7b-01/1", 2)});
    QCOMPARE(checkChangeSetScope(scopes, fine).verdict, ScopeVerdict::Allowed);

    ChangeSet impostor = fine;
    impostor.author = QStringLiteral("t2");
    const ScopeDecision wrongAuthor = checkChangeSetScope(scopes, impostor);
    QCOMPARE(wrongAuthor.verdict, ScopeVerdict::Rejected);
    QVERIFY(wrongAuthor.reason.contains(QStringLiteral("authored as «t2»")));

    const ChangeSet mixed =
        changeSet(key, QStringLiteral("t1"), 2,
                  {opOn("mark/7А/math/all/2026-09-15/1/7a-01/1", 1), opOn("mark/7А/math/all/2026-11-10/2/7a-01/1", 2)});
    const ScopeDecision amendment = checkChangeSetScope(scopes, mixed);
    QCOMPARE(amendment.verdict, ScopeVerdict::AmendmentRequest);
    QCOMPARE(amendment.periodId, QStringLiteral("q1"));

    const ChangeSet outside =
        changeSet(key, QStringLiteral("t1"), 3,
                  {opOn("mark/7А/math/all/2026-09-15/1/7a-01/1", 1), opOn("mark/7А/chem/all/2026-11-10/2/7a-01/1", 2)});
    QCOMPARE(checkChangeSetScope(scopes, outside).verdict, ScopeVerdict::Rejected);

    // The context supplies the date of a task.
    const ChangeSet task = changeSet(key, QStringLiteral("t1"), 4, {opOn("task/7А/math/all/t-1", 1)});
    QCOMPARE(checkChangeSetScope(scopes, task).verdict, ScopeVerdict::Allowed);
    QCOMPARE(checkChangeSetScope(scopes, task, [](const Op&) { return EntityContext{QDate(2026, 9, 20)}; }).verdict,
             ScopeVerdict::AmendmentRequest);
}

QTEST_GUILESS_MAIN(TestReconcile)
// Found by tests/fuzz (fuzz_changeset): a stored register whose time deltas overflow a 64-bit time. Decoding
// added them as signed integers (undefined behaviour); it is now a damaged record.
void TestReconcile::RS5_registersWithOverflowingDeltaAreDamaged() {
    QFile f(qEnvironmentVariable("TABEL_SOURCE_DIR") +
            QStringLiteral("/tests/sync/fuzz/registers-overflowing-delta.bin"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const auto decoded = decodeEntityRegisters(f.readAll());
    QVERIFY(!decoded);
    QCOMPARE(decoded.error().code, ErrorCode::Corrupt);
}

#include "test_reconcile.moc"
