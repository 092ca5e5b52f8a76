#include "fakeauthapi.h"
#include "flowdriver.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <lectern/client/appcontroller.h>
#include <lectern/client/logindialog.h>
#include <lectern/client/mainwindow.h>
#include <lectern/client/session.h>
#include <lectern/client/translationloader.h>

using namespace Lectern;
using namespace Lectern::Client;
using namespace Lectern::ClientTest;
using namespace Lectern::ClientTest::FlowDriver;

// The whole login flow through the real widgets, against a fake of the server's auth API.
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

private:
    std::unique_ptr<AppController> startApp(const QUrl &server = {})
    {
        return FlowDriver::startApp(m_dir->path(), server);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeServer> m_server;
    std::unique_ptr<FakeAuthApi> m_auth;
};

void tst_LoginFlow::initTestCase()
{
    TranslationLoader::install(QLocale(QLocale::English, QLocale::UnitedStates));
}

void tst_LoginFlow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<FakeServer>();
    QVERIFY(m_server->listen());
    m_auth = std::make_unique<FakeAuthApi>(m_server.get());
    m_auth->addDemoUsers();
}

void tst_LoginFlow::cleanup()
{
    m_auth.reset();
    m_server.reset();
    m_dir.reset();
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
    QVERIFY(FlowDriver::typeAndLogIn(*app, email, FakeAuthApi::password));

    MainWindow *window = app->mainWindow();
    QTRY_VERIFY(window->isVisible());
    QVERIFY(!app->loginDialog()->isVisible());
    QCOMPARE(labelText(window, "userNameLabel"), name);
    QCOMPARE(labelText(window, "rolesLabel"), roles);
    QCOMPARE(labelText(window, "organizationLabel"), QStringLiteral("Demo Academy"));
    QCOMPARE(workspaceTitles(window), workspaces);
    QTRY_COMPARE(labelText(window, "connectionLabel"), QStringLiteral("Online"));
}

void tst_LoginFlow::wrongPassword()
{
    auto app = startApp(m_server->url());
    QVERIFY(FlowDriver::typeAndLogIn(*app, QStringLiteral("student1@demo.lectern"),
                                     QStringLiteral("not-the-password")));
    QTRY_COMPARE(labelText(app->loginDialog(), "messageLabel"),
                 QStringLiteral("The email or password is incorrect."));
    QVERIFY(!app->loginDialog()->isBusy());
    QVERIFY(app->loginDialog()->isVisible());
    QVERIFY(!app->mainWindow()->isVisible());

    // And then the right one.
    QVERIFY(FlowDriver::typeAndLogIn(*app, QStringLiteral("student1@demo.lectern"),
                                     FakeAuthApi::password));
    QTRY_VERIFY(app->mainWindow()->isVisible());
}

void tst_LoginFlow::lockedOut()
{
    m_auth->lockoutThreshold = 5;
    m_auth->retryAfterSeconds = 900;
    auto app = startApp(m_server->url());
    for (int attempt = 0; attempt < 5; ++attempt) {
        QVERIFY(FlowDriver::typeAndLogIn(*app, QStringLiteral("ta@demo.lectern"),
                                         QStringLiteral("guess-%1").arg(attempt)));
        QTRY_COMPARE(labelText(app->loginDialog(), "messageLabel"),
                     QStringLiteral("The email or password is incorrect."));
        app->loginDialog()->clearMessage();
    }
    // Locked now, even with the right password.
    QVERIFY(
        FlowDriver::typeAndLogIn(*app, QStringLiteral("ta@demo.lectern"), FakeAuthApi::password));
    QTRY_COMPARE(labelText(app->loginDialog(), "messageLabel"),
                 QStringLiteral("Too many failed attempts. Try again in 15 minutes."));
    QVERIFY(!app->mainWindow()->isVisible());
}

void tst_LoginFlow::suspended()
{
    m_auth->addUser(QStringLiteral("gone@demo.lectern"), QStringLiteral("Gone"),
                    {QStringLiteral("student")}, QStringLiteral("suspended"));
    auto app = startApp(m_server->url());
    QVERIFY(
        FlowDriver::typeAndLogIn(*app, QStringLiteral("gone@demo.lectern"), FakeAuthApi::password));
    QTRY_COMPARE(
        labelText(app->loginDialog(), "messageLabel"),
        QStringLiteral("This account is suspended. Contact your organization's administrator."));
}

void tst_LoginFlow::serverUnreachable()
{
    QUrl server = m_server->url();
    server.setPort(FakeServer::refusedPort());
    auto app = startApp(server);
    QVERIFY(FlowDriver::typeAndLogIn(*app, QStringLiteral("student1@demo.lectern"),
                                     FakeAuthApi::password));
    QTRY_COMPARE_WITH_TIMEOUT(labelText(app->loginDialog(), "messageLabel"),
                              QStringLiteral("Cannot reach the server at %1. Check the address and "
                                             "your connection.")
                                  .arg(server.toString()),
                              10000);
}

void tst_LoginFlow::logoutReturnsToLogin()
{
    auto app = startApp(m_server->url());
    QVERIFY(FlowDriver::typeAndLogIn(*app, QStringLiteral("student2@demo.lectern"),
                                     FakeAuthApi::password));
    QTRY_VERIFY(app->mainWindow()->isVisible());
    const QString key
        = TokenStore::keyFor(m_server->url(), QStringLiteral("student2@demo.lectern"));
    QTRY_VERIFY(FileTokenStore(app->tokenStore()->filePath()).read(key).has_value());

    app->mainWindow()->findChild<QAction *>(QStringLiteral("logoutAction"))->trigger();
    QVERIFY(app->loginDialog()->isVisible());
    QVERIFY(!app->mainWindow()->isVisible());
    QCOMPARE(app->loginDialog()->email(), QStringLiteral("student2@demo.lectern"));
    QVERIFY(app->loginDialog()->password().isEmpty());
    QTRY_COMPARE(m_server->requests(QStringLiteral("/api/v1/auth/logout")).size(), 1);
    QTRY_VERIFY(!FileTokenStore(app->tokenStore()->filePath()).read(key).has_value());
}

void tst_LoginFlow::nextStartResumesSession()
{
    {
        auto first = startApp(m_server->url());
        QVERIFY(FlowDriver::typeAndLogIn(*first, QStringLiteral("instructor@demo.lectern"),
                                         FakeAuthApi::password));
        QTRY_VERIFY(first->mainWindow()->isVisible());
        const QString key
            = TokenStore::keyFor(m_server->url(), QStringLiteral("instructor@demo.lectern"));
        QTRY_VERIFY(FileTokenStore(first->tokenStore()->filePath()).read(key).has_value());
    }

    auto app = startApp(); // no --server: the last one
    QTRY_VERIFY(app->mainWindow()->isVisible());
    QVERIFY(!app->loginDialog()->isVisible());
    QCOMPARE(labelText(app->mainWindow(), "userNameLabel"), QStringLiteral("Ian Instructor"));
    QCOMPARE(m_server->requests(QStringLiteral("/api/v1/auth/login")).size(), 1);
    QCOMPARE(m_auth->refreshCount(), 1);
}

void tst_LoginFlow::nextStartWithRevokedTokenAsksToLogIn()
{
    {
        auto first = startApp(m_server->url());
        QVERIFY(FlowDriver::typeAndLogIn(*first, QStringLiteral("student3@demo.lectern"),
                                         FakeAuthApi::password));
        QTRY_VERIFY(first->mainWindow()->isVisible());
        const QString key
            = TokenStore::keyFor(m_server->url(), QStringLiteral("student3@demo.lectern"));
        QTRY_VERIFY(FileTokenStore(first->tokenStore()->filePath()).read(key).has_value());
    }
    m_auth->revokeRefreshTokens();

    auto app = startApp();
    QTRY_VERIFY(app->loginDialog()->isVisible());
    QTRY_VERIFY(!app->loginDialog()->isBusy());
    QVERIFY(!app->mainWindow()->isVisible());
    QCOMPARE(app->loginDialog()->email(), QStringLiteral("student3@demo.lectern"));
    QCOMPARE(app->loginDialog()->message(),
             QStringLiteral("Your session has ended. Log in again."));
}

void tst_LoginFlow::serverOnCommandLineSkipsResume()
{
    {
        auto first = startApp(m_server->url());
        QVERIFY(FlowDriver::typeAndLogIn(*first, QStringLiteral("student1@demo.lectern"),
                                         FakeAuthApi::password));
        QTRY_VERIFY(first->mainWindow()->isVisible());
    }
    QUrl other(QStringLiteral("http://127.0.0.1"));
    other.setPort(FakeServer::refusedPort());
    auto app = startApp(other);
    QTRY_VERIFY(app->loginDialog()->isVisible());
    QVERIFY(!app->loginDialog()->isBusy());
    QCOMPARE(app->loginDialog()->serverUrl(), other);
    QCOMPARE(m_auth->refreshCount(), 0);
}

QTEST_MAIN(tst_LoginFlow)
#include "tst_loginflow.moc"
