// Reconciliation (R-S5): field by field, against the base version each op names. Pure: no I/O, no clock.
//
// Per field the hub keeps a multi-value register: every version it has seen (with value, author, base), the
// set of versions some op named as its base (superseded), and the heads: the versions seen and not
// superseded. The register is a function of the *set* of ops applied, so every order of delivery — including
// an op arriving before the op it is based on — ends in the same register, and applying an op twice changes
// nothing. The field is in conflict when its heads hold more than one distinct value; a conflict is never
// dropped: it stays until ops based on the conflicting heads (a resolution: one op per head, same value)
// supersede them. PROTOCOL.md, "Reconciliation", has the algorithm and a worked example.
#pragma once

#include "shared/core/result.h"
#include "shared/domain/fields.h"
#include "sync/op.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace tabel::sync {

// One op as a field's register sees it.
struct Write {
    Version version; // (device number, hlc) of the op: its id
    Version base;    // the version of the field the author saw; null when the field did not exist for them
    domain::FieldValue value;
    QString author; // the teacher (or operator) id of the op's change set
    friend bool operator==(const Write&, const Write&) = default;
};

Write writeOf(const ChangeSet& changeSet, const Op& op);

// "Later" for versions: by HLC time, then by device number. The visible value of a field is its latest head.
bool isLater(const Version& a, const Version& b);

enum class Outcome {
    FastForward, // the op's version is now the field's only head: its base was the only head, or nothing was
    Converged,   // several heads, all with one value: silent convergence
    Conflict,    // after the op the heads hold several values
    Duplicate,   // the version was applied before: nothing changed
    Superseded,  // an op based on this one arrived first: kept in history, never a head
    Invalid,     // refused, nothing changed: base not older than the op, or a version reused with other content
};
QString outcomeName(Outcome o); // "fast-forward", … for logs and tests

struct Applied {
    Outcome outcome = Outcome::FastForward;
    bool visibleChanged = false; // the field's visible version changed
    bool conflictBefore = false;
    bool conflictAfter = false;
    QString reason; // why it is Invalid
};

// What an operator (or the owning teacher) sees of a conflict (R-S5).
struct FieldConflict {
    // The latest version every head descends from, as far as the register knows the bases; null when the heads
    // share none (the field did not exist for at least one author).
    Version base;
    domain::FieldValue baseValue; // the base's value; null when the base is null or its op has not arrived
    bool baseKnown = false;       // the base's op has arrived
    QList<Write> heads;           // every concurrent version: value, author, device (version.device), time
};

class FieldRegister {
public:
    // Checks that need no state: a device and a time; a base older than the op (an author can only have seen
    // an earlier version). With state: a version seen before must come back with the same content.
    [[nodiscard]] static Status validate(const Write& w);
    [[nodiscard]] Status check(const Write& w) const;

    // siblings: the other versions that w's change set wrote to this field with w's value, in a run of
    // consecutive ops (a resolution's one op per head): for supersession they are one version with w, so an op
    // based on any of them supersedes all (PROTOCOL.md, "The register of a field").
    Applied apply(const Write& w, const QList<Version>& siblings = {});

    QList<Write> heads() const; // oldest first (isLater order)
    std::optional<Write> visible() const;
    domain::FieldValue visibleValue() const; // null when the field has no version
    bool inConflict() const;
    std::optional<FieldConflict> conflict() const;

    bool contains(const Version& v) const { return m_seen.count(v) != 0; }
    bool empty() const { return m_seen.empty(); }
    bool isSuperseded(const Version& v) const { return m_superseded.count(v) != 0; }
    int versionCount() const { return int(m_seen.size()); }

    friend bool operator==(const FieldRegister&, const FieldRegister&) = default;

    friend QByteArray encodeEntityRegisters(const std::map<QString, FieldRegister>& fields);
    friend Result<std::map<QString, FieldRegister>> decodeEntityRegisters(const QByteArray& bytes);

private:
    QList<Version> ancestry(const Version& head) const;

    std::map<Version, Write> m_seen; // every version applied
    std::set<Version> m_superseded;  // every non-null base named by an applied op, and its siblings
    std::set<Version> m_heads;       // m_seen minus m_superseded
    // Versions written together with others (a run of one change set, one field, one value): their siblings.
    std::map<Version, QList<Version>> m_siblings;
};

struct FieldId {
    QString entity;
    QString field;
    friend bool operator==(const FieldId&, const FieldId&) = default;
    friend bool operator<(const FieldId& a, const FieldId& b) {
        return std::tie(a.entity, a.field) < std::tie(b.entity, b.field);
    }
};

struct OpResult {
    FieldId field;
    Version version;
    Applied applied;
};

struct ChangeSetResult {
    bool rejected = false; // an op failed check(): nothing of the change set was applied
    QString reason;
    QList<OpResult> ops;
    bool duplicate() const;   // not rejected and every op a Duplicate
    bool hasConflict() const; // some field the change set wrote is in conflict after it
};

// The registers of one entity's fields as one record, the row of the hub's `registers` table: each (device,
// author) pair once per record, times as differences from the previous one, a superseded version that is a seen
// one by its place. A mark's four fields, one write each, take about 80 bytes. decodeEntityRegisters checks every
// length, count and index and refuses trailing bytes (Corrupt).
QByteArray encodeEntityRegisters(const std::map<QString, FieldRegister>& fields);
[[nodiscard]] Result<std::map<QString, FieldRegister>> decodeEntityRegisters(const QByteArray& bytes);

// Read access to merged registers, wherever they are kept: in memory (Reconciler) or in the hub's store
// (hub/store/merged_state.h, which loads what a request touches).
class RegisterView {
public:
    virtual ~RegisterView() = default;
    // The register of a field; null when no op wrote it. The pointer stays valid until the next call.
    virtual const FieldRegister* find(const FieldId& field) const = 0;
    // Every register whose entity key starts with entityPrefix, in FieldId order, until visit returns false.
    virtual void forEach(const QString& entityPrefix,
                         const std::function<bool(const FieldId&, const FieldRegister&)>& visit) const = 0;
    // The visible fields of every entity whose key starts with entityPrefix, by entity key.
    std::map<QString, domain::Fields> entitiesUnder(const QString& entityPrefix) const {
        std::map<QString, domain::Fields> out;
        forEach(entityPrefix, [&out](const FieldId& id, const FieldRegister& reg) {
            out[id.entity][id.field] = reg.visibleValue();
            return true;
        });
        return out;
    }
    // The registers of one entity's fields, in field order. A store overrides it with a read of that one entity.
    virtual void forEntity(const QString& entity,
                           const std::function<void(const FieldId&, const FieldRegister&)>& visit) const {
        forEach(entity, [&](const FieldId& id, const FieldRegister& reg) {
            if (id.entity != entity)
                return false; // the entity's own key sorts before every longer key it prefixes
            visit(id, reg);
            return true;
        });
    }
    // The visible fields of one entity (null ones included); empty when no op wrote it.
    virtual domain::Fields fieldsOf(const QString& entity) const {
        domain::Fields out;
        forEntity(entity, [&](const FieldId& id, const FieldRegister& reg) { out[id.field] = reg.visibleValue(); });
        return out;
    }
    // The visible value of a field; null when none.
    domain::FieldValue visibleValue(const QString& entity, const QString& field) const {
        const FieldRegister* r = find({entity, field});
        return r ? r->visibleValue() : domain::FieldValue{};
    }
};

// The registers of every field, in memory: the pure core of the hub's merge (the hub persists the registers
// and the history; nodes may run the same code on what they pull).
class Reconciler : public RegisterView {
public:
    // All of a change set's ops or none: every op is checked before the first is applied.
    ChangeSetResult apply(const ChangeSet& changeSet);
    // One field write, for callers that already hold writes (and for tests).
    Applied apply(const FieldId& field, const Write& write);

    const FieldRegister* find(const FieldId& field) const override;
    void forEach(const QString& entityPrefix,
                 const std::function<bool(const FieldId&, const FieldRegister&)>& visit) const override;
    // Takes a register kept elsewhere (the hub's store loads those a change set touches before applying it).
    void adopt(const FieldId& field, FieldRegister reg);
    // Gives an entity's registers back (by field name), and forgets them.
    std::map<QString, FieldRegister> takeEntity(const QString& entity);
    bool holds(const FieldId& field) const { return m_fields.count(field) != 0; }
    void clear();
    // The fields in conflict, in FieldId order; kept as the registers change, so asking costs nothing per field.
    QList<FieldId> conflicts() const;
    const std::map<FieldId, FieldRegister>& registers() const { return m_fields; }

    friend bool operator==(const Reconciler& a, const Reconciler& b) {
        return a.m_fields == b.m_fields && a.m_conflicted == b.m_conflicted;
    }

private:
    void noteConflict(const FieldId& field, bool inConflict);

    std::map<FieldId, FieldRegister> m_fields;
    std::set<FieldId> m_conflicted; // the fields whose register is in conflict
};

} // namespace tabel::sync
