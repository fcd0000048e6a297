#include "hub/cli/commands_summary.h"

#include "hub/store/hub_store.h"
#include "hub/summary/summary.h"
#include "shared/domain/model.h"

#include <QDateTime>

#include <cstdio>

namespace tabel::hub::cli {

Result<SummaryOptions> summaryOptions(const Invocation& inv) {
    SummaryOptions o{inv.value(QStringLiteral("class")).trimmed(), inv.value(QStringLiteral("period")).trimmed()};
    if (auto ok = domain::validateId(o.classId, QStringLiteral("--class")); !ok)
        return usage(ok.error().message);
    if (inv.values.contains(QStringLiteral("period")))
        if (auto ok = domain::validateId(o.periodId, QStringLiteral("--period")); !ok)
            return usage(ok.error().message);
    return o;
}

Status cmdSummary(const Invocation& inv) {
    TABEL_ASSIGN_OR_RETURN(const SummaryOptions options, summaryOptions(inv));
    const QString& classId = options.classId;
    const QString& periodId = options.periodId;
    const bool csv = inv.flags.contains(QStringLiteral("csv"));
    const bool json = inv.flags.contains(QStringLiteral("json"));
    if (csv && json)
        return usage(t("--csv and --json exclude each other; give one"));
    TABEL_ASSIGN_OR_RETURN(HubStore store, HubStore::open(inv.storeDir));
    TABEL_ASSIGN_OR_RETURN(const sync::RegisterView* state, store.currentState());
    TABEL_ASSIGN_OR_RETURN(const QList<NodeRecord> nodes, store.nodes());
    TABEL_ASSIGN_OR_RETURN(const SummarySheet sheet,
                           buildSummary(*state, nodes, classId, periodId, QDateTime::currentDateTimeUtc()));
    // Reading pupils' marks is reading personal data: logged before anything is shown (5.5).
    TABEL_TRY(
        store.audit(QStringLiteral("summary"), QStringLiteral("class=%1 period=%2 format=%3 pupils=%4")
                                                   .arg(classId, periodId.isEmpty() ? QStringLiteral("*") : periodId,
                                                        csv    ? QStringLiteral("csv")
                                                        : json ? QStringLiteral("json")
                                                               : QStringLiteral("table"))
                                                   .arg(sheet.rows.size())));
    const QByteArray bytes = csv    ? summaryCsv(sheet).toUtf8()
                             : json ? summaryJson(sheet)
                                    : summaryTable(sheet).toUtf8();
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stdout);
    std::fflush(stdout);
    return {};
}

} // namespace tabel::hub::cli
