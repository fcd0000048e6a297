// Integration test of `tabel-node enroll` and `tabel-node sync` against the real `tabel-hub serve` on a free
// loopback port (issue 3, items 3 and 5; R-S4, R-S9): one teacher with two devices records marks offline on
// each, both sync, each receives the other's lessons and marks; a second sync sends and applies nothing; a
// certificate that is not the pinned one is refused; a hub that is gone leaves every change pending (exit 12).
// The test functions run in order and share the hub and the two stores.
#include "node/store/schema.h"
#include "sync/wire.h"
#include "tests/support/test_support.h"

#include <QCryptographicHash>
#include <QFile>
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
const QString kLessonA = QStringLiteral("7А/math/all/2026-09-01/2"); // recorded on device A
const QString kLessonB = QStringLiteral("7А/math/all/2026-09-03/1"); // recorded on device B
const QString kTopicA = QStringLiteral("Натуральные числа");
const QString kTopicB = QStringLiteral("Делимость чисел");

} // namespace

class TestNodeSync : public QObject {
    Q_OBJECT

private:
    QString m_nodeBin, m_hubBin;
    QTemporaryDir m_tmp;
    QString m_hubStore;
    QString m_hubLog; // the hub's stderr not yet read by hubRequests()
    QProcess m_hub;
    quint16 m_port = 0;
    QString m_codeA, m_codeB;

    QString store(char which) const { return m_tmp.filePath(QStringLiteral("node-") + QLatin1Char(which)); }
    QString url() const { return QStringLiteral("https://127.0.0.1:%1").arg(m_port); }

    ProcessResult node(char which, const QStringList& args) {
        QProcessEnvironment env;
        env.insert(QStringLiteral("TABEL_PASSPHRASE"), QStringLiteral("длинная фраза 2026"));
        return tabel::test::run(m_nodeBin, QStringList{QStringLiteral("--store"), store(which)} + args, env);
    }

    ProcessResult hub(const QStringList& args) {
        return tabel::test::run(m_hubBin, QStringList{QStringLiteral("--store"), m_hubStore} + args);
    }

    QString addNode(const QString& teacher, const QString& assign) {
        const auto r =
            hub({QStringLiteral("node"), QStringLiteral("add"), QStringLiteral("--teacher"), teacher,
                 QStringLiteral("--name"), QStringLiteral("Учитель ") + teacher, QStringLiteral("--assign"), assign});
        if (r.exitCode != 0)
            qFatal("node add failed: %s", qPrintable(describe(r)));
        const QRegularExpression codeLine(QStringLiteral("^\\s+([A-Z2-7]{6}(-[A-Z2-7]{1,6}){6})$"),
                                          QRegularExpression::MultilineOption);
        const auto m = codeLine.match(r.out);
        if (!m.hasMatch())
            qFatal("no code in: %s", qPrintable(r.out));
        return m.captured(1);
    }

    // The routes of the requests the hub has logged since the last call, in order ("/v1/push", "/v1/pull" …).
    QStringList hubRequests() {
        m_hub.waitForReadyRead(200);
        m_hubLog += QString::fromUtf8(m_hub.readAllStandardError());
        QStringList routes;
        static const QRegularExpression line(QStringLiteral("POST (/v1/\\w+),"));
        for (auto it = line.globalMatch(m_hubLog); it.hasNext();)
            routes << it.next().captured(1);
        m_hubLog.clear();
        return routes;
    }

    QJsonObject status(char which) {
        const ProcessResult r = node(which, {QStringLiteral("status"), QStringLiteral("--json")});
        if (r.exitCode != 0)
            qFatal("status failed: %s", qPrintable(describe(r)));
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }

    void startHub() {
        // Each request the hub serves, on its stderr: what a sync asks for (hubRequests()).
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("tabel.hub.requests.info=true"));
        m_hub.setProcessEnvironment(env);
        m_port = tabel::test::startHub(m_hub, m_hubBin, m_hubStore);
        QVERIFY(m_port);
    }

private slots:
    void initTestCase() {
        m_nodeBin = tabel::test::binaryFromEnv("TABEL_NODE_BIN");
        m_hubBin = tabel::test::binaryFromEnv("TABEL_HUB_BIN");
        QVERIFY(m_tmp.isValid());
        m_hubStore = m_tmp.filePath(QStringLiteral("hub"));
        // One teacher, two devices (a laptop at school and one at home): two nodes with the same assignment.
        m_codeA = addNode(kTeacher, QStringLiteral("7А/math/all"));
        m_codeB = addNode(kTeacher, QStringLiteral("7А/math/all"));
        // The school's reference data is the operator's, imported at the hub (the hub takes no pupil it does not
        // know, sync/judge.h); the nodes import the same files to work before their first sync.
        const QString demo = tabel::test::sourceDir() + QStringLiteral("/deploy/demo/");
        for (const QString& kind : {QStringLiteral("calendar"), QStringLiteral("roster"), QStringLiteral("timetable")})
            EXPECT_EXIT(hub({QStringLiteral("import"), kind, demo + kind + QStringLiteral(".csv")}), 0);
        startHub();

        for (char which : {'a', 'b'}) {
            EXPECT_EXIT(node(which, {QStringLiteral("init"), QStringLiteral("--teacher"), kTeacher,
                                     QStringLiteral("--name"), QStringLiteral("Иванова Мария Петровна"),
                                     QStringLiteral("--kdf"), QStringLiteral("interactive")}),
                        0);
            for (const QString& kind :
                 {QStringLiteral("calendar"), QStringLiteral("roster"), QStringLiteral("timetable")})
                EXPECT_EXIT(node(which, {QStringLiteral("import"), kind, demo + kind + QStringLiteral(".csv")}), 0);
        }
    }

    void cleanupTestCase() {
        if (m_hub.state() == QProcess::Running) {
            m_hub.terminate();
            m_hub.waitForFinished(10000);
        }
    }

    void usage() {
        EXPECT_EXIT(node('a', {QStringLiteral("enroll"), QStringLiteral("http://127.0.0.1:1"), m_codeA}), 2);
        EXPECT_EXIT(node('a', {QStringLiteral("enroll"), url(), QStringLiteral("NOT-A-CODE")}), 2);
        // Not enrolled yet: nothing to sync with.
        EXPECT_EXIT(node('a', {QStringLiteral("sync")}), 7);
    }

    void RS9_pinMismatchRefused() {
        // The right secret with another certificate fingerprint: the node refuses the hub before sending anything,
        // so the code stays usable.
        auto code = *tabel::sync::parseEnrolmentCode(m_codeB);
        code.fingerprintPrefix[0] = char(code.fingerprintPrefix[0] ^ 0x55);
        const ProcessResult r = node('b', {QStringLiteral("enroll"), url(), tabel::sync::formatEnrolmentCode(code)});
        EXPECT_EXIT(r, 11);
        QVERIFY2(r.err.contains(QStringLiteral("fingerprint")), qPrintable(describe(r)));
        QVERIFY(status('b').value(QStringLiteral("hub_url")).isNull());
    }

    void RS9_enrolBoth() {
        for (const auto& [which, code] : {std::pair{'a', m_codeA}, std::pair{'b', m_codeB}}) {
            const ProcessResult r = node(which, {QStringLiteral("enroll"), url(), code});
            EXPECT_EXIT(r, 0);
            QVERIFY2(r.out.contains(QStringLiteral("7А/math/all")), qPrintable(describe(r)));
            const QJsonObject st = status(which);
            QCOMPARE(st.value(QStringLiteral("hub_url")).toString(), url());
            QVERIFY(!st.value(QStringLiteral("node_id")).toString().isEmpty());
            QCOMPARE(st.value(QStringLiteral("schema_version")).toInt(), tabel::node::schema::kCurrentVersion);
        }
        // Enrolled already; and the used code cannot enrol again.
        EXPECT_EXIT(node('a', {QStringLiteral("enroll"), url(), m_codeB}), 9);
    }

    void offlineMarks() {
        EXPECT_EXIT(node('a', {QStringLiteral("lesson"), QStringLiteral("add"), QStringLiteral("--lesson"), kLessonA,
                               QStringLiteral("--topic"), kTopicA}),
                    0);
        EXPECT_EXIT(node('a', {QStringLiteral("mark"), QStringLiteral("set"), QStringLiteral("--lesson"), kLessonA,
                               QStringLiteral("--pupil"), QStringLiteral("7a-01"), QStringLiteral("--value"),
                               QStringLiteral("5")}),
                    0);
        EXPECT_EXIT(node('b', {QStringLiteral("lesson"), QStringLiteral("add"), QStringLiteral("--lesson"), kLessonB,
                               QStringLiteral("--topic"), kTopicB}),
                    0);
        EXPECT_EXIT(node('b', {QStringLiteral("mark"), QStringLiteral("set"), QStringLiteral("--lesson"), kLessonB,
                               QStringLiteral("--pupil"), QStringLiteral("7a-02"), QStringLiteral("--value"),
                               QStringLiteral("4")}),
                    0);
        QVERIFY(status('a').value(QStringLiteral("pending_ops")).toInt() > 0);
        // Before any sync, A does not know B's lesson.
        EXPECT_EXIT(node('a', {QStringLiteral("lesson"), QStringLiteral("show"), QStringLiteral("--lesson"), kLessonB}),
                    7);
    }

    void RS4_syncBoth() {
        hubRequests();
        for (char which : {'a', 'b', 'a'}) {
            const bool pending = status(which).value(QStringLiteral("pending_ops")).toInt() > 0;
            const ProcessResult r = node(which, {QStringLiteral("sync")});
            EXPECT_EXIT(r, 0);
            QVERIFY2(r.out.contains(QStringLiteral("sent:")), qPrintable(describe(r)));
            // With changes to send, the push's answer carries the pull (PROTOCOL.md, "Push and pull in one
            // request"): one request; with none, one pull.
            QCOMPARE(hubRequests(),
                     pending ? QStringList{QStringLiteral("/v1/push")} : QStringList{QStringLiteral("/v1/pull")});
        }
        for (char which : {'a', 'b'}) {
            const QJsonObject st = status(which);
            QCOMPARE(st.value(QStringLiteral("pending_ops")).toInt(), 0);
            QVERIFY(!st.value(QStringLiteral("last_sync")).isNull());
        }
        // Each device now has the other's lesson and mark.
        const ProcessResult onA =
            node('a', {QStringLiteral("lesson"), QStringLiteral("show"), QStringLiteral("--lesson"), kLessonB});
        EXPECT_EXIT(onA, 0);
        QVERIFY2(onA.out.contains(kTopicB) && onA.out.contains(QStringLiteral("4")), qPrintable(describe(onA)));
        const ProcessResult onB =
            node('b', {QStringLiteral("lesson"), QStringLiteral("show"), QStringLiteral("--lesson"), kLessonA});
        EXPECT_EXIT(onB, 0);
        QVERIFY2(onB.out.contains(kTopicA) && onB.out.contains(QStringLiteral("5")), qPrintable(describe(onB)));
        for (char which : {'a', 'b'})
            EXPECT_EXIT(node(which, {QStringLiteral("check")}), 0);
    }

    void RS4_secondSyncIsNoop() {
        for (char which : {'a', 'b'}) {
            const QJsonObject before = status(which);
            const ProcessResult r = node(which, {QStringLiteral("sync")});
            EXPECT_EXIT(r, 0);
            QVERIFY2(r.out.contains(QStringLiteral("sent: 0")) && r.out.contains(QStringLiteral("received: 0")) &&
                         r.out.contains(QStringLiteral("applied: 0")),
                     qPrintable(describe(r)));
            const QJsonObject after = status(which);
            QCOMPARE(after.value(QStringLiteral("pending_ops")).toInt(), 0);
            QCOMPARE(after.value(QStringLiteral("total_ops")).toInt(),
                     before.value(QStringLiteral("total_ops")).toInt());
        }
    }

    // Issue 11 item 4 (2.5.10): a print made on a teacher's computer enters the school's register at the next sync,
    // once; the hub then verifies the file.
    void printsReachTheSchoolsRegister() {
        // The school's profile set at the hub reaches the node like the calendar, and heads what it prints.
        EXPECT_EXIT(hub({QStringLiteral("school"), QStringLiteral("set"), QStringLiteral("--name"),
                         QStringLiteral("МБОУ «Средняя школа № 7»"), QStringLiteral("--director"),
                         QStringLiteral("Орлова Елена Викторовна")}),
                    0);
        EXPECT_EXIT(node('a', {QStringLiteral("sync")}), 0);
        const QString file = m_tmp.filePath(QStringLiteral("journal-a.pdf"));
        ProcessResult r =
            node('a', {QStringLiteral("print"), QStringLiteral("journal"), QStringLiteral("--class"),
                       kLessonA.section(u'/', 0, 0), QStringLiteral("--subject"), kLessonA.section(u'/', 1, 1),
                       QStringLiteral("--from"), QStringLiteral("2026-09-01"), QStringLiteral("--to"),
                       QStringLiteral("2026-12-31"), QStringLiteral("--out"), file});
        EXPECT_EXIT(r, 0);
        const ProcessResult text = tabel::test::run(QStringLiteral("pdftotext"), {file, QStringLiteral("-")});
        QVERIFY2(text.out.simplified().contains(QStringLiteral("МБОУ «Средняя школа № 7»")), qPrintable(text.out));
        r = node('a', {QStringLiteral("sync")});
        EXPECT_EXIT(r, 0);
        QVERIFY2(r.out.contains(QStringLiteral("1 print(s) made on this computer entered in the school's register")),
                 qPrintable(describe(r)));
        const auto nodePrints = [this]() {
            const ProcessResult list =
                hub({QStringLiteral("prints"), QStringLiteral("list"), QStringLiteral("--json")});
            if (list.exitCode != 0)
                qFatal("prints list: %s", qPrintable(describe(list)));
            QJsonArray out;
            for (const QJsonValue& v : QJsonDocument::fromJson(list.out.toUtf8()).array())
                if (v.toObject().value(QStringLiteral("origin")).toString() != QStringLiteral("hub"))
                    out.append(v);
            return out;
        };
        QJsonArray entries = nodePrints();
        QCOMPARE(entries.size(), 1);
        QFile pdf(file);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QCOMPARE(entries[0].toObject().value(QStringLiteral("sha256")).toString(),
                 QString::fromLatin1(QCryptographicHash::hash(pdf.readAll(), QCryptographicHash::Sha256).toHex()));
        QCOMPARE(entries[0].toObject().value(QStringLiteral("form")).toString(), QStringLiteral("journal"));
        r = hub({QStringLiteral("prints"), QStringLiteral("verify"), file});
        EXPECT_EXIT(r, 0);
        QVERIFY2(r.out.contains(QStringLiteral("of the teacher's computer")), qPrintable(describe(r)));

        r = node('a', {QStringLiteral("sync")});
        EXPECT_EXIT(r, 0);
        QVERIFY2(!r.out.contains(QStringLiteral("entered in the school's register")), qPrintable(describe(r)));
        QCOMPARE(nodePrints().size(), 1); // reported once
        const ProcessResult local =
            node('a', {QStringLiteral("prints"), QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY(QJsonDocument::fromJson(local.out.toUtf8())
                    .array()[0]
                    .toObject()
                    .value(QStringLiteral("reported"))
                    .toBool());
    }

    // R-J2, R-J12: the school's rule for averages, set at the hub, reaches the node and counts its averages; a
    // lesson's control-work column gives its marks their weight; an unknown rule is refused and changes nothing.
    void averageRuleReachesTheNode() {
        const QString lesson = QStringLiteral("7А/math/all/2026-09-08/2");
        EXPECT_EXIT(node('a', {QStringLiteral("lesson"), QStringLiteral("add"), QStringLiteral("--lesson"), lesson,
                               QStringLiteral("--topic"), QStringLiteral("Контрольная работа"),
                               QStringLiteral("--marks"), QStringLiteral("control:3")}),
                    0);
        for (const auto& [key, value] :
             {std::pair{kLessonA, QStringLiteral("5")}, std::pair{lesson, QStringLiteral("2")}})
            EXPECT_EXIT(
                node('a', {QStringLiteral("mark"), QStringLiteral("set"), QStringLiteral("--lesson"), key,
                           QStringLiteral("--pupil"), QStringLiteral("7a-05"), QStringLiteral("--value"), value}),
                0);
        const auto average = [this]() {
            const ProcessResult r =
                node('a', {QStringLiteral("journal"), QStringLiteral("--class"), QStringLiteral("7А"),
                           QStringLiteral("--subject"), QStringLiteral("math"), QStringLiteral("--from"),
                           QStringLiteral("2026-09-01"), QStringLiteral("--to"), QStringLiteral("2026-09-30"),
                           QStringLiteral("--json")});
            for (const QJsonValue& p :
                 QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("pupils")).toArray())
                if (p.toObject().value(QStringLiteral("id")).toString() == QStringLiteral("7a-05"))
                    return p.toObject().value(QStringLiteral("average")).toString();
            return QStringLiteral("no row: ") + describe(r);
        };
        QCOMPARE(average(), QStringLiteral("2.75")); // weighted: (5 + 2·3) / 4

        ProcessResult r = hub(
            {QStringLiteral("school"), QStringLiteral("set"), QStringLiteral("--average"), QStringLiteral("median")});
        EXPECT_EXIT(r, 2);
        QVERIFY2(r.err.contains(QStringLiteral("median")) && r.err.contains(QStringLiteral("simple")),
                 qPrintable(describe(r)));
        EXPECT_EXIT(hub({QStringLiteral("school"), QStringLiteral("set"), QStringLiteral("--average"),
                         QStringLiteral("simple")}),
                    0);
        r = hub({QStringLiteral("school"), QStringLiteral("show"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("average")).toString(),
                 QStringLiteral("simple"));
        EXPECT_EXIT(node('a', {QStringLiteral("sync")}), 0);
        QCOMPARE(average(), QStringLiteral("3.50")); // simple: (5 + 2) / 2
    }

    void RS5_concurrentWriteCounted() {
        // Both devices change the same cell offline: each keeps the later value and reports the conflict, which
        // the hub holds for the operator.
        const auto setMark = [this](char which, const QString& value) {
            return node(which, {QStringLiteral("mark"), QStringLiteral("set"), QStringLiteral("--lesson"), kLessonA,
                                QStringLiteral("--pupil"), QStringLiteral("7a-01"), QStringLiteral("--value"), value});
        };
        EXPECT_EXIT(setMark('a', QStringLiteral("3")), 0);
        EXPECT_EXIT(setMark('b', QStringLiteral("2")), 0);
        EXPECT_EXIT(node('a', {QStringLiteral("sync")}), 0);
        const ProcessResult b = node('b', {QStringLiteral("sync")});
        EXPECT_EXIT(b, 0);
        QVERIFY2(b.out.contains(QStringLiteral("conflicts: 1")), qPrintable(describe(b)));
        QCOMPARE(status('b').value(QStringLiteral("last_sync_conflicts")).toInt(), 1);
        QCOMPARE(status('b').value(QStringLiteral("pending_ops")).toInt(), 0);
    }

    void hubUnreachable() {
        EXPECT_EXIT(node('a', {QStringLiteral("mark"), QStringLiteral("set"), QStringLiteral("--lesson"), kLessonA,
                               QStringLiteral("--pupil"), QStringLiteral("7a-02"), QStringLiteral("--value"),
                               QStringLiteral("4")}),
                    0);
        const int pending = status('a').value(QStringLiteral("pending_ops")).toInt();
        QVERIFY(pending > 0);
        m_hub.kill();
        m_hub.waitForFinished(10000);
        const ProcessResult r = node('a', {QStringLiteral("sync")});
        EXPECT_EXIT(r, 12);
        QVERIFY2(r.err.contains(QStringLiteral("cannot be reached")) &&
                     r.err.contains(QStringLiteral("Nothing was lost: %1 change").arg(pending)) &&
                     r.err.contains(QStringLiteral("hint: check the network connection")),
                 qPrintable(describe(r)));
        QCOMPARE(status('a').value(QStringLiteral("pending_ops")).toInt(), pending);

        // The hub is back (same folder, same certificate, another port is fine for the test only if the node's
        // stored address matches: restart on the same port).
        m_hub.setArguments({QStringLiteral("--store"), m_hubStore, QStringLiteral("serve"), QStringLiteral("--listen"),
                            QStringLiteral("127.0.0.1:%1").arg(m_port)});
        m_hub.start();
        QVERIFY(m_hub.waitForStarted());
        QString out;
        for (int i = 0; i < 100 && !out.contains(QStringLiteral("listening")); ++i) {
            m_hub.waitForReadyRead(200);
            out += QString::fromUtf8(m_hub.readAllStandardOutput());
        }
        QVERIFY2(out.contains(QStringLiteral("listening")), qPrintable(out));
        EXPECT_EXIT(node('a', {QStringLiteral("sync")}), 0);
        QCOMPARE(status('a').value(QStringLiteral("pending_ops")).toInt(), 0);
        const ProcessResult onB = node('b', {QStringLiteral("sync")});
        EXPECT_EXIT(onB, 0);
        QVERIFY2(onB.out.contains(QStringLiteral("received: 1")), qPrintable(describe(onB)));
    }
};

QTEST_GUILESS_MAIN(TestNodeSync)
#include "test_node_sync.moc"
