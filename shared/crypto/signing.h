// Device identity: Ed25519 through libsodium. The secret key is a SecretBytes and is stored only inside the
// encrypted store.
#pragma once

#include "shared/core/result.h"
#include "shared/crypto/secret.h"

#include <QByteArray>

namespace tabel::crypto {

struct SigningKeyPair {
    QByteArray publicKey;  // 32 bytes
    SecretBytes secretKey; // 64 bytes (libsodium's seed || public key form)

    static SigningKeyPair generate();
    [[nodiscard]] static Result<SigningKeyPair> fromSecret(SecretBytes secret);
    QByteArray sign(const QByteArray& message) const; // 64-byte detached signature
};

[[nodiscard]] bool verify(const QByteArray& publicKey, const QByteArray& message, const QByteArray& signature);

// BLAKE2b-256 (fast; for content addressing inside tabel) and SHA-256 (for checksums others verify).
QByteArray blake2b256(const QByteArray& data);
QByteArray sha256(const QByteArray& data);
// A short, stable number for a device, from its public key (first 8 bytes of BLAKE2b), never 0.
qint64 deviceNumber(const QByteArray& publicKey);
// Human-readable fingerprint of a public key: 4 groups of 4 hex digits.
QString fingerprint(const QByteArray& publicKey);

} // namespace tabel::crypto
