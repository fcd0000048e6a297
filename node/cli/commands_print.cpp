// Printing on the teacher's computer, offline (issue 11 item 3): her classes' journal and КТП through the same
// forms as the hub's (shared/documents), each print numbered in this computer's register (2.5.10).
#include "node/cli/handlers.h"
#include "node/cli/table.h"

#include "node/print/print_service.h"
#include "shared/documents/output_file.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace tabel::node::cli {

namespace {

QString tr(const char* s) {
    return QCoreApplication::translate("tabel-node", s);
}

} // namespace

Status cmdPrintJournal(Session& s) {
    const Invocation& inv = s.inv();
    JournalPrintRequest request;
    TABEL_ASSIGN_OR_RETURN(request.classId, idOption(inv, QStringLiteral("class")));
    TABEL_ASSIGN_OR_RETURN(request.subjectId, idOption(inv, QStringLiteral("subject")));
    if (inv.has(QStringLiteral("group"))) {
        TABEL_ASSIGN_OR_RETURN(request.groupId, idOption(inv, QStringLiteral("group")));
    }
    if (inv.has(QStringLiteral("period"))) {
        if (inv.has(QStringLiteral("from")) || inv.has(QStringLiteral("to")))
            return usageError(tr("give either --period or --from and --to"));
        TABEL_ASSIGN_OR_RETURN(request.periodId, idOption(inv, QStringLiteral("period")));
    } else {
        TABEL_ASSIGN_OR_RETURN(request.to, dateOption(inv, QStringLiteral("to"), QDate::currentDate()));
        TABEL_ASSIGN_OR_RETURN(request.from, dateOption(inv, QStringLiteral("from"), schoolYearStart(request.to)));
    }
    TABEL_ASSIGN_OR_RETURN(
        const std::unique_ptr<documents::OutputFile> out,
        documents::OutputFile::open(inv.value(QStringLiteral("out")),
                                    {documents::Format::Pdf, documents::Format::Html, documents::Format::Xlsx}));
    TABEL_TRY(s.open());
    Result<NodePrint> printed = printJournal(s.store(), s.journal(), request, out->format(),
                                             [&](const QByteArray& bytes) { return out->publish(bytes); });
    if (!printed) {
        out->withdraw(); // published, but the register's commit failed: no print without its entry
        return printed.error();
    }
    printOut(tr("%1 is printed to %2: print number %3 of this computer")
                 .arg(printed->title, out->path())
                 .arg(printed->record.number));
    return {};
}

Status cmdPrintKtp(Session& s) {
    const Invocation& inv = s.inv();
    TABEL_ASSIGN_OR_RETURN(const QString klass, idOption(inv, QStringLiteral("class")));
    TABEL_ASSIGN_OR_RETURN(const QString subject, idOption(inv, QStringLiteral("subject")));
    TABEL_ASSIGN_OR_RETURN(const std::unique_ptr<documents::OutputFile> out,
                           documents::OutputFile::open(inv.value(QStringLiteral("out")),
                                                       {documents::Format::Pdf, documents::Format::Html}));
    TABEL_TRY(s.open());
    Result<NodePrint> printed = printKtp(s.store(), s.journal(), klass, subject, out->format(),
                                         [&](const QByteArray& bytes) { return out->publish(bytes); });
    if (!printed) {
        out->withdraw();
        return printed.error();
    }
    printOut(tr("%1 is printed to %2: print number %3 of this computer")
                 .arg(printed->title, out->path())
                 .arg(printed->record.number));
    return {};
}

Status cmdPrintsList(Session& s) {
    TABEL_TRY(s.open());
    TABEL_ASSIGN_OR_RETURN(const QList<NodeStore::PrintRecord> all, s.store().prints());
    if (s.inv().has(QStringLiteral("json"))) {
        QJsonArray rows;
        for (const NodeStore::PrintRecord& r : all)
            rows.append(QJsonObject{{QStringLiteral("number"), r.number},
                                    {QStringLiteral("printed"), r.printed.toString(Qt::ISODateWithMs)},
                                    {QStringLiteral("who"), r.who},
                                    {QStringLiteral("form"), r.form},
                                    {QStringLiteral("parameters"), r.parameters},
                                    {QStringLiteral("format"), r.format},
                                    {QStringLiteral("pages"), r.pages},
                                    {QStringLiteral("bytes"), r.bytes},
                                    {QStringLiteral("sha256"), QString::fromLatin1(r.sha256.toHex())},
                                    {QStringLiteral("reported"), r.reported}});
        printJson(QJsonDocument(rows));
        return {};
    }
    if (all.isEmpty()) {
        printOut(tr("nothing has been printed on this computer yet"));
        return {};
    }
    TextTable table;
    table.header << tr("number") << tr("printed") << tr("form") << tr("parameters") << tr("format") << tr("pages")
                 << QStringLiteral("SHA-256");
    for (const NodeStore::PrintRecord& r : all)
        table.rows << QStringList{QString::number(r.number),
                                  formatDateTime(r.printed),
                                  r.form,
                                  r.parameters,
                                  r.format,
                                  r.pages > 0 ? QString::number(r.pages) : QStringLiteral("—"),
                                  QString::fromLatin1(r.sha256.toHex().left(16)) + QStringLiteral("…")};
    printOut(table.render());
    return {};
}

Status cmdPrintsVerify(Session& s) {
    const QString path = s.inv().positionals.value(0);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::NotFound, tr("%1 cannot be read: %2").arg(path, file.errorString()));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return makeError(ErrorCode::Io, tr("%1 cannot be read: %2").arg(path, file.errorString()));
    TABEL_TRY(s.open());
    TABEL_ASSIGN_OR_RETURN(const QList<NodeStore::PrintRecord> found, s.store().prints(hash.result()));
    if (found.isEmpty())
        return makeError(ErrorCode::NotFound, tr("%1 is not a print registered on this computer: it was changed after "
                                                 "printing, or printed elsewhere")
                                                  .arg(path));
    for (const NodeStore::PrintRecord& r : found)
        printOut(tr("%1 is print number %2 of this computer: %3 (%4), printed %5")
                     .arg(path)
                     .arg(r.number)
                     .arg(r.form, r.parameters, formatDateTime(r.printed)));
    return {};
}

} // namespace tabel::node::cli
