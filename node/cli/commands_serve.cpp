// tabel-node serve: the journal in a browser (node/web/journal_server.h). The passphrase is asked by the page, not
// here: the store is opened when the teacher unlocks it.
#include "node/cli/handlers.h"
#include "node/web/journal_server.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QProcess>
#include <QStandardPaths>

#include <cstdio>

namespace tabel::node::cli {

namespace {

QString t(const char* s) {
    return QCoreApplication::translate("tabel-node", s);
}

} // namespace

Status cmdServe(Session& s) {
    const Invocation& inv = s.inv();
    web::ServeOptions options;
    options.storeDir = s.storeDir();
    const QString listen = inv.value(QStringLiteral("listen"), QStringLiteral("127.0.0.1:8480"));
    const qsizetype colon = listen.lastIndexOf(u':');
    QString host = colon > 0 ? listen.left(colon) : QString();
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    if (host == QLatin1String("localhost"))
        host = QStringLiteral("127.0.0.1");
    const QHostAddress address(host);
    bool portOk = false;
    const uint port = colon > 0 ? listen.mid(colon + 1).toUInt(&portOk) : 0;
    if (address.isNull() || !portOk || port > 65535)
        return usageError(t("--listen: expected ADDRESS:PORT such as 127.0.0.1:8480, got «%1»").arg(listen));
    if (!address.isLoopback())
        return usageError(t("--listen: the journal is served on this computer only; give a loopback address such as "
                            "127.0.0.1:8480, not «%1»")
                              .arg(listen));
    options.address = address;
    options.port = quint16(port);
    TABEL_ASSIGN_OR_RETURN(const int idle, intOption(inv, QStringLiteral("idle-lock"), 15, 1, 24 * 60));
    options.idleMs = qint64(idle) * 60 * 1000;
    if (inv.has(QStringLiteral("idle-lock-seconds"))) { // for tests
        TABEL_ASSIGN_OR_RETURN(const int seconds, intOption(inv, QStringLiteral("idle-lock-seconds"), 60, 1, 86400));
        options.idleMs = qint64(seconds) * 1000;
    }
    TABEL_ASSIGN_OR_RETURN(const int every, intOption(inv, QStringLiteral("sync-every"), 5, 0, 24 * 60));
    options.syncEveryMs = qint64(every) * 60 * 1000;
    if (every == 0)
        options.syncAfterWriteMs = 0; // only on «Синхронизировать»
    TABEL_ASSIGN_OR_RETURN(const std::optional<QDate> today, optionalDate(inv, QStringLiteral("today")));
    if (today)
        options.today = *today;

    web::JournalServer server(options);
    TABEL_ASSIGN_OR_RETURN(const quint16 bound, server.start());
    Q_UNUSED(bound);
    printOut({t("The journal is served at %1").arg(server.url()),
              t("Open it in a browser on this computer and enter the passphrase. Ctrl+C stops it.")});
    std::fflush(stdout);
    if (inv.has(QStringLiteral("open"))) {
        const QString opener = QStandardPaths::findExecutable(QStringLiteral("xdg-open"));
        if (opener.isEmpty() || !QProcess::startDetached(opener, {server.url()}))
            printErr(t("tabel-node: no browser could be started here; open %1 yourself").arg(server.url()));
    }
    QCoreApplication::exec();
    return {};
}

} // namespace tabel::node::cli
