#include "hub/cli/cli.h"

#include <QCoreApplication>

#include <algorithm>
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

void printTable(const QList<QStringList>& rows) {
    if (rows.isEmpty())
        return;
    QList<int> widths(rows.first().size(), 0);
    for (const QStringList& r : rows)
        for (int c = 0; c < r.size() && c < widths.size(); ++c)
            widths[c] = std::max(widths[c], int(r[c].size()));
    for (const QStringList& r : rows) {
        QStringList cells;
        for (int c = 0; c < r.size(); ++c)
            cells << (c + 1 < r.size() && c < widths.size() ? r[c].leftJustified(widths[c]) : r[c]);
        printOut(cells.join(QStringLiteral("  ")));
    }
}

void printJson(const QJsonDocument& doc) {
    const QByteArray bytes = doc.toJson(QJsonDocument::Indented);
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

} // namespace tabel::hub::cli
