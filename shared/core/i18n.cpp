#include "shared/core/i18n.h"

#include <QCoreApplication>
#include <QTranslator>

namespace tabel {

QString installTranslation(QCoreApplication& app) {
    QString lang = qEnvironmentVariable("TABEL_LANG");
    if (lang.isEmpty()) {
        const QString env = qEnvironmentVariable("LANGUAGE", qEnvironmentVariable("LANG"));
        lang = env.startsWith(QLatin1String("en")) ? QStringLiteral("en") : QStringLiteral("ru");
    }
    if (lang != QLatin1String("ru"))
        return QStringLiteral("en");
    auto* translator = new QTranslator(&app);
    // The .qm files are compiled into each executable as resources (see translations/CMakeLists.txt).
    if (translator->load(QStringLiteral(":/i18n/tabel_ru.qm")))
        QCoreApplication::installTranslator(translator);
    return QStringLiteral("ru");
}

} // namespace tabel
