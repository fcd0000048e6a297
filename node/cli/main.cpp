// tabel-node: the teacher's command-line front end. See `tabel-node --help` and node/cli/exit_codes.h.
#include "node/cli/commands.h"
#include "node/cli/exit_codes.h"
#include "node/cli/support.h"
#include "shared/core/i18n.h"
#include "shared/crypto/secret.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <QLoggingCategory>
#include <cstring>
#include <memory>

namespace {

// Qt's graphics part warns on stderr when the session has no XDG_RUNTIME_DIR: nothing a teacher can act on.
QtMessageHandler qtDefaultHandler = nullptr;
void dropRuntimeDirWarning(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    if (type == QtWarningMsg && message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set")))
        return;
    qtDefaultHandler(type, context, message);
}

// Printing lays text out with Qt's graphics part (shared/documents): only `print` and `serve` (its «Печать») start it,
// on the offscreen platform (no display needed); every other command stays a console program.
std::unique_ptr<QCoreApplication> makeApplication(int& argc, char** argv) {
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "print") == 0 || std::strcmp(argv[i], "serve") == 0) {
            if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            qtDefaultHandler = qInstallMessageHandler(dropRuntimeDirWarning);
            return std::make_unique<QGuiApplication>(argc, argv);
        }
    return std::make_unique<QCoreApplication>(argc, argv);
}

} // namespace

int main(int argc, char** argv) {
    const std::unique_ptr<QCoreApplication> application = makeApplication(argc, argv);
    QCoreApplication& app = *application;
    QCoreApplication::setApplicationName(QStringLiteral("tabel-node"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TABEL_VERSION));
    // The libraries' diagnostics are for engineers (QT_LOGGING_RULES="tabel.*=true" brings them back); a teacher
    // sees one message per error, with its hint.
    QLoggingCategory::setFilterRules(QStringLiteral("tabel.*.warning=false"));
    tabel::installTranslation(app);
    if (auto ok = tabel::crypto::initialize(); !ok) {
        tabel::node::cli::printErr(QStringLiteral("tabel-node: ") + ok.error().message);
        return tabel::node::cli::exitCodeFor(ok.error().code);
    }
    return tabel::node::cli::run(QCoreApplication::arguments().mid(1));
}
