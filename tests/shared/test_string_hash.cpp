// The hash of the maps keyed by text from the network (shared/core/string_hash.h): seeded at random per process,
// so that nobody can compute in advance keys that share a bucket (a quadratic hub). std::hash<QString> is not:
// two runs of this program give it the same value.
#include "shared/core/string_hash.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTest>

#include <cstdio>
#include <cstring>
#include <functional>

using namespace tabel;

namespace {

const QString kKey = QStringLiteral("mark/7А/math/all/2026-09-01/2/p017/1");

// This program run again with --print-hash: the two hashes of kKey that process computes.
QStringList hashesOfAnotherProcess() {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QT_HASH_SEED")); // a fixed seed is for debugging only
    p.setProcessEnvironment(env);
    p.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--print-hash")});
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return {};
    return QString::fromLatin1(p.readAllStandardOutput()).split(u' ', Qt::SkipEmptyParts);
}

} // namespace

class TestStringHash : public QObject {
    Q_OBJECT

private slots:
    void equalTextsHashEqual() {
        const SeededStringHash h;
        QCOMPARE(h(kKey), h(QString(kKey).left(kKey.size())));
        QCOMPARE(h(kKey), qHash(kKey, QHashSeed::globalSeed()));
        QVERIFY(h(kKey) != h(kKey + u'2'));
    }

    void seededAtRandomPerProcess() {
        const QStringList first = hashesOfAnotherProcess();
        const QStringList second = hashesOfAnotherProcess();
        QCOMPARE(first.size(), 2);
        QCOMPARE(second.size(), 2);
        QVERIFY2(first[0] != second[0], "two processes hashed the key alike: the seed is not random");
        QCOMPARE(first[1], second[1]); // std::hash<QString>: the same in every process
    }
};

int main(int argc, char** argv) {
    if (argc == 2 && std::strcmp(argv[1], "--print-hash") == 0) {
        std::printf("%zu %zu\n", SeededStringHash{}(kKey), std::hash<QString>{}(kKey));
        return 0;
    }
    QCoreApplication app(argc, argv);
    TestStringHash test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_string_hash.moc"
