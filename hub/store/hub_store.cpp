#include "hub/store/hub_store.h"

#include "hub/store/internal.h"
#include "hub/store/schema.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

namespace tabel::hub {

Q_LOGGING_CATEGORY(lcHubStore, "tabel.hub.store", QtWarningMsg)

using namespace internal;

QString nodeStatusName(NodeStatus s) {
    switch (s) {
    case NodeStatus::Active:
        return QStringLiteral("active");
    case NodeStatus::Suspended:
        return QStringLiteral("suspended");
    case NodeStatus::Pending:
        break;
    }
    return QStringLiteral("pending");
}

sync::NodeScopes NodeRecord::scopes() const {
    sync::NodeScopes s;
    s.teacherId = teacherId;
    s.isOperator = isOperator;
    for (const sync::EnrolledAssignment& a : assignments)
        s.assignments.append(domain::Assignment{teacherId, a.classId, a.subjectId, a.groupId});
    return s;
}

QString HubStore::Paths::database() const {
    return dir + QStringLiteral("/hub.db");
}
QString HubStore::Paths::keyFile() const {
    return dir + QStringLiteral("/hub.key");
}

HubStore::HubStore() : d(std::make_unique<Impl>()) {}
HubStore::HubStore(HubStore&&) noexcept = default;
HubStore& HubStore::operator=(HubStore&&) noexcept = default;
HubStore::~HubStore() = default;

const HubStore::Paths& HubStore::paths() const {
    return d->paths;
}
db::Database& HubStore::database() {
    return *d->db;
}
const sync::RegisterView& HubStore::state() const {
    return *d->state;
}

namespace {
constexpr int kWalPages = 8192; // 32 MiB of write-ahead log at most (and a transaction)
} // namespace

Result<HubStore> HubStore::open(const QString& dir) {
    if (!QDir().mkpath(dir))
        return makeError(ErrorCode::Io, tr("cannot create the folder %1").arg(dir));
    QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    HubStore store;
    store.d->paths = Paths{QDir(dir).absolutePath()};
    const Paths& paths = store.d->paths;
    const bool dbExists = QFileInfo::exists(paths.database());
    TABEL_ASSIGN_OR_RETURN(crypto::SecretBytes key, schema::loadOrCreateKey(paths.keyFile(), dbExists));
    TABEL_ASSIGN_OR_RETURN(db::Database db, db::Database::open(paths.database(), !dbExists));
    QFile::setPermissions(paths.database(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    TABEL_TRY(db::applyRawKey(db, key));
    TABEL_TRY(schema::configure(db));
    // Checkpoints are run by the history's worker beside the next push and by serve when it is idle
    // (checkpoint()); a commit copies the log into hub.db itself only when pushes come without a pause until the
    // log holds kWalPages pages (SQLite's default, 1,000, put that copy and its fsync on every large push).
    TABEL_TRY(db.exec(QStringLiteral("PRAGMA wal_autocheckpoint = %1").arg(kWalPages).toUtf8().constData()));
    // Its file is not cut back when it is used again (journal_size_limit): the push that restarts the log would
    // truncate it and grow it again, 3–14 ms of a day's sync (tests/bench/README.md). It stays as large as it
    // grew, at most kWalPages and a transaction.
    TABEL_TRY(schema::migrate(db));
    store.d->db.emplace(std::move(db));
    store.d->state.emplace(*store.d->db);
    store.d->history = std::make_unique<HistoryWorker>(
        [path = paths.database(), key = std::make_shared<crypto::SecretBytes>(std::move(key))] {
            return schema::openReader(path, *key);
        });
    TABEL_TRY(store.d->loadOrCreateHubKey());
    TABEL_TRY(store.d->loadHubClock());
    TABEL_TRY(History::ensureSchema(*store.d->db));
    // A push acknowledged just before the hub stopped: its commit now (History::defer). Not a reason to refuse
    // the store (`check` must still open it): the note stays, and the next change of the merged state, which
    // writes it first, reports the problem.
    if (const Status written = store.writePendingHistory(); !written)
        qCWarning(lcHubStore).noquote()
            << tr("warning: the history is missing the last push for now: %1").arg(written.error().message);
    return store;
}

Status HubStore::checkpoint() {
    return schema::checkpoint(*d->db);
}

Result<std::int64_t> HubStore::logSize() {
    return d->db->queryInt("SELECT count(*) FROM log");
}

} // namespace tabel::hub
