// jemalloc's settings for tabel-hub, which links it in place of glibc's malloc (hub/cli/CMakeLists.txt,
// cmake/TabelDependencies.cmake; ARCHITECTURE.md, "Decisions taken here"). jemalloc reads this symbol at the
// process's first allocation.
// - narenas:2 — one arena per core of the machines tabel runs on (the default, four per core, spreads what the
//   set-opening and history threads free over arenas that each keep their own free pages);
// - background_thread:true, dirty_decay_ms:1000, muzzy_decay_ms:0 — freed pages go back to the system after a
//   second, from a thread of jemalloc's, also when serve is idle (by default ten seconds, and only when something
//   allocates again): serve's memory after a sync is what it holds, not what the sync used.
#include <jemalloc/jemalloc.h>

const char* malloc_conf = "narenas:2,background_thread:true,dirty_decay_ms:1000,muzzy_decay_ms:0";
