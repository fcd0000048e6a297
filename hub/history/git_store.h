// libgit2 over the encrypted hub store (R-S7): a custom object database backend that keeps every git object in
// the table git_objects of hub.db, written through the hub's own SQLite connection, so the objects of a commit
// land in the same transaction as the op-log rows and the Ack that caused it. There is no repository on disk:
// the git_repository is made with git_repository_wrap_odb() over that backend alone.
//
// Objects are stored zstd-compressed (git's own loose objects are zlib-compressed; packing is not needed, the
// database is the pack). Nothing of git touches the file system: no objects folder, no refs, no index, no
// config written. The branch tips live in git_heads (history.h explains why this replaces a refdb backend).
#pragma once

#include "shared/core/cfree.h"
#include "shared/core/result.h"
#include "shared/db/sqlite.h"

#include <git2.h>

#include <QByteArray>
#include <QString>

#include <map>

namespace tabel::hub::gitstore {

using Repository = CHandle<git_repository, &git_repository_free>;
using Odb = CHandle<git_odb, &git_odb_free>;
using Tree = CHandle<git_tree, &git_tree_free>;
using Commit = CHandle<git_commit, &git_commit_free>;
using Blob = CHandle<git_blob, &git_blob_free>;
using Signature = CHandle<git_signature, &git_signature_free>;
using Revwalk = CHandle<git_revwalk, &git_revwalk_free>;
using OdbObject = CHandle<git_odb_object, &git_odb_object_free>;
using Diff = CHandle<git_diff, &git_diff_free>;

// Initialises libgit2 once per process.
void initialize();

// Creates git_objects and git_heads when missing (idempotent; see history.h for why they are not in the store's
// numbered migrations).
[[nodiscard]] Status ensureSchema(db::Database& db);

// Objects written to a repository opened over a buffer: kept in memory (uncompressed) instead of git_objects, and
// read from there first. The history's worker renders a commit this way on a read-only connection; the objects
// are then written by the writer's transaction (putObject).
struct Buffer {
    struct Object {
        git_object_t type = GIT_OBJECT_INVALID;
        QByteArray content;
    };
    std::map<QByteArray, Object> objects; // by raw oid
};

// A repository whose only object database is hub.db's git_objects, through `db` (which must outlive it). Make
// one per transaction: libgit2 caches objects in memory, and a rolled-back transaction must not leave objects
// in a cache that the database no longer holds. With a buffer, objects are written into it instead (it must
// outlive the repository) and nothing is written to `db`.
[[nodiscard]] Result<Repository> open(db::Database& db, Buffer* buffer = nullptr);

// Writes one object (frame: its zstd-compressed content) into git_objects; a present one is left as it is.
[[nodiscard]] Status putObject(db::Database& db, const QByteArray& oid, int type, std::int64_t size,
                               const QByteArray& frame);
// An object's content as stored in git_objects (zstd, level 1).
[[nodiscard]] Result<QByteArray> frameOf(const QByteArray& content);

// libgit2's last error as an Error naming what was attempted; Ok when rc >= 0.
[[nodiscard]] Status check(int rc, const char* what);

QString hex(const git_oid& oid);
QByteArray raw(const git_oid& oid);
[[nodiscard]] Result<git_oid> oidFromRaw(const QByteArray& bytes);

} // namespace tabel::hub::gitstore
