#pragma once

#include <QCoreApplication>
#include <QUrl>
#include <lectern/result.h>

namespace Lectern::Client {

// Words for a person for the errors the client meets, so that every dialog says the same thing
// about the same problem.
class ErrorMessages
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Client::ErrorMessages)

public:
    // What the login dialog shows for a failed login or resume against `server`.
    static QString forLogin(const Error &error, const QUrl &server);
    static QString invalidServerUrl();
    static QString sessionEnded();
    // The same, said in the main window, where the person may go on working meanwhile.
    static QString sessionEndedWhileWorking();

    // Whole minutes to wait after a 429, rounded up and at least one (details.retryAfter, seconds).
    static int retryAfterSeconds(const Error &error);
    static int retryAfterMinutes(const Error &error);
};

} // namespace Lectern::Client
