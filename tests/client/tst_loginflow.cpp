#include "flowdriver.h"
#include "liveserver.h"

#include <QAction>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <lectern/client/filetokenstore.h>
#include <lectern/client/profilecache.h>
#include <lectern/client/session.h>
#include <lectern/client/translationloader.h>

using namespace Lectern;
using namespace Lectern::Client;
using namespace Lectern::ClientTest;
using namespace Lectern::ClientTest::FlowDriver;

// The login flow through the real widgets, against a real lectern-server (in-process, demo data,
// a fresh database per test function: the server's lockout counts failures per client address).
class tst_LoginFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void logInAs_data();
    void logInAs();
    void wrongPassword();
    void lockedOut();
    void suspended();
    void serverUnreachable();
    void logoutReturnsToLogin();
    void nextStartResumesSession();
    void nextStartWithRevokedTokenAsksToLogIn();
    void serverOnCommandLineSkipsResume();
    void sessionEndedWhileWorkingKeepsTheWindow();
    void suspendedWhileWorking();

private:
    std::unique_ptr<AppController> startApp(const QUrl &server = {})
    {
        return FlowDriver::startApp(m_dir->path(), server);
    }
    // Logs in through the dialog of a first run of the program, and ends that run.
    void logInOnce(const QString &email);
    std::optional<QString> storedToken(const QString &email) const;
    bool hasCachedProfile(const QString &email) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Test::TestServer> m_server;
};

void tst_LoginFlow::initTestCase()
{
    TranslationLoader::install(QLocale(QLocale::English, QLocale::UnitedStates));
}

void tst_LoginFlow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<Test::TestServer>(demoServer());
    LECTERN_START_SERVER(*m_server);
}

void tst_LoginFlow::cleanup()
{
    m_server.reset();
    m_dir.reset();
}

std::optional<QString> tst_LoginFlow::storedToken(const QString &email) const
{
    return FileTokenStore(QDir(m_dir->path()).filePath(QStringLiteral("tokens.json")))
        .read(TokenStore::keyFor(m_server->url(), email));
}

bool tst_LoginFlow::hasCachedProfile(const QString &email) const
{
    return ProfileCache(m_dir->path()).load(m_server->url(), email).has_value();
}

void tst_LoginFlow::logInOnce(const QString &email)
{
    auto first = startApp(m_server->url());
    QVERIFY(typeAndLogIn(*first, email, demoPassword));
    QTRY_VERIFY_WITH_TIMEOUT(first->mainWindow()->isVisible(), 10000);
    QTRY_VERIFY(storedToken(email).has_value());
}

void tst_LoginFlow::logInAs_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("roles");
    QTest::addColumn<QStringList>("workspaces");

    QTest::newRow("student1") << QStringLiteral("student1@demo.lectern")
                              << QStringLiteral("Sam Student") << QStringLiteral("Student")
                              << QStringList {QStringLiteral("Learn")};
    QTest::newRow("instructor") << QStringLiteral("instructor@demo.lectern")
                                << QStringLiteral("Ian Instructor") << QStringLiteral("Instructor")
                                << QStringList {QStringLiteral("Learn"), QStringLiteral("Author"),
                                                QStringLiteral("Grade")};
    QTest::newRow("admin") << QStringLiteral("admin@demo.lectern") << QStringLiteral("Ada Admin")
                           << QStringLiteral("Administrator")
                           << QStringList {QStringLiteral("Learn"), QStringLiteral("Author"),
                                           QStringLiteral("Admin console")};
}

void tst_LoginFlow::logInAs()
{
    QFETCH(QString, email);
    QFETCH(QString, name);
    QFETCH(QString, roles);
    QFETCH(QStringList, workspaces);

    auto app = startApp(m_server->url());
    QTRY_VERIFY(app->loginDialog()->isVisible());
    QCOMPARE(app->loginDialog()->findChild<QLineEdit *>(QStringLiteral("serverEdit"))->text(),
             m_server->url().toString());
    QCOMPARE(buttonText(app->loginDialog(), "quitButton"), QStringLiteral("&Quit"));
    QVERIFY(typeAndLogIn(*app, email, demoPassword));

    MainWindow *window = app->mainWindow();
    QTRY_VERIFY_WITH_TIMEOUT(window->isVisible(), 10000);
    QVERIFY(!app->loginDialog()->isVisible());
    QCOMPARE(labelText(window, "userNameLabel"), name);
    QCOMPARE(labelText(window, "rolesLabel"), roles);
    QCOMPARE(labelText(window, "organizationLabel"), QStringLiteral("Demo Academy"));
    QCOMPARE(workspaceTitles(window), workspaces);
    QTRY_COMPARE(labelText(window, "connectionLabel"), QStringLiteral("Online"));
    QCOMPARE(labelText(window, "statusLabel"), QString());
    QVERIFY(!window->isSessionEndedShown());
    QVERIFY(hasCachedProfile(email));
}

void tst_LoginFlow::wrongPassword()
{
    auto app = startApp(m_server->url());
    QVERIFY(typeAndLogIn(*app, QStringLiteral("student1@demo.lectern"),
                         QStringLiteral("not-the-password")));
    QTRY_COMPARE_WITH_TIMEOUT(labelText(app->loginDialog(), "messageLabel"),
                              QStringLiteral("The email or password is incorrect."), 10000);
    QVERIFY(!app->loginDialog()->isBusy());
    QVERIFY(app->loginDialog()->isVisible());
    QVERIFY(!app->mainWindow()->isVisible());

    // And then the right one.
    QVERIFY(typeAndLogIn(*app, QStringLiteral("student1@demo.lectern"), demoPassword));
    QTRY_VERIFY_WITH_TIMEOUT(app->mainWindow()->isVisible(), 10000);
}

void tst_LoginFlow::lockedOut()
{
    auto app = startApp(m_server->url());
    // After 5 failures for an account from one address, the server makes each further try from
    // there wait (1 s, then 2 s, ...); the dialog rounds the wait up to whole minutes.
    for (int attempt = 0; attempt < 5; ++attempt) {
        QVERIFY(typeAndLogIn(*app, QStringLiteral("ta@demo.lectern"),
                             QStringLiteral("guess-%1").arg(attempt)));
        QTRY_VERIFY_WITH_TIMEOUT(!app->loginDialog()->isBusy(), 10000);
        QCOMPARE(labelText(app->loginDialog(), "messageLabel"),
                 QStringLiteral("The email or password is incorrect."));
    }
    // Refused now, even with the right password.
    QVERIFY(typeAndLogIn(*app, QStringLiteral("ta@demo.lectern"), demoPassword));
    QTRY_VERIFY_WITH_TIMEOUT(!app->loginDialog()->isBusy(), 10000);
    const QRegularExpression locked(
        QStringLiteral("^Too many failed attempts\\. Try again in [12] seconds?\\.$"));
    const QString message = labelText(app->loginDialog(), "messageLabel");
    QVERIFY2(locked.match(message).hasMatch(), qPrintable(message));
    QVERIFY(!app->mainWindow()->isVisible());
}

void tst_LoginFlow::suspended()
{
    const QString problem = suspendUser(m_server->url(), QStringLiteral("student3@demo.lectern"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    auto app = startApp(m_server->url());
    QVERIFY(typeAndLogIn(*app, QStringLiteral("student3@demo.lectern"), demoPassword));
    QTRY_COMPARE_WITH_TIMEOUT(
        labelText(app->loginDialog(), "messageLabel"),
        QStringLiteral("This account is suspended. Contact your organization's administrator."),
        10000);
    QVERIFY(!app->mainWindow()->isVisible());
}

void tst_LoginFlow::serverUnreachable()
{
    const QUrl server = unusedServerUrl();
    auto app = startApp(server);
    QVERIFY(typeAndLogIn(*app, QStringLiteral("student1@demo.lectern"), demoPassword));
    QTRY_COMPARE_WITH_TIMEOUT(labelText(app->loginDialog(), "messageLabel"),
                              QStringLiteral("Cannot reach the server at %1. Check the address and "
                                             "your connection.")
                                  .arg(server.toString()),
                              10000);
    QVERIFY(!app->mainWindow()->isVisible());
}

void tst_LoginFlow::logoutReturnsToLogin()
{
    const QString email = QStringLiteral("student2@demo.lectern");
    auto app = startApp(m_server->url());
    QVERIFY(typeAndLogIn(*app, email, demoPassword));
    QTRY_VERIFY_WITH_TIMEOUT(app->mainWindow()->isVisible(), 10000);
    QTRY_VERIFY(storedToken(email).has_value());
    const QString refresh = app->session()->refreshToken();
    QVERIFY(hasCachedProfile(email));

    app->mainWindow()->findChild<QAction *>(QStringLiteral("logoutAction"))->trigger();
    QVERIFY(app->loginDialog()->isVisible());
    QVERIFY(!app->mainWindow()->isVisible());
    QCOMPARE(app->loginDialog()->email(), email);
    QVERIFY(app->loginDialog()->password().isEmpty());
    QTRY_VERIFY(!storedToken(email).has_value());
    QVERIFY(!hasCachedProfile(email));
    // The server ended the session too.
    Test::HttpClient client(m_server->url());
    QTRY_COMPARE(client
                     .post(QStringLiteral("/api/v1/auth/refresh"),
                           {{QStringLiteral("refreshToken"), refresh}})
                     .errorCode(),
                 QStringLiteral("invalid_token"));
    app.reset();

    // Logged out: the next start asks for the password.
    auto after = startApp();
    QTRY_VERIFY(after->loginDialog()->isVisible());
    QTRY_VERIFY(!after->loginDialog()->isBusy());
    QVERIFY(!after->mainWindow()->isVisible());
    QCOMPARE(after->loginDialog()->message(), QString());
    QCOMPARE(after->loginDialog()->email(), email);
}

void tst_LoginFlow::nextStartResumesSession()
{
    logInOnce(QStringLiteral("instructor@demo.lectern"));

    auto app = startApp(); // no --server: the last one
    QTRY_VERIFY_WITH_TIMEOUT(app->mainWindow()->isVisible(), 10000);
    QVERIFY(!app->loginDialog()->isVisible());
    QVERIFY(!app->session()->isOffline());
    QCOMPARE(labelText(app->mainWindow(), "userNameLabel"), QStringLiteral("Ian Instructor"));
    QTRY_COMPARE(labelText(app->mainWindow(), "connectionLabel"), QStringLiteral("Online"));
    // The rotated token is what is kept now.
    QTRY_COMPARE(storedToken(QStringLiteral("instructor@demo.lectern")),
                 std::optional<QString>(app->session()->refreshToken()));
}

void tst_LoginFlow::nextStartWithRevokedTokenAsksToLogIn()
{
    const QString email = QStringLiteral("student3@demo.lectern");
    logInOnce(email);
    // The session is ended on the server (a logout with its token ends the whole token family).
    const QString problem = endSession(m_server->url(), *storedToken(email));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    auto app = startApp();
    QTRY_VERIFY(app->loginDialog()->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!app->loginDialog()->isBusy(), 10000);
    QVERIFY(!app->mainWindow()->isVisible());
    QCOMPARE(app->loginDialog()->email(), email);
    QCOMPARE(app->loginDialog()->message(),
             QStringLiteral("Your session has ended. Log in again."));
    QVERIFY(!storedToken(email).has_value());
    // Whatever was kept for this account stays for when the person logs in again.
    QVERIFY(hasCachedProfile(email));

    QVERIFY(typeAndLogIn(*app, email, demoPassword));
    QTRY_VERIFY_WITH_TIMEOUT(app->mainWindow()->isVisible(), 10000);
}

void tst_LoginFlow::serverOnCommandLineSkipsResume()
{
    logInOnce(QStringLiteral("student1@demo.lectern"));
    const QString kept = *storedToken(QStringLiteral("student1@demo.lectern"));

    const QUrl other = unusedServerUrl();
    auto app = startApp(other);
    QTRY_VERIFY(app->loginDialog()->isVisible());
    QVERIFY(!app->loginDialog()->isBusy());
    QVERIFY(!app->mainWindow()->isVisible());
    QCOMPARE(app->loginDialog()->serverUrl(), other);
    // The other server's session was not touched: its token was not even used.
    QTest::qWait(100);
    QCOMPARE(storedToken(QStringLiteral("student1@demo.lectern")), std::optional<QString>(kept));
    Test::HttpClient client(m_server->url());
    QCOMPARE(
        client
            .post(QStringLiteral("/api/v1/auth/refresh"), {{QStringLiteral("refreshToken"), kept}})
            .status,
        200);
}

void tst_LoginFlow::sessionEndedWhileWorkingKeepsTheWindow()
{
    const QString email = QStringLiteral("student2@demo.lectern");
    auto app = startApp(m_server->url());
    QVERIFY(typeAndLogIn(*app, email, demoPassword));
    MainWindow *window = app->mainWindow();
    QTRY_VERIFY_WITH_TIMEOUT(window->isVisible(), 10000);

    // The session is ended on the server; this window finds out at its next refresh.
    const QString problem = endSession(m_server->url(), app->session()->refreshToken());
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QSignalSpy quit(app.get(), &AppController::quitRequested);
    app->session()->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(window->isSessionEndedShown(), 10000);
    QVERIFY(window->isVisible());
    QVERIFY(!app->loginDialog()->isVisible());
    QCOMPARE(labelText(window, "sessionBarText"),
             QStringLiteral("Your session has ended — log in again to sync."));
    QCOMPARE(labelText(window, "userNameLabel"), QStringLiteral("Sasha Student"));

    // "Log in…" opens the dialog over the window; Cancel only closes the dialog.
    auto *login = window->findChild<QPushButton *>(QStringLiteral("sessionLoginButton"));
    QTest::mouseClick(login, Qt::LeftButton);
    QVERIFY(app->loginDialog()->isVisible());
    QCOMPARE(app->loginDialog()->email(), email);
    QCOMPARE(buttonText(app->loginDialog(), "quitButton"), QStringLiteral("&Cancel"));
    QTest::mouseClick(app->loginDialog()->findChild<QPushButton *>(QStringLiteral("quitButton")),
                      Qt::LeftButton);
    QVERIFY(!app->loginDialog()->isVisible());
    QVERIFY(window->isVisible());
    QCOMPARE(quit.size(), 0);

    // Logging in again from the bar brings the session back; the bar goes.
    QTest::mouseClick(login, Qt::LeftButton);
    QVERIFY(typeAndLogIn(*app, email, demoPassword));
    QTRY_VERIFY_WITH_TIMEOUT(!window->isSessionEndedShown(), 10000);
    QVERIFY(!app->loginDialog()->isVisible());
    QVERIFY(window->isVisible());
    QVERIFY(app->session()->isLoggedIn());
    QTRY_VERIFY(storedToken(email).has_value());
}

void tst_LoginFlow::suspendedWhileWorking()
{
    const QString email = QStringLiteral("student1@demo.lectern");
    auto app = startApp(m_server->url());
    QVERIFY(typeAndLogIn(*app, email, demoPassword));
    MainWindow *window = app->mainWindow();
    QTRY_VERIFY_WITH_TIMEOUT(window->isVisible(), 10000);

    const QString problem = suspendUser(m_server->url(), email);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    app->session()->fetchProfile();
    QTRY_VERIFY_WITH_TIMEOUT(window->isSessionEndedShown(), 10000);
    QCOMPARE(
        labelText(window, "sessionBarText"),
        QStringLiteral("This account is suspended. Contact your organization's administrator."));
    QVERIFY(window->isVisible());
    QTRY_VERIFY(!storedToken(email).has_value());
}

QTEST_MAIN(tst_LoginFlow)
#include "tst_loginflow.moc"
