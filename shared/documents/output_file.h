// Where a print goes (issue 11 item 7), shared by `tabel-hub print` and `tabel-node print`: the format chosen by
// the file's extension, a folder that exists, the file written beside its target (QSaveFile) and renamed into
// place only inside the print's registration, so a failed print leaves no file, no half-written file, and a file
// already at that path untouched.
#pragma once

#include "shared/core/result.h"
#include "shared/documents/document.h"
#include "shared/documents/pdf.h"
#include "shared/documents/xlsx.h"

#include <QByteArray>
#include <QList>
#include <QSaveFile>
#include <QString>

#include <functional>
#include <memory>

namespace tabel::documents {

class OutputFile {
public:
    // InvalidArgument when the path is empty, a folder, or ends in an extension the form has no output for;
    // NotFound when its folder does not exist; Io when it cannot be written there.
    [[nodiscard]] static Result<std::unique_ptr<OutputFile>> open(const QString& path, const QList<Format>& allowed);
    Format format() const { return m_format; }
    QString path() const; // absolute
    // Writes the bytes and renames the file into place; Io when that fails (then nothing is at the path).
    [[nodiscard]] Status publish(const QByteArray& bytes);
    // After a publish whose registration did not commit: removes the file again.
    void withdraw();

private:
    OutputFile(const QString& path, Format format) : m_file(path), m_format(format) {}
    QSaveFile m_file;
    Format m_format;
    bool m_published = false;
};

// A form in the file's format: its page as PDF or HTML, or its table as XLSX (pages 0).
[[nodiscard]] Result<Output> renderForm(Format format, const std::function<Result<Document>()>& page,
                                        const std::function<Workbook()>& workbook);

} // namespace tabel::documents
