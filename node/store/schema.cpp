#include "node/store/schema.h"

#include "node/store/bytes.h"
#include "node/store/lesson_docs.h"

#include "shared/core/zstd.h"

#include <QCoreApplication>

#include <cstring>
#include <functional>

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

// Version 5 (issue 2 item 8): one row per entity in `state` (its fields in one blob, encodeState) and one row per
// change set in the op log: `changesets.body` holds the change set's signed canonical bytes (zstd), `nops` its op
// count and `size` the bytes' length; the `ops` table goes. A teacher's lesson then writes one state row per
// mark or absence and one log row, instead of two rows per field. The rows are converted in C++
// (migrateToV5) between the two halves.
constexpr const char* kV5Create = R"sql(
CREATE TABLE state_v5(
    entity TEXT PRIMARY KEY NOT NULL,
    fields BLOB NOT NULL
) WITHOUT ROWID;
CREATE TABLE changesets_v5(
    device    INTEGER NOT NULL REFERENCES devices(number),
    seq       INTEGER NOT NULL,
    author    TEXT NOT NULL,
    hlc       INTEGER NOT NULL,
    hash      BLOB NOT NULL,
    signature BLOB NOT NULL,
    pushed    INTEGER NOT NULL DEFAULT 0,
    nops      INTEGER NOT NULL,
    size      INTEGER NOT NULL,
    body      BLOB NOT NULL,
    PRIMARY KEY(device, seq)
) WITHOUT ROWID;
)sql";
constexpr const char* kV5Finish = R"sql(
DROP INDEX changesets_pending;
DROP TABLE ops;
DROP TABLE changesets;
DROP TABLE state;
ALTER TABLE state_v5 RENAME TO state;
ALTER TABLE changesets_v5 RENAME TO changesets;
CREATE INDEX changesets_pending ON changesets(pushed, device, seq);
)sql";

// Version 6 (issue 2 item 8): lessons, their marks and their absences move from `state` into one row per lesson
// (lesson_docs.h): rows appended in rowid order, found by the lesson key in the UNIQUE index. The entities' stored
// bytes move unchanged (migrateToV6).
constexpr const char* kV6 = R"sql(
CREATE TABLE lesson_docs(
    id   INTEGER PRIMARY KEY,
    doc  TEXT NOT NULL UNIQUE,
    body BLOB NOT NULL
);
)sql";

domain::FieldValue fromDb(const db::Value& v) {
    if (std::holds_alternative<std::int64_t>(v))
        return std::get<std::int64_t>(v);
    if (std::holds_alternative<QString>(v))
        return std::get<QString>(v);
    return std::monostate{};
}

Status migrateToV5(db::Database& db) {
    TABEL_TRY(db.exec(kV5Create));
    // The op log: each change set's ops, in HLC order, become its canonical bytes again — the bytes it was signed
    // over, so the stored signature still verifies (the test checks it).
    {
        TABEL_ASSIGN_OR_RETURN(db::Statement sets,
                               db.prepare("SELECT c.device, d.public_key, c.seq, c.author, c.hlc, c.hash, c.signature, "
                                          "c.pushed FROM changesets c JOIN devices d ON d.number = c.device "
                                          "ORDER BY c.device, c.seq"));
        TABEL_ASSIGN_OR_RETURN(db::Statement ops, db.prepare("SELECT hlc, entity, field, value, bdev, bhlc FROM ops "
                                                             "WHERE device = ? AND seq = ? ORDER BY hlc"));
        TABEL_ASSIGN_OR_RETURN(db::Statement ins,
                               db.prepare("INSERT INTO changesets_v5(device, seq, author, hlc, hash, signature, "
                                          "pushed, nops, size, body) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        for (;;) {
            TABEL_ASSIGN_OR_RETURN(bool row, sets.step());
            if (!row)
                break;
            sync::ChangeSet cs;
            const std::int64_t device = sets.columnInt(0);
            cs.device = sets.columnBlob(1);
            cs.seq = sets.columnInt(2);
            cs.author = sets.columnText(3);
            cs.hlc = sets.columnInt(4);
            cs.signature = sets.columnBlob(6);
            ops.bind(1, device).bind(2, cs.seq);
            for (;;) {
                TABEL_ASSIGN_OR_RETURN(bool orow, ops.step());
                if (!orow)
                    break;
                cs.ops.append(sync::Op{ops.columnInt(0),
                                       ops.columnText(1),
                                       ops.columnText(2),
                                       fromDb(ops.columnValue(3)),
                                       {ops.columnInt(4), ops.columnInt(5)}});
            }
            ops.reset();
            const QByteArray bytes = cs.canonicalBytes();
            TABEL_ASSIGN_OR_RETURN(QByteArray body, zstdCompress(bytes, 1));
            ins.bind(1, device)
                .bind(2, cs.seq)
                .bind(3, cs.author)
                .bind(4, cs.hlc)
                .bind(5, sets.columnBlob(5))
                .bind(6, cs.signature)
                .bind(7, sets.columnInt(7))
                .bind(8, std::int64_t(cs.ops.size()))
                .bind(9, std::int64_t(bytes.size()))
                .bind(10, body);
            TABEL_TRY(ins.run());
        }
    }
    // The state: the rows of one entity become one.
    {
        TABEL_ASSIGN_OR_RETURN(db::Statement rows,
                               db.prepare("SELECT entity, field, value, vdev, vhlc FROM state ORDER BY entity, field"));
        TABEL_ASSIGN_OR_RETURN(db::Statement ins, db.prepare("INSERT INTO state_v5(entity, fields) VALUES(?, ?)"));
        QString entity;
        EntityState fields;
        const auto flush = [&]() -> Status {
            if (fields.empty())
                return {};
            ins.bind(1, entity).bind(2, encodeState(fields));
            fields.clear();
            return ins.run();
        };
        for (;;) {
            TABEL_ASSIGN_OR_RETURN(bool row, rows.step());
            if (!row)
                break;
            const QString key = rows.columnText(0);
            if (key != entity) {
                TABEL_TRY(flush());
                entity = key;
            }
            fields.emplace(rows.columnText(1),
                           FieldState{fromDb(rows.columnValue(2)), {rows.columnInt(3), rows.columnInt(4)}});
        }
        TABEL_TRY(flush());
    }
    return db.exec(kV5Finish);
}

Status migrateToV6(db::Database& db) {
    TABEL_TRY(db.exec(kV6));
    std::map<QString, docs::Entries> lessons;
    QStringList moved;
    {
        TABEL_ASSIGN_OR_RETURN(db::Statement rows,
                               db.prepare("SELECT entity, fields FROM state WHERE entity >= 'att/' AND entity < 'att0' "
                                          "OR entity >= 'lesson/' AND entity < 'lesson0' "
                                          "OR entity >= 'mark/' AND entity < 'mark0'"));
        for (;;) {
            TABEL_ASSIGN_OR_RETURN(bool row, rows.step());
            if (!row)
                break;
            QString key = rows.columnText(0);
            const std::optional<docs::Address> at = docs::addressOf(key);
            if (!at)
                continue; // not a lesson's entity after all: it stays in `state`
            lessons[at->doc].emplace(at->sub, rows.columnBlob(1));
            moved.append(std::move(key));
        }
    }
    TABEL_ASSIGN_OR_RETURN(db::Statement ins, db.prepare("INSERT INTO lesson_docs(doc, body) VALUES(?, ?)"));
    for (const auto& [doc, entries] : lessons) {
        ins.bind(1, doc).bind(2, docs::encodeDoc(entries));
        TABEL_TRY(ins.run());
    }
    TABEL_ASSIGN_OR_RETURN(db::Statement del, db.prepare("DELETE FROM state WHERE entity = ?"));
    for (const QString& key : moved) {
        del.bind(1, key);
        TABEL_TRY(del.run());
    }
    return {};
}

// Version 7 (issue 9): the change sets pulled from the hub that this node could not read as journal entries (a value
// its kind does not allow): kept with the reason, never applied, reported by `sync` and `status`.
constexpr const char* kV7 = R"sql(
CREATE TABLE refused_pulls(
    device    BLOB NOT NULL,
    seq       INTEGER NOT NULL,
    hub_seq   INTEGER NOT NULL,
    author    TEXT NOT NULL,
    reason    TEXT NOT NULL,
    received  INTEGER NOT NULL,
    canonical BLOB NOT NULL,
    signature BLOB NOT NULL,
    PRIMARY KEY(device, seq)
) WITHOUT ROWID;
)sql";

// Version 8 (issue 11): the register of what this computer printed (2.5.10), with the SHA-256 of each file;
// reported: the hub has the entry (set when a sync hands it over).
constexpr const char* kV8 = R"sql(
CREATE TABLE prints(
    number     INTEGER PRIMARY KEY,
    printed    INTEGER NOT NULL,
    who        TEXT NOT NULL,
    form       TEXT NOT NULL,
    parameters TEXT NOT NULL,
    format     TEXT NOT NULL,
    pages      INTEGER NOT NULL,
    bytes      INTEGER NOT NULL,
    sha256     BLOB NOT NULL,
    reported   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX prints_by_hash ON prints(sha256);
)sql";

// Version 9 (issue 10): the fate of this node's amendment requests (R-S6): change sets the hub held because they
// edit a closed period, waiting for the operator, then accepted or declined with the operator's words. The sync
// reports them once; `tabel-node status` and the journal page's sync bar show the newest ten.
constexpr const char* kV9 = R"sql(
CREATE TABLE amendment_requests(
    seq          INTEGER PRIMARY KEY,
    amendment_id INTEGER NOT NULL DEFAULT 0,
    state        TEXT NOT NULL CHECK(state IN ('waiting', 'accepted', 'declined')),
    held_text    TEXT NOT NULL DEFAULT '',
    decision     TEXT NOT NULL DEFAULT '',
    updated      INTEGER NOT NULL
);
)sql";

Status runSql(db::Database& db, const char* sql) {
    return db.exec(sql);
}

using Migration = std::function<Status(db::Database&)>;
const Migration kMigrations[] = {
    [](db::Database& db) { return runSql(db, kV1); },
    [](db::Database& db) { return runSql(db, kV2); },
    [](db::Database& db) { return runSql(db, kV3); },
    [](db::Database& db) { return runSql(db, kV4); },
    migrateToV5,
    migrateToV6,
    [](db::Database& db) { return runSql(db, kV7); },
    [](db::Database& db) { return runSql(db, kV8); },
    [](db::Database& db) { return runSql(db, kV9); },
};
static_assert(std::size(kMigrations) == kCurrentVersion);

void putInt(QByteArray& out, std::uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i)
        out.append(char((v >> (8 * i)) & 0xff));
}

std::uint64_t getInt(const char* p, int bytes) {
    std::uint64_t v = 0;
    for (int i = 0; i < bytes; ++i)
        v |= std::uint64_t(static_cast<unsigned char>(p[i])) << (8 * i);
    return v;
}

} // namespace

namespace {

using bytes::putVarint;

std::uint64_t zigzag(std::int64_t v) {
    return (std::uint64_t(v) << 1) ^ std::uint64_t(v >> 63);
}

std::int64_t unzigzag(std::uint64_t v) {
    return std::int64_t(v >> 1) ^ -std::int64_t(v & 1);
}

// A bounded cursor over a stored blob; every read says whether the bytes were there.
struct BlobReader {
    const char* p;
    const char* end;
    bool byte(std::uint8_t& out) {
        if (p >= end)
            return false;
        out = static_cast<std::uint8_t>(*p++);
        return true;
    }
    bool fixed(std::uint64_t& out, int bytes) {
        if (end - p < bytes)
            return false;
        out = getInt(p, bytes);
        p += bytes;
        return true;
    }
    bool varint(std::uint64_t& out) { return bytes::getVarint(p, end, out); }
    bool text(QString& out, std::uint64_t length) {
        if (std::uint64_t(end - p) < length)
            return false;
        out = QString::fromUtf8(p, qsizetype(length));
        p += length;
        return true;
    }
};

// Format 1 (schema v5 as first written): per field in name order, name length (1 byte), name, type (0 null,
// 1 integer, 2 text), the value (integer: 8 bytes little-endian; text: 4-byte little-endian length, UTF-8), the
// version's device and HLC (8 bytes little-endian each). Read, no longer written.
Result<EntityState> decodeFormat1(BlobReader in) {
    EntityState out;
    while (in.p < in.end) {
        std::uint8_t nameLen = 0, type = 0;
        QString name;
        if (!in.byte(nameLen) || !in.text(name, nameLen) || !in.byte(type))
            return Error{};
        FieldState f;
        std::uint64_t n = 0;
        if (type == 1) {
            if (!in.fixed(n, 8))
                return Error{};
            f.value = std::int64_t(n);
        } else if (type == 2) {
            QString t;
            if (!in.fixed(n, 4) || !in.text(t, n))
                return Error{};
            f.value = std::move(t);
        } else if (type != 0) {
            return Error{};
        }
        std::uint64_t device = 0, hlc = 0;
        if (!in.fixed(device, 8) || !in.fixed(hlc, 8))
            return Error{};
        f.version = {std::int64_t(device), std::int64_t(hlc)};
        out.emplace_hint(out.end(), std::move(name), std::move(f));
    }
    return out;
}

// Format 2: the same fields, compact. Integers are zigzag varints, text a varint length and UTF-8. A version is
// tag 0 (the previous field's device, its HLC plus a zigzag varint delta; the first field's "previous" is (0, 0))
// or tag 1 (device and HLC, 8 bytes little-endian each). A mark's fields, written by one change set, then cost
// two bytes of version each instead of sixteen.
Result<EntityState> decodeFormat2(BlobReader in) {
    EntityState out;
    sync::Version previous;
    while (in.p < in.end) {
        std::uint8_t nameLen = 0, type = 0, tag = 0;
        QString name;
        if (!in.byte(nameLen) || !in.text(name, nameLen) || !in.byte(type))
            return Error{};
        FieldState f;
        std::uint64_t n = 0;
        if (type == 1) {
            if (!in.varint(n))
                return Error{};
            f.value = unzigzag(n);
        } else if (type == 2) {
            QString t;
            if (!in.varint(n) || !in.text(t, n))
                return Error{};
            f.value = std::move(t);
        } else if (type != 0) {
            return Error{};
        }
        if (!in.byte(tag))
            return Error{};
        if (tag == 0) {
            if (!in.varint(n))
                return Error{};
            f.version = {previous.device, std::int64_t(std::uint64_t(previous.hlc) + std::uint64_t(unzigzag(n)))};
        } else if (tag == 1) {
            std::uint64_t device = 0, hlc = 0;
            if (!in.fixed(device, 8) || !in.fixed(hlc, 8))
                return Error{};
            f.version = {std::int64_t(device), std::int64_t(hlc)};
        } else {
            return Error{};
        }
        previous = f.version;
        out.emplace_hint(out.end(), std::move(name), std::move(f));
    }
    return out;
}

// Text as UTF-8, its length first (a byte, or a varint): ASCII, by far the most frequent, without a conversion.
void putText(QByteArray& out, const QString& s, bool varintLength) {
    const QChar* c = s.constData();
    const qsizetype n = s.size();
    qsizetype i = 0;
    while (i < n && c[i].unicode() < 0x80)
        ++i;
    if (i < n) {
        const QByteArray utf8 = s.toUtf8();
        if (varintLength)
            putVarint(out, std::uint64_t(utf8.size()));
        else
            out.append(char(utf8.size()));
        out.append(utf8);
        return;
    }
    if (varintLength)
        putVarint(out, std::uint64_t(n));
    else
        out.append(char(n));
    const qsizetype at = out.size();
    out.resize(at + n);
    char* p = out.data() + at;
    for (i = 0; i < n; ++i)
        p[i] = char(c[i].unicode());
}

} // namespace

QByteArray encodeState(const EntityState& state) {
    QByteArray out;
    out.reserve(1 + int(state.size()) * 24);
    out.append(char(2));
    sync::Version previous;
    for (const auto& [name, f] : state) {
        putText(out, name, false); // field names are at most Limits::maxFieldNameBytes (64)
        if (std::holds_alternative<std::int64_t>(f.value)) {
            out.append(char(1));
            putVarint(out, zigzag(std::get<std::int64_t>(f.value)));
        } else if (std::holds_alternative<QString>(f.value)) {
            out.append(char(2));
            putText(out, std::get<QString>(f.value), true);
        } else {
            out.append(char(0));
        }
        if (f.version.device == previous.device) {
            out.append(char(0));
            putVarint(out, zigzag(std::int64_t(std::uint64_t(f.version.hlc) - std::uint64_t(previous.hlc))));
        } else {
            out.append(char(1));
            putInt(out, std::uint64_t(f.version.device), 8);
            putInt(out, std::uint64_t(f.version.hlc), 8);
        }
        previous = f.version;
    }
    return out;
}

Result<EntityState> decodeState(const QByteArray& bytes) {
    const auto damaged = [] {
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate("tabel::node::schema", "a stored entity is damaged; restore the "
                                                                            "store from a backup"));
    };
    if (bytes.isEmpty())
        return damaged();
    const BlobReader in{bytes.constData() + 1, bytes.constData() + bytes.size()};
    Result<EntityState> state = bytes.at(0) == 1 ? decodeFormat1(in) : bytes.at(0) == 2 ? decodeFormat2(in) : Error{};
    if (!state)
        return damaged();
    return state;
}

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
        TABEL_TRY(kMigrations[current](db));
        const QByteArray pragma = "PRAGMA user_version = " + QByteArray::number(current + 1);
        TABEL_TRY(db.exec(pragma.constData()));
        TABEL_TRY(tx.commit());
        ++current;
    }
    return {};
}

} // namespace tabel::node::schema
