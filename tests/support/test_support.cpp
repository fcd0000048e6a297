#include "tests/support/test_support.h"

#include <QRegularExpression>

#include <QElapsedTimer>

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTest>

namespace tabel::test {

QString binaryFromEnv(const char* variable) {
    const QString path = qEnvironmentVariable(variable);
    if (path.isEmpty())
        qFatal("environment variable %s is not set; run the tests through ctest", variable);
    return path;
}

ProcessResult run(const QString& program, const QStringList& args, const QProcessEnvironment& env,
                  const QByteArray& stdinData) {
    QProcess p;
    QProcessEnvironment full = QProcessEnvironment::systemEnvironment();
    for (const QString& k : env.keys())
        full.insert(k, env.value(k));
    p.setProcessEnvironment(full);
    p.start(program, args);
    ProcessResult r;
    if (!p.waitForStarted(10000)) {
        r.err = QStringLiteral("could not start ") + program;
        return r;
    }
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("timed out");
        r.crashed = true;
        return r;
    }
    r.crashed = p.exitStatus() != QProcess::NormalExit;
    r.exitCode = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QStringList filesContaining(const QString& dir, const QString& needle) {
    const QByteArray utf8 = needle.toUtf8();
    const QByteArray utf16(reinterpret_cast<const char*>(needle.utf16()), needle.size() * 2);
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray data = f.readAll();
        if (data.contains(utf8) || data.contains(utf16))
            hits << path;
    }
    return hits;
}

QString writeFile(const QString& path, const QByteArray& content) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    f.write(content);
    return path;
}

QString sourceDir() {
    return qEnvironmentVariable("TABEL_SOURCE_DIR");
}

quint16 startHub(QProcess& process, const QString& bin, const QString& store, quint16 port) {
    process.setProgram(bin);
    process.setArguments({QStringLiteral("--store"), store, QStringLiteral("serve"), QStringLiteral("--listen"),
                          QStringLiteral("127.0.0.1:%1").arg(port)});
    process.start();
    if (!process.waitForStarted()) {
        qWarning("tabel-hub did not start: %s", qPrintable(process.errorString()));
        return 0;
    }
    const QRegularExpression listening(QStringLiteral("listening on https://127\\.0\\.0\\.1:(\\d+)"));
    QString out;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 30000 && process.state() == QProcess::Running) {
        process.waitForReadyRead(100);
        out += QString::fromUtf8(process.readAllStandardOutput());
        if (const auto m = listening.match(out); m.hasMatch())
            return quint16(m.captured(1).toUInt());
    }
    qWarning("tabel-hub did not start listening: %s %s", qPrintable(out), process.readAllStandardError().constData());
    return 0;
}

QString describe(const ProcessResult& r) {
    return QStringLiteral("exit %1%2\n--- stdout:\n%3\n--- stderr:\n%4")
        .arg(r.exitCode)
        .arg(r.crashed ? QStringLiteral(" (crashed)") : QString())
        .arg(r.out, r.err);
}

} // namespace tabel::test
