// Ops and change sets: the versioned diffs a node records and the hub reconciles (R-S3). See PROTOCOL.md.
//
// An op writes one field of one entity and says which version of that field it was based on, so the hub can
// reconcile field by field against the base (R-S5). The ops of one local transaction form a change set,
// signed once with the device's Ed25519 key over a canonical CBOR encoding: every op is covered by exactly one
// signature, and signing costs one Ed25519 operation per teacher action rather than per field.
#pragma once

#include "shared/core/result.h"
#include "shared/crypto/signing.h"
#include "shared/domain/fields.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <compare>
#include <cstdint>

namespace tabel::sync {

// The version of a field: the op that wrote it, named by the writing device's number and the op's HLC time.
// Unique because a device never issues the same HLC time twice. Null (0, 0) means "never written".
struct Version {
    std::int64_t device = 0;
    std::int64_t hlc = 0;
    bool isNull() const { return device == 0 && hlc == 0; }
    QString toString() const; // "<device hex>:<hlc>", or "-" when null
    friend auto operator<=>(const Version&, const Version&) = default;
};

struct Op {
    std::int64_t hlc = 0;     // the op's time; with the change set's device, its id
    QString entity;           // entity key, e.g. "mark/7А/math/all/2026-09-01/2/p017/1"
    QString field;            // e.g. "value"
    domain::FieldValue value; // null: the field is cleared
    Version base;             // the version of this field the author saw when writing
    friend bool operator==(const Op&, const Op&) = default;
};

constexpr int kChangeSetFormat = 1;

struct ChangeSet {
    QByteArray device;    // the device's Ed25519 public key (32 bytes)
    QString author;       // the teacher's id
    std::int64_t seq = 0; // 1, 2, 3 … per device, without gaps
    std::int64_t hlc = 0; // time of the change set: the HLC of its last op
    QList<Op> ops;
    QByteArray signature; // Ed25519 over signingMessage()

    std::int64_t deviceNumber() const { return crypto::deviceNumber(device); }
    Version versionOf(const Op& op) const { return {deviceNumber(), op.hlc}; }

    // Canonical CBOR of everything but the signature. Deterministic: same change set, same bytes.
    QByteArray canonicalBytes() const;
    QByteArray hash() const; // BLAKE2b-256 of canonicalBytes()
    // Signs with the device key (which becomes `device`); returns the canonical bytes it signed, for callers that
    // store or send them (so they are not encoded twice); `hashOut`, if given, receives their BLAKE2b-256.
    QByteArray sign(const crypto::SigningKeyPair& key, QByteArray* hashOut = nullptr);
    // Checks the signature against `device`, and that the ops are well-formed (ids, ordering, sizes).
    [[nodiscard]] Status verify() const;
    // The same, with `canonical` known to be canonicalBytes() (fromCanonicalBytes checked it): not encoded again.
    [[nodiscard]] Status verifyCanonical(const QByteArray& canonical) const;

    [[nodiscard]] static Result<ChangeSet> fromCanonicalBytes(const QByteArray& bytes, const QByteArray& signature);
    // The number of ops, read from the head of canonical bytes alone (nothing after the ops' array head is read or
    // checked): for the hub's pull, which passes on sets it verified when it took them.
    [[nodiscard]] static Result<qsizetype> opCountOf(const QByteArray& bytes);
};

// Limits every decoder applies (PROTOCOL.md, "Limits").
struct Limits {
    static constexpr int maxEntityKeyBytes = 512;
    static constexpr int maxFieldNameBytes = 64;
    static constexpr int maxTextValueBytes = 64 * 1024;
    static constexpr int maxOpsPerChangeSet = 100000;
    static constexpr int maxAuthorBytes = 128;
};

} // namespace tabel::sync
