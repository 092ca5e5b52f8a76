#include "faultyserver.h"
#include "flowdriver.h"
#include "liveserver.h"

#include <QAction>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <lectern/client/apiclient.h>
#include <lectern/client/filetokenstore.h>
#include <lectern/client/profilecache.h>
#include <lectern/client/session.h>
#include <lectern/client/translationloader.h>

using namespace Lectern;
using namespace Lectern::Client;
using namespace Lectern::ClientTest;
using namespace Lectern::ClientTest::FlowDriver;

// Starting Lectern without the server, the way a student does on a train: the main window opens
// from the cached profile, and the session comes back (or says it has ended) when the server
// does. Against a real lectern-server that is stopped and started again on the same address.
class tst_OfflineStart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void opensMainWindowFromCache();
    void serverBackRenewsTheSession();
    void sessionEndedWhileOfflineShowsTheBar();
    void logoutWhileOfflineForgetsTheAccount();
    void tokenWithoutProfileAsksToLogIn();
    void serverThatNeverAnswersAtStart();

private:
    static inline const QString email = QStringLiteral("student2@demo.lectern");

    // A first run of the program that logs in through the dialog, then quits.
    void firstRun();
    std::unique_ptr<AppController> startOffline();
    std::optional<QString> storedToken() const;
    std::optional<CachedProfile> cachedProfile() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<RestartableServer> m_server;
};

void tst_OfflineStart::initTestCase()
{
    TranslationLoader::install(QLocale(QLocale::English, QLocale::UnitedStates));
}

void tst_OfflineStart::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<RestartableServer>();
    LECTERN_START_RESTARTABLE(*m_server);
}

void tst_OfflineStart::cleanup()
{
    m_server.reset();
    m_dir.reset();
}

std::optional<QString> tst_OfflineStart::storedToken() const
{
    return FileTokenStore(QDir(m_dir->path()).filePath(QStringLiteral("tokens.json")))
        .read(TokenStore::keyFor(m_server->url(), email));
}

std::optional<CachedProfile> tst_OfflineStart::cachedProfile() const
{
    return ProfileCache(m_dir->path()).load(m_server->url(), email);
}

void tst_OfflineStart::firstRun()
{
    auto app = FlowDriver::startApp(m_dir->path(), m_server->url());
    QVERIFY(typeAndLogIn(*app, email, demoPassword));
    QTRY_VERIFY_WITH_TIMEOUT(app->mainWindow()->isVisible(), 10000);
    QTRY_VERIFY(storedToken().has_value());
    QVERIFY(cachedProfile().has_value());
}

std::unique_ptr<AppController> tst_OfflineStart::startOffline()
{
    AppOptions options = appOptions(m_dir->path());
    options.connectionCheckIntervalMs = 100;
    return FlowDriver::startApp(options);
}

void tst_OfflineStart::opensMainWindowFromCache()
{
    firstRun();
    const QString token = *storedToken();
    const QDateTime lastConnected = cachedProfile()->lastConnected;
    m_server->stop();

    auto app = startOffline();
    MainWindow *window = app->mainWindow();
    QTRY_VERIFY_WITH_TIMEOUT(window->isVisible(), 2000);
    QVERIFY(!app->loginDialog()->isVisible());
    QVERIFY(app->session()->isOffline());
    QCOMPARE(labelText(window, "userNameLabel"), QStringLiteral("Sasha Student"));
    QCOMPARE(labelText(window, "rolesLabel"), QStringLiteral("Student"));
    QCOMPARE(labelText(window, "organizationLabel"), QStringLiteral("Demo Academy"));
    QCOMPARE(workspaceTitles(window), QStringList {QStringLiteral("Learn")});
    QTRY_COMPARE(labelText(window, "connectionLabel"), QStringLiteral("Offline"));
    QCOMPARE(labelText(window, "statusLabel"), MainWindow::offlineStatus(lastConnected));
    QVERIFY2(labelText(window, "statusLabel")
                 .startsWith(QStringLiteral("Working offline — last connected at ")),
             qPrintable(labelText(window, "statusLabel")));
    QVERIFY(!window->isSessionEndedShown());
    // The token waits for the server, untouched.
    QCOMPARE(storedToken(), std::optional<QString>(token));
}

void tst_OfflineStart::serverBackRenewsTheSession()
{
    firstRun();
    const QString token = *storedToken();
    const QDateTime lastConnected = cachedProfile()->lastConnected;
    // Changed on the server after this computer last saw it.
    const QString problem = renameUser(m_server->url(), email, QStringLiteral("Sasha Renamed"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_server->stop();

    auto app = startOffline();
    MainWindow *window = app->mainWindow();
    QTRY_COMPARE_WITH_TIMEOUT(labelText(window, "connectionLabel"), QStringLiteral("Offline"),
                              5000);
    QCOMPARE(labelText(window, "userNameLabel"), QStringLiteral("Sasha Student"));

    LECTERN_START_RESTARTABLE(*m_server);
    QTRY_COMPARE_WITH_TIMEOUT(labelText(window, "connectionLabel"), QStringLiteral("Online"),
                              10000);
    QTRY_COMPARE_WITH_TIMEOUT(labelText(window, "userNameLabel"), QStringLiteral("Sasha Renamed"),
                              10000);
    QVERIFY(!app->session()->isOffline());
    QVERIFY(app->session()->hasValidAccessToken());
    QCOMPARE(labelText(window, "statusLabel"), QString());
    QVERIFY(!window->isSessionEndedShown());
    // Rotated and kept; the cache knows the new name for the next offline start.
    QTRY_COMPARE(storedToken(), std::optional<QString>(app->session()->refreshToken()));
    QVERIFY(*storedToken() != token);
    QCOMPARE(cachedProfile()->user.name, QStringLiteral("Sasha Renamed"));
    QVERIFY(cachedProfile()->lastConnected > lastConnected);
}

void tst_OfflineStart::sessionEndedWhileOfflineShowsTheBar()
{
    firstRun();
    // The session is ended on the server while this computer is away.
    const QString problem = endSession(m_server->url(), *storedToken());
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_server->stop();

    auto app = startOffline();
    MainWindow *window = app->mainWindow();
    QTRY_COMPARE_WITH_TIMEOUT(labelText(window, "connectionLabel"), QStringLiteral("Offline"),
                              5000);
    QSignalSpy quit(app.get(), &AppController::quitRequested);

    LECTERN_START_RESTARTABLE(*m_server);
    QTRY_VERIFY_WITH_TIMEOUT(window->isSessionEndedShown(), 10000);
    QCOMPARE(labelText(window, "sessionBarText"),
             QStringLiteral("Your session has ended — log in again to sync."));
    // Nothing is taken away: the window, its contents and what is cached stay.
    QVERIFY(window->isVisible());
    QVERIFY(!app->loginDialog()->isVisible());
    QCOMPARE(labelText(window, "userNameLabel"), QStringLiteral("Sasha Student"));
    QTRY_COMPARE(labelText(window, "connectionLabel"), QStringLiteral("Online"));
    QTRY_VERIFY(!storedToken().has_value());
    QVERIFY(cachedProfile().has_value());

    QTest::mouseClick(window->findChild<QPushButton *>(QStringLiteral("sessionLoginButton")),
                      Qt::LeftButton);
    QVERIFY(app->loginDialog()->isVisible());
    QVERIFY(window->isVisible());
    QCOMPARE(app->loginDialog()->email(), email);
    QCOMPARE(app->loginDialog()->serverUrl(), m_server->url());
    QVERIFY(typeAndLogIn(*app, email, demoPassword));
    QTRY_VERIFY_WITH_TIMEOUT(!window->isSessionEndedShown(), 10000);
    QVERIFY(!app->loginDialog()->isVisible());
    QVERIFY(app->session()->isLoggedIn());
    QVERIFY(!app->session()->isOffline());
    QTRY_VERIFY(storedToken().has_value());
    QCOMPARE(quit.size(), 0);
}

void tst_OfflineStart::logoutWhileOfflineForgetsTheAccount()
{
    firstRun();
    m_server->stop();
    auto app = startOffline();
    QTRY_VERIFY_WITH_TIMEOUT(app->session()->isOffline(), 5000);

    app->mainWindow()->findChild<QAction *>(QStringLiteral("logoutAction"))->trigger();
    QVERIFY(app->loginDialog()->isVisible());
    QVERIFY(!app->mainWindow()->isVisible());
    QCOMPARE(app->loginDialog()->email(), email);
    QTRY_VERIFY(!storedToken().has_value());
    QVERIFY(!cachedProfile().has_value());
}

void tst_OfflineStart::tokenWithoutProfileAsksToLogIn()
{
    // A token kept by a version that did not cache profiles: nothing to open offline.
    firstRun();
    QVERIFY(ProfileCache(m_dir->path()).remove(m_server->url(), email).isOk());
    const QString token = *storedToken();
    m_server->stop();

    auto app = startOffline();
    QTRY_VERIFY(app->loginDialog()->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!app->loginDialog()->isBusy(), 5000);
    QVERIFY(!app->mainWindow()->isVisible());
    QCOMPARE(app->loginDialog()->email(), email);
    QCOMPARE(app->loginDialog()->message(),
             QStringLiteral("Cannot reach the server at %1. Check the address and your connection.")
                 .arg(m_server->url().toString()));
    QCOMPARE(storedToken(), std::optional<QString>(token));
}

void tst_OfflineStart::serverThatNeverAnswersAtStart()
{
    firstRun();
    const quint16 port = m_server->port();
    m_server->stop();
    // Connections are taken and never answered: a dead Wi-Fi or a hung proxy.
    FaultyServer silent;
    if (!silent.listen(port))
        QSKIP("the port was taken meanwhile");
    silent.neverAnswer();

    auto app = std::make_unique<AppController>(appOptions(m_dir->path()));
    app->api()->setTimeout(1000);
    app->start();
    MainWindow *window = app->mainWindow();
    // No waiting on the network: the window opens from the cache while the refresh hangs.
    QTRY_VERIFY_WITH_TIMEOUT(window->isVisible(), 1000);
    QVERIFY(!app->loginDialog()->isVisible());
    QVERIFY(!app->session()->isLoggedIn());
    QCOMPARE(labelText(window, "connectionLabel"), QStringLiteral("Connecting…"));
    QCOMPARE(labelText(window, "userNameLabel"), QStringLiteral("Sasha Student"));

    // The refresh times out: offline, and the token is kept.
    QTRY_COMPARE_WITH_TIMEOUT(labelText(window, "connectionLabel"), QStringLiteral("Offline"),
                              5000);
    QVERIFY(app->session()->isOffline());
    QVERIFY(storedToken().has_value());
    QVERIFY(silent.requestCount() >= 1);
}

QTEST_MAIN(tst_OfflineStart)
#include "tst_offlinestart.moc"
