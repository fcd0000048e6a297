// The journal's entities (model.h): entity keys, fields and their round trip, LessonKey, ids, small helpers.
#include "shared/domain/entity_key.h"
#include "shared/domain/model.h"

#include <QTest>

#include <algorithm>
#include <functional>
#include <map>
#include <utility>

using namespace tabel;
using namespace tabel::domain;

Q_DECLARE_METATYPE(tabel::domain::Fields)

namespace {

QString u(const char* s) {
    return QString::fromUtf8(s);
}
QDate day(int y, int m, int d) {
    return QDate(y, m, d);
}

QString dump(const Fields& f) {
    QStringList parts;
    for (const auto& [name, value] : f)
        parts << name + QLatin1Char('=') + debugString(value);
    return QLatin1Char('{') + parts.join(QStringLiteral(", ")) + QLatin1Char('}');
}

QStringList namesOf(const Fields& f) {
    QStringList names;
    for (const auto& [name, value] : f)
        names << name;
    return names;
}

LessonKey sampleLesson(const QString& cls = u("7А"), const QString& group = kWholeClass) {
    return {cls, QStringLiteral("math"), group, day(2026, 9, 1), 2};
}

const QString kHash = QStringLiteral("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");

// ---- One sample of each entity, full (every optional value set) and minimal (every optional value absent). --

SchoolYear year() {
    return {QStringLiteral("2026-2027"), day(2026, 9, 1), day(2027, 5, 31)};
}

Period period(bool full) {
    Period p;
    p.yearId = QStringLiteral("2026-2027");
    p.id = QStringLiteral("q1");
    p.kind = PeriodKind::Quarter;
    p.start = day(2026, 9, 1);
    p.end = day(2026, 10, 25);
    if (full) {
        p.title = u("1 четверть");
        p.grades = QStringLiteral("2-9");
    }
    return p;
}

Holiday holiday(bool full) {
    Holiday h;
    h.yearId = QStringLiteral("2026-2027");
    h.id = QStringLiteral("autumn");
    h.start = day(2026, 10, 26);
    h.end = day(2026, 11, 3);
    if (full)
        h.title = u("Осенние каникулы");
    return h;
}

Pupil pupil(bool full) {
    Pupil p;
    p.id = QStringLiteral("p017");
    p.classId = u("7А");
    p.surname = u("Иванова");
    p.name = u("Мария");
    if (full) {
        p.patronymic = u("Петровна");
        p.bookNumber = u("17/2019");
    }
    return p;
}

TimetableSlot timetableSlot() {
    TimetableSlot t;
    t.classId = u("7А");
    t.weekday = 3;
    t.slot = 4;
    t.groupId = QStringLiteral("g1");
    t.subjectId = QStringLiteral("eng");
    t.teacherId = QStringLiteral("t2");
    return t;
}

Lesson lesson(bool full) {
    Lesson l;
    l.key = sampleLesson();
    if (full) {
        l.topic = u("Дроби");
        l.homework = u("№ 12, 14 / стр. 30");
        l.homeworkDue = day(2026, 9, 3);
        l.form = u("тест");
        l.distance = true;
        l.ktpTopic = 4;
        l.teacherId = QStringLiteral("t1");
        l.markColumns = {MarkColumn{MarkKind::Current, 1}, MarkColumn{MarkKind::Control, 3}};
    }
    return l;
}

Mark mark(bool full) {
    Mark m;
    m.lesson = sampleLesson();
    m.pupilId = QStringLiteral("p017");
    if (full) {
        m.column = 2;
        m.value = MarkValue::Pass;
        m.kind = MarkKind::Control;
        m.weight = 3;
        m.work = WorkKind::SelfStudy;
        m.taskId = QStringLiteral("t-7");
    }
    return m;
}

Attendance attendance(bool full) {
    Attendance a;
    a.lesson = sampleLesson();
    a.pupilId = QStringLiteral("p017");
    a.reason = full ? AbsenceReason::Illness : AbsenceReason::Unexcused;
    if (full) {
        a.certificateNo = u("№ 341");
        a.certificateDate = day(2026, 9, 4);
    }
    return a;
}

Task task(bool full) {
    Task t;
    t.classId = u("7А");
    t.subjectId = QStringLiteral("math");
    t.groupId = kWholeClass;
    t.id = QStringLiteral("t-7");
    t.kind = full ? WorkKind::Distance : WorkKind::Control;
    t.title = u("Дроби, задачи");
    t.issued = day(2026, 9, 1);
    t.due = day(2026, 9, 8);
    if (full) {
        t.lesson = sampleLesson();
        t.text = u("Решить задачи 1–5.\nПрислать фото.");
        t.form = u("письменная работа");
        t.ktpTopic = 4;
    }
    return t;
}

Submission submission(bool full) {
    Submission s;
    s.taskKey = task(true).entityKey();
    s.pupilId = QStringLiteral("p017");
    s.contentHash = kHash;
    s.fileName = u("работа.jpg");
    s.size = 5'000'000'000;
    s.received = QDateTime(day(2026, 9, 5), QTime(18, 30, 15, 250), Qt::UTC);
    if (full) {
        s.grade = MarkValue::Four;
        s.gradedAt = QDateTime(day(2026, 9, 6), QTime(9, 0), Qt::UTC);
    }
    return s;
}

PeriodMark periodMark(bool full) {
    PeriodMark m;
    m.classId = u("7А");
    m.subjectId = QStringLiteral("math");
    m.periodId = full ? QStringLiteral("q1") : QStringLiteral("annual");
    m.pupilId = QStringLiteral("p017");
    m.value = full ? MarkValue::Four : MarkValue::NotAttested;
    if (full) {
        m.overrideReason = u("болезнь учителя в последнюю неделю");
        m.authorId = QStringLiteral("t1");
        m.deviceTime = QDateTime(day(2026, 10, 27), QTime(10, 15, 0, 5), Qt::UTC);
    }
    return m;
}

Correction correction(bool full) {
    Correction c;
    c.classId = u("7А");
    c.subjectId = QStringLiteral("math");
    c.periodId = QStringLiteral("annual");
    c.pupilId = QStringLiteral("p017");
    c.number = full ? 2 : 1;
    c.oldValue = MarkValue::Three;
    c.newValue = MarkValue::Four;
    c.explanation = u("ошибка при выставлении");
    c.approver = u("Директор Петров П. П.");
    c.date = day(2027, 6, 2);
    if (full)
        c.authorId = QStringLiteral("t1");
    return c;
}

Substitution substitution(bool full) {
    Substitution s;
    s.date = day(2026, 9, 1);
    s.slot = 2;
    s.classId = u("7А");
    s.groupId = kWholeClass;
    s.subjectId = QStringLiteral("math");
    s.absentTeacherId = QStringLiteral("t1");
    s.substituteId = QStringLiteral("t4");
    if (full)
        s.reason = u("болезнь");
    return s;
}

KtpCorrection ktpCorrection(bool full) {
    KtpCorrection c;
    c.classId = u("7А");
    c.subjectId = QStringLiteral("math");
    c.number = 3;
    c.date = day(2026, 11, 10);
    c.method = full ? KtpMethod::MergeTopics : KtpMethod::NextYear;
    if (full) {
        c.topics = {3, 4, 12};
        c.plannedHours = 3;
        c.actualHours = 2;
        c.reason = u("карантин");
    }
    return c;
}

// ---- Reparsing by entity type ----------------------------------------------------------------------------------

using KeyAndFields = std::pair<QString, Fields>;

template <class T> Result<KeyAndFields> again(const QString& key, const Fields& f) {
    auto e = T::fromFields(key, f);
    if (!e)
        return e.error();
    return KeyAndFields{e->entityKey(), e->toFields()};
}

// Parses (key, fields) as the entity type `type` and converts it back.
Result<KeyAndFields> reparseAs(const QString& type, const QString& key, const Fields& f) {
    using Parser = std::function<Result<KeyAndFields>(const QString&, const Fields&)>;
    static const std::map<QString, Parser> parsers = {
        {QStringLiteral("year"), again<SchoolYear>},    {QStringLiteral("period"), again<Period>},
        {QStringLiteral("holiday"), again<Holiday>},    {QStringLiteral("class"), again<SchoolClass>},
        {QStringLiteral("pupil"), again<Pupil>},        {QStringLiteral("subject"), again<Subject>},
        {QStringLiteral("member"), again<GroupMember>}, {QStringLiteral("teacher"), again<Teacher>},
        {QStringLiteral("assign"), again<Assignment>},  {QStringLiteral("slot"), again<TimetableSlot>},
        {QStringLiteral("lesson"), again<Lesson>},      {QStringLiteral("mark"), again<Mark>},
        {QStringLiteral("att"), again<Attendance>},     {QStringLiteral("task"), again<Task>},
        {QStringLiteral("sub"), again<Submission>},     {QStringLiteral("pmark"), again<PeriodMark>},
        {QStringLiteral("corr"), again<Correction>},    {QStringLiteral("subst"), again<Substitution>},
        {QStringLiteral("ktp"), again<KtpTopic>},       {QStringLiteral("ktpfix"), again<KtpCorrection>},
    };
    const auto it = parsers.find(type);
    if (it == parsers.end())
        return makeError(ErrorCode::NotFound, QStringLiteral("no parser for entity type ") + type);
    return it->second(key, f);
}

template <class T> void addRow(const char* name, const T& entity) {
    QTest::newRow(name) << entity.entityKey() << entity.toFields();
}

} // namespace

class TestModel : public QObject {
    Q_OBJECT

private slots:
    void parsedKeyParts();
    void parsedKeyDatesAsQt();
    void roundTrip_data();
    void roundTrip();
    void roundTripKeepsTypedValues();
    void fieldSetIsStable_data();
    void fieldSetIsStable();
    void entityKeys_data();
    void entityKeys();
    void subgroupMarksNeverShareAKey();
    void lessonKey_data();
    void lessonKey();
    void corruptEntities_data();
    void corruptEntities();
    void validateId_data();
    void validateId();
    void enumsRoundTrip();
    void enumsRejectUnknownText_data();
    void enumsRejectUnknownText();
    void appliesToGrade_data();
    void appliesToGrade();
    void substitutionCovers_data();
    void substitutionCovers();
    void RJ2_markColumns();
    void schoolAverageRule();
    void fullName();
    void debugStrings();
};

// R-J2: a lesson's mark columns as text, and every malformed text refused with what is wrong.
void TestModel::RJ2_markColumns() {
    QCOMPARE(parseMarkColumns(QString()).value(), QList<MarkColumn>{});
    QCOMPARE(parseMarkColumns(QStringLiteral("control:2;current:1")).value(),
             (QList<MarkColumn>{MarkColumn{MarkKind::Control, 2}, MarkColumn{MarkKind::Current, 1}}));
    // Trailing plain columns are not stored: a lesson with only plain columns has no text at all.
    QCOMPARE(toString(QList<MarkColumn>{MarkColumn{MarkKind::Control, 2}, MarkColumn{}}), QStringLiteral("control:2"));
    QCOMPARE(toString(QList<MarkColumn>{MarkColumn{}}), QString());
    for (const char* bad : {"control", "control:x", "control:0", "control:11", "period:1", "exam:2", "heavy:2",
                            "1;2;3;4;5;6;7;8;9;10", "control:2:3"}) {
        const Result<QList<MarkColumn>> r = parseMarkColumns(QString::fromLatin1(bad));
        QVERIFY2(!r, bad);
        QVERIFY2(!r.error().message.isEmpty(), bad);
    }
    // A stored lesson with a malformed column list is damaged, and says which field.
    Fields f = lesson(true).toFields();
    f[QStringLiteral("marks")] = QStringLiteral("control:99");
    const Result<Lesson> damaged = Lesson::fromFields(lesson(true).entityKey(), f);
    QVERIFY(!damaged);
    QVERIFY2(damaged.error().message.contains(QLatin1String("99")), qPrintable(damaged.error().message));
}

// The school's rule for averages: weighted unless the profile says simple; weighted is stored as nothing.
void TestModel::schoolAverageRule() {
    SchoolProfile p;
    p.name = u("Школа № 1");
    QVERIFY(isNull(p.toFields().at(QStringLiteral("average"))));
    QVERIFY(SchoolProfile::fromFields(p.entityKey(), p.toFields())->average == AverageRule::Weighted);
    p.average = AverageRule::Simple;
    QVERIFY(SchoolProfile::fromFields(p.entityKey(), p.toFields())->average == AverageRule::Simple);
    QVERIFY(parseAverageRule(QStringLiteral(" Simple ")).value() == AverageRule::Simple);
    QVERIFY(!parseAverageRule(QStringLiteral("median")));
    Fields f = p.toFields();
    f[QStringLiteral("average")] = QStringLiteral("median");
    QVERIFY(!SchoolProfile::fromFields(p.entityKey(), f));
}

// Every entity type: the key parses back and the fields come back equal.
void TestModel::roundTrip_data() {
    QTest::addColumn<QString>("key");
    QTest::addColumn<Fields>("fields");

    addRow("year", year());
    addRow("period, full", period(true));
    addRow("period, minimal", period(false));
    addRow("holiday, full", holiday(true));
    addRow("holiday, minimal", holiday(false));
    addRow("class 7А", SchoolClass{u("7А"), 7});
    addRow("pupil, full", pupil(true));
    addRow("pupil, minimal", pupil(false));
    addRow("subject", Subject{QStringLiteral("math"), u("Математика")});
    addRow("group member of subgroup",
           GroupMember{u("7А"), QStringLiteral("eng"), QStringLiteral("g1"), QStringLiteral("p017")});
    addRow("teacher", Teacher{QStringLiteral("t1"), u("Сидорова А. В.")});
    addRow("assignment", Assignment{QStringLiteral("t2"), u("7А"), QStringLiteral("eng"), QStringLiteral("g1")});
    addRow("timetable slot", timetableSlot());
    addRow("lesson, full", lesson(true));
    addRow("lesson, minimal", lesson(false));
    addRow("mark, full (self-study зач, column 2)", mark(true));
    addRow("mark, minimal", mark(false));
    addRow("attendance, illness with certificate", attendance(true));
    addRow("attendance, unexcused", attendance(false));
    addRow("task, distance with lesson", task(true));
    addRow("task, control work without lesson", task(false));
    addRow("submission, graded", submission(true));
    addRow("submission, not graded", submission(false));
    addRow("period mark with override", periodMark(true));
    addRow("annual mark н/а", periodMark(false));
    addRow("correction, full", correction(true));
    addRow("correction, minimal", correction(false));
    addRow("substitution, full", substitution(true));
    addRow("substitution, minimal", substitution(false));
    addRow("КТП topic", KtpTopic{u("7А"), QStringLiteral("math"), 12, u("Площадь круга"), 2});
    addRow("КТП correction, merge", ktpCorrection(true));
    addRow("КТП correction, minimal", ktpCorrection(false));
}

void TestModel::roundTrip() {
    QFETCH(QString, key);
    QFETCH(Fields, fields);

    // No field is left out: an absent value is null, not a missing name.
    const auto back = reparseAs(entityType(key), key, fields);
    QVERIFY2(back, qPrintable(back ? QString() : back.error().message));
    QCOMPARE(back->first, key);
    QVERIFY2(back->second == fields, qPrintable(dump(back->second) + QStringLiteral(" != ") + dump(fields)));
}

void TestModel::roundTripKeepsTypedValues() {
    const auto m = Mark::fromFields(mark(true).entityKey(), mark(true).toFields());
    QVERIFY(m);
    QCOMPARE(m->lesson, sampleLesson());
    QCOMPARE(m->column, 2);
    QVERIFY(m->value == MarkValue::Pass);
    QVERIFY(m->work == WorkKind::SelfStudy);
    QCOMPARE(m->weight, 3);
    QCOMPARE(m->taskId, QStringLiteral("t-7"));

    const auto s = Submission::fromFields(submission(true).entityKey(), submission(true).toFields());
    QVERIFY(s);
    QCOMPARE(s->taskKey, task(true).entityKey());
    QCOMPARE(s->contentHash, kHash);
    QCOMPARE(s->size, std::int64_t{5'000'000'000});
    QCOMPARE(s->received, submission(true).received);
    QVERIFY(s->grade == MarkValue::Four);

    const auto l = Lesson::fromFields(lesson(true).entityKey(), lesson(true).toFields());
    QVERIFY(l);
    QCOMPARE(l->homeworkDue, std::optional<QDate>(day(2026, 9, 3)));
    QCOMPARE(l->ktpTopic, std::optional<int>(4));
    QVERIFY(l->distance);
    QCOMPARE(l->homework, lesson(true).homework);
    QCOMPARE(l->markColumns, lesson(true).markColumns);
    QCOMPARE(lesson(true).toFields().at(QStringLiteral("marks")), FieldValue(QStringLiteral("current:1;control:3")));

    const auto minimal = Lesson::fromFields(lesson(false).entityKey(), lesson(false).toFields());
    QVERIFY(minimal);
    QVERIFY(!minimal->homeworkDue);
    QVERIFY(!minimal->ktpTopic);
    QVERIFY(!minimal->distance);

    const auto t = Task::fromFields(task(true).entityKey(), task(true).toFields());
    QVERIFY(t);
    QVERIFY(t->lesson);
    QCOMPARE(*t->lesson, sampleLesson());

    const auto k = KtpCorrection::fromFields(ktpCorrection(true).entityKey(), ktpCorrection(true).toFields());
    QVERIFY(k);
    QCOMPARE(k->topics, (QList<int>{3, 4, 12}));
    QCOMPARE(ktpCorrection(true).toFields().at(QStringLiteral("topics")), FieldValue(QStringLiteral("3,4,12")));
}

// For sync, an entity always has the same field names, whichever optional values are set.
void TestModel::fieldSetIsStable_data() {
    QTest::addColumn<Fields>("full");
    QTest::addColumn<Fields>("minimal");
    QTest::newRow("period") << period(true).toFields() << period(false).toFields();
    QTest::newRow("holiday") << holiday(true).toFields() << holiday(false).toFields();
    QTest::newRow("pupil") << pupil(true).toFields() << pupil(false).toFields();
    QTest::newRow("lesson") << lesson(true).toFields() << lesson(false).toFields();
    QTest::newRow("lesson, default") << lesson(true).toFields() << Lesson{}.toFields();
    QTest::newRow("mark") << mark(true).toFields() << mark(false).toFields();
    QTest::newRow("attendance") << attendance(true).toFields() << attendance(false).toFields();
    QTest::newRow("task") << task(true).toFields() << task(false).toFields();
    QTest::newRow("submission") << submission(true).toFields() << submission(false).toFields();
    QTest::newRow("period mark") << periodMark(true).toFields() << periodMark(false).toFields();
    QTest::newRow("period mark, default") << periodMark(true).toFields() << PeriodMark{}.toFields();
    QTest::newRow("correction") << correction(true).toFields() << correction(false).toFields();
    QTest::newRow("substitution") << substitution(true).toFields() << substitution(false).toFields();
    QTest::newRow("КТП correction") << ktpCorrection(true).toFields() << ktpCorrection(false).toFields();
}

void TestModel::fieldSetIsStable() {
    QFETCH(Fields, full);
    QFETCH(Fields, minimal);
    QCOMPARE(namesOf(minimal), namesOf(full));
    // Only null means "absent": the minimal entity still has a non-null field, so it is not a deletion.
    QVERIFY(std::any_of(minimal.begin(), minimal.end(), [](const auto& f) { return !isNull(f.second); }));
}

void TestModel::entityKeys_data() {
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("expected");

    QTest::newRow("year") << year().entityKey() << u("year/2026-2027");
    QTest::newRow("period") << period(true).entityKey() << u("period/2026-2027/q1");
    QTest::newRow("holiday") << holiday(true).entityKey() << u("holiday/2026-2027/autumn");
    QTest::newRow("class") << SchoolClass{u("7А"), 7}.entityKey() << u("class/7А");
    QTest::newRow("pupil") << pupil(true).entityKey() << u("pupil/p017");
    QTest::newRow("subject") << Subject{QStringLiteral("math"), {}}.entityKey() << u("subject/math");
    QTest::newRow("member")
        << GroupMember{u("7А"), QStringLiteral("eng"), QStringLiteral("g1"), QStringLiteral("p017")}.entityKey()
        << u("member/7А/eng/g1/p017");
    QTest::newRow("teacher") << Teacher{QStringLiteral("t1"), {}}.entityKey() << u("teacher/t1");
    QTest::newRow("assignment")
        << Assignment{QStringLiteral("t2"), u("7А"), QStringLiteral("eng"), QStringLiteral("g1")}.entityKey()
        << u("assign/t2/7А/eng/g1");
    QTest::newRow("timetable slot") << timetableSlot().entityKey() << u("slot/7А/3/4/g1");
    QTest::newRow("lesson") << lesson(true).entityKey() << u("lesson/7А/math/all/2026-09-01/2");
    QTest::newRow("mark") << mark(false).entityKey() << u("mark/7А/math/all/2026-09-01/2/p017/1");
    QTest::newRow("mark, column 2") << mark(true).entityKey() << u("mark/7А/math/all/2026-09-01/2/p017/2");
    QTest::newRow("attendance") << attendance(true).entityKey() << u("att/7А/math/all/2026-09-01/2/p017");
    QTest::newRow("task") << task(true).entityKey() << u("task/7А/math/all/t-7");
    QTest::newRow("submission") << submission(true).entityKey() << u("sub/7А/math/all/t-7/p017/0123456789ab");
    QTest::newRow("period mark") << periodMark(true).entityKey() << u("pmark/7А/math/q1/p017");
    QTest::newRow("annual mark") << periodMark(false).entityKey() << u("pmark/7А/math/annual/p017");
    QTest::newRow("correction") << correction(true).entityKey() << u("corr/7А/math/annual/p017/2");
    QTest::newRow("substitution") << substitution(true).entityKey() << u("subst/2026-09-01/2/7А/all");
    QTest::newRow("КТП topic") << KtpTopic{u("7А"), QStringLiteral("math"), 12, {}, 1}.entityKey()
                               << u("ktp/7А/math/12");
    QTest::newRow("КТП correction") << ktpCorrection(true).entityKey() << u("ktpfix/7А/math/3");
    QTest::newRow("entity type of a mark key") << entityType(mark(true).entityKey()) << u("mark");
    QTest::newRow("entity type of a key without '/'") << entityType(u("lesson")) << u("lesson");
}

void TestModel::entityKeys() {
    QFETCH(QString, key);
    QFETCH(QString, expected);
    QCOMPARE(key, expected);
}

// R-J11 (2.5.5): two teachers of different subgroups write different keys, so they never conflict.
void TestModel::subgroupMarksNeverShareAKey() {
    Mark g1 = mark(false);
    Mark g2 = mark(false);
    g1.lesson = sampleLesson(u("7А"), QStringLiteral("g1"));
    g2.lesson = sampleLesson(u("7А"), QStringLiteral("g2"));
    QVERIFY(g1.entityKey() != g2.entityKey());
}

void TestModel::lessonKey_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("canonical");

    QTest::newRow("Cyrillic class 7А") << u("7А/math/all/2026-09-01/2") << true << u("7А/math/all/2026-09-01/2");
    QTest::newRow("subgroup, lesson 12") << u("11Б/eng/g2/2027-05-25/12") << true << u("11Б/eng/g2/2027-05-25/12");
    QTest::newRow("Cyrillic subject and group")
        << u("7А/алгебра/гр1/2026-09-01/1") << true << u("7А/алгебра/гр1/2026-09-01/1");
    QTest::newRow("spaces around the text")
        << u("  7А/math/all/2026-09-01/2 ") << true << u("7А/math/all/2026-09-01/2");
    QTest::newRow("leap day") << u("7А/math/all/2028-02-29/1") << true << u("7А/math/all/2028-02-29/1");
    QTest::newRow("empty") << QString() << false << QString();
    QTest::newRow("four parts") << u("7А/math/all/2026-09-01") << false << QString();
    QTest::newRow("six parts") << u("7А/math/all/2026-09-01/2/3") << false << QString();
    QTest::newRow("empty subject") << u("7А//all/2026-09-01/2") << false << QString();
    QTest::newRow("space in class id") << u("7А /math/all/2026-09-01/2") << false << QString();
    QTest::newRow("date without zeros") << u("7А/math/all/2026-9-1/2") << false << QString();
    QTest::newRow("date in Russian order") << u("7А/math/all/01.09.2026/2") << false << QString();
    QTest::newRow("no such day") << u("7А/math/all/2026-02-30/2") << false << QString();
    QTest::newRow("lesson 0") << u("7А/math/all/2026-09-01/0") << false << QString();
    QTest::newRow("lesson 02") << u("7А/math/all/2026-09-01/02") << false << QString();
    QTest::newRow("lesson -1") << u("7А/math/all/2026-09-01/-1") << false << QString();
    QTest::newRow("lesson x") << u("7А/math/all/2026-09-01/x") << false << QString();
    // The hand-written parsers of dates and numbers (model.cpp) against what QDate and toInt accepted before.
    QTest::newRow("lesson +2") << u("7А/math/all/2026-09-01/+2") << false << QString();
    QTest::newRow("lesson in Arabic-Indic digits") << u("7А/math/all/2026-09-01/٢") << false << QString();
    QTest::newRow("lesson 1000000000") << u("7А/math/all/2026-09-01/1000000000") << false << QString();
    QTest::newRow("lesson 999999999") << u("7А/math/all/2026-09-01/999999999") << true
                                      << u("7А/math/all/2026-09-01/999999999");
    QTest::newRow("date with slashes") << u("7А/math/all/2026/09/01/2") << false << QString();
    QTest::newRow("date 2026-09-1x") << u("7А/math/all/2026-09-1x/2") << false << QString();
    QTest::newRow("month 00") << u("7А/math/all/2026-00-10/2") << false << QString();
    QTest::newRow("year 0000") << u("7А/math/all/0000-09-01/2") << false << QString();
    QTest::newRow("no 29 February in 2027") << u("7А/math/all/2027-02-29/1") << false << QString();
    QTest::newRow("31 December") << u("7А/math/all/2026-12-31/6") << true << u("7А/math/all/2026-12-31/6");
}

void TestModel::lessonKey() {
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(QString, canonical);

    const auto k = LessonKey::parse(text);
    if (!ok) {
        QVERIFY(!k);
        QCOMPARE(k.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(k.error().message.contains(text.trimmed()), qPrintable(k.error().message));
        return;
    }
    QVERIFY2(k, qPrintable(k ? QString() : k.error().message));
    QCOMPARE(k->toString(), canonical);
    const auto again = LessonKey::parse(k->toString());
    QVERIFY(again);
    QCOMPARE(*again, *k);
}

// A malformed stored entity is Corrupt, and the message names its key.
void TestModel::corruptEntities_data() {
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("key");
    QTest::addColumn<Fields>("fields");

    const Fields m = mark(false).toFields();
    const QString mk = mark(false).entityKey();
    const auto with = [](Fields f, const char* name, FieldValue v) {
        f[QString::fromLatin1(name)] = std::move(v);
        return f;
    };

    QTest::newRow("mark: a lesson key") << u("mark") << lesson(false).entityKey() << m;
    QTest::newRow("mark: empty key") << u("mark") << QString() << m;
    QTest::newRow("mark: too few parts") << u("mark") << u("mark/7А/math/all/2026-09-01/2/p017") << m;
    QTest::newRow("mark: too many parts") << u("mark") << u("mark/7А/math/all/2026-09-01/2/p017/1/x") << m;
    QTest::newRow("mark: column 0") << u("mark") << u("mark/7А/math/all/2026-09-01/2/p017/0") << m;
    QTest::newRow("mark: column 01") << u("mark") << u("mark/7А/math/all/2026-09-01/2/p017/01") << m;
    QTest::newRow("mark: no such date") << u("mark") << u("mark/7А/math/all/2026-02-30/2/p017/1") << m;
    QTest::newRow("mark: lesson x") << u("mark") << u("mark/7А/math/all/2026-09-01/x/p017/1") << m;
    QTest::newRow("mark: empty pupil id") << u("mark") << u("mark/7А/math/all/2026-09-01/2//1") << m;
    QTest::newRow("mark: pupil id with a space") << u("mark") << u("mark/7А/math/all/2026-09-01/2/ p017/1") << m;
    QTest::newRow("mark: value missing") << u("mark") << mk << with(m, "value", {});
    QTest::newRow("mark: value name absent") << u("mark") << mk << Fields{};
    QTest::newRow("mark: value 6") << u("mark") << mk << with(m, "value", u("6"));
    QTest::newRow("mark: value as a number") << u("mark") << mk << with(m, "value", std::int64_t{5});
    QTest::newRow("mark: weight as text") << u("mark") << mk << with(m, "weight", u("2"));
    QTest::newRow("mark: weight too big for int") << u("mark") << mk << with(m, "weight", std::int64_t{1} << 40);
    QTest::newRow("mark: unknown kind") << u("mark") << mk << with(m, "kind", u("quarterly"));
    QTest::newRow("mark: unknown work") << u("mark") << mk << with(m, "work", u("essay"));
    QTest::newRow("mark: task id with '/'") << u("mark") << mk << with(m, "task", u("a/b"));

    const Fields l = lesson(false).toFields();
    const QString lk = lesson(false).entityKey();
    QTest::newRow("lesson: distance 2") << u("lesson") << lk << with(l, "distance", std::int64_t{2});
    QTest::newRow("lesson: distance missing") << u("lesson") << lk << with(l, "distance", {});
    QTest::newRow("lesson: due 2026-9-3") << u("lesson") << lk << with(l, "due", u("2026-9-3"));
    QTest::newRow("lesson: due as a number") << u("lesson") << lk << with(l, "due", std::int64_t{20260903});
    QTest::newRow("lesson: ktp as text") << u("lesson") << lk << with(l, "ktp", u("4"));
    QTest::newRow("lesson: topic as a number") << u("lesson") << lk << with(l, "topic", std::int64_t{1});

    const Fields a = attendance(false).toFields();
    QTest::newRow("attendance: reason X") << u("att") << attendance(false).entityKey() << with(a, "reason", u("X"));
    QTest::newRow("attendance: bad certificate date")
        << u("att") << attendance(false).entityKey() << with(a, "cert_date", u("04.09.2026"));

    const Fields t = task(true).toFields();
    const QString tk = task(true).entityKey();
    QTest::newRow("task: malformed lesson") << u("task") << tk << with(t, "lesson", u("7А/math/all/2026-09-01"));
    QTest::newRow("task: issued missing") << u("task") << tk << with(t, "issued", {});
    QTest::newRow("task: title missing") << u("task") << tk << with(t, "title", {});

    const Fields s = submission(true).toFields();
    const QString sk = submission(true).entityKey();
    QTest::newRow("submission: hash does not match the key")
        << u("sub") << u("sub/7А/math/all/t-7/p017/ffffffffffff") << s;
    QTest::newRow("submission: hash not hex") << u("sub") << sk << with(s, "hash", u("0123456789abzz"));
    QTest::newRow("submission: negative size") << u("sub") << sk << with(s, "size", std::int64_t{-1});
    QTest::newRow("submission: received not a time") << u("sub") << sk << with(s, "received", u("yesterday"));
    QTest::newRow("submission: grade 7") << u("sub") << sk << with(s, "grade", u("7"));

    QTest::newRow("timetable slot: weekday 8") << u("slot") << u("slot/7А/8/4/g1") << timetableSlot().toFields();
    QTest::newRow("member: marker missing") << u("member") << u("member/7А/eng/g1/p017") << Fields{};
    QTest::newRow("member: marker 0") << u("member") << u("member/7А/eng/g1/p017")
                                      << Fields{{u("in"), std::int64_t{0}}};
    QTest::newRow("pupil: class id with '/'")
        << u("pupil") << u("pupil/p017") << with(pupil(true).toFields(), "class", u("7/А"));
    QTest::newRow("year: start missing") << u("year") << u("year/2026-2027") << with(year().toFields(), "start", {});
    QTest::newRow("substitution: bad date in key")
        << u("subst") << u("subst/2026-13-01/2/7А/all") << substitution(true).toFields();
    QTest::newRow("КТП correction: topics 3,x")
        << u("ktpfix") << ktpCorrection(true).entityKey() << with(ktpCorrection(true).toFields(), "topics", u("3,x"));
    QTest::newRow("КТП correction: unknown method")
        << u("ktpfix") << ktpCorrection(true).entityKey() << with(ktpCorrection(true).toFields(), "method", u("skip"));
    QTest::newRow("period: unknown kind")
        << u("period") << period(true).entityKey() << with(period(true).toFields(), "kind", u("trimester"));
    QTest::newRow("correction: number 0")
        << u("corr") << u("corr/7А/math/annual/p017/0") << correction(true).toFields();
}

void TestModel::corruptEntities() {
    QFETCH(QString, type);
    QFETCH(QString, key);
    QFETCH(Fields, fields);

    const auto r = reparseAs(type, key, fields);
    QVERIFY2(!r, qPrintable(r ? dump(r->second) : QString()));
    QCOMPARE(r.error().code, ErrorCode::Corrupt);
    QVERIFY2(r.error().message.contains(QStringLiteral("«") + key + QStringLiteral("»")),
             qPrintable(r.error().message));
}

void TestModel::validateId_data() {
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("ok");

    QTest::newRow("latin") << u("p017") << true;
    QTest::newRow("Cyrillic class 7А") << u("7А") << true;
    QTest::newRow("space inside") << u("Иванов 1") << true;
    QTest::newRow("dots and dashes") << u("2026-2027.v1") << true;
    QTest::newRow("64 characters") << QString(64, QLatin1Char('a')) << true;
    QTest::newRow("64 Cyrillic characters") << QString(64, QChar(u'ж')) << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("65 characters") << QString(65, QLatin1Char('a')) << false;
    QTest::newRow("slash") << u("a/b") << false;
    QTest::newRow("only a slash") << u("/") << false;
    QTest::newRow("leading space") << u(" p017") << false;
    QTest::newRow("trailing space") << u("p017 ") << false;
    QTest::newRow("only a space") << u(" ") << false;
    QTest::newRow("leading no-break space") << u("\u00a0p017") << false;
    QTest::newRow("newline") << u("p0\n17") << false;
    QTest::newRow("tab") << u("p0\t17") << false;
    QTest::newRow("NUL") << (u("p0") + QChar(0) + u("17")) << false;
    QTest::newRow("DEL") << u("p0\x7f"
                              "17")
                         << false;
}

void TestModel::validateId() {
    QFETCH(QString, id);
    QFETCH(bool, ok);

    const Status s = domain::validateId(id, QStringLiteral("pupil id"));
    if (ok) {
        QVERIFY2(s, qPrintable(s ? QString() : s.error().message));
        return;
    }
    QVERIFY(!s);
    QCOMPARE(s.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(s.error().message.startsWith(QStringLiteral("pupil id")), qPrintable(s.error().message));
}

void TestModel::enumsRoundTrip() {
    for (MarkValue v : {MarkValue::Five, MarkValue::Four, MarkValue::Three, MarkValue::Two, MarkValue::One,
                        MarkValue::Pass, MarkValue::Fail, MarkValue::Exempt, MarkValue::NotAttested}) {
        const auto p = parseMarkValue(toString(v));
        QVERIFY2(p && *p == v, qPrintable(toString(v)));
    }
    for (MarkKind k : {MarkKind::Current, MarkKind::Control, MarkKind::Period, MarkKind::Annual, MarkKind::Exam}) {
        const auto p = parseMarkKind(toString(k));
        QVERIFY2(p && *p == k, qPrintable(toString(k)));
    }
    for (AbsenceReason r : {AbsenceReason::Illness, AbsenceReason::Valid, AbsenceReason::Unexcused}) {
        const auto p = parseAbsenceReason(toString(r));
        QVERIFY2(p && *p == r, qPrintable(toString(r)));
    }
    for (WorkKind k : {WorkKind::Classwork, WorkKind::Homework, WorkKind::Distance, WorkKind::SelfStudy,
                       WorkKind::Control, WorkKind::Practical, WorkKind::Lab}) {
        const auto p = parseWorkKind(toString(k));
        QVERIFY2(p && *p == k, qPrintable(toString(k)));
    }
    for (PeriodKind k : {PeriodKind::Quarter, PeriodKind::Half, PeriodKind::Year}) {
        const auto p = parsePeriodKind(toString(k));
        QVERIFY2(p && *p == k, qPrintable(toString(k)));
    }
    for (KtpMethod m : {KtpMethod::MergeTopics, KtpMethod::NextYear, KtpMethod::Modular, KtpMethod::SelfStudy}) {
        const auto p = parseKtpMethod(toString(m));
        QVERIFY2(p && *p == m, qPrintable(toString(m)));
    }
    QCOMPARE(toString(AbsenceReason::Illness), u("Б"));
    const auto lower = parseAbsenceReason(u(" уп "));
    QVERIFY(lower && *lower == AbsenceReason::Valid);
    QCOMPARE(numericValue(MarkValue::Four), 4);
    QCOMPARE(numericValue(MarkValue::Pass), 0);
    QVERIFY(isNumeric(MarkValue::One));
    QVERIFY(!isNumeric(MarkValue::Exempt));
    QVERIFY(defaultAssessmentForms().contains(u("тест")));
}

void TestModel::enumsRejectUnknownText_data() {
    QTest::addColumn<QString>("which");
    QTest::addColumn<QString>("text");
    QTest::newRow("kind of mark") << u("kind") << u("quarterly");
    QTest::newRow("reason of absence Н") << u("reason") << u("Н");
    QTest::newRow("kind of work") << u("work") << u("essay");
    QTest::newRow("kind of period") << u("period") << u("trimester");
    QTest::newRow("КТП method") << u("method") << u("skip");
}

void TestModel::enumsRejectUnknownText() {
    QFETCH(QString, which);
    QFETCH(QString, text);
    std::optional<Error> e;
    const auto take = [&](const auto& r) {
        if (!r)
            e = r.error();
    };
    if (which == u("kind"))
        take(parseMarkKind(text));
    else if (which == u("reason"))
        take(parseAbsenceReason(text));
    else if (which == u("work"))
        take(parseWorkKind(text));
    else if (which == u("period"))
        take(parsePeriodKind(text));
    else
        take(parseKtpMethod(text));
    QVERIFY(e);
    QCOMPARE(e->code, ErrorCode::InvalidArgument);
    QVERIFY2(e->message.contains(QStringLiteral("«") + text + QStringLiteral("»")), qPrintable(e->message));
}

void TestModel::appliesToGrade_data() {
    QTest::addColumn<QString>("grades");
    QTest::addColumn<int>("grade");
    QTest::addColumn<bool>("applies");

    QTest::newRow("2-9, grade 2") << u("2-9") << 2 << true;
    QTest::newRow("2-9, grade 9") << u("2-9") << 9 << true;
    QTest::newRow("2-9, grade 1") << u("2-9") << 1 << false;
    QTest::newRow("2-9, grade 10") << u("2-9") << 10 << false;
    QTest::newRow("10-11, grade 11") << u("10-11") << 11 << true;
    QTest::newRow("10-11, grade 9") << u("10-11") << 9 << false;
    QTest::newRow("1-11, grade 1") << u("1-11") << 1 << true;
    QTest::newRow("single 5, grade 5") << u("5") << 5 << true;
    QTest::newRow("single 5, grade 6") << u("5") << 6 << false;
    QTest::newRow("empty: all grades") << QString() << 11 << true;
    QTest::newRow("en dash 2–9") << u("2–9") << 4 << true;
    QTest::newRow("list 2-4, 6") << u("2-4, 6") << 6 << true;
    QTest::newRow("list 2-4, 6, grade 5") << u("2-4, 6") << 5 << false;
    QTest::newRow("garbage") << u("all") << 5 << false;
}

void TestModel::appliesToGrade() {
    QFETCH(QString, grades);
    QFETCH(int, grade);
    QFETCH(bool, applies);
    Period p = period(true);
    p.grades = grades;
    QCOMPARE(p.appliesToGrade(grade), applies);
}

void TestModel::substitutionCovers_data() {
    QTest::addColumn<QString>("lesson");
    QTest::addColumn<bool>("covers");
    QTest::newRow("same lesson") << u("7А/math/all/2026-09-01/2") << true;
    QTest::newRow("other date") << u("7А/math/all/2026-09-02/2") << false;
    QTest::newRow("other slot") << u("7А/math/all/2026-09-01/3") << false;
    QTest::newRow("other class") << u("7Б/math/all/2026-09-01/2") << false;
    QTest::newRow("other group") << u("7А/math/g1/2026-09-01/2") << false;
    QTest::newRow("other subject") << u("7А/eng/all/2026-09-01/2") << false;
}

void TestModel::substitutionCovers() {
    QFETCH(QString, lesson);
    QFETCH(bool, covers);
    const auto k = LessonKey::parse(lesson);
    QVERIFY(k);
    QCOMPARE(substitution(true).covers(*k), covers);
}

void TestModel::fullName() {
    QCOMPARE(pupil(true).fullName(), u("Иванова Мария Петровна"));
    QCOMPARE(pupil(false).fullName(), u("Иванова Мария"));
}

void TestModel::debugStrings() {
    QCOMPARE(debugString(FieldValue{}), u("null"));
    QCOMPARE(debugString(FieldValue{std::int64_t{-3}}), u("-3"));
    QCOMPARE(debugString(FieldValue{u("зач")}), u("\"зач\""));
}

// The one entity-key parser (shared/domain/entity_key.h): the parts of a mark's, an absence's and a
// substitution's key.
void TestModel::parsedKeyParts() {
    const EntityKey mark = parseEntityKey(u("mark/7А/math/g1/2026-09-01/2/p017/3"));
    QCOMPARE(mark.type, KeyType::Mark);
    QCOMPARE(mark.classId, u("7А"));
    QCOMPARE(mark.subjectId, u("math"));
    QCOMPARE(mark.groupId, u("g1"));
    QCOMPARE(mark.date, QDate(2026, 9, 1));
    QCOMPARE(mark.slot, 2);
    QCOMPARE(mark.pupilId, u("p017"));
    QCOMPARE(mark.lessonKeyText(), u("7А/math/g1/2026-09-01/2"));
    const EntityKey absence = parseEntityKey(u("att/7А/math/all/2026-12-31/7/p001"));
    QCOMPARE(absence.type, KeyType::Attendance);
    QCOMPARE(absence.date, QDate(2026, 12, 31));
    QCOMPARE(absence.slot, 7);
    const EntityKey subst = parseEntityKey(u("subst/2027-02-28/3/9В/all"));
    QCOMPARE(subst.type, KeyType::Substitution);
    QCOMPARE(subst.date, QDate(2027, 2, 28));
    QCOMPARE(subst.slot, 3);
    QCOMPARE(subst.classId, u("9В"));
    QCOMPARE(parseEntityKey(u("mark/7А/math/g1/2026-09-01/2/p017")).type, KeyType::Unknown); // a segment short
}

// A key's date is read as QDate::fromString(…, Qt::ISODate) reads it (the parser reads the canonical form itself,
// a hot path): the same date, or the same invalid one, for canonical, impossible and odd forms.
void TestModel::parsedKeyDatesAsQt() {
    const QStringList dates{u("2026-09-01"),  u("2027-02-28"), u("2028-02-29"),     u("2027-02-29"), u("2026-13-01"),
                            u("2026-00-10"),  u("2026-04-31"), u("0000-01-01"),     u("0001-01-01"), u("9999-12-31"),
                            u("2026.09.01"),  u("2026-9-01"),  u("2026-09-1"),      u("20260901"),   u("2026-09-01x"),
                            u("2026-09-011"), u("2026-0a-01"), u("２０２６-09-01"), u("-026-09-01"), u("+026-09-01")};
    for (const QString& d : dates) {
        const EntityKey k = parseEntityKey(u("lesson/7А/math/all/") + d + u("/2"));
        QVERIFY2(k.type == KeyType::Lesson, qPrintable(d));
        const QDate qt = QDate::fromString(d, Qt::ISODate);
        QVERIFY2(k.date == qt && k.date.isValid() == qt.isValid(),
                 qPrintable(d + u(": ") + k.date.toString(Qt::ISODate) + u(" / ") + qt.toString(Qt::ISODate)));
    }
}

QTEST_GUILESS_MAIN(TestModel)
#include "test_model.moc"
