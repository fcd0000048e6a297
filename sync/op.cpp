#include "sync/op.h"

#include <QCborArray>
#include <QCborStreamReader>
#include <QCborStreamWriter>
#include <QCborValue>
#include <QCoreApplication>

namespace tabel::sync {

namespace {

QString tr(const char* s) {
    return QCoreApplication::translate("tabel::sync", s);
}

const QByteArray kSignContext = QByteArrayLiteral("tabel changeset v1\n");

void writeValue(QCborStreamWriter& w, const domain::FieldValue& v) {
    if (std::holds_alternative<std::int64_t>(v))
        w.append(qint64(std::get<std::int64_t>(v)));
    else if (std::holds_alternative<QString>(v))
        w.append(std::get<QString>(v));
    else
        w.appendNull();
}

} // namespace

QString Version::toString() const {
    if (isNull())
        return QStringLiteral("-");
    return QString::number(quint64(device), 16) + QLatin1Char(':') + QString::number(hlc);
}

QByteArray ChangeSet::canonicalBytes() const {
    // [format, device, author, seq, hlc, [[hlc, entity, field, value, baseDevice, baseHlc], …]]
    QByteArray out;
    out.reserve(64 + ops.size() * 64);
    QCborStreamWriter w(&out);
    w.startArray(6);
    w.append(qint64(kChangeSetFormat));
    w.append(device);
    w.append(author);
    w.append(qint64(seq));
    w.append(qint64(hlc));
    w.startArray(quint64(ops.size()));
    for (const Op& op : ops) {
        w.startArray(6);
        w.append(qint64(op.hlc));
        w.append(op.entity);
        w.append(op.field);
        writeValue(w, op.value);
        w.append(qint64(op.base.device));
        w.append(qint64(op.base.hlc));
        w.endArray();
    }
    w.endArray();
    w.endArray();
    return out;
}

QByteArray ChangeSet::hash() const {
    return crypto::blake2b256(canonicalBytes());
}

QByteArray ChangeSet::sign(const crypto::SigningKeyPair& key) {
    device = key.publicKey;
    QByteArray bytes = canonicalBytes();
    signature = key.sign(kSignContext + crypto::blake2b256(bytes));
    return bytes;
}

Status ChangeSet::verify() const {
    return verifyCanonical(canonicalBytes());
}

Status ChangeSet::verifyCanonical(const QByteArray& canonical) const {
    if (device.size() != 32)
        return makeError(ErrorCode::InvalidInput, tr("the change set names no valid device key"));
    if (author.isEmpty() || author.toUtf8().size() > Limits::maxAuthorBytes)
        return makeError(ErrorCode::InvalidInput, tr("the change set's author is empty or too long"));
    if (seq < 1)
        return makeError(ErrorCode::InvalidInput, tr("the change set's sequence number must be positive"));
    if (ops.isEmpty() || ops.size() > Limits::maxOpsPerChangeSet)
        return makeError(ErrorCode::InvalidInput, tr("the change set has no ops or too many (%1)").arg(ops.size()));
    std::int64_t previous = 0;
    for (const Op& op : ops) {
        if (op.hlc <= previous)
            return makeError(ErrorCode::InvalidInput, tr("the change set's ops are not in time order"));
        previous = op.hlc;
        if (op.entity.isEmpty() || op.entity.toUtf8().size() > Limits::maxEntityKeyBytes)
            return makeError(ErrorCode::InvalidInput, tr("an op's entity key is empty or too long"));
        if (op.field.isEmpty() || op.field.toUtf8().size() > Limits::maxFieldNameBytes)
            return makeError(ErrorCode::InvalidInput, tr("an op's field name is empty or too long"));
        if (std::holds_alternative<QString>(op.value) &&
            std::get<QString>(op.value).toUtf8().size() > Limits::maxTextValueBytes)
            return makeError(ErrorCode::InvalidInput,
                             tr("an op's value is longer than %1 bytes").arg(Limits::maxTextValueBytes));
    }
    if (hlc != previous)
        return makeError(ErrorCode::InvalidInput, tr("the change set's time is not that of its last op"));
    if (!crypto::verify(device, kSignContext + crypto::blake2b256(canonical), signature))
        return makeError(ErrorCode::Crypto, tr("the change set's signature does not match its device key"));
    return {};
}

Result<ChangeSet> ChangeSet::fromCanonicalBytes(const QByteArray& bytes, const QByteArray& signature) {
    const auto malformed = [](const QString& what) {
        return makeError(ErrorCode::InvalidInput, tr("malformed change set: %1").arg(what));
    };
    QCborParserError perr;
    const QCborValue root = QCborValue::fromCbor(bytes, &perr);
    if (perr.error != QCborError::NoError)
        return malformed(perr.errorString());
    const QCborArray a = root.toArray();
    if (!root.isArray() || a.size() != 6)
        return malformed(tr("expected an array of 6 items"));
    if (a.at(0).toInteger() != kChangeSetFormat)
        return makeError(ErrorCode::Unsupported,
                         tr("change set format %1 is not supported; update tabel").arg(a.at(0).toInteger()));
    ChangeSet cs;
    if (!a.at(1).isByteArray() || !a.at(2).isString() || !a.at(3).isInteger() || !a.at(4).isInteger() ||
        !a.at(5).isArray())
        return malformed(tr("wrong item types"));
    cs.device = a.at(1).toByteArray();
    cs.author = a.at(2).toString();
    cs.seq = a.at(3).toInteger();
    cs.hlc = a.at(4).toInteger();
    const QCborArray ops = a.at(5).toArray();
    if (ops.size() > Limits::maxOpsPerChangeSet)
        return malformed(tr("too many ops"));
    cs.ops.reserve(ops.size());
    for (const QCborValue& ov : ops) {
        const QCborArray o = ov.toArray();
        if (!ov.isArray() || o.size() != 6 || !o.at(0).isInteger() || !o.at(1).isString() || !o.at(2).isString() ||
            !o.at(4).isInteger() || !o.at(5).isInteger())
            return malformed(tr("an op is not [hlc, entity, field, value, baseDevice, baseHlc]"));
        Op op;
        op.hlc = o.at(0).toInteger();
        op.entity = o.at(1).toString();
        op.field = o.at(2).toString();
        const QCborValue v = o.at(3);
        if (v.isInteger())
            op.value = std::int64_t(v.toInteger());
        else if (v.isString())
            op.value = v.toString();
        else if (!v.isNull())
            return malformed(tr("an op's value is neither null, an integer nor text"));
        op.base = {o.at(4).toInteger(), o.at(5).toInteger()};
        cs.ops.append(std::move(op));
    }
    cs.signature = signature;
    // The encoding must be canonical: re-encoding gives the same bytes, so the hash the signature covers is
    // unambiguous.
    if (cs.canonicalBytes() != bytes)
        return malformed(tr("not in canonical form"));
    return cs;
}

} // namespace tabel::sync
