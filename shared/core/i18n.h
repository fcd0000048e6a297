// Loads the user-facing translation. Russian is the users' language and the default; TABEL_LANG=en (or a
// LANGUAGE/LANG starting with "en") keeps the English source texts, for engineers and for tests.
#pragma once

#include <QString>

class QCoreApplication;

namespace tabel {

// Installs the translator for the chosen language on the application. Returns the language code used.
QString installTranslation(QCoreApplication& app);

} // namespace tabel
