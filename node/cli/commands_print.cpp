// Printing on the teacher's computer, offline (issue 11 item 3): her classes' journal and КТП through the same
// forms as the hub's (shared/documents), each print numbered in this computer's register (2.5.10).
#include "node/cli/handlers.h"
#include "node/cli/table.h"

#include "shared/documents/class_journal.h"
#include "shared/documents/ktp.h"
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

Result<domain::SchoolProfile> schoolProfile(NodeStore& store) {
    TABEL_ASSIGN_OR_RETURN(const std::optional<domain::Fields> fields, store.entity(domain::SchoolProfile::key()));
    if (!fields)
        return domain::SchoolProfile{};
    return domain::SchoolProfile::fromFields(domain::SchoolProfile::key(), *fields);
}

// The node's journal view as the printed form's data.
documents::JournalPrint journalPrint(const JournalView& v, const QString& teacher,
                                     const QList<domain::Substitution>& substitutions,
                                     const domain::rules::Names& names) {
    documents::JournalPrint j;
    j.classId = v.classId;
    j.subjectId = v.subjectId;
    j.subjectName = v.subjectName.isEmpty() ? v.subjectId : v.subjectName;
    j.groupId = v.groupId.isEmpty() ? QStringLiteral("all") : v.groupId;
    j.teachers = {teacher};
    j.from = v.from;
    j.to = v.to;
    for (const JournalColumn& c : v.columns)
        j.lessons.append(c.lesson);
    for (const JournalRow& r : v.rows) {
        j.pupils.append({r.pupil.id, r.pupil.fullName()});
        for (qsizetype i = 0; i < r.cells.size() && i < v.columns.size(); ++i) {
            const QString key = documents::JournalPrint::cellKey(v.columns[i].lesson.key, r.pupil.id);
            if (!r.cells[i].marks.isEmpty())
                j.marks.insert(key, r.cells[i].marks);
            if (r.cells[i].absence)
                j.absences.insert(key, documents::absenceMark(r.cells[i].absence->reason));
        }
    }
    for (const domain::Substitution& s : substitutions)
        for (const domain::Lesson& l : j.lessons)
            if (s.covers(l.key))
                j.substitutions.insert(
                    l.key.toString(), tr("%1 instead of %2%3")
                                          .arg(names.teacherText(s.substituteId), names.teacherText(s.absentTeacherId),
                                               s.reason.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(s.reason)));
    return j;
}

// Registers the print in this computer's register and renames the file into place inside it.
Result<NodeStore::PrintRecord>
printRegistered(NodeStore& store, const QString& form, const QString& parameters, documents::OutputFile& out,
                const std::function<Result<documents::Output>(const documents::PrintStamp&)>& make) {
    // The computer that numbered it: the node's id at the hub, or its teacher's id before it is enrolled.
    TABEL_ASSIGN_OR_RETURN(const std::optional<HubLink> link, store.hubLink());
    const QString origin = link ? link->nodeId : store.teacherId();
    Result<NodeStore::PrintRecord> record = store.registerPrint(
        form, parameters, documents::formatName(out.format()),
        [&](qint64 number, const QDateTime& printed) -> Result<NodeStore::Printed> {
            TABEL_ASSIGN_OR_RETURN(const documents::Output output, make({number, printed, origin}));
            return NodeStore::Printed{output.bytes, output.pages};
        },
        [&](const QByteArray& bytes) { return out.publish(bytes); }, QDateTime::currentMSecsSinceEpoch());
    if (!record)
        out.withdraw();
    return record;
}

} // namespace

Status cmdPrintJournal(Session& s) {
    const Invocation& inv = s.inv();
    TABEL_ASSIGN_OR_RETURN(const QString klass, idOption(inv, QStringLiteral("class")));
    TABEL_ASSIGN_OR_RETURN(const QString subject, idOption(inv, QStringLiteral("subject")));
    QString group;
    if (inv.has(QStringLiteral("group"))) {
        TABEL_ASSIGN_OR_RETURN(group, idOption(inv, QStringLiteral("group")));
    }
    const bool byPeriod = inv.has(QStringLiteral("period"));
    if (byPeriod && (inv.has(QStringLiteral("from")) || inv.has(QStringLiteral("to"))))
        return usageError(tr("give either --period or --from and --to"));
    TABEL_ASSIGN_OR_RETURN(
        const std::unique_ptr<documents::OutputFile> out,
        documents::OutputFile::open(inv.value(QStringLiteral("out")),
                                    {documents::Format::Pdf, documents::Format::Html, documents::Format::Xlsx}));
    TABEL_TRY(s.open());
    QDate from, to;
    QString periodTitle;
    if (byPeriod) {
        TABEL_ASSIGN_OR_RETURN(const QString periodId, idOption(inv, QStringLiteral("period")));
        TABEL_ASSIGN_OR_RETURN(const std::optional<domain::Period> period, s.journal().period(periodId));
        if (!period)
            return makeError(ErrorCode::NotFound,
                             tr("the calendar on this computer has no period «%1»; sync with the school's hub, or give "
                                "--from and --to")
                                 .arg(periodId));
        from = period->start;
        to = period->end;
        periodTitle = period->title;
    } else {
        TABEL_ASSIGN_OR_RETURN(to, dateOption(inv, QStringLiteral("to"), QDate::currentDate()));
        TABEL_ASSIGN_OR_RETURN(from, dateOption(inv, QStringLiteral("from"), schoolYearStart(to)));
        if (from > to)
            return usageError(tr("--from %1 is after --to %2").arg(formatDate(from), formatDate(to)));
    }
    TABEL_ASSIGN_OR_RETURN(const JournalView view, s.journal().classJournal(klass, subject, group, from, to));
    if (view.columns.isEmpty())
        return makeError(ErrorCode::NotFound, tr("there are no lessons of %1 in class %2 from %3 to %4 on this "
                                                 "computer, so the journal would be empty")
                                                  .arg(view.subjectName.isEmpty() ? subject : view.subjectName, klass,
                                                       formatDate(from), formatDate(to)));
    TABEL_ASSIGN_OR_RETURN(const QList<domain::Substitution> substitutions, s.journal().substitutions(from, to));
    documents::JournalPrint journal = journalPrint(view, s.store().teacherName(), substitutions, s.journal().names());
    journal.periodTitle = periodTitle;
    TABEL_ASSIGN_OR_RETURN(const domain::SchoolProfile school, schoolProfile(s.store()));
    const QString parameters =
        QStringLiteral("class=%1 subject=%2 group=%3 from=%4 to=%5")
            .arg(klass, subject, journal.groupId, from.toString(Qt::ISODate), to.toString(Qt::ISODate));
    TABEL_ASSIGN_OR_RETURN(const NodeStore::PrintRecord record,
                           printRegistered(s.store(), QStringLiteral("journal"), parameters, *out,
                                           [&](const documents::PrintStamp& stamp) {
                                               return documents::renderForm(
                                                   out->format(),
                                                   [&] {
                                                       return documents::compose(
                                                           documents::journalForm(journal),
                                                           documents::journalContent(journal, school, stamp));
                                                   },
                                                   [&] { return documents::journalWorkbook(journal, school, stamp); });
                                           }));
    printOut(tr("the journal of %1, class %2, is printed to %3: print number %4 of this computer")
                 .arg(journal.subjectName, klass, out->path())
                 .arg(record.number));
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
    TABEL_ASSIGN_OR_RETURN(const KtpView view, s.journal().ktp(klass, subject));
    if (view.topics.isEmpty())
        return makeError(ErrorCode::NotFound,
                         tr("the КТП of %1 in class %2 has no topics on this computer; add them with «tabel-node ktp "
                            "add-topic»")
                             .arg(subject, klass));
    documents::KtpPrint ktp;
    ktp.classId = klass;
    ktp.subjectId = subject;
    ktp.subjectName = subject;
    TABEL_ASSIGN_OR_RETURN(const QList<domain::Subject> subjects, s.journal().subjects());
    for (const domain::Subject& sub : subjects)
        if (sub.id == subject && !sub.name.isEmpty())
            ktp.subjectName = sub.name;
    ktp.teachers = {s.store().teacherName()};
    ktp.topics = view.topics;
    ktp.corrections = view.corrections;
    const QDate today = QDate::currentDate();
    TABEL_ASSIGN_OR_RETURN(const JournalView lessons,
                           s.journal().classJournal(klass, subject, {}, schoolYearStart(today), today.addYears(1)));
    for (const JournalColumn& c : lessons.columns)
        if (c.lesson.ktpTopic)
            ktp.taught[*c.lesson.ktpTopic].append(c.lesson.key.date);
    TABEL_ASSIGN_OR_RETURN(const domain::SchoolProfile school, schoolProfile(s.store()));
    TABEL_ASSIGN_OR_RETURN(
        const NodeStore::PrintRecord record,
        printRegistered(s.store(), QStringLiteral("ktp"), QStringLiteral("class=%1 subject=%2").arg(klass, subject),
                        *out, [&](const documents::PrintStamp& stamp) {
                            return documents::renderForm(
                                out->format(),
                                [&] {
                                    return documents::compose(documents::ktpForm(ktp),
                                                              documents::ktpContent(ktp, school, stamp));
                                },
                                [] { return documents::Workbook{}; });
                        }));
    printOut(tr("the КТП of %1, class %2, is printed to %3: print number %4 of this computer")
                 .arg(ktp.subjectName, klass, out->path())
                 .arg(record.number));
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
