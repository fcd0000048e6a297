#include "shared/core/result.h"

#include <QTest>

#include <memory>

using namespace tabel;

namespace {

Result<int> parseNumber(const QString& s) {
    bool ok = false;
    const int v = s.toInt(&ok);
    if (!ok)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("not a number: ") + s);
    return v;
}

Status checkPositive(int v) {
    if (v <= 0)
        return ruleError(QStringLiteral("3.5"), QStringLiteral("must be positive"));
    return {};
}

Result<int> doubleSmall(int v) {
    if (v > 1000)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("too big: %1").arg(v));
    return v * 2;
}

// Each step that is reached bumps *reached, so a test can see where an error stopped the chain.
Result<int> doubledPositive(const QString& s, int* reached) {
    TABEL_ASSIGN_OR_RETURN(const int v, parseNumber(s));
    ++*reached;
    TABEL_TRY(checkPositive(v));
    ++*reached;
    TABEL_ASSIGN_OR_RETURN(int w, doubleSmall(v));
    ++*reached;
    return w;
}

// TABEL_TRY on a Result<T> inside a function returning Status.
Status validate(const QString& s) {
    TABEL_TRY(parseNumber(s));
    return {};
}

// Move-only values pass through both macros.
Result<std::unique_ptr<int>> boxed(int v) {
    if (v < 0)
        return Unexpected(makeError(ErrorCode::NotFound, QStringLiteral("no box")));
    return std::make_unique<int>(v);
}

Result<int> unbox(int v) {
    TABEL_ASSIGN_OR_RETURN(std::unique_ptr<int> p, boxed(v));
    return *p + 1;
}

// Assigning to an existing variable, and evaluating the expression exactly once.
Result<int> countCalls(int* calls, bool fail) {
    ++*calls;
    if (fail)
        return makeError(ErrorCode::Io, QStringLiteral("io"));
    return *calls;
}

Result<int> assignExisting(int* calls, bool fail) {
    int x = -1;
    TABEL_ASSIGN_OR_RETURN(x, countCalls(calls, fail));
    TABEL_TRY(countCalls(calls, false));
    return x;
}

} // namespace

class TestResult : public QObject {
    Q_OBJECT

private slots:
    void valueResult();
    void errorResult();
    void moveOnlyValue();
    void status();
    void errorHelpers();
    void propagation_data();
    void propagation();
    void tryOnResultInStatusFunction();
    void assignOrReturnMoveOnly();
    void macrosEvaluateOnce();
};

void TestResult::valueResult() {
    Result<int> r = 7;
    QVERIFY(r.has_value());
    QVERIFY(bool(r));
    QCOMPARE(*r, 7);
    QCOMPARE(r.value(), 7);
    QCOMPARE(r.value_or(3), 7);
    *r = 8;
    QCOMPARE(r.value(), 8);

    const Result<QString> s = QStringLiteral("Иванов");
    QVERIFY(s);
    QCOMPARE(s->size(), 6);
    QCOMPARE(*s, QStringLiteral("Иванов"));
}

void TestResult::errorResult() {
    const Result<int> r = makeError(ErrorCode::NotFound, QStringLiteral("no such pupil"));
    QVERIFY(!r.has_value());
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::NotFound);
    QCOMPARE(r.error().message, QStringLiteral("no such pupil"));
    QVERIFY(r.error().clause.isEmpty());
    QCOMPARE(r.value_or(3), 3);

    const Result<QString> u = Unexpected(makeError(ErrorCode::Corrupt, QStringLiteral("bad")));
    QVERIFY(!u);
    QCOMPARE(u.error().code, ErrorCode::Corrupt);
    QCOMPARE(u.value_or(QStringLiteral("fallback")), QStringLiteral("fallback"));

    Result<QString> moved = makeError(ErrorCode::Io, QStringLiteral("disk"));
    const Error e = std::move(moved).error();
    QCOMPARE(e.code, ErrorCode::Io);
    QCOMPARE(e.message, QStringLiteral("disk"));
}

void TestResult::moveOnlyValue() {
    Result<std::unique_ptr<int>> r = std::make_unique<int>(5);
    QVERIFY(r);
    QCOMPARE(**r, 5);
    const std::unique_ptr<int> p = std::move(r).value();
    QCOMPARE(*p, 5);
}

void TestResult::status() {
    const Status ok;
    QVERIFY(ok.has_value());
    QVERIFY(bool(ok));
    ok.value();

    const Status bad = makeError(ErrorCode::Busy, QStringLiteral("locked"));
    QVERIFY(!bad);
    QCOMPARE(bad.error().code, ErrorCode::Busy);
    QCOMPARE(bad.error().message, QStringLiteral("locked"));

    Status copy = bad;
    QVERIFY(!copy);
    copy = Status();
    QVERIFY(copy);
    QVERIFY(!bad);
}

void TestResult::errorHelpers() {
    const Error rule = ruleError(QStringLiteral("3.5"), QStringLiteral("a mark needs a lesson"));
    QCOMPARE(rule.code, ErrorCode::RuleViolation);
    QCOMPARE(rule.clause, QStringLiteral("3.5"));
    QCOMPARE(rule.message, QStringLiteral("3.5: a mark needs a lesson"));

    const Error ctx = rule.withContext(QStringLiteral("import"));
    QCOMPARE(ctx.code, ErrorCode::RuleViolation);
    QCOMPARE(ctx.clause, QStringLiteral("3.5"));
    QCOMPARE(ctx.message, QStringLiteral("import: 3.5: a mark needs a lesson"));
    QCOMPARE(rule.message, QStringLiteral("3.5: a mark needs a lesson")); // the original is unchanged
}

void TestResult::propagation_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("value");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("reached");

    QTest::newRow("success") << QStringLiteral("21") << true << 42 << ErrorCode::Internal << QString() << 3;
    QTest::newRow("first step fails") << QStringLiteral("x") << false << 0 << ErrorCode::InvalidInput
                                      << QStringLiteral("not a number: x") << 0;
    QTest::newRow("TABEL_TRY stops") << QStringLiteral("-3") << false << 0 << ErrorCode::RuleViolation
                                     << QStringLiteral("3.5: must be positive") << 1;
    QTest::newRow("last step fails") << QStringLiteral("1001") << false << 0 << ErrorCode::InvalidArgument
                                     << QStringLiteral("too big: 1001") << 2;
}

void TestResult::propagation() {
    QFETCH(QString, input);
    QFETCH(bool, ok);
    QFETCH(int, value);
    QFETCH(ErrorCode, code);
    QFETCH(QString, message);
    QFETCH(int, reached);

    int steps = 0;
    const Result<int> r = doubledPositive(input, &steps);
    QCOMPARE(steps, reached);
    QCOMPARE(r.has_value(), ok);
    if (ok) {
        QCOMPARE(*r, value);
    } else {
        QCOMPARE(r.error().code, code);
        QCOMPARE(r.error().message, message);
        if (code == ErrorCode::RuleViolation)
            QCOMPARE(r.error().clause, QStringLiteral("3.5"));
    }
}

void TestResult::tryOnResultInStatusFunction() {
    QVERIFY(validate(QStringLiteral("12")));
    const Status s = validate(QStringLiteral("twelve"));
    QVERIFY(!s);
    QCOMPARE(s.error().code, ErrorCode::InvalidInput);
    QCOMPARE(s.error().message, QStringLiteral("not a number: twelve"));
}

void TestResult::assignOrReturnMoveOnly() {
    const Result<int> good = unbox(4);
    QVERIFY(good);
    QCOMPARE(*good, 5);
    const Result<int> bad = unbox(-1);
    QVERIFY(!bad);
    QCOMPARE(bad.error().code, ErrorCode::NotFound);
    QCOMPARE(bad.error().message, QStringLiteral("no box"));
}

void TestResult::macrosEvaluateOnce() {
    int calls = 0;
    const Result<int> r = assignExisting(&calls, false);
    QVERIFY(r);
    QCOMPARE(*r, 1);
    QCOMPARE(calls, 2);

    calls = 0;
    const Result<int> e = assignExisting(&calls, true);
    QVERIFY(!e);
    QCOMPARE(e.error().code, ErrorCode::Io);
    QCOMPARE(calls, 1); // returned before the TABEL_TRY
}

QTEST_GUILESS_MAIN(TestResult)
#include "test_result.moc"
