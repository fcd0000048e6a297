// Integration test of the translations: the real tabel-node speaks Russian by default (TABEL_LANG=ru, as on
// a teacher's computer) and English with TABEL_LANG=en. The Russian comes from translations/tabel_ru.ts,
// compiled into the binary; tests/meta/check_translations.cmake checks that every string is translated.
#include "tests/support/test_support.h"

#include <QDir>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using tabel::test::describe;
using tabel::test::ProcessResult;

namespace {

constexpr int kExitWrongPassphrase = 3; // node/cli/exit_codes.h
constexpr int kExitNotFound = 7;

bool hasCyrillic(const QString& s) {
    static const QRegularExpression cyrillic(QStringLiteral("[\\x{0400}-\\x{04FF}]"));
    return s.contains(cyrillic);
}

} // namespace

class TestI18n : public QObject {
    Q_OBJECT

private:
    QString m_bin;
    QTemporaryDir m_tmp;

    // ctest sets TABEL_LANG=en for every test; each run here says which language it wants.
    ProcessResult node(const QString& lang, const QStringList& args, const QString& passphrase = {}) {
        QProcessEnvironment env;
        env.insert(QStringLiteral("TABEL_LANG"), lang);
        env.insert(QStringLiteral("TABEL_PASSPHRASE"), passphrase);
        return tabel::test::run(m_bin, args, env);
    }

    QString storeWithPassphrase(const QString& name, const QString& passphrase) {
        const QString dir = m_tmp.filePath(name);
        const ProcessResult r = node(QStringLiteral("ru"),
                                     {QStringLiteral("init"), QStringLiteral("--store"), dir,
                                      QStringLiteral("--teacher"), QStringLiteral("t1"), QStringLiteral("--name"),
                                      QStringLiteral("Тест"), QStringLiteral("--kdf"), QStringLiteral("interactive")},
                                     passphrase);
        if (r.exitCode != 0)
            qWarning("init failed: %s", qPrintable(describe(r)));
        return r.exitCode == 0 ? dir : QString();
    }

private slots:
    void initTestCase() {
        m_bin = tabel::test::binaryFromEnv("TABEL_NODE_BIN");
        QVERIFY(m_tmp.isValid());
    }

    void helpIsRussian() {
        const ProcessResult r = node(QStringLiteral("ru"), {QStringLiteral("--help")});
        QVERIFY2(r.exitCode == 0 && !r.crashed, qPrintable(describe(r)));
        QVERIFY2(hasCyrillic(r.out), qPrintable(describe(r)));
        QVERIFY2(r.out.contains(QStringLiteral("Использование: tabel-node")), qPrintable(describe(r)));
        QVERIFY2(r.out.contains(QStringLiteral("Команды:")), qPrintable(describe(r)));
        // Command and option names stay as they are typed.
        QVERIFY2(r.out.contains(QStringLiteral("--passphrase-file")), qPrintable(describe(r)));
        QVERIFY2(!r.out.contains(QStringLiteral("Usage:")), qPrintable(describe(r)));
    }

    void helpIsEnglishOnRequest() {
        const ProcessResult r = node(QStringLiteral("en"), {QStringLiteral("--help")});
        QVERIFY2(r.exitCode == 0 && !r.crashed, qPrintable(describe(r)));
        QVERIFY2(r.out.contains(QStringLiteral("Usage: tabel-node")), qPrintable(describe(r)));
        QVERIFY2(r.out.contains(QStringLiteral("Commands:")), qPrintable(describe(r)));
    }

    void commandHelpIsRussian() {
        const ProcessResult r =
            node(QStringLiteral("ru"), {QStringLiteral("mark"), QStringLiteral("set"), QStringLiteral("--help")});
        QVERIFY2(r.exitCode == 0 && !r.crashed, qPrintable(describe(r)));
        QVERIFY2(r.out.contains(QStringLiteral("поставить ученику отметку за урок")), qPrintable(describe(r)));
        QVERIFY2(r.out.contains(QStringLiteral("--lesson")), qPrintable(describe(r)));
    }

    void noStoreIsRussian() {
        const QString empty = m_tmp.filePath(QStringLiteral("empty"));
        QVERIFY(QDir().mkpath(empty));
        const ProcessResult r = node(QStringLiteral("ru"), {QStringLiteral("status"), QStringLiteral("--store"), empty},
                                     QStringLiteral("correct horse battery"));
        QVERIFY2(r.exitCode == kExitNotFound && !r.crashed, qPrintable(describe(r)));
        // "there is no store in %1; create one with «tabel-node init»"
        QVERIFY2(r.err.contains(QStringLiteral("нет хранилища")), qPrintable(describe(r)));
        QVERIFY2(r.err.contains(QStringLiteral("«tabel-node init»")), qPrintable(describe(r)));
        QVERIFY2(r.err.contains(empty), qPrintable(describe(r)));
        QVERIFY2(!r.err.contains(QStringLiteral("there is no store")), qPrintable(describe(r)));
    }

    void noStoreIsEnglishOnRequest() {
        const QString empty = m_tmp.filePath(QStringLiteral("empty-en"));
        QVERIFY(QDir().mkpath(empty));
        const ProcessResult r = node(QStringLiteral("en"), {QStringLiteral("status"), QStringLiteral("--store"), empty},
                                     QStringLiteral("correct horse battery"));
        QVERIFY2(r.exitCode == kExitNotFound && !r.crashed, qPrintable(describe(r)));
        QVERIFY2(
            r.err.contains(QStringLiteral("there is no store in %1; create one with «tabel-node init»").arg(empty)),
            qPrintable(describe(r)));
    }

    void wrongPassphraseIsRussian() {
        const QString store = storeWithPassphrase(QStringLiteral("store-ru"), QStringLiteral("correct horse battery"));
        QVERIFY(!store.isEmpty());
        const ProcessResult r = node(QStringLiteral("ru"), {QStringLiteral("status"), QStringLiteral("--store"), store},
                                     QStringLiteral("wrong horse battery"));
        QVERIFY2(r.exitCode == kExitWrongPassphrase && !r.crashed, qPrintable(describe(r)));
        // "the passphrase is wrong; nothing was changed, try again"
        QVERIFY2(r.err.contains(QStringLiteral("неверная парольная фраза")), qPrintable(describe(r)));
        QVERIFY2(!r.err.contains(QStringLiteral("passphrase is wrong")), qPrintable(describe(r)));
    }

    void wrongPassphraseIsEnglishOnRequest() {
        const QString store = storeWithPassphrase(QStringLiteral("store-en"), QStringLiteral("correct horse battery"));
        QVERIFY(!store.isEmpty());
        const ProcessResult r = node(QStringLiteral("en"), {QStringLiteral("status"), QStringLiteral("--store"), store},
                                     QStringLiteral("wrong horse battery"));
        QVERIFY2(r.exitCode == kExitWrongPassphrase && !r.crashed, qPrintable(describe(r)));
        QVERIFY2(r.err.contains(QStringLiteral("the passphrase is wrong")), qPrintable(describe(r)));
        QVERIFY2(!hasCyrillic(r.err), qPrintable(describe(r)));
    }

    void usageErrorIsRussian() {
        const ProcessResult r = node(QStringLiteral("ru"), {QStringLiteral("no-such-command")});
        QVERIFY2(r.exitCode == 2 && !r.crashed, qPrintable(describe(r)));
        QVERIFY2(r.err.contains(QStringLiteral("неизвестная команда «no-such-command»")), qPrintable(describe(r)));
        QVERIFY2(r.err.contains(QStringLiteral("подсказка: см. «tabel-node --help»")), qPrintable(describe(r)));
    }
};

QTEST_GUILESS_MAIN(TestI18n)
#include "test_i18n.moc"
