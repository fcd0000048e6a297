#include "hub/cli/cli.h"

#include <QCoreApplication>

#include <cstdio>

namespace tabel::hub::cli {

QString t(const char* s) {
    return QCoreApplication::translate("tabel-hub", s);
}

QString tn(const char* s, int n) {
    return QCoreApplication::translate("tabel-hub", s, nullptr, n);
}

namespace {
void writeTo(std::FILE* stream, const QString& line) {
    QByteArray bytes = line.toUtf8();
    bytes.append('\n');
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stream);
    std::fflush(stream);
}
} // namespace

void printOut(const QString& line) {
    writeTo(stdout, line);
}

void printErr(const QString& line) {
    std::fflush(stdout);
    writeTo(stderr, line);
}

Error usage(const QString& message) {
    return makeError(ErrorCode::InvalidArgument, message);
}

} // namespace tabel::hub::cli
