#include "hub/store/internal.h"
#include "shared/domain/entity_check.h"
#include "sync/describe.h"

namespace tabel::hub {

using namespace internal;

// ---- The operator's change sets (R-J1, R-S5) ----

namespace {

constexpr const char* kHubKeyMeta = "hub_device_key";
const QString kHubNodeId = QStringLiteral("hub");

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
        TABEL_ASSIGN_OR_RETURN(const sync::ChangeSet cs, logChangeSet(st.columnBlob(0), st.columnBlob(1)));
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

Status HubStore::Impl::recordOwn(const QList<sync::ChangeSet>& merged, qint64 nowMs) {
    return History::record(*db, BatchMeta{{}, {}, identity.publicKey, operatorAuthor(), {}, nowMs}, merged, *state);
}

Result<OperatorCommit> HubStore::Impl::commitOwn(QList<sync::Op> ops, qint64 nowMs, QList<sync::ChangeSet>* written) {
    if (ops.isEmpty())
        return OperatorCommit{};
    TABEL_TRY(writePendingHistory()); // the last push's commit first: it shows the state before this change
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
    if (written)
        written->append(cs);
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
    info.what = sync::describeEntity(field.entity, *state);
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
        TABEL_ASSIGN_OR_RETURN(const sync::ChangeSet cs, logChangeSet(st.columnBlob(0), st.columnBlob(1)));
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
        QList<sync::ChangeSet> merged;
        for (auto& [unit, ops] : byUnit) {
            TABEL_ASSIGN_OR_RETURN(const OperatorCommit one, d->commitOwn(std::move(ops), nowMs, &merged));
            if (one.hubSeq == 0)
                continue;
            total.hubSeq = one.hubSeq;
            total.seq = one.seq;
            total.ops += one.ops;
            ++total.changeSets;
            if (total.firstSeq == 0)
                total.firstSeq = one.seq;
        }
        // The imported roster and timetable reach the class repositories too (R-S7).
        TABEL_TRY(d->recordOwn(merged, nowMs));
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
        domain::Fields fields = d->state->fieldsOf(info.field.entity);
        fields[info.field.field] = value;
        if (auto ok = domain::checkEntity(info.field.entity, fields); !ok)
            return makeError(ErrorCode::InvalidArgument,
                             tr("the value cannot be stored in %1: %2").arg(info.field.entity, ok.error().message));
        // One op per head, each based on that head, all with the one value (sync/reconcile.h): every head is
        // superseded, in any order of delivery.
        QList<sync::Op> ops;
        for (const ConflictHead& h : info.heads)
            ops.append(sync::Op{0, info.field.entity, info.field.field, value, h.write.version});
        QList<sync::ChangeSet> merged;
        TABEL_ASSIGN_OR_RETURN(const OperatorCommit commit, d->commitOwn(std::move(ops), nowMs, &merged));
        // The resolved field stops showing CONFLICT in the history at once, not at the next push.
        TABEL_TRY(d->recordOwn(merged, nowMs));
        return commit;
    });
}

} // namespace tabel::hub
