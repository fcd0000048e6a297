#include "hub/store/history_worker.h"
#include "hub/store/schema.h"

#include <QCoreApplication>
#include <QScopeGuard>

#include <sys/resource.h>
#include <unistd.h>

#include <memory>
#include <system_error>

namespace tabel::hub {

namespace {

QString tr(const char* s) {
    return QCoreApplication::translate("tabel::hub::HubStore", s);
}

// On the worker's thread: one snapshot of hub.db, from the note to the last object read.
Result<History::Rendered> render(db::Database& reader, const History::Deferred& sets, MergedState::Cache registers) {
    MergedState state(reader);
    state.prime(std::move(registers)); // freed here, on this thread, with `state`
    TABEL_TRY(reader.exec("BEGIN"));
    const auto end = qScopeGuard([&reader] { (void)reader.exec("ROLLBACK"); });
    TABEL_ASSIGN_OR_RETURN(const QList<History::PendingNote> notes, History::pendingNotes(reader));
    if (notes.size() != 1 || !sets.isOf(notes.first()))
        return makeError(ErrorCode::Busy, tr("the history commit of the last push was written by another process"));
    TABEL_ASSIGN_OR_RETURN(History::Rendered rendered, History::renderPending(reader, notes.first(), state, &sets));
    TABEL_TRY(state.error());
    return rendered;
}

// The worker's thread runs at the lowest priority (Linux keeps a nice value per thread): the push it overlaps needs
// its commit only at its end, and on a machine of two cores three threads (the push, the one opening its sets, this
// one) took turns, so the push, which the node waits for, ran half the time. Whatever the push leaves idle, and the
// push's own wait at its end, is this thread's. Failing to lower it changes nothing else.
void yieldToThePush() {
    (void)setpriority(PRIO_PROCESS, id_t(gettid()), 19);
}

} // namespace

HistoryWorker::~HistoryWorker() {
    discard();
}

void HistoryWorker::keep(Kept kept) {
    discard();
    m_note = std::pair(kept.sets.id, kept.sets.lastHubSeq);
    m_kept.emplace(std::move(kept));
}

bool HistoryWorker::start() {
    if (!m_kept || m_job.valid())
        return false;
    if (!m_reader) {
        Result<db::Database> reader = m_open();
        if (!reader)
            return false; // the writer renders it itself
        m_reader.emplace(std::move(reader).value());
    }
    db::Database* reader = &*m_reader;
    std::shared_ptr<Kept> job = std::make_shared<Kept>(std::move(*m_kept));
    try {
        m_job = std::async(std::launch::async, [reader, job]() mutable {
            yieldToThePush();
            Kept k = std::move(*job);
            // First the pages of the pushes before into hub.db, beside the writer, so that a commit rarely has to
            // (HubStore::open): that work, and its fsync, fell on whichever push crossed SQLite's threshold
            // (tests/bench/README.md). One that fails now is done by the next.
            (void)schema::checkpoint(*reader);
            return render(*reader, k.sets, std::move(k.registers));
        });
    } catch (const std::system_error&) { // no thread to be had (a process limit): kept for the writer
        m_kept.emplace(std::move(*job));
        return false;
    }
    m_kept.reset();
    return true;
}

std::optional<HistoryWorker::Kept> HistoryWorker::takeKept() {
    if (!m_kept)
        return std::nullopt;
    m_note.reset();
    return std::exchange(m_kept, std::nullopt);
}

Result<History::Rendered> HistoryWorker::take() {
    if (!m_job.valid())
        return makeError(ErrorCode::Internal, tr("no history commit is being rendered"));
    m_note.reset();
    return m_job.get();
}

void HistoryWorker::discard() {
    if (m_job.valid())
        (void)m_job.get();
    m_kept.reset();
    m_note.reset();
}

} // namespace tabel::hub
