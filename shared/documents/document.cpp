#include "shared/documents/document.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <kainjow/mustache.hpp>

#include <string>

namespace tabel::documents {

namespace {

QString tr(const char* s) {
    return QCoreApplication::translate("tabel::documents", s);
}

using Data = kainjow::mustache::data;

// QVariant → Mustache data: maps become objects, lists lists, booleans flags (for {{#section}}), anything else
// its text.
Data toData(const QVariant& v) {
    switch (v.typeId()) {
    case QMetaType::QVariantMap: {
        Data object{Data::type::object};
        const QVariantMap map = v.toMap();
        for (auto it = map.begin(); it != map.end(); ++it)
            object.set(it.key().toStdString(), toData(it.value()));
        return object;
    }
    case QMetaType::QVariantList:
    case QMetaType::QStringList: {
        Data list{Data::type::list};
        for (const QVariant& item : v.toList())
            list.push_back(toData(item));
        return list;
    }
    case QMetaType::Bool:
        return v.toBool() ? Data{Data::type::bool_true} : Data{Data::type::bool_false};
    default:
        return Data{v.toString().toStdString()};
    }
}

} // namespace

Result<Document> compose(const Form& form, const QVariantMap& content) {
    QFile file(QStringLiteral(":/forms/%1.html").arg(form.name));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::InvalidArgument, tr("there is no form «%1»").arg(form.name));
    kainjow::mustache::mustache tmpl{file.readAll().toStdString()};
    if (!tmpl.is_valid())
        return makeError(ErrorCode::Internal, tr("the template of form «%1» is not valid: %2")
                                                  .arg(form.name, QString::fromStdString(tmpl.error_message())));
    QVariantMap all = content;
    all.insert(QStringLiteral("title"), form.title);
    Data data = toData(all);
    // The parts every form shares ({{> page_start}}: the page's head, the school's header and the registration;
    // {{> page_end}}: the signature lines and the seal), from templates/partials/.
    const QDir partials(QStringLiteral(":/forms/partials"));
    for (const QString& partName : partials.entryList(QDir::Files)) {
        QFile part(partials.filePath(partName));
        if (!part.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::Internal, tr("the part %1 of the forms cannot be read").arg(partName));
        const std::string text = part.readAll().toStdString();
        data.set(QFileInfo(partName).completeBaseName().toStdString(),
                 Data{kainjow::mustache::partial{[text] { return text; }}});
    }
    const std::string html = tmpl.render(data);
    if (!tmpl.is_valid())
        return makeError(
            ErrorCode::Internal,
            tr("form «%1» could not be filled: %2").arg(form.name, QString::fromStdString(tmpl.error_message())));
    return Document{form, QString::fromStdString(html)};
}

std::optional<Format> formatOfPath(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("pdf"))
        return Format::Pdf;
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm"))
        return Format::Html;
    if (suffix == QLatin1String("xlsx"))
        return Format::Xlsx;
    return std::nullopt;
}

QString formatName(Format format) {
    switch (format) {
    case Format::Pdf:
        return QStringLiteral("pdf");
    case Format::Html:
        return QStringLiteral("html");
    case Format::Xlsx:
        break;
    }
    return QStringLiteral("xlsx");
}

} // namespace tabel::documents
