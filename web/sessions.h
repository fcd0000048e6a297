// Cookie sessions of a local web page (web/http.h): a random id in an HttpOnly, SameSite=Strict cookie, a CSRF
// token that every write must echo in a header, and an idle time after which the session ends. The ids and tokens
// are 32 random bytes from the system's generator; the table lives in memory only, so a restart ends them all.
// Also the growing delay after wrong passphrases (UnlockThrottle).
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>

#include <optional>

namespace tabel::web {

struct Session {
    QByteArray id;   // the cookie's value (hex)
    QByteArray csrf; // the token the page sends in X-CSRF-Token (hex)
    qint64 lastSeenMs = 0;
};

class SessionTable {
public:
    explicit SessionTable(qint64 idleMs) : m_idleMs(idleMs) {}

    // A new session (the caller sets its cookie).
    Session create(qint64 nowMs);
    // The live session with this id, its idle clock restarted; nullopt when unknown or idle for too long (then it
    // is forgotten).
    std::optional<Session> touch(const QByteArray& id, qint64 nowMs);
    // The live session with this id without restarting its clock (status polls do not count as activity).
    std::optional<Session> peek(const QByteArray& id, qint64 nowMs);
    void end(const QByteArray& id) { m_sessions.remove(id); }
    void endAll() { m_sessions.clear(); }
    // Forgets the sessions idle for too long; returns how many are left.
    int expire(qint64 nowMs);
    bool empty() const { return m_sessions.isEmpty(); }
    qint64 idleMs() const { return m_idleMs; }

    // The Set-Cookie value for a session (Max-Age: the idle time), and the one that deletes the cookie.
    QByteArray cookie(const QByteArray& name, const Session& s) const;
    static QByteArray clearCookie(const QByteArray& name);

private:
    qint64 m_idleMs;
    QHash<QByteArray, Session> m_sessions;
};

// Constant-time comparison of two tokens.
bool sameToken(const QByteArray& a, const QByteArray& b);

// Wrong passphrases: after the n-th failure in a row the next attempt is accepted only after 2^(n-1) seconds
// (1, 2, 4 … at most 60); a success resets it.
class UnlockThrottle {
public:
    // 0 when an attempt may be made now, else the milliseconds to wait.
    qint64 waitMs(qint64 nowMs) const { return nowMs >= m_nextMs ? 0 : m_nextMs - nowMs; }
    void failed(qint64 nowMs);
    void succeeded() {
        m_failures = 0;
        m_nextMs = 0;
    }
    int failures() const { return m_failures; }

private:
    int m_failures = 0;
    qint64 m_nextMs = 0;
};

} // namespace tabel::web
