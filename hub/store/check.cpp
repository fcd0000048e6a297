#include "hub/store/internal.h"

#include <algorithm>
#include <set>

namespace tabel::hub {

using namespace internal;

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
        Result<sync::ChangeSet> cs = logChangeSet(log.columnBlob(3), log.columnBlob(4));
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
    // R-J10: the index of substitutes is what the registers (compared with the log above) say.
    TABEL_ASSIGN_OR_RETURN(const MergedState::Substitutes expected, d->state->substitutesFromRegisters());
    TABEL_ASSIGN_OR_RETURN(const MergedState::Substitutes indexed, d->state->substitutesIndexed());
    for (const auto& [teacher, entity] : expected)
        if (!indexed.count({teacher, entity}))
            report.problems << tr("%1: teacher %2 stands in for this lesson, but the index of substitutes does not "
                                  "list it (the teacher's node could not write it); restore hub.db from a backup, or "
                                  "report it")
                                   .arg(entity, teacher);
    for (const auto& [teacher, entity] : indexed)
        if (!expected.count({teacher, entity}))
            report.problems << tr("%1: the index of substitutes lists teacher %2, whom the substitution does not "
                                  "name; restore hub.db from a backup, or report it")
                                   .arg(entity, teacher);
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
            Result<sync::ChangeSet> cs = logChangeSet(sets.columnBlob(1), sets.columnBlob(2));
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
    const auto remember = [&](const QString& cls, bool pupils) -> Status {
        sync::Reconciler replay;
        TABEL_ASSIGN_OR_RETURN(db::Statement sets,
                               db.prepare("SELECT DISTINCT s.hub_seq, l.canonical, l.signature FROM log_scopes s JOIN "
                                          "log l ON l.hub_seq = s.hub_seq WHERE s.class = ? AND l.state = 0"));
        sets.bind(1, cls);
        while (true) {
            TABEL_ASSIGN_OR_RETURN(const bool row, sets.step());
            if (!row)
                break;
            if (Result<sync::ChangeSet> cs = logChangeSet(sets.columnBlob(1), sets.columnBlob(2)))
                (void)replay.apply(*cs);
        }
        for (const auto& [id, reg] : replay.registers())
            if (id.entity.startsWith(u"pupil/") == pupils)
                known.insert(fieldHash(id));
        return {};
    };
    for (const QString& cls : classes)
        TABEL_TRY(remember(cls, false));
    TABEL_TRY(remember(sync::kNoClass, true));
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
