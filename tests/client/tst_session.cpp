#include "liveserver.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <lectern/client/apiclient.h>
#include <lectern/client/profilecache.h>
#include <lectern/client/session.h>
#include <lectern/client/tokenstore.h>

using namespace Lectern;
using namespace Lectern::Client;
using namespace Lectern::ClientTest;

// Logging in, staying logged in, working offline and logging out, against a real lectern-server
// (fresh database and demo data for each test function).
class tst_Session : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void loginKeepsTokenAndProfile();
    void loginFailures_data();
    void loginFailures();
    void lockoutAfterRepeatedFailures();
    void unreachableServer();
    void resumeRotatesTheStoredToken();
    void resumeWithoutToken();
    void resumeWithRevokedToken();
    void resumeWithSpentTokenIsReuse();
    void resumeOfflineFromCachedProfile();
    void resumeOfflineWithoutProfileFails();
    void offlineSessionRefreshesBeforeUse();
    void rejectedAccessTokenIsRefreshedOnce();
    void concurrentRefreshesShareOneRequest();
    void reuseOfRotatedTokenEndsSession();
    void suspendedWhileLoggedInEndsSession();
    void logoutForgetsEverything();

private:
    std::optional<QString> storedToken(const QString &email);
    bool hasCachedProfile(const QString &email) const;
    void logIn(Session &session, const QString &email);
    static Test::HttpResult refreshWith(const QUrl &server, const QString &refreshToken);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<RestartableServer> m_server;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<TokenStore> m_tokens;
    std::unique_ptr<ProfileCache> m_profiles;
};

void tst_Session::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<RestartableServer>();
    LECTERN_START_RESTARTABLE(*m_server);
    m_api = std::make_unique<ApiClient>();
    m_tokens = std::make_unique<TokenStore>(m_dir->path(), TokenStore::Mode::FileOnly);
    m_profiles = std::make_unique<ProfileCache>(m_dir->path());
}

void tst_Session::cleanup()
{
    m_profiles.reset();
    m_tokens.reset();
    m_api.reset();
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

bool tst_Session::hasCachedProfile(const QString &email) const
{
    return m_profiles->load(m_server->url(), email).has_value();
}

void tst_Session::logIn(Session &session, const QString &email)
{
    QSignalSpy loggedIn(&session, &Session::loggedIn);
    QSignalSpy failed(&session, &Session::loginFailed);
    session.login(m_server->url(), email, demoPassword);
    QVERIFY(QTest::qWaitFor([&] { return !loggedIn.isEmpty() || !failed.isEmpty(); }, 10000));
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).value<Error>().code));
}

Test::HttpResult tst_Session::refreshWith(const QUrl &server, const QString &refreshToken)
{
    Test::HttpClient client(server);
    return client.post(QStringLiteral("/api/v1/auth/refresh"),
                       {{QStringLiteral("refreshToken"), refreshToken}});
}

void tst_Session::loginKeepsTokenAndProfile()
{
    Session session(m_api.get(), m_tokens.get());
    session.setProfileCache(m_profiles.get());
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    logIn(session, QStringLiteral("Instructor@Demo.Lectern "));
    QVERIFY(session.isLoggedIn());
    QVERIFY(!session.isOffline());
    QVERIFY(session.hasValidAccessToken());
    QCOMPARE(session.user().name, QStringLiteral("Ian Instructor"));
    QCOMPARE(session.user().roles, QList<Role> {Role::Instructor});
    QCOMPARE(session.organization().name, QStringLiteral("Demo Academy"));
    QCOMPARE(session.email(), QStringLiteral("instructor@demo.lectern"));
    QCOMPARE(m_api->accessToken(), session.accessToken());
    QTRY_COMPARE(storedToken(QStringLiteral("instructor@demo.lectern")),
                 std::optional<QString>(session.refreshToken()));

    // What the next start needs to open offline, and no secret in it.
    const auto profile
        = m_profiles->load(m_server->url(), QStringLiteral("instructor@demo.lectern"));
    QVERIFY(profile.has_value());
    QCOMPARE(profile->user.name, QStringLiteral("Ian Instructor"));
    QCOMPARE(profile->user.roles, QList<Role> {Role::Instructor});
    QCOMPARE(profile->organization.slug, QStringLiteral("demo"));
    QCOMPARE(profile->serverUrl, m_server->url());
    QVERIFY(profile->lastConnected >= before);
    QCOMPARE(session.lastConnected(), profile->lastConnected);
    QFile file(m_profiles->profilePath(m_server->url(), QStringLiteral("instructor@demo.lectern")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray saved = file.readAll();
    QVERIFY(!saved.contains(session.refreshToken().toUtf8()));
    QVERIFY(!saved.contains(session.accessToken().toUtf8()));
}

void tst_Session::loginFailures_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("suspend");
    QTest::addColumn<QString>("code");

    QTest::newRow("wrong password")
        << QStringLiteral("student1@demo.lectern") << QStringLiteral("nope") << false
        << QStringLiteral("invalid_credentials");
    QTest::newRow("unknown email") << QStringLiteral("nobody@demo.lectern") << demoPassword << false
                                   << QStringLiteral("invalid_credentials");
    QTest::newRow("suspended") << QStringLiteral("student3@demo.lectern") << demoPassword << true
                               << QStringLiteral("account_disabled");
}

void tst_Session::loginFailures()
{
    QFETCH(QString, email);
    QFETCH(QString, password);
    QFETCH(bool, suspend);
    QFETCH(QString, code);
    if (suspend) {
        const QString problem = suspendUser(m_server->url(), email);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    Session session(m_api.get(), m_tokens.get());
    session.setProfileCache(m_profiles.get());
    QSignalSpy failed(&session, &Session::loginFailed);
    QSignalSpy loggedIn(&session, &Session::loggedIn);
    session.login(m_server->url(), email, password);
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.constFirst().constFirst().value<Error>().code, code);
    QCOMPARE(loggedIn.size(), 0);
    QVERIFY(!session.isLoggedIn());
    QCOMPARE(storedToken(email), std::nullopt);
    QVERIFY(!hasCachedProfile(email));
}

void tst_Session::lockoutAfterRepeatedFailures()
{
    Session session(m_api.get(), m_tokens.get());
    QSignalSpy failed(&session, &Session::loginFailed);
    for (int attempt = 1; attempt <= 5; ++attempt) {
        session.login(m_server->url(), QStringLiteral("ta@demo.lectern"),
                      QStringLiteral("guess-%1").arg(attempt));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), attempt, 10000);
        QCOMPARE(failed.constLast().constFirst().value<Error>().code,
                 QStringLiteral("invalid_credentials"));
    }
    // Slowed down now, even with the right password.
    session.login(m_server->url(), QStringLiteral("ta@demo.lectern"), demoPassword);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 6, 10000);
    const Error error = failed.constLast().constFirst().value<Error>();
    QCOMPARE(error.code, QStringLiteral("too_many_requests"));
    const int retryAfter = error.details.value(u"retryAfter").toInt();
    // A back-off (1 s after five failures, doubling), not a 15-minute lockout.
    QVERIFY2(retryAfter >= 1 && retryAfter <= 2, qPrintable(QString::number(retryAfter)));
    QVERIFY(!session.isLoggedIn());
}

void tst_Session::unreachableServer()
{
    Session session(m_api.get(), m_tokens.get());
    QSignalSpy failed(&session, &Session::loginFailed);
    session.login(unusedServerUrl(), QStringLiteral("student1@demo.lectern"), demoPassword);
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.constFirst().constFirst().value<Error>().code,
             QStringLiteral("network_unreachable"));
}

void tst_Session::resumeRotatesTheStoredToken()
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
    QVERIFY(loggedIn.wait(10000));
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
    session.setProfileCache(m_profiles.get());
    QSignalSpy resumeFailed(&session, &Session::resumeFailed);
    QSignalSpy answered(m_api.get(), &ApiClient::serverAnswered);
    session.resume(m_server->url(), QStringLiteral("student3@demo.lectern"));
    QVERIFY(resumeFailed.wait(5000));
    QCOMPARE(resumeFailed.constFirst().constFirst().value<Error>().code,
             QStringLiteral("no_stored_token"));
    QCOMPARE(answered.size(), 0); // nothing to ask the server
}

void tst_Session::resumeWithRevokedToken()
{
    QString refresh;
    {
        Session first(m_api.get(), m_tokens.get());
        first.setProfileCache(m_profiles.get());
        logIn(first, QStringLiteral("student1@demo.lectern"));
        refresh = first.refreshToken();
        QTRY_VERIFY(storedToken(QStringLiteral("student1@demo.lectern")).has_value());
    }
    // The session is ended on the server meanwhile.
    const QString problem = endSession(m_server->url(), refresh);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    Session session(m_api.get(), m_tokens.get());
    session.setProfileCache(m_profiles.get());
    QSignalSpy resumeFailed(&session, &Session::resumeFailed);
    QSignalSpy offline(&session, &Session::resumedOffline);
    session.resume(m_server->url(), QStringLiteral("student1@demo.lectern"));
    QVERIFY(resumeFailed.wait(10000));
    QCOMPARE(resumeFailed.constFirst().constFirst().value<Error>().code,
             QStringLiteral("invalid_token"));
    QCOMPARE(offline.size(), 0);
    QVERIFY(!session.isLoggedIn());
    // A token the server refused is not tried again on the next start; the profile stays.
    QTRY_COMPARE(storedToken(QStringLiteral("student1@demo.lectern")), std::nullopt);
    QVERIFY(hasCachedProfile(QStringLiteral("student1@demo.lectern")));
}

void tst_Session::resumeWithSpentTokenIsReuse()
{
    // A data folder restored from a backup holds a token the server has already rotated.
    const QString email = QStringLiteral("student2@demo.lectern");
    QString spent;
    {
        Session first(m_api.get(), m_tokens.get());
        logIn(first, email);
        spent = first.refreshToken();
        std::optional<Result<void>> refreshed;
        first.refresh([&](const Result<void> &result) { refreshed = result; });
        QTRY_VERIFY(refreshed.has_value());
        QVERIFY(refreshed->isOk());
        QVERIFY(first.refreshToken() != spent);
    }
    std::optional<Result<void>> saved;
    m_tokens->save(TokenStore::keyFor(m_server->url(), email), spent, this,
                   [&](const Result<void> &result) { saved = result; });
    QTRY_VERIFY(saved.has_value());

    Session session(m_api.get(), m_tokens.get());
    QSignalSpy resumeFailed(&session, &Session::resumeFailed);
    session.resume(m_server->url(), email);
    QVERIFY(resumeFailed.wait(10000));
    QCOMPARE(resumeFailed.constFirst().constFirst().value<Error>().code,
             QStringLiteral("refresh_token_reused"));
    QTRY_COMPARE(storedToken(email), std::nullopt);
}

void tst_Session::resumeOfflineFromCachedProfile()
{
    const QString email = QStringLiteral("student2@demo.lectern");
    QString refresh;
    QDateTime connected;
    {
        Session first(m_api.get(), m_tokens.get());
        first.setProfileCache(m_profiles.get());
        logIn(first, email);
        refresh = first.refreshToken();
        connected = first.lastConnected();
        QTRY_COMPARE(storedToken(email), std::optional<QString>(refresh));
    }
    m_server->stop();

    ApiClient api;
    Session session(&api, m_tokens.get());
    session.setProfileCache(m_profiles.get());
    QSignalSpy offline(&session, &Session::resumedOffline);
    QSignalSpy resumeFailed(&session, &Session::resumeFailed);
    QSignalSpy loggedIn(&session, &Session::loggedIn);
    session.resume(m_server->url(), email);
    QVERIFY(offline.wait(10000));
    QCOMPARE(offline.constFirst().constFirst().value<Error>().code,
             QStringLiteral("network_unreachable"));
    QCOMPARE(resumeFailed.size(), 0);
    QCOMPARE(loggedIn.size(), 0);
    QVERIFY(session.isLoggedIn());
    QVERIFY(session.isOffline());
    QVERIFY(session.isProfileFromCache());
    QVERIFY(!session.hasValidAccessToken());
    QCOMPARE(session.user().name, QStringLiteral("Sasha Student"));
    QCOMPARE(session.organization().name, QStringLiteral("Demo Academy"));
    QCOMPARE(session.lastConnected(), connected);
    // The refresh token waits for the server.
    QCOMPARE(session.refreshToken(), refresh);
    QCOMPARE(storedToken(email), std::optional<QString>(refresh));

    // Back online: one refresh makes it a full session, with the profile the server has now.
    LECTERN_START_RESTARTABLE(*m_server);
    QSignalSpy profileChanged(&session, &Session::profileChanged);
    std::optional<Result<void>> refreshed;
    session.refresh([&](const Result<void> &result) { refreshed = result; });
    QTRY_VERIFY_WITH_TIMEOUT(refreshed.has_value(), 10000);
    QVERIFY(refreshed->isOk());
    QVERIFY(!session.isOffline());
    QVERIFY(!session.isProfileFromCache());
    QVERIFY(session.lastConnected() > connected);
    QCOMPARE(profileChanged.size(), 1);
    QTRY_COMPARE(storedToken(email), std::optional<QString>(session.refreshToken()));
}

void tst_Session::resumeOfflineWithoutProfileFails()
{
    const QString email = QStringLiteral("student1@demo.lectern");
    QString refresh;
    {
        Session first(m_api.get(), m_tokens.get()); // no profile cache: as before this feature
        logIn(first, email);
        refresh = first.refreshToken();
        QTRY_VERIFY(storedToken(email).has_value());
    }
    m_server->stop();

    Session session(m_api.get(), m_tokens.get());
    session.setProfileCache(m_profiles.get());
    QSignalSpy resumeFailed(&session, &Session::resumeFailed);
    session.resume(m_server->url(), email);
    QVERIFY(resumeFailed.wait(10000));
    QCOMPARE(resumeFailed.constFirst().constFirst().value<Error>().code,
             QStringLiteral("network_unreachable"));
    QVERIFY(!session.isLoggedIn());
    // Not the server's refusal: the token stays for the next try.
    QCOMPARE(storedToken(email), std::optional<QString>(refresh));
}

void tst_Session::offlineSessionRefreshesBeforeUse()
{
    const QString email = QStringLiteral("admin@demo.lectern");
    {
        Session first(m_api.get(), m_tokens.get());
        first.setProfileCache(m_profiles.get());
        logIn(first, email);
        QTRY_VERIFY(storedToken(email).has_value());
    }
    m_server->stop();
    Session session(m_api.get(), m_tokens.get());
    session.setProfileCache(m_profiles.get());
    QSignalSpy offline(&session, &Session::resumedOffline);
    session.resume(m_server->url(), email);
    QVERIFY(offline.wait(10000));
    LECTERN_START_RESTARTABLE(*m_server);

    // The first request after the break: no access token yet, so it refreshes and then asks.
    std::optional<Result<void>> done;
    session.fetchProfile([&](const Result<void> &result) { done = result; });
    QTRY_VERIFY_WITH_TIMEOUT(done.has_value(), 10000);
    QVERIFY2(done->isOk(), qPrintable(done->isOk() ? QString() : done->error().code));
    QVERIFY(!session.isOffline());
    QVERIFY(session.hasValidAccessToken());
    QCOMPARE(session.user().name, QStringLiteral("Ada Admin"));
}

void tst_Session::rejectedAccessTokenIsRefreshedOnce()
{
    Session session(m_api.get(), m_tokens.get());
    logIn(session, QStringLiteral("admin@demo.lectern"));
    const QString oldRefresh = session.refreshToken();
    // The client believes its token is good; the server does not take it (e.g. its signing key
    // changed): one refresh, then the request again.
    m_api->setAccessToken(QStringLiteral("eyJhbGciOiJIUzI1NiJ9.e30.not-a-signature"));

    std::optional<Result<void>> done;
    session.fetchProfile([&](const Result<void> &result) { done = result; });
    QTRY_VERIFY_WITH_TIMEOUT(done.has_value(), 10000);
    QVERIFY2(done->isOk(), qPrintable(done->isOk() ? QString() : done->error().code));
    QVERIFY(session.refreshToken() != oldRefresh);
    QCOMPARE(m_api->accessToken(), session.accessToken());
    QCOMPARE(session.user().email, QStringLiteral("admin@demo.lectern"));
    // The old refresh token was used exactly once: presenting it again is reuse.
    QCOMPARE(refreshWith(m_server->url(), oldRefresh).errorCode(),
             QStringLiteral("refresh_token_reused"));
}

void tst_Session::concurrentRefreshesShareOneRequest()
{
    Session session(m_api.get(), m_tokens.get());
    logIn(session, QStringLiteral("ta@demo.lectern"));
    int done = 0;
    int ok = 0;
    // With rotation, a second request would present a spent token and end the session.
    for (int i = 0; i < 3; ++i) {
        session.refresh([&](const Result<void> &result) {
            ++done;
            ok += result.isOk() ? 1 : 0;
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(done, 3, 10000);
    QCOMPARE(ok, 3);
    QVERIFY(session.isLoggedIn());
    std::optional<Result<void>> again;
    session.refresh([&](const Result<void> &result) { again = result; });
    QTRY_VERIFY(again.has_value());
    QVERIFY(again->isOk());
}

void tst_Session::reuseOfRotatedTokenEndsSession()
{
    const QString email = QStringLiteral("student1@demo.lectern");
    Session session(m_api.get(), m_tokens.get());
    session.setProfileCache(m_profiles.get());
    logIn(session, email);
    const QString stolen = session.refreshToken();
    std::optional<Result<void>> refreshed;
    session.refresh([&](const Result<void> &result) { refreshed = result; });
    QTRY_VERIFY(refreshed.has_value());
    QVERIFY(refreshed->isOk());

    // Someone else presents the spent token: the server ends the whole family.
    QCOMPARE(refreshWith(m_server->url(), stolen).errorCode(),
             QStringLiteral("refresh_token_reused"));

    QSignalSpy expired(&session, &Session::sessionExpired);
    std::optional<Result<void>> after;
    session.refresh([&](const Result<void> &result) { after = result; });
    QTRY_VERIFY(after.has_value());
    QVERIFY(!after->isOk());
    QCOMPARE(expired.size(), 1);
    QCOMPARE(expired.constFirst().constFirst().value<Error>().code,
             QStringLiteral("invalid_token"));
    QVERIFY(!session.isLoggedIn());
    QTRY_COMPARE(storedToken(email), std::nullopt);
    // The session is over, but what the person had here is kept.
    QVERIFY(hasCachedProfile(email));
}

void tst_Session::suspendedWhileLoggedInEndsSession()
{
    const QString email = QStringLiteral("student3@demo.lectern");
    Session session(m_api.get(), m_tokens.get());
    logIn(session, email);
    const QString problem = suspendUser(m_server->url(), email);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    QSignalSpy expired(&session, &Session::sessionExpired);
    std::optional<Result<void>> done;
    session.fetchProfile([&](const Result<void> &result) { done = result; });
    QTRY_VERIFY_WITH_TIMEOUT(done.has_value(), 10000);
    QCOMPARE(done->error().code, QStringLiteral("account_disabled"));
    QCOMPARE(expired.size(), 1);
    QCOMPARE(expired.constFirst().constFirst().value<Error>().code,
             QStringLiteral("account_disabled"));
    QVERIFY(!session.isLoggedIn());
    QTRY_COMPARE(storedToken(email), std::nullopt);
}

void tst_Session::logoutForgetsEverything()
{
    const QString email = QStringLiteral("student1@demo.lectern");
    Session session(m_api.get(), m_tokens.get());
    session.setProfileCache(m_profiles.get());
    logIn(session, email);
    const QString refresh = session.refreshToken();
    QTRY_VERIFY(storedToken(email).has_value());
    QVERIFY(hasCachedProfile(email));

    QSignalSpy loggedOut(&session, &Session::loggedOut);
    QSignalSpy answered(m_api.get(), &ApiClient::serverAnswered);
    session.logout();
    QCOMPARE(loggedOut.size(), 1);
    QVERIFY(!session.isLoggedIn());
    QVERIFY(session.accessToken().isEmpty());
    QVERIFY(m_api->accessToken().isEmpty());
    QVERIFY(!hasCachedProfile(email));
    QTRY_COMPARE(storedToken(email), std::nullopt);
    // The server was told: the token no longer works anywhere.
    QTRY_COMPARE(answered.size(), 1);
    QCOMPARE(refreshWith(m_server->url(), refresh).errorCode(), QStringLiteral("invalid_token"));
}

QTEST_GUILESS_MAIN(tst_Session)
#include "tst_session.moc"
