#include "shared/documents/pdf.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

#include <mutex>

namespace tabel::documents {

namespace {

QString tr(const char* s) {
    return QCoreApplication::translate("tabel::documents", s);
}

const QString kFontFamily = QStringLiteral("Liberation Serif");
const QString kFontDir = QStringLiteral("/usr/share/fonts/truetype/liberation2/");
constexpr double kBodyPoints = 11;
constexpr double kFooterPoints = 9;
// Margins in millimetres as Russian office documents have them (ГОСТ Р 7.0.97: left 20, right 10, top and
// bottom 20); the foot of the page holds the page number inside the bottom margin.
const QMarginsF kMarginsMm{20, 15, 10, 20};

// The Liberation Serif faces, registered with Qt once per process: not found through fontconfig, which the
// offscreen platform may not use, but loaded from Debian's files.
Status loadFonts() {
    static std::once_flag once;
    static Status loaded;
    std::call_once(once, [] {
        for (const char* face : {"Regular", "Bold", "Italic", "BoldItalic"}) {
            const QString path = kFontDir + QStringLiteral("LiberationSerif-%1.ttf").arg(QLatin1String(face));
            if (QFontDatabase::addApplicationFont(path) < 0) {
                loaded = makeError(ErrorCode::Unsupported,
                                   tr("the font Liberation Serif is not installed (%1 cannot be read); install "
                                      "Debian's package fonts-liberation2, or run deploy/install-deps.sh")
                                       .arg(path));
                return;
            }
        }
    });
    return loaded;
}

QPageLayout::Orientation qtOrientation(Orientation o) {
    return o == Orientation::Landscape ? QPageLayout::Landscape : QPageLayout::Portrait;
}

// Lays the document out for the writer's pages and, when painter is given, paints it with the page numbers.
int layOut(const Document& document, QPdfWriter& writer, QPainter* painter) {
    QTextDocument text;
    QFont body(kFontFamily);
    body.setPointSizeF(kBodyPoints);
    text.setDefaultFont(body);
    text.documentLayout()->setPaintDevice(&writer);
    text.setHtml(document.html);

    const QRectF area = writer.pageLayout().paintRectPixels(writer.resolution());
    QFont footFont(kFontFamily);
    footFont.setPointSizeF(kFooterPoints);
    const QFontMetricsF footMetrics(footFont, &writer);
    const double footHeight = footMetrics.height() * 2;
    const QSizeF page(area.width(), area.height() - footHeight);
    text.setPageSize(page);
    const int pages = text.pageCount();
    if (!painter)
        return pages;
    for (int i = 0; i < pages; ++i) {
        if (i > 0)
            writer.newPage();
        painter->save();
        painter->translate(0, -i * page.height());
        text.drawContents(painter, QRectF(0, i * page.height(), page.width(), page.height()));
        painter->restore();
        painter->setFont(footFont);
        painter->drawText(QRectF(0, page.height(), page.width(), footHeight), Qt::AlignHCenter | Qt::AlignBottom,
                          QStringLiteral("Страница %1 из %2").arg(i + 1).arg(pages));
    }
    return pages;
}

void setUp(QPdfWriter& writer, const Document& document) {
    writer.setPdfVersion(QPagedPaintDevice::PdfVersion_A1b);
    writer.setResolution(300);
    writer.setTitle(document.form.title);
    writer.setCreator(QStringLiteral("tabel"));
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), qtOrientation(document.form.orientation), kMarginsMm,
                                     QPageLayout::Millimeter));
}

Status canPrint() {
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        return makeError(ErrorCode::Internal, tr("printing needs the program's graphics part, which was not started"));
    return loadFonts();
}

} // namespace

Result<Output> renderPdf(const Document& document) {
    TABEL_TRY(canPrint());
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    int pages = 0;
    {
        QPdfWriter writer(&buffer);
        setUp(writer, document);
        QPainter painter;
        if (!painter.begin(&writer))
            return makeError(ErrorCode::Internal, tr("the PDF of «%1» could not be started").arg(document.form.title));
        pages = layOut(document, writer, &painter);
        painter.end();
    }
    return Output{buffer.data(), pages};
}

Result<Output> renderHtml(const Document& document) {
    TABEL_TRY(canPrint());
    QBuffer sink;
    sink.open(QIODevice::WriteOnly);
    QPdfWriter writer(&sink); // never painted on: it only measures the pages
    setUp(writer, document);
    return Output{document.html.toUtf8(), layOut(document, writer, nullptr)};
}

Result<Output> render(const Document& document, Format format) {
    switch (format) {
    case Format::Pdf:
        return renderPdf(document);
    case Format::Html:
        return renderHtml(document);
    case Format::Xlsx:
        break;
    }
    return makeError(ErrorCode::Unsupported, tr("«%1» has no Excel form").arg(document.form.title));
}

} // namespace tabel::documents
