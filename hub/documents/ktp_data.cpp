#include "hub/documents/ktp_data.h"

#include "shared/domain/entity_check.h"
#include "sync/describe.h"

#include <QCoreApplication>

#include <algorithm>

namespace tabel::hub {

namespace {

QString tr(const char* s) {
    return QCoreApplication::translate("tabel::hub::Ktp", s);
}

} // namespace

Result<documents::KtpPrint> gatherKtp(const sync::RegisterView& state, const QString& classId,
                                      const QString& subjectId) {
    documents::KtpPrint k;
    k.classId = classId;
    k.subjectId = subjectId;
    k.subjectName = sync::subjectText(subjectId, state);
    const QString scope = QStringLiteral("%1/%2/").arg(classId, subjectId);
    for (const auto& [key, fields] : state.entitiesUnder(QStringLiteral("ktp/") + scope))
        if (!domain::allNull(fields))
            if (Result<domain::KtpTopic> t = domain::KtpTopic::fromFields(key, fields); t)
                k.topics.append(*t);
    if (k.topics.isEmpty())
        return makeError(ErrorCode::NotFound,
                         tr("the hub holds no КТП of %1 in class %2; the teacher enters it on her computer and syncs")
                             .arg(k.subjectName, classId));
    std::sort(k.topics.begin(), k.topics.end(),
              [](const domain::KtpTopic& a, const domain::KtpTopic& b) { return a.number < b.number; });
    for (const auto& [key, fields] : state.entitiesUnder(QStringLiteral("ktpfix/") + scope))
        if (!domain::allNull(fields))
            if (Result<domain::KtpCorrection> c = domain::KtpCorrection::fromFields(key, fields); c)
                k.corrections.append(*c);
    std::sort(k.corrections.begin(), k.corrections.end(),
              [](const domain::KtpCorrection& a, const domain::KtpCorrection& b) { return a.number < b.number; });
    // The lessons of every group of the subject tied to a topic (lesson/<class>/<subject>/<group>/…, ktp_topic).
    for (const auto& [key, fields] : state.entitiesUnder(QStringLiteral("lesson/") + scope)) {
        if (domain::allNull(fields))
            continue;
        if (Result<domain::Lesson> l = domain::Lesson::fromFields(key, fields); l && l->ktpTopic)
            k.taught[*l->ktpTopic].append(l->key.date);
    }
    for (const auto& [key, fields] : state.entitiesUnder(QStringLiteral("assign/"))) {
        const QStringList parts = key.split(u'/');
        if (domain::allNull(fields) || parts.size() != 5 || parts[2] != classId || parts[3] != subjectId)
            continue;
        const QString shown = sync::teacherText(parts[1], state);
        if (!k.teachers.contains(shown))
            k.teachers.append(shown);
    }
    return k;
}

} // namespace tabel::hub
