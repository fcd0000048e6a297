// The hub's bounds on connections (R-S10, PROTOCOL.md "Limits of the server"): how many at once, in all and per
// client address; how long the TLS handshake, a request's head, its body and an idle keep-alive may take; and how
// many request bytes all connections together may hold in memory. QHttpServer (Qt 6.4) has none of these: it keeps
// every connection as long as the client wants and buffers a whole body before a route sees it. ConnectionGuard
// watches one connection from the TLS handshake on; GuardedSslServer refuses connections over the counts before
// the handshake.
#pragma once

#include <QHash>
#include <QHostAddress>
#include <QSslServer>

namespace tabel::hub {

struct ConnectionLimits {
    int maxConnections = 64;          // all clients together; over it a new connection is closed at once
    int maxConnectionsPerAddress = 8; // one client address (a teacher's laptop opens one at a time)
    int handshakeTimeoutMs = 5000;    // TCP accept to an encrypted connection
    int headTimeoutMs = 5000;         // a request's first byte to its complete head
    int idleTimeoutMs = 5000;         // keep-alive: the end of an answer (or of the handshake) to the next byte
    int bodyWindowMs = 2500;          // a body must bring at least minBodyBytesPerSecond in every such window
    qint64 minBodyBytesPerSecond = 32 * 1024;
    qint64 maxBufferedBodyBytes = 64 * 1024 * 1024; // bodies over smallBodyBytes, all connections together
    qint64 smallBodyBytes = 64 * 1024;              // bodies up to this size are always taken
    qsizetype maxHeadBytes = 16 * 1024;
};

// What all connections share: their count per address and the bytes of bodies they announced.
class ConnectionBudget {
public:
    explicit ConnectionBudget(const ConnectionLimits& limits) : m_limits(limits) {}
    const ConnectionLimits& limits() const { return m_limits; }

    bool admit(const QHostAddress& peer); // counts the connection in, or says it is over a count
    void leave(const QHostAddress& peer);
    bool reserveBody(qint64 bytes);
    void releaseBody(qint64 bytes); // and soon gives the freed memory back to the system

private:
    ConnectionLimits m_limits;
    int m_total = 0;
    QHash<QString, int> m_perAddress;
    qint64 m_bodyBytes = 0;
};

// A QSslServer that counts connections by address before the TLS handshake and gives every admitted connection a
// ConnectionGuard (installed before QHttpServer's own handler, so it sees every chunk first).
class GuardedSslServer : public QSslServer {
public:
    GuardedSslServer(ConnectionBudget& budget, qsizetype maxBodyBytes);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    ConnectionBudget& m_budget;
    qsizetype m_maxBody;
};

// Returns glibc's free heap to the system and keeps large buffers (request bodies) in their own mappings, so that
// they are given back when freed. Called once when the server starts.
void keepLargeBuffersReturnable();

} // namespace tabel::hub
