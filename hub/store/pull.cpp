#include "hub/store/internal.h"

#include <limits>

namespace tabel::hub {

using namespace internal;

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
        TABEL_ASSIGN_OR_RETURN(scopes.substitutions, substitutionWindows(state, node.teacherId));
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
        // Each with whether every op of its key concerns the node (sync::receivesEverySetOf): then it is sent
        // without reading its ops.
        std::vector<std::pair<std::int64_t, bool>> candidates;
        std::int64_t bound = std::numeric_limits<std::int64_t>::max();
        if (node.isOperator) {
            TABEL_ASSIGN_OR_RETURN(db::Statement all, db.prepare("SELECT hub_seq FROM log WHERE hub_seq > ? AND "
                                                                 "state = 0 ORDER BY hub_seq LIMIT ?"));
            all.bind(1, position).bind(2, std::int64_t(limit) + 1);
            while (true) {
                TABEL_ASSIGN_OR_RETURN(const bool row, all.step());
                if (!row)
                    break;
                candidates.emplace_back(all.columnInt(0), true);
            }
            if (qsizetype(candidates.size()) > limit)
                bound = candidates.back().first;
        } else {
            TABEL_ASSIGN_OR_RETURN(db::Statement * walk,
                                   db.cached("SELECT hub_seq FROM log_scopes WHERE class = ? AND subject = ? AND "
                                             "hub_seq > ? ORDER BY hub_seq LIMIT ?"));
            for (const sync::ScopeKey& k : now) {
                const bool whole = sync::receivesEverySetOf(scopes, k);
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
                    candidates.emplace_back(last, whole);
                    ++n;
                }
                walk->reset();
                if (n > limit)
                    bound = std::min(bound, last);
            }
            // In log order, a set under two keys once (whole when either is: sorted first).
            std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
                return a.first != b.first ? a.first < b.first : (a.second && !b.second);
            });
            candidates.erase(std::unique(candidates.begin(), candidates.end(),
                                         [](const auto& a, const auto& b) { return a.first == b.first; }),
                             candidates.end());
        }

        TABEL_ASSIGN_OR_RETURN(db::Statement * fetch,
                               db.cached("SELECT device, canonical, signature FROM log WHERE hub_seq = ?"));
        qsizetype ops = 0;
        std::int64_t reached = position;
        bool cut = false;
        for (const auto& [hubSeq, whole] : candidates) {
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
            Result<QByteArray> canonical = unpackLogBytes(fetch->columnBlob(1));
            sync::SignedChangeSet signedSet{canonical ? *canonical : QByteArray(), fetch->columnBlob(2)};
            fetch->reset();
            if (!canonical)
                return makeError(ErrorCode::Corrupt, tr("log row %1: %2").arg(hubSeq).arg(canonical.error().message));
            // Inside the node's units a set is sent when an op of it concerns the node (sync/relevance.h): a
            // substitute's class journal outside her lessons does not. Under a key all of whose sets concern the
            // node, only the number of ops is read.
            bool inScope = whole;
            qsizetype setOps = 0;
            if (whole) {
                TABEL_ASSIGN_OR_RETURN(setOps, sync::ChangeSet::opCountOf(signedSet.canonical));
            } else {
                TABEL_ASSIGN_OR_RETURN(const sync::ChangeSet cs,
                                       sync::ChangeSet::fromCanonicalBytes(signedSet.canonical, signedSet.signature));
                for (const sync::Op& op : cs.ops)
                    if ((inScope = sync::concerns(scopes, op, current)))
                        break;
                setOps = cs.ops.size();
            }
            if (inScope) {
                // A batch stays within the ops a node decodes in one answer (WireLimits::maxOpsPerBatch); a large
                // set (an import) then comes alone.
                if (!out.changeSets.isEmpty() && ops + setOps > kMaxPullOps) {
                    cut = true;
                    break;
                }
                ops += setOps;
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

} // namespace tabel::hub
