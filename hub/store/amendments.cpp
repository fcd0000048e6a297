#include "hub/store/internal.h"
#include "sync/describe.h"

namespace tabel::hub {

using namespace internal;

// ---- Closed periods and amendment requests (R-S6), audit ----

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
        TABEL_ASSIGN_OR_RETURN(const sync::ChangeSet cs, logChangeSet(st.columnBlob(10), st.columnBlob(11)));
        a.ops = cs.ops;
        for (const sync::Op& op : a.ops)
            if (!a.what.count(op.entity))
                a.what.emplace(op.entity, sync::describeEntity(op.entity, *d->state));
        out.append(std::move(a));
    }
    d->state->reset(); // the names read for the descriptions are not kept past the request
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
    TABEL_ASSIGN_OR_RETURN(out.changeSet, logChangeSet(st.columnBlob(0), st.columnBlob(1)));
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
        TABEL_TRY(d->writePendingHistory()); // the last push's commit first: it shows the state before this one
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

Status HubStore::writePendingHistory() {
    TABEL_ASSIGN_OR_RETURN(const bool pending, History::hasPending(*d->db));
    if (!pending)
        return {};
    return d->inTransaction([&]() -> Status { return d->writePendingHistory(); });
}

Result<QList<HistoryChange>> HubStore::history(const HistoryFilter& filter, const QString& auditDetail) {
    TABEL_TRY(writePendingHistory()); // the last push's commit, if the hub has not written it yet
    TABEL_TRY(History::audit(*d->db, QStringLiteral("history"), auditDetail));
    TABEL_ASSIGN_OR_RETURN(QList<HistoryChange> changes, History::changes(*d->db, filter));
    // Whose mark, which lesson: in words from the merged state (names as they are now), one description per entity.
    d->state->reset();
    QHash<QString, QString> described;
    for (HistoryChange& c : changes) {
        auto it = described.find(c.entity);
        if (it == described.end())
            it = described.insert(c.entity, sync::describeEntity(c.entity, *d->state));
        c.what = *it;
    }
    d->state->reset();
    return changes;
}

Result<QStringList> HubStore::exportGit(const QString& dir) {
    TABEL_TRY(writePendingHistory());
    TABEL_TRY(History::audit(*d->db, QStringLiteral("export-git"), dir));
    return History::exportGit(*d->db, dir);
}

Status HubStore::audit(const QString& command, const QString& detail) {
    return History::audit(*d->db, command, detail);
}

} // namespace tabel::hub
