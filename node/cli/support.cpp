#include "node/cli/support.h"

#include "node/sync/closed_periods.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <cstdio>

namespace tabel::node::cli {

// ---- Output ----

namespace {
void writeTo(std::FILE* stream, const QString& line) {
    QByteArray bytes = line.toUtf8();
    bytes.append('\n');
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stream);
}
} // namespace

void printOut(const QString& line) {
    writeTo(stdout, line);
}
void printOut(const QStringList& lines) {
    for (const QString& l : lines)
        writeTo(stdout, l);
}
void printJson(const QJsonDocument& doc) {
    const QByteArray bytes = doc.toJson(QJsonDocument::Indented);
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stdout);
}
void printErr(const QString& line) {
    std::fflush(stdout);
    writeTo(stderr, line);
}

// ---- Argument values ----

Error usageError(const QString& message) {
    return makeError(ErrorCode::InvalidArgument, message);
}

Result<QDate> parseDate(const QString& text, const QString& what) {
    const QString t = text.trimmed();
    for (const QString& format :
         {QStringLiteral("yyyy-MM-dd"), QStringLiteral("dd.MM.yyyy"), QStringLiteral("d.M.yyyy")}) {
        const QDate d = QDate::fromString(t, format);
        if (d.isValid())
            return d;
    }
    return usageError(
        QCoreApplication::translate("tabel-node", "%1: expected a date YYYY-MM-DD or DD.MM.YYYY, got «%2»")
            .arg(what, text));
}

Result<QDateTime> parseDateTime(const QString& text, const QString& what) {
    const QString t = text.trimmed();
    for (const QString& format : {QStringLiteral("yyyy-MM-ddTHH:mm"), QStringLiteral("yyyy-MM-ddTHH:mm:ss"),
                                  QStringLiteral("yyyy-MM-dd HH:mm"), QStringLiteral("yyyy-MM-dd HH:mm:ss"),
                                  QStringLiteral("dd.MM.yyyy HH:mm"), QStringLiteral("dd.MM.yyyy HH:mm:ss")}) {
        QDateTime dt = QDateTime::fromString(t, format);
        if (dt.isValid())
            return dt;
    }
    return usageError(
        QCoreApplication::translate("tabel-node", "%1: expected a date and time YYYY-MM-DDTHH:MM, got «%2»")
            .arg(what, text));
}

Result<int> parseInt(const QString& text, const QString& what, int min, int max) {
    bool ok = false;
    const int v = text.trimmed().toInt(&ok);
    if (!ok || v < min || v > max)
        return usageError(
            QCoreApplication::translate("tabel-node", "%1: expected a whole number from %2 to %3, got «%4»")
                .arg(what)
                .arg(min)
                .arg(max)
                .arg(text));
    return v;
}

Result<domain::LessonKey> parseLessonKey(const QString& text, const QString& what) {
    // Teachers may type the date the Russian way: 7А/math/all/01.09.2026/2.
    QStringList parts = text.trimmed().split(u'/');
    if (parts.size() == 5 && !QDate::fromString(parts[3], QStringLiteral("yyyy-MM-dd")).isValid()) {
        if (auto d = parseDate(parts[3], what))
            parts[3] = d->toString(QStringLiteral("yyyy-MM-dd"));
    }
    auto key = domain::LessonKey::parse(parts.join(u'/'));
    if (!key)
        return usageError(QCoreApplication::translate("tabel-node",
                                                      "%1: %2; expected CLASS/SUBJECT/GROUP/YYYY-MM-DD/SLOT, "
                                                      "e.g. 7А/math/all/2026-09-01/2")
                              .arg(what, key.error().message));
    return *key;
}

Result<domain::MarkValue> parseMark(const QString& text, const QString& what) {
    auto v = domain::parseMarkValue(text.trimmed());
    if (!v)
        return usageError(what + QStringLiteral(": ") + v.error().message);
    return *v;
}

Result<QString> parseId(const QString& text, const QString& what) {
    if (auto ok = domain::validateId(text, what); !ok)
        return usageError(ok.error().message);
    return text;
}

Result<QString> parseEntityKey(const QString& text, const QString& what, const QString& type, int segments,
                               const QString& form) {
    QString key = text.trimmed();
    if (!key.startsWith(type + u'/'))
        key = type + u'/' + key;
    const QStringList parts = key.split(u'/');
    bool ok = parts.size() == segments + 1;
    for (const QString& p : parts)
        ok = ok && !p.trimmed().isEmpty();
    if (!ok)
        return usageError(QCoreApplication::translate("tabel-node", "%1: expected %2, got «%3»").arg(what, form, text));
    return key;
}

Status checkInputFile(const QString& path, const QString& what) {
    const QFileInfo info(path);
    if (!info.exists())
        return usageError(QCoreApplication::translate("tabel-node", "%1: there is no file %2").arg(what, path));
    if (!info.isFile())
        return usageError(QCoreApplication::translate("tabel-node", "%1: %2 is not a file").arg(what, path));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return usageError(
            QCoreApplication::translate("tabel-node", "%1: cannot read %2: %3").arg(what, path, f.errorString()));
    return {};
}

namespace {
QString optionName(const QString& name) {
    return QStringLiteral("--") + name;
}
} // namespace

Result<QString> requiredText(const Invocation& inv, const QString& name) {
    const QString v = inv.value(name).trimmed();
    if (v.isEmpty())
        return usageError(QCoreApplication::translate("tabel-node", "%1 must not be empty").arg(optionName(name)));
    return v;
}

Result<QString> idOption(const Invocation& inv, const QString& name, const QString& fallback) {
    if (!inv.has(name) && !fallback.isEmpty())
        return fallback;
    return parseId(inv.value(name), optionName(name));
}

Result<QDate> dateOption(const Invocation& inv, const QString& name, QDate fallback) {
    if (!inv.has(name))
        return fallback;
    return parseDate(inv.value(name), optionName(name));
}

Result<std::optional<QDate>> optionalDate(const Invocation& inv, const QString& name) {
    if (!inv.has(name))
        return std::optional<QDate>();
    TABEL_ASSIGN_OR_RETURN(const QDate d, parseDate(inv.value(name), optionName(name)));
    return std::optional<QDate>(d);
}

Result<int> intOption(const Invocation& inv, const QString& name, int fallback, int min, int max) {
    if (!inv.has(name))
        return fallback;
    return parseInt(inv.value(name), optionName(name), min, max);
}

Result<std::optional<int>> optionalInt(const Invocation& inv, const QString& name, int min, int max) {
    if (!inv.has(name))
        return std::optional<int>();
    TABEL_ASSIGN_OR_RETURN(const int v, parseInt(inv.value(name), optionName(name), min, max));
    return std::optional<int>(v);
}

Result<domain::LessonKey> lessonOption(const Invocation& inv, const QString& name) {
    return parseLessonKey(inv.value(name), optionName(name));
}

Result<domain::MarkValue> markOption(const Invocation& inv, const QString& name) {
    return parseMark(inv.value(name), optionName(name));
}

QDate schoolYearStart(QDate day) {
    return QDate(day.month() >= 9 ? day.year() : day.year() - 1, 9, 1);
}

// ---- Formatting ----

QString formatDate(QDate d) {
    return d.isValid() ? d.toString(QStringLiteral("dd.MM.yyyy")) : QString();
}
QString formatShortDate(QDate d) {
    return d.isValid() ? d.toString(QStringLiteral("dd.MM")) : QString();
}
QString formatDateTime(const QDateTime& t) {
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("dd.MM.yyyy HH:mm")) : QString();
}

QString shortName(const domain::Pupil& p) {
    QString s = p.surname;
    if (!p.name.isEmpty())
        s += u' ' + p.name.left(1) + u'.';
    if (!p.patronymic.isEmpty())
        s += u' ' + p.patronymic.left(1) + u'.';
    return s.normalized(QString::NormalizationForm_C);
}

QString absenceLabel(domain::AbsenceReason r) {
    switch (r) {
    case domain::AbsenceReason::Illness:
        return QStringLiteral("Н(Б)");
    case domain::AbsenceReason::Valid:
        return QStringLiteral("Н(УП)");
    case domain::AbsenceReason::Unexcused:
        break;
    }
    return QStringLiteral("Н");
}

// ---- Session ----

PassphraseSource storePassphraseSource(const Invocation& inv) {
    PassphraseSource s;
    s.file = inv.globals.passphraseFile;
    s.fileOption = QStringLiteral("--passphrase-file");
    s.environmentVariable = "TABEL_PASSPHRASE";
    s.prompt = QCoreApplication::translate("tabel-node", "Passphrase of the store: ");
    s.repeatPrompt = QCoreApplication::translate("tabel-node", "Repeat the passphrase: ");
    s.missingHint = QCoreApplication::translate(
        "tabel-node", "no passphrase given: use --passphrase-file FILE, TABEL_PASSPHRASE, or run in a terminal");
    return s;
}

Status Session::open() {
    const PassphraseSource sources = storePassphraseSource(m_inv);
    // A passphrase file is an argument: check it before anything else.
    std::optional<crypto::SecretBytes> passphrase;
    if (!sources.file.isEmpty()) {
        TABEL_ASSIGN_OR_RETURN(passphrase, readPassphraseFile(sources.file, sources.fileOption));
    }
    // No store: say so before asking for a passphrase at the terminal.
    const NodeStore::Paths paths{storeDir()};
    if (!QFileInfo::exists(paths.database()) || !QFileInfo::exists(paths.keyFile()))
        return makeError(
            ErrorCode::NotFound,
            QCoreApplication::translate("tabel-node", "there is no store in %1; create one with «tabel-node init»")
                .arg(storeDir()));
    if (!passphrase) {
        TABEL_ASSIGN_OR_RETURN(passphrase, obtainPassphrase(sources, false));
    }
    auto opened = NodeStore::open(storeDir(), *passphrase);
    passphrase.reset();
    if (!opened)
        return std::move(opened).error();
    m_store.emplace(std::move(*opened));
    m_journal.emplace(*m_store);
    const Result<std::int64_t> last = lastOwnSeq(*m_store);
    m_seqAtOpen = last ? *last : -1;
    return {};
}

int reportError(const Invocation& inv, const Error& error, ErrorSource source, std::optional<int> exitOverride) {
    const int code = exitOverride.value_or(exitCodeFor(error.code, source));
    printErr(QStringLiteral("tabel-node: ") + error.message);
    QString hint;
    switch (code) {
    case kExitUsage:
        hint = QCoreApplication::translate("tabel-node", "see «tabel-node %1 --help»")
                   .arg(inv.spec ? inv.spec->fullName() : QStringLiteral("COMMAND"));
        break;
    case kExitCorrupt:
        hint = QCoreApplication::translate("tabel-node",
                                           "the store in %1 is damaged or was altered; nothing was changed. Restore "
                                           "the folder from a backup, or ask the school hub operator for help")
                   .arg(inv.globals.storeDir);
        break;
    case kExitBusy:
        hint = QCoreApplication::translate("tabel-node", "another program is using the store; close it and try again");
        break;
    case kExitUnsupported:
        hint = QCoreApplication::translate("tabel-node", "this tabel-node is older than the data; update tabel");
        break;
    case kExitInternal:
        hint = error.code == ErrorCode::Io || error.code == ErrorCode::Storage
                   ? QCoreApplication::translate("tabel-node", "check the free disk space and the permissions of %1")
                         .arg(inv.globals.storeDir)
                   : QCoreApplication::translate(
                         "tabel-node", "this is a bug in tabel-node; please report it with the message above");
        break;
    case kExitUnreachable:
        hint = QCoreApplication::translate("tabel-node", "check the network connection and the hub's address; run "
                                                         "«tabel-node sync» again later");
        break;
    case kExitHubRefused:
        hint = QCoreApplication::translate("tabel-node", "nothing was lost; show this message to the hub's operator");
        break;
    default:
        break;
    }
    if (!hint.isEmpty())
        printErr(QCoreApplication::translate("tabel-node", "hint: %1").arg(hint));
    return code;
}

} // namespace tabel::node::cli
