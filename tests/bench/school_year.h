// A deterministic school year of one class for benchmarks (node now, hub later): the same seed gives the same
// pupils, timetable, lessons, marks and absences on every machine (QRandomGenerator is a seeded mt19937 with
// Qt-defined bounded()).
//
// Shape (the defaults; see SchoolYearOptions):
//  - one class «7А», 30 pupils with Cyrillic names, 12 subjects, one teacher who teaches all of them (so that
//    one node store can hold the whole class year);
//  - 170 school days, Monday to Friday from 2026-09-01, skipping the 2026/27 holidays (autumn, winter,
//    spring breaks and public holidays); `firstDay` in a later year gives that school year, with the same
//    holidays by day and month (bench_hub_school grows a school over five years this way);
//  - 6 lessons a day from a fixed weekly timetable of 30 slots: subject = (5 × slot-of-week) mod 12, so six
//    subjects have 3 lessons a week and six have 2 (≈ 2.5 per subject per week), 1,020 lessons in the year;
//  - per lesson and pupil: absent with probability 8 % (reasons Б 50 %, УП 25 %, НП 25 %); an absent pupil
//    gets no mark (R-J3 forbids it unless the reason is illness; we give none at all, the simplest choice);
//    a present pupil gets two marks, column 1 for classwork (or a control work, weight 2, when the lesson's
//    form is «контрольная работа») and column 2 for the homework. Values 5/4/3/2 with a per-pupil tendency
//    (strong, average, weak pupils), ≈ 30/42/23/5 % over the class.
//  This is the simplest generator that gives ≈ 60,000 mark + attendance rows in a year:
//  1,020 lessons × 30 pupils = 30,600 cells; ≈ 2,450 absences + ≈ 28,150 × 2 marks ≈ 58,750 rows.
#pragma once

#include "shared/domain/model.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>

#include <cstdint>

namespace tabel::bench {

struct SchoolYearOptions {
    std::uint32_t seed = 20260901;
    QDate firstDay = QDate(2026, 9, 1);
    int schoolDays = 170;
    QDate lastDay;         // if valid, no school day after it (e.g. 2026-09-30 for a one-month smoke run)
    int lessonsPerDay = 6; // slots 1…lessonsPerDay
    int pupils = 30;
    QString classId = QStringLiteral("7А");
    QString pupilIdPrefix = QStringLiteral("p"); // pupil ids: prefix + 01, 02 … (a school needs one per class)
    QString teacherId = QStringLiteral("t-bench");
    QString teacherName = QStringLiteral("Иванова Мария Петровна");
};

// One lesson as a teacher fills its column: the lesson, its marks and its absences.
struct LessonRecord {
    domain::Lesson lesson;
    QList<domain::Mark> marks;
    QList<domain::Attendance> absences;
};

struct SchoolYear {
    SchoolYearOptions options;
    QList<domain::Pupil> pupils;
    QList<domain::Subject> subjects;
    QList<domain::TimetableSlot> timetable; // the weekly timetable
    QList<QDate> days;                      // school days in order
    QList<LessonRecord> lessons;            // in date, slot order
    int markCount = 0;
    int absenceCount = 0;

    // CSV files in the formats of «tabel-node import roster|timetable».
    QByteArray rosterCsv() const;
    QByteArray timetableCsv() const;
};

// 2026/27 holidays (Russian school calendar): no school on these days. A day of another school year (1 September
// – 31 August) is checked against the same day and month of 2026/27, so later years repeat its calendar.
bool isHoliday(QDate day);

SchoolYear generateSchoolYear(const SchoolYearOptions& options = {});

} // namespace tabel::bench
