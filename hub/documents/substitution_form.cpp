#include "hub/documents/substitution_form.h"

#include "shared/domain/entity_check.h"
#include "sync/describe.h"

#include <QCoreApplication>

#include <algorithm>

namespace tabel::hub {

namespace {

QString tr(const char* s) {
    return QCoreApplication::translate("tabel::hub::Substitutions", s);
}

QString spanText(const SubstitutionJournal& j) {
    return QStringLiteral("с %1 по %2").arg(documents::dateText(j.from), documents::dateText(j.to));
}

QString scopeText(const SubstitutionJournal& j) {
    return j.classId.isEmpty() ? QStringLiteral("все классы") : QStringLiteral("класс %1").arg(j.classId);
}

QString lessonText(const SubstitutionLine& l) {
    const domain::Substitution& s = l.substitution;
    return s.groupId == QLatin1String("all") ? l.subjectName
                                             : QStringLiteral("%1 (группа %2)").arg(l.subjectName, s.groupId);
}

} // namespace

Result<SubstitutionJournal> gatherSubstitutions(const sync::RegisterView& state, QDate from, QDate to,
                                                const QString& classId) {
    SubstitutionJournal j{from, to, classId, {}};
    for (const auto& [key, fields] : state.entitiesUnder(QStringLiteral("subst/"))) {
        if (domain::allNull(fields))
            continue;
        Result<domain::Substitution> s = domain::Substitution::fromFields(key, fields);
        if (!s || s->date < from || s->date > to || (!classId.isEmpty() && s->classId != classId))
            continue;
        SubstitutionLine line{*s,
                              sync::subjectText(s->subjectId, state),
                              sync::teacherText(s->absentTeacherId, state),
                              sync::teacherText(s->substituteId, state),
                              {}};
        const domain::LessonKey lesson{s->classId, s->subjectId, s->groupId, s->date, s->slot};
        line.topic =
            domain::textOf(state.visibleValue(QStringLiteral("lesson/") + lesson.toString(), QStringLiteral("topic")));
        j.lines.append(line);
    }
    std::sort(j.lines.begin(), j.lines.end(), [](const SubstitutionLine& a, const SubstitutionLine& b) {
        return std::tuple(a.substitution.date, a.substitution.slot, a.substitution.classId) <
               std::tuple(b.substitution.date, b.substitution.slot, b.substitution.classId);
    });
    if (j.lines.isEmpty())
        return makeError(ErrorCode::NotFound,
                         tr("no substitution is recorded between %1 and %2%3, so the journal would be empty; "
                            "«tabel-hub substitution list» shows those recorded")
                             .arg(from.toString(QStringLiteral("dd.MM.yyyy")),
                                  to.toString(QStringLiteral("dd.MM.yyyy")),
                                  classId.isEmpty() ? QString() : tr(" in class %1").arg(classId)));
    return j;
}

documents::Form substitutionForm(const SubstitutionJournal& j) {
    return {QStringLiteral("substitution_journal"),
            QStringLiteral("Журнал замены уроков, %1, %2").arg(scopeText(j), spanText(j)),
            documents::Orientation::Landscape};
}

QVariantMap substitutionContent(const SubstitutionJournal& j, const domain::SchoolProfile& school,
                                const documents::PrintStamp& stamp) {
    QVariantMap content;
    documents::addCommon(content, school, stamp, {documents::Signer::DeputyDirector}, false);
    content.insert(QStringLiteral("scope"), scopeText(j));
    content.insert(QStringLiteral("span"), spanText(j));
    QVariantList lines;
    int number = 0;
    for (const SubstitutionLine& l : j.lines)
        lines.append(
            QVariantMap{{QStringLiteral("number"), ++number},
                        {QStringLiteral("date"), documents::dateText(l.substitution.date)},
                        {QStringLiteral("slot"), l.substitution.slot},
                        {QStringLiteral("classId"), l.substitution.classId},
                        {QStringLiteral("lesson"), lessonText(l)},
                        {QStringLiteral("absent"), l.absentName},
                        {QStringLiteral("substitute"), l.substituteName},
                        {QStringLiteral("reason"), l.substitution.reason},
                        {QStringLiteral("topic"), l.topic.isEmpty() ? QStringLiteral("урок не записан") : l.topic}});
    content.insert(QStringLiteral("lines"), lines);
    return content;
}

documents::Workbook substitutionWorkbook(const SubstitutionJournal& j, const domain::SchoolProfile& school,
                                         const documents::PrintStamp& stamp) {
    documents::XlsxSheet sheet;
    sheet.name = QStringLiteral("Замены");
    sheet.title = {substitutionForm(j).title, documents::schoolContent(school).value(QStringLiteral("name")).toString(),
                   documents::registrationText(stamp)};
    sheet.header = {QStringLiteral("Дата"),    QStringLiteral("Урок"),         QStringLiteral("Класс"),
                    QStringLiteral("Предмет"), QStringLiteral("Отсутствовал"), QStringLiteral("Заменял"),
                    QStringLiteral("Причина"), QStringLiteral("Тема урока")};
    sheet.widths = {12, 6, 8, 24, 28, 28, 20, 36};
    for (const SubstitutionLine& l : j.lines)
        sheet.rows << QList<documents::XlsxCell>{{documents::dateText(l.substitution.date), {}, {}, false},
                                                 documents::XlsxCell::of(QString::number(l.substitution.slot)),
                                                 {l.substitution.classId, {}, {}, false},
                                                 {lessonText(l), {}, {}, false},
                                                 {l.absentName, {}, {}, false},
                                                 {l.substituteName, {}, {}, false},
                                                 {l.substitution.reason, {}, {}, false},
                                                 {l.topic, {}, {}, false}};
    return {substitutionForm(j).title, {sheet}};
}

} // namespace tabel::hub
