#include "node/store/node_store.h"

#include "sync/batching.h"

#include "shared/domain/entity_check.h"

#include "node/store/bytes.h"
#include "node/store/key_file.h"
#include "node/store/lesson_docs.h"
#include "node/store/schema.h"
#include "shared/core/zstd.h"
#include "shared/domain/entity_key.h"
#include "sync/open_sets.h"
#include "sync/reconcile.h"
#include "sync/unit.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

#include <algorithm>
#include <cstring>
#include <limits>

Q_LOGGING_CATEGORY(lcStore, "tabel.node.store", QtWarningMsg)

namespace tabel::node {

namespace {

// A passphrase is counted in characters, not bytes: seven Cyrillic letters are fourteen bytes of UTF-8 but are
// no stronger than seven Latin ones.
constexpr int kMinPassphraseCharacters = 8;
int characterCount(const crypto::SecretBytes& utf8) {
    int n = 0;
    for (std::size_t i = 0; i < utf8.size(); ++i)
        if ((utf8.data()[i] & 0xC0) != 0x80) // not a UTF-8 continuation byte
            ++n;
    return n;
}

QString tr(const char* s) {
    return QCoreApplication::translate("tabel::node::NodeStore", s);
}

Status configure(db::Database& db) {
    // The first read decides whether the key is right; with a verified key a failure here means damage.
    if (auto r = db.queryInt("SELECT count(*) FROM sqlite_master"); !r)
        return r.error().code == ErrorCode::Corrupt
                   ? makeError(
                         ErrorCode::Corrupt,
                         tr("the store file %1 is damaged or was altered; restore it from a backup").arg(db.path()))
                   : r.error();
    TABEL_TRY(db.exec("PRAGMA journal_mode = WAL"));
    TABEL_TRY(db.exec("PRAGMA synchronous = FULL"));
    TABEL_TRY(db.exec("PRAGMA temp_store = MEMORY"));
    TABEL_TRY(db.exec("PRAGMA foreign_keys = ON"));
    return {};
}

// The stored fields of an entity (schema v5: one row per entity); nullopt when it has no row.
Result<std::optional<schema::EntityState>> loadState(db::Database& db, const QString& key) {
    TABEL_ASSIGN_OR_RETURN(db::Statement * st, db.cached("SELECT fields FROM state WHERE entity = ?"));
    st->bind(1, key);
    TABEL_ASSIGN_OR_RETURN(bool row, st->step());
    const QByteArray bytes = row ? st->columnBlob(0) : QByteArray();
    st->reset();
    if (!row)
        return std::optional<schema::EntityState>();
    TABEL_ASSIGN_OR_RETURN(schema::EntityState state, schema::decodeState(bytes));
    return std::optional<schema::EntityState>(std::move(state));
}

// Insert or update, never INSERT OR REPLACE: a statement that may abort halfway makes SQLite keep a statement
// journal, and SQLCipher encrypts every page copied into it — that alone once cost most of the time of an op
// (tests/bench/README.md). OR FAIL: a failed statement fails the whole change anyway.
Status storeState(db::Database& db, const QString& key, const schema::EntityState& state, bool exists) {
    TABEL_ASSIGN_OR_RETURN(db::Statement * st,
                           exists ? db.cached("UPDATE OR FAIL state SET fields = ?2 WHERE entity = ?1")
                                  : db.cached("INSERT OR FAIL INTO state(entity, fields) VALUES(?1, ?2)"));
    st->bind(1, key).bind(2, schema::encodeState(state));
    return st->run();
}

// The non-null fields of a stored entity.
domain::Fields visibleFields(const schema::EntityState& state) {
    domain::Fields fields;
    for (const auto& [name, f] : state)
        if (!domain::isNull(f.value))
            fields.emplace_hint(fields.end(), name, f.value);
    return fields;
}

// A change set in the op log (schema v5): its canonical bytes, zstd level 1 (a lesson's ops shrink about
// five-fold: the entity keys repeat).
Result<QByteArray> packChangeSet(const QByteArray& canonical) {
    return zstdCompress(canonical, 1);
}

Error damagedChangeSet(const QString& detail) {
    return makeError(ErrorCode::Corrupt,
                     tr("a change set in the store is damaged (%1); restore the store from a backup").arg(detail));
}

// The canonical bytes of a stored change set, of exactly its recorded size.
Result<QByteArray> unpackCanonical(const QByteArray& body, std::int64_t size) {
    Result<QByteArray> bytes = zstdDecompress(body, qsizetype(size));
    if (!bytes)
        return damagedChangeSet(bytes.error().message);
    if (bytes->size() != size)
        return damagedChangeSet(tr("%1 bytes instead of %2").arg(bytes->size()).arg(size));
    return bytes;
}

Result<sync::ChangeSet> unpackChangeSet(const QByteArray& body, std::int64_t size, const QByteArray& signature) {
    TABEL_ASSIGN_OR_RETURN(const QByteArray bytes, unpackCanonical(body, size));
    Result<sync::ChangeSet> cs = sync::ChangeSet::fromCanonicalBytes(bytes, signature);
    if (!cs)
        return damagedChangeSet(cs.error().message);
    return cs;
}

} // namespace

struct NodeStore::Impl {
    Paths paths;
    std::optional<db::Database> db;
    QString teacherId, teacherName;
    std::optional<crypto::SigningKeyPair> device;
    std::int64_t deviceNumber = 0;
    Hlc hlc;
    bool inChange = false;
    std::optional<docs::DocCache> docs; // lessons, their marks and absences (schema v6)

    // An entity's stored fields with their versions, wherever it lives (`at`: docs::addressOf(key), computed
    // once by callers that load and then store); nullopt when it has none.
    Result<std::optional<schema::EntityState>> load(const QString& key, const std::optional<docs::Address>& at) {
        if (at)
            return docs->load(*at);
        return loadState(*db, key);
    }
    Result<std::optional<schema::EntityState>> load(const QString& key) { return load(key, docs::addressOf(key)); }
    // Why a pulled change set cannot be read as journal entries: each entity it writes, as it will be here after it,
    // must read as its kind (the check the hub makes, shared/domain/entity_check.h); nullopt when it can.
    Result<std::optional<QString>> unreadable(const sync::ChangeSet& cs) {
        std::map<QString, std::pair<int, domain::Fields>> after; // entity → (first op number, fields)
        for (qsizetype i = 0; i < cs.ops.size(); ++i) {
            const sync::Op& op = cs.ops[i];
            auto it = after.find(op.entity);
            if (it == after.end()) {
                TABEL_ASSIGN_OR_RETURN(std::optional<schema::EntityState> stored, load(op.entity));
                it = after.emplace(op.entity, std::pair{int(i) + 1, stored ? visibleFields(*stored) : domain::Fields{}})
                         .first;
            }
            it->second.second[op.field] = op.value;
        }
        for (const auto& [entity, numbered] : after)
            if (Status ok = domain::checkEntity(entity, numbered.second); !ok)
                return std::optional<QString>(
                    tr("entry %1 (%2): %3").arg(numbered.first).arg(entity, ok.error().message));
        return std::optional<QString>();
    }
    // `exists`: what load() said, for the rows of `state`.
    Status store(const QString& key, const std::optional<docs::Address>& at, const schema::EntityState& state,
                 bool exists) {
        if (at)
            return docs->store(*at, state);
        return storeState(*db, key, state, exists);
    }
};

namespace {
// Lesson documents read during a transaction are kept until it ends, committed or not (lesson_docs.h).
struct DocScope {
    docs::DocCache& cache;
    explicit DocScope(docs::DocCache& c) : cache(c) { cache.begin(); }
    ~DocScope() { cache.end(); }
    DocScope(const DocScope&) = delete;
    DocScope& operator=(const DocScope&) = delete;
};
} // namespace

QString NodeStore::Paths::database() const {
    return dir + QStringLiteral("/node.db");
}
QString NodeStore::Paths::keyFile() const {
    return dir + QStringLiteral("/node.key");
}
QString NodeStore::Paths::newKeyFile() const {
    return dir + QStringLiteral("/node.key.new");
}

NodeStore::NodeStore() : d(std::make_unique<Impl>()) {}
NodeStore::NodeStore(NodeStore&&) noexcept = default;
NodeStore& NodeStore::operator=(NodeStore&&) noexcept = default;
NodeStore::~NodeStore() = default;

bool NodeStore::exists(const QString& dir) {
    const Paths p{dir};
    return QFile::exists(p.database()) || QFile::exists(p.keyFile());
}

const QString& NodeStore::teacherId() const {
    return d->teacherId;
}
const QString& NodeStore::teacherName() const {
    return d->teacherName;
}
const QByteArray& NodeStore::devicePublicKey() const {
    return d->device->publicKey;
}
std::int64_t NodeStore::deviceNumber() const {
    return d->deviceNumber;
}
const NodeStore::Paths& NodeStore::paths() const {
    return d->paths;
}
db::Database& NodeStore::database() {
    return *d->db;
}

Result<NodeStore> NodeStore::create(const QString& dir, const crypto::SecretBytes& passphrase,
                                    const InitOptions& options) {
    if (exists(dir))
        return makeError(ErrorCode::AlreadyExists,
                         tr("a store already exists in %1; open it, or choose another folder").arg(dir));
    if (characterCount(passphrase) < kMinPassphraseCharacters)
        return makeError(ErrorCode::InvalidArgument,
                         tr("the passphrase must be at least %1 characters long").arg(kMinPassphraseCharacters));
    if (!QDir().mkpath(dir))
        return makeError(ErrorCode::Io, tr("cannot create the folder %1").arg(dir));
    QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    NodeStore store;
    store.d->paths = Paths{QDir(dir).absolutePath()};
    const Paths& paths = store.d->paths;
    TABEL_ASSIGN_OR_RETURN(auto created, KeyFile::create(passphrase, options.kdfProfile));
    auto& [keyFile, key] = created;

    // If anything below fails, remove what was made so that a retry starts clean.
    struct Cleanup {
        const Paths& p;
        bool armed = true;
        ~Cleanup() {
            if (!armed)
                return;
            for (const QString& f : {p.database(), p.database() + QStringLiteral("-wal"),
                                     p.database() + QStringLiteral("-shm"), p.keyFile()})
                QFile::remove(f);
        }
    } cleanup{paths};

    TABEL_ASSIGN_OR_RETURN(db::Database db, db::Database::open(paths.database(), true));
    QFile::setPermissions(paths.database(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    TABEL_TRY(db::applyRawKey(db, key));
    TABEL_TRY(configure(db));
    TABEL_TRY(schema::migrate(db, options.schemaVersion ? options.schemaVersion : schema::kCurrentVersion));

    crypto::SigningKeyPair device = crypto::SigningKeyPair::generate();
    {
        TABEL_ASSIGN_OR_RETURN(db::Transaction tx, db::Transaction::begin(db));
        TABEL_ASSIGN_OR_RETURN(db::Statement meta, db.prepare("INSERT INTO meta(key, value) VALUES(?, ?)"));
        TABEL_TRY(meta.bind(1, QStringLiteral("teacher_id")).bind(2, options.teacherId).run());
        TABEL_TRY(meta.bind(1, QStringLiteral("teacher_name")).bind(2, options.teacherName).run());
        TABEL_TRY(meta.bind(1, QStringLiteral("device_secret"))
                      .bind(2, QByteArray(reinterpret_cast<const char*>(device.secretKey.data()),
                                          qsizetype(device.secretKey.size())))
                      .run());
        TABEL_TRY(meta.bind(1, QStringLiteral("hlc")).bind(2, std::int64_t(0)).run());
        TABEL_ASSIGN_OR_RETURN(db::Statement dev, db.prepare("INSERT INTO devices(number, public_key) VALUES(?, ?)"));
        TABEL_TRY(dev.bind(1, crypto::deviceNumber(device.publicKey)).bind(2, device.publicKey).run());
        TABEL_TRY(tx.commit());
    }
    // The key file goes last: a folder with a key file always has a complete database.
    TABEL_TRY(keyFile.save(paths.keyFile()));
    cleanup.armed = false;

    store.d->db.emplace(std::move(db));
    store.d->docs.emplace(*store.d->db);
    store.d->teacherId = options.teacherId;
    store.d->teacherName = options.teacherName;
    store.d->deviceNumber = crypto::deviceNumber(device.publicKey);
    store.d->device.emplace(std::move(device));
    return store;
}

namespace {

// Opens the database with one key file; returns the open, configured database.
Result<db::Database> openWith(const NodeStore::Paths& paths, const KeyFile& keyFile,
                              const crypto::SecretBytes& passphrase) {
    TABEL_ASSIGN_OR_RETURN(crypto::SecretBytes key, keyFile.unlock(passphrase));
    TABEL_ASSIGN_OR_RETURN(db::Database db, db::Database::open(paths.database(), false));
    TABEL_TRY(db::applyRawKey(db, key));
    TABEL_TRY(configure(db));
    return db;
}

} // namespace

Result<NodeStore> NodeStore::open(const QString& dir, const crypto::SecretBytes& passphrase) {
    NodeStore store;
    store.d->paths = Paths{QDir(dir).absolutePath()};
    const Paths& paths = store.d->paths;
    if (!QFile::exists(paths.database()) || !QFile::exists(paths.keyFile()))
        return makeError(ErrorCode::NotFound,
                         tr("there is no store in %1; create one with «tabel-node init»").arg(paths.dir));

    TABEL_ASSIGN_OR_RETURN(KeyFile current, KeyFile::load(paths.keyFile()));
    Result<db::Database> opened = openWith(paths, current, passphrase);
    if (QFile::exists(paths.newKeyFile())) {
        // A passphrase change was interrupted. The database is under exactly one of the two keys; whichever
        // opens it wins, and the other key file goes.
        auto pending = KeyFile::load(paths.newKeyFile());
        if (!opened && pending) {
            Result<db::Database> viaNew = openWith(paths, *pending, passphrase);
            if (viaNew) {
                if (!QFile::remove(paths.keyFile()) || !QFile::rename(paths.newKeyFile(), paths.keyFile()))
                    return makeError(ErrorCode::Io,
                                     tr("cannot finish the interrupted passphrase change in %1").arg(paths.dir));
                opened = std::move(viaNew);
            } else if (viaNew.error().code == ErrorCode::WrongPassphrase && opened.error().code == ErrorCode::Corrupt) {
                // The old passphrase was given, but the re-encryption had already finished.
                return makeError(ErrorCode::WrongPassphrase,
                                 tr("a passphrase change was interrupted after the store was re-encrypted; "
                                    "open it with the new passphrase"));
            } else if (viaNew.error().code == ErrorCode::Corrupt && opened.error().code == ErrorCode::WrongPassphrase) {
                // The new passphrase was given, but the re-encryption never happened: the store is still
                // under the old one. Nothing is touched, so the old passphrase keeps working.
                return makeError(ErrorCode::WrongPassphrase,
                                 tr("a passphrase change was interrupted before the store was re-encrypted, so "
                                    "the new passphrase never took effect; open it with the old passphrase"));
            } else if (viaNew.error().code != ErrorCode::WrongPassphrase) {
                opened = std::move(viaNew);
            }
        } else if (opened) {
            QFile::remove(paths.newKeyFile());
        }
    }
    if (!opened)
        return std::move(opened).error();
    db::Database& db = *opened;
    TABEL_TRY(schema::migrate(db));

    TABEL_ASSIGN_OR_RETURN(db::Statement meta, db.prepare("SELECT key, value FROM meta"));
    crypto::SecretBytes secret;
    for (;;) {
        TABEL_ASSIGN_OR_RETURN(bool row, meta.step());
        if (!row)
            break;
        const QString k = meta.columnText(0);
        if (k == QLatin1String("teacher_id"))
            store.d->teacherId = meta.columnText(1);
        else if (k == QLatin1String("teacher_name"))
            store.d->teacherName = meta.columnText(1);
        else if (k == QLatin1String("hlc"))
            store.d->hlc.observe(meta.columnInt(1));
        else if (k == QLatin1String("device_secret")) {
            QByteArray raw = meta.columnBlob(1);
            secret = crypto::SecretBytes::fromBytes(raw.constData(), std::size_t(raw.size()));
            raw.fill('\0');
        }
    }
    TABEL_ASSIGN_OR_RETURN(crypto::SigningKeyPair device, crypto::SigningKeyPair::fromSecret(std::move(secret)));
    store.d->deviceNumber = crypto::deviceNumber(device.publicKey);
    // The clock goes on after everything this device has written (its last change set has its latest time) and
    // everything it has seen (meta 'hlc', kept by applyPulled).
    TABEL_ASSIGN_OR_RETURN(db::Statement last,
                           db.prepare("SELECT hlc FROM changesets WHERE device = ? ORDER BY seq DESC LIMIT 1"));
    last.bind(1, store.d->deviceNumber);
    TABEL_ASSIGN_OR_RETURN(const bool any, last.step());
    if (any)
        store.d->hlc.observe(last.columnInt(0));
    store.d->device.emplace(std::move(device));
    store.d->db.emplace(std::move(db));
    store.d->docs.emplace(*store.d->db);
    return store;
}

Status NodeStore::changePassphrase(const crypto::SecretBytes& newPassphrase, const QString& kdfProfile) {
    if (characterCount(newPassphrase) < kMinPassphraseCharacters)
        return makeError(ErrorCode::InvalidArgument,
                         tr("the passphrase must be at least %1 characters long").arg(kMinPassphraseCharacters));
    TABEL_ASSIGN_OR_RETURN(auto created, KeyFile::create(newPassphrase, kdfProfile));
    auto& [keyFile, key] = created;
    // 1. the new key file beside the old one; 2. re-encrypt (one SQLite transaction); 3. swap the files.
    // open() finishes or forgets an interrupted change, whichever key the database is under.
    TABEL_TRY(keyFile.save(d->paths.newKeyFile()));
    db::Database& db = *d->db;
    TABEL_TRY(db.exec("PRAGMA wal_checkpoint(TRUNCATE)"));
    TABEL_TRY(db.exec("PRAGMA journal_mode = DELETE")); // SQLCipher re-keys through the rollback journal
    static constexpr char kPrefix[] = "PRAGMA rekey = \"x'";
    static constexpr char kHex[] = "0123456789abcdef";
    crypto::SecretBytes sql(sizeof kPrefix - 1 + key.size() * 2 + 3);
    char* p = reinterpret_cast<char*>(sql.data());
    std::memcpy(p, kPrefix, sizeof kPrefix - 1);
    p += sizeof kPrefix - 1;
    for (std::size_t i = 0; i < key.size(); ++i) {
        *p++ = kHex[key.data()[i] >> 4];
        *p++ = kHex[key.data()[i] & 0xf];
    }
    *p++ = '\'';
    *p++ = '"';
    if (auto r = db.exec(reinterpret_cast<const char*>(sql.data())); !r) {
        QFile::remove(d->paths.newKeyFile());
        return r;
    }
    TABEL_TRY(db.exec("PRAGMA journal_mode = WAL"));
    if (!QFile::remove(d->paths.keyFile()) || !QFile::rename(d->paths.newKeyFile(), d->paths.keyFile()))
        return makeError(ErrorCode::Io, tr("the store was re-encrypted but the key file could not be replaced; "
                                           "open the store with the new passphrase to finish"));
    return {};
}

Result<std::optional<domain::Fields>> NodeStore::entity(const QString& key) {
    TABEL_ASSIGN_OR_RETURN(std::optional<schema::EntityState> state, d->load(key));
    if (!state)
        return std::optional<domain::Fields>();
    domain::Fields fields = visibleFields(*state);
    if (fields.empty())
        return std::optional<domain::Fields>();
    return std::optional<domain::Fields>(std::move(fields));
}

Result<QList<Entity>> NodeStore::scan(const QString& prefix) {
    if (!prefix.isEmpty() && !prefix.endsWith(QLatin1Char('/')))
        return makeError(ErrorCode::Internal, QStringLiteral("scan prefix must end with '/': %1").arg(prefix));
    db::Statement* st = nullptr;
    if (prefix.isEmpty()) {
        TABEL_ASSIGN_OR_RETURN(st, d->db->cached("SELECT entity, fields FROM state ORDER BY entity"));
    } else {
        TABEL_ASSIGN_OR_RETURN(st, d->db->cached("SELECT entity, fields FROM state WHERE entity >= ? AND entity < ? "
                                                 "ORDER BY entity"));
        st->bind(1, prefix).bind(2, bytes::upperBound(prefix));
    }
    QList<Entity> out;
    for (;;) {
        Result<bool> row = st->step();
        if (!row || !*row) {
            st->reset();
            if (!row)
                return std::move(row).error();
            break;
        }
        Result<schema::EntityState> state = schema::decodeState(st->columnBlob(1));
        if (!state) {
            st->reset();
            return std::move(state).error();
        }
        domain::Fields fields = visibleFields(*state);
        if (!fields.empty())
            out.append(Entity{st->columnText(0), std::move(fields)});
    }
    if (!docs::mayHoldPrefix(prefix))
        return out;
    // Lessons, marks and absences live in lesson documents (schema v6).
    TABEL_ASSIGN_OR_RETURN(QList<docs::DocCache::Found> found, d->docs->scan(prefix));
    const bool merge = !out.isEmpty() || prefix.isEmpty();
    for (docs::DocCache::Found& f : found) {
        domain::Fields fields = visibleFields(f.state);
        if (!fields.empty())
            out.append(Entity{std::move(f.key), std::move(fields)});
    }
    if (!merge)
        return out;
    // Key order as SQLite compares text: by UTF-8 bytes.
    std::vector<std::pair<QByteArray, qsizetype>> order;
    order.reserve(std::size_t(out.size()));
    for (qsizetype i = 0; i < out.size(); ++i)
        order.emplace_back(out[i].key.toUtf8(), i);
    std::sort(order.begin(), order.end());
    QList<Entity> sorted;
    sorted.reserve(out.size());
    for (const auto& [utf8, i] : order)
        sorted.append(std::move(out[i]));
    return sorted;
}

Result<sync::Version> NodeStore::fieldVersion(const QString& key, const QString& field) {
    TABEL_ASSIGN_OR_RETURN(std::optional<schema::EntityState> state, d->load(key));
    if (!state)
        return sync::Version{};
    const auto it = state->find(field);
    return it == state->end() ? sync::Version{} : it->second.version;
}

QDateTime ChangeWriter::deviceTime() const {
    return m_ops.isEmpty() ? QDateTime::currentDateTimeUtc() : Hlc::toDateTime(m_ops.front().hlc);
}

Status ChangeWriter::put(const QString& key, const domain::Fields& fields) {
    // The entity's current fields with their versions: one row or one entry of its lesson's document.
    const std::optional<docs::Address> at = docs::addressOf(key, m_store.d->docs->recentDoc());
    TABEL_ASSIGN_OR_RETURN(std::optional<schema::EntityState> stored, m_store.d->load(key, at));
    const bool exists = stored.has_value();
    schema::EntityState state = exists ? std::move(*stored) : schema::EntityState{};
    bool changed = false;
    for (const auto& [field, value] : fields) {
        if (field.isEmpty() || field.size() > sync::Limits::maxFieldNameBytes)
            return makeError(ErrorCode::Internal, QStringLiteral("field name empty or too long: %1").arg(field));
        const auto it = state.find(field);
        const bool has = it != state.end();
        if (has ? it->second.value == value : domain::isNull(value))
            continue; // unchanged: no op
        sync::Op op;
        op.hlc = m_store.d->hlc.now();
        op.entity = key;
        op.field = field;
        op.value = value;
        op.base = has ? it->second.version : sync::Version{};
        state.insert_or_assign(field, schema::FieldState{value, {m_store.d->deviceNumber, op.hlc}});
        m_ops.append(std::move(op));
        changed = true;
    }
    if (!changed)
        return {};
    return m_store.d->store(key, at, state, exists);
}

Status ChangeWriter::remove(const QString& key) {
    TABEL_ASSIGN_OR_RETURN(std::optional<domain::Fields> existing, entity(key));
    if (!existing)
        return {};
    domain::Fields cleared;
    for (const auto& [field, value] : *existing) {
        Q_UNUSED(value);
        cleared.emplace(field, std::monostate{});
    }
    return put(key, cleared);
}

Result<CommitInfo> NodeStore::change(const std::function<Status(ChangeWriter&)>& body) {
    if (d->inChange)
        return makeError(ErrorCode::Internal, QStringLiteral("nested NodeStore::change"));
    db::Database& db = *d->db;
    TABEL_ASSIGN_OR_RETURN(db::Transaction tx, db::Transaction::begin(db));
    struct Guard {
        bool& flag;
        explicit Guard(bool& f) : flag(f) { flag = true; }
        ~Guard() { flag = false; }
    } guard(d->inChange);
    const DocScope docScope(*d->docs);
    const Hlc clockBefore = d->hlc;

    TABEL_ASSIGN_OR_RETURN(db::Statement * last,
                           db.cached("SELECT coalesce(max(seq), 0) FROM changesets WHERE device = ?"));
    last->bind(1, d->deviceNumber);
    TABEL_ASSIGN_OR_RETURN(bool row, last->step());
    const std::int64_t seq = row ? last->columnInt(0) + 1 : 1;
    last->reset();

    ChangeWriter writer(*this, seq);
    if (auto r = body(writer); !r) {
        d->hlc = clockBefore; // the transaction rolls back; so does the clock
        return std::move(r).error();
    }
    if (writer.m_ops.isEmpty())
        return CommitInfo{}; // nothing changed: the transaction rolls back, no change set

    // One unit per change set (sync/unit.h): an import of several classes' data becomes one set per class (and
    // one for the school-wide data), consecutive seqs, all in this transaction. A journal entry is one set.
    QList<QList<sync::Op>> groups;
    {
        std::map<QString, qsizetype> groupOf; // unit class → index in groups, in order of first appearance
        std::map<QString, QString> pupilClass;
        for (const sync::Op& op : writer.m_ops)
            if (op.field == u"class" && op.entity.startsWith(u"pupil/"))
                pupilClass[op.entity] = domain::textOf(op.value);
        for (sync::Op& op : writer.m_ops) {
            const domain::EntityKey key = domain::parseEntityKey(op.entity);
            QString cls;
            if (key.type == domain::KeyType::Pupil) {
                if (const auto it = pupilClass.find(op.entity); it != pupilClass.end()) {
                    cls = it->second;
                } else {
                    TABEL_ASSIGN_OR_RETURN(const std::optional<domain::Fields> stored, entity(op.entity));
                    if (stored)
                        if (const auto f = stored->find(QStringLiteral("class")); f != stored->end())
                            cls = domain::textOf(f->second);
                    pupilClass[op.entity] = cls;
                }
            }
            const QString unit = sync::scopeKeyOf(key, cls).classId;
            auto [at, added] = groupOf.emplace(unit, groups.size());
            if (added)
                groups.append(QList<sync::Op>());
            groups[at->second].append(std::move(op));
        }
    }
    // The last seq holds the latest time: open() continues the clock after the last change set's hlc.
    const auto latest = [](const QList<sync::Op>& g) {
        return std::max_element(g.begin(), g.end(), [](const sync::Op& a, const sync::Op& b) { return a.hlc < b.hlc; })
            ->hlc;
    };
    std::stable_sort(groups.begin(), groups.end(),
                     [&](const QList<sync::Op>& a, const QList<sync::Op>& b) { return latest(a) < latest(b); });
    TABEL_TRY(d->docs->flush());
    TABEL_ASSIGN_OR_RETURN(db::Statement * ins,
                           db.cached("INSERT INTO changesets(device, seq, author, hlc, hash, signature, nops, size, "
                                     "body) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    int ops = 0;
    std::int64_t lastSeq = seq - 1;
    for (QList<sync::Op>& group : groups) {
        sync::ChangeSet cs;
        cs.author = d->teacherId;
        cs.seq = ++lastSeq;
        cs.ops = std::move(group);
        cs.hlc = latest(cs.ops);
        ops += int(cs.ops.size());
        // The op log (schema v5): the change set's signed canonical bytes in one row.
        QByteArray hash;
        const QByteArray canonical = cs.sign(*d->device, &hash);
        TABEL_ASSIGN_OR_RETURN(QByteArray packed, packChangeSet(canonical));
        ins->bind(1, d->deviceNumber)
            .bind(2, cs.seq)
            .bind(3, cs.author)
            .bind(4, cs.hlc)
            .bind(5, hash)
            .bind(6, cs.signature)
            .bind(7, std::int64_t(cs.ops.size()))
            .bind(8, std::int64_t(canonical.size()))
            .bind(9, packed);
        Status run = ins->run();
        ins->reset();
        TABEL_TRY(std::move(run));
    }
    // The clock needs no row of its own here: open() continues after this change set's hlc (one page less to
    // write per change).
    if (auto r = tx.commit(); !r) {
        d->hlc = clockBefore;
        return std::move(r).error();
    }
    return CommitInfo{lastSeq, ops};
}

Result<QList<sync::ChangeSet>> NodeStore::changeSets(std::int64_t afterSeq, int limit) {
    db::Database& db = *d->db;
    TABEL_ASSIGN_OR_RETURN(db::Statement sets,
                           db.prepare("SELECT signature, size, body FROM changesets WHERE device = ? AND seq > ? "
                                      "ORDER BY seq LIMIT ?"));
    sets.bind(1, d->deviceNumber).bind(2, afterSeq).bind(3, std::int64_t(limit));
    QList<sync::ChangeSet> out;
    for (;;) {
        TABEL_ASSIGN_OR_RETURN(bool row, sets.step());
        if (!row)
            break;
        TABEL_ASSIGN_OR_RETURN(sync::ChangeSet cs,
                               unpackChangeSet(sets.columnBlob(2), sets.columnInt(1), sets.columnBlob(0)));
        out.append(std::move(cs));
    }
    return out;
}

Result<QString> NodeStore::putBlob(const QByteArray& content, const QDateTime& received) {
    if (content.size() > kMaxBlobBytes)
        return makeError(ErrorCode::InvalidInput, tr("the file is %1 MiB; files up to %2 MiB can be stored")
                                                      .arg(content.size() >> 20)
                                                      .arg(kMaxBlobBytes >> 20));
    const QString hash = QString::fromLatin1(crypto::sha256(content).toHex());
    TABEL_ASSIGN_OR_RETURN(db::Statement * has, d->db->cached("SELECT 1 FROM blobs WHERE hash = ?"));
    has->bind(1, hash);
    TABEL_ASSIGN_OR_RETURN(bool present, has->step());
    has->reset();
    if (present)
        return hash; // deduplicated
    TABEL_ASSIGN_OR_RETURN(QByteArray packed, zstdCompress(content, 6));
    TABEL_ASSIGN_OR_RETURN(
        db::Statement * ins,
        d->db->cached("INSERT INTO blobs(hash, size, stored, received, data) VALUES(?, ?, ?, ?, ?)"));
    ins->bind(1, hash)
        .bind(2, std::int64_t(content.size()))
        .bind(3, std::int64_t(packed.size()))
        .bind(4, received.toMSecsSinceEpoch())
        .bind(5, packed);
    TABEL_TRY(ins->run());
    return hash;
}

Result<QByteArray> NodeStore::blob(const QString& sha256Hex) {
    TABEL_ASSIGN_OR_RETURN(db::Statement * st, d->db->cached("SELECT size, data FROM blobs WHERE hash = ?"));
    st->bind(1, sha256Hex);
    TABEL_ASSIGN_OR_RETURN(bool row, st->step());
    if (!row) {
        st->reset();
        return makeError(ErrorCode::NotFound, tr("no stored file has the checksum %1").arg(sha256Hex));
    }
    const std::int64_t size = st->columnInt(0);
    const QByteArray packed = st->columnBlob(1);
    st->reset();
    TABEL_ASSIGN_OR_RETURN(QByteArray content, zstdDecompress(packed, qsizetype(size)));
    if (content.size() != size || QString::fromLatin1(crypto::sha256(content).toHex()) != sha256Hex)
        return makeError(ErrorCode::Corrupt, tr("the stored file %1 does not match its checksum").arg(sha256Hex));
    return content;
}

// ---- Sync with the hub ---------------------------------------------------------------------------------------

namespace {

Status setSyncValue(db::Database& db, const char* key, const db::Value& value) {
    TABEL_ASSIGN_OR_RETURN(db::Statement * st, db.cached("INSERT OR REPLACE INTO sync(key, value) VALUES(?, ?)"));
    st->bind(1, QString::fromLatin1(key)).bind(2, value);
    return st->run();
}

Status clearSyncValue(db::Database& db, const char* key) {
    TABEL_ASSIGN_OR_RETURN(db::Statement * st, db.cached("DELETE FROM sync WHERE key = ?"));
    st->bind(1, QString::fromLatin1(key));
    return st->run();
}

Result<std::map<QString, db::Value>> syncValues(db::Database& db) {
    TABEL_ASSIGN_OR_RETURN(db::Statement st, db.prepare("SELECT key, value FROM sync"));
    std::map<QString, db::Value> out;
    for (;;) {
        TABEL_ASSIGN_OR_RETURN(bool row, st.step());
        if (!row)
            break;
        out.emplace(st.columnText(0), st.columnValue(1));
    }
    return out;
}

std::int64_t intOf(const std::map<QString, db::Value>& values, const char* key) {
    const auto it = values.find(QString::fromLatin1(key));
    if (it == values.end() || !std::holds_alternative<std::int64_t>(it->second))
        return 0;
    return std::get<std::int64_t>(it->second);
}

QString textOf(const std::map<QString, db::Value>& values, const char* key) {
    const auto it = values.find(QString::fromLatin1(key));
    if (it == values.end() || !std::holds_alternative<QString>(it->second))
        return {};
    return std::get<QString>(it->second);
}

} // namespace

Result<std::optional<HubLink>> NodeStore::hubLink() {
    TABEL_ASSIGN_OR_RETURN(const auto values, syncValues(*d->db));
    const QString url = textOf(values, "hub_url");
    if (url.isEmpty())
        return std::optional<HubLink>();
    HubLink link;
    link.url = url;
    link.fingerprint = QByteArray::fromHex(textOf(values, "hub_fingerprint").toLatin1());
    link.nodeId = textOf(values, "node_id");
    link.cursor = quint64(intOf(values, "cursor"));
    return std::optional<HubLink>(link);
}

Status NodeStore::saveEnrolment(const HubLink& link, const QList<sync::EnrolledAssignment>& assignments) {
    db::Database& db = *d->db;
    TABEL_ASSIGN_OR_RETURN(db::Transaction tx, db::Transaction::begin(db));
    TABEL_TRY(setSyncValue(db, "hub_url", link.url));
    TABEL_TRY(setSyncValue(db, "hub_fingerprint", QString::fromLatin1(link.fingerprint.toHex())));
    TABEL_TRY(setSyncValue(db, "node_id", link.nodeId));
    TABEL_TRY(setSyncValue(db, "cursor", std::int64_t(link.cursor)));
    TABEL_TRY(db.exec("DELETE FROM scopes"));
    TABEL_ASSIGN_OR_RETURN(db::Statement ins,
                           db.prepare("INSERT OR IGNORE INTO scopes(class, subject, grp) VALUES(?, ?, ?)"));
    for (const sync::EnrolledAssignment& a : assignments) {
        ins.bind(1, a.classId).bind(2, a.subjectId).bind(3, a.groupId);
        TABEL_TRY(ins.run());
    }
    return tx.commit();
}

Result<QList<sync::EnrolledAssignment>> NodeStore::assignments() {
    TABEL_ASSIGN_OR_RETURN(db::Statement st,
                           d->db->prepare("SELECT class, subject, grp FROM scopes ORDER BY class, subject, grp"));
    QList<sync::EnrolledAssignment> out;
    for (;;) {
        TABEL_ASSIGN_OR_RETURN(bool row, st.step());
        if (!row)
            break;
        out.append({st.columnText(0), st.columnText(1), st.columnText(2)});
    }
    return out;
}

Result<QByteArray> NodeStore::signFrame(const QByteArray& messageCbor) {
    return sync::encodeFrame(messageCbor, *d->device, QDateTime::currentMSecsSinceEpoch(), sync::newNonce());
}

Result<std::int64_t> NodeStore::pendingCount() {
    TABEL_ASSIGN_OR_RETURN(db::Statement st,
                           d->db->prepare("SELECT count(*) FROM changesets WHERE device = ? AND pushed = 0"));
    st.bind(1, d->deviceNumber);
    TABEL_ASSIGN_OR_RETURN(const bool row, st.step());
    return row ? st.columnInt(0) : 0;
}

Result<QList<std::int64_t>> NodeStore::pendingSeqs(int maxSets, int maxOps) {
    // Even batches (sync/batching.h): the limits of this one from all that is pending.
    TABEL_ASSIGN_OR_RETURN(db::Statement total,
                           d->db->prepare("SELECT count(*), COALESCE(SUM(nops), 0) FROM changesets WHERE device = ? "
                                          "AND pushed = 0"));
    total.bind(1, d->deviceNumber);
    TABEL_ASSIGN_OR_RETURN(const bool counted, total.step());
    if (!counted)
        return QList<std::int64_t>();
    const sync::BatchSize limit = sync::evenBatch(total.columnInt(0), total.columnInt(1), maxSets, maxOps);
    TABEL_ASSIGN_OR_RETURN(db::Statement st,
                           d->db->prepare("SELECT seq, nops FROM changesets WHERE device = ? AND pushed = 0 "
                                          "ORDER BY seq LIMIT ?"));
    st.bind(1, d->deviceNumber).bind(2, limit.sets);
    QList<std::int64_t> out;
    std::int64_t ops = 0;
    for (;;) {
        TABEL_ASSIGN_OR_RETURN(bool row, st.step());
        if (!row)
            break;
        ops += st.columnInt(1);
        if (!out.isEmpty() && ops > limit.ops)
            break;
        out.append(st.columnInt(0));
    }
    return out;
}

Result<sync::ChangeSet> NodeStore::ownChangeSet(std::int64_t seq) {
    TABEL_ASSIGN_OR_RETURN(QList<sync::ChangeSet> sets, changeSets(seq - 1, 1));
    if (sets.isEmpty() || sets.front().seq != seq)
        return makeError(ErrorCode::NotFound, tr("this device has no change set %1").arg(seq));
    return sets.front();
}

Result<QList<sync::SignedChangeSet>> NodeStore::ownSignedChangeSets(const QList<std::int64_t>& seqs) {
    TABEL_ASSIGN_OR_RETURN(db::Statement * st,
                           d->db->cached("SELECT signature, size, body FROM changesets WHERE device = ? AND seq = ?"));
    QList<sync::SignedChangeSet> out;
    out.reserve(seqs.size());
    for (const std::int64_t seq : seqs) {
        st->bind(1, d->deviceNumber).bind(2, seq);
        Result<bool> row = st->step();
        if (!row || !*row) {
            st->reset();
            if (!row)
                return std::move(row).error();
            return makeError(ErrorCode::NotFound, tr("this device has no change set %1").arg(seq));
        }
        Result<QByteArray> canonical = unpackCanonical(st->columnBlob(2), st->columnInt(1));
        QByteArray signature = st->columnBlob(0);
        st->reset();
        if (!canonical)
            return std::move(canonical).error().withContext(tr("change set %1").arg(seq));
        out.append({std::move(canonical).value(), std::move(signature)});
    }
    return out;
}

Result<std::optional<PendingBatch>> NodeStore::pendingBatch() {
    TABEL_ASSIGN_OR_RETURN(const auto values, syncValues(*d->db));
    const auto it = values.find(QStringLiteral("push_batch"));
    if (it == values.end() || !std::holds_alternative<QByteArray>(it->second))
        return std::optional<PendingBatch>();
    PendingBatch batch;
    batch.batchId = std::get<QByteArray>(it->second);
    for (const QString& seq : textOf(values, "push_seqs").split(u',', Qt::SkipEmptyParts))
        batch.seqs.append(seq.toLongLong());
    return std::optional<PendingBatch>(batch);
}

Status NodeStore::beginBatch(const PendingBatch& batch) {
    db::Database& db = *d->db;
    QStringList seqs;
    for (std::int64_t seq : batch.seqs)
        seqs << QString::number(seq);
    TABEL_ASSIGN_OR_RETURN(db::Transaction tx, db::Transaction::begin(db));
    TABEL_TRY(setSyncValue(db, "push_batch", batch.batchId));
    TABEL_TRY(setSyncValue(db, "push_seqs", seqs.join(u',')));
    return tx.commit();
}

namespace {
// A transaction that records what the hub answered (finishBatch, applyPulled) is committed without waiting for the
// disk: PRAGMA synchronous = NORMAL for its commit, FULL again after it. In WAL mode a kill -9 loses nothing of it;
// a power cut may lose it (never half of it: the WAL keeps whole transactions), together with nothing the teacher
// wrote, because the next commit of the teacher's own writes (FULL) syncs the WAL with every earlier transaction
// in it. What is lost is asked for again: the batch, still recorded by beginBatch (FULL, before it was sent),
// gets the stored Ack of its batch id (R-S4), and the pull from the cursor stored before it sends the same sets,
// stored once. It saves a sync two of its four disk syncs.
class RecordedAnswer {
public:
    explicit RecordedAnswer(db::Database& db) : m_db(db) { m_relaxed = bool(m_db.exec("PRAGMA synchronous = NORMAL")); }
    ~RecordedAnswer() {
        if (m_relaxed && !m_db.exec("PRAGMA synchronous = FULL"))
            qCWarning(lcStore) << "the store could not return to full durability (synchronous = FULL)";
    }
    RecordedAnswer(const RecordedAnswer&) = delete;
    RecordedAnswer& operator=(const RecordedAnswer&) = delete;

private:
    db::Database& m_db;
    bool m_relaxed = false;
};
} // namespace

Status NodeStore::finishBatch(const QList<std::pair<std::int64_t, PushState>>& states) {
    db::Database& db = *d->db;
    const RecordedAnswer answer(db); // before the transaction: it ends after it
    TABEL_ASSIGN_OR_RETURN(db::Transaction tx, db::Transaction::begin(db));
    TABEL_ASSIGN_OR_RETURN(db::Statement st,
                           db.prepare("UPDATE changesets SET pushed = ? WHERE device = ? AND seq = ?"));
    for (const auto& [seq, state] : states) {
        st.bind(1, std::int64_t(state)).bind(2, d->deviceNumber).bind(3, seq);
        TABEL_TRY(st.run());
    }
    TABEL_TRY(clearSyncValue(db, "push_batch"));
    TABEL_TRY(clearSyncValue(db, "push_seqs"));
    TABEL_TRY(setSyncValue(db, "last_sync", QDateTime::currentMSecsSinceEpoch()));
    return tx.commit();
}

namespace {
// The end of a sync, in the caller's transaction: its time and the conflicts its pulls found.
Status writeSyncRecord(db::Database& db, const SyncRecord& record) {
    TABEL_TRY(setSyncValue(db, "last_sync", QDateTime::currentMSecsSinceEpoch()));
    TABEL_TRY(setSyncValue(db, "last_conflicts", std::int64_t(record.conflicts)));
    if (record.openConflicts) {
        // JSON [[id, entity, field], …] in the key/value table: no schema change.
        QJsonArray list;
        for (const sync::OpenConflict& c : *record.openConflicts)
            list.append(QJsonArray{c.id, c.entity, c.field});
        TABEL_TRY(
            setSyncValue(db, "open_conflicts", QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact))));
    }
    return {};
}
} // namespace

Result<PullApplied> NodeStore::applyPulled(const sync::PullBatch& batch, const SyncRecord* finish) {
    db::Database& db = *d->db;
    const RecordedAnswer answer(db); // before the transaction: it ends after it
    TABEL_ASSIGN_OR_RETURN(db::Transaction tx, db::Transaction::begin(db));
    const DocScope docScope(*d->docs);
    const Hlc clockBefore = d->hlc;
    PullApplied out;
    TABEL_ASSIGN_OR_RETURN(db::Statement have, db.prepare("SELECT 1 FROM changesets WHERE device = ? AND seq = ?"));
    TABEL_ASSIGN_OR_RETURN(db::Statement dev,
                           db.prepare("INSERT OR IGNORE INTO devices(number, public_key) VALUES(?, ?)"));
    TABEL_ASSIGN_OR_RETURN(db::Statement insSet,
                           db.prepare("INSERT INTO changesets(device, seq, author, hlc, hash, signature, pushed, "
                                      "nops, size, body) VALUES(?, ?, ?, ?, ?, ?, 1, ?, ?, ?)"));
    // Decoded and verified ahead on the machine's cores (sync/open_sets.h); applied one by one, in the hub's order.
    sync::SetOpener opener(batch.changeSets.size(), [&batch](qsizetype i) -> const sync::SignedChangeSet& {
        return batch.changeSets[i].changeSet;
    });
    for (qsizetype index = 0; index < batch.changeSets.size(); ++index) {
        const sync::PulledChangeSet& pulled = batch.changeSets[index];
        Result<sync::ChangeSet> opened = opener.take(index);
        if (!opened) {
            d->hlc = clockBefore;
            return makeError(ErrorCode::Crypto,
                             tr("the hub sent a change set (hub sequence %1) that does not verify: %2; nothing of "
                                "this pull was stored")
                                 .arg(pulled.hubSeq)
                                 .arg(opened.error().message));
        }
        const sync::ChangeSet& cs = *opened;
        const std::int64_t device = cs.deviceNumber();
        if (device == d->deviceNumber)
            continue; // this device's own change set, back from the hub
        have.bind(1, device).bind(2, cs.seq);
        TABEL_ASSIGN_OR_RETURN(bool seen, have.step());
        have.reset();
        if (seen)
            continue;
        // Nothing from the network is trusted: a set whose entries this node cannot read is kept aside with the
        // reason, and the journal never meets it (it would take the hub's data for damage of its own store).
        TABEL_ASSIGN_OR_RETURN(const std::optional<QString> unreadable, d->unreadable(cs));
        if (unreadable) {
            TABEL_ASSIGN_OR_RETURN(
                db::Statement * aside,
                db.cached("INSERT OR IGNORE INTO refused_pulls(device, seq, hub_seq, author, reason, "
                          "received, canonical, signature) VALUES(?, ?, ?, ?, ?, ?, ?, ?)"));
            aside->bind(1, cs.device)
                .bind(2, cs.seq)
                .bind(3, std::int64_t(pulled.hubSeq))
                .bind(4, cs.author)
                .bind(5, *unreadable)
                .bind(6, QDateTime::currentMSecsSinceEpoch())
                .bind(7, pulled.changeSet.canonical)
                .bind(8, cs.signature);
            TABEL_TRY(aside->run());
            out.refused << tr("change set %1 from the hub (by %2): %3").arg(pulled.hubSeq).arg(cs.author, *unreadable);
            continue;
        }
        dev.bind(1, device).bind(2, cs.device);
        TABEL_TRY(dev.run());
        // The op log keeps the bytes as the hub sent them: open() checked that they are canonical and signed.
        const QByteArray& canonical = pulled.changeSet.canonical;
        TABEL_ASSIGN_OR_RETURN(QByteArray body, packChangeSet(canonical));
        insSet.bind(1, device)
            .bind(2, cs.seq)
            .bind(3, cs.author)
            .bind(4, cs.hlc)
            .bind(5, crypto::blake2b256(canonical))
            .bind(6, cs.signature)
            .bind(7, std::int64_t(cs.ops.size()))
            .bind(8, std::int64_t(canonical.size()))
            .bind(9, body);
        TABEL_TRY(insSet.run());
        ++out.changeSets;
        for (const sync::Op& op : cs.ops) {
            ++out.ops;
            const sync::Version version = cs.versionOf(op);
            const std::optional<docs::Address> at = docs::addressOf(op.entity, d->docs->recentDoc());
            TABEL_ASSIGN_OR_RETURN(std::optional<schema::EntityState> stored, d->load(op.entity, at));
            const auto field = stored ? stored->find(op.field) : schema::EntityState::iterator{};
            const bool exists = stored && field != stored->end();
            domain::FieldValue localValue;
            sync::Version local;
            if (exists) {
                localValue = field->second.value;
                local = field->second.version;
            }
            bool take = false;
            if (!exists || local == op.base) {
                take = true; // fast-forward
            } else if (local == version) {
                take = false; // already here
            } else {
                // A concurrent write: both stay in the log; the later version is shown here, and the hub keeps the
                // conflict for the operator unless both wrote the same value.
                take = sync::isLater(version, local);
                if (!(localValue == op.value))
                    ++out.conflicts;
            }
            if (take) {
                schema::EntityState state = stored ? std::move(*stored) : schema::EntityState{};
                state.insert_or_assign(op.field, schema::FieldState{op.value, version});
                TABEL_TRY(d->store(op.entity, at, state, stored.has_value()));
                ++out.applied;
            }
        }
        d->hlc.observe(cs.hlc);
    }
    TABEL_TRY(d->docs->flush());
    TABEL_ASSIGN_OR_RETURN(db::Statement * clock, db.cached("UPDATE meta SET value = ? WHERE key = 'hlc'"));
    clock->bind(1, std::max(d->hlc.last(), clockBefore.last()));
    TABEL_TRY(clock->run());
    TABEL_TRY(setSyncValue(db, "cursor", std::int64_t(batch.toCursor)));
    TABEL_TRY(finish ? writeSyncRecord(db, *finish)
                     : setSyncValue(db, "last_sync", QDateTime::currentMSecsSinceEpoch()));
    if (auto r = tx.commit(); !r) {
        d->hlc = clockBefore;
        return std::move(r).error();
    }
    return out;
}

Status NodeStore::recordSync(int conflicts, const std::optional<QList<sync::OpenConflict>>& openConflicts) {
    db::Database& db = *d->db;
    TABEL_ASSIGN_OR_RETURN(db::Transaction tx, db::Transaction::begin(db));
    TABEL_TRY(writeSyncRecord(db, SyncRecord{conflicts, openConflicts}));
    return tx.commit();
}

Result<StoreStatus> NodeStore::status() {
    db::Database& db = *d->db;
    StoreStatus s;
    s.teacherId = d->teacherId;
    s.teacherName = d->teacherName;
    s.deviceFingerprint = crypto::fingerprint(d->device->publicKey);
    TABEL_ASSIGN_OR_RETURN(s.schemaVersion, schema::version(db));
    TABEL_ASSIGN_OR_RETURN(
        db::Statement st,
        db.prepare("SELECT count(*), coalesce(sum(nops), 0), (SELECT coalesce(sum(nops), 0) FROM changesets), "
                   "(SELECT max(hlc) FROM changesets WHERE device = ?1) "
                   "FROM changesets WHERE pushed = 0 AND device = ?1"));
    st.bind(1, d->deviceNumber);
    TABEL_ASSIGN_OR_RETURN(bool row, st.step());
    if (row) {
        s.pendingChangeSets = st.columnInt(0);
        s.pendingOps = st.columnInt(1);
        s.totalOps = st.columnInt(2);
        if (!st.isNull(3))
            s.lastChange = Hlc::toDateTime(st.columnInt(3));
    }
    TABEL_ASSIGN_OR_RETURN(const auto values, syncValues(db));
    s.hubUrl = textOf(values, "hub_url");
    s.nodeId = textOf(values, "node_id");
    if (const std::int64_t t = intOf(values, "last_sync"))
        s.lastSync = QDateTime::fromMSecsSinceEpoch(t, Qt::UTC);
    s.lastSyncConflicts = intOf(values, "last_conflicts");
    if (const QString open = textOf(values, "open_conflicts"); !open.isEmpty()) {
        QList<sync::OpenConflict> list;
        for (const QJsonValue& v : QJsonDocument::fromJson(open.toUtf8()).array()) {
            const QJsonArray c = v.toArray();
            list.append({c.at(0).toString(), c.at(1).toString(), c.at(2).toString()});
        }
        s.openConflicts = std::move(list);
    }
    TABEL_ASSIGN_OR_RETURN(s.refusedChangeSets, db.queryInt("SELECT count(*) FROM changesets WHERE pushed = 2"));
    TABEL_ASSIGN_OR_RETURN(s.refusedPulls, db.queryInt("SELECT count(*) FROM refused_pulls"));
    return s;
}

Status NodeStore::integrityCheck() {
    TABEL_ASSIGN_OR_RETURN(db::Statement st, d->db->prepare("PRAGMA integrity_check(20)"));
    QStringList problems;
    for (;;) {
        TABEL_ASSIGN_OR_RETURN(bool row, st.step());
        if (!row)
            break;
        problems << st.columnText(0);
    }
    if (problems == QStringList{QStringLiteral("ok")})
        return {};
    return makeError(ErrorCode::Corrupt,
                     tr("the store failed its integrity check: %1").arg(problems.join(QStringLiteral("; "))));
}

// ---- The register of prints ----

Result<NodeStore::PrintRecord>
NodeStore::registerPrint(const QString& form, const QString& parameters, const QString& format,
                         const std::function<Result<Printed>(qint64, const QDateTime&)>& make,
                         const std::function<Status(const QByteArray&)>& publish, qint64 nowMs) {
    db::Database& db = *d->db;
    TABEL_ASSIGN_OR_RETURN(db::Transaction tx, db::Transaction::begin(db));
    TABEL_ASSIGN_OR_RETURN(const std::int64_t last, db.queryInt("SELECT coalesce(max(number), 0) FROM prints"));
    PrintRecord r;
    r.number = last + 1;
    r.printed = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC);
    r.who = d->teacherId;
    r.form = form;
    r.parameters = parameters;
    r.format = format;
    TABEL_ASSIGN_OR_RETURN(const Printed printed, make(r.number, r.printed));
    r.pages = printed.pages;
    r.bytes = printed.bytes.size();
    r.sha256 = QCryptographicHash::hash(printed.bytes, QCryptographicHash::Sha256);
    TABEL_ASSIGN_OR_RETURN(db::Statement insert,
                           db.prepare("INSERT INTO prints(number, printed, who, form, parameters, format, pages, "
                                      "bytes, sha256) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    TABEL_TRY(insert.bind(1, std::int64_t(r.number))
                  .bind(2, std::int64_t(nowMs))
                  .bind(3, r.who)
                  .bind(4, r.form)
                  .bind(5, r.parameters)
                  .bind(6, r.format)
                  .bind(7, std::int64_t(r.pages))
                  .bind(8, std::int64_t(r.bytes))
                  .bind(9, r.sha256)
                  .run());
    TABEL_TRY(publish(printed.bytes));
    TABEL_TRY(tx.commit());
    return r;
}

namespace {

Result<QList<NodeStore::PrintRecord>> selectPrints(db::Database& db, const QByteArray& where, const QByteArray& sha256,
                                                   int limit) {
    const QByteArray sql =
        QByteArray(
            "SELECT number, printed, who, form, parameters, format, pages, bytes, sha256, reported FROM prints") +
        where + " ORDER BY number" + (limit > 0 ? QByteArray(" LIMIT ") + QByteArray::number(limit) : QByteArray());
    TABEL_ASSIGN_OR_RETURN(db::Statement rows, db.prepare(sql.constData()));
    if (!sha256.isEmpty())
        rows.bind(1, sha256);
    QList<NodeStore::PrintRecord> out;
    while (true) {
        TABEL_ASSIGN_OR_RETURN(const bool row, rows.step());
        if (!row)
            break;
        out.append({rows.columnInt(0), QDateTime::fromMSecsSinceEpoch(rows.columnInt(1), Qt::UTC), rows.columnText(2),
                    rows.columnText(3), rows.columnText(4), rows.columnText(5), int(rows.columnInt(6)),
                    rows.columnInt(7), rows.columnBlob(8), rows.columnInt(9) != 0});
    }
    return out;
}

} // namespace

Result<QList<NodeStore::PrintRecord>> NodeStore::prints(const QByteArray& sha256) {
    return selectPrints(*d->db, sha256.isEmpty() ? QByteArray() : QByteArray(" WHERE sha256 = ?"), sha256, 0);
}

Result<QList<NodeStore::PrintRecord>> NodeStore::unreportedPrints(int limit) {
    return selectPrints(*d->db, " WHERE reported = 0", {}, std::max(1, limit));
}

Status NodeStore::markPrintsReported(const QList<quint64>& numbers) {
    db::Database& db = *d->db;
    TABEL_ASSIGN_OR_RETURN(db::Transaction tx, db::Transaction::begin(db));
    TABEL_ASSIGN_OR_RETURN(db::Statement mark, db.prepare("UPDATE prints SET reported = 1 WHERE number = ?"));
    for (quint64 n : numbers) {
        if (n > quint64(std::numeric_limits<std::int64_t>::max()))
            continue;
        TABEL_TRY(mark.bind(1, std::int64_t(n)).run());
        mark.reset();
    }
    return tx.commit();
}

QString NodeStore::AmendmentRequest::stateName(State state) {
    switch (state) {
    case State::Accepted:
        return QStringLiteral("accepted");
    case State::Declined:
        return QStringLiteral("declined");
    case State::Waiting:
        break;
    }
    return QStringLiteral("waiting");
}

QString NodeStore::AmendmentRequest::text() const {
    switch (state) {
    case State::Waiting: {
        QString words = tr("change %1 edits a closed period and waits for the operator's decision").arg(seq);
        if (!heldText.isEmpty())
            words += QStringLiteral(" (") + heldText + u')';
        return words;
    }
    case State::Accepted:
        return tr("change %1 (amendment request %2) was accepted by the operator and is in the school's journal")
            .arg(seq)
            .arg(amendmentId);
    case State::Declined:
        return tr("change %1 (amendment request %2) was declined by the operator: %3")
            .arg(seq)
            .arg(amendmentId)
            .arg(decision.isEmpty() ? tr("no reason given") : decision);
    }
    return {};
}

Status NodeStore::recordAmendmentsHeld(const QList<std::pair<std::int64_t, QString>>& held, qint64 nowMs) {
    if (held.isEmpty())
        return {};
    db::Database& db = *d->db;
    TABEL_ASSIGN_OR_RETURN(db::Transaction tx, db::Transaction::begin(db));
    // A set already known stays as it is (a late repeat of the hold does not undo a decision). SQLCipher 3.4's
    // SQLite has no UPSERT: INSERT OR IGNORE, then UPDATE.
    TABEL_ASSIGN_OR_RETURN(db::Statement put, db.prepare("INSERT OR IGNORE INTO amendment_requests(seq, state, "
                                                         "held_text, updated) VALUES(?, 'waiting', ?, ?)"));
    for (const auto& [seq, text] : held) {
        TABEL_TRY(put.bind(1, seq).bind(2, text).bind(3, std::int64_t(nowMs)).run());
        put.reset();
    }
    return tx.commit();
}

Status NodeStore::recordAmendmentDecisions(const QList<AmendmentDecision>& decisions, qint64 nowMs) {
    if (decisions.isEmpty())
        return {};
    db::Database& db = *d->db;
    TABEL_ASSIGN_OR_RETURN(db::Transaction tx, db::Transaction::begin(db));
    TABEL_ASSIGN_OR_RETURN(db::Statement known, db.prepare("INSERT OR IGNORE INTO amendment_requests(seq, state, "
                                                           "updated) VALUES(?, 'waiting', ?)"));
    TABEL_ASSIGN_OR_RETURN(db::Statement decide,
                           db.prepare("UPDATE amendment_requests SET amendment_id = ?, state = ?, decision = ?, "
                                      "updated = ? WHERE seq = ? AND state = 'waiting'"));
    for (const AmendmentDecision& a : decisions) {
        TABEL_TRY(known.bind(1, a.seq).bind(2, std::int64_t(nowMs)).run());
        known.reset();
        TABEL_TRY(decide.bind(1, std::int64_t(a.amendmentId))
                      .bind(2, AmendmentRequest::stateName(a.accepted ? AmendmentRequest::State::Accepted
                                                                      : AmendmentRequest::State::Declined))
                      .bind(3, a.accepted ? QString() : a.text)
                      .bind(4, std::int64_t(nowMs))
                      .bind(5, a.seq)
                      .run());
        decide.reset();
    }
    return tx.commit();
}

Result<QList<NodeStore::AmendmentRequest>> NodeStore::amendmentRequests(int limit) {
    TABEL_ASSIGN_OR_RETURN(db::Statement rows,
                           d->db->prepare("SELECT seq, amendment_id, state, held_text, decision, updated FROM "
                                          "amendment_requests ORDER BY updated DESC, seq DESC LIMIT ?"));
    rows.bind(1, std::int64_t(std::max(1, limit)));
    QList<AmendmentRequest> out;
    while (true) {
        TABEL_ASSIGN_OR_RETURN(const bool row, rows.step());
        if (!row)
            break;
        AmendmentRequest a;
        a.seq = rows.columnInt(0);
        a.amendmentId = rows.columnInt(1);
        const QString state = rows.columnText(2);
        for (const auto candidate : {AmendmentRequest::State::Accepted, AmendmentRequest::State::Declined})
            if (state == AmendmentRequest::stateName(candidate))
                a.state = candidate;
        a.heldText = rows.columnText(3);
        a.decision = rows.columnText(4);
        a.updated = QDateTime::fromMSecsSinceEpoch(rows.columnInt(5), Qt::UTC);
        out.append(std::move(a));
    }
    return out;
}

} // namespace tabel::node
