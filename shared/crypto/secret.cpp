#include "shared/crypto/secret.h"

#include <QCoreApplication>

#include <sodium.h>

#include <cstring>
#include <new>

namespace tabel::crypto {

Status initialize() {
    if (sodium_init() < 0)
        return makeError(ErrorCode::Crypto,
                         QCoreApplication::translate("tabel::crypto", "the cryptography library could not start"));
    return {};
}

SecretBytes::SecretBytes(std::size_t size) : m_size(size) {
    if (size == 0)
        return;
    m_data = static_cast<unsigned char*>(sodium_malloc(size));
    if (!m_data)
        throw std::bad_alloc(); // out of (locked) memory: nothing sensible can continue
    sodium_memzero(m_data, size);
}

SecretBytes SecretBytes::fromBytes(const void* data, std::size_t size) {
    SecretBytes s(size);
    if (size)
        std::memcpy(s.m_data, data, size);
    return s;
}

SecretBytes::SecretBytes(SecretBytes&& o) noexcept : m_data(o.m_data), m_size(o.m_size) {
    o.m_data = nullptr;
    o.m_size = 0;
}

SecretBytes& SecretBytes::operator=(SecretBytes&& o) noexcept {
    if (this != &o) {
        if (m_data)
            sodium_free(m_data); // sodium_free wipes before freeing
        m_data = o.m_data;
        m_size = o.m_size;
        o.m_data = nullptr;
        o.m_size = 0;
    }
    return *this;
}

SecretBytes::~SecretBytes() {
    if (m_data)
        sodium_free(m_data);
}

bool SecretBytes::equals(const SecretBytes& other) const {
    return m_size == other.m_size && (m_size == 0 || sodium_memcmp(m_data, other.m_data, m_size) == 0);
}

SecretBytes SecretBytes::clone() const {
    return fromBytes(m_data, m_size);
}

} // namespace tabel::crypto
