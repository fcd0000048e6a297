// The calendar-thematic plan (КТП) of a class × subject with its correction sheet (regulation 3.1, R-J6) as a
// printed form: the topics in order with their planned hours and the lessons that taught each (from the journal's
// lessons tied to the topic), and the correction sheet's entries — date, topics, planned and actual hours, how the
// plan is corrected, why. KtpPrint is gathered by the hub from its merged state (hub/documents/ktp_data.h) or by the
// node from its store.
#pragma once

#include "shared/documents/common_content.h"
#include "shared/documents/document.h"
#include "shared/domain/model.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace tabel::documents {

struct KtpPrint {
    QString classId, subjectId, subjectName;
    QStringList teachers;
    QList<domain::KtpTopic> topics;           // by number
    QHash<int, QList<QDate>> taught;          // topic number → the dates of the lessons tied to it
    QList<domain::KtpCorrection> corrections; // by entry number
};

// «объединение тем», «перенос на следующий год», … as the correction sheet writes the method.
QString ktpMethodText(domain::KtpMethod method);

Form ktpForm(const KtpPrint& ktp); // portrait A4
QVariantMap ktpContent(const KtpPrint& ktp, const domain::SchoolProfile& school, const PrintStamp& stamp);

} // namespace tabel::documents
