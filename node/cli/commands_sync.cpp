// tabel-node enroll, sync: the node's side of the hub (node/sync/sync_client.h).
#include "node/cli/handlers.h"
#include "node/sync/closed_periods.h"
#include "node/sync/sync_client.h"
#include "sync/wire.h"

#include <QCoreApplication>
#include <QSysInfo>
#include <QUrl>

namespace tabel::node::cli {

namespace {

QString t(const char* s) {
    return QCoreApplication::translate("tabel-node", s);
}

QString tn(const char* s, int n) {
    return QCoreApplication::translate("tabel-node", s, nullptr, n);
}

int exitFor(SyncFailure failure) {
    switch (failure) {
    case SyncFailure::Unreachable:
        return kExitUnreachable;
    case SyncFailure::Refused:
        return kExitHubRefused;
    case SyncFailure::Pin:
        return kExitCrypto;
    case SyncFailure::None:
    case SyncFailure::Other:
        break;
    }
    return -1;
}

} // namespace

Status cmdEnroll(Session& s) {
    const Invocation& inv = s.inv();
    const QString url = inv.positionals.value(0);
    const QString code = inv.positionals.value(1);
    const QUrl parsed(url);
    if (!parsed.isValid() || parsed.scheme() != QLatin1String("https") || parsed.host().isEmpty())
        return usageError(t("URL: expected the hub's address as https://HOST:PORT, got «%1»").arg(url));
    if (auto c = sync::parseEnrolmentCode(code); !c)
        return usageError(t("CODE: %1").arg(c.error().message));
    QString name = inv.value(QStringLiteral("name"), QSysInfo::machineHostName());
    if (name.isEmpty())
        name = QStringLiteral("node");
    TABEL_TRY(s.open());
    SyncClient client(s.store());
    Result<sync::Enrolled> enrolled = client.enroll(url, code, name);
    if (!enrolled) {
        if (const int exit = exitFor(client.failure()); exit >= 0)
            s.exitCode = exit;
        return enrolled.error();
    }
    // R-S6: the periods closed at the hub now (none when the answer has none).
    TABEL_TRY(saveClosedPeriods(s.store(), enrolled->closedPeriods));
    QStringList scopes;
    for (const sync::EnrolledAssignment& a : enrolled->assignments)
        scopes << a.classId + u'/' + a.subjectId + u'/' + a.groupId;
    printOut({t("Enrolled at %1 as node «%2» of %3 (%4)")
                  .arg(url, enrolled->nodeId, enrolled->teacherName, enrolled->teacherId),
              t("classes, subjects and groups: %1").arg(scopes.join(QStringLiteral(", "))),
              t("Send and receive changes with «tabel-node sync».")});
    return {};
}

Status cmdSync(Session& s) {
    TABEL_TRY(s.open());
    SyncClient client(s.store());
    Result<SyncReport> report = client.sync();
    if (!report) {
        if (const int code = exitFor(client.failure()); code >= 0)
            s.exitCode = code;
        if (client.failure() == SyncFailure::Unreachable) {
            const Result<StoreStatus> st = s.store().status();
            const std::int64_t pending = st ? st->pendingOps : 0;
            Error e = report.error();
            e.message += u'\n' + (pending > 0 ? tn("Nothing was lost: %n change(s) stay pending in this store and will "
                                                   "be sent by the next «tabel-node sync».",
                                                   int(pending))
                                              : t("Nothing was lost: this store has no changes waiting to be sent."));
            return e;
        }
        return report.error();
    }
    const SyncReport& r = *report;
    // R-S6: what the hub closed or reopened since; kept for the checks of later edits, and announced only when it
    // differs from what this node knew (not again at every sync).
    bool closedChanged = false;
    if (r.closedPeriods) {
        TABEL_ASSIGN_OR_RETURN(const QList<sync::ClosedPeriod> known, storedClosedPeriods(s.store()));
        closedChanged = known != *r.closedPeriods;
        TABEL_TRY(saveClosedPeriods(s.store(), *r.closedPeriods));
    }
    QStringList lines;
    lines << tn("sent: %n change set(s)", r.pushedChangeSets);
    if (r.conflictChangeSets)
        lines << tn("%n of them wait for the hub's operator (a conflict or a closed period)", r.conflictChangeSets);
    if (!r.amendmentRequests.isEmpty()) {
        lines << tn("%n change set(s) edit a closed period: the hub holds them as amendment requests for the "
                    "operator, who accepts or declines them:",
                    int(r.amendmentRequests.size()));
        for (const QString& why : r.amendmentRequests)
            lines << QStringLiteral("  ") + why;
    }
    if (!r.refusals.isEmpty()) {
        lines << tn("the hub refused %n change set(s); they stay in this store:", int(r.refusals.size()));
        for (const QString& why : r.refusals)
            lines << QStringLiteral("  ") + why;
    }
    if (r.pushStopped)
        lines << t("the rest stays pending until the hub accepts it; run «tabel-node sync» again later");
    lines << tn("received: %n change set(s) of other devices", r.pulledChangeSets);
    lines << tn("applied: %n change(s)", r.appliedOps);
    if (r.conflicts)
        lines << tn("conflicts: %n — two devices changed the same field; the later value is shown here, and the "
                    "hub's operator decides",
                    r.conflicts);
    for (const QString& decision : r.amendmentDecisions)
        lines << decision;
    if (!r.refusedPulls.isEmpty()) {
        lines << tn("%n change set(s) from the hub cannot be read as journal entries; they were set aside and "
                    "nothing of them was applied. Tell the hub's operator:",
                    int(r.refusedPulls.size()));
        for (const QString& why : r.refusedPulls)
            lines << QStringLiteral("  ") + why;
    }
    if (r.reportedPrints > 0)
        lines << tn("%n print(s) made on this computer entered in the school's register", r.reportedPrints);
    if (!r.printsNotReported.isEmpty())
        lines << t("the prints made on this computer are not yet in the school's register (%1); they go with the next "
                   "sync")
                     .arg(r.printsNotReported);
    if (closedChanged && r.closedPeriods->isEmpty())
        lines << t("no period is closed at the hub any more");
    if (closedChanged && !r.closedPeriods->isEmpty()) {
        QStringList closed;
        for (const sync::ClosedPeriod& p : *r.closedPeriods)
            closed << (p.classId.isEmpty() ? p.periodId : p.periodId + u' ' + p.classId) + QStringLiteral(" (") +
                          p.start.toString(QStringLiteral("dd.MM.yyyy")) + QStringLiteral(" – ") +
                          p.end.toString(QStringLiteral("dd.MM.yyyy")) + u')';
        lines << t("closed at the hub: %1; edits to them become amendment requests")
                     .arg(closed.join(QStringLiteral(", ")));
    }
    printOut(lines);
    return {};
}

} // namespace tabel::node::cli
