// `tabel-node serve`: the teacher's journal in a browser, offline (issue 10). One long-lived process on the node's
// store: web::Server (loopback only, sessions, CSRF, Host check, CSP) serves the page embedded under :/app and the
// JSON API under /api/v1 over node::Journal and the node's SyncClient.
//
// The store is opened once per unlock (one Argon2id) and closed again when the teacher logs out or every session
// has been idle for the idle time; nothing but the login page and its assets is served before. Every write goes
// through node::Journal, so the rules of the regulation stay in C++; a refused cell answers with its clause's
// message. Sync runs on request, on a schedule and shortly after a burst of entries, when the node is enrolled; the
// HTTP server keeps answering while it runs (the sync client waits in a nested event loop).
#pragma once

#include "node/core/journal.h"
#include "node/store/node_store.h"
#include "shared/core/result.h"
#include "web/http.h"

#include <QDate>
#include <QDateTime>
#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QTimer>

#include <optional>

namespace tabel::node::web {

struct ServeOptions {
    QString storeDir;
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8480;
    qint64 idleMs = 15 * 60 * 1000;      // lock after this long without a teacher's action
    qint64 syncEveryMs = 5 * 60 * 1000;  // background sync while unlocked and enrolled; 0: never
    qint64 syncAfterWriteMs = 20 * 1000; // … and this long after the last entry of a burst; 0: never
    QDate today;                         // invalid: the computer's date (tests give one)
};

class JournalServer : public QObject {
    Q_OBJECT
public:
    explicit JournalServer(ServeOptions options, QObject* parent = nullptr);
    ~JournalServer() override;

    [[nodiscard]] Result<quint16> start();
    QString url() const { return m_http.origin() + QLatin1Char('/'); }
    bool unlocked() const { return m_store.has_value(); }

private:
    using Request = tabel::web::Request;
    using Reply = tabel::web::Reply;

    Result<Reply> text(const Request& r);
    Result<Reply> session(const Request& r);
    Result<Reply> unlock(const Request& r);
    Result<Reply> lock(const Request& r);
    Result<Reply> classes(const Request& r);
    Result<Reply> today(const Request& r);
    Result<Reply> journal(const Request& r);
    Result<Reply> cells(const Request& r);
    Result<Reply> lessonGet(const Request& r);
    Result<Reply> lessonPost(const Request& r);
    Result<QJsonObject> gridJson(const JournalView& view);
    Result<Reply> tasks(const Request& r);
    Result<Reply> taskPost(const Request& r);
    Result<Reply> submissionPost(const Request& r);
    Result<Reply> submissionFile(const Request& r);
    Result<Reply> grade(const Request& r);
    Result<Reply> print(const Request& r);
    Result<Reply> periodMarkCorrection(const Request& r);
    Result<Reply> periodMarkPost(const Request& r);
    Result<Reply> status(const Request& r);
    Result<Reply> startSync(const Request& r);
    // Planning (plan_routes.cpp): substitutions (2.5.4), the КТП and its correction sheet (3.1).
    Result<Reply> substitutions(const Request& r);
    Result<Reply> substitutionPost(const Request& r);
    Result<Reply> ktpGet(const Request& r);
    Result<Reply> ktpTopicPost(const Request& r);
    Result<Reply> ktpCorrectionPost(const Request& r);

    Reply failure(const Error& e);
    QDate todayDate() const;
    void closeStore();
    void runSync();
    void scheduleBurstSync();

    ServeOptions m_options;
    tabel::web::Server m_http;
    tabel::web::UnlockThrottle m_throttle;
    std::optional<NodeStore> m_store;
    std::optional<Journal> m_journal; // over *m_store
    bool m_syncing = false;
    bool m_lockAfterSync = false;
    struct LastSync {
        bool ok = false;
        QString message;
        QDateTime at;
    };
    std::optional<LastSync> m_lastSync;
    QTimer m_syncTimer, m_burstTimer;
};

} // namespace tabel::node::web
