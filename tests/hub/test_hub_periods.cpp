// Closed periods, amendment requests and the summary sheet on the hub's store (issue 3, items 2 and 6; R-S6,
// R-S8): a closed period holds later edits as amendment requests (the Ack says so), a reopened one merges again;
// an accepted request is merged through the registers, moved to the end of the log (nodes pull it, its teacher
// is told) and survives reopening the store; a declined one stays refused with its reason; the summary sheet of
// a class is formed from the merged state (period marks, absences, last syncs) as a table, CSV and JSON.
#include "hub/store/hub_store.h"
#include "hub/summary/summary.h"
#include "shared/crypto/secret.h"
#include "sync/unit.h"
#include "tests/support/test_support.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace tabel;
using namespace tabel::sync;

namespace {

qint64 now() {
    return QDateTime::currentMSecsSinceEpoch();
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

PushBatch batchOf(const hub::NodeRecord& node, const QList<ChangeSet>& sets) {
    PushBatch b;
    b.nodeId = node.nodeId;
    b.batchId = newBatchId();
    for (const ChangeSet& cs : sets)
        b.changeSets << SignedChangeSet::of(cs);
    return b;
}

const QString kPmark1 = QStringLiteral("pmark/7А/math/q1/p01");
const QString kPmark2 = QStringLiteral("pmark/7А/math/q1/p02");
const QString kMarkInQ1 = QStringLiteral("mark/7А/math/all/2026-09-15/1/p02/1");

QString visible(const hub::HubStore& store, const QString& entity, const QString& field = QStringLiteral("value")) {
    const FieldRegister* r = store.state().find({entity, field});
    return r ? domain::textOf(r->visibleValue()) : QString();
}

} // namespace

class TestHubPeriods : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_dir;
    crypto::SigningKeyPair m_operatorKey, m_teacherKey, m_otherKey; // made after crypto::initialize()
    hub::NodeRecord m_operator, m_teacher, m_other;
    qint64 m_teacherSeq = 0;
    qint64 m_hlc = 1000;
    Version m_pmark1; // the version of kPmark1.value the teacher last wrote
    std::int64_t m_acceptId = 0, m_declineId = 0;
    quint64 m_cursorBeforeDecisions = 0;

    hub::NodeRecord enrol(hub::HubStore& store, const crypto::SigningKeyPair& key, const QString& teacher,
                          const QString& name, bool isOperator) {
        hub::NewNode n{teacher, name, {}, isOperator};
        if (!isOperator)
            n.assignments = {{QStringLiteral("7А"), QStringLiteral("math"), QStringLiteral("all")}};
        auto e = store.addNode(n);
        if (!e)
            qFatal("addNode: %s", qPrintable(e.error().message));
        auto node = store.enroll(e->secret, key.publicKey, QStringLiteral("laptop"), now());
        if (!node)
            qFatal("enroll: %s", qPrintable(node.error().message));
        return *node;
    }

    // Pushes one change set of the teacher's device; returns its Ack entry.
    AckEntry teacherPush(hub::HubStore& store, QList<Op> ops) {
        // A new period mark entered outside its 2.5.6 window (these tests run long after q1) carries the override
        // reason and its author, as the node writes it; the hub refuses one without (sync/judge.h).
        const QList<Op> written = ops;
        for (const Op& o : written)
            if (o.entity.startsWith(QLatin1String("pmark/")) && o.base.isNull()) {
                ops.append(
                    Op{++m_hlc, o.entity, QStringLiteral("override"), QStringLiteral("ввод после четверти"), {}});
                ops.append(Op{++m_hlc, o.entity, QStringLiteral("author"), QStringLiteral("t01"), {}});
            }
        const ChangeSet cs = signedSet(m_teacherKey, QStringLiteral("t01"), ++m_teacherSeq, std::move(ops));
        auto ack = store.push(m_teacher, batchOf(m_teacher, {cs}), now());
        if (!ack || ack->entries.size() != 1)
            qFatal("push: %s", ack ? "wrong entries" : qPrintable(ack.error().message));
        return ack->entries.first();
    }

    Op pmarkOp(const QString& entity, const QString& value, Version base = {}) {
        return Op{++m_hlc, entity, QStringLiteral("value"), value, base};
    }

private slots:
    void initTestCase() {
        QVERIFY(crypto::initialize());
        m_operatorKey = crypto::SigningKeyPair::generate();
        m_teacherKey = crypto::SigningKeyPair::generate();
        m_otherKey = crypto::SigningKeyPair::generate();
        QVERIFY(m_tmp.isValid());
        m_dir = m_tmp.filePath(QStringLiteral("hub"));
        auto store = hub::HubStore::open(m_dir);
        QVERIFY2(store, store ? "" : qPrintable(store.error().message));
        m_operator = enrol(*store, m_operatorKey, QStringLiteral("admin"), QStringLiteral("Завуч"), true);
        m_teacher = enrol(*store, m_teacherKey, QStringLiteral("t01"), QStringLiteral("Петрова Анна Сергеевна"), false);
        m_other = enrol(*store, m_otherKey, QStringLiteral("t02"), QStringLiteral("Смирнов Олег"), false);
        // The roster and calendar, as the operator's node sends them: two pupils (Ё sorts with Е), the subject,
        // the first quarter.
        QList<Op> ref;
        const auto put = [&](const QString& entity, const QString& field, const domain::FieldValue& v) {
            ref.append(Op{++m_hlc, entity, field, v, {}});
        };
        put(QStringLiteral("class/7А"), QStringLiteral("grade"), std::int64_t(7));
        put(QStringLiteral("pupil/p01"), QStringLiteral("class"), QStringLiteral("7А"));
        put(QStringLiteral("pupil/p01"), QStringLiteral("surname"), QStringLiteral("Ёлкина"));
        put(QStringLiteral("pupil/p01"), QStringLiteral("name"), QStringLiteral("Дарья"));
        put(QStringLiteral("pupil/p02"), QStringLiteral("class"), QStringLiteral("7А"));
        put(QStringLiteral("pupil/p02"), QStringLiteral("surname"), QStringLiteral("Алексеев"));
        put(QStringLiteral("pupil/p02"), QStringLiteral("name"), QStringLiteral("Артём"));
        put(QStringLiteral("pupil/p02"), QStringLiteral("patronymic"), QStringLiteral("Игоревич"));
        put(QStringLiteral("pupil/p09"), QStringLiteral("class"), QStringLiteral("8Б")); // another class
        put(QStringLiteral("pupil/p09"), QStringLiteral("surname"), QStringLiteral("Борисов"));
        put(QStringLiteral("pupil/p09"), QStringLiteral("name"), QStringLiteral("Глеб"));
        put(QStringLiteral("subject/math"), QStringLiteral("name"), QStringLiteral("Математика"));
        put(QStringLiteral("subject/rus"), QStringLiteral("name"), QStringLiteral("Русский язык"));
        put(QStringLiteral("assign/t09/7А/rus/all"), QStringLiteral("in"), std::int64_t(1));
        put(QStringLiteral("year/2026-2027"), QStringLiteral("start"), QStringLiteral("2026-09-01"));
        put(QStringLiteral("year/2026-2027"), QStringLiteral("end"), QStringLiteral("2027-05-31"));
        // The lessons the teacher's marks and absences sit in (3.4).
        for (const char* day : {"2026-09-15", "2026-10-02", "2026-11-10"})
            put(QStringLiteral("lesson/7А/math/all/%1/1").arg(QLatin1String(day)), QStringLiteral("distance"),
                std::int64_t(0));
        put(QStringLiteral("period/2026-2027/q1"), QStringLiteral("kind"), QStringLiteral("quarter"));
        put(QStringLiteral("period/2026-2027/q1"), QStringLiteral("start"), QStringLiteral("2026-09-01"));
        put(QStringLiteral("period/2026-2027/q1"), QStringLiteral("end"), QStringLiteral("2026-10-24"));
        // One change set per unit (sync/unit.h): the class 7А, the class 8Б, the school-wide data.
        std::map<QString, QList<Op>> byUnit;
        for (const Op& o : ref) {
            const domain::EntityKey key = domain::parseEntityKey(o.entity);
            QString pupilClass;
            for (const Op& c : ref)
                if (c.entity == o.entity && c.field == u"class")
                    pupilClass = domain::textOf(c.value);
            byUnit[sync::scopeKeyOf(key, pupilClass).classId].append(o);
        }
        QList<ChangeSet> sets;
        for (auto& [unit, ops] : byUnit)
            sets.append(signedSet(m_operatorKey, QStringLiteral("admin"), sets.size() + 1, ops));
        QCOMPARE(sets.size(), 3);
        auto ack = store->push(m_operator, batchOf(m_operator, sets), now());
        QVERIFY2(ack, ack ? "" : qPrintable(ack.error().message));
        for (const AckEntry& e : ack->entries)
            QCOMPARE(e.status, AckStatus::Accepted);
    }

    void RS6_closeAndReopenErrors() {
        auto store = hub::HubStore::open(m_dir);
        QVERIFY(store);
        ClosedPeriod bad{QString(), QDate(2026, 10, 24), QDate(2026, 9, 1), QStringLiteral("q1")};
        QCOMPARE(store->closePeriod(bad, now()).error().code, ErrorCode::InvalidArgument); // end before start
        bad = {QString(), QDate(2026, 9, 1), QDate(2026, 10, 24), QStringLiteral("q/1")};
        QCOMPARE(store->closePeriod(bad, now()).error().code, ErrorCode::InvalidArgument); // not an id
        const Status notClosed = store->reopenPeriod(QStringLiteral("q1"), {});
        QCOMPARE(notClosed.error().code, ErrorCode::NotFound);
        QVERIFY2(notClosed.error().message.contains(QStringLiteral("q1")), qPrintable(notClosed.error().message));
        QCOMPARE(store->closedPeriods()->size(), 0);
    }

    void RS6_closedPeriodHoldsEdits() {
        auto store = hub::HubStore::open(m_dir);
        QVERIFY(store);
        // Before the closing: a period mark merges.
        const Op first = pmarkOp(kPmark1, QStringLiteral("4"));
        QCOMPARE(teacherPush(*store, {first}).status, AckStatus::Accepted);
        m_pmark1 = Version{crypto::deviceNumber(m_teacherKey.publicKey), first.hlc};
        QCOMPARE(visible(*store, kPmark1), QStringLiteral("4"));

        const ClosedPeriod q1{QString(), QDate(2026, 9, 1), QDate(2026, 10, 24), QStringLiteral("q1")};
        QVERIFY(store->closePeriod(q1, now()));
        QCOMPARE(store->closePeriod(q1, now()).error().code, ErrorCode::AlreadyExists);
        QCOMPARE(*store->closedPeriods(), QList<ClosedPeriod>{q1});

        // After it: the period mark (by its period) and a current mark dated inside it are held, not merged.
        const Op second = pmarkOp(kPmark1, QStringLiteral("5"), m_pmark1);
        const AckEntry held = teacherPush(*store, {second});
        QCOMPARE(held.status, AckStatus::Conflict);
        QCOMPARE(held.reason, int(AckReason::AmendmentRequest));
        QVERIFY2(held.text.contains(QStringLiteral("q1")) && held.text.contains(QStringLiteral("amendment")),
                 qPrintable(held.text));
        QCOMPARE(visible(*store, kPmark1), QStringLiteral("4"));
        const AckEntry heldMark =
            teacherPush(*store, {Op{++m_hlc, kMarkInQ1, QStringLiteral("value"), QStringLiteral("2"), {}}});
        QCOMPARE(heldMark.reason, int(AckReason::AmendmentRequest));
        QVERIFY(!store->state().find({kMarkInQ1, QStringLiteral("value")}));

        auto list = store->amendments(false);
        QVERIFY(list);
        QCOMPARE(list->size(), 2);
        QCOMPARE(list->at(0).state, hub::AmendmentState::Held);
        QCOMPARE(list->at(0).author, QStringLiteral("t01"));
        QCOMPARE(list->at(0).seq, m_teacherSeq - 1);
        QCOMPARE(list->at(0).ops, QList<Op>{second});
        QCOMPARE(list->at(0).heldReason, held.text);
        m_acceptId = list->at(0).id;
        m_declineId = list->at(1).id;

        // The nodes are given the closed periods on pull.
        auto pulled = store->pull(m_other, 0, 1000);
        QVERIFY(pulled);
        QVERIFY(pulled->closedPeriods.has_value());
        QCOMPARE(*pulled->closedPeriods, QList<ClosedPeriod>{q1});
        QVERIFY(pulled->notices.isEmpty());
        // Held sets are not pulled.
        for (const PulledChangeSet& p : pulled->changeSets)
            QVERIFY(p.hubSeq != quint64(m_acceptId) && p.hubSeq != quint64(m_declineId));
        m_cursorBeforeDecisions = pulled->toCursor;

        // A class-only closing of another period does not touch 7А's edits of q1 beyond the every-class one.
        QVERIFY(store->closePeriod({QStringLiteral("8Б"), QDate(2026, 9, 1), QDate(2026, 10, 24), QStringLiteral("q1")},
                                   now()));
        QCOMPARE(store->closedPeriods()->size(), 2);
        QVERIFY(store->reopenPeriod(QStringLiteral("q1"), QStringLiteral("8Б")));
    }

    void RS6_reopenMergesAgain() {
        auto store = hub::HubStore::open(m_dir);
        QVERIFY(store);
        QVERIFY(store->reopenPeriod(QStringLiteral("q1"), {}));
        QVERIFY(store->closedPeriods()->isEmpty());
        QCOMPARE(teacherPush(*store, {pmarkOp(kPmark2, QStringLiteral("3"))}).status, AckStatus::Accepted);
        QCOMPARE(visible(*store, kPmark2), QStringLiteral("3"));
        // The requests held while it was closed still wait.
        QCOMPARE(store->amendments(false)->size(), 2);
        // Closed again for the rest of the test.
        QVERIFY(store->closePeriod({QString(), QDate(2026, 9, 1), QDate(2026, 10, 24), QStringLiteral("q1")}, now()));
    }

    void RS6_acceptMergesAndSurvivesReopen() {
        sync::Reconciler after;
        std::int64_t movedTo = 0;
        {
            auto store = hub::HubStore::open(m_dir);
            QVERIFY(store);
            auto lastBefore = store->database().queryInt("SELECT MAX(hub_seq) FROM log");
            auto merged = store->acceptAmendment(m_acceptId, now());
            QVERIFY2(merged, merged ? "" : qPrintable(merged.error().message));
            QVERIFY(!merged->hasConflict());
            QCOMPARE(visible(*store, kPmark1), QStringLiteral("5"));

            auto all = store->amendments(true);
            QVERIFY(all);
            QCOMPARE(all->size(), 2);
            QCOMPARE(all->at(0).id, m_acceptId);
            QCOMPARE(all->at(0).state, hub::AmendmentState::Accepted);
            QVERIFY(all->at(0).decided.has_value());
            movedTo = all->at(0).hubSeq;
            QCOMPARE(movedTo, *lastBefore + 1); // moved to the end of the log: merged as if it arrived now
            QCOMPARE(store->amendments(false)->size(), 1);

            // A decision is final; an unknown id is not found.
            const Status again = store->declineAmendment(m_acceptId, QStringLiteral("no"), now());
            QCOMPARE(again.error().code, ErrorCode::InvalidArgument);
            QVERIFY2(again.error().message.contains(QStringLiteral("accepted")), qPrintable(again.error().message));
            QCOMPARE(store->acceptAmendment(99999, now()).error().code, ErrorCode::NotFound);

            // Another node's pull after its cursor brings the accepted set; the teacher's node is told.
            auto other = store->pull(m_other, m_cursorBeforeDecisions, 1000);
            QVERIFY(other);
            QVERIFY(!other->changeSets.isEmpty());
            QCOMPARE(other->changeSets.last().hubSeq, quint64(movedTo));
            QVERIFY(other->notices.isEmpty()); // not its change set
            auto own = store->pull(m_teacher, m_cursorBeforeDecisions, 1000);
            QVERIFY(own);
            QCOMPARE(own->notices.size(), 1);
            QCOMPARE(own->notices.first(), (AmendmentNotice{m_teacherSeq - 2, true, m_acceptId, {}}));
            after = store->allRegisters().value();
        }
        // Reopened: the replay of the log includes the accepted set at its new place.
        auto reopened = hub::HubStore::open(m_dir);
        QVERIFY(reopened);
        QCOMPARE(visible(*reopened, kPmark1), QStringLiteral("5"));
        QVERIFY(reopened->allRegisters().value() == after);
        QCOMPARE(reopened->amendments(true)->at(0).hubSeq, movedTo);
    }

    void RS6_declineKeepsReason() {
        auto store = hub::HubStore::open(m_dir);
        QVERIFY(store);
        QCOMPARE(store->declineAmendment(m_declineId, QStringLiteral("  "), now()).error().code,
                 ErrorCode::InvalidArgument);
        const QString reason = QStringLiteral("Отметка за 1 четверть выставлена; исправление — через завуча");
        QVERIFY(store->declineAmendment(m_declineId, reason, now()));
        auto all = store->amendments(true);
        QVERIFY(all);
        QCOMPARE(all->size(), 2);
        const hub::Amendment& d = all->at(1);
        QCOMPARE(d.id, m_declineId);
        QCOMPARE(d.state, hub::AmendmentState::Declined);
        QCOMPARE(d.declineReason, reason);
        QVERIFY2(d.heldReason.contains(QStringLiteral("closed")), qPrintable(d.heldReason));
        QVERIFY(store->amendments(false)->isEmpty());
        // In the log: refused, with the reason; never merged.
        auto st = store->database().prepare("SELECT state, reason FROM log WHERE hub_seq = ?");
        QVERIFY(st);
        st->bind(1, d.hubSeq);
        QVERIFY(*st->step());
        QCOMPARE(st->columnInt(0), 2);
        QCOMPARE(st->columnText(1), reason);
        QVERIFY(!store->state().find({kMarkInQ1, QStringLiteral("value")}));
        // Its teacher's next pull says so; a pull that does not reach it does not.
        auto own = store->pull(m_teacher, m_cursorBeforeDecisions, 1000);
        QVERIFY(own);
        QCOMPARE(own->notices.size(), 2);
        QCOMPARE(own->notices.at(1), (AmendmentNotice{m_teacherSeq - 1, false, m_declineId, reason}));
        auto later = store->pull(m_teacher, own->toCursor, 1000);
        QVERIFY(later && later->notices.isEmpty());
        // The encoded answer carries them, and decodes to the same.
        auto decoded = decodePullBatch(encode(*own));
        QVERIFY2(decoded, decoded ? "" : qPrintable(decoded.error().message));
        QCOMPARE(*decoded, *own);
        // A pull answer without them, and an enrolment answer without closed periods, keep the first revision's
        // bytes (5 and 6 items); with them, they decode to the same.
        PullBatch plain;
        QCOMPARE(quint8(encode(plain).at(0)), quint8(0x85));
        Enrolled enrolled{kProtocolVersion, m_teacher.nodeId, QStringLiteral("t01"), QStringLiteral("Петрова"), {}, {}};
        QCOMPARE(quint8(encode(enrolled).at(0)), quint8(0x86));
        enrolled.closedPeriods = *store->closedPeriods();
        enrolled.closedPeriods << ClosedPeriod{QStringLiteral("7А"), QDate(2026, 11, 5), QDate(2026, 12, 28),
                                               QStringLiteral("q2")};
        auto decodedEnrolled = decodeEnrolled(encode(enrolled));
        QVERIFY2(decodedEnrolled, decodedEnrolled ? "" : qPrintable(decodedEnrolled.error().message));
        QCOMPARE(*decodedEnrolled, enrolled);
    }

    void RS8_summarySheet() {
        auto store = hub::HubStore::open(m_dir);
        QVERIFY(store);
        QVERIFY(store->reopenPeriod(QStringLiteral("q1"), {}));
        // Absences: two of p01 in q1 (one for illness), one of p02 after q1, which a q1 sheet does not count.
        const auto att = [&](const QString& date, const QString& pupil, const QString& reason) {
            return Op{++m_hlc,
                      QStringLiteral("att/7А/math/all/%1/1/%2").arg(date, pupil),
                      QStringLiteral("reason"),
                      reason,
                      {}};
        };
        QCOMPARE(teacherPush(*store, {att(QStringLiteral("2026-09-15"), QStringLiteral("p01"), QStringLiteral("Б")),
                                      att(QStringLiteral("2026-10-02"), QStringLiteral("p01"), QStringLiteral("НП")),
                                      att(QStringLiteral("2026-11-10"), QStringLiteral("p02"), QStringLiteral("УП"))})
                     .status,
                 AckStatus::Accepted);
        // A second period mark column: an annual mark of p02.
        QCOMPARE(teacherPush(*store, {pmarkOp(QStringLiteral("pmark/7А/math/annual/p02"), QStringLiteral("4"))}).status,
                 AckStatus::Accepted);

        auto nodes = store->nodes();
        QVERIFY(nodes);
        const QDateTime formed(QDate(2026, 10, 25), QTime(9, 0), Qt::UTC);
        auto sheet = hub::buildSummary(store->state(), *nodes, QStringLiteral("7А"), QStringLiteral("q1"), formed);
        QVERIFY2(sheet, sheet ? "" : qPrintable(sheet.error().message));
        const QString local = formed.toLocalTime().toString(QStringLiteral("dd.MM.yyyy HH:mm"));
        std::optional<QDateTime> teacherSync, otherSync;
        for (const hub::NodeRecord& n : *nodes) {
            if (n.nodeId == m_teacher.nodeId)
                teacherSync = n.lastSync;
            else if (n.nodeId == m_other.nodeId)
                otherSync = n.lastSync;
        }
        QVERIFY(teacherSync.has_value());
        QVERIFY(!otherSync.has_value()); // the second teacher's node never pushed
        const QString syncText = teacherSync->toLocalTime().toString(QStringLiteral("dd.MM.yyyy HH:mm"));

        // The table: pupils in alphabetical-book order (Алексеев before Ёлкина), every subject of the class for
        // the period (Русский язык from the assignments, no mark yet), absences within q1.
        const QString table =
            QStringLiteral("Summary sheet of class 7А, period q1, formed %1 from the hub's merged data (2.5.8)\n"
                           "№  Pupil                    Математика  Русский язык  Absent  Ill\n"
                           "1  Алексеев Артём Игоревич  3           —             0       0\n"
                           "2  Ёлкина Дарья             5           —             2       1\n"
                           "Absences are counted from 01.09.2026 to 24.10.2026.\n"
                           "The sheet includes what the teachers' nodes sent up to their last sync:\n"
                           "  t01 (Петрова Анна Сергеевна), node %2: %3\n"
                           "  t02 (Смирнов Олег), node %4: never synced\n")
                .arg(local, m_teacher.nodeId, syncText, m_other.nodeId);
        QCOMPARE(hub::summaryTable(*sheet), table);

        const QString csv = QStringLiteral("№,pupil id,pupil,Математика,Русский язык,absent,ill\r\n"
                                           "1,p02,Алексеев Артём Игоревич,3,,0,0\r\n"
                                           "2,p01,Ёлкина Дарья,5,,2,1\r\n");
        QCOMPARE(hub::summaryCsv(*sheet), csv);

        const QJsonObject json = QJsonDocument::fromJson(hub::summaryJson(*sheet)).object();
        const QJsonObject expected{
            {QStringLiteral("class"), QStringLiteral("7А")},
            {QStringLiteral("period"), QStringLiteral("q1")},
            {QStringLiteral("formed"), QStringLiteral("2026-10-25T09:00:00.000Z")},
            {QStringLiteral("absences_from"), QStringLiteral("2026-09-01")},
            {QStringLiteral("absences_to"), QStringLiteral("2026-10-24")},
            {QStringLiteral("columns"),
             QJsonArray{QJsonObject{{QStringLiteral("subject"), QStringLiteral("math")},
                                    {QStringLiteral("subject_name"), QStringLiteral("Математика")},
                                    {QStringLiteral("period"), QStringLiteral("q1")}},
                        QJsonObject{{QStringLiteral("subject"), QStringLiteral("rus")},
                                    {QStringLiteral("subject_name"), QStringLiteral("Русский язык")},
                                    {QStringLiteral("period"), QStringLiteral("q1")}}}},
            {QStringLiteral("pupils"),
             QJsonArray{QJsonObject{{QStringLiteral("pupil"), QStringLiteral("p02")},
                                    {QStringLiteral("name"), QStringLiteral("Алексеев Артём Игоревич")},
                                    {QStringLiteral("marks"),
                                     QJsonArray{QJsonObject{{QStringLiteral("value"), QStringLiteral("3")},
                                                            {QStringLiteral("conflict"), false}},
                                                QJsonValue()}},
                                    {QStringLiteral("absent"), 0},
                                    {QStringLiteral("ill"), 0}},
                        QJsonObject{{QStringLiteral("pupil"), QStringLiteral("p01")},
                                    {QStringLiteral("name"), QStringLiteral("Ёлкина Дарья")},
                                    {QStringLiteral("marks"),
                                     QJsonArray{QJsonObject{{QStringLiteral("value"), QStringLiteral("5")},
                                                            {QStringLiteral("conflict"), false}},
                                                QJsonValue()}},
                                    {QStringLiteral("absent"), 2},
                                    {QStringLiteral("ill"), 1}}}},
            {QStringLiteral("nodes"),
             QJsonArray{QJsonObject{{QStringLiteral("node"), m_teacher.nodeId},
                                    {QStringLiteral("teacher"), QStringLiteral("t01")},
                                    {QStringLiteral("teacher_name"), QStringLiteral("Петрова Анна Сергеевна")},
                                    {QStringLiteral("last_sync"), teacherSync->toUTC().toString(Qt::ISODateWithMs)}},
                        QJsonObject{{QStringLiteral("node"), m_other.nodeId},
                                    {QStringLiteral("teacher"), QStringLiteral("t02")},
                                    {QStringLiteral("teacher_name"), QStringLiteral("Смирнов Олег")},
                                    {QStringLiteral("last_sync"), QJsonValue()}}}}};
        QCOMPARE(json, expected);

        // Every period: columns per subject and period with marks (q1, then annual); absences over the record.
        auto all = hub::buildSummary(store->state(), *nodes, QStringLiteral("7А"), {}, formed);
        QVERIFY(all);
        QStringList labels;
        for (const hub::SummaryColumn& c : all->columns)
            labels << c.subjectId + u'/' + c.periodId;
        QCOMPARE(labels, (QStringList{QStringLiteral("math/q1"), QStringLiteral("math/annual")}));
        QCOMPARE(all->rows.at(0).absences, 1); // p02's absence after q1 counts now
        QCOMPARE(all->rows.at(0).cells.at(1).value, QStringLiteral("4"));
        QVERIFY(hub::summaryCsv(*all).startsWith(
            QStringLiteral("№,pupil id,pupil,Математика q1,Математика annual,absent,ill\r\n")));

        // A class the hub knows nothing of.
        auto none = hub::buildSummary(store->state(), *nodes, QStringLiteral("11В"), {}, formed);
        QVERIFY(!none);
        QCOMPARE(none.error().code, ErrorCode::NotFound);
    }

    // Issue 9 item 6, R-J13 (2.6.8): a corrected period mark shows as corrected — old mark, new mark, explanation,
    // approver — in the table, the CSV and the JSON. R-S8: every node whose entries the sheet counts is listed with
    // its last sync, not only the nodes assigned to the class (here the operator's, which records an absence).
    void RJ13_RS8_summaryShowsCorrectionsAndEveryAuthor() {
        auto store = hub::HubStore::open(m_dir);
        QVERIFY(store);
        const sync::FieldRegister* current = store->state().find({kPmark1, QStringLiteral("value")});
        QVERIFY(current && current->visible());
        const QString before = domain::textOf(current->visibleValue());
        domain::Correction c;
        c.classId = QStringLiteral("7А");
        c.subjectId = QStringLiteral("math");
        c.periodId = QStringLiteral("q1");
        c.pupilId = QStringLiteral("p01");
        c.oldValue = domain::parseMarkValue(before).value();
        c.newValue = before == u"4" ? domain::MarkValue::Three : domain::MarkValue::Four;
        c.explanation = QStringLiteral("ошибка при выставлении");
        c.approver = QStringLiteral("Директор Смирнова Е. В.");
        c.authorId = QStringLiteral("t01");
        c.date = QDate(2026, 11, 2);
        QList<Op> ops;
        for (const auto& [field, value] : c.toFields())
            if (!domain::isNull(value))
                ops.append(Op{++m_hlc, c.entityKey(), field, value, {}});
        ops.append(
            Op{++m_hlc, kPmark1, QStringLiteral("value"), domain::toString(c.newValue), current->visible()->version});
        const AckEntry e = teacherPush(*store, ops);
        QVERIFY2(e.status == AckStatus::Accepted, qPrintable(e.text));
        // The operator's node records an absence of p02 in q1: its entries now count on the sheet.
        const ChangeSet absence = signedSet(m_operatorKey, QStringLiteral("admin"), 4,
                                            {Op{++m_hlc,
                                                QStringLiteral("att/7А/math/all/2026-10-02/1/p02"),
                                                QStringLiteral("reason"),
                                                QStringLiteral("УП"),
                                                {}}});
        auto ack = store->push(m_operator, batchOf(m_operator, {absence}), now());
        QVERIFY2(ack && ack->entries.first().status == AckStatus::Accepted,
                 ack ? qPrintable(ack->entries.first().text) : "push failed");

        auto nodes = store->nodes();
        QVERIFY(nodes);
        auto sheet = hub::buildSummary(store->state(), *nodes, QStringLiteral("7А"), QStringLiteral("q1"),
                                       QDateTime(QDate(2026, 11, 3), QTime(9, 0), Qt::UTC));
        QVERIFY2(sheet, sheet ? "" : qPrintable(sheet.error().message));
        const QString oldText = before, newText = domain::toString(c.newValue);
        const QString table = hub::summaryTable(*sheet);
        QVERIFY2(table.contains(newText + QStringLiteral(" (corr.)")) &&
                     table.contains(oldText + QStringLiteral(" → ") + newText) &&
                     table.contains(QStringLiteral("ошибка при выставлении")) &&
                     table.contains(QStringLiteral("Директор Смирнова Е. В.")),
                 qPrintable(table));
        QVERIFY2(table.contains(QStringLiteral("admin (Завуч), node ") + m_operator.nodeId), qPrintable(table));
        const QString csv = hub::summaryCsv(*sheet);
        QVERIFY2(csv.contains(QStringLiteral(",p01,Ёлкина Дарья,Математика,q1,") + oldText + u',' + newText +
                              QStringLiteral(",ошибка при выставлении,Директор Смирнова Е. В.,2026-11-02")),
                 qPrintable(csv));
        const QJsonObject json = QJsonDocument::fromJson(hub::summaryJson(*sheet)).object();
        const QJsonObject corrected = json.value(QStringLiteral("pupils"))
                                          .toArray()
                                          .at(1)
                                          .toObject()
                                          .value(QStringLiteral("marks"))
                                          .toArray()
                                          .at(0)
                                          .toObject()
                                          .value(QStringLiteral("corrected"))
                                          .toObject();
        QCOMPARE(corrected.value(QStringLiteral("old")).toString(), oldText);
        QCOMPARE(corrected.value(QStringLiteral("new")).toString(), newText);
        QCOMPARE(corrected.value(QStringLiteral("approver")).toString(), QStringLiteral("Директор Смирнова Е. В."));
        bool operatorListed = false;
        for (const QJsonValue& n : json.value(QStringLiteral("nodes")).toArray())
            operatorListed =
                operatorListed || n.toObject().value(QStringLiteral("node")).toString() == m_operator.nodeId;
        QVERIFY(operatorListed);
    }

    void RS8_auditRow() {
        auto store = hub::HubStore::open(m_dir);
        QVERIFY(store);
        const auto before = store->database().queryInt("SELECT count(*) FROM audit");
        QVERIFY(store->audit(QStringLiteral("summary"), QStringLiteral("class=7А")));
        QCOMPARE(*store->database().queryInt("SELECT count(*) FROM audit"), (before ? *before : 0) + 1);
        auto st = store->database().prepare("SELECT user, command, detail FROM audit ORDER BY id DESC LIMIT 1");
        QVERIFY(st && *st->step());
        QVERIFY(!st->columnText(0).isEmpty());
        QCOMPARE(st->columnText(1), QStringLiteral("summary"));
        QCOMPARE(st->columnText(2), QStringLiteral("class=7А"));
    }
};

QTEST_GUILESS_MAIN(TestHubPeriods)
#include "test_hub_periods.moc"
