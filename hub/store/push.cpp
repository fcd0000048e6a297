#include "hub/store/internal.h"
#include "sync/describe.h"
#include "sync/judge.h"
#include "sync/open_sets.h"

#include <algorithm>
#include <vector>

namespace tabel::hub {

using namespace internal;

// ---- Push ----

void HubStore::Impl::preloadLessons(const sync::ChangeSet& cs) const {
    const QString* previous = nullptr;
    for (const sync::Op& op : cs.ops) {
        if (previous && *previous == op.entity)
            continue;
        previous = &op.entity;
        if (!op.entity.startsWith(u"lesson/"))
            continue;
        const QString lesson = op.entity.mid(7); // "7А/math/all/2026-09-01/2"
        state->preload(QStringLiteral("mark/") + lesson + u'/');
        state->preload(QStringLiteral("att/") + lesson + u'/');
    }
}

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
    TABEL_ASSIGN_OR_RETURN(scopes.substitutions, substitutionWindows(*state, node.teacherId)); // as merged until now
    const sync::CurrentValue current = currentValue();
    QList<sync::ChangeSet> mergedSets; // for the history
    std::int64_t firstMerged = 0, lastMerged = 0;
    // What depends on one set alone, made on the threads that open the sets (sync/open_sets.h) while this one
    // judges and merges the sets before: the bytes the log keeps, the set's unit (when no pupil's class must be
    // read for it) and whether its scopes allow it (the message of a refusal needs the names: taken here again).
    struct Prepared {
        QByteArray packed;
        std::optional<sync::ChangeSetScope> unit;
        bool allowed = false;
    };
    std::vector<Prepared> prepared(std::size_t(batch.changeSets.size()));
    sync::SetOpener opener(batch.changeSets); // decoded and verified ahead of this thread (sync/open_sets.h)
    opener.prepareWith([&prepared, &scopes, &batch](qsizetype i, const sync::ChangeSet& cs) {
        Prepared& p = prepared[std::size_t(i)];
        if (Result<QByteArray> packed = packLogBytes(batch.changeSets[i].canonical))
            p.packed = std::move(packed).value();
        const bool readsPupils = std::any_of(cs.ops.begin(), cs.ops.end(),
                                             [](const sync::Op& op) { return op.entity.startsWith(u"pupil/"); });
        if (!readsPupils)
            p.unit = sync::scopeOfChangeSet(cs, nullptr);
        p.allowed =
            sync::checkChangeSetScope(scopes, cs, {}, domain::rules::Names{}).verdict == sync::ScopeVerdict::Allowed;
    });
    const auto record = [&](const sync::ChangeSet& cs, const sync::SignedChangeSet& s, int logState,
                            const QString& reason, const sync::ChangeSetScope& unit,
                            const QByteArray& packed) -> Status {
        TABEL_TRY(appendLog(cs, s, logState, reason, nowMs, yearOf(unit, nowMs), packed));
        return {};
    };

    for (qsizetype index = 0; index < batch.changeSets.size(); ++index) {
        const sync::SignedChangeSet& s = batch.changeSets[index];
        Result<sync::ChangeSet> opened = opener.take(index);
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
        const Prepared& ready = prepared[std::size_t(index)];
        if (cs.device != node.deviceKey) {
            ack.entries.append(rejected(cs.seq, sync::AckReason::UnknownDevice,
                                        tr("the change set was signed by device %1, not by this node's device %2")
                                            .arg(crypto::fingerprint(cs.device), crypto::fingerprint(node.deviceKey))));
            continue;
        }
        existing.bind(1, cs.device).bind(2, std::int64_t(cs.seq));
        TABEL_ASSIGN_OR_RETURN(const bool seen, existing.step());
        if (seen) {
            const Result<QByteArray> before = unpackLogBytes(existing.columnBlob(0));
            const bool same = before && *before == s.canonical;
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
        const sync::ChangeSetScope unit = ready.unit ? *ready.unit : sync::scopeOfChangeSet(cs, current);
        if (unit.spans) {
            const QString reason = tr("change set %1 writes data of two units («%2» and «%3»); a change set stays "
                                      "inside one class (or the school-wide data): update tabel on this device")
                                       .arg(cs.seq)
                                       .arg(unit.key.text(), unit.other);
            TABEL_TRY(record(cs, s, kRefused, reason, unit, ready.packed));
            ack.entries.append(rejected(cs.seq, sync::AckReason::OutOfScope, reason));
            continue;
        }
        // Kept in the log as refused (never merged nor pulled) or held for the operator (amendment requests).
        const auto refuse = [&](sync::AckReason why, const QString& reason) -> Status {
            TABEL_TRY(record(cs, s, kRefused, reason, unit, ready.packed));
            ack.entries.append(rejected(cs.seq, why, reason));
            return {};
        };
        const auto hold = [&](const QString& reason) -> Status {
            TABEL_TRY(record(cs, s, kHeld, reason, unit, ready.packed));
            ack.entries.append({cs.seq, sync::AckStatus::Conflict, int(sync::AckReason::AmendmentRequest), reason});
            return {};
        };
        const sync::ScopeDecision decision =
            ready.allowed ? sync::ScopeDecision{} : sync::checkChangeSetScope(scopes, cs, {}, sync::namesOf(*state));
        if (decision.verdict != sync::ScopeVerdict::Allowed) {
            TABEL_TRY(decision.verdict == sync::ScopeVerdict::Rejected
                          ? refuse(sync::AckReason::OutOfScope, decision.reason)
                          : hold(decision.reason));
            continue;
        }
        // A lesson's marks and absences read in two range reads, not one lookup each (most are new).
        preloadLessons(cs);
        // Nothing a device sends is trusted (sync/judge.h): values, references and the rules the hub can decide.
        const sync::Judgement judged = sync::judgeChangeSet(cs, *state, nowMs);
        TABEL_TRY(state->error()); // a register that could not be read decides nothing
        if (judged.verdict != sync::Verdict::Accept) {
            TABEL_TRY(judged.verdict == sync::Verdict::Refuse ? refuse(sync::AckReason::InvalidValue, judged.reason)
                                                              : hold(judged.reason));
            continue;
        }
        std::int64_t hubSeq = 0;
        TABEL_ASSIGN_OR_RETURN(const sync::ChangeSetResult merged,
                               mergeChangeSet(cs, s, unit, nowMs, &hubSeq, ready.packed));
        if (merged.rejected) {
            ack.entries.append(rejected(cs.seq, sync::AckReason::Invalid, merged.reason));
            continue;
        }
        mergedSets.append(cs);
        firstMerged = firstMerged ? firstMerged : hubSeq;
        lastMerged = hubSeq;
        ack.entries.append(merged.hasConflict()
                               ? sync::AckEntry{cs.seq, sync::AckStatus::Conflict, int(sync::AckReason::None),
                                                tr("some field is now in conflict and waits for the operator")}
                               : sync::AckEntry{cs.seq, sync::AckStatus::Accepted, int(sync::AckReason::None), {}});
    }

    // The history (hub/history): one commit per class repository the merged sets changed, written after the Ack
    // when the hub is idle (History::defer); the note of it is in this transaction.
    if (!mergedSets.isEmpty()) {
        TABEL_ASSIGN_OR_RETURN(
            const std::int64_t note,
            History::defer(db_, {batch.batchId, node.nodeId, node.deviceKey, node.teacherId, node.teacherName, nowMs},
                           firstMerged, lastMerged));
        staged = History::Deferred{note, lastMerged, std::move(mergedSets)};
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
    // renderedInVain: the previous push's commit, rendered by the worker beside this push, could not be written
    // (another process wrote it meanwhile, or the worker failed); this push is then undone and run again.
    const auto attempt = [&](bool* renderedInVain) -> Result<sync::Ack> {
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
                return makeError(
                    ErrorCode::Corrupt,
                    tr("a stored acknowledgement in the hub store is damaged: %1").arg(ack.error().message));
            stored.reset();
            if (nonce) // the nonce is remembered even when the answer is the stored one
                TABEL_TRY(tx.commit());
            return std::move(ack).value();
        }
        stored.reset();
        // The previous push's history renders the state this push is about to change: written first, or, when the
        // worker is rendering it from its own snapshot, written at the end of this transaction.
        d->staged.reset();
        TABEL_ASSIGN_OR_RETURN(const QList<History::PendingNote> pending, History::pendingNotes(db));
        const bool overlap = d->renderedFor(pending) && d->history->start();
        Status history = overlap ? Status{} : d->writePendingHistory();
        // The registers are written in this transaction; a register read that failed fails the push.
        Result<sync::Ack> ack = history ? d->pushInTransaction(node, batch, nowMs) : Result<sync::Ack>(history.error());
        Status committed = ack ? d->state->error() : Status(ack.error());
        if (committed && overlap) {
            Result<bool> written = d->takeRendered();
            if (!written || !*written) {
                *renderedInVain = true;
                committed = makeError(ErrorCode::Busy, tr("the history of the last push was written meanwhile"));
            }
        }
        if (committed)
            committed = tx.commit();
        if (!committed) {
            d->state->reset();
            d->staged.reset();
            return std::move(committed).error();
        }
        // The commit of this push, rendered beside the next push (or when the hub is idle) from the registers it
        // read and wrote.
        if (d->staged)
            d->history->keep({std::exchange(d->staged, std::nullopt).value(), d->state->takeCache()});
        d->state->reset();
        return ack;
    };
    bool renderedInVain = false;
    Result<sync::Ack> ack = attempt(&renderedInVain);
    if (!renderedInVain)
        return ack;
    TABEL_TRY(writePendingHistory()); // from hub.db, which holds the state right after it
    renderedInVain = false;
    return attempt(&renderedInVain);
}

} // namespace tabel::hub
