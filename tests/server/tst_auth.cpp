// Accounts and credentials through real HTTP: login, tokens (expiry, tampering, algorithms),
// refresh rotation with reuse detection, logout, lockout, suspension, registration and "me".
#include "httpclient.h"
#include "services/tokenservice.h"
#include "testserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QTest>
#include <QThread>

using namespace Lectern;
using namespace Lectern::Test;

namespace {
const QString loginPath = QStringLiteral("/api/v1/auth/login");
const QString refreshPath = QStringLiteral("/api/v1/auth/refresh");
const QString mePath = QStringLiteral("/api/v1/auth/me");

QByteArray base64url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString refreshTokenOf(const HttpResult &result)
{
    return result.data().toObject().value(u"refreshToken").toString();
}

QJsonObject refreshBody(const QString &token)
{
    return {{QStringLiteral("refreshToken"), token}};
}
} // namespace

class TestAuth : public QObject
{
    Q_OBJECT

private:
    QByteArray serverSecret() const
    {
        QFile file(m_server->dataDir() + QStringLiteral("/jwt-secret"));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QByteArray::fromBase64(file.readAll().trimmed());
    }

    User demoUser(const QString &email)
    {
        HttpClient client(m_server->url());
        const HttpResult login = client.login(email);
        return User::fromJson(login.data().toObject().value(u"user").toObject());
    }

    std::unique_ptr<TestServer> m_server;

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        LECTERN_START_SERVER(*m_server);
        qInfo() << "backend:" << backendName();
    }

    void loginReturnsASession()
    {
        HttpClient client(m_server->url());
        const HttpResult result = client.login(QStringLiteral("Instructor@Demo.Lectern "));
        QCOMPARE(result.status, 200);
        QCOMPARE(result.json.value(u"ok").toBool(), true);
        const QJsonObject data = result.data().toObject();
        QVERIFY(data.value(u"accessToken").toString().count(u'.') == 2);
        QVERIFY(data.value(u"refreshToken").toString().size() >= 40);
        QCOMPARE(data.value(u"expiresIn").toInt(), 900);
        const QJsonObject user = data.value(u"user").toObject();
        QCOMPARE(user.value(u"email").toString(), QStringLiteral("instructor@demo.lectern"));
        QCOMPARE(user.value(u"roles").toArray(), QJsonArray {QStringLiteral("instructor")});
        QVERIFY(!user.contains(u"password") && !user.contains(u"passwordHash"));
        QVERIFY(!result.body.contains("argon2"));
        QCOMPARE(data.value(u"organization").toObject().value(u"slug").toString(),
                 QStringLiteral("demo"));

        const HttpResult me = client.get(mePath);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.data().toObject().value(u"user").toObject().value(u"name").toString(),
                 QStringLiteral("Ian Instructor"));
        QCOMPARE(me.data().toObject().value(u"organization").toObject().value(u"name").toString(),
                 QStringLiteral("Demo Academy"));
        QVERIFY(me.data().toObject().value(u"user").toObject().value(u"lastLoginAt").isString());
    }

    void wrongCredentialsAreOneAnswer_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("password");
        QTest::newRow("wrong password")
            << QStringLiteral("ta@demo.lectern") << QStringLiteral("not-the-password");
        QTest::newRow("unknown account")
            << QStringLiteral("nobody@demo.lectern") << QStringLiteral("lectern-demo");
    }

    void wrongCredentialsAreOneAnswer()
    {
        QFETCH(QString, email);
        QFETCH(QString, password);
        HttpClient client(m_server->url());
        const HttpResult result = client.login(email, password);
        QCOMPARE(result.status, 401);
        QCOMPARE(result.errorCode(), QStringLiteral("invalid_credentials"));
        // Same words either way: the answer must not tell which accounts exist.
        QCOMPARE(result.json.value(u"error").toObject().value(u"message").toString(),
                 QStringLiteral("The email address or password is wrong."));
        QVERIFY(client.token().isEmpty());
    }

    void loginValidation()
    {
        HttpClient client(m_server->url());
        const HttpResult result = client.post(loginPath, {{QStringLiteral("email"), 42}});
        QCOMPARE(result.status, 422);
        QCOMPARE(result.errorCode(), QStringLiteral("validation_failed"));
        QVERIFY(result.errorFields().contains(u"email"));
        QVERIFY(result.errorFields().contains(u"password"));
    }

    void meNeedsAToken()
    {
        HttpClient client(m_server->url());
        const HttpResult result = client.get(mePath);
        QCOMPARE(result.status, 401);
        QCOMPARE(result.errorCode(), QStringLiteral("unauthorized"));
        QCOMPARE(result.header("www-authenticate"), QByteArray("Bearer"));
    }

    void badTokensAreRefused_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expectedCode");
        QTest::newRow("payload changed")
            << QStringLiteral("payload") << QStringLiteral("invalid_token");
        QTest::newRow("signature changed")
            << QStringLiteral("signature") << QStringLiteral("invalid_token");
        QTest::newRow("alg none") << QStringLiteral("none") << QStringLiteral("invalid_token");
        QTest::newRow("alg HS512") << QStringLiteral("hs512") << QStringLiteral("invalid_token");
        QTest::newRow("other secret")
            << QStringLiteral("secret") << QStringLiteral("invalid_token");
        QTest::newRow("garbage") << QStringLiteral("garbage") << QStringLiteral("invalid_token");
        QTest::newRow("expired") << QStringLiteral("expired") << QStringLiteral("token_expired");
    }

    void badTokensAreRefused()
    {
        QFETCH(QString, kind);
        QFETCH(QString, expectedCode);
        const QByteArray secret = serverSecret();
        QVERIFY(secret.size() >= 32);
        const User student = demoUser(QStringLiteral("student1@demo.lectern"));
        QVERIFY(!student.id.isEmpty());

        Server::TokenService tokens(secret, 900);
        const QString good = tokens.issue(student);
        QList<QByteArray> parts = good.toLatin1().split('.');
        QCOMPARE(parts.size(), 3);
        QJsonObject payload = QJsonDocument::fromJson(
                                  QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding))
                                  .object();

        QString token;
        if (kind == u"payload") {
            payload.insert(QStringLiteral("sub"),
                           demoUser(QStringLiteral("admin@demo.lectern")).id);
            token = QString::fromLatin1(
                parts[0] + '.' + base64url(QJsonDocument(payload).toJson(QJsonDocument::Compact))
                + '.' + parts[2]);
        } else if (kind == u"signature") {
            QByteArray signature = QByteArray::fromBase64(parts[2], QByteArray::Base64UrlEncoding);
            signature[0] = char(signature[0] ^ 0x01);
            token = QString::fromLatin1(parts[0] + '.' + parts[1] + '.' + base64url(signature));
        } else if (kind == u"none") {
            const QByteArray header = base64url(R"({"alg":"none","typ":"JWT"})");
            token = QString::fromLatin1(header + '.' + parts[1] + '.');
        } else if (kind == u"hs512") {
            const QByteArray header = base64url(R"({"alg":"HS512","typ":"JWT"})");
            const QByteArray input = header + '.' + parts[1];
            token = QString::fromLatin1(input + '.'
                                        + base64url(QMessageAuthenticationCode::hash(
                                            input, secret, QCryptographicHash::Sha512)));
        } else if (kind == u"secret") {
            token = Server::TokenService(QByteArray(32, 'x'), 900).issue(student);
        } else if (kind == u"garbage") {
            token = QStringLiteral("this.is.not-a-token");
        } else if (kind == u"expired") {
            token = tokens.issue(student, QDateTime::currentDateTimeUtc().addSecs(-3600));
        }

        HttpClient client(m_server->url());
        client.setToken(good);
        QCOMPARE(client.get(mePath).status, 200); // the untouched token works
        client.setToken(token);
        const HttpResult result = client.get(mePath);
        QCOMPARE(result.status, 401);
        QCOMPARE(result.errorCode(), expectedCode);
    }

    void refreshRotatesAndReuseEndsTheFamily()
    {
        HttpClient client(m_server->url());
        const HttpResult login = client.login(QStringLiteral("student2@demo.lectern"));
        QCOMPARE(login.status, 200);
        const QString first = refreshTokenOf(login);

        const HttpResult rotated = client.post(refreshPath, refreshBody(first));
        QCOMPARE(rotated.status, 200);
        const QString second = refreshTokenOf(rotated);
        QVERIFY(second != first);
        client.setToken(rotated.data().toObject().value(u"accessToken").toString());
        QCOMPARE(client.get(mePath).status, 200);

        // Someone replays the spent token: refused, and the whole family is ended...
        const HttpResult replay = client.post(refreshPath, refreshBody(first));
        QCOMPARE(replay.status, 401);
        QCOMPARE(replay.errorCode(), QStringLiteral("refresh_token_reused"));
        // ...including the legitimate newest token.
        const HttpResult afterReuse = client.post(refreshPath, refreshBody(second));
        QCOMPARE(afterReuse.status, 401);

        // Another login (another family) is unaffected by that.
        HttpClient other(m_server->url());
        const HttpResult again = other.login(QStringLiteral("student2@demo.lectern"));
        QCOMPARE(other.post(refreshPath, refreshBody(refreshTokenOf(again))).status, 200);
    }

    void refreshRejectsNonsense()
    {
        HttpClient client(m_server->url());
        QCOMPARE(client.post(refreshPath, refreshBody(QStringLiteral("made-up"))).errorCode(),
                 QStringLiteral("invalid_token"));
        QCOMPARE(client.post(refreshPath, {}).status, 422);
    }

    void logoutEndsTheSession()
    {
        HttpClient client(m_server->url());
        const HttpResult login = client.login(QStringLiteral("student3@demo.lectern"));
        const QString refresh = refreshTokenOf(login);
        const HttpResult logout
            = client.post(QStringLiteral("/api/v1/auth/logout"), refreshBody(refresh));
        QCOMPARE(logout.status, 200);
        const HttpResult after = client.post(refreshPath, refreshBody(refresh));
        QCOMPARE(after.status, 401);
        QCOMPARE(after.errorCode(), QStringLiteral("invalid_token"));
    }

    void accountLockout()
    {
        // Only the per-account limit here: allow many failures per address.
        TestServer server({true, [](Server::ServerConfig &c) {
                               c.lockoutAddressFailures = 1000;
                           }});
        LECTERN_START_SERVER(server);
        HttpClient client(server.url());
        for (int i = 0; i < 5; ++i)
            QCOMPARE(
                client.login(QStringLiteral("ta@demo.lectern"), QStringLiteral("guess-%1").arg(i))
                    .status,
                401);
        const HttpResult locked = client.login(QStringLiteral("ta@demo.lectern"));
        QCOMPARE(locked.status, 429);
        QCOMPARE(locked.errorCode(), QStringLiteral("too_many_requests"));
        const int retryAfter = locked.header("retry-after").toInt();
        QVERIFY2(retryAfter > 14 * 60 && retryAfter <= 15 * 60,
                 locked.header("retry-after").constData());
        QCOMPARE(locked.json.value(u"error")
                     .toObject()
                     .value(u"details")
                     .toObject()
                     .value(u"retryAfter")
                     .toInt(),
                 retryAfter);
        // Other accounts still log in.
        QCOMPARE(client.login(QStringLiteral("student1@demo.lectern")).status, 200);
    }

    void addressLockout()
    {
        TestServer server({true, [](Server::ServerConfig &c) {
                               c.lockoutFailures = 1000;
                           }});
        LECTERN_START_SERVER(server);
        HttpClient client(server.url());
        // Five different accounts guessed from one address...
        const QStringList emails = {QStringLiteral("a@x.example"), QStringLiteral("b@x.example"),
                                    QStringLiteral("c@x.example"), QStringLiteral("d@x.example"),
                                    QStringLiteral("e@x.example")};
        for (const QString &email : emails)
            QCOMPARE(client.login(email, QStringLiteral("whatever1")).status, 401);
        // ...and that address is refused even with right credentials.
        const HttpResult locked = client.login(QStringLiteral("admin@demo.lectern"));
        QCOMPARE(locked.status, 429);
        QVERIFY(locked.header("retry-after").toInt() > 0);
    }

    void lockoutEndsWithTheWindow()
    {
        TestServer server({true, [](Server::ServerConfig &c) {
                               c.lockoutWindowSeconds = 2;
                           }});
        LECTERN_START_SERVER(server);
        HttpClient client(server.url());
        for (int i = 0; i < 5; ++i)
            client.login(QStringLiteral("instructor@demo.lectern"),
                         QStringLiteral("wrong-password"));
        QCOMPARE(client.login(QStringLiteral("instructor@demo.lectern")).status, 429);
        QThread::msleep(2300);
        QCOMPARE(client.login(QStringLiteral("instructor@demo.lectern")).status, 200);
        // A success clears the account's slate.
        for (int i = 0; i < 4; ++i)
            QCOMPARE(client
                         .login(QStringLiteral("instructor@demo.lectern"),
                                QStringLiteral("wrong-password"))
                         .status,
                     401);
        QCOMPARE(client.login(QStringLiteral("instructor@demo.lectern")).status, 200);
    }

    void suspendedAccountsCannotLogIn()
    {
        HttpClient admin(m_server->url());
        QCOMPARE(admin.login(QStringLiteral("admin@demo.lectern")).status, 200);
        const HttpResult created
            = admin.post(QStringLiteral("/api/v1/users"),
                         {{QStringLiteral("email"), QStringLiteral("paused@demo.lectern")},
                          {QStringLiteral("name"), QStringLiteral("Paula Paused")},
                          {QStringLiteral("password"), QStringLiteral("correct-horse")}});
        QCOMPARE(created.status, 201);
        const QString id = created.data().toObject().value(u"id").toString();

        HttpClient user(m_server->url());
        const HttpResult before
            = user.login(QStringLiteral("paused@demo.lectern"), QStringLiteral("correct-horse"));
        QCOMPARE(before.status, 200);

        QCOMPARE(admin
                     .put(QStringLiteral("/api/v1/users/") + id,
                          {{QStringLiteral("status"), QStringLiteral("suspended")}})
                     .status,
                 200);
        const HttpResult after
            = user.login(QStringLiteral("paused@demo.lectern"), QStringLiteral("correct-horse"));
        QCOMPARE(after.status, 403);
        QCOMPARE(after.errorCode(), QStringLiteral("account_disabled"));
        // The session they had is over too.
        QCOMPARE(user.post(refreshPath, refreshBody(refreshTokenOf(before))).status, 401);
        user.setToken(before.data().toObject().value(u"accessToken").toString());
        QCOMPARE(user.get(mePath).status, 403);
    }

    void registrationFollowsTheOrganisationSetting()
    {
        const QJsonObject body {{QStringLiteral("organization"), QStringLiteral("demo")},
                                {QStringLiteral("email"), QStringLiteral("newcomer@demo.lectern")},
                                {QStringLiteral("name"), QStringLiteral("Nia Newcomer")},
                                {QStringLiteral("password"), QStringLiteral("a-good-password")}};
        HttpClient anonymous(m_server->url());
        const HttpResult closed = anonymous.post(QStringLiteral("/api/v1/auth/register"), body);
        QCOMPARE(closed.status, 403);
        QCOMPARE(closed.errorCode(), QStringLiteral("registration_closed"));

        HttpClient admin(m_server->url());
        const HttpResult login = admin.login(QStringLiteral("admin@demo.lectern"));
        const QString orgId
            = login.data().toObject().value(u"organization").toObject().value(u"id").toString();
        QCOMPARE(admin
                     .put(QStringLiteral("/api/v1/organizations/%1/settings").arg(orgId),
                          {{QStringLiteral("allowSelfRegistration"), true}})
                     .status,
                 200);

        const HttpResult open = anonymous.post(QStringLiteral("/api/v1/auth/register"), body);
        QCOMPARE(open.status, 201);
        const QJsonObject user = open.data().toObject().value(u"user").toObject();
        QCOMPARE(user.value(u"roles").toArray(), QJsonArray {QStringLiteral("student")});
        QVERIFY(!open.data().toObject().value(u"accessToken").toString().isEmpty());
        QCOMPARE(
            anonymous
                .login(QStringLiteral("newcomer@demo.lectern"), QStringLiteral("a-good-password"))
                .status,
            200);

        const HttpResult again = anonymous.post(QStringLiteral("/api/v1/auth/register"), body);
        QCOMPARE(again.status, 409);
        QVERIFY(again.errorFields().contains(u"email"));

        QJsonObject weak = body;
        weak.insert(QStringLiteral("email"), QStringLiteral("weak@demo.lectern"));
        weak.insert(QStringLiteral("password"), QStringLiteral("short"));
        const HttpResult weakResult = anonymous.post(QStringLiteral("/api/v1/auth/register"), weak);
        QCOMPARE(weakResult.status, 422);
        QVERIFY(weakResult.errorFields().contains(u"password"));

        QJsonObject nowhere = body;
        nowhere.insert(QStringLiteral("organization"), QStringLiteral("no-such-org"));
        QCOMPARE(anonymous.post(QStringLiteral("/api/v1/auth/register"), nowhere).status, 404);

        QCOMPARE(admin
                     .put(QStringLiteral("/api/v1/organizations/%1/settings").arg(orgId),
                          {{QStringLiteral("allowSelfRegistration"), false}})
                     .status,
                 200);
    }

    void updateMe()
    {
        HttpClient client(m_server->url());
        const HttpResult login = client.login(QStringLiteral("student1@demo.lectern"));
        const qint64 rev
            = login.data().toObject().value(u"user").toObject().value(u"rev").toInteger();

        const HttpResult renamed
            = client.patch(mePath, {{QStringLiteral("name"), QStringLiteral("Samira Student")}});
        QCOMPARE(renamed.status, 200);
        const QJsonObject user = renamed.data().toObject().value(u"user").toObject();
        QCOMPARE(user.value(u"name").toString(), QStringLiteral("Samira Student"));
        QCOMPARE(user.value(u"rev").toInteger(), rev + 1);
        QCOMPARE(client.get(mePath)
                     .data()
                     .toObject()
                     .value(u"user")
                     .toObject()
                     .value(u"name")
                     .toString(),
                 QStringLiteral("Samira Student"));

        // Students may not give themselves roles through "me".
        const HttpResult roles = client.patch(
            mePath, {{QStringLiteral("roles"), QJsonArray {QStringLiteral("admin")}}});
        QCOMPARE(roles.status, 422);
        QVERIFY(roles.errorFields().contains(u"roles"));

        const HttpResult wrongCurrent
            = client.patch(mePath,
                           {{QStringLiteral("password"), QStringLiteral("brand-new-secret")},
                            {QStringLiteral("currentPassword"), QStringLiteral("nope-nope")}});
        QCOMPARE(wrongCurrent.status, 422);
        QVERIFY(wrongCurrent.errorFields().contains(u"currentPassword"));

        const HttpResult changed
            = client.patch(mePath,
                           {{QStringLiteral("password"), QStringLiteral("brand-new-secret")},
                            {QStringLiteral("currentPassword"), QStringLiteral("lectern-demo")}});
        QCOMPARE(changed.status, 200);
        // The old session's refresh token is gone; the old password no longer works; the new one
        // does.
        QCOMPARE(client.post(refreshPath, refreshBody(refreshTokenOf(login))).status, 401);
        QCOMPARE(client.login(QStringLiteral("student1@demo.lectern")).status, 401);
        QCOMPARE(
            client
                .login(QStringLiteral("student1@demo.lectern"), QStringLiteral("brand-new-secret"))
                .status,
            200);
        QCOMPARE(
            client
                .patch(mePath,
                       {{QStringLiteral("password"), QStringLiteral("lectern-demo")},
                        {QStringLiteral("currentPassword"), QStringLiteral("brand-new-secret")}})
                .status,
            200);
    }
};

QTEST_GUILESS_MAIN(TestAuth)
#include "tst_auth.moc"
