// The node's side of sync (issue 3, R-S4, R-S9): enrolment at a hub and `sync` (push pending change sets in
// batches, then pull from the stored cursor). HTTPS with the hub's self-signed certificate pinned by its
// SHA-256 fingerprint (the enrolment code carries its first 16 bytes; the whole fingerprint is stored at
// enrolment). Every request is a frame signed by the device key inside NodeStore. See PROTOCOL.md, "Node side".
#pragma once

#include "node/store/node_store.h"
#include "shared/core/result.h"
#include "sync/wire.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace tabel::node {

// Why a sync or an enrolment failed, for the CLI's exit code.
enum class SyncFailure {
    None,
    Unreachable, // the network failed on every attempt: nothing was lost, the changes stay pending
    Pin,         // the hub's certificate is not the pinned one
    Refused,     // the hub answered with an error (suspended, unknown device, code refused …), or another teacher
    Other,       // the store, or an answer that does not decode
};

struct SyncOptions {
    QList<int> backoffMs{500, 1000, 2000}; // waits before the 2nd, 3rd and 4th attempt
    int transferTimeoutMs = 30000;
    int maxSetsPerBatch = 1000;
    int maxOpsPerBatch = 50000;
    quint64 maxPullChangeSets = 1000;
};

struct SyncReport {
    int batches = 0;
    int pushedChangeSets = 0; // accepted, duplicate or conflict
    int conflictChangeSets = 0;
    int refusedChangeSets = 0;
    QStringList refusals;     // "change set 3: the hub's reason"
    QStringList refusedPulls; // sets the hub sent that this node cannot read (NodeStore::applyPulled): set aside
    bool pushStopped = false; // a transient refusal (a sequence gap, a suspension): the rest stays pending
    int pulledChangeSets = 0;
    int pulledOps = 0;
    int appliedOps = 0;
    int conflicts = 0;
    // R-S6: change sets the hub held as amendment requests (they edit a closed period), and the operator's
    // decisions on earlier ones, each a line for the teacher; the periods closed at the hub (when it says).
    QStringList amendmentRequests; // "change set 5: …"
    QStringList amendmentDecisions;
    std::optional<QList<sync::ClosedPeriod>> closedPeriods;
    // R-S5: the fields of this node's scopes in conflict at the hub now (when the hub says).
    std::optional<QList<sync::OpenConflict>> openConflicts;
    // Issue 11 item 4: entries of this computer's register of prints handed to the school's register; when the
    // hub did not take them, why (they go with the next sync; the sync itself succeeded).
    int reportedPrints = 0;
    QString printsNotReported;
};

class SyncClient {
public:
    explicit SyncClient(NodeStore& store, SyncOptions options = {});
    ~SyncClient();
    SyncClient(const SyncClient&) = delete;
    SyncClient& operator=(const SyncClient&) = delete;

    // Enrols this device with the code `tabel-hub node add` printed. Refuses (and stores nothing) when the code
    // was made for another teacher than the store's.
    [[nodiscard]] Result<sync::Enrolled> enroll(const QString& hubUrl, const QString& code, const QString& nodeName);
    [[nodiscard]] Result<SyncReport> sync();

    SyncFailure failure() const { return m_failure; }

private:
    Result<QByteArray> post(const QString& url, const QByteArray& pin, const QString& path,
                            const QByteArray& messageCbor);
    Result<SyncReport> exchange(); // push, then pull
    void reportPrints(SyncReport& report);
    Error fail(SyncFailure kind, Error error);

    NodeStore& m_store;
    SyncOptions m_options;
    SyncFailure m_failure = SyncFailure::None;
    QByteArray m_lastPeer; // SHA-256 of the certificate of the last answer
    // One for the client's life: the requests of a sync (push batches, pulls) share one TLS connection.
    std::unique_ptr<QNetworkAccessManager> m_net;
};

} // namespace tabel::node
