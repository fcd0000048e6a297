#include "shared/core/hlc.h"

#include <algorithm>

namespace tabel {

std::int64_t Hlc::now() {
    const std::int64_t wall = pack(m_wall(), 0);
    // Same millisecond (or a clock that went back): keep the physical part, bump the counter. A counter
    // overflow carries into the millisecond part, which keeps the order strict.
    m_last = std::max(wall, m_last + 1);
    return m_last;
}

void Hlc::observe(std::int64_t remote) {
    m_last = std::max(m_last, remote);
}

} // namespace tabel
