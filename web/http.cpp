#include "web/http.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTcpServer>
#include <QTimer>

#include <memory>

Q_LOGGING_CATEGORY(lcWeb, "tabel.web", QtWarningMsg)

namespace tabel::web {

namespace {

QString t(const char* s) {
    return QCoreApplication::translate("tabel::web::Server", s);
}

// Scripts, styles, images and requests from this origin only; no inline script or style attribute, no eval, no
// plugins, no frames (either way), forms post only here.
const QByteArray kCsp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                        "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; "
                        "frame-ancestors 'none'";

QByteArray contentTypeOf(const QString& file) {
    const QString ext = QFileInfo(file).suffix().toLower();
    if (ext == QLatin1String("html"))
        return "text/html; charset=utf-8";
    if (ext == QLatin1String("js"))
        return "text/javascript; charset=utf-8";
    if (ext == QLatin1String("css"))
        return "text/css; charset=utf-8";
    if (ext == QLatin1String("json"))
        return "application/json";
    if (ext == QLatin1String("svg"))
        return "image/svg+xml";
    if (ext == QLatin1String("png"))
        return "image/png";
    return "application/octet-stream";
}

QByteArray methodName(QHttpServerRequest::Method m) {
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    default:
        break;
    }
    return "OTHER";
}

QByteArray cookieValue(const QByteArray& header, const QByteArray& name) {
    for (const QByteArray& part : header.split(';')) {
        const QByteArray p = part.trimmed();
        if (p.startsWith(name + '='))
            return p.mid(name.size() + 1);
    }
    return {};
}

} // namespace

Reply Reply::json(const QJsonDocument& doc, int status) {
    Reply r;
    r.status = status;
    r.body = doc.toJson(QJsonDocument::Compact);
    return r;
}

Reply Reply::problem(int status, const QString& code, const QString& message) {
    return json(QJsonDocument(QJsonObject{{QStringLiteral("error"), code}, {QStringLiteral("message"), message}}),
                status);
}

Reply Reply::redirect(const QByteArray& location) {
    Reply r;
    r.status = 303;
    r.contentType = "text/plain; charset=utf-8";
    r.headers.append({"Location", location});
    return r;
}

Server::Server(ServerOptions options, QObject* parent)
    : QAbstractHttpServer(parent), m_options(std::move(options)), m_sessions(m_options.idleMs) {
    auto* idle = new QTimer(this);
    idle->setInterval(std::clamp<qint64>(m_options.idleMs / 10, 200, 5000));
    connect(idle, &QTimer::timeout, this, &Server::checkIdle);
    idle->start();
}

Server::~Server() = default;

qint64 Server::nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

Result<quint16> Server::listenLoopback(const QHostAddress& address, quint16 port) {
    if (!address.isLoopback())
        return makeError(ErrorCode::InvalidArgument,
                         t("the journal is served on this computer only: give a loopback address such as "
                           "127.0.0.1, not %1")
                             .arg(address.toString()));
    auto server = std::make_unique<QTcpServer>();
    if (!server->listen(address, port))
        return makeError(ErrorCode::Io, t("cannot listen on %1:%2: %3; choose another port with --listen")
                                            .arg(address.toString())
                                            .arg(port)
                                            .arg(server->errorString()));
    m_address = address;
    m_port = server->serverPort();
    m_cookieName = m_options.cookieName.isEmpty() ? "tabel_" + QByteArray::number(m_port) : m_options.cookieName;
    bind(server.release());
    return m_port;
}

QString Server::origin() const {
    const QString host = m_address.protocol() == QAbstractSocket::IPv6Protocol ? u'[' + m_address.toString() + u']'
                                                                               : m_address.toString();
    return QStringLiteral("http://%1:%2").arg(host).arg(m_port);
}

void Server::route(const QByteArray& method, const QString& path, Access access, Handler handler) {
    m_routes.insert(method + ' ' + path.toUtf8(), Route{access, std::move(handler)});
}

void Server::page(const QString& path, const QString& assetFile) {
    m_pages.insert(path, assetFile);
}

QPair<QByteArray, QByteArray> Server::startSession(Session& out) {
    out = m_sessions.create(nowMs());
    m_hadSessions = true;
    return {"Set-Cookie", m_sessions.cookie(m_cookieName, out)};
}

QPair<QByteArray, QByteArray> Server::endSessionCookie() const {
    return {"Set-Cookie", SessionTable::clearCookie(m_cookieName)};
}

void Server::lockAll() {
    m_sessions.endAll();
    checkIdle();
}

void Server::checkIdle() {
    if (m_sessions.expire(nowMs()) == 0 && m_hadSessions) {
        m_hadSessions = false;
        emit allSessionsEnded();
    }
}

bool Server::hostAllowed(const QByteArray& host) const {
    const QByteArray port = ':' + QByteArray::number(m_port);
    if (m_address.protocol() == QAbstractSocket::IPv6Protocol)
        return host == "[::1]" + port || host == "localhost" + port;
    return host == m_address.toString().toLatin1() + port || host == "localhost" + port;
}

bool Server::originAllowed(const QByteArray& origin) const {
    if (origin.isEmpty())
        return true; // same-origin GETs and some browsers' POSTs send none; the CSRF token still guards writes
    const QByteArray port = ':' + QByteArray::number(m_port);
    return origin == this->origin().toLatin1() || origin == "http://localhost" + port;
}

bool Server::handleRequest(const QHttpServerRequest& raw, QTcpSocket* socket) {
    Request request;
    request.method = methodName(raw.method());
    request.path = raw.url().path();
    // Form encoding, as URLSearchParams writes it: '+' is a space (a '+' itself comes as %2B).
    request.query = QUrlQuery(raw.url().query(QUrl::FullyEncoded).replace(u'+', QStringLiteral("%20")));
    request.body = raw.body();
    for (const auto& [name, value] : raw.headers())
        request.headers.insert(name.toLower(), value);
    send(raw, socket, dispatch(request));
    return true;
}

void Server::missingHandler(const QHttpServerRequest& raw, QTcpSocket* socket) {
    send(raw, socket, Reply::problem(404, QStringLiteral("not-found"), t("there is no such page")));
}

Reply Server::dispatch(Request& request) {
    // DNS rebinding: only this server's own name reaches anything.
    if (!hostAllowed(request.headers.value("host")))
        return Reply::problem(421, QStringLiteral("host"),
                              t("this journal answers only at %1; open that address").arg(origin()));
    const QByteArray cookie = cookieValue(request.headers.value("cookie"), m_cookieName);
    const qint64 now = nowMs();

    const auto routeIt = m_routes.constFind(request.method + ' ' + request.path.toUtf8());
    if (routeIt != m_routes.constEnd()) {
        const Route& r = *routeIt;
        if (r.access != Access::Public) {
            // A status poll must not keep a forgotten tab unlocked forever: only what a teacher does counts.
            const bool poll = request.method == "GET" && request.query.hasQueryItem(QStringLiteral("poll"));
            request.session = poll ? m_sessions.peek(cookie, now) : m_sessions.touch(cookie, now);
            if (!request.session)
                return Reply::problem(401, QStringLiteral("locked"),
                                      t("the journal is locked; enter the passphrase again"));
        } else {
            request.session = m_sessions.peek(cookie, now);
        }
        if (r.access == Access::Write || r.access == Access::Upload) {
            if (!sameToken(request.headers.value("x-csrf-token"), request.session->csrf) ||
                !originAllowed(request.headers.value("origin")))
                return Reply::problem(403, QStringLiteral("csrf"),
                                      t("the request did not come from this journal's page; reload the page and "
                                        "try again"));
        }
        if (request.method != "GET" && r.access != Access::Upload && !request.body.isEmpty() &&
            !request.headers.value("content-type").startsWith("application/json"))
            return Reply::problem(415, QStringLiteral("content-type"), t("the request must be JSON"));
        Reply reply = r.handler(request);
        return reply;
    }
    if (request.method != "GET" && request.method != "HEAD")
        return Reply::problem(405, QStringLiteral("method"), t("this address accepts no such request"));

    if (request.path == QLatin1String("/"))
        return asset(QStringLiteral("index.html"), request);
    if (const auto pageIt = m_pages.constFind(request.path); pageIt != m_pages.constEnd()) {
        if (!m_sessions.touch(cookie, now))
            return Reply::redirect("/");
        return asset(*pageIt, request);
    }
    if (request.path.startsWith(QLatin1String("/app/"))) {
        const QString file = request.path.mid(5);
        if (file.contains(QLatin1String("..")) || file.contains(u'/'))
            return Reply::problem(404, QStringLiteral("not-found"), t("there is no such page"));
        const bool isPublic = m_options.publicAssets.contains(file);
        if (!isPublic && !m_sessions.peek(cookie, now))
            return Reply::problem(401, QStringLiteral("locked"),
                                  t("the journal is locked; enter the passphrase again"));
        return asset(file, request);
    }
    return Reply::problem(404, QStringLiteral("not-found"), t("there is no such page"));
}

Reply Server::asset(const QString& file, const Request& request) {
    QFile f(m_options.assetRoot + u'/' + file);
    if (!f.open(QIODevice::ReadOnly))
        return Reply::problem(404, QStringLiteral("not-found"), t("there is no such page"));
    Reply r;
    r.contentType = contentTypeOf(file);
    r.body = f.readAll();
    // The files are part of the binary: the browser keeps them and asks whether they changed (304), which also
    // lets it keep its compiled scripts between pages.
    auto etag = m_etags.constFind(file);
    if (etag == m_etags.constEnd())
        etag = m_etags.insert(
            file, '"' + QCryptographicHash::hash(r.body, QCryptographicHash::Sha256).toHex().left(32) + '"');
    r.headers.append({"ETag", *etag});
    r.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache")});
    if (request.headers.value("if-none-match") == *etag) {
        r.status = 304;
        r.body.clear();
    }
    return r;
}

void Server::send(const QHttpServerRequest& raw, QTcpSocket* socket, Reply reply) {
    QHttpServerResponse response(reply.contentType, reply.body, QHttpServerResponder::StatusCode(reply.status));
    response.addHeader("Content-Security-Policy", kCsp);
    response.addHeader("X-Content-Type-Options", "nosniff");
    response.addHeader("X-Frame-Options", "DENY");
    response.addHeader("Referrer-Policy", "no-referrer");
    response.addHeader("Cross-Origin-Opener-Policy", "same-origin");
    response.addHeader("Cross-Origin-Resource-Policy", "same-origin");
    bool cacheControl = false;
    for (auto& [name, value] : reply.headers) {
        cacheControl = cacheControl || name == "Cache-Control";
        response.addHeader(name, value);
    }
    if (!cacheControl)
        response.addHeader("Cache-Control", "no-store"); // the API's answers hold the journal: never kept
    response.write(makeResponder(raw, socket));
}

} // namespace tabel::web
