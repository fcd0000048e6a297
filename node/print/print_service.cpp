#include "node/print/print_service.h"

#include "shared/documents/class_journal.h"
#include "shared/documents/common_content.h"
#include "shared/documents/ktp.h"
#include "shared/documents/output_file.h"
#include "shared/domain/entity_key.h"

#include <QCoreApplication>
#include <QDateTime>

namespace tabel::node {

namespace {

QString tr(const char* s) {
    return QCoreApplication::translate("tabel::node::Print", s);
}

QDate schoolYearStart(QDate day) {
    return QDate(domain::schoolYearOf(day), 9, 1);
}

Result<domain::SchoolProfile> schoolProfile(NodeStore& store) {
    TABEL_ASSIGN_OR_RETURN(const std::optional<domain::Fields> fields, store.entity(domain::SchoolProfile::key()));
    return domain::SchoolProfile::fromStored(fields.value_or(domain::Fields{}));
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
                    l.key.toString(), QStringLiteral("%1 вместо %2%3")
                                          .arg(names.teacherText(s.substituteId), names.teacherText(s.absentTeacherId),
                                               s.reason.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(s.reason)));
    return j;
}

// Registers the print in this computer's register; the number on the paper names the computer.
Result<NodeStore::PrintRecord>
registered(NodeStore& store, const QString& form, const QString& parameters, documents::Format format,
           const std::function<Result<documents::Output>(const documents::PrintStamp&)>& make,
           const std::function<Status(const QByteArray&)>& publish) {
    TABEL_ASSIGN_OR_RETURN(const std::optional<HubLink> link, store.hubLink());
    const QString origin = link ? link->nodeId : store.teacherId();
    return store.registerPrint(
        form, parameters, documents::formatName(format),
        [&](qint64 number, const QDateTime& printed) -> Result<NodeStore::Printed> {
            TABEL_ASSIGN_OR_RETURN(const documents::Output output, make({number, printed, origin}));
            return NodeStore::Printed{output.bytes, output.pages};
        },
        publish, QDateTime::currentMSecsSinceEpoch());
}

} // namespace

Result<NodePrint> printJournal(NodeStore& store, Journal& journal, const JournalPrintRequest& request,
                               documents::Format format, const std::function<Status(const QByteArray&)>& publish) {
    QDate from = request.from, to = request.to;
    QString periodTitle;
    if (!request.periodId.isEmpty()) {
        TABEL_ASSIGN_OR_RETURN(const std::optional<domain::Period> period, journal.period(request.periodId));
        if (!period)
            return makeError(ErrorCode::NotFound,
                             tr("the calendar on this computer has no period «%1»; sync with the school's hub, or give "
                                "the dates")
                                 .arg(request.periodId));
        from = period->start;
        to = period->end;
        periodTitle = period->title;
    }
    if (!to.isValid())
        to = QDate::currentDate();
    if (!from.isValid())
        from = schoolYearStart(to);
    if (from > to)
        return makeError(
            ErrorCode::InvalidArgument,
            tr("the first day %1 is after the last day %2").arg(documents::dateText(from), documents::dateText(to)));
    TABEL_ASSIGN_OR_RETURN(const JournalView view,
                           journal.classJournal(request.classId, request.subjectId, request.groupId, from, to));
    if (view.columns.isEmpty())
        return makeError(ErrorCode::NotFound,
                         tr("there are no lessons of %1 in class %2 from %3 to %4 on this "
                            "computer, so the journal would be empty")
                             .arg(view.subjectName.isEmpty() ? request.subjectId : view.subjectName, request.classId,
                                  documents::dateText(from), documents::dateText(to)));
    TABEL_ASSIGN_OR_RETURN(const QList<domain::Substitution> substitutions, journal.substitutions(from, to));
    documents::JournalPrint j = journalPrint(view, store.teacherName(), substitutions, journal.names());
    j.periodTitle = periodTitle;
    TABEL_ASSIGN_OR_RETURN(const domain::SchoolProfile school, schoolProfile(store));
    const QString parameters =
        QStringLiteral("class=%1 subject=%2 group=%3 from=%4 to=%5")
            .arg(request.classId, request.subjectId, j.groupId, from.toString(Qt::ISODate), to.toString(Qt::ISODate));
    TABEL_ASSIGN_OR_RETURN(const NodeStore::PrintRecord record,
                           registered(
                               store, QStringLiteral("journal"), parameters, format,
                               [&](const documents::PrintStamp& stamp) {
                                   return documents::renderForm(
                                       format,
                                       [&] {
                                           return documents::compose(documents::journalForm(j),
                                                                     documents::journalContent(j, school, stamp));
                                       },
                                       [&] { return documents::journalWorkbook(j, school, stamp); });
                               },
                               publish));
    return NodePrint{record, documents::journalForm(j).title, int(j.lessons.size())};
}

Result<NodePrint> printKtp(NodeStore& store, Journal& journal, const QString& classId, const QString& subjectId,
                           documents::Format format, const std::function<Status(const QByteArray&)>& publish) {
    if (format == documents::Format::Xlsx)
        return makeError(ErrorCode::InvalidArgument, tr("the КТП is printed as PDF or HTML"));
    TABEL_ASSIGN_OR_RETURN(const KtpView view, journal.ktp(classId, subjectId));
    if (view.topics.isEmpty())
        return makeError(
            ErrorCode::NotFound,
            tr("the КТП of %1 in class %2 has no topics on this computer; add them first").arg(subjectId, classId));
    documents::KtpPrint ktp;
    ktp.classId = classId;
    ktp.subjectId = subjectId;
    ktp.subjectName = subjectId;
    TABEL_ASSIGN_OR_RETURN(const QList<domain::Subject> subjects, journal.subjects());
    for (const domain::Subject& s : subjects)
        if (s.id == subjectId && !s.name.isEmpty())
            ktp.subjectName = s.name;
    ktp.teachers = {store.teacherName()};
    ktp.topics = view.topics;
    ktp.corrections = view.corrections;
    const QDate today = QDate::currentDate();
    TABEL_ASSIGN_OR_RETURN(const JournalView lessons,
                           journal.classJournal(classId, subjectId, {}, schoolYearStart(today), today.addYears(1)));
    for (const JournalColumn& c : lessons.columns)
        if (c.lesson.ktpTopic)
            ktp.taught[*c.lesson.ktpTopic].append(c.lesson.key.date);
    TABEL_ASSIGN_OR_RETURN(const domain::SchoolProfile school, schoolProfile(store));
    TABEL_ASSIGN_OR_RETURN(
        const NodeStore::PrintRecord record,
        registered(
            store, QStringLiteral("ktp"), QStringLiteral("class=%1 subject=%2").arg(classId, subjectId), format,
            [&](const documents::PrintStamp& stamp) {
                return documents::renderForm(
                    format,
                    [&] {
                        return documents::compose(documents::ktpForm(ktp), documents::ktpContent(ktp, school, stamp));
                    },
                    [] { return documents::Workbook{}; });
            },
            publish));
    return NodePrint{record, documents::ktpForm(ktp).title, int(lessons.columns.size())};
}

} // namespace tabel::node
