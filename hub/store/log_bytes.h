// How the op log keeps a change set's canonical bytes: compressed with zstd (level 1). A lesson's change set
// repeats its entity key's prefix in every op, and compresses to about a third. Rows written before schema 2 hold
// the bytes as they are; the first bytes tell which (canonical CBOR starts with an array head, 0x86; a zstd frame
// with its magic number 28 B5 2F FD). The bytes read back are what the device signed: the signature is checked on
// them again wherever they are decoded.
#pragma once

#include "shared/core/result.h"
#include "shared/core/zstd.h"
#include "sync/wire.h"

#include <QByteArray>

namespace tabel::hub {

inline Result<QByteArray> packLogBytes(const QByteArray& canonical) {
    return zstdCompress(canonical, 1);
}

inline Result<QByteArray> unpackLogBytes(const QByteArray& stored) {
    static constexpr char kMagic[] = {'\x28', '\xb5', '\x2f', '\xfd'};
    if (!stored.startsWith(QByteArray::fromRawData(kMagic, 4)))
        return stored;
    // No change set is larger than the largest message a node may send.
    return zstdDecompress(stored, sync::WireLimits{}.maxPayloadBytes);
}

// A change set of the log as stored, decoded and its signature checked.
inline Result<sync::ChangeSet> logChangeSet(const QByteArray& stored, const QByteArray& signature) {
    TABEL_ASSIGN_OR_RETURN(const QByteArray canonical, unpackLogBytes(stored));
    return sync::ChangeSet::fromCanonicalBytes(canonical, signature);
}

} // namespace tabel::hub
