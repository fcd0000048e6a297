// tabel-node: the teacher's command-line front end. See `tabel-node --help` and node/cli/exit_codes.h.
#include "node/cli/commands.h"
#include "node/cli/exit_codes.h"
#include "node/cli/support.h"
#include "shared/core/i18n.h"
#include "shared/crypto/secret.h"

#include <QCoreApplication>
#include <QLoggingCategory>

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
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
