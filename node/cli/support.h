// What every command of tabel-node shares: output, checking argument values, opening the store, reporting
// an error with its exit code.
#pragma once

#include "node/cli/args.h"
#include "node/cli/exit_codes.h"
#include "node/cli/passphrase.h"
#include "node/core/journal.h"
#include "node/store/node_store.h"
#include "shared/core/result.h"
#include "shared/domain/model.h"

#include <QDate>
#include <QDateTime>
#include <QJsonDocument>
#include <QString>
#include <QStringList>

#include <optional>

namespace tabel::node::cli {

// ---- Output: UTF-8 lines on stdout (results) and stderr (errors). ----
void printOut(const QString& line);
void printOut(const QStringList& lines);
void printJson(const QJsonDocument& doc);
void printErr(const QString& line);

// ---- Argument values. Every error is InvalidArgument and names the option and the expected form. ----
Error usageError(const QString& message);
[[nodiscard]] Result<QDate> parseDate(const QString& text, const QString& what);
[[nodiscard]] Result<QDateTime> parseDateTime(const QString& text, const QString& what);
[[nodiscard]] Result<int> parseInt(const QString& text, const QString& what, int min, int max);
[[nodiscard]] Result<domain::LessonKey> parseLessonKey(const QString& text, const QString& what);
[[nodiscard]] Result<domain::MarkValue> parseMark(const QString& text, const QString& what);
[[nodiscard]] Result<QString> parseId(const QString& text, const QString& what);
// A key as printed by `task list` / `submission list`, with or without its type prefix ("task/").
[[nodiscard]] Result<QString> parseEntityKey(const QString& text, const QString& what, const QString& type,
                                             int segments, const QString& form);
// A file the user hands in: it must exist and be readable.
[[nodiscard]] Status checkInputFile(const QString& path, const QString& what);

// Option helpers over an invocation: "--name: message".
[[nodiscard]] Result<QString> requiredText(const Invocation& inv, const QString& name);
[[nodiscard]] Result<QString> idOption(const Invocation& inv, const QString& name, const QString& fallback = {});
[[nodiscard]] Result<QDate> dateOption(const Invocation& inv, const QString& name, QDate fallback);
[[nodiscard]] Result<std::optional<QDate>> optionalDate(const Invocation& inv, const QString& name);
[[nodiscard]] Result<int> intOption(const Invocation& inv, const QString& name, int fallback, int min, int max);
[[nodiscard]] Result<std::optional<int>> optionalInt(const Invocation& inv, const QString& name, int min, int max);
[[nodiscard]] Result<domain::LessonKey> lessonOption(const Invocation& inv,
                                                     const QString& name = QStringLiteral("lesson"));
[[nodiscard]] Result<domain::MarkValue> markOption(const Invocation& inv,
                                                   const QString& name = QStringLiteral("value"));

// The first day of the school year that holds `day` (1 September).
QDate schoolYearStart(QDate day);

// ---- Formatting ----
QString formatDate(QDate d);                   // 01.09.2026
QString formatShortDate(QDate d);              // 01.09
QString formatDateTime(const QDateTime& t);    // 01.09.2026 14:05 (local time)
QString shortName(const domain::Pupil& p);     // Иванов И. П.
QString absenceLabel(domain::AbsenceReason r); // Н, Н(Б), Н(УП)

// ---- A command's session with the store ----
class Session {
public:
    explicit Session(Invocation& inv) : m_inv(inv) {}
    Invocation& inv() { return m_inv; }
    const QString& storeDir() const { return m_inv.globals.storeDir; }

    // Asks for the passphrase (file, environment, terminal) and opens the store. NotFound when there is none.
    [[nodiscard]] Status open();
    NodeStore& store() { return *m_store; }
    bool isOpen() const { return m_store.has_value(); }
    // The seq of this device's last change set when the store was opened (-1: unknown), so that the changes a
    // command recorded can be checked against the closed periods (closed_periods.h).
    std::int64_t seqAtOpen() const { return m_seqAtOpen; }
    Journal& journal() { return *m_journal; }

    // Errors of the next calls concern the file the user handed in (exit 5 for I/O errors).
    ErrorSource source = ErrorSource::Store;
    // An exit code that replaces the one of the error's code (sync: the hub unreachable or refusing).
    std::optional<int> exitCode;

private:
    Invocation& m_inv;
    std::optional<NodeStore> m_store;
    std::optional<Journal> m_journal;
    std::int64_t m_seqAtOpen = -1;
};

// Prints the error (and a hint where one helps) and returns its exit code.
// Prints the error and a hint that fits the exit code, and returns that code: `exitOverride` when the command
// chose one (a hub that cannot be reached, or refused), otherwise the one the error's kind maps to.
int reportError(const Invocation& inv, const Error& error, ErrorSource source = ErrorSource::Store,
                std::optional<int> exitOverride = std::nullopt);

// The passphrase sources of the store (--passphrase-file, TABEL_PASSPHRASE, the terminal).
PassphraseSource storePassphraseSource(const Invocation& inv);

} // namespace tabel::node::cli
