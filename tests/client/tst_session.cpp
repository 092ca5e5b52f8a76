#include "fakeauthapi.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <lectern/client/apiclient.h>
#include <lectern/client/session.h>
#include <lectern/client/tokenstore.h>

using namespace Lectern;
using namespace Lectern::Client;
using namespace Lectern::ClientTest;

class tst_Session : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void loginStoresRefreshToken();
    void loginFailures_data();
    void loginFailures();
    void lockoutAfterRepeatedFailures();
    void unreachableServer();
    void resumeWithStoredToken();
    void resumeWithoutToken();
    void resumeWithRevokedToken();
    void expiredAccessTokenIsRefreshedOnce();
    void concurrentRefreshesShareOneRequest();
    void logoutForgetsEverything();
    void refreshRejectedEndsSession();

private:
    std::optional<QString> storedToken(const QString &email);
    void logIn(Session &session, const QString &email);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeServer> m_server;
    std::unique_ptr<FakeAuthApi> m_auth;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<TokenStore> m_tokens;
};

void tst_Session::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<FakeServer>();
    QVERIFY(m_server->listen());
    m_auth = std::make_unique<FakeAuthApi>(m_server.get());
    m_auth->addDemoUsers();
    m_api = std::make_unique<ApiClient>();
    m_tokens = std::make_unique<TokenStore>(m_dir->path(), TokenStore::Mode::FileOnly);
}

void tst_Session::cleanup()
{
    m_tokens.reset();
    m_api.reset();
    m_auth.reset();
    m_server.reset();
    m_dir.reset();
}

std::optional<QString> tst_Session::storedToken(const QString &email)
{
    std::optional<std::optional<QString>> loaded;
    m_tokens->load(TokenStore::keyFor(m_server->url(), email), this,
                   [&](const std::optional<QString> &token) { loaded = token; });
    if (!QTest::qWaitFor([&] { return loaded.has_value(); }, 5000))
        return std::nullopt;
    return *loaded;
}

void tst_Session::logIn(Session &session, const QString &email)
{
    QSignalSpy loggedIn(&session, &Session::loggedIn);
    session.login(m_server->url(), email, FakeAuthApi::password);
    QVERIFY(loggedIn.wait(5000));
}

void tst_Session::loginStoresRefreshToken()
{
    Session session(m_api.get(), m_tokens.get());
    QSignalSpy failed(&session, &Session::loginFailed);
    logIn(session, QStringLiteral("Instructor@Demo.Lectern "));
    QCOMPARE(failed.size(), 0);
    QVERIFY(session.isLoggedIn());
    QCOMPARE(session.user().name, QStringLiteral("Ian Instructor"));
    QCOMPARE(session.user().roles, QList<Role> {Role::Instructor});
    QCOMPARE(session.organization().name, QStringLiteral("Demo Academy"));
    QCOMPARE(session.email(), QStringLiteral("instructor@demo.lectern"));
    QCOMPARE(m_api->accessToken(), session.accessToken());
    QTRY_COMPARE(storedToken(QStringLiteral("instructor@demo.lectern")),
                 std::optional<QString>(session.refreshToken()));

    const QJsonObject body
        = m_server->requests(QStringLiteral("/api/v1/auth/login")).constFirst().json();
    QCOMPARE(body.value(u"email").toString(), QStringLiteral("Instructor@Demo.Lectern"));
    QCOMPARE(body.value(u"password").toString(), FakeAuthApi::password);
}

void tst_Session::loginFailures_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("code");

    QTest::newRow("wrong password")
        << QStringLiteral("student1@demo.lectern") << QStringLiteral("nope")
        << QStringLiteral("invalid_credentials");
    QTest::newRow("unknown email") << QStringLiteral("nobody@demo.lectern") << FakeAuthApi::password
                                   << QStringLiteral("invalid_credentials");
    QTest::newRow("suspended") << QStringLiteral("suspended@demo.lectern") << FakeAuthApi::password
                               << QStringLiteral("account_disabled");
}

void tst_Session::loginFailures()
{
    QFETCH(QString, email);
    QFETCH(QString, password);
    QFETCH(QString, code);
    m_auth->addUser(QStringLiteral("suspended@demo.lectern"), QStringLiteral("Sam Suspended"),
                    {QStringLiteral("student")}, QStringLiteral("suspended"));

    Session session(m_api.get(), m_tokens.get());
    QSignalSpy failed(&session, &Session::loginFailed);
    QSignalSpy loggedIn(&session, &Session::loggedIn);
    session.login(m_server->url(), email, password);
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.constFirst().constFirst().value<Error>().code, code);
    QCOMPARE(loggedIn.size(), 0);
    QVERIFY(!session.isLoggedIn());
    QCOMPARE(storedToken(email), std::nullopt);
}

void tst_Session::lockoutAfterRepeatedFailures()
{
    m_auth->lockoutThreshold = 3;
    m_auth->retryAfterSeconds = 600;
    Session session(m_api.get(), m_tokens.get());
    QSignalSpy failed(&session, &Session::loginFailed);
    for (int attempt = 1; attempt <= 4; ++attempt) {
        session.login(m_server->url(), QStringLiteral("ta@demo.lectern"), QStringLiteral("guess"));
        QTRY_COMPARE(failed.size(), attempt);
    }
    const Error error = failed.constLast().constFirst().value<Error>();
    QCOMPARE(error.code, QStringLiteral("too_many_requests"));
    QCOMPARE(error.details.value(u"retryAfter").toInt(), 600);
}

void tst_Session::unreachableServer()
{
    QUrl server = m_server->url();
    server.setPort(FakeServer::refusedPort());
    Session session(m_api.get(), m_tokens.get());
    QSignalSpy failed(&session, &Session::loginFailed);
    session.login(server, QStringLiteral("student1@demo.lectern"), FakeAuthApi::password);
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.constFirst().constFirst().value<Error>().code,
             QStringLiteral("network_unreachable"));
}

void tst_Session::resumeWithStoredToken()
{
    QString firstRefresh;
    {
        Session first(m_api.get(), m_tokens.get());
        logIn(first, QStringLiteral("student2@demo.lectern"));
        firstRefresh = first.refreshToken();
        QTRY_COMPARE(storedToken(QStringLiteral("student2@demo.lectern")),
                     std::optional<QString>(firstRefresh));
    }

    // The next start of the program.
    ApiClient api;
    Session session(&api, m_tokens.get());
    QSignalSpy loggedIn(&session, &Session::loggedIn);
    QSignalSpy resumeFailed(&session, &Session::resumeFailed);
    session.resume(m_server->url(), QStringLiteral("student2@demo.lectern"));
    QVERIFY(loggedIn.wait(5000));
    QCOMPARE(resumeFailed.size(), 0);
    QCOMPARE(session.user().name, QStringLiteral("Sasha Student"));
    QCOMPARE(session.organization().slug, QStringLiteral("demo"));
    QVERIFY(session.refreshToken() != firstRefresh);
    // The rotated token replaces the used one, or the start after this one would fail.
    QTRY_COMPARE(storedToken(QStringLiteral("student2@demo.lectern")),
                 std::optional<QString>(session.refreshToken()));
}

void tst_Session::resumeWithoutToken()
{
    Session session(m_api.get(), m_tokens.get());
    QSignalSpy resumeFailed(&session, &Session::resumeFailed);
    session.resume(m_server->url(), QStringLiteral("student3@demo.lectern"));
    QVERIFY(resumeFailed.wait(5000));
    QCOMPARE(resumeFailed.constFirst().constFirst().value<Error>().code,
             QStringLiteral("no_stored_token"));
    QCOMPARE(m_server->requests().size(), 0);
}

void tst_Session::resumeWithRevokedToken()
{
    {
        Session first(m_api.get(), m_tokens.get());
        logIn(first, QStringLiteral("student1@demo.lectern"));
        QTRY_VERIFY(storedToken(QStringLiteral("student1@demo.lectern")).has_value());
    }
    m_auth->revokeRefreshTokens();

    Session session(m_api.get(), m_tokens.get());
    QSignalSpy resumeFailed(&session, &Session::resumeFailed);
    session.resume(m_server->url(), QStringLiteral("student1@demo.lectern"));
    QVERIFY(resumeFailed.wait(5000));
    QCOMPARE(resumeFailed.constFirst().constFirst().value<Error>().code,
             QStringLiteral("invalid_token"));
    // A token the server refused is not tried again on the next start.
    QTRY_COMPARE(storedToken(QStringLiteral("student1@demo.lectern")), std::nullopt);
}

void tst_Session::expiredAccessTokenIsRefreshedOnce()
{
    Session session(m_api.get(), m_tokens.get());
    logIn(session, QStringLiteral("admin@demo.lectern"));
    const QString oldAccess = session.accessToken();
    m_auth->expireAccessTokens();

    std::optional<Result<void>> done;
    session.fetchProfile([&](const Result<void> &result) { done = result; });
    QTRY_VERIFY(done.has_value());
    QVERIFY2(done->isOk(), qPrintable(done->isOk() ? QString() : done->error().code));
    QCOMPARE(m_auth->refreshCount(), 1);
    QVERIFY(session.accessToken() != oldAccess);
    QCOMPARE(m_server->requests(QStringLiteral("/api/v1/auth/me")).size(), 2);
    QCOMPARE(
        m_server->requests(QStringLiteral("/api/v1/auth/me")).constLast().header("Authorization"),
        QByteArray("Bearer ") + session.accessToken().toUtf8());
    QCOMPARE(session.user().email, QStringLiteral("admin@demo.lectern"));
}

void tst_Session::concurrentRefreshesShareOneRequest()
{
    Session session(m_api.get(), m_tokens.get());
    logIn(session, QStringLiteral("ta@demo.lectern"));
    int done = 0;
    int ok = 0;
    for (int i = 0; i < 3; ++i) {
        session.refresh([&](const Result<void> &result) {
            ++done;
            ok += result.isOk() ? 1 : 0;
        });
    }
    QTRY_COMPARE(done, 3);
    QCOMPARE(ok, 3);
    QCOMPARE(m_auth->refreshCount(), 1);
}

void tst_Session::logoutForgetsEverything()
{
    Session session(m_api.get(), m_tokens.get());
    logIn(session, QStringLiteral("student1@demo.lectern"));
    const QString refresh = session.refreshToken();
    QTRY_VERIFY(storedToken(QStringLiteral("student1@demo.lectern")).has_value());

    QSignalSpy loggedOut(&session, &Session::loggedOut);
    session.logout();
    QCOMPARE(loggedOut.size(), 1);
    QVERIFY(!session.isLoggedIn());
    QVERIFY(session.accessToken().isEmpty());
    QVERIFY(m_api->accessToken().isEmpty());
    QTRY_VERIFY(m_auth->revokedOnLogout().contains(refresh));
    QTRY_COMPARE(storedToken(QStringLiteral("student1@demo.lectern")), std::nullopt);
    const auto logoutRequest
        = m_server->requests(QStringLiteral("/api/v1/auth/logout")).constFirst();
    QVERIFY(logoutRequest.header("Authorization").startsWith("Bearer access-"));
}

void tst_Session::refreshRejectedEndsSession()
{
    Session session(m_api.get(), m_tokens.get());
    logIn(session, QStringLiteral("student1@demo.lectern"));
    m_auth->revokeRefreshTokens();
    m_auth->expireAccessTokens();

    QSignalSpy expired(&session, &Session::sessionExpired);
    std::optional<Result<void>> done;
    session.fetchProfile([&](const Result<void> &result) { done = result; });
    QTRY_VERIFY(done.has_value());
    QVERIFY(!done->isOk());
    QCOMPARE(expired.size(), 1);
    QVERIFY(!session.isLoggedIn());
}

QTEST_GUILESS_MAIN(tst_Session)
#include "tst_session.moc"
