// node.key: what is needed to turn the teacher's passphrase into the store key, and to tell a wrong passphrase
// from a damaged store. Holds no secret: the Argon2id salt and parameters, and a key check value.
#pragma once

#include "shared/core/result.h"
#include "shared/crypto/kdf.h"

#include <QByteArray>
#include <QString>

namespace tabel::node {

struct KeyFile {
    static constexpr int kFormat = 1;
    crypto::KdfParams kdf;
    QByteArray check; // crypto::keyCheck(key)

    [[nodiscard]] static Result<KeyFile> load(const QString& path);
    // Atomic (write to a temporary file, fsync, rename), mode 0600.
    [[nodiscard]] Status save(const QString& path) const;

    // Derives the key from the passphrase; WrongPassphrase when the check value does not match.
    [[nodiscard]] Result<crypto::SecretBytes> unlock(const crypto::SecretBytes& passphrase) const;
    // A new key file (fresh salt) for the passphrase; returns it with the key.
    [[nodiscard]] static Result<std::pair<KeyFile, crypto::SecretBytes>> create(const crypto::SecretBytes& passphrase,
                                                                                const QString& kdfProfile);
};

} // namespace tabel::node
