#include "shared/domain/entity_key.h"

#include <QStringList>
#include <QVarLengthArray>

namespace tabel::domain {

namespace {

struct Shape {
    const char* name;
    KeyType type;
    qsizetype segments; // including the type
};

constexpr Shape kShapes[] = {
    {"year", KeyType::Year, 2},         {"period", KeyType::Period, 3},        {"holiday", KeyType::Holiday, 3},
    {"subject", KeyType::Subject, 2},   {"teacher", KeyType::Teacher, 2},      {"class", KeyType::Class, 2},
    {"pupil", KeyType::Pupil, 2},       {"member", KeyType::Member, 5},        {"slot", KeyType::Slot, 5},
    {"assign", KeyType::Assignment, 5}, {"subst", KeyType::Substitution, 5},   {"lesson", KeyType::Lesson, 6},
    {"mark", KeyType::Mark, 8},         {"att", KeyType::Attendance, 7},       {"task", KeyType::Task, 5},
    {"sub", KeyType::Submission, 7},    {"pmark", KeyType::PeriodMark, 5},     {"corr", KeyType::Correction, 6},
    {"ktp", KeyType::KtpTopic, 4},      {"ktpfix", KeyType::KtpCorrection, 4}, {"school", KeyType::School, 2},
};

// As QDate::fromString(s, Qt::ISODate), which checks its separators with QChar::isPunct and reads its numbers
// through QLocale: a hot path (every op of every push parses its key), so a canonical "YYYY-MM-DD" is read here and
// anything else is left to Qt.
QDate dateOf(QStringView s) {
    const auto digit = [&s](qsizetype i) { return s[i] >= u'0' && s[i] <= u'9' ? int(s[i].unicode() - u'0') : -1; };
    if (s.size() == 10 && s[4] == u'-' && s[7] == u'-') {
        int v[8];
        int n = 0;
        for (qsizetype i : {0, 1, 2, 3, 5, 6, 8, 9})
            if ((v[n++] = digit(i)) < 0)
                return QDate::fromString(s.toString(), Qt::ISODate);
        const int year = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
        if (year == 0)
            return {};
        return QDate(year, v[4] * 10 + v[5], v[6] * 10 + v[7]);
    }
    return QDate::fromString(s.toString(), Qt::ISODate);
}

} // namespace

bool EntityKey::schoolWide() const {
    switch (type) {
    case KeyType::Year:
    case KeyType::Period:
    case KeyType::Holiday:
    case KeyType::Subject:
    case KeyType::Teacher:
    case KeyType::School:
        return true;
    default:
        return false;
    }
}

bool EntityKey::journal() const {
    switch (type) {
    case KeyType::Lesson:
    case KeyType::Mark:
    case KeyType::Attendance:
    case KeyType::Task:
    case KeyType::Submission:
    case KeyType::PeriodMark:
    case KeyType::Correction:
    case KeyType::KtpTopic:
    case KeyType::KtpCorrection:
        return true;
    default:
        return false;
    }
}

QString EntityKey::lessonKeyText() const {
    if (type != KeyType::Lesson && type != KeyType::Mark && type != KeyType::Attendance)
        return {};
    return classId + u'/' + subjectId + u'/' + groupId + u'/' + date.toString(Qt::ISODate) + u'/' +
           QString::number(slot);
}

EntityKey parseEntityKey(const QString& key) {
    EntityKey k;
    // Views of the segments, and strings only for what the key names (a hot path: every op of every push).
    QVarLengthArray<QStringView, 8> view;
    for (const QStringView segment : QStringView(key).tokenize(u'/'))
        view.append(segment);
    if (view.isEmpty())
        return k;
    k.typeName = view.first().toString();
    KeyType type = KeyType::Unknown;
    for (const Shape& s : kShapes)
        if (view.first() == QLatin1String(s.name)) {
            if (view.size() == s.segments)
                type = s.type;
            break;
        }
    for (const QStringView segment : view)
        if (segment.isEmpty())
            type = KeyType::Unknown;
    if (type == KeyType::Unknown)
        return k;
    struct Segments {
        const QVarLengthArray<QStringView, 8>& v;
        QString operator[](qsizetype i) const { return v[i].toString(); }
    } p{view};
    k.type = type;
    switch (type) {
    case KeyType::Year:
        k.yearId = p[1];
        break;
    case KeyType::Period:
    case KeyType::Holiday:
        k.yearId = p[1];
        k.id = p[2];
        if (type == KeyType::Period)
            k.periodId = p[2];
        break;
    case KeyType::Subject:
        k.subjectId = p[1];
        break;
    case KeyType::Teacher:
        k.teacherId = p[1];
        break;
    case KeyType::School:
        k.id = p[1];
        break;
    case KeyType::Class:
        k.classId = p[1];
        break;
    case KeyType::Pupil:
        k.pupilId = p[1];
        break;
    case KeyType::Member:
        k.classId = p[1];
        k.subjectId = p[2];
        k.groupId = p[3];
        k.pupilId = p[4];
        break;
    case KeyType::Slot:
        k.classId = p[1];
        k.id = p[2]; // the weekday
        k.slot = view[3].toInt();
        k.groupId = p[4];
        break;
    case KeyType::Assignment:
        k.teacherId = p[1];
        k.classId = p[2];
        k.subjectId = p[3];
        k.groupId = p[4];
        break;
    case KeyType::Substitution:
        k.date = dateOf(view[1]);
        k.slot = view[2].toInt();
        k.classId = p[3];
        k.groupId = p[4];
        break;
    case KeyType::Lesson:
    case KeyType::Mark:
    case KeyType::Attendance:
        k.classId = p[1];
        k.subjectId = p[2];
        k.groupId = p[3];
        k.date = dateOf(view[4]);
        k.slot = view[5].toInt();
        if (type != KeyType::Lesson)
            k.pupilId = p[6];
        if (type == KeyType::Mark)
            k.id = p[7]; // the column
        break;
    case KeyType::Task:
        k.classId = p[1];
        k.subjectId = p[2];
        k.groupId = p[3];
        k.id = p[4];
        break;
    case KeyType::Submission:
        k.classId = p[1];
        k.subjectId = p[2];
        k.groupId = p[3];
        k.id = p[4]; // the task
        k.pupilId = p[5];
        break;
    case KeyType::PeriodMark:
    case KeyType::Correction:
        k.classId = p[1];
        k.subjectId = p[2];
        k.periodId = p[3];
        k.pupilId = p[4];
        if (type == KeyType::Correction)
            k.id = p[5];
        break;
    case KeyType::KtpTopic:
    case KeyType::KtpCorrection:
        k.classId = p[1];
        k.subjectId = p[2];
        k.id = p[3];
        break;
    case KeyType::Unknown:
        break;
    }
    return k;
}

int schoolYearOf(const QDate& date) {
    return date.month() >= 9 ? date.year() : date.year() - 1;
}

} // namespace tabel::domain
