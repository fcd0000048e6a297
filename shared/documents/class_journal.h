// The class journal's printout (regulation 2.5.10: the journal printed, certified and archived) for a class ×
// subject × group over a span of dates: the grid of marks and absences (pupils × lessons, several marks of a
// lesson in one cell), the lessons with their topics, homework and form of assessment, the substitutions among
// them (2.5.4), and the teacher's signature line. JournalPrint is what the form shows, gathered by whoever prints
// it: the hub from its merged state (hub/documents/journal_data.h), the node from its own store.
#pragma once

#include "shared/documents/common_content.h"
#include "shared/documents/document.h"
#include "shared/documents/xlsx.h"
#include "shared/domain/model.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace tabel::documents {

struct JournalPrint {
    QString classId, subjectId, subjectName, groupId; // groupId "all": the whole class
    QStringList teachers;                             // the assigned teachers' names
    QDate from, to;
    QString periodTitle; // «1 четверть», or empty for a span of dates
    struct Pupil {
        QString id, name; // name: "Алексеев Артём Игоревич"
    };
    QList<Pupil> pupils;           // in the order of the alphabetical book
    QList<domain::Lesson> lessons; // by date, then slot
    QHash<QString, QString> substitutions; // lesson key text → «Петрова А. С. вместо Иванова М. П. (болезнь)»
    QHash<QString, QStringList> marks; // "<lesson key>|<pupil>" → the marks by column, printed «4/5»
    QHash<QString, QString> absences;  // "<lesson key>|<pupil>" → «н», «б», «уп»
    static QString cellKey(const domain::LessonKey& lesson, const QString& pupilId);
};

// The absence as the printed journal writes it: «б» (illness), «уп» (valid reason), «н» (unexcused).
QString absenceMark(domain::AbsenceReason reason);

Form journalForm(const JournalPrint& journal); // landscape A4
QVariantMap journalContent(const JournalPrint& journal, const domain::SchoolProfile& school, const PrintStamp& stamp);
Workbook journalWorkbook(const JournalPrint& journal, const domain::SchoolProfile& school, const PrintStamp& stamp);

} // namespace tabel::documents
