#include "shared/core/hlc.h"

#include <QRandomGenerator>
#include <QTest>

#include <cstdint>

using namespace tabel;

class TestHlc : public QObject {
    Q_OBJECT

private slots:
    void firstStampIsWallClock();
    void clockStandsStill();
    void clockGoesBackwards();
    void counterOverflowCarries();
    void observeRemoteAhead();
    void observeRemoteBehind();
    void resumesFromPersistedLast();
    void randomWalkIsStrictlyMonotonic();
    void systemClock();
    void packUnpack_data();
    void packUnpack();
    void toDateTime();
};

namespace {
constexpr std::int64_t kT0 = 1'788'000'000'000; // 2026-08-29, milliseconds since the epoch
}

void TestHlc::firstStampIsWallClock() {
    std::int64_t wall = kT0;
    Hlc h([&] { return wall; });
    QCOMPARE(h.last(), std::int64_t(0));
    const std::int64_t a = h.now();
    QCOMPARE(a, Hlc::pack(kT0, 0));
    QCOMPARE(h.last(), a);
    wall += 5;
    QCOMPARE(h.now(), Hlc::pack(kT0 + 5, 0));
}

void TestHlc::clockStandsStill() {
    const std::int64_t wall = kT0;
    Hlc h([&] { return wall; });
    std::int64_t prev = h.now();
    for (int i = 1; i <= 1000; ++i) {
        const std::int64_t t = h.now();
        QVERIFY(t > prev);
        QCOMPARE(Hlc::millis(t), kT0);
        QCOMPARE(int(Hlc::counter(t)), i);
        prev = t;
    }
}

void TestHlc::clockGoesBackwards() {
    std::int64_t wall = kT0;
    Hlc h([&] { return wall; });
    const std::int64_t a = h.now();
    wall = kT0 - 60'000; // NTP stepped the clock back a minute
    const std::int64_t b = h.now();
    const std::int64_t c = h.now();
    QVERIFY(b > a);
    QVERIFY(c > b);
    QCOMPARE(Hlc::millis(b), kT0); // the physical part does not go back
    QCOMPARE(int(Hlc::counter(b)), 1);
    QCOMPARE(int(Hlc::counter(c)), 2);
    wall = kT0 + 1; // real time catches up: counter starts over
    QCOMPARE(h.now(), Hlc::pack(kT0 + 1, 0));
}

void TestHlc::counterOverflowCarries() {
    const std::int64_t wall = kT0;
    Hlc h([&] { return wall; }, Hlc::pack(kT0, 0xfffe));
    const std::int64_t a = h.now();
    QCOMPARE(a, Hlc::pack(kT0, 0xffff));
    const std::int64_t b = h.now();
    QVERIFY(b > a);
    QCOMPARE(b, Hlc::pack(kT0 + 1, 0));
}

void TestHlc::observeRemoteAhead() {
    std::int64_t wall = kT0;
    Hlc h([&] { return wall; });
    const std::int64_t local = h.now();
    const std::int64_t remote = Hlc::pack(kT0 + 5000, 7); // a device whose clock is 5 s ahead
    h.observe(remote);
    QCOMPARE(h.last(), remote);
    const std::int64_t next = h.now();
    QVERIFY(next > remote);
    QVERIFY(next > local);
    QCOMPARE(next, Hlc::pack(kT0 + 5000, 8));
    wall = kT0 + 6000;
    QCOMPARE(h.now(), Hlc::pack(kT0 + 6000, 0));
}

void TestHlc::observeRemoteBehind() {
    const std::int64_t wall = kT0;
    Hlc h([&] { return wall; });
    const std::int64_t local = h.now();
    h.observe(Hlc::pack(kT0 - 10, 3));
    QCOMPARE(h.last(), local);
    QCOMPARE(h.now(), Hlc::pack(kT0, 1));
}

void TestHlc::resumesFromPersistedLast() {
    // After a restart the node passes the last stamp it stored; a wall clock behind it must not matter.
    const std::int64_t wall = kT0 - 3'600'000;
    const std::int64_t persisted = Hlc::pack(kT0, 42);
    Hlc h([&] { return wall; }, persisted);
    QCOMPARE(h.last(), persisted);
    QCOMPARE(h.now(), Hlc::pack(kT0, 43));
}

void TestHlc::randomWalkIsStrictlyMonotonic() {
    QRandomGenerator rng(20260901);
    std::int64_t wall = kT0;
    Hlc h([&] { return wall; });
    std::int64_t prev = h.now();
    for (int i = 0; i < 20000; ++i) {
        wall += std::int64_t(rng.bounded(-50, 51)); // jitters both ways
        if (rng.bounded(10) == 0) {
            const std::int64_t remote = Hlc::pack(wall + rng.bounded(-2000, 2001), std::uint16_t(rng.bounded(0x10000)));
            h.observe(remote);
            const std::int64_t t = h.now();
            QVERIFY(t > remote);
            QVERIFY(t > prev);
            prev = t;
            continue;
        }
        const std::int64_t t = h.now();
        QVERIFY2(t > prev, qPrintable(QStringLiteral("step %1").arg(i)));
        QVERIFY(Hlc::millis(t) >= wall);
        prev = t;
    }
}

void TestHlc::systemClock() {
    Hlc h;
    const std::int64_t before = QDateTime::currentMSecsSinceEpoch();
    const std::int64_t t = h.now();
    const std::int64_t after = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(Hlc::millis(t) >= before);
    QVERIFY(Hlc::millis(t) <= after);
    QVERIFY(h.now() > t);
}

void TestHlc::packUnpack_data() {
    QTest::addColumn<qint64>("millis");
    QTest::addColumn<int>("counter");

    QTest::newRow("zero") << qint64(0) << 0;
    QTest::newRow("one, one") << qint64(1) << 1;
    QTest::newRow("now, zero") << qint64(kT0) << 0;
    QTest::newRow("now, max counter") << qint64(kT0) << 0xffff;
    QTest::newRow("year 5138") << qint64(100'000'000'000'000) << 12345;
    QTest::newRow("max 47-bit millis") << qint64((std::int64_t(1) << 47) - 1) << 0xffff;
}

void TestHlc::packUnpack() {
    QFETCH(qint64, millis);
    QFETCH(int, counter);

    const std::int64_t t = Hlc::pack(millis, std::uint16_t(counter));
    QVERIFY(t >= 0);
    QCOMPARE(Hlc::millis(t), std::int64_t(millis));
    QCOMPARE(int(Hlc::counter(t)), counter);
    // Order of stamps is the order of (millis, counter).
    if (counter < 0xffff)
        QVERIFY(Hlc::pack(millis, std::uint16_t(counter + 1)) > t);
    if (millis < (std::int64_t(1) << 47) - 1) // 48 bits of millis reach the year 6429
        QVERIFY(Hlc::pack(millis + 1, 0) > t);
}

void TestHlc::toDateTime() {
    const QDateTime when(QDate(2026, 9, 1), QTime(8, 30, 15, 250), Qt::UTC);
    const std::int64_t t = Hlc::pack(when.toMSecsSinceEpoch(), 9);
    QCOMPARE(Hlc::toDateTime(t), when);
    QCOMPARE(Hlc::toDateTime(t).timeSpec(), Qt::UTC);
}

QTEST_GUILESS_MAIN(TestHlc)
#include "test_hlc.moc"
