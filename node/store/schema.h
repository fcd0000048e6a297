// The node store's schema and its migrations (PRAGMA user_version). Each migration runs in one transaction.
#pragma once

#include "shared/core/result.h"
#include "shared/db/sqlite.h"

namespace tabel::node::schema {

constexpr int kCurrentVersion = 4;

// Brings the database from its user_version up to `target` (kCurrentVersion in production; tests stop at older
// versions to test the migrations). Fails with Unsupported when the store is newer than this program.
[[nodiscard]] Status migrate(db::Database& db, int target = kCurrentVersion);
[[nodiscard]] Result<int> version(db::Database& db);

} // namespace tabel::node::schema
