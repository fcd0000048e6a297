// The one error style of tabel: a value or an Error{code, message}.
// Shaped like std::expected so that moving to C++23 is a rename. C error codes (SQLITE_*, ZSTD_isError,
// libsodium's -1, git_error_last) become an Error at the wrapper that calls the C library and go no further.
#pragma once

#include <QString>

#include <cassert>
#include <optional>
#include <utility>
#include <variant>

namespace tabel {

enum class ErrorCode {
    Internal,        // a bug or an unexpected state; the message says what
    InvalidArgument, // bad command-line value or API argument
    InvalidInput,    // a malformed file or field (CSV, wire bytes)
    RuleViolation,   // a rule of the regulation; the message starts with the clause, e.g. "3.5: …"
    NotFound,
    AlreadyExists,
    WrongPassphrase,
    Corrupt, // stored data damaged or tampered with
    Io,
    Storage, // the database engine failed (disk full, locked, …)
    Busy,    // another process holds the store
    Crypto,
    Unsupported, // a newer format or schema than this program knows
};

struct Error {
    ErrorCode code = ErrorCode::Internal;
    QString message; // user-facing, already translated
    QString clause;  // for RuleViolation: the clause of the regulation, e.g. "3.5"
    QString detail;  // when set: the message without the place, for callers that name the place themselves

    [[nodiscard]] Error withContext(const QString& context) const {
        Error e = *this;
        e.message = context + QStringLiteral(": ") + message;
        return e;
    }
};

[[nodiscard]] inline Error makeError(ErrorCode code, QString message) {
    return Error{code, std::move(message), {}, {}};
}
[[nodiscard]] inline Error ruleError(QString clause, const QString& text) {
    return Error{ErrorCode::RuleViolation, clause + QStringLiteral(": ") + text, clause, {}};
}

// Tag used to build an error Result: `return Unexpected(makeError(...));` or simply `return makeError(...)`.
struct Unexpected {
    Error error;
    explicit Unexpected(Error e) : error(std::move(e)) {}
};

template <class T> class [[nodiscard]] Result {
public:
    Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {}        // NOLINT implicit by design
    Result(Error error) : m_v(std::in_place_index<1>, std::move(error)) {}    // NOLINT
    Result(Unexpected u) : m_v(std::in_place_index<1>, std::move(u.error)) {} // NOLINT

    bool has_value() const noexcept { return m_v.index() == 0; }
    explicit operator bool() const noexcept { return has_value(); }

    T& value() & {
        assert(has_value());
        return std::get<0>(m_v);
    }
    const T& value() const& {
        assert(has_value());
        return std::get<0>(m_v);
    }
    T&& value() && {
        assert(has_value());
        return std::get<0>(std::move(m_v));
    }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T&& operator*() && { return std::move(*this).value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const Error& error() const& {
        assert(!has_value());
        return std::get<1>(m_v);
    }
    Error&& error() && {
        assert(!has_value());
        return std::get<1>(std::move(m_v));
    }

    template <class U> T value_or(U&& fallback) const& {
        return has_value() ? std::get<0>(m_v) : static_cast<T>(std::forward<U>(fallback));
    }

private:
    std::variant<T, Error> m_v;
};

template <> class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}    // NOLINT
    Result(Unexpected u) : m_error(std::move(u.error)) {} // NOLINT

    bool has_value() const noexcept { return !m_error.has_value(); }
    explicit operator bool() const noexcept { return has_value(); }
    void value() const { assert(has_value()); }
    const Error& error() const& {
        assert(!has_value());
        return *m_error;
    }
    Error&& error() && {
        assert(!has_value());
        return std::move(*m_error);
    }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

} // namespace tabel

// Early return on error, for functions that themselves return a Result.
#define TABEL_TRY(expr)                                                                                                \
    do {                                                                                                               \
        if (auto tabel_try_r_ = (expr); !tabel_try_r_)                                                                 \
            return std::move(tabel_try_r_).error();                                                                    \
    } while (0)

#define TABEL_CONCAT_INNER(a, b) a##b
#define TABEL_CONCAT(a, b) TABEL_CONCAT_INNER(a, b)
// Declares `var` from a Result<T> expression, returning its error if it failed.
#define TABEL_ASSIGN_OR_RETURN(var, expr) TABEL_ASSIGN_OR_RETURN_IMPL(TABEL_CONCAT(tabel_r_, __LINE__), var, expr)
#define TABEL_ASSIGN_OR_RETURN_IMPL(tmp, var, expr)                                                                    \
    auto tmp = (expr);                                                                                                 \
    if (!tmp)                                                                                                          \
        return std::move(tmp).error();                                                                                 \
    var = std::move(*tmp)
