// The teacher's encrypted store (R-S2) and its signed op log (R-S3).
//
// Folder layout: node.db (SQLCipher, WAL), node.key (Argon2id salt and parameters, key check value).
// Every mutation goes through NodeStore::change(): the body's writes update the state and append ops in the
// same transaction, and at commit the ops become one change set signed with the device's Ed25519 key.
#pragma once

#include "shared/core/hlc.h"
#include "shared/core/result.h"
#include "shared/crypto/secret.h"
#include "shared/crypto/signing.h"
#include "shared/db/sqlite.h"
#include "shared/domain/fields.h"
#include "sync/op.h"
#include "sync/wire.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace tabel::node {

struct Entity {
    QString key;
    domain::Fields fields; // non-null fields only
};

struct StoreStatus {
    QString teacherId, teacherName;
    QString deviceFingerprint;
    int schemaVersion = 0;
    std::int64_t pendingChangeSets = 0, pendingOps = 0;
    std::int64_t totalOps = 0;
    std::optional<QDateTime> lastChange;
    std::optional<QDateTime> lastSync;
    QString hubUrl, nodeId;             // empty until `tabel-node enroll`
    std::int64_t refusedChangeSets = 0; // refused by the hub: kept and reported, not resent
    std::int64_t refusedPulls = 0;      // sent by the hub but unreadable here: kept aside, not applied
    std::int64_t lastSyncConflicts = 0; // concurrent writes found by the last pull (resolved on the hub)
    // R-S5: the fields of this node's scopes in conflict at the hub, as the last sync heard (nullopt: never told).
    std::optional<QList<sync::OpenConflict>> openConflicts;
};

// The hub this node is enrolled at (schema v3, table `sync`).
struct HubLink {
    QString url;            // https://host:port
    QByteArray fingerprint; // SHA-256 of the hub's TLS certificate, pinned at enrolment
    QString nodeId;
    quint64 cursor = 0; // the hub sequence pulled up to
};

// A push batch recorded before it is sent, so that a retry after an interruption sends the same batch id and the
// same change sets (the hub answers a batch id it has seen with its stored Ack).
struct PendingBatch {
    QByteArray batchId;
    QList<std::int64_t> seqs;
};

// What storing a pulled batch did.
struct PullApplied {
    int changeSets = 0; // new change sets of other devices stored
    int ops = 0;
    int applied = 0;   // ops whose value became the field's value here
    int conflicts = 0; // concurrent writes: the later version kept here, the operator decides on the hub
    // Sets from the hub this node cannot read as journal entries (shared/domain/entity_check.h): kept aside in
    // refused_pulls, never applied; the rest of the pull is. One line each: the hub's number and the reason.
    QStringList refused;
};

// The state a change set is in with respect to the hub (changesets.pushed).
enum class PushState { Pending = 0, Pushed = 1, Refused = 2 };

// How a sync ended (NodeStore::recordSync, or the last applyPulled).
struct SyncRecord {
    int conflicts = 0;
    // What the hub said is in conflict now (kept as it is when nullopt: the hub did not say).
    std::optional<QList<sync::OpenConflict>> openConflicts;
};

struct CommitInfo {
    std::int64_t seq = 0; // 0 when nothing changed (no change set recorded)
    int ops = 0;
};

class ChangeWriter;

class NodeStore {
public:
    struct Paths {
        QString dir;
        QString database() const;
        QString keyFile() const;
        QString newKeyFile() const; // present only while a passphrase change is under way
    };
    struct InitOptions {
        QString teacherId;
        QString teacherName;
        QString kdfProfile = QStringLiteral("moderate");
        int schemaVersion = 0; // 0: current; tests create older stores to test migrations
    };

    // Creates a new store; fails with AlreadyExists if the folder already holds one.
    [[nodiscard]] static Result<NodeStore> create(const QString& dir, const crypto::SecretBytes& passphrase,
                                                  const InitOptions& options);
    // Opens an existing store. Never creates one. WrongPassphrase, Corrupt, NotFound or Unsupported on failure.
    [[nodiscard]] static Result<NodeStore> open(const QString& dir, const crypto::SecretBytes& passphrase);
    static bool exists(const QString& dir);

    NodeStore(NodeStore&&) noexcept;
    NodeStore& operator=(NodeStore&&) noexcept;
    ~NodeStore();

    // Re-encrypts the store under a key from the new passphrase. Safe against a crash at any point: afterwards
    // either the old or the new passphrase opens the store.
    [[nodiscard]] Status changePassphrase(const crypto::SecretBytes& newPassphrase, const QString& kdfProfile);

    const QString& teacherId() const;
    const QString& teacherName() const;
    const QByteArray& devicePublicKey() const;
    std::int64_t deviceNumber() const;
    const Paths& paths() const;

    // Reads (outside or inside a change).
    [[nodiscard]] Result<std::optional<domain::Fields>> entity(const QString& key);
    // Entities whose key starts with prefix (which must end with '/'; empty: every entity), in key order.
    [[nodiscard]] Result<QList<Entity>> scan(const QString& prefix);
    [[nodiscard]] Result<sync::Version> fieldVersion(const QString& key, const QString& field);

    // Runs body in one IMMEDIATE transaction; its writes become one signed change set. If body fails, nothing
    // is written.
    [[nodiscard]] Result<CommitInfo> change(const std::function<Status(ChangeWriter&)>& body);

    // The change sets recorded on this device with seq > afterSeq, with their ops, in order.
    [[nodiscard]] Result<QList<sync::ChangeSet>> changeSets(std::int64_t afterSeq = 0, int limit = 1000);

    // Files of submissions: zstd-compressed, deduplicated by SHA-256 (hex). Returns the hash.
    [[nodiscard]] Result<QString> putBlob(const QByteArray& content, const QDateTime& received);
    // Reads a blob back and checks its hash.
    [[nodiscard]] Result<QByteArray> blob(const QString& sha256Hex);

    // ---- Sync with the hub (issue 3) ----
    [[nodiscard]] Result<std::optional<HubLink>> hubLink();
    // Records the enrolment: hub, pinned fingerprint, node id, assignments; the cursor starts at 0.
    [[nodiscard]] Status saveEnrolment(const HubLink& link, const QList<sync::EnrolledAssignment>& assignments);
    [[nodiscard]] Result<QList<sync::EnrolledAssignment>> assignments();
    // A request frame signed with this device's key (sync::encodeFrame, now, a fresh nonce). The secret key never
    // leaves the store.
    [[nodiscard]] Result<QByteArray> signFrame(const QByteArray& messageCbor);
    // The seqs of this device's pending change sets for the next push batch, in order: at most maxSets, and no more
    // ops than maxOps (but always at least one set), in batches of even size (sync/batching.h).
    [[nodiscard]] Result<QList<std::int64_t>> pendingSeqs(int maxSets, int maxOps);
    // How many of this device's change sets are pending (a batch holding them all is a sync's last).
    [[nodiscard]] Result<std::int64_t> pendingCount();
    // This device's change set with that seq.
    [[nodiscard]] Result<sync::ChangeSet> ownChangeSet(std::int64_t seq);
    // This device's change sets with those seqs as they were signed, for a push: the stored bytes, not decoded and
    // encoded again (the hub opens and verifies each).
    [[nodiscard]] Result<QList<sync::SignedChangeSet>> ownSignedChangeSets(const QList<std::int64_t>& seqs);
    [[nodiscard]] Result<std::optional<PendingBatch>> pendingBatch();
    [[nodiscard]] Status beginBatch(const PendingBatch& batch);
    // The hub's answer to the pending batch: each seq's new state; forgets the batch and records the sync time,
    // in one transaction. Like applyPulled, it records what the hub answered, and commits without waiting for the
    // disk (see RecordedAnswer in node_store.cpp).
    [[nodiscard]] Status finishBatch(const QList<std::pair<std::int64_t, PushState>>& states);
    // Stores the pulled change sets of other devices (verified with SignedChangeSet::open()), applies their ops to
    // the state where they are a fast-forward, keeps the later version of a concurrent write (counted as a
    // conflict), and stores the new cursor and the sync time, all in one transaction. `finish`: the last pull of a
    // sync also records how it ended (recordSync's work, one commit fewer).
    [[nodiscard]] Result<PullApplied> applyPulled(const sync::PullBatch& batch, const SyncRecord* finish = nullptr);
    // The end of a successful sync: its time and the conflicts its pulls found.
    // openConflicts: what the hub said is in conflict now (kept as it is when nullopt: the hub did not say).
    [[nodiscard]] Status recordSync(int conflicts,
                                    const std::optional<QList<sync::OpenConflict>>& openConflicts = std::nullopt);

    [[nodiscard]] Result<StoreStatus> status();

    // ---- The register of prints (2.5.10): what this computer printed ----
    struct PrintRecord {
        qint64 number = 0;
        QDateTime printed; // UTC
        QString who, form, parameters, format;
        int pages = 0;
        qint64 bytes = 0;
        QByteArray sha256;
        bool reported = false; // the hub has the entry
    };
    struct Printed {
        QByteArray bytes;
        int pages = 0;
    };
    // As the hub's (hub/store/hub_store.h): `make` gets the number and time to print on the document; `publish`
    // renames the file into place; one transaction, nothing registered when either fails.
    [[nodiscard]] Result<PrintRecord>
    registerPrint(const QString& form, const QString& parameters, const QString& format,
                  const std::function<Result<Printed>(qint64, const QDateTime&)>& make,
                  const std::function<Status(const QByteArray&)>& publish, qint64 nowMs);
    // Every print, oldest first; those whose file has this SHA-256.
    [[nodiscard]] Result<QList<PrintRecord>> prints(const QByteArray& sha256 = {});
    // The prints the hub does not have yet, oldest first (at most limit); marks those it acknowledged.
    [[nodiscard]] Result<QList<PrintRecord>> unreportedPrints(int limit);
    [[nodiscard]] Status markPrintsReported(const QList<quint64>& numbers);

    // ---- R-S6: the fate of this node's amendment requests ----
    struct AmendmentRequest {
        enum class State { Waiting, Accepted, Declined };
        // "waiting", "accepted", "declined": as stored, and as `status --json` and the web journal name them.
        static QString stateName(State state);
        // In the teacher's words (translated): what became of the change, with the operator's reason when declined;
        // `tabel-node status` and the web journal's sync bar show this.
        QString text() const;
        std::int64_t seq = 0;   // this node's change set the hub held
        qint64 amendmentId = 0; // the hub's number of the request (0 until the operator's decision arrives)
        State state = State::Waiting;
        QString heldText;  // the hub's words when it held the set
        QString decision;  // the operator's words when declined
        QDateTime updated; // UTC
    };
    struct AmendmentDecision {
        std::int64_t seq = 0;
        qint64 amendmentId = 0;
        bool accepted = false;
        QString text;
    };
    // Called by the sync: sets the hub held (waiting), and the operator's decisions (a decision for a set this store
    // never saw held is kept too). Repeating either changes nothing.
    [[nodiscard]] Status recordAmendmentsHeld(const QList<std::pair<std::int64_t, QString>>& held, qint64 nowMs);
    [[nodiscard]] Status recordAmendmentDecisions(const QList<AmendmentDecision>& decisions, qint64 nowMs);
    // The newest first, at most limit.
    [[nodiscard]] Result<QList<AmendmentRequest>> amendmentRequests(int limit = 100);

    // PRAGMA integrity_check; Corrupt with the first problems when it fails.
    [[nodiscard]] Status integrityCheck();

    db::Database& database();

    static constexpr qint64 kMaxBlobBytes = 64 * 1024 * 1024;

private:
    friend class ChangeWriter;
    NodeStore();
    struct Impl;
    std::unique_ptr<Impl> d;
};

// Writes inside NodeStore::change(). Each field whose value differs from the current one becomes an op,
// based on the field's current version.
class ChangeWriter {
public:
    // Sets the given fields of an entity (others untouched). Null values clear a field.
    [[nodiscard]] Status put(const QString& key, const domain::Fields& fields);
    // Clears every field of the entity.
    [[nodiscard]] Status remove(const QString& key);
    [[nodiscard]] Result<std::optional<domain::Fields>> entity(const QString& key) { return m_store.entity(key); }
    [[nodiscard]] Result<QList<Entity>> scan(const QString& prefix) { return m_store.scan(prefix); }
    NodeStore& store() { return m_store; }
    int opCount() const { return int(m_ops.size()); }
    // The device time of this change (the HLC wall part of its first op, or now).
    QDateTime deviceTime() const;

private:
    friend class NodeStore;
    explicit ChangeWriter(NodeStore& store, std::int64_t seq) : m_store(store), m_seq(seq) {}
    NodeStore& m_store;
    std::int64_t m_seq;
    QList<sync::Op> m_ops;
};

} // namespace tabel::node
