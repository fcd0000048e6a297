#include "hub/cli/commands_substitutions.h"

#include "hub/store/hub_store.h"
#include "shared/domain/model.h"
#include "shared/domain/rules.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <tuple>

namespace tabel::hub::cli {

namespace {

Result<QString> idOption(const Invocation& inv, const QString& name) {
    const QString id = inv.value(name).trimmed();
    if (auto ok = domain::validateId(id, QStringLiteral("--") + name); !ok)
        return usage(ok.error().message);
    return id;
}

// The merged fields of every entity whose key starts with `prefix`, in key order.
QList<std::pair<QString, domain::Fields>> entitiesWithPrefix(const sync::RegisterView& state, const QString& prefix) {
    QList<std::pair<QString, domain::Fields>> out;
    for (auto& [key, fields] : state.entitiesUnder(prefix))
        out.append({key, std::move(fields)});
    return out;
}

bool hasEntity(const sync::RegisterView& state, const QString& key) {
    bool found = false;
    // The entity itself sorts before every longer key it is a prefix of: the first register tells.
    state.forEach(key, [&](const sync::FieldId& id, const sync::FieldRegister&) {
        found = id.entity == key;
        return false;
    });
    return found;
}

QString teacherName(const sync::RegisterView& state, const QString& teacherId) {
    const sync::FieldRegister* r =
        state.find(sync::FieldId{QStringLiteral("teacher/") + teacherId, QStringLiteral("name")});
    const QString name = r ? domain::textOf(r->visibleValue()) : QString();
    return name.isEmpty() ? teacherId : QStringLiteral("%1 (%2)").arg(name, teacherId);
}

} // namespace

Status cmdSubstitutionAdd(const Invocation& inv) {
    domain::Substitution s;
    TABEL_ASSIGN_OR_RETURN(s.date, dateOption(inv, QStringLiteral("date")));
    bool slotOk = false;
    s.slot = inv.value(QStringLiteral("slot")).trimmed().toInt(&slotOk);
    if (!slotOk || s.slot < 1)
        return usage(t("--slot: expected the lesson's number in the day (1, 2, …), got «%1»")
                         .arg(inv.value(QStringLiteral("slot"))));
    TABEL_ASSIGN_OR_RETURN(s.classId, idOption(inv, QStringLiteral("class")));
    TABEL_ASSIGN_OR_RETURN(s.subjectId, idOption(inv, QStringLiteral("subject")));
    if (inv.values.contains(QStringLiteral("group"))) {
        TABEL_ASSIGN_OR_RETURN(s.groupId, idOption(inv, QStringLiteral("group")));
    } else {
        s.groupId = QStringLiteral("all");
    }
    TABEL_ASSIGN_OR_RETURN(s.absentTeacherId, idOption(inv, QStringLiteral("absent")));
    TABEL_ASSIGN_OR_RETURN(s.substituteId, idOption(inv, QStringLiteral("substitute")));
    s.reason = inv.value(QStringLiteral("reason")).trimmed();
    TABEL_TRY(domain::rules::checkSubstitution(s));

    TABEL_ASSIGN_OR_RETURN(HubStore store, HubStore::open(inv.storeDir));
    TABEL_ASSIGN_OR_RETURN(const sync::RegisterView* state, store.currentState());
    for (const QString& teacher : {s.absentTeacherId, s.substituteId})
        if (!hasEntity(*state, QStringLiteral("teacher/") + teacher))
            return makeError(ErrorCode::NotFound,
                             t("the hub knows no teacher «%1»; check the id («tabel-hub node list» shows the "
                               "teachers' ids) or import the timetable that names the teacher first")
                                 .arg(teacher));
    TABEL_ASSIGN_OR_RETURN(const OperatorCommit commit,
                           store.writeEntities({domain::ReferenceEntity{s.entityKey(), s.toFields()}},
                                               QDateTime::currentMSecsSinceEpoch()));
    const QString lesson = t("%1, lesson %2, class %3, %4 (group %5)")
                               .arg(s.date.toString(QStringLiteral("dd.MM.yyyy")))
                               .arg(s.slot)
                               .arg(s.classId, s.subjectId, s.groupId);
    if (commit.hubSeq == 0) {
        printOut(t("this substitution is already recorded: %1").arg(lesson));
        return {};
    }
    printOut(t("substitution recorded: %1; %2 stands in for %3")
                 .arg(lesson, teacherName(*state, s.substituteId), teacherName(*state, s.absentTeacherId)));
    printOut(t("the substitute's node may write this lesson and receives it at its next sync"));
    return {};
}

Status cmdSubstitutionList(const Invocation& inv) {
    QDate from, to;
    if (inv.values.contains(QStringLiteral("from"))) {
        TABEL_ASSIGN_OR_RETURN(from, dateOption(inv, QStringLiteral("from")));
    }
    if (inv.values.contains(QStringLiteral("to"))) {
        TABEL_ASSIGN_OR_RETURN(to, dateOption(inv, QStringLiteral("to")));
    }
    const QString classId = inv.value(QStringLiteral("class")).trimmed();
    TABEL_ASSIGN_OR_RETURN(HubStore store, HubStore::open(inv.storeDir));
    TABEL_ASSIGN_OR_RETURN(const sync::RegisterView* state, store.currentState());
    QList<domain::Substitution> list;
    for (const auto& [key, fields] : entitiesWithPrefix(*state, QStringLiteral("subst/"))) {
        Result<domain::Substitution> s = domain::Substitution::fromFields(key, fields);
        if (!s)
            continue; // withdrawn: no longer a whole substitution
        if ((from.isValid() && s->date < from) || (to.isValid() && s->date > to) ||
            (!classId.isEmpty() && s->classId != classId))
            continue;
        list.append(*s);
    }
    std::stable_sort(list.begin(), list.end(), [](const domain::Substitution& a, const domain::Substitution& b) {
        return std::tie(a.date, a.slot, a.classId) < std::tie(b.date, b.slot, b.classId);
    });
    if (inv.has(QStringLiteral("json"))) {
        QJsonArray rows;
        for (const domain::Substitution& s : list)
            rows.append(QJsonObject{{QStringLiteral("date"), s.date.toString(Qt::ISODate)},
                                    {QStringLiteral("slot"), s.slot},
                                    {QStringLiteral("class"), s.classId},
                                    {QStringLiteral("group"), s.groupId},
                                    {QStringLiteral("subject"), s.subjectId},
                                    {QStringLiteral("absent"), s.absentTeacherId},
                                    {QStringLiteral("substitute"), s.substituteId},
                                    {QStringLiteral("reason"), s.reason}});
        printJson(QJsonDocument(rows));
        return {};
    }
    if (list.isEmpty()) {
        printOut(t("no substitutions recorded for these dates"));
        return {};
    }
    QList<QStringList> rows{
        {t("date"), t("lesson"), t("class"), t("group"), t("subject"), t("absent"), t("substitute"), t("reason")}};
    for (const domain::Substitution& s : list)
        rows.append({s.date.toString(QStringLiteral("dd.MM.yyyy")), QString::number(s.slot), s.classId, s.groupId,
                     s.subjectId, teacherName(*state, s.absentTeacherId), teacherName(*state, s.substituteId),
                     s.reason});
    printTable(rows);
    return {};
}

} // namespace tabel::hub::cli
