#include "hub/cli/commands_school.h"

#include "hub/store/hub_store.h"
#include "shared/domain/average.h"
#include "shared/domain/model.h"

#include <QDateTime>
#include <QJsonObject>

namespace tabel::hub::cli {

namespace {

constexpr int kMaxText = 500; // a charter's name is long, but not a page

Result<domain::SchoolProfile> currentProfile(HubStore& store) {
    TABEL_ASSIGN_OR_RETURN(const sync::RegisterView* state, store.currentState());
    return domain::SchoolProfile::fromStored(state->fieldsOf(domain::SchoolProfile::key()));
}

} // namespace

Status cmdSchoolSet(const Invocation& inv) {
    struct Field {
        const char* option;
        QString domain::SchoolProfile::*member;
    };
    const Field fields[] = {{"name", &domain::SchoolProfile::name},
                            {"address", &domain::SchoolProfile::address},
                            {"director", &domain::SchoolProfile::director},
                            {"deputy", &domain::SchoolProfile::deputyDirector},
                            {"secretary", &domain::SchoolProfile::secretary}};
    bool anyGiven = false;
    for (const Field& f : fields) {
        const QString option = QString::fromLatin1(f.option);
        if (!inv.values.contains(option))
            continue;
        anyGiven = true;
        const QString value = inv.value(option).simplified();
        if (value.size() > kMaxText)
            return usage(
                t("--%1 is %2 characters long; at most %3 are kept").arg(option).arg(value.size()).arg(kMaxText));
    }
    std::optional<domain::AverageRule> average;
    if (inv.values.contains(QStringLiteral("average"))) {
        anyGiven = true;
        Result<domain::AverageRule> rule = domain::parseAverageRule(inv.value(QStringLiteral("average")));
        if (!rule)
            return usage(t("--average: %1").arg(rule.error().message));
        average = *rule;
    }
    if (!anyGiven)
        return usage(t("give at least one of --name, --address, --director, --deputy, --secretary, --average"));

    TABEL_ASSIGN_OR_RETURN(HubStore store, HubStore::open(inv.storeDir));
    TABEL_ASSIGN_OR_RETURN(domain::SchoolProfile profile, currentProfile(store));
    for (const Field& f : fields)
        if (inv.values.contains(QString::fromLatin1(f.option)))
            profile.*f.member = inv.value(QString::fromLatin1(f.option)).simplified();
    if (average)
        profile.average = *average;
    if (profile.name.isEmpty())
        return usage(t("the school has no name yet; give it with --name as the charter writes it"));
    TABEL_ASSIGN_OR_RETURN(const OperatorCommit commit,
                           store.writeEntities({domain::ReferenceEntity{profile.entityKey(), profile.toFields()}},
                                               QDateTime::currentMSecsSinceEpoch()));
    printOut(commit.hubSeq == 0 ? t("the school's profile is already so; nothing changed")
                                : t("the school's profile is saved; the teachers' computers receive it at their next "
                                    "sync and every printed form shows it"));
    return {};
}

Status cmdSchoolShow(const Invocation& inv) {
    TABEL_ASSIGN_OR_RETURN(HubStore store, HubStore::open(inv.storeDir));
    TABEL_ASSIGN_OR_RETURN(const domain::SchoolProfile p, currentProfile(store));
    if (inv.flags.contains(QStringLiteral("json"))) {
        printJson(QJsonDocument(QJsonObject{{QStringLiteral("name"), p.name},
                                            {QStringLiteral("address"), p.address},
                                            {QStringLiteral("director"), p.director},
                                            {QStringLiteral("deputy"), p.deputyDirector},
                                            {QStringLiteral("secretary"), p.secretary},
                                            {QStringLiteral("average"), domain::toString(p.average)}}));
        return {};
    }
    if (p.name.isEmpty()) {
        printOut(t("the school's profile is not set; set it with «tabel-hub school set --name …»"));
        return {};
    }
    printTable({{t("field"), t("value")},
                {t("name"), p.name},
                {t("address"), p.address},
                {t("director"), p.director},
                {t("deputy director"), p.deputyDirector},
                {t("secretary"), p.secretary},
                {t("average"), domain::describe(p.average)}});
    return {};
}

} // namespace tabel::hub::cli
