// Small helpers of the node store's binary formats (schema.cpp's entity blobs, lesson_docs.cpp's documents) and
// of its key-range queries.
#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>

namespace tabel::node::bytes {

// LEB128: seven bits per byte, low first.
inline void putVarint(QByteArray& out, std::uint64_t v) {
    while (v >= 0x80) {
        out.append(char((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out.append(char(v));
}

// Reads a varint at p (advanced past it); false when the bytes end first or it does not fit 64 bits.
inline bool getVarint(const char*& p, const char* end, std::uint64_t& out) {
    out = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (p >= end)
            return false;
        const auto b = static_cast<std::uint8_t>(*p++);
        out |= std::uint64_t(b & 0x7f) << shift;
        if (!(b & 0x80))
            return shift < 63 || b <= 1; // the 10th byte holds the top bit only
    }
    return false;
}

// The least text greater than every text starting with prefix (non-empty, ending with '/'): for
// `key >= prefix AND key < upperBound(prefix)`.
inline QString upperBound(const QString& prefix) {
    QString up = prefix;
    up[up.size() - 1] = QChar(up.at(up.size() - 1).unicode() + 1);
    return up;
}

} // namespace tabel::node::bytes
