// A local web server for tabel's pages (the node's journal; later the hub's portal), over Qt HttpServer.
//
// What it guarantees for every route, so that a page's code cannot forget it:
//   * it listens on a loopback address only (listen() refuses any other);
//   * a request whose Host header is not this server's loopback address and port is refused (421) before
//     anything else: a page of another site that rebinds its DNS name to 127.0.0.1 gets nothing;
//   * routes are Public (the login page, its assets), Session (a live session cookie) or Write (a session and its
//     CSRF token in the X-CSRF-Token header, and an Origin, when sent, of this server); a missing session is 401
//     for /api/ and a redirect to "/" for pages;
//   * every answer carries a Content-Security-Policy that allows scripts, styles and connections from this origin
//     only (no inline script, no other origin, no frames), nosniff and no referrer; the API's answers are never
//     kept (no-store), the assets are revalidated by their ETag (no-cache, 304).
// Assets are files of a Qt resource folder (assetRoot), served under /app/ with their content type.
#pragma once

#include "shared/core/result.h"
#include "web/sessions.h"

#include <QAbstractHttpServer>
#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonDocument>
#include <QList>
#include <QPair>
#include <QSet>
#include <QString>
#include <QUrlQuery>

#include <functional>
#include <optional>

namespace tabel::web {

struct Request {
    QByteArray method; // "GET", "POST"
    QString path;      // "/api/v1/journal"
    QUrlQuery query;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    std::optional<Session> session;        // set for Session and Write routes

    // A query parameter, fully decoded ("%2F" is "/").
    QString param(const QString& name) const { return query.queryItemValue(name, QUrl::FullyDecoded); }
};

struct Reply {
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    static Reply json(const QJsonDocument& doc, int status = 200);
    // {"error": code, "message": message}: code for programs, message for people (already translated).
    static Reply problem(int status, const QString& code, const QString& message);
    static Reply redirect(const QByteArray& location);
};

// Write: a session, its CSRF token, an Origin of this server when sent, and a JSON body. Upload: the same with a body
// of any type (a file's bytes).
enum class Access { Public, Session, Write, Upload };

using Handler = std::function<Reply(const Request&)>;

struct ServerOptions {
    QString assetRoot;          // ":/app": /app/x.js is :/app/x.js
    QSet<QString> publicAssets; // file names under assetRoot served without a session ("index.html", "login.js")
    QByteArray cookieName;      // empty: "tabel_PORT" (cookies do not tell ports apart, so the port is in the name)
    qint64 idleMs = 15 * 60 * 1000;
};

class Server : public QAbstractHttpServer {
    Q_OBJECT
public:
    explicit Server(ServerOptions options, QObject* parent = nullptr);
    ~Server() override;

    // Binds to a loopback address (127.0.0.1, ::1); any other is refused. Port 0 takes a free one.
    [[nodiscard]] Result<quint16> listenLoopback(const QHostAddress& address, quint16 port);
    quint16 port() const { return m_port; }
    QString origin() const; // http://127.0.0.1:PORT

    void route(const QByteArray& method, const QString& path, Access access, Handler handler);
    // A page (GET) that needs a session: served from assetRoot, else a redirect to "/".
    void page(const QString& path, const QString& assetFile);

    SessionTable& sessions() { return m_sessions; }
    const ServerOptions& options() const { return m_options; }
    const QByteArray& cookieName() const { return m_cookieName; }
    // A new session and the Set-Cookie header of its answer.
    QPair<QByteArray, QByteArray> startSession(Session& out);
    QPair<QByteArray, QByteArray> endSessionCookie() const;

    static qint64 nowMs();

signals:
    // Every session has ended (idle time, or endAll through lockAll()).
    void allSessionsEnded();

public slots:
    void lockAll();

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    Reply dispatch(Request& request);
    Reply asset(const QString& file, const Request& request);
    bool hostAllowed(const QByteArray& host) const;
    bool originAllowed(const QByteArray& origin) const;
    void send(const QHttpServerRequest& raw, QTcpSocket* socket, Reply reply);
    void checkIdle();

    struct Route {
        Access access;
        Handler handler;
    };
    ServerOptions m_options;
    SessionTable m_sessions;
    QHash<QByteArray, Route> m_routes;  // "GET /api/v1/x"
    QHash<QString, QString> m_pages;    // "/journal" → "journal.html"
    QHash<QString, QByteArray> m_etags; // asset file → its ETag
    QHostAddress m_address;
    quint16 m_port = 0;
    QByteArray m_cookieName;
    bool m_hadSessions = false;
};

} // namespace tabel::web
