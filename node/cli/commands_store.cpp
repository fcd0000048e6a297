// tabel-node init, passwd, import, status, check.
#include "node/cli/handlers.h"
#include "node/cli/passphrase.h"
#include "shared/crypto/kdf.h"
#include "shared/crypto/signing.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace tabel::node::cli {

namespace {

Result<QString> kdfOption(const Invocation& inv) {
    const QString profile = inv.value(QStringLiteral("kdf"), QStringLiteral("moderate"));
    const QStringList known = crypto::KdfParams::profileNames();
    if (!known.contains(profile))
        return usageError(QCoreApplication::translate("tabel-node", "--kdf: expected one of %1, got «%2»")
                              .arg(known.join(QStringLiteral(", ")), profile));
    return profile;
}

} // namespace

Status cmdInit(Session& s) {
    const Invocation& inv = s.inv();
    TABEL_ASSIGN_OR_RETURN(const QString teacher, idOption(inv, QStringLiteral("teacher")));
    TABEL_ASSIGN_OR_RETURN(const QString name, requiredText(inv, QStringLiteral("name")));
    TABEL_ASSIGN_OR_RETURN(const QString kdf, kdfOption(inv));
    if (NodeStore::exists(s.storeDir()))
        return makeError(ErrorCode::AlreadyExists,
                         QCoreApplication::translate("tabel-node",
                                                     "a store already exists in %1; open it, or choose another "
                                                     "folder with --store DIR")
                             .arg(s.storeDir()));
    PassphraseSource source = storePassphraseSource(inv);
    source.prompt = QCoreApplication::translate("tabel-node", "Passphrase for the new store: ");
    TABEL_ASSIGN_OR_RETURN(crypto::SecretBytes passphrase, obtainPassphrase(source, true));

    NodeStore::InitOptions options;
    options.teacherId = teacher;
    options.teacherName = name;
    options.kdfProfile = kdf;
    TABEL_ASSIGN_OR_RETURN(NodeStore store, NodeStore::create(s.storeDir(), passphrase, options));
    printOut(QCoreApplication::translate("tabel-node", "Created the store of %1 (%2) in %3")
                 .arg(name, teacher, store.paths().dir));
    printOut(QCoreApplication::translate("tabel-node", "device fingerprint: %1")
                 .arg(crypto::fingerprint(store.devicePublicKey())));
    printOut(QCoreApplication::translate("tabel-node",
                                         "Keep the passphrase safe: without it nobody, not even the school, can "
                                         "open this store."));
    return {};
}

Status cmdPasswd(Session& s) {
    const Invocation& inv = s.inv();
    TABEL_ASSIGN_OR_RETURN(const QString kdf, kdfOption(inv));
    std::optional<crypto::SecretBytes> newPassphrase;
    if (inv.has(QStringLiteral("new-passphrase-file"))) {
        TABEL_ASSIGN_OR_RETURN(newPassphrase, readPassphraseFile(inv.value(QStringLiteral("new-passphrase-file")),
                                                                 QStringLiteral("--new-passphrase-file")));
    }
    TABEL_TRY(s.open());
    if (!newPassphrase) {
        PassphraseSource source;
        source.environmentVariable = "TABEL_NEW_PASSPHRASE";
        source.prompt = QCoreApplication::translate("tabel-node", "New passphrase: ");
        source.repeatPrompt = QCoreApplication::translate("tabel-node", "Repeat the new passphrase: ");
        source.missingHint =
            QCoreApplication::translate("tabel-node", "no new passphrase given: use --new-passphrase-file FILE, "
                                                      "TABEL_NEW_PASSPHRASE, or run in a terminal");
        TABEL_ASSIGN_OR_RETURN(newPassphrase, obtainPassphrase(source, true));
    }
    TABEL_TRY(s.store().changePassphrase(*newPassphrase, kdf));
    printOut(QCoreApplication::translate("tabel-node", "Changed the passphrase of the store in %1").arg(s.storeDir()));
    return {};
}

Status cmdImport(Session& s) {
    const Invocation& inv = s.inv();
    const QString kind = inv.positionals.value(0);
    const QString file = inv.positionals.value(1);
    const QStringList kinds{QStringLiteral("roster"), QStringLiteral("timetable"), QStringLiteral("calendar")};
    if (!kinds.contains(kind))
        return usageError(
            QCoreApplication::translate("tabel-node", "KIND: expected roster, timetable or calendar, got «%1»")
                .arg(kind));
    TABEL_TRY(checkInputFile(file, QStringLiteral("FILE")));
    TABEL_TRY(s.open());
    s.source = ErrorSource::InputFile;
    Journal& j = s.journal();
    TABEL_ASSIGN_OR_RETURN(const ImportReport report, kind == kinds[0]   ? j.importRoster(file)
                                                      : kind == kinds[1] ? j.importTimetable(file)
                                                                         : j.importCalendar(file));
    s.source = ErrorSource::Store;
    printOut(QCoreApplication::translate("tabel-node", "Imported %n rows from %1", nullptr, report.rows).arg(file));
    return {};
}

Status cmdStatus(Session& s) {
    TABEL_TRY(s.open());
    TABEL_ASSIGN_OR_RETURN(const StoreStatus st, s.store().status());
    // R-S6: what became of this computer's changes to closed periods (the newest ten).
    TABEL_ASSIGN_OR_RETURN(const QList<NodeStore::AmendmentRequest> requests, s.store().amendmentRequests(10));
    if (s.inv().has(QStringLiteral("json"))) {
        QJsonObject o;
        o.insert(QStringLiteral("store"), s.store().paths().dir);
        o.insert(QStringLiteral("teacher_id"), st.teacherId);
        o.insert(QStringLiteral("teacher_name"), st.teacherName);
        o.insert(QStringLiteral("device_fingerprint"), st.deviceFingerprint);
        o.insert(QStringLiteral("schema_version"), st.schemaVersion);
        o.insert(QStringLiteral("pending_change_sets"), qint64(st.pendingChangeSets));
        o.insert(QStringLiteral("pending_ops"), qint64(st.pendingOps));
        o.insert(QStringLiteral("total_ops"), qint64(st.totalOps));
        o.insert(QStringLiteral("last_change"), st.lastChange ? QJsonValue(st.lastChange->toUTC().toString(Qt::ISODate))
                                                              : QJsonValue(QJsonValue::Null));
        o.insert(QStringLiteral("last_sync"),
                 st.lastSync ? QJsonValue(st.lastSync->toUTC().toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null));
        o.insert(QStringLiteral("hub_url"), st.hubUrl.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(st.hubUrl));
        o.insert(QStringLiteral("node_id"), st.nodeId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(st.nodeId));
        o.insert(QStringLiteral("refused_change_sets"), qint64(st.refusedChangeSets));
        o.insert(QStringLiteral("refused_from_hub"), qint64(st.refusedPulls));
        o.insert(QStringLiteral("last_sync_conflicts"), qint64(st.lastSyncConflicts));
        if (st.openConflicts) {
            QJsonArray open;
            for (const sync::OpenConflict& c : *st.openConflicts)
                open.append(QJsonObject{{QStringLiteral("id"), c.id},
                                        {QStringLiteral("entity"), c.entity},
                                        {QStringLiteral("field"), c.field}});
            o.insert(QStringLiteral("open_conflicts"), open);
        } else {
            o.insert(QStringLiteral("open_conflicts"), QJsonValue(QJsonValue::Null));
        }
        QJsonArray amendments;
        for (const NodeStore::AmendmentRequest& a : requests)
            amendments.append(QJsonObject{{QStringLiteral("seq"), qint64(a.seq)},
                                          {QStringLiteral("amendment_id"), a.amendmentId},
                                          {QStringLiteral("state"), NodeStore::AmendmentRequest::stateName(a.state)},
                                          {QStringLiteral("held"), a.heldText},
                                          {QStringLiteral("decision"), a.decision}});
        o.insert(QStringLiteral("amendment_requests"), amendments);
        printJson(QJsonDocument(o));
        return {};
    }
    const QString never = QCoreApplication::translate("tabel-node", "never");
    printOut({
        QCoreApplication::translate("tabel-node", "store: %1").arg(s.store().paths().dir),
        QCoreApplication::translate("tabel-node", "teacher: %1 (%2)").arg(st.teacherName, st.teacherId),
        QCoreApplication::translate("tabel-node", "device fingerprint: %1").arg(st.deviceFingerprint),
        QCoreApplication::translate("tabel-node", "schema version: %1").arg(st.schemaVersion),
        QCoreApplication::translate("tabel-node", "pending change sets: %1").arg(st.pendingChangeSets),
        QCoreApplication::translate("tabel-node", "pending ops: %1 — not yet sent to the school hub")
            .arg(st.pendingOps),
        QCoreApplication::translate("tabel-node", "last change: %1")
            .arg(st.lastChange ? formatDateTime(*st.lastChange) : never),
        QCoreApplication::translate("tabel-node", "last sync: %1")
            .arg(st.lastSync ? formatDateTime(*st.lastSync) : never),
        QCoreApplication::translate("tabel-node", "hub: %1")
            .arg(st.hubUrl.isEmpty() ? QCoreApplication::translate("tabel-node", "not enrolled")
                                     : QStringLiteral("%1 (%2)").arg(st.hubUrl, st.nodeId)),
    });
    if (st.refusedChangeSets)
        printOut(QCoreApplication::translate("tabel-node", "refused by the hub (kept here): %1 change sets")
                     .arg(st.refusedChangeSets));
    if (st.refusedPulls)
        printOut(QCoreApplication::translate("tabel-node",
                                             "sent by the hub but unreadable here (set aside, not applied): "
                                             "%1 change sets; tell the hub's operator")
                     .arg(st.refusedPulls));
    if (st.lastSyncConflicts)
        printOut(QCoreApplication::translate("tabel-node",
                                             "conflicts at the last sync: %1 (the hub's operator resolves them)")
                     .arg(st.lastSyncConflicts));
    // R-S5: what the hub said at the last sync waits for its operator in this node's scopes.
    if (st.openConflicts && !st.openConflicts->isEmpty()) {
        printOut(QCoreApplication::translate("tabel-node",
                                             "open conflicts at the hub: %1 (the hub's operator resolves them)")
                     .arg(st.openConflicts->size()));
        for (const sync::OpenConflict& c : *st.openConflicts)
            printOut(QStringLiteral("  %1  %2 %3").arg(c.id, c.entity, c.field));
    }
    if (!requests.isEmpty()) {
        printOut(QCoreApplication::translate("tabel-node", "changes to closed periods (amendment requests):"));
        for (const NodeStore::AmendmentRequest& a : requests)
            printOut(QStringLiteral("  ") + a.text());
    }
    return {};
}

Status cmdCheck(Session& s) {
    TABEL_TRY(s.open());
    TABEL_TRY(s.store().integrityCheck());
    printOut(QCoreApplication::translate("tabel-node", "store is intact: %1").arg(s.store().paths().dir));
    return {};
}

} // namespace tabel::node::cli
