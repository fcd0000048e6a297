// One RAII shape for every C handle: std::unique_ptr with the library's own free function.
//   using SqliteStmt = std::unique_ptr<sqlite3_stmt, CFree<&sqlite3_finalize>>;
#pragma once

#include <memory>

namespace tabel {

template <auto F> struct CFree {
    template <class T> void operator()(T* p) const noexcept {
        if (p)
            F(p);
    }
};

template <class T, auto F> using CHandle = std::unique_ptr<T, CFree<F>>;

} // namespace tabel
