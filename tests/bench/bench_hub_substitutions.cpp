// bench_hub_substitutions: what a push and a pull cost as a school's substitutions pile up over the years (R-J10).
// Not a test: it prints a table; tests/bench/README.md has the figures.
//
//   bench_hub_substitutions [--counts 0,1000,10000,30000]
//
// In-process, on a real hub store (SQLCipher, durable as shipped): class 7А with its pupils and a lesson, a
// teacher's node enrolled for 7А/math, and N substitutions recorded by the operator (writeEntities, as
// `tabel-hub substitution add` does), spread over five school years and 60 substitutes, one of them the
// node's teacher. For each N: the wall time of a push of one mark (one change set) and of a pull with nothing new,
// medians of 21; and, for comparison, the time of reading every substitution of the store, which each push and
// pull did before the index `substitutes` (schema 3).
#include "hub/store/hub_store.h"
#include "shared/core/hlc.h"
#include "shared/crypto/secret.h"
#include "shared/domain/model.h"
#include "sync/wire.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

using namespace tabel;

namespace {

QTextStream& out() {
    static QTextStream s(stdout);
    return s;
}

[[noreturn]] void fail(const QString& what, const QString& why) {
    out() << "FAILED: " << what << ": " << why << Qt::endl;
    std::exit(1);
}

template <class T> T check(Result<T> r, const QString& what) {
    if (!r)
        fail(what, r.error().message);
    return std::move(r).value();
}

void check(const Status& s, const QString& what) {
    if (!s)
        fail(what, s.error().message);
}

qint64 now() {
    return QDateTime::currentMSecsSinceEpoch();
}

double median(QList<double> v) {
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[v.size() / 2];
}

const QString kLesson = QStringLiteral("7А/math/all/2026-09-01/2");

// The class, its pupils and the lesson the marks sit in, as the operator's own change sets.
void seed(hub::HubStore& store) {
    using namespace domain;
    QList<ReferenceEntity> entities;
    entities.append({QStringLiteral("class/7А"), SchoolClass{QStringLiteral("7А"), 7}.toFields()});
    for (int i = 1; i <= 25; ++i) {
        Pupil p;
        p.id = QStringLiteral("p%1").arg(i, 2, 10, QLatin1Char('0'));
        p.classId = QStringLiteral("7А");
        p.surname = QStringLiteral("Ученик");
        p.name = QStringLiteral("Иван");
        entities.append({p.entityKey(), p.toFields()});
    }
    Lesson l;
    l.key = LessonKey::parse(kLesson).value();
    l.topic = QStringLiteral("Тема");
    entities.append({l.entityKey(), l.toFields()});
    (void)check(store.writeEntities(entities, now()), QStringLiteral("seed"));
}

// Substitutions number `from` … `to` − 1: a school day each, slots 1–6, classes 1А … 11В's letters, five school
// years; substitute t-sub-(n mod 60), t01 (the node's teacher) every 60th.
void addSubstitutions(hub::HubStore& store, int from, int to) {
    constexpr int kPerSet = 500;
    for (int start = from; start < to; start += kPerSet) {
        QList<domain::ReferenceEntity> entities;
        for (int n = start; n < std::min(to, start + kPerSet); ++n) {
            domain::Substitution s;
            s.date = QDate(2026, 9, 1).addDays(n / 40);
            s.slot = 1 + n % 6;
            static const QStringList letters{QStringLiteral("А"), QStringLiteral("Б"), QStringLiteral("В")};
            s.classId = QStringLiteral("%1%2").arg(1 + (n / 6) % 11).arg(letters[(n / 66) % 3]);
            s.groupId = QStringLiteral("all");
            s.subjectId = QStringLiteral("math");
            s.absentTeacherId = QStringLiteral("t-abs-%1").arg(n % 50);
            s.substituteId = n % 60 == 0 ? QStringLiteral("t01") : QStringLiteral("t-sub-%1").arg(n % 60);
            entities.append({s.entityKey(), s.toFields()});
        }
        (void)check(store.writeEntities(entities, now()), QStringLiteral("substitutions"));
    }
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A push and a pull as substitutions pile up (R-J10)."));
    parser.addHelpOption();
    const QCommandLineOption countsOpt(QStringLiteral("counts"),
                                       QStringLiteral("substitutions in the store (default 0,1000,10000,30000)"),
                                       QStringLiteral("N,N,…"), QStringLiteral("0,1000,10000,30000"));
    parser.addOption(countsOpt);
    parser.process(app);
    QList<int> counts;
    for (const QString& c : parser.value(countsOpt).split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const int n = c.trimmed().toInt(&ok);
        if (!ok || n < 0 || n > 1000000) {
            out() << "bench_hub_substitutions: --counts takes numbers ≥ 0 separated by commas, not «" << c << "»"
                  << Qt::endl;
            return 2;
        }
        counts.append(n);
    }
    std::sort(counts.begin(), counts.end());
    check(crypto::initialize(), QStringLiteral("libsodium"));

    QTemporaryDir tmp;
    if (!tmp.isValid())
        fail(QStringLiteral("temporary folder"), tmp.errorString());
    hub::HubStore store = check(hub::HubStore::open(tmp.filePath(QStringLiteral("hub"))), QStringLiteral("open"));
    seed(store);
    const crypto::SigningKeyPair key = crypto::SigningKeyPair::generate();
    const auto code = check(store.addNode({QStringLiteral("t01"),
                                           QStringLiteral("Петрова Анна Сергеевна"),
                                           {{QStringLiteral("7А"), QStringLiteral("math"), QStringLiteral("all")}},
                                           false}),
                            QStringLiteral("node add"));
    const hub::NodeRecord node =
        check(store.enroll(code.secret, key.publicKey, QStringLiteral("bench"), now()), QStringLiteral("enrol"));
    quint64 cursor = 0;
    for (;;) {
        const sync::PullBatch p = check(store.pull(node, cursor, 1000), QStringLiteral("catch-up pull"));
        if (p.toCursor == cursor)
            break;
        cursor = p.toCursor;
    }

    out() << "| substitutions in the store | push of one mark, ms (median of 21) | pull with nothing new, ms | "
             "reading every substitution (each push and pull before schema 3), ms |"
          << Qt::endl
          << "|---|---|---|---|" << Qt::endl;
    int have = 0;
    qint64 seq = 0;
    for (const int n : counts) {
        addSubstitutions(store, have, n);
        have = std::max(have, n);
        QList<double> pushes, pulls, scans;
        for (int i = 0; i < 21; ++i) {
            sync::ChangeSet cs;
            cs.author = node.teacherId;
            cs.seq = ++seq;
            const qint64 t = Hlc::pack(now(), 0);
            cs.ops = {sync::Op{t,
                               QStringLiteral("mark/%1/p%2/1").arg(kLesson).arg(1 + i % 25, 2, 10, QLatin1Char('0')),
                               QStringLiteral("value"),
                               QString::number(2 + i % 4),
                               {}}};
            cs.hlc = t;
            cs.sign(key);
            sync::PushBatch batch;
            batch.nodeId = node.nodeId;
            batch.batchId = sync::newBatchId();
            batch.changeSets = {sync::SignedChangeSet::of(cs)};
            QElapsedTimer timer;
            timer.start();
            const sync::Ack ack = check(store.push(node, batch, now()), QStringLiteral("push"));
            pushes.append(double(timer.nsecsElapsed()) / 1e6);
            if (ack.entries.size() != 1 || ack.entries[0].status == sync::AckStatus::Rejected)
                fail(QStringLiteral("push"), ack.entries.value(0).text);
            check(store.writePendingHistory(), QStringLiteral("history")); // not timed: after the Ack
            cursor = check(store.pull(node, cursor, 1000), QStringLiteral("pull")).toCursor;
            timer.start();
            (void)check(store.pull(node, cursor, 1000), QStringLiteral("pull"));
            pulls.append(double(timer.nsecsElapsed()) / 1e6);
            timer.start();
            const sync::RegisterView* state = check(store.currentState(), QStringLiteral("state"));
            const auto all = state->entitiesUnder(QStringLiteral("subst/"));
            scans.append(double(timer.nsecsElapsed()) / 1e6);
            if (qsizetype(all.size()) != n)
                fail(QStringLiteral("substitutions"), QStringLiteral("%1 read, %2 written").arg(all.size()).arg(n));
        }
        out() << "| " << n << " | " << QString::number(median(pushes), 'f', 2) << " | "
              << QString::number(median(pulls), 'f', 2) << " | " << QString::number(median(scans), 'f', 1) << " |"
              << Qt::endl;
    }
    return 0;
}
