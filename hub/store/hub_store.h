// The hub's encrypted store (R-S7, R-S4, R-S9): enrolled nodes, one-time enrolment codes, the op log with the
// hub's sequence, the Ack of every batch, and the nonces seen. See hub/README.md.
//
// Folder layout: hub.db (SQLCipher, WAL, synchronous FULL) keyed with a random 256-bit raw key kept in hub.key
// (made at first start, mode 0600). The hub runs unattended, so its key sits beside the database: the
// encryption protects a copied database file, and the folder's permissions (0700) protect the pair.
//
// Field state (schema 2): the register of every field is a row of `registers`, written in the transaction that
// merged the change set (hub/store/merged_state.h); opening the store reads none of the log, and a request loads
// only the registers it touches. The log stays the source of truth: check() replays it and compares. Merged
// change sets are indexed by their unit (sync/unit.h), so a pull walks the node's units, not the log.
//
// The hub's own signing identity (R-S5, R-J1): an Ed25519 device key made at the first open and kept in hub.db
// (table meta, so encrypted with the store). With it the hub authors change sets as the operator — imports of
// reference data, conflict resolutions — and writes them into the same log as merged pushes, so /v1/pull delivers
// them to every node they concern; a node verifies them by the key they carry, like any other device's.
// Several processes may share the store (serve, and the operator's commands): the state is read from hub.db by
// every request, so each sees what the others committed (every write is an IMMEDIATE transaction).
//
// Every accepted push is one SQLite transaction: its log rows and its Ack. A kill -9 before the commit loses
// the whole push (the node was not acknowledged and sends it again); after it, the push is complete, and a
// repeated batch id gets the stored Ack, a repeated change set is a Duplicate.
#pragma once

#include "hub/history/history.h"
#include "shared/core/result.h"
#include "shared/db/sqlite.h"
#include "shared/domain/reference_import.h"
#include "sync/reconcile.h"
#include "sync/scope.h"
#include "sync/wire.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
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

// A change set held because it edits a closed period (R-S6): the operator accepts it (it is merged as if it
// arrived then) or declines it (it stays in the log, refused, with the reason). Its id is the hub sequence at
// which it was held; a decision moves the change set to the end of the log (a new hub sequence), so that nodes
// pull the merged set, and its teacher is told of the decision, after their cursor.
enum class AmendmentState { Held, Accepted, Declined };
QString amendmentStateName(AmendmentState s); // "held", "accepted", "declined" (as stored)

struct Amendment {
    std::int64_t id = 0;     // the hub sequence at which it was held
    std::int64_t hubSeq = 0; // where its change set is in the log now
    AmendmentState state = AmendmentState::Held;
    QByteArray device;
    std::int64_t seq = 0; // the change set's seq on its device
    QString author;
    QString heldReason;    // why it was held: names the closed period
    QString declineReason; // the operator's, when declined
    QDateTime requested;
    std::optional<QDateTime> decided;
    QList<sync::Op> ops;
    std::map<QString, QString> what; // each entity of the ops in words (sync/describe.h)
};

// What `node add` hands out: the node's id and the one-time secret (only its hash is stored).
struct Enrolment {
    QString nodeId;
    QByteArray secret; // sync::kEnrollSecretBytes
    QDateTime expires;
};

// The author the hub's own change sets carry.
QString operatorAuthor(); // "operator"

struct HubIdentity {
    QByteArray publicKey; // Ed25519, 32 bytes
    std::int64_t deviceNumber = 0;
};

// A change set the hub wrote as the operator, merged into the log.
// One per unit touched (sync/unit.h): an import of a school's roster is a set per class.
struct OperatorCommit {
    std::int64_t hubSeq = 0;   // the last one's place in the log; 0 when nothing differed and nothing was written
    std::int64_t seq = 0;      // the last one's seq among the hub device's change sets
    std::int64_t firstSeq = 0; // the first one's
    int changeSets = 0;
    int ops = 0;
};

struct ImportOutcome {
    domain::ReferenceData data; // what the file held
    OperatorCommit commit;
};

// One head of a field in conflict, as the operator sees it (R-S5).
struct ConflictHead {
    int number = 0;    // 1, 2, … oldest first: `conflicts resolve ID --keep N`
    sync::Write write; // value, author (teacher id), version (device number, HLC time)
    QString nodeId;    // the node whose device wrote it; "hub" for the hub's own device; empty when unknown
    QString teacherName;
    QDateTime time() const;
};

struct ConflictInfo {
    QString id; // stable across restarts: derived from entity and field (conflictId())
    sync::FieldId field;
    QString classId; // the class the entity belongs to; empty for school-wide data
    QString what;    // the entity in words (sync/describe.h): whose mark, which subject and lesson
    sync::Version base;
    domain::FieldValue baseValue;
    bool baseKnown = false;
    QList<ConflictHead> heads;
};

// "c" and 10 hex digits of BLAKE2b-256 over entity, a newline and field: the same id for the same field on
// every run and on every copy of the log.
QString conflictId(const sync::FieldId& field);
// The class an entity key belongs to ("mark/7А/…" → "7А"); a pupil's from its current class field; empty for
// school-wide data.
QString classOfEntity(const QString& entity, const sync::RegisterView& state);

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
    // Nonces remembered for devices that are not enrolled (enrolment requests), at most keepMs old.
    [[nodiscard]] Result<std::int64_t> strangerNonceCount(qint64 nowMs, qint64 keepMs);

    // ---- Sync ----
    // Applies a batch from an Active node: per change set open(), device, duplicate, sequence, scope, merge.
    // A batch id seen before gets its stored Ack. One transaction for the log rows and the Ack.
    [[nodiscard]] Result<sync::Ack> push(const NodeRecord& node, const sync::PushBatch& batch, qint64 nowMs);
    // The same, recording the request frame's nonce in the push's own transaction (one commit, so one fsync,
    // less per push than rememberNonce and then push). nullopt: the nonce was used already (a replayed request);
    // nothing was done.
    struct FrameNonce {
        QByteArray deviceKey, nonce;
        qint64 keepMs = 0;
    };
    [[nodiscard]] Result<std::optional<sync::Ack>> pushOnce(const NodeRecord& node, const sync::PushBatch& batch,
                                                            qint64 nowMs, const FrameNonce& nonce);
    // Change sets of the log after `cursor` with an op in the node's scopes, at most maxChangeSets.
    [[nodiscard]] Result<sync::PullBatch> pull(const NodeRecord& node, quint64 cursor, int maxChangeSets);

    // ---- Closed periods and amendment requests (R-S6) ----
    // Closes a period for one class (classId) or every class (empty). AlreadyExists when it is closed already;
    // InvalidArgument when the dates are not a span.
    [[nodiscard]] Status closePeriod(const sync::ClosedPeriod& period, qint64 nowMs);
    // NotFound when that period is not closed for that class (empty: the every-class closing).
    [[nodiscard]] Status reopenPeriod(const QString& periodId, const QString& classId);
    [[nodiscard]] Result<QList<sync::ClosedPeriod>> closedPeriods();
    // Held requests, and with includeDecided the decided ones too, by id.
    [[nodiscard]] Result<QList<Amendment>> amendments(bool includeDecided);
    // Merges the held change set now, through the same path as a push (it may end in a conflict). NotFound for
    // an unknown id; InvalidArgument when it was decided already.
    [[nodiscard]] Result<sync::ChangeSetResult> acceptAmendment(std::int64_t id, qint64 nowMs);
    // Refuses it for good, keeping the reason (which its teacher's node receives on the next pull).
    [[nodiscard]] Status declineAmendment(std::int64_t id, const QString& reason, qint64 nowMs);

    // ---- History in git (R-S7), read through the store: each read is written to `audit` first (5.5) ----
    // The last push's commit, when the hub has not written it yet (History::defer): serve calls it when idle;
    // opening the store, every change of the merged state and every read of the history call it first.
    [[nodiscard]] Status writePendingHistory();
    // Copies what the write-ahead log holds into hub.db, as far as no reader needs it (a passive checkpoint), so
    // that the next write uses the log again from its start. The store's commits checkpoint only a large log: the
    // history's worker does it beside the next push, and serve calls this when idle.
    [[nodiscard]] Status checkpoint();
    // The changes the filter selects, old → new (History::changes); auditDetail: the command's options.
    [[nodiscard]] Result<QList<HistoryChange>> history(const HistoryFilter& filter, const QString& auditDetail);
    // Bare repositories DIR/CLASS/YEAR.git (History::exportGit); the paths written.
    [[nodiscard]] Result<QStringList> exportGit(const QString& dir);

    // ---- Audit (5.5: reading personal data is logged) ----
    // Appends (time, the operating-system user, command, detail) to the audit table.
    [[nodiscard]] Status audit(const QString& command, const QString& detail);

    // ---- The operator's change sets (R-J1, R-S5) ----
    const HubIdentity& identity() const;
    // Reads a CSV file (domain::readReference, the conversion `tabel-node import` runs) and writes its entities as
    // one change set of the hub's device: only the fields whose merged value differs, each based on every head of
    // its field. A bad line is an InvalidInput error naming file, line and column, and nothing is written.
    [[nodiscard]] Result<ImportOutcome> importReference(domain::ReferenceKind kind, const QString& path, qint64 nowMs);
    // The same for entities already converted.
    [[nodiscard]] Result<OperatorCommit> writeEntities(const QList<domain::ReferenceEntity>& entities, qint64 nowMs);

    // Fields in conflict, by entity key; those of one class when classId is not empty.
    [[nodiscard]] Result<QList<ConflictInfo>> conflicts(const QString& classId = {});
    // NotFound when no field with that id is in conflict (any more).
    [[nodiscard]] Result<ConflictInfo> conflict(const QString& id);
    // Resolves a conflict with `value`: one op per head, each based on that head, all with the value, signed by the
    // hub's device (sync/reconcile.h): every head is superseded and the field holds one value everywhere.
    [[nodiscard]] Result<OperatorCommit> resolveConflict(const QString& id, const domain::FieldValue& value,
                                                         qint64 nowMs);

    // The merged state (hub/store/merged_state.h), read from hub.db as it is now (other processes may have
    // merged since this one last read): what a request reads is loaded, nothing else.
    [[nodiscard]] Result<const sync::RegisterView*> currentState();
    const sync::RegisterView& state() const;
    // Every stored register in one Reconciler, and a replay of the whole merged log into a fresh one: for tests
    // (the property test compares them). Memory grows with the store: no command of the hub uses them.
    [[nodiscard]] Result<sync::Reconciler> allRegisters();
    [[nodiscard]] Result<sync::Reconciler> replayLog();
    [[nodiscard]] Result<std::int64_t> logSize(); // rows of the op log (every state)

    // ---- The register of prints (2.5.10, issue 11) ----
    struct PrintRecord {
        qint64 number = 0;  // the print's number, also on the document itself
        QDateTime printed;  // UTC
        QString who;        // the operating-system user who printed it
        QString origin;     // "hub", or the node that printed it
        QString form;       // "summary", "journal", …
        QString parameters; // "class=7А period=q1"
        QString format;     // "pdf", "html", "xlsx"
        int pages = 0;
        qint64 bytes = 0;
        QByteArray sha256;
    };
    struct Printed {
        QByteArray bytes;
        int pages = 0;
    };
    // Registers one print in one transaction: `make` gets the number and time to put on the document and returns
    // it; `publish` puts the file where it was asked for (the caller wrote it beside and now renames it). When
    // either fails nothing is registered; when the commit fails after publish, the caller removes the file. The
    // print of personal data (every form of pupils' marks) writes an audit row in the same transaction.
    [[nodiscard]] Result<PrintRecord>
    registerPrint(const QString& form, const QString& parameters, const QString& format,
                  const std::function<Result<Printed>(qint64, const QDateTime&)>& make,
                  const std::function<Status(const QByteArray&)>& publish, qint64 nowMs);
    // A node's register entries, reported at its sync (PrintsReport): stored once per (node, number), with an
    // audit row; returns the numbers the hub now holds. Entries print in `prints()` with origin = the node's id.
    [[nodiscard]] Result<QList<quint64>> recordNodePrints(const NodeRecord& node,
                                                          const QList<sync::PrintEntry>& entries, qint64 nowMs);
    // Every print, the hub's and the nodes', by time; those whose file has this SHA-256.
    [[nodiscard]] Result<QList<PrintRecord>> prints();
    [[nodiscard]] Result<QList<PrintRecord>> printsWithHash(const QByteArray& sha256);

    // ---- Consistency (`tabel-hub check`) ----
    struct CheckReport {
        QStringList problems; // empty: the store is sound
        std::int64_t logRows = 0, devices = 0, batches = 0, ackEntries = 0, nonces = 0, registers = 0;
    };
    // PRAGMA integrity_check; every log row decodes, its signature verifies and its device and seq columns are
    // its own; each device's seqs run from 1 without a gap; every stored Ack decodes and every change set it
    // acknowledged (Accepted, Duplicate, Conflict) is in the log; every stored register equals the register a
    // replay of the log gives (unit by unit), and no stored register lacks a change set: each difference is
    // named by its field; the index of substitutes is what the registers say. Read only.
    [[nodiscard]] Result<CheckReport> check();

private:
    HubStore();
    Status checkRegisters(CheckReport& report);
    // nonce and replayed for pushOnce, null for push.
    Result<sync::Ack> pushWith(const NodeRecord& node, const sync::PushBatch& batch, qint64 nowMs,
                               const FrameNonce* nonce, bool* replayed);
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace tabel::hub
