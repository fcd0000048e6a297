#include "shared/documents/common_content.h"

namespace tabel::documents {

QString dateTimeText(const QDateTime& utc) {
    return utc.toLocalTime().toString(QStringLiteral("dd.MM.yyyy HH:mm"));
}

QString dateText(const QDate& date) {
    return date.toString(QStringLiteral("dd.MM.yyyy"));
}

QVariantMap schoolContent(const domain::SchoolProfile& school) {
    // A school that has not set its profile yet still gets a header that says what to do.
    return {{QStringLiteral("name"), school.name.isEmpty() ? QStringLiteral("(наименование школы не задано: "
                                                                            "tabel-hub school set --name …)")
                                                           : school.name},
            {QStringLiteral("address"), school.address}};
}

QString registrationText(const PrintStamp& stamp) {
    if (!stamp.origin.isEmpty())
        return QStringLiteral("Рег. № %1 (компьютер учителя %2) от %3")
            .arg(stamp.number)
            .arg(stamp.origin, dateTimeText(stamp.printed));
    return QStringLiteral("Рег. № %1 от %2").arg(stamp.number).arg(dateTimeText(stamp.printed));
}

QVariantList signatureLines(const domain::SchoolProfile& school, const QList<Signer>& signers) {
    QVariantList lines;
    for (Signer s : signers) {
        QString role, name;
        switch (s) {
        case Signer::Director:
            role = QStringLiteral("Директор");
            name = school.director;
            break;
        case Signer::DeputyDirector:
            role = QStringLiteral("Заместитель директора по учебной работе");
            name = school.deputyDirector;
            break;
        case Signer::Secretary:
            role = QStringLiteral("Секретарь");
            name = school.secretary;
            break;
        }
        lines.append(QVariantMap{{QStringLiteral("role"), role},
                                 {QStringLiteral("name"), name.isEmpty() ? QStringLiteral("/__________________/")
                                                                         : QStringLiteral("/%1/").arg(name)}});
    }
    return lines;
}

void addCommon(QVariantMap& content, const domain::SchoolProfile& school, const PrintStamp& stamp,
               const QList<Signer>& signers, bool certified) {
    content.insert(QStringLiteral("school"), schoolContent(school));
    content.insert(QStringLiteral("registration"), registrationText(stamp));
    content.insert(QStringLiteral("signatures"), signatureLines(school, signers));
    content.insert(QStringLiteral("certified"), certified);
}

} // namespace tabel::documents
