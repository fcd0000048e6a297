#include "hub/server/tls.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

#include <unistd.h>

namespace tabel::hub {

namespace {

QString tr(const char* s) {
    return QCoreApplication::translate("tabel::hub::tls", s);
}

constexpr long kValiditySeconds = 10L * 366 * 24 * 3600;

template <class T, void (*F)(T*)> struct Deleter {
    void operator()(T* p) const { F(p); }
};
using PKey = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using Cert = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using Ext = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION, X509_EXTENSION_free>>;
using Bn = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>>;
void freeBio(BIO* b) {
    BIO_free(b);
}
using Bio = std::unique_ptr<BIO, Deleter<BIO, freeBio>>;

Error opensslError(const QString& what) {
    char text[256] = {};
    ERR_error_string_n(ERR_get_error(), text, sizeof text);
    ERR_clear_error();
    return makeError(ErrorCode::Crypto,
                     tr("cannot make the hub's certificate (%1): %2").arg(what, QString::fromLatin1(text)));
}

QByteArray bioBytes(BIO* bio) {
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    return QByteArray(data, qsizetype(n));
}

struct Pem {
    QByteArray certificate, key;
};

Result<Pem> makeSelfSigned() {
    PKey key(EVP_EC_gen("P-256"));
    if (!key)
        return opensslError(QStringLiteral("EC P-256"));
    Cert cert(X509_new());
    Bn serial(BN_new());
    if (!cert || !serial || !BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) ||
        !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get())) || !X509_set_version(cert.get(), 2) ||
        !X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600) ||
        !X509_gmtime_adj(X509_getm_notAfter(cert.get()), kValiditySeconds) || !X509_set_pubkey(cert.get(), key.get()))
        return opensslError(QStringLiteral("X509"));
    X509_NAME* name = X509_get_subject_name(cert.get());
    if (!X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("tabel-hub"), -1,
                                    -1, 0) ||
        !X509_set_issuer_name(cert.get(), name))
        return opensslError(QStringLiteral("subject"));
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert.get(), cert.get(), nullptr, nullptr, 0);
    for (const auto& [nid, value] : {std::pair{NID_subject_alt_name, "IP:127.0.0.1,IP:::1,DNS:localhost"},
                                     std::pair{NID_basic_constraints, "critical,CA:FALSE"}}) {
        Ext ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value));
        if (!ext || !X509_add_ext(cert.get(), ext.get(), -1))
            return opensslError(QStringLiteral("extension"));
    }
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) <= 0)
        return opensslError(QStringLiteral("signature"));
    Bio certBio(BIO_new(BIO_s_mem()));
    Bio keyBio(BIO_new(BIO_s_mem()));
    if (!certBio || !keyBio || !PEM_write_bio_X509(certBio.get(), cert.get()) ||
        !PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr))
        return opensslError(QStringLiteral("PEM"));
    return Pem{bioBytes(certBio.get()), bioBytes(keyBio.get())};
}

Status writeFile(const QString& path, const QByteArray& data, QFileDevice::Permissions permissions) {
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || !f.setPermissions(permissions) || f.write(data) != data.size() || !f.flush() ||
        ::fsync(f.handle()) != 0 || !f.commit())
        return makeError(ErrorCode::Io, tr("cannot write %1: %2").arg(path, f.errorString()));
    return {};
}

Result<QByteArray> readFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, tr("cannot read %1: %2").arg(path, f.errorString()));
    return f.readAll();
}

} // namespace

QString formatFingerprint(const QByteArray& sha256) {
    return QString::fromLatin1(sha256.toHex(':').toUpper());
}

Result<TlsIdentity> loadOrCreateTlsIdentity(const QString& dir) {
    const QString certPath = dir + QStringLiteral("/hub.crt");
    const QString keyPath = dir + QStringLiteral("/hub-tls.key");
    TlsIdentity id;
    // The certificate is written last: a folder with hub.crt always has its key.
    if (!QFileInfo::exists(certPath)) {
        TABEL_ASSIGN_OR_RETURN(const Pem pem, makeSelfSigned());
        TABEL_TRY(writeFile(keyPath, pem.key, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        TABEL_TRY(writeFile(certPath, pem.certificate,
                            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                                QFileDevice::ReadOther));
        id.created = true;
    }
    TABEL_ASSIGN_OR_RETURN(const QByteArray certPem, readFile(certPath));
    TABEL_ASSIGN_OR_RETURN(const QByteArray keyPem, readFile(keyPath));
    id.certificate = QSslCertificate(certPem, QSsl::Pem);
    id.privateKey = QSslKey(keyPem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    if (id.certificate.isNull() || id.privateKey.isNull())
        return makeError(ErrorCode::Corrupt, tr("the hub's certificate %1 or its key %2 is damaged; remove both to "
                                                "make a new one (every node must then be enrolled again)")
                                                 .arg(certPath, keyPath));
    id.fingerprint = id.certificate.digest(QCryptographicHash::Sha256);
    return id;
}

} // namespace tabel::hub
