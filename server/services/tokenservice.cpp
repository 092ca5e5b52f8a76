#include "tokenservice.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <lectern/uuidv7.h>
#include <sodium.h>

namespace Lectern::Server {

namespace {
constexpr auto base64url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

Error invalidToken()
{
    return fail(ErrorCode::InvalidToken, QStringLiteral("The access token is not valid."));
}

std::optional<QJsonObject> decodePart(QByteArrayView part)
{
    auto decoded = QByteArray::fromBase64Encoding(
        part.toByteArray(), base64url | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}
} // namespace

TokenService::TokenService(QByteArray secret, int ttlSeconds)
    : m_secret(std::move(secret))
    , m_ttlSeconds(ttlSeconds)
{ }

Result<QByteArray> TokenService::loadOrCreateSecret(const QString &path)
{
    QFile file(path);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly))
            return fail(
                ErrorCode::Internal,
                QStringLiteral("Cannot read %1: %2").arg(file.fileName(), file.errorString()));
        const QByteArray secret = QByteArray::fromBase64(file.readAll().trimmed());
        if (secret.size() < 32)
            return fail(
                ErrorCode::Internal,
                QStringLiteral("%1 holds fewer than 32 bytes of secret; delete it to make a "
                               "new one (everyone will have to log in again).")
                    .arg(file.fileName()));
        return secret;
    }
    QByteArray secret(32, Qt::Uninitialized);
    randombytes_buf(secret.data(), size_t(secret.size()));
    // Create with owner-only permissions before any secret byte is written.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return fail(
            ErrorCode::Internal,
            QStringLiteral("Cannot create %1: %2").arg(file.fileName(), file.errorString()));
    file.write(secret.toBase64() + '\n');
    if (!file.flush())
        return fail(ErrorCode::Internal, QStringLiteral("Cannot write %1").arg(file.fileName()));
    return secret;
}

QByteArray TokenService::sign(const QByteArray &signingInput) const
{
    // HMAC-SHA256 (RFC 2104, any key length), as QMessageAuthenticationCode computes it, at a
    // fraction of its cost: every authenticated request verifies one.
    crypto_auth_hmacsha256_state state;
    QByteArray mac(crypto_auth_hmacsha256_BYTES, Qt::Uninitialized);
    crypto_auth_hmacsha256_init(&state,
                                reinterpret_cast<const unsigned char *>(m_secret.constData()),
                                size_t(m_secret.size()));
    crypto_auth_hmacsha256_update(&state,
                                  reinterpret_cast<const unsigned char *>(signingInput.constData()),
                                  quint64(signingInput.size()));
    crypto_auth_hmacsha256_final(&state, reinterpret_cast<unsigned char *>(mac.data()));
    sodium_memzero(&state, sizeof state);
    return mac;
}

QString TokenService::issue(const User &user, const QDateTime &now) const
{
    const QJsonObject header {{QStringLiteral("alg"), QStringLiteral("HS256")},
                              {QStringLiteral("typ"), QStringLiteral("JWT")}};
    const qint64 iat = now.toSecsSinceEpoch();
    const QJsonObject payload {{QStringLiteral("iss"), QStringLiteral("lectern")},
                               {QStringLiteral("sub"), user.id},
                               {QStringLiteral("org"), user.orgId},
                               {QStringLiteral("iat"), iat},
                               {QStringLiteral("exp"), iat + m_ttlSeconds},
                               {QStringLiteral("jti"), createUuidV7String()}};
    const QByteArray input
        = QJsonDocument(header).toJson(QJsonDocument::Compact).toBase64(base64url) + '.'
        + QJsonDocument(payload).toJson(QJsonDocument::Compact).toBase64(base64url);
    return QString::fromLatin1(input + '.' + sign(input).toBase64(base64url));
}

Result<AccessClaims> TokenService::verify(QStringView token, const QDateTime &now) const
{
    if (token.size() > 4096)
        return invalidToken();
    const QByteArray bytes = token.toLatin1();
    const QList<QByteArray> parts = bytes.split('.');
    if (parts.size() != 3)
        return invalidToken();

    const auto header = decodePart(parts[0]);
    if (!header || header->value(u"alg").toString() != u"HS256")
        return invalidToken();

    auto signature = QByteArray::fromBase64Encoding(
        parts[2], base64url | QByteArray::AbortOnBase64DecodingErrors);
    const QByteArray expected = sign(parts[0] + '.' + parts[1]);
    if (!signature || signature.decoded.size() != expected.size()
        || sodium_memcmp(signature.decoded.constData(), expected.constData(),
                         size_t(expected.size()))
            != 0)
        return invalidToken();

    const auto payload = decodePart(parts[1]);
    if (!payload)
        return invalidToken();
    AccessClaims claims;
    claims.userId = payload->value(u"sub").toString();
    claims.orgId = payload->value(u"org").toString();
    claims.tokenId = payload->value(u"jti").toString();
    const qint64 iat = payload->value(u"iat").toInteger(-1);
    const qint64 exp = payload->value(u"exp").toInteger(-1);
    if (claims.userId.isEmpty() || claims.orgId.isEmpty() || iat < 0 || exp < 0)
        return invalidToken();
    claims.issuedAt = QDateTime::fromSecsSinceEpoch(iat, Qt::UTC);
    claims.expiresAt = QDateTime::fromSecsSinceEpoch(exp, Qt::UTC);
    if (now.toSecsSinceEpoch() >= exp)
        return fail(ErrorCode::TokenExpired,
                    QStringLiteral("The access token has expired; refresh it."));
    if (iat > now.toSecsSinceEpoch() + 300) // issued in the future beyond any sane clock skew
        return invalidToken();
    return claims;
}

QString TokenService::randomToken()
{
    QByteArray bytes(32, Qt::Uninitialized);
    randombytes_buf(bytes.data(), size_t(bytes.size()));
    return QString::fromLatin1(bytes.toBase64(base64url));
}

QString TokenService::sha256Hex(const QString &text)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

} // namespace Lectern::Server
