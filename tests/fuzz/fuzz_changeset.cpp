// The change-set decoder (sync::ChangeSet::fromCanonicalBytes, then its checks of the ops) and the hub's stored
// registers (sync::decodeEntityRegisters). The first byte picks which; for a change set the next 64 bytes are
// taken as its signature.
#include "shared/crypto/signing.h"
#include "sync/op.h"
#include "sync/reconcile.h"
#include "tests/fuzz/fuzz_support.h"

using namespace tabel;

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    if (!crypto::initialize())
        std::abort();
    fuzz::seedsOnRequest(argc, argv, [](const QString& dir) {
        const auto key = crypto::SigningKeyPair::generate();
        sync::ChangeSet cs;
        cs.author = QStringLiteral("t01");
        cs.seq = 3;
        cs.ops = {sync::Op{10,
                           QStringLiteral("lesson/7А/math/all/2026-09-01/2"),
                           QStringLiteral("topic"),
                           QStringLiteral("Делимость чисел"),
                           {}},
                  sync::Op{11,
                           QStringLiteral("mark/7А/math/all/2026-09-01/2/p01/1"),
                           QStringLiteral("value"),
                           QStringLiteral("5"),
                           {}}};
        cs.hlc = 11;
        const QByteArray canonical = cs.sign(key);
        fuzz::writeSeed(dir, QStringLiteral("changeset"), '\0' + cs.signature + canonical);
        fuzz::writeSeed(dir, QStringLiteral("registers-empty"), QByteArray(1, '\1'));
    });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1)
        return 0;
    if (data[0] % 2 == 0) {
        if (size < 65)
            return 0;
        const QByteArray signature = fuzz::input(data + 1, 64);
        if (auto cs = sync::ChangeSet::fromCanonicalBytes(fuzz::input(data + 65, size - 65), signature))
            (void)cs->verify();
    } else {
        (void)sync::decodeEntityRegisters(fuzz::input(data + 1, size - 1));
    }
    return 0;
}
