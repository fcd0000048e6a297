#include "tests/bench/school_year.h"

#include <QHash>
#include <QRandomGenerator>
#include <QStringList>

#include <array>

namespace tabel::bench {

using namespace tabel::domain;

namespace {

struct SubjectName {
    const char* id;
    const char* name;
};
constexpr std::array<SubjectName, 12> kSubjects{{
    {"rus", "Русский язык"},
    {"lit", "Литература"},
    {"eng", "Английский язык"},
    {"alg", "Алгебра"},
    {"geom", "Геометрия"},
    {"hist", "История"},
    {"soc", "Обществознание"},
    {"geo", "География"},
    {"bio", "Биология"},
    {"phys", "Физика"},
    {"inf", "Информатика"},
    {"pe", "Физическая культура"},
}};

constexpr std::array<const char*, 15> kBoySurnames{"Алексеев", "Борисов", "Васильев", "Григорьев", "Дмитриев",
                                                   "Егоров",   "Жуков",   "Захаров",  "Ильин",     "Ковалёв",
                                                   "Лебедев",  "Морозов", "Николаев", "Орлов",     "Павлов"};
constexpr std::array<const char*, 15> kGirlSurnames{"Романова",   "Смирнова", "Тихонова", "Уварова",   "Фёдорова",
                                                    "Харитонова", "Цветкова", "Чернова",  "Шестакова", "Щербакова",
                                                    "Юдина",      "Яковлева", "Белова",   "Волкова",   "Гусева"};
constexpr std::array<const char*, 15> kBoyNames{"Александр", "Артём",  "Иван", "Максим", "Михаил",
                                                "Никита",    "Даниил", "Егор", "Кирилл", "Матвей",
                                                "Тимофей",   "Фёдор",  "Глеб", "Лев",    "Марк"};
constexpr std::array<const char*, 15> kGirlNames{"Анна",   "Мария",    "Софья",   "Дарья",  "Полина",
                                                 "Алиса",  "Виктория", "Варвара", "Ксения", "Елизавета",
                                                 "Ульяна", "Вероника", "Арина",   "Ева",    "Таисия"};
constexpr std::array<const char*, 5> kBoyPatronymics{"Андреевич", "Сергеевич", "Алексеевич", "Дмитриевич", "Игоревич"};
constexpr std::array<const char*, 5> kGirlPatronymics{"Андреевна", "Сергеевна", "Алексеевна", "Дмитриевна", "Игоревна"};

// Percent chances of 5, 4, 3, 2 for strong, average and weak pupils.
constexpr std::array<std::array<int, 4>, 3> kTendency{{{55, 35, 9, 1}, {25, 50, 22, 3}, {8, 35, 45, 12}}};

QString u(const char* s) {
    return QString::fromUtf8(s);
}

int pick(QRandomGenerator& rng, const std::array<int, 4>& percents) {
    int roll = int(rng.bounded(100));
    for (int i = 0; i < 4; ++i) {
        if (roll < percents[std::size_t(i)])
            return i;
        roll -= percents[std::size_t(i)];
    }
    return 3;
}

bool inRange(QDate d, int y1, int m1, int d1, int y2, int m2, int d2) {
    return d >= QDate(y1, m1, d1) && d <= QDate(y2, m2, d2);
}

} // namespace

bool isHoliday(QDate d) {
    // Other school years keep the 2026/27 dates (same day and month): the day is moved into 2026/27 first.
    const int startYear = d.month() >= 9 ? d.year() : d.year() - 1;
    if (startYear != 2026)
        d = d.addYears(2026 - startYear);
    return inRange(d, 2026, 10, 26, 2026, 11, 4)    // autumn break and Day of National Unity
           || inRange(d, 2026, 12, 29, 2027, 1, 11) // winter break
           || d == QDate(2027, 2, 23)               // Defender of the Fatherland Day
           || d == QDate(2027, 3, 8)                // International Women's Day
           || inRange(d, 2027, 3, 22, 2027, 3, 31)  // spring break
           || d == QDate(2027, 5, 3)                // 1 May falls on a Saturday
           || d == QDate(2027, 5, 10);              // 9 May falls on a Sunday
}

SchoolYear generateSchoolYear(const SchoolYearOptions& options) {
    SchoolYear y;
    y.options = options;
    QRandomGenerator rng(options.seed);

    for (const SubjectName& s : kSubjects)
        y.subjects.append(Subject{u(s.id), u(s.name)});

    QList<int> tendency; // per pupil: 0 strong, 1 average, 2 weak
    for (int i = 0; i < options.pupils; ++i) {
        const bool girl = i % 2 == 1;
        const auto k = std::size_t(i / 2 % 15);
        Pupil p;
        p.id = options.pupilIdPrefix + QStringLiteral("%1").arg(i + 1, 2, 10, QLatin1Char('0'));
        p.classId = options.classId;
        p.surname = u(girl ? kGirlSurnames[k] : kBoySurnames[k]);
        p.name = u(girl ? kGirlNames[(k * 7) % 15] : kBoyNames[(k * 4) % 15]);
        p.patronymic = u(girl ? kGirlPatronymics[k % 5] : kBoyPatronymics[(k + 2) % 5]);
        p.bookNumber = QString::number(1001 + i);
        y.pupils.append(std::move(p));
        const int roll = int(rng.bounded(30));
        tendency.append(roll < 8 ? 0 : roll < 23 ? 1 : 2);
    }

    // Weekly timetable: slot-of-week w = (weekday-1) × lessonsPerDay + (slot-1); subject (5 × w) mod 12.
    // 5 and 12 are coprime, so every 12 consecutive slots hold each subject once and a day never repeats one.
    const int subjectCount = int(y.subjects.size());
    for (int weekday = 1; weekday <= 5; ++weekday)
        for (int slot = 1; slot <= options.lessonsPerDay; ++slot) {
            const int w = (weekday - 1) * options.lessonsPerDay + (slot - 1);
            TimetableSlot t;
            t.classId = options.classId;
            t.weekday = weekday;
            t.slot = slot;
            t.groupId = kWholeClass;
            t.subjectId = y.subjects[(5 * w) % subjectCount].id;
            t.teacherId = options.teacherId;
            y.timetable.append(std::move(t));
        }

    for (QDate d = options.firstDay; y.days.size() < options.schoolDays; d = d.addDays(1)) {
        if (options.lastDay.isValid() && d > options.lastDay)
            break;
        if (d.dayOfWeek() <= 5 && !isHoliday(d))
            y.days.append(d);
    }

    QHash<QString, int> lessonNumber; // per subject, for topics
    int certificate = 100;
    for (const QDate& day : std::as_const(y.days)) {
        for (int slot = 1; slot <= options.lessonsPerDay; ++slot) {
            const TimetableSlot& t = y.timetable[(day.dayOfWeek() - 1) * options.lessonsPerDay + (slot - 1)];
            const int n = ++lessonNumber[t.subjectId];
            QString subjectName;
            for (const Subject& s : std::as_const(y.subjects))
                if (s.id == t.subjectId)
                    subjectName = s.name;

            LessonRecord r;
            Lesson& l = r.lesson;
            l.key = LessonKey{options.classId, t.subjectId, kWholeClass, day, slot};
            l.topic = QStringLiteral("%1: тема %2").arg(subjectName).arg(n);
            const int form = int(rng.bounded(100));
            l.form = form < 10   ? QStringLiteral("контрольная работа")
                     : form < 30 ? QStringLiteral("самостоятельная работа")
                     : form < 60 ? QStringLiteral("устный ответ")
                     : form < 85 ? QStringLiteral("письменная работа")
                                 : QStringLiteral("тест");
            if (rng.bounded(100) < 80) {
                l.homework = QStringLiteral("§%1, упражнения %2–%3").arg(n).arg(n * 3).arg(n * 3 + 4);
                l.homeworkDue = day.addDays(7);
            }
            l.teacherId = options.teacherId;
            const bool control = form < 10;

            for (int i = 0; i < y.pupils.size(); ++i) {
                const QString& pupilId = y.pupils[i].id;
                if (rng.bounded(100) < 8) {
                    Attendance a;
                    a.lesson = l.key;
                    a.pupilId = pupilId;
                    const int reason = int(rng.bounded(4));
                    a.reason = reason < 2    ? AbsenceReason::Illness
                               : reason == 2 ? AbsenceReason::Valid
                                             : AbsenceReason::Unexcused;
                    if (a.reason == AbsenceReason::Illness && rng.bounded(2) == 0) {
                        a.certificateNo = QString::number(++certificate);
                        a.certificateDate = day.addDays(3);
                    }
                    r.absences.append(std::move(a));
                    continue; // no mark for an absent pupil (R-J3)
                }
                static constexpr MarkValue kValues[] = {MarkValue::Five, MarkValue::Four, MarkValue::Three,
                                                        MarkValue::Two};
                const auto& odds = kTendency[std::size_t(tendency[i])];
                Mark classwork;
                classwork.lesson = l.key;
                classwork.pupilId = pupilId;
                classwork.column = 1;
                classwork.value = kValues[pick(rng, odds)];
                classwork.kind = control ? MarkKind::Control : MarkKind::Current;
                classwork.work = control ? WorkKind::Control : WorkKind::Classwork;
                classwork.weight = control ? 2 : 1;
                Mark homework = classwork;
                homework.column = 2;
                homework.value = kValues[pick(rng, odds)];
                homework.kind = MarkKind::Current;
                homework.work = WorkKind::Homework;
                homework.weight = 1;
                r.marks.append(std::move(classwork));
                r.marks.append(std::move(homework));
            }
            y.markCount += int(r.marks.size());
            y.absenceCount += int(r.absences.size());
            y.lessons.append(std::move(r));
        }
    }
    return y;
}

QByteArray SchoolYear::rosterCsv() const {
    QString out = QStringLiteral("pupil_id,class,surname,name,patronymic,book_no,subgroups\n");
    for (const Pupil& p : pupils)
        out +=
            QStringList{p.id, p.classId, p.surname, p.name, p.patronymic, p.bookNumber, QString()}.join(u',') + u'\n';
    return out.toUtf8();
}

QByteArray SchoolYear::timetableCsv() const {
    QString out = QStringLiteral("class,weekday,slot,subject,subject_name,group,teacher,teacher_name\n");
    for (const TimetableSlot& t : timetable) {
        QString name;
        for (const Subject& s : subjects)
            if (s.id == t.subjectId)
                name = s.name;
        out +=
            QStringList{t.classId,   QString::number(t.weekday), QString::number(t.slot), t.subjectId, name, t.groupId,
                        t.teacherId, options.teacherName}
                .join(u',') +
            u'\n';
    }
    return out.toUtf8();
}

} // namespace tabel::bench
