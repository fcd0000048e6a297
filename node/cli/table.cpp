#include "node/cli/table.h"

#include <algorithm>

namespace tabel::node::cli {

int visibleWidth(const QString& text) {
    int width = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isLowSurrogate())
            continue; // counted with its high surrogate
        const char32_t cp = c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()
                                ? QChar::surrogateToUcs4(c, text.at(i + 1))
                                : char32_t(c.unicode());
        switch (QChar::category(cp)) {
        case QChar::Mark_NonSpacing:
        case QChar::Mark_Enclosing:
        case QChar::Other_Format:
            break;
        default:
            ++width;
        }
    }
    return width;
}

QString padRight(const QString& text, int width) {
    const int w = visibleWidth(text);
    return w >= width ? text : text + QString(width - w, u' ');
}

QString padLeft(const QString& text, int width) {
    const int w = visibleWidth(text);
    return w >= width ? text : QString(width - w, u' ') + text;
}

QStringList TextTable::render() const {
    qsizetype columns = header.size();
    for (const QStringList& row : rows)
        columns = std::max(columns, row.size());
    QList<int> widths(columns, 0);
    const auto measure = [&](const QStringList& row) {
        for (qsizetype c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths[c], visibleWidth(row.at(c)));
    };
    measure(header);
    for (const QStringList& row : rows)
        measure(row);

    const auto line = [&](const QStringList& row) {
        QStringList cells;
        for (qsizetype c = 0; c < columns; ++c) {
            const QString cell = c < row.size() ? row.at(c) : QString();
            const Align a = c < align.size() ? align.at(c) : Align::Left;
            cells << (a == Align::Right ? padLeft(cell, widths[c]) : padRight(cell, widths[c]));
        }
        return cells.join(separator);
    };

    QStringList out;
    out << line(header);
    // The rule: box-drawing lines under the header, crossing the separator's bar.
    const int sepWidth = visibleWidth(separator);
    const int bar = separator.indexOf(QChar(0x2502));
    QString joint;
    for (int i = 0; i < sepWidth; ++i)
        joint += i == bar ? QChar(0x253C) : QChar(0x2500);
    QStringList rule;
    for (qsizetype c = 0; c < columns; ++c)
        rule << QString(widths[c], QChar(0x2500));
    out << rule.join(joint);
    for (const QStringList& row : rows)
        out << line(row);
    return out;
}

} // namespace tabel::node::cli
