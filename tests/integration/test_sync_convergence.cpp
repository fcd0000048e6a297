// Convergence (issue 3, item 7; R-S4, R-S5, R-J10, R-J11) with the real tabel-hub and three real tabel-node stores
// on loopback: two teachers of the two English subgroups of 7А (petrova, group 1; smirnov, group 2) and the
// mathematics teacher ivanova, who also substitutes for petrova in one lesson (recorded by the operator with
// `tabel-hub substitution add`). They write offline, then sync in one order; write again, then sync in another.
// Afterwards the hub holds no conflict (two teachers of different subgroups never conflict, 2.5.5), and for every
// node the hub's merged state within that node's scopes (sync::concerns: what the hub sends it) and the node's
// whole state are equal, entity by entity and field by field. The test functions run in order and share the hub
// and the stores.
#include "hub/store/hub_store.h"
#include "node/store/node_store.h"
#include "shared/crypto/secret.h"
#include "sync/relevance.h"
#include "tests/support/test_support.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace tabel;
using tabel::test::describe;
using tabel::test::ProcessResult;

namespace {

const QByteArray kPassphrase = "длинная фраза 2026";

// The three teachers: id, name, assignment.
struct Teacher {
    char which;
    QString id, name, assign;
};
const QList<Teacher> kTeachers{
    {'a', QStringLiteral("petrova"), QStringLiteral("Петрова Анна Викторовна"), QStringLiteral("7А/eng/1")},
    {'b', QStringLiteral("smirnov"), QStringLiteral("Смирнов Олег Юрьевич"), QStringLiteral("7А/eng/2")},
    {'s', QStringLiteral("ivanova"), QStringLiteral("Иванова Мария Петровна"), QStringLiteral("7А/math/all")},
};

// Tuesdays: the English subgroups have lesson 4 (deploy/demo/timetable.csv), mathematics lesson 2.
const QString kEng1 = QStringLiteral("7А/eng/1/2026-09-01/4");
const QString kEng2 = QStringLiteral("7А/eng/2/2026-09-01/4");
const QString kMath = QStringLiteral("7А/math/all/2026-09-01/2");
// petrova is ill on 8 September; ivanova takes her group-1 lesson.
const QString kSubstituted = QStringLiteral("7А/eng/1/2026-09-08/4");

QString demo(const QString& kind) {
    return test::sourceDir() + QStringLiteral("/deploy/demo/") + kind + QStringLiteral(".csv");
}

crypto::SecretBytes passphrase() {
    return crypto::SecretBytes::fromBytes(kPassphrase.constData(), std::size_t(kPassphrase.size()));
}

QString fieldsText(const domain::Fields& f) {
    QStringList parts;
    for (const auto& [name, value] : f)
        parts << name + u'=' + domain::debugString(value);
    return parts.join(QStringLiteral(", "));
}

} // namespace

class TestSyncConvergence : public QObject {
    Q_OBJECT

private:
    QString m_nodeBin, m_hubBin;
    QTemporaryDir m_tmp;
    QString m_hubStore;
    QProcess m_hub;
    quint16 m_port = 0;

    QString store(char which) const { return m_tmp.filePath(QStringLiteral("node-") + QLatin1Char(which)); }
    QString url() const { return QStringLiteral("https://127.0.0.1:%1").arg(m_port); }

    ProcessResult node(char which, const QStringList& args) {
        QProcessEnvironment env;
        env.insert(QStringLiteral("TABEL_PASSPHRASE"), QString::fromUtf8(kPassphrase));
        env.insert(QStringLiteral("TABEL_LANG"), QStringLiteral("en"));
        return test::run(m_nodeBin, QStringList{QStringLiteral("--store"), store(which)} + args, env);
    }

    ProcessResult hub(const QStringList& args) {
        QProcessEnvironment env;
        env.insert(QStringLiteral("TABEL_LANG"), QStringLiteral("en"));
        return test::run(m_hubBin, QStringList{QStringLiteral("--store"), m_hubStore} + args, env);
    }

    QString addNode(const Teacher& t) {
        const auto r = hub({QStringLiteral("node"), QStringLiteral("add"), QStringLiteral("--teacher"), t.id,
                            QStringLiteral("--name"), t.name, QStringLiteral("--assign"), t.assign});
        if (r.exitCode != 0)
            qFatal("node add failed: %s", qPrintable(describe(r)));
        const QRegularExpression codeLine(QStringLiteral("^\\s+([A-Z2-7]{6}(-[A-Z2-7]{1,6}){6})$"),
                                          QRegularExpression::MultilineOption);
        const auto m = codeLine.match(r.out);
        if (!m.hasMatch())
            qFatal("no code in: %s", qPrintable(r.out));
        return m.captured(1);
    }

    ProcessResult lesson(char which, const QString& key, const QString& topic, const QStringList& more = {}) {
        return node(which, QStringList{QStringLiteral("lesson"), QStringLiteral("add"), QStringLiteral("--lesson"), key,
                                       QStringLiteral("--topic"), topic} +
                               more);
    }
    ProcessResult mark(char which, const QString& key, const QString& pupil, const QString& value) {
        return node(which, {QStringLiteral("mark"), QStringLiteral("set"), QStringLiteral("--lesson"), key,
                            QStringLiteral("--pupil"), pupil, QStringLiteral("--value"), value});
    }
    ProcessResult attend(char which, const QString& key, const QString& pupil, const QStringList& how) {
        return node(which, QStringList{QStringLiteral("attend"), QStringLiteral("--lesson"), key,
                                       QStringLiteral("--pupil"), pupil} +
                               how);
    }

    // Syncs the nodes in this order; each sync must succeed.
    void syncInOrder(const QByteArray& order) {
        for (char which : order) {
            const ProcessResult r = node(which, {QStringLiteral("sync")});
            EXPECT_EXIT(r, 0);
        }
    }

private slots:
    void initTestCase() {
        QVERIFY(crypto::initialize());
        m_nodeBin = test::binaryFromEnv("TABEL_NODE_BIN");
        m_hubBin = test::binaryFromEnv("TABEL_HUB_BIN");
        QVERIFY(m_tmp.isValid());
        m_hubStore = m_tmp.filePath(QStringLiteral("hub"));
        QHash<char, QString> codes;
        for (const Teacher& t : kTeachers)
            codes[t.which] = addNode(t);
        for (const char* kind : {"calendar", "roster", "timetable"})
            EXPECT_EXIT(hub({QStringLiteral("import"), QString::fromLatin1(kind), demo(QString::fromLatin1(kind))}), 0);

        m_port = tabel::test::startHub(m_hub, m_hubBin, m_hubStore);
        QVERIFY(m_port);

        for (const Teacher& t : kTeachers) {
            EXPECT_EXIT(
                node(t.which, {QStringLiteral("init"), QStringLiteral("--teacher"), t.id, QStringLiteral("--name"),
                               t.name, QStringLiteral("--kdf"), QStringLiteral("interactive")}),
                0);
            EXPECT_EXIT(node(t.which, {QStringLiteral("enroll"), url(), codes[t.which]}), 0);
        }
    }

    void cleanupTestCase() {
        if (m_hub.state() == QProcess::Running) {
            m_hub.terminate();
            m_hub.waitForFinished(10000);
        }
    }

    // R-J10: the substitution is the operator's; until the substitute's node has it, the lesson is refused there.
    void RJ10_substitutionReachesTheSubstitute() {
        EXPECT_EXIT(lesson('s', kSubstituted, QStringLiteral("Present Simple")), 6);
        const ProcessResult added = hub(
            {QStringLiteral("substitution"), QStringLiteral("add"), QStringLiteral("--date"),
             QStringLiteral("2026-09-08"), QStringLiteral("--slot"), QStringLiteral("4"), QStringLiteral("--class"),
             QStringLiteral("7А"), QStringLiteral("--subject"), QStringLiteral("eng"), QStringLiteral("--group"),
             QStringLiteral("1"), QStringLiteral("--absent"), QStringLiteral("petrova"), QStringLiteral("--substitute"),
             QStringLiteral("ivanova"), QStringLiteral("--reason"), QStringLiteral("болезнь")});
        EXPECT_EXIT(added, 0);
        QVERIFY2(added.out.contains(QStringLiteral("Иванова Мария Петровна (ivanova) stands in for")),
                 qPrintable(describe(added)));
        // An unknown teacher is named, and nothing is recorded.
        const ProcessResult unknown = hub(
            {QStringLiteral("substitution"), QStringLiteral("add"), QStringLiteral("--date"),
             QStringLiteral("2026-09-08"), QStringLiteral("--slot"), QStringLiteral("4"), QStringLiteral("--class"),
             QStringLiteral("7А"), QStringLiteral("--subject"), QStringLiteral("eng"), QStringLiteral("--group"),
             QStringLiteral("2"), QStringLiteral("--absent"), QStringLiteral("smirnov"), QStringLiteral("--substitute"),
             QStringLiteral("kuznetsov"), QStringLiteral("--reason"), QStringLiteral("болезнь")});
        EXPECT_EXIT(unknown, 7);
        QVERIFY2(unknown.err.contains(QStringLiteral("kuznetsov")), qPrintable(describe(unknown)));
        // 2.5.4: a substitution without its reason is refused by the rule (exit 6, its clause named), nothing recorded.
        const ProcessResult noReason =
            hub({QStringLiteral("substitution"), QStringLiteral("add"), QStringLiteral("--date"),
                 QStringLiteral("2026-09-08"), QStringLiteral("--slot"), QStringLiteral("4"), QStringLiteral("--class"),
                 QStringLiteral("7А"), QStringLiteral("--subject"), QStringLiteral("eng"), QStringLiteral("--group"),
                 QStringLiteral("2"), QStringLiteral("--absent"), QStringLiteral("smirnov"),
                 QStringLiteral("--substitute"), QStringLiteral("ivanova")});
        EXPECT_EXIT(noReason, 6);
        QVERIFY2(noReason.err.contains(QStringLiteral("2.5.4")), qPrintable(describe(noReason)));
        const ProcessResult list =
            hub({QStringLiteral("substitution"), QStringLiteral("list"), QStringLiteral("--json")});
        EXPECT_EXIT(list, 0);
        const QJsonArray rows = QJsonDocument::fromJson(list.out.toUtf8()).array();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().toObject().value(QStringLiteral("substitute")).toString(), QStringLiteral("ivanova"));

        syncInOrder("abs"); // the reference data and the substitution
    }

    // Offline edits of all three, synced in one order (group 2 first, the substitute, group 1), then once more so
    // that everyone has pulled what the others pushed.
    void RJ11_offlineEditsFirstOrder() {
        EXPECT_EXIT(
            lesson('a', kEng1, QStringLiteral("My family"), {QStringLiteral("--homework"), QStringLiteral("Ex. 3")}),
            0);
        EXPECT_EXIT(mark('a', kEng1, QStringLiteral("7a-01"), QStringLiteral("5")), 0);
        EXPECT_EXIT(mark('a', kEng1, QStringLiteral("7a-02"), QStringLiteral("4")), 0);
        // 2.5.5: a pupil of the other subgroup is not petrova's to mark.
        QVERIFY(mark('a', kEng1, QStringLiteral("7a-03"), QStringLiteral("5")).exitCode != 0);

        EXPECT_EXIT(lesson('b', kEng2, QStringLiteral("My school")), 0);
        EXPECT_EXIT(mark('b', kEng2, QStringLiteral("7a-03"), QStringLiteral("3")), 0);
        EXPECT_EXIT(attend('b', kEng2, QStringLiteral("7a-04"), {QStringLiteral("--absent"), QStringLiteral("Б")}), 0);

        EXPECT_EXIT(lesson('s', kMath, QStringLiteral("Дроби")), 0);
        EXPECT_EXIT(mark('s', kMath, QStringLiteral("7a-01"), QStringLiteral("4")), 0);
        EXPECT_EXIT(mark('s', kMath, QStringLiteral("7a-03"), QStringLiteral("5")), 0);
        EXPECT_EXIT(lesson('s', kSubstituted, QStringLiteral("Present Simple")), 0);
        EXPECT_EXIT(mark('s', kSubstituted, QStringLiteral("7a-02"), QStringLiteral("5")), 0);

        syncInOrder("bsa");
        syncInOrder("bs");
    }

    // More edits, synced in the opposite order; petrova's node now holds the substitute's lesson of her group.
    void RS4_moreEditsOtherOrder() {
        EXPECT_EXIT(mark('a', kEng1, QStringLiteral("7a-01"), QStringLiteral("4")), 0);
        EXPECT_EXIT(mark('a', kSubstituted, QStringLiteral("7a-01"), QStringLiteral("3")), 0); // her group's lesson
        EXPECT_EXIT(attend('b', kEng2, QStringLiteral("7a-04"), {QStringLiteral("--present")}), 0);
        EXPECT_EXIT(mark('b', kEng2, QStringLiteral("7a-04"), QStringLiteral("4")), 0);
        EXPECT_EXIT(mark('s', kSubstituted, QStringLiteral("7a-02"), QStringLiteral("4")), 0);
        EXPECT_EXIT(lesson('s', kMath, QStringLiteral("Дроби"), {QStringLiteral("--homework"), QStringLiteral("№ 12")}),
                    0);

        syncInOrder("sab");
        syncInOrder("sa");
        // R-J11: two teachers of different subgroups never conflict; nobody else wrote the same cell either.
        const ProcessResult conflicts =
            hub({QStringLiteral("conflicts"), QStringLiteral("list"), QStringLiteral("--json")});
        EXPECT_EXIT(conflicts, 0);
        QCOMPARE(QJsonDocument::fromJson(conflicts.out.toUtf8()).array().size(), 0);
        for (const Teacher& t : kTeachers) {
            const ProcessResult st = node(t.which, {QStringLiteral("status"), QStringLiteral("--json")});
            EXPECT_EXIT(st, 0);
            QCOMPARE(QJsonDocument::fromJson(st.out.toUtf8()).object().value(QStringLiteral("pending_ops")).toInt(), 0);
        }
    }

    // R-S4: every node holds exactly the hub's merged state within its scopes, and nothing else.
    void RS4_everyNodeAgreesWithTheHub() {
        m_hub.terminate();
        QVERIFY(m_hub.waitForFinished(10000));
        auto hubStore = hub::HubStore::open(m_hubStore);
        QVERIFY2(hubStore, hubStore ? "" : qPrintable(hubStore.error().message));
        auto state = hubStore->allRegisters();
        QVERIFY(state);
        const sync::Reconciler& merged = *state;
        // The persisted registers are those a replay of the log gives (issue 8, item 1).
        QVERIFY(hubStore->replayLog().value() == merged);
        const sync::CurrentValue current = [&merged](const QString& entity, const QString& field) {
            const sync::FieldRegister* r = merged.find({entity, field});
            return r ? r->visibleValue() : domain::FieldValue();
        };
        auto nodes = hubStore->nodes();
        QVERIFY(nodes);
        for (const Teacher& t : kTeachers) {
            sync::NodeScopes scopes;
            for (const hub::NodeRecord& n : *nodes)
                if (n.teacherId == t.id)
                    scopes = n.scopes();
            QCOMPARE(scopes.teacherId, t.id);
            if (t.id == u"ivanova")
                scopes.substitutions.append(sync::SubstitutionWindow{QDate(2026, 9, 8), 4, QStringLiteral("7А"),
                                                                     QStringLiteral("1"), QStringLiteral("eng")});
            std::map<QString, domain::Fields> onHub;
            for (const auto& [id, reg] : merged.registers()) {
                const domain::FieldValue v = reg.visibleValue();
                if (!domain::isNull(v) && sync::concerns(scopes, id.entity, current))
                    onHub[id.entity][id.field] = v;
            }
            auto nodeStore = node::NodeStore::open(store(t.which), passphrase());
            QVERIFY2(nodeStore, nodeStore ? "" : qPrintable(nodeStore.error().message));
            auto all = nodeStore->scan(QString());
            QVERIFY(all);
            std::map<QString, domain::Fields> onNode;
            for (const node::Entity& e : *all)
                onNode[e.key] = e.fields;
            QStringList differences;
            for (const auto& [key, fields] : onHub)
                if (!onNode.count(key))
                    differences << QStringLiteral("only on the hub: %1 {%2}").arg(key, fieldsText(fields));
                else if (onNode[key] != fields)
                    differences << QStringLiteral("%1: hub {%2}, node {%3}")
                                       .arg(key, fieldsText(fields), fieldsText(onNode[key]));
            for (const auto& [key, fields] : onNode)
                if (!onHub.count(key))
                    differences << QStringLiteral("only on the node: %1 {%2}").arg(key, fieldsText(fields));
            QVERIFY2(differences.isEmpty(),
                     qPrintable(t.id + QStringLiteral(":\n  ") + differences.join(QStringLiteral("\n  "))));
            // What each node is expected to hold, beyond equality: the class view is the union of the subgroups.
            QVERIFY(onNode.count(QStringLiteral("lesson/") + kSubstituted));
            if (t.id != u"ivanova") {
                QVERIFY2(onNode.count(QStringLiteral("lesson/") + kEng1) &&
                             onNode.count(QStringLiteral("lesson/") + kEng2),
                         qPrintable(t.id));
                QVERIFY(!onNode.count(QStringLiteral("lesson/") + kMath)); // not their subject
            } else {
                QVERIFY(onNode.count(QStringLiteral("lesson/") + kMath));
            }
        }
        // The merged values: the last write of each cell, whoever's node it came from.
        const auto value = [&](const QString& key) {
            const sync::FieldRegister* r = merged.find({key, QStringLiteral("value")});
            return r ? domain::textOf(r->visibleValue()) : QStringLiteral("<none>");
        };
        QCOMPARE(value(QStringLiteral("mark/") + kEng1 + QStringLiteral("/7a-01/1")), QStringLiteral("4"));
        QCOMPARE(value(QStringLiteral("mark/") + kSubstituted + QStringLiteral("/7a-02/1")), QStringLiteral("4"));
        QCOMPARE(value(QStringLiteral("mark/") + kSubstituted + QStringLiteral("/7a-01/1")), QStringLiteral("3"));
        QCOMPARE(value(QStringLiteral("mark/") + kEng2 + QStringLiteral("/7a-04/1")), QStringLiteral("4"));
    }
};

QTEST_GUILESS_MAIN(TestSyncConvergence)
#include "test_sync_convergence.moc"
