#pragma once

#include "core/servicecontext.h"
#include "services/caller.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <lectern/organization.h>
#include <lectern/user.h>

namespace Lectern::Server {

class Transaction;

// What a successful login, registration or refresh hands the client.
struct AuthSession
{
    QString accessToken;
    QString refreshToken;
    int expiresIn = 0;
    User user;
    Organization organization;

    QJsonObject toJson() const;
};

// Accounts and credentials: login under LoginThrottle's limits, rotating refresh tokens whose reuse
// revokes the whole family, logout, self-registration where an organisation allows it, and "me".
class AuthService
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Server::AuthService)

public:
    explicit AuthService(ServiceContext &context)
        : m_context(context)
    { }

    Result<AuthSession> login(const QJsonObject &body, const QString &address);
    Result<AuthSession> refresh(const QJsonObject &body, const QString &address);
    Result<void> logout(const QJsonObject &body);
    Result<AuthSession> registerAccount(const QJsonObject &body, const QString &address);

    // From an "Authorization: Bearer ..." header to the caller, checking the account is still
    // active.
    Result<Caller> authenticate(const QByteArray &authorization);

    Result<QJsonObject> me(const Caller &caller);
    // A password change checks currentPassword under the same limits as a login from `address`.
    Result<QJsonObject> updateMe(const Caller &caller, const QJsonObject &body,
                                 const QString &address);

private:
    Result<AuthSession> startSession(Transaction &tx, const User &user, const QString &familyId,
                                     const QString &address);

    ServiceContext &m_context;
};

} // namespace Lectern::Server
