#include "shared/domain/entity_check.h"

#include "shared/domain/entity_key.h"
#include "shared/domain/model.h"

#include <QCoreApplication>

#include <vector>

namespace tabel::domain {

namespace {

QString tr(const char* s) {
    return QCoreApplication::translate("tabel::domain::EntityCheck", s);
}

template <class T> Status readAs(const QString& key, const Fields& fields) {
    Result<T> parsed = readEntity<T>(key, fields);
    if (!parsed)
        return std::move(parsed).error();
    return {};
}

} // namespace

template <class T> Result<T> readEntity(const QString& key, const Fields& fields) {
    Result<T> parsed = T::fromFields(key, fields);
    if (!parsed)
        return makeError(ErrorCode::InvalidInput,
                         parsed.error().detail.isEmpty() ? parsed.error().message : parsed.error().detail);
    // toFields() names every field of the type (an absent one as null): anything else is not the type's. Both
    // lists are sorted; the names are taken once per type (this runs for every entry a sync reads).
    static const std::vector<QString> known = [] {
        std::vector<QString> names;
        for (const auto& [name, value] : T{}.toFields())
            names.push_back(name);
        return names;
    }();
    auto next = known.begin();
    for (const auto& [name, value] : fields) {
        while (next != known.end() && *next < name)
            ++next;
        if (next != known.end() && *next == name)
            continue;
        if (!isNull(value))
            return makeError(ErrorCode::InvalidInput,
                             tr("it has a field «%1» that entries of its kind do not have").arg(name));
    }
    return parsed;
}

template Result<Mark> readEntity<Mark>(const QString&, const Fields&);
template Result<Attendance> readEntity<Attendance>(const QString&, const Fields&);
template Result<Submission> readEntity<Submission>(const QString&, const Fields&);
template Result<PeriodMark> readEntity<PeriodMark>(const QString&, const Fields&);
template Result<Correction> readEntity<Correction>(const QString&, const Fields&);

Status checkEntity(const QString& key, const Fields& fields) {
    if (allNull(fields))
        return {};
    switch (parseEntityKey(key).type) {
    case KeyType::Year:
        return readAs<SchoolYear>(key, fields);
    case KeyType::Period:
        return readAs<Period>(key, fields);
    case KeyType::Holiday:
        return readAs<Holiday>(key, fields);
    case KeyType::Subject:
        return readAs<Subject>(key, fields);
    case KeyType::Teacher:
        return readAs<Teacher>(key, fields);
    case KeyType::School:
        return readAs<SchoolProfile>(key, fields);
    case KeyType::Class:
        return readAs<SchoolClass>(key, fields);
    case KeyType::Pupil:
        return readAs<Pupil>(key, fields);
    case KeyType::Member:
        return readAs<GroupMember>(key, fields);
    case KeyType::Slot:
        return readAs<TimetableSlot>(key, fields);
    case KeyType::Assignment:
        return readAs<Assignment>(key, fields);
    case KeyType::Substitution:
        return readAs<Substitution>(key, fields);
    case KeyType::Lesson:
        return readAs<Lesson>(key, fields);
    case KeyType::Mark:
        return readAs<Mark>(key, fields);
    case KeyType::Attendance:
        return readAs<Attendance>(key, fields);
    case KeyType::Task:
        return readAs<Task>(key, fields);
    case KeyType::Submission:
        return readAs<Submission>(key, fields);
    case KeyType::PeriodMark:
        return readAs<PeriodMark>(key, fields);
    case KeyType::Correction:
        return readAs<Correction>(key, fields);
    case KeyType::KtpTopic:
        return readAs<KtpTopic>(key, fields);
    case KeyType::KtpCorrection:
        return readAs<KtpCorrection>(key, fields);
    case KeyType::Unknown:
        break;
    }
    return makeError(ErrorCode::InvalidInput, tr("%1 is not the key of any kind of journal entry").arg(key));
}

} // namespace tabel::domain
