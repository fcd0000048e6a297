#include "shared/documents/xlsx.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>

#include <xlsxwriter.h>

#include <memory>

namespace tabel::documents {

namespace {

QString tr(const char* s) {
    return QCoreApplication::translate("tabel::documents", s);
}

constexpr int kMaxSheetName = 31;
constexpr double kDefaultWidth = 10;

} // namespace

XlsxCell XlsxCell::of(const QString& value) {
    bool ok = false;
    const double n = value.toDouble(&ok);
    XlsxCell c;
    c.text = value;
    if (ok && !value.trimmed().isEmpty())
        c.number = n;
    return c;
}

QString sheetName(const QString& wanted) {
    QString name;
    for (QChar ch : wanted)
        if (!QStringLiteral("[]:*?/\\").contains(ch))
            name += ch;
    name = name.trimmed().left(kMaxSheetName);
    return name.isEmpty() ? QStringLiteral("Лист") : name;
}

Result<QByteArray> writeXlsx(const Workbook& workbook) {
    // libxlsxwriter 1.1 writes to a file only: a private temporary folder (0700), removed at once.
    QTemporaryDir dir;
    if (!dir.isValid())
        return makeError(ErrorCode::Io,
                         tr("a temporary folder for the Excel file cannot be made: %1").arg(dir.errorString()));
    const QByteArray path = QFile::encodeName(dir.filePath(QStringLiteral("print.xlsx")));
    lxw_workbook* book = workbook_new(path.constData());
    if (!book)
        return makeError(ErrorCode::Io, tr("the Excel file cannot be started in %1").arg(dir.path()));

    // The properties' fields are char* in libxlsxwriter 1.1, though only read: buffers of our own.
    QByteArray title = workbook.title.toUtf8();
    QByteArray author("tabel");
    lxw_doc_properties properties{};
    properties.title = title.data();
    properties.author = author.data();
    workbook_set_properties(book, &properties);

    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);
    lxw_format* header = workbook_add_format(book);
    format_set_bold(header);
    format_set_text_wrap(header);
    format_set_border(header, LXW_BORDER_THIN);
    lxw_format* cell = workbook_add_format(book);
    format_set_border(cell, LXW_BORDER_THIN);
    lxw_format* corrected = workbook_add_format(book);
    format_set_border(corrected, LXW_BORDER_THIN);
    format_set_italic(corrected);

    for (const XlsxSheet& s : workbook.sheets) {
        const QByteArray name = sheetName(s.name).toUtf8();
        lxw_worksheet* sheet = workbook_add_worksheet(book, name.constData());
        if (!sheet) {
            workbook_close(book);
            return makeError(ErrorCode::Internal, tr("the Excel sheet «%1» cannot be added").arg(s.name));
        }
        lxw_row_t row = 0;
        for (const QString& line : s.title) {
            worksheet_write_string(sheet, row, 0, line.toUtf8().constData(), row == 0 ? bold : nullptr);
            ++row;
        }
        if (!s.title.isEmpty())
            ++row; // a blank line between the title and the table
        const lxw_row_t headerRow = row;
        for (int c = 0; c < s.header.size(); ++c)
            worksheet_write_string(sheet, headerRow, lxw_col_t(c), s.header[c].toUtf8().constData(), header);
        row = headerRow + 1;
        for (const QList<XlsxCell>& cells : s.rows) {
            for (int c = 0; c < cells.size(); ++c) {
                const XlsxCell& x = cells[c];
                lxw_format* format = x.emphasised ? corrected : cell;
                if (x.number)
                    worksheet_write_number(sheet, row, lxw_col_t(c), *x.number, format);
                else
                    worksheet_write_string(sheet, row, lxw_col_t(c), x.text.toUtf8().constData(), format);
                if (!x.note.isEmpty())
                    worksheet_write_comment(sheet, row, lxw_col_t(c), x.note.toUtf8().constData());
            }
            ++row;
        }
        const qsizetype columns = std::max(s.header.size(), s.widths.size());
        for (qsizetype c = 0; c < columns; ++c)
            worksheet_set_column(sheet, lxw_col_t(c), lxw_col_t(c), s.widths.value(c, kDefaultWidth), nullptr);
        worksheet_freeze_panes(sheet, headerRow + 1, lxw_col_t(s.frozenColumns));
    }
    if (const lxw_error e = workbook_close(book); e != LXW_NO_ERROR)
        return makeError(ErrorCode::Io,
                         tr("the Excel file could not be written: %1").arg(QString::fromUtf8(lxw_strerror(e))));
    QFile file(dir.filePath(QStringLiteral("print.xlsx")));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, tr("the Excel file cannot be read back: %1").arg(file.errorString()));
    return file.readAll();
}

} // namespace tabel::documents
