// The hub's merged state, kept in hub.db (ARCHITECTURE.md, "The hub's state"): the registers of every entity's
// fields (sync/reconcile.h) as one row of `registers` (sync::encodeEntityRegisters), and the fields in conflict as rows
// of `conflicts`, written in the transaction of the push (or operator change) that merged the change set. Nothing is
// replayed at open: a request loads the registers it touches, so the memory of serve and of every operator command is
// bounded by what one request reads, not by the history.
//
// The log stays the source of truth: `tabel-hub check` replays it, unit by unit (sync/unit.h), and compares
// every register (HubStore::check).
#pragma once

#include "shared/core/result.h"
#include "shared/core/string_hash.h"
#include "shared/db/sqlite.h"
#include "sync/reconcile.h"

#include <QString>

#include <map>
#include <optional>
#include <set>
#include <unordered_map>

namespace tabel::hub {

struct RegisterRow {
    sync::FieldId field;
    sync::FieldRegister reg;
};

class MergedState final : public sync::RegisterView {
public:
    explicit MergedState(db::Database& db) : m_db(&db) {}

    // RegisterView, read from hub.db (this connection's open transaction included). A read error makes find()
    // answer null and is kept: callers that write check error() before they commit.
    const sync::FieldRegister* find(const sync::FieldId& field) const override;
    void forEach(const QString& entityPrefix,
                 const std::function<bool(const sync::FieldId&, const sync::FieldRegister&)>& visit) const override;
    domain::Fields fieldsOf(const QString& entity) const override; // from the per-request cache
    void forEntity(const QString& entity,
                   const std::function<void(const sync::FieldId&, const sync::FieldRegister&)>& visit) const override;
    Status error() const;

    // Merges a change set in the caller's transaction (all ops or none, sync::Reconciler::apply): loads the
    // registers of its fields, reconciles, and writes back every register it changed, with the fields in
    // conflict. year: the school year the set belongs to (the partition of new registers).
    [[nodiscard]] Result<sync::ChangeSetResult> apply(const sync::ChangeSet& changeSet, int year);

    // The fields in conflict (of one class when classId is not empty), in FieldId order: an indexed read.
    [[nodiscard]] Result<QList<sync::FieldId>> conflicts(const QString& classId = {}) const;
    [[nodiscard]] Result<std::int64_t> registerCount() const;

    // The class a field's conflict is listed under: the key's class, a pupil's by its class field.
    QString classOf(const QString& entity) const;

    // Forgets what was loaded: after every request, and after a rollback (the database then holds exactly what
    // it held before, and nothing kept here may disagree).
    void reset();

    // What was loaded or written, taken away (the state is then reset) and later given back: a push's registers
    // kept for its history commit after the Ack (History::defer). Give them back only while the database holds
    // what they were read from, i.e. before the merged state changed again.
    using EntityFields = std::map<QString, sync::FieldRegister>;
    // Each field's visible value (sync::FieldRegister::visibleValue), as fieldsOf() answers them.
    static domain::Fields visibleFields(const EntityFields& fields);
    using Cache = std::unordered_map<QString, std::optional<EntityFields>, SeededStringHash>;
    Cache takeCache();
    void prime(Cache&& cache);

    // R-J10: the subst/ entities whose substitute is `teacherId`, from the `substitutes` index that store() keeps
    // (a push or a pull reads one teacher's substitutions, not every substitution of every year).
    [[nodiscard]] Result<QStringList> substitutionsOf(const QString& teacherId) const;
    // The index as the registers say it should be, and as it is: (teacher, entity) pairs; `tabel-hub check`
    // compares them. rebuildSubstitutes() writes it again from the registers (the migration to schema 3).
    using Substitutes = std::set<std::pair<QString, QString>>;
    [[nodiscard]] Result<Substitutes> substitutesFromRegisters() const;
    [[nodiscard]] Result<Substitutes> substitutesIndexed() const;
    [[nodiscard]] Status rebuildSubstitutes();
    // Reads every entity under the prefix into the cache in one range read, and remembers that there is no other:
    // a later read of a key under it is answered without a query. A push reads a lesson's marks and absences one
    // by one, most of them new (a lookup that finds nothing costs as much as one that finds a row).
    void preload(const QString& prefix) const;

private:
    // The entity's registers as stored (nullopt: no row), cached until reset(): the entry a merge writes to.
    Result<const std::optional<EntityFields>*> load(const QString& entity) const;
    // As load(), for a read: a key under a prefix read whole that has no row gets no cache entry.
    Result<const std::optional<EntityFields>*> peek(const QString& entity) const;
    // The stored rows under a prefix in key order, decoded, a page at a time; a read error is kept in m_error.
    void forEachRow(const QString& entityPrefix,
                    const std::function<bool(const QString&, EntityFields&&)>& visit) const;
    // Writes an entity's row (the caller puts the registers in the cache), and a substitution's index row.
    Status store(const QString& entity, const EntityFields& fields, int year, bool exists);
    Status indexSubstitute(const QString& entity, const EntityFields& fields);
    // Lists the field as in conflict, or no longer.
    Status noteConflict(const sync::FieldId& field, bool inConflict);

    db::Database* m_db;
    // Hashed: a push holds some ten thousand entries here, whose keys share long prefixes.
    mutable Cache m_cache;
    // Prefixes preload() read whole into m_cache; none is a prefix of another, so the only one that can be a prefix
    // of a key is the greatest not after it (knownComplete).
    mutable std::set<QString> m_complete;
    bool knownComplete(const QString& entity) const;
    mutable std::optional<Error> m_error;
};

} // namespace tabel::hub
