#include "shared/db/sqlite.h"

#include "tests/support/test_support.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace tabel;
using namespace tabel::db;

Q_DECLARE_METATYPE(tabel::db::Value)

namespace {

// Raw 256-bit keys in SQLCipher's x'…' form, as the node sets them after deriving the key.
constexpr char kKeyA[] = "PRAGMA key = \"x'2DD29CA851E7B56E4697B0E1F08507293D761A05CE4D1B628663F411A8086D99'\"";
constexpr char kKeyB[] = "PRAGMA key = \"x'98483C6EB40B6C31A448C22A66DED3B5E5E8D5119CAC8327B655C8B5C4836481'\"";

QString u(const char* s) {
    return QString::fromUtf8(s);
}

// Opens (creating if asked) and keys a database; fails the calling test on error.
#define OPEN_KEYED(var, path, create, key)                                                                             \
    Result<Database> var##_r = Database::open(path, create);                                                           \
    QVERIFY2(var##_r, var##_r ? "" : qPrintable(var##_r.error().message));                                             \
    Database& var = *var##_r;                                                                                          \
    QVERIFY(var.exec(key))

#define CHECK_OK(expr)                                                                                                 \
    do {                                                                                                               \
        const auto check_ok_r_ = (expr);                                                                               \
        QVERIFY2(check_ok_r_, check_ok_r_ ? "" : qPrintable(check_ok_r_.error().message));                             \
    } while (0)

} // namespace

class TestSqlite : public QObject {
    Q_OBJECT

private slots:
    void init();
    void typedColumns();
    void valueRoundTrip_data();
    void valueRoundTrip();
    void dataIsEncrypted();
    void transactionRollsBackUnlessCommitted();
    void transactionCommitPersists();
    void nestedTransactionFails();
    void constraintViolation_data();
    void constraintViolation();
    void openMissingFileWithoutCreate();
    void wrongKeyIsCorrupt_data();
    void wrongKeyIsCorrupt();
    void cachedStatementsAreReused();
    void eachRowVisitsAndResets();
    void bindToMissingParameterFails();
    void sqlErrors();

private:
    QString dbPath() const { return m_dir->filePath(QStringLiteral("store.db")); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSqlite::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestSqlite::typedColumns() {
    OPEN_KEYED(db, dbPath(), true, kKeyA);
    QCOMPARE(db.path(), dbPath());
    QVERIFY(db.handle() != nullptr);
    CHECK_OK(db.exec("CREATE TABLE pupil(id INTEGER PRIMARY KEY, surname TEXT, grade INTEGER, photo BLOB, note TEXT)"));

    Result<Statement> ins = db.prepare("INSERT INTO pupil(surname, grade, photo, note) VALUES (?1, ?2, ?3, ?4)");
    QVERIFY(ins);
    const QByteArray photo("\x89PNG\0\x01\x02\xff", 8);
    ins->bind(1, u("Иванова Анастасия")).bind(2, std::int64_t(7)).bind(3, photo).bindNull(4);
    CHECK_OK(ins->run());
    QCOMPARE(db.changes(), 1);
    const std::int64_t id = db.lastInsertRowId();
    QCOMPARE(id, std::int64_t(1));

    Result<Statement> sel = db.prepare("SELECT surname, grade, photo, note, id FROM pupil");
    QVERIFY(sel);
    Result<bool> row = sel->step();
    QVERIFY(row && *row);
    QCOMPARE(sel->columnText(0), u("Иванова Анастасия"));
    QCOMPARE(sel->columnInt(1), std::int64_t(7));
    QCOMPARE(sel->columnBlob(2), photo);
    QCOMPARE(sel->columnBlob(2).size(), 8);
    QVERIFY(sel->isNull(3));
    QVERIFY(!sel->isNull(0));
    QVERIFY(sel->columnText(3).isNull());
    QCOMPARE(sel->columnInt(4), id);
    row = sel->step();
    QVERIFY(row && !*row);

    const Result<std::int64_t> n = db.queryInt("SELECT count(*) FROM pupil WHERE surname LIKE 'Иван%'");
    QVERIFY(n);
    QCOMPARE(*n, std::int64_t(1));
}

void TestSqlite::valueRoundTrip_data() {
    QTest::addColumn<Value>("value");
    QTest::newRow("null") << Value(std::monostate{});
    QTest::newRow("zero") << Value(std::int64_t(0));
    QTest::newRow("negative") << Value(std::int64_t(-42));
    QTest::newRow("int64 max") << Value(std::numeric_limits<std::int64_t>::max());
    QTest::newRow("int64 min") << Value(std::numeric_limits<std::int64_t>::min());
    QTest::newRow("Cyrillic text") << Value(u("Пётр Ильич Чайковский, 7«Б»"));
    QTest::newRow("empty text") << Value(QString(u("")));
    QTest::newRow("text with NUL") << Value(QString(u("a")) + QChar(0) + u("b"));
    QTest::newRow("emoji") << Value(u("оценка 5 \xF0\x9F\x8E\x89"));
    QTest::newRow("blob") << Value(QByteArray("\0\1\2\3\xfe\xff", 6));
    QTest::newRow("empty blob") << Value(QByteArray(""));
}

void TestSqlite::valueRoundTrip() {
    QFETCH(Value, value);
    OPEN_KEYED(db, dbPath(), true, kKeyA);
    CHECK_OK(db.exec("CREATE TABLE v(x)"));
    Result<Statement> ins = db.prepare("INSERT INTO v(x) VALUES (?)");
    QVERIFY(ins);
    CHECK_OK(ins->bind(1, value).run());

    Result<Statement> sel = db.prepare("SELECT x, typeof(x) FROM v");
    QVERIFY(sel);
    const Result<bool> row = sel->step();
    QVERIFY(row && *row);
    const Value back = sel->columnValue(0);
    QCOMPARE(back.index(), value.index());
    QVERIFY(back == value);
    const char* const types[] = {"null", "integer", "text", "blob"};
    QCOMPARE(sel->columnText(1), QString::fromLatin1(types[value.index()]));
}

void TestSqlite::dataIsEncrypted() {
    {
        OPEN_KEYED(db, dbPath(), true, kKeyA);
        CHECK_OK(db.exec("CREATE TABLE pupil(surname TEXT)"));
        CHECK_OK(db.exec("INSERT INTO pupil VALUES ('Секретова Тайна')"));
    }
    QVERIFY(QFileInfo(dbPath()).size() > 0);
    QCOMPARE(test::filesContaining(m_dir->path(), u("Секретова")), QStringList());
    QCOMPARE(test::filesContaining(m_dir->path(), u("CREATE TABLE")), QStringList());

    OPEN_KEYED(db, dbPath(), false, kKeyA);
    Result<Statement> sel = db.prepare("SELECT surname FROM pupil");
    QVERIFY(sel);
    QVERIFY(sel->step().value_or(false));
    QCOMPARE(sel->columnText(0), u("Секретова Тайна"));
}

void TestSqlite::transactionRollsBackUnlessCommitted() {
    OPEN_KEYED(db, dbPath(), true, kKeyA);
    CHECK_OK(db.exec("CREATE TABLE t(x INTEGER)"));
    {
        Result<Transaction> tx = Transaction::begin(db);
        QVERIFY(tx);
        CHECK_OK(db.exec("INSERT INTO t VALUES (1)"));
        QCOMPARE(db.queryInt("SELECT count(*) FROM t").value_or(-1), std::int64_t(1)); // visible inside
    }                                                                                  // destroyed without commit
    QCOMPARE(db.queryInt("SELECT count(*) FROM t").value_or(-1), std::int64_t(0));

    // A moved transaction rolls back once, from its new owner.
    {
        Result<Transaction> tx = Transaction::begin(db);
        QVERIFY(tx);
        Transaction owner(std::move(*tx));
        CHECK_OK(db.exec("INSERT INTO t VALUES (2)"));
    }
    QCOMPARE(db.queryInt("SELECT count(*) FROM t").value_or(-1), std::int64_t(0));
    // And the connection is usable for a new transaction afterwards.
    Result<Transaction> tx = Transaction::begin(db);
    QVERIFY(tx);
    CHECK_OK(tx->commit());
}

void TestSqlite::transactionCommitPersists() {
    {
        OPEN_KEYED(db, dbPath(), true, kKeyA);
        CHECK_OK(db.exec("CREATE TABLE t(x TEXT)"));
        Result<Transaction> tx = Transaction::begin(db);
        QVERIFY(tx);
        Result<Statement> ins = db.prepare("INSERT INTO t VALUES (?)");
        QVERIFY(ins);
        CHECK_OK(ins->bind(1, u("первая")).run());
        CHECK_OK(ins->bind(1, u("вторая")).run());
        CHECK_OK(tx->commit());
    } // the committed transaction's destructor must not roll back
    OPEN_KEYED(db, dbPath(), false, kKeyA);
    QCOMPARE(db.queryInt("SELECT count(*) FROM t").value_or(-1), std::int64_t(2));
    QCOMPARE(db.queryInt("SELECT count(*) FROM t WHERE x = 'вторая'").value_or(-1), std::int64_t(1));
}

void TestSqlite::nestedTransactionFails() {
    OPEN_KEYED(db, dbPath(), true, kKeyA);
    CHECK_OK(db.exec("CREATE TABLE t(x INTEGER)"));
    Result<Transaction> outer = Transaction::begin(db);
    QVERIFY(outer);
    const Result<Transaction> inner = Transaction::begin(db);
    QVERIFY(!inner);
    QCOMPARE(inner.error().code, ErrorCode::Storage);
    CHECK_OK(db.exec("INSERT INTO t VALUES (1)"));
    CHECK_OK(outer->commit());
    QCOMPARE(db.queryInt("SELECT count(*) FROM t").value_or(-1), std::int64_t(1));
}

void TestSqlite::constraintViolation_data() {
    QTest::addColumn<QByteArray>("second");
    QTest::newRow("UNIQUE") << QByteArray("INSERT INTO pupil(id, code) VALUES (2, 'p017')");
    QTest::newRow("PRIMARY KEY") << QByteArray("INSERT INTO pupil(id, code) VALUES (1, 'p018')");
}

void TestSqlite::constraintViolation() {
    QFETCH(QByteArray, second);
    OPEN_KEYED(db, dbPath(), true, kKeyA);
    CHECK_OK(db.exec("CREATE TABLE pupil(id INTEGER PRIMARY KEY, code TEXT UNIQUE)"));
    CHECK_OK(db.exec("INSERT INTO pupil(id, code) VALUES (1, 'p017')"));

    // Through a prepared statement …
    Result<Statement> st = db.prepare(second.constData());
    QVERIFY(st);
    const Status viaStep = st->run();
    QVERIFY(!viaStep);
    QCOMPARE(viaStep.error().code, ErrorCode::AlreadyExists);
    QVERIFY2(viaStep.error().message.contains(QLatin1String("constraint")), qPrintable(viaStep.error().message));
    // … and through exec.
    const Status viaExec = db.exec(second.constData());
    QVERIFY(!viaExec);
    QCOMPARE(viaExec.error().code, ErrorCode::AlreadyExists);
    QCOMPARE(db.queryInt("SELECT count(*) FROM pupil").value_or(-1), std::int64_t(1));
}

void TestSqlite::openMissingFileWithoutCreate() {
    const QString path = m_dir->filePath(QStringLiteral("нет/store.db"));
    const Result<Database> db = Database::open(path, false);
    QVERIFY(!db);
    QCOMPARE(db.error().code, ErrorCode::NotFound);
    QVERIFY(db.error().message.contains(path));
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(!Database::open(m_dir->filePath(QStringLiteral("missing.db")), false));
    QVERIFY(!QFileInfo::exists(m_dir->filePath(QStringLiteral("missing.db"))));
}

void TestSqlite::wrongKeyIsCorrupt_data() {
    QTest::addColumn<QByteArray>("keyPragma"); // empty: no key at all
    QTest::newRow("other key") << QByteArray(kKeyB);
    QTest::newRow("no key") << QByteArray();
    QTest::newRow("passphrase instead of raw key") << QByteArray("PRAGMA key = 'учитель'");
}

void TestSqlite::wrongKeyIsCorrupt() {
    QFETCH(QByteArray, keyPragma);
    {
        OPEN_KEYED(db, dbPath(), true, kKeyA);
        CHECK_OK(db.exec("CREATE TABLE t(x INTEGER); INSERT INTO t VALUES (1)"));
    }
    Result<Database> db = Database::open(dbPath(), false);
    QVERIFY(db);
    if (!keyPragma.isEmpty())
        CHECK_OK(db->exec(keyPragma.constData())); // setting a key reads nothing yet
    const Result<std::int64_t> n = db->queryInt("SELECT count(*) FROM t");
    QVERIFY(!n);
    QCOMPARE(n.error().code, ErrorCode::Corrupt);
    const Status s = db->exec("SELECT count(*) FROM sqlite_master");
    QVERIFY(!s);
    QCOMPARE(s.error().code, ErrorCode::Corrupt);
}

// Statement::eachRow: every row in order; an error of the visitor stops the walk and is returned; the statement is
// reset either way, so a cached one starts from its first row next time.
void TestSqlite::eachRowVisitsAndResets() {
    OPEN_KEYED(db, dbPath(), true, kKeyA);
    CHECK_OK(db.exec("CREATE TABLE mark(pupil TEXT, value INTEGER)"));
    for (int i = 1; i <= 4; ++i)
        CHECK_OK(db.exec(QStringLiteral("INSERT INTO mark VALUES('p%1', %1)").arg(i).toUtf8().constData()));
    Result<Statement*> st = db.cached("SELECT pupil, value FROM mark WHERE value >= ? ORDER BY value");
    QVERIFY(st);
    QStringList seen;
    (*st)->bind(1, std::int64_t(2));
    CHECK_OK((*st)->eachRow([&]() -> Status {
        seen << (*st)->columnText(0);
        return {};
    }));
    QCOMPARE(seen, QStringList({u("p2"), u("p3"), u("p4")}));
    seen.clear();
    (*st)->bind(1, std::int64_t(1));
    const Status stopped = (*st)->eachRow([&]() -> Status {
        seen << (*st)->columnText(0);
        return makeError(ErrorCode::Corrupt, u("row %1 is damaged").arg(seen.size()));
    });
    QVERIFY(!stopped);
    QCOMPARE(stopped.error().message, u("row 1 is damaged"));
    QCOMPARE(seen, QStringList({u("p1")})); // stopped at the first row
    seen.clear();
    (*st)->bind(1, std::int64_t(4));
    CHECK_OK((*st)->eachRow([&]() -> Status {
        seen << (*st)->columnText(0);
        return {};
    }));
    QCOMPARE(seen, QStringList({u("p4")}));
}

void TestSqlite::cachedStatementsAreReused() {
    OPEN_KEYED(db, dbPath(), true, kKeyA);
    CHECK_OK(db.exec("CREATE TABLE mark(pupil TEXT, value INTEGER)"));

    static constexpr char kInsert[] = "INSERT INTO mark(pupil, value) VALUES (?, ?)";
    Statement* first = nullptr;
    for (int i = 0; i < 5; ++i) {
        Result<Statement*> st = db.cached(kInsert);
        QVERIFY(st);
        if (!first)
            first = *st;
        QCOMPARE(*st, first); // one prepared statement for the connection's lifetime
        CHECK_OK((*st)->bind(1, u("Ученик %1").arg(i)).bind(2, std::int64_t(i + 1)).run());
    }
    QCOMPARE(db.queryInt("SELECT sum(value) FROM mark").value_or(-1), std::int64_t(15));

    static constexpr char kSelect[] = "SELECT pupil FROM mark ORDER BY value";
    Result<Statement*> sel = db.cached(kSelect);
    QVERIFY(sel && *sel != first);
    QVERIFY((*sel)->step().value_or(false));
    QCOMPARE((*sel)->columnText(0), u("Ученик 0"));
    QVERIFY((*sel)->step().value_or(false));
    QCOMPARE((*sel)->columnText(0), u("Ученик 1"));
    // Fetching it again resets it: it starts from the first row, not where it was left.
    Result<Statement*> again = db.cached(kSelect);
    QVERIFY(again);
    QCOMPARE(*again, *sel);
    QVERIFY((*again)->step().value_or(false));
    QCOMPARE((*again)->columnText(0), u("Ученик 0"));

    // Bindings are cleared on reuse: an unbound parameter is NULL, not the previous value.
    Result<Statement*> ins = db.cached(kInsert);
    QVERIFY(ins);
    CHECK_OK((*ins)->run());
    QCOMPARE(db.queryInt("SELECT count(*) FROM mark WHERE pupil IS NULL AND value IS NULL").value_or(-1),
             std::int64_t(1));
}

void TestSqlite::bindToMissingParameterFails() {
    OPEN_KEYED(db, dbPath(), true, kKeyA);
    CHECK_OK(db.exec("CREATE TABLE t(a TEXT, b INTEGER)"));
    Result<Statement> ins = db.prepare("INSERT INTO t(a, b) VALUES (?1, ?2)");
    QVERIFY(ins);
    const Status s = ins->bind(1, u("x")).bind(3, std::int64_t(5)).run(); // there is no ?3
    QVERIFY(!s);
    QCOMPARE(s.error().code, ErrorCode::Internal);
    QVERIFY2(s.error().message.contains(QLatin1String("3")), qPrintable(s.error().message));
    QCOMPARE(db.queryInt("SELECT count(*) FROM t").value_or(-1), std::int64_t(0)); // nothing half-written

    ins->reset(); // clears the error with the bindings
    CHECK_OK(ins->bind(1, u("y")).bind(2, std::int64_t(6)).run());
    QCOMPARE(db.queryInt("SELECT count(*) FROM t WHERE a = 'y' AND b = 6").value_or(-1), std::int64_t(1));
}

void TestSqlite::sqlErrors() {
    OPEN_KEYED(db, dbPath(), true, kKeyA);
    const Result<Statement> bad = db.prepare("SELEKT 1");
    QVERIFY(!bad);
    QCOMPARE(bad.error().code, ErrorCode::Storage);
    QVERIFY2(bad.error().message.contains(QLatin1String("syntax error")), qPrintable(bad.error().message));
    const Status noTable = db.exec("INSERT INTO nowhere VALUES (1)");
    QVERIFY(!noTable);
    QCOMPARE(noTable.error().code, ErrorCode::Storage);
    QVERIFY(noTable.error().message.contains(QLatin1String("nowhere")));
    const Result<std::int64_t> noRow = db.queryInt("SELECT 1 WHERE 0");
    QVERIFY(!noRow);
    QCOMPARE(noRow.error().code, ErrorCode::Internal);
}

QTEST_GUILESS_MAIN(TestSqlite)
#include "test_sqlite.moc"
