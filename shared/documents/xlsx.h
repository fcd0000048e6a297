// A table as an Excel workbook (issue 11: schools live in Excel too), through libxlsxwriter (Debian's
// libxlsxwriter-dev). A Workbook is sheets of rows; a cell is a number where the value is one (a mark «5») and
// text otherwise («зач», «н/а», names), with an optional note (a correction's old mark and reason). Each sheet has
// a title above its table, a bold header row, and the rows under the header and the columns left of the first
// data column frozen, so names and headers stay in sight while scrolling. Sheet names may be Cyrillic; they are
// cut to Excel's 31 characters and rid of the characters Excel forbids.
#pragma once

#include "shared/core/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace tabel::documents {

struct XlsxCell {
    QString text;                             // shown as it is when number is empty
    std::optional<double> number;             // a number cell
    QString note;                             // a cell comment, when not empty
    bool emphasised = false;                  // italic (a corrected mark)
    static XlsxCell of(const QString& value); // a number when the whole value parses as one, else text
};

struct XlsxSheet {
    QString name;       // "Ведомость 7А"
    QStringList title;  // lines above the table
    QStringList header; // the table's header row
    QList<QList<XlsxCell>> rows;
    int frozenColumns = 1; // columns kept in sight (the pupil's name)
    QList<double> widths;  // in characters, per column; missing ones default
};

struct Workbook {
    QString title; // the file's document properties
    QList<XlsxSheet> sheets;
};

// The .xlsx file's bytes. Io when the temporary file libxlsxwriter writes cannot be made or read.
[[nodiscard]] Result<QByteArray> writeXlsx(const Workbook& workbook);

// An Excel-safe sheet name: at most 31 characters, none of []:*?/\ .
QString sheetName(const QString& wanted);

} // namespace tabel::documents
