#include "hub/store/internal.h"

namespace tabel::hub {

using namespace internal;

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

} // namespace tabel::hub
