#include "hub/server/connection_guard.h"

#include "sync/wire.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSslSocket>
#include <QTimer>

#include <algorithm>

#include <malloc.h>
#include <sys/socket.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcHubConnections, "tabel.hub.server", QtWarningMsg)

namespace tabel::hub {

namespace {

QString say(const char* s) {
    return QCoreApplication::translate("tabel::hub::HubServer", s);
}

QString addressKey(const QHostAddress& a) {
    bool v4 = false;
    const quint32 ip4 = a.toIPv4Address(&v4); // an IPv4 client seen on a dual-stack socket counts as itself
    return v4 ? QHostAddress(ip4).toString() : a.toString();
}

// Watches one connection from the start of its TLS handshake to its end. It is connected to the socket's
// readyRead before QHttpServer connects its own handler, so it runs first on every chunk and reads the head of
// every request before QHttpServer does: it answers a Content-Length over the frame limit or over what the
// connections together may still buffer, a body without a Content-Length (chunked), a head over maxHeadBytes, or a
// head or body arriving too slowly, and closes the connection, so that such a body is never read into memory. It
// only peeks (QHttpServer then reads the same bytes), except on a refusal, when it drains the socket.
class ConnectionGuard : public QObject {
public:
    ConnectionGuard(QSslSocket* socket, ConnectionBudget& budget, const QHostAddress& peer, qsizetype maxBodyBytes)
        : QObject(socket), m_socket(socket), m_budget(budget), m_peer(peer), m_maxBody(maxBodyBytes) {
        m_timer.setSingleShot(true);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this]() { expired(); });
        QObject::connect(socket, &QIODevice::readyRead, this, [this]() { inspect(); });
        QObject::connect(socket, &QSslSocket::encrypted, this, [this]() { toIdle(); });
        QObject::connect(socket, &QIODevice::bytesWritten, this, [this]() { written(); });
        QObject::connect(socket, &QAbstractSocket::disconnected, this, [this]() { leave(); });
        // QSslServer ends a handshake that takes longer itself; this is the backstop.
        arm(m_budget.limits().handshakeTimeoutMs + 1000);
    }
    ~ConnectionGuard() override { leave(); }

private:
    enum class Phase { Handshake, Idle, Head, Body, Answering, Refused };

    const ConnectionLimits& limits() const { return m_budget.limits(); }
    void arm(int ms) { m_timer.start(std::max(ms, 1)); }

    void toIdle() {
        releaseBody();
        m_phase = Phase::Idle;
        arm(limits().idleTimeoutMs);
    }

    void leave() {
        if (m_left)
            return;
        m_left = true;
        m_timer.stop();
        releaseBody();
        m_budget.leave(m_peer);
    }

    void releaseBody() {
        if (m_reserved > 0)
            m_budget.releaseBody(m_reserved);
        m_reserved = 0;
    }

    void written() {
        // QHttpServer answers synchronously after the body is complete; once the answer is out, the connection is
        // idle (keep-alive) and the body it held is gone.
        if (m_phase == Phase::Answering && m_socket->bytesToWrite() == 0 && m_head.isEmpty())
            toIdle();
    }

    void expired() {
        switch (m_phase) {
        case Phase::Handshake:
            qCWarning(lcHubConnections) << "closed a connection from" << m_peer.toString()
                                        << "that did not finish the TLS handshake in time";
            close();
            return;
        case Phase::Idle:
            close(); // keep-alive over: the client opens a new connection when it needs one
            return;
        case Phase::Head:
            refuse(408, "Request Timeout", QStringLiteral("timeout"),
                   say("the request's header did not arrive within %1 s; the connection is closed")
                       .arg(limits().headTimeoutMs / 1000.0));
            return;
        case Phase::Body: {
            const qint64 least = limits().minBodyBytesPerSecond * limits().bodyWindowMs / 1000;
            if (m_windowBytes < least)
                return refuse(408, "Request Timeout", QStringLiteral("timeout"),
                              say("the request's body arrives slower than %1 bytes a second; the connection is closed")
                                  .arg(limits().minBodyBytesPerSecond));
            m_windowBytes = 0;
            arm(limits().bodyWindowMs);
            return;
        }
        case Phase::Answering:
            return;
        case Phase::Refused:
            close();
            return;
        }
    }

    void close() {
        m_timer.stop();
        leave();
        m_socket->abort();
        m_socket->deleteLater(); // QHttpServer also deletes it on disconnection; a second deleteLater is harmless
    }

    void inspect() {
        if (m_phase == Phase::Refused) {
            m_socket->readAll();
            return;
        }
        // QHttpServer reads everything available on each readyRead, so what is available now is new.
        const QByteArray fresh = m_socket->peek(m_socket->bytesAvailable());
        qsizetype i = 0;
        while (i < fresh.size()) {
            if (m_bodyLeft > 0) {
                const qsizetype take = qsizetype(std::min<qint64>(m_bodyLeft, fresh.size() - i));
                m_bodyLeft -= take;
                m_windowBytes += take;
                i += take;
                if (m_bodyLeft == 0) {
                    m_phase = Phase::Answering;
                    m_timer.stop();
                }
                continue;
            }
            if (m_phase != Phase::Head) {
                m_phase = Phase::Head; // the first byte of a request: its head must be complete in time
                arm(limits().headTimeoutMs);
            }
            const qsizetype before = m_head.size();
            m_head.append(fresh.constData() + i, fresh.size() - i);
            const qsizetype end = m_head.indexOf("\r\n\r\n");
            const qsizetype maxHead = limits().maxHeadBytes;
            if ((end < 0 && m_head.size() > maxHead) || end > maxHead)
                return refuse(431, "Request Header Fields Too Large", QStringLiteral("too-large"),
                              say("the request's header is over %1 bytes").arg(maxHead));
            if (end < 0)
                return;
            i += end + 4 - before;
            const QByteArray head = m_head.left(end);
            m_head.clear();
            if (!admitHead(head))
                return;
        }
    }

    // Checks a complete head; false when the request was refused.
    bool admitHead(const QByteArray& head) {
        qint64 length = 0;
        for (const QByteArray& line : head.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-length") {
                bool ok = false;
                length = value.toLongLong(&ok);
                if (!ok || length < 0) {
                    refuse(400, "Bad Request", QStringLiteral("garbage"),
                           say("the request's Content-Length «%1» is not a number of bytes")
                               .arg(QString::fromLatin1(value.left(40))));
                    return false;
                }
            } else if (name == "transfer-encoding" && value.toLower() != "identity") {
                refuse(411, "Length Required", QStringLiteral("length-required"),
                       say("the request has no Content-Length; the hub accepts only bodies of a stated length"));
                return false;
            }
        }
        if (length > m_maxBody) {
            refuse(413, "Payload Too Large", sync::wireErrorName(sync::WireError::TooLarge),
                   say("the request announces %1 bytes; the limit is %2 bytes; the node must send smaller batches "
                       "(refused before reading the body)")
                       .arg(length)
                       .arg(m_maxBody));
            return false;
        }
        releaseBody(); // a pipelined request: the previous body is QHttpServer's business now
        // A small body (a pull, a day's push) is always taken: the connection counts bound what they hold.
        if (length > limits().smallBodyBytes) {
            if (!m_budget.reserveBody(length)) {
                refuse(503, "Service Unavailable", QStringLiteral("busy"),
                       say("the hub is receiving too many large requests at once; try again in a minute"));
                return false;
            }
            m_reserved = length;
        }
        m_bodyLeft = length;
        m_windowBytes = 0;
        if (length > 0) {
            m_phase = Phase::Body;
            arm(limits().bodyWindowMs);
        } else {
            m_phase = Phase::Answering;
            m_timer.stop();
        }
        return true;
    }

    void refuse(int status, const char* reason, const QString& code, const QString& text) {
        m_phase = Phase::Refused;
        releaseBody();
        m_socket->readAll(); // drained: QHttpServer, next on this readyRead, finds nothing to parse
        const QByteArray body = code.toUtf8() + '\n' + text.toUtf8() + '\n';
        m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
                        "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " +
                        QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        m_socket->disconnectFromHost();
        arm(1000); // a client that does not read the answer is cut off
        qCWarning(lcHubConnections) << "refused a request from" << m_peer.toString() << "before its body:" << code;
    }

    QSslSocket* m_socket;
    ConnectionBudget& m_budget;
    QHostAddress m_peer;
    qsizetype m_maxBody;
    QTimer m_timer;
    Phase m_phase = Phase::Handshake;
    QByteArray m_head;
    qint64 m_bodyLeft = 0;
    qint64 m_windowBytes = 0;
    qint64 m_reserved = 0;
    bool m_left = false;
};

} // namespace

bool ConnectionBudget::admit(const QHostAddress& peer) {
    int& mine = m_perAddress[addressKey(peer)];
    if (m_total >= m_limits.maxConnections || mine >= m_limits.maxConnectionsPerAddress) {
        if (mine == 0)
            m_perAddress.remove(addressKey(peer));
        return false;
    }
    ++mine;
    ++m_total;
    return true;
}

void ConnectionBudget::leave(const QHostAddress& peer) {
    const QString key = addressKey(peer);
    if (auto it = m_perAddress.find(key); it != m_perAddress.end() && --*it <= 0)
        m_perAddress.erase(it);
    m_total = std::max(0, m_total - 1);
}

bool ConnectionBudget::reserveBody(qint64 bytes) {
    if (bytes > m_limits.maxBufferedBodyBytes - m_bodyBytes)
        return false;
    m_bodyBytes += bytes;
    return true;
}

void ConnectionBudget::releaseBody(qint64 bytes) {
    m_bodyBytes = std::max<qint64>(0, m_bodyBytes - bytes);
    // The body goes when QHttpServer drops its request and socket, just after this; glibc keeps freed heap pages
    // unless asked, so ask once they are freed.
    if (bytes > 0)
        QTimer::singleShot(500, [] { malloc_trim(0); });
}

GuardedSslServer::GuardedSslServer(ConnectionBudget& budget, qsizetype maxBodyBytes)
    : m_budget(budget), m_maxBody(maxBodyBytes) {
    setHandshakeTimeout(budget.limits().handshakeTimeoutMs);
}

void GuardedSslServer::incomingConnection(qintptr descriptor) {
    sockaddr_storage storage{};
    socklen_t size = sizeof storage;
    QHostAddress peer;
    if (::getpeername(int(descriptor), reinterpret_cast<sockaddr*>(&storage), &size) == 0)
        peer.setAddress(reinterpret_cast<const sockaddr*>(&storage));
    if (!m_budget.admit(peer)) {
        qCWarning(lcHubConnections) << "refused a connection from" << peer.toString()
                                    << "over the limits of connections";
        ::close(int(descriptor));
        return;
    }
    // QSslServer makes the socket (a child of the server) and starts its handshake; the guard goes on it here,
    // before the handshake can end and QHttpServer connect its own handlers.
    QSslServer::incomingConnection(descriptor);
    for (QSslSocket* socket : findChildren<QSslSocket*>(Qt::FindDirectChildrenOnly))
        if (socket->socketDescriptor() == descriptor) {
            new ConnectionGuard(socket, m_budget, peer, m_maxBody);
            return;
        }
    m_budget.leave(peer); // QSslServer could not take the descriptor
}

void keepLargeBuffersReturnable() {
    // glibc raises its mmap threshold after a large block is freed, so the next request bodies land on the heap,
    // which it rarely gives back. A fixed threshold keeps every buffer over 256 KiB in its own mapping.
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
}

} // namespace tabel::hub
