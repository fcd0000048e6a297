// The generic shape every journal entity takes on its way to the store and the wire: an entity key
// ("mark/7А/math/all/2026-09-01/2/p017/1") and a sorted map of scalar fields. Field-level versions,
// reconciliation and the hub's canonical files all work on this shape; the typed structs in model.h convert
// to and from it.
#pragma once

#include <QString>

#include <cstdint>
#include <map>
#include <variant>

namespace tabel::domain {

// null means "absent": setting every field of an entity to null removes it.
using FieldValue = std::variant<std::monostate, std::int64_t, QString>;
using Fields = std::map<QString, FieldValue>;

inline bool isNull(const FieldValue& v) {
    return std::holds_alternative<std::monostate>(v);
}

// True when every field is null: an entity being removed, or one never written.
inline bool allNull(const Fields& fields) {
    for (const auto& [name, value] : fields)
        if (!isNull(value))
            return false;
    return true;
}
inline QString textOf(const FieldValue& v) {
    return std::holds_alternative<QString>(v) ? std::get<QString>(v) : QString();
}
inline std::int64_t intOf(const FieldValue& v, std::int64_t fallback = 0) {
    return std::holds_alternative<std::int64_t>(v) ? std::get<std::int64_t>(v) : fallback;
}
QString debugString(const FieldValue& v);

} // namespace tabel::domain
