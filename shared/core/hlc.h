// Hybrid logical clock (Kulkarni et al.): 48 bits of wall-clock milliseconds and a 16-bit counter in one
// 64-bit number. Monotonic per device even if the wall clock steps back; close to real time for people.
#pragma once

#include <QDateTime>

#include <cstdint>
#include <functional>

namespace tabel {

class Hlc {
public:
    using WallClock = std::function<std::int64_t()>; // milliseconds since the Unix epoch

    explicit Hlc(WallClock wall = systemWallClock, std::int64_t last = 0) : m_wall(std::move(wall)), m_last(last) {}

    // A new timestamp, greater than every one issued or observed before.
    std::int64_t now();
    // Merges a timestamp seen in a remote op, so later local stamps sort after it.
    void observe(std::int64_t remote);
    std::int64_t last() const { return m_last; }

    static std::int64_t pack(std::int64_t millis, std::uint16_t counter) { return (millis << 16) | counter; }
    static std::int64_t millis(std::int64_t hlc) { return hlc >> 16; }
    static std::uint16_t counter(std::int64_t hlc) { return std::uint16_t(hlc & 0xffff); }
    static QDateTime toDateTime(std::int64_t hlc) { return QDateTime::fromMSecsSinceEpoch(millis(hlc), Qt::UTC); }
    static std::int64_t systemWallClock() { return QDateTime::currentMSecsSinceEpoch(); }

private:
    WallClock m_wall;
    std::int64_t m_last = 0;
};

} // namespace tabel
