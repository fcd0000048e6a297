// CSV reader for the files a school hands over: roster, timetable, calendar. UTF-8 (Cyrillic), RFC 4180.
//
//  - separator ',' ; ';' when the header line has ';' and no ',' (Russian Excel); an Excel "sep=X" first line
//    sets the separator explicitly;
//  - double-quoted fields with "" escapes and embedded line breaks (kept as "\n"); line breaks CRLF, LF or CR;
//  - an optional UTF-8 byte-order mark;
//  - unquoted fields are trimmed; a quote inside an unquoted field is an ordinary character;
//  - lines that are empty (or hold only separators and spaces) are skipped;
//  - the first non-empty line is the header; header names are trimmed and matched case-insensitively.
//
// Every error is ErrorCode::InvalidInput (NotFound/Io for readFile's file problems) and names the file, the
// 1-based physical line and, when it concerns a field, the 1-based column number and its header name:
//   roster.csv, line 7, column 3 (surname): the field is empty
#pragma once

#include "shared/core/result.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace tabel::csv {

inline constexpr qsizetype kDefaultMaxBytes = 16 * 1024 * 1024;

struct Table {
    QString file;            // the name used in error messages
    QStringList header;      // trimmed, as written in the file
    QList<QStringList> rows; // every row has header.size() fields
    QList<int> lineOfRow;    // 1-based physical line where each row starts
    QChar separator = u',';

    // Index of a header column (trimmed, case-insensitive), or -1.
    qsizetype columnIndex(const QString& name) const;
};

// Parses a whole file held in memory. requiredColumns must all be present in the header.
[[nodiscard]] Result<Table> parse(const QByteArray& bytes, const QString& fileName, const QStringList& requiredColumns,
                                  qsizetype maxBytes = kDefaultMaxBytes);
// Reads and parses a file; the file's name (without the directory) names it in messages. Never reads more than
// maxBytes + 1 bytes.
[[nodiscard]] Result<Table> readFile(const QString& path, const QStringList& requiredColumns,
                                     qsizetype maxBytes = kDefaultMaxBytes);

// One row of a table, for importers: values by column name, and errors that point at the cell. Holds a pointer
// to the table, which must outlive it.
class RowView {
public:
    RowView(const Table& table, qsizetype row) : m_table(&table), m_row(row) {}

    int line() const; // 1-based physical line where the row starts
    qsizetype index() const { return m_row; }
    bool hasColumn(const QString& column) const { return m_table->columnIndex(column) >= 0; }

    // The field's text ("" if the file has no such column).
    QString text(const QString& column) const;
    // The field's text; an error if it is empty or the column does not exist.
    [[nodiscard]] Result<QString> required(const QString& column) const;
    // A whole number between min and max inclusive; an error if empty, not a number or out of range.
    [[nodiscard]] Result<int> integer(const QString& column, int min, int max) const;
    // A date written yyyy-MM-dd or dd.MM.yyyy (day and month may have one digit); an error if empty or invalid.
    [[nodiscard]] Result<QDate> date(const QString& column) const;

    // An InvalidInput error located at this row and column: "file, line L, column C (name): problem". An empty
    // column gives "file, line L: problem".
    [[nodiscard]] Error error(const QString& column, const QString& problem) const;

private:
    const Table* m_table;
    qsizetype m_row;
};

} // namespace tabel::csv
