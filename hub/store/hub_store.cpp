#include "hub/store/hub_store.h"

#include "hub/history/history.h"
#include "hub/store/merged_state.h"
#include "shared/core/hlc.h"
#include "shared/crypto/secret.h"
#include "shared/crypto/signing.h"
#include "shared/domain/entity_key.h"
#include "sync/relevance.h"
#include "sync/unit.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRandomGenerator>

#include <algorithm>
#include <cstring>

#include <unistd.h>

Q_LOGGING_CATEGORY(lcHubStore, "tabel.hub.store", QtWarningMsg)

namespace tabel::hub {

namespace {

QString tr(const char* s) {
    return QCoreApplication::translate("tabel::hub::HubStore", s);
}

constexpr int kKeyBytes = 32;
constexpr int kSchemaVersion = 2;
constexpr int kMaxPullChangeSets = 5000;
constexpr qsizetype kMaxPullOps = 100000;     // half of WireLimits::maxOpsPerBatch
constexpr qsizetype kMaxOpenConflicts = 1000; // in a pull answer; WireLimits::maxOpenConflicts is the decoder's

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

// Version 2: the merged state persisted (registers, conflicts), merged change sets indexed by their unit
// (log_scopes, sync/unit.h), the school year of every log row and register (the partition the year archive takes
// out), and what each node has been sent (pull_epochs). migrateToV2() fills them from the log.
constexpr const char* kSchemaV2 = R"sql(
ALTER TABLE log ADD COLUMN year INTEGER NOT NULL DEFAULT 0;
-- The register of every field (sync::FieldRegister::encode): heads, versions, values, authors, bases.
CREATE TABLE registers(
    entity TEXT NOT NULL,
    field  TEXT NOT NULL,
    reg    BLOB NOT NULL,
    year   INTEGER NOT NULL,
    PRIMARY KEY(entity, field)
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

Status migrateToV2(db::Database& db);

Status migrate(db::Database& db) {
    TABEL_ASSIGN_OR_RETURN(const std::int64_t current, db.queryInt("PRAGMA user_version"));
    if (current > kSchemaVersion)
        return makeError(ErrorCode::Unsupported, tr("the hub store was created by a newer tabel (schema %1, this "
                                                    "program knows up to %2); update tabel")
                                                     .arg(current)
                                                     .arg(kSchemaVersion));
    if (current == kSchemaVersion)
        return {};
    // Every step in one transaction: a kill -9 during a migration leaves the store as it was.
    TABEL_ASSIGN_OR_RETURN(db::Transaction tx, db::Transaction::begin(db));
    if (current < 1)
        TABEL_TRY(db.exec(kSchemaV1));
    TABEL_TRY(db.exec(kSchemaV2));
    if (current == 1)
        TABEL_TRY(migrateToV2(db));
    TABEL_TRY(db.exec("PRAGMA user_version = 2"));
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

Result<QList<sync::ClosedPeriod>> loadClosedPeriods(db::Database& db) {
    TABEL_ASSIGN_OR_RETURN(db::Statement * st, db.cached("SELECT period_id, class_id, start, end FROM closed_periods "
                                                         "ORDER BY start, period_id, class_id"));
    QList<sync::ClosedPeriod> out;
    while (true) {
        Result<bool> row = st->step();
        if (!row || !*row) {
            st->reset();
            if (!row)
                return std::move(row).error();
            break;
        }
        sync::ClosedPeriod p;
        p.periodId = st->columnText(0);
        p.classId = st->columnText(1);
        p.start = QDate::fromString(st->columnText(2), Qt::ISODate);
        p.end = QDate::fromString(st->columnText(3), Qt::ISODate);
        out.append(std::move(p));
    }
    return out;
}

Result<QList<sync::AmendmentNotice>> amendmentNotices(db::Database& db, const QByteArray& device, quint64 from,
                                                      quint64 to) {
    QList<sync::AmendmentNotice> out;
    if (to <= from)
        return out;
    TABEL_ASSIGN_OR_RETURN(db::Statement * st,
                           db.cached("SELECT a.id, l.seq, a.state, a.note FROM amendments a JOIN log l ON "
                                     "l.hub_seq = a.hub_seq WHERE l.device = ? AND a.hub_seq > ? AND a.hub_seq <= ? "
                                     "ORDER BY a.hub_seq"));
    st->bind(1, device).bind(2, std::int64_t(from)).bind(3, std::int64_t(to));
    while (true) {
        Result<bool> row = st->step();
        if (!row || !*row) {
            st->reset();
            if (!row)
                return std::move(row).error();
            break;
        }
        out.append({st->columnInt(1), st->columnText(2) == u"accepted", st->columnInt(0), st->columnText(3)});
    }
    return out;
}

sync::AckEntry rejected(std::int64_t seq, sync::AckReason reason, const QString& text) {
    return {seq, sync::AckStatus::Rejected, int(reason), text};
}

// R-J10 (2.5.4), R-S6: the lessons in which `teacherId` stands in for a colleague, from the merged subst/ entities
// (the operator's reference data). A substitute's node may write those lessons, their marks and attendance, and
// pulls them. Entries that no longer read as a substitution (a field withdrawn) give no window.
QList<sync::SubstitutionWindow> substitutionWindows(const sync::RegisterView& state, const QString& teacherId) {
    QList<sync::SubstitutionWindow> out;
    if (teacherId.isEmpty())
        return out;
    for (const auto& [entity, fields] : state.entitiesUnder(QStringLiteral("subst/"))) {
        const Result<domain::Substitution> s = domain::Substitution::fromFields(entity, fields);
        if (s && s->substituteId == teacherId)
            out.append(sync::SubstitutionWindow{s->date, s->slot, s->classId, s->groupId, s->subjectId});
    }
    return out;
}

// The school year of a change set: the first date its keys hold, else the day it was received.
int yearOf(const sync::ChangeSetScope& scope, qint64 receivedMs) {
    return domain::schoolYearOf(scope.date ? *scope.date : QDateTime::fromMSecsSinceEpoch(receivedMs, Qt::UTC).date());
}

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
        TABEL_ASSIGN_OR_RETURN(const sync::ChangeSet cs,
                               sync::ChangeSet::fromCanonicalBytes(rows.columnBlob(1), rows.columnBlob(2)));
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
    std::optional<MergedState> state; // the registers in hub.db; caches only what one request reads
    int nonceCalls = 0;
    Result<bool> rememberNonce(const QByteArray& deviceKey, const QByteArray& nonce, qint64 nowMs, qint64 keepMs);
    std::optional<crypto::SigningKeyPair> hubKey; // the hub's own device (operator's change sets)
    HubIdentity identity;
    Hlc hlc; // the hub device's clock: after its own last change set and every base it wrote on

    // Runs body in one IMMEDIATE transaction and commits when it succeeded and no register read failed; the
    // registers read or written are forgotten either way, so memory stays bounded by one request. The one
    // commit-or-roll-back path of every write of the store.
    template <typename F> auto inTransaction(F&& body) -> decltype(body()) {
        TABEL_ASSIGN_OR_RETURN(db::Transaction tx, db::Transaction::begin(*db));
        auto result = body();
        Status committed = result ? state->error() : Status(result.error());
        if (committed)
            committed = tx.commit();
        state->reset();
        if (!committed)
            return std::move(committed).error();
        return result;
    }

    sync::CurrentValue currentValue() const {
        const MergedState* s = &*state;
        return [s](const QString& entity, const QString& field) { return s->visibleValue(entity, field); };
    }

    // Appends a change set to the log; returns its hub_seq.
    Result<std::int64_t> appendLog(const sync::ChangeSet& cs, const sync::SignedChangeSet& s, int state_,
                                   const QString& reason, qint64 nowMs, int year) {
        TABEL_ASSIGN_OR_RETURN(db::Statement * insert,
                               db->cached("INSERT INTO log(device, seq, author, canonical, signature, received, "
                                          "state, reason, year) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        Status st = insert->bind(1, cs.device)
                        .bind(2, std::int64_t(cs.seq))
                        .bind(3, cs.author)
                        .bind(4, s.canonical)
                        .bind(5, s.signature)
                        .bind(6, std::int64_t(nowMs))
                        .bind(7, std::int64_t(state_))
                        .bind(8, reason)
                        .bind(9, std::int64_t(year))
                        .run();
        insert->reset();
        TABEL_TRY(std::move(st));
        return db->lastInsertRowId();
    }

    // The one path by which change sets enter the merged state — pushes, the hub's own change sets (imports,
    // resolutions) and accepted amendment requests: reconciled against the stored registers, then recorded as
    // merged and indexed under its unit, or as refused when the registers refuse it (nothing of it applied).
    // Runs inside the caller's transaction (inTransaction).
    Result<sync::ChangeSetResult> mergeChangeSet(const sync::ChangeSet& cs, const sync::SignedChangeSet& s,
                                                 const sync::ChangeSetScope& scope, qint64 nowMs,
                                                 std::int64_t* hubSeqOut = nullptr) {
        const int year = yearOf(scope, nowMs);
        TABEL_ASSIGN_OR_RETURN(sync::ChangeSetResult merged, state->apply(cs, year));
        if (merged.rejected) {
            TABEL_TRY(appendLog(cs, s, kRefused, merged.reason, nowMs, year));
            return merged;
        }
        TABEL_ASSIGN_OR_RETURN(const std::int64_t hubSeq, appendLog(cs, s, kMerged, {}, nowMs, year));
        TABEL_TRY(indexSet(cs, scope.key, hubSeq));
        hlc.observe(cs.hlc);
        if (hubSeqOut)
            *hubSeqOut = hubSeq;
        return merged;
    }

    Status indexSet(const sync::ChangeSet& cs, const sync::ScopeKey& key, std::int64_t hubSeq) {
        TABEL_TRY(indexUnder(key, hubSeq));
        for (const sync::Op& op : cs.ops)
            if (op.entity.startsWith(u"pupil/"))
                return indexUnder({sync::kNoClass, sync::kPupilsIndex}, hubSeq);
        return {};
    }

    Status indexUnder(const sync::ScopeKey& key, std::int64_t hubSeq) {
        TABEL_ASSIGN_OR_RETURN(db::Statement * ins,
                               db->cached("INSERT INTO log_scopes(class, subject, hub_seq) VALUES(?, ?, ?)"));
        Status st = ins->bind(1, key.classId).bind(2, key.subjectId).bind(3, hubSeq).run();
        ins->reset();
        return st;
    }

    Status loadOrCreateHubKey();
    Status loadHubClock();
    // Signs ops (their hlc is set here, after every base) as the hub's next change set and merges it, in the
    // caller's transaction.
    Result<OperatorCommit> commitOwn(QList<sync::Op> ops, qint64 nowMs);
    // Ops writing `fields` of an entity as a node's put() does: only what differs from the merged value, based on
    // every head of the field.
    void opsFor(const QString& key, const domain::Fields& fields, QList<sync::Op>& out) const;
    Result<QHash<std::int64_t, NodeRecord>> nodesByDeviceNumber();
    Result<ConflictInfo> describe(const sync::FieldId& field, const QHash<std::int64_t, NodeRecord>& nodes);

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
const sync::RegisterView& HubStore::state() const {
    return *d->state;
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
    TABEL_TRY(db.exec(kOperatorSchema));
    store.d->db.emplace(std::move(db));
    store.d->state.emplace(*store.d->db);
    TABEL_TRY(store.d->loadOrCreateHubKey());
    TABEL_TRY(store.d->loadHubClock());
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
    if (find.columnInt(2) != 0) {
        // The same device again with its code: the answer to its first request was lost on the way (a cut
        // connection), so it gets the same enrolment once more. Any other device is refused.
        TABEL_ASSIGN_OR_RETURN(std::optional<NodeRecord> same, nodeByDevice(deviceKey));
        if (same && same->nodeId == nodeId)
            return *same;
        return makeError(ErrorCode::Crypto, tr("the enrolment code was used already; each code enrols one device; "
                                               "ask the operator for a new one"));
    }
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
    return d->rememberNonce(deviceKey, nonce, nowMs, keepMs);
}

// In the caller's transaction, if any (pushOnce), or as statements of their own.
Result<bool> HubStore::Impl::rememberNonce(const QByteArray& deviceKey, const QByteArray& nonce, qint64 nowMs,
                                           qint64 keepMs) {
    db::Database& database = *db;
    if (nonceCalls++ % 256 == 0) {
        TABEL_ASSIGN_OR_RETURN(db::Statement old, database.prepare("DELETE FROM nonces WHERE time < ?"));
        TABEL_TRY(old.bind(1, std::int64_t(nowMs - keepMs)).run());
    }
    TABEL_ASSIGN_OR_RETURN(db::Statement * ins,
                           database.cached("INSERT INTO nonces(device, nonce, time) VALUES(?, ?, ?)"));
    Status st = ins->bind(1, deviceKey).bind(2, nonce).bind(3, std::int64_t(nowMs)).run();
    ins->reset();
    if (!st) {
        if (st.error().code == ErrorCode::AlreadyExists)
            return false;
        return std::move(st).error();
    }
    return true;
}

Result<std::int64_t> HubStore::strangerNonceCount(qint64 nowMs, qint64 keepMs) {
    TABEL_ASSIGN_OR_RETURN(db::Statement * st,
                           d->db->cached("SELECT count(*) FROM nonces WHERE time >= ? AND device NOT IN "
                                         "(SELECT device_key FROM nodes WHERE device_key IS NOT NULL)"));
    st->bind(1, std::int64_t(nowMs - keepMs));
    Result<bool> row = st->step();
    const std::int64_t n = row && *row ? st->columnInt(0) : 0;
    st->reset();
    if (!row)
        return std::move(row).error();
    return n;
}

// ---- Push ----

Result<sync::Ack> HubStore::Impl::pushInTransaction(const NodeRecord& node, const sync::PushBatch& batch,
                                                    qint64 nowMs) {
    db::Database& db_ = *db;
    sync::Ack ack;
    ack.batchId = batch.batchId;
    sync::NodeScopes scopes = node.scopes();
    TABEL_ASSIGN_OR_RETURN(scopes.closedPeriods, loadClosedPeriods(db_)); // R-S6: edits to them are held
    TABEL_ASSIGN_OR_RETURN(db::Statement existing,
                           db_.prepare("SELECT canonical FROM log WHERE device = ? AND seq = ?"));
    TABEL_ASSIGN_OR_RETURN(db::Statement last, db_.prepare("SELECT COALESCE(MAX(seq), 0) FROM log WHERE device = ?"));
    scopes.substitutions = substitutionWindows(*state, node.teacherId); // as merged until now
    const sync::CurrentValue current = currentValue();
    QList<sync::ChangeSet> mergedSets; // for the history
    const auto record = [&](const sync::ChangeSet& cs, const sync::SignedChangeSet& s, int logState,
                            const QString& reason, const sync::ChangeSetScope& unit) -> Status {
        TABEL_TRY(appendLog(cs, s, logState, reason, nowMs, yearOf(unit, nowMs)));
        return {};
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
        // One unit per change set (sync/unit.h): a set carrying two classes' data would reach nodes of either.
        const sync::ChangeSetScope unit = sync::scopeOfChangeSet(cs, current);
        if (unit.spans) {
            const QString reason = tr("change set %1 writes data of two units («%2» and «%3»); a change set stays "
                                      "inside one class (or the school-wide data): update tabel on this device")
                                       .arg(cs.seq)
                                       .arg(unit.key.text(), unit.other);
            TABEL_TRY(record(cs, s, kRefused, reason, unit));
            ack.entries.append(rejected(cs.seq, sync::AckReason::OutOfScope, reason));
            continue;
        }
        const sync::ScopeDecision decision = sync::checkChangeSetScope(scopes, cs);
        if (decision.verdict == sync::ScopeVerdict::Rejected) {
            TABEL_TRY(record(cs, s, kRefused, decision.reason, unit));
            ack.entries.append(rejected(cs.seq, sync::AckReason::OutOfScope, decision.reason));
            continue;
        }
        if (decision.verdict == sync::ScopeVerdict::AmendmentRequest) {
            TABEL_TRY(record(cs, s, kHeld, decision.reason, unit));
            ack.entries.append(
                {cs.seq, sync::AckStatus::Conflict, int(sync::AckReason::AmendmentRequest), decision.reason});
            continue;
        }
        TABEL_ASSIGN_OR_RETURN(const sync::ChangeSetResult merged, mergeChangeSet(cs, s, unit, nowMs));
        if (merged.rejected) {
            ack.entries.append(rejected(cs.seq, sync::AckReason::Invalid, merged.reason));
            continue;
        }
        mergedSets.append(cs);
        ack.entries.append(merged.hasConflict()
                               ? sync::AckEntry{cs.seq, sync::AckStatus::Conflict, int(sync::AckReason::None),
                                                tr("some field is now in conflict and waits for the operator")}
                               : sync::AckEntry{cs.seq, sync::AckStatus::Accepted, int(sync::AckReason::None), {}});
    }

    // The history (hub/history): one commit per class repository the merged sets changed, in this transaction.
    TABEL_TRY(History::record(db_,
                              {batch.batchId, node.nodeId, node.deviceKey, node.teacherId, node.teacherName, nowMs},
                              mergedSets, *state));
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
    return pushWith(node, batch, nowMs, nullptr, nullptr); // without a nonce there is no replay to refuse
}

Result<std::optional<sync::Ack>> HubStore::pushOnce(const NodeRecord& node, const sync::PushBatch& batch, qint64 nowMs,
                                                    const FrameNonce& nonce) {
    bool replayed = false;
    Result<sync::Ack> ack = pushWith(node, batch, nowMs, &nonce, &replayed);
    if (!ack)
        return std::move(ack).error();
    if (replayed)
        return std::optional<sync::Ack>();
    return std::optional<sync::Ack>(std::move(ack).value());
}

Result<sync::Ack> HubStore::pushWith(const NodeRecord& node, const sync::PushBatch& batch, qint64 nowMs,
                                     const FrameNonce* nonce, bool* replayed) {
    db::Database& db = *d->db;
    TABEL_ASSIGN_OR_RETURN(db::Transaction tx, db::Transaction::begin(db));
    if (nonce) {
        TABEL_ASSIGN_OR_RETURN(const bool first,
                               d->rememberNonce(nonce->deviceKey, nonce->nonce, nowMs, nonce->keepMs));
        if (!first) {
            *replayed = true; // the transaction rolls back: nothing changed
            return sync::Ack{};
        }
    }
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
        stored.reset();
        if (nonce) // the nonce is remembered even when the answer is the stored one
            TABEL_TRY(tx.commit());
        return std::move(ack).value();
    }
    stored.reset();
    // The registers are written in this transaction; a register read that failed fails the push.
    Result<sync::Ack> ack = d->pushInTransaction(node, batch, nowMs);
    Status committed = ack ? d->state->error() : Status(ack.error());
    if (committed)
        committed = tx.commit();
    d->state->reset();
    if (!committed)
        return std::move(committed).error();
    return ack;
}

// ---- Pull ----

namespace {

// A pull cursor (PROTOCOL.md, "Pull"): the epoch of what the node receives in the high bits, the position in the
// log (a hub sequence) in the low 40. Nodes only store it and compare: every answer's cursor is larger.
constexpr int kEpochShift = 40;
constexpr quint64 kPositionMask = (quint64(1) << kEpochShift) - 1;

QString keysText(const QList<sync::ScopeKey>& keys) {
    QJsonArray a;
    for (const sync::ScopeKey& k : keys)
        a.append(QJsonArray{k.classId, k.subjectId});
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

Result<QList<sync::ScopeKey>> keysFrom(const QString& json) {
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8());
    if (!doc.isArray())
        return makeError(ErrorCode::Corrupt, tr("a node's pull state in the hub store is damaged"));
    QList<sync::ScopeKey> out;
    for (const QJsonValue& v : doc.array()) {
        const QJsonArray k = v.toArray();
        if (k.size() != 2)
            return makeError(ErrorCode::Corrupt, tr("a node's pull state in the hub store is damaged"));
        out.append({k.at(0).toString(), k.at(1).toString()});
    }
    return out;
}

struct Epoch {
    quint64 number = 0;
    std::int64_t upto = 0;       // the keys it had before were sent up to here
    QList<sync::ScopeKey> keys;  // what the node receives in this epoch
    QList<sync::ScopeKey> fresh; // keys sent from the start of the log (backfill)
};

Result<std::optional<Epoch>> loadEpoch(db::Database& db, const QString& nodeId, quint64 number) {
    TABEL_ASSIGN_OR_RETURN(db::Statement st,
                           db.prepare("SELECT upto, keys, fresh FROM pull_epochs WHERE node_id = ? AND epoch = ?"));
    st.bind(1, nodeId).bind(2, std::int64_t(number));
    TABEL_ASSIGN_OR_RETURN(const bool row, st.step());
    if (!row)
        return std::optional<Epoch>();
    Epoch e;
    e.number = number;
    e.upto = st.columnInt(0);
    TABEL_ASSIGN_OR_RETURN(e.keys, keysFrom(st.columnText(1)));
    TABEL_ASSIGN_OR_RETURN(e.fresh, keysFrom(st.columnText(2)));
    return std::optional<Epoch>(std::move(e));
}

Status saveEpoch(db::Database& db, const QString& nodeId, const Epoch& e) {
    // Written again when the answer that began it was lost and the node asks from the old cursor once more.
    TABEL_ASSIGN_OR_RETURN(db::Statement del, db.prepare("DELETE FROM pull_epochs WHERE node_id = ? AND (epoch >= ? "
                                                         "OR epoch < ?)"));
    TABEL_TRY(del.bind(1, nodeId).bind(2, std::int64_t(e.number)).bind(3, std::int64_t(e.number) - 1).run());
    TABEL_ASSIGN_OR_RETURN(db::Statement ins, db.prepare("INSERT INTO pull_epochs(node_id, epoch, upto, keys, fresh) "
                                                         "VALUES(?, ?, ?, ?, ?)"));
    return ins.bind(1, nodeId)
        .bind(2, std::int64_t(e.number))
        .bind(3, e.upto)
        .bind(4, keysText(e.keys))
        .bind(5, keysText(e.fresh))
        .run();
}

} // namespace

Result<sync::PullBatch> HubStore::pull(const NodeRecord& node, quint64 cursor, int maxChangeSets) {
    db::Database& db = *d->db;
    // One read transaction: the answer is one consistent view of the log, and its pull state is written with it.
    return d->inTransaction([&]() -> Result<sync::PullBatch> {
        const int limit = std::clamp(maxChangeSets, 1, kMaxPullChangeSets);
        sync::NodeScopes scopes = node.scopes();
        sync::PullBatch out;
        out.fromCursor = cursor;
        out.toCursor = cursor;
        const MergedState& state = *d->state;
        scopes.substitutions = substitutionWindows(state, node.teacherId);
        const sync::CurrentValue current = d->currentValue();
        TABEL_ASSIGN_OR_RETURN(const std::int64_t logEnd, db.queryInt("SELECT COALESCE(MAX(hub_seq), 0) FROM log"));

        // Where the node is: its epoch, and its position in the log.
        quint64 epochNumber = cursor >> kEpochShift;
        std::int64_t position = std::int64_t(cursor & kPositionMask);
        const QList<sync::ScopeKey> now = sync::scopeKeysOf(scopes);
        TABEL_ASSIGN_OR_RETURN(std::optional<Epoch> epoch, loadEpoch(db, node.nodeId, epochNumber));
        if (!epoch) {
            if (epochNumber != 0)
                return makeError(ErrorCode::InvalidInput,
                                 tr("the node's pull cursor %1 was not given by this hub; a node keeps the cursor "
                                    "of its last answer")
                                     .arg(cursor));
            // The first pull (or the first after schema 2): what the node receives now, from its position.
            epoch = Epoch{0, 0, now, {}};
            TABEL_TRY(saveEpoch(db, node.nodeId, *epoch));
        }
        // Scopes that grew (a new assignment, a substitution, another subgroup): a new epoch sends the new keys
        // from the start of the log, the others from where the node is (backfill, item 5 of issue 8).
        QList<sync::ScopeKey> added;
        for (const sync::ScopeKey& k : now)
            if (!epoch->keys.contains(k))
                added.append(k);
        if (!added.isEmpty()) {
            Epoch next;
            next.number = epoch->number + 1;
            const bool inBackfill = position < epoch->upto;
            next.upto = inBackfill ? epoch->upto : position;
            next.keys = now;
            next.fresh = added;
            if (inBackfill)
                for (const sync::ScopeKey& k : epoch->fresh)
                    if (now.contains(k) && !next.fresh.contains(k))
                        next.fresh.append(k);
            if (next.number > (std::numeric_limits<quint64>::max() >> kEpochShift) - 1)
                return makeError(ErrorCode::Internal, tr("the node's pull cursor ran out of epochs"));
            TABEL_TRY(saveEpoch(db, node.nodeId, next));
            epoch = std::move(next);
            epochNumber = epoch->number;
            position = 0;
        }
        const auto cursorAt = [&](std::int64_t pos) { return (epochNumber << kEpochShift) | quint64(pos); };

        // The hub sequences after the position, key by key (an index range each), merged in log order. Each key
        // gives at most limit + 1: the smallest last sequence of a key that had more bounds what is certain.
        std::vector<std::int64_t> candidates;
        std::int64_t bound = std::numeric_limits<std::int64_t>::max();
        if (node.isOperator) {
            TABEL_ASSIGN_OR_RETURN(db::Statement all, db.prepare("SELECT hub_seq FROM log WHERE hub_seq > ? AND "
                                                                 "state = 0 ORDER BY hub_seq LIMIT ?"));
            all.bind(1, position).bind(2, std::int64_t(limit) + 1);
            while (true) {
                TABEL_ASSIGN_OR_RETURN(const bool row, all.step());
                if (!row)
                    break;
                candidates.push_back(all.columnInt(0));
            }
            if (qsizetype(candidates.size()) > limit)
                bound = candidates.back();
        } else {
            TABEL_ASSIGN_OR_RETURN(db::Statement * walk,
                                   db.cached("SELECT hub_seq FROM log_scopes WHERE class = ? AND subject = ? AND "
                                             "hub_seq > ? ORDER BY hub_seq LIMIT ?"));
            for (const sync::ScopeKey& k : now) {
                const std::int64_t from = epoch->fresh.contains(k) ? position : std::max(position, epoch->upto);
                walk->bind(1, k.classId).bind(2, k.subjectId).bind(3, from).bind(4, std::int64_t(limit) + 1);
                qsizetype n = 0;
                std::int64_t last = 0;
                while (true) {
                    Result<bool> row = walk->step();
                    if (!row) {
                        walk->reset();
                        return std::move(row).error();
                    }
                    if (!*row)
                        break;
                    last = walk->columnInt(0);
                    candidates.push_back(last);
                    ++n;
                }
                walk->reset();
                if (n > limit)
                    bound = std::min(bound, last);
            }
            std::sort(candidates.begin(), candidates.end());
            candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
        }

        TABEL_ASSIGN_OR_RETURN(db::Statement * fetch,
                               db.cached("SELECT device, canonical, signature FROM log WHERE hub_seq = ?"));
        qsizetype ops = 0;
        std::int64_t reached = position;
        bool cut = false;
        for (const std::int64_t hubSeq : candidates) {
            if (hubSeq > bound)
                break;
            if (out.changeSets.size() >= limit) {
                cut = true;
                break;
            }
            fetch->bind(1, hubSeq);
            Result<bool> row = fetch->step();
            if (!row || !*row) {
                fetch->reset();
                if (!row)
                    return std::move(row).error();
                return makeError(ErrorCode::Corrupt, tr("the hub's scope index names hub sequence %1, which is not "
                                                        "in the log")
                                                         .arg(hubSeq));
            }
            // The pulling device's own change set (it has it: it made it; an accepted amendment request of its own
            // too): passed over, nothing decoded or sent.
            if (fetch->columnBlob(0) == node.deviceKey) {
                fetch->reset();
                reached = hubSeq;
                continue;
            }
            sync::SignedChangeSet signedSet{fetch->columnBlob(1), fetch->columnBlob(2)};
            fetch->reset();
            TABEL_ASSIGN_OR_RETURN(const sync::ChangeSet cs,
                                   sync::ChangeSet::fromCanonicalBytes(signedSet.canonical, signedSet.signature));
            // Inside the node's units a set is sent when an op of it concerns the node (sync/relevance.h): a
            // substitute's class journal outside her lessons does not.
            bool inScope = false;
            for (const sync::Op& op : cs.ops)
                if ((inScope = sync::concerns(scopes, op, current)))
                    break;
            if (inScope) {
                // A batch stays within the ops a node decodes in one answer (WireLimits::maxOpsPerBatch); a large
                // set (an import) then comes alone.
                if (!out.changeSets.isEmpty() && ops + cs.ops.size() > kMaxPullOps) {
                    cut = true;
                    break;
                }
                ops += cs.ops.size();
                out.changeSets.append({quint64(hubSeq), std::move(signedSet)});
            }
            reached = hubSeq;
        }
        const bool complete = !cut && bound == std::numeric_limits<std::int64_t>::max();
        out.complete = complete;
        if (complete)
            reached = std::max(reached, logEnd);
        else if (!cut)
            reached = std::max(reached, bound);
        out.toCursor = std::max(cursor, cursorAt(reached));

        // R-S6: the periods closed now, and the operator's decisions on this device's amendment requests that lie
        // in the span of this answer outside the backfill (a decision moves the change set to the end of the log).
        TABEL_ASSIGN_OR_RETURN(out.closedPeriods, loadClosedPeriods(db));
        const std::int64_t noticesFrom = std::max(position, epoch->upto);
        TABEL_ASSIGN_OR_RETURN(out.notices, amendmentNotices(db, node.deviceKey, quint64(noticesFrom),
                                                             quint64(std::max(reached, noticesFrom))));
        // R-S5: the fields in conflict that concern the node, so that its status shows what waits for the operator.
        TABEL_ASSIGN_OR_RETURN(const QList<sync::FieldId> conflicted, state.conflicts());
        QList<sync::OpenConflict> open;
        for (const sync::FieldId& f : conflicted) {
            if (open.size() >= kMaxOpenConflicts)
                break;
            if (sync::concernsConflict(scopes, f.entity, current))
                open.append({conflictId(f), f.entity, f.field});
        }
        out.openConflicts = std::move(open);
        return out;
    });
}

Result<std::int64_t> HubStore::logSize() {
    return d->db->queryInt("SELECT count(*) FROM log");
}

// ---- Consistency ----

Result<HubStore::CheckReport> HubStore::check() {
    db::Database& db = *d->db;
    CheckReport report;
    TABEL_ASSIGN_OR_RETURN(db::Statement integrity, db.prepare("PRAGMA integrity_check"));
    while (true) {
        TABEL_ASSIGN_OR_RETURN(const bool row, integrity.step());
        if (!row)
            break;
        if (const QString line = integrity.columnText(0); line != u"ok")
            report.problems << tr("SQLite integrity check: %1").arg(line);
    }

    // The log: each row is what its device signed; each device's seqs are 1, 2, 3 … in any hub order.
    QHash<QByteArray, QList<std::int64_t>> seqs;
    TABEL_ASSIGN_OR_RETURN(db::Statement log,
                           db.prepare("SELECT hub_seq, device, seq, canonical, signature FROM log ORDER BY hub_seq"));
    while (true) {
        TABEL_ASSIGN_OR_RETURN(const bool row, log.step());
        if (!row)
            break;
        ++report.logRows;
        const std::int64_t hubSeq = log.columnInt(0);
        const QByteArray device = log.columnBlob(1);
        const std::int64_t seq = log.columnInt(2);
        seqs[device].append(seq);
        Result<sync::ChangeSet> cs = sync::ChangeSet::fromCanonicalBytes(log.columnBlob(3), log.columnBlob(4));
        Status verified = cs ? cs->verify() : Status(cs.error());
        if (!verified)
            report.problems << tr("log row %1: %2").arg(hubSeq).arg(verified.error().message);
        else if (cs->device != device || cs->seq != seq)
            report.problems
                << tr("log row %1: its device or seq columns are not those of the change set it holds").arg(hubSeq);
    }
    report.devices = seqs.size();
    for (auto it = seqs.begin(); it != seqs.end(); ++it) {
        QList<std::int64_t>& list = it.value();
        std::sort(list.begin(), list.end());
        for (qsizetype i = 0; i < list.size(); ++i)
            if (list[i] != i + 1) {
                report.problems << tr("device %1: its change sets in the log are not numbered 1 to %2 without a gap "
                                      "(found %3 where %4 was expected)")
                                       .arg(crypto::fingerprint(it.key()))
                                       .arg(list.size())
                                       .arg(list[i])
                                       .arg(i + 1);
                break;
            }
    }

    // The Acks: every change set a node was told is in the hub is in the log.
    TABEL_ASSIGN_OR_RETURN(db::Statement acks, db.prepare("SELECT device, ack FROM batches"));
    while (true) {
        TABEL_ASSIGN_OR_RETURN(const bool row, acks.step());
        if (!row)
            break;
        ++report.batches;
        const QByteArray device = acks.columnBlob(0);
        sync::WireResult<sync::Ack> ack = sync::decodeAck(acks.columnBlob(1));
        if (!ack) {
            report.problems << tr("a stored acknowledgement of device %1 does not decode: %2")
                                   .arg(crypto::fingerprint(device), ack.error().message);
            continue;
        }
        const QList<std::int64_t> known = seqs.value(device);
        for (const sync::AckEntry& e : ack->entries) {
            ++report.ackEntries;
            if (e.status != sync::AckStatus::Rejected && !std::binary_search(known.begin(), known.end(), e.seq))
                report.problems << tr("device %1 was acknowledged change set %2, which is not in the log")
                                       .arg(crypto::fingerprint(device))
                                       .arg(e.seq);
        }
    }
    TABEL_ASSIGN_OR_RETURN(report.nonces, db.queryInt("SELECT count(*) FROM nonces"));
    TABEL_TRY(checkRegisters(report));
    d->state->reset();
    return report;
}

namespace {

QString headsText(const sync::FieldRegister* reg) {
    if (!reg)
        return tr("none");
    QStringList out;
    for (const sync::Write& w : reg->heads())
        out << QStringLiteral("%1 (%2, %3)").arg(domain::debugString(w.value), w.author, w.version.toString());
    return out.isEmpty() ? tr("none") : out.join(QStringLiteral("; "));
}

// The hash of a field's id, to find stored registers no replay gave without keeping the ids.
quint64 fieldHash(const sync::FieldId& f) {
    const QByteArray h = crypto::blake2b256(f.entity.toUtf8() + '\n' + f.field.toUtf8());
    quint64 v = 0;
    for (int i = 0; i < 8; ++i)
        v = (v << 8) | quint8(h[i]);
    return v;
}

} // namespace

// The registers against the log (item 1 of issue 8): unit by unit, the merged change sets indexed under it are
// replayed into a Reconciler of their own and every register of the unit's fields compared with the stored one;
// pupils (whose class may change) against a replay of every set that wrote a pupil. Memory: one unit's
// registers at a time.
Status HubStore::checkRegisters(CheckReport& report) {
    db::Database& db = *d->db;
    MergedState& stored = *d->state;
    std::int64_t compared = 0;
    const auto compareUnit = [&](const QString& cls, const QString& subject, bool pupils) -> Status {
        sync::Reconciler replay;
        TABEL_ASSIGN_OR_RETURN(
            db::Statement sets,
            db.prepare(subject.isNull() ? "SELECT DISTINCT s.hub_seq, l.canonical, l.signature FROM log_scopes s JOIN "
                                          "log l ON l.hub_seq = s.hub_seq WHERE s.class = ? AND l.state = 0 ORDER BY "
                                          "s.hub_seq"
                                        : "SELECT DISTINCT s.hub_seq, l.canonical, l.signature FROM log_scopes s JOIN "
                                          "log l ON l.hub_seq = s.hub_seq WHERE s.class = ? AND s.subject = ? AND "
                                          "l.state = 0 ORDER BY s.hub_seq"));
        sets.bind(1, cls);
        if (!subject.isNull())
            sets.bind(2, subject);
        while (true) {
            TABEL_ASSIGN_OR_RETURN(const bool row, sets.step());
            if (!row)
                break;
            Result<sync::ChangeSet> cs = sync::ChangeSet::fromCanonicalBytes(sets.columnBlob(1), sets.columnBlob(2));
            if (!cs)
                continue; // reported with the log rows above
            if (const sync::ChangeSetResult r = replay.apply(*cs); r.rejected)
                report.problems << tr("log row %1: it cannot be merged again: %2").arg(sets.columnInt(0)).arg(r.reason);
        }
        for (const auto& [id, reg] : replay.registers()) {
            const bool isPupil = id.entity.startsWith(u"pupil/");
            if (isPupil != pupils)
                continue;
            if (!pupils) {
                const domain::EntityKey key = domain::parseEntityKey(id.entity);
                if (sync::scopeKeyOf(key).classId != cls)
                    continue; // another unit's field, written by a set of schema 1 that spanned both
            }
            ++compared;
            const sync::FieldRegister* have = stored.find(id);
            if (!have || !(*have == reg))
                report.problems << tr("%1 «%2»: the stored register does not match the log (stored heads: %3; "
                                      "from the log: %4); restore hub.db from a backup, or report it")
                                       .arg(id.entity, id.field, headsText(have), headsText(&reg));
        }
        stored.reset();
        return stored.error();
    };
    TABEL_ASSIGN_OR_RETURN(db::Statement units, db.prepare("SELECT DISTINCT class FROM log_scopes WHERE class <> ?"));
    units.bind(1, sync::kNoClass);
    QStringList classes;
    while (true) {
        TABEL_ASSIGN_OR_RETURN(const bool row, units.step());
        if (!row)
            break;
        classes << units.columnText(0);
    }
    for (const QString& cls : classes)
        TABEL_TRY(compareUnit(cls, QString(), false));
    TABEL_TRY(compareUnit(sync::kNoClass, sync::kPupilsIndex, true));
    TABEL_ASSIGN_OR_RETURN(const std::int64_t total, stored.registerCount());
    report.registers = total;
    if (total == compared)
        return {};
    // Some stored register came from no change set of the log: name them (a second pass, by hashes).
    std::set<quint64> known;
    const auto remember = [&](const QString& cls, const QString& subject, bool pupils) -> Status {
        (void)subject;
        sync::Reconciler replay;
        TABEL_ASSIGN_OR_RETURN(db::Statement sets,
                               db.prepare("SELECT DISTINCT s.hub_seq, l.canonical, l.signature FROM log_scopes s JOIN "
                                          "log l ON l.hub_seq = s.hub_seq WHERE s.class = ? AND l.state = 0"));
        sets.bind(1, cls);
        while (true) {
            TABEL_ASSIGN_OR_RETURN(const bool row, sets.step());
            if (!row)
                break;
            if (Result<sync::ChangeSet> cs =
                    sync::ChangeSet::fromCanonicalBytes(sets.columnBlob(1), sets.columnBlob(2)))
                (void)replay.apply(*cs);
        }
        for (const auto& [id, reg] : replay.registers())
            if (id.entity.startsWith(u"pupil/") == pupils)
                known.insert(fieldHash(id));
        return {};
    };
    for (const QString& cls : classes)
        TABEL_TRY(remember(cls, {}, false));
    TABEL_TRY(remember(sync::kNoClass, sync::kPupilsIndex, true));
    int named = 0;
    stored.forEach({}, [&](const sync::FieldId& id, const sync::FieldRegister&) {
        if (known.count(fieldHash(id)))
            return true;
        if (named++ < 20)
            report.problems << tr("%1 «%2»: a stored register that no change set of the log wrote; restore hub.db "
                                  "from a backup, or report it")
                                   .arg(id.entity, id.field);
        return true;
    });
    if (named > 20)
        report.problems << tr("… and %1 more stored registers that no change set of the log wrote").arg(named - 20);
    stored.reset();
    return stored.error();
}

} // namespace tabel::hub

// ---- The operator's change sets (R-J1, R-S5) ----

namespace tabel::hub {

namespace {

constexpr const char* kHubKeyMeta = "hub_device_key";
const QString kHubNodeId = QStringLiteral("hub");

// Checks that an entity with these fields is still a valid entity of its type (a resolution's value must be one the
// journal can read: a mark «7» is refused before it is signed).
Status validateEntity(const QString& key, const domain::Fields& fields) {
    using namespace domain;
    const QString type = entityType(key);
    const auto check = [&](auto parsed) -> Status {
        if (!parsed)
            return makeError(ErrorCode::InvalidArgument, parsed.error().message);
        return {};
    };
    if (type == u"mark")
        return check(Mark::fromFields(key, fields));
    if (type == u"att")
        return check(Attendance::fromFields(key, fields));
    if (type == u"lesson")
        return check(Lesson::fromFields(key, fields));
    if (type == u"pmark")
        return check(PeriodMark::fromFields(key, fields));
    if (type == u"pupil")
        return check(Pupil::fromFields(key, fields));
    if (type == u"task")
        return check(Task::fromFields(key, fields));
    if (type == u"ktp")
        return check(KtpTopic::fromFields(key, fields));
    return {};
}

} // namespace

QString operatorAuthor() {
    return QStringLiteral("operator");
}

QString conflictId(const sync::FieldId& field) {
    const QByteArray h = crypto::blake2b256(field.entity.toUtf8() + '\n' + field.field.toUtf8());
    return QStringLiteral("c") + QString::fromLatin1(h.toHex().left(10));
}

QString classOfEntity(const QString& entity, const sync::RegisterView& state) {
    const domain::EntityKey key = domain::parseEntityKey(entity);
    if (key.type == domain::KeyType::Pupil)
        return domain::textOf(state.visibleValue(entity, QStringLiteral("class")));
    return key.classId;
}

QDateTime ConflictHead::time() const {
    return Hlc::toDateTime(write.version.hlc);
}

// The hub device's clock goes on after its own last change set (every op it writes is also later than the bases
// it names: commitOwn observes them).
Status HubStore::Impl::loadHubClock() {
    TABEL_ASSIGN_OR_RETURN(db::Statement st, db->prepare("SELECT canonical, signature FROM log WHERE device = ? ORDER "
                                                         "BY seq DESC LIMIT 1"));
    st.bind(1, identity.publicKey);
    TABEL_ASSIGN_OR_RETURN(const bool row, st.step());
    if (row) {
        TABEL_ASSIGN_OR_RETURN(const sync::ChangeSet cs,
                               sync::ChangeSet::fromCanonicalBytes(st.columnBlob(0), st.columnBlob(1)));
        hlc.observe(cs.hlc);
    }
    return {};
}

Status HubStore::Impl::loadOrCreateHubKey() {
    TABEL_ASSIGN_OR_RETURN(db::Statement find, db->prepare("SELECT value FROM meta WHERE key = ?"));
    find.bind(1, QString::fromLatin1(kHubKeyMeta));
    TABEL_ASSIGN_OR_RETURN(const bool found, find.step());
    if (found) {
        QByteArray raw = find.columnBlob(0);
        find.reset();
        Result<crypto::SigningKeyPair> key = crypto::SigningKeyPair::fromSecret(
            crypto::SecretBytes::fromBytes(raw.constData(), std::size_t(raw.size())));
        raw.fill('\0');
        if (!key)
            return makeError(ErrorCode::Corrupt,
                             tr("the hub's signing key in the hub store is damaged: %1").arg(key.error().message));
        hubKey.emplace(std::move(key).value());
    } else {
        find.reset();
        // Made once, in its own transaction: every later change set of the hub is signed with it.
        crypto::SigningKeyPair key = crypto::SigningKeyPair::generate();
        TABEL_ASSIGN_OR_RETURN(db::Transaction tx, db::Transaction::begin(*db));
        TABEL_ASSIGN_OR_RETURN(db::Statement ins, db->prepare("INSERT OR IGNORE INTO meta(key, value) VALUES(?, ?)"));
        QByteArray raw(reinterpret_cast<const char*>(key.secretKey.data()), qsizetype(key.secretKey.size()));
        Status st = ins.bind(1, QString::fromLatin1(kHubKeyMeta)).bind(2, raw).run();
        raw.fill('\0');
        TABEL_TRY(std::move(st));
        TABEL_TRY(tx.commit());
        if (db->changes() == 0) // another process made it first: use that one
            return loadOrCreateHubKey();
        hubKey.emplace(std::move(key));
    }
    identity.publicKey = hubKey->publicKey;
    identity.deviceNumber = crypto::deviceNumber(hubKey->publicKey);
    return {};
}

void HubStore::Impl::opsFor(const QString& key, const domain::Fields& fields, QList<sync::Op>& out) const {
    for (const auto& [field, value] : fields) {
        const sync::FieldRegister* r = state->find({key, field});
        const QList<sync::Write> heads = r ? r->heads() : QList<sync::Write>();
        if (heads.isEmpty()) {
            if (!domain::isNull(value))
                out.append(sync::Op{0, key, field, value, {}});
            continue;
        }
        if (!r->inConflict() && r->visibleValue() == value)
            continue; // unchanged: no op
        // Based on every head, so the write supersedes them all and does not stand beside one of them.
        for (const sync::Write& h : heads)
            out.append(sync::Op{0, key, field, value, h.version});
    }
}

Result<OperatorCommit> HubStore::Impl::commitOwn(QList<sync::Op> ops, qint64 nowMs) {
    if (ops.isEmpty())
        return OperatorCommit{};
    if (ops.size() > sync::Limits::maxOpsPerChangeSet)
        return makeError(ErrorCode::InvalidInput, tr("the change writes %1 fields; one change set holds at most %2; "
                                                     "split the file")
                                                      .arg(ops.size())
                                                      .arg(sync::Limits::maxOpsPerChangeSet));
    for (const sync::Op& op : ops)
        hlc.observe(op.base.hlc); // an op is always later than the version it is based on
    for (sync::Op& op : ops)
        op.hlc = hlc.now();
    sync::ChangeSet cs;
    cs.device = identity.publicKey;
    cs.author = operatorAuthor();
    TABEL_ASSIGN_OR_RETURN(db::Statement last, db->prepare("SELECT COALESCE(MAX(seq), 0) FROM log WHERE device = ?"));
    last.bind(1, cs.device);
    TABEL_ASSIGN_OR_RETURN(const bool row, last.step());
    cs.seq = (row ? last.columnInt(0) : 0) + 1;
    cs.hlc = ops.last().hlc;
    cs.ops = std::move(ops);
    cs.sign(*hubKey);
    TABEL_TRY(cs.verify()); // the limits every node checks (key and value sizes)
    const sync::ChangeSetScope unit = sync::scopeOfChangeSet(cs, currentValue());
    if (unit.spans)
        return makeError(
            ErrorCode::Internal,
            tr("the hub's own change set spans two units («%1» and «%2»)").arg(unit.key.text(), unit.other));
    std::int64_t hubSeq = 0;
    TABEL_ASSIGN_OR_RETURN(const sync::ChangeSetResult merged,
                           mergeChangeSet(cs, sync::SignedChangeSet::of(cs), unit, nowMs, &hubSeq));
    if (merged.rejected)
        return makeError(ErrorCode::Internal,
                         tr("the hub's own change set was refused by the registers: %1").arg(merged.reason));
    OperatorCommit out;
    out.hubSeq = hubSeq;
    out.seq = cs.seq;
    out.firstSeq = cs.seq;
    out.ops = int(cs.ops.size());
    out.changeSets = 1;
    return out;
}

Result<QHash<std::int64_t, NodeRecord>> HubStore::Impl::nodesByDeviceNumber() {
    QHash<std::int64_t, NodeRecord> out;
    const QByteArray sql = QByteArray("SELECT ") + kNodeColumns + " WHERE device_key IS NOT NULL";
    TABEL_ASSIGN_OR_RETURN(db::Statement st, db->prepare(sql.constData()));
    while (true) {
        TABEL_ASSIGN_OR_RETURN(const bool row, st.step());
        if (!row)
            break;
        TABEL_ASSIGN_OR_RETURN(NodeRecord n, nodeFromRow(st));
        out.insert(crypto::deviceNumber(n.deviceKey), std::move(n));
    }
    return out;
}

Result<ConflictInfo> HubStore::Impl::describe(const sync::FieldId& field,
                                              const QHash<std::int64_t, NodeRecord>& nodes) {
    const sync::FieldRegister* r = state->find(field);
    const std::optional<sync::FieldConflict> c = r ? r->conflict() : std::nullopt;
    if (!c)
        return makeError(ErrorCode::NotFound, tr("%1 «%2» is not in conflict").arg(field.entity, field.field));
    ConflictInfo info;
    info.id = conflictId(field);
    info.field = field;
    info.classId = classOfEntity(field.entity, *state);
    info.base = c->base;
    info.baseValue = c->baseValue;
    info.baseKnown = c->baseKnown;
    int number = 0;
    for (const sync::Write& w : c->heads) {
        ConflictHead h;
        h.number = ++number;
        h.write = w;
        if (w.version.device == identity.deviceNumber) {
            h.nodeId = kHubNodeId;
        } else if (auto it = nodes.constFind(w.version.device); it != nodes.constEnd()) {
            h.nodeId = it->nodeId;
            if (it->teacherId == w.author)
                h.teacherName = it->teacherName;
        }
        info.heads.append(std::move(h));
    }
    return info;
}

const HubIdentity& HubStore::identity() const {
    return d->identity;
}

Result<sync::Reconciler> HubStore::allRegisters() {
    sync::Reconciler out;
    d->state->reset();
    d->state->forEach({}, [&out](const sync::FieldId& id, const sync::FieldRegister& reg) {
        out.adopt(id, reg);
        return true;
    });
    TABEL_TRY(d->state->error());
    return out;
}

Result<sync::Reconciler> HubStore::replayLog() {
    sync::Reconciler out;
    TABEL_ASSIGN_OR_RETURN(db::Statement st,
                           d->db->prepare("SELECT canonical, signature FROM log WHERE state = 0 ORDER BY hub_seq"));
    while (true) {
        TABEL_ASSIGN_OR_RETURN(const bool row, st.step());
        if (!row)
            break;
        TABEL_ASSIGN_OR_RETURN(const sync::ChangeSet cs,
                               sync::ChangeSet::fromCanonicalBytes(st.columnBlob(0), st.columnBlob(1)));
        if (const sync::ChangeSetResult r = out.apply(cs); r.rejected)
            return makeError(ErrorCode::Corrupt, r.reason);
    }
    return out;
}

Result<const sync::RegisterView*> HubStore::currentState() {
    d->state->reset(); // what other processes merged since this one last read
    return &*d->state;
}

Result<OperatorCommit> HubStore::writeEntities(const QList<domain::ReferenceEntity>& entities, qint64 nowMs) {
    return d->inTransaction([&]() -> Result<OperatorCommit> {
        // One change set per unit (sync/unit.h): a roster of the school becomes a set per class, so that no node
        // receives another class's pupils; the school-wide data (calendar, subjects, teachers) one set.
        std::map<QString, QList<sync::Op>> byUnit; // by class ('' school-wide), in class order
        const sync::CurrentValue current = d->currentValue();
        for (const domain::ReferenceEntity& e : entities) {
            const domain::EntityKey key = domain::parseEntityKey(e.key);
            QString pupilClass;
            if (key.type == domain::KeyType::Pupil) {
                const auto cls = e.fields.find(QStringLiteral("class"));
                pupilClass = cls != e.fields.end() && !domain::isNull(cls->second)
                                 ? domain::textOf(cls->second)
                                 : domain::textOf(current(e.key, QStringLiteral("class")));
            }
            d->opsFor(e.key, e.fields, byUnit[sync::scopeKeyOf(key, pupilClass).classId]);
        }
        OperatorCommit total;
        for (auto& [unit, ops] : byUnit) {
            TABEL_ASSIGN_OR_RETURN(const OperatorCommit one, d->commitOwn(std::move(ops), nowMs));
            if (one.hubSeq == 0)
                continue;
            total.hubSeq = one.hubSeq;
            total.seq = one.seq;
            total.ops += one.ops;
            ++total.changeSets;
            if (total.firstSeq == 0)
                total.firstSeq = one.seq;
        }
        return total;
    });
}

Result<ImportOutcome> HubStore::importReference(domain::ReferenceKind kind, const QString& path, qint64 nowMs) {
    ImportOutcome out;
    TABEL_ASSIGN_OR_RETURN(out.data, domain::readReference(kind, path));
    TABEL_ASSIGN_OR_RETURN(out.commit, writeEntities(out.data.entities, nowMs));
    return out;
}

Result<QList<ConflictInfo>> HubStore::conflicts(const QString& classId) {
    d->state->reset();
    TABEL_ASSIGN_OR_RETURN(const QList<sync::FieldId> fields, d->state->conflicts(classId));
    TABEL_ASSIGN_OR_RETURN(const auto nodes, d->nodesByDeviceNumber());
    QList<ConflictInfo> out;
    for (const sync::FieldId& f : fields) {
        TABEL_ASSIGN_OR_RETURN(ConflictInfo info, d->describe(f, nodes));
        out.append(std::move(info));
    }
    d->state->reset();
    return out;
}

Result<ConflictInfo> HubStore::conflict(const QString& id) {
    TABEL_ASSIGN_OR_RETURN(const QList<sync::FieldId> fields, d->state->conflicts());
    const QString wanted = id.trimmed().toLower();
    for (const sync::FieldId& f : fields)
        if (conflictId(f) == wanted) {
            TABEL_ASSIGN_OR_RETURN(const auto nodes, d->nodesByDeviceNumber());
            return d->describe(f, nodes);
        }
    return makeError(ErrorCode::NotFound,
                     tr("there is no open conflict «%1»; «tabel-hub conflicts list» shows the open ones").arg(id));
}

Result<OperatorCommit> HubStore::resolveConflict(const QString& id, const domain::FieldValue& value, qint64 nowMs) {
    return d->inTransaction([&]() -> Result<OperatorCommit> {
        TABEL_ASSIGN_OR_RETURN(const ConflictInfo info, conflict(id)); // under the write lock
        // The entity with the chosen value must still be one the journal can read.
        domain::Fields fields;
        d->state->forEach(info.field.entity, [&](const sync::FieldId& f, const sync::FieldRegister& reg) {
            if (f.entity != info.field.entity)
                return false;
            fields[f.field] = reg.visibleValue();
            return true;
        });
        fields[info.field.field] = value;
        if (auto ok = validateEntity(info.field.entity, fields); !ok)
            return makeError(ErrorCode::InvalidArgument,
                             tr("the value cannot be stored in %1: %2").arg(info.field.entity, ok.error().message));
        // One op per head, each based on that head, all with the one value (sync/reconcile.h): every head is
        // superseded, in any order of delivery.
        QList<sync::Op> ops;
        for (const ConflictHead& h : info.heads)
            ops.append(sync::Op{0, info.field.entity, info.field.field, value, h.write.version});
        return d->commitOwn(std::move(ops), nowMs);
    });
}

} // namespace tabel::hub

// ---- Closed periods and amendment requests (R-S6), audit ----

namespace tabel::hub {

namespace {

QString stateText(AmendmentState s) {
    return s == AmendmentState::Accepted   ? QStringLiteral("accepted")
           : s == AmendmentState::Declined ? QStringLiteral("declined")
                                           : QStringLiteral("held");
}

} // namespace

QString amendmentStateName(AmendmentState s) {
    return stateText(s);
}

Status HubStore::closePeriod(const sync::ClosedPeriod& period, qint64 nowMs) {
    if (auto ok = domain::validateId(period.periodId, tr("period id")); !ok)
        return makeError(ErrorCode::InvalidArgument, ok.error().message);
    if (!period.classId.isEmpty())
        if (auto ok = domain::validateId(period.classId, tr("class id")); !ok)
            return makeError(ErrorCode::InvalidArgument, ok.error().message);
    if (!period.start.isValid() || !period.end.isValid() || period.end < period.start)
        return makeError(
            ErrorCode::InvalidArgument,
            tr("period %1 needs a start and an end date, the end not before the start (got %2 – %3)")
                .arg(period.periodId, period.start.toString(Qt::ISODate), period.end.toString(Qt::ISODate)));
    db::Database& db = *d->db;
    TABEL_ASSIGN_OR_RETURN(db::Statement st,
                           db.prepare("INSERT INTO closed_periods(period_id, class_id, start, end, closed) "
                                      "VALUES(?, ?, ?, ?, ?)"));
    Status inserted = st.bind(1, period.periodId)
                          .bind(2, period.classId)
                          .bind(3, period.start.toString(Qt::ISODate))
                          .bind(4, period.end.toString(Qt::ISODate))
                          .bind(5, std::int64_t(nowMs))
                          .run();
    if (!inserted && inserted.error().code == ErrorCode::AlreadyExists)
        return makeError(ErrorCode::AlreadyExists,
                         period.classId.isEmpty()
                             ? tr("period %1 is closed already for every class").arg(period.periodId)
                             : tr("period %1 is closed already for class %2").arg(period.periodId, period.classId));
    return inserted;
}

Status HubStore::reopenPeriod(const QString& periodId, const QString& classId) {
    db::Database& db = *d->db;
    TABEL_ASSIGN_OR_RETURN(db::Statement st,
                           db.prepare("DELETE FROM closed_periods WHERE period_id = ? AND class_id = ?"));
    TABEL_TRY(st.bind(1, periodId).bind(2, classId).run());
    if (db.changes() == 0)
        return makeError(ErrorCode::NotFound,
                         classId.isEmpty()
                             ? tr("period %1 is not closed for every class; «tabel-hub period list» shows the "
                                  "closed periods")
                                   .arg(periodId)
                             : tr("period %1 is not closed for class %2; «tabel-hub period list» shows the closed "
                                  "periods")
                                   .arg(periodId, classId));
    return {};
}

Result<QList<sync::ClosedPeriod>> HubStore::closedPeriods() {
    return loadClosedPeriods(*d->db);
}

Result<QList<Amendment>> HubStore::amendments(bool includeDecided) {
    db::Database& db = *d->db;
    // Held: the log rows in state held. Decided: the amendments table, joined with where the set is now.
    const char* sql = includeDecided
                          ? "SELECT l.hub_seq, l.hub_seq, 'held', l.device, l.seq, l.author, l.reason, l.received, "
                            "NULL, '', l.canonical, l.signature FROM log l WHERE l.state = 1 "
                            "UNION ALL SELECT a.id, a.hub_seq, a.state, l.device, l.seq, l.author, a.held_reason, "
                            "a.requested, a.decided, a.note, l.canonical, l.signature FROM amendments a JOIN log l "
                            "ON l.hub_seq = a.hub_seq ORDER BY 1"
                          : "SELECT l.hub_seq, l.hub_seq, 'held', l.device, l.seq, l.author, l.reason, l.received, "
                            "NULL, '', l.canonical, l.signature FROM log l WHERE l.state = 1 ORDER BY 1";
    TABEL_ASSIGN_OR_RETURN(db::Statement st, db.prepare(sql));
    QList<Amendment> out;
    while (true) {
        TABEL_ASSIGN_OR_RETURN(const bool row, st.step());
        if (!row)
            break;
        Amendment a;
        a.id = st.columnInt(0);
        a.hubSeq = st.columnInt(1);
        const QString state = st.columnText(2);
        a.state = state == u"accepted"   ? AmendmentState::Accepted
                  : state == u"declined" ? AmendmentState::Declined
                                         : AmendmentState::Held;
        a.device = st.columnBlob(3);
        a.seq = st.columnInt(4);
        a.author = st.columnText(5);
        a.heldReason = st.columnText(6);
        a.requested = QDateTime::fromMSecsSinceEpoch(st.columnInt(7), Qt::UTC);
        a.decided = timeColumn(st, 8);
        a.declineReason = a.state == AmendmentState::Declined ? st.columnText(9) : QString();
        TABEL_ASSIGN_OR_RETURN(const sync::ChangeSet cs,
                               sync::ChangeSet::fromCanonicalBytes(st.columnBlob(10), st.columnBlob(11)));
        a.ops = cs.ops;
        out.append(std::move(a));
    }
    return out;
}

namespace {

// The held row of amendment `id`, or why there is none.
struct HeldRow {
    sync::ChangeSet changeSet;
    QString reason;
    qint64 received = 0;
};

Result<HeldRow> heldRow(db::Database& db, std::int64_t id) {
    TABEL_ASSIGN_OR_RETURN(db::Statement st, db.prepare("SELECT canonical, signature, reason, received, state FROM "
                                                        "log WHERE hub_seq = ?"));
    st.bind(1, id);
    TABEL_ASSIGN_OR_RETURN(const bool found, st.step());
    if (!found || st.columnInt(4) != kHeld) {
        st.reset();
        TABEL_ASSIGN_OR_RETURN(db::Statement decided, db.prepare("SELECT state FROM amendments WHERE id = ?"));
        decided.bind(1, id);
        TABEL_ASSIGN_OR_RETURN(const bool known, decided.step());
        if (known)
            return makeError(ErrorCode::InvalidArgument,
                             tr("amendment request %1 was %2 already; a decision is final")
                                 .arg(id)
                                 .arg(decided.columnText(0) == u"accepted" ? tr("accepted") : tr("declined")));
        return makeError(
            ErrorCode::NotFound,
            tr("there is no amendment request %1; «tabel-hub amendments list» shows the waiting ones").arg(id));
    }
    HeldRow out;
    // Verified when it arrived; decoding again checks the store was not altered underneath.
    TABEL_ASSIGN_OR_RETURN(out.changeSet, sync::ChangeSet::fromCanonicalBytes(st.columnBlob(0), st.columnBlob(1)));
    out.reason = st.columnText(2);
    out.received = st.columnInt(3);
    return out;
}

// Moves log row `from` to the end of the log with a new state; returns its new hub_seq.
Result<std::int64_t> moveToEnd(db::Database& db, std::int64_t from, int state, const QString& reason, qint64 nowMs) {
    TABEL_ASSIGN_OR_RETURN(const std::int64_t last, db.queryInt("SELECT COALESCE(MAX(hub_seq), 0) FROM log"));
    TABEL_ASSIGN_OR_RETURN(db::Statement move, db.prepare("UPDATE log SET hub_seq = ?, state = ?, reason = ?, "
                                                          "received = ? WHERE hub_seq = ?"));
    TABEL_TRY(move.bind(1, last + 1)
                  .bind(2, std::int64_t(state))
                  .bind(3, reason)
                  .bind(4, std::int64_t(nowMs))
                  .bind(5, from)
                  .run());
    return last + 1;
}

Status recordDecision(db::Database& db, std::int64_t id, std::int64_t hubSeq, AmendmentState state, const HeldRow& held,
                      const QString& note, qint64 nowMs) {
    TABEL_ASSIGN_OR_RETURN(db::Statement ins,
                           db.prepare("INSERT INTO amendments(id, hub_seq, state, held_reason, requested, decided, "
                                      "note) VALUES(?, ?, ?, ?, ?, ?, ?)"));
    return ins.bind(1, id)
        .bind(2, hubSeq)
        .bind(3, stateText(state))
        .bind(4, held.reason)
        .bind(5, std::int64_t(held.received))
        .bind(6, std::int64_t(nowMs))
        .bind(7, note)
        .run();
}

} // namespace

Result<sync::ChangeSetResult> HubStore::acceptAmendment(std::int64_t id, qint64 nowMs) {
    db::Database& db = *d->db;
    return d->inTransaction([&]() -> Result<sync::ChangeSetResult> {
        TABEL_ASSIGN_OR_RETURN(const HeldRow held, heldRow(db, id));
        const sync::ChangeSet& cs = held.changeSet;
        const sync::ChangeSetScope unit = sync::scopeOfChangeSet(cs, d->currentValue());
        // Merged now, as if it arrived now: the same registers as a push, so it may end in a conflict.
        TABEL_ASSIGN_OR_RETURN(sync::ChangeSetResult r, d->state->apply(cs, yearOf(unit, held.received)));
        if (r.rejected)
            return makeError(ErrorCode::InvalidInput,
                             tr("amendment request %1 cannot be merged: %2; decline it").arg(id).arg(r.reason));
        TABEL_ASSIGN_OR_RETURN(const std::int64_t hubSeq, moveToEnd(db, id, kMerged, {}, nowMs));
        TABEL_TRY(d->indexSet(cs, unit.key, hubSeq));
        d->hlc.observe(cs.hlc);
        TABEL_TRY(recordDecision(db, id, hubSeq, AmendmentState::Accepted, held, {}, nowMs));
        // The history (hub/history): the accepted set is committed as its teacher's, at the time of acceptance.
        TABEL_ASSIGN_OR_RETURN(const std::optional<NodeRecord> node, nodeByDevice(cs.device));
        TABEL_TRY(History::record(
            db,
            {{}, node ? node->nodeId : QString(), cs.device, cs.author, node ? node->teacherName : QString(), nowMs},
            {cs}, *d->state));
        return r;
    });
}

Status HubStore::declineAmendment(std::int64_t id, const QString& reason, qint64 nowMs) {
    const QString why = reason.trimmed();
    if (why.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         tr("a declined amendment request needs a reason for its teacher (--reason TEXT)"));
    if (why.toUtf8().size() > sync::WireLimits{}.maxReasonBytes)
        return makeError(ErrorCode::InvalidArgument,
                         tr("the reason is over %1 bytes; shorten it").arg(sync::WireLimits{}.maxReasonBytes));
    db::Database& db = *d->db;
    return d->inTransaction([&]() -> Status {
        TABEL_ASSIGN_OR_RETURN(const HeldRow held, heldRow(db, id));
        // Stays in the log, refused, with the operator's reason; moved to the end so its teacher's next pull says
        // so.
        TABEL_ASSIGN_OR_RETURN(const std::int64_t hubSeq, moveToEnd(db, id, kRefused, why, nowMs));
        return recordDecision(db, id, hubSeq, AmendmentState::Declined, held, why, nowMs);
    });
}

Result<QList<HistoryChange>> HubStore::history(const HistoryFilter& filter, const QString& auditDetail) {
    TABEL_TRY(History::audit(*d->db, QStringLiteral("history"), auditDetail));
    return History::changes(*d->db, filter);
}

Result<QStringList> HubStore::exportGit(const QString& dir) {
    TABEL_TRY(History::audit(*d->db, QStringLiteral("export-git"), dir));
    return History::exportGit(*d->db, dir);
}

Status HubStore::audit(const QString& command, const QString& detail) {
    return History::audit(*d->db, command, detail);
}

} // namespace tabel::hub
