// The signed frame decoder (sync::decodeFrame: structure, version, lengths, signature, bounded decompression) and
// the bounded zstd decompression on its own (the signature keeps fuzzed payloads from reaching it otherwise).
#include "shared/crypto/signing.h"
#include "sync/wire.h"
#include "tests/fuzz/fuzz_support.h"

using namespace tabel;

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    if (!crypto::initialize())
        std::abort();
    fuzz::seedsOnRequest(argc, argv, [](const QString& dir) {
        const auto key = crypto::SigningKeyPair::generate();
        const QByteArray nonce(sync::kNonceBytes, 'n');
        fuzz::writeSeed(dir, QStringLiteral("pull-frame"),
                        *sync::encodeFrame(sync::encode(sync::PullRequest{}), key, 1767225600000, nonce));
        fuzz::writeSeed(dir, QStringLiteral("zstd"), *sync::compressPayload(QByteArray(3000, 'a')));
    });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QByteArray bytes = fuzz::input(data, size);
    sync::WireLimits limits;
    limits.maxPayloadBytes = 4 * 1024 * 1024; // keeps an execution fast; the checks are the same
    (void)sync::decodeFrame(bytes, limits);
    (void)sync::decompressPayload(bytes, limits);
    return 0;
}
