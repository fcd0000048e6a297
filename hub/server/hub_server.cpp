#include "hub/server/hub_server.h"

#include "shared/crypto/signing.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLoggingCategory>
#include <QSslConfiguration>
#include <QSslServer>

Q_LOGGING_CATEGORY(lcHubServer, "tabel.hub.server", QtWarningMsg)

namespace tabel::hub {

namespace {

QString tr(const char* s) {
    return QCoreApplication::translate("tabel::hub::HubServer", s);
}

using Status_ = QHttpServerResponder::StatusCode;

// An error answer: the first line names the problem in English for programs and logs ("stale", "suspended",
// …), the second says it for people, in the hub's language.
QHttpServerResponse problem(int status, const QString& code, const QString& message) {
    const QByteArray body = code.toUtf8() + '\n' + message.toUtf8() + '\n';
    return QHttpServerResponse(QByteArrayLiteral("text/plain; charset=utf-8"), body, Status_(status));
}

QHttpServerResponse wireProblem(const sync::WireFailure& f) {
    return problem(sync::httpStatus(f.kind), sync::wireErrorName(f.kind), f.error.message);
}

QHttpServerResponse internal(const Error& e) {
    qCWarning(lcHubServer) << "internal error:" << e.message;
    return problem(500, QStringLiteral("internal"), e.message);
}

QHttpServerResponse message(const QByteArray& cbor) {
    Result<QByteArray> z = sync::compressPayload(cbor);
    if (!z)
        return internal(z.error());
    return QHttpServerResponse(QByteArrayLiteral("application/octet-stream"), *z, Status_::Ok);
}

} // namespace

HubServer::HubServer(HubStore& store, ServerOptions options)
    : m_store(store), m_options(options), m_http(std::make_unique<QHttpServer>()) {
    const auto route = [this](const char* path, Route r) {
        m_http->route(QString::fromLatin1(path), QHttpServerRequest::Method::Post,
                      [this, r](const QHttpServerRequest& request) { return answer(r, request); });
    };
    route("/v1/enroll", Route::Enroll);
    route("/v1/push", Route::Push);
    route("/v1/pull", Route::Pull);
}

HubServer::~HubServer() = default;

Result<quint16> HubServer::listen(const TlsIdentity& identity, const QHostAddress& address, quint16 port) {
    auto server = std::make_unique<QSslServer>();
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    conf.setLocalCertificate(identity.certificate);
    conf.setPrivateKey(identity.privateKey);
    conf.setProtocol(QSsl::TlsV1_2OrLater);
    conf.setPeerVerifyMode(QSslSocket::VerifyNone); // nodes authenticate by signing every request
    server->setSslConfiguration(conf);
    if (!server->listen(address, port))
        return makeError(ErrorCode::Io,
                         tr("cannot listen on %1:%2: %3").arg(address.toString()).arg(port).arg(server->errorString()));
    const quint16 bound = server->serverPort();
    m_http->bind(server.release()); // the HTTP server takes ownership
    return bound;
}

QHttpServerResponse HubServer::answer(Route route, const QHttpServerRequest& request) {
    // Qt 6.4's QHttpServer hands over the whole body; refuse it before any parsing when it is over the limit.
    const QByteArray body = request.body();
    if (body.size() > m_options.limits.maxFrameBytes)
        return problem(413, sync::wireErrorName(sync::WireError::TooLarge),
                       tr("the request is %1 bytes; the limit is %2 bytes; the node must send smaller batches")
                           .arg(body.size())
                           .arg(m_options.limits.maxFrameBytes));
    sync::WireResult<sync::Frame> frame = sync::decodeFrame(body, m_options.limits);
    if (!frame)
        return wireProblem(frame.failure());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (sync::WireStatus fresh = sync::checkFreshness(frame->timeMs, now, m_options.maxSkewMs); !fresh)
        return wireProblem(fresh.failure());
    Result<bool> fresh = m_store.rememberNonce(frame->deviceKey, frame->nonce, now, 2 * m_options.maxSkewMs);
    if (!fresh)
        return internal(fresh.error());
    if (!*fresh)
        return problem(401, QStringLiteral("replayed"),
                       tr("this request was received before (its nonce was used already); a replayed request is "
                          "refused"));
    if (route == Route::Enroll)
        return enroll(*frame, now);

    Result<std::optional<NodeRecord>> node = m_store.nodeByDevice(frame->deviceKey);
    if (!node)
        return internal(node.error());
    if (!*node)
        return problem(401, QStringLiteral("unknown-device"),
                       tr("the device %1 is not enrolled at this hub; enrol it with a code from «tabel-hub node add»")
                           .arg(crypto::fingerprint(frame->deviceKey)));
    if ((*node)->status == NodeStatus::Suspended)
        return problem(403, QStringLiteral("suspended"),
                       tr("node «%1» of teacher «%2» is suspended by the hub's operator; nothing was accepted")
                           .arg((*node)->nodeId, (*node)->teacherId));
    return route == Route::Push ? push(**node, *frame, now) : pull(**node, *frame);
}

QHttpServerResponse HubServer::enroll(const sync::Frame& frame, qint64 nowMs) {
    sync::WireResult<sync::EnrollRequest> request = sync::decodeEnrollRequest(frame.message, m_options.limits);
    if (!request)
        return wireProblem(request.failure());
    Result<NodeRecord> node = m_store.enroll(request->secret, frame.deviceKey, request->nodeName, nowMs);
    if (!node) {
        switch (node.error().code) {
        case ErrorCode::Crypto:
            return problem(401, QStringLiteral("enrolment-refused"), node.error().message);
        case ErrorCode::AlreadyExists:
            return problem(409, QStringLiteral("already-enrolled"), node.error().message);
        default:
            return internal(node.error());
        }
    }
    sync::Enrolled answer;
    answer.nodeId = node->nodeId;
    answer.teacherId = node->teacherId;
    answer.teacherName = node->teacherName;
    answer.assignments = node->assignments;
    return message(sync::encode(answer));
}

QHttpServerResponse HubServer::push(const NodeRecord& node, const sync::Frame& frame, qint64 nowMs) {
    sync::WireResult<sync::PushBatch> batch = sync::decodePushBatch(frame.message, m_options.limits);
    if (!batch)
        return wireProblem(batch.failure());
    if (batch->nodeId != node.nodeId)
        return problem(
            400, QStringLiteral("wrong-node"),
            tr("the batch names node «%1», but this device is enrolled as node «%2»").arg(batch->nodeId, node.nodeId));
    Result<sync::Ack> ack = m_store.push(node, *batch, nowMs);
    if (!ack)
        return internal(ack.error());
    return message(sync::encode(*ack));
}

QHttpServerResponse HubServer::pull(const NodeRecord& node, const sync::Frame& frame) {
    sync::WireResult<sync::PullRequest> request = sync::decodePullRequest(frame.message, m_options.limits);
    if (!request)
        return wireProblem(request.failure());
    const int max = int(std::min<quint64>(request->maxChangeSets, quint64(m_options.limits.maxChangeSetsPerBatch)));
    Result<sync::PullBatch> batch = m_store.pull(node, request->cursor, max);
    if (!batch)
        return internal(batch.error());
    return message(sync::encode(*batch));
}

} // namespace tabel::hub
