#include "hub/store/merged_state.h"

#include "shared/domain/entity_key.h"

#include <QCoreApplication>

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

Result<std::optional<sync::FieldRegister>> MergedState::load(const sync::FieldId& field) const {
    if (const auto it = m_cache.find(field); it != m_cache.end())
        return it->second;
    TABEL_ASSIGN_OR_RETURN(db::Statement * st,
                           m_db->cached("SELECT reg FROM registers WHERE entity = ? AND field = ?"));
    st->bind(1, field.entity).bind(2, field.field);
    Result<bool> row = st->step();
    if (!row) {
        st->reset();
        return std::move(row).error();
    }
    std::optional<sync::FieldRegister> out;
    if (*row) {
        Result<sync::FieldRegister> reg = sync::FieldRegister::decode(st->columnBlob(0));
        st->reset();
        if (!reg)
            return makeError(ErrorCode::Corrupt, tr("%1 «%2»: %3").arg(field.entity, field.field, reg.error().message));
        out = std::move(reg).value();
    } else {
        st->reset();
    }
    m_cache.emplace(field, out);
    return out;
}

const sync::FieldRegister* MergedState::find(const sync::FieldId& field) const {
    Result<std::optional<sync::FieldRegister>> r = load(field);
    if (!r) {
        if (!m_error)
            m_error = r.error();
        return nullptr;
    }
    const auto it = m_cache.find(field);
    return it != m_cache.end() && it->second ? &*it->second : nullptr;
}

void MergedState::forEach(const QString& entityPrefix,
                          const std::function<bool(const sync::FieldId&, const sync::FieldRegister&)>& visit) const {
    const QString end = prefixEnd(entityPrefix);
    Result<db::Statement> st =
        end.isEmpty() ? m_db->prepare("SELECT entity, field, reg FROM registers WHERE entity >= ? ORDER BY entity, "
                                      "field")
                      : m_db->prepare("SELECT entity, field, reg FROM registers WHERE entity >= ? AND entity < ? "
                                      "ORDER BY entity, field");
    if (!st) {
        if (!m_error)
            m_error = st.error();
        return;
    }
    st->bind(1, entityPrefix);
    if (!end.isEmpty())
        st->bind(2, end);
    while (true) {
        Result<bool> row = st->step();
        if (!row) {
            if (!m_error)
                m_error = row.error();
            return;
        }
        if (!*row)
            return;
        const sync::FieldId field{st->columnText(0), st->columnText(1)};
        Result<sync::FieldRegister> reg = sync::FieldRegister::decode(st->columnBlob(2));
        if (!reg) {
            if (!m_error)
                m_error = makeError(ErrorCode::Corrupt,
                                    tr("%1 «%2»: %3").arg(field.entity, field.field, reg.error().message));
            return;
        }
        if (!visit(field, *reg))
            return;
    }
}

Status MergedState::error() const {
    if (m_error)
        return *m_error;
    return {};
}

void MergedState::reset() {
    m_cache.clear();
    m_error.reset();
}

Status MergedState::store(const sync::FieldId& field, const sync::FieldRegister& reg, int year, bool exists) {
    if (exists) {
        TABEL_ASSIGN_OR_RETURN(db::Statement * up,
                               m_db->cached("UPDATE registers SET reg = ? WHERE entity = ? AND field = ?"));
        Status s = up->bind(1, reg.encode()).bind(2, field.entity).bind(3, field.field).run();
        up->reset();
        TABEL_TRY(std::move(s));
    } else {
        TABEL_ASSIGN_OR_RETURN(db::Statement * ins,
                               m_db->cached("INSERT INTO registers(entity, field, reg, year) VALUES(?, ?, ?, ?)"));
        Status s =
            ins->bind(1, field.entity).bind(2, field.field).bind(3, reg.encode()).bind(4, std::int64_t(year)).run();
        ins->reset();
        TABEL_TRY(std::move(s));
    }
    m_cache.insert_or_assign(field, reg);
    return {};
}

QString MergedState::classOf(const QString& entity) const {
    const domain::EntityKey key = domain::parseEntityKey(entity);
    if (key.type == domain::KeyType::Pupil)
        return domain::textOf(visibleValue(entity, QStringLiteral("class")));
    return key.classId;
}

Status MergedState::noteConflict(const sync::FieldId& field, bool inConflict, bool wasInConflict) {
    if (inConflict == wasInConflict)
        return {};
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
    // The registers of the set's fields, as stored, in a Reconciler of their own: the pure merge decides.
    sync::Reconciler working;
    std::map<sync::FieldId, bool> existed; // stored before, and in conflict before
    std::map<sync::FieldId, bool> wasConflict;
    for (const sync::Op& op : changeSet.ops) {
        const sync::FieldId id{op.entity, op.field};
        if (existed.count(id))
            continue;
        TABEL_ASSIGN_OR_RETURN(std::optional<sync::FieldRegister> reg, load(id));
        existed[id] = reg.has_value();
        wasConflict[id] = reg && reg->inConflict();
        if (reg)
            working.adopt(id, std::move(*reg));
    }
    sync::ChangeSetResult result = working.apply(changeSet);
    if (result.rejected)
        return result;
    for (const auto& [id, before] : existed) {
        const sync::FieldRegister* reg = working.find(id);
        if (!reg)
            continue; // every op of it was refused before creating it (cannot happen unless rejected)
        bool changed = !before;
        if (before) {
            const auto cached = m_cache.find(id);
            changed = cached == m_cache.end() || !cached->second || !(*cached->second == *reg);
        }
        if (!changed)
            continue; // a duplicate: nothing to write
        const domain::EntityKey key = domain::parseEntityKey(id.entity);
        const int regYear = key.date.isValid() ? domain::schoolYearOf(key.date) : year;
        TABEL_TRY(store(id, *reg, regYear, before));
    }
    for (const auto& [id, was] : wasConflict) {
        const sync::FieldRegister* reg = working.find(id);
        TABEL_TRY(noteConflict(id, reg && reg->inConflict(), was));
    }
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
    return m_db->queryInt("SELECT count(*) FROM registers");
}

} // namespace tabel::hub
