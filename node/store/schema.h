// The node store's schema and its migrations (PRAGMA user_version). Each migration runs in one transaction.
#pragma once

#include "shared/core/result.h"
#include "shared/db/sqlite.h"
#include "shared/domain/fields.h"
#include "sync/op.h"

#include <QByteArray>
#include <QString>

#include <map>

namespace tabel::node::schema {

constexpr int kCurrentVersion = 9;

// Brings the database from its user_version up to `target` (kCurrentVersion in production; tests stop at older
// versions to test the migrations). Fails with Unsupported when the store is newer than this program.
[[nodiscard]] Status migrate(db::Database& db, int target = kCurrentVersion);
[[nodiscard]] Result<int> version(db::Database& db);

// Schema v5: one `state` row per entity, its fields in one blob — each field's value (null when cleared) and the
// version of the op that last wrote it, in field-name order. The first byte is the blob's format: 2 is written
// (compact: varints, a version as a delta from the previous field's), 1 (fixed-width) is still read; schema.cpp
// describes both. A blob that does not decode is reported as a damaged store (ErrorCode::Corrupt).
struct FieldState {
    domain::FieldValue value;
    sync::Version version;
    friend bool operator==(const FieldState&, const FieldState&) = default;
};
using EntityState = std::map<QString, FieldState>;
QByteArray encodeState(const EntityState& state);
[[nodiscard]] Result<EntityState> decodeState(const QByteArray& bytes);

} // namespace tabel::node::schema
