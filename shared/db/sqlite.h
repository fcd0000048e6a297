// The one wrapper over the sqlite3 C API (SQLCipher's build). SQLite 3.15.2 underneath: no UPSERT, no window
// functions, no RETURNING. Every SQLITE_* code becomes an Error here.
#pragma once

#include "shared/core/cfree.h"
#include "shared/core/result.h"
#include "shared/crypto/secret.h"

#include <QByteArray>
#include <QLoggingCategory>
#include <QString>

#include <cstdint>
#include <functional>
#include <variant>

struct sqlite3;
struct sqlite3_stmt;

Q_DECLARE_LOGGING_CATEGORY(lcSql)

namespace tabel::db {

class Statement;

// A value in a column or a bound parameter. Text is UTF-8 in the database.
using Value = std::variant<std::monostate, std::int64_t, QString, QByteArray>;

class Database {
public:
    // Opens (or with create=true creates) a database file. Nothing is read until the key is set.
    [[nodiscard]] static Result<Database> open(const QString& path, bool create);

    Database(Database&&) noexcept;
    Database& operator=(Database&&) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    [[nodiscard]] Status exec(const char* sql);
    [[nodiscard]] Result<Statement> prepare(const char* sql);
    // A prepared statement cached for the lifetime of the connection (hot paths).
    [[nodiscard]] Result<Statement*> cached(const char* sql);

    [[nodiscard]] Result<std::int64_t> queryInt(const char* sql);
    std::int64_t lastInsertRowId() const;
    int changes() const;
    sqlite3* handle() const { return m_db.get(); }
    const QString& path() const { return m_path; }

    // Converts the connection's last error into an Error, naming what was attempted.
    Error lastError(int rc, const QString& what) const;

private:
    Database() = default;
    static int closeHandle(sqlite3* db);
    CHandle<sqlite3, &Database::closeHandle> m_db;
    QString m_path;
    struct Cache;
    std::unique_ptr<Cache> m_cache;
};

class Statement {
public:
    Statement(Statement&&) noexcept = default;
    Statement& operator=(Statement&&) noexcept = default;
    ~Statement();

    Statement& bind(int index, std::int64_t v);
    Statement& bind(int index, const QString& v);
    Statement& bind(int index, const QByteArray& v); // as BLOB
    Statement& bindNull(int index);
    Statement& bind(int index, const Value& v);

    // Steps once. true: a row is ready; false: done.
    [[nodiscard]] Result<bool> step();
    // Steps to completion, expecting no row; resets the statement for reuse.
    [[nodiscard]] Status run();
    // Steps through the rows, calling row() at each (it reads the columns; an error it returns stops the walk and
    // is returned); resets the statement at the end whatever happened, so a cached statement is ready again.
    [[nodiscard]] Status eachRow(const std::function<Status()>& row);
    void reset();

    bool isNull(int col) const;
    std::int64_t columnInt(int col) const;
    QString columnText(int col) const;
    QByteArray columnBlob(int col) const;
    Value columnValue(int col) const;

private:
    friend class Database;
    Statement(sqlite3_stmt* s, sqlite3* db) : m_stmt(s), m_db(db) {}
    static int finalizeHandle(sqlite3_stmt* s);
    CHandle<sqlite3_stmt, &Statement::finalizeHandle> m_stmt;
    sqlite3* m_db = nullptr;
    Status m_bindError;
};

// BEGIN IMMEDIATE … COMMIT; rolls back in the destructor unless committed.
class Transaction {
public:
    [[nodiscard]] static Result<Transaction> begin(Database& db);
    Transaction(Transaction&& o) noexcept : m_db(o.m_db) { o.m_db = nullptr; }
    Transaction& operator=(Transaction&&) = delete;
    Transaction(const Transaction&) = delete;
    ~Transaction();
    [[nodiscard]] Status commit();

private:
    explicit Transaction(Database* db) : m_db(db) {}
    Database* m_db;
};

// Keys a SQLCipher database with a raw 256-bit key: PRAGMA key = "x'<hex>'", the statement built in guarded
// memory (it holds the key), then the page size every open repeats (4096, ARCHITECTURE.md). The node store and
// the hub store both open their databases this way.
[[nodiscard]] Status applyRawKey(Database& db, const crypto::SecretBytes& key);

} // namespace tabel::db
