#include "shared/core/zstd.h"

#include <QRandomGenerator>
#include <QTest>

#include <sys/resource.h>
#include <zstd.h>

#include <memory>

using namespace tabel;

namespace {

QByteArray randomBytes(qsizetype n, quint32 seed) {
    QByteArray out(n, Qt::Uninitialized);
    QRandomGenerator rng(seed);
    for (qsizetype i = 0; i < n; ++i)
        out[i] = char(rng.bounded(256));
    return out;
}

QByteArray journalText(qsizetype n) {
    const QByteArray line = QStringLiteral("7А;математика;2026-09-01;Иванов Иван;5;опрос у доски\n").toUtf8();
    QByteArray out;
    while (out.size() < n)
        out += line;
    out.truncate(n);
    return out;
}

// A frame of `total` zero bytes built in 1 MiB steps, so the test itself never holds the expanded data. With
// declareSize the frame header states the full size, as an honest encoder would.
QByteArray zeroBomb(qsizetype total, bool declareSize) {
    std::unique_ptr<ZSTD_CCtx, decltype(&ZSTD_freeCCtx)> cctx(ZSTD_createCCtx(), &ZSTD_freeCCtx);
    if (declareSize)
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
    return ru.ru_maxrss; // KiB on Linux
}

} // namespace

class TestZstd : public QObject {
    Q_OBJECT

private slots:
    void bombIsRefusedWithoutExpanding_data();
    void bombIsRefusedWithoutExpanding();
    void roundTrip_data();
    void roundTrip();
    void concatenatedFrames();
    void malformed_data();
    void malformed();
};

void TestZstd::bombIsRefusedWithoutExpanding_data() {
    QTest::addColumn<bool>("declareSize");
    QTest::newRow("size declared in the header") << true;
    QTest::newRow("size not declared") << false;
}

void TestZstd::bombIsRefusedWithoutExpanding() {
    QFETCH(bool, declareSize);
    constexpr qsizetype kTotal = 100 * 1024 * 1024;
    constexpr qsizetype kLimit = 1024 * 1024;

    const QByteArray bomb = zeroBomb(kTotal, declareSize);
    QVERIFY(bomb.size() < 64 * 1024);
    const unsigned long long declared = ZSTD_getFrameContentSize(bomb.constData(), std::size_t(bomb.size()));
    QCOMPARE(declared, declareSize ? static_cast<unsigned long long>(kTotal) : ZSTD_CONTENTSIZE_UNKNOWN);

    const long before = peakRssKiB();
    const Result<QByteArray> r = zstdDecompress(bomb, kLimit);
    const long grownKiB = peakRssKiB() - before;
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::InvalidInput);
    QCOMPARE(r.error().message, QStringLiteral("compressed data expands beyond the limit of %1 bytes").arg(kLimit));
    QVERIFY2(grownKiB < 16 * 1024, qPrintable(QStringLiteral("peak memory grew by %1 KiB").arg(grownKiB)));

    // The same frame within a generous limit decompresses (checked on a 4 MiB bomb to keep memory low).
    const QByteArray small = zeroBomb(4 * 1024 * 1024, declareSize);
    const Result<QByteArray> ok = zstdDecompress(small, 4 * 1024 * 1024);
    QVERIFY2(ok, ok ? "" : qPrintable(ok.error().message));
    QCOMPARE(ok->size(), 4 * 1024 * 1024);
    QCOMPARE(ok->count('\0'), ok->size());
}

void TestZstd::roundTrip_data() {
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("level");

    QTest::newRow("empty") << QByteArray() << 3;
    QTest::newRow("one byte") << QByteArray("a") << 3;
    QTest::newRow("Cyrillic text, level 1") << journalText(10'000) << 1;
    QTest::newRow("Cyrillic text, level 3") << journalText(300'000) << 3;
    QTest::newRow("Cyrillic text, level 19") << journalText(300'000) << 19;
    QTest::newRow("random, incompressible") << randomBytes(200'000, 7) << 3;
    QTest::newRow("exactly one output chunk") << randomBytes(qsizetype(ZSTD_DStreamOutSize()), 8) << 3;
}

void TestZstd::roundTrip() {
    QFETCH(QByteArray, data);
    QFETCH(int, level);

    const Result<QByteArray> frame = zstdCompress(data, level);
    QVERIFY2(frame, frame ? "" : qPrintable(frame.error().message));
    QVERIFY(!frame->isEmpty());

    const Result<QByteArray> back = zstdDecompress(*frame, data.size() + 1000);
    QVERIFY2(back, back ? "" : qPrintable(back.error().message));
    QCOMPARE(*back, data);

    // The limit is inclusive: exactly the size passes, one byte less fails.
    const Result<QByteArray> exact = zstdDecompress(*frame, data.size());
    QVERIFY2(exact, exact ? "" : qPrintable(exact.error().message));
    QCOMPARE(*exact, data);
    if (!data.isEmpty()) {
        const Result<QByteArray> under = zstdDecompress(*frame, data.size() - 1);
        QVERIFY(!under);
        QCOMPARE(under.error().code, ErrorCode::InvalidInput);
        QCOMPARE(under.error().message,
                 QStringLiteral("compressed data expands beyond the limit of %1 bytes").arg(data.size() - 1));
    }
}

void TestZstd::concatenatedFrames() {
    const QByteArray a = journalText(5000), b = randomBytes(3000, 9);
    const Result<QByteArray> fa = zstdCompress(a), fb = zstdCompress(b);
    QVERIFY(fa && fb);
    const Result<QByteArray> both = zstdDecompress(*fa + *fb, a.size() + b.size());
    QVERIFY2(both, both ? "" : qPrintable(both.error().message));
    QCOMPARE(*both, a + b);
    QVERIFY(!zstdDecompress(*fa + *fb, a.size() + b.size() - 1));
}

void TestZstd::malformed_data() {
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("messageStart");

    const QByteArray data = journalText(200'000) + randomBytes(50'000, 11);
    const QByteArray good = zstdCompress(data).value();
    const QString damaged = QStringLiteral("compressed data is damaged: ");
    const QString truncated = QStringLiteral("compressed data is truncated");

    QTest::newRow("empty") << QByteArray() << truncated;
    QTest::newRow("garbage") << QByteArray("this is not a zstd frame at all, just text") << damaged;
    QTest::newRow("random bytes") << randomBytes(4096, 12) << damaged;
    QTest::newRow("magic number only") << good.left(4) << truncated;
    QTest::newRow("header only") << good.left(10) << truncated;
    QTest::newRow("first half") << good.left(good.size() / 2) << truncated;
    QTest::newRow("last byte missing") << good.left(good.size() - 1) << truncated;
    QTest::newRow("garbage after a frame") << good + QByteArray("trailing garbage that is no frame") << damaged;
    QByteArray flipped = good;
    flipped[4] = char(flipped[4] ^ 0xff); // frame header descriptor
    QTest::newRow("damaged frame header") << flipped << damaged;
}

void TestZstd::malformed() {
    QFETCH(QByteArray, frame);
    QFETCH(QString, messageStart);

    const Result<QByteArray> r = zstdDecompress(frame, 1024 * 1024);
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::InvalidInput);
    QVERIFY2(r.error().message.startsWith(messageStart), qPrintable(r.error().message));
    QVERIFY(r.error().message.size() > messageStart.size() || messageStart.endsWith(QLatin1String("truncated")));
    // The decompression context is reused: nothing of the failed frame carries over into the next one.
    const QByteArray data(5000, 'x');
    const Result<QByteArray> good = zstdCompress(data, 1);
    QVERIFY(good);
    const Result<QByteArray> after = zstdDecompress(*good, data.size());
    QVERIFY2(after, after ? "" : qPrintable(after.error().message));
    QCOMPARE(*after, data);
}

QTEST_GUILESS_MAIN(TestZstd)
#include "test_zstd.moc"
