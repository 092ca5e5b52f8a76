#include "errormessages.h"

#include "apiclient.h"

#include <algorithm>
#include <cmath>
#include <lectern/validation.h>

namespace Lectern::Client {

namespace {
bool is(const Error &error, const char *code)
{
    return error.code == QLatin1StringView(code);
}
} // namespace

QString ErrorMessages::forLogin(const Error &error, const QUrl &server)
{
    if (is(error, ErrorCode::InvalidCredentials))
        return tr("The email or password is incorrect.");
    if (is(error, ClientErrorCode::NetworkUnreachable))
        return tr("Cannot reach the server at %1. Check the address and your connection.")
            .arg(server.toDisplayString());
    if (is(error, ErrorCode::TooManyRequests)) {
        // The server slows guessing down step by step (1 s, 2 s, 4 s…): a short wait is said in
        // seconds, so that nobody waits a minute for a second.
        const int seconds = retryAfterSeconds(error);
        if (seconds < 60)
            return tr("Too many failed attempts. Try again in %n second(s).", nullptr, seconds);
        return tr("Too many failed attempts. Try again in %n minute(s).", nullptr,
                  retryAfterMinutes(error));
    }
    if (is(error, ErrorCode::AccountDisabled))
        return tr("This account is suspended. Contact your organization's administrator.");
    if (is(error, ClientErrorCode::InvalidUrl))
        return invalidServerUrl();
    if (is(error, ErrorCode::ValidationFailed)) {
        const ValidationErrors fields = ValidationErrors::fromError(error);
        if (fields.has(QStringLiteral("email")))
            return tr("Enter a valid email address.");
        return tr("Check the email address and password.");
    }
    if (is(error, ErrorCode::InvalidToken) || is(error, ErrorCode::TokenExpired)
        || is(error, ErrorCode::RefreshTokenReused))
        return sessionEnded();
    if (is(error, ClientErrorCode::InvalidResponse) || is(error, ErrorCode::NotFound)
        || is(error, ErrorCode::MethodNotAllowed))
        return tr("The server at %1 does not look like a Lectern server. Check the address.")
            .arg(server.toDisplayString());
    if (is(error, ErrorCode::Unavailable) || is(error, ErrorCode::Internal))
        return tr("The server cannot log you in right now. Try again in a few minutes.");
    if (!error.message.isEmpty())
        return error.message;
    return tr("Logging in failed (%1).").arg(error.code);
}

QString ErrorMessages::invalidServerUrl()
{
    return tr("Enter a server address such as https://lectern.example.org.");
}

QString ErrorMessages::sessionEnded()
{
    return tr("Your session has ended. Log in again.");
}

QString ErrorMessages::sessionEndedWhileWorking()
{
    return tr("Your session has ended — log in again to sync.");
}

int ErrorMessages::retryAfterSeconds(const Error &error)
{
    return std::max(1, int(std::ceil(error.details.value(u"retryAfter").toDouble())));
}

int ErrorMessages::retryAfterMinutes(const Error &error)
{
    const double seconds = error.details.value(u"retryAfter").toDouble();
    return std::max(1, int(std::ceil(seconds / 60.0)));
}

} // namespace Lectern::Client
