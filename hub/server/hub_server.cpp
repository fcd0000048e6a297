#include "hub/server/hub_server.h"

#include "hub/server/connection_guard.h"

#include "shared/crypto/signing.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLoggingCategory>
#include <QSslConfiguration>
#include <QSslServer>
#include <QSslSocket>
#include <QTimer>

#include <algorithm>
#include <memory>

Q_LOGGING_CATEGORY(lcHubServer, "tabel.hub.server", QtWarningMsg)
Q_LOGGING_CATEGORY(lcHubRequests, "tabel.hub.requests", QtWarningMsg)

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
    : m_store(store), m_options(options), m_budget(std::make_unique<ConnectionBudget>(options.connections)),
      m_http(std::make_unique<QHttpServer>()) {
    keepLargeBuffersReturnable();
    const auto route = [this](const char* path, Route r) {
        m_http->route(QString::fromLatin1(path), QHttpServerRequest::Method::Post,
                      [this, r, path](const QHttpServerRequest& request) {
                          // Off by default: QT_LOGGING_RULES="tabel.hub.requests.info=true" shows each request.
                          qCInfo(lcHubRequests).nospace()
                              << "POST " << path << ", " << request.body().size() << " bytes";
                          return answer(r, request);
                      });
    };
    route("/v1/enroll", Route::Enroll);
    route("/v1/push", Route::Push);
    route("/v1/pull", Route::Pull);
    route("/v1/prints", Route::Prints);
    m_historyTimer = std::make_unique<QTimer>();
    m_historyTimer->setSingleShot(true);
    m_historyTimer->setInterval(kHistoryIdleMs);
    QObject::connect(m_historyTimer.get(), &QTimer::timeout, [this] { writeHistory(); });
}

HubServer::~HubServer() {
    if (m_historyTimer->isActive())
        writeHistory();
}

void HubServer::writeHistory() {
    // When it cannot be written now, it is written before the next change of the merged state or read of the
    // history, or when the store is opened next.
    if (const Status ok = m_store.writePendingHistory(); !ok)
        qCWarning(lcHubServer) << "the history commit of the last push is not written yet:" << ok.error().message;
    if (const Status ok = m_store.checkpoint(); !ok)
        qCWarning(lcHubServer) << "the write-ahead log was not copied into hub.db yet:" << ok.error().message;
}

Result<quint16> HubServer::listen(const TlsIdentity& identity, const QHostAddress& address, quint16 port) {
    auto server = std::make_unique<GuardedSslServer>(*m_budget, m_options.limits.maxFrameBytes);
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

QHttpServerResponse HubServer::replayed() {
    return problem(401, QStringLiteral("replayed"),
                   tr("this request was received before (its nonce was used already); a replayed request is refused"));
}

QHttpServerResponse HubServer::answer(Route route, const QHttpServerRequest& request) {
    // Qt 6.4's QHttpServer hands over the whole body; refuse it before any parsing when it is over the limit.
    const QByteArray body = request.body();
    if (body.size() > m_options.limits.maxFrameBytes)
        return problem(413, sync::wireErrorName(sync::WireError::TooLarge),
                       tr("the request is %1 bytes; the limit is %2 bytes; the node must send smaller batches")
                           .arg(body.size())
                           .arg(m_options.limits.maxFrameBytes));
    // The signature is checked here, the payload decompressed only once the device is known (or, for an
    // enrolment, within the small limits an enrolment request needs).
    sync::WireResult<sync::Frame> frame = sync::openFrame(body, m_options.limits);
    if (!frame)
        return wireProblem(frame.failure());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (sync::WireStatus fresh = sync::checkFreshness(frame->timeMs, now, m_options.maxSkewMs); !fresh)
        return wireProblem(fresh.failure());
    // Nonces are remembered only for devices the hub knows, and for enrolment requests up to a bound: anyone can
    // sign a frame with a fresh key, and such frames must not be able to fill the nonce table (R-S10).
    const auto remember = [&]() -> std::optional<QHttpServerResponse> {
        Result<bool> first = m_store.rememberNonce(frame->deviceKey, frame->nonce, now, 2 * m_options.maxSkewMs);
        if (!first)
            return internal(first.error());
        if (!*first)
            return replayed();
        return std::nullopt;
    };
    if (route == Route::Enroll) {
        Result<std::int64_t> strangers = m_store.strangerNonceCount(now, 2 * m_options.maxSkewMs);
        if (!strangers)
            return internal(strangers.error());
        if (*strangers >= m_options.maxEnrolNonces)
            return problem(429, QStringLiteral("too-many-enrolments"),
                           tr("the hub received more than %1 enrolment requests in the last %2 minutes; try again "
                              "later")
                               .arg(m_options.maxEnrolNonces)
                               .arg(2 * m_options.maxSkewMs / 60000));
        sync::WireLimits enrolment = m_options.limits;
        enrolment.maxPayloadBytes = kMaxEnrolmentBytes;
        if (sync::WireStatus expanded = sync::expandFrame(*frame, enrolment); !expanded)
            return wireProblem(expanded.failure());
        if (auto refused = remember())
            return std::move(*refused);
        return enroll(*frame, now);
    }

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
    if (sync::WireStatus expanded = sync::expandFrame(*frame, m_options.limits); !expanded)
        return wireProblem(expanded.failure());
    // A push records its nonce in its own transaction (HubStore::pushOnce): one commit, so one fsync, less.
    if (route != Route::Push)
        if (auto refused = remember())
            return std::move(*refused);
    switch (route) {
    case Route::Push:
        return push(**node, *frame, now);
    case Route::Prints:
        return prints(**node, *frame, now);
    default:
        return pull(**node, *frame);
    }
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
    // R-S6: the periods closed now, so the node knows from the start which edits will be amendment requests.
    Result<QList<sync::ClosedPeriod>> closed = m_store.closedPeriods();
    if (!closed)
        return internal(closed.error());
    answer.closedPeriods = std::move(closed).value();
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
    const HubStore::FrameNonce nonce{frame.deviceKey, frame.nonce, 2 * m_options.maxSkewMs};
    Result<std::optional<sync::Ack>> ack = m_store.pushOnce(node, *batch, nowMs, nonce);
    if (!ack)
        return internal(ack.error());
    if (!*ack)
        return replayed();
    m_historyTimer->start();
    // The last batch of a sync asks for the pull with it (PROTOCOL.md, "Push and pull in one request"): answered
    // from the state the batch left, after its commit. A pull that fails here is left out of the answer; the node
    // then asks for it on its own and is told why there.
    if (batch->pullMax) {
        if (Result<sync::PullBatch> pulled = pullPage(node, batch->cursor, *batch->pullMax))
            (*ack)->pulled = sync::encode(*pulled);
        else
            qCWarning(lcHubServer) << "the pull asked for with a push was not answered:" << pulled.error().message;
    }
    return message(sync::encode(**ack));
}

QHttpServerResponse HubServer::pull(const NodeRecord& node, const sync::Frame& frame) {
    sync::WireResult<sync::PullRequest> request = sync::decodePullRequest(frame.message, m_options.limits);
    if (!request)
        return wireProblem(request.failure());
    Result<sync::PullBatch> batch = pullPage(node, request->cursor, request->maxChangeSets);
    if (!batch && batch.error().code == ErrorCode::InvalidInput) // a cursor this hub never gave (PROTOCOL.md)
        return problem(400, QStringLiteral("bad-cursor"), batch.error().message);
    if (!batch)
        return internal(batch.error());
    m_historyTimer->start(); // a pull writes too (what the node was sent): checkpointed when idle
    return message(sync::encode(*batch));
}

// A pull's page, as /v1/pull and a push that asks for the pull answer it: at most what the node asked for, and
// never more than a batch may hold (HubStore::pull bounds it further).
Result<sync::PullBatch> HubServer::pullPage(const NodeRecord& node, quint64 cursor, quint64 maxChangeSets) {
    const int max = int(std::min<quint64>(maxChangeSets, quint64(m_options.limits.maxChangeSetsPerBatch)));
    return m_store.pull(node, cursor, max);
}

// Issue 11 item 4 (2.5.10): a node's register entries join the school's register, keyed by (node, number).
QHttpServerResponse HubServer::prints(const NodeRecord& node, const sync::Frame& frame, qint64 nowMs) {
    sync::WireResult<sync::PrintsReport> report = sync::decodePrintsReport(frame.message, m_options.limits);
    if (!report)
        return wireProblem(report.failure());
    if (report->nodeId != node.nodeId)
        return problem(400, QStringLiteral("wrong-node"),
                       tr("the report names node «%1», but this device is enrolled as node «%2»")
                           .arg(report->nodeId, node.nodeId));
    Result<QList<quint64>> stored = m_store.recordNodePrints(node, report->prints, nowMs);
    if (!stored)
        return internal(stored.error());
    sync::PrintsAck ack;
    ack.numbers = std::move(stored).value();
    return message(sync::encode(ack));
}

} // namespace tabel::hub
