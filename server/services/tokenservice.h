#pragma once

#include <QByteArray>
#include <QDateTime>
#include <lectern/result.h>
#include <lectern/user.h>

namespace Lectern::Server {

struct AccessClaims
{
    QString userId;
    QString orgId;
    QString tokenId;
    QDateTime issuedAt;
    QDateTime expiresAt;
};

// Short-lived access tokens: JWT signed with HMAC-SHA256 (RFC 7519). Any `alg` other than HS256 is
// refused, whatever the token claims (no "none", no algorithm confusion).
class TokenService
{
public:
    TokenService(QByteArray secret, int ttlSeconds);

    // Reads the signing secret from `path` (made with mode 0600 on first start when missing).
    static Result<QByteArray> loadOrCreateSecret(const QString &path);

    int ttlSeconds() const { return m_ttlSeconds; }
    QString issue(const User &user, const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    // `invalid_token` for anything malformed, badly signed or of another algorithm;
    // `token_expired` for a well-signed token past its expiry.
    Result<AccessClaims> verify(QStringView token,
                                const QDateTime &now = QDateTime::currentDateTimeUtc()) const;

    // Unguessable opaque text (refresh tokens): 32 random bytes, base64url.
    static QString randomToken();
    static QString sha256Hex(const QString &text);

private:
    QByteArray sign(const QByteArray &signingInput) const;

    QByteArray m_secret;
    int m_ttlSeconds;
};

} // namespace Lectern::Server
