#include "hub/documents/extract_form.h"

#include "shared/domain/entity_check.h"
#include "shared/domain/entity_key.h"
#include "sync/describe.h"

#include <QCoreApplication>

#include <algorithm>
#include <map>

namespace tabel::hub {

namespace {

QString tr(const char* s) {
    return QCoreApplication::translate("tabel::hub::Extract", s);
}

} // namespace

Result<PupilExtract> gatherExtract(const sync::RegisterView& state, const QList<NodeRecord>& nodes,
                                   const QString& pupilId, QDate date) {
    const QString pupilKey = QStringLiteral("pupil/") + pupilId;
    const domain::Fields pupilFields = state.fieldsOf(pupilKey);
    if (pupilFields.empty() || domain::allNull(pupilFields))
        return makeError(ErrorCode::NotFound, tr("the hub's roster has no pupil «%1»; check the id («tabel-hub "
                                                 "summary --class CLASS» lists a class's pupils)")
                                                  .arg(pupilId));
    TABEL_ASSIGN_OR_RETURN(const domain::Pupil pupil, domain::Pupil::fromFields(pupilKey, pupilFields));
    PupilExtract x;
    x.pupil = pupil;
    x.date = date;
    x.yearStart = QDate(domain::schoolYearOf(date), 9, 1);

    std::map<QString, ExtractSubject> bySubject;
    const auto subject = [&](const QString& id) -> ExtractSubject& {
        ExtractSubject& s = bySubject[id];
        if (s.subjectId.isEmpty()) {
            s.subjectId = id;
            s.subjectName = sync::subjectText(id, state);
        }
        return s;
    };
    const QString classPrefix = pupil.classId + u'/';
    std::map<std::pair<QDate, int>, QList<std::pair<QString, QString>>> marks; // (date, slot) → (subject, text)
    for (const auto& [key, fields] : state.entitiesUnder(QStringLiteral("mark/") + classPrefix)) {
        if (domain::allNull(fields) || key.section(u'/', 6, 6) != pupilId)
            continue;
        Result<domain::Mark> m = domain::Mark::fromFields(key, fields);
        if (!m || m->lesson.date < x.yearStart || m->lesson.date > date)
            continue;
        marks[{m->lesson.date, m->lesson.slot}].append(
            {m->lesson.subjectId, QStringLiteral("%1 (%2)").arg(domain::toString(m->value),
                                                                m->lesson.date.toString(QStringLiteral("dd.MM")))});
    }
    for (const auto& [when, list] : marks)
        for (const auto& [subjectId, text] : list)
            subject(subjectId).marks << text;
    for (const auto& [key, fields] : state.entitiesUnder(QStringLiteral("att/") + classPrefix)) {
        if (domain::allNull(fields) || key.section(u'/', 6, 6) != pupilId)
            continue;
        const domain::EntityKey k = domain::parseEntityKey(key);
        if (k.date >= x.yearStart && k.date <= date)
            ++subject(k.subjectId).absences;
    }
    QHash<QString, QString> periodTitles;
    for (const auto& [key, fields] : state.entitiesUnder(QStringLiteral("period/")))
        if (Result<domain::Period> p = domain::Period::fromFields(key, fields); p && !p->title.isEmpty())
            periodTitles.insert(p->id, p->title);
    for (const auto& [key, fields] : state.entitiesUnder(QStringLiteral("pmark/") + classPrefix)) {
        if (domain::allNull(fields) || key.section(u'/', 4, 4) != pupilId)
            continue;
        if (Result<domain::PeriodMark> m = domain::PeriodMark::fromFields(key, fields); m)
            subject(m->subjectId).periodMarks << QStringLiteral("%1: %2").arg(
                m->periodId == QLatin1String("annual") ? QStringLiteral("год")
                                                       : periodTitles.value(m->periodId, m->periodId),
                domain::toString(m->value));
    }

    // The pupil's teachers: the assignments of the class (of the pupil's groups) and whether each one's
    // computers have synced since the date of the extract.
    QSet<QString> warned;
    for (const auto& [key, fields] : state.entitiesUnder(QStringLiteral("assign/"))) {
        const QStringList parts = key.split(u'/');
        if (domain::allNull(fields) || parts.size() != 5 || parts[2] != pupil.classId)
            continue;
        const QString& teacherId = parts[1];
        const QString& subjectId = parts[3];
        const QString& groupId = parts[4];
        if (groupId != QLatin1String("all") &&
            domain::allNull(
                state.fieldsOf(QStringLiteral("member/%1/%2/%3/%4").arg(pupil.classId, subjectId, groupId, pupilId))))
            continue;
        subject(subjectId); // a subject the pupil is taught appears even without marks
        for (const NodeRecord& n : nodes) {
            if (n.teacherId != teacherId || n.isOperator || warned.contains(n.nodeId))
                continue;
            if (n.lastSync && n.lastSync->toLocalTime().date() >= date)
                continue;
            warned.insert(n.nodeId);
            const QString teacher = n.teacherName.isEmpty() ? teacherId : n.teacherName;
            x.unsynced
                << QStringLiteral("%1 (%2, компьютер %3): %4")
                       .arg(teacher, subject(subjectId).subjectName, n.nodeId,
                            n.lastSync
                                ? QStringLiteral("последняя синхронизация %1").arg(documents::dateTimeText(*n.lastSync))
                                : QStringLiteral("ещё ни разу не синхронизировался"));
        }
    }
    for (auto& [id, s] : bySubject)
        x.subjects.append(s);
    std::sort(x.subjects.begin(), x.subjects.end(),
              [](const ExtractSubject& a, const ExtractSubject& b) { return a.subjectName < b.subjectName; });
    return x;
}

documents::Form extractForm(const PupilExtract& x) {
    return {QStringLiteral("pupil_extract"),
            QStringLiteral("Выписка текущих отметок: %1, класс %2, на %3")
                .arg(x.pupil.fullName(), x.pupil.classId, documents::dateText(x.date)),
            documents::Orientation::Portrait};
}

QVariantMap extractContent(const PupilExtract& x, const domain::SchoolProfile& school,
                           const documents::PrintStamp& stamp) {
    QVariantMap content;
    documents::addCommon(content, school, stamp, {documents::Signer::Director}, true);
    content.insert(QStringLiteral("pupil"), x.pupil.fullName());
    content.insert(QStringLiteral("classText"), x.pupil.classId);
    content.insert(QStringLiteral("from"), documents::dateText(x.yearStart));
    content.insert(QStringLiteral("date"), documents::dateText(x.date));
    QVariantList subjects;
    int number = 0;
    for (const ExtractSubject& s : x.subjects)
        subjects.append(QVariantMap{
            {QStringLiteral("number"), ++number},
            {QStringLiteral("name"), s.subjectName},
            {QStringLiteral("marks"), s.marks.isEmpty() ? QStringLiteral("—") : s.marks.join(QStringLiteral(", "))},
            {QStringLiteral("periods"), s.periodMarks.join(QStringLiteral("; "))},
            {QStringLiteral("absences"), s.absences}});
    content.insert(QStringLiteral("subjects"), subjects);
    QVariantList unsynced;
    for (const QString& u : x.unsynced)
        unsynced.append(QVariantMap{{QStringLiteral("text"), u}});
    content.insert(QStringLiteral("unsynced"), unsynced);
    content.insert(QStringLiteral("hasUnsynced"), !unsynced.isEmpty());
    return content;
}

} // namespace tabel::hub
