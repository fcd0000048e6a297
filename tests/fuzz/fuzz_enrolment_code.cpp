// The enrolment code a teacher types (sync::parseEnrolmentCode): any UTF-8 text.
#include "sync/wire.h"
#include "tests/fuzz/fuzz_support.h"

using namespace tabel;

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    fuzz::seedsOnRequest(argc, argv, [](const QString& dir) {
        sync::EnrolmentCode code;
        code.fingerprintPrefix = QByteArray(sync::kEnrollFingerprintBytes, '\x5a');
        code.secret = QByteArray(sync::kEnrollSecretBytes, '\x33');
        fuzz::writeSeed(dir, QStringLiteral("code"), sync::formatEnrolmentCode(code).toUtf8());
        fuzz::writeSeed(dir, QStringLiteral("code-lower"), sync::formatEnrolmentCode(code).toLower().toUtf8());
    });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    if (auto code = sync::parseEnrolmentCode(text)) {
        // What parses formats back to a code that parses to the same.
        if (sync::parseEnrolmentCode(sync::formatEnrolmentCode(*code)).value() != *code)
            std::abort();
    }
    return 0;
}
