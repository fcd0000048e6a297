// The texts of the web journal's page (app/), translated like every user-facing text of tabel
// (translations/tabel_ru.ts): the page asks for them once (GET /app/text.json) and shows them by key, so the page
// has no language of its own and TABEL_LANG=en gives English.
#pragma once

#include <QJsonObject>

namespace tabel::node::web {

// key → text in the program's language.
QJsonObject uiText();

} // namespace tabel::node::web
