#include "shared/domain/fields.h"

namespace tabel::domain {

// For logs, conflict listings and test failures: null, 42, "text".
QString debugString(const FieldValue& v) {
    if (std::holds_alternative<std::int64_t>(v))
        return QString::number(std::get<std::int64_t>(v));
    if (std::holds_alternative<QString>(v))
        return QLatin1Char('"') + std::get<QString>(v) + QLatin1Char('"');
    return QStringLiteral("null");
}

} // namespace tabel::domain
