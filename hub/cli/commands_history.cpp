#include "hub/cli/commands_history.h"

#include "sync/describe.h"

#include "hub/history/history.h"
#include "hub/store/hub_store.h"
#include "shared/domain/model.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tabel::hub::cli {

namespace {

QString orNone(const QString& v) {
    return v.isEmpty() ? QStringLiteral("—") : v;
}

} // namespace

Status cmdHistory(const Invocation& inv) {
    HistoryFilter filter;
    filter.classId = inv.value(QStringLiteral("class")).trimmed();
    if (!filter.classId.isEmpty())
        if (auto ok = domain::validateId(filter.classId, QStringLiteral("--class")); !ok)
            return usage(ok.error().message);
    filter.entityPrefix = inv.value(QStringLiteral("entity")).trimmed();
    if (inv.values.contains(QStringLiteral("entity")) && filter.entityPrefix.isEmpty())
        return usage(t("--entity must not be empty: give an entity key or its beginning, e.g. mark/7А/math"));
    filter.pupilId = inv.value(QStringLiteral("pupil")).trimmed();
    if (inv.values.contains(QStringLiteral("pupil")))
        if (auto ok = domain::validateId(filter.pupilId, QStringLiteral("--pupil")); !ok)
            return usage(ok.error().message);
    if (inv.values.contains(QStringLiteral("limit"))) {
        bool ok = false;
        filter.limit = inv.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || filter.limit < 1)
            return usage(
                t("--limit: expected a whole number of at least 1, got «%1»").arg(inv.value(QStringLiteral("limit"))));
    }
    TABEL_ASSIGN_OR_RETURN(HubStore store, HubStore::open(inv.storeDir));
    // 5.5: reading the journal (personal data) is logged before anything is shown.
    QStringList what;
    for (const QString& name :
         {QStringLiteral("class"), QStringLiteral("entity"), QStringLiteral("pupil"), QStringLiteral("limit")})
        if (inv.values.contains(name))
            what << QStringLiteral("--") + name + u' ' + inv.value(name);
    TABEL_ASSIGN_OR_RETURN(const QList<HistoryChange> changes, store.history(filter, what.join(u' ')));

    if (inv.flags.contains(QStringLiteral("json"))) {
        QJsonArray out;
        for (const HistoryChange& c : changes)
            out.append(
                QJsonObject{{QStringLiteral("time"), c.time.toString(Qt::ISODate)},
                            {QStringLiteral("repo"), c.repo},
                            {QStringLiteral("file"), c.path},
                            {QStringLiteral("commit"), c.commit},
                            {QStringLiteral("teacher"), c.teacherId},
                            {QStringLiteral("teacher_name"), c.teacherName},
                            {QStringLiteral("device"), c.device},
                            {QStringLiteral("batch"), c.batch},
                            {QStringLiteral("entity"), c.entity},
                            {QStringLiteral("field"), c.field},
                            {QStringLiteral("what"), c.what},
                            {QStringLiteral("old"), c.oldValue.isEmpty() ? QJsonValue() : QJsonValue(c.oldValue)},
                            {QStringLiteral("new"), c.newValue.isEmpty() ? QJsonValue() : QJsonValue(c.newValue)}});
        printOut(QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented)).trimmed());
        return {};
    }
    if (changes.isEmpty()) {
        printOut(t("no changes in the history match"));
        return {};
    }
    for (const HistoryChange& c : changes) {
        printOut(t("%1  %2 (%3)  device %4  %5")
                     .arg(c.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), c.teacherName,
                          c.teacherId, orNone(c.device), c.repo));
        printOut(QStringLiteral("    ") + (c.what == c.entity ? c.entity : c.what) + QStringLiteral(" — ") +
                 sync::fieldText(c.field) + QStringLiteral(": ") + orNone(c.oldValue) + QStringLiteral(" → ") +
                 orNone(c.newValue));
    }
    return {};
}

Status cmdExportGit(const Invocation& inv) {
    const QString dir = QDir::cleanPath(QDir(inv.positionals.at(0)).absolutePath());
    TABEL_ASSIGN_OR_RETURN(HubStore store, HubStore::open(inv.storeDir));
    TABEL_ASSIGN_OR_RETURN(const QStringList written, store.exportGit(dir));
    if (written.isEmpty()) {
        printOut(t("the history is empty: no batch has been merged yet, nothing was exported"));
        return {};
    }
    for (const QString& path : written)
        printOut(t("exported %1").arg(path));
    printErr(t("warning: %1 holds the journal, pupils' names included, in plain text; keep it on an encrypted "
               "disk, hand it only to those entitled, and delete it when done")
                 .arg(dir));
    return {};
}

} // namespace tabel::hub::cli
