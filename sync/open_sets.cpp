#include "sync/open_sets.h"

#include <algorithm>
#include <system_error>

namespace tabel::sync {

SetOpener::SetOpener(qsizetype count, std::function<const SignedChangeSet&(qsizetype)> at, int window, int threads)
    : m_count(count), m_at(std::move(at)), m_window(std::max(1, window)), m_threads(threads) {}

SetOpener::SetOpener(const QList<SignedChangeSet>& sets, int window, int threads)
    : SetOpener(
          sets.size(), [&sets](qsizetype i) -> const SignedChangeSet& { return sets[i]; }, window, threads) {}

SetOpener::~SetOpener() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_room.notify_all();
    for (std::thread& t : m_helpers)
        t.join();
}

Result<ChangeSet> SetOpener::openOne(qsizetype index) const {
    Result<ChangeSet> opened = m_at(index).open();
    if (m_prepare && opened)
        m_prepare(index, *opened);
    return opened;
}

void SetOpener::start() {
    m_started = true;
    m_slots.resize(std::size_t(std::min<qsizetype>(m_window, std::max<qsizetype>(m_count, 1))));
    // A small batch (a day's push of six lessons) is opened on the caller's thread alone: in `serve` at 150
    // class-years, a helper started for it stalled the push by 2–4 ms in each of five day's syncs, and none without
    // (bench_hub_school, tests/bench/README.md).
    const int cores = m_threads > 0       ? m_threads
                      : m_count <= kAlone ? 1
                                          : int(std::clamp(std::thread::hardware_concurrency(), 1u, 4u));
    // The caller is one of the threads; a helper for a single set would only be started to wait.
    const qsizetype helpers = std::min<qsizetype>(cores - 1, m_count - 1);
    for (qsizetype h = 0; h < helpers; ++h) {
        try {
            m_helpers.emplace_back([this] { help(); });
        } catch (const std::system_error&) {
            break; // no thread to be had (a process limit): the caller opens what the others do not
        }
    }
}

void SetOpener::help() {
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_room.wait(lock, [this] { return m_stop || m_next >= m_count || m_next < m_taken + m_window; });
        if (m_stop || m_next >= m_count)
            return;
        const qsizetype k = m_next++;
        lock.unlock();
        Result<ChangeSet> opened = openOne(k);
        lock.lock();
        if (k < m_taken)
            continue; // skipped by the caller meanwhile
        Slot& slot = m_slots[std::size_t(k % m_window)];
        slot.index = k;
        slot.opened.emplace(std::move(opened));
        m_opened.notify_all();
    }
}

Result<ChangeSet> SetOpener::take(qsizetype i) {
    Q_ASSERT(i >= m_taken && i < m_count);
    if (!m_started)
        start();
    std::unique_lock lock(m_mutex);
    // Sets skipped over are dropped; their slots are free for the sets after them.
    for (qsizetype k = m_taken; k < i && k < m_next; ++k)
        if (Slot& s = m_slots[std::size_t(k % m_window)]; s.index == k)
            s = Slot{};
    m_taken = i;
    if (m_next <= i) {
        // Not being opened: the caller opens it, and the helpers go on after it.
        m_next = i + 1;
        lock.unlock();
        m_room.notify_all();
        Result<ChangeSet> opened = openOne(i);
        lock.lock();
        m_taken = i + 1;
        lock.unlock();
        m_room.notify_all();
        return opened;
    }
    Slot& slot = m_slots[std::size_t(i % m_window)];
    m_opened.wait(lock, [&] { return slot.index == i; });
    Result<ChangeSet> out = std::move(*slot.opened);
    slot = Slot{};
    m_taken = i + 1;
    lock.unlock();
    m_room.notify_all();
    return out;
}

} // namespace tabel::sync
