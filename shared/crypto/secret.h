// Secrets (keys, passphrases) live in libsodium's guarded memory, are wiped on destruction, and have no
// conversion to QString or to a log stream: the only way out is data()/size() at a call into a C library.
#pragma once

#include "shared/core/result.h"

#include <cstddef>
#include <cstdint>

namespace tabel::crypto {

// Must be called once before any other crypto function (main() or the test's initTestCase()).
[[nodiscard]] Status initialize();

class SecretBytes {
public:
    SecretBytes() = default;
    explicit SecretBytes(std::size_t size); // zero-filled, guarded memory
    static SecretBytes fromBytes(const void* data, std::size_t size);
    SecretBytes(SecretBytes&& o) noexcept;
    SecretBytes& operator=(SecretBytes&& o) noexcept;
    SecretBytes(const SecretBytes&) = delete;
    SecretBytes& operator=(const SecretBytes&) = delete;
    ~SecretBytes();

    unsigned char* data() { return m_data; }
    const unsigned char* data() const { return m_data; }
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    // Constant-time comparison.
    bool equals(const SecretBytes& other) const;
    SecretBytes clone() const;

private:
    unsigned char* m_data = nullptr;
    std::size_t m_size = 0;
};

} // namespace tabel::crypto
