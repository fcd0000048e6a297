// Passphrase → 256-bit key with Argon2id (libsodium crypto_pwhash). The parameters and the salt are stored
// beside the store so that a later version can raise them without locking anyone out.
#pragma once

#include "shared/core/result.h"
#include "shared/crypto/secret.h"

#include <QByteArray>
#include <QString>

#include <cstdint>

namespace tabel::crypto {

struct KdfParams {
    QString algorithm = QStringLiteral("argon2id13");
    std::uint64_t opsLimit = 0;
    std::uint64_t memLimit = 0; // bytes
    QByteArray salt;            // crypto_pwhash_SALTBYTES

    // libsodium's named settings. "moderate" is the default for teachers' stores.
    static Result<KdfParams> profile(const QString& name);
    static QStringList profileNames();

    // Corrupt when the algorithm, salt length or limits are outside what libsodium accepts (a damaged or
    // hand-edited key file); the message names the faulty value.
    [[nodiscard]] Status validate() const;
};

[[nodiscard]] Result<SecretBytes> deriveKey(const SecretBytes& passphrase, const KdfParams& params);

// A value that proves a key is the right one without revealing it: BLAKE2b keyed with the key.
[[nodiscard]] QByteArray keyCheck(const SecretBytes& key);

} // namespace tabel::crypto
