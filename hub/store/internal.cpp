#include "hub/store/internal.h"

namespace tabel::hub::internal {

QString tr(const char* s) {
    return QCoreApplication::translate("tabel::hub::HubStore", s);
}

Result<QList<sync::EnrolledAssignment>> parseScopes(const QString& json) {
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8());
    if (!doc.isArray())
        return makeError(ErrorCode::Corrupt, tr("a node's scopes in the hub store are damaged"));
    QList<sync::EnrolledAssignment> out;
    for (const QJsonValue& v : doc.array()) {
        const QJsonArray a = v.toArray();
        if (a.size() != 3)
            return makeError(ErrorCode::Corrupt, tr("a node's scopes in the hub store are damaged"));
        out.append({a.at(0).toString(), a.at(1).toString(), a.at(2).toString()});
    }
    return out;
}

} // namespace tabel::hub::internal
