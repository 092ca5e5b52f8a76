#pragma once

#include "fakeserver.h"

#include <QSet>
#include <QStringList>

namespace Lectern::ClientTest {

// The server's auth endpoints as the client sees them (login, refresh with rotation, logout, me,
// lockout after repeated failures, expiring access tokens, /healthz), on top of a FakeServer.
class FakeAuthApi
{
public:
    static inline const QString password = QStringLiteral("lectern-demo");

    explicit FakeAuthApi(FakeServer *server);

    // Adds the demo organisation's people: admin, instructor, ta, student1..3 @demo.lectern.
    void addDemoUsers();
    void addUser(const QString &email, const QString &name, const QStringList &roles,
                 const QString &status = QStringLiteral("active"));

    QJsonObject organization() const { return m_organization; }
    QJsonObject user(const QString &email) const { return m_users.value(email); }

    int lockoutThreshold = 5;
    int retryAfterSeconds = 900;
    int expiresIn = 900;
    // The next /auth/me with any current access token answers token_expired.
    void expireAccessTokens() { m_accessTokens.clear(); }
    void revokeRefreshTokens() { m_refreshTokens.clear(); }
    int refreshCount() const { return m_refreshCount; }
    QSet<QString> revokedOnLogout() const { return m_loggedOut; }

private:
    FakeServer::Response issue(const QString &email);
    FakeServer::Response login(const FakeServer::Request &request);
    FakeServer::Response refresh(const FakeServer::Request &request);
    FakeServer::Response logout(const FakeServer::Request &request);
    FakeServer::Response me(const FakeServer::Request &request);

    QJsonObject m_organization;
    QHash<QString, QJsonObject> m_users;
    QHash<QString, int> m_failures;
    QHash<QString, QString> m_accessTokens; // token -> email
    QHash<QString, QString> m_refreshTokens; // token -> email
    QSet<QString> m_usedRefreshTokens;
    QSet<QString> m_loggedOut;
    int m_serial = 0;
    int m_refreshCount = 0;
};

} // namespace Lectern::ClientTest
