#include "node/store/key_file.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace tabel::node {

namespace {
QString tr(const char* s) {
    return QCoreApplication::translate("tabel::node::KeyFile", s);
}
constexpr qint64 kMaxKeyFileBytes = 4096;
} // namespace

Result<KeyFile> KeyFile::load(const QString& path) {
    QFile f(path);
    if (!f.exists())
        return makeError(ErrorCode::NotFound, tr("the key file %1 is missing").arg(path));
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, tr("cannot read the key file %1: %2").arg(path, f.errorString()));
    const QByteArray bytes = f.read(kMaxKeyFileBytes + 1);
    const auto damaged = [&](const QString& why) {
        return makeError(
            ErrorCode::Corrupt,
            tr("the key file %1 is damaged (%2); restore it from a backup of the store folder").arg(path, why));
    };
    if (bytes.size() > kMaxKeyFileBytes)
        return damaged(tr("too large"));
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &perr);
    if (perr.error != QJsonParseError::NoError || !doc.isObject())
        return damaged(perr.errorString());
    const QJsonObject o = doc.object();
    const int format = o.value(QLatin1String("format")).toInt(0);
    if (format > kFormat)
        return makeError(ErrorCode::Unsupported,
                         tr("the key file %1 was written by a newer tabel; update tabel").arg(path));
    if (format != kFormat)
        return damaged(tr("no format version"));
    KeyFile k;
    k.kdf.algorithm = o.value(QLatin1String("kdf")).toString();
    k.kdf.opsLimit = quint64(o.value(QLatin1String("opslimit")).toDouble());
    k.kdf.memLimit = quint64(o.value(QLatin1String("memlimit")).toDouble());
    k.kdf.salt = QByteArray::fromBase64(o.value(QLatin1String("salt")).toString().toLatin1());
    k.check = QByteArray::fromBase64(o.value(QLatin1String("check")).toString().toLatin1());
    if (k.check.size() != 32 || k.kdf.salt.isEmpty())
        return damaged(tr("salt or check value missing"));
    if (const Status valid = k.kdf.validate(); !valid)
        return valid.error().code == ErrorCode::Corrupt
                   ? damaged(valid.error().message)
                   : makeError(valid.error().code, tr("the key file %1: %2").arg(path, valid.error().message));
    return k;
}

Status KeyFile::save(const QString& path) const {
    QJsonObject o;
    o.insert(QLatin1String("format"), kFormat);
    o.insert(QLatin1String("kdf"), kdf.algorithm);
    o.insert(QLatin1String("opslimit"), double(kdf.opsLimit));
    o.insert(QLatin1String("memlimit"), double(kdf.memLimit));
    o.insert(QLatin1String("salt"), QString::fromLatin1(kdf.salt.toBase64()));
    o.insert(QLatin1String("check"), QString::fromLatin1(check.toBase64()));
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io, tr("cannot write the key file %1: %2").arg(path, f.errorString()));
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    f.write(QJsonDocument(o).toJson(QJsonDocument::Indented));
    if (!f.commit()) // QSaveFile fsyncs and renames
        return makeError(ErrorCode::Io, tr("cannot write the key file %1: %2").arg(path, f.errorString()));
    return {};
}

Result<crypto::SecretBytes> KeyFile::unlock(const crypto::SecretBytes& passphrase) const {
    TABEL_ASSIGN_OR_RETURN(crypto::SecretBytes key, crypto::deriveKey(passphrase, kdf));
    if (crypto::keyCheck(key) != check)
        return makeError(ErrorCode::WrongPassphrase, tr("the passphrase is wrong; nothing was changed, try again"));
    return key;
}

Result<std::pair<KeyFile, crypto::SecretBytes>> KeyFile::create(const crypto::SecretBytes& passphrase,
                                                                const QString& kdfProfile) {
    KeyFile k;
    TABEL_ASSIGN_OR_RETURN(k.kdf, crypto::KdfParams::profile(kdfProfile));
    TABEL_ASSIGN_OR_RETURN(crypto::SecretBytes key, crypto::deriveKey(passphrase, k.kdf));
    k.check = crypto::keyCheck(key);
    return std::pair<KeyFile, crypto::SecretBytes>(std::move(k), std::move(key));
}

} // namespace tabel::node
