// How a node splits its pending change sets into push batches (SyncClient through NodeStore::pendingSeqs, and
// the benches that send what it sends).
//
// The fewest batches the limits allow (at most maxSets sets and maxOps ops each, and at least one set each), of
// even size: a school year's 102,839 ops under a limit of 50,000 go as three batches of about 34,300, not as
// 50,000 + 50,000 + 2,839. The hub renders a batch's history commit beside the next batch (hub/store/
// history_worker.h), which an even next batch covers and a small last one does not; and no request of the sync is
// longer than it has to be. Taken again for what is left after each batch, so the last batch is never a remainder
// of one set.
#pragma once

#include <cstdint>
#include <vector>

namespace tabel::sync {

struct BatchSize {
    std::int64_t sets = 0;
    std::int64_t ops = 0;
};

// The limits of the next batch, for this much pending work.
BatchSize evenBatch(std::int64_t pendingSets, std::int64_t pendingOps, std::int64_t maxSets, std::int64_t maxOps);

// How many sets each batch takes, for sets of these op counts sent in order: the next batch takes sets while it
// stays within evenBatch() of what is left (and always one).
std::vector<std::size_t> batchSizes(const std::vector<std::int64_t>& opsPerSet, std::int64_t maxSets,
                                    std::int64_t maxOps);

} // namespace tabel::sync
