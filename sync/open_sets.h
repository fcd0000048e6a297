// Opening many signed change sets (SignedChangeSet::open: decode, canonical form, Ed25519) on the machine's cores.
// A push's batch and a pull's page hold up to a thousand sets whose opening is independent of each other and of
// any store, and it is a large share of both: a quarter of a new device's first sync, a tenth of the hub's push
// (tests/bench/README.md). What follows (judgement, merge, storing) stays sequential, in the sets' order. The
// first window is small and opened on all the threads at once; each next one, twice the one before up to `window`,
// on a thread of its own while the caller works on the window before, so the caller's thread opens only the first
// few sets (the caller spends several times longer on a set than opening it takes).
#pragma once

#include "sync/wire.h"

#include <functional>
#include <optional>
#include <thread>
#include <vector>

namespace tabel::sync {

class SetOpener {
public:
    // at(i): the i-th of `count` signed sets, alive while the opener is used. Sets are opened a window at a time
    // (memory: one window's decoded sets), each window on up to `threads` threads (0: the machine's cores, at
    // most 4).
    SetOpener(qsizetype count, std::function<const SignedChangeSet&(qsizetype)> at, int window = 128, int threads = 0);
    explicit SetOpener(const QList<SignedChangeSet>& sets, int window = 128, int threads = 0);
    ~SetOpener(); // waits for the window being opened ahead
    SetOpener(const SetOpener&) = delete;
    SetOpener& operator=(const SetOpener&) = delete;

    // Work of the caller's that depends on one opened set alone (the hub packs the set's log bytes and takes its
    // scope decisions): run right after the set opens, on the thread that opened it. It writes only what belongs to
    // index i; take(i) returns after it ran for i. Set before the first take().
    using Prepare = std::function<void(qsizetype i, const ChangeSet& opened)>;
    void prepareWith(Prepare prepare) { m_prepare = std::move(prepare); }

    // The i-th set opened, as SignedChangeSet::open() gives it. Indexes go up (each taken once); taking the first
    // index of a window opens the whole window.
    [[nodiscard]] Result<ChangeSet> take(qsizetype i);

private:
    void openWindow(qsizetype from);
    void openAhead(qsizetype from); // the window at `from`, on a thread of its own
    void waitAhead();
    void openOne(qsizetype index, std::optional<Result<ChangeSet>>& slot) const;

    qsizetype m_count;
    std::function<const SignedChangeSet&(qsizetype)> m_at;
    Prepare m_prepare;
    int m_window;
    int m_threads;
    static constexpr int kFirstWindow = 8;
    qsizetype m_size;     // the size of the next window opened
    qsizetype m_from = 0; // the window held: [m_from, m_from + m_opened.size())
    std::vector<std::optional<Result<ChangeSet>>> m_opened;
    qsizetype m_aheadFrom = -1; // the window being opened ahead, when m_ahead runs
    std::vector<std::optional<Result<ChangeSet>>> m_aheadOpened;
    std::thread m_ahead;
};

} // namespace tabel::sync
