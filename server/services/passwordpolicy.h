#pragma once

#include <QCoreApplication>
#include <QString>
#include <lectern/result.h>
#include <lectern/validation.h>

namespace Lectern::Server {

// What a new password must be (registration, "me", administrators setting one, `user add`): long
// enough (8 characters, or the organisation's minPasswordLength), not one character over and
// over or a run such as 12345678, not a common password (resources/common-passwords.txt, also
// with digits or symbols added at either end and look-alike characters such as @ for a), and not
// the account's email address or name.
class PasswordPolicy
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Server::PasswordPolicy)

public:
    struct Account
    {
        QString email;
        QString name;
        int minLength = Validation::minPasswordLength;
    };

    // What is wrong, as a machine-readable word (too_short, too_long, one_character, pattern,
    // common, personal), or empty when the password will do.
    static QString weakness(const QString &password, const Account &account);
    // Adds the reason for `field` to `errors` and returns the weakness (empty when none).
    static QString check(ValidationErrors &errors, const QString &field, const QString &password,
                         const Account &account);
    // errors.toError(), with details.weakPassword when the password was the problem.
    static Error toError(const ValidationErrors &errors, const QString &weakness);

    static bool isCommon(const QString &password);
};

} // namespace Lectern::Server
