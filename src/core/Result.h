#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace iw {

// A typed failure, returned as a value by parsers and clients (never thrown, never a dialog).
struct Error
{
    enum class Kind {
        Parse, // malformed, truncated or wrong-typed input
        Network, // connection refused/reset, DNS, TLS
        Timeout, // no answer within the request's time budget
        Http, // the service answered with a 4xx/5xx status
        Auth, // no credential, or the credential was rejected (401/403)
        NotFound, // the resource does not exist (404, TableNotFound, QueueNotFound, ...)
        Throttled, // 429 / server busy after the retry budget
        Canceled, // the caller or shutdown canceled the request
        Io, // local file or database trouble (disk full, locked, corrupt)
        Usage, // the caller asked for something invalid
    };

    Kind kind = Kind::Parse;
    QString message; // human-readable, already redacted of secrets
    QString code; // service error code (x-ms-error-code, odata.error.code, OneApi code)
    int httpStatus = 0; // 0 when no HTTP response was received
    bool retryable = false;
    QString activityId; // x-ms-activity-id / x-ms-request-id, for the operator to quote
    QString clientRequestId;

    static Error parse(QString msg) { return make(Kind::Parse, std::move(msg)); }
    static Error make(Kind k, QString msg)
    {
        Error e;
        e.kind = k;
        e.message = std::move(msg);
        return e;
    }

    // "HTTP 404 TableNotFound: The table specified does not exist." and similar.
    QString toString() const;
    static QString kindName(Kind k);
};

// The value, or an Error. A small stand-in for std::expected (C++23).
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_v(std::in_place_index<0>, std::move(value)) { }
    Result(Error error) : m_v(std::in_place_index<1>, std::move(error)) { }

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_v); }
    T &value() & { return std::get<0>(m_v); }
    T &&value() && { return std::get<0>(std::move(m_v)); }
    const T *operator->() const { return &std::get<0>(m_v); }
    const T &operator*() const & { return std::get<0>(m_v); }

    const Error &error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

// For operations that return nothing on success.
struct Unit
{
};
using Status = Result<Unit>;

} // namespace iw
