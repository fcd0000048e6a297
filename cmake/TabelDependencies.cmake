# Third-party dependencies, all from Debian 12 packages (see deploy/install-deps.sh).
find_package(Qt6 6.4 REQUIRED COMPONENTS Core Gui Network HttpServer Test LinguistTools)
find_package(PkgConfig REQUIRED)
# SQLCipher only: the system libsqlite3 must never be loaded into a tabel process (same symbols).
pkg_check_modules(SQLCIPHER REQUIRED IMPORTED_TARGET sqlcipher)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
pkg_check_modules(ZSTD REQUIRED IMPORTED_TARGET libzstd)
pkg_check_modules(LIBGIT2 REQUIRED IMPORTED_TARGET libgit2)
# libcrypto (OpenSSL 3) makes the hub's self-signed certificate (hub/server/tls.cpp); Qt's TLS backend is OpenSSL too.
pkg_check_modules(LIBCRYPTO REQUIRED IMPORTED_TARGET libcrypto)
# The printed forms (shared/documents): Mustache templates (header-only), XLSX through libxlsxwriter.
find_path(MUSTACHE_INCLUDE_DIR kainjow/mustache.hpp REQUIRED)
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
# The allocator of tabel-hub: jemalloc, whose malloc and free replace glibc's in the whole process. A push allocates
# and frees millions of small strings and map nodes; with glibc's allocator a fifth of the hub's push was malloc and
# free (tests/bench/README.md). tabel-node and the benchmarks (whose process plays the node) keep glibc's: libfaketime,
# with which the node's CLI tests date entries, deadlocks with jemalloc at start (each calls the other while it
# initialises). Not for the sanitizer and fuzz builds either, whose runtime has an allocator of its own.
pkg_check_modules(JEMALLOC REQUIRED IMPORTED_TARGET jemalloc) # linked by hub/cli, with its settings
