#include "shared/core/zstd.h"

#include "shared/core/cfree.h"

#include <QCoreApplication>

#include <zstd.h>

namespace tabel {

namespace {
using DCtx = CHandle<ZSTD_DCtx, &ZSTD_freeDCtx>;
using CCtx = CHandle<ZSTD_CCtx, &ZSTD_freeCCtx>;
QString tr(const char* s) {
    return QCoreApplication::translate("tabel::zstd", s);
}
} // namespace

Result<QByteArray> zstdCompress(const QByteArray& data, int level) {
    // One context per thread, reused: creating one per call allocated and cleared its tables every time, a
    // measurable share of writing a change set to the node's op log.
    thread_local CCtx ctx(ZSTD_createCCtx());
    if (!ctx)
        return makeError(ErrorCode::Internal, tr("out of memory"));
    QByteArray out(qsizetype(ZSTD_compressBound(std::size_t(data.size()))), Qt::Uninitialized);
    const std::size_t n = ZSTD_compressCCtx(ctx.get(), out.data(), std::size_t(out.size()), data.constData(),
                                            std::size_t(data.size()), level);
    if (ZSTD_isError(n))
        return makeError(ErrorCode::Internal,
                         tr("compression failed: %1").arg(QString::fromUtf8(ZSTD_getErrorName(n))));
    out.resize(qsizetype(n));
    return out;
}

Result<QByteArray> zstdDecompress(const QByteArray& frame, qsizetype maxSize) {
    // One context per thread, reused (a pull decompresses thousands of change sets from the hub's log); reset
    // first, so that nothing of an earlier, failed frame carries over.
    thread_local DCtx ctx(ZSTD_createDCtx());
    if (!ctx)
        return makeError(ErrorCode::Internal, tr("out of memory"));
    ZSTD_DCtx_reset(ctx.get(), ZSTD_reset_session_only);
    // Streaming decompression into a growing buffer capped at maxSize: the declared content size in the frame
    // header is not trusted.
    QByteArray out;
    ZSTD_inBuffer in{frame.constData(), std::size_t(frame.size()), 0};
    std::size_t ret = 1;
    while (true) {
        if (out.size() >= maxSize + 1)
            return makeError(ErrorCode::InvalidInput,
                             tr("compressed data expands beyond the limit of %1 bytes").arg(maxSize));
        const qsizetype chunk = std::min<qsizetype>(qsizetype(ZSTD_DStreamOutSize()), maxSize + 1 - out.size());
        const qsizetype before = out.size();
        out.resize(before + chunk);
        ZSTD_outBuffer ob{out.data() + before, std::size_t(chunk), 0};
        ret = ZSTD_decompressStream(ctx.get(), &ob, &in);
        out.resize(before + qsizetype(ob.pos));
        if (ZSTD_isError(ret))
            return makeError(ErrorCode::InvalidInput,
                             tr("compressed data is damaged: %1").arg(QString::fromUtf8(ZSTD_getErrorName(ret))));
        if (out.size() > maxSize)
            return makeError(ErrorCode::InvalidInput,
                             tr("compressed data expands beyond the limit of %1 bytes").arg(maxSize));
        if (ret == 0 && in.pos == in.size)
            return out;
        if (ret == 0 && in.pos < in.size)
            continue; // another frame follows
        if (in.pos == in.size && ob.pos < std::size_t(chunk))
            return makeError(ErrorCode::InvalidInput, tr("compressed data is truncated"));
    }
}

} // namespace tabel
