// Inside the hub store (hub/store/*.cpp only): the helpers its parts share and HubStore::Impl. One file per
// concern of the store: hub_store.cpp (open, paths, the state's views), schema.cpp (tables and migrations),
// nodes.cpp (registry, enrolment, nonces), push.cpp (the merge path), pull.cpp (what a node receives),
// own_changes.cpp (the hub's own change sets and conflicts), amendments.cpp (closed periods, amendment requests),
// check.cpp (the store against its log).
#pragma once

#include "hub/history/history.h"
#include "hub/store/history_worker.h"
#include "hub/store/hub_store.h"
#include "hub/store/log_bytes.h"
#include "hub/store/merged_state.h"
#include "shared/core/hlc.h"
#include "shared/crypto/secret.h"
#include "shared/crypto/signing.h"
#include "shared/domain/entity_key.h"
#include "sync/relevance.h"
#include "sync/unit.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

#include <map>
#include <memory>
#include <optional>

namespace tabel::hub::internal {

// The store's messages, in the context "tabel::hub::HubStore" (internal.cpp).
QString tr(const char* s);

inline constexpr int kKeyBytes = 32;
inline constexpr int kSchemaVersion = 3;
inline constexpr int kMaxPullChangeSets = 5000;
inline constexpr qsizetype kMaxPullOps = 100000;     // half of WireLimits::maxOpsPerBatch
inline constexpr qsizetype kMaxOpenConflicts = 1000; // in a pull answer; WireLimits::maxOpenConflicts is the decoder's

// States of a change set in the log: merged into the registers, held for the operator (an amendment request
// of a closed period), or refused although authentic (out of scope, invalid versions). Held and refused sets
// keep their (device, seq), so the device's sequence goes on without a gap, and are never pulled or replayed.
enum LogState : int { kMerged = 0, kHeld = 1, kRefused = 2 };

inline crypto::SecretBytes randomSecret(std::size_t n) {
    crypto::SecretBytes out(n);
    for (std::size_t i = 0; i < n; i += 4) {
        const quint32 r = QRandomGenerator::system()->generate();
        for (std::size_t j = 0; j < 4 && i + j < n; ++j)
            out.data()[i + j] = static_cast<unsigned char>((r >> (8 * j)) & 0xff);
    }
    return out;
}

inline QByteArray randomBytes(int n) {
    const crypto::SecretBytes s = randomSecret(std::size_t(n));
    return QByteArray(reinterpret_cast<const char*>(s.data()), n);
}

inline QString scopesJson(const QList<sync::EnrolledAssignment>& assignments) {
    QJsonArray a;
    for (const sync::EnrolledAssignment& x : assignments)
        a.append(QJsonArray{x.classId, x.subjectId, x.groupId});
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

Result<QList<sync::EnrolledAssignment>> parseScopes(const QString& json);

inline std::optional<QDateTime> timeColumn(const db::Statement& st, int col) {
    if (st.isNull(col))
        return std::nullopt;
    return QDateTime::fromMSecsSinceEpoch(st.columnInt(col), Qt::UTC);
}

inline constexpr const char* kNodeColumns =
    "node_id, teacher_id, teacher_name, node_name, device_key, operator, scopes, "
    "status, enrolled, last_sync FROM nodes";

inline Result<NodeRecord> nodeFromRow(const db::Statement& st) {
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

inline Result<QList<sync::ClosedPeriod>> loadClosedPeriods(db::Database& db) {
    TABEL_ASSIGN_OR_RETURN(db::Statement * st, db.cached("SELECT period_id, class_id, start, end FROM closed_periods "
                                                         "ORDER BY start, period_id, class_id"));
    QList<sync::ClosedPeriod> out;
    TABEL_TRY(st->eachRow([&]() -> Status {
        sync::ClosedPeriod p;
        p.periodId = st->columnText(0);
        p.classId = st->columnText(1);
        p.start = QDate::fromString(st->columnText(2), Qt::ISODate);
        p.end = QDate::fromString(st->columnText(3), Qt::ISODate);
        out.append(std::move(p));
        return {};
    }));
    return out;
}

inline Result<QList<sync::AmendmentNotice>> amendmentNotices(db::Database& db, const QByteArray& device, quint64 from,
                                                             quint64 to) {
    QList<sync::AmendmentNotice> out;
    if (to <= from)
        return out;
    TABEL_ASSIGN_OR_RETURN(db::Statement * st,
                           db.cached("SELECT a.id, l.seq, a.state, a.note FROM amendments a JOIN log l ON "
                                     "l.hub_seq = a.hub_seq WHERE l.device = ? AND a.hub_seq > ? AND a.hub_seq <= ? "
                                     "ORDER BY a.hub_seq"));
    st->bind(1, device).bind(2, std::int64_t(from)).bind(3, std::int64_t(to));
    TABEL_TRY(st->eachRow([&]() -> Status {
        out.append({st->columnInt(1), st->columnText(2) == u"accepted", st->columnInt(0), st->columnText(3)});
        return {};
    }));
    return out;
}

inline sync::AckEntry rejected(std::int64_t seq, sync::AckReason reason, const QString& text) {
    return {seq, sync::AckStatus::Rejected, int(reason), text};
}

// R-J10 (2.5.4), R-S6: the lessons in which `teacherId` stands in for a colleague, from the merged subst/ entities
// (the operator's reference data) that the `substitutes` index lists for the teacher. A substitute's node may write
// those lessons, their marks and attendance, and pulls them. Entries that no longer read as a substitution (a field
// withdrawn) give no window.
inline Result<QList<sync::SubstitutionWindow>> substitutionWindows(const MergedState& state, const QString& teacherId) {
    QList<sync::SubstitutionWindow> out;
    if (teacherId.isEmpty())
        return out;
    TABEL_ASSIGN_OR_RETURN(const QStringList entities, state.substitutionsOf(teacherId));
    for (const QString& entity : entities) {
        const Result<domain::Substitution> s = domain::Substitution::fromFields(entity, state.fieldsOf(entity));
        if (s && s->substituteId == teacherId)
            out.append(sync::SubstitutionWindow{s->date, s->slot, s->classId, s->groupId, s->subjectId});
    }
    TABEL_TRY(state.error());
    return out;
}

// The school year of a change set: the first date its keys hold, else the day it was received.
inline int yearOf(const sync::ChangeSetScope& scope, qint64 receivedMs) {
    return domain::schoolYearOf(scope.date ? *scope.date : QDateTime::fromMSecsSinceEpoch(receivedMs, Qt::UTC).date());
}

} // namespace tabel::hub::internal

namespace tabel::hub {

using namespace internal;

struct HubStore::Impl {
    Paths paths;
    std::optional<db::Database> db;
    std::optional<MergedState> state; // the registers in hub.db; caches only what one request reads
    int nonceCalls = 0;
    Result<bool> rememberNonce(const QByteArray& deviceKey, const QByteArray& nonce, qint64 nowMs, qint64 keepMs);
    std::optional<crypto::SigningKeyPair> hubKey; // the hub's own device (operator's change sets)
    HubIdentity identity;
    Hlc hlc; // the hub device's clock: after its own last change set and every base it wrote on
    // The history of a push is written after its Ack (History::defer). `staged` holds the push's change sets as
    // merged until its transaction commits; they are then kept, with the registers the push read and wrote, by
    // the history's worker, which renders the commit beside the next push (history_worker.h).
    std::optional<History::Deferred> staged;
    std::unique_ptr<HistoryWorker> history;

    // Commits the deferred history of a push, in the caller's transaction. Every writer of merged change sets
    // calls it before it changes a register (History::defer says why); cheap when nothing is pending.
    Status writePendingHistory() {
        TABEL_ASSIGN_OR_RETURN(const QList<History::PendingNote> pending, History::pendingNotes(*db));
        if (pending.isEmpty()) {
            history->discard();
            return {};
        }
        std::optional<HistoryWorker::Kept> kept;
        if (renderedFor(pending)) {
            kept = history->takeKept();
            if (!kept) {
                TABEL_ASSIGN_OR_RETURN(const bool written, takeRendered());
                if (written)
                    return {};
            }
        }
        history->discard();
        // Rendered here: from the registers the push kept (they are what hub.db holds: nothing is written yet in
        // this transaction), else from hub.db (after a restart, or when the worker's result was void).
        if (kept)
            state->prime(std::move(kept->registers));
        TABEL_TRY(History::writePending(*db, pending, *state, kept ? &kept->sets : nullptr));
        TABEL_TRY(state->error());
        state->reset(); // what a process holds stays one request's registers
        return {};
    }
    // The worker keeps or renders the one pending note.
    bool renderedFor(const QList<History::PendingNote>& pending) const {
        return pending.size() == 1 && history->isFor(pending.first());
    }
    // The worker's commit written in the open transaction; false when it was void (nothing written).
    Result<bool> takeRendered() {
        Result<History::Rendered> rendered = history->take();
        if (!rendered)
            return false;
        return History::writeRendered(*db, *rendered);
    }

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

    // Appends a change set to the log; returns its hub_seq. packed: the canonical bytes as the log keeps them
    // (packLogBytes), when the caller made them already (a push does, beside opening the set); else made here.
    Result<std::int64_t> appendLog(const sync::ChangeSet& cs, const sync::SignedChangeSet& s, int state_,
                                   const QString& reason, qint64 nowMs, int year, const QByteArray& packed = {}) {
        TABEL_ASSIGN_OR_RETURN(const QByteArray stored,
                               packed.isEmpty() ? packLogBytes(s.canonical) : Result<QByteArray>(packed));
        TABEL_ASSIGN_OR_RETURN(db::Statement * insert,
                               db->cached("INSERT INTO log(device, seq, author, canonical, signature, received, "
                                          "state, reason, year) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        Status st = insert->bind(1, cs.device)
                        .bind(2, std::int64_t(cs.seq))
                        .bind(3, cs.author)
                        .bind(4, stored)
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
                                                 std::int64_t* hubSeqOut = nullptr, const QByteArray& packed = {}) {
        const int year = yearOf(scope, nowMs);
        TABEL_ASSIGN_OR_RETURN(sync::ChangeSetResult merged, state->apply(cs, year));
        if (merged.rejected) {
            TABEL_TRY(appendLog(cs, s, kRefused, merged.reason, nowMs, year, packed));
            return merged;
        }
        TABEL_ASSIGN_OR_RETURN(const std::int64_t hubSeq, appendLog(cs, s, kMerged, {}, nowMs, year, packed));
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
    // written: where the change set is appended when one was written, for the history.
    Result<OperatorCommit> commitOwn(QList<sync::Op> ops, qint64 nowMs, QList<sync::ChangeSet>* written);
    // The history of the hub's own change sets (R-S7): committed as the operator, at the time they were written,
    // as History::replay commits them; in the caller's transaction.
    Status recordOwn(const QList<sync::ChangeSet>& merged, qint64 nowMs);
    // Ops writing `fields` of an entity as a node's put() does: only what differs from the merged value, based on
    // every head of the field.
    void opsFor(const QString& key, const domain::Fields& fields, QList<sync::Op>& out) const;
    Result<QHash<std::int64_t, NodeRecord>> nodesByDeviceNumber();
    Result<ConflictInfo> describe(const sync::FieldId& field, const QHash<std::int64_t, NodeRecord>& nodes);

    Result<sync::Ack> pushInTransaction(const NodeRecord& node, const sync::PushBatch& batch, qint64 nowMs);
    // MergedState::preload of the marks and absences of every lesson the set writes.
    void preloadLessons(const sync::ChangeSet& cs) const;
};

} // namespace tabel::hub
