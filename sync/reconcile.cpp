#include "sync/reconcile.h"

#include <QCoreApplication>

#include <algorithm>
#include <limits>
#include <vector>

namespace tabel::sync {

namespace {

QString tr(const char* s) {
    return QCoreApplication::translate("tabel::sync", s);
}

std::optional<Version> latest(const std::set<Version>& versions) {
    if (versions.empty())
        return std::nullopt;
    return *std::max_element(versions.begin(), versions.end(),
                             [](const Version& a, const Version& b) { return isLater(b, a); });
}

} // namespace

Write writeOf(const ChangeSet& changeSet, const Op& op) {
    return {changeSet.versionOf(op), op.base, op.value, changeSet.author};
}

namespace {
// writeOf with the device number computed once per change set (it is a hash of the device key).
Write writeOf(const ChangeSet& changeSet, const Op& op, std::int64_t device) {
    return {{device, op.hlc}, op.base, op.value, changeSet.author};
}
} // namespace

bool isLater(const Version& a, const Version& b) {
    return std::tie(a.hlc, a.device) > std::tie(b.hlc, b.device);
}

QString outcomeName(Outcome o) {
    switch (o) {
    case Outcome::FastForward:
        return QStringLiteral("fast-forward");
    case Outcome::Converged:
        return QStringLiteral("converged");
    case Outcome::Conflict:
        return QStringLiteral("conflict");
    case Outcome::Duplicate:
        return QStringLiteral("duplicate");
    case Outcome::Superseded:
        return QStringLiteral("superseded");
    case Outcome::Invalid:
        return QStringLiteral("invalid");
    }
    return QStringLiteral("unknown");
}

// ---- FieldRegister
// ---------------------------------------------------------------------------------------------------

Status FieldRegister::validate(const Write& w) {
    if (w.version.device == 0 || w.version.hlc <= 0)
        return makeError(ErrorCode::InvalidInput, tr("an op has no device or no time"));
    if (!w.base.isNull() && (w.base.device == 0 || w.base.hlc <= 0 || w.base.hlc >= w.version.hlc))
        return makeError(ErrorCode::InvalidInput,
                         tr("op %1 is based on version %2, which is not older than the op itself")
                             .arg(w.version.toString(), w.base.toString()));
    return {};
}

Status FieldRegister::check(const Write& w) const {
    TABEL_TRY(validate(w));
    const auto it = m_seen.find(w.version);
    if (it != m_seen.end() && !(it->second == w))
        return makeError(ErrorCode::InvalidInput,
                         tr("version %1 was received before with other content; a device never reuses a time")
                             .arg(w.version.toString()));
    return {};
}

Applied FieldRegister::apply(const Write& w, const QList<Version>& siblings) {
    Applied a;
    a.conflictBefore = inConflict();
    a.conflictAfter = a.conflictBefore;
    if (auto s = check(w); !s) {
        a.outcome = Outcome::Invalid;
        a.reason = s.error().message;
        return a;
    }
    if (contains(w.version)) {
        a.outcome = Outcome::Duplicate;
        return a;
    }
    const std::optional<Version> visibleBefore = latest(m_heads);
    // Siblings are one version for supersession: w arrives superseded when it or a sibling was named as a base.
    const bool supersededOnArrival =
        isSuperseded(w.version) ||
        std::any_of(siblings.begin(), siblings.end(), [this](const Version& s) { return isSuperseded(s); });

    m_seen.emplace(w.version, w);
    if (!siblings.isEmpty())
        m_siblings.emplace(w.version, siblings);
    if (supersededOnArrival) {
        m_superseded.insert(w.version);
        for (const Version& s : siblings) {
            m_superseded.insert(s);
            m_heads.erase(s);
        }
    }
    if (!w.base.isNull()) {
        m_superseded.insert(w.base);
        m_heads.erase(w.base);
        if (const auto it = m_siblings.find(w.base); it != m_siblings.end())
            for (const Version& s : it->second) {
                m_superseded.insert(s);
                m_heads.erase(s);
            }
    }
    if (!supersededOnArrival)
        m_heads.insert(w.version);

    a.conflictAfter = inConflict();
    a.visibleChanged = latest(m_heads) != visibleBefore;
    if (supersededOnArrival)
        a.outcome = Outcome::Superseded;
    else if (a.conflictAfter)
        a.outcome = Outcome::Conflict;
    else if (m_heads.size() == 1)
        a.outcome = Outcome::FastForward; // the only head is w: its base was the only head, or there was none
    else
        a.outcome = Outcome::Converged;
    return a;
}

QList<Write> FieldRegister::heads() const {
    // Sorts the versions, not the writes: moving variants inside std::sort trips GCC 12's -Wmaybe-uninitialized.
    std::vector<Version> order(m_heads.begin(), m_heads.end());
    std::sort(order.begin(), order.end(), [](const Version& a, const Version& b) { return isLater(b, a); });
    QList<Write> out;
    out.reserve(qsizetype(order.size()));
    for (const Version& v : order)
        out.append(m_seen.at(v));
    return out;
}

std::optional<Write> FieldRegister::visible() const {
    const std::optional<Version> v = latest(m_heads);
    if (!v)
        return std::nullopt;
    return m_seen.at(*v);
}

domain::FieldValue FieldRegister::visibleValue() const {
    const std::optional<Write> v = visible();
    return v ? v->value : domain::FieldValue{};
}

bool FieldRegister::inConflict() const {
    if (m_heads.size() < 2)
        return false; // the common case, without building a set of values
    const domain::FieldValue& first = m_seen.at(*m_heads.begin()).value;
    for (auto it = std::next(m_heads.begin()); it != m_heads.end(); ++it)
        if (!(m_seen.at(*it).value == first))
            return true;
    return false;
}

// The bases from a head back to the first one the register has not seen (or null), newest first.
QList<Version> FieldRegister::ancestry(const Version& head) const {
    QList<Version> chain;
    Version v = m_seen.at(head).base;
    // Bases are strictly older (validate()), so the walk ends.
    while (!v.isNull()) {
        chain.append(v);
        const auto it = m_seen.find(v);
        if (it == m_seen.end())
            break;
        v = it->second.base;
    }
    return chain;
}

std::optional<FieldConflict> FieldRegister::conflict() const {
    if (!inConflict())
        return std::nullopt;
    FieldConflict c;
    c.heads = heads();
    QList<QList<Version>> chains;
    for (const Write& h : c.heads)
        chains.append(ancestry(h.version));
    for (const Version& candidate : chains.first()) {
        const bool shared = std::all_of(chains.begin() + 1, chains.end(),
                                        [&](const QList<Version>& chain) { return chain.contains(candidate); });
        if (shared) {
            c.base = candidate;
            break;
        }
    }
    if (const auto it = m_seen.find(c.base); !c.base.isNull() && it != m_seen.end()) {
        c.baseKnown = true;
        c.baseValue = it->second.value;
    }
    return c;
}

// ---- Change sets
// -----------------------------------------------------------------------------------------------------

bool ChangeSetResult::duplicate() const {
    return !rejected && std::all_of(ops.begin(), ops.end(),
                                    [](const OpResult& r) { return r.applied.outcome == Outcome::Duplicate; });
}

bool ChangeSetResult::hasConflict() const {
    return std::any_of(ops.begin(), ops.end(), [](const OpResult& r) { return r.applied.conflictAfter; });
}

ChangeSetResult Reconciler::apply(const ChangeSet& changeSet) {
    ChangeSetResult result;
    const std::int64_t device = changeSet.deviceNumber();
    const QList<Op>& ops = changeSet.ops;
    // Where each op's register is (or would go): one map search per op, reused below as the insertion hint and
    // then as the register itself (std::map iterators stay valid across insertions).
    using Slot = std::map<FieldId, FieldRegister>::iterator;
    std::vector<Slot> where;
    where.reserve(std::size_t(ops.size()));
    for (const Op& op : ops) {
        const FieldId id{op.entity, op.field};
        const Write w = writeOf(changeSet, op, device);
        const Slot it = m_fields.lower_bound(id);
        const bool exists = it != m_fields.end() && it->first == id;
        const Status s = exists ? it->second.check(w) : FieldRegister::validate(w);
        if (!s) {
            result.rejected = true;
            result.reason = tr("%1 %2: %3").arg(op.entity, op.field, s.error().message);
            return result;
        }
        where.push_back(it);
    }
    result.ops.reserve(ops.size());
    // Runs of consecutive ops writing one field with one value (a resolution: one op per head) are siblings.
    for (qsizetype i = 0; i < ops.size();) {
        qsizetype end = i + 1;
        // An op based on another op of the run is its successor, not its sibling (a device that wrote a field twice
        // in one set): siblings are one version, and a version never supersedes itself.
        const auto basedInRun = [&](qsizetype k) {
            for (qsizetype j = i; j < k; ++j)
                if (ops[k].base == Version{device, ops[j].hlc})
                    return true;
            return false;
        };
        while (end < ops.size() && ops[end].field == ops[i].field && ops[end].entity == ops[i].entity &&
               ops[end].value == ops[i].value && !basedInRun(end))
            ++end;
        for (qsizetype k = i; k < end; ++k) {
            const Op& op = ops[k];
            FieldId id{op.entity, op.field};
            QList<Version> siblings;
            for (qsizetype j = i; j < end; ++j)
                if (j != k)
                    siblings.append(Version{device, ops[j].hlc});
            // Returns the register when it exists already (created by an earlier op of this set, too).
            Slot& at = where[std::size_t(k)];
            at = m_fields.emplace_hint(at, id, FieldRegister{});
            result.ops.append(
                {std::move(id), Version{device, op.hlc}, at->second.apply(writeOf(changeSet, op, device), siblings)});
        }
        i = end;
    }
    // A later op of the same set may have changed a field's conflict state after an earlier one: report the
    // state each field ends in.
    for (qsizetype k = 0; k < result.ops.size(); ++k) {
        OpResult& r = result.ops[k];
        r.applied.conflictAfter = where[std::size_t(k)]->second.inConflict();
        noteConflict(r.field, r.applied.conflictAfter);
    }
    return result;
}

Applied Reconciler::apply(const FieldId& field, const Write& write) {
    const auto it = m_fields.find(field);
    if (it == m_fields.end()) {
        // Never create a register for a refused write.
        if (auto s = FieldRegister::validate(write); !s) {
            Applied a;
            a.outcome = Outcome::Invalid;
            a.reason = s.error().message;
            return a;
        }
    }
    FieldRegister& reg = m_fields[field];
    const Applied applied = reg.apply(write);
    noteConflict(field, reg.inConflict());
    return applied;
}

void Reconciler::noteConflict(const FieldId& field, bool inConflict) {
    if (inConflict)
        m_conflicted.insert(field);
    else
        m_conflicted.erase(field);
}

const FieldRegister* Reconciler::find(const FieldId& field) const {
    const auto it = m_fields.find(field);
    return it == m_fields.end() ? nullptr : &it->second;
}

QList<FieldId> Reconciler::conflicts() const {
    return QList<FieldId>(m_conflicted.begin(), m_conflicted.end());
}

} // namespace tabel::sync

// ---- Registers as bytes, and their views
// ------------------------------------------------------------------------------------

namespace tabel::sync {

namespace {

constexpr std::uint64_t kMaxCount = 1u << 20;

void putVarint(QByteArray& out, std::uint64_t v) {
    while (v >= 0x80) {
        out.append(char((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out.append(char(v));
}

void putDevice(QByteArray& out, std::int64_t device) {
    const auto u = std::uint64_t(device);
    for (int shift = 56; shift >= 0; shift -= 8)
        out.append(char((u >> shift) & 0xff));
}

void putText(QByteArray& out, const QString& s) {
    const QByteArray utf8 = s.toUtf8();
    putVarint(out, std::uint64_t(utf8.size()));
    out.append(utf8);
}

struct Reader {
    const QByteArray& in;
    qsizetype at = 0;
    bool ok = true;

    std::uint64_t varint() {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at >= in.size()) {
                ok = false;
                return 0;
            }
            const auto b = std::uint8_t(in[at++]);
            v |= std::uint64_t(b & 0x7f) << shift;
            if (!(b & 0x80))
                return v;
        }
        ok = false;
        return 0;
    }
    std::uint8_t byte() {
        if (at >= in.size()) {
            ok = false;
            return 0;
        }
        return std::uint8_t(in[at++]);
    }
    std::int64_t device() {
        if (in.size() - at < 8) {
            ok = false;
            return 0;
        }
        std::uint64_t u = 0;
        for (int i = 0; i < 8; ++i)
            u = (u << 8) | std::uint8_t(in[at++]);
        return std::int64_t(u);
    }
    QString text() {
        const std::uint64_t n = varint();
        if (!ok || n > std::uint64_t(in.size() - at)) {
            ok = false;
            return {};
        }
        QString s = QString::fromUtf8(in.constData() + at, qsizetype(n));
        at += qsizetype(n);
        return s;
    }
    std::uint64_t count() {
        const std::uint64_t n = varint();
        if (n > kMaxCount || n > std::uint64_t(in.size() - at))
            ok = false;
        return ok ? n : 0;
    }
};

} // namespace

void Reconciler::forEach(const QString& entityPrefix,
                         const std::function<bool(const FieldId&, const FieldRegister&)>& visit) const {
    for (auto it = m_fields.lower_bound(FieldId{entityPrefix, {}});
         it != m_fields.end() && it->first.entity.startsWith(entityPrefix); ++it)
        if (!visit(it->first, it->second))
            return;
}

void Reconciler::adopt(const FieldId& field, FieldRegister reg) {
    const bool conflicted = reg.inConflict();
    m_fields.insert_or_assign(field, std::move(reg));
    noteConflict(field, conflicted);
}

std::map<QString, FieldRegister> Reconciler::takeEntity(const QString& entity) {
    std::map<QString, FieldRegister> out;
    auto it = m_fields.lower_bound(FieldId{entity, {}});
    while (it != m_fields.end() && it->first.entity == entity) {
        m_conflicted.erase(it->first);
        auto node = m_fields.extract(it++);
        out.emplace_hint(out.end(), node.key().field, std::move(node.mapped()));
    }
    return out;
}

void Reconciler::clear() {
    m_fields.clear();
    m_conflicted.clear();
}

} // namespace tabel::sync

// ---- The registers of one entity as one record
// ------------------------------------------------------------------------------

namespace tabel::sync {

namespace {

constexpr char kEntityFormat = 2;

// Signed differences as zigzag varints.
void putDelta(QByteArray& out, std::int64_t d) {
    putVarint(out, (std::uint64_t(d) << 1) ^ std::uint64_t(d >> 63));
}

std::int64_t readDelta(Reader& r) {
    const std::uint64_t z = r.varint();
    return std::int64_t((z >> 1) ^ (~(z & 1) + 1));
}

// from + delta, or a damaged record when that is out of range (tests/fuzz found a record that overflowed: undefined
// behaviour, now test_reconcile's RS5_registersWithOverflowingDeltaAreDamaged).
std::int64_t offset(Reader& r, std::int64_t from, std::int64_t delta) {
    std::int64_t sum = 0;
    if (__builtin_add_overflow(from, delta, &sum)) {
        r.ok = false;
        return 0;
    }
    return sum;
}

} // namespace

// Format 2: 0x02; pairs: count, each device (8 bytes) and author (text); fields: count, each name (text), then its
// register: seen: count, each pair (index), hlc (delta from the previous time of the record), base (0 null | 1 same
// device, hlc back | 2 device (8), hlc delta from the op's), value (0 null | 1 integer, zigzag | 2 text); superseded:
// count, each 1 + the place of a seen version, or 0 and device (8), hlc (delta); siblings: count, each version (as
// superseded), count, versions (as superseded).
QByteArray encodeEntityRegisters(const std::map<QString, FieldRegister>& fields) {
    std::vector<std::pair<std::int64_t, QString>> pairs;
    std::map<std::pair<std::int64_t, QString>, std::uint64_t> pairIndex;
    for (const auto& [name, reg] : fields)
        for (const auto& [v, w] : reg.m_seen)
            if (pairIndex.emplace(std::pair{v.device, w.author}, pairs.size()).second)
                pairs.emplace_back(v.device, w.author);
    QByteArray out;
    out.reserve(32 + qsizetype(fields.size()) * 24);
    out.append(kEntityFormat);
    putVarint(out, pairs.size());
    for (const auto& [device, author] : pairs) {
        putDevice(out, device);
        putText(out, author);
    }
    putVarint(out, fields.size());
    std::int64_t previous = 0;
    for (const auto& [name, reg] : fields) {
        putText(out, name);
        putVarint(out, reg.m_seen.size());
        std::map<Version, std::uint64_t> place;
        for (const auto& [v, w] : reg.m_seen) {
            place.emplace(v, place.size());
            putVarint(out, pairIndex.at({v.device, w.author}));
            putDelta(out, v.hlc - previous);
            previous = v.hlc;
            if (w.base.isNull()) {
                out.append(char(0));
            } else if (w.base.device == v.device && w.base.hlc < v.hlc) {
                out.append(char(1));
                putVarint(out, std::uint64_t(v.hlc - w.base.hlc));
            } else {
                out.append(char(2));
                putDevice(out, w.base.device);
                putDelta(out, w.base.hlc - v.hlc);
            }
            if (const auto* i = std::get_if<std::int64_t>(&w.value)) {
                out.append(char(1));
                putDelta(out, *i);
            } else if (const auto* t = std::get_if<QString>(&w.value)) {
                out.append(char(2));
                putText(out, *t);
            } else {
                out.append(char(0));
            }
        }
        const auto putRef = [&](const Version& v) {
            if (const auto it = place.find(v); it != place.end()) {
                putVarint(out, it->second + 1);
            } else {
                putVarint(out, 0);
                putDevice(out, v.device);
                putDelta(out, v.hlc - previous);
            }
        };
        putVarint(out, reg.m_superseded.size());
        for (const Version& v : reg.m_superseded)
            putRef(v);
        putVarint(out, reg.m_siblings.size());
        for (const auto& [v, list] : reg.m_siblings) {
            putRef(v);
            putVarint(out, std::uint64_t(list.size()));
            for (const Version& s : list)
                putRef(s);
        }
    }
    return out;
}

Result<std::map<QString, FieldRegister>> decodeEntityRegisters(const QByteArray& bytes) {
    const auto damaged = [](const char* what) {
        return makeError(ErrorCode::Corrupt, tr("a stored field register is damaged: %1").arg(tr(what)));
    };
    Reader r{bytes};
    if (r.byte() != std::uint8_t(kEntityFormat))
        return damaged(QT_TRANSLATE_NOOP("tabel::sync", "unknown format"));
    std::vector<std::pair<std::int64_t, QString>> pairs;
    const std::uint64_t npairs = r.count();
    for (std::uint64_t i = 0; r.ok && i < npairs; ++i) {
        const std::int64_t device = r.device();
        pairs.emplace_back(device, r.text());
    }
    std::map<QString, FieldRegister> out;
    const std::uint64_t nfields = r.count();
    std::int64_t previous = 0;
    for (std::uint64_t f = 0; r.ok && f < nfields; ++f) {
        const QString name = r.text();
        FieldRegister reg;
        std::vector<Version> seenAt;
        const std::uint64_t seen = r.count();
        for (std::uint64_t i = 0; r.ok && i < seen; ++i) {
            const std::uint64_t p = r.varint();
            if (p >= pairs.size()) {
                r.ok = false;
                break;
            }
            Write w;
            w.version = Version{pairs[p].first, offset(r, previous, readDelta(r))};
            previous = w.version.hlc;
            w.author = pairs[p].second;
            switch (r.byte()) {
            case 0:
                break;
            case 1: {
                const std::uint64_t back = r.varint();
                if (back > std::uint64_t(std::numeric_limits<std::int64_t>::max()))
                    r.ok = false;
                w.base =
                    Version{w.version.device, offset(r, w.version.hlc, -std::int64_t(back & 0x7fffffffffffffffULL))};
            } break;
            case 2: {
                const std::int64_t device = r.device();
                w.base = Version{device, offset(r, w.version.hlc, readDelta(r))};
                break;
            }
            default:
                r.ok = false;
            }
            switch (r.byte()) {
            case 0:
                break;
            case 1:
                w.value = readDelta(r);
                break;
            case 2:
                w.value = r.text();
                break;
            default:
                r.ok = false;
            }
            seenAt.push_back(w.version);
            if (r.ok && !reg.m_seen.emplace(w.version, std::move(w)).second)
                r.ok = false;
        }
        const auto readRef = [&]() -> Version {
            const std::uint64_t k = r.varint();
            if (k > 0) {
                if (k > seenAt.size()) {
                    r.ok = false;
                    return {};
                }
                return seenAt[k - 1];
            }
            const std::int64_t device = r.device();
            return Version{device, offset(r, previous, readDelta(r))};
        };
        const std::uint64_t superseded = r.count();
        for (std::uint64_t i = 0; r.ok && i < superseded; ++i)
            reg.m_superseded.insert(readRef());
        const std::uint64_t groups = r.count();
        for (std::uint64_t i = 0; r.ok && i < groups; ++i) {
            const Version v = readRef();
            const std::uint64_t n = r.count();
            QList<Version> list;
            for (std::uint64_t j = 0; r.ok && j < n; ++j)
                list.append(readRef());
            reg.m_siblings.emplace(v, std::move(list));
        }
        for (const auto& [v, w] : reg.m_seen)
            if (!reg.m_superseded.count(v))
                reg.m_heads.insert(v);
        if (r.ok && !out.emplace(name, std::move(reg)).second)
            r.ok = false;
    }
    if (!r.ok)
        return damaged(QT_TRANSLATE_NOOP("tabel::sync", "it ends early or holds a wrong count"));
    if (r.at != bytes.size())
        return damaged(QT_TRANSLATE_NOOP("tabel::sync", "bytes after its end"));
    return out;
}

} // namespace tabel::sync
