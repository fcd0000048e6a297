// The hub's TLS identity: a self-signed ECDSA P-256 certificate made at first start (OpenSSL libcrypto), kept in
// the hub's folder as hub.crt and hub-tls.key (mode 0600). Nodes pin its SHA-256 fingerprint, which every
// enrolment code carries, so no certificate authority is involved.
#pragma once

#include "shared/core/result.h"

#include <QByteArray>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>

namespace tabel::hub {

struct TlsIdentity {
    QSslCertificate certificate;
    QSslKey privateKey;
    QByteArray fingerprint; // SHA-256 of the certificate's DER bytes (32 bytes)
    bool created = false;   // made by this call
};

// Loads hub.crt and hub-tls.key from dir, or makes them when hub.crt is missing.
[[nodiscard]] Result<TlsIdentity> loadOrCreateTlsIdentity(const QString& dir);

// "AB:CD:…" (32 pairs), as browsers and `openssl x509 -fingerprint -sha256` print it.
QString formatFingerprint(const QByteArray& sha256);

} // namespace tabel::hub
