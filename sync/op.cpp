#include "sync/op.h"

#include <QCborStreamReader>
#include <QCoreApplication>

#include <cstring>
#include <vector>

namespace tabel::sync {

namespace {

QString tr(const char* s) {
    return QCoreApplication::translate("tabel::sync", s);
}

const QByteArray kSignContext = QByteArrayLiteral("tabel changeset v1\n");

// Canonical CBOR written by hand: definite lengths, each integer and length in its shortest form — byte for
// byte what QCborStreamWriter writes for these types (test_op compares it with an independent encoder), into a
// buffer sized beforehand, without QCborStreamWriter's QIODevice layer, which cost most of the encoding time of a
// lesson's change set (tests/bench/README.md).
class CborOut {
public:
    explicit CborOut(qsizetype capacity) : m_out(capacity, Qt::Uninitialized), m_p(m_out.data()) {}
    // The upper bound of the bytes text of `s` takes: a head of at most 9 bytes, at most 3 UTF-8 bytes per
    // UTF-16 code unit.
    static qsizetype textBound(const QString& s) { return 9 + 3 * s.size(); }

    void head(std::uint8_t major, std::uint64_t v) {
        const auto m = std::uint8_t(major << 5);
        if (v < 24) {
            *m_p++ = char(m | v);
            return;
        }
        int bytes = 8;
        std::uint8_t info = 27;
        if (v <= 0xff) {
            bytes = 1;
            info = 24;
        } else if (v <= 0xffff) {
            bytes = 2;
            info = 25;
        } else if (v <= 0xffffffffULL) {
            bytes = 4;
            info = 26;
        }
        *m_p++ = char(m | info);
        for (int i = bytes - 1; i >= 0; --i)
            *m_p++ = char((v >> (8 * i)) & 0xff);
    }
    void integer(std::int64_t v) {
        if (v >= 0)
            head(0, std::uint64_t(v));
        else
            head(1, std::uint64_t(-1 - v));
    }
    void text(const QString& s) {
        const QChar* c = s.constData();
        const qsizetype n = s.size();
        qsizetype i = 0;
        while (i < n && c[i].unicode() < 0x80)
            ++i;
        if (i < n) { // not ASCII: through UTF-8
            const QByteArray utf8 = s.toUtf8();
            head(3, std::uint64_t(utf8.size()));
            raw(utf8);
            return;
        }
        head(3, std::uint64_t(n));
        for (i = 0; i < n; ++i)
            *m_p++ = char(c[i].unicode());
    }
    void bytes(const QByteArray& b) {
        head(2, std::uint64_t(b.size()));
        raw(b);
    }
    void value(const domain::FieldValue& v) {
        if (std::holds_alternative<std::int64_t>(v))
            integer(std::get<std::int64_t>(v));
        else if (std::holds_alternative<QString>(v))
            text(std::get<QString>(v));
        else
            *m_p++ = char(0xf6); // null
    }
    QByteArray take() {
        m_out.truncate(m_p - m_out.constData());
        return std::move(m_out);
    }

private:
    void raw(const QByteArray& b) {
        std::memcpy(m_p, b.constData(), std::size_t(b.size()));
        m_p += b.size();
    }
    QByteArray m_out;
    char* m_p;
};

} // namespace

QString Version::toString() const {
    if (isNull())
        return QStringLiteral("-");
    return QString::number(quint64(device), 16) + QLatin1Char(':') + QString::number(hlc);
}

QByteArray ChangeSet::canonicalBytes() const {
    // [format, device, author, seq, hlc, [[hlc, entity, field, value, baseDevice, baseHlc], …]]
    qsizetype bound = 6 * 9 + device.size() + CborOut::textBound(author);
    for (const Op& op : ops)
        bound += 5 * 9 + CborOut::textBound(op.entity) + CborOut::textBound(op.field) +
                 (std::holds_alternative<QString>(op.value) ? CborOut::textBound(std::get<QString>(op.value)) : 9);
    CborOut out(bound);
    out.head(4, 6);
    out.integer(kChangeSetFormat);
    out.bytes(device);
    out.text(author);
    out.integer(seq);
    out.integer(hlc);
    out.head(4, std::uint64_t(ops.size()));
    for (const Op& op : ops) {
        out.head(4, 6);
        out.integer(op.hlc);
        out.text(op.entity);
        out.text(op.field);
        out.value(op.value);
        out.integer(op.base.device);
        out.integer(op.base.hlc);
    }
    return out.take();
}

QByteArray ChangeSet::hash() const {
    return crypto::blake2b256(canonicalBytes());
}

QByteArray ChangeSet::sign(const crypto::SigningKeyPair& key, QByteArray* hashOut) {
    device = key.publicKey;
    QByteArray bytes = canonicalBytes();
    QByteArray digest = crypto::blake2b256(bytes);
    signature = key.sign(kSignContext + digest);
    if (hashOut)
        *hashOut = std::move(digest);
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

namespace {

// A streaming reader of the canonical form: no QCborValue tree (building one allocated per item and was the larger
// part of opening a change set on the hub). Anything it accepts is then re-encoded and compared byte for byte.
class CanonicalReader {
public:
    explicit CanonicalReader(const QByteArray& bytes) : m_r(bytes) {}

    bool ok() { return !m_failed && m_r.lastError() == QCborError::NoError; }
    QString error() { return m_failed ? m_what : m_r.lastError().toString(); }

    // An array of a known length; entered.
    bool array(quint64& length) {
        if (!ok() || !m_r.isArray() || !m_r.isLengthKnown())
            return fail(tr("expected an array"));
        length = m_r.length();
        return m_r.enterContainer();
    }
    bool leave() { return ok() && m_r.leaveContainer(); }
    bool integer(std::int64_t& out) {
        if (!ok() || !m_r.isInteger())
            return fail(tr("expected an integer"));
        out = m_r.toInteger();
        return m_r.next();
    }
    bool bytes(QByteArray& out) {
        if (!ok() || !m_r.isByteArray())
            return fail(tr("expected a byte string"));
        out.clear();
        auto chunk = m_r.readByteArray();
        // The first (usually only) chunk is taken as it is.
        for (bool first = true; chunk.status == QCborStreamReader::Ok; first = false) {
            if (first)
                out = std::move(chunk.data);
            else
                out += chunk.data;
            chunk = m_r.readByteArray();
        }
        return chunk.status == QCborStreamReader::EndOfString || fail(tr("a byte string is cut short"));
    }
    bool text(QString& out) {
        if (!ok() || !m_r.isString())
            return fail(tr("expected a text string"));
        out.clear();
        auto chunk = m_r.readString();
        // The first (usually only) chunk is taken as it is.
        for (bool first = true; chunk.status == QCborStreamReader::Ok; first = false) {
            if (first)
                out = std::move(chunk.data);
            else
                out += chunk.data;
            chunk = m_r.readString();
        }
        if (chunk.status != QCborStreamReader::EndOfString)
            return fail(tr("a text string is cut short"));
        out.squeeze(); // readString() leaves spare capacity (measured: 56 for 37 characters)
        return true;
    }
    // null, an integer or text.
    bool value(domain::FieldValue& out) {
        if (!ok())
            return false;
        if (m_r.isNull()) {
            out = std::monostate{};
            return m_r.next();
        }
        if (m_r.isInteger()) {
            std::int64_t n = 0;
            if (!integer(n))
                return false;
            out = n;
            return true;
        }
        if (m_r.isString()) {
            QString t;
            if (!text(t))
                return false;
            out = std::move(t);
            return true;
        }
        return fail(tr("an op's value is neither null, an integer nor text"));
    }
    bool fail(const QString& what) {
        if (!m_failed) {
            m_failed = true;
            m_what = what;
        }
        return false;
    }

private:
    QCborStreamReader m_r;
    bool m_failed = false;
    QString m_what;
};

} // namespace

Result<qsizetype> ChangeSet::opCountOf(const QByteArray& bytes) {
    CanonicalReader in(bytes);
    quint64 items = 0, count = 0;
    std::int64_t format = 0, seq = 0, hlc = 0;
    QByteArray device;
    QString author;
    if (!in.array(items) || items != 6 || !in.integer(format) || format != kChangeSetFormat || !in.bytes(device) ||
        !in.text(author) || !in.integer(seq) || !in.integer(hlc) || !in.array(count) ||
        count > quint64(Limits::maxOpsPerChangeSet))
        return makeError(ErrorCode::InvalidInput,
                         tr("malformed change set: %1").arg(in.ok() ? tr("wrong item types") : in.error()));
    return qsizetype(count);
}

Result<ChangeSet> ChangeSet::fromCanonicalBytes(const QByteArray& bytes, const QByteArray& signature) {
    const auto malformed = [](const QString& what) {
        return makeError(ErrorCode::InvalidInput, tr("malformed change set: %1").arg(what));
    };
    CanonicalReader in(bytes);
    quint64 items = 0;
    if (!in.array(items) || items != 6)
        return malformed(in.ok() ? tr("expected an array of 6 items") : in.error());
    std::int64_t format = 0;
    if (!in.integer(format))
        return malformed(tr("wrong item types"));
    if (format != kChangeSetFormat)
        return makeError(ErrorCode::Unsupported, tr("change set format %1 is not supported; update tabel").arg(format));
    ChangeSet cs;
    quint64 count = 0;
    if (!in.bytes(cs.device) || !in.text(cs.author) || !in.integer(cs.seq) || !in.integer(cs.hlc) || !in.array(count))
        return malformed(tr("wrong item types"));
    if (count > quint64(Limits::maxOpsPerChangeSet))
        return malformed(tr("too many ops"));
    cs.ops.reserve(qsizetype(count));
    // Strings repeat within a change set: consecutive ops name one entity, and a few field names and short values
    // recur. Equal strings share one copy (QString is implicitly shared), which keeps what the hub holds per
    // field smaller (tests/bench/README.md, hub peak memory).
    std::vector<QString> shortStrings;
    const auto share = [&shortStrings](QString& text) {
        if (text.size() > 16)
            return;
        for (const QString& known : shortStrings)
            if (known == text) {
                text = known;
                return;
            }
        if (shortStrings.size() < 64)
            shortStrings.push_back(text);
    };
    for (quint64 i = 0; i < count; ++i) {
        quint64 fields = 0;
        Op op;
        if (!in.array(fields) || fields != 6 || !in.integer(op.hlc) || !in.text(op.entity) || !in.text(op.field))
            return malformed(tr("an op is not [hlc, entity, field, value, baseDevice, baseHlc]"));
        if (!in.value(op.value))
            return malformed(in.error());
        if (!in.integer(op.base.device) || !in.integer(op.base.hlc) || !in.leave())
            return malformed(tr("an op is not [hlc, entity, field, value, baseDevice, baseHlc]"));
        if (!cs.ops.isEmpty() && cs.ops.back().entity == op.entity)
            op.entity = cs.ops.back().entity;
        share(op.field);
        if (std::holds_alternative<QString>(op.value))
            share(std::get<QString>(op.value));
        cs.ops.append(std::move(op));
    }
    if (!in.leave() || !in.leave())
        return malformed(in.error());
    cs.signature = signature;
    // The encoding must be canonical: re-encoding gives the same bytes (trailing bytes included), so the hash the
    // signature covers is unambiguous.
    if (cs.canonicalBytes() != bytes)
        return malformed(tr("not in canonical form"));
    return cs;
}

} // namespace tabel::sync
