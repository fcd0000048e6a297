// Plain-text tables for the terminal. Columns are aligned by visible characters, not bytes: a Cyrillic letter
// is two bytes of UTF-8 but one character on screen.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace tabel::node::cli {

// Characters a terminal shows: code points, without combining marks and zero-width format characters.
int visibleWidth(const QString& text);
QString padRight(const QString& text, int width);
QString padLeft(const QString& text, int width);

enum class Align { Left, Right };

struct TextTable {
    QStringList header;
    QList<QStringList> rows;
    QList<Align> align; // per column; Left when missing
    QString separator = QStringLiteral(" \u2502 ");
    // Renders the header, a rule under it and the rows. Every line has the same visible width.
    QStringList render() const;
};

} // namespace tabel::node::cli
