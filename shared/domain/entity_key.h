// The one parser of entity keys (sync/PROTOCOL.md, "Entity keys"): what a key names — its type and, where the
// key holds them, the class, subject, group, date, slot, pupil, teacher and period. Keys are natural keys
// ("mark/7А/math/all/2026-09-01/2/7a-01/1"), so everything that sorts, scopes, files or archives an entity reads
// it from the key through this parser instead of counting segments itself.
//
// A pupil's key holds no class (pupil/<id>): its class is the value of its field `class`, which the caller
// supplies where it matters (the scope of a change set, sync/unit.h).
#pragma once

#include <QDate>
#include <QString>

namespace tabel::domain {

enum class KeyType {
    Unknown,
    // School-wide reference data.
    Year,    // year/<id>
    Period,  // period/<year>/<id>
    Holiday, // holiday/<year>/<id>
    Subject, // subject/<id>
    Teacher, // teacher/<id>
    School,  // school/profile
    // A class's reference data.
    Class,        // class/<class>
    Pupil,        // pupil/<pupil> (the class is a field)
    Member,       // member/<class>/<subject>/<group>/<pupil>
    Slot,         // slot/<class>/<weekday>/<slot>/<group>
    Assignment,   // assign/<teacher>/<class>/<subject>/<group>
    Substitution, // subst/<date>/<slot>/<class>/<group>
    // A class's journal of one subject.
    Lesson,        // lesson/<class>/<subject>/<group>/<date>/<slot>
    Mark,          // mark/<class>/<subject>/<group>/<date>/<slot>/<pupil>/<column>
    Attendance,    // att/<class>/<subject>/<group>/<date>/<slot>/<pupil>
    Task,          // task/<class>/<subject>/<group>/<id>
    Submission,    // sub/<class>/<subject>/<group>/<task>/<pupil>/<hash>
    PeriodMark,    // pmark/<class>/<subject>/<period>/<pupil>
    Correction,    // corr/<class>/<subject>/<period>/<pupil>/<number>
    KtpTopic,      // ktp/<class>/<subject>/<number>
    KtpCorrection, // ktpfix/<class>/<subject>/<number>
};

struct EntityKey {
    KeyType type = KeyType::Unknown;
    QString typeName; // the first segment as written
    QString classId, subjectId, groupId;
    QDate date;   // lessons, marks, attendance, substitutions
    int slot = 0; // the lesson's slot (a substitution's too); a timetable slot's number
    QString pupilId, teacherId, periodId, yearId, id;

    bool wellFormed() const { return type != KeyType::Unknown; }
    // Reference data every node receives (year, period, holiday, subject, teacher).
    bool schoolWide() const;
    // Data of one subject of a class (its journal): lessons, marks, attendance, tasks, submissions, period marks,
    // corrections, КТП. The class's reference data (roster, groups, timetable, assignments, substitutions) is not.
    bool journal() const;
    // The lesson key's text ("7А/math/all/2026-09-01/2") of a lesson, mark or attendance; empty otherwise.
    QString lessonKeyText() const;
};

// Never fails: a key of an unknown type or with the wrong number of segments has type Unknown (the typed
// model's fromFields() reports what is wrong with it). Dates that do not parse stay invalid.
EntityKey parseEntityKey(const QString& key);

// The school year a date belongs to: 1 September – 31 August, named by the year it starts in (2026 for
// 2026-09-01 … 2027-08-31).
int schoolYearOf(const QDate& date);

} // namespace tabel::domain
