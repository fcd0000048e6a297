// The journal's operations for the web grid (node/core/journal.h): recordCells writes many cells of the grid as one
// change set, checks each by the rules of setMark/setAbsence/removeMark (a later cell sees the earlier ones), and
// reports a refused cell in its place with nothing of it written; plannedLessons lists the timetable's lessons not
// recorded yet, on school days outside holidays.
#include "node/core/journal.h"
#include "node/store/node_store.h"
#include "tests/support/test_support.h"

#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <optional>

using namespace tabel;
using namespace tabel::node;
using namespace tabel::domain;

namespace {

const QByteArray kRoster = "pupil_id,class,surname,name,patronymic,book_no,subgroups\n"
                           "7a-01,7А,Алексеев,Артём,Игоревич,112,\n"
                           "7a-02,7А,Белова,Варвара,Сергеевна,113,\n"
                           "7a-03,7А,Воронцов,Глеб,Андреевич,114,\n"
                           "7b-01,7Б,Григорьев,Денис,Олегович,130,\n";
const QByteArray kTimetable = "class,weekday,slot,subject,subject_name,group,teacher,teacher_name\n"
                              "7А,2,2,math,Математика,all,ivanova,Иванова Мария Петровна\n"
                              "7А,4,1,math,Математика,all,ivanova,Иванова Мария Петровна\n"
                              "7А,3,2,rus,Русский язык,all,sidorova,Сидорова Ольга Николаевна\n";
const QByteArray kCalendar = "kind,id,title,start,end,grades\n"
                             "year,2026-2027,2026/2027 учебный год,2026-09-01,2027-05-31,\n"
                             "quarter,q1,1 четверть,2026-09-01,2026-10-24,2-9\n"
                             "holiday,autumn,Осенние каникулы,2026-10-25,2026-11-04,\n";

LessonKey math(int month, int day, int slot) {
    return LessonKey{QStringLiteral("7А"), QStringLiteral("math"), kWholeClass, QDate(2026, month, day), slot};
}

CellEdit markCell(const LessonKey& key, const char* pupil, MarkValue value) {
    CellEdit e;
    e.lesson = key;
    e.pupilId = QString::fromLatin1(pupil);
    e.kind = CellEdit::Kind::Mark;
    e.value = value;
    return e;
}

CellEdit absenceCell(const LessonKey& key, const char* pupil, AbsenceReason reason) {
    CellEdit e = markCell(key, pupil, MarkValue::Five);
    e.kind = CellEdit::Kind::Absence;
    e.reason = reason;
    return e;
}

CellEdit clearCell(const LessonKey& key, const char* pupil) {
    CellEdit e = markCell(key, pupil, MarkValue::Five);
    e.kind = CellEdit::Kind::Clear;
    return e;
}

} // namespace

class TestJournalGrid : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    std::optional<NodeStore> m_store;
    std::optional<Journal> m_journal;

    std::int64_t pending() {
        const Result<StoreStatus> s = m_store->status();
        return s ? s->pendingChangeSets : -1;
    }
    QString cell(const LessonKey& key, const QString& pupil) {
        const Result<JournalView> v =
            m_journal->classJournal(key.classId, key.subjectId, key.groupId, key.date, key.date);
        if (!v)
            return QStringLiteral("error: ") + v.error().message;
        for (const JournalRow& r : v->rows)
            if (r.pupil.id == pupil)
                for (int c = 0; c < v->columns.size(); ++c)
                    if (v->columns[c].lesson.key == key) {
                        QStringList parts = r.cells[c].marks;
                        if (r.cells[c].absence)
                            parts << toString(r.cells[c].absence->reason);
                        return parts.join(u' ');
                    }
        return QStringLiteral("no such cell");
    }

private slots:
    void initTestCase() {
        QVERIFY(crypto::initialize());
        QVERIFY(m_tmp.isValid());
        static constexpr char kPass[] = "grid test passphrase";
        Result<NodeStore> s = NodeStore::create(
            m_tmp.filePath(QStringLiteral("store")), crypto::SecretBytes::fromBytes(kPass, std::strlen(kPass)),
            NodeStore::InitOptions{.teacherId = QStringLiteral("ivanova"),
                                   .teacherName = QStringLiteral("Иванова Мария Петровна"),
                                   .kdfProfile = QStringLiteral("interactive")});
        QVERIFY2(s, qPrintable(s ? QString() : s.error().message));
        m_store.emplace(std::move(s).value());
        m_journal.emplace(*m_store);
        QVERIFY(m_journal->importRoster(test::writeFile(m_tmp.filePath(QStringLiteral("r.csv")), kRoster)));
        QVERIFY(m_journal->importTimetable(test::writeFile(m_tmp.filePath(QStringLiteral("t.csv")), kTimetable)));
        QVERIFY(m_journal->importCalendar(test::writeFile(m_tmp.filePath(QStringLiteral("c.csv")), kCalendar)));
        for (const LessonKey& k : {math(9, 1, 2), math(9, 3, 1)}) {
            Lesson l;
            l.key = k;
            l.topic = QStringLiteral("Дроби");
            QVERIFY(m_journal->saveLesson(l));
        }
    }

    void manyCellsOneChangeSet() {
        const std::int64_t before = pending();
        const Result<CellsOutcome> out = m_journal->recordCells(
            {markCell(math(9, 1, 2), "7a-01", MarkValue::Five), markCell(math(9, 3, 1), "7a-01", MarkValue::Four),
             absenceCell(math(9, 1, 2), "7a-02", AbsenceReason::Unexcused),
             absenceCell(math(9, 3, 1), "7a-03", AbsenceReason::Illness)});
        QVERIFY2(out, qPrintable(out ? QString() : out.error().message));
        QCOMPARE(out->refused.size(), 4);
        for (const auto& r : out->refused)
            QVERIFY2(!r, qPrintable(r ? r->message : QString()));
        QVERIFY(out->commit.seq > 0);
        QCOMPARE(pending(), before + 1);
        QCOMPARE(cell(math(9, 1, 2), QStringLiteral("7a-01")), QStringLiteral("5"));
        QCOMPARE(cell(math(9, 3, 1), QStringLiteral("7a-03")), QStringLiteral("Б"));
    }

    void refusedCellsWriteNothingOthersAreWritten() {
        const std::int64_t before = pending();
        const Result<CellsOutcome> out =
            m_journal->recordCells({markCell(math(9, 1, 2), "7a-02", MarkValue::Three), // absent without illness: 3.5
                                    markCell(math(9, 1, 2), "7a-03", MarkValue::Four),  // fine
                                    markCell(math(9, 1, 2), "7b-01", MarkValue::Four),  // another class
                                    markCell(math(9, 8, 2), "7a-01", MarkValue::Four),  // no such lesson: 3.4
                                    absenceCell(math(9, 1, 2), "7a-01", AbsenceReason::Valid)}); // has a mark: 3.5
        QVERIFY(out);
        QCOMPARE(out->refused.size(), 5);
        QVERIFY(out->refused[0] && out->refused[0]->clause == QLatin1String("3.5"));
        QVERIFY(!out->refused[1]);
        QVERIFY(out->refused[2]);
        QVERIFY(out->refused[3] && out->refused[3]->clause == QLatin1String("3.4"));
        QVERIFY(out->refused[4] && out->refused[4]->clause == QLatin1String("3.5"));
        QCOMPARE(pending(), before + 1);
        QCOMPARE(cell(math(9, 1, 2), QStringLiteral("7a-02")), QStringLiteral("НП"));
        QCOMPARE(cell(math(9, 1, 2), QStringLiteral("7a-03")), QStringLiteral("4"));
        QCOMPARE(cell(math(9, 1, 2), QStringLiteral("7a-01")), QStringLiteral("5"));
    }

    void laterCellsSeeEarlierOnes() {
        // Clear the absence, then a mark in the same cell: one change set, and the mark is no longer refused.
        const Result<CellsOutcome> out = m_journal->recordCells(
            {clearCell(math(9, 1, 2), "7a-02"), markCell(math(9, 1, 2), "7a-02", MarkValue::Five)});
        QVERIFY(out);
        QVERIFY(!out->refused[0] && !out->refused[1]);
        QCOMPARE(cell(math(9, 1, 2), QStringLiteral("7a-02")), QStringLiteral("5"));
        // And the other way round: a mark, then an unexcused absence of the same pupil, is refused (3.5).
        const Result<CellsOutcome> back =
            m_journal->recordCells({absenceCell(math(9, 1, 2), "7a-02", AbsenceReason::Unexcused)});
        QVERIFY(back && back->refused[0] && back->refused[0]->clause == QLatin1String("3.5"));
        QCOMPARE(back->commit.seq, 0); // nothing written, no change set
    }

    void allRefusedRecordsNothing() {
        const std::int64_t before = pending();
        const Result<CellsOutcome> out = m_journal->recordCells({markCell(math(9, 8, 2), "7a-01", MarkValue::Five)});
        QVERIFY(out);
        QVERIFY(out->refused[0]);
        QCOMPARE(out->commit.seq, 0);
        QCOMPARE(pending(), before);
    }

    void severalMarksInOneCell() {
        // «5 4»: columns 1 and 2 in one change set; then a single «3» is the whole cell again.
        CellEdit two = markCell(math(9, 3, 1), "7a-02", MarkValue::Five);
        two.moreValues = {MarkValue::Four};
        const Result<CellsOutcome> out = m_journal->recordCells({two});
        QVERIFY(out && !out->refused[0]);
        QCOMPARE(cell(math(9, 3, 1), QStringLiteral("7a-02")), QStringLiteral("5 4"));
        const Result<CellsOutcome> one = m_journal->recordCells({markCell(math(9, 3, 1), "7a-02", MarkValue::Three)});
        QVERIFY(one && !one->refused[0]);
        QCOMPARE(cell(math(9, 3, 1), QStringLiteral("7a-02")), QStringLiteral("3"));
        // A cell is written whole or not at all: «5 осв» is refused (R-J2) and leaves «3».
        CellEdit bad = markCell(math(9, 3, 1), "7a-02", MarkValue::Five);
        bad.moreValues = {MarkValue::Exempt};
        const Result<CellsOutcome> refused = m_journal->recordCells({bad});
        QVERIFY(refused && refused->refused[0] && refused->refused[0]->clause == QLatin1String("R-J2"));
        QCOMPARE(refused->commit.seq, 0);
        QCOMPARE(cell(math(9, 3, 1), QStringLiteral("7a-02")), QStringLiteral("3"));
    }

    void plannedLessonsFromTheTimetable() {
        // Tuesdays slot 2 and Thursdays slot 1 of September's first two weeks; 1 and 3 September are recorded.
        const Result<QList<LessonKey>> planned = m_journal->plannedLessons(
            QStringLiteral("7А"), QStringLiteral("math"), kWholeClass, QDate(2026, 8, 25), QDate(2026, 9, 11));
        QVERIFY(planned);
        QCOMPARE(*planned, (QList<LessonKey>{math(9, 8, 2), math(9, 10, 1)})); // 25 and 27 August: before the year
        // No lessons in the holidays (25 October – 4 November).
        const Result<QList<LessonKey>> autumn = m_journal->plannedLessons(QStringLiteral("7А"), QStringLiteral("math"),
                                                                          {}, QDate(2026, 10, 25), QDate(2026, 11, 4));
        QVERIFY(autumn && autumn->isEmpty());
        // Only this teacher's timetable: Russian is someone else's.
        const Result<QList<LessonKey>> rus = m_journal->plannedLessons(QStringLiteral("7А"), QStringLiteral("rus"), {},
                                                                       QDate(2026, 9, 1), QDate(2026, 9, 30));
        QVERIFY(rus && rus->isEmpty());
    }

    // R-J2: a lesson's mark column has a kind and a weight; marks typed in it take them, marks already there change
    // with the column in the same change set, and the average counts them by the school's rule.
    void RJ2_markColumnsGiveKindAndWeight() {
        const LessonKey plain = math(9, 15, 2), test = math(9, 17, 1);
        Lesson l;
        l.key = plain;
        l.topic = QStringLiteral("Уравнения");
        QVERIFY(m_journal->saveLesson(l));
        l.key = test;
        l.topic = QStringLiteral("Контрольная работа № 1");
        QVERIFY(m_journal->saveLesson(l));
        QVERIFY(m_journal->recordCells(
            {markCell(plain, "7a-01", MarkValue::Five), markCell(test, "7a-01", MarkValue::Two)}));
        const auto storedMark = [&](const LessonKey& k, const char* pupil) -> std::optional<Mark> {
            Mark probe;
            probe.lesson = k;
            probe.pupilId = QString::fromLatin1(pupil);
            const Result<std::optional<Fields>> f = m_store->entity(probe.entityKey());
            if (!f || !*f)
                return std::nullopt;
            Result<Mark> m = Mark::fromFields(probe.entityKey(), **f);
            return m ? std::optional<Mark>(*m) : std::nullopt;
        };
        const auto average = [&](const char* pupil) {
            const Result<QHash<QString, QString>> a =
                m_journal->averages(QStringLiteral("7А"), QStringLiteral("math"), {}, plain.date, test.date);
            return a ? a->value(QString::fromLatin1(pupil)) : QStringLiteral("error: ") + a.error().message;
        };
        QCOMPARE(average("7a-01"), QStringLiteral("3.50")); // (5 + 2) / 2

        // The second lesson becomes a control work of weight 2: its mark changes with it, in one change set.
        const std::int64_t before = pending();
        l.markColumns = {MarkColumn{MarkKind::Control, 2}};
        const Result<CommitInfo> saved = m_journal->saveLesson(l);
        QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().message));
        QCOMPARE(pending(), before + 1);
        std::optional<Mark> m = storedMark(test, "7a-01");
        QVERIFY(m);
        QVERIFY(m->kind == MarkKind::Control);
        QCOMPARE(m->weight, 2);
        QCOMPARE(average("7a-01"), QStringLiteral("3.00")); // (5 + 2·2) / 3
        // A mark typed in that column now takes its kind and weight.
        QVERIFY(m_journal->recordCells({markCell(test, "7a-02", MarkValue::Four)}));
        m = storedMark(test, "7a-02");
        QVERIFY(m && m->kind == MarkKind::Control && m->weight == 2);
        QCOMPARE(m_journal->lessonAt(test)->value().markColumns, (QList<MarkColumn>{MarkColumn{MarkKind::Control, 2}}));

        // Saving a lesson without changing a column leaves its marks alone: a weight given on the command line
        // stays, even when the form sends the column as plain (current, weight 1).
        Mark heavy;
        heavy.lesson = plain;
        heavy.pupilId = QStringLiteral("7a-02");
        heavy.value = MarkValue::Four;
        heavy.weight = 3;
        QVERIFY(m_journal->setMark(heavy));
        Lesson again;
        again.key = plain;
        again.topic = QStringLiteral("Уравнения, продолжение");
        again.markColumns = {MarkColumn{}, MarkColumn{}};
        QVERIFY(m_journal->saveLesson(again));
        QCOMPARE(storedMark(plain, "7a-02")->weight, 3);
        QVERIFY(m_journal->lessonAt(plain)->value().markColumns.isEmpty()); // plain columns are not stored

        // The school counts simple averages (its profile, as a sync brings it): every mark once.
        SchoolProfile profile;
        profile.name = QStringLiteral("Школа № 1");
        profile.average = AverageRule::Simple;
        QVERIFY(m_store->change([&](ChangeWriter& w) { return w.put(profile.entityKey(), profile.toFields()); }));
        QVERIFY(m_journal->averageRule().value() == AverageRule::Simple);
        QCOMPARE(average("7a-01"), QStringLiteral("3.50"));
        const Result<JournalView> view =
            m_journal->classJournal(QStringLiteral("7А"), QStringLiteral("math"), {}, plain.date, test.date);
        QVERIFY(view && view->averageRule == AverageRule::Simple);

        // A weight out of 1…10 or a period kind is refused with R-J2, and nothing is written.
        const std::int64_t now = pending();
        l.markColumns = {MarkColumn{MarkKind::Control, 11}};
        Result<CommitInfo> bad = m_journal->saveLesson(l);
        QVERIFY(!bad && bad.error().clause == QLatin1String("R-J2"));
        QVERIFY2(bad.error().message.contains(QLatin1String("11")), qPrintable(bad.error().message));
        l.markColumns = {MarkColumn{MarkKind::Period, 1}};
        bad = m_journal->saveLesson(l);
        QVERIFY(!bad && bad.error().clause == QLatin1String("R-J2"));
        QCOMPARE(pending(), now);
    }
};

QTEST_GUILESS_MAIN(TestJournalGrid)
#include "test_journal_grid.moc"
