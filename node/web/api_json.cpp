#include "node/web/api_json.h"

#include "shared/domain/average.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>
#include <tuple>

namespace tabel::node::web {

using namespace tabel::domain;

namespace {

QString tr(const char* s) {
    return QCoreApplication::translate("tabel::node::web::Api", s);
}

QString absenceText(AbsenceReason r) {
    switch (r) {
    case AbsenceReason::Illness:
        return QStringLiteral("б");
    case AbsenceReason::Valid:
        return QStringLiteral("уп");
    case AbsenceReason::Unexcused:
        break;
    }
    return QStringLiteral("н");
}

} // namespace

QString shortName(const Pupil& p) {
    QString s = p.surname;
    if (!p.name.isEmpty())
        s += u' ' + p.name.left(1) + u'.';
    if (!p.patronymic.isEmpty())
        s += u' ' + p.patronymic.left(1) + u'.';
    return s.normalized(QString::NormalizationForm_C);
}

QString cellText(const JournalCell& cell) {
    QStringList parts = cell.marks;
    if (cell.absence)
        parts.append(absenceText(cell.absence->reason));
    return parts.join(u' ');
}

QJsonObject certificateJson(const Attendance& a) {
    QJsonObject o{{QStringLiteral("no"), a.certificateNo}};
    if (a.certificateDate)
        o.insert(QStringLiteral("date"), a.certificateDate->toString(Qt::ISODate));
    return o;
}

QJsonObject lessonJson(const LessonKey& key, const std::optional<Lesson>& lesson) {
    QJsonObject out{{QStringLiteral("lesson"), key.toString()},
                    {QStringLiteral("date"), key.date.toString(Qt::ISODate)},
                    {QStringLiteral("slot"), key.slot},
                    {QStringLiteral("group"), key.groupId},
                    {QStringLiteral("recorded"), lesson.has_value()}};
    if (!lesson)
        return out;
    out.insert(QStringLiteral("topic"), lesson->topic);
    out.insert(QStringLiteral("homework"), lesson->homework);
    out.insert(QStringLiteral("form"), lesson->form);
    out.insert(QStringLiteral("distance"), lesson->distance);
    if (lesson->homeworkDue)
        out.insert(QStringLiteral("due"), lesson->homeworkDue->toString(Qt::ISODate));
    if (lesson->ktpTopic)
        out.insert(QStringLiteral("ktp"), *lesson->ktpTopic);
    QJsonArray marks; // R-J2: the kind and weight of each mark column the lesson sets
    for (const MarkColumn& c : lesson->markColumns)
        marks.append(QJsonObject{{QStringLiteral("kind"), toString(c.kind)}, {QStringLiteral("weight"), c.weight}});
    out.insert(QStringLiteral("marks"), marks);
    return out;
}

Result<QList<MarkColumn>> parseMarkColumnsJson(const QJsonValue& value) {
    QList<MarkColumn> out;
    if (value.isUndefined() || value.isNull())
        return out;
    if (!value.isArray() || value.toArray().size() > kMaxMarkColumns)
        return makeError(
            ErrorCode::InvalidArgument,
            tr("the lesson's mark columns are a list of at most %1 kinds with weights").arg(kMaxMarkColumns));
    QStringList parts;
    for (const QJsonValue& v : value.toArray()) {
        const QJsonObject o = v.toObject();
        parts << o.value(QStringLiteral("kind")).toString() + QLatin1Char(':') +
                     QString::number(o.value(QStringLiteral("weight")).toInt(-1));
    }
    return parseMarkColumns(parts.join(QLatin1Char(';')));
}

QJsonObject journalJson(const JournalView& view, const QList<LessonKey>& planned) {
    // Columns in date, slot and group order: the recorded ones (index ≥ 0) and the planned ones (-1 - index).
    QList<std::pair<LessonKey, int>> order;
    for (int i = 0; i < view.columns.size(); ++i)
        order.append({view.columns[i].lesson.key, i});
    for (int i = 0; i < planned.size(); ++i)
        order.append({planned[i], -1 - i});
    std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
        return std::tie(a.first.date, a.first.slot, a.first.groupId) <
               std::tie(b.first.date, b.first.slot, b.first.groupId);
    });
    QJsonArray columns;
    for (const auto& [key, index] : order) {
        QJsonObject col =
            lessonJson(key, index >= 0 ? std::optional<Lesson>(view.columns[index].lesson) : std::optional<Lesson>());
        col.insert(QStringLiteral("planned"), index < 0);
        columns.append(col);
    }
    QJsonArray rows;
    for (const JournalRow& r : view.rows) {
        QJsonArray cells;
        QJsonObject certificates; // column → {no, date} of an absence's doctor's certificate (3.5)
        for (qsizetype i = 0; i < order.size(); ++i) {
            const int index = order[i].second;
            cells.append(index >= 0 ? cellText(r.cells[index]) : QString());
            if (index >= 0 && r.cells[index].absence &&
                (!r.cells[index].absence->certificateNo.isEmpty() || r.cells[index].absence->certificateDate))
                certificates.insert(QString::number(i), certificateJson(*r.cells[index].absence));
        }
        QJsonObject row{{QStringLiteral("pupil"), r.pupil.id},
                        {QStringLiteral("name"), shortName(r.pupil)},
                        {QStringLiteral("fullName"), r.pupil.fullName()},
                        {QStringLiteral("cells"), cells},
                        {QStringLiteral("average"), r.average}};
        if (!certificates.isEmpty())
            row.insert(QStringLiteral("certificates"), certificates);
        rows.append(row);
    }
    return QJsonObject{{QStringLiteral("class"), view.classId},
                       {QStringLiteral("subject"), view.subjectId},
                       {QStringLiteral("subjectName"), view.subjectName},
                       {QStringLiteral("group"), view.groupId},
                       {QStringLiteral("from"), view.from.toString(Qt::ISODate)},
                       {QStringLiteral("to"), view.to.toString(Qt::ISODate)},
                       {QStringLiteral("columns"), columns},
                       {QStringLiteral("rows"), rows},
                       {QStringLiteral("averageRule"), toString(view.averageRule)},
                       {QStringLiteral("averageRuleText"), describe(view.averageRule)}};
}

Result<CellEdit> parseCellText(const LessonKey& lesson, const QString& pupilId, const QString& typed) {
    CellEdit edit;
    edit.lesson = lesson;
    edit.pupilId = pupilId;
    const QString text = typed.trimmed().toLower();
    if (text.isEmpty()) {
        edit.kind = CellEdit::Kind::Clear;
        return edit;
    }
    if (text == QStringLiteral("н") || text == QStringLiteral("нп") || text == QStringLiteral("б") ||
        text == QStringLiteral("уп")) {
        edit.kind = CellEdit::Kind::Absence;
        edit.reason = text == QStringLiteral("б")    ? AbsenceReason::Illness
                      : text == QStringLiteral("уп") ? AbsenceReason::Valid
                                                     : AbsenceReason::Unexcused;
        return edit;
    }
    // One mark, or several separated by spaces: the lesson's columns 1, 2, … («5 4»).
    const QStringList parts = text.split(u' ', Qt::SkipEmptyParts);
    QList<MarkValue> values;
    for (const QString& part : parts) {
        Result<MarkValue> value = parseMarkValue(part);
        if (!value || parts.size() > 5)
            return makeError(ErrorCode::InvalidArgument,
                             tr("«%1» is not a mark or an absence; type 5, 4, 3, 2, 1, зач or незач for a mark, н, б "
                                "or уп for an absence, or clear the cell")
                                 .arg(typed.trimmed()));
        values.append(*value);
    }
    edit.kind = CellEdit::Kind::Mark;
    edit.value = values.takeFirst();
    edit.moreValues = values;
    return edit;
}

} // namespace tabel::node::web
