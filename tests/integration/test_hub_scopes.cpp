// What a node receives (issue 8, items 3 and 5; 152-FZ as clause 5.6.1 applies it; R-J10, R-S4) with the real
// tabel-hub and two real tabel-node stores on loopback:
//   - the school's roster is one file of two classes (9А, 8Б); the hub writes it as a change set per class, and the
//     teacher of 9А receives no pupil of 8Б (her store is opened and read);
//   - a pupil joins 8Б (a roster file of one class), then the operator records that the 9А teacher substitutes in
//     an 8Б lesson; her next sync brings 8Б's whole history (backfill: the roster imported before, the new pupil),
//     so she marks the new pupil in the substituted lesson, and 8Б's own teacher receives that mark;
//   - a node's change set that writes two classes' data is refused whole (one unit per change set).
// The test functions run in order and share the hub and the stores.
#include "hub/store/hub_store.h"
#include "node/store/node_store.h"
#include "shared/crypto/secret.h"
#include "shared/crypto/signing.h"
#include "sync/wire.h"
#include "tests/support/test_support.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace tabel;
using tabel::test::describe;
using tabel::test::ProcessResult;

namespace {

const QByteArray kPassphrase = "фраза для проверки областей";

const QByteArray kRoster = "pupil_id,class,surname,name,patronymic,book_no,subgroups\n"
                           "9a-01,9А,Алексеев,Артём,Игоревич,301,\n"
                           "9a-02,9А,Белова,Варвара,Сергеевна,302,\n"
                           "8b-01,8Б,Яковлев,Иван,Петрович,401,\n"
                           "8b-02,8Б,Юдина,Анна,Сергеевна,402,\n";
// A pupil who joins 8Б later: a roster file of one class.
const QByteArray kJoiner = "pupil_id,class,surname,name,patronymic,book_no,subgroups\n"
                           "8b-03,8Б,Новикова,Ольга,Андреевна,403,\n";
// Tuesdays (2026-09-01, 2026-09-08): 9А mathematics lesson 2, 8Б Russian lesson 3.
const QByteArray kTimetable = "class,weekday,slot,subject,subject_name,group,teacher,teacher_name\n"
                              "9А,2,2,math,Математика,all,kuznetsova,Кузнецова Елена Павловна\n"
                              "8Б,2,3,rus,Русский язык,all,orlova,Орлова Нина Ивановна\n";

crypto::SecretBytes passphrase() {
    return crypto::SecretBytes::fromBytes(kPassphrase.constData(), std::size_t(kPassphrase.size()));
}

} // namespace

class TestHubScopes : public QObject {
    Q_OBJECT

    QString m_nodeBin, m_hubBin;
    QTemporaryDir m_tmp;
    QString m_hubStore;
    QProcess m_hub;
    quint16 m_port = 0;

    QString store(char which) const { return m_tmp.filePath(QStringLiteral("node-") + QLatin1Char(which)); }
    QString url() const { return QStringLiteral("https://127.0.0.1:%1").arg(m_port); }
    QString file(const QString& name, const QByteArray& content) {
        return test::writeFile(m_tmp.filePath(name), content);
    }

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
    QString addNode(const QString& teacher, const QString& name, const QString& assign) {
        const auto r = hub({QStringLiteral("node"), QStringLiteral("add"), QStringLiteral("--teacher"), teacher,
                            QStringLiteral("--name"), name, QStringLiteral("--assign"), assign});
        if (r.exitCode != 0)
            qFatal("node add failed: %s", qPrintable(describe(r)));
        const QRegularExpression codeLine(QStringLiteral("^\\s+([A-Z2-7]{6}(-[A-Z2-7]{1,6}){6})$"),
                                          QRegularExpression::MultilineOption);
        const auto m = codeLine.match(r.out);
        if (!m.hasMatch())
            qFatal("no code in: %s", qPrintable(r.out));
        return m.captured(1);
    }

    // The pupils a node's store holds, by id, and their classes.
    QMap<QString, QString> pupilsOn(char which) {
        auto s = node::NodeStore::open(store(which), passphrase());
        if (!s)
            qFatal("open: %s", qPrintable(s.error().message));
        QMap<QString, QString> out;
        const auto pupils = s->scan(QStringLiteral("pupil/"));
        if (!pupils)
            qFatal("scan: %s", qPrintable(pupils.error().message));
        for (const node::Entity& e : *pupils) {
            const auto cls = e.fields.find(QStringLiteral("class"));
            out.insert(e.key.mid(6), cls != e.fields.end() ? domain::textOf(cls->second) : QString());
        }
        return out;
    }

private slots:
    void initTestCase() {
        QVERIFY(crypto::initialize());
        m_nodeBin = test::binaryFromEnv("TABEL_NODE_BIN");
        m_hubBin = test::binaryFromEnv("TABEL_HUB_BIN");
        QVERIFY(m_tmp.isValid());
        m_hubStore = m_tmp.filePath(QStringLiteral("hub"));
        const QString calendar = test::sourceDir() + QStringLiteral("/deploy/demo/calendar.csv");
        EXPECT_EXIT(hub({QStringLiteral("import"), QStringLiteral("calendar"), calendar}), 0);
        // One file, two classes: written as one change set per class.
        const ProcessResult roster =
            hub({QStringLiteral("import"), QStringLiteral("roster"), file(QStringLiteral("roster.csv"), kRoster)});
        EXPECT_EXIT(roster, 0);
        EXPECT_EXIT(hub({QStringLiteral("import"), QStringLiteral("timetable"),
                         file(QStringLiteral("timetable.csv"), kTimetable)}),
                    0);
        const QString codeK = addNode(QStringLiteral("kuznetsova"), QStringLiteral("Кузнецова Елена Павловна"),
                                      QStringLiteral("9А/math/all"));
        const QString codeO =
            addNode(QStringLiteral("orlova"), QStringLiteral("Орлова Нина Ивановна"), QStringLiteral("8Б/rus/all"));
        m_port = test::startHub(m_hub, m_hubBin, m_hubStore);
        QVERIFY(m_port);
        for (const auto& [which, id, name, code] :
             {std::tuple{'k', QStringLiteral("kuznetsova"), QStringLiteral("Кузнецова Елена Павловна"), codeK},
              std::tuple{'o', QStringLiteral("orlova"), QStringLiteral("Орлова Нина Ивановна"), codeO}}) {
            EXPECT_EXIT(node(which, {QStringLiteral("init"), QStringLiteral("--teacher"), id, QStringLiteral("--name"),
                                     name, QStringLiteral("--kdf"), QStringLiteral("interactive")}),
                        0);
            EXPECT_EXIT(node(which, {QStringLiteral("enroll"), url(), code}), 0);
            EXPECT_EXIT(node(which, {QStringLiteral("sync")}), 0);
        }
    }

    void cleanupTestCase() {
        if (m_hub.state() == QProcess::Running) {
            m_hub.terminate();
            m_hub.waitForFinished(10000);
        }
    }

    // 5.6.1: the teacher of 9А holds 9А's pupils and no pupil of 8Б, although one file imported both classes.
    void noPupilOfAnotherClass() {
        const QMap<QString, QString> k = pupilsOn('k');
        QCOMPARE(k.keys(), (QStringList{QStringLiteral("9a-01"), QStringLiteral("9a-02")}));
        const QMap<QString, QString> o = pupilsOn('o');
        QCOMPARE(o.keys(), (QStringList{QStringLiteral("8b-01"), QStringLiteral("8b-02")}));
    }

    // Item 5: a substitution in a class she never taught brings that class's history to her node, and she marks a
    // pupil who joined before the substitution was recorded.
    void substituteReceivesTheClassAndMarksTheJoiner() {
        // 8Б's own teacher writes a lesson first.
        EXPECT_EXIT(node('o', {QStringLiteral("lesson"), QStringLiteral("add"), QStringLiteral("--lesson"),
                               QStringLiteral("8Б/rus/all/2026-09-01/3"), QStringLiteral("--topic"),
                               QStringLiteral("Синтаксис")}),
                    0);
        EXPECT_EXIT(node('o', {QStringLiteral("sync")}), 0);
        EXPECT_EXIT(
            hub({QStringLiteral("import"), QStringLiteral("roster"), file(QStringLiteral("joiner.csv"), kJoiner)}), 0);
        // The 9А teacher syncs in between: still nothing of 8Б.
        EXPECT_EXIT(node('k', {QStringLiteral("sync")}), 0);
        QVERIFY(!pupilsOn('k').contains(QStringLiteral("8b-03")));
        // Her journal of 8Б is empty, and it says where the pupils come from: the hub, not an import on her
        // laptop, which the hub would refuse (issue 9 item 6).
        const ProcessResult empty =
            node('k', {QStringLiteral("journal"), QStringLiteral("--class"), QStringLiteral("8Б"),
                       QStringLiteral("--subject"), QStringLiteral("rus")});
        EXPECT_EXIT(empty, 0);
        QVERIFY2(empty.out.contains(QStringLiteral("tabel-node sync")) &&
                     empty.out.contains(QStringLiteral("import the roster of 8Б")) &&
                     !empty.out.contains(QStringLiteral("tabel-node import roster")),
                 qPrintable(describe(empty)));
        EXPECT_EXIT(
            hub({QStringLiteral("substitution"), QStringLiteral("add"), QStringLiteral("--date"),
                 QStringLiteral("2026-09-08"), QStringLiteral("--slot"), QStringLiteral("3"), QStringLiteral("--class"),
                 QStringLiteral("8Б"), QStringLiteral("--subject"), QStringLiteral("rus"), QStringLiteral("--absent"),
                 QStringLiteral("orlova"), QStringLiteral("--substitute"), QStringLiteral("kuznetsova"),
                 QStringLiteral("--reason"), QStringLiteral("болезнь")}),
            0);
        const ProcessResult synced = node('k', {QStringLiteral("sync")});
        EXPECT_EXIT(synced, 0);
        const QMap<QString, QString> k = pupilsOn('k');
        QCOMPARE(k.value(QStringLiteral("8b-01")), QStringLiteral("8Б")); // imported before: the backfill
        QCOMPARE(k.value(QStringLiteral("8b-03")), QStringLiteral("8Б")); // joined before the substitution
        const QString lesson = QStringLiteral("8Б/rus/all/2026-09-08/3");
        EXPECT_EXIT(node('k', {QStringLiteral("lesson"), QStringLiteral("add"), QStringLiteral("--lesson"), lesson,
                               QStringLiteral("--topic"), QStringLiteral("Повторение")}),
                    0);
        const ProcessResult mark = node('k', {QStringLiteral("mark"), QStringLiteral("set"), QStringLiteral("--lesson"),
                                              lesson, QStringLiteral("--pupil"), QStringLiteral("8b-03"),
                                              QStringLiteral("--value"), QStringLiteral("5")});
        EXPECT_EXIT(mark, 0);
        const ProcessResult pushed = node('k', {QStringLiteral("sync")});
        EXPECT_EXIT(pushed, 0);
        QVERIFY2(!pushed.out.contains(QStringLiteral("refused")), qPrintable(describe(pushed)));
        // 8Б's teacher receives the substitute's mark.
        EXPECT_EXIT(node('o', {QStringLiteral("sync")}), 0);
        auto o = node::NodeStore::open(store('o'), passphrase());
        QVERIFY(o);
        auto marked = o->entity(QStringLiteral("mark/8Б/rus/all/2026-09-08/3/8b-03/1"));
        QVERIFY(marked && *marked);
        QCOMPARE(domain::textOf((**marked).at(QStringLiteral("value"))), QStringLiteral("5"));
        // 9А's pupils never reached 8Б's teacher.
        QVERIFY(!pupilsOn('o').contains(QStringLiteral("9a-01")));
    }

    // Item 3: a node's change set that writes data of two classes is refused whole, with the reason, and nothing
    // of it is merged; the hub's store stays sound.
    void aSetOfTwoClassesIsRefused() {
        m_hub.terminate();
        QVERIFY(m_hub.waitForFinished(10000));
        auto hubStore = hub::HubStore::open(m_hubStore);
        QVERIFY(hubStore);
        // A second device of a teacher of both classes: each lesson alone is hers to write.
        const crypto::SigningKeyPair key = crypto::SigningKeyPair::generate();
        hub::NewNode both;
        both.teacherId = QStringLiteral("kuznetsova");
        both.teacherName = QStringLiteral("Кузнецова Елена Павловна");
        both.assignments = {{QStringLiteral("9А"), QStringLiteral("math"), QStringLiteral("all")},
                            {QStringLiteral("8Б"), QStringLiteral("rus"), QStringLiteral("all")}};
        auto code = hubStore->addNode(both);
        QVERIFY(code);
        auto k = hubStore->enroll(code->secret, key.publicKey, QStringLiteral("второй ноутбук"),
                                  QDateTime::currentMSecsSinceEpoch());
        QVERIFY2(k, k ? "" : qPrintable(k.error().message));
        sync::ChangeSet two;
        two.device = key.publicKey;
        two.author = k->teacherId;
        two.seq = 1;
        const qint64 t = QDateTime::currentMSecsSinceEpoch() << 16;
        two.ops = {sync::Op{t + 1,
                            QStringLiteral("lesson/9А/math/all/2026-09-01/2"),
                            QStringLiteral("topic"),
                            QStringLiteral("Функции"),
                            {}},
                   sync::Op{t + 2,
                            QStringLiteral("lesson/8Б/rus/all/2026-09-08/3"),
                            QStringLiteral("homework"),
                            QStringLiteral("упр. 5"),
                            {}}};
        two.hlc = t + 2;
        two.sign(key);
        sync::PushBatch batch;
        batch.nodeId = k->nodeId;
        batch.batchId = QByteArray(16, '\x5a');
        batch.changeSets.append(sync::SignedChangeSet::of(two));
        auto ack = hubStore->push(*k, batch, QDateTime::currentMSecsSinceEpoch());
        QVERIFY2(ack, ack ? "" : qPrintable(ack.error().message));
        QCOMPARE(ack->entries.size(), 1);
        QCOMPARE(ack->entries.first().status, sync::AckStatus::Rejected);
        QCOMPARE(ack->entries.first().reason, int(sync::AckReason::OutOfScope));
        QVERIFY2(ack->entries.first().text.contains(QStringLiteral("two units")),
                 qPrintable(ack->entries.first().text));
        QVERIFY(domain::isNull(hubStore->state().visibleValue(QStringLiteral("lesson/9А/math/all/2026-09-01/2"),
                                                              QStringLiteral("topic"))));
        auto report = hubStore->check();
        QVERIFY(report);
        QVERIFY2(report->problems.isEmpty(), qPrintable(report->problems.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestHubScopes)
#include "test_hub_scopes.moc"
