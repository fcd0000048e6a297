#include "sync/batching.h"

#include <algorithm>
#include <numeric>

namespace tabel::sync {

namespace {

std::int64_t ceilDiv(std::int64_t a, std::int64_t b) {
    return (a + b - 1) / b;
}

} // namespace

BatchSize evenBatch(std::int64_t pendingSets, std::int64_t pendingOps, std::int64_t maxSets, std::int64_t maxOps) {
    maxSets = std::max<std::int64_t>(1, maxSets);
    maxOps = std::max<std::int64_t>(1, maxOps);
    pendingSets = std::max<std::int64_t>(0, pendingSets);
    pendingOps = std::max<std::int64_t>(0, pendingOps);
    const std::int64_t batches =
        std::max({std::int64_t(1), ceilDiv(pendingSets, maxSets), ceilDiv(pendingOps, maxOps)});
    return {std::min(maxSets, std::max<std::int64_t>(1, ceilDiv(pendingSets, batches))),
            std::min(maxOps, std::max<std::int64_t>(1, ceilDiv(pendingOps, batches)))};
}

std::vector<std::size_t> batchSizes(const std::vector<std::int64_t>& opsPerSet, std::int64_t maxSets,
                                    std::int64_t maxOps) {
    std::vector<std::size_t> out;
    std::int64_t leftOps = std::accumulate(opsPerSet.begin(), opsPerSet.end(), std::int64_t(0));
    for (std::size_t from = 0; from < opsPerSet.size();) {
        const BatchSize limit = evenBatch(std::int64_t(opsPerSet.size() - from), leftOps, maxSets, maxOps);
        std::size_t n = 0;
        std::int64_t ops = 0;
        while (from + n < opsPerSet.size() && std::int64_t(n) < limit.sets &&
               (n == 0 || ops + opsPerSet[from + n] <= limit.ops))
            ops += opsPerSet[from + n++];
        out.push_back(n);
        from += n;
        leftOps -= ops;
    }
    return out;
}

} // namespace tabel::sync
