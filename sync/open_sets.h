// Opening many signed change sets (SignedChangeSet::open: decode, canonical form, Ed25519) on the machine's cores.
// A push's batch and a pull's page hold up to a thousand sets whose opening is independent of each other and of
// any store, and it is a large share of both: a quarter of a new device's first sync, a tenth of the hub's push
// (tests/bench/README.md). What follows (judgement, merge, storing) stays sequential, in the sets' order.
//
// A pipeline: helper threads open the sets in order, at most `window` ahead of the caller, and take(i) returns set i
// as soon as it is open, not when a whole window is. When the set asked for is not being opened yet, the caller
// opens it itself, so the first set is never behind a thread's start. A batch of a few sets (a day's push) is
// opened by the caller alone, set by set: waiting for a whole window of them had cost a fifth of such a push, and
// a helper thread started for them cost more than it saved.
#pragma once

#include "sync/wire.h"

#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace tabel::sync {

class SetOpener {
public:
    // at(i): the i-th of `count` signed sets, alive while the opener is used. At most `window` sets are held open
    // ahead of the caller (memory: that many decoded sets), opened on up to `threads` threads, the caller's included
    // (0: the machine's cores, at most 4, or the caller's alone for up to 16 sets).
    SetOpener(qsizetype count, std::function<const SignedChangeSet&(qsizetype)> at, int window = 128, int threads = 0);
    explicit SetOpener(const QList<SignedChangeSet>& sets, int window = 128, int threads = 0);
    ~SetOpener(); // stops the helpers (each finishes the set it is opening)
    SetOpener(const SetOpener&) = delete;
    SetOpener& operator=(const SetOpener&) = delete;

    // Work of the caller's that depends on one opened set alone (the hub packs the set's log bytes and takes its
    // scope decisions): run right after the set opens, on the thread that opened it. It writes only what belongs to
    // index i; take(i) returns after it ran for i. Set before the first take().
    using Prepare = std::function<void(qsizetype i, const ChangeSet& opened)>;
    void prepareWith(Prepare prepare) { m_prepare = std::move(prepare); }

    // The i-th set opened, as SignedChangeSet::open() gives it. Indexes go up (each taken once, some may be
    // skipped: those are dropped).
    [[nodiscard]] Result<ChangeSet> take(qsizetype i);

private:
    struct Slot {
        qsizetype index = -1; // the set this slot holds, once opened
        std::optional<Result<ChangeSet>> opened;
    };
    void start();
    void help(); // a helper thread's loop
    Result<ChangeSet> openOne(qsizetype index) const;

    static constexpr qsizetype kAlone = 16; // batches of up to this many sets: no helper threads (threads = 0)

    qsizetype m_count;
    std::function<const SignedChangeSet&(qsizetype)> m_at;
    Prepare m_prepare;
    qsizetype m_window;
    int m_threads;
    bool m_started = false;

    std::mutex m_mutex;
    std::condition_variable m_opened; // a slot was filled
    std::condition_variable m_room;   // the caller moved on (or the opener stops)
    std::vector<Slot> m_slots;        // ring: set k in m_slots[k % m_window]
    qsizetype m_next = 0;             // the next set to open (claimed by a helper or the caller)
    qsizetype m_taken = 0;            // sets before this one are taken or dropped
    bool m_stop = false;
    std::vector<std::thread> m_helpers;
};

} // namespace tabel::sync
