#include "hub/store/hub_store.h"

#include "shared/crypto/secret.h"
#include "shared/crypto/signing.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRandomGenerator>

#include <cstring>

#include <unistd.h>

Q_LOGGING_CATEGORY(lcHubStore, "tabel.hub.store", QtWarningMsg)

namespace tabel::hub {

namespace {

QString tr(const char* s) {
    return QCoreApplication::translate("tabel::hub::HubStore", s);
}

constexpr int kKeyBytes = 32;
constexpr int kSchemaVersion = 1;
constexpr int kMaxPullChangeSets = 5000;

// States of a change set in the log: merged into the registers, held for the operator (an amendment request
// of a closed period), or refused although authentic (out of scope, invalid versions). Held and refused sets
// keep their (device, seq), so the device's sequence goes on without a gap, and are never pulled or replayed.
enum LogState : int { kMerged = 0, kHeld = 1, kRefused = 2 };

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

// PRAGMA key = "x'<hex>'" built in guarded memory (as the node store does), then the settings every open repeats.
Status applyKey(db::Database& db, const crypto::SecretBytes& key) {
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
    TABEL_TRY(db.exec("PRAGMA cipher_page_size = 4096"));
    return {};
}

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
    return {};
}

Status migrate(db::Database& db) {
    TABEL_ASSIGN_OR_RETURN(const std::int64_t current, db.queryInt("PRAGMA user_version"));
    if (current > kSchemaVersion)
        return makeError(ErrorCode::Unsupported, tr("the hub store was created by a newer tabel (schema %1, this "
                                                    "program knows up to %2); update tabel")
                                                     .arg(current)
                                                     .arg(kSchemaVersion));
    if (current == kSchemaVersion)
        return {};
    TABEL_ASSIGN_OR_RETURN(db::Transaction tx, db::Transaction::begin(db));
    TABEL_TRY(db.exec(kSchemaV1));
    TABEL_TRY(db.exec("PRAGMA user_version = 1"));
    return tx.commit();
}

crypto::SecretBytes randomSecret(std::size_t n) {
    crypto::SecretBytes out(n);
    for (std::size_t i = 0; i < n; i += 4) {
        const quint32 r = QRandomGenerator::system()->generate();
        for (std::size_t j = 0; j < 4 && i + j < n; ++j)
            out.data()[i + j] = static_cast<unsigned char>((r >> (8 * j)) & 0xff);
    }
    return out;
}

QByteArray randomBytes(int n) {
    const crypto::SecretBytes s = randomSecret(std::size_t(n));
    return QByteArray(reinterpret_cast<const char*>(s.data()), n);
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

QString scopesJson(const QList<sync::EnrolledAssignment>& assignments) {
    QJsonArray a;
    for (const sync::EnrolledAssignment& x : assignments)
        a.append(QJsonArray{x.classId, x.subjectId, x.groupId});
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

Result<QList<sync::EnrolledAssignment>> parseScopes(const QString& json) {
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8());
    if (!doc.isArray())
        return makeError(ErrorCode::Corrupt, tr("a node's scopes in the hub store are damaged"));
    QList<sync::EnrolledAssignment> out;
    for (const QJsonValue& v : doc.array()) {
        const QJsonArray a = v.toArray();
        if (a.size() != 3)
            return makeError(ErrorCode::Corrupt, tr("a node's scopes in the hub store are damaged"));
        out.append({a.at(0).toString(), a.at(1).toString(), a.at(2).toString()});
    }
    return out;
}

std::optional<QDateTime> timeColumn(const db::Statement& st, int col) {
    if (st.isNull(col))
        return std::nullopt;
    return QDateTime::fromMSecsSinceEpoch(st.columnInt(col), Qt::UTC);
}

constexpr const char* kNodeColumns = "node_id, teacher_id, teacher_name, node_name, device_key, operator, scopes, "
                                     "status, enrolled, last_sync FROM nodes";

Result<NodeRecord> nodeFromRow(const db::Statement& st) {
    NodeRecord n;
    n.nodeId = st.columnText(0);
    n.teacherId = st.columnText(1);
    n.teacherName = st.columnText(2);
    n.nodeName = st.columnText(3);
    n.deviceKey = st.isNull(4) ? QByteArray() : st.columnBlob(4);
    n.isOperator = st.columnInt(5) != 0;
    TABEL_ASSIGN_OR_RETURN(n.assignments, parseScopes(st.columnText(6)));
    const QString status = st.columnText(7);
    n.status = status == u"active"      ? NodeStatus::Active
               : status == u"suspended" ? NodeStatus::Suspended
                                        : NodeStatus::Pending;
    n.enrolled = timeColumn(st, 8);
    n.lastSync = timeColumn(st, 9);
    return n;
}

sync::AckEntry rejected(std::int64_t seq, sync::AckReason reason, const QString& text) {
    return {seq, sync::AckStatus::Rejected, int(reason), text};
}

} // namespace

QString nodeStatusName(NodeStatus s) {
    switch (s) {
    case NodeStatus::Active:
        return QStringLiteral("active");
    case NodeStatus::Suspended:
        return QStringLiteral("suspended");
    case NodeStatus::Pending:
        break;
    }
    return QStringLiteral("pending");
}

sync::NodeScopes NodeRecord::scopes() const {
    sync::NodeScopes s;
    s.teacherId = teacherId;
    s.isOperator = isOperator;
    for (const sync::EnrolledAssignment& a : assignments)
        s.assignments.append(domain::Assignment{teacherId, a.classId, a.subjectId, a.groupId});
    return s;
}

struct HubStore::Impl {
    Paths paths;
    std::optional<db::Database> db;
    sync::Reconciler reconciler;
    int nonceCalls = 0;

    // The merged state from the log: every merged change set, in hub order.
    Status rebuild() {
        reconciler = sync::Reconciler();
        TABEL_ASSIGN_OR_RETURN(db::Statement st,
                               db->prepare("SELECT canonical, signature FROM log WHERE state = 0 ORDER BY hub_seq"));
        while (true) {
            TABEL_ASSIGN_OR_RETURN(const bool row, st.step());
            if (!row)
                break;
            // Verified when it arrived; decoding again checks the store was not altered underneath.
            TABEL_ASSIGN_OR_RETURN(const sync::ChangeSet cs,
                                   sync::ChangeSet::fromCanonicalBytes(st.columnBlob(0), st.columnBlob(1)));
            const sync::ChangeSetResult r = reconciler.apply(cs);
            if (r.rejected)
                return makeError(
                    ErrorCode::Corrupt,
                    tr("the hub's op log holds a change set that cannot be merged again: %1").arg(r.reason));
        }
        return {};
    }

    Result<sync::Ack> pushInTransaction(const NodeRecord& node, const sync::PushBatch& batch, qint64 nowMs);
};

QString HubStore::Paths::database() const {
    return dir + QStringLiteral("/hub.db");
}
QString HubStore::Paths::keyFile() const {
    return dir + QStringLiteral("/hub.key");
}

HubStore::HubStore() : d(std::make_unique<Impl>()) {}
HubStore::HubStore(HubStore&&) noexcept = default;
HubStore& HubStore::operator=(HubStore&&) noexcept = default;
HubStore::~HubStore() = default;

const HubStore::Paths& HubStore::paths() const {
    return d->paths;
}
db::Database& HubStore::database() {
    return *d->db;
}
const sync::Reconciler& HubStore::reconciler() const {
    return d->reconciler;
}

Result<HubStore> HubStore::open(const QString& dir) {
    if (!QDir().mkpath(dir))
        return makeError(ErrorCode::Io, tr("cannot create the folder %1").arg(dir));
    QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    HubStore store;
    store.d->paths = Paths{QDir(dir).absolutePath()};
    const Paths& paths = store.d->paths;
    const bool dbExists = QFileInfo::exists(paths.database());
    TABEL_ASSIGN_OR_RETURN(crypto::SecretBytes key, loadOrCreateKey(paths.keyFile(), dbExists));
    TABEL_ASSIGN_OR_RETURN(db::Database db, db::Database::open(paths.database(), !dbExists));
    QFile::setPermissions(paths.database(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    TABEL_TRY(applyKey(db, key));
    TABEL_TRY(configure(db));
    TABEL_TRY(migrate(db));
    store.d->db.emplace(std::move(db));
    TABEL_TRY(store.d->rebuild());
    return store;
}

// ---- Nodes ----

Result<Enrolment> HubStore::addNode(const NewNode& node, qint64 validForMs) {
    db::Database& db = *d->db;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    TABEL_ASSIGN_OR_RETURN(db::Transaction tx, db::Transaction::begin(db));
    TABEL_ASSIGN_OR_RETURN(const std::int64_t number,
                           db.queryInt("SELECT COALESCE(MAX(CAST(substr(node_id, 2) AS INTEGER)), 0) + 1 FROM nodes"));
    Enrolment e;
    e.nodeId = QStringLiteral("n%1").arg(number);
    e.secret = randomBytes(sync::kEnrollSecretBytes);
    e.expires = QDateTime::fromMSecsSinceEpoch(now + validForMs, Qt::UTC);
    TABEL_ASSIGN_OR_RETURN(db::Statement ins,
                           db.prepare("INSERT INTO nodes(node_id, teacher_id, teacher_name, operator, scopes, status, "
                                      "created) VALUES(?, ?, ?, ?, ?, 'pending', ?)"));
    TABEL_TRY(ins.bind(1, e.nodeId)
                  .bind(2, node.teacherId)
                  .bind(3, node.teacherName)
                  .bind(4, std::int64_t(node.isOperator ? 1 : 0))
                  .bind(5, scopesJson(node.assignments))
                  .bind(6, std::int64_t(now))
                  .run());
    TABEL_ASSIGN_OR_RETURN(db::Statement code,
                           db.prepare("INSERT INTO enrolments(code_hash, node_id, expires) VALUES(?, ?, ?)"));
    TABEL_TRY(code.bind(1, crypto::blake2b256(e.secret))
                  .bind(2, e.nodeId)
                  .bind(3, std::int64_t(e.expires.toMSecsSinceEpoch()))
                  .run());
    TABEL_TRY(tx.commit());
    return e;
}

Result<NodeRecord> HubStore::enroll(const QByteArray& secret, const QByteArray& deviceKey, const QString& nodeName,
                                    qint64 nowMs) {
    db::Database& db = *d->db;
    TABEL_ASSIGN_OR_RETURN(db::Transaction tx, db::Transaction::begin(db));
    TABEL_ASSIGN_OR_RETURN(db::Statement find,
                           db.prepare("SELECT node_id, expires, used FROM enrolments WHERE code_hash = ?"));
    find.bind(1, crypto::blake2b256(secret));
    TABEL_ASSIGN_OR_RETURN(const bool found, find.step());
    if (!found)
        return makeError(ErrorCode::Crypto, tr("the enrolment code is not known to this hub; check it, or ask the "
                                               "operator for a new one («tabel-hub node add»)"));
    const QString nodeId = find.columnText(0);
    if (find.columnInt(2) != 0)
        return makeError(ErrorCode::Crypto, tr("the enrolment code was used already; each code enrols one device; "
                                               "ask the operator for a new one"));
    if (find.columnInt(1) < nowMs)
        return makeError(ErrorCode::Crypto,
                         tr("the enrolment code expired on %1; ask the operator for a new one")
                             .arg(QDateTime::fromMSecsSinceEpoch(find.columnInt(1), Qt::UTC).toString(Qt::ISODate)));
    find.reset();
    TABEL_ASSIGN_OR_RETURN(db::Statement known, db.prepare("SELECT node_id FROM nodes WHERE device_key = ?"));
    known.bind(1, deviceKey);
    TABEL_ASSIGN_OR_RETURN(const bool exists, known.step());
    if (exists)
        return makeError(ErrorCode::AlreadyExists,
                         tr("this device is enrolled already as node «%1»").arg(known.columnText(0)));
    TABEL_ASSIGN_OR_RETURN(db::Statement use, db.prepare("UPDATE enrolments SET used = 1 WHERE code_hash = ?"));
    TABEL_TRY(use.bind(1, crypto::blake2b256(secret)).run());
    // A suspended node stays suspended: enrolling its device does not lift the operator's decision.
    TABEL_ASSIGN_OR_RETURN(db::Statement upd,
                           db.prepare("UPDATE nodes SET device_key = ?, node_name = ?, enrolled = ?, "
                                      "status = CASE status WHEN 'suspended' THEN 'suspended' "
                                      "ELSE 'active' END WHERE node_id = ?"));
    TABEL_TRY(upd.bind(1, deviceKey).bind(2, nodeName).bind(3, std::int64_t(nowMs)).bind(4, nodeId).run());
    TABEL_TRY(tx.commit());
    TABEL_ASSIGN_OR_RETURN(std::optional<NodeRecord> node, nodeByDevice(deviceKey));
    if (!node)
        return makeError(ErrorCode::Internal, tr("the enrolled node vanished from the hub store"));
    return *node;
}

Result<QList<NodeRecord>> HubStore::nodes() {
    const QByteArray sql = QByteArray("SELECT ") + kNodeColumns + " ORDER BY CAST(substr(node_id, 2) AS INTEGER)";
    TABEL_ASSIGN_OR_RETURN(db::Statement st, d->db->prepare(sql.constData()));
    QList<NodeRecord> out;
    while (true) {
        TABEL_ASSIGN_OR_RETURN(const bool row, st.step());
        if (!row)
            break;
        TABEL_ASSIGN_OR_RETURN(NodeRecord n, nodeFromRow(st));
        out.append(std::move(n));
    }
    return out;
}

Result<std::optional<NodeRecord>> HubStore::nodeByDevice(const QByteArray& deviceKey) {
    const QByteArray sql = QByteArray("SELECT ") + kNodeColumns + " WHERE device_key = ?";
    TABEL_ASSIGN_OR_RETURN(db::Statement st, d->db->prepare(sql.constData()));
    st.bind(1, deviceKey);
    TABEL_ASSIGN_OR_RETURN(const bool row, st.step());
    if (!row)
        return std::optional<NodeRecord>();
    TABEL_ASSIGN_OR_RETURN(NodeRecord n, nodeFromRow(st));
    return std::optional<NodeRecord>(std::move(n));
}

Status HubStore::setSuspended(const QString& nodeId, bool suspended) {
    db::Database& db = *d->db;
    TABEL_ASSIGN_OR_RETURN(
        db::Statement st,
        db.prepare(suspended ? "UPDATE nodes SET status = 'suspended' WHERE node_id = ?"
                             : "UPDATE nodes SET status = CASE WHEN device_key IS NULL THEN 'pending' ELSE 'active' "
                               "END WHERE node_id = ?"));
    TABEL_TRY(st.bind(1, nodeId).run());
    if (db.changes() == 0)
        return makeError(ErrorCode::NotFound,
                         tr("there is no node «%1»; «tabel-hub node list» shows the nodes").arg(nodeId));
    return {};
}

// ---- Replay refusal ----

Result<bool> HubStore::rememberNonce(const QByteArray& deviceKey, const QByteArray& nonce, qint64 nowMs,
                                     qint64 keepMs) {
    db::Database& db = *d->db;
    if (d->nonceCalls++ % 256 == 0) {
        TABEL_ASSIGN_OR_RETURN(db::Statement old, db.prepare("DELETE FROM nonces WHERE time < ?"));
        TABEL_TRY(old.bind(1, std::int64_t(nowMs - keepMs)).run());
    }
    TABEL_ASSIGN_OR_RETURN(db::Statement * ins, db.cached("INSERT INTO nonces(device, nonce, time) VALUES(?, ?, ?)"));
    Status st = ins->bind(1, deviceKey).bind(2, nonce).bind(3, std::int64_t(nowMs)).run();
    ins->reset();
    if (!st) {
        if (st.error().code == ErrorCode::AlreadyExists)
            return false;
        return std::move(st).error();
    }
    return true;
}

// ---- Push ----

Result<sync::Ack> HubStore::Impl::pushInTransaction(const NodeRecord& node, const sync::PushBatch& batch,
                                                    qint64 nowMs) {
    db::Database& db_ = *db;
    sync::Ack ack;
    ack.batchId = batch.batchId;
    const sync::NodeScopes scopes = node.scopes();
    TABEL_ASSIGN_OR_RETURN(db::Statement existing,
                           db_.prepare("SELECT canonical FROM log WHERE device = ? AND seq = ?"));
    TABEL_ASSIGN_OR_RETURN(db::Statement last, db_.prepare("SELECT COALESCE(MAX(seq), 0) FROM log WHERE device = ?"));
    TABEL_ASSIGN_OR_RETURN(db::Statement insert,
                           db_.prepare("INSERT INTO log(device, seq, author, canonical, signature, received, state, "
                                       "reason) VALUES(?, ?, ?, ?, ?, ?, ?, ?)"));
    const auto record = [&](const sync::ChangeSet& cs, const sync::SignedChangeSet& s, int state,
                            const QString& reason) -> Status {
        return insert.bind(1, cs.device)
            .bind(2, std::int64_t(cs.seq))
            .bind(3, cs.author)
            .bind(4, s.canonical)
            .bind(5, s.signature)
            .bind(6, std::int64_t(nowMs))
            .bind(7, std::int64_t(state))
            .bind(8, reason)
            .run();
    };

    for (const sync::SignedChangeSet& s : batch.changeSets) {
        Result<sync::ChangeSet> opened = s.open();
        if (!opened) {
            // Tell a bad signature from a set that does not even decode; report its seq when it can be read.
            Result<sync::ChangeSet> decoded = sync::ChangeSet::fromCanonicalBytes(s.canonical, s.signature);
            const std::int64_t seq = decoded ? decoded->seq : 0;
            ack.entries.append(decoded && opened.error().code == ErrorCode::Crypto
                                   ? rejected(seq, sync::AckReason::BadSignature, opened.error().message)
                                   : rejected(seq, sync::AckReason::Malformed, opened.error().message));
            continue;
        }
        const sync::ChangeSet& cs = *opened;
        if (cs.device != node.deviceKey) {
            ack.entries.append(rejected(cs.seq, sync::AckReason::UnknownDevice,
                                        tr("the change set was signed by device %1, not by this node's device %2")
                                            .arg(crypto::fingerprint(cs.device), crypto::fingerprint(node.deviceKey))));
            continue;
        }
        existing.bind(1, cs.device).bind(2, std::int64_t(cs.seq));
        TABEL_ASSIGN_OR_RETURN(const bool seen, existing.step());
        if (seen) {
            const bool same = existing.columnBlob(0) == s.canonical;
            existing.reset();
            ack.entries.append(
                same ? sync::AckEntry{cs.seq, sync::AckStatus::Duplicate, int(sync::AckReason::None), {}}
                     : rejected(cs.seq, sync::AckReason::Invalid,
                                tr("change set %1 of this device was received before with other content; a "
                                   "sequence number is never reused")
                                    .arg(cs.seq)));
            continue;
        }
        existing.reset();
        last.bind(1, cs.device);
        TABEL_ASSIGN_OR_RETURN(const bool hasLast, last.step());
        const std::int64_t lastSeq = hasLast ? last.columnInt(0) : 0;
        last.reset();
        if (cs.seq != lastSeq + 1) {
            ack.entries.append(rejected(
                cs.seq, sync::AckReason::SequenceGap,
                tr("change set %1 arrived, but the hub has this device's change sets only up to %2; send %3 first")
                    .arg(cs.seq)
                    .arg(lastSeq)
                    .arg(lastSeq + 1)));
            continue;
        }
        const sync::ScopeDecision decision = sync::checkChangeSetScope(scopes, cs);
        if (decision.verdict == sync::ScopeVerdict::Rejected) {
            TABEL_TRY(record(cs, s, kRefused, decision.reason));
            ack.entries.append(rejected(cs.seq, sync::AckReason::OutOfScope, decision.reason));
            continue;
        }
        if (decision.verdict == sync::ScopeVerdict::AmendmentRequest) {
            TABEL_TRY(record(cs, s, kHeld, decision.reason));
            ack.entries.append(
                {cs.seq, sync::AckStatus::Conflict, int(sync::AckReason::AmendmentRequest), decision.reason});
            continue;
        }
        const sync::ChangeSetResult merged = reconciler.apply(cs);
        if (merged.rejected) {
            TABEL_TRY(record(cs, s, kRefused, merged.reason));
            ack.entries.append(rejected(cs.seq, sync::AckReason::Invalid, merged.reason));
            continue;
        }
        TABEL_TRY(record(cs, s, kMerged, {}));
        ack.entries.append(merged.hasConflict()
                               ? sync::AckEntry{cs.seq, sync::AckStatus::Conflict, int(sync::AckReason::None),
                                                tr("some field is now in conflict and waits for the operator")}
                               : sync::AckEntry{cs.seq, sync::AckStatus::Accepted, int(sync::AckReason::None), {}});
    }

    TABEL_ASSIGN_OR_RETURN(db::Statement saveAck,
                           db_.prepare("INSERT INTO batches(device, batch_id, ack, received) VALUES(?, ?, ?, ?)"));
    TABEL_TRY(saveAck.bind(1, node.deviceKey)
                  .bind(2, batch.batchId)
                  .bind(3, sync::encode(ack))
                  .bind(4, std::int64_t(nowMs))
                  .run());
    TABEL_ASSIGN_OR_RETURN(db::Statement synced, db_.prepare("UPDATE nodes SET last_sync = ? WHERE node_id = ?"));
    TABEL_TRY(synced.bind(1, std::int64_t(nowMs)).bind(2, node.nodeId).run());
    return ack;
}

Result<sync::Ack> HubStore::push(const NodeRecord& node, const sync::PushBatch& batch, qint64 nowMs) {
    db::Database& db = *d->db;
    TABEL_ASSIGN_OR_RETURN(db::Transaction tx, db::Transaction::begin(db));
    // A batch id seen before: its stored Ack, nothing applied again (R-S4).
    TABEL_ASSIGN_OR_RETURN(db::Statement stored,
                           db.prepare("SELECT ack FROM batches WHERE device = ? AND batch_id = ?"));
    stored.bind(1, node.deviceKey).bind(2, batch.batchId);
    TABEL_ASSIGN_OR_RETURN(const bool seen, stored.step());
    if (seen) {
        sync::WireResult<sync::Ack> ack = sync::decodeAck(stored.columnBlob(0));
        if (!ack)
            return makeError(ErrorCode::Corrupt,
                             tr("a stored acknowledgement in the hub store is damaged: %1").arg(ack.error().message));
        return std::move(ack).value();
    }
    stored.reset();
    // The registers change in memory as the change sets merge; if the transaction does not commit, they are
    // rebuilt from the log, which then holds exactly what it held before.
    Result<sync::Ack> ack = d->pushInTransaction(node, batch, nowMs);
    Status committed = ack ? tx.commit() : Status(ack.error());
    if (!committed) {
        if (auto rebuilt = d->rebuild(); !rebuilt)
            qCWarning(lcHubStore) << "rebuilding the registers failed:" << rebuilt.error().message;
        return std::move(committed).error();
    }
    return ack;
}

// ---- Pull ----

Result<sync::PullBatch> HubStore::pull(const NodeRecord& node, quint64 cursor, int maxChangeSets) {
    db::Database& db = *d->db;
    const int limit = std::clamp(maxChangeSets, 1, kMaxPullChangeSets);
    const sync::NodeScopes scopes = node.scopes();
    sync::PullBatch out;
    out.fromCursor = cursor;
    out.toCursor = cursor;
    TABEL_ASSIGN_OR_RETURN(db::Statement st, db.prepare("SELECT hub_seq, canonical, signature, state FROM log "
                                                        "WHERE hub_seq > ? ORDER BY hub_seq"));
    st.bind(1, std::int64_t(std::min<quint64>(cursor, quint64(std::numeric_limits<std::int64_t>::max()))));
    while (out.changeSets.size() < limit) {
        TABEL_ASSIGN_OR_RETURN(const bool row, st.step());
        if (!row)
            break;
        const quint64 hubSeq = quint64(st.columnInt(0));
        out.toCursor = hubSeq;
        if (st.columnInt(3) != kMerged)
            continue;
        sync::SignedChangeSet s{st.columnBlob(1), st.columnBlob(2)};
        TABEL_ASSIGN_OR_RETURN(const sync::ChangeSet cs, sync::ChangeSet::fromCanonicalBytes(s.canonical, s.signature));
        // A set is sent when any of its ops is within the node's scopes: other teachers' sets of the same class,
        // subject and group are what the node needs to show the whole journal it teaches.
        bool inScope = scopes.isOperator;
        for (const sync::Op& op : cs.ops) {
            if (inScope)
                break;
            inScope = sync::checkScope(scopes, op).verdict != sync::ScopeVerdict::Rejected;
        }
        if (inScope)
            out.changeSets.append({hubSeq, std::move(s)});
    }
    return out;
}

Result<std::int64_t> HubStore::logSize() {
    return d->db->queryInt("SELECT count(*) FROM log");
}

} // namespace tabel::hub
