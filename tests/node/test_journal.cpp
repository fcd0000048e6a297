// The teacher's journal on the node (node/core/journal.h): reference data from CSV, marks and absences,
// distance tasks and submissions, period marks and corrections, substitutions and subgroups, views — each rule
// of the regulation checked through the journal, and each accepted operation recorded as exactly one signed
// change set (R-S1, R-S3) while each rejected one records nothing.
#include "node/core/journal.h"
#include "node/store/node_store.h"
#include "tests/support/test_support.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <memory>
#include <optional>

using namespace tabel;
using namespace tabel::node;
using namespace tabel::domain;

namespace {

const QString kTeacher = QStringLiteral("ivanova");
const QString kClass = QStringLiteral("7А");

const QByteArray kRoster = "pupil_id,class,surname,name,patronymic,book_no,subgroups\n"
                           "7a-01,7А,Алексеев,Артём,Игоревич,112,eng:1\n"
                           "7a-02,7А,Белова,Варвара,Сергеевна,113,eng:1\n"
                           "7a-03,7А,Воронцов,Глеб,Андреевич,114,eng:2\n"
                           "7a-04,7А,Добровольская,Елизавета,Олеговна,115,eng:2\n"
                           "7a-05,7А,Жуков,Захар,Ильич,116,eng:1\n"
                           "7a-06,7А,Ёлкина,Юлия,Денисовна,117,eng:2\n"
                           "7b-01,7Б,Григорьев,Денис,Олегович,130,\n";
const QByteArray kTimetable = "class,weekday,slot,subject,subject_name,group,teacher,teacher_name\n"
                              "7А,2,2,math,Математика,all,ivanova,Иванова Мария Петровна\n"
                              "7А,2,4,eng,Английский язык,1,ivanova,Иванова Мария Петровна\n"
                              "7А,2,4,eng,Английский язык,2,smirnov,Смирнов Олег Юрьевич\n"
                              "7А,3,2,rus,Русский язык,all,sidorova,Сидорова Ольга Николаевна\n"
                              "7Б,2,3,math,Математика,all,petrova,Петрова Анна Викторовна\n"
                              "7Б,3,2,rus,Русский язык,all,sidorova,Сидорова Ольга Николаевна\n";
const QByteArray kCalendar = "kind,id,title,start,end,grades\n"
                             "year,2026-2027,2026/2027 учебный год,2026-09-01,2027-05-31,\n"
                             "quarter,q1,1 четверть,2026-09-01,2026-10-24,2-9\n"
                             "quarter,q2,2 четверть,2026-11-05,2026-12-28,2-9\n"
                             "half,h1,1 полугодие,2026-09-01,2026-12-28,10-11\n"
                             "holiday,autumn,Осенние каникулы,2026-10-25,2026-11-04,\n";

crypto::SecretBytes passphrase() {
    static constexpr char kPass[] = "correct horse battery";
    return crypto::SecretBytes::fromBytes(kPass, std::strlen(kPass));
}

LessonKey lessonKey(const QString& subject, const QString& group, QDate date, int slot,
                    const QString& classId = kClass) {
    return LessonKey{classId, subject, group, date, slot};
}
LessonKey math(QDate date) {
    return lessonKey(QStringLiteral("math"), kWholeClass, date, 2);
}
LessonKey eng(const QString& group, QDate date) {
    return lessonKey(QStringLiteral("eng"), group, date, 4);
}

Lesson lesson(const LessonKey& key, const QString& topic = QStringLiteral("Дроби")) {
    Lesson l;
    l.key = key;
    l.topic = topic;
    return l;
}

Mark mark(const LessonKey& key, const QString& pupil, MarkValue value) {
    Mark m;
    m.lesson = key;
    m.pupilId = pupil;
    m.value = value;
    return m;
}

Attendance absence(const LessonKey& key, const QString& pupil, AbsenceReason reason) {
    Attendance a;
    a.lesson = key;
    a.pupilId = pupil;
    a.reason = reason;
    return a;
}

Task task(const QString& id, const std::optional<LessonKey>& key, WorkKind kind) {
    Task t;
    t.classId = kClass;
    t.subjectId = QStringLiteral("math");
    t.groupId = kWholeClass;
    t.id = id;
    t.lesson = key;
    t.kind = kind;
    t.title = QStringLiteral("Задачи на дроби");
    t.text = QStringLiteral("Решить задачи 5–12 на странице 48");
    t.issued = QDate(2026, 9, 1);
    t.due = QDate(2026, 9, 8);
    t.form = QStringLiteral("письменная работа");
    return t;
}

QDate d(int month, int day) {
    return QDate(2026, month, day);
}

// A teacher's node with the school's reference data imported.
class School {
public:
    QTemporaryDir tmp;
    std::optional<NodeStore> store;
    std::optional<Journal> journal;

    // Creates the store; empty string on success, the error otherwise.
    QString create() {
        if (!tmp.isValid())
            return QStringLiteral("no temporary folder");
        Result<NodeStore> s =
            NodeStore::create(tmp.filePath(QStringLiteral("store")), passphrase(),
                              NodeStore::InitOptions{.teacherId = kTeacher,
                                                     .teacherName = QStringLiteral("Иванова Мария Петровна"),
                                                     .kdfProfile = QStringLiteral("interactive")});
        if (!s)
            return s.error().message;
        store.emplace(std::move(s).value());
        journal.emplace(*store);
        return {};
    }
    QString importAll() {
        if (auto r = journal->importRoster(file(QStringLiteral("roster.csv"), kRoster)); !r)
            return r.error().message;
        if (auto r = journal->importTimetable(file(QStringLiteral("timetable.csv"), kTimetable)); !r)
            return r.error().message;
        if (auto r = journal->importCalendar(file(QStringLiteral("calendar.csv"), kCalendar)); !r)
            return r.error().message;
        return {};
    }
    QString file(const QString& name, const QByteArray& content) {
        return test::writeFile(tmp.filePath(name), content);
    }
    // Change sets recorded and not yet pushed; -1 if the status cannot be read.
    std::int64_t pending() {
        const Result<StoreStatus> s = store->status();
        return s ? s->pendingChangeSets : -1;
    }
    std::optional<Fields> entity(const QString& key) {
        const auto r = store->entity(key);
        return r ? *r : std::nullopt;
    }
};

template <class R> QByteArray failure(const R& r) {
    return r.has_value() ? QByteArray() : r.error().message.toUtf8();
}

} // namespace

// A school with roster, timetable and calendar imported, in `school` (a std::unique_ptr<School>).
#define MAKE_SCHOOL(school)                                                                                            \
    auto school = std::make_unique<School>();                                                                          \
    do {                                                                                                               \
        const QString make_school_e_ = school->create();                                                               \
        QVERIFY2(make_school_e_.isEmpty(), qPrintable(make_school_e_));                                                \
        const QString import_e_ = school->importAll();                                                                 \
        QVERIFY2(import_e_.isEmpty(), qPrintable(import_e_));                                                          \
    } while (false)

// The operation succeeds and leaves exactly one new change set.
#define ACCEPTED(school, expr)                                                                                         \
    do {                                                                                                               \
        const std::int64_t accepted_before_ = (school)->pending();                                                     \
        const auto& accepted_r_ = (expr);                                                                              \
        QVERIFY2(accepted_r_.has_value(), failure(accepted_r_).constData());                                           \
        QCOMPARE((school)->pending(), accepted_before_ + 1);                                                           \
    } while (false)

// The operation is rejected by the rule of the given clause, whose number starts the message, and records
// nothing.
#define REJECTED(school, expr, clauseText)                                                                             \
    do {                                                                                                               \
        const std::int64_t rejected_before_ = (school)->pending();                                                     \
        const auto& rejected_r_ = (expr);                                                                              \
        QVERIFY2(!rejected_r_.has_value(), "accepted, but the regulation forbids it");                                 \
        QVERIFY2(rejected_r_.error().code == ErrorCode::RuleViolation, failure(rejected_r_).constData());              \
        QCOMPARE(rejected_r_.error().clause, QStringLiteral(clauseText));                                              \
        QVERIFY2(rejected_r_.error().message.startsWith(QStringLiteral(clauseText ": ")),                              \
                 failure(rejected_r_).constData());                                                                    \
        QCOMPARE((school)->pending(), rejected_before_);                                                               \
    } while (false)

class TestJournal : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void importsReferenceData();
    void importIsAllOrNothing_data();
    void importIsAllOrNothing();
    void pupilsInAlphabeticalOrder();

    void noMarkForAbsentPupil_data(); // R-J3
    void noMarkForAbsentPupil();
    void recordLessonIsAllOrNothing();       // R-J3 inside one lesson's column
    void markNeedsItsLesson();               // R-J4
    void gradeGoesIntoTheTaskLessonColumn(); // R-J4
    void selfStudyGrades_data();             // R-J7
    void selfStudyGrades();
    void overdueSubmissions();    // R-J8
    void periodMarkWindow_data(); // R-J9
    void periodMarkWindow();
    void missingPeriodMarks();                            // R-J9 report
    void substituteWritesOnlyTheSubstitutedLesson_data(); // R-J10
    void substituteWritesOnlyTheSubstitutedLesson();
    void substitutionNeedsItsTeachers(); // R-J10
    void subgroups();                    // R-J11
    void classJournalDateRange();        // R-J12
    void pupilResultsAcrossSubjects();   // R-J12
    void correction_data();              // R-J13
    void correction();
};

void TestJournal::initTestCase() {
    QVERIFY(crypto::initialize().has_value());
}

// ---- Imports (R-J1) -------------------------------------------------------------------------------------------

void TestJournal::importsReferenceData() {
    School school;
    const QString e = school.create();
    QVERIFY2(e.isEmpty(), qPrintable(e));
    const auto roster = school.journal->importRoster(school.file(QStringLiteral("roster.csv"), kRoster));
    QVERIFY2(roster.has_value(), failure(roster).constData());
    QCOMPARE(roster->rows, 7);
    // One change set per unit (sync/unit.h): the pupils of 7А and of 7Б travel apart, in one transaction.
    QCOMPARE(roster->commit.seq, std::int64_t(2));
    QCOMPARE(school.pending(), std::int64_t(2));
    const auto timetable = school.journal->importTimetable(school.file(QStringLiteral("timetable.csv"), kTimetable));
    QVERIFY2(timetable.has_value(), failure(timetable).constData());
    QCOMPARE(timetable->rows, 6);
    const auto calendar = school.journal->importCalendar(school.file(QStringLiteral("calendar.csv"), kCalendar));
    QVERIFY2(calendar.has_value(), failure(calendar).constData());
    // The timetable is three sets: its subjects and teachers (school-wide), the slots and assignments of 7А, of 7Б.
    QCOMPARE(school.pending(), std::int64_t(6));

    const auto pupils = school.journal->pupilsOfClass(kClass);
    QVERIFY(pupils.has_value());
    QCOMPARE(pupils->size(), 6);
    QCOMPARE(pupils->first().surname, QStringLiteral("Алексеев"));
    const auto p = school.journal->pupil(QStringLiteral("7a-04"));
    QVERIFY(p.has_value() && p->has_value());
    QCOMPARE((*p)->fullName(), QStringLiteral("Добровольская Елизавета Олеговна"));
    QCOMPARE((*p)->bookNumber, QStringLiteral("115"));
    QCOMPARE(school.journal->groupMembers(kClass, QStringLiteral("eng"), QStringLiteral("2")).value(),
             QStringList({QStringLiteral("7a-03"), QStringLiteral("7a-04"), QStringLiteral("7a-06")}));
    const auto q1 = school.journal->period(QStringLiteral("q1"));
    QVERIFY(q1.has_value() && q1->has_value());
    QCOMPARE((*q1)->end, d(10, 24));
    // Importing the same file again changes nothing, so it records nothing.
    const auto again = school.journal->importRoster(school.file(QStringLiteral("roster.csv"), kRoster));
    QVERIFY(again.has_value());
    QCOMPARE(again->commit.seq, std::int64_t(0));
    QCOMPARE(school.pending(), std::int64_t(6));
}

void TestJournal::importIsAllOrNothing_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("where");
    const QByteArray rosterHead = "pupil_id,class,surname,name,patronymic,book_no,subgroups\n"
                                  "7a-01,7А,Алексеев,Артём,Игоревич,112,eng:1\n"
                                  "7a-02,7А,Белова,Варвара,Сергеевна,113,eng:1\n"
                                  "7a-03,7А,Воронцов,Глеб,Андреевич,114,eng:2\n";
    QTest::newRow("roster: empty surname")
        << QStringLiteral("roster") << rosterHead + "7a-04,7А,,Елизавета,Олеговна,115,eng:2\n7a-05,7А,Жуков,Захар,,,\n"
        << QStringLiteral("roster.csv, line 5");
    QTest::newRow("roster: duplicate pupil id")
        << QStringLiteral("roster") << rosterHead + "7a-02,7А,Добровольская,Елизавета,Олеговна,115,eng:2\n"
        << QStringLiteral("roster.csv, line 5");
    QTest::newRow("roster: not a class") << QStringLiteral("roster")
                                         << rosterHead + "7a-04,Х,Добровольская,Елизавета,Олеговна,115,eng:2\n"
                                         << QStringLiteral("roster.csv, line 5");
    QTest::newRow("roster: bad subgroup")
        << QStringLiteral("roster") << rosterHead + "7a-04,7А,Добровольская,Елизавета,Олеговна,115,eng\n"
        << QStringLiteral("roster.csv, line 5");
    const QByteArray timetableHead = "class,weekday,slot,subject,subject_name,group,teacher,teacher_name\n"
                                     "7А,2,2,math,Математика,all,ivanova,Иванова Мария Петровна\n"
                                     "7А,2,4,eng,Английский язык,1,ivanova,Иванова Мария Петровна\n"
                                     "7А,2,4,eng,Английский язык,2,smirnov,Смирнов Олег Юрьевич\n";
    QTest::newRow("timetable: weekday 8")
        << QStringLiteral("timetable") << timetableHead + "7А,8,2,rus,Русский язык,all,sidorova,Сидорова\n"
        << QStringLiteral("timetable.csv, line 5");
    QTest::newRow("timetable: same slot twice")
        << QStringLiteral("timetable") << timetableHead + "7А,2,2,rus,Русский язык,all,sidorova,Сидорова\n"
        << QStringLiteral("timetable.csv, line 5");
    const QByteArray calendarHead = "kind,id,title,start,end,grades\n"
                                    "year,2026-2027,2026/2027 учебный год,2026-09-01,2027-05-31,\n"
                                    "quarter,q1,1 четверть,2026-09-01,2026-10-24,2-9\n"
                                    "quarter,q2,2 четверть,2026-11-05,2026-12-28,2-9\n";
    QTest::newRow("calendar: no such date")
        << QStringLiteral("calendar") << calendarHead + "quarter,q3,3 четверть,2027-01-12,2027-02-30,2-9\n"
        << QStringLiteral("calendar.csv, line 5");
    QTest::newRow("calendar: unknown kind")
        << QStringLiteral("calendar") << calendarHead + "term,t1,триместр,2027-01-12,2027-03-20,2-9\n"
        << QStringLiteral("calendar.csv, line 5");
    QTest::newRow("calendar: end before start")
        << QStringLiteral("calendar") << calendarHead + "holiday,autumn,Каникулы,2026-11-04,2026-10-25,\n"
        << QStringLiteral("calendar.csv, line 5");
}

void TestJournal::importIsAllOrNothing() {
    QFETCH(QString, kind);
    QFETCH(QByteArray, content);
    QFETCH(QString, where);
    School school;
    const QString e = school.create();
    QVERIFY2(e.isEmpty(), qPrintable(e));
    const QString path = school.file(kind + QStringLiteral(".csv"), content);
    const Result<ImportReport> r = kind == QLatin1String("roster")      ? school.journal->importRoster(path)
                                   : kind == QLatin1String("timetable") ? school.journal->importTimetable(path)
                                                                        : school.journal->importCalendar(path);
    QVERIFY2(!r.has_value(), "a file with a bad line was imported");
    QCOMPARE(r.error().code, ErrorCode::InvalidInput);
    QVERIFY2(r.error().message.contains(where), failure(r).constData());
    // Nothing of the good lines before it was written.
    QCOMPARE(school.pending(), std::int64_t(0));
    for (const char* prefix :
         {"pupil/", "class/", "member/", "slot/", "assign/", "subject/", "teacher/", "year/", "period/", "holiday/"}) {
        const auto entities = school.store->scan(QString::fromLatin1(prefix));
        QVERIFY(entities.has_value());
        QVERIFY2(entities->isEmpty(), prefix);
    }
}

void TestJournal::pupilsInAlphabeticalOrder() {
    // The journal lists a class in Russian alphabetical order: Ё comes after Е, not before А (as its code
    // point U+0401 would put it).
    MAKE_SCHOOL(school);
    const auto pupils = school->journal->pupilsOfClass(kClass);
    QVERIFY(pupils.has_value());
    QStringList surnames;
    for (const Pupil& p : *pupils)
        surnames << p.surname;
    QCOMPARE(surnames,
             QStringList({QStringLiteral("Алексеев"), QStringLiteral("Белова"), QStringLiteral("Воронцов"),
                          QStringLiteral("Добровольская"), QStringLiteral("Ёлкина"), QStringLiteral("Жуков")}));
    const auto view = school->journal->classJournal(kClass, QStringLiteral("math"), {}, d(9, 1), d(9, 30));
    QVERIFY(view.has_value());
    QCOMPARE(view->rows.size(), 6);
    QCOMPARE(view->rows[4].pupil.surname, QStringLiteral("Ёлкина"));
}

// ---- Marks and absences ---------------------------------------------------------------------------------------

void TestJournal::noMarkForAbsentPupil_data() {
    QTest::addColumn<QString>("reason");
    QTest::addColumn<bool>("markFirst");
    QTest::addColumn<bool>("accepted");
    for (bool markFirst : {false, true}) {
        const char* order = markFirst ? "mark, then absence" : "absence, then mark";
        QTest::addRow("%s, unexcused НП", order) << QStringLiteral("НП") << markFirst << false;
        QTest::addRow("%s, valid reason УП", order) << QStringLiteral("УП") << markFirst << false;
        QTest::addRow("%s, illness Б", order) << QStringLiteral("Б") << markFirst << true;
    }
}

void TestJournal::noMarkForAbsentPupil() {
    // R-J3 (3.5): no mark for a pupil absent from the lesson unless the reason is illness — both ways round.
    QFETCH(QString, reason);
    QFETCH(bool, markFirst);
    QFETCH(bool, accepted);
    MAKE_SCHOOL(school);
    const LessonKey key = math(d(9, 1));
    ACCEPTED(school, school->journal->saveLesson(lesson(key)));
    const Attendance a = absence(key, QStringLiteral("7a-01"), parseAbsenceReason(reason).value());
    const Mark m = mark(key, QStringLiteral("7a-01"), MarkValue::Five);
    if (markFirst)
        ACCEPTED(school, school->journal->setMark(m));
    else
        ACCEPTED(school, school->journal->setAbsence(a));
    if (accepted) {
        ACCEPTED(school, markFirst ? school->journal->setAbsence(a) : school->journal->setMark(m));
    } else {
        REJECTED(school, markFirst ? school->journal->setAbsence(a) : school->journal->setMark(m), "3.5");
        // The first entry stands, the second is not there.
        QCOMPARE(school->entity(m.entityKey()).has_value(), markFirst);
        QCOMPARE(school->entity(a.entityKey()).has_value(), !markFirst);
    }
    const auto view = school->journal->classJournal(kClass, QStringLiteral("math"), {}, d(9, 1), d(9, 1));
    QVERIFY(view.has_value());
    QCOMPARE(view->columns.size(), 1);
    const JournalCell& cell = view->rows.first().cells.first(); // 7a-01, Алексеев, sorts first
    QCOMPARE(view->rows.first().pupil.id, QStringLiteral("7a-01"));
    QCOMPARE(cell.marks.isEmpty(), !accepted && !markFirst);
    QCOMPARE(cell.absence.has_value(), accepted || !markFirst);
}

void TestJournal::recordLessonIsAllOrNothing() {
    MAKE_SCHOOL(school);
    const LessonKey key = math(d(9, 1));
    const QList<Mark> marks = {mark(key, QStringLiteral("7a-01"), MarkValue::Five),
                               mark(key, QStringLiteral("7a-02"), MarkValue::Four)};
    // 7a-02 is absent without illness and gets a mark in the same column: the whole lesson is refused.
    REJECTED(school,
             school->journal->recordLesson(lesson(key), marks,
                                           {absence(key, QStringLiteral("7a-02"), AbsenceReason::Unexcused)}),
             "3.5");
    QVERIFY(!school->entity(QStringLiteral("lesson/") + key.toString()).has_value());
    QVERIFY(!school->entity(marks.first().entityKey()).has_value());
    // With illness it is one change set: the lesson, the absence and both marks.
    ACCEPTED(school, school->journal->recordLesson(lesson(key), marks,
                                                   {absence(key, QStringLiteral("7a-02"), AbsenceReason::Illness)}));
    const auto sets = school->store->changeSets(school->pending() - 1);
    QVERIFY(sets.has_value());
    QCOMPARE(sets->size(), 1);
    QVERIFY(sets->first().verify().has_value());
    QSet<QString> entities;
    for (const sync::Op& op : sets->first().ops)
        entities.insert(op.entity);
    QCOMPARE(entities.size(), 4);
    QVERIFY(school->entity(marks.last().entityKey()).has_value());
}

void TestJournal::markNeedsItsLesson() {
    // R-J4 (3.4): every current mark references its lesson.
    MAKE_SCHOOL(school);
    const LessonKey key = math(d(9, 1));
    REJECTED(school, school->journal->setMark(mark(key, QStringLiteral("7a-01"), MarkValue::Five)), "3.4");
    REJECTED(school, school->journal->setAbsence(absence(key, QStringLiteral("7a-01"), AbsenceReason::Illness)), "3.4");
    ACCEPTED(school, school->journal->saveLesson(lesson(key)));
    ACCEPTED(school, school->journal->setMark(mark(key, QStringLiteral("7a-01"), MarkValue::Five)));
    // Another lesson of the same day is another column; it does not exist.
    REJECTED(school,
             school->journal->setMark(mark(lessonKey(QStringLiteral("math"), kWholeClass, d(9, 1), 3),
                                           QStringLiteral("7a-01"), MarkValue::Five)),
             "3.4");
}

void TestJournal::gradeGoesIntoTheTaskLessonColumn() {
    // R-J4 (3.4): a mark for distance work goes into the column of the lesson of its topic, also when it is
    // entered days later.
    MAKE_SCHOOL(school);
    const LessonKey l1 = math(d(9, 1)), l2 = math(d(9, 8));
    ACCEPTED(school, school->journal->saveLesson(lesson(l1, QStringLiteral("Сложение дробей"))));
    ACCEPTED(school, school->journal->saveLesson(lesson(l2, QStringLiteral("Вычитание дробей"))));
    const Task t = task(QStringLiteral("t1"), l1, WorkKind::Distance);
    ACCEPTED(school, school->journal->saveTask(t));
    const QString file = school->file(QStringLiteral("работа.txt"), "ответ: 3/4");
    const auto imported = school->journal->importSubmission(t.entityKey(), QStringLiteral("7a-01"), file,
                                                            QDateTime::currentDateTime().addDays(-2));
    QVERIFY2(imported.has_value(), failure(imported).constData());
    QVERIFY(!imported->deduplicated);
    QVERIFY(imported->commit.seq > 0);
    const QString subKey = imported->submission.entityKey();
    QCOMPARE(school->journal->submissionFile(subKey).value(), QByteArray("ответ: 3/4"));

    ACCEPTED(school, school->journal->gradeSubmission(subKey, MarkValue::Four));
    const Mark expected = mark(l1, QStringLiteral("7a-01"), MarkValue::Four);
    const auto stored = school->entity(expected.entityKey());
    QVERIFY2(stored.has_value(), qPrintable(expected.entityKey()));
    const auto m = Mark::fromFields(expected.entityKey(), *stored);
    QVERIFY(m.has_value());
    QCOMPARE(m->lesson, l1);
    QVERIFY(m->value == MarkValue::Four);
    QCOMPARE(m->taskId, QStringLiteral("t1"));
    QVERIFY(m->work == WorkKind::Distance);
    const auto sub = school->journal->submissions(t.entityKey());
    QVERIFY(sub.has_value());
    QCOMPARE(sub->size(), 1);
    QVERIFY(sub->first().grade == MarkValue::Four);
    QVERIFY(sub->first().gradedAt.isValid());

    // In the class journal the mark sits in the 1 September column, not the 8 September one.
    const auto view = school->journal->classJournal(kClass, QStringLiteral("math"), {}, d(9, 1), d(9, 30));
    QVERIFY(view.has_value());
    QCOMPARE(view->columns.size(), 2);
    QCOMPARE(view->columns[0].lesson.key, l1);
    QCOMPARE(view->rows.first().pupil.id, QStringLiteral("7a-01"));
    QCOMPARE(view->rows.first().cells[0].marks, QStringList({QStringLiteral("4")}));
    QVERIFY(view->rows.first().cells[1].marks.isEmpty());

    // A control work without a lesson (tied to a КТП topic) cannot be graded into a column: refused (3.4).
    KtpTopic topic;
    topic.classId = kClass;
    topic.subjectId = QStringLiteral("math");
    topic.number = 1;
    topic.title = QStringLiteral("Дроби");
    topic.plannedHours = 4;
    ACCEPTED(school, school->journal->saveKtpTopic(topic));
    Task control = task(QStringLiteral("k1"), std::nullopt, WorkKind::Control);
    control.ktpTopic = 1;
    control.form = QStringLiteral("контрольная работа");
    ACCEPTED(school, school->journal->saveTask(control));
    const auto controlSub = school->journal->importSubmission(control.entityKey(), QStringLiteral("7a-02"), file,
                                                              QDateTime::currentDateTime());
    QVERIFY2(controlSub.has_value(), failure(controlSub).constData());
    REJECTED(school, school->journal->gradeSubmission(controlSub->submission.entityKey(), MarkValue::Five), "3.4");
}

void TestJournal::selfStudyGrades_data() {
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("accepted");
    for (const char* v : {"5", "4", "3", "зач"})
        QTest::addRow("self-study %s", v) << QString::fromUtf8(v) << int(WorkKind::SelfStudy) << true;
    for (const char* v : {"2", "1", "незач"})
        QTest::addRow("self-study %s", v) << QString::fromUtf8(v) << int(WorkKind::SelfStudy) << false;
    // Only self-study work is limited to positive results: a distance task may get a 2.
    QTest::newRow("distance task 2") << QStringLiteral("2") << int(WorkKind::Distance) << true;
}

void TestJournal::selfStudyGrades() {
    // R-J7 (4.4): self-study work during distance learning is graded only 5, 4, 3 or зач.
    QFETCH(QString, value);
    QFETCH(int, kind);
    QFETCH(bool, accepted);
    MAKE_SCHOOL(school);
    const LessonKey key = math(d(9, 1));
    ACCEPTED(school, school->journal->saveLesson(lesson(key)));
    const Task t = task(QStringLiteral("s1"), key, WorkKind(kind));
    ACCEPTED(school, school->journal->saveTask(t));
    const auto imported = school->journal->importSubmission(t.entityKey(), QStringLiteral("7a-03"),
                                                            school->file(QStringLiteral("a.txt"), "решение"),
                                                            QDateTime::currentDateTime());
    QVERIFY2(imported.has_value(), failure(imported).constData());
    const QString subKey = imported->submission.entityKey();
    const MarkValue v = parseMarkValue(value).value();
    const QString markKey = mark(key, QStringLiteral("7a-03"), v).entityKey();
    if (accepted) {
        ACCEPTED(school, school->journal->gradeSubmission(subKey, v));
        QVERIFY(school->entity(markKey).has_value());
    } else {
        REJECTED(school, school->journal->gradeSubmission(subKey, v), "4.4");
        QVERIFY(!school->entity(markKey).has_value());
        QVERIFY(!school->journal->submissions(t.entityKey())->first().grade.has_value());
        // A direct mark for that work is refused too.
        Mark direct = mark(key, QStringLiteral("7a-03"), v);
        direct.work = WorkKind::SelfStudy;
        REJECTED(school, school->journal->setMark(direct), "4.4");
    }
}

void TestJournal::overdueSubmissions() {
    // R-J8 (4.2): work received more than 7 days ago and not graded is listed, oldest first.
    MAKE_SCHOOL(school);
    const LessonKey key = math(d(9, 1));
    ACCEPTED(school, school->journal->saveLesson(lesson(key)));
    const Task t = task(QStringLiteral("t1"), key, WorkKind::Distance);
    ACCEPTED(school, school->journal->saveTask(t));
    const QDateTime now = QDateTime::currentDateTime();
    struct Work {
        const char* pupil;
        int daysAgo;
        bool graded;
    };
    const Work works[] = {
        {"7a-01", 10, false}, {"7a-02", 10, true}, {"7a-03", 3, false}, {"7a-04", 8, false}, {"7a-05", 7, false}};
    QHash<QString, QString> keyOf;
    for (const Work& w : works) {
        const QString pupil = QString::fromLatin1(w.pupil);
        const QString path = school->file(pupil + QStringLiteral(".txt"), "работа " + QByteArray(w.pupil));
        const std::int64_t before = school->pending();
        const auto imported = school->journal->importSubmission(t.entityKey(), pupil, path, now.addDays(-w.daysAgo));
        QVERIFY2(imported.has_value(), failure(imported).constData());
        QCOMPARE(school->pending(), before + 1);
        keyOf.insert(pupil, imported->submission.entityKey());
        if (w.graded)
            ACCEPTED(school, school->journal->gradeSubmission(imported->submission.entityKey(), MarkValue::Five));
    }
    const auto overdue = school->journal->overdueSubmissions(QDate::currentDate());
    QVERIFY(overdue.has_value());
    QStringList pupils;
    for (const Submission& s : *overdue)
        pupils << s.pupilId;
    QCOMPARE(pupils, QStringList({QStringLiteral("7a-01"), QStringLiteral("7a-04")}));

    // The same file again for the same pupil is recognised: nothing new is recorded or stored.
    const std::int64_t before = school->pending();
    const auto again = school->journal->importSubmission(t.entityKey(), QStringLiteral("7a-01"),
                                                         school->file(QStringLiteral("copy.txt"), "работа 7a-01"), now);
    QVERIFY2(again.has_value(), failure(again).constData());
    QVERIFY(again->deduplicated);
    QCOMPARE(again->commit.seq, std::int64_t(0));
    QCOMPARE(again->submission.received.date(), now.addDays(-10).toUTC().date()); // the first receipt is kept
    QCOMPARE(school->pending(), before);
    QCOMPARE(school->store->database().queryInt("SELECT count(*) FROM blobs").value(), std::int64_t(5));

    // Grading removes it from the report.
    ACCEPTED(school, school->journal->gradeSubmission(keyOf.value(QStringLiteral("7a-01")), MarkValue::Four));
    const auto after = school->journal->overdueSubmissions(QDate::currentDate());
    QVERIFY(after.has_value());
    QCOMPARE(after->size(), 1);
    QCOMPARE(after->first().pupilId, QStringLiteral("7a-04"));
}

// ---- Period marks (R-J9) and corrections (R-J13) ----------------------------------------------------------------

void TestJournal::periodMarkWindow_data() {
    QTest::addColumn<QString>("period");
    QTest::addColumn<QDate>("deviceDate");
    QTest::addColumn<QString>("overrideReason");
    QTest::addColumn<bool>("accepted");
    // q1 ends on 24 October: the window is 18–24 October.
    QTest::newRow("first day of the window") << QStringLiteral("q1") << d(10, 18) << QString() << true;
    QTest::newRow("last day of the window") << QStringLiteral("q1") << d(10, 24) << QString() << true;
    QTest::newRow("day before the window") << QStringLiteral("q1") << d(10, 17) << QString() << false;
    QTest::newRow("during the holidays") << QStringLiteral("q1") << d(10, 27) << QString() << false;
    QTest::newRow("early, with a reason")
        << QStringLiteral("q1") << d(10, 10) << QStringLiteral("выезд на олимпиаду с 12.10") << true;
    QTest::newRow("late, with a reason") << QStringLiteral("q1") << d(11, 6) << QStringLiteral("болезнь учителя")
                                         << true;
    QTest::newRow("late, blank reason") << QStringLiteral("q1") << d(11, 6) << QStringLiteral("   ") << false;
    QTest::newRow("half-year period for grade 7") << QStringLiteral("h1") << d(12, 25) << QString() << false;
}

void TestJournal::periodMarkWindow() {
    QFETCH(QString, period);
    QFETCH(QDate, deviceDate);
    QFETCH(QString, overrideReason);
    QFETCH(bool, accepted);
    MAKE_SCHOOL(school);
    PeriodMark pm;
    pm.classId = kClass;
    pm.subjectId = QStringLiteral("math");
    pm.periodId = period;
    pm.pupilId = QStringLiteral("7a-01");
    pm.value = MarkValue::Four;
    pm.overrideReason = overrideReason;
    if (!accepted) {
        REJECTED(school, school->journal->setPeriodMark(pm, QDateTime(deviceDate, QTime(12, 0))), "2.5.6");
        QVERIFY(!school->entity(pm.entityKey()).has_value());
        return;
    }
    ACCEPTED(school, school->journal->setPeriodMark(pm, QDateTime(deviceDate, QTime(12, 0))));
    const auto fields = school->entity(pm.entityKey());
    QVERIFY(fields.has_value());
    const auto stored = PeriodMark::fromFields(pm.entityKey(), *fields);
    QVERIFY2(stored.has_value(), failure(stored).constData());
    QVERIFY(stored->value == MarkValue::Four);
    QCOMPARE(stored->overrideReason, overrideReason);                          // the reason is recorded …
    QCOMPARE(stored->authorId, kTeacher);                                      // … with its author
    QCOMPARE(stored->deviceTime, QDateTime(deviceDate, QTime(12, 0)).toUTC()); // and the device time it was judged by
}

void TestJournal::missingPeriodMarks() {
    MAKE_SCHOOL(school);
    PeriodMark pm;
    pm.classId = kClass;
    pm.subjectId = QStringLiteral("math");
    pm.periodId = QStringLiteral("q1");
    pm.pupilId = QStringLiteral("7a-01");
    ACCEPTED(school, school->journal->setPeriodMark(pm, QDateTime(d(10, 20), QTime(12, 0))));
    pm.subjectId = QStringLiteral("eng");
    pm.pupilId = QStringLiteral("7a-02");
    ACCEPTED(school, school->journal->setPeriodMark(pm, QDateTime(d(10, 20), QTime(12, 0))));
    // ivanova teaches math to the whole class and English to subgroup 1 (7a-01, 7a-02, 7a-05).
    const auto missing = school->journal->missingPeriodMarks(kClass, QStringLiteral("q1"));
    QVERIFY(missing.has_value());
    QStringList pairs;
    for (const rules::MissingPeriodMark& m : *missing)
        pairs << m.subjectId + QLatin1Char(' ') + m.pupilId;
    QCOMPARE(pairs, QStringList({QStringLiteral("eng 7a-01"), QStringLiteral("eng 7a-05"), QStringLiteral("math 7a-02"),
                                 QStringLiteral("math 7a-03"), QStringLiteral("math 7a-04"),
                                 QStringLiteral("math 7a-05"), QStringLiteral("math 7a-06")}));
    // A pupil of the other subgroup gets the period mark from their own teacher (2.5.5).
    pm.pupilId = QStringLiteral("7a-03");
    REJECTED(school, school->journal->setPeriodMark(pm, QDateTime(d(10, 20), QTime(12, 0))), "2.5.5");
}

void TestJournal::correction_data() {
    QTest::addColumn<QString>("pupil");
    QTest::addColumn<QString>("newValue");
    QTest::addColumn<QString>("explanation");
    QTest::addColumn<QString>("approver");
    QTest::addColumn<bool>("accepted");
    const QString why = QStringLiteral("ошибка при переносе из тетради");
    const QString director = QStringLiteral("директор Кузнецова Н. В.");
    QTest::newRow("accepted") << QStringLiteral("7a-01") << QStringLiteral("5") << why << director << true;
    QTest::newRow("no explanation") << QStringLiteral("7a-01") << QStringLiteral("5") << QString() << director << false;
    QTest::newRow("no approver") << QStringLiteral("7a-01") << QStringLiteral("5") << why << QStringLiteral(" ")
                                 << false;
    QTest::newRow("same mark") << QStringLiteral("7a-01") << QStringLiteral("4") << why << director << false;
    QTest::newRow("no mark to correct") << QStringLiteral("7a-02") << QStringLiteral("5") << why << director << false;
}

void TestJournal::correction() {
    // R-J13 (2.6.8): a correction keeps the old mark, the new one, the explanation and the approver, and the
    // period mark shows the new value.
    QFETCH(QString, pupil);
    QFETCH(QString, newValue);
    QFETCH(QString, explanation);
    QFETCH(QString, approver);
    QFETCH(bool, accepted);
    MAKE_SCHOOL(school);
    PeriodMark pm;
    pm.classId = kClass;
    pm.subjectId = QStringLiteral("math");
    pm.periodId = QStringLiteral("q1");
    pm.pupilId = QStringLiteral("7a-01");
    pm.value = MarkValue::Four;
    ACCEPTED(school, school->journal->setPeriodMark(pm, QDateTime(d(10, 20), QTime(12, 0))));

    Correction c;
    c.classId = kClass;
    c.subjectId = QStringLiteral("math");
    c.periodId = QStringLiteral("q1");
    c.pupilId = pupil;
    c.oldValue = MarkValue::Four;
    c.newValue = parseMarkValue(newValue).value();
    c.explanation = explanation;
    c.approver = approver;
    if (!accepted) {
        REJECTED(school, school->journal->correctPeriodMark(c), "2.6.8");
        QVERIFY(school->journal->corrections(kClass, QStringLiteral("math"))->isEmpty());
        const auto results = school->journal->pupilResults(QStringLiteral("7a-01"), d(9, 1), d(12, 31));
        QVERIFY(results.has_value());
        QCOMPARE(results->periodMarks.size(), 1);
        QVERIFY(results->periodMarks.first().value == MarkValue::Four);
        return;
    }
    ACCEPTED(school, school->journal->correctPeriodMark(c));
    const auto list = school->journal->corrections(kClass, QStringLiteral("math"));
    QVERIFY(list.has_value());
    QCOMPARE(list->size(), 1);
    const Correction& kept = list->first();
    QCOMPARE(kept.number, 1);
    QVERIFY(kept.oldValue == MarkValue::Four);
    QVERIFY(kept.newValue == MarkValue::Five);
    QCOMPARE(kept.explanation, explanation);
    QCOMPARE(kept.approver, approver);
    QCOMPARE(kept.authorId, kTeacher);
    QVERIFY(kept.date.isValid());
    const auto results = school->journal->pupilResults(QStringLiteral("7a-01"), d(9, 1), d(12, 31));
    QVERIFY(results.has_value());
    QCOMPARE(results->periodMarks.size(), 1);
    QVERIFY(results->periodMarks.first().value == MarkValue::Five);

    // A second correction starts from the corrected mark and gets the next number; the first is kept.
    c.newValue = MarkValue::Three;
    ACCEPTED(school, school->journal->correctPeriodMark(c));
    const auto both = school->journal->corrections(kClass, QStringLiteral("math"));
    QVERIFY(both.has_value());
    QCOMPARE(both->size(), 2);
    QCOMPARE(both->at(1).number, 2);
    QVERIFY(both->at(1).oldValue == MarkValue::Five);
    QVERIFY(both->at(1).newValue == MarkValue::Three);
    QVERIFY(both->at(0).newValue == MarkValue::Five);
}

// ---- Substitution (R-J10) and subgroups (R-J11) -----------------------------------------------------------------

void TestJournal::substituteWritesOnlyTheSubstitutedLesson_data() {
    QTest::addColumn<QString>("classId");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<int>("slot");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("the substituted lesson") << kClass << d(9, 2) << 2 << true;
    QTest::newRow("same lesson a week later") << kClass << d(9, 9) << 2 << false;
    QTest::newRow("same day, another slot") << kClass << d(9, 2) << 3 << false;
    QTest::newRow("same slot, another class") << QStringLiteral("7Б") << d(9, 2) << 2 << false;
}

void TestJournal::substituteWritesOnlyTheSubstitutedLesson() {
    // R-J10 (2.5.4): ivanova replaces sidorova in 7А's Russian lesson on 2 September, lesson 2.
    QFETCH(QString, classId);
    QFETCH(QDate, date);
    QFETCH(int, slot);
    QFETCH(bool, accepted);
    MAKE_SCHOOL(school);
    const LessonKey key = lessonKey(QStringLiteral("rus"), kWholeClass, date, slot, classId);
    const QString pupil = classId == kClass ? QStringLiteral("7a-01") : QStringLiteral("7b-01");
    // Before the substitution is recorded, the lesson is not hers.
    REJECTED(school, school->journal->saveLesson(lesson(key, QStringLiteral("Причастие"))), "2.5.4");

    Substitution s;
    s.date = d(9, 2);
    s.slot = 2;
    s.classId = kClass;
    s.groupId = kWholeClass;
    s.subjectId = QStringLiteral("rus");
    s.absentTeacherId = QStringLiteral("sidorova");
    s.substituteId = kTeacher;
    s.reason = QStringLiteral("болезнь");
    ACCEPTED(school, school->journal->saveSubstitution(s));
    const auto listed = school->journal->substitutions(d(9, 1), d(9, 30));
    QVERIFY(listed.has_value());
    QCOMPARE(listed->size(), 1);
    QCOMPARE(listed->first().absentTeacherId, QStringLiteral("sidorova"));

    if (!accepted) {
        REJECTED(school, school->journal->saveLesson(lesson(key, QStringLiteral("Причастие"))), "2.5.4");
        REJECTED(school, school->journal->setMark(mark(key, pupil, MarkValue::Five)), "2.5.4");
        return;
    }
    ACCEPTED(school, school->journal->saveLesson(lesson(key, QStringLiteral("Причастие"))));
    ACCEPTED(school, school->journal->setMark(mark(key, pupil, MarkValue::Five)));
    ACCEPTED(school, school->journal->setAbsence(absence(key, QStringLiteral("7a-02"), AbsenceReason::Valid)));
    // Entries are authored as the substitute: the lesson names her, and the lesson, the mark and the absence
    // are change sets signed with her authorship.
    const auto l = school->entity(QStringLiteral("lesson/") + key.toString());
    QVERIFY(l.has_value());
    QCOMPARE(textOf(l->at(QStringLiteral("teacher"))), kTeacher);
    const auto sets = school->store->changeSets(school->pending() - 3);
    QVERIFY(sets.has_value());
    QCOMPARE(sets->size(), 3);
    for (const sync::ChangeSet& cs : *sets) {
        QCOMPARE(cs.author, kTeacher);
        QVERIFY(cs.verify().has_value());
    }
    QCOMPARE(sets->at(1).ops.first().entity, mark(key, pupil, MarkValue::Five).entityKey());
}

void TestJournal::substitutionNeedsItsTeachers() {
    MAKE_SCHOOL(school);
    Substitution s;
    s.date = d(9, 2);
    s.slot = 2;
    s.classId = kClass;
    s.groupId = kWholeClass;
    s.subjectId = QStringLiteral("rus");
    s.absentTeacherId = QStringLiteral("sidorova");
    s.substituteId = QStringLiteral("petrova");
    s.reason = QStringLiteral("болезнь");
    // Between two colleagues: not for this teacher to record.
    REJECTED(school, school->journal->saveSubstitution(s), "2.5.4");
    s.substituteId = kTeacher;
    s.reason.clear();
    REJECTED(school, school->journal->saveSubstitution(s), "2.5.4");
    s.reason = QStringLiteral("курсы повышения квалификации");
    s.absentTeacherId = kTeacher;
    REJECTED(school, school->journal->saveSubstitution(s), "2.5.4");
}

void TestJournal::subgroups() {
    // R-J11 (2.5.5): ivanova teaches English to subgroup 1, smirnov to subgroup 2.
    MAKE_SCHOOL(school);
    const LessonKey mine = eng(QStringLiteral("1"), d(9, 1));
    const LessonKey theirs = eng(QStringLiteral("2"), d(9, 1));
    ACCEPTED(school, school->journal->saveLesson(lesson(mine, QStringLiteral("Present Simple"))));
    ACCEPTED(school, school->journal->setMark(mark(mine, QStringLiteral("7a-01"), MarkValue::Five)));
    // A pupil of the other subgroup, in her own subgroup's lesson.
    REJECTED(school, school->journal->setMark(mark(mine, QStringLiteral("7a-03"), MarkValue::Four)), "2.5.5");
    // The other subgroup's lesson.
    REJECTED(school, school->journal->saveLesson(lesson(theirs, QStringLiteral("Present Simple"))), "2.5.5");
    REJECTED(school, school->journal->setMark(mark(theirs, QStringLiteral("7a-03"), MarkValue::Four)), "2.5.5");

    // smirnov's lesson and mark, as they arrive from the hub (written here straight into the store).
    Lesson other = lesson(theirs, QStringLiteral("Present Simple"));
    other.teacherId = QStringLiteral("smirnov");
    const Mark otherMark = mark(theirs, QStringLiteral("7a-03"), MarkValue::Four);
    QVERIFY(school->store
                ->change([&](ChangeWriter& w) -> Status {
                    TABEL_TRY(w.put(other.entityKey(), other.toFields()));
                    return w.put(otherMark.entityKey(), otherMark.toFields());
                })
                .has_value());

    // The class view is the union of both subgroups.
    const auto all = school->journal->classJournal(kClass, QStringLiteral("eng"), {}, d(9, 1), d(9, 30));
    QVERIFY(all.has_value());
    QCOMPARE(all->columns.size(), 2);
    QCOMPARE(all->rows.size(), 6);
    QHash<QString, QStringList> marksOf; // pupil → all marks in the view
    for (const JournalRow& row : all->rows)
        for (const JournalCell& cell : row.cells)
            marksOf[row.pupil.id] << cell.marks;
    QCOMPARE(marksOf.value(QStringLiteral("7a-01")), QStringList({QStringLiteral("5")}));
    QCOMPARE(marksOf.value(QStringLiteral("7a-03")), QStringList({QStringLiteral("4")}));
    QCOMPARE(marksOf.value(QStringLiteral("7a-02")), QStringList());

    // A subgroup's view holds only its pupils and lessons.
    const auto group1 =
        school->journal->classJournal(kClass, QStringLiteral("eng"), QStringLiteral("1"), d(9, 1), d(9, 30));
    QVERIFY(group1.has_value());
    QCOMPARE(group1->columns.size(), 1);
    QStringList ids;
    for (const JournalRow& row : group1->rows)
        ids << row.pupil.id;
    QCOMPARE(ids, QStringList({QStringLiteral("7a-01"), QStringLiteral("7a-02"), QStringLiteral("7a-05")}));
    const auto group2 =
        school->journal->classJournal(kClass, QStringLiteral("eng"), QStringLiteral("2"), d(9, 1), d(9, 30));
    QVERIFY(group2.has_value());
    QCOMPARE(group2->columns.size(), 1);
    QCOMPARE(group2->rows.size(), 3);
    QCOMPARE(group2->rows.first().pupil.id, QStringLiteral("7a-03"));
    QCOMPARE(group2->rows.first().cells.first().marks, QStringList({QStringLiteral("4")}));
}

// ---- Views (R-J12) ------------------------------------------------------------------------------------------------

void TestJournal::classJournalDateRange() {
    MAKE_SCHOOL(school);
    const QList<QDate> dates = {d(9, 1), d(9, 8), d(9, 15)};
    const MarkValue values[] = {MarkValue::Five, MarkValue::Four, MarkValue::Three};
    for (int i = 0; i < dates.size(); ++i) {
        ACCEPTED(school, school->journal->saveLesson(lesson(math(dates[i]), QStringLiteral("Тема %1").arg(i + 1))));
        ACCEPTED(school, school->journal->setMark(mark(math(dates[i]), QStringLiteral("7a-01"), values[i])));
    }
    ACCEPTED(school,
             school->journal->setAbsence(absence(math(d(9, 8)), QStringLiteral("7a-02"), AbsenceReason::Unexcused)));

    const auto whole = school->journal->classJournal(kClass, QStringLiteral("math"), {}, d(9, 1), d(9, 30));
    QVERIFY(whole.has_value());
    QCOMPARE(whole->subjectName, QStringLiteral("Математика"));
    QCOMPARE(whole->columns.size(), 3);
    QCOMPARE(whole->rows.size(), 6);
    QCOMPARE(whole->rows[0].average, QStringLiteral("4.00"));

    const auto part = school->journal->classJournal(kClass, QStringLiteral("math"), {}, d(9, 5), d(9, 15));
    QVERIFY(part.has_value());
    QCOMPARE(part->columns.size(), 2);
    QCOMPARE(part->columns[0].lesson.key.date, d(9, 8));
    QCOMPARE(part->columns[1].lesson.key.date, d(9, 15));
    QCOMPARE(part->columns[0].lesson.topic, QStringLiteral("Тема 2"));
    const JournalRow& first = part->rows[0];
    QCOMPARE(first.pupil.id, QStringLiteral("7a-01"));
    QCOMPARE(first.cells.size(), 2);
    QCOMPARE(first.cells[0].marks, QStringList({QStringLiteral("4")}));
    QCOMPARE(first.cells[1].marks, QStringList({QStringLiteral("3")}));
    QCOMPARE(first.average, QStringLiteral("3.50")); // only the marks inside the range
    QCOMPARE(part->rows[1].pupil.id, QStringLiteral("7a-02"));
    QVERIFY(part->rows[1].cells[0].absence.has_value());
    QVERIFY(part->rows[1].cells[0].absence->reason == AbsenceReason::Unexcused);

    const auto none = school->journal->classJournal(kClass, QStringLiteral("math"), {}, d(10, 1), d(10, 31));
    QVERIFY(none.has_value());
    QVERIFY(none->columns.isEmpty());
    QCOMPARE(none->rows.size(), 6);
    QVERIFY(none->rows[0].average.isEmpty());
}

void TestJournal::pupilResultsAcrossSubjects() {
    MAKE_SCHOOL(school);
    ACCEPTED(school, school->journal->saveLesson(lesson(math(d(9, 1)), QStringLiteral("Сложение дробей"))));
    ACCEPTED(school, school->journal->saveLesson(lesson(math(d(9, 8)), QStringLiteral("Вычитание дробей"))));
    ACCEPTED(school,
             school->journal->saveLesson(lesson(eng(QStringLiteral("1"), d(9, 1)), QStringLiteral("Present Simple"))));
    ACCEPTED(school, school->journal->setMark(mark(math(d(9, 1)), QStringLiteral("7a-01"), MarkValue::Five)));
    Mark second = mark(math(d(9, 1)), QStringLiteral("7a-01"), MarkValue::Four);
    second.column = 2;
    ACCEPTED(school, school->journal->setMark(second));
    ACCEPTED(school, school->journal->setMark(
                         mark(eng(QStringLiteral("1"), d(9, 1)), QStringLiteral("7a-01"), MarkValue::Pass)));
    ACCEPTED(school,
             school->journal->setAbsence(absence(math(d(9, 8)), QStringLiteral("7a-01"), AbsenceReason::Illness)));
    ACCEPTED(school, school->journal->setMark(mark(math(d(9, 1)), QStringLiteral("7a-02"), MarkValue::Two)));

    const auto view = school->journal->pupilResults(QStringLiteral("7a-01"), d(9, 1), d(9, 30));
    QVERIFY2(view.has_value(), failure(view).constData());
    QCOMPARE(view->pupil.surname, QStringLiteral("Алексеев"));
    QCOMPARE(view->lines.size(), 3);
    const PupilResultLine& l0 = view->lines[0];
    QCOMPARE(l0.date, d(9, 1));
    QCOMPARE(l0.slot, 2);
    QCOMPARE(l0.subjectName, QStringLiteral("Математика"));
    QCOMPARE(l0.marks, QStringLiteral("5 4"));
    QCOMPARE(l0.topic, QStringLiteral("Сложение дробей"));
    QVERIFY(l0.absence.isEmpty());
    const PupilResultLine& l1 = view->lines[1];
    QCOMPARE(l1.slot, 4);
    QCOMPARE(l1.subjectId, QStringLiteral("eng"));
    QCOMPARE(l1.subjectName, QStringLiteral("Английский язык"));
    QCOMPARE(l1.marks, QStringLiteral("зач"));
    const PupilResultLine& l2 = view->lines[2];
    QCOMPARE(l2.date, d(9, 8));
    QCOMPARE(l2.absence, QStringLiteral("Н (Б)"));
    QVERIFY(l2.marks.isEmpty());

    const auto narrow = school->journal->pupilResults(QStringLiteral("7a-01"), d(9, 5), d(9, 30));
    QVERIFY(narrow.has_value());
    QCOMPARE(narrow->lines.size(), 1);
    QCOMPARE(narrow->lines[0].date, d(9, 8));

    const auto other = school->journal->pupilResults(QStringLiteral("7a-02"), d(9, 1), d(9, 30));
    QVERIFY(other.has_value());
    QCOMPARE(other->lines.size(), 1);
    QCOMPARE(other->lines[0].marks, QStringLiteral("2"));

    const auto unknown = school->journal->pupilResults(QStringLiteral("7a-99"), d(9, 1), d(9, 30));
    QVERIFY(!unknown.has_value());
    QCOMPARE(unknown.error().code, ErrorCode::NotFound);
}

QTEST_GUILESS_MAIN(TestJournal)
#include "test_journal.moc"
