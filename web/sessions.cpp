#include "web/sessions.h"

#include <QRandomGenerator>

#include <algorithm>

namespace tabel::web {

namespace {

QByteArray randomHex() {
    quint32 words[8];
    QRandomGenerator::system()->fillRange(words);
    return QByteArray(reinterpret_cast<const char*>(words), sizeof words).toHex();
}

} // namespace

Session SessionTable::create(qint64 nowMs) {
    Session s{randomHex(), randomHex(), nowMs};
    m_sessions.insert(s.id, s);
    return s;
}

std::optional<Session> SessionTable::touch(const QByteArray& id, qint64 nowMs) {
    std::optional<Session> s = peek(id, nowMs);
    if (s) {
        m_sessions[id].lastSeenMs = nowMs;
        s->lastSeenMs = nowMs;
    }
    return s;
}

std::optional<Session> SessionTable::peek(const QByteArray& id, qint64 nowMs) {
    const auto it = m_sessions.constFind(id);
    if (id.isEmpty() || it == m_sessions.constEnd())
        return std::nullopt;
    if (nowMs - it->lastSeenMs > m_idleMs) {
        m_sessions.remove(id);
        return std::nullopt;
    }
    return *it;
}

int SessionTable::expire(qint64 nowMs) {
    for (auto it = m_sessions.begin(); it != m_sessions.end();) {
        if (nowMs - it->lastSeenMs > m_idleMs)
            it = m_sessions.erase(it);
        else
            ++it;
    }
    return int(m_sessions.size());
}

QByteArray SessionTable::cookie(const QByteArray& name, const Session& s) const {
    return name + '=' + s.id + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + QByteArray::number(m_idleMs / 1000);
}

QByteArray SessionTable::clearCookie(const QByteArray& name) {
    return name + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0";
}

bool sameToken(const QByteArray& a, const QByteArray& b) {
    if (a.size() != b.size() || a.isEmpty())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

void UnlockThrottle::failed(qint64 nowMs) {
    ++m_failures;
    const qint64 seconds = std::min<qint64>(qint64(1) << std::min(m_failures - 1, 6), 60);
    m_nextMs = nowMs + seconds * 1000;
}

} // namespace tabel::web
