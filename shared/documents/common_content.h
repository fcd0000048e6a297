// What every form's content holds besides its own data: the school's header (from its profile), the print's
// registration stamp (2.5.10) and the signature lines of the people who certify it. Forms put these under the
// keys "school", "registration", "signatures" and "certified" of their content.
#pragma once

#include "shared/domain/model.h"

#include <QDateTime>
#include <QString>
#include <QVariantList>
#include <QVariantMap>

namespace tabel::documents {

// A print's number in the register and the time it was made (2.5.10): on the document itself, so a paper copy
// names its entry in the register.
struct PrintStamp {
    qint64 number = 0;
    QDateTime printed; // UTC; shown in the machine's local time
    QString origin;    // empty: the hub's register; else the teacher's computer whose register numbered it
};

QString dateTimeText(const QDateTime& utc); // "04.12.2026 15:30", local time
QString dateText(const QDate& date);        // "04.12.2026"

QVariantMap schoolContent(const domain::SchoolProfile& school); // name, address
// "Рег. № 17 от 04.12.2026 15:30"; a teacher's computer's: "Рег. № 3 (компьютер учителя n1) от …"
QString registrationText(const PrintStamp& stamp);

enum class Signer { Director, DeputyDirector, Secretary };
// One line per signer: role and the name from the profile (blank to be written by hand when the profile has
// none).
QVariantList signatureLines(const domain::SchoolProfile& school, const QList<Signer>& signers);

// Puts the common keys into a form's content; certified: the form bears the seal («М.П.»).
void addCommon(QVariantMap& content, const domain::SchoolProfile& school, const PrintStamp& stamp,
               const QList<Signer>& signers, bool certified);

} // namespace tabel::documents
