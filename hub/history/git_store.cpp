#include "hub/history/git_store.h"

#include "shared/core/zstd.h"

#include <git2/sys/odb_backend.h>

#include <QCoreApplication>

#include <cstring>
#include <mutex>

namespace tabel::hub::gitstore {

namespace {

QString tr(const char* s) {
    return QCoreApplication::translate("tabel::hub::History", s);
}

// Objects: the raw 20-byte id, git's type number, the uncompressed size and the zstd frame of the content.
// Heads: one row per repository (class/year), the commit its branch points at.
constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS git_objects(
    oid  BLOB PRIMARY KEY NOT NULL,
    type INTEGER NOT NULL,
    size INTEGER NOT NULL,
    data BLOB NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS git_heads(
    repo       TEXT PRIMARY KEY NOT NULL,
    commit_oid BLOB NOT NULL
) WITHOUT ROWID;
)sql";

struct SqliteBackend {
    git_odb_backend parent; // first: libgit2 hands back this pointer
    db::Database* db = nullptr;
    Buffer* buffer = nullptr; // when set: written here, and read from here first
};

SqliteBackend* self(git_odb_backend* b) {
    return reinterpret_cast<SqliteBackend*>(b);
}

QByteArray keyOf(const git_oid* oid) {
    return QByteArray(reinterpret_cast<const char*>(oid->id), GIT_OID_RAWSZ);
}

int fail(const Error& e) {
    git_error_set_str(GIT_ERROR_ODB, e.message.toUtf8().constData());
    return -1;
}

// Reads one object's header and, when wanted, its content.
int lookup(SqliteBackend* b, const git_oid* oid, git_object_t* type, size_t* size, QByteArray* content) {
    if (b->buffer)
        if (const auto it = b->buffer->objects.find(keyOf(oid)); it != b->buffer->objects.end()) {
            *type = it->second.type;
            *size = size_t(it->second.content.size());
            if (content)
                *content = it->second.content;
            return 0;
        }
    Result<db::Statement*> st = b->db->cached("SELECT type, size, data FROM git_objects WHERE oid = ?");
    if (!st)
        return fail(st.error());
    db::Statement& q = **st;
    q.bind(1, keyOf(oid));
    Result<bool> row = q.step();
    if (!row) {
        q.reset();
        return fail(row.error());
    }
    if (!*row) {
        q.reset();
        return GIT_ENOTFOUND;
    }
    *type = git_object_t(q.columnInt(0));
    const std::int64_t n = q.columnInt(1);
    *size = size_t(n);
    QByteArray frame = content ? q.columnBlob(2) : QByteArray();
    q.reset();
    if (content) {
        Result<QByteArray> data = zstdDecompress(frame, qsizetype(n));
        if (!data || data->size() != n)
            return fail(makeError(ErrorCode::Corrupt, tr("git object %1 in the hub store is damaged").arg(hex(*oid))));
        *content = std::move(*data);
    }
    return 0;
}

int backendRead(void** out, size_t* len, git_object_t* type, git_odb_backend* backend, const git_oid* oid) {
    QByteArray content;
    if (const int rc = lookup(self(backend), oid, type, len, &content); rc != 0)
        return rc;
    void* buf = git_odb_backend_data_alloc(backend, content.size() ? size_t(content.size()) : 1);
    if (!buf)
        return -1;
    if (!content.isEmpty())
        std::memcpy(buf, content.constData(), size_t(content.size()));
    *out = buf;
    return 0;
}

int backendReadHeader(size_t* len, git_object_t* type, git_odb_backend* backend, const git_oid* oid) {
    return lookup(self(backend), oid, type, len, nullptr);
}

int backendExists(git_odb_backend* backend, const git_oid* oid) {
    SqliteBackend* b = self(backend);
    if (b->buffer && b->buffer->objects.count(keyOf(oid)))
        return 1;
    Result<db::Statement*> st = b->db->cached("SELECT 1 FROM git_objects WHERE oid = ?");
    if (!st)
        return 0;
    db::Statement& q = **st;
    q.bind(1, keyOf(oid));
    Result<bool> row = q.step();
    q.reset();
    return row && *row ? 1 : 0;
}

// Asked before every write ("is it there already?"). Always «not here»: the write is then INSERT OR IGNORE, which
// finds a present object itself. Asking first cost a second lookup of a random key in a table that grows with the
// history (a third of the history's time in a day's push at 150 class-years, tests/bench/README.md).
int backendFreshen(git_odb_backend*, const git_oid*) {
    return GIT_ENOTFOUND;
}

int backendWrite(git_odb_backend* backend, const git_oid* oid, const void* data, size_t len, git_object_t type) {
    SqliteBackend* b = self(backend);
    const QByteArray content(static_cast<const char*>(data), qsizetype(len));
    if (b->buffer) {
        b->buffer->objects.insert_or_assign(keyOf(oid), Buffer::Object{type, content});
        return 0;
    }
    Result<QByteArray> frame = frameOf(content);
    if (!frame)
        return fail(frame.error());
    const Status ok = putObject(*b->db, keyOf(oid), int(type), std::int64_t(len), *frame);
    return ok ? 0 : fail(ok.error());
}

int backendForeach(git_odb_backend* backend, git_odb_foreach_cb cb, void* payload) {
    Result<db::Statement> st = self(backend)->db->prepare("SELECT oid FROM git_objects ORDER BY oid");
    if (!st)
        return fail(st.error());
    while (true) {
        Result<bool> row = st->step();
        if (!row)
            return fail(row.error());
        if (!*row)
            return 0;
        Result<git_oid> oid = oidFromRaw(st->columnBlob(0));
        if (!oid)
            return fail(oid.error());
        if (const int rc = cb(&*oid, payload); rc != 0)
            return rc;
    }
}

void backendFree(git_odb_backend* backend) {
    delete self(backend);
}

} // namespace

void initialize() {
    static std::once_flag once;
    std::call_once(once, [] {
        git_libgit2_init();
        // The history writes every object its trees and commits name, in the same transaction, just before: checking
        // that each exists is one more random lookup apiece in git_objects, which grows with the years.
        git_libgit2_opts(GIT_OPT_ENABLE_STRICT_OBJECT_CREATION, 0);
        // Nor is an object read back hashed again: the page it lies on is authenticated by SQLCipher's HMAC.
        git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
    });
}

Status ensureSchema(db::Database& db) {
    return db.exec(kSchema);
}

Status check(int rc, const char* what) {
    if (rc >= 0)
        return {};
    const git_error* e = git_error_last();
    return makeError(
        ErrorCode::Storage,
        tr("the hub's history (git) failed to %1: %2")
            .arg(QString::fromUtf8(what), e && e->message ? QString::fromUtf8(e->message) : tr("error %1").arg(rc)));
}

Result<QByteArray> frameOf(const QByteArray& content) {
    return zstdCompress(content, 1);
}

Status putObject(db::Database& db, const QByteArray& oid, int type, std::int64_t size, const QByteArray& frame) {
    // Same id, same content: a second write of an object is a no-op.
    TABEL_ASSIGN_OR_RETURN(db::Statement * st,
                           db.cached("INSERT OR IGNORE INTO git_objects(oid, type, size, data) VALUES(?, ?, ?, ?)"));
    Status ok = st->bind(1, oid).bind(2, std::int64_t(type)).bind(3, size).bind(4, frame).run();
    st->reset();
    return ok;
}

Result<Repository> open(db::Database& db, Buffer* buffer) {
    initialize();
    git_odb* rawOdb = nullptr;
    TABEL_TRY(check(git_odb_new(&rawOdb), "create an object database"));
    Odb odb(rawOdb);
    auto* backend = new SqliteBackend;
    if (const int rc = git_odb_init_backend(&backend->parent, GIT_ODB_BACKEND_VERSION); rc < 0) {
        delete backend;
        return check(rc, "initialise the object database backend").error();
    }
    backend->db = &db;
    backend->buffer = buffer;
    backend->parent.read = backendRead;
    backend->parent.read_header = backendReadHeader;
    backend->parent.write = backendWrite;
    backend->parent.exists = backendExists;
    backend->parent.freshen = backendFreshen;
    backend->parent.foreach = backendForeach;
    backend->parent.free = backendFree;
    if (const int rc = git_odb_add_backend(odb.get(), &backend->parent, 1); rc < 0) {
        delete backend;
        return check(rc, "add the object database backend").error();
    }
    git_repository* repo = nullptr;
    TABEL_TRY(check(git_repository_wrap_odb(&repo, odb.get()), "open the history repository"));
    return Repository(repo); // the repository holds its own reference to the odb
}

QString hex(const git_oid& oid) {
    char buf[GIT_OID_HEXSZ + 1];
    git_oid_tostr(buf, sizeof buf, &oid);
    return QString::fromLatin1(buf);
}

QByteArray raw(const git_oid& oid) {
    return QByteArray(reinterpret_cast<const char*>(oid.id), GIT_OID_RAWSZ);
}

Result<git_oid> oidFromRaw(const QByteArray& bytes) {
    if (bytes.size() != GIT_OID_RAWSZ)
        return makeError(ErrorCode::Corrupt, tr("a git object id in the hub store is damaged"));
    git_oid oid;
    git_oid_fromraw(&oid, reinterpret_cast<const unsigned char*>(bytes.constData()));
    return oid;
}

} // namespace tabel::hub::gitstore
