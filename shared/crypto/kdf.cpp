#include "shared/crypto/kdf.h"

#include <QCoreApplication>
#include <QStringList>

#include <sodium.h>

namespace tabel::crypto {

namespace {
constexpr std::size_t kKeyBytes = 32;
constexpr char kCheckContext[] = "tabel key check v1";
} // namespace

QStringList KdfParams::profileNames() {
    return {QStringLiteral("interactive"), QStringLiteral("moderate"), QStringLiteral("sensitive")};
}

Result<KdfParams> KdfParams::profile(const QString& name) {
    KdfParams p;
    if (name == QLatin1String("interactive")) {
        p.opsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
        p.memLimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
    } else if (name == QLatin1String("moderate")) {
        p.opsLimit = crypto_pwhash_OPSLIMIT_MODERATE;
        p.memLimit = crypto_pwhash_MEMLIMIT_MODERATE;
    } else if (name == QLatin1String("sensitive")) {
        p.opsLimit = crypto_pwhash_OPSLIMIT_SENSITIVE;
        p.memLimit = crypto_pwhash_MEMLIMIT_SENSITIVE;
    } else {
        return makeError(
            ErrorCode::InvalidArgument,
            QCoreApplication::translate("tabel::crypto", "unknown key-derivation setting «%1»; use one of: %2")
                .arg(name, profileNames().join(QStringLiteral(", "))));
    }
    p.salt.resize(crypto_pwhash_SALTBYTES);
    randombytes_buf(p.salt.data(), std::size_t(p.salt.size()));
    return p;
}

Status KdfParams::validate() const {
    const auto invalid = [](const QString& what) {
        return makeError(
            ErrorCode::Corrupt,
            QCoreApplication::translate("tabel::crypto", "the key-derivation parameters are invalid (%1)").arg(what));
    };
    if (algorithm != QLatin1String("argon2id13"))
        return makeError(
            ErrorCode::Unsupported,
            QCoreApplication::translate("tabel::crypto", "unknown key-derivation algorithm «%1»; update tabel")
                .arg(algorithm));
    if (std::size_t(salt.size()) != crypto_pwhash_SALTBYTES)
        return invalid(QCoreApplication::translate("tabel::crypto", "the salt is %1 bytes, not %2")
                           .arg(salt.size())
                           .arg(crypto_pwhash_SALTBYTES));
    if (opsLimit < crypto_pwhash_OPSLIMIT_MIN || opsLimit > crypto_pwhash_OPSLIMIT_MAX)
        return invalid(QCoreApplication::translate("tabel::crypto", "operations limit %1").arg(opsLimit));
    if (memLimit < crypto_pwhash_MEMLIMIT_MIN || memLimit > (std::uint64_t(4) << 30))
        return invalid(QCoreApplication::translate("tabel::crypto", "memory limit %1 bytes").arg(memLimit));
    return {};
}

Result<SecretBytes> deriveKey(const SecretBytes& passphrase, const KdfParams& params) {
    TABEL_TRY(params.validate());
    SecretBytes key(kKeyBytes);
    // An empty passphrase has no buffer; libsodium declares the pointer non-null even for zero bytes.
    static const char kNothing = 0;
    const char* text = passphrase.size() ? reinterpret_cast<const char*>(passphrase.data()) : &kNothing;
    const int rc = crypto_pwhash(key.data(), key.size(), text, passphrase.size(),
                                 reinterpret_cast<const unsigned char*>(params.salt.constData()), params.opsLimit,
                                 std::size_t(params.memLimit), crypto_pwhash_ALG_ARGON2ID13);
    if (rc != 0)
        return makeError(ErrorCode::Crypto, QCoreApplication::translate(
                                                "tabel::crypto", "not enough memory to derive the key (%1 MiB needed)")
                                                .arg(params.memLimit >> 20));
    return key;
}

QByteArray keyCheck(const SecretBytes& key) {
    QByteArray out(32, '\0');
    crypto_generichash(reinterpret_cast<unsigned char*>(out.data()), std::size_t(out.size()),
                       reinterpret_cast<const unsigned char*>(kCheckContext), sizeof(kCheckContext) - 1, key.data(),
                       key.size());
    return out;
}

} // namespace tabel::crypto
