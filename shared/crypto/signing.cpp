#include "shared/crypto/signing.h"

#include <QCoreApplication>
#include <QString>

#include <sodium.h>

#include <cstring>

namespace tabel::crypto {

SigningKeyPair SigningKeyPair::generate() {
    SigningKeyPair kp;
    kp.publicKey.resize(crypto_sign_PUBLICKEYBYTES);
    kp.secretKey = SecretBytes(crypto_sign_SECRETKEYBYTES);
    crypto_sign_keypair(reinterpret_cast<unsigned char*>(kp.publicKey.data()), kp.secretKey.data());
    return kp;
}

Result<SigningKeyPair> SigningKeyPair::fromSecret(SecretBytes secret) {
    if (secret.size() != crypto_sign_SECRETKEYBYTES)
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate("tabel::crypto", "the device's signing key is damaged"));
    // The secret is seed || public key. Recompute the key pair from the seed: copying the stored public half
    // would accept a damaged key that signs with a public key no one can verify against.
    SigningKeyPair kp;
    kp.publicKey.resize(crypto_sign_PUBLICKEYBYTES);
    SecretBytes seed(crypto_sign_SEEDBYTES), expected(crypto_sign_SECRETKEYBYTES);
    crypto_sign_ed25519_sk_to_seed(seed.data(), secret.data());
    crypto_sign_seed_keypair(reinterpret_cast<unsigned char*>(kp.publicKey.data()), expected.data(), seed.data());
    if (!expected.equals(secret))
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate("tabel::crypto", "the device's signing key is damaged"));
    kp.secretKey = std::move(secret);
    return kp;
}

QByteArray SigningKeyPair::sign(const QByteArray& message) const {
    QByteArray sig(crypto_sign_BYTES, '\0');
    crypto_sign_detached(reinterpret_cast<unsigned char*>(sig.data()), nullptr,
                         reinterpret_cast<const unsigned char*>(message.constData()), std::size_t(message.size()),
                         secretKey.data());
    return sig;
}

bool verify(const QByteArray& publicKey, const QByteArray& message, const QByteArray& signature) {
    if (publicKey.size() != crypto_sign_PUBLICKEYBYTES || signature.size() != crypto_sign_BYTES)
        return false;
    return crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(signature.constData()),
                                       reinterpret_cast<const unsigned char*>(message.constData()),
                                       std::size_t(message.size()),
                                       reinterpret_cast<const unsigned char*>(publicKey.constData())) == 0;
}

QByteArray blake2b256(const QByteArray& data) {
    QByteArray out(32, '\0');
    crypto_generichash(reinterpret_cast<unsigned char*>(out.data()), 32,
                       reinterpret_cast<const unsigned char*>(data.constData()), std::size_t(data.size()), nullptr, 0);
    return out;
}

QByteArray sha256(const QByteArray& data) {
    QByteArray out(crypto_hash_sha256_BYTES, '\0');
    crypto_hash_sha256(reinterpret_cast<unsigned char*>(out.data()),
                       reinterpret_cast<const unsigned char*>(data.constData()),
                       static_cast<unsigned long long>(data.size()));
    return out;
}

qint64 deviceNumber(const QByteArray& publicKey) {
    const QByteArray h = blake2b256(publicKey);
    quint64 v = 0;
    std::memcpy(&v, h.constData(), sizeof v);
    v &= 0x7fffffffffffffffULL; // positive, so it sorts and prints plainly
    return v == 0 ? 1 : qint64(v);
}

QString fingerprint(const QByteArray& publicKey) {
    const QByteArray hex = blake2b256(publicKey).left(8).toHex();
    QString out;
    for (int i = 0; i < hex.size(); i += 4) {
        if (i)
            out += QLatin1Char('-');
        out += QString::fromLatin1(hex.mid(i, 4));
    }
    return out;
}

} // namespace tabel::crypto
