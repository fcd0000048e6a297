#include "node/sync/closed_periods.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <set>

namespace tabel::node {

namespace {

constexpr const char* kKey = "closed_periods";

QString formatDate(QDate d) {
    return d.toString(QStringLiteral("dd.MM.yyyy"));
}

} // namespace

Status saveClosedPeriods(NodeStore& store, const QList<sync::ClosedPeriod>& periods) {
    // JSON [[periodId, classId, start, end], …], as the wire carries them.
    QJsonArray list;
    for (const sync::ClosedPeriod& p : periods)
        list.append(QJsonArray{p.periodId, p.classId, p.start.toString(Qt::ISODate), p.end.toString(Qt::ISODate)});
    TABEL_ASSIGN_OR_RETURN(db::Statement st,
                           store.database().prepare("INSERT OR REPLACE INTO sync(key, value) VALUES(?, ?)"));
    st.bind(1, QString::fromLatin1(kKey))
        .bind(2, QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact)));
    return st.run();
}

Result<QList<sync::ClosedPeriod>> storedClosedPeriods(NodeStore& store) {
    TABEL_ASSIGN_OR_RETURN(db::Statement st, store.database().prepare("SELECT value FROM sync WHERE key = ?"));
    st.bind(1, QString::fromLatin1(kKey));
    TABEL_ASSIGN_OR_RETURN(const bool row, st.step());
    QList<sync::ClosedPeriod> out;
    if (!row)
        return out;
    for (const QJsonValue& v : QJsonDocument::fromJson(st.columnText(0).toUtf8()).array()) {
        const QJsonArray p = v.toArray();
        sync::ClosedPeriod period;
        period.periodId = p.at(0).toString();
        period.classId = p.at(1).toString();
        period.start = QDate::fromString(p.at(2).toString(), Qt::ISODate);
        period.end = QDate::fromString(p.at(3).toString(), Qt::ISODate);
        if (!period.periodId.isEmpty() && period.start.isValid() && period.end.isValid())
            out.append(period);
    }
    return out;
}

Result<std::int64_t> lastOwnSeq(NodeStore& store) {
    TABEL_ASSIGN_OR_RETURN(db::Statement st,
                           store.database().prepare("SELECT coalesce(max(seq), 0) FROM changesets WHERE device = ?"));
    st.bind(1, store.deviceNumber());
    TABEL_ASSIGN_OR_RETURN(const bool row, st.step());
    return row ? st.columnInt(0) : std::int64_t(0);
}

Result<QStringList> closedPeriodNotices(NodeStore& store, std::int64_t afterSeq) {
    TABEL_ASSIGN_OR_RETURN(const QList<sync::ClosedPeriod> closed, storedClosedPeriods(store));
    if (closed.isEmpty())
        return QStringList();
    TABEL_ASSIGN_OR_RETURN(const QList<sync::ChangeSet> sets, store.changeSets(afterSeq, 1000));
    if (sets.isEmpty())
        return QStringList();
    // The hub's own check (sync/scope.h), with what the node knows of its scopes: its assignments.
    sync::NodeScopes scopes;
    scopes.teacherId = store.teacherId();
    TABEL_ASSIGN_OR_RETURN(const QList<sync::EnrolledAssignment> assignments, store.assignments());
    for (const sync::EnrolledAssignment& a : assignments)
        scopes.assignments.append({store.teacherId(), a.classId, a.subjectId, a.groupId});
    scopes.closedPeriods = closed;
    std::set<QString> told;
    QStringList lines;
    for (const sync::ChangeSet& cs : sets) {
        if (cs.deviceNumber() != store.deviceNumber())
            continue;
        const sync::ScopeDecision d = sync::checkChangeSetScope(scopes, cs);
        if (d.verdict != sync::ScopeVerdict::AmendmentRequest || !told.insert(d.periodId).second)
            continue;
        QString span;
        for (const sync::ClosedPeriod& p : closed)
            if (p.periodId == d.periodId) {
                span = formatDate(p.start) + QStringLiteral(" – ") + formatDate(p.end);
                break;
            }
        lines << QCoreApplication::translate("tabel-node",
                                             "period %1 (%2) is closed at the hub: this change is kept here and the "
                                             "next «tabel-node sync» sends it to the operator as an amendment "
                                             "request, which the operator accepts or declines")
                     .arg(d.periodId, span);
    }
    return lines;
}

} // namespace tabel::node
