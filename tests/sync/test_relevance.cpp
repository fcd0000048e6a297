// What a node receives on pull (sync/relevance.h; R-S4, R-S6, R-J10, R-J11), as a table: for a teacher of
// English subgroup 1 of 7А who substitutes in one mathematics lesson of 7Б, which entities concern the node.
#include "sync/relevance.h"
#include "sync/unit.h"

#include <QTest>

using namespace tabel;
using namespace tabel::sync;

namespace {

NodeScopes petrova() {
    NodeScopes s;
    s.teacherId = QStringLiteral("petrova");
    s.assignments = {{QStringLiteral("petrova"), QStringLiteral("7А"), QStringLiteral("eng"), QStringLiteral("1")},
                     // another teacher's assignment handed in by mistake: it grants nothing
                     {QStringLiteral("smirnov"), QStringLiteral("8В"), QStringLiteral("eng"), QStringLiteral("all")}};
    s.substitutions = {{QDate(2026, 9, 8), 2, QStringLiteral("7Б"), QStringLiteral("all"), QStringLiteral("math")}};
    return s;
}

// The merged values the hub would pass in: pupils' classes and a substitution's substitute.
domain::FieldValue current(const QString& entity, const QString& field) {
    if (field == u"class" && entity == u"pupil/7a-01")
        return QStringLiteral("7А");
    if (field == u"class" && entity == u"pupil/9v-01")
        return QStringLiteral("9В");
    if (field == u"substitute" && entity == u"subst/2026-09-15/3/9В/all")
        return QStringLiteral("petrova");
    return {};
}

} // namespace

class TestRelevance : public QObject {
    Q_OBJECT

private slots:
    void concernsTable_data() {
        QTest::addColumn<QString>("entity");
        QTest::addColumn<bool>("concerns");
        // What the node writes, and the others' writes to it.
        QTest::newRow("own lesson") << QStringLiteral("lesson/7А/eng/1/2026-09-01/4") << true;
        QTest::newRow("own mark") << QStringLiteral("mark/7А/eng/1/2026-09-01/4/7a-01/1") << true;
        QTest::newRow("own task") << QStringLiteral("task/7А/eng/1/t1") << true;
        QTest::newRow("period mark, any group") << QStringLiteral("pmark/7А/eng/q1/7a-01") << true;
        QTest::newRow("ktp of the subject") << QStringLiteral("ktp/7А/eng/3") << true;
        // R-J11: the other subgroup of the same class and subject is read (the class view is the union).
        QTest::newRow("R-J11 other subgroup's lesson") << QStringLiteral("lesson/7А/eng/2/2026-09-01/4") << true;
        QTest::newRow("R-J11 other subgroup's mark") << QStringLiteral("mark/7А/eng/2/2026-09-01/4/7a-03/1") << true;
        QTest::newRow("R-J11 other subgroup's absence") << QStringLiteral("att/7А/eng/2/2026-09-01/4/7a-04") << true;
        QTest::newRow("R-J11 other subgroup's task") << QStringLiteral("task/7А/eng/2/t9") << true;
        // Other subjects and classes are not sent.
        QTest::newRow("other subject of the class") << QStringLiteral("lesson/7А/math/all/2026-09-01/2") << false;
        QTest::newRow("other class, same subject") << QStringLiteral("mark/7Б/eng/1/2026-09-01/4/7b-01/1") << false;
        QTest::newRow("a class only another teacher's assignment names")
            << QStringLiteral("lesson/8В/eng/all/2026-09-01/1") << false;
        QTest::newRow("other subject's period mark") << QStringLiteral("pmark/7А/math/q1/7a-01") << false;
        // R-J10: the substitution window, and nothing else of that class's subject.
        QTest::newRow("R-J10 substituted lesson") << QStringLiteral("lesson/7Б/math/all/2026-09-08/2") << true;
        QTest::newRow("R-J10 mark of the substituted lesson")
            << QStringLiteral("mark/7Б/math/all/2026-09-08/2/7b-01/1") << true;
        QTest::newRow("R-J10 another lesson of that class")
            << QStringLiteral("lesson/7Б/math/all/2026-09-09/2") << false;
        // Reference data: school-wide, of the classes taught, substitutions naming the teacher.
        QTest::newRow("calendar") << QStringLiteral("period/2026-2027/q1") << true;
        QTest::newRow("subjects") << QStringLiteral("subject/eng") << true;
        QTest::newRow("class taught") << QStringLiteral("class/7А") << true;
        QTest::newRow("class of the substitution") << QStringLiteral("class/7Б") << true;
        QTest::newRow("class not taught") << QStringLiteral("class/9В") << false;
        QTest::newRow("pupil of a class taught") << QStringLiteral("pupil/7a-01") << true;
        QTest::newRow("pupil of another class") << QStringLiteral("pupil/9v-01") << false;
        QTest::newRow("member of a class taught") << QStringLiteral("member/7А/eng/1/7a-01") << true;
        QTest::newRow("timetable of another class") << QStringLiteral("slot/9В/1/1/all") << false;
        QTest::newRow("own assignment") << QStringLiteral("assign/petrova/10А/eng/all") << true;
        QTest::newRow("substitution naming her") << QStringLiteral("subst/2026-09-15/3/9В/all") << true;
        QTest::newRow("substitution in another class") << QStringLiteral("subst/2026-09-15/4/9В/all") << false;
    }

    void concernsTable() {
        QFETCH(QString, entity);
        QFETCH(bool, concerns);
        QCOMPARE(sync::concerns(petrova(), entity, current), concerns);
    }

    // R-J11: reading the other subgroup does not let the node write it.
    void RJ11_readIsNotWrite() {
        Op op;
        op.entity = QStringLiteral("mark/7А/eng/2/2026-09-01/4/7a-03/1");
        op.field = QStringLiteral("value");
        QVERIFY(sync::concerns(petrova(), op, current));
        const ScopeDecision d = checkScope(petrova(), op);
        QCOMPARE(d.verdict, ScopeVerdict::Rejected);
        QVERIFY2(d.reason.contains(QStringLiteral("2.5.5")), qPrintable(d.reason));
    }

    // Open conflicts: the node is told of those it can act on, not of the other subgroups' (R-J11, R-S5).
    void RS5_conflictsOfTheOtherSubgroupAreNotTold() {
        const QString other = QStringLiteral("mark/7А/eng/2/2026-09-01/4/7a-03/1");
        QVERIFY(sync::concerns(petrova(), other, current));
        QVERIFY(!sync::concernsConflict(petrova(), other, current));
        QVERIFY(sync::concernsConflict(petrova(), QStringLiteral("mark/7А/eng/1/2026-09-01/4/7a-01/1"), current));
        QVERIFY(sync::concernsConflict(petrova(), QStringLiteral("lesson/7Б/math/all/2026-09-08/2"), current));
        QVERIFY(sync::concernsConflict(petrova(), QStringLiteral("pupil/7a-01"), current));
    }

    // An op that sets a pupil's class concerns the node by its own value, before the hub has merged it.
    void pupilMovedIntoAClassTaught() {
        Op op;
        op.entity = QStringLiteral("pupil/9v-01");
        op.field = QStringLiteral("class");
        op.value = QStringLiteral("7А");
        QVERIFY(sync::concerns(petrova(), op, current));
        op.value = QStringLiteral("9В");
        QVERIFY(!sync::concerns(petrova(), op, current));
    }

    // R-S4 (issue 8, item 4: the relevance decision is cheap): the keys under which the hub sends every set
    // without reading its ops are exactly ones where every journal entry concerns the node. Checked over every
    // journal key kind, in classes, subjects and groups the node teaches, substitutes in, reads or never sees.
    void RS4_keysSentWholeConcernEveryEntry() {
        const NodeScopes scopes = petrova();
        QCOMPARE(receivesEverySetOf(scopes, {QStringLiteral("7А"), QStringLiteral("eng")}), true);
        QCOMPARE(receivesEverySetOf(scopes, {QStringLiteral("7Б"), QStringLiteral("math")}), false); // substitute
        QCOMPARE(receivesEverySetOf(scopes, {QStringLiteral("8В"), QStringLiteral("eng")}), false);  // not hers
        QCOMPARE(receivesEverySetOf(scopes, {QStringLiteral("7А"), {}}), false);                     // reference
        QCOMPARE(receivesEverySetOf(scopes, {}), false);                                             // school-wide
        NodeScopes op;
        op.isOperator = true;
        QCOMPARE(receivesEverySetOf(op, {QStringLiteral("9В"), QStringLiteral("math")}), true);
        const QStringList templates{QStringLiteral("lesson/C/S/G/2026-09-08/2"),
                                    QStringLiteral("mark/C/S/G/2026-09-08/2/7a-01/1"),
                                    QStringLiteral("att/C/S/G/2026-09-08/2/7a-01"),
                                    QStringLiteral("task/C/S/G/t1"),
                                    QStringLiteral("sub/C/S/G/t1/7a-01/0123456789ab"),
                                    QStringLiteral("pmark/C/S/q1/7a-01"),
                                    QStringLiteral("corr/C/S/q1/7a-01/1"),
                                    QStringLiteral("ktp/C/S/3"),
                                    QStringLiteral("ktpfix/C/S/3")};
        int whole = 0, checked = 0;
        for (const QString& t : templates)
            for (const QString& c : {QStringLiteral("7А"), QStringLiteral("7Б"), QStringLiteral("8В")})
                for (const QString& subject : {QStringLiteral("eng"), QStringLiteral("math")})
                    for (const QString& g : {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("all")}) {
                        QString key = t;
                        key.replace(QStringLiteral("/C/S/G/"), QStringLiteral("/%1/%2/%3/").arg(c, subject, g));
                        key.replace(QStringLiteral("/C/S/"), QStringLiteral("/%1/%2/").arg(c, subject));
                        const domain::EntityKey parsed = domain::parseEntityKey(key);
                        QVERIFY2(parsed.journal(), qPrintable(key));
                        ++checked;
                        if (!receivesEverySetOf(scopes, scopeKeyOf(parsed)))
                            continue;
                        ++whole;
                        QVERIFY2(sync::concerns(scopes, key, current), qPrintable(key));
                    }
        QCOMPARE(checked, 9 * 3 * 2 * 3);
        QCOMPARE(whole, 9 * 3); // 7А/eng, every group of every kind
    }

    // The operator's node receives everything.
    void operatorReceivesEverything() {
        NodeScopes op;
        op.isOperator = true;
        QVERIFY(sync::concerns(op, QStringLiteral("lesson/9В/math/all/2026-09-01/1"), current));
        QVERIFY(sync::concerns(op, QStringLiteral("pupil/9v-01"), current));
    }
};

QTEST_GUILESS_MAIN(TestRelevance)
#include "test_relevance.moc"
