#include "sync/open_sets.h"

#include <algorithm>
#include <atomic>
#include <system_error>
#include <thread>

namespace tabel::sync {

SetOpener::SetOpener(qsizetype count, std::function<const SignedChangeSet&(qsizetype)> at, int window, int threads)
    : m_count(count), m_at(std::move(at)), m_window(std::max(1, window)), m_threads(threads),
      m_size(std::min(m_window, kFirstWindow)) {}

SetOpener::SetOpener(const QList<SignedChangeSet>& sets, int window, int threads)
    : SetOpener(
          sets.size(), [&sets](qsizetype i) -> const SignedChangeSet& { return sets[i]; }, window, threads) {}

void SetOpener::openWindow(qsizetype from) {
    const qsizetype n = std::min<qsizetype>(m_size, m_count - from);
    m_from = from;
    m_opened.clear();
    m_opened.resize(std::size_t(n));
    const int cores = m_threads > 0 ? m_threads : int(std::clamp(std::thread::hardware_concurrency(), 1u, 4u));
    // A thread for every two sets at least: starting one costs a fraction of opening a lesson's set (a day's push of
    // six sets was opened on the request thread alone).
    const int workers = int(std::clamp<qsizetype>(n / 2, 1, cores));
    std::atomic<qsizetype> next{0};
    const auto work = [&] {
        for (qsizetype i = next++; i < n; i = next++)
            openOne(from + i, m_opened[std::size_t(i)]);
    };
    std::vector<std::thread> helpers;
    helpers.reserve(std::size_t(workers - 1));
    for (int w = 1; w < workers; ++w) {
        try {
            helpers.emplace_back(work);
        } catch (const std::system_error&) {
            break; // no thread to be had (a process limit): the threads started, and this one, do the rest
        }
    }
    work();
    for (std::thread& t : helpers)
        t.join();
}

void SetOpener::openOne(qsizetype index, std::optional<Result<ChangeSet>>& slot) const {
    slot.emplace(m_at(index).open());
    if (m_prepare && *slot)
        m_prepare(index, **slot);
}

SetOpener::~SetOpener() {
    waitAhead();
}

void SetOpener::waitAhead() {
    if (m_ahead.joinable())
        m_ahead.join();
}

void SetOpener::openAhead(qsizetype from) {
    m_aheadFrom = -1;
    if (from >= m_count)
        return;
    const qsizetype n = std::min<qsizetype>(m_size, m_count - from);
    m_aheadOpened.clear();
    m_aheadOpened.resize(std::size_t(n));
    try {
        m_ahead = std::thread([this, from, n] {
            for (qsizetype i = 0; i < n; ++i)
                openOne(from + i, m_aheadOpened[std::size_t(i)]);
        });
        m_aheadFrom = from;
    } catch (const std::system_error&) {
        // No thread to be had (a process limit): the window is opened when it is taken.
    }
}

Result<ChangeSet> SetOpener::take(qsizetype i) {
    Q_ASSERT(i >= 0 && i < m_count);
    if (i < m_from || i >= m_from + qsizetype(m_opened.size()) || !m_opened[std::size_t(i - m_from)]) {
        const bool ahead = m_aheadFrom >= 0 && i == m_aheadFrom;
        waitAhead();
        if (ahead) {
            m_from = m_aheadFrom;
            m_opened.swap(m_aheadOpened);
        } else {
            openWindow(i);
        }
        m_size = std::min<qsizetype>(m_size * 2, m_window);
        openAhead(m_from + qsizetype(m_opened.size()));
    }
    std::optional<Result<ChangeSet>>& slot = m_opened[std::size_t(i - m_from)];
    Result<ChangeSet> out = std::move(*slot);
    slot.reset();
    return out;
}

} // namespace tabel::sync
