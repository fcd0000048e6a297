#include "node/store/schema.h"

#include <QCoreApplication>

namespace tabel::node::schema {

namespace {

// Version 1: identity, state with a version per field, the signed op log.
constexpr const char* kV1 = R"sql(
CREATE TABLE meta(
    key   TEXT PRIMARY KEY NOT NULL,
    value BLOB
) WITHOUT ROWID;
-- Devices whose change sets this store holds (its own first). number = crypto::deviceNumber(public_key).
CREATE TABLE devices(
    number     INTEGER PRIMARY KEY NOT NULL,
    public_key BLOB NOT NULL UNIQUE
);
-- Current value of every field of every entity, with the version (device, hlc) of the op that wrote it.
CREATE TABLE state(
    entity TEXT NOT NULL,
    field  TEXT NOT NULL,
    value,
    vdev   INTEGER NOT NULL,
    vhlc   INTEGER NOT NULL,
    PRIMARY KEY(entity, field)
) WITHOUT ROWID;
-- One row per signed change set (one local transaction or one pulled batch entry).
CREATE TABLE changesets(
    device    INTEGER NOT NULL REFERENCES devices(number),
    seq       INTEGER NOT NULL,
    author    TEXT NOT NULL,
    hlc       INTEGER NOT NULL,
    hash      BLOB NOT NULL,
    signature BLOB NOT NULL,
    pushed    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY(device, seq)
) WITHOUT ROWID;
CREATE TABLE ops(
    device INTEGER NOT NULL,
    hlc    INTEGER NOT NULL,
    seq    INTEGER NOT NULL,
    entity TEXT NOT NULL,
    field  TEXT NOT NULL,
    value,
    bdev   INTEGER NOT NULL,
    bhlc   INTEGER NOT NULL,
    PRIMARY KEY(device, hlc)
) WITHOUT ROWID;
CREATE INDEX ops_by_changeset ON ops(device, seq);
)sql";

// Version 2: submissions' files (R-J8), zstd-compressed and deduplicated by SHA-256; and an index for the
// pending-ops count that status and sync ask for.
constexpr const char* kV2 = R"sql(
CREATE TABLE blobs(
    hash     TEXT PRIMARY KEY NOT NULL,
    size     INTEGER NOT NULL,
    stored   INTEGER NOT NULL,
    received INTEGER NOT NULL,
    data     BLOB NOT NULL
) WITHOUT ROWID;
CREATE INDEX changesets_pending ON changesets(pushed, device, seq);
)sql";

// Version 3: the hub this node is enrolled at (R-S9) and the state of its sync (issue 3): key/value rows
// (hub_url, hub_fingerprint, node_id, cursor, last_sync, the batch being pushed) and the node's assignments.
// changesets.pushed: 0 pending, 1 acknowledged by the hub, 2 refused by the hub (kept, reported, not resent).
constexpr const char* kV3 = R"sql(
CREATE TABLE sync(
    key   TEXT PRIMARY KEY NOT NULL,
    value
) WITHOUT ROWID;
CREATE TABLE scopes(
    class   TEXT NOT NULL,
    subject TEXT NOT NULL,
    grp     TEXT NOT NULL,
    PRIMARY KEY(class, subject, grp)
) WITHOUT ROWID;
)sql";

// Version 4: the op log keyed by change set. Every read of ops goes by (device, seq) — a change set's ops,
// the pending counts — so the primary key (device, seq, hlc) serves them and the separate index goes: one
// B-tree written per op instead of two (tests/bench/README.md). An op's id (device, hlc) stays unique because
// a device's HLC never repeats; a pulled op is still recognised by the key when it comes again.
constexpr const char* kV4 = R"sql(
CREATE TABLE ops_v4(
    device INTEGER NOT NULL,
    seq    INTEGER NOT NULL,
    hlc    INTEGER NOT NULL,
    entity TEXT NOT NULL,
    field  TEXT NOT NULL,
    value,
    bdev   INTEGER NOT NULL,
    bhlc   INTEGER NOT NULL,
    PRIMARY KEY(device, seq, hlc)
) WITHOUT ROWID;
INSERT INTO ops_v4(device, seq, hlc, entity, field, value, bdev, bhlc)
    SELECT device, seq, hlc, entity, field, value, bdev, bhlc FROM ops;
DROP INDEX ops_by_changeset;
DROP TABLE ops;
ALTER TABLE ops_v4 RENAME TO ops;
)sql";

constexpr const char* kMigrations[] = {kV1, kV2, kV3, kV4};
static_assert(std::size(kMigrations) == kCurrentVersion);

} // namespace

Result<int> version(db::Database& db) {
    TABEL_ASSIGN_OR_RETURN(std::int64_t v, db.queryInt("PRAGMA user_version"));
    return int(v);
}

Status migrate(db::Database& db, int target) {
    TABEL_ASSIGN_OR_RETURN(int current, version(db));
    if (current > kCurrentVersion)
        return makeError(ErrorCode::Unsupported,
                         QCoreApplication::translate("tabel::node::schema",
                                                     "the store was created by a newer tabel (schema %1, this program "
                                                     "knows up to %2); update tabel")
                             .arg(current)
                             .arg(kCurrentVersion));
    while (current < target) {
        TABEL_ASSIGN_OR_RETURN(db::Transaction tx, db::Transaction::begin(db));
        TABEL_TRY(db.exec(kMigrations[current]));
        const QByteArray pragma = "PRAGMA user_version = " + QByteArray::number(current + 1);
        TABEL_TRY(db.exec(pragma.constData()));
        TABEL_TRY(tx.commit());
        ++current;
    }
    return {};
}

} // namespace tabel::node::schema
