// The wire format (R-S10, R-S4, R-S9): messages, signed frames, limits, versions, golden bytes. sync/wire.h.
#include "shared/core/hlc.h"
#include "shared/crypto/secret.h"
#include "shared/domain/model.h"
#include "sync/open_sets.h"
#include "sync/wire.h"

#include <QCborStreamWriter>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTest>

#include <sodium.h>
#include <sys/resource.h>
#include <zstd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

using namespace tabel;
using namespace tabel::sync;

namespace {

crypto::SigningKeyPair seedKey(unsigned char first) {
    unsigned char seed[crypto_sign_SEEDBYTES];
    for (unsigned i = 0; i < crypto_sign_SEEDBYTES; ++i)
        seed[i] = static_cast<unsigned char>(first + i);
    crypto::SigningKeyPair kp;
    kp.publicKey.resize(crypto_sign_PUBLICKEYBYTES);
    kp.secretKey = crypto::SecretBytes(crypto_sign_SECRETKEYBYTES);
    crypto_sign_seed_keypair(reinterpret_cast<unsigned char*>(kp.publicKey.data()), kp.secretKey.data(), seed);
    return kp;
}

QByteArray counting(int n, int first) {
    QByteArray out(n, '\0');
    for (int i = 0; i < n; ++i)
        out[i] = char(first + i);
    return out;
}

std::int64_t millisAt(int hour, int minute) {
    return QDateTime(QDate(2026, 9, 1), QTime(hour, minute), Qt::UTC).toMSecsSinceEpoch();
}

const std::int64_t kFrameTime = millisAt(9, 0);
const QByteArray kNonce = counting(kNonceBytes, 0x10);
const QString kMark = QStringLiteral("mark/7А/math/all/2026-09-01/2/7a-01/1");

ChangeSet signedSet(const crypto::SigningKeyPair& key, const QString& author, qint64 seq, QList<Op> ops) {
    ChangeSet cs;
    cs.author = author;
    cs.seq = seq;
    cs.ops = std::move(ops);
    cs.hlc = cs.ops.back().hlc;
    cs.sign(key);
    return cs;
}

// The fixed content of the golden files: a mark entered, then changed, an absence, a cleared homework. Spelled
// out op by op, independent of how the domain model maps entities to fields.
PushBatch goldenBatch(const crypto::SigningKeyPair& key) {
    const std::int64_t t0 = Hlc::pack(millisAt(8, 30), 0);
    const QString author = QStringLiteral("t-ivanova");
    const QList<Op> first{Op{t0, kMark, QStringLiteral("kind"), QStringLiteral("control"), {}},
                          Op{t0 + 1, kMark, QStringLiteral("value"), QStringLiteral("5"), {}},
                          Op{t0 + 2, kMark, QStringLiteral("weight"), std::int64_t{2}, {}},
                          Op{t0 + 3, kMark, QStringLiteral("work"), QStringLiteral("homework"), {}}};
    const std::int64_t valueHlc = t0 + 1;
    const ChangeSet cs1 = signedSet(key, author, 1, first);
    const Version valueVersion{cs1.deviceNumber(), valueHlc};
    const std::int64_t t1 = Hlc::pack(millisAt(8, 41), 0);
    const ChangeSet cs2 = signedSet(key, author, 2,
                                    {Op{t1, kMark, QStringLiteral("value"), QStringLiteral("4"), valueVersion},
                                     Op{t1 + 1,
                                        QStringLiteral("att/7А/math/all/2026-09-01/2/7a-02"),
                                        QStringLiteral("reason"),
                                        QStringLiteral("Б"),
                                        {}},
                                     Op{t1 + 2,
                                        QStringLiteral("lesson/7А/math/all/2026-09-01/2"),
                                        QStringLiteral("homework"),
                                        {},
                                        Version{cs1.deviceNumber(), Hlc::pack(millisAt(8, 0), 0)}}});
    PushBatch b;
    b.nodeId = QStringLiteral("node-ivanova");
    b.batchId = counting(kBatchIdBytes, 0xb0);
    b.cursor = 42;
    b.changeSets = {SignedChangeSet::of(cs1), SignedChangeSet::of(cs2)};
    return b;
}

Frame frameFields(const crypto::SigningKeyPair& key, const QByteArray& payload, int version = kProtocolVersion) {
    Frame f;
    f.version = version;
    f.deviceKey = key.publicKey;
    f.timeMs = kFrameTime;
    f.nonce = kNonce;
    f.payload = payload;
    f.signature = key.sign(frameSigningMessage(f.version, f.deviceKey, f.timeMs, f.nonce, f.payload));
    return f;
}

// A zstd frame of `total` zero bytes built in 1 MiB steps, so the test never holds the expanded data.
QByteArray zeroBomb(qsizetype total) {
    std::unique_ptr<ZSTD_CCtx, decltype(&ZSTD_freeCCtx)> cctx(ZSTD_createCCtx(), &ZSTD_freeCCtx);
    ZSTD_CCtx_setPledgedSrcSize(cctx.get(), std::size_t(total));
    const QByteArray zeros(1024 * 1024, '\0');
    QByteArray out;
    QByteArray buf(qsizetype(ZSTD_CStreamOutSize()), Qt::Uninitialized);
    for (qsizetype done = 0; done < total; done += zeros.size()) {
        const bool last = done + zeros.size() >= total;
        ZSTD_inBuffer in{zeros.constData(), std::size_t(std::min(zeros.size(), total - done)), 0};
        std::size_t remaining = 0;
        do {
            ZSTD_outBuffer ob{buf.data(), std::size_t(buf.size()), 0};
            remaining = ZSTD_compressStream2(cctx.get(), &ob, &in, last ? ZSTD_e_end : ZSTD_e_continue);
            if (ZSTD_isError(remaining))
                qFatal("compression failed: %s", ZSTD_getErrorName(remaining));
            out.append(buf.constData(), qsizetype(ob.pos));
        } while (last ? remaining != 0 : in.pos < in.size);
    }
    return out;
}

long peakRssKiB() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

QByteArray randomBytes(qsizetype n, QRandomGenerator& rng) {
    QByteArray out(n, Qt::Uninitialized);
    for (qsizetype i = 0; i < n; ++i)
        out[i] = char(rng.bounded(256));
    return out;
}

QString goldenPath(const char* name) {
    return qEnvironmentVariable("TABEL_SOURCE_DIR") + QStringLiteral("/tests/sync/golden/") + QLatin1String(name);
}

QByteArray readFile(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A year of marks in one class and subject: lessons on school days, a few marks per lesson, each mark the
// four fields a node writes for it (Mark::toFields()), now and then a mark corrected later. Ops come grouped
// into change sets of one mark each (what `tabel-node mark set` commits today) or one lesson column each.
QList<ChangeSet> syntheticMarks(const crypto::SigningKeyPair& key, int wanted, bool perLesson) {
    QRandomGenerator rng(2026);
    const QString author = QStringLiteral("t-ivanova");
    const std::int64_t device = crypto::deviceNumber(key.publicKey);
    QList<ChangeSet> sets;
    QList<Op> pending;
    qint64 seq = 0;
    int total = 0;
    const auto flush = [&] {
        if (!pending.isEmpty())
            sets << signedSet(key, author, ++seq, pending);
        pending.clear();
    };
    QDate day(2026, 9, 1);
    for (int lesson = 0; total < wanted; ++lesson, day = day.addDays(day.dayOfWeek() == 5 ? 3 : 1)) {
        domain::Mark m;
        m.lesson = {QStringLiteral("7А"), QStringLiteral("math"), QStringLiteral("all"), day, 1 + lesson % 5};
        std::int64_t millis = QDateTime(day, QTime(8 + lesson % 5, 50), Qt::UTC).toMSecsSinceEpoch();
        const int marks = 3 + int(rng.bounded(4));
        for (int i = 0; i < marks && total < wanted; ++i) {
            m.pupilId = QStringLiteral("7a-%1").arg(1 + int(rng.bounded(25)), 2, 10, QLatin1Char('0'));
            m.value = domain::MarkValue(rng.bounded(4));
            m.weight = rng.bounded(8) == 0 ? 2 : 1;
            m.kind = m.weight == 2 ? domain::MarkKind::Control : domain::MarkKind::Current;
            m.work = rng.bounded(3) == 0 ? domain::WorkKind::Homework : domain::WorkKind::Classwork;
            millis += 20000 + rng.bounded(40000);
            std::int64_t hlc = Hlc::pack(millis, 0);
            Version valueVersion;
            for (const auto& [field, value] : m.toFields()) {
                if (domain::isNull(value) || total >= wanted)
                    continue;
                if (field == QLatin1String("value"))
                    valueVersion = {device, hlc};
                pending.append(Op{hlc++, m.entityKey(), field, value, {}});
                ++total;
            }
            if (!perLesson)
                flush();
            if (rng.bounded(20) == 0 && total < wanted) { // corrected a minute later
                millis += 60000;
                pending.append(Op{Hlc::pack(millis, 0), m.entityKey(), QStringLiteral("value"),
                                  domain::toString(domain::MarkValue::Four), valueVersion});
                ++total;
                if (!perLesson)
                    flush();
            }
        }
        flush();
    }
    return sets;
}

// The measured alternative: ops of all sets in one array with entity keys relative to the previous op's key
// ([shared prefix length, suffix]) and times relative to the previous op. Not the wire format.
QByteArray relativeKeyEncoding(const QList<ChangeSet>& sets) {
    QByteArray out;
    QCborStreamWriter w(&out);
    w.startArray();
    QByteArray previousKey;
    std::int64_t previousHlc = 0;
    for (const ChangeSet& cs : sets) {
        w.startArray(3);
        w.append(qint64(cs.seq));
        w.append(cs.signature);
        w.startArray(quint64(cs.ops.size()));
        for (const Op& op : cs.ops) {
            const QByteArray key = op.entity.toUtf8();
            qsizetype shared = 0;
            while (shared < key.size() && shared < previousKey.size() && key[shared] == previousKey[shared])
                ++shared;
            w.startArray(6);
            w.append(qint64(op.hlc - previousHlc));
            w.append(qint64(shared));
            w.appendTextString(key.constData() + shared, key.size() - shared);
            w.append(op.field);
            if (std::holds_alternative<QString>(op.value))
                w.append(std::get<QString>(op.value));
            else if (std::holds_alternative<std::int64_t>(op.value))
                w.append(qint64(std::get<std::int64_t>(op.value)));
            else
                w.appendNull();
            w.append(op.base.isNull() ? qint64(0) : qint64(op.hlc - op.base.hlc));
            w.endArray();
            previousKey = key;
            previousHlc = op.hlc;
        }
        w.endArray();
        w.endArray();
    }
    w.endArray();
    return out;
}

// "accepted", or the WireError's name and message: a failed comparison shows what happened.
template <class T> QString outcomeOf(const WireResult<T>& r) {
    return r ? QStringLiteral("accepted") : wireErrorName(r.kind());
}
QString nameOf(WireError e) {
    return wireErrorName(e);
}

} // namespace

Q_DECLARE_METATYPE(tabel::sync::WireError)

class TestWire : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void RS10_zstdBombFailsFastWithoutExpanding(); // first: the peak RSS is still low
    void RS10_goldenPushV1();
    void RS10_messageRoundTrips();
    void RS10_frameRoundTrip();
    void RS10_signedChangeSetOpens();
    void RS9_setsOpenedInParallelAsOneByOne();
    void RS9_enrolAndPullMessagesRoundTrip();
    void printsReportRoundTripsAndIsBounded();
    void RS10_truncatedAtEveryPrefix();
    void RS10_randomGarbageNeverCrashes();
    void RS10_expandedPayloadTooLarge();
    void RS10_oversizedFrame();
    void RS10_largeMessagesCompressFaster();
    void RS10_tooManyOps();
    void RS10_oversizeField_data();
    void RS10_oversizeField();
    void RS9_forgedSignature_data();
    void RS9_forgedSignature();
    void RS10_unknownVersion();
    void RS10_wrongLength_data();
    void RS10_wrongLength();
    void RS10_wrongMessageKind();
    void RS10_invalidTextAndWrongTypesAreNamed();
    void RS10_addedItemsAreSkipped();
    void RS9_freshness_data();
    void RS9_freshness();
    void RS10_httpStatus();
    void RS10_bytesPerOp();

private:
    crypto::SigningKeyPair m_key;
};

void TestWire::initTestCase() {
    QVERIFY(crypto::initialize());
    m_key = seedKey(0);
}

void TestWire::RS10_zstdBombFailsFastWithoutExpanding() {
    const QByteArray bomb = zeroBomb(100 * 1000 * 1000);
    const QByteArray frame = assembleFrame(frameFields(m_key, bomb));
    const long before = peakRssKiB();
    QElapsedTimer timer;
    timer.start();
    const WireResult<Frame> f = decodeFrame(frame);
    const qint64 ms = timer.elapsed();
    QVERIFY(!f);
    QCOMPARE(outcomeOf(f), nameOf(WireError::Bomb));
    QVERIFY2(f.error().message.contains(QStringLiteral("decompression bomb")), qPrintable(f.error().message));
    QCOMPARE(httpStatus(f.kind()), 413);
    const long grownKiB = peakRssKiB() - before;
    qInfo("100 MB of zeros, %lld bytes compressed: refused in %lld ms, peak memory grew by %ld KiB",
          qint64(bomb.size()), ms, grownKiB);
    QVERIFY2(grownKiB < 16 * 1024, qPrintable(QStringLiteral("peak RSS grew by %1 KiB").arg(grownKiB)));
}

void TestWire::RS10_goldenPushV1() {
    const PushBatch batch = goldenBatch(m_key);
    const QByteArray message = encode(batch);
    Result<QByteArray> frame = encodeFrame(message, m_key, kFrameTime, kNonce);
    QVERIFY(frame);
    const QString binPath = goldenPath("push-v1.bin"), cborPath = goldenPath("push-v1.cbor");
    if (qEnvironmentVariable("TABEL_REGENERATE_GOLDEN") == QLatin1String("1")) {
        QVERIFY(QDir().mkpath(QFileInfo(binPath).absolutePath()));
        for (const auto& [path, bytes] : {std::pair{binPath, *frame}, std::pair{cborPath, message}}) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QCOMPARE(qint64(f.write(bytes)), qint64(bytes.size()));
        }
        qInfo("regenerated %s and %s", qPrintable(binPath), qPrintable(cborPath));
    }
    const QByteArray goldenBin = readFile(binPath), goldenCbor = readFile(cborPath);
    QVERIFY2(!goldenBin.isEmpty() && !goldenCbor.isEmpty(),
             qPrintable(QStringLiteral("missing %1; run with TABEL_REGENERATE_GOLDEN=1 once").arg(binPath)));

    // The decoder of this build accepts the published bytes …
    const WireResult<Frame> decoded = decodeFrame(goldenBin);
    QVERIFY2(decoded, qPrintable(decoded ? QString() : decoded.error().message));
    QCOMPARE(decoded->deviceKey, m_key.publicKey);
    QCOMPARE(decoded->timeMs, kFrameTime);
    QCOMPARE(decoded->nonce, kNonce);
    QCOMPARE(decoded->message, goldenCbor);
    const WireResult<PushBatch> push = decodePushBatch(decoded->message);
    QVERIFY(push);
    QCOMPARE(*push, batch);
    for (const SignedChangeSet& s : push->changeSets)
        QVERIFY(s.open());

    // … and its encoder reproduces them byte for byte. The message must never differ; the frame differs also
    // when another libzstd compresses differently, which the message names.
    QCOMPARE(message, goldenCbor);
    if (*frame != goldenBin)
        QFAIL(qPrintable(QStringLiteral("the frame differs from %1 while the message is the same: libzstd %2 "
                                        "compresses differently than the one that wrote it; the format is "
                                        "unchanged — regenerate with TABEL_REGENERATE_GOLDEN=1")
                             .arg(binPath, QString::fromLatin1(ZSTD_versionString()))));
}

void TestWire::RS10_messageRoundTrips() {
    const PushBatch push = goldenBatch(m_key);
    QCOMPARE(*decodePushBatch(encode(push)), push);
    PushBatch empty = push;
    empty.changeSets.clear();
    QCOMPARE(*decodePushBatch(encode(empty)), empty);

    PullBatch pull;
    pull.fromCursor = 42;
    pull.toCursor = 44;
    pull.changeSets = {{43, push.changeSets[0]}, {44, push.changeSets[1]}};
    QCOMPARE(*decodePullBatch(encode(pull)), pull);
    QCOMPARE(quint8(encode(pull).at(0)), quint8(0x85)); // the first revision's five items

    // The items added within version 1: closed periods and notices (6, 7), open conflicts (8), and whether the
    // hub examined its whole log (9, only after the 8th).
    PullBatch extended = pull;
    extended.closedPeriods = QList<ClosedPeriod>{};
    extended.openConflicts = QList<OpenConflict>{{QStringLiteral("c0123456789"),
                                                  QStringLiteral("mark/7А/math/all/"
                                                                 "2026-09-01/2/7a-01/1"),
                                                  QStringLiteral("value")}};
    QCOMPARE(*decodePullBatch(encode(extended)), extended);
    QCOMPARE(quint8(encode(extended).at(0)), quint8(0x88));
    for (const bool complete : {false, true}) {
        extended.complete = complete;
        const QByteArray bytes = encode(extended);
        QCOMPARE(quint8(bytes.at(0)), quint8(0x89));
        QCOMPARE(*decodePullBatch(bytes), extended);
    }
    // Without the 8th item the 9th is not written (a hub that says one says both).
    PullBatch onlyComplete = pull;
    onlyComplete.complete = true;
    QCOMPARE(quint8(encode(onlyComplete).at(0)), quint8(0x85));
    // A flag other than 0 or 1 is refused; an item added after it by a later hub is skipped.
    QByteArray bad = encode(extended);
    QCOMPARE(quint8(bad.back()), quint8(0x01));
    bad.back() = char(0x02);
    QCOMPARE(outcomeOf(decodePullBatch(bad)), nameOf(WireError::Garbage));
    QByteArray later = encode(extended);
    later[0] = char(0x8a);
    later.append(char(0x00));
    QCOMPARE(*decodePullBatch(later), extended);

    Ack ack;
    ack.batchId = push.batchId;
    ack.entries = {{1, AckStatus::Accepted, int(AckReason::None), {}},
                   {2, AckStatus::Duplicate, int(AckReason::None), {}},
                   {3, AckStatus::Conflict, int(AckReason::AmendmentRequest), QStringLiteral("period «q1» is closed")},
                   {4, AckStatus::Rejected, int(AckReason::OutOfScope), QStringLiteral("outside the node's scopes")},
                   {5, AckStatus::Rejected, 999, QStringLiteral("a code from a later build")}};
    QCOMPARE(*decodeAck(encode(ack)), ack);
    QCOMPARE(encode(*decodeAck(encode(ack))), encode(ack));
    QCOMPARE(quint8(encode(ack).at(0)), quint8(0x84)); // the stored Ack: the first revision's four items

    // Push and pull in one request (PROTOCOL.md): the batch's 7th item asks for the pull, the Ack's 5th answers it.
    PushBatch asking = push;
    asking.pullMax = 250;
    QCOMPARE(quint8(encode(push).at(0)), quint8(0x86));
    QCOMPARE(quint8(encode(asking).at(0)), quint8(0x87));
    QCOMPARE(*decodePushBatch(encode(asking)), asking);
    QCOMPARE(decodePushBatch(encode(asking))->pullMax, std::optional<quint64>(250));
    Ack answering = ack;
    answering.pulled = encode(extended);
    const QByteArray answered = encode(answering);
    QCOMPARE(quint8(answered.at(0)), quint8(0x85));
    QCOMPARE(*decodeAck(answered), answering);
    QCOMPARE(encode(*decodeAck(answered)), answered);
    QCOMPARE(*decodePullBatch(*decodeAck(answered)->pulled), extended);
    // The answer inside is bounded by the limits of an answer …
    WireLimits small;
    small.maxPayloadBytes = answering.pulled->size() - 1;
    QCOMPARE(outcomeOf(decodeAck(answered, small)), nameOf(WireError::TooLarge));
    // … and read by the node after it has recorded the Ack: a pull it cannot read (here an end-of-log flag of 2, or
    // another message) leaves the Ack readable, and is refused by the pull's own decoder.
    Ack damaged = ack;
    damaged.pulled = encode(extended);
    damaged.pulled->back() = char(0x02);
    const WireResult<Ack> readable = decodeAck(encode(damaged));
    QVERIFY(readable);
    QCOMPARE(readable->entries, ack.entries);
    QCOMPARE(outcomeOf(decodePullBatch(*readable->pulled)), nameOf(WireError::Garbage));
    Ack other = ack;
    other.pulled = encode(ack);
    QCOMPARE(outcomeOf(decodePullBatch(*decodeAck(encode(other))->pulled)), nameOf(WireError::WrongMessage));
}

void TestWire::RS10_frameRoundTrip() {
    const QByteArray message = encode(goldenBatch(m_key));
    const QByteArray nonce = newNonce();
    QCOMPARE(nonce.size(), kNonceBytes);
    QVERIFY(nonce != newNonce());
    QCOMPARE(newBatchId().size(), kBatchIdBytes);
    Result<QByteArray> bytes = encodeFrame(message, m_key, 1234567, nonce);
    QVERIFY(bytes);
    const WireResult<Frame> f = decodeFrame(*bytes);
    QVERIFY(f);
    QCOMPARE(f->version, kProtocolVersion);
    QCOMPARE(f->deviceKey, m_key.publicKey);
    QCOMPARE(f->timeMs, std::int64_t{1234567});
    QCOMPARE(f->nonce, nonce);
    QCOMPARE(f->message, message);
    QVERIFY(f->payload.size() < message.size());

    QVERIFY(!encodeFrame(message, m_key, 0, QByteArray(15, 'n')));
    QVERIFY(!encodeFrame(message, m_key, -1, nonce));
}

void TestWire::RS9_enrolAndPullMessagesRoundTrip() {
    EnrollRequest enrol;
    enrol.secret = counting(kEnrollSecretBytes, 0x40);
    enrol.nodeName = QStringLiteral("ноутбук-каб-12");
    QCOMPARE(*decodeEnrollRequest(encode(enrol)), enrol);
    QCOMPARE(encode(*decodeEnrollRequest(encode(enrol))), encode(enrol));

    Enrolled enrolled;
    enrolled.nodeId = QStringLiteral("n3");
    enrolled.teacherId = QStringLiteral("t01");
    enrolled.teacherName = QStringLiteral("Петрова Анна Сергеевна");
    enrolled.assignments = {{QStringLiteral("7А"), QStringLiteral("math"), QStringLiteral("all")},
                            {QStringLiteral("7А"), QStringLiteral("eng"), QStringLiteral("1")}};
    QCOMPARE(*decodeEnrolled(encode(enrolled)), enrolled);
    Enrolled none = enrolled;
    none.assignments.clear();
    QCOMPARE(*decodeEnrolled(encode(none)), none);

    PullRequest pull;
    pull.cursor = 4242;
    pull.maxChangeSets = 500;
    QCOMPARE(*decodePullRequest(encode(pull)), pull);

    // Kinds are checked; a short secret is a wrong length; every prefix is refused, never a crash.
    QCOMPARE(outcomeOf(decodePullRequest(encode(enrol))), nameOf(WireError::WrongMessage));
    QCOMPARE(outcomeOf(decodeEnrolled(encode(pull))), nameOf(WireError::WrongMessage));
    EnrollRequest shortSecret = enrol;
    shortSecret.secret.chop(1);
    QCOMPARE(outcomeOf(decodeEnrollRequest(encode(shortSecret))), nameOf(WireError::WrongLength));
    const QByteArray bytes = encode(enrolled);
    for (qsizetype n = 0; n < bytes.size(); ++n)
        QVERIFY(!decodeEnrolled(bytes.left(n)));
    // Enrolment codes: 42 base32 letters in groups of six; case, spaces and dashes do not matter.
    const EnrolmentCode code{counting(kEnrollFingerprintBytes, 0xe0), counting(kEnrollSecretBytes, 0x01)};
    const QString text = formatEnrolmentCode(code);
    QCOMPARE(text.size(), 42 + 6);
    QCOMPARE(text.count(u'-'), 6);
    QCOMPARE(*parseEnrolmentCode(text), code);
    QCOMPARE(*parseEnrolmentCode(QStringLiteral("  ") + text.toLower().replace(u'-', u' ')), code);
    QVERIFY(!parseEnrolmentCode(text.left(text.size() - 1)));
    QVERIFY(!parseEnrolmentCode(text + u'A'));
    QVERIFY(!parseEnrolmentCode(QString(text).replace(0, 1, u'1')));

    WireLimits one;
    one.maxAssignments = 1;
    QCOMPARE(outcomeOf(decodeEnrolled(bytes, one)), nameOf(WireError::TooLarge));
}

void TestWire::RS10_signedChangeSetOpens() {
    const PushBatch b = goldenBatch(m_key);
    Result<ChangeSet> cs = b.changeSets[1].open();
    QVERIFY(cs);
    QCOMPARE(cs->seq, std::int64_t{2});
    QCOMPARE(cs->ops.size(), qsizetype(3));
    QVERIFY(std::holds_alternative<std::monostate>(cs->ops[2].value));

    SignedChangeSet tampered = b.changeSets[1];
    tampered.canonical.replace(QByteArrayLiteral("7a-02"), QByteArrayLiteral("7a-03"));
    QVERIFY(!tampered.open());
    SignedChangeSet badSignature = b.changeSets[1];
    badSignature.signature[0] = char(badSignature.signature[0] ^ 1);
    QCOMPARE(badSignature.open().error().code, ErrorCode::Crypto);
}

// R-S9: the hub's push and the node's pull open a batch's sets on several threads (sync/open_sets.h); each set gets
// exactly what open() alone gives it, in order, a forged one included, whatever the window and the threads.
void TestWire::RS9_setsOpenedInParallelAsOneByOne() {
    QList<SignedChangeSet> sets;
    for (int i = 1; i <= 37; ++i) {
        const std::int64_t t = Hlc::pack(millisAt(8, 0) + i, 0);
        sets.append(SignedChangeSet::of(
            signedSet(m_key, QStringLiteral("t-ivanova"), i,
                      {Op{t, kMark, QStringLiteral("value"), QString::number(1 + i % 5), {}},
                       Op{t + 1,
                          QStringLiteral("att/7А/math/all/2026-09-01/2/7a-%1").arg(i, 2, 10, QLatin1Char('0')),
                          QStringLiteral("reason"),
                          QStringLiteral("Б"),
                          {}}})));
    }
    sets[5].signature[3] = char(sets[5].signature[3] ^ 1); // forged
    sets[30].canonical.chop(1);                            // damaged
    for (const auto& [window, threads] : std::vector<std::pair<int, int>>{{1, 1}, {4, 2}, {7, 3}, {128, 0}, {37, 8}}) {
        SetOpener opener(sets, window, threads);
        // The caller's work on each opened set (the hub's log bytes and scope decisions): done for every set that
        // opened, once, before take() returns it; never for one that did not open.
        std::vector<std::int64_t> prepared(std::size_t(sets.size()), 0);
        std::vector<std::atomic<int>> times(std::size_t(sets.size()));
        opener.prepareWith([&](qsizetype i, const ChangeSet& cs) {
            prepared[std::size_t(i)] = cs.seq;
            ++times[std::size_t(i)];
        });
        for (qsizetype i = 0; i < sets.size(); ++i) {
            const Result<ChangeSet> alone = sets[i].open();
            Result<ChangeSet> opened = opener.take(i);
            QCOMPARE(bool(opened), bool(alone));
            QCOMPARE(times[std::size_t(i)].load(), alone ? 1 : 0);
            if (alone) {
                QCOMPARE(opened->seq, std::int64_t(i + 1));
                QCOMPARE(prepared[std::size_t(i)], opened->seq);
                QCOMPARE(opened->canonicalBytes(), sets[i].canonical);
            } else {
                QCOMPARE(opened.error().code, alone.error().code);
                QCOMPARE(opened.error().message, alone.error().message);
            }
        }
    }
    // Indexes that skip windows (the next window is opened ahead, but not the one asked for), and an opener
    // left while it opens ahead.
    for (const int threads : {1, 2}) {
        SetOpener opener(sets, 4, threads);
        for (const qsizetype i : {0, 1, 4, 9, 10, 21, 36}) {
            Result<ChangeSet> opened = opener.take(i);
            QVERIFY(opened);
            QCOMPARE(opened->canonicalBytes(), sets[i].canonical);
        }
        SetOpener left(sets, 8, threads);
        QVERIFY(left.take(0));
    }
    QVERIFY(!sets[5].open());
    QCOMPARE(sets[5].open().error().code, ErrorCode::Crypto);
    QVERIFY(!sets[30].open());

    // A pipeline, not windows: the first set comes back while the others are still being opened (a batch is
    // judged from its first set on, while helpers open the rest). Here the others cannot finish until released; an
    // opener that waited for them would come back only when the bounded wait below gives up, with all of them done.
    std::mutex m;
    std::condition_variable cv;
    bool released = false;
    std::atomic<int> othersDone{0};
    {
        const QList<SignedChangeSet> day = sets.mid(0, 5); // sets 1–5, all authentic
        SetOpener opener(day, 128, 2);
        opener.prepareWith([&](qsizetype i, const ChangeSet&) {
            if (i == 0)
                return;
            std::unique_lock lock(m);
            cv.wait_for(lock, std::chrono::seconds(10), [&] { return released; });
            ++othersDone;
        });
        const Result<ChangeSet> first = opener.take(0);
        QVERIFY(first);
        QCOMPARE(othersDone.load(), 0);
        {
            std::lock_guard lock(m);
            released = true;
        }
        cv.notify_all();
        for (qsizetype i = 1; i < day.size(); ++i) {
            const Result<ChangeSet> opened = opener.take(i);
            QVERIFY(opened);
            QCOMPARE(opened->seq, std::int64_t(i + 1));
        }
        QCOMPARE(othersDone.load(), int(day.size()) - 1);
    }
    // A day's push (a few sets) is opened on the caller's thread alone when the threads are the opener's choice.
    {
        const QList<SignedChangeSet> day = sets.mid(0, 5); // all authentic
        SetOpener opener(day);
        std::vector<std::thread::id> openedOn(std::size_t(day.size()));
        opener.prepareWith(
            [&](qsizetype i, const ChangeSet&) { openedOn[std::size_t(i)] = std::this_thread::get_id(); });
        for (qsizetype i = 0; i < day.size(); ++i)
            QVERIFY(opener.take(i));
        for (const std::thread::id& id : openedOn)
            QCOMPARE(id, std::this_thread::get_id());
    }
}

// Issue 11 item 4 (2.5.10): the node's register entries reach the hub; the decoder is strict and bounded.
void TestWire::printsReportRoundTripsAndIsBounded() {
    PrintsReport report;
    report.nodeId = QStringLiteral("n3");
    for (quint64 i = 1; i <= 3; ++i)
        report.prints.append({i, 1796400000000 + qint64(i), QStringLiteral("t01"), QStringLiteral("journal"),
                              QStringLiteral("class=7А subject=math group=all from=2026-09-01 to=2026-10-24"),
                              QStringLiteral("pdf"), 2 * i, 40000 + i, counting(kSha256Bytes, char(i))});
    QCOMPARE(*decodePrintsReport(encode(report)), report);
    QCOMPARE(encode(*decodePrintsReport(encode(report))), encode(report));
    PrintsAck ack;
    ack.numbers = {1, 2, 3};
    QCOMPARE(*decodePrintsAck(encode(ack)), ack);

    QCOMPARE(outcomeOf(decodePrintsReport(encode(ack))), nameOf(WireError::WrongMessage));
    PrintsReport shortHash = report;
    shortHash.prints[1].sha256.chop(1);
    QCOMPARE(outcomeOf(decodePrintsReport(encode(shortHash))), nameOf(WireError::WrongLength));
    WireLimits two;
    two.maxPrintsPerReport = 2;
    QCOMPARE(outcomeOf(decodePrintsReport(encode(report), two)), nameOf(WireError::TooLarge));
    PrintsReport longText = report;
    longText.prints[0].parameters = QString(5000, u'x');
    QCOMPARE(outcomeOf(decodePrintsReport(encode(longText))), nameOf(WireError::FieldTooLarge));
    const QByteArray bytes = encode(report);
    for (qsizetype n = 0; n < bytes.size(); ++n)
        QVERIFY(!decodePrintsReport(bytes.left(n)));
}

void TestWire::RS10_truncatedAtEveryPrefix() {
    const QByteArray message = encode(goldenBatch(m_key));
    const QByteArray frame = *encodeFrame(message, m_key, kFrameTime, kNonce);
    for (qsizetype n = 0; n < frame.size(); ++n) {
        const WireResult<Frame> f = decodeFrame(frame.left(n));
        QVERIFY2(
            !f && f.kind() == WireError::Truncated,
            qPrintable(QStringLiteral("prefix %1: %2").arg(n).arg(f ? QStringLiteral("accepted") : f.error().message)));
    }
    for (qsizetype n = 0; n < message.size(); ++n) {
        const WireResult<PushBatch> b = decodePushBatch(message.left(n));
        QVERIFY2(
            !b && b.kind() == WireError::Truncated,
            qPrintable(QStringLiteral("prefix %1: %2").arg(n).arg(b ? QStringLiteral("accepted") : b.error().message)));
    }
    qInfo("every prefix of a %lld-byte frame and a %lld-byte message: Truncated", qint64(frame.size()),
          qint64(message.size()));
    const WireResult<Frame> cut = decodeFrame(frame.left(frame.size() - 1));
    QVERIFY2(cut.error().message.contains(QStringLiteral("the request ends in the middle of the signature")),
             qPrintable(cut.error().message));
}

void TestWire::RS10_randomGarbageNeverCrashes() {
    QRandomGenerator rng(20260901);
    const QByteArray frame = *encodeFrame(encode(goldenBatch(m_key)), m_key, kFrameTime, kNonce);
    QMap<WireError, int> kinds;
    for (int i = 0; i < 3000; ++i) {
        QByteArray junk = randomBytes(rng.bounded(600), rng);
        if (i % 3 == 1 && junk.size() >= 2) { // a plausible start goes deeper
            junk[0] = char(0x86);
            junk[1] = char(0x01);
        }
        const WireResult<Frame> f = decodeFrame(junk);
        QVERIFY(!f);
        ++kinds[f.kind()];
        QVERIFY(!decodePushBatch(junk));
        QVERIFY(!decodePullBatch(junk));
        QVERIFY(!decodeAck(junk));
    }
    // A valid frame with one byte changed anywhere is refused, mostly as a forgery.
    for (int i = 0; i < 3000; ++i) {
        QByteArray mutated = frame;
        const auto at = qsizetype(rng.bounded(int(frame.size())));
        mutated[at] = char(mutated[at] ^ (1 + rng.bounded(255)));
        const WireResult<Frame> f = decodeFrame(mutated);
        QVERIFY2(!f, qPrintable(QStringLiteral("byte %1 changed and still accepted").arg(at)));
        ++kinds[f.kind()];
    }
    // Signed garbage: the signature holds, the payload is no zstd, or zstd of no message.
    for (int i = 0; i < 200; ++i) {
        const QByteArray junk = randomBytes(1 + rng.bounded(300), rng);
        const WireResult<Frame> f = decodeFrame(assembleFrame(frameFields(m_key, junk)));
        QVERIFY(!f);
        QCOMPARE(outcomeOf(f), nameOf(WireError::Garbage));
        const WireResult<Frame> g = decodeFrame(*encodeFrame(junk, m_key, kFrameTime, kNonce));
        QVERIFY(g);
        QVERIFY(!decodePushBatch(g->message));
    }
    QStringList seen;
    for (auto it = kinds.cbegin(); it != kinds.cend(); ++it)
        seen << QStringLiteral("%1 %2").arg(wireErrorName(it.key())).arg(it.value());
    qInfo("refusals by kind: %s", qPrintable(seen.join(QStringLiteral(", "))));
}

void TestWire::RS10_expandedPayloadTooLarge() {
    // Under the ratio limit but over the size limit: TooLarge with the message the node shows.
    WireLimits limits;
    limits.maxRatio = 1000000;
    const WireResult<Frame> f = decodeFrame(assembleFrame(frameFields(m_key, zeroBomb(40 * 1000 * 1000))), limits);
    QVERIFY(!f);
    QCOMPARE(outcomeOf(f), nameOf(WireError::TooLarge));
    QCOMPARE(f.error().message, QStringLiteral("the batch expands beyond 32 MiB; the node must send smaller batches"));

    // Ratio checked above the floor only: a small, very compressible message is fine.
    const QByteArray text(512 * 1024, 'a');
    const WireResult<QByteArray> small = decompressPayload(*compressPayload(text));
    QVERIFY(small);
    QCOMPARE(*small, text);
}

// A message over 16 KiB (a day's push, a first sync's batches and pages) is compressed at level 3, a smaller one at 9
// (PROTOCOL.md, "Size"); either way the receiver reads it back whole.
void TestWire::RS10_largeMessagesCompressFaster() {
    QCOMPARE(zstdLevelFor(kLargePayloadBytes), kZstdLevel);
    QCOMPARE(zstdLevelFor(kLargePayloadBytes + 1), kZstdLevelLarge);
    QByteArray text;
    for (int i = 0; text.size() <= kLargePayloadBytes; ++i)
        text += QByteArray::number(i * 7919 % 104729) + (i % 3 ? ";mark/7А/math/all/" : ";att/7Б/");
    QCOMPARE(*compressPayload(text), *compressPayload(text, kZstdLevelLarge));
    QVERIFY(*compressPayload(text) != *compressPayload(text, kZstdLevel));
    QCOMPARE(*decompressPayload(*compressPayload(text)), text);
    const QByteArray small = text.left(kLargePayloadBytes);
    QCOMPARE(*compressPayload(small), *compressPayload(small, kZstdLevel));
}

void TestWire::RS10_oversizedFrame() {
    const WireResult<Frame> huge = decodeFrame(QByteArray(8 * 1024 * 1024 + 1, '\x86'));
    QCOMPARE(outcomeOf(huge), nameOf(WireError::TooLarge));
    QVERIFY2(huge.error().message.contains(QStringLiteral("the limit is 8 MiB")), qPrintable(huge.error().message));

    WireLimits limits;
    limits.maxFrameBytes = 300;
    QRandomGenerator rng(7);
    const QByteArray frame = *encodeFrame(randomBytes(400, rng), m_key, kFrameTime, kNonce);
    QCOMPARE(outcomeOf(decodeFrame(frame, limits)), nameOf(WireError::TooLarge));
    QVERIFY(decodeFrame(frame));
}

void TestWire::RS10_tooManyOps() {
    PushBatch b = goldenBatch(m_key); // 4 + 3 ops
    WireLimits limits;
    limits.maxOpsPerBatch = 6;
    const WireResult<PushBatch> over = decodePushBatch(encode(b), limits);
    QCOMPARE(outcomeOf(over), nameOf(WireError::TooManyOps));
    QVERIFY2(over.error().message.contains(QStringLiteral("more than 6 ops; the node must send smaller batches")),
             qPrintable(over.error().message));
    limits.maxOpsPerBatch = 7;
    QVERIFY(decodePushBatch(encode(b), limits));

    // A change set announcing more ops than any may hold is refused before a single op is read.
    QByteArray liar;
    QCborStreamWriter w(&liar);
    w.startArray(6);
    w.append(qint64(1));
    w.append(m_key.publicKey);
    w.append(QStringLiteral("t1"));
    w.append(qint64(1));
    w.append(qint64(5));
    w.startArray(quint64(Limits::maxOpsPerChangeSet) + 1);
    b.changeSets = {{liar, QByteArray(kSignatureBytes, 's')}};
    const WireResult<PushBatch> announced = decodePushBatch(encode(b));
    QCOMPARE(outcomeOf(announced), nameOf(WireError::TooManyOps));
    QVERIFY(announced.error().message.contains(QStringLiteral("100001 ops; the limit is 100000")));

    // Too many change sets.
    b = goldenBatch(m_key);
    limits = {};
    limits.maxChangeSetsPerBatch = 1;
    QCOMPARE(outcomeOf(decodePushBatch(encode(b), limits)), nameOf(WireError::TooLarge));
}

void TestWire::RS10_oversizeField_data() {
    QTest::addColumn<int>("which"); // 0 entity, 1 field, 2 value, 3 author
    QTest::addColumn<int>("size");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("entity key at the limit") << 0 << Limits::maxEntityKeyBytes << true;
    QTest::newRow("entity key over the limit") << 0 << Limits::maxEntityKeyBytes + 1 << false;
    QTest::newRow("field name at the limit") << 1 << Limits::maxFieldNameBytes << true;
    QTest::newRow("field name over the limit") << 1 << Limits::maxFieldNameBytes + 1 << false;
    QTest::newRow("text value at the limit") << 2 << Limits::maxTextValueBytes << true;
    QTest::newRow("text value over the limit") << 2 << Limits::maxTextValueBytes + 1 << false;
    QTest::newRow("author at the limit") << 3 << Limits::maxAuthorBytes << true;
    QTest::newRow("author over the limit") << 3 << Limits::maxAuthorBytes + 1 << false;
}

void TestWire::RS10_oversizeField() {
    QFETCH(int, which);
    QFETCH(int, size);
    QFETCH(bool, accepted);
    const QString big(size, QLatin1Char('x'));
    Op op{Hlc::pack(millisAt(8, 30), 0), kMark, QStringLiteral("value"), QStringLiteral("5"), {}};
    QString author = QStringLiteral("t1");
    if (which == 0)
        op.entity = big;
    else if (which == 1)
        op.field = big;
    else if (which == 2)
        op.value = big;
    else
        author = big;
    PushBatch b = goldenBatch(m_key);
    b.changeSets = {SignedChangeSet::of(signedSet(m_key, author, 1, {op}))};
    const QByteArray frame = *encodeFrame(encode(b), m_key, kFrameTime, kNonce);
    const WireResult<Frame> f = decodeFrame(frame);
    QVERIFY(f);
    const WireResult<PushBatch> decoded = decodePushBatch(f->message);
    QCOMPARE(decoded.has_value(), accepted);
    if (!accepted) {
        QCOMPARE(outcomeOf(decoded), nameOf(WireError::FieldTooLarge));
        QVERIFY2(decoded.error().message.contains(QStringLiteral("the limit is")), qPrintable(decoded.error().message));
    }
}

void TestWire::RS9_forgedSignature_data() {
    QTest::addColumn<int>("what");
    QTest::newRow("a bit of the payload") << 0;
    QTest::newRow("a bit of the signature") << 1;
    QTest::newRow("the time") << 2;
    QTest::newRow("a bit of the nonce") << 3;
    QTest::newRow("another device's key") << 4;
    QTest::newRow("a payload recompressed by someone else") << 5;
}

void TestWire::RS9_forgedSignature() {
    QFETCH(int, what);
    const QByteArray message = encode(goldenBatch(m_key));
    Frame f = frameFields(m_key, *compressPayload(message));
    switch (what) {
    case 0:
        f.payload[f.payload.size() / 2] = char(f.payload[f.payload.size() / 2] ^ 0x04);
        break;
    case 1:
        f.signature[10] = char(f.signature[10] ^ 0x01);
        break;
    case 2:
        f.timeMs += 1;
        break;
    case 3:
        f.nonce[0] = char(f.nonce[0] ^ 0x80);
        break;
    case 4:
        f.deviceKey = seedKey(100).publicKey;
        break;
    default:
        f.payload = *compressPayload(message, 1);
        break;
    }
    const WireResult<Frame> decoded = decodeFrame(assembleFrame(f));
    QVERIFY(!decoded);
    QCOMPARE(outcomeOf(decoded), nameOf(WireError::BadSignature));
    QCOMPARE(decoded.error().code, ErrorCode::Crypto);
    QCOMPARE(httpStatus(decoded.kind()), 401);
}

void TestWire::RS10_unknownVersion() {
    const QByteArray payload = *compressPayload(encode(goldenBatch(m_key)));
    for (int version : {0, 2, 70000}) {
        const WireResult<Frame> f = decodeFrame(assembleFrame(frameFields(m_key, payload, version)));
        QCOMPARE(outcomeOf(f), nameOf(WireError::UnknownVersion));
        QVERIFY2(f.error().message.contains(QStringLiteral("protocol version %1 is not supported; this hub speaks "
                                                           "version 1")
                                                .arg(version)),
                 qPrintable(f.error().message));
        QCOMPARE(f.error().code, ErrorCode::Unsupported);
    }
    // A version-2 frame may look entirely different after its version: still UnknownVersion, not Garbage.
    QByteArray v2;
    QCborStreamWriter w(&v2);
    w.startArray(3);
    w.append(qint64(2));
    w.append(QStringLiteral("something new"));
    w.appendNull();
    w.endArray();
    QCOMPARE(outcomeOf(decodeFrame(v2)), nameOf(WireError::UnknownVersion));

    PushBatch b = goldenBatch(m_key);
    b.version = 2;
    const WireResult<PushBatch> message = decodePushBatch(encode(b));
    QCOMPARE(outcomeOf(message), nameOf(WireError::UnknownVersion));

    QByteArray format2 = goldenBatch(m_key).changeSets[0].canonical;
    QCOMPARE(format2[1], char(0x01));
    format2[1] = char(0x02);
    b = goldenBatch(m_key);
    b.changeSets[0].canonical = format2;
    const WireResult<PushBatch> cs = decodePushBatch(encode(b));
    QCOMPARE(outcomeOf(cs), nameOf(WireError::UnknownVersion));
    QVERIFY(cs.error().message.contains(QStringLiteral("change set format 2 is not supported")));
}

void TestWire::RS10_wrongLength_data() {
    QTest::addColumn<int>("what");
    QTest::addColumn<int>("length");
    QTest::newRow("device key of 31 bytes") << 0 << 31;
    QTest::newRow("device key of 33 bytes") << 0 << 33;
    QTest::newRow("empty device key") << 0 << 0;
    QTest::newRow("nonce of 15 bytes") << 1 << 15;
    QTest::newRow("nonce of 17 bytes") << 1 << 17;
    QTest::newRow("signature of 63 bytes") << 2 << 63;
    QTest::newRow("batch id of 15 bytes") << 3 << 15;
    QTest::newRow("change set signature of 65 bytes") << 4 << 65;
    QTest::newRow("change set device key of 31 bytes") << 5 << 31;
}

void TestWire::RS10_wrongLength() {
    QFETCH(int, what);
    QFETCH(int, length);
    PushBatch b = goldenBatch(m_key);
    if (what == 3)
        b.batchId = QByteArray(length, 'b');
    if (what == 4)
        b.changeSets[0].signature = QByteArray(length, 's');
    if (what == 5) {
        ChangeSet cs = *b.changeSets[0].open();
        cs.device = QByteArray(length, 'd');
        b.changeSets[0].canonical = cs.canonicalBytes();
    }
    Frame f = frameFields(m_key, *compressPayload(encode(b)));
    if (what == 0)
        f.deviceKey = QByteArray(length, 'k');
    if (what == 1)
        f.nonce = QByteArray(length, 'n');
    if (what == 2)
        f.signature = QByteArray(length, 's');
    WireResult<Frame> frame = decodeFrame(assembleFrame(f));
    if (what <= 2) {
        QVERIFY(!frame);
        QCOMPARE(outcomeOf(frame), nameOf(WireError::WrongLength));
        QVERIFY2(frame.error().message.contains(QStringLiteral("bytes long; it must be")),
                 qPrintable(frame.error().message));
        return;
    }
    QVERIFY(frame);
    const WireResult<PushBatch> batch = decodePushBatch(frame->message);
    QCOMPARE(outcomeOf(batch), nameOf(WireError::WrongLength));
}

// R-S10: a batch's sets are scanned without decoding their texts; a key or a value that is not UTF-8, and an item of
// the wrong CBOR type, are still refused, with what and where in the message.
void TestWire::RS10_invalidTextAndWrongTypesAreNamed() {
    const PushBatch golden = goldenBatch(m_key);
    const auto decodedWith = [&](const QByteArray& from, const QByteArray& to) {
        PushBatch b = golden;
        QByteArray& canonical = b.changeSets[1].canonical;
        const qsizetype at = canonical.indexOf(from);
        Q_ASSERT(at >= 0 && from.size() == to.size());
        canonical.replace(at, from.size(), to);
        return decodePushBatch(encode(b));
    };
    // «А» of «7А» (D0 90) with a continuation byte that is not one; «Б» (D0 91) cut to a lone lead byte.
    const WireResult<PushBatch> badKey = decodedWith(QByteArrayLiteral("att/7\xd0\x90"), "att/7\xd0(");
    QCOMPARE(outcomeOf(badKey), nameOf(WireError::Garbage));
    QVERIFY2(badKey.error().message.contains(QStringLiteral("not valid UTF-8")) &&
                 badKey.error().message.contains(QStringLiteral("entity key")),
             qPrintable(badKey.error().message));
    const WireResult<PushBatch> badValue =
        decodedWith(QByteArrayLiteral("\x62\xd0\x91"), QByteArrayLiteral("\x62\xd0\x7f"));
    QCOMPARE(outcomeOf(badValue), nameOf(WireError::Garbage));
    QVERIFY2(badValue.error().message.contains(QStringLiteral("value")), qPrintable(badValue.error().message));
    // The field name "reason" (a text of 6: 0x66) as a byte string (0x46).
    const WireResult<PushBatch> wrongType =
        decodedWith(QByteArrayLiteral("\x66reason"), QByteArrayLiteral("\x46reason"));
    QCOMPARE(outcomeOf(wrongType), nameOf(WireError::Garbage));
    QVERIFY2(wrongType.error().message.contains(QStringLiteral("expected a text string")) &&
                 wrongType.error().message.contains(QStringLiteral("field name")),
             qPrintable(wrongType.error().message));
    QVERIFY(decodePushBatch(encode(golden))); // the golden batch itself decodes
}

void TestWire::RS10_wrongMessageKind() {
    Ack ack;
    ack.batchId = newBatchId();
    QCOMPARE(outcomeOf(decodePushBatch(encode(ack))), nameOf(WireError::WrongMessage));
    QCOMPARE(outcomeOf(decodeAck(encode(goldenBatch(m_key)))), nameOf(WireError::WrongMessage));
    QCOMPARE(outcomeOf(decodePullBatch(encode(ack))), nameOf(WireError::WrongMessage));
}

void TestWire::RS10_addedItemsAreSkipped() {
    // A later revision of version 1 may append items to a message and to its entries; this build skips them.
    PushBatch b = goldenBatch(m_key);
    b.pullMax = 250; // the 7th item, known to this build; the 8th is a later one
    QByteArray out;
    QCborStreamWriter w(&out);
    w.startArray(8);
    w.append(qint64(MessageKind::Push));
    w.append(qint64(1));
    w.append(b.nodeId);
    w.append(b.batchId);
    w.append(quint64(b.cursor));
    w.startArray(quint64(b.changeSets.size()));
    for (const SignedChangeSet& s : b.changeSets) {
        w.startArray(4);
        w.append(s.canonical);
        w.append(s.signature);
        w.append(QStringLiteral("hub receipt time, say"));
        w.startArray(2);
        w.append(1.5);
        w.appendNull();
        w.endArray();
        w.endArray();
    }
    w.endArray();
    w.append(quint64(250));
    w.startMap(1);
    w.append(QStringLiteral("future"));
    w.append(true);
    w.endMap();
    w.endArray();
    const WireResult<PushBatch> decoded = decodePushBatch(out);
    QVERIFY2(decoded, qPrintable(decoded ? QString() : decoded.error().message));
    QCOMPARE(*decoded, b);

    // Trailing bytes after the message are not an added item.
    QCOMPARE(outcomeOf(decodePushBatch(encode(b) + '\0')), nameOf(WireError::Garbage));
}

void TestWire::RS9_freshness_data() {
    QTest::addColumn<qint64>("time");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<bool>("fresh");
    const qint64 now = kFrameTime;
    QTest::newRow("same instant") << now << now << true;
    QTest::newRow("5 min behind") << now - 300000 << now << true;
    QTest::newRow("5 min ahead") << now + 300000 << now << true;
    QTest::newRow("5 min 1 ms behind") << now - 300001 << now << false;
    QTest::newRow("an hour ahead") << now + 3600000 << now << false;
    QTest::newRow("epoch") << qint64(0) << now << false;
    QTest::newRow("extremes") << std::numeric_limits<qint64>::max() << std::numeric_limits<qint64>::min() << false;
}

void TestWire::RS9_freshness() {
    QFETCH(qint64, time);
    QFETCH(qint64, now);
    QFETCH(bool, fresh);
    const WireStatus s = checkFreshness(time, now, 300000);
    QCOMPARE(s.has_value(), fresh);
    if (!fresh) {
        QCOMPARE(outcomeOf(s), nameOf(WireError::Stale));
        QVERIFY2(s.error().message.contains(QStringLiteral("check the node's date and time")),
                 qPrintable(s.error().message));
    }
}

void TestWire::RS10_httpStatus() {
    QCOMPARE(httpStatus(WireError::Truncated), 400);
    QCOMPARE(httpStatus(WireError::Garbage), 400);
    QCOMPARE(httpStatus(WireError::WrongLength), 400);
    QCOMPARE(httpStatus(WireError::TooLarge), 413);
    QCOMPARE(httpStatus(WireError::TooManyOps), 413);
    QCOMPARE(httpStatus(WireError::FieldTooLarge), 413);
    QCOMPARE(httpStatus(WireError::Stale), 401);
    QCOMPARE(httpStatus(WireError::UnknownVersion), 426);
    QCOMPARE(supportedProtocolVersions(), QList<int>{1});
}

void TestWire::RS10_bytesPerOp() {
    constexpr int kOps = 2000;
    for (bool perLesson : {false, true}) {
        const QList<ChangeSet> sets = syntheticMarks(m_key, kOps, perLesson);
        int ops = 0;
        for (const ChangeSet& cs : sets)
            ops += int(cs.ops.size());
        QCOMPARE(ops, kOps);
        PushBatch b;
        b.nodeId = QStringLiteral("node-ivanova");
        b.batchId = newBatchId();
        for (const ChangeSet& cs : sets)
            b.changeSets << SignedChangeSet::of(cs);
        const QByteArray cbor = encode(b);
        QCOMPARE(decodePushBatch(cbor)->changeSets.size(), sets.size());
        QStringList levels;
        for (int level : {1, 3, 6, 9, 12, 15, 19}) {
            QElapsedTimer t;
            t.start();
            const QByteArray z = *compressPayload(cbor, level);
            levels << QStringLiteral("level %1: %2 B/op (%3 ms)")
                          .arg(level)
                          .arg(double(z.size()) / kOps, 0, 'f', 1)
                          .arg(t.elapsed());
        }
        const QByteArray frame = *encodeFrame(cbor, m_key, kFrameTime, newNonce());
        const QByteArray relative = *compressPayload(relativeKeyEncoding(sets));
        qInfo("%d mark ops in %lld change sets (%s): CBOR %.1f B/op; zstd %s; frame (level %d) %.1f B/op; "
              "signatures alone %.1f B/op; relative keys + zstd %.1f B/op",
              kOps, qint64(sets.size()), perLesson ? "one per lesson" : "one per mark", double(cbor.size()) / kOps,
              qPrintable(levels.join(QStringLiteral(", "))), kZstdLevel, double(frame.size()) / kOps,
              double(sets.size() * kSignatureBytes) / kOps, double(relative.size()) / kOps);
        // The target is 25 bytes per op on the wire (PROTOCOL.md, "Size"); a regression of the layout shows here.
        if (perLesson)
            QVERIFY2(frame.size() <= 25 * kOps, qPrintable(QStringLiteral("%1 B/op").arg(double(frame.size()) / kOps)));
    }
}

QTEST_GUILESS_MAIN(TestWire)
#include "test_wire.moc"
