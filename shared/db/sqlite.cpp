#include "shared/db/sqlite.h"

#include <cstring>

#include <QCoreApplication>
#include <QFile>

#include <sqlcipher/sqlite3.h>

#include <string>
#include <unordered_map>

Q_LOGGING_CATEGORY(lcSql, "tabel.db.sql", QtWarningMsg)

namespace tabel::db {

struct Database::Cache {
    std::unordered_map<const char*, Statement> statements;
};

int Database::closeHandle(sqlite3* db) {
    return sqlite3_close_v2(db);
}
int Statement::finalizeHandle(sqlite3_stmt* s) {
    return sqlite3_finalize(s);
}

Result<Database> Database::open(const QString& path, bool create) {
    if (!create && !QFile::exists(path))
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("tabel::db", "The database file %1 does not exist.").arg(path));
    sqlite3* raw = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX;
    const QByteArray native = QFile::encodeName(path);
    const int rc = sqlite3_open_v2(native.constData(), &raw, flags, nullptr);
    Database db;
    db.m_db.reset(raw);
    db.m_path = path;
    db.m_cache = std::make_unique<Cache>();
    if (rc != SQLITE_OK)
        return db.lastError(rc, QCoreApplication::translate("tabel::db", "open %1").arg(path));
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, 5000);
    return db;
}

Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;

Database::~Database() {
    if (m_cache)
        m_cache->statements.clear(); // finalize before close
}

namespace {
// Maps a SQLite result code to tabel's error, with a message a user can act on.
Error errorFromCode(int rc, const QString& detail, const QString& what) {
    ErrorCode code = ErrorCode::Storage;
    QString text = detail;
    switch (rc & 0xff) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
        code = ErrorCode::Corrupt;
        text = QCoreApplication::translate("tabel::db", "the store is damaged or was altered (%1)").arg(detail);
        break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        code = ErrorCode::Busy;
        text = QCoreApplication::translate("tabel::db", "the store is in use by another program; try again (%1)")
                   .arg(detail);
        break;
    case SQLITE_FULL:
        code = ErrorCode::Io;
        text = QCoreApplication::translate("tabel::db", "the disk is full; free some space and try again");
        break;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
        code = ErrorCode::Io;
        text = QCoreApplication::translate("tabel::db", "cannot read or write the store file (%1)").arg(detail);
        break;
    case SQLITE_CONSTRAINT:
        code = ErrorCode::AlreadyExists;
        break;
    default:
        break;
    }
    qCWarning(lcSql) << "sqlite error" << rc << "during" << what << ":" << detail;
    return makeError(code, what.isEmpty() ? text : what + QStringLiteral(": ") + text);
}
} // namespace

Error Database::lastError(int rc, const QString& what) const {
    const QString detail = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db.get())) : QString::fromUtf8(sqlite3_errstr(rc));
    return errorFromCode(rc, detail, what);
}

Status Database::exec(const char* sql) {
    char* msg = nullptr;
    const int rc = sqlite3_exec(m_db.get(), sql, nullptr, nullptr, &msg);
    sqlite3_free(msg);
    if (rc != SQLITE_OK)
        return lastError(rc, QCoreApplication::translate("tabel::db", "SQL"));
    return {};
}

Result<Statement> Database::prepare(const char* sql) {
    sqlite3_stmt* s = nullptr;
    const int rc = sqlite3_prepare_v2(m_db.get(), sql, -1, &s, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(s);
        return lastError(rc, QCoreApplication::translate("tabel::db", "prepare"));
    }
    return Statement(s, m_db.get());
}

Result<Statement*> Database::cached(const char* sql) {
    auto it = m_cache->statements.find(sql);
    if (it != m_cache->statements.end()) {
        it->second.reset();
        return &it->second;
    }
    TABEL_ASSIGN_OR_RETURN(Statement st, prepare(sql));
    auto [pos, inserted] = m_cache->statements.emplace(sql, std::move(st));
    Q_UNUSED(inserted);
    return &pos->second;
}

Result<std::int64_t> Database::queryInt(const char* sql) {
    TABEL_ASSIGN_OR_RETURN(Statement st, prepare(sql));
    TABEL_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row)
        return makeError(ErrorCode::Internal, QStringLiteral("query returned no row: %1").arg(QString::fromUtf8(sql)));
    return st.columnInt(0);
}

std::int64_t Database::lastInsertRowId() const {
    return sqlite3_last_insert_rowid(m_db.get());
}
int Database::changes() const {
    return sqlite3_changes(m_db.get());
}

Statement::~Statement() = default;

namespace {
// Keeps the first failed bind; step() reports it rather than running with the parameter left NULL.
void noteBind(Status& status, int rc, sqlite3* db, int index) {
    if (rc == SQLITE_OK || !status)
        return;
    const QString detail = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString::fromUtf8(sqlite3_errstr(rc));
    const QString what = QStringLiteral("bind parameter %1").arg(index);
    status = rc == SQLITE_RANGE || rc == SQLITE_MISUSE
                 ? makeError(ErrorCode::Internal, what + QStringLiteral(": ") + detail)
                 : errorFromCode(rc, detail, what);
}
} // namespace

Statement& Statement::bind(int index, std::int64_t v) {
    noteBind(m_bindError, sqlite3_bind_int64(m_stmt.get(), index, v), m_db, index);
    return *this;
}
Statement& Statement::bind(int index, const QString& v) {
    const QByteArray u = v.toUtf8();
    noteBind(m_bindError, sqlite3_bind_text(m_stmt.get(), index, u.constData(), int(u.size()), SQLITE_TRANSIENT), m_db,
             index);
    return *this;
}
Statement& Statement::bind(int index, const QByteArray& v) {
    // A null QByteArray binds as an empty blob, not NULL: emptiness is data.
    noteBind(
        m_bindError,
        sqlite3_bind_blob(m_stmt.get(), index, v.constData() ? v.constData() : "", int(v.size()), SQLITE_TRANSIENT),
        m_db, index);
    return *this;
}
Statement& Statement::bindNull(int index) {
    noteBind(m_bindError, sqlite3_bind_null(m_stmt.get(), index), m_db, index);
    return *this;
}
Statement& Statement::bind(int index, const Value& v) {
    if (std::holds_alternative<std::int64_t>(v))
        return bind(index, std::get<std::int64_t>(v));
    if (std::holds_alternative<QString>(v))
        return bind(index, std::get<QString>(v));
    if (std::holds_alternative<QByteArray>(v))
        return bind(index, std::get<QByteArray>(v));
    return bindNull(index);
}

Result<bool> Statement::step() {
    if (!m_bindError)
        return m_bindError.error();
    const int rc = sqlite3_step(m_stmt.get());
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    const QString detail = QString::fromUtf8(sqlite3_errmsg(m_db));
    const char* sql = sqlite3_sql(m_stmt.get());
    qCWarning(lcSql) << "failed statement:" << (sql ? sql : "");
    sqlite3_reset(m_stmt.get());
    // Our statements are fixed and were prepared successfully, so a plain SQLITE_ERROR while stepping one is
    // not a mistake in the SQL: it is how SQLCipher 3.4 reports a page whose authentication code does not
    // match — a damaged or altered store, which the user must hear as such.
    if (rc == SQLITE_ERROR)
        return errorFromCode(SQLITE_CORRUPT, detail, QString());
    return errorFromCode(rc, detail, QString());
}

Status Statement::run() {
    for (;;) {
        TABEL_ASSIGN_OR_RETURN(bool row, step());
        if (!row)
            break;
    }
    reset();
    return {};
}

Status Statement::eachRow(const std::function<Status()>& row) {
    Status out;
    while (out) {
        Result<bool> more = step();
        if (!more)
            out = more.error();
        else if (!*more)
            break;
        else
            out = row();
    }
    reset();
    return out;
}

void Statement::reset() {
    sqlite3_reset(m_stmt.get());
    sqlite3_clear_bindings(m_stmt.get());
    m_bindError = {};
}

bool Statement::isNull(int col) const {
    return sqlite3_column_type(m_stmt.get(), col) == SQLITE_NULL;
}
std::int64_t Statement::columnInt(int col) const {
    return sqlite3_column_int64(m_stmt.get(), col);
}
QString Statement::columnText(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt.get(), col));
    return QString::fromUtf8(p, sqlite3_column_bytes(m_stmt.get(), col));
}
QByteArray Statement::columnBlob(int col) const {
    const void* p = sqlite3_column_blob(m_stmt.get(), col);
    return QByteArray(static_cast<const char*>(p), sqlite3_column_bytes(m_stmt.get(), col));
}
Value Statement::columnValue(int col) const {
    switch (sqlite3_column_type(m_stmt.get(), col)) {
    case SQLITE_INTEGER:
        return columnInt(col);
    case SQLITE_TEXT:
        return columnText(col);
    case SQLITE_BLOB:
        return columnBlob(col);
    default:
        return std::monostate{};
    }
}

Result<Transaction> Transaction::begin(Database& db) {
    TABEL_TRY(db.exec("BEGIN IMMEDIATE"));
    return Transaction(&db);
}

Transaction::~Transaction() {
    if (m_db)
        (void)m_db->exec("ROLLBACK");
}

Status Transaction::commit() {
    Database* db = m_db;
    TABEL_TRY(db->exec("COMMIT"));
    m_db = nullptr;
    return {};
}

Status applyRawKey(Database& db, const crypto::SecretBytes& key) {
    static constexpr char kPrefix[] = "PRAGMA key = \"x'";
    static constexpr char kSuffix[] = "'\"";
    static constexpr char kHex[] = "0123456789abcdef";
    const std::size_t len = sizeof kPrefix - 1 + key.size() * 2 + sizeof kSuffix - 1;
    crypto::SecretBytes sql(len + 1);
    char* p = reinterpret_cast<char*>(sql.data());
    std::memcpy(p, kPrefix, sizeof kPrefix - 1);
    p += sizeof kPrefix - 1;
    for (std::size_t i = 0; i < key.size(); ++i) {
        *p++ = kHex[key.data()[i] >> 4];
        *p++ = kHex[key.data()[i] & 0xf];
    }
    std::memcpy(p, kSuffix, sizeof kSuffix - 1);
    TABEL_TRY(db.exec(reinterpret_cast<const char*>(sql.data())));
    return db.exec("PRAGMA cipher_page_size = 4096");
}

} // namespace tabel::db
