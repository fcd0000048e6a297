// How a node splits its pending change sets into push batches (sync/batching.h): the fewest the limits allow, of
// even size, each within the limits and never empty (R-S4: a batch is the unit the hub acknowledges).
#include "sync/batching.h"

#include <QTest>

#include <numeric>

using namespace tabel::sync;

class TestBatching : public QObject {
    Q_OBJECT
private slots:
    void RS4_evenBatchesWithinTheLimits();
    void RS4_batchSizesCoverEverySetOnce_data();
    void RS4_batchSizesCoverEverySetOnce();
};

void TestBatching::RS4_evenBatchesWithinTheLimits() {
    // A school year: 102,839 ops in 1,011 sets under 1,000 sets / 50,000 ops: three batches of about 34,300.
    BatchSize b = evenBatch(1011, 102839, 1000, 50000);
    QCOMPARE(b.sets, std::int64_t(337));
    QCOMPARE(b.ops, std::int64_t(34280));
    // Within the limits: one batch of everything.
    b = evenBatch(6, 619, 1000, 50000);
    QCOMPARE(b.sets, std::int64_t(6));
    QCOMPARE(b.ops, std::int64_t(619));
    // The set count decides: 2,500 small sets go as three batches.
    b = evenBatch(2500, 2500, 1000, 50000);
    QCOMPARE(b.sets, std::int64_t(834));
    // Nothing pending, or limits that make no sense: still at least one set per batch.
    b = evenBatch(0, 0, 1000, 50000);
    QCOMPARE(b.sets, std::int64_t(1));
    b = evenBatch(5, 100, 0, 0);
    QCOMPARE(b.sets, std::int64_t(1));
    QCOMPARE(b.ops, std::int64_t(1));
}

void TestBatching::RS4_batchSizesCoverEverySetOnce_data() {
    QTest::addColumn<std::vector<std::int64_t>>("ops");
    QTest::addColumn<int>("maxSets");
    QTest::addColumn<int>("maxOps");
    QTest::addColumn<std::vector<std::size_t>>("expected");
    QTest::newRow("a year in three even batches")
        << std::vector<std::int64_t>(1000, 103) << 1000 << 50000 << std::vector<std::size_t>{333, 333, 334};
    QTest::newRow("all in one") << std::vector<std::int64_t>{5, 5, 5} << 10 << 100 << std::vector<std::size_t>{3};
    QTest::newRow("a set larger than the limit goes alone")
        << std::vector<std::int64_t>{10, 500, 10} << 10 << 100 << std::vector<std::size_t>{1, 1, 1};
    QTest::newRow("by set count") << std::vector<std::int64_t>(5, 1) << 2 << 100 << std::vector<std::size_t>{2, 2, 1};
    QTest::newRow("nothing") << std::vector<std::int64_t>{} << 10 << 100 << std::vector<std::size_t>{};
}

void TestBatching::RS4_batchSizesCoverEverySetOnce() {
    QFETCH(std::vector<std::int64_t>, ops);
    QFETCH(int, maxSets);
    QFETCH(int, maxOps);
    QFETCH(std::vector<std::size_t>, expected);
    const std::vector<std::size_t> sizes = batchSizes(ops, maxSets, maxOps);
    QCOMPARE(sizes, expected);
    std::size_t from = 0;
    for (const std::size_t n : sizes) {
        QVERIFY(n >= 1 && n <= std::size_t(maxSets));
        const std::int64_t inBatch =
            std::accumulate(ops.begin() + qsizetype(from), ops.begin() + qsizetype(from + n), std::int64_t(0));
        QVERIFY(n == 1 || inBatch <= maxOps);
        from += n;
    }
    QCOMPARE(from, ops.size());
}

QTEST_GUILESS_MAIN(TestBatching)
#include "test_batching.moc"
