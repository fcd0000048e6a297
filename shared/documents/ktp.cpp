#include "shared/documents/ktp.h"

#include <algorithm>

namespace tabel::documents {

QString ktpMethodText(domain::KtpMethod method) {
    switch (method) {
    case domain::KtpMethod::MergeTopics:
        return QStringLiteral("объединение тем");
    case domain::KtpMethod::NextYear:
        return QStringLiteral("перенос на следующий учебный год");
    case domain::KtpMethod::Modular:
        return QStringLiteral("модульное изучение");
    case domain::KtpMethod::SelfStudy:
        break;
    }
    return QStringLiteral("самостоятельное изучение");
}

Form ktpForm(const KtpPrint& k) {
    return {QStringLiteral("ktp"),
            QStringLiteral("Календарно-тематическое планирование: %1, класс %2").arg(k.subjectName, k.classId),
            Orientation::Portrait};
}

QVariantMap ktpContent(const KtpPrint& k, const domain::SchoolProfile& school, const PrintStamp& stamp) {
    QVariantMap content;
    addCommon(content, school, stamp, {}, false);
    content.insert(QStringLiteral("subject"), k.subjectName);
    content.insert(QStringLiteral("classText"), k.classId);
    content.insert(QStringLiteral("teachers"), k.teachers.join(QStringLiteral(", ")));
    QVariantList topics;
    int planned = 0, taught = 0;
    for (const domain::KtpTopic& t : k.topics) {
        QList<QDate> dates = k.taught.value(t.number);
        std::sort(dates.begin(), dates.end());
        QStringList dateTexts;
        for (const QDate& d : dates)
            dateTexts << d.toString(QStringLiteral("dd.MM"));
        planned += t.plannedHours;
        taught += int(dates.size());
        topics.append(QVariantMap{{QStringLiteral("number"), t.number},
                                  {QStringLiteral("title"), t.title},
                                  {QStringLiteral("hours"), t.plannedHours},
                                  {QStringLiteral("taught"), int(dates.size())},
                                  {QStringLiteral("dates"), dateTexts.join(QStringLiteral(", "))}});
    }
    content.insert(QStringLiteral("topics"), topics);
    content.insert(QStringLiteral("plannedTotal"), planned);
    content.insert(QStringLiteral("taughtTotal"), taught);
    QVariantList corrections;
    for (const domain::KtpCorrection& c : k.corrections) {
        QStringList numbers;
        for (int n : c.topics)
            numbers << QString::number(n);
        corrections.append(QVariantMap{{QStringLiteral("number"), c.number},
                                       {QStringLiteral("date"), dateText(c.date)},
                                       {QStringLiteral("topics"), numbers.join(QStringLiteral(", "))},
                                       {QStringLiteral("planned"), c.plannedHours},
                                       {QStringLiteral("actual"), c.actualHours},
                                       {QStringLiteral("method"), ktpMethodText(c.method)},
                                       {QStringLiteral("reason"), c.reason}});
    }
    content.insert(QStringLiteral("corrections"), corrections);
    content.insert(QStringLiteral("hasCorrections"), !corrections.isEmpty());
    QVariantList signatures;
    for (const QString& t : k.teachers.isEmpty() ? QStringList{QString()} : k.teachers)
        signatures.append(QVariantMap{{QStringLiteral("role"), QStringLiteral("Учитель")},
                                      {QStringLiteral("name"), t.isEmpty() ? QStringLiteral("/__________________/")
                                                                           : QStringLiteral("/%1/").arg(t)}});
    signatures.append(signatureLines(school, {Signer::DeputyDirector}));
    content.insert(QStringLiteral("signatures"), signatures);
    return content;
}

} // namespace tabel::documents
