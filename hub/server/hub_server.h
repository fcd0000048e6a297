// The hub's HTTPS API (PROTOCOL.md, "HTTP"): QSslServer + QHttpServer joined with QAbstractHttpServer::bind
// (Qt 6.4). Every request body is a signed sync::Frame; the answers are zstd-compressed CBOR messages, or a
// 4xx/5xx with a short text naming the problem. Runs on the thread of its event loop, one request at a time.
// A push's history commit is written when no push or pull has come for kHistoryIdleMs (History::defer), so that a
// node's sync does not wait for git; the write-ahead log is checkpointed then too (HubStore::checkpoint).
#pragma once

#include "hub/server/connection_guard.h"
#include "hub/server/tls.h"
#include "hub/store/hub_store.h"
#include "sync/wire.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>

#include <memory>

class QSslServer;
class QTimer;

namespace tabel::hub {

struct ServerOptions {
    qint64 maxSkewMs = 10 * 60 * 1000; // a frame signed further from the hub's clock is refused (401)
    sync::WireLimits limits;
    // Nonces of enrolment requests (devices not enrolled yet) kept at once; over it /v1/enroll answers 429.
    std::int64_t maxEnrolNonces = 1000;
    ConnectionLimits connections; // connection counts, timeouts and buffered bytes (connection_guard.h)
};

// An enrolment request holds a secret and a name: a few hundred bytes once decompressed. It comes from a device
// the hub does not know yet, so it may not expand to more than this.
inline constexpr qsizetype kMaxEnrolmentBytes = 64 * 1024;

// How long after the last push the hub writes its history commit (HubStore::writePendingHistory): long enough for
// the node's pull that follows its push, short enough that the operator's `history` rarely has to write it.
inline constexpr int kHistoryIdleMs = 200;

class HubServer {
public:
    HubServer(HubStore& store, ServerOptions options = {});
    ~HubServer();
    HubServer(const HubServer&) = delete;
    HubServer& operator=(const HubServer&) = delete;

    // Starts listening; returns the port (useful with port 0).
    [[nodiscard]] Result<quint16> listen(const TlsIdentity& identity, const QHostAddress& address, quint16 port);

private:
    enum class Route { Enroll, Push, Pull, Prints };
    QHttpServerResponse answer(Route route, const QHttpServerRequest& request);
    QHttpServerResponse enroll(const sync::Frame& frame, qint64 nowMs);
    QHttpServerResponse replayed();
    QHttpServerResponse push(const NodeRecord& node, const sync::Frame& frame, qint64 nowMs);
    QHttpServerResponse pull(const NodeRecord& node, const sync::Frame& frame);
    Result<sync::PullBatch> pullPage(const NodeRecord& node, quint64 cursor, quint64 maxChangeSets);
    QHttpServerResponse prints(const NodeRecord& node, const sync::Frame& frame, qint64 nowMs);
    void writeHistory();

    HubStore& m_store;
    ServerOptions m_options;
    std::unique_ptr<ConnectionBudget> m_budget;
    std::unique_ptr<QHttpServer> m_http;
    std::unique_ptr<QTimer> m_historyTimer; // single shot, restarted by every push
};

} // namespace tabel::hub
