// The wire format between nodes and the hub (R-S10, R-S4, R-S9). See PROTOCOL.md, "Wire".
//
// Three messages, each a compact CBOR array: PushBatch (node → hub: the node's signed change sets), PullBatch
// (hub → node: what others changed, with the hub's sequence numbers) and Ack (hub → node: what became of each
// pushed change set). A change set travels as its canonical bytes and its signature, exactly as the device
// signed them, so the hub verifies what was signed and never a re-encoding.
//
// A request is wrapped in a signed Frame: the device key, a time, a nonce and the zstd-compressed message,
// signed with the device's Ed25519 key. decodeFrame() checks every limit before doing the work the limit
// protects (size before parsing, signature before decompression, expansion while decompressing, op counts and
// field lengths before reading them) and says what went wrong as a WireError the HTTP layer maps to a status.
#pragma once

#include "shared/core/result.h"
#include "shared/crypto/signing.h"
#include "sync/op.h"
#include "sync/scope.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstdint>
#include <optional>
#include <utility>
#include <variant>

namespace tabel::sync {

// ---- Versions ------------------------------------------------------------------------------------------------

// The protocol's major version. Within a major version changes are additive only (new trailing array items
// that older decoders skip); anything else is a new major version, and the hub keeps the decoders of the
// previous one so that nodes one version behind keep syncing (PROTOCOL.md, "Versions").
constexpr int kProtocolVersion = 1;
QList<int> supportedProtocolVersions(); // what this build decodes: {1}

// ---- Errors ------------------------------------------------------------------------------------------------------

enum class WireError {
    Truncated,      // the bytes end before the item they announce
    Garbage,        // not the expected structure: wrong types, bad CBOR, damaged zstd data, trailing bytes
    TooLarge,       // over a size limit: the frame, the expanded payload, the change set count
    Bomb,           // the payload expands more than the allowed ratio of its compressed size
    BadSignature,   // the frame's signature does not match its device key
    UnknownVersion, // a protocol or change set version this build does not decode
    TooManyOps,     // more ops than a change set or a batch may hold
    FieldTooLarge,  // an entity key, field name, text value, author, node id or reason over its limit
    WrongLength,    // a key, nonce, signature or batch id of the wrong length
    WrongMessage,   // a well-formed message of another kind than expected (an Ack where a push was expected)
    Stale,          // the frame's time is too far from the hub's clock (checkFreshness)
};

QString wireErrorName(WireError e); // "truncated", "garbage", … for logs
// The HTTP status the hub answers with: 400, 401, 413 or 426 (PROTOCOL.md, "Errors").
int httpStatus(WireError e);

// An Error (code and a user-facing message naming the problem) with its WireError.
struct WireFailure {
    WireError kind = WireError::Garbage;
    Error error;
};

template <class T> class [[nodiscard]] WireResult {
public:
    WireResult(T value) : m_v(std::in_place_index<0>, std::move(value)) {}   // NOLINT implicit by design
    WireResult(WireFailure f) : m_v(std::in_place_index<1>, std::move(f)) {} // NOLINT
    bool has_value() const noexcept { return m_v.index() == 0; }
    explicit operator bool() const noexcept { return has_value(); }
    T& value() & { return std::get<0>(m_v); }
    const T& value() const& { return std::get<0>(m_v); }
    T&& value() && { return std::get<0>(std::move(m_v)); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    const WireFailure& failure() const { return std::get<1>(m_v); }
    WireError kind() const { return failure().kind; }
    const Error& error() const { return failure().error; }
    Result<T> toResult() const& {
        if (has_value())
            return value();
        return error();
    }

private:
    std::variant<T, WireFailure> m_v;
};

template <> class [[nodiscard]] WireResult<void> {
public:
    WireResult() = default;
    WireResult(WireFailure f) : m_failure(std::move(f)), m_failed(true) {} // NOLINT
    bool has_value() const noexcept { return !m_failed; }
    explicit operator bool() const noexcept { return has_value(); }
    const WireFailure& failure() const { return m_failure; }
    WireError kind() const { return m_failure.kind; }
    const Error& error() const { return m_failure.error; }

private:
    WireFailure m_failure;
    bool m_failed = false;
};

using WireStatus = WireResult<void>;

// ---- Limits ------------------------------------------------------------------------------------------------------

// Limits of the wire on top of sync::Limits (which every change set obeys). Defaults are the hub's; tests pass
// smaller ones.
struct WireLimits {
    qsizetype maxFrameBytes = 8 * 1024 * 1024;    // a whole frame as received (compressed)
    qsizetype maxPayloadBytes = 32 * 1024 * 1024; // the message after decompression
    int maxRatio = 100;                           // expanded size / compressed size …
    qsizetype ratioFloorBytes = 1024 * 1024;      // … checked only above this expanded size
    int maxOpsPerBatch = 200000;                  // all change sets of one message together
    int maxChangeSetsPerBatch = 20000;
    int maxNodeIdBytes = 128;
    int maxReasonBytes = 4096;    // an Ack entry's text
    int maxAssignments = 10000;   // an Enrolled message's assignments
    int maxOpenConflicts = 10000; // a PullBatch's open conflicts
    int maxPrintsPerReport = 500; // a PrintsReport's entries
};

// ---- Messages ----------------------------------------------------------------------------------------------------

constexpr int kBatchIdBytes = 16;
constexpr int kNonceBytes = 16;
constexpr int kDeviceKeyBytes = 32;
constexpr int kSignatureBytes = 64;

// A change set as it travels: the canonical bytes its device signed, and the signature.
struct SignedChangeSet {
    QByteArray canonical;
    QByteArray signature;
    static SignedChangeSet of(const ChangeSet& cs) { return {cs.canonicalBytes(), cs.signature}; }
    // Decodes and verifies (format, ordering, limits, signature): what the hub does before reconciling.
    [[nodiscard]] Result<ChangeSet> open() const;
    friend bool operator==(const SignedChangeSet&, const SignedChangeSet&) = default;
};

enum class MessageKind {
    Push = 1,
    Pull = 2,
    Ack = 3,
    EnrollRequest = 4,
    Enrolled = 5,
    PullRequest = 6,
    PrintsReport = 7,
    PrintsAck = 8
};

// Node → hub. batchId is the idempotency key: the hub answers a batch id it has seen with the stored Ack.
// cursor: the hub sequence the node has pulled up to (the hub may answer with what is newer).
struct PushBatch {
    int version = kProtocolVersion;
    QString nodeId;
    QByteArray batchId; // kBatchIdBytes random bytes (newBatchId())
    quint64 cursor = 0;
    QList<SignedChangeSet> changeSets;
    // Added within version 1 as the 7th item (PROTOCOL.md, "Push and pull in one request"): the node asks the hub
    // to answer the pull from `cursor` in the Ack, at most this many change sets (the last batch of a sync does,
    // which saves the sync a request). nullopt: the node pulls with a request of its own; older hubs skip it.
    std::optional<quint64> pullMax;
    friend bool operator==(const PushBatch&, const PushBatch&) = default;
};

// Hub → node: the change sets with hub sequence in (fromCursor, toCursor], in sequence order.
struct PulledChangeSet {
    quint64 hubSeq = 0;
    SignedChangeSet changeSet;
    friend bool operator==(const PulledChangeSet&, const PulledChangeSet&) = default;
};

// What the operator decided on one of the pulling device's amendment requests (R-S6).
struct AmendmentNotice {
    std::int64_t seq = 0;         // the change set's seq on the pulling device
    bool accepted = false;        // false: declined, and the change set stays refused
    std::int64_t amendmentId = 0; // the id `tabel-hub amendments list` shows
    QString text;                 // the operator's reason when declined; may be empty when accepted
    friend bool operator==(const AmendmentNotice&, const AmendmentNotice&) = default;
};

// A field in conflict at the hub, waiting for the operator (R-S5): `tabel-hub conflicts show ID`.
struct OpenConflict {
    QString id; // the hub's stable id of the conflict
    QString entity;
    QString field;
    friend bool operator==(const OpenConflict&, const OpenConflict&) = default;
};

struct PullBatch {
    int version = kProtocolVersion;
    quint64 fromCursor = 0;
    quint64 toCursor = 0;
    QList<PulledChangeSet> changeSets;
    // Added within version 1 as trailing items (PROTOCOL.md, "Pull"): the periods closed at the hub now
    // (nullopt: the answer did not say, as older hubs' answers do not), and the decisions on this device's
    // amendment requests that lie in (fromCursor, toCursor]. Encoded only when one of them is given.
    std::optional<QList<ClosedPeriod>> closedPeriods;
    QList<AmendmentNotice> notices;
    // Added within version 1 as the 8th item (R-S5): the fields in conflict at the hub now that concern the
    // pulling node (at most WireLimits::maxOpenConflicts); nullopt when the answer does not say (older hubs).
    std::optional<QList<OpenConflict>> openConflicts;
    // Added within version 1 as the 9th item, only after the 8th: true when the hub examined its log to the end,
    // so there is nothing more to pull now and the node need not ask again; nullopt when the answer does not say.
    std::optional<bool> complete;
    friend bool operator==(const PullBatch&, const PullBatch&) = default;
};

enum class AckStatus { Accepted = 0, Duplicate = 1, Conflict = 2, Rejected = 3 };

// Reason codes of an Ack entry; the text says the same for people. New codes may be added within version 1: a
// node shows the text of a code it does not know.
enum class AckReason {
    None = 0,
    BadSignature = 1,     // the change set's signature does not verify
    Malformed = 2,        // the change set does not decode or breaks sync::Limits
    OutOfScope = 3,       // R-S6: an op outside the node's scopes (the whole set is rejected)
    AmendmentRequest = 4, // R-S6: edits a closed period; held for the operator (status Conflict)
    UnknownDevice = 5,    // the change set's device is not this node's registered key
    SequenceGap = 6,      // seq skips a number; the node must push the missing change set first
    Suspended = 7,        // R-S9: the user or device is suspended
    Invalid = 8,          // an op's base is not older than the op, or a version reused with other content
    InvalidValue = 9,     // a value its entry's type does not allow, a pupil, lesson or task that does not exist, or
                          // a rule of the regulation the entry breaks by itself (sync/judge.h); refused whole
};

struct AckEntry {
    std::int64_t seq = 0; // the change set's seq (its device is the frame's device)
    AckStatus status = AckStatus::Accepted;
    int reason = int(AckReason::None); // an AckReason, kept as int so unknown codes survive
    QString text;
    friend bool operator==(const AckEntry&, const AckEntry&) = default;
};

struct Ack {
    int version = kProtocolVersion;
    QByteArray batchId;
    QList<AckEntry> entries; // one per pushed change set, in push order
    // Added within version 1 as the 5th item: the answer to the pull the batch asked for (PushBatch::pullMax),
    // made after the batch was committed, as the bytes of its PullBatch message (decodePullBatch), so that an answer
    // the node cannot read does not make the Ack unreadable: the node records the Ack, then pulls with a request of
    // its own. nullopt when not asked for, or when the hub could not answer it. Never part of the Ack the hub stores.
    std::optional<QByteArray> pulled;
    friend bool operator==(const Ack&, const Ack&) = default;
};

// Node → hub, the first request of a new device (R-S9): the one-time secret of the enrolment code the operator
// gave the teacher, and a name for the device. The frame is signed by the new device key, which the hub
// registers for the node the code was made for.
constexpr int kEnrollSecretBytes = 10;
struct EnrollRequest {
    int version = kProtocolVersion;
    QByteArray secret; // kEnrollSecretBytes
    QString nodeName;  // e.g. the host name; ≤ WireLimits::maxNodeIdBytes
    friend bool operator==(const EnrollRequest&, const EnrollRequest&) = default;
};

// The enrolment code `tabel-hub node add` prints and `tabel-node enroll` reads: the first 16 bytes of the SHA-256
// fingerprint of the hub's TLS certificate (which the node pins) and the one-time secret, as RFC 4648 base32
// without padding, in groups of six letters joined by dashes ("ABCDEF-GHIJKL-…", 42 letters). Parsing ignores
// case, spaces and dashes.
constexpr int kEnrollFingerprintBytes = 16;
struct EnrolmentCode {
    QByteArray fingerprintPrefix; // kEnrollFingerprintBytes
    QByteArray secret;            // kEnrollSecretBytes
    friend bool operator==(const EnrolmentCode&, const EnrolmentCode&) = default;
};
QString formatEnrolmentCode(const EnrolmentCode& code);
[[nodiscard]] Result<EnrolmentCode> parseEnrolmentCode(const QString& text);

// Hub → node: who the device now is and what it may write (its assignments: class × subject × group).
struct EnrolledAssignment {
    QString classId, subjectId, groupId;
    friend bool operator==(const EnrolledAssignment&, const EnrolledAssignment&) = default;
};
struct Enrolled {
    int version = kProtocolVersion;
    QString nodeId;
    QString teacherId;
    QString teacherName;
    QList<EnrolledAssignment> assignments;
    QList<ClosedPeriod> closedPeriods; // added within version 1: a trailing item, encoded only when non-empty
    friend bool operator==(const Enrolled&, const Enrolled&) = default;
};

// Node → hub: "send me the change sets in my scopes after this hub sequence", at most maxChangeSets of them.
struct PullRequest {
    int version = kProtocolVersion;
    quint64 cursor = 0;
    quint64 maxChangeSets = 1000;
    friend bool operator==(const PullRequest&, const PullRequest&) = default;
};

// Node → hub (issue 11, 2.5.10): entries of the node's register of prints the hub does not have yet, so that the
// school's register lists every print, wherever it was made. number is the node's own; the hub keys an entry by
// (node, number), so a report sent twice is stored once.
constexpr int kSha256Bytes = 32;
struct PrintEntry {
    quint64 number = 0;
    std::int64_t printedMs = 0; // when it was printed, by the node's clock (UTC ms)
    QString who, form, parameters, format;
    quint64 pages = 0, bytes = 0;
    QByteArray sha256; // kSha256Bytes
    friend bool operator==(const PrintEntry&, const PrintEntry&) = default;
};
struct PrintsReport {
    int version = kProtocolVersion;
    QString nodeId;
    QList<PrintEntry> prints;
    friend bool operator==(const PrintsReport&, const PrintsReport&) = default;
};
// Hub → node: the numbers of the reported entries the hub now holds (all of them, or the node reports again).
struct PrintsAck {
    int version = kProtocolVersion;
    QList<quint64> numbers;
    friend bool operator==(const PrintsAck&, const PrintsAck&) = default;
};

// CBOR of each message (PROTOCOL.md has the layouts). Encoding is deterministic.
QByteArray encode(const PushBatch& batch);
QByteArray encode(const PullBatch& batch);
QByteArray encode(const Ack& ack);
QByteArray encode(const EnrollRequest& request);
QByteArray encode(const Enrolled& enrolled);
QByteArray encode(const PullRequest& request);
QByteArray encode(const PrintsReport& report);
QByteArray encode(const PrintsAck& ack);

// Decoders: strict about types and lengths, tolerant of extra trailing items (additive changes), and never
// reading an item before checking its announced length against the input and the limits.
WireResult<PushBatch> decodePushBatch(const QByteArray& cbor, const WireLimits& limits = {});
WireResult<PullBatch> decodePullBatch(const QByteArray& cbor, const WireLimits& limits = {});
WireResult<Ack> decodeAck(const QByteArray& cbor, const WireLimits& limits = {});
WireResult<EnrollRequest> decodeEnrollRequest(const QByteArray& cbor, const WireLimits& limits = {});
WireResult<Enrolled> decodeEnrolled(const QByteArray& cbor, const WireLimits& limits = {});
WireResult<PullRequest> decodePullRequest(const QByteArray& cbor, const WireLimits& limits = {});
WireResult<PrintsReport> decodePrintsReport(const QByteArray& cbor, const WireLimits& limits = {});
WireResult<PrintsAck> decodePrintsAck(const QByteArray& cbor, const WireLimits& limits = {});

QByteArray newBatchId(); // kBatchIdBytes from the system's secure random source
QByteArray newNonce();   // kNonceBytes, likewise

// ---- Compression -------------------------------------------------------------------------------------------------

// The zstd level of every encoder here: level 19 gains a few bytes per op over 9 at ~4x the time (measured in
// test_wire, PROTOCOL.md "Size"). A message over kLargePayloadBytes (a day's push of a few lessons, a first sync's
// batches and pages) is compressed at kZstdLevelLarge: 3–6 % more bytes than level 9 at a third of the time or less,
// which the node or the hub otherwise spends while the other waits (tests/bench/README.md, bench_hub_sync). Small
// messages (acknowledgements, a lesson's edit, an empty pull) keep level 9.
constexpr int kZstdLevel = 9;
constexpr int kZstdLevelLarge = 3;
constexpr qsizetype kLargePayloadBytes = 16 * 1024;
constexpr int zstdLevelFor(qsizetype messageBytes) {
    return messageBytes > kLargePayloadBytes ? kZstdLevelLarge : kZstdLevel;
}

// level: zstdLevelFor(the message's size) unless given.
[[nodiscard]] Result<QByteArray> compressPayload(const QByteArray& cbor, std::optional<int> level = std::nullopt);
// Bounded: never expands beyond limits.maxPayloadBytes, nor beyond maxRatio × the compressed size once over
// ratioFloorBytes. Used by decodeFrame and for the hub's responses (which TLS protects, unsigned).
WireResult<QByteArray> decompressPayload(const QByteArray& compressed, const WireLimits& limits = {});

// ---- Signed request frames ---------------------------------------------------------------------------------------

struct Frame {
    int version = kProtocolVersion;
    QByteArray deviceKey;    // Ed25519 public key, kDeviceKeyBytes
    std::int64_t timeMs = 0; // the device's clock when it signed, Unix milliseconds
    QByteArray nonce;        // kNonceBytes; the hub refuses a (deviceKey, nonce) it has seen within the skew
    QByteArray payload;      // the zstd-compressed message, as signed
    QByteArray signature;    // kSignatureBytes
    QByteArray message;      // filled by decodeFrame: the decompressed CBOR message
};

// [version, deviceKey, timeMs, nonce, payload, signature] with the signature over
// "tabel frame\n" || u32be(version) || deviceKey || u64be(timeMs) || nonce || BLAKE2b-256(payload).
[[nodiscard]] Result<QByteArray> encodeFrame(const QByteArray& messageCbor, const crypto::SigningKeyPair& key,
                                             std::int64_t timeMs, const QByteArray& nonce,
                                             std::optional<int> level = std::nullopt);
// Checks, in this order: frame size, structure, version, lengths of key, nonce and signature, the signature,
// then decompresses within the limits. The message itself is decoded by decodePushBatch() etc.
WireResult<Frame> decodeFrame(const QByteArray& bytes, const WireLimits& limits = {});
// The two halves of decodeFrame(), for the hub, which looks the device up between them: a frame from a device it
// does not know, or has suspended, is refused before anything is decompressed. openFrame() checks everything up to
// the signature and leaves `message` empty; expandFrame() decompresses the payload into `message`.
WireResult<Frame> openFrame(const QByteArray& bytes, const WireLimits& limits = {});
WireStatus expandFrame(Frame& frame, const WireLimits& limits = {});

// Building blocks of encodeFrame(), public for tests that must build frames the encoder refuses to (other
// versions, wrong lengths, a crafted payload): the exact bytes the signature covers, and the frame's CBOR.
QByteArray frameSigningMessage(int version, const QByteArray& deviceKey, std::int64_t timeMs, const QByteArray& nonce,
                               const QByteArray& payload);
QByteArray assembleFrame(const Frame& frame); // from every field but `message`; no checks

// The pure half of replay protection: is a frame signed at timeMs acceptable at nowMs? The stateful half (the
// hub remembers each device's nonces for 2 × maxSkewMs) belongs to the hub.
WireStatus checkFreshness(std::int64_t timeMs, std::int64_t nowMs, std::int64_t maxSkewMs);

} // namespace tabel::sync
