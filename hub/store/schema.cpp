#include "hub/store/schema.h"

#include "hub/store/internal.h"

#include <QFile>

#include <cstring>

#include <unistd.h>

namespace tabel::hub::schema {

using namespace internal;

namespace {

constexpr int kPageCacheKiB = 64 * 1024;      // SQLite's page cache of one hub connection, at most
constexpr int kReaderPageCacheKiB = 8 * 1024; // and of the history worker's reader

// Version 1. user_version tells the schema; a newer one is refused.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE meta(
    key   TEXT PRIMARY KEY NOT NULL,
    value BLOB
) WITHOUT ROWID;
-- Nodes: a teacher's device. Pending until the device enrols with the code; device_key is its Ed25519 key.
-- scopes: canonical JSON [["class","subject","group"], …] in the order given.
CREATE TABLE nodes(
    node_id      TEXT PRIMARY KEY NOT NULL,
    teacher_id   TEXT NOT NULL,
    teacher_name TEXT NOT NULL,
    node_name    TEXT NOT NULL DEFAULT '',
    device_key   BLOB UNIQUE,
    operator     INTEGER NOT NULL DEFAULT 0,
    scopes       TEXT NOT NULL,
    status       TEXT NOT NULL,
    created      INTEGER NOT NULL,
    enrolled     INTEGER,
    last_sync    INTEGER
) WITHOUT ROWID;
-- One-time enrolment codes: only BLAKE2b-256 of the secret is kept.
CREATE TABLE enrolments(
    code_hash BLOB PRIMARY KEY NOT NULL,
    node_id   TEXT NOT NULL REFERENCES nodes(node_id),
    expires   INTEGER NOT NULL,
    used      INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
-- The op log: every authentic change set received, as its device signed it, in hub order.
CREATE TABLE log(
    hub_seq   INTEGER PRIMARY KEY,
    device    BLOB NOT NULL,
    seq       INTEGER NOT NULL,
    author    TEXT NOT NULL,
    canonical BLOB NOT NULL,
    signature BLOB NOT NULL,
    received  INTEGER NOT NULL,
    state     INTEGER NOT NULL,
    reason    TEXT NOT NULL DEFAULT '',
    UNIQUE(device, seq)
);
-- The Ack of every batch (R-S4): a repeated batch id is answered with it.
CREATE TABLE batches(
    device   BLOB NOT NULL,
    batch_id BLOB NOT NULL,
    ack      BLOB NOT NULL,
    received INTEGER NOT NULL,
    PRIMARY KEY(device, batch_id)
) WITHOUT ROWID;
-- Nonces of signed requests, kept for twice the accepted clock skew (replay refusal).
CREATE TABLE nonces(
    device BLOB NOT NULL,
    nonce  BLOB NOT NULL,
    time   INTEGER NOT NULL,
    PRIMARY KEY(device, nonce)
) WITHOUT ROWID;
CREATE INDEX nonces_by_time ON nonces(time);
)sql";

// Version 3: who stands in for whom (R-J10): the substitute each merged subst/ entity names, kept by
// MergedState::store in the same transaction, so that a push or a pull reads one teacher's substitutions instead of
// every substitution of every year. Derived from the registers: `tabel-hub check` compares it with them.
constexpr const char* kSchemaV3 = R"sql(
CREATE TABLE substitutes(
    teacher TEXT NOT NULL,
    entity  TEXT NOT NULL,
    PRIMARY KEY(teacher, entity)
) WITHOUT ROWID;
CREATE INDEX substitutes_by_entity ON substitutes(entity);
)sql";

// Version 2: the merged state persisted (registers, conflicts), merged change sets indexed by their unit
// (log_scopes, sync/unit.h), the school year of every log row and register (the partition the year archive takes
// out), and what each node has been sent (pull_epochs). migrateToV2() fills them from the log.
constexpr const char* kSchemaV2 = R"sql(
ALTER TABLE log ADD COLUMN year INTEGER NOT NULL DEFAULT 0;
-- The registers of an entity's fields (sync::encodeEntityRegisters): versions, values, authors, bases, heads.
CREATE TABLE registers(
    entity TEXT PRIMARY KEY NOT NULL,
    regs   BLOB NOT NULL,
    year   INTEGER NOT NULL
) WITHOUT ROWID;
-- The fields whose heads hold more than one value, with the class they are listed under.
CREATE TABLE conflicts(
    entity TEXT NOT NULL,
    field  TEXT NOT NULL,
    class  TEXT NOT NULL,
    PRIMARY KEY(entity, field)
) WITHOUT ROWID;
CREATE INDEX conflicts_by_class ON conflicts(class, entity, field);
-- Merged change sets by unit: class ('' school-wide) and subject ('' the class's reference data). A pull walks
-- the keys of the node's scopes after its cursor. One row per set; a set of schema 1 that spans units has one
-- row per unit it touches.
CREATE TABLE log_scopes(
    class   TEXT NOT NULL,
    subject TEXT NOT NULL,
    hub_seq INTEGER NOT NULL,
    PRIMARY KEY(class, subject, hub_seq)
) WITHOUT ROWID;
CREATE INDEX log_scopes_by_seq ON log_scopes(hub_seq);
-- What a node has been sent (PROTOCOL.md, "Pull"): per epoch of its cursor, the keys it receives, the position
-- up to which the keys it had before were sent, and the keys new in that epoch, sent from the start (backfill).
CREATE TABLE pull_epochs(
    node_id TEXT NOT NULL,
    epoch   INTEGER NOT NULL,
    upto    INTEGER NOT NULL,
    keys    TEXT NOT NULL,
    fresh   TEXT NOT NULL,
    PRIMARY KEY(node_id, epoch)
) WITHOUT ROWID;
)sql";

// ---- Closed periods and amendment requests (R-S6): tables made when missing, like the history's ----

constexpr const char* kOperatorSchema = R"sql(
-- Periods the operator closed: edits to them become amendment requests. class_id '' closes it for every class.
CREATE TABLE IF NOT EXISTS closed_periods(
    period_id TEXT NOT NULL,
    class_id  TEXT NOT NULL,
    start     TEXT NOT NULL,
    end       TEXT NOT NULL,
    closed    INTEGER NOT NULL,
    PRIMARY KEY(period_id, class_id)
) WITHOUT ROWID;
-- The operator's decisions on held change sets. id: the hub_seq at which the set was held; hub_seq: where it is
-- now (a decision moves it to the end of the log). A held set without a row here is still waiting.
-- The register of prints (2.5.10): every document printed, with the SHA-256 of its file. number is printed on
-- the document; origin is 'hub' or the node that printed it and reported it at a sync.
CREATE TABLE IF NOT EXISTS prints(
    number     INTEGER PRIMARY KEY,
    printed    INTEGER NOT NULL,
    who        TEXT NOT NULL,
    origin     TEXT NOT NULL,
    form       TEXT NOT NULL,
    parameters TEXT NOT NULL,
    format     TEXT NOT NULL,
    pages      INTEGER NOT NULL,
    bytes      INTEGER NOT NULL,
    sha256     BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS prints_by_hash ON prints(sha256);
-- The prints the teachers' computers made and reported at a sync (their own numbers, per node).
CREATE TABLE IF NOT EXISTS node_prints(
    node_id    TEXT NOT NULL,
    number     INTEGER NOT NULL,
    printed    INTEGER NOT NULL,
    who        TEXT NOT NULL,
    form       TEXT NOT NULL,
    parameters TEXT NOT NULL,
    format     TEXT NOT NULL,
    pages      INTEGER NOT NULL,
    bytes      INTEGER NOT NULL,
    sha256     BLOB NOT NULL,
    received   INTEGER NOT NULL,
    PRIMARY KEY(node_id, number)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS node_prints_by_hash ON node_prints(sha256);
CREATE TABLE IF NOT EXISTS amendments(
    id          INTEGER PRIMARY KEY,
    hub_seq     INTEGER NOT NULL UNIQUE,
    state       TEXT NOT NULL,
    held_reason TEXT NOT NULL,
    requested   INTEGER NOT NULL,
    decided     INTEGER NOT NULL,
    note        TEXT NOT NULL DEFAULT ''
);
)sql";

// The units a change set of schema 1 touches, for the index: sets of that time may span classes (the roster of
// a school was one set). Per class, its subject when every op of the class is of one subject.
QList<sync::ScopeKey> unitsTouched(const sync::ChangeSet& cs, const sync::CurrentValue& current) {
    std::map<QString, QString> pupilClass; // as the set writes it
    for (const sync::Op& op : cs.ops)
        if (op.field == u"class" && op.entity.startsWith(u"pupil/"))
            pupilClass[op.entity] = domain::textOf(op.value);
    std::map<QString, std::optional<QString>> subjectOf; // class → its one subject, or '' when mixed
    for (const sync::Op& op : cs.ops) {
        const domain::EntityKey key = domain::parseEntityKey(op.entity);
        QString cls;
        if (key.type == domain::KeyType::Pupil)
            cls = pupilClass.count(op.entity) ? pupilClass[op.entity]
                                              : domain::textOf(current(op.entity, QStringLiteral("class")));
        const sync::ScopeKey k = sync::scopeKeyOf(key, cls);
        auto [it, inserted] = subjectOf.emplace(k.classId, k.subjectId);
        if (!inserted && it->second != k.subjectId)
            it->second = QString();
    }
    QList<sync::ScopeKey> out;
    for (const auto& [cls, subject] : subjectOf)
        out.append({cls, subject.value_or(QString())});
    return out;
}

Status migrateToV2(db::Database& db);

// Schema 1 → 2, in the migration's transaction: the registers and the unit index from a replay of the merged log
// in hub order, the year of every row. The replay reads one change set at a time and forgets the registers it
// loaded every few hundred sets, so memory stays bounded here too.
Status migrateToV2(db::Database& db) {
    MergedState state(db);
    const sync::CurrentValue current = [&state](const QString& entity, const QString& field) {
        return state.visibleValue(entity, field);
    };
    TABEL_ASSIGN_OR_RETURN(db::Statement rows, db.prepare("SELECT hub_seq, canonical, signature, state, received "
                                                          "FROM log ORDER BY hub_seq"));
    TABEL_ASSIGN_OR_RETURN(db::Statement setYear, db.prepare("UPDATE log SET year = ? WHERE hub_seq = ?"));
    TABEL_ASSIGN_OR_RETURN(db::Statement index,
                           db.prepare("INSERT INTO log_scopes(class, subject, hub_seq) VALUES(?, ?, ?)"));
    int sets = 0;
    while (true) {
        TABEL_ASSIGN_OR_RETURN(const bool row, rows.step());
        if (!row)
            break;
        const std::int64_t hubSeq = rows.columnInt(0);
        TABEL_ASSIGN_OR_RETURN(const sync::ChangeSet cs, logChangeSet(rows.columnBlob(1), rows.columnBlob(2)));
        const int year = yearOf(sync::scopeOfChangeSet(cs, current), rows.columnInt(4));
        TABEL_TRY(setYear.bind(1, std::int64_t(year)).bind(2, hubSeq).run());
        setYear.reset();
        if (rows.columnInt(3) != kMerged)
            continue;
        QList<sync::ScopeKey> units = unitsTouched(cs, current);
        for (const sync::Op& op : cs.ops)
            if (op.entity.startsWith(u"pupil/")) {
                units.append({sync::kNoClass, sync::kPupilsIndex});
                break;
            }
        for (const sync::ScopeKey& k : units) {
            TABEL_TRY(index.bind(1, k.classId).bind(2, k.subjectId).bind(3, hubSeq).run());
            index.reset();
        }
        TABEL_ASSIGN_OR_RETURN(const sync::ChangeSetResult r, state.apply(cs, year));
        if (r.rejected)
            return makeError(ErrorCode::Corrupt,
                             tr("the hub's op log holds a change set that cannot be merged again (hub sequence %1): "
                                "%2")
                                 .arg(hubSeq)
                                 .arg(r.reason));
        if (++sets % 256 == 0)
            state.reset();
    }
    return state.error();
}

} // namespace

Status configure(db::Database& db) {
    if (auto r = db.queryInt("SELECT count(*) FROM sqlite_master"); !r)
        return r.error().code == ErrorCode::Corrupt
                   ? makeError(ErrorCode::Corrupt,
                               tr("the hub store %1 is damaged, was altered, or does not match hub.key; restore the "
                                  "folder from a backup")
                                   .arg(db.path()))
                   : r.error();
    TABEL_TRY(db.exec("PRAGMA journal_mode = WAL"));
    TABEL_TRY(db.exec("PRAGMA synchronous = FULL"));
    TABEL_TRY(db.exec("PRAGMA temp_store = MEMORY"));
    TABEL_TRY(db.exec("PRAGMA foreign_keys = ON"));
    // The memory a hub process may spend on pages of hub.db (ARCHITECTURE.md, "The hub's state": bounded by this,
    // not by the history). Kept across requests of serve, it holds the upper levels of the large B-trees
    // (registers, git_objects, log), so a request reads and decrypts only their leaves.
    TABEL_TRY(db.exec(QStringLiteral("PRAGMA cache_size = -%1").arg(kPageCacheKiB).toUtf8().constData()));
    return {};
}

Status checkpoint(db::Database& db) {
    return db.exec("PRAGMA wal_checkpoint(PASSIVE)");
}

Result<db::Database> openReader(const QString& path, const crypto::SecretBytes& key) {
    TABEL_ASSIGN_OR_RETURN(db::Database db, db::Database::open(path, false));
    TABEL_TRY(db::applyRawKey(db, key));
    TABEL_TRY(db.exec("PRAGMA query_only = 1"));
    TABEL_TRY(db.exec("PRAGMA temp_store = MEMORY"));
    // It reads a push's month files and the few registers the push did not load.
    TABEL_TRY(db.exec(QStringLiteral("PRAGMA cache_size = -%1").arg(kReaderPageCacheKiB).toUtf8().constData()));
    return db;
}

Status migrate(db::Database& db) {
    TABEL_ASSIGN_OR_RETURN(const std::int64_t current, db.queryInt("PRAGMA user_version"));
    if (current > kSchemaVersion)
        return makeError(ErrorCode::Unsupported, tr("the hub store was created by a newer tabel (schema %1, this "
                                                    "program knows up to %2); update tabel")
                                                     .arg(current)
                                                     .arg(kSchemaVersion));
    if (current == kSchemaVersion)
        return db.exec(kOperatorSchema);
    // Every step in one transaction: a kill -9 during a migration leaves the store as it was.
    TABEL_ASSIGN_OR_RETURN(db::Transaction tx, db::Transaction::begin(db));
    if (current < 1)
        TABEL_TRY(db.exec(kSchemaV1));
    if (current < 2)
        TABEL_TRY(db.exec(kSchemaV2));
    TABEL_TRY(db.exec(kSchemaV3));
    if (current == 1)
        TABEL_TRY(migrateToV2(db)); // its merge fills `substitutes` too
    if (current == 2) {
        MergedState state(db);
        TABEL_TRY(state.rebuildSubstitutes());
    }
    TABEL_TRY(db.exec("PRAGMA user_version = 3"));
    TABEL_TRY(tx.commit());
    return db.exec(kOperatorSchema);
}

// hub.key: 32 random bytes, made once, mode 0600, written and synced before the database exists.
Result<crypto::SecretBytes> loadOrCreateKey(const QString& path, bool databaseExists) {
    QFile f(path);
    if (!f.exists()) {
        if (databaseExists)
            return makeError(ErrorCode::Corrupt,
                             tr("the key file %1 is missing, so the hub store cannot be opened; restore it from the "
                                "backup of the hub's folder")
                                 .arg(path));
        crypto::SecretBytes key = randomSecret(kKeyBytes);
        if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
            return makeError(ErrorCode::Io, tr("cannot create the key file %1: %2").arg(path, f.errorString()));
        if (f.write(reinterpret_cast<const char*>(key.data()), kKeyBytes) != kKeyBytes || !f.flush() ||
            ::fsync(f.handle()) != 0) {
            f.close();
            f.remove();
            return makeError(ErrorCode::Io, tr("cannot write the key file %1").arg(path));
        }
        return key;
    }
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, tr("cannot read the key file %1: %2").arg(path, f.errorString()));
    QByteArray raw = f.read(kKeyBytes + 1);
    if (raw.size() != kKeyBytes) {
        raw.fill('\0');
        return makeError(ErrorCode::Corrupt,
                         tr("the key file %1 is damaged: it must hold exactly %2 bytes").arg(path).arg(kKeyBytes));
    }
    crypto::SecretBytes key = crypto::SecretBytes::fromBytes(raw.constData(), std::size_t(raw.size()));
    raw.fill('\0');
    return key;
}

} // namespace tabel::hub::schema
