// The teacher's encrypted store (R-S2) and its signed op log (R-S3): node/store/node_store.h, key_file.h,
// schema.h.
#include "node/store/key_file.h"
#include "node/store/lesson_docs.h"
#include "node/store/node_store.h"
#include "node/store/schema.h"
#include "shared/core/hlc.h"
#include "shared/crypto/signing.h"
#include "shared/db/sqlite.h"
#include "tests/support/test_support.h"

#include <QDir>

#include <QDirIterator>
#include <QFile>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>
#include <limits>

#include <algorithm>
#include <cstring>
#include <optional>

using namespace tabel;
using namespace tabel::node;
using domain::Fields;
using domain::FieldValue;
using schema::EntityState;
using schema::FieldState;

// Readable QCOMPARE output for versions (found by argument-dependent lookup).
namespace tabel::sync {
char* toString(const Version& v) {
    return qstrdup(v.toString().toUtf8().constData());
}
} // namespace tabel::sync

namespace {

const QString kSurname = QStringLiteral("Добровольская");
const QString kHomework = QStringLiteral("Решить задачи 5–12 на странице 48");
const QString kTeacherName = QStringLiteral("Иванова Мария Петровна");
constexpr char kPass[] = "correct horse battery";
constexpr char kOtherPass[] = "другая парольная фраза";

crypto::SecretBytes secret(const char* text) {
    return crypto::SecretBytes::fromBytes(text, std::strlen(text));
}
crypto::SecretBytes secret(const QString& text) {
    const QByteArray u = text.toUtf8();
    return crypto::SecretBytes::fromBytes(u.constData(), std::size_t(u.size()));
}

NodeStore::InitOptions options(int schemaVersion = 0) {
    NodeStore::InitOptions o{.teacherId = QStringLiteral("ivanova"),
                             .teacherName = kTeacherName,
                             .kdfProfile = QStringLiteral("interactive")};
    o.schemaVersion = schemaVersion;
    return o;
}

QString why(const Error& e) {
    return e.message;
}
template <class R> QByteArray failure(const R& r) {
    return r.has_value() ? QByteArray() : r.error().message.toUtf8();
}

// Every file under dir (relative name → bytes).
QMap<QString, QByteArray> snapshot(const QString& dir) {
    QMap<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (f.open(QIODevice::ReadOnly))
            files.insert(QDir(dir).relativeFilePath(path), f.readAll());
    }
    return files;
}

bool copyFolder(const QString& from, const QString& to) {
    if (!QDir().mkpath(to))
        return false;
    for (const QString& name : QDir(from).entryList(QDir::Files | QDir::Hidden | QDir::System))
        if (!QFile::copy(from + QLatin1Char('/') + name, to + QLatin1Char('/') + name))
            return false;
    return true;
}

bool flipByte(const QString& path, qint64 offset) {
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite) || !f.seek(offset))
        return false;
    char c = 0;
    if (f.read(&c, 1) != 1 || !f.seek(offset))
        return false;
    c = char(c ^ 0x5a);
    return f.write(&c, 1) == 1;
}

std::int64_t hlcOf(const QList<sync::ChangeSet>& sets, qsizetype set, qsizetype op) {
    return sets[set].ops[op].hlc;
}

db::Value toDb(const FieldValue& v) {
    if (std::holds_alternative<std::int64_t>(v))
        return std::get<std::int64_t>(v);
    if (std::holds_alternative<QString>(v))
        return std::get<QString>(v);
    return std::monostate{};
}

// One change set written the way programs before schema v5 wrote it (v1–v4: a row in `state` and a row in `ops`
// per field, the change set's row without its bytes), signed with the store's device key and numbered after the
// last one. The migration tests build old stores with it, since NodeStore::change writes only the current layout.
Result<sync::ChangeSet> legacyChange(NodeStore& store, const QList<std::pair<QString, Fields>>& puts) {
    db::Database& db = store.database();
    TABEL_ASSIGN_OR_RETURN(db::Statement meta, db.prepare("SELECT value FROM meta WHERE key = 'device_secret'"));
    TABEL_ASSIGN_OR_RETURN(bool found, meta.step());
    if (!found)
        return makeError(ErrorCode::Internal, QStringLiteral("no device secret"));
    const QByteArray raw = meta.columnBlob(0);
    TABEL_ASSIGN_OR_RETURN(
        crypto::SigningKeyPair device,
        crypto::SigningKeyPair::fromSecret(crypto::SecretBytes::fromBytes(raw.constData(), std::size_t(raw.size()))));
    TABEL_ASSIGN_OR_RETURN(std::int64_t lastHlc, db.queryInt("SELECT value FROM meta WHERE key = 'hlc'"));
    Hlc clock;
    clock.observe(lastHlc);
    TABEL_ASSIGN_OR_RETURN(db::Transaction tx, db::Transaction::begin(db));
    TABEL_ASSIGN_OR_RETURN(std::int64_t seq,
                           db.queryInt("SELECT coalesce(max(seq), 0) + 1 FROM changesets WHERE device = " +
                                       QByteArray::number(store.deviceNumber())));
    sync::ChangeSet cs;
    cs.author = store.teacherId();
    cs.seq = seq;
    TABEL_ASSIGN_OR_RETURN(db::Statement cur,
                           db.prepare("SELECT vdev, vhlc FROM state WHERE entity = ? AND field = ?"));
    TABEL_ASSIGN_OR_RETURN(
        db::Statement setState,
        db.prepare("INSERT OR REPLACE INTO state(entity, field, value, vdev, vhlc) VALUES(?, ?, ?, ?, ?)"));
    TABEL_ASSIGN_OR_RETURN(db::Statement insOp,
                           db.prepare("INSERT INTO ops(device, hlc, seq, entity, field, value, bdev, bhlc) "
                                      "VALUES(?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const auto& [key, fields] : puts)
        for (const auto& [field, value] : fields) {
            sync::Op op{clock.now(), key, field, value, {}};
            cur.bind(1, key).bind(2, field);
            TABEL_ASSIGN_OR_RETURN(bool has, cur.step());
            if (has)
                op.base = {cur.columnInt(0), cur.columnInt(1)};
            cur.reset();
            TABEL_TRY(setState.bind(1, key)
                          .bind(2, field)
                          .bind(3, toDb(value))
                          .bind(4, store.deviceNumber())
                          .bind(5, op.hlc)
                          .run());
            TABEL_TRY(insOp.bind(1, store.deviceNumber())
                          .bind(2, op.hlc)
                          .bind(3, seq)
                          .bind(4, key)
                          .bind(5, field)
                          .bind(6, toDb(value))
                          .bind(7, op.base.device)
                          .bind(8, op.base.hlc)
                          .run());
            cs.ops.append(op);
        }
    cs.hlc = cs.ops.back().hlc;
    cs.sign(device);
    TABEL_ASSIGN_OR_RETURN(db::Statement ins, db.prepare("INSERT INTO changesets(device, seq, author, hlc, hash, "
                                                         "signature) VALUES(?, ?, ?, ?, ?, ?)"));
    TABEL_TRY(ins.bind(1, store.deviceNumber())
                  .bind(2, seq)
                  .bind(3, cs.author)
                  .bind(4, cs.hlc)
                  .bind(5, cs.hash())
                  .bind(6, cs.signature)
                  .run());
    TABEL_ASSIGN_OR_RETURN(db::Statement clockRow, db.prepare("UPDATE meta SET value = ? WHERE key = 'hlc'"));
    TABEL_TRY(clockRow.bind(1, cs.hlc).run());
    TABEL_TRY(tx.commit());
    return cs;
}

} // namespace

// Asserts that a Result holds a value, printing the error message otherwise. Evaluates expr once.
#define VERIFY_OK(expr)                                                                                                \
    do {                                                                                                               \
        const auto& verify_ok_r_ = (expr);                                                                             \
        QVERIFY2(verify_ok_r_.has_value(), failure(verify_ok_r_).constData());                                         \
    } while (false)
// Asserts that a Result failed with the given code and a message. Evaluates expr once.
#define VERIFY_ERROR(expr, expectedCode)                                                                               \
    do {                                                                                                               \
        const auto& verify_error_r_ = (expr);                                                                          \
        QVERIFY2(!verify_error_r_.has_value(), "expected an error, got success");                                      \
        QCOMPARE(verify_error_r_.error().code, expectedCode);                                                          \
        QVERIFY(!verify_error_r_.error().message.isEmpty());                                                           \
    } while (false)

class TestNodeStore : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    // Creating and opening (R-S2).
    void createThenOpen();
    void createRefusesAFolderWithAStore();
    void openNeverCreates();
    void shortPassphrase_data();
    void shortPassphrase();
    void wrongPassphraseChangesNothing();
    void noPlaintextOnDisk();
    void tamperedDatabaseIsCorrupt_data();
    void tamperedDatabaseIsCorrupt();
    void damagedKeyFileIsCorrupt_data();
    void damagedKeyFileIsCorrupt();

    // The op log (R-S3).
    void eachChangeIsOneNumberedChangeSet();
    void unchangedWritesRecordNothing();
    void failedBodyChangesNothing();
    void opsCarryTheBaseVersion();
    void alteredChangeSetFailsVerification_data();
    void alteredChangeSetFailsVerification();
    void hlcStrictlyIncreasesAcrossReopen();

    // Reads.
    void entityAndFieldVersion();
    void scanUsesPrefixSemantics();
    void removeClearsAllFields();

    // Blobs (R-J8).
    void blobsAreDeduplicated();
    void blobChecksumIsVerified();
    void oversizeBlobIsRefused();

    // Schema migrations.
    void migratesVersion1Store();
    void migratesVersion2StoreToSync();
    void migratesVersion3OpLogToChangeSetKey();
    void migratesVersion4ToOneRowPerEntityAndChangeSet();
    void entityBlobRoundTripsAndDamageIsNamed();
    void migratesVersion5ToLessonDocuments();
    void lessonDocumentAddressesAndDamage();
    void lessonDocumentsFollowTransactions();
    void newerSchemaIsUnsupported();

    // Sync state (issue 3): enrolment, the pending batch, pulled change sets.
    void syncStateRoundTrip();

    // Passphrase change (R-S2).
    void changePassphrase();
    void changePassphraseRefusesShortPassphrase();
    void interruptedChangeBeforeReencryption();
    void interruptedChangeAfterReencryption();

private:
    std::optional<QTemporaryDir> m_tmp;
    int m_counter = 0;
    QString freshDir(); // a path that does not exist yet
};

QString TestNodeStore::freshDir() {
    return m_tmp->path() + QStringLiteral("/store-") + QString::number(++m_counter);
}

void TestNodeStore::initTestCase() {
    QVERIFY(crypto::initialize().has_value());
    m_tmp.emplace();
    QVERIFY(m_tmp->isValid());
}

// ---- Creating and opening -----------------------------------------------------------------------------------

void TestNodeStore::createThenOpen() {
    const QString dir = freshDir();
    QByteArray deviceKey;
    std::int64_t deviceNumber = 0;
    {
        Result<NodeStore> store = NodeStore::create(dir, secret(kPass), options());
        VERIFY_OK(store);
        QCOMPARE(store->teacherId(), QStringLiteral("ivanova"));
        QCOMPARE(store->teacherName(), kTeacherName);
        QCOMPARE(store->devicePublicKey().size(), 32);
        QCOMPARE(store->deviceNumber(), crypto::deviceNumber(store->devicePublicKey()));
        deviceKey = store->devicePublicKey();
        deviceNumber = store->deviceNumber();
        QVERIFY(NodeStore::exists(dir));
        QVERIFY(QFile::exists(store->paths().database()));
        QVERIFY(QFile::exists(store->paths().keyFile()));
        QVERIFY(!QFile::exists(store->paths().newKeyFile()));
        const Result<StoreStatus> st = store->status();
        VERIFY_OK(st);
        QCOMPARE(st->schemaVersion, schema::kCurrentVersion);
        QCOMPARE(st->pendingChangeSets, std::int64_t(0));
        QCOMPARE(st->deviceFingerprint, crypto::fingerprint(deviceKey));
    }
    for (int i = 0; i < 2; ++i) { // the identity is stable across opens
        Result<NodeStore> store = NodeStore::open(dir, secret(kPass));
        VERIFY_OK(store);
        QCOMPARE(store->teacherId(), QStringLiteral("ivanova"));
        QCOMPARE(store->teacherName(), kTeacherName);
        QCOMPARE(store->devicePublicKey(), deviceKey);
        QCOMPARE(store->deviceNumber(), deviceNumber);
    }
    // A second store gets another device key.
    Result<NodeStore> other = NodeStore::create(freshDir(), secret(kPass), options());
    VERIFY_OK(other);
    QVERIFY(other->devicePublicKey() != deviceKey);
}

void TestNodeStore::createRefusesAFolderWithAStore() {
    const QString dir = freshDir();
    {
        Result<NodeStore> store = NodeStore::create(dir, secret(kPass), options());
        VERIFY_OK(store);
        VERIFY_OK(store->change([](ChangeWriter& w) {
            return w.put(QStringLiteral("pupil/7a-04"), {{QStringLiteral("surname"), kSurname}});
        }));
    }
    const auto before = snapshot(dir);
    const Result<NodeStore> again = NodeStore::create(dir, secret(kOtherPass), options());
    VERIFY_ERROR(again, ErrorCode::AlreadyExists);
    QVERIFY2(again.error().message.contains(dir), qPrintable(why(again.error())));
    QCOMPARE(snapshot(dir), before); // the existing store is untouched
    Result<NodeStore> reopened = NodeStore::open(dir, secret(kPass));
    VERIFY_OK(reopened);
    const auto pupil = reopened->entity(QStringLiteral("pupil/7a-04"));
    VERIFY_OK(pupil);
    QVERIFY(pupil->has_value());
}

void TestNodeStore::openNeverCreates() {
    // An empty folder.
    const QString dir = freshDir();
    QVERIFY(QDir().mkpath(dir));
    const Result<NodeStore> store = NodeStore::open(dir, secret(kPass));
    VERIFY_ERROR(store, ErrorCode::NotFound);
    QVERIFY(QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot).isEmpty());
    QVERIFY(!NodeStore::exists(dir));
    // A folder that does not exist.
    const QString missing = freshDir();
    VERIFY_ERROR(NodeStore::open(missing, secret(kPass)), ErrorCode::NotFound);
    QVERIFY(!QFileInfo::exists(missing));
}

void TestNodeStore::shortPassphrase_data() {
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("7 characters") << QStringLiteral("1234567") << false;
    // Counted in characters, not bytes: 7 Cyrillic letters are 14 bytes of UTF-8 but still too short.
    QTest::newRow("7 Cyrillic characters") << QStringLiteral("пароль1") << false;
    QTest::newRow("8 characters") << QStringLiteral("12345678") << true;
    QTest::newRow("8 Cyrillic characters") << QStringLiteral("парольчк") << true;
}

void TestNodeStore::shortPassphrase() {
    QFETCH(QString, passphrase);
    QFETCH(bool, accepted);
    const QString dir = freshDir();
    const Result<NodeStore> store = NodeStore::create(dir, secret(passphrase), options());
    if (accepted) {
        VERIFY_OK(store);
        return;
    }
    VERIFY_ERROR(store, ErrorCode::InvalidArgument);
    QVERIFY2(store.error().message.contains(QStringLiteral("8")), qPrintable(why(store.error())));
    QVERIFY(!NodeStore::exists(dir)); // nothing half-made is left behind
}

void TestNodeStore::wrongPassphraseChangesNothing() {
    const QString dir = freshDir();
    {
        Result<NodeStore> store = NodeStore::create(dir, secret(kPass), options());
        VERIFY_OK(store);
        VERIFY_OK(store->change([](ChangeWriter& w) {
            return w.put(QStringLiteral("pupil/7a-04"), {{QStringLiteral("surname"), kSurname}});
        }));
    }
    const auto before = snapshot(dir);
    QVERIFY(before.contains(QStringLiteral("node.db")));
    for (const char* wrong : {kOtherPass, "correct horse battery ", "Correct horse battery"}) {
        const Result<NodeStore> store = NodeStore::open(dir, secret(wrong));
        VERIFY_ERROR(store, ErrorCode::WrongPassphrase);
        QVERIFY2(store.error().message.contains(QStringLiteral("passphrase")), qPrintable(why(store.error())));
        QCOMPARE(snapshot(dir), before); // every file byte-identical, none added or removed
    }
    Result<NodeStore> store = NodeStore::open(dir, secret(kPass));
    VERIFY_OK(store);
    const auto pupil = store->entity(QStringLiteral("pupil/7a-04"));
    VERIFY_OK(pupil);
    QVERIFY(pupil->has_value());
}

void TestNodeStore::noPlaintextOnDisk() {
    // R-S2: the store's files hold no plaintext — not the names, not the homework, not a submitted file.
    const QStringList needles = {kSurname, kHomework, kTeacherName, QStringLiteral("Сочинение о лете")};
    // The scan itself can find plaintext: a control file written in the clear is reported.
    {
        QTemporaryDir control;
        test::writeFile(control.filePath(QStringLiteral("clear.txt")), kHomework.toUtf8());
        QCOMPARE(test::filesContaining(control.path(), kHomework).size(), 1);
    }
    const QString dir = freshDir();
    {
        Result<NodeStore> store = NodeStore::create(dir, secret(kPass), options());
        VERIFY_OK(store);
        VERIFY_OK(store->change([](ChangeWriter& w) -> Status {
            TABEL_TRY(w.put(QStringLiteral("pupil/7a-04"), {{QStringLiteral("surname"), kSurname},
                                                            {QStringLiteral("name"), QStringLiteral("Елизавета")}}));
            return w.put(QStringLiteral("lesson/7А/math/all/2026-09-01/2"), {{QStringLiteral("homework"), kHomework}});
        }));
        VERIFY_OK(
            store->putBlob(QStringLiteral("Сочинение о лете").toUtf8().repeated(50), QDateTime::currentDateTimeUtc()));
        // While open: the write-ahead log holds the recent pages, encrypted too.
        QVERIFY2(QFileInfo(dir + QStringLiteral("/node.db-wal")).size() > 0, "expected a non-empty WAL file");
        for (const QString& needle : needles)
            QVERIFY2(test::filesContaining(dir, needle).isEmpty(),
                     qPrintable(QStringLiteral("plaintext «%1» in %2")
                                    .arg(needle, test::filesContaining(dir, needle).join(QStringLiteral(", ")))));
    }
    // Closed (the WAL checkpointed into node.db).
    for (const QString& needle : needles)
        QVERIFY2(test::filesContaining(dir, needle).isEmpty(), qPrintable(needle));
    // And the data is there: it was encrypted, not lost.
    Result<NodeStore> store = NodeStore::open(dir, secret(kPass));
    VERIFY_OK(store);
    const auto lesson = store->entity(QStringLiteral("lesson/7А/math/all/2026-09-01/2"));
    VERIFY_OK(lesson);
    QVERIFY(lesson->has_value());
    QCOMPARE(domain::textOf((*lesson)->at(QStringLiteral("homework"))), kHomework);
}

void TestNodeStore::tamperedDatabaseIsCorrupt_data() {
    QTest::addColumn<QString>("where");
    QTest::newRow("middle of the file") << QStringLiteral("middle");
    QTest::newRow("first page, after the salt") << QStringLiteral("page1");
    QTest::newRow("salt") << QStringLiteral("salt");
    QTest::newRow("last page") << QStringLiteral("last");
    QTest::newRow("truncated to half") << QStringLiteral("truncate");
}

void TestNodeStore::tamperedDatabaseIsCorrupt() {
    QFETCH(QString, where);
    const QString dir = freshDir();
    {
        Result<NodeStore> store = NodeStore::create(dir, secret(kPass), options());
        VERIFY_OK(store);
        // ~2000 entities: many pages in several tables and indexes.
        VERIFY_OK(store->change([](ChangeWriter& w) -> Status {
            for (int i = 0; i < 2000; ++i)
                TABEL_TRY(w.put(QStringLiteral("e/%1").arg(i, 5, 10, QLatin1Char('0')),
                                {{QStringLiteral("text"), kHomework}, {QStringLiteral("n"), std::int64_t(i)}}));
            return {};
        }));
    }
    const QString db = dir + QStringLiteral("/node.db");
    QVERIFY(!QFile::exists(db + QStringLiteral("-wal")) || QFileInfo(db + QStringLiteral("-wal")).size() == 0);
    const qint64 size = QFileInfo(db).size();
    QVERIFY2(size > 32 * 4096, qPrintable(QString::number(size)));
    if (where == QLatin1String("truncate")) {
        QVERIFY(QFile::resize(db, (size / 2 / 4096) * 4096));
    } else {
        const qint64 offset = where == QLatin1String("middle")  ? size / 2 + 1234
                              : where == QLatin1String("page1") ? 2000
                              : where == QLatin1String("salt")  ? 5
                                                                : size - 100;
        QVERIFY(flipByte(db, offset));
    }

    // Opening, reading every entity and checking integrity: the damage must show as Corrupt somewhere, and
    // nothing may report a wrong passphrase or crash.
    Result<NodeStore> store = NodeStore::open(dir, secret(kPass));
    if (!store) {
        QCOMPARE(store.error().code, ErrorCode::Corrupt);
        QVERIFY2(store.error().message.contains(QStringLiteral("node.db")), qPrintable(why(store.error())));
        return;
    }
    QList<Error> errors;
    if (auto r = store->scan(QStringLiteral("e/")); !r)
        errors << r.error();
    else
        QVERIFY(r->size() <= 2000);
    if (auto r = store->integrityCheck(); !r)
        errors << r.error();
    QVERIFY2(!errors.isEmpty(), "a damaged store passed scan and integrity check");
    for (const Error& e : errors)
        QVERIFY2(e.code == ErrorCode::Corrupt,
                 qPrintable(QStringLiteral("code %1: %2").arg(int(e.code)).arg(e.message)));
}

void TestNodeStore::damagedKeyFileIsCorrupt_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("truncate"); // take the real key file's first half
    QTest::newRow("truncated") << QByteArray() << true;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("binary garbage") << QByteArray("\x00\xff\x13\x37 garbage \x01", 15) << false;
    QTest::newRow("JSON array") << QByteArrayLiteral("[1, 2, 3]") << false;
    QTest::newRow("empty JSON object") << QByteArrayLiteral("{}") << false;
    QTest::newRow("no salt") << QByteArrayLiteral(R"({"format": 1, "kdf": "argon2id13", "opslimit": 2,
        "memlimit": 67108864, "check": "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="})")
                             << false;
    QTest::newRow("invalid KDF parameters") << QByteArrayLiteral(R"({"format": 1, "kdf": "argon2id13", "opslimit": 0,
        "memlimit": 0, "salt": "AAAAAAAAAAAAAAAAAAAAAA==", "check": "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="})")
                                            << false;
    QTest::newRow("too large") << QByteArray(5000, ' ') + "{}" << false;
}

void TestNodeStore::damagedKeyFileIsCorrupt() {
    QFETCH(QByteArray, content);
    QFETCH(bool, truncate);
    const QString dir = freshDir();
    QString keyPath;
    {
        Result<NodeStore> store = NodeStore::create(dir, secret(kPass), options());
        VERIFY_OK(store);
        keyPath = store->paths().keyFile();
    }
    if (truncate) {
        QFile f(keyPath);
        QVERIFY(f.open(QIODevice::ReadOnly));
        content = f.readAll();
        content.truncate(content.size() / 2);
    }
    test::writeFile(keyPath, content);
    const auto before = snapshot(dir);
    const Result<NodeStore> store = NodeStore::open(dir, secret(kPass));
    VERIFY_ERROR(store, ErrorCode::Corrupt);
    QVERIFY2(store.error().message.contains(keyPath), qPrintable(why(store.error())));
    QCOMPARE(snapshot(dir), before);
}

// ---- The op log (R-S3) ----------------------------------------------------------------------------------------

void TestNodeStore::eachChangeIsOneNumberedChangeSet() {
    Result<NodeStore> store = NodeStore::create(freshDir(), secret(kPass), options());
    VERIFY_OK(store);
    const QString mark = QStringLiteral("mark/7А/math/all/2026-09-01/2/7a-01/1");
    for (int i = 1; i <= 3; ++i) {
        const Result<CommitInfo> c = store->change([&](ChangeWriter& w) {
            return w.put(
                mark, {{QStringLiteral("value"), QString::number(i + 2)}, {QStringLiteral("weight"), std::int64_t(i)}});
        });
        VERIFY_OK(c);
        QCOMPARE(c->seq, std::int64_t(i));
        QCOMPARE(c->ops, 2);
    }
    const Result<StoreStatus> st = store->status();
    VERIFY_OK(st);
    QCOMPARE(st->pendingChangeSets, std::int64_t(3));
    QCOMPARE(st->pendingOps, std::int64_t(6));
    QCOMPARE(st->totalOps, std::int64_t(6));
    QVERIFY(st->lastChange.has_value());

    const Result<QList<sync::ChangeSet>> sets = store->changeSets();
    VERIFY_OK(sets);
    QCOMPARE(sets->size(), 3);
    for (qsizetype i = 0; i < sets->size(); ++i) {
        const sync::ChangeSet& cs = sets->at(i);
        QCOMPARE(cs.seq, std::int64_t(i + 1));
        QCOMPARE(cs.author, QStringLiteral("ivanova"));
        QCOMPARE(cs.device, store->devicePublicKey());
        QCOMPARE(cs.ops.size(), 2);
        QCOMPARE(cs.hlc, cs.ops.back().hlc);
        for (const sync::Op& op : cs.ops)
            QCOMPARE(op.entity, mark);
        const Status v = cs.verify();
        QVERIFY2(v.has_value(), failure(v).constData());
    }
    // Ops of a change are in field order here ("value" < "weight"), with their types kept.
    QCOMPARE(sets->at(2).ops[0].field, QStringLiteral("value"));
    QCOMPARE(domain::textOf(sets->at(2).ops[0].value), QStringLiteral("5"));
    QVERIFY(std::holds_alternative<std::int64_t>(sets->at(2).ops[1].value));
    QCOMPARE(domain::intOf(sets->at(2).ops[1].value), std::int64_t(3));
    // Paging.
    const auto after1 = store->changeSets(1);
    VERIFY_OK(after1);
    QCOMPARE(after1->size(), 2);
    QCOMPARE(after1->first().seq, std::int64_t(2));
    const auto limited = store->changeSets(0, 1);
    VERIFY_OK(limited);
    QCOMPARE(limited->size(), 1);
    QCOMPARE(limited->first().seq, std::int64_t(1));
}

void TestNodeStore::unchangedWritesRecordNothing() {
    Result<NodeStore> store = NodeStore::create(freshDir(), secret(kPass), options());
    VERIFY_OK(store);
    const QString key = QStringLiteral("pupil/7a-04");
    const Fields fields = {{QStringLiteral("surname"), kSurname}, {QStringLiteral("book_no"), std::int64_t(115)}};
    VERIFY_OK(store->change([&](ChangeWriter& w) { return w.put(key, fields); }));
    const auto version = store->fieldVersion(key, QStringLiteral("surname"));
    VERIFY_OK(version);

    const auto same = store->change([&](ChangeWriter& w) { return w.put(key, fields); });
    VERIFY_OK(same);
    QCOMPARE(same->seq, std::int64_t(0));
    QCOMPARE(same->ops, 0);
    // Clearing a field that was never set is no change either; nor is an empty body.
    const auto clearAbsent = store->change([&](ChangeWriter& w) {
        return w.put(key, {{QStringLiteral("patronymic"), std::monostate{}}});
    });
    VERIFY_OK(clearAbsent);
    QCOMPARE(clearAbsent->seq, std::int64_t(0));
    const auto empty = store->change([](ChangeWriter&) { return Status{}; });
    VERIFY_OK(empty);
    QCOMPARE(empty->seq, std::int64_t(0));

    const auto sets = store->changeSets();
    VERIFY_OK(sets);
    QCOMPARE(sets->size(), 1);
    QCOMPARE(store->fieldVersion(key, QStringLiteral("surname")).value(), version.value());
    // The next real change is number 2: no gap was left.
    const auto next = store->change([&](ChangeWriter& w) {
        return w.put(key, {{QStringLiteral("book_no"), std::int64_t(116)}});
    });
    VERIFY_OK(next);
    QCOMPARE(next->seq, std::int64_t(2));
    QCOMPARE(next->ops, 1);
}

void TestNodeStore::failedBodyChangesNothing() {
    Result<NodeStore> store = NodeStore::create(freshDir(), secret(kPass), options());
    VERIFY_OK(store);
    const QString key = QStringLiteral("mark/7А/math/all/2026-09-01/2/7a-01/1");
    VERIFY_OK(store->change([&](ChangeWriter& w) {
        return w.put(key, {{QStringLiteral("value"), QStringLiteral("4")}});
    }));
    const auto versionBefore = store->fieldVersion(key, QStringLiteral("value"));
    VERIFY_OK(versionBefore);
    const auto setsBefore = store->changeSets();
    VERIFY_OK(setsBefore);

    const Result<CommitInfo> failed = store->change([&](ChangeWriter& w) -> Status {
        TABEL_TRY(w.put(key, {{QStringLiteral("value"), QStringLiteral("2")}}));
        TABEL_TRY(w.put(QStringLiteral("mark/7А/math/all/2026-09-01/2/7a-29/1"),
                        {{QStringLiteral("value"), QStringLiteral("5")}}));
        if (w.opCount() != 2)
            return makeError(ErrorCode::Internal, QStringLiteral("expected two ops before failing"));
        return ruleError(QStringLiteral("3.5"), QStringLiteral("the pupil is absent"));
    });
    VERIFY_ERROR(failed, ErrorCode::RuleViolation);
    QCOMPARE(failed.error().clause, QStringLiteral("3.5")); // the body's own error comes back unchanged

    const auto value = store->entity(key);
    VERIFY_OK(value);
    QCOMPARE(domain::textOf((*value)->at(QStringLiteral("value"))), QStringLiteral("4"));
    const auto other = store->entity(QStringLiteral("mark/7А/math/all/2026-09-01/2/7a-29/1"));
    VERIFY_OK(other);
    QVERIFY(!other->has_value());
    QCOMPARE(store->fieldVersion(key, QStringLiteral("value")).value(), versionBefore.value());
    const auto setsAfter = store->changeSets();
    VERIFY_OK(setsAfter);
    QCOMPARE(setsAfter->size(), setsBefore->size());
    QCOMPARE(store->status()->totalOps, std::int64_t(1));
    // The log continues without a gap, and later ops are still after the first one in time.
    const auto next = store->change([&](ChangeWriter& w) {
        return w.put(key, {{QStringLiteral("value"), QStringLiteral("5")}});
    });
    VERIFY_OK(next);
    QCOMPARE(next->seq, std::int64_t(2));
    const auto sets = store->changeSets();
    VERIFY_OK(sets);
    QVERIFY(hlcOf(*sets, 1, 0) > hlcOf(*sets, 0, 0));
    QVERIFY(sets->at(1).verify().has_value());
}

void TestNodeStore::opsCarryTheBaseVersion() {
    Result<NodeStore> store = NodeStore::create(freshDir(), secret(kPass), options());
    VERIFY_OK(store);
    const QString key = QStringLiteral("mark/7А/math/all/2026-09-01/2/7a-01/1");
    const QString field = QStringLiteral("value");
    QVERIFY(store->fieldVersion(key, field)->isNull()); // never written

    VERIFY_OK(store->change([&](ChangeWriter& w) { return w.put(key, {{field, QStringLiteral("4")}}); }));
    const sync::Version first = store->fieldVersion(key, field).value();
    VERIFY_OK(store->change([&](ChangeWriter& w) {
        return w.put(key, {{field, QStringLiteral("5")}, {QStringLiteral("weight"), std::int64_t(2)}});
    }));
    const sync::Version second = store->fieldVersion(key, field).value();

    const auto sets = store->changeSets();
    VERIFY_OK(sets);
    QCOMPARE(sets->size(), 2);
    const sync::Op& op1 = sets->at(0).ops.at(0);
    QVERIFY(op1.base.isNull()); // the first write saw no version
    QCOMPARE(first, (sync::Version{store->deviceNumber(), op1.hlc}));
    QCOMPARE(first, sets->at(0).versionOf(op1));

    const sync::ChangeSet& cs2 = sets->at(1);
    QCOMPARE(cs2.ops.size(), 2);
    const auto valueOp =
        std::find_if(cs2.ops.begin(), cs2.ops.end(), [&](const sync::Op& o) { return o.field == field; });
    const auto weightOp = std::find_if(cs2.ops.begin(), cs2.ops.end(),
                                       [](const sync::Op& o) { return o.field == QStringLiteral("weight"); });
    QVERIFY(valueOp != cs2.ops.end() && weightOp != cs2.ops.end());
    QCOMPARE(valueOp->base, first); // R-S3: the second write is based on the first
    QCOMPARE(domain::textOf(valueOp->value), QStringLiteral("5"));
    QVERIFY(weightOp->base.isNull());
    QCOMPARE(second, (sync::Version{store->deviceNumber(), valueOp->hlc}));
    QVERIFY(second.hlc > first.hlc);
}

void TestNodeStore::alteredChangeSetFailsVerification_data() {
    QTest::addColumn<QString>("what");
    QTest::newRow("op value") << QStringLiteral("value");
    QTest::newRow("op value type") << QStringLiteral("type");
    QTest::newRow("op entity") << QStringLiteral("entity");
    QTest::newRow("op base") << QStringLiteral("base");
    QTest::newRow("author") << QStringLiteral("author");
    QTest::newRow("seq") << QStringLiteral("seq");
    QTest::newRow("dropped op") << QStringLiteral("drop");
}

void TestNodeStore::alteredChangeSetFailsVerification() {
    QFETCH(QString, what);
    Result<NodeStore> store = NodeStore::create(freshDir(), secret(kPass), options());
    VERIFY_OK(store);
    const QString key = QStringLiteral("mark/7А/math/all/2026-09-01/2/7a-01/1");
    VERIFY_OK(store->change([&](ChangeWriter& w) {
        return w.put(key,
                     {{QStringLiteral("value"), QStringLiteral("2")}, {QStringLiteral("weight"), std::int64_t(1)}});
    }));
    const auto sets = store->changeSets();
    VERIFY_OK(sets);
    sync::ChangeSet cs = sets->first();
    QVERIFY(cs.verify().has_value());
    QCOMPARE(cs.ops.size(), 2);
    if (what == QLatin1String("value"))
        cs.ops[0].value = QStringLiteral("5");
    else if (what == QLatin1String("type"))
        cs.ops[1].value = QStringLiteral("1");
    else if (what == QLatin1String("entity"))
        cs.ops[0].entity = QStringLiteral("mark/7А/math/all/2026-09-01/2/7a-29/1");
    else if (what == QLatin1String("base"))
        cs.ops[0].base = sync::Version{store->deviceNumber(), 1};
    else if (what == QLatin1String("author"))
        cs.author = QStringLiteral("petrova");
    else if (what == QLatin1String("seq"))
        cs.seq = 2;
    else {
        cs.ops.removeLast();
        cs.hlc = cs.ops.back().hlc;
    }
    QVERIFY2(!cs.verify().has_value(), "an altered change set passed verification");
}

void TestNodeStore::hlcStrictlyIncreasesAcrossReopen() {
    const QString dir = freshDir();
    std::int64_t last = 0;
    {
        Result<NodeStore> store = NodeStore::create(dir, secret(kPass), options());
        VERIFY_OK(store);
        // Many ops within the same milliseconds: the counter keeps them apart.
        for (int i = 0; i < 20; ++i)
            VERIFY_OK(store->change([&](ChangeWriter& w) -> Status {
                for (int f = 0; f < 5; ++f)
                    TABEL_TRY(w.put(QStringLiteral("e/%1").arg(i), {{QStringLiteral("f%1").arg(f), std::int64_t(f)}}));
                return {};
            }));
        const auto sets = store->changeSets();
        VERIFY_OK(sets);
        QCOMPARE(sets->size(), 20);
        for (const sync::ChangeSet& cs : *sets) {
            for (const sync::Op& op : cs.ops) {
                QVERIFY2(op.hlc > last, qPrintable(QStringLiteral("%1 after %2").arg(op.hlc).arg(last)));
                last = op.hlc;
            }
            QCOMPARE(cs.hlc, last);
        }
        // The clock survives a restart even if the wall clock went back meanwhile: pretend the last op was
        // written one day in the future (a wrong system time that was corrected since).
        last += std::int64_t(86400000) << 16;
        const QByteArray sql = "UPDATE meta SET value = " + QByteArray::number(last) + " WHERE key = 'hlc'";
        VERIFY_OK(store->database().exec(sql.constData()));
    }
    Result<NodeStore> store = NodeStore::open(dir, secret(kPass));
    VERIFY_OK(store);
    VERIFY_OK(store->change([](ChangeWriter& w) {
        return w.put(QStringLiteral("e/new"), {{QStringLiteral("f"), std::int64_t(1)}});
    }));
    const auto sets = store->changeSets(20);
    VERIFY_OK(sets);
    QCOMPARE(sets->size(), 1);
    QVERIFY2(sets->first().ops.first().hlc > last,
             qPrintable(QStringLiteral("%1 is not after %2").arg(sets->first().ops.first().hlc).arg(last)));
}

// ---- Reads ----------------------------------------------------------------------------------------------------

void TestNodeStore::entityAndFieldVersion() {
    Result<NodeStore> store = NodeStore::create(freshDir(), secret(kPass), options());
    VERIFY_OK(store);
    const QString key = QStringLiteral("pupil/7a-04");
    const auto missing = store->entity(key);
    VERIFY_OK(missing);
    QVERIFY(!missing->has_value());
    VERIFY_OK(store->change([&](ChangeWriter& w) -> Status {
        TABEL_TRY(w.put(key, {{QStringLiteral("surname"), kSurname},
                              {QStringLiteral("book_no"), std::int64_t(115)},
                              {QStringLiteral("patronymic"), std::monostate{}}}));
        // Reads inside a change see the change's own writes.
        TABEL_ASSIGN_OR_RETURN(auto inside, w.entity(key));
        if (!inside || inside->size() != 2)
            return makeError(ErrorCode::Internal, QStringLiteral("the change does not see its own write"));
        return {};
    }));
    const auto fields = store->entity(key);
    VERIFY_OK(fields);
    QVERIFY(fields->has_value());
    const Fields expected = {{QStringLiteral("surname"), kSurname}, {QStringLiteral("book_no"), std::int64_t(115)}};
    QVERIFY(**fields == expected); // null fields are not returned; types are kept
    QVERIFY(std::holds_alternative<std::int64_t>((*fields)->at(QStringLiteral("book_no"))));

    const auto v = store->fieldVersion(key, QStringLiteral("surname"));
    VERIFY_OK(v);
    QCOMPARE(v->device, store->deviceNumber());
    QVERIFY(v->hlc > 0);
    QVERIFY(store->fieldVersion(key, QStringLiteral("patronymic"))->isNull());
    QVERIFY(store->fieldVersion(QStringLiteral("pupil/none"), QStringLiteral("surname"))->isNull());
}

void TestNodeStore::scanUsesPrefixSemantics() {
    Result<NodeStore> store = NodeStore::create(freshDir(), secret(kPass), options());
    VERIFY_OK(store);
    const QStringList keys = {
        QStringLiteral("mark/7А/math/all/2026-09-01/2/7a-01/1"),
        QStringLiteral("mark/7А/math/all/2026-09-01/2/7a-29/1"),
        QStringLiteral("mark/7А/rus/all/2026-09-02/1/7a-01/1"),
        QStringLiteral("mark/7Б/math/all/2026-09-01/3/7b-01/1"),
        QStringLiteral("mark/7АБ/math/all/2026-09-01/3/x/1"),
        QStringLiteral("mark/7А0"),
        QStringLiteral("mark/7"),
        QStringLiteral("lesson/7А/math/all/2026-09-01/2"),
        QStringLiteral("mark/7А/math/all/2026-09-03/1/7a-03/1"),
    };
    VERIFY_OK(store->change([&](ChangeWriter& w) -> Status {
        for (const QString& k : keys)
            TABEL_TRY(w.put(k, {{QStringLiteral("value"), QStringLiteral("5")}}));
        // A removed entity does not show up.
        TABEL_TRY(w.put(QStringLiteral("mark/7А/math/all/2026-09-05/1/7a-01/1"),
                        {{QStringLiteral("value"), QStringLiteral("3")}}));
        return w.remove(QStringLiteral("mark/7А/math/all/2026-09-05/1/7a-01/1"));
    }));
    const auto keysOf = [&](const QString& prefix) {
        QStringList out;
        const auto r = store->scan(prefix);
        if (!r)
            out << QStringLiteral("error: ") + r.error().message;
        else
            for (const Entity& e : *r)
                out << e.key;
        return out;
    };
    QCOMPARE(keysOf(QStringLiteral("mark/7А/")), QStringList({QStringLiteral("mark/7А/math/all/2026-09-01/2/7a-01/1"),
                                                              QStringLiteral("mark/7А/math/all/2026-09-01/2/7a-29/1"),
                                                              QStringLiteral("mark/7А/math/all/2026-09-03/1/7a-03/1"),
                                                              QStringLiteral("mark/7А/rus/all/2026-09-02/1/7a-01/1")}));
    QCOMPARE(keysOf(QStringLiteral("mark/7Б/")),
             QStringList({QStringLiteral("mark/7Б/math/all/2026-09-01/3/7b-01/1")}));
    QCOMPARE(keysOf(QStringLiteral("mark/7А/math/all/2026-09-01/2/")),
             QStringList({QStringLiteral("mark/7А/math/all/2026-09-01/2/7a-01/1"),
                          QStringLiteral("mark/7А/math/all/2026-09-01/2/7a-29/1")}));
    QCOMPARE(keysOf(QStringLiteral("lesson/")), QStringList({QStringLiteral("lesson/7А/math/all/2026-09-01/2")}));
    QCOMPARE(keysOf(QStringLiteral("mark/7В/")), QStringList());
    QCOMPARE(keysOf(QStringLiteral("mark/")).size(), 8);
    const auto all = store->scan(QStringLiteral("mark/7Б/"));
    VERIFY_OK(all);
    QCOMPARE(domain::textOf(all->first().fields.at(QStringLiteral("value"))), QStringLiteral("5"));
    // A prefix must end with '/': "mark/7А" would also match "mark/7АБ/…".
    QVERIFY(!store->scan(QStringLiteral("mark/7А")).has_value());
    // The empty prefix: every entity, in key order (lessons and marks here, and nothing cleared).
    const auto everything = store->scan(QString());
    VERIFY_OK(everything);
    QCOMPARE(everything->size(), 9);
    QCOMPARE(everything->first().key, QStringLiteral("lesson/7А/math/all/2026-09-01/2"));
}

void TestNodeStore::removeClearsAllFields() {
    Result<NodeStore> store = NodeStore::create(freshDir(), secret(kPass), options());
    VERIFY_OK(store);
    const QString key = QStringLiteral("att/7А/math/all/2026-09-01/2/7a-01");
    VERIFY_OK(store->change([&](ChangeWriter& w) {
        return w.put(key, {{QStringLiteral("reason"), QStringLiteral("Б")},
                           {QStringLiteral("cert_no"), QStringLiteral("17")},
                           {QStringLiteral("cert_date"), std::monostate{}}});
    }));
    const sync::Version reasonVersion = store->fieldVersion(key, QStringLiteral("reason")).value();
    const sync::Version certVersion = store->fieldVersion(key, QStringLiteral("cert_no")).value();

    const auto removed = store->change([&](ChangeWriter& w) { return w.remove(key); });
    VERIFY_OK(removed);
    QCOMPARE(removed->seq, std::int64_t(2));
    QCOMPARE(removed->ops, 2); // the two fields that had values
    const auto gone = store->entity(key);
    VERIFY_OK(gone);
    QVERIFY(!gone->has_value());
    QVERIFY(store->scan(QStringLiteral("att/"))->isEmpty());

    const auto sets = store->changeSets(1);
    VERIFY_OK(sets);
    QCOMPARE(sets->size(), 1);
    const sync::ChangeSet& cs = sets->first();
    QVERIFY(cs.verify().has_value());
    for (const sync::Op& op : cs.ops) {
        QCOMPARE(op.entity, key);
        QVERIFY2(domain::isNull(op.value), qPrintable(op.field));
        QCOMPARE(op.base, op.field == QLatin1String("reason") ? reasonVersion : certVersion);
    }
    // Removing what is not there records nothing.
    const auto again = store->change([&](ChangeWriter& w) { return w.remove(key); });
    VERIFY_OK(again);
    QCOMPARE(again->seq, std::int64_t(0));
    // Writing it again is based on the removal.
    VERIFY_OK(store->change([&](ChangeWriter& w) {
        return w.put(key, {{QStringLiteral("reason"), QStringLiteral("УП")}});
    }));
    const auto removal = std::find_if(cs.ops.begin(), cs.ops.end(),
                                      [](const sync::Op& op) { return op.field == QLatin1String("reason"); });
    QVERIFY(removal != cs.ops.end());
    const auto last = store->changeSets(2);
    VERIFY_OK(last);
    QCOMPARE(last->first().ops.first().base, cs.versionOf(*removal));
}

// ---- Blobs ----------------------------------------------------------------------------------------------------

void TestNodeStore::blobsAreDeduplicated() {
    Result<NodeStore> store = NodeStore::create(freshDir(), secret(kPass), options());
    VERIFY_OK(store);
    const QByteArray content = QStringLiteral("Сочинение: как я провёл лето\n").toUtf8().repeated(100);
    const QDateTime received = QDateTime::currentDateTimeUtc();
    const auto h1 = store->putBlob(content, received);
    VERIFY_OK(h1);
    QCOMPARE(*h1, QString::fromLatin1(crypto::sha256(content).toHex()));
    const auto h2 = store->putBlob(content, received.addDays(1));
    VERIFY_OK(h2);
    QCOMPARE(*h2, *h1);
    QCOMPARE(store->database().queryInt("SELECT count(*) FROM blobs").value(), std::int64_t(1));
    const auto back = store->blob(*h1);
    VERIFY_OK(back);
    QCOMPARE(*back, content);

    const QByteArray other = content + "!";
    const auto h3 = store->putBlob(other, received);
    VERIFY_OK(h3);
    QVERIFY(*h3 != *h1);
    QCOMPARE(store->database().queryInt("SELECT count(*) FROM blobs").value(), std::int64_t(2));
    QCOMPARE(store->blob(*h3).value(), other);
    // An empty file is a file too.
    const auto empty = store->putBlob(QByteArray(), received);
    VERIFY_OK(empty);
    QCOMPARE(store->blob(*empty).value(), QByteArray());

    VERIFY_ERROR(store->blob(QString(64, QLatin1Char('0'))), ErrorCode::NotFound);
}

void TestNodeStore::blobChecksumIsVerified() {
    Result<NodeStore> store = NodeStore::create(freshDir(), secret(kPass), options());
    VERIFY_OK(store);
    const auto a = store->putBlob(QByteArray(1000, 'a'), QDateTime::currentDateTimeUtc());
    const auto b = store->putBlob(QByteArray(1000, 'b'), QDateTime::currentDateTimeUtc());
    VERIFY_OK(a);
    VERIFY_OK(b);
    // Make a's row hold b's bytes: reading a must notice.
    const QByteArray sql = "UPDATE blobs SET data = (SELECT data FROM blobs WHERE hash = '" + b->toLatin1() +
                           "') WHERE hash = '" + a->toLatin1() + "'";
    VERIFY_OK(store->database().exec(sql.constData()));
    VERIFY_ERROR(store->blob(*a), ErrorCode::Corrupt);
    QCOMPARE(store->blob(*b).value(), QByteArray(1000, 'b'));
}

void TestNodeStore::oversizeBlobIsRefused() {
    Result<NodeStore> store = NodeStore::create(freshDir(), secret(kPass), options());
    VERIFY_OK(store);
    const Result<QString> r =
        store->putBlob(QByteArray(NodeStore::kMaxBlobBytes + 1, 'x'), QDateTime::currentDateTimeUtc());
    VERIFY_ERROR(r, ErrorCode::InvalidInput);
    QVERIFY2(r.error().message.contains(QStringLiteral("64 MiB")), qPrintable(why(r.error())));
    QCOMPARE(store->database().queryInt("SELECT count(*) FROM blobs").value(), std::int64_t(0));
}

// ---- Migrations -----------------------------------------------------------------------------------------------

void TestNodeStore::migratesVersion1Store() {
    const QString dir = freshDir();
    QByteArray deviceKey;
    {
        Result<NodeStore> store = NodeStore::create(dir, secret(kPass), options(1));
        VERIFY_OK(store);
        QCOMPARE(schema::version(store->database()).value(), 1);
        QVERIFY(!store->database().queryInt("SELECT count(*) FROM blobs").has_value()); // no blobs in v1
        VERIFY_OK(legacyChange(*store, {{QStringLiteral("pupil/7a-04"), {{QStringLiteral("surname"), kSurname}}}}));
        deviceKey = store->devicePublicKey();
    }
    Result<NodeStore> store = NodeStore::open(dir, secret(kPass));
    VERIFY_OK(store);
    QCOMPARE(schema::version(store->database()).value(), schema::kCurrentVersion);
    QCOMPARE(store->status()->schemaVersion, schema::kCurrentVersion);
    QCOMPARE(store->devicePublicKey(), deviceKey);
    const auto pupil = store->entity(QStringLiteral("pupil/7a-04"));
    VERIFY_OK(pupil);
    QVERIFY(pupil->has_value());
    QCOMPARE(domain::textOf((*pupil)->at(QStringLiteral("surname"))), kSurname);
    const auto sets = store->changeSets();
    VERIFY_OK(sets);
    QCOMPARE(sets->size(), 1);
    QVERIFY(sets->first().verify().has_value());
    const auto hash = store->putBlob("работа", QDateTime::currentDateTimeUtc());
    VERIFY_OK(hash);
    QCOMPARE(store->blob(*hash).value(), QByteArray("работа"));
    const auto next = store->change([](ChangeWriter& w) {
        return w.put(QStringLiteral("pupil/7a-04"), {{QStringLiteral("name"), QStringLiteral("Елизавета")}});
    });
    VERIFY_OK(next);
    QCOMPARE(next->seq, std::int64_t(2));
}

void TestNodeStore::migratesVersion2StoreToSync() {
    const QString dir = freshDir();
    {
        Result<NodeStore> store = NodeStore::create(dir, secret(kPass), options(2));
        VERIFY_OK(store);
        QCOMPARE(schema::version(store->database()).value(), 2);
        QVERIFY(!store->database().queryInt("SELECT count(*) FROM sync").has_value()); // no sync table in v2
        VERIFY_OK(legacyChange(*store, {{QStringLiteral("pupil/7a-04"), {{QStringLiteral("surname"), kSurname}}}}));
    }
    Result<NodeStore> store = NodeStore::open(dir, secret(kPass));
    VERIFY_OK(store);
    QCOMPARE(schema::version(store->database()).value(), schema::kCurrentVersion);
    const auto link = store->hubLink();
    VERIFY_OK(link);
    QVERIFY(!link->has_value()); // not enrolled
    const auto st = store->status();
    VERIFY_OK(st);
    QCOMPARE(st->pendingChangeSets, std::int64_t(1));
    QVERIFY(st->hubUrl.isEmpty());
    QVERIFY(!st->lastSync);
}

// R-S3: v4 keys the op log by change set; the migration keeps every op, its signature still verifies, the
// old index is gone, and new change sets continue the sequence (checked here through to the current version).
void TestNodeStore::migratesVersion3OpLogToChangeSetKey() {
    const QString dir = freshDir();
    QList<sync::ChangeSet> before;
    {
        Result<NodeStore> store = NodeStore::create(dir, secret(kPass), options(3));
        VERIFY_OK(store);
        QCOMPARE(schema::version(store->database()).value(), 3);
        for (int i = 1; i <= 3; ++i) {
            const auto cs =
                legacyChange(*store, {{QStringLiteral("pupil/7a-0%1").arg(i), {{QStringLiteral("surname"), kSurname}}},
                                      {QStringLiteral("mark/7А/math/all/2026-09-01/2/7a-0%1/1").arg(i),
                                       {{QStringLiteral("value"), QStringLiteral("5")},
                                        {QStringLiteral("kind"), QStringLiteral("classwork")}}}});
            VERIFY_OK(cs);
            before.append(*cs);
        }
        VERIFY_OK(schema::migrate(store->database(), 4));
        QCOMPARE(
            store->database().queryInt("SELECT count(*) FROM sqlite_master WHERE name = 'ops_by_changeset'").value(),
            std::int64_t(0));
        QCOMPARE(store->database().queryInt("SELECT count(*) FROM ops").value(), std::int64_t(9));
    }
    Result<NodeStore> store = NodeStore::open(dir, secret(kPass));
    VERIFY_OK(store);
    QCOMPARE(schema::version(store->database()).value(), schema::kCurrentVersion);
    QCOMPARE(store->status()->totalOps, std::int64_t(9));
    const auto after = store->changeSets();
    VERIFY_OK(after);
    QCOMPARE(after->size(), before.size());
    for (int i = 0; i < before.size(); ++i) {
        QCOMPARE(after->at(i).canonicalBytes(), before.at(i).canonicalBytes());
        QVERIFY(after->at(i).verify().has_value());
    }
    const auto next = store->change([](ChangeWriter& w) {
        return w.put(QStringLiteral("pupil/7a-01"), {{QStringLiteral("name"), QStringLiteral("Елизавета")}});
    });
    VERIFY_OK(next);
    QCOMPARE(next->seq, std::int64_t(4));
    QCOMPARE(store->status()->pendingChangeSets, std::int64_t(4));
    VERIFY_OK(store->integrityCheck());
}

// R-S3, issue 2 item 8: v5 keeps one state row per entity and one op-log row per change set (its signed
// canonical bytes). The migration from v4 keeps every field's value and version (a cleared field's too), every
// change set byte for byte (the signatures verify, the stored hashes match), the push states and the pending
// counts; writes after it base on the migrated versions and continue the sequence.
// Schema v5's entity blob (schema::encodeState): every kind of value and version round-trips; a blob in format 1
// (written before the compact format 2) still reads; a blob cut short anywhere, or of an unknown format, is reported
// as a damaged store, never read wrongly or crashed on.
void TestNodeStore::entityBlobRoundTripsAndDamageIsNamed() {
    const std::int64_t dev = 0x7edcba9876543210, other = 12;
    const EntityState state{
        {QStringLiteral("a_null"), FieldState{FieldValue(), {}}},
        {QStringLiteral("b_int"), FieldState{std::int64_t(5), {dev, 1000}}},
        {QStringLiteral("c_negative"), FieldState{std::int64_t(-3), {dev, 1001}}},
        {QStringLiteral("d_extremes"), FieldState{std::numeric_limits<std::int64_t>::min(), {dev, 999}}},
        {QStringLiteral("e_max"), FieldState{std::numeric_limits<std::int64_t>::max(), {other, 5}}},
        {QStringLiteral("f_text"), FieldState{QStringLiteral("Ёлкина «зач»"), {other, std::int64_t(1) << 62}}},
        {QStringLiteral("g_empty_text"), FieldState{QString(), {0, 0}}},
        {QStringLiteral("h_cleared"), FieldState{FieldValue(), {dev, 7}}},
    };
    const QByteArray blob = schema::encodeState(state);
    QCOMPARE(quint8(blob.at(0)), quint8(2));
    const auto back = schema::decodeState(blob);
    VERIFY_OK(back);
    QVERIFY(*back == state);

    // Format 1: name length, name, type, value (8 or 4+n bytes), device and HLC (8 bytes each), little-endian.
    const auto le = [](std::uint64_t v, int n) {
        QByteArray b;
        for (int i = 0; i < n; ++i)
            b.append(char((v >> (8 * i)) & 0xff));
        return b;
    };
    const QByteArray text = QStringLiteral("зач").toUtf8();
    const QByteArray v1 = QByteArray(1, char(1)) + char(5) + "value" + char(2) + le(std::uint64_t(text.size()), 4) +
                          text + le(std::uint64_t(dev), 8) + le(77, 8) + char(6) + "weight" + char(1) + le(2, 8) +
                          le(std::uint64_t(dev), 8) + le(78, 8);
    const auto old = schema::decodeState(v1);
    VERIFY_OK(old);
    QVERIFY((*old == EntityState{{QStringLiteral("value"), FieldState{QStringLiteral("зач"), {dev, 77}}},
                                 {QStringLiteral("weight"), FieldState{std::int64_t(2), {dev, 78}}}}));

    for (const QByteArray& good : {blob, v1})
        for (qsizetype cut = 0; cut < good.size(); ++cut) {
            const auto r = schema::decodeState(good.left(cut));
            if (r) {
                // A cut at a field boundary is a shorter, valid blob: never more fields than were written.
                QVERIFY2(r->size() < (good == blob ? state.size() : 2u), qPrintable(QString::number(cut)));
                continue;
            }
            QCOMPARE(r.error().code, ErrorCode::Corrupt);
            QVERIFY(r.error().message.contains(QStringLiteral("damaged")));
        }
    QByteArray unknown = blob;
    unknown[0] = char(3);
    QCOMPARE(schema::decodeState(unknown).error().code, ErrorCode::Corrupt);
    QByteArray badTag = schema::encodeState({{QStringLiteral("v"), FieldState{std::int64_t(1), {dev, 1}}}});
    badTag[badTag.size() - 17] = char(9); // the version tag (then 16 bytes of an explicit version)
    QCOMPARE(schema::decodeState(badTag).error().code, ErrorCode::Corrupt);
}

// Schema v6 (issue 2 item 8): a lesson, its marks and absences move from `state` into one lesson document; the
// readers see the same entities, fields, versions and order, and the next write bases on the moved version.
void TestNodeStore::migratesVersion5ToLessonDocuments() {
    const QString dir = freshDir();
    const std::int64_t dev = 4242;
    const QString lessonKey = QStringLiteral("lesson/7А/math/all/2026-09-01/2");
    const QString mark1 = QStringLiteral("mark/7А/math/all/2026-09-01/2/7a-01/1");
    const QString mark2 = QStringLiteral("mark/7А/math/all/2026-09-01/2/7a-29/1");
    const QString absence = QStringLiteral("att/7А/math/all/2026-09-02/1/7a-02");
    const QString pupil = QStringLiteral("pupil/7a-01");
    const QString odd = QStringLiteral("mark/7А/too/few"); // not a lesson's entity: it stays in `state`
    const std::map<QString, EntityState> rows{
        {lessonKey, {{QStringLiteral("topic"), FieldState{QStringLiteral("Дроби"), {dev, 10}}}}},
        {mark1,
         {{QStringLiteral("value"), FieldState{QStringLiteral("5"), {dev, 11}}},
          {QStringLiteral("weight"), FieldState{FieldValue(), {dev, 12}}}}},
        {mark2, {{QStringLiteral("value"), FieldState{QStringLiteral("4"), {dev + 1, 13}}}}},
        {absence, {{QStringLiteral("reason"), FieldState{QStringLiteral("Б"), {dev, 14}}}}},
        {pupil, {{QStringLiteral("surname"), FieldState{kSurname, {dev, 15}}}}},
        {odd, {{QStringLiteral("value"), FieldState{QStringLiteral("3"), {dev, 16}}}}},
    };
    {
        Result<NodeStore> store = NodeStore::create(dir, secret(kPass), options(5));
        VERIFY_OK(store);
        QCOMPARE(schema::version(store->database()).value(), 5);
        auto ins = store->database().prepare("INSERT INTO state(entity, fields) VALUES(?, ?)");
        VERIFY_OK(ins);
        for (const auto& [key, state] : rows)
            VERIFY_OK(ins->bind(1, key).bind(2, schema::encodeState(state)).run());
    }
    Result<NodeStore> store = NodeStore::open(dir, secret(kPass));
    VERIFY_OK(store);
    db::Database& db = store->database();
    QCOMPARE(schema::version(db).value(), schema::kCurrentVersion);               // through v6 to the current one
    QCOMPARE(db.queryInt("SELECT count(*) FROM state").value(), std::int64_t(2)); // the pupil and the odd key
    QCOMPARE(db.queryInt("SELECT count(*) FROM lesson_docs").value(), std::int64_t(2));
    for (const auto& [key, state] : rows)
        for (const auto& [field, f] : state)
            QCOMPARE(store->fieldVersion(key, field).value(), f.version);
    QCOMPARE(store->entity(mark1).value(),
             std::optional<Fields>(Fields{{QStringLiteral("value"), QStringLiteral("5")}}));
    QCOMPARE(store->entity(odd).value(), std::optional<Fields>(Fields{{QStringLiteral("value"), QStringLiteral("3")}}));
    const auto marks = store->scan(QStringLiteral("mark/7А/"));
    VERIFY_OK(marks);
    QStringList keys;
    for (const Entity& e : *marks)
        keys << e.key;
    QCOMPARE(keys, QStringList({mark1, mark2, odd})); // documents and `state` rows merged in key order
    const auto everything = store->scan(QString());
    VERIFY_OK(everything);
    keys.clear();
    for (const Entity& e : *everything)
        keys << e.key;
    QCOMPARE(keys, QStringList({absence, lessonKey, mark1, mark2, odd, pupil}));
    // The next write bases on the moved version.
    const auto next = store->change([&](ChangeWriter& w) {
        return w.put(mark2, {{QStringLiteral("value"), QStringLiteral("3")}});
    });
    VERIFY_OK(next);
    const sync::ChangeSet cs = store->ownChangeSet(next->seq).value();
    QCOMPARE(cs.ops.size(), 1);
    QCOMPARE(cs.ops.first().base, (sync::Version{dev + 1, 13}));
    // What a push sends: the bytes as signed, which the hub opens and verifies.
    const auto sent = store->ownSignedChangeSets({next->seq});
    VERIFY_OK(sent);
    QCOMPARE(sent->size(), 1);
    QCOMPARE(sent->first(), sync::SignedChangeSet::of(cs));
    QCOMPARE(sent->first().open().value().ops, cs.ops);
    const auto missing = store->ownSignedChangeSets({next->seq, next->seq + 1});
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
    QCOMPARE(store->entity(mark2).value(),
             std::optional<Fields>(Fields{{QStringLiteral("value"), QStringLiteral("3")}}));
    VERIFY_OK(store->integrityCheck());
}

void TestNodeStore::lessonDocumentAddressesAndDamage() {
    // Which keys live in a lesson's document, and back.
    struct Case {
        const char* key;
        const char* doc; // nullptr: stays in `state`
        const char* sub;
    };
    const Case cases[] = {
        {"lesson/7А/math/all/2026-09-01/2", "7А/math/all/2026-09-01/2/", "lesson"},
        {"mark/7А/math/all/2026-09-01/2/7a-01/1", "7А/math/all/2026-09-01/2/", "mark/7a-01/1"},
        {"att/7А/math/all/2026-09-01/2/7a-01", "7А/math/all/2026-09-01/2/", "att/7a-01"},
        {"mark/7А/math/all/2026-09-01/2/7a-01", nullptr, nullptr},    // a segment short
        {"att/7А/math/all/2026-09-01/2/7a-01/1", nullptr, nullptr},   // a segment too many
        {"mark/7А/math//2026-09-01/2/7a-01/1", nullptr, nullptr},     // an empty segment
        {"lesson/7А/math/all/2026-09-01/2/", nullptr, nullptr},       // a trailing slash
        {"pupil/7a-01", nullptr, nullptr},                            // another kind
        {"marks/7А/math/all/2026-09-01/2/7a-01/1", nullptr, nullptr}, // a kind that only starts alike
    };
    for (const Case& c : cases) {
        const QString key = QString::fromUtf8(c.key);
        const auto at = docs::addressOf(key);
        QVERIFY2(at.has_value() == (c.doc != nullptr), c.key);
        if (!at)
            continue;
        QCOMPARE(at->doc, QString::fromUtf8(c.doc));
        QCOMPARE(at->sub, QByteArray(c.sub));
        QCOMPARE(docs::entityKeyOf(at->doc, at->sub), key);
    }
    QVERIFY(docs::mayHoldPrefix(QString()));
    QVERIFY(docs::mayHoldPrefix(QStringLiteral("mark/7А/")));
    QVERIFY(!docs::mayHoldPrefix(QStringLiteral("pupil/")));

    // The document codec: round trip; every truncation and a wrong order or format is a damaged store.
    const docs::Entries entries{
        {QByteArray("att/7a-02"),
         schema::encodeState({{QStringLiteral("reason"), FieldState{QStringLiteral("Б"), {1, 2}}}})},
        {QByteArray("lesson"),
         schema::encodeState({{QStringLiteral("topic"), FieldState{QStringLiteral("Дроби"), {1, 3}}}})},
        {QByteArray("mark/7a-01/1"),
         schema::encodeState({{QStringLiteral("value"), FieldState{QStringLiteral("5"), {1, 4}}}})},
    };
    const QByteArray doc = docs::encodeDoc(entries);
    QCOMPARE(docs::decodeDoc(doc).value(), entries);
    for (qsizetype cut = 0; cut < doc.size(); ++cut) {
        const auto r = docs::decodeDoc(doc.left(cut));
        if (r) {
            QVERIFY2(r->size() < entries.size(), qPrintable(QString::number(cut))); // cut at an entry boundary
            continue;
        }
        QCOMPARE(r.error().code, ErrorCode::Corrupt);
        QVERIFY(r.error().message.contains(QStringLiteral("damaged")));
    }
    QByteArray unknown = doc;
    unknown[0] = char(2);
    QCOMPARE(docs::decodeDoc(unknown).error().code, ErrorCode::Corrupt);
    const QByteArray swapped = QByteArray(1, char(1)) + doc.mid(1 + 1 + 9 + 1 + entries.begin()->second.size()) +
                               doc.mid(1, 1 + 9 + 1 + entries.begin()->second.size());
    QCOMPARE(docs::decodeDoc(swapped).error().code, ErrorCode::Corrupt); // entries out of order
}

// A lesson's entities are written at commit; a failed change leaves the document as it was, and nothing it
// wrote is seen afterwards.
void TestNodeStore::lessonDocumentsFollowTransactions() {
    Result<NodeStore> store = NodeStore::create(freshDir(), secret(kPass), options());
    VERIFY_OK(store);
    const QString mark = QStringLiteral("mark/7А/math/all/2026-09-01/2/7a-01/1");
    const QString other = QStringLiteral("mark/7А/math/all/2026-09-01/2/7a-29/1");
    VERIFY_OK(store->change([&](ChangeWriter& w) -> Status {
        TABEL_TRY(w.put(mark, {{QStringLiteral("value"), QStringLiteral("5")}}));
        // Inside the change, reads see its writes.
        TABEL_ASSIGN_OR_RETURN(const auto seen, w.entity(mark));
        if (!seen || domain::textOf(seen->at(QStringLiteral("value"))) != QStringLiteral("5"))
            return makeError(ErrorCode::Internal, QStringLiteral("entity() inside the change missed its write"));
        TABEL_ASSIGN_OR_RETURN(const QList<Entity> scanned, w.scan(QStringLiteral("mark/7А/math/")));
        if (scanned.size() != 1)
            return makeError(ErrorCode::Internal, QStringLiteral("scan() inside the change missed its write"));
        return {};
    }));
    const auto failed = store->change([&](ChangeWriter& w) -> Status {
        TABEL_TRY(w.put(mark, {{QStringLiteral("value"), QStringLiteral("2")}}));
        TABEL_TRY(w.put(other, {{QStringLiteral("value"), QStringLiteral("4")}}));
        TABEL_TRY(w.scan(QStringLiteral("mark/"))); // flushes the document inside the transaction
        return makeError(ErrorCode::RuleViolation, QStringLiteral("refused"));
    });
    QVERIFY(!failed);
    QCOMPARE(store->entity(mark).value(),
             std::optional<Fields>(Fields{{QStringLiteral("value"), QStringLiteral("5")}}));
    QVERIFY(!store->entity(other).value().has_value());
    // The next change starts from the stored document, not from what the failed one had in memory.
    VERIFY_OK(store->change([&](ChangeWriter& w) {
        return w.put(other, {{QStringLiteral("value"), QStringLiteral("3")}});
    }));
    const auto marks = store->scan(QStringLiteral("mark/"));
    VERIFY_OK(marks);
    QCOMPARE(marks->size(), 2);
    QCOMPARE(domain::textOf(marks->at(0).fields.at(QStringLiteral("value"))), QStringLiteral("5"));
    QCOMPARE(domain::textOf(marks->at(1).fields.at(QStringLiteral("value"))), QStringLiteral("3"));
    QCOMPARE(store->database().queryInt("SELECT count(*) FROM lesson_docs").value(), std::int64_t(1));
    QCOMPARE(store->status()->totalOps, std::int64_t(2));

    // A damaged document is named, not crashed on.
    VERIFY_OK(store->database().exec("UPDATE lesson_docs SET body = x'01ff'"));
    const auto damaged = store->entity(mark);
    QVERIFY(!damaged);
    QCOMPARE(damaged.error().code, ErrorCode::Corrupt);
    QCOMPARE(store->scan(QStringLiteral("mark/")).error().code, ErrorCode::Corrupt);
}

void TestNodeStore::migratesVersion4ToOneRowPerEntityAndChangeSet() {
    const QString dir = freshDir();
    const QString pupilKey = QStringLiteral("pupil/7a-01");
    const QString markKey = QStringLiteral("mark/7А/math/all/2026-09-01/2/7a-01/1");
    QList<sync::ChangeSet> before;
    sync::Version surnameVersion, markVersion;
    {
        Result<NodeStore> store = NodeStore::create(dir, secret(kPass), options(4));
        VERIFY_OK(store);
        QCOMPARE(schema::version(store->database()).value(), 4);
        const auto first = legacyChange(
            *store,
            {{pupilKey, {{QStringLiteral("surname"), kSurname}, {QStringLiteral("class"), QStringLiteral("7А")}}},
             {markKey, {{QStringLiteral("value"), QStringLiteral("5")}, {QStringLiteral("weight"), std::int64_t(2)}}}});
        VERIFY_OK(first);
        // The second change set clears a field (the state keeps it with its version) and changes another.
        const auto second = legacyChange(
            *store,
            {{markKey, {{QStringLiteral("weight"), FieldValue()}, {QStringLiteral("value"), QStringLiteral("4")}}}});
        VERIFY_OK(second);
        const auto third = legacyChange(*store, {{QStringLiteral("att/7А/math/all/2026-09-02/1/7a-02"),
                                                  {{QStringLiteral("reason"), QStringLiteral("Б")}}}});
        VERIFY_OK(third);
        before = {*first, *second, *third};
        QCOMPARE(first->ops.at(1).field, QStringLiteral("surname"));
        surnameVersion = first->versionOf(first->ops.at(1));
        QCOMPARE(second->ops.at(0).field, QStringLiteral("value"));
        markVersion = second->versionOf(second->ops.at(0));
        QCOMPARE(second->ops.at(0).base, first->versionOf(first->ops.at(2))); // based on the first value
        VERIFY_OK(store->database().exec("UPDATE changesets SET pushed = 1 WHERE seq = 1"));
        VERIFY_OK(store->database().exec("UPDATE changesets SET pushed = 2 WHERE seq = 2"));
    }
    Result<NodeStore> store = NodeStore::open(dir, secret(kPass));
    VERIFY_OK(store);
    db::Database& db = store->database();
    QCOMPARE(schema::version(db).value(), schema::kCurrentVersion); // through v5 and v6
    QCOMPARE(db.queryInt("SELECT count(*) FROM sqlite_master WHERE name = 'ops'").value(), std::int64_t(0));
    QCOMPARE(db.queryInt("SELECT count(*) FROM state").value(), std::int64_t(1));       // the pupil
    QCOMPARE(db.queryInt("SELECT count(*) FROM lesson_docs").value(), std::int64_t(2)); // the mark's and the absence's
    QCOMPARE(db.queryInt("SELECT count(*) FROM changesets").value(), std::int64_t(3));
    const auto after = store->changeSets();
    VERIFY_OK(after);
    QCOMPARE(after->size(), 3);
    auto hash = db.prepare("SELECT hash FROM changesets WHERE device = ? AND seq = ?");
    VERIFY_OK(hash);
    for (int i = 0; i < before.size(); ++i) {
        QCOMPARE(after->at(i).canonicalBytes(), before.at(i).canonicalBytes());
        QCOMPARE(after->at(i).signature, before.at(i).signature);
        QVERIFY(after->at(i).verify().has_value());
        hash->bind(1, store->deviceNumber()).bind(2, after->at(i).seq);
        QVERIFY(hash->step().value());
        QCOMPARE(hash->columnBlob(0), after->at(i).hash());
        hash->reset();
    }
    // Fields, cleared fields and versions.
    const auto mark = store->entity(markKey);
    VERIFY_OK(mark);
    QVERIFY(mark->has_value());
    QCOMPARE(**mark, (Fields{{QStringLiteral("value"), QStringLiteral("4")}})); // weight cleared: not shown
    QVERIFY(!store->fieldVersion(markKey, QStringLiteral("weight"))->isNull()); // but its version is kept
    QCOMPARE(store->fieldVersion(pupilKey, QStringLiteral("surname")).value(), surnameVersion);
    QCOMPARE(store->fieldVersion(markKey, QStringLiteral("value")).value(), markVersion);
    const auto scanned = store->scan(QStringLiteral("pupil/"));
    VERIFY_OK(scanned);
    QCOMPARE(scanned->size(), 1);
    QCOMPARE(domain::textOf(scanned->first().fields.at(QStringLiteral("surname"))), kSurname);
    // Push states and counts: seq 1 pushed, 2 refused, 3 pending.
    const auto st = store->status();
    VERIFY_OK(st);
    QCOMPARE(st->pendingChangeSets, std::int64_t(1));
    QCOMPARE(st->pendingOps, std::int64_t(1));
    QCOMPARE(st->totalOps, std::int64_t(7)); // 4 + 2 + 1
    QCOMPARE(st->refusedChangeSets, std::int64_t(1));
    QCOMPARE(store->pendingSeqs(10, 100).value(), QList<std::int64_t>{3});
    // The next write bases on the migrated version and continues the sequence.
    const auto next = store->change([&](ChangeWriter& w) {
        return w.put(markKey, {{QStringLiteral("value"), QStringLiteral("3")}});
    });
    VERIFY_OK(next);
    QCOMPARE(next->seq, std::int64_t(4));
    const sync::ChangeSet last = store->ownChangeSet(4).value();
    QCOMPARE(last.ops.size(), 1);
    QCOMPARE(last.ops.first().base, markVersion);
    QVERIFY(last.ops.first().hlc > after->last().hlc);
    VERIFY_OK(store->integrityCheck());
}

void TestNodeStore::syncStateRoundTrip() {
    Result<NodeStore> store = NodeStore::create(freshDir(), secret(kPass), options());
    VERIFY_OK(store);
    HubLink link;
    link.url = QStringLiteral("https://127.0.0.1:8443");
    link.fingerprint = QByteArray(32, '\x7f');
    link.nodeId = QStringLiteral("n1");
    VERIFY_OK(store->saveEnrolment(link, {{QStringLiteral("7А"), QStringLiteral("math"), QStringLiteral("all")}}));
    const auto stored = store->hubLink();
    VERIFY_OK(stored);
    QVERIFY(stored->has_value());
    QCOMPARE((*stored)->url, link.url);
    QCOMPARE((*stored)->fingerprint, link.fingerprint);
    QCOMPARE((*stored)->nodeId, link.nodeId);
    QCOMPARE((*stored)->cursor, quint64(0));
    QCOMPARE(store->assignments()->size(), 1);

    for (int i = 1; i <= 3; ++i)
        VERIFY_OK(store->change([i](ChangeWriter& w) {
            return w.put(QStringLiteral("mark/7А/math/all/2026-09-01/2/7a-0%1/1").arg(i),
                         {{QStringLiteral("value"), QStringLiteral("5")}});
        }));
    QCOMPARE(store->pendingCount().value(), std::int64_t(3)); // a batch of all three would be the sync's last
    // The batch is recorded before it is sent, and comes back the same after a reopen (a retry).
    const auto seqs = store->pendingSeqs(2, 1000);
    VERIFY_OK(seqs);
    QCOMPARE(*seqs, (QList<std::int64_t>{1, 2}));
    const PendingBatch batch{sync::newBatchId(), *seqs};
    VERIFY_OK(store->beginBatch(batch));
    const auto again = store->pendingBatch();
    VERIFY_OK(again);
    QVERIFY(again->has_value());
    QCOMPARE((*again)->batchId, batch.batchId);
    QCOMPARE((*again)->seqs, batch.seqs);
    VERIFY_OK(store->finishBatch({{1, PushState::Pushed}, {2, PushState::Refused}}));
    QVERIFY(!store->pendingBatch()->has_value());
    QCOMPARE(store->pendingCount().value(), std::int64_t(1));
    // The hub's answer is committed without waiting for the disk; the teacher's next writes are synced again.
    const auto fullySynced = [&store]() { return store->database().queryInt("PRAGMA synchronous").value() == 2; };
    QVERIFY(fullySynced());
    auto st = store->status();
    VERIFY_OK(st);
    QCOMPARE(st->pendingChangeSets, std::int64_t(1));
    QCOMPARE(st->refusedChangeSets, std::int64_t(1));
    QVERIFY(st->lastSync.has_value());
    QCOMPARE(store->pendingSeqs(10, 1000).value(), (QList<std::int64_t>{3}));

    // A pulled change set of another device: a fast-forward of an absent field, and a concurrent write of a field
    // this device wrote (the later version stays, one conflict).
    const auto other = crypto::SigningKeyPair::generate();
    sync::ChangeSet cs;
    cs.author = QStringLiteral("t01");
    cs.seq = 1;
    const std::int64_t later = Hlc::pack(Hlc::systemWallClock() + 60000, 0);
    cs.ops = {sync::Op{later,
                       QStringLiteral("lesson/7А/math/all/2026-09-01/2"),
                       QStringLiteral("topic"),
                       QStringLiteral("Дроби"),
                       {}},
              sync::Op{later + 1,
                       QStringLiteral("lesson/7А/math/all/2026-09-01/2"),
                       QStringLiteral("distance"),
                       std::int64_t(0),
                       {}},
              sync::Op{later + 2,
                       QStringLiteral("mark/7А/math/all/2026-09-01/2/7a-01/1"),
                       QStringLiteral("value"),
                       QStringLiteral("4"),
                       {}}};
    cs.hlc = later + 2;
    cs.sign(other);
    sync::PullBatch pulled;
    pulled.toCursor = 7;
    pulled.changeSets = {{7, sync::SignedChangeSet::of(cs)}};
    const auto applied = store->applyPulled(pulled);
    VERIFY_OK(applied);
    QCOMPARE(applied->changeSets, 1);
    QCOMPARE(applied->applied, 3);
    QCOMPARE(applied->conflicts, 1);
    QCOMPARE(store->hubLink()->value().cursor, quint64(7));
    QVERIFY(fullySynced());
    QCOMPARE(domain::textOf(store->entity(QStringLiteral("mark/7А/math/all/2026-09-01/2/7a-01/1"))
                                ->value()
                                .at(QStringLiteral("value"))),
             QStringLiteral("4"));
    // The same batch again applies nothing; a local edit afterwards is later than the pulled op.
    const auto twice = store->applyPulled(pulled);
    VERIFY_OK(twice);
    QCOMPARE(twice->changeSets, 0);
    QCOMPARE(twice->applied, 0);
    VERIFY_OK(store->change([](ChangeWriter& w) {
        return w.put(QStringLiteral("lesson/7А/math/all/2026-09-01/2"),
                     {{QStringLiteral("topic"), QStringLiteral("x")}});
    }));
    const auto version =
        store->fieldVersion(QStringLiteral("lesson/7А/math/all/2026-09-01/2"), QStringLiteral("topic"));
    VERIFY_OK(version);
    QVERIFY(version->hlc > later);
    // A pulled set that does not verify is refused whole.
    sync::PullBatch forged = pulled;
    forged.toCursor = 8;
    forged.changeSets[0].changeSet.signature[0] = char(forged.changeSets[0].changeSet.signature[0] ^ 1);
    forged.changeSets[0].hubSeq = 8;
    VERIFY_ERROR(store->applyPulled(forged), ErrorCode::Crypto);
    QCOMPARE(store->hubLink()->value().cursor, quint64(7));
    QVERIFY(fullySynced()); // also after a pull that failed

    // Issue 9 item 3: a set the hub sent that this node cannot read as journal entries (a mark «7») is set aside
    // with its reason, the rest of the pull is applied, and the store's entries stay readable.
    sync::ChangeSet seven;
    seven.author = QStringLiteral("t01");
    seven.seq = 2;
    seven.ops = {sync::Op{later + 10,
                          QStringLiteral("mark/7А/math/all/2026-09-01/2/7a-29/1"),
                          QStringLiteral("value"),
                          QStringLiteral("7"),
                          {}}};
    seven.hlc = later + 10;
    seven.sign(other);
    sync::ChangeSet fine = seven;
    fine.seq = 3;
    fine.ops = {sync::Op{later + 11,
                         QStringLiteral("mark/7А/math/all/2026-09-01/2/7a-28/1"),
                         QStringLiteral("value"),
                         QStringLiteral("3"),
                         {}}};
    fine.hlc = later + 11;
    fine.sign(other);
    sync::PullBatch mixed;
    mixed.toCursor = 10;
    mixed.changeSets = {{9, sync::SignedChangeSet::of(seven)}, {10, sync::SignedChangeSet::of(fine)}};
    const auto setAside = store->applyPulled(mixed);
    VERIFY_OK(setAside);
    QCOMPARE(setAside->changeSets, 1);
    QCOMPARE(setAside->refused.size(), 1);
    QVERIFY2(setAside->refused.first().contains(QStringLiteral("9")) &&
                 setAside->refused.first().contains(QStringLiteral("mark/7А/math/all/2026-09-01/2/7a-29/1")) &&
                 setAside->refused.first().contains(QStringLiteral("7")),
             qPrintable(setAside->refused.first()));
    QVERIFY(!store->entity(QStringLiteral("mark/7А/math/all/2026-09-01/2/7a-29/1"))->has_value());
    QVERIFY(store->entity(QStringLiteral("mark/7А/math/all/2026-09-01/2/7a-28/1"))->has_value());
    QCOMPARE(store->hubLink()->value().cursor, quint64(10));
    QCOMPARE(store->status()->refusedPulls, std::int64_t(1));
    VERIFY_OK(store->integrityCheck());
    // Pulled again (a backfill), it is not applied and not counted twice.
    VERIFY_OK(store->applyPulled(mixed));
    QCOMPARE(store->status()->refusedPulls, std::int64_t(1));
    QVERIFY(!store->entity(QStringLiteral("mark/7А/math/all/2026-09-01/2/7a-29/1"))->has_value());
}

void TestNodeStore::newerSchemaIsUnsupported() {
    const QString dir = freshDir();
    {
        Result<NodeStore> store = NodeStore::create(dir, secret(kPass), options());
        VERIFY_OK(store);
        VERIFY_OK(store->database().exec("PRAGMA user_version = 99"));
    }
    const Result<NodeStore> store = NodeStore::open(dir, secret(kPass));
    VERIFY_ERROR(store, ErrorCode::Unsupported);
    QVERIFY2(store.error().message.contains(QStringLiteral("update tabel")), qPrintable(why(store.error())));
    QVERIFY2(store.error().message.contains(QStringLiteral("99")), qPrintable(why(store.error())));
}

// ---- Passphrase change ----------------------------------------------------------------------------------------

void TestNodeStore::changePassphrase() {
    const QString dir = freshDir();
    {
        Result<NodeStore> store = NodeStore::create(dir, secret(kPass), options());
        VERIFY_OK(store);
        VERIFY_OK(store->change([](ChangeWriter& w) {
            return w.put(QStringLiteral("pupil/7a-04"), {{QStringLiteral("surname"), kSurname}});
        }));
        VERIFY_OK(store->changePassphrase(secret(kOtherPass), QStringLiteral("interactive")));
        QVERIFY(!QFile::exists(store->paths().newKeyFile()));
        // The open store keeps working under the new key.
        VERIFY_OK(store->change([](ChangeWriter& w) {
            return w.put(QStringLiteral("lesson/7А/math/all/2026-09-01/2"), {{QStringLiteral("homework"), kHomework}});
        }));
    }
    QVERIFY(!QFile::exists(dir + QStringLiteral("/node.key.new")));
    const auto before = snapshot(dir);
    VERIFY_ERROR(NodeStore::open(dir, secret(kPass)), ErrorCode::WrongPassphrase);
    QCOMPARE(snapshot(dir), before);
    Result<NodeStore> store = NodeStore::open(dir, secret(kOtherPass));
    VERIFY_OK(store);
    QVERIFY(store->entity(QStringLiteral("pupil/7a-04"))->has_value());
    QVERIFY(store->entity(QStringLiteral("lesson/7А/math/all/2026-09-01/2"))->has_value());
    const auto sets = store->changeSets();
    VERIFY_OK(sets);
    QCOMPARE(sets->size(), 2);
    for (const sync::ChangeSet& cs : *sets)
        QVERIFY(cs.verify().has_value());
    for (const QString& needle : {kSurname, kHomework})
        QVERIFY(test::filesContaining(dir, needle).isEmpty());
}

void TestNodeStore::changePassphraseRefusesShortPassphrase() {
    const QString dir = freshDir();
    {
        Result<NodeStore> store = NodeStore::create(dir, secret(kPass), options());
        VERIFY_OK(store);
        VERIFY_ERROR(store->changePassphrase(secret("short"), QStringLiteral("interactive")),
                     ErrorCode::InvalidArgument);
        VERIFY_ERROR(store->changePassphrase(secret(kOtherPass), QStringLiteral("paranoid")),
                     ErrorCode::InvalidArgument);
        QVERIFY(!QFile::exists(store->paths().newKeyFile()));
    }
    VERIFY_OK(NodeStore::open(dir, secret(kPass)));
}

void TestNodeStore::interruptedChangeBeforeReencryption() {
    // A crash after node.key.new was written but before the database was re-encrypted: the database is still
    // under the old key.
    const QString dir = freshDir();
    NodeStore::Paths paths{dir};
    {
        Result<NodeStore> store = NodeStore::create(dir, secret(kPass), options());
        VERIFY_OK(store);
        VERIFY_OK(store->change([](ChangeWriter& w) {
            return w.put(QStringLiteral("pupil/7a-04"), {{QStringLiteral("surname"), kSurname}});
        }));
        paths = store->paths();
    }
    {
        auto created = KeyFile::create(secret(kOtherPass), QStringLiteral("interactive"));
        VERIFY_OK(created);
        VERIFY_OK(created->first.save(paths.newKeyFile()));
    }
    // The new passphrase cannot open it (the change never happened) — that is a wrong passphrase, not damage,
    // and nothing is touched, so the old passphrase still works afterwards.
    const auto before = snapshot(dir);
    const Result<NodeStore> viaNew = NodeStore::open(dir, secret(kOtherPass));
    VERIFY_ERROR(viaNew, ErrorCode::WrongPassphrase);
    QVERIFY2(viaNew.error().message.contains(QStringLiteral("interrupted")), qPrintable(why(viaNew.error())));
    QCOMPARE(snapshot(dir), before);

    const QByteArray oldKey = snapshot(dir).value(QStringLiteral("node.key"));
    Result<NodeStore> store = NodeStore::open(dir, secret(kPass));
    VERIFY_OK(store);
    QVERIFY(store->entity(QStringLiteral("pupil/7a-04"))->has_value());
    QVERIFY(!QFile::exists(paths.newKeyFile())); // the unfinished change is forgotten
    QCOMPARE(snapshot(dir).value(QStringLiteral("node.key")), oldKey);
}

void TestNodeStore::interruptedChangeAfterReencryption() {
    // A crash after the database was re-encrypted but before node.key was replaced. Simulated: run a whole
    // change, then put the old node.key back and the new one beside it as node.key.new.
    const QString dir = freshDir();
    const QString backup = freshDir();
    {
        Result<NodeStore> store = NodeStore::create(dir, secret(kPass), options());
        VERIFY_OK(store);
        VERIFY_OK(store->change([](ChangeWriter& w) {
            return w.put(QStringLiteral("pupil/7a-04"), {{QStringLiteral("surname"), kSurname}});
        }));
    }
    QVERIFY(copyFolder(dir, backup));
    {
        Result<NodeStore> store = NodeStore::open(dir, secret(kPass));
        VERIFY_OK(store);
        VERIFY_OK(store->changePassphrase(secret(kOtherPass), QStringLiteral("interactive")));
    }
    const QString key = dir + QStringLiteral("/node.key");
    const QString newKey = dir + QStringLiteral("/node.key.new");
    QVERIFY(QFile::rename(key, newKey));
    QVERIFY(QFile::copy(backup + QStringLiteral("/node.key"), key));
    const QByteArray newKeyBytes = snapshot(dir).value(QStringLiteral("node.key.new"));
    QVERIFY(!newKeyBytes.isEmpty());

    // The old passphrase: a clear error that says what happened, and nothing is changed.
    const auto before = snapshot(dir);
    const Result<NodeStore> viaOld = NodeStore::open(dir, secret(kPass));
    VERIFY_ERROR(viaOld, ErrorCode::WrongPassphrase);
    QVERIFY2(viaOld.error().message.contains(QStringLiteral("interrupted")), qPrintable(why(viaOld.error())));
    QCOMPARE(snapshot(dir), before);

    // The new passphrase opens it and finishes the change.
    {
        Result<NodeStore> store = NodeStore::open(dir, secret(kOtherPass));
        VERIFY_OK(store);
        QVERIFY(store->entity(QStringLiteral("pupil/7a-04"))->has_value());
        QVERIFY(!QFile::exists(newKey));
        QCOMPARE(snapshot(dir).value(QStringLiteral("node.key")), newKeyBytes);
    }
    VERIFY_ERROR(NodeStore::open(dir, secret(kPass)), ErrorCode::WrongPassphrase);
    VERIFY_OK(NodeStore::open(dir, secret(kOtherPass)));
}

QTEST_GUILESS_MAIN(TestNodeStore)
#include "test_node_store.moc"
