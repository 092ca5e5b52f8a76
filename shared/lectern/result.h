#pragma once

#include <QJsonObject>
#include <QString>
#include <optional>
#include <utility>
#include <variant>

namespace Lectern {

// An error as it crosses a layer: a stable machine-readable code (snake_case, part of the API
// contract), words for a person, and optional structured details (e.g. the invalid fields).
struct Error
{
    QString code;
    QString message;
    QJsonObject details;

    Error() = default;
    Error(QString code, QString message, QJsonObject details = {})
        : code(std::move(code))
        , message(std::move(message))
        , details(std::move(details))
    { }

    bool operator==(const Error &other) const = default;
};

// Well-known error codes shared by server and client: the one table of them (a sync op's
// rejection reasons, Sync::Reason, are these same constants plus three only sync has). Routes map
// them to HTTP statuses in one table. The spellings are part of the API: add, never rename.
namespace ErrorCode {
inline constexpr auto BadRequest = "bad_request";
inline constexpr auto MalformedJson = "malformed_json";
inline constexpr auto ValidationFailed = "validation_failed";
inline constexpr auto Unauthorized = "unauthorized";
inline constexpr auto InvalidCredentials = "invalid_credentials";
inline constexpr auto TokenExpired = "token_expired";
inline constexpr auto InvalidToken = "invalid_token";
inline constexpr auto RefreshTokenReused = "refresh_token_reused";
inline constexpr auto AccountDisabled = "account_disabled";
inline constexpr auto Forbidden = "forbidden";
inline constexpr auto RegistrationClosed = "registration_closed";
inline constexpr auto NotFound = "not_found";
inline constexpr auto MethodNotAllowed = "method_not_allowed";
inline constexpr auto Conflict = "conflict";
inline constexpr auto AlreadyExists = "already_exists";
inline constexpr auto EnrollmentClosed = "enrollment_closed"; // outside the enrollment window
inline constexpr auto CourseFull = "course_full"; // no seat left and no waitlist asked for
inline constexpr auto PayloadTooLarge = "payload_too_large";
inline constexpr auto UnsupportedMediaType = "unsupported_media_type";
inline constexpr auto TooManyRequests = "too_many_requests";
inline constexpr auto LengthRequired = "length_required";
inline constexpr auto MimeMismatch = "mime_mismatch";
inline constexpr auto TypeNotAllowed = "type_not_allowed";
inline constexpr auto RangeNotSatisfiable = "range_not_satisfiable";
inline constexpr auto Internal = "internal_error";
inline constexpr auto Unavailable = "service_unavailable";
} // namespace ErrorCode

// The value of an operation that can fail, or the error that it failed with (docs/architecture.md,
// "Errors as values", under "Layers"). Result<void> carries only the error.
template<typename T> class [[nodiscard]] Result
{
public:
    Result(const T &value)
        : m_data(value)
    { }
    Result(T &&value)
        : m_data(std::move(value))
    { }
    Result(const Error &error)
        : m_data(error)
    { }
    Result(Error &&error)
        : m_data(std::move(error))
    { }

    bool isOk() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return isOk(); }

    const T &value() const & { return std::get<T>(m_data); }
    T &value() & { return std::get<T>(m_data); }
    T &&value() && { return std::get<T>(std::move(m_data)); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    const Error &error() const { return std::get<Error>(m_data); }

private:
    std::variant<T, Error> m_data;
};

template<> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(const Error &error)
        : m_error(error)
    { }
    Result(Error &&error)
        : m_error(std::move(error))
    { }

    bool isOk() const { return !m_error.has_value(); }
    explicit operator bool() const { return isOk(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

// Shorthand for the common "return an error" path: `return fail(ErrorCode::NotFound, tr("..."));`
inline Error fail(const char *code, QString message, QJsonObject details = {})
{
    return Error(QString::fromLatin1(code), std::move(message), std::move(details));
}

} // namespace Lectern

// Early return for chains of fallible calls (docs/architecture.md, "Errors as values"), as
// statements of their own in any function returning a Result<T> (of any T):
//
//     LECTERN_TRY(tx.commit());                             // returns the error, if any
//     LECTERN_TRY_ASSIGN(Record course, load(tx, courseId)); // or moves the value into `course`
//
// Each evaluates its expression once. Write the `if` out when the error needs context added.
#define LECTERN_TRY(expr)                                                                          \
    do {                                                                                           \
        if (auto lecternTryResult_ = (expr); !lecternTryResult_)                                   \
            return lecternTryResult_.error();                                                      \
    } while (false)

#define LECTERN_TRY_CONCAT_(a, b) a##b
#define LECTERN_TRY_NAME_(line) LECTERN_TRY_CONCAT_(lecternTryResult_, line)
#define LECTERN_TRY_ASSIGN(declaration, expr)                                                      \
    LECTERN_TRY_ASSIGN_(LECTERN_TRY_NAME_(__LINE__), declaration, expr)
#define LECTERN_TRY_ASSIGN_(result, declaration, expr)                                             \
    auto result = (expr);                                                                          \
    if (!result)                                                                                   \
        return result.error();                                                                     \
    declaration = std::move(result).value()
