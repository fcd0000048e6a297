// Closed periods, amendment requests and the summary sheet through the real binaries (issue 3, items 2 and 6;
// R-S6, R-S8): the operator's node brings the demo school's roster and calendar to the hub; a teacher gives a
// period mark; the operator closes the quarter; the teacher changes the mark offline and syncs and is told it
// became an amendment request; the hub lists it; accepted, it is merged and reaches the operator's node on its
// next sync, and the teacher is told; a declined one tells the teacher the reason; `tabel-hub summary` shows the
// merged marks and the teacher's last sync. The test functions run in order and share the hub and the stores.
#include "tests/support/test_support.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using tabel::test::describe;
using tabel::test::ProcessResult;

namespace {

const QString kTeacher = QStringLiteral("ivanova");
const QString kOperator = QStringLiteral("zavuch");

} // namespace

class TestHubPeriodsCli : public QObject {
    Q_OBJECT

private:
    QString m_nodeBin, m_hubBin;
    QTemporaryDir m_tmp;
    QString m_hubStore;
    QProcess m_hub;
    quint16 m_port = 0;
    qint64 m_firstId = 0;

    QString store(char which) const { return m_tmp.filePath(QStringLiteral("node-") + QLatin1Char(which)); }
    QString url() const { return QStringLiteral("https://127.0.0.1:%1").arg(m_port); }

    ProcessResult node(char which, const QStringList& args) {
        QProcessEnvironment env;
        env.insert(QStringLiteral("TABEL_PASSPHRASE"), QStringLiteral("длинная фраза 2026"));
        env.insert(QStringLiteral("TABEL_LANG"), QStringLiteral("en"));
        return tabel::test::run(m_nodeBin, QStringList{QStringLiteral("--store"), store(which)} + args, env);
    }

    ProcessResult hub(const QStringList& args) {
        QProcessEnvironment env;
        env.insert(QStringLiteral("TABEL_LANG"), QStringLiteral("en"));
        return tabel::test::run(m_hubBin, QStringList{QStringLiteral("--store"), m_hubStore} + args, env);
    }

    QString addNode(const QStringList& extra) {
        const auto r = hub(QStringList{QStringLiteral("node"), QStringLiteral("add")} + extra);
        if (r.exitCode != 0)
            qFatal("node add failed: %s", qPrintable(describe(r)));
        const QRegularExpression codeLine(QStringLiteral("^\\s+([A-Z2-7]{6}(-[A-Z2-7]{1,6}){6})$"),
                                          QRegularExpression::MultilineOption);
        const auto m = codeLine.match(r.out);
        if (!m.hasMatch())
            qFatal("no code in: %s", qPrintable(r.out));
        return m.captured(1);
    }

    // The teacher's node's own record of its amendment requests (`tabel-node status --json`).
    QJsonArray nodeAmendments() {
        const ProcessResult r = node('t', {QStringLiteral("status"), QStringLiteral("--json")});
        if (r.exitCode != 0)
            qFatal("status failed: %s", qPrintable(describe(r)));
        return QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("amendment_requests")).toArray();
    }

    QJsonArray amendments(bool all) {
        QStringList args{QStringLiteral("amendments"), QStringLiteral("list"), QStringLiteral("--json")};
        if (all)
            args << QStringLiteral("--all");
        const ProcessResult r = hub(args);
        if (r.exitCode != 0)
            qFatal("amendments list failed: %s", qPrintable(describe(r)));
        return QJsonDocument::fromJson(r.out.toUtf8()).array();
    }

    ProcessResult periodMark(const QString& pupil, const QString& value) {
        return node('t', {QStringLiteral("period-mark"), QStringLiteral("set"), QStringLiteral("--class"),
                          QStringLiteral("7А"), QStringLiteral("--subject"), QStringLiteral("math"),
                          QStringLiteral("--period"), QStringLiteral("q1"), QStringLiteral("--pupil"), pupil,
                          QStringLiteral("--value"), value, QStringLiteral("--override-reason"),
                          QStringLiteral("оценка выставлена после четверти")});
    }

    // The period marks of a pupil as the operator's node holds them: "math/q1" → value.
    QHash<QString, QString> operatorPeriodMarks(const QString& pupil) {
        const ProcessResult r =
            node('o', {QStringLiteral("journal"), QStringLiteral("--pupil"), pupil, QStringLiteral("--from"),
                       QStringLiteral("2026-09-01"), QStringLiteral("--to"), QStringLiteral("2026-12-31"),
                       QStringLiteral("--json")});
        if (r.exitCode != 0)
            qFatal("journal failed: %s", qPrintable(describe(r)));
        QHash<QString, QString> out;
        for (const QJsonValue& v :
             QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("period_marks")).toArray()) {
            const QJsonObject o = v.toObject();
            out.insert(o.value(QStringLiteral("subject")).toString() + u'/' +
                           o.value(QStringLiteral("period")).toString(),
                       o.value(QStringLiteral("value")).toString());
        }
        return out;
    }

private slots:
    void initTestCase() {
        m_nodeBin = tabel::test::binaryFromEnv("TABEL_NODE_BIN");
        m_hubBin = tabel::test::binaryFromEnv("TABEL_HUB_BIN");
        QVERIFY(m_tmp.isValid());
        m_hubStore = m_tmp.filePath(QStringLiteral("hub"));
        const QString codeO = addNode({QStringLiteral("--teacher"), kOperator, QStringLiteral("--name"),
                                       QStringLiteral("Завуч Ольга Павловна"), QStringLiteral("--operator")});
        const QString codeT = addNode({QStringLiteral("--teacher"), kTeacher, QStringLiteral("--name"),
                                       QStringLiteral("Иванова Мария Петровна"), QStringLiteral("--assign"),
                                       QStringLiteral("7А/math/all")});

        m_port = tabel::test::startHub(m_hub, m_hubBin, m_hubStore);
        QVERIFY(m_port);

        // The operator's node imports the school's reference data and brings it to the hub; the teacher's node
        // has the same locally.
        const QString demo = tabel::test::sourceDir() + QStringLiteral("/deploy/demo/");
        for (const auto& [which, teacher, code] :
             {std::tuple{'o', kOperator, codeO}, std::tuple{'t', kTeacher, codeT}}) {
            EXPECT_EXIT(
                node(which, {QStringLiteral("init"), QStringLiteral("--teacher"), teacher, QStringLiteral("--name"),
                             teacher, QStringLiteral("--kdf"), QStringLiteral("interactive")}),
                0);
            for (const QString& kind :
                 {QStringLiteral("calendar"), QStringLiteral("roster"), QStringLiteral("timetable")})
                EXPECT_EXIT(node(which, {QStringLiteral("import"), kind, demo + kind + QStringLiteral(".csv")}), 0);
            EXPECT_EXIT(node(which, {QStringLiteral("enroll"), url(), code}), 0);
        }
        EXPECT_EXIT(node('o', {QStringLiteral("sync")}), 0);
    }

    void cleanupTestCase() {
        if (m_hub.state() == QProcess::Running) {
            m_hub.terminate();
            m_hub.waitForFinished(10000);
        }
    }

    void RS6_usage() {
        EXPECT_EXIT(hub({QStringLiteral("period"), QStringLiteral("close")}), 2);
        EXPECT_EXIT(hub({QStringLiteral("period"), QStringLiteral("close"), QStringLiteral("q1"),
                         QStringLiteral("--from"), QStringLiteral("2026-09-01")}),
                    2);
        EXPECT_EXIT(
            hub({QStringLiteral("period"), QStringLiteral("close"), QStringLiteral("q1"), QStringLiteral("--from"),
                 QStringLiteral("2026-09-01"), QStringLiteral("--to"), QStringLiteral("1 октября")}),
            2);
        const ProcessResult unknown = hub({QStringLiteral("period"), QStringLiteral("close"), QStringLiteral("q9")});
        EXPECT_EXIT(unknown, 7);
        QVERIFY2(unknown.err.contains(QStringLiteral("q9")), qPrintable(describe(unknown)));
        EXPECT_EXIT(hub({QStringLiteral("amendments"), QStringLiteral("accept"), QStringLiteral("x")}), 2);
        EXPECT_EXIT(hub({QStringLiteral("amendments"), QStringLiteral("accept"), QStringLiteral("9999")}), 7);
        EXPECT_EXIT(hub({QStringLiteral("amendments"), QStringLiteral("decline"), QStringLiteral("1")}), 2);
        EXPECT_EXIT(hub({QStringLiteral("summary")}), 2);
        EXPECT_EXIT(hub({QStringLiteral("summary"), QStringLiteral("--class"), QStringLiteral("7А"),
                         QStringLiteral("--csv"), QStringLiteral("--json")}),
                    2);
        EXPECT_EXIT(hub({QStringLiteral("summary"), QStringLiteral("--class"), QStringLiteral("11Я")}), 7);
    }

    void RS6_closeAndHold() {
        EXPECT_EXIT(periodMark(QStringLiteral("7a-01"), QStringLiteral("4")), 0);
        EXPECT_EXIT(node('t', {QStringLiteral("sync")}), 0);

        // Closed with the dates of the hub's calendar (from the operator's node).
        const ProcessResult closed = hub({QStringLiteral("period"), QStringLiteral("close"), QStringLiteral("q1")});
        EXPECT_EXIT(closed, 0);
        QVERIFY2(closed.out.contains(QStringLiteral("01.09.2026 – 24.10.2026")), qPrintable(describe(closed)));
        EXPECT_EXIT(hub({QStringLiteral("period"), QStringLiteral("close"), QStringLiteral("q1")}), 9);
        const ProcessResult list = hub({QStringLiteral("period"), QStringLiteral("list"), QStringLiteral("--json")});
        EXPECT_EXIT(list, 0);
        const QJsonArray periods = QJsonDocument::fromJson(list.out.toUtf8()).array();
        QCOMPARE(periods.size(), 1);
        QCOMPARE(periods.at(0).toObject().value(QStringLiteral("to")).toString(), QStringLiteral("2026-10-24"));

        // Offline, the teacher changes the mark and gives another; the sync tells them both are held.
        // After a sync the node knows q1 is closed and says so at once when it is edited; the change is kept.
        const ProcessResult told = node('t', {QStringLiteral("sync")});
        EXPECT_EXIT(told, 0);
        QVERIFY2(told.out.contains(QStringLiteral("closed at the hub: q1 (01.09.2026 – 24.10.2026)")),
                 qPrintable(describe(told)));
        const ProcessResult changed = periodMark(QStringLiteral("7a-01"), QStringLiteral("5"));
        EXPECT_EXIT(changed, 0);
        QVERIFY2(changed.err.contains(QStringLiteral("period q1 (01.09.2026 – 24.10.2026) is closed at the hub")),
                 qPrintable(describe(changed)));
        EXPECT_EXIT(periodMark(QStringLiteral("7a-02"), QStringLiteral("3")), 0);
        const ProcessResult sync = node('t', {QStringLiteral("sync")});
        EXPECT_EXIT(sync, 0);
        QVERIFY2(sync.out.contains(QStringLiteral("amendment request")) && sync.out.contains(QStringLiteral("«q1»")),
                 qPrintable(describe(sync)));
        // Announced once: not again while nothing changed (issue 9 item 7).
        QVERIFY2(!sync.out.contains(QStringLiteral("closed at the hub")), qPrintable(describe(sync)));
        // The node keeps what became of them (its journal page shows it): both wait for the operator.
        QJsonArray mine = nodeAmendments();
        QCOMPARE(mine.size(), 2);
        for (const QJsonValue& a : mine)
            QCOMPARE(a.toObject().value(QStringLiteral("state")).toString(), QStringLiteral("waiting"));

        const QJsonArray held = amendments(false);
        QCOMPARE(held.size(), 2);
        const QJsonObject first = held.at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("state")).toString(), QStringLiteral("held"));
        QCOMPARE(first.value(QStringLiteral("teacher")).toString(), kTeacher);
        const QJsonArray ops = first.value(QStringLiteral("ops")).toArray();
        QVERIFY(!ops.isEmpty());
        QCOMPARE(ops.at(0).toObject().value(QStringLiteral("entity")).toString(),
                 QStringLiteral("pmark/7А/math/q1/7a-01"));
        m_firstId = first.value(QStringLiteral("id")).toInteger();
        const ProcessResult table = hub({QStringLiteral("amendments"), QStringLiteral("list")});
        EXPECT_EXIT(table, 0);
        // What waits for a decision, in words: whose period mark, which subject (issue 9 item 7).
        QVERIFY2(table.out.contains(QStringLiteral("Иванова Мария Петровна")) &&
                     table.out.contains(QStringLiteral("Алексеев Артём (7a-01)")) &&
                     table.out.contains(QStringLiteral("Математика")),
                 qPrintable(describe(table)));

        // The hub still holds the old mark; so does the operator's node.
        EXPECT_EXIT(node('o', {QStringLiteral("sync")}), 0);
        QCOMPARE(operatorPeriodMarks(QStringLiteral("7a-01")).value(QStringLiteral("math/q1")), QStringLiteral("4"));
    }

    void RS6_acceptAndDecline() {
        const QJsonArray held = amendments(false);
        const qint64 second = held.at(1).toObject().value(QStringLiteral("id")).toInteger();
        EXPECT_EXIT(hub({QStringLiteral("amendments"), QStringLiteral("accept"), QString::number(m_firstId)}), 0);
        const QString reason = QStringLiteral("Четверть закрыта, отметку выставит завуч");
        EXPECT_EXIT(hub({QStringLiteral("amendments"), QStringLiteral("decline"), QString::number(second),
                         QStringLiteral("--reason"), reason}),
                    0);
        EXPECT_EXIT(hub({QStringLiteral("amendments"), QStringLiteral("accept"), QString::number(second)}), 2);
        QVERIFY(amendments(false).isEmpty());
        const QJsonArray all = amendments(true);
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("accepted"));
        QCOMPARE(all.at(1).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("declined"));
        QCOMPARE(all.at(1).toObject().value(QStringLiteral("decline_reason")).toString(), reason);

        // The accepted mark reaches the operator's node; the declined one does not.
        EXPECT_EXIT(node('o', {QStringLiteral("sync")}), 0);
        QCOMPARE(operatorPeriodMarks(QStringLiteral("7a-01")).value(QStringLiteral("math/q1")), QStringLiteral("5"));
        QVERIFY(!operatorPeriodMarks(QStringLiteral("7a-02")).contains(QStringLiteral("math/q1")));

        // The teacher is told of both decisions, the reason included.
        const ProcessResult sync = node('t', {QStringLiteral("sync")});
        EXPECT_EXIT(sync, 0);
        QVERIFY2(sync.out.contains(QStringLiteral("was accepted by the operator")) &&
                     sync.out.contains(QStringLiteral("was declined by the operator: ") + reason),
                 qPrintable(describe(sync)));
        const ProcessResult again = node('t', {QStringLiteral("sync")});
        EXPECT_EXIT(again, 0);
        QVERIFY2(!again.out.contains(QStringLiteral("by the operator")), qPrintable(describe(again)));
        // Told once at the sync, kept on the node: one accepted, one declined with the operator's reason.
        QStringList states;
        QString declinedWhy;
        for (const QJsonValue& a : nodeAmendments()) {
            states << a.toObject().value(QStringLiteral("state")).toString();
            if (states.back() == QStringLiteral("declined"))
                declinedWhy = a.toObject().value(QStringLiteral("decision")).toString();
        }
        states.sort();
        QCOMPARE(states, (QStringList{QStringLiteral("accepted"), QStringLiteral("declined")}));
        QCOMPARE(declinedWhy, reason);
    }

    void RS8_summary() {
        const ProcessResult r = hub({QStringLiteral("summary"), QStringLiteral("--class"), QStringLiteral("7А"),
                                     QStringLiteral("--period"), QStringLiteral("q1"), QStringLiteral("--json")});
        EXPECT_EXIT(r, 0);
        const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(doc.value(QStringLiteral("class")).toString(), QStringLiteral("7А"));
        int math = -1;
        const QJsonArray columns = doc.value(QStringLiteral("columns")).toArray();
        for (int i = 0; i < columns.size(); ++i)
            if (columns.at(i).toObject().value(QStringLiteral("subject")).toString() == u"math")
                math = i;
        QVERIFY2(math >= 0, qPrintable(r.out));
        QCOMPARE(columns.at(math).toObject().value(QStringLiteral("subject_name")).toString(),
                 QStringLiteral("Математика"));
        QHash<QString, QJsonValue> marks;
        for (const QJsonValue& p : doc.value(QStringLiteral("pupils")).toArray())
            marks.insert(p.toObject().value(QStringLiteral("pupil")).toString(),
                         p.toObject().value(QStringLiteral("marks")).toArray().at(math));
        QCOMPARE(marks.size(), 6); // the demo roster's 7А
        QCOMPARE(marks.value(QStringLiteral("7a-01")).toObject().value(QStringLiteral("value")).toString(),
                 QStringLiteral("5"));
        QVERIFY(marks.value(QStringLiteral("7a-02")).isNull()); // declined: no mark
        const QJsonArray nodes = doc.value(QStringLiteral("nodes")).toArray();
        QCOMPARE(nodes.size(), 1);
        QCOMPARE(nodes.at(0).toObject().value(QStringLiteral("teacher")).toString(), kTeacher);
        const QDateTime lastSync = QDateTime::fromString(
            nodes.at(0).toObject().value(QStringLiteral("last_sync")).toString(), Qt::ISODateWithMs);
        QVERIFY(lastSync.isValid());
        QVERIFY(qAbs(lastSync.secsTo(QDateTime::currentDateTimeUtc())) < 600);

        // The terminal table and CSV: the same marks, Cyrillic names aligned.
        const ProcessResult table = hub({QStringLiteral("summary"), QStringLiteral("--class"), QStringLiteral("7А"),
                                         QStringLiteral("--period"), QStringLiteral("q1")});
        EXPECT_EXIT(table, 0);
        const QStringList lines = table.out.split(u'\n');
        QVERIFY2(lines.size() > 8 && lines.at(1).startsWith(QStringLiteral("№  Pupil")), qPrintable(table.out));
        const qsizetype column = lines.at(1).indexOf(QStringLiteral("Математика"));
        QCOMPARE(lines.at(2).mid(column, 1), QStringLiteral("5")); // Алексеев Артём Игоревич (7a-01)
        QVERIFY2(table.out.contains(QStringLiteral("ivanova (Иванова Мария Петровна), node n2: ")),
                 qPrintable(table.out));
        const ProcessResult csv = hub({QStringLiteral("summary"), QStringLiteral("--class"), QStringLiteral("7А"),
                                       QStringLiteral("--period"), QStringLiteral("q1"), QStringLiteral("--csv")});
        EXPECT_EXIT(csv, 0);
        QVERIFY2(csv.out.contains(QStringLiteral("1,7a-01,Алексеев Артём Игоревич,")), qPrintable(csv.out));
    }
};

QTEST_GUILESS_MAIN(TestHubPeriodsCli)
#include "test_hub_periods.moc"
