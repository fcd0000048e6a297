// What the hub decides about a node's change set before merging it (sync/judge.h, issue 9 items 1 and 2): every
// kind of invalid value refused with the entry named, the rules an entry decides alone refused, the rules that
// hang on data another device may have changed held for the operator. Hand-made signed sets judged against a
// Reconciler holding a class's roster, calendar and lessons.
#include "shared/core/hlc.h"
#include "shared/crypto/secret.h"
#include "shared/crypto/signing.h"
#include "shared/domain/model.h"
#include "sync/describe.h"
#include "sync/judge.h"
#include "sync/reconcile.h"

#include <QDateTime>
#include <QTest>

using namespace tabel;
using namespace tabel::sync;
using namespace tabel::domain;

namespace {

const QString kLesson = QStringLiteral("7А/math/all/2026-09-01/2");
const QString kEngLesson = QStringLiteral("7А/eng/1/2026-09-01/3");
// The q1 window (2.5.6) is 18–24 October 2026.
const qint64 kInWindow = QDateTime(QDate(2026, 10, 20), QTime(12, 0)).toMSecsSinceEpoch();
const qint64 kEarly = QDateTime(QDate(2026, 10, 1), QTime(12, 0)).toMSecsSinceEpoch();

struct Entity {
    QString key;
    Fields fields;
};

} // namespace

Q_DECLARE_METATYPE(tabel::domain::Fields)

class TestJudge : public QObject {
    Q_OBJECT

    crypto::SigningKeyPair m_operator, m_teacher;
    Reconciler m_merged;
    qint64 m_seq = 0;
    qint64 m_hlc = 0;

    // A set of whole entities (every field written) signed at `at` (the device's clock).
    ChangeSet setOf(const crypto::SigningKeyPair& key, const QList<Entity>& entities, qint64 at) {
        ChangeSet cs;
        cs.author = QStringLiteral("t01");
        cs.seq = ++m_seq;
        m_hlc = std::max<qint64>(m_hlc + 1, Hlc::pack(at, 0));
        for (const Entity& e : entities)
            for (const auto& [field, value] : e.fields) {
                if (isNull(value))
                    continue;
                const FieldRegister* reg = m_merged.find({e.key, field});
                const Version base = reg && reg->visible() ? reg->visible()->version : Version{};
                cs.ops.append(Op{m_hlc++, e.key, field, value, base});
            }
        cs.hlc = cs.ops.isEmpty() ? m_hlc : cs.ops.back().hlc;
        cs.sign(key);
        return cs;
    }
    ChangeSet teacherSet(const QList<Entity>& entities, qint64 at = kInWindow) {
        return setOf(m_teacher, entities, at);
    }
    void merge(const ChangeSet& cs) { QVERIFY(!m_merged.apply(cs).rejected); }

    template <class T> static Entity entity(const T& value) { return {value.entityKey(), value.toFields()}; }

    static Mark mark(const QString& pupil, MarkValue value = MarkValue::Five, const QString& lesson = kLesson) {
        Mark m;
        m.lesson = LessonKey::parse(lesson).value();
        m.pupilId = pupil;
        m.value = value;
        return m;
    }
    static Attendance absence(const QString& pupil, AbsenceReason reason) {
        Attendance a;
        a.lesson = LessonKey::parse(kLesson).value();
        a.pupilId = pupil;
        a.reason = reason;
        return a;
    }
    static PeriodMark periodMark(const QString& pupil, MarkValue value, qint64 at, const QString& reason = {}) {
        PeriodMark p;
        p.classId = QStringLiteral("7А");
        p.subjectId = QStringLiteral("math");
        p.periodId = QStringLiteral("q1");
        p.pupilId = pupil;
        p.value = value;
        p.overrideReason = reason;
        p.authorId = QStringLiteral("t01");
        p.deviceTime = QDateTime::fromMSecsSinceEpoch(at, Qt::UTC);
        return p;
    }

    // The entity's key and fields with one field replaced (a value no typed writer makes).
    static Entity with(Entity e, const QString& field, const FieldValue& value) {
        e.fields[field] = value;
        return e;
    }

    static void expect(const Judgement& j, Verdict verdict, const QString& inReason = {}) {
        const char* names[] = {"Accept", "Refuse", "Hold"};
        QVERIFY2(j.verdict == verdict, qPrintable(QStringLiteral("%1 instead of %2: %3")
                                                      .arg(QLatin1String(names[int(j.verdict)]),
                                                           QLatin1String(names[int(verdict)]), j.reason)));
        if (!inReason.isEmpty())
            QVERIFY2(j.reason.contains(inReason), qPrintable(j.reason));
    }

private slots:
    void initTestCase() {
        QVERIFY(crypto::initialize());
        m_operator = crypto::SigningKeyPair::generate();
        m_teacher = crypto::SigningKeyPair::generate();
        // The operator's reference data and a lesson: 7a-01 and 7a-02 in 7А (7a-01 in eng group 1), 8b-01 in 8Б.
        QList<Entity> ref;
        ref << entity(SchoolClass{QStringLiteral("7А"), 7});
        for (const auto& [id, cls] : {std::pair{QStringLiteral("7a-01"), QStringLiteral("7А")},
                                      std::pair{QStringLiteral("7a-02"), QStringLiteral("7А")},
                                      std::pair{QStringLiteral("8b-01"), QStringLiteral("8Б")}}) {
            Pupil p;
            p.id = id;
            p.classId = cls;
            p.surname = QStringLiteral("Иванов");
            p.name = QStringLiteral("Пётр");
            ref << entity(p);
        }
        ref << entity(
            GroupMember{QStringLiteral("7А"), QStringLiteral("eng"), QStringLiteral("1"), QStringLiteral("7a-01")});
        ref << entity(SchoolYear{QStringLiteral("2026-2027"), QDate(2026, 9, 1), QDate(2027, 5, 31)});
        Period q1;
        q1.yearId = QStringLiteral("2026-2027");
        q1.id = QStringLiteral("q1");
        q1.start = QDate(2026, 9, 1);
        q1.end = QDate(2026, 10, 24);
        ref << entity(q1);
        for (const QString& l : {kLesson, kEngLesson}) {
            Lesson lesson;
            lesson.key = LessonKey::parse(l).value();
            ref << entity(lesson);
        }
        Task self;
        self.classId = QStringLiteral("7А");
        self.subjectId = QStringLiteral("math");
        self.groupId = QStringLiteral("all");
        self.id = QStringLiteral("ss1");
        self.kind = WorkKind::SelfStudy;
        self.title = QStringLiteral("Самостоятельная работа");
        self.issued = QDate(2026, 9, 1);
        self.due = QDate(2026, 9, 8);
        ref << entity(self);
        merge(setOf(m_operator, ref, kEarly));
        // A period mark of 7a-02 on record, for the corrections.
        merge(teacherSet({entity(periodMark(QStringLiteral("7a-02"), MarkValue::Four, kInWindow))}));
    }

    void valid_sets_are_accepted() {
        expect(judgeChangeSet(teacherSet({entity(mark(QStringLiteral("7a-01")))}), m_merged, kInWindow),
               Verdict::Accept);
        expect(judgeChangeSet(teacherSet({entity(absence(QStringLiteral("7a-02"), AbsenceReason::Unexcused))}),
                              m_merged, kInWindow),
               Verdict::Accept);
        // Illness and a mark together are allowed (3.5).
        expect(judgeChangeSet(teacherSet({entity(mark(QStringLiteral("7a-02"))),
                                          entity(absence(QStringLiteral("7a-02"), AbsenceReason::Illness))}),
                              m_merged, kInWindow),
               Verdict::Accept);
        // Removing an entry (every field null) is never judged by its values.
        ChangeSet removal = teacherSet({entity(mark(QStringLiteral("7a-01")))});
        for (Op& op : removal.ops)
            op.value = FieldValue{};
        expect(judgeChangeSet(removal, m_merged, kInWindow), Verdict::Accept);
    }

    // Item 1: values of the wrong type or range, named with their entry.
    void RJ2_invalid_values_are_refused_with_the_entry_named_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<Fields>("fields");
        QTest::addColumn<QString>("problem");
        const Entity m = entity(mark(QStringLiteral("7a-01")));
        QTest::newRow("mark «7»") << m.key << with(m, QStringLiteral("value"), QStringLiteral("7")).fields
                                  << QStringLiteral("7");
        QTest::newRow("mark weight 0") << m.key << with(m, QStringLiteral("weight"), std::int64_t(0)).fields
                                       << QStringLiteral("weight");
        QTest::newRow("mark of a field its kind lacks")
            << m.key << with(m, QStringLiteral("colour"), QStringLiteral("red")).fields << QStringLiteral("colour");
        QTest::newRow("mark without a value")
            << m.key << Fields{{QStringLiteral("weight"), std::int64_t(3)}} << QStringLiteral("value");
        const Entity pm = entity(periodMark(QStringLiteral("7a-01"), MarkValue::Five, kInWindow));
        QTest::newRow("period mark «7»") << pm.key << with(pm, QStringLiteral("value"), QStringLiteral("7")).fields
                                         << QStringLiteral("7");
        const Entity a = entity(absence(QStringLiteral("7a-01"), AbsenceReason::Unexcused));
        QTest::newRow("absence reason «XYZ»")
            << a.key << with(a, QStringLiteral("reason"), QStringLiteral("XYZ")).fields << QStringLiteral("XYZ");
        Entity badDate = m;
        badDate.key = QStringLiteral("mark/7А/math/all/2026-13-45/2/7a-01/1");
        QTest::newRow("a date that does not parse") << badDate.key << badDate.fields << QStringLiteral("2026-13-45");
        QTest::newRow("a key of no kind") << QStringLiteral("grade/7А/7a-01") << m.fields << QStringLiteral("grade/");
    }
    void RJ2_invalid_values_are_refused_with_the_entry_named() {
        QFETCH(QString, key);
        QFETCH(Fields, fields);
        QFETCH(QString, problem);
        const Judgement j = judgeChangeSet(teacherSet({{key, fields}}), m_merged, kInWindow);
        expect(j, Verdict::Refuse, problem);
        // The entry is named in words (issue 9 item 7): «mark: Иванов Пётр (7a-01), …», not by its key.
        QVERIFY2(j.reason.contains(QStringLiteral("entry 1 of change set")) &&
                     j.reason.contains(describeEntity(key, m_merged)) &&
                     (describeEntity(key, m_merged) == key || !j.reason.contains(key)),
                 qPrintable(j.reason));
    }

    // Item 1: ids that must exist.
    void references_that_no_node_can_miss_are_refused() {
        expect(judgeChangeSet(teacherSet({entity(mark(QStringLiteral("7a-77")))}), m_merged, kInWindow),
               Verdict::Refuse, QStringLiteral("7a-77"));
        expect(judgeChangeSet(teacherSet({entity(mark(QStringLiteral("7a-01"), MarkValue::Five,
                                                      QStringLiteral("7А/math/all/2026-09-02/1")))}),
                              m_merged, kInWindow),
               Verdict::Refuse, QStringLiteral("3.4"));
        Submission s;
        s.taskKey = QStringLiteral("task/7А/math/all/nope");
        s.pupilId = QStringLiteral("7a-01");
        s.contentHash = QString(64, u'a');
        s.fileName = QStringLiteral("work.pdf");
        s.size = 10;
        s.received = QDateTime::fromMSecsSinceEpoch(kInWindow, Qt::UTC);
        expect(judgeChangeSet(teacherSet({entity(s)}), m_merged, kInWindow), Verdict::Refuse,
               QStringLiteral("task/7А/math/all/nope"));
        Mark graded = mark(QStringLiteral("7a-01"));
        graded.taskId = QStringLiteral("t-none");
        expect(judgeChangeSet(teacherSet({entity(graded)}), m_merged, kInWindow), Verdict::Refuse,
               QStringLiteral("t-none"));
    }

    // Item 2: R-J7 (4.4) and R-J2 decided by the entry alone.
    void RJ7_self_study_graded_only_positively() {
        Mark m = mark(QStringLiteral("7a-01"), MarkValue::Two);
        m.work = WorkKind::SelfStudy;
        expect(judgeChangeSet(teacherSet({entity(m)}), m_merged, kInWindow), Verdict::Refuse, QStringLiteral("4.4"));
        Submission s;
        s.taskKey = QStringLiteral("task/7А/math/all/ss1");
        s.pupilId = QStringLiteral("7a-01");
        s.contentHash = QString(64, u'b');
        s.fileName = QStringLiteral("work.pdf");
        s.size = 10;
        s.received = QDateTime::fromMSecsSinceEpoch(kInWindow, Qt::UTC);
        s.grade = MarkValue::Two;
        expect(judgeChangeSet(teacherSet({entity(s)}), m_merged, kInWindow), Verdict::Refuse, QStringLiteral("4.4"));
        Mark kind = mark(QStringLiteral("7a-01"));
        kind.kind = MarkKind::Annual;
        expect(judgeChangeSet(teacherSet({entity(kind)}), m_merged, kInWindow), Verdict::Refuse,
               QStringLiteral("R-J2"));
    }

    // Item 2: 3.5 in one set is the device's own doing (refused); across sets it may be another device's (held).
    void RJ3_mark_and_absence_without_illness() {
        expect(judgeChangeSet(teacherSet({entity(mark(QStringLiteral("7a-01"))),
                                          entity(absence(QStringLiteral("7a-01"), AbsenceReason::Unexcused))}),
                              m_merged, kInWindow),
               Verdict::Refuse, QStringLiteral("3.5"));
        Reconciler before = m_merged;
        merge(teacherSet({entity(absence(QStringLiteral("7a-01"), AbsenceReason::Valid))}));
        expect(judgeChangeSet(teacherSet({entity(mark(QStringLiteral("7a-01")))}), m_merged, kInWindow), Verdict::Hold,
               QStringLiteral("3.5"));
        m_merged = before;
    }

    // Item 2: 2.5.5 and a pupil of another class: held (the roster may have changed since the node synced).
    void RJ11_pupil_of_another_class_or_group_is_held() {
        expect(judgeChangeSet(teacherSet({entity(mark(QStringLiteral("8b-01")))}), m_merged, kInWindow), Verdict::Hold,
               QStringLiteral("8Б"));
        expect(judgeChangeSet(teacherSet({entity(mark(QStringLiteral("7a-02"), MarkValue::Five, kEngLesson))}),
                              m_merged, kInWindow),
               Verdict::Hold, QStringLiteral("2.5.5"));
        expect(judgeChangeSet(teacherSet({entity(mark(QStringLiteral("7a-01"), MarkValue::Five, kEngLesson))}),
                              m_merged, kInWindow),
               Verdict::Accept);
    }

    // Item 2: 2.5.6 by the signed device time and by the receipt time (R-J9).
    void RJ9_period_mark_window_by_device_and_receipt_time() {
        // Before the window, without a reason: refused, whatever the receipt time.
        expect(
            judgeChangeSet(teacherSet({entity(periodMark(QStringLiteral("7a-01"), MarkValue::Five, kEarly))}, kEarly),
                           m_merged, kEarly),
            Verdict::Refuse, QStringLiteral("2.5.6"));
        // With a reason: accepted.
        expect(judgeChangeSet(teacherSet({entity(periodMark(QStringLiteral("7a-01"), MarkValue::Five, kEarly,
                                                            QStringLiteral("досрочная аттестация")))},
                                         kEarly),
                              m_merged, kEarly),
               Verdict::Accept);
        // In the window, received in time: accepted; received weeks later: held for the operator.
        const ChangeSet inWindow =
            teacherSet({entity(periodMark(QStringLiteral("7a-01"), MarkValue::Five, kInWindow))}, kInWindow);
        expect(judgeChangeSet(inWindow, m_merged, kInWindow + 3LL * 86400000), Verdict::Accept);
        const qint64 late = QDateTime(QDate(2026, 11, 20), QTime(9, 0)).toMSecsSinceEpoch();
        expect(judgeChangeSet(inWindow, m_merged, late), Verdict::Hold, QStringLiteral("20.11.2026"));
    }

    // Item 2: 2.6.8 (R-J13) corrections.
    void RJ13_corrections() {
        const auto correction = [](MarkValue oldValue, MarkValue newValue, const QString& explanation) {
            Correction c;
            c.classId = QStringLiteral("7А");
            c.subjectId = QStringLiteral("math");
            c.periodId = QStringLiteral("q1");
            c.pupilId = QStringLiteral("7a-02");
            c.oldValue = oldValue;
            c.newValue = newValue;
            c.explanation = explanation;
            c.approver = QStringLiteral("Директор Смирнова");
            c.authorId = QStringLiteral("t01");
            c.date = QDate(2026, 11, 2);
            return c;
        };
        const qint64 november = QDateTime(QDate(2026, 11, 2), QTime(10, 0)).toMSecsSinceEpoch();
        PeriodMark corrected = periodMark(QStringLiteral("7a-02"), MarkValue::Five, kInWindow);
        // With its mark, after the window: accepted (a correction is not judged by 2.5.6).
        expect(
            judgeChangeSet(teacherSet({entity(correction(MarkValue::Four, MarkValue::Five, QStringLiteral("ошибка"))),
                                       entity(corrected)},
                                      november),
                           m_merged, november),
            Verdict::Accept);
        // Without an explanation: refused; from a mark no longer on record: held.
        expect(judgeChangeSet(
                   teacherSet({entity(correction(MarkValue::Four, MarkValue::Five, QString())), entity(corrected)},
                              november),
                   m_merged, november),
               Verdict::Refuse, QStringLiteral("2.6.8"));
        expect(judgeChangeSet(teacherSet({entity(correction(MarkValue::Three, MarkValue::Five, QStringLiteral("x"))),
                                          entity(corrected)},
                                         november),
                              m_merged, november),
               Verdict::Hold, QStringLiteral("2.6.8"));
        // A correction that leaves the mark as it was: refused.
        expect(judgeChangeSet(
                   teacherSet({entity(correction(MarkValue::Four, MarkValue::Five, QStringLiteral("x")))}, november),
                   m_merged, november),
               Verdict::Refuse, QStringLiteral("2.6.8"));
    }
};

QTEST_GUILESS_MAIN(TestJudge)
#include "test_judge.moc"
