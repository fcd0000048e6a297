// zstd compression with explicit bounds: decompression never produces more than the caller allows.
#pragma once

#include "shared/core/result.h"

#include <QByteArray>

namespace tabel {

[[nodiscard]] Result<QByteArray> zstdCompress(const QByteArray& data, int level = 3);
// Fails with InvalidInput if the frame is malformed or would decompress to more than maxSize bytes.
[[nodiscard]] Result<QByteArray> zstdDecompress(const QByteArray& frame, qsizetype maxSize);

} // namespace tabel
