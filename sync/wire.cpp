#include "sync/wire.h"

#include "shared/core/zstd.h"

#include <QCborStreamWriter>
#include <QCoreApplication>
#include <QDateTime>
#include <QRandomGenerator>
#include <QStringDecoder>
#include <QStringList>

#include <algorithm>
#include <cstring>
#include <limits>
#include <optional>

namespace tabel::sync {

namespace {

QString tr(const char* s) {
    return QCoreApplication::translate("tabel::sync", s);
}

const QByteArray kFrameContext = QByteArrayLiteral("tabel frame\n");
constexpr qsizetype kMiB = 1024 * 1024;
constexpr int kMaxSkipDepth = 16;

ErrorCode codeFor(WireError kind) {
    switch (kind) {
    case WireError::BadSignature:
    case WireError::Stale:
        return ErrorCode::Crypto;
    case WireError::UnknownVersion:
        return ErrorCode::Unsupported;
    default:
        return ErrorCode::InvalidInput;
    }
}

WireFailure failure(WireError kind, const QString& message) {
    return {kind, makeError(codeFor(kind), message)};
}

QString sizeText(qsizetype bytes) {
    if (bytes >= kMiB && bytes % kMiB == 0)
        return tr("%1 MiB").arg(bytes / kMiB);
    return tr("%1 bytes").arg(bytes);
}

QString versionsText() {
    QStringList v;
    for (int n : supportedProtocolVersions())
        v << QString::number(n);
    return v.join(QStringLiteral(", "));
}

// A strict reader of the CBOR subset the encoders write: definite lengths only; every announced length is
// checked against the limit and the remaining input before anything is allocated. The first failure is kept
// and every later read fails, so callers check once per step.
class CborIn {
public:
    CborIn(const QByteArray& data, const char* context) : m_data(data), m_context(context) {}

    bool failed() const { return m_failure.has_value(); }
    const WireFailure& failureValue() const { return *m_failure; }
    bool atEnd() const { return m_pos == m_data.size(); }

    bool fail(WireError kind, const QString& message) {
        if (!m_failure)
            m_failure = failure(kind, message);
        return false;
    }
    bool truncated(const char* item) {
        return fail(WireError::Truncated, tr("%1 ends in the middle of %2; it was cut short").arg(context(), tr(item)));
    }
    bool garbage(const char* item, const QString& detail) {
        return fail(WireError::Garbage, tr("%1 is malformed at %2: %3").arg(context(), tr(item), detail));
    }
    QString context() const { return tr(m_context); }

    bool array(quint64& n, const char* item) {
        return expect(4, n, item, QT_TRANSLATE_NOOP("tabel::sync", "expected an array"));
    }

    bool uint(quint64& v, const char* item) {
        return expect(0, v, item, QT_TRANSLATE_NOOP("tabel::sync", "expected an unsigned integer"));
    }

    bool int64(std::int64_t& v, const char* item) {
        int major = 0;
        quint64 arg = 0;
        if (!head(major, arg, item))
            return false;
        constexpr quint64 kMax = quint64(std::numeric_limits<std::int64_t>::max());
        if (major == 0 && arg <= kMax) {
            v = std::int64_t(arg);
            return true;
        }
        if (major == 1 && arg <= kMax) {
            v = -1 - std::int64_t(arg);
            return true;
        }
        return garbage(item, tr("expected a 64-bit integer"));
    }

    // A byte string of exactly `exact` bytes (when exact >= 0) or at most maxBytes (over it: `overKind`).
    bool bytes(QByteArray* out, const char* item, qsizetype exact, qsizetype maxBytes = 0,
               WireError overKind = WireError::TooLarge) {
        quint64 len = 0;
        if (!expect(2, len, item, QT_TRANSLATE_NOOP("tabel::sync", "expected a byte string")))
            return false;
        if (exact >= 0 && len != quint64(exact))
            return fail(WireError::WrongLength,
                        tr("%1: %2 is %3 bytes long; it must be %4").arg(context(), tr(item)).arg(len).arg(exact));
        if (exact < 0 && len > quint64(maxBytes))
            return fail(overKind, tr("%1: %2 is %3 bytes; the limit is %4")
                                      .arg(context(), tr(item), QString::number(len), sizeText(maxBytes)));
        return take(out, len, item);
    }

    // A UTF-8 text string of at most maxBytes (over it: FieldTooLarge). out may be null to only check it.
    bool text(QString* out, const char* item, qsizetype maxBytes) {
        quint64 len = 0;
        if (!expect(3, len, item, QT_TRANSLATE_NOOP("tabel::sync", "expected a text string")))
            return false;
        if (len > quint64(maxBytes))
            return fail(WireError::FieldTooLarge,
                        tr("%1: %2 is %3 bytes; the limit is %4")
                            .arg(context(), tr(item), QString::number(len), sizeText(maxBytes)));
        if (!out) { // only checked (a batch is scanned before its sets are opened): nothing copied or decoded
            const qsizetype from = m_pos;
            if (!take(nullptr, len, item))
                return false;
            if (!QByteArrayView(m_data).sliced(from, qsizetype(len)).isValidUtf8())
                return garbage(item, tr("the text is not valid UTF-8"));
            return true;
        }
        QByteArray utf8;
        if (!take(&utf8, len, item))
            return false;
        QStringDecoder decode(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        QString s = decode(utf8);
        if (decode.hasError())
            return garbage(item, tr("the text is not valid UTF-8"));
        if (out)
            *out = std::move(s);
        return true;
    }

    // An op's value: null, an integer or text (text at most Limits::maxTextValueBytes).
    bool value(const char* item) {
        if (m_pos >= m_data.size())
            return truncated(item);
        const auto ib = quint8(m_data.at(m_pos));
        if (ib == 0xf6) { // null
            ++m_pos;
            return true;
        }
        if (ib >> 5 == 3)
            return text(nullptr, item, Limits::maxTextValueBytes);
        std::int64_t ignored = 0;
        return int64(ignored, item);
    }

    // Skips one well-formed item of any kind: the trailing items a later minor revision may add.
    bool skip(const char* item, int depth = 0) {
        if (depth > kMaxSkipDepth)
            return garbage(item, tr("items are nested too deeply"));
        int major = 0;
        quint64 arg = 0;
        if (!head(major, arg, item))
            return false;
        switch (major) {
        case 2:
        case 3:
            return take(nullptr, arg, item);
        case 4:
            for (quint64 i = 0; i < arg; ++i)
                if (!skip(item, depth + 1))
                    return false;
            return true;
        case 5:
            for (quint64 i = 0; i < arg; ++i)
                if (!skip(item, depth + 1) || !skip(item, depth + 1))
                    return false;
            return true;
        case 6:
            return skip(item, depth + 1);
        default:
            return true;
        }
    }

    bool skipExtra(quint64 count, const char* item) {
        for (quint64 i = 0; i < count; ++i)
            if (!skip(item))
                return false;
        return true;
    }

    bool end() {
        if (failed())
            return false;
        if (!atEnd())
            return garbage(QT_TRANSLATE_NOOP("tabel::sync", "its end"),
                           tr("%1 unexpected bytes follow").arg(m_data.size() - m_pos));
        return true;
    }

private:
    bool head(int& major, quint64& arg, const char* item) {
        if (failed())
            return false;
        if (m_pos >= m_data.size())
            return truncated(item);
        const auto ib = quint8(m_data.at(m_pos));
        major = ib >> 5;
        const int ai = ib & 0x1f;
        if (ai < 24) {
            arg = quint64(ai);
            ++m_pos;
            return true;
        }
        if (ai > 27)
            return garbage(item, tr("indefinite lengths and reserved forms are not allowed"));
        const int n = 1 << (ai - 24);
        if (m_data.size() - m_pos - 1 < n)
            return truncated(item);
        arg = 0;
        for (int i = 0; i < n; ++i)
            arg = (arg << 8) | quint8(m_data.at(m_pos + 1 + i));
        m_pos += 1 + n;
        return true;
    }

    // detail: untranslated (QT_TRANSLATE_NOOP), translated only for a failure: every item of every message is read
    // here.
    bool expect(int wanted, quint64& arg, const char* item, const char* detail) {
        int major = 0;
        if (!head(major, arg, item))
            return false;
        if (major != wanted)
            return garbage(item, tr(detail));
        return true;
    }

    bool take(QByteArray* out, quint64 len, const char* item) {
        if (quint64(m_data.size() - m_pos) < len)
            return truncated(item);
        if (out)
            *out = m_data.mid(m_pos, qsizetype(len));
        m_pos += qsizetype(len);
        return true;
    }

    const QByteArray& m_data;
    const char* m_context;
    qsizetype m_pos = 0;
    std::optional<WireFailure> m_failure;
};

#define TABEL_WIRE_CHECK(reader, step)                                                                                 \
    do {                                                                                                               \
        if (!(step))                                                                                                   \
            return (reader).failureValue();                                                                            \
    } while (0)

// Walks a change set's canonical bytes without materializing them: counts its ops against both limits before
// reading one, and checks every length against sync::Limits. The full decode (ChangeSet::fromCanonicalBytes,
// which also insists on canonical form) and the signature are SignedChangeSet::open(), per change set.
std::optional<WireFailure> scanChangeSet(const QByteArray& bytes, const WireLimits& limits, qint64& totalOps) {
    CborIn in(bytes, QT_TRANSLATE_NOOP("tabel::sync", "a change set"));
    quint64 n = 0, format = 0, ops = 0, ignored = 0;
    if (!in.array(n, QT_TRANSLATE_NOOP("tabel::sync", "its start")))
        return in.failureValue();
    if (n != 6) {
        in.garbage(QT_TRANSLATE_NOOP("tabel::sync", "its start"), tr("expected an array of 6 items"));
        return in.failureValue();
    }
    if (!in.uint(format, QT_TRANSLATE_NOOP("tabel::sync", "the format")))
        return in.failureValue();
    if (format != quint64(kChangeSetFormat))
        return failure(
            WireError::UnknownVersion,
            tr("change set format %1 is not supported; this build reads format %2").arg(format).arg(kChangeSetFormat));
    if (!in.bytes(nullptr, QT_TRANSLATE_NOOP("tabel::sync", "the device key"), kDeviceKeyBytes) ||
        !in.text(nullptr, QT_TRANSLATE_NOOP("tabel::sync", "the author"), Limits::maxAuthorBytes) ||
        !in.uint(ignored, QT_TRANSLATE_NOOP("tabel::sync", "the sequence number")) ||
        !in.uint(ignored, QT_TRANSLATE_NOOP("tabel::sync", "the time")) ||
        !in.array(ops, QT_TRANSLATE_NOOP("tabel::sync", "the op list")))
        return in.failureValue();
    if (ops > quint64(Limits::maxOpsPerChangeSet))
        return failure(WireError::TooManyOps,
                       tr("a change set announces %1 ops; the limit is %2").arg(ops).arg(Limits::maxOpsPerChangeSet));
    totalOps += qint64(ops);
    if (totalOps > limits.maxOpsPerBatch)
        return failure(
            WireError::TooManyOps,
            tr("the batch holds more than %1 ops; the node must send smaller batches").arg(limits.maxOpsPerBatch));
    for (quint64 i = 0; i < ops; ++i) {
        const char* const op = QT_TRANSLATE_NOOP("tabel::sync", "an op");
        quint64 items = 0;
        std::int64_t number = 0;
        if (!in.array(items, op))
            return in.failureValue();
        if (items != 6) {
            in.garbage(op, tr("expected [hlc, entity, field, value, baseDevice, baseHlc]"));
            return in.failureValue();
        }
        if (!in.int64(number, QT_TRANSLATE_NOOP("tabel::sync", "an op's time")) ||
            !in.text(nullptr, QT_TRANSLATE_NOOP("tabel::sync", "an op's entity key"), Limits::maxEntityKeyBytes) ||
            !in.text(nullptr, QT_TRANSLATE_NOOP("tabel::sync", "an op's field name"), Limits::maxFieldNameBytes) ||
            !in.value(QT_TRANSLATE_NOOP("tabel::sync", "an op's value")) ||
            !in.int64(number, QT_TRANSLATE_NOOP("tabel::sync", "an op's base device")) ||
            !in.int64(number, QT_TRANSLATE_NOOP("tabel::sync", "an op's base time")))
            return in.failureValue();
    }
    if (!in.end())
        return in.failureValue();
    return std::nullopt;
}

// The common head of every message: [kind, version, …]. Returns the array's length.
std::optional<WireFailure> readMessageHead(CborIn& in, MessageKind expected, int& version, quint64& items,
                                           quint64 minItems) {
    const char* const start = QT_TRANSLATE_NOOP("tabel::sync", "its start");
    quint64 kind = 0, v = 0;
    if (!in.array(items, start))
        return in.failureValue();
    if (items < 2) {
        in.garbage(start, tr("expected [kind, version, …]"));
        return in.failureValue();
    }
    if (!in.uint(kind, QT_TRANSLATE_NOOP("tabel::sync", "the message kind")) ||
        !in.uint(v, QT_TRANSLATE_NOOP("tabel::sync", "the protocol version")))
        return in.failureValue();
    if (kind != quint64(expected))
        return failure(
            WireError::WrongMessage,
            tr("%1 is a message of kind %2, expected kind %3").arg(in.context()).arg(kind).arg(int(expected)));
    if (!supportedProtocolVersions().contains(int(std::min<quint64>(v, 1u << 30))))
        return failure(
            WireError::UnknownVersion,
            tr("protocol version %1 is not supported; this build speaks version %2").arg(v).arg(versionsText()));
    version = int(v);
    if (items < minItems) {
        in.garbage(start, tr("expected at least %1 items, found %2").arg(minItems).arg(items));
        return in.failureValue();
    }
    return std::nullopt;
}

std::optional<WireFailure> checkCount(quint64 n, const WireLimits& limits, const CborIn& in) {
    if (n > quint64(limits.maxChangeSetsPerBatch))
        return failure(
            WireError::TooLarge,
            tr("%1 holds %2 change sets; the limit is %3").arg(in.context()).arg(n).arg(limits.maxChangeSetsPerBatch));
    return std::nullopt;
}

// [canonical, signature, …] inside an entry whose leading items were read already.
bool readSigned(CborIn& in, SignedChangeSet& out, const WireLimits& limits) {
    return in.bytes(&out.canonical, QT_TRANSLATE_NOOP("tabel::sync", "a change set"), -1, limits.maxPayloadBytes,
                    WireError::TooLarge) &&
           in.bytes(&out.signature, QT_TRANSLATE_NOOP("tabel::sync", "a change set's signature"), kSignatureBytes);
}

void writeSigned(QCborStreamWriter& w, const SignedChangeSet& s) {
    w.append(s.canonical);
    w.append(s.signature);
}

// [[periodId, classId, start, end], …] with ISO dates; classId empty: every class.
void writeClosedPeriods(QCborStreamWriter& w, const QList<ClosedPeriod>& periods) {
    w.startArray(quint64(periods.size()));
    for (const ClosedPeriod& p : periods) {
        w.startArray(4);
        w.append(p.periodId);
        w.append(p.classId);
        w.append(p.start.toString(Qt::ISODate));
        w.append(p.end.toString(Qt::ISODate));
        w.endArray();
    }
    w.endArray();
}

std::optional<WireFailure> readClosedPeriods(CborIn& in, QList<ClosedPeriod>& out, const WireLimits& limits) {
    const char* const list = QT_TRANSLATE_NOOP("tabel::sync", "the closed period list");
    const char* const entry = QT_TRANSLATE_NOOP("tabel::sync", "a closed period");
    quint64 count = 0;
    if (!in.array(count, list))
        return in.failureValue();
    if (count > quint64(limits.maxAssignments))
        return failure(WireError::TooLarge,
                       QCoreApplication::translate("tabel::sync", "%1 holds %2 closed periods; the limit is %3")
                           .arg(in.context())
                           .arg(count)
                           .arg(limits.maxAssignments));
    for (quint64 i = 0; i < count; ++i) {
        quint64 n = 0;
        ClosedPeriod p;
        QString start, end;
        if (!in.array(n, entry))
            return in.failureValue();
        if (n < 4) {
            in.garbage(entry, QCoreApplication::translate("tabel::sync", "expected [period, class, start, end]"));
            return in.failureValue();
        }
        if (!(in.text(&p.periodId, entry, limits.maxNodeIdBytes) && in.text(&p.classId, entry, limits.maxNodeIdBytes) &&
              in.text(&start, entry, limits.maxNodeIdBytes) && in.text(&end, entry, limits.maxNodeIdBytes) &&
              in.skipExtra(n - 4, entry)))
            return in.failureValue();
        p.start = QDate::fromString(start, Qt::ISODate);
        p.end = QDate::fromString(end, Qt::ISODate);
        if (p.periodId.isEmpty() || !p.start.isValid() || !p.end.isValid() || p.end < p.start) {
            in.garbage(entry, QCoreApplication::translate("tabel::sync",
                                                          "a closed period needs an id and a span of ISO dates"));
            return in.failureValue();
        }
        out.append(std::move(p));
    }
    return std::nullopt;
}

QByteArray bigEndian(quint64 v, int bytes) {
    QByteArray out(bytes, '\0');
    for (int i = bytes - 1; i >= 0; --i, v >>= 8)
        out[i] = char(v & 0xff);
    return out;
}

QByteArray randomBytes(int n) {
    QByteArray out(n, '\0');
    for (int i = 0; i < n; i += 4) {
        const quint32 r = QRandomGenerator::system()->generate();
        for (int j = 0; j < 4 && i + j < n; ++j)
            out[i + j] = char((r >> (8 * j)) & 0xff);
    }
    return out;
}

// zstdDecompress() reports the bound with this text (shared/core/zstd.cpp); recognising it lets the wire tell a
// bomb or an oversized batch from damaged data. test_wire's bomb and size tests fail if the texts drift apart.
bool isExpansionError(const Error& e, qsizetype bound) {
    return e.message ==
           QCoreApplication::translate("tabel::zstd", "compressed data expands beyond the limit of %1 bytes")
               .arg(bound);
}

} // namespace

// ---- Versions and errors
// ---------------------------------------------------------------------------------------------

QList<int> supportedProtocolVersions() {
    return {kProtocolVersion};
}

QString wireErrorName(WireError e) {
    switch (e) {
    case WireError::Truncated:
        return QStringLiteral("truncated");
    case WireError::Garbage:
        return QStringLiteral("garbage");
    case WireError::TooLarge:
        return QStringLiteral("too-large");
    case WireError::Bomb:
        return QStringLiteral("bomb");
    case WireError::BadSignature:
        return QStringLiteral("bad-signature");
    case WireError::UnknownVersion:
        return QStringLiteral("unknown-version");
    case WireError::TooManyOps:
        return QStringLiteral("too-many-ops");
    case WireError::FieldTooLarge:
        return QStringLiteral("field-too-large");
    case WireError::WrongLength:
        return QStringLiteral("wrong-length");
    case WireError::WrongMessage:
        return QStringLiteral("wrong-message");
    case WireError::Stale:
        return QStringLiteral("stale");
    }
    return QStringLiteral("unknown");
}

int httpStatus(WireError e) {
    switch (e) {
    case WireError::TooLarge:
    case WireError::Bomb:
    case WireError::TooManyOps:
    case WireError::FieldTooLarge:
        return 413;
    case WireError::BadSignature:
    case WireError::Stale:
        return 401;
    case WireError::UnknownVersion:
        return 426;
    default:
        return 400;
    }
}

// ---- Messages
// --------------------------------------------------------------------------------------------------------

Result<ChangeSet> SignedChangeSet::open() const {
    TABEL_ASSIGN_OR_RETURN(ChangeSet cs, ChangeSet::fromCanonicalBytes(canonical, signature));
    TABEL_TRY(cs.verifyCanonical(canonical)); // fromCanonicalBytes checked that the bytes are canonical
    return cs;
}

QByteArray encode(const PushBatch& batch) {
    // [1, version, nodeId, batchId, cursor, [[canonical, signature], …] (, pullMax)]
    QByteArray out;
    QCborStreamWriter w(&out);
    w.startArray(batch.pullMax ? 7 : 6);
    w.append(qint64(MessageKind::Push));
    w.append(qint64(batch.version));
    w.append(batch.nodeId);
    w.append(batch.batchId);
    w.append(quint64(batch.cursor));
    w.startArray(quint64(batch.changeSets.size()));
    for (const SignedChangeSet& s : batch.changeSets) {
        w.startArray(2);
        writeSigned(w, s);
        w.endArray();
    }
    w.endArray();
    if (batch.pullMax)
        w.append(quint64(*batch.pullMax));
    w.endArray();
    return out;
}

QByteArray encode(const PullBatch& batch) {
    // [2, version, fromCursor, toCursor, [[hubSeq, canonical, signature], …]
    //  (, [[periodId, classId, start, end], …], [[seq, accepted, amendmentId, text], …])]
    // The two trailing items only when the batch carries closed periods or notices: the bytes of a batch
    // without them are those of the first revision of version 1. Then (, [[id, entity, field], …]) when the batch
    // carries the open conflicts (an 8th item: items 6 and 7 are written too, empty when not given).
    // Then (, complete) as a 9th item, only with the 8th (a hub that sends one sends both).
    const bool withConflicts = batch.openConflicts.has_value();
    const bool withComplete = withConflicts && batch.complete.has_value();
    const bool extended = batch.closedPeriods.has_value() || !batch.notices.isEmpty() || withConflicts;
    QByteArray out;
    QCborStreamWriter w(&out);
    w.startArray(withComplete ? 9 : withConflicts ? 8 : extended ? 7 : 5);
    w.append(qint64(MessageKind::Pull));
    w.append(qint64(batch.version));
    w.append(quint64(batch.fromCursor));
    w.append(quint64(batch.toCursor));
    w.startArray(quint64(batch.changeSets.size()));
    for (const PulledChangeSet& p : batch.changeSets) {
        w.startArray(3);
        w.append(quint64(p.hubSeq));
        writeSigned(w, p.changeSet);
        w.endArray();
    }
    w.endArray();
    if (extended) {
        writeClosedPeriods(w, batch.closedPeriods.value_or(QList<ClosedPeriod>()));
        w.startArray(quint64(batch.notices.size()));
        for (const AmendmentNotice& n : batch.notices) {
            w.startArray(4);
            w.append(qint64(n.seq));
            w.append(quint64(n.accepted ? 1 : 0));
            w.append(qint64(n.amendmentId));
            w.append(n.text);
            w.endArray();
        }
        w.endArray();
    }
    if (withConflicts) {
        // (, [[id, entity, field], …]): the open conflicts that concern the pulling node.
        w.startArray(quint64(batch.openConflicts->size()));
        for (const OpenConflict& c : *batch.openConflicts) {
            w.startArray(3);
            w.append(c.id);
            w.append(c.entity);
            w.append(c.field);
            w.endArray();
        }
        w.endArray();
    }
    if (withComplete)
        w.append(quint64(*batch.complete ? 1 : 0));
    w.endArray();
    return out;
}

QByteArray encode(const Ack& ack) {
    // [3, version, batchId, [[seq, status, reason, text], …] (, pulled : bytes)], pulled being the encoded PullBatch
    QByteArray out;
    QCborStreamWriter w(&out);
    w.startArray(ack.pulled ? 5 : 4);
    w.append(qint64(MessageKind::Ack));
    w.append(qint64(ack.version));
    w.append(ack.batchId);
    w.startArray(quint64(ack.entries.size()));
    for (const AckEntry& e : ack.entries) {
        w.startArray(4);
        w.append(qint64(e.seq));
        w.append(qint64(e.status));
        w.append(qint64(e.reason));
        w.append(e.text);
        w.endArray();
    }
    w.endArray();
    if (ack.pulled)
        w.append(*ack.pulled);
    w.endArray();
    return out;
}

WireResult<PushBatch> decodePushBatch(const QByteArray& cbor, const WireLimits& limits) {
    CborIn in(cbor, QT_TRANSLATE_NOOP("tabel::sync", "the push batch"));
    PushBatch b;
    quint64 items = 0, count = 0;
    if (auto f = readMessageHead(in, MessageKind::Push, b.version, items, 6))
        return *f;
    TABEL_WIRE_CHECK(in, in.text(&b.nodeId, QT_TRANSLATE_NOOP("tabel::sync", "the node id"), limits.maxNodeIdBytes));
    if (b.nodeId.isEmpty())
        return failure(WireError::Garbage, tr("the push batch names no node"));
    TABEL_WIRE_CHECK(in, in.bytes(&b.batchId, QT_TRANSLATE_NOOP("tabel::sync", "the batch id"), kBatchIdBytes));
    TABEL_WIRE_CHECK(in, in.uint(b.cursor, QT_TRANSLATE_NOOP("tabel::sync", "the cursor")));
    TABEL_WIRE_CHECK(in, in.array(count, QT_TRANSLATE_NOOP("tabel::sync", "the change set list")));
    if (auto f = checkCount(count, limits, in))
        return *f;
    b.changeSets.reserve(qsizetype(count));
    qint64 ops = 0;
    for (quint64 i = 0; i < count; ++i) {
        const char* const entry = QT_TRANSLATE_NOOP("tabel::sync", "a change set entry");
        quint64 n = 0;
        TABEL_WIRE_CHECK(in, in.array(n, entry));
        if (n < 2) {
            in.garbage(entry, tr("expected [changeSet, signature]"));
            return in.failureValue();
        }
        SignedChangeSet s;
        TABEL_WIRE_CHECK(in, readSigned(in, s, limits) && in.skipExtra(n - 2, entry));
        if (auto f = scanChangeSet(s.canonical, limits, ops))
            return *f;
        b.changeSets.append(std::move(s));
    }
    if (items >= 7) {
        quint64 pullMax = 0;
        TABEL_WIRE_CHECK(in, in.uint(pullMax, QT_TRANSLATE_NOOP("tabel::sync", "the pull's size")));
        b.pullMax = pullMax;
    }
    TABEL_WIRE_CHECK(
        in, in.skipExtra(items - std::min<quint64>(items, 7), QT_TRANSLATE_NOOP("tabel::sync", "an added item")) &&
                in.end());
    return b;
}

WireResult<PullBatch> decodePullBatch(const QByteArray& cbor, const WireLimits& limits) {
    CborIn in(cbor, QT_TRANSLATE_NOOP("tabel::sync", "the pull batch"));
    PullBatch b;
    quint64 items = 0, count = 0;
    if (auto f = readMessageHead(in, MessageKind::Pull, b.version, items, 5))
        return *f;
    TABEL_WIRE_CHECK(in, in.uint(b.fromCursor, QT_TRANSLATE_NOOP("tabel::sync", "the first cursor")) &&
                             in.uint(b.toCursor, QT_TRANSLATE_NOOP("tabel::sync", "the last cursor")) &&
                             in.array(count, QT_TRANSLATE_NOOP("tabel::sync", "the change set list")));
    if (auto f = checkCount(count, limits, in))
        return *f;
    b.changeSets.reserve(qsizetype(count));
    qint64 ops = 0;
    for (quint64 i = 0; i < count; ++i) {
        const char* const entry = QT_TRANSLATE_NOOP("tabel::sync", "a change set entry");
        quint64 n = 0;
        TABEL_WIRE_CHECK(in, in.array(n, entry));
        if (n < 3) {
            in.garbage(entry, tr("expected [hubSeq, changeSet, signature]"));
            return in.failureValue();
        }
        PulledChangeSet p;
        TABEL_WIRE_CHECK(in, in.uint(p.hubSeq, QT_TRANSLATE_NOOP("tabel::sync", "the hub sequence")) &&
                                 readSigned(in, p.changeSet, limits) && in.skipExtra(n - 3, entry));
        if (auto f = scanChangeSet(p.changeSet.canonical, limits, ops))
            return *f;
        b.changeSets.append(std::move(p));
    }
    if (items >= 6) {
        QList<ClosedPeriod> closed;
        if (auto f = readClosedPeriods(in, closed, limits))
            return *f;
        b.closedPeriods = std::move(closed);
    }
    if (items >= 7) {
        const char* const list = QT_TRANSLATE_NOOP("tabel::sync", "the notice list");
        const char* const entry = QT_TRANSLATE_NOOP("tabel::sync", "a notice");
        quint64 n = 0;
        TABEL_WIRE_CHECK(in, in.array(n, list));
        if (auto f = checkCount(n, limits, in))
            return *f;
        for (quint64 i = 0; i < n; ++i) {
            quint64 fields = 0, accepted = 0;
            AmendmentNotice notice;
            TABEL_WIRE_CHECK(in, in.array(fields, entry));
            if (fields < 4) {
                in.garbage(entry, tr("expected [seq, accepted, amendmentId, text]"));
                return in.failureValue();
            }
            TABEL_WIRE_CHECK(
                in, in.int64(notice.seq, entry) && in.uint(accepted, entry) && in.int64(notice.amendmentId, entry) &&
                        in.text(&notice.text, entry, limits.maxReasonBytes) && in.skipExtra(fields - 4, entry));
            if (accepted > 1)
                return failure(WireError::Garbage,
                               tr("a notice says neither accepted nor declined (%1)").arg(accepted));
            notice.accepted = accepted == 1;
            b.notices.append(std::move(notice));
        }
    }
    if (items >= 8) {
        const char* const list = QT_TRANSLATE_NOOP("tabel::sync", "the open conflict list");
        const char* const entry = QT_TRANSLATE_NOOP("tabel::sync", "an open conflict");
        quint64 n = 0;
        TABEL_WIRE_CHECK(in, in.array(n, list));
        if (n > quint64(limits.maxOpenConflicts))
            return failure(WireError::TooLarge, tr("%1 holds %2 open conflicts; the limit is %3")
                                                    .arg(in.context())
                                                    .arg(n)
                                                    .arg(limits.maxOpenConflicts));
        QList<OpenConflict> open;
        for (quint64 i = 0; i < n; ++i) {
            quint64 fields = 0;
            OpenConflict c;
            TABEL_WIRE_CHECK(in, in.array(fields, entry));
            if (fields < 3) {
                in.garbage(entry, tr("expected [id, entity, field]"));
                return in.failureValue();
            }
            TABEL_WIRE_CHECK(in, in.text(&c.id, entry, limits.maxNodeIdBytes) &&
                                     in.text(&c.entity, entry, Limits::maxEntityKeyBytes) &&
                                     in.text(&c.field, entry, Limits::maxFieldNameBytes) &&
                                     in.skipExtra(fields - 3, entry));
            open.append(std::move(c));
        }
        b.openConflicts = std::move(open);
    }
    if (items >= 9) {
        quint64 complete = 0;
        TABEL_WIRE_CHECK(in, in.uint(complete, QT_TRANSLATE_NOOP("tabel::sync", "the end-of-log flag")));
        if (complete > 1)
            return failure(WireError::Garbage, tr("the end-of-log flag is %1, expected 0 or 1").arg(complete));
        b.complete = complete == 1;
    }
    TABEL_WIRE_CHECK(
        in, in.skipExtra(items - std::min<quint64>(items, 9), QT_TRANSLATE_NOOP("tabel::sync", "an added item")) &&
                in.end());
    return b;
}

WireResult<Ack> decodeAck(const QByteArray& cbor, const WireLimits& limits) {
    CborIn in(cbor, QT_TRANSLATE_NOOP("tabel::sync", "the acknowledgement"));
    Ack a;
    quint64 items = 0, count = 0;
    if (auto f = readMessageHead(in, MessageKind::Ack, a.version, items, 4))
        return *f;
    TABEL_WIRE_CHECK(in, in.bytes(&a.batchId, QT_TRANSLATE_NOOP("tabel::sync", "the batch id"), kBatchIdBytes) &&
                             in.array(count, QT_TRANSLATE_NOOP("tabel::sync", "the entry list")));
    if (auto f = checkCount(count, limits, in))
        return *f;
    a.entries.reserve(qsizetype(count));
    for (quint64 i = 0; i < count; ++i) {
        const char* const entry = QT_TRANSLATE_NOOP("tabel::sync", "an entry");
        quint64 n = 0, status = 0, reason = 0;
        AckEntry e;
        TABEL_WIRE_CHECK(in, in.array(n, entry));
        if (n < 4) {
            in.garbage(entry, tr("expected [seq, status, reason, text]"));
            return in.failureValue();
        }
        TABEL_WIRE_CHECK(
            in, in.int64(e.seq, QT_TRANSLATE_NOOP("tabel::sync", "the sequence number")) &&
                    in.uint(status, QT_TRANSLATE_NOOP("tabel::sync", "the status")) &&
                    in.uint(reason, QT_TRANSLATE_NOOP("tabel::sync", "the reason code")) &&
                    in.text(&e.text, QT_TRANSLATE_NOOP("tabel::sync", "the reason text"), limits.maxReasonBytes) &&
                    in.skipExtra(n - 4, entry));
        if (status > quint64(AckStatus::Rejected) || reason > quint64(std::numeric_limits<int>::max()))
            return failure(WireError::Garbage, tr("the acknowledgement holds an unknown status %1").arg(status));
        e.status = AckStatus(status);
        e.reason = int(reason);
        a.entries.append(std::move(e));
    }
    if (items >= 5) {
        QByteArray pulled; // decoded by the node with decodePullBatch, after it has recorded the Ack
        TABEL_WIRE_CHECK(
            in, in.bytes(&pulled, QT_TRANSLATE_NOOP("tabel::sync", "the pull's answer"), -1, limits.maxPayloadBytes));
        a.pulled = std::move(pulled);
    }
    TABEL_WIRE_CHECK(
        in, in.skipExtra(items - std::min<quint64>(items, 5), QT_TRANSLATE_NOOP("tabel::sync", "an added item")) &&
                in.end());
    return a;
}

QByteArray encode(const EnrollRequest& request) {
    // [4, version, secret, nodeName]
    QByteArray out;
    QCborStreamWriter w(&out);
    w.startArray(4);
    w.append(qint64(MessageKind::EnrollRequest));
    w.append(qint64(request.version));
    w.append(request.secret);
    w.append(request.nodeName);
    w.endArray();
    return out;
}

QByteArray encode(const Enrolled& enrolled) {
    // [5, version, nodeId, teacherId, teacherName, [[class, subject, group], …]]
    QByteArray out;
    QCborStreamWriter w(&out);
    // (, [[periodId, classId, start, end], …]) only when periods are closed: trailing, added within version 1.
    w.startArray(enrolled.closedPeriods.isEmpty() ? 6 : 7);
    w.append(qint64(MessageKind::Enrolled));
    w.append(qint64(enrolled.version));
    w.append(enrolled.nodeId);
    w.append(enrolled.teacherId);
    w.append(enrolled.teacherName);
    w.startArray(quint64(enrolled.assignments.size()));
    for (const EnrolledAssignment& a : enrolled.assignments) {
        w.startArray(3);
        w.append(a.classId);
        w.append(a.subjectId);
        w.append(a.groupId);
        w.endArray();
    }
    w.endArray();
    if (!enrolled.closedPeriods.isEmpty())
        writeClosedPeriods(w, enrolled.closedPeriods);
    w.endArray();
    return out;
}

QByteArray encode(const PullRequest& request) {
    // [6, version, cursor, maxChangeSets]
    QByteArray out;
    QCborStreamWriter w(&out);
    w.startArray(4);
    w.append(qint64(MessageKind::PullRequest));
    w.append(qint64(request.version));
    w.append(quint64(request.cursor));
    w.append(quint64(request.maxChangeSets));
    w.endArray();
    return out;
}

WireResult<EnrollRequest> decodeEnrollRequest(const QByteArray& cbor, const WireLimits& limits) {
    CborIn in(cbor, QT_TRANSLATE_NOOP("tabel::sync", "the enrolment request"));
    EnrollRequest r;
    quint64 items = 0;
    if (auto f = readMessageHead(in, MessageKind::EnrollRequest, r.version, items, 4))
        return *f;
    TABEL_WIRE_CHECK(
        in, in.bytes(&r.secret, QT_TRANSLATE_NOOP("tabel::sync", "the enrolment secret"), kEnrollSecretBytes) &&
                in.text(&r.nodeName, QT_TRANSLATE_NOOP("tabel::sync", "the node name"), limits.maxNodeIdBytes));
    TABEL_WIRE_CHECK(in, in.skipExtra(items - 4, QT_TRANSLATE_NOOP("tabel::sync", "an added item")) && in.end());
    return r;
}

WireResult<Enrolled> decodeEnrolled(const QByteArray& cbor, const WireLimits& limits) {
    CborIn in(cbor, QT_TRANSLATE_NOOP("tabel::sync", "the enrolment answer"));
    Enrolled e;
    quint64 items = 0, count = 0;
    if (auto f = readMessageHead(in, MessageKind::Enrolled, e.version, items, 6))
        return *f;
    TABEL_WIRE_CHECK(
        in,
        in.text(&e.nodeId, QT_TRANSLATE_NOOP("tabel::sync", "the node id"), limits.maxNodeIdBytes) &&
            in.text(&e.teacherId, QT_TRANSLATE_NOOP("tabel::sync", "the teacher id"), limits.maxNodeIdBytes) &&
            in.text(&e.teacherName, QT_TRANSLATE_NOOP("tabel::sync", "the teacher's name"), limits.maxReasonBytes) &&
            in.array(count, QT_TRANSLATE_NOOP("tabel::sync", "the assignment list")));
    if (count > quint64(limits.maxAssignments))
        return failure(
            WireError::TooLarge,
            tr("%1 holds %2 assignments; the limit is %3").arg(in.context()).arg(count).arg(limits.maxAssignments));
    for (quint64 i = 0; i < count; ++i) {
        const char* const entry = QT_TRANSLATE_NOOP("tabel::sync", "an assignment");
        quint64 n = 0;
        EnrolledAssignment a;
        TABEL_WIRE_CHECK(in, in.array(n, entry));
        if (n < 3) {
            in.garbage(entry, tr("expected [class, subject, group]"));
            return in.failureValue();
        }
        TABEL_WIRE_CHECK(in, in.text(&a.classId, entry, limits.maxNodeIdBytes) &&
                                 in.text(&a.subjectId, entry, limits.maxNodeIdBytes) &&
                                 in.text(&a.groupId, entry, limits.maxNodeIdBytes) && in.skipExtra(n - 3, entry));
        e.assignments.append(std::move(a));
    }
    if (items >= 7)
        if (auto f = readClosedPeriods(in, e.closedPeriods, limits))
            return *f;
    TABEL_WIRE_CHECK(
        in, in.skipExtra(items - std::min<quint64>(items, 7), QT_TRANSLATE_NOOP("tabel::sync", "an added item")) &&
                in.end());
    return e;
}

WireResult<PullRequest> decodePullRequest(const QByteArray& cbor, const WireLimits& limits) {
    Q_UNUSED(limits);
    CborIn in(cbor, QT_TRANSLATE_NOOP("tabel::sync", "the pull request"));
    PullRequest r;
    quint64 items = 0;
    if (auto f = readMessageHead(in, MessageKind::PullRequest, r.version, items, 4))
        return *f;
    TABEL_WIRE_CHECK(in, in.uint(r.cursor, QT_TRANSLATE_NOOP("tabel::sync", "the cursor")) &&
                             in.uint(r.maxChangeSets, QT_TRANSLATE_NOOP("tabel::sync", "the change set count")));
    TABEL_WIRE_CHECK(in, in.skipExtra(items - 4, QT_TRANSLATE_NOOP("tabel::sync", "an added item")) && in.end());
    return r;
}

QByteArray encode(const PrintsReport& report) {
    // [7, version, nodeId, [[number, printedMs, who, form, parameters, format, pages, bytes, sha256], …]]
    QByteArray out;
    QCborStreamWriter w(&out);
    w.startArray(4);
    w.append(qint64(MessageKind::PrintsReport));
    w.append(qint64(report.version));
    w.append(report.nodeId);
    w.startArray(quint64(report.prints.size()));
    for (const PrintEntry& p : report.prints) {
        w.startArray(9);
        w.append(quint64(p.number));
        w.append(qint64(p.printedMs));
        w.append(p.who);
        w.append(p.form);
        w.append(p.parameters);
        w.append(p.format);
        w.append(quint64(p.pages));
        w.append(quint64(p.bytes));
        w.append(p.sha256);
        w.endArray();
    }
    w.endArray();
    w.endArray();
    return out;
}

QByteArray encode(const PrintsAck& ack) {
    // [8, version, [number, …]]
    QByteArray out;
    QCborStreamWriter w(&out);
    w.startArray(3);
    w.append(qint64(MessageKind::PrintsAck));
    w.append(qint64(ack.version));
    w.startArray(quint64(ack.numbers.size()));
    for (quint64 n : ack.numbers)
        w.append(n);
    w.endArray();
    w.endArray();
    return out;
}

WireResult<PrintsReport> decodePrintsReport(const QByteArray& cbor, const WireLimits& limits) {
    CborIn in(cbor, QT_TRANSLATE_NOOP("tabel::sync", "the report of prints"));
    PrintsReport r;
    quint64 items = 0, count = 0;
    if (auto f = readMessageHead(in, MessageKind::PrintsReport, r.version, items, 4))
        return *f;
    TABEL_WIRE_CHECK(in, in.text(&r.nodeId, QT_TRANSLATE_NOOP("tabel::sync", "the node id"), limits.maxNodeIdBytes) &&
                             in.array(count, QT_TRANSLATE_NOOP("tabel::sync", "the list of prints")));
    if (count > quint64(limits.maxPrintsPerReport))
        return failure(
            WireError::TooLarge,
            tr("%1 holds %2 prints; the limit is %3").arg(in.context()).arg(count).arg(limits.maxPrintsPerReport));
    for (quint64 i = 0; i < count; ++i) {
        const char* const entry = QT_TRANSLATE_NOOP("tabel::sync", "a print");
        quint64 n = 0;
        PrintEntry p;
        TABEL_WIRE_CHECK(in, in.array(n, entry));
        if (n < 9) {
            in.garbage(entry, tr("expected [number, time, who, form, parameters, format, pages, bytes, sha256]"));
            return in.failureValue();
        }
        TABEL_WIRE_CHECK(
            in, in.uint(p.number, entry) && in.int64(p.printedMs, entry) &&
                    in.text(&p.who, entry, limits.maxNodeIdBytes) && in.text(&p.form, entry, limits.maxNodeIdBytes) &&
                    in.text(&p.parameters, entry, limits.maxReasonBytes) &&
                    in.text(&p.format, entry, limits.maxNodeIdBytes) && in.uint(p.pages, entry) &&
                    in.uint(p.bytes, entry) && in.bytes(&p.sha256, entry, kSha256Bytes) && in.skipExtra(n - 9, entry));
        r.prints.append(std::move(p));
    }
    TABEL_WIRE_CHECK(in, in.skipExtra(items - 4, QT_TRANSLATE_NOOP("tabel::sync", "an added item")) && in.end());
    return r;
}

WireResult<PrintsAck> decodePrintsAck(const QByteArray& cbor, const WireLimits& limits) {
    CborIn in(cbor, QT_TRANSLATE_NOOP("tabel::sync", "the answer to a report of prints"));
    PrintsAck a;
    quint64 items = 0, count = 0;
    if (auto f = readMessageHead(in, MessageKind::PrintsAck, a.version, items, 3))
        return *f;
    TABEL_WIRE_CHECK(in, in.array(count, QT_TRANSLATE_NOOP("tabel::sync", "the list of numbers")));
    if (count > quint64(limits.maxPrintsPerReport))
        return failure(
            WireError::TooLarge,
            tr("%1 holds %2 numbers; the limit is %3").arg(in.context()).arg(count).arg(limits.maxPrintsPerReport));
    for (quint64 i = 0; i < count; ++i) {
        quint64 n = 0;
        TABEL_WIRE_CHECK(in, in.uint(n, QT_TRANSLATE_NOOP("tabel::sync", "a print's number")));
        a.numbers.append(n);
    }
    TABEL_WIRE_CHECK(in, in.skipExtra(items - 3, QT_TRANSLATE_NOOP("tabel::sync", "an added item")) && in.end());
    return a;
}

namespace {
constexpr char kBase32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr int kCodeLetters = ((kEnrollFingerprintBytes + kEnrollSecretBytes) * 8 + 4) / 5;
constexpr int kCodeGroup = 6;
} // namespace

QString formatEnrolmentCode(const EnrolmentCode& code) {
    const QByteArray bytes = code.fingerprintPrefix + code.secret;
    QString out;
    quint32 buffer = 0;
    int bits = 0, letters = 0;
    const auto put = [&](int value) {
        if (letters > 0 && letters % kCodeGroup == 0)
            out += u'-';
        out += QLatin1Char(kBase32[value & 31]);
        ++letters;
    };
    for (const char c : bytes) {
        buffer = (buffer << 8) | quint8(c);
        bits += 8;
        while (bits >= 5) {
            put(int(buffer >> (bits - 5)));
            bits -= 5;
        }
    }
    if (bits > 0)
        put(int(buffer << (5 - bits)));
    return out;
}

Result<EnrolmentCode> parseEnrolmentCode(const QString& text) {
    const auto bad = [&text]() {
        return makeError(ErrorCode::InvalidArgument,
                         tr("«%1» is not an enrolment code; it has %2 letters and digits in groups, like "
                            "ABCDEF-GHIJKL-…, as «tabel-hub node add» printed it")
                             .arg(text)
                             .arg(kCodeLetters));
    };
    QByteArray bytes;
    quint32 buffer = 0;
    int bits = 0, letters = 0;
    for (const QChar ch : text) {
        if (ch == u'-' || ch.isSpace())
            continue;
        const char c = char(ch.toUpper().toLatin1());
        const char* at = c ? std::strchr(kBase32, c) : nullptr;
        if (!at)
            return bad();
        buffer = (buffer << 5) | quint32(at - kBase32);
        bits += 5;
        ++letters;
        if (bits >= 8) {
            bytes.append(char((buffer >> (bits - 8)) & 0xff));
            bits -= 8;
        }
        buffer &= (1u << bits) - 1;
    }
    if (letters != kCodeLetters || bytes.size() != kEnrollFingerprintBytes + kEnrollSecretBytes || buffer != 0)
        return bad();
    return EnrolmentCode{bytes.left(kEnrollFingerprintBytes), bytes.mid(kEnrollFingerprintBytes)};
}

QByteArray newBatchId() {
    return randomBytes(kBatchIdBytes);
}
QByteArray newNonce() {
    return randomBytes(kNonceBytes);
}

// ---- Compression
// -----------------------------------------------------------------------------------------------------

Result<QByteArray> compressPayload(const QByteArray& cbor, std::optional<int> level) {
    return zstdCompress(cbor, level ? *level : zstdLevelFor(cbor.size()));
}

WireResult<QByteArray> decompressPayload(const QByteArray& compressed, const WireLimits& limits) {
    if (compressed.isEmpty())
        return failure(WireError::Garbage, tr("the payload is empty"));
    // Both sizes fit in 64 bits: the compressed size is at most the frame limit.
    const qint64 byRatio = std::max<qint64>(limits.ratioFloorBytes, qint64(compressed.size()) * limits.maxRatio);
    const qsizetype bound = qsizetype(std::min<qint64>(limits.maxPayloadBytes, byRatio));
    Result<QByteArray> out = zstdDecompress(compressed, bound);
    if (out)
        return std::move(out).value();
    if (isExpansionError(out.error(), bound)) {
        if (bound == limits.maxPayloadBytes)
            return failure(WireError::TooLarge, tr("the batch expands beyond %1; the node must send smaller batches")
                                                    .arg(sizeText(limits.maxPayloadBytes)));
        return failure(WireError::Bomb, tr("the payload of %1 expands more than %2 times its size; it is refused as a "
                                           "decompression bomb")
                                            .arg(sizeText(compressed.size()))
                                            .arg(limits.maxRatio));
    }
    return failure(WireError::Garbage, tr("the payload is not valid zstd data: %1").arg(out.error().message));
}

// ---- Frames
// ----------------------------------------------------------------------------------------------------------

QByteArray frameSigningMessage(int version, const QByteArray& deviceKey, std::int64_t timeMs, const QByteArray& nonce,
                               const QByteArray& payload) {
    return kFrameContext + bigEndian(quint64(quint32(version)), 4) + deviceKey + bigEndian(quint64(timeMs), 8) + nonce +
           crypto::blake2b256(payload);
}

QByteArray assembleFrame(const Frame& f) {
    QByteArray out;
    QCborStreamWriter w(&out);
    w.startArray(6);
    w.append(qint64(f.version));
    w.append(f.deviceKey);
    w.append(qint64(f.timeMs));
    w.append(f.nonce);
    w.append(f.payload);
    w.append(f.signature);
    w.endArray();
    return out;
}

Result<QByteArray> encodeFrame(const QByteArray& messageCbor, const crypto::SigningKeyPair& key, std::int64_t timeMs,
                               const QByteArray& nonce, std::optional<int> level) {
    if (nonce.size() != kNonceBytes)
        return makeError(ErrorCode::InvalidArgument, tr("a frame's nonce must be %1 bytes").arg(kNonceBytes));
    if (key.publicKey.size() != kDeviceKeyBytes)
        return makeError(ErrorCode::InvalidArgument, tr("the device key must be %1 bytes").arg(kDeviceKeyBytes));
    if (timeMs < 0)
        return makeError(ErrorCode::InvalidArgument, tr("a frame's time cannot be negative"));
    Frame f;
    f.deviceKey = key.publicKey;
    f.timeMs = timeMs;
    f.nonce = nonce;
    TABEL_ASSIGN_OR_RETURN(f.payload, compressPayload(messageCbor, level));
    f.signature = key.sign(frameSigningMessage(f.version, f.deviceKey, f.timeMs, f.nonce, f.payload));
    return assembleFrame(f);
}

WireResult<Frame> openFrame(const QByteArray& bytes, const WireLimits& limits) {
    if (bytes.size() > limits.maxFrameBytes)
        return failure(WireError::TooLarge, tr("the request is %1 bytes; the limit is %2; the node must send smaller "
                                               "batches")
                                                .arg(bytes.size())
                                                .arg(sizeText(limits.maxFrameBytes)));
    CborIn in(bytes, QT_TRANSLATE_NOOP("tabel::sync", "the request"));
    const char* const start = QT_TRANSLATE_NOOP("tabel::sync", "its start");
    Frame f;
    quint64 items = 0, version = 0, time = 0;
    TABEL_WIRE_CHECK(in, in.array(items, start));
    if (items < 1) {
        in.garbage(start, tr("expected [version, …]"));
        return in.failureValue();
    }
    // The version comes first so that a later version may change everything after it.
    TABEL_WIRE_CHECK(in, in.uint(version, QT_TRANSLATE_NOOP("tabel::sync", "the protocol version")));
    if (!supportedProtocolVersions().contains(int(std::min<quint64>(version, 1u << 30))))
        return failure(WireError::UnknownVersion,
                       tr("protocol version %1 is not supported; this hub speaks version %2; update tabel")
                           .arg(version)
                           .arg(versionsText()));
    f.version = int(version);
    if (items != 6) {
        in.garbage(start, tr("expected [version, deviceKey, time, nonce, payload, signature]"));
        return in.failureValue();
    }
    TABEL_WIRE_CHECK(
        in, in.bytes(&f.deviceKey, QT_TRANSLATE_NOOP("tabel::sync", "the device key"), kDeviceKeyBytes) &&
                in.uint(time, QT_TRANSLATE_NOOP("tabel::sync", "the time")) &&
                in.bytes(&f.nonce, QT_TRANSLATE_NOOP("tabel::sync", "the nonce"), kNonceBytes) &&
                in.bytes(&f.payload, QT_TRANSLATE_NOOP("tabel::sync", "the payload"), -1, limits.maxFrameBytes,
                         WireError::TooLarge) &&
                in.bytes(&f.signature, QT_TRANSLATE_NOOP("tabel::sync", "the signature"), kSignatureBytes) && in.end());
    if (time > quint64(std::numeric_limits<std::int64_t>::max()))
        return failure(WireError::Garbage, tr("the request's time is out of range"));
    f.timeMs = std::int64_t(time);
    // Authenticate before decompressing: a stranger cannot make the hub expand anything.
    if (!crypto::verify(f.deviceKey, frameSigningMessage(f.version, f.deviceKey, f.timeMs, f.nonce, f.payload),
                        f.signature))
        return failure(
            WireError::BadSignature,
            tr("the request's signature does not match its device key %1").arg(crypto::fingerprint(f.deviceKey)));
    return f;
}

WireStatus expandFrame(Frame& frame, const WireLimits& limits) {
    WireResult<QByteArray> message = decompressPayload(frame.payload, limits);
    if (!message)
        return message.failure();
    frame.message = std::move(message).value();
    return {};
}

WireResult<Frame> decodeFrame(const QByteArray& bytes, const WireLimits& limits) {
    WireResult<Frame> frame = openFrame(bytes, limits);
    if (!frame)
        return frame;
    if (WireStatus expanded = expandFrame(*frame, limits); !expanded)
        return expanded.failure();
    return frame;
}

WireStatus checkFreshness(std::int64_t timeMs, std::int64_t nowMs, std::int64_t maxSkewMs) {
    // The difference of two int64 always fits in a uint64.
    const quint64 skew = timeMs > nowMs ? quint64(timeMs) - quint64(nowMs) : quint64(nowMs) - quint64(timeMs);
    if (maxSkewMs >= 0 && skew <= quint64(maxSkewMs))
        return {};
    return failure(WireError::Stale,
                   tr("the request was signed at %1, %2 s %3 the hub's clock; at most %4 s is accepted; check the "
                      "node's date and time")
                       .arg(QDateTime::fromMSecsSinceEpoch(timeMs, Qt::UTC).toString(Qt::ISODate))
                       .arg(skew / 1000)
                       .arg(timeMs > nowMs ? tr("ahead of") : tr("behind"))
                       .arg(maxSkewMs / 1000));
}

} // namespace tabel::sync
