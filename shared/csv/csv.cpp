#include "shared/csv/csv.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <utility>

namespace tabel::csv {

namespace {

QString tr(const char* s) {
    return QCoreApplication::translate("tabel::csv", s);
}

// "file", "file, line 7", "file, line 7, column 3", "file, line 7, column 3 (surname)", "file, line 7 (surname)".
QString location(const QString& file, int line, qsizetype column, const QString& name) {
    if (line <= 0)
        return file;
    if (column <= 0 && name.isEmpty())
        return tr("%1, line %2").arg(file).arg(line);
    if (column <= 0)
        return tr("%1, line %2 (%3)").arg(file).arg(line).arg(name);
    if (name.isEmpty())
        return tr("%1, line %2, column %3").arg(file).arg(line).arg(column);
    return tr("%1, line %2, column %3 (%4)").arg(file).arg(line).arg(column).arg(name);
}

Error tooLarge(const QString& file, qint64 size, qsizetype maxBytes) {
    return makeError(ErrorCode::InvalidInput,
                     file + QStringLiteral(": ") +
                         tr("the file is too large (%1 bytes; the limit is %2 bytes)").arg(size).arg(maxBytes));
}

Error located(const QString& file, int line, qsizetype column, const QString& name, const QString& problem) {
    return makeError(ErrorCode::InvalidInput, location(file, line, column, name) + QStringLiteral(": ") + problem);
}

// Offset of the first byte that is not part of well-formed UTF-8 (Unicode table 3-7: no overlong forms, no
// surrogates, nothing above U+10FFFF), or -1.
qsizetype firstInvalidUtf8(const QByteArray& bytes, qsizetype from) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.constData());
    const qsizetype n = bytes.size();
    qsizetype i = from;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int len = 0;
        unsigned char lo = 0x80, hi = 0xbf; // allowed range of the second byte
        if (c >= 0xc2 && c <= 0xdf) {
            len = 2;
        } else if (c >= 0xe0 && c <= 0xef) {
            len = 3;
            if (c == 0xe0)
                lo = 0xa0;
            else if (c == 0xed)
                hi = 0x9f;
        } else if (c >= 0xf0 && c <= 0xf4) {
            len = 4;
            if (c == 0xf0)
                lo = 0x90;
            else if (c == 0xf4)
                hi = 0x8f;
        } else {
            return i;
        }
        if (i + len > n || p[i + 1] < lo || p[i + 1] > hi)
            return i;
        for (int k = 2; k < len; ++k)
            if (p[i + k] < 0x80 || p[i + k] > 0xbf)
                return i;
        i += len;
    }
    return -1;
}

// 1-based physical line of a byte offset; CRLF, LF and a lone CR each end a line.
int lineOfOffset(const QByteArray& bytes, qsizetype offset) {
    int line = 1;
    for (qsizetype i = 0; i < offset; ++i) {
        if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.size() || bytes[i + 1] != '\n')))
            ++line;
    }
    return line;
}

// Space around a quoted field; a tab only when it is not the separator.
bool isBlank(QChar c, QChar sep) {
    return c == u' ' || (c == u'\t' && sep != u'\t');
}
bool isLineBreak(QChar c) {
    return c == u'\n' || c == u'\r';
}

// ',' unless the first line with content (the header) has ';' and no ',' outside quotes.
QChar detectSeparator(QStringView s) {
    bool inQuotes = false, content = false, comma = false, semicolon = false;
    for (const QChar c : s) {
        if (inQuotes) {
            if (c == u'"')
                inQuotes = false; // an escaped "" reopens at once
            continue;
        }
        if (c == u'"') {
            inQuotes = content = true;
        } else if (isLineBreak(c)) {
            if (content)
                break;
            comma = semicolon = false; // a line without content is skipped, it is not the header
        } else if (c == u',') {
            comma = true;
        } else if (c == u';') {
            semicolon = true;
        } else if (!c.isSpace()) {
            content = true;
        }
    }
    return semicolon && !comma ? u';' : u',';
}

struct Record {
    QStringList fields;
    int line = 0;
};

class Parser {
public:
    Parser(QStringView text, QChar sep, const QString& file, int firstLine)
        : m_s(text), m_sep(sep), m_file(file), m_line(firstLine) {}

    bool atEnd() const { return m_i >= m_s.size(); }
    // Once the header is known, errors name the column.
    void setHeader(const QStringList* header) { m_header = header; }

    // The next record; an empty field list for a line without content (only spaces, separators, "").
    Result<Record> next() {
        Record r;
        r.line = m_line;
        bool content = false;
        for (;;) {
            const qsizetype column = r.fields.size() + 1;
            while (m_i < m_s.size() && isBlank(m_s[m_i], m_sep))
                ++m_i;
            QString field;
            if (m_i < m_s.size() && m_s[m_i] == u'"') {
                const int startLine = m_line;
                ++m_i;
                for (;;) {
                    if (m_i >= m_s.size())
                        return located(m_file, startLine, column, columnName(column),
                                       tr("the quoted field is not closed (a \" is missing)"));
                    const QChar c = m_s[m_i];
                    if (c == u'"') {
                        if (m_i + 1 < m_s.size() && m_s[m_i + 1] == u'"') {
                            field += u'"';
                            m_i += 2;
                            continue;
                        }
                        ++m_i;
                        break;
                    }
                    if (isLineBreak(c)) {
                        consumeLineBreak();
                        field += u'\n';
                        continue;
                    }
                    field += c;
                    ++m_i;
                }
                while (m_i < m_s.size() && isBlank(m_s[m_i], m_sep))
                    ++m_i;
                if (m_i < m_s.size() && m_s[m_i] != m_sep && !isLineBreak(m_s[m_i]))
                    return located(m_file, m_line, column, columnName(column),
                                   tr("unexpected text after the closing quote; a quote inside a quoted field is "
                                      "written as \"\""));
                if (!field.isEmpty())
                    content = true;
            } else {
                const qsizetype start = m_i;
                while (m_i < m_s.size() && m_s[m_i] != m_sep && !isLineBreak(m_s[m_i]))
                    ++m_i;
                field = m_s.mid(start, m_i - start).trimmed().toString();
                // Only separators (of either kind) and spaces: an "empty" line of a spreadsheet export.
                for (const QChar c : std::as_const(field))
                    if (c != u',' && c != u';' && !c.isSpace())
                        content = true;
            }
            r.fields << field;
            if (m_i < m_s.size() && m_s[m_i] == m_sep) {
                ++m_i;
                continue;
            }
            if (m_i < m_s.size())
                consumeLineBreak();
            break;
        }
        if (!content)
            r.fields.clear();
        return r;
    }

private:
    QString columnName(qsizetype column) const { return m_header ? m_header->value(column - 1) : QString(); }

    void consumeLineBreak() {
        if (m_s[m_i] == u'\r' && m_i + 1 < m_s.size() && m_s[m_i + 1] == u'\n')
            ++m_i;
        ++m_i;
        ++m_line;
    }

    QStringView m_s;
    QChar m_sep;
    const QString& m_file;
    const QStringList* m_header = nullptr;
    qsizetype m_i = 0;
    int m_line;
};

Status checkHeader(const Table& t, int line, const QStringList& requiredColumns) {
    for (qsizetype c = 0; c < t.header.size(); ++c) {
        if (t.header[c].isEmpty())
            return located(t.file, line, c + 1, QString(), tr("the column has no name in the header"));
        for (qsizetype prev = 0; prev < c; ++prev)
            if (t.header[prev].compare(t.header[c], Qt::CaseInsensitive) == 0)
                return located(t.file, line, c + 1, t.header[c],
                               tr("the column name is repeated (it is also column %1)").arg(prev + 1));
    }
    QStringList missing;
    for (const QString& name : requiredColumns)
        if (t.columnIndex(name) < 0)
            missing << name.trimmed();
    if (!missing.isEmpty())
        return located(t.file, line, 0, QString(),
                       tr("the header lacks the required columns: %1").arg(missing.join(QStringLiteral(", "))));
    return {};
}

} // namespace

qsizetype Table::columnIndex(const QString& name) const {
    const QString wanted = name.trimmed();
    for (qsizetype i = 0; i < header.size(); ++i)
        if (header[i].compare(wanted, Qt::CaseInsensitive) == 0)
            return i;
    return -1;
}

Result<Table> parse(const QByteArray& bytes, const QString& fileName, const QStringList& requiredColumns,
                    qsizetype maxBytes) {
    if (bytes.size() > maxBytes)
        return tooLarge(fileName, bytes.size(), maxBytes);
    if (bytes.startsWith("\xff\xfe") || bytes.startsWith("\xfe\xff"))
        return makeError(ErrorCode::InvalidInput,
                         fileName + QStringLiteral(": ") +
                             tr("the file is in UTF-16 encoding; save it as CSV in UTF-8 (in Excel: «CSV UTF-8»)"));
    const qsizetype start = bytes.startsWith("\xef\xbb\xbf") ? 3 : 0;
    if (const qsizetype bad = firstInvalidUtf8(bytes, start); bad >= 0)
        return located(fileName, lineOfOffset(bytes, bad), 0, QString(),
                       tr("the text is not in UTF-8 encoding; save the file as CSV in UTF-8 (in Excel: «CSV UTF-8»)"));
    if (const qsizetype nul = bytes.indexOf('\0'); nul >= 0)
        return located(fileName, lineOfOffset(bytes, nul), 0, QString(),
                       tr("the file contains binary data; is it a spreadsheet rather than a CSV text file?"));

    const QString text = QString::fromUtf8(QByteArrayView(bytes).sliced(start));
    Table t;
    t.file = fileName;
    int firstLine = 1;
    qsizetype skip = 0;
    // Excel's "sep=;" line names the separator.
    if (text.startsWith(QLatin1String("sep="), Qt::CaseInsensitive) && text.size() >= 5 &&
        (text.size() == 5 || isLineBreak(text[5])) && text[4] != u' ' && text[4] != u'"' && !isLineBreak(text[4])) {
        t.separator = text[4];
        skip = text.size() == 5 ? 5 : (QStringView(text).mid(5, 2) == u"\r\n" ? 7 : 6);
        firstLine = 2;
    } else {
        t.separator = detectSeparator(text);
    }

    Parser parser(QStringView(text).sliced(skip), t.separator, fileName, firstLine);
    bool haveHeader = false;
    while (!parser.atEnd()) {
        TABEL_ASSIGN_OR_RETURN(Record r, parser.next());
        if (r.fields.isEmpty())
            continue;
        if (!haveHeader) {
            for (QString& name : r.fields)
                name = name.trimmed();
            t.header = std::move(r.fields);
            haveHeader = true;
            TABEL_TRY(checkHeader(t, r.line, requiredColumns));
            parser.setHeader(&t.header);
            continue;
        }
        if (r.fields.size() != t.header.size()) {
            const qsizetype expected = t.header.size(), actual = r.fields.size();
            // Points at the first extra field, or at the first missing one.
            const qsizetype column = actual > expected ? expected + 1 : actual + 1;
            const QString name = actual > expected ? QString() : t.header[column - 1];
            return located(fileName, r.line, column, name,
                           tr("expected %1 fields as in the header, found %2").arg(expected).arg(actual));
        }
        t.rows << std::move(r.fields);
        t.lineOfRow << r.line;
    }
    if (!haveHeader)
        return makeError(ErrorCode::InvalidInput, fileName + QStringLiteral(": ") + tr("the file is empty"));
    return t;
}

Result<Table> readFile(const QString& path, const QStringList& requiredColumns, qsizetype maxBytes) {
    const QFileInfo info(path);
    if (!info.exists())
        return makeError(ErrorCode::NotFound, tr("%1: the file does not exist").arg(path));
    if (!info.isFile())
        return makeError(ErrorCode::Io, tr("%1: not a regular file").arg(path));
    if (info.size() > maxBytes)
        return tooLarge(info.fileName(), info.size(), maxBytes);
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, tr("%1: cannot open the file: %2").arg(path, f.errorString()));
    const QByteArray bytes = f.read(maxBytes + 1);
    if (f.error() != QFileDevice::NoError)
        return makeError(ErrorCode::Io, tr("%1: cannot read the file: %2").arg(path, f.errorString()));
    return parse(bytes, info.fileName(), requiredColumns, maxBytes);
}

int RowView::line() const {
    return m_table->lineOfRow.value(m_row);
}

QString RowView::text(const QString& column) const {
    const qsizetype c = m_table->columnIndex(column);
    return c < 0 ? QString() : m_table->rows[m_row].value(c);
}

Error RowView::error(const QString& column, const QString& problem) const {
    if (column.isEmpty())
        return located(m_table->file, line(), 0, QString(), problem);
    const qsizetype c = m_table->columnIndex(column);
    return located(m_table->file, line(), c + 1, c < 0 ? column.trimmed() : m_table->header[c], problem);
}

Result<QString> RowView::required(const QString& column) const {
    if (!hasColumn(column))
        return error(column, tr("the file has no such column"));
    QString v = text(column);
    if (v.trimmed().isEmpty())
        return error(column, tr("the field is empty"));
    return v;
}

Result<int> RowView::integer(const QString& column, int min, int max) const {
    TABEL_ASSIGN_OR_RETURN(const QString v, required(column));
    bool ok = false;
    const qlonglong n = v.trimmed().toLongLong(&ok);
    if (!ok)
        return error(column, tr("«%1» is not a whole number").arg(v));
    if (n < min || n > max)
        return error(column, tr("%1 is not between %2 and %3").arg(n).arg(min).arg(max));
    return int(n);
}

Result<QDate> RowView::date(const QString& column) const {
    TABEL_ASSIGN_OR_RETURN(const QString v, required(column));
    static const QRegularExpression iso(QStringLiteral("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$"));
    static const QRegularExpression russian(QStringLiteral("^([0-9]{1,2})\\.([0-9]{1,2})\\.([0-9]{4})$"));
    const QString s = v.trimmed();
    QDate d;
    if (const auto m = iso.match(s); m.hasMatch())
        d = QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    else if (const auto m2 = russian.match(s); m2.hasMatch())
        d = QDate(m2.captured(3).toInt(), m2.captured(2).toInt(), m2.captured(1).toInt());
    else
        return error(column, tr("«%1» is not a date; write it as 2026-09-01 or 01.09.2026").arg(v));
    if (!d.isValid())
        return error(column, tr("«%1» is not a valid date").arg(v));
    return d;
}

} // namespace tabel::csv
