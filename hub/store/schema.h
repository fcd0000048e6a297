// The hub store's database: the key, the settings every open repeats, the tables of each schema version and the
// migrations between them (each in one transaction). user_version tells the schema; a newer one is refused.
#pragma once

#include "shared/core/result.h"
#include "shared/crypto/secret.h"
#include "shared/db/sqlite.h"

#include <QString>

namespace tabel::hub::schema {

// hub.key: made at the first start (mode 0600), read at every other.
[[nodiscard]] Result<crypto::SecretBytes> loadOrCreateKey(const QString& path, bool databaseExists);
[[nodiscard]] Status configure(db::Database& db);
// A second, read-only connection to hub.db with a smaller page cache (the history's worker, history_worker.h).
[[nodiscard]] Result<db::Database> openReader(const QString& path, const crypto::SecretBytes& key);
// Copies the pages of the write-ahead log that no reader needs into hub.db; waits for no one (PASSIVE).
[[nodiscard]] Status checkpoint(db::Database& db);
// Creates or migrates to the current schema, in one transaction; the operator's tables (made when missing).
[[nodiscard]] Status migrate(db::Database& db);

} // namespace tabel::hub::schema
