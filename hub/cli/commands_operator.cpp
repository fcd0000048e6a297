// tabel-hub import and conflicts: the operator's work on the hub's data (R-J1, R-S5). hub/README.md.
#include "hub/cli/commands_operator.h"

#include "hub/store/hub_store.h"
#include "shared/core/hlc.h"
#include "shared/domain/reference_import.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace tabel::hub::cli {

namespace {

qint64 now() {
    return QDateTime::currentMSecsSinceEpoch();
}

QString valueText(const domain::FieldValue& v) {
    if (domain::isNull(v))
        return t("(empty)");
    if (std::holds_alternative<std::int64_t>(v))
        return QString::number(std::get<std::int64_t>(v));
    return QStringLiteral("«") + std::get<QString>(v) + QStringLiteral("»");
}

QJsonValue valueJson(const domain::FieldValue& v) {
    if (domain::isNull(v))
        return QJsonValue(QJsonValue::Null);
    if (std::holds_alternative<std::int64_t>(v))
        return QJsonValue(qint64(std::get<std::int64_t>(v)));
    return QJsonValue(std::get<QString>(v));
}

QString timeText(const QDateTime& t) {
    return t.toLocalTime().toString(QStringLiteral("dd.MM.yyyy HH:mm:ss"));
}

QString deviceText(std::int64_t device) {
    return QString::number(quint64(device), 16);
}

QString whoText(const ConflictHead& h) {
    const QString teacher =
        h.teacherName.isEmpty() ? h.write.author : QStringLiteral("%1 (%2)").arg(h.write.author, h.teacherName);
    return h.nodeId.isEmpty() ? t("%1, device %2").arg(teacher, deviceText(h.write.version.device))
                              : t("%1, node %2, device %3").arg(teacher, h.nodeId, deviceText(h.write.version.device));
}

QJsonObject conflictJson(const ConflictInfo& c) {
    QJsonObject o;
    o.insert(QStringLiteral("id"), c.id);
    o.insert(QStringLiteral("entity"), c.field.entity);
    o.insert(QStringLiteral("field"), c.field.field);
    o.insert(QStringLiteral("what"), c.what);
    o.insert(QStringLiteral("class"), c.classId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(c.classId));
    QJsonObject base;
    base.insert(QStringLiteral("version"), c.base.toString());
    base.insert(QStringLiteral("known"), c.baseKnown);
    base.insert(QStringLiteral("value"), valueJson(c.baseValue));
    o.insert(QStringLiteral("base"), base);
    QJsonArray heads;
    for (const ConflictHead& h : c.heads) {
        QJsonObject x;
        x.insert(QStringLiteral("number"), h.number);
        x.insert(QStringLiteral("value"), valueJson(h.write.value));
        x.insert(QStringLiteral("author"), h.write.author);
        x.insert(QStringLiteral("teacher_name"), h.teacherName);
        x.insert(QStringLiteral("node"), h.nodeId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(h.nodeId));
        x.insert(QStringLiteral("device"), deviceText(h.write.version.device));
        x.insert(QStringLiteral("version"), h.write.version.toString());
        x.insert(QStringLiteral("time"), h.time().toUTC().toString(Qt::ISODateWithMs));
        heads.append(x);
    }
    o.insert(QStringLiteral("heads"), heads);
    return o;
}

} // namespace

Status cmdImport(const Invocation& inv) {
    const QString kindText = inv.positionals.at(0);
    const std::optional<domain::ReferenceKind> kind = domain::parseReferenceKind(kindText);
    if (!kind)
        return usage(t("«%1» is not a kind of reference data; use roster, timetable or calendar").arg(kindText));
    TABEL_ASSIGN_OR_RETURN(HubStore store, HubStore::open(inv.storeDir));
    TABEL_ASSIGN_OR_RETURN(const ImportOutcome outcome, store.importReference(*kind, inv.positionals.at(1), now()));
    if (outcome.commit.hubSeq == 0) {
        printOut(t("%1: %2 rows, nothing differs from what the hub holds; no change set written")
                     .arg(outcome.data.file)
                     .arg(outcome.data.rows));
        return {};
    }
    printOut(t("%1: %2 rows imported: %3 field writes in change set %4 of the hub's device %5 (hub sequence %6)")
                 .arg(outcome.data.file)
                 .arg(outcome.data.rows)
                 .arg(outcome.commit.ops)
                 .arg(outcome.commit.seq)
                 .arg(crypto::fingerprint(store.identity().publicKey))
                 .arg(outcome.commit.hubSeq));
    printOut(t("the nodes it concerns receive it at their next sync"));
    return {};
}

Status cmdConflictsList(const Invocation& inv) {
    const QString classId = inv.value(QStringLiteral("class")).trimmed();
    if (inv.values.contains(QStringLiteral("class")))
        if (auto ok = domain::validateId(classId, QStringLiteral("--class")); !ok)
            return usage(ok.error().message);
    TABEL_ASSIGN_OR_RETURN(HubStore store, HubStore::open(inv.storeDir));
    TABEL_ASSIGN_OR_RETURN(const QList<ConflictInfo> conflicts, store.conflicts(classId));
    if (inv.flags.contains(QStringLiteral("json"))) {
        QJsonArray a;
        for (const ConflictInfo& c : conflicts)
            a.append(conflictJson(c));
        printJson(QJsonDocument(a));
        return {};
    }
    if (conflicts.isEmpty()) {
        printOut(classId.isEmpty() ? t("no open conflicts") : t("no open conflicts in class %1").arg(classId));
        return {};
    }
    QList<QStringList> rows{{t("ID"), t("CLASS"), t("WHAT"), t("FIELD"), t("VALUES")}};
    for (const ConflictInfo& c : conflicts) {
        QStringList values;
        for (const ConflictHead& h : c.heads)
            values << QStringLiteral("%1. %2 (%3)").arg(h.number).arg(valueText(h.write.value), h.write.author);
        rows.append({c.id, c.classId.isEmpty() ? QStringLiteral("—") : c.classId, c.what, c.field.field,
                     values.join(QStringLiteral("; "))});
    }
    printTable(rows);
    printOut(tn("%n open conflicts; «tabel-hub conflicts show ID» shows one", int(conflicts.size())));
    return {};
}

Status cmdConflictsShow(const Invocation& inv) {
    TABEL_ASSIGN_OR_RETURN(HubStore store, HubStore::open(inv.storeDir));
    TABEL_ASSIGN_OR_RETURN(const ConflictInfo c, store.conflict(inv.positionals.at(0)));
    if (inv.flags.contains(QStringLiteral("json"))) {
        printJson(QJsonDocument(conflictJson(c)));
        return {};
    }
    printOut(t("conflict %1").arg(c.id));
    printOut(t("what: %1").arg(c.what));
    printOut(t("field: %1 %2").arg(c.field.entity, c.field.field));
    if (!c.classId.isEmpty())
        printOut(t("class: %1").arg(c.classId));
    if (c.base.isNull())
        printOut(t("base: none (the field did not exist for the authors)"));
    else if (!c.baseKnown)
        printOut(t("base: version %1 (its value has not reached the hub)").arg(c.base.toString()));
    else
        printOut(t("base: %1 (version %2)").arg(valueText(c.baseValue), c.base.toString()));
    printOut(t("values:"));
    for (const ConflictHead& h : c.heads)
        printOut(QStringLiteral("  %1. %2 — %3, %4")
                     .arg(h.number)
                     .arg(valueText(h.write.value), whoText(h), timeText(h.time())));
    printOut(t("resolve with «tabel-hub conflicts resolve %1 --keep N» or «--value VALUE»").arg(c.id));
    return {};
}

Status cmdConflictsResolve(const Invocation& inv) {
    const bool keep = inv.values.contains(QStringLiteral("keep"));
    const bool given = inv.values.contains(QStringLiteral("value"));
    if (keep == given)
        return usage(t("give exactly one of --keep N (keep value N of «conflicts show») and --value VALUE"));
    TABEL_ASSIGN_OR_RETURN(HubStore store, HubStore::open(inv.storeDir));
    TABEL_ASSIGN_OR_RETURN(const ConflictInfo c, store.conflict(inv.positionals.at(0)));
    domain::FieldValue value;
    if (keep) {
        bool ok = false;
        const int n = inv.value(QStringLiteral("keep")).toInt(&ok);
        if (!ok || n < 1 || n > c.heads.size())
            return usage(t("--keep: expected the number of a value from 1 to %1 («tabel-hub conflicts show %2»), "
                           "got «%3»")
                             .arg(c.heads.size())
                             .arg(c.id, inv.value(QStringLiteral("keep"))));
        value = c.heads.at(n - 1).write.value;
    } else {
        const QString text = inv.value(QStringLiteral("value"));
        // The field's type is that of the values in conflict: a number when they are numbers.
        const bool numeric = std::all_of(c.heads.begin(), c.heads.end(), [](const ConflictHead& h) {
            return !std::holds_alternative<QString>(h.write.value);
        });
        if (numeric) {
            bool ok = false;
            const qlonglong n = text.trimmed().toLongLong(&ok);
            if (!ok)
                return usage(t("--value: the field %1 holds whole numbers, got «%2»").arg(c.field.field, text));
            value = std::int64_t(n);
        } else {
            value = text;
        }
    }
    TABEL_ASSIGN_OR_RETURN(const OperatorCommit commit, store.resolveConflict(c.id, value, now()));
    printOut(t("conflict %1 resolved: %2 %3 = %4").arg(c.id, c.field.entity, c.field.field, valueText(value)));
    printOut(tn("change set %1 of the hub's device supersedes %n values (hub sequence %2); every node in scope "
                "receives it at its next sync",
                int(c.heads.size()))
                 .arg(commit.seq)
                 .arg(commit.hubSeq));
    return {};
}

} // namespace tabel::hub::cli
