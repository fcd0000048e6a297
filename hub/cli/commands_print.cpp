#include "hub/cli/commands_print.h"
#include "hub/cli/commands_summary.h"

#include "hub/documents/extract_form.h"
#include "hub/documents/journal_data.h"
#include "hub/documents/ktp_data.h"
#include "hub/documents/substitution_form.h"
#include "hub/documents/summary_form.h"
#include "hub/store/hub_store.h"
#include "hub/summary/summary.h"
#include "shared/documents/output_file.h"
#include "shared/domain/model.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace tabel::hub::cli {

namespace {

constexpr qint64 kMaxVerifiedBytes = qint64(1) << 30; // a print is megabytes; a gigabyte is not one of ours

Result<domain::SchoolProfile> schoolProfile(const sync::RegisterView& state) {
    return domain::SchoolProfile::fromStored(state.fieldsOf(domain::SchoolProfile::key()));
}

const QList<documents::Format> kAllFormats{documents::Format::Pdf, documents::Format::Html, documents::Format::Xlsx};
const QList<documents::Format> kPageFormats{documents::Format::Pdf, documents::Format::Html};

// Makes the print with the register's number on it, registers it, and renames the file into place inside the
// registration (shared/documents/output_file.h): no half-written file, no file without its entry.
Result<HubStore::PrintRecord>
printRegistered(HubStore& store, const QString& formName, const QString& parameters, documents::OutputFile& out,
                const std::function<Result<documents::Output>(const documents::PrintStamp&)>& make) {
    Result<HubStore::PrintRecord> record = store.registerPrint(
        formName, parameters, documents::formatName(out.format()),
        [&](qint64 number, const QDateTime& printed) -> Result<HubStore::Printed> {
            TABEL_ASSIGN_OR_RETURN(const documents::Output output, make({number, printed, {}}));
            return HubStore::Printed{output.bytes, output.pages};
        },
        [&](const QByteArray& bytes) { return out.publish(bytes); }, QDateTime::currentMSecsSinceEpoch());
    if (!record)
        out.withdraw(); // published, but the register's commit failed: no print without its entry
    return record;
}

QString hex(const QByteArray& bytes) {
    return QString::fromLatin1(bytes.toHex());
}

QJsonObject printJson(const HubStore::PrintRecord& r) {
    return {{QStringLiteral("number"), r.number}, {QStringLiteral("printed"), r.printed.toString(Qt::ISODateWithMs)},
            {QStringLiteral("who"), r.who},       {QStringLiteral("origin"), r.origin},
            {QStringLiteral("form"), r.form},     {QStringLiteral("parameters"), r.parameters},
            {QStringLiteral("format"), r.format}, {QStringLiteral("pages"), r.pages},
            {QStringLiteral("bytes"), r.bytes},   {QStringLiteral("sha256"), hex(r.sha256)}};
}

QString formName(const QString& form) {
    if (form == QLatin1String("summary"))
        return t("summary sheet");
    if (form == QLatin1String("journal"))
        return t("class journal");
    if (form == QLatin1String("substitutions"))
        return t("substitution journal");
    if (form == QLatin1String("extract"))
        return t("extract of current marks");
    if (form == QLatin1String("ktp"))
        return t("КТП and its correction sheet");
    return form;
}

} // namespace

Status cmdPrintSummary(const Invocation& inv) {
    TABEL_ASSIGN_OR_RETURN(const SummaryOptions options, summaryOptions(inv));
    const QString& classId = options.classId;
    const QString& periodId = options.periodId;
    TABEL_ASSIGN_OR_RETURN(const std::unique_ptr<documents::OutputFile> out,
                           documents::OutputFile::open(inv.value(QStringLiteral("out")), kAllFormats));

    TABEL_ASSIGN_OR_RETURN(HubStore store, HubStore::open(inv.storeDir));
    TABEL_ASSIGN_OR_RETURN(const sync::RegisterView* state, store.currentState());
    TABEL_ASSIGN_OR_RETURN(const QList<NodeRecord> nodes, store.nodes());
    TABEL_ASSIGN_OR_RETURN(const domain::SchoolProfile school, schoolProfile(*state));
    const QDateTime formed = QDateTime::currentDateTimeUtc();
    TABEL_ASSIGN_OR_RETURN(const SummarySheet sheet, buildSummary(*state, nodes, classId, periodId, formed));
    bool anyMark = false;
    for (const SummaryRow& r : sheet.rows)
        for (const SummaryCell& c : r.cells)
            anyMark = anyMark || !c.value.isEmpty();
    if (!anyMark)
        return makeError(ErrorCode::NotFound,
                         periodId.isEmpty()
                             ? t("class %1 has no period marks yet, so its summary sheet would be empty; print it "
                                 "when the teachers have given period marks and synced")
                                   .arg(classId)
                             : t("class %1 has no period marks for %2 yet, so the sheet would be empty; check the "
                                 "period («tabel-hub period list» shows the calendar) or print it after the teachers "
                                 "have given the marks and synced")
                                   .arg(classId, sheet.periodTitles.value(periodId, periodId)));

    const QString parameters =
        QStringLiteral("class=%1 period=%2").arg(classId, periodId.isEmpty() ? QStringLiteral("*") : periodId);
    TABEL_ASSIGN_OR_RETURN(
        const HubStore::PrintRecord record,
        printRegistered(store, QStringLiteral("summary"), parameters, *out, [&](const documents::PrintStamp& stamp) {
            return documents::renderForm(
                out->format(),
                [&] { return documents::compose(summaryForm(sheet), summaryContent(sheet, school, stamp)); },
                [&] { return summaryWorkbook(sheet, school, stamp); });
        }));
    if (out->format() == documents::Format::Xlsx)
        printOut(t("the summary sheet of class %1 is written to %2 for Excel, number %3 in the register of prints")
                     .arg(classId, out->path())
                     .arg(record.number));
    else
        printOut(tn("the summary sheet of class %1 is printed to %2: %n page(s), number %3 in the register of prints",
                    record.pages)
                     .arg(classId, out->path())
                     .arg(record.number));
    return {};
}

// 2.5.10: the class journal of a class × subject × group for a period or a span of dates.
Status cmdPrintJournal(const Invocation& inv) {
    QString ids[3] = {inv.value(QStringLiteral("class")).trimmed(), inv.value(QStringLiteral("subject")).trimmed(),
                      inv.values.contains(QStringLiteral("group")) ? inv.value(QStringLiteral("group")).trimmed()
                                                                   : QStringLiteral("all")};
    const char* options[3] = {"--class", "--subject", "--group"};
    for (int i = 0; i < 3; ++i)
        if (auto ok = domain::validateId(ids[i], QString::fromLatin1(options[i])); !ok)
            return usage(ok.error().message);
    const QString& classId = ids[0];
    const QString& subjectId = ids[1];
    const QString& groupId = ids[2];
    const bool byPeriod = inv.values.contains(QStringLiteral("period"));
    const bool byDates = inv.values.contains(QStringLiteral("from")) || inv.values.contains(QStringLiteral("to"));
    if (byPeriod == byDates)
        return usage(t("give either --period (e.g. q1) or --from and --to"));
    TABEL_ASSIGN_OR_RETURN(const std::unique_ptr<documents::OutputFile> out,
                           documents::OutputFile::open(inv.value(QStringLiteral("out")), kAllFormats));

    TABEL_ASSIGN_OR_RETURN(HubStore store, HubStore::open(inv.storeDir));
    QDate from, to;
    QString periodTitle;
    if (byPeriod) {
        const QString periodId = inv.value(QStringLiteral("period")).trimmed();
        TABEL_ASSIGN_OR_RETURN(const auto span, calendarDates(store, periodId, {}));
        std::tie(from, to) = span;
        TABEL_ASSIGN_OR_RETURN(const sync::RegisterView* calendar, store.currentState());
        for (const auto& [key, fields] : calendar->entitiesUnder(QStringLiteral("period/")))
            if (Result<domain::Period> p = domain::Period::fromFields(key, fields); p && p->id == periodId)
                periodTitle = p->title;
    } else {
        TABEL_ASSIGN_OR_RETURN(from, dateOption(inv, QStringLiteral("from")));
        TABEL_ASSIGN_OR_RETURN(to, dateOption(inv, QStringLiteral("to")));
        if (to < from)
            return usage(t("--to %1 is before --from %2").arg(to.toString(Qt::ISODate), from.toString(Qt::ISODate)));
    }
    TABEL_ASSIGN_OR_RETURN(const sync::RegisterView* state, store.currentState());
    TABEL_ASSIGN_OR_RETURN(const domain::SchoolProfile school, schoolProfile(*state));
    TABEL_ASSIGN_OR_RETURN(documents::JournalPrint journal,
                           gatherJournal(*state, classId, subjectId, groupId, from, to));
    journal.periodTitle = periodTitle;
    if (journal.lessons.isEmpty())
        return makeError(ErrorCode::NotFound,
                         t("%1 of class %2 has no lessons between %3 and %4, so the journal would be empty; check the "
                           "dates, or print it after the teachers have synced")
                             .arg(journal.subjectName, classId, from.toString(QStringLiteral("dd.MM.yyyy")),
                                  to.toString(QStringLiteral("dd.MM.yyyy"))));

    const QString parameters =
        QStringLiteral("class=%1 subject=%2 group=%3 from=%4 to=%5")
            .arg(classId, subjectId, groupId, from.toString(Qt::ISODate), to.toString(Qt::ISODate));
    TABEL_ASSIGN_OR_RETURN(
        const HubStore::PrintRecord record,
        printRegistered(store, QStringLiteral("journal"), parameters, *out, [&](const documents::PrintStamp& stamp) {
            return documents::renderForm(
                out->format(),
                [&] {
                    return documents::compose(documents::journalForm(journal),
                                              documents::journalContent(journal, school, stamp));
                },
                [&] { return documents::journalWorkbook(journal, school, stamp); });
        }));
    printOut(t("the journal of %1, class %2, is printed to %3 (%4 lessons, %5 pupils), number %6 in the register of "
               "prints")
                 .arg(journal.subjectName, classId, out->path())
                 .arg(journal.lessons.size())
                 .arg(journal.pupils.size())
                 .arg(record.number));
    return {};
}

// 2.5.4, R-J10: the substitution journal for a span of dates, the whole school or one class.
Status cmdPrintSubstitutions(const Invocation& inv) {
    TABEL_ASSIGN_OR_RETURN(const QDate from, dateOption(inv, QStringLiteral("from")));
    TABEL_ASSIGN_OR_RETURN(const QDate to, dateOption(inv, QStringLiteral("to")));
    if (to < from)
        return usage(t("--to %1 is before --from %2").arg(to.toString(Qt::ISODate), from.toString(Qt::ISODate)));
    const QString classId = inv.value(QStringLiteral("class")).trimmed();
    if (inv.values.contains(QStringLiteral("class")))
        if (auto ok = domain::validateId(classId, QStringLiteral("--class")); !ok)
            return usage(ok.error().message);
    TABEL_ASSIGN_OR_RETURN(const std::unique_ptr<documents::OutputFile> out,
                           documents::OutputFile::open(inv.value(QStringLiteral("out")), kAllFormats));
    TABEL_ASSIGN_OR_RETURN(HubStore store, HubStore::open(inv.storeDir));
    TABEL_ASSIGN_OR_RETURN(const sync::RegisterView* state, store.currentState());
    TABEL_ASSIGN_OR_RETURN(const domain::SchoolProfile school, schoolProfile(*state));
    TABEL_ASSIGN_OR_RETURN(const SubstitutionJournal journal, gatherSubstitutions(*state, from, to, classId));
    const QString parameters = QStringLiteral("class=%1 from=%2 to=%3")
                                   .arg(classId.isEmpty() ? QStringLiteral("*") : classId, from.toString(Qt::ISODate),
                                        to.toString(Qt::ISODate));
    TABEL_ASSIGN_OR_RETURN(const HubStore::PrintRecord record,
                           printRegistered(store, QStringLiteral("substitutions"), parameters, *out,
                                           [&](const documents::PrintStamp& stamp) {
                                               return documents::renderForm(
                                                   out->format(),
                                                   [&] {
                                                       return documents::compose(
                                                           substitutionForm(journal),
                                                           substitutionContent(journal, school, stamp));
                                                   },
                                                   [&] { return substitutionWorkbook(journal, school, stamp); });
                                           }));
    printOut(tn("the substitution journal (%n substitution(s)) is printed to %1, number %2 in the register of prints",
                int(journal.lines.size()))
                 .arg(out->path())
                 .arg(record.number));
    return {};
}

// 2.6.11, R-P4: the extract of a pupil's current marks on withdrawal, warning of teachers not synced since.
Status cmdPrintExtract(const Invocation& inv) {
    const QString pupilId = inv.value(QStringLiteral("pupil")).trimmed();
    if (auto ok = domain::validateId(pupilId, QStringLiteral("--pupil")); !ok)
        return usage(ok.error().message);
    QDate date = QDate::currentDate();
    if (inv.values.contains(QStringLiteral("date"))) {
        TABEL_ASSIGN_OR_RETURN(date, dateOption(inv, QStringLiteral("date")));
    }
    TABEL_ASSIGN_OR_RETURN(const std::unique_ptr<documents::OutputFile> out,
                           documents::OutputFile::open(inv.value(QStringLiteral("out")), kPageFormats));
    TABEL_ASSIGN_OR_RETURN(HubStore store, HubStore::open(inv.storeDir));
    TABEL_ASSIGN_OR_RETURN(const sync::RegisterView* state, store.currentState());
    TABEL_ASSIGN_OR_RETURN(const QList<NodeRecord> nodes, store.nodes());
    TABEL_ASSIGN_OR_RETURN(const domain::SchoolProfile school, schoolProfile(*state));
    TABEL_ASSIGN_OR_RETURN(const PupilExtract extract, gatherExtract(*state, nodes, pupilId, date));
    const QString parameters = QStringLiteral("pupil=%1 date=%2").arg(pupilId, date.toString(Qt::ISODate));
    TABEL_ASSIGN_OR_RETURN(
        const HubStore::PrintRecord record,
        printRegistered(store, QStringLiteral("extract"), parameters, *out, [&](const documents::PrintStamp& stamp) {
            return documents::renderForm(
                out->format(),
                [&] { return documents::compose(extractForm(extract), extractContent(extract, school, stamp)); },
                [] { return documents::Workbook{}; });
        }));
    printOut(t("the extract of current marks of %1 is printed to %2, number %3 in the register of prints")
                 .arg(extract.pupil.fullName(), out->path())
                 .arg(record.number));
    for (const QString& line : extract.unsynced)
        printErr(t("warning: not synced since %1, printed on the extract: %2")
                     .arg(date.toString(QStringLiteral("dd.MM.yyyy")), line));
    return {};
}

// 3.1, R-J6: the КТП of a class × subject with its correction sheet.
Status cmdPrintKtp(const Invocation& inv) {
    const QString classId = inv.value(QStringLiteral("class")).trimmed();
    const QString subjectId = inv.value(QStringLiteral("subject")).trimmed();
    if (auto ok = domain::validateId(classId, QStringLiteral("--class")); !ok)
        return usage(ok.error().message);
    if (auto ok = domain::validateId(subjectId, QStringLiteral("--subject")); !ok)
        return usage(ok.error().message);
    TABEL_ASSIGN_OR_RETURN(const std::unique_ptr<documents::OutputFile> out,
                           documents::OutputFile::open(inv.value(QStringLiteral("out")), kPageFormats));
    TABEL_ASSIGN_OR_RETURN(HubStore store, HubStore::open(inv.storeDir));
    TABEL_ASSIGN_OR_RETURN(const sync::RegisterView* state, store.currentState());
    TABEL_ASSIGN_OR_RETURN(const domain::SchoolProfile school, schoolProfile(*state));
    TABEL_ASSIGN_OR_RETURN(const documents::KtpPrint ktp, gatherKtp(*state, classId, subjectId));
    TABEL_ASSIGN_OR_RETURN(
        const HubStore::PrintRecord record,
        printRegistered(store, QStringLiteral("ktp"), QStringLiteral("class=%1 subject=%2").arg(classId, subjectId),
                        *out, [&](const documents::PrintStamp& stamp) {
                            return documents::renderForm(
                                out->format(),
                                [&] {
                                    return documents::compose(documents::ktpForm(ktp),
                                                              documents::ktpContent(ktp, school, stamp));
                                },
                                [] { return documents::Workbook{}; });
                        }));
    printOut(t("the КТП of %1, class %2, is printed to %3, number %4 in the register of prints")
                 .arg(ktp.subjectName, classId, out->path())
                 .arg(record.number));
    return {};
}

Status cmdPrintsList(const Invocation& inv) {
    TABEL_ASSIGN_OR_RETURN(HubStore store, HubStore::open(inv.storeDir));
    TABEL_ASSIGN_OR_RETURN(const QList<HubStore::PrintRecord> all, store.prints());
    if (inv.flags.contains(QStringLiteral("json"))) {
        QJsonArray rows;
        for (const HubStore::PrintRecord& r : all)
            rows.append(printJson(r));
        printJson(QJsonDocument(rows));
        return {};
    }
    if (all.isEmpty()) {
        printOut(t("nothing has been printed yet"));
        return {};
    }
    QList<QStringList> rows{{t("number"), t("printed"), t("who"), t("where"), t("form"), t("parameters"), t("format"),
                             t("pages"), t("SHA-256")}};
    for (const HubStore::PrintRecord& r : all)
        rows.append({QString::number(r.number), r.printed.toLocalTime().toString(QStringLiteral("dd.MM.yyyy HH:mm")),
                     r.who, r.origin == QLatin1String("hub") ? t("hub") : r.origin, formName(r.form), r.parameters,
                     r.format, r.pages > 0 ? QString::number(r.pages) : QStringLiteral("—"),
                     hex(r.sha256).left(16) + QStringLiteral("…")});
    printTable(rows);
    return {};
}

Status cmdPrintsVerify(const Invocation& inv) {
    const QString path = inv.positionals.value(0);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::NotFound, t("%1 cannot be read: %2").arg(path, file.errorString()));
    if (file.size() > kMaxVerifiedBytes)
        return makeError(
            ErrorCode::InvalidInput,
            t("%1 is %2 bytes, larger than any print; it is not a registered print").arg(path).arg(file.size()));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return makeError(ErrorCode::Io, t("%1 cannot be read: %2").arg(path, file.errorString()));
    const QByteArray sha256 = hash.result();
    TABEL_ASSIGN_OR_RETURN(HubStore store, HubStore::open(inv.storeDir));
    TABEL_ASSIGN_OR_RETURN(const QList<HubStore::PrintRecord> found, store.printsWithHash(sha256));
    if (found.isEmpty())
        return makeError(ErrorCode::NotFound,
                         t("%1 is not a registered print: its SHA-256 %2 matches no print in the register. If it "
                           "should be one, it was changed after printing; print the form again")
                             .arg(path, hex(sha256)));
    for (const HubStore::PrintRecord& r : found) {
        const QString when = r.printed.toLocalTime().toString(QStringLiteral("dd.MM.yyyy HH:mm"));
        printOut(r.origin == QLatin1String("hub")
                     ? t("%1 is print number %2: %3 (%4), printed %5 by %6, %7 page(s), SHA-256 %8")
                           .arg(path)
                           .arg(r.number)
                           .arg(formName(r.form), r.parameters, when, r.who)
                           .arg(r.pages)
                           .arg(hex(r.sha256))
                     : t("%1 is print number %2 of the teacher's computer %3: %4 (%5), printed %6 by %7, %8 page(s)")
                           .arg(path)
                           .arg(r.number)
                           .arg(r.origin, formName(r.form), r.parameters, when, r.who)
                           .arg(r.pages));
    }
    return {};
}

} // namespace tabel::hub::cli
