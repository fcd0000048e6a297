#include "node/web/api_json.h"

#include <QCoreApplication>
#include <QJsonArray>

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

QJsonObject journalJson(const JournalView& view) {
    QJsonArray columns;
    for (const JournalColumn& c : view.columns) {
        const Lesson& l = c.lesson;
        QJsonObject col{{QStringLiteral("lesson"), l.key.toString()},
                        {QStringLiteral("date"), l.key.date.toString(Qt::ISODate)},
                        {QStringLiteral("slot"), l.key.slot},
                        {QStringLiteral("group"), l.key.groupId},
                        {QStringLiteral("topic"), l.topic},
                        {QStringLiteral("homework"), l.homework},
                        {QStringLiteral("form"), l.form},
                        {QStringLiteral("distance"), l.distance}};
        if (l.homeworkDue)
            col.insert(QStringLiteral("due"), l.homeworkDue->toString(Qt::ISODate));
        columns.append(col);
    }
    QJsonArray rows;
    for (const JournalRow& r : view.rows) {
        QJsonArray cells;
        for (const JournalCell& c : r.cells)
            cells.append(cellText(c));
        rows.append(QJsonObject{{QStringLiteral("pupil"), r.pupil.id},
                                {QStringLiteral("name"), shortName(r.pupil)},
                                {QStringLiteral("fullName"), r.pupil.fullName()},
                                {QStringLiteral("cells"), cells},
                                {QStringLiteral("average"), r.average}});
    }
    return QJsonObject{{QStringLiteral("class"), view.classId},
                       {QStringLiteral("subject"), view.subjectId},
                       {QStringLiteral("subjectName"), view.subjectName},
                       {QStringLiteral("group"), view.groupId},
                       {QStringLiteral("from"), view.from.toString(Qt::ISODate)},
                       {QStringLiteral("to"), view.to.toString(Qt::ISODate)},
                       {QStringLiteral("columns"), columns},
                       {QStringLiteral("rows"), rows}};
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
    Result<MarkValue> value = parseMarkValue(text);
    if (!value)
        return makeError(ErrorCode::InvalidArgument,
                         tr("«%1» is not a mark or an absence; type 5, 4, 3, 2, 1, зач or незач for a mark, н, б or "
                            "уп for an absence, or clear the cell")
                             .arg(typed.trimmed()));
    edit.kind = CellEdit::Kind::Mark;
    edit.value = *value;
    return edit;
}

} // namespace tabel::node::web
