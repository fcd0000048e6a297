// The document engine (issue 11, regulation 2.5.10): the one place where the hub and the node turn a form into
// print. A form is a template plus a function from its data to its content:
//   - the template is templates/<form>.html, a Mustache template (kainjow::mustache, Debian's
//     libkainjow-mustache-dev) embedded as a Qt resource; every value it inserts is HTML-escaped;
//   - the content is a QVariantMap of texts, lists of maps and flags, made by the form's function beside the
//     data it reads (the summary sheet's in hub/summary/summary_form.cpp, …).
// compose() renders the template into one HTML page: that page is the HTML output as it is, and it is laid out on
// A4 pages for the PDF (pdf.h). Adding a form is a template and a function, not a new pipeline.
#pragma once

#include "shared/core/result.h"

#include <QString>
#include <QVariantMap>

#include <optional>

namespace tabel::documents {

enum class Orientation { Portrait, Landscape };

struct Form {
    QString name;  // the template's file name without ".html": "summary_sheet"
    QString title; // the document's title, for the PDF's metadata and the HTML <title>
    Orientation orientation = Orientation::Portrait;
};

struct Document {
    Form form;
    QString html; // a whole HTML page, UTF-8 when written
};

// InvalidArgument when the form has no template (a programming error the tests catch: every form's template is
// embedded); the content's missing keys render empty, as Mustache does.
[[nodiscard]] Result<Document> compose(const Form& form, const QVariantMap& content);

enum class Format { Pdf, Html, Xlsx };
// By the output file's extension (.pdf, .html or .htm, .xlsx, any case); nullopt for anything else.
std::optional<Format> formatOfPath(const QString& path);
QString formatName(Format format); // "pdf", "html", "xlsx"

} // namespace tabel::documents
