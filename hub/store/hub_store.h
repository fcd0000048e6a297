// The hub's encrypted store (R-S7, R-S4, R-S9): enrolled nodes, one-time enrolment codes, the op log with the
// hub's sequence, the Ack of every batch, and the nonces seen. See hub/README.md.
//
// Folder layout: hub.db (SQLCipher, WAL, synchronous FULL) keyed with a random 256-bit raw key kept in hub.key
// (made at first start, mode 0600). The hub runs unattended, so its key sits beside the database: the
// encryption protects a copied database file, and the folder's permissions (0700) protect the pair.
//
// Field state: the merged state of every field is a sync::Reconciler held in memory. It is rebuilt at open by
// replaying the accepted change sets of the log in hub_seq order, and only the log is persisted: the register
// of a field is a function of the set of ops applied (sync/reconcile.h), so the replay gives exactly the state
// before the restart, and there is no second copy that could disagree with the log after a crash.
//
// Every accepted push is one SQLite transaction: its log rows and its Ack. A kill -9 before the commit loses
// the whole push (the node was not acknowledged and sends it again); after it, the push is complete, and a
// repeated batch id gets the stored Ack, a repeated change set is a Duplicate.
#pragma once

#include "shared/core/result.h"
#include "shared/db/sqlite.h"
#include "sync/reconcile.h"
#include "sync/scope.h"
#include "sync/wire.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace tabel::hub {

enum class NodeStatus { Pending, Active, Suspended };
QString nodeStatusName(NodeStatus s); // "pending", "active", "suspended" (as stored)

struct NodeRecord {
    QString nodeId;
    QString teacherId, teacherName;
    QString nodeName;     // given by the device at enrolment
    QByteArray deviceKey; // Ed25519 public key; empty while Pending
    bool isOperator = false;
    QList<sync::EnrolledAssignment> assignments;
    NodeStatus status = NodeStatus::Pending;
    std::optional<QDateTime> enrolled, lastSync;

    sync::NodeScopes scopes() const;
};

struct NewNode {
    QString teacherId, teacherName;
    QList<sync::EnrolledAssignment> assignments;
    bool isOperator = false;
};

// What `node add` hands out: the node's id and the one-time secret (only its hash is stored).
struct Enrolment {
    QString nodeId;
    QByteArray secret; // sync::kEnrollSecretBytes
    QDateTime expires;
};

class HubStore {
public:
    struct Paths {
        QString dir;
        QString database() const; // hub.db
        QString keyFile() const;  // hub.key
    };

    // Opens the store in dir, creating the folder, the key and the database at first start.
    [[nodiscard]] static Result<HubStore> open(const QString& dir);

    HubStore(HubStore&&) noexcept;
    HubStore& operator=(HubStore&&) noexcept;
    ~HubStore();

    const Paths& paths() const;
    db::Database& database();

    // ---- Nodes and enrolment (R-S9) ----
    // A new node (Pending) and its one-time enrolment secret, valid for `validFor` from now.
    [[nodiscard]] Result<Enrolment> addNode(const NewNode& node, qint64 validForMs = 7LL * 24 * 3600 * 1000);
    // Registers deviceKey for the node whose code holds `secret`; the code is used up. Crypto when the code is
    // unknown, used or expired; AlreadyExists when the device key is enrolled already.
    [[nodiscard]] Result<NodeRecord> enroll(const QByteArray& secret, const QByteArray& deviceKey,
                                            const QString& nodeName, qint64 nowMs);
    [[nodiscard]] Result<QList<NodeRecord>> nodes();
    [[nodiscard]] Result<std::optional<NodeRecord>> nodeByDevice(const QByteArray& deviceKey);
    // NotFound when there is no such node.
    [[nodiscard]] Status setSuspended(const QString& nodeId, bool suspended);

    // ---- Replay refusal ----
    // Records (device, nonce); false when it was seen before. Forgets nonces older than keepMs.
    [[nodiscard]] Result<bool> rememberNonce(const QByteArray& deviceKey, const QByteArray& nonce, qint64 nowMs,
                                             qint64 keepMs);

    // ---- Sync ----
    // Applies a batch from an Active node: per change set open(), device, duplicate, sequence, scope, merge.
    // A batch id seen before gets its stored Ack. One transaction for the log rows and the Ack.
    [[nodiscard]] Result<sync::Ack> push(const NodeRecord& node, const sync::PushBatch& batch, qint64 nowMs);
    // Change sets of the log after `cursor` with an op in the node's scopes, at most maxChangeSets.
    [[nodiscard]] Result<sync::PullBatch> pull(const NodeRecord& node, quint64 cursor, int maxChangeSets);

    const sync::Reconciler& reconciler() const;
    [[nodiscard]] Result<std::int64_t> logSize(); // rows of the op log (every state)

private:
    HubStore();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace tabel::hub
