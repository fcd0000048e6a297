#include "shared/crypto/kdf.h"
#include "shared/crypto/secret.h"
#include "shared/crypto/signing.h"

#include <QRegularExpression>
#include <QTest>

#include <cstring>

using namespace tabel;
using namespace tabel::crypto;

namespace {

SecretBytes secret(const char* text) {
    return SecretBytes::fromBytes(text, std::strlen(text));
}

KdfParams interactive() {
    Result<KdfParams> p = KdfParams::profile(QStringLiteral("interactive"));
    if (!p)
        qFatal("no interactive profile");
    return *p;
}

} // namespace

class TestCrypto : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void profiles();
    void deriveKeyIsDeterministic();
    void deriveKeyDependsOnPassphraseAndSalt();
    void keyCheckDiffersPerKey();
    void invalidParams_data();
    void invalidParams();

    void signAndVerify();
    void verifyRejectsTampering_data();
    void verifyRejectsTampering();
    void fromSecretRoundTrip();
    void fromSecretRejectsDamage_data();
    void fromSecretRejectsDamage();

    void secretBytesBasics();
    void secretBytesMove();
    void secretBytesEquals();
    void hashes();
    void deviceNumberAndFingerprint();
};

void TestCrypto::initTestCase() {
    const Status s = initialize();
    QVERIFY2(s, s ? "" : qPrintable(s.error().message));
    QVERIFY(initialize()); // a second call is harmless
}

void TestCrypto::profiles() {
    QCOMPARE(KdfParams::profileNames(),
             QStringList({QStringLiteral("interactive"), QStringLiteral("moderate"), QStringLiteral("sensitive")}));
    for (const QString& name : KdfParams::profileNames()) {
        const Result<KdfParams> p = KdfParams::profile(name);
        QVERIFY(p);
        QCOMPARE(p->algorithm, QStringLiteral("argon2id13"));
        QCOMPARE(p->salt.size(), 16);
        QVERIFY(p->opsLimit > 0);
        QVERIFY(p->memLimit > 0);
    }
    const KdfParams a = interactive(), b = interactive();
    QVERIFY(a.salt != b.salt); // a fresh random salt each time
    QVERIFY(KdfParams::profile(QStringLiteral("moderate"))->memLimit > a.memLimit);

    const Result<KdfParams> unknown = KdfParams::profile(QStringLiteral("paranoid"));
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().code, ErrorCode::InvalidArgument);
    QVERIFY(unknown.error().message.contains(QStringLiteral("paranoid")));
    QVERIFY(unknown.error().message.contains(QStringLiteral("interactive, moderate, sensitive")));
}

void TestCrypto::deriveKeyIsDeterministic() {
    const KdfParams p = interactive();
    const Result<SecretBytes> k1 = deriveKey(secret("учитель-2026"), p);
    const Result<SecretBytes> k2 = deriveKey(secret("учитель-2026"), p);
    QVERIFY2(k1, k1 ? "" : qPrintable(k1.error().message));
    QVERIFY(k2);
    QCOMPARE(k1->size(), std::size_t(32));
    QVERIFY(k1->equals(*k2));
    QCOMPARE(keyCheck(*k1), keyCheck(*k2));
}

void TestCrypto::deriveKeyDependsOnPassphraseAndSalt() {
    const KdfParams p = interactive();
    const Result<SecretBytes> base = deriveKey(secret("учитель-2026"), p);
    const Result<SecretBytes> otherPass = deriveKey(secret("учитель-2027"), p);
    KdfParams q = p;
    q.salt[0] = char(q.salt[0] ^ 1);
    const Result<SecretBytes> otherSalt = deriveKey(secret("учитель-2026"), q);
    const Result<SecretBytes> empty = deriveKey(SecretBytes(), p);
    QVERIFY(base && otherPass && otherSalt);
    QVERIFY2(empty, empty ? "" : qPrintable(empty.error().message));
    QVERIFY(!base->equals(*otherPass));
    QVERIFY(!base->equals(*otherSalt));
    QVERIFY(!base->equals(*empty));
}

void TestCrypto::keyCheckDiffersPerKey() {
    const SecretBytes k1 = SecretBytes::fromBytes(QByteArray(32, 'a').constData(), 32);
    const SecretBytes k2 = SecretBytes::fromBytes(QByteArray(32, 'b').constData(), 32);
    const QByteArray c1 = keyCheck(k1), c2 = keyCheck(k2);
    QCOMPARE(c1.size(), 32);
    QVERIFY(c1 != c2);
    QCOMPARE(keyCheck(k1.clone()), c1);
    QVERIFY(c1 != QByteArray(32, 'a')); // does not reveal the key
    QVERIFY(!c1.contains(QByteArray(8, 'a')));
}

void TestCrypto::invalidParams_data() {
    QTest::addColumn<QString>("algorithm");
    QTest::addColumn<qulonglong>("opsLimit");
    QTest::addColumn<qulonglong>("memLimit");
    QTest::addColumn<int>("saltSize");
    QTest::addColumn<ErrorCode>("code");

    const KdfParams p = interactive();
    const QString argon = p.algorithm;
    const qulonglong ops = p.opsLimit, mem = p.memLimit;
    QTest::newRow("unknown algorithm") << QStringLiteral("scrypt") << ops << mem << 16 << ErrorCode::Unsupported;
    QTest::newRow("argon2i, not argon2id") << QStringLiteral("argon2i13") << ops << mem << 16 << ErrorCode::Unsupported;
    QTest::newRow("salt too short") << argon << ops << mem << 15 << ErrorCode::Corrupt;
    QTest::newRow("salt too long") << argon << ops << mem << 17 << ErrorCode::Corrupt;
    QTest::newRow("no salt") << argon << ops << mem << 0 << ErrorCode::Corrupt;
    QTest::newRow("opsLimit 0") << argon << qulonglong(0) << mem << 16 << ErrorCode::Corrupt;
    QTest::newRow("opsLimit above 2^32") << argon << (qulonglong(1) << 32) << mem << 16 << ErrorCode::Corrupt;
    QTest::newRow("memLimit 0") << argon << ops << qulonglong(0) << 16 << ErrorCode::Corrupt;
    QTest::newRow("memLimit 1 KiB") << argon << ops << qulonglong(1024) << 16 << ErrorCode::Corrupt;
    QTest::newRow("memLimit 8 GiB") << argon << ops << (qulonglong(8) << 30) << 16 << ErrorCode::Corrupt;
}

void TestCrypto::invalidParams() {
    QFETCH(QString, algorithm);
    QFETCH(qulonglong, opsLimit);
    QFETCH(qulonglong, memLimit);
    QFETCH(int, saltSize);
    QFETCH(ErrorCode, code);

    KdfParams p;
    p.algorithm = algorithm;
    p.opsLimit = opsLimit;
    p.memLimit = memLimit;
    p.salt = QByteArray(saltSize, 's');
    const Result<SecretBytes> k = deriveKey(secret("пароль"), p);
    QVERIFY(!k);
    QCOMPARE(k.error().code, code);
    QVERIFY(!k.error().message.isEmpty());
}

void TestCrypto::signAndVerify() {
    const SigningKeyPair kp = SigningKeyPair::generate();
    QCOMPARE(kp.publicKey.size(), 32);
    QCOMPARE(kp.secretKey.size(), std::size_t(64));
    const QByteArray msg = QStringLiteral("оценка 5, Иванов, 2026-09-01").toUtf8();
    const QByteArray sig = kp.sign(msg);
    QCOMPARE(sig.size(), 64);
    QVERIFY(verify(kp.publicKey, msg, sig));
    QCOMPARE(kp.sign(msg), sig); // Ed25519 is deterministic
    QVERIFY(verify(kp.publicKey, QByteArray(), kp.sign(QByteArray())));

    const SigningKeyPair other = SigningKeyPair::generate();
    QVERIFY(other.publicKey != kp.publicKey);
    QVERIFY(!verify(other.publicKey, msg, sig));
    QVERIFY(!verify(kp.publicKey, msg, other.sign(msg)));
}

void TestCrypto::verifyRejectsTampering_data() {
    QTest::addColumn<QString>("part"); // message, signature or key
    QTest::addColumn<int>("byte");
    QTest::addColumn<int>("bit");

    QTest::newRow("message, first bit") << QStringLiteral("message") << 0 << 0;
    QTest::newRow("message, middle") << QStringLiteral("message") << 20 << 3;
    QTest::newRow("message, last bit") << QStringLiteral("message") << -1 << 7;
    QTest::newRow("signature R, first bit") << QStringLiteral("signature") << 0 << 0;
    QTest::newRow("signature R, last byte") << QStringLiteral("signature") << 31 << 6;
    QTest::newRow("signature S, first byte") << QStringLiteral("signature") << 32 << 0;
    QTest::newRow("signature S, top bit") << QStringLiteral("signature") << 63 << 7;
    QTest::newRow("public key") << QStringLiteral("key") << 5 << 2;
}

void TestCrypto::verifyRejectsTampering() {
    QFETCH(QString, part);
    QFETCH(int, byte);
    QFETCH(int, bit);

    const SigningKeyPair kp = SigningKeyPair::generate();
    QByteArray msg = QStringLiteral("журнал 7А: математика, урок 2, оценки выставлены").toUtf8();
    QByteArray sig = kp.sign(msg);
    QByteArray key = kp.publicKey;
    QVERIFY(verify(key, msg, sig));

    QByteArray& target = part == QLatin1String("message") ? msg : part == QLatin1String("signature") ? sig : key;
    const qsizetype at = byte < 0 ? target.size() + byte : byte;
    target[at] = char(target[at] ^ (1 << bit));
    QVERIFY(!verify(key, msg, sig));
}

void TestCrypto::fromSecretRoundTrip() {
    const SigningKeyPair kp = SigningKeyPair::generate();
    const Result<SigningKeyPair> again = SigningKeyPair::fromSecret(kp.secretKey.clone());
    QVERIFY2(again, again ? "" : qPrintable(again.error().message));
    QCOMPARE(again->publicKey, kp.publicKey);
    QVERIFY(again->secretKey.equals(kp.secretKey));
    const QByteArray msg("op log head");
    QCOMPARE(again->sign(msg), kp.sign(msg));
    QVERIFY(verify(kp.publicKey, msg, again->sign(msg)));
}

void TestCrypto::fromSecretRejectsDamage_data() {
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("flipByte"); // -1: none

    QTest::newRow("empty") << 0 << -1;
    QTest::newRow("seed only (32 bytes)") << 32 << -1;
    QTest::newRow("65 bytes") << 65 << -1;
    QTest::newRow("public half damaged") << 64 << 40;
}

void TestCrypto::fromSecretRejectsDamage() {
    QFETCH(int, size);
    QFETCH(int, flipByte);

    const SigningKeyPair kp = SigningKeyPair::generate();
    QByteArray raw(reinterpret_cast<const char*>(kp.secretKey.data()), 64);
    raw.resize(size, '\x01');
    if (flipByte >= 0)
        raw[flipByte] = char(raw[flipByte] ^ 0x10);
    const Result<SigningKeyPair> r = SigningKeyPair::fromSecret(SecretBytes::fromBytes(raw.constData(), raw.size()));
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::Corrupt);
    QCOMPARE(r.error().message, QStringLiteral("the device's signing key is damaged"));
}

void TestCrypto::secretBytesBasics() {
    const SecretBytes none;
    QVERIFY(none.empty());
    QCOMPARE(none.size(), std::size_t(0));
    QVERIFY(none.data() == nullptr);

    const SecretBytes zeros(24);
    QCOMPARE(zeros.size(), std::size_t(24));
    QVERIFY(!zeros.empty());
    for (std::size_t i = 0; i < zeros.size(); ++i)
        QCOMPARE(int(zeros.data()[i]), 0);

    const char text[] = "секрет";
    const SecretBytes s = SecretBytes::fromBytes(text, sizeof text - 1);
    QCOMPARE(s.size(), sizeof text - 1);
    QCOMPARE(std::memcmp(s.data(), text, s.size()), 0);

    const SecretBytes c = s.clone();
    QVERIFY(c.data() != s.data());
    QVERIFY(c.equals(s));
    QVERIFY(SecretBytes::fromBytes(nullptr, 0).empty());
    QVERIFY(SecretBytes().clone().empty());
}

void TestCrypto::secretBytesMove() {
    SecretBytes a = secret("первый");
    const unsigned char* p = a.data();
    const std::size_t n = a.size();

    SecretBytes b(std::move(a));
    QVERIFY(b.data() == p); // the guarded buffer moves, it is not copied
    QCOMPARE(b.size(), n);
    QVERIFY(a.empty()); // NOLINT(bugprone-use-after-move): moved-from state is specified
    QVERIFY(a.data() == nullptr);

    SecretBytes c = secret("второй");
    c = std::move(b); // frees c's old buffer
    QVERIFY(c.data() == p);
    QVERIFY(c.equals(secret("первый")));
    QVERIFY(b.empty()); // NOLINT(bugprone-use-after-move)

    SecretBytes& alias = c;
    c = std::move(alias); // self-move keeps the value
    QVERIFY(c.equals(secret("первый")));

    a = secret("снова"); // a moved-from object can be reused
    QVERIFY(a.equals(secret("снова")));
}

void TestCrypto::secretBytesEquals() {
    QVERIFY(secret("abc").equals(secret("abc")));
    QVERIFY(!secret("abc").equals(secret("abd")));
    QVERIFY(!secret("abc").equals(secret("abcd")));
    QVERIFY(!secret("abcd").equals(secret("abc")));
    QVERIFY(!secret("").equals(secret("a")));
    QVERIFY(SecretBytes().equals(SecretBytes()));
    QVERIFY(SecretBytes().equals(secret("")));
    QVERIFY(SecretBytes(8).equals(SecretBytes::fromBytes(QByteArray(8, '\0').constData(), 8)));
}

void TestCrypto::hashes() {
    QCOMPARE(sha256("abc").toHex(), QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    QCOMPARE(blake2b256("abc").toHex(), QByteArray("bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319"));
    QCOMPARE(sha256(QByteArray()).toHex(),
             QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
}

void TestCrypto::deviceNumberAndFingerprint() {
    const SigningKeyPair a = SigningKeyPair::generate(), b = SigningKeyPair::generate();
    const qint64 na = deviceNumber(a.publicKey);
    QVERIFY(na > 0);
    QCOMPARE(deviceNumber(a.publicKey), na);
    QVERIFY(deviceNumber(b.publicKey) != na);

    const QString fa = fingerprint(a.publicKey);
    QVERIFY2(
        QRegularExpression(QStringLiteral("^[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}$")).match(fa).hasMatch(),
        qPrintable(fa));
    QCOMPARE(fingerprint(a.publicKey), fa);
    QVERIFY(fingerprint(b.publicKey) != fa);
}

QTEST_GUILESS_MAIN(TestCrypto)
#include "test_crypto.moc"
