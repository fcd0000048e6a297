#include "hub/cli/cli.h"

#include "hub/store/hub_store.h"
#include "shared/domain/model.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstdio>

namespace tabel::hub::cli {

QString t(const char* s) {
    return QCoreApplication::translate("tabel-hub", s);
}

QString tn(const char* s, int n) {
    return QCoreApplication::translate("tabel-hub", s, nullptr, n);
}

namespace {
void writeTo(std::FILE* stream, const QString& line) {
    QByteArray bytes = line.toUtf8();
    bytes.append('\n');
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stream);
    std::fflush(stream);
}
} // namespace

void printOut(const QString& line) {
    writeTo(stdout, line);
}

void printErr(const QString& line) {
    std::fflush(stdout);
    writeTo(stderr, line);
}

Error usage(const QString& message) {
    return makeError(ErrorCode::InvalidArgument, message);
}

void printTable(const QList<QStringList>& rows) {
    if (rows.isEmpty())
        return;
    QList<int> widths(rows.first().size(), 0);
    for (const QStringList& r : rows)
        for (int c = 0; c < r.size() && c < widths.size(); ++c)
            widths[c] = std::max(widths[c], int(r[c].size()));
    for (const QStringList& r : rows) {
        QStringList cells;
        for (int c = 0; c < r.size(); ++c)
            cells << (c + 1 < r.size() && c < widths.size() ? r[c].leftJustified(widths[c]) : r[c]);
        printOut(cells.join(QStringLiteral("  ")));
    }
}

void printJson(const QJsonDocument& doc) {
    const QByteArray bytes = doc.toJson(QJsonDocument::Indented);
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

Result<QDate> dateOption(const Invocation& inv, const QString& name) {
    const QString text = inv.value(name).trimmed();
    const QDate d = QDate::fromString(text, Qt::ISODate);
    if (!d.isValid())
        return usage(t("--%1: expected a date such as 2026-10-24, got «%2»").arg(name, text));
    return d;
}

// The dates of a period from the merged calendar (period/<year>/<id>), or why they are not known.
Result<std::pair<QDate, QDate>> calendarDates(HubStore& store, const QString& periodId, const QString& year) {
    TABEL_ASSIGN_OR_RETURN(const sync::RegisterView* state, store.currentState());
    QList<domain::Period> found;
    for (const auto& [key, fields] : state->entitiesUnder(QStringLiteral("period/"))) {
        Result<domain::Period> p = domain::Period::fromFields(key, fields);
        if (p && p->id == periodId && (year.isEmpty() || p->yearId == year))
            found.append(*p);
    }
    if (found.isEmpty())
        return makeError(ErrorCode::NotFound,
                         year.isEmpty() ? t("the hub's calendar has no period «%1»; import the calendar («tabel-hub "
                                            "import calendar FILE») or give its dates with --from and --to")
                                              .arg(periodId)
                                        : t("the hub's calendar has no period «%1» in school year «%2»; give its "
                                            "dates with --from and --to")
                                              .arg(periodId, year));
    if (found.size() > 1) {
        QStringList years;
        for (const domain::Period& p : found)
            years << p.yearId;
        return usage(t("period «%1» is in several school years (%2); say which with --year")
                         .arg(periodId, years.join(QStringLiteral(", "))));
    }
    return std::pair(found.first().start, found.first().end);
}

} // namespace tabel::hub::cli
