// The JSON of the web journal's API (/api/v1), built from the Journal's views, and the text a teacher types into a
// cell of the grid read as an edit. The page shows what these say; it decides nothing itself.
#pragma once

#include "node/core/journal.h"
#include "shared/core/result.h"

#include <QJsonObject>
#include <QString>

namespace tabel::node::web {

// {class, subject, subjectName, group, from, to, columns: [{lesson, date, slot, topic, homework, distance,
//  planned, marks}], rows: [{pupil, name, cells: ["5", "н", "б 4", ""], average}], averageRule, averageRuleText}. The
//  planned lessons (from the timetable,
// not recorded yet) become columns with "planned": true and empty cells, in date and slot order with the others.
QJsonObject journalJson(const JournalView& view, const QList<domain::LessonKey>& planned = {});

// An absence's doctor's certificate (3.5): {no, date}.
QJsonObject certificateJson(const domain::Attendance& absence);

// A lesson for the lesson form: {lesson, recorded, topic, homework, due, form, distance, ktp, marks: [{kind,
// weight}]}.
QJsonObject lessonJson(const domain::LessonKey& key, const std::optional<domain::Lesson>& lesson);
// The lesson form's mark columns, [{kind: "control", weight: 2}, …] (R-J2); a clear error for anything else.
[[nodiscard]] Result<QList<domain::MarkColumn>> parseMarkColumnsJson(const QJsonValue& value);

// What a cell shows: its marks in column order, then the absence ("н", "б", "уп").
QString cellText(const JournalCell& cell);

// "5" "4" … "зач" "незач": a mark; "н" (or "нп"), "б", "уп": an absence with that reason; "": the cell cleared.
// Upper or lower case, spaces around ignored. An unknown text is InvalidArgument naming what may be typed.
[[nodiscard]] Result<CellEdit> parseCellText(const domain::LessonKey& lesson, const QString& pupilId,
                                             const QString& text);

// "Иванов И. П."
QString shortName(const domain::Pupil& p);

} // namespace tabel::node::web
