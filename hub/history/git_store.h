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

// A repository whose only object database is hub.db's git_objects, through `db` (which must outlive it). Make
// one per transaction: libgit2 caches objects in memory, and a rolled-back transaction must not leave objects
// in a cache that the database no longer holds.
[[nodiscard]] Result<Repository> open(db::Database& db);

// libgit2's last error as an Error naming what was attempted; Ok when rc >= 0.
[[nodiscard]] Status check(int rc, const char* what);

QString hex(const git_oid& oid);
QByteArray raw(const git_oid& oid);
[[nodiscard]] Result<git_oid> oidFromRaw(const QByteArray& bytes);

} // namespace tabel::hub::gitstore
