#include "hub/store/merged_state.h"

#include "shared/domain/entity_key.h"
#include "shared/domain/model.h"

#include <QCoreApplication>

#include <algorithm>
#include <iterator>
#include <vector>

namespace tabel::hub {

namespace {

QString tr(const char* s) {
    return QCoreApplication::translate("tabel::hub::HubStore", s);
}

// The smallest text after every text that starts with prefix (keys are BMP text: the last code unit + 1).
QString prefixEnd(const QString& prefix) {
    QString end = prefix;
    while (!end.isEmpty()) {
        const char16_t last = end.back().unicode();
        end.chop(1);
        if (last != 0xffff) {
            end.append(QChar(char16_t(last + 1)));
            return end;
        }
    }
    return {};
}

} // namespace

Result<const std::optional<MergedState::EntityFields>*> MergedState::peek(const QString& entity) const {
    static const std::optional<EntityFields> kNone;
    if (const auto it = m_cache.find(entity); it != m_cache.end())
        return &it->second;
    if (knownComplete(entity))
        return &kNone; // under a prefix read whole: no row, and nothing kept for it (most reads of a push)
    return load(entity);
}

Result<const std::optional<MergedState::EntityFields>*> MergedState::load(const QString& entity) const {
    if (const auto it = m_cache.find(entity); it != m_cache.end())
        return &it->second;
    if (knownComplete(entity))
        return &m_cache.emplace(entity, std::nullopt).first->second;
    TABEL_ASSIGN_OR_RETURN(db::Statement * st, m_db->cached("SELECT regs FROM registers WHERE entity = ?"));
    st->bind(1, entity);
    Result<bool> row = st->step();
    if (!row) {
        st->reset();
        return std::move(row).error();
    }
    std::optional<EntityFields> out;
    if (*row) {
        Result<EntityFields> fields = sync::decodeEntityRegisters(st->columnBlob(0));
        st->reset();
        if (!fields)
            return makeError(ErrorCode::Corrupt, tr("%1: %2").arg(entity, fields.error().message));
        out = std::move(fields).value();
    } else {
        st->reset();
    }
    return &m_cache.emplace(entity, std::move(out)).first->second;
}

const sync::FieldRegister* MergedState::find(const sync::FieldId& field) const {
    Result<const std::optional<EntityFields>*> r = peek(field.entity);
    if (!r) {
        if (!m_error)
            m_error = r.error();
        return nullptr;
    }
    const std::optional<EntityFields>& fields = **r;
    if (!fields)
        return nullptr;
    const auto it = fields->find(field.field);
    return it == fields->end() ? nullptr : &it->second;
}

void MergedState::forEach(const QString& entityPrefix,
                          const std::function<bool(const sync::FieldId&, const sync::FieldRegister&)>& visit) const {
    forEachRow(entityPrefix, [&visit](const QString& entity, EntityFields&& fields) {
        for (const auto& [name, reg] : fields)
            if (!visit(sync::FieldId{entity, name}, reg))
                return false;
        return true;
    });
}

void MergedState::forEachRow(const QString& entityPrefix,
                             const std::function<bool(const QString&, EntityFields&&)>& visit) const {
    const QString end = prefixEnd(entityPrefix);
    // Cached statements (a push asks for many small ranges), read a page at a time and reset before the page is
    // visited: a visitor may query too, and memory stays bounded over a large range.
    constexpr int kPage = 256;
    static const char* const kSql[2][2] = {
        {"SELECT entity, regs FROM registers WHERE entity >= ?1 ORDER BY entity LIMIT ?3",
         "SELECT entity, regs FROM registers WHERE entity >= ?1 AND entity < ?2 ORDER BY entity LIMIT ?3"},
        {"SELECT entity, regs FROM registers WHERE entity > ?1 ORDER BY entity LIMIT ?3",
         "SELECT entity, regs FROM registers WHERE entity > ?1 AND entity < ?2 ORDER BY entity LIMIT ?3"}};
    QString from = entityPrefix;
    for (bool later = false;; later = true) {
        Result<db::Statement*> st = m_db->cached(kSql[later ? 1 : 0][end.isEmpty() ? 0 : 1]);
        if (!st) {
            if (!m_error)
                m_error = st.error();
            return;
        }
        db::Statement& q = **st;
        q.bind(1, from).bind(3, std::int64_t(kPage));
        if (!end.isEmpty())
            q.bind(2, end);
        std::vector<std::pair<QString, QByteArray>> rows;
        while (true) {
            Result<bool> row = q.step();
            if (!row) {
                q.reset();
                if (!m_error)
                    m_error = row.error();
                return;
            }
            if (!*row)
                break;
            rows.emplace_back(q.columnText(0), q.columnBlob(1));
        }
        q.reset();
        for (const auto& [entity, regs] : rows) {
            Result<EntityFields> fields = sync::decodeEntityRegisters(regs);
            if (!fields) {
                if (!m_error)
                    m_error = makeError(ErrorCode::Corrupt, tr("%1: %2").arg(entity, fields.error().message));
                return;
            }
            if (!visit(entity, std::move(fields).value()))
                return;
        }
        if (rows.size() < std::size_t(kPage))
            return;
        from = rows.back().first;
    }
}

void MergedState::forEntity(const QString& entity,
                            const std::function<void(const sync::FieldId&, const sync::FieldRegister&)>& visit) const {
    Result<const std::optional<EntityFields>*> r = peek(entity);
    if (!r) {
        if (!m_error)
            m_error = r.error();
        return;
    }
    if (const std::optional<EntityFields>& fields = **r)
        for (const auto& [name, reg] : *fields)
            visit(sync::FieldId{entity, name}, reg);
}

domain::Fields MergedState::visibleFields(const EntityFields& fields) {
    domain::Fields out;
    for (const auto& [name, reg] : fields)
        out.emplace_hint(out.end(), name, reg.visibleValue());
    return out;
}

domain::Fields MergedState::fieldsOf(const QString& entity) const {
    Result<const std::optional<EntityFields>*> r = peek(entity);
    if (!r) {
        if (!m_error)
            m_error = r.error();
        return {};
    }
    const std::optional<EntityFields>& fields = **r;
    return fields ? visibleFields(*fields) : domain::Fields{};
}

Status MergedState::error() const {
    if (m_error)
        return *m_error;
    return {};
}

void MergedState::reset() {
    m_cache.clear();
    m_complete.clear();
    m_error.reset();
}

MergedState::Cache MergedState::takeCache() {
    m_error.reset();
    m_complete.clear();
    return std::exchange(m_cache, {});
}

void MergedState::prime(Cache&& cache) {
    m_complete.clear();
    m_cache = std::move(cache);
}

bool MergedState::knownComplete(const QString& entity) const {
    const auto after = m_complete.upper_bound(entity);
    return after != m_complete.begin() && entity.startsWith(*std::prev(after));
}

void MergedState::preload(const QString& prefix) const {
    if (prefix.isEmpty() || knownComplete(prefix))
        return;
    // Rows this transaction wrote are in the cache already (and in the database: the same).
    forEachRow(prefix, [this](const QString& entity, EntityFields&& fields) {
        m_cache.try_emplace(entity, std::move(fields));
        return true;
    });
    if (m_error)
        return;
    for (auto it = m_complete.lower_bound(prefix); it != m_complete.end() && it->startsWith(prefix);)
        it = m_complete.erase(it); // read again, whole, under the new one
    m_complete.insert(prefix);
}

Status MergedState::store(const QString& entity, const EntityFields& fields, int year, bool exists) {
    const QByteArray regs = sync::encodeEntityRegisters(fields);
    if (exists) {
        TABEL_ASSIGN_OR_RETURN(db::Statement * up, m_db->cached("UPDATE registers SET regs = ? WHERE entity = ?"));
        Status s = up->bind(1, regs).bind(2, entity).run();
        up->reset();
        TABEL_TRY(std::move(s));
    } else {
        TABEL_ASSIGN_OR_RETURN(db::Statement * ins,
                               m_db->cached("INSERT INTO registers(entity, regs, year) VALUES(?, ?, ?)"));
        Status s = ins->bind(1, entity).bind(2, regs).bind(3, std::int64_t(year)).run();
        ins->reset();
        TABEL_TRY(std::move(s));
    }
    if (entity.startsWith(u"subst/"))
        TABEL_TRY(indexSubstitute(entity, fields));
    return {};
}

namespace {
// The substitute a subst/ entity names, when it reads as a substitution (a field withdrawn: none).
QString substituteOf(const QString& entity, const MergedState::EntityFields& fields) {
    const Result<domain::Substitution> s = domain::Substitution::fromFields(entity, MergedState::visibleFields(fields));
    return s ? s->substituteId : QString();
}
} // namespace

Status MergedState::indexSubstitute(const QString& entity, const EntityFields& fields) {
    TABEL_ASSIGN_OR_RETURN(db::Statement * drop, m_db->cached("DELETE FROM substitutes WHERE entity = ?"));
    Status dropped = drop->bind(1, entity).run();
    drop->reset();
    TABEL_TRY(std::move(dropped));
    const QString teacher = substituteOf(entity, fields);
    if (teacher.isEmpty())
        return {};
    TABEL_ASSIGN_OR_RETURN(db::Statement * ins,
                           m_db->cached("INSERT OR IGNORE INTO substitutes(teacher, entity) VALUES(?, ?)"));
    Status s = ins->bind(1, teacher).bind(2, entity).run();
    ins->reset();
    return s;
}

Result<QStringList> MergedState::substitutionsOf(const QString& teacherId) const {
    QStringList out;
    TABEL_ASSIGN_OR_RETURN(db::Statement * st, m_db->cached("SELECT entity FROM substitutes WHERE teacher = ?"));
    st->bind(1, teacherId);
    TABEL_TRY(st->eachRow([&]() -> Status {
        out.append(st->columnText(0));
        return {};
    }));
    return out;
}

Result<MergedState::Substitutes> MergedState::substitutesFromRegisters() const {
    Substitutes out;
    forEachRow(QStringLiteral("subst/"), [&out](const QString& entity, EntityFields&& fields) {
        if (const QString teacher = substituteOf(entity, fields); !teacher.isEmpty())
            out.insert({teacher, entity});
        return true;
    });
    TABEL_TRY(error());
    return out;
}

Result<MergedState::Substitutes> MergedState::substitutesIndexed() const {
    Substitutes out;
    TABEL_ASSIGN_OR_RETURN(db::Statement st, m_db->prepare("SELECT teacher, entity FROM substitutes"));
    TABEL_TRY(st.eachRow([&]() -> Status {
        out.insert({st.columnText(0), st.columnText(1)});
        return {};
    }));
    return out;
}

Status MergedState::rebuildSubstitutes() {
    TABEL_TRY(m_db->exec("DELETE FROM substitutes"));
    TABEL_ASSIGN_OR_RETURN(const Substitutes all, substitutesFromRegisters());
    TABEL_ASSIGN_OR_RETURN(db::Statement ins, m_db->prepare("INSERT INTO substitutes(teacher, entity) VALUES(?, ?)"));
    for (const auto& [teacher, entity] : all) {
        TABEL_TRY(ins.bind(1, teacher).bind(2, entity).run());
        ins.reset();
    }
    return {};
}

QString MergedState::classOf(const QString& entity) const {
    const domain::EntityKey key = domain::parseEntityKey(entity);
    if (key.type == domain::KeyType::Pupil)
        return domain::textOf(visibleValue(entity, QStringLiteral("class")));
    return key.classId;
}

Status MergedState::noteConflict(const sync::FieldId& field, bool inConflict) {
    if (inConflict) {
        TABEL_ASSIGN_OR_RETURN(db::Statement * ins,
                               m_db->cached("INSERT INTO conflicts(entity, field, class) VALUES(?, ?, ?)"));
        Status s = ins->bind(1, field.entity).bind(2, field.field).bind(3, classOf(field.entity)).run();
        ins->reset();
        return s;
    }
    TABEL_ASSIGN_OR_RETURN(db::Statement * del, m_db->cached("DELETE FROM conflicts WHERE entity = ? AND field = ?"));
    Status s = del->bind(1, field.entity).bind(2, field.field).run();
    del->reset();
    return s;
}

Result<sync::ChangeSetResult> MergedState::apply(const sync::ChangeSet& changeSet, int year) {
    // The registers of the set's entities move from the cache into a Reconciler of their own, where the pure merge
    // decides, and back: nothing is copied. (A read that fails leaves the cache half moved; the caller's
    // transaction then rolls back and the state is reset.)
    sync::Reconciler working;
    struct Entity {
        std::optional<EntityFields>* cached; // the entity's entry in m_cache
        bool existed;                        // it had a row
        bool changed = false;                // an op of the set changed a register of it
    };
    std::map<QString, Entity> entities; // in key order: the order rows are written in
    const QString* previous = nullptr;
    for (const sync::Op& op : changeSet.ops) {
        if (previous && *previous == op.entity) // an entity's ops mostly come together
            continue;
        previous = &op.entity;
        if (entities.count(op.entity))
            continue;
        TABEL_ASSIGN_OR_RETURN(const std::optional<EntityFields>* stored, load(op.entity));
        auto* cached = const_cast<std::optional<EntityFields>*>(stored); // m_cache is this object's
        entities.emplace(op.entity, Entity{cached, cached->has_value()});
        if (*cached)
            for (auto& [name, reg] : **cached)
                working.adopt({op.entity, name}, std::move(reg));
    }
    // The Reconciler keeps the fields in conflict as they change: before and after, usually both empty.
    const QList<sync::FieldId> conflictedBefore = working.conflicts();
    sync::ChangeSetResult result = working.apply(changeSet);
    // An entity whose every op was a duplicate is as stored (a register changes with every version it has not seen).
    if (!result.rejected) {
        Entity* last = nullptr;
        previous = nullptr;
        for (const sync::OpResult& r : result.ops) {
            if (r.applied.outcome == sync::Outcome::Duplicate)
                continue;
            if (!previous || *previous != r.field.entity) {
                previous = &r.field.entity;
                last = &entities.find(r.field.entity)->second;
            }
            last->changed = true;
        }
    }
    const QList<sync::FieldId> conflictedAfter = result.rejected ? conflictedBefore : working.conflicts();
    for (auto& [entity, e] : entities) {
        EntityFields now = working.takeEntity(entity);
        if (!e.changed) {
            if (e.existed)
                *e.cached = std::move(now); // back where it was read from
            continue;
        }
        int partition = year; // a row's year is written once, when the entity is new
        if (!e.existed)
            if (const domain::EntityKey key = domain::parseEntityKey(entity); key.date.isValid())
                partition = domain::schoolYearOf(key.date);
        TABEL_TRY(store(entity, now, partition, e.existed));
        *e.cached = std::move(now);
    }
    if (result.rejected)
        return result;
    // Both lists are in FieldId order.
    std::vector<sync::FieldId> cleared, raised;
    std::set_difference(conflictedBefore.begin(), conflictedBefore.end(), conflictedAfter.begin(),
                        conflictedAfter.end(), std::back_inserter(cleared));
    std::set_difference(conflictedAfter.begin(), conflictedAfter.end(), conflictedBefore.begin(),
                        conflictedBefore.end(), std::back_inserter(raised));
    for (const sync::FieldId& id : cleared)
        TABEL_TRY(noteConflict(id, false));
    for (const sync::FieldId& id : raised)
        TABEL_TRY(noteConflict(id, true));
    return result;
}

Result<QList<sync::FieldId>> MergedState::conflicts(const QString& classId) const {
    TABEL_ASSIGN_OR_RETURN(db::Statement st,
                           classId.isEmpty()
                               ? m_db->prepare("SELECT entity, field FROM conflicts ORDER BY entity, field")
                               : m_db->prepare("SELECT entity, field FROM conflicts WHERE class = ? ORDER BY entity, "
                                               "field"));
    if (!classId.isEmpty())
        st.bind(1, classId);
    QList<sync::FieldId> out;
    while (true) {
        TABEL_ASSIGN_OR_RETURN(const bool row, st.step());
        if (!row)
            break;
        out.append({st.columnText(0), st.columnText(1)});
    }
    return out;
}

Result<std::int64_t> MergedState::registerCount() const {
    // Fields, not rows: every row is decoded (check reads the whole state anyway).
    std::int64_t n = 0;
    forEach({}, [&n](const sync::FieldId&, const sync::FieldRegister&) {
        ++n;
        return true;
    });
    TABEL_TRY(error());
    return n;
}

} // namespace tabel::hub
