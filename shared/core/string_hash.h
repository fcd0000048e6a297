// The hash of the std::unordered_maps keyed by text that comes from the network (entity keys of a device's change
// sets: the hub's register cache, the judgement's maps, the node's lesson documents).
//
// std::hash<QString> (Qt 6.4) calls qHash with a fixed seed, so anyone who can choose keys can also choose keys that
// share a bucket, and a batch of 50,000 of them would cost the single-threaded hub quadratic time. QHash defends
// against that with a random seed per process (QHashSeed::globalSeed(); the QT_HASH_SEED variable can fix it for
// debugging), and so does this. A non-zero seed also lets qHash use the CPU's AES instructions where they exist,
// which is faster than the SipHash it falls back to.
#pragma once

#include <QHashFunctions>
#include <QString>

#include <cstddef>
#include <unordered_map>

namespace tabel {

// Not noexcept, on purpose: libstdc++ then keeps each node's hash in the node. With a noexcept hash it keeps none,
// and must hash a key again to tell where a bucket ends at every lookup, and every key at every rehash: that was
// 7 % of the hub's push (a cache of 50,000 entity keys, tests/bench/README.md).
struct SeededStringHash {
    std::size_t operator()(const QString& s) const { return qHash(s, QHashSeed::globalSeed()); }
};

#if defined(__GLIBCXX__)
static_assert(std::__cache_default<QString, SeededStringHash>::value, "the hash of each node is kept");
#endif

} // namespace tabel
