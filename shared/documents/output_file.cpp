#include "shared/documents/output_file.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace tabel::documents {

namespace {

QString tr(const char* s) {
    return QCoreApplication::translate("tabel::documents", s);
}

QString extensions(const QList<Format>& allowed) {
    QStringList names;
    for (Format f : allowed)
        names << QLatin1Char('.') + formatName(f);
    const QString last = names.takeLast();
    return names.isEmpty() ? last : tr("%1 or %2").arg(names.join(QStringLiteral(", ")), last);
}

} // namespace

Result<std::unique_ptr<OutputFile>> OutputFile::open(const QString& path, const QList<Format>& allowed) {
    if (path.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidArgument, tr("--out: give the file to write, e.g. --out 7А-q1.pdf"));
    const std::optional<Format> format = formatOfPath(path);
    if (!format || !allowed.contains(*format))
        return makeError(
            ErrorCode::InvalidArgument,
            tr("--out: «%1» must end in %2; the extension chooses the format").arg(path, extensions(allowed)));
    if (QFileInfo(path).isDir())
        return makeError(ErrorCode::InvalidArgument, tr("--out: %1 is a folder; give a file name in it").arg(path));
    const QFileInfo dir(QFileInfo(path).absolutePath());
    if (!dir.isDir())
        return makeError(ErrorCode::NotFound,
                         tr("the folder %1 does not exist; create it or choose another place for the file")
                             .arg(dir.absoluteFilePath()));
    std::unique_ptr<OutputFile> out(new OutputFile(path, *format));
    if (!out->m_file.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io, tr("%1 cannot be written: %2; choose a folder you may write to")
                                            .arg(out->path(), out->m_file.errorString()));
    return out;
}

QString OutputFile::path() const {
    return QFileInfo(m_file.fileName()).absoluteFilePath();
}

Status OutputFile::publish(const QByteArray& bytes) {
    if (m_file.write(bytes) != bytes.size() || !m_file.commit())
        return makeError(ErrorCode::Io,
                         tr("%1 could not be written: %2; nothing was registered").arg(path(), m_file.errorString()));
    m_published = true;
    return {};
}

void OutputFile::withdraw() {
    if (m_published)
        QFile::remove(path());
    m_published = false;
}

Result<Output> renderForm(Format format, const std::function<Result<Document>()>& page,
                          const std::function<Workbook()>& workbook) {
    if (format == Format::Xlsx) {
        TABEL_ASSIGN_OR_RETURN(QByteArray bytes, writeXlsx(workbook()));
        return Output{std::move(bytes), 0};
    }
    TABEL_ASSIGN_OR_RETURN(const Document document, page());
    return render(document, format);
}

} // namespace tabel::documents
