#include "hub/cli/commands_periods.h"

#include "sync/describe.h"

#include "hub/store/hub_store.h"
#include "shared/crypto/signing.h"
#include "shared/domain/model.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>

namespace tabel::hub::cli {

namespace {

qint64 now() {
    return QDateTime::currentMSecsSinceEpoch();
}

QString formatTime(const QDateTime& t) {
    return t.toLocalTime().toString(QStringLiteral("dd.MM.yyyy HH:mm"));
}

Result<QString> classOption(const Invocation& inv) {
    if (!inv.values.contains(QStringLiteral("class")))
        return QString();
    const QString c = inv.value(QStringLiteral("class")).trimmed();
    if (auto ok = domain::validateId(c, QStringLiteral("--class")); !ok)
        return usage(ok.error().message);
    return c;
}

Result<QString> periodArgument(const Invocation& inv) {
    const QString p = inv.positionals.at(0).trimmed();
    if (auto ok = domain::validateId(p, QStringLiteral("PERIOD-ID")); !ok)
        return usage(ok.error().message);
    return p;
}

// "отметка: Алексеев Артём (7a-01), Математика, 7А, урок 01.09.2026 № 2 — отметка = 5; …": what an operator
// decides on, in words (issue 9 item 7).
QString opsText(const Amendment& x) {
    QStringList parts;
    for (const sync::Op& op : x.ops) {
        if (parts.size() == 3) {
            parts << t("… %1 more").arg(x.ops.size() - 3);
            break;
        }
        const auto what = x.what.find(op.entity);
        parts << (what == x.what.end() ? op.entity : what->second) + QStringLiteral(" — ") + sync::fieldText(op.field) +
                     QStringLiteral(" = ") + domain::debugString(op.value);
    }
    return parts.join(QStringLiteral("; "));
}

QString stateLabel(AmendmentState s) {
    switch (s) {
    case AmendmentState::Accepted:
        return t("accepted");
    case AmendmentState::Declined:
        return t("declined");
    case AmendmentState::Held:
        break;
    }
    return t("waiting");
}

Result<std::int64_t> amendmentId(const Invocation& inv) {
    bool ok = false;
    const std::int64_t id = inv.positionals.at(0).trimmed().toLongLong(&ok);
    if (!ok || id <= 0)
        return usage(
            t("ID: expected the number «tabel-hub amendments list» shows, got «%1»").arg(inv.positionals.at(0)));
    return id;
}

// The teacher's name for each device, for listings.
Result<QHash<QByteArray, NodeRecord>> nodesByDevice(HubStore& store) {
    TABEL_ASSIGN_OR_RETURN(const QList<NodeRecord> nodes, store.nodes());
    QHash<QByteArray, NodeRecord> out;
    for (const NodeRecord& n : nodes)
        if (!n.deviceKey.isEmpty())
            out.insert(n.deviceKey, n);
    return out;
}

} // namespace

Status cmdPeriodClose(const Invocation& inv) {
    TABEL_ASSIGN_OR_RETURN(const QString periodId, periodArgument(inv));
    TABEL_ASSIGN_OR_RETURN(const QString classId, classOption(inv));
    const bool hasFrom = inv.values.contains(QStringLiteral("from"));
    const bool hasTo = inv.values.contains(QStringLiteral("to"));
    if (hasFrom != hasTo)
        return usage(t("--from and --to go together: give both dates, or neither to take them from the calendar"));
    if (hasFrom && inv.values.contains(QStringLiteral("year")))
        return usage(t("--year chooses a period of the calendar; with --from and --to it has no use"));
    TABEL_ASSIGN_OR_RETURN(HubStore store, HubStore::open(inv.storeDir));
    sync::ClosedPeriod period;
    period.periodId = periodId;
    period.classId = classId;
    if (hasFrom) {
        TABEL_ASSIGN_OR_RETURN(period.start, dateOption(inv, QStringLiteral("from")));
        TABEL_ASSIGN_OR_RETURN(period.end, dateOption(inv, QStringLiteral("to")));
    } else {
        TABEL_ASSIGN_OR_RETURN(const auto dates,
                               calendarDates(store, periodId, inv.value(QStringLiteral("year")).trimmed()));
        period.start = dates.first;
        period.end = dates.second;
    }
    TABEL_TRY(store.closePeriod(period, now()));
    const QString span = period.start.toString(QStringLiteral("dd.MM.yyyy")) + QStringLiteral(" – ") +
                         period.end.toString(QStringLiteral("dd.MM.yyyy"));
    printOut(classId.isEmpty() ? t("period %1 (%2) is closed for every class").arg(periodId, span)
                               : t("period %1 (%2) is closed for class %3").arg(periodId, span, classId));
    printOut(t("edits to it now become amendment requests («tabel-hub amendments list»); nodes learn of the closing "
               "at their next sync"));
    return {};
}

Status cmdPeriodReopen(const Invocation& inv) {
    TABEL_ASSIGN_OR_RETURN(const QString periodId, periodArgument(inv));
    TABEL_ASSIGN_OR_RETURN(const QString classId, classOption(inv));
    TABEL_ASSIGN_OR_RETURN(HubStore store, HubStore::open(inv.storeDir));
    TABEL_TRY(store.reopenPeriod(periodId, classId));
    printOut(classId.isEmpty() ? t("period %1 is open again for every class").arg(periodId)
                               : t("period %1 is open again for class %2").arg(periodId, classId));
    printOut(t("edits to it merge again; requests held while it was closed stay in «tabel-hub amendments list»"));
    return {};
}

Status cmdPeriodList(const Invocation& inv) {
    TABEL_ASSIGN_OR_RETURN(HubStore store, HubStore::open(inv.storeDir));
    TABEL_ASSIGN_OR_RETURN(const QList<sync::ClosedPeriod> periods, store.closedPeriods());
    if (inv.flags.contains(QStringLiteral("json"))) {
        QJsonArray a;
        for (const sync::ClosedPeriod& p : periods)
            a.append(QJsonObject{{QStringLiteral("period"), p.periodId},
                                 {QStringLiteral("class"), p.classId.isEmpty() ? QJsonValue() : QJsonValue(p.classId)},
                                 {QStringLiteral("from"), p.start.toString(Qt::ISODate)},
                                 {QStringLiteral("to"), p.end.toString(Qt::ISODate)}});
        printJson(QJsonDocument(a));
        return {};
    }
    if (periods.isEmpty()) {
        printOut(t("no period is closed; close one with «tabel-hub period close PERIOD-ID»"));
        return {};
    }
    QList<QStringList> rows{{t("PERIOD"), t("CLASS"), t("FROM"), t("TO")}};
    for (const sync::ClosedPeriod& p : periods)
        rows.append({p.periodId, p.classId.isEmpty() ? t("every class") : p.classId,
                     p.start.toString(QStringLiteral("dd.MM.yyyy")), p.end.toString(QStringLiteral("dd.MM.yyyy"))});
    printTable(rows);
    return {};
}

Status cmdAmendmentsList(const Invocation& inv) {
    TABEL_ASSIGN_OR_RETURN(HubStore store, HubStore::open(inv.storeDir));
    TABEL_ASSIGN_OR_RETURN(const QList<Amendment> list, store.amendments(inv.flags.contains(QStringLiteral("all"))));
    TABEL_ASSIGN_OR_RETURN(const auto nodes, nodesByDevice(store));
    if (inv.flags.contains(QStringLiteral("json"))) {
        QJsonArray a;
        for (const Amendment& x : list) {
            QJsonArray ops;
            for (const sync::Op& op : x.ops)
                ops.append(QJsonObject{{QStringLiteral("entity"), op.entity},
                                       {QStringLiteral("field"), op.field},
                                       {QStringLiteral("value"), domain::isNull(op.value) ? QJsonValue()
                                                                 : std::holds_alternative<std::int64_t>(op.value)
                                                                     ? QJsonValue(qint64(domain::intOf(op.value)))
                                                                     : QJsonValue(domain::textOf(op.value))}});
            const NodeRecord node = nodes.value(x.device);
            a.append(
                QJsonObject{{QStringLiteral("id"), qint64(x.id)},
                            {QStringLiteral("state"), amendmentStateName(x.state)},
                            {QStringLiteral("teacher"), x.author},
                            {QStringLiteral("node"), node.nodeId.isEmpty() ? QJsonValue() : QJsonValue(node.nodeId)},
                            {QStringLiteral("device"), crypto::fingerprint(x.device)},
                            {QStringLiteral("seq"), qint64(x.seq)},
                            {QStringLiteral("requested"), x.requested.toUTC().toString(Qt::ISODateWithMs)},
                            {QStringLiteral("decided"),
                             x.decided ? QJsonValue(x.decided->toUTC().toString(Qt::ISODateWithMs)) : QJsonValue()},
                            {QStringLiteral("held_reason"), x.heldReason},
                            {QStringLiteral("decline_reason"),
                             x.state == AmendmentState::Declined ? QJsonValue(x.declineReason) : QJsonValue()},
                            {QStringLiteral("ops"), ops}});
        }
        printJson(QJsonDocument(a));
        return {};
    }
    if (list.isEmpty()) {
        printOut(t("no amendment request waits for a decision"));
        return {};
    }
    QList<QStringList> rows{{t("ID"), t("STATE"), t("TEACHER"), t("NODE"), t("RECEIVED"), t("CHANGES"), t("WHY")}};
    for (const Amendment& x : list) {
        const NodeRecord node = nodes.value(x.device);
        rows.append({QString::number(x.id), stateLabel(x.state),
                     node.teacherName.isEmpty() ? x.author : x.author + QStringLiteral(" (") + node.teacherName + u')',
                     node.nodeId.isEmpty() ? crypto::fingerprint(x.device) : node.nodeId, formatTime(x.requested),
                     opsText(x), x.state == AmendmentState::Declined ? x.declineReason : x.heldReason});
    }
    printTable(rows);
    return {};
}

Status cmdAmendmentsAccept(const Invocation& inv) {
    TABEL_ASSIGN_OR_RETURN(const std::int64_t id, amendmentId(inv));
    TABEL_ASSIGN_OR_RETURN(HubStore store, HubStore::open(inv.storeDir));
    TABEL_ASSIGN_OR_RETURN(const sync::ChangeSetResult merged, store.acceptAmendment(id, now()));
    printOut(t("amendment request %1 is accepted and merged; the nodes receive it at their next sync").arg(id));
    if (merged.hasConflict())
        printOut(t("some field it writes is now in conflict with a later change: «tabel-hub conflicts list» shows "
                   "it"));
    return {};
}

Status cmdAmendmentsDecline(const Invocation& inv) {
    TABEL_ASSIGN_OR_RETURN(const std::int64_t id, amendmentId(inv));
    const QString reason = inv.value(QStringLiteral("reason")).trimmed();
    if (reason.isEmpty())
        return usage(t("--reason must not be empty: the teacher is told why"));
    TABEL_ASSIGN_OR_RETURN(HubStore store, HubStore::open(inv.storeDir));
    TABEL_TRY(store.declineAmendment(id, reason, now()));
    printOut(t("amendment request %1 is declined; it stays in the log, refused, and its teacher's node is told at "
               "the next sync")
                 .arg(id));
    return {};
}

} // namespace tabel::hub::cli
