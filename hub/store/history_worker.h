// The history's worker (ARCHITECTURE.md, "The history's worker"): renders the commit of the last push on a
// thread of its own, from a read-only connection to hub.db, while the hub goes on (the next push of the same sync,
// typically); the writer then writes what was rendered — a few git objects and branch tips — in its next
// transaction (History::writeRendered), before it commits.
//
// Why it is correct: a commit renders the merged state right after its push. The job reads inside one read
// transaction (a WAL snapshot) that starts after that push committed; no other change of the merged state can
// commit before the rendered commit is written, because every writer of the merged state writes the pending
// note's commit first, in its own transaction (the push that overlaps the job takes its result before it
// commits). The job checks, in its snapshot, that its note is the one pending; writeRendered checks it again.
// Another process that wrote the note meanwhile makes the result void, and it is dropped. Before rendering, the
// job also checkpoints the write-ahead log (ARCHITECTURE.md, "Checkpoints off the push's path").
#pragma once

#include "hub/history/history.h"
#include "hub/store/merged_state.h"
#include "shared/core/result.h"
#include "shared/db/sqlite.h"

#include <functional>
#include <future>
#include <optional>

namespace tabel::hub {

class HistoryWorker {
public:
    // open: a connection to hub.db for the worker's reads, made at the first job and kept.
    using OpenReader = std::function<Result<db::Database>()>;
    explicit HistoryWorker(OpenReader open) : m_open(std::move(open)) {}
    ~HistoryWorker(); // waits for a running job, and drops it: its note stays pending
    HistoryWorker(const HistoryWorker&) = delete;
    HistoryWorker& operator=(const HistoryWorker&) = delete;

    // A push's note (`sets`) and the registers the push read and wrote, as committed, kept until the next
    // push starts (start()) or the hub writes the commit itself (takeKept()), e.g. when it is idle. Rendering it
    // at once would only compete with the rest of the node's sync for the cores.
    struct Kept {
        History::Deferred sets;
        MergedState::Cache registers;
    };
    void keep(Kept kept); // drops what was kept or rendered before
    // Whether the note kept or being rendered is this one.
    bool isFor(const History::PendingNote& note) const { return m_note == std::pair(note.id, note.lastHubSeq); }
    // Starts rendering what was kept on the worker's thread (the registers are freed there); false, and nothing
    // started, when nothing is kept or no thread or connection could be had.
    bool start();
    std::optional<Kept> takeKept();
    // Waits for the started job and takes its result; the worker is then free.
    [[nodiscard]] Result<History::Rendered> take();
    void discard();

private:
    OpenReader m_open;
    std::optional<db::Database> m_reader;                        // used only by the job's thread while a job runs
    std::optional<std::pair<std::int64_t, std::int64_t>> m_note; // id, last hub sequence
    std::optional<Kept> m_kept;
    std::future<Result<History::Rendered>> m_job;
};

} // namespace tabel::hub
