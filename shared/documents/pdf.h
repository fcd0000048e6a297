// A composed document laid out on A4 pages as PDF/A-1b (ISO 19005-1, level B: what Qt 6.4's QPdfWriter writes
// with PdfVersion_A1b — every font embedded, an sRGB output intent, XMP metadata with the pdfaid claim). Text is
// set in Liberation Serif (Debian's fonts-liberation2, metric-compatible with Times New Roman, as Russian forms
// expect), embedded as subsets with a ToUnicode map so the text can be extracted and searched. Each page carries
// «Страница N из M» at its foot. Needs a QGuiApplication (the offscreen platform serves: nothing is shown).
//
// How the claim is checked: tests/documents reads every PDF it makes back with poppler (pdftotext for the text
// in order, pdffonts for embedding, pdfinfo for pages, size and the XMP pdfaid claim). Debian 12 has no full
// PDF/A validator (veraPDF is not packaged); what is not checked is listed in shared/documents/README.md.
#pragma once

#include "shared/core/result.h"
#include "shared/documents/document.h"

#include <QByteArray>

namespace tabel::documents {

struct Output {
    QByteArray bytes;
    int pages = 0; // as printed: the PDF's pages, and for HTML the pages its PDF has
};

// The PDF of the document. Unsupported when the program has no QGuiApplication or the fonts are not installed
// (the message says which package to install).
[[nodiscard]] Result<Output> renderPdf(const Document& document);
// The HTML page itself, with the page count its PDF would have.
[[nodiscard]] Result<Output> renderHtml(const Document& document);
// PDF or HTML; Unsupported for XLSX, which is made from a form's table (xlsx.h), not from its page.
[[nodiscard]] Result<Output> render(const Document& document, Format format);

} // namespace tabel::documents
