// bench_print (issue 11 item 8): what printing costs as the school grows. A hub store filled in-process with N
// classes (pupils, subjects, the first quarter's lessons, absences and period marks, from the deterministic
// generator of school_year.h) prints every class's summary sheet for the quarter as PDF/A the way `tabel-hub
// print summary` does (merged state → sheet → template → PDF → register of prints → file); then one class's
// journal of Russian is printed for a quarter, a half-year and the whole year (PDF and XLSX). Reported: time,
// pages, bytes. Targets: 30 summary sheets ≤ 3 s; a year's journal of one class and subject ≤ 1 s.
//
//   bench_print [--classes 1,10,30] [--dir DIR]
#include "hub/documents/journal_data.h"
#include "hub/documents/summary_form.h"
#include "hub/store/hub_store.h"
#include "shared/crypto/secret.h"
#include "shared/documents/class_journal.h"
#include "shared/documents/pdf.h"
#include "tests/bench/school_year.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QTemporaryDir>

#include <cstdio>

using namespace tabel;

namespace {

[[noreturn]] void fail(const QString& what) {
    std::fprintf(stderr, "bench_print: %s\n", qPrintable(what));
    std::exit(1);
}

template <class T> T check(Result<T> r, const char* what) {
    if (!r)
        fail(QStringLiteral("%1: %2").arg(QLatin1String(what), r.error().message));
    return std::move(*r);
}

const QString kClassLetters = QStringLiteral("АБВ");
const QString kJournalSubject = QStringLiteral("rus"); // the journal printed for a whole year

QString classIdOf(int i) { // 30 classes: 1А … 10В
    return QString::number(i / 3 + 1) + kClassLetters[i % 3];
}

// One class's quarter (and, for the first class, its whole year of Russian), written as the operator's own
// change sets: what a hub holds after the teachers' syncs.
void fillClass(hub::HubStore& store, int index, bool wholeYear) {
    bench::SchoolYearOptions o;
    o.seed = 20260901 + std::uint32_t(index);
    o.classId = classIdOf(index);
    o.pupilIdPrefix = QStringLiteral("c%1-").arg(index);
    if (!wholeYear)
        o.lastDay = QDate(2026, 10, 24);
    const bench::SchoolYear year = bench::generateSchoolYear(o);
    QList<domain::ReferenceEntity> entities;
    const int grade = o.classId.left(o.classId.size() - 1).toInt();
    entities.append({QStringLiteral("class/") + o.classId, domain::SchoolClass{o.classId, grade}.toFields()});
    for (const domain::Pupil& p : year.pupils)
        entities.append({p.entityKey(), p.toFields()});
    for (const domain::Subject& s : year.subjects)
        entities.append({s.entityKey(), s.toFields()});
    const QDate quarterEnd(2026, 10, 24);
    for (const bench::LessonRecord& l : year.lessons) {
        const bool math = l.lesson.key.subjectId == kJournalSubject;
        if (l.lesson.key.date > quarterEnd && !math)
            continue;
        entities.append({l.lesson.entityKey(), l.lesson.toFields()});
        for (const domain::Attendance& a : l.absences)
            entities.append({a.entityKey(), a.toFields()});
        if (math)
            for (const domain::Mark& m : l.marks)
                entities.append({m.entityKey(), m.toFields()});
    }
    const domain::MarkValue values[] = {domain::MarkValue::Five, domain::MarkValue::Four, domain::MarkValue::Three};
    int n = 0;
    for (const domain::Subject& s : year.subjects)
        for (const domain::Pupil& p : year.pupils) {
            domain::PeriodMark m{
                o.classId,       s.id, QStringLiteral("q1"), p.id,
                values[n++ % 3], {},   o.teacherId,          QDateTime(QDate(2026, 10, 20), QTime(10, 0), Qt::UTC)};
            entities.append({m.entityKey(), m.toFields()});
        }
    check(store.writeEntities(entities, QDateTime::currentMSecsSinceEpoch()), "write a class");
    (void)wholeYear;
}

Result<hub::HubStore::Printed> pdfOf(const Result<documents::Document>& page) {
    if (!page)
        return page.error();
    TABEL_ASSIGN_OR_RETURN(const documents::Output output, documents::renderPdf(*page));
    return hub::HubStore::Printed{output.bytes, output.pages};
}

struct Printed {
    qint64 ms = 0;
    int pages = 0;
    qint64 bytes = 0;
};

// As printRegistered in hub/cli/commands_print.cpp: the document made inside the register's transaction, the
// file renamed into place.
Printed registerAndWrite(hub::HubStore& store, const QString& form, const QString& parameters, const QString& path,
                         const std::function<Result<hub::HubStore::Printed>(const documents::PrintStamp&)>& make) {
    Printed out;
    const auto publish = [&](const QByteArray& bytes) -> Status {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            return makeError(ErrorCode::Io, path);
        out.bytes = bytes.size();
        return {};
    };
    const hub::HubStore::PrintRecord r = check(store.registerPrint(
                                                   form, parameters, QStringLiteral("pdf"),
                                                   [&](qint64 number, const QDateTime& at) {
                                                       return make({number, at, {}});
                                                   },
                                                   publish, QDateTime::currentMSecsSinceEpoch()),
                                               "register a print");
    out.pages = r.pages;
    return out;
}

} // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Printing as the school grows (issue 11 item 8)"));
    parser.addHelpOption();
    const QCommandLineOption classesOpt(QStringLiteral("classes"), QStringLiteral("class counts to measure"),
                                        QStringLiteral("N,N,…"), QStringLiteral("1,10,30"));
    const QCommandLineOption dirOpt(QStringLiteral("dir"), QStringLiteral("work folder (default: a temporary one)"),
                                    QStringLiteral("DIR"));
    parser.addOptions({classesOpt, dirOpt});
    parser.process(app);
    if (!crypto::initialize())
        fail(QStringLiteral("libsodium"));
    QTemporaryDir tmp;
    const QString dir = parser.isSet(dirOpt) ? parser.value(dirOpt) : tmp.path();
    QDir().mkpath(dir);
    QList<int> counts;
    for (const QString& s : parser.value(classesOpt).split(u','))
        counts << s.toInt();

    const QString storeDir = dir + QStringLiteral("/hub");
    QDir(storeDir).removeRecursively();
    hub::HubStore store = check(hub::HubStore::open(storeDir), "open the hub store");
    check(store.writeEntities(
              {{QStringLiteral("period/2026-2027/q1"),
                domain::Period{QStringLiteral("2026-2027"), QStringLiteral("q1"), QStringLiteral("1 четверть"),
                               domain::PeriodKind::Quarter, QDate(2026, 9, 1), QDate(2026, 10, 24),
                               QStringLiteral("1-11")}
                    .toFields()},
               {domain::SchoolProfile::key(), domain::SchoolProfile{QStringLiteral("МБОУ «Средняя школа № 1»"),
                                                                    QStringLiteral("г. Рыбинск"),
                                                                    QStringLiteral("Петрова А. С."),
                                                                    QStringLiteral("Смирнова О. В."),
                                                                    {}}
                                                  .toFields()}},
              QDateTime::currentMSecsSinceEpoch()),
          "write the calendar");
    const domain::SchoolProfile school = check(
        domain::SchoolProfile::fromFields(domain::SchoolProfile::key(),
                                          check(store.currentState(), "state")->fieldsOf(domain::SchoolProfile::key())),
        "read the profile");

    std::printf("summary sheets of the first quarter, PDF/A, every class of the school\n");
    std::printf("%8s %10s %12s %10s %12s %12s\n", "classes", "fill s", "print s", "ms/sheet", "pages", "bytes");
    int filled = 0;
    for (int n : counts) {
        QElapsedTimer fillTimer;
        fillTimer.start();
        for (; filled < n; ++filled)
            fillClass(store, filled, filled == 0);
        const double fillS = fillTimer.elapsed() / 1000.0;
        QElapsedTimer timer;
        timer.start();
        int pages = 0;
        qint64 bytes = 0;
        for (int i = 0; i < n; ++i) {
            const QString classId = classIdOf(i);
            const sync::RegisterView* state = check(store.currentState(), "state");
            const QList<hub::NodeRecord> nodes = check(store.nodes(), "nodes");
            const hub::SummarySheet sheet =
                check(hub::buildSummary(*state, nodes, classId, QStringLiteral("q1"), QDateTime::currentDateTimeUtc()),
                      "summary");
            const Printed p = registerAndWrite(
                store, QStringLiteral("summary"), QStringLiteral("class=%1 period=q1").arg(classId),
                dir + QStringLiteral("/summary-%1.pdf").arg(i), [&](const documents::PrintStamp& stamp) {
                    return pdfOf(
                        documents::compose(hub::summaryForm(sheet), hub::summaryContent(sheet, school, stamp)));
                });
            pages += p.pages;
            bytes += p.bytes;
        }
        const qint64 ms = timer.elapsed();
        std::printf("%8d %10.1f %12.2f %10.1f %12d %12lld\n", n, fillS, ms / 1000.0, double(ms) / n, pages,
                    static_cast<long long>(bytes));
        std::fflush(stdout);
    }

    std::printf("\nthe journal of %s, Russian language, whole class\n", qPrintable(classIdOf(0)));
    std::printf("%-12s %8s %8s %10s %8s %10s %10s %10s\n", "span", "lessons", "marked", "PDF ms", "pages", "PDF bytes",
                "XLSX ms", "XLSX bytes");
    const struct {
        const char* name;
        QDate from, to;
    } spans[] = {{"quarter", QDate(2026, 9, 1), QDate(2026, 10, 24)},
                 {"half-year", QDate(2026, 9, 1), QDate(2026, 12, 28)},
                 {"year", QDate(2026, 9, 1), QDate(2027, 5, 31)}};
    for (const auto& span : spans) {
        QElapsedTimer timer;
        timer.start();
        const sync::RegisterView* state = check(store.currentState(), "state");
        const documents::JournalPrint journal =
            check(hub::gatherJournal(*state, classIdOf(0), kJournalSubject, QStringLiteral("all"), span.from, span.to),
                  "gather the journal");
        const Printed pdf =
            registerAndWrite(store, QStringLiteral("journal"), QString::fromLatin1(span.name),
                             dir + QStringLiteral("/journal-%1.pdf").arg(QLatin1String(span.name)),
                             [&](const documents::PrintStamp& stamp) {
                                 return pdfOf(documents::compose(documents::journalForm(journal),
                                                                 documents::journalContent(journal, school, stamp)));
                             });
        const qint64 pdfMs = timer.elapsed();
        timer.restart();
        const QByteArray xlsx = check(
            documents::writeXlsx(documents::journalWorkbook(journal, school, {1, QDateTime::currentDateTimeUtc(), {}})),
            "xlsx");
        const qint64 xlsxMs = timer.elapsed();
        std::printf("%-12s %8lld %8lld %10lld %8d %10lld %10lld %10lld\n", span.name,
                    static_cast<long long>(journal.lessons.size()), static_cast<long long>(journal.marks.size()),
                    static_cast<long long>(pdfMs), pdf.pages, static_cast<long long>(pdf.bytes),
                    static_cast<long long>(xlsxMs), static_cast<long long>(xlsx.size()));
    }
    return 0;
}
