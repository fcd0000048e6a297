// Ops and change sets (R-S3): the canonical CBOR encoding, signing, verification and decoding of sync/op.h,
// and the golden files that keep protocol version 1 byte-stable (sync/PROTOCOL.md).
//
// Regenerate the golden files (only when a new protocol version is published, never to make a test pass):
//   TABEL_REGENERATE_GOLDEN=1 ctest -R test_op
#include "shared/core/hlc.h"
#include "shared/crypto/secret.h"
#include "shared/crypto/signing.h"
#include "sync/op.h"
#include "tests/support/test_support.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <sodium.h>

#include <cstdint>
#include <cstring>
#include <limits>

using namespace tabel;
using namespace tabel::sync;

Q_DECLARE_METATYPE(tabel::ErrorCode)
Q_DECLARE_METATYPE(tabel::sync::ChangeSet)

namespace {

constexpr std::int64_t kT0 = std::int64_t(1788249600000) << 16; // 2026-09-01T08:00:00Z, counter 0
const QString kMarkKey = QStringLiteral("mark/7А/math/all/2026-09-01/2/7a-01/1");
const QString kLessonKey = QStringLiteral("lesson/7А/math/all/2026-09-01/2");
const QString kHomework = QStringLiteral("Решить задачи 5–12 на странице 48");

// The device key of the golden files: Ed25519 from the fixed seed 0, 1, …, 31.
crypto::SigningKeyPair seededKey() {
    unsigned char seed[crypto_sign_SEEDBYTES];
    for (unsigned i = 0; i < sizeof seed; ++i)
        seed[i] = static_cast<unsigned char>(i);
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    crypto::SecretBytes sk(crypto_sign_SECRETKEYBYTES);
    crypto_sign_seed_keypair(pk, sk.data(), seed);
    Result<crypto::SigningKeyPair> kp = crypto::SigningKeyPair::fromSecret(std::move(sk));
    if (!kp)
        qFatal("cannot build the seeded key pair: %s", qPrintable(kp.error().message));
    return std::move(kp).value();
}

// A change set with fixed contents covering every value type and both kinds of base. Unsigned.
ChangeSet goldenSet() {
    ChangeSet cs;
    cs.author = QStringLiteral("ivanova");
    cs.seq = 7;
    const Version earlier{0x1234567890abcdefLL, kT0 - (std::int64_t(86400000) << 16) + 3};
    cs.ops = {
        Op{kT0, kLessonKey, QStringLiteral("homework"), kHomework, {}},
        Op{kT0 + 1, kMarkKey, QStringLiteral("value"), QStringLiteral("5"), earlier},
        Op{kT0 + 2, kMarkKey, QStringLiteral("weight"), std::int64_t(2), {}},
        Op{kT0 + 3, kMarkKey, QStringLiteral("task"), std::monostate{}, earlier},
        Op{kT0 + (1 << 16),
           QStringLiteral("sub/7А/math/all/t1/7a-01/0123456789ab"),
           QStringLiteral("size"),
           std::int64_t(1) << 40,
           {}},
    };
    cs.hlc = cs.ops.back().hlc;
    return cs;
}

ChangeSet signedGoldenSet() {
    ChangeSet cs = goldenSet();
    cs.sign(seededKey());
    return cs;
}

// An independent CBOR writer, following PROTOCOL.md rather than sync/op.cpp, so that the encoder is checked
// against the specification and the decoder can be fed encodings the encoder never produces.
class Cbor {
public:
    // forceExtra: 0 for the shortest head, or 1, 2, 4, 8 additional bytes even where fewer would do.
    Cbor& head(int major, std::uint64_t n, int forceExtra = 0) {
        const auto initial = [&](int info) { m_out.append(char((major << 5) | info)); };
        int extra = forceExtra;
        if (!extra)
            extra = n < 24 ? 0 : n <= 0xff ? 1 : n <= 0xffff ? 2 : n <= 0xffffffffULL ? 4 : 8;
        switch (extra) {
        case 0:
            initial(int(n));
            return *this;
        case 1:
            initial(24);
            break;
        case 2:
            initial(25);
            break;
        case 4:
            initial(26);
            break;
        default:
            initial(27);
            break;
        }
        for (int i = extra - 1; i >= 0; --i)
            m_out.append(char((n >> (8 * i)) & 0xff));
        return *this;
    }
    Cbor& integer(std::int64_t v, int forceExtra = 0) {
        return v >= 0 ? head(0, std::uint64_t(v), forceExtra) : head(1, std::uint64_t(-(v + 1)), forceExtra);
    }
    Cbor& bytes(const QByteArray& b) {
        head(2, std::uint64_t(b.size()));
        m_out.append(b);
        return *this;
    }
    Cbor& text(const QString& s, int forceExtra = 0) {
        const QByteArray u = s.toUtf8();
        head(3, std::uint64_t(u.size()), forceExtra);
        m_out.append(u);
        return *this;
    }
    Cbor& array(std::uint64_t n) { return head(4, n); }
    Cbor& indefiniteArray() {
        m_out.append(char(0x9f));
        return *this;
    }
    Cbor& breakCode() {
        m_out.append(char(0xff));
        return *this;
    }
    Cbor& null() {
        m_out.append(char(0xf6));
        return *this;
    }
    Cbor& float64(double d) {
        m_out.append(char(0xfb));
        std::uint64_t bits = 0;
        std::memcpy(&bits, &d, sizeof bits);
        for (int i = 7; i >= 0; --i)
            m_out.append(char((bits >> (8 * i)) & 0xff));
        return *this;
    }
    Cbor& raw(const QByteArray& b) {
        m_out.append(b);
        return *this;
    }
    const QByteArray& data() const { return m_out; }

private:
    QByteArray m_out;
};

// How specEncode departs from the canonical form.
enum class Variant {
    Canonical,
    Format2,
    SeqInLongForm,        // 7 written as 0x18 0x07
    AuthorLengthLongForm, // text length 7 written as 0x78 0x07
    IndefiniteOps,        // ops as an indefinite-length array
    IndefiniteOuter,      // the outer array as an indefinite-length array
    FiveItems,            // the outer array without the ops
    ValueAsBytes,         // an op's value as a byte string
    ValueAsFloat,         // an op's value as a float
    OpWithFiveItems,      // an op without its base hlc
    AuthorAsBytes,        // the author as a byte string
    TrailingByte,         // one more byte after the array
};

QByteArray specEncode(const ChangeSet& cs, Variant v = Variant::Canonical) {
    Cbor c;
    if (v == Variant::IndefiniteOuter)
        c.indefiniteArray();
    else
        c.array(v == Variant::FiveItems ? 5 : 6);
    c.integer(v == Variant::Format2 ? 2 : 1);
    c.bytes(cs.device);
    if (v == Variant::AuthorAsBytes)
        c.bytes(cs.author.toUtf8());
    else
        c.text(cs.author, v == Variant::AuthorLengthLongForm ? 1 : 0);
    c.integer(cs.seq, v == Variant::SeqInLongForm ? 1 : 0);
    c.integer(cs.hlc);
    if (v != Variant::FiveItems) {
        if (v == Variant::IndefiniteOps)
            c.indefiniteArray();
        else
            c.array(std::uint64_t(cs.ops.size()));
        for (qsizetype i = 0; i < cs.ops.size(); ++i) {
            const Op& op = cs.ops[i];
            const bool last = i == cs.ops.size() - 1;
            c.array(v == Variant::OpWithFiveItems && last ? 5 : 6);
            c.integer(op.hlc);
            c.text(op.entity);
            c.text(op.field);
            if (last && v == Variant::ValueAsBytes)
                c.bytes(QByteArrayLiteral("5"));
            else if (last && v == Variant::ValueAsFloat)
                c.float64(5.0);
            else if (std::holds_alternative<std::int64_t>(op.value))
                c.integer(std::get<std::int64_t>(op.value));
            else if (std::holds_alternative<QString>(op.value))
                c.text(std::get<QString>(op.value));
            else
                c.null();
            c.integer(op.base.device);
            if (!(v == Variant::OpWithFiveItems && last))
                c.integer(op.base.hlc);
        }
        if (v == Variant::IndefiniteOps)
            c.breakCode();
    }
    if (v == Variant::IndefiniteOuter)
        c.breakCode();
    if (v == Variant::TrailingByte)
        c.raw(QByteArray(1, '\0'));
    return c.data();
}

QString goldenDir() {
    return test::sourceDir() + QStringLiteral("/tests/sync/golden");
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

} // namespace

class TestOp : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void canonicalBytesAreDeterministic();
    void canonicalBytesFollowTheSpecification();
    void canonicalBytesAtEncodingBoundaries();
    void decodedStringsAreShared();
    void roundTrip_data();
    void roundTrip();
    void signAndVerify();
    void verifyRejects_data();
    void verifyRejects();
    void textValueLimitCountsBytes();
    void decodeRejects_data();
    void decodeRejects();
    void goldenVersion1();
};

void TestOp::initTestCase() {
    const Status s = crypto::initialize();
    QVERIFY2(s.has_value(), s.has_value() ? "" : qPrintable(s.error().message));
}

void TestOp::canonicalBytesAreDeterministic() {
    const ChangeSet a = goldenSet(), b = goldenSet();
    QCOMPARE(a.canonicalBytes(), b.canonicalBytes());
    QCOMPARE(a.canonicalBytes(), a.canonicalBytes());
    // The signature is not part of the signed bytes; signing twice gives the same signature (Ed25519).
    ChangeSet s1 = a, s2 = b;
    s1.sign(seededKey());
    s2.sign(seededKey());
    QCOMPARE(s1.signature, s2.signature);
    QCOMPARE(s1.canonicalBytes(), s2.canonicalBytes());
    QCOMPARE(s1.hash(), crypto::blake2b256(s1.canonicalBytes()));
    QCOMPARE(s1.hash().size(), 32);
    // Any change to the contents changes the bytes.
    ChangeSet c = s1;
    c.ops[1].value = QStringLiteral("4");
    QVERIFY(c.canonicalBytes() != s1.canonicalBytes());
    QVERIFY(c.hash() != s1.hash());
}

void TestOp::canonicalBytesFollowTheSpecification() {
    // PROTOCOL.md: [1, device, author, seq, hlc, [[hlc, entity, field, value, baseDevice, baseHlc], …]], definite
    // lengths, shortest integer forms, text as UTF-8.
    const ChangeSet cs = signedGoldenSet();
    QCOMPARE(cs.canonicalBytes(), specEncode(cs));
    QCOMPARE(quint8(cs.canonicalBytes().at(0)), quint8(0x86)); // array of 6
    QCOMPARE(quint8(cs.canonicalBytes().at(1)), quint8(0x01)); // format 1
}

// The encoder is written by hand (op.cpp): every length and integer form at its boundaries, ASCII and Cyrillic
// text, against the independent encoder of this test, and each result decodes back.
void TestOp::canonicalBytesAtEncodingBoundaries() {
    const std::int64_t ints[] = {0,
                                 23,
                                 24,
                                 255,
                                 256,
                                 65535,
                                 65536,
                                 0xffffffffLL,
                                 0x100000000LL,
                                 std::numeric_limits<std::int64_t>::max(),
                                 -1,
                                 -24,
                                 -25,
                                 -256,
                                 -257,
                                 -65537,
                                 std::numeric_limits<std::int64_t>::min()};
    QList<domain::FieldValue> values;
    for (std::int64_t i : ints)
        values << domain::FieldValue(i);
    for (int length : {0, 23, 24, 255, 256, 65535, 65536})
        values << domain::FieldValue(QString(length, QLatin1Char('a')));
    values << domain::FieldValue(QStringLiteral("Контрольная работа по теме «Дроби»"))
           << domain::FieldValue(QString(200, QChar(0x0416))) // 400 bytes of UTF-8 from 200 characters
           << domain::FieldValue();
    ChangeSet cs;
    cs.author = QStringLiteral("иванова");
    cs.seq = 70000;
    std::int64_t hlc = 1;
    for (const domain::FieldValue& v : values)
        cs.ops.append(Op{hlc++,
                         QStringLiteral("mark/7А/math/all/2026-09-01/2/7a-01/1"),
                         QStringLiteral("value"),
                         v,
                         {std::numeric_limits<std::int64_t>::min() + hlc, hlc * 0x10001}});
    cs.hlc = hlc - 1;
    QByteArray bytes = cs.sign(seededKey());
    QCOMPARE(bytes, specEncode(cs));
    const auto back = ChangeSet::fromCanonicalBytes(bytes, cs.signature);
    QVERIFY2(back.has_value(), back ? "" : qPrintable(back.error().message));
    QCOMPARE(back->ops.size(), cs.ops.size());
    for (qsizetype i = 0; i < cs.ops.size(); ++i)
        QVERIFY2(back->ops[i].value == cs.ops[i].value && back->ops[i].base == cs.ops[i].base,
                 qPrintable(QString::number(i)));
    QByteArray hash;
    QCOMPARE(cs.sign(seededKey(), &hash), bytes);
    QCOMPARE(hash, crypto::blake2b256(bytes));
}

// What the hub holds per field stays small because a decoded change set's repeated strings share one copy:
// consecutive ops' entity key, field names and short values (tests/bench/README.md, hub peak memory).
void TestOp::decodedStringsAreShared() {
    ChangeSet cs;
    cs.author = QStringLiteral("ivanova");
    cs.seq = 1;
    const QString markA = QStringLiteral("mark/7А/math/all/2026-09-01/2/7a-01/1");
    const QString markB = QStringLiteral("mark/7А/math/all/2026-09-01/2/7a-02/1");
    cs.ops = {Op{1, markA, QStringLiteral("value"), QStringLiteral("5"), {}},
              Op{2, markA, QStringLiteral("weight"), std::int64_t(2), {}},
              Op{3, markB, QStringLiteral("value"), QStringLiteral("5"), {}},
              Op{4, markB, QStringLiteral("value"), QStringLiteral("4"), {}}};
    cs.hlc = 4;
    const QByteArray bytes = cs.sign(seededKey());
    const auto back = ChangeSet::fromCanonicalBytes(bytes, cs.signature);
    QVERIFY2(back.has_value(), back ? "" : qPrintable(back.error().message));
    const QList<Op>& ops = back->ops;
    QVERIFY(ops[1].entity.isSharedWith(ops[0].entity));
    QVERIFY(ops[3].entity.isSharedWith(ops[2].entity));
    QVERIFY(!ops[2].entity.isSharedWith(ops[0].entity));
    QCOMPARE(ops[2].entity, markB);
    QVERIFY(ops[2].field.isSharedWith(ops[0].field));
    QVERIFY(std::get<QString>(ops[2].value).isSharedWith(std::get<QString>(ops[0].value)));
    QCOMPARE(std::get<QString>(ops[3].value), QStringLiteral("4"));
    QCOMPARE(back->canonicalBytes(), bytes);
}

void TestOp::roundTrip_data() {
    QTest::addColumn<ChangeSet>("changeSet");
    const auto make = [](QList<Op> ops, QString author = QStringLiteral("ivanova")) {
        ChangeSet cs;
        cs.author = std::move(author);
        cs.seq = 1;
        cs.ops = std::move(ops);
        cs.hlc = cs.ops.back().hlc;
        return cs;
    };
    const Version base{42, kT0 - 5};
    QTest::newRow("golden") << goldenSet();
    QTest::newRow("Cyrillic entity key and text")
        << make({Op{kT0, QStringLiteral("pupil/ё-01"), QStringLiteral("surname"), QStringLiteral("Добровольская"), {}},
                 Op{kT0 + 1, kLessonKey, QStringLiteral("homework"), kHomework, base}});
    QTest::newRow("Cyrillic author") << make({Op{kT0, kMarkKey, QStringLiteral("value"), QStringLiteral("зач"), {}}},
                                             QStringLiteral("иванова"));
    QTest::newRow("int values") << make(
        {Op{kT0, kMarkKey, QStringLiteral("a"), std::int64_t(0), {}},
         Op{kT0 + 1, kMarkKey, QStringLiteral("b"), std::int64_t(23), {}},
         Op{kT0 + 2, kMarkKey, QStringLiteral("c"), std::int64_t(24), {}},
         Op{kT0 + 3, kMarkKey, QStringLiteral("d"), std::int64_t(-1), {}},
         Op{kT0 + 4, kMarkKey, QStringLiteral("e"), std::int64_t(-25), {}},
         Op{kT0 + 5, kMarkKey, QStringLiteral("f"), std::numeric_limits<std::int64_t>::max(), {}},
         Op{kT0 + 6, kMarkKey, QStringLiteral("g"), std::numeric_limits<std::int64_t>::min(), {}}});
    QTest::newRow("text values") << make(
        {Op{kT0, kMarkKey, QStringLiteral("empty"), QString(), {}},
         Op{kT0 + 1, kMarkKey, QStringLiteral("digits"), QStringLiteral("12"), {}},
         Op{kT0 + 2, kMarkKey, QStringLiteral("lines"), QStringLiteral("строка 1\nстрока 2\t«x»"), {}}});
    QTest::newRow("null value, null base") << make({Op{kT0, kMarkKey, QStringLiteral("task"), std::monostate{}, {}}});
    QTest::newRow("null value, non-null base")
        << make({Op{kT0, kMarkKey, QStringLiteral("task"), std::monostate{}, base}});
    QTest::newRow("non-null base, large device number")
        << make({Op{kT0, kMarkKey, QStringLiteral("value"), QStringLiteral("4"),
                    Version{std::numeric_limits<std::int64_t>::max(), kT0 - 1}}});
}

void TestOp::roundTrip() {
    QFETCH(ChangeSet, changeSet);
    changeSet.sign(crypto::SigningKeyPair::generate());
    const QByteArray bytes = changeSet.canonicalBytes();
    const Result<ChangeSet> decoded = ChangeSet::fromCanonicalBytes(bytes, changeSet.signature);
    QVERIFY2(decoded.has_value(), decoded.has_value() ? "" : qPrintable(decoded.error().message));
    QCOMPARE(decoded->device, changeSet.device);
    QCOMPARE(decoded->author, changeSet.author);
    QCOMPARE(decoded->seq, changeSet.seq);
    QCOMPARE(decoded->hlc, changeSet.hlc);
    QCOMPARE(decoded->signature, changeSet.signature);
    QCOMPARE(decoded->ops.size(), changeSet.ops.size());
    for (qsizetype i = 0; i < changeSet.ops.size(); ++i) {
        const Op& a = decoded->ops[i];
        const Op& b = changeSet.ops[i];
        QCOMPARE(a.hlc, b.hlc);
        QCOMPARE(a.entity, b.entity);
        QCOMPARE(a.field, b.field);
        QCOMPARE(a.value.index(), b.value.index()); // null stays null, int stays int, text stays text
        QVERIFY2(a.value == b.value,
                 qPrintable(domain::debugString(a.value) + QStringLiteral(" != ") + domain::debugString(b.value)));
        QCOMPARE(a.base, b.base);
    }
    QCOMPARE(decoded->canonicalBytes(), bytes);
    const Status v = decoded->verify();
    QVERIFY2(v.has_value(), v.has_value() ? "" : qPrintable(v.error().message));
}

void TestOp::signAndVerify() {
    const crypto::SigningKeyPair key = crypto::SigningKeyPair::generate();
    ChangeSet cs = goldenSet();
    QVERIFY(!cs.verify()); // unsigned: no device, no signature
    cs.sign(key);
    QCOMPARE(cs.device, key.publicKey);
    QCOMPARE(cs.signature.size(), 64);
    QCOMPARE(cs.deviceNumber(), crypto::deviceNumber(key.publicKey));
    QCOMPARE(cs.versionOf(cs.ops[2]), (Version{crypto::deviceNumber(key.publicKey), kT0 + 2}));
    const Status v = cs.verify();
    QVERIFY2(v.has_value(), v.has_value() ? "" : qPrintable(v.error().message));
    // The signature covers the context string and the hash, not the raw bytes: a plain signature of the
    // canonical bytes by the same key is not accepted.
    ChangeSet raw = cs;
    raw.signature = key.sign(cs.canonicalBytes());
    QVERIFY(!raw.verify());
}

enum class Mutation {
    FlipSignatureBit,
    ChangeValue,
    ChangeValueType, // "5" → 5
    ChangeEntity,
    ChangeField,
    ChangeBase,
    ChangeAuthor,
    ChangeSeq,
    DropOp,
    WrongDeviceKey,
    ShortDeviceKey,
    TruncatedSignature,
    UnorderedHlcs,
    DuplicateHlc,
    EmptyOps,
    OversizeText,
    SetHlcNotLastOp,
    EmptyAuthor,
    LongAuthor,
    ZeroSeq,
    LongEntityKey,
    EmptyEntityKey,
    LongFieldName,
};

void TestOp::verifyRejects_data() {
    QTest::addColumn<int>("mutation");
    QTest::addColumn<bool>("resign"); // re-sign after the change, so that only the structural rule can fail
    QTest::addColumn<ErrorCode>("code");
    const auto row = [](const char* name, Mutation m, bool resign, ErrorCode code) {
        QTest::newRow(name) << int(m) << resign << code;
    };
    // Tampering after signing: the signature no longer matches.
    row("flipped signature bit", Mutation::FlipSignatureBit, false, ErrorCode::Crypto);
    row("changed value", Mutation::ChangeValue, false, ErrorCode::Crypto);
    row("changed value type", Mutation::ChangeValueType, false, ErrorCode::Crypto);
    row("changed entity", Mutation::ChangeEntity, false, ErrorCode::Crypto);
    row("changed field", Mutation::ChangeField, false, ErrorCode::Crypto);
    row("changed base", Mutation::ChangeBase, false, ErrorCode::Crypto);
    row("changed author", Mutation::ChangeAuthor, false, ErrorCode::Crypto);
    row("changed seq", Mutation::ChangeSeq, false, ErrorCode::Crypto);
    row("dropped op", Mutation::DropOp, false, ErrorCode::Crypto);
    row("wrong device key", Mutation::WrongDeviceKey, false, ErrorCode::Crypto);
    row("truncated signature", Mutation::TruncatedSignature, false, ErrorCode::Crypto);
    // Malformed sets, even when properly signed.
    row("device key not 32 bytes", Mutation::ShortDeviceKey, false, ErrorCode::InvalidInput);
    row("unordered hlcs", Mutation::UnorderedHlcs, true, ErrorCode::InvalidInput);
    row("duplicate hlc", Mutation::DuplicateHlc, true, ErrorCode::InvalidInput);
    row("empty ops", Mutation::EmptyOps, true, ErrorCode::InvalidInput);
    row("text over Limits::maxTextValueBytes", Mutation::OversizeText, true, ErrorCode::InvalidInput);
    row("set hlc is not the last op's", Mutation::SetHlcNotLastOp, true, ErrorCode::InvalidInput);
    row("empty author", Mutation::EmptyAuthor, true, ErrorCode::InvalidInput);
    row("author over 128 bytes", Mutation::LongAuthor, true, ErrorCode::InvalidInput);
    row("seq 0", Mutation::ZeroSeq, true, ErrorCode::InvalidInput);
    row("entity key over 512 bytes", Mutation::LongEntityKey, true, ErrorCode::InvalidInput);
    row("empty entity key", Mutation::EmptyEntityKey, true, ErrorCode::InvalidInput);
    row("field name over 64 bytes", Mutation::LongFieldName, true, ErrorCode::InvalidInput);
}

void TestOp::verifyRejects() {
    QFETCH(int, mutation);
    QFETCH(bool, resign);
    QFETCH(ErrorCode, code);
    const crypto::SigningKeyPair key = crypto::SigningKeyPair::generate();
    ChangeSet cs = goldenSet();
    cs.sign(key);
    QVERIFY(cs.verify().has_value());

    switch (Mutation(mutation)) {
    case Mutation::FlipSignatureBit:
        cs.signature[17] = char(cs.signature[17] ^ 0x01);
        break;
    case Mutation::ChangeValue:
        cs.ops[1].value = QStringLiteral("2");
        break;
    case Mutation::ChangeValueType:
        cs.ops[1].value = std::int64_t(5);
        break;
    case Mutation::ChangeEntity:
        cs.ops[1].entity = QStringLiteral("mark/7А/math/all/2026-09-01/2/7a-02/1");
        break;
    case Mutation::ChangeField:
        cs.ops[1].field = QStringLiteral("kind");
        break;
    case Mutation::ChangeBase:
        cs.ops[1].base.hlc += 1;
        break;
    case Mutation::ChangeAuthor:
        cs.author = QStringLiteral("petrova");
        break;
    case Mutation::ChangeSeq:
        cs.seq = 8;
        break;
    case Mutation::DropOp:
        cs.ops.removeAt(2);
        break;
    case Mutation::WrongDeviceKey:
        cs.device = crypto::SigningKeyPair::generate().publicKey;
        break;
    case Mutation::ShortDeviceKey:
        cs.device.chop(1);
        break;
    case Mutation::TruncatedSignature:
        cs.signature.chop(1);
        break;
    case Mutation::UnorderedHlcs:
        std::swap(cs.ops[1].hlc, cs.ops[2].hlc);
        break;
    case Mutation::DuplicateHlc:
        cs.ops[2].hlc = cs.ops[1].hlc;
        break;
    case Mutation::EmptyOps:
        cs.ops.clear();
        cs.hlc = 0;
        break;
    case Mutation::OversizeText:
        cs.ops[0].value = QString(Limits::maxTextValueBytes + 1, QLatin1Char('x'));
        break;
    case Mutation::SetHlcNotLastOp:
        cs.hlc = cs.ops[0].hlc;
        break;
    case Mutation::EmptyAuthor:
        cs.author.clear();
        break;
    case Mutation::LongAuthor:
        cs.author = QString(Limits::maxAuthorBytes + 1, QLatin1Char('a'));
        break;
    case Mutation::ZeroSeq:
        cs.seq = 0;
        break;
    case Mutation::LongEntityKey:
        cs.ops[0].entity = QStringLiteral("lesson/") + QString(Limits::maxEntityKeyBytes, QLatin1Char('k'));
        break;
    case Mutation::EmptyEntityKey:
        cs.ops[0].entity.clear();
        break;
    case Mutation::LongFieldName:
        cs.ops[0].field = QString(Limits::maxFieldNameBytes + 1, QLatin1Char('f'));
        break;
    }
    if (resign)
        cs.sign(key);
    const Status v = cs.verify();
    QVERIFY2(!v.has_value(), "a damaged or malformed change set passed verification");
    QCOMPARE(v.error().code, code);
    QVERIFY(!v.error().message.isEmpty());
}

void TestOp::textValueLimitCountsBytes() {
    // The limit is in UTF-8 bytes: 32768 Cyrillic letters are exactly 64 KiB, one more is too many.
    const crypto::SigningKeyPair key = crypto::SigningKeyPair::generate();
    ChangeSet cs = goldenSet();
    cs.ops[0].value = QString(Limits::maxTextValueBytes / 2, QChar(u'ж'));
    cs.sign(key);
    QVERIFY(cs.verify().has_value());
    cs.ops[0].value = QString(Limits::maxTextValueBytes / 2 + 1, QChar(u'ж'));
    cs.sign(key);
    const Status v = cs.verify();
    QVERIFY(!v.has_value());
    QCOMPARE(v.error().code, ErrorCode::InvalidInput);
}

void TestOp::decodeRejects_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<ErrorCode>("code");
    const ChangeSet cs = signedGoldenSet();
    const QByteArray canonical = cs.canonicalBytes();
    QVERIFY(ChangeSet::fromCanonicalBytes(specEncode(cs), cs.signature).has_value()); // the baseline decodes

    QTest::newRow("empty") << QByteArray() << ErrorCode::InvalidInput;
    QTest::newRow("garbage") << QByteArrayLiteral("this is not a change set\x01\x02") << ErrorCode::InvalidInput;
    QTest::newRow("truncated by one byte") << canonical.left(canonical.size() - 1) << ErrorCode::InvalidInput;
    QTest::newRow("truncated to half") << canonical.left(canonical.size() / 2) << ErrorCode::InvalidInput;
    QTest::newRow("a text string, not an array") << Cbor().text(QStringLiteral("x")).data() << ErrorCode::InvalidInput;
    QTest::newRow("trailing byte") << specEncode(cs, Variant::TrailingByte) << ErrorCode::InvalidInput;
    QTest::newRow("integer in a longer form") << specEncode(cs, Variant::SeqInLongForm) << ErrorCode::InvalidInput;
    QTest::newRow("text length in a longer form")
        << specEncode(cs, Variant::AuthorLengthLongForm) << ErrorCode::InvalidInput;
    QTest::newRow("indefinite-length ops") << specEncode(cs, Variant::IndefiniteOps) << ErrorCode::InvalidInput;
    QTest::newRow("indefinite-length outer array")
        << specEncode(cs, Variant::IndefiniteOuter) << ErrorCode::InvalidInput;
    QTest::newRow("5 items") << specEncode(cs, Variant::FiveItems) << ErrorCode::InvalidInput;
    QTest::newRow("value as bytes") << specEncode(cs, Variant::ValueAsBytes) << ErrorCode::InvalidInput;
    QTest::newRow("value as float") << specEncode(cs, Variant::ValueAsFloat) << ErrorCode::InvalidInput;
    QTest::newRow("op with 5 items") << specEncode(cs, Variant::OpWithFiveItems) << ErrorCode::InvalidInput;
    QTest::newRow("author as bytes") << specEncode(cs, Variant::AuthorAsBytes) << ErrorCode::InvalidInput;
    QTest::newRow("format version 2") << specEncode(cs, Variant::Format2) << ErrorCode::Unsupported;
}

void TestOp::decodeRejects() {
    QFETCH(QByteArray, bytes);
    QFETCH(ErrorCode, code);
    const Result<ChangeSet> decoded = ChangeSet::fromCanonicalBytes(bytes, signedGoldenSet().signature);
    QVERIFY2(!decoded.has_value(), "malformed bytes were accepted");
    QCOMPARE(decoded.error().code, code);
    if (code == ErrorCode::Unsupported)
        QVERIFY2(decoded.error().message.contains(QStringLiteral("update tabel")), qPrintable(decoded.error().message));
}

void TestOp::goldenVersion1() {
    const ChangeSet cs = signedGoldenSet();
    const QString bytesPath = goldenDir() + QStringLiteral("/changeset-v1.cbor");
    const QString sigPath = goldenDir() + QStringLiteral("/changeset-v1.sig");
    QVERIFY2(!test::sourceDir().isEmpty(), "TABEL_SOURCE_DIR is not set; run the test through ctest");
    if (qEnvironmentVariableIsSet("TABEL_REGENERATE_GOLDEN")) {
        QVERIFY(QDir().mkpath(goldenDir()));
        test::writeFile(bytesPath, cs.canonicalBytes());
        test::writeFile(sigPath, cs.signature);
        QSKIP("golden files regenerated; commit tests/sync/golden/ and run the test again without "
              "TABEL_REGENERATE_GOLDEN");
    }
    const QByteArray goldenBytes = readAll(bytesPath);
    const QByteArray goldenSig = readAll(sigPath);
    QVERIFY2(!goldenBytes.isEmpty(), qPrintable(QStringLiteral("missing golden file ") + bytesPath));
    QCOMPARE(goldenSig.size(), 64);

    // Today's encoder and signer produce exactly the published bytes.
    QCOMPARE(cs.canonicalBytes(), goldenBytes);
    QCOMPARE(cs.canonicalBytes().toHex(), goldenBytes.toHex()); // readable diff if the first compare fails
    QCOMPARE(cs.signature, goldenSig);

    // Today's decoder reads them back into the same change set, and it verifies.
    const Result<ChangeSet> decoded = ChangeSet::fromCanonicalBytes(goldenBytes, goldenSig);
    QVERIFY2(decoded.has_value(), decoded.has_value() ? "" : qPrintable(decoded.error().message));
    QCOMPARE(decoded->device, seededKey().publicKey);
    QCOMPARE(decoded->author, cs.author);
    QCOMPARE(decoded->seq, cs.seq);
    QCOMPARE(decoded->hlc, cs.hlc);
    QVERIFY(decoded->ops == cs.ops);
    const Status v = decoded->verify();
    QVERIFY2(v.has_value(), v.has_value() ? "" : qPrintable(v.error().message));
    QCOMPARE(decoded->hash(), crypto::blake2b256(goldenBytes));
}

QTEST_GUILESS_MAIN(TestOp)
#include "test_op.moc"
