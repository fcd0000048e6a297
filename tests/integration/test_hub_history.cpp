// The hub's history in git through the real binaries (R-S7; issue 3, item 4): a teacher's node enrols with the
// real `tabel-hub serve` on a free loopback port, records a mark, syncs, changes it twice more with a sync after
// each; `tabel-hub history` then shows every change old → new with the teacher and the node, and logs the
// reading; `tabel-hub export-git` writes bare repositories that the system git reads (`git log`, `git fsck`);
// and no pupil's surname is in plaintext in any file of the hub's folder. The test functions run in order.
#include "hub/store/hub_store.h"
#include "hub/store/schema.h"
#include "shared/crypto/secret.h"
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
const QString kTeacherName = QStringLiteral("Иванова Мария Петровна");
const QString kLesson = QStringLiteral("7А/math/all/2026-09-01/2");
const QString kMark = QStringLiteral("mark/7А/math/all/2026-09-01/2/7a-01/1");

} // namespace

class TestHubHistoryCli : public QObject {
    Q_OBJECT

private:
    QString m_nodeBin, m_hubBin;
    QTemporaryDir m_tmp;
    QString m_hubStore;
    QProcess m_hub;
    quint16 m_port = 0;
    QString m_code;

    QString store() const { return m_tmp.filePath(QStringLiteral("node")); }
    QString url() const { return QStringLiteral("https://127.0.0.1:%1").arg(m_port); }

    ProcessResult node(const QStringList& args) {
        QProcessEnvironment env;
        env.insert(QStringLiteral("TABEL_PASSPHRASE"), QStringLiteral("длинная фраза 2026"));
        return tabel::test::run(m_nodeBin, QStringList{QStringLiteral("--store"), store()} + args, env);
    }
    ProcessResult hub(const QStringList& args) {
        return tabel::test::run(m_hubBin, QStringList{QStringLiteral("--store"), m_hubStore} + args);
    }
    ProcessResult setMark(const QString& value) {
        return node({QStringLiteral("mark"), QStringLiteral("set"), QStringLiteral("--lesson"), kLesson,
                     QStringLiteral("--pupil"), QStringLiteral("7a-01"), QStringLiteral("--value"), value});
    }

private slots:
    void initTestCase() {
        QVERIFY(tabel::crypto::initialize());
        m_nodeBin = tabel::test::binaryFromEnv("TABEL_NODE_BIN");
        m_hubBin = tabel::test::binaryFromEnv("TABEL_HUB_BIN");
        QVERIFY(m_tmp.isValid());
        m_hubStore = m_tmp.filePath(QStringLiteral("hub"));
        const ProcessResult added =
            hub({QStringLiteral("node"), QStringLiteral("add"), QStringLiteral("--teacher"), kTeacher,
                 QStringLiteral("--name"), kTeacherName, QStringLiteral("--assign"), QStringLiteral("7А/math/all")});
        EXPECT_EXIT(added, 0);
        const QRegularExpression codeLine(QStringLiteral("^\\s+([A-Z2-7]{6}(-[A-Z2-7]{1,6}){6})$"),
                                          QRegularExpression::MultilineOption);
        const auto m = codeLine.match(added.out);
        QVERIFY2(m.hasMatch(), qPrintable(added.out));
        m_code = m.captured(1);
        // The operator's reference data at the hub (the hub takes no pupil it does not know, sync/judge.h).
        const QString demo = tabel::test::sourceDir() + QStringLiteral("/deploy/demo/");
        for (const QString& kind : {QStringLiteral("calendar"), QStringLiteral("roster"), QStringLiteral("timetable")})
            EXPECT_EXIT(hub({QStringLiteral("import"), kind, demo + kind + QStringLiteral(".csv")}), 0);

        m_port = tabel::test::startHub(m_hub, m_hubBin, m_hubStore);
        QVERIFY(m_port);

        EXPECT_EXIT(node({QStringLiteral("init"), QStringLiteral("--teacher"), kTeacher, QStringLiteral("--name"),
                          kTeacherName, QStringLiteral("--kdf"), QStringLiteral("interactive")}),
                    0);
        for (const QString& kind : {QStringLiteral("calendar"), QStringLiteral("roster"), QStringLiteral("timetable")})
            EXPECT_EXIT(node({QStringLiteral("import"), kind, demo + kind + QStringLiteral(".csv")}), 0);
        EXPECT_EXIT(node({QStringLiteral("enroll"), url(), m_code}), 0);
    }

    void cleanupTestCase() {
        if (m_hub.state() == QProcess::Running) {
            m_hub.terminate();
            m_hub.waitForFinished(10000);
        }
    }

    // R-S7: a mark set, then changed twice, each synced: three commits; history shows old → new.
    void RS7_markChangedTwice() {
        EXPECT_EXIT(node({QStringLiteral("lesson"), QStringLiteral("add"), QStringLiteral("--lesson"), kLesson,
                          QStringLiteral("--topic"), QStringLiteral("Натуральные числа")}),
                    0);
        for (const QString& value : {QStringLiteral("5"), QStringLiteral("4"), QStringLiteral("3")}) {
            EXPECT_EXIT(setMark(value), 0);
            EXPECT_EXIT(node({QStringLiteral("sync")}), 0);
        }
        const ProcessResult r =
            hub({QStringLiteral("history"), QStringLiteral("--entity"), kMark, QStringLiteral("--json")});
        EXPECT_EXIT(r, 0);
        const QJsonArray changes = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(changes.size(), 3);
        const QStringList expected[] = {{QString(), QStringLiteral("5")},
                                        {QStringLiteral("5"), QStringLiteral("4")},
                                        {QStringLiteral("4"), QStringLiteral("3")}};
        for (int i = 0; i < 3; ++i) {
            const QJsonObject c = changes.at(i).toObject();
            QCOMPARE(c.value(QStringLiteral("old")).toString(), expected[i][0]);
            QCOMPARE(c.value(QStringLiteral("new")).toString(), expected[i][1]);
            QCOMPARE(c.value(QStringLiteral("teacher")).toString(), kTeacher);
            QCOMPARE(c.value(QStringLiteral("teacher_name")).toString(), kTeacherName);
            QVERIFY2(c.value(QStringLiteral("device")).toString().startsWith(QStringLiteral("n1 (")),
                     qPrintable(r.out));
            QCOMPARE(c.value(QStringLiteral("field")).toString(), QStringLiteral("value"));
        }
        QCOMPARE(changes.at(0).toObject().value(QStringLiteral("old")), QJsonValue());

        // The text form names the same; filters and bad values.
        const ProcessResult text = hub({QStringLiteral("history"), QStringLiteral("--pupil"), QStringLiteral("7a-01"),
                                        QStringLiteral("--limit"), QStringLiteral("1")});
        EXPECT_EXIT(text, 0);
        // Whose mark, in words, and the field as a teacher names it (issue 9 item 7).
        QVERIFY2(text.out.contains(kTeacherName) && text.out.contains(QStringLiteral("the mark: 4 → 3")) &&
                     text.out.contains(QStringLiteral("Алексеев Артём (7a-01)")),
                 qPrintable(describe(text)));
        const ProcessResult none = hub({QStringLiteral("history"), QStringLiteral("--class"), QStringLiteral("9Б")});
        EXPECT_EXIT(none, 0);
        QVERIFY2(none.out.contains(QStringLiteral("no changes")), qPrintable(describe(none)));
        const ProcessResult badLimit =
            hub({QStringLiteral("history"), QStringLiteral("--limit"), QStringLiteral("zero")});
        EXPECT_EXIT(badLimit, 2);
        QVERIFY2(badLimit.err.contains(QStringLiteral("--limit")), qPrintable(describe(badLimit)));
    }

    // R-S7 (History::defer): serve writes a push's commit by itself once no push has come for a moment, so that
    // neither a restart nor the operator's next read has to. Read raw, not through HubStore::open, which would
    // write it.
    void RS7_serveWritesTheCommitWhenIdle() {
        EXPECT_EXIT(setMark(QStringLiteral("2")), 0);
        EXPECT_EXIT(node({QStringLiteral("sync")}), 0);
        auto key = tabel::hub::schema::loadOrCreateKey(m_hubStore + QStringLiteral("/hub.key"), true);
        QVERIFY(key);
        auto db = tabel::db::Database::open(m_hubStore + QStringLiteral("/hub.db"), false);
        QVERIFY(db);
        QVERIFY(tabel::db::applyRawKey(*db, *key));
        std::int64_t pending = -1;
        for (int i = 0; i < 50 && pending != 0; ++i) {
            QTest::qWait(100);
            auto n = db->queryInt("SELECT count(*) FROM history_queue");
            QVERIFY2(n, n ? "" : qPrintable(n.error().message));
            pending = *n;
        }
        QCOMPARE(pending, std::int64_t(0));
        const ProcessResult r = hub({QStringLiteral("history"), QStringLiteral("--entity"), kMark,
                                     QStringLiteral("--limit"), QStringLiteral("1"), QStringLiteral("--json")});
        EXPECT_EXIT(r, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).array().first().toObject().value(QStringLiteral("new")),
                 QJsonValue(QStringLiteral("2")));
    }

    // R-S7: export-git: bare repositories that git reads; a non-empty folder is refused.
    void RS7_exportGit() {
        const QString target = m_tmp.filePath(QStringLiteral("export"));
        const ProcessResult r = hub({QStringLiteral("export-git"), target});
        EXPECT_EXIT(r, 0);
        QVERIFY2(r.err.contains(QStringLiteral("plain text")), qPrintable(describe(r)));
        const QString repo = target + QStringLiteral("/7А/2026-2027.git");
        const ProcessResult log =
            tabel::test::run(QStringLiteral("git"),
                             {QStringLiteral("-C"), repo, QStringLiteral("log"), QStringLiteral("--format=%an %s")});
        EXPECT_EXIT(log, 0);
        const QStringList lines = log.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 6); // the operator's roster and timetable imports, then four marks
        QVERIFY2(lines.at(2).startsWith(kTeacherName + QStringLiteral(" 7А math: ")) &&
                     lines.at(2).contains(QStringLiteral("1 mark")),
                 qPrintable(log.out));
        const ProcessResult fsck = tabel::test::run(
            QStringLiteral("git"), {QStringLiteral("-C"), repo, QStringLiteral("fsck"), QStringLiteral("--strict")});
        EXPECT_EXIT(fsck, 0);

        const ProcessResult again = hub({QStringLiteral("export-git"), target});
        EXPECT_EXIT(again, 2);
        QVERIFY2(again.err.contains(QStringLiteral("not empty")), qPrintable(describe(again)));
    }

    // 5.5: every reading of the history was written to the audit table of hub.db; R-S7: and no surname nor the
    // teacher's name is in plaintext in any file of the hub's folder while the hub runs.
    void RS7_auditedAndNoPlaintext() {
        {
            auto store = tabel::hub::HubStore::open(m_hubStore);
            QVERIFY2(store, store ? "" : qPrintable(store.error().message));
            auto history = store->database().queryInt("SELECT count(*) FROM audit WHERE command = 'history'");
            QVERIFY(history);
            QCOMPARE(*history, 4); // the --limit zero call was refused before reading anything
            auto exports = store->database().queryInt("SELECT count(*) FROM audit WHERE command = 'export-git'");
            QVERIFY(exports);
            QCOMPARE(*exports, 2);
        }
        QVERIFY(m_hub.state() == QProcess::Running);
        QCOMPARE(tabel::test::filesContaining(m_hubStore, QStringLiteral("Натуральные числа")), QStringList());
        QCOMPARE(tabel::test::filesContaining(m_hubStore, kTeacherName), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestHubHistoryCli)
#include "test_hub_history.moc"
