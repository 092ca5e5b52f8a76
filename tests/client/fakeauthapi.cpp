#include "fakeauthapi.h"

#include <QJsonArray>

namespace Lectern::ClientTest {

using Response = FakeServer::Response;

FakeAuthApi::FakeAuthApi(FakeServer *server)
{
    m_organization = QJsonObject {
        {QStringLiteral("id"), QStringLiteral("0190a1b2-0000-7000-8000-000000000001")},
        {QStringLiteral("name"), QStringLiteral("Demo Academy")},
        {QStringLiteral("slug"), QStringLiteral("demo")},
        {QStringLiteral("settings"), QJsonObject {}},
        {QStringLiteral("createdAt"), QStringLiteral("2026-01-05T09:00:00Z")},
        {QStringLiteral("updatedAt"), QStringLiteral("2026-01-05T09:00:00Z")},
        {QStringLiteral("rev"), 1},
    };
    server->on("POST", QStringLiteral("/api/v1/auth/login"),
               [this](const FakeServer::Request &r) { return login(r); });
    server->on("POST", QStringLiteral("/api/v1/auth/refresh"),
               [this](const FakeServer::Request &r) { return refresh(r); });
    server->on("POST", QStringLiteral("/api/v1/auth/logout"),
               [this](const FakeServer::Request &r) { return logout(r); });
    server->on("GET", QStringLiteral("/api/v1/auth/me"),
               [this](const FakeServer::Request &r) { return me(r); });
    server->on("GET", QStringLiteral("/healthz"), [](const FakeServer::Request &) {
        return Response::ok(QJsonObject {{QStringLiteral("status"), QStringLiteral("ok")}});
    });
}

void FakeAuthApi::addDemoUsers()
{
    // As in resources/demo/demo.json, which the real server loads with --demo.
    const QList<std::tuple<QString, QString, QString>> people {
        {QStringLiteral("admin@demo.lectern"), QStringLiteral("Ada Admin"),
         QStringLiteral("admin")},
        {QStringLiteral("instructor@demo.lectern"), QStringLiteral("Ian Instructor"),
         QStringLiteral("instructor")},
        {QStringLiteral("ta@demo.lectern"), QStringLiteral("Tess Assistant"), QStringLiteral("ta")},
        {QStringLiteral("student1@demo.lectern"), QStringLiteral("Sam Student"),
         QStringLiteral("student")},
        {QStringLiteral("student2@demo.lectern"), QStringLiteral("Sasha Student"),
         QStringLiteral("student")},
        {QStringLiteral("student3@demo.lectern"), QStringLiteral("Sol Student"),
         QStringLiteral("student")},
    };
    for (const auto &[email, name, role] : people)
        addUser(email, name, {role});
}

void FakeAuthApi::addUser(const QString &email, const QString &name, const QStringList &roles,
                          const QString &status)
{
    m_users.insert(email,
                   QJsonObject {
                       {QStringLiteral("id"),
                        QStringLiteral("0190a1b2-0000-7000-8000-%1")
                            .arg(m_users.size() + 100, 12, 10, QLatin1Char('0'))},
                       {QStringLiteral("orgId"), m_organization.value(u"id")},
                       {QStringLiteral("email"), email},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("status"), status},
                       {QStringLiteral("locale"), QStringLiteral("en")},
                       {QStringLiteral("roles"), QJsonArray::fromStringList(roles)},
                       {QStringLiteral("createdAt"), QStringLiteral("2026-01-05T09:00:00Z")},
                       {QStringLiteral("updatedAt"), QStringLiteral("2026-01-05T09:00:00Z")},
                       {QStringLiteral("lastLoginAt"), QJsonValue()},
                       {QStringLiteral("rev"), 1},
                   });
}

Response FakeAuthApi::issue(const QString &email)
{
    ++m_serial;
    const QString access = QStringLiteral("access-%1").arg(m_serial);
    const QString refresh = QStringLiteral("refresh-%1").arg(m_serial);
    m_accessTokens.insert(access, email);
    m_refreshTokens.insert(refresh, email);
    return Response::ok(QJsonObject {
        {QStringLiteral("accessToken"), access},
        {QStringLiteral("refreshToken"), refresh},
        {QStringLiteral("expiresIn"), expiresIn},
        {QStringLiteral("user"), m_users.value(email)},
        {QStringLiteral("organization"), m_organization},
    });
}

Response FakeAuthApi::login(const FakeServer::Request &request)
{
    const QJsonObject body = request.json();
    const QString email = body.value(u"email").toString().trimmed().toLower();
    if (m_failures.value(email) >= lockoutThreshold) {
        Response response = Response::error(429, QStringLiteral("too_many_requests"),
                                            QStringLiteral("Too many failed attempts"),
                                            {{QStringLiteral("retryAfter"), retryAfterSeconds}});
        response.headers.append(
            {QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfterSeconds)});
        return response;
    }
    if (!m_users.contains(email) || body.value(u"password").toString() != password) {
        ++m_failures[email];
        return Response::error(401, QStringLiteral("invalid_credentials"),
                               QStringLiteral("Wrong email or password"));
    }
    if (m_users.value(email).value(u"status").toString() == u"suspended")
        return Response::error(403, QStringLiteral("account_disabled"),
                               QStringLiteral("This account is suspended"));
    m_failures.remove(email);
    return issue(email);
}

Response FakeAuthApi::refresh(const FakeServer::Request &request)
{
    ++m_refreshCount;
    const QString token = request.json().value(u"refreshToken").toString();
    if (m_usedRefreshTokens.contains(token))
        return Response::error(401, QStringLiteral("refresh_token_reused"),
                               QStringLiteral("Reused"));
    if (!m_refreshTokens.contains(token))
        return Response::error(401, QStringLiteral("invalid_token"),
                               QStringLiteral("Unknown token"));
    const QString email = m_refreshTokens.take(token);
    m_usedRefreshTokens.insert(token);
    return issue(email);
}

Response FakeAuthApi::logout(const FakeServer::Request &request)
{
    const QString token = request.json().value(u"refreshToken").toString();
    m_refreshTokens.remove(token);
    m_loggedOut.insert(token);
    return Response::ok(QJsonObject {});
}

Response FakeAuthApi::me(const FakeServer::Request &request)
{
    const QByteArray authorization = request.header("Authorization");
    const QString token = QString::fromUtf8(authorization.mid(7));
    if (!authorization.startsWith("Bearer ") || !m_accessTokens.contains(token))
        return Response::error(401, QStringLiteral("token_expired"), QStringLiteral("Expired"));
    const QString email = m_accessTokens.value(token);
    return Response::ok(QJsonObject {{QStringLiteral("user"), m_users.value(email)},
                                     {QStringLiteral("organization"), m_organization}});
}

} // namespace Lectern::ClientTest
