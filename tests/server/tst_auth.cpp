// Accounts and credentials through real HTTP: login, tokens (expiry, tampering, algorithms),
// refresh rotation with reuse detection, logout, sign-in throttling (per account and address,
// per address, per account from many addresses; X-Forwarded-For from trusted proxies only; a
// login flood), suspension, registration and "me".
#include "httpclient.h"
#include "services/tokenservice.h"
#include "testserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <algorithm>
#include <sys/resource.h>

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

    static HttpResult loginFrom(HttpClient &client, const QHash<QByteArray, QByteArray> &headers,
                                const QString &email, const QString &password)
    {
        client.setToken(QString());
        return client.send("POST", loginPath,
                           QJsonDocument(QJsonObject {{QStringLiteral("email"), email},
                                                      {QStringLiteral("password"), password}})
                               .toJson(QJsonDocument::Compact),
                           "application/json", headers);
    }

    static qint64 verifications(TestServer &server)
    {
        return server.server().context().hasher().verifications();
    }

    // 400 connections in one process need 800 descriptors; a default soft limit is 1,024.
    static void raiseOpenFileLimit()
    {
        rlimit limit {};
        if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
            limit.rlim_cur = limit.rlim_max;
            setrlimit(RLIMIT_NOFILE, &limit);
        }
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

    void guessingOneAccountBacksOff()
    {
        // One address guessing one account: five failures are free, then each try waits twice
        // as long as the one before (1 s, 2 s, ...) after the last failure.
        TestServer server({true, [](Server::ServerConfig &c) {
                               c.trustedProxies = {{QHostAddress(QHostAddress::LocalHost), 32}};
                           }});
        LECTERN_START_SERVER(server);
        HttpClient client(server.url());
        const QHash<QByteArray, QByteArray> guesser {{"X-Forwarded-For", "127.20.0.1"}};
        for (int i = 0; i < 5; ++i)
            QCOMPARE(loginFrom(client, guesser, QStringLiteral("ta@demo.lectern"),
                               QStringLiteral("guess-%1").arg(i))
                         .status,
                     401);
        const qint64 hashedBefore = verifications(server);
        const HttpResult waiting = loginFrom(client, guesser, QStringLiteral("ta@demo.lectern"),
                                             QStringLiteral("lectern-demo"));
        QCOMPARE(waiting.status, 429);
        QCOMPARE(waiting.errorCode(), QStringLiteral("too_many_requests"));
        QCOMPARE(waiting.header("retry-after"), QByteArray("1"));
        QCOMPARE(waiting.json.value(u"error")
                     .toObject()
                     .value(u"details")
                     .toObject()
                     .value(u"retryAfter")
                     .toInt(),
                 1);
        // A refused try costs no hashing.
        QCOMPARE(verifications(server), hashedBefore);

        // The owner, from another address, is not slowed down by someone else's guessing.
        const QHash<QByteArray, QByteArray> owner {{"X-Forwarded-For", "127.20.0.2"}};
        QCOMPARE(loginFrom(client, owner, QStringLiteral("ta@demo.lectern"),
                           QStringLiteral("lectern-demo"))
                     .status,
                 200);

        // The guesser's next try, after the wait, fails and doubles the wait.
        QThread::msleep(1100);
        QCOMPARE(
            loginFrom(client, guesser, QStringLiteral("ta@demo.lectern"), QStringLiteral("guess-6"))
                .status,
            401);
        const HttpResult longer = loginFrom(client, guesser, QStringLiteral("ta@demo.lectern"),
                                            QStringLiteral("guess-7"));
        QCOMPARE(longer.status, 429);
        QCOMPARE(longer.header("retry-after"), QByteArray("2"));
        // Other accounts still log in from that address.
        QCOMPARE(loginFrom(client, guesser, QStringLiteral("student1@demo.lectern"),
                           QStringLiteral("lectern-demo"))
                     .status,
                 200);
    }

    void aCrowdedClassroomDoesNotLockOutTheAdmin()
    {
        // Twelve people behind one address (a school's NAT) get their passwords wrong...
        TestServer server;
        LECTERN_START_SERVER(server);
        HttpClient client(server.url());
        for (int i = 0; i < 12; ++i)
            QCOMPARE(client
                         .login(QStringLiteral("pupil%1@demo.lectern").arg(i),
                                QStringLiteral("wrong-password"))
                         .status,
                     401);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(
                client.login(QStringLiteral("ta@demo.lectern"), QStringLiteral("typo-typo")).status,
                401);
        // ...and the admin, and everyone else, still logs in from there.
        QCOMPARE(client.login(QStringLiteral("admin@demo.lectern")).status, 200);
        QCOMPARE(client.login(QStringLiteral("student2@demo.lectern")).status, 200);
        QCOMPARE(client.login(QStringLiteral("ta@demo.lectern")).status, 200);
    }

    void aSprayFromOneAddressIsStopped()
    {
        TestServer server({true, [](Server::ServerConfig &c) {
                               c.lockoutAddressFailures = 20;
                           }});
        LECTERN_START_SERVER(server);
        HttpClient client(server.url());
        // The admin logs in from here regularly.
        QCOMPARE(client.login(QStringLiteral("admin@demo.lectern")).status, 200);
        for (int i = 0; i < 20; ++i)
            QCOMPARE(client
                         .login(QStringLiteral("victim%1@demo.lectern").arg(i),
                                QStringLiteral("Summer-2026"))
                         .status,
                     401);
        const HttpResult stopped
            = client.login(QStringLiteral("victim20@demo.lectern"), QStringLiteral("Summer-2026"));
        QCOMPARE(stopped.status, 429);
        QCOMPARE(stopped.errorCode(), QStringLiteral("too_many_requests"));
        const int retryAfter = stopped.header("retry-after").toInt();
        QVERIFY2(retryAfter > 14 * 60 && retryAfter <= 15 * 60,
                 stopped.header("retry-after").constData());
        // An account that has not logged in from this address waits too...
        QCOMPARE(client.login(QStringLiteral("student3@demo.lectern")).status, 429);
        // ...but one that has is not locked out by the spray.
        QCOMPARE(client.login(QStringLiteral("admin@demo.lectern")).status, 200);
    }

    void theOwnerGetsInWhileManyAddressesGuess()
    {
        // Guessing one account from many addresses: after lockout-account-failures failures,
        // tries from addresses the account has not logged in from wait 1 s, 2 s, ... at most
        // lockout-account-max-delay (2 s here) after the last failure. That bounds the owner's
        // wait on a new device, and the guessers' rate.
        TestServer server({true, [](Server::ServerConfig &c) {
                               c.trustedProxies = {{QHostAddress(QHostAddress::LocalHost), 32}};
                               c.lockoutAccountFailures = 10;
                               c.lockoutAccountMaxDelaySeconds = 2;
                           }});
        LECTERN_START_SERVER(server);
        HttpClient client(server.url());
        const QString email = QStringLiteral("instructor@demo.lectern");
        const QHash<QByteArray, QByteArray> office {{"X-Forwarded-For", "127.30.0.1"}};
        QCOMPARE(loginFrom(client, office, email, QStringLiteral("lectern-demo")).status, 200);

        int failed = 0;
        int refused = 0;
        for (int i = 0; i < 30; ++i) {
            const QHash<QByteArray, QByteArray> guesser {
                {"X-Forwarded-For", QByteArray("127.31.0.") + QByteArray::number(i + 1)}};
            const int status
                = loginFrom(client, guesser, email, QStringLiteral("guess-%1").arg(i)).status;
            QVERIFY2(status == 401 || status == 429, QByteArray::number(status).constData());
            (status == 401 ? failed : refused)++;
        }
        // Ten free failures, then about one per wait: the guessers are mostly refused, unhashed.
        QVERIFY2(failed >= 10 && failed <= 13, QByteArray::number(failed).constData());
        QVERIFY(refused >= 17);

        // From where they logged in before, they get in at once.
        QCOMPARE(loginFrom(client, office, email, QStringLiteral("lectern-demo")).status, 200);

        // The guessing starts again. On a new device the owner is told to wait at most the
        // maximum delay, and gets in after waiting what they were told.
        for (int i = 0; i < 12; ++i)
            loginFrom(client,
                      {{"X-Forwarded-For", QByteArray("127.32.0.") + QByteArray::number(i + 1)}},
                      email, QStringLiteral("again-%1").arg(i));
        const QHash<QByteArray, QByteArray> phone {{"X-Forwarded-For", "127.30.0.2"}};
        int waited = 0;
        HttpResult fromPhone;
        for (int attempt = 0; attempt < 3; ++attempt) {
            fromPhone = loginFrom(client, phone, email, QStringLiteral("lectern-demo"));
            if (fromPhone.status != 429)
                break;
            const int retryAfter = fromPhone.header("retry-after").toInt();
            QVERIFY2(retryAfter >= 1 && retryAfter <= 2,
                     fromPhone.header("retry-after").constData());
            waited += retryAfter;
            QThread::msleep(retryAfter * 1000 + 100);
        }
        QCOMPARE(fromPhone.status, 200);
        QVERIFY(waited <= 2);
    }

    void untrustedForwardedForIsIgnored()
    {
        // Without trusted proxies, X-Forwarded-For changes nothing: every guess counts for the
        // connection's own address.
        TestServer server;
        LECTERN_START_SERVER(server);
        HttpClient client(server.url());
        for (int i = 0; i < 5; ++i)
            QCOMPARE(loginFrom(
                         client,
                         {{"X-Forwarded-For", QByteArray("127.50.0.") + QByteArray::number(i + 1)}},
                         QStringLiteral("ta@demo.lectern"), QStringLiteral("guess-%1").arg(i))
                         .status,
                     401);
        const HttpResult refused
            = loginFrom(client, {{"X-Forwarded-For", "127.50.0.99"}},
                        QStringLiteral("ta@demo.lectern"), QStringLiteral("lectern-demo"));
        QCOMPARE(refused.status, 429);

        // From a trusted proxy, the same guesses are five addresses with one failure each.
        TestServer proxied({true, [](Server::ServerConfig &c) {
                                c.trustedProxies = {{QHostAddress(QHostAddress::LocalHost), 32}};
                            }});
        LECTERN_START_SERVER(proxied);
        HttpClient viaProxy(proxied.url());
        for (int i = 0; i < 5; ++i)
            QCOMPARE(loginFrom(
                         viaProxy,
                         {{"X-Forwarded-For", QByteArray("127.50.0.") + QByteArray::number(i + 1)}},
                         QStringLiteral("ta@demo.lectern"), QStringLiteral("guess-%1").arg(i))
                         .status,
                     401);
        QCOMPARE(loginFrom(viaProxy, {{"X-Forwarded-For", "127.50.0.99"}},
                           QStringLiteral("ta@demo.lectern"), QStringLiteral("lectern-demo"))
                     .status,
                 200);
    }

    void everyRefusalCostsOneHash()
    {
        HttpClient admin(m_server->url());
        QCOMPARE(admin.login(QStringLiteral("admin@demo.lectern")).status, 200);
        // An account without a password (it exists to be enrolled; it cannot log in yet).
        QCOMPARE(admin
                     .post(QStringLiteral("/api/v1/users"),
                           {{QStringLiteral("email"), QStringLiteral("nopass@demo.lectern")},
                            {QStringLiteral("name"), QStringLiteral("Nadia Nopass")}})
                     .status,
                 201);
        const QStringList emails
            = {QStringLiteral("nobody@demo.lectern"), QStringLiteral("nopass@demo.lectern"),
               QStringLiteral("instructor@demo.lectern")};
        HttpClient client(m_server->url());
        for (const QString &email : emails) {
            const qint64 before = verifications(*m_server);
            const HttpResult refused = client.login(email, QStringLiteral("not-the-password"));
            QCOMPARE(refused.status, 401);
            QCOMPARE(refused.errorCode(), QStringLiteral("invalid_credentials"));
            // One real argon2id verification each, so none answers faster than the others.
            QCOMPARE(verifications(*m_server), before + 1);
        }
    }

    void guessingThroughMeIsThrottled()
    {
        TestServer server;
        LECTERN_START_SERVER(server);
        HttpClient client(server.url());
        QCOMPARE(client.login(QStringLiteral("student2@demo.lectern")).status, 200);
        const auto change = [&client](const QString &current) {
            return client.patch(mePath,
                                {{QStringLiteral("password"), QStringLiteral("brand-new-secret")},
                                 {QStringLiteral("currentPassword"), current}});
        };
        for (int i = 0; i < 5; ++i) {
            const HttpResult wrong = change(QStringLiteral("guess-%1").arg(i));
            QCOMPARE(wrong.status, 422);
            QVERIFY(wrong.errorFields().contains(u"currentPassword"));
        }
        const qint64 before = verifications(server);
        const HttpResult throttled = change(QStringLiteral("guess-5"));
        QCOMPARE(throttled.status, 429);
        QCOMPARE(throttled.errorCode(), QStringLiteral("too_many_requests"));
        QVERIFY(throttled.header("retry-after").toInt() >= 1);
        QCOMPARE(verifications(server), before);
        // The same count holds for logins of that account from that address.
        QCOMPARE(client.login(QStringLiteral("student2@demo.lectern")).status, 429);
        // After the wait, the right current password works.
        QThread::msleep(throttled.header("retry-after").toInt() * 1000 + 100);
        QCOMPARE(client.login(QStringLiteral("student2@demo.lectern")).status, 200);
        QCOMPARE(change(QStringLiteral("lectern-demo")).status, 200);
    }

    void aFloodFromManyAddressesLeavesLoginsAnswering()
    {
        // 200 addresses (real loopback source addresses) send two logins each at once, more
        // than the worker queue holds (256). Real people logging in meanwhile are answered:
        // newcomers take the place of a flooding address's extra request, and guessing an
        // account is refused before any hashing.
        TestServer server;
        LECTERN_START_SERVER(server);
        raiseOpenFileLimit();
        const quint16 port = quint16(server.url().port());
        HttpClient admin(server.url());
        QCOMPARE(admin.login(QStringLiteral("admin@demo.lectern")).status, 200);

        std::vector<std::unique_ptr<QTcpSocket>> flood;
        QHash<int, int> statuses;
        int answered = 0;
        for (int i = 0; i < 400; ++i) {
            const QString source
                = QStringLiteral("127.41.%1.%2").arg(i / 2 / 200).arg(i / 2 % 200 + 1);
            auto socket = std::make_unique<QTcpSocket>();
            QVERIFY(socket->bind(QHostAddress(source), 0));
            const QByteArray body
                = QJsonDocument(QJsonObject {
                                    {QStringLiteral("email"), QStringLiteral("admin@demo.lectern")},
                                    {QStringLiteral("password"), QStringLiteral("flood-%1").arg(i)},
                                })
                      .toJson(QJsonDocument::Compact);
            QTcpSocket *raw = socket.get();
            QObject::connect(raw, &QTcpSocket::connected, raw, [raw, body] {
                raw->write("POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                           "Content-Type: application/json\r\nConnection: close\r\n"
                           "Content-Length: "
                           + QByteArray::number(body.size()) + "\r\n\r\n" + body);
            });
            QObject::connect(raw, &QTcpSocket::readyRead, raw, [raw, &statuses, &answered] {
                if (raw->property("counted").toBool() || !raw->canReadLine())
                    return;
                raw->setProperty("counted", true);
                const QList<QByteArray> parts = raw->readLine().split(' ');
                ++statuses[parts.size() > 1 ? parts[1].toInt() : -1];
                ++answered;
            });
            raw->connectToHost(QHostAddress::LocalHost, port);
            flood.push_back(std::move(socket));
        }
        // Let the flood arrive, then log in as people would.
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(flood.cbegin(), flood.cend(),
                                             [](const auto &s) {
                                                 return s->state()
                                                     != QAbstractSocket::ConnectingState;
                                             }),
                                 30000);
        QTest::qWait(50);
        HttpClient people(server.url());
        QCOMPARE(people.login(QStringLiteral("instructor@demo.lectern")).status, 200);
        QCOMPARE(people.login(QStringLiteral("student1@demo.lectern")).status, 200);
        // The admin too, from where they logged in before the flood began.
        QCOMPARE(people.login(QStringLiteral("admin@demo.lectern")).status, 200);

        QTRY_COMPARE_WITH_TIMEOUT(answered, 400, 120000);
        QCOMPARE(statuses.value(500), 0);
        QCOMPARE(statuses.value(503), 0);
        QCOMPARE(statuses.value(-1), 0);
        // Ten guesses were checked; the rest were refused (throttled, or over their share).
        QVERIFY2(statuses.value(401) >= 10 && statuses.value(401) <= 20,
                 QByteArray::number(statuses.value(401)).constData());
        QVERIFY(statuses.value(429) >= 300);
    }

    void theWaitEndsOnItsOwn()
    {
        TestServer server;
        LECTERN_START_SERVER(server);
        HttpClient client(server.url());
        for (int i = 0; i < 5; ++i)
            QCOMPARE(client
                         .login(QStringLiteral("instructor@demo.lectern"),
                                QStringLiteral("wrong-password"))
                         .status,
                     401);
        const HttpResult waiting = client.login(QStringLiteral("instructor@demo.lectern"));
        QCOMPARE(waiting.status, 429);
        QThread::msleep(waiting.header("retry-after").toInt() * 1000 + 100);
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

    void weakPasswordsAreRefused_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("weakness");
        QTest::newRow("password") << QStringLiteral("password") << QStringLiteral("common");
        QTest::newRow("12345678") << QStringLiteral("12345678") << QStringLiteral("pattern");
        QTest::newRow("eight spaces")
            << QStringLiteral("        ") << QStringLiteral("one_character");
        QTest::newRow("common with decoration")
            << QStringLiteral("Sunshine2024!") << QStringLiteral("common");
        QTest::newRow("own email")
            << QStringLiteral("weak.one@demo.lectern") << QStringLiteral("personal");
    }

    void weakPasswordsAreRefused()
    {
        QFETCH(QString, password);
        QFETCH(QString, weakness);
        const auto check = [&weakness](const HttpResult &result) {
            QCOMPARE(result.status, 422);
            QCOMPARE(result.errorCode(), QStringLiteral("validation_failed"));
            QVERIFY(!result.errorFields().value(u"password").toString().isEmpty());
            QCOMPARE(result.json.value(u"error")
                         .toObject()
                         .value(u"details")
                         .toObject()
                         .value(u"weakPassword")
                         .toString(),
                     weakness);
        };
        HttpClient admin(m_server->url());
        const HttpResult login = admin.login(QStringLiteral("admin@demo.lectern"));
        const QString orgId
            = login.data().toObject().value(u"organization").toObject().value(u"id").toString();
        const QString settingsPath = QStringLiteral("/api/v1/organizations/%1/settings").arg(orgId);
        QCOMPARE(admin.put(settingsPath, {{QStringLiteral("allowSelfRegistration"), true}}).status,
                 200);

        // Registration...
        HttpClient anonymous(m_server->url());
        check(anonymous.post(QStringLiteral("/api/v1/auth/register"),
                             {{QStringLiteral("organization"), QStringLiteral("demo")},
                              {QStringLiteral("email"), QStringLiteral("weak.one@demo.lectern")},
                              {QStringLiteral("name"), QStringLiteral("Wendy Weak")},
                              {QStringLiteral("password"), password}}));
        // ...an administrator adding someone...
        check(admin.post(QStringLiteral("/api/v1/users"),
                         {{QStringLiteral("email"), QStringLiteral("weak.one@demo.lectern")},
                          {QStringLiteral("name"), QStringLiteral("Wendy Weak")},
                          {QStringLiteral("password"), password}}));
        // ...or changing their own password: all refused, and nothing was created.
        HttpClient student(m_server->url());
        QCOMPARE(student.login(QStringLiteral("student3@demo.lectern")).status, 200);
        const HttpResult own
            = student.patch(mePath,
                            {{QStringLiteral("password"), password},
                             {QStringLiteral("currentPassword"), QStringLiteral("lectern-demo")}});
        if (weakness == u"personal") // student3's own address is not weak.one's
            QCOMPARE(own.status, 200);
        else
            check(own);
        if (own.status == 200)
            QCOMPARE(student
                         .patch(mePath,
                                {{QStringLiteral("password"), QStringLiteral("lectern-demo")},
                                 {QStringLiteral("currentPassword"), password}})
                         .status,
                     200);
        QCOMPARE(anonymous.login(QStringLiteral("weak.one@demo.lectern"), password).status, 401);
        QCOMPARE(admin.put(settingsPath, {{QStringLiteral("allowSelfRegistration"), false}}).status,
                 200);
    }

    void organisationsCanAskForLongerPasswords()
    {
        HttpClient admin(m_server->url());
        const HttpResult login = admin.login(QStringLiteral("admin@demo.lectern"));
        const QString orgId
            = login.data().toObject().value(u"organization").toObject().value(u"id").toString();
        const QString settingsPath = QStringLiteral("/api/v1/organizations/%1/settings").arg(orgId);
        QCOMPARE(admin.put(settingsPath, {{QStringLiteral("minPasswordLength"), 7}}).status, 422);
        QCOMPARE(admin.put(settingsPath, {{QStringLiteral("minPasswordLength"), 16}}).status, 200);

        const auto create = [&admin](const QString &email, const QString &password) {
            return admin.post(QStringLiteral("/api/v1/users"),
                              {{QStringLiteral("email"), email},
                               {QStringLiteral("name"), QStringLiteral("Lena Long")},
                               {QStringLiteral("password"), password}});
        };
        const HttpResult shorter
            = create(QStringLiteral("long1@demo.lectern"), QStringLiteral("lectern-demo"));
        QCOMPARE(shorter.status, 422);
        QCOMPARE(shorter.errorFields().value(u"password").toString(),
                 QStringLiteral("must be at least 16 characters"));
        QCOMPARE(create(QStringLiteral("long2@demo.lectern"), QStringLiteral("violet-harbour-lamp"))
                     .status,
                 201);
        QCOMPARE(admin.put(settingsPath, {{QStringLiteral("minPasswordLength"), 8}}).status, 200);
        // The demo password is fine under the default policy.
        QCOMPARE(
            create(QStringLiteral("long3@demo.lectern"), QStringLiteral("lectern-demo")).status,
            201);
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
