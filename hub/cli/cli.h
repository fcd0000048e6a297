// What the command files of tabel-hub share: the parsed invocation, output, and usage errors. The command table
// itself is in main.cpp; each group of commands lives in its own file (commands_operator.cpp, …).
#pragma once

#include "shared/core/result.h"

#include <QDate>
#include <QHash>
#include <QJsonDocument>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace tabel::hub {
class HubStore;
}

namespace tabel::hub::cli {

// Translated text of the "tabel-hub" context.
QString t(const char* s);
// Like t(), with a plural form chosen by n ("%n nodes").
QString tn(const char* s, int n);

void printOut(const QString& line);
void printErr(const QString& line);
// An InvalidArgument error: exit code 2, with a hint to the command's --help.
Error usage(const QString& message);

// Rows as left-aligned columns two spaces apart, the first row being the header (widths in characters, so
// Cyrillic aligns). Does nothing for no rows.
void printTable(const QList<QStringList>& rows);
// Indented JSON on stdout.
void printJson(const QJsonDocument& doc);

struct Invocation;
// --NAME as a date (yyyy-MM-dd), or a usage error naming the option and what was given.
Result<QDate> dateOption(const Invocation& inv, const QString& name);
// The dates of a period from the hub's merged calendar (period/<year>/<id>; year may be empty), or why they are
// not known: NotFound without such a period, a usage error when several school years have it.
Result<std::pair<QDate, QDate>> calendarDates(HubStore& store, const QString& periodId, const QString& year);

struct Invocation {
    QString storeDir;
    QHash<QString, QStringList> values;
    QSet<QString> flags;
    QStringList positionals;
    QString value(const QString& name) const { return values.value(name).value(0); }
    bool has(const QString& name) const { return values.contains(name) || flags.contains(name); }
};

} // namespace tabel::hub::cli
