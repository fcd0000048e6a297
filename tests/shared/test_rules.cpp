// The rules of the regulation (rules.h) as data tables: one table per rule, each row named after the
// requirement and the case, with the expected outcome: "ok", the clause of the rejection ("3.5", "R-J2"), or
// "invalid" / "internal" for a bad argument that is not a rule of the regulation.
#include "shared/domain/rules.h"

#include <QTest>

using namespace tabel;
using namespace tabel::domain;
using namespace tabel::domain::rules;

namespace {

QString u(const char* s) {
    return QString::fromUtf8(s);
}
QDate day(int y, int m, int d) {
    return QDate(y, m, d);
}

const QDate kLessonDate = day(2026, 9, 1);
const QString kOk = QStringLiteral("ok");
const QString kInvalid = QStringLiteral("invalid");
const QString kInternal = QStringLiteral("internal");

LessonKey lessonKey(const QString& cls = u("7А"), const QString& subject = QStringLiteral("math"),
                    const QString& group = kWholeClass, QDate date = kLessonDate, int slot = 2) {
    return {cls, subject, group, date, slot};
}

// Checks a rule's outcome against the row's expectation; `mentions` (if any) must appear in the message, so that
// the teacher sees the offending value.
void verifyOutcome(const Status& s, const QString& expected, const QString& mentions = {}) {
    if (expected == kOk) {
        QVERIFY2(s, qPrintable(QStringLiteral("rejected: ") + (s ? QString() : s.error().message)));
        return;
    }
    QVERIFY2(!s, qPrintable(QStringLiteral("accepted, expected ") + expected));
    const Error& e = s.error();
    if (expected == kInvalid) {
        QCOMPARE(e.code, ErrorCode::InvalidArgument);
    } else if (expected == kInternal) {
        QCOMPARE(e.code, ErrorCode::Internal);
    } else {
        QCOMPARE(e.code, ErrorCode::RuleViolation);
        QCOMPARE(e.clause, expected);
        QVERIFY2(e.message.startsWith(expected + QStringLiteral(": ")), qPrintable(e.message));
    }
    if (!mentions.isEmpty())
        QVERIFY2(e.message.contains(mentions), qPrintable(e.message + QStringLiteral(" ∌ ") + mentions));
}

MarkValue markValue(const QString& text) {
    const auto v = parseMarkValue(text);
    if (!v)
        qFatal("bad mark value in a test row: %s", qPrintable(text));
    return *v;
}

WorkKind workKind(const QString& text) {
    const auto v = parseWorkKind(text);
    if (!v)
        qFatal("bad work kind in a test row: %s", qPrintable(text));
    return *v;
}

} // namespace

class TestRules : public QObject {
    Q_OBJECT

private slots:
    void markScale_data();
    void markScale();
    void checkMark_data();
    void checkMark();
    void checkAbsence_data();
    void checkAbsence();
    void checkWorkGrade_data();
    void checkWorkGrade();
    void checkLesson_data();
    void checkLesson();
    void checkTask_data();
    void checkTask();
    void periodMarkWindow();
    void checkPeriodMark_data();
    void checkPeriodMark();
    void missingPeriodMarks();
    void checkLessonScope_data();
    void checkLessonScope();
    void checkPupilInGroup_data();
    void checkPupilInGroup();
    void checkSubstitution_data();
    void checkSubstitution();
    void checkCorrection_data();
    void checkCorrection();
    void checkKtpCorrection_data();
    void checkKtpCorrection();
    void messagesNameThings();
};

// R-J2: the mark scale. `canonical` is the stored text, or empty when the text is rejected.
void TestRules::markScale_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical");

    QTest::newRow("R-J2 5") << u("5") << u("5");
    QTest::newRow("R-J2 4") << u("4") << u("4");
    QTest::newRow("R-J2 3") << u("3") << u("3");
    QTest::newRow("R-J2 2") << u("2") << u("2");
    QTest::newRow("R-J2 1") << u("1") << u("1");
    QTest::newRow("R-J2 зач") << u("зач") << u("зач");
    QTest::newRow("R-J2 незач") << u("незач") << u("незач");
    QTest::newRow("R-J2 осв") << u("осв") << u("осв");
    QTest::newRow("R-J2 н/а") << u("н/а") << u("н/а");
    QTest::newRow("R-J2 на, without the slash") << u("на") << u("н/а");
    QTest::newRow("R-J2 Зач, capital") << u("Зач") << u("зач");
    QTest::newRow("R-J2 ' 4 ', spaces") << u(" 4 ") << u("4");
    QTest::newRow("R-J2 6 → R-J2") << u("6") << QString();
    QTest::newRow("R-J2 0 → R-J2") << u("0") << QString();
    QTest::newRow("R-J2 пять → R-J2") << u("пять") << QString();
    QTest::newRow("R-J2 5+ → R-J2") << u("5+") << QString();
    QTest::newRow("R-J2 4.5 → R-J2") << u("4.5") << QString();
    QTest::newRow("R-J2 empty → R-J2") << QString() << QString();
    QTest::newRow("R-J2 н → R-J2 (absence is not a mark)") << u("н") << QString();
    QTest::newRow("R-J2 зачет → R-J2") << u("зачет") << QString();
}

void TestRules::markScale() {
    QFETCH(QString, text);
    QFETCH(QString, canonical);

    const auto v = parseMarkValue(text);
    if (canonical.isEmpty()) {
        QVERIFY(!v);
        verifyOutcome(v.error(), u("R-J2"), QStringLiteral("«") + text + QStringLiteral("»"));
        QVERIFY2(v.error().message.contains(u("«н/а»")), qPrintable(v.error().message)); // names the scale
        return;
    }
    QVERIFY2(v, qPrintable(v ? QString() : v.error().message));
    QCOMPARE(toString(*v), canonical);
}

// R-J2 (kind, weight, scale), R-J4 (3.4), R-J3 (3.5), R-J7 (4.4) for a lesson mark.
void TestRules::checkMark_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("weight");
    QTest::addColumn<QString>("work");
    QTest::addColumn<bool>("lessonExists");
    QTest::addColumn<QString>("absence"); // "" present, else the reason of the «Н»
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("mentions");

    const QString cur = u("current");
    const QString cw = u("classwork");
    QTest::newRow("R-J3 present, mark 5 → ok") << cur << u("5") << 1 << cw << true << QString() << kOk << QString();
    QTest::newRow("R-J3 absent ill (Б), mark 4 → ok") << cur << u("4") << 1 << cw << true << u("Б") << kOk << QString();
    QTest::newRow("R-J3 absent ill (Б), mark 2 → ok") << cur << u("2") << 1 << cw << true << u("Б") << kOk << QString();
    QTest::newRow("R-J3 absent unexcused (НП), mark 5 → 3.5")
        << cur << u("5") << 1 << cw << true << u("НП") << u("3.5") << u("p017");
    QTest::newRow("R-J3 absent valid reason (УП), mark 3 → 3.5")
        << cur << u("3") << 1 << cw << true << u("УП") << u("3.5") << u("УП");
    QTest::newRow("R-J3 absent unexcused, зач → 3.5")
        << cur << u("зач") << 1 << cw << true << u("НП") << u("3.5") << u("7А, 01.09.2026, lesson 2");
    QTest::newRow("R-J3 absent unexcused, control work mark → 3.5")
        << u("control") << u("4") << 2 << u("control") << true << u("НП") << u("3.5") << QString();
    QTest::newRow("R-J4 distance mark in its lesson's column → ok")
        << cur << u("5") << 1 << u("distance") << true << QString() << kOk << QString();
    QTest::newRow("R-J4 distance mark without a lesson → 3.4")
        << cur << u("5") << 1 << u("distance") << false << QString() << u("3.4") << u("7А, 01.09.2026, lesson 2");
    QTest::newRow("R-J4 classwork mark without a lesson → 3.4")
        << cur << u("4") << 1 << cw << false << QString() << u("3.4") << QString();
    QTest::newRow("R-J2 control kind → ok")
        << u("control") << u("4") << 2 << u("control") << true << QString() << kOk << QString();
    QTest::newRow("R-J2 period kind → R-J2")
        << u("period") << u("4") << 1 << cw << true << QString() << u("R-J2") << u("«period»");
    QTest::newRow("R-J2 annual kind → R-J2")
        << u("annual") << u("4") << 1 << cw << true << QString() << u("R-J2") << u("«annual»");
    QTest::newRow("R-J2 exam kind → R-J2")
        << u("exam") << u("4") << 1 << cw << true << QString() << u("R-J2") << u("«exam»");
    QTest::newRow("R-J2 weight 1 → ok") << cur << u("5") << 1 << cw << true << QString() << kOk << QString();
    QTest::newRow("R-J2 weight 10 → ok") << cur << u("5") << 10 << cw << true << QString() << kOk << QString();
    QTest::newRow("R-J2 weight 0 → R-J2") << cur << u("5") << 0 << cw << true << QString() << u("R-J2") << u("0");
    QTest::newRow("R-J2 weight 11 → R-J2") << cur << u("5") << 11 << cw << true << QString() << u("R-J2") << u("11");
    QTest::newRow("R-J2 weight -1 → R-J2") << cur << u("5") << -1 << cw << true << QString() << u("R-J2") << u("-1");
    QTest::newRow("R-J2 осв is not a lesson mark → R-J2")
        << cur << u("осв") << 1 << cw << true << QString() << u("R-J2") << u("«осв»");
    QTest::newRow("R-J2 н/а is not a lesson mark → R-J2")
        << cur << u("н/а") << 1 << cw << true << QString() << u("R-J2") << u("«н/а»");
    QTest::newRow("R-J2 незач current mark → ok")
        << cur << u("незач") << 1 << cw << true << QString() << kOk << QString();
    QTest::newRow("R-J7 self-study 5 → ok")
        << cur << u("5") << 1 << u("selfstudy") << true << QString() << kOk << QString();
    QTest::newRow("R-J7 self-study зач → ok")
        << cur << u("зач") << 1 << u("selfstudy") << true << QString() << kOk << QString();
    QTest::newRow("R-J7 self-study 2 → 4.4")
        << cur << u("2") << 1 << u("selfstudy") << true << QString() << u("4.4") << u("«2»");
    QTest::newRow("R-J7 self-study незач → 4.4")
        << cur << u("незач") << 1 << u("selfstudy") << true << QString() << u("4.4") << u("«незач»");
    QTest::newRow("R-J7 self-study 1, absent ill → 4.4")
        << cur << u("1") << 1 << u("selfstudy") << true << u("Б") << u("4.4") << u("«1»");
    QTest::newRow("R-J7 distance work (not self-study) 2 → ok")
        << cur << u("2") << 1 << u("distance") << true << QString() << kOk << QString();
}

void TestRules::checkMark() {
    QFETCH(QString, kind);
    QFETCH(QString, value);
    QFETCH(int, weight);
    QFETCH(QString, work);
    QFETCH(bool, lessonExists);
    QFETCH(QString, absence);
    QFETCH(QString, expected);
    QFETCH(QString, mentions);

    Mark m;
    m.lesson = lessonKey();
    m.pupilId = QStringLiteral("p017");
    const auto k = parseMarkKind(kind);
    QVERIFY(k);
    m.kind = *k;
    m.value = markValue(value);
    m.weight = weight;
    m.work = workKind(work);

    Lesson lesson;
    lesson.key = m.lesson;
    std::optional<Attendance> att;
    if (!absence.isEmpty()) {
        const auto reason = parseAbsenceReason(absence);
        QVERIFY(reason);
        att = Attendance{m.lesson, m.pupilId, *reason, {}, {}};
    }
    verifyOutcome(rules::checkMark(m, lessonExists ? &lesson : nullptr, att), expected, mentions);
}

// R-J3 (3.5) the other way round: an absence other than illness for a pupil who already has a mark.
void TestRules::checkAbsence_data() {
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QStringList>("marks");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("R-J3 unexcused (НП), no mark → ok") << u("НП") << QStringList() << kOk << QString();
    QTest::newRow("R-J3 valid reason (УП), no mark → ok") << u("УП") << QStringList() << kOk << QString();
    QTest::newRow("R-J3 illness (Б), has mark 5 → ok") << u("Б") << QStringList{u("5")} << kOk << QString();
    QTest::newRow("R-J3 unexcused (НП), has mark 5 → 3.5") << u("НП") << QStringList{u("5")} << u("3.5") << u("«5»");
    QTest::newRow("R-J3 valid reason (УП), has mark зач → 3.5")
        << u("УП") << QStringList{u("зач")} << u("3.5") << u("«зач»");
    QTest::newRow("R-J3 unexcused, two marks → 3.5") << u("НП") << QStringList{u("4"), u("3")} << u("3.5") << u("p017");
}

void TestRules::checkAbsence() {
    QFETCH(QString, reason);
    QFETCH(QStringList, marks);
    QFETCH(QString, expected);
    QFETCH(QString, mentions);

    const auto r = parseAbsenceReason(reason);
    QVERIFY(r);
    const Attendance a{lessonKey(), QStringLiteral("p017"), *r, {}, {}};
    QList<Mark> existing;
    int column = 1;
    for (const QString& v : marks) {
        Mark m;
        m.lesson = a.lesson;
        m.pupilId = a.pupilId;
        m.column = column++;
        m.value = markValue(v);
        existing << m;
    }
    verifyOutcome(rules::checkAbsence(a, existing), expected, mentions);
}

// R-J7 (4.4): self-study work is graded only with a positive result.
void TestRules::checkWorkGrade_data() {
    QTest::addColumn<QString>("work");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");

    const QString self = u("selfstudy");
    QTest::newRow("R-J7 self-study 5 → ok") << self << u("5") << kOk;
    QTest::newRow("R-J7 self-study 4 → ok") << self << u("4") << kOk;
    QTest::newRow("R-J7 self-study 3 → ok") << self << u("3") << kOk;
    QTest::newRow("R-J7 self-study зач → ok") << self << u("зач") << kOk;
    QTest::newRow("R-J7 self-study 2 → 4.4") << self << u("2") << u("4.4");
    QTest::newRow("R-J7 self-study 1 → 4.4") << self << u("1") << u("4.4");
    QTest::newRow("R-J7 self-study незач → 4.4") << self << u("незач") << u("4.4");
    QTest::newRow("R-J7 self-study осв → 4.4") << self << u("осв") << u("4.4");
    QTest::newRow("R-J7 self-study н/а → 4.4") << self << u("н/а") << u("4.4");
    QTest::newRow("R-J7 distance task 2 → ok") << u("distance") << u("2") << kOk;
    QTest::newRow("R-J7 homework 1 → ok") << u("homework") << u("1") << kOk;
    QTest::newRow("R-J7 control work незач → ok") << u("control") << u("незач") << kOk;
}

void TestRules::checkWorkGrade() {
    QFETCH(QString, work);
    QFETCH(QString, value);
    QFETCH(QString, expected);

    const Status s = rules::checkWorkGrade(workKind(work), markValue(value));
    verifyOutcome(s, expected, expected == kOk ? QString() : QStringLiteral("«") + value + QStringLiteral("»"));
    if (!s) // the message of 4.4 spells out what is allowed
        QVERIFY2(s.error().message.contains(u("5, 4, 3 or «зач»")), qPrintable(s.error().message));
}

// R-J5 (3.2) for a lesson's homework and form of assessment; the lesson number is an argument check.
void TestRules::checkLesson_data() {
    QTest::addColumn<int>("slot");
    QTest::addColumn<QString>("homework");
    QTest::addColumn<int>("dueOffset"); // days after the lesson; kNoDue for none
    QTest::addColumn<QString>("form");
    QTest::addColumn<QStringList>("forms"); // configured; empty means the defaults
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("mentions");

    constexpr int kNoDue = -1000;
    const QString hw = u("№ 12, 14");
    QTest::newRow("R-J5 no homework → ok")
        << 2 << QString() << kNoDue << QString() << QStringList() << kOk << QString();
    QTest::newRow("R-J5 homework due the next day → ok")
        << 2 << hw << 1 << QString() << QStringList() << kOk << QString();
    QTest::newRow("R-J5 homework due on the lesson day → ok")
        << 2 << hw << 0 << QString() << QStringList() << kOk << QString();
    QTest::newRow("R-J5 homework due the day before the lesson → 3.2")
        << 2 << hw << -1 << QString() << QStringList() << u("3.2") << u("2026-08-31");
    QTest::newRow("R-J5 due date without homework text → 3.2")
        << 2 << u("   ") << 2 << QString() << QStringList() << u("3.2") << u("2026-09-03");
    QTest::newRow("R-J5 homework without due date → ok")
        << 2 << hw << kNoDue << QString() << QStringList() << kOk << QString();
    QTest::newRow("R-J5 form тест from the default list → ok")
        << 2 << hw << 2 << u("тест") << QStringList() << kOk << QString();
    QTest::newRow("R-J5 form ' Тест ', case and spaces → ok")
        << 2 << hw << 2 << u(" Тест ") << QStringList() << kOk << QString();
    QTest::newRow("R-J5 form эссе not in the default list → 3.2")
        << 2 << hw << 2 << u("эссе") << QStringList() << u("3.2") << u("«эссе»");
    QTest::newRow("R-J5 form эссе from the configured list → ok")
        << 2 << hw << 2 << u("эссе") << QStringList{u("эссе"), u("диктант")} << kOk << QString();
    QTest::newRow("R-J5 form тест not in the configured list → 3.2")
        << 2 << hw << 2 << u("тест") << QStringList{u("эссе"), u("диктант")} << u("3.2") << u("«диктант»");
    QTest::newRow("lesson 12 → ok") << 12 << QString() << kNoDue << QString() << QStringList() << kOk << QString();
    QTest::newRow("lesson 0 → invalid") << 0 << QString() << kNoDue << QString() << QStringList() << kInvalid << u("0");
    QTest::newRow("lesson 13 → invalid") << 13 << QString() << kNoDue << QString() << QStringList() << kInvalid
                                         << u("13");
}

void TestRules::checkLesson() {
    QFETCH(int, slot);
    QFETCH(QString, homework);
    QFETCH(int, dueOffset);
    QFETCH(QString, form);
    QFETCH(QStringList, forms);
    QFETCH(QString, expected);
    QFETCH(QString, mentions);

    Lesson l;
    l.key = lessonKey(u("7А"), QStringLiteral("math"), kWholeClass, kLessonDate, slot);
    l.topic = u("Дроби");
    l.homework = homework;
    if (dueOffset != -1000)
        l.homeworkDue = kLessonDate.addDays(dueOffset);
    l.form = form;
    verifyOutcome(rules::checkLesson(l, forms), expected, mentions);
}

// R-J5 (3.2, 3.3) and R-J4 (3.4) for tasks. The КТП of 7А math has topics 1…5.
void TestRules::checkTask_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("lessonClass"); // "" for a task without a lesson
    QTest::addColumn<int>("issuedOffset");    // days after the lesson date
    QTest::addColumn<int>("dueOffset");       // days after the lesson date; kNoDue for none
    QTest::addColumn<QString>("form");
    QTest::addColumn<int>("ktp"); // 0 for none
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("mentions");

    constexpr int kNoDue = -1000;
    const QString c7 = u("7А");
    const QString pw = u("письменная работа");
    const QString t = u("Дроби");
    QTest::newRow("R-J5 distance task due after its lesson → ok")
        << u("distance") << c7 << 0 << 7 << pw << 0 << t << kOk << QString();
    QTest::newRow("R-J5 distance task due on the lesson day → ok")
        << u("distance") << c7 << 0 << 0 << pw << 0 << t << kOk << QString();
    QTest::newRow("R-J5 distance task due before its lesson → 3.2")
        << u("distance") << c7 << -3 << -1 << pw << 0 << t << u("3.2") << u("2026-08-31");
    QTest::newRow("R-J5 task without a due date → 3.2")
        << u("distance") << c7 << 0 << kNoDue << pw << 0 << t << u("3.2") << u("«Дроби»");
    QTest::newRow("R-J5 control work due before it is issued → 3.2")
        << u("control") << QString() << 5 << 4 << pw << 3 << t << u("3.2") << u("2026-09-05");
    QTest::newRow("R-J5 task without a form → 3.2")
        << u("homework") << c7 << 0 << 2 << QString() << 0 << t << u("3.2") << u("«тест»");
    QTest::newRow("R-J5 task with a form not in the list → 3.2")
        << u("homework") << c7 << 0 << 2 << u("эссе") << 0 << t << u("3.2") << u("«эссе»");
    QTest::newRow("R-J5 3.3 control work without a lesson, КТП topic 3 → ok")
        << u("control") << QString() << 0 << 7 << u("контрольная работа") << 3 << t << kOk << QString();
    QTest::newRow("R-J5 3.3 lab work without a lesson, КТП topic 5 → ok")
        << u("lab") << QString() << 0 << 7 << u("лабораторная работа") << 5 << t << kOk << QString();
    QTest::newRow("R-J5 3.3 control work without a lesson and without a КТП topic → 3.3")
        << u("control") << QString() << 0 << 7 << u("контрольная работа") << 0 << t << u("3.3") << u("КТП");
    QTest::newRow("R-J5 3.3 practical work without a lesson, topic 9 not in the КТП → 3.3")
        << u("practical") << QString() << 0 << 7 << u("практическая работа") << 9 << t << u("3.3") << u("9");
    QTest::newRow("R-J5 3.3 lab work in a lesson, no КТП topic → ok")
        << u("lab") << c7 << 0 << 0 << u("лабораторная работа") << 0 << t << kOk << QString();
    QTest::newRow("R-J5 distance task in a lesson, topic 9 not in the КТП → 3.1")
        << u("distance") << c7 << 0 << 7 << pw << 9 << t << u("3.1") << u("9");
    QTest::newRow("R-J4 distance task without a lesson → 3.4")
        << u("distance") << QString() << 0 << 7 << pw << 3 << t << u("3.4") << u("«Дроби»");
    QTest::newRow("R-J4 self-study work without a lesson → 3.4")
        << u("selfstudy") << QString() << 0 << 7 << pw << 3 << t << u("3.4") << QString();
    QTest::newRow("R-J4 homework without a lesson → 3.4")
        << u("homework") << QString() << 0 << 7 << pw << 0 << t << u("3.4") << QString();
    QTest::newRow("R-J4 task of 7А tied to a lesson of 7Б → 3.4")
        << u("distance") << u("7Б") << 0 << 7 << pw << 0 << t << u("3.4") << u("7Б, 01.09.2026, lesson 2");
    QTest::newRow("task without a title → invalid")
        << u("distance") << c7 << 0 << 7 << pw << 0 << u("  ") << kInvalid << QString();
}

void TestRules::checkTask() {
    QFETCH(QString, kind);
    QFETCH(QString, lessonClass);
    QFETCH(int, issuedOffset);
    QFETCH(int, dueOffset);
    QFETCH(QString, form);
    QFETCH(int, ktp);
    QFETCH(QString, title);
    QFETCH(QString, expected);
    QFETCH(QString, mentions);

    Task task;
    task.classId = u("7А");
    task.subjectId = QStringLiteral("math");
    task.groupId = kWholeClass;
    task.id = QStringLiteral("t-7");
    task.kind = workKind(kind);
    task.title = title;
    if (!lessonClass.isEmpty())
        task.lesson = lessonKey(lessonClass);
    task.issued = kLessonDate.addDays(issuedOffset);
    if (dueOffset != -1000)
        task.due = kLessonDate.addDays(dueOffset);
    task.form = form;
    if (ktp)
        task.ktpTopic = ktp;
    verifyOutcome(rules::checkTask(task, {}, {1, 2, 3, 4, 5}), expected, mentions);
}

// R-J9 (2.5.6): the last week of the period, its last day included.
void TestRules::periodMarkWindow() {
    Period q1;
    q1.id = QStringLiteral("q1");
    q1.start = day(2026, 9, 1);
    q1.end = day(2026, 10, 25);
    const Window w = rules::periodMarkWindow(q1);
    QCOMPARE(w.first, day(2026, 10, 19));
    QCOMPARE(w.last, day(2026, 10, 25));
    QCOMPARE(w.first.daysTo(w.last), 6);
    QVERIFY(w.contains(day(2026, 10, 19)));
    QVERIFY(w.contains(day(2026, 10, 25)));
    QVERIFY(!w.contains(day(2026, 10, 18)));
    QVERIFY(!w.contains(day(2026, 10, 26)));
}

// R-J9 (2.5.6) and R-J1 (which periods a grade has). Quarter q1 ends 2026-10-25: window 2026-10-19…25.
void TestRules::checkPeriodMark_data() {
    QTest::addColumn<QString>("periodId"); // of the mark; the period's own id is "q1" unless "annual"
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("grades");
    QTest::addColumn<int>("grade");
    QTest::addColumn<QDate>("deviceDate");
    QTest::addColumn<QString>("overrideReason");
    QTest::addColumn<QString>("author");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("mentions");

    const QString q = u("quarter");
    const QString g29 = u("2-9");
    const QString t1 = u("t1");
    const QString q1 = u("q1");
    const QString late = u("больничный учителя");
    QTest::newRow("R-J9 first day of the window → ok")
        << q1 << q << g29 << 7 << day(2026, 10, 19) << QString() << t1 << kOk << QString();
    QTest::newRow("R-J9 last day of the window → ok")
        << q1 << q << g29 << 7 << day(2026, 10, 25) << QString() << t1 << kOk << QString();
    QTest::newRow("R-J9 day before the window → 2.5.6")
        << q1 << q << g29 << 7 << day(2026, 10, 18) << QString() << t1 << u("2.5.6") << u("2026-10-18");
    QTest::newRow("R-J9 day after the window, no override → 2.5.6")
        << q1 << q << g29 << 7 << day(2026, 10, 26) << QString() << t1 << u("2.5.6") << u("2026-10-19");
    QTest::newRow("R-J9 day after the window, blank override → 2.5.6")
        << q1 << q << g29 << 7 << day(2026, 10, 26) << u("  ") << t1 << u("2.5.6") << u("2026-10-25");
    QTest::newRow("R-J9 day after the window with override → ok")
        << q1 << q << g29 << 7 << day(2026, 10, 26) << late << t1 << kOk << QString();
    QTest::newRow("R-J9 before the window with override → ok")
        << q1 << q << g29 << 7 << day(2026, 10, 1) << late << t1 << kOk << QString();
    QTest::newRow("R-J9 override without its author → 2.5.6")
        << q1 << q << g29 << 7 << day(2026, 10, 26) << late << QString() << u("2.5.6") << QString();
    QTest::newRow("R-J9 R-J1 quarter for grade 10 → 2.5.6")
        << q1 << q << g29 << 10 << day(2026, 10, 20) << QString() << t1 << u("2.5.6") << u("10");
    QTest::newRow("R-J9 R-J1 quarter for grade 1 → 2.5.6")
        << q1 << q << g29 << 1 << day(2026, 10, 20) << QString() << t1 << u("2.5.6") << u("2-9");
    QTest::newRow("R-J9 R-J1 half for grade 10 → ok")
        << q1 << u("half") << u("10-11") << 10 << day(2026, 10, 20) << QString() << t1 << kOk << QString();
    QTest::newRow("R-J9 R-J1 half for grade 9 → 2.5.6")
        << q1 << u("half") << u("10-11") << 9 << day(2026, 10, 20) << QString() << t1 << u("2.5.6") << u("9");
    QTest::newRow("R-J9 annual mark in the year's last week → ok")
        << u("annual") << u("year") << u("2-11") << 7 << day(2026, 10, 22) << QString() << t1 << kOk << QString();
    QTest::newRow("R-J9 annual mark checked against a quarter → internal")
        << u("annual") << q << g29 << 7 << day(2026, 10, 22) << QString() << t1 << kInternal << QString();
    QTest::newRow("R-J9 mark of q2 checked against q1 → internal")
        << u("q2") << q << g29 << 7 << day(2026, 10, 22) << QString() << t1 << kInternal << QString();
}

void TestRules::checkPeriodMark() {
    QFETCH(QString, periodId);
    QFETCH(QString, kind);
    QFETCH(QString, grades);
    QFETCH(int, grade);
    QFETCH(QDate, deviceDate);
    QFETCH(QString, overrideReason);
    QFETCH(QString, author);
    QFETCH(QString, expected);
    QFETCH(QString, mentions);

    Period p;
    p.yearId = QStringLiteral("2026-2027");
    p.id = QStringLiteral("q1");
    p.title = u("1 четверть");
    const auto k = parsePeriodKind(kind);
    QVERIFY(k);
    p.kind = *k;
    p.start = day(2026, 9, 1);
    p.end = day(2026, 10, 25);
    p.grades = grades;

    PeriodMark m;
    m.classId = u("7А");
    m.subjectId = QStringLiteral("math");
    m.periodId = periodId;
    m.pupilId = QStringLiteral("p017");
    m.value = MarkValue::Four;
    m.overrideReason = overrideReason;
    m.authorId = author;
    m.deviceTime = QDateTime(deviceDate, QTime(10, 0), Qt::UTC);
    verifyOutcome(rules::checkPeriodMark(m, p, grade, deviceDate), expected, mentions);
}

// R-J9: the report at the window's end.
void TestRules::missingPeriodMarks() {
    const auto pm = [](const char* subject, const char* pupil) {
        PeriodMark m;
        m.subjectId = u(subject);
        m.pupilId = u(pupil);
        return m;
    };
    const QList<QPair<QString, QString>> expected{{u("rus"), u("p2")}, {u("math"), u("p2")}, {u("math"), u("p1")},
                                                  {u("rus"), u("p1")}, {u("math"), u("p3")}, {u("math"), u("p2")}};
    const QList<PeriodMark> present{pm("math", "p1"), pm("rus", "p2"), pm("eng", "p9")};
    const QList<MissingPeriodMark> missing = rules::missingPeriodMarks(expected, present);
    const QList<MissingPeriodMark> want{{u("math"), u("p2")}, {u("math"), u("p3")}, {u("rus"), u("p1")}};
    QCOMPARE(missing, want);
    QVERIFY(rules::missingPeriodMarks({}, present).isEmpty());
}

// R-J10 (2.5.4) and R-J11 (2.5.5): who may write a lesson. t1 teaches 7А math to the whole class, t2 and t3 the
// English subgroups g1 and g2; t4 substitutes t1 on 2026-09-01, lesson 2.
void TestRules::checkLessonScope_data() {
    QTest::addColumn<QString>("teacher");
    QTest::addColumn<QString>("lesson");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("R-J10 assigned teacher → ok") << u("t1") << u("7А/math/all/2026-09-01/2") << kOk << QString();
    QTest::newRow("R-J10 substitute, the substituted lesson → ok")
        << u("t4") << u("7А/math/all/2026-09-01/2") << kOk << QString();
    QTest::newRow("R-J10 substitute, another lesson that day → 2.5.4")
        << u("t4") << u("7А/math/all/2026-09-01/3") << u("2.5.4") << u("«t4»");
    QTest::newRow("R-J10 substitute, another day → 2.5.4")
        << u("t4") << u("7А/math/all/2026-09-02/2") << u("2.5.4") << u("02.09.2026");
    QTest::newRow("R-J10 substitute, another subject in that slot → 2.5.4")
        << u("t4") << u("7А/eng/all/2026-09-01/2") << u("2.5.4") << QString();
    QTest::newRow("R-J10 substitute, another class → 2.5.4")
        << u("t4") << u("7Б/math/all/2026-09-01/2") << u("2.5.4") << QString();
    QTest::newRow("R-J10 teacher without assignment or substitution → 2.5.4")
        << u("t9") << u("7А/math/all/2026-09-01/2") << u("2.5.4") << u("«t9»");
    QTest::newRow("R-J10 assigned teacher, another class → 2.5.4")
        << u("t1") << u("7Б/math/all/2026-09-01/2") << u("2.5.4") << QString();
    QTest::newRow("R-J11 subgroup teacher, own group → ok")
        << u("t2") << u("7А/eng/g1/2026-09-01/3") << kOk << QString();
    QTest::newRow("R-J11 other subgroup's teacher, own group → ok")
        << u("t3") << u("7А/eng/g2/2026-09-01/3") << kOk << QString();
    QTest::newRow("R-J11 subgroup teacher, other subgroup → 2.5.5")
        << u("t2") << u("7А/eng/g2/2026-09-01/3") << u("2.5.5") << u("«g2»");
    QTest::newRow("R-J11 subgroup teacher, whole-class lesson → 2.5.5")
        << u("t2") << u("7А/eng/all/2026-09-01/3") << u("2.5.5") << u("«g1»");
}

void TestRules::checkLessonScope() {
    QFETCH(QString, teacher);
    QFETCH(QString, lesson);
    QFETCH(QString, expected);
    QFETCH(QString, mentions);

    const QList<Assignment> assignments{{u("t1"), u("7А"), u("math"), kWholeClass},
                                        {u("t2"), u("7А"), u("eng"), u("g1")},
                                        {u("t3"), u("7А"), u("eng"), u("g2")}};
    Substitution s;
    s.date = kLessonDate;
    s.slot = 2;
    s.classId = u("7А");
    s.groupId = kWholeClass;
    s.subjectId = u("math");
    s.absentTeacherId = u("t1");
    s.substituteId = u("t4");
    s.reason = u("болезнь");
    const auto k = LessonKey::parse(lesson);
    QVERIFY(k);
    verifyOutcome(rules::checkLessonScope(teacher, *k, assignments, {s}), expected, mentions);
}

// R-J11 (2.5.5): a group's journal holds only its own pupils.
void TestRules::checkPupilInGroup_data() {
    QTest::addColumn<QString>("pupil");
    QTest::addColumn<QString>("group");
    QTest::addColumn<QStringList>("members");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("mentions");

    const QStringList g1{u("p01"), u("p02")};
    const QStringList cls{u("p01"), u("p02"), u("p03"), u("p04")};
    QTest::newRow("R-J11 member of g1 → ok") << u("p02") << u("g1") << g1 << kOk << QString();
    QTest::newRow("R-J11 pupil of g2 in the g1 journal → 2.5.5")
        << u("p03") << u("g1") << g1 << u("2.5.5") << u("«p03»");
    QTest::newRow("R-J11 message names the group") << u("p04") << u("g1") << g1 << u("2.5.5") << u("«g1»");
    QTest::newRow("R-J11 whole class, pupil of the class → ok") << u("p04") << u("all") << cls << kOk << QString();
    QTest::newRow("R-J11 whole class, pupil of another class → 2.5.5")
        << u("p99") << u("all") << cls << u("2.5.5") << u("class 7А");
    QTest::newRow("R-J11 empty group → 2.5.5") << u("p01") << u("g2") << QStringList() << u("2.5.5") << u("«p01»");
}

void TestRules::checkPupilInGroup() {
    QFETCH(QString, pupil);
    QFETCH(QString, group);
    QFETCH(QStringList, members);
    QFETCH(QString, expected);
    QFETCH(QString, mentions);
    verifyOutcome(rules::checkPupilInGroup(pupil, lessonKey(u("7А"), u("eng"), group), members), expected, mentions);
}

// Issue 9 item 7 (R-J3, R-J11, R-J13): given names, a rule's message names the pupil, the subject and the
// teacher as a person reads them, not by id; an id the caller cannot name still shows, quoted.
void TestRules::messagesNameThings() {
    rules::Names names;
    names.pupil = [](const QString& id) { return id == u("p1") ? u("Алексеев Артём") : QString(); };
    names.subject = [](const QString& id) { return id == u("eng") ? u("Английский язык") : QString(); };
    names.teacher = [](const QString& id) { return id == u("t1") ? u("Иванова Мария Петровна") : QString(); };

    const LessonKey lesson = lessonKey(u("7А"), u("eng"), u("g2"));
    Status s = rules::checkPupilInGroup(u("p1"), lesson, {u("p2")}, names);
    QVERIFY(!s);
    QVERIFY2(s.error().message.contains(u("Алексеев Артём")) && s.error().message.contains(u("Английский язык")),
             qPrintable(s.error().message));
    QVERIFY2(!s.error().message.contains(u("p1")) && !s.error().message.contains(u("eng")),
             qPrintable(s.error().message));

    s = rules::checkLessonScope(u("t1"), lesson, {}, {}, names);
    QVERIFY(!s);
    QVERIFY2(s.error().message.contains(u("Иванова Мария Петровна")) &&
                 s.error().message.contains(u("Английский язык, 7А, group g2, 01.09.2026, lesson 2")),
             qPrintable(s.error().message));

    s = rules::checkPupilInGroup(u("p9"), lesson, {u("p2")}, names); // not on the roster: the id, quoted
    QVERIFY(!s);
    QVERIFY2(s.error().message.contains(u("«p9»")), qPrintable(s.error().message));
}

// R-J10 (2.5.4): the substitution journal entry.
void TestRules::checkSubstitution_data() {
    QTest::addColumn<QString>("absent");
    QTest::addColumn<QString>("substitute");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<int>("slot");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("mentions");

    const QString ill = u("болезнь");
    QTest::newRow("R-J10 complete entry → ok") << u("t1") << u("t4") << ill << 2 << kOk << QString();
    QTest::newRow("R-J10 lesson 12 → ok") << u("t1") << u("t4") << ill << 12 << kOk << QString();
    QTest::newRow("R-J10 substitute for oneself → 2.5.4") << u("t1") << u("t1") << ill << 2 << u("2.5.4") << u("«t1»");
    QTest::newRow("R-J10 no substitute → 2.5.4") << u("t1") << QString() << ill << 2 << u("2.5.4") << QString();
    QTest::newRow("R-J10 no absent teacher → 2.5.4") << QString() << u("t4") << ill << 2 << u("2.5.4") << QString();
    QTest::newRow("R-J10 no reason → 2.5.4") << u("t1") << u("t4") << u(" ") << 2 << u("2.5.4") << u("«t1»");
    QTest::newRow("R-J10 lesson 0 → 2.5.4") << u("t1") << u("t4") << ill << 0 << u("2.5.4") << u("0");
    QTest::newRow("R-J10 lesson 13 → 2.5.4") << u("t1") << u("t4") << ill << 13 << u("2.5.4") << u("13");
}

void TestRules::checkSubstitution() {
    QFETCH(QString, absent);
    QFETCH(QString, substitute);
    QFETCH(QString, reason);
    QFETCH(int, slot);
    QFETCH(QString, expected);
    QFETCH(QString, mentions);

    Substitution s;
    s.date = kLessonDate;
    s.slot = slot;
    s.classId = u("7А");
    s.groupId = kWholeClass;
    s.subjectId = u("math");
    s.absentTeacherId = absent;
    s.substituteId = substitute;
    s.reason = reason;
    verifyOutcome(rules::checkSubstitution(s), expected, mentions);
}

// R-J13 (2.6.8): correcting a period or annual mark.
void TestRules::checkCorrection_data() {
    QTest::addColumn<QString>("current"); // the mark on record; "" when there is none
    QTest::addColumn<QString>("oldValue");
    QTest::addColumn<QString>("newValue");
    QTest::addColumn<QString>("explanation");
    QTest::addColumn<QString>("approver");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("mentions");

    const QString why = u("ошибка при выставлении");
    const QString dir = u("Петров П. П., директор");
    QTest::newRow("R-J13 3 corrected to 4 → ok") << u("3") << u("3") << u("4") << why << dir << kOk << QString();
    QTest::newRow("R-J13 н/а corrected to 3 → ok") << u("н/а") << u("н/а") << u("3") << why << dir << kOk << QString();
    QTest::newRow("R-J13 no mark on record → 2.6.8")
        << QString() << u("3") << u("4") << why << dir << u("2.6.8") << u("«p017»");
    QTest::newRow("R-J13 old mark is not the one on record → 2.6.8")
        << u("5") << u("3") << u("4") << why << dir << u("2.6.8") << u("«5»");
    QTest::newRow("R-J13 new mark equals the old one → 2.6.8")
        << u("4") << u("4") << u("4") << why << dir << u("2.6.8") << u("«4»");
    QTest::newRow("R-J13 no explanation → 2.6.8")
        << u("3") << u("3") << u("4") << QString() << dir << u("2.6.8") << QString();
    QTest::newRow("R-J13 blank explanation → 2.6.8")
        << u("3") << u("3") << u("4") << u(" \t") << dir << u("2.6.8") << QString();
    QTest::newRow("R-J13 no approver → 2.6.8")
        << u("3") << u("3") << u("4") << why << u("  ") << u("2.6.8") << u("director");
}

void TestRules::checkCorrection() {
    QFETCH(QString, current);
    QFETCH(QString, oldValue);
    QFETCH(QString, newValue);
    QFETCH(QString, explanation);
    QFETCH(QString, approver);
    QFETCH(QString, expected);
    QFETCH(QString, mentions);

    Correction c;
    c.classId = u("7А");
    c.subjectId = u("math");
    c.periodId = u("annual");
    c.pupilId = u("p017");
    c.oldValue = markValue(oldValue);
    c.newValue = markValue(newValue);
    c.explanation = explanation;
    c.approver = approver;
    c.authorId = u("t1");
    c.date = day(2027, 6, 2);
    std::optional<PeriodMark> onRecord;
    if (!current.isEmpty()) {
        PeriodMark m;
        m.classId = c.classId;
        m.subjectId = c.subjectId;
        m.periodId = c.periodId;
        m.pupilId = c.pupilId;
        m.value = markValue(current);
        onRecord = m;
    }
    verifyOutcome(rules::checkCorrection(c, onRecord), expected, mentions);
}

// R-J6 (3.1): the КТП correction sheet. The КТП of 7А math has topics 1…10.
void TestRules::checkKtpCorrection_data() {
    QTest::addColumn<QList<int>>("topics");
    QTest::addColumn<int>("planned");
    QTest::addColumn<int>("actual");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("method");
    QTest::addColumn<bool>("dated");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("mentions");

    const QString why = u("карантин");
    QTest::newRow("R-J6 merge topics 3 and 4 → ok")
        << QList<int>{3, 4} << 2 << 1 << why << u("merge") << true << kOk << QString();
    QTest::newRow("R-J6 topic 7 moved to next year → ok")
        << QList<int>{7} << 1 << 0 << why << u("next-year") << true << kOk << QString();
    QTest::newRow("R-J6 modular approach → ok")
        << QList<int>{8, 9} << 2 << 1 << why << u("modular") << true << kOk << QString();
    QTest::newRow("R-J6 self-study of topic 10 → ok")
        << QList<int>{10} << 1 << 0 << why << u("self-study") << true << kOk << QString();
    QTest::newRow("R-J6 topic 11 not in the КТП → 3.1")
        << QList<int>{3, 11} << 2 << 1 << why << u("merge") << true << u("3.1") << u("11");
    QTest::newRow("R-J6 no topics → 3.1")
        << QList<int>{} << 0 << 0 << why << u("next-year") << true << u("3.1") << QString();
    QTest::newRow("R-J6 topic listed twice → 3.1")
        << QList<int>{4, 4} << 2 << 1 << why << u("merge") << true << u("3.1") << u("4");
    QTest::newRow("R-J6 negative hours → 3.1")
        << QList<int>{3, 4} << 2 << -1 << why << u("merge") << true << u("3.1") << u("-1");
    QTest::newRow("R-J6 no reason → 3.1")
        << QList<int>{3, 4} << 2 << 1 << QString() << u("merge") << true << u("3.1") << QString();
    QTest::newRow("R-J6 merging a single topic → 3.1")
        << QList<int>{5} << 1 << 1 << why << u("merge") << true << u("3.1") << u("5");
    QTest::newRow("R-J6 no date → 3.1") << QList<int>{7} << 1 << 0 << why << u("next-year") << false << u("3.1")
                                        << QString();
}

void TestRules::checkKtpCorrection() {
    QFETCH(QList<int>, topics);
    QFETCH(int, planned);
    QFETCH(int, actual);
    QFETCH(QString, reason);
    QFETCH(QString, method);
    QFETCH(bool, dated);
    QFETCH(QString, expected);
    QFETCH(QString, mentions);

    KtpCorrection e;
    e.classId = u("7А");
    e.subjectId = u("math");
    e.number = 1;
    if (dated)
        e.date = day(2026, 11, 10);
    e.topics = topics;
    e.plannedHours = planned;
    e.actualHours = actual;
    e.reason = reason;
    const auto m = parseKtpMethod(method);
    QVERIFY(m);
    e.method = *m;
    verifyOutcome(rules::checkKtpCorrection(e, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}), expected, mentions);
}

QTEST_GUILESS_MAIN(TestRules)
#include "test_rules.moc"
