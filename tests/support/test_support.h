// Helpers shared by tabel's tests: running the real binaries, scanning files for plaintext.
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace tabel::test {

struct ProcessResult {
    int exitCode = -1;
    QString out, err;
    bool crashed = false;
};

// Path of a built binary given by an environment variable set by CTest (TABEL_NODE_BIN, …).
QString binaryFromEnv(const char* variable);
// Runs a program to completion (60 s at most) with extra environment variables and optional stdin.
ProcessResult run(const QString& program, const QStringList& args, const QProcessEnvironment& env = {},
                  const QByteArray& stdinData = {});
// Every file under dir (recursively) whose bytes contain needle (as UTF-8, and as UTF-16 for good measure).
QStringList filesContaining(const QString& dir, const QString& needle);
// Writes a UTF-8 file; returns its path.
QString writeFile(const QString& path, const QByteArray& content);
QString sourceDir(); // TABEL_SOURCE_DIR
// Starts `bin --store store serve --listen 127.0.0.1:port` in `process` (port 0: a free one) and waits up to 30 s
// for its "listening on https://127.0.0.1:PORT" line (so the hub must speak English: TABEL_LANG=en, which CTest
// sets for the tests). Returns the port; 0 when the hub did not start, with what it printed logged.
quint16 startHub(QProcess& process, const QString& bin, const QString& store, quint16 port = 0);
// "exit N (crashed)", then stdout and stderr: what a failed expectation about a process prints.
QString describe(const ProcessResult& r);

} // namespace tabel::test

// In a QtTest slot: the process ran to its end (no crash) with this exit code, else a failure that shows its output.
#define EXPECT_EXIT(result, code)                                                                                      \
    do {                                                                                                               \
        const ::tabel::test::ProcessResult& r_ = (result);                                                             \
        QVERIFY2(!r_.crashed && r_.exitCode == (code), qPrintable(::tabel::test::describe(r_)));                       \
    } while (0)
